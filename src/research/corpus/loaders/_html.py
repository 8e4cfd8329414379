"""Web pages (``.html``, ``.htm``): the main text of a saved page or a press article.

The page is read with trafilatura, a library made to find the main text of a web
page: navigation, menus, cookie banners, "read also" boxes, comments and
footers are left out. The main text becomes a stored text that reads like
Markdown: headings (``<h1>``…``<h6>``) become ``#`` lines so that segments carry
their section, list items ``- `` lines (indented by level), each table row one
block of cells joined by `` | ``, every other paragraph (a quotation too) one
block; line breaks and runs of white space inside a paragraph become one space.
Links, images and scripts are dropped; the text is never HTML afterwards.

The page's own metadata gives the attributes ``title``, ``author``, ``date``
(the date of publication that the page declares, as ``YYYY-MM-DD``; not a date
guessed from the text), ``site`` and ``url`` (the page's canonical address, or
the address a browser wrote when saving it).

Bytes are decoded by the encoding the page declares (``<meta charset>`` or
``http-equiv``), else by the project's rule
(:func:`research.files.decode_bytes`). The size limit ``max_file_bytes`` applies;
the HTML parser loads nothing from outside (no DTD, no network).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from research.corpus.loaders import Limits, LoadedDocument, register
from research.corpus.loaders._subtitles import collapse_spaces
from research.errors import InputError, Problem
from research.files import decode_bytes, read_limited

__all__ = ["html_blocks", "load_html"]

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_INLINE_SKIP = {"graphic", "fw"}
# trafilatura turns every space into a plain one; French no-break spaces (before
# « : ; ! ? », inside guillemets) are part of the text: they cross it as stand-ins.
_NO_BREAK = {"\u00a0": "\u237d", "\u202f": "\u23b5"}
_NO_BREAK_SOURCE = re.compile(
    r"\u00a0|&nbsp;|&#160;|&#x0*a0;|\u202f|&#8239;|&#x0*202f;", re.IGNORECASE
)
_NO_BREAK_BACK = str.maketrans({v: k for k, v in _NO_BREAK.items()})


def _protect_no_break_spaces(text: str) -> tuple[str, bool]:
    """The page with its no-break spaces as stand-ins (``False``: the page already
    holds a stand-in character, and is left as it is)."""
    if any(stand_in in text for stand_in in _NO_BREAK.values()):
        return text, False
    return _NO_BREAK_SOURCE.sub(
        lambda m: _NO_BREAK[
            "\u202f"
            if m.group(0) in ("\u202f", "&#8239;") or "202f" in m.group(0).lower()
            else "\u00a0"
        ],
        text,
    ), True


def _decode(data: bytes, path: Path) -> tuple[str, list[Problem]]:
    """The page's text, by its declared encoding when it declares a known one."""
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        name = declared.group(1).decode("ascii", "replace").lower()
        try:
            encoding = codecs.lookup(
                "cp1252" if name in ("iso-8859-1", "latin-1", "us-ascii") else name
            )
        except LookupError:
            encoding = None
        if encoding is not None and encoding.name not in ("utf-16-le", "utf-16-be", "utf-16"):
            try:
                return data.decode(encoding.name), []
            except UnicodeDecodeError:
                pass
    return decode_bytes(data, path=path, hint="save the page again from the browser")


def _text(element) -> str:
    """The visible text of an element of trafilatura's tree, on one line."""
    parts: list[str] = []

    def walk(node) -> None:
        if node.tag in _INLINE_SKIP:
            if node.tail:
                parts.append(node.tail)
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag == "lb":
                parts.append(" ")
                if child.tail:
                    parts.append(child.tail)
            else:
                walk(child)
        if node.tail and node is not element:
            parts.append(node.tail)

    walk(element)
    return collapse_spaces("".join(parts))


