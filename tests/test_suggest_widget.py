"""Suggestions reviewed in the coding widget: its Python side, then a real browser.

The page's messages are sent with :meth:`CodingWidget.receive` (positions in UTF-16
code units computed independently), then the same review is done in JupyterLab
in Chromium with real clicks and keys, on a project made as a new user makes one
(``tests/coding_project.py``).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest

import research
from coding_project import build_project, utf16
from research.coding import CodingSession, load_codings
from research.suggest import read_rejections


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def suggestions_of(project) -> pd.DataFrame:
    """Two suggestions in ENT01 (after an emoji: UTF-16 and code points differ) and one in CR01."""
    corpus = project.corpus
    rows = []
    for doc_id, words, code, p in (
        ("ENT01", "Trente kilomètres", "terrain.freins.territoire", 0.83),
        ("ENT01", "on a coopéré avec la fromagerie", "terrain.cooperation", 0.71),
        ("CR01", "covoiturage solidaire", "terrain.cooperation", 0.64),
    ):
        start, end = _span(corpus.text(doc_id), words)
        rows.append(
            {
                "doc_id": doc_id,
                "start": start,
                "end": end,
                "code": code,
                "probability": p,
                "words": "kilomètre, « loin »",
                "model": "suggest-test",
                "quote": corpus.text(doc_id)[start:end],
                "decision": "",
            }
        )
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    return build_project(tmp_path_factory.mktemp("suggest-widget") / "projet")


@pytest.fixture
def project(made: Path, tmp_path: Path):
    root = tmp_path / "projet"
    shutil.copytree(made, root)
    (root / "corpus" / "codings").mkdir(parents=True, exist_ok=True)
    return research.open_project(root)


def test_the_widget_shows_the_suggestions_of_each_document_in_utf16(project):
    found = suggestions_of(project)
    widget = CodingSession(project, "lea").widget(suggestions=found)
    assert widget.doc_ids == ["ENT01", "CR01"]  # the documents with suggestions
    text = project.corpus.text("ENT01")
    shown = {s["code"]: s for s in widget.suggestions}
    start, end = _span(text, "Trente kilomètres")
    first = shown["terrain.freins.territoire"]
    assert (first["start"], first["end"]) == (utf16(text, start), utf16(text, end))
    assert first["start"] != start  # an emoji comes before
    assert first["key"] == f"s:{start}:{end}:terrain.freins.territoire"
    assert first["probability"] == pytest.approx(0.83) and first["model"] == "suggest-test"
    widget.next()
    assert [s["code"] for s in widget.suggestions] == ["terrain.cooperation"]


def test_accept_codes_with_a_memo_undo_brings_the_suggestion_back(project):
    found = suggestions_of(project)
    widget = CodingSession(project, "lea").widget(suggestions=found)
    key = next(s["key"] for s in widget.suggestions if s["code"] == "terrain.freins.territoire")
    widget.receive({"type": "accept", "key": key, "seq": 1})
    assert widget.status["state"] == "saved" and "acceptée" in widget.status["message"]
    saved = load_codings(project.paths.codings)
    assert saved[["code", "quote"]].values.tolist() == [
        ["terrain.freins.territoire", "Trente kilomètres"]
    ]
    assert saved["memo"].iloc[0] == (
        "Suggestion du modèle suggest-test, probabilité 0,83, acceptée par lea"
    )
    assert key not in {s["key"] for s in widget.suggestions}
    assert any(c["code"] == "terrain.freins.territoire" for c in widget.codings)
    widget.receive({"type": "undo", "seq": 2})
    assert load_codings(project.paths.codings).empty
    assert key in {s["key"] for s in widget.suggestions}
    widget.receive({"type": "redo", "seq": 3})
    assert len(load_codings(project.paths.codings)) == 1
    assert key not in {s["key"] for s in widget.suggestions}


def test_reject_is_remembered_and_never_shown_again(project):
    found = suggestions_of(project)
    session = CodingSession(project, "lea")
    widget = session.widget(suggestions=found)
    key = next(s["key"] for s in widget.suggestions if s["code"] == "terrain.cooperation")
    widget.receive({"type": "reject", "key": key, "seq": 1})
    assert "ne sera plus proposée" in widget.status["message"]
    rejected = read_rejections(project.paths.codings, "lea")
    assert rejected[["doc_id", "code", "quote"]].values.tolist() == [
        ["ENT01", "terrain.cooperation", "on a coopéré avec la fromagerie"]
    ]
    assert load_codings(project.paths.codings).empty  # nothing coded
    again = CodingSession(project, "lea").widget(suggestions=found)
    assert key not in {s["key"] for s in again.suggestions}
    widget.receive({"type": "reject", "key": key, "seq": 2})  # twice: the page is told
    assert widget.status["state"] == "error" and "plus à revoir" in widget.status["message"]


def test_a_review_file_with_decisions_shows_only_the_undecided(project, tmp_path):
    found = suggestions_of(project)
    found.loc[0, "decision"] = "accept"
    widget = CodingSession(project, "lea").widget(suggestions=found)
    assert {s["code"] for s in widget.suggestions} == {"terrain.cooperation"}
    widget.show_suggestions(None)
    assert widget.suggestions == []


# -- in a real browser ---------------------------------------------------------------------------

CELL = (
    "import pandas as pd, research\n"
    "project = research.open_project()\n"
    "found = pd.read_csv('suggestions.csv')\n"
    "research.CodingSession(project, 'lea').widget(suggestions=found)"
)


@pytest.mark.browser
@pytest.mark.slow
def test_suggestions_are_accepted_and_rejected_with_the_mouse_and_keys(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    from jupyterlab_browser import (
        JupyterLab,
        Notebook,
        Widget,
        browser_required,
        find_chromium,
        launch_chromium,
        write_notebook,
    )

    chromium = find_chromium()
    if chromium is None:
        if browser_required():
            pytest.fail("no Chromium found: install Debian's package ('apt-get install chromium')")
        pytest.skip("no Chromium found (apt-get install chromium)")
    lab_root = tmp_path_factory.mktemp("lab")
    root = build_project(lab_root / "projet")
    (root / "corpus" / "codings").mkdir(parents=True, exist_ok=True)
    suggestions_of(research.open_project(root)).to_csv(root / "notebooks" / "suggestions.csv")
    write_notebook(root / "notebooks" / "revue.ipynb", CELL)
    server = JupyterLab(lab_root, scratch=Path(tempfile.mkdtemp(prefix="lab-")))
    server.start()
    try:
        with sync_playwright() as playwright:
            context = launch_chromium(playwright, chromium, tmp_path_factory.mktemp("chromium"))
            notebook = Notebook(server, context, "projet/notebooks/revue.ipynb")
            notebook.run(0)
            widget = Widget(notebook)
            page = notebook.page
            assert widget.attribute("data-suggestions") == "2"
            assert "2 suggestions à revoir" in widget.root.locator(".rw-suggest").inner_text()
            dashed = widget.root.locator(".rw-stripe.rw-suggested")
            assert dashed.count() == 2
            # a click on a dashed stripe shows the suggestion; Enter accepts it
            widget.root.locator(
                ".rw-stripe.rw-suggested[data-code='terrain.freins.territoire']"
            ).click()
            panel = widget.root.locator(".rw-panel")
            panel.get_by_text("Suggestion à revoir").wait_for()
            assert "Probabilité 83 %" in panel.inner_text()
            assert "kilomètre, « loin »" in panel.inner_text()
            page.keyboard.press("Enter")
            widget.idle()
            saved = load_codings(root / "corpus" / "codings")
            assert saved[["code", "quote"]].values.tolist() == [
                ["terrain.freins.territoire", "Trente kilomètres"]
            ]
            assert saved["memo"].iloc[0].startswith("Suggestion du modèle suggest-test")
            # the next suggestion is shown; Suppr rejects it
            page.wait_for_function(
                "root => root.dataset.suggestions === '1' && root.dataset.suggestion",
                arg=widget.root.element_handle(),
            )
            assert "terrain.cooperation" in widget.attribute("data-suggestion")
            page.keyboard.press("Delete")
            widget.idle()
            page.wait_for_function(
                "root => root.dataset.suggestions === '0'", arg=widget.root.element_handle()
            )
            rejected = read_rejections(root / "corpus" / "codings", "lea")
            assert rejected["quote"].tolist() == ["on a coopéré avec la fromagerie"]
            assert len(load_codings(root / "corpus" / "codings")) == 1  # nothing else coded
            assert widget.root.locator(".rw-stripe.rw-suggested").count() == 0
            assert widget.root.locator(".rw-stripe:not(.rw-suggested)").count() == 1
            # the next document: a click in the suggested words shows it; the button accepts
            widget.root.locator("[data-action='next']").click()
            widget.idle()
            page.wait_for_function(
                "root => root.dataset.docId === 'CR01' && root.dataset.suggestions === '1'",
                arg=widget.root.element_handle(),
            )
            widget.click("covoiturage")
            panel.get_by_text("Suggestion à revoir").wait_for()
            panel.locator("[data-action='accept']").click()
            widget.idle()
            quotes = load_codings(root / "corpus" / "codings")["quote"].tolist()
            assert sorted(quotes) == ["Trente kilomètres", "covoiturage solidaire"]
            assert notebook.errors == []
            notebook.close()
            context.close()
    finally:
        server.stop()
