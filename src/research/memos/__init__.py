"""Memos: what the researcher writes about codes, documents, codings and the analysis.

A memo is a Markdown file with a YAML front matter under ``corpus/memos/``
(diffable and reviewable in git), with a kind (theoretical, methodological,
reflexive, code memo, document memo, or a kind of the project's own), a date, an
author, and links to codes, documents, codings and other memos. The memos that
coders write with their codings (the ``memo`` column of the coder files) are
memos too, of kind ``coding``.

The public face, for notebooks, commands and other software's formats:

- the memos table, with the fixed columns :data:`MEMO_COLUMNS`
  (:func:`read_memos`, :func:`load_memos`, :func:`coding_memos`; ``project.memos``
  holds both kinds), and the links table, one row per link, with
  :data:`LINK_COLUMNS` (:func:`memo_links`);
- finding memos: :func:`code_memos`, :func:`document_memos`, and a code's memos
  next to its passages, :func:`retrieve_with_memos`;
- checking links: :func:`check_memo_links` (used by ``research validate``),
  :func:`resolve_coding_links` (a coding found again after re-anchoring);
- writing: :func:`new_memo`; :func:`apply_change_with_memos` writes a codebook
  revision and the memos whose links follow it in one transaction;
- the memo index page: :func:`memo_index_html`.
"""

from research.memos._links import (
    check_memo_links,
    find_coding,
    memo_links,
    resolve_coding_links,
)
from research.memos._model import (
    CODING_MEMO_KIND,
    FRONT_MATTER_KEYS,
    LINK_COLUMNS,
    LINK_KINDS,
    MEMO_COLUMNS,
    MEMO_KINDS,
    CodingLink,
    parse_memo,
)
from research.memos._page import memo_index_html
from research.memos._reading import coding_memos, empty_memos, load_memos, memo_files, read_memos
from research.memos._retrieval import (
    CodeWithMemos,
    code_memos,
    document_memos,
    retrieve_with_memos,
)
from research.memos._revision import MemoChanges, apply_change_with_memos, memo_changes
from research.memos._writing import memo_file_text, new_memo, rewrite_code_links

__all__ = [
    "CODING_MEMO_KIND",
    "FRONT_MATTER_KEYS",
    "LINK_COLUMNS",
    "LINK_KINDS",
    "MEMO_COLUMNS",
    "MEMO_KINDS",
    "CodeWithMemos",
    "CodingLink",
    "MemoChanges",
    "apply_change_with_memos",
    "check_memo_links",
    "code_memos",
    "coding_memos",
    "document_memos",
    "empty_memos",
    "find_coding",
    "load_memos",
    "memo_changes",
    "memo_file_text",
    "memo_files",
    "memo_index_html",
    "memo_links",
    "new_memo",
    "parse_memo",
    "read_memos",
    "resolve_coding_links",
    "retrieve_with_memos",
    "rewrite_code_links",
]
