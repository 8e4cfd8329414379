"""PDF documents: pages, reading order, running heads, hyphenation, and hostile files.

The PDFs are written in the tests: with reportlab for laid-out pages (two columns,
a running head, page numbers, words hyphenated at line ends), and by hand for the
raw files (a damaged file, a PDF bomb) so that every byte is known.
"""

from __future__ import annotations

import io
import os
import struct
import tracemalloc
import zlib
from pathlib import Path

import pytest

from research.corpus import Corpus, parse_document, render_markdown
from research.corpus.loaders import Limits, load_document
from research.corpus.loaders._markdown import load_markdown
from research.corpus.loaders._pdf_text import Vocabulary, join_hyphenated
from research.errors import InputError, UnsafeInputError

reportlab = pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from pdf_fixtures import HEIGHT, WIDTH, two_columns  # noqa: E402

PARAGRAPHS = [
    "La coopération territoriale est au cœur du projet : les ateliers ont réuni des "
    "habitants, des élus et des entreprises. Le porte-parole du pôle l’a rappelé, "
    "c’est-à-dire sans détour, avec une fine équipe.",
    "Page {n}, un paragraphe commence ici et continue sur la ligne suivante.",
    "La seconde colonne parle du financement des projets et de l’influence des "
    "dispositifs d’accompagnement de la Fabrique à Entreprendre en Franche-Comté.",
]


def expected_page(n: int) -> list[str]:
    return [p.replace("{n}", str(n)) for p in PARAGRAPHS]


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    return two_columns(tmp_path_factory.mktemp("pdf") / "rapport.pdf")


def test_pages_columns_hyphens_ligatures_and_running_heads(report):
    doc = load_document(report)
    expected = ["<!-- page 1 -->", "# Introduction générale", *expected_page(1)]
    for n in (2, 3):
        expected += [f"<!-- page {n} -->", *expected_page(n)]
    assert doc.text == "\n\n".join(expected) + "\n"
    assert "Rapport d’activité 2019\n" not in doc.text and "– 2 –" not in doc.text
    assert doc.problems == []


def test_every_segment_knows_its_page_and_section(report):
    corpus = Corpus.from_loaded([("R", "", load_document(report))])
    segs = corpus.segments
    assert segs["page"].tolist() == ["1"] * 3 + ["2"] * 3 + ["3"] * 3
    assert set(segs["section"]) == {"Introduction générale"}
    assert segs.loc[4, "text"] == expected_page(2)[1]
    text = corpus.text("R")
    assert all(
        text[s:e] == t for s, e, t in zip(segs["start"], segs["end"], segs["text"], strict=True)
    )


def test_metadata_of_the_document(report):
    meta = load_document(report).metadata
    assert meta["title"] == "Rapport d’activité 2019"
    assert meta["author"] == "Pôle coopératif"
    assert meta["pages"] == 3
    assert meta["created"][:4].isdigit()


def test_import_as_markdown_keeps_text_segments_and_pages(report, tmp_path):
    doc = load_document(report)
    target = tmp_path / "rapport.md"
    target.write_text(render_markdown(doc.text, {"id": "R", **doc.metadata}), encoding="utf-8")
    again = load_markdown(target, Limits())
    assert again.text == doc.text
    before = Corpus.from_loaded([("R", "", doc)]).segments
    after = Corpus.from_loaded([("R", "", again)]).segments
    assert before.equals(after)
    parsed = parse_document("R", "", again)
    assert all(
        doc.text[s.start : s.end].strip() == doc.text[s.start : s.end] for s in parsed.segments
    )


def test_a_page_label_of_the_pdf_is_the_page_cited(tmp_path):
    path = tmp_path / "labels.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.addPageLabel(0, style="ROMAN_LOWER")
    pdf.addPageLabel(1, style="ARABIC", start=1)
    for words in ("Avant-propos du rapport.", "Premier chapitre du rapport."):
        pdf.setFont("Vera", 11)
        pdf.drawString(72, 500, words)
        pdf.showPage()
    pdf.save()
    segs = Corpus.from_loaded([("L", "", load_document(path))]).segments
    assert segs[["text", "page"]].values.tolist() == [
        ["Avant-propos du rapport.", "i"],
        ["Premier chapitre du rapport.", "1"],
    ]


