"""Standard measures of social network analysis on the edition graphs.

Per node: degree and weighted degree, betweenness (with Borgatti & Halgin's
normalisation on two-mode graphs), eigenvector centrality, Burt's constraint
and effective size, Gould & Fernandez brokerage roles, k-core number and a
seeded Louvain community. Per graph: size, density, components, clustering and
Freeman's degree centralisation. Across editions: actors retained, new and
gone, tie retention, the core over time and the animator's brokerage
trajectory (see :func:`evolution`, :func:`core_over_time`,
:func:`animator_trajectory`).

The heavy computations work on :mod:`scipy.sparse` matrices (betweenness is
Brandes' algorithm run for a batch of sources at once as sparse–dense matrix
products, with one search per class of structurally equivalent sources), so
that three editions of a thousand participants are measured in seconds. Multigraphs (the actor-network, whose edge directions name kinds of
relation rather than flows) are measured on their undirected simple collapse
(:func:`research.network.simple_graph`); a simple :class:`networkx.DiGraph`
keeps its direction for betweenness and brokerage, and is made undirected for
the other measures.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
import scipy.sparse.linalg  # noqa: F401  (sp.linalg)

from research.errors import InputError
from research.network._build import actor_projection, simple_graph

__all__ = [
    "ANIMATOR_CATEGORIES",
    "BROKERAGE_ROLES",
    "animator_ids",
    "animator_trajectory",
    "betweenness",
    "brokerage_roles",
    "burt_constraint",
    "communities",
    "core_over_time",
    "degree_centralization",
    "effective_size",
    "eigenvector",
    "evolution",
    "graph_measures",
    "is_two_mode",
    "node_measures",
]

#: Gould & Fernandez roles, in the order of the columns of :func:`brokerage_roles`.
BROKERAGE_ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")
#: Actor categories that make up "the animator" of the network (the cluster).
ANIMATOR_CATEGORIES = ("cluster", "cluster_staff")

GraphOrEditions = nx.Graph | Mapping[str, nx.Graph]


# --------------------------------------------------------------------------- matrices


def is_two_mode(G: nx.Graph) -> bool:
    """Whether ``G`` is a two-mode graph (every node has ``bipartite`` 0 or 1).

    Examples
    --------
    >>> G = nx.Graph([("a", "W")])
    >>> is_two_mode(G)
    False
    >>> nx.set_node_attributes(G, {"a": 0, "W": 1}, "bipartite")
    >>> is_two_mode(G)
    True
    """
    if G.is_directed() or G.number_of_nodes() == 0:
        return False
    modes = nx.get_node_attributes(G, "bipartite")
    return len(modes) == G.number_of_nodes() and set(modes.values()) <= {0, 1}


def _undirected(G: nx.Graph) -> nx.Graph:
    return G if not G.is_directed() and not G.is_multigraph() else simple_graph(G)


def _directed_or_simple(G: nx.Graph) -> nx.Graph:
    """A simple DiGraph stays directed; anything else becomes simple undirected.

    The actor-network's directions are kinds of relation, not flows, so
    multigraphs are collapsed to undirected graphs.
    """
    return G if not G.is_multigraph() else simple_graph(G)


@dataclass(frozen=True)
class _Matrices:
    """Sparse views of a graph, built once and shared by every measure.

    ``arcs`` is binary and keeps the direction of a DiGraph; ``ties`` is its
    symmetric, binary version; ``strength`` the symmetric tie strengths: the
    weights (1 when unweighted), both directions summed on a DiGraph (Burt's
    mutual weights, so a reciprocated arc weighs twice). No self-loops.
    """

    graph: nx.Graph
    nodes: list[Any]
    arcs: sp.csr_matrix
    ties: sp.csr_matrix
    strength: sp.csr_matrix
    weighted: bool
    modes: np.ndarray | None


def _matrices(G: nx.Graph, *, weight: str | None = "weight") -> _Matrices:
    H = _directed_or_simple(G)
    nodes = list(H.nodes)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    rows, cols, values, weighted = [], [], [], False
    edges = H.edges(data=weight, default=None) if weight else ((u, v, None) for u, v in H.edges())
    for u, v, w in edges:
        if u == v:
            continue
        rows.append(index[u])
        cols.append(index[v])
        if weight is not None and w is not None:
            weighted = True
            values.append(float(w))
        else:
            values.append(1.0)
    values_array = np.asarray(values, dtype=float)
    if weighted and values_array.size and values_array.min() < 0:
        raise InputError(
            f"edge attribute {weight!r} has negative values",
            hint="these measures need non-negative tie strengths",
        )
    shape = (n, n)
    arcs = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)
    W = sp.csr_matrix((values_array, (rows, cols)), shape=shape)
    if not H.is_directed():
        arcs = arcs + arcs.T
    arcs.data[:] = 1.0
    ties = sp.csr_matrix(arcs + arcs.T)
    ties.data[:] = 1.0
    strength = sp.csr_matrix(W + W.T)
    modes = None
    if is_two_mode(H):
        modes = np.array([H.nodes[v]["bipartite"] for v in nodes])
    for m in (arcs, ties, strength):
        m.sort_indices()
    return _Matrices(H, nodes, sp.csr_matrix(arcs), ties, strength, weighted, modes)


def _series(nodes: Sequence[Any], values: Iterable[float], name: str) -> pd.Series:
    return pd.Series(list(values), index=pd.Index(list(nodes), name="node"), name=name, dtype=float)


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


# --------------------------------------------------------------------------- structural holes


def _proportions(M: _Matrices) -> sp.csr_matrix:
    """Burt's proportional tie strengths: each row of the strengths over its sum."""
    totals = np.asarray(M.strength.sum(axis=1)).ravel()
    inverse = np.divide(1.0, totals, out=np.zeros_like(totals), where=totals > 0)
    return sp.csr_matrix(sp.diags(inverse) @ M.strength)


