"""Tests of research.corpus.loaders: .docx and .odt documents as Markdown-like text."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from research.corpus import segment_paragraphs
from research.corpus.loaders import Limits, load_document, segments_for
from research.corpus.loaders._office import guess_segmentation, load_docx, load_odt, render_blocks
from research.errors import InputError, UnsafeInputError

DATA = Path(__file__).parent / "data" / "loaders"
NBSP, NNBSP = "\u00a0", "\u202f"

DOCX_TEXT = (
    "Compte rendu\n\n"
    "# Atelier « mobilité »\n\n"
    f"Présents{NBSP}: Élodie, Marc et l’équipe du pôle.\n\n"
    "## Idées retenues\n\n"
    "- Une navette solidaire\n\n"
    "  - le soir\n\n"
    "- Un garage associatif\n\n"
    "Pas une liste\n\n"
    "Le principe est validé ; voir le site.\n\n"
    f"Budget{NBSP}: à définir.\n\n"
    "Action | Responsable | Échéance\n\n"
    "Trouver un local | Marc | mars 2018\n\n"
    "Relancer la mairie | Élodie\n\n"
    f"Prochaine réunion{NNBSP}?\tLe 3 mai.\nÀ confirmer.\n\n"
    "Signé : l’animatrice.\n"
)
A, B = "Atelier « mobilité »", "Atelier « mobilité » > Idées retenues"
DOCX_SEGMENTS = [
    ("Compte rendu", None),
    (f"Présents{NBSP}: Élodie, Marc et l’équipe du pôle.", A),
    ("Une navette solidaire", B),
    ("le soir", B),
    ("Un garage associatif", B),
    ("Pas une liste", B),
    ("Le principe est validé ; voir le site.", B),
    (f"Budget{NBSP}: à définir.", B),
    ("Action | Responsable | Échéance", B),
    ("Trouver un local | Marc | mars 2018", B),
    ("Relancer la mairie | Élodie", B),
    (f"Prochaine réunion{NNBSP}?\tLe 3 mai.\nÀ confirmer.", B),
    ("Signé : l’animatrice.", B),
]
ODT_TEXT = (
    "# Atelier « alimentation »\n\n"
    f"Présents{NBSP}: Claire,  Paul et l’épicerie.\n\n"
    "## Pistes\n\n"
    "- Un marché de producteurs\n\n"
    "  - le samedi\n\n"
    "- Une cantine\tpartagée\n\n"
    f"Idée de Paul\nà creuser{NNBSP}!\n\n"
    "Action | Qui\n\n"
    "Réserver la salle | Claire\n\n"
    "# Suite\n\n"
    f"Prochain atelier le 12{NBSP}juin.\n"
)
C, D = "Atelier « alimentation »", "Atelier « alimentation » > Pistes"
ODT_SEGMENTS = [
    (f"Présents{NBSP}: Claire,  Paul et l’épicerie.", C),
    ("Un marché de producteurs", D),
    ("le samedi", D),
    ("Une cantine\tpartagée", D),
    (f"Idée de Paul\nà creuser{NNBSP}!", D),
    ("Action | Qui", D),
    ("Réserver la salle | Claire", D),
    (f"Prochain atelier le 12{NBSP}juin.", "Suite"),
]


def segment_rows(doc):
    """(text, section) of every segment, checking the offset invariant on the way."""
    rows = []
    for seg in segments_for(doc):
        text = doc.text[seg.start : seg.end]
        assert text and text == text.strip()
        rows.append((text, seg.section))
    return rows


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rezip(source: Path, target: Path, *, replace: dict[str, bytes] | None = None,
          add: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()) -> Path:  # fmt: skip
    """Copy a container, replacing, adding or dropping members."""
    replace, add = replace or {}, add or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            if item.filename not in drop:
                new.writestr(item.filename, replace.get(item.filename, old.read(item.filename)))
        for name, data in add.items():
            new.writestr(name, data)
    return target


# -- .docx -------------------------------------------------------------------------


def test_docx_fixture_text():
    doc = load_docx(DATA / "compte-rendu.docx", Limits())
    assert doc.text == DOCX_TEXT
    assert doc.problems == []


def test_docx_fixture_segments_and_sections():
    doc = load_docx(DATA / "compte-rendu.docx", Limits())
    assert "segmentation" not in doc.metadata
    assert segment_rows(doc) == DOCX_SEGMENTS


def test_docx_core_properties():
    doc = load_docx(DATA / "compte-rendu.docx", Limits())
    assert doc.metadata == {
        "title": "Atelier « mobilité »",
        "author": "Claire Martin",
        "created": "2017-11-20T18:00:00+00:00",
    }


def test_docx_transcript_becomes_turns_without_invented_properties():
    doc = load_docx(DATA / "entretien.docx", Limits())
    assert doc.metadata == {"segmentation": "turns"}  # no docProps/core.xml in the file
    rows = [(s.speaker, s.section, doc.text[s.start : s.end]) for s in segments_for(doc)]
    assert rows == [
        ("Enquêtrice", "Entretien", "Bonjour, merci d’avoir accepté."),
        ("Élodie", "Entretien", f"Avec plaisir{NBSP}!"),
        ("Enquêtrice", "Entretien", "Comment est née l’idée ?"),
        ("Élodie", "Entretien", "Lors de la Start-Up de Territoire, en 2017."),
    ]


def test_docx_date_and_place_lines_are_not_speakers(tmp_path):
    document = docx.Document()
    for line in ("Date : 12 mars 2024", "Lieu : mairie", "Enquêtrice : Bonjour.",
                 "Élodie : Bonjour.", "Enquêtrice : On commence ?", "Élodie : Oui."):  # fmt: skip
        document.add_paragraph(line)
    path = tmp_path / "entretien.docx"
    path.write_bytes(docx_bytes(document))
    doc = load_docx(path, Limits())
    assert doc.metadata["segmentation"] == "turns"
    rows = [(s.speaker, doc.text[s.start : s.end]) for s in segments_for(doc)]
    assert rows == [
        (None, "Date : 12 mars 2024"),
        (None, "Lieu : mairie"),
        ("Enquêtrice", "Bonjour."),
        ("Élodie", "Bonjour."),
        ("Enquêtrice", "On commence ?"),
        ("Élodie", "Oui."),
    ]


def test_registered_for_docx_and_odt():
    assert load_document(DATA / "compte-rendu.docx").text == DOCX_TEXT
    assert load_document(DATA / "compte-rendu.odt").text == ODT_TEXT


def test_docx_written_by_python_docx(tmp_path):
    """A document made with Word's own default template (styles by name)."""
    document = docx.Document()
    document.core_properties.title = "Réunion du\u00a0comité"
    document.core_properties.author = "Élodie"
    document.add_paragraph("Titre du document", style="Title")
    document.add_heading("Ordre du jour", level=1)
    document.add_paragraph("Point un", style="List Number")
    document.add_paragraph("Point deux", style="List Bullet 2")
    document.add_heading("Décisions", level=2)
    document.add_paragraph("")
    document.add_paragraph(f"On garde «{NBSP}la navette{NBSP}».")
    french = document.styles.add_style("Titre 3", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Détail", style=french)
    document.add_paragraph("Texte du détail.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Qui", "Quoi"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "Tout le monde"
    path = tmp_path / "comite.docx"
    path.write_bytes(docx_bytes(document))
    doc = load_docx(path, Limits())
    assert doc.text == (
        "Titre du document\n\n# Ordre du jour\n\n- Point un\n\n- Point deux\n\n## Décisions\n\n"
        f"On garde «{NBSP}la navette{NBSP}».\n\n### Détail\n\nTexte du détail.\n\n"
        "Qui | Quoi\n\nTout le monde\n"
    )
    assert doc.metadata["title"] == "Réunion du\u00a0comité"
    assert doc.metadata["author"] == "Élodie"
    assert segment_rows(doc)[-3:] == [
        ("Texte du détail.", "Ordre du jour > Décisions > Détail"),
        ("Qui | Quoi", "Ordre du jour > Décisions > Détail"),
        ("Tout le monde", "Ordre du jour > Décisions > Détail"),
    ]


def test_docx_headings_deeper_than_six_are_clamped(tmp_path):
    document = docx.Document()
    document.add_heading("Très profond", level=8)
    document.add_paragraph("Texte.")
    path = tmp_path / "profond.docx"
    path.write_bytes(docx_bytes(document))
    assert load_docx(path, Limits()).text == "###### Très profond\n\nTexte.\n"


def test_docx_without_text(tmp_path):
    document = docx.Document()
    document.add_paragraph("   ")
    path = tmp_path / "vide.docx"
    path.write_bytes(docx_bytes(document))
    with pytest.raises(InputError, match=r"the document has no text") as caught:
        load_docx(path, Limits())
    assert str(path) in str(caught.value)


# -- .odt ----------------------------------------------------------------------------


def test_odt_fixture_text_and_properties():
    doc = load_odt(DATA / "compte-rendu.odt", Limits())
    assert doc.text == ODT_TEXT
    assert doc.metadata == {
        "title": "Atelier alimentation",
        "author": "Paul Girard",  # the initial creator, not the last editor
        "created": "2018-05-03T18:30:00",
    }


def test_odt_fixture_segments_and_sections():
    doc = load_odt(DATA / "compte-rendu.odt", Limits())
    assert segment_rows(doc) == ODT_SEGMENTS


def test_odt_written_by_odfpy(tmp_path):
    from odf import dc, meta
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, P, Span

    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text="Entretien"))
    document.meta.addElement(meta.InitialCreator(text="Claire"))
    document.text.addElement(H(outlinelevel=2, text="Début"))
    for line in [
        "Enquêtrice : Bonjour.",
        "Marc : Bonjour !",
        "Enquêtrice : On y va ?",
        "Marc : Oui.",
    ]:
        document.text.addElement(P(text=line))
    items = List()
    item = ListItem()
    item.addElement(P(text="premier point"))
    item.addElement(P(text="suite du point"))
    items.addElement(item)
    document.text.addElement(items)
    table = Table()
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    row = TableRow()
    for text in ["a", "b"]:
        cell = TableCell()
        paragraph = P()
        paragraph.addElement(Span(text=text))
        cell.addElement(paragraph)
        row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    path = tmp_path / "entretien.odt"
    document.save(str(path))
    doc = load_odt(path, Limits())
    assert doc.text == (
        "## Début\n\nEnquêtrice : Bonjour.\n\nMarc : Bonjour !\n\nEnquêtrice : On y va ?\n\n"
        "Marc : Oui.\n\n- premier point\n\nsuite du point\n\na | b\n"
    )
    assert doc.metadata == {"title": "Entretien", "author": "Claire", "segmentation": "turns"}
    speakers = [s.speaker for s in segments_for(doc)]
    assert speakers == ["Enquêtrice", "Marc", "Enquêtrice", "Marc"]


