"""Tests of research.exchange: memos, sets and cases through REFI-QDA, both ways.

The project is made the way a researcher makes one: ``research init``, their own
codebook, two coders, attributes, sets and cases, memos of every kind.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from research.cli import main
from research.errors import ValidationFailed
from research.exchange import PROJECT_NS, import_refiqda, qdpx_bytes, read_qdpx
from research.memos import memo_links
from research.project import open_project

SCHEMAS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "refi-qda"
P = f"{{{PROJECT_NS}}}"

ENTRETIEN = """---
id: E1
kind: interview
title: Entretien avec Margaux
date: 2023-05-04
sets: [porteuses, vallée]
cases: Margaux
age: 34
speakers:
  Enquêtrice: null
  Margaux: null
---
Enquêtrice : Comment est né le projet ?

Margaux : D’une soirée à la salle des fêtes 🎉, où l’on a parlé de la recyclerie.
"""

REUNION = """---
id: R1
kind: minutes
title: Réunion du comité
sets: [vallée]
cases: [Comité, Margaux]
---
# Ordre du jour

La recyclerie cherche un local ; le comité propose la grange.
"""

CARNET = """---
id: C1
kind: logbook
---
Rien de notable, sinon la pluie.
"""

CODEBOOK = """id: proj
label: Projets
codable: false
codes:
  - id: origine
    label: Origine du projet
    memo: Toujours chercher l'événement fondateur.
  - id: lieu
    label: Lieu
"""

CODINGS = {
    "margaux": (
        "coder,doc_id,start,end,code,quote,memo,created\n"
        "margaux,E1,49,82,proj.origine,D’une soirée à la salle des fêtes,Le récit fondateur.,"
        "2024-01-02T10:00:00Z\n"
        "margaux,R1,37,46,proj.lieu,recyclerie,,2024-01-03T10:00:00Z\n"
    ),
    "yann": (
        "coder,doc_id,start,end,code,quote,memo,created\n"
        "yann,E1,49,82,proj.lieu,D’une soirée à la salle des fêtes,,2024-02-02T10:00:00Z\n"
    ),
}

MEMOS = {
    "fondation.md": """---
title: L'événement fondateur
kind: theoretical
date: 2024-01-05
author: margaux
codes: [proj.origine]
documents: [E1]
memos: [journal]
codings:
- {coder: margaux, doc_id: E1, code: proj.origine, start: 49, quote: D’une soirée à la salle des fêtes}
---
La soirée fait exister le projet avant tout porteur.

Deuxième paragraphe, avec « guillemets ».
""",
    "journal.md": """---
title: Journal de terrain
kind: reflexive
date: 2023-06-01
author: yann
---
Ma place dans la vallée.
""",
    "lieux.md": """---
title: Ce que le code Lieu recouvre
kind: code
date: 2024-01-06
author: margaux
codes: [proj.lieu]
---
Les lieux nommés, pas les territoires.
""",
    "reunion.md": """---
title: La réunion du comité
kind: document
date: 2024-01-07
author: yann
documents: [R1]
---
Compte rendu sec ; à croiser avec l'entretien.
""",
    "pluie.md": """---
