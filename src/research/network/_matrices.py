"""Sparse views of a graph, shared by the network measures.

The heavy computations work on :mod:`scipy.sparse` matrices built once per graph
(:class:`_Matrices`), so that three editions of a thousand participants are
measured in seconds. Multigraphs (the actor-network, whose edge directions name
kinds of relation rather than flows) are measured on their undirected simple
collapse (:func:`research.network.simple_graph`); a simple
:class:`networkx.DiGraph` keeps its direction for betweenness and brokerage, and
is made undirected for the other measures.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from research.errors import InputError
from research.network._actor_network import simple_graph

__all__ = ["is_two_mode"]

GraphOrEditions = nx.Graph | Mapping[str, nx.Graph]


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


def _stack(frames: Mapping[str, pd.DataFrame], inner: str) -> pd.DataFrame:
    if not frames:
        return pd.DataFrame(index=pd.MultiIndex.from_arrays([[], []], names=["edition", inner]))
    return pd.concat(frames, names=["edition", inner])