# -- bad containers ------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_random_bytes(tmp_path, suffix):
    path = tmp_path / f"abime{suffix}"
    path.write_bytes(random.Random(7).randbytes(4096))
    with pytest.raises(InputError) as caught:
        load_document(path)
    message = str(caught.value)
    assert str(path) in message
    assert f"not a valid {suffix}: the file is damaged or truncated" in message
    assert "re-save it from the word processor" in message


@pytest.mark.parametrize("name", ["compte-rendu.docx", "compte-rendu.odt"])
def test_truncated(tmp_path, name):
    data = (DATA / name).read_bytes()
    path = tmp_path / f"coupe-{name}"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match=r"damaged or truncated") as caught:
        load_document(path)
    assert str(path) in str(caught.value)


def test_damaged_member_data(tmp_path):
    """The index is intact but a member's compressed bytes are not."""
    data = bytearray((DATA / "compte-rendu.docx").read_bytes())
    start = data.index(b"word/document.xml") + len(b"word/document.xml")
    for i in range(start + 10, start + 40):
        data[i] ^= 0x55
    path = tmp_path / "bits.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"damaged or truncated") as caught:
        load_document(path)
    assert str(path) in str(caught.value)


def test_old_binary_doc_renamed(tmp_path):
    path = tmp_path / "ancien.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    with pytest.raises(InputError, match=r"old binary Word.*\.doc") as caught:
        load_document(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_zip_bomb(tmp_path, suffix):
    source = DATA / f"compte-rendu{suffix}"
    bomb = rezip(source, tmp_path / f"bombe{suffix}", add={"media/zeros.bin": b"\0" * 10_000_000})
    assert bomb.stat().st_size < 50_000
    with pytest.raises(UnsafeInputError) as caught:
        load_document(bomb)
    assert str(bomb) in str(caught.value)
    assert "'media/zeros.bin'" in str(caught.value) and "max_zip_ratio" in str(caught.value)


def test_limits_from_settings(tmp_path):
    options = Limits.from_settings({"max_unzipped_bytes": 2000})
    with pytest.raises(UnsafeInputError, match=r"max_unzipped_bytes"):
        load_docx(DATA / "compte-rendu.docx", options)


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_zip_slip(tmp_path, suffix):
    slip = rezip(
        DATA / f"compte-rendu{suffix}", tmp_path / f"slip{suffix}", add={"../../evil.xml": b"<a/>"}
    )
    with pytest.raises(UnsafeInputError, match=r"'\.\./\.\./evil\.xml'") as caught:
        load_document(slip)
    assert str(slip) in str(caught.value)


def test_docx_with_an_entity_declaration(tmp_path):
    with zipfile.ZipFile(DATA / "compte-rendu.docx") as archive:
        xml = archive.read("word/document.xml")
    hostile = xml.replace(
        b"<w:document",
        b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document',
        1,
    )
    path = rezip(
        DATA / "compte-rendu.docx", tmp_path / "piege.docx", replace={"word/document.xml": hostile}
    )
    with pytest.raises(UnsafeInputError, match=r"<!ENTITY.*'word/document.xml'") as caught:
        load_docx(path, Limits())
    assert str(path) in str(caught.value)


XML_START = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'


def test_docx_with_malformed_xml(tmp_path):
    path = rezip(
        DATA / "compte-rendu.docx",
        tmp_path / "xml.docx",
        replace={"word/document.xml": XML_START + b"\n<w:body>"},
    )
    with pytest.raises(
        InputError, match=r"line 2: malformed XML in part 'word/document.xml'"
    ) as caught:
        load_docx(path, Limits())
    assert str(path) in str(caught.value)


def test_docx_without_main_part(tmp_path):
    path = rezip(DATA / "compte-rendu.docx", tmp_path / "partiel.docx", drop=("word/document.xml",))
    with pytest.raises(InputError, match=r"not a valid .docx") as caught:
        load_docx(path, Limits())
    assert str(path) in str(caught.value)


def test_spreadsheet_renamed_docx(tmp_path):
    types = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        b'<Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sheet.main+xml"/></Types>'
    )
    path = rezip(
        DATA / "compte-rendu.docx",
        tmp_path / "tableur.docx",
        replace={"[Content_Types].xml": types},
    )
    with pytest.raises(InputError, match=r"not a Word document.*spreadsheetml") as caught:
        load_docx(path, Limits())
    assert str(path) in str(caught.value)


