"""Loading a tables folder: every edition table read, then the references between them checked.

:func:`load_tables` reads each of the five tables found in a folder (as ``.csv``
or ``.xlsx``, not both) with :func:`research.editions.read_table`, checks the
references between them with :func:`research.editions.check_references`, and
lists every problem instead of stopping at the first.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path

import pandas as pd

from research.editions._reading import read_table
from research.editions._references import check_references
from research.editions._schemas import SCHEMAS, TABLE_NAMES
from research.errors import InputError, Problem, ValidationFailed
from research.files import Limits

__all__ = ["load_tables"]


def _find_files(folder: Path) -> tuple[dict[str, Path], list[Problem]]:
    found, problems = {}, []
    for name in TABLE_NAMES:
        candidates = [
            folder / f"{name}{s}" for s in (".csv", ".xlsx") if (folder / f"{name}{s}").is_file()
        ]
        if len(candidates) > 1:
            problems.append(Problem("error", f"both {name}.csv and {name}.xlsx exist", path=str(folder),
                                    hint=f"keep one of them; the {name} table was not read"))  # fmt: skip
        elif candidates:
            found[name] = candidates[0]
    return found, problems


def load_tables(
    folder: str | PathLike, *, strict: bool = True, options: Limits | None = None
) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Read and check every table of a folder, never stopping at the first problem.

    Parameters
    ----------
    folder : path
        A folder holding any of ``editions``, ``workshops``, ``participations``,
        ``projects`` and ``actors`` as ``.csv`` or ``.xlsx`` (not both).
    strict : bool
        Raise :class:`~research.errors.ValidationFailed` when any error is found.
    options : Limits, optional
        Limits on the files read (see :func:`read_table`).

    Returns
    -------
    tables : dict of table name to frame
        The tables that could be read (see :func:`read_table`).
    problems : list of Problem
        Every error and warning, including a warning for each table whose
        references could not be checked because the target table is absent.

    Raises
    ------
    InputError
        When ``folder`` is not a folder.
    ValidationFailed
        When ``strict`` and at least one problem is an error (it holds them all).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "editions.csv").write_text("edition_id,year,date\\nSUT2016,2016,2016-11-17\\n")
    >>> tables, problems = load_tables(folder)
    >>> sorted(tables), problems
    (['editions'], [])
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("the tables folder does not exist", path=folder,
                         hint="create it, or set 'tables:' in research.yaml")  # fmt: skip
    files, problems = _find_files(folder)
    tables: dict[str, pd.DataFrame] = {}
    for name, file in files.items():
        try:
            tables[name], found = read_table(file, SCHEMAS[name], options=options)
        except InputError as exc:
            found = [exc.to_problem()]
        problems += found
    problems += check_references(tables, files)
    for name in tables:
        missing = {c.references[0] for c in SCHEMAS[name].columns if c.references} - set(tables)
        for target in sorted(missing):
            problems.append(Problem("warning", f"no {target} table: references to it are not checked",
                                    path=str(files[name]),
                                    hint=f"add {target}.csv to {folder}"))  # fmt: skip
    if strict and any(p.severity == "error" for p in problems):
        raise ValidationFailed(problems)
    return tables, problems
