"""Tests of research.network: graphs built from the edition tables."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from research.errors import InputError, SchemaError
from research.network import (
    RELATIONS,
    actor_network,
    actor_projection,
    add_edges,
    as_list,
    comention_edges,
    edition_dates,
    edition_graphs,
    edition_order,
    incidence_matrix,
    network_graph,
    simple_graph,
    two_mode_graph,
    workshop_projection,
)

DATA = Path(__file__).resolve().parent / "data" / "network"
TABLES = ("editions", "workshops", "participations", "projects", "actors")


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    """The tiny demo tables: three editions, five workshops, three projects."""
    return {name: pd.read_csv(DATA / f"{name}.csv") for name in TABLES}


def _copy(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {name: frame.copy() for name, frame in tables.items()}


# --------------------------------------------------------------------------- tables


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("A01;A02", ["A01", "A02"]),
        (" A01 ; ", ["A01"]),
        (["A01", "A02"], ["A01", "A02"]),
        (("A01",), ["A01"]),
        ([], []),
        ("", []),
        (None, []),
        (np.nan, []),
        (pd.NA, []),
        (["A01", None, np.nan, " "], ["A01"]),
    ],
)
def test_as_list_accepts_lists_and_separated_strings(cell, expected):
    assert as_list(cell) == expected


def test_edition_order_and_dates_follow_the_calendar_not_the_rows(tables):
    shuffled = tables["editions"].iloc[[2, 0, 1]].reset_index(drop=True)
    assert edition_order({"editions": shuffled}) == ["SUT2016", "SUT2017", "SUT2019"]
    assert edition_dates({"editions": shuffled}) == {
        "SUT2019": "2019-11-21",
        "SUT2016": "2016-11-17",
        "SUT2017": "2017-11-23",
    }


def test_edition_order_without_an_editions_table_uses_the_workshops(tables):
    assert edition_order({"workshops": tables["workshops"]}) == ["SUT2016", "SUT2017", "SUT2019"]


def test_tables_can_be_attributes_of_an_object(tables):
    class Holder:
        pass

    holder = Holder()
    for name, frame in tables.items():
        setattr(holder, name, frame)
    assert sorted(two_mode_graph(holder).edges()) == sorted(two_mode_graph(tables).edges())


def test_an_actor_registry_object_with_a_frame_is_accepted(tables):
    class Registry:
        frame = tables["actors"]

    with_object = {**tables, "actors": Registry()}
    G = two_mode_graph(with_object)
    assert G.nodes["P16"]["label"] == "Monique Vuillet"


# --------------------------------------------------------------------------- two-mode


def test_two_mode_graph_of_one_edition(tables):
    G = two_mode_graph(tables, editions=["SUT2016"])
    assert G.graph == {
        "graph_type": "two_mode",
        "edition": "SUT2016",
        "editions": ["SUT2016"],
        "date": "2016-11-17",
    }
    workshops = sorted(v for v, d in G.nodes(data=True) if d["bipartite"] == 1)
    actors = sorted(v for v, d in G.nodes(data=True) if d["bipartite"] == 0)
    assert workshops == ["W16-03", "W16-07"]
    assert actors == ["P01", "P02", "P07", "P08", "P10", "P11", "P16", "P19"]
    assert G.number_of_edges() == 9
    assert G["P10"]["W16-03"] == {"role": "holder", "edition": "SUT2016", "weight": 1}
    assert G.nodes["P16"]["editions"] == ["SUT2016"]
    assert G.nodes["W16-07"]["type"] == "problem_no_holder"
    assert G.nodes["W16-07"]["label"] == "Se déplacer sans voiture dans les villages"
    assert G.nodes["P11"]["category"] == "project_holder"
    assert nx.is_bipartite(G)


def test_two_mode_graph_of_every_edition_records_where_each_actor_came(tables):
    G = two_mode_graph(tables)
    assert G.graph["edition"] is None
    assert G.graph["editions"] == ["SUT2016", "SUT2017", "SUT2019"]
    assert G.nodes["P16"]["editions"] == ["SUT2016", "SUT2017", "SUT2019"]
    assert G.nodes["P18"]["editions"] == ["SUT2017", "SUT2019"]
    assert G.number_of_edges() == len(tables["participations"])


def test_nodes_are_inserted_in_sorted_order_whatever_the_row_order(tables):
    shuffled = _copy(tables)
    shuffled["participations"] = tables["participations"].sample(frac=1, random_state=3)
    shuffled["workshops"] = tables["workshops"].sample(frac=1, random_state=4)
    assert list(two_mode_graph(shuffled).nodes) == list(two_mode_graph(tables).nodes)
    assert list(two_mode_graph(shuffled).edges) == list(two_mode_graph(tables).edges)


def test_holder_and_facilitator_columns_complete_the_participations(tables):
    fewer = _copy(tables)
    parts = fewer["participations"]
    fewer["participations"] = parts[
        ~((parts["actor_id"] == "P08") & (parts["workshop_id"] == "W16-07"))
    ]
    G = two_mode_graph(fewer)
    assert G["P08"]["W16-07"]["role"] == "facilitator"
    assert not two_mode_graph(fewer, workshop_roles=False).has_edge("P08", "W16-07")


def test_the_participation_role_wins_over_the_workshop_columns(tables):
    G = two_mode_graph(tables)
    assert G["P11"]["W17-02"]["role"] == "holder"
    assert G["P02"]["W17-02"]["role"] == "staff"


def test_semicolon_strings_and_lists_give_the_same_graph(tables):
    as_lists = _copy(tables)
    as_lists["workshops"]["tools"] = [as_list(v) for v in tables["workshops"]["tools"]]
    as_lists["projects"]["support"] = [as_list(v) for v in tables["projects"]["support"]]
    as_lists["projects"]["actants"] = [as_list(v) for v in tables["projects"]["actants"]]
    first, second = actor_network(tables), actor_network(as_lists)
    assert sorted(first.edges(keys=True)) == sorted(second.edges(keys=True))


def test_unknown_workshop_in_participations_names_the_row(tables):
    bad = _copy(tables)
    bad["participations"].loc[4, "workshop_id"] = "W99-01"
    with pytest.raises(SchemaError) as err:
        two_mode_graph(bad)
    assert err.value.row == 5
    assert err.value.column == "workshop_id"
    assert "W99-01" in str(err.value)
    assert "workshops.csv" in err.value.hint


def test_unknown_actor_names_the_table_row_and_column(tables):
    bad = _copy(tables)
    bad["participations"].loc[0, "actor_id"] = "P99"
    with pytest.raises(SchemaError) as err:
        two_mode_graph(bad)
    assert (err.value.row, err.value.column) == (1, "actor_id")
    assert "P99" in str(err.value) and "actors.csv" in err.value.hint


def test_a_file_path_in_the_frame_attributes_is_reported(tables):
    bad = _copy(tables)
    bad["participations"].loc[0, "actor_id"] = "P99"
    bad["participations"].attrs["path"] = "corpus/tables/participations.csv"
    with pytest.raises(SchemaError, match=r"corpus/tables/participations\.csv, row 1"):
        two_mode_graph(bad)


def test_missing_key_in_a_participation(tables):
    bad = _copy(tables)
    bad["participations"].loc[2, "actor_id"] = None
    with pytest.raises(SchemaError, match="lacks its actor_id"):
        two_mode_graph(bad)


def test_duplicate_workshop_is_refused(tables):
    bad = _copy(tables)
    bad["workshops"] = pd.concat([tables["workshops"], tables["workshops"].iloc[[0]]])
    with pytest.raises(SchemaError, match=r"W16-03.*twice"):
        two_mode_graph(bad)


@pytest.mark.parametrize("missing", ["workshops", "participations"])
def test_a_required_table_is_asked_for_by_name(tables, missing):
    partial = {k: v for k, v in tables.items() if k != missing}
    with pytest.raises(SchemaError, match=f"'{missing}' table is missing"):
        two_mode_graph(partial)


def test_a_table_without_its_key_column(tables):
    bad = _copy(tables)
    bad["workshops"] = bad["workshops"].rename(columns={"edition_id": "edition"})
    with pytest.raises(SchemaError, match="the workshops table has no column 'edition_id'"):
        two_mode_graph(bad)


def test_a_table_that_is_not_a_frame(tables):
    with pytest.raises(SchemaError, match="not a pandas DataFrame"):
        two_mode_graph({**tables, "workshops": [1, 2]})


def test_unknown_edition_lists_the_known_ones(tables):
    with pytest.raises(InputError, match="SUT2018") as err:
        two_mode_graph(tables, editions=["SUT2018"])
    assert "SUT2016" in err.value.hint


def test_without_registry_actors_are_of_unknown_category(tables):
    G = two_mode_graph({k: v for k, v in tables.items() if k != "actors"})
    assert G.nodes["P16"]["category"] == "unknown"
    assert G.nodes["P16"]["label"] == "P16"


def test_the_inputs_are_not_modified(tables):
    before = {name: frame.copy() for name, frame in tables.items()}
    edition_graphs(tables, kind="actor_network", evening="A06")
    edition_graphs(tables, kind="actors", cumulative=True)
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(frame, before[name])


# --------------------------------------------------------------------------- projections


def test_incidence_matrix_rows_and_columns(tables):
    B, actors, workshops = incidence_matrix(two_mode_graph(tables, editions=["SUT2016"]))
    assert workshops == ["W16-03", "W16-07"]
    assert B.shape == (8, 2)
    assert B[actors.index("P16")].toarray().tolist() == [[1.0, 1.0]]
    assert B.sum() == 9


def test_incidence_matrix_refuses_a_one_mode_graph():
    with pytest.raises(SchemaError, match="not a two-mode graph"):
        incidence_matrix(nx.path_graph(3))


def test_incidence_matrix_refuses_an_edge_inside_a_mode():
    G = nx.Graph([("a", "b")])
    nx.set_node_attributes(G, 0, "bipartite")
    with pytest.raises(SchemaError, match="same mode"):
        incidence_matrix(G)


def test_actor_projection_counts_and_newman_weights_by_hand(tables):
    # SUT2016: W16-03 has 5 participants, W16-07 has 4; only P16 is in both.
    P = actor_projection(two_mode_graph(tables, editions=["SUT2016"]), weighting="newman")
    assert P.number_of_nodes() == 8
    assert P.number_of_edges() == 10 + 6
    assert P["P10"]["P19"] == pytest.approx({"weight": 0.25, "count": 1.0, "newman": 0.25})
    assert P["P11"]["P01"]["newman"] == pytest.approx(1 / 3)
    assert not P.has_edge("P10", "P11")
    assert P.graph["graph_type"] == "actors" and P.graph["weighting"] == "newman"
    assert "bipartite" not in P.nodes["P16"]


def test_actor_projection_sums_over_shared_workshops():
    # a and b share W1 (3 people) and W2 (2 people): count 2, Newman 1/2 + 1/1.
    G = nx.Graph([("a", "W1"), ("b", "W1"), ("c", "W1"), ("a", "W2"), ("b", "W2"), ("d", "W3")])
    nx.set_node_attributes(G, {v: int(v.startswith("W")) for v in G}, "bipartite")
    P = actor_projection(G)
    assert P["a"]["b"]["weight"] == 2.0
    assert P["a"]["b"]["newman"] == pytest.approx(1.5)
    assert P["a"]["c"]["newman"] == pytest.approx(0.5)
    assert "d" in P and P.degree("d") == 0


def test_actor_projection_matches_networkx(tables):
    B = two_mode_graph(tables)
    actors = [v for v, d in B.nodes(data=True) if d["bipartite"] == 0]
    counts = nx.bipartite.weighted_projected_graph(B, actors)
    newman = nx.bipartite.collaboration_weighted_projected_graph(B, actors)
    P = actor_projection(B)
    assert sorted(map(sorted, P.edges())) == sorted(map(sorted, counts.edges()))
    for u, v, d in P.edges(data=True):
        assert d["count"] == counts[u][v]["weight"]
        assert d["newman"] == pytest.approx(newman[u][v]["weight"])


def test_unknown_weighting_is_refused(tables):
    with pytest.raises(InputError, match="weighting"):
        actor_projection(two_mode_graph(tables), weighting="jaccard")


def test_workshop_projection_counts_shared_participants(tables):
    P = workshop_projection(two_mode_graph(tables))
    # P16 is in W16-03, W16-07, W17-21 and W19-17; P18 in W17-21 and W19-17.
    assert P["W17-21"]["W19-17"]["weight"] == 2.0
    assert P["W16-03"]["W17-02"]["weight"] == 2.0  # P07 and P02
    assert P["W16-03"]["W16-07"]["weight"] == 1.0
    assert P.nodes["W17-21"]["theme"] == "reuse"
    assert P.number_of_nodes() == 5


# --------------------------------------------------------------------------- actor-network


def test_actor_network_relations_and_node_kinds(tables):
    G = actor_network(tables, evening="A06")
    assert isinstance(G, nx.MultiDiGraph)
    relations = {k for _, _, k in G.edges(keys=True)}
    assert relations == set(RELATIONS) - {"co_mentioned"}
    assert G.has_edge("P10", "PR01", key="carries")
    assert G.has_edge("W16-03", "A01", key="mobilises")
    assert G.has_edge("PR02", "A04", key="mobilises")
    assert G.has_edge("O09", "PR02", key="supports")
    assert G.has_edge("PR03", "W17-21", key="emerges_from")
    assert G.has_edge("W19-17", "A06", key="part_of")
    assert G.has_edge("P11", "W17-02", key="participates_in")
    assert G["P11"]["W17-02"]["participates_in"]["role"] == "holder"
    assert {G.nodes[v]["kind"] for v in G} == {
        "person", "organisation", "artefact", "workshop", "project",
    }  # fmt: skip
    assert G.nodes["PR02"]["stage"] == "enterprise" and G.nodes["PR02"]["jobs"] == 3


def test_belongs_to_follows_the_chain_of_organisations(tables):
    G = actor_network(tables, editions=["SUT2016"])
    assert G.has_edge("P01", "O01", key="belongs_to")
    assert G.has_edge("O01", "O02", key="belongs_to")  # the pole belongs to the SCIC
    assert G.nodes["O02"]["editions"] == ["SUT2016"]


def test_actor_network_of_an_edition_keeps_its_own_projects(tables):
    G = actor_network(tables, editions=["SUT2016"])
    projects = sorted(v for v, d in G.nodes(data=True) if d["kind"] == "project")
    assert projects == ["PR01"]
    assert "W17-02" not in G and "P26" not in G
    assert G.nodes["P16"]["editions"] == ["SUT2016"]


def test_all_actors_adds_the_registry(tables):
    G = actor_network(tables, all_actors=True)
    assert set(tables["actors"]["actor_id"]) <= set(G)
    assert G.degree("A08") >= 1  # the restitution sheet used in W19-17
    assert "A06" in G and G.degree("A06") == 0


def test_evening_must_be_in_the_registry(tables):
    with pytest.raises(InputError, match="A99"):
        actor_network(tables, evening="A99")


def test_project_with_an_unknown_support_actor(tables):
    bad = _copy(tables)
    bad["projects"].loc[1, "support"] = "O04;O99"
    with pytest.raises(SchemaError) as err:
        actor_network(bad)
    assert (err.value.row, err.value.column) == (2, "support")


def test_project_with_an_unknown_workshop(tables):
    bad = _copy(tables)
    bad["projects"].loc[0, "workshop_id"] = "W15-01"
    with pytest.raises(SchemaError, match="W15-01"):
        actor_network(bad)


def test_organisation_chain_to_an_unknown_actor(tables):
    bad = _copy(tables)
    bad["actors"].loc[bad["actors"]["actor_id"] == "P01", "organisation"] = "O77"
    with pytest.raises(SchemaError, match="O77"):
        actor_network(bad)


def test_project_without_edition_takes_its_workshops(tables):
    t = _copy(tables)
    t["projects"].loc[0, "edition_id"] = None
    G = actor_network(t, editions=["SUT2016"])
    assert "PR01" in G and G.nodes["PR01"]["edition"] == "SUT2016"


# --------------------------------------------------------------------------- later edges


def test_comention_edges_count_passages():
    mentions = pd.DataFrame(
        {
            "passage": ["s1", "s1", "s1", "s2", "s2", "s2", "s3"],
            "actor_id": ["P11", "O04", "P25", "P11", "O04", "P11", "P11"],
        }
    )
    edges = comention_edges(mentions)
    assert edges.to_dict("records") == [
        {"source": "O04", "target": "P11", "weight": 2},
        {"source": "O04", "target": "P25", "weight": 1},
        {"source": "P11", "target": "P25", "weight": 1},
    ]


def test_comention_edges_keep_the_edition():
    mentions = pd.DataFrame(
        {"seg": [1, 1, 2, 2], "actor_id": ["a", "b", "a", "b"], "edition": ["E1", "E1", "E2", "E2"]}
    )
    edges = comention_edges(mentions, unit="seg")
    assert edges[["source", "target", "weight", "edition"]].values.tolist() == [
        ["a", "b", 1, "E1"],
        ["a", "b", 1, "E2"],
    ]


def test_comention_edges_need_their_columns():
    with pytest.raises(SchemaError, match="'passage'"):
        comention_edges(pd.DataFrame({"actor_id": ["a"]}))


def test_add_edges_keys_co_mentions_beside_structural_edges(tables):
    G = actor_network(tables)
    extra = pd.DataFrame({"source": ["P11", "P11"], "target": ["O04", "P99"], "weight": [2, 1]})
    H = add_edges(G, extra)
    assert H.has_edge("P11", "O04", key="co_mentioned")
    assert H["P11"]["O04"]["co_mentioned"]["weight"] == 2
    assert H.nodes["P99"]["kind"] == "unknown"
    assert not G.has_edge("P11", "O04") and "P99" not in G  # the input is untouched


def test_add_edges_needs_source_and_target():
    with pytest.raises(SchemaError, match="'target'"):
        add_edges(nx.Graph(), pd.DataFrame({"source": ["a"]}))


def test_simple_graph_sums_parallel_and_opposite_edges():
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", key="carries", relation="carries", weight=1)
    G.add_edge("b", "a", key="supports", relation="supports", weight=1)
    G.add_edge("a", "b", key="co_mentioned", relation="co_mentioned", weight=3)
    G.add_edge("b", "c", key="carries", relation="carries")
    S = simple_graph(G)
    assert not S.is_directed() and not S.is_multigraph()
    assert S["a"]["b"]["weight"] == 5
    assert S["a"]["b"]["relations"] == ["carries", "co_mentioned", "supports"]
    assert S["b"]["c"]["weight"] == 1


# --------------------------------------------------------------------------- editions


@pytest.mark.parametrize("kind", ["two_mode", "actors", "workshops", "actor_network"])
def test_edition_graphs_one_per_edition_in_time_order(tables, kind):
    graphs = edition_graphs(tables, kind=kind, evening="A06")
    assert list(graphs) == ["SUT2016", "SUT2017", "SUT2019"]
    for edition, G in graphs.items():
        assert G.graph["edition"] == edition
        assert G.graph["date"] == edition_dates(tables)[edition]
        assert G.graph["cumulative"] is False


def test_cumulative_graphs_grow(tables):
    graphs = edition_graphs(tables, kind="actors", cumulative=True)
    sizes = [G.number_of_nodes() for G in graphs.values()]
    assert sizes == sorted(sizes)
    assert graphs["SUT2019"].graph["editions"] == ["SUT2016", "SUT2017", "SUT2019"]
    last = network_graph(tables, kind="actors")
    assert sorted(graphs["SUT2019"].edges()) == sorted(last.edges())


def test_unknown_kind_is_refused(tables):
    with pytest.raises(InputError, match="kind"):
        edition_graphs(tables, kind="bipartite")
    with pytest.raises(InputError, match="kind"):
        network_graph(tables, kind="bipartite")
