"""Figures of textual statistics, with French labels that never overlap.

Each function returns a matplotlib :class:`~matplotlib.figure.Figure` built with
the object-oriented API (no pyplot state) and saves nothing: saving is the
caller's job (:func:`research.pipeline.save_figure`, whose SVG is deterministic).
Labels of points are placed by :func:`research.figures.separate_labels`.

- :func:`correspondence_map`: the symmetric map of a correspondence analysis;
- :func:`classification_figure`: Reinert's dendrogram with each class's profile
  under it (its size and its most characteristic forms, in a size that grows
  with their chi-square), as IRaMuTeQ draws it;
- :func:`similitude_figure`: the maximum spanning tree of a similitude
  analysis, its communities on coloured halos;
- :func:`specificity_figure`: the most specific forms of each part, as bars.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from research.errors import InputError
from research.figures import label_points, separate_labels
from research.lexicometry._correspondence import CorrespondenceAnalysis
from research.lexicometry._reinert import ReinertClassification
from research.lexicometry._similitudes import Similitudes

__all__ = [
    "CLASS_COLORS",
    "classification_figure",
    "correspondence_map",
    "french_number",
    "similitude_figure",
    "specificity_figure",
]

#: Colours of classes and communities, in order (colour-blind safe, then more).
CLASS_COLORS = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7f3c8d",
    "#8c564b", "#4d4d4d", "#b8860b", "#17becf", "#bcbd22",
]  # fmt: skip


def _color(k: int) -> str:
    return CLASS_COLORS[(k - 1) % len(CLASS_COLORS)]


def french_number(value: float, digits: int = 1) -> str:
    """A number written the French way: decimal comma.

    Examples
    --------
    >>> french_number(30.56)
    '30,6'
    """
    return f"{value:.{digits}f}".replace(".", ",")


def _label(mapping: Mapping[str, str] | None, value: Any) -> str:
    return str(mapping.get(str(value), value)) if mapping else str(value)


def correspondence_map(
    ca: CorrespondenceAnalysis,
    *,
    axes: tuple[int, int] = (1, 2),
    top_rows: int = 30,
    row_labels: Mapping[str, str] | None = None,
    column_labels: Mapping[str, str] | None = None,
    title: str | None = None,
    size: tuple[float, float] = (8.0, 7.0),
) -> Figure:
    """The symmetric map of a correspondence analysis (rows and columns in principal coordinates).

    Columns (the parts compared) are drawn as red squares with bold labels;
    rows (the forms) as blue dots, only the ``top_rows`` that contribute most
    to the plane; supplementary points as hollow marks.

    Raises
    ------
    InputError
        When the analysis has fewer axes than asked (a table of two parts has one).
    """
    if max(axes) > len(ca.eigenvalues):
        raise InputError(
            f"the analysis has {len(ca.eigenvalues)} axis(es); axes {axes} cannot be drawn",
            hint="compare at least three parts to draw a plane",
        )
    x, y = axes
    fig = Figure(figsize=size)
    ax = fig.add_subplot()
    contribution = (
        ca.row_contributions[x] * ca.eigenvalues[x - 1]
        + ca.row_contributions[y] * ca.eigenvalues[y - 1]
    )
    rows = contribution.sort_values(ascending=False, kind="stable").index[:top_rows]
    ax.axhline(0, color="#bdbdbd", lw=0.6, zorder=0)
    ax.axvline(0, color="#bdbdbd", lw=0.6, zorder=0)
    points = ca.row_coordinates.loc[rows, [x, y]]
    columns = ca.column_coordinates[[x, y]]
    ax.scatter(points[x], points[y], s=14, c="#0072b2", zorder=2, label="formes")
    ax.scatter(
        columns[x], columns[y], s=40, c="#c0392b", marker="s", zorder=2, label="parties comparées"
    )
    placed = [
        (
            columns.to_numpy(),
            [_label(column_labels, c) for c in columns.index],
            "#c0392b",
            10,
            "bold",
        ),
        (points.to_numpy(), [_label(row_labels, r) for r in rows], "#1a3f66", 8, "normal"),
    ]
    for coords, side in (
        (ca.supplementary_columns, column_labels),
        (ca.supplementary_rows, row_labels),
    ):
        if len(coords):
            xy = coords[[x, y]]
            ax.scatter(xy[x], xy[y], s=30, facecolors="none", edgecolors="#616161", zorder=2)
            placed.append(
                (xy.to_numpy(), [_label(side, v) for v in xy.index], "#616161", 8, "normal")
            )
    for xy, names, colour, fontsize, weight in placed:
        label_points(ax, xy, names, colors=colour, fontsize=fontsize, fontweight=weight)
    share = ca.explained_inertia
    ax.set_xlabel(f"Axe {x} ({french_number(share[x])}\u202f% de l'inertie)")
    ax.set_ylabel(f"Axe {y} ({french_number(share[y])}\u202f% de l'inertie)")
    everything = np.vstack([xy for xy, *_ in placed])
    low, high = everything.min(axis=0), everything.max(axis=0)
    pad = 0.12 * np.maximum(high - low, 1e-9)
    ax.set_xlim(low[0] - pad[0], high[0] + pad[0])
    ax.set_ylim(low[1] - pad[1], high[1] + pad[1])
    ax.legend(loc="best", fontsize=8, frameon=False)
    if title:
        ax.set_title(title)
    fig.tight_layout()
    separate_labels(ax)
    return fig


def classification_figure(
    result: ReinertClassification,
    *,
    top_forms: int = 12,
    title: str | None = None,
) -> Figure:
    """Reinert's dendrogram with each class's profile under it, as IRaMuTeQ draws it."""
    from scipy.cluster.hierarchy import dendrogram

    K = result.n_classes
    if K == 0:
        raise InputError("the classification found no class", hint="see the sizes of the result")
    width = max(6.0, 1.6 * K)
    fig = Figure(figsize=(width, 7.5))
    top, bottom = fig.subplots(2, 1, gridspec_kw={"height_ratios": [1, 3]})
    if len(result.linkage):
        tree = dendrogram(
            result.linkage,
            ax=top,
            orientation="top",
            labels=[f"Classe {k}" for k in range(1, K + 1)],
            color_threshold=0,
            above_threshold_color="#616161",
            no_labels=True,
        )
        order = [int(leaf) + 1 for leaf in tree["leaves"]]
    else:
        order = list(range(1, K + 1))
        top.plot([5, 5], [0, 1], color="#616161")
        top.set_xlim(0, 10)
    top.set_axis_off()
    bottom.set_axis_off()
    bottom.set_xlim(0, K)
    bottom.set_ylim(0, 1)
    sizes = result.sizes.set_index("class")
    for position, k in enumerate(order):
        centre = position + 0.5
        colour = _color(k)
        header = (
            f"Classe {k}\n{int(sizes.at[k, 'segments'])} segments\n"
            f"({french_number(sizes.at[k, 'percent'])}\u202f%)"
        )
        bottom.text(
            centre, 0.98, header, ha="center", va="top", fontsize=9, fontweight="bold", color=colour
        )
        profile = result.profiles[result.profiles["class"] == k].head(top_forms)
        if len(profile):
            strongest = float(profile["chi2"].max())
            for rank, (form, chi2) in enumerate(zip(profile["form"], profile["chi2"], strict=True)):
                fontsize = 7 + 6 * np.sqrt(chi2 / strongest)
                bottom.text(
                    centre, 0.84 - rank * (0.80 / top_forms), str(form),
                    ha="center", va="top", fontsize=fontsize, color=colour,
                )  # fmt: skip
    classified = french_number(100 * result.n_classified / max(result.n_segments, 1))
    heading = title or "Classification de Reinert"
    fig.suptitle(
        f"{heading}\n{result.n_classified} segments classés sur {result.n_segments} ({classified}\u202f%)",
        fontsize=11,
    )
    fig.subplots_adjust(left=0.02, right=0.98, top=0.88, bottom=0.02, hspace=0.05)
    return fig


def similitude_figure(
    result: Similitudes,
    *,
    title: str | None = None,
    size: tuple[float, float] = (9.0, 9.0),
    seed: int = 0,
) -> Figure:
    """The maximum spanning tree of a similitude analysis, its communities on coloured halos.

    Node and label sizes grow with the forms' frequencies, edge widths with the
    index of their link.
    """
    import networkx as nx

    tree = result.tree
    fig = Figure(figsize=size)
    ax = fig.add_subplot()
    ax.set_axis_off()
    if not len(tree):
        ax.text(0.5, 0.5, "aucune forme", ha="center", va="center")
        return fig
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(tree.nodes(data=True), key=lambda item: str(item[0])))
    ordered.add_edges_from(sorted(tree.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))))
    pos = (
        nx.kamada_kawai_layout(ordered, weight=None)
        if len(ordered) > 2
        else nx.spring_layout(ordered, seed=seed)
    )
    frequency = pd.Series(nx.get_node_attributes(tree, "frequency"), dtype=float)
    scale = np.sqrt(frequency / frequency.max())
    span = np.ptp(np.array(list(pos.values())), axis=0).max() or 1.0
    for node in tree.nodes:
        k = tree.nodes[node].get("community") or 1
        ax.add_patch(
            Circle(
                pos[node],
                radius=0.06 * span * (0.5 + scale[node]),
                color=_color(k),
                alpha=0.18,
                lw=0,
            )
        )
    weights = np.array([d.get("weight", 1.0) for _, _, d in tree.edges(data=True)])
    widths = 0.6 + 3.0 * (
        weights / weights.max() if len(weights) and weights.max() > 0 else weights
    )
    for (u, v), width in zip(tree.edges(), widths, strict=True):
        ax.plot([pos[u][0], pos[v][0]], [pos[u][1], pos[v][1]], color="#9e9e9e", lw=width, zorder=1)
    names = sorted(tree.nodes, key=lambda n: (-frequency[n], str(n)))
    ax.scatter(
        [pos[n][0] for n in names], [pos[n][1] for n in names], s=[10 + 60 * scale[n] for n in names],
        c=[_color(tree.nodes[n].get("community") or 1) for n in names], zorder=2,
    )  # fmt: skip
    label_points(
        ax, [pos[n] for n in names], [str(n) for n in names],
        colors=[_color(tree.nodes[n].get("community") or 1) for n in names],
        fontsize=[7 + 7 * scale[n] for n in names],
    )  # fmt: skip
    xy = np.array(list(pos.values()))
    pad = 0.12 * span
    ax.set_xlim(xy[:, 0].min() - pad, xy[:, 0].max() + pad)
    ax.set_ylim(xy[:, 1].min() - pad, xy[:, 1].max() + pad)
    ax.set_aspect("equal")
    index_names = {
        "cooccurrence": "cooccurrences",
        "jaccard": "indice de Jaccard",
        "cosine": "cosinus",
    }
    ax.set_title(title or f"Analyse de similitude ({index_names.get(result.index, result.index)})")
    fig.tight_layout()
    separate_labels(ax)
    return fig


def specificity_figure(
    specific: pd.DataFrame,
    *,
    part_labels: Mapping[str, str] | None = None,
    top: int = 10,
    columns: int = 3,
    title: str | None = None,
) -> Figure:
    """The most specific forms of each part (:func:`research.lexicometry.specific_forms`), as bars."""
    parts: Sequence[Any] = list(dict.fromkeys(specific["part"]))
    if not parts:
        raise InputError("no specific form to draw", hint="lower the threshold of specific_forms")
    ncols = min(columns, len(parts))
    nrows = -(-len(parts) // ncols)
    fig = Figure(figsize=(4.2 * ncols, 0.32 * top * nrows + 1.2 * nrows))
    axes = np.atleast_1d(fig.subplots(nrows, ncols, squeeze=False)).ravel()
    for k, (ax, part) in enumerate(zip(axes, parts, strict=False), 1):
        rows = specific[specific["part"] == part].head(top)[::-1]
        ax.barh(rows["form"].astype(str), rows["specificity"], color=_color(k))
        ax.set_title(_label(part_labels, part), fontsize=10)
        ax.tick_params(axis="y", labelsize=8)
        ax.set_xlabel("spécificité", fontsize=8)
    for ax in axes[len(parts) :]:
        ax.set_axis_off()
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig
