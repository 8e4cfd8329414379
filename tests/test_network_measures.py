"""Tests of research.network against hand-worked values and networkx."""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from research.errors import InputError
from research.network import (
    BROKERAGE_ROLES,
    actor_projection,
    animator_ids,
    animator_trajectory,
    betweenness,
    brokerage_roles,
    burt_constraint,
    communities,
    core_over_time,
    degree_centralization,
    edition_graphs,
    effective_size,
    eigenvector,
    evolution,
    graph_measures,
    is_two_mode,
    node_measures,
    two_mode_graph,
)

DATA = Path(__file__).resolve().parent / "data" / "network"
TABLES = ("editions", "workshops", "participations", "projects", "actors")


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    return {name: pd.read_csv(DATA / f"{name}.csv") for name in TABLES}


def _random_weighted(n: int, m: int, seed: int, *, directed: bool = False) -> nx.Graph:
    G = nx.gnm_random_graph(n, m, seed=seed, directed=directed)
    rng = np.random.default_rng(seed)
    for u, v in G.edges():
        G[u][v]["weight"] = float(rng.integers(1, 6))
    return G


def _awkward(seed: int) -> nx.Graph:
    """A sparse random graph with leaves, twins, a pendant triangle and extra components."""
    G = nx.gnm_random_graph(40, 45, seed=seed)
    G.add_edges_from([(100, 0), (101, 0), (102, 0), (103, 1), (104, 1), (103, 104)])
    G.add_edges_from([(105, 106), (107, 108), (108, 109)])
    G = nx.disjoint_union(G, nx.complete_bipartite_graph(3, 4))
    return nx.disjoint_union(G, nx.star_graph(4))


# --------------------------------------------------------------------------- hand-worked


def test_star_by_hand():
    m = node_measures(nx.star_graph(3))
    hub, leaf = m.loc[0], m.loc[1]
    assert (hub["degree"], hub["degree_centrality"], hub["betweenness"]) == (3, 1.0, 1.0)
    assert hub["eigenvector"] == pytest.approx(1 / math.sqrt(2))
    assert leaf["eigenvector"] == pytest.approx(1 / math.sqrt(6))
    assert hub["constraint"] == pytest.approx(1 / 3)
    assert leaf["constraint"] == pytest.approx(1.0)
    assert (hub["effective_size"], leaf["effective_size"]) == (3.0, 1.0)
    assert m["core"].tolist() == [1, 1, 1, 1]
    assert hub["coordinator"] == 6  # three pairs of leaves, both directions
    assert m.loc[[1, 2, 3], "brokerage"].tolist() == [0, 0, 0]
    assert degree_centralization(nx.star_graph(3)) == 1.0


def test_line_by_hand():
    G = nx.path_graph(["a", "b", "c", "d", "e"])
    assert betweenness(G).tolist() == pytest.approx([0, 3 / 6, 4 / 6, 3 / 6, 0])
    assert betweenness(G, normalized=False).tolist() == pytest.approx([0, 3, 4, 3, 0])
    assert degree_centralization(G) == pytest.approx(2 / 12)
    assert burt_constraint(G)["b"] == pytest.approx(0.5)
    assert burt_constraint(G)["a"] == pytest.approx(1.0)
    assert effective_size(G).tolist() == [1.0, 2.0, 2.0, 2.0, 1.0]


def test_triangle_with_a_pendant_by_hand():
    G = nx.Graph([(0, 1), (0, 2), (1, 2), (0, 3)])
    # p_0j = 1/3; c_0 = 2 (1/3 + 1/3 · 1/2)² + (1/3)² = 1/2 + 1/9.
    assert burt_constraint(G)[0] == pytest.approx(1 / 2 + 1 / 9)
    assert effective_size(G)[0] == pytest.approx(3 - 2 / 3)
    assert node_measures(G)["core"].tolist() == [2, 2, 2, 1]


def test_small_two_mode_example_by_hand():
    # The path a – W1 – b – W2 – c: 3 actors, 2 workshops.
    G = nx.Graph([("a", "W1"), ("W1", "b"), ("b", "W2"), ("W2", "c")])
    nx.set_node_attributes(G, {"a": 0, "b": 0, "c": 0, "W1": 1, "W2": 1}, "bipartite")
    assert is_two_mode(G)
    # Raw: b = 4, W1 = W2 = 3; the largest possible is 4 for actors, 5 for workshops.
    bc = betweenness(G)
    assert bc["b"] == pytest.approx(1.0)
    assert bc["W1"] == pytest.approx(0.6) and bc["W2"] == pytest.approx(0.6)
    reference = nx.bipartite.betweenness_centrality(G, ["a", "b", "c"])
    assert bc.to_dict() == pytest.approx(reference)
    row = graph_measures(G).iloc[0]
    assert (row["actors"], row["workshops"]) == (3, 2)
    assert row["density"] == pytest.approx(4 / 6)
    assert row["transitivity"] == 0.0
    degree = node_measures(G)["degree_centrality"]
    assert degree["b"] == 1.0 and degree["a"] == 0.5 and degree["W1"] == pytest.approx(2 / 3)