def test_spreadsheet_renamed_odt(tmp_path):
    path = rezip(
        DATA / "compte-rendu.odt",
        tmp_path / "tableur.odt",
        replace={"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"},
    )
    with pytest.raises(InputError, match=r"not a text document") as caught:
        load_odt(path, Limits())
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("member", ["content.xml", "META-INF/manifest.xml"])
def test_odt_missing_part(tmp_path, member):
    path = rezip(DATA / "compte-rendu.odt", tmp_path / "partiel.odt", drop=(member,))
    with pytest.raises(InputError, match=f"'{member}' is missing") as caught:
        load_odt(path, Limits())
    assert str(path) in str(caught.value)


def test_odt_malformed_content_prints_nothing(tmp_path, capsys):
    path = rezip(
        DATA / "compte-rendu.odt",
        tmp_path / "xml.odt",
        replace={"content.xml": b"<office:document-content>"},
    )
    with pytest.raises(InputError, match=r"malformed XML in part 'content.xml'") as caught:
        load_odt(path, Limits())
    assert str(path) in str(caught.value)
    assert capsys.readouterr().out == ""


def test_odt_without_body_text(tmp_path):
    with zipfile.ZipFile(DATA / "compte-rendu.odt") as archive:
        content = archive.read("content.xml").decode()
    start, end = (
        content.index("<office:text>") + len("<office:text>"),
        content.index("</office:text>"),
    )
    empty = content[:start] + "<text:p/><text:p> </text:p>" + content[end:]
    path = rezip(
        DATA / "compte-rendu.odt", tmp_path / "vide.odt", replace={"content.xml": empty.encode()}
    )
    with pytest.raises(InputError, match=r"the document has no text") as caught:
        load_odt(path, Limits())
    assert str(path) in str(caught.value)


