"""The table contracts: what a cell, a row and an offset of the project's tables must be.

Every function that takes one of the tables of the data model (``documents``,
``segments``, ``codes``, ``codings``, edition tables) checks it through this module,
so that the same bad cell gets the same message everywhere.

The columns
    :data:`DOCUMENT_COLUMNS`, :data:`SEGMENT_COLUMNS`, :data:`CODE_COLUMNS` and
    :data:`CODING_COLUMNS` are the columns of the data model (DESIGN.md, "The data
    model"); :data:`CODING_KEY` the columns a codings table cannot do without.
    :func:`require_columns` checks that a table has the columns a function needs.

Row numbers in messages
    A row is numbered as a person counts it where they look at it. In a file (a
    coder's CSV, an edition table) it is the row a spreadsheet shows: the header is
    row 1, the first record row 2. Tables read from such a file keep that number in
    their index when the index is named ``row`` (the edition tables do), and
    messages about them use it. Any other table is numbered from 1 in the order
    of its rows: ``frame.iloc[0]`` is row 1. The number is given to the exception
    as ``row=`` and appears once, in the place of the message (``row 3, column
    'start': …``), never again in its text. :func:`row_number` applies the rule.

Blank cells
    :func:`is_blank` is the one test of an empty cell: ``None``, NaN, ``pd.NA``,
    ``NaT`` (pandas' or numpy's) and texts that are empty or only whitespace.
    Lists, zeros and ``False`` are values.

Offsets
    ``start`` and ``end`` are whole numbers of code points, ``0 <= start``, and
    ``start < end`` (a coding covers at least one character; ``end`` is exclusive).
    :func:`check_offsets` returns a copy with integer offsets or names the first
    bad row.

Examples
--------
>>> is_blank(None), is_blank(float("nan")), is_blank(" "), is_blank("x"), is_blank([])
(True, True, True, False, False)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from research.errors import CodingError, InputError, SchemaError

__all__ = [
    "CODE_COLUMNS",
    "CODING_COLUMNS",
    "CODING_KEY",
    "DOCUMENT_COLUMNS",
    "OFFSET_HINT",
    "ORDER_HINT",
    "SEGMENT_COLUMNS",
    "check_offsets",
    "is_blank",
    "parse_offsets",
    "require_columns",
    "row_number",
]

#: Columns of the ``documents`` table (the documents' metadata attributes follow).
DOCUMENT_COLUMNS = (
    "doc_id",
    "kind",
    "title",
    "date",
    "edition",
    "path",
    "sha256",
    "n_chars",
    "n_words",
    "n_segments",
)
#: Columns of the ``segments`` table (``time`` is empty unless the transcript is timed,
#: ``page`` unless the text is paginated, as a PDF is).
SEGMENT_COLUMNS = (
    "doc_id",
    "seg_id",
    "start",
    "end",
    "speaker",
    "actor",
    "section",
    "text",
    "time",
    "page",
)
#: Columns of the ``codes`` table (:attr:`research.codebook.Codebook.codes`).
CODE_COLUMNS = (
    "code",
    "parent",
    "label",
    "definition",
    "include",
    "exclude",
    "example",
    "color",
    "codable",
    "level",
    "memo",
    "references",
    "file",
    "line",
)
#: Columns of the ``codings`` table and of every coder file.
CODING_COLUMNS = ("coder", "doc_id", "start", "end", "code", "quote", "memo", "created")
#: The columns a codings table cannot do without.
CODING_KEY = ("coder", "doc_id", "start", "end", "code")

#: Hints of the two offset problems, shared by the checks of tables and of coder files.
OFFSET_HINT = "offsets count characters (code points) of the stored text from 0"
ORDER_HINT = "end is exclusive: a coding covers the characters start to end - 1"


def is_blank(value: Any) -> bool:
    """Whether a cell is empty: None, NaN, NA, NaT, or a text of whitespace only.

    Examples
    --------
    >>> import pandas as pd
    >>> [is_blank(v) for v in (pd.NA, pd.NaT, "", " \\t", 0, False, ["a"], "a")]
    [True, True, True, True, False, False, False, False]
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float | np.floating):
        return bool(value != value)
    if isinstance(value, np.datetime64 | np.timedelta64):
        return bool(np.isnat(value))
    return False


