"""Pseudonymising a project made the way a new user makes one, and undoing it.

The researcher runs ``research init`` (in a git repository), imports an interview
written in Markdown, a ``.docx`` (whose author and last editor are people of the
study) and a note, adds an actor registry, a codebook and a memo, codes with
``research code text`` and receives a second coder's file with passages that cut
names in two. Names are everywhere: speaker labels, front matter, the document's
id, inside and at the edges of codings, elided (``d’Hélène``, ``d'Hélène``), in
capitals, without accents, in an e-mail address, and next to a longer word that
must stay (``Cuenotière``).
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
from pathlib import Path

import docx
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from research.cli import main
from research.coding import load_codings
from research.corpus.loaders import load_document
from research.errors import InputError, ValidationFailed, WriteError
from research.privacy import (
    RECORD_NAME,
    apply_pseudonymisation,
    check_privacy,
    raw_folder,
    read_project_key,
    revert_pseudonymisation,
)
from research.project import open_project

DATA = Path(__file__).resolve().parent / "data" / "privacy"
INTERVIEW = "corpus/documents/interviews/Entretien-Helene.md"
RENAMED = "corpus/documents/interviews/Entretien-Maud.md"
REAL = ("Hélène", "Helene", "HÉLÈNE", "Cuenot", "Karim", "KARIM", "Vrac'n Roule", "helene.cuenot")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _cli(*args: str) -> None:
    assert main(list(args)) == 0, args


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def _docx(path: Path) -> None:
    document = docx.Document()
    document.core_properties.author = "Hélène Cuenot"
    document.core_properties.last_modified_by = "Karim Benali"
    document.add_heading("Réunion du garage", level=1)
    document.add_paragraph("Karim Benali présente le garage solidaire.")
    document.add_paragraph("Hélène propose de prêter le camion de Vrac'n Roule.")
    document.save(path)


def _second_coder(root: Path) -> None:
    """A second coder's file whose passages cut names in two (as a REFI-QDA import gives)."""
    text = load_document(root / INTERVIEW).text
    rows = []

    def span(words: str, start_cut: int = 0, end_cut: int = 0, code: str = "terrain.nom"):
        at = text.index(words)
        start, end = at + start_cut, at + len(words) - end_cut
        rows.append(("tom", "Entretien-Helene", start, end, code, text[start:end], "", ""))

    span("Hélène Cuenot : Bonjour", start_cut=2)  # starts inside "Hélène"
    span("aidée, Karim surtout", end_cut=len("im surtout"))  # ends inside "Karim"
    span("HÉLÈNE CUENOT", start_cut=1, end_cut=1)  # inside the name only
    span("d’Hélène est né", code="terrain.origine")  # the elided form
    frame = pd.DataFrame(
        rows, columns=["coder", "doc_id", "start", "end", "code", "quote", "memo", "created"]
    )
    frame = frame.sort_values(["doc_id", "start", "end", "code"])
    frame.to_csv(root / "corpus" / "codings" / "tom.csv", index=False, lineterminator="\n")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("privacy") / "these"
    _cli("init", str(root))
    _git(root, "init", "-q")
    incoming = tmp_path_factory.mktemp("incoming")
    shutil.copy(DATA / "incoming" / "Entretien Hélène.md", incoming)
    _docx(incoming / "reunion-garage.docx")
    _cli("import", str(incoming / "Entretien Hélène.md"), "--kind", "interview", "-C", str(root))
    _cli("import", str(incoming / "reunion-garage.docx"), "--kind", "minutes", "-C", str(root))
    _cli("import", str(DATA / "incoming" / "appel.txt"), "--kind", "note", "-C", str(root))
    shutil.copy(DATA / "actors.csv", root / "corpus" / "tables" / "actors.csv")
    shutil.copy(DATA / "terrain.yaml", root / "codebook" / "terrain.yaml")
    (root / "corpus" / "memos").mkdir(exist_ok=True)
    shutil.copy(DATA / "memos" / "2024-05-02-reflexion.md", root / "corpus" / "memos")
    for words, code, memo in [
        ("pas Hélène Cuenot", "terrain.nom", "à relire avec Hélène"),
        ("HÉLÈNE CUENOT", "terrain.nom", ""),
        ("Bonjour Mme", "terrain.entraide", ""),
        ("projet d’Hélène", "terrain.origine", ""),
        ("le camion d'Hélène", "terrain.origine", ""),
        ("Karim Benali m'a aidée", "terrain.entraide", "Karim, parrain"),
        ("la Cuenotière", "terrain.nom", ""),
        ("Helene sans accents", "terrain.nom", ""),
    ]:
        args = ["code", "text", "Entretien-Helene", words, code, "--coder", "lea", "-C", str(root)]
        _cli(*args, *(["--memo", memo] if memo else []))
    _cli("code", "text", "reunion-garage", "Karim Benali présente", "terrain.entraide", "--coder", "lea", "-C", str(root))  # fmt: skip
    _second_coder(root)
    (root / "corpus" / "codings" / "coders.yaml").write_text(
        "lea:\n  documents: all\ntom:\n  documents: [Entretien-Helene]\n", encoding="utf-8"
    )
    (root / "private").mkdir()
    shutil.copy(DATA / "pseudonyms.yaml", root / "private" / "pseudonyms.yaml")
    _cli("validate", "-C", str(root))
    return root


