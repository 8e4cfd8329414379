"""Tests of research.pages and of every page and snippet drawn with it.

Each page must show hostile document text as text (never as HTML) and be drawn
from the base template with the shared stylesheet; each notebook snippet uses
the same stylesheet without the page around it.
"""

from __future__ import annotations

import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import jinja2
import networkx as nx
import pandas as pd
import pytest

from research.agreement import disagreements_html, write_disagreements_html
from research.codebook import Codebook, codebook_html
from research.coding import document_html
from research.corpus import Corpus
from research.network import interactive_html
from research.pages import STYLESHEET_MARKER, render_page, render_snippet, stylesheet, table_context
from research.pipeline import index_html

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "src" / "research" / "pages" / "templates"

HOSTILE = '<script>alert("x")</script> & l\'autre'
# written out by hand: what the hostile text must become in the page
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; l&#39;autre"


def _is_page(page: str) -> None:
    assert page.startswith('<!DOCTYPE html>\n<html lang="fr">')
    assert STYLESHEET_MARKER in page
    assert '<body class="research' in page
    assert page.count("<style>") == 1


def _is_snippet(snippet: str) -> None:
    assert snippet.startswith('<div class="research"><style>')
    assert STYLESHEET_MARKER in snippet
    assert "<html" not in snippet and "<body" not in snippet


# ------------------------------------------------------------------ the base layer


def test_render_page_escapes_every_value():
    page = render_page("message.html", title=HOSTILE, message=HOSTILE)
    _is_page(page)
    assert f"<title>{ESCAPED}</title>" in page and f"<p>{ESCAPED}</p>" in page
    assert "<script>" not in page


def test_render_snippet_has_no_page_around_it():
    snippet = render_snippet("message.html", message=HOSTILE)
    _is_snippet(snippet)
    assert ESCAPED in snippet and "<script>" not in snippet


def test_a_missing_value_is_an_error_not_a_blank():
    with pytest.raises(jinja2.UndefinedError, match="message"):
        render_page("message.html", title="t")


def test_every_rule_of_the_stylesheet_is_scoped():
    css = re.sub(r"/\*.*?\*/", "", stylesheet(), flags=re.S)
    selectors = [s.strip() for block in re.findall(r"([^{}]+)\{", css) for s in block.split(",")]
    assert len(selectors) > 30
    assert all(re.match(r"(body)?\.research\b", s) for s in selectors), selectors
    assert "sans-serif" in css and "url(" not in css and "@import" not in css


def test_templates_ship_as_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["research"]
    files = [p.relative_to(ROOT / "src" / "research").as_posix() for p in TEMPLATES.iterdir()]
    assert "pages/templates/base.html" in files and "pages/templates/style.css" in files
    for name in files:
        assert any(fnmatch(name, pattern) for pattern in patterns), name
    assert any(d.startswith("jinja2") for d in config["project"]["dependencies"])


def test_table_context_formats_cells():
    frame = pd.DataFrame({"n": [3, 4], "x": [0.123456, None], "t": ["<a>", None]})
    before = frame.copy()
    table = table_context(frame, headers={"n": "nombre"})
    assert table["headers"] == ["nombre", "x", "t"]
    assert table["numeric"] == [True, True, False]
    assert table["rows"] == [["3", "0.1235", "<a>"], ["4", "", ""]]
    pd.testing.assert_frame_equal(frame, before)


# ---------------------------------------------------------------------- the pages


def test_index_page():
    runs = {"c1": [{"_folder": HOSTILE, "status": "failed", "parameters": {"p": HOSTILE},
                    "error": {"message": HOSTILE}}]}  # fmt: skip
    page = index_html(runs, titles={"c1": HOSTILE}, project_name=HOSTILE)
    _is_page(page)
    assert "<script>" not in page
    assert f"<h2>{ESCAPED} " in page and f"p={ESCAPED}" in page
    assert f'<div class="error">{ESCAPED}</div>' in page
    assert "en échec" in page


@pytest.fixture
def hostile_corpus():
    text = f"I : Question ?\nR : {HOSTILE} fin du tour."
    return Corpus.from_texts({"D": text}, metadata={"D": {"title": HOSTILE, "kind": HOSTILE}})


@pytest.fixture
def hostile_book():
    return Codebook.from_frame(
        pd.DataFrame(
            {
                "code": ["x", "x.y"],
                "label": [HOSTILE, "Enrôlement & co"],
                "definition": [HOSTILE, None],
                "codable": [False, True],
            }
        )
    )


def _coding(corpus: Corpus, words: str, code: str) -> pd.DataFrame:
    start = corpus.text("D").index(words)
    return pd.DataFrame({"coder": ["a"], "doc_id": ["D"], "start": [start],
                         "end": [start + len(words)], "code": [code], "quote": [words],
                         "memo": [""], "created": [None]})  # fmt: skip


