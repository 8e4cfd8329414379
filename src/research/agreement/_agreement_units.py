"""Units of agreement built from codings, and the per-code agreement table.

Coding agreement is measured on units the field reports:

* **segment** (:func:`segment_units`): for each code, whether each coder applied it
  to each segment (presence/absence, the usual report); :func:`segment_values` gives
  the multi-valued nominal version, one value per segment (the set of codes applied).
* **character** (:func:`character_units`): for each code, whether each character of
  the documents is covered by each coder's codings, as NVivo and QualCoder report it.
* **document** (:func:`document_units`): whether each coder used the code anywhere in
  the document.

Only documents that every compared coder has coded count: a document one coder has
not done yet would otherwise show as a long run of false disagreements. Give each
coder's list of finished documents (``documents_coded``), or set
``infer_documents=True`` to take the documents where each coder has at least one
coding.

A coding counts for a segment when their character ranges share at least
``min_overlap`` characters (default 1: any intersection). A coding spanning two
segments counts in both.

The unit builders return a long frame: ``code``, ``doc_id``, ``seg_id`` (segment
level), ``weight`` (how many units the row stands for: characters at the character
level, else 1) and one 0/1 column per coder. :func:`agreement_table` turns it into
statistics per code, weakest first.

Examples
--------
>>> import pandas as pd
>>> segments = pd.DataFrame({"doc_id": ["D"] * 3, "seg_id": ["D:0", "D:1", "D:2"],
...                          "start": [0, 10, 20], "end": [9, 19, 29]})
>>> codings = pd.DataFrame({"coder": ["A", "A", "B"], "doc_id": ["D"] * 3,
...                         "start": [0, 12, 2], "end": [5, 25, 6],
...                         "code": ["x", "x", "x"]})
>>> units = segment_units(codings, segments, coders=["A", "B"], infer_documents=True)
>>> units[["seg_id", "A", "B"]].values.tolist()
[['D:0', 1, 1], ['D:1', 1, 0], ['D:2', 1, 0]]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from research.agreement._scope import DocumentsCoded, _offsets, _scope
from research.contracts import require_columns
from research.errors import AgreementError, CodingError, SchemaError

__all__ = [
    "Unit",
    "character_units",
    "document_units",
    "segment_codings",
    "segment_units",
    "segment_values",
]

Unit = Literal["segment", "character", "document"]


NO_CODE = "(none)"


# ------------------------------------------------------------ segment overlaps


def segment_codings(
    codings: pd.DataFrame, segments: pd.DataFrame, *, min_overlap: int = 1
) -> pd.DataFrame:
    """Pair each coding with every segment it overlaps by ``min_overlap`` characters.

    Returns the codings' columns plus ``seg_id``, ``seg_start``, ``seg_end`` and
    ``overlap`` (characters shared), one row per (coding, segment) pair, and the
    position of the coding in ``coding_row``. Vectorised: a sorted sweep over
    segment boundaries, not a loop.

    Examples
    --------
    >>> import pandas as pd
    >>> seg = pd.DataFrame({"doc_id": ["D", "D"], "seg_id": ["s0", "s1"],
    ...                     "start": [0, 10], "end": [8, 20]})
    >>> cod = pd.DataFrame({"doc_id": ["D"], "start": [5], "end": [12]})
    >>> segment_codings(cod, seg)[["seg_id", "overlap"]].values.tolist()
    [['s0', 3], ['s1', 2]]
    >>> segment_codings(cod, seg, min_overlap=3)["seg_id"].tolist()
    ['s0']
    """
    if int(min_overlap) < 1:
        raise AgreementError(f"min_overlap must be at least 1 character, not {min_overlap!r}")
    require_columns(segments, ["doc_id", "seg_id", "start", "end"], table="segments")
    seg = segments.reset_index(drop=True)
    s_start = seg["start"].to_numpy(np.int64)
    s_end = seg["end"].to_numpy(np.int64)
    docs = pd.Index(pd.unique(seg["doc_id"].astype(str)))
    s_doc = docs.get_indexer(seg["doc_id"].astype(str))
    c_doc = docs.get_indexer(codings["doc_id"].astype(str))
    c_start = codings["start"].to_numpy(np.int64)
    c_end = codings["end"].to_numpy(np.int64)
    span = int(max(s_end.max(initial=0), c_end.max(initial=0))) + 1
    s_key = s_doc * span + s_start
    order = np.argsort(s_key, kind="stable")
    sorted_start = s_key[order]
    reach = np.maximum.accumulate((s_doc * span + s_end)[order]) if len(order) else s_key
    lo = np.searchsorted(reach, c_doc * span + c_start, side="right")
    hi = np.searchsorted(sorted_start, c_doc * span + c_end, side="left")
    n = np.where(c_doc >= 0, np.clip(hi - lo, 0, None), 0)
    rows = np.repeat(np.arange(len(codings)), n)
    first = np.repeat(lo, n) + np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    seg_rows = order[first]
    overlap = np.minimum(c_end[rows], s_end[seg_rows]) - np.maximum(
        c_start[rows], s_start[seg_rows]
    )
    keep = overlap >= int(min_overlap)
    rows, seg_rows, overlap = rows[keep], seg_rows[keep], overlap[keep]
    out = codings.iloc[rows].reset_index(drop=True)
    out["coding_row"] = rows
    out["seg_id"] = seg["seg_id"].astype(str).to_numpy()[seg_rows]
    out["seg_start"] = s_start[seg_rows]
    out["seg_end"] = s_end[seg_rows]
    out["overlap"] = overlap
    return out


def _segments_of(segments: pd.DataFrame, docs: list[str]) -> pd.DataFrame:
    require_columns(segments, ["doc_id", "seg_id", "start", "end"], table="segments")
    seg = _offsets(segments, "segments", SchemaError)
    seg = seg[seg["doc_id"].isin(docs)].sort_values(["doc_id", "start"], kind="stable")
    without = sorted(set(docs) - set(seg["doc_id"]))
    if without:
        raise AgreementError(
            f"document(s) {', '.join(without[:5])} coded by every coder have no segments; "
            "are the segments and the codings from the same corpus?"
        )
    return seg.reset_index(drop=True)


def _presence(
    codings: pd.DataFrame,
    segments: pd.DataFrame,
    coders: list[str],
    codes: list[str],
    min_overlap: int,
) -> np.ndarray:
    """Boolean array codes × segments × coders: coder applied the code to the segment."""
    pairs = segment_codings(codings, segments, min_overlap=min_overlap)
    seg_pos = pd.MultiIndex.from_arrays([segments["doc_id"], segments["seg_id"]])
    s = seg_pos.get_indexer(pd.MultiIndex.from_arrays([pairs["doc_id"], pairs["seg_id"]]))
    k = pd.Index(codes).get_indexer(pairs["code"])
    c = pd.Index(coders).get_indexer(pairs["coder"])
    present = np.zeros((len(codes), len(segments), len(coders)), dtype=np.int8)
    present[k, s, c] = 1
    return present


def _long(
    ids: dict[str, np.ndarray], present: np.ndarray, coders: list[str], weight
) -> pd.DataFrame:
    frame = pd.DataFrame(ids)
    frame["weight"] = weight
    for i, coder in enumerate(coders):
        frame[coder] = present[..., i].reshape(-1)
    return frame


def segment_units(
    codings: pd.DataFrame,
    segments: pd.DataFrame,
    *,
    coders: Sequence[str],
    codes: str | Sequence[str] | None = None,
    documents_coded: DocumentsCoded = None,
    infer_documents: bool = False,
    min_overlap: int = 1,
) -> pd.DataFrame:
    """Presence/absence of each code in each segment, per coder.

    Returns one row per (code, segment) of the common documents: ``code``,
    ``doc_id``, ``seg_id``, ``start``, ``end``, ``weight`` (1) and a 0/1 column per
    coder. See the module notes for ``documents_coded`` and ``min_overlap``.
    """
    cod, names, docs, chosen = _scope(codings, coders, codes, documents_coded, infer_documents)
    seg = _segments_of(segments, docs)
    present = _presence(cod, seg, names, chosen, min_overlap)
    n_seg = len(seg)
    ids = {
        "code": np.repeat(np.asarray(chosen, dtype=object), n_seg),
        "doc_id": np.tile(seg["doc_id"].to_numpy(object), len(chosen)),
        "seg_id": np.tile(seg["seg_id"].to_numpy(object), len(chosen)),
        "start": np.tile(seg["start"].to_numpy(np.int64), len(chosen)),
        "end": np.tile(seg["end"].to_numpy(np.int64), len(chosen)),
    }
    return _long(ids, present, names, 1)


def segment_values(
    codings: pd.DataFrame,
    segments: pd.DataFrame,
    *,
    coders: Sequence[str],
    codes: str | Sequence[str] | None = None,
    documents_coded: DocumentsCoded = None,
    infer_documents: bool = False,
    min_overlap: int = 1,
) -> pd.DataFrame:
    """One nominal value per segment and coder: the set of codes applied to it.

    The value is the sorted code ids joined by ``" + "``, or ``"(none)"``. Suited to
    mutually exclusive codes (a code family where one code per segment is expected):
    feed the coder columns to :func:`~research.agreement.krippendorff_alpha`.

    Examples
    --------
    >>> import pandas as pd
    >>> seg = pd.DataFrame({"doc_id": ["D", "D"], "seg_id": ["s0", "s1"],
    ...                     "start": [0, 10], "end": [8, 20]})
    >>> cod = pd.DataFrame({"coder": ["A", "A", "B"], "doc_id": ["D"] * 3,
    ...                     "start": [0, 11, 1], "end": [4, 15, 3], "code": ["x", "y", "x"]})
    >>> values = segment_values(cod, seg, coders=["A", "B"], infer_documents=True)
    >>> values[["seg_id", "A", "B"]].values.tolist()
    [['s0', 'x', 'x'], ['s1', 'y', '(none)']]
    """
    cod, names, docs, chosen = _scope(codings, coders, codes, documents_coded, infer_documents)
    seg = _segments_of(segments, docs)
    present = _presence(cod, seg, names, chosen, min_overlap).astype(bool)
    labels = np.asarray(chosen, dtype=object)
    out = seg[["doc_id", "seg_id", "start", "end"]].copy()
    for i, coder in enumerate(names):
        cells = present[:, :, i].T  # segments × codes
        out[coder] = [" + ".join(labels[row]) if row.any() else NO_CODE for row in cells]
    return out


# ------------------------------------------------------------- other levels


def _document_lengths(
    lengths: Mapping[str, int] | pd.Series, docs: list[str], cod: pd.DataFrame
) -> np.ndarray:
    """The text length of each of ``docs``, checked against the codings' ends."""
    length = pd.Series(lengths, dtype="object").rename(index=str)
    missing = [d for d in docs if d not in length.index]
    if missing:
        raise AgreementError(
            f"no text length for document(s) {', '.join(missing[:5])}; give the length of "
            "every document the coders have in common"
        )
    doc_len = pd.to_numeric(length.loc[docs]).astype(np.int64).to_numpy()
    too_long = cod["end"].to_numpy() > doc_len[pd.Index(docs).get_indexer(cod["doc_id"])]
    if too_long.any():
        r = cod[too_long].iloc[0]
        raise CodingError(
            f"coding [{r['start']}, {r['end']}) of coder {r['coder']!r}, code {r['code']!r} "
            f"ends beyond the text of document {r['doc_id']!r}",
            hint="re-anchor the codings after the transcript was edited",
        )
    return doc_len


