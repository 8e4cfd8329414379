"""Memos: files with front matter, coding memos, links that survive re-anchoring and revisions."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from research.cli import main
from research.errors import InputError, WriteError
from research.memos import (
    LINK_COLUMNS,
    MEMO_COLUMNS,
    CodingLink,
    apply_change_with_memos,
    check_memo_links,
    code_memos,
    document_memos,
    memo_index_html,
    memo_links,
    new_memo,
    parse_memo,
    read_memos,
    resolve_coding_links,
    retrieve_with_memos,
)
from research.project import open_project, validate_project

CODEBOOK = """\
id: terrain
label: Codes du terrain
codable: false
codes:
  - id: cooperation
    label: Coopération
    codes:
      - id: locale
        label: Coopération locale
  - id: origine
    label: Origine du projet
  - id: freins
    label: Freins
"""
ENTRETIEN = """\
---
kind: interview
date: 2024-03-14
speakers: {Enquêtrice: null, Léa: null}
---
Enquêtrice : Comment est né le projet ?

Léa : La mairie a suivi, puis la Fabrique nous a orientés vers la BGE.

Enquêtrice : Et les freins ?

Léa : Le manque de local, surtout. Et la peur de se lancer seule.
"""
COMPTE_RENDU = """\
---
kind: minutes
date: 2024-04-02
---
# Atelier mobilité

Un marché de producteurs est proposé par les habitants.

La Fabrique présente son accompagnement.
"""


def _cli(*args: str) -> int:
    return main(list(args))


def _ok(*args: str) -> None:
    assert _cli(*args) == 0, args


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project made as a new user makes one: init, two documents, a codebook, codings."""
    root = tmp_path / "these"
    _ok("init", str(root))
    docs = root / "corpus" / "documents"
    (docs / "entretien.md").write_text(ENTRETIEN, encoding="utf-8")
    (docs / "atelier.md").write_text(COMPTE_RENDU, encoding="utf-8")
    (root / "codebook" / "terrain.yaml").write_text(CODEBOOK, encoding="utf-8")
    for doc_id, words, code in [
        ("entretien", "La mairie a suivi", "terrain.cooperation.locale"),
        ("entretien", "la Fabrique nous a orientés vers la BGE", "terrain.cooperation"),
        ("entretien", "Le manque de local", "terrain.freins"),
        ("atelier", "Un marché de producteurs", "terrain.origine"),
    ]:
        _ok("code", "text", doc_id, words, code, "--coder", "lea", "-C", str(root))
    _ok("code", "text", "entretien", "la peur de se lancer seule", "terrain.freins",
        "--coder", "lea", "--memo", "Peur ou prudence ?", "-C", str(root))  # fmt: skip
    return root


def _memo(root: Path, *args: str) -> None:
    _ok("memo", "new", *args, "-C", str(root))


def _errors(root: Path) -> list:
    return [p for p in validate_project(open_project(root)) if p.severity == "error"]


def test_memo_new_writes_a_front_matter_that_reads_back(project, capsys):
    _memo(project, "La mairie, premier soutien", "--kind", "theoretical", "--date", "2024-05-01",
          "--author", "lea", "--code", "terrain.cooperation.locale", "--doc", "entretien",
          "--coding", "lea:entretien:47-64", "--text", "Première ligne.\n\nSeconde ligne.")  # fmt: skip
    assert "wrote corpus/memos/la-mairie-premier-soutien.md" in capsys.readouterr().out
    text = (project / "corpus/memos/la-mairie-premier-soutien.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: La mairie, premier soutien\nkind: theoretical\n")
    assert text.endswith("---\nPremière ligne.\n\nSeconde ligne.\n")
    memos = open_project(project).memos
    assert list(memos.columns) == list(MEMO_COLUMNS)
    row = memos[memos["source"] == "file"].iloc[0]
    assert row["memo_id"] == "la-mairie-premier-soutien"
    assert (row["kind"], row["date"], row["author"]) == ("theoretical", "2024-05-01", "lea")
    assert row["codes"] == ("terrain.cooperation.locale",)
    assert row["documents"] == ("entretien",)
    assert row["codings"] == (
        CodingLink("lea", "entretien", "terrain.cooperation.locale", 47, "La mairie a suivi"),
    )
    assert row["text"] == "Première ligne.\n\nSeconde ligne.\n"
    assert _errors(project) == []


