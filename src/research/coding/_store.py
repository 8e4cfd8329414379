"""The coding store: one CSV file per coder, and a coding session for notebooks.

Each coder's codings live in ``corpus/codings/<coder>.csv`` with the columns of
:data:`CODING_COLUMNS`. ``start`` and ``end`` count code points of the stored
document text (end exclusive) and ``quote`` is ``text[start:end]``, kept so that a
coding can be found again after a transcript is corrected (see
:mod:`research.coding`). Files are UTF-8 with ``\\n`` newlines, rows sorted by
``doc_id, start, end, code``, ``created`` in ISO 8601 UTC.

Every write is atomic (temporary file, fsync, replace); two coders never write
the same file; two processes of one coder are serialised by a lock file
``.<coder>.lock`` next to the codings, held with an OS lock so that a killed
process never blocks the coder (see :func:`coder_lock`). Files named ``*decisions.csv`` (consensus
meeting records) and files starting with ``.`` or ``_`` are not coder files.

Examples
--------
>>> import tempfile, pathlib
>>> from research.corpus import Corpus
>>> from research.codebook import Codebook
>>> from research.coding import CodingSession
>>> corpus = Corpus.from_texts({"D": "Élodie : On a monté la coopérative ensemble."})
>>> book = Codebook.from_frame(pd.DataFrame({"code": ["sut", "sut.cooperation"],
...                                          "codable": [False, True]}))
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> session = CodingSession(None, "camille", corpus=corpus, codebook=book, folder=folder)
>>> session.code_text("D", "monté la coopérative", "sut.cooperation")[["start", "end"]].values.tolist()
[[14, 34]]
>>> _ = session.save()
>>> load_codings(folder)[["coder", "code", "quote"]].values.tolist()
[['camille', 'sut.cooperation', 'monté la coopérative']]
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import socket
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

try:
    import fcntl
except ImportError:  # no OS file locks here (Windows): lock files linked into place
    fcntl = None  # type: ignore[assignment]

from research import contracts
from research.coding._anchoring import check_anchors, reanchor
from research.contracts import (
    CODING_KEY,
    OFFSET_HINT,
    ORDER_HINT,
    check_offsets,
    is_blank,
    parse_offsets,
    require_columns,
    row_number,
)
from research.errors import CodingError, Problem, ValidationFailed
from research.files import atomic_write_text

if TYPE_CHECKING:
    from research.codebook import Codebook
    from research.corpus import Corpus

__all__ = [
    "CODING_COLUMNS",
    "apply_reanchoring",
    "check_codings",
    "coder_lock",
    "coding_files",
    "codings_text",
    "empty_codings",
    "load_codings",
    "read_codings",
    "save_codings",
    "typed_codings",
    "validate_codings",
]

#: Columns of the ``codings`` table and of every coder file.
CODING_COLUMNS = list(contracts.CODING_COLUMNS)
_KEY = list(CODING_KEY)
_SORT = ["coder", "doc_id", "start", "end", "code"]
_CODER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_MAX_REPORTED = 20
_STALE_LOCK_SECONDS = 600.0
_TIME = "datetime64[ns, UTC]"


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
        out[column] = out[column].map(
            lambda v: "" if not isinstance(v, str) and is_blank(v) else str(v)
        )
    if "created" not in out.columns:
        out["created"] = pd.NaT
    for column in ("coder", "doc_id", "code"):
        blank = out[column].map(is_blank).to_numpy(dtype=bool)
        if blank.any():
            row = row_number(frame, int(np.flatnonzero(blank)[0]))
            raise CodingError(f"empty {column}", row=row, column=column)
        out[column] = out[column].astype(str)
    out = check_offsets(out, table=what)
    try:
        if isinstance(out["created"].dtype, pd.DatetimeTZDtype):
            out["created"] = out["created"].astype(_TIME)
        else:
            values = out["created"].map(lambda v: None if is_blank(v) else v)
            out["created"] = pd.to_datetime(values, utc=True, format="ISO8601").astype(_TIME)
    except (ValueError, TypeError) as exc:
        raise CodingError(f"{what}: a 'created' value is not an ISO 8601 time ({exc})") from None
    extra = [c for c in out.columns if c not in CODING_COLUMNS]
    return out[CODING_COLUMNS + extra]


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(_SORT, kind="stable").reset_index(drop=True)


def codings_text(frame: pd.DataFrame) -> str:
    """The CSV text of codings: header, ``\\n`` newlines, rows in file order.

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
    out = frame[CODING_COLUMNS].sort_values(["doc_id", "start", "end", "code"], kind="stable")
    if not len(out):
        return ",".join(CODING_COLUMNS) + "\n"
    fields = []
    for column in CODING_COLUMNS:
        if column == "created":
            values = _format_created(out[column])
        elif column in ("start", "end"):
            values = out[column].astype(str)
        else:
            values = _csv_field(out[column].astype(str))
        fields.append(values.reset_index(drop=True))
    lines = fields[0].str.cat(fields[1:], sep=",")
    return ",".join(CODING_COLUMNS) + "\n" + "\n".join(lines.tolist()) + "\n"


