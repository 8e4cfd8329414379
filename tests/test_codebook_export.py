"""Tests of research.codebook: Markdown, HTML, DOCX and CSV exports with counts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from research.codebook import (
    codebook_html,
    codebook_markdown,
    codebook_table,
    export_codebook,
    load_codebook,
)
from research.errors import ExportError

DATA = Path(__file__).resolve().parent / "data" / "coding"
STARTER = Path(__file__).resolve().parents[1] / "codebook"


@pytest.fixture(scope="module")
def book():
    return load_codebook(DATA / "codebook")


@pytest.fixture(scope="module")
def codings():
    return pd.DataFrame(
        {
            "coder": ["lea", "lea", "lea", "zoe", "zoe"],
            "doc_id": ["A", "A", "B", "A", "C"],
            "code": [
                "sut.barriers.fear",
                "sut.barriers.fear",
                "sut.barriers.territory",
                "sut.trust",
                "sut.barriers.fear",
            ],
        }
    )


def test_counts_by_hand(book, codings):
    table = codebook_table(book, codings).set_index("code")
    assert table.loc["sut.barriers.fear", ["codings", "documents"]].tolist() == [3, 2]
    assert table.loc["sut.barriers", ["codings", "documents"]].tolist() == [0, 0]
    assert table.loc["sut.barriers", ["codings_total", "documents_total"]].tolist() == [4, 3]
    assert table.loc["sut", ["codings_total", "documents_total"]].tolist() == [5, 3]
    assert table.loc["sut.cooperation", "codings_total"] == 0
    only_lea = codebook_table(book, codings, coders="lea").set_index("code")
    assert only_lea.loc["sut", "codings_total"] == 3


def test_table_without_codings_has_no_counts(book):
    table = codebook_table(book)
    assert "codings" not in table.columns
    assert table["depth"].tolist() == [0, 1, 1, 2, 2, 1]
    assert table.set_index("code").loc["sut.barriers.fear", "color"] == "#e31a1c"


def test_markdown(book, codings):
    text = codebook_markdown(book, codings, title="Annexe 3")
    assert text.startswith("# Annexe 3\n")
    assert "### Freins — `sut.barriers` *(catégorie)*" in text
    assert "#### Peurs — `sut.barriers.fear`" in text
    assert "**Définition.** Confiance accordée ou refusée." in text
    assert "*3 codage(s) dans 2 document(s); avec les sous-codes : 3 dans 2.*" in text


def test_html_is_escaped_and_complete(book, codings):
    page = codebook_html(book, codings, title="<Annexe>")
    assert "&lt;Annexe&gt;" in page and "<Annexe>" not in page
    assert page.count("<tr>") == len(book) + 1
    assert "<i>Freins</i>" in page


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx", ".csv"])
def test_export_by_suffix(tmp_path: Path, book, codings, suffix):
    path = export_codebook(book, tmp_path / "out" / f"codebook{suffix}", codings=codings)
    assert path.is_file() and path.stat().st_size > 0


def test_docx_table_content(tmp_path: Path, codings):
    from docx import Document

    book = load_codebook(STARTER)
    path = export_codebook(
        book, tmp_path / "codebook.docx", codings=codings, title="Codebook de la thèse"
    )
    document = Document(str(path))
    table = document.tables[0]
    assert len(table.rows) == len(book) + 1
    assert [c.text for c in table.rows[0].cells][:3] == ["Code", "Libellé", "Définition"]
    assert table.rows[1].cells[0].text == "iw"
    assert document.paragraphs[0].text == "Codebook de la thèse"


def test_csv_round_trip(tmp_path: Path, book):
    path = export_codebook(book, tmp_path / "codebook.csv")
    table = pd.read_csv(path)
    assert table["code"].tolist() == book.ids


def test_unknown_format(tmp_path: Path, book):
    with pytest.raises(ExportError, match="cannot tell the export format"):
        export_codebook(book, tmp_path / "codebook.pdf")
    assert (
        export_codebook(book, tmp_path / "x.txt", format="md").read_text().startswith("# Codebook")
    )
