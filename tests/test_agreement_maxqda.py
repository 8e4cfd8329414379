"""MAXQDA's criteria and the code hierarchy in the agreement table."""

from __future__ import annotations

import pandas as pd
import pytest

from research.agreement import agreement_table, maxqda_table, roll_up_codings
from research.errors import AgreementError

SCOPE = {"documents_coded": {"A": ["D1", "D2", "D3"], "B": ["D1", "D2", "D3"]}}


@pytest.fixture
def codings() -> pd.DataFrame:
    rows = [
        # D1: both code x; A twice, B once; A's first and B's overlap 18/20
        ("A", "D1", 0, 20, "x"),
        ("A", "D1", 40, 50, "x"),
        ("B", "D1", 2, 20, "x"),
        # D2: only A codes x; both code y on passages overlapping by half
        ("A", "D2", 0, 10, "x"),
        ("A", "D2", 20, 40, "y"),
        ("B", "D2", 30, 50, "y"),
        # D3: nobody codes x or y; B codes z once
        ("B", "D3", 0, 5, "z"),
    ]
    return pd.DataFrame(rows, columns=["coder", "doc_id", "start", "end", "code"])


def test_presence_counts_documents_where_a_coder_used_the_code(codings):
    table = maxqda_table(codings, coders=["A", "B"], criterion="presence", **SCOPE)
    rows = table.set_index("code")
    # x: D1 agrees, D2 disagrees; D3 (neither) is left out
    assert rows.loc["x", ["agreements", "disagreements", "total"]].tolist() == [1, 1, 2]
    assert rows.loc["y", ["agreements", "disagreements"]].tolist() == [1, 0]
    assert rows.loc["z", ["agreements", "disagreements"]].tolist() == [0, 1]
    assert rows.loc["(all codes)", "percent_agreement"] == pytest.approx(2 / 4)


def test_frequency_needs_the_same_number_of_codings(codings):
    rows = maxqda_table(codings, coders=["A", "B"], criterion="frequency", **SCOPE).set_index(
        "code"
    )
    assert rows.loc["x", ["agreements", "disagreements"]].tolist() == [0, 2]
    assert rows.loc["y", ["agreements", "disagreements"]].tolist() == [1, 0]


@pytest.mark.parametrize(("share", "x_agree", "y_agree"), [(0.9, 2, 0), (0.3, 2, 2), (0.95, 0, 0)])
def test_overlap_checks_each_segment_against_the_other_coder(codings, share, x_agree, y_agree):
    rows = maxqda_table(
        codings, coders=["A", "B"], criterion="overlap", min_share=share, **SCOPE
    ).set_index("code")
    # x segments: A 3, B 1; A[0,20) and B[2,20) share 18 of 20 characters (0.9)
    assert rows.loc["x", "total"] == 4
    assert rows.loc["x", "agreements"] == x_agree
    # y: A[20,40) and B[30,50) share 10 of 30 characters (one third)
    assert rows.loc["y", "agreements"] == y_agree


def test_overlap_kappa_is_brennan_prediger_with_one_over_the_codes(codings):
    rows = maxqda_table(codings, coders=["A", "B"], criterion="overlap", **SCOPE).set_index("code")
    # all codes: a = 1 agreeing pair, b = 3 segments of A only, c = 2 of B only (y, z)
    p_o, p_c = 1 / 6, 1 / 3
    assert rows.loc["(all codes)", "kappa_bp"] == pytest.approx((p_o - p_c) / (1 - p_c))
    # x: a = 1, b = 2, c = 0
    assert rows.loc["x", "kappa_bp"] == pytest.approx((1 / 3 - 1 / 3) / (1 - 1 / 3))


def test_maxqda_through_the_agreement_table(codings):
    direct = maxqda_table(codings, coders=["A", "B"], criterion="overlap", min_share=0.5, **SCOPE)
    through = agreement_table(codings, coders=["A", "B"], maxqda="overlap", min_share=0.5, **SCOPE)
    pd.testing.assert_frame_equal(direct, through)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"coders": ["A", "B", "C"]}, "exactly two coders"),
        ({"coders": ["A", "B"], "criterion": "words"}, "criterion must be one of"),
        ({"coders": ["A", "B"], "min_share": 0}, "min_share"),
    ],
)
def test_maxqda_errors(codings, kwargs, message):
    with pytest.raises(AgreementError, match=message):
        maxqda_table(codings, **kwargs, **SCOPE)


def test_include_children_rolls_codings_up_in_the_agreement_table():
    codings = pd.DataFrame(
        {
            "coder": ["A", "B", "A", "B"],
            "doc_id": ["D"] * 4,
            "start": [0, 0, 20, 20],
            "end": [10, 10, 30, 30],
            "code": ["iw.a", "iw.b", "iw.a", "iw.a"],
        }
    )
    segments = pd.DataFrame(
        {
            "doc_id": ["D"] * 3,
            "seg_id": ["s0", "s1", "s2"],
            "start": [0, 20, 40],
            "end": [10, 30, 50],
        }
    )
    plain = agreement_table(
        codings, coders=["A", "B"], segments=segments, infer_documents=True, n_boot=0
    )
    assert "iw" not in set(plain["code"])
    rolled = agreement_table(
        codings,
        coders=["A", "B"],
        segments=segments,
        infer_documents=True,
        n_boot=0,
        include_children=True,
    ).set_index("code")
    assert rolled.loc["iw", "percent_agreement"] == 1.0  # iw.a and iw.b are both iw
    assert rolled.loc["iw.b", "percent_agreement"] == pytest.approx(2 / 3)
    assert rolled.attrs["include_children"] is True


def test_roll_up_keeps_the_input_unchanged():
    codings = pd.DataFrame({"code": ["a.b.c"], "start": [0], "end": [1]})
    out = roll_up_codings(codings)
    assert out["code"].tolist() == ["a.b.c", "a.b", "a"]
    assert codings["code"].tolist() == ["a.b.c"]


def test_character_level_intervals_carry_a_french_caveat():
    codings = pd.DataFrame(
        {
            "coder": ["A", "B"],
            "doc_id": ["D", "D"],
            "start": [0, 2],
            "end": [10, 10],
            "code": ["x"] * 2,
        }
    )
    table = agreement_table(
        codings,
        coders=["A", "B"],
        unit="character",
        lengths={"D": 40},
        infer_documents=True,
        n_boot=50,
    )
    assert "pas" in table.attrs["caveat"] and "indépendant" in table.attrs["caveat"]
    segments = pd.DataFrame({"doc_id": ["D"], "seg_id": ["s"], "start": [0], "end": [40]})
    by_segment = agreement_table(
        codings, coders=["A", "B"], segments=segments, infer_documents=True, n_boot=50
    )
    assert "caveat" not in by_segment.attrs
