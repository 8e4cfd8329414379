"""Tests of research.analysis: French typography, cuts, references and the quotes table."""

from __future__ import annotations

import pandas as pd
import pytest

from research.analysis import (
    CATEGORY_ROLES,
    NBSP,
    format_verbatim,
    french_typography,
    mark_cuts,
    quotes_table,
    reference,
    role_label,
    shorten,
)
from research.errors import InputError, SchemaError


@pytest.fixture(scope="module")
def actors(data_dir):
    return pd.read_csv(data_dir / "analysis" / "actors.csv")


@pytest.fixture(scope="module")
def documents(data_dir):
    return pd.read_csv(data_dir / "analysis" / "documents.csv")


def visible(text: str) -> str:
    """No-break spaces shown as ``~`` so that tests see them."""
    return text.replace(NBSP, "~")


# ------------------------------------------------------------------ typography


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Et je me disais : c’est absurde", "Et je me disais~: c’est absurde"),
        ("Vraiment ? Oui ! Bon ; voilà", "Vraiment~? Oui~! Bon~; voilà"),
        ("Il a dit « non »", "Il a dit “non”"),
        ("Oh, repos... Le lundi", "Oh, repos… Le lundi"),
        ("une ligne\net  l’autre\n\n", "une ligne et l’autre"),
        ("déjà\u00a0: insécable", "déjà~: insécable"),
        ("déjà\u202f? fine", "déjà~? fine"),
        ("http://exemple.fr", "http://exemple.fr"),
    ],
)
def test_french_typography(raw, expected):
    assert visible(french_typography(raw)) == expected


def test_french_typography_keeps_every_letter_and_apostrophe():
    raw = "L’épicerie d’Élodie, c’était ça’ — «  là  » ?"
    out = french_typography(raw)
    letters = [ch for ch in raw if ch.isalnum() or ch == "’"]
    assert [ch for ch in out if ch.isalnum() or ch == "’"] == letters


def test_french_typography_narrow_space_and_outer_guillemets():
    out = french_typography("« Là ? »", nbsp="\u202f", inner_quotes=False)
    assert out == "«\u202fLà\u202f?\u202f»"


# ----------------------------------------------------------------------- cuts


def test_shorten_cuts_between_words_and_marks_the_cut():
    text = "Le post-it vert, je l’ai collé et je suis partie acheter mes poireaux."
    out = shorten(text, 30)
    assert out == "Le post-it vert, je l’ai collé […]"
    assert text.startswith(out.removesuffix(" […]"))


def test_shorten_middle_keeps_both_ends():
    text = "Le post-it vert, je l’ai collé et je suis partie acheter mes poireaux."
    out = shorten(text, 40, cut="middle")
    head, tail = out.split(" […] ")
    assert text.startswith(head) and text.endswith(tail)
    assert len(head) <= 20 and len(tail) <= 21


def test_shorten_a_single_long_word_is_cut_inside():
    assert shorten("Anticonstitutionnellement", 10) == "Anticonsti […]"


def test_shorten_errors():
    with pytest.raises(InputError, match="positive"):
        shorten("abc", 0)
    with pytest.raises(InputError, match="cut must be"):
        shorten("abc def ghi", 4, cut="start")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a proposé d’animer des ateliers", "[…] a proposé d’animer des ateliers […]"),
        ("Il a dit non.", "Il a dit non."),
        ("Il a dit : “non”", "Il a dit : “non”"),
        ("Élodie hésite,", "Élodie hésite […]"),
        ("Pourquoi pas ?", "Pourquoi pas ?"),
        ("déjà coupé […]", "[…] déjà coupé […]"),
        ("(rires)", "(rires)"),
        ("", ""),
    ],
)
def test_mark_cuts(text, expected):
    assert mark_cuts(text) == expected


def test_format_verbatim_marks_cuts_unless_asked_not_to():
    row = {"doc_id": "N", "kind": "note", "quote": "a proposé d’animer des ateliers"}
    assert visible(format_verbatim(row)) == "«~[…] a proposé d’animer des ateliers […]~» (note N)"
    assert (
        visible(format_verbatim(row, cuts=False)) == "«~a proposé d’animer des ateliers~» (note N)"
    )


