"""The pseudonym key: entries, variants and their pseudonyms, every problem with its line,
and the setting that says where the key is."""

from __future__ import annotations

from pathlib import Path

import pytest

from research.errors import InputError, ValidationFailed
from research.privacy import check_key, derive_variant, parse_key
from research.project import open_project

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "pseudonyms.example.yaml"


def _messages(text: str) -> list[str]:
    return [p.format() for p in parse_key(text, path="k.yaml").problems]


def test_entries_forms_and_pseudonyms():
    key = parse_key(
        "- real: Hélène Cuenot\n"
        "  pseudonym: Maud Perrin\n"
        "  kind: person\n"
        "  variants: [Hélène, Cuenot, Mme Cuenot, H. C., d’Hélène, {Léna: Lou}, HELENE]\n"
        "- real: Lons-le-Saunier\n"
        "  kind: place\n"
        "  keep: true\n",
        path="k.yaml",
    )
    assert key.problems == ()
    assert [(f.text, f.replacement) for f in key.forms()] == [
        ("Hélène Cuenot", "Maud Perrin"),
        ("Hélène", "Maud"),
        ("Cuenot", "Perrin"),
        ("Mme Cuenot", "Mme Perrin"),
        ("H. C.", "M. P."),
        ("Léna", "Lou"),
    ]  # d’Hélène and HELENE are found from Hélène, elided or in capitals
    assert key.entries[1].keep and key.entries[1].kind == "place"
    assert {"lons-le-saunier", "maud perrin", "lou"} <= key.known()
    check_key(key)


@pytest.mark.parametrize(
    ("variant", "real", "pseudonym", "expected"),
    [
        ("Mme Cuenot", "Hélène Cuenot", "Maud Perrin", "Mme Perrin"),
        ("Hélène", "Hélène", "Maud Perrin", "Maud Perrin"),  # a one-word name: the whole pseudonym
        ("P.-Y.", "Pierre-Yves Grappe", "Jean-Marc Rolin", "J.-M."),
        ("PY", "Pierre-Yves Grappe", "Jean-Marc Rolin", "JM"),
        ("H.", "Hélène Cuenot", "Maud Perrin", "M."),
        ("Hélène’s", "Hélène Cuenot", "Maud Perrin", "Maud’s"),
        ("la Cuenot", "Hélène Cuenot", "Maud Perrin", "la Perrin"),
        ("Cuenot", "Marie de la Tour Cuenot", "Maud Perrin", None),  # words do not pair
        ("Léna", "Hélène Cuenot", "Maud Perrin", None),
    ],
)
def test_derive_variant(variant, real, pseudonym, expected):
    assert derive_variant(variant, real, pseudonym) == expected


def test_every_problem_is_named_with_its_line():
    messages = _messages(
        "- real: Hélène Cuenot\n"  # 1
        "  pseudonym: Maud Perrin\n"
        "  kind: persn\n"  # 3
        "  variants: [Hélène, Léna]\n"  # 4
        "  varients: [x]\n"  # 5
        "- real: Maud\n"  # 6: the real form Maud is in the pseudonym above
        "  pseudonym: Zoé\n"
        "- real: Karim\n"  # 8
        "  pseudonym: Maud Perrin\n"
        "- real: hélène\n"  # 10: a form of the first entry
        "  pseudonym: Jo\n"
        "- real: Jura\n"  # 12
        "  keep: true\n"
        "  pseudonym: Alpes\n"
        "- real: Rose\n"  # 15
        "  pseudonym: Iris\n"
        "  case_sensitive: oui\n"
        "- Gizia\n"
    )
    assert messages == [
        "error: k.yaml, line 5: unknown field 'varients' (hint: did you mean 'variants'?)",
        "error: k.yaml, line 3: unknown kind 'persn' for 'Hélène Cuenot' (hint: did you mean 'person'?)",
        "error: k.yaml, line 4: cannot tell what the variant 'Léna' of 'Hélène Cuenot' becomes in "
        "'Maud Perrin' (hint: write it with its pseudonym:  - Léna: …)",
        "error: k.yaml, line 13: 'Jura' is kept as it is (keep: true) and has a pseudonym "
        "(hint: remove 'keep: true' to replace it, or its pseudonym to keep it)",
        "error: k.yaml, line 17: 'case_sensitive' must be true or false, not 'oui'",
        "error: k.yaml, line 18: entry 7 is not a mapping ('Gizia') (hint: each entry starts with "
        "'- real: …' and has 'pseudonym: …' under it)",
        "error: k.yaml, line 10: 'hélène' is a form of two entries: 'Hélène Cuenot' (line 1) and "
        "'hélène' (hint: a form can become one pseudonym only: keep it in one entry and change "
        "the other occurrences by hand)",
        "error: k.yaml, line 1: the pseudonym 'Maud Perrin' of 'Hélène Cuenot' contains the real "
        "form 'Maud' (hint: choose a pseudonym that no real name of the key is part of: it would "
        "be replaced again, and the check would report it)",
        "error: k.yaml, line 1: the pseudonym 'Maud' of 'Hélène Cuenot' contains the real form "
        "'Maud' (hint: choose a pseudonym that no real name of the key is part of: it would be "
        "replaced again, and the check would report it)",
        "error: k.yaml, line 8: the pseudonym 'Maud Perrin' of 'Karim' contains the real form "
        "'Maud' (hint: choose a pseudonym that no real name of the key is part of: it would be "
        "replaced again, and the check would report it)",
        "error: k.yaml, line 8: 'Hélène Cuenot' (line 1) and 'Karim' have the same pseudonym "
        "'Maud Perrin' (hint: give each its own pseudonym, or readers would take them for one)",
    ]


