"""Correspondence analysis of a contingency table (Benzécri's *analyse des correspondances*).

The table ``N`` (``I`` rows × ``J`` columns) becomes the correspondence matrix
``P = N / n`` with row masses ``r`` and column masses ``c``; the matrix of
standardised residuals ``S = D_r^{-1/2} (P − r cᵀ) D_c^{-1/2}`` is decomposed by a
singular value decomposition ``S = U Σ Vᵀ`` (scipy's LAPACK one for a dense table;
for a sparse table with ``n_components``, ARPACK on the cross product of ``S``
as a linear operator that never forms ``S``: :func:`truncated_svd`). Then:

- the principal inertias (eigenvalues) are ``σ_k²``, summing to the total
  inertia ``χ²/n``;
- the standard coordinates are ``D_r^{-1/2} U`` and ``D_c^{-1/2} V``, the
  principal coordinates these times ``σ_k``;
- the contribution of a point to an axis is its mass times its squared
  principal coordinate over the axis's inertia (contributions sum to 1 on each
  axis); its squared cosine is its squared principal coordinate over its
  squared chi-square distance to the centroid;
- a supplementary row (column) is placed by the transition formula: its profile
  times the columns' (rows') standard coordinates; it takes no part in the axes.

The sign of an axis is arbitrary; here the column of largest absolute standard
coordinate on each axis is on the positive side, so that the same table always
gives the same map.

References
----------
.. [1] Benzécri, J.-P. (1973). *L'Analyse des données*, tome 2 : *L'Analyse des
   correspondances*. Dunod.
.. [2] Greenacre, M. (2007). *Correspondence Analysis in Practice* (2nd ed.),
   chapters 4 to 12 and theoretical appendix A. Chapman & Hall/CRC.
.. [3] Lebart, L., Morineau, A. & Piron, M. (1995). *Statistique exploratoire
   multidimensionnelle*, chapter 1.2. Dunod.

Examples
--------
Greenacre's (1984) staff groups and their smoking habits:

>>> smoke = pd.DataFrame([[4, 2, 3, 2], [4, 3, 7, 4], [25, 10, 12, 4], [18, 24, 33, 13],
...                       [10, 6, 7, 2]], index=["SM", "JM", "SE", "JE", "SC"],
...                      columns=["none", "light", "medium", "heavy"])
>>> ca = correspondence_analysis(smoke)
>>> ca.eigenvalues.round(6).tolist()
[0.074759, 0.010017, 0.000414]
>>> ca.explained_inertia.round(2).tolist()
[87.76, 11.76, 0.49]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import linalg, sparse
from scipy.sparse import linalg as sparse_linalg

from research.errors import InputError
from research.lexicometry._tables import LexicalMatrix

__all__ = ["CorrespondenceAnalysis", "correspondence_analysis"]


@dataclass(frozen=True)
class CorrespondenceAnalysis:
    """The results of :func:`correspondence_analysis` (see the module notes).

    Attributes
    ----------
    eigenvalues : numpy.ndarray
        Principal inertias of the axes kept, in decreasing order.
    total_inertia : float
        The table's total inertia (``χ² / n``).
    row_masses, column_masses : pandas.Series
    row_coordinates, column_coordinates : pandas.DataFrame
        Principal coordinates, one column per axis (``1``, ``2``…).
    row_standard, column_standard : pandas.DataFrame
        Standard coordinates.
    row_contributions, column_contributions : pandas.DataFrame
        Share of each axis's inertia due to each point (each column sums to 1).
    row_cos2, column_cos2 : pandas.DataFrame
        Squared cosines: quality of each point's display on each axis.
    row_inertia, column_inertia : pandas.Series
        Each point's share of the total inertia (mass × squared distance).
    supplementary_rows, supplementary_columns : pandas.DataFrame
        Principal coordinates of the supplementary points (empty if none).
    """

    eigenvalues: np.ndarray
    total_inertia: float
    row_masses: pd.Series
    column_masses: pd.Series
    row_coordinates: pd.DataFrame
    column_coordinates: pd.DataFrame
    row_standard: pd.DataFrame
    column_standard: pd.DataFrame
    row_contributions: pd.DataFrame
    column_contributions: pd.DataFrame
    row_cos2: pd.DataFrame
    column_cos2: pd.DataFrame
    row_inertia: pd.Series
    column_inertia: pd.Series
    supplementary_rows: pd.DataFrame
    supplementary_columns: pd.DataFrame

    @property
    def explained_inertia(self) -> pd.Series:
        """Percentage of the total inertia on each axis."""
        share = (
            self.eigenvalues / self.total_inertia * 100 if self.total_inertia else self.eigenvalues
        )
        return pd.Series(share, index=pd.RangeIndex(1, len(share) + 1, name="axis"))

    def summary(self) -> pd.DataFrame:
        """One row per axis: ``axis``, ``eigenvalue``, ``percent``, ``cumulative``."""
        percent = self.explained_inertia
        return pd.DataFrame(
            {
                "axis": percent.index,
                "eigenvalue": self.eigenvalues,
                "percent": percent.to_numpy(),
                "cumulative": percent.cumsum().to_numpy(),
            }
        )

    def points(self, *, axes: Sequence[int] = (1, 2)) -> pd.DataFrame:
        """Every point with its coordinates, contributions and cos² on ``axes`` (a table to read).

        Returns
        -------
        DataFrame
            ``type`` (``row``, ``column``, ``supplementary row`` or
            ``supplementary column``), ``label``, ``mass``, and for each axis
            ``coord_k``, ``contrib_k``, ``cos2_k`` (contributions of
            supplementary points are empty).
        """
        frames = []
        sides = (
            ("row", self.row_coordinates, self.row_contributions, self.row_cos2, self.row_masses),
            ("column", self.column_coordinates, self.column_contributions, self.column_cos2,
             self.column_masses),
        )  # fmt: skip
        for kind, coords, contrib, cos2, masses in sides:
            frame = pd.DataFrame({"type": kind, "label": coords.index, "mass": masses.to_numpy()})
            for axis in axes:
                frame[f"coord_{axis}"] = coords[axis].to_numpy()
                frame[f"contrib_{axis}"] = contrib[axis].to_numpy()
                frame[f"cos2_{axis}"] = cos2[axis].to_numpy()
            frames.append(frame)
        for kind, coords in (
            ("supplementary row", self.supplementary_rows),
            ("supplementary column", self.supplementary_columns),
        ):
            if len(coords):
                frame = pd.DataFrame({"type": kind, "label": coords.index, "mass": np.nan})
                for axis in axes:
                    frame[f"coord_{axis}"] = coords[axis].to_numpy()
                frames.append(frame)
        return pd.concat(frames, ignore_index=True)


def _as_counts(table: pd.DataFrame) -> np.ndarray | sparse.csr_array:
    if isinstance(table, LexicalMatrix):
        values = sparse.csr_array(table.matrix, dtype=float)
        _check_counts(values.data, values, table.segments, table.forms)
        return values
    if not isinstance(table, pd.DataFrame):
        raise InputError(
            f"a correspondence analysis takes a contingency table as a DataFrame, "
            f"not a {type(table).__name__}",
            hint="rows and columns are the two sets of categories, cells their counts",
        )
    if table.shape[0] < 2 or table.shape[1] < 2:
        raise InputError(
            f"a correspondence analysis needs at least 2 rows and 2 columns, not {table.shape}",
            hint="compare at least two groups on at least two forms",
        )
    if any(isinstance(dtype, pd.SparseDtype) for dtype in table.dtypes):
        values = sparse.csr_array(table.sparse.to_coo())
        data = values.data
    else:
        values = table.to_numpy(dtype=float)
        data = values
    _check_counts(data, values, table.index, table.columns)
    return values


def _check_counts(data: np.ndarray, values, index: pd.Index, columns: pd.Index) -> None:
    if np.isnan(data).any() or (data < 0).any():
        raise InputError(
            "the contingency table holds negative or missing counts",
            hint="cells are counts: whole numbers from 0",
        )
    if values.shape[0] < 2 or values.shape[1] < 2:
        raise InputError(
            f"a correspondence analysis needs at least 2 rows and 2 columns, not {values.shape}",
            hint="compare at least two groups on at least two forms",
        )
    rows = np.asarray(values.sum(axis=1)).ravel()
    cols = np.asarray(values.sum(axis=0)).ravel()
    for name, sums, labels in (("row", rows, index), ("column", cols, columns)):
        empty = [str(label) for label, s in zip(labels, sums, strict=True) if s == 0]
        if empty:
            raise InputError(
                f"{len(empty)} {name}(s) of the contingency table are empty: {', '.join(empty[:5])}",
                hint=f"leave out the empty {name}s (a category without any count has no profile)",
            )


def truncated_svd(
    Q: sparse.csr_array, r: np.ndarray, c: np.ndarray, k: int, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ``k`` leading singular triplets of ``S = Q − √r √cᵀ`` (``Q`` sparse), ``S`` never formed.

    The eigenvectors of the smaller of ``SᵀS = QᵀQ − √c √cᵀ`` and ``SSᵀ`` (as a
    linear operator: two sparse products and a rank-one correction) are found by
    ARPACK (``scipy.sparse.linalg.eigsh``), the other side's vectors by one
    product with ``S``. The squares of the singular values are the eigenvalues
    themselves, to the precision of the largest; on the tall tables of text
    segments × forms this is several times faster than an SVD of the operator.
    """
    sr, sc = np.sqrt(r), np.sqrt(c)
    transpose = Q.shape[0] < Q.shape[1]
    A, left, right = (Q.T.tocsr(), sc, sr) if transpose else (Q, sr, sc)
    AT = A.T.tocsr()

    def product(x: np.ndarray) -> np.ndarray:
        return AT @ (A @ x) - right * (right @ x)

    size = A.shape[1]
    operator = sparse_linalg.LinearOperator((size, size), matvec=product, dtype=float)
    v0 = np.random.default_rng(seed).uniform(0.5, 1.5, size=size)
    values, V = sparse_linalg.eigsh(operator, k=k, which="LA", v0=v0)
    order = np.argsort(-values, kind="stable")
    values, V = np.clip(values[order], 0.0, None), V[:, order]
    sv = np.sqrt(values)
    with np.errstate(divide="ignore", invalid="ignore"):
        U = (A @ V - np.outer(left, right @ V)) / np.where(sv > 0, sv, 1.0)
    return (V, sv, U) if transpose else (U, sv, V)