def test_complete_two_mode_graph_is_fully_clustered():
    G = nx.complete_bipartite_graph(2, 2)
    row = graph_measures(G).iloc[0]
    assert row["transitivity"] == 1.0 and row["density"] == 1.0


def test_fixture_bridge_by_hand(tables):
    # SUT2016 projection: cliques of 5 (W16-03) and 4 (W16-07) sharing P16.
    P = edition_graphs(tables, kind="actors")["SUT2016"]
    m = node_measures(P)
    assert m.loc["P16", "betweenness"] == pytest.approx(12 / 21)
    assert m.loc[["P16"], list(BROKERAGE_ROLES)].iloc[0].to_dict() == {
        "coordinator": 0,
        "itinerant": 6,  # (P10, P11), (P07, P08), (P02, P01), both directions
        "gatekeeper": 3,  # from the other side to P19, a citizen like P16
        "representative": 3,  # from P19 to the other side
        "liaison": 12,
    }
    assert m["brokerage"].sum() == 24
    assert m.loc["P16", "core"] == 4 and m.loc["P01", "core"] == 3
    assert m.loc[m["main_core"]].index.tolist() == ["P02", "P07", "P10", "P16", "P19"]


# --------------------------------------------------------------------------- brokerage


def _brute_brokerage(G: nx.Graph, group: dict) -> pd.DataFrame:
    counts = {v: dict.fromkeys(BROKERAGE_ROLES, 0) for v in G}
    H = G if G.is_directed() else G.to_directed()
    for b in H:
        for a in H.predecessors(b):
            for c in H.successors(b):
                if a == c or H.has_edge(a, c):
                    continue
                ga, gb, gc = group[a], group[b], group[c]
                if ga == gb == gc:
                    role = "coordinator"
                elif ga == gc:
                    role = "itinerant"
                elif gb == gc:
                    role = "gatekeeper"
                elif ga == gb:
                    role = "representative"
                else:
                    role = "liaison"
                counts[b][role] += 1
    return pd.DataFrame(counts).T[list(BROKERAGE_ROLES)]


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_brokerage_matches_a_brute_force_count(directed, seed):
    G = nx.gnm_random_graph(35, 110 if directed else 70, seed=seed, directed=directed)
    group = {v: "abcd"[v % 4] for v in G}
    nx.set_node_attributes(G, group, "category")
    got = brokerage_roles(G)
    expected = _brute_brokerage(G, group).loc[got.index]
    assert (got[list(BROKERAGE_ROLES)].to_numpy() == expected.to_numpy()).all()
    assert (got["brokerage"] == got[list(BROKERAGE_ROLES)].sum(axis=1)).all()


def test_directed_brokerage_by_hand():
    G = nx.DiGraph([("x", "y"), ("y", "z")])
    nx.set_node_attributes(G, {"x": "citizen", "y": "citizen", "z": "funder"}, "category")
    assert brokerage_roles(G).loc["y", "representative"] == 1
    assert brokerage_roles(G).loc["y", "brokerage"] == 1
    G.add_edge("x", "z")  # a closed two-path is no brokerage
    assert brokerage_roles(G).loc["y", "brokerage"] == 0
    R = nx.DiGraph([("z", "y"), ("y", "x")])
    nx.set_node_attributes(R, {"x": "citizen", "y": "citizen", "z": "funder"}, "category")
    assert brokerage_roles(R).loc["y", "gatekeeper"] == 1


def test_undirected_gatekeeper_equals_representative(tables):
    P = edition_graphs(tables, kind="actors")["SUT2017"]
    roles = brokerage_roles(P)
    assert (roles["gatekeeper"] == roles["representative"]).all()


def test_nodes_without_the_group_attribute_share_one_group():
    G = nx.path_graph(3)
    assert brokerage_roles(G).loc[1, "coordinator"] == 2


# --------------------------------------------------------------------------- against networkx


@pytest.mark.parametrize("seed", range(6))
def test_betweenness_matches_networkx_with_leaves_twins_and_components(seed):
    G = _awkward(seed)
    expected = nx.betweenness_centrality(G)
    got = betweenness(G)
    assert got.to_dict() == pytest.approx(expected, abs=1e-12)


