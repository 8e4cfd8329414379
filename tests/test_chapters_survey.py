"""A chapter compares codes by a survey attribute, on a project a researcher builds from
a survey spreadsheet, a PDF report, a saved web page and an e-mail."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from research.cli import main

pytestmark = pytest.mark.slow
pytest.importorskip("reportlab")
from pdf_fixtures import two_columns  # noqa: E402

LOADERS = Path(__file__).parent / "data" / "loaders"
CODEBOOK = """\
id: terrain
label: Codes du terrain
codable: false
codes:
  - id: lien
    label: Lien social
  - id: mobilite
    label: Mobilité
  - id: freins
    label: Freins
"""
QUESTION = "Qu'avez-vous retenu de la soirée ?"


def _cli(*args: str) -> None:
    assert main(list(args)) == 0, args


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    incoming = tmp_path_factory.mktemp("recus")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "Commune", "Âge", "Date", QUESTION])
    answers = [
        ("Lons", 34, "Les gens se parlent enfin, la navette solidaire est une bonne idée."),
        (
            "Perrigny",
            58,
            "Le lien entre villages voisins, et personne ne parle du temps qui manque.",
        ),
        ("Lons", 27, "Trop tard le soir : le temps me manque pour porter un projet ici."),
        ("Conliège", 41, "La navette solidaire, enfin une idée qui relie les gens des villages."),
    ]
    for n, (town, age, text) in enumerate(answers, start=1):
        sheet.append([n, town, age, dt.datetime(2019, 11, 22), text])
    book.save(incoming / "reponses.xlsx")
    two_columns(incoming / "rapport.pdf", pages=2)
    shutil.copyfile(LOADERS / "article.html", incoming / "article.html")
    shutil.copyfile(LOADERS / "reponse.eml", incoming / "reponse.eml")

    root = tmp_path_factory.mktemp("nouveau") / "these"
    _cli("init", str(root))
    _cli("import", str(incoming / "reponses.xlsx"), "--survey", "-C", str(root))
    _cli("import", *(str(incoming / n) for n in ("rapport.pdf", "article.html", "reponse.eml")),
         "-C", str(root))  # fmt: skip
    (root / "codebook" / "terrain.yaml").write_text(CODEBOOK, encoding="utf-8")
    for doc_id, words, code in [
        ("reponses-1", "la navette solidaire est une bonne idée", "mobilite"),
        ("reponses-2", "Le lien entre villages voisins", "lien"),
        ("reponses-3", "le temps me manque", "freins"),
        ("reponses-4", "La navette solidaire", "mobilite"),
        ("reponses-4", "une idée qui relie les gens", "lien"),
        ("rapport", "Page 2, un paragraphe", "lien"),
        ("article", "une navette solidaire entre les villages", "mobilite"),
        ("reponse", "on pourra parler de la navette", "mobilite"),
    ]:
        _cli("code", "text", doc_id, words, f"terrain.{code}", "--coder", "lea", "-C", str(root))
    _cli("validate", "-C", str(root))
    _cli("run", "coding-and-agreement", "-p", "framework_rows=Commune", "-C", str(root))
    return root


RUN = "outputs/coding-and-agreement/framework_rows-Commune"  # a run named by its parameter


def _table(root: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(root / RUN / "tables" / f"{name}.csv")


def test_the_framework_matrix_has_a_row_per_value_of_the_survey_attribute(project):
    frame = _table(project, "framework_matrix_long")
    survey = frame[frame["Commune"] != "(non renseigné)"]
    counts = survey.groupby(["Commune", "code"])["n"].sum().to_dict()
    assert counts == {
        ("Conliège", "terrain.lien"): 1,
        ("Conliège", "terrain.mobilite"): 1,
        ("Lons", "terrain.freins"): 1,
        ("Lons", "terrain.mobilite"): 1,
        ("Perrigny", "terrain.lien"): 1,
    }
    others = frame[frame["Commune"] == "(non renseigné)"].set_index("code")["n"].to_dict()
    assert others == {"terrain.lien": 1, "terrain.mobilite": 2}  # the PDF, the page, the e-mail
    survey_reference = frame.loc[frame["doc_id"] == "reponses-2", "reference"].tolist()
    assert survey_reference == ["questionnaire reponses-2, 2019"]  # its Date column: the year
    wide = _table(project, "framework_matrix")
    assert {"Conliège", "Lons", "Perrigny"} <= set(wide.iloc[:, 0])


def test_codes_are_counted_by_kind_of_document(project):
    by_kind = _table(project, "frequencies_by_kind").set_index("code")
    assert by_kind.loc["terrain.mobilite", ["survey", "web_page", "email", "total"]].tolist() == [
        2,
        1,
        1,
        4,
    ]
    assert by_kind.loc["terrain.lien", "document"] == 1


def test_the_chapter_quotes_the_pdf_by_its_page(project):
    frame = _table(project, "framework_matrix_long")
    pdf = frame[frame["doc_id"] == "rapport"]
    assert pdf["reference"].str.replace("\u00a0", " ").tolist() == ["document rapport, p. 2"]
    notebook = project / RUN / "03-coding-and-agreement.ipynb"
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        assert all(output.get("output_type") != "error" for output in cell.get("outputs", []))
