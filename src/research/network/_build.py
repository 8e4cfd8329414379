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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from research.contracts import is_blank, require_columns, row_number
from research.editions import editions_in_order
from research.errors import InputError, SchemaError

__all__ = [
    "RELATIONS",
    "actor_network",
    "actor_projection",
    "add_edges",
    "as_list",
    "comention_edges",
    "edition_dates",
    "edition_graphs",
    "edition_order",
    "incidence_matrix",
    "network_graph",
    "simple_graph",
    "two_mode_graph",
    "workshop_projection",
]

GraphKind = Literal["two_mode", "actors", "workshops", "actor_network"]
Weighting = Literal["count", "newman"]

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

_REQUIRED = {
    "workshops": ("workshop_id", "edition_id"),
    "participations": ("actor_id", "workshop_id"),
    "actors": ("actor_id",),
    "projects": ("project_id",),
    "editions": ("edition_id",),
}


# --------------------------------------------------------------------------- tables


def as_list(value: Any) -> list[str]:
    """Return a list cell as a list of stripped, non-empty strings.

    List cells arrive as Python lists from the table loaders, but a
    ``;``-separated string (as written in the CSV files) is accepted too.

    Examples
    --------
    >>> as_list("A01; A02;")
    ['A01', 'A02']
    >>> as_list(["A01", " ", None])
    ['A01']
    >>> as_list(float("nan"))
    []
    """
    if value is None:
        return []
    if isinstance(value, str):
        items: Iterable[Any] = value.split(";")
    elif isinstance(value, Iterable):
        items = value
    else:
        items = [] if is_blank(value) else [value]
    return [str(x).strip() for x in items if not is_blank(x) and str(x).strip()]


