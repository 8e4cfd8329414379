"""The standard chapters that ship with the package, and adding them to a project.

The five chapter notebooks (corpus, editions, coding and agreement,
institutional work, actor network) and a generic ``chapters.yaml`` live in the
package (``research/pipeline/chapters/``). ``research init`` writes them into a
new project's ``notebooks/``; ``research chapters add NAME`` adds one later. A
project then owns its copies: it may change them or add notebooks of its own,
and a changed notebook is never overwritten unless asked (``force=True``).

Examples
--------
>>> [c.id for c in standard_chapters()][:2]
['corpus-overview', 'editions-review']
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "notebooks"
>>> [p.name for p in install_standard_chapters(folder)][:2]
['chapters.yaml', '01-corpus-overview.ipynb']
>>> add_standard_chapter(folder, "02").written
[]
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from importlib.resources import as_file, files
from pathlib import Path

from research.errors import PipelineError
from research.pipeline._chapters import CHAPTERS_FILE, Chapter, read_chapters, select_chapters

__all__ = [
    "AddedChapter",
    "add_standard_chapter",
    "install_standard_chapters",
    "standard_chapters",
    "standard_chapters_folder",
]


def standard_chapters_folder() -> Path:
    """The folder of the packaged chapter notebooks and their generic ``chapters.yaml``."""
    resource = files("research.pipeline") / "chapters"
    with as_file(resource) as path:  # a real folder for a normal or editable install
        return Path(path)


def standard_chapters() -> list[Chapter]:
    """The standard chapters, as listed by the packaged ``chapters.yaml``."""
    return read_chapters(standard_chapters_folder() / CHAPTERS_FILE)


@dataclass(frozen=True)
class AddedChapter:
    """What adding a standard chapter did: the files written and whether it was listed."""

    chapter: Chapter
    written: list[Path] = field(default_factory=list)
    listed: bool = False


def _entry(chapter: Chapter) -> str:
    """The chapter's lines of a ``chapters.yaml`` (JSON strings are YAML strings)."""
    lines = [
        f"  - id: {chapter.id}",
        f"    notebook: {chapter.notebook.name}",
        f"    title: {json.dumps(chapter.title, ensure_ascii=False)}",
    ]
    if chapter.description:
        lines.append(f"    description: {json.dumps(chapter.description, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def add_standard_chapter(
    notebooks: str | os.PathLike, name: str, *, force: bool = False
) -> AddedChapter:
    """Copy one standard chapter into a project's ``notebooks/`` and list it.

    Parameters
    ----------
    notebooks : path-like
        The project's notebook folder (created when absent).
    name : str
        The chapter's id, number (``02``) or notebook name.
    force : bool
        Replace the project's notebook even when it differs from the packaged one.

    Returns
    -------
    AddedChapter
        The files written (none when the project's copy is already the packaged
        one) and whether the chapter was added to ``chapters.yaml`` (it is
        appended when the list does not name it yet).

    Raises
    ------
    PipelineError
        When no standard chapter has that name (the known ones are listed), or
        the project's notebook differs from the packaged one and ``force`` is
        false: the project's own changes are kept.
    """
    folder = Path(notebooks)
    try:
        ((chapter, _),) = select_chapters(standard_chapters(), [name.partition("/")[0]])
    except PipelineError as error:
        message = str(error).replace("in the chapter list", "among the standard chapters")
        raise PipelineError(f"{message} ('research chapters list' shows them)") from None
    target = folder / chapter.notebook.name
    written: list[Path] = []
    folder.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != chapter.notebook.read_bytes():
        if target.exists() and not force:
            raise PipelineError(
                f"{target} differs from the standard chapter {chapter.id!r} and was kept "
                "(it holds this project's changes); use --force to replace it with the "
                "packaged notebook"
            )
        shutil.copyfile(chapter.notebook, target)
        written.append(target)
    listing = folder / CHAPTERS_FILE
    listed = False
    if not listing.exists():
        header = (standard_chapters_folder() / CHAPTERS_FILE).read_text(encoding="utf-8")
        header = header.split("\nchapters:", 1)[0]
        listing.write_text(f"{header}\nchapters:\n{_entry(chapter)}", encoding="utf-8")
        written.append(listing)
        listed = True
    elif not any(c.notebook.name == target.name for c in read_chapters(listing)):
        text = listing.read_text(encoding="utf-8")
        if text and not text.endswith("\n"):
            text += "\n"
        listing.write_text(f"{text}\n{_entry(chapter)}", encoding="utf-8")
        listed = True
    return AddedChapter(chapter, written, listed)


def install_standard_chapters(notebooks: str | os.PathLike) -> list[Path]:
    """Write every standard chapter and the generic ``chapters.yaml``; keep what exists.

    Returns
    -------
    list of Path
        The files written (an existing file is never replaced).
    """
    folder = Path(notebooks)
    folder.mkdir(parents=True, exist_ok=True)
    source = standard_chapters_folder()
    written = []
    for name in [CHAPTERS_FILE, *(c.notebook.name for c in standard_chapters())]:
        target = folder / name
        if not target.exists():
            shutil.copyfile(source / name, target)
            written.append(target)
    return written