def _csv_field(values: pd.Series) -> pd.Series:
    """Texts as CSV fields: in double quotes (inner quotes doubled) when they hold
    a comma, a quote, a newline or a carriage return."""
    special = values.str.contains(r'[,"\r\n]', regex=True)
    quoted = '"' + values.str.replace('"', '""', regex=False) + '"'
    return values.where(~special, quoted)


# -- reading --------------------------------------------------------------------------------


def coding_files(folder: str | Path) -> list[Path]:
    """The coder files of a codings folder (``<coder>.csv``), sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() == ".csv"
        and not p.name.startswith((".", "_"))
        and not p.stem.endswith("decisions")
    )


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


def check_codings(
    codings: pd.DataFrame,
    *,
    corpus: Corpus | None = None,
    codebook: Codebook | None = None,
) -> list[Problem]:
    """Problems of codings against the codebook and the corpus.

    Unknown codes and documents and orphaned codings (quote not found) are
    errors; categories used for coding and codings whose text moved (to apply
    with ``research anchor --apply``) are warnings. Rows read by
    :func:`read_codings` keep their file and row in the problems.

    Examples
    --------
    >>> from research.corpus import Corpus
    >>> corpus = Corpus.from_texts({"D": "Un texte corrigé."})
    >>> codings = typed_codings(pd.DataFrame({"coder": ["a"], "doc_id": ["D"], "start": [3],
    ...     "end": [8], "code": ["x"], "quote": ["texte"]}))
    >>> [p.message for p in check_codings(codings, corpus=corpus)]
    []
    """
    problems: list[Problem] = []
    if not len(codings):
        return problems

    def place(i: int) -> dict:
        if "_path" not in codings.columns:
            return {"row": i + 1}
        return {"path": codings["_path"].iat[i], "row": int(codings["_row"].iat[i])}

    def report(mask, severity, message, column, hint=None):
        where = np.flatnonzero(np.asarray(mask, dtype=bool))
        for i in where[:_MAX_REPORTED]:
            problems.append(Problem(severity, message(i), **place(i), column=column, hint=hint))
        if len(where) > _MAX_REPORTED:
            problems.append(
                Problem(
                    severity, f"… and {len(where) - _MAX_REPORTED} more such codings", column=column
                )
            )

    if codebook is not None:
        import difflib

        known = set(codebook.ids)
        unknown = ~codings["code"].isin(known).to_numpy()

        def unknown_message(i: int) -> str:
            code = codings["code"].iat[i]
            close = difflib.get_close_matches(code, codebook.ids, n=1)
            return f"code {code!r} is not in the codebook" + (
                f" (did you mean {close[0]!r}?)" if close else ""
            )

        report(
            unknown,
            "error",
            unknown_message,
            "code",
            "add the code to the codebook, or rename the codings with 'research codebook rename'",
        )
        categories = {c for c in known if not codebook.is_codable(c)}
        report(
            codings["code"].isin(categories).to_numpy(),
            "warning",
            lambda i: f"code {codings['code'].iat[i]!r} is a category (codable: false)",
            "code",
            "code with one of its children, or mark it codable",
        )
    if corpus is not None:
        missing = ~codings["doc_id"].isin(set(corpus.doc_ids)).to_numpy()
        report(
            missing,
            "error",
            lambda i: f"document {codings['doc_id'].iat[i]!r} is not in the corpus",
            "doc_id",
            "restore the document or correct its id",
        )
        _, moved, orphaned = check_anchors(codings[~missing], corpus)
        for frame, severity, column in ((moved, "warning", "start"), (orphaned, "error", "quote")):
            for k, (_, row) in enumerate(frame.iterrows()):
                if k >= _MAX_REPORTED:
                    problems.append(
                        Problem(severity, f"… and {len(frame) - k} more", column=column)
                    )
                    break
                where = (
                    {"path": row["_path"], "row": int(row["_row"])}
                    if "_path" in frame.columns
                    else {}
                )
                if severity == "warning":
                    message = (
                        f"the text of {row['doc_id']} changed: coding {row['code']!r} moved from "
                        f"{row['start']}-{row['end']} to {row['new_start']}-{row['new_end']} ({row['method']})"
                    )
                    hint = "run 'research anchor --apply' to record the new offsets"
                else:
                    message = (
                        f"coding {row['code']!r} of {row['doc_id']} is orphaned: {row['reason']}"
                    )
                    hint = (
                        "find the passage by hand and correct start, end and quote (never drop it)"
                    )
                problems.append(Problem(severity, message, **where, column=column, hint=hint))
    return problems


# -- writing --------------------------------------------------------------------------------


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _lock_owner(path: Path) -> tuple[int | None, str, float | None]:
    """The pid, host and time written in a lock file (``None``/``""`` when unreadable)."""
    try:
        content = path.read_text(encoding="utf-8").split()
    except (OSError, UnicodeDecodeError):
        return None, "", None
    pid = int(content[0]) if content and content[0].isdigit() else None
    host = content[1] if len(content) >= 2 else ""
    try:
        since = float(content[2]) if len(content) >= 3 else None
    except ValueError:
        since = None
    return pid, host, since


def _lock_is_stale(path: Path) -> bool:
    """Whether the owner written in a lock file cannot still be holding it.

    Only used for a lock whose OS lock nobody holds (or where there are no OS
    locks): an empty or unreadable file (a process killed before it wrote its
    name, or a file damaged), a process of this machine that no longer runs, or
    a file untouched for ten minutes.
    """
    pid, host, _ = _lock_owner(path)
    try:
        age = time.time() - path.stat().st_mtime
    except OSError:
        return True
    if pid is None or age > _STALE_LOCK_SECONDS:
        return True
    if host == socket.gethostname():
        return not _pid_alive(pid)
    return False


def _owner_text() -> str:
    return f"{os.getpid()} {socket.gethostname()} {time.time():.0f}\n"


def _lock_busy(path: Path, coder: str) -> CodingError:
    pid, host, since = _lock_owner(path)
    if pid is None:
        who = "another process (the lock file does not name it yet)"
    else:
        who = f"another process (process {pid} on {host or 'an unknown machine'}"
    if since is not None:
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(since))
        who += f", since {stamp} UTC"
    if pid is not None:
        who += ")"
    return CodingError(
        f"the codings of {coder!r} are being saved by {who}",
        path=path,
        hint=f"wait for it to finish; if no such process runs any more, delete {path}",
    )


def _same_file(fd: int, path: Path) -> bool:
    try:
        held, named = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino)


def _held_elsewhere(path: Path) -> bool:
    """Whether a lock file whose OS lock is free names a living holder of another
    machine (a process of this one would hold the OS lock)."""
    pid, host, _ = _lock_owner(path)
    if pid is None or host == socket.gethostname():
        return False
    return not _lock_is_stale(path)


def _take_with_flock(path: Path) -> int | None:
    """One attempt at the lock with an OS lock; the open descriptor, or ``None``.

    The OS lock (``flock``) decides who holds ``path``: it is released by the
    kernel when its process dies, so a dead holder never blocks anyone, and the
    file is only ever truncated or deleted by the process that holds it. The
    owner written inside is for people and for processes of other machines
    (where the folder is shared but OS locks are not): a lock naming a living
    process of another machine, less than ten minutes old, is respected.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    # the file may have been released and deleted between our open and our lock
    if not _same_file(fd, path) or _held_elsewhere(path):
        os.close(fd)
        return None
    os.ftruncate(fd, 0)
    os.pwrite(fd, _owner_text().encode("utf-8"), 0)
    return fd


