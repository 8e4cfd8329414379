"""Symbolic links that lead out of the project.

A link in ``corpus/documents`` (or among the tables, the codebook or the codings)
whose target is outside the project would be read as project data: ``ln -s
/etc/passwd corpus/documents/a.txt`` would put a system file into the corpus and
its outputs. Such links are refused, naming the link and its target; links whose
target stays inside the project are fine.

Examples
--------
>>> import os, pathlib, tempfile
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> (root / "notes.md").write_text("x")
1
>>> os.symlink(root / "notes.md", root / "inside.md")
>>> outside_link(root / "inside.md", root=root) is None
True
>>> os.symlink("/etc/hostname", root / "outside.md")
>>> str(outside_link(root / "outside.md", root=root))
'/etc/hostname'
"""

from __future__ import annotations

import os
from pathlib import Path

from research.errors import Problem, UnsafeInputError

__all__ = ["outside_link", "outside_link_error", "outside_link_problem", "outside_links"]


def outside_link(path: str | os.PathLike, *, root: str | os.PathLike) -> Path | None:
    """The target of ``path`` when a symbolic link takes it out of ``root``, else ``None``.

    A path that reaches outside ``root`` without a link (a folder set outside the
    project in ``research.yaml``) is not a link and gives ``None``.
    """
    absolute = Path(os.path.abspath(path))
    target = absolute.resolve()
    if target == absolute:
        return None
    base = Path(root).resolve()
    if target == base or base in target.parents:
        return None
    return target


def _shown(path: Path, root: Path) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return str(path)


_HINT = "copy the file into the project instead of linking to it, or remove the link"


def outside_link_problem(path: Path, target: Path, *, root: str | os.PathLike) -> Problem:
    """The error of a link leading out of the project; it was not read."""
    return Problem(
        "error",
        f"{_shown(path, Path(root))} is a symbolic link to {target}, outside the project; "
        "it was not read",
        path=_shown(path, Path(root)),
        hint=_HINT,
    )


def outside_link_error(path: Path, target: Path, *, root: str | os.PathLike) -> UnsafeInputError:
    """The same as an exception."""
    return UnsafeInputError(
        f"a symbolic link to {target}, outside the project; it was not read",
        path=_shown(path, Path(root)),
        hint=_HINT,
    )


def outside_links(
    folder: str | os.PathLike, *, root: str | os.PathLike, recursive: bool = False
) -> list[tuple[Path, Path]]:
    """``(link, target)`` of every entry of ``folder`` (and the folder itself) that a
    symbolic link takes out of ``root``; hidden entries are skipped."""
    folder = Path(os.path.abspath(folder))
    if not folder.exists() and not folder.is_symlink():
        return []
    target = outside_link(folder, root=root)
    if target is not None:
        return [(folder, target)]
    found: list[tuple[Path, Path]] = []
    for current, dirs, names in os.walk(folder):
        entries = sorted([*names, *dirs])
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if recursive else []
        for name in entries:
            path = Path(current) / name
            if name.startswith(".") or not path.is_symlink():
                continue
            target = outside_link(path, root=root)
            if target is not None:
                found.append((path, target))
    return found
