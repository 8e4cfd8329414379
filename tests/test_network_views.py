"""Tests of research.network: layouts, static figures, the offline HTML view."""

from __future__ import annotations

import json
import math
import re
import shutil
import subprocess
from pathlib import Path

import matplotlib
import networkx as nx
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from research.errors import InputError
from research.network import (
    CATEGORY_COLORS,
    category_colors,
    draw_network,
    edition_graphs,
    interactive_html,
    node_measures,
    small_multiples,
    stable_layout,
)

DATA = Path(__file__).resolve().parent / "data" / "network"
TABLES = ("editions", "workshops", "participations", "projects", "actors")


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    return {name: pd.read_csv(DATA / f"{name}.csv") for name in TABLES}


@pytest.fixture
def graphs(tables) -> dict[str, nx.Graph]:
    return edition_graphs(tables, kind="actor_network", evening="A06")


# --------------------------------------------------------------------------- layout


def test_layout_is_shared_and_reproducible(graphs):
    pos = stable_layout(graphs)
    assert set(pos) == set().union(*(set(G) for G in graphs.values()))
    assert pos == stable_layout(graphs)
    assert pos == stable_layout(dict(reversed(list(graphs.items()))))
    assert all(-1.0 <= c <= 1.0 for xy in pos.values() for c in xy)


def test_leaves_sit_next_to_the_node_they_hang_on():
    G = nx.Graph([("W1", "W2"), ("W2", "W3"), ("W3", "W1")])
    G.add_edges_from(("W1", f"p{i}") for i in range(6))
    pos = stable_layout(G)
    hub = pos["W1"]
    near = max(math.dist(hub, pos[f"p{i}"]) for i in range(6))
    assert near < min(math.dist(hub, pos["W2"]), math.dist(hub, pos["W3"]))
    assert len({pos[f"p{i}"] for i in range(6)}) == 6
    unfolded = stable_layout(G, fold_leaves=False)
    assert set(unfolded) == set(pos) and unfolded != pos


def test_layout_seed_changes_the_picture(graphs):
    assert stable_layout(graphs, seed=1) != stable_layout(graphs, seed=2)


@pytest.mark.parametrize("method", ["kamada_kawai", "spectral", "circular"])
def test_other_layouts(graphs, method):
    pos = stable_layout(graphs, method=method)
    assert len(pos) == len(stable_layout(graphs))


def test_unknown_layout_is_refused(graphs):
    with pytest.raises(InputError, match="layout"):
        stable_layout(graphs, method="hairball")


def test_no_graph_is_refused():
    with pytest.raises(InputError, match="no graph"):
        stable_layout({})


# --------------------------------------------------------------------------- colours


def test_known_categories_keep_their_colour_and_others_get_distinct_ones():
    colours = category_colors(["citizen", "zeta", "alpha", "cluster"])
    assert colours["citizen"] == CATEGORY_COLORS["citizen"]
    assert colours["cluster"] == CATEGORY_COLORS["cluster"]
    assert colours["alpha"] != colours["zeta"]
    assert list(colours) == ["citizen", "zeta", "alpha", "cluster"]
    assert category_colors(["zeta", "alpha"]) == {
        "zeta": colours["zeta"],
        "alpha": colours["alpha"],
    }


def test_every_category_of_the_formats_has_a_colour():
    from research.editions import ACTOR_CATEGORIES

    for categories in ACTOR_CATEGORIES.values():
        assert set(categories) <= set(CATEGORY_COLORS)


# --------------------------------------------------------------------------- static figures


def _points(fig: Figure) -> dict[str, list[str]]:
    """Face colours of the scattered markers, by collection."""
    out = []
    for collection in fig.axes[0].collections:
        faces = collection.get_facecolors()
        out += [to_hex(c) for c in faces]
    return out


def test_draw_network_colours_by_category_and_labels_the_top(graphs):
    G = graphs["SUT2016"]
    measures = node_measures(G)
    fig = draw_network(G, measures=measures, size_by="betweenness", top_labels=3)
    assert isinstance(fig, Figure)
    labels = [t.get_text() for t in fig.axes[0].texts]
    top = measures.sort_values("betweenness", ascending=False).head(3)["label"].tolist()
    assert labels == top
    colours = set(_points(fig))
    assert CATEGORY_COLORS["cluster_staff"] in colours
    assert CATEGORY_COLORS["workshop"] in colours
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "équipe du pôle" in legend and "ateliers" in legend  # French, for readers