def burt_constraint(G: nx.Graph, *, weight: str | None = "weight") -> pd.Series:
    """Burt's constraint: how much a node's contacts are tied to each other.

    :math:`c_i = \\sum_{j \\in N(i)} (p_{ij} + \\sum_{q} p_{iq} p_{qj})^2`
    with :math:`p_{ij}` the share of ``i``'s (mutual) tie strength invested in
    ``j``. Isolates get NaN. Computed as ``(P + P²)`` on the ties, squared.

    References
    ----------
    .. [1] R. S. Burt, Structural Holes: The Social Structure of Competition,
       Harvard University Press, 1992.

    Examples
    --------
    A star with three leaves: the hub's contacts are unconnected (1/3), each
    leaf depends on the hub alone (1).

    >>> burt_constraint(nx.star_graph(3)).round(4).tolist()
    [0.3333, 1.0, 1.0, 1.0]
    """
    return _constraint(_matrices(G, weight=weight))


def _constraint(M: _Matrices, P: sp.csr_matrix | None = None) -> pd.Series:
    P = _proportions(M) if P is None else P
    local = sp.csr_matrix((P + P @ P).multiply(M.ties))
    values = np.asarray(local.multiply(local).sum(axis=1)).ravel()
    degree = np.diff(M.ties.indptr)
    return _series(M.nodes, np.where(degree > 0, values, np.nan), "constraint")


def effective_size(G: nx.Graph, *, weight: str | None = "weight") -> pd.Series:
    """Burt's effective size: the non-redundant part of a node's contacts.

    :math:`e_i = \\sum_{j \\in N(i)} (1 - \\sum_{q} p_{iq} m_{jq})` with
    :math:`m_{jq}` the strength of ``j``'s tie to ``q`` divided by ``j``'s
    strongest tie; for unweighted graphs it is Borgatti's ``n − 2t/n``
    (``t`` ties among the ``n`` contacts). Isolates get NaN.

    References
    ----------
    .. [1] R. S. Burt, Structural Holes: The Social Structure of Competition,
       Harvard University Press, 1992.
    .. [2] S. P. Borgatti, "Structural holes: unpacking Burt's redundancy
       measures", Connections 20 (1997) 35–38.

    Examples
    --------
    A triangle with a pendant: node 0 has contacts 1, 2, 3 and one tie among
    them (1–2), so 3 − 2·1/3.

    >>> G = nx.Graph([(0, 1), (0, 2), (1, 2), (0, 3)])
    >>> effective_size(G).round(4).tolist()
    [2.3333, 1.0, 1.0, 1.0]
    """
    return _effective_size(_matrices(G, weight=weight))


