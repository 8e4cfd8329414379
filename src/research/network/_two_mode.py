"""The two-mode graph of actors × workshops, and its one-mode projections.

:func:`two_mode_graph` ties each actor to the workshops they took part in (a
:mod:`networkx` bipartite graph: ``bipartite=0`` for actors, ``1`` for
workshops). :func:`incidence_matrix` gives it as a sparse actor × workshop
matrix, from which :func:`actor_projection` ties two actors who shared a
workshop (plain ``count`` and Newman's collaboration weight ``newman``) and
:func:`workshop_projection` ties two workshops by their shared participants.

References
----------
.. [1] M. E. J. Newman, "Scientific collaboration networks. II. Shortest
   paths, weighted networks, and centrality", Physical Review E 64,
   016132 (2001).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import networkx as nx
import numpy as np
import pandas as pd  # noqa: F401  (the examples)
import scipy.sparse as sp

from research.errors import InputError, SchemaError
from research.network._edition_tables import (
    _covered,
    _graph_meta,
    _prepare,
    _Prepared,
    _public,
    _unknown_actor,
)

__all__ = [
    "actor_projection",
    "incidence_matrix",
    "two_mode_graph",
    "workshop_projection",
]

Weighting = Literal["count", "newman"]


# --------------------------------------------------------------------------- two-mode


def two_mode_graph(
    tables: Any,
    *,
    editions: Sequence[str] | None = None,
    workshop_roles: bool = True,
) -> nx.Graph:
    """Actor × workshop graph of one or several editions.

    Parameters
    ----------
    tables : mapping or object
        The edition tables (``workshops``, ``participations``, optionally
        ``actors``, ``projects`` and ``editions``) as DataFrames, by key or
        attribute.
    editions : sequence of str, optional
        Keep the workshops of these editions only (default: all).
    workshop_roles : bool
        Also tie each workshop's ``holder`` and ``facilitator`` (columns of
        ``workshops``) to it when ``participations`` does not list them.

    Returns
    -------
    networkx.Graph
        Actors have ``bipartite=0``, workshops ``bipartite=1``; edges carry
        ``role``, ``edition`` and ``weight=1``. Actors carry ``label``,
        ``kind``, ``category`` and ``editions`` (where they took part);
        workshops ``edition``, ``theme``, ``type``, ``holder_present``.

    Raises
    ------
    SchemaError
        A participation names a workshop or an actor that is not in its table.
    InputError
        An edition asked for is not in the tables.

    Examples
    --------
    >>> t = {"workshops": pd.DataFrame({"workshop_id": ["W1", "W2"], "edition_id": ["E1", "E1"]}),
    ...      "participations": pd.DataFrame({"actor_id": ["a", "b", "b"],
    ...                                      "workshop_id": ["W1", "W1", "W2"]})}
    >>> G = two_mode_graph(t)
    >>> sorted(G.edges())
    [('a', 'W1'), ('b', 'W1'), ('b', 'W2')]
    >>> G.nodes["W2"]["bipartite"], G.graph["edition"]
    (1, 'E1')
    """
    return _two_mode(_prepare(tables, workshop_roles=workshop_roles), editions)


def _two_mode(prep: _Prepared, editions: Sequence[str] | None) -> nx.Graph:
    covered = _covered(prep, editions)
    kept = {w for w, a in prep.workshops.items() if a["edition"] in set(covered)}
    triples = [t for t in prep.triples if t[1] in kept]
    rank = {e: i for i, e in enumerate(covered)}
    present: dict[str, set[str]] = {}
    for actor, workshop, _ in triples:
        present.setdefault(actor, set()).add(prep.workshops[workshop]["edition"])
    G = nx.Graph(**_graph_meta(prep, covered, "two_mode"))
    for actor in sorted(present):
        attrs = _public(prep.known.get(actor) or _unknown_actor(actor))
        seen = sorted(present[actor], key=rank.__getitem__)
        G.add_node(actor, bipartite=0, editions=seen, **attrs)
    for w in sorted(kept):
        attrs = prep.workshops[w]
        G.add_node(w, bipartite=1, editions=[attrs["edition"]], **attrs)
    for actor, workshop, role in triples:
        G.add_edge(
            actor, workshop, role=role, edition=prep.workshops[workshop]["edition"], weight=1
        )
    return G


# --------------------------------------------------------------------------- projections


def incidence_matrix(G: nx.Graph) -> tuple[sp.csr_matrix, list[str], list[str]]:
    """Sparse actor × workshop incidence matrix of a two-mode graph.

    Returns the matrix ``B`` (``B[i, k] = 1`` when actor ``i`` took part in
    workshop ``k``) with the sorted actor and workshop ids of its rows and
    columns.

    Examples
    --------
    >>> G = nx.Graph([("a", "W1"), ("b", "W1")])
    >>> nx.set_node_attributes(G, {"a": 0, "b": 0, "W1": 1}, "bipartite")
    >>> B, rows, cols = incidence_matrix(G)
    >>> B.toarray().tolist(), rows, cols
    ([[1.0], [1.0]], ['a', 'b'], ['W1'])
    """
    modes = nx.get_node_attributes(G, "bipartite")
    if len(modes) != G.number_of_nodes():
        raise SchemaError(
            "the graph is not a two-mode graph: some nodes lack the 'bipartite' attribute",
            hint="build it with research.network.two_mode_graph",
        )
    rows = sorted(n for n, m in modes.items() if m == 0)
    cols = sorted(n for n, m in modes.items() if m == 1)
    r_index = {n: i for i, n in enumerate(rows)}
    c_index = {n: i for i, n in enumerate(cols)}
    ri, ci = [], []
    for u, v in G.edges():
        if modes[u] == modes[v]:
            raise SchemaError(
                f"edge {u!r}–{v!r} joins two nodes of the same mode",
                hint="a two-mode graph only ties actors to workshops",
            )
        a, w = (u, v) if modes[u] == 0 else (v, u)
        ri.append(r_index[a])
        ci.append(c_index[w])
    data = np.ones(len(ri))
    B = sp.csr_matrix((data, (ri, ci)), shape=(len(rows), len(cols)))
    return B, rows, cols


def _upper(W: sp.spmatrix) -> sp.coo_matrix:
    """Strict upper triangle of ``W`` as COO, sorted by row then column."""
    upper = sp.csr_matrix(sp.triu(W, k=1))
    upper.eliminate_zeros()
    upper.sort_indices()
    return upper.tocoo()


def _one_mode_from_matrix(
    nodes: list[str], weights: Mapping[str, sp.spmatrix]
) -> list[tuple[str, str, dict[str, float]]]:
    """Edges of symmetric weight matrices sharing one sparsity pattern.

    The first matrix of ``weights`` gives the pattern; each matrix gives one
    edge attribute.
    """
    uppers = {name: _upper(W) for name, W in weights.items()}
    first = next(iter(uppers.values()))
    for name, m in uppers.items():
        if m.nnz != first.nnz or not (
            np.array_equal(m.row, first.row) and np.array_equal(m.col, first.col)
        ):
            raise ValueError(f"weight matrix {name!r} does not share the edge pattern")
    columns = {name: m.data.tolist() for name, m in uppers.items()}
    names = list(columns)
    return [
        (nodes[i], nodes[j], {name: columns[name][k] for name in names})
        for k, (i, j) in enumerate(zip(first.row.tolist(), first.col.tolist(), strict=True))
    ]


def actor_projection(G: nx.Graph, *, weighting: Weighting = "count") -> nx.Graph:
    """One-mode projection of a two-mode graph on actors.

    Two actors are tied when they took part in at least one common workshop.
    Each edge carries ``count`` (the number of shared workshops) and
    ``newman``, Newman's collaboration weight
    :math:`\\sum_k 1/(n_k - 1)` over the shared workshops ``k`` with ``n_k``
    participants, so that a tie made in a small workshop weighs more than one
    made in a crowd; ``weight`` is a copy of the chosen one. Computed with
    sparse matrices: ``B Bᵀ`` and ``B D⁻¹ Bᵀ`` with ``D = diag(n_k - 1)``.

    Parameters
    ----------
    G : networkx.Graph
        A two-mode graph from :func:`two_mode_graph`.
    weighting : {"count", "newman"}
        Which weight becomes ``weight``.

    Returns
    -------
    networkx.Graph
        Every actor of ``G`` (isolates included) with its attributes.

    References
    ----------
    .. [1] M. E. J. Newman, "Scientific collaboration networks. II. Shortest
       paths, weighted networks, and centrality", Physical Review E 64,
       016132 (2001).

    Examples
    --------
    >>> G = nx.Graph([("a", "W1"), ("b", "W1"), ("c", "W1"), ("a", "W2"), ("b", "W2")])
    >>> nx.set_node_attributes(G, {"a": 0, "b": 0, "c": 0, "W1": 1, "W2": 1}, "bipartite")
    >>> P = actor_projection(G, weighting="newman")
    >>> P["a"]["b"]["count"], P["a"]["b"]["weight"]
    (2.0, 1.5)
    """
    if weighting not in ("count", "newman"):
        raise InputError(f"unknown weighting {weighting!r}", hint="choose 'count' or 'newman'")
    B, actors, _ = incidence_matrix(G)
    sizes = np.asarray(B.sum(axis=0)).ravel()
    inverse = np.divide(1.0, sizes - 1, out=np.zeros_like(sizes), where=sizes > 1)
    counts = (B @ B.T).tocsr()
    newman = (B @ sp.diags(inverse) @ B.T).tocsr()
    main = counts if weighting == "count" else newman
    edges = _one_mode_from_matrix(actors, {"weight": main, "count": counts, "newman": newman})
    P = nx.Graph(**{**G.graph, "graph_type": "actors", "weighting": weighting})
    P.add_nodes_from((n, _without(G.nodes[n], "bipartite")) for n in actors)
    P.add_edges_from(edges)
    return P


def workshop_projection(G: nx.Graph) -> nx.Graph:
    """One-mode projection of a two-mode graph on workshops (``Bᵀ B``).

    ``weight`` is the number of participants two workshops share.

    Examples
    --------
    >>> G = nx.Graph([("a", "W1"), ("a", "W2"), ("b", "W1"), ("b", "W2"), ("c", "W3")])
    >>> nx.set_node_attributes(G, {"a": 0, "b": 0, "c": 0, "W1": 1, "W2": 1, "W3": 1},
    ...                        "bipartite")
    >>> P = workshop_projection(G)
    >>> list(P.edges(data="weight")), P.number_of_nodes()
    ([('W1', 'W2', 2.0)], 3)
    """
    B, _, workshops = incidence_matrix(G)
    W = (B.T @ B).tocsr()
    P = nx.Graph(**{**G.graph, "graph_type": "workshops"})
    P.add_nodes_from((n, _without(G.nodes[n], "bipartite")) for n in workshops)
    P.add_edges_from(_one_mode_from_matrix(workshops, {"weight": W}))
    return P


def _without(attrs: Mapping[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if k not in keys}
