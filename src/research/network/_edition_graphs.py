"""Graphs of the territorial actor-network, built from the edition tables.

Four kinds of graph come out of the tables of ``docs/formats.md``:

``two_mode``
    actors × workshops (a :mod:`networkx` bipartite graph: ``bipartite=0`` for
    actors, ``1`` for workshops), one edge per participation.
``actors``
    the one-mode projection on actors: two actors are tied when they took part in
    the same workshop; the edge carries the plain ``count`` of shared workshops
    and Newman's collaboration weight ``newman``; ``weight`` is the one chosen.
``workshops``
    the one-mode projection on workshops: two workshops are tied by their shared
    participants (``weight``).
``actor_network``
    the actor-network of actor-network theory: persons, organisations,
    non-human actants, workshops and projects as typed nodes, and typed,
    directed edges (``participates_in``, ``belongs_to``, ``carries``,
    ``mobilises``, ``supports``, ``emerges_from``, ``part_of``), a
    :class:`networkx.MultiDiGraph` keyed by relation so that other relations
    (co-mentions in coded passages, see :func:`comention_edges` and
    :func:`add_edges`) can join later.

Every graph records what it is in ``G.graph``: ``graph_type``, ``edition`` (or
``None`` for a multi-edition graph), ``editions`` (the editions it covers) and
``date`` (the ISO date of its edition, when known). Nodes are inserted in sorted
order so that every later computation is reproducible.

The notebook-level entry point is :func:`edition_graphs`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import networkx as nx
import pandas as pd  # noqa: F401  (the examples)

from research.errors import InputError
from research.network._actor_network import _actor_network
from research.network._edition_tables import _prepare, _Prepared
from research.network._two_mode import Weighting, _two_mode, actor_projection, workshop_projection

__all__ = [
    "edition_graphs",
    "network_graph",
]

GraphKind = Literal["two_mode", "actors", "workshops", "actor_network"]


# --------------------------------------------------------------------------- editions


def network_graph(
    tables: Any,
    *,
    kind: GraphKind = "two_mode",
    editions: Sequence[str] | None = None,
    weighting: Weighting = "count",
    evening: str | None = None,
) -> nx.Graph:
    """One graph of the chosen kind over some editions (default: all of them).

    Parameters
    ----------
    tables : mapping or object
        The edition tables (see :func:`two_mode_graph`).
    kind : {"two_mode", "actors", "workshops", "actor_network"}
        Which graph (see the module docstring).
    editions : sequence of str, optional
        The editions covered (default: every edition, the cumulative network).
    weighting : {"count", "newman"}
        Edge weight of the actor projection.
    evening : str, optional
        Evening actant of the actor-network (see :func:`actor_network`).

    Examples
    --------
    >>> t = {"workshops": pd.DataFrame({"workshop_id": ["W1", "W2"], "edition_id": ["E1", "E2"]}),
    ...      "participations": pd.DataFrame({"actor_id": ["a", "b", "a", "c"],
    ...                                      "workshop_id": ["W1", "W1", "W2", "W2"]})}
    >>> G = network_graph(t, kind="actors")
    >>> sorted(G.edges()), G.graph["editions"]
    ([('a', 'b'), ('a', 'c')], ['E1', 'E2'])
    """
    return _build(_prepare(tables), kind, editions, weighting=weighting, evening=evening)


def _build(
    prep: _Prepared,
    kind: GraphKind,
    editions: Sequence[str] | None,
    *,
    weighting: Weighting,
    evening: str | None,
) -> nx.Graph:
    if kind not in ("two_mode", "actors", "workshops", "actor_network"):
        raise InputError(
            f"unknown graph kind {kind!r}",
            hint="choose 'two_mode', 'actors', 'workshops' or 'actor_network'",
        )
    if kind == "actor_network":
        return _actor_network(prep, editions, evening=evening, all_actors=False)
    G = _two_mode(prep, editions)
    if kind == "actors":
        return actor_projection(G, weighting=weighting)
    if kind == "workshops":
        return workshop_projection(G)
    return G


def edition_graphs(
    tables: Any,
    *,
    kind: GraphKind = "two_mode",
    weighting: Weighting = "count",
    cumulative: bool = False,
    evening: str | None = None,
) -> dict[str, nx.Graph]:
    """One graph per edition, in time order.

    Parameters
    ----------
    tables : mapping or object
        The edition tables (see :func:`two_mode_graph`).
    kind : {"two_mode", "actors", "workshops", "actor_network"}
        Which graph (see the module docstring).
    weighting : {"count", "newman"}
        Edge weight of the actor projection.
    cumulative : bool
        Each edition's graph covers it and every earlier edition; the last
        one is the whole network (also :func:`network_graph`).
    evening : str, optional
        Evening actant of the actor-network (see :func:`actor_network`).

    Returns
    -------
    dict
        ``{edition_id: graph}``; each graph's ``G.graph["edition"]`` and
        ``G.graph["date"]`` name the edition (for cumulative graphs, the
        latest one covered).

    Examples
    --------
    >>> t = {"editions": pd.DataFrame({"edition_id": ["E1", "E2"], "year": [2016, 2017]}),
    ...      "workshops": pd.DataFrame({"workshop_id": ["W1", "W2"], "edition_id": ["E1", "E2"]}),
    ...      "participations": pd.DataFrame({"actor_id": ["a", "b", "a", "c"],
    ...                                      "workshop_id": ["W1", "W1", "W2", "W2"]})}
    >>> {e: sorted(G.edges()) for e, G in edition_graphs(t, kind="actors").items()}
    {'E1': [('a', 'b')], 'E2': [('a', 'c')]}
    >>> sorted(edition_graphs(t, kind="actors", cumulative=True)["E2"].edges())
    [('a', 'b'), ('a', 'c')]
    """
    prep = _prepare(tables)
    out: dict[str, nx.Graph] = {}
    for i, edition in enumerate(prep.order):
        covered = prep.order[: i + 1] if cumulative else [edition]
        G = _build(prep, kind, covered, weighting=weighting, evening=evening)
        G.graph.update(edition=edition, date=prep.dates.get(edition), cumulative=cumulative)
        out[edition] = G
    return out
