"""The leak check finds every real name planted in outputs and exports, and nothing else.

A small project is made as a new user makes one (``research init``, ``research
import``, a key in ``private/``) and pseudonymised: the check is then clean. Real
names are planted in every kind of file that leaves a project (HTML with character
references, CSV, XLSX, LaTeX, a notebook with ``\\u`` escapes, provenance JSON,
SVG, a ``.qdpx``, an IRaMuTeQ corpus, a ``.docx`` whose name is split across
runs); each is reported with its file and line (or part, cell, paragraph), and
nothing else is. ``research run`` and ``research qdpx export`` refuse while a
real name is in the project, unless ``--allow-real-names``.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pandas as pd
import pytest

from research.cli import main
from research.files import xlsx_bytes
from research.privacy import apply_pseudonymisation, check_files, check_privacy, parse_key
from research.project import open_project

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

INTERVIEW = """\
Enquêtrice : Comment avez-vous connu Karim Benali ?

Hélène Cuenot : Par le camion de Vrac'n Roule, en 2016.

Enquêtrice : Et ensuite ?

Hélène Cuenot : Karim est venu à l'atelier d'Hélène.
"""
KEY = """\
- real: Hélène Cuenot
  pseudonym: Maud Perrin
  kind: person
  variants: [Hélène]
- real: Karim Benali
  pseudonym: Yanis Haddad
  kind: person
  variants: [Karim]
- real: Vrac'n Roule
  pseudonym: Bocal Roulant
  kind: organisation
