"""Reading a spreadsheet (CSV, TSV or the first sheet of an XLSX) as rows of text cells.

Every table the project reads from people's spreadsheets (edition tables, survey
answers) comes through :func:`read_rows`, so a file is read the same way whatever
it holds: CSV decoded by :func:`research.files.decode_bytes` (UTF-8, with or
without BOM, or cp1252 with a warning), its delimiter found from the file, quoted
cells kept whole (line breaks inside a cell included); an XLSX workbook checked
with :func:`research.files.check_zip` before openpyxl reads its first sheet, its
cells written in the notation a CSV would hold (dates as ISO text, whole numbers
without ``.0``, booleans as ``true``/``false``).

Examples
--------
>>> import io
>>> read_rows(io.StringIO('id;avis\\n1;"Bien, vraiment ;\\nà refaire"\\n'))
[['id', 'avis'], ['1', 'Bien, vraiment ;\\nà refaire']]
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from os import PathLike
from pathlib import Path
from typing import IO, Any

from research.errors import InputError, Problem
from research.files._archives import check_zip
from research.files._atomic import read_limited
from research.files._decoding import decode_bytes
from research.files._limits import Limits

__all__ = ["read_rows"]

Source = str | PathLike | IO[str] | IO[bytes]

_DELIMITERS = (",", ";", "\t")
_SNIFFED_LINES = 50
_RESAVE_CSV = "save the file again as 'CSV UTF-8' from the spreadsheet"


def _header_delimiter(text: str) -> str:
    """The most frequent of ``,``, ``;`` and tab on the header line (``,`` when none)."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _delimiter(text: str) -> str:
    """The delimiter that cuts the first records into rows as wide as the header.

    Each of ``,``, ``;`` and tab is tried on the first lines (quoted cells kept
    whole, line breaks inside them included). Of those under which the most
    records, or nearly, have as many cells as the header (and more than one), the
    one that gives the most columns wins: a header whose questions hold a comma
    then does not turn a semicolon file into two columns. When no delimiter cuts
    the header at all, the most frequent on the header line wins (``,`` when none).

    Examples
    --------
    >>> _delimiter("id;Qu'en pensez-vous, en somme ?\\n1;Bien, oui\\n2;Non\\n")
    ';'
    >>> _delimiter("a,b\\n1,2\\n")
    ','
    >>> _delimiter('n;ville;Votre avis, en bref ?;Vos freins\\n1;Lons;"Oui,\\nbien";Le temps, le soir\\n')
    ';'
    """
    lines = text.split("\n", _SNIFFED_LINES)
    truncated = len(lines) > _SNIFFED_LINES  # the last record of the sample may be cut
    sample = "\n".join(lines[:_SNIFFED_LINES])
    found: dict[str, tuple[float, int]] = {}
    for delimiter in _DELIMITERS:
        try:
            records = [
                r for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter) if r
            ]
        except csv.Error:
            continue
        if not records or len(records[0]) < 2:
            continue
        width = len(records[0])
        body = records[1:-1] if truncated else records[1:]
        share = sum(len(r) == width for r in body) / len(body) if body else 1.0
        found[delimiter] = (share, width)
    if not found:
        return _header_delimiter(text)
    best = max(share for share, _ in found.values())
    close = {d: width for d, (share, width) in found.items() if share >= best - 0.1}
    return max(close, key=lambda d: (close[d], d == _header_delimiter(text)))


def _csv_rows(
    source: Source, where: str | None, problems: list[Problem], options: Limits, tab: bool
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
    delimiter = "\t" if tab else _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [list(r) for r in reader]
    except csv.Error as exc:
        raise InputError(
            f"the CSV cannot be parsed ({exc})",
            path=where,
            line=reader.line_num,
            hint="look for an unclosed double quote on or before that line",
        ) from exc


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


def _xlsx_rows(path: Path, options: Limits) -> list[list[str]]:
    import openpyxl

    data = read_limited(path, max_bytes=options.max_file_bytes)
    with check_zip(path, options, data=data, kind=".xlsx"):
        pass  # the index is within the limits; openpyxl reads the members
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many unrelated types for a broken file
        raise InputError(
            f"the workbook cannot be opened ({exc})",
            path=path,
            hint="save it again as .xlsx, or export the sheet as CSV UTF-8",
        ) from exc
    try:
        sheet = book.worksheets[0]
        return [[_xlsx_text(v) for v in r] for r in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def read_rows(
    source: Source,
    *,
    path: str | PathLike | None = None,
    options: Limits | None = None,
    problems: list[Problem] | None = None,
) -> list[list[str]]:
    """The rows of a spreadsheet as lists of text cells, header first.

    Parameters
    ----------
    source : path or file object
        A ``.csv``, ``.tsv`` or ``.xlsx`` file (its first sheet), or an open CSV
        text or bytes stream.
    path : path, optional
        The name used in errors; defaults to ``source`` when it is a path.
    options : Limits, optional
        Limits on the file's size and on a workbook's zip container.
    problems : list, optional
        Receives the warnings (a cp1252 fallback).

    Raises
    ------
    InputError
        When the file cannot be read (not text, not a workbook, broken quotes).
    UnsafeInputError
        When the file, or a workbook's zip container, is over a limit.
    """
    if path is None and isinstance(source, str | PathLike):
        path = source
    where = None if path is None else str(path)
    options = options or Limits()
    problems = problems if problems is not None else []
    suffix = Path(source).suffix.lower() if isinstance(source, str | PathLike) else ""
    if suffix == ".xlsx":
        return _xlsx_rows(Path(source), options)
    return _csv_rows(source, where, problems, options, tab=suffix == ".tsv")
