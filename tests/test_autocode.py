"""Dictionaries: reading and checking their files, matching their rules, applying them.

Most tests match on token tables written here as :func:`research.nlp.annotate`
and :func:`research.nlp.normalise_tokens` would give them (so that they run
without the French model); the tests marked slow run the model, on in-memory
texts and on a project made the way a new user makes one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from research.autocode import (
    Dictionary,
    Exclusion,
    Rule,
    Terms,
    check_dictionaries,
    dictionary_files,
    find_dictionary,
    match_dictionary,
    read_dictionary,
)
from research.codebook import Codebook, read_codebook
from research.coding import CodingSession, load_codings
from research.corpus import Corpus
from research.errors import InputError, UnknownIdError, ValidationFailed

ELIDED = {"l'": "le", "d'": "de", "qu'": "que", "n'": "ne", "s'": "se", "j'": "je"}
LEMMAS = {
    "coopère": "coopérer",
    "coopérons": "coopérer",
    "cooperons": "coopérer",
    "coopérative": "coopératif",
    "fait": "faire",
    "font": "faire",
    "ateliers": "atelier",
    "confiance": "confiance",
    "entreprendre": "entreprendre",
    "cooperative": "cooperatif",
}
TOKEN = re.compile(r"[^\W\d_]+['’]|\w+|[^\w\s]")


def tokens_of(corpus: Corpus) -> pd.DataFrame:
    """Tokens as the normalised annotation has them: elided words in full, lemmas in lower case."""
    rows = []
    for seg in corpus.segments.itertuples(index=False):
        for m in TOKEN.finditer(seg.text):
            text = m.group(0)
            low = text.lower().replace("’", "'")
            lemma = ELIDED.get(low) or LEMMAS.get(low, low)
            rows.append(
                (
                    seg.doc_id,
                    seg.seg_id,
                    seg.start + m.start(),
                    seg.start + m.end(),
                    text,
                    lemma,
                    "X",
                    low in ELIDED,
                    text[0].isalpha(),
                    "",
                    bool(re.search(r"[^\W\d_]", text)),
                )
            )
    return pd.DataFrame(
        rows,
        columns=[
            "doc_id",
            "seg_id",
            "start",
            "end",
            "text",
            "lemma",
            "pos",
            "is_stop",
            "is_alpha",
            "ent_type",
            "is_word",
        ],
    )


CORPUS = Corpus.from_texts(
    {
        "INT01": "Enquêtrice : Et l’atelier ?\n"
        "Élodie : Qu’on coopère, c’est la base. On ne coopère pas toujours.\n"
        "Enquêtrice : Et la confiance ?\n"
        "Élodie : Ils font confiance à la COOPERATIVE d’Entreprendre.\n",
        "CR01": "# Atelier\n\nLes ateliers : nous coopérons, la Coopérative fait confiance.\n",
    },
    metadata={
        "INT01": {"kind": "interview", "speakers": {"Enquêtrice": "P04", "Élodie": "P10"}},
        "CR01": {"kind": "minutes"},
    },
)
TOKENS = tokens_of(CORPUS)
BOOK = Codebook.from_frame(
    pd.DataFrame(
        {
            "code": ["sut", "sut.coop", "sut.trust", "sut.places"],
            "codable": [False, True, True, True],
        }
    )
)


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _match(*rules: Rule, **options) -> pd.DataFrame:
    return match_dictionary(Dictionary("test", rules), CORPUS, TOKENS, **options)


# -- files ----------------------------------------------------------------------------------


def test_a_dictionary_file_is_read_with_its_defaults(tmp_path):
    path = _write(
        tmp_path,
        "coop.yaml",
        """\
label: Coopération
unit: match
kinds: [interview]
rules:
  - code: sut.coop
    lemmas: [coopér*, "faire confiance"]
    exclude:
      - lemmas: [ne, pas]
        window: 2
  - id: confiance
    code: sut.trust
    words: [confiance]
    unit: segment
    kinds: null
