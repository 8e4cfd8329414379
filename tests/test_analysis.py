"""Tests of research.analysis against hand-worked examples and independent loops."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from research.analysis import (
    MISSING,
    code_attribute_matrix,
    code_frequencies,
    coder_selection,
    coding_attributes,
    coding_segments,
    cooccurrence_matrix,
    cooccurrence_pairs,
    framework_matrix,
    framework_table,
    plot_cooccurrence,
    select_codings,
    speaker_of,
)
from research.corpus import Corpus
from research.errors import CodingError, InputError, SchemaError

CODES = [
    "ant.interessement",
    "iw.creating.advocacy",
    "iw.disrupting.sanctions",
    "iw.maintaining.policing",
]


@pytest.fixture(scope="module")
def tables(data_dir):
    folder = data_dir / "analysis"
    return {
        name: pd.read_csv(folder / f"{name}.csv", dtype={"start": "int64", "end": "int64"})
        for name in ("documents", "segments", "codings", "actors")
    }


@pytest.fixture(scope="module")
def camille(tables):
    codings = tables["codings"]
    return codings[codings["coder"] == "camille"].reset_index(drop=True)


class _Corpus:
    """The three parts of a corpus framework_matrix uses, from the fixture tables."""

    def __init__(self, documents, segments):
        self.documents, self.segments = documents, segments

    def text(self, doc_id):
        return "x" * 100


def _counts(table, by):
    return {(r["code"], *(r[b] for b in by)): r["n"] for r in table.to_dict("records")}


# ------------------------------------------------------------------ selecting codings


def test_select_codings_refuses_mixed_coders(tables):
    with pytest.raises(CodingError, match="mix 2 coders") as info:
        select_codings(tables["codings"])
    assert "coder='camille'" in info.value.hint


def test_select_codings_unknown_coder_lists_the_known_ones(tables):
    with pytest.raises(CodingError, match="'zoé' has no codings") as info:
        select_codings(tables["codings"], coder="zoé")
    assert "camille, hugo" in info.value.hint


def test_select_codings_names_the_bad_offset_row(camille):
    bad = camille.astype({"end": object})
    bad.loc[3, "end"] = "75.5"
    # loc[3] is the fourth row: row 4 (rows are counted from 1; it once said "row 3")
    with pytest.raises(CodingError, match=r"row 4, column 'end': end '75\.5' is not a whole"):
        select_codings(bad)


def test_select_codings_needs_the_columns(camille):
    with pytest.raises(CodingError, match="no column 'code'"):
        select_codings(camille.drop(columns="code"))


def test_select_codings_does_not_modify_its_input(tables):
    before = tables["codings"].copy()
    select_codings(tables["codings"], coder="hugo")
    pd.testing.assert_frame_equal(tables["codings"], before)


# ---------------------------------------------------------- a chapter's selection

SELECTION_CODINGS = pd.DataFrame(
    {
        "coder": ["camille", "camille", "camille", "hugo"],
        "doc_id": ["INT01", "INT01", "CR01", "INT01"],
        "start": [0, 10, 0, 0],
        "end": [5, 20, 8, 5],
        "code": ["iw.creating.advocacy", "ant.enrolment", "iw.maintaining", "ant.enrolment"],
    }
)
SELECTION_DOCUMENTS = pd.DataFrame({"doc_id": ["INT01", "INT02", "CR01"]})


def test_coder_selection_takes_one_coder_and_some_codes():
    before = SELECTION_CODINGS.copy()
    chosen = coder_selection(SELECTION_CODINGS, coder="camille", codes="iw.*",
                             documents=SELECTION_DOCUMENTS)  # fmt: skip
    assert chosen.ready
    assert chosen.coders == ("camille", "hugo")
    assert chosen.codings["code"].tolist() == ["iw.creating.advocacy", "iw.maintaining"]
    assert chosen.message == (
        "**2** codages de **camille** (`iw.*`) dans **2** documents sur 3 ; "
        "codeurs présents : camille, hugo."
    )
    assert chosen._repr_markdown_() == chosen.message
    pd.testing.assert_frame_equal(SELECTION_CODINGS, before)


def test_coder_selection_of_every_code_in_one_document():
    chosen = coder_selection(SELECTION_CODINGS, coder="hugo")
    assert chosen.codings[["doc_id", "code"]].values.tolist() == [["INT01", "ant.enrolment"]]
    assert chosen.message == (
        "**1** codage de **hugo** (tous les codes) dans **1** document ; "
        "codeurs présents : camille, hugo."
    )


def test_coder_selection_of_institutional_work_adds_pillar_and_form():
    chosen = coder_selection(SELECTION_CODINGS, coder="camille", institutional_work=True)
    assert chosen.codings[["code", "pillar", "form"]].values.tolist() == [
        ["iw.creating.advocacy", "creating", "advocacy"],
        ["iw.maintaining", "maintaining", None],
    ]
    assert chosen.message.startswith("**2** codages de travail institutionnel de **camille**")


def test_coder_without_codings_stops_the_chapter_politely():
    chosen = coder_selection(SELECTION_CODINGS, coder="zoé", codes="iw.*")
    assert not chosen.ready
    assert len(chosen.codings) == 0
    assert chosen.message == (
        "Aucun codage de **zoé** (`iw.*`) dans `corpus/codings/` (codeurs présents : "
        "camille, hugo). Le chapitre s'arrête ici : codez des documents, ou choisissez "
        "un autre codeur avec `-p coder=...`."
    )


def test_coder_whose_codes_are_not_institutional_work_is_not_ready():
    chosen = coder_selection(SELECTION_CODINGS, coder="hugo", institutional_work=True)
    assert not chosen.ready
    assert chosen.message.startswith("Aucun codage de travail institutionnel de **hugo** (tous")


def test_coder_selection_with_no_codings_at_all():
    chosen = coder_selection(SELECTION_CODINGS.iloc[0:0], coder="camille", codes=["a", "b"])
    assert chosen.coders == ()
    assert "(`a, b`)" in chosen.message
    assert "codeurs présents : aucun" in chosen.message


def test_coder_selection_refuses_a_pattern_matching_nothing():
    with pytest.raises(CodingError, match=r"matches 'iv\.\*'"):
        coder_selection(SELECTION_CODINGS, coder="camille", codes="iv.*")


def test_coder_selection_needs_the_columns():
    with pytest.raises(CodingError, match="no column 'code'"):
        coder_selection(SELECTION_CODINGS.drop(columns="code"), coder="camille")


# --------------------------------------------------------------------- segments


def test_coding_segments_hand_worked(camille, tables):
    pairs = coding_segments(camille, tables["segments"])
    assert pairs.values.tolist() == [
        [0, "INT01:0001"],
        [1, "INT01:0001"],
        [1, "INT01:0002"],
        [2, "INT01:0003"],
        [3, "INT01:0003"],
        [4, "INT02:0001"],
        [5, "INT02:0001"],
        [6, "CR01:0000"],
        [6, "CR01:0001"],
        [7, "CR01:0001"],
    ]


def test_coding_segments_edges_are_exclusive():
    segs = pd.DataFrame(
        {"doc_id": ["D", "D"], "seg_id": ["a", "b"], "start": [0, 10], "end": [10, 20]}
    )
    cods = pd.DataFrame({"doc_id": ["D", "D", "D"], "start": [10, 5, 20], "end": [12, 10, 25]})
    assert coding_segments(cods, segs).values.tolist() == [[0, "b"], [1, "a"]]


def _loop_pairs(codings, segments):
    found = []
    for i, c in enumerate(codings.to_dict("records")):
        for s in segments.sort_values(["doc_id", "start"]).to_dict("records"):
            if s["doc_id"] == c["doc_id"] and s["start"] < c["end"] and c["start"] < s["end"]:
                found.append((i, s["seg_id"]))
    return found


@settings(max_examples=25, deadline=None)
@given(
    cuts=st.lists(st.integers(1, 60), min_size=1, max_size=6),
    spans=st.lists(
        st.tuples(st.sampled_from(["A", "B", "C"]), st.integers(0, 70), st.integers(1, 30)),
        max_size=12,
    ),
    gaps=st.booleans(),
)
def test_coding_segments_matches_a_loop(cuts, spans, gaps):
    rows = []
    for doc in ("B", "A"):  # not in sorted order on purpose
        edges = np.cumsum([0, *cuts])
        for k, (a, b) in enumerate(itertools.pairwise(edges)):
            rows.append({"doc_id": doc, "seg_id": f"{doc}:{k}", "start": a + gaps, "end": b})
    segments = pd.DataFrame(rows)
    codings = pd.DataFrame(
        [{"doc_id": d, "start": s, "end": s + n} for d, s, n in spans],
        columns=["doc_id", "start", "end"],
    )
    got = [tuple(x) for x in coding_segments(codings, segments).values.tolist()]
    assert got == _loop_pairs(codings, segments)


def test_coding_segments_with_overlapping_segments_falls_back_to_a_join():
    segs = pd.DataFrame(
        {
            "doc_id": ["D", "D", "D"],
            "seg_id": ["a", "b", "c"],
            "start": [0, 2, 30],
            "end": [50, 10, 40],
        }
    )
    cods = pd.DataFrame({"doc_id": ["D"], "start": [20], "end": [35]})
    assert coding_segments(cods, segs).values.tolist() == [[0, "a"], [0, "c"]]


def test_speaker_of_outside_every_segment_is_missing(tables):
    cods = pd.DataFrame({"doc_id": ["INT01", "ZZZ"], "start": [12, 0], "end": [14, 3]})
    found = speaker_of(cods, tables["segments"])
    assert found.loc[0, ["seg_id", "speaker", "actor"]].tolist() == ["INT01:0001", "Élodie", "P10"]
    assert found.loc[1].isna().all()


# ------------------------------------------------------------------ attributes


def test_coding_attributes_speaker_wins_over_respondent(camille, tables):
    found = coding_attributes(
        camille, tables["documents"], segments=tables["segments"], actors=tables["actors"]
    )
    assert found["actor"].tolist() == ["P10", "P10", "P10", "P10", "P05", "P05", None, None]
    assert found.loc[4, ["actor_category", "organisation_label"]].tolist() == [
        "elected",
        "ECLA",
    ]
    assert found.loc[0, "organisation"] == "O15"


def test_coding_attributes_without_segments_uses_the_respondent(camille, tables):
    found = coding_attributes(camille, tables["documents"], actors=tables["actors"])
    assert found["actor"].tolist()[:6] == ["P10"] * 4 + ["P05"] * 2
    assert "seg_id" not in found.columns


def test_coding_attributes_unknown_document(camille, tables):
    bad = camille.assign(doc_id=camille["doc_id"].replace({"CR01": "CR99"}))
    with pytest.raises(CodingError, match="not in the documents table: CR99"):
        coding_attributes(bad, tables["documents"])


def test_coding_attributes_organisation_actor_is_its_own_organisation(tables):
    docs = pd.DataFrame({"doc_id": ["N"], "respondent": ["O03"]})
    cods = pd.DataFrame({"doc_id": ["N"], "start": [0], "end": [1]})
    found = coding_attributes(cods, docs, actors=tables["actors"])
    assert found.loc[0, ["actor_category", "organisation", "organisation_label"]].tolist() == [
        "public_body",
        "O03",
        "ECLA",
    ]


def test_coding_attributes_rejects_a_wrong_registry(camille, tables):
    with pytest.raises(InputError, match="actor registry"):
        coding_attributes(camille, tables["documents"], actors=["P10"])
    with pytest.raises(SchemaError, match="no column 'category'"):
        coding_attributes(
            camille, tables["documents"], actors=tables["actors"].drop(columns="category")
        )


# ----------------------------------------------------------------- frequencies


def test_frequencies_by_kind_codings(camille, tables):
    table = code_frequencies(camille, tables["documents"], by="kind")
    assert table["code"].unique().tolist() == CODES
    assert _counts(table, ["kind"]) == {
        ("ant.interessement", "interview"): 2,
        ("ant.interessement", "minutes"): 1,
        ("iw.creating.advocacy", "interview"): 3,
        ("iw.creating.advocacy", "minutes"): 0,
        ("iw.disrupting.sanctions", "interview"): 0,
        ("iw.disrupting.sanctions", "minutes"): 1,
        ("iw.maintaining.policing", "interview"): 1,
        ("iw.maintaining.policing", "minutes"): 0,
    }
    totals = table.drop_duplicates("kind").set_index("kind")["n_units"].to_dict()
    assert totals == {"interview": 6, "minutes": 2}
    assert table.loc[table["code"].eq("iw.creating.advocacy"), "share"].tolist() == [0.5, 0.0]


def test_frequencies_by_kind_documents_count_coded_documents_only(camille, tables):
    table = code_frequencies(camille, tables["documents"], by="kind", unit="document")
    assert _counts(table, ["kind"])[("iw.creating.advocacy", "interview")] == 2
    assert _counts(table, ["kind"])[("iw.maintaining.policing", "interview")] == 1
    totals = table.drop_duplicates("kind").set_index("kind")["n_units"].to_dict()
    assert totals == {"interview": 2, "minutes": 1}  # INT09 has no coding


def test_frequencies_by_kind_segments(camille, tables):
    table = code_frequencies(
        camille, tables["documents"], by="kind", unit="segment", segments=tables["segments"]
    )
    assert _counts(table, ["kind"]) == {
        ("ant.interessement", "interview"): 3,
        ("ant.interessement", "minutes"): 1,
        ("iw.creating.advocacy", "interview"): 3,
        ("iw.creating.advocacy", "minutes"): 0,
        ("iw.disrupting.sanctions", "interview"): 0,
        ("iw.disrupting.sanctions", "minutes"): 2,
        ("iw.maintaining.policing", "interview"): 1,
        ("iw.maintaining.policing", "minutes"): 0,
    }
    totals = table.drop_duplicates("kind").set_index("kind")["n_units"].to_dict()
    assert totals == {"interview": 6, "minutes": 2}


#: The group of passages without a speaker in the fixture's minutes.
MINUTES = "(sans locuteur : compte rendu)"


def test_frequencies_by_speaker_category(camille, tables):
    options = {"segments": tables["segments"], "actors": tables["actors"]}
    table = code_frequencies(camille, tables["documents"], by="actor_category", **options)
    counts = {k: v for k, v in _counts(table, ["actor_category"]).items() if v}
    assert counts == {
        ("ant.interessement", MINUTES): 1,
        ("ant.interessement", "elected"): 1,
        ("ant.interessement", "project_holder"): 1,
        ("iw.creating.advocacy", "elected"): 1,
        ("iw.creating.advocacy", "project_holder"): 2,
        ("iw.disrupting.sanctions", MINUTES): 1,
        ("iw.maintaining.policing", "project_holder"): 1,
    }
    segs = code_frequencies(
        camille, tables["documents"], by="actor_category", unit="segment", **options
    )
    assert _counts(segs, ["actor_category"])[("ant.interessement", "researcher")] == 1
    totals = segs.drop_duplicates("actor_category").set_index("actor_category")["n_units"]
    assert totals.to_dict() == {MINUTES: 2, "elected": 1, "project_holder": 2, "researcher": 3}


def test_frequencies_agree_with_a_crosstab(camille, tables):
    table = code_frequencies(camille, tables["documents"], by=["kind", "edition"])
    merged = camille.merge(tables["documents"], on="doc_id")
    expected = pd.crosstab(merged["code"], [merged["kind"], merged["edition"]])
    for (code, kind, edition), n in _counts(table, ["kind", "edition"]).items():
        assert n == expected.get((kind, edition), pd.Series(dtype=int)).get(code, 0)


def test_frequencies_include_children_counts_each_coding_once(camille, tables):
    table = code_frequencies(
        camille, tables["documents"], by=None, codes="iw*", include_children=True
    )
    got = dict(zip(table["code"], table["n"], strict=True))
    assert got == {
        "iw": 5,
        "iw.creating": 3,
        "iw.creating.advocacy": 3,
        "iw.disrupting": 1,
        "iw.disrupting.sanctions": 1,
        "iw.maintaining": 1,
        "iw.maintaining.policing": 1,
    }
    assert set(table["n_units"]) == {5}


def test_frequencies_keep_a_named_unused_code_in_the_given_order(camille, tables):
    table = code_frequencies(
        camille, tables["documents"], by=None, codes=["iw.maintaining.policing", "iw.none"]
    )
    assert table[["code", "n"]].values.tolist() == [["iw.maintaining.policing", 1], ["iw.none", 0]]


def test_frequencies_explode_list_attributes(camille, tables):
    docs = tables["documents"].astype({"respondent": object})
    docs["team"] = [["a", "b"], ["b"], None, ["a"]]
    table = code_frequencies(camille, docs, by="team", codes="iw.creating.advocacy")
    assert _counts(table, ["team"]) == {
        ("iw.creating.advocacy", "a"): 2,
        ("iw.creating.advocacy", "b"): 3,
    }  # CR01 (no team) has no advocacy coding, so no group of its own


def test_frequencies_errors(camille, tables):
    with pytest.raises(InputError, match="no attribute 'genre'") as info:
        code_frequencies(camille, tables["documents"], by="genre")
    assert "edition" in info.value.hint
    with pytest.raises(InputError, match="needs the segments"):
        code_frequencies(camille, tables["documents"], unit="segment")
    with pytest.raises(InputError, match="unit must be"):
        code_frequencies(camille, tables["documents"], unit="paragraph")
    with pytest.raises(SchemaError, match="documents table has no column 'doc_id'"):
        code_frequencies(camille, tables["documents"].rename(columns={"doc_id": "id"}))


def test_code_attribute_matrix(camille, tables):
    matrix = code_attribute_matrix(camille, tables["documents"], "edition")
    assert list(matrix.columns) == ["SUT2016", "SUT2017", "total"]
    assert matrix.loc["iw.creating.advocacy"].tolist() == [2, 1, 3]
    assert matrix.loc["ant.interessement"].tolist() == [1, 2, 3]
    assert matrix.attrs["n_units"] == {"SUT2016": 4, "SUT2017": 4, "total": 8}
    shares = code_attribute_matrix(camille, tables["documents"], "edition", value="share")
    assert shares.loc["iw.creating.advocacy", "SUT2016"] == pytest.approx(2 / 4)
    with pytest.raises(InputError, match="value must be"):
        code_attribute_matrix(camille, tables["documents"], "edition", value="pct")


# ------------------------------------------------------------------ co-occurrence


def test_cooccurrence_segments_hand_worked(camille, tables):
    m = cooccurrence_matrix(camille, tables["segments"])
    assert list(m.index) == CODES
    assert m.values.tolist() == [[4, 2, 1, 0], [2, 3, 0, 1], [1, 0, 2, 0], [0, 1, 0, 1]]
    assert m.attrs["n_units"] == 6
    j = cooccurrence_matrix(camille, tables["segments"], measure="jaccard")
    assert j.loc["ant.interessement", "iw.creating.advocacy"] == pytest.approx(2 / 5)
    assert np.diag(j).tolist() == [1.0] * 4


def test_cooccurrence_documents_hand_worked(camille):
    m = cooccurrence_matrix(camille, unit="document")
    assert m.values.tolist() == [[3, 2, 1, 1], [2, 2, 0, 1], [1, 0, 1, 0], [1, 1, 0, 1]]


def test_cooccurrence_top_keeps_the_most_used_codes_in_order(camille, tables):
    m = cooccurrence_matrix(camille, tables["segments"], top=2)
    assert list(m.index) == ["ant.interessement", "iw.creating.advocacy"]
    assert m.values.tolist() == [[4, 2], [2, 3]]
    j = cooccurrence_matrix(camille, tables["segments"], top=3, measure="jaccard")
    assert list(j.index) == CODES[:3]


def test_select_codings_by_codes(camille):
    assert len(select_codings(camille, codes="iw.*")) == 5
    assert len(select_codings(camille, codes=["ant.interessement", "iw.none"])) == 3


def test_cooccurrence_unused_code_gives_zeros_not_nan(camille, tables):
    j = cooccurrence_matrix(
        camille, tables["segments"], codes=["iw.none", "ant.interessement"], measure="jaccard"
    )
    assert j.values.tolist() == [[0.0, 0.0], [0.0, 1.0]]


@settings(max_examples=25, deadline=None)
@given(
    spans=st.lists(
        st.tuples(
            st.sampled_from(["A", "B"]),
            st.integers(0, 90),
            st.integers(1, 25),
            st.sampled_from("pqrs"),
        ),
        min_size=1,
        max_size=15,
    )
)
def test_cooccurrence_matches_explicit_loops(spans):
    segments = pd.DataFrame(
        [
            {"doc_id": d, "seg_id": f"{d}:{k}", "start": 10 * k, "end": 10 * k + 8}
            for d in "AB"
            for k in range(10)
        ]
    )
    codings = pd.DataFrame(
        [{"doc_id": d, "start": s, "end": s + n, "code": c} for d, s, n, c in spans]
    )
    got = cooccurrence_matrix(codings, segments)
    sets: dict[str, set] = {}
    for c in codings.to_dict("records"):
        for s in segments.to_dict("records"):
            if s["doc_id"] == c["doc_id"] and s["start"] < c["end"] and c["start"] < s["end"]:
                sets.setdefault(s["seg_id"], set()).add(c["code"])
    codes = sorted(codings["code"].unique())
    for a, b in itertools.product(codes, codes):
        assert got.loc[a, b] == sum(1 for found in sets.values() if a in found and b in found)
    jac = cooccurrence_matrix(codings, segments, measure="jaccard")
    for a, b in itertools.product(codes, codes):
        both = got.loc[a, b]
        either = sum(1 for found in sets.values() if a in found or b in found)
        assert jac.loc[a, b] == pytest.approx(both / either if either else 0.0)


def test_cooccurrence_pairs_hand_worked(camille, tables):
    m = cooccurrence_matrix(camille, tables["segments"])
    assert cooccurrence_pairs(m).values.tolist() == [
        ["ant.interessement", "iw.creating.advocacy", 2],
        ["ant.interessement", "iw.disrupting.sanctions", 1],
        ["iw.creating.advocacy", "iw.maintaining.policing", 1],
    ]
    assert len(cooccurrence_pairs(m, top=1)) == 1


def test_cooccurrence_errors(camille):
    with pytest.raises(InputError, match="needs the segments"):
        cooccurrence_matrix(camille)
    with pytest.raises(InputError, match="measure must be"):
        cooccurrence_matrix(camille, unit="document", measure="cosine")
    with pytest.raises(InputError, match="unit must be"):
        cooccurrence_matrix(camille, unit="coding")


def test_plot_cooccurrence_labels_and_annotations(camille, tables):
    m = cooccurrence_matrix(camille, tables["segments"])
    fig = plot_cooccurrence(
        m, labels={"ant.interessement": "Intéressement"}, title="Co-occurrences"
    )
    ax = fig.axes[0]
    assert ax.get_yticklabels()[0].get_text() == "Intéressement"
    assert sorted(t.get_text() for t in ax.texts) == ["1", "1", "1", "1", "2", "2"]


# ------------------------------------------------------------------ framework matrix


def test_framework_matrix_hand_worked(camille, tables):
    corpus = _Corpus(tables["documents"], tables["segments"])
    fm = framework_matrix(camille, corpus, rows="edition", quote_chars=20)
    assert fm[["edition", "code", "n", "n_documents", "doc_id", "start"]].values.tolist() == [
        ["SUT2016", "ant.interessement", 1, 1, "INT01", 15],
        ["SUT2016", "iw.creating.advocacy", 2, 1, "INT01", 12],
        ["SUT2016", "iw.maintaining.policing", 1, 1, "INT01", 60],
        ["SUT2017", "ant.interessement", 2, 2, "CR01", 50],
        ["SUT2017", "iw.creating.advocacy", 1, 1, "INT02", 25],
        ["SUT2017", "iw.disrupting.sanctions", 1, 1, "CR01", 5],
    ]
    quote = fm.loc[0, "quote"].replace("\u00a0", " ")
    assert quote == "“Vous voulez le […]"
    assert fm.loc[1, "reference"] == "INT01, porteur de projet, 2019"
    assert fm.loc[3, "reference"] == "compte rendu CR01, 2017"


def test_framework_matrix_with_actors_uses_speaker_and_pseudonym(camille, tables):
    corpus = _Corpus(tables["documents"], tables["segments"])
    fm = framework_matrix(
        camille,
        corpus,
        rows="actor_category",
        actors=tables["actors"],
        style="pseudonym",
        codes="iw.*",
    )
    cell = fm[(fm["actor_category"] == "project_holder") & (fm["code"] == "iw.creating.advocacy")]
    assert cell["reference"].tolist() == ["Élodie, porteuse de projet, 2019"]
    assert cell["n"].tolist() == [2]


def test_framework_matrix_reads_missing_quotes_from_the_text():
    corpus = Corpus.from_texts(
        {"A": "I : Et alors ?\nR : Le pôle a tout changé pour nous."},
        metadata={
            "A": {"kind": "interview", "date": "2020-01-01", "respondent_category": "citizen"}
        },
    )
    start = corpus.text("A").index("Le pôle")
    cods = pd.DataFrame(
        {"doc_id": ["A"], "start": [start], "end": [start + 19], "code": ["x"], "quote": [""]}
    )
    fm = framework_matrix(cods, corpus)
    assert fm.loc[0, "quote"] == "Le pôle a tout chan […]"  # cut inside a word, marked


def test_framework_table(camille, tables):
    corpus = _Corpus(tables["documents"], tables["segments"])
    fm = framework_matrix(camille, corpus, rows="edition", codes=[*CODES, "iw.unused"])
    wide = framework_table(fm, labels={"iw.creating.advocacy": "Plaidoyer"})
    assert list(wide.index) == ["SUT2016", "SUT2017"]
    assert list(wide.columns)[1] == "Plaidoyer"
    assert wide.loc["SUT2016", "iw.disrupting.sanctions"] == ""
    assert wide.loc["SUT2016", "iw.unused"] == ""
    cell = wide.loc["SUT2016", "Plaidoyer"].replace("\u00a0", " ")
    assert cell == "« On est allés voir l’élu […] » (INT01, porteur de projet, 2019) [n = 2]"


def test_category_labels_cover_every_actor_category():
    from research.analysis import CATEGORY_LABELS
    from research.editions import ACTOR_CATEGORIES

    every = {c for cats in ACTOR_CATEGORIES.values() for c in cats}
    assert every <= set(CATEGORY_LABELS)
    assert len(set(CATEGORY_LABELS.values())) == len(CATEGORY_LABELS)


# ------------------------------------------------------------------ chapter notebooks


def _demo_copy(repo_root, tmp_path, *, coders=("camille", "hugo")):
    """The demo project's documents, tables and codebook, with synthetic codings."""
    import shutil

    from research.corpus import load_corpus

    for name in ("corpus/documents", "corpus/tables", "codebook"):
        if not (repo_root / name).is_dir():
            pytest.skip(f"the demo project has no {name} in this checkout")
        shutil.copytree(repo_root / name, tmp_path / name)
    corpus = load_corpus(tmp_path / "corpus" / "documents", root=tmp_path)
    codes = ["iw.creating.advocacy", "iw.maintaining.policing", "ant.interessement",
             "ant.enrolment.roles", "iw.disrupting.disconnecting_sanctions", "ant.dissidence"]  # fmt: skip
    segs = corpus.segments[corpus.segments["end"] - corpus.segments["start"] > 30]
    folder = tmp_path / "corpus" / "codings"
    folder.mkdir()
    for k, coder in enumerate(coders):
        rows = []
        for i, seg in enumerate(segs.iloc[::7].itertuples()):
            code = codes[(i + k * (i % 3 == 0)) % len(codes)]
            end = seg.start + 30
            rows.append({"coder": coder, "doc_id": seg.doc_id, "start": seg.start, "end": end,
                         "code": code, "quote": corpus.text(seg.doc_id)[seg.start : end],
                         "memo": "", "created": "2024-01-01T00:00:00Z"})  # fmt: skip
        pd.DataFrame(rows).to_csv(folder / f"{coder}.csv", index=False)
    return tmp_path