def test_a_chain_of_pseudonyms_is_refused():
    messages = _messages("- real: Anne\n  pseudonym: Berthe\n- real: Berthe\n  pseudonym: Chloé\n")
    assert (
        len(messages) == 1
        and "the pseudonym 'Berthe' of 'Anne' contains the real form 'Berthe'" in messages[0]
    )


def test_a_form_that_is_only_part_of_a_compound_is_no_collision():
    assert _messages("- real: Jean\n  pseudonym: Luc\n- real: Paul\n  pseudonym: Jean-Marc\n") == []


def test_a_key_that_is_not_a_list_is_refused():
    with pytest.raises(InputError, match="must be a list of entries"):
        parse_key("real: Hélène\npseudonym: Maud\n", path="k.yaml")
    with pytest.raises(InputError, match="line 2"):
        parse_key("- real: [Hélène\n", path="k.yaml")
    assert len(parse_key("", path="k.yaml")) == 0


def test_an_unfinished_key_lists_the_entries_to_fill_in():
    key = parse_key(
        "- real: Hélène\n  pseudonym:\n- real: Gizia\n  kind: place\n  keep: true\n", path="k.yaml"
    )
    assert [f.text for f in key.forms()] == ["Hélène"]  # still looked for by the check
    with pytest.raises(ValidationFailed) as caught:
        check_key(key, shown="private/pseudonyms.yaml")
    assert caught.value.problems[0].format() == (
        "error: private/pseudonyms.yaml, line 1: 'Hélène' has no pseudonym yet (hint: write  "
        "pseudonym: …  under it, or  keep: true  to leave it as it is, or delete the entry)"
    )
    check_key(key, complete=False)


def test_the_example_key_of_the_demo_is_valid():
    key = parse_key(EXAMPLE.read_text(encoding="utf-8"), path=EXAMPLE)
    check_key(key)
    assert {e.real for e in key.entries if not e.keep} == {
        "Hélène Cuenot",
        "Karim Benali",
        "Julien Brocard",
    }


# -- the setting --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "line", "message"),
    [
        ("privacy: private/cle.yaml\n", 1, "'privacy' must be a mapping"),
        ("privacy:\n  clef: x.yaml\n", 2, "unknown key(s) ['clef'] under 'privacy'"),
        ("title: T\nprivacy:\n  key: [a]\n", 3, "privacy.key must be a file path"),
    ],
)
def test_a_wrong_setting_names_its_line(tmp_path, settings, line, message):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "research.yaml").write_text(settings, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        _ = open_project(tmp_path).pseudonym_key
    assert caught.value.line == line and message in caught.value.message


def test_the_key_path_setting(tmp_path):
    (tmp_path / "corpus").mkdir()
    assert (
        open_project(tmp_path).pseudonym_key == tmp_path.resolve() / "private" / "pseudonyms.yaml"
    )
    (tmp_path / "research.yaml").write_text(
        "privacy:\n  key: ../cles/these.yaml\n", encoding="utf-8"
    )
    assert (
        open_project(tmp_path).pseudonym_key == (tmp_path / ".." / "cles" / "these.yaml").resolve()
    )
