"""A thesis document as a Word file (python-docx), the same bytes for the same run.

Headings use Word's heading styles, so the researcher's template restyles them
on paste; captions use the style ``Caption`` with a ``SEQ`` field (Word numbers
them, lists them in a table of figures, and shows the number written here until
fields are updated): « Tableau 1 : … » above a table, « Figure 1 : … » under a
figure, as French theses place them. Quotations use the style ``Quote``. The
document's date is the run's; every member of the archive has the same fixed time.

Examples
--------
>>> import io, docx, pandas as pd
>>> from research.exchange._thesis import Heading, TableBlock, ThesisDocument
>>> document = ThesisDocument("Essai", (Heading(1, "Résultats"),
...     TableBlock(pd.DataFrame({"code": ["a"], "n": [1234]}), caption="Effectifs")),
...     date="2024-03-14T10:00:00Z")
>>> data = thesis_docx(document)
>>> word = docx.Document(io.BytesIO(data))
>>> [p.text for p in word.paragraphs]
['Résultats', 'Tableau 1\\xa0: Effectifs']
>>> word.tables[0].cell(1, 1).text
'1\\u202f234'
>>> data == thesis_docx(document)
True
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from research.exchange._thesis import (
    Bullets,
    FigureBlock,
    Heading,
    Paragraph,
    QuoteBlock,
    TableBlock,
    ThesisDocument,
    table_cells,
)

__all__ = ["thesis_docx"]

_TEXT_WIDTH_CM = 16.0
_TEXT_HEIGHT_CM = 22.0


def _add_runs(paragraph: Any, runs: tuple, *, size: float | None = None) -> None:
    from docx.shared import Pt

    for text, style in runs:
        run = paragraph.add_run(text)
        run.bold = "b" in style or None
        run.italic = "i" in style or None
        if style == "code":
            run.font.name = "Consolas"
        if size:
            run.font.size = Pt(size)


def _caption(document: Any, label: str, number: int, text: str | None) -> None:
    """« Tableau 1 : text » in the Caption style, the number a SEQ field Word can update."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = document.add_paragraph(style="Caption")
    paragraph.add_run(f"{label} ")

    def field_char(kind: str) -> None:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(char)

    field_char("begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" SEQ {label} \\* ARABIC "
    paragraph.add_run()._r.append(instruction)
    field_char("separate")
    paragraph.add_run(str(number))
    field_char("end")
    paragraph.add_run(f"\u00a0: {text}" if text else "")


def _table(document: Any, block: TableBlock, number: int) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    _caption(document, "Tableau", number, block.caption)
    headers, rows, numeric = table_cells(block.frame)
    grid = document.add_table(rows=1, cols=max(1, len(headers)))
    grid.style = "Table Grid"
    size = 8 if len(headers) > 6 else 9
    for cell, name, is_number in zip(grid.rows[0].cells, headers, numeric, strict=True):
        paragraph = cell.paragraphs[0]
        run = paragraph.add_run(name)
        run.bold = True
        run.font.size = Pt(size)
        if is_number:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row in rows:
        cells = grid.add_row().cells
        for cell, text, is_number in zip(cells, row, numeric, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.add_run(text).font.size = Pt(size)
            if is_number:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if block.note:
        _add_runs(document.add_paragraph(), ((block.note, "i"),), size=8)


def _figure(document: Any, block: FigureBlock, number: int) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.image.image import Image
    from docx.shared import Cm

    image = Image.from_file(str(block.path))
    width, height = image.px_width, image.px_height
    scale = min(_TEXT_WIDTH_CM / width, _TEXT_HEIGHT_CM / height)
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run().add_picture(str(block.path), width=Cm(width * scale))
    _caption(document, "Figure", number, block.caption)


def _core_date(date: str | None) -> dt.datetime:
    if date:
        try:
            return dt.datetime.fromisoformat(date.replace("Z", "+00:00")).astimezone(dt.UTC)
        except ValueError:
            pass
    return dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def thesis_docx(document: ThesisDocument) -> bytes:
    """The Word file of a thesis document (see the module notes).

    Returns
    -------
    bytes
        The same bytes for the same document.
    """
    import docx
    from docx.shared import Pt

    from research.files import stable_zip

    word = docx.Document()
    when = _core_date(document.date)
    props = word.core_properties
    props.title = document.title
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.revision = 1
    props.language = "fr-FR"
    props.created = props.modified = when.replace(tzinfo=None)
    tables = figures = 0
    for block in document.blocks:
        if isinstance(block, Heading):
            word.add_heading(block.text, level=min(max(block.level, 1), 4))
        elif isinstance(block, Paragraph):
            if block.style == "code":
                _add_runs(word.add_paragraph(), block.runs, size=8)
            elif block.style == "note":
                _add_runs(word.add_paragraph(), tuple((t, "i") for t, _ in block.runs), size=9)
            else:
                _add_runs(word.add_paragraph(), block.runs)
        elif isinstance(block, Bullets):
            style = "List Number" if block.ordered else "List Bullet"
            for item in block.items:
                _add_runs(word.add_paragraph(style=style), item)
        elif isinstance(block, QuoteBlock):
            paragraph = word.add_paragraph(style="Quote")
            paragraph.add_run(block.text)
            if block.source:
                paragraph.add_run(f" ({block.source})").italic = False
        elif isinstance(block, TableBlock):
            tables += 1
            _table(word, block, tables)
        elif isinstance(block, FigureBlock):
            figures += 1
            _figure(word, block, figures)
    word.styles["Normal"].font.size = Pt(11)
    buffer = io.BytesIO()
    word.save(buffer)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return stable_zip(buffer.getvalue(), core_date=stamp)
