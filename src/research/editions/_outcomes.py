"""What became of each workshop: its set-up, who sat at the table, and how far its ideas went.

The editions review asks whether the way a workshop was set up (its type, the
presence of a project holder) or who sat at the table (business-creation
advisers, funders, elected officials) goes with what its ideas became. The unit
is the workshop: :func:`workshop_outcomes` gives one row per workshop with those
conditions and its outcomes, ready for :func:`research.editions.associations`.

Outcomes follow the project ladder of :mod:`research.editions`: a workshop
*reached* a stage when at least one of its projects reached it; an abandoned
project counts up to the stage it had reached (``abandoned_at``).

Examples
--------
>>> import pandas as pd
>>> from research.editions import Editions
>>> editions = Editions(
...     editions=pd.DataFrame({"edition_id": ["E1"], "year": [2016], "date": ["2016-11-17"]}),
...     workshops=pd.DataFrame({"workshop_id": ["W1", "W2"], "edition_id": ["E1", "E1"],
...                             "theme": ["food", "mobility"],
...                             "type": ["holder_with_idea", "problem_no_holder"],
...                             "holder_present": [True, False]}),
...     participations=pd.DataFrame({"actor_id": ["P1", "P2"], "workshop_id": ["W1", "W2"],
...                                  "role": ["holder", "expert"]}),
...     projects=pd.DataFrame({"project_id": ["R1", "R2"], "edition_id": ["E1", "E1"],
...                            "workshop_id": ["W1", "W2"], "title": ["a", "b"],
...                            "stage": ["enterprise", "idea"]}))
>>> workshop_outcomes(editions)[["workshop_id", "support_in_room", "reached_working_group", "started"]]
  workshop_id  support_in_room  reached_working_group  started
0          W1            False                   True     True
1          W2             True                  False    False
"""

from __future__ import annotations

import pandas as pd

from research.editions._editions import Editions
from research.errors import InputError
from research.vocabulary import OUTCOME_LABELS

__all__ = ["CONDITIONS", "OUTCOMES", "OUTCOME_LABELS", "SUPPORT_CATEGORIES", "workshop_outcomes"]

SUPPORT_CATEGORIES = ("support_org", "funder", "bank")
CONDITIONS = ("type", "holder_present", "support_in_room", "elected_in_room")
OUTCOMES = ("reached_working_group", "reached_prototype", "started")


def _present(editions: Editions) -> pd.DataFrame:
    """Per workshop: whether support actors and elected officials sat at the table."""
    parts = editions.participations[["actor_id", "workshop_id", "role"]]
    if editions.actors is not None:
        category = editions.actors.frame.set_index("actor_id")["category"]
        parts = parts.assign(category=parts["actor_id"].map(category))
        support = parts["category"].isin(SUPPORT_CATEGORIES) | (parts["role"] == "expert")
        elected = (parts["category"] == "elected") | (parts["role"] == "elected")
    else:
        support = parts["role"] == "expert"
        elected = parts["role"] == "elected"
    flags = pd.DataFrame(
        {
            "workshop_id": parts["workshop_id"],
            "support_in_room": support,
            "elected_in_room": elected,
        }
    )
    return flags.groupby("workshop_id").any()


def workshop_outcomes(editions: Editions, *, edition: str | None = None) -> pd.DataFrame:
    """One row per workshop: conditions (type, holder, composition) and outcomes.

    Parameters
    ----------
    editions : Editions
    edition : str, optional
        Keep the workshops of one edition (``edition_id``).

    Returns
    -------
    pandas.DataFrame
        ``workshop_id``, ``edition_id``, ``theme``, ``type``, ``holder_present``,
        ``n_participants`` (persons named in the participations),
        ``support_in_room`` (a business-creation adviser, funder or banker, or an
        ``expert`` role), ``elected_in_room``, ``projects`` (ideas written down),
        ``reached_working_group``, ``reached_prototype`` and ``started`` (a project
        launched or become an enterprise). Sorted by edition date, then workshop id.

    Raises
    ------
    InputError
        For an unknown edition.
    """
    workshops = editions.workshops
    known = list(editions.editions.sort_values(["date", "edition_id"])["edition_id"])
    if edition is not None and edition not in known:
        raise InputError(f"unknown edition {edition!r}", hint=f"use one of: {', '.join(known)}")
    funnel = editions.funnel(by="workshop_id", abandoned="reached")
    sizes = editions.participations.groupby("workshop_id").size()
    frame = workshops[["workshop_id", "edition_id", "theme", "type", "holder_present"]].copy()
    frame["holder_present"] = frame["holder_present"].fillna(False).astype(bool)
    frame["n_participants"] = frame["workshop_id"].map(sizes).fillna(0).astype(int)
    present = _present(editions)
    for column in ("support_in_room", "elected_in_room"):
        frame[column] = frame["workshop_id"].map(present[column]).fillna(False).astype(bool)
    counts = funnel.reindex(frame["workshop_id"]).fillna(0)
    frame["projects"] = counts["projects"].to_numpy().astype(int)
    frame["reached_working_group"] = counts["working_group"].to_numpy() > 0
    frame["reached_prototype"] = counts["prototype"].to_numpy() > 0
    frame["started"] = counts["launched"].to_numpy() > 0
    order = {
        e: i
        for i, e in enumerate(editions.editions.sort_values(["date", "edition_id"])["edition_id"])
    }
    frame = frame.assign(_rank=frame["edition_id"].map(order)).sort_values(["_rank", "workshop_id"])
    frame = frame.drop(columns="_rank").reset_index(drop=True)
    if edition is not None:
        frame = frame[frame["edition_id"] == edition].reset_index(drop=True)
    return frame
