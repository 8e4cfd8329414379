"""The descending hierarchical classification (CHD) of Reinert on a presence table.

This module holds the splitting machinery; :mod:`research.lexicometry._reinert`
builds classes and their profiles from it. On a binary table (units × forms):

1. a class is split in two by ordering its units on the first axis of the
   correspondence analysis of its own table, then cutting that order where the
   chi-square of the 2 × forms table of the two groups is largest;
2. units are then switched from one group to the other while the chi-square
   grows (all units whose move alone raises it are moved together; should
   the moves together not raise it, the better half of them are tried, and so
   on down to the single best move, which always does);
3. in each group, forms present in fewer than ``min_frequency`` of its units
   are left out, and a form strongly associated with the split (contingency
   coefficient above ``contingency``) is kept only in the group where it is
   over-represented;
4. the largest class left is split next, until there are ``n_classes``
   terminal classes (or none can be split).

The chi-square of a 2 × ``J`` table with fixed column totals ``c_j`` (sum ``N``)
and the first row ``a_j`` (sum ``R``) is ``N (Q/R + (N − 2R + Q)/(N − R) − 1)``
with ``Q = Σ a_j² / c_j``, so that the chi-square of every cut of an order, and
of every single move, is computed at once from running sums.

References
----------
.. [1] Reinert, M. (1983). Une méthode de classification descendante
   hiérarchique : application à l'analyse lexicale par contexte. *Les Cahiers
   de l'analyse des données*, 8(2), 187-198.
.. [2] Reinert, M. (1990). Alceste, une méthodologie d'analyse des données
   textuelles et une application : Aurélia de Gérard de Nerval. *Bulletin de
   méthodologie sociologique*, 26(1), 24-54.
.. [3] Ratinaud, P. (2014). *IRaMuTeQ*, documentation, « Classification » (méthode
   Reinert). http://www.iramuteq.org
.. [4] Barnier, J. (2023). *rainette: The Reinert Method for Textual Clustering*,
   vignette « Algorithms description » (R package).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import linalg, sparse

__all__ = ["Node", "descending_classification"]

_EPS = 1e-9


@dataclass
class Node:
    """A class of the hierarchy: its units (rows), its active forms (columns), its split."""

    id: int
    rows: np.ndarray
    columns: np.ndarray
    parent: int | None = None
    children: tuple[int, int] | None = None
    chi2: float = 0.0
    order: int | None = None  # rank of its split (0 for the first), None for a leaf
    splittable: bool = True
    dropped: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))


def _chi2(N: float, R: np.ndarray, Q: np.ndarray) -> np.ndarray:
    """The chi-square of 2-row tables given the first row's total ``R`` and ``Q = Σ a²/c``."""
    with np.errstate(divide="ignore", invalid="ignore"):
        value = N * (Q / R + (N - 2 * R + Q) / (N - R) - 1)
    return np.where((R > _EPS) & (N - R > _EPS), value, -np.inf)


def first_axis(X: sparse.csr_array, seed: int = 0) -> np.ndarray:
    """Row coordinates on the first axis of the correspondence analysis of ``X``.

    ``X`` has no empty row nor column. A table of a few thousand cells is
    decomposed whole (LAPACK); a larger one by ARPACK on the cross product of the
    standardised residuals (:func:`research.lexicometry._correspondence.truncated_svd`).
    """
    n = float(X.sum())
    r = np.asarray(X.sum(axis=1)).ravel() / n
    c = np.asarray(X.sum(axis=0)).ravel() / n
    Q = sparse.csr_array(
        sparse.diags_array(1 / np.sqrt(r)) @ (X / n) @ sparse.diags_array(1 / np.sqrt(c))
    )
    if min(X.shape) <= 2 or X.shape[0] * X.shape[1] <= 40_000:
        S = Q.toarray() - np.outer(np.sqrt(r), np.sqrt(c))
        U, sv, _ = linalg.svd(S, full_matrices=False)
        u = U[:, int(np.argmax(sv))]
    else:
        from research.lexicometry._correspondence import truncated_svd

        U, _, _ = truncated_svd(Q, r, c, 1, seed)
        u = U[:, 0]
    return u / np.sqrt(r)


def _best_cut(
    Y: sparse.csr_array, m: np.ndarray, N: float, order: np.ndarray
) -> tuple[np.ndarray, float]:
    """The first ``k`` units of ``order`` against the others, for the ``k`` of largest chi-square.

    ``Y`` is the table with each column divided by the square root of its total.
    """
    ordered = sparse.csc_array(Y[order])
    ordered.sort_indices()
    data, indptr = ordered.data, ordered.indptr
    running = np.cumsum(data)
    before = np.concatenate([[0.0], running])[indptr[:-1]]
    columns = np.repeat(np.arange(ordered.shape[1]), np.diff(indptr))
    prefix = running - before[columns] - data  # the column's sum over the earlier units
    rows = ordered.indices
    cross = np.bincount(rows, weights=data * prefix, minlength=len(order))
    squares = np.bincount(rows, weights=data * data, minlength=len(order))
    Q = np.cumsum(2 * cross + squares)
    R = np.cumsum(m[order])
    chi2 = _chi2(N, R[:-1], Q[:-1])
    k = int(np.argmax(chi2)) + 1
    group = np.zeros(len(order), dtype=bool)
    group[order[:k]] = True
    return group, float(chi2[k - 1])


