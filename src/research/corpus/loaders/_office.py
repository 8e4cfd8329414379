"""Word-processor documents: ``.docx`` (with python-docx) and ``.odt`` (with odfpy).

The body becomes a stored text that reads like Markdown, so that the shared
segmenter cuts it as it would cut the same document written in Markdown:

- every paragraph is one block, and blocks are separated by a blank line, so each
  paragraph is a segment in paragraph mode and a transcript paragraph that starts
  with a speaker label (``Enquêtrice : …``) is a turn in turn mode; empty
  paragraphs only separate blocks;
- headings become ``#`` lines (``#`` × level, at most 6), so segments carry their
  section: in ``.docx`` a paragraph style named "Heading N" or "Titre N" (or with an
  outline level, directly or through the style it is based on), in ``.odt`` a
  ``text:h`` with its ``text:outline-level``;
- list items become ``- `` lines, indented by two spaces per level (numbered lists
  too: their numbers are computed by the word processor and not stored);
- each table row becomes one block: the text of its cells joined with `` | ``
  (a cell's paragraphs joined with a space; trailing empty cells dropped);
- line breaks inside a paragraph are kept as newlines and tabs as tabs; tracked
  changes are read as accepted (deleted text is left out); footnotes, comments,
  text boxes, headers and footers, and generated tables of contents are left out.

The document properties title, author and creation date become the attributes
``title``, ``author`` and ``created`` when they are set (an import leaves the
author out: :data:`research.corpus.PERSONAL_METADATA`). When two speaker labels or
more each start two paragraphs or more, and such paragraphs are at least half of
all, the document is taken as a transcript and ``segmentation: turns`` is set (see
:func:`guess_segmentation`); a label found once (``Date : 12 mars 2024``) stays text.

Both formats are zip containers: :func:`research.files.check_zip` checks the
index against the limits and every XML part is parsed with the hardened parser
before python-docx or odfpy sees the file; a damaged file gives an
:class:`~research.errors.InputError` naming it.

Examples
--------
>>> print(render_blocks(["# Atelier mobilité", "Élodie : On commence ?", "- une navette"]), end="")
# Atelier mobilité
<BLANKLINE>
Élodie : On commence ?
<BLANKLINE>
- une navette
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from research.corpus._segmenting import transcript_labels
from research.corpus.loaders import Limits, LoadedDocument, register
from research.corpus.loaders._subtitles import collapse_spaces
from research.errors import InputError
from research.files import check_xml_members, check_zip, read_limited, read_member
from research.text import normalise

__all__ = [
    "docx_blocks",
    "guess_segmentation",
    "load_docx",
    "load_odt",
    "odt_blocks",
    "render_blocks",
]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_W_CHARS = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n",
            f"{_W}noBreakHyphen": "-"}  # fmt: skip
_W_SKIP = {
    f"{_W}{name}"
    for name in ("pPr", "rPr", "del", "moveFrom", "delText", "instrText", "drawing",
                 "pict", "object", "txbxContent", "footnoteReference", "endnoteReference",
                 "commentReference", "sectPr", "tblPr", "trPr", "tcPr")
} | {f"{_MC}AlternateContent"}  # fmt: skip
_W_CONTAINERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"}
_HEADING_NAME = re.compile(r"^(?:heading|titre)\s*([1-9])$", re.IGNORECASE)
_LIST_NAME = re.compile(
    r"^(?:list (?:bullet|number)|liste (?:à puces|numéros))(?: \d)?$", re.IGNORECASE
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODT_TYPES = ("application/vnd.oasis.opendocument.text",)
_MAX_REPEAT = 100


def render_blocks(blocks: Iterable[str]) -> str:
    """Join rendered blocks with blank lines into a stored text.

    Examples
    --------
    >>> render_blocks(["Un.", "Deux."])
    'Un.\\n\\nDeux.\\n'
    >>> render_blocks([])
    ''
    """
    blocks = [block for block in blocks if block.strip()]
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _row(cells: list[str]) -> str | None:
    """One table row as ``a | b | c``; ``None`` when every cell is empty."""
    while cells and not cells[-1]:
        cells.pop()
    return " | ".join(cells) if cells else None


def _heading(level: int, text: str) -> str:
    return "#" * min(max(level, 1), 6) + " " + collapse_spaces(text)


def guess_segmentation(text: str) -> Literal["turns"] | None:
    """``"turns"`` when a text reads as a transcript, else ``None``.

    See :func:`research.corpus.transcript_labels`: at least two labels that each
    start two paragraphs or more, and such paragraphs are at least half of all.

    Examples
    --------
    >>> guess_segmentation("E : Bonjour.\\n\\nR : Bonjour.\\n\\nE : Alors ?\\n\\nR : Voilà.\\n")
    'turns'
    >>> guess_segmentation("Présents : A, B.\\n\\nExcusés : C.\\n\\nLe marché est lancé.\\n") is None
    True
    """
    return "turns" if transcript_labels(text) else None


# -- .docx --------------------------------------------------------------------------


def _docx_text(element) -> str:
    """The visible text of a paragraph (or any part of one), tracked changes accepted."""
    parts: list[str] = []

    def walk(node) -> None:
        for child in node:
            tag = child.tag
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag in _W_CHARS:
                parts.append(_W_CHARS[tag])
            elif isinstance(tag, str) and tag not in _W_SKIP:
                walk(child)

    walk(element)
    return "".join(parts)


def _docx_paragraphs(container) -> Iterator:
    """Paragraphs of a table cell (or any container), nested tables flattened."""
    for child in container:
        if child.tag == f"{_W}p":
            yield child
        elif child.tag in (f"{_W}tbl", f"{_W}tr", f"{_W}tc") or child.tag in _W_CONTAINERS:
            yield from _docx_paragraphs(child)


def _docx_rows(table) -> Iterator[str]:
    for row in table.iterchildren(f"{_W}tr", *_W_CONTAINERS):
        if row.tag != f"{_W}tr":
            yield from _docx_rows(row)
            continue
        cells = [
            collapse_spaces(" ".join(_docx_text(p) for p in _docx_paragraphs(cell)))
            for cell in _docx_cells(row)
        ]
        line = _row(cells)
        if line:
            yield line


def _docx_cells(row) -> Iterator:
    for child in row:
        if child.tag == f"{_W}tc":
            yield child
        elif child.tag in _W_CONTAINERS:
            yield from _docx_cells(child)


class _DocxStyles:
    """Heading levels and list membership of a document's paragraph styles."""

    def __init__(self, document) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        self.styles = {
            style.style_id: style
            for style in document.styles
            if style.type == WD_STYLE_TYPE.PARAGRAPH and style.style_id
        }
        self._levels: dict[str, int | None] = {}
        self._lists: dict[str, bool] = {}

    def level(self, style_id: str | None, depth: int = 0) -> int | None:
        """Heading level (1…9) of a style, ``None`` for body text."""
        style = self.styles.get(style_id or "")
        if style is None or depth > 20:
            return None
        if style_id not in self._levels:
            match = _HEADING_NAME.match(style.name or "") or _HEADING_NAME.match(
                re.sub(r"(\D)(\d)$", r"\1 \2", style_id)
            )
            level = int(match.group(1)) if match else _outline_level(style.element.pPr)
            if level is None:
                base = style.element.basedOn_val
                level = self.level(base, depth + 1) if base else None
            self._levels[style_id] = level or None
        return self._levels[style_id]

    def is_list(self, style_id: str | None, depth: int = 0) -> bool:
        """Whether a style makes its paragraphs list items (numbering or name)."""
        style = self.styles.get(style_id or "")
        if style is None or depth > 20:
            return False
        if style_id not in self._lists:
            numbered = _numbered(style.element.pPr)
            if numbered is None:
                numbered = bool(_LIST_NAME.match(style.name or ""))
                base = style.element.basedOn_val
                if not numbered and base:
                    numbered = self.is_list(base, depth + 1)
            self._lists[style_id] = numbered
        return self._lists[style_id]


