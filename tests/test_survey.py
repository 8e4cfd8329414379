"""Survey spreadsheets: one document per respondent, open answers as text, typed attributes."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from research import analysis
from research.cli import main
from research.corpus import Corpus, read_corpus, read_survey
from research.errors import InputError
from research.project import open_project

QUESTION_1 = "Qu'avez-vous retenu de la soirée ?"
QUESTION_2 = "Qu'est-ce qui vous freine pour porter un projet ?"
HEADER = ["N° répondant", "Commune", "Âge", "Satisfaction", "Date de réponse", "Déjà venu",
          QUESTION_1, QUESTION_2]  # fmt: skip
ANSWERS = [
    [101, "Lons-le-Saunier", 34, 3.5, dt.datetime(2019, 11, 22), "oui",
     "Les gens se parlent enfin entre villages voisins,\net les élus écoutent.",
     "Le temps, surtout le soir après le travail."],
    [102, "Perrigny", 58, 4, dt.datetime(2019, 11, 23), "non",
     "Une énergie incroyable dans la salle des fêtes ce soir-là.", None],
    [103, "Lons-le-Saunier", 27, 2.5, dt.datetime(2019, 11, 22), "non", None, None],
    [104, "Conliège", 41, 5, dt.datetime(2019, 11, 24), "oui",
     "La navette solidaire : une idée simple qui pourrait vraiment marcher ici.",
     "Rien, je me lance avec le groupe de travail mobilité.\n\nMerci à l'équipe du pôle."],
]  # fmt: skip


def workbook(path: Path, rows=ANSWERS, header=HEADER) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def answers(tmp_path) -> Path:
    return workbook(tmp_path / "reponses soirée.xlsx")


def test_one_document_per_respondent_with_answers_under_their_question(answers):
    survey = read_survey(answers)
    assert [d.metadata["id"] for d in survey.documents] == [
        "reponses-soiree-101",
        "reponses-soiree-102",
        "reponses-soiree-104",
    ]
    assert survey.documents[0].text == (
        f"# {QUESTION_1}\n\nLes gens se parlent enfin entre villages voisins,\n"
        f"et les élus écoutent.\n\n# {QUESTION_2}\n\nLe temps, surtout le soir après le travail.\n"
    )
    assert survey.open_columns == [QUESTION_1, QUESTION_2] and survey.detected
    assert survey.id_column == "N° répondant"
    assert survey.left_out == [4]


def test_closed_answers_are_typed_attributes(answers):
    meta = read_survey(answers).documents[0].metadata
    assert meta == {
        "id": "reponses-soiree-101",
        "N° répondant": 101,
        "Commune": "Lons-le-Saunier",
        "Âge": 34,
        "Satisfaction": 3.5,
        "Date de réponse": "2019-11-22",
        "Déjà venu": True,
        "survey_row": 2,
    }
    assert read_survey(answers).attributes == {
        "N° répondant": "integer",
        "Commune": "category",
        "Âge": "integer",
        "Satisfaction": "number",
        "Date de réponse": "date",
        "Déjà venu": "yes/no",
    }


def test_each_answer_is_a_segment_labelled_by_its_question(answers):
    docs = read_survey(answers).documents
    corpus = Corpus.from_loaded([(d.metadata["id"], "", d) for d in docs])
    segs = corpus.segments_of("reponses-soiree-104")
    assert segs[["section", "text"]].values.tolist() == [
        [QUESTION_1, "La navette solidaire : une idée simple qui pourrait vraiment marcher ici."],
        [QUESTION_2, "Rien, je me lance avec le groupe de travail mobilité."],
        [QUESTION_2, "Merci à l'équipe du pôle."],
    ]
    assert corpus.document("reponses-soiree-104")["Âge"] == 41


def test_a_semicolon_csv_whose_questions_hold_commas_and_multiline_cells(tmp_path):
    path = tmp_path / "enquete.csv"
    path.write_text(
        'id;Tranche d\'âge;"Votre avis, en quelques mots ?"\n'
        '1;30-39;"Très bien, vraiment ;\nà refaire l\'an prochain."\n'
        "2;40-49;Trop long pour moi, il faudrait finir avant 22 heures\n",
        encoding="utf-8",
    )
    survey = read_survey(path)
    assert survey.open_columns == ["Votre avis, en quelques mots ?"]
    assert survey.documents[0].text == (
        "# Votre avis, en quelques mots ?\n\nTrès bien, vraiment ;\nà refaire l'an prochain.\n"
    )
    assert survey.documents[1].metadata["Tranche d'âge"] == "40-49"


def test_a_tab_separated_file_with_columns_named_by_letter(tmp_path):
    path = tmp_path / "enquete.tsv"
    path.write_text(
        'Code\tAvis\tRemarque\nA7\tbien\t"Deux lignes,\nune seule réponse"\nB2\tmoyen\tcourt\n',
        encoding="utf-8",
    )
    survey = read_survey(path, id_column="a", open_columns=["B", "Rem"])
    assert [d.metadata["id"] for d in survey.documents] == ["enquete-A7", "enquete-B2"]
    assert (
        survey.documents[0].text
        == "# Avis\n\nbien\n\n# Remarque\n\nDeux lignes,\nune seule réponse\n"
    )
    assert not survey.detected


def test_a_reserved_header_is_renamed_and_a_date_column_is_the_date(tmp_path):
    text = (
        "title,date,kind,Commentaire libre\n"
        "Atelier,22/11/2019,soirée,Un moment fort pour tout le village et ses environs\n"
    )
    survey = read_survey(io.StringIO(text), name="s.csv", open_columns=["Commentaire libre"])
    meta = survey.documents[0].metadata
    assert meta["id"] == "s-002"
    assert meta["title_questionnaire"] == "Atelier" and meta["kind_questionnaire"] == "soirée"
    assert meta["date"] == "2019-11-22"


@pytest.mark.parametrize(
    ("options", "message", "hint"),
    [
        ({"open_columns": ["Comune"]}, "no column named 'Comune'", "did you mean 'Commune'"),
        ({"open_columns": ["Avis du public"]}, "no column named", "B: Commune; C: Âge"),
        ({"id_column": "Commune"}, "same respondent id 'Lons-le-Saunier'", "Commune"),
        ({"open_columns": ["Âge"], "id_column": "Âge"}, "cannot be both", "--id"),
    ],
)
def test_bad_columns_are_named_with_the_fix(answers, options, message, hint):
    with pytest.raises(InputError) as caught:
        read_survey(answers, **options)
    assert message in str(caught.value) and str(answers) in str(caught.value)
    assert hint in caught.value.hint


def test_no_free_text_asks_for_the_open_columns(tmp_path):
    path = workbook(tmp_path / "ferme.xlsx", [[1, "oui"], [2, "non"]], ["id", "Satisfait"])
    with pytest.raises(InputError, match="no column of open answers") as caught:
        read_survey(path)
    assert "--open" in caught.value.hint


# -- through the command line, on a project of one's own ------------------------------


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "these"
    assert main(["init", str(root)]) == 0
    (root / "codebook" / "terrain.yaml").write_text(
        "id: terrain\nlabel: Terrain\ncodable: false\ncodes:\n"
        "  - id: lien\n    label: Lien social\n  - id: frein\n    label: Freins\n",
        encoding="utf-8",
    )
    return root


def test_import_survey_then_code_and_compare_codes_by_an_attribute(project, answers, capsys):
    capsys.readouterr()
    assert main(["import", str(answers), "--survey", "-C", str(project)]) == 0
    out = capsys.readouterr().out
    assert f"open answers (detected as long free text): {QUESTION_1!r}; {QUESTION_2!r}" in out
    assert "respondent id: column 'N° répondant'" in out
    assert "left out (no open answer): row 4" in out
    assert (
        "imported corpus/documents/surveys/reponses-soiree-101.md from reponses soirée.xlsx: "
        "survey (inferred from its file format)"
    ) in out
    corpus, problems = read_corpus(project / "corpus" / "documents")
    assert problems == [] and len(corpus) == 3
    for doc_id, words, code in [
        ("reponses-soiree-101", "Les gens se parlent enfin", "terrain.lien"),
        ("reponses-soiree-101", "Le temps, surtout le soir", "terrain.frein"),
        ("reponses-soiree-102", "Une énergie incroyable", "terrain.lien"),
        ("reponses-soiree-104", "La navette solidaire", "terrain.lien"),
    ]:
        assert (
            main(["code", "text", doc_id, words, code, "--coder", "lea", "-C", str(project)]) == 0
        )
    proj = open_project(project)
    matrix = analysis.code_attribute_matrix(proj.codings, proj.corpus.documents, "Commune")
    assert matrix.to_dict("index") == {
        "terrain.frein": {"Conliège": 0, "Lons-le-Saunier": 1, "Perrigny": 0, "total": 1},
        "terrain.lien": {"Conliège": 1, "Lons-le-Saunier": 1, "Perrigny": 1, "total": 3},
    }
    came = analysis.code_frequencies(proj.codings, proj.corpus.documents, by="Déjà venu")
    assert came.set_index(["Déjà venu", "code"])["n"].to_dict() == {
        ("True", "terrain.frein"): 1,
        ("True", "terrain.lien"): 2,
        ("False", "terrain.frein"): 0,
        ("False", "terrain.lien"): 1,
    }
    assert main(["validate", "-C", str(project)]) == 0


def test_id_and_open_need_survey(project, answers, capsys):
    assert main(["import", str(answers), "--open", "Commune", "-C", str(project)]) == 1
    assert "add --survey" in capsys.readouterr().err
    assert not list((project / "corpus" / "documents").rglob("*.md"))


def test_a_survey_with_a_bad_column_imports_nothing(project, answers, capsys):
    assert main(["import", str(answers), "--survey", "--open", "Avis", "-C", str(project)]) == 1
    err = capsys.readouterr().err
    assert "no column named 'Avis'" in err
    assert not list((project / "corpus" / "documents").rglob("*.md"))


def test_front_matter_of_a_respondent_reads_back_typed(project, answers):
    assert main(["import", str(answers), "--survey", "-C", str(project)]) == 0
    text = (project / "corpus/documents/surveys/reponses-soiree-104.md").read_text(encoding="utf-8")
    assert text.startswith("---\nid: reponses-soiree-104\n")
    assert "Âge: 41\n" in text and "Satisfaction: 5.0\n" in text and "Déjà venu: true\n" in text
    documents = open_project(project).corpus.documents.set_index("doc_id")
    assert documents.loc["reponses-soiree-104", "kind"] == "survey"
    assert pd.api.types.is_numeric_dtype(documents["Âge"])


def test_a_semicolon_file_with_a_comma_in_a_question_and_a_multiline_answer(tmp_path):
    path = tmp_path / "enquete.csv"
    path.write_text(
        "N° répondant;Commune;Qu'avez-vous retenu, en quelques mots ?;Qu'est-ce qui vous freine ?\n"
        '1;Lons;"Les gens se parlent enfin entre villages voisins,\n'
        'et les élus écoutent vraiment.";Le temps, surtout le soir après le travail.\n'
        "2;Perrigny;Une énergie incroyable dans la salle des fêtes ce soir-là, vraiment.;\n",
        encoding="utf-8",
    )
    survey = read_survey(path)
    assert survey.id_column == "N° répondant" and survey.attributes == {
        "N° répondant": "integer",
        "Commune": "category",
    }
    assert [d.metadata["id"] for d in survey.documents] == ["enquete-1", "enquete-2"]
    assert "voisins,\net les élus écoutent vraiment.\n" in survey.documents[0].text