# -- rendering helpers ------------------------------------------------------------------


def test_render_blocks_gives_one_segment_per_block():
    blocks = ["Un paragraphe", "Ligne un\nligne deux", "- un point", "a | b"]
    text = render_blocks([*blocks, "  ", ""])
    assert text == "Un paragraphe\n\nLigne un\nligne deux\n\n- un point\n\na | b\n"
    assert [text[s.start : s.end] for s in segment_paragraphs(text)] == [
        "Un paragraphe",
        "Ligne un\nligne deux",
        "un point",
        "a | b",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("E : a\n\nR : b\n\nE : c\n\nR : d\n", "turns"),
        ("Titre\n\nNote.\n\nE : a\n\nR : b\n\nE : c\n\nR : d\n", "turns"),  # 4 of 6
        (
            "Titre\n\nNote.\n\nAutre.\n\nEncore.\n\nE : a\n\nR : b\n\nE : c\n\nR : d\n\nFin.\n",
            None,
        ),  # 4 of 9
        ("E : a\n\nE : b\n\nE : c\n", None),  # one speaker
        # labels found once do not count: 4 paragraphs of recurring labels out of 9
        (
            "Date : 1\n\nLieu : 2\n\nObjet : 3\n\nNote : 4\n\nFin : 5\n\nE : a\n\nR : b\n\nE : c\n\nR : d\n",
            None,
        ),
        ("Présents : A\n\nExcusés : B\n\nOrdre du jour : C\n", None),
        ("Un seul paragraphe.\n", None),
        ("", None),
    ],
)
def test_guess_segmentation(text, expected):
    assert guess_segmentation(text) == expected