@pytest.fixture
def project_root(pristine, tmp_path) -> Path:
    root = tmp_path / "these"
    shutil.copytree(pristine, root)
    return root


def _hashes(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.parts and "private" not in p.parts
    }


def _all_text(root: Path) -> str:
    paths = [p for p in (root / "corpus").rglob("*") if p.is_file()]
    paths += list((root / "codebook").glob("*.yaml"))
    return "\n".join(p.read_text(encoding="utf-8") for p in paths)


# -- import ---------------------------------------------------------------------------------


def test_import_leaves_out_the_files_personal_metadata(pristine, tmp_path, capsys):
    meeting = (pristine / "corpus" / "documents" / "minutes" / "reunion-garage.md").read_text(
        encoding="utf-8"
    )
    assert "author" not in meeting and "Hélène Cuenot" not in meeting.split("---")[1]
    assert "Karim Benali" not in meeting.split("---")[1]
    source = tmp_path / "note.docx"
    _docx(source)
    assert (
        main(["import", str(source), "--kind", "note", "-C", str(pristine), "--folder", "x"]) == 0
    )
    assert "personal metadata left out: author" in capsys.readouterr().out
    shutil.rmtree(pristine / "corpus" / "documents" / "x")


# -- apply ----------------------------------------------------------------------------------


def test_apply_replaces_every_name_and_codings_follow(project_root):
    project = open_project(project_root)
    plan = apply_pseudonymisation(project)
    assert plan.counts["Hélène Cuenot"] >= 4 and plan.counts["Karim"] >= 2
    interview = project_root / RENAMED
    assert not (project_root / INTERVIEW).exists()
    text = interview.read_text(encoding="utf-8")
    assert "id: Entretien-Maud" in text
    assert "title: Entretien avec Maud Perrin, porteuse de Bocal Roulant" in text
    assert "  Maud Perrin: null" in text
    assert "Maud Perrin : Bonjour. Ici tout le monde m’appelle Maud, pas Maud Perrin." in text
    assert "Bonjour Mme Perrin, merci" in text
    assert "Le projet de Maud est né où ?" in text  # d’Hélène → de Maud
    assert "« le camion de Maud »" in text  # d'Hélène → de Maud
    assert "MAUD PERRIN en grand" in text
    assert "la Cuenotière" in text  # a longer word stays
    assert "et Maud sans accents, c’est mon adresse : maud.perrin@exemple.fr." in text
    assert "Yanis Haddad m'a aidée, Yanis surtout" in text
    for form in REAL:
        assert form not in text.replace("Cuenotière", "")
    codings = load_codings(project_root / "corpus" / "codings", corpus=project.reload().corpus)
    for row in codings.itertuples():
        assert row.quote == project.corpus.text(row.doc_id)[row.start : row.end]
    assert set(codings["doc_id"]) == {"Entretien-Maud", "reunion-garage"}
    lea = codings[codings.coder == "lea"].set_index("quote")
    assert {"pas Maud Perrin", "MAUD PERRIN", "Bonjour Mme", "projet de Maud", "le camion de Maud",
            "Yanis Haddad m'a aidée", "la Cuenotière", "Maud sans accents",
            "Yanis Haddad présente"} == set(lea.index)  # fmt: skip
    assert lea.loc["pas Maud Perrin", "memo"] == "à relire avec Maud"
    tom = codings[codings.coder == "tom"]["quote"].tolist()
    # cut names are widened to the whole pseudonym, never left half real
    assert sorted(tom) == sorted(
        ["Maud Perrin : Bonjour", "aidée, Yanis", "MAUD PERRIN", "de Maud est né"]
    )
    coders = (project_root / "corpus" / "codings" / "coders.yaml").read_text(encoding="utf-8")
    assert "[Entretien-Maud]" in coders