def test_accents_drawn_over_their_letter_are_put_on_it(tmp_path):
    """Old TeX fonts draw « é » as an accent glyph over an « e »."""
    path = tmp_path / "tex.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Vera", 11)
    x = 72
    for part in (
        "Une ",
        ("´", "e"),
        "tude de la ma",
        ("ˆ", "ı"),
        "trise fran",
        ("¸", "c"),
        "aise.",
    ):
        if isinstance(part, tuple):
            accent, letter = part
            width = pdfmetrics.stringWidth(letter, "Vera", 11)
            pdf.drawString(
                x + (width - pdfmetrics.stringWidth(accent, "Vera", 11)) / 2, 500, accent
            )
            pdf.drawString(x, 500, letter)
            x += width
        else:
            pdf.drawString(x, 500, part)
            x += pdfmetrics.stringWidth(part, "Vera", 11)
    pdf.drawString(72, 470, "Un accent ´ seul reste un accent.")
    pdf.save()
    assert load_document(path).text == (
        "<!-- page 1 -->\n\nUne étude de la maîtrise française.\n\n"
        "Un accent ´ seul reste un accent.\n"
    )


def test_a_transcript_saved_as_pdf_is_cut_into_turns(tmp_path):
    path = tmp_path / "entretien.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Vera", 11)
    turns = ["Enquêtrice : Comment avez-vous connu le pôle ?", "Élodie : Par une soirée.",
             "Enquêtrice : Et ensuite ?", "Élodie : Un atelier sur la mobilité."]  # fmt: skip
    for n, turn in enumerate(turns):
        pdf.drawString(72, 700 - 30 * n, turn)
    pdf.save()
    doc = load_document(path)
    assert doc.metadata["segmentation"] == "turns"
    segs = Corpus.from_loaded([("E", "", doc)]).segments
    assert segs["speaker"].tolist() == ["Enquêtrice", "Élodie", "Enquêtrice", "Élodie"]
    assert segs["page"].tolist() == ["1"] * 4


# -- hyphenation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("dévelop", "pement", "développement"),
        ("habi", "tants,", "habitants,"),
        ("porte", "parole", "porte-parole"),
        ("c’est", "à-dire", "c’est-à-dire"),
        ("peut", "être", "peut-être"),
        ("dit", "il", "dit-il"),
        ("celui", "ci", "celui-ci"),
        ("après", "midi", "après-midi"),
        ("Franche", "Comté", "Franche-Comté"),
        ("2017", "2018", "2017-2018"),
        ("Start", "Up", "Start-Up"),
    ],
)
def test_a_word_cut_at_a_line_end_is_joined_and_a_compound_kept(left, right, joined):
    assert join_hyphenated(left, right) == joined


def test_the_document_itself_says_how_a_word_is_spelled():
    written = Vocabulary.of(["une démarche de co-construction", "l’entrepreneuriat local"])
    assert join_hyphenated("co", "construction", written) == "co-construction"
    assert join_hyphenated("co", "construction") == "coconstruction"
    assert join_hyphenated("entre", "preneuriat", written) == "entrepreneuriat"


# -- files that cannot be read ----------------------------------------------------------