@pytest.mark.parametrize("name", ["compte-rendu.docx", "entretien.docx", "compte-rendu.odt"])
def test_markdown_import_keeps_text_and_segments(tmp_path, name):
    from research.corpus import render_markdown

    doc = load_document(DATA / name)
    markdown = tmp_path / "importe.md"
    markdown.write_text(render_markdown(doc.text, doc.metadata), encoding="utf-8")
    again = load_document(markdown)
    assert again.text == doc.text
    assert segments_for(again) == segments_for(doc)


def test_docx_generated_table_of_contents_is_left_out(tmp_path):
    from docx.oxml import parse_xml as docx_xml

    document = docx.Document()
    document.add_heading("Introduction", level=1)
    document.add_paragraph("Texte.")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    toc = docx_xml(
        f'<w:sdt {w}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        "</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Introduction\t1</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    other = docx_xml(
        f'<w:sdt {w}><w:sdtPr><w:alias w:val="Signature"/></w:sdtPr><w:sdtContent>'
        "<w:p><w:r><w:t>Signé.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    body = document.element.body
    body.insert(0, toc)
    body.insert(len(body) - 1, other)  # before the section properties
    path = tmp_path / "sommaire.docx"
    path.write_bytes(docx_bytes(document))
    assert load_docx(path, Limits()).text == "# Introduction\n\nTexte.\n\nSigné.\n"