title: Une journée de pluie
kind: terrain
author: yann
documents: [C1]
---
Sans date.
""",
}


def make_project(root: Path) -> Path:
    """A project made with research init, then the researcher's own files."""
    assert main(["init", str(root)]) == 0
    settings = root / "research.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "memos:\n  kinds:\n    terrain: notes de terrain\n",
        encoding="utf-8",
    )
    documents = root / "corpus" / "documents"
    for name, text in (("E1.md", ENTRETIEN), ("R1.md", REUNION), ("C1.md", CARNET)):
        (documents / name).write_text(text, encoding="utf-8")
    for old in (root / "codebook").glob("*.yaml"):
        old.unlink()
    (root / "codebook" / "proj.yaml").write_text(CODEBOOK, encoding="utf-8")
    codings = root / "corpus" / "codings"
    codings.mkdir(parents=True, exist_ok=True)
    for coder, text in CODINGS.items():
        (codings / f"{coder}.csv").write_text(text, encoding="utf-8")
    memos = root / "corpus" / "memos"
    memos.mkdir(parents=True, exist_ok=True)
    for name, text in MEMOS.items():
        (memos / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def own(tmp_path):
    project = open_project(make_project(tmp_path / "these"))
    errors = [p for p in project.validate() if p.severity == "error"]
    assert errors == []
    return project


@pytest.fixture
def fresh(tmp_path):
    assert main(["init", str(tmp_path / "autre")]) == 0
    return open_project(tmp_path / "autre")


def export(project, **options) -> bytes:
    return qdpx_bytes(
        project.codebook,
        project.corpus,
        project.codings,
        name="these",
        memos=project.memos,
        memo_kinds=project.memo_kinds,
        **options,
    )


def qde(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("project.qde"))


def file_memos(project):
    memos = project.memos
    return memos[memos["source"] == "file"].set_index("memo_id")


def links(project) -> set[tuple]:
    table = memo_links(file_memos(project).reset_index())
    return set(zip(table["memo_id"], table["link"], table["target"], strict=True))


# -- what is written ----------------------------------------------------------------------


def test_each_memo_is_a_note_with_its_text_author_date_and_kind(own):
    data = export(own)
    root = qde(data)
    users = {u.get("guid"): u.get("name") for u in root.iter(P + "User")}
    assert set(users.values()) == {"margaux", "yann"}
    notes = {n.get("name"): n for n in root.iter(P + "Note")}
    note = notes["L'événement fondateur"]
    assert users[note.get("creatingUser")] == "margaux"
    assert note.get("creationDateTime") == "2024-01-05T00:00:00Z"
    assert note.find(P + "PlainTextContent") is None  # the text is a file, as QualCoder reads
    path = note.get("plainTextPath").removeprefix("internal://")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        text = archive.read(f"sources/{path}").decode("utf-8")
    assert text == file_memos(own).loc["fondation", "text"]
    assert note.findtext(P + "Description").splitlines() == [
        "Type : theoretical",
        "Identifiant : fondation",
        "Mémos liés : journal",
    ]
    custom = notes["Une journée de pluie"].findtext(P + "Description")
    assert "Type : terrain (notes de terrain)" in custom
    assert "Date : aucune" in custom
    assert notes["Une journée de pluie"].get("creationDateTime")  # QualCoder needs one


def test_noterefs_stand_where_the_standard_puts_them(own):
    root = qde(export(own))
    guid_of = {n.get("name"): n.get("guid") for n in root.iter(P + "Note")}

    def refs(element):
        return {r.get("targetGUID") for r in element.findall(P + "NoteRef")}

    codes = {c.get("name"): c for c in root.iter(P + "Code")}
    assert guid_of["L'événement fondateur"] in refs(codes["Origine du projet"])
    assert guid_of["Ce que le code Lieu recouvre"] in refs(codes["Lieu"])
    sources = {s.get("name"): s for s in root.iter(P + "TextSource")}
    assert guid_of["L'événement fondateur"] in refs(sources["E1"])
    assert guid_of["La réunion du comité"] in refs(sources["R1"])
    assert refs(root) == {guid_of["Journal de terrain"]}  # the memo that links nothing
    linked = [
        s
        for s in sources["E1"].findall(P + "PlainTextSelection")
        if guid_of["L'événement fondateur"] in refs(s)
    ]
    assert len(linked) == 1
    assert linked[0].find(P + "Coding").get("creatingUser") == next(
        u.get("guid") for u in root.iter(P + "User") if u.get("name") == "margaux"
    )
    assert linked[0].findtext(P + "Description") == "Le récit fondateur."
    # the memos of a source are also its Description, which QualCoder shows as its memo
    assert sources["R1"].findtext(P + "Description") == (
        "La réunion du comité :\nCompte rendu sec ; à croiser avec l'entretien."
    )


def test_sets_and_cases_come_from_the_attributes_and_are_not_variables(own):
    root = qde(export(own))
    names = {s.get("guid"): s.get("name") for s in root.iter(P + "TextSource")}
    sets = {
        s.get("name"): [names[m.get("targetGUID")] for m in s.findall(P + "MemberSource")]
        for s in root.iter(P + "Set")
    }
    assert sets == {"porteuses": ["E1"], "vallée": ["E1", "R1"]}
    cases = {
        c.get("name"): [names[r.get("targetGUID")] for r in c.findall(P + "SourceRef")]
        for c in root.iter(P + "Case")
    }
    assert cases == {"Margaux": ["E1", "R1"], "Comité": ["R1"], "C1": ["C1"]}
    variables = {v.get("name") for v in root.iter(P + "Variable")}
    assert "age" in variables
    assert not variables & {"sets", "cases"}


def test_no_empty_sets_element(tmp_path):
    project = open_project(make_project(tmp_path / "p"))
    for path in (project.paths.documents).glob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("sets: [porteuses, vallée]\n", "").replace(
            "sets: [vallée]\n", ""), encoding="utf-8")  # fmt: skip
    root = qde(export(open_project(project.root)))
    assert root.find(P + "Sets") is None


def test_export_with_memos_is_valid_and_reproducible(own):
    data = export(own)
    assert data == export(open_project(own.root))
    for units in ("code_points", "utf16"):
        root = qde(export(own, units=units))
        if not (SCHEMAS / "Project.xsd").is_file():
            pytest.skip("the REFI-QDA schemas of ../shared/data are not available")
        schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "Project.xsd")))
        assert schema.validate(root), schema.error_log


