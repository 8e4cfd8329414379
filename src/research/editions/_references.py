"""References between edition tables: the keys that point from one table into another.

:func:`check_references` checks every key a schema declares as pointing into
another table (a workshop's edition, a participation's actor, …), and that a
project's workshop belongs to the project's edition.
"""

from __future__ import annotations

from collections.abc import Mapping
from os import PathLike
from pathlib import Path

import pandas as pd

from research.editions._reading import _did_you_mean
from research.editions._schemas import SCHEMAS, Column, _rows
from research.errors import Problem

__all__ = ["check_references"]


def _reference_problems(
    frame: pd.DataFrame, col: Column, targets: set[str], target_name: str, where: str | None
) -> list[Problem]:
    problems = []
    table, key = col.references or ("", "")
    for row, cell in zip(_rows(frame), frame[col.name], strict=True):
        items = cell if isinstance(cell, list) else [cell] if isinstance(cell, str) else []
        for item in items:
            if item not in targets:
                problems.append(Problem(
                    "error", f"{key} {item!r} is not in the {table} table", path=where, row=row,
                    column=col.name, hint=f"add {item!r} to {target_name} or correct the id"
                    f"{_did_you_mean(item, targets)}"))  # fmt: skip
    return problems


def _edition_mismatches(tables: Mapping[str, pd.DataFrame], where: str | None) -> list[Problem]:
    """Projects whose workshop belongs to another edition than the project's."""
    if "projects" not in tables or "workshops" not in tables:
        return []
    projects, workshops = tables["projects"], tables["workshops"]
    needed = {"workshop_id", "edition_id"}
    if not needed <= set(projects.columns) or not needed <= set(workshops.columns):
        return []
    edition_of = dict(zip(workshops["workshop_id"], workshops["edition_id"], strict=True))
    problems = []
    cols = zip(_rows(projects), projects["workshop_id"], projects["edition_id"], strict=True)
    for row, workshop, edition in cols:
        expected = edition_of.get(workshop)
        if isinstance(expected, str) and isinstance(edition, str) and expected != edition:
            problems.append(Problem(
                "error", f"workshop {workshop!r} belongs to edition {expected!r}, not {edition!r}",
                path=where, row=row, column="edition_id",
                hint=f"set edition_id to {expected!r} or correct the workshop_id"))  # fmt: skip
    return problems


def check_references(
    tables: Mapping[str, pd.DataFrame], paths: Mapping[str, str | PathLike] | None = None
) -> list[Problem]:
    """Check the keys that point from one table into another.

    Only references between tables present in ``tables`` are checked. A project's
    workshop must also belong to the project's edition.

    Parameters
    ----------
    tables : mapping of table name to frame
        Frames as returned by :func:`read_table` (rows are named from their ``row``
        index; other frames count rows from 2, as a spreadsheet would).
    paths : mapping of table name to path, optional
        File names used in the problems.

    Returns
    -------
    list of Problem
        One error per missing key, naming file, row, column and the key.

    Examples
    --------
    >>> import pandas as pd
    >>> workshops = pd.DataFrame({"workshop_id": ["W17-01"], "edition_id": ["SUT2071"]})
    >>> editions = pd.DataFrame({"edition_id": ["SUT2017"]})
    >>> [p.format() for p in check_references({"workshops": workshops, "editions": editions},
    ...                                       {"workshops": "workshops.csv"})]
    ["error: workshops.csv, row 1, column 'edition_id': edition_id 'SUT2071' is not in the editions table (hint: add 'SUT2071' to editions.csv or correct the id; did you mean 'SUT2017'?)"]
    """
    paths = paths or {}
    problems: list[Problem] = []
    for name, frame in tables.items():
        schema = SCHEMAS.get(name)
        if schema is None:
            continue
        where = str(paths[name]) if name in paths else None
        for col in schema.columns:
            if col.references is None or col.name not in frame.columns:
                continue
            table, key = col.references
            if table not in tables or key not in tables[table].columns:
                continue
            targets = {k for k in tables[table][key] if isinstance(k, str)}
            target_name = Path(paths[table]).name if table in paths else f"{table}.csv"
            problems += _reference_problems(frame, col, targets, target_name, where)
    problems += _edition_mismatches(tables, str(paths["projects"]) if "projects" in paths else None)
    return problems
