"""Workshop outcomes: conditions and how far each workshop's ideas went."""

from __future__ import annotations

import pandas as pd
import pytest

from research.editions import CONDITIONS, OUTCOMES, Editions, workshop_outcomes
from research.errors import InputError


def _editions(*, with_registry: bool = True) -> Editions:
    actors = pd.DataFrame(
        {
            "actor_id": ["P1", "P2", "P3", "P4"],
            "label": ["a", "b", "c", "d"],
            "kind": ["person"] * 4,
            "category": ["project_holder", "support_org", "elected", "citizen"],
        }
    )
    return Editions(
        editions=pd.DataFrame(
            {"edition_id": ["E2", "E1"], "year": [2017, 2016], "date": ["2017-11-23", "2016-11-17"]}
        ),
        workshops=pd.DataFrame(
            {
                "workshop_id": ["W3", "W1", "W2"],
                "edition_id": ["E2", "E1", "E1"],
                "theme": ["food", "food", "mobility"],
                "type": ["idea_seeking_holder", "holder_with_idea", "problem_no_holder"],
                "holder_present": [None, True, False],
            }
        ),
        participations=pd.DataFrame(
            {
                "actor_id": ["P1", "P2", "P4", "P3", "P4"],
                "workshop_id": ["W1", "W1", "W1", "W2", "W3"],
                "role": ["holder", "participant", "participant", "participant", "participant"],
            }
        ),
        projects=pd.DataFrame(
            {
                "project_id": ["R1", "R2", "R3", "R4"],
                "edition_id": ["E1", "E1", "E1", "E2"],
                "workshop_id": ["W1", "W1", "W2", "W3"],
                "title": ["a", "b", "c", "d"],
                "stage": ["launched", "idea", "abandoned", "idea"],
                "abandoned_at": [None, None, "prototype", None],
            }
        ),
        actors=actors if with_registry else None,
    )


def test_one_row_per_workshop_in_edition_order():
    frame = workshop_outcomes(_editions())
    assert frame["workshop_id"].tolist() == ["W1", "W2", "W3"]
    assert {*CONDITIONS, *OUTCOMES} <= set(frame.columns)


def test_outcomes_by_hand():
    frame = workshop_outcomes(_editions()).set_index("workshop_id")
    # W1: one launched project; W2: abandoned after a prototype; W3: an idea only.
    assert frame["projects"].tolist() == [2, 1, 1]
    assert frame["reached_working_group"].tolist() == [True, True, False]
    assert frame["reached_prototype"].tolist() == [True, True, False]
    assert frame["started"].tolist() == [True, False, False]


def test_composition_from_the_registry():
    frame = workshop_outcomes(_editions()).set_index("workshop_id")
    assert frame["support_in_room"].tolist() == [True, False, False]
    assert frame["elected_in_room"].tolist() == [False, True, False]
    assert frame["n_participants"].tolist() == [3, 1, 1]
    assert frame["holder_present"].tolist() == [True, False, False]  # missing counts as absent


def test_composition_from_roles_without_a_registry():
    frame = workshop_outcomes(_editions(with_registry=False))
    assert not frame["support_in_room"].any()  # nobody has the role 'expert'
    assert not frame["elected_in_room"].any()


def test_one_edition():
    frame = workshop_outcomes(_editions(), edition="E2")
    assert frame["workshop_id"].tolist() == ["W3"]


def test_unknown_edition_names_the_known_ones():
    with pytest.raises(InputError, match="use one of: E1, E2"):
        workshop_outcomes(_editions(), edition="E9")


def test_every_outcome_has_a_french_label():
    from research.editions import OUTCOME_LABELS, OUTCOMES

    assert list(OUTCOME_LABELS) == list(OUTCOMES)