def test_apply_covers_tables_codebook_memos_and_converts_other_formats(project_root):
    project = open_project(project_root)
    apply_pseudonymisation(project)
    actors = (project_root / "corpus" / "tables" / "actors.csv").read_text(encoding="utf-8")
    assert (
        "P1,Maud Perrin,person,project_holder,O1,Maud;Mme Perrin,Porteuse de Bocal Roulant"
        in actors
    )
    assert "O1,Bocal Roulant,organisation" in actors
    book = (project_root / "codebook" / "terrain.yaml").read_text(encoding="utf-8")
    assert "# Codes construits après l'entretien de Maud" in book
    assert "example: « Le camion de Maud, c'est parti de là. »" in book
    assert "comme Yanis\n      Haddad pour le camion." in book  # the folded line break kept
    assert "id: terrain" in book
    memo = (project_root / "corpus" / "memos" / "2024-05-02-reflexion.md").read_text(
        encoding="utf-8"
    )
    assert "documents: [Entretien-Maud]" in memo and "Yanis Haddad joue" in memo
    assert "l’entretien de Maud" in memo
    # The quote of a linked coding is text: it follows the coding's own, and the link holds.
    assert 'quote: "Yanis Haddad m\'a aidée"' in memo and "Karim" not in memo
    from research.memos import memo_links, resolve_coding_links

    reopened = project.reload()
    files = reopened.memos[reopened.memos["source"] == "file"]
    links = resolve_coding_links(memo_links(files), reopened.codings)
    assert links[["doc_id", "found_quote"]].values.tolist() == [
        ["Entretien-Maud", "Yanis Haddad m'a aidée"]
    ]
    note = (project_root / "corpus" / "documents" / "notes" / "appel.md").read_text(
        encoding="utf-8"
    )
    assert "Appel de Yanis ce matin" in note and "YANIS HADDAD confirme" in note
    assert project.reload().actors.resolve("Maud") == "P1"
    assert "Cuenot" not in _all_text(project_root).replace("Cuenotière", "")
    _cli("validate", "-C", str(project_root))


def test_tables_in_xlsx_are_pseudonymised_too(project_root):
    import openpyxl

    from research.files import xlsx_bytes

    tables = project_root / "corpus" / "tables"
    frame = pd.read_csv(tables / "actors.csv", dtype=str, keep_default_na=False)
    (tables / "actors.xlsx").write_bytes(xlsx_bytes(frame))
    (tables / "actors.csv").unlink()
    before = _hashes(project_root)
    apply_pseudonymisation(open_project(project_root))
    sheet = openpyxl.load_workbook(tables / "actors.xlsx").worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[1][:6] == ["P1", "Maud Perrin", "person", "project_holder", "O1", "Maud;Mme Perrin"]
    assert rows[3][1] == "Bocal Roulant"
    assert open_project(project_root).actors.resolve("Yanis") == "P2"
    revert_pseudonymisation(open_project(project_root))
    assert _hashes(project_root) == before


