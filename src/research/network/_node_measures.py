"""Every node measure of a graph, or of each edition's graph, in one table.

Per node: degree and weighted degree, betweenness (with Borgatti & Halgin's
normalisation on two-mode graphs), eigenvector centrality, Burt's constraint
and effective size, Gould & Fernandez brokerage roles, k-core number and a
seeded Louvain community.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from research.network._brokerage import _brokerage, _constraint, _effective_size, _proportions
from research.network._centrality import _betweenness, _eigenvector
from research.network._communities import _communities, _core_numbers
from research.network._matrices import GraphOrEditions, _Matrices, _matrices, _stack

__all__ = ["node_measures"]


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
