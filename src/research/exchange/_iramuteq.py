"""The corpus in IRaMuTeQ's text format, so that its analyses can be cross-checked there.

IRaMuTeQ (and Alceste before it) reads a plain UTF-8 text file in which each
text (*unité de contexte initiale*) starts with a line of four stars and its
starred variables, ``**** *categorie_porteurs_de_projet *edition_SUT2017``;
a variable's name and its value are separated by the first ``_``.
:func:`iramuteq_corpus` writes one text per document (or per speaker turn),
with:

- the variables: ``*doc_<id>``, then each attribute asked for, named by
  :data:`VARIABLE_NAMES` (``respondent_category`` is ``categorie``) or by its own
  name without underscores nor accents; values are the French labels of the
  vocabulary (``porteurs de projet``), without accents, spaces as ``_``; a
  missing value leaves the variable out of that text;
- the text: the respondents' turns (the interviewer's are left out unless
  asked, as in :func:`research.lexicometry.text_segments`), one paragraph
  each; the characters IRaMuTeQ reserves are removed (``*``, and ``_``
  which would make a word a variable), the typographic apostrophe is written
  ``'`` and no-break spaces as spaces; a transcriber's note in square
  brackets becomes IRaMuTeQ's starred form in the text (``[rires]`` is
  ``_rires_``), and a note without letters (a time) is removed.

References
----------
.. [1] Ratinaud, P. (2014). *IRaMuTeQ*, documentation, « Formatage des corpus
   texte ». http://www.iramuteq.org/documentation

Examples
--------
>>> from research.corpus import Corpus
>>> text = "Enquêtrice : Et l’épicerie ?\\nÉlodie : *Un* camion\\u00a0!"
>>> corpus = Corpus.from_texts({"INT03": text}, metadata={"INT03": {
...     "kind": "interview", "speakers": {"Enquêtrice": "P04", "Élodie": "P10"},
...     "respondent_category": "project_holder", "edition": "SUT2016"}})
>>> print(iramuteq_corpus(corpus, attributes=["respondent_category", "edition"]), end="")
**** *doc_INT03 *categorie_porteurs_de_projet *edition_SUT2016
Un camion !
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

import pandas as pd

from research.errors import InputError
from research.vocabulary import COLUMN_KINDS, VOCABULARY

if TYPE_CHECKING:
    from research.corpus import Corpus

__all__ = [
    "VARIABLE_NAMES",
    "export_iramuteq",
    "iramuteq_corpus",
    "iramuteq_value",
]

#: IRaMuTeQ names of the usual attributes (others keep their name, without ``_``).
VARIABLE_NAMES = {
    "doc_id": "doc",
    "kind": "type",
    "respondent_category": "categorie",
    "organisation_type": "organisation",
    "edition": "edition",
    "speaker": "locuteur",
    "actor_category": "categorie",
    "workshop_type": "atelier",
    "theme": "theme",
    "meeting": "reunion",
}
_RESERVED = str.maketrans(
    {"*": "", "_": " ", "\u2019": "'", "\u02bc": "'", "\u00a0": " ", "\u202f": " "}
)


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def iramuteq_value(value: object) -> str:
    """A value as IRaMuTeQ reads it in a starred variable: letters and digits, ``_`` for spaces.

    Examples
    --------
    >>> iramuteq_value("porteurs de projet"), iramuteq_value("Lons-le-Saunier")
    ('porteurs_de_projet', 'Lons_le_Saunier')
    """
    words = re.findall(r"[A-Za-z0-9]+", _ascii(str(value)))
    return "_".join(words) or "NA"


def _variable_name(attribute: str) -> str:
    if attribute in VARIABLE_NAMES:
        return VARIABLE_NAMES[attribute]
    return "".join(re.findall(r"[A-Za-z0-9]+", _ascii(attribute))).lower() or "variable"


def _label(attribute: str, value: object) -> str:
    for kind in _KINDS.get(attribute, ()):
        if str(value) in VOCABULARY[kind]:
            return VOCABULARY[kind][str(value)]
    return str(value)


def _line(attribute: str, value: object) -> str | None:
    if value is None or (not isinstance(value, list | tuple | dict) and pd.isna(value)):
        return None
    if isinstance(value, list | tuple):
        value = " ".join(map(str, value))
    return f"*{_variable_name(attribute)}_{iramuteq_value(_label(attribute, value))}"


_NOTE = re.compile(r"\[([^\]\n]{0,60})\]")
_KINDS = {**COLUMN_KINDS, "organisation_type": ("category",)}


def _note(match: re.Match) -> str:
    words = re.findall(r"[^\W\d_]+", match.group(1))
    return f" _{'_'.join(words)}_ " if words else " "


def _clean(text: str) -> str:
    lines = [line.translate(_RESERVED) for line in text.splitlines()]
    lines = [" ".join(_NOTE.sub(_note, line).split()) for line in lines]
    return "\n".join(line for line in lines if line)


def iramuteq_corpus(
    corpus: Corpus,
    *,
    attributes: Iterable[str] | None = None,
    unit: Literal["document", "turn"] = "document",
    include_interviewer: bool = False,
    interviewer: Iterable[str] | None = None,
    interviewer_actors: Iterable[str] | None = None,
) -> str:
    """The corpus as an IRaMuTeQ text file (see the module notes).

    Parameters
    ----------
    corpus : Corpus
    attributes : iterable of str, optional
        Document attributes written as starred variables (default: ``kind``,
        ``edition``, ``respondent_category``, ``organisation_type``, those the
        documents have).
    unit : {"document", "turn"}
        One text per document, or per speaker turn (then with ``*locuteur_…``).
    include_interviewer : bool
        Keep the interviewer's turns.
    interviewer, interviewer_actors : iterable of str, optional
        Who the interviewer is (see :func:`research.lexicometry.interviewer_turns`).

    Returns
    -------
    str
        The file's text, ``\\n`` line ends, ending with a newline (empty for an
        empty corpus).

    Raises
    ------
    InputError
        For an attribute the documents do not have, or an unknown unit.
    """
    from research.lexicometry import interviewer_turns

    documents = corpus.documents
    if attributes is None:
        usual = ("kind", "edition", "respondent_category", "organisation_type")
        attributes = [a for a in usual if a in documents.columns and documents[a].notna().any()]
    attributes = list(attributes)
    corpus.check_attributes(attributes)
    if unit not in ("document", "turn"):
        raise InputError(f"unknown unit {unit!r}", hint="use 'document' or 'turn'")
    segments = corpus.segments
    if not include_interviewer and len(segments):
        asked = interviewer_turns(
            segments, interviewer=interviewer, interviewer_actors=interviewer_actors
        )
        segments = segments[~asked.to_numpy()]
    by_doc = {d: g for d, g in segments.groupby("doc_id", sort=False)}
    blocks = []
    for doc in documents.to_dict("records"):
        turns = by_doc.get(doc["doc_id"])
        if turns is None:
            continue
        variables = [_line("doc_id", doc["doc_id"])]
        variables += [_line(a, doc.get(a)) for a in attributes]
        if unit == "document":
            body = _clean("\n".join(turns["text"]))
            if body:
                blocks.append(" ".join(v for v in ["****", *variables] if v) + "\n" + body)
            continue
        for speaker, text in zip(turns["speaker"], turns["text"], strict=True):
            body = _clean(text)
            if body:
                line = [*variables, _line("speaker", speaker)]
                blocks.append(" ".join(v for v in ["****", *line] if v) + "\n" + body)
    return "".join(block + "\n" for block in blocks)


def export_iramuteq(
    project,
    path,
    *,
    attributes: Iterable[str] | None = None,
    kind: str | None = None,
    unit: Literal["document", "turn"] = "document",
    include_interviewer: bool = False,
    interviewer: Iterable[str] | None = None,
    interviewer_actors: Iterable[str] | None = None,
):
    """Write the project's corpus (or its documents of one ``kind``) as an IRaMuTeQ file.

    ``interviewer`` and ``interviewer_actors`` say who the interviewer is (see
    :func:`research.project.interviewer_of`). The file is written atomically,
    in UTF-8.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    from pathlib import Path

    from research.files import atomic_write_text

    corpus = project.corpus if kind is None else project.corpus.where(kind=kind)
    text = iramuteq_corpus(
        corpus,
        attributes=attributes,
        unit=unit,
        include_interviewer=include_interviewer,
        interviewer=interviewer,
        interviewer_actors=interviewer_actors,
    )
    path = Path(path)
    if path.suffix.lower() != ".txt":
        raise InputError(
            f"{path.name}: IRaMuTeQ reads corpora from .txt files", hint=f"write {path.stem}.txt"
        )
    if not path.parent.is_dir():
        raise InputError(f"no folder {path.parent}", hint="create it first or choose another path")
    atomic_write_text(path, text)
    return path
