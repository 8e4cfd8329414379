"""PDF documents, read with pdfminer.six: the text of each page, in reading order.

pdfminer.six's layout analysis gives the text lines of each page with their place
and font size, text blocks in reading order (columns one after the other); the
stored text is then made by :mod:`research.corpus.loaders._pdf_text`: running
headers, footers and page numbers left out, paragraphs rebuilt, words hyphenated
at line ends joined again, large-font lines as ``#`` headings, and a line
``<!-- page 12 -->`` at the start of each page so that every segment knows its
page (the label the PDF prints, else its number).

Characters are put right as they are read: ligature glyphs (``ﬁ``, ``ﬂ``, ``ﬀ``,
``ﬃ``, ``ﬄ``) become their letters; an accent that old TeX fonts draw as a
separate glyph over its letter (``´e``, ``¸c``, ``ˆı``) is put on it (``é``, ``ç``,
``î``); glyphs whose font maps to no character (``(cid:12)``) are dropped, with a
warning, and a document made mostly of them is refused. Text inside drawings
(form objects) is read like the rest; images are not (no OCR): a page with images
and no text is named in a warning, and a document with no text at all is refused
as scanned.

The document properties title, author and creation date become the attributes
``title``, ``author`` and ``created`` (as for ``.docx``), and ``pages`` counts
the pages. A transcript saved as PDF is cut into turns as a ``.docx`` one is.

Every stream is decoded within the project's limits
(:mod:`research.corpus.loaders._pdf_guard`): a PDF bomb is refused before it
fills memory. A damaged file, a file that is not a PDF and a PDF locked by a
password are refused with a message naming the file and the fix.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import re
import statistics
import unicodedata
from pathlib import Path
from typing import Any

from research.corpus._segmenting import transcript_labels
from research.corpus.loaders import Limits, LoadedDocument, register
from research.corpus.loaders._pdf_guard import decoding_budget, install
from research.corpus.loaders._pdf_text import Line, Page, render_pages
from research.corpus.loaders._subtitles import collapse_spaces
from research.errors import InputError, Problem
from research.files import read_limited

__all__ = ["load_pdf", "pdf_pages"]

_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
     "\ufb05": "st", "\ufb06": "st"}
)  # fmt: skip
#: Spacing accents that TeX's old fonts draw over a letter, and their combining forms.
_ACCENTS = {
    "\u00b4": "\u0301", "`": "\u0300", "\u02c6": "\u0302", "^": "\u0302", "\u00a8": "\u0308",
    "\u02dc": "\u0303", "\u00b8": "\u0327", "\u02d8": "\u0306", "\u02c7": "\u030c",
    "\u02d9": "\u0307", "\u02da": "\u030a",
}  # fmt: skip
_CID = re.compile(r"\(cid:\d+\)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ue000-\uf8ff]")
_SYMBOL_BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "•", "\uf076": "•"})
_PDF_DATE = re.compile(
    r"^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?"
)
_LABEL = re.compile(r"[^\s<>]{1,20}")
_SOFTWARE_TITLE = re.compile(
    r"^(?:Microsoft Word - |untitled|sans titre)|\.(?:docx?|odt|pdf|rtf)$", re.I
)
_NOT_A_PDF_HINT = "give it the suffix of its real format, or export it again as PDF"


class _CidCounter:
    def __init__(self) -> None:
        self.cids = 0
        self.chars = 0


def _compose(chars: list[tuple[str, float | None, float | None]]) -> str:
    """The text of a line whose accents may be separate glyphs drawn over letters."""
    out: list[str] = []
    skip: set[int] = set()
    for i, (text, x0, x1) in enumerate(chars):
        if i in skip:
            continue
        mark = _ACCENTS.get(text)
        if mark is None or x0 is None:
            out.append(text)
            continue
        best, overlap = None, 0.3 * max(x1 - x0, 0.1)
        for j in (i + 1, i - 1):
            if 0 <= j < len(chars) and chars[j][1] is not None and j not in skip:
                base = chars[j]
                shared = min(x1, base[2]) - max(x0, base[1])
                if shared > overlap and base[0][:1].isalpha():
                    best, overlap = j, shared
        if best is None:
            out.append(text)
            continue
        base = chars[best][0].replace("ı", "i").replace("ȷ", "j")
        composed = unicodedata.normalize("NFC", base[0] + mark) + base[1:]
        if best == i - 1:
            out[-1] = composed
        else:
            out.append(composed)
            skip.add(best)
    return "".join(out)


def _line_text(line, counter: _CidCounter) -> str:
    from pdfminer.layout import LTChar

    text = line.get_text()
    if any(ch in _ACCENTS for ch in text):
        chars = [
            (item.get_text(), item.x0, item.x1)
            if isinstance(item, LTChar)
            else (item.get_text(), None, None)
            for item in line
        ]
        text = _compose(chars)
    if "(cid:" in text:
        counter.cids += len(_CID.findall(text))
        text = _CID.sub("", text)
    text = _CONTROL.sub("", text.translate(_SYMBOL_BULLETS).translate(_LIGATURES))
    counter.chars += len(text)
    return collapse_spaces(text)


def _line_size(line) -> float:
    from pdfminer.layout import LTChar

    sizes = [item.size for item in line if isinstance(item, LTChar)]
    return statistics.median(sizes) if sizes else 0.0


def _ink_left(line) -> float:
    """Where a line's first visible character starts (spaces drawn as glyphs aside)."""
    from pdfminer.layout import LTChar

    for item in line:
        if isinstance(item, LTChar) and not item.get_text().isspace():
            return item.x0
    return line.x0


