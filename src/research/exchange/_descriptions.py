"""A code's ``Description``: its definition, then labelled paragraphs.

REFI-QDA gives a code a name, a colour and one free text. The definition,
inclusion and exclusion criteria, example, level, references, memo and the
code's id are written into that text as labelled paragraphs
(:func:`code_description`) and read back from it, in French or English
(:func:`parse_code_description`), so a codebook makes the round trip through
another program.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from research.contracts import is_blank

__all__ = [
    "code_description",
    "parse_code_description",
]


# Labelled paragraphs of a code's Description, in writing order (French, as the
# codebook appendix); English labels are read too.
_SECTIONS = (
    ("include", "Inclure"),
    ("exclude", "Exclure"),
    ("example", "Exemple"),
    ("level", "Niveau"),
    ("references", "Références"),
    ("memo", "Mémo"),
    ("code", "Identifiant"),
    ("file", "Fichier"),
)

_READ_LABELS = {
    **{label.lower(): key for key, label in _SECTIONS},
    "include": "include",
    "exclude": "exclude",
    "example": "example",
    "level": "level",
    "references": "references",
    "memo": "memo",
    "id": "code",
    "file": "file",
}

_SECTION_LINE = re.compile(
    r"^(" + "|".join(re.escape(k) for k in sorted(_READ_LABELS, key=len, reverse=True)) + r")"
    r"[ \t\u00a0\u202f]*:[ \t\u00a0\u202f]?(.*)$",
    re.IGNORECASE | re.MULTILINE,
)


# -- code descriptions ------------------------------------------------------------------


def code_description(row: Mapping[str, Any], *, memo: bool = True, code_id: bool = True) -> str:
    """The ``Description`` text of a code: its definition, then labelled paragraphs.

    The definition comes first, unlabelled; then ``Inclure :``, ``Exclure :``,
    ``Exemple :``, ``Niveau :``, ``Références :`` (one ``- `` line each), ``Mémo :``,
    ``Identifiant :`` (the code's id, so an import gives it back) and ``Fichier :``
    (the codebook file, when the row names one), each only when set.
    :func:`parse_code_description` reads it back.

    Examples
    --------
    >>> print(code_description({"code": "iw.creating.advocacy", "definition": "Mobiliser.",
    ...     "include": "Démarches auprès d'élus.", "references": ("Lawrence 2006",)}))
    Mobiliser.
    <BLANKLINE>
    Inclure : Démarches auprès d'élus.
    <BLANKLINE>
    Références :
    - Lawrence 2006
    <BLANKLINE>
    Identifiant : iw.creating.advocacy
    """
    parts = []
    if not is_blank(row.get("definition")):
        parts.append(str(row["definition"]).strip())
    for key, label in _SECTIONS:
        value = row.get(key)
        if (key == "memo" and not memo) or (key == "code" and not code_id):
            continue
        if key == "references":
            refs = [str(r).strip() for r in (value or ()) if not is_blank(r)]
            if refs:
                parts.append(f"{label} :\n" + "\n".join(f"- {r}" for r in refs))
        elif not is_blank(value):
            parts.append(f"{label} : {str(value).strip()}")
    return "\n\n".join(parts)


def parse_code_description(text: str | None) -> dict[str, Any]:
    """The fields of a code ``Description`` written by :func:`code_description`.

    Text before the first labelled paragraph is the ``definition``; labels are
    read in French or English, with or without a space before the colon. A
    description without labels is a definition only, as other programs write it.

    Returns
    -------
    dict
        Keys among ``definition``, ``include``, ``exclude``, ``example``,
        ``level``, ``references`` (a tuple), ``memo``, ``code`` and ``file``.

    Examples
    --------
    >>> parse_code_description("Mobiliser.\\n\\nInclure : Démarches.\\nIdentifiant : iw.a")
    {'definition': 'Mobiliser.', 'include': 'Démarches.', 'code': 'iw.a'}
    >>> parse_code_description("Références :\\n- A\\n- B")
    {'references': ('A', 'B')}
    """
    if not text or not text.strip():
        return {}
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found: dict[str, Any] = {}
    matches = list(_SECTION_LINE.finditer(text))
    head = text[: matches[0].start()] if matches else text
    if head.strip():
        found["definition"] = head.strip()
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        key = _READ_LABELS[match.group(1).lower()]
        value = (match.group(2) + text[match.end() : end]).strip()
        if key == "references":
            lines = [line.strip() for line in value.split("\n") if line.strip()]
            found[key] = tuple(
                line[2:].strip() if line.startswith("- ") else line for line in lines
            )
        elif value:
            found[key] = value
    return found