def _effective_size(M: _Matrices, P: sp.csr_matrix | None = None) -> pd.Series:
    P = _proportions(M) if P is None else P
    S = M.strength
    strongest = S.max(axis=1).toarray().ravel()
    inverse = np.divide(1.0, strongest, out=np.zeros_like(strongest), where=strongest > 0)
    marginal = sp.csr_matrix(sp.diags(inverse) @ S)
    redundancy = np.asarray((P @ marginal.T).multiply(M.ties).sum(axis=1)).ravel()
    degree = np.diff(M.ties.indptr)
    return _series(M.nodes, np.where(degree > 0, degree - redundancy, np.nan), "effective_size")


# --------------------------------------------------------------------------- brokerage


def _masked_sums(paths: sp.csr_matrix, into: sp.csr_matrix) -> np.ndarray:
    """Per broker ``b``: sum over ``a`` with ``into[a, b]`` of ``paths[b, a]``.

    With ``paths = Y @ Zᵀ`` this counts the (a, c) with ``a → b`` (an arc of
    ``into``), ``b → c`` (of ``Y``) and ``a → c`` (of ``Z``).
    """
    return np.asarray(sp.csr_matrix(paths).multiply(into.T).sum(axis=1)).ravel()


def brokerage_roles(G: nx.Graph, *, group: str = "category") -> pd.DataFrame:
    """Gould & Fernandez brokerage roles of every node.

    Node ``b`` brokers the ordered pair ``(a, c)`` when ``a → b → c`` and not
    ``a → c`` (``a ≠ c``). With ``g`` the node attribute ``group``:

    ============== ================================ ===========
    role           groups                           two-path
    ============== ================================ ===========
    coordinator    g(a) = g(b) = g(c)               A → A → A
    itinerant      g(a) = g(c) ≠ g(b) (consultant)  A → B → A
    gatekeeper     g(a) ≠ g(b) = g(c)               A → B → B
    representative g(a) = g(b) ≠ g(c)               A → A → B
    liaison        all three different              A → B → C
    ============== ================================ ===========

    Directed graphs are used as they are. An undirected graph counts as the
    directed graph with both arcs of each edge (as UCINET and R's
    ``sna::brokerage`` on a symmetric matrix): each open pair is counted once
    in each direction, so coordinator, itinerant and liaison counts are twice
    the number of unordered pairs, and gatekeeper equals representative.
    Multigraphs are collapsed to undirected graphs first. Nodes without the
    attribute form the group ``"(none)"``. Computed for all brokers at once
    from sparse products: all two-paths by group, minus the closed ones.

    Returns
    -------
    pandas.DataFrame
        One row per node (graph order), one column per role and ``brokerage``
        (their sum).

    References
    ----------
    .. [1] R. V. Gould and R. M. Fernandez, "Structures of mediation: a formal
       approach to brokerage in transaction networks", Sociological
       Methodology 19 (1989) 89–126.

    Examples
    --------
    A citizen and a funder reached through a staff member: in both directions
    the staff member links two groups that are not hers.

    >>> G = nx.path_graph(["cit", "staff", "fund"])
    >>> nx.set_node_attributes(G, {"cit": "citizen", "staff": "cluster_staff",
    ...                            "fund": "funder"}, "category")
    >>> brokerage_roles(G).loc["staff"].to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'coordinator': 0, 'itinerant': 0, 'gatekeeper': 0, 'representative': 0,
     'liaison': 2, 'brokerage': 2}
    """
    return _brokerage(_matrices(G, weight=None), group=group)


