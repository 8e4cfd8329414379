"""Figures of the actor-network: stable layouts, small multiples, interactive HTML.

Every view of the editions shares one layout (:func:`stable_layout`), computed
once on the union of the editions' graphs with a fixed seed, so that an actor
keeps its place from one edition to the next and two runs draw the same
picture. Colours follow the actor categories of ``docs/formats.md``
(:data:`CATEGORY_COLORS`); marker shapes follow the kind of node (person,
organisation, artefact, workshop, project). Matplotlib figures are built with
the object-oriented API (no pyplot state, any backend, Agg when saved) and
returned, never saved: saving is the caller's job (``research.pipeline``). The interactive
view is one self-contained HTML file (inline SVG and script, no external
resource), so it opens offline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from research.errors import InputError
from research.figures import label_points, separate_labels
from research.network._actor_network import simple_graph
from research.network._node_measures import node_measures
from research.vocabulary import label

__all__ = [
    "CATEGORY_COLORS",
    "KIND_MARKERS",
    "category_colors",
    "draw_network",
    "interactive_html",
    "small_multiples",
    "stable_layout",
]

#: Colour of each actor category; the animator (cluster, staff) in warm tones.
CATEGORY_COLORS: dict[str, str] = {
    "cluster": "#c0392b",
    "cluster_staff": "#e67e22",
    "researcher": "#16a085",
    "citizen": "#8fb8de",
    "project_holder": "#1f5fa6",
    "facilitator": "#2e8b57",
    "elected": "#7d3c98",
    "public_body": "#b39ddb",
    "support_org": "#8d6e63",
    "funder": "#d81b60",
    "bank": "#f48fb1",
    "business": "#9e9d24",
    "enterprise": "#283593",
    "association": "#81c784",
    "scheme": "#ef9a9a",
    "tool": "#757575",
    "charter": "#bcaaa4",
    "agreement": "#c5b358",
    "funding_call": "#ffb74d",
    "event": "#f1c40f",
    "workshop": "#455a64",
    "project": "#00897b",
    "unknown": "#cfcfcf",
}
_FALLBACK = ["#6a3d9a", "#b15928", "#fb9a99", "#a6cee3", "#b2df8a", "#fdbf6f", "#cab2d6"]

#: Matplotlib marker of each kind of node.
KIND_MARKERS: dict[str, str] = {
    "person": "o",
    "organisation": "s",
    "artefact": "^",
    "workshop": "D",
    "project": "p",
    "unknown": "o",
}

Layout = dict[Any, tuple[float, float]]


def category_colors(categories: Sequence[str]) -> dict[str, str]:
    """Colour of each category: the fixed palette, then a fallback cycle.

    Examples
    --------
    >>> category_colors(["citizen", "zzz"])
    {'citizen': '#8fb8de', 'zzz': '#6a3d9a'}
    """
    out, extra = {}, 0
    for category in sorted(set(map(str, categories)), key=lambda c: (c not in CATEGORY_COLORS, c)):
        if category in CATEGORY_COLORS:
            out[category] = CATEGORY_COLORS[category]
        else:
            out[category] = _FALLBACK[extra % len(_FALLBACK)]
            extra += 1
    return {c: out[c] for c in dict.fromkeys(map(str, categories))}


def _as_editions(graphs: nx.Graph | Mapping[str, nx.Graph]) -> dict[str, nx.Graph]:
    if isinstance(graphs, nx.Graph):
        return {str(graphs.graph.get("edition") or "graph"): graphs}
    if not graphs:
        raise InputError("no graph to draw", hint="pass a graph or a non-empty mapping of graphs")
    return dict(graphs)


def _union(graphs: Mapping[str, nx.Graph]) -> nx.Graph:
    union = nx.Graph()
    for G in graphs.values():
        H = G if not G.is_directed() and not G.is_multigraph() else simple_graph(G)
        union.add_nodes_from(H.nodes(data=True))
        union.add_edges_from(H.edges())
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(union.nodes(data=True), key=lambda item: str(item[0])))
    ordered.add_edges_from(sorted(union.edges(), key=lambda e: (str(e[0]), str(e[1]))))
    return ordered


def _leaves(union: nx.Graph) -> dict[Any, list[Any]]:
    """Leaves (one tie, to a node with several) grouped by the node they hang on."""
    hanging: dict[Any, list[Any]] = {}
    for v in union.nodes:
        if union.degree(v) == 1:
            hub = next(iter(union[v]))
            if union.degree(hub) >= 2:
                hanging.setdefault(hub, []).append(v)
    return hanging


def _place_leaves(
    pos: dict[Any, np.ndarray], hanging: Mapping[Any, list[Any]], radius: float
) -> dict[Any, np.ndarray]:
    """Each hub's leaves on a small arc facing away from the centre of the drawing."""
    out = dict(pos)
    centre = np.mean(np.array(list(pos.values())), axis=0) if pos else np.zeros(2)
    for hub, leaves in hanging.items():
        x, y = pos[hub]
        away = np.arctan2(y - centre[1], x - centre[0])
        count = len(leaves)
        spread = min(2 * np.pi, 0.5 + 0.35 * count)
        angles = away + (np.arange(count) - (count - 1) / 2) * (spread / max(count, 1))
        ring = radius * (1.0 + 0.15 * np.sqrt(count))
        for leaf, angle in zip(leaves, angles, strict=True):
            out[leaf] = np.array([x + ring * np.cos(angle), y + ring * np.sin(angle)])
    return out