def test_list_show_and_the_memos_of_a_code(project, capsys):
    _memo(project, "Coopérer", "--kind", "code", "--code", "terrain.cooperation", "--id", "coop")
    _memo(project, "Le local", "--kind", "methodological", "--memo", "coop",
          "--coding", "lea:entretien:149:terrain.freins")  # fmt: skip
    capsys.readouterr()
    _ok("memo", "list", "-C", str(project))
    listed = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:2] for line in listed] == [
        ["coop", "code"],
        ["le-local", "methodological"],
        ["coding:lea:entretien:181-207:terrain.freins", "coding"],
    ]
    _ok("memo", "list", "--code", "terrain.freins", "--no-coding-memos", "-C", str(project))
    assert [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()] == ["le-local"]
    _ok("memo", "show", "le-local", "-C", str(project))
    shown = capsys.readouterr().out
    assert "coding: lea/entretien@149 terrain.freins « Le manque de local »" in shown
    assert "memo: coop" in shown
    assert _cli("memo", "show", "cop", "-C", str(project)) == 1
    assert "unknown memo 'cop'" in capsys.readouterr().err
    _ok("memo", "code", "terrain.freins", "-C", str(project))
    out = capsys.readouterr().out
    assert "terrain.freins — Freins: 2 memo(s)" in out
    assert "Le manque de local\t[le-local]" in out
    assert "la peur de se lancer seule\tmemo: Peur ou prudence ?" in out


def test_memo_new_refuses_bad_links_and_kinds_and_writes_nothing(project, capsys):
    assert _cli("memo", "new", "X", "--kind", "theorique", "-C", str(project)) == 1
    assert "did you mean 'theoretical'?" in capsys.readouterr().err
    assert _cli("memo", "new", "X", "--kind", "code", "--code", "terrain.frein",
                "-C", str(project)) == 1  # fmt: skip
    assert "did you mean 'terrain.freins'" in capsys.readouterr().err
    assert _cli("memo", "new", "X", "--kind", "document", "--doc", "entretiens",
                "-C", str(project)) == 1  # fmt: skip
    assert "unknown document 'entretiens'" in capsys.readouterr().err
    assert _cli("memo", "new", "X", "--kind", "code", "--coding", "lea:entretien:3",
                "-C", str(project)) == 1  # fmt: skip
    assert "no coding of 'lea' there" in capsys.readouterr().err
    assert _cli("memo", "new", "X", "--kind", "coding", "-C", str(project)) == 1
    assert "kept for the memos of the coder files" in capsys.readouterr().err
    assert not any((project / "corpus" / "memos").iterdir())  # made by init, still empty
    _memo(project, "Un", "--kind", "reflexive", "--id", "un")
    assert _cli("memo", "new", "Deux", "--kind", "reflexive", "--id", "un", "-C", str(project)) == 1
    assert "already has the id 'un'" in capsys.readouterr().err


def test_project_kinds_of_memo_come_from_research_yaml(project, capsys):
    settings = project / "research.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "memos:\n  kinds: {terrain: notes de terrain}\n"
        "  author: lea\n",
        encoding="utf-8",
    )
    _memo(project, "Retour d'atelier", "--kind", "terrain", "--doc", "atelier")
    memos = open_project(project).memos
    file_memo = memos[memos["source"] == "file"].iloc[0]
    assert (file_memo["kind"], file_memo["author"]) == ("terrain", "lea")
    assert _errors(project) == []
    page = memo_index_html(memos, kinds=open_project(project).memo_kinds)
    assert "Notes de terrain" in page
    settings.write_text("memos: {kinds: 3}\n", encoding="utf-8")
    problems = validate_project(open_project(project))
    assert any(p.path.endswith("research.yaml") and "memos" in p.message for p in problems)