def _brokerage(M: _Matrices, *, group: str) -> pd.DataFrame:
    n = len(M.nodes)
    if n == 0:
        empty = pd.DataFrame(columns=[*BROKERAGE_ROLES, "brokerage"], dtype=int)
        return empty.rename_axis("node")
    labels = np.array([str(M.graph.nodes[v].get(group, "(none)")) for v in M.nodes])
    codes = np.unique(labels, return_inverse=True)[1].ravel()
    A = M.arcs
    coo = A.tocoo()
    same_mask = codes[coo.row] == codes[coo.col]

    def part(mask: np.ndarray) -> sp.csr_matrix:
        return sp.csr_matrix((coo.data[mask], (coo.row[mask], coo.col[mask])), shape=(n, n))

    same, diff = part(same_mask), part(~same_mask)
    onehot = sp.csr_matrix((np.ones(n), (np.arange(n), codes)), shape=(n, int(codes.max()) + 1))
    into = (A.T @ onehot).toarray()  # into[b, x]: predecessors of b in group x
    out = (A @ onehot).toarray()  # out[b, x]: successors of b in group x
    in_same, out_same = into[np.arange(n), codes], out[np.arange(n), codes]
    in_other, out_other = into.sum(axis=1) - in_same, out.sum(axis=1) - out_same
    itinerant_all = (into * out).sum(axis=1) - in_same * out_same
    mutual = A.multiply(A.T)
    mutual_same = np.asarray(mutual.multiply(same).sum(axis=1)).ravel()
    mutual_other = np.asarray(mutual.sum(axis=1)).ravel() - mutual_same
    # Closed two-paths a → b → c with a → c, by the groups of a and c (three products).
    from_same, from_diff, to_same = same @ A.T, diff @ A.T, diff @ same.T
    closed = {
        "coordinator": _masked_sums(from_same, same),
        "gatekeeper": _masked_sums(from_same, diff),
        "representative": _masked_sums(from_diff, same),
        "itinerant": _masked_sums(to_same, diff),
    }
    closed["liaison"] = _masked_sums(from_diff, diff) - closed["itinerant"]
    roles = {
        "coordinator": in_same * out_same - mutual_same - closed["coordinator"],
        "itinerant": itinerant_all - mutual_other - closed["itinerant"],
        "gatekeeper": in_other * out_same - closed["gatekeeper"],
        "representative": in_same * out_other - closed["representative"],
        "liaison": in_other * out_other - itinerant_all - closed["liaison"],
    }
    frame = pd.DataFrame(
        {r: np.rint(v).astype(int) for r, v in roles.items()},
        index=pd.Index(M.nodes, name="node"),
    )
    frame["brokerage"] = frame.sum(axis=1)
    return frame


# --------------------------------------------------------------------------- cores, communities


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


# --------------------------------------------------------------------------- node measures


def _degree_centrality(M: _Matrices) -> np.ndarray:
    """Degree over its maximum: ``n − 1``, or the other mode's size (two-mode)."""
    degree = np.diff(M.ties.indptr).astype(float)
    if M.modes is not None:
        other = np.where(M.modes == 0, (M.modes == 1).sum(), (M.modes == 0).sum()).astype(float)
        return np.divide(degree, other, out=np.zeros_like(degree), where=other > 0)
    n = len(M.nodes)
    return degree / (n - 1) if n > 1 else np.zeros_like(degree)


def _node_measures_one(
    G: nx.Graph,
    *,
    weight: str | None,
    group: str,
    betweenness_sample: int | None,
    seed: int,
    resolution: float,
) -> pd.DataFrame:
    M = _matrices(G, weight=weight)
    H = M.graph
    frame = pd.DataFrame(index=pd.Index(M.nodes, name="node"))
    for attribute in ("label", "kind", "category"):
        frame[attribute] = [H.nodes[v].get(attribute) for v in M.nodes]
    frame["degree"] = np.diff(M.ties.indptr)
    frame["degree_centrality"] = _degree_centrality(M)
    frame["weighted_degree"] = np.asarray(M.strength.sum(axis=1)).ravel()
    frame["betweenness"] = _betweenness(M, normalized=True, sample=betweenness_sample, seed=seed)
    frame["eigenvector"] = _eigenvector(M)
    P = _proportions(M)
    frame["constraint"] = _constraint(M, P)
    frame["effective_size"] = _effective_size(M, P)
    frame["core"] = _core_numbers(M.ties)
    frame["main_core"] = frame["core"] == (frame["core"].max() if len(frame) else 0)
    frame["community"] = _communities(M, resolution=resolution, seed=seed)
    return pd.concat([frame, _brokerage(M, group=group)], axis=1)


