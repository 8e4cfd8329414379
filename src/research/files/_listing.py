"""The project's own files of a folder, as every reader of a folder lists them."""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from pathlib import Path

__all__ = ["folder_files"]


def folder_files(folder: str | PathLike, suffixes: Iterable[str]) -> list[Path]:
    """The files directly in ``folder`` whose suffix is one of ``suffixes`` (in any
    case), sorted by path; names starting with ``.`` or ``_`` (hidden files, drafts
    put aside) are left out, and a folder that does not exist has none.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> for name in ("b.yaml", "a.YML", "_draft.yaml", ".hidden.yaml", "notes.txt"):
    ...     _ = (folder / name).write_text("x")
    >>> [p.name for p in folder_files(folder, (".yaml", ".yml"))]
    ['a.YML', 'b.yaml']
    >>> folder_files(folder / "absent", (".yaml",))
    []
    """
    folder = Path(folder)
    if not folder.is_dir():
        return []
    wanted = {s.lower() for s in suffixes}
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in wanted and not p.name.startswith((".", "_"))
    )
