"""Reading the memo files of a folder, and the memos of the coder files, into one table.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "posture.md").write_text(
...     "---\\nkind: reflexive\\ndate: 2024-03-14\\nauthor: camille\\n---\\nMa place.\\n")
>>> memos, problems = read_memos(folder)
>>> memos[["memo_id", "kind", "date", "source"]].values.tolist(), problems
([['posture', 'reflexive', '2024-03-14', 'file']], [])
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from research.contracts import is_blank
from research.errors import InputError, Problem, ValidationFailed
from research.files import (
    Limits,
    decode_bytes,
    is_temporary,
    outside_link,
    outside_link_problem,
    read_limited,
)
from research.memos._model import CODING_MEMO_KIND, MEMO_COLUMNS, CodingLink, parse_memo
from research.text import normalise

__all__ = ["coding_memos", "empty_memos", "load_memos", "memo_files", "read_memos"]

_SUFFIXES = (".md", ".markdown")


def empty_memos() -> pd.DataFrame:
    """A memos table without rows, with :data:`MEMO_COLUMNS`.

    Examples
    --------
    >>> list(empty_memos().columns)[:3]
    ['memo_id', 'kind', 'title']
    """
    return pd.DataFrame({column: pd.Series(dtype=object) for column in MEMO_COLUMNS})


def _table(rows: list[dict]) -> pd.DataFrame:
    if not rows:
        return empty_memos()
    frame = pd.DataFrame([{c: row.get(c) for c in MEMO_COLUMNS} for row in rows], dtype=object)
    return frame.reset_index(drop=True)


def memo_files(folder: str | os.PathLike) -> list[Path]:
    """The memo files of a folder and its sub-folders, sorted by path.

    Files and folders whose name starts with ``_`` or ``.`` are left out (a way
    to set a memo aside), as are the temporary files of interrupted writes.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(("_", ".")))
        for name in files:
            if name.startswith(("_", ".")) or is_temporary(name):
                continue
            if Path(name).suffix.lower() in _SUFFIXES:
                found.append(Path(current) / name)
    return sorted(found)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_memos(
    folder: str | os.PathLike,
    *,
    root: str | os.PathLike | None = None,
    kinds: Mapping[str, str] | None = None,
    options: Limits | None = None,
) -> tuple[pd.DataFrame, list[Problem]]:
    """Read every memo file of a folder, collecting problems instead of stopping.

    Parameters
    ----------
    folder : path-like
        The memos folder (``corpus/memos/``); a folder that does not exist holds
        no memo.
    root : path-like, optional
        The project root: paths in the table and in messages are relative to it,
        and a memo that a link takes out of the project is not read.
    kinds : mapping, optional
        The project's own kinds of memo (``{"terrain": "note de terrain"}``).
    options : Limits, optional
        The largest file read.

    Returns
    -------
    memos : pandas.DataFrame
        :data:`MEMO_COLUMNS`, one row per memo that could be read, in the
        order of the files.
    problems : list of Problem
        Every problem, with its file and line; two memos with one id are an error.
    """
    folder = Path(folder)
    base = Path(root) if root is not None else folder
    limits = options or Limits()
    rows: list[dict] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in memo_files(folder):
        shown = _shown(path, base)
        away = outside_link(path, root=base) if root is not None else None
        if away is not None:
            problems.append(outside_link_problem(path, away, root=base))
            continue
        try:
            text, decoding = decode_bytes(
                read_limited(path, max_bytes=limits.max_file_bytes), path=shown
            )
        except InputError as exc:
            problems.append(exc.to_problem())
            continue
        memo, found = parse_memo(normalise(text), path=shown, kinds=kinds)
        problems += decoding + found
        if memo is None:
            continue
        if memo["memo_id"] in seen:
            problems.append(
                Problem(
                    "error",
                    f"the memo id {memo['memo_id']!r} is also the id of {seen[memo['memo_id']]}",
                    path=shown,
                    line=memo["key_lines"].get("id"),
                    hint="give one of them another file name (or another id:)",
                )
            )
            continue
        seen[memo["memo_id"]] = shown
        rows.append(memo)
    return _table(rows), problems


def load_memos(
    folder: str | os.PathLike,
    *,
    root: str | os.PathLike | None = None,
    kinds: Mapping[str, str] | None = None,
    options: Limits | None = None,
) -> pd.DataFrame:
    """Every memo file of a folder as the memos table; raise on any error.

    Raises
    ------
    ValidationFailed
        Listing every error of the files (``research validate`` shows them too).
    """
    memos, problems = read_memos(folder, root=root, kinds=kinds, options=options)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValidationFailed(errors)
    return memos


def coding_memos(codings: pd.DataFrame, *, folder: str | None = None) -> pd.DataFrame:
    """The memos written with codings (their ``memo`` column), as rows of the memos table.

    Each non-empty memo of a coding becomes a memo of kind ``"coding"``, by its
    coder, dated by the coding's ``created`` day, linked to its code, its
    document and the coding itself; its id is
    ``coding:<coder>:<doc_id>:<start>-<end>:<code>``.

    Parameters
    ----------
    codings : pandas.DataFrame
        The codings table.
    folder : str, optional
        The codings folder as shown to readers (``corpus/codings``): the memo's
        ``path`` is then the coder's file.

    Examples
    --------
    >>> codings = pd.DataFrame({"coder": ["lea", "lea"], "doc_id": ["D", "D"], "start": [0, 5],
    ...     "end": [4, 9], "code": ["x", "y"], "quote": ["Oui.", "Non."], "memo": ["Ironique ?", ""],
    ...     "created": ["2024-03-14T10:00:00Z", None]})
    >>> memos = coding_memos(codings, folder="corpus/codings")
    >>> memos[["memo_id", "kind", "author", "date", "text", "path"]].values.tolist()
    [['coding:lea:D:0-4:x', 'coding', 'lea', '2024-03-14', 'Ironique ?', 'corpus/codings/lea.csv']]
    >>> memos.loc[0, "codings"]
    (CodingLink(coder='lea', doc_id='D', code='x', start=0, quote='Oui.'),)
    """
    if "memo" not in codings.columns or not len(codings):
        return empty_memos()
    rows = []
    for record in codings.to_dict("records"):
        memo = record.get("memo")
        if is_blank(memo):
            continue
        coder, doc_id, code = str(record["coder"]), str(record["doc_id"]), str(record["code"])
        start, end = int(record["start"]), int(record["end"])
        quote = "" if is_blank(record.get("quote")) else str(record["quote"])
        created = record.get("created")
        date = None
        if not is_blank(created):
            date = pd.Timestamp(created).date().isoformat()
        rows.append(
            {
                "memo_id": f"coding:{coder}:{doc_id}:{start}-{end}:{code}",
                "kind": CODING_MEMO_KIND,
                "title": "",
                "date": date,
                "author": coder,
                "text": str(memo),
                "codes": (code,),
                "documents": (doc_id,),
                "codings": (CodingLink(coder, doc_id, code, start, quote),),
                "memos": (),
                "path": f"{folder}/{coder}.csv" if folder else None,
                "line": None,
                "source": "coding",
                "key_lines": {},
            }
        )
    return _table(rows)
