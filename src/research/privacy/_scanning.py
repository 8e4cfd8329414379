"""Reading any file a project holds or exports as text, with a place for each line.

The leak check reads every kind of file that can carry a name out of a project:
text files (Markdown, CSV, YAML, LaTeX, IRaMuTeQ corpora), HTML and SVG (with
their character references decoded), JSON and notebooks (with their ``\\uXXXX``
escapes decoded), spreadsheets (every cell of every sheet), and zip containers
(``.docx``, ``.odt``, ``.xlsx``, ``.qdpx``): their XML parts paragraph by
paragraph (a name split across runs of a ``.docx`` is joined again), their text
members line by line, the containers inside them in turn. Images and PDF files
cannot be read and are listed as such.

:func:`file_text` returns one text and a function that names the place of each of
its lines, so a whole file is searched at once.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable
from pathlib import Path

from research.errors import InputError
from research.files import Limits, check_zip, decode_bytes, parse_xml, read_limited, read_member
from research.text import normalise

__all__ = [
    "CODE_SUFFIXES",
    "SKIPPED_SUFFIXES",
    "TEXT_SUFFIXES",
    "FileText",
    "file_text",
    "path_text",
]

#: Suffixes read as text (with the decoding their format needs).
TEXT_SUFFIXES = frozenset(
    {".md", ".markdown", ".txt", ".csv", ".tsv", ".tex", ".bib", ".yaml", ".yml", ".json",
     ".ipynb", ".html", ".htm", ".xhtml", ".svg", ".xml", ".qde", ".qdc", ".vtt", ".srt",
     ".trs", ".log", ".rmd", ".qmd", ".gexf", ".graphml", ".gml", ".dot"}
)  # fmt: skip
_ZIPS = frozenset({".docx", ".odt", ".xlsx", ".qdpx", ".pptx", ".ods"})
#: Suffixes that cannot be read as text (said in the report, not searched).
SKIPPED_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".pdf", ".webp", ".tif", ".tiff", ".bmp", ".pkl",
     ".pickle", ".parquet", ".feather", ".npy", ".npz", ".zip", ".gz", ".mp3", ".wav",
     ".m4a", ".mp4", ".ogg", ".doc", ".xls"}
)  # fmt: skip
#: Program code and settings of tools: not data, not searched.
CODE_SUFFIXES = frozenset(
    {".py", ".pyc", ".r", ".js", ".ts", ".sh", ".css", ".toml", ".cfg", ".ini", ".lock"}
)
_MARKUP = frozenset(
    {".html", ".htm", ".xhtml", ".svg", ".xml", ".qde", ".qdc", ".gexf", ".graphml", ".trs"}
)
_ESCAPED = frozenset({".json", ".ipynb"})
_NEWLINE_REFERENCES = re.compile(r"&#(?:10|13|x0*[aAdD]);")
_JSON_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|([nrtbf\"\\/]))")
_LATEX_ESCAPE = re.compile(r"\\([&%$#_{}])")
_MAX_DEPTH = 2


class FileText:
    """The text of a file (or of a part of it) and the place of each of its lines."""

    def __init__(
        self, text: str, places: Callable[[int], tuple[str | None, int | None, str | None]]
    ):
        self.text = text
        self._places = places

    def place(self, line: int) -> tuple[str | None, int | None, str | None]:
        """``(member, line, where)`` of a line of :attr:`text` (1-based): the part of a
        container, the line in the file or part, and a place such as ``Feuil1!B3``."""
        return self._places(line)


def _plain(text: str) -> FileText:
    return FileText(text, lambda line: (None, line, None))


def _json_unescape(match: re.Match) -> str:
    code, char = match.groups()
    if code is not None:
        value = chr(int(code, 16))
        return " " if value in "\r\n" else value
    return {"n": " ", "r": " ", "t": " ", "b": " ", "f": " "}.get(char, char)


def decoded_text(text: str, suffix: str) -> str:
    """``text`` with the escapes of its format decoded, keeping its lines.

    Examples
    --------
    >>> decoded_text('{"a": "H\\\\u00e9l\\\\u00e8ne\\\\nCuenot"}', ".json")
    '{"a": "Hélène Cuenot"}'
    >>> decoded_text("<td>Vrac&#39;n&#10;Roule</td>", ".html")
    "<td>Vrac'n Roule</td>"
    """
    if suffix in _MARKUP:
        return html.unescape(_NEWLINE_REFERENCES.sub(" ", text))
    if suffix in _ESCAPED:
        return _JSON_ESCAPE.sub(_json_unescape, text)
    if suffix == ".tex":
        return _LATEX_ESCAPE.sub(r"\1", text)
    return text


def _bytes_text(data: bytes, suffix: str, name: str) -> FileText:
    text, _ = decode_bytes(data, path=name)
    return _plain(decoded_text(normalise(text), suffix))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml_units(data: bytes, name: str, member: str) -> list[tuple[str, int | None, str | None]]:
    """Text units of an XML part: whole paragraphs (``w:p``, ``text:p``, ``text:h``,
    ``a:p``), other elements' own text and attribute values."""
    root = parse_xml(data, path=name, member=member)
    units: list[tuple[str, int | None, str | None]] = []
    paragraphs = 0

    def walk(element) -> None:
        nonlocal paragraphs
        if not isinstance(element.tag, str):  # a comment or processing instruction
            if element.text and element.text.strip():
                units.append((element.text, element.sourceline, None))
        elif _local(element.tag) in ("p", "h"):
            paragraphs += 1
            units.append(("".join(element.itertext()), None, f"paragraph {paragraphs}"))
            units.extend((v, element.sourceline, None) for v in element.attrib.values())
            return
        else:
            if element.text and element.text.strip():
                units.append((element.text, element.sourceline, None))
            units.extend((v, element.sourceline, None) for v in element.attrib.values())
        for child in element:
            walk(child)
            if child.tail and child.tail.strip():
                units.append((child.tail, child.sourceline, None))

    walk(root)
    return units