def _outline_level(ppr) -> int | None:
    """Heading level from ``w:outlineLvl`` (0 → 1); 0 for explicit body text."""
    node = None if ppr is None else ppr.find(f"{_W}outlineLvl")
    if node is None:
        return None
    try:
        value = int(node.get(f"{_W}val"))
    except (TypeError, ValueError):
        return None
    return value + 1 if 0 <= value <= 8 else 0


def _numbered(ppr) -> bool | None:
    """``True``/``False`` from a ``w:numPr`` (numId 0 turns numbering off), else ``None``."""
    numpr = None if ppr is None else ppr.find(f"{_W}numPr")
    if numpr is None:
        return None
    num_id = numpr.find(f"{_W}numId")
    return num_id is None or num_id.get(f"{_W}val") != "0"


def _indent(ppr) -> int:
    node = None if ppr is None else ppr.find(f"{_W}numPr/{_W}ilvl")
    try:
        return max(0, min(int(node.get(f"{_W}val")), 8)) if node is not None else 0
    except (TypeError, ValueError):
        return 0


def _docx_paragraph(paragraph, styles: _DocxStyles) -> str | None:
    text = _docx_text(paragraph).strip()
    if not text:
        return None
    ppr = paragraph.find(f"{_W}pPr")
    style_node = None if ppr is None else ppr.find(f"{_W}pStyle")
    style_id = None if style_node is None else style_node.get(f"{_W}val")
    level = _outline_level(ppr)
    if level is None:
        level = styles.level(style_id)
    if level:
        return _heading(level, text)
    numbered = _numbered(ppr)
    if numbered or (numbered is None and styles.is_list(style_id)):
        return "  " * _indent(ppr) + "- " + text
    return text