def stable_layout(
    graphs: nx.Graph | Mapping[str, nx.Graph],
    *,
    method: Literal["spring", "kamada_kawai", "spectral", "circular"] = "spring",
    seed: int = 0,
    iterations: int = 50,
    k: float | None = None,
    fold_leaves: bool = True,
) -> Layout:
    """One layout for every edition: the same actor in the same place.

    The layout is computed on the union of the graphs (nodes in sorted order,
    fixed seed) and rounded to six decimals, so that it does not depend on the
    order of the editions and two runs give the same coordinates. Leaves
    (actors tied to a single node, typically a participant who came to one
    workshop) are left out of the force-directed computation and placed on a
    small arc around the node they hang on, which keeps large editions fast
    and readable.

    Parameters
    ----------
    graphs : networkx.Graph or mapping of edition id to graph
    method : {"spring", "kamada_kawai", "spectral", "circular"}
        Force-directed (Fruchterman & Reingold 1991), stress-based (Kamada &
        Kawai 1989), spectral or circular placement.
    seed : int
        Seed of the initial positions of the spring layout.
    iterations : int
        Iterations of the spring layout.
    k : float, optional
        Optimal distance between nodes of the spring layout (default
        ``1/√n``).
    fold_leaves : bool
        Place the leaves around their node instead of laying them out
        (spring and Kamada–Kawai layouts).

    Returns
    -------
    dict
        ``{node: (x, y)}`` in [-1, 1].

    References
    ----------
    .. [1] T. M. J. Fruchterman and E. M. Reingold, "Graph drawing by
       force-directed placement", Software: Practice and Experience 21
       (1991) 1129–1164.
    .. [2] T. Kamada and S. Kawai, "An algorithm for drawing general
       undirected graphs", Information Processing Letters 31 (1989) 7–15.

    Examples
    --------
    >>> e1, e2 = nx.Graph([("a", "b")]), nx.Graph([("b", "c")])
    >>> pos = stable_layout({"E1": e1, "E2": e2})
    >>> sorted(pos) == ["a", "b", "c"], pos == stable_layout({"E2": e2, "E1": e1})
    (True, True)
    """
    if method not in ("spring", "kamada_kawai", "spectral", "circular"):
        raise InputError(
            f"unknown layout method {method!r}",
            hint="choose 'spring', 'kamada_kawai', 'spectral' or 'circular'",
        )
    union = _union(_as_editions(graphs))
    if union.number_of_nodes() == 0:
        return {}
    hanging = _leaves(union) if fold_leaves and method in ("spring", "kamada_kawai") else {}
    folded = {leaf for leaves in hanging.values() for leaf in leaves}
    core = union.subgraph([v for v in union.nodes if v not in folded])
    if method == "spring":
        raw = nx.spring_layout(core, seed=seed, iterations=iterations, k=k, weight=None)
    elif method == "kamada_kawai":
        raw = nx.kamada_kawai_layout(core, weight=None)
    elif method == "spectral" and core.number_of_nodes() > 2:
        raw = nx.spectral_layout(core, weight=None)
    else:
        raw = nx.circular_layout(core)
    if hanging:
        spacing = 1.0 / np.sqrt(max(core.number_of_nodes(), 1))
        raw = _place_leaves({v: np.asarray(p, dtype=float) for v, p in raw.items()}, hanging,
                            radius=0.35 * spacing)  # fmt: skip
        xy = nx.rescale_layout(np.array([raw[v] for v in union.nodes]))
        raw = dict(zip(union.nodes, xy, strict=True))
    return {v: (round(float(raw[v][0]), 6), round(float(raw[v][1]), 6)) for v in union.nodes}


