"""Which segments carry which codes, for one coder: the examples a model learns from.

A segment carries a code when one of the coder's codings of that code shares at
least one character with it (a coding across two segments counts in both), as
agreement per segment counts it. Segments of the documents the coder has coded
are the examples: positive for the codes they carry, negative for the others;
segments of the other documents are the ones to suggest codes for.

Examples
--------
>>> segments = pd.DataFrame({"doc_id": ["D", "D", "E"], "seg_id": ["D:0", "D:1", "E:0"],
...                          "start": [0, 10, 0], "end": [9, 19, 5]})
>>> codings = pd.DataFrame({"coder": ["lea", "lea"], "doc_id": ["D", "D"],
...                         "start": [2, 8], "end": [5, 12], "code": ["a", "b"]})
>>> labels, codes = segment_labels(codings, segments, coder="lea")
>>> codes, labels.toarray().astype(int).tolist()
(['a', 'b'], [[1, 1], [0, 1], [0, 0]])
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from research.codebook import choose_codes
from research.contracts import check_offsets, require_columns
from research.errors import CodingError

__all__ = ["HELPER_MEMOS", "coded_documents", "example_counts", "segment_labels"]

#: How the memos of codings made by the coding helpers start: an accepted suggestion,
#: a dictionary's rule.
HELPER_MEMOS = ("Suggestion du modèle ", "Codage automatique : ")


def coded_documents(codings: pd.DataFrame, coder: str) -> list[str]:
    """The documents where ``coder`` has at least one coding made by hand, sorted.

    Codings of the helpers (an accepted suggestion, a dictionary's rule: their
    memos start with :data:`HELPER_MEMOS`) do not make a document coded: a
    document with one accepted suggestion has not been read through.

    Examples
    --------
    >>> codings = pd.DataFrame({"coder": ["lea"] * 3, "doc_id": ["A", "B", "C"],
    ...     "memo": ["", "Suggestion du modèle suggest-1, acceptée par lea", "à revoir"]})
    >>> coded_documents(codings, "lea")
    ['A', 'C']
    """
    mine = codings[codings["coder"].astype(str) == coder]
    if "memo" in mine.columns:
        memos = mine["memo"].fillna("").astype(str)
        mine = mine[~memos.str.startswith(HELPER_MEMOS)]
    return sorted(set(mine["doc_id"].astype(str)))


def segment_labels(
    codings: pd.DataFrame,
    segments: pd.DataFrame,
    *,
    coder: str,
    codes: Sequence[str] | None = None,
) -> tuple[sp.csr_matrix, list[str]]:
    """A segments × codes matrix of the codes ``coder`` gave each segment.

    Parameters
    ----------
    codings : DataFrame
        ``coder``, ``doc_id``, ``start``, ``end``, ``code``.
    segments : DataFrame
        ``doc_id``, ``seg_id``, ``start``, ``end``; rows of the matrix follow them.
    coder : str
    codes : sequence of str, optional
        The columns (default: every code the coder used, sorted).

    Returns
    -------
    labels : scipy.sparse.csr_matrix of bool
    codes : list of str
    """
    require_columns(codings, ["coder", "doc_id", "start", "end", "code"], table="codings")
    require_columns(segments, ["doc_id", "seg_id", "start", "end"], table="segments")
    mine = codings[codings["coder"].astype(str) == coder]
    mine = check_offsets(mine, table="codings", error=CodingError)
    if codes is None:
        codes = sorted(set(mine["code"].astype(str)))
    codes = list(codes)
    column = pd.Index(codes).get_indexer(mine["code"].astype(str))
    mine, column = mine[column >= 0], column[column >= 0]
    rows, cols = _overlaps(mine, segments)
    data = np.ones(len(rows), dtype=bool)
    matrix = sp.csr_matrix(
        (data, (rows, column[cols])), shape=(len(segments), len(codes)), dtype=bool
    )
    matrix.sum_duplicates()
    return matrix, codes


def _overlaps(codings: pd.DataFrame, segments: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(segment row, coding row) of every segment and coding that share a character.

    Segments of one document do not overlap, so in text order both their starts
    and their ends increase: a coding meets the segments from the first that ends
    after its start to the last that starts before its end.
    """
    docs = pd.Index(pd.unique(segments["doc_id"].astype(str)))
    seg_doc = docs.get_indexer(segments["doc_id"].astype(str))
    span = (
        int(
            max(
                segments["end"].to_numpy(np.int64).max(initial=0),
                codings["end"].to_numpy(np.int64).max(initial=0),
            )
        )
        + 1
    )
    seg_start = seg_doc * span + segments["start"].to_numpy(np.int64)
    seg_end = seg_doc * span + segments["end"].to_numpy(np.int64)
    order = np.argsort(seg_start, kind="stable")
    starts, ends = seg_start[order], seg_end[order]
    cod_doc = docs.get_indexer(codings["doc_id"].astype(str))
    known = cod_doc >= 0
    cod_start = cod_doc * span + codings["start"].to_numpy(np.int64)
    cod_end = cod_doc * span + codings["end"].to_numpy(np.int64)
    first = np.searchsorted(ends, cod_start, side="right")
    last = np.searchsorted(starts, cod_end, side="left")
    count = np.where(known, np.clip(last - first, 0, None), 0)
    coding_rows = np.repeat(np.arange(len(codings)), count)
    steps = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    return order[np.repeat(first, count) + steps], coding_rows


def example_counts(
    codings: pd.DataFrame,
    segments: pd.DataFrame,
    *,
    coder: str,
    codes: str | Sequence[str] | None = None,
    min_examples: int = 10,
    labels: dict[str, str] | None = None,
) -> pd.DataFrame:
    """How many segments (and documents) each code of ``coder`` has: enough for a model?

    Cheap (no text is read), so a chapter can say why no code can be evaluated
    before annotating anything.

    Returns
    -------
    DataFrame
        ``code``, ``label``, ``examples`` (segments coded), ``documents`` (holding
        them), ``status``: ``enough``, ``too_few_examples`` (fewer than
        ``min_examples``) or ``one_document``.

    Examples
    --------
    >>> segments = pd.DataFrame({"doc_id": ["A", "A", "B"], "seg_id": ["A:0", "A:1", "B:0"],
    ...                          "start": [0, 10, 0], "end": [9, 19, 9]})
    >>> codings = pd.DataFrame({"coder": "lea", "doc_id": ["A", "A", "B"],
    ...                         "start": [0, 10, 0], "end": [5, 12, 3], "code": ["x", "x", "y"]})
    >>> example_counts(codings, segments, coder="lea", min_examples=2)[
    ...     ["code", "examples", "documents", "status"]].values.tolist()
    [['x', 2, 1, 'one_document'], ['y', 1, 1, 'too_few_examples']]
    """
    mine = codings[codings["coder"].astype(str) == coder]
    used = sorted(set(mine["code"].astype(str)))
    chosen = [c for c in choose_codes(used, codes, where=f"of {coder}") if c in used]
    matrix, chosen = segment_labels(mine, segments, coder=coder, codes=chosen)
    docs = pd.factorize(segments["doc_id"].astype(str))[0]
    rows = []
    for j, code in enumerate(chosen):
        hit = matrix[:, j].toarray().ravel()
        examples, documents = int(hit.sum()), len(np.unique(docs[hit]))
        status = (
            "too_few_examples"
            if examples < min_examples
            else ("one_document" if documents < 2 else "enough")
        )
        label = (labels or {}).get(code, code)
        rows.append((code, label, examples, documents, status))
    return pd.DataFrame(rows, columns=["code", "label", "examples", "documents", "status"])
