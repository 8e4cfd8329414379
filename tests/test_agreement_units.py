"""Tests of research.agreement: units of agreement and the agreement table."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from research.agreement import (
    agreement_from_units,
    agreement_report,
    agreement_scope,
    agreement_table,
    brennan_prediger_kappa,
    character_units,
    cohen_kappa,
    document_units,
    documents_in_common,
    krippendorff_alpha,
    segment_codings,
    segment_units,
    segment_values,
    select_codes,
)
from research.errors import AgreementError, CodingError, SchemaError

DATA = Path(__file__).parent / "data" / "agreement"
DONE = {"A": ["INT01", "CR01", "INT02"], "B": ["INT01", "CR01"], "C": ["INT01", "CR01"]}


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return json.loads((DATA / "texts.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def segments() -> pd.DataFrame:
    return pd.read_csv(DATA / "segments.csv", keep_default_na=False)


@pytest.fixture(scope="module")
def codings() -> pd.DataFrame:
    return pd.read_csv(DATA / "codings.csv", keep_default_na=False)


def test_fixture_offsets_match_texts(texts, segments, codings):
    for r in segments.itertuples():
        assert texts[r.doc_id][r.start : r.end] == r.text
    for r in codings.itertuples():
        assert texts[r.doc_id][r.start : r.end] == r.quote


# ------------------------------------------------------------- documents, codes


def test_documents_in_common_recorded_inferred_and_frame(codings):
    assert documents_in_common(codings, coders=["A", "B"], documents_coded=DONE) == [
        "CR01",
        "INT01",
    ]
    assert documents_in_common(codings, coders=["A", "B"], infer_documents=True) == [
        "CR01",
        "INT01",
    ]
    frame = pd.DataFrame({"coder": ["A", "A", "B"], "doc_id": ["INT01", "INT02", "INT02"]})
    assert documents_in_common(codings, coders=["A", "B"], documents_coded=frame) == ["INT02"]


def test_recorded_documents_count_where_a_coder_coded_nothing(codings, segments):
    # B finished INT02 without coding anything in it: it counts, unlike when inferred.
    done = {**DONE, "B": ["INT01", "CR01", "INT02"]}
    units = segment_units(codings, segments, coders=["A", "B"], documents_coded=done)
    row = units[(units["code"] == "ant.problematisation") & (units["seg_id"] == "INT02:0001")]
    assert row[["A", "B"]].values.tolist() == [[1, 0]]
    inferred = segment_units(codings, segments, coders=["A", "B"], infer_documents=True)
    assert "INT02" not in set(inferred["doc_id"])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "say which documents"),
        ({"documents_coded": DONE, "infer_documents": True}, "not both"),
        ({"documents_coded": {"A": ["INT01"]}}, "no list for coder"),
        ({"documents_coded": {"A": ["INT01"], "B": ["CR01"]}}, "no document has been coded"),
    ],
)
def test_documents_errors(codings, kwargs, message):
    with pytest.raises(AgreementError, match=message):
        documents_in_common(codings, coders=["A", "B"], **kwargs)


def test_select_codes_patterns_and_literals():
    used = ["iw.creating.advocacy", "iw.creating.theorizing", "iw.maintaining.policing", "ant.x"]
    assert select_codes(used, "iw.creating.*") == used[:2]
    assert select_codes(used, ["ant.x", "iw.*"]) == sorted(used)
    assert select_codes(used, "iw.disrupting.undermining") == ["iw.disrupting.undermining"]
    with pytest.raises(AgreementError, match=r"matches 'iw\.disrupting\.\*'"):
        select_codes(used, "iw.disrupting.*")


# -------------------------------------------------------------- segment level


def test_segment_codings_overlap_rule():
    seg = pd.DataFrame(
        {
            "doc_id": ["D", "D", "E"],
            "seg_id": ["s0", "s1", "e0"],
            "start": [0, 10, 0],
            "end": [8, 20, 8],
        }
    )
    cod = pd.DataFrame({"doc_id": ["D", "D", "D"], "start": [5, 8, 18], "end": [12, 10, 30]})
    pairs = segment_codings(cod, seg)
    # [5, 12) meets s0 (3 chars) and s1 (2); [8, 10) falls between them; [18, 30) meets s1
    assert pairs[["coding_row", "seg_id", "overlap"]].values.tolist() == [
        [0, "s0", 3],
        [0, "s1", 2],
        [2, "s1", 2],
    ]
    assert segment_codings(cod, seg, min_overlap=3)["seg_id"].tolist() == ["s0"]
    with pytest.raises(AgreementError, match="min_overlap"):
        segment_codings(cod, seg, min_overlap=0)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15)), min_size=1, max_size=12),
    st.lists(st.tuples(st.integers(0, 70), st.integers(1, 20)), max_size=12),
    st.integers(1, 4),
)
def test_segment_codings_matches_brute_force(segs, cods, min_overlap):
    # segments may overlap and come in any order: the sweep must still be exact
    seg = pd.DataFrame(
        {
            "doc_id": "D",
            "seg_id": [f"s{i}" for i in range(len(segs))],
            "start": [s for s, _ in segs],
            "end": [s + n for s, n in segs],
        }
    )
    cod = pd.DataFrame(
        {"doc_id": "D", "start": [s for s, _ in cods], "end": [s + n for s, n in cods]}
    )
    got = {
        (r.coding_row, r.seg_id, r.overlap)
        for r in segment_codings(cod, seg, min_overlap=min_overlap).itertuples()
    }
    expected = set()
    for i, c in cod.iterrows():
        for s in seg.itertuples():
            shared = min(c.end, s.end) - max(c.start, s.start)
            if shared >= min_overlap:
                expected.add((i, s.seg_id, shared))
    assert got == expected


def test_segment_units_presence(codings, segments):
    units = segment_units(codings, segments, coders=["A", "B"], documents_coded=DONE)
    assert len(units) == 5 * 6  # five codes used × six segments of INT01 and CR01
    theorizing = units[units["code"] == "iw.creating.theorizing"]
    # A's coding runs from CR01:0000 into CR01:0001 and counts in both
    assert theorizing[["seg_id", "A", "B"]].values.tolist() == [
        ["CR01:0000", 1, 1],
        ["CR01:0001", 1, 0],
        ["INT01:0000", 0, 0],
        ["INT01:0001", 0, 0],
        ["INT01:0002", 0, 0],
        ["INT01:0003", 0, 0],
    ]
    assert set(units["weight"]) == {1}
    only_iw = segment_units(
        codings, segments, coders=["A", "B"], documents_coded=DONE, codes="iw.*"
    )
    assert set(only_iw["code"]) == {
        "iw.creating.advocacy",
        "iw.creating.normative_networks",
        "iw.creating.theorizing",
    }


def test_segment_values_multi_valued(codings, segments):
    values = segment_values(
        codings, segments, coders=["A", "B"], documents_coded=DONE, codes=["ant.*"]
    )
    by_seg = values.set_index("seg_id")
    assert by_seg.loc["INT01:0001", ["A", "B"]].tolist() == [
        "ant.problematisation",
        "ant.problematisation",
    ]
    assert by_seg.loc["INT01:0003", ["A", "B"]].tolist() == ["(none)", "ant.enrolment"]
    all_codes = segment_values(codings, segments, coders=["A", "B"], documents_coded=DONE)
    both = all_codes.set_index("seg_id").loc["INT01:0001", "A"]
    assert both == "ant.problematisation + iw.creating.normative_networks"
    alpha = krippendorff_alpha(values[["A", "B"]].to_numpy().T, layout="coders_units")
    assert -1 <= alpha <= 1


# ---------------------------------------------------------- character level


def reference_characters(codings, lengths, coders, codes, docs):
    """Per-character boolean arrays, one per coder: a plain, independent count."""
    counts = {}
    for code in codes:
        for doc in docs:
            cover = np.zeros((len(coders), lengths[doc]), dtype=bool)
            mine = codings[(codings["code"] == code) & (codings["doc_id"] == doc)]
            for r in mine.itertuples():
                if r.coder in coders:
                    cover[coders.index(r.coder), r.start : r.end] = True
            patterns, n = np.unique(cover.T, axis=0, return_counts=True)
            for p, k in zip(patterns, n, strict=True):
                counts[(code, doc, *map(int, p))] = int(k)
    return counts


def test_character_units_fixture_against_reference(codings, texts):
    lengths = {d: len(t) for d, t in texts.items()}
    units = character_units(codings, lengths, coders=["A", "B", "C"], documents_coded=DONE)
    got = {(r.code, r.doc_id, r.A, r.B, r.C): r.weight for r in units.itertuples()}
    codes = sorted(set(codings["code"]))
    expected = reference_characters(codings, lengths, ["A", "B", "C"], codes, ["CR01", "INT01"])
    assert got == expected
    assert units.groupby("code")["weight"].sum().eq(lengths["CR01"] + lengths["INT01"]).all()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from("AB"),
            st.sampled_from(["d1", "d2"]),
            st.sampled_from(["x", "y"]),
            st.integers(0, 40),
            st.integers(1, 25),
        ),
        min_size=1,
        max_size=25,
    )
)
def test_character_units_random_against_reference(rows):
    lengths = {"d1": 70, "d2": 45}
    cod = pd.DataFrame(rows, columns=["coder", "doc_id", "code", "start", "n"])
    cod["end"] = np.minimum(cod["start"] + cod["n"], cod["doc_id"].map(lengths))
    cod = cod[cod["end"] > cod["start"]].drop(columns="n")
    if cod.empty:
        return
    done = {"A": ["d1", "d2"], "B": ["d1", "d2"]}
    units = character_units(cod, lengths, coders=["A", "B"], documents_coded=done)
    got = {(r.code, r.doc_id, r.A, r.B): r.weight for r in units.itertuples()}
    codes = sorted(set(cod["code"]))
    assert got == reference_characters(cod, lengths, ["A", "B"], codes, ["d1", "d2"])


def test_character_level_kappa_hand_worked(codings, texts):
    lengths = {d: len(t) for d, t in texts.items()}
    n = lengths["INT01"] + lengths["CR01"]
    table = agreement_table(
        codings,
        coders=["A", "B"],
        unit="character",
        lengths=lengths,
        documents_coded=DONE,
        codes="ant.problematisation",
        n_boot=0,
    )
    row = table.iloc[0]
    # A covers 51 characters, B the first 43 of them: 8 disagreeing characters
    p_a, p_b = 51 / n, 43 / n
    p_e = p_a * p_b + (1 - p_a) * (1 - p_b)
    p_o = (n - 8) / n
    assert row["n_units"] == n
    assert row["percent_agreement"] == pytest.approx(p_o)
    assert row["kappa"] == pytest.approx((p_o - p_e) / (1 - p_e))


def test_character_level_table_matches_expanded_arrays(codings, texts):
    metrics = pytest.importorskip("sklearn.metrics")
    lengths = {d: len(t) for d, t in texts.items()}
    table = agreement_table(
        codings,
        coders=["A", "B"],
        unit="character",
        lengths=lengths,
        documents_coded=DONE,
        n_boot=0,
    )
    for code in ["ant.enrolment", "iw.creating.theorizing"]:
        a, b = [], []
        for doc in ["CR01", "INT01"]:
            for coder, out in (("A", a), ("B", b)):
                cover = np.zeros(lengths[doc], dtype=int)
                rows = codings[
                    (codings.code == code) & (codings.doc_id == doc) & (codings.coder == coder)
                ]
                for r in rows.itertuples():
                    cover[r.start : r.end] = 1
                out.extend(cover)
        row = table.set_index("code").loc[code]
        assert row["kappa"] == pytest.approx(metrics.cohen_kappa_score(a, b))
        assert row["alpha"] == pytest.approx(krippendorff_alpha([a, b]))


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (lambda c: c.assign(end=c["end"].where(c.index != 2, 999)), CodingError, "beyond the text"),
        (lambda c: c, AgreementError, "no text length"),
    ],
)
def test_character_units_errors(codings, texts, change, error, message):
    lengths = {d: len(t) for d, t in texts.items()}
    if message == "no text length":
        lengths.pop("CR01")
    with pytest.raises(error, match=message):
        character_units(change(codings), lengths, coders=["A", "B"], documents_coded=DONE)


# ----------------------------------------------------------- document level


def test_document_units(codings):
    units = document_units(codings, coders=["A", "B"], documents_coded=DONE)
    enrol = units[units["code"] == "ant.enrolment"]
    assert enrol[["doc_id", "A", "B"]].values.tolist() == [["CR01", 1, 1], ["INT01", 0, 1]]


# ---------------------------------------------------------------- the table


def test_agreement_table_segment_level_hand_worked(codings, segments):
    table = agreement_table(
        codings, coders=["A", "B"], segments=segments, documents_coded=DONE, n_boot=500
    )
    assert table["code"].tolist() == [
        "iw.creating.normative_networks",  # alpha 0
        "ant.enrolment",  # alpha .3125
        "iw.creating.theorizing",  # alpha .5926
        "ant.problematisation",  # alpha 1
        "iw.creating.advocacy",  # alpha 1
        "(all codes)",
    ]
    t = table.set_index("code")
    # ant.enrolment: A present in 2 of 6 segments, B in 2, both in 1.
    # p_o = 4/6; p_e = (2/6)(2/6) + (4/6)(4/6) = 20/36; kappa = (4/6 - 20/36) / (16/36)
    # alpha: n = 12 values, n_1 = 4, n_0 = 8, o_01 = 2: 1 - 11 * 2 / (8 * 4)
    enrol = t.loc["ant.enrolment"]
    assert enrol["n_units"] == 6 and enrol["n_coded"] == 3
    assert enrol["prevalence"] == pytest.approx(4 / 12)
    assert enrol["percent_agreement"] == pytest.approx(4 / 6)
    assert enrol["kappa"] == pytest.approx(0.25)
    assert enrol["kappa_method"] == "cohen"
    assert enrol["kappa_bp"] == pytest.approx(2 * 4 / 6 - 1)
    assert enrol["alpha"] == pytest.approx(1 - 22 / 32)
    # iw.creating.theorizing: p_o = 5/6, p_e = 22/36, kappa = 8/14; alpha = 1 - 11/27
    assert t.loc["iw.creating.theorizing", "kappa"] == pytest.approx(8 / 14)
    assert t.loc["iw.creating.theorizing", "alpha"] == pytest.approx(1 - 11 / 27)
    # normative networks: B never used it: kappa 0, alpha 0
    assert t.loc["iw.creating.normative_networks", ["kappa", "alpha"]].tolist() == [0, 0]
    # pooled: 30 units; both 4, A only 3, B only 1, neither 22
    overall = t.loc["(all codes)"]
    assert overall["n_units"] == 30
    assert overall["percent_agreement"] == pytest.approx(26 / 30)
    assert overall["kappa"] == pytest.approx(170 / 290)
    assert overall["alpha"] == pytest.approx(1 - 236 / 576)
    finite = table.dropna(subset=["alpha_low"])
    assert (finite["alpha_low"] <= finite["alpha"]).all()
    assert (finite["alpha"] <= finite["alpha_high"]).all()
    assert table["p_alpha_below_min"].between(0, 1).all()
    assert table.attrs["unit"] == "segment" and table.attrs["documents"] == ["CR01", "INT01"]


def test_agreement_table_kappa_bp_is_brennan_prediger(codings, segments):
    units = segment_units(codings, segments, coders=["A", "B"], documents_coded=DONE)
    table = agreement_from_units(units, coders=["A", "B"], n_boot=0).set_index("code")
    for code, group in units.groupby("code"):
        expected = brennan_prediger_kappa(group["A"], group["B"], n_categories=2)
        assert table.loc[code, "kappa_bp"] == pytest.approx(expected)


def test_agreement_table_three_coders_fleiss_and_alpha(codings, segments):
    inter_rater = pytest.importorskip("statsmodels.stats.inter_rater")
    units = segment_units(codings, segments, coders=["A", "B", "C"], documents_coded=DONE)
    table = agreement_from_units(units, coders=["A", "B", "C"], n_boot=0).set_index("code")
    for code, group in units.groupby("code"):
        x = group[["A", "B", "C"]].to_numpy()
        counts, _ = inter_rater.aggregate_raters(x, n_cat=2)
        row = table.loc[code]
        assert row["kappa_method"] == "fleiss"
        assert row["kappa"] == pytest.approx(inter_rater.fleiss_kappa(counts), nan_ok=True)
        assert row["alpha"] == pytest.approx(krippendorff_alpha(x.T, layout="coders_units"))
        pairs = [np.mean(x[:, i] == x[:, j]) for i, j in ((0, 1), (0, 2), (1, 2))]
        assert row["percent_agreement"] == pytest.approx(np.mean(pairs))


def test_agreement_table_document_level(codings):
    table = agreement_table(
        codings, coders=["A", "B"], unit="document", documents_coded=DONE, n_boot=0
    )
    assert table.set_index("code").loc["ant.enrolment", "n_units"] == 2
    assert table.attrs["unit"] == "document"


def test_agreement_table_is_reproducible_and_codes_filtered(codings, segments):
    first = agreement_table(
        codings,
        coders=["A", "B"],
        segments=segments,
        documents_coded=DONE,
        codes="ant.*",
        n_boot=300,
        seed=4,
    )
    again = agreement_table(
        codings,
        coders=["A", "B"],
        segments=segments,
        documents_coded=DONE,
        codes="ant.*",
        n_boot=300,
        seed=4,
    )
    pd.testing.assert_frame_equal(first, again)
    assert set(first["code"]) == {"ant.enrolment", "ant.problematisation", "(all codes)"}


def test_agreement_table_does_not_mutate_inputs(codings, segments):
    before_c, before_s = codings.copy(), segments.copy()
    agreement_table(codings, coders=["A", "B"], segments=segments, documents_coded=DONE, n_boot=10)
    pd.testing.assert_frame_equal(codings, before_c)
    pd.testing.assert_frame_equal(segments, before_s)


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (lambda c: c.drop(columns="code"), SchemaError, "has no column 'code'"),
        (
            lambda c: c.assign(start=c["start"].astype(object).where(c.index != 3, "x")),
            CodingError,
            "row 4",
        ),
        (lambda c: c.assign(end=c["start"]), CodingError, "is not after start"),
    ],
)
def test_bad_codings_are_named(codings, segments, change, error, message):
    with pytest.raises(error, match=message):
        segment_units(change(codings), segments, coders=["A", "B"], documents_coded=DONE)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"coders": ["A"]}, "at least two coders"),
        ({"coders": "AB"}, "at least two coders"),
        ({"coders": ["A", "A"]}, "duplicates"),
        ({"coders": ["A", "weight"]}, "may not be called"),
        ({"coders": ["A", "B"], "unit": "paragraph"}, "unit must be"),
        ({"coders": ["A", "B"], "unit": "character"}, "needs the length"),
        ({"coders": ["A", "B"], "codes": "nope.*"}, "no code used"),
        ({"coders": ["A", "B"], "n_boot": -1}, "n_boot"),
    ],
)
def test_table_errors(codings, segments, kwargs, message):
    with pytest.raises(AgreementError, match=message):
        agreement_table(codings, segments=segments, documents_coded=DONE | {"weight": []}, **kwargs)


def test_segment_level_needs_segments_of_every_document(codings, segments):
    with pytest.raises(AgreementError, match="segments table"):
        agreement_table(codings, coders=["A", "B"], documents_coded=DONE)
    with pytest.raises(AgreementError, match="CR01"):
        segment_units(
            codings, segments[segments["doc_id"] != "CR01"], coders=["A", "B"], documents_coded=DONE
        )


def test_agreement_report_writes_page(codings, segments, texts, tmp_path):
    page = tmp_path / "accord.html"
    table = agreement_report(
        codings,
        segments,
        texts,
        coders=["A", "B"],
        codes="iw.*",
        html_path=page,
        documents_coded=DONE,
        n_boot=100,
    )
    assert table.attrs["n_disagreements"] == 3
    html = page.read_text(encoding="utf-8")
    assert "iw.creating.theorizing@CR01#CR01:0001" in html and "« " in html
    chars = agreement_report(
        codings, None, texts, coders=["A", "B"], unit="character", documents_coded=DONE, n_boot=0
    )
    assert chars.attrs["unit"] == "character"
    with pytest.raises(AgreementError, match="exactly two coders"):
        agreement_report(
            codings, segments, texts, coders=["A", "B", "C"], html_path=page, documents_coded=DONE
        )


def test_cohen_kappa_of_units_agrees_with_direct_call(codings, segments):
    units = segment_units(codings, segments, coders=["A", "B"], documents_coded=DONE)
    overall = agreement_from_units(units, coders=["A", "B"], n_boot=0).iloc[-1]
    assert overall["kappa"] == pytest.approx(cohen_kappa(units["A"], units["B"]))


def test_code_nobody_used_gives_undefined_statistics_last(codings, segments):
    table = agreement_table(
        codings,
        coders=["A", "B"],
        segments=segments,
        documents_coded=DONE,
        codes=["iw.disrupting.undermining", "ant.enrolment"],
        n_boot=100,
    )
    assert table["code"].tolist() == ["ant.enrolment", "iw.disrupting.undermining", "(all codes)"]
    unused = table.set_index("code").loc["iw.disrupting.undermining"]
    assert unused["n_coded"] == 0 and unused["percent_agreement"] == 1.0
    assert np.isnan(unused["kappa"]) and np.isnan(unused["alpha"])
    assert np.isnan(unused["alpha_low"]) and np.isnan(unused["p_alpha_below_min"])


# -- which documents are compared --------------------------------------------------------------


def test_agreement_scope_takes_the_finished_documents_of_coders_yaml(tmp_path):
    (tmp_path / "coders.yaml").write_text(
        "camille:\n  documents: all\nhugo:\n  documents: [INT02]\nzoe:\n  documents: [CR01]\n",
        encoding="utf-8",
    )
    scope = agreement_scope(tmp_path, coders=["camille", "hugo"], doc_ids=["INT01", "INT02"])
    assert scope == {"documents_coded": {"camille": {"INT01", "INT02"}, "hugo": {"INT02"}}}


@pytest.mark.parametrize(
    "text",
    [None, "camille:\n  documents: all\n", "camille:\n  documents: all\nHugo: {documents: []}\n"],
)
def test_agreement_scope_infers_when_a_coder_is_not_listed(tmp_path, text):
    if text is not None:
        (tmp_path / "coders.yaml").write_text(text, encoding="utf-8")
    assert agreement_scope(tmp_path, coders=["camille", "hugo"]) == {"infer_documents": True}


def test_agreement_scope_names_a_broken_coders_file(tmp_path):
    (tmp_path / "coders.yaml").write_text("camille:\n  documents: several\n", encoding="utf-8")
    with pytest.raises(
        AgreementError, match=r"coders\.yaml, line 2: coder 'camille' needs 'documents:'"
    ):
        agreement_scope(tmp_path, coders=["camille", "hugo"])


def test_agreement_scope_feeds_agreement_table(tmp_path):
    codings = pd.DataFrame(
        {
            "coder": ["a", "b", "a"],
            "doc_id": ["D1", "D1", "D2"],
            "start": [0, 0, 0],
            "end": [4, 4, 4],
            "code": ["x", "x", "x"],
        }
    )
    segments = pd.DataFrame(
        {"doc_id": ["D1", "D2"], "seg_id": ["D1:1", "D2:1"], "start": [0, 0], "end": [10, 10]}
    )
    (tmp_path / "coders.yaml").write_text(
        "a: {documents: [D1, D2]}\nb: {documents: [D1]}\n", encoding="utf-8"
    )
    scope = agreement_scope(tmp_path, coders=["a", "b"])
    table = agreement_table(codings, coders=["a", "b"], segments=segments, n_boot=0, **scope)
    assert sorted(table.attrs["documents"]) == ["D1"]