def node_measures(
    graphs: GraphOrEditions,
    *,
    weight: str | None = "weight",
    group: str = "category",
    betweenness_sample: int | None = None,
    seed: int = 0,
    resolution: float = 1.0,
) -> pd.DataFrame:
    """Every node measure of a graph, or of each edition's graph.

    Columns: ``label``, ``kind``, ``category``, ``degree``,
    ``degree_centrality`` (over ``n − 1``, or over the size of the other mode
    on a two-mode graph, Borgatti & Everett 1997), ``weighted_degree``,
    ``betweenness`` (:func:`betweenness`), ``eigenvector``
    (:func:`eigenvector`), ``constraint`` and ``effective_size`` (Burt),
    ``core`` (k-core number, Seidman 1983) and ``main_core`` (in the core of
    highest k), ``community`` (:func:`communities`), then the Gould &
    Fernandez roles (:func:`brokerage_roles`) and ``brokerage``.

    Parameters
    ----------
    graphs : networkx.Graph or mapping of edition id to graph
        One graph, or the output of :func:`research.network.edition_graphs`.
    weight : str or None
        Edge attribute of tie strength for the weighted measures (weighted
        degree, eigenvector, constraint, effective size, communities);
        betweenness, degree, cores and brokerage use the bare ties.
    group : str
        Node attribute whose values are the groups of the brokerage roles.
    betweenness_sample : int, optional
        Estimate betweenness from this many sources (see :func:`betweenness`).
    seed : int
        Seed of the community detection and of the betweenness sample.
    resolution : float
        Louvain resolution (above 1: smaller communities).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``node`` for one graph, by (``edition``, ``node``) for a
        mapping.

    References
    ----------
    .. [1] S. B. Seidman, "Network structure and minimum degree", Social
       Networks 5 (1983) 269–287.
    .. [2] S. P. Borgatti and M. G. Everett, "Network analysis of 2-mode
       data", Social Networks 19 (1997) 243–269.
    .. [3] V. Batagelj and M. Zaversnik, "An O(m) algorithm for cores
       decomposition of networks", arXiv:cs/0310049 (2003).

    Examples
    --------
    >>> node_measures(nx.star_graph(3))[["degree", "betweenness", "constraint", "core"]]
          degree  betweenness  constraint  core
    node
    0          3          1.0    0.333333     1
    1          1          0.0    1.000000     1
    2          1          0.0    1.000000     1
    3          1          0.0    1.000000     1
    """
    options = {
        "weight": weight,
        "group": group,
        "betweenness_sample": betweenness_sample,
        "seed": seed,
        "resolution": resolution,
    }
    if isinstance(graphs, nx.Graph):
        return _node_measures_one(graphs, **options)
    frames = {edition: _node_measures_one(G, **options) for edition, G in graphs.items()}
    return _stack(frames, "node")


def _stack(frames: Mapping[str, pd.DataFrame], inner: str) -> pd.DataFrame:
    if not frames:
        return pd.DataFrame(index=pd.MultiIndex.from_arrays([[], []], names=["edition", inner]))
    return pd.concat(frames, names=["edition", inner])


# --------------------------------------------------------------------------- graph measures


def degree_centralization(G: nx.Graph) -> float:
    """Freeman's degree centralisation: 1 for a star, 0 for a regular graph.

    :math:`C = \\sum_i (d_{max} - d_i) / ((n-1)(n-2))` on the undirected simple
    graph. On a two-mode graph this is the one-mode formula applied as is; its
    theoretical maximum differs there (Borgatti & Everett 1997), so compare
    two-mode values with each other only. NaN below three nodes.

    References
    ----------
    .. [1] L. C. Freeman, "Centrality in social networks: conceptual
       clarification", Social Networks 1 (1979) 215–239.

    Examples
    --------
    >>> degree_centralization(nx.star_graph(4)), degree_centralization(nx.cycle_graph(5))
    (1.0, 0.0)
    >>> round(degree_centralization(nx.path_graph(5)), 4)  # (1+1)/(4·3)
    0.1667
    """
    return _centralization(_matrices(G, weight=None).ties)


def _centralization(ties: sp.csr_matrix) -> float:
    n = ties.shape[0]
    if n < 3:
        return float("nan")
    degree = np.diff(ties.indptr).astype(float)
    return float((degree.max() - degree).sum() / ((n - 1) * (n - 2)))


def _robins_alexander(B: sp.csr_matrix) -> float:
    """Two-mode clustering: 4 × 4-cycles / 3-paths (Robins & Alexander 2004)."""
    shared = sp.triu(B @ B.T, k=1).tocoo()
    cycles = float((shared.data * (shared.data - 1) / 2).sum())
    rows, cols = np.asarray(B.sum(axis=1)).ravel(), np.asarray(B.sum(axis=0)).ravel()
    coo = B.tocoo()
    paths = float(((rows[coo.row] - 1) * (cols[coo.col] - 1)).sum())
    return 4 * cycles / paths if paths > 0 else 0.0