def raw_pdf(content: bytes, *, filters: str = "/FlateDecode") -> bytes:
    """A one-page PDF written by hand whose page content is ``content`` (already encoded)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter [%s] >>\nstream\n" % (len(content), filters.encode())
        + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def bomb(inflated: int) -> bytes:
    """A zlib stream of ``inflated`` zero bytes, made without compressing them all:
    identical deflate blocks after a full flush, and the real checksum."""
    chunk = b"\0" * (1 << 24)
    deflater = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = deflater.compress(chunk) + deflater.flush(zlib.Z_FULL_FLUSH)
    n = inflated // len(chunk)
    adler = 1
    for _ in range(n):
        adler = zlib.adler32(chunk, adler)
    return b"\x78\xda" + block * n + deflater.flush(zlib.Z_FINISH) + struct.pack(">I", adler)


def test_a_small_pdf_written_by_hand_is_read(tmp_path):
    path = tmp_path / "main.pdf"
    path.write_bytes(raw_pdf(zlib.compress(b"BT /F1 12 Tf 72 700 Td (Bonjour le pole) Tj ET")))
    assert load_document(path).text == "<!-- page 1 -->\n\nBonjour le pole\n"


def test_a_pdf_bomb_is_refused_without_filling_memory(tmp_path):
    path = tmp_path / "bombe.pdf"
    path.write_bytes(raw_pdf(bomb(1 << 30)))  # 1 GiB of zeros in about 1 MB
    assert path.stat().st_size < 2_000_000
    tracemalloc.start()
    try:
        with pytest.raises(UnsafeInputError) as caught:
            load_document(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    message = str(caught.value)
    assert str(path) in message and "PDF bomb" in message and "max_zip_ratio" in message
    assert peak < 20_000_000, f"{peak:,} bytes held while refusing the bomb"


def test_streams_over_the_total_limit_are_refused(tmp_path):
    path = tmp_path / "lourd.pdf"
    path.write_bytes(raw_pdf(bomb(1 << 25)))
    with pytest.raises(UnsafeInputError, match="max_unzipped_bytes"):
        load_document(path, options=Limits(max_unzipped_bytes=1 << 24, max_zip_ratio=1e9))


def test_a_bomb_behind_two_filters_is_refused(tmp_path):
    path = tmp_path / "double.pdf"
    path.write_bytes(raw_pdf(zlib.compress(bomb(1 << 28)), filters="/FlateDecode /FlateDecode"))
    with pytest.raises(UnsafeInputError, match="PDF bomb"):
        load_document(path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "not a valid PDF: the file is damaged"),
        (b"Bonjour, ceci n'est pas un PDF", "not a PDF: the file does not start with '%PDF-'"),
        (b"", "not a PDF"),
    ],
)
def test_a_damaged_file_or_another_format_is_named(tmp_path, data, message):
    path = tmp_path / "abime.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert message in str(caught.value) and str(path) in str(caught.value)
    assert caught.value.hint


def test_a_truncated_pdf_is_refused_by_name(report, tmp_path):
    path = tmp_path / "coupe.pdf"
    path.write_bytes(report.read_bytes()[: os.path.getsize(report) // 3])
    with pytest.raises(InputError, match=r"not a valid PDF|no text"):
        load_document(path)


def test_a_scanned_pdf_is_said_to_have_no_text_layer(tmp_path):
    from PIL import Image

    image = tmp_path / "scan.png"
    Image.new("L", (200, 280), color=240).save(image)
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        pdf.drawImage(str(image), 0, 0, WIDTH, HEIGHT)
        pdf.showPage()
    pdf.save()
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert "no text layer" in str(caught.value) and "OCR" in caught.value.hint


def test_a_page_without_text_among_others_is_named(tmp_path):
    from PIL import Image

    image = tmp_path / "scan.png"
    Image.new("L", (200, 280), color=240).save(image)
    path = tmp_path / "mixte.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Vera", 11)
    pdf.drawString(72, 700, "Une page de texte.")
    pdf.showPage()
    pdf.drawImage(str(image), 0, 0, WIDTH, HEIGHT)
    pdf.showPage()
    pdf.save()
    doc = load_document(path)
    assert doc.text == "<!-- page 1 -->\n\nUne page de texte.\n\n<!-- page 2 -->\n"
    assert [p.severity for p in doc.problems] == ["warning"]
    assert "page 2 hold images and no text" in doc.problems[0].message


def test_a_pdf_locked_by_a_password_is_refused(tmp_path):
    from reportlab.lib import pdfencrypt

    path = tmp_path / "secret.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=pdfencrypt.StandardEncryption("secret"))
    pdf.setFont("Vera", 11)
    pdf.drawString(72, 700, "Confidentiel.")
    pdf.save()
    with pytest.raises(InputError, match="protected by a password"):
        load_document(path)


def test_a_pdf_over_the_size_limit_is_refused(report):
    with pytest.raises(UnsafeInputError, match="max_file_bytes"):
        load_document(report, options=Limits(max_file_bytes=1000))