def _cell(value: Any) -> Any:
    """A scalar cell without pandas' missing markers (``None`` instead)."""
    if isinstance(value, list | tuple):
        return list(value)
    if is_blank(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def _table(tables: Any, name: str, *, required: bool = True) -> pd.DataFrame | None:
    """One table of ``tables``: a mapping of frames, or an object with the tables as
    attributes (such as :class:`research.editions.Editions`)."""
    df = tables.get(name) if isinstance(tables, Mapping) else getattr(tables, name, None)
    if df is not None and not isinstance(df, pd.DataFrame):
        df = getattr(df, "frame", df)  # a registry object such as research.editions.Actors
    if df is None:
        if required:
            raise SchemaError(
                f"the {name!r} table is missing",
                hint=f"pass the edition tables as a mapping with a {name!r} key "
                f"(corpus/tables/{name}.csv)",
            )
        return None
    require_columns(
        df,
        _REQUIRED.get(name, ()),
        table=name,
        path=df.attrs.get("path") if isinstance(df, pd.DataFrame) else None,
    )
    return df


def _where(df: pd.DataFrame, name: str) -> str:
    return str(df.attrs.get("path", name))


def edition_order(tables: Any) -> list[str]:
    """Edition ids in time order (see :func:`research.editions.editions_in_order`).

    Without an ``editions`` table, the editions named in ``workshops`` are
    returned in sorted order.

    Examples
    --------
    >>> eds = pd.DataFrame({"edition_id": ["B", "A"], "date": ["2019-11-21", "2016-11-17"]})
    >>> edition_order({"editions": eds})
    ['A', 'B']
    """
    editions = _table(tables, "editions", required=False)
    if editions is None or editions.empty:
        workshops = _table(tables, "workshops")
        return sorted({str(e) for e in workshops["edition_id"].dropna()})
    return editions_in_order(editions)


def edition_dates(tables: Any) -> dict[str, str]:
    """ISO dates of the editions that have one (``date``, else ``year``-01-01).

    Examples
    --------
    >>> eds = pd.DataFrame({"edition_id": ["A", "B"], "date": ["2016-11-17", None],
    ...                     "year": [2016, 2019]})
    >>> edition_dates({"editions": eds})
    {'A': '2016-11-17', 'B': '2019-01-01'}
    """
    editions = _table(tables, "editions", required=False)
    if editions is None:
        return {}
    dates, years = _column_dates(editions), _column_years(editions)
    out: dict[str, str] = {}
    for i, edition in enumerate(editions["edition_id"].astype(str)):
        if not pd.isna(dates[i]):
            out[edition] = pd.Timestamp(dates[i]).date().isoformat()
        elif not pd.isna(years[i]):
            out[edition] = f"{int(years[i]):04d}-01-01"
    return out


def _column_dates(df: pd.DataFrame) -> np.ndarray:
    if "date" not in df.columns:
        return np.full(len(df), np.datetime64("NaT"), dtype="datetime64[ns]")
    return pd.to_datetime(df["date"], errors="coerce").to_numpy()


def _column_years(df: pd.DataFrame) -> np.ndarray:
    if "year" not in df.columns:
        return np.full(len(df), np.nan)
    return pd.to_numeric(df["year"], errors="coerce").to_numpy(dtype=float)


def _actor_attributes(tables: Any) -> dict[str, dict[str, Any]]:
    actors = _table(tables, "actors", required=False)
    if actors is None:
        return {}
    out: dict[str, dict[str, Any]] = {}
    for row in actors.to_dict("records"):
        actor_id = str(row["actor_id"]).strip()
        out[actor_id] = {
            "label": _cell(row.get("label")) or actor_id,
            "kind": _cell(row.get("kind")) or "unknown",
            "category": _cell(row.get("category")) or "unknown",
            "organisation": _cell(row.get("organisation")),
        }
    return out


def _unknown_actor(actor_id: str) -> dict[str, Any]:
    return {"label": actor_id, "kind": "unknown", "category": "unknown"}


def _check_actor(
    actor_id: str, known: Mapping[str, Any], df: pd.DataFrame, name: str, row: int, column: str
) -> None:
    if known and actor_id not in known:
        raise SchemaError(
            f"actor {actor_id!r} is not in the actor registry",
            path=_where(df, name),
            row=row_number(df, row),
            column=column,
            hint="add the actor to corpus/tables/actors.csv or correct the id",
        )


def _workshop_attributes(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "label": _cell(row.get("title")) or str(row["workshop_id"]).strip(),
        "kind": "workshop",
        "category": "workshop",
        "edition": str(row["edition_id"]).strip(),
        "theme": _cell(row.get("theme")),
        "type": _cell(row.get("type")),
        "holder_present": _cell(row.get("holder_present")),
    }


Edge = tuple[str, str, str, dict[str, Any]]


@dataclass(frozen=True)
class _Prepared:
    """The edition tables read and checked once, for every graph built from them."""

    known: dict[str, dict[str, Any]]
    workshops: dict[str, dict[str, Any]]
    tools: dict[str, list[str]]
    triples: list[tuple[str, str, str | None]]
    projects: dict[str, dict[str, Any]]
    project_edges: list[Edge]
    order: list[str]
    dates: dict[str, str]


def _read_workshops(
    tables: Any, known: Mapping[str, Any]
) -> tuple[dict[str, dict[str, Any]], dict[str, list[str]]]:
    workshops = _table(tables, "workshops")
    nodes: dict[str, dict[str, Any]] = {}
    tools: dict[str, list[str]] = {}
    for i, row in enumerate(workshops.to_dict("records")):
        if is_blank(row["workshop_id"]) or is_blank(row["edition_id"]):
            raise SchemaError(
                "a workshop lacks its workshop_id or edition_id",
                path=_where(workshops, "workshops"),
                row=row_number(workshops, i),
                hint="fill both cells or delete the row",
            )
        w = str(row["workshop_id"]).strip()
        if w in nodes:
            raise SchemaError(
                f"workshop {w!r} appears twice",
                path=_where(workshops, "workshops"),
                row=row_number(workshops, i),
                column="workshop_id",
                hint="each workshop_id must be unique",
            )
        nodes[w] = _workshop_attributes(row)
        tools[w] = as_list(row.get("tools"))
        for tool in tools[w]:
            _check_actor(tool, known, workshops, "workshops", i, "tools")
    return nodes, tools


def _read_participations(
    tables: Any,
    workshops: Mapping[str, Any],
    known: Mapping[str, Any],
    *,
    workshop_roles: bool,
) -> list[tuple[str, str, str | None]]:
    """Sorted (actor, workshop, role) triples of every edition, checked."""
    parts = _table(tables, "participations")
    roles = parts["role"].tolist() if "role" in parts.columns else [None] * len(parts)
    triples: dict[tuple[str, str], str | None] = {}
    for i, (actor, workshop, role) in enumerate(
        zip(parts["actor_id"].tolist(), parts["workshop_id"].tolist(), roles, strict=True)
    ):
        if is_blank(actor) or is_blank(workshop):
            raise SchemaError(
                "a participation lacks its actor_id or workshop_id",
                path=_where(parts, "participations"),
                row=row_number(parts, i),
                hint="fill both keys or delete the row",
            )
        actor, workshop = str(actor).strip(), str(workshop).strip()
        if workshop not in workshops:
            raise SchemaError(
                f"workshop {workshop!r} is not in the workshops table",
                path=_where(parts, "participations"),
                row=row_number(parts, i),
                column="workshop_id",
                hint="add the workshop to workshops.csv or correct the id",
            )
        _check_actor(actor, known, parts, "participations", i, "actor_id")
        triples.setdefault((actor, workshop), _cell(role))
    if workshop_roles:
        table = _table(tables, "workshops")
        for i, row in enumerate(table.to_dict("records")):
            for column in ("holder", "facilitator"):
                for actor in as_list(row.get(column)):
                    _check_actor(actor, known, table, "workshops", i, column)
                    triples.setdefault((actor, str(row["workshop_id"]).strip()), column)
    return [(a, w, r) for (a, w), r in sorted(triples.items())]


def _read_projects(
    tables: Any, workshops: Mapping[str, Mapping[str, Any]], known: Mapping[str, Any]
) -> tuple[dict[str, dict[str, Any]], list[Edge]]:
    projects = _table(tables, "projects", required=False)
    if projects is None:
        return {}, []
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[Edge] = []
    for i, row in enumerate(projects.to_dict("records")):
        p = str(row["project_id"]).strip()
        workshop = _cell(row.get("workshop_id"))
        workshop = None if workshop is None else str(workshop).strip()
        if workshop is not None and workshop not in workshops:
            raise SchemaError(
                f"workshop {workshop!r} is not in the workshops table",
                path=_where(projects, "projects"),
                row=row_number(projects, i),
                column="workshop_id",
                hint="add the workshop to workshops.csv or leave the cell empty",
            )
        edition = _cell(row.get("edition_id"))
        if edition is None and workshop is not None:
            edition = workshops[workshop]["edition"]
        edition = None if edition is None else str(edition).strip()
        nodes[p] = {
            "label": _cell(row.get("title")) or p,
            "kind": "project",
            "category": "project",
            "edition": edition,
            "theme": _cell(row.get("theme")),
            "stage": _cell(row.get("stage")),
            "jobs": _cell(row.get("jobs")),
        }
        base = {"edition": edition}
        for holder in as_list(row.get("holder")):
            _check_actor(holder, known, projects, "projects", i, "holder")
            edges.append((holder, p, "carries", base))
        for actor in as_list(row.get("support")):
            _check_actor(actor, known, projects, "projects", i, "support")
            edges.append((actor, p, "supports", base))
        for actor in as_list(row.get("actants")):
            _check_actor(actor, known, projects, "projects", i, "actants")
            edges.append((p, actor, "mobilises", base))
        if workshop is not None:
            edges.append((p, workshop, "emerges_from", base))
    return nodes, edges


def _prepare(tables: Any, *, workshop_roles: bool = True) -> _Prepared:
    known = _actor_attributes(tables)
    workshops, tools = _read_workshops(tables, known)
    triples = _read_participations(tables, workshops, known, workshop_roles=workshop_roles)
    projects, project_edges = _read_projects(tables, workshops, known)
    order = edition_order(tables)
    for attrs in workshops.values():
        if attrs["edition"] not in order:
            order.append(attrs["edition"])
    return _Prepared(
        known, workshops, tools, triples, projects, project_edges, order, edition_dates(tables)
    )


def _covered(prep: _Prepared, editions: Sequence[str] | None) -> list[str]:
    if editions is None:
        return list(prep.order)
    if isinstance(editions, str):
        editions = [editions]
    unknown = [str(e) for e in editions if str(e) not in prep.order]
    if unknown:
        raise InputError(
            f"unknown edition(s) {', '.join(map(repr, unknown))}",
            hint=f"choose among {', '.join(prep.order) or '(no edition in the tables)'}",
        )
    return [e for e in prep.order if e in {str(x) for x in editions}]


def _graph_meta(prep: _Prepared, covered: list[str], graph_type: str) -> dict[str, Any]:
    single = covered[0] if len(covered) == 1 else None
    return {
        "graph_type": graph_type,
        "edition": single,
        "editions": covered,
        "date": None if single is None else prep.dates.get(single),
    }


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


def _public(attrs: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if k != "organisation"}


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