def _text_boxes(container, found: list, images: list) -> None:
    """Text boxes in reading order, looking inside drawings (form objects)."""
    from pdfminer.layout import LTFigure, LTImage, LTTextBox

    for item in container:
        if isinstance(item, LTTextBox):
            found.append(item)
        elif isinstance(item, LTImage):
            images.append(item)
        elif isinstance(item, LTFigure):
            _text_boxes(item, found, images)


def _page_label(label: Any, number: int) -> str:
    text = "" if label is None else "".join(str(label).split())
    return text if _LABEL.fullmatch(text) else str(number)


def _page(layout, label: str, counter: _CidCounter) -> tuple[Page, bool]:
    """A page's lines (top-down coordinates) and whether it holds images."""
    from pdfminer.layout import LTTextLineHorizontal

    x0, y0, x1, y1 = layout.bbox
    height = y1 - y0
    boxes: list = []
    images: list = []
    _text_boxes(layout, boxes, images)
    lines = []
    for number, box in enumerate(boxes):
        for line in box:
            if not isinstance(line, LTTextLineHorizontal):
                continue
            text = _line_text(line, counter)
            if text:
                left = _ink_left(line)
                lines.append(
                    Line(text, left - x0, line.x1 - x0, y1 - line.y1, y1 - line.y0,
                         _line_size(line), number)
                )  # fmt: skip
    return Page(label, x1 - x0, height, lines), bool(images)


def pdf_pages(data: bytes) -> tuple[list[Page], list[int], dict[str, Any], _CidCounter]:
    """Read every page of a PDF (call within :func:`decoding_budget`).

    Returns
    -------
    pages : list of Page
    image_only : list of int
        Numbers (from 1) of the pages that hold images and no text.
    info : dict
        The document information dictionary (``Title``, ``Author``…), decoded.
    counter
        How many characters were read, and how many glyphs had no character.
    """
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=LAParams(all_texts=True))
    interpreter = PDFPageInterpreter(manager, device)
    counter = _CidCounter()
    pages: list[Page] = []
    image_only: list[int] = []
    for number, pdf_page in enumerate(PDFPage.create_pages(document), start=1):
        interpreter.process_page(pdf_page)
        page, images = _page(device.get_result(), _page_label(pdf_page.label, number), counter)
        if images and not page.lines:
            image_only.append(number)
        pages.append(page)
    return pages, image_only, _info(document), counter


def _info(document) -> dict[str, Any]:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    found: dict[str, Any] = {}
    for entry in document.info or []:
        for key, value in (resolve1(entry) or {}).items():
            value = resolve1(value)
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str):
                found.setdefault(str(key), value)
    return found


def _pdf_date(value: str | None) -> str | None:
    """An ISO date and time from a PDF date (``D:20190314100000+01'00'``).

    Examples
    --------
    >>> _pdf_date("D:20190314100000+01'00'")
    '2019-03-14T10:00:00+01:00'
    >>> _pdf_date("D:2019"), _pdf_date("hier")
    ('2019-01-01', None)
    """
    match = _PDF_DATE.match((value or "").strip())
    if match is None:
        return None
    year, month, day, hour, minute, second, sign, tz_h, tz_m = match.groups()
    try:
        date = dt.date(int(year), int(month or 1), int(day or 1))
        if hour is None:
            return date.isoformat()
        zone = None
        if sign in ("Z", "z"):
            zone = dt.UTC
        elif sign in ("+", "-") and tz_h:
            delta = dt.timedelta(hours=int(tz_h), minutes=int(tz_m or 0))
            zone = dt.timezone(delta if sign == "+" else -delta)
        moment = dt.datetime(date.year, date.month, date.day, int(hour), int(minute or 0),
                             int(second or 0), tzinfo=zone)  # fmt: skip
    except ValueError:
        return None
    return moment.isoformat()