def row_number(frame: pd.DataFrame, position: int) -> int:
    """The row a person sees for the record at ``position`` (see the module's rule).

    Examples
    --------
    >>> import pandas as pd
    >>> row_number(pd.DataFrame({"a": [1, 2]}), 0)
    1
    >>> row_number(pd.DataFrame({"a": [1, 2]}, index=pd.Index([2, 3], name="row")), 0)
    2
    """
    if frame.index.name == "row":
        return int(frame.index[position])
    return int(position) + 1


def require_columns(
    frame: Any,
    columns: Sequence[str],
    *,
    table: str,
    error: type[InputError] = SchemaError,
    path: str | None = None,
) -> None:
    """Raise ``error`` unless ``frame`` is a DataFrame with every one of ``columns``.

    Examples
    --------
    >>> import pandas as pd
    >>> require_columns(pd.DataFrame({"doc_id": []}), ["doc_id", "kind"], table="documents")
    Traceback (most recent call last):
    ...
    research.errors.SchemaError: column 'kind': the documents table has no column 'kind' (hint: ...)
    """
    if not isinstance(frame, pd.DataFrame):
        raise error(
            f"the {table} table is a {type(frame).__name__}, not a pandas DataFrame",
            path=path,
            hint=f"give the {table} table as a pandas DataFrame",
        )
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        names = ", ".join(repr(c) for c in missing)
        raise error(
            f"the {table} table has no column{'s' if len(missing) > 1 else ''} {names}",
            path=path,
            column=missing[0],
            hint=f"the {table} table needs the columns {', '.join(columns)}",
        )


def parse_offsets(values: pd.Series | Sequence[Any]) -> tuple[np.ndarray, np.ndarray]:
    """Offsets as integers, and a mask of the cells that are not whole numbers >= 0.

    Bad cells are ``-1`` in the integers. Texts of digits (as read from a CSV
    file) are accepted.

    Examples
    --------
    >>> numbers, bad = parse_offsets(["3", 4.0, "x", -1, 1.5])
    >>> numbers.tolist(), bad.tolist()
    ([3, 4, -1, -1, -1], [False, False, True, True, True])
    """
    array = np.asarray(values, dtype=object)
    if all(isinstance(v, str | int | np.integer) for v in array):  # texts of a CSV file
        try:
            numbers = array.astype(np.int64)
        except (ValueError, TypeError, OverflowError):
            pass
        else:
            return numbers, numbers < 0
    parsed = pd.to_numeric(pd.Series(array, dtype=object), errors="coerce").to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        bad = np.isnan(parsed) | (parsed % 1 != 0) | (parsed < 0)
    return np.where(bad, -1, np.nan_to_num(parsed)).astype(np.int64), bad


def check_offsets(
    frame: pd.DataFrame,
    *,
    table: str,
    error: type[InputError] = CodingError,
    empty: bool = False,
    path: str | None = None,
) -> pd.DataFrame:
    """A copy of ``frame`` with integer ``start`` and ``end``, checked.

    ``empty=True`` also accepts ``start == end`` (an empty segment).

    Raises
    ------
    InputError
        ``error``, naming the first bad row (see the module's rule) and column.

    Examples
    --------
    >>> import pandas as pd
    >>> check_offsets(pd.DataFrame({"start": ["0"], "end": [4.0]}), table="codings").dtypes.tolist()
    [dtype('int64'), dtype('int64')]
    >>> check_offsets(pd.DataFrame({"start": [0, 5], "end": [4, 5]}), table="codings")
    Traceback (most recent call last):
    ...
    research.errors.CodingError: row 2, column 'end': end 5 is not after start 5 (hint: ...)
    """
    require_columns(frame, ("start", "end"), table=table, error=error, path=path)
    out = frame.copy()
    for column in ("start", "end"):
        numbers, bad = parse_offsets(out[column])
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise error(
                f"{column} {out[column].iloc[i]!r} is not a whole number ≥ 0",
                path=path,
                row=row_number(frame, i),
                column=column,
                hint=OFFSET_HINT,
            )
        out[column] = numbers
    starts, ends = out["start"].to_numpy(), out["end"].to_numpy()
    bad = ends < starts if empty else ends <= starts
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise error(
            f"end {ends[i]} is {'before' if empty else 'not after'} start {starts[i]}",
            path=path,
            row=row_number(frame, i),
            column="end",
            hint=ORDER_HINT,
        )
    return out
