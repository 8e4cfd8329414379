"""Coding: the coders' stores, anchoring to the text, the coding session, views and codebook revisions.

Each coder's codings live in one CSV file (``corpus/codings/<coder>.csv``), written
atomically under a lock; ``coders.yaml`` beside them says which documents each
coder finished or was given before coding. Codebook revisions (rename, move, merge, split, delete)
live here because they rewrite every coder's codings with the codebook.
"""

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

__all__ = [
    "ARCHIVE_COLUMNS",
    "CODERS_FILE",
    "CODER_KEYS",
    "CODING_COLUMNS",
    "MERGE_COLUMNS",
    "Anchor",
    "Change",
    "CoderWork",
    "CodingSession",
    "HTMLView",
    "apply_change",
    "apply_reanchoring",
    "assign_documents",
    "check_anchors",
    "check_codings",
    "closest_passage",
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