def _latapy_average(ties: sp.csr_matrix) -> float:
    """Mean over all nodes of Latapy et al.'s two-mode 'dot' clustering."""
    degree = np.diff(ties.indptr).astype(float)
    C = sp.csr_matrix(ties @ ties)
    C.setdiag(0)
    C.eliminate_zeros()
    coo = C.tocoo()
    pair = coo.data / (degree[coo.row] + degree[coo.col] - coo.data)
    sums = np.bincount(coo.row, weights=pair, minlength=ties.shape[0])
    counts = np.bincount(coo.row, minlength=ties.shape[0])
    local = np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0)
    return float(local.mean()) if len(local) else 0.0


def _clustering(ties: sp.csr_matrix) -> tuple[float, float]:
    """(transitivity, average local clustering) of a one-mode graph."""
    degree = np.diff(ties.indptr).astype(float)
    triangles = np.asarray((ties @ ties).multiply(ties).sum(axis=1)).ravel() / 2.0
    triples = degree * (degree - 1) / 2.0
    local = np.divide(triangles, triples, out=np.zeros_like(triangles), where=triples > 0)
    total = triples.sum()
    return (float(triangles.sum() / total) if total > 0 else 0.0,
            float(local.mean()) if len(local) else 0.0)  # fmt: skip


def _components(ties: sp.csr_matrix) -> np.ndarray:
    """Size of each connected component."""
    if ties.shape[0] == 0:
        return np.zeros(0, dtype=int)
    _, labels = sp.csgraph.connected_components(ties, directed=False)
    return np.bincount(labels)


