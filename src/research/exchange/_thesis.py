"""A chapter's results as a thesis document: blocks of text, tables, figures and quotes.

:class:`ThesisDocument` is plain data: headings, paragraphs (runs of plain,
bold, italic or code text), lists, tables (the reader's version of a saved
table), figures (an image file) and quotations, in reading order. It is built by
:func:`research.pipeline.chapter_document` from a chapter run and written as
Word (:func:`research.exchange.thesis_docx`) or as a LaTeX fragment
(:func:`research.exchange.thesis_latex`), in a file by :func:`research.exchange.write_thesis`.

Numbers are written the French way (:func:`french_number`): a decimal comma, a
narrow no-break space between thousands, a minus sign for negative numbers.

Examples
--------
>>> french_number(1234567.891, decimals=2)
'1\\u202f234\\u202f567,89'
>>> blocks = markdown_blocks("## Fréquences\\n\\nLes **codes** les plus *utilisés*.")
>>> blocks[0]
Heading(level=2, text='Fréquences')
>>> blocks[1].runs
(('Les ', ''), ('codes', 'b'), (' les plus ', ''), ('utilisés', 'i'), ('.', ''))
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from research.contracts import is_blank

__all__ = [
    "Block",
    "Bullets",
    "FigureBlock",
    "Heading",
    "Paragraph",
    "QuoteBlock",
    "TableBlock",
    "ThesisDocument",
    "french_number",
    "markdown_blocks",
    "table_cells",
]

#: The narrow no-break space between thousands (French typography).
THOUSANDS = "\u202f"
MINUS = "\u2212"

Run = tuple[str, str]  # (text, style): "" plain, "b" bold, "i" italic, "bi", "code"


@dataclass(frozen=True)
class Heading:
    """A heading of level 1 (the chapter's) to 4."""

    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of runs; ``style`` "note" for a small remark, "code" for code."""

    runs: tuple[Run, ...]
    style: Literal["", "note", "code"] = ""

    @property
    def text(self) -> str:
        """The paragraph's text without styles."""
        return "".join(text for text, _ in self.runs)


@dataclass(frozen=True)
class Bullets:
    """A list: each item a tuple of runs."""

    items: tuple[tuple[Run, ...], ...]
    ordered: bool = False


@dataclass(frozen=True)
class TableBlock:
    """A table (reader's version: French headers and labels), numbered in the document."""

    frame: pd.DataFrame = field(repr=False)
    caption: str | None = None
    note: str | None = None
    name: str = ""


@dataclass(frozen=True)
class FigureBlock:
    """A figure: an image file (PNG for Word; PDF, PNG or SVG for LaTeX)."""

    path: Path
    caption: str | None = None
    name: str = ""
    vector: Path | None = None  # a PDF or SVG of the same figure, when there is one


@dataclass(frozen=True)
class QuoteBlock:
    """A quotation as French theses cite it: « text » (source), ``text`` with its guillemets."""

    text: str
    source: str | None = None


Block = Heading | Paragraph | Bullets | TableBlock | FigureBlock | QuoteBlock


@dataclass(frozen=True)
class ThesisDocument:
    """A chapter's results in reading order.

    Attributes
    ----------
    title : str
        The chapter's title (the document's properties).
    blocks : tuple of Block
    date : str or None
        The time of the run (ISO 8601), written as the document's date: the
        same run gives the same file.
    """

    title: str
    blocks: tuple[Block, ...]
    date: str | None = None


# -- numbers -----------------------------------------------------------------------------------


def french_number(value: Any, *, decimals: int | None = None) -> str:
    """A number written the French way: ``1 234,5`` (narrow no-break spaces), ``−0,25``.

    Parameters
    ----------
    value : number
        An integer is written without decimals; a float with ``decimals``
        digits after the comma (default: 2, or 3 below 1 in absolute value).

    Examples
    --------
    >>> french_number(-0.25), french_number(12), french_number(3.0, decimals=1)
    ('−0,250', '12', '3,0')
    >>> french_number(float("nan"))
    ''
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool | np.bool_):
        return "oui" if value else "non"
    if isinstance(value, int | np.integer) and decimals is None:
        digits = f"{abs(int(value)):,}".replace(",", THOUSANDS)
        return (MINUS if value < 0 else "") + digits
    number = float(value)
    if math.isinf(number):
        return ("−" if number < 0 else "") + "∞"
    if decimals is None:
        decimals = 3 if abs(number) < 1 else 2
    text = f"{abs(number):,.{decimals}f}"
    whole, _, fraction = text.partition(".")
    out = whole.replace(",", THOUSANDS) + ("," + fraction if fraction else "")
    negative = number < 0 and any(ch not in "0,\u202f" for ch in out)
    return (MINUS if negative else "") + out


def _column_decimals(values: pd.Series) -> int | None:
    """Decimals of a column: none when every value is whole, else 2 (3 when all below 1)."""
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    if not len(numbers) or (numbers == numbers.round()).all():
        return 0
    return 3 if (numbers.abs() < 1).all() else 2


def table_cells(frame: pd.DataFrame) -> tuple[list[str], list[list[str]], list[bool]]:
    """A table as texts: headers, rows of French-formatted cells, and which columns are numbers.

    Examples
    --------
    >>> table_cells(pd.DataFrame({"code": ["a"], "n": [1500], "part": [0.5]}))
    (['code', 'n', 'part'], [['a', '1\\u202f500', '0,500']], [False, True, True])
    """
    headers = [str(c) for c in frame.columns]
    numeric, formats = [], []
    for name in frame.columns:
        column = frame[name]
        is_number = pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(
            column.dtype
        )
        numeric.append(bool(is_number))
        formats.append(_column_decimals(column) if is_number else None)
    rows = []
    for record in frame.itertuples(index=False, name=None):
        cells = []
        for value, is_number, decimals in zip(record, numeric, formats, strict=True):
            if is_blank(value) and not isinstance(value, list | tuple):
                cells.append("")
            elif is_number:
                cells.append(french_number(value, decimals=decimals))
            elif isinstance(value, bool | np.bool_):
                cells.append("oui" if value else "non")
            else:
                cells.append(str(value))
        rows.append(cells)
    return headers, rows, numeric


# -- Markdown ----------------------------------------------------------------------------------


def _runs(token: Any) -> tuple[Run, ...]:
    """The runs of an inline token (bold, italic, code; links as their text)."""
    runs: list[Run] = []
    bold = italic = 0
    for child in token.children or []:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "code_inline":
            runs.append((child.content, "code"))
        elif kind in ("softbreak", "hardbreak"):
            runs.append((" " if kind == "softbreak" else "\n", ""))
        elif kind in ("text", "html_inline"):
            style = ("b" if bold else "") + ("i" if italic else "")
            runs.append((child.content, style))
        elif kind == "image":
            runs.append((child.content or "", "i"))
    merged: list[Run] = []
    for text, style in runs:
        if merged and merged[-1][1] == style:
            merged[-1] = (merged[-1][0] + text, style)
        elif text:
            merged.append((text, style))
    return tuple(merged)


def markdown_blocks(text: str) -> list[Block]:
    """The blocks of a Markdown text: headings, paragraphs, lists, quotations, code.

    Markdown tables become table blocks without caption; raw HTML is kept as
    its text, never as markup.
    """
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text or "")
    blocks: list[Block] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1])
            inline = tokens[i + 1]
            blocks.append(Heading(level, "".join(t for t, _ in _runs(inline)).strip()))
            i += 3
            continue
        if kind == "paragraph_open":
            runs = _runs(tokens[i + 1])
            if runs:
                blocks.append(Paragraph(runs))
            i += 3
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            depth, items, j = 0, [], i
            while j < len(tokens):
                if tokens[j].type == kind:
                    depth += 1
                elif tokens[j].type == kind.replace("_open", "_close"):
                    depth -= 1
                    if depth == 0:
                        break
                elif tokens[j].type == "inline":
                    items.append(_runs(tokens[j]))
                j += 1
            blocks.append(Bullets(tuple(items), ordered=kind.startswith("ordered")))
            i = j + 1
            continue
        if kind == "blockquote_open":
            j, parts = i + 1, []
            while j < len(tokens) and tokens[j].type != "blockquote_close":
                if tokens[j].type == "inline":
                    parts.append("".join(t for t, _ in _runs(tokens[j])))
                j += 1
            blocks.append(QuoteBlock(" ".join(parts)))
            i = j + 1
            continue
        if kind in ("fence", "code_block"):
            blocks.append(Paragraph(((token.content.rstrip("\n"), "code"),), style="code"))
        elif kind == "html_block":
            blocks.append(Paragraph(((token.content.strip(), ""),), style="note"))
        elif kind == "table_open":
            j, rows, row = i + 1, [], []
            while j < len(tokens) and tokens[j].type != "table_close":
                if tokens[j].type == "inline":
                    row.append("".join(t for t, _ in _runs(tokens[j])))
                elif tokens[j].type == "tr_close":
                    rows.append(row)
                    row = []
                j += 1
            if rows:
                blocks.append(TableBlock(pd.DataFrame(rows[1:], columns=rows[0])))
            i = j + 1
            continue
        i += 1
    return blocks