# -- what comes back ------------------------------------------------------------------------


def test_round_trip_into_a_new_project_keeps_every_memo(own, fresh, tmp_path):
    path = tmp_path / "these.qdpx"
    assert main(["qdpx", "export", str(path), "-C", str(own.root)]) == 0
    assert main(["qdpx", "import", str(path), "-C", str(fresh.root)]) == 0
    again = open_project(fresh.root)
    assert [p for p in again.validate() if p.severity == "error"] == []
    assert again.memo_kinds == {"terrain": "notes de terrain"}  # declared by the import
    mine, theirs = file_memos(own), file_memos(again)
    assert sorted(theirs.index) == sorted(mine.index)
    for column in ("title", "kind", "date", "author", "text"):
        assert theirs[column].to_dict() == mine[column].to_dict(), column
    assert links(again) == links(own)
    # the coding memos and the codebook's memos, as before
    assert again.codings["memo"].fillna("").tolist() == own.codings["memo"].fillna("").tolist()
    assert again.codebook.get("proj.origine")["memo"] == "Toujours chercher l'événement fondateur."
    # no copy of the memos as a 'description' attribute
    assert "description" not in again.corpus.documents.columns


def test_round_trip_keeps_sets_and_cases(own, fresh, tmp_path):
    imported = read_qdpx("p.qdpx", data=export(own))
    meta = {d: imported.metadata(d) for d in imported.documents["doc_id"]}
    assert sorted(meta["E1"]["sets"]) == ["porteuses", "vallée"]
    assert meta["R1"]["sets"] == ["vallée"]
    assert meta["E1"]["cases"] == ["Margaux"]
    assert sorted(meta["R1"]["cases"]) == ["Comité", "Margaux"]
    assert "cases" not in meta["C1"] and "sets" not in meta["C1"]  # its own case is no case
    assert meta["E1"]["age"] == 34
    path = tmp_path / "p.qdpx"
    path.write_bytes(export(own))
    import_refiqda(fresh, path)
    corpus = open_project(fresh.root).corpus
    assert corpus.where(sets="vallée").doc_ids == ["E1", "R1"]
    assert corpus.where(cases="Margaux").doc_ids == ["E1", "R1"]


def test_links_the_export_cannot_place_are_kept(own):
    # only yann's codings go out: margaux's coding that a memo links is not in the file
    codings = own.codings[own.codings["coder"] == "yann"]
    data = qdpx_bytes(own.codebook, own.corpus, codings, memos=own.memos,
                      memo_kinds=own.memo_kinds)  # fmt: skip
    imported = read_qdpx("p.qdpx", data=data)
    memo = next(m for m in imported.memos if m["memo_id"] == "fondation")
    assert [(c.coder, c.doc_id, c.code, c.start) for c in memo["codings"]] == [
        ("margaux", "E1", "proj.origine", 49)
    ]


def test_importing_memos_twice_needs_force_and_changes_nothing(own, fresh, tmp_path):
    path = tmp_path / "p.qdpx"
    path.write_bytes(export(own))
    import_refiqda(fresh, path)
    before = {p: p.read_bytes() for p in fresh.root.rglob("*") if p.is_file()}
    with pytest.raises(ValidationFailed) as caught:
        import_refiqda(fresh, path)
    messages = [p.message for p in caught.value.problems]
    assert "memo 'fondation' already exists" in messages
    assert {p: p.read_bytes() for p in fresh.root.rglob("*") if p.is_file()} == before
    import_refiqda(fresh, path, force=True)
    assert len(file_memos(open_project(fresh.root))) == len(MEMOS)


def test_an_undeclared_kind_in_a_project_with_memo_settings_is_a_clear_conflict(
    own, fresh, tmp_path
):
    settings = fresh.root / "research.yaml"
    settings.write_text("memos:\n  author: lea\n", encoding="utf-8")
    path = tmp_path / "p.qdpx"
    path.write_bytes(export(own))
    with pytest.raises(ValidationFailed) as caught:
        import_refiqda(open_project(fresh.root), path)
    problem = caught.value.problems[0]
    assert problem.message == (
        "memo 'pluie' is of the kind 'terrain', which this project does not declare"
    )
    assert "terrain: notes de terrain" in problem.hint
    assert not (fresh.root / "corpus" / "memos").exists() or not any(
        (fresh.root / "corpus" / "memos").iterdir()
    )


# -- what other programs write --------------------------------------------------------------

