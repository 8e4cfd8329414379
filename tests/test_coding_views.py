"""Tests of research.coding: retrieval of coded passages and the coded document."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from research.codebook import load_codebook
from research.coding import document_html, retrieve
from research.corpus import load_corpus
from research.errors import CodebookError, CodingError

DATA = Path(__file__).resolve().parent / "data" / "coding"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(DATA / "documents")


@pytest.fixture(scope="module")
def book():
    return load_codebook(DATA / "codebook")


@pytest.fixture(scope="module")
def codings(corpus):
    items = [
        ("lea", "INT01", "J’avais peur qu’on me pique l’idée", "sut.barriers.fear"),
        ("lea", "INT01", "sans car le samedi", "sut.barriers.territory"),
        ("zoe", "INT01", "sans car le samedi", "sut.barriers.territory"),
        ("lea", "CR-01", "Pas de car le samedi dans les villages.", "sut.barriers.territory"),
        ("lea", "CR-01", "la confiance des voisins", "sut.trust"),
        ("zoe", "INT01", "on a coopéré avec la fromagerie", "sut.cooperation"),
    ]
    records = []
    for coder, doc_id, words, code in items:
        start = corpus.text(doc_id).index(words)
        records.append(
            {
                "coder": coder,
                "doc_id": doc_id,
                "start": start,
                "end": start + len(words),
                "code": code,
                "quote": words,
                "memo": "",
                "created": pd.Timestamp("2020-01-01", tz="UTC"),
            }
        )
    return pd.DataFrame(records)


def test_retrieve_with_children_joins_segment_and_document(codings, corpus, book):
    found = retrieve(codings, corpus, book, "sut.barriers")
    assert len(found) == 4
    assert found["doc_id"].tolist() == ["CR-01", "INT01", "INT01", "INT01"]
    row = found[found["code"] == "sut.barriers.fear"].iloc[0]
    assert row["label"] == "Peurs"
    assert row["speaker"] == "Élodie" and row["actor"] == "P10"
    assert row["kind"] == "interview" and row["respondent"] == "P10"
    assert row["citation"] == "INT01, Élodie, 2019-12-16"
    assert row["seg_id"].startswith("INT01:")
    minutes = found[found["doc_id"] == "CR-01"].iloc[0]
    assert minutes["section"] == "Constats" and minutes["citation"] == "CR-01, 2017-11-16"
    assert "path" not in found.columns and "sha256" not in found.columns


def test_retrieve_against_an_independent_computation(codings, corpus, book):
    wanted = {"sut.barriers.fear", "sut.barriers.territory"}
    expected = codings[codings["code"].isin(wanted)]
    found = retrieve(codings, corpus, book, "sut.barriers")
    assert sorted(
        map(tuple, found[["coder", "doc_id", "start", "code"]].values.tolist())
    ) == sorted(map(tuple, expected[["coder", "doc_id", "start", "code"]].values.tolist()))
    segs = corpus.segments
    for row in found.itertuples():
        seg = segs[
            (segs["doc_id"] == row.doc_id)
            & (segs["start"] <= row.start)
            & (segs["end"] > row.start)
        ]
        assert seg["seg_id"].iloc[0] == row.seg_id


def test_retrieve_without_children_and_for_one_coder(codings, corpus, book):
    assert retrieve(codings, corpus, book, "sut.barriers", include_children=False).empty
    found = retrieve(codings, corpus, book, "sut", coders="zoe")
    assert found["coder"].unique().tolist() == ["zoe"] and len(found) == 2


def test_retrieve_with_context(codings, corpus, book):
    found = retrieve(codings, corpus, book, "sut.trust", context=10)
    text = corpus.text("CR-01")
    start = text.index("la confiance")
    assert found["before"].iloc[0] == text[start - 10 : start]
    assert found["after"].iloc[0] == text[start + 24 : start + 34]
    found = retrieve(codings, corpus, book, "sut.trust", context="segment")
    assert (
        found["segment_text"].iloc[0] == "Un covoiturage solidaire, avec la confiance des voisins."
    )
    with pytest.raises(CodingError, match="neither a number nor 'segment'"):
        retrieve(codings, corpus, book, "sut.trust", context="paragraph")


def test_retrieve_unknown_code(codings, corpus, book):
    with pytest.raises(CodebookError, match="unknown code"):
        retrieve(codings, corpus, book, "sut.nope")


def test_retrieve_does_not_mutate(codings, corpus, book):
    before = codings.copy()
    retrieve(codings, corpus, book, "sut", context=5)
    pd.testing.assert_frame_equal(codings, before)


def test_document_html_highlights_and_margin(codings, corpus, book):
    page = document_html(corpus, codings, book, "INT01")
    assert page.count("<mark") >= 3
    assert "Peurs" in page and "Territoire" in page and "Coopération" in page
    assert " · zoe" in page and " · lea" in page
    assert "linear-gradient" in page  # two coders on the same words
    assert "rgba(227,26,28,0.35)" in page  # the colour of sut.barriers, inherited
    assert '<b class="turn">Élodie\u00a0:</b>' in page or '<b class="turn">Élodie :</b>' in page


def test_document_html_shows_each_speaker_label_once_per_turn(codings, corpus, book):
    page = document_html(corpus, codings, book, "INT01")
    turns = corpus.segments_of("INT01")
    assert page.count('<b class="turn">') == len(turns)
    for speaker in ("Élodie", "Enquêtrice"):
        labels = re.findall(rf'<b class="turn">{speaker}\W*:</b>', page)
        assert len(labels) == (turns["speaker"] == speaker).sum()


def test_document_html_renders_headings_lists_bold_and_italics(book):
    from research.corpus import Corpus

    text = (
        "# Atelier n° 3\n\n*Notes prises pendant la soirée.*\n\n## Canevas\n\n"
        "- **Segments de clients** : retraités sans voiture\n"
        "- **Canaux** : tournée fixe\n"
    )
    corpus = Corpus.from_texts({"CR": text})
    page = document_html(corpus, codings_for(corpus, "CR", "retraités sans voiture"), book, "CR")
    assert re.search(r'class="[^"]*heading level-1[^"]*">Atelier n° 3<', page)
    assert re.search(r'class="[^"]*heading level-2[^"]*">Canevas<', page)
    assert re.search(r'class="[^"]*emphasis[^"]*">Notes prises pendant la soirée\.<', page)
    assert page.count('<span class="bullet">•</span>') == 2
    assert "<strong>Segments de clients</strong>" in page and "**" not in page
    assert "# Atelier" not in page and "## Canevas" not in page
    assert re.search(r"<mark[^>]*>retraités sans voiture</mark>", page)


def codings_for(corpus, doc_id: str, words: str) -> pd.DataFrame:
    start = corpus.text(doc_id).index(words)
    return pd.DataFrame(
        {
            "coder": ["lea"],
            "doc_id": [doc_id],
            "start": [start],
            "end": [start + len(words)],
            "code": ["sut.trust"],
            "quote": [words],
            "memo": [None],
            "created": [None],
        }
    )


def test_document_html_for_one_coder(codings, corpus, book):
    page = document_html(corpus, codings, book, "INT01", coder="lea")
    assert "Coopération" not in page and " · " not in page
    assert "(INT01 — lea, 2 codages)" in page


def test_document_html_escapes_text_and_survives_unknown_codes(corpus, book):
    frame = pd.DataFrame(
        {
            "coder": ["lea"],
            "doc_id": ["CR-01"],
            "start": [0],
            "end": [5],
            "code": ["old.code"],
            "quote": ["x"],
            "memo": [""],
            "created": [None],
        }
    )
    page = document_html(corpus, frame, book, "CR-01")
    assert "old.code (inconnu)" in page
    assert "<script" not in page


def test_a_coded_turn_label_stays_marked(book):
    from research.corpus import Corpus

    text = "Enquêtrice : Et après ?\n\nÉlodie : Trente kilomètres."
    meta = {"kind": "interview", "speakers": {"Enquêtrice": None, "Élodie": None}}
    corpus = Corpus.from_texts({"D": text}, metadata={"D": meta})
    page = document_html(corpus, codings_for(corpus, "D", "Élodie : Trente"), book, "D")
    assert re.search(
        r'<b class="turn"><mark[^>]*>Élodie :</mark></b> <mark[^>]*>Trente</mark>', page
    )
    assert page.count("Élodie") == 1
