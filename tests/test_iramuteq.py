"""The IRaMuTeQ export: the format IRaMuTeQ reads, and the command that writes it."""

from __future__ import annotations

import re

import pytest

from research.cli import main
from research.corpus import Corpus
from research.errors import InputError
from research.exchange import iramuteq_corpus

TEXT = (
    "*Entretien dans le camion.*\n\n"
    "Enquêtrice : Et l’épicerie ?\n\n"
    "Élodie : [rires] Le *vrac*, c’est le commerce d’avant\u00a0! [00:12:50] Mon_idée.\n\n"
    "Enquêtrice : Merci.\n"
)
SPEAKERS = {"Enquêtrice": "P04", "Élodie": "P10"}


@pytest.fixture
def corpus() -> Corpus:
    return Corpus.from_texts(
        {"INT03": TEXT, "CR-1": "Un marché de producteurs.\n\nUne épicerie."},
        metadata={
            "INT03": {"kind": "interview", "speakers": SPEAKERS, "edition": "SUT2016",
                      "respondent_category": "project_holder", "organisation_type": "enterprise"},
            "CR-1": {"kind": "minutes", "edition": "SUT2017", "theme": "local_services"},
        },
    )  # fmt: skip


def _texts(exported: str) -> list[tuple[str, str]]:
    """(star line, text) of each IRaMuTeQ text, as IRaMuTeQ splits a corpus."""
    parts = re.split(r"^(\*\*\*\* .*)$", exported, flags=re.M)
    return [(parts[i], parts[i + 1].strip()) for i in range(1, len(parts), 2)]


def test_one_text_per_document_with_starred_variables(corpus):
    exported = iramuteq_corpus(corpus)
    texts = _texts(exported)
    assert [line for line, _ in texts] == [
        "**** *doc_INT03 *type_entretien *edition_SUT2016 *categorie_porteurs_de_projet "
        "*organisation_entreprises_creees",
        "**** *doc_CR_1 *type_compte_rendu *edition_SUT2017",
    ]
    for line, _ in texts:  # a variable is *name_value: letters, digits and '_' only
        assert all(re.fullmatch(r"\*[a-z]+_[A-Za-z0-9_]+", v) for v in line.split()[1:])
    interview = texts[0][1]
    assert interview == "_rires_ Le vrac, c'est le commerce d'avant ! Mon idée."
    assert texts[1][1] == "Un marché de producteurs.\nUne épicerie."
    assert exported.endswith("\n") and "\r" not in exported


def test_the_interviewer_is_left_out_unless_asked_and_turns_can_be_texts(corpus):
    everyone = iramuteq_corpus(corpus, include_interviewer=True, attributes=[])
    assert "Et l'épicerie ?" in everyone and "Entretien dans le camion." in everyone
    turns = _texts(iramuteq_corpus(corpus, unit="turn", attributes=["edition"]))
    assert turns[0] == ("**** *doc_INT03 *edition_SUT2016 *locuteur_Elodie",
                        "_rires_ Le vrac, c'est le commerce d'avant ! Mon idée.")  # fmt: skip
    by_actor = iramuteq_corpus(corpus, interviewer=[], interviewer_actors=["P10"], attributes=[])
    assert "Et l'épicerie ?" in by_actor and "vrac" not in by_actor


def test_bad_arguments_are_named(corpus):
    with pytest.raises(InputError, match="no document attribute 'categorie'"):
        iramuteq_corpus(corpus, attributes=["categorie"])
    with pytest.raises(InputError, match="unknown unit"):
        iramuteq_corpus(corpus, unit="paragraph")
    assert iramuteq_corpus(Corpus.from_texts({})) == ""


def test_the_command_writes_the_file(tmp_path, capsys):
    root = tmp_path / "these"
    assert main(["init", str(root)]) == 0
    folder = root / "corpus" / "documents"
    (folder / "INT03.md").write_text(
        "---\nkind: interview\nedition: SUT2016\nspeakers:\n  Enquêtrice: P04\n  Élodie: P10\n"
        "---\n\n" + TEXT,
        encoding="utf-8",
    )
    (root / "codebook" / "lexicon.yaml").write_text("interviewer: [Élodie]\n", encoding="utf-8")
    target = tmp_path / "corpus-iramuteq.txt"
    assert main(["export", "iramuteq", str(target), "-a", "edition", "-C", str(root)]) == 0
    assert "written" in capsys.readouterr().out
    texts = _texts(target.read_text(encoding="utf-8"))
    # the lexicon names Élodie as the interviewer: only the Enquêtrice's turns are left
    assert texts == [("**** *doc_INT03 *edition_SUT2016", "Et l'épicerie ?\nMerci.")]
    assert main(["export", "iramuteq", str(tmp_path / "x.csv"), "-C", str(root)]) == 1
    assert "IRaMuTeQ reads corpora from .txt files" in capsys.readouterr().err
    assert main(["export", "iramuteq", str(target), "--kind", "minute", "-C", str(root)]) == 1
    assert "unknown document kind 'minute'" in capsys.readouterr().err
    assert main(["export", "--help"]) == 0
    assert "Export for other software and for the thesis" in capsys.readouterr().out


def test_text_lines_never_read_as_a_text_mark_or_a_theme():
    # IRaMuTeQ's reader starts a text at a line beginning with '****' and a theme
    # at a line beginning with '-*': a document's own lines must never do either.
    corpus = Corpus.from_texts({"A": "**** *x_y\n\n-*theme\n\n- * liste\n\nLe _mot_ *gras*."})
    exported = iramuteq_corpus(corpus)
    lines = exported.splitlines()
    assert lines[0] == "**** *doc_A *type_document"
    assert not any(line.startswith(("****", "-*")) for line in lines[1:])
    assert lines[1:] == ["x y", "-theme", "liste", "Le mot gras."]