def _docx_body(container, styles: _DocxStyles) -> Iterator[str]:
    for child in container:
        if child.tag == f"{_W}p":
            block = _docx_paragraph(child, styles)
            if block:
                yield block
        elif child.tag == f"{_W}tbl":
            yield from _docx_rows(child)
        elif child.tag in _W_CONTAINERS and not _generated_index(child):
            yield from _docx_body(child, styles)


def _generated_index(element) -> bool:
    """Whether a content control holds a generated table of contents or index."""
    gallery = element.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")
    value = "" if gallery is None else gallery.get(f"{_W}val", "")
    return value in ("Table of Contents", "Bibliographies")


def docx_blocks(document) -> list[str]:
    """The rendered blocks of a python-docx ``Document``, in body order.

    Examples
    --------
    >>> import docx
    >>> document = docx.Document()
    >>> _ = document.add_heading("Atelier « mobilité »", level=2)
    >>> _ = document.add_paragraph("Une navette solidaire", style="List Bullet")
    >>> table = document.add_table(rows=1, cols=2)
    >>> table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Qui", "Quoi"
    >>> docx_blocks(document)
    ['## Atelier « mobilité »', '- Une navette solidaire', 'Qui | Quoi']
    """
    return list(_docx_body(document.element.body, _DocxStyles(document)))


def _docx_properties(document) -> dict[str, Any]:
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:
        document.part.package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES)
    except KeyError:
        return {}  # python-docx would invent default properties
    core = document.core_properties
    values = {"title": core.title, "author": core.author, "created": core.created}
    return _clean_properties(values)


def _clean_properties(values: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, dt.datetime | dt.date):
            value = value.isoformat()
        if isinstance(value, str) and value.strip():
            meta[key] = collapse_spaces(value)
    return meta


def _check_container(path: Path, data: bytes, options: Limits, kind: str):
    if data.startswith(_OLE_MAGIC):
        raise InputError(
            f"not a valid {kind}: this is an old binary Word/Works file (.doc) or a "
            "password-protected document",
            path=path,
            hint=f"open it in the word processor and save it as {kind} without a password",
        )
    archive = check_zip(path, options, data=data, kind=kind)
    try:
        check_xml_members(archive, path=path, kind=kind)
    except BaseException:
        archive.close()
        raise
    return archive


def _unreadable(path: Path, kind: str, exc: Exception) -> InputError:
    detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    return InputError(
        f"not a valid {kind}: the file is damaged or truncated ({detail})",
        path=path,
        hint="re-save it from the word processor",
    )


def _loaded(path: Path, blocks: list[str], meta: dict[str, Any]) -> LoadedDocument:
    text = normalise(render_blocks(blocks))
    if not text.strip():
        raise InputError(
            "the document has no text",
            path=path,
            hint="add the text, or move the file out of corpus/documents",
        )
    mode = guess_segmentation(text)
    if mode:
        meta = {**meta, "segmentation": mode}
    return LoadedDocument(text, meta)


