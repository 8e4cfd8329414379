"""Coding: the coders' stores, anchoring to the text, the coding session, views and codebook revisions.

Each coder's codings live in one CSV file (``corpus/codings/<coder>.csv``), written
atomically under a lock; ``coders.yaml`` beside them says which documents each
coder finished or was given before coding. Codebook revisions (rename, move, merge,
split, delete) live here because they rewrite every coder's codings with the codebook. The
coding widgets of JupyterLab (:class:`CodingWidget`, :class:`CodeBrowser`,
:func:`code_document`, :func:`code_browser`; public face
:mod:`research.coding_widget`) live here too, since a session opens them; they
load anywidget on first use only.
"""

from importlib import import_module
from typing import TYPE_CHECKING

from research.coding._anchoring import (
    Anchor,
    check_anchors,
    closest_passage,
    locate_quote,
    reanchor,
)
from research.coding._assignments import (
    CODER_KEYS,
    CODERS_FILE,
    CoderWork,
    assign_documents,
    draw_sample,
    mark_finished,
    read_coders_file,
)
from research.coding._checking import check_codings
from research.coding._lock import coder_lock
from research.coding._merging import MERGE_COLUMNS, merge_codings
from research.coding._reading import coding_files, load_codings, read_codings, validate_codings
from research.coding._revision import (
    ARCHIVE_COLUMNS,
    Change,
    apply_change,
    delete_code,
    merge_codes,
    move_code,
    rename_code,
    split_code,
)
from research.coding._session import CodingSession
from research.coding._store import apply_reanchoring, save_codings
from research.coding._table import CODING_COLUMNS, codings_text, empty_codings, typed_codings
from research.coding._views import HTMLView, document_html, retrieve

# The widgets load anywidget and ipywidgets: only when first asked for.
_LAZY = {
    "CodeBrowser": "research.coding._code_browser",
    "CodingWidget": "research.coding._widget",
    "Utf16Offsets": "research.coding._offsets",
    "code_browser": "research.coding._notebook",
    "code_document": "research.coding._notebook",
}

if TYPE_CHECKING:
    from research.coding._code_browser import CodeBrowser
    from research.coding._notebook import code_browser, code_document
    from research.coding._offsets import Utf16Offsets
    from research.coding._widget import CodingWidget


def __getattr__(name: str):
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'research.coding' has no attribute {name!r}") from None
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "ARCHIVE_COLUMNS",
    "CODERS_FILE",
    "CODER_KEYS",
    "CODING_COLUMNS",
    "MERGE_COLUMNS",
    "Anchor",
    "Change",
    "CodeBrowser",
    "CoderWork",
    "CodingSession",
    "CodingWidget",
    "HTMLView",
    "Utf16Offsets",
    "apply_change",
    "apply_reanchoring",
    "assign_documents",
    "check_anchors",
    "check_codings",
    "closest_passage",
    "code_browser",
    "code_document",
    "coder_lock",
    "coding_files",
    "codings_text",
    "delete_code",
    "document_html",
    "draw_sample",
    "empty_codings",
    "load_codings",
    "locate_quote",
    "mark_finished",
    "merge_codes",
    "merge_codings",
    "move_code",
    "read_coders_file",
    "read_codings",
    "reanchor",
    "rename_code",
    "retrieve",
    "save_codings",
    "split_code",
    "typed_codings",
    "validate_codings",
]