@pytest.mark.parametrize("standalone", [False, True])
def test_document_view(hostile_corpus, hostile_book, standalone):
    codings = _coding(hostile_corpus, "fin du tour", "x.y")
    page = document_html(hostile_corpus, codings, hostile_book, "D", standalone=standalone)
    (_is_page if standalone else _is_snippet)(page)
    assert "<script>" not in page
    assert f"<br>R : {ESCAPED} <mark" in page
    assert f"<h4>{ESCAPED} <small>(D, 1 codage)</small></h4>" in page
    assert "Enrôlement &amp; co</div>" in page


def test_document_view_marks_hostile_text_as_text(hostile_corpus, hostile_book):
    codings = _coding(hostile_corpus, HOSTILE, "x")
    page = document_html(hostile_corpus, codings, hostile_book, "D")
    assert re.search(
        rf'<mark style="[^"]*" title="{re.escape(ESCAPED)} \(x\)">{re.escape(ESCAPED)}</mark>', page
    )
    assert "<script>" not in page


def _disagreement(text: str) -> pd.DataFrame:
    row = {"disagreement_id": "x@D#s0", "code": "x", "doc_id": "D", "seg_id": "s0",
           "seg_start": 0, "seg_end": len(text), "kind": "only_a", "coder_a": "A&B",
           "coder_b": "C", "a_spans": [(0, len(HOSTILE))], "b_spans": [],
           "a_text": HOSTILE, "b_text": "", "text": text}  # fmt: skip
    return pd.DataFrame([row])


def test_disagreement_page(hostile_book, tmp_path):
    found = _disagreement(f"{HOSTILE} suite")
    page = disagreements_html(found, codebook=hostile_book)
    _is_page(page)
    assert "<script>" not in page
    assert f'<mark class="a">{ESCAPED}</mark> suite' in page
    assert f'<span class="quote">{ESCAPED}</span>' in page
    # the code is named by its label (escaped), its id beside it
    assert f"<h2>{ESCAPED} <code>x</code></h2>" in page
    assert "codé par A&amp;B seulement" in page and "non codé" in page
    path = write_disagreements_html(found, tmp_path / "d.html", codebook=hostile_book)
    assert path.read_text(encoding="utf-8") == page


def test_disagreement_page_without_codebook_shows_the_id():
    page = disagreements_html(_disagreement(f"{HOSTILE} suite"))
    assert "<h2><code>x</code></h2>" in page
    assert "Désaccords de codage : A&amp;B et C" in page


def test_codebook_export(hostile_book):
    page = codebook_html(hostile_book, title=HOSTILE)
    _is_page(page)
    assert "<script>" not in page
    assert f"<h1>{ESCAPED}</h1>" in page and f"<td><i>{ESCAPED}</i></td>" in page
    assert f"<td>{ESCAPED}</td>" in page


def test_network_page():
    G = nx.Graph([("a", "b")])
    G.nodes["a"]["label"] = HOSTILE
    page = interactive_html({"E1": G}, title=HOSTILE)
    _is_page(page)
    assert f"<title>{ESCAPED}</title>" in page and f'aria-label="{ESCAPED}"' in page
    assert "<script>alert" not in page and "\\u003cscript\\u003e" in page


# ------------------------------------------------------------------- the snippets


def test_corpus_snippet(hostile_corpus):
    snippet = hostile_corpus._repr_html_()
    _is_snippet(snippet)
    assert f"<td>{ESCAPED}</td>" in snippet and "<script>" not in snippet
    assert (
        "1 document, 1 segment, 11 mots" in snippet and '<th class="num">caractères</th>' in snippet
    )
    assert "aucun document" in Corpus.from_texts({})._repr_html_()


def test_codebook_snippet(hostile_book):
    snippet = hostile_book._repr_html_()
    _is_snippet(snippet)
    assert f"<td><i>{ESCAPED}</i></td>" in snippet and "<script>" not in snippet
    assert "2 codes dans 1 arbre(s)" in snippet


def test_saved_table_snippet(tmp_path, monkeypatch):
    from research.pipeline import _outputs as report

    monkeypatch.setenv("RESEARCH_OUTPUT_DIR", str(tmp_path / "run"))
    report.set_output_dir(None)
    try:
        saved = report.save_table(pd.DataFrame({"t": [HOSTILE]}), "t", formats=("csv",),
                                  caption=HOSTILE)  # fmt: skip
    finally:
        report.set_output_dir(None)
    snippet = saved._repr_html_()
    _is_snippet(snippet)
    assert f"<b>{ESCAPED}</b>" in snippet and f"<td>{ESCAPED}</td>" in snippet
    assert "enregistré : tables/t.csv" in snippet


def test_project_snippet(tmp_path):
    from research.project import init_project, open_project

    init_project(tmp_path / "p&q")
    snippet = open_project(tmp_path / "p&q")._repr_html_()
    _is_snippet(snippet)
    assert "p&amp;q" in snippet and "<th>dossier</th>" in snippet
