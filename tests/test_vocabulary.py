"""The French labels shown to readers: one vocabulary, every allowed value labelled."""

from __future__ import annotations

import pytest

from research import analysis, editions, vocabulary
from research.editions import SCHEMAS
from research.vocabulary import VOCABULARY, label, labels

# Which vocabulary labels the allowed values of each column of the edition tables.
COLUMN_KINDS = {
    ("workshops", "theme"): "theme",
    ("workshops", "type"): "workshop_type",
    ("participations", "role"): "role",
    ("projects", "theme"): "theme",
    ("projects", "stage"): "stage",
    ("projects", "abandoned_at"): "stage",
    ("actors", "kind"): "actor_kind",
    ("actors", "category"): "category",
}
ALLOWED = [
    (table, column.name, value)
    for table, schema in SCHEMAS.items()
    for column in schema.columns
    if column.allowed is not None
    for value in column.allowed
]


def test_every_column_with_allowed_values_has_a_vocabulary():
    columns = {(table, name) for table, name, _ in ALLOWED}
    assert columns == set(COLUMN_KINDS)


@pytest.mark.parametrize(("table", "column", "value"), ALLOWED)
def test_every_allowed_value_has_a_french_label(table, column, value):
    kind = COLUMN_KINDS[(table, column)]
    assert value in labels(kind), f"{table}.{column} = {value!r} has no label in {kind!r}"
    assert labels(kind)[value].strip()


@pytest.mark.parametrize("value", ["interview", "minutes", "logbook", "note"])
def test_document_kinds_have_labels(value):
    assert value in labels("document_kind")


def test_outcomes_have_labels():
    assert set(editions.OUTCOMES) <= set(labels("outcome"))


def test_network_node_categories_cover_workshops_and_projects():
    assert label("node_category", "workshop") == "ateliers"
    assert label("node_category", "project") == "projets"
    assert label("node_category", "cluster_staff") == "équipe du pôle"


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("stage", "working_group", "groupe de travail"),
        ("stage", "enterprise", "entreprise créée"),
        ("workshop_type", "idea_seeking_holder", "idée en quête de porteur"),
        ("outcome", "reached_prototype", "prototype atteint"),
        ("category", "project_holder", "porteurs de projet"),
        ("document_kind", "minutes", "compte rendu"),
        ("role", "holder", "porteur de projet"),
        ("theme", "mobility", "mobilité"),
        ("actor_kind", "person", "personne"),
    ],
)
def test_label(kind, value, expected):
    assert label(kind, value) == expected


def test_a_value_of_the_project_s_own_is_shown_as_it_is():
    assert label("category", "tiers_lieu") == "tiers_lieu"
    assert label("theme", 2019) == "2019"


def test_an_unknown_kind_lists_the_kinds():
    with pytest.raises(KeyError, match="the kinds are document_kind, category"):
        label("colour", "red")


def test_the_old_names_stay_importable_and_are_the_vocabulary():
    assert editions.STAGE_LABELS is vocabulary.STAGE_LABELS is VOCABULARY["stage"]
    assert editions.WORKSHOP_TYPE_LABELS is VOCABULARY["workshop_type"]
    assert editions.OUTCOME_LABELS is VOCABULARY["outcome"]
    assert analysis.CATEGORY_LABELS is VOCABULARY["category"]
    assert analysis.KIND_LABELS is VOCABULARY["document_kind"]
    assert analysis.CATEGORY_ROLES is vocabulary.CATEGORY_ROLES


def test_every_category_with_a_role_has_a_group_label():
    assert set(vocabulary.CATEGORY_ROLES) <= set(vocabulary.CATEGORY_LABELS)
    for masculine, feminine in vocabulary.CATEGORY_ROLES.values():
        assert masculine.strip() and feminine.strip()