def test_draw_network_without_labels_or_legend(graphs):
    fig = draw_network(graphs["SUT2017"], top_labels=0, legend=False, title="SUT2017")
    assert list(fig.axes[0].texts) == [] and fig.axes[0].get_legend() is None
    assert fig.axes[0].get_title() == "SUT2017"


def test_draw_network_sizes_follow_the_measure():
    G = nx.star_graph(["hub", "a", "b", "c"])
    fig = draw_network(G, size_by="degree", top_labels=0, legend=False)
    sizes = fig.axes[0].collections[-1].get_sizes()
    assert sizes.max() > sizes.min()


def test_draw_network_needs_every_position(graphs):
    with pytest.raises(InputError, match="no position"):
        draw_network(graphs["SUT2016"], {"P01": (0.0, 0.0)})


def test_unknown_size_measure_is_refused(graphs):
    with pytest.raises(InputError, match="size measure"):
        draw_network(graphs["SUT2016"], size_by="charisma")


def test_the_same_actor_sits_in_the_same_place_in_every_panel(graphs):
    pos = stable_layout(graphs)
    fig = small_multiples(graphs, pos, top_labels=0)
    panels = [ax for ax in fig.axes if ax.get_title()]
    assert [ax.get_title() for ax in panels] == [
        "SUT2016 (2016-11-17)",
        "SUT2017 (2017-11-23)",
        "SUT2019 (2019-11-21)",
    ]
    limits = {(ax.get_xlim(), ax.get_ylim()) for ax in panels}
    assert len(limits) == 1  # one frame for all: ghosts included
    first = {tuple(p) for c in panels[0].collections[1:] for p in c.get_offsets()}
    assert pos["P02"] in first


def test_small_multiples_layout_grid_and_legend(graphs, tables):
    measures = node_measures(graphs)
    fig = small_multiples(graphs, measures=measures, size_by="eigenvector", ncols=2, title="Réseau")
    assert len(fig.axes) == 4  # 2 × 2 grid, the last one empty
    assert not fig.axes[3].axison
    assert fig.legends and fig._suptitle.get_text() == "Réseau"


def test_figures_are_reproducible(graphs, tmp_path):
    paths = []
    for name in ("a", "b"):
        fig = small_multiples(graphs, stable_layout(graphs), top_labels=2)
        path = tmp_path / f"{name}.svg"
        with matplotlib.rc_context({"svg.hashsalt": "network"}):  # fixed SVG ids
            fig.savefig(path, metadata={"Date": None})
        paths.append(path)
    assert paths[0].read_bytes() == paths[1].read_bytes()


# --------------------------------------------------------------------------- interactive view


def _data(page: str) -> dict:
    raw = re.search(r'<script type="application/json" id="network-data">(.*?)</script>', page, re.S)
    return json.loads(raw.group(1))


def test_interactive_page_is_self_contained(graphs):
    page = interactive_html(graphs, measures=node_measures(graphs), title="Pôle Coop' & réseau")
    assert "http" not in page and "//" not in page.replace("://", "")
    assert not re.search(r"<(script|link|img|iframe)[^>]*(src|href)=", page)
    assert "@import" not in page and "url(" not in page
    assert "<title>Pôle Coop&#39; &amp; réseau</title>" in page
    assert "<svg" in page and "<select" in page


def test_interactive_page_data(graphs):
    measures = node_measures(graphs)
    pos = stable_layout(graphs)
    data = _data(interactive_html(graphs, pos, measures=measures, size_by="betweenness"))
    assert data["editions"] == ["SUT2016", "SUT2017", "SUT2019"]
    assert data["titles"][0] == "SUT2016 (2016-11-17)"
    ids = [n["id"] for n in data["nodes"]]
    assert ids == sorted(ids)
    assert data["colors"]["cluster_staff"] == CATEGORY_COLORS["cluster_staff"]
    view = data["views"]["SUT2016"]
    assert len(view["nodes"]) == graphs["SUT2016"].number_of_nodes()
    assert len(view["edges"]) == nx.Graph(graphs["SUT2016"].to_undirected()).number_of_edges()
    assert "betweenness" in view["measures"]
    index = ids.index("W16-03")
    row = next(r for r in view["nodes"] if r[0] == index)
    value = row[3 + view["measures"].index("betweenness")]
    assert value == pytest.approx(measures.loc[("SUT2016", "W16-03"), "betweenness"], abs=1e-4)
    # same place in every edition: the coordinates live once, per node
    assert {"x", "y"} <= set(data["nodes"][index])