def test_a_document_in_another_format_becomes_markdown_and_comes_back(project_root):
    folder = project_root / "corpus" / "documents" / "minutes"
    _docx(folder / "brouillon.docx")
    project = open_project(project_root)
    apply_pseudonymisation(project)
    assert not (folder / "brouillon.docx").exists()
    converted = (folder / "brouillon.md").read_text(encoding="utf-8")
    assert "Yanis Haddad présente le garage" in converted and "author" not in converted
    revert_pseudonymisation(open_project(project_root))
    assert (folder / "brouillon.docx").exists() and not (folder / "brouillon.md").exists()


def test_apply_then_revert_gives_byte_identical_files(project_root):
    before = _hashes(project_root)
    project = open_project(project_root)
    apply_pseudonymisation(project)
    assert _hashes(project_root) != before
    raw = raw_folder(project)
    assert (raw / INTERVIEW).read_bytes() and (raw / RECORD_NAME).is_file()
    reverted = revert_pseudonymisation(open_project(project_root))
    assert project_root / INTERVIEW in reverted.restored
    assert _hashes(project_root) == before
    assert not raw.exists()


def test_a_second_apply_is_a_no_op(project_root, capsys):
    _cli("pseudonymise", "--apply", "-C", str(project_root))
    after = _hashes(project_root)
    record = (project_root / "private" / "raw" / RECORD_NAME).read_bytes()
    capsys.readouterr()
    _cli("pseudonymise", "--apply", "-C", str(project_root))
    assert "nothing to replace" in capsys.readouterr().out
    assert _hashes(project_root) == after
    assert (project_root / "private" / "raw" / RECORD_NAME).read_bytes() == record


def test_a_name_added_to_the_key_later_is_a_second_round_and_revert_undoes_both(project_root):
    before = _hashes(project_root)
    key = project_root / "private" / "pseudonyms.yaml"
    first, added = (
        key.read_text(encoding="utf-8"),
        "- real: Gizia\n  pseudonym: Montagna\n  kind: place\n",
    )
    key.write_text(first.replace("- real: Vrac'n Roule", "- real: Vrac'n Roulx"), encoding="utf-8")
    apply_pseudonymisation(open_project(project_root))
    key.write_text(first + added, encoding="utf-8")
    plan = apply_pseudonymisation(open_project(project_root))
    # title, location and text of the interview, the meeting, the registry's label and description
    assert dict(plan.counts) == {"Gizia": 1, "Vrac'n Roule": 6}
    assert "route de Montagna" in (project_root / RENAMED).read_text(encoding="utf-8")
    revert_pseudonymisation(open_project(project_root))
    assert _hashes(project_root) == before


def test_dry_run_writes_nothing(project_root, capsys):
    before = _hashes(project_root)
    _cli("pseudonymise", "--apply", "--dry-run", "-C", str(project_root))
    out = capsys.readouterr().out
    assert f"would change {INTERVIEW}" in out and "nothing written" in out
    assert _hashes(project_root) == before and not (project_root / "private" / "raw").exists()


# -- all or nothing -------------------------------------------------------------------------


def test_a_coding_out_of_place_stops_everything(project_root):
    before = _hashes(project_root)
    path = project_root / "corpus" / "codings" / "lea.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("HÉLÈNE CUENOT", "HÉLÈNE CUENOX"), encoding="utf-8"
    )
    before = _hashes(project_root)
    with pytest.raises(ValidationFailed, match="research anchor --apply"):
        apply_pseudonymisation(open_project(project_root))
    assert _hashes(project_root) == before


