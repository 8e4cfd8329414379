"""Edition tables and the actor registry: schemas, typed reading and validation.

The five tables of ``corpus/tables/`` (``editions``, ``workshops``,
``participations``, ``projects``, ``actors``) are described by :data:`SCHEMAS`.
:func:`read_table` reads one CSV or XLSX file into a typed frame and lists every
problem it finds; :func:`check_references` checks the keys that point from one
table into another; :func:`load_tables` does both for a whole folder.

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
>>> text = "edition_id,year,date,participants\\nSUT2016,2016,2016-11-17,310\\n"
>>> frame, problems = read_table(io.StringIO(text), SCHEMAS["editions"])
>>> int(frame.loc[2, "participants"]), frame.loc[2, "date"], problems
(310, '2016-11-17', [])
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import difflib
import io
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import IO, Any, Literal

import pandas as pd

from research.contracts import row_number
from research.errors import InputError, Problem, ValidationFailed
from research.files import Limits, check_zip, decode_bytes, read_limited
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
    "check_references",
    "empty_table",
    "load_tables",
    "read_table",
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

_TRUE = frozenset({"true", "vrai", "oui", "yes", "1"})
_FALSE = frozenset({"false", "faux", "non", "no", "0"})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FRENCH_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_INT = re.compile(r"^[+-]?\d+$")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


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


# ---------------------------------------------------------------------------
# Raw reading: CSV and XLSX to a header and rows of text
# ---------------------------------------------------------------------------

Source = str | PathLike | IO[str] | IO[bytes]


def _delimiter(text: str) -> str:
    """The delimiter of the header line: the most frequent of ``,``, ``;`` and tab."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


_RESAVE_CSV = "save the file again as 'CSV UTF-8' from the spreadsheet"


def _read_csv_rows(
    source: Source, where: str | None, problems: list[Problem], options: Limits
) -> list[list[str]]:
    if isinstance(source, str | PathLike):
        data = read_limited(source, max_bytes=options.max_file_bytes)
    else:
        data = source.read()
    if isinstance(data, str):
        text = data
    else:
        text, found = decode_bytes(data, path=where, hint=_RESAVE_CSV)
        problems += found
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        return [list(r) for r in reader]
    except csv.Error as exc:
        raise InputError(f"the CSV cannot be parsed ({exc})", path=where, line=reader.line_num,
                         hint="look for an unclosed double quote on or before that line") from exc  # fmt: skip


def _xlsx_text(value: Any) -> str:
    """The text a spreadsheet cell stands for, in the notation the CSV reader expects."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx_rows(path: Path, options: Limits) -> list[list[str]]:
    import openpyxl

    data = read_limited(path, max_bytes=options.max_file_bytes)
    with check_zip(path, options, data=data, kind=".xlsx"):
        pass  # the index is within the limits; openpyxl reads the members
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many unrelated types for a broken file
        raise InputError(f"the workbook cannot be opened ({exc})", path=path,
                         hint="save it again as .xlsx, or export the sheet as CSV UTF-8") from exc  # fmt: skip
    try:
        sheet = book.worksheets[0]
        return [[_xlsx_text(v) for v in r] for r in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


# ---------------------------------------------------------------------------
# Typing cells
# ---------------------------------------------------------------------------


def _did_you_mean(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


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
    if isinstance(source, str | PathLike) and Path(source).suffix.lower() == ".xlsx":
        records = _read_xlsx_rows(Path(source), options)
    else:
        records = _read_csv_rows(source, where, problems, options)
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
