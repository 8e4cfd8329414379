"""Tests of research.agreement: disagreements, the meeting page, decisions, consensus."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from research.agreement import (
    DECISION_COLUMNS,
    apply_consensus,
    decisions_template,
    disagreements,
    disagreements_html,
    read_decisions,
    write_consensus_codings,
    write_decisions,
    write_disagreements_html,
)
from research.errors import AgreementError, InputError

DATA = Path(__file__).parent / "data" / "agreement"
DONE = {"A": ["INT01", "CR01", "INT02"], "B": ["INT01", "CR01"], "C": ["INT01", "CR01"]}
IDS = [
    "ant.enrolment@CR01#CR01:0001",
    "ant.enrolment@INT01#INT01:0003",
    "ant.problematisation@INT01#INT01:0001",
    "iw.creating.normative_networks@INT01#INT01:0001",
    "iw.creating.theorizing@CR01#CR01:0000",
    "iw.creating.theorizing@CR01#CR01:0001",
]


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return json.loads((DATA / "texts.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def segments() -> pd.DataFrame:
    return pd.read_csv(DATA / "segments.csv", keep_default_na=False)


@pytest.fixture(scope="module")
def codings() -> pd.DataFrame:
    return pd.read_csv(DATA / "codings.csv", keep_default_na=False)


@pytest.fixture
def found(codings, segments) -> pd.DataFrame:
    return disagreements(codings, segments, coders=["A", "B"], documents_coded=DONE)


def decide(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["disagreement_id", "decision", "start", "end", "memo"])


# -------------------------------------------------------------- disagreements


def test_disagreements_kinds_spans_and_text(found, texts):
    assert found["disagreement_id"].tolist() == IDS
    assert found["kind"].tolist() == [
        "only_a",
        "only_b",
        "spans_differ",
        "only_a",
        "spans_differ",
        "only_a",
    ]
    row = found.set_index("disagreement_id").loc["ant.problematisation@INT01#INT01:0001"]
    assert row["a_spans"] == [(66, 117)] and row["b_spans"] == [(66, 109)]
    assert row["a_text"] == "La coopérative a réuni « les forces vives » du Jura"
    assert row["b_text"] == "La coopérative a réuni « les forces vives »"
    assert row["text"] == texts["INT01"][row["seg_start"] : row["seg_end"]]
    assert found.attrs["coders"] == ["A", "B"]
    assert found.attrs["documents"] == ["CR01", "INT01"]


def test_disagreements_presence_only(codings, segments):
    found = disagreements(
        codings, segments, coders=["A", "B"], documents_coded=DONE, which="presence"
    )
    assert found["disagreement_id"].tolist() == [IDS[0], IDS[1], IDS[3], IDS[5]]


def test_disagreement_ids_are_stable(codings, segments, found):
    shuffled = codings.sample(frac=1, random_state=3).reset_index(drop=True)
    again = disagreements(shuffled, segments, coders=["A", "B"], documents_coded=DONE)
    pd.testing.assert_frame_equal(found, again)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"coders": ["A", "B", "C"]}, "exactly two coders"),
        ({"coders": ["A", "B"], "which": "spans"}, "which must be"),
    ],
)
def test_disagreements_errors(codings, segments, kwargs, message):
    with pytest.raises(AgreementError, match=message):
        disagreements(codings, segments, documents_coded=DONE, **kwargs)


# ------------------------------------------------------------------ the page


def test_page_highlights_both_coders(found):
    page = disagreements_html(found)
    assert page.startswith("<!DOCTYPE html>")
    # problematisation: "La coopérative … vives »" coded by both, " du Jura" by A only
    assert '<mark class="ab">La coopérative a réuni « les forces vives »</mark>' in page
    assert '<mark class="a"> du Jura</mark>' in page
    assert '<mark class="b">Les élus ont porté le projet</mark>' in page
    assert "codé par B seulement" in page
    assert "codé par les deux, avec des étendues différentes" in page
    for did in IDS:
        assert did in page


def test_page_is_self_contained_and_escaped():
    row = {
        "disagreement_id": "x@D#s0",
        "code": "x",
        "doc_id": "D",
        "seg_id": "s0",
        "seg_start": 10,
        "seg_end": 39,
        "kind": "only_b",
        "coder_a": "A",
        "coder_b": "B&co",
        "a_spans": [],
        "b_spans": [(12, 37)],
        "a_text": "",
        "b_text": "<script>alert(1)</script>",
        "text": "a <script>alert(1)</script> z",
    }
    assert len(row["text"]) == 29
    page = disagreements_html(pd.DataFrame([row]))
    assert "<script>" not in page
    assert '<mark class="b">&lt;script&gt;alert(1)&lt;/script&gt;</mark>' in page
    assert "B&amp;co" in page
    assert "http" not in page and "src=" not in page
    bad = {**row, "text": "shorter than its offsets"}
    assert "ne correspond pas à ses positions" in disagreements_html(pd.DataFrame([bad]))


def test_write_page(found, tmp_path):
    path = write_disagreements_html(found, tmp_path / "meeting.html", title="Réunion A/B")
    text = path.read_text(encoding="utf-8")
    assert "<title>Réunion A/B</title>" in text and "« les forces vives »" in text


def test_empty_page():
    empty = pd.DataFrame(columns=["disagreement_id", "code", "coder_a", "coder_b"])
    assert "0 désaccord(s)" in disagreements_html(empty)


# ----------------------------------------------------------------- decisions


def test_template_and_csv_round_trip(found, tmp_path):
    template = decisions_template(found)
    assert template.columns.tolist() == DECISION_COLUMNS
    assert template["disagreement_id"].tolist() == IDS
    template.loc[0, ["decision", "memo"]] = ["keep_a", "« groupe de travail » : enrôlement"]
    path = write_decisions(template, tmp_path / "consensus-decisions.csv")
    back = read_decisions(path)
    assert back.attrs["path"] == str(path)
    assert back.loc[0, "memo"] == "« groupe de travail » : enrôlement"
    assert back.loc[1, "decision"] == ""
    assert [p.name for p in tmp_path.iterdir()] == ["consensus-decisions.csv"]


def test_write_is_atomic(found, tmp_path, monkeypatch):
    path = tmp_path / "consensus-decisions.csv"
    path.write_text("old content\n", encoding="utf-8")

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_decisions(decisions_template(found), path)
    assert path.read_text(encoding="utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["consensus-decisions.csv"]


def test_read_decisions_from_a_french_spreadsheet(found, tmp_path):
    # Excel and LibreOffice in French save with ';' and a byte-order mark
    path = tmp_path / "consensus-decisions.csv"
    text = f"disagreement_id;decision;memo\n{IDS[0]};keep A;« accord », après débat\n"
    path.write_bytes(text.encode("utf-8-sig"))
    back = read_decisions(path)
    assert back.columns.tolist() == ["disagreement_id", "decision", "memo"]
    assert back.loc[0, "memo"] == "« accord », après débat"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        ("disagreement_id,decision\nx,d\u00e9cid\u00e9\n".encode("cp1252"), "not UTF-8"),
        (b"", "cannot read"),
    ],
)
def test_read_decisions_file_errors(tmp_path, content, message):
    path = tmp_path / "d.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_decisions(path)


def test_read_decisions_needs_its_columns(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("id,choice\nx,keep_a\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"d\.csv, line 1: .*disagreement_id"):
        read_decisions(path)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [(IDS[0], "garder A", "", "", "")],
            r"line 2, column 'decision': unknown decision 'garder A'",
        ),
        (
            [("nope@X#1", "keep_a", "", "", "")],
            r"line 2, column 'disagreement_id': decision for unknown disagreement 'nope@X#1'",
        ),
        ([(IDS[0], "keep_a", "", "", ""), (IDS[0], "keep_b", "", "", "")], r"line 3: .*line 2"),
        ([(IDS[3], "edit", "", "", "")], r"needs the agreed span"),
        ([(IDS[3], "edit", "10", "20", "")], r"inside the segment \[66, 152\)"),
        ([(IDS[0], "keep_a", "131", "", "")], r"only 'edit' takes a span"),
        ([(IDS[3], "edit", "8x", "90", "")], r"line 2, column 'start': start '8x'"),
    ],
)
def test_decision_errors_name_the_line(found, codings, tmp_path, rows, message):
    path = tmp_path / "consensus-decisions.csv"
    write_decisions(decide(rows), path)
    with pytest.raises(InputError, match=message):
        apply_consensus(codings, found, read_decisions(path), undecided="both")


def test_decision_errors_name_the_row_without_a_file(found, codings):
    with pytest.raises(InputError, match="row 1, column 'decision': unknown decision 'maybe'"):
        apply_consensus(codings, found, decide([(IDS[0], "maybe", "", "", "")]))


# ----------------------------------------------------------------- consensus


def full_decisions(texts) -> pd.DataFrame:
    start = texts["INT01"].index("les forces vives")
    return decide(
        [
            (IDS[0], "keep_a", "", "", ""),
            (IDS[1], "Neither", "", "", "pas un enrôlement"),
            (IDS[2], "keep B", "", "", ""),
            (IDS[3], "edit", str(start), str(start + 16), "le réseau, pas le verbe"),
            (IDS[4], "both", "", "", ""),
            (IDS[5], "keep-b", "", "", ""),
        ]
    )


def test_apply_consensus(codings, found, texts):
    consensus, audit = apply_consensus(codings, found, full_decisions(texts))
    start = texts["INT01"].index("les forces vives")
    got = consensus[["doc_id", "start", "end", "code"]].values.tolist()
    assert got == [
        ["CR01", 20, 85, "ant.enrolment"],  # both coders: kept once
        ["CR01", 49, 84, "iw.creating.theorizing"],  # B's, kept by "both"
        ["CR01", 49, 85, "iw.creating.theorizing"],  # A's, cut out of CR01:0001, trimmed
        ["CR01", 131, 167, "ant.enrolment"],  # keep_a
        ["INT01", 66, 109, "ant.problematisation"],  # keep_b
        ["INT01", start, start + 16, "iw.creating.normative_networks"],  # edit
        ["INT01", 197, 259, "iw.creating.advocacy"],  # both coders: kept once
    ]
    assert set(consensus["coder"]) == {"consensus"}
    for r in consensus.itertuples():
        assert texts[r.doc_id][r.start : r.end] == r.quote
    cut = consensus[(consensus["start"] == 49) & (consensus["end"] == 85)].iloc[0]
    assert cut["memo"] == "idée → projet"
    edit = consensus[consensus["code"] == "iw.creating.normative_networks"].iloc[0]
    assert edit["memo"] == "le réseau, pas le verbe"
    assert audit["disagreement_id"].tolist() == IDS
    assert audit["decision"].tolist() == ["keep_a", "neither", "keep_b", "edit", "both", "keep_b"]
    by_id = audit.set_index("disagreement_id")
    assert by_id.loc[IDS[1], "consensus_spans"] == []
    assert by_id.loc[IDS[1], "memo"] == "pas un enrôlement"
    assert by_id.loc[IDS[3], "edit_spans"] == [(start, start + 16)]
    assert by_id.loc[IDS[4], "consensus_spans"] == [(49, 84), (49, 85)]
    assert by_id["decided"].all()


def test_undecided_disagreements(codings, found):
    partial = decide([(IDS[0], "keep_a", "", "", "")])
    with pytest.raises(AgreementError, match="5 disagreement"):
        apply_consensus(codings, found, partial)
    _, audit = apply_consensus(codings, found, partial, undecided="both")
    assert audit.set_index("disagreement_id")["decided"].sum() == 1
    assert (audit["decision"] == "both").sum() == 5
    with pytest.raises(AgreementError, match="undecided must be"):
        apply_consensus(codings, found, partial, undecided="edit")


def test_keep_all_reproduces_union_of_both_coders(codings, found):
    consensus, _ = apply_consensus(codings, found, decide([]), undecided="both")
    both = codings[codings["coder"].isin(["A", "B"]) & (codings["doc_id"] != "INT02")]
    expected = both.drop_duplicates(["doc_id", "code", "start", "end"])
    assert len(consensus) == len(expected)


def test_scope_needs_attrs_or_arguments(codings, found):
    bare = pd.DataFrame(found.to_dict("list"))
    bare.attrs = {}
    with pytest.raises(AgreementError, match="coders=, documents= and codes="):
        apply_consensus(codings.iloc[:0], bare.iloc[:0], decide([]))
    consensus, _ = apply_consensus(
        codings,
        bare,
        decide([]),
        undecided="keep_a",
        documents=["CR01", "INT01"],
        codes=sorted(set(codings["code"])),
    )
    # keep_a everywhere: coder A's codings in the two common documents, nothing of B's own
    spans = set(zip(consensus["code"], consensus["start"], consensus["end"], strict=True))
    assert ("ant.problematisation", 66, 117) in spans
    assert ("ant.problematisation", 66, 109) not in spans
    assert ("ant.enrolment", 197, 225) not in spans
    a_codings = codings[(codings["coder"] == "A") & (codings["doc_id"] != "INT02")]
    assert len(consensus) == len(a_codings)


def test_consensus_file_round_trip(codings, found, texts, tmp_path):
    coding = pytest.importorskip("research.coding")
    stored = coding.typed_codings(codings)  # as the coding store gives them (UTC times)
    consensus, _ = apply_consensus(stored, found, full_decisions(texts))
    path = write_consensus_codings(consensus, tmp_path)
    assert path.name == "consensus.csv"
    back = coding.load_codings(tmp_path)
    assert back["coder"].eq("consensus").all()
    assert back["quote"].tolist() == consensus["quote"].tolist()
    kept = back[(back["start"] == 131) & (back["end"] == 167)].iloc[0]
    assert kept["created"] == pd.Timestamp("2024-05-01T10:00:00", tz="UTC")


def test_inputs_not_mutated(codings, found, texts):
    before = codings.copy()
    found_before = found.copy()
    apply_consensus(codings, found, full_decisions(texts))
    pd.testing.assert_frame_equal(codings, before)
    pd.testing.assert_frame_equal(found, found_before)
