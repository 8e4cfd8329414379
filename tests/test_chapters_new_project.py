"""Every standard chapter on a project made the way a new user makes one.

A researcher runs ``research init``, imports their own minutes, a Transcriber
interview and a ``.docx``, writes a small codebook and codes a few passages:
no edition tables, no actor registry, no ``respondent_category``. Every chapter
must run and say, in French, what it could not do and why. The same with only
edition tables and no documents, and with a second coder.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pandas as pd
import pytest

from research.cli import main

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parent / "data"
CODEBOOK = """\
id: terrain
label: Codes du terrain
codable: false
codes:
  - id: cooperation
    label: Coopération
  - id: origine
    label: Origine du projet
  - id: territoire
    label: Ancrage territorial
  - id: freins
    label: Freins
"""
CHAPTERS = {
    "corpus-overview": "01-corpus-overview.ipynb",
    "editions-review": "02-editions-review.ipynb",
    "coding-and-agreement": "03-coding-and-agreement.ipynb",
    "institutional-work": "04-institutional-work.ipynb",
    "actor-network": "05-actor-network.ipynb",
    "lexicometry": "06-lexicometry.ipynb",
}


def _cli(*args: str) -> None:
    assert main(list(args)) == 0, args


def _code(root: Path, coder: str, passages: list[tuple[str, str, str]]) -> None:
    for doc_id, words, code in passages:
        _cli("code", "text", doc_id, words, f"terrain.{code}", "--coder", coder, "-C", str(root))


def _run_all(root: Path, *chapters: str) -> None:
    _cli("run", *chapters, "--jobs", "2", "-C", str(root))


def _shown(root: Path, chapter: str) -> str:
    """Everything the executed notebook shows: its Markdown, printed text and text outputs."""
    path = root / "outputs" / chapter / "default" / CHAPTERS[chapter]
    texts = []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "error", output
            data = output.get("data", {})
            text = output.get("text") or data.get("text/markdown") or data.get("text/plain") or ""
            texts.append("".join(text))
    return "\n".join(texts)


def _tables(root: Path, chapter: str) -> set[str]:
    folder = root / "outputs" / chapter / "default" / "tables"
    return {p.stem for p in folder.glob("*.csv")} if folder.is_dir() else set()


@pytest.fixture(scope="module")
def documents_only(tmp_path_factory) -> Path:
    """Three imported documents, a codebook of four codes, one coder, no tables."""
    root = tmp_path_factory.mktemp("new") / "these"
    _cli("init", str(root))
    loaders = DATA / "loaders"
    docx = tmp_path_factory.mktemp("incoming") / "entretien-elodie.docx"
    shutil.copyfile(loaders / "entretien.docx", docx)
    _cli("import", str(loaders / "compte-rendu.odt"), "--kind", "minutes", "-C", str(root))
    _cli(
        "import", str(loaders / "entretien.trs"), str(docx), "--kind", "interview", "-C", str(root)
    )
    (root / "codebook" / "terrain.yaml").write_text(CODEBOOK, encoding="utf-8")
    _code(
        root,
        "lea",
        [
            ("entretien", "La mairie a suivi", "territoire"),
            ("entretien", "La Fabrique nous a orientés", "cooperation"),
            ("entretien-elodie", "Lors de la Start-Up de Territoire", "origine"),
            ("compte-rendu", "Un marché de producteurs", "cooperation"),
        ],
    )
    _cli("validate", "-C", str(root))
    _run_all(root)
    return root


def test_the_new_project_has_the_standard_chapters(documents_only):
    names = sorted(p.name for p in (documents_only / "notebooks").iterdir())
    assert names == sorted(["chapters.yaml", *CHAPTERS.values()])


def test_corpus_overview_groups_by_document_and_speakers_by_label(documents_only):
    shown = _shown(documents_only, "corpus-overview")
    assert "3 documents" in shown
    assert "n'ont pas d'attribut `respondent_category`" in shown and "par document" in shown
    assert "pas de registre des acteurs" in shown and "par leur nom" in shown
    assert {"documents_by_kind", "interviews_by_doc_id", "speech_by_group", "concordance"} <= (
        _tables(documents_only, "corpus-overview")
    )
    speech = pd.read_csv(
        documents_only / "outputs/corpus-overview/default/tables/speech_by_group.csv"
    )
    assert {"Enquêtrice", "Élodie Fournier", "Élodie"} <= set(speech["group"])


def test_editions_review_names_the_tables_it_needs_and_stops(documents_only):
    shown = _shown(documents_only, "editions-review")
    assert "Le bilan des éditions a besoin des tables `editions`, `workshops`" in shown
    assert "docs/formats.md" in shown and "s'arrête ici" in shown
    assert _tables(documents_only, "editions-review") == set()


def test_coding_chapter_analyses_the_only_coder_without_agreement(documents_only):
    shown = _shown(documents_only, "coding-and-agreement")
    assert "**4** codages de **lea** (tous les codes)" in shown
    assert "Un seul codeur a codé ce projet (codeurs : lea)" in shown
    tables = _tables(documents_only, "coding-and-agreement")
    assert {"frequencies_by_kind", "frequencies_by_speaker", "framework_matrix"} <= tables
    assert "agreement" not in tables
    kinds = pd.read_csv(
        documents_only / "outputs/coding-and-agreement/default/tables/frequencies_by_kind.csv"
    )
    assert kinds.set_index("code").loc["terrain.cooperation", "total"] == 2


def test_coding_chapter_shows_saturation_relations_and_portrait_and_exports(documents_only):
    shown = _shown(documents_only, "coding-and-agreement")
    assert "il faut au moins 6 entretiens codés pour évaluer la saturation, ce projet en a 2" in (
        shown
    )
    assert "ne sont rattachés à aucune édition" in shown
    assert {"saturation", "code_relations", "code_document_matrix", "document_portrait"} <= (
        _tables(documents_only, "coding-and-agreement")
    )
    out = documents_only / "export" / "chapitre-03.docx"
    _cli("export", "chapter", "03", "--docx", str(out), "-C", str(documents_only))
    word = docx.Document(out)
    captions = [p.text for p in word.paragraphs if p.style.name == "Caption"]
    assert any("Saturation" in c for c in captions) and any("Portrait" in c for c in captions)
    assert "Codage et accord inter-codeurs" in [p.text for p in word.paragraphs]


def test_institutional_work_says_there_are_no_iw_codes(documents_only):
    shown = _shown(documents_only, "institutional-work")
    assert "n'a pas de codes `iw.*`" in shown
    assert _tables(documents_only, "institutional-work") == set()


def test_network_says_which_tables_it_needs(documents_only):
    shown = _shown(documents_only, "actor-network")
    assert "besoin des tables `workshops`, `participations`" in shown
    assert "n'a pas de codes `ant.*`" in shown


def test_lexicometry_says_what_a_small_project_cannot_give(documents_only):
    shown = _shown(documents_only, "lexicometry")
    assert "Corpus analysé : 2 entretiens" in shown
    assert "n'ont pas d'attribut `respondent_category`" in shown
    assert "ne se rattachent pas à deux éditions" in shown
    assert "Trop peu de texte pour une classification" in shown
    tables = _tables(documents_only, "lexicometry")
    assert {"lexical_summary", "frequent_forms", "specificities_by_attribute"} <= tables
    summary = pd.read_csv(documents_only / "outputs/lexicometry/default/tables/lexical_summary.csv")
    assert summary.loc[0, "segments"] > 0 and summary.loc[0, "forms"] > 10
    assert "reinert_classes" not in tables


def test_a_second_coder_brings_the_agreement_section(documents_only):
    _code(
        documents_only,
        "tom",
        [
            ("entretien", "La mairie a suivi", "territoire"),
            ("entretien", "La Fabrique nous a orientés", "cooperation"),
            ("compte-rendu", "Un marché de producteurs", "origine"),
        ],
    )
    _run_all(documents_only, "coding-and-agreement")
    shown = _shown(documents_only, "coding-and-agreement")
    assert "Un seul codeur" not in shown and "2 documents comparés" in shown
    folder = documents_only / "outputs/coding-and-agreement/default"
    agreement = pd.read_csv(folder / "tables" / "agreement.csv")
    assert {"terrain.cooperation", "terrain.origine", "terrain.territoire"} <= set(
        agreement["code"]
    )
    unitizing = pd.read_csv(folder / "tables" / "unitizing.csv")
    assert set(agreement["code"]) - {"(all codes)"} <= set(unitizing["code"])
    summary = pd.read_csv(folder / "tables" / "unitizing_summary.csv")
    assert {"uα", "|uα", "Cuα"} <= set(summary["coefficient"])
    assert "tirages des 2 documents comparés" in shown
    found = pd.read_csv(folder / "quotes" / "disagreements.csv")
    assert sorted(zip(found["code"], found["who"], strict=True)) == [
        ("terrain.cooperation", "seul lea"),
        ("terrain.origine", "seul tom"),
    ]


def test_edition_tables_without_documents(tmp_path):
    root = tmp_path / "these"
    _cli("init", str(root))
    for table in (DATA / "network").glob("*.csv"):
        shutil.copyfile(table, root / "corpus" / "tables" / table.name)
    _run_all(root)
    overview = _shown(root, "corpus-overview")
    assert "Aucun document dans `corpus/documents/`" in overview and "research import" in overview
    assert {"editions_summary", "funnel_by_edition", "associations"} <= _tables(
        root, "editions-review"
    )
    assert "Ce projet n'a encore aucun codage" in _shown(root, "coding-and-agreement")
    assert "research.CodingSession" in _shown(root, "coding-and-agreement")
    assert "Aucun document à analyser" in _shown(root, "lexicometry")
    network = _shown(root, "actor-network")
    assert "Graphes par édition : SUT2016" in network and "Animateur suivi" in network
    assert {"graph_measures", "node_measures", "animator_trajectory"} <= _tables(
        root, "actor-network"
    )
