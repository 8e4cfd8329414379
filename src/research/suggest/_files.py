"""The files of suggestions: the review file with its provenance, and the rejections kept.

**A review file** (``research suggest --out suggestions.csv``) has one row per
suggestion (:data:`SUGGESTION_COLUMNS`) and an empty ``decision`` column to fill
with ``accept`` or ``reject`` (``oui``/``non`` also do) in a spreadsheet or an
editor; ``research suggest review`` applies it. Next to it,
``suggestions.provenance.json`` says what the model learnt from (coder, codebook
version, documents and their hashes, codings), with which parameters, and how
well it did (the cross-validated report), so a chapter or a methods section can
report how the suggestions were made. ``.xlsx`` works as well as ``.csv``.

**The rejections** of a coder are kept in ``suggestions-<coder>-decisions.csv``
in the codings folder (a file whose name ends in ``decisions.csv`` is not a
coder file): ``doc_id``, ``start``, ``end``, ``code``, ``quote``, ``decision``
(``reject``), ``model``, ``decided`` (ISO 8601, UTC). A passage rejected for a
code is not suggested for it again, even by a later model, as long as its text
is the same; it is a negative example of the code for the next model. Like the
coder files, it follows the text when names are pseudonymised (offsets and
quotes) and a document renamed. Accepted suggestions are codings, with a memo
naming the model.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from typing import Any

import pandas as pd

from research.errors import InputError
from research.suggest._model import SUGGESTION_COLUMNS, report_records

__all__ = [
    "ACCEPT",
    "DECISION_COLUMNS",
    "REJECT",
    "decision_of",
    "decisions_path",
    "decisions_text",
    "provenance_path",
    "read_decisions",
    "read_rejections",
    "read_suggestions",
    "write_suggestions",
]

#: Words of the ``decision`` column that accept a suggestion, and that reject one.
ACCEPT = frozenset(
    {"accept", "accepted", "a", "yes", "y", "oui", "o", "1", "true", "vrai", "accepter",
     "accepte", "accepté", "acceptée", "acceptee"}
)  # fmt: skip
REJECT = frozenset(
    {"reject", "rejected", "r", "no", "n", "non", "0", "false", "faux", "rejeter", "rejette",
     "rejeté", "rejetée", "rejetee", "refuser", "refusé", "refusée", "refusee"}
)  # fmt: skip
#: Columns of a coder's file of decisions on suggestions (their rejections).
DECISION_COLUMNS = ["doc_id", "start", "end", "code", "quote", "decision", "model", "decided"]
_NEEDED = ["doc_id", "start", "end", "code", "decision"]


def provenance_path(path: str | PathLike) -> Path:
    """Where the provenance of a review file is: ``<name>.provenance.json`` beside it."""
    path = Path(path)
    return path.with_name(f"{path.stem}.provenance.json")


def write_suggestions(
    table: pd.DataFrame,
    path: str | PathLike,
    *,
    provenance: Mapping[str, Any],
    report: pd.DataFrame | None = None,
) -> tuple[Path, Path]:
    """Write a review file (CSV or XLSX) and its provenance (JSON) beside it, atomically.

    Returns
    -------
    (Path, Path)
        The review file and the provenance file.
    """
    from research.files import atomic_write_bytes, atomic_write_text, csv_text, xlsx_bytes

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputError(
            f"{path.name}: suggestions are written as .csv or .xlsx",
            hint="give a file name ending in .csv or .xlsx",
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    frame = table[[c for c in SUGGESTION_COLUMNS if c in table.columns]]
    if suffix == ".xlsx":
        atomic_write_bytes(path, xlsx_bytes(frame, sheet="suggestions"))
    else:
        atomic_write_text(path, csv_text(frame, float_format="%.4f"))
    record = dict(provenance)
    record["created"] = pd.Timestamp.now(tz="UTC").strftime("%Y-%m-%dT%H:%M:%SZ")
    record["suggestions"] = len(frame)
    if report is not None:
        record["report"] = report_records(report)
    side = provenance_path(path)
    text = json.dumps(record, ensure_ascii=False, indent=2, sort_keys=False, default=str)
    atomic_write_text(side, text + "\n")
    return path, side


def decision_of(value: Any, *, path: str | None = None, row: int | None = None) -> str | None:
    """``"accept"``, ``"reject"`` or ``None`` (no decision yet) for a cell of ``decision``.

    Examples
    --------
    >>> decision_of("Oui"), decision_of(" rejeté "), decision_of("")
    ('accept', 'reject', None)
    """
    text = "" if value is None else str(value).strip().lower()
    if text in ("", "nan"):
        return None
    if text in ACCEPT:
        return "accept"
    if text in REJECT:
        return "reject"
    raise InputError(
        f"decision {value!r} is neither an acceptance nor a rejection",
        path=path,
        row=row,
        column="decision",
        hint="write accept (or oui) or reject (or non), or leave it empty to decide later",
    )


def read_suggestions(path: str | PathLike) -> pd.DataFrame:
    """A review file as written by :func:`write_suggestions`, decisions read.

    Returns
    -------
    DataFrame
        Its columns, with ``start`` and ``end`` as integers and ``decision`` as
        ``"accept"``, ``"reject"`` or ``None``; the index is the row number a
        spreadsheet shows (named ``row``).

    Raises
    ------
    InputError
        When a column is missing or a cell is wrong, naming the file, row and column.
    """
    from research.files import read_rows

    path = Path(path)
    if not path.is_file():
        raise InputError(
            "no such file", path=path, hint="give the file 'research suggest --out' wrote"
        )
    rows = read_rows(path)
    if not rows:
        raise InputError("the file is empty", path=path)
    header, body = [str(c).strip() for c in rows[0]], rows[1:]
    missing = [c for c in _NEEDED if c not in header]
    if missing:
        raise InputError(
            f"missing column(s) {', '.join(missing)}",
            path=path,
            row=1,
            hint="review the file 'research suggest --out' wrote, keeping its columns",
        )
    width = len(header)
    frame = pd.DataFrame([(r + [""] * width)[:width] for r in body], columns=header, dtype=object)
    frame.index = pd.RangeIndex(2, len(frame) + 2, name="row")
    for column in ("start", "end"):
        numbers = pd.to_numeric(frame[column], errors="coerce")
        bad = numbers.isna() | (numbers < 0) | (numbers % 1 != 0)
        if bad.any():
            row = int(frame.index[bad.to_numpy()][0])
            raise InputError(
                f"{column} {frame.at[row, column]!r} is not a whole number ≥ 0",
                path=path,
                row=row,
                column=column,
                hint="keep the offsets the file was written with",
            )
        frame[column] = numbers.astype("int64")
    if "probability" in frame.columns:
        frame["probability"] = pd.to_numeric(frame["probability"], errors="coerce")
    frame["decision"] = [
        decision_of(value, path=str(path), row=int(row)) for row, value in frame["decision"].items()
    ]
    return frame


def decisions_path(folder: str | PathLike, coder: str) -> Path:
    """The file of a coder's decisions on suggestions, in a codings folder."""
    return Path(folder) / f"suggestions-{coder}-decisions.csv"