# --------------------------------------------------------------------------- static figures


def _size_values(G: nx.Graph, size_by: str | None, measures: pd.DataFrame | None) -> pd.Series:
    nodes = list(G.nodes)
    if size_by is None:
        return pd.Series(1.0, index=nodes)
    if measures is not None and size_by in measures.columns:
        return measures[size_by].reindex(nodes).astype(float).fillna(0.0)
    H = G if not G.is_directed() and not G.is_multigraph() else simple_graph(G)
    if size_by == "degree":
        return pd.Series(dict(H.degree()), dtype=float).reindex(nodes)
    if size_by == "weighted_degree":
        return pd.Series(dict(H.degree(weight="weight")), dtype=float).reindex(nodes)
    computed = node_measures(G)
    if size_by not in computed.columns:
        raise InputError(
            f"unknown size measure {size_by!r}",
            hint=f"choose a column of node_measures: {', '.join(map(str, computed.columns))}",
        )
    return computed[size_by].reindex(nodes).astype(float).fillna(0.0)


def _scale(
    values: pd.Series, low: float, high: float, span: tuple[float, float] | None
) -> pd.Series:
    lo, hi = span if span is not None else (float(values.min()), float(values.max()))
    if not np.isfinite(lo) or not np.isfinite(hi) or hi <= lo:
        return pd.Series((low + high) / 2, index=values.index)
    return low + (values.clip(lo, hi) - lo) / (hi - lo) * (high - low)


def _top(values: pd.Series, count: int) -> list[Any]:
    order = sorted(values.index, key=lambda v: (-values[v], str(v)))
    return [v for v in order[:count] if values[v] > 0] if count > 0 else []


