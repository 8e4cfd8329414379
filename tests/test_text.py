import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from research.text import fold, fold_with_offsets, normalise, word_count, word_counts

WORD = "Enquêtrice : « ça » ; l’été !"


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("\ufeffa", "a"),
        (unicodedata.normalize("NFD", "é"), "é"),
        ("avant\u00a0: après\u202f!", "avant\u00a0: après\u202f!"),
    ],
)
def test_normalise(raw, stored):
    assert normalise(raw) == stored


def test_fold_strips_accents_and_case():
    assert fold("ÉCOLE Coopérative l’Œuvre") == "ecole cooperative l'œuvre"


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_fold_with_offsets_maps_every_character_back(text):
    folded, origin = fold_with_offsets(text)
    assert len(origin) == len(folded) + 1
    assert origin[-1] == len(text)
    assert all(origin[i] <= origin[i + 1] for i in range(len(origin) - 1))
    for i, ch in enumerate(folded):
        assert ch in fold(text[origin[i]])


def test_word_count_french():
    assert word_count("L’atelier d’aujourd’hui : c’est « top » !") == 4


def _words_by_hand(text):
    """Reference count, one character at a time: a word is a run of letters, digits
    or '_' (BMP only) that may contain ' ’ or - between two such characters."""
    letter = [(c.isalnum() or c == "_") and ord(c) < 0x10000 for c in text]
    inside = list(letter)
    for i in range(1, len(text) - 1):
        if text[i] in "'’-" and letter[i - 1] and letter[i + 1]:
            inside[i] = True
    return sum(1 for i, w in enumerate(inside) if w and (i == 0 or not inside[i - 1]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", 0), ("-", 0), ("a-", 1), ("a--b", 2), ("l’a", 1), ("😀a😀b", 2), ("𝐀𝐁 c", 1), ("_x_", 1)],
)
def test_word_count_edges(text, expected):
    assert word_count(text) == expected == _words_by_hand(text)


@given(st.lists(st.text(alphabet="ab é’'-😀𝐀_1 \n.", max_size=30), max_size=6))
def test_word_counts_in_one_pass_equal_counting_by_hand(texts):
    assert word_counts(texts) == [_words_by_hand(t) for t in texts]
    assert [word_count(t) for t in texts] == [_words_by_hand(t) for t in texts]


@given(st.lists(st.text(alphabet="ab é’'-😀 \n.", max_size=12), max_size=8))
def test_word_counts_in_small_groups_equal_counting_by_hand(texts):
    from unittest import mock

    with mock.patch("research.text._GROUP_CHARS", 7):
        assert word_counts(texts) == [_words_by_hand(t) for t in texts]
