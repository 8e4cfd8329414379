"""Checks of the demo codings committed with the demo project (corpus/codings/)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from research.coding import read_codings, validate_codings
from research.project import open_project

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def project():
    if not (REPO / "corpus" / "codings" / "camille.csv").is_file():
        pytest.skip("the demo codings are not in this checkout")
    return open_project(REPO)


@pytest.fixture(scope="module")
def codings(project):
    frame, problems = read_codings(project.paths.codings)
    assert [p for p in problems if p.severity == "error"] == []
    return frame


def test_demo_codings_have_no_errors(project):
    problems = validate_codings(
        project.paths.codings, corpus=project.corpus, codebook=project.codebook
    )
    errors = [p.format() for p in problems if p.severity == "error"]
    assert errors == [], "run 'research anchor' after editing a transcript"


def test_camille_codes_every_kind_with_every_codebook(project, codings):
    mine = codings[codings["coder"] == "camille"]
    assert len(mine) >= 300
    kinds = project.corpus.documents.set_index("doc_id")["kind"]
    assert {"interview", "minutes", "logbook"} <= set(mine["doc_id"].map(kinds))
    roots = {project.codebook.root_of(code) for code in mine["code"]}
    assert roots == {"iw", "ant", "sut"}
    assert all(project.codebook.is_codable(code) for code in set(mine["code"]))


def test_second_coder_covers_a_quarter_of_the_same_documents(project, codings):
    mine = set(codings.loc[codings["coder"] == "camille", "doc_id"])
    theirs = set(codings.loc[codings["coder"] == "second-coder", "doc_id"])
    assert theirs <= mine
    share = len(theirs) / len(project.corpus)
    assert 0.2 <= share <= 0.3


def test_second_coder_is_not_a_copy(codings):
    keys = ["doc_id", "start", "end", "code"]
    mine = codings[codings["coder"] == "camille"]
    theirs = codings[codings["coder"] == "second-coder"]
    common = theirs.merge(mine[mine["doc_id"].isin(set(theirs["doc_id"]))], on=keys)
    assert 0.1 < len(common) / len(theirs) < 0.6


def test_coders_file_matches_the_codings(project, codings):
    done = yaml.safe_load((project.paths.codings / "coders.yaml").read_text(encoding="utf-8"))
    assert done["camille"]["documents"] == "all"
    theirs = set(codings.loc[codings["coder"] == "second-coder", "doc_id"])
    assert set(done["second-coder"]["documents"]) == theirs