"""


def _cli(*args: str) -> None:
    assert main(list(args)) == 0, args


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("check") / "these"
    _cli("init", str(root))
    subprocess.run(["git", "-C", str(root), "init", "-q"], check=True)
    source = tmp_path_factory.mktemp("in") / "entretien-3.md"
    source.write_text(INTERVIEW, encoding="utf-8")
    _cli("import", str(source), "-C", str(root))
    (root / "private").mkdir()
    (root / "private" / "pseudonyms.yaml").write_text(KEY, encoding="utf-8")
    apply_pseudonymisation(open_project(root))
    return root


@pytest.fixture
def root(clean, tmp_path) -> Path:
    copy = tmp_path / "these"
    shutil.copytree(clean, copy)
    return copy


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.core_properties.author = "Karim Benali"
    paragraph = document.add_paragraph("Citation de ")
    paragraph.add_run("Hél")
    paragraph.add_run("ène").bold = True
    paragraph.add_run(", porteuse.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _qdpx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "project.qde",
            '<?xml version="1.0" encoding="utf-8"?>\n<Project name="Thèse">\n'
            "  <Sources>\n"
            '    <TextSource name="Entretien avec H&#233;l&#232;ne" guid="1"/>\n'
            "  </Sources>\n</Project>\n",
        )
        archive.writestr("sources/1.txt", "Première ligne.\nPuis Karim parle.\n")
    return buffer.getvalue()


def _plant(root: Path) -> dict[tuple[str, object], str]:
    """Plant one real name in every kind of file; return (file, place) -> name found."""
    run = root / "outputs" / "corpus-overview" / "default"
    (run / "tables").mkdir(parents=True)
    (run / "figures").mkdir()
    (run / "corpus-overview.html").write_text(
        "<html>\n<body>\n<td>Entretien avec H&eacute;l&egrave;ne</td>\n</body>\n</html>\n",
        encoding="utf-8",
    )
    (run / "tables" / "quotes.csv").write_text(
        "doc,quote\nINT1,KARIM BENALI parle\n", encoding="utf-8"
    )
    frame = pd.DataFrame({"doc": ["INT1", "INT2"], "quote": ["rien", "vu par Helene  Cuenot"]})
    (run / "tables" / "quotes.xlsx").write_bytes(xlsx_bytes(frame))
    (run / "tables" / "quotes.tex").write_text(
        "\\begin{tabular}{ll}\nINT1 & Karim \\& co \\\\\n\\end{tabular}\n", encoding="utf-8"
    )
    notebook = {
        "cells": [{"cell_type": "markdown", "source": ["# Titre\n", "Avec H\u00e9l\u00e8ne\n"]}]
    }
    (run / "corpus-overview.ipynb").write_text(json.dumps(notebook, indent=1), encoding="utf-8")
    (run / "provenance.json").write_text(
        json.dumps({"title": "Entretien", "note": "vu avec Vrac'n Roule"}, indent=1),
        encoding="utf-8",
    )
    (run / "figures" / "reseau.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg">\n<text x="1">Hélène\nCuenot</text>\n</svg>\n',
        encoding="utf-8",
    )
    (run / "figures" / "reseau.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    exports = root / "exports"
    exports.mkdir()
    (exports / "projet.qdpx").write_bytes(_qdpx_bytes())
    (exports / "corpus-iramuteq.txt").write_text(
        "**** *doc_entretien-3 *speaker_Helene_Cuenot\nMaud Perrin parle du camion.\n",
        encoding="utf-8",
    )
    (exports / "annexe.docx").write_bytes(_docx_bytes())
    out = "outputs/corpus-overview/default"
    return {
        (f"{out}/corpus-overview.html", 3): "Hélène",
        (f"{out}/tables/quotes.csv", 2): "KARIM BENALI",
        (f"{out}/tables/quotes.xlsx", "Feuil1!B3"): "Helene  Cuenot",
        (f"{out}/tables/quotes.tex", 2): "Karim",
        (f"{out}/corpus-overview.ipynb", 7): "Hélène",
        (f"{out}/provenance.json", 3): "Vrac'n Roule",
        (f"{out}/figures/reseau.svg", 2): "Hélène\nCuenot",
        ("exports/projet.qdpx", ("project.qde", 4)): "Hélène",
        ("exports/projet.qdpx", ("sources/1.txt", 2)): "Karim",
        ("exports/corpus-iramuteq.txt", 1): "Helene_Cuenot",
        ("exports/annexe.docx", ("word/document.xml", "paragraph 1")): "Hélène",
        ("exports/annexe.docx", ("docProps/core.xml", None)): "Karim Benali",
    }


def _found(report) -> dict[tuple[str, object], str]:
    found = {}
    for leak in report.leaks:
        if leak.path.endswith((".qdpx", ".docx")):
            place = (
                leak.member,
                leak.where or (leak.line if leak.member != "docProps/core.xml" else None),
            )
        else:
            place = leak.where or leak.line
        found[(leak.path, place)] = leak.found
    return found


def test_the_project_is_clean_once_pseudonymised(clean, capsys):
    report = check_privacy(open_project(clean))
    assert report.leaks == [] and report.scanned >= 8
    assert main(["privacy", "check", "--no-entities", "-C", str(clean)]) == 0
    assert "no real name of the key found" in capsys.readouterr().out


def test_every_planted_leak_is_found_with_its_place_and_nothing_else(root):
    expected = _plant(root)
    project = open_project(root)
    report = check_privacy(project, [root / "outputs", root / "exports"])
    assert _found(report) == expected
    assert report.unread == ["outputs/corpus-overview/default/figures/reseau.png"]
    whole = check_privacy(project)  # the project and its outputs, not exports/
    assert {k: v for k, v in expected.items() if k[0].startswith("outputs")} == _found(whole)


def test_the_command_lists_the_leaks_and_fails(root, capsys):
    _plant(root)
    assert main(["privacy", "check", "--no-entities", "-C", str(root)]) == 1
    out, err = capsys.readouterr()
    assert (
        "error: outputs/corpus-overview/default/tables/quotes.csv, line 2: real name "
        "'KARIM BENALI'\n" in out
    )
    assert "real name 'Helene  Cuenot' in Feuil1!B3" in out
    assert "7 real name(s) found in 7 file(s)" in err
    assert "cannot be searched (images, PDF)" in err
    exports = root / "exports"
    assert main(["privacy", "check", str(exports / "projet.qdpx"), str(exports / "corpus-iramuteq.txt"), "-C", str(root)]) == 1  # fmt: skip
    out = capsys.readouterr().out
    assert "exports/projet.qdpx, line 4: real name 'Hélène' in project.qde" in out
    assert "exports/corpus-iramuteq.txt, line 1: real name 'Helene_Cuenot'" in out


def test_an_export_that_cannot_be_read_fails_the_check(root, capsys):
    damaged = root / "projet.qdpx"
    damaged.write_bytes(b"PK\x03\x04 truncated")
    assert main(["privacy", "check", str(damaged), "-C", str(root)]) == 1
    err = capsys.readouterr().err
    assert "projet.qdpx: not read: not a valid .qdpx" in err
    assert "1 file(s) given could not be searched" in err


def test_names_of_files_are_searched_too(root):
    (root / "outputs" / "Karim-notes").mkdir()
    (root / "outputs" / "Karim-notes" / "a.txt").write_text("rien\n", encoding="utf-8")
    leaks = check_privacy(open_project(root)).leaks
    assert [(leak.path, leak.where, leak.found) for leak in leaks] == [
        ("outputs/Karim-notes/a.txt", "its file name", "Karim")
    ]


def test_no_key_means_nothing_to_look_for(root, capsys):
    (root / "private" / "pseudonyms.yaml").unlink()
    _plant(root)
    assert main(["privacy", "check", "--no-entities", "-C", str(root)]) == 0
    assert "no pseudonym key in private/pseudonyms.yaml" in capsys.readouterr().err


def test_matching_ignores_case_accents_and_spacing_but_not_longer_words(tmp_path):
    key = parse_key("- real: Hélène Cuenot\n  pseudonym: Maud Perrin\n  variants: [Jean]\n")
    path = tmp_path / "a.txt"
    path.write_text(
        "HELENE   CUENOT\nhélène\u00a0cuenot\nHélène Cuenotière\nJean-Paul, Jeanne\njean\n",
        encoding="utf-8",
    )
    found = [(leak.line, leak.found) for leak in check_files([path], key).leaks]
    assert found == [(1, "HELENE   CUENOT"), (2, "hélène\u00a0cuenot"), (5, "jean")]


# -- commands that would take real names out --------------------------------------------------


@pytest.fixture
def unpseudonymised(root) -> Path:
    from research.privacy import revert_pseudonymisation

    revert_pseudonymisation(open_project(root))
    return root


def test_research_run_refuses_real_names(unpseudonymised, capsys):
    assert main(["run", "-C", str(unpseudonymised)]) == 1
    err = capsys.readouterr().err
    assert "corpus/documents/interviews/entretien-3.md, line 6: real name 'Karim Benali'" in err
    assert "research run refused" in err and "--allow-real-names" in err
    assert not any((unpseudonymised / "outputs").glob("*/*"))


def test_allow_real_names_lets_the_command_go_on(unpseudonymised, capsys):
    assert main(["run", "no-such-chapter", "--allow-real-names", "-C", str(unpseudonymised)]) == 1
    err = capsys.readouterr().err
    assert "goes on as --allow-real-names asks" in err and "no-such-chapter" in err


def test_qdpx_export_refuses_real_names_unless_allowed(unpseudonymised, capsys):
    target = unpseudonymised / "exports" / "projet.qdpx"
    target.parent.mkdir()
    assert main(["qdpx", "export", str(target), "-C", str(unpseudonymised)]) == 1
    assert "research qdpx export refused" in capsys.readouterr().err
    assert not target.exists()
    assert (
        main(["qdpx", "export", str(target), "--allow-real-names", "-C", str(unpseudonymised)]) == 0
    )
    report = check_privacy(open_project(unpseudonymised), [target])
    assert {leak.found for leak in report.leaks} >= {
        "Karim Benali",
        "Hélène Cuenot",
        "Vrac'n Roule",
    }


def test_the_pseudonymised_project_exports(root):
    target = root / "projet.qdpx"
    assert main(["qdpx", "export", str(target), "-C", str(root)]) == 0
    assert check_privacy(open_project(root), [target]).leaks == []


# -- names the key does not know ----------------------------------------------------------------


@pytest.mark.slow
def test_names_the_key_does_not_know_are_listed_for_review(root, capsys):
    note = root / "corpus" / "documents" / "notes"
    note.mkdir(parents=True)
    (note / "terrain.md").write_text(
        "---\nid: terrain\nkind: note\n---\nVisite avec Thomas Girod à Besançon, puis réunion avec Maud Perrin.\n",
        encoding="utf-8",
    )
    report = check_privacy(open_project(root), entities=True)
    forms = {c.form: c for c in report.candidates}
    assert "Thomas Girod" in forms and forms["Thomas Girod"].kind == "person"
    assert (
        forms["Thomas Girod"].path == "corpus/documents/notes/terrain.md"
        and forms["Thomas Girod"].line == 5
    )
    assert not {"Maud Perrin", "Maud", "Yanis Haddad"} & set(forms)  # pseudonyms are known
    assert main(["privacy", "check", "-C", str(root)]) == 0
    assert "name not in the key: 'Thomas Girod' (person" in capsys.readouterr().out
    assert main(["privacy", "check", "--strict", "-C", str(root)]) == 1


def test_unchanged_standard_chapters_are_the_packages_text_not_the_projects(root, capsys):
    key = root / "private" / "pseudonyms.yaml"
    key.write_text(
        key.read_text(encoding="utf-8") + "- real: Élodie\n  pseudonym: Inès\n", encoding="utf-8"
    )
    notebook = root / "notebooks" / "04-institutional-work.ipynb"
    assert "Élodie" in notebook.read_text(encoding="utf-8")  # an example in a comment
    assert main(["privacy", "check", "--no-entities", "-C", str(root)]) == 0
    capsys.readouterr()
    notebook.write_text(
        notebook.read_text(encoding="utf-8").replace("Élodie", "Élodie "), encoding="utf-8"
    )
    assert main(["privacy", "check", "--no-entities", "-C", str(root)]) == 1
    assert "notebooks/04-institutional-work.ipynb, line" in capsys.readouterr().out
