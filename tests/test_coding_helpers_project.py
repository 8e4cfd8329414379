"""Dictionaries and suggestions on a project made the way a new user makes one.

``research init``, ``research import`` of interview transcripts, a codebook
written by hand, codings made with ``research code`` and in a notebook session;
then ``research autocode`` and ``research suggest`` with the French model, and
their review through the command line.
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pandas as pd
import pytest

from research.cli import main
from research.coding import CodingSession, load_codings
from research.project import open_project
from research.suggest import read_rejections, read_suggestions

pytestmark = pytest.mark.slow

CODEBOOK = """\
id: terrain
label: Codes du terrain
codable: false
codes:
  - id: cooperation
    label: Coopération
  - id: hasard
    label: Un code sans mots à lui
  - id: lieux
    label: Lieux
"""
COOPERATION = [
    "Qu’on coopère avec les autres associations, c’est ce qui nous a sauvés.",
    "L’entraide entre les producteurs a tout changé pour la coopérative.",
    "Nous avons mutualisé le camion et partagé les tournées avec nos voisins.",
    "La coopération avec la mairie s’est faite naturellement, dans la confiance.",
    "On s’est serré les coudes, on a coopéré pour acheter la chambre froide ensemble.",
    "Les bénévoles ont mis en commun leurs outils et leur temps.",
]
NEUTRAL = [
    "Le marché ouvre le samedi matin sur la place de l’église.",
    "Il a fallu refaire le toit du hangar avant l’hiver.",
    "Mes enfants vont au collège à Lons, il y a trente minutes de route.",
    "J’ai commencé en 2016, après une formation en comptabilité.",
    "Le loyer du local était trop cher pour une activité qui démarre.",
    "On a changé trois fois de logiciel de caisse cette année-là.",
    "La saison touristique dure à peine deux mois ici.",
    "Il pleuvait beaucoup ce printemps, les récoltes étaient en retard.",
]
DICTIONARY = """\
label: Coopération
rules:
  - id: coop
    code: terrain.cooperation
    lemmas: [coopérer, coopération, entraide]
    ignore_accents: true
    exclude:
      - lemmas: [ne, pas, jamais]
        window: 2
  - id: coudes
    code: terrain.cooperation
    phrases: ["se serrer les coudes"]
  - id: lieux
    code: terrain.lieux
    words: [hangar, "place de l'église"]
    unit: match