def _take_with_link(path: Path) -> int | None:
    """One attempt at the lock where there are no OS locks: the lock file is
    linked into place with its owner already written, and a stale one is moved
    aside under a unique name before being judged, so two processes never both
    remove a lock."""
    fd, tmp = tempfile.mkstemp(prefix=f"{path.name}.", suffix=".new", dir=path.parent)
    try:
        os.write(fd, _owner_text().encode("utf-8"))
        os.fsync(fd)
        try:
            os.link(tmp, path)
            return fd
        except FileExistsError:
            pass
        if _lock_is_stale(path):
            aside = f"{tmp}.stale"
            with contextlib.suppress(OSError):
                os.rename(path, aside)  # only one process wins this rename
                if _lock_is_stale(Path(aside)):
                    os.unlink(aside)
                else:  # a fresh lock taken meanwhile: put it back if still free
                    with contextlib.suppress(FileExistsError):
                        os.link(aside, path)
                    os.unlink(aside)
        os.close(fd)
        return None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


@contextlib.contextmanager
def coder_lock(folder: str | Path, coder: str, *, timeout: float = 10.0) -> Iterator[Path]:
    """Hold the lock file ``.<coder>.lock`` of a codings (or codebook) folder.

    Who holds the lock is decided by an OS lock (``flock``) on the file, which
    the system releases when its process dies: a lock left by a killed process
    is taken at once, whatever the file says, and taking over a stale lock is
    one atomic step, so two processes are never inside at once. The file names
    its holder (``pid host time``); a file naming a living process of another
    machine (a shared folder) is respected for ten minutes.

    Raises
    ------
    CodingError
        When another process holds the lock longer than ``timeout`` seconds,
        naming it, since when it holds it, and which file to delete if it is
        no longer running.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with coder_lock(folder, "lea") as lock:
    ...     lock.name, lock.exists()
    ('.lea.lock', True)
    >>> lock.exists()
    False
    """
    path = Path(folder) / f".{coder}.lock"
    take = _take_with_link if fcntl is None else _take_with_flock
    deadline = time.monotonic() + timeout
    while (fd := take(path)) is None:
        if time.monotonic() > deadline:
            raise _lock_busy(path, coder) from None
        time.sleep(0.02)
    try:
        yield path
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # while still holding it: nobody else deletes a held lock
        os.close(fd)


