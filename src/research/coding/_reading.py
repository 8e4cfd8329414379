"""Reading coder files: every row typed and checked, every bad row reported.

A codings folder holds one file per coder (``<coder>.csv``); files named
``*decisions.csv`` (consensus meeting records) and files starting with ``.`` or
``_`` are not coder files. Bad rows are left out of the table and reported with
their file, line, row and column: :func:`load_codings` raises on any error,
:func:`read_codings` and :func:`validate_codings` collect them.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from research.coding._checking import check_codings
from research.coding._table import (
    _CODER,
    _KEY,
    _MAX_REPORTED,
    _TIME,
    CODING_COLUMNS,
    _sorted,
    empty_codings,
)
from research.contracts import OFFSET_HINT, ORDER_HINT, parse_offsets
from research.errors import Problem, ValidationFailed
from research.files import folder_files

if TYPE_CHECKING:
    from research.codebook import Codebook
    from research.corpus import Corpus

__all__ = ["coding_files", "load_codings", "read_codings", "validate_codings"]


# -- reading --------------------------------------------------------------------------------


def coding_files(folder: str | Path) -> list[Path]:
    """The coder files of a codings folder (``<coder>.csv``), sorted by name."""
    return [p for p in folder_files(folder, (".csv",)) if not p.stem.endswith("decisions")]


def _record_lines(frame: pd.DataFrame, data: bytes) -> np.ndarray:
    """The file line on which each record starts (header on line 1)."""
    n = len(frame)
    if data.count(b"\n") <= n + 1:  # no field holds a newline: one record per line
        return np.arange(2, n + 2, dtype=np.int64)
    newlines = np.zeros(n, dtype=np.int64)
    for column in frame.columns:
        newlines += np.fromiter((str(v).count("\n") for v in frame[column]), np.int64, n)
    lines = np.empty(n, dtype=np.int64)
    if n:
        lines[0] = 2
        lines[1:] = 2 + np.cumsum(newlines[:-1] + 1)
    return lines


def _created(values: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Times parsed as UTC (empty: NaT), and a mask of the cells that are not ISO 8601."""
    texts = values.to_numpy(dtype=object)
    empty = texts == ""
    cells = pd.Series(np.where(empty, None, texts), dtype=object)
    try:  # the form this module writes, parsed fast
        stamps = pd.to_datetime(cells, format="%Y-%m-%dT%H:%M:%SZ", utc=True)
    except (ValueError, TypeError):
        stamps = pd.to_datetime(cells, utc=True, format="ISO8601", errors="coerce")
    stamps = stamps.astype(_TIME)
    return stamps, (stamps.isna().to_numpy() & ~empty)


def _row_problems(
    mask: np.ndarray, frame: pd.DataFrame, rel: str, column: str, message, hint: str | None
) -> list[Problem]:
    problems = []
    where = np.flatnonzero(mask)
    for i in where[:_MAX_REPORTED]:
        line, row = int(frame["_line"].iat[i]), int(frame["_row"].iat[i])
        problems.append(
            Problem(
                "error",
                message(frame.iloc[i]),
                path=rel,
                line=line if line != row else None,
                row=row,
                column=column,
                hint=hint,
            )
        )
    if len(where) > _MAX_REPORTED:
        problems.append(
            Problem(
                "error",
                f"… and {len(where) - _MAX_REPORTED} more rows with a bad {column!r}",
                path=rel,
                column=column,
            )
        )
    return problems


#: The lines git writes around the two sides of a conflict (and the base, in diff3 style).
_CONFLICT_MARKER = r"(?:<{7}|={7}|>{7}|\|{7})(?:\s|$)"
_CONFLICT_HINT = (
    "git could not merge this file: between the markers are the two versions of the same "
    "codings; keep the right one of each, delete the marker lines, then run research "
    "validate again (or take the other copy's codings with research merge)"
)


def _marker_problems(frame: pd.DataFrame, markers: np.ndarray, rel: str) -> list[Problem]:
    """One error per conflict marker left by git, naming its line."""
    where = np.flatnonzero(markers)
    problems = [
        Problem(
            "error",
            f"a git conflict marker is left in the file ({frame['coder'].iat[i][:40]!r})",
            path=rel,
            line=int(frame["_line"].iat[i]),
            hint=_CONFLICT_HINT,
        )
        for i in where[:_MAX_REPORTED]
    ]
    if len(where) > _MAX_REPORTED:
        problems.append(
            Problem(
                "error",
                f"… and {len(where) - _MAX_REPORTED} more conflict markers",
                path=rel,
            )
        )
    return problems


