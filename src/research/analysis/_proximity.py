"""Code relations by proximity: codes found in the same turn, or a few segments apart.

MAXQDA's code relations browser counts, besides codes that overlap, codes that
occur near each other: within the same paragraph, or within a few paragraphs.
:func:`code_relations` does the same on the project's units: segments (a turn of
an interview, a paragraph of minutes) or speaker turns (consecutive segments of
one speaker), and ``window`` units apart at most, in the same document.

With the units × codes incidence matrix ``X`` (1 when a coding of the code
overlaps the unit) and the band matrix ``B`` (``B[i, j] = 1`` when units ``i``
and ``j`` are in one document at most ``window`` units apart), ``C = Xᵀ B X``
counts, for two codes ``a`` and ``b``, the pairs of units ``(i, j)`` with ``i``
carrying ``a`` and ``j`` carrying ``b``. With ``window=0``, ``B`` is the identity
and ``C`` is the co-occurrence count of :func:`research.analysis.cooccurrence_matrix`.
The diagonal gives the number of units carrying each code.

References
----------
.. [1] VERBI Software (2022). *MAXQDA 2022 Manual*, "Code Relations Browser"
   (options "intersection of codes" and "proximity of codes").

Examples
--------
>>> import pandas as pd
>>> segs = pd.DataFrame({"doc_id": ["D"] * 4, "seg_id": [f"D:{i}" for i in range(4)],
...                      "start": [0, 10, 20, 30], "end": [9, 19, 29, 39]})
>>> cods = pd.DataFrame({"doc_id": ["D"] * 3, "start": [0, 12, 32], "end": [5, 15, 35],
...                      "code": ["a", "b", "a"]})
>>> code_relations(cods, segs).values.tolist()
[[2, 0], [0, 1]]
>>> code_relations(cods, segs, window=1).values.tolist()
[[2, 1], [1, 1]]
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from research.analysis._coding_attributes import Codes, _expand, coding_segments, select_codings
from research.contracts import is_blank, require_columns
from research.errors import InputError

__all__ = ["code_relations", "proximity_units"]


def proximity_units(
    segments: pd.DataFrame, *, unit: Literal["segment", "turn"] = "segment"
) -> pd.DataFrame:
    """The units of proximity: each segment's unit number and its place in its document.

    With ``unit="turn"``, consecutive segments of one document and one speaker
    form one unit (a segment without a speaker is a unit of its own).

    Returns
    -------
    pandas.DataFrame
        ``seg_id``, ``doc_id``, ``unit`` (a number across the corpus) and
        ``position`` (the unit's rank in its document, from 0), in text order.

    Examples
    --------
    >>> segs = pd.DataFrame({"doc_id": ["D"] * 3, "seg_id": ["D:0", "D:1", "D:2"],
    ...     "start": [0, 5, 9], "end": [4, 8, 12], "speaker": ["Léa", "Léa", "Tom"]})
    >>> proximity_units(segs, unit="turn")[["seg_id", "unit", "position"]].values.tolist()
    [['D:0', 0, 0], ['D:1', 0, 0], ['D:2', 1, 1]]
    """
    if unit not in ("segment", "turn"):
        raise InputError(f"unit must be 'segment' or 'turn', not {unit!r}")
    require_columns(segments, ("doc_id", "seg_id", "start"), table="segments")
    segs = segments.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    docs = segs["doc_id"].astype(str).to_numpy()
    new_doc = np.ones(len(segs), dtype=bool)
    new_doc[1:] = docs[1:] != docs[:-1]
    starts = new_doc.copy()
    if unit == "turn":
        if "speaker" not in segs:
            raise InputError("unit='turn' needs the segments' speaker column")
        speakers = segs["speaker"].map(lambda s: None if is_blank(s) else str(s)).to_numpy()
        same = np.zeros(len(segs), dtype=bool)
        same[1:] = (speakers[1:] == speakers[:-1]) & np.array(
            [s is not None for s in speakers[1:]], dtype=bool
        )
        starts |= ~same
    else:
        starts[:] = True
    unit_id = np.cumsum(starts) - 1
    first_unit_of_doc = pd.Series(unit_id).where(new_doc).ffill().to_numpy(dtype=np.int64)
    return pd.DataFrame({
        "seg_id": segs["seg_id"].to_numpy(), "doc_id": docs,
        "unit": unit_id.astype(np.int64), "position": (unit_id - first_unit_of_doc).astype(np.int64),
    })  # fmt: skip


def _band(units: pd.DataFrame, window: int) -> sp.csr_matrix:
    """``B[i, j] = 1`` for units of one document at most ``window`` apart."""
    first = units.drop_duplicates("unit").sort_values("unit")
    n = len(first)
    doc = first["doc_id"].to_numpy()
    rows, cols = [np.arange(n)], [np.arange(n)]
    for d in range(1, min(window, max(n - 1, 0)) + 1):
        i = np.arange(n - d)
        keep = doc[i] == doc[i + d]
        rows += [i[keep], i[keep] + d]
        cols += [i[keep] + d, i[keep]]
    r, c = np.concatenate(rows), np.concatenate(cols)
    return sp.csr_matrix((np.ones(len(r), dtype=np.int64), (r, c)), shape=(n, n))


def code_relations(
    codings: pd.DataFrame,
    segments: pd.DataFrame,
    *,
    window: int = 0,
    unit: Literal["segment", "turn"] = "segment",
    codes: Codes = None,
    include_children: bool = False,
    coder: str | None = None,
    top: int | None = None,
) -> pd.DataFrame:
    """How often two codes occur in the same unit or within ``window`` units of each other.

    Parameters
    ----------
    codings : pandas.DataFrame
        The codings (one coder, or choose with ``coder``).
    segments : pandas.DataFrame
        The segments table (with ``speaker`` for ``unit="turn"``).
    window : int
        Largest distance, in units of one document, between the two codes
        (``0``: the same unit).
    unit : {"segment", "turn"}
        A segment, or a speaker turn (consecutive segments of one speaker).
    codes : str or list of str, optional
        Ids or patterns; the matrix keeps this order (else sorted ids).
    include_children : bool
        A coding also marks the unit with its code's ancestors.
    coder : str, optional
    top : int, optional
        Keep only the ``top`` codes carrying the most units.

    Returns
    -------
    pandas.DataFrame
        Square, codes as index and columns: off the diagonal, the pairs of
        units (see the module notes); on it, the units carrying the code.
        ``attrs`` records ``unit``, ``window`` and ``n_units``.

    Raises
    ------
    InputError
        For a negative window or an unknown unit.

    References
    ----------
    .. [1] VERBI Software (2022). *MAXQDA 2022 Manual*, "Code Relations Browser".
    """
    if not isinstance(window, int | np.integer) or window < 0:
        raise InputError(f"window is a number of units, 0 or more, not {window!r}")
    selected, chosen = _expand(select_codings(codings, coder=coder), codes, include_children)
    units = proximity_units(segments, unit=unit)
    pairs = coding_segments(selected, segments)
    unit_of = pd.Series(units["unit"].to_numpy(), index=units["seg_id"].to_numpy())
    rows = unit_of.reindex(pairs["seg_id"].to_numpy()).to_numpy()
    cols = pd.Index(chosen).get_indexer(selected["code"].to_numpy()[pairs["coding"].to_numpy()])
    n_units = int(units["unit"].max()) + 1 if len(units) else 0
    X = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.int64), (rows.astype(np.int64), cols)),
        shape=(n_units, len(chosen)),
    )
    X.data[:] = 1  # presence only
    C = np.asarray((X.T @ _band(units, window) @ X).todense(), dtype=np.int64)
    np.fill_diagonal(C, np.asarray(X.sum(axis=0)).ravel())
    if top is not None and top < len(chosen):
        keep = np.sort(np.argsort(-np.diag(C), kind="stable")[:top])
        C, chosen = C[np.ix_(keep, keep)], [chosen[k] for k in keep]
    matrix = pd.DataFrame(C, index=pd.Index(chosen, name="code"), columns=chosen)
    carried = int((np.asarray(X.sum(axis=1)).ravel() > 0).sum())
    matrix.attrs.update(unit=unit, window=int(window), n_units=carried, measure="count")
    return matrix