def _run_chapter(repo_root, project, notebook, parameters):
    from research.pipeline import execute_notebook

    out = project / "outputs" / "run"
    out.mkdir(parents=True)
    nb, _ = execute_notebook(
        repo_root / "notebooks" / notebook,
        out / notebook,
        parameters=parameters,
        cwd=project,
        env={"RESEARCH_OUTPUT_DIR": str(out)},
    )
    return out, nb


@pytest.mark.slow
def test_chapter_03_runs_on_the_demo_project(repo_root, tmp_path):
    project = _demo_copy(repo_root, tmp_path)
    out, _ = _run_chapter(repo_root, project, "03-coding-and-agreement.ipynb",
                          {"n_boot": 50, "framework_codes": "*"})  # fmt: skip
    kinds = pd.read_csv(out / "tables" / "frequencies_by_kind.csv")
    assert {"interview", "minutes", "total"} <= set(kinds.columns)
    assert kinds["total"].sum() == len(pd.read_csv(project / "corpus" / "codings" / "camille.csv"))
    agreement = pd.read_csv(out / "tables" / "agreement.csv")
    assert "(all codes)" in set(agreement["code"])
    assert (out / "figures" / "cooccurrence_heatmap.svg").is_file()
    assert "«" in (out / "tables" / "framework_matrix.csv").read_text(encoding="utf-8")
    assert (out / "quotes" / "disagreements.md").is_file()
    saturation = pd.read_csv(out / "tables" / "saturation.csv")
    assert saturation["doc_id"].str.startswith("INT").all()  # interviews, in date order
    assert saturation["new_codes"].sum() == saturation["cumulative_codes"].iloc[-1]
    for name in ("saturation_curve", "code_relations_heatmap", "code_document_heatmap",
                 "document_portrait"):  # fmt: skip
        assert (out / "figures" / f"{name}.svg").is_file(), name