def read_decisions(folder: str | PathLike, coder: str) -> pd.DataFrame:
    """Every row of ``coder``'s file of decisions (:data:`DECISION_COLUMNS`); empty when none.

    Raises
    ------
    InputError
        When the file cannot be read, naming it.
    """
    path = decisions_path(folder, coder)
    if not path.is_file():
        return pd.DataFrame({c: pd.Series(dtype=object) for c in DECISION_COLUMNS})
    try:
        frame = pd.read_csv(path, dtype=object, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(
            f"the file of decisions on suggestions cannot be read ({exc})",
            path=path,
            hint="restore it from git, or delete it to forget the rejections",
        ) from None
    missing = [c for c in DECISION_COLUMNS if c not in frame.columns]
    if missing:
        raise InputError(
            f"missing column(s) {', '.join(missing)}",
            path=path,
            line=1,
            hint=f"the header is {','.join(DECISION_COLUMNS)}",
        )
    return frame[DECISION_COLUMNS]


def read_rejections(folder: str | PathLike, coder: str) -> pd.DataFrame:
    """The suggestions ``coder`` rejected (the rows of :func:`read_decisions` that reject)."""
    frame = read_decisions(folder, coder)
    return frame[frame["decision"].astype(str).str.strip().str.lower() == "reject"]


def decisions_text(frame: pd.DataFrame) -> str:
    """The CSV text of a file of decisions (rows in text order, ``\n`` line ends)."""
    out = frame[DECISION_COLUMNS].astype(str)
    order = out.assign(_start=out["start"].astype("int64"), _end=out["end"].astype("int64"))
    order = order.sort_values(["doc_id", "_start", "_end", "code", "decided"], kind="stable")
    return out.loc[order.index].to_csv(index=False, lineterminator="\n")
