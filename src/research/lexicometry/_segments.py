"""Text segments as IRaMuTeQ cuts them: about 40 words, cut at the strongest punctuation.

Textual statistics in the tradition of Reinert's Alceste and Ratinaud's
IRaMuTeQ count words in *text segments* (*segments de texte*, *unités de
contexte élémentaires*) of comparable length rather than in whole documents.
:func:`text_segments` cuts them from a corpus:

- a run of consecutive corpus segments of one document with the same speaker
  and section (one speaker turn of an interview; the paragraphs under one
  heading of minutes) is cut on its own, so a text segment never crosses a
  speaker turn nor a heading;
- in a run, each segment ends after about ``size`` words: among the ends of
  words ``0.75 × size`` to ``1.25 × size`` words away, the one followed by the
  strongest punctuation is chosen (a full stop, question or exclamation mark,
  ellipsis or paragraph break; else a colon or semicolon; else a comma; else any
  word), the nearest to ``size`` words among equals; a run's last words go
  with the segment before them when they are fewer than that range's start;
- a segment keeps the punctuation that closes it (``.``, ``»``…) and its
  offsets point into the stored document text: ``text[start:end]`` is its text.

The interviewer's words are left out by default (the respondents' words are
analysed, not the questions): a turn is the interviewer's when its speaker's
label is one of ``interviewer`` (by default :data:`INTERVIEWER_LABELS`,
compared without case nor accents) or its actor is one of ``interviewer_actors``
(the actors of category ``researcher`` in the registry, for instance); in a
transcript, the paragraphs outside any turn (a preamble, a note on the
setting) are the researcher's too.

References
----------
.. [1] Reinert, M. (1990). Alceste, une méthodologie d'analyse des données
   textuelles et une application : Aurélia de Gérard de Nerval. *Bulletin de
   méthodologie sociologique*, 26(1), 24-54.
.. [2] Ratinaud, P. (2014). *IRaMuTeQ : Interface de R pour les analyses
   multidimensionnelles de textes et de questionnaires* (version 0.7 alpha 2),
   documentation, section « Segmentation ». http://www.iramuteq.org

Examples
--------
>>> from research.corpus import Corpus
>>> text = "Enquêtrice : Et alors ?\\nÉlodie : Oui, un marché. Puis une épicerie."
>>> speakers = {"Enquêtrice": "P04", "Élodie": "P10"}
>>> corpus = Corpus.from_texts({"A": text}, metadata={"A": {"kind": "interview", "speakers": speakers}})
>>> segments = text_segments(corpus, size=3)
>>> segments[["ts_id", "speaker", "text"]].values.tolist()
[['A:t0000', 'Élodie', 'Oui, un marché.'], ['A:t0001', 'Élodie', 'Puis une épicerie.']]
>>> text = corpus.text("A")
>>> all(text[s:e] == t for s, e, t in segments[["start", "end", "text"]].values)
True
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from research.errors import InputError
from research.text import fold

if TYPE_CHECKING:
    from research.corpus import Corpus

__all__ = ["INTERVIEWER_LABELS", "TEXT_SEGMENT_COLUMNS", "interviewer_turns", "text_segments"]

#: Columns of the text segments table (the documents' attributes follow).
TEXT_SEGMENT_COLUMNS = [
    "doc_id",
    "ts_id",
    "seg_id",
    "start",
    "end",
    "speaker",
    "actor",
    "section",
    "n_words",
    "text",
]
#: Speaker labels read as the interviewer's (compared without case nor accents).
INTERVIEWER_LABELS = (
    "enquêteur",
    "enquêtrice",
    "enquêteuse",
    "intervieweur",
    "intervieweuse",
    "interviewer",
    "chercheur",
    "chercheuse",
    "question",
    "q",
    "e",
    "i",
)
# Columns of the documents table that are not attributes of a text segment.
_BOOKKEEPING = {"title", "path", "sha256", "n_chars", "n_words", "n_segments", "speakers"}
_WORD = re.compile(r"[^\W_]+")
# Strength of the punctuation after a word: paragraph break and final marks first.
_STRONG = re.compile(r"[.!?…]|\n")
_MIDDLE = re.compile(r"[;:]")
_WEAK = re.compile(r",")
# The marks that close a word, with the spaces French typography puts before some of them.
_CLOSING = re.compile(r"(?:[ \t\u00a0\u202f]*[.!?…;:,»)\]\"”])*")


def interviewer_turns(
    segments: pd.DataFrame,
    *,
    interviewer: Iterable[str] | None = None,
    interviewer_actors: Iterable[str] | None = None,
) -> pd.Series:
    """Whether each corpus segment holds the interviewer's words (see the module notes).

    A segment is the interviewer's when its speaker's label is one of
    ``interviewer`` or its actor one of ``interviewer_actors``; in a transcript
    (a document with speaker turns), a paragraph outside any turn (a preamble,
    a note on the setting) is the researcher's too.

    Examples
    --------
    >>> segs = pd.DataFrame({"doc_id": ["A", "A", "A", "B"], "speaker": [None, "Enquetrice", "Élodie", None],
    ...                      "actor": [None, "P04", "P10", None]})
    >>> interviewer_turns(segs).tolist()
    [True, True, False, False]
    >>> interviewer_turns(segs, interviewer=[], interviewer_actors=["P10"]).tolist()
    [True, False, True, False]
    """
    chosen = INTERVIEWER_LABELS if interviewer is None else interviewer
    labels = {fold(label).strip() for label in chosen}
    speaker = segments["speaker"].map(lambda s: isinstance(s, str) and fold(s).strip() in labels)
    actors = set(() if interviewer_actors is None else interviewer_actors)
    actor = segments["actor"].isin(actors) if actors else False
    spoken = segments["speaker"].notna()
    transcripts = set(segments.loc[spoken, "doc_id"]) if "doc_id" in segments else set()
    notes = ~spoken & segments["doc_id"].isin(transcripts) if transcripts else False
    return (speaker | actor | notes).astype(bool)


def _strength(text: str, position: int) -> int:
    """How strong a cut is after the word ending at ``position`` (3 to 0)."""
    marks = _CLOSING.match(text, position).group(0)
    following = text[position + len(marks) : position + len(marks) + 3]
    if _STRONG.search(marks) or "\n" in following:
        return 3
    if _MIDDLE.search(marks):
        return 2
    if _WEAK.search(marks):
        return 1
    return 0


def _cuts(text: str, size: int) -> list[tuple[int, int, int]]:
    """``(start, end, n_words)`` of the segments of one run's ``text`` (offsets in it)."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not words:
        return []
    low, high = max(1, math.ceil(0.75 * size)), max(1, math.floor(1.25 * size))
    strengths = [_strength(text, end) for _, end in words]
    out, first = [], 0
    while first < len(words):
        remaining = len(words) - first
        if remaining <= high:
            last = len(words) - 1
        else:
            candidates = range(first + low - 1, min(first + high, len(words) - low))
            if not candidates:
                last = len(words) - 1
            else:
                last = max(candidates, key=lambda k: (strengths[k], -abs(k - first + 1 - size), -k))
        start = words[first][0] if out else _leading(text, words[0][0])
        end = words[last][1]
        end = _CLOSING.match(text, end).end()
        out.append((start, end, last - first + 1))
        first = last + 1
    return out


