"""Proposing the key's entries: speaker labels, the actor registry, metadata and spaCy's
entities, never what the key knows; the researcher fills in the pseudonyms, then applies."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from research.cli import main
from research.errors import ValidationFailed
from research.privacy import apply_pseudonymisation, parse_key, propose_candidates, read_project_key
from research.project import open_project

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
DATA = Path(__file__).resolve().parent / "data" / "privacy"
START = (
    "# Mes pseudonymes\n- real: Vrac'n Roule\n  pseudonym: Bocal Roulant\n  kind: organisation\n"
)


def _cli(*args: str) -> None:
    assert main(list(args)) == 0, args


@pytest.fixture
def root(tmp_path) -> Path:
    root = tmp_path / "these"
    _cli("init", str(root))
    subprocess.run(["git", "-C", str(root), "init", "-q"], check=True)
    _cli(
        "import",
        str(DATA / "incoming" / "Entretien Hélène.md"),
        "--kind",
        "interview",
        "-C",
        str(root),
    )
    shutil.copy(DATA / "actors.csv", root / "corpus" / "tables")
    document = docx.Document()
    document.core_properties.author = "Jeanne Vuillet"
    document.add_paragraph("Une note déposée telle quelle dans le corpus.")
    document.save(root / "corpus" / "documents" / "note-deposee.docx")
    (root / "private").mkdir()
    (root / "private" / "pseudonyms.yaml").write_text(START, encoding="utf-8")
    return root


def test_propose_adds_what_the_key_lacks_and_keeps_what_it_holds(root, capsys):
    _cli("pseudonymise", "--propose", "--no-entities", "-C", str(root))
    out = capsys.readouterr().out
    assert "3 name(s) added to private/pseudonyms.yaml (3 person), without pseudonyms" in out
    text = (root / "private" / "pseudonyms.yaml").read_text(encoding="utf-8")
    assert text.startswith(START)
    key = parse_key(text)
    proposed = {e.real: e for e in key.entries[1:]}
    assert set(proposed) == {"Hélène Cuenot", "Karim Benali", "Jeanne Vuillet"}
    assert [v for v, _ in proposed["Hélène Cuenot"].variants] == ["Hélène", "Mme Cuenot"]
    assert all(e.pseudonym is None and e.kind == "person" for e in proposed.values())
    assert "Vrac'n Roule" not in proposed and "Enquêtrice" not in proposed
    comment = re.search(r"- real: Hélène Cuenot\n(?:.*\n)*?  # (.*)\n", text).group(1)
    assert comment.startswith("11 occurrence(s) (actor registry, speaker labels); ")
    assert (
        "corpus/documents/interviews/Entretien-Helene.md, line 12: « Enquêtrice : Bonjour Mme Cuenot"
        in comment
    )
    assert (
        "# 0 occurrence(s) (metadata); not found in the documents" in text
    )  # the author of the .docx


def test_an_unfilled_proposal_stops_apply_then_filled_it_applies(root):
    _cli("pseudonymise", "--propose", "--no-entities", "-C", str(root))
    with pytest.raises(ValidationFailed, match="has no pseudonym yet"):
        apply_pseudonymisation(open_project(root))
    path = root / "private" / "pseudonyms.yaml"
    names = iter(["Maud Perrin", "Yanis Haddad", "Lise Roy"])
    path.write_text(
        re.sub(
            r"  pseudonym:\n",
            lambda _: f"  pseudonym: {next(names)}\n",
            path.read_text(encoding="utf-8"),
        ),
        encoding="utf-8",
    )
    apply_pseudonymisation(open_project(root))
    text = (root / "corpus" / "documents" / "interviews" / "Entretien-Maud.md").read_text(
        encoding="utf-8"
    )
    assert "Maud Perrin : Bonjour." in text and "Bocal Roulant" in text
    assert not (root / "corpus" / "documents" / "note-deposee.docx").exists()
    assert "Lise Roy" not in (root / "corpus" / "documents" / "note-deposee.md").read_text(
        encoding="utf-8"
    )


def test_nothing_new_to_propose(root, capsys):
    _cli("pseudonymise", "--propose", "--no-entities", "-C", str(root))
    capsys.readouterr()
    before = (root / "private" / "pseudonyms.yaml").read_bytes()
    _cli("pseudonymise", "--propose", "--no-entities", "-C", str(root))
    assert "no new name to propose" in capsys.readouterr().out
    assert (root / "private" / "pseudonyms.yaml").read_bytes() == before


def test_a_new_key_starts_with_its_explanation(root):
    (root / "private" / "pseudonyms.yaml").unlink()
    _cli("pseudonymise", "--propose", "--no-entities", "-C", str(root))
    text = (root / "private" / "pseudonyms.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Pseudonym key of this project") and "GDPR art. 4(5)" in text
    assert len(read_project_key(open_project(root)).entries) == 4


@pytest.mark.slow
def test_spacy_finds_names_only_the_text_holds(root):
    note = root / "corpus" / "documents" / "notes"
    note.mkdir()
    (note / "visite.md").write_text(
        "---\nkind: note\n---\nVisite avec Thomas Girod chez Roue Libre, à Besançon.\n\n"
        "Thomas Girod rappellera.\n",
        encoding="utf-8",
    )
    project = open_project(root)
    candidates = {c.form: c for c in propose_candidates(project, read_project_key(project))}
    thomas = candidates["Thomas Girod"]
    assert thomas.kind == "person" and thomas.count == 2 and "entities" in thomas.sources
    assert thomas.example.startswith(
        "corpus/documents/notes/visite.md, line 4: « Visite avec Thomas Girod"
    )
    assert "Bocal Roulant" not in candidates and "Vrac'n Roule" not in candidates
