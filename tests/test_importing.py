"""``research import`` of a researcher's own files: kinds, folders, ids."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from research.cli import main
from research.corpus import (
    document_id,
    infer_kind,
    plan_import,
    read_corpus,
    segment_turns,
)
from research.corpus.loaders import load_document, segments_for
from research.errors import ValidationFailed
from research.project import open_project

TRANSCRIPT = (
    "E : Bonjour.\n\nR : Bonjour.\n\nE : Vous avez lancé la navette ?\n\nR : Oui, en 2018.\n"
)
MINUTES = "# Atelier mobilité\n\n## Décisions\n\n- une navette\n- un local\n"


@pytest.fixture
def root(tmp_path):
    root = tmp_path / "projet"
    assert main(["init", str(root)]) == 0
    return root


@pytest.fixture
def outside(tmp_path):
    folder = tmp_path / "dehors"
    folder.mkdir()
    return folder


def documents(root):
    folder = root / "corpus" / "documents"
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_the_kind_of_each_file_is_inferred_and_said(root, outside, capsys):
    (outside / "entretien 3.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (outside / "cr-atelier.md").write_text(MINUTES, encoding="utf-8")
    capsys.readouterr()
    files = [str(outside / "entretien 3.txt"), str(outside / "cr-atelier.md")]
    assert main(["import", *files, "-C", str(root)]) == 0
    out = capsys.readouterr().out
    assert (
        "imported corpus/documents/interviews/entretien-3.md from entretien 3.txt: "
        "interview (inferred from its speaker turns of E and R)"
    ) in out
    assert (
        "imported corpus/documents/minutes/cr-atelier.md from cr-atelier.md: "
        "minutes (inferred from its 2 headings and 2 list items)"
    ) in out
    assert documents(root) == ["interviews/entretien-3.md", "minutes/cr-atelier.md"]
    corpus, problems = read_corpus(root / "corpus" / "documents")
    assert problems == []
    assert corpus.document("entretien-3")["kind"] == "interview"
    assert corpus.segments_of("entretien-3")["speaker"].tolist() == ["E", "R", "E", "R"]
    assert corpus.document("cr-atelier")["kind"] == "minutes"


def test_a_file_of_no_recognisable_kind_is_refused_by_name(root, outside, capsys):
    note = outside / "note.txt"
    note.write_text("Une note de terrain, sans plus.\n", encoding="utf-8")
    (outside / "entretien.txt").write_text(TRANSCRIPT, encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(outside / "entretien.txt"), str(note), "-C", str(root)]) == 1
    err = capsys.readouterr().err
    assert (
        f"{note}: cannot tell the kind of this document: no speaker turns, headings or lists" in err
    )
    assert "--kind" in err
    assert documents(root) == []  # all or nothing; never corpus/documents/documents/
    assert main(["import", str(note), "--kind", "note", "-C", str(root)]) == 0
    assert "note (given with --kind)" in capsys.readouterr().out
    assert documents(root) == ["notes/note.md"]


def test_the_front_matter_kind_wins_and_is_said(root, outside, capsys):
    source = outside / "jdb.md"
    source.write_text("---\nkind: logbook\n---\nJournée au pôle.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(source), "-C", str(root)]) == 0
    assert "logbook (from its front matter)" in capsys.readouterr().out
    assert documents(root) == ["logbook/jdb.md"]


def test_kind_document_goes_to_the_documents_folder_itself(root, outside):
    (outside / "divers.txt").write_text("Texte.\n", encoding="utf-8")
    assert main(["import", str(outside / "divers.txt"), "--kind", "document", "-C", str(root)]) == 0
    assert documents(root) == ["divers.md"]


@pytest.mark.parametrize(
    ("folder", "expected"),
    [
        ("entretiens", "entretiens/a.md"),
        ("corpus/documents/entretiens", "entretiens/a.md"),
        ("corpus/documents", "a.md"),
        ("terrain/2019", "terrain/2019/a.md"),
    ],
)
def test_folder_is_inside_the_documents_folder(root, outside, folder, expected):
    (outside / "a.txt").write_text("Texte.\n", encoding="utf-8")
    args = ["import", str(outside / "a.txt"), "--kind", "note", "--to", folder, "-C", str(root)]
    assert main(args) == 0
    assert documents(root) == [expected]


@pytest.mark.parametrize(
    ("folder", "message"),
    [
        ("documents", "would make corpus/documents/documents"),
        ("documents/entretiens", "would make corpus/documents/documents/entretiens"),
        ("corpus/documents/documents", "would make corpus/documents/documents"),
        ("../ailleurs", "is outside corpus/documents"),
        ("/tmp", "is outside corpus/documents"),
    ],
)
def test_folder_never_nests_the_documents_folder(root, outside, capsys, folder, message):
    (outside / "a.txt").write_text("Texte.\n", encoding="utf-8")
    capsys.readouterr()
    args = ["import", str(outside / "a.txt"), "--kind", "note", "--folder", folder]
    assert main([*args, "-C", str(root)]) == 1
    err = capsys.readouterr().err
    assert message in err and "hint:" in err
    assert documents(root) == []
    assert not (root / "corpus" / "documents" / "documents").exists()


def test_docx_with_date_and_place_lines_imports_as_an_interview(root, outside, capsys):
    document = docx.Document()
    for line in ("Date : 12 mars 2024", "Lieu : mairie", "Enquêtrice : Bonjour.",
                 "Élodie : Bonjour.", "Enquêtrice : On commence ?", "Élodie : Oui."):  # fmt: skip
        document.add_paragraph(line)
    source = outside / "Entretien Élodie.docx"
    document.save(source)
    capsys.readouterr()
    assert main(["import", str(source), "-C", str(root)]) == 0
    out = capsys.readouterr().out
    assert "interviews/Entretien-Elodie.md" in out
    assert "interview (inferred from its speaker turns of Enquêtrice and Élodie)" in out
    original = load_document(source)
    imported = load_document(root / "corpus" / "documents" / "interviews" / "Entretien-Elodie.md")
    assert imported.text == original.text
    assert segments_for(imported) == segments_for(original)
    assert [s.speaker for s in segments_for(imported)][:3] == [None, None, "Enquêtrice"]


def test_infer_kind():
    assert infer_kind(TRANSCRIPT) == ("interview", "speaker turns of E and R")
    assert infer_kind("Texte.\n", {"speakers": {"Marie": "P01"}}) == (
        "interview",
        "speaker turns of Marie",
    )
    assert infer_kind("Texte.\n", {"segmentation": "turns"}) == ("interview", "speaker turns")
    assert infer_kind(TRANSCRIPT, {"segmentation": "paragraphs"}) == (
        None,
        "no speaker turns, headings or lists",
    )
    assert infer_kind("- un\n- deux\n") == ("minutes", "2 list items")
    assert infer_kind("- un seul point\n") == (None, "no speaker turns, headings or lists")
    # a lone label does not make a transcript
    assert infer_kind("Date : 12 mars 2024\n\nLe marché est lancé.\n")[0] is None
    assert segment_turns("Date : 12 mars 2024\n")[0].speaker is None


def test_document_ids_are_slugs():
    assert document_id("Entretien Élodie") == "Entretien-Elodie"
    assert document_id("CR-W17-05") == "CR-W17-05"
    assert document_id("  ") == "document"


def test_two_files_with_one_id_are_refused(root, outside):
    (outside / "a b.txt").write_text("Texte.\n", encoding="utf-8")
    (outside / "a-b.txt").write_text("Texte.\n", encoding="utf-8")
    files = [outside / "a b.txt", outside / "a-b.txt"]
    with pytest.raises(ValidationFailed, match="two files would both become"):
        plan_import(open_project(root), files, kind="note")


# -- research validate: labels found once -----------------------------------------------------

LONE = (
    "---\nkind: interview\n---\n"
    "Date : 12 mars 2024\n\nE : Bonjour.\nR : Bonjour.\nE : Alors ?\nR : Voilà.\nMaire : Oui.\n"
)


def test_validate_names_each_label_found_once(root, capsys):
    folder = root / "corpus" / "documents"
    (folder / "int.md").write_text(LONE, encoding="utf-8")
    declared = LONE.replace("kind: interview\n", "kind: interview\nspeakers: {E: null, R: null}\n")
    (folder / "declared.md").write_text(
        declared.replace("---\nDate", "---\nDate"), encoding="utf-8"
    )
    (folder / "cr.md").write_text(
        LONE.replace("kind: interview", "kind: minutes"), encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["validate", "-C", str(root)]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if "speaker label" in line]
    assert lines == [
        "warning: corpus/documents/int.md, line 4: speaker label 'Date' starts no other line, "
        "so this line is read as text, not as a turn (hint: if Date is a speaker, declare it "
        "under 'speakers:' in the front matter; otherwise it is treated as text)",
        "warning: corpus/documents/int.md, line 10: speaker label 'Maire' starts no other line, "
        "so this line is read as text, not as a turn (hint: if Maire is a speaker, declare it "
        "under 'speakers:' in the front matter; otherwise it is treated as text)",
    ]
    assert "project is valid (2 warning(s))" in out


def test_validate_names_the_paragraph_of_a_docx(root):
    document = docx.Document()
    for line in ("Date : 12 mars 2024", "Lieu : mairie", "E : Bonjour.", "R : Bonjour.",
                 "E : On commence ?", "R : Oui."):  # fmt: skip
        document.add_paragraph(line)
    document.save(root / "corpus" / "documents" / "entretien.docx")
    found = [p for p in open_project(root).validate() if "speaker label" in p.message]
    assert [(p.path, p.line, p.message.split(",")[0]) for p in found] == [
        (
            "corpus/documents/entretien.docx",
            None,
            "speaker label 'Date' starts no other line (paragraph 1)",
        ),
        (
            "corpus/documents/entretien.docx",
            None,
            "speaker label 'Lieu' starts no other line (paragraph 2)",
        ),
    ]
    assert all(p.severity == "warning" for p in found)


def test_the_demo_project_has_no_lone_speaker():
    demo = open_project(Path(__file__).resolve().parents[1])  # its interviews declare speakers
    assert [p for p in demo.validate() if "speaker label" in p.message] == []


def test_import_never_copies_the_personal_metadata_of_a_file(root, outside, capsys):
    from odf import dc, meta
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = docx.Document()
    document.core_properties.author = "Hélène Cuenot"
    document.core_properties.title = "Réunion du garage"
    document.add_paragraph("Le garage ouvre lundi.")
    document.save(outside / "reunion.docx")
    odt = OpenDocumentText()
    odt.meta.addElement(dc.Title(text="Compte rendu"))
    odt.meta.addElement(meta.InitialCreator(text="Karim Benali"))
    odt.meta.addElement(dc.Creator(text="Karim Benali"))
    odt.text.addElement(P(text="Le camion passe le jeudi."))
    odt.save(str(outside / "compte-rendu.odt"))
    (outside / "note.md").write_text(
        "---\nauthor: Hélène\nLast-Modified-By: Karim\nrespondent: P12\n---\nUne note.\n",
        encoding="utf-8",
    )
    files = [str(outside / n) for n in ("reunion.docx", "compte-rendu.odt", "note.md")]
    assert main(["import", *files, "--kind", "note", "-C", str(root)]) == 0
    out = capsys.readouterr().out
    assert out.count("personal metadata left out: author") == 3
    assert "personal metadata left out: author, Last-Modified-By" in out
    written = {
        p.stem: p.read_text(encoding="utf-8")
        for p in (root / "corpus" / "documents" / "notes").glob("*.md")
    }
    assert "title: Réunion du garage" in written["reunion"]
    assert "title: Compte rendu" in written["compte-rendu"]
    assert "respondent: P12" in written["note"]
    for text in written.values():
        assert "author" not in text.casefold() and "Hélène" not in text and "Karim" not in text
