"""Betweenness and eigenvector centrality on the edition graphs.

Betweenness is Brandes' algorithm run for a batch of sources at once as
sparse–dense matrix products, with one search per class of structurally
equivalent sources, normalised per mode on two-mode graphs (Borgatti & Halgin);
eigenvector centrality is Bonacich's, by power iteration.
"""

from __future__ import annotations

import warnings

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
import scipy.sparse.linalg  # noqa: F401  (sp.linalg)

from research.errors import InputError
from research.network._matrices import _Matrices, _matrices, _series

__all__ = ["betweenness", "eigenvector"]


# --------------------------------------------------------------------------- betweenness


def _brandes_batches(
    A: sp.csr_matrix, sources: np.ndarray, weights: np.ndarray, *, batch: int = 128
) -> np.ndarray:
    """Weighted sum over ``sources`` of Brandes' dependencies (unweighted paths).

    Breadth-first search from ``batch`` sources at a time: the path counts of
    the next level are a sparse–dense product ``Aᵀ F`` of the frontier ``F``
    (nodes × sources), and the dependencies flow back level by level through
    ``A X``. Returns, per node, the sum over the sources ``s`` of
    ``weights[s]`` times the share of shortest paths from ``s`` through it.
    """
    n = A.shape[0]
    AT = sp.csr_matrix(A.T)
    total = np.zeros(n)
    for start in range(0, len(sources), batch):
        src = np.asarray(sources[start : start + batch])
        b = len(src)
        columns = np.arange(b)
        sigma = np.zeros((n, b))
        sigma[src, columns] = 1.0
        unvisited = np.ones((n, b), dtype=bool)
        unvisited[src, columns] = False
        frontier, levels = sigma.copy(), []
        while True:
            reached = AT @ frontier
            np.multiply(reached, unvisited, out=reached)
            idx = np.flatnonzero(reached)
            if idx.size == 0:
                break
            levels.append(idx)
            sigma.flat[idx] = reached.flat[idx]
            unvisited.flat[idx] = False
            frontier = reached
        delta, X = np.zeros((n, b)), np.zeros((n, b))
        s_flat, d_flat, x_flat = sigma.ravel(), delta.ravel(), X.ravel()
        for k in range(len(levels) - 1, 0, -1):
            here, before = levels[k], levels[k - 1]
            x_flat[here] = (1.0 + d_flat[here]) / s_flat[here]
            d_flat[before] += s_flat[before] * (A @ X).ravel()[before]
            x_flat[here] = 0.0
        total += delta @ np.asarray(weights[start : start + batch], dtype=float)
    return total