def _order_and_duplicates(frame: pd.DataFrame) -> tuple[bool, np.ndarray]:
    """Whether rows are in file order (``doc_id, start, end, code``), and which rows
    repeat the row before them (meaningful only when in order)."""
    n = len(frame)
    duplicated = np.zeros(n, dtype=bool)
    if n < 2:
        return True, duplicated
    greater = np.zeros(n - 1, dtype=bool)
    equal = np.ones(n - 1, dtype=bool)
    for column in ("doc_id", "start", "end", "code"):
        values = frame[column].to_numpy()
        before, after = values[:-1], values[1:]
        greater |= equal & (after > before)
        equal &= after == before
    duplicated[1:] = equal
    return bool((greater | equal).all()), duplicated


def _read_file(path: Path, rel: str) -> tuple[pd.DataFrame, list[Problem]]:
    """One coder file as typed rows (with ``_line``, ``_row``, ``_path``) and its problems."""
    coder = path.stem
    data = path.read_bytes()
    try:
        raw = pd.read_csv(
            io.BytesIO(data),
            encoding="utf-8-sig",
            dtype=object,
            keep_default_na=False,
            na_filter=False,
        )
    except UnicodeDecodeError as exc:
        return empty_codings(), [
            Problem(
                "error",
                f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                path=rel,
                hint="save the file as UTF-8",
            )
        ]
    except pd.errors.EmptyDataError:
        return empty_codings(), [Problem("warning", "empty coder file (no header)", path=rel)]
    except pd.errors.ParserError as exc:
        found = re.search(r"line (\d+)", str(exc))
        return empty_codings(), [
            Problem(
                "error",
                f"not a valid CSV file: {exc}",
                path=rel,
                line=int(found.group(1)) if found else None,
                hint="a quote with commas, quotes or newlines must be in double quotes, "
                "its inner quotes doubled",
            )
        ]
    problems: list[Problem] = []
    missing = [c for c in CODING_COLUMNS if c not in raw.columns]
    if missing:
        return empty_codings(), [
            Problem(
                "error",
                f"missing column(s) {', '.join(missing)}",
                path=rel,
                line=1,
                hint=f"the header must be: {','.join(CODING_COLUMNS)}",
            )
        ]
    extra = [c for c in raw.columns if c not in CODING_COLUMNS]
    if extra:
        problems.append(
            Problem("warning", f"extra column(s) {', '.join(extra)} ignored", path=rel, line=1)
        )
    frame = raw[CODING_COLUMNS].copy()
    frame["_line"] = _record_lines(raw, data)
    frame["_row"] = np.arange(2, len(frame) + 2)
    bad = np.zeros(len(frame), dtype=bool)

    def flag(mask, column, message, hint=None):
        nonlocal bad
        mask = np.asarray(mask, dtype=bool) & ~bad
        if mask.any():
            problems.extend(_row_problems(mask, frame, rel, column, message, hint))
            bad |= mask

    markers = frame["coder"].str.match(_CONFLICT_MARKER).to_numpy(dtype=bool)
    if markers.any():
        problems += _marker_problems(frame, markers, rel)
        bad |= markers
    flag(
        frame["coder"].to_numpy(dtype=object) != coder,
        "coder",
        lambda r: f"coder {r['coder']!r} in the file of {coder!r}",
        "each coder has a file of their own: move the row to that coder's file, or correct the name",
    )
    for column in ("doc_id", "code"):
        flag(frame[column].to_numpy(dtype=object) == "", column, lambda r, c=column: f"empty {c}")
    starts, bad_starts = parse_offsets(frame["start"])
    ends, bad_ends = parse_offsets(frame["end"])
    for column, mask in (("start", bad_starts), ("end", bad_ends)):
        flag(
            mask,
            column,
            lambda r, c=column: f"{c} {r[c]!r} is not a whole number ≥ 0",
            OFFSET_HINT,
        )
    flag(
        ends <= starts,
        "end",
        lambda r: f"end {r['end']} is not after start {r['start']}",
        ORDER_HINT,
    )
    created, bad_created = _created(frame["created"])
    flag(
        bad_created,
        "created",
        lambda r: f"created {r['created']!r} is not an ISO 8601 time",
        "write it like 2019-03-14T10:00:00Z",
    )
    keep = ~bad
    out = frame[keep].copy() if bad.any() else frame
    out["start"] = starts[keep]
    out["end"] = ends[keep]
    out["created"] = created.set_axis(frame.index)[keep]
    out["_path"] = rel
    in_order, duplicated = _order_and_duplicates(out)
    if not in_order:
        duplicated = out.duplicated(_KEY, keep="first").to_numpy()
    out.attrs["sorted"] = in_order
    for i in np.flatnonzero(duplicated)[:_MAX_REPORTED]:
        problems.append(
            Problem(
                "warning",
                f"the same coding appears twice ({out['doc_id'].iat[i]} "
                f"{out['start'].iat[i]}-{out['end'].iat[i]} {out['code'].iat[i]})",
                path=rel,
                row=int(out["_row"].iat[i]),
                hint="remove one of the two rows",
            )
        )
    return out, problems


