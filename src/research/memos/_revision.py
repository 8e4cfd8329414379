"""Codebook revisions that keep the memos' links: codes, codings and memos change together.

:mod:`research.coding` revises the codebook and the codings (rename, move, merge,
split, delete) and says in ``change.renames`` which code ids go and which take
their place; it cannot know the memos, which sit above it. This module reads the
memos that link those codes, rewrites their links, and hands the files to
:func:`research.coding.apply_change`, which writes them with the codebook and the
coder files in one transaction: all change, or none does.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NamedTuple

from research.memos._writing import rewrite_code_links

__all__ = ["MemoChanges", "apply_change_with_memos", "memo_changes"]


class MemoChanges(NamedTuple):
    """The memo files a revision rewrites (path → new text) and a note per memo."""

    files: dict[Path, str]
    notes: list[str]


def _folder(project: Any, memos_folder: str | os.PathLike | None) -> Path | None:
    if memos_folder is not None:
        return Path(memos_folder)
    paths = getattr(project, "paths", None)
    return getattr(paths, "memos", None)


def memo_changes(
    project: Any,
    change: Any,
    *,
    memos_folder: str | os.PathLike | None = None,
) -> MemoChanges:
    """What a codebook revision changes in the memos, without writing anything.

    Parameters
    ----------
    project : research.project.Project or None
        Gives the memos folder (``project.paths.memos``) and the root for the notes.
    change : research.coding.Change
        A prepared revision.
    memos_folder : path-like, optional
        The memos folder, when no project is given.
    """
    folder = _folder(project, memos_folder)
    renames = getattr(change, "renames", {}) or {}
    if folder is None or not renames:
        return MemoChanges({}, [])
    root = getattr(project, "root", None)
    files, notes = rewrite_code_links(folder, renames, root=root)
    return MemoChanges(files, notes)


def apply_change_with_memos(
    project: Any,
    change: Any,
    *,
    memos_folder: str | os.PathLike | None = None,
    codebook_folder: str | os.PathLike | None = None,
    codings_folder: str | os.PathLike | None = None,
) -> tuple[list[Path], list[str]]:
    """Write a codebook revision and the memos whose links follow it, all or nothing.

    This is how ``research codebook rename|move|merge|delete`` write a change;
    call it rather than :func:`research.coding.apply_change` wherever memos
    exist, so that no memo is left linking a code that is gone.

    Parameters
    ----------
    project : research.project.Project or None
    change : research.coding.Change
    memos_folder, codebook_folder, codings_folder : path-like, optional
        The folders, when no project is given.

    Returns
    -------
    written : list of Path
        Every file written or deleted (codebook, codings, memos).
    notes : list of str
        What changed in each memo.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> from research.codebook import Codebook, save_codebook
    >>> from research.coding import rename_code
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> book = Codebook.from_frame(pd.DataFrame({"code": ["sut", "sut.trust"]}))
    >>> _ = save_codebook(root / "codebook", book)
    >>> (root / "memos").mkdir()
    >>> _ = (root / "memos" / "m.md").write_text("---\\nkind: code\\ncodes: [sut.trust]\\n---\\nTexte.\\n")
    >>> codings = pd.DataFrame(columns=["coder", "doc_id", "start", "end", "code", "quote"])
    >>> change = rename_code(book, codings, "sut.trust", "sut.confiance")
    >>> written, notes = apply_change_with_memos(None, change, memos_folder=root / "memos",
    ...     codebook_folder=root / "codebook", codings_folder=root / "codings")
    >>> "codes: [sut.confiance]" in (root / "memos" / "m.md").read_text()
    True
    """
    from research.coding import apply_change

    memos = memo_changes(project, change, memos_folder=memos_folder)
    written = apply_change(
        project,
        change,
        codebook_folder=codebook_folder,
        codings_folder=codings_folder,
        also=memos.files,
    )
    return written, memos.notes
