"""Writing memo files: a new memo, and the links a codebook revision rewrites.

A memo file is written atomically (temporary file, fsync, rename) and never
over another memo. When codes are renamed, moved, merged or deleted, the memos
that link them are rewritten with the codebook and the codings, in the same
transaction (:func:`research.memos.apply_change_with_memos`): their front matter
is written again in the same key order, with the new code ids; their text is
kept byte for byte. Comments inside a front matter are not kept by such a
rewrite.

Examples
--------
>>> print(memo_file_text({"title": "Posture", "kind": "reflexive", "date": "2024-03-14",
...                       "author": "camille", "codes": ("sut.trust",)}, text="Ma place."))
---
title: Posture
kind: reflexive
date: 2024-03-14
author: camille
codes: [sut.trust]
---
Ma place.
<BLANKLINE>
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from research.errors import InputError
from research.files import atomic_write_text, load_yaml
from research.memos._model import CODING_MEMO_KIND, MEMO_KINDS, CodingLink
from research.memos._reading import memo_files, read_memos
from research.text import fold, normalise

__all__ = ["memo_file_text", "new_memo", "rewrite_code_links"]

_ORDER = ("id", "title", "kind", "date", "author", "codes", "documents", "memos", "codings")
_SLUG = re.compile(r"[^a-z0-9]+")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _plain(value: Any) -> Any:
    """YAML values as plain Python (mappings read with lines become dicts)."""
    if isinstance(value, CodingLink):
        return value.as_mapping()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _yaml_entry(key: str, value: Any) -> str:
    """``key: value`` as YAML: lists of plain values on one line, each coding on its own."""
    value = _plain(value)
    return yaml.safe_dump(
        {key: value},
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=None if isinstance(value, list | dict) else False,
        width=1 << 30,
    )


def _front_matter_text(entries: Iterable[tuple[str, Any]]) -> str:
    return "---\n" + "".join(_yaml_entry(k, v) for k, v in entries) + "---\n"


def memo_file_text(memo: Mapping[str, Any], *, text: str = "") -> str:
    """The text of a memo file: front matter in the usual order, then ``text``.

    Keys of ``memo`` without a value (``None``, empty lists) are left out; other
    keys than the usual ones follow them, as given.
    """
    keys = [k for k in _ORDER if k in memo] + [k for k in memo if k not in _ORDER]
    entries = [(k, memo[k]) for k in keys if memo[k] not in (None, "", (), [])]
    body = normalise(text)
    if body and not body.endswith("\n"):
        body += "\n"
    return _front_matter_text(entries) + body


def _slug(title: str) -> str:
    slug = _SLUG.sub("-", fold(title)).strip("-")
    return slug[:60].rstrip("-") or "memo"


def _check_kind(kind: str, kinds: Mapping[str, str] | None) -> None:
    known = {**dict.fromkeys(MEMO_KINDS, ""), **(kinds or {})}
    if kind in known:
        return
    close = difflib.get_close_matches(kind, list(known), n=1)
    reason = (
        "is kept for the memos of the coder files" if kind == CODING_MEMO_KIND else "is unknown"
    )
    raise InputError(
        f"the kind of memo {kind!r} {reason}",
        hint=(f"did you mean {close[0]!r}? " if close else "")
        + f"the kinds are {', '.join(known)}; declare the project's own in research.yaml "
        "under memos: {kinds: {name: label}}",
    )


def new_memo(
    folder: str | os.PathLike,
    *,
    title: str,
    kind: str,
    date: str | dt.date | None = None,
    author: str | None = None,
    codes: Sequence[str] = (),
    documents: Sequence[str] = (),
    codings: Sequence[CodingLink] = (),
    memos: Sequence[str] = (),
    text: str = "",
    memo_id: str | None = None,
    kinds: Mapping[str, str] | None = None,
) -> Path:
    """Write a new memo file ``<folder>/<id>.md`` and return its path.

    The id is ``memo_id``, else the title made into a slug (accents dropped,
    lower case, ``-`` between words), with ``-2``, ``-3``… when a memo already
    has it. Links are written as given: check them with ``research validate``.

    Parameters
    ----------
    folder : path-like
        The memos folder (created if needed).
    title, kind : str
        The memo's title and kind (:data:`MEMO_KINDS` or one of ``kinds``).
    date : str or datetime.date, optional
        Default: today.
    author : str, optional
    codes, documents, codings, memos
        The links.
    text : str
        The Markdown text of the memo.
    memo_id : str, optional
        The id (and file name) to use.
    kinds : mapping, optional
        The project's own kinds of memo.

    Raises
    ------
    InputError
        For an unknown kind, an empty title, or an id that a memo already has.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> new_memo(folder, title="Le canevas, un dispositif ?", kind="theoretical",
    ...          date="2024-03-14", author="camille").name
    'le-canevas-un-dispositif.md'
    >>> new_memo(folder, title="Le canevas, un dispositif ?", kind="theoretical").name
    'le-canevas-un-dispositif-2.md'
    """
    _check_kind(kind, kinds)
    if not title or not title.strip():
        raise InputError("a memo needs a title", hint="give the title as the first argument")
    folder = Path(folder)
    existing, _ = read_memos(folder, kinds=kinds)
    taken = set(existing["memo_id"].astype(str)) | {p.stem for p in memo_files(folder)}
    if memo_id is not None:
        if memo_id in taken or (folder / f"{memo_id}.md").exists():
            raise InputError(
                f"a memo already has the id {memo_id!r}",
                path=folder / f"{memo_id}.md",
                hint="choose another id, or edit that memo",
            )
        chosen = memo_id
    else:
        base = _slug(title)
        chosen, n = base, 1
        while chosen in taken or (folder / f"{chosen}.md").exists():
            n += 1
            chosen = f"{base}-{n}"
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            raise InputError(
                f"the date {date!r} is not an ISO date", hint="write 2024-03-14"
            ) from None
    record = {
        "title": title.strip(),
        "kind": kind,
        "date": date or dt.date.today(),
        "author": author,
        "codes": tuple(dict.fromkeys(codes)),
        "documents": tuple(dict.fromkeys(documents)),
        "memos": tuple(dict.fromkeys(memos)),
        "codings": tuple(codings),
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{chosen}.md"
    atomic_write_text(path, memo_file_text(record, text=text))
    return path


def _renamed(values: list, renames: Mapping[str, str | None]) -> tuple[list, list[str]]:
    out, notes = [], []
    for value in values:
        code = str(value)
        if code in renames:
            new = renames[code]
            notes.append(f"code {code!r} → {new!r}" if new else f"code {code!r} removed (deleted)")
            if new:
                out.append(new)
        else:
            out.append(value)
    return list(dict.fromkeys(out)), notes


def _renamed_codings(values: list, renames: Mapping[str, str | None]) -> tuple[list, list[str]]:
    out, notes = [], []
    for item in values:
        code = str(item.get("code")) if isinstance(item, Mapping) else None
        if code is None or code not in renames:
            out.append(item)
            continue
        new = renames[code]
        if new:
            out.append({**item, "code": new})
            notes.append(f"coding link {code!r} → {new!r}")
        else:
            notes.append(f"coding link of {code!r} removed (the code and its codings were deleted)")
    return out, notes


def rewrite_code_links(
    folder: str | os.PathLike,
    renames: Mapping[str, str | None],
    *,
    root: str | os.PathLike | None = None,
) -> tuple[dict[Path, str], list[str]]:
    """The memo files whose links a codebook revision changes, with their new text.

    Nothing is written: the caller writes the files with the codebook and the
    codings in one transaction (see :func:`research.memos.apply_change_with_memos`).

    Parameters
    ----------
    folder : path-like
        The memos folder.
    renames : mapping
        Old code id → new code id, or ``None`` for a code deleted with its
        codings (its links are removed from the memos).
    root : path-like, optional
        The project root, for the paths in the notes.

    Returns
    -------
    files : dict
        Path → new text, for every memo file that changes.
    notes : list of str
        One line per memo changed, saying what changed in it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "m.md").write_text(
    ...     "---\\nkind: code\\ncodes: [sut.a, sut.b]\\ntags: [x]\\n---\\nTexte.\\n")
    >>> files, notes = rewrite_code_links(folder, {"sut.a": "sut.c"})
    >>> print(files[folder / "m.md"], end="")
    ---
    kind: code
    codes: [sut.c, sut.b]
    tags: [x]
    ---
    Texte.
    >>> notes
    ["m.md: code 'sut.a' → 'sut.c'"]
    """
    from research.corpus.loaders import split_front_matter

    folder = Path(folder)
    base = Path(root) if root is not None else folder
    files: dict[Path, str] = {}
    notes: list[str] = []
    if not renames:
        return files, notes
    for path in memo_files(folder):
        try:
            text = normalise(path.read_text(encoding="utf-8"))
            _, body, body_line = split_front_matter(text, path=path)
        except (InputError, OSError, UnicodeDecodeError):
            continue  # research validate reports an unreadable memo; nothing to rewrite here
        if body_line == 0:
            continue
        source = "\n".join(text.split("\n")[1 : body_line - 1]) + "\n"
        meta = load_yaml(source, path=path) or {}
        if not isinstance(meta, dict):
            continue
        changed: list[str] = []
        entries = []
        for key, value in meta.items():
            said: list[str] = []
            if key == "codes" and isinstance(value, list):
                value, said = _renamed(value, renames)
            elif key == "codings" and isinstance(value, list):
                value, said = _renamed_codings(value, renames)
            changed += said
            if not (said and value == []):  # a list emptied by the revision goes
                entries.append((str(key), value))
        if changed:
            files[path] = _front_matter_text(entries) + body
            try:
                shown = path.resolve().relative_to(base.resolve()).as_posix()
            except ValueError:
                shown = path.as_posix()
            notes.append(f"{shown}: {'; '.join(changed)}")
    return files, notes