def test_interactive_page_names_groups_in_french(graphs):
    data = _data(interactive_html(graphs))
    assert data["group_labels"]["cluster_staff"] == "équipe du pôle"
    assert data["group_labels"]["citizen"] == "citoyens"
    assert set(data["group_labels"]) == set(data["colors"])
    page = interactive_html(graphs)
    assert "esc(data.group_labels[g] || g)" in page  # the legend shows the labels


def test_interactive_page_escapes_labels(tables):
    odd = {k: v.copy() for k, v in tables.items()}
    odd["actors"].loc[odd["actors"]["actor_id"] == "P16", "label"] = "</script><b>x</b> & co"
    graphs = edition_graphs(odd, kind="two_mode")
    page = interactive_html(graphs)
    assert "</script><b>" not in page
    assert _data(page)["nodes"][[n["id"] for n in _data(page)["nodes"]].index("P16")]["label"] == (
        "</script><b>x</b> & co"
    )


def test_interactive_page_is_reproducible(graphs):
    measures = node_measures(graphs)
    assert interactive_html(graphs, measures=measures) == interactive_html(
        graphs, measures=measures
    )


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_interactive_page_script_runs(graphs, tmp_path):
    page_path = tmp_path / "page.html"
    page_path.write_text(interactive_html(graphs, measures=node_measures(graphs)), encoding="utf-8")
    harness = Path(__file__).resolve().parent / "data" / "network" / "run_page.js"
    result = subprocess.run(
        ["node", str(harness), str(page_path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["options"] == ["SUT2016", "SUT2017", "SUT2019"]
    assert out["summary"].startswith(f"{graphs['SUT2016'].number_of_nodes()} nœuds")
    assert out["last"].startswith(f"{graphs['SUT2019'].number_of_nodes()} nœuds")
    assert out["drawn"] > 0 and out["legend"] > 5
    assert "équipe du pôle" in out["legendText"] and "cluster_staff" not in out["legendText"]
    assert out["tipShown"] == "block" and out["tipHidden"] == "none"
    assert "degree" in out["tip"]


# --------------------------------------------------------------------------- labels


def _overlapping_label_pairs(fig: Figure) -> int:
    import itertools

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    renderer = FigureCanvasAgg(fig).get_renderer()
    pairs = 0
    for ax in fig.axes:
        boxes = []
        for text in ax.texts:
            text.update_positions(renderer)
            boxes.append(Text.get_window_extent(text, renderer))
        pairs += sum(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))
    return pairs


@pytest.mark.parametrize("top", [5, 10])
def test_labels_of_the_top_nodes_do_not_overlap_on_the_demo_graph(top):
    import research

    project = research.open_project(Path(__file__).resolve().parents[1])
    graphs = edition_graphs(project.tables, kind="actors")
    pos = stable_layout(graphs, seed=0, iterations=50)
    fig = small_multiples(graphs, pos, top_labels=top)
    assert sum(len(ax.texts) for ax in fig.axes) >= top * len(graphs) - 1
    assert _overlapping_label_pairs(fig) == 0


def test_crowded_labels_are_moved_apart_with_a_leader_line():
    G = nx.Graph([(f"noeud {i}", "centre") for i in range(12)])
    pos = {v: (0.0, 0.0) for v in G.nodes} | {"centre": (1.0, 1.0)}  # the leaves on one spot
    fig = draw_network(G, pos, top_labels=13, legend=False)
    assert len(fig.axes[0].texts) == 13
    assert _overlapping_label_pairs(fig) == 0
    leaders = [t.arrow_patch.get_visible() for t in fig.axes[0].texts]
    assert not leaders[0] and any(leaders)