def _switch(
    Y: sparse.csr_array, m: np.ndarray, N: float, group: np.ndarray, chi2: float
) -> tuple[np.ndarray, float]:
    """Move units between the two groups while the chi-square grows (see the module notes)."""
    squares = np.asarray(Y.multiply(Y).sum(axis=1)).ravel()
    for _ in range(10 * len(group) + 10):
        a = np.asarray(Y.T @ group.astype(float)).ravel()
        Q, R = float(a @ a), float(m[group].sum())
        dot = np.asarray(Y @ a).ravel()
        sign = np.where(group, -1.0, 1.0)
        moved = _chi2(N, R + sign * m, Q + sign * 2 * dot + squares)
        gains = moved - chi2
        candidates = np.flatnonzero(gains > _EPS * max(1.0, chi2))
        if not len(candidates):
            break
        candidates = candidates[np.argsort(-gains[candidates], kind="stable")]
        while True:
            trial = group.copy()
            trial[candidates] = ~trial[candidates]
            if 0 < trial.sum() < len(trial):
                a_t = np.asarray(Y.T @ trial.astype(float)).ravel()
                value = float(_chi2(N, np.array(m[trial].sum()), np.array(a_t @ a_t)))
                if value > chi2 + _EPS * max(1.0, chi2):
                    group, chi2 = trial, value
                    break
            if len(candidates) == 1:
                return group, chi2
            candidates = candidates[: max(1, len(candidates) // 2)]
    return group, chi2


def _split(X: sparse.csr_array, seed: int) -> tuple[np.ndarray, float] | None:
    """Split a class's table (no empty row or column) in two; ``None`` when it cannot be."""
    X = sparse.csr_array(X[:, np.asarray(X.sum(axis=0)).ravel() > 0])
    if X.shape[0] < 2 or X.shape[1] < 2:
        return None
    m = np.asarray(X.sum(axis=1)).ravel()
    c = np.asarray(X.sum(axis=0)).ravel()
    N = float(m.sum())
    Y = sparse.csr_array(X @ sparse.diags_array(1 / np.sqrt(c)))
    coordinates = first_axis(X, seed)
    order = np.lexsort((np.arange(len(coordinates)), coordinates))
    group, chi2 = _best_cut(Y, m, N, order)
    group, chi2 = _switch(Y, m, N, group, chi2)
    if not (0 < group.sum() < len(group)) or not np.isfinite(chi2):
        return None
    return group, chi2


def _select_forms(
    X: sparse.csr_array, group: np.ndarray, min_frequency: int, contingency: float
) -> tuple[np.ndarray, np.ndarray]:
    """The columns kept in each group after a split (see the module notes)."""
    in_a = np.asarray(X[group].sum(axis=0)).ravel()
    in_b = np.asarray(X[~group].sum(axis=0)).ravel()
    n_a, n_b = float(group.sum()), float((~group).sum())
    n = n_a + n_b
    present = in_a + in_b
    with np.errstate(divide="ignore", invalid="ignore"):
        chi2 = (
            n
            * (in_a * (n_b - in_b) - in_b * (n_a - in_a)) ** 2
            / (present * (n - present) * n_a * n_b)
        )
    chi2 = np.nan_to_num(chi2, nan=0.0, posinf=0.0)
    coefficient = np.sqrt(chi2 / (chi2 + n))
    over_a = in_a / n_a > in_b / n_b
    strong = coefficient > contingency
    keep_a = (in_a >= min_frequency) & ~(strong & ~over_a)
    keep_b = (in_b >= min_frequency) & ~(strong & over_a)
    return keep_a, keep_b


def descending_classification(
    X: sparse.csr_array,
    n_classes: int,
    *,
    min_frequency: int = 3,
    contingency: float = 0.3,
    min_split: int = 5,
    seed: int = 0,
) -> dict[int, Node]:
    """Reinert's CHD of a binary table into at most ``n_classes`` terminal classes.

    Returns the nodes by id (0 is the whole table). A node's ``rows`` are row
    numbers of ``X``; units left without any active form in a class are in its
    ``dropped`` and in none of its children.
    """
    X = sparse.csr_array(X, dtype=float)
    rows = np.flatnonzero(np.asarray(X.sum(axis=1)).ravel() > 0)
    columns = np.flatnonzero(np.asarray(X.sum(axis=0)).ravel() > 0)
    nodes = {0: Node(0, rows, columns)}
    leaves = [0]
    splits = 0
    while len(leaves) < n_classes:
        candidates = [i for i in leaves if nodes[i].splittable and len(nodes[i].rows) >= min_split]
        if not candidates:
            break
        node = nodes[max(candidates, key=lambda i: (len(nodes[i].rows), -i))]
        table = X[node.rows][:, node.columns]
        filled = np.asarray(table.sum(axis=1)).ravel() > 0
        result = _split(sparse.csr_array(table[filled]), seed)
        if result is None:
            node.splittable = False
            continue
        group, chi2 = result
        kept_rows = node.rows[filled]
        node.dropped = node.rows[~filled]
        keep_a, keep_b = _select_forms(
            sparse.csr_array(table[filled]), group, min_frequency, contingency
        )
        ids = (len(nodes), len(nodes) + 1)
        for new, members, keep in (
            (ids[0], kept_rows[group], keep_a),
            (ids[1], kept_rows[~group], keep_b),
        ):
            nodes[new] = Node(new, members, node.columns[keep], parent=node.id)
        node.children, node.chi2, node.order = ids, chi2, splits
        splits += 1
        leaves.remove(node.id)
        leaves += list(ids)
    return nodes
