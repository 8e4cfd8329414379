"""Textual statistics against published values and independent computations."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats
from sklearn.metrics import adjusted_rand_score

from research.corpus import Corpus
from research.errors import InputError
from research.lexicometry import (
    banal_forms,
    classification_figure,
    correspondence_analysis,
    correspondence_map,
    lexical_table,
    presence_matrix,
    reinert,
    segment_forms,
    similitude_figure,
    similitudes,
    specific_forms,
    specificities,
    text_segments,
    with_concordance,
)

# --------------------------------------------------------------------------- correspondence analysis

# Greenacre, M. J. (1984). Theory and Applications of Correspondence Analysis, p. 55:
# staff groups of a fictional organisation × smoking habits.
SMOKE = pd.DataFrame(
    [[4, 2, 3, 2], [4, 3, 7, 4], [25, 10, 12, 4], [18, 24, 33, 13], [10, 6, 7, 2]],
    index=["SM", "JM", "SE", "JE", "SC"],
    columns=["none", "light", "medium", "heavy"],
)
# Published results for this table: the example output of print(ca(smoke)) in the
# documentation of the R package ca (Nenadić, O. & Greenacre, M. (2007).
# Correspondence analysis in R, with two- and three-dimensional graphics: the ca
# package. Journal of Statistical Software, 20(3)): principal inertias, their
# percentages, masses, point inertias and standard coordinates, to 6 decimals.
PUBLISHED_EIGENVALUES = [0.074759, 0.010017, 0.000414]
PUBLISHED_PERCENT = [87.76, 11.76, 0.49]
PUBLISHED_ROW_MASS = [0.056995, 0.093264, 0.264249, 0.455959, 0.129534]
PUBLISHED_ROW_INERTIA = [0.002673, 0.011881, 0.038314, 0.026269, 0.006053]
PUBLISHED_COLUMN_INERTIA = [0.049186, 0.007059, 0.012610, 0.016335]
PUBLISHED_ROW_STANDARD = [  # dimensions 1 and 2
    [-0.240539, 0.947105, -1.391973, 0.851989, -0.735456],
    [-1.935708, -2.430958, -0.106508, 0.576944, 0.788435],
]
PUBLISHED_COLUMN_STANDARD = [
    [-1.438471, 0.363746, 0.718017, 1.074445],
    [-0.304659, 1.409433, 0.073528, -1.975960],
]


def _aligned(found: np.ndarray, published: np.ndarray) -> np.ndarray:
    """``found`` with the sign of its axis turned as the published one (signs are arbitrary)."""
    return found * np.sign(
        found[np.argmax(np.abs(published))] * published[np.argmax(np.abs(published))]
    )


def test_correspondence_analysis_reproduces_greenacres_smoking_example():
    ca = correspondence_analysis(SMOKE)
    np.testing.assert_allclose(ca.eigenvalues, PUBLISHED_EIGENVALUES, atol=5e-7)
    np.testing.assert_allclose(ca.explained_inertia, PUBLISHED_PERCENT, atol=5e-3)
    np.testing.assert_allclose(ca.total_inertia, sum(PUBLISHED_EIGENVALUES), atol=2e-6)
    np.testing.assert_allclose(ca.row_masses, PUBLISHED_ROW_MASS, atol=5e-7)
    np.testing.assert_allclose(ca.row_inertia, PUBLISHED_ROW_INERTIA, atol=5e-7)
    np.testing.assert_allclose(ca.column_inertia, PUBLISHED_COLUMN_INERTIA, atol=5e-7)
    for axis in (1, 2):
        for found, published in (
            (ca.row_standard[axis], PUBLISHED_ROW_STANDARD[axis - 1]),
            (ca.column_standard[axis], PUBLISHED_COLUMN_STANDARD[axis - 1]),
        ):
            published = np.array(published)
            np.testing.assert_allclose(_aligned(found.to_numpy(), published), published, atol=5e-5)
    # principal coordinates: standard ones times the singular value (4 decimals)
    principal = np.array(PUBLISHED_ROW_STANDARD[0]) * math.sqrt(PUBLISHED_EIGENVALUES[0])
    np.testing.assert_allclose(
        _aligned(ca.row_coordinates[1].to_numpy(), principal), principal, atol=5e-5
    )
    assert ca.row_coordinates.loc["SE", 1].round(4) in (-0.3806, 0.3806)


def test_correspondence_analysis_agrees_with_a_plain_svd():
    N = SMOKE.to_numpy(float)
    P = N / N.sum()
    r, c = P.sum(1), P.sum(0)
    S = (P - np.outer(r, c)) / np.sqrt(np.outer(r, c))
    U, sv, Vt = np.linalg.svd(S)
    ca = correspondence_analysis(SMOKE)
    np.testing.assert_allclose(ca.eigenvalues, sv[:3] ** 2, rtol=1e-10)
    for k in range(3):
        rows = U[:, k] / np.sqrt(r) * sv[k]
        cols = Vt[k] / np.sqrt(c) * sv[k]
        np.testing.assert_allclose(np.abs(ca.row_coordinates[k + 1]), np.abs(rows), atol=1e-10)
        np.testing.assert_allclose(np.abs(ca.column_coordinates[k + 1]), np.abs(cols), atol=1e-10)
    assert np.allclose(ca.row_contributions.sum(), 1) and np.allclose(
        ca.column_contributions.sum(), 1
    )
    assert np.allclose(ca.row_cos2.sum(axis=1), 1) and np.allclose(ca.column_cos2.sum(axis=1), 1)


def test_sparse_truncated_analysis_equals_the_dense_one():
    rng = np.random.default_rng(3)
    table = pd.DataFrame(rng.poisson(2.0, size=(60, 25)) + (rng.random((60, 25)) < 0.1) * 5)
    dense = correspondence_analysis(table)
    sparse_table = table.astype(pd.SparseDtype("float", 0.0))
    truncated = correspondence_analysis(sparse_table, n_components=3)
    np.testing.assert_allclose(truncated.eigenvalues, dense.eigenvalues[:3], rtol=1e-8)
    np.testing.assert_allclose(truncated.total_inertia, dense.total_inertia, rtol=1e-10)
    for axis in (1, 2, 3):
        np.testing.assert_allclose(
            truncated.row_coordinates[axis], dense.row_coordinates[axis], atol=1e-8
        )
        np.testing.assert_allclose(truncated.row_cos2[axis], dense.row_cos2[axis], atol=1e-8)


def test_supplementary_points_are_placed_by_the_transition_formula():
    table = pd.concat([SMOKE, SMOKE.loc[["JE"]].rename(index={"JE": "JE bis"}) * 3])
    table["total"] = table.sum(axis=1)
    ca = correspondence_analysis(
        table, supplementary_rows=["JE bis"], supplementary_columns=["total"]
    )
    np.testing.assert_allclose(ca.eigenvalues, PUBLISHED_EIGENVALUES, atol=5e-7)
    np.testing.assert_allclose(ca.supplementary_rows.loc["JE bis"], ca.row_coordinates.loc["JE"])
    # the column of row totals is the centroid of the columns: at the origin
    np.testing.assert_allclose(ca.supplementary_columns.loc["total"], 0, atol=1e-12)
    assert set(ca.points()["type"]) == {
        "row",
        "column",
        "supplementary row",
        "supplementary column",
    }


@pytest.mark.parametrize(
    ("table", "words"),
    [
        (SMOKE.iloc[:1], "at least 2 rows"),
        (SMOKE.assign(none=0), "empty: none"),
        (SMOKE.assign(none=-1), "negative"),
    ],
)
def test_correspondence_analysis_errors(table, words):
    with pytest.raises(InputError, match=words):
        correspondence_analysis(table)
    with pytest.raises(InputError, match="supplementary row 'XX'"):
        correspondence_analysis(SMOKE, supplementary_rows=["XX"])


# --------------------------------------------------------------------------- specificities

TABLE = pd.DataFrame(
    {"citoyens": [12, 1, 5, 0, 40], "élus": [2, 9, 4, 3, 35], "porteurs": [6, 0, 6, 1, 50]},
    index=["village", "budget", "projet", "agglomération", "dire"],
)


def test_specificities_are_lafons_hypergeometric_scores_computed_by_hand():
    scores = specificities(TABLE)
    T = TABLE.to_numpy().sum()
    for form, part in itertools.product(TABLE.index, TABLE.columns):
        k = TABLE.at[form, part]
        f, t = TABLE.loc[form].sum(), TABLE[part].sum()
        law = stats.hypergeom(T, f, t)
        over = k > f * t / T  # over-represented: −log10 P(X ≥ k); else log10 P(X ≤ k)
        expected = -math.log10(law.sf(k - 1)) if over else math.log10(law.cdf(k))
        assert scores.at[form, part] == pytest.approx(expected, rel=1e-9, abs=1e-12)
    assert scores.shape == TABLE.shape and list(scores.columns) == list(TABLE.columns)
    assert scores.at["village", "citoyens"] > 2 and scores.at["budget", "citoyens"] < -1


def test_an_extreme_specificity_does_not_underflow():
    table = pd.DataFrame({"a": [3000, 0], "b": [0, 3000]}, index=["x", "y"])
    scores = specificities(table)
    expected = -stats.hypergeom.logsf(2999, 6000, 3000, 3000) / math.log(10)
    assert np.isfinite(scores.to_numpy()).all() and expected > 1000
    assert scores.at["x", "a"] == pytest.approx(expected, rel=1e-9)


def test_chi2_variant_is_the_signed_chi2_of_each_2x2_table():
    scores = specificities(TABLE, method="chi2")
    T = TABLE.to_numpy().sum()
    for form, part in itertools.product(TABLE.index, TABLE.columns):
        k = TABLE.at[form, part]
        f, t = TABLE.loc[form].sum(), TABLE[part].sum()
        table = [[k, t - k], [f - k, T - f - t + k]]
        chi2 = stats.chi2_contingency(table, correction=False)[0]
        assert abs(scores.at[form, part]) == pytest.approx(chi2, rel=1e-9)
        assert np.sign(scores.at[form, part]) == (1 if k > f * t / T else -1) or chi2 == 0


def test_specific_forms_banality_and_concordance():
    scores = specificities(TABLE)
    assert "dire" in banal_forms(scores, threshold=2.0)
    top = specific_forms(scores, TABLE, threshold=2.0, top=1)
    assert top[["part", "form"]].values.tolist() == [["citoyens", "village"], ["élus", "budget"]]
    assert top.loc[0, "count"] == 12 and top.loc[0, "frequency"] == 20
    assert top.loc[0, "expected_frequency"] == pytest.approx(20 * 58 / TABLE.to_numpy().sum())
    under = specific_forms(scores, TABLE, threshold=1.0, under=True)
    assert (under["specificity"] <= -1).all()
    segments = pd.DataFrame(
        {"ts_id": ["A:t0000"], "doc_id": "A", "start": [10], "end": [40], "group": ["citoyens"],
         "text": ["Au village, on se connaît."]}
    )  # fmt: skip
    forms = pd.DataFrame({"ts_id": ["A:t0000"], "doc_id": "A", "start": [13], "end": [20],
                          "form": ["village"], "pos": ["NOUN"]})  # fmt: skip
    lines = with_concordance(top, forms, segments, by="group")
    assert lines.loc[0, ["left", "match", "right"]].tolist() == [
        "Au ",
        "village",
        ", on se connaît.",
    ]
    assert lines.loc[1, "match"] == ""


# --------------------------------------------------------------------------- segmentation

INTERVIEW = (
    "Enquêtrice : Pouvez-vous me raconter la soirée ?\n\n"
    "Élodie : Oui. Je suis arrivée au Juraparc, il y avait trois cents personnes ; des jeunes, "
    "des élus, des agriculteurs. On m’a mise à la table du fond, près des radiateurs, et autour "
    "de moi une dizaine de personnes. L’animateur avait posé une chaise vide : « la dame de "
    "Gizia ». Il a déplié le canevas, les neuf cases, et il a dit : on ne parle pas du camion.\n\n"
    "Enquêtrice : Et ensuite ?\n\n"
    "Élodie : Le groupe de travail, quatre fois, au pôle.\n"
)


@pytest.fixture(scope="module")
def interview() -> Corpus:
    return Corpus.from_texts(
        {"INT": INTERVIEW},
        metadata={"INT": {"kind": "interview", "speakers": {"Enquêtrice": "P04", "Élodie": "P10"},
                          "respondent_category": "project_holder"}},
    )  # fmt: skip


def test_segments_have_exact_offsets_and_never_cross_a_turn(interview):
    segments = text_segments(interview, size=20)
    text = interview.text("INT")
    for row in segments.itertuples():
        assert text[row.start : row.end] == row.text
    turns = interview.segments
    for row in segments.itertuples():
        inside = turns[(turns["start"] <= row.start) & (row.end <= turns["end"])]
        assert len(inside) == 1 and inside.iloc[0]["speaker"] == "Élodie"
    assert set(segments["speaker"]) == {"Élodie"}
    assert segments["respondent_category"].eq("project_holder").all()
    assert segments["ts_id"].tolist() == [f"INT:t{i:04d}" for i in range(len(segments))]


def test_segments_end_at_the_strongest_punctuation_in_reach(interview):
    segments = text_segments(interview, size=20)
    long_turn = segments[segments["seg_id"] == "INT:0001"]
    assert (long_turn["n_words"].iloc[:-1].between(15, 25)).all()
    assert all(t.rstrip().endswith((".", "»", ";", ":")) for t in long_turn["text"].iloc[:-1])
    assert long_turn["text"].iloc[0].endswith("agriculteurs.")


def test_interviewer_turns_are_left_out_unless_asked(interview):
    asked = text_segments(interview, size=20, include_interviewer=True)
    assert set(asked["speaker"]) == {"Enquêtrice", "Élodie"}
    assert "Pouvez-vous me raconter la soirée ?" in asked["text"].tolist()
    by_actor = text_segments(interview, size=20, interviewer=[], interviewer_actors=["P04"])
    assert set(by_actor["speaker"]) == {"Élodie"}
    with pytest.raises(InputError, match="positive number of words"):
        text_segments(interview, size=0)
    with pytest.raises(InputError, match="no document attribute 'categorie'"):
        text_segments(interview, attributes=["categorie"])


@given(
    st.lists(
        st.text(alphabet="abcdé ’'.,;:!?«»\n-", min_size=0, max_size=60), min_size=1, max_size=6
    ),
    st.integers(min_value=1, max_value=12),
)
def test_segment_offsets_are_exact_for_any_text(paragraphs, size):
    text = "\n\n".join(paragraphs)
    corpus = Corpus.from_texts({"A": text or "x"})
    segments = text_segments(corpus, size=size)
    stored = corpus.text("A")
    for row in segments.itertuples():
        assert stored[row.start : row.end] == row.text and row.text.strip() == row.text
    assert segments["start"].is_monotonic_increasing
    assert (segments["start"].to_numpy()[1:] >= segments["end"].to_numpy()[:-1]).all()


# --------------------------------------------------------------------------- forms and tables


def test_forms_tables_and_presence():
    segments = pd.DataFrame({"ts_id": ["A:t0", "A:t1", "B:t0"], "doc_id": ["A", "A", "B"],
                             "start": [0, 30, 0], "end": [29, 60, 20], "edition": ["E1", "E1", None]})  # fmt: skip
    tokens = pd.DataFrame(
        {"doc_id": ["A", "A", "A", "A", "B", "B", "C"], "start": [0, 10, 31, 65, 2, 9, 0],
         "end": [5, 15, 36, 70, 8, 14, 4], "lemma": ["marché", "le", "marché", "hors", "ferme", "2019", "zzz"],
         "pos": ["NOUN", "DET", "NOUN", "NOUN", "NOUN", "NUM", "NOUN"],
         "is_stop": [False, True, False, False, False, False, False]}
    )  # fmt: skip
    forms = segment_forms(tokens, segments)
    assert forms[["ts_id", "form"]].values.tolist() == [
        ["A:t0", "marché"],
        ["A:t1", "marché"],
        ["B:t0", "ferme"],
    ]
    table = lexical_table(forms, segments, by="edition")
    assert table.to_dict() == {
        "(non renseigné)": {"marché": 0, "ferme": 1},
        "E1": {"marché": 2, "ferme": 0},
    }
    matrix = presence_matrix(forms, segments, min_frequency=2)
    assert matrix.shape == (3, 1) and matrix.matrix.toarray().ravel().tolist() == [1, 1, 0]
    with pytest.raises(InputError, match="no attribute 'kind'"):
        lexical_table(forms, segments, by="kind")


# --------------------------------------------------------------------------- Reinert


def planted_worlds(n_worlds=4, per_world=120, vocabulary=30, words=8, shared=40, seed=7):
    """Segments drawn from lexical worlds: each segment takes words of its own world's
    vocabulary and a few of a vocabulary all worlds share; its document says its world
    only through an attribute."""
    rng = np.random.default_rng(seed)
    rows, forms, truth = [], [], []
    for world in range(n_worlds):
        for i in range(per_world):
            ts_id = f"D{world}-{i // 10}:t{i % 10:04d}"
            truth.append(world)
            rows.append({"ts_id": ts_id, "doc_id": ts_id.split(":")[0], "start": (i % 10) * 100,
                         "text": f"segment {i} du monde {world}", "monde": f"M{world}",
                         "bruit": f"B{rng.integers(3)}"})  # fmt: skip
            own = rng.choice(vocabulary, size=words, replace=False)
            common = rng.choice(shared, size=3, replace=False)
            forms += [(ts_id, f"w{world}_{j}") for j in own] + [
                (ts_id, f"commun_{j}") for j in common
            ]
    segments = pd.DataFrame(rows)
    return segments, pd.DataFrame(forms, columns=["ts_id", "form"]), np.array(truth)


@pytest.mark.parametrize("method", ["simple", "double"])
def test_reinert_recovers_planted_lexical_worlds(method):
    segments, forms, truth = planted_worlds()
    result = reinert(segments, forms, n_classes=6, method=method, attributes=["monde", "bruit"],
                     unit_sizes=(12, 30))  # fmt: skip
    labels = result.classes.loc[segments["ts_id"]].to_numpy()
    assert adjusted_rand_score(truth, labels) > 0.9
    assert result.n_classes == 4
    assert result.n_classified == (labels > 0).sum() >= 0.9 * len(segments)
    for k in range(1, 5):
        members = truth[labels == k]
        world = np.bincount(members).argmax()
        words = result.profiles.loc[result.profiles["class"] == k, "form"].head(8)
        assert all(w.startswith(f"w{world}_") for w in words)
        attributes = result.attributes[result.attributes["class"] == k]
        assert attributes.iloc[0][["attribute", "value"]].tolist() == ["monde", f"M{world}"]
        assert "bruit" not in set(attributes["attribute"])
        typical = result.typical[result.typical["class"] == k]
        assert typical["score"].is_monotonic_decreasing and len(typical) == 5
        assert set(result.classes.loc[typical["ts_id"]]) == {k}
    assert result.sizes["segments"].sum() == result.n_classified
    assert result.linkage.shape == (3, 4)


def test_reinert_does_not_depend_on_the_order_of_segments():
    segments, forms, _ = planted_worlds(seed=11)
    first = reinert(segments, forms, n_classes=6)
    shuffled = segments.sample(frac=1, random_state=3)
    second = reinert(shuffled, forms.sample(frac=1, random_state=4), n_classes=6)
    pd.testing.assert_series_equal(first.classes, second.classes.loc[first.classes.index])
    again = reinert(segments, forms, n_classes=6, seed=0)
    pd.testing.assert_frame_equal(first.profiles, again.profiles)


def test_reinert_checks_its_arguments():
    segments, forms, _ = planted_worlds(n_worlds=2, per_world=20)
    with pytest.raises(InputError, match="n_classes must be 2 or more"):
        reinert(segments, forms, n_classes=1)
    with pytest.raises(InputError, match="unknown classification"):
        reinert(segments, forms, method="triple")


# --------------------------------------------------------------------------- similitudes


def test_similitude_indices_and_tree_by_hand():
    forms = pd.DataFrame(
        [("a", "marché"), ("a", "village"), ("b", "marché"), ("b", "village"), ("c", "marché"),
         ("c", "banque"), ("d", "banque"), ("d", "prêt"), ("e", "banque"), ("e", "prêt")],
        columns=["ts_id", "form"],
    )  # fmt: skip
    segments = pd.DataFrame({"ts_id": list("abcde")})
    count = similitudes(segments, forms, min_frequency=1)
    edges = {frozenset((u, v)): d for u, v, d in count.graph.edges(data=True)}
    assert edges[frozenset(("marché", "village"))]["weight"] == 2
    assert edges[frozenset(("banque", "prêt"))]["weight"] == 2
    assert frozenset(("village", "prêt")) not in edges
    assert sorted(map(sorted, count.tree.edges())) == [["banque", "marché"], ["banque", "prêt"],
                                                      ["marché", "village"]]  # fmt: skip
    jaccard = similitudes(segments, forms, min_frequency=1, index="jaccard")
    # marché in a, b, c; banque in c, d, e: together in c
    assert jaccard.graph["marché"]["banque"]["weight"] == pytest.approx(1 / 5)
    cosine = similitudes(segments, forms, min_frequency=1, index="cosine")
    assert cosine.graph["marché"]["village"]["weight"] == pytest.approx(2 / math.sqrt(3 * 2))
    assert sorted(map(sorted, count.communities)) == [["banque", "prêt"], ["marché", "village"]]
    assert count.nodes.set_index("form").loc["marché", "frequency"] == 3
    with pytest.raises(InputError, match="unknown similitude index"):
        similitudes(segments, forms, index="dice")


# --------------------------------------------------------------------------- figures


def _overlapping_label_pairs(fig) -> int:
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


def test_correspondence_map_has_french_labels_that_do_not_overlap():
    rng = np.random.default_rng(0)
    table = pd.DataFrame(rng.poisson(3, size=(40, 5)) + 1, index=[f"forme{i}" for i in range(40)],
                         columns=["citizen", "elected", "funder", "project_holder", "support_org"])  # fmt: skip
    labels = {"citizen": "citoyens", "elected": "élus"}
    fig = correspondence_map(correspondence_analysis(table), top_rows=30, column_labels=labels)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "citoyens" in texts and "citizen" not in texts and len(texts) == 35
    assert (
        fig.axes[0].get_xlabel().startswith("Axe 1 (")
        and "% de l'inertie" in fig.axes[0].get_xlabel()
    )
    assert _overlapping_label_pairs(fig) == 0
    with pytest.raises(InputError, match="cannot be drawn"):
        correspondence_map(correspondence_analysis(table.iloc[:, :2]))


def test_classification_and_similitude_figures():
    segments, forms, _ = planted_worlds()
    result = reinert(segments, forms, n_classes=6)
    fig = classification_figure(result)
    shown = " ".join(t.get_text() for ax in fig.axes for t in ax.texts) + fig._suptitle.get_text()
    assert all(f"Classe {k}" in shown for k in range(1, 5)) and "segments classés" in shown
    sim = similitudes(segments, forms, top=30)
    fig = similitude_figure(sim)
    assert len(fig.axes[0].texts) == 30
    assert _overlapping_label_pairs(fig) == 0


def test_a_sparse_lexical_matrix_is_analysed_without_being_made_dense():
    segments, forms, _ = planted_worlds()
    matrix = presence_matrix(forms, segments, min_frequency=1)
    truncated = correspondence_analysis(matrix, n_components=3)
    dense = correspondence_analysis(matrix.to_frame())
    np.testing.assert_allclose(truncated.eigenvalues, dense.eigenvalues[:3], rtol=1e-8)
    assert list(truncated.row_coordinates.index) == list(matrix.segments)
    with pytest.raises(InputError, match="supplementary points"):
        correspondence_analysis(matrix, supplementary_rows=[matrix.segments[0]])


def test_figures_are_the_same_bytes_run_after_run(tmp_path):
    from research.pipeline import save_figure, set_output_dir

    segments, forms, _ = planted_worlds()
    svgs = []
    for run in ("a", "b"):
        set_output_dir(tmp_path / run)
        result = reinert(segments, forms, n_classes=6)
        save_figure(classification_figure(result), "classes", formats=("svg",))
        save_figure(
            similitude_figure(similitudes(segments, forms, top=30)), "tree", formats=("svg",)
        )
        svgs.append(
            [(tmp_path / run / "figures" / f"{n}.svg").read_bytes() for n in ("classes", "tree")]
        )
    set_output_dir(None)
    assert svgs[0] == svgs[1]


@pytest.mark.slow
def test_the_chapter_runs_on_the_demo_project(repo_root, tmp_path):
    import shutil

    from research.pipeline import execute_notebook

    for name in ("corpus/documents", "corpus/tables", "codebook"):
        if not (repo_root / name).is_dir():
            pytest.skip(f"the demo project has no {name} in this checkout")
        shutil.copytree(repo_root / name, tmp_path / name)
    out = tmp_path / "outputs" / "run"
    out.mkdir(parents=True)
    execute_notebook(
        repo_root / "notebooks" / "06-lexicometry.ipynb",
        out / "06-lexicometry.ipynb",
        parameters={"n_classes": 8},
        cwd=tmp_path,
        env={"RESEARCH_OUTPUT_DIR": str(out)},
    )
    tables = out / "tables"
    specific = pd.read_csv(tables / "specificities_by_attribute.csv")
    assert {"citizen", "project_holder", "funder"} <= set(specific["part"])
    assert (specific["specificity"] >= 2).all() and specific["left"].notna().any()
    assert set(pd.read_csv(tables / "specificities_by_edition.csv")["part"]) >= {
        "SUT2016",
        "SUT2017",
    }
    eigen = pd.read_csv(tables / "ca_eigenvalues.csv")
    assert eigen["percent"].sum() == pytest.approx(100, abs=1e-3)
    classes = pd.read_csv(tables / "reinert_classes.csv")
    assert 3 <= len(classes) <= 8
    typical = pd.read_csv(tables / "reinert_typical_segments.csv")
    assert "Enquêtrice" not in set(typical["speaker"])  # the interviewer's words are left out
    forms = set(pd.read_csv(tables / "frequent_forms.csv")["form"]) | set(
        pd.read_csv(tables / "reinert_profiles_all.csv")["form"]
    )
    assert "fabrique à entreprendre" in forms  # a compound of the demo's lexicon
    for figure in ("ca_map", "reinert_dendrogram", "similitudes", "specificities_by_attribute"):
        assert (out / "figures" / f"{figure}.svg").is_file()