def test_a_write_failing_midway_changes_nothing(project_root, monkeypatch):
    import os

    before = _hashes(project_root)
    real_replace, calls = os.replace, []

    def failing(src, dst, *args, **kwargs):
        calls.append(dst)
        if len(calls) == 5:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(WriteError, match="No space left"):
        apply_pseudonymisation(open_project(project_root))
    monkeypatch.setattr(os, "replace", real_replace)
    assert _hashes(project_root) == before
    assert not (project_root / "private" / "raw" / RECORD_NAME).exists()


def test_a_speaker_label_that_would_break_the_turns_is_refused(project_root):
    key = project_root / "private" / "pseudonyms.yaml"
    text = key.read_text(encoding="utf-8").replace(
        "pseudonym: Maud Perrin", "pseudonym: maud perrin"
    )
    key.write_text(text, encoding="utf-8")
    before = _hashes(project_root)
    with pytest.raises(ValidationFailed, match="cut into segments"):
        apply_pseudonymisation(open_project(project_root))
    assert _hashes(project_root) == before


# -- refusals -------------------------------------------------------------------------------


def test_an_unfinished_key_is_refused_with_its_lines(project_root):
    key = project_root / "private" / "pseudonyms.yaml"
    key.write_text(
        key.read_text(encoding="utf-8") + "- real: Gizia\n  pseudonym:\n  kind: place\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailed) as caught:
        apply_pseudonymisation(open_project(project_root))
    assert "pseudonyms.yaml, line 13: 'Gizia' has no pseudonym yet" in str(caught.value)


def test_a_pseudonym_already_in_the_text_is_refused(project_root):
    key = project_root / "private" / "pseudonyms.yaml"
    key.write_text(
        key.read_text(encoding="utf-8").replace("Yanis Haddad", "Mme Gizia"), encoding="utf-8"
    )
    with pytest.raises(ValidationFailed, match="already in the text"):
        apply_pseudonymisation(open_project(project_root))


def test_a_changed_pseudonym_of_a_replaced_name_asks_to_revert_first(project_root):
    apply_pseudonymisation(open_project(project_root))
    key = project_root / "private" / "pseudonyms.yaml"
    key.write_text(
        key.read_text(encoding="utf-8").replace("Yanis Haddad", "Noé Haddad"), encoding="utf-8"
    )
    with pytest.raises(ValidationFailed, match="--revert"):
        apply_pseudonymisation(open_project(project_root))


def test_revert_refuses_to_lose_later_changes_unless_forced(project_root):
    apply_pseudonymisation(open_project(project_root))
    note = project_root / "corpus" / "documents" / "notes" / "appel.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nAjout après coup.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"1 file\(s\) changed since .*appel\.md"):
        revert_pseudonymisation(open_project(project_root))
    done = revert_pseudonymisation(open_project(project_root), force=True)
    assert done.overwritten == ["corpus/documents/notes/appel.md"]
    assert "Karim" in note.read_text(encoding="utf-8")


def test_revert_without_apply_says_so(project_root):
    assert main(["pseudonymise", "--revert", "-C", str(project_root)]) == 1


def test_exactly_one_action_is_asked(project_root, capsys):
    assert main(["pseudonymise", "-C", str(project_root)]) == 2
    assert main(["pseudonymise", "--apply", "--revert", "-C", str(project_root)]) == 2
    assert "exactly one of --propose, --apply and --revert" in capsys.readouterr().err


def test_the_key_is_refused_where_git_would_commit_it(project_root):
    (project_root / ".gitignore").write_text("outputs/*\n", encoding="utf-8")
    with pytest.raises(InputError, match="would be committed by git") as caught:
        read_project_key(open_project(project_root))
    assert "private/" in caught.value.hint


def test_the_key_is_refused_inside_the_corpus_with_the_line_of_the_setting(project_root):
    (project_root / "research.yaml").write_text(
        "title: Thèse\nprivacy:\n  key: corpus/cle.yaml\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        read_project_key(open_project(project_root))
    assert caught.value.line == 3 and "inside corpus/" in caught.value.message
    assert main(["pseudonymise", "--apply", "-C", str(project_root)]) == 1


def test_a_tracked_key_is_refused(project_root):
    _git(project_root, "add", "-f", "private/pseudonyms.yaml")
    with pytest.raises(InputError, match="tracked by git"):
        read_project_key(open_project(project_root))


# -- the check on this project -------------------------------------------------------------


def test_the_check_is_clean_after_apply_and_finds_the_names_before(project_root):
    before = check_privacy(open_project(project_root))
    assert {leak.path for leak in before.leaks} >= {
        INTERVIEW, "corpus/codings/lea.csv", "corpus/tables/actors.csv", "codebook/terrain.yaml",
        "corpus/memos/2024-05-02-reflexion.md", "corpus/documents/notes/appel.md",
    }  # fmt: skip
    assert any(leak.where == "its file name" for leak in before.leaks)
    apply_pseudonymisation(open_project(project_root))
    after = check_privacy(open_project(project_root))
    assert after.leaks == [] and after.scanned > 10


# -- the README's walk-through on the demo ------------------------------------------------------


def test_the_demo_with_its_example_key(tmp_path, repo_root, capsys):
    root = tmp_path / "demo"
    for name in ("corpus", "codebook", "notebooks"):
        shutil.copytree(repo_root / name, root / name)
    shutil.copy(repo_root / "research.yaml", root)
    (root / "private").mkdir()
    shutil.copy(
        repo_root / "docs" / "examples" / "pseudonyms.example.yaml",
        root / "private" / "pseudonyms.yaml",
    )
    before = _hashes(root)
    assert main(["run", "-C", str(root)]) == 1  # real names would leave
    _cli("pseudonymise", "--apply", "-C", str(root))
    out = capsys.readouterr().out
    assert "49 file(s) rewritten" in out and "678 coding(s) moved with their text" in out
    _cli("validate", "-C", str(root))
    _cli("privacy", "check", "--no-entities", "-C", str(root))
    interview = (root / "corpus" / "documents" / "interviews" / "INT05.md").read_text(
        encoding="utf-8"
    )
    assert "Maud Perrin\u00a0: Oui, oui." in interview and "Hélène Cuenot" not in interview
    _cli("pseudonymise", "--revert", "-C", str(root))
    assert _hashes(root) == before


# -- any passage, anywhere ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def sandbox(pristine, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("sandbox") / "these"
    shutil.copytree(pristine, root)
    return root


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    spans=st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 60)), min_size=1, max_size=12)
)
def test_any_coding_keeps_its_quote_equal_to_its_text(sandbox, spans):
    from research.privacy import plan_pseudonymisation

    text = load_document(sandbox / INTERVIEW).text
    rows = []
    for at, length in spans:
        start = at % (len(text) - 1)
        end = min(len(text), start + length)
        rows.append(("zoe", "Entretien-Helene", start, end, "terrain.nom", text[start:end], "", ""))
    frame = pd.DataFrame(
        rows, columns=["coder", "doc_id", "start", "end", "code", "quote", "memo", "created"]
    )
    path = sandbox / "corpus" / "codings" / "zoe.csv"
    frame.sort_values(["doc_id", "start", "end", "code"]).to_csv(
        path, index=False, lineterminator="\n"
    )
    project = open_project(sandbox)
    plan = plan_pseudonymisation(project, read_project_key(project))
    new_text = next(c.new for c in plan.changes if c.path.name == "Entretien-Maud.md").decode(
        "utf-8"
    )
    new_text = new_text.split("\n---\n", 1)[1]
    planned = next(c.new for c in plan.changes if c.path == path)
    coded = pd.read_csv(io.BytesIO(planned), dtype=str, keep_default_na=False)
    assert len(coded) + plan.codings_merged == len(frame)  # only identical codings merge
    assert read_project_key(project).matcher().find(new_text) == []
    for row in coded.itertuples():
        start, end = int(row.start), int(row.end)
        assert row.quote == new_text[start:end] and start < end
    path.unlink()