def _fold_sources(
    A: sp.csr_matrix, counts: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fewer breadth-first searches for the same betweenness (undirected graphs).

    ``counts[s]`` is how many times ``s`` is a source. Two exact reductions:

    * a leaf ``l`` hanging on ``v`` (of degree ≥ 2) sees every other node
      through ``v``: its dependencies are ``v``'s, except on ``v`` itself,
      which gains one per other node of the component; so ``l``'s count
      moves to ``v`` and ``v`` gets that fixed share directly;
    * twins (same open neighbourhood, or same closed neighbourhood) have the
      same dependencies on every other node and none on each other, so one
      search per class, weighted by the class's count, is enough.

    Returns the representative sources, their weights and the direct
    additions to the raw betweenness.
    """
    n = A.shape[0]
    counts = counts.astype(float).copy()
    extra = np.zeros(n)
    degree = np.diff(A.indptr)
    _, component = sp.csgraph.connected_components(A, directed=False)
    size = np.bincount(component)[component]
    for leaf in np.flatnonzero((degree == 1) & (counts > 0)):
        hub = A.indices[A.indptr[leaf]]
        if degree[hub] >= 2:
            extra[hub] += counts[leaf] * (size[hub] - 2)
            counts[hub] += counts[leaf]
            counts[leaf] = 0
    representative = np.arange(n)
    seen_open: dict[bytes, int] = {}
    seen_closed: dict[bytes, int] = {}
    for i in np.flatnonzero(counts > 0):
        row = A.indices[A.indptr[i] : A.indptr[i + 1]]
        representative[i] = seen_open.setdefault(row.tobytes(), i)
    alone = np.bincount(representative[counts > 0], minlength=n) == 1
    for i in np.flatnonzero((counts > 0) & alone[representative]):
        row = A.indices[A.indptr[i] : A.indptr[i + 1]]
        closed = np.sort(np.append(row, i)).tobytes()
        representative[i] = seen_closed.setdefault(closed, i)
    weights = np.bincount(representative, weights=counts, minlength=n)
    sources = np.flatnonzero(weights > 0)
    return sources, weights[sources], extra


def _bipartite_maximum(n: int, m: int) -> float:
    """Largest raw betweenness of a node in a mode of ``n`` nodes facing ``m``."""
    if m == 0:
        return 0.0
    s, t = divmod(n - 1, m)
    return ((m**2) * ((s + 1) ** 2) + m * (s + 1) * (2 * t - s - 1) - t * (2 * s - t + 3)) / 2.0


def betweenness(
    G: nx.Graph,
    *,
    normalized: bool = True,
    sample: int | None = None,
    seed: int = 0,
    batch: int = 128,
) -> pd.Series:
    """Betweenness centrality on unweighted shortest paths.

    On a two-mode graph (:func:`is_two_mode`) the raw scores are divided by
    the largest score a node of the same mode could reach given the sizes of
    both modes (Borgatti & Halgin 2011, as
    :func:`networkx.algorithms.bipartite.betweenness_centrality`, with the
    actors as the first mode); on a one-mode graph by the number of pairs of
    other nodes (Freeman 1977).

    Parameters
    ----------
    G : networkx.Graph
        Undirected or directed; multigraphs are collapsed first.
    normalized : bool
        Normalise as above (two-mode graphs are always normalised per mode).
    sample : int, optional
        Estimate from this many source nodes drawn at random (seeded) and
        scale by ``n / sample`` (Brandes & Pich 2007), for graphs too large
        for the exact computation.
    seed : int
        Seed of the source sample.
    batch : int
        Sources searched together (memory: a few ``n × batch`` float arrays).

    Returns
    -------
    pandas.Series
        Indexed by node, in graph order.

    References
    ----------
    .. [1] L. C. Freeman, "A set of measures of centrality based on
       betweenness", Sociometry 40 (1977) 35–41.
    .. [2] U. Brandes, "A faster algorithm for betweenness centrality",
       Journal of Mathematical Sociology 25 (2001) 163–177.
    .. [3] U. Brandes and C. Pich, "Centrality estimation in large networks",
       International Journal of Bifurcation and Chaos 17 (2007) 2303–2318.
    .. [4] S. P. Borgatti and D. S. Halgin, "Analyzing affiliation networks",
       in The SAGE Handbook of Social Network Analysis (2011) 417–433.

    Examples
    --------
    A line a–b–c: b lies between a and c.

    >>> betweenness(nx.path_graph(["a", "b", "c"])).tolist()
    [0.0, 1.0, 0.0]
    """
    return _betweenness(_matrices(G, weight=None), normalized=normalized, sample=sample,
                        seed=seed, batch=batch)  # fmt: skip


def _betweenness(
    M: _Matrices, *, normalized: bool, sample: int | None, seed: int, batch: int = 128
) -> pd.Series:
    n = len(M.nodes)
    if sample is not None and not 0 < sample <= n:
        raise InputError(
            f"the betweenness sample must be between 1 and the number of nodes ({n}), not {sample}",
            hint="leave it unset for the exact betweenness",
        )
    if n == 0:
        return _series([], [], "betweenness")
    counts = np.ones(n)
    scale = 1.0
    if sample is not None and sample < n:
        rng = np.random.default_rng(seed)
        counts = np.zeros(n)
        counts[rng.choice(n, size=sample, replace=False)] = 1.0
        scale = n / sample
    if M.graph.is_directed():
        sources = np.flatnonzero(counts)
        raw = _brandes_batches(M.arcs, sources, counts[sources], batch=batch)
    else:
        sources, weights, extra = _fold_sources(M.arcs, counts)
        raw = (_brandes_batches(M.arcs, sources, weights, batch=batch) + extra) / 2.0
    raw *= scale
    if M.modes is not None:
        n0, n1 = int((M.modes == 0).sum()), int((M.modes == 1).sum())
        maxima = np.where(M.modes == 0, _bipartite_maximum(n0, n1), _bipartite_maximum(n1, n0))
        raw = np.divide(raw, maxima, out=np.zeros_like(raw), where=maxima > 0)
    elif normalized:
        pairs = (n - 1) * (n - 2) / (1.0 if M.graph.is_directed() else 2.0)
        raw = raw / pairs if pairs > 0 else np.zeros(n)
    return _series(M.nodes, raw, "betweenness")


# --------------------------------------------------------------------------- eigenvector


def eigenvector(
    G: nx.Graph, *, weight: str | None = "weight", max_iter: int = 1000, tol: float = 1e-10
) -> pd.Series:
    """Eigenvector centrality (Bonacich 1972), unit Euclidean norm.

    Power iteration on ``A + I`` from a vector of ones, as
    :func:`networkx.eigenvector_centrality` (the shift makes it converge on
    two-mode graphs too). On a disconnected graph only the components with the
    largest leading eigenvalue get non-zero scores; when several components
    tie, the start vector shares the score among them, so the result does not
    depend on the order of the nodes. Directed graphs are made undirected.

    References
    ----------
    .. [1] P. Bonacich, "Factoring and weighting approaches to status scores
       and clique identification", Journal of Mathematical Sociology 2 (1972)
       113–120.

    Examples
    --------
    A star with four leaves: the hub scores 2/√8 = 1/√2, each leaf 1/√8.

    >>> eigenvector(nx.star_graph(4)).round(6).tolist()
    [0.707107, 0.353553, 0.353553, 0.353553, 0.353553]
    """
    return _eigenvector(_matrices(G, weight=weight), max_iter=max_iter, tol=tol)


def _eigenvector(M: _Matrices, *, max_iter: int = 1000, tol: float = 1e-10) -> pd.Series:
    n = len(M.nodes)
    if n == 0:
        return _series([], [], "eigenvector")
    A = M.strength + sp.identity(n, format="csr")
    x = np.ones(n) / np.sqrt(n)
    for _ in range(max_iter):
        y = A @ x
        y /= np.linalg.norm(y)
        converged = np.abs(y - x).sum() < n * tol
        x = y
        if converged:
            return _series(M.nodes, np.abs(x), "eigenvector")
    return _series(M.nodes, _leading_vector(M, x), "eigenvector")


def _leading_vector(M: _Matrices, start: np.ndarray) -> np.ndarray:
    """Leading eigenvector by Lanczos, when the power iteration is too slow.

    Two leading eigenvalues close to each other (components of nearly the same
    size) slow the power iteration down; ARPACK, started from the iterate,
    finds the leading eigenvector directly.
    """
    n = len(M.nodes)
    try:
        if n < 3:
            _, vectors = np.linalg.eigh(M.strength.toarray())
            vector = vectors[:, -1]
        else:
            _, vectors = sp.linalg.eigsh(M.strength, k=1, which="LA", v0=start, tol=1e-12)
            vector = vectors[:, 0]
    except sp.linalg.ArpackNoConvergence:
        warnings.warn(
            "eigenvector centrality did not converge "
            f"(edition {M.graph.graph.get('edition')}); the scores are approximate",
            RuntimeWarning,
            stacklevel=4,
        )
        return np.abs(start)
    vector = np.abs(vector)
    return vector / np.linalg.norm(vector)