S1 = "5b0c7a52-0d51-4c8e-9a0b-6f1c2d3e4f50"
S2 = "5b0c7a52-0d51-4c8e-9a0b-6f1c2d3e4f51"
C1 = "c0de0001-0000-4000-8000-000000000001"
U1 = "a0000000-0000-4000-8000-000000000001"
J1, A1, N1 = (f"e0000000-0000-4000-8000-00000000000{i}" for i in (1, 2, 3))


def qualcoder_archive() -> bytes:
    """What QualCoder's exporter writes: journals, an annotation, a source memo, sets, cases."""
    qde_text = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="qc" origin="QualCoder 3.6" creatingUserGUID="{U1}"
 creationDateTime="2024-04-01T08:00:00Z">
<Users><User guid="{U1}" name="Léa" /></Users>
<CodeBook><Codes><Code guid="{C1}" name="Confiance" isCodable="true" color="#AA0000"/></Codes></CodeBook>
<Cases><Case guid="f0000000-0000-4000-8000-000000000001" name="Anna"><Description>Une habitante.</Description>
<SourceRef targetGUID="{S1}"/></Case></Cases>
<Sources>
<TextSource plainTextPath="internal://{S1}.txt" creatingUser="{U1}" creationDateTime="2024-04-02T08:00:00Z"
 guid="{S1}" name="Anna.txt"><Description>Mémo du fichier.</Description>
<PlainTextSelection guid="d0000000-0000-4000-8000-000000000001" startPosition="0" endPosition="4"
 name="Oui," creatingUser="{U1}" creationDateTime="2024-04-03T08:00:00Z">
<Description>Mémo du codage.</Description><Coding guid="d1000000-0000-4000-8000-000000000001"
 creatingUser="{U1}"><CodeRef targetGUID="{C1}" /></Coding></PlainTextSelection>
<NoteRef targetGUID="{A1}" /></TextSource>
<TextSource plainTextPath="internal://{S2}.txt" guid="{S2}" name="Bob.txt"/>
</Sources>
<Notes>
<Note guid="{J1}" creatingUser="{U1}" creationDateTime="2024-04-05T09:30:00Z" name="Journal"
 plainTextPath="internal://{J1}.txt"><Description /></Note>
<Note guid="{A1}" creatingUser="{U1}" creationDateTime="2024-04-06T08:00:00Z">
<PlainTextContent>Une annotation.</PlainTextContent>
<PlainTextSelection guid="d0000000-0000-4000-8000-000000000002" startPosition="5" endPosition="8" />
</Note>
</Notes>
<Sets><Set guid="f1000000-0000-4000-8000-000000000001" name="Habitants">
<Description>Les entretiens d'habitants.</Description>
<MemberCode targetGUID="{C1}"/><MemberSource targetGUID="{S1}"/><MemberSource targetGUID="{S2}"/>
</Set></Sets>
<Description>Le mémo du projet.</Description>
</Project>"""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("project.qde", qde_text.encode("utf-8"))
        archive.writestr(f"sources/{S1}.txt", b"Oui, je crois.")
        archive.writestr(f"sources/{S2}.txt", b"Non.")
        archive.writestr(f"sources/{J1}.txt", b"Premier jour.\n")
    return buffer.getvalue()


def test_what_qualcoder_writes_comes_in_as_memos_sets_and_cases(fresh, tmp_path):
    imported = read_qdpx("qc.qdpx", data=qualcoder_archive())
    memos = {m["memo_id"]: m for m in imported.memos}
    journal = memos["journal"]
    assert (journal["kind"], journal["author"], journal["date"]) == (
        "reflexive",
        "lea",
        "2024-04-05",
    )
    assert journal["text"] == "Premier jour.\n"
    annotation = next(m for m in memos.values() if m["text"] == "Une annotation.\n")
    assert annotation["kind"] == "document" and annotation["documents"] == ("Anna",)
    group = memos["ensemble-habitants"]
    assert group["codes"] == ("confiance",) and group["documents"] == ("Anna", "Bob")
    assert group["text"] == "Les entretiens d'habitants.\n"
    assert memos["cas-anna"]["text"] == "Une habitante.\n"
    assert memos["description-du-projet"]["kind"] == "methodological"
    assert imported.metadata("Anna")["sets"] == ["Habitants"]
    assert imported.metadata("Anna")["cases"] == ["Anna"]  # another program's case is a case
    assert imported.metadata("Anna")["description"] == "Mémo du fichier."
    assert imported.codings.loc[0, "memo"] == "Mémo du codage."
    path = tmp_path / "qc.qdpx"
    path.write_bytes(qualcoder_archive())
    import_refiqda(fresh, path)
    again = open_project(fresh.root)
    assert [p for p in again.validate() if p.severity == "error"] == []
    assert len(file_memos(again)) == len(memos)
