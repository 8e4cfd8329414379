"""Typed reading of one edition table: CSV or XLSX to a typed frame and its problems.

:func:`read_table` reads one CSV or XLSX file into a typed frame, following its
schema (see :mod:`research.editions._schemas`), and lists every problem it finds.

Typed columns
-------------
Reading turns every cell into a value of its column's ``dtype``:

========  =====================================================================
``str``   stripped text, ``None`` when the cell is empty (object column)
``int``   pandas nullable ``Int64``
``float`` pandas nullable ``Float64``; a decimal comma (``3,5``) is accepted
``bool``  pandas nullable ``boolean``; ``true``/``false``, ``oui``/``non``,
          ``vrai``/``faux``, ``yes``/``no``, ``1``/``0`` (any case)
``date``  an ISO text ``"YYYY-MM-DD"``: the same value whether the file is CSV or
          XLSX, sorts in time order, and writes back unchanged; use
          ``pd.to_datetime(frame["date"])`` when date arithmetic is needed
``list``  a Python list of stripped texts (cells split on ``;``), ``[]`` when empty
========  =====================================================================

The index of a frame returned by :func:`read_table` is named ``row`` and holds the
row number a spreadsheet shows for each record (the header is row 1), so that
``frame.loc[7]`` is row 7 of the file and every problem can name it.

Examples
--------
>>> import io
>>> from research.editions import SCHEMAS
>>> text = "edition_id,year,date,participants\\nSUT2016,2016,2016-11-17,310\\n"
>>> frame, problems = read_table(io.StringIO(text), SCHEMAS["editions"])
>>> int(frame.loc[2, "participants"]), frame.loc[2, "date"], problems
(310, '2016-11-17', [])
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterable
from os import PathLike
from typing import IO, Any

import pandas as pd

from research.editions._schemas import Column, TableSchema, _rows
from research.errors import Problem, closest
from research.files import Limits, read_rows

__all__ = ["empty_table", "read_table"]

_TRUE = frozenset({"true", "vrai", "oui", "yes", "1"})
_FALSE = frozenset({"false", "faux", "non", "no", "0"})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FRENCH_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_INT = re.compile(r"^[+-]?\d+$")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


#: What :func:`read_table` reads: a path, or an open CSV text or bytes stream
#: (the rows are read by :func:`research.files.read_rows`).
Source = str | PathLike | IO[str] | IO[bytes]


# ---------------------------------------------------------------------------
# Typing cells
# ---------------------------------------------------------------------------


def _did_you_mean(value: str, choices: Iterable[str]) -> str:
    suggestion = closest(value, choices, n=1)
    return f"; {suggestion}" if suggestion else ""


def _parse(text: str, col: Column) -> tuple[Any, str | None, str | None]:
    """``(value, error message, hint)`` for one non-empty stripped cell."""
    if col.dtype == "str":
        return text, None, None
    if col.dtype == "list":
        return [item.strip() for item in text.split(";") if item.strip()], None, None
    if col.dtype == "bool":
        low = text.casefold()
        if low in _TRUE or low in _FALSE:
            return low in _TRUE, None, None
        return (
            None,
            f"{text!r} is not a yes/no value",
            "write true or false (oui/non and 1/0 also work)",
        )
    if col.dtype == "int":
        compact = _SPACES.sub("", text)
        if _INT.match(compact):
            return int(compact), None, None
        return None, f"{text!r} is not a whole number", "write digits only, e.g. 12"
    if col.dtype == "float":
        try:
            return float(_SPACES.sub("", text).replace(",", ".")), None, None
        except ValueError:
            return None, f"{text!r} is not a number", "write a number such as 3.5 or 3,5"
    return _parse_date(text)


def _parse_date(text: str) -> tuple[str | None, str | None, str | None]:
    if _ISO_DATE.match(text):
        try:
            return dt.date.fromisoformat(text).isoformat(), None, None
        except ValueError:
            return None, f"{text!r} is not a real date", "check the month and the day"
    hint = "write dates as YYYY-MM-DD, e.g. 2017-11-23"
    french = _FRENCH_DATE.match(text)
    if french:
        day, month, year = (int(g) for g in french.groups())
        with contextlib.suppress(ValueError):
            hint = f"write dates as YYYY-MM-DD: {dt.date(year, month, day).isoformat()}"
    return None, f"{text!r} is not an ISO date", hint


def _allowed_problem(value: str, col: Column) -> tuple[str, str]:
    message = f"{value!r} is not an allowed value of {col.name!r}"
    hint = f"use one of: {', '.join(col.allowed or ())}{_did_you_mean(value, col.allowed or ())}"
    return message, hint


def _typed_cell(
    text: str, col: Column, place: dict[str, Any], problems: list[Problem], *, key: bool = False
) -> Any:
    text = text.strip()
    if not text:
        if key:
            problems.append(Problem("error", f"empty key {col.name!r}", **place,
                                    hint=f"every row needs its own {col.name}; fill it in or "
                                    "delete the row"))  # fmt: skip
        elif not col.nullable:
            problems.append(Problem("error", f"empty cell in required column {col.name!r}", **place,
                                    hint=f"fill in {col.name} or delete the row"))  # fmt: skip
        return [] if col.dtype == "list" else None
    value, message, hint = _parse(text, col)
    if message:
        problems.append(Problem("error", message, **place, hint=hint))
        return None
    items = value if col.dtype == "list" else [value]
    for item in items:
        if col.allowed is not None and item not in col.allowed:
            message, hint = _allowed_problem(item, col)
            problems.append(Problem("error", message, **place, hint=hint))
        if col.minimum is not None and item < col.minimum:
            problems.append(Problem("error", f"{item} is below the minimum {col.minimum:g}",
                                    **place, hint=f"{col.name} must be at least {col.minimum:g}"))  # fmt: skip
    return value


_PANDAS_DTYPE = {"int": "Int64", "float": "Float64", "bool": "boolean", "str": object,
                 "date": object, "list": object}  # fmt: skip


def empty_table(schema: TableSchema) -> pd.DataFrame:
    """An empty frame with every column of ``schema``, correctly typed.

    Examples
    --------
    >>> from research.editions import SCHEMAS
    >>> empty_table(SCHEMAS["editions"]).dtypes["year"]
    Int64Dtype()
    """
    return _frame({c.name: [] for c in schema.columns}, schema, [])


def _frame(data: dict[str, list[Any]], schema: TableSchema, rows: list[int]) -> pd.DataFrame:
    index = pd.Index(rows, name="row", dtype="int64")
    series = {}
    for name, values in data.items():
        try:
            dtype = _PANDAS_DTYPE[schema.column(name).dtype]
        except KeyError:
            dtype = object
        series[name] = pd.Series(values, index=index, dtype=dtype)
    return pd.DataFrame(series, index=index)


# ---------------------------------------------------------------------------
# Public reading and checking
# ---------------------------------------------------------------------------


def _header_problems(header: list[str], schema: TableSchema, where: str | None) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(Problem("error", f"column {name!r} appears twice in the header",
                                    path=where, row=1, column=name,
                                    hint="rename or delete one of the two columns"))  # fmt: skip
        seen.add(name)
        if name and name not in schema.names:
            problems.append(Problem("warning", f"unknown column {name!r} is kept as text",
                                    path=where, row=1, column=name,
                                    hint=f"the columns of {schema.name} are: {', '.join(schema.names)}"
                                    f"{_did_you_mean(name, schema.names)}"))  # fmt: skip
    for col in schema.columns:
        if col.required and col.name not in seen:
            problems.append(Problem("error", f"missing required column {col.name!r}",
                                    path=where, row=1, column=col.name,
                                    hint=f"add a column {col.name!r} to the header (row 1)"
                                    f"{_did_you_mean(col.name, seen)}"))  # fmt: skip
    return problems


def _key_problems(frame: pd.DataFrame, schema: TableSchema, where: str | None) -> list[Problem]:
    problems = []
    first_row: dict[tuple, int] = {}
    label = schema.key[0] if len(schema.key) == 1 else f"({', '.join(schema.key)})"
    keys = zip(*(frame[k] for k in schema.key), strict=True)
    for row, key in zip(_rows(frame), keys, strict=True):
        if any(not isinstance(part, str) for part in key):
            continue  # an empty key cell is already reported as an empty required cell
        shown = key[0] if len(key) == 1 else key
        if key in first_row:
            problems.append(Problem("error", f"duplicate {label} {shown!r}: rows {first_row[key]} "
                                    f"and {row} have the same key", path=where, row=row,
                                    column=schema.key[0],
                                    hint=f"keep one of rows {first_row[key]} and {row}, or give "
                                    "this one a new key"))  # fmt: skip
        else:
            first_row[key] = row
    return problems


def read_table(
    source: Source,
    schema: TableSchema,
    *,
    path: str | PathLike | None = None,
    options: Limits | None = None,
) -> tuple[pd.DataFrame, list[Problem]]:
    """Read one table from CSV or XLSX into a typed frame, listing every problem.

    Parameters
    ----------
    source : path or file object
        A ``.csv`` or ``.xlsx`` file (first sheet), or an open CSV text or bytes
        stream. CSV is read as UTF-8 (a byte-order mark is fine) and falls back to
        Windows-1252 with a warning; the delimiter (``,``, ``;`` or tab) is taken
        from the header line.
    schema : TableSchema
        The expected columns, e.g. ``SCHEMAS["workshops"]``.
    path : path, optional
        The name used in problems; defaults to ``source`` when it is a path.
    options : Limits, optional
        Limits on the file's size and on the zip container of a workbook (the
        ``limits:`` of ``research.yaml``; default: :class:`research.files.Limits`).

    Returns
    -------
    frame : pandas.DataFrame
        Every schema column (absent optional ones filled with missing values), then
        unknown columns as text; indexed by spreadsheet ``row`` (header = row 1).
        Fully blank rows are skipped; cells with bad values are missing.
    problems : list of Problem
        Errors and warnings, each naming the file, the row and the column.

    Raises
    ------
    InputError
        When the file cannot be read at all (not text, not a workbook, broken quotes).
    UnsafeInputError
        When the file, or the workbook's zip container, is over a limit.

    Examples
    --------
    >>> import io
    >>> from research.editions import SCHEMAS
    >>> text = "actor_id,workshop_id,role\\nP10,W16-03,porteur\\n"
    >>> frame, problems = read_table(io.StringIO(text), SCHEMAS["participations"],
    ...                              path="participations.csv")
    >>> print(problems[0].format())
    error: participations.csv, row 2, column 'role': 'porteur' is not an allowed value of 'role' (hint: use one of: participant, holder, facilitator, expert, elected, staff, observer)
    """
    if path is None and isinstance(source, str | PathLike):
        path = source
    where = None if path is None else str(path)
    problems: list[Problem] = []
    options = options or Limits()
    records = read_rows(source, path=where, options=options, problems=problems)
    if not records:
        problems += _header_problems([], schema, where)
        return empty_table(schema), problems
    header = [h.strip().removeprefix("\ufeff") for h in records[0]]
    while header and not header[-1]:
        header.pop()
    problems += _header_problems(header, schema, where)
    names = list(dict.fromkeys([n for n in schema.names] + [h for h in header if h]))
    data: dict[str, list[Any]] = {n: [] for n in names}
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(header) and any(c.strip() for c in record[len(header) :]):
            problems.append(Problem("error", f"{len(record)} cells but the header has {len(header)}",
                                    path=where, row=number,
                                    hint="look for an unquoted delimiter inside a cell"))  # fmt: skip
        cells = dict(zip(header, record, strict=False))
        rows.append(number)
        for name in names:
            place = {"path": where, "row": number, "column": name}
            col = schema.column(name) if name in schema.names else Column(name)
            if name in cells:
                value = _typed_cell(cells[name], col, place, problems, key=name in schema.key)
            else:
                value = [] if col.dtype == "list" else None
            data[name].append(value)
    frame = _frame(data, schema, rows)
    frame.attrs["path"] = where
    if all(k in header for k in schema.key):
        problems += _key_problems(frame, schema, where)
    for check in schema.row_checks:
        problems += check(frame, where)
    return frame, problems
