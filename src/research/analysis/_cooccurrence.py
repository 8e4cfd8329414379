"""Co-occurrence of codes: how often two codes are applied to the same segment or document.

:func:`cooccurrence_matrix` counts, for each pair of codes, the units carrying
both (or their Jaccard index), :func:`cooccurrence_pairs` lists the strongest
pairs and :func:`plot_cooccurrence` draws the matrix as a heatmap.

References
----------
.. [1] Jaccard, P. (1912). The distribution of the flora in the alpine zone.
   *New Phytologist*, 11(2), 37-50.
.. [2] Namey, E., Guest, G., Thairu, L. & Johnson, L. (2008). Data reduction
   techniques for large qualitative data sets. In G. Guest & K. M. MacQueen (Eds.),
   *Handbook for Team-Based Qualitative Research* (pp. 137-161). AltaMira.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from research.analysis._coding_attributes import (
    Codes,
    _expand,
    coding_segments,
    select_codings,
)
from research.errors import InputError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "cooccurrence_matrix",
    "cooccurrence_pairs",
    "plot_cooccurrence",
]

# ------------------------------------------------------------------ co-occurrence


def cooccurrence_matrix(
    codings: pd.DataFrame,
    segments: pd.DataFrame | None = None,
    *,
    unit: Literal["segment", "document"] = "segment",
    codes: Codes = None,
    measure: Literal["count", "jaccard"] = "count",
    include_children: bool = False,
    coder: str | None = None,
    top: int | None = None,
) -> pd.DataFrame:
    """How often two codes are applied to the same unit (segment or document).

    The units × codes incidence matrix ``X`` (1 when a coding of the code
    overlaps the unit) is built as a sparse matrix and ``C = XᵀX`` counts, for
    each pair of codes, the units carrying both; the diagonal counts the units
    carrying each code. ``measure="jaccard"`` divides by the units carrying
    either: ``C[i, j] / (C[i, i] + C[j, j] - C[i, j])`` (0 when neither is used).

    Parameters
    ----------
    codings : pandas.DataFrame
        The codings (one coder, or choose with ``coder``).
    segments : pandas.DataFrame, optional
        Needed when ``unit="segment"``.
    unit : {"segment", "document"}
        The unit within which codes co-occur.
    codes : str or list of str, optional
        Ids or patterns; the matrix keeps this order (else sorted ids).
    measure : {"count", "jaccard"}
    include_children : bool
        A coding also marks the unit with its code's ancestors.
    coder : str, optional
    top : int, optional
        Keep only the ``top`` codes carrying the most units (in their order), for
        a readable heatmap.

    Returns
    -------
    pandas.DataFrame
        Square, codes as index and columns; ``attrs`` records ``unit``,
        ``measure`` and ``n_units`` (units carrying at least one selected code).

    References
    ----------
    .. [1] Jaccard, P. (1912). The distribution of the flora in the alpine zone.
       *New Phytologist*, 11(2), 37-50.
    .. [2] Namey, E., Guest, G., Thairu, L. & Johnson, L. (2008). Data reduction
       techniques for large qualitative data sets. In G. Guest & K. M. MacQueen
       (Eds.), *Handbook for Team-Based Qualitative Research* (pp. 137-161).

    Examples
    --------
    >>> import pandas as pd
    >>> segs = pd.DataFrame({"doc_id": ["D"] * 3, "seg_id": ["D:0", "D:1", "D:2"],
    ...                      "start": [0, 10, 20], "end": [9, 19, 29]})
    >>> cods = pd.DataFrame({"doc_id": ["D"] * 4, "start": [0, 2, 12, 22], "end": [5, 15, 14, 25],
    ...                      "code": ["a", "b", "a", "b"]})
    >>> cooccurrence_matrix(cods, segs).values.tolist()
    [[2, 2], [2, 3]]
    >>> cooccurrence_matrix(cods, segs, measure="jaccard").round(3).values.tolist()
    [[1.0, 0.667], [0.667, 1.0]]
    """
    if measure not in ("count", "jaccard"):
        raise InputError(f"measure must be 'count' or 'jaccard', not {measure!r}")
    selected, chosen = _expand(select_codings(codings, coder=coder), codes, include_children)
    if unit == "segment":
        if segments is None:
            raise InputError("unit='segment' needs the segments table (segments=corpus.segments)")
        pairs = coding_segments(selected, segments)
        unit_ids = pairs["seg_id"].astype(str).to_numpy()
        code_ids = selected["code"].to_numpy()[pairs["coding"].to_numpy()]
    elif unit == "document":
        unit_ids = selected["doc_id"].astype(str).to_numpy()
        code_ids = selected["code"].to_numpy()
    else:
        raise InputError(f"unit must be 'segment' or 'document', not {unit!r}")
    rows, units = pd.factorize(unit_ids, sort=True)
    cols = pd.Index(chosen).get_indexer(code_ids)
    X = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=(len(units), len(chosen))
    )
    X.data[:] = 1  # duplicates were summed: keep presence only
    C = np.asarray((X.T @ X).todense(), dtype=np.int64)
    if top is not None and top < len(chosen):
        keep = np.sort(np.argsort(-np.diag(C), kind="stable")[:top])
        C, chosen = C[np.ix_(keep, keep)], [chosen[k] for k in keep]
    if measure == "jaccard":
        d = np.diag(C)
        union = d[:, None] + d[None, :] - C
        values = np.divide(C, union, out=np.zeros(C.shape, dtype=float), where=union > 0)
    else:
        values = C
    matrix = pd.DataFrame(values, index=pd.Index(chosen, name="code"), columns=chosen)
    matrix.attrs.update(unit=unit, measure=measure, n_units=len(units))
    return matrix


def cooccurrence_pairs(matrix: pd.DataFrame, *, top: int | None = None) -> pd.DataFrame:
    """The pairs of distinct codes of a co-occurrence matrix, strongest first.

    Returns
    -------
    pandas.DataFrame
        ``code_a``, ``code_b`` (``code_a`` before ``code_b`` in the matrix order)
        and ``value``; pairs that never co-occur are left out; ties keep the
        matrix order. ``top`` keeps the first rows only.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame([[3, 1, 2], [1, 2, 0], [2, 0, 4]], index=list("abc"), columns=list("abc"))
    >>> cooccurrence_pairs(m).values.tolist()
    [['a', 'c', 2], ['a', 'b', 1]]
    """
    values = matrix.to_numpy()
    i, j = np.triu_indices(len(matrix), k=1)
    pairs = pd.DataFrame(
        {"code_a": matrix.index[i], "code_b": matrix.columns[j], "value": values[i, j]}
    )
    pairs = pairs[pairs["value"] > 0].sort_values("value", ascending=False, kind="stable")
    pairs = pairs.reset_index(drop=True)
    return pairs if top is None else pairs.head(top)


def plot_cooccurrence(
    matrix: pd.DataFrame,
    *,
    labels: dict[str, str] | None = None,
    annotate: bool = True,
    title: str | None = None,
    cmap: str = "Blues",
) -> Figure:
    """A heatmap of a co-occurrence matrix (diagonal left blank); returns the Figure.

    Cells are annotated with their values when ``annotate`` and the matrix has at
    most 20 codes.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame([[2, 1], [1, 3]], index=["a", "b"], columns=["a", "b"])
    >>> fig = plot_cooccurrence(m, labels={"a": "Plaidoyer"})
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Plaidoyer', 'b']
    """
    from matplotlib.figure import Figure

    n = len(matrix)
    values = matrix.to_numpy(dtype=float).copy()
    np.fill_diagonal(values, np.nan)
    size = max(4.0, 0.28 * n + 3.0)
    fig = Figure(figsize=(size + 1.5, size), layout="constrained")
    ax = fig.add_subplot()
    image = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=0)
    names = [(labels or {}).get(c, c) for c in matrix.index]
    ax.set_xticks(range(n), names, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(n), names, fontsize=8)
    if annotate and n <= 20:
        top = np.nanmax(values) if np.isfinite(values).any() else 0
        integer = matrix.attrs.get("measure", "count") == "count"
        for i, j in zip(*np.nonzero(np.nan_to_num(values) > 0), strict=True):
            v = values[i, j]
            text = f"{int(v)}" if integer else f"{v:.2f}"
            ax.text(j, i, text, ha="center", va="center", fontsize=7,
                    color="white" if v > top / 2 else "black")  # fmt: skip
    fig.colorbar(image, ax=ax, shrink=0.7)
    if title:
        ax.set_title(title)
    return fig
