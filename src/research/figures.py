"""What every figure of the analyses shares: labels of points that never overlap.

Network graphs, correspondence-analysis maps and similitude graphs all name
points with short French labels. A label is a matplotlib annotation of its
point marked with :data:`LABEL_GID`; :func:`separate_labels` then moves the
labels of an axes so that no two boxes overlap, giving a thin leader line to a
label moved away from its point. :func:`label_points` draws such labels.

Examples
--------
>>> from matplotlib.figure import Figure
>>> fig = Figure(figsize=(3, 3))
>>> ax = fig.add_subplot()
>>> texts = label_points(ax, [(0, 0), (0, 0), (0, 0)], ["coopérative", "projet", "village"])
>>> separate_labels(ax)
>>> renderer = figure_renderer(fig)
>>> boxes = [label_box(t, renderer) for t in texts]
>>> any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
False
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure

__all__ = ["LABEL_GID", "figure_renderer", "label_box", "label_points", "separate_labels"]

#: The id (``gid``) of the annotations :func:`separate_labels` moves.
LABEL_GID = "research-node-label"
# Where a label may sit around its point, tried in order: unit directions, then rings.
_DIRECTIONS = [(1, 1), (-1, 1), (1, -1), (-1, -1), (1, 0), (-1, 0), (0, 1), (0, -1)]
_RINGS = (4.0, 12.0, 22.0, 34.0, 48.0, 64.0)


def label_points(
    ax: Axes,
    xy: Sequence[Sequence[float]],
    labels: Sequence[str],
    *,
    colors: Sequence[str] | str = "#212121",
    fontsize: float | Sequence[float] = 8.0,
    **text_options: Any,
) -> list[Any]:
    """Label the points ``xy`` of ``ax`` with ``labels``, for :func:`separate_labels`.

    Returns the annotations, in the order given (the order in which they will be
    placed: put the most important first).
    """
    count = len(labels)
    colours = [colors] * count if isinstance(colors, str) else list(colors)
    sizes = [fontsize] * count if isinstance(fontsize, int | float) else list(fontsize)
    texts = []
    for (x, y), text, colour, size in zip(xy, labels, colours, sizes, strict=True):
        texts.append(
            ax.annotate(
                str(text),
                (float(x), float(y)),
                xytext=(4, 4),
                textcoords="offset points",
                ha="left",
                va="bottom",
                fontsize=size,
                color=colour,
                zorder=3,
                gid=LABEL_GID,
                arrowprops={
                    "arrowstyle": "-",
                    "color": "#757575",
                    "lw": 0.5,
                    "shrinkA": 0,
                    "shrinkB": 2,
                },
                **text_options,
            )
        )
    return texts


def _labels(ax: Axes) -> list[Any]:
    return [t for t in ax.texts if t.get_gid() == LABEL_GID]


def separate_labels(ax: Axes) -> None:
    """Move the point labels of ``ax`` so that no two label boxes overlap.

    Labels are placed in the order they were drawn (the most important first):
    each takes the first spot around its point, nearest first (the eight
    directions, on rings 4 to 64 points away), whose box meets none of the boxes
    already placed; a label moved off its first ring gets a thin leader line to
    its point. Boxes are measured with the figure's renderer, so call this again
    after changing the figure's size or the axes' position.
    """
    texts = _labels(ax)
    if not texts:
        return
    fig = ax.figure
    renderer = figure_renderer(fig)
    points = 72.0 / fig.dpi
    pad = 1.5
    placed: list[Any] = []
    for text in texts:
        text.xyann = (0.0, 0.0)
        text.set_ha("center")
        text.set_va("center")
        box = label_box(text, renderer)
        half_w, half_h = box.width / 2 * points + pad, box.height / 2 * points + pad
        chosen = None
        for ring in _RINGS:
            for dx, dy in _DIRECTIONS:
                text.xyann = (dx * (half_w + ring), dy * (half_h + ring))
                candidate = label_box(text, renderer).padded(pad / points)
                if not any(candidate.overlaps(other) for other in placed):
                    chosen = ring
                    break
            if chosen is not None:
                break
        if text.arrow_patch is not None:  # a leader line only for labels moved away
            text.arrow_patch.set_visible(chosen is None or chosen > _RINGS[0])
        placed.append(label_box(text, renderer).padded(pad / points))


def figure_renderer(fig: Figure) -> Any:
    """The renderer that measures the texts of ``fig`` (Agg when it has none)."""
    canvas = fig.canvas
    if hasattr(canvas, "get_renderer"):
        return canvas.get_renderer()
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    return FigureCanvasAgg(fig).get_renderer()


def label_box(text: Any, renderer: Any) -> Any:
    """The box of a label's text (without its leader line), in display units."""
    from matplotlib.text import Text

    text.update_positions(renderer)
    return Text.get_window_extent(text, renderer)
