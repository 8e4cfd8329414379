"""The network across editions: renewal, the core over time, the animator's trajectory.

Across editions: actors retained, new and gone, tie retention, the core over
time and the animator's brokerage trajectory (see :func:`evolution`,
:func:`core_over_time`, :func:`animator_trajectory`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from research.errors import InputError
from research.network._brokerage import BROKERAGE_ROLES
from research.network._communities import _core_numbers
from research.network._matrices import _matrices, _stack, _undirected, is_two_mode
from research.network._node_measures import node_measures
from research.network._two_mode import actor_projection

__all__ = [
    "ANIMATOR_CATEGORIES",
    "animator_ids",
    "animator_trajectory",
    "core_over_time",
    "evolution",
]

#: Actor categories that make up "the animator" of the network (the cluster).
ANIMATOR_CATEGORIES = ("cluster", "cluster_staff")


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
