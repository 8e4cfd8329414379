"""Tests of research.editions: look-ups by id, label and alias, and their errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from research.editions import Actors, normalise_name
from research.errors import InputError, SchemaError, ValidationFailed

GOOD = Path(__file__).parent / "data" / "tables" / "good"


@pytest.fixture
def actors() -> Actors:
    return Actors.from_folder(GOOD)


def test_from_folder_reads_the_registry(actors):
    assert len(actors) == 12
    assert "P10" in actors and "P99" not in actors
    assert list(actors)[:2] == ["P07", "P08"]
    assert repr(actors) == "<Actors: 12 actors (7 persons, 3 organisations, 2 artefacts)>"


def test_label(actors):
    assert actors.label("O21") == "Commune de Revigny"


def test_unknown_id_suggests_close_ids(actors):
    with pytest.raises(InputError, match="unknown actor_id 'P1O'") as info:
        actors.label("P1O")
    assert "P10" in info.value.hint


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("P10", "P10"),
        ("p10", "P10"),
        ("Élodie Fournier", "P10"),
        ("elodie fournier", "P10"),
        ("ÉLODIE", "P10"),
        ("  Elodie\u00a0 Fournier ", "P10"),
        ("l'Adie", "O09"),
        ("l’Adie", "O09"),
        ("la commune", "O21"),
        ("Business-Model Canvas", "A01"),
        ("Martine B.", "C0001"),
    ],
)
def test_resolve(actors, name, actor_id):
    assert actors.resolve(name) == actor_id


def test_ambiguous_name_lists_every_candidate(actors):
    with pytest.raises(InputError) as info:
        actors.resolve("aurelie")
    message = str(info.value)
    assert "matches 2 actors" in message
    assert "C0003 (Aurélie T.)" in message and "P08 (Aurélie Mathiot)" in message
    assert "actor_id or the full label" in info.value.hint


def test_full_label_lifts_the_ambiguity(actors):
    assert actors.resolve("Aurélie Mathiot") == "P08"
    assert actors.resolve("Aurélie T.") == "C0003"


def test_unknown_name_suggests_close_names(actors):
    with pytest.raises(InputError, match="no actor is called 'Karim Benalli'") as info:
        actors.resolve("Karim Benalli")
    assert "P11 Karim Benali" in info.value.hint


def test_unknown_name_without_close_match(actors):
    with pytest.raises(InputError) as info:
        actors.resolve("Zorglub")
    assert info.value.hint == "add it to actors.csv as a label or an alias"


def test_of_kind_and_of_category(actors):
    assert list(actors.of_kind("artefact")["actor_id"]) == ["A01", "A02"]
    assert set(actors.of_kind("person", "organisation")["kind"]) == {"person", "organisation"}
    assert list(actors.of_category("support_org")["actor_id"]) == ["O04", "O09"]
    assert list(actors.of_category("elected", "public_body")["actor_id"]) == ["C0003", "O21"]


def test_category_of_keeps_the_index_and_names_the_unknown(actors):
    ids = pd.Series(["O04", None, "X99", "C0003"], index=[10, 11, 12, 13], name="actor")
    before = ids.copy()
    found = actors.category_of(ids, missing="non rattaché")
    assert found.tolist() == ["support_org", "non rattaché", "non rattaché", "elected"]
    assert found.index.tolist() == [10, 11, 12, 13]
    assert found.name == "category"
    pd.testing.assert_series_equal(ids, before)
    assert actors.category_of(pd.Series(["X99"])).tolist() == ["non renseignée"]


def test_category_of_nothing_is_empty(actors):
    assert actors.category_of(pd.Series([], dtype=object)).tolist() == []


@pytest.mark.parametrize(("method", "value"), [("of_kind", "human"), ("of_category", "citoyen")])
def test_unknown_kind_or_category_is_an_error(actors, method, value):
    with pytest.raises(InputError, match=f"'{value}' is not an actor") as info:
        getattr(actors, method)(value)
    assert "use one of" in info.value.hint


def test_frame_is_a_copy(actors):
    frame = actors.frame
    frame.loc[frame.index[0], "label"] = "changé"
    assert actors.label("P07") == "Thomas Girod"


def test_input_frame_is_not_mutated():
    frame = pd.DataFrame({"actor_id": ["P1"], "label": ["Marie"], "kind": ["person"],
                          "category": ["citizen"], "aliases": ["la voisine;Mémé"]})  # fmt: skip
    before = frame.copy()
    actors = Actors(frame)
    pd.testing.assert_frame_equal(frame, before)
    assert actors.resolve("meme") == "P1"
    assert actors.frame.loc[0, "aliases"] == ["la voisine", "Mémé"]
    assert "description" in actors.frame


def test_missing_column_is_a_schema_error():
    with pytest.raises(SchemaError, match="no column 'kind'"):
        Actors(pd.DataFrame({"actor_id": ["P1"], "label": ["x"], "category": ["citizen"]}))


def test_duplicate_id_is_a_schema_error():
    frame = pd.DataFrame({"actor_id": ["P1", "P1"], "label": ["a", "b"],
                          "kind": ["person"] * 2, "category": ["citizen"] * 2})  # fmt: skip
    with pytest.raises(SchemaError, match="'P1' appears twice"):
        Actors(frame)


def test_from_folder_without_registry(tmp_path):
    with pytest.raises(InputError, match="no actors table"):
        Actors.from_folder(tmp_path)


def test_from_folder_with_errors_lists_them(tmp_path):
    shutil.copy(GOOD / "actors.csv", tmp_path / "actors.csv")
    with open(tmp_path / "actors.csv", "a", encoding="utf-8") as handle:
        handle.write("P07,Doublon,person,citizen,,,\nX1,Objet,thing,tool,,,\n")
    with pytest.raises(ValidationFailed) as info:
        Actors.from_folder(tmp_path)
    assert [(p.row, p.column) for p in info.value.problems] == [(15, "kind"), (14, "actor_id")]


def test_repr_html(actors):
    html = actors._repr_html_()
    assert "<table" in html and "support_org" in html
    assert "12 acteurs (7 personnes, 3 organisations, 2 artefacts)" in html


@pytest.mark.parametrize(
    ("a", "b"),
    [("Hélène", "HELENE"), ("Pierre-Yves", "pierre  yves"), ("Coop’", "coop'"), ("Œuvre", "œuvre")],
)
def test_normalise_name_equivalences(a, b):
    assert normalise_name(a) == normalise_name(b)


def test_normalise_name_keeps_distinct_names_apart():
    assert normalise_name("Martine B.") != normalise_name("Martine")


def test_demo_registry_resolves_every_label_and_alias_of_the_cast():
    path = Path(__file__).resolve().parents[1] / "corpus" / "tables"
    if not (path / "actors.csv").is_file():
        pytest.skip("no demo registry")
    actors = Actors.from_folder(path)
    cast = actors.frame[~actors.frame["actor_id"].str.match(r"C\d{4}$")]
    for actor_id, label, aliases in zip(
        cast["actor_id"], cast["label"], cast["aliases"], strict=True
    ):
        assert actors.resolve(label) == actor_id
        for alias in aliases:
            assert actors.resolve(alias) == actor_id, alias