@pytest.mark.slow
def test_chapter_03_without_codings_says_so(repo_root, tmp_path):
    project = _demo_copy(repo_root, tmp_path, coders=())
    out, nb = _run_chapter(repo_root, project, "03-coding-and-agreement.ipynb", {})
    text = "".join(
        str(o.get("data", {}).get("text/markdown", ""))
        for c in nb.cells
        for o in c.get("outputs", [])
    )
    assert "Ce projet n'a encore aucun codage" in text
    assert "`research code text DOCUMENT" in text and "research.CodingSession" in text
    assert not (out / "tables").exists()


@pytest.mark.slow
def test_chapter_05_runs_on_the_demo_project(repo_root, tmp_path):
    project = _demo_copy(repo_root, tmp_path)
    out, _ = _run_chapter(repo_root, project, "05-actor-network.ipynb", {"layout_iterations": 5})
    evolution = pd.read_csv(out / "tables" / "evolution.csv")
    assert evolution["edition"].tolist() == ["SUT2016", "SUT2017", "SUT2019"]
    assert (
        (out / "pages" / "network.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    )
    assert not (out / "network" / "network.html").exists()
    for name in ("network.gexf", "network.graphml", "network.net"):
        assert (out / "network" / name).stat().st_size > 0
    manifest = [json.loads(line) for line in (out / ".manifest.jsonl").read_text().splitlines()]
    manifest = [{k: v for k, v in item.items() if k != "cell"} for item in manifest]
    assert {"kind": "page", "name": "network", "files": ["pages/network.html"],
            "caption": "Réseau d'acteurs par édition (vue interactive)"} in manifest  # fmt: skip
    moments = pd.read_csv(out / "tables" / "translation_by_edition.csv")
    assert moments["moment"].tolist()[:2] == ["Problématisation", "Intéressement"]


def test_group_names_name_passages_without_speaker_by_document_kind():
    from research.analysis import group_names

    frame = pd.DataFrame(
        {
            "kind": ["logbook", "minutes", "interview", "note2", None],
            "actor_category": [None, None, "elected", None, None],
            "edition": [None, "SUT2017", None, None, None],
        }
    )
    assert group_names(frame, "actor_category").tolist() == [
        "(sans locuteur : journal de bord)",
        "(sans locuteur : compte rendu)",
        "elected",
        "(sans locuteur : note2)",
        MISSING,
    ]
    assert group_names(frame, "edition").tolist() == [MISSING, "SUT2017", MISSING, MISSING, MISSING]


def test_a_code_pattern_that_matches_nothing_is_an_error_not_an_empty_table(camille, tables):
    with pytest.raises(CodingError, match=r"matches 'iv\.\*'.*iw\.creating\.advocacy"):
        code_frequencies(camille, tables["documents"], codes="iv.*")
    chosen = ["iw.creating.advocacy", "iw.disrupting.undermining"]
    table = code_frequencies(camille, tables["documents"], codes=chosen)
    assert table["code"].unique().tolist() == chosen
    assert table[table["code"] == chosen[1]]["n"].sum() == 0
    nothing_coded = camille.iloc[0:0]
    assert code_frequencies(nothing_coded, tables["documents"], codes="*").empty