# ----------------------------------------------------------------------- roles


def test_role_label_from_category_and_description(actors):
    assert role_label("P10", actors=actors) == "porteuse de projet"
    assert role_label("P05", actors=actors) == "élu"
    assert role_label("P04", actors=actors) == "chercheuse"
    assert role_label("P16", actors=actors) == "citoyenne"


def test_role_label_gender_column_wins_over_description(actors):
    reg = actors.assign(gender=["m", "f", "", "", "", "", ""])
    assert role_label("P04", actors=reg) == "chercheur"
    assert role_label("P05", actors=reg) == "élue"
    assert role_label("P10", actors=reg) == "porteuse de projet"


def test_role_label_overrides(actors):
    reg = actors.assign(role=[None, "vice-président d’ECLA", None, None, None, None, None])
    assert role_label("P05", actors=reg) == "vice-président d’ECLA"
    assert role_label("P05", actors=reg, roles={"P05": "élu communautaire"}) == "élu communautaire"


def test_role_label_unknown_actor_and_category():
    assert role_label("P99", category="support_org") == CATEGORY_ROLES["support_org"][0]
    assert role_label("P99", category="new_kind") == "new kind"
    assert role_label(None) is None


def test_role_label_rejects_a_wrong_registry():
    with pytest.raises(InputError, match="actor registry"):
        role_label("P01", actors={"P01": "x"})
    with pytest.raises(SchemaError, match="actor_id"):
        role_label("P01", actors=pd.DataFrame({"id": ["P01"]}))


# ------------------------------------------------------------------ references


def test_reference_pseudonym_and_code(actors):
    row = {"doc_id": "INT01", "actor": "P10", "respondent": "P10", "date": "2019-12-16"}
    assert reference(row, actors=actors) == "Élodie, porteuse de projet, 2019"
    assert reference(row, actors=actors, style="code") == "INT01, porteuse de projet, 2019"
    assert reference(row, actors=actors, first_name=False).startswith("Élodie Fournier,")


def test_reference_another_speaker_than_the_respondent(actors):
    row = {"doc_id": "INT01", "actor": "P04", "respondent": "P10", "date": "2019-12-16"}
    assert reference(row, actors=actors, style="code") == "P04, chercheuse, 2019"
    assert reference(row, actors=actors) == "Camille, chercheuse, 2019"


def test_reference_documents_without_speaker():
    assert reference({"doc_id": "JDB-2019-04-09", "kind": "logbook", "date": "2019-04-09"}) == (
        "journal de bord JDB-2019-04-09, 2019"
    )
    assert reference({"doc_id": "X", "kind": None}) == "document X"


def test_reference_year_from_timestamp_or_year_column():
    row = {"doc_id": "N", "kind": "note", "date": pd.Timestamp("2018-06-19")}
    assert reference(row) == "note N, 2018"
    assert reference({"doc_id": "N", "kind": "note", "year": 2017}) == "note N, 2017"


def test_reference_errors():
    with pytest.raises(InputError, match="style must be"):
        reference({"doc_id": "A"}, style="initials")
    with pytest.raises(SchemaError, match="no doc_id"):
        reference({"quote": "x"})


# ------------------------------------------------------------------- verbatims


def test_format_verbatim_full(actors):
    row = pd.Series(
        {
            "doc_id": "INT01",
            "kind": "interview",
            "date": "2019-12-16",
            "respondent": "P10",
            "actor": "P10",
            "quote": "Il m’a dit : « Vous voulez le porter ? »",
        }
    )
    out = format_verbatim(row, actors=actors)
    assert (
        visible(out)
        == "«~Il m’a dit~: “Vous voulez le porter~?”~» (Élodie, porteuse de projet, 2019)"
    )


def test_format_verbatim_uses_text_when_no_quote():
    row = {
        "doc_id": "CR01",
        "kind": "minutes",
        "date": "2017-11-23",
        "quote": None,
        "text": "Décision : on y va.",
    }
    assert visible(format_verbatim(row)) == "«~Décision~: on y va.~» (compte rendu CR01, 2017)"