def _read_all(
    folder: str | Path, *, root: str | Path | None = None
) -> tuple[pd.DataFrame, list[Problem]]:
    folder = Path(folder)
    root = Path(root) if root is not None else folder
    frames, problems = [], []
    for path in coding_files(folder):
        try:
            rel = path.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
        if not _CODER.match(path.stem):
            problems.append(
                Problem(
                    "error",
                    f"file name {path.name!r} is not a coder name",
                    path=rel,
                    hint="rename it to <coder>.csv with letters, digits, '.', '_', '-'",
                )
            )
            continue
        frame, found = _read_file(path, rel)
        frames.append(frame)
        problems += found
    frames = [f for f in frames if len(f)]
    if not frames:
        empty = empty_codings()
        for column, dtype in (("_line", "int64"), ("_row", "int64"), ("_path", object)):
            empty[column] = pd.Series(dtype=dtype)
        return empty, problems
    in_order = all(f.attrs.get("sorted", False) for f in frames)  # files come by coder name
    joined = pd.concat(frames, ignore_index=True)
    joined.attrs = {}
    return (joined if in_order else _sorted(joined)), problems


def read_codings(
    folder: str | Path, *, root: str | Path | None = None
) -> tuple[pd.DataFrame, list[Problem]]:
    """Read every coder file, collecting problems instead of stopping.

    Bad rows are left out of the table and reported, each with its file, row
    (as a spreadsheet numbers it, the header being row 1) and column.

    Parameters
    ----------
    folder : path-like
        The codings folder.
    root : path-like, optional
        Paths in problems are relative to it (default: ``folder``).

    Returns
    -------
    codings : pandas.DataFrame
        :data:`CODING_COLUMNS`, sorted by coder, document, offsets and code.
    problems : list of Problem
    """
    frame, problems = _read_all(folder, root=root)
    return frame[CODING_COLUMNS].reset_index(drop=True), problems


def load_codings(
    folder: str | Path,
    *,
    corpus: Corpus | None = None,
    codebook: Codebook | None = None,
) -> pd.DataFrame:
    """Every coder's codings, concatenated, typed and sorted; raise on any error.

    Parameters
    ----------
    folder : path-like
        The codings folder (``corpus/codings``).
    corpus, codebook : optional
        When given, every coding is also checked against them: its document and
        code exist and ``text[start:end] == quote`` (see :func:`check_codings`).

    Raises
    ------
    ValidationFailed
        Listing every bad row (file, row, column) or coding found.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "lea.csv").write_text(
    ...     "coder,doc_id,start,end,code,quote,memo,created\\nlea,D,0,x,c,,,\\n")
    >>> load_codings(folder)
    Traceback (most recent call last):
    ...
    research.errors.ValidationFailed: 1 problem found:
      error: lea.csv, row 2, column 'end': end 'x' is not a whole number ≥ 0 (hint: ...)
    """
    frame, problems = _read_all(folder)
    if corpus is not None or codebook is not None:
        problems += check_codings(frame, corpus=corpus, codebook=codebook)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValidationFailed(errors)
    return frame[CODING_COLUMNS].reset_index(drop=True)


def validate_codings(
    folder: str | Path,
    *,
    root: str | Path | None = None,
    corpus: Corpus | None = None,
    codebook: Codebook | None = None,
) -> list[Problem]:
    """Every problem of a codings folder: bad rows, then codings against codebook and corpus.

    This is the check ``research validate`` runs; problems name the coder file
    (relative to ``root``), the row and the column.
    """
    frame, problems = _read_all(folder, root=root)
    return problems + check_codings(frame, corpus=corpus, codebook=codebook)