def _decompose(
    values: np.ndarray | sparse.csr_array, n_components: int | None, seed: int
) -> tuple[
    np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, float, np.ndarray, np.ndarray
]:
    """Masses, singular vectors and values of the standardised residuals, total inertia, row and
    column chi-square distances²."""
    n = float(values.sum())
    r = np.asarray(values.sum(axis=1)).ravel() / n
    c = np.asarray(values.sum(axis=0)).ravel() / n
    rank = min(values.shape) - 1
    k = rank if n_components is None else max(1, min(n_components, rank))
    if sparse.issparse(values):
        Q = sparse.diags_array(1 / np.sqrt(r)) @ (values / n) @ sparse.diags_array(1 / np.sqrt(c))
        Q = sparse.csr_array(Q)
        squares = Q.multiply(Q)
        total = float(squares.sum()) - 1.0
        row_d2 = np.asarray(squares.sum(axis=1)).ravel() / r - 1.0
        col_d2 = np.asarray(squares.sum(axis=0)).ravel() / c - 1.0
        if k < rank:
            U, sv, V = truncated_svd(Q, r, c, k, seed)
            Vt = V.T
        else:
            S = Q.toarray() - np.outer(np.sqrt(r), np.sqrt(c))
            U, sv, Vt = linalg.svd(S, full_matrices=False)
    else:
        S = (values / n - np.outer(r, c)) / np.sqrt(np.outer(r, c))
        total = float((S**2).sum())
        row_d2 = (S**2).sum(axis=1) / r
        col_d2 = (S**2).sum(axis=0) / c
        U, sv, Vt = linalg.svd(S, full_matrices=False)
    order = np.argsort(-sv, kind="stable")[:k]
    return r, c, U[:, order], sv[order], Vt[order].T, total, row_d2, col_d2


