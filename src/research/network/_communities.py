"""Cohesive subgroups: k-cores and seeded Louvain communities.

The k-core number of every node (peeling, Batagelj & Zaversnik) and the
communities of Louvain's modularity method (Blondel et al. 2008), numbered so
that two runs give the same numbers.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from research.network._matrices import _Matrices, _matrices, _series

__all__ = ["communities"]


def _core_numbers(ties: sp.csr_matrix) -> np.ndarray:
    """k-core number of every node by peeling (Batagelj & Zaversnik), vectorised."""
    n = ties.shape[0]
    degree = np.diff(ties.indptr).astype(float)
    alive = np.ones(n, dtype=bool)
    core = np.zeros(n, dtype=int)
    k = 0
    while alive.any():
        k = max(k, int(degree[alive].min()))
        while True:
            peel = alive & (degree <= k)
            if not peel.any():
                break
            core[peel] = k
            alive[peel] = False
            degree -= ties @ peel.astype(float)
    return core


def _louvain_level(
    S: sp.csr_matrix, resolution: float, total: float, order: list[int]
) -> tuple[np.ndarray, bool]:
    """One local-moving phase of Louvain; returns the labels and whether a node moved."""
    indptr, indices, data = S.indptr.tolist(), S.indices.tolist(), S.data.tolist()
    strength = np.asarray(S.sum(axis=1)).ravel().tolist()
    community = list(range(S.shape[0]))
    community_total = list(strength)
    moved_any, improved, passes = False, True, 0
    while improved and passes < 100:
        improved, passes = False, passes + 1
        for i in order:
            current, k_i = community[i], strength[i]
            links: dict[int, float] = {}
            for p in range(indptr[i], indptr[i + 1]):
                j = indices[p]
                if j != i:
                    c = community[j]
                    links[c] = links.get(c, 0.0) + data[p]
            community_total[current] -= k_i
            factor = resolution * k_i / total
            best, best_gain = current, links.get(current, 0.0) - factor * community_total[current]
            for c, w in links.items():
                gain = w - factor * community_total[c]
                if gain > best_gain + 1e-12:
                    best, best_gain = c, gain
            community_total[best] += k_i
            if best != current:
                community[i] = best
                improved = moved_any = True
    return np.asarray(community), moved_any


def _louvain(S: sp.csr_matrix, *, resolution: float, seed: int) -> np.ndarray:
    """Louvain modularity communities of a symmetric strength matrix."""
    n = S.shape[0]
    membership = np.arange(n)
    total = float(S.sum())
    if total == 0:
        return membership
    rng = np.random.default_rng(seed)
    W = sp.csr_matrix(S)
    while True:
        order = rng.permutation(W.shape[0]).tolist()
        labels, moved = _louvain_level(W, resolution, total, order)
        if not moved:
            return membership
        _, labels = np.unique(labels, return_inverse=True)
        membership = labels.ravel()[membership]
        k = int(labels.max()) + 1
        C = sp.csr_matrix((np.ones(len(labels)), (np.arange(len(labels)), labels.ravel())),
                          shape=(len(labels), k))  # fmt: skip
        W = sp.csr_matrix(C.T @ W @ C)
        W.sort_indices()
        if k == 1:
            return membership


def communities(
    G: nx.Graph, *, weight: str | None = "weight", resolution: float = 1.0, seed: int = 0
) -> pd.Series:
    """Community of each node by the Louvain modularity method, seeded.

    Nodes are visited in an order drawn from ``seed``, then communities are
    merged level by level until no node moves. Communities are numbered from
    0 by decreasing size, ties broken by the position of their first node in
    the graph, so that two runs give the same numbers.

    References
    ----------
    .. [1] V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre,
       "Fast unfolding of communities in large networks", Journal of
       Statistical Mechanics (2008) P10008.
    .. [2] M. E. J. Newman, "Modularity and community structure in
       networks", PNAS 103 (2006) 8577–8582.

    Examples
    --------
    Two triangles joined by one edge:

    >>> G = nx.Graph([(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)])
    >>> communities(G).astype(int).tolist()
    [0, 0, 0, 1, 1, 1]
    """
    return _communities(_matrices(G, weight=weight), resolution=resolution, seed=seed)


def _communities(M: _Matrices, *, resolution: float, seed: int) -> pd.Series:
    labels = _louvain(M.strength, resolution=resolution, seed=seed)
    n = len(labels)
    sizes = np.bincount(labels, minlength=labels.max() + 1 if n else 0)
    first = np.full(len(sizes), n)
    np.minimum.at(first, labels, np.arange(n))
    ranked = sorted(range(len(sizes)), key=lambda c: (-sizes[c], first[c]))
    number = np.empty(len(sizes), dtype=int)
    number[ranked] = np.arange(len(sizes))
    return _series(M.nodes, number[labels] if n else [], "community").astype(int)