def test_betweenness_of_directed_graphs_matches_networkx():
    D = nx.gnm_random_graph(40, 130, seed=5, directed=True)
    assert betweenness(D).to_dict() == pytest.approx(nx.betweenness_centrality(D), abs=1e-12)


@pytest.mark.parametrize("batch", [1, 7, 500])
def test_betweenness_does_not_depend_on_the_batch_size(batch):
    G = _awkward(0)
    assert betweenness(G, batch=batch).to_numpy() == pytest.approx(betweenness(G).to_numpy())


def test_two_mode_betweenness_matches_networkx(tables):
    B = two_mode_graph(tables)
    actors = [v for v, d in B.nodes(data=True) if d["bipartite"] == 0]
    expected = nx.bipartite.betweenness_centrality(B, actors)
    assert betweenness(B).to_dict() == pytest.approx(expected, abs=1e-12)


def test_sampled_betweenness_scales_the_sampled_sources():
    G = _awkward(2)
    n, k = G.number_of_nodes(), 20
    chosen = np.sort(np.random.default_rng(7).choice(n, size=k, replace=False))
    nodes = list(G)
    subset = nx.betweenness_centrality_subset(
        G, sources=[nodes[i] for i in chosen], targets=nodes, normalized=False
    )
    got = betweenness(G, sample=k, seed=7, normalized=False)
    assert got.to_dict() == pytest.approx({v: subset[v] * n / k for v in nodes}, abs=1e-9)
    assert betweenness(G, sample=n).to_dict() == pytest.approx(betweenness(G).to_dict())


@pytest.mark.parametrize("sample", [0, -3, 10_000])
def test_sample_out_of_range_is_refused(sample):
    with pytest.raises(InputError, match="sample"):
        betweenness(nx.path_graph(5), sample=sample)


@pytest.mark.parametrize("weight", [None, "weight"])
def test_eigenvector_matches_networkx(weight):
    G = _random_weighted(50, 160, seed=4)
    assert nx.is_connected(G)
    expected = nx.eigenvector_centrality_numpy(G, weight=weight)
    assert eigenvector(G, weight=weight).to_dict() == pytest.approx(expected, abs=1e-8)


def test_eigenvector_converges_on_two_mode_graphs(tables):
    B = two_mode_graph(tables)
    got = eigenvector(B)
    assert np.linalg.norm(got) == pytest.approx(1.0)
    assert got.to_dict() == pytest.approx(nx.eigenvector_centrality_numpy(B), abs=1e-8)


def test_eigenvector_of_nearly_tied_components_without_warning():
    G = nx.disjoint_union(nx.complete_graph(6), nx.complete_graph(6))
    G.add_edge(0, 100)  # a pendant lifts the first clique's eigenvalue a little
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = eigenvector(G)
    assert got[0] > got[1] > 0
    assert got[6] == pytest.approx(0.0, abs=1e-6)


@pytest.mark.parametrize("directed", [False, True])
def test_constraint_matches_networkx(directed):
    G = _random_weighted(40, 120, seed=6, directed=directed)
    for weight in (None, "weight"):
        expected = nx.constraint(G, weight=weight)
        got = burt_constraint(G, weight=weight)
        assert got.to_dict() == pytest.approx(expected, nan_ok=True)


@pytest.mark.parametrize("directed", [False, True])
def test_effective_size_matches_networkx(directed):
    # networkx's node-by-node formula (nodes given); its matrix shortcut for all
    # nodes divides by the strongest tie of the wrong node in networkx 3.6.
    # networkx also gives NaN to a node with incoming ties only; Burt's measure
    # is defined there (its contacts are its in- and out-neighbours).
    G = _random_weighted(40, 120, seed=8, directed=directed)
    G.add_node("isolate")
    senders = [v for v in G if G.degree(v) == 0 or len(G[v]) > 0]
    for weight in (None, "weight"):
        expected = nx.effective_size(G, nodes=senders, weight=weight)
        got = effective_size(G, weight=weight)
        assert got[senders].to_dict() == pytest.approx(expected, nan_ok=True)
    assert math.isnan(got["isolate"])
    assert not got.drop("isolate").isna().any()


def test_core_numbers_match_networkx():
    for seed in range(4):
        G = nx.gnm_random_graph(150, 500, seed=seed)
        assert node_measures(G)["core"].to_dict() == nx.core_number(G)


