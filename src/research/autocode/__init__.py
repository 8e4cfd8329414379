"""Dictionaries of a field's words: rules that find a code's lemmas, phrases and words.

A dictionary (``codebook/dictionaries/<name>.yaml``) lists, for codes of the
codebook, the lemmas, phrases, word forms or spaCy patterns that signal them,
where to look (document kinds, speakers, categories of speakers, sections) and
what must not be near (a negation). :func:`match_dictionary` finds them in a
corpus as a review table; a coding session applies the table
(:meth:`research.coding.CodingSession.autocode`), with a memo naming each rule.
"""

from research.autocode._dictionary import (
    DICTIONARY_FOLDER,
    Dictionary,
    Exclusion,
    Rule,
    Terms,
    check_dictionaries,
    dictionary_files,
    find_dictionary,
    read_dictionary,
    split_elisions,
)
from research.autocode._matching import MATCH_COLUMNS, lemmatise_phrases, match_dictionary

__all__ = [
    "DICTIONARY_FOLDER",
    "MATCH_COLUMNS",
    "Dictionary",
    "Exclusion",
    "Rule",
    "Terms",
    "check_dictionaries",
    "dictionary_files",
    "find_dictionary",
    "lemmatise_phrases",
    "match_dictionary",
    "read_dictionary",
    "split_elisions",
]