def _xlsx_units(data: bytes, name: str) -> list[tuple[str, int | None, str | None]]:
    import openpyxl
    from openpyxl.utils import get_column_letter

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many unrelated types for a broken file
        raise InputError(f"the workbook cannot be opened ({exc})", path=name) from None
    units = []
    try:
        for sheet in book.worksheets:
            for r, row in enumerate(sheet.iter_rows(values_only=True), 1):
                for c, value in enumerate(row, 1):
                    if isinstance(value, str) and value.strip():
                        units.append((value, None, f"{sheet.title}!{get_column_letter(c)}{r}"))
    finally:
        book.close()
    return units


def _joined(units: list[tuple[str, str | None, int | None, str | None]]) -> FileText:
    """One text of many units (one or more lines each) and the place of its lines."""
    lines: list[tuple[str | None, int | None, str | None]] = []
    pieces = []
    for text, member, line, where in units:
        text = text.replace("\r", " ")
        count = text.count("\n") + 1
        for k in range(count):
            lines.append((member, None if line is None else line + k, where))
        pieces.append(text)

    def place(number: int):
        return lines[number - 1] if 0 < number <= len(lines) else (None, None, None)

    return FileText("\n".join(pieces), place)


def _container_units(data: bytes, name: str, options: Limits, depth: int):
    units: list[tuple[str, str | None, int | None, str | None]] = []
    with check_zip(name, options, data=data) as archive:
        members = [info.filename for info in archive.infolist() if not info.is_dir()]
        for member in members:
            suffix = Path(member).suffix.lower()
            if suffix not in TEXT_SUFFIXES and suffix not in _ZIPS and suffix != ".rels":
                continue
            content = read_member(archive, member, path=name)
            where = f"{member}"
            if suffix in (".xml", ".qde", ".qdc", ".rels") or (
                suffix in _MARKUP and content.lstrip().startswith(b"<?xml")
            ):
                for text, line, place in _xml_units(content, name, member):
                    units.append((text, where, line, place))
            elif suffix in _ZIPS and depth < _MAX_DEPTH:
                inner = _container_units(content, f"{name} › {member}", options, depth + 1)
                units += [(t, f"{member} › {m}" if m else member, ln, p) for t, m, ln, p in inner]
            elif suffix in TEXT_SUFFIXES:
                text = _bytes_text(content, suffix, name).text
                units.append((text, where, 1, None))
    return units


def file_text(path: str | Path, options: Limits | None = None) -> FileText | None:
    """The text of a file for the leak check, or ``None`` for a file it cannot read.

    Raises
    ------
    InputError
        When a container is damaged or over the limits, or an XML part malformed.
    """
    path = Path(path)
    options = options or Limits()
    suffix = path.suffix.lower()
    if suffix in SKIPPED_SUFFIXES or suffix in CODE_SUFFIXES:
        return None
    data = read_limited(path, max_bytes=options.max_file_bytes)
    if suffix == ".xlsx" or suffix == ".ods":
        with check_zip(path, options, data=data, kind=suffix):
            pass
        if suffix == ".xlsx":
            units = _xlsx_units(data, str(path))
            return _joined([(t, None, ln, p) for t, ln, p in units])
    if suffix in _ZIPS:
        return _joined(_container_units(data, str(path), options, 0))
    if suffix in TEXT_SUFFIXES or _looks_like_text(data):
        return _bytes_text(data, suffix, str(path))
    return None


def _looks_like_text(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(sample) - 4  # a character cut by the sample's end
    return True


def path_text(rel: str) -> str:
    """A path as words: separators, hyphens, dots and underscores made spaces.

    Examples
    --------
    >>> path_text("corpus/documents/Entretien-Helene_Cuenot.md")
    'corpus documents Entretien Helene Cuenot md'
    """
    return re.sub(r"[\\/._\-]+", " ", rel).strip()