@pytest.mark.parametrize("seed", range(3))
def test_clustering_matches_networkx(seed):
    G = nx.gnm_random_graph(60, 200, seed=seed)
    row = graph_measures(G).iloc[0]
    assert row["transitivity"] == pytest.approx(nx.transitivity(G))
    assert row["average_clustering"] == pytest.approx(nx.average_clustering(G))
    assert row["density"] == pytest.approx(nx.density(G))
    assert row["components"] == nx.number_connected_components(G)


def test_two_mode_clustering_matches_networkx(tables):
    B = nx.bipartite.random_graph(20, 9, 0.3, seed=4)
    row = graph_measures(B).iloc[0]
    assert row["transitivity"] == pytest.approx(nx.bipartite.robins_alexander_clustering(B))
    assert row["average_clustering"] == pytest.approx(nx.bipartite.average_clustering(B))


def test_graph_measures_of_the_fixture_editions(tables):
    frame = graph_measures(edition_graphs(tables, kind="actors"))
    assert frame.index.tolist() == ["SUT2016", "SUT2017", "SUT2019"]
    assert frame["nodes"].tolist() == [8, 9, 5]
    assert frame["edges"].tolist() == [16, 16, 10]
    assert frame["components"].tolist() == [1, 2, 1]
    assert frame.loc["SUT2019", "density"] == 1.0
    assert frame.loc["SUT2019", "degree_centralization"] == 0.0


def test_graph_measures_have_no_empty_columns(tables):
    one_mode = graph_measures(edition_graphs(tables, kind="actors"))
    assert "actors" not in one_mode.columns and "workshops" not in one_mode.columns
    assert not one_mode.isna().all().any()
    two_mode = graph_measures(edition_graphs(tables, kind="two_mode"))
    assert two_mode["actors"].tolist() == [8, 9, 5]
    assert (two_mode["workshops"] > 0).all()


def test_graph_measures_on_empty_and_tiny_graphs():
    frame = graph_measures({"empty": nx.Graph(), "pair": nx.Graph([(1, 2)])})
    assert frame.loc["empty", "nodes"] == 0 and frame.loc["empty", "components"] == 0
    assert math.isnan(frame.loc["pair", "degree_centralization"])


# --------------------------------------------------------------------------- communities


def test_louvain_on_the_karate_club_reaches_the_known_optimum():
    # Brandes et al. (2008): the best modularity of Zachary's karate club is 0.4198.
    K = nx.karate_club_graph()
    values = []
    for seed in range(5):
        found = communities(K, weight=None, seed=seed)
        parts = [set(found.index[found == c]) for c in sorted(set(found))]
        values.append(nx.community.modularity(K, parts, weight=None))
    assert min(values) > 0.41
    assert max(values) == pytest.approx(0.4198, abs=5e-4)