@register(".docx")
def load_docx(path: Path, options: Limits) -> LoadedDocument:
    """Load a Word ``.docx`` document (see the module notes for the rendering).

    Raises
    ------
    UnsafeInputError
        Over a container limit, a member name leaving the container, or XML with
        entity declarations.
    InputError
        Not a ``.docx`` (damaged, truncated, old ``.doc``, password), or no text.
    """
    import docx

    path = Path(path)
    data = read_limited(path, max_bytes=options.max_file_bytes)
    _check_container(path, data, options, ".docx").close()
    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as exc:
        if "not a Word file" not in str(exc):
            raise _unreadable(path, ".docx", exc) from None
        raise InputError(
            "not a Word document: the container holds another kind of file "
            f"({str(exc).rsplit('content type is', 1)[-1].strip()})",
            path=path,
            hint="give it the right suffix, or save it from Word as .docx",
        ) from None
    except Exception as exc:  # python-docx raises many kinds on damaged packages
        raise _unreadable(path, ".docx", exc) from None
    return _loaded(path, docx_blocks(document), _docx_properties(document))


# -- .odt ---------------------------------------------------------------------------


def _odt_ns():
    from odf.namespaces import DCNS, DRAWNS, METANS, OFFICENS, TABLENS, TEXTNS

    return DCNS, DRAWNS, METANS, OFFICENS, TABLENS, TEXTNS


def _odt_text(element) -> str:
    """The visible text of an ODF paragraph: spans, spaces, tabs and line breaks."""
    _, drawns, _, officens, _, textns = _odt_ns()
    parts: list[str] = []

    def walk(node) -> None:
        for child in node.childNodes:
            if child.nodeType == child.TEXT_NODE:
                parts.append(child.data)
                continue
            if child.nodeType != child.ELEMENT_NODE:
                continue
            ns, name = child.qname
            if (ns, name) == (textns, "s"):
                parts.append(" " * _count(child.getAttrNS(textns, "c")))
            elif (ns, name) == (textns, "tab"):
                parts.append("\t")
            elif (ns, name) == (textns, "line-break"):
                parts.append("\n")
            elif ns in (drawns, officens) or (ns == textns and name in _ODT_SKIP_INLINE):
                continue
            else:
                walk(child)

    walk(element)
    return "".join(parts)


_ODT_SKIP_INLINE = {"note", "tracked-changes", "change", "change-start", "change-end"}
_ODT_GENERATED = {
    "table-of-content", "alphabetical-index", "illustration-index", "table-index",
    "object-index", "user-index", "bibliography", "tracked-changes", "sequence-decls",
    "variable-decls", "user-field-decls", "dde-connection-decls",
}  # fmt: skip


def _count(value: str | None, default: int = 1) -> int:
    try:
        return max(0, min(int(value), _MAX_REPEAT)) if value else default
    except ValueError:
        return default


def _odt_paragraph(element, depth: int | None) -> str | None:
    _, _, _, _, _, textns = _odt_ns()
    text = _odt_text(element).strip()
    if not text:
        return None
    if element.qname == (textns, "h"):
        return _heading(_count(element.getAttrNS(textns, "outline-level")), text)
    if depth is not None:
        return "  " * depth + "- " + text
    return text


def _odt_list(element, depth: int) -> Iterator[str]:
    _, _, _, _, _, textns = _odt_ns()
    for item in element.childNodes:
        if item.nodeType != item.ELEMENT_NODE:
            continue
        bullet = item.qname == (textns, "list-item")
        for child in item.childNodes:
            if child.nodeType != child.ELEMENT_NODE:
                continue
            if child.qname == (textns, "list"):
                yield from _odt_list(child, depth + 1)
            elif child.qname in ((textns, "p"), (textns, "h")):
                block = _odt_paragraph(child, depth if bullet else None)
                if block:
                    yield block
                    bullet = False


def _odt_rows(element) -> Iterator[str]:
    _, _, _, _, tablens, textns = _odt_ns()
    for child in element.childNodes:
        if child.nodeType != child.ELEMENT_NODE:
            continue
        name = child.qname
        if name == (tablens, "table-row"):
            cells: list[str] = []
            for cell in child.childNodes:
                if cell.nodeType != cell.ELEMENT_NODE or cell.qname[0] != tablens:
                    continue
                paragraphs = _odt_cell_paragraphs(cell, textns, tablens)
                text = collapse_spaces(" ".join(_odt_text(p) for p in paragraphs))
                repeat = _count(cell.getAttrNS(tablens, "number-columns-repeated"))
                cells.extend([text] * (repeat if text else 1))
            line = _row(cells)
            if line:
                yield line
        elif name[0] == tablens and name[1] in (
            "table-header-rows",
            "table-rows",
            "table-row-group",
        ):
            yield from _odt_rows(child)


