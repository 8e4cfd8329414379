"""The coding store: one CSV file per coder, and a coding session for notebooks.

Each coder's codings live in ``corpus/codings/<coder>.csv`` with the columns of
:data:`CODING_COLUMNS`. ``start`` and ``end`` count code points of the stored
document text (end exclusive) and ``quote`` is ``text[start:end]``, kept so that a
coding can be found again after a transcript is corrected (see
:mod:`research.anchoring`). Files are UTF-8 with ``\\n`` newlines, rows sorted by
``doc_id, start, end, code``, ``created`` in ISO 8601 UTC.

Every write is atomic (temporary file, fsync, replace); two coders never write
the same file; two processes of one coder are serialised by a lock file
``.<coder>.lock`` next to the codings. Files named ``*decisions.csv`` (consensus
meeting records) and files starting with ``.`` or ``_`` are not coder files.

Examples
--------
>>> import tempfile, pathlib
>>> from research.corpus import Corpus
>>> from research.codebook import Codebook
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
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from research.anchoring import check_anchors, reanchor
from research.coding_views import HTMLView, document_html, retrieve
from research.errors import CodingError, Problem, ValidationFailed
from research.files import atomic_write_text

if TYPE_CHECKING:
    from research.codebook import Codebook
    from research.corpus import Corpus

__all__ = [
    "CODING_COLUMNS",
    "CodingSession",
    "check_anchors",
    "check_codings",
    "coder_lock",
    "coding_files",
    "codings_text",
    "document_html",
    "empty_codings",
    "load_codings",
    "read_codings",
    "reanchor",
    "retrieve",
    "save_codings",
    "typed_codings",
    "validate_codings",
]

#: Columns of the ``codings`` table and of every coder file.
CODING_COLUMNS = ["coder", "doc_id", "start", "end", "code", "quote", "memo", "created"]
_KEY = ["coder", "doc_id", "start", "end", "code"]
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
    missing = [c for c in ("coder", "doc_id", "start", "end", "code") if c not in frame.columns]
    if missing:
        raise CodingError(
            f"{what} lack the column(s) {', '.join(missing)}",
            hint=f"the columns are {', '.join(CODING_COLUMNS)}",
        )
    out = frame.copy()
    for column in ("quote", "memo"):
        if column not in out.columns:
            out[column] = ""
        out[column] = out[column].map(lambda v: "" if _is_blank(v) else str(v))
    if "created" not in out.columns:
        out["created"] = pd.NaT
    for column in ("coder", "doc_id", "code"):
        blank = out[column].map(_is_blank)
        if blank.any():
            row = int(np.flatnonzero(blank.to_numpy())[0]) + 1
            raise CodingError(f"{what}: empty {column}", row=row, column=column)
        out[column] = out[column].astype(str)
    for column in ("start", "end"):
        numbers = pd.to_numeric(out[column], errors="coerce")
        bad = numbers.isna() | (numbers % 1 != 0) | (numbers < 0)
        if bad.any():
            i = int(np.flatnonzero(bad.to_numpy())[0])
            raise CodingError(
                f"{what}: {column} {out[column].iloc[i]!r} is not a whole number ≥ 0",
                row=i + 1,
                column=column,
            )
        out[column] = numbers.astype("int64")
    bad = out["end"] <= out["start"]
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise CodingError(
            f"{what}: end {out['end'].iloc[i]} is not after start {out['start'].iloc[i]}",
            row=i + 1,
            column="end",
        )
    try:
        if isinstance(out["created"].dtype, pd.DatetimeTZDtype):
            out["created"] = out["created"].astype(_TIME)
        else:
            values = out["created"].map(lambda v: None if _is_blank(v) else v)
            out["created"] = pd.to_datetime(values, utc=True, format="ISO8601").astype(_TIME)
    except (ValueError, TypeError) as exc:
        raise CodingError(f"{what}: a 'created' value is not an ISO 8601 time ({exc})") from None
    extra = [c for c in out.columns if c not in CODING_COLUMNS]
    return out[CODING_COLUMNS + extra]


def _is_blank(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float):
        return value != value
    return isinstance(value, str) and value == ""


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


def _record_lines(frame: pd.DataFrame) -> np.ndarray:
    """The file line on which each record starts (header on line 1)."""
    newlines = np.zeros(len(frame), dtype=np.int64)
    for column in frame.columns:
        newlines += frame[column].str.count("\n").to_numpy(dtype=np.int64)
    lines = np.empty(len(frame), dtype=np.int64)
    if len(frame):
        lines[0] = 2
        lines[1:] = 2 + np.cumsum(newlines[:-1] + 1)
    return lines


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


def _read_file(path: Path, rel: str) -> tuple[pd.DataFrame, list[Problem]]:
    """One coder file as typed rows (with ``_line``, ``_row``, ``_path``) and its problems."""
    coder = path.stem
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return empty_codings(), [
            Problem(
                "error",
                f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                path=rel,
                hint="save the file as UTF-8",
            )
        ]
    try:
        raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False)
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
    frame["_line"] = _record_lines(raw)
    frame["_row"] = np.arange(2, len(frame) + 2)
    bad = np.zeros(len(frame), dtype=bool)

    def flag(mask, column, message, hint=None):
        nonlocal bad
        mask = np.asarray(mask, dtype=bool) & ~bad
        if mask.any():
            problems.extend(_row_problems(mask, frame, rel, column, message, hint))
            bad |= mask

    flag(
        frame["coder"] != coder,
        "coder",
        lambda r: f"coder {r['coder']!r} in the file of {coder!r}",
        "each coder has a file of their own: move the row to that coder's file, or correct the name",
    )
    for column in ("doc_id", "code"):
        flag(frame[column].str.strip() == "", column, lambda r, c=column: f"empty {c}")
    starts = pd.to_numeric(frame["start"], errors="coerce")
    ends = pd.to_numeric(frame["end"], errors="coerce")
    for column, values in (("start", starts), ("end", ends)):
        flag(
            values.isna() | (values % 1 != 0) | (values < 0),
            column,
            lambda r, c=column: f"{c} {r[c]!r} is not a whole number ≥ 0",
            "offsets count characters of the stored text from 0",
        )
    flag(
        (ends <= starts).fillna(False),
        "end",
        lambda r: f"end {r['end']} is not after start {r['start']}",
        "a coding covers at least one character",
    )
    created = pd.to_datetime(
        frame["created"].where(frame["created"] != "", None),
        utc=True,
        format="ISO8601",
        errors="coerce",
    ).astype(_TIME)
    flag(
        created.isna() & (frame["created"] != ""),
        "created",
        lambda r: f"created {r['created']!r} is not an ISO 8601 time",
        "write it like 2019-03-14T10:00:00Z",
    )
    keep = ~bad
    out = frame[keep].copy()
    out["start"] = starts[keep].astype("int64")
    out["end"] = ends[keep].astype("int64")
    out["created"] = created[keep]
    out["_path"] = rel
    duplicated = out.duplicated(_KEY, keep="first").to_numpy()
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
    return _sorted(pd.concat(frames, ignore_index=True)), problems


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
    except PermissionError:
        return True
    except OSError:
        return True
    return True


def _lock_is_stale(path: Path) -> bool:
    try:
        content = path.read_text(encoding="utf-8").split()
        age = time.time() - path.stat().st_mtime
    except (FileNotFoundError, UnicodeDecodeError):
        return False
    if age > _STALE_LOCK_SECONDS:
        return True
    if len(content) >= 2 and content[1] == socket.gethostname() and content[0].isdigit():
        return not _pid_alive(int(content[0]))
    return False


@contextlib.contextmanager
def coder_lock(folder: str | Path, coder: str, *, timeout: float = 10.0) -> Iterator[Path]:
    """Hold the lock file ``.<coder>.lock`` of a codings (or codebook) folder.

    A lock left by a process that died (same machine) or older than ten minutes
    is taken over.

    Raises
    ------
    CodingError
        When another process holds the lock longer than ``timeout`` seconds.

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
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            if _lock_is_stale(path):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                continue
            if time.monotonic() > deadline:
                owner = ""
                with contextlib.suppress(OSError):
                    owner = path.read_text(encoding="utf-8").strip()
                raise CodingError(
                    f"the codings of {coder!r} are being saved by another process ({owner})",
                    path=path,
                    hint="wait for it to finish; delete the lock file only if no such process runs",
                ) from None
            time.sleep(0.02)
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()} {socket.gethostname()} {time.time():.0f}\n")
        break
    try:
        yield path
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


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
            row=i + 1,
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