def draw_network(
    G: nx.Graph,
    pos: Layout | None = None,
    *,
    measures: pd.DataFrame | None = None,
    size_by: str | None = "degree",
    color_by: str = "category",
    top_labels: int = 10,
    ax: Axes | None = None,
    title: str | None = None,
    ghost: Layout | None = None,
    size_range: tuple[float, float] | None = None,
    legend: bool = True,
) -> Figure:
    """Draw one graph: colour by category, size by a measure, top labels only.

    Parameters
    ----------
    G : networkx.Graph
    pos : dict, optional
        Positions (default: :func:`stable_layout` of ``G``).
    measures : DataFrame, optional
        :func:`research.network.node_measures` of ``G`` (indexed by
        node), where ``size_by`` is looked up.
    size_by : str or None
        Measure giving the marker areas (``"degree"`` and
        ``"weighted_degree"`` are computed on the fly).
    color_by : str
        Node attribute giving the colour (see :func:`category_colors`).
    top_labels : int
        Label this many nodes, those of largest ``size_by``.
    ax : matplotlib Axes, optional
        Draw there (default: a new figure).
    title : str, optional
    ghost : dict, optional
        Positions of nodes to show faintly (the other editions' actors).
    size_range : (float, float), optional
        Measure values mapped to the smallest and largest markers (shared
        across panels); default: this graph's range.
    legend : bool
        Add the category legend.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> G = nx.star_graph(["hub", "a", "b"])
    >>> fig = draw_network(G, top_labels=1)
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['hub']
    """
    if pos is None:
        pos = stable_layout(G)
    missing = [v for v in G.nodes if v not in pos]
    if missing:
        raise InputError(
            f"{len(missing)} node(s) have no position, e.g. {missing[0]!r}",
            hint="compute the layout with stable_layout on every graph you draw",
        )
    if ax is None:
        ax = Figure(figsize=(8, 8)).subplots()
    fig = ax.figure
    H = G if not G.is_directed() and not G.is_multigraph() else simple_graph(G)
    if ghost:
        others = [p for v, p in ghost.items() if v not in H]
        if others:
            xy = np.array(others)
            ax.scatter(xy[:, 0], xy[:, 1], s=4, c="#e0e0e0", linewidths=0, zorder=0)
    segments = [(pos[u], pos[v]) for u, v in H.edges()]
    if segments:
        weights = np.array([float(d.get("weight", 1.0)) for _, _, d in H.edges(data=True)])
        widths = 0.3 + 1.7 * (weights / weights.max() if weights.max() > 0 else weights)
        ax.add_collection(
            LineCollection(segments, linewidths=widths, colors="#9e9e9e", alpha=0.35, zorder=1)
        )
    values = _size_values(H, size_by, measures)
    areas = _scale(values, 15.0, 400.0, size_range)
    groups = [str(H.nodes[v].get(color_by, "unknown")) for v in H.nodes]
    colours = category_colors(groups)
    for kind, marker in KIND_MARKERS.items():
        chosen = [v for v in H.nodes if (H.nodes[v].get("kind") or "unknown") == kind]
        if kind == "unknown":
            chosen += [v for v in H.nodes if H.nodes[v].get("kind") not in KIND_MARKERS]
        if not chosen:
            continue
        xy = np.array([pos[v] for v in chosen])
        ax.scatter(
            xy[:, 0],
            xy[:, 1],
            s=areas[chosen].to_numpy(),
            c=[colours[str(H.nodes[v].get(color_by, "unknown"))] for v in chosen],
            marker=marker,
            edgecolors="white",
            linewidths=0.5,
            zorder=2,
        )
    top = _top(values, top_labels)
    label_points(ax, [pos[v] for v in top], [str(H.nodes[v].get("label", v)) for v in top])
    _frame(ax, {**(ghost or {}), **{v: pos[v] for v in H.nodes}}, title)
    if legend:
        ax.legend(handles=_legend_handles(colours), loc="upper left", fontsize=7, frameon=False)
    separate_labels(ax)
    return fig


def _frame(ax: Axes, pos: Layout, title: str | None) -> None:
    if pos:
        xy = np.array(list(pos.values()))
        (x0, y0), (x1, y1) = xy.min(axis=0), xy.max(axis=0)
        pad = 0.08 * max(x1 - x0, y1 - y0, 1e-9)
        ax.set_xlim(x0 - pad, x1 + pad)
        ax.set_ylim(y0 - pad, y1 + pad)
    ax.set_aspect("equal")
    ax.set_axis_off()
    if title:
        ax.set_title(title)


def _legend_handles(colours: Mapping[str, str]) -> list[Line2D]:
    return [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor=c,
            markeredgecolor=c,
            label=label("node_category", g),
        )
        for g, c in colours.items()
    ]


def _edition_measures(measures: pd.DataFrame | None, edition: str) -> pd.DataFrame | None:
    if measures is None:
        return None
    if isinstance(measures.index, pd.MultiIndex):
        if edition not in measures.index.get_level_values(0):
            return None
        return measures.xs(edition, level=0)
    return measures


