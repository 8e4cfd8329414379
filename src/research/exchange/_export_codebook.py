"""Writing a codebook as REFI-QDA ``Code`` elements and as a ``.qdc`` file.

Each code becomes a ``Code`` with its label as ``name``, a ``color`` for every
code (its own, its parent's or a palette colour) and the rest in its
``Description`` (:func:`research.exchange.code_description`); children are
nested in their parent. A ``.qdc`` file is one such codebook [1]_; a ``.qdpx``
project holds the same tree (:mod:`research.exchange._export_project`).

Examples
--------
>>> import pandas as pd
>>> from research.codebook import Codebook
>>> book = Codebook.from_frame(pd.DataFrame({"code": ["ant", "ant.enrolment"],
...     "label": ["Traduction", "Enrôlement"], "codable": [False, True],
...     "definition": [None, "Les rôles sont attribués et acceptés."]}))
>>> print(qdc_bytes(book).decode())
<?xml version='1.0' encoding='utf-8'?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="research ...">
  <Codes>
    <Code guid="..." name="Traduction" isCodable="false" color="...">
      <Description>Identifiant : ant</Description>
      <Code guid="..." name="Enrôlement" isCodable="true" color="...">
        <Description>Les rôles sont attribués et acceptés.
<BLANKLINE>
Identifiant : ant.enrolment</Description>
      </Code>
    </Code>
  </Codes>
</CodeBook>
<BLANKLINE>

References
----------
.. [1] REFI-QDA Standard, "QDA-XML 1.0: Project.xsd and Codebook.xsd", 2019,
   https://www.qdasoftware.org.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from research.contracts import is_blank
from research.errors import ExportError
from research.exchange._descriptions import code_description
from research.exchange._xml import CODEBOOK_NS, ORIGIN, _serialise, _sub, _text, stable_guid
from research.files import atomic_write_bytes

if TYPE_CHECKING:
    from research.codebook import Codebook

__all__ = [
    "export_qdc",
    "qdc_bytes",
]


def _code_element(
    parent: etree._Element,
    book: Codebook,
    code: str,
    *,
    memo: bool,
    note_refs: Mapping[str, str | Sequence[str]],
    colors: Mapping[str, str],
) -> None:
    row = book.get(code)
    attrib = {
        "guid": stable_guid("code", code),
        "name": _text(row["label"], f"the label of code {code!r}"),
        "isCodable": "true" if bool(row["codable"]) else "false",
    }
    color = colors.get(code, row["color"])  # its own, its parent's or a palette colour
    if not is_blank(color):
        attrib["color"] = str(color)
    element = _sub(parent, "Code", attrib)
    fields = row.to_dict()
    parent_code = fields.get("parent")
    inherited = f"{code}.yaml" if is_blank(parent_code) else book.get(parent_code)["file"]
    if fields.get("file") == inherited:
        fields["file"] = None
    description = code_description(fields, memo=memo)
    if description:
        _sub(element, "Description", text=_text(description, f"the description of code {code!r}"))
    refs = note_refs.get(code, ())
    for ref in [refs] if isinstance(refs, str) else refs:
        _sub(element, "NoteRef", {"targetGUID": ref})
    for child in book.children(code):
        _code_element(element, book, child, memo=memo, note_refs=note_refs, colors=colors)


def _check_codebook(book: Codebook) -> None:
    if not len(book):
        raise ExportError(
            "the codebook has no code, and a REFI-QDA codebook needs at least one; "
            "add codes to codebook/ first"
        )


def qdc_bytes(book: Codebook) -> bytes:
    """A codebook as ``.qdc`` XML (``urn:QDA-XML:codebook:1.0``).

    Memos go into the codes' descriptions, as a ``.qdc`` has no notes.

    Raises
    ------
    ExportError
        When the codebook is empty or a text holds a character XML cannot carry.
    """
    _check_codebook(book)
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS})
    root.set("origin", ORIGIN)
    codes = _sub(root, "Codes")
    for code in book.roots():
        _code_element(codes, book, code, memo=True, note_refs={}, colors=book.colors())
    return _serialise(root)


def export_qdc(path: str | PathLike, book: Codebook) -> Path:
    """Write a codebook to a ``.qdc`` file, atomically."""
    path = Path(path)
    atomic_write_bytes(path, qdc_bytes(book))
    return path