def test_louvain_recovers_planted_communities():
    G = nx.planted_partition_graph(4, 15, 0.9, 0.01, seed=3)
    found = communities(G)
    truth = {v: v // 15 for v in G}
    pairs = [(u, v) for u in G for v in G if u < v]
    assert all((found[u] == found[v]) == (truth[u] == truth[v]) for u, v in pairs)


def test_louvain_is_seeded_and_numbered_by_size():
    G = _random_weighted(80, 240, seed=9)
    first, second = communities(G, seed=4), communities(G, seed=4)
    assert first.equals(second)
    sizes = first.value_counts().sort_index()
    assert sizes.is_monotonic_decreasing


def test_louvain_resolution_splits_more():
    G = _random_weighted(80, 240, seed=9)
    assert communities(G, resolution=3.0).nunique() > communities(G, resolution=0.3).nunique()


def test_negative_weights_are_refused():
    G = nx.Graph()
    G.add_edge("a", "b", weight=-1.0)
    with pytest.raises(InputError, match="negative"):
        node_measures(G)


# --------------------------------------------------------------------------- editions


def test_node_measures_of_editions_are_indexed_by_edition_and_node(tables):
    graphs = edition_graphs(tables, kind="actor_network", evening="A06")
    m = node_measures(graphs)
    assert m.index.names == ["edition", "node"]
    assert m.index.get_level_values("edition").unique().tolist() == list(graphs)
    assert len(m.loc["SUT2019"]) == graphs["SUT2019"].number_of_nodes()
    expected = {"label", "category", "degree", "betweenness", "eigenvector", "constraint",
                "effective_size", "core", "main_core", "community", "brokerage",
                *BROKERAGE_ROLES}  # fmt: skip
    assert expected <= set(m.columns)


def test_measures_are_reproducible(tables):
    graphs = edition_graphs(tables, kind="two_mode")
    pd.testing.assert_frame_equal(node_measures(graphs), node_measures(graphs))
    shuffled = {k: v.sample(frac=1, random_state=1) for k, v in tables.items()}
    pd.testing.assert_frame_equal(
        node_measures(edition_graphs(shuffled, kind="two_mode")), node_measures(graphs)
    )


def test_evolution_by_hand(tables):
    for kind in ("two_mode", "actors"):
        ev = evolution(edition_graphs(tables, kind=kind))
        assert ev["previous"].tolist() == [None, "SUT2016", "SUT2017"]
        assert ev["actors"].tolist() == [8, 9, 5]
        second, third = ev.loc["SUT2017"], ev.loc["SUT2019"]
        assert (second["retained"], second["new"], second["gone"]) == (4, 5, 4)
        assert second["retention"] == 0.5
        assert (second["ties"], second["ties_retained"]) == (16, 1)
        assert second["tie_jaccard"] == pytest.approx(1 / 31)
        assert (second["core_size"], second["core_retained"]) == (5, 2)
        assert second["core_jaccard"] == pytest.approx(2 / 8)
        assert (third["retained"], third["new"], third["gone"]) == (3, 2, 6)
        assert third["retention"] == pytest.approx(3 / 9)
        assert third["tie_jaccard"] == pytest.approx(1 / 25)
        assert third["core_jaccard"] == pytest.approx(1 / 9)
        assert pd.isna(ev.loc["SUT2016", "retained"])


def test_evolution_of_cumulative_graphs_never_loses_actors(tables):
    ev = evolution(edition_graphs(tables, kind="two_mode", cumulative=True))
    assert ev["gone"].dropna().tolist() == [0, 0]
    assert ev["retention"].dropna().tolist() == [1.0, 1.0]


def test_core_over_time(tables):
    cores = core_over_time(edition_graphs(tables, kind="two_mode"))
    assert cores.columns.tolist() == ["SUT2016", "SUT2017", "SUT2019"]
    assert cores.loc["P16"].tolist() == [4, 3, 4]
    assert pd.isna(cores.loc["P10", "SUT2017"])
    assert cores.index.is_monotonic_increasing


def _bridge() -> nx.Graph:
    G = nx.Graph([("P10", "P19"), ("P10", "P01"), ("P19", "P01")])
    G.add_edges_from([("P21", "P26"), ("P21", "P01"), ("P26", "P01"), ("O01", "P01")])
    categories = {"P10": "project_holder", "P19": "citizen", "P21": "support_org",
                  "P26": "support_org", "P01": "cluster_staff", "O01": "cluster"}  # fmt: skip
    nx.set_node_attributes(G, categories, "category")
    return G


def test_animator_trajectory_by_hand():
    graphs = {"E1": _bridge(), "E2": nx.path_graph(["P19", "P10"])}
    nx.set_node_attributes(graphs["E2"], {"P19": "citizen", "P10": "project_holder"}, "category")
    t = animator_trajectory(graphs)
    assert t.loc["E1"].index.tolist() == ["P01", "O01", "(animator)"]  # graph order
    # P01 joins the two triangles and the pole: 8 open pairs, every one across groups.
    assert t.loc[("E1", "P01"), "liaison"] == 16
    assert t.loc[("E1", "(animator)"), "brokerage"] == 16
    assert t.loc[("E1", "(animator)"), "brokerage_share"] == 1.0
    assert t.loc["E2"].index.tolist() == ["(animator)"]
    assert np.isnan(t.loc[("E2", "(animator)"), "brokerage_share"])


def test_animator_ids_use_the_id_and_the_categories():
    G = _bridge()
    assert animator_ids(G) == ["P01", "O01"]
    assert animator_ids(G, animator="P21", categories=()) == ["P21"]


def test_animator_trajectory_with_foreign_measures_is_refused(tables):
    graphs = edition_graphs(tables, kind="actors")
    measures = node_measures({"SUT2016": graphs["SUT2016"]})
    with pytest.raises(InputError, match="SUT2017"):
        animator_trajectory(graphs, measures=measures)


def test_evolution_of_the_actor_network_ignores_workshops_and_projects(tables):
    ev = evolution(edition_graphs(tables, kind="actor_network"))
    G = edition_graphs(tables, kind="actor_network")["SUT2016"]
    actors = [v for v, d in G.nodes(data=True) if d["kind"] not in ("workshop", "project")]
    assert ev.loc["SUT2016", "actors"] == len(actors)


def test_projection_of_a_two_mode_graph_and_its_tie_graph_agree(tables):
    B = two_mode_graph(tables, editions=["SUT2017"])
    assert evolution({"a": B}).iloc[0]["ties"] == actor_projection(B).number_of_edges()
