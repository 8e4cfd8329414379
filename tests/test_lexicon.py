"""The project's lexicon file and the normalisation of tokens (no spaCy model needed)."""

import pandas as pd
import pytest

from research.errors import InputError
from research.nlp import Lexicon, check_lexicon, normalise_tokens, read_lexicon


def _tokens(text: str, words: list[str], lemmas=None, pos=None, stop=None) -> pd.DataFrame:
    """Tokens of one segment, their offsets found in ``text`` in order."""
    starts, at = [], 0
    for word in words:
        at = text.index(word, at)
        starts.append(at)
        at += len(word)
    n = len(words)
    return pd.DataFrame(
        {
            "doc_id": "A",
            "seg_id": "A:0000",
            "start": starts,
            "end": [s + len(w) for s, w in zip(starts, words, strict=True)],
            "text": words,
            "lemma": lemmas or [w.lower() for w in words],
            "pos": pos or ["NOUN"] * n,
            "is_stop": stop or [False] * n,
            "is_alpha": [w.isalpha() for w in words],
            "ent_type": None,
        }
    )


def test_elisions_take_the_lemma_of_their_full_form_with_either_apostrophe():
    text = "l’atelier qu'elle jusqu’au"
    tokens = _tokens(text, ["l’", "atelier", "qu'", "elle", "jusqu’", "au"])
    out = normalise_tokens(tokens)
    assert out["lemma"].tolist() == ["le", "atelier", "que", "elle", "jusque", "au"]


def test_expressions_and_compounds_become_one_form_with_exact_offsets():
    text = "En fait, la Start-Up de Territoire a lancé le projet, c’est-à-dire l’épicerie."
    words = ["En", "fait", ",", "la", "Start", "-", "Up", "de", "Territoire", "a", "lancé", "le",
             "projet", ",", "c’", "est", "-", "à", "-", "dire", "l’", "épicerie", "."]  # fmt: skip
    tokens = _tokens(text, words, lemmas=[w.lower() for w in words[:1]] + ["faire", *words[2:]])
    out = normalise_tokens(tokens, Lexicon(compounds=("Start-Up de Territoire",)))
    merged = out.set_index("lemma")
    assert merged.loc["start-up de territoire", "text"] == "Start-Up de Territoire"
    assert merged.loc["start-up de territoire", ["pos", "is_stop"]].tolist() == ["PROPN", False]
    assert merged.loc["en fait", "is_stop"] and merged.loc["c'est-à-dire", "is_stop"]
    assert "faire" not in set(out["lemma"])
    for row in out.itertuples():
        assert text[row.start : row.end] == row.text
    assert out["start"].is_monotonic_increasing
    assert len(tokens) == len(words)  # the input is not changed


def test_corrections_stop_words_and_kept_words():
    text = "la coopé pas truc projet"
    tokens = _tokens(
        text,
        ["la", "coopé", "pas", "truc", "projet"],
        lemmas=["le", "coopé", "pas", "truc", "projet"],
        stop=[True, False, True, False, False],
    )
    lexicon = Lexicon(
        lemmas={"coopé": "coopérative", "projet": "projet collectif"},
        stopwords=frozenset({"truc"}),
        keep=frozenset({"pas"}),
    )
    out = normalise_tokens(tokens, lexicon)
    assert out["lemma"].tolist() == ["le", "coopérative", "pas", "truc", "projet collectif"]
    assert out["is_stop"].tolist() == [True, False, False, True, False]


def test_notes_in_brackets_are_stop_words():
    out = normalise_tokens(_tokens("Oui [rires] camion", ["Oui", "[", "rires", "]", "camion"]))
    assert out["is_stop"].tolist() == [False, True, True, True, False]


def test_is_word_needs_a_letter():
    out = normalise_tokens(_tokens("2019 , projet 3e", ["2019", ",", "projet", "3e"]))
    assert out["is_word"].tolist() == [False, False, True, True]


def test_the_lexicon_file_is_read_with_every_key(tmp_path):
    path = tmp_path / "lexicon.yaml"
    path.write_text(
        "# comment\nlemmas:\n  Coopé: Coopérative\n  startup: start-up\nstopwords: [truc, Hein]\n"
        "keep: pas\ncompounds:\n  - Fabrique à Entreprendre\ninterviewer: [Enquêtrice]\n",
        encoding="utf-8",
    )
    lexicon = read_lexicon(path)
    assert dict(lexicon.lemmas) == {"coopé": "coopérative", "startup": "start-up"}
    assert lexicon.stopwords == {"truc", "hein"} and lexicon.keep == {"pas"}
    assert lexicon.compounds == ("Fabrique à Entreprendre",)
    assert lexicon.interviewer == ("Enquêtrice",)
    assert read_lexicon(tmp_path / "absent.yaml") == Lexicon()


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("lemmas:\n  a: b\nstopword: [x]\n", 3, "unknown key 'stopword'"),
        ("lemmas: [a, b]\n", 1, "'lemmas' must be a mapping"),
        ("lemmas:\n  a: b\n  oui: yes\n", 3, "the lemma of 'oui' must be a word"),
        ("stopwords: {a: b}\n", 1, "'stopwords' must be a list of words"),
        ("stopwords: [pas]\nkeep: [Pas]\n", 2, "'pas' is both in 'stopwords' and in 'keep'"),
        ("lemmas:\n  a: b\n  a: c\n", 3, "appears twice"),
        ("compounds:\n  - ''\n", 1, "empty word"),
        ("- a\n- b\n", 1, "must be a mapping"),
        ("lemmas: {a: [b\n", 1, ""),
    ],
)
def test_lexicon_errors_name_the_file_and_line(tmp_path, text, line, words):
    path = tmp_path / "lexicon.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_lexicon(path)
    assert caught.value.path.endswith("lexicon.yaml")
    assert caught.value.line is not None and caught.value.line >= line
    assert words in caught.value.message
    problems = check_lexicon(path, root=tmp_path)
    assert len(problems) == 1 and problems[0].path == "lexicon.yaml"


def test_a_lexicon_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "lexicon.yaml"
    path.write_bytes("stopwords: [é]".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        read_lexicon(path)


def test_validate_names_a_wrong_lexicon_and_the_codebook_ignores_it(tmp_path):
    from research.project import init_project, open_project, validate_project

    root = tmp_path / "these"
    init_project(root)
    (root / "codebook" / "terrain.yaml").write_text(
        "id: terrain\ncodes:\n  - id: origine\n    label: Origine\n", encoding="utf-8"
    )
    lexicon = root / "codebook" / "lexicon.yaml"
    lexicon.write_text("stopwords: [truc]\ncompound: [Fabrique à Entreprendre]\n", "utf-8")
    project = open_project(root)
    assert project.paths.lexicon == lexicon
    problems = [p for p in validate_project(project) if p.severity == "error"]
    assert [(p.path, p.line) for p in problems] == [("codebook/lexicon.yaml", 2)]
    assert "did you mean 'compounds'?" in problems[0].format()
    lexicon.write_text("stopwords: [truc]\ncompounds: [Fabrique à Entreprendre]\n", "utf-8")
    project.reload()
    assert not [p for p in validate_project(project) if p.severity == "error"]
    assert project.codebook.codes["code"].tolist() == ["terrain", "terrain.origine"]
