"""The actor-network of actor-network theory, and the relations added to it later.

:func:`actor_network` builds, from the edition tables, a
:class:`networkx.MultiDiGraph` of persons, organisations, non-human actants,
workshops and projects as typed nodes, tied by typed, directed edges (see
:data:`RELATIONS`), keyed by relation so that other relations can join later:
:func:`comention_edges` turns the actors named together in coded passages into
an edge table and :func:`add_edges` adds it. :func:`simple_graph` collapses such
a multigraph into a simple undirected graph for the measures that need one.

References
----------
.. [1] M. Callon, "Some elements of a sociology of translation:
   domestication of the scallops and the fishermen of St Brieuc Bay",
   in J. Law (ed.), Power, Action and Belief, Routledge, 1986, 196–223.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx
import pandas as pd

from research.contracts import require_columns
from research.errors import InputError, SchemaError
from research.network._edition_tables import (
    Edge,
    _cell,
    _covered,
    _graph_meta,
    _prepare,
    _Prepared,
    _public,
    _unknown_actor,
)

__all__ = [
    "RELATIONS",
    "actor_network",
    "add_edges",
    "comention_edges",
    "simple_graph",
]

#: Edge relations of the actor-network graph, with their direction.
RELATIONS: dict[str, str] = {
    "participates_in": "actor → workshop (participations, role kept in 'role')",
    "belongs_to": "person or organisation → organisation (actors.organisation)",
    "carries": "holder → project (projects.holder)",
    "mobilises": "workshop or project → actant (workshops.tools, projects.actants)",
    "supports": "support actor → project (projects.support)",
    "emerges_from": "project → workshop (projects.workshop_id)",
    "part_of": "workshop → the evening actant (option 'evening')",
    "co_mentioned": "actor → actor, both named in one coded passage (added later)",
}


# --------------------------------------------------------------------------- actor-network


def actor_network(
    tables: Any,
    *,
    editions: Sequence[str] | None = None,
    evening: str | None = None,
    all_actors: bool = False,
    workshop_roles: bool = True,
) -> nx.MultiDiGraph:
    """The actor-network: humans, organisations, actants, workshops and projects.

    Nodes carry ``kind`` (``person``, ``organisation``, ``artefact``,
    ``workshop``, ``project``), ``category``, ``label`` and ``editions``.
    Edges are directed and typed by ``relation`` (also the edge key), see
    :data:`RELATIONS`: participations, membership of organisations (followed
    up the chain, so a person's organisation's parent organisation joins
    too), holders carrying projects, workshops and projects mobilising
    actants (canvases, the charter, funding calls…), support actors and the
    workshop a project came from. A project belongs to its ``edition_id``, or
    to its workshop's edition; one with neither appears only in graphs that
    cover every edition.

    Parameters
    ----------
    tables : mapping or object
        The edition tables; ``actors`` gives node types, ``projects`` adds
        projects (both optional).
    editions : sequence of str, optional
        Keep the workshops and projects of these editions (default: all).
    evening : str, optional
        Actor id of the evening actant (the Start-Up de Territoire soirée);
        when given, every workshop gets a ``part_of`` edge to it.
    all_actors : bool
        Add every actor of the registry, tied or not.
    workshop_roles : bool
        As in :func:`two_mode_graph`.

    Returns
    -------
    networkx.MultiDiGraph

    References
    ----------
    .. [1] M. Callon, "Some elements of a sociology of translation:
       domestication of the scallops and the fishermen of St Brieuc Bay",
       in J. Law (ed.), Power, Action and Belief, Routledge, 1986, 196–223.

    Examples
    --------
    >>> t = {"workshops": pd.DataFrame({"workshop_id": ["W1"], "edition_id": ["E1"],
    ...                                 "tools": [["A01"]]}),
    ...      "participations": pd.DataFrame({"actor_id": ["P1"], "workshop_id": ["W1"]}),
    ...      "projects": pd.DataFrame({"project_id": ["PR1"], "edition_id": ["E1"],
    ...                                "workshop_id": ["W1"], "holder": ["P1"]})}
    >>> G = actor_network(t)
    >>> sorted((u, v, k) for u, v, k in G.edges(keys=True))  # doctest: +NORMALIZE_WHITESPACE
    [('P1', 'PR1', 'carries'), ('P1', 'W1', 'participates_in'),
     ('PR1', 'W1', 'emerges_from'), ('W1', 'A01', 'mobilises')]
    """
    prep = _prepare(tables, workshop_roles=workshop_roles)
    return _actor_network(prep, editions, evening=evening, all_actors=all_actors)


def _actor_network(
    prep: _Prepared,
    editions: Sequence[str] | None,
    *,
    evening: str | None,
    all_actors: bool,
) -> nx.MultiDiGraph:
    covered = _covered(prep, editions)
    every = set(covered) == set(prep.order)
    if evening is not None and prep.known and evening not in prep.known:
        raise InputError(
            f"the evening actant {evening!r} is not in the actor registry",
            hint="pass the actor_id of the soirée (an artefact of category 'event')",
        )
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[Edge] = []
    for w, attrs in prep.workshops.items():
        if attrs["edition"] not in covered:
            continue
        nodes[w] = attrs
        base = {"edition": attrs["edition"]}
        edges.extend((w, tool, "mobilises", base) for tool in prep.tools[w])
        if evening is not None:
            edges.append((w, evening, "part_of", base))
    for actor, w, role in prep.triples:
        if w in nodes:
            edition = nodes[w]["edition"]
            edges.append((actor, w, "participates_in", {"edition": edition, "role": role}))
    for p, attrs in prep.projects.items():
        if attrs["edition"] in covered or (attrs["edition"] is None and every):
            nodes[p] = attrs
    edges.extend(e for e in prep.project_edges if e[0] in nodes or e[1] in nodes)
    linked = {n for u, v, _, _ in edges for n in (u, v)} | set(nodes)
    if all_actors:
        linked |= set(prep.known)
    edges.extend(_belongs_to_closure(linked, prep.known))
    G = nx.MultiDiGraph(**_graph_meta(prep, covered, "actor_network"))
    for n in sorted(linked | {n for u, v, _, _ in edges for n in (u, v)}):
        attrs = nodes.get(n) or _public(prep.known.get(n) or _unknown_actor(n))
        G.add_node(n, **attrs)
    for u, v, relation, attrs in sorted(edges, key=lambda e: (e[0], e[1], e[2])):
        G.add_edge(u, v, key=relation, relation=relation, weight=1, **attrs)
    _set_presence(G)
    return G


def _belongs_to_closure(present: set[str], known: Mapping[str, Mapping[str, Any]]) -> list[Edge]:
    """``belongs_to`` edges of the present actors, followed up the chain."""
    edges: list[Edge] = []
    todo, seen = sorted(present), set(present)
    while todo:
        actor = todo.pop()
        parent = (known.get(actor) or {}).get("organisation")
        if parent is None:
            continue
        parent = str(parent).strip()
        if known and parent not in known:
            raise SchemaError(
                f"actor {actor!r} belongs to {parent!r}, which is not in the actor registry",
                path="actors",
                column="organisation",
                hint="add the organisation to corpus/tables/actors.csv or correct the id",
            )
        edges.append((actor, parent, "belongs_to", {"edition": None}))
        if parent not in seen:
            seen.add(parent)
            todo.append(parent)
    return edges


def _set_presence(G: nx.MultiDiGraph) -> None:
    """Node attribute ``editions``: the editions of the node's dated edges.

    Undated nodes (organisations reached by ``belongs_to`` only) inherit the
    editions of their members.
    """
    rank = {e: i for i, e in enumerate(G.graph.get("editions") or [])}
    found: dict[Any, set[str]] = {n: set() for n in G.nodes}
    for u, v, edition in G.edges(data="edition"):
        if edition is not None:
            found[u].add(edition)
            found[v].add(edition)
    for n, attrs in G.nodes(data=True):
        if attrs.get("edition") is not None:
            found[n].add(attrs["edition"])
    changed = True
    while changed:
        changed = False
        for u, v, relation in G.edges(data="relation"):
            if relation == "belongs_to" and not found[u] <= found[v]:
                found[v] |= found[u]
                changed = True
    for n in G.nodes:
        G.nodes[n]["editions"] = sorted(found[n], key=lambda e: (rank.get(e, len(rank)), e))


# --------------------------------------------------------------------------- later edges


def comention_edges(mentions: pd.DataFrame, *, unit: str = "passage") -> pd.DataFrame:
    """Pairs of actors named together in the same coded passage.

    Parameters
    ----------
    mentions : DataFrame
        One row per (passage, actor) mention, with the columns ``unit`` (any
        passage id: a segment id, a coding id…) and ``actor_id``; an optional
        ``edition`` column is carried over when a passage has a single one.
    unit : str
        Name of the passage column.

    Returns
    -------
    DataFrame
        ``source``, ``target`` (``source < target``), ``weight`` (number of
        passages naming both) and ``edition`` when available, ready for
        :func:`add_edges`.

    Examples
    --------
    >>> m = pd.DataFrame({"passage": [1, 1, 1, 2, 2], "actor_id": ["b", "a", "c", "a", "b"]})
    >>> comention_edges(m).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'source': 'a', 'target': 'b', 'weight': 2}, {'source': 'a', 'target': 'c', 'weight': 1},
     {'source': 'b', 'target': 'c', 'weight': 1}]
    """
    require_columns(mentions, (unit, "actor_id"), table="mentions")
    clean = mentions.dropna(subset=[unit, "actor_id"]).copy()
    clean["actor_id"] = clean["actor_id"].astype(str)
    clean = clean.drop_duplicates(subset=[unit, "actor_id"])
    pairs = clean.merge(clean, on=unit, suffixes=("_s", "_t"))
    pairs = pairs[pairs["actor_id_s"] < pairs["actor_id_t"]]
    group = ["actor_id_s", "actor_id_t"]
    if "edition" in clean.columns:
        group.append("edition_s")
    out = pairs.groupby(group, sort=True, dropna=False).size().reset_index(name="weight")
    out = out.rename(
        columns={"actor_id_s": "source", "actor_id_t": "target", "edition_s": "edition"}
    )
    columns = ["source", "target", "weight"] + (["edition"] if "edition" in out.columns else [])
    return out[columns].reset_index(drop=True)


def add_edges(G: nx.Graph, edges: pd.DataFrame, *, relation: str = "co_mentioned") -> nx.Graph:
    """Return a copy of ``G`` with the edges of an edge table added.

    ``edges`` has ``source`` and ``target`` columns and optionally ``weight``
    and any other edge attributes. On a multigraph the edges are keyed by
    ``relation`` so they sit beside the structural ones; nodes not yet in the
    graph are added with ``kind="unknown"``.

    Examples
    --------
    >>> G = nx.MultiDiGraph([("a", "b", "carries")])
    >>> H = add_edges(G, pd.DataFrame({"source": ["a"], "target": ["b"], "weight": [3]}))
    >>> sorted(H.edges(keys=True)), G.number_of_edges()
    ([('a', 'b', 'carries'), ('a', 'b', 'co_mentioned')], 1)
    """
    require_columns(edges, ("source", "target"), table="edges")
    H = G.copy()
    for row in edges.to_dict("records"):
        u, v = str(row.pop("source")), str(row.pop("target"))
        attrs = {k: _cell(val) for k, val in row.items()}
        attrs.setdefault("weight", 1)
        attrs["relation"] = relation
        for n in (u, v):
            if n not in H:
                H.add_node(n, label=n, kind="unknown", category="unknown", editions=[])
        if H.is_multigraph():
            H.add_edge(u, v, key=relation, **attrs)
        else:
            H.add_edge(u, v, **attrs)
    return H


def simple_graph(G: nx.Graph, *, weight: str = "weight") -> nx.Graph:
    """Collapse a directed or multi-graph into a simple undirected graph.

    Parallel and opposite edges merge into one whose ``weight`` is the sum of
    theirs and whose ``relations`` lists their relations. A simple undirected
    graph is returned as a copy.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", key="carries", relation="carries", weight=1)
    >>> _ = G.add_edge("b", "a", key="co_mentioned", relation="co_mentioned", weight=2)
    >>> S = simple_graph(G)
    >>> S["a"]["b"]["weight"], S["a"]["b"]["relations"]
    (3, ['carries', 'co_mentioned'])
    """
    if not G.is_directed() and not G.is_multigraph():
        return G.copy()
    S = nx.Graph(**G.graph)
    S.add_nodes_from(G.nodes(data=True))
    for u, v, d in G.edges(data=True):
        a, b = sorted((u, v))
        w = d.get(weight, 1)
        if S.has_edge(a, b):
            S[a][b][weight] += w
            S[a][b]["relations"] = sorted(set(S[a][b]["relations"]) | {d.get("relation", "")})
        else:
            S.add_edge(a, b, **{weight: w, "relations": [d.get("relation", "")]})
    return S