"""


def _cli(*args: str) -> None:
    assert main(list(args)) == 0, args


def _interview(rng: random.Random, n: int) -> tuple[str, list[bool]]:
    lines, planted = [], []
    for i in range(n):
        lines.append(f"Enquêtrice : Et ensuite, question {i} ?")
        cooperative = rng.random() < 0.35
        sentences = rng.sample(NEUTRAL, 2) + (rng.sample(COOPERATION, 2) if cooperative else [])
        rng.shuffle(sentences)
        lines.append("Répondant : " + " ".join(sentences))
        planted.append(cooperative)
    return "\n\n".join(lines) + "\n", planted


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("helpers") / "these"
    incoming = tmp_path_factory.mktemp("incoming")
    rng = random.Random(11)
    truth = {}
    for d in range(14):
        text, planted = _interview(rng, 8)
        (incoming / f"entretien-{d:02d}.txt").write_text(text, encoding="utf-8")
        truth[f"entretien-{d:02d}"] = planted
    _cli("init", str(root))
    _cli(
        "import", *sorted(map(str, incoming.glob("*.txt"))), "--kind", "interview", "-C", str(root)
    )
    (root / "codebook" / "terrain.yaml").write_text(CODEBOOK, encoding="utf-8")
    _cli(
        "code", "text", "entretien-00", "question 3", "terrain.lieux", "-c", "lea", "-C", str(root)
    )
    session = CodingSession(open_project(root), "lea")
    segments = session.corpus.segments
    answers = segments[segments["speaker"] == "Répondant"]
    rng = random.Random(5)
    for doc_id, group in answers.groupby("doc_id"):
        if int(doc_id[-2:]) >= 10:  # four interviews left to code
            continue
        for seg_id, planted in zip(group["seg_id"], truth[doc_id], strict=True):
            if planted:
                session.code_segment(seg_id, "terrain.cooperation")
            if rng.random() < 0.3:
                session.code_segment(seg_id, "terrain.hasard")
    session.save()
    (root / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


def test_validate_names_a_dictionary_mistake_with_its_line(project, capsys):
    folder = project / "codebook" / "dictionaries"
    folder.mkdir(exist_ok=True)
    bad = folder / "brouillon.yaml"
    bad.write_text("rules:\n  - code: terrain.cooperatoin\n    lemmas: [coopérer]\n", "utf-8")
    assert main(["validate", "-C", str(project)]) == 1
    err = capsys.readouterr().err
    assert (
        "codebook/dictionaries/brouillon.yaml, line 2: rule 'terrain.cooperatoin#1': unknown code"
        in err
    )
    assert "did you mean 'terrain.cooperation'?" in err
    bad.unlink()
    _cli("validate", "-C", str(project))


def test_autocode_dry_run_then_apply_then_nothing_twice(project, tmp_path, capsys):
    (project / "codebook" / "dictionaries").mkdir(exist_ok=True)
    (project / "codebook" / "dictionaries" / "cooperation.yaml").write_text(DICTIONARY, "utf-8")
    before = (project / "corpus" / "codings" / "lea.csv").read_bytes()
    _cli(
        "autocode",
        "cooperation",
        "--coder",
        "lea",
        "--dry-run",
        "--out",
        str(tmp_path / "m.csv"),
        "-C",
        str(project),
    )
    out = capsys.readouterr().out
    assert "nothing saved (--dry-run)" in out
    assert (project / "corpus" / "codings" / "lea.csv").read_bytes() == before
    matches = pd.read_csv(tmp_path / "m.csv")
    assert {"coop", "coudes", "lieux"} <= set(matches["rule"])
    text = open_project(project).corpus.text
    for row in matches.itertuples():  # exact offsets, elisions and accents included
        assert text(row.doc_id)[row.match_start : row.match_end] == row.matched
    matched = set(matches["matched"])
    assert {"coopère", "entraide", "coopéré"} <= matched and "Qu’on" not in matched
    assert any("serré les coudes" in m for m in matched)
    assert {"hangar", "place de l’église"} <= matched
    _cli("autocode", "cooperation", "--coder", "tom", "-C", str(project))
    assert "; saved for tom" in capsys.readouterr().out
    saved = load_codings(project / "corpus" / "codings")
    tom = saved[saved["coder"] == "tom"]
    assert (
        len(tom)
        and tom["memo"].str.startswith("Codage automatique : dictionnaire cooperation").all()
    )
    places = tom[tom["code"] == "terrain.lieux"]
    assert set(places["quote"]) == {"hangar", "place de l’église"}
    after = (project / "corpus" / "codings" / "tom.csv").read_bytes()
    _cli("autocode", "cooperation", "--coder", "tom", "-C", str(project))
    assert ": 0 new coding(s)" in capsys.readouterr().out
    assert (project / "corpus" / "codings" / "tom.csv").read_bytes() == after


def test_suggest_reports_reviews_and_remembers(project, tmp_path, capsys):
    truth = json.loads((project / "truth.json").read_text("utf-8"))
    out = tmp_path / "suggestions.csv"
    _cli("suggest", "--coder", "lea", "--out", str(out), "-C", str(project))
    printed = capsys.readouterr().out
    lines = {line.split()[0]: line for line in printed.splitlines() if line.startswith("terrain.")}
    assert lines["terrain.cooperation"].endswith("suggests")
    assert lines["terrain.hasard"].endswith("below_baseline")
    assert lines["terrain.lieux"].endswith("too_few_examples")
    provenance = json.loads(out.with_name("suggestions.provenance.json").read_text("utf-8"))
    assert provenance["coder"] == "lea" and provenance["features"]["streams"] == ["lemmas", "words"]
    assert sorted(provenance["training_documents"]) == [f"entretien-{d:02d}" for d in range(10)]
    assert len(provenance["codebook_version"]) == 12
    rows = read_suggestions(out)
    assert set(rows["code"]) == {"terrain.cooperation"}
    assert set(rows["doc_id"]) <= {f"entretien-{d:02d}" for d in range(10, 14)}
    corpus = open_project(project).corpus
    segments = corpus.segments.set_index("seg_id")
    planted = [
        truth[segments.at[s, "doc_id"]][(int(s[-4:]) - 1) // 2] for s in rows["seg_id"]
    ]  # answers are the odd segments
    assert sum(planted) / len(planted) >= 0.8
    frame = pd.read_csv(out, dtype=object, keep_default_na=False)
    frame.loc[0, "decision"], frame.loc[1, "decision"] = "accept", "non"
    frame.to_csv(out, index=False)
    _cli("suggest", "review", str(out), "--coder", "lea", "-C", str(project))
    assert "1 accepted (coded for lea), 1 rejected (remembered)" in capsys.readouterr().out
    codings = load_codings(project / "corpus" / "codings")
    accepted = codings.merge(rows.iloc[[0]][["doc_id", "start", "end", "code"]])
    assert accepted["memo"].iloc[0].startswith(f"Suggestion du modèle {rows['model'].iloc[0]}")
    rejected = read_rejections(project / "corpus" / "codings", "lea")
    assert rejected[["doc_id", "start"]].values.tolist() == [
        [rows.iloc[1]["doc_id"], str(rows.iloc[1]["start"])]
    ]
    again = tmp_path / "again.csv"
    _cli("suggest", "--coder", "lea", "--out", str(again), "-C", str(project))
    second = read_suggestions(again)
    assert not set(second["seg_id"]) & set(rows["seg_id"].iloc[:2])
    assert set(rows["seg_id"].iloc[2:]) & set(second["seg_id"])  # the undecided ones remain


def test_interactive_review_asks_for_each_undecided_suggestion(
    project, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "s.csv"
    _cli(
        "suggest",
        "--coder",
        "lea",
        "--uncertain",
        "--limit",
        "3",
        "--out",
        str(out),
        "-C",
        str(project),
    )
    rows = read_suggestions(out)
    assert len(rows) == 3
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("a\nx\nr\nq\n"))
    _cli("suggest", "review", str(out), "--coder", "lea", "--interactive", "-C", str(project))
    shown = capsys.readouterr().out
    assert "[1/3] terrain.cooperation" in shown and "words that weighed most:" in shown
    assert "1 accepted (coded for lea), 1 rejected (remembered), 1 left undecided" in shown
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    _cli("suggest", "review", str(out), "--coder", "lea", "--interactive", "-C", str(project))
    assert "[1/1]" in capsys.readouterr().out  # the decided ones are not asked again


def test_a_user_mistake_is_one_line_without_traceback(project, tmp_path, capsys):
    assert main(["suggest", "--coder", "nobody", "-C", str(project)]) == 1
    assert "unknown coder 'nobody'" in capsys.readouterr().err
    assert (
        main(
            [
                "suggest",
                "review",
                str(tmp_path / "missing.csv"),
                "--coder",
                "lea",
                "-C",
                str(project),
            ]
        )
        == 1
    )
    assert "no such file" in capsys.readouterr().err
    assert main(["autocode", "nothing", "--coder", "lea", "-C", str(project)]) == 1
    assert "unknown dictionary 'nothing'" in capsys.readouterr().err
