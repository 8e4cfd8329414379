"""Tests of research.exchange: tolerant reading, safe refusal, all-or-nothing writing."""

from __future__ import annotations

import csv
import io
import os
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from research.cli import main
from research.codebook import Codebook
from research.coding import load_codings
from research.corpus import Corpus
from research.errors import InputError, UnsafeInputError, ValidationFailed, WriteError
from research.exchange import (
    QdaImport,
    import_refiqda,
    origin_units,
    qdc_bytes,
    qdpx_bytes,
    read_qdc,
    read_qdpx,
    read_taguette_csv,
    stable_guid,
    word_boundary_share,
    write_import,
)
from research.project import open_project

DATA = Path(__file__).parent / "data" / "refiqda"
NS = 'xmlns="urn:QDA-XML:project:1.0"'


@pytest.fixture
def project(tmp_path):
    """A copy of the small fixture project (3 documents, 8 codes, 2 coders)."""
    root = tmp_path / "projet"
    shutil.copytree(DATA / "project", root)
    return open_project(root)


@pytest.fixture
def empty(tmp_path):
    root = tmp_path / "vide"
    (root / "corpus").mkdir(parents=True)
    return open_project(root)


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def make_qdpx(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()


def same_codings(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    """Equal values, whatever text dtype (object or str) pandas chose."""
    assert got.columns.tolist() == expected.columns.tolist()
    pd.testing.assert_frame_equal(
        got.reset_index(drop=True), expected.reset_index(drop=True), check_dtype=False
    )


def export(project) -> bytes:
    return qdpx_bytes(project.codebook, project.corpus, project.codings, name="projet")


# -- an NVivo-style archive, positions worked by hand ---------------------------------------

S1 = "5b0c7a52-0d51-4c8e-9a0b-6f1c2d3e4f50"
N2 = "5b0c7a52-0d51-4c8e-9a0b-6f1c2d3e4f52"
# UTF-16 units of the raw text (the BOM is not counted):
#   É0 l1 o2 d3 i4 e5 _6 :7 _8 J9 ’10 a11 i12 _13 😀14-15 _16 a17 d18 o19 r20 é21 .22
#   CR23 LF24 O25 u26 i27 ,28 _29 l30 a31 _32 c33 … e43 _44 👍45-46 🏽47-48 _49 !50 → 51
# Code points of the stored text (CRLF → LF, each emoji code point counts 1):
#   …😀14 _15 a16 … é20 .21 LF22 O23 … c31 … e41 _42 👍43 🏽44 _45 !46 → 47
RAW = "Élodie : J’ai 😀 adoré.\r\nOui, la coopérative 👍🏽 !"
STORED = "Élodie : J’ai 😀 adoré.\nOui, la coopérative 👍🏽 !"


def nvivo_qde(origin: str = "NVivo for Windows 12.6", spans=None) -> str:
    spans = spans or [(17, 22), (33, 44), (45, 49), (25, 51), (30, 30)]
    codes = ["{C0DE0001-0000-4000-8000-000000000001}", "c0de0001-0000-4000-8000-000000000002"]
    users = ["{A0000000-0000-4000-8000-000000000001}", "a0000000-0000-4000-8000-000000000002"]
    selections = []
    for i, (start, end) in enumerate(spans):
        user = users[i % 2]
        date = ' creationDateTime="2025-06-18T02:06:50Z"' if i == 0 else ""
        note = f'<NoteRef targetGUID="{N2}"/>' if i == 1 else ""
        selections.append(
            f'<PlainTextSelection guid="{{5E1E0000-0000-4000-8000-00000000000{i}}}" name="" '
            f'startPosition="{start}" endPosition="{end}" creatingUser="{user}">\r\n'
            f'<Description/><Coding guid="c0d10000-0000-4000-8000-00000000000{i}" '
            f'creatingUser="{user}"{date}><CodeRef targetGUID="{codes[i % 2].upper()}"/>{note}'
            "</Coding></PlainTextSelection>\r\n"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\r\n'
        f'<Project {NS} name="Test" origin="{origin}" creatingUserGUID="{users[0]}">\r\n'
        f'<Users><User guid="{users[0]}" name="Élodie Martin"/>'
        f'<User guid="{users[1]}" name="lea" id="L"/></Users>\r\n'
        f'<CodeBook><Codes><Code guid="{codes[0]}" name="Émotion" isCodable="true">'
        "<Description>Ce que ressent la personne.</Description>"
        '<NoteRef targetGUID="5b0c7a52-0d51-4c8e-9a0b-6f1c2d3e4f51"/></Code>'
        f'<Code guid="{codes[1]}" name="Enrôlement" isCodable="true"/></Codes></CodeBook>\r\n'
        f'<Sources><TextSource guid="{{{S1.upper()}}}" name="Entretien Élodie" '
        f'plainTextPath="internal://{S1}.txt" richTextPath="internal://{S1}.docx"><Description/>\r\n'
        + "".join(selections)
        + '</TextSource><PDFSource guid="5b0c7a52-0d51-4c8e-9a0b-6f1c2d3e4f59" name="scan"/>'
        "</Sources>\r\n"
        '<Notes><Note guid="5b0c7a52-0d51-4c8e-9a0b-6f1c2d3e4f51" name="m1">'
        "<PlainTextContent>Mémo du code.</PlainTextContent></Note>"
        f'<Note guid="{N2}" name="m2" plainTextPath="internal://{N2}.txt"/></Notes>\r\n'
        "</Project>\r\n"
    )


def nvivo_archive(
    *, sources="Sources", qde="Projet NVivo.qde", origin="NVivo for Windows 12.6", spans=None
):
    bom = b"\xef\xbb\xbf"
    return make_qdpx(
        {
            f"{sources}/{S1}.txt": bom + RAW.encode("utf-8"),
            f"{sources}/{S1}.docx": b"not read",
            f"{sources}/{N2}.txt": bom + "Mémo de sélection\r\nsur deux lignes.".encode(),
            qde: bom + nvivo_qde(origin, spans).encode("utf-8"),
        }
    )


def test_nvivo_style_archive_is_read_in_utf16_units():
    imported = read_qdpx("nvivo.qdpx", data=nvivo_archive())
    assert (imported.origin, imported.units, imported.crlf) == (
        "NVivo for Windows 12.6",
        "utf16",
        "two",
    )
    assert imported.documents["doc_id"].tolist() == ["Entretien-Elodie"]
    assert imported.documents["text"].tolist() == [STORED]
    rows = imported.codings[["coder", "start", "end", "code", "quote"]].values.tolist()
    assert rows == [
        ["elodie-martin", 16, 21, "emotion", "adoré"],
        ["elodie-martin", 43, 45, "emotion", "👍🏽"],
        ["lea", 23, 47, "enrolement", "Oui, la coopérative 👍🏽 !"],
        ["lea", 31, 42, "enrolement", "coopérative"],
    ]
    created = imported.codings.set_index("quote")["created"]
    assert created["adoré"] == pd.Timestamp("2025-06-18T02:06:50Z")
    assert pd.isna(created["coopérative"])
    memos = imported.codings.set_index("quote")["memo"]
    assert memos["coopérative"] == "Mémo de sélection\nsur deux lignes."
    messages = [p.message for p in imported.problems]
    assert any("PDFSource 'scan' skipped" in m for m in messages)
    assert any("1 empty selection(s)" in m for m in messages)


def test_nvivo_style_codebook_gets_ids_labels_and_note_memos():
    imported = read_qdpx("nvivo.qdpx", data=nvivo_archive())
    codes = imported.codes.set_index("code")
    assert codes.loc["emotion", "label"] == "Émotion"
    assert codes.loc["emotion", "definition"] == "Ce que ressent la personne."
    assert codes.loc["emotion", "memo"] == "Mémo du code."
    assert codes.loc["enrolement", "label"] == "Enrôlement"


@pytest.mark.parametrize(
    ("sources", "qde"),
    [("Sources", "Projet NVivo.qde"), ("sources", "project.qde"), ("SOURCES", "export.QDE")],
)
def test_folder_and_project_file_names_vary(sources, qde):
    imported = read_qdpx("x.qdpx", data=nvivo_archive(sources=sources, qde=qde))
    assert imported.codings["quote"].tolist()[0] == "adoré"


def test_standard_positions_count_code_points_with_crlf_as_two():
    # raw code points: 😀14 _15 a16 … é20 .21 CR22 LF23 O24 … c32 … e42 → 43
    spans = [(16, 21), (32, 43)]
    imported = read_qdpx("q.qdpx", data=nvivo_archive(origin="QualCoder 3.6", spans=spans))
    assert (imported.units, imported.crlf) == ("code_points", "two")
    assert imported.codings.sort_values("start")["quote"].tolist() == ["adoré", "coopérative"]


def test_units_can_be_forced_when_the_origin_misleads():
    with pytest.raises(InputError, match=r"spans 45-49, beyond the text of 48 positions.*--units"):
        read_qdpx("x.qdpx", data=nvivo_archive(origin="Logiciel inconnu"), units="code_points")
    data = nvivo_archive(origin="Logiciel inconnu", spans=[(17, 22), (33, 44)])
    forced = read_qdpx("x.qdpx", data=data, units="code_points")
    assert forced.codings.sort_values("start")["quote"].tolist()[0] == "doré."
    forced = read_qdpx("x.qdpx", data=data, units="utf16")
    assert forced.codings.sort_values("start")["quote"].tolist()[0] == "adoré"
    one = read_qdpx("x.qdpx", data=nvivo_archive(spans=[(32, 43)]), crlf="one")
    assert one.codings["quote"].tolist() == ["coopérative"]


def test_an_unknown_program_is_read_by_the_convention_the_selections_fit():
    # Positions counted in UTF-16 units by a program this package does not know:
    # read as code points, the first selection would start mid-word ('doré.').
    data = nvivo_archive(origin="Logiciel inconnu", spans=[(17, 22), (33, 44)])
    guessed = read_qdpx("x.qdpx", data=data)
    assert guessed.units == "utf16"
    assert guessed.codings.sort_values("start")["quote"].tolist()[0] == "adoré"
    warning = [p for p in guessed.problems if "word boundary" in p.message]
    assert (
        len(warning) == 1 and "utf16" in warning[0].message and "code points" in warning[0].message
    )
    # Selections beyond the text as code points but not as UTF-16 units: read as UTF-16.
    beyond = read_qdpx("x.qdpx", data=nvivo_archive(origin="Logiciel inconnu"))
    assert beyond.units == "utf16"
    # A file whose starts are on word boundaries as code points keeps code points, silently.
    plain = read_qdpx("x.qdpx", data=nvivo_archive(origin="Logiciel inconnu", spans=[(3, 9)]))
    assert plain.units == "code_points"
    assert not [p for p in plain.problems if "word boundary" in p.message]


def test_origin_units():
    assert origin_units("NVivo 14 (Mac)") == ("utf16", "two")
    assert origin_units("ATLAS.ti 23") == ("code_points", "two")
    assert origin_units("") == ("code_points", "two")


def test_word_boundary_share_counts_starts():
    imported = read_qdpx("nvivo.qdpx", data=nvivo_archive())
    assert word_boundary_share(imported) == 1.0
    data = nvivo_archive(spans=[(17, 22), (33, 44)])
    wrong = read_qdpx("nvivo.qdpx", data=data, units="code_points")
    assert word_boundary_share(wrong) < 1.0


def test_qdc_from_another_program(tmp_path):
    imported = read_qdc(DATA / "other-tool.qdc")  # BOM, CRLF, braces, Sets, a bad colour
    codes = imported.codes.set_index("code")
    assert imported.origin == "QualCoder 3.6"
    assert codes.index.tolist() == [
        "travail-institutionnel",
        "travail-institutionnel.creer",
        "travail-institutionnel.creer.plaidoyer-advocacy",
        "travail-institutionnel.creer.plaidoyer-advocacy-2",
        "travail-institutionnel.perturber",
    ]
    advocacy = codes.loc["travail-institutionnel.creer.plaidoyer-advocacy"]
    assert advocacy["label"] == "Plaidoyer (advocacy)"
    assert advocacy["definition"] == "Mobiliser un soutien politique."
    assert advocacy["include"] == "démarches auprès d'élus."
    assert advocacy["exclude"] == "simple information d'un partenaire."
    assert not codes.loc["travail-institutionnel.creer", "codable"]
    assert codes.loc["travail-institutionnel", "color"] == "#1B9E77"
    assert codes.loc["travail-institutionnel.perturber", "color"] is None
    assert [p.message for p in imported.problems] == ["code 'Perturber': colour '#12' dropped"]
    assert imported.codings.empty and imported.documents.empty


# -- round trips -------------------------------------------------------------------------------


def test_qdc_round_trip_gives_the_same_codebook(project):
    assert read_qdc("c.qdc", data=qdc_bytes(project.codebook)).codebook == project.codebook


def test_qdpx_round_trip_gives_the_same_tables(project):
    imported = read_qdpx("p.qdpx", data=export(project))
    assert imported.codebook == project.codebook
    same_codings(imported.codings, project.codings)
    texts = dict(zip(imported.documents["doc_id"], imported.documents["text"], strict=True))
    assert texts == project.corpus.texts()
    assert imported.metadata("INT01") == {
        "id": "INT01",
        "kind": "interview",
        "title": "Entretien avec Élodie, porteuse de projet",
        "date": "2019-03-14",
        "edition": "SUT2017",
        "respondent": "P10",
        "duration_min": 46,
        "speakers": {"Enquêtrice": "P04", "Élodie": "P10"},
        "actors": ["P01", "O04", "A01"],
    }
    assert imported.metadata("CR-W17-05")["holder_present"] is True
    assert imported.metadata("CR-W17-05")["score"] == 2.5
    assert imported.coders == ["camille", "lea"]
    assert len(imported.codings_of("lea")) == 4
    assert imported.problems == ()


def test_round_trip_through_a_new_project(project, empty):
    data = export(project)
    written = write_import(empty, read_qdpx("p.qdpx", data=data))
    rel = sorted(empty.paths.relative(p) for p in written)
    assert rel == [
        "codebook/ant.yaml",
        "codebook/fabrique.yaml",
        "codebook/sut.yaml",
        "corpus/codings/camille.csv",
        "corpus/codings/lea.csv",
        "corpus/documents/interviews/INT01.md",
        "corpus/documents/minutes/CR-W17-05.md",
        "corpus/documents/notes/NOTE1.md",
    ]
    again = open_project(empty.root)
    assert again.codebook == project.codebook
    same_codings(
        load_codings(again.paths.codings, corpus=again.corpus, codebook=again.codebook),
        project.codings,
    )
    columns = [c for c in project.corpus.documents.columns if c != "path"]
    pd.testing.assert_frame_equal(
        again.corpus.documents[columns].reset_index(drop=True),
        project.corpus.documents[columns].reset_index(drop=True),
    )
    # exporting the imported project gives the very same bytes
    assert qdpx_bytes(again.codebook, again.corpus, again.codings, name="projet") == data


# -- bad archives: a clear error and nothing changed ----------------------------------------

GOOD_SOURCE = f'<TextSource guid="{S1}" name="D" plainTextPath="internal://{S1}.txt">'
CODES = (
    '<CodeBook><Codes><Code guid="c0de0001-0000-4000-8000-000000000002" name="x" '
    'isCodable="true"/></Codes></CodeBook>'
)


def minimal(selection: str = "", source: str = GOOD_SOURCE, *, doctype: str = "") -> bytes:
    qde = (
        f'<?xml version="1.0" encoding="utf-8"?>{doctype}<Project {NS} name="t">{CODES}'
        f"<Sources>{source}{selection}</TextSource></Sources></Project>"
    )
    return make_qdpx({"project.qde": qde, f"sources/{S1}.txt": "Un texte court."})


def selection(start: str, end: str, code: str = "c0de0001-0000-4000-8000-000000000002") -> str:
    return (
        f'<PlainTextSelection guid="{S1}" startPosition="{start}" endPosition="{end}">'
        f'<Coding guid="{N2}"><CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>'
    )


def _qde_only() -> str:
    """A project whose source file is missing from the archive."""
    with zipfile.ZipFile(io.BytesIO(minimal())) as archive:
        return archive.read("project.qde").decode("utf-8")


def zip_bomb() -> bytes:
    return make_qdpx({"project.qde": minimal(), f"sources/{S1}.txt": b"\0" * 5_000_000})


BAD = {
    "not a zip": (b"Ceci n'est pas une archive.", InputError, "not a valid .qdpx"),
    "truncated": (minimal()[:60], InputError, "not a valid .qdpx"),
    "zip bomb": (zip_bomb(), UnsafeInputError, "as in a zip bomb; nothing was extracted"),
    "entities": (
        minimal(doctype='<!DOCTYPE Project [<!ENTITY a "aaaaaaaa">]>'),
        UnsafeInputError,
        "declares entities",
    ),
    "external entity": (
        minimal(doctype='<!DOCTYPE Project [<!ENTITY e SYSTEM "file:///etc/passwd">]>'),
        UnsafeInputError,
        "declares entities",
    ),
    "beyond the text": (
        minimal(selection("3", "16")),
        InputError,
        r"spans 3-16, beyond the text of 15 positions",
    ),
    "negative start": (minimal(selection("-1", "4")), InputError, "beyond the text"),
    "not a number": (
        minimal(selection("3", "x")),
        InputError,
        "endPosition='x', not a whole number",
    ),
    "unknown code": (
        minimal(selection("0", "2", code="c0de0001-0000-4000-8000-0000000000ff")),
        InputError,
        "refers to no code",
    ),
    "no qde": (make_qdpx({"sources/a.txt": "x"}), InputError, "holds no .qde"),
    "not a project": (
        make_qdpx({"project.qde": "<CodeBook/>"}),
        InputError,
        "not a REFI-QDA <Project>",
    ),
    "malformed": (make_qdpx({"project.qde": "<Project>"}), InputError, "malformed XML"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_archives_are_refused_and_change_nothing(case, project, tmp_path):
    data, error, message = BAD[case]
    path = tmp_path / "bad.qdpx"
    path.write_bytes(data)
    before = snapshot(project.root)
    with pytest.raises(error, match=message) as caught:
        import_refiqda(project, path)
    assert "bad.qdpx" in str(caught.value)
    assert snapshot(project.root) == before


def test_a_valid_minimal_archive_imports(empty, tmp_path):
    path = tmp_path / "ok.qdpx"
    path.write_bytes(minimal(selection("3", "8")))
    imported, written = import_refiqda(empty, path)
    assert imported.codings[["doc_id", "quote", "coder"]].values.tolist() == [
        ["D", "texte", "unknown"]
    ]
    assert len(written) == 3


def test_import_refuses_other_suffixes(project, tmp_path):
    path = tmp_path / "p.zip"
    path.write_bytes(export(project))
    with pytest.raises(InputError, match=r"expected \.qdpx, \.qdc or a Taguette codebook \.csv"):
        import_refiqda(project, path)
    with pytest.raises(InputError, match="no such file"):
        import_refiqda(project, tmp_path / "absent.qdpx")


def test_qdc_with_entities_is_refused(tmp_path):
    path = tmp_path / "c.qdc"
    path.write_text('<!DOCTYPE CodeBook [<!ENTITY x "y">]><CodeBook><Codes/></CodeBook>')
    with pytest.raises(UnsafeInputError, match="declares entities"):
        read_qdc(path)
    path.write_text("<Project/>")
    with pytest.raises(InputError, match="not a REFI-QDA <CodeBook>"):
        read_qdc(path)


# -- writing into a project: conflicts, force, rollback ---------------------------------------


def test_conflicts_are_all_listed_and_nothing_is_written(project):
    imported = read_qdpx("p.qdpx", data=export(project))
    before = snapshot(project.root)
    with pytest.raises(ValidationFailed) as caught:
        write_import(project, imported)
    messages = [p.message for p in caught.value.problems]
    assert "document 'INT01' already exists (corpus/documents/interviews/INT01.md)" in messages
    assert "codebook file ant.yaml already exists" in messages
    assert "codings of 'lea' already exist" in messages
    assert len(messages) == 3 + 3 + 2
    assert snapshot(project.root) == before


def test_force_replaces_in_place(project):
    data = export(project)
    before = snapshot(project.root)
    written = write_import(project, read_qdpx("p.qdpx", data=data), force=True)
    assert project.paths.documents / "note.md" in written  # the existing file, not notes/
    after = snapshot(project.root)
    assert after.keys() == before.keys()
    assert after["corpus/codings/lea.csv"] == before["corpus/codings/lea.csv"]
    assert qdpx_bytes(*_tables(open_project(project.root)), name="projet") == data


def _tables(project):
    return project.codebook, project.corpus, project.codings


def test_codes_defined_in_another_file_clash(project):
    other = read_qdc("c.qdc", data=qdc_bytes(project.codebook))
    renamed = other.codebook.codes.assign(file=lambda f: "copie-" + f["file"])
    imported = QdaImport(other.documents, Codebook.from_frame(renamed), other.codings)
    with pytest.raises(ValidationFailed, match="already defined in the project's codebook"):
        write_import(project, imported, force=True)


def replace_failing_on(monkeypatch, n: int) -> list:
    """Make ``os.replace`` fail on its ``n``-th call; the list records every call."""
    real = os.replace
    calls: list = []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == n:
            raise OSError(28, "disque plein")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return calls


def changed_import(project) -> QdaImport:
    imported = read_qdpx("p.qdpx", data=export(project))
    codes = imported.codebook.codes
    codes.loc[codes["code"] == "ant", "label"] = "Traduction (modifiée)"
    return QdaImport(
        imported.documents.assign(text=imported.documents["text"] + " Ajout."),
        Codebook.from_frame(codes),
        imported.codings,
    )


def test_a_failed_write_at_each_rename_puts_every_file_back(project, monkeypatch, tmp_path):
    changed = changed_import(project)
    before = snapshot(project.root)
    saved = shutil.copytree(project.root, tmp_path / "saved")
    calls = replace_failing_on(monkeypatch, 0)  # never fails: counts the renames
    written = write_import(project, changed, force=True)
    monkeypatch.undo()
    renames = len(calls)
    assert 3 < renames <= len(written) and snapshot(project.root) != before
    shutil.rmtree(project.root)
    shutil.copytree(saved, project.root)
    for n in range(1, renames + 1):
        replace_failing_on(monkeypatch, n)
        with pytest.raises(WriteError, match="disque plein"):
            write_import(project, changed, force=True)
        monkeypatch.undo()
        assert snapshot(project.root) == before, n  # byte-identical, no stray file


def test_a_failed_write_removes_new_files_and_folders(empty, monkeypatch):
    imported = read_qdpx("nvivo.qdpx", data=nvivo_archive())
    replace_failing_on(monkeypatch, 3)
    with pytest.raises(WriteError, match="put back as they were"):
        write_import(empty, imported)
    monkeypatch.undo()
    assert snapshot(empty.root) == {}
    assert [p.name for p in empty.root.iterdir()] == ["corpus"]
    assert list((empty.root / "corpus").iterdir()) == []


def test_documents_that_markdown_cannot_hold_are_refused(empty):
    docs = pd.DataFrame({"doc_id": ["BLANC"], "text": ["   \n"]})
    imported = QdaImport(docs, None, read_qdc("c.qdc", data=_tiny_qdc()).codings)
    with pytest.raises(ValidationFailed, match="cannot be stored as Markdown"):
        write_import(empty, imported)


def _tiny_qdc() -> bytes:
    return (
        b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="'
        + stable_guid("code", "x").encode()
        + b'" name="x" isCodable="true"/></Codes></CodeBook>'
    )


# -- the NVivo export of ../shared/data --------------------------------------------------------


@pytest.mark.shared
def test_real_nvivo_export(shared_data, empty):
    imported = read_qdpx(shared_data / "refi-qda" / "nvivo-win-12.6-hungarian.qdpx")
    assert (imported.units, imported.crlf) == ("utf16", "two")
    assert len(imported.documents) == 2
    assert len(imported.codes) == 152
    assert len(imported.codings) == 330
    share = word_boundary_share(imported)
    print(f"NVivo 12.6 export: {share:.1%} of coding starts on a word boundary")
    assert share >= 0.95
    as_code_points = read_qdpx(
        shared_data / "refi-qda" / "nvivo-win-12.6-hungarian.qdpx", units="code_points"
    )
    assert word_boundary_share(as_code_points) < 0.6
    write_import(empty, imported)
    again = open_project(empty.root)
    checked = load_codings(again.paths.codings, corpus=again.corpus, codebook=again.codebook)
    assert len(checked) == 330


# -- command line ------------------------------------------------------------------------------


def test_cli_exports_and_imports(project, empty, tmp_path, capsys):
    out = tmp_path / "p.qdpx"
    assert main(["qdpx", "export", str(out), "-C", str(project.root)]) == 0
    assert main(["qdpx", "export", str(tmp_path / "c.qdc"), "-C", str(project.root)]) == 0
    assert main(["qdpx", "import", str(out), "-C", str(empty.root)]) == 0
    printed = capsys.readouterr().out
    assert "imported corpus/codings/lea.csv" in printed
    assert (
        "3 document(s), 8 code(s), 10 coding(s) of 2 coder(s), 0 memo(s) from research" in printed
    )
    assert "positions counted in code points, CRLF as two" in printed
    assert main(["qdpx", "import", str(out), "-C", str(empty.root)]) == 1
    assert "already exists" in capsys.readouterr().err
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"rien")
    assert main(["qdpx", "import", str(bad), "-C", str(empty.root)]) == 1
    assert "error: " in capsys.readouterr().err


# -- where documents land, and their ids -------------------------------------------------------

S2 = "5b0c7a52-0d51-4c8e-9a0b-6f1c2d3e4f5a"
S3 = "5b0c7a52-0d51-4c8e-9a0b-6f1c2d3e4f5b"


def named_sources(project_name: str = "Enquête Fabrique 2019") -> bytes:
    """Three sources of another program: no kind, names with spaces and suffixes."""
    sources = "".join(
        f'<TextSource guid="{{{guid.upper()}}}"{name} plainTextPath="internal://{guid}.txt"/>'
        for guid, name in (
            (S1, ' name="Entretien Élodie.docx"'),
            (S2, ' name="Entretien Élodie"'),
            (S3, ""),
        )
    )
    qde = (
        f'<?xml version="1.0" encoding="utf-8"?><Project {NS} name="{project_name}">{CODES}'
        f"<Sources>{sources}</Sources></Project>"
    )
    texts = {f"sources/{guid}.txt": f"Texte {guid[-1]}." for guid in (S1, S2, S3)}
    return make_qdpx({"project.qde": qde, **texts})


def test_source_names_give_slug_ids_never_guids():
    first = read_qdpx("a.qdpx", data=named_sources())
    assert first.documents["doc_id"].tolist() == [
        "Entretien-Elodie",
        "Entretien-Elodie-2",
        "source",
    ]
    again = read_qdpx("a.qdpx", data=named_sources())
    assert again.documents["doc_id"].tolist() == first.documents["doc_id"].tolist()
    assert first.name == "Enquête Fabrique 2019"


def test_documents_without_kind_land_in_a_folder_named_after_the_project(empty, tmp_path):
    path = tmp_path / "export.qdpx"
    path.write_bytes(named_sources())
    _, written = import_refiqda(empty, path)
    rel = sorted(empty.paths.relative(p) for p in written if p.suffix == ".md")
    assert rel == [
        "corpus/documents/Enquete-Fabrique-2019/Entretien-Elodie-2.md",
        "corpus/documents/Enquete-Fabrique-2019/Entretien-Elodie.md",
        "corpus/documents/Enquete-Fabrique-2019/source.md",
    ]
    assert not (empty.paths.documents / "documents").exists()
    assert sorted(open_project(empty.root).corpus.doc_ids) == [
        "Entretien-Elodie",
        "Entretien-Elodie-2",
        "source",
    ]


def test_a_project_without_name_is_named_by_its_file(empty, tmp_path):
    path = tmp_path / "mon export.qdpx"
    path.write_bytes(named_sources(project_name=""))
    _, written = import_refiqda(empty, path)
    assert {p.parent.name for p in written if p.suffix == ".md"} == {"mon-export"}


def test_qdpx_import_folder_stays_inside_the_documents_folder(empty, tmp_path, capsys):
    path = tmp_path / "export.qdpx"
    path.write_bytes(named_sources())
    assert main(["qdpx", "import", str(path), "--folder", "documents", "-C", str(empty.root)]) == 1
    assert "would make corpus/documents/documents" in capsys.readouterr().err
    assert not empty.paths.documents.exists() or not any(empty.paths.documents.iterdir())
    assert main(["qdpx", "import", str(path), "--folder", "nvivo", "-C", str(empty.root)]) == 0
    assert sorted(p.name for p in (empty.paths.documents / "nvivo").iterdir()) == [
        "Entretien-Elodie-2.md",
        "Entretien-Elodie.md",
        "source.md",
    ]


# -- what other clients write, and what this package writes for them ---------------------------


def test_a_selection_description_is_the_memo_of_its_coding(empty):
    # QualCoder and MAXQDA keep a coding's memo in the selection's Description
    selection_xml = (
        f'<PlainTextSelection guid="{S1}" startPosition="3" endPosition="8" '
        'creationDateTime="2021-03-04T10:11:12Z"><Description>Mémo de QualCoder.</Description>'
        f'<Coding guid="{N2}"><CodeRef targetGUID="c0de0001-0000-4000-8000-000000000002"/>'
        "</Coding></PlainTextSelection>"
    )
    imported = read_qdpx("q.qdpx", data=minimal(selection_xml))
    row = imported.codings.iloc[0]
    assert row["memo"] == "Mémo de QualCoder."
    # the selection's date is the coding's when the Coding has none
    assert row["created"] == pd.Timestamp("2021-03-04T10:11:12Z")


def test_our_memo_written_twice_is_read_once(project):
    imported = read_qdpx("p.qdpx", data=export(project))
    memos = sorted(m for m in imported.codings["memo"] if m)
    assert memos == [
        "Enrôlement ou intéressement ?\nÀ discuter.",
        "Point de passage obligé explicite.",
    ]


def test_utf16_export_comes_back_by_its_declared_units(project):
    data = qdpx_bytes(project.codebook, project.corpus, project.codings, units="utf16")
    imported = read_qdpx("p.qdpx", data=data)
    assert imported.units == "utf16"
    same_codings(imported.codings, project.codings)
    forced = read_qdpx("p.qdpx", data=data, units="code_points")
    assert forced.units == "code_points"
    shifted = forced.codings[forced.codings["doc_id"] == "INT01"]
    assert (118, 162) not in set(zip(shifted["start"], shifted["end"], strict=True))


def test_empty_and_missing_sources_are_skipped_and_the_rest_comes_in(empty, tmp_path):
    s2 = "5b0c7a52-0d51-4c8e-9a0b-6f1c2d3e4f59"
    s3 = "5b0c7a52-0d51-4c8e-9a0b-6f1c2d3e4f5a"
    variable = "5b0c7a52-0d51-4c8e-9a0b-6f1c2d3e4f5b"
    qde = (
        f'<?xml version="1.0" encoding="utf-8"?><Project {NS} name="t">{CODES}'
        f'<Variables><Variable guid="{variable}" name="lieu" typeOfVariable="Text"/></Variables>'
        f'<Cases><Case guid="{N2}"><VariableValue><VariableRef targetGUID="{variable}"/>'
        f'<TextValue>Lyon</TextValue></VariableValue><SourceRef targetGUID="{S1}"/></Case></Cases>'
        f"<Sources>{GOOD_SOURCE}</TextSource>"
        f'<TextSource guid="{s2}" name="Vide" plainTextPath="internal://{s2}.txt">'
        f"{selection('0', '0')}</TextSource>"
        f'<TextSource guid="{s3}" name="Absent" plainTextPath="internal://{s3}.txt"/>'
        "</Sources></Project>"
    )
    path = tmp_path / "partiel.qdpx"
    path.write_bytes(
        make_qdpx(
            {"project.qde": qde, f"sources/{S1}.txt": "Un texte court.", f"sources/{s2}.txt": " \n"}
        )
    )
    imported, _ = import_refiqda(empty, path)
    messages = [p.message for p in imported.problems]
    assert any("source 'Vide' is empty: skipped with its 1 coding(s)" in m for m in messages)
    assert any(
        "source 'Absent' cannot be read" in m and "not in the archive" in m for m in messages
    )
    assert imported.documents["doc_id"].tolist() == ["D"]
    assert imported.metadata("D") == {"id": "D", "lieu": "Lyon"}
    again = open_project(empty.root)
    assert again.codebook.ids == ["x"]
    assert again.corpus.doc_ids == ["D"]


def test_a_codebook_only_project_imports_its_codebook(project, empty, tmp_path):
    corpus = Corpus.from_texts({"D1": ""})
    data = qdpx_bytes(project.codebook, corpus, project.codings.iloc[0:0], name="livre")
    path = tmp_path / "livre.qdpx"
    path.write_bytes(data)
    imported, _ = import_refiqda(empty, path)
    assert [p.message for p in imported.problems] == [
        "source 'D1' is empty: skipped; the codebook and the other sources are imported"
    ]
    again = open_project(empty.root)
    assert again.codebook == project.codebook
    assert len(again.corpus.doc_ids) == 0


def test_full_round_trip_keeps_colours_descriptions_coders_dates_memos_attributes(project, empty):
    data = export(project)
    write_import(empty, read_qdpx("p.qdpx", data=data))
    again = open_project(empty.root)
    assert again.codebook.colors() == project.codebook.colors()
    for code in project.codebook.ids:
        mine, theirs = project.codebook.get(code), again.codebook.get(code)
        for key in ("label", "definition", "include", "exclude", "example", "memo", "color"):
            assert theirs[key] == mine[key] or (pd.isna(theirs[key]) and pd.isna(mine[key])), key
    got = again.codings.sort_values(["coder", "doc_id", "start", "end", "code"])
    want = project.codings.sort_values(["coder", "doc_id", "start", "end", "code"])
    for column in ("coder", "doc_id", "start", "end", "code", "quote"):
        assert got[column].tolist() == want[column].tolist()
    assert got["created"].astype(str).tolist() == want["created"].astype(str).tolist()
    assert got["memo"].fillna("").tolist() == want["memo"].fillna("").tolist()
    durations = again.corpus.documents.set_index("doc_id")["duration_min"].dropna().to_dict()
    assert durations == {"INT01": 46}
    assert again.corpus.documents.set_index("doc_id").loc["CR-W17-05", "holder_present"]


def test_taguette_codebook_goes_out_and_comes_back(project, empty, tmp_path):
    from research.codebook import export_codebook

    path = export_codebook(project.codebook, tmp_path / "taguette.csv", format="taguette")
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "tag,description"
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(project.codebook)
    problem = next(r for r in rows if r["tag"] == "Problématisation")
    assert problem["description"].startswith("Définir un problème commun")
    assert problem["description"].endswith("Identifiant : ant.problematisation")
    import_refiqda(empty, path)
    again = open_project(empty.root).codebook
    assert again.ids == project.codebook.ids
    assert again.get("ant.problematisation")["exclude"] == "Simple description du territoire."
    assert again.get("ant.problematisation")["level"] == "second_order"
    assert again.get("ant.enrolment")["parent"] == "ant"


def test_a_plain_taguette_csv_is_read_as_taguette_reads_it():
    data = b"Name,Description,Parent\nConfiance,Se fier.,\nCroyance,,confiance\n\n"
    book = read_taguette_csv("t.csv", data=data).codebook
    assert book.ids == ["confiance", "confiance.croyance"]
    assert book.get("confiance")["definition"] == "Se fier."


@pytest.mark.parametrize(
    ("data", "message", "row"),
    [
        (b"label,description\nx,y\n", "no 'tag', 'name' or 'path' column", 1),
        (b"tag,description\nx,y\n ,z\n", "a row without a tag", 3),
    ],
)
def test_a_taguette_csv_without_tags_is_refused_naming_the_row(data, message, row):
    with pytest.raises(InputError, match=message) as caught:
        read_taguette_csv("t.csv", data=data)
    assert caught.value.row == row
    assert "t.csv" in str(caught.value)


def test_cli_writes_taguette_csv_and_utf16_qdpx(project, tmp_path, capsys):
    out = tmp_path / "tags.csv"
    assert main(["codebook", "export", str(out), "--taguette", "-C", str(project.root)]) == 0
    assert out.read_text(encoding="utf-8").startswith("tag,description\n")
    qdpx = tmp_path / "p.qdpx"
    assert main(["qdpx", "export", str(qdpx), "--units", "utf16", "-C", str(project.root)]) == 0
    assert read_qdpx(qdpx).units == "utf16"
    assert (
        main(["codebook", "export", str(tmp_path / "t.md"), "--taguette", "-C", str(project.root)])
        != 0
    )
    assert "Taguette codebook is a CSV file" in capsys.readouterr().err
