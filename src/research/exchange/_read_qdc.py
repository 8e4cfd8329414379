"""Reading a REFI-QDA codebook: the ``Codes`` tree, and ``.qdc`` files.

A code's id comes back from its ``Description`` when an export of this package
wrote it there (:func:`research.exchange.parse_code_description`), else from its
name as a slug, unique among its siblings; colours the codebook would show anyway
are left out again, so a round trip gives back the codebook as it was. The same
tree is read from a ``.qdc`` file (:func:`read_qdc`) and from the ``CodeBook`` of
a ``.qdpx`` project (:mod:`research.exchange._read_qdpx`).
"""

from __future__ import annotations

import re
import unicodedata
from os import PathLike

import pandas as pd
from lxml import etree

from research.codebook import Codebook
from research.coding import CODING_COLUMNS, typed_codings
from research.errors import InputError, Problem, ValidationFailed
from research.exchange._descriptions import parse_code_description
from research.exchange._imported import QdaImport
from research.exchange._xml import _HINT, _child, _children, _guid, _local, _text_of
from research.files import Limits, parse_xml

__all__ = ["read_qdc"]


_RGB = re.compile(r"^#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")
_ID_PART = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_\-]*$")
_LEVELS = ("first_order", "second_order", "aggregate")


def _slug(text: str, *, keep: str = "_-") -> str:
    ascii_text = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in ascii_text if not unicodedata.combining(ch))
    allowed = re.escape(keep)
    return re.sub(rf"[^A-Za-z0-9{allowed}]+", "-", ascii_text.lower()).strip("-")


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate in taken:
        candidate = f"{name}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def _note_text(element: etree._Element, notes: dict[str, str]) -> str:
    texts = [notes.get(_guid(ref.get("targetGUID")), "") for ref in _children(element, "NoteRef")]
    return "\n\n".join(t for t in texts if t)


def _codes(
    codes: etree._Element | None, notes: dict[str, str], path, problems: list[Problem]
) -> tuple[list[dict], dict[str, str]]:
    """Code rows in tree order and the map GUID → code id."""
    rows: list[dict] = []
    ids: dict[str, str] = {}
    taken: set[str] = set()

    def visit(element: etree._Element, parent: str | None) -> None:
        name = (element.get("name") or "").strip() or "code"
        fields = parse_code_description(_text_of(_child(element, "Description")))
        wanted = fields.pop("code", None)
        prefix = f"{parent}." if parent else ""
        part = None
        if wanted and wanted.startswith(prefix) and _ID_PART.match(wanted[len(prefix) :]):
            part = wanted[len(prefix) :]
        part = part if part and prefix + part not in taken else _slug(name) or "code"
        code = _unique(prefix + part, taken)
        color = element.get("color")
        if color and not _RGB.match(color.strip()):
            problems.append(
                Problem("warning", f"code {name!r}: colour {color!r} dropped", path=str(path))
            )
            color = None
        file = fields.pop("file", None)
        if file and re.fullmatch(r"[\w.\-]+\.ya?ml", file):
            fields["file"] = file
        level = fields.get("level")
        if level and level not in _LEVELS:
            fields["memo"] = "\n\n".join(x for x in (fields.get("memo"), f"Niveau : {level}") if x)
            fields.pop("level")
        own, noted = fields.get("memo"), _note_text(element, notes)
        # an export of this package writes a code's memo in both places
        memo = own if noted == own else "\n\n".join(x for x in (own, noted) if x)
        guid = _guid(element.get("guid"))
        if guid in ids:
            raise InputError(
                f"two codes share the GUID {guid}", path=path, line=element.sourceline, hint=_HINT
            )
        ids[guid] = code
        rows.append(
            {
                **fields,
                "code": code,
                "parent": parent,
                "label": name,
                "color": color.strip() if color else None,
                "codable": (element.get("isCodable") or "true").strip().lower() in ("true", "1"),
                "memo": memo or None,
            }
        )
        for child in _children(element, "Code"):
            visit(child, code)

    for element in _children(codes, "Code") if codes is not None else []:
        visit(element, None)
    return rows, ids


def _long_rgb(color: str) -> str:
    """``#RRGGBB`` in lower case (``#abc`` is ``#aabbcc``)."""
    color = color.strip().lower()
    return "#" + "".join(ch * 2 for ch in color[1:]) if len(color) == 4 else color


def _drop_implied_colours(rows: list[dict]) -> list[dict]:
    """Rows without the colours the codebook would show anyway.

    An export gives every code a colour (its parent's, or the palette's by its
    place among the roots); a colour equal to that one is left out again, so a
    round trip gives back the codebook as it was, and shows the same colours.
    """
    plain = Codebook.from_frame(pd.DataFrame([{**row, "color": None} for row in rows]))
    defaults = plain.colors()
    shown: dict[str, str] = {}
    kept = []
    for row in rows:  # parents come before their children
        parent = row.get("parent")
        implied = shown[parent] if parent else defaults[row["code"]]
        color = row.get("color")
        if color and _long_rgb(str(color)) == implied.lower():
            row = {**row, "color": None}
        shown[row["code"]] = implied if not row.get("color") else str(row["color"])
        kept.append(row)
    return kept


def _codebook(rows: list[dict], path) -> Codebook | None:
    if not rows:
        return None
    try:
        return Codebook.from_frame(pd.DataFrame(_drop_implied_colours(rows)))
    except ValidationFailed as exc:
        raise InputError(
            f"the codebook cannot be read: {exc.problems[0].message}", path=path, hint=_HINT
        ) from None


def read_qdc(
    path: str | PathLike,
    *,
    data: bytes | None = None,
    options: Limits | None = None,
) -> QdaImport:
    """Read a ``.qdc`` codebook (documents and codings are then empty).

    Raises
    ------
    InputError
        When the file is not a REFI-QDA codebook or holds entity declarations.
    """
    options = options or Limits()
    if data is None:
        from research.files import read_limited

        data = read_limited(path, max_bytes=options.max_file_bytes)
    root = parse_xml(data, path=path)
    if _local(root) == "Project":
        book = _child(root, "CodeBook")
        root = book if book is not None else root
    if _local(root) != "CodeBook":
        raise InputError(
            f"the file holds a <{_local(root)}>, not a REFI-QDA <CodeBook>", path=path, hint=_HINT
        )
    problems: list[Problem] = []
    rows, _ = _codes(_child(root, "Codes"), {}, path, problems)
    return QdaImport(
        pd.DataFrame(columns=["doc_id", "text"]),
        _codebook(rows, path),
        typed_codings(pd.DataFrame(columns=CODING_COLUMNS)),
        root.get("origin") or "",
        problems=tuple(problems),
    )
