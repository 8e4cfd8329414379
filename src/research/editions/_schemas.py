"""Edition tables and the actor registry: their schemas and vocabularies.

The five tables of ``corpus/tables/`` (``editions``, ``workshops``,
``participations``, ``projects``, ``actors``) are described by :data:`SCHEMAS`:
for each, its :class:`Column` list (type, allowed values, bounds, the table a key
points into), its key and its checks across the columns of one row. The
vocabularies (:data:`LADDER`, :data:`STAGES`, :data:`ROLES`, …) are the allowed
values of those columns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from research.contracts import row_number
from research.errors import Problem
from research.vocabulary import STAGE_LABELS, WORKSHOP_TYPE_LABELS

__all__ = [
    "ACTOR_CATEGORIES",
    "ACTOR_KINDS",
    "LADDER",
    "ROLES",
    "SCHEMAS",
    "STAGES",
    "STAGE_LABELS",
    "TABLE_NAMES",
    "THEMES",
    "WORKSHOP_TYPES",
    "WORKSHOP_TYPE_LABELS",
    "Column",
    "TableSchema",
]

DType = Literal["str", "int", "float", "bool", "date", "list"]

#: Stages a project climbs, in order; a later stage implies the earlier ones.
LADDER: tuple[str, ...] = ("idea", "working_group", "prototype", "launched", "enterprise")
#: Every allowed project stage: the ladder and ``abandoned`` (off the ladder).
STAGES: tuple[str, ...] = (*LADDER, "abandoned")
WORKSHOP_TYPES: tuple[str, ...] = ("problem_no_holder", "holder_with_idea", "idea_seeking_holder")
THEMES: tuple[str, ...] = (
    "mobility", "food", "housing", "energy", "textile", "ageing", "reuse",
    "local_services", "culture", "agriculture", "childhood", "digital", "tourism",
)  # fmt: skip
ROLES: tuple[str, ...] = (
    "participant", "holder", "facilitator", "expert", "elected", "staff", "observer",
)  # fmt: skip
ACTOR_KINDS: tuple[str, ...] = ("person", "organisation", "artefact")
#: Allowed actor categories for each actor kind.
ACTOR_CATEGORIES: dict[str, tuple[str, ...]] = {
    "person": (
        "citizen", "project_holder", "facilitator", "elected", "cluster_staff",
        "support_org", "funder", "researcher", "business",
    ),
    "organisation": (
        "cluster", "public_body", "support_org", "funder", "bank", "association",
        "enterprise", "business", "scheme",
    ),
    "artefact": ("tool", "charter", "agreement", "funding_call", "event"),
}  # fmt: skip
TABLE_NAMES: tuple[str, ...] = ("editions", "workshops", "participations", "projects", "actors")


@dataclass(frozen=True)
class Column:
    """One column of a table schema.

    Parameters
    ----------
    name : str
        Header of the column.
    dtype : {"str", "int", "float", "bool", "date", "list"}
        Type of its cells (see the module documentation).
    required : bool
        Whether the column must be present in the file.
    nullable : bool
        Whether a cell may be empty.
    allowed : tuple of str, optional
        The only values a cell (or each item of a list cell) may take.
    references : tuple of (table, column), optional
        The cells are keys of another table.
    minimum : float, optional
        Smallest allowed number.
    """

    name: str
    dtype: DType = "str"
    required: bool = False
    nullable: bool = True
    allowed: tuple[str, ...] | None = None
    references: tuple[str, str] | None = None
    minimum: float | None = None


RowCheck = Callable[[pd.DataFrame, str | None], list[Problem]]


@dataclass(frozen=True)
class TableSchema:
    """The columns and key of one table, and checks across its columns.

    Examples
    --------
    >>> schema = SCHEMAS["participations"]
    >>> schema.key
    ('actor_id', 'workshop_id')
    >>> schema.column("role").allowed[:2]
    ('participant', 'holder')
    """

    name: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    row_checks: tuple[RowCheck, ...] = field(default=(), compare=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Column names in schema order."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        """The column called ``name``; :class:`KeyError` when unknown."""
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


# ---------------------------------------------------------------------------
# Checks across the columns of one row
# ---------------------------------------------------------------------------


def _rows(frame: pd.DataFrame) -> list[int]:
    """Row numbers of a frame for messages (see :func:`research.contracts.row_number`)."""
    return [row_number(frame, i) for i in range(len(frame))]


def _check_actor_categories(frame: pd.DataFrame, path: str | None) -> list[Problem]:
    problems = []
    for row, kind, category in zip(_rows(frame), frame["kind"], frame["category"], strict=True):
        allowed = ACTOR_CATEGORIES.get(kind) if isinstance(kind, str) else None
        if allowed and isinstance(category, str) and category not in allowed:
            problems.append(
                Problem("error", f"category {category!r} is not a category of kind {kind!r}",
                        path=path, row=row, column="category",
                        hint=f"for kind {kind!r} use one of: {', '.join(allowed)}"))  # fmt: skip
    return problems


def _check_workshop_holder(frame: pd.DataFrame, path: str | None) -> list[Problem]:
    problems = []
    cols = zip(_rows(frame), frame["holder_present"], frame["holder"], frame["type"], strict=True)
    for row, present, holder, kind in cols:
        absent = pd.notna(present) and not present
        if absent and isinstance(holder, str):
            problems.append(
                Problem("warning", f"holder {holder!r} is named but holder_present is false",
                        path=path, row=row, column="holder_present",
                        hint="set holder_present to true, or empty the holder cell"))  # fmt: skip
        if absent and kind == "holder_with_idea":
            problems.append(
                Problem("warning", "type is holder_with_idea but holder_present is false",
                        path=path, row=row, column="holder_present",
                        hint="check the workshop type or the holder_present cell"))  # fmt: skip
    return problems


def _check_project_years(frame: pd.DataFrame, path: str | None) -> list[Problem]:
    problems = []
    cols = zip(_rows(frame), frame["year_started"], frame["year_outcome"], strict=True)
    for row, start, outcome in cols:
        if pd.notna(start) and pd.notna(outcome) and outcome < start:
            problems.append(
                Problem("error", f"year_outcome {outcome} is before year_started {start}",
                        path=path, row=row, column="year_outcome",
                        hint="swap or correct the two years"))  # fmt: skip
    cols = zip(_rows(frame), frame["stage"], frame["abandoned_at"], strict=True)
    for row, stage, reached in cols:
        if isinstance(reached, str) and stage != "abandoned":
            problems.append(
                Problem("warning", f"abandoned_at is {reached!r} but the stage is {stage!r}",
                        path=path, row=row, column="abandoned_at",
                        hint="abandoned_at is only read for projects whose stage is abandoned"))  # fmt: skip
    return problems


_ALL_CATEGORIES = tuple(dict.fromkeys(c for cats in ACTOR_CATEGORIES.values() for c in cats))
_ACTOR = ("actors", "actor_id")

#: The schema of each table, by table name.
SCHEMAS: dict[str, TableSchema] = {
    "editions": TableSchema(
        "editions",
        ("edition_id",),
        (
            Column("edition_id", required=True, nullable=False),
            Column("year", "int", required=True, nullable=False, minimum=1900),
            Column("date", "date", required=True, nullable=False),
            Column("title"),
            Column("place"),
            Column("participants", "int", minimum=0),
            Column("notes"),
        ),
    ),
    "workshops": TableSchema(
        "workshops",
        ("workshop_id",),
        (
            Column("workshop_id", required=True, nullable=False),
            Column(
                "edition_id", required=True, nullable=False, references=("editions", "edition_id")
            ),
            Column("title"),
            Column("theme", required=True, nullable=False, allowed=THEMES),
            Column("type", required=True, nullable=False, allowed=WORKSHOP_TYPES),
            Column("holder_present", "bool", required=True),
            Column("holder", references=_ACTOR),
            Column("facilitator", references=_ACTOR),
            Column("tools", "list", references=_ACTOR),
            Column("participants", "int", minimum=0),
            Column("notes"),
        ),
        (_check_workshop_holder,),
    ),
    "participations": TableSchema(
        "participations",
        ("actor_id", "workshop_id"),
        (
            Column("actor_id", required=True, nullable=False, references=_ACTOR),
            Column(
                "workshop_id",
                required=True,
                nullable=False,
                references=("workshops", "workshop_id"),
            ),
            Column("role", required=True, nullable=False, allowed=ROLES),
        ),
    ),
    "projects": TableSchema(
        "projects",
        ("project_id",),
        (
            Column("project_id", required=True, nullable=False),
            Column(
                "edition_id", required=True, nullable=False, references=("editions", "edition_id")
            ),
            Column("workshop_id", references=("workshops", "workshop_id")),
            Column("title", required=True, nullable=False),
            Column("theme", allowed=THEMES),
            Column("holder", references=_ACTOR),
            Column("stage", required=True, nullable=False, allowed=STAGES),
            Column("abandoned_at", allowed=LADDER),
            Column("jobs", "int", minimum=0),
            Column("year_started", "int", minimum=1900),
            Column("year_outcome", "int", minimum=1900),
            Column("support", "list", references=_ACTOR),
            Column("actants", "list", references=_ACTOR),
            Column("notes"),
        ),
        (_check_project_years,),
    ),
    "actors": TableSchema(
        "actors",
        ("actor_id",),
        (
            Column("actor_id", required=True, nullable=False),
            Column("label", required=True, nullable=False),
            Column("kind", required=True, nullable=False, allowed=ACTOR_KINDS),
            Column("category", required=True, nullable=False, allowed=_ALL_CATEGORIES),
            Column("organisation", references=_ACTOR),
            Column("aliases", "list"),
            Column("description"),
        ),
        (_check_actor_categories,),
    ),
}