def _odt_cell_paragraphs(node, textns: str, tablens: str) -> Iterator:
    for child in node.childNodes:
        if child.nodeType != child.ELEMENT_NODE:
            continue
        if child.qname in ((textns, "p"), (textns, "h")):
            yield child
        elif child.qname[0] in (textns, tablens):
            yield from _odt_cell_paragraphs(child, textns, tablens)


def _odt_body(container) -> Iterator[str]:
    _, _, _, _, tablens, textns = _odt_ns()
    for child in container.childNodes:
        if child.nodeType != child.ELEMENT_NODE:
            continue
        ns, name = child.qname
        if ns == textns and name in ("p", "h"):
            block = _odt_paragraph(child, None)
            if block:
                yield block
        elif (ns, name) == (textns, "list"):
            yield from _odt_list(child, 0)
        elif (ns, name) == (tablens, "table"):
            yield from _odt_rows(child)
        elif ns == textns and name not in _ODT_GENERATED:
            yield from _odt_body(child)  # text:section and other containers


def odt_blocks(document) -> list[str]:
    """The rendered blocks of an odfpy ``OpenDocumentText``, in body order.

    Examples
    --------
    >>> from odf.opendocument import OpenDocumentText
    >>> from odf.text import H, P
    >>> document = OpenDocumentText()
    >>> document.text.addElement(H(outlinelevel=1, text="Décisions"))
    >>> document.text.addElement(P(text="On se revoit le 3\\u00a0mai."))
    >>> odt_blocks(document)
    ['# Décisions', 'On se revoit le 3\\xa0mai.']
    """
    return list(_odt_body(document.text))


def _odt_properties(document) -> dict[str, Any]:
    dcns, _, metans, _, _, _ = _odt_ns()
    found: dict[str, str] = {}
    for child in document.meta.childNodes:
        if child.nodeType == child.ELEMENT_NODE:
            found.setdefault(" ".join(child.qname), str(child))
    return _clean_properties(
        {
            "title": found.get(f"{dcns} title"),
            "author": found.get(f"{metans} initial-creator") or found.get(f"{dcns} creator"),
            "created": found.get(f"{metans} creation-date"),
        }
    )


def _odt_mimetype(archive, path: Path) -> None:
    names = set(archive.namelist())
    if "content.xml" not in names or "META-INF/manifest.xml" not in names:
        missing = "content.xml" if "content.xml" not in names else "META-INF/manifest.xml"
        raise InputError(
            f"not a valid .odt: the part {missing!r} is missing",
            path=path,
            hint="re-save it from the word processor",
        )
    if "mimetype" in names:
        mimetype = read_member(archive, "mimetype", path=path, kind=".odt").decode(
            "ascii", "replace"
        )
        if not mimetype.strip().startswith(_ODT_TYPES):
            raise InputError(
                f"not a text document: the container holds {mimetype.strip()!r}",
                path=path,
                hint="give it the right suffix, or save it from the word processor as .odt",
            )


@register(".odt")
def load_odt(path: Path, options: Limits) -> LoadedDocument:
    """Load an OpenDocument text ``.odt`` (see the module notes for the rendering).

    Raises
    ------
    UnsafeInputError
        Over a container limit, a member name leaving the container, or XML with
        entity declarations.
    InputError
        Not an ``.odt`` (damaged, truncated, another OpenDocument type), or no text.
    """
    from odf import opendocument

    path = Path(path)
    data = read_limited(path, max_bytes=options.max_file_bytes)
    with _check_container(path, data, options, ".odt") as archive:
        _odt_mimetype(archive, path)
    chatter = io.StringIO()
    try:
        with contextlib.redirect_stdout(chatter):  # odfpy prints whole parts it cannot parse
            document = opendocument.load(io.BytesIO(data))
    except Exception as exc:  # odfpy raises many kinds on damaged packages
        raise _unreadable(path, ".odt", exc) from None
    if chatter.getvalue() or document.text is None:
        raise _unreadable(path, ".odt", ValueError("odfpy could not read content.xml"))
    return _loaded(path, odt_blocks(document), _odt_properties(document))
