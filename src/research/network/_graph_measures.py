"""Measures of a whole graph: size, density, components, clustering, centralisation.

Per graph: size, density, components, clustering (on two-mode graphs Robins &
Alexander's and Latapy et al.'s) and Freeman's degree centralisation.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from research.network._matrices import GraphOrEditions, _matrices

__all__ = ["degree_centralization", "graph_measures"]


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
    ``workshops`` (only when a graph is two-mode), ``density`` (two-mode: ties over
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
    table = pd.DataFrame.from_dict(rows, orient="index").rename_axis("edition")
    empty = [c for c in ("actors", "workshops") if c in table and table[c].isna().all()]
    return table.drop(columns=empty)