def save_codings(folder: str | Path, coder: str, frame: pd.DataFrame, *, lock: bool = True) -> Path:
    """Write one coder's codings to ``<folder>/<coder>.csv`` atomically.

    Parameters
    ----------
    folder : path-like
        The codings folder (created if needed).
    coder : str
        The coder; every row must be theirs.
    frame : pandas.DataFrame
        The coder's whole set of codings (the file is replaced).
    lock : bool
        Take the coder's lock file while writing (set false when the caller holds it).

    Raises
    ------
    CodingError
        When a row belongs to another coder or has a bad value.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> rows = pd.DataFrame({"coder": ["lea"], "doc_id": ["D"], "start": [0], "end": [2],
    ...                      "code": ["x"], "quote": ["Un"]})
    >>> save_codings(folder, "lea", rows).name
    'lea.csv'
    >>> save_codings(folder, "tom", rows)
    Traceback (most recent call last):
    ...
    research.errors.CodingError: row 1, column 'coder': a row of 'lea' cannot be saved in the file of 'tom' (hint: ...)
    """
    _check_coder(coder)
    folder = Path(folder)
    others = (
        frame["coder"].astype(str) != coder
        if "coder" in frame.columns
        else pd.Series([], dtype=bool)
    )
    if others.any():
        i = int(np.flatnonzero(others.to_numpy())[0])
        raise CodingError(
            f"a row of {frame['coder'].iloc[i]!r} cannot be saved in the file of {coder!r}",
            row=row_number(frame, i),
            column="coder",
            hint="two coders never write the same file; save each coder's rows separately",
        )
    text = codings_text(frame)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{coder}.csv"
    if lock:
        with coder_lock(folder, coder):
            atomic_write_text(path, text)
    else:
        atomic_write_text(path, text)
    return path


def apply_reanchoring(
    folder,
    corpus: Corpus,
    *,
    coders: list[str] | None = None,
    window: int = 1000,
    min_score: float = 85.0,
    dry_run: bool = False,
) -> pd.DataFrame:
    """Re-anchor the codings of a codings folder and write the coder files that changed.

    Each coder file is re-read and rewritten under its lock. Orphaned codings are
    left as they are and reported.

    Parameters
    ----------
    folder : path-like
        The codings folder.
    corpus : Corpus
        The corrected corpus.
    coders : list of str, optional
        Only these coders (default: all).
    dry_run : bool
        Report without writing.

    Returns
    -------
    pandas.DataFrame
        The report of :func:`reanchor`, for every coder.
    """
    folder = Path(folder)
    reports = []
    for path in coding_files(folder):
        coder = path.stem
        if coders is not None and coder not in coders:
            continue
        with coder_lock(folder, coder):
            frame, problems = _read_file(path, path.name)
            errors = [p for p in problems if p.severity == "error"]
            if errors:
                raise ValidationFailed(errors)
            new, report = reanchor(
                frame[CODING_COLUMNS], corpus, window=window, min_score=min_score
            )
            if len(report):
                reports.append(report)
            if not dry_run and (report["status"] == "moved").any():
                save_codings(folder, coder, new, lock=False)
    if not reports:
        return reanchor(empty_codings(), corpus)[1]
    return pd.concat(reports, ignore_index=True)