def _flip(U: np.ndarray, V: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Signs of the axes: each axis's largest column coordinate (in absolute value) positive."""
    largest = np.argmax(np.abs(V), axis=0)
    signs = np.sign(V[largest, np.arange(V.shape[1])])
    signs[signs == 0] = 1
    return U * signs, V * signs


def correspondence_analysis(
    table: pd.DataFrame | LexicalMatrix,
    *,
    n_components: int | None = None,
    supplementary_rows: Sequence | None = None,
    supplementary_columns: Sequence | None = None,
    seed: int = 0,
) -> CorrespondenceAnalysis:
    """Correspondence analysis of a contingency table (see the module notes).

    Parameters
    ----------
    table : DataFrame or LexicalMatrix
        Counts: a dense DataFrame, one with sparse columns, or a segments ×
        forms :class:`~research.lexicometry.LexicalMatrix` (sparse).
    n_components : int, optional
        Axes kept (default: all, ``min(I, J) − 1``). With a sparse table and
        fewer axes than that, a truncated decomposition computes only these.
    supplementary_rows, supplementary_columns : sequence of labels, optional
        Rows or columns of ``table`` placed on the map without taking part in
        the axes.
    seed : int
        Start vector of the truncated decomposition (results do not depend on
        it beyond rounding; it makes them repeat exactly).

    Returns
    -------
    CorrespondenceAnalysis

    Raises
    ------
    InputError
        On a table with fewer than two active rows or columns, negative or
        missing counts, or an empty row or column (named).
    """
    sup_rows = list(supplementary_rows or [])
    sup_cols = list(supplementary_columns or [])
    if isinstance(table, LexicalMatrix):
        if sup_rows or sup_cols:
            raise InputError(
                "supplementary points are chosen among the rows and columns of a DataFrame",
                hint="use the lexical table as a DataFrame to place supplementary points",
            )
    else:
        for labels, axis, name in (
            (sup_rows, table.index, "row"),
            (sup_cols, table.columns, "column"),
        ):
            unknown = [label for label in labels if label not in axis]
            if unknown:
                raise InputError(
                    f"supplementary {name} {unknown[0]!r} is not in the table",
                    hint=f"supplementary {name}s are chosen among the table's {name}s",
                )
    if isinstance(table, LexicalMatrix):
        rows, cols = table.segments, table.forms
        values = _as_counts(table)
    else:
        active = table.drop(index=sup_rows, columns=sup_cols)
        rows, cols = active.index, active.columns
        values = _as_counts(active)
    r, c, U, sv, V, total, row_d2, col_d2 = _decompose(values, n_components, seed)
    U, V = _flip(U, V)
    axes = pd.RangeIndex(1, len(sv) + 1, name="axis")
    row_std = U / np.sqrt(r)[:, None]
    col_std = V / np.sqrt(c)[:, None]
    row_pc, col_pc = row_std * sv, col_std * sv
    eigen = sv**2
    with np.errstate(divide="ignore", invalid="ignore"):
        row_ctr = np.where(eigen > 0, r[:, None] * row_pc**2 / eigen, 0.0)
        col_ctr = np.where(eigen > 0, c[:, None] * col_pc**2 / eigen, 0.0)
        row_cos2 = np.where(row_d2[:, None] > 0, row_pc**2 / row_d2[:, None], 0.0)
        col_cos2 = np.where(col_d2[:, None] > 0, col_pc**2 / col_d2[:, None], 0.0)

    def frame(values: np.ndarray, index: pd.Index) -> pd.DataFrame:
        return pd.DataFrame(values, index=index, columns=axes)

    sup_r = pd.DataFrame(columns=axes, dtype=float)
    sup_c = pd.DataFrame(columns=axes, dtype=float)
    if sup_rows:
        counts = table.loc[sup_rows, cols].to_numpy(dtype=float)
        profiles = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1e-300)
        sup_r = frame(profiles @ col_std, pd.Index(sup_rows, name=table.index.name))
    if sup_cols:
        counts = table.loc[rows, sup_cols].to_numpy(dtype=float)
        profiles = counts / np.maximum(counts.sum(axis=0, keepdims=True), 1e-300)
        sup_c = frame(profiles.T @ row_std, pd.Index(sup_cols, name=table.columns.name))
    return CorrespondenceAnalysis(
        eigenvalues=eigen,
        total_inertia=total,
        row_masses=pd.Series(r, index=rows, name="mass"),
        column_masses=pd.Series(c, index=cols, name="mass"),
        row_coordinates=frame(row_pc, rows),
        column_coordinates=frame(col_pc, cols),
        row_standard=frame(row_std, rows),
        column_standard=frame(col_std, cols),
        row_contributions=frame(row_ctr, rows),
        column_contributions=frame(col_ctr, cols),
        row_cos2=frame(row_cos2, rows),
        column_cos2=frame(col_cos2, cols),
        row_inertia=pd.Series(r * row_d2, index=rows, name="inertia"),
        column_inertia=pd.Series(c * col_d2, index=cols, name="inertia"),
        supplementary_rows=sup_r,
        supplementary_columns=sup_c,
    )
