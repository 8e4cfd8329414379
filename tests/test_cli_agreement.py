import csv

import pytest

from research.cli import main

TEXT = "E : Le pôle nous a aidés.\nR : Oui, la coopérative aussi.\nE : Et la mairie ?\n"


def _coding(coder, quote, code):
    start = TEXT.index(quote)
    return {
        "coder": coder,
        "doc_id": "A",
        "start": start,
        "end": start + len(quote),
        "code": code,
        "quote": quote,
        "memo": "",
        "created": "2020-01-01T00:00:00Z",
    }


@pytest.fixture
def project(tmp_path):
    assert main(["init", str(tmp_path)]) == 0
    (tmp_path / "corpus" / "documents" / "A.md").write_text(
        "---\nkind: interview\nspeakers: {E: null, R: null}\n---\n" + TEXT, encoding="utf-8"
    )
    (tmp_path / "codebook" / "sut.yaml").write_text(
        "id: sut\nlabel: Terrain\ncodable: false\ncodes:\n  - id: help\n    label: Aide reçue\n",
        encoding="utf-8",
    )
    rows = {
        "anne": [
            _coding("anne", "Le pôle nous a aidés.", "sut.help"),
            _coding("anne", "la coopérative aussi", "sut.help"),
        ],
        "bruno": [
            _coding("bruno", "Le pôle nous a aidés.", "sut.help"),
            _coding("bruno", "Et la mairie ?", "sut.help"),
        ],
    }
    for coder, codings in rows.items():
        with open(
            tmp_path / "corpus" / "codings" / f"{coder}.csv", "w", newline="", encoding="utf-8"
        ) as f:
            writer = csv.DictWriter(f, fieldnames=list(codings[0]))
            writer.writeheader()
            writer.writerows(codings)
    return tmp_path


def test_agreement_needs_a_record_of_documents_done(project, capsys):
    assert main(["agreement", "--coders", "anne", "bruno", "-C", str(project)]) == 1
    assert "coders.yaml" in capsys.readouterr().err


def test_agreement_table_and_disagreement_page(project, capsys):
    (project / "corpus" / "codings" / "coders.yaml").write_text(
        "anne: {documents: all}\nbruno: {documents: [A]}\n"
    )
    out = project / "agreement.csv"
    html = project / "disagreements.html"
    args = ["agreement", "--coders", "anne", "bruno", "--out", str(out), "--html", str(html)]
    assert main([*args, "-C", str(project)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    by_code = {row["code"]: row for row in rows}
    # three segments; anne codes 1 and 2, bruno 1 and 3: agreement on 1 of 3 segments
    assert float(by_code["sut.help"]["percent_agreement"]) == pytest.approx(1 / 3)
    page = html.read_text(encoding="utf-8")
    assert "la coopérative aussi" in page and "Et la mairie" in page


def test_agreement_with_one_coder_is_a_usage_error(project, capsys):
    assert main(["agreement", "--coders", "anne", "--infer-documents", "-C", str(project)]) == 2
    assert "at least two coders" in capsys.readouterr().err


def _done(project):
    (project / "corpus" / "codings" / "coders.yaml").write_text(
        "anne: {documents: all}\nbruno: {documents: all}\n"
    )


def test_agreement_unitizing_alphas(project, capsys):
    _done(project)
    out = project / "unitizing.csv"
    args = ["agreement", "anne", "bruno", "--unitizing", "--n-boot", "50", "--out", str(out)]
    assert main([*args, "-C", str(project)]) == 0
    printed = capsys.readouterr().out
    assert "uα" in printed and "|uα" in printed and "Cuα" in printed
    assert "resamples of the documents" in printed
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [row["code"] for row in rows] == ["sut.help"]
    # anne and bruno agree on one passage of two each: far from perfect, above chance
    assert 0 < float(rows[0]["alpha_binary"]) < 1


def test_agreement_maxqda_overlap_and_children(project, capsys):
    _done(project)
    out = project / "maxqda.csv"
    args = ["agreement", "anne", "bruno", "--maxqda", "overlap", "--include-children"]
    assert main([*args, "--out", str(out), "-C", str(project)]) == 0
    rows = {row["code"]: row for row in csv.DictReader(out.open(encoding="utf-8"))}
    assert set(rows) == {"sut", "sut.help", "(all codes)"}
    # one passage coded by both, one by each only: 2 of 4 segments agree
    assert rows["sut.help"]["agreements"] == "2" and rows["sut.help"]["total"] == "4"
    assert "kappa_bp" in rows["sut"]


def test_agreement_rejects_an_unknown_maxqda_criterion(project, capsys):
    _done(project)
    assert main(["agreement", "anne", "bruno", "--maxqda", "words", "-C", str(project)]) != 0
    assert "presence, frequency, overlap" in capsys.readouterr().err


def test_agreement_character_level_says_characters_are_not_independent(project, capsys):
    _done(project)
    args = ["agreement", "anne", "bruno", "--unit", "character", "--n-boot", "50"]
    assert main([*args, "-C", str(project)]) == 0
    assert "indépendante" in capsys.readouterr().out
