"""Finding and replacing names: whole words, any case and accents, French elision,
longest form first, and offsets that follow the replacement exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from research.privacy import Form, NameMatcher, Region, form_key, map_offsets, replace_names

KEY = NameMatcher(
    [
        Form("Hélène Cuenot", "Maud Perrin"),
        Form("Hélène", "Maud"),
        Form("Mme Cuenot", "Mme Perrin"),
        Form("Jean", "Luc"),
        Form("Roger", "Émile"),
        Form("Yves", "Bruno"),
        Form("Karim", "Yanis"),
        Form("Rose", "Iris", case_sensitive=True),
        Form("Pierre-Yves", "Jean-Marc"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bonjour Hélène.", "Bonjour Maud."),
        ("HÉLÈNE CUENOT parle", "MAUD PERRIN parle"),  # capitals kept
        ("hélène", "maud"),  # lower case kept
        ("Helene Cuenot", "Maud Perrin"),  # without accents
        ("Hélène\nCuenot", "Maud\nPerrin"),  # the line break between words kept
        ("Hélène\u00a0Cuenot", "Maud\u00a0Perrin"),
        ("Mme Cuenot a dit", "Mme Perrin a dit"),
        ("le vélo d’Hélène", "le vélo de Maud"),  # elision undone before a consonant
        ("le vélo d'Hélène", "le vélo de Maud"),
        ("D’Hélène", "De Maud"),
        ("qu’Hélène vienne", "que Maud vienne"),
        ("le garage de Roger", "le garage d’Émile"),  # elision made before a vowel
        ("le garage de Karim", "le garage de Yanis"),  # no elision before Yanis
        ("l’avis d’Yves", "l’avis de Bruno"),
        ("Hélène’s shop", "Maud’s shop"),  # possessive
        ("Jean-Paul et Jean", "Jean-Paul et Luc"),  # not inside a compound name
        ("Jeanne, Jeannot, Hélènes", "Jeanne, Jeannot, Hélènes"),  # not inside longer words
        ("2Jean Jean2 _Jean_", "2Jean Jean2 _Luc_"),
        ("Pierre-Yves et Pierre‑Yves", "Jean-Marc et Jean-Marc"),  # any hyphen
        ("une veste rose, Rose et ROSE", "une veste rose, Iris et IRIS"),  # case-sensitive form
    ],
)
def test_replace_names(text, expected):
    assert replace_names(text, KEY).text == expected


def test_the_longest_form_wins():
    matches = KEY.find("Hélène Cuenot, Hélène, Mme Cuenot")
    assert [(m.text, m.form.text) for m in matches] == [
        ("Hélène Cuenot", "Hélène Cuenot"),
        ("Hélène", "Hélène"),
        ("Mme Cuenot", "Mme Cuenot"),
    ]


def test_a_form_without_pseudonym_is_found_but_not_replaced():
    matcher = NameMatcher([Form("Gizia")])
    assert [m.text for m in matcher.find("à GIZIA")] == ["GIZIA"]
    assert replace_names("à GIZIA", matcher).text == "à GIZIA"


def test_form_key():
    assert form_key("  Pierre\u2011Yves\nCUENOT ") == "pierre-yves cuenot"
    assert form_key("Vrac’n Roule") == form_key("vrac'n  roule")


def test_map_offsets_inside_at_and_around_regions():
    # "Chez Hélène Cuenot." -> "Chez Maud Perrin."
    regions = [Region(5, 11, "Maud"), Region(12, 18, "Perrin")]
    assert map_offsets(regions, [0, 5, 8, 11, 12, 15, 18, 19]).tolist() == [
        0,
        5,
        5,
        9,
        10,
        10,
        16,
        17,
    ]
    assert map_offsets(regions, [8, 15], side="end").tolist() == [9, 16]
    assert map_offsets([], [3, 4]).tolist() == [3, 4]


NAMES = ["Hélène", "HÉLÈNE CUENOT", "d’Hélène", "de Roger", "Karim", "Jean-Paul", "Rose", "rose"]
FILLER = st.text(alphabet="ab é’'-\n.,", max_size=6)


@st.composite
def texts_and_spans(draw):
    parts = draw(st.lists(st.tuples(FILLER, st.sampled_from(NAMES)), max_size=6))
    text = "".join(filler + name for filler, name in parts) + draw(FILLER)
    spans = draw(
        st.lists(
            st.tuples(st.integers(0, len(text)), st.integers(0, len(text)))
            .map(sorted)
            .filter(lambda s: s[0] < s[1]),
            max_size=8,
        )
    )
    return text, spans


@given(texts_and_spans())
def test_every_passage_follows_the_replacement(case):
    text, spans = case
    replaced = replace_names(text, KEY)
    new = replaced.text
    for start, end in spans:
        a = int(map_offsets(replaced.regions, [start], side="start")[0])
        b = int(map_offsets(replaced.regions, [end], side="end")[0])
        assert 0 <= a < b <= len(new)
        # no character outside the names is lost: each keeps its place inside the passage
        kept = [
            i for i in range(start, end) if not any(r.start <= i < r.end for r in replaced.regions)
        ]
        for i in kept:
            j = int(map_offsets(replaced.regions, [i])[0])
            assert a <= j < b and new[j] == text[i]
    # nothing of the key is left but what a case-sensitive form does not take
    assert all(m.form.text == "Rose" for m in KEY.find(new) if m.form.replacement is None)
    assert not [m for m in KEY.find(new) if m.form.replacement and m.text not in ("Jean-Paul",)]


@given(texts_and_spans())
def test_replacing_twice_changes_nothing(case):
    once = replace_names(case[0], KEY).text
    assert replace_names(once, KEY).text == once
