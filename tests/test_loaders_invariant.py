"""The offset invariant over every loader, and import into Markdown keeping segments."""

from pathlib import Path

import pytest

from research.corpus import Corpus, parse_document, render_markdown
from research.corpus.loaders import Limits, load_document, registered_suffixes
from research.corpus.loaders._markdown import load_markdown

FIXTURES = Path(__file__).parent / "data"
FILES = sorted(
    path
    for folder in (FIXTURES / "loaders", FIXTURES / "corpus" / "good")
    for path in folder.iterdir()
    if path.suffix.lower() in registered_suffixes()
)


def test_every_format_has_a_fixture():
    assert {path.suffix.lower() for path in FILES} >= {
        ".md",
        ".txt",
        ".docx",
        ".odt",
        ".vtt",
        ".srt",
        ".trs",
        ".html",
        ".eml",
    }  # .pdf: written by tests/test_loaders_pdf.py, which checks the same invariant


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_segments_are_slices_of_the_stored_text(path):
    doc = load_document(path)
    parsed = parse_document("D", str(path), doc)
    assert parsed.segments, "every fixture has text"
    previous_end = 0
    for seg in parsed.segments:
        piece = doc.text[seg.start : seg.end]
        assert piece and piece == piece.strip()
        assert seg.start >= previous_end
        previous_end = seg.end
    assert "\r" not in doc.text and not doc.text.startswith("\ufeff")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_import_as_markdown_keeps_text_and_segments(path, tmp_path):
    doc = load_document(path)
    target = tmp_path / "imported.md"
    meta = {"id": "D", **{k: v for k, v in doc.metadata.items() if k != "id"}}
    target.write_text(render_markdown(doc.text, meta), encoding="utf-8")
    again = load_markdown(target, Limits())
    assert again.text == doc.text
    before = Corpus.from_loaded([("D", "", doc)]).segments.drop(columns=["seg_id"])
    after = Corpus.from_loaded([("D", "", again)]).segments.drop(columns=["seg_id"])
    assert before.equals(after)
