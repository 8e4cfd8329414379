"""Revising a codebook without breaking the codings: rename, move, merge, split, delete.

Each operation takes the codebook and the codings table (every coder's) and
returns a :class:`Change`: the new codebook, the new codings, the codings moved to
the archive, a summary, and the code ids it renames (:attr:`Change.renames`).
Nothing is written until :func:`apply_change`, which writes the codebook files
and the coder files that changed so that all of them change or none does.

Files of a layer above that name codes (the memos of :mod:`research.memos`)
follow a revision without this module knowing them: their owner reads
``change.renames`` and passes the files to rewrite to :func:`apply_change` as
``also=``, which writes them in the same transaction.

Examples
--------
>>> import pandas as pd
>>> from research.codebook import Codebook
>>> book = Codebook.from_frame(pd.DataFrame({"code": ["sut", "sut.trust", "sut.ties"]}))
>>> codings = pd.DataFrame({"coder": ["a", "a"], "doc_id": ["D", "D"], "start": [0, 5],
...     "end": [4, 9], "code": ["sut.trust", "sut.ties"], "quote": ["abcd", "efgh"]})
>>> change = merge_codes(book, codings, "sut.ties", "sut.trust")
>>> change.codebook.ids, change.codings["code"].tolist()
(['sut', 'sut.trust'], ['sut.trust', 'sut.trust'])
>>> change.summary
"merged 'sut.ties' into 'sut.trust' (1 coding recoded)"
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from research.codebook import CODE_COLUMNS, Codebook, codebook_files, codebook_texts
from research.coding._lock import coder_lock
from research.coding._reading import read_codings
from research.coding._table import CODING_COLUMNS, codings_text, typed_codings
from research.contracts import CODING_KEY
from research.contracts import is_blank as _blank
from research.errors import CodebookError, CodingError
from research.files import transaction

__all__ = [
    "ARCHIVE_COLUMNS",
    "Change",
    "apply_change",
    "delete_code",
    "merge_codes",
    "move_code",
    "rename_code",
    "split_code",
]

#: Columns of an archive file (``corpus/codings/archive/<coder>.csv``).
ARCHIVE_COLUMNS = [*CODING_COLUMNS, "archived", "reason"]
_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_\-]*$")
_KEY = list(CODING_KEY)


class Change(NamedTuple):
    """The result of a codebook operation, not yet written.

    ``renames`` maps every code id the change removes to the id that takes its
    place (a rename, a move, a merge, a deletion whose codings go to another
    code), or to ``None`` when the code goes with its codings (a deletion with
    ``force``); a split renames nothing.
    """

    codebook: Codebook
    codings: pd.DataFrame
    archived: pd.DataFrame
    summary: str
    before: pd.DataFrame
    previous: Codebook
    renames: Mapping[str, str | None] = {}


def _empty_archive() -> pd.DataFrame:
    return pd.DataFrame(columns=ARCHIVE_COLUMNS)


def _prepared(codings: pd.DataFrame) -> pd.DataFrame:
    return typed_codings(codings)[CODING_COLUMNS].reset_index(drop=True)


def _dedupe(codings: pd.DataFrame) -> pd.DataFrame:
    """Keep one of identical codings (same coder, document, offsets, code), the oldest."""
    ordered = codings.sort_values("created", kind="stable", na_position="last")
    kept = ordered.drop_duplicates(_KEY, keep="first")
    return kept.sort_values(_KEY, kind="stable").reset_index(drop=True)


def _renamed_frame(book: Codebook, mapping: Mapping[str, str]) -> pd.DataFrame:
    frame = book.codes
    frame["code"] = frame["code"].map(lambda c: mapping.get(c, c))
    frame["parent"] = frame["parent"].map(lambda p: mapping.get(p, p) if not _blank(p) else p)
    return frame


def _subtree_mapping(book: Codebook, code: str, new_id: str) -> dict[str, str]:
    return {c: new_id + c[len(code) :] for c in [code, *book.descendants(code)]}


def _check_name(new_id: str) -> None:
    if not all(_NAME.match(part) for part in new_id.split(".")):
        raise CodebookError(
            f"{new_id!r} is not a valid code id",
            hint="dot-separated names of letters, digits, '_' and '-'",
        )


def _relocate(book: Codebook, codings: pd.DataFrame, code: str, new_id: str, verb: str) -> Change:
    book.check(code)
    _check_name(new_id)
    if new_id == code:
        raise CodebookError(f"{code!r} is already called {new_id!r}")
    if new_id in book:
        raise CodebookError(
            f"code {new_id!r} already exists",
            hint=f"use merge_codes to put the codings of {code!r} into it",
        )
    if new_id.startswith(code + "."):
        raise CodebookError(
            f"{code!r} cannot move under itself ({new_id!r})", hint="choose another parent"
        )
    parent = new_id.rsplit(".", 1)[0] if "." in new_id else None
    if parent is not None and parent not in book:
        raise CodebookError(
            f"the new parent {parent!r} does not exist", hint="create it first or choose another"
        )
    mapping = _subtree_mapping(book, code, new_id)
    frame = _renamed_frame(book, mapping)
    frame.loc[frame["code"] == new_id, "parent"] = parent
    moved = frame["code"].isin(set(mapping.values()))
    old_parent = code.rsplit(".", 1)[0] if "." in code else None
    if parent is None:
        # a tree renamed keeps its file; a branch made a tree gets a file of its own
        frame.loc[moved, "file"] = (
            book.get(code)["file"] if old_parent is None else f"{new_id}.yaml"
        )
    elif old_parent != parent:
        frame.loc[moved, "file"] = book.get(parent)["file"]
    frame.loc[moved, "line"] = pd.NA
    before = _prepared(codings)
    after = before.copy()
    after["code"] = after["code"].map(lambda c: mapping.get(c, c))
    n = int(before["code"].isin(set(mapping)).sum())
    new_book = Codebook.from_frame(frame, headers=book.headers)
    summary = f"{verb} {code!r} to {new_id!r} ({len(mapping)} code(s), {n} coding(s) follow)"
    return Change(new_book, _dedupe(after), _empty_archive(), summary, before, book, mapping)


def rename_code(book: Codebook, codings: pd.DataFrame, code: str, new_id: str) -> Change:
    """Give a code (and its sub-codes) a new id; its codings follow.

    Parameters
    ----------
    book : Codebook
    codings : pandas.DataFrame
        Every coder's codings.
    code : str
        The code to rename.
    new_id : str
        Its full new id (``"iw.creating.vesting"``); the parent must exist.
    """
    return _relocate(book, codings, code, new_id, "renamed")


def move_code(book: Codebook, codings: pd.DataFrame, code: str, new_parent: str | None) -> Change:
    """Put a code (with its sub-codes) under another parent; its id changes accordingly.

    ``new_parent=None`` makes it the root of a tree of its own (file ``<name>.yaml``).
    """
    name = code.rsplit(".", 1)[-1]
    new_id = f"{new_parent}.{name}" if new_parent else name
    return _relocate(book, codings, code, new_id, "moved")


def merge_codes(book: Codebook, codings: pd.DataFrame, source: str, target: str) -> Change:
    """Put the codings of ``source`` into ``target`` and remove ``source``.

    Sub-codes of ``source`` move under ``target``; identical codings made by the
    merge are kept once. A note is added to the target's memo.
    """
    book.check(source)
    book.check(target)
    if source == target or target.startswith(source + "."):
        raise CodebookError(
            f"cannot merge {source!r} into {target!r}",
            hint="the target must not be inside the source",
        )
    frame = book.codes
    mapping = {source: target}
    for kid in book.children(source):
        new_kid = f"{target}.{kid.rsplit('.', 1)[-1]}"
        if new_kid in book:
            raise CodebookError(
                f"both codes have a sub-code {kid.rsplit('.', 1)[-1]!r}",
                hint=f"merge {kid!r} into {new_kid!r} first",
            )
        mapping.update(_subtree_mapping(book, kid, new_kid))
    target_file = book.get(target)["file"]
    frame = frame[frame["code"] != source].copy()
    moved = frame["code"].isin(set(mapping) - {source})
    frame.loc[moved, "file"] = target_file
    frame.loc[moved, "line"] = pd.NA
    frame = _renamed_frame(Codebook(frame), mapping)
    note = f"Fusion de {source} ({book.label(source)})."
    at = frame.index[frame["code"] == target][0]
    memo = frame.at[at, "memo"]
    frame.at[at, "memo"] = note if _blank(memo) else f"{memo}\n{note}"
    before = _prepared(codings)
    after = before.copy()
    n = int(after["code"].eq(source).sum())
    after["code"] = after["code"].map(lambda c: mapping.get(c, c))
    new_book = Codebook.from_frame(frame, headers=book.headers)
    summary = f"merged {source!r} into {target!r} ({n} coding{'s' if n != 1 else ''} recoded)"
    return Change(new_book, _dedupe(after), _empty_archive(), summary, before, book, mapping)


Rule = Mapping[str, str | Sequence[str]] | Callable[[pd.Series], str | None]


def _rule_function(rule: Rule, names: list[str]) -> Callable[[pd.Series], str | None]:
    if callable(rule):
        return rule
    compiled = []
    for name, pattern in rule.items():
        if name not in names:
            raise CodebookError(f"the rule names {name!r}, which is not one of {names}")
        source = pattern if isinstance(pattern, str) else "|".join(map(re.escape, pattern))
        try:
            compiled.append((name, re.compile(source, re.IGNORECASE)))
        except re.error as exc:
            raise CodebookError(f"the rule for {name!r} is not a valid expression: {exc}") from None

    def first_match(row: pd.Series) -> str | None:
        for name, pattern in compiled:
            if pattern.search(row["quote"] or ""):
                return name
        return None

    return first_match


def split_code(
    book: Codebook,
    codings: pd.DataFrame,
    code: str,
    into: Sequence[str] | Mapping[str, Mapping[str, Any]],
    *,
    rule: Rule | None = None,
    default: str | None = None,
) -> Change:
    """Split a code into sub-codes and share its codings among them.

    Parameters
    ----------
    book, codings
        The codebook and every coder's codings.
    code : str
        The code to split; it stays, as the parent of the new codes.
    into : sequence of names, or mapping name -> fields
        The new sub-codes (names relative to ``code``), optionally with their
        ``label``, ``definition`` and other fields.
    rule : mapping name -> pattern(s), or function of a coding row, optional
        Which sub-code each coding goes to: the first name whose regular
        expression (or list of phrases) is found in the quote, or the name the
        function returns. Without a rule, the codings stay on ``code`` to be
        recoded by hand (``CodingSession.recode``).
    default : str, optional
        The sub-code for codings that no rule matches (else they stay on ``code``).
    """
    book.check(code)
    names = list(into)
    fields = dict(into) if isinstance(into, Mapping) else {name: {} for name in names}
    for name in names:
        _check_name(name)
        if "." in name or f"{code}.{name}" in book:
            raise CodebookError(
                f"cannot add the sub-code {name!r} under {code!r}",
                hint="give a new name without dots",
            )
    if default is not None and default not in names:
        raise CodebookError(f"default {default!r} is not one of {names}")
    frame = book.codes
    parent_row = book.get(code)
    new_rows = []
    for name in names:
        row = {c: None for c in CODE_COLUMNS}
        row.update(
            code=f"{code}.{name}",
            parent=code,
            label=name,
            codable=True,
            file=parent_row["file"],
            references=(),
        )
        row.update({k: v for k, v in dict(fields[name] or {}).items() if k in CODE_COLUMNS})
        new_rows.append(row)
    frame = pd.concat([frame, pd.DataFrame(new_rows)], ignore_index=True)
    before = _prepared(codings)
    after = before.copy()
    mine = after["code"] == code
    assigned = pd.Series(None, index=after.index, dtype=object)
    if rule is not None:
        choose = _rule_function(rule, names)
        assigned[mine] = after[mine].apply(choose, axis=1)
        bad = assigned[mine].dropna()
        bad = bad[~bad.isin(names)]
        if len(bad):
            raise CodebookError(f"the rule gave {bad.iloc[0]!r}, which is not one of {names}")
    if default is not None:
        assigned[mine & assigned.isna()] = default
    chosen = mine & assigned.notna()
    after.loc[chosen, "code"] = code + "." + assigned[chosen]
    new_book = Codebook.from_frame(frame, headers=book.headers)
    counts = after.loc[chosen, "code"].value_counts()
    shared = ", ".join(f"{counts.get(f'{code}.{n}', 0)} to {n}" for n in names)
    left = int(mine.sum() - chosen.sum())
    summary = f"split {code!r} into {', '.join(names)} ({shared}; {left} left on {code!r} to recode by hand)"
    return Change(new_book, _dedupe(after), _empty_archive(), summary, before, book)


def delete_code(
    book: Codebook,
    codings: pd.DataFrame,
    code: str,
    *,
    reassign_to: str | None = None,
    force: bool = False,
    now: pd.Timestamp | None = None,
) -> Change:
    """Remove a code and its sub-codes.

    Refused while codings use them, unless they are given to another code
    (``reassign_to``) or ``force`` moves them to the archive
    (``corpus/codings/archive/<coder>.csv``).

    Raises
    ------
    CodebookError
        When codings exist and neither option is given.
    """
    book.check(code)
    gone = {code, *book.descendants(code)}
    before = _prepared(codings)
    used = before["code"].isin(gone)
    n = int(used.sum())
    after = before.copy()
    archived = _empty_archive()
    if reassign_to is not None:
        book.check(reassign_to)
        if reassign_to in gone:
            raise CodebookError(
                f"{reassign_to!r} is deleted too", hint="choose a code outside the branch"
            )
        if not book.is_codable(reassign_to):
            raise CodebookError(f"{reassign_to!r} is a category, not used for coding")
        after.loc[used, "code"] = reassign_to
        what = f"{n} coding(s) given to {reassign_to!r}"
        renames: dict[str, str | None] = dict.fromkeys(sorted(gone), reassign_to)
    elif n and not force:
        coders = ", ".join(sorted(set(before.loc[used, "coder"])))
        raise CodebookError(
            f"{n} coding(s) of {coders} use {code!r} or its sub-codes",
            hint="reassign them to another code (--to CODE), or archive them (--force)",
        )
    else:
        stamp = (now or pd.Timestamp.now(tz="UTC")).floor("s")
        archived = before[used].assign(archived=stamp, reason=f"code {code!r} deleted")
        after = after[~used]
        what = f"{n} coding(s) archived"
        renames = dict.fromkeys(sorted(gone))
    frame = book.codes
    frame = frame[~frame["code"].isin(gone)]
    new_book = Codebook.from_frame(frame, headers=book.headers)
    summary = f"deleted {code!r} and {len(gone) - 1} sub-code(s) ({what})"
    archive = archived.reset_index(drop=True)
    return Change(new_book, _dedupe(after), archive, summary, before, book, renames)


# -- writing a change -------------------------------------------------------------------------


def _file_codes(book: Codebook, name: str) -> pd.DataFrame:
    """The codes of one file, without line numbers (to tell whether the file changed)."""
    codes = book.codes
    columns = [c for c in CODE_COLUMNS if c != "line"]
    return codes.loc[codes["file"] == name, columns].reset_index(drop=True)


def _plan(change: Change, codebook_folder: Path, codings_folder: Path) -> dict[Path, str | None]:
    """File → new content (``None``: delete) for every file that changes."""
    plan: dict[Path, str | None] = {}
    texts = codebook_texts(change.codebook)
    for name, text in texts.items():
        path = codebook_folder / name
        unchanged = _file_codes(change.previous, name).equals(_file_codes(change.codebook, name))
        if not path.is_file() or not unchanged:
            plan[path] = text
    for path in codebook_files(codebook_folder):
        if path.name not in texts and path.name in set(change.previous.codes["file"]):
            plan[path] = None
    after = change.codings
    for coder in sorted(set(change.before["coder"]) | set(after["coder"])):
        old = change.before[change.before["coder"] == coder]
        new = after[after["coder"] == coder]
        text = codings_text(new)
        if codings_text(old) != text:
            plan[codings_folder / f"{coder}.csv"] = text
    if len(change.archived):
        for coder, rows in change.archived.groupby("coder", sort=True):
            path = codings_folder / "archive" / f"{coder}.csv"
            previous = (
                pd.read_csv(path, dtype=str, keep_default_na=False) if path.is_file() else None
            )
            out = rows.copy()
            out["created"] = out["created"].map(
                lambda t: "" if pd.isna(t) else t.strftime("%Y-%m-%dT%H:%M:%SZ")
            )
            out["archived"] = out["archived"].map(lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ"))
            out = out[ARCHIVE_COLUMNS].astype(str)
            if previous is not None:
                out = pd.concat([previous, out], ignore_index=True)
            plan[path] = out.to_csv(index=False, lineterminator="\n")
    return plan


def _check_unchanged(change: Change, codings_folder: Path) -> None:
    disk, _ = read_codings(codings_folder)
    for coder in sorted(set(change.before["coder"])):
        old = change.before[change.before["coder"] == coder]
        now = disk[disk["coder"] == coder]
        if codings_text(old) != codings_text(now):
            raise CodingError(
                f"the codings of {coder!r} changed on disk since this change was prepared",
                path=codings_folder / f"{coder}.csv",
                hint="reload the codings and prepare the change again",
            )


def _write_all(plan: Mapping[Path, str | None], *, journal: Path) -> None:
    """Replace every file of the plan in one transaction: all change or none does,
    even when the process is killed midway (its journal is kept in ``journal``)."""
    with transaction(journal=journal) as tx:
        for path, text in plan.items():
            if text is None:
                tx.remove(path)
            else:
                tx.write_text(path, text)


def apply_change(
    project: Any = None,
    change: Change | None = None,
    *,
    codebook_folder: str | Path | None = None,
    codings_folder: str | Path | None = None,
    also: Mapping[str | Path, str | None] | None = None,
) -> list[Path]:
    """Write a change: the codebook files and coder files all change, or none does.

    The codebook's and every coder's lock files are held while writing, and the
    change is refused if a coder file changed since the change was prepared.
    Files of other layers that follow the change (the memos that link renamed
    codes, see :func:`research.memos.apply_change_with_memos`) are given as
    ``also`` and written in the same transaction.

    Parameters
    ----------
    project : research.project.Project, optional
        Gives the folders (and is reloaded afterwards).
    change : Change
    codebook_folder, codings_folder : path-like, optional
        The folders, when no project is given.
    also : mapping of path to text (``None``: delete), optional
        More files to write with the change.

    Returns
    -------
    list of Path
        The files written or deleted.
    """
    if change is None:
        raise CodebookError("apply_change needs a change")
    book_dir = Path(codebook_folder) if codebook_folder else project.paths.codebook
    codings_dir = Path(codings_folder) if codings_folder else project.paths.codings
    coders = sorted(set(change.before["coder"]) | set(change.codings["coder"]))
    with contextlib.ExitStack() as stack:
        book_dir.mkdir(parents=True, exist_ok=True)
        codings_dir.mkdir(parents=True, exist_ok=True)
        stack.enter_context(coder_lock(book_dir, "codebook"))
        for coder in coders:
            stack.enter_context(coder_lock(codings_dir, coder))
        _check_unchanged(change, codings_dir)
        plan = _plan(change, book_dir, codings_dir)
        plan.update({Path(path): text for path, text in (also or {}).items()})
        root = (
            Path(project.root)
            if project is not None and hasattr(project, "root")
            else Path(os.path.commonpath([book_dir.resolve(), codings_dir.resolve()]))
        )
        _write_all(plan, journal=root)
    if project is not None and hasattr(project, "reload"):
        project.reload()
    return list(plan)