def small_multiples(
    graphs: Mapping[str, nx.Graph],
    pos: Layout | None = None,
    *,
    measures: pd.DataFrame | None = None,
    size_by: str | None = "degree",
    color_by: str = "category",
    top_labels: int = 5,
    ncols: int | None = None,
    panel_size: float = 4.5,
    ghosts: bool = True,
    title: str | None = None,
) -> Figure:
    """The editions side by side, on one layout and one size scale.

    Each panel draws an edition's graph at the positions of
    :func:`stable_layout` on all editions; the other editions' nodes appear
    as faint dots (``ghosts``) so that the eye finds its way from one panel to
    the next. Marker areas share one scale across panels.

    Parameters
    ----------
    graphs : mapping of edition id to graph
    pos : dict, optional
        Shared positions (default: :func:`stable_layout` of ``graphs``).
    measures : DataFrame, optional
        :func:`research.network.node_measures` of ``graphs``
        (indexed by edition and node).
    size_by, color_by, top_labels
        As in :func:`draw_network`.
    ncols : int, optional
        Panels per row (default: all on one row up to four).
    panel_size : float
        Width and height of a panel, in inches.
    ghosts : bool
        Show the other editions' nodes faintly.
    title : str, optional
        Title of the figure.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = small_multiples({"E1": nx.Graph([("a", "b")]), "E2": nx.Graph([("b", "c")])})
    >>> [ax.get_title() for ax in fig.axes if ax.get_title()]
    ['E1', 'E2']
    """
    editions = _as_editions(graphs)
    pos = stable_layout(editions) if pos is None else pos
    values = [_size_values(G, size_by, _edition_measures(measures, e)) for e, G in editions.items()]
    everything = pd.concat(values) if values else pd.Series(dtype=float)
    span = (float(everything.min()), float(everything.max())) if len(everything) else None
    count = len(editions)
    ncols = ncols or min(count, 4)
    nrows = -(-count // ncols)
    fig = Figure(figsize=(panel_size * ncols, panel_size * nrows + 0.6))
    axes = fig.subplots(nrows, ncols, squeeze=False)
    groups: list[str] = []
    for ax, (edition, G) in zip(axes.ravel(), editions.items(), strict=False):
        date = G.graph.get("date")
        draw_network(
            G,
            pos,
            measures=_edition_measures(measures, edition),
            size_by=size_by,
            color_by=color_by,
            top_labels=top_labels,
            ax=ax,
            title=f"{edition} ({date})" if date else edition,
            ghost=pos if ghosts else None,
            size_range=span,
            legend=False,
        )
        groups += [str(d.get(color_by, "unknown")) for _, d in G.nodes(data=True)]
    for ax in axes.ravel()[count:]:
        ax.set_axis_off()
    fig.legend(
        handles=_legend_handles(category_colors(groups)),
        loc="lower center",
        ncol=min(6, max(1, len(set(groups)))),
        fontsize=8,
        frameon=False,
    )
    if title:
        fig.suptitle(title)
    fig.subplots_adjust(bottom=0.12)
    for ax in axes.ravel()[:count]:
        separate_labels(ax)
    return fig


# --------------------------------------------------------------------------- interactive view

_TOOLTIP_MEASURES = (
    "degree",
    "weighted_degree",
    "betweenness",
    "eigenvector",
    "constraint",
    "effective_size",
    "core",
    "community",
    "brokerage",
)


def _number(value: Any) -> Any:
    if value is None or isinstance(value, bool | str):
        return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if not np.isfinite(number):
        return None
    return int(number) if number.is_integer() else round(number, 4)


def _group_label(color_by: str, group: str) -> str:
    """The French label of a node group shown in the legend and the tooltip."""
    if color_by == "category":
        return label("node_category", group)
    if color_by == "kind":
        return label("actor_kind", group)
    return group


def _view_data(
    editions: Mapping[str, nx.Graph],
    pos: Layout,
    *,
    measures: pd.DataFrame | None,
    size_by: str | None,
    color_by: str,
    top_labels: int,
    width: int,
    height: int,
) -> dict[str, Any]:
    union = _union(editions)
    nodes = list(union.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    xy = np.array([pos[v] for v in nodes]) if nodes else np.zeros((0, 2))
    lo, hi = (xy.min(axis=0), xy.max(axis=0)) if nodes else (np.zeros(2), np.ones(2))
    extent = np.where(hi - lo > 0, hi - lo, 1.0)
    margin = 30.0
    sx = margin + (xy[:, 0] - lo[0]) / extent[0] * (width - 2 * margin)
    sy = height - margin - (xy[:, 1] - lo[1]) / extent[1] * (height - 2 * margin)
    groups = [str(union.nodes[v].get(color_by, "unknown")) for v in nodes]
    colours = category_colors(groups)
    node_rows = [
        {
            "id": str(v),
            "label": str(union.nodes[v].get("label", v)),
            "group": g,
            "kind": str(union.nodes[v].get("kind") or "unknown"),
            "x": round(float(x), 1),
            "y": round(float(y), 1),
        }
        for v, g, x, y in zip(nodes, groups, sx, sy, strict=True)
    ]
    values = {
        e: _size_values(G, size_by, _edition_measures(measures, e)) for e, G in editions.items()
    }
    everything = pd.concat(list(values.values()))
    span = (float(everything.min()), float(everything.max()))
    views, titles = {}, []
    for edition, G in editions.items():
        H = G if not G.is_directed() and not G.is_multigraph() else simple_graph(G)
        table = _edition_measures(measures, edition)
        shown = [c for c in _TOOLTIP_MEASURES if table is not None and c in table.columns]
        radius = np.sqrt(_scale(values[edition], 9.0, 250.0, span) / np.pi)
        labelled = set(_top(values[edition], top_labels))
        weights = [float(d.get("weight", 1.0)) for _, _, d in H.edges(data=True)]
        top = max(weights, default=1.0) or 1.0
        views[edition] = {
            "measures": shown,
            "nodes": [
                [index[v], round(float(radius[v]), 2), v in labelled]
                + [_number(table.at[v, c]) if v in table.index else None for c in shown]
                for v in H.nodes
            ],
            "edges": [
                [index[u], index[v], round(0.4 + 2.0 * w / top, 2)]
                for (u, v), w in zip(H.edges(), weights, strict=True)
            ],
        }
        date = G.graph.get("date")
        titles.append(f"{edition} ({date})" if date else str(edition))
    return {
        "editions": list(editions),
        "titles": titles,
        "nodes": node_rows,
        "colors": colours,
        "group_labels": {g: _group_label(color_by, g) for g in colours},
        "views": views,
        "size_by": size_by,
    }


def interactive_html(
    graphs: nx.Graph | Mapping[str, nx.Graph],
    pos: Layout | None = None,
    *,
    measures: pd.DataFrame | None = None,
    size_by: str | None = "degree",
    color_by: str = "category",
    top_labels: int = 10,
    title: str = "Réseau d'acteurs",
    width: int = 960,
    height: int = 720,
) -> str:
    """A self-contained interactive HTML view of the editions.

    One file with the positions precomputed here, inline SVG and a short
    script: an edition selector, the colour legend, labels for the top nodes
    and a tooltip with the node's label, id, category and measures (those of
    ``measures`` among degree, betweenness, eigenvector, constraint,
    effective size, core, community and brokerage). It loads nothing from the
    network, so it works offline and can be archived with the thesis. Write
    it with ``Path(...).write_text(page, encoding="utf-8")``.

    Parameters
    ----------
    graphs : networkx.Graph or mapping of edition id to graph
    pos : dict, optional
        Shared positions (default: :func:`stable_layout` of ``graphs``).
    measures : DataFrame, optional
        :func:`research.network.node_measures` of ``graphs``.
    size_by, color_by, top_labels
        As in :func:`draw_network`.
    title : str
        Page title.
    width, height : int
        Size of the drawing, in pixels.

    Returns
    -------
    str
        The HTML page.

    Examples
    --------
    >>> page = interactive_html({"E1": nx.Graph([("a", "b")])}, title="Essai")
    >>> "<title>Essai</title>" in page, "http" in page
    (True, False)
    """
    editions = _as_editions(graphs)
    pos = stable_layout(editions) if pos is None else pos
    data = _view_data(
        editions,
        pos,
        measures=measures,
        size_by=size_by,
        color_by=color_by,
        top_labels=top_labels,
        width=width,
        height=height,
    )
    from research.pages import render_page

    return render_page(
        "network.html",
        title=title,
        width=int(width),
        height=int(height),
        size_label=size_by or "uniforme",
        data=data,
    )