BROKEN = {
    "a.md": "---\nkind: théorique\ndate: '2024-13-01'\nauthor: lea\n---\nTexte.\n",
    "d.md": "---\nkind: reflexive\ndate: 2024-02-30\n---\nTexte.\n",
    "b.md": (
        "---\nkind: code\ndate: 2024-03-01\nauthor: lea\ncodes: [terrain.frein]\n"
        "documents: [entretiens]\nmemos: [z]\ncodings:\n"
        "  - {coder: lea, doc_id: entretien, code: terrain.freins, start: 3, quote: Ailleurs}\n"
        "  - {coder: lea, doc_id: entretien, start: 3}\n---\nTexte.\n"
    ),
    "c.md": "Pas de front matter.\n",
    "sub/b.md": "---\nkind: reflexive\ndate: 2024-03-01\nauthor: lea\ncode: [x]\n---\nTexte.\n",
}


def test_validate_names_every_memo_problem_with_its_file_and_line(project):
    folder = project / "corpus" / "memos"
    for name, text in BROKEN.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    problems = [
        p for p in validate_project(open_project(project))
        if p.path and p.path.startswith("corpus/memos")
    ]  # fmt: skip

    def reported(path: str, line: int | None, start: str) -> bool:
        return any(p.path == f"corpus/memos/{path}" and p.line == line
                   and p.message.startswith(start) for p in problems)  # fmt: skip

    assert reported("a.md", 2, "unknown kind of memo 'théorique'")
    assert reported("a.md", 3, "the date '2024-13-01' is not an ISO date")
    assert reported("b.md", 5, "the memo links the code 'terrain.frein', which the codebook")
    assert reported("b.md", 6, "the memo links the document 'entretiens', which the corpus")
    assert reported("b.md", 7, "the memo links the memo 'z', which corpus/memos does not")
    assert reported("b.md", 9, "the memo links a coding of 'lea' in 'entretien' with the code "
                               "'terrain.freins' that reads 'Ailleurs', and there is none")  # fmt: skip
    assert reported("b.md", 10, "a coding of 'codings' lacks code, quote")
    assert reported("c.md", 1, "a memo starts with a front matter between two '---' lines")
    assert reported("d.md", 3, "front matter: '2024-02-30' is not a valid date")
    assert reported("sub/b.md", None, "the memo id 'b' is also the id of corpus/memos/b.md")
    assert reported("sub/b.md", 5, "unknown key 'code'")
    hint = next(p.hint for p in problems if "'terrain.frein'" in p.message)
    assert hint.startswith("did you mean 'terrain.freins'")
    assert all(p.severity == "error" for p in problems if "unknown key" not in p.message
               and "no author" not in p.message)  # fmt: skip
    with pytest.raises(Exception, match="problem"):
        open_project(project).memos  # noqa: B018


def test_unknown_key_is_a_warning_with_the_nearest_key():
    memo, problems = parse_memo("---\nkind: code\ncode: [x]\n---\nT.\n", path="m.md")
    assert memo is not None and memo["codes"] == ()
    warning = next(p for p in problems if "unknown key" in p.message)
    assert (warning.severity, warning.line, warning.hint) == ("warning", 3, "did you mean 'codes'?")