def _leading(text: str, first_word: int) -> int:
    """Where a run's first segment starts: its first non-space character."""
    stripped = len(text[:first_word]) - len(text[:first_word].lstrip())
    return stripped


def _runs(segments: pd.DataFrame) -> pd.Series:
    """A run number per corpus segment: consecutive segments of one document, speaker and section."""
    keys = segments[["doc_id", "speaker", "section"]].astype(object).fillna("\x00")
    changed = (keys != keys.shift()).any(axis=1)
    return changed.cumsum()


def text_segments(
    corpus: Corpus,
    *,
    size: int = 40,
    include_interviewer: bool = False,
    interviewer: Iterable[str] | None = None,
    interviewer_actors: Iterable[str] | None = None,
    attributes: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Cut the corpus into text segments of about ``size`` words (see the module notes).

    Parameters
    ----------
    corpus : Corpus
    size : int
        Words per segment (IRaMuTeQ's default is 40).
    include_interviewer : bool
        Keep the interviewer's turns.
    interviewer : iterable of str, optional
        Speaker labels of the interviewer (default :data:`INTERVIEWER_LABELS`).
    interviewer_actors : iterable of str, optional
        Actor ids of the interviewer (the registry's researchers).
    attributes : iterable of str, optional
        Document attributes copied to each segment (default: every attribute of
        the documents table but its bookkeeping columns).

    Returns
    -------
    DataFrame
        :data:`TEXT_SEGMENT_COLUMNS` and the attributes, one row per segment in
        corpus order; ``ts_id`` is ``<doc_id>:t<nnnn>``, ``seg_id`` the corpus
        segment where it starts.

    Raises
    ------
    InputError
        When ``size`` is not a positive number of words, or an attribute is unknown.
    """
    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        raise InputError(f"size must be a positive number of words, not {size!r}", hint="e.g. 40")
    documents = corpus.documents
    if attributes is None:
        attributes = [c for c in documents.columns if c not in _BOOKKEEPING and c != "doc_id"]
    attributes = list(attributes)
    corpus.check_attributes(attributes)
    segs = corpus.segments.reset_index(drop=True)
    if not include_interviewer and len(segs):
        asked = interviewer_turns(
            segs, interviewer=interviewer, interviewer_actors=interviewer_actors
        )
        runs = _runs(segs)[~asked.to_numpy()]
        segs = segs[~asked.to_numpy()]
    else:
        runs = _runs(segs) if len(segs) else pd.Series(dtype=int)
    rows: dict[str, list] = {name: [] for name in TEXT_SEGMENT_COLUMNS}
    counters: dict[str, int] = {}
    run_ids = runs.to_numpy()
    bounds = [0, *(np.flatnonzero(run_ids[1:] != run_ids[:-1]) + 1).tolist(), len(run_ids)]
    columns = {
        name: segs[name].tolist() for name in ("doc_id", "seg_id", "speaker", "actor", "section")
    }
    seg_starts, seg_ends = segs["start"].to_numpy(), segs["end"].to_numpy()
    for first, stop in itertools.pairwise(bounds):
        if stop <= first:
            continue
        doc_id = columns["doc_id"][first]
        text = corpus.text(doc_id)
        begin, finish = int(seg_starts[first]), int(seg_ends[stop - 1])
        starts = seg_starts[first:stop]
        for start, end, n_words in _cuts(text[begin:finish], size):
            at = begin + start
            number = counters.get(doc_id, 0)
            counters[doc_id] = number + 1
            row = first + max(int(np.searchsorted(starts, at, side="right")) - 1, 0)
            rows["doc_id"].append(doc_id)
            rows["ts_id"].append(f"{doc_id}:t{number:04d}")
            for name in ("seg_id", "speaker", "actor", "section"):
                rows[name].append(columns[name][row])
            rows["start"].append(at)
            rows["end"].append(begin + end)
            rows["n_words"].append(n_words)
            rows["text"].append(text[at : begin + end])
    table = pd.DataFrame(rows, columns=TEXT_SEGMENT_COLUMNS).astype(
        {"start": "int64", "end": "int64", "n_words": "int64"}
    )
    if attributes:
        extra = documents[["doc_id", *attributes]]
        table = table.merge(extra, on="doc_id", how="left", validate="many_to_one")
    return table
