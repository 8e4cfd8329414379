"""Tests of research.coding: quotes checked on load, moved codings found again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from research.coding import (
    CodingSession,
    apply_reanchoring,
    check_anchors,
    load_codings,
    locate_quote,
    reanchor,
    validate_codings,
)
from research.corpus import Corpus
from research.project import open_project

DATA = Path(__file__).resolve().parent / "data" / "coding"

OLD = (
    "Enquêtrice : Et la soirée ?\n"
    "Élodie : J’avais peur qu’on me pique l’idée. Mais Julien m’a rappelée trois semaines après.\n"
    "Enquêtrice : Et la banque ?\n"
    "Élodie : Huit mille euros de prêt d’honneur, et la banque a suivi.\n"
)


def codings_for(text: str, items: list[tuple[str, str]], doc_id: str = "D") -> pd.DataFrame:
    records = []
    for words, code in items:
        start = text.index(words)
        records.append(
            {
                "coder": "lea",
                "doc_id": doc_id,
                "start": start,
                "end": start + len(words),
                "code": code,
                "quote": words,
                "memo": "",
                "created": None,
            }
        )
    return pd.DataFrame(records)


ITEMS = [
    ("J’avais peur qu’on me pique l’idée", "fear"),
    ("Julien m’a rappelée trois semaines après", "follow_up"),
    ("Huit mille euros de prêt d’honneur", "funding"),
]


def test_unchanged_text_is_all_anchored():
    corpus = Corpus.from_texts({"D": OLD})
    ok, moved, orphaned = check_anchors(codings_for(OLD, ITEMS), corpus)
    assert len(ok) == 3 and moved.empty and orphaned.empty


def test_insertion_before_moves_codings_exactly():
    new = "[Transcription relue le 3 mars.]\n" + OLD
    corpus = Corpus.from_texts({"D": new})
    ok, moved, orphaned = check_anchors(codings_for(OLD, ITEMS), corpus)
    assert ok.empty and orphaned.empty
    shift = len("[Transcription relue le 3 mars.]\n")
    assert (moved["new_start"] - moved["start"]).tolist() == [shift] * 3
    assert moved["method"].tolist() == ["exact"] * 3
    assert (moved["new_quote"] == moved["quote"]).all()


def test_corrected_words_are_found_approximately():
    new = OLD.replace("trois semaines", "deux semaines").replace("Huit mille", "Huit  mille")
    corpus = Corpus.from_texts({"D": new})
    _, moved, orphaned = check_anchors(codings_for(OLD, ITEMS), corpus)
    assert orphaned.empty
    by_code = moved.set_index("code")
    assert by_code.loc["follow_up", "new_quote"] == "Julien m’a rappelée deux semaines après"
    assert by_code.loc["follow_up", "method"] == "fuzzy"
    assert by_code.loc["funding", "new_quote"] == "Huit  mille euros de prêt d’honneur"
    assert 85 <= by_code.loc["follow_up", "score"] < 100


def test_removed_passage_is_orphaned_not_dropped():
    new = OLD.replace("Huit mille euros de prêt d’honneur, et la banque a suivi.", "Rien.")
    corpus = Corpus.from_texts({"D": new})
    codings = codings_for(OLD, ITEMS)
    _ok, _moved, orphaned = check_anchors(codings, corpus)
    assert orphaned["code"].tolist() == ["funding"]
    assert "no longer in the text" in orphaned["reason"].iloc[0]
    fixed, report = reanchor(codings, corpus)
    assert len(fixed) == 3
    assert fixed.loc[2, "start"] == codings.loc[2, "start"]
    assert report["status"].tolist() == ["orphaned"]


def test_missing_document_is_orphaned():
    corpus = Corpus.from_texts({"Other": OLD})
    _, _, orphaned = check_anchors(codings_for(OLD, ITEMS[:1]), corpus)
    assert "not in the corpus" in orphaned["reason"].iloc[0]


def test_empty_quote_is_filled_from_valid_offsets():
    corpus = Corpus.from_texts({"D": OLD})
    codings = pd.DataFrame(
        {
            "coder": ["lea", "lea"],
            "doc_id": ["D", "D"],
            "start": [0, 5000],
            "end": [10, 5010],
            "code": ["x", "y"],
            "quote": ["", None],
        }
    )
    _, moved, orphaned = check_anchors(codings, corpus)
    assert moved["method"].tolist() == ["quote_filled"]
    assert moved["new_quote"].tolist() == [OLD[:10]]
    assert orphaned["code"].tolist() == ["y"]


def test_short_quote_far_away_with_several_occurrences_is_not_guessed():
    text = "la " + "x" * 3000 + " la " + "y" * 3000 + " la"
    assert locate_quote(text, "la", 1500, window=100) is None
    assert locate_quote(text, "la", 1500, window=2000) is not None


def test_long_quote_far_away_is_found():
    text = "z" * 5000 + " la coopérative du territoire "
    found = locate_quote(text, "la coopérative du territoire", 0, window=100)
    assert found is not None and found.start == 5001 and found.method == "exact"


def test_nearest_of_several_exact_occurrences_wins():
    text = "la SCIC ... la SCIC ... la SCIC"
    assert locate_quote(text, "la SCIC", 13).start == 12


def test_extra_columns_are_kept():
    corpus = Corpus.from_texts({"D": "xx " + OLD})
    codings = codings_for(OLD, ITEMS).assign(_row=[2, 3, 4])
    _, moved, _ = check_anchors(codings, corpus)
    assert moved["_row"].tolist() == [2, 3, 4]


def test_reanchor_does_not_mutate_its_input():
    corpus = Corpus.from_texts({"D": "xx " + OLD})
    codings = codings_for(OLD, ITEMS)
    before = codings.copy()
    fixed, report = reanchor(codings, corpus)
    pd.testing.assert_frame_equal(codings, before)
    assert (fixed["start"] - codings["start"]).tolist() == [3, 3, 3]
    assert report["status"].tolist() == ["moved"] * 3


filler = st.text(alphabet="abcdefghij klmnop\n’«»é", max_size=300)


@settings(max_examples=60, deadline=None)
@given(before=filler, after=filler)
def test_text_added_around_never_loses_a_coding(before: str, after: str):
    new = before + OLD + after
    corpus = Corpus.from_texts({"D": new})
    fixed, report = reanchor(codings_for(OLD, ITEMS), corpus)
    assert (report["status"] != "orphaned").all()
    for row in fixed.itertuples():
        assert new[row.start : row.end] == row.quote
        assert row.start - len(before) == OLD.index(row.quote)


# -- on disk -----------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path):
    shutil.copytree(DATA / "documents", tmp_path / "corpus" / "documents")
    shutil.copytree(DATA / "codebook", tmp_path / "codebook")
    (tmp_path / "corpus" / "codings").mkdir()
    return open_project(tmp_path)


def test_correcting_a_transcript_then_applying_reanchoring(project):
    session = CodingSession(project, "lea")
    session.code_text(
        "INT01", "Trente kilomètres pour aller au supermarché", "sut.barriers.territory"
    )
    session.code_text("INT01", "on a coopéré avec la fromagerie", "sut.cooperation")
    session.save()
    path = project.paths.documents / "INT01.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("Comment arrivez-vous", "Bonjour. Comment êtes-vous arrivée")
    text = text.replace("on a coopéré avec la fromagerie", "on a coopéré avec la fromagerie Faivre")
    path.write_text(text, encoding="utf-8")
    corpus = project.reload().corpus
    problems = validate_codings(project.paths.codings, corpus=corpus, codebook=project.codebook)
    assert [p.severity for p in problems] == ["warning", "warning"]
    before = (project.paths.codings / "lea.csv").read_text()
    report = apply_reanchoring(project.paths.codings, corpus, dry_run=True)
    assert report["status"].tolist() == ["moved", "moved"]
    assert (project.paths.codings / "lea.csv").read_text() == before
    apply_reanchoring(project.paths.codings, corpus)
    assert validate_codings(project.paths.codings, corpus=corpus, codebook=project.codebook) == []
    quotes = load_codings(project.paths.codings)["quote"].tolist()
    assert "Trente kilomètres pour aller au supermarché" in quotes


def test_apply_reanchoring_on_an_empty_folder(project):
    report = apply_reanchoring(project.paths.codings, project.corpus)
    assert report.empty and "status" in report.columns


def test_an_orphaned_coding_comes_with_the_closest_passage():
    from research.corpus import Corpus

    text = "Au début, on a réuni les habitants. Ensuite la coopérative a embauché deux salariés."
    corpus = Corpus.from_texts({"D": text})
    codings = pd.DataFrame(
        {
            "coder": ["a"],
            "doc_id": ["D"],
            "start": [0],
            "end": [30],
            "code": ["x"],
            "quote": ["la coopérative a recruté deux personnes"],
        }
    )
    _, report = reanchor(codings, corpus)
    row = report.iloc[0]
    assert row["status"] == "orphaned"
    proposed = text[row["proposed_start"] : row["proposed_end"]]
    assert proposed == row["proposed_quote"]
    assert proposed.startswith("la coopérative a ") and "deux" in proposed
    assert 50 < row["proposed_score"] < 85


def test_no_proposal_for_a_document_that_is_gone():
    from research.corpus import Corpus

    corpus = Corpus.from_texts({"D": "Un texte."})
    codings = pd.DataFrame(
        {
            "coder": ["a"],
            "doc_id": ["GONE"],
            "start": [0],
            "end": [3],
            "code": ["x"],
            "quote": ["Un "],
        }
    )
    _, report = reanchor(codings, corpus)
    assert report["status"].tolist() == ["orphaned"]
    assert pd.isna(report["proposed_start"].iloc[0]) and report["proposed_quote"].iloc[0] is None