def test_a_coding_link_survives_a_corrected_transcript(project):
    _memo(project, "Le local", "--kind", "code", "--coding", "lea:entretien:149:terrain.freins",
          "--coding", "lea:entretien:181-207:terrain.freins", "--id", "local")  # fmt: skip
    path = project / "corpus/documents/entretien.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("Enquêtrice : Et les freins ?", "Enquêtrice : Et les freins, alors ?")
    text = text.replace("la peur de se lancer seule", "la peur de se lancer toute seule")
    path.write_text(text, encoding="utf-8")
    _ok("anchor", "--apply", "-C", str(project))
    proj = open_project(project)
    links = memo_links(proj.memos[proj.memos["source"] == "file"])
    assert list(links.columns) == list(LINK_COLUMNS)
    resolved = resolve_coding_links(links, proj.codings)
    assert resolved["status"].tolist() == ["moved", "moved"]
    assert resolved["found_start"].tolist() == [156, 188]
    assert resolved["found_quote"].iloc[0] == "Le manque de local"
    assert resolved["found_quote"].iloc[1].startswith("la peur de se lancer")  # re-anchored words
    assert _errors(project) == []
    passages = retrieve_with_memos(proj.codings, proj.corpus, proj.codebook, proj.memos,
                                   "terrain.freins").passages  # fmt: skip
    assert passages["memo_ids"].tolist() == [("local",), ("local",)]