def character_units(
    codings: pd.DataFrame,
    lengths: Mapping[str, int] | pd.Series,
    *,
    coders: Sequence[str],
    codes: str | Sequence[str] | None = None,
    documents_coded: DocumentsCoded = None,
    infer_documents: bool = False,
) -> pd.DataFrame:
    """Coverage of each character by each coder's codings, per code.

    Characters with the same coverage pattern are grouped: one row per (code,
    document, pattern) with ``weight`` the number of characters. Every character of
    the common documents counts, so characters nobody coded are agreements on
    absence. Computed with a sorted sweep over coding boundaries (cost grows with the
    number of codings, not of characters).

    Parameters
    ----------
    lengths : mapping or Series
        ``doc_id -> length of the stored text`` in code points.

    Examples
    --------
    >>> import pandas as pd
    >>> cod = pd.DataFrame({"coder": ["A", "B"], "doc_id": ["D", "D"],
    ...                     "start": [0, 5], "end": [10, 10], "code": ["x", "x"]})
    >>> units = character_units(cod, {"D": 20}, coders=["A", "B"], infer_documents=True)
    >>> units[["A", "B", "weight"]].values.tolist()
    [[0, 0, 10], [1, 0, 5], [1, 1, 5]]
    """
    cod, names, docs, chosen = _scope(codings, coders, codes, documents_coded, infer_documents)
    doc_len = _document_lengths(lengths, docs, cod)
    n_docs, n_cod = len(docs), len(names)
    group = pd.Index(chosen).get_indexer(cod["code"]) * n_docs + pd.Index(docs).get_indexer(
        cod["doc_id"]
    )
    n_groups = len(chosen) * n_docs
    g_len = np.tile(doc_len, len(chosen))
    coder_idx = pd.Index(names).get_indexer(cod["coder"])
    # events: +1 at start, -1 at end for the coding's coder; 0 at 0 and L of each group
    ev_group = np.concatenate([group, group, np.arange(n_groups), np.arange(n_groups)])
    ev_pos = np.concatenate(
        [cod["start"].to_numpy(), cod["end"].to_numpy(), np.zeros(n_groups, np.int64), g_len]
    )
    ev_coder = np.concatenate([coder_idx, coder_idx, np.zeros(2 * n_groups, np.int64)])
    ev_delta = np.concatenate(
        [np.ones(len(cod)), -np.ones(len(cod)), np.zeros(2 * n_groups)]
    ).astype(np.int64)
    order = np.lexsort((ev_pos, ev_group))
    deltas = np.zeros((len(order), n_cod), dtype=np.int64)
    deltas[np.arange(len(order)), ev_coder[order]] = ev_delta[order]
    covered = np.cumsum(deltas, axis=0) > 0
    pos, grp = ev_pos[order], ev_group[order]
    run = np.zeros(len(order), dtype=np.int64)
    run[:-1] = np.where(grp[1:] == grp[:-1], pos[1:] - pos[:-1], 0)
    pattern = covered.astype(np.int64) @ (1 << np.arange(n_cod, dtype=np.int64))
    key = grp * (1 << n_cod) + pattern
    keys, inverse = np.unique(key[run > 0], return_inverse=True)
    weight = np.bincount(inverse, weights=run[run > 0]).astype(np.int64)
    g, pat = keys // (1 << n_cod), keys % (1 << n_cod)
    bits = (pat[:, None] >> np.arange(n_cod)) & 1
    ids = {
        "code": np.asarray(chosen, dtype=object)[g // n_docs],
        "doc_id": np.asarray(docs, dtype=object)[g % n_docs],
    }
    return _long(ids, bits.astype(np.int8), names, weight)


def document_units(
    codings: pd.DataFrame,
    *,
    coders: Sequence[str],
    codes: str | Sequence[str] | None = None,
    documents_coded: DocumentsCoded = None,
    infer_documents: bool = False,
) -> pd.DataFrame:
    """Whether each coder used each code anywhere in each common document.

    Examples
    --------
    >>> import pandas as pd
    >>> cod = pd.DataFrame({"coder": ["A", "B", "B"], "doc_id": ["D1", "D1", "D2"],
    ...                     "start": [0, 3, 0], "end": [5, 9, 4], "code": ["x", "x", "y"]})
    >>> units = document_units(cod, coders=["A", "B"],
    ...                        documents_coded={"A": ["D1", "D2"], "B": ["D1", "D2"]})
    >>> units[["code", "doc_id", "A", "B"]].values.tolist()
    [['x', 'D1', 1, 1], ['x', 'D2', 0, 0], ['y', 'D1', 0, 0], ['y', 'D2', 0, 1]]
    """
    cod, names, docs, chosen = _scope(codings, coders, codes, documents_coded, infer_documents)
    present = np.zeros((len(chosen), len(docs), len(names)), dtype=np.int8)
    present[
        pd.Index(chosen).get_indexer(cod["code"]),
        pd.Index(docs).get_indexer(cod["doc_id"]),
        pd.Index(names).get_indexer(cod["coder"]),
    ] = 1
    ids = {
        "code": np.repeat(np.asarray(chosen, dtype=object), len(docs)),
        "doc_id": np.tile(np.asarray(docs, dtype=object), len(chosen)),
    }
    return _long(ids, present, names, 1)
