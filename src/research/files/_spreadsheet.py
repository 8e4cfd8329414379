"""Tables written for spreadsheets, with no cell a spreadsheet would run as a formula.

A passage, a memo or a code label can start with ``=``, ``+``, ``-`` or ``@``
(or a tab or carriage return); written raw into a CSV file, a spreadsheet opening
it reads the cell as a formula, which can compute, fetch a web address or run a
command ("CSV injection", [1]_). Every export of people's text to CSV or XLSX goes
through this module:

- :func:`csv_text` prefixes such text cells with a single quote ``'``, which
  spreadsheets show as text and readers can still read;
- :func:`xlsx_bytes` writes every text cell of the workbook as a string cell, so
  no cell is ever a formula (the text is kept exactly).

Numbers stay numbers: a negative number, or a text that is only a number such as
``"-3.5"``, is not changed.

Files the project reads back (codings, decisions) are data, not exports: they are
written as they are.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"quote": ["=1+1", "bonjour"], "n": [-2, 3]})
>>> print(csv_text(frame), end="")
quote,n
'=1+1,-2
bonjour,3

References
----------
.. [1] OWASP, "CSV Injection", OWASP Foundation community pages.
"""

from __future__ import annotations

import io
import re
from typing import Any

import pandas as pd

__all__ = ["csv_text", "spreadsheet_cell", "spreadsheet_safe", "xlsx_bytes"]

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d[\d\s]*(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?%?")


def spreadsheet_cell(value: Any) -> Any:
    """``value`` with a ``'`` before it when it is a text a spreadsheet would run.

    Examples
    --------
    >>> spreadsheet_cell("@SUM(A1)")
    "'@SUM(A1)"
    >>> spreadsheet_cell("-3.5"), spreadsheet_cell(-3), spreadsheet_cell("a=b")
    ('-3.5', -3, 'a=b')
    """
    if isinstance(value, str) and value.startswith(_TRIGGERS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and column names pass :func:`spreadsheet_cell`.

    Examples
    --------
    >>> frame = pd.DataFrame({"+x": ["-moins", "ok"]})
    >>> spreadsheet_safe(frame).to_dict("list")
    {"'+x": ["'-moins", 'ok']}
    >>> frame.columns.tolist()
    ['+x']
    """
    out = frame.copy()
    for position in range(out.shape[1]):
        column = out.iloc[:, position]
        if column.dtype == object or pd.api.types.is_string_dtype(column.dtype):
            cells = [spreadsheet_cell(v) for v in column.tolist()]
            out[out.columns[position]] = pd.Series(cells, index=out.index, dtype=column.dtype)
    out.columns = [spreadsheet_cell(c) for c in out.columns]
    return out


def csv_text(frame: pd.DataFrame, **options: Any) -> str:
    """``frame`` as CSV text (no index, ``\\n`` line ends) with risky cells neutralised.

    ``options`` are passed on to :meth:`pandas.DataFrame.to_csv`.
    """
    options = {"index": False, "lineterminator": "\n", **options}
    return spreadsheet_safe(frame).to_csv(**options)


def xlsx_bytes(frame: pd.DataFrame, *, sheet: str = "Feuil1") -> bytes:
    """``frame`` as an XLSX workbook of one sheet whose text cells are all strings.

    Times with a time zone are written as the local times they hold (Excel has
    no time zones).

    Examples
    --------
    >>> import openpyxl
    >>> data = xlsx_bytes(pd.DataFrame({"quote": ["=1+1"], "n": [-2]}))
    >>> cell = openpyxl.load_workbook(io.BytesIO(data))["Feuil1"]["A2"]
    >>> cell.value, cell.data_type
    ('=1+1', 's')
    """
    frame = frame.copy()
    for position in range(frame.shape[1]):
        column = frame.iloc[:, position]
        if isinstance(column.dtype, pd.DatetimeTZDtype):  # Excel has no time zones
            frame[frame.columns[position]] = column.dt.tz_localize(None)
    buffer = io.BytesIO()
    name = re.sub(r"[\[\]:*?/\\]", "_", sheet)[:31] or "Feuil1"
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=name, index=False)
        for row in writer.sheets[name].iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    return buffer.getvalue()