# -- the session ---------------------------------------------------------------------------


def _loose_pattern(words: str) -> re.Pattern:
    """A pattern finding ``words`` whatever the apostrophes and spaces used."""
    parts = []
    for ch in unicodedata.normalize("NFC", words.strip()):
        if ch in "'’ʼ":
            parts.append("['’ʼ]")
        elif ch.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(ch))
    source = re.sub(r"(\\s\+)+", r"\\s+", "".join(parts))
    return re.compile(source)


def _slug(words: str, *, limit: int = 40) -> str:
    folded = unicodedata.normalize("NFKD", words)
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_text).strip("_")[:limit].rstrip("_")
    return slug or "in_vivo"


class CodingSession:
    """A coder's working session: code, remove and look at codings, then save.

    Parameters
    ----------
    project : research.project.Project or None
        Gives the corpus, codebook and folders; ``None`` when they are passed.
    coder : str
        The coder's name (their file is ``<coder>.csv``).
    corpus, codebook : optional
        Override the project's.
    folder : path-like, optional
        The codings folder (default: the project's).
    codebook_folder : path-like, optional
        Where in-vivo codes are saved (default: the project's codebook folder).

    Notes
    -----
    Changes stay in memory until :meth:`save`, which re-reads the coder's file
    under its lock and applies this session's additions and removals, so two
    sessions of the same coder do not overwrite each other's work.
    """

    def __init__(
        self,
        project: Any,
        coder: str,
        *,
        corpus: Corpus | None = None,
        codebook: Codebook | None = None,
        folder: str | Path | None = None,
        codebook_folder: str | Path | None = None,
    ) -> None:
        self.coder = _check_coder(coder)
        self.project = project
        self.corpus = corpus if corpus is not None else project.corpus
        self.codebook = codebook if codebook is not None else project.codebook
        self.folder = (
            Path(folder) if folder is not None else (project.paths.codings if project else None)
        )
        if codebook_folder is not None:
            self.codebook_folder = Path(codebook_folder)
        else:
            self.codebook_folder = project.paths.codebook if project is not None else None
        self._base = self._read_own()
        self._added: list[dict] = []
        self._removed: set[tuple] = set()
        self._new_codes: list[str] = []

    def __repr__(self) -> str:
        return f"<CodingSession {self.coder!r}: {len(self.codings)} codings, {self.pending} unsaved changes>"

    def _read_own(self) -> pd.DataFrame:
        if self.folder is None or not (self.folder / f"{self.coder}.csv").is_file():
            return empty_codings()
        frame, problems = _read_file(self.folder / f"{self.coder}.csv", f"{self.coder}.csv")
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise ValidationFailed(errors)
        return frame[CODING_COLUMNS].reset_index(drop=True)

    @property
    def pending(self) -> int:
        """Changes not yet saved."""
        return len(self._added) + len(self._removed)

    @property
    def codings(self) -> pd.DataFrame:
        """This coder's codings, saved and unsaved, sorted."""
        base = self._base
        if self._removed:
            keys = list(zip(*(base[c] for c in _KEY), strict=True))
            base = base[[k not in self._removed for k in keys]]
        if self._added:
            added = typed_codings(pd.DataFrame(self._added, columns=CODING_COLUMNS))
            base = pd.concat([base, added], ignore_index=True) if len(base) else added
        return _sorted(base)

    # -- coding --------------------------------------------------------------------------
    def _check_code(self, code: str) -> None:
        self.codebook.check(code)
        if not self.codebook.is_codable(code):
            kids = ", ".join(self.codebook.children(code)[:6])
            raise CodingError(
                f"code {code!r} is a category, not used for coding",
                hint=f"choose one of its children ({kids})" if kids else "mark it codable: true",
            )

    def _add(self, doc_id: str, start: int, end: int, code: str, memo: str | None) -> dict:
        text = self.corpus.text(doc_id) if doc_id in self.corpus else None
        if text is None:
            raise CodingError(f"unknown document {doc_id!r}", hint="see corpus.doc_ids")
        start, end = int(start), int(end)
        if not 0 <= start < end <= len(text):
            raise CodingError(
                f"span {start}-{end} is not inside {doc_id} (0-{len(text)}) or is empty",
                hint="start < end, both counting characters of the stored text",
            )
        row = {
            "coder": self.coder,
            "doc_id": doc_id,
            "start": start,
            "end": end,
            "code": code,
            "quote": text[start:end],
            "memo": memo or "",
            "created": pd.Timestamp.now(tz="UTC").floor("s"),
        }
        key = (self.coder, doc_id, start, end, code)
        if key in self._removed:
            self._removed.discard(key)
            return row
        current = self._keys()
        if key not in current:
            self._added.append(row)
        return row

    def _keys(self) -> set[tuple]:
        frame = self.codings
        return set(zip(*(frame[c] for c in _KEY), strict=True))

    def _result(self, rows: list[dict]) -> pd.DataFrame:
        if not rows:
            return empty_codings()
        return _sorted(typed_codings(pd.DataFrame(rows, columns=CODING_COLUMNS)))

    def code_span(
        self, doc_id: str, start: int, end: int, code: str, memo: str | None = None
    ) -> pd.DataFrame:
        """Code the characters ``start`` to ``end`` (exclusive) of a document.

        Returns
        -------
        pandas.DataFrame
            The coding (one row); coding the same span twice adds nothing.
        """
        self._check_code(code)
        return self._result([self._add(doc_id, start, end, code, memo)])

    def code_text(
        self,
        doc_id: str,
        words: str,
        code: str,
        memo: str | None = None,
        *,
        occurrence: int | None = None,
    ) -> pd.DataFrame:
        """Code the passage of a document that reads ``words``.

        The words are found in the stored text whatever apostrophes (``'``, ``’``)
        and spaces are used, so offsets are never typed by hand.

        Parameters
        ----------
        occurrence : int, optional
            Which occurrence (from 1) when the words appear more than once.

        Raises
        ------
        CodingError
            When the words are not found, or found several times without
            ``occurrence``.
        """
        self._check_code(code)
        text = self.corpus.text(doc_id)
        matches = list(_loose_pattern(words).finditer(text))
        if not matches:
            raise CodingError(
                f"the words {words[:60]!r} are not in {doc_id}",
                hint="copy them from corpus.text(doc_id) (check hyphens and « » quotes)",
            )
        if occurrence is None and len(matches) > 1:
            raise CodingError(
                f"the words {words[:60]!r} appear {len(matches)} times in {doc_id}",
                hint=f"pass occurrence=1…{len(matches)}, or quote more words",
            )
        index = (occurrence or 1) - 1
        if not 0 <= index < len(matches):
            raise CodingError(f"occurrence {occurrence} of {len(matches)} in {doc_id}")
        found = matches[index]
        return self._result([self._add(doc_id, found.start(), found.end(), code, memo)])

    def code_segment(self, seg_id: str, code: str, memo: str | None = None) -> pd.DataFrame:
        """Code a whole segment (a speaker turn, a paragraph, a list item)."""
        self._check_code(code)
        try:
            seg = self.corpus.segment(seg_id)
        except KeyError as exc:
            raise CodingError(str(exc.args[0]), column="seg_id") from None
        return self._result([self._add(seg["doc_id"], seg["start"], seg["end"], code, memo)])

    def code_matches(
        self,
        pattern: str | Sequence[str],
        code: str,
        *,
        regex: bool = False,
        speaker: str | Iterable[str] | None = None,
        section: str | None = None,
        where: Mapping[str, Any] | None = None,
        unit: Literal["match", "segment"] = "match",
        ignore_case: bool = True,
        ignore_accents: bool = False,
        memo: str | None = None,
    ) -> pd.DataFrame:
        """Code every match of a regular expression or of a list of phrases.

        Parameters
        ----------
        pattern : str or sequence of str
            A phrase, a list of phrases, or (``regex=True``) a regular expression.
        code : str
        speaker : str or iterable of str, optional
            Only in turns of these speakers (label as written, or actor id).
        section : str, optional
            Only in segments whose section matches this ``fnmatch`` pattern.
        where : mapping, optional
            Only in documents whose attributes match (see :meth:`Corpus.where`).
        unit : {"match", "segment"}
            Code the matched words, or the whole segment that holds them.
        ignore_case, ignore_accents : bool
            How to match (offsets always refer to the stored text).

        Returns
        -------
        pandas.DataFrame
            The codings made (already existing ones included).
        """
        import fnmatch

        self._check_code(code)
        if not isinstance(pattern, str):
            phrases = sorted({p for p in pattern if p}, key=len, reverse=True)
            if not phrases:
                raise CodingError("an empty list of phrases matches nothing")
            source = "|".join(re.escape(p) if not regex else f"(?:{p})" for p in phrases)
            regex = True
        else:
            source = pattern
        corpus = self.corpus.where(**where) if where else self.corpus
        hits = corpus.kwic(
            source, regex=regex, ignore_case=ignore_case, ignore_accents=ignore_accents, window=0
        )
        segs = self.corpus.segments.set_index("seg_id")
        if speaker is not None:
            wanted = {speaker} if isinstance(speaker, str) else set(speaker)
            actors = hits["seg_id"].map(
                lambda s: segs.at[s, "actor"] if isinstance(s, str) else None
            )
            hits = hits[hits["speaker"].isin(wanted) | actors.isin(wanted)]
        if section is not None:
            hits = hits[
                hits["section"].map(
                    lambda s: isinstance(s, str) and fnmatch.fnmatchcase(s, section)
                )
            ]
        rows = []
        for hit in hits.itertuples(index=False):
            if unit == "segment":
                if not isinstance(hit.seg_id, str):
                    continue
                start, end = int(segs.at[hit.seg_id, "start"]), int(segs.at[hit.seg_id, "end"])
            else:
                start, end = int(hit.start), int(hit.end)
            rows.append(self._add(hit.doc_id, start, end, code, memo))
        result = self._result(rows)
        return result.drop_duplicates(_KEY).reset_index(drop=True)

    def code_in_vivo(
        self,
        doc_id: str,
        start: int,
        end: int,
        parent: str,
        *,
        label: str | None = None,
        memo: str | None = None,
    ) -> pd.DataFrame:
        """Create a code named after the selected words, under ``parent``, and code them.

        The new code's id is the words in lower-case ASCII (``parent.on_se_serre_les_coudes``);
        its label is the words themselves. It is saved in the parent's codebook file
        with :meth:`save`.

        References
        ----------
        .. [1] Saldaña, J. (2021). *The Coding Manual for Qualitative Researchers*
           (4th ed.), ch. 4 "In Vivo Coding". SAGE.
        """
        from research.codebook import add_code

        self.codebook.check(parent)
        text = self.corpus.text(doc_id)
        words = " ".join(text[int(start) : int(end)].split())
        if not words:
            raise CodingError("in-vivo coding needs some words selected", hint="widen the span")
        base = f"{parent}.{_slug(words)}"
        code, n = base, 2
        while code in self.codebook:
            code, n = f"{base}_{n}", n + 1
        self.codebook = add_code(
            self.codebook,
            code,
            label=label or words[:80],
            definition=f"Code in vivo : « {words} » ({doc_id}).",
        )
        self._new_codes.append(code)
        return self._result([self._add(doc_id, start, end, code, memo)])

    def recode(self, rows: pd.DataFrame, code: str) -> pd.DataFrame:
        """Give other codings of this coder a new code (to split a code by hand)."""
        self._check_code(code)
        self.remove(rows)
        return self._result(
            [
                self._add(r.doc_id, r.start, r.end, code, r.memo or None)
                for r in rows.itertuples(index=False)
            ]
        )

    def remove(
        self,
        rows: pd.DataFrame | None = None,
        *,
        doc_id: str | None = None,
        start: int | None = None,
        end: int | None = None,
        code: str | None = None,
    ) -> int:
        """Remove codings of this coder: the given rows, or those matching every criterion.

        Returns
        -------
        int
            How many codings were removed.
        """
        current = self.codings
        if rows is not None:
            wanted = set(zip(*(typed_codings(rows)[c] for c in _KEY), strict=True))
            if any(k[0] != self.coder for k in wanted):
                raise CodingError(f"only codings of {self.coder!r} can be removed in this session")
        else:
            mask = pd.Series(True, index=current.index)
            for column, value in (
                ("doc_id", doc_id),
                ("start", start),
                ("end", end),
                ("code", code),
            ):
                if value is not None:
                    mask &= current[column] == value
            if mask.all() and all(v is None for v in (doc_id, start, end, code)):
                raise CodingError("remove() needs rows or at least one criterion")
            wanted = set(zip(*(current.loc[mask, c] for c in _KEY), strict=True))
        existing = set(zip(*(current[c] for c in _KEY), strict=True)) & wanted
        added = {tuple(r[c] for c in _KEY): r for r in self._added}
        for key in existing:
            if key in added:
                self._added = [r for r in self._added if tuple(r[c] for c in _KEY) != key]
            else:
                self._removed.add(key)
        return len(existing)

    # -- looking ---------------------------------------------------------------------------
    def retrieve(
        self, code: str, *, include_children: bool = True, context: int | str = 0
    ) -> pd.DataFrame:
        """This coder's passages of a code (see :func:`research.coding.retrieve`)."""
        return retrieve(
            self.codings,
            self.corpus,
            self.codebook,
            code,
            include_children=include_children,
            context=context,
        )

    def show(self, doc_id: str) -> HTMLView:
        """The document with this coder's codings highlighted (a notebook display)."""
        return document_html(self.corpus, self.codings, self.codebook, doc_id, coder=self.coder)

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> Path | None:
        """Write the changes: in-vivo codes to the codebook, codings to ``<coder>.csv``.

        The coder's file is re-read under its lock and this session's changes are
        applied to it, so the work of another session of the same coder is kept.

        Returns
        -------
        Path or None
            The coder file (``None`` when the session has no folder).
        """
        if self.folder is None:
            raise CodingError("this session has no codings folder to save into")
        if self._new_codes and self.codebook_folder is not None:
            self._save_new_codes()
        with coder_lock(self.folder, self.coder):
            disk = self._read_own()
            keys = list(zip(*(disk[c] for c in _KEY), strict=True))
            kept = disk[[k not in self._removed for k in keys]] if self._removed else disk
            present = set(keys)
            new = [r for r in self._added if tuple(r[c] for c in _KEY) not in present]
            frame = (
                pd.concat([kept, typed_codings(pd.DataFrame(new, columns=CODING_COLUMNS))])
                if new
                else kept
            )
            path = save_codings(self.folder, self.coder, frame, lock=False)
        self._base = self._read_own()
        self._added, self._removed, self._new_codes = [], set(), []
        return path

    def _save_new_codes(self) -> None:
        from research.codebook import Codebook, read_codebook, save_codebook

        folder = self.codebook_folder
        with coder_lock(folder, "codebook"):
            disk, _ = read_codebook(folder)
            frame = disk.codes
            mine = self.codebook.codes
            new = mine[mine["code"].isin(self._new_codes) & ~mine["code"].isin(set(disk.ids))]
            merged = Codebook.from_frame(
                pd.concat([frame, new], ignore_index=True), headers=disk.headers
            )
            save_codebook(folder, merged)
