"""Personal metadata of files: what an import never copies into the corpus.

Word processors, PDF writers, web pages and mail programs record who made a file:
its author, who changed it last, who commented it, with their e-mail or phone.
Those are personal data of people who are not the subject of the document (or
are, unpseudonymised), so a document's front matter never receives them:
:func:`render_markdown` (which every import uses) drops the keys of
:data:`PERSONAL_METADATA`, and ``research import`` says which it left out. A
loader that reads a new kind of file gives these properties under these names
and so goes through the same filter.

Examples
--------
>>> without_personal_metadata({"title": "Entretien 3", "Author": "H. Cuenot", "last-modified-by": "x"})
({'title': 'Entretien 3'}, ['Author', 'last-modified-by'])
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["PERSONAL_METADATA", "is_personal_key", "without_personal_metadata"]

#: Metadata keys (compared without case, with ``-`` and spaces as ``_``) that name
#: the people who made, changed or commented a file.
PERSONAL_METADATA = frozenset(
    {
        "author", "authors", "creator", "creators", "initial_creator", "last_author",
        "last_modified_by", "lastmodifiedby", "modified_by", "modifier", "comment_author",
        "comment_authors", "comments_authors", "reviewer", "reviewers", "contributor",
        "contributors", "owner", "manager", "company", "email", "e_mail", "mail", "phone",
        "telephone",
    }
)  # fmt: skip


def is_personal_key(name: object) -> bool:
    """Whether a metadata key is one of :data:`PERSONAL_METADATA`.

    Examples
    --------
    >>> is_personal_key("Last Modified By"), is_personal_key("title")
    (True, False)
    """
    return re.sub(r"[\s\-]+", "_", str(name).strip().casefold()) in PERSONAL_METADATA


def without_personal_metadata(metadata: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """``metadata`` without its personal keys, and the keys left out (in order)."""
    dropped = [key for key in metadata if is_personal_key(key)]
    return {k: v for k, v in metadata.items() if k not in dropped}, dropped
