"""Coding in a notebook: the two lines that open the coding widgets.

::

    import research
    research.code_document(research.open_project(), coder="camille", doc_id="INT03")

:func:`code_document` starts the coder's :class:`CodingSession` on the project
and returns its document widget; :func:`code_browser` returns the code browser.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from research.coding._code_browser import CodeBrowser
from research.coding._session import CodingSession
from research.coding._widget import CodingWidget
from research.errors import CodingError

__all__ = ["code_browser", "code_document"]


def _session(project: Any, coder: str) -> CodingSession:
    if project is None or isinstance(project, str | Path):
        raise CodingError(
            f"code_document and code_browser take an open project, not {project!r}",
            hint="pass research.open_project() (or research.open_project(path))",
        )
    return CodingSession(project, coder)


def code_document(
    project: Any,
    *,
    coder: str,
    doc_id: str | Sequence[str] | None = None,
    where: Mapping[str, Any] | None = None,
    **options: Any,
) -> CodingWidget:
    """Read documents of a project and code them with the mouse, in JupyterLab.

    Parameters
    ----------
    project : Project
        The project (``research.open_project()``).
    coder : str
        Whose codings are made (``corpus/codings/<coder>.csv``).
    doc_id : str or list of str, optional
        The document to show, or the documents to move through (default: all).
    where : mapping, optional
        Only documents whose attributes match, e.g. ``{"kind": "interview"}``.
    **options
        ``blind``, ``others``, ``new_codes_under`` (see :class:`CodingWidget`).

    Returns
    -------
    CodingWidget
        Every change made in it is saved at once in the coder's file.
    """
    return _session(project, coder).widget(doc_id, where=where, **options)


def code_browser(project: Any, *, coder: str, **options: Any) -> CodeBrowser:
    """The codebook with counts per coder, each code's passages, and a document
    widget (coding as ``coder``) to open them in.

    Parameters
    ----------
    project : Project
        The project (``research.open_project()``).
    coder : str
        The coder who codes in the document widget.
    **options
        ``context`` and ``limit`` of the passages, and the document widget's options.
    """
    return CodeBrowser(_session(project, coder), **options)