def _properties(info: dict[str, Any], n_pages: int) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    title = collapse_spaces(str(info.get("Title") or ""))
    if title and not _SOFTWARE_TITLE.search(title):
        meta["title"] = title
    author = collapse_spaces(str(info.get("Author") or ""))
    if author:
        meta["author"] = author
    created = _pdf_date(info.get("CreationDate"))
    if created:
        meta["created"] = created
    meta["pages"] = n_pages
    return meta


@contextlib.contextmanager
def _quiet_pdfminer():
    """pdfminer logs every oddity of a file as a warning; the loader says what matters."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _damaged(path: Path, exc: BaseException) -> InputError:
    detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    return InputError(
        f"not a valid PDF: the file is damaged or truncated ({detail})",
        path=path,
        hint="open it in a PDF reader and save or print it again as PDF",
    )


def _read(path: Path, data: bytes, options: Limits):
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        with _quiet_pdfminer(), decoding_budget(path, options):
            return pdf_pages(data)
    except InputError:
        raise
    except PDFPasswordIncorrect:
        raise InputError(
            "the PDF is protected by a password",
            path=path,
            hint="open it with its password and save a copy without protection",
        ) from None
    except PDFEncryptionError as exc:
        raise InputError(
            f"the PDF is encrypted in a way that cannot be read ({exc})",
            path=path,
            hint="open it in a PDF reader and save a copy without protection",
        ) from None
    except (RecursionError, MemoryError) as exc:
        raise _damaged(path, exc) from None
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        raise _damaged(path, exc) from None


def _pages_named(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:10])) + (", …" if len(numbers) > 10 else "")
    return f"page{'s' if len(numbers) > 1 else ''} {shown}"


@register(".pdf", kind="document")
def load_pdf(path: Path, options: Limits) -> LoadedDocument:
    """Load a PDF document (see the module notes for what is kept).

    Raises
    ------
    UnsafeInputError
        Over ``max_file_bytes``, or a stream that inflates past the limits (a PDF bomb).
    InputError
        Not a PDF, damaged, protected by a password, scanned (no text layer), or
        without text.
    """
    path = Path(path)
    data = read_limited(path, max_bytes=options.max_file_bytes)
    if b"%PDF-" not in data[:1024]:
        raise InputError(
            "not a PDF: the file does not start with '%PDF-'", path=path, hint=_NOT_A_PDF_HINT
        )
    install()  # outside the reading: a library that changed is not a damaged file
    pages, image_only, info, counter = _read(path, data, options)
    problems: list[Problem] = []
    if counter.cids and counter.cids * 2 > counter.chars:
        raise InputError(
            f"the fonts of this PDF map {counter.cids:,} glyphs to no character: its text "
            "cannot be read",
            path=path,
            hint="export the document again as PDF from its application, or run OCR on it",
        )
    if counter.cids:
        problems.append(
            Problem(
                "warning",
                f"{counter.cids:,} glyphs whose font maps them to no character were left out",
                path=str(path),
                hint="check the text; export the PDF again from its application",
            )
        )
    if not any(page.lines for page in pages):
        scanned = len(image_only) == len(pages) and pages
        raise InputError(
            "the PDF has no text layer: its pages are images (a scan?)"
            if scanned
            else "the PDF has no text",
            path=path,
            hint="run OCR on it (with OCRmyPDF or the scanner's software) and import the result"
            if scanned
            else "check that it is the right file",
        )
    if image_only:
        problems.append(
            Problem(
                "warning",
                f"{_pages_named(image_only)} hold images and no text (scanned?); "
                "their text is missing",
                path=str(path),
                hint="run OCR on those pages if their text matters",
            )
        )
    text = render_pages(pages)
    meta = _properties(info, len(pages))
    if transcript_labels(text):
        meta["segmentation"] = "turns"
    return LoadedDocument(text, meta, problems)
