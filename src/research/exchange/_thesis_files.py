"""Writing a thesis document to a file: Word or a LaTeX fragment, chosen by the suffix."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from research.errors import ExportError
from research.exchange._thesis import ThesisDocument
from research.exchange._thesis_docx import thesis_docx
from research.exchange._thesis_latex import thesis_latex

__all__ = ["write_thesis"]


def write_thesis(
    document: ThesisDocument,
    path: str | os.PathLike,
    *,
    format: Literal["docx", "latex"] | None = None,
) -> Path:
    """Write a thesis document as Word (``.docx``) or a LaTeX fragment (``.tex``), atomically.

    Parameters
    ----------
    document : ThesisDocument
    path : path-like
        The file; its folder is created. The format comes from its suffix
        unless ``format`` is given.

    Raises
    ------
    ExportError
        When the format cannot be told.
    """
    from research.files import atomic_write_bytes, atomic_write_text

    path = Path(path)
    chosen = format or {".docx": "docx", ".tex": "latex"}.get(path.suffix.lower())
    if chosen not in ("docx", "latex"):
        raise ExportError(f"cannot tell the format of {path.name!r}: name it .docx or .tex")
    path.parent.mkdir(parents=True, exist_ok=True)
    if chosen == "docx":
        atomic_write_bytes(path, thesis_docx(document))
    else:
        atomic_write_text(path, thesis_latex(document, base=path.parent))
    return path