def _front(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("---\n")[1]


def test_codebook_revisions_rewrite_the_memos_links(project, capsys):
    _memo(project, "Coopérer", "--kind", "code", "--code", "terrain.cooperation",
          "--code", "terrain.cooperation.locale", "--coding", "lea:entretien:47-64",
          "--id", "coop", "--text", "Texte à garder\ttel quel.\n")  # fmt: skip
    memo = project / "corpus/memos/coop.md"
    body = memo.read_bytes().split(b"---\n", 2)[2]
    capsys.readouterr()
    _ok(
        "codebook",
        "rename",
        "terrain.cooperation",
        "terrain.entraide",
        "--dry-run",
        "-C",
        str(project),
    )
    assert "memo corpus/memos/coop.md: code 'terrain.cooperation' → 'terrain.entraide'" in (
        capsys.readouterr().out
    )
    assert "codes: [terrain.cooperation, terrain.cooperation.locale]" in _front(memo)
    _ok("codebook", "rename", "terrain.cooperation", "terrain.entraide", "-C", str(project))
    assert "wrote corpus/memos/coop.md" in capsys.readouterr().out
    front = _front(memo)
    assert "codes: [terrain.entraide, terrain.entraide.locale]" in front
    assert "code: terrain.entraide.locale" in front
    assert memo.read_bytes().split(b"---\n", 2)[2] == body
    assert _errors(project) == []
    _ok("codebook", "move", "terrain.entraide.locale", "terrain.origine", "-C", str(project))
    assert "terrain.origine.locale" in _front(memo)
    _ok("codebook", "merge", "terrain.origine.locale", "terrain.origine", "-C", str(project))
    assert "codes: [terrain.entraide, terrain.origine]" in _front(memo)
    assert "code: terrain.origine," in _front(memo)
    assert _errors(project) == []
    _ok("codebook", "delete", "terrain.entraide", "--to", "terrain.freins", "-C", str(project))
    assert "codes: [terrain.freins, terrain.origine]" in _front(memo)
    _ok("codebook", "delete", "terrain.origine", "--force", "-C", str(project))
    assert "codes: [terrain.freins]" in _front(memo)
    assert "codings:" not in _front(memo)
    assert memo.read_bytes().split(b"---\n", 2)[2] == body
    assert _errors(project) == []


def test_a_revision_and_its_memos_change_together_or_not_at_all(project, monkeypatch):
    from research.coding import rename_code

    _memo(project, "Coopérer", "--kind", "code", "--code", "terrain.cooperation", "--id", "coop")
    files = [*project.glob("codebook/*.yaml"), *project.glob("corpus/codings/*.csv"),
             project / "corpus/memos/coop.md"]  # fmt: skip
    before = {p: p.read_bytes() for p in files}
    proj = open_project(project)
    change = rename_code(proj.codebook, proj.codings, "terrain.cooperation", "terrain.entraide")
    real_replace = os.replace

    def failing(src, dst):
        if str(dst).endswith("coop.md"):
            raise OSError("disk full")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(WriteError, match="disk full"):
        apply_change_with_memos(proj, change)
    monkeypatch.setattr(os, "replace", real_replace)
    assert {p: p.read_bytes() for p in files} == before


def test_coding_memos_sit_with_the_memo_files(project):
    _memo(project, "Freins", "--kind", "code", "--code", "terrain.freins", "--id", "freins")
    _memo(project, "L'atelier", "--kind", "document", "--doc", "atelier", "--id", "atelier")
    memos = open_project(project).memos
    coding = memos[memos["source"] == "coding"]
    assert coding[["kind", "author", "text", "codes", "documents"]].values.tolist() == [
        ["coding", "lea", "Peur ou prudence ?", ("terrain.freins",), ("entretien",)]
    ]
    assert code_memos(memos, "terrain.freins")["memo_id"].tolist() == [
        "freins", "coding:lea:entretien:181-207:terrain.freins"]  # fmt: skip
    assert document_memos(memos, "atelier")["memo_id"].tolist() == ["atelier"]
    assert document_memos(memos, "entretien")["memo_id"].tolist() == [
        "coding:lea:entretien:181-207:terrain.freins"]  # fmt: skip


def test_the_memo_index_shows_text_as_text(project, capsys):
    _memo(project, "<b>Titre</b>", "--kind", "reflexive", "--id", "html",
          "--text", "<script>alert(1)</script>\nLigne deux.")  # fmt: skip
    _memo(
        project, "Lien perdu", "--kind", "code", "--coding", "lea:entretien:47-64", "--id", "perdu"
    )
    path = project / "corpus/memos/perdu.md"
    path.write_text(path.read_text(encoding="utf-8").replace("La mairie a suivi", "Rien de tel"),
                    encoding="utf-8")  # fmt: skip
    _ok("memo", "index", "-C", str(project))
    page = (project / "outputs/memos/index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Titre&lt;/b&gt;" in page
    assert "(codage introuvable)" in page
    assert page.count("<article") == 3  # two files, one coding memo
    assert 'href="#memo-perdu"' in page  # the index of codes links the memo
    # the chapters' index page, which a supervisor opens first, links the memo page
    front = (project / "outputs/index.html").read_text(encoding="utf-8")
    assert '<a href="memos/index.html">Mémos du projet</a>' in front


def test_a_new_project_has_no_memos_and_says_so(tmp_path, capsys):
    root = tmp_path / "vide"
    _ok("init", str(root))
    memos = open_project(root).memos
    assert list(memos.columns) == list(MEMO_COLUMNS) and len(memos) == 0
    assert "Aucun mémo" in memo_index_html(memos)


def test_new_memo_refuses_a_taken_id_and_numbers_repeated_titles(tmp_path):
    first = new_memo(tmp_path, title="Été", kind="reflexive", date="2024-01-01")
    second = new_memo(tmp_path, title="Été", kind="reflexive", date="2024-01-01")
    assert (first.name, second.name) == ("ete.md", "ete-2.md")
    with pytest.raises(InputError, match="already has the id"):
        new_memo(tmp_path, title="Autre", kind="reflexive", memo_id="ete")
    with pytest.raises(InputError, match="not an ISO date"):
        new_memo(tmp_path, title="Autre", kind="reflexive", date="14/03/2024")
    memos, problems = read_memos(tmp_path)
    assert memos["memo_id"].tolist() == ["ete-2", "ete"] or sorted(memos["memo_id"]) == [
        "ete",
        "ete-2",
    ]
    assert [p for p in problems if p.severity == "error"] == []


def test_check_memo_links_skips_what_it_is_not_given():
    memos = pd.DataFrame([{"memo_id": "m", "kind": "document", "codes": ("x",), "documents": (),
                           "codings": (CodingLink("a", "D", "x", 0, "q"),), "memos": (),
                           "path": "m.md", "source": "file", "key_lines": {"kind": 2}}])  # fmt: skip
    assert check_memo_links(memos) == []
    problems = check_memo_links(memos, codes=["y"])
    assert [p.message for p in problems] == [
        "the memo links the code 'x', which the codebook does not have"]  # fmt: skip
    memos.at[0, "codings"] = ()
    assert [p.message for p in check_memo_links(memos)] == [
        "a document memo that links no document"
    ]
