"""The index page of outputs/: static, relative links, every run with its provenance."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from research.errors import InputError
from research.pipeline import (
    collect_runs,
    format_parameters,
    index_html,
    write_index,
    write_provenance,
)
from research.project import open_project


def _run(outputs, chapter, run, **record):
    folder = outputs / chapter / run
    folder.mkdir(parents=True)
    base = {
        "chapter": chapter,
        "run": run,
        "status": "ok",
        "parameters": {"edition": run},
        "html": "02-review.html",
        "notebook_output": "02-review.ipynb",
        "inputs_sha256": "abcdef0123456789",
        "timings": {"total_s": 6.25},
        "outputs": [
            {
                "kind": "figure",
                "name": "funnel",
                "caption": "L'entonnoir",
                "files": [{"path": "figures/funnel.png"}, {"path": "figures/funnel.svg"}],
            },
            {
                "kind": "table",
                "name": "summary",
                "caption": None,
                "files": [{"path": "tables/summary.csv"}, {"path": "tables/summary.xlsx"}],
            },
        ],
    }
    base.update(record)
    write_provenance(folder, base)
    return folder


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        self.links += [value for name, value in attrs if name in ("href", "src")]


def test_collect_runs_follows_the_chapter_order(tmp_path):
    for chapter, run in [("a", "x"), ("review", "SUT2017"), ("review", "all"), ("review", "zz")]:
        _run(tmp_path, chapter, run)
    (tmp_path / "review" / "interactive").mkdir()  # no provenance: left out
    runs = collect_runs(tmp_path, {"review": ["all", "SUT2016", "SUT2017"]})
    assert list(runs) == ["review", "a"]
    assert [r["_folder"] for r in runs["review"]] == ["all", "SUT2017", "zz"]


def test_index_links_are_relative_and_exist(tmp_path):
    outputs = tmp_path / "outputs"
    folder = _run(outputs, "review", "SUT2016")
    for rel in [
        "02-review.html",
        "02-review.ipynb",
        "figures/funnel.png",
        "figures/funnel.svg",
        "tables/summary.csv",
        "tables/summary.xlsx",
    ]:
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text("x")
    page = index_html(collect_runs(outputs), titles={"review": "Bilan"})
    parser = _Links()
    parser.feed(page)
    files = [link for link in parser.links if not link.startswith("#")]
    assert files and all((outputs / link).is_file() for link in files)
    assert not re.search(r"(https?:)?//", page.replace("<!DOCTYPE", ""))
    assert "<script" not in page and "<style>" in page
    assert "Bilan" in page and "6.2 s" in page and "abcdef012345" in page


def test_index_escapes_text_and_shows_failures(tmp_path):
    _run(
        tmp_path,
        "review",
        "all",
        status="failed",
        parameters={"note": "<b>&"},
        error={"message": "cell 4 raised ZeroDivisionError: <division>"},
    )
    page = index_html(collect_runs(tmp_path))
    assert "&lt;division&gt;" in page and "<division>" not in page
    assert "note=&lt;b&gt;&amp;" in page
    assert 'class="failed"' in page and "1 en échec" in page


def test_write_index_uses_the_chapter_titles(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "chapters.yaml").write_text(
        "chapters:\n  - id: review\n    notebook: 02-review.ipynb\n    title: Bilan des éditions\n"
    )
    _run(tmp_path / "outputs", "review", "all")
    path = write_index(open_project(tmp_path))
    assert path == tmp_path / "outputs" / "index.html"
    assert "Bilan des éditions" in path.read_text(encoding="utf-8")


def test_empty_index_says_how_to_fill_it(tmp_path):
    (tmp_path / "corpus").mkdir()
    page = write_index(open_project(tmp_path)).read_text(encoding="utf-8")
    assert "research run" in page


def test_format_parameters():
    assert format_parameters({"seed": 3, "edition": "l'an 2016"}) == "edition=l'an 2016, seed=3"


def test_index_links_the_pages_a_chapter_saved(tmp_path):
    page_output = {
        "kind": "page",
        "name": "network",
        "caption": "Réseau interactif",
        "files": [{"path": "pages/network.html"}],
    }
    folder = tmp_path / "network" / "all"
    folder.mkdir(parents=True)
    write_provenance(
        folder,
        {"chapter": "network", "run": "all", "status": "ok", "outputs": [page_output]},
    )
    page = index_html(collect_runs(tmp_path))
    parser = _Links()
    parser.feed(page)
    assert "network/all/pages/network.html" in parser.links
    assert "Réseau interactif" in page


def test_the_index_names_the_project_by_its_title(tmp_path):
    root = tmp_path / "dossier-these"
    (root / "corpus").mkdir(parents=True)
    page = write_index(open_project(root)).read_text(encoding="utf-8")
    assert "dossier-these" in page  # no title: the folder's name
    (root / "research.yaml").write_text("title: Coopérer en territoire rural\n", encoding="utf-8")
    page = write_index(open_project(root)).read_text(encoding="utf-8")
    assert "Coopérer en territoire rural" in page and "dossier-these" not in page


def test_a_title_that_is_not_a_text_names_research_yaml(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "research.yaml").write_text("title: [a, b]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"research\.yaml.*'title' must be a text"):
        _ = open_project(tmp_path).title
