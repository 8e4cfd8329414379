"""The bundled demo project: complete, consistent across files, not repetitive."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from research.project import open_project, validate_project


@pytest.fixture(scope="module")
def project(repo_root):
    return open_project(repo_root)


@pytest.fixture(scope="module")
def corpus(project):
    return project.corpus


def test_the_demo_project_validates_without_errors(project):
    problems = validate_project(project)
    assert [p.format() for p in problems if p.severity == "error"] == []


def test_enough_documents_of_each_kind(corpus):
    docs = corpus.documents
    kinds = docs["kind"].value_counts()
    assert kinds["interview"] >= 12
    assert kinds["logbook"] >= 20
    minutes = docs[docs["kind"] == "minutes"]
    assert (minutes["meeting"] == "workshop").sum() >= 15
    assert (minutes["meeting"] == "steering_committee").sum() >= 4
    assert set(minutes.loc[minutes["meeting"] == "workshop", "edition"]) == {
        "SUT2016",
        "SUT2017",
        "SUT2019",
    }


def test_interviews_are_long_enough_and_cover_the_categories(corpus):
    interviews = corpus.where(kind="interview").documents
    assert interviews["n_words"].between(1500, 3000).all(), interviews[["doc_id", "n_words"]]
    categories = set(interviews["respondent_category"])
    assert {"project_holder", "citizen", "facilitator", "elected", "cluster_staff"} <= categories
    assert {"support_org", "funder"} <= categories


def test_every_turn_speaker_is_mapped_to_an_actor(corpus, project):
    known = set(project.tables["actors"]["actor_id"])
    turns = corpus.segments.dropna(subset=["speaker"])
    interview_ids = set(corpus.where(kind="interview").doc_ids)
    turns = turns[turns["doc_id"].isin(interview_ids)]
    assert turns["actor"].notna().all()
    assert set(turns["actor"]) <= known


def test_respondents_match_their_registry_category(corpus, project):
    actors = project.tables["actors"].set_index("actor_id")
    for doc in corpus.where(kind="interview").documents.itertuples():
        assert actors.loc[doc.respondent, "category"] == doc.respondent_category, doc.doc_id


def test_workshop_minutes_match_the_workshop_table(corpus, project):
    workshops = project.tables["workshops"].set_index("workshop_id")
    minutes = corpus.where(meeting="workshop").documents
    for doc in minutes.itertuples():
        row = workshops.loc[doc.workshop]
        assert row["edition_id"] == doc.edition, doc.doc_id
        assert row["type"] == doc.workshop_type, doc.doc_id
        assert row["theme"] == doc.theme, doc.doc_id


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.strip()) >= 60]


def test_no_paragraph_appears_twice_in_the_corpus(corpus):
    seen: dict[str, list[str]] = defaultdict(list)
    for doc_id in corpus.doc_ids:
        for paragraph in _paragraphs(corpus.text(doc_id)):
            seen[paragraph].append(doc_id)
    repeated = {p[:60]: ids for p, ids in seen.items() if len(ids) > 1}
    assert repeated == {}


def test_the_evening_edition_tables_are_consistent(project):
    tables = project.tables
    workshops = tables["workshops"]
    assert len(tables["editions"]) == 3
    assert 60 <= len(workshops) <= 71
    assert set(tables["participations"]["workshop_id"]) <= set(workshops["workshop_id"])