def _list(element, depth: int) -> Iterator[str]:
    for item in element:
        if item.tag != "item":
            continue
        nested = [child for child in item if child.tag == "list"]
        for child in nested:
            item.remove(child)
        text = _text(item)
        if text:
            yield "  " * depth + "- " + text
        for child in nested:
            yield from _list(child, depth + 1)


def _rows(table) -> Iterator[str]:
    for row in table.iter("row"):
        cells = [_text(cell) for cell in row if cell.tag == "cell"]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            yield " | ".join(cells)


def html_blocks(body) -> list[str]:
    """The blocks of the main text found by trafilatura (its XML ``body``), in order.

    Examples
    --------
    >>> from lxml import etree
    >>> body = etree.fromstring(
    ...     '<body><head rend="h2">Les ateliers</head><p>Une <hi>navette</hi>.</p>'
    ...     '<list><item>un garage</item></list></body>')
    >>> html_blocks(body)
    ['## Les ateliers', 'Une navette.', '- un garage']
    """
    blocks: list[str] = []
    for element in body:
        tag = element.tag
        if tag == "head":
            level = re.sub(r"\D", "", element.get("rend", "") or "") or "2"
            text = _text(element)
            if text:
                blocks.append("#" * min(max(int(level), 1), 6) + " " + text)
        elif tag == "list":
            blocks.extend(_list(element, 0))
        elif tag == "table":
            blocks.extend(_rows(element))
        elif tag in ("quote", "div") and len(element) and element[0].tag in ("p", "list", "head"):
            blocks.extend(html_blocks(element))
        elif tag not in _INLINE_SKIP:
            text = _text(element)
            if text:
                blocks.append(text)
    return blocks


def _extract(text: str):
    import trafilatura

    options: dict[str, Any] = {
        "with_metadata": True,
        "include_formatting": True,
        "include_tables": True,
        "include_comments": False,
        "include_images": False,
        "include_links": False,
        "date_extraction_params": {"extensive_search": False, "original_date": True},
    }
    found = trafilatura.bare_extraction(text, **options)
    if found is None or found.body is None or not len(found.body):
        found = trafilatura.bare_extraction(text, favor_recall=True, **options)
    return found


def _metadata(found, text: str) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for key, value in (("title", found.title), ("author", found.author), ("site", found.sitename)):
        if value and str(value).strip():
            meta[key] = collapse_spaces(str(value))
    if found.date and _DATE.match(str(found.date)):
        meta["date"] = str(found.date)[:10]
    saved = _SAVED_FROM.search(text[:2000])
    url = found.url or (saved.group(1) if saved else None)
    if url:
        meta["url"] = url
    return meta


@register(".html", ".htm", kind="web_page")
def load_html(path: Path, options: Limits) -> LoadedDocument:
    """Load a saved web page (see the module notes for what is kept).

    Raises
    ------
    UnsafeInputError
        Over ``max_file_bytes``.
    InputError
        Bad encoding, or a page in which no main text is found.
    """
    path = Path(path)
    data = read_limited(path, max_bytes=options.max_file_bytes)
    text, problems = _decode(data, path)
    protected, stand_ins = _protect_no_break_spaces(text)
    try:
        found = _extract(protected)
    except (ValueError, TypeError) as exc:  # lxml on markup it cannot parse
        raise InputError(
            f"the page cannot be parsed ({exc})",
            path=path,
            hint="save the page again from the browser",
        ) from None
    blocks = html_blocks(found.body) if found is not None and found.body is not None else []
    if not blocks:
        raise InputError(
            "no main text found in the page (only navigation, menus or scripts)",
            path=path,
            hint="save the article itself (File > Save page as…, or the browser's reader view), "
            "or copy its text into a .txt file",
        )
    body, meta = "\n\n".join(blocks) + "\n", _metadata(found, text)
    if stand_ins:
        body = body.translate(_NO_BREAK_BACK)
        meta = {key: value.translate(_NO_BREAK_BACK) for key, value in meta.items()}
    return LoadedDocument(body, meta, problems)
