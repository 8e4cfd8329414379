"""What a REFI-QDA (or Taguette) file holds once read: :class:`QdaImport`.

The readers (:func:`research.exchange.read_qdpx`, :func:`~research.exchange.read_qdc`,
:func:`~research.exchange.read_taguette_csv`) return one, in the project's
tables; :func:`research.exchange.write_import` writes one into a project, and
:func:`word_boundary_share` checks how plausible its positions are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from research.codebook import Codebook
from research.contracts import is_blank
from research.errors import Problem

__all__ = [
    "QdaImport",
    "word_boundary_share",
]


@dataclass(frozen=True)
class QdaImport:
    """What a REFI-QDA file holds, in the project's tables.

    Attributes
    ----------
    documents : pandas.DataFrame
        ``doc_id``, ``text`` (the stored text) and one column per attribute
        (``None`` where a document has none).
    codebook : Codebook
    codings : pandas.DataFrame
        :data:`research.coding.CODING_COLUMNS`, offsets in code points of the
        stored texts.
    origin : str
        The exporting program, as it names itself.
    name : str
        The project's name (its ``name`` attribute, else the file's name); documents
        without a kind are written to a folder named after it.
    units, crlf : str
        How its positions were read (see :func:`origin_units`).
    memos : tuple of dict
        The memo files it holds: ``memo_id``, ``title``, ``kind`` (and ``label``,
        the French name of a kind of the exporting project), ``date`` (ISO text),
        ``author``, ``codes``, ``documents``, ``memos`` (ids), ``codings``
        (:class:`research.memos.CodingLink`) and ``text``; coding memos are in
        ``codings["memo"]`` (see :mod:`research.exchange._read_memos`).
    problems : tuple of Problem
        Warnings: items skipped or repaired on the way.
    """

    documents: pd.DataFrame
    codebook: Codebook | None
    codings: pd.DataFrame
    origin: str = ""
    units: str = "code_points"
    crlf: str = "two"
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    name: str = ""
    memos: tuple[dict[str, Any], ...] = ()

    @property
    def codes(self) -> pd.DataFrame:
        """The codes table of the codebook (empty when the file has none)."""
        return self.codebook.codes if self.codebook is not None else pd.DataFrame()

    @property
    def coders(self) -> list[str]:
        """The coders who coded, sorted."""
        return sorted(set(self.codings["coder"]))

    def codings_of(self, coder: str) -> pd.DataFrame:
        """One coder's codings."""
        return self.codings[self.codings["coder"] == coder].reset_index(drop=True)

    def metadata(self, doc_id: str) -> dict[str, Any]:
        """A document's attributes (front matter), starting with its ``id``."""
        row = self.documents.loc[self.documents["doc_id"] == doc_id].iloc[0]
        meta: dict[str, Any] = {"id": doc_id}
        for key, value in row.items():
            if key not in ("doc_id", "text") and value is not None and not is_blank(value):
                meta[str(key)] = value
        return meta


def word_boundary_share(imported: QdaImport) -> float:
    """The share of codings that start on a word boundary (a check of positions).

    A start is on a boundary when it is at the start of the text, or the
    character before it or at it is not a letter or digit. Positions read with
    the wrong units start mid-word far more often.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["D"], "text": ["la coopérative"]})
    >>> codings = pd.DataFrame({"doc_id": ["D", "D"], "start": [3, 5]})
    >>> word_boundary_share(QdaImport(docs, None, codings))
    0.5
    """
    if not len(imported.codings):
        return float("nan")
    texts = dict(zip(imported.documents["doc_id"], imported.documents["text"], strict=True))
    hits = 0
    for doc_id, start in zip(imported.codings["doc_id"], imported.codings["start"], strict=True):
        text = texts[doc_id]
        start = int(start)
        hits += (
            start == 0
            or start >= len(text)
            or not (text[start - 1].isalnum() and text[start].isalnum())
        )
    return hits / len(imported.codings)
