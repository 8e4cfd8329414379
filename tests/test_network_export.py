"""Tests of research.network: every exported file is read back."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from lxml import etree

from research.errors import ExportError
from research.network import (
    CATEGORY_COLORS,
    GEXF_NAMESPACE,
    edge_table,
    edition_graphs,
    network_graph,
    node_measures,
    node_table,
    stable_layout,
    two_mode_graph,
    write_csv,
    write_gexf,
    write_graphml,
    write_pajek,
)

DATA = Path(__file__).resolve().parent / "data" / "network"
TABLES = ("editions", "workshops", "participations", "projects", "actors")
NS = {"g": GEXF_NAMESPACE, "viz": f"{GEXF_NAMESPACE}/viz"}
DATES = ["2016-11-17", "2017-11-23", "2019-11-21"]


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    return {name: pd.read_csv(DATA / f"{name}.csv") for name in TABLES}


def _parse(path: Path) -> etree._ElementTree:
    return etree.parse(str(path))


def _spells(tree: etree._ElementTree, kind: str, xpath_id: str) -> list[dict[str, str]]:
    found = tree.xpath(f"//g:{kind}[{xpath_id}]/g:spells/g:spell", namespaces=NS)
    return [dict(s.attrib) for s in found]


# --------------------------------------------------------------------------- GEXF


def test_gexf_header_and_counts(tables, tmp_path):
    graphs = edition_graphs(tables, kind="two_mode")
    tree = _parse(write_gexf(graphs, tmp_path / "g.gexf"))
    root = tree.getroot()
    assert root.tag == f"{{{GEXF_NAMESPACE}}}gexf" and root.get("version") == "1.3"
    graph = root.find("g:graph", NS)
    assert dict(graph.attrib) == {
        "defaultedgetype": "undirected",
        "mode": "dynamic",
        "timeformat": "date",
        "timerepresentation": "timestamp",
    }
    union_nodes = set().union(*(set(G) for G in graphs.values()))
    nodes = root.findall(".//g:nodes/g:node", NS)
    assert len(nodes) == len(union_nodes) == int(root.find(".//g:nodes", NS).get("count"))
    edges = root.findall(".//g:edges/g:edge", NS)
    assert len(edges) == sum(G.number_of_edges() for G in graphs.values())
    assert len({e.get("id") for e in edges}) == len(edges)
    assert {e.get("source") for e in edges} | {e.get("target") for e in edges} <= union_nodes


def test_gexf_spells_are_the_editions_dates(tables, tmp_path):
    graphs = edition_graphs(tables, kind="two_mode")
    tree = _parse(write_gexf(graphs, tmp_path / "g.gexf"))
    assert _spells(tree, "node", "@id='P16'") == [{"timestamp": d} for d in DATES]
    assert _spells(tree, "node", "@id='P18'") == [{"timestamp": d} for d in DATES[1:]]
    assert _spells(tree, "node", "@id='W16-07'") == [{"timestamp": DATES[0]}]
    edge = "@source='P11' and @target='W17-02' or @source='W17-02' and @target='P11'"
    assert _spells(tree, "edge", edge) == [{"timestamp": DATES[1]}]


def test_gexf_intervals_run_to_the_next_edition(tables, tmp_path):
    graphs = edition_graphs(tables, kind="two_mode")
    tree = _parse(write_gexf(graphs, tmp_path / "g.gexf", timerepresentation="interval"))
    assert tree.getroot().find("g:graph", NS).get("timerepresentation") == "interval"
    # the last edition lasts the median gap between editions: (371 + 728) / 2 → 549 days
    assert _spells(tree, "node", "@id='P16'") == [
        {"start": "2016-11-17", "end": "2017-11-22"},
        {"start": "2017-11-23", "end": "2019-11-20"},
        {"start": "2019-11-21", "end": "2021-05-22"},
    ]


def test_gexf_interval_of_the_last_edition_lasts_the_usual_gap(tmp_path):
    e1, e2, e3 = nx.Graph([("a", "b")]), nx.Graph([("a", "c")]), nx.Graph([("a", "d")])
    for G, day in zip((e1, e2, e3), ("2016-01-01", "2016-01-11", "2016-01-21"), strict=True):
        G.graph["date"] = day
    tree = _parse(
        write_gexf(
            {"E1": e1, "E2": e2, "E3": e3}, tmp_path / "g.gexf", timerepresentation="interval"
        )
    )
    assert _spells(tree, "node", "@id='a'") == [
        {"start": "2016-01-01", "end": "2016-01-10"},
        {"start": "2016-01-11", "end": "2016-01-20"},
        {"start": "2016-01-21", "end": "2016-01-30"},
    ]


def test_gexf_without_dates_uses_integer_times(tmp_path):
    graphs = {"E1": nx.Graph([("a", "b")]), "E2": nx.Graph([("a", "c")])}
    tree = _parse(write_gexf(graphs, tmp_path / "g.gexf"))
    assert tree.getroot().find("g:graph", NS).get("timeformat") == "integer"
    assert _spells(tree, "node", "@id='a'") == [{"timestamp": "1"}, {"timestamp": "2"}]


def test_gexf_attributes_and_dynamic_measures(tables, tmp_path):
    graphs = edition_graphs(tables, kind="actors")
    measures = node_measures(graphs)
    tree = _parse(write_gexf(graphs, tmp_path / "g.gexf", measures=measures))
    declared = {
        a.get("id"): a.get("type")
        for a in tree.findall(".//g:attributes[@class='node']/g:attribute", NS)
    }
    assert declared["category"] == "string" and declared["m_betweenness"] == "double"
    node = tree.find(".//g:node[@id='P16']", NS)
    assert node.get("label") == "Monique Vuillet"
    values = node.findall("g:attvalues/g:attvalue", NS)
    static = {v.get("for"): v.get("value") for v in values if "timestamp" not in v.attrib}
    assert static["category"] == "citizen"
    assert static["editions"] == "SUT2016;SUT2017;SUT2019"
    betweenness = {
        v.get("timestamp"): float(v.get("value")) for v in values if v.get("for") == "m_betweenness"
    }
    assert betweenness[DATES[0]] == pytest.approx(12 / 21)
    assert set(betweenness) == set(DATES)


def test_gexf_dynamic_weights(tables, tmp_path):
    graphs = edition_graphs(tables, kind="actors")
    tree = _parse(write_gexf(graphs, tmp_path / "g.gexf"))
    edges = tree.findall(".//g:edge", NS)
    pair = next(e for e in edges if {e.get("source"), e.get("target")} == {"P02", "P07"})
    weights = [
        (v.get("timestamp"), v.get("value"))
        for v in pair.findall("g:attvalues/g:attvalue[@for='weight']", NS)
    ]
    assert weights == [(DATES[0], "1.0"), (DATES[1], "1.0")]
    assert [s.get("timestamp") for s in pair.findall("g:spells/g:spell", NS)] == DATES[:2]
    edge_attrs = tree.findall(".//g:attributes[@class='edge']/g:attribute", NS)
    assert any(a.get("title") == "weight" for a in edge_attrs)


def test_gexf_of_the_actor_network_keeps_relations_as_edge_kinds(tables, tmp_path):
    graphs = edition_graphs(tables, kind="actor_network", evening="A06")
    tree = _parse(write_gexf(graphs, tmp_path / "g.gexf"))
    assert tree.getroot().find("g:graph", NS).get("defaultedgetype") == "directed"
    kinds = {e.get("kind") for e in tree.findall(".//g:edge", NS)}
    assert {"participates_in", "belongs_to", "carries", "mobilises", "supports"} <= kinds
    carries = tree.find(".//g:edge[@source='P10'][@target='PR01']", NS)
    assert carries.get("kind") == "carries"


def test_gexf_viz_colours_and_positions(tables, tmp_path):
    graphs = edition_graphs(tables, kind="two_mode")
    pos = stable_layout(graphs)
    tree = _parse(write_gexf(graphs, tmp_path / "g.gexf", pos=pos))
    colour = tree.find(".//g:node[@id='P02']/viz:color", NS)
    expected = CATEGORY_COLORS["cluster_staff"]
    assert [int(colour.get(c)) for c in "rgb"] == [int(expected[i : i + 2], 16) for i in (1, 3, 5)]
    assert tree.find(".//g:node[@id='P02']/viz:position", NS) is not None


def test_a_single_graph_is_a_static_gexf(tables, tmp_path):
    tree = _parse(write_gexf(network_graph(tables, kind="actors"), tmp_path / "g.gexf"))
    graph = tree.getroot().find("g:graph", NS)
    assert graph.get("mode") == "static" and graph.get("timeformat") is None
    assert tree.find(".//g:spells", NS) is None


def test_gexf_is_reproducible(tables, tmp_path):
    graphs = edition_graphs(tables, kind="actor_network", evening="A06")
    measures, pos = node_measures(graphs), stable_layout(graphs)
    first = write_gexf(graphs, tmp_path / "a.gexf", measures=measures, pos=pos).read_bytes()
    again = edition_graphs(tables, kind="actor_network", evening="A06")
    second = write_gexf(again, tmp_path / "b.gexf", measures=node_measures(again), pos=pos)
    assert first == second.read_bytes()


def test_gexf_refuses_an_unknown_time_representation(tables, tmp_path):
    with pytest.raises(ExportError, match="time representation"):
        write_gexf(edition_graphs(tables), tmp_path / "g.gexf", timerepresentation="slices")


def test_writing_into_a_missing_folder_names_it(tables, tmp_path):
    target = tmp_path / "nowhere" / "g.gexf"
    with pytest.raises(ExportError, match="does not exist"):
        write_gexf(edition_graphs(tables), target)
    assert not target.parent.exists()


# --------------------------------------------------------------------------- GraphML


def test_graphml_round_trip(tables, tmp_path):
    G = network_graph(tables, kind="actors", weighting="newman")
    back = nx.read_graphml(write_graphml(G, tmp_path / "g.graphml"))
    assert set(back.nodes) == set(G.nodes)
    assert back.number_of_edges() == G.number_of_edges()
    assert back.nodes["P16"]["label"] == "Monique Vuillet"
    assert back.nodes["P16"]["editions"] == "SUT2016;SUT2017;SUT2019"
    assert back["P10"]["P19"]["newman"] == pytest.approx(0.25)
    assert back.graph["editions"] == "SUT2016;SUT2017;SUT2019"


def test_graphml_of_the_actor_network_keeps_parallel_relations(tables, tmp_path):
    G = network_graph(tables, kind="actor_network")
    back = nx.read_graphml(write_graphml(G, tmp_path / "g.graphml"), force_multigraph=True)
    assert back.is_directed()
    assert back.number_of_edges() == G.number_of_edges()
    relations = sorted(d["relation"] for _, _, d in back.edges(data=True))
    assert relations == sorted(d["relation"] for _, _, d in G.edges(data=True))


# --------------------------------------------------------------------------- Pajek


def _read_pajek(path: Path) -> dict:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split()
    count = int(header[1])
    vertices = {}
    for line in lines[1 : 1 + count]:
        number, rest = line.split(" ", 1)
        vertices[int(number)] = rest.split('"')[1]
    section = lines[1 + count]
    edges = [tuple(line.split()) for line in lines[2 + count :]]
    return {"header": header, "vertices": vertices, "section": section, "edges": edges}


def test_pajek_two_mode_header_puts_actors_first(tables, tmp_path):
    B = two_mode_graph(tables)
    net = _read_pajek(write_pajek(B, tmp_path / "g.net"))
    actors = sum(1 for _, d in B.nodes(data=True) if d["bipartite"] == 0)
    assert net["header"] == ["*Vertices", str(B.number_of_nodes()), str(actors)]
    first_mode = [net["vertices"][i] for i in range(1, actors + 1)]
    assert all(B.nodes[v]["bipartite"] == 0 for v in first_mode)
    assert net["section"] == "*Edges" and len(net["edges"]) == B.number_of_edges()
    assert all(int(i) <= actors < int(j) for i, j, _ in net["edges"])


def test_pajek_one_mode_with_weights_and_labels(tables, tmp_path):
    P = edition_graphs(tables, kind="actors", weighting="newman")["SUT2016"]
    net = _read_pajek(write_pajek(P, tmp_path / "g.net", label="label"))
    assert net["header"] == ["*Vertices", "8"]
    assert "Monique Vuillet" in net["vertices"].values()
    number = {name: i for i, name in net["vertices"].items()}
    a, b = sorted((number["Élodie Fournier"], number["Jean-Paul Midol"]))
    assert (str(a), str(b), "0.25") in net["edges"]


def test_pajek_read_back_by_networkx(tables, tmp_path):
    P = edition_graphs(tables, kind="actors")["SUT2017"]
    back = nx.read_pajek(write_pajek(P, tmp_path / "g.net"))
    assert set(back.nodes) == set(P.nodes)
    assert back.number_of_edges() == P.number_of_edges()


def test_pajek_directed_graphs_use_arcs_and_positions(tmp_path):
    D = nx.DiGraph([("b", "a"), ("a", "c")])
    net = write_pajek(D, tmp_path / "d.net", pos={"a": (0, 0), "b": (1, 1), "c": (2, 0)})
    text = net.read_text(encoding="utf-8").splitlines()
    assert text[0] == "*Vertices 3" and text[4] == "*Arcs"
    assert text[5:] == ["1 2 1", "2 3 1"]  # b → a, a → c: direction kept
    assert text[1].startswith('1 "b" ') and len(text[1].split()) == 5


def test_pajek_positions_must_cover_every_node(tmp_path):
    with pytest.raises(ExportError, match="no position"):
        write_pajek(nx.path_graph(3), tmp_path / "g.net", pos={0: (0, 0)})


def test_pajek_label_quotes_are_neutralised(tmp_path):
    G = nx.Graph()
    G.add_node("x", label='Le "grand" soir')
    text = write_pajek(G, tmp_path / "g.net", label="label").read_text(encoding="utf-8")
    assert "1 \"Le 'grand' soir\"" in text


# --------------------------------------------------------------------------- CSV


def test_csv_round_trip(tables, tmp_path):
    G = network_graph(tables, kind="actor_network", evening="A06")
    nodes_path, edges_path = write_csv(G, tmp_path / "nodes.csv", tmp_path / "edges.csv")
    nodes = pd.read_csv(nodes_path)
    edges = pd.read_csv(edges_path)
    assert nodes["id"].tolist() == list(G.nodes)
    assert nodes.columns[:4].tolist() == ["id", "label", "kind", "category"]
    assert nodes.set_index("id").loc["P16", "editions"] == "SUT2016;SUT2017;SUT2019"
    assert len(edges) == G.number_of_edges()
    assert edges.columns[:3].tolist() == ["source", "target", "key"]
    row = edges[(edges["source"] == "P10") & (edges["target"] == "PR01")].iloc[0]
    assert row["relation"] == "carries" and row["key"] == "carries"
    assert nodes_path.read_bytes() == node_table(G).to_csv(index=False).encode("utf-8")


def test_tables_of_a_simple_graph():
    G = nx.Graph()
    G.add_edge("a", "b", weight=2.0, edition=None)
    assert edge_table(G).columns.tolist() == ["source", "target", "weight", "edition"]
    assert node_table(G)["id"].tolist() == ["a", "b"]


def test_every_writer_is_reproducible(tables, tmp_path):
    G = network_graph(tables, kind="actor_network", evening="A06")
    pos = stable_layout(G)
    for name in ("a", "b"):
        H = network_graph(tables, kind="actor_network", evening="A06")
        write_graphml(H, tmp_path / f"{name}.graphml")
        write_pajek(H, tmp_path / f"{name}.net", pos=pos)
        write_csv(H, tmp_path / f"{name}_nodes.csv", tmp_path / f"{name}_edges.csv")
    for suffix in (".graphml", ".net", "_nodes.csv", "_edges.csv"):
        assert (tmp_path / f"a{suffix}").read_bytes() == (tmp_path / f"b{suffix}").read_bytes()


def test_missing_values_are_left_out(tmp_path):
    G = nx.Graph()
    G.add_node("a", label=None, jobs=pd.NA, share=float("nan"), stage="idea")
    G.add_node("b", label="B")
    G.add_edge("a", "b", weight=1.0)
    back = nx.read_graphml(write_graphml(G, tmp_path / "g.graphml"))
    assert back.nodes["a"] == {"stage": "idea"}
    tree = _parse(write_gexf(G, tmp_path / "g.gexf"))
    node = tree.find(".//g:node[@id='a']", NS)
    assert node.get("label") == "a"
    assert [v.get("for") for v in node.findall("g:attvalues/g:attvalue", NS)] == ["stage"]
    assert node_table(G).set_index("id").loc["a", "jobs"] is None