def _graph_measures_one(G: nx.Graph) -> dict[str, Any]:
    M = _matrices(G, weight=None)
    n, m = len(M.nodes), int(M.ties.nnz // 2)
    row: dict[str, Any] = {"graph_type": G.graph.get("graph_type"), "nodes": n, "edges": m}
    if M.modes is not None:
        first, second = np.flatnonzero(M.modes == 0), np.flatnonzero(M.modes == 1)
        n0, n1 = len(first), len(second)
        row.update(actors=n0, workshops=n1, density=m / (n0 * n1) if n0 and n1 else 0.0)
        row["transitivity"] = _robins_alexander(M.ties[first][:, second])
        row["average_clustering"] = _latapy_average(M.ties)
    else:
        row.update(actors=None, workshops=None)
        row["density"] = 2 * m / (n * (n - 1)) if n > 1 else 0.0
        row["transitivity"], row["average_clustering"] = _clustering(M.ties)
    sizes = _components(M.ties)
    row["components"] = len(sizes)
    row["largest_component"] = sizes.max() / n if n else 0.0
    row["isolates"] = int((np.diff(M.ties.indptr) == 0).sum())
    row["mean_degree"] = 2 * m / n if n else 0.0
    row["degree_centralization"] = _centralization(M.ties)
    return row


def graph_measures(graphs: GraphOrEditions) -> pd.DataFrame:
    """Size, density, components, clustering and centralisation per graph.

    Columns: ``graph_type``, ``nodes``, ``edges``, ``actors`` and
    ``workshops`` (two-mode graphs), ``density`` (two-mode: ties over
    actors × workshops), ``transitivity`` (two-mode: Robins & Alexander's
    4-cycles over 3-paths), ``average_clustering`` (two-mode: Latapy et al.),
    ``components``, ``largest_component`` (share of nodes), ``isolates``,
    ``mean_degree`` and ``degree_centralization``
    (:func:`degree_centralization`). Directed and multi-graphs are measured
    as undirected simple graphs.

    Returns
    -------
    pandas.DataFrame
        One row per edition (index ``edition``), or one row for a single
        graph (indexed by its edition, or ``"graph"``).

    References
    ----------
    .. [1] G. Robins and M. Alexander, "Small worlds among interlocking
       directors: network structure and distance in bipartite graphs",
       Computational & Mathematical Organization Theory 10 (2004) 69–94.
    .. [2] M. Latapy, C. Magnien and N. Del Vecchio, "Basic notions for the
       analysis of large two-mode networks", Social Networks 30 (2008) 31–48.

    Examples
    --------
    >>> graph_measures(nx.star_graph(3))[["nodes", "edges", "density", "degree_centralization"]]
             nodes  edges  density  degree_centralization
    edition
    graph        4      3      0.5                    1.0
    """
    if isinstance(graphs, nx.Graph):
        graphs = {graphs.graph.get("edition") or "graph": graphs}
    rows = {edition: _graph_measures_one(G) for edition, G in graphs.items()}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("edition")


# --------------------------------------------------------------------------- evolution


def _is_actor(G: nx.Graph, v: Any) -> bool:
    data = G.nodes[v]
    if "bipartite" in data:
        return data["bipartite"] == 0
    return data.get("kind") not in ("workshop", "project")


def _tie_graph(G: nx.Graph) -> nx.Graph:
    """The actor tie graph: the projection of a two-mode graph, else its collapse."""
    if is_two_mode(G):
        return actor_projection(G)
    H = _undirected(G)
    actors = [v for v in H.nodes if _is_actor(H, v)]
    return H if len(actors) == H.number_of_nodes() else nx.Graph(H.subgraph(actors))


def _state(G: nx.Graph) -> dict[str, Any]:
    ties_graph = _tie_graph(G)
    M = _matrices(ties_graph, weight=None)
    cores = _core_numbers(M.ties)
    top = cores.max() if len(cores) else 0
    return {
        "actors": {v for v in G.nodes if _is_actor(G, v)},
        "ties": {frozenset((u, v)) for u, v in ties_graph.edges() if u != v},
        "core": {v for v, k in zip(M.nodes, cores, strict=True) if k == top and top > 0},
        "cores": dict(zip(M.nodes, cores.tolist(), strict=True)),
    }


def _jaccard(a: set, b: set) -> float:
    union = a | b
    return len(a & b) / len(union) if union else float("nan")


def evolution(graphs: Mapping[str, nx.Graph]) -> pd.DataFrame:
    """How the network renews itself from one edition to the next.

    Actors are the actor nodes (``bipartite=0`` on two-mode graphs; every node
    but workshops and projects otherwise). Ties are those between actors: the
    co-participation projection of a two-mode graph, the graph's own edges
    otherwise. The core is the main k-core of the tie graph (empty when the
    graph has no tie).

    Returns
    -------
    pandas.DataFrame
        One row per edition (index ``edition``): ``previous``, ``actors``,
        ``retained`` (also in the previous edition), ``new``, ``gone`` (in the
        previous edition, not in this one), ``retention`` (retained over the
        previous edition's actors), ``ties``, ``ties_retained``,
        ``tie_jaccard`` (Jaccard index of the two tie sets), ``core_size``,
        ``core_retained`` and ``core_jaccard``. The first edition has no
        previous one: its comparisons are missing.

    Examples
    --------
    >>> e1, e2 = nx.Graph([("a", "b"), ("b", "c")]), nx.Graph([("a", "b"), ("b", "d")])
    >>> ev = evolution({"E1": e1, "E2": e2})
    >>> ev[["retained", "new", "gone"]].loc["E2"].tolist()
    [2, 1, 1]
    >>> ev["tie_jaccard"].round(4).tolist()
    [nan, 0.3333]
    """
    rows: dict[str, dict[str, Any]] = {}
    before: dict[str, Any] | None = None
    name: str | None = None
    for edition, G in graphs.items():
        now = _state(G)
        row: dict[str, Any] = {
            "previous": name,
            "actors": len(now["actors"]),
            "ties": len(now["ties"]),
            "core_size": len(now["core"]),
        }
        if before is not None:
            kept = now["actors"] & before["actors"]
            row.update(
                retained=len(kept),
                new=len(now["actors"] - before["actors"]),
                gone=len(before["actors"] - now["actors"]),
                retention=len(kept) / len(before["actors"]) if before["actors"] else np.nan,
                ties_retained=len(now["ties"] & before["ties"]),
                tie_jaccard=_jaccard(now["ties"], before["ties"]),
                core_retained=len(now["core"] & before["core"]),
                core_jaccard=_jaccard(now["core"], before["core"]),
            )
        rows[edition] = row
        before, name = now, edition
    columns = [
        "previous", "actors", "retained", "new", "gone", "retention", "ties",
        "ties_retained", "tie_jaccard", "core_size", "core_retained", "core_jaccard",
    ]  # fmt: skip
    frame = pd.DataFrame.from_dict(rows, orient="index").reindex(columns=columns)
    for column in ("actors", "retained", "new", "gone", "ties", "ties_retained",
                   "core_size", "core_retained"):  # fmt: skip
        frame[column] = frame[column].astype("Int64")
    frame["previous"] = frame["previous"].astype(object).where(frame["previous"].notna(), None)
    return frame.rename_axis("edition")


def core_over_time(graphs: Mapping[str, nx.Graph]) -> pd.DataFrame:
    """k-core number of each actor in each edition's tie graph.

    Rows are actors (sorted), columns editions; missing when the actor is
    absent. ``frame[e] == frame[e].max()`` selects the main core of ``e``.

    Examples
    --------
    >>> e1 = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")])
    >>> core_over_time({"E1": e1, "E2": nx.Graph([("a", "d")])})  # doctest: +NORMALIZE_WHITESPACE
    edition  E1    E2
    actor
    a         2     1
    b         2  <NA>
    c         2  <NA>
    d         1     1
    """
    columns = {
        edition: pd.Series(_state(G)["cores"], dtype="Int64") for edition, G in graphs.items()
    }
    frame = pd.DataFrame(columns)
    frame = frame.loc[sorted(frame.index, key=str)].astype("Int64")
    frame.index.name, frame.columns.name = "actor", "edition"
    return frame


def animator_ids(
    G: nx.Graph, *, animator: str = "O01", categories: Sequence[str] = ANIMATOR_CATEGORIES
) -> list[Any]:
    """Nodes of ``G`` that make up the animator: ``animator`` and its categories.

    Examples
    --------
    >>> G = nx.Graph([("O01", "P01"), ("P01", "P10")])
    >>> nx.set_node_attributes(G, {"P01": "cluster_staff", "P10": "citizen"}, "category")
    >>> animator_ids(G)
    ['O01', 'P01']
    """
    chosen = set(categories)
    return [v for v in G.nodes if v == animator or G.nodes[v].get("category") in chosen]


def animator_trajectory(
    graphs: Mapping[str, nx.Graph],
    *,
    animator: str = "O01",
    categories: Sequence[str] = ANIMATOR_CATEGORIES,
    measures: pd.DataFrame | None = None,
    group: str = "category",
) -> pd.DataFrame:
    """The animator's brokerage, edition by edition.

    For each edition, one row per animator node (:func:`animator_ids`) and a
    row ``"(animator)"`` summing their brokerage roles. ``brokerage_share``
    is the share of all the brokerage of the graph held by the row's nodes;
    ``betweenness``, ``constraint`` and ``degree`` are the node's (the mean
    over the animator's nodes for the summary row).

    Parameters
    ----------
    graphs : mapping of edition id to graph
    animator : str
        Actor id of the cluster (default ``O01``).
    categories : sequence of str
        Actor categories counted as the animator (the cluster and its staff).
    measures : DataFrame, optional
        The output of :func:`node_measures` on ``graphs``, to avoid computing
        it again.
    group : str
        Node attribute of the brokerage groups.

    Returns
    -------
    pandas.DataFrame
        Indexed by (``edition``, ``node``).

    References
    ----------
    .. [1] R. V. Gould and R. M. Fernandez, "Structures of mediation: a formal
       approach to brokerage in transaction networks", Sociological
       Methodology 19 (1989) 89–126.

    Examples
    --------
    >>> G = nx.path_graph(["P10", "P01", "O04"])
    >>> nx.set_node_attributes(G, {"P10": "citizen", "P01": "cluster_staff",
    ...                            "O04": "support_org"}, "category")
    >>> t = animator_trajectory({"E1": G})
    >>> t.loc[("E1", "(animator)"), ["liaison", "brokerage_share"]].tolist()
    [2.0, 1.0]
    """
    if measures is None:
        measures = node_measures(graphs, group=group)
    roles = [*BROKERAGE_ROLES, "brokerage"]
    others = ["betweenness", "constraint", "degree"]
    frames = {}
    for edition, G in graphs.items():
        if edition not in measures.index.get_level_values("edition"):
            raise InputError(
                f"the measures given have no rows for edition {edition!r}",
                hint="compute them with node_measures(graphs) on the same graphs",
            )
        table = measures.xs(edition, level="edition")
        ids = animator_ids(G, animator=animator, categories=categories)
        total = table["brokerage"].sum()
        rows = table.loc[ids, roles + others].astype(float)
        summary = {**rows[roles].sum().to_dict(), **rows[others].mean().to_dict()}
        rows.loc["(animator)"] = summary
        rows["brokerage_share"] = rows["brokerage"] / total if total else np.nan
        rows.insert(0, "label", [*table.loc[ids, "label"].tolist(), "(animator)"])
        frames[edition] = rows
    return _stack(frames, "node")