def test_format_verbatim_cut_and_narrow_space():
    row = {
        "doc_id": "N",
        "kind": "note",
        "quote": "Un deux trois quatre cinq six sept huit neuf dix.",
    }
    out = format_verbatim(row, max_chars=20, nbsp="\u202f")
    assert out == "«\u202fUn deux trois quatre […]\u202f» (note N)"


def test_format_verbatim_without_text_names_the_passage():
    with pytest.raises(SchemaError, match="'INT01' at 12 has no text"):
        format_verbatim({"doc_id": "INT01", "start": 12, "quote": "  "})


# ---------------------------------------------------------------- quotes table


def test_quotes_table_joins_documents_and_speakers(data_dir, actors, documents):
    codings = pd.read_csv(data_dir / "analysis" / "codings.csv")
    segments = pd.read_csv(data_dir / "analysis" / "segments.csv")
    camille = codings[codings["coder"] == "camille"].iloc[[1, 4, 6]]
    table = quotes_table(camille, documents=documents, segments=segments, actors=actors)
    assert list(table.columns) == [*camille.columns, "verbatim", "reference", "citation"]
    assert table["reference"].tolist() == [
        "Élodie, porteuse de projet, 2019",
        "Bernard, élu, 2020",
        "compte rendu CR01, 2017",
    ]
    assert visible(table.loc[0, "verbatim"]) == "«~“Vous voulez le porter~?”~»"
    assert table.loc[2, "citation"] == f"{table.loc[2, 'verbatim']} (compte rendu CR01, 2017)"


def test_quotes_table_anonymous_codes(data_dir, actors, documents):
    codings = pd.read_csv(data_dir / "analysis" / "codings.csv").iloc[[0, 4]]
    table = quotes_table(codings, documents=documents, actors=actors, style="code")
    assert table["reference"].tolist() == ["INT01, porteuse de projet, 2019", "INT02, élu, 2020"]
    assert not table["citation"].str.contains("Élodie|Bernard").any()


def test_quotes_table_does_not_modify_its_input(data_dir, documents):
    codings = pd.read_csv(data_dir / "analysis" / "codings.csv")
    before = codings.copy()
    quotes_table(codings, documents=documents, max_chars=10)
    pd.testing.assert_frame_equal(codings, before)


def test_quotes_table_empty_and_errors(documents):
    empty = pd.DataFrame({"doc_id": [], "quote": []})
    assert quotes_table(empty, documents=documents).empty
    with pytest.raises(SchemaError, match="no 'doc_id'"):
        quotes_table(pd.DataFrame({"quote": ["x"]}))
    with pytest.raises(SchemaError, match="neither a 'quote' nor a 'text'"):
        quotes_table(pd.DataFrame({"doc_id": ["A"]}))
    with pytest.raises(SchemaError, match="'A' at 3 has no text"):
        quotes_table(pd.DataFrame({"doc_id": ["A"], "start": [3], "quote": [None]}))


def test_quotes_table_on_retrieved_passages(actors):
    from research.codebook import Codebook
    from research.coding import retrieve
    from research.corpus import Corpus

    text = "Enquêtrice : Et la soirée ?\nÉlodie : On y est allés à trois cents, c’était fou !"
    corpus = Corpus.from_texts(
        {"INT03": text},
        metadata={"INT03": {"kind": "interview", "date": "2019-12-16", "respondent": "P10",
                            "speakers": {"Enquêtrice": "P04", "Élodie": "P10"}}},
    )  # fmt: skip
    book = Codebook.from_frame(pd.DataFrame({"code": ["ant", "ant.enrolment"]}))
    start = text.index("On y")
    codings = pd.DataFrame({"coder": ["a"], "doc_id": ["INT03"], "start": [start],
                            "end": [len(text)], "code": ["ant.enrolment"],
                            "quote": [text[start:]], "memo": [""], "created": [None]})  # fmt: skip
    table = quotes_table(retrieve(codings, corpus, book, "ant"), actors=actors)
    assert visible(table.loc[0, "citation"]) == (
        "«~On y est allés à trois cents, c’était fou~!~» (Élodie, porteuse de projet, 2019)"
    )
