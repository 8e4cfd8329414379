"""The codings table: its columns and types, and the CSV text of a coder file.

Every coder file and the ``codings`` table have the columns of
:data:`CODING_COLUMNS`. ``start`` and ``end`` count code points of the stored
document text (end exclusive) and ``quote`` is ``text[start:end]``. A coder file is
UTF-8 with ``\\n`` newlines, rows sorted by ``doc_id, start, end, code``,
``created`` in ISO 8601 UTC (see :func:`codings_text`).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from research import contracts
from research.contracts import CODING_KEY, check_offsets, is_blank, require_columns, row_number
from research.errors import CodingError

__all__ = ["CODING_COLUMNS", "codings_text", "empty_codings", "typed_codings"]

#: Columns of the ``codings`` table and of every coder file.
CODING_COLUMNS = list(contracts.CODING_COLUMNS)
_KEY = list(CODING_KEY)
_SORT = ["coder", "doc_id", "start", "end", "code"]
#: The order of a coder file's rows: by place and code, then (for two rows of the
#: same coding, which a file should not hold) by every other column, so that the
#: text depends on the rows only, never on the order they were given in.
_FILE_ORDER = ["doc_id", "start", "end", "code", "created", "quote", "memo"]
_CODER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_MAX_REPORTED = 20
_TIME = "datetime64[ns, UTC]"
_SPECIAL = re.compile(r'[,"\r\n]')


# -- frames ---------------------------------------------------------------------------------


def empty_codings() -> pd.DataFrame:
    """An empty codings table with the right columns and types."""
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in CODING_COLUMNS})
    return frame.astype({"start": "int64", "end": "int64", "created": _TIME})


def _check_coder(coder: str) -> str:
    if not isinstance(coder, str) or not _CODER.match(coder):
        raise CodingError(
            f"coder name {coder!r} cannot name a file",
            hint="use letters, digits, '.', '_' and '-', starting with a letter or digit",
        )
    return coder


def _format_created(values: pd.Series) -> pd.Series:
    """ISO 8601 UTC texts (``2019-03-14T10:00:00Z``), fractions only when present."""
    stamps = pd.to_datetime(values, utc=True, format="ISO8601")
    out = stamps.dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    fractional = stamps.notna() & (stamps.dt.microsecond != 0)
    if fractional.any():
        out[fractional] = stamps[fractional].dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return out.where(stamps.notna(), "")


def typed_codings(frame: pd.DataFrame, *, what: str = "codings") -> pd.DataFrame:
    """A copy of ``frame`` with the codings columns and types, checked.

    ``start``/``end`` become integers, ``created`` a UTC timestamp (missing: now
    is *not* assumed; it stays empty), ``memo`` and ``quote`` texts (``""`` when
    empty).

    Raises
    ------
    CodingError
        Naming the first bad row and column.

    Examples
    --------
    >>> typed_codings(pd.DataFrame({"coder": ["a"], "doc_id": ["D"], "start": ["3"],
    ...                             "end": [5], "code": ["x"]})).dtypes["start"]
    dtype('int64')
    """
    require_columns(frame, CODING_KEY, table=what, error=CodingError)
    out = frame.copy()
    for column in ("quote", "memo"):  # texts kept as they are, whitespace included
        if column not in out.columns:
            out[column] = ""
        out[column] = [
            v if isinstance(v, str) else "" if is_blank(v) else str(v) for v in out[column]
        ]
    if "created" not in out.columns:
        out["created"] = pd.NaT
    for column in ("coder", "doc_id", "code"):
        blank = np.fromiter(
            (not v.strip() if isinstance(v, str) else is_blank(v) for v in out[column]),
            dtype=bool,
            count=len(out),
        )
        if blank.any():
            row = row_number(frame, int(np.flatnonzero(blank)[0]))
            raise CodingError(f"empty {column}", row=row, column=column)
        out[column] = out[column].astype(str)
    out = check_offsets(out, table=what)
    try:
        if isinstance(out["created"].dtype, pd.DatetimeTZDtype):
            out["created"] = out["created"].astype(_TIME)
        else:
            values = pd.Series(
                [None if is_blank(v) else v for v in out["created"]], index=out.index, dtype=object
            )
            out["created"] = pd.to_datetime(values, utc=True, format="ISO8601").astype(_TIME)
    except (ValueError, TypeError) as exc:
        raise CodingError(f"{what}: a 'created' value is not an ISO 8601 time ({exc})") from None
    extra = [c for c in out.columns if c not in CODING_COLUMNS]
    return out[CODING_COLUMNS + extra]


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(_SORT, kind="stable").reset_index(drop=True)


def codings_text(frame: pd.DataFrame) -> str:
    """The CSV text of codings: header, ``\\n`` newlines, rows in file order.

    The same rows give the same text whatever their order, and a text read back
    gives itself again, so that files change only where codings change (two
    copies of a project merge line by line).

    Examples
    --------
    >>> frame = typed_codings(pd.DataFrame({"coder": ["a"], "doc_id": ["D"], "start": [0],
    ...     "end": [4], "code": ["x"], "quote": ['« "oui"\\nnon'],
    ...     "created": ["2019-03-14T10:00:00Z"]}))
    >>> print(codings_text(frame), end="")
    coder,doc_id,start,end,code,quote,memo,created
    a,D,0,4,x,"« ""oui""
    non",,2019-03-14T10:00:00Z
    """
    frame = typed_codings(frame)
    out = frame[CODING_COLUMNS].sort_values(_FILE_ORDER, kind="stable")
    header = ",".join(CODING_COLUMNS) + "\n"
    if not len(out):
        return header
    columns = [
        _format_created(out[c]).tolist() if c == "created" else out[c].tolist()
        for c in CODING_COLUMNS
    ]
    text_columns = {i for i, c in enumerate(CODING_COLUMNS) if c not in ("start", "end", "created")}
    for i in text_columns:
        columns[i] = [_csv_field(str(v)) for v in columns[i]]
    lines = [",".join(map(str, row)) for row in zip(*columns, strict=True)]
    return header + "\n".join(lines) + "\n"


def _csv_field(value: str) -> str:
    """A text as a CSV field: in double quotes (inner quotes doubled) when it holds a
    comma, a quote, a newline or a carriage return."""
    if _SPECIAL.search(value) is None:
        return value
    return '"' + value.replace('"', '""') + '"'