""",
    )
    book = read_dictionary(path)
    assert (book.name, book.label, book.codes) == ("coop", "Coopération", ("sut.coop", "sut.trust"))
    first, second = book.rules
    assert (first.id, first.unit, first.kinds, first.line) == (
        "sut.coop#1",
        "match",
        ("interview",),
        5,
    )
    assert first.terms.lemmas == ("coopér*", "faire confiance")
    assert first.exclude[0].window == 2 and first.exclude[0].terms.lemmas == ("ne", "pas")
    assert (second.id, second.unit, second.kinds) == ("confiance", "segment", None)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "rules:\n  - code: a\n    lemma: [x]\n",
            3,
            "unknown key 'lemma' in a rule (hint: did you mean 'lemmas'?)",
        ),
        ("rules:\n  - code: a\n", 2, "the rule of 'a' looks for nothing"),
        ("rules:\n  - lemmas: [x]\n", 2, "a rule needs a 'code'"),
        ("rules: []\n", 1, "a dictionary needs a 'rules:' list"),
        (
            "unit: phrase\nrules:\n  - {code: a, lemmas: [x]}\n",
            1,
            "'unit' must be 'segment' or 'match'",
        ),
        ("rules:\n  - code: a\n    lemmas: ['*op']\n", 3, "'*' may only end a word"),
        (
            "rules:\n  - code: a\n    lemmas: [x]\n    exclude: [{lemmas: [pas], window: -1}]\n",
            4,
            "'window' must be a whole number",
        ),
        ("rules:\n  - code: a\n    patterns: [[{LEMA: faire}]]\n", 3, "bad spaCy pattern"),
        (
            "rules:\n  - {id: r, code: a, lemmas: [x]}\n  - {id: r, code: b, lemmas: [y]}\n",
            3,
            "two rules have the id 'r' (lines 2 and 3)",
        ),
        (
            "rules:\n  - code: a\n    lemmas: [x]\n    ignore_accents: oui\n",
            4,
            "must be true or false",
        ),
        (
            "rules:\n  - code: a\n    lemmas: x\n  code: b\n",
            4,
            "could not parse|not valid YAML|mapping",
        ),
    ],
)
def test_a_mistake_names_the_file_and_line(tmp_path, text, line, message):
    path = _write(tmp_path, "d.yaml", text)
    with pytest.raises(ValidationFailed) as caught:
        read_dictionary(path)
    problem = caught.value.problems[0]
    assert problem.path.endswith("d.yaml") and problem.line == line, problem
    assert re.search(message if "|" in message else re.escape(message), problem.format())


def test_validation_names_unknown_and_category_codes(tmp_path):
    folder = tmp_path / "dictionaries"
    _write(
        folder,
        "a.yaml",
        "rules:\n  - code: sut.cop\n    lemmas: [x]\n  - code: sut\n    lemmas: [y]\n",
    )
    _write(folder, "_old.yaml", "not: a dictionary\n")
    problems = check_dictionaries(folder, codebook=BOOK, root=tmp_path)
    assert [(p.path, p.line) for p in problems] == [
        ("dictionaries/a.yaml", 2),
        ("dictionaries/a.yaml", 4),
    ]
    assert "unknown code 'sut.cop'" in problems[0].message and problems[0].hint.startswith(
        "did you mean 'sut.coop'"
    )
    assert "is a category" in problems[1].message
    assert [p.name for p in dictionary_files(folder)] == ["a.yaml"]


def test_dictionaries_are_found_by_name_and_are_not_codebooks(tmp_path):
    folder = tmp_path / "codebook"
    _write(folder, "sut.yaml", "id: sut\ncodes:\n  - id: coop\n")
    _write(
        folder / "dictionaries", "cooperation.yaml", "rules:\n  - {code: sut.coop, lemmas: [x]}\n"
    )
    book, problems = read_codebook(folder)
    assert book.ids == ["sut", "sut.coop"] and problems == []
    assert find_dictionary(folder / "dictionaries", "cooperation").name == "cooperation.yaml"
    with pytest.raises(UnknownIdError, match="did you mean 'cooperation'"):
        find_dictionary(folder / "dictionaries", "cooperatoin")


# -- matching -------------------------------------------------------------------------------


def test_lemmas_find_every_form_and_elided_words_with_exact_offsets():
    found = _match(Rule("coop", "sut.coop", Terms(lemmas=("coopérer",)), unit="match"))
    assert found["matched"].tolist() == ["coopère", "coopère", "coopérons"]
    for row in found.itertuples():
        assert CORPUS.text(row.doc_id)[row.start : row.end] == row.matched
    assert found["start"].tolist()[:2] == [
        CORPUS.text("INT01").index("coopère"),
        CORPUS.text("INT01").rindex("coopère"),
    ]
    elided = _match(Rule("r", "sut.places", Terms(lemmas=("l’atelier", "qu'on")), unit="match"))
    assert elided["matched"].tolist() == ["l’atelier", "Qu’on"]


def test_a_prefix_a_sequence_and_accents():
    prefix = _match(Rule("r", "sut.coop", Terms(lemmas=("coopér*",)), unit="match"))
    assert prefix["matched"].tolist() == ["coopère", "coopère", "coopérons", "Coopérative"]
    sequence = _match(Rule("r", "sut.trust", Terms(lemmas=("faire confiance",)), unit="match"))
    assert sequence["matched"].tolist() == ["font confiance", "fait confiance"]
    accents = _match(
        Rule("r", "sut.coop", Terms(lemmas=("cooperatif",)), ignore_accents=True, unit="match")
    )
    assert accents["matched"].tolist() == ["COOPERATIVE", "Coopérative"]
    strict = _match(Rule("r", "sut.coop", Terms(lemmas=("cooperatif",)), unit="match"))
    assert strict["matched"].tolist() == ["COOPERATIVE"]  # accents count by default


def test_words_are_found_in_the_text_whatever_the_case_accents_and_apostrophes():
    words = Terms(words=("coopérative d'entreprendre",))
    found = _match(Rule("r", "sut.coop", words, unit="match", ignore_accents=True))
    assert found["matched"].tolist() == ["COOPERATIVE d’Entreprendre"]
    assert _match(Rule("r", "sut.coop", words, unit="match")).empty  # accents count by default
    cased = _match(
        Rule("r", "sut.coop", Terms(words=("Coopérative",)), ignore_case=False, unit="match")
    )
    assert cased["doc_id"].tolist() == ["CR01"]
    whole = _match(Rule("r", "sut.coop", Terms(words=("coop",)), unit="match"))
    assert whole.empty  # whole words only


def test_a_negation_near_a_match_excludes_it():
    rule = Rule(
        "r",
        "sut.coop",
        Terms(lemmas=("coopérer",)),
        unit="match",
        exclude=(Exclusion(Terms(lemmas=("ne", "pas")), window=1),),
    )
    found = _match(rule)
    assert found["excluded_by"].tolist() == ["", "lemmes ne, pas", ""]
    far = Rule(
        "r",
        "sut.coop",
        Terms(lemmas=("coopérer",)),
        unit="match",
        exclude=(Exclusion(Terms(words=("base",)), window=0),),
    )
    assert _match(far)["excluded_by"].tolist() == ["", "", ""]


def test_restrictions_keep_kinds_speakers_sections_and_categories():
    terms = Terms(lemmas=("coopérer",))
    kinds = _match(Rule("r", "sut.coop", terms, kinds=("minutes",)))
    assert kinds["doc_id"].tolist() == ["CR01"]
    assert kinds[["start", "end"]].values.tolist() == [
        CORPUS.segments.query("doc_id == 'CR01'")[["start", "end"]].values.tolist()[0]
    ]  # the whole segment: the default unit
    speakers = _match(Rule("r", "sut.coop", terms, speakers=("P10",)))
    assert set(speakers["speaker"]) == {"Élodie"}
    sections = _match(Rule("r", "sut.coop", terms, sections=("Atel*",)))
    assert sections["doc_id"].tolist() == ["CR01"]
    actors = pd.DataFrame(
        {"actor_id": ["P04", "P10"], "category": ["researcher", "project_holder"]}
    )
    categories = _match(Rule("r", "sut.coop", terms, categories=("project_holder",)), actors=actors)
    assert categories["doc_id"].tolist() == ["INT01", "INT01"]
    with pytest.raises(InputError, match="no actor registry"):
        _match(Rule("r", "sut.coop", terms, categories=("project_holder",)))


def test_phrases_and_spacy_patterns():
    phrase = Rule("r", "sut.trust", Terms(phrases=("ils font confiance",)), unit="match")
    found = _match(phrase, phrase_lemmas={"ils font confiance": ["il", "faire", "confiance"]})
    assert found.empty  # 'ils' is its own lemma in these tokens
    found = _match(phrase, lemmatiser=lambda ps: {p: ["faire", "confiance"] for p in ps})
    assert found["matched"].tolist() == ["font confiance", "fait confiance"]
    pattern = Terms(patterns=(({"LEMMA": "faire"}, {"LOWER": "confiance"}),))
    assert len(_match(Rule("r", "sut.trust", pattern, unit="match"))) == 2


# -- applying -------------------------------------------------------------------------------


def test_applying_codes_each_segment_once_and_rerunning_adds_nothing(tmp_path):
    folder = tmp_path / "codebook"
    _write(
        folder / "dictionaries",
        "coop.yaml",
        "rules:\n  - {id: coop, code: sut.coop, lemmas: [coopérer]}\n"
        "  - {id: faire, code: sut.coop, lemmas: [faire confiance]}\n",
    )
    (tmp_path / "codings").mkdir()
    session = CodingSession(
        None,
        "lea",
        corpus=CORPUS,
        codebook=BOOK,
        folder=tmp_path / "codings",
        codebook_folder=folder,
    )
    seen = session.autocode("coop", dry_run=True, tokens=TOKENS)
    assert session.pending == 0 and set(seen["status"]) == {"new"}
    made = session.autocode("coop", tokens=TOKENS)
    session.save()
    saved = load_codings(tmp_path / "codings")
    assert len(saved) == 3 == made[["doc_id", "start", "end"]].drop_duplicates().shape[0]
    segment = saved[saved["doc_id"] == "CR01"].iloc[0]
    assert segment["memo"] == (
        "Codage automatique : dictionnaire coop, règles coop, faire (« coopérons », « fait confiance »)"
    )
    again = session.autocode("coop", tokens=TOKENS)
    assert set(again["status"]) == {"already coded"}
    session.save()
    assert len(load_codings(tmp_path / "codings")) == 3


@pytest.mark.slow
def test_elisions_and_accents_with_the_french_model():
    from research.nlp import annotate, normalise_tokens

    corpus = Corpus.from_texts(
        {"A": "L’atelier d’entreprendre ? Qu’on coopère ! La cooperation, l'Atelier."}
    )
    tokens = normalise_tokens(annotate(corpus))
    rule = Rule(
        "r",
        "sut.coop",
        Terms(lemmas=("l’atelier", "d'entreprendre", "qu’on coopérer", "coopération")),
        unit="match",
        ignore_accents=True,
    )
    found = match_dictionary(Dictionary("d", (rule,)), corpus, tokens)
    text = corpus.text("A")
    assert found["matched"].tolist() == [
        "L’atelier",
        "d’entreprendre",
        "Qu’on coopère",
        "cooperation",
        "l'Atelier",
    ]
    for row in found.itertuples():
        assert text[row.match_start : row.match_end] == row.matched
