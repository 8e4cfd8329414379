"""REFI-QDA exchange: codebooks as ``.qdc`` and projects as ``.qdpx``.

REFI-QDA (QDA-XML 1.0) is the exchange standard of qualitative analysis software
(NVivo, ATLAS.ti, MAXQDA, QualCoder, Taguette, …) [1]_. A ``.qdc`` file is one
XML codebook; a ``.qdpx`` file is a zip holding ``project.qde`` (the XML project:
users, codebook, variables, cases, sources with their coded selections, notes)
and the sources under ``sources/``.

This module writes them; :mod:`research.exchange` reads them. Writing is
strict: the XML follows the order and types of the published schemas, no empty
container element is written, GUIDs are deterministic (UUID version 5 of stable
ids [2]_) and zip entries have a fixed order and timestamp, so exporting the same
project twice gives the same bytes.

The mapping:

- codes → ``Code`` with a ``color`` for every code (its own, its parent's or a
  palette colour; ``name`` is the label; definition, inclusion and exclusion
  criteria, example, level, references and the code's id go into its
  ``Description`` as labelled paragraphs that :func:`parse_code_description`
  reads back); a code's memo is a ``Mémo`` paragraph of it (what QualCoder
  reads) and, in a ``.qdpx``, also a ``Note`` (what NVivo reads);
- documents → ``TextSource`` (with ``creatingUser`` and ``creationDateTime``)
  with their stored text as ``sources/<guid>.txt`` (UTF-8, ``\\n`` newlines);
- coders → ``User``; each coding → its own ``PlainTextSelection`` (coder, date,
  the memo as ``Description``) holding one ``Coding`` (coder, date, ``CodeRef``,
  ``NoteRef`` to the memo's ``Note``); notes carry a coder and a date;
- document attributes → ``Variable``, a ``VariableValue`` per attribute inside
  each ``TextSource``, and per document a ``Case`` with a ``SourceRef``;
- the project's ``Description`` records how positions are counted.

Positions are converted only at this boundary: the standard counts Unicode code
points; NVivo counts UTF-16 code units with CRLF as two (see
:func:`unit_boundaries`).

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
.. [2] P. Leach, M. Mealling and R. Salz, "A Universally Unique IDentifier (UUID)
   URN Namespace", RFC 4122, 2005, section 4.3.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
import unicodedata
import uuid
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
from lxml import etree

from research._version import __version__
from research.contracts import CODING_KEY, is_blank, require_columns
from research.errors import ExportError, SchemaError
from research.files import atomic_write_bytes

if TYPE_CHECKING:
    from research.codebook import Codebook
    from research.corpus import Corpus

__all__ = [
    "CODEBOOK_NS",
    "DERIVED_COLUMNS",
    "GUID_NAMESPACE",
    "ORIGIN",
    "PROJECT_NS",
    "code_description",
    "export_project",
    "export_qdc",
    "export_qdpx",
    "from_units",
    "parse_code_description",
    "project_description",
    "qdc_bytes",
    "qde_bytes",
    "qdpx_bytes",
    "stable_guid",
    "to_units",
    "unit_boundaries",
]

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
#: The ``origin`` attribute of every file written here.
ORIGIN = f"research {__version__}"
#: Namespace of the deterministic GUIDs (a UUID5 of a fixed name).
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:research:refi-qda")
_NAMESPACE_BYTES = GUID_NAMESPACE.bytes
#: Document columns computed by the corpus, not exported as variables.
DERIVED_COLUMNS = ("doc_id", "path", "sha256", "n_chars", "n_words", "n_segments")
#: The ``Description`` of a variable whose values are written as JSON.
JSON_VALUES = "Values written as JSON (lists, mappings or mixed types)."

Units = Literal["code_points", "utf16"]
Crlf = Literal["one", "two"]

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
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
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# -- identifiers ------------------------------------------------------------------------


def stable_guid(kind: str, *parts: object) -> str:
    """A deterministic GUID for an object of a project (UUID version 5).

    The same kind and parts always give the same GUID, so a re-export is
    byte-identical and another program can follow an object across exports.

    Parameters
    ----------
    kind : str
        What is identified: ``"code"``, ``"source"``, ``"user"``, ``"coding"``, …
    *parts
        The object's stable ids (code id, document id, coder, offsets).

    Examples
    --------
    >>> stable_guid("code", "ant.enrolment") == stable_guid("code", "ant.enrolment")
    True
    >>> stable_guid("code", "a") != stable_guid("source", "a")
    True
    >>> len(stable_guid("user", "camille"))
    36

    References
    ----------
    .. [1] RFC 4122, section 4.3 (name-based UUIDs with SHA-1).
    """
    name = "\x1f".join([kind, *(str(p) for p in parts)])
    # uuid.uuid5 by hand (same bytes), several times faster for 100,000 codings
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + name.encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


# -- positions ---------------------------------------------------------------------------


def _nfc_groups(text: str) -> list[str]:
    """Cut ``text`` into pieces whose NFC forms concatenate to the NFC of the whole."""
    runs: list[str] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or unicodedata.combining(text[i]) == 0:
            runs.append(text[start:i])
            start = i
    groups: list[str] = []
    for run in runs:
        if groups:
            last = groups[-1]
            joined = unicodedata.normalize("NFC", last + run)
            if joined != unicodedata.normalize("NFC", last) + unicodedata.normalize("NFC", run):
                groups[-1] = last + run
                continue
        groups.append(run)
    if "".join(unicodedata.normalize("NFC", g) for g in groups) != unicodedata.normalize(
        "NFC", text
    ):
        return [text]
    return groups


def unit_boundaries(
    raw: str, *, units: Units = "code_points", crlf: Crlf = "two"
) -> tuple[str, np.ndarray]:
    """The stored text of ``raw`` and where each of its boundaries lies in ``raw``'s units.

    The stored text is ``raw`` without a leading byte-order mark, with newlines
    normalised to ``\\n`` and in Unicode NFC (as :func:`research.text.normalise`).
    Another program counts positions in ``raw`` with its own units: code points
    (the standard) or UTF-16 code units (NVivo: a character outside the Basic
    Multilingual Plane counts 2), and a CRLF as one or two.

    Parameters
    ----------
    raw : str
        The decoded source text as the other program stored it.
    units : {"code_points", "utf16"}
    crlf : {"one", "two"}
        How many units a CRLF pair counts.

    Returns
    -------
    text : str
        The stored text.
    bounds : numpy.ndarray of int64
        ``len(text) + 1`` values: ``bounds[i]`` is the position, in ``raw``'s
        units, of the boundary before stored character ``i``; it never decreases
        and ``bounds[-1]`` is the length of ``raw`` in those units.

    Examples
    --------
    >>> text, bounds = unit_boundaries("a😀\\r\\nb", units="utf16", crlf="two")
    >>> text, bounds.tolist()
    ('a😀\\nb', [0, 1, 3, 5, 6])
    >>> unit_boundaries("e\\u0301t\\u00e9", units="code_points")[1].tolist()
    [0, 2, 3, 4]
    """
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    points = np.frombuffer(raw.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    widths = np.ones(len(points), dtype=np.int64)
    if units == "utf16":
        widths += points > 0xFFFF
    pair_lf = np.zeros(len(points), dtype=bool)
    if len(points) > 1:
        pair_lf[1:] = (points[1:] == 10) & (points[:-1] == 13)
    if crlf == "one":
        widths[pair_lf] = 0
    starts = np.zeros(len(points) + 1, dtype=np.int64)
    np.cumsum(widths, out=starts[1:])
    keep = ~pair_lf
    text = re.sub(r"\r\n?", "\n", raw) if "\r" in raw else raw
    char_starts = starts[:-1][keep]
    if unicodedata.is_normalized("NFC", text):
        return text, np.append(char_starts, starts[-1])
    bounds: list[int] = []
    pieces: list[str] = []
    at = 0
    for group in _nfc_groups(text):
        stored = unicodedata.normalize("NFC", group)
        pieces.append(stored)
        for i in range(len(stored)):
            bounds.append(int(char_starts[at + min(i, len(group) - 1)]))
        at += len(group)
    bounds.append(int(starts[-1]))
    return "".join(pieces), np.asarray(bounds, dtype=np.int64)


def to_units(bounds: np.ndarray, offsets: Sequence[int] | np.ndarray) -> np.ndarray:
    """Positions in another program's units of stored-text offsets.

    Examples
    --------
    >>> text, bounds = unit_boundaries("😀 é\\r\\nx", units="utf16")
    >>> text
    '😀 é\\nx'
    >>> to_units(bounds, [0, 1, 2, 3, 4, 5]).tolist()
    [0, 2, 3, 4, 6, 7]
    """
    return np.asarray(bounds)[np.asarray(offsets, dtype=np.int64)]


def from_units(
    bounds: np.ndarray,
    positions: Sequence[int] | np.ndarray,
    *,
    side: Literal["start", "end"],
) -> np.ndarray:
    """Stored-text offsets of positions given in another program's units.

    A position inside a character (between the two halves of a surrogate pair,
    or between the CR and LF of a pair) moves to that character's start for a
    ``start`` and to its end for an ``end``, so the span never shrinks.

    Parameters
    ----------
    bounds : numpy.ndarray
        From :func:`unit_boundaries`.
    positions : sequence of int
        Between 0 and ``bounds[-1]`` (checked by the caller).
    side : {"start", "end"}

    Examples
    --------
    >>> _, bounds = unit_boundaries("😀 é\\r\\nx", units="utf16")
    >>> from_units(bounds, [0, 2, 3, 4, 6, 7], side="start").tolist()
    [0, 1, 2, 3, 4, 5]

    Inside the emoji (unit 1) and between CR and LF (unit 5):

    >>> from_units(bounds, [1, 5], side="start").tolist()
    [0, 3]
    >>> from_units(bounds, [1, 5], side="end").tolist()
    [1, 4]
    """
    bounds = np.asarray(bounds)
    positions = np.asarray(positions, dtype=np.int64)
    if side == "start":
        return np.searchsorted(bounds, positions, side="right") - 1
    return np.searchsorted(bounds, positions, side="left")


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


# -- XML helpers ---------------------------------------------------------------------------


def _text(value: Any, where: str) -> str:
    text = str(value)
    bad = _XML_BAD.search(text)
    if bad:
        raise ExportError(
            f"{where} holds the control character U+{ord(bad.group()):04X}, which XML "
            "cannot carry; remove it and export again"
        )
    return text


def _sub(
    parent: etree._Element,
    tag: str,
    attrib: Mapping[str, str] | None = None,
    text: str | None = None,
) -> etree._Element:
    """A child of ``parent`` in its namespace, with attributes in the order given."""
    qualified = parent.tag[: parent.tag.find("}") + 1] + tag
    element = (
        etree.SubElement(parent, qualified, attrib)
        if attrib
        else etree.SubElement(parent, qualified)
    )
    if text is not None:
        element.text = text
    return element


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _code_element(
    parent: etree._Element,
    book: Codebook,
    code: str,
    *,
    memo: bool,
    note_refs: Mapping[str, str],
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
    if code in note_refs:
        _sub(element, "NoteRef", {"targetGUID": note_refs[code]})
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


# -- variables -----------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A document attribute as a plain Python value (``None`` when missing)."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return value


def _variable_type(values: list[Any]) -> str:
    """The REFI-QDA type of a variable's values, or ``"json"`` when none fits."""
    kinds = set()
    for value in values:
        if isinstance(value, bool):
            kinds.add("Boolean")
        elif isinstance(value, int):
            kinds.add("Integer")
        elif isinstance(value, float):
            kinds.add("Float" if math.isfinite(value) else "json")
        elif isinstance(value, str):
            kinds.add("Date" if _ISO_DATE.match(value) and _is_date(value) else "Text")
        else:
            kinds.add("json")
    if len(kinds) == 1:
        return kinds.pop()
    if kinds == {"Integer", "Float"}:
        return "Float"
    if kinds == {"Date", "Text"}:
        return "Text"
    return "json"


def _is_date(value: str) -> bool:
    try:
        pd.Timestamp(value)
    except ValueError:
        return False
    return True


def _value_text(value: Any, kind: str) -> str:
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, sort_keys=False)
    if kind == "Boolean":
        return "true" if value else "false"
    if kind == "Float" and isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    return str(value)


_VALUE_TAGS = {
    "Text": "TextValue",
    "json": "TextValue",
    "Boolean": "BooleanValue",
    "Integer": "IntegerValue",
    "Float": "FloatValue",
    "Date": "DateValue",
}


def _restore_ints(column: pd.Series) -> list[Any]:
    """Values of a column; integral floats of a column with gaps become ints again.

    pandas stores an integer attribute missing from some documents as floats
    with NaN; the front matter had integers.
    """
    values = [_plain(v) for v in column.tolist()]
    if column.dtype.kind == "f" and column.isna().any():
        values = [int(v) if isinstance(v, float) and v.is_integer() else v for v in values]
    return values


def _document_variables(documents: pd.DataFrame) -> dict[str, tuple[str, list[Any]]]:
    """Variable name → (type, value per document) for each exported attribute."""
    variables = {}
    for column in documents.columns:
        if column in DERIVED_COLUMNS:
            continue
        values = _restore_ints(documents[column])
        present = [v for v in values if v is not None]
        if present:
            variables[str(column)] = (_variable_type(present), values)
    return variables


# -- the project ---------------------------------------------------------------------------


def _check_codings(codings: pd.DataFrame, book: Codebook, texts: Mapping[str, str]) -> None:
    try:
        require_columns(codings, CODING_KEY, table="codings")
    except SchemaError as exc:
        raise ExportError(exc.message) from None
    unknown = sorted(set(codings["code"]) - set(book.ids))
    if unknown:
        raise ExportError(
            f"codings use code(s) missing from the codebook: {', '.join(map(repr, unknown[:5]))}; "
            "add them to the codebook or recode those codings, then export again"
        )
    missing = sorted(set(codings["doc_id"]) - set(texts))
    if missing:
        raise ExportError(
            f"codings point at document(s) missing from the corpus: {', '.join(map(repr, missing[:5]))}"
        )
    lengths = codings["doc_id"].map(lambda d: len(texts[d]))
    bad = (codings["start"] < 0) | (codings["end"] <= codings["start"]) | (codings["end"] > lengths)
    if bad.any():
        row = codings[bad].iloc[0]
        raise ExportError(
            f"coding of {row['coder']!r} in {row['doc_id']!r} at {row['start']}-{row['end']} "
            f"({row['code']}) lies outside the text of {lengths[bad].iloc[0]} characters; "
            "re-anchor the codings (research.coding.reanchor) before exporting"
        )


def _created_texts(values: pd.Series) -> list[str | None]:
    stamps = pd.to_datetime(values, utc=True, format="ISO8601", errors="coerce")
    out = stamps.dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    fractional = stamps.notna() & (stamps.dt.microsecond != 0)
    if fractional.any():
        out[fractional] = stamps[fractional].dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return [None if pd.isna(s) else t for s, t in zip(stamps, out, strict=True)]


#: The date written where a client needs one and the project has none (the zip entries' time).
FALLBACK_TIME = "1980-01-01T00:00:00Z"
#: Start of the project ``Description`` line that records how positions are counted.
UNITS_LINE = "Positions : "
_UNITS_TEXT = {
    "code_points": "points de code Unicode du texte source (norme REFI-QDA)",
    "utf16": "unités UTF-16 du texte source (un caractère hors du plan multilingue "
    "de base compte deux)",
}


def project_description(units: Units) -> str:
    """The project ``Description``: the exporting program and how positions are counted.

    The last line ends with ``[units=code_points]`` or ``[units=utf16]``, which
    :func:`research.exchange.read_qdpx` reads back to choose the units.

    Examples
    --------
    >>> print(project_description("utf16").splitlines()[-1])  # doctest: +ELLIPSIS
    Positions : unités UTF-16 du texte source (...) [units=utf16]
    """
    if units not in _UNITS_TEXT:
        raise ExportError(f"unknown units {units!r}: choose code_points or utf16")
    return f"Projet exporté par {ORIGIN}.\n{UNITS_LINE}{_UNITS_TEXT[units]} [units={units}]"


def _note(
    notes: etree._Element,
    guid: str,
    name: str,
    text: str,
    where: str,
    user: str | None,
    when: str,
) -> None:
    attrib = {"guid": guid, "name": _text(name, where)}
    if user is not None:
        attrib["creatingUser"] = user
    attrib["creationDateTime"] = when
    note = _sub(notes, "Note", attrib)
    _sub(note, "PlainTextContent", text=_text(text, where))


def _earliest(records: Iterable[tuple]) -> tuple[str, str] | None:
    """``(time, coder)`` of the earliest dated coding among ``records``."""
    dated = [(stamp, coder) for coder, _, _, _, stamp, _ in records if stamp]
    return min(dated, key=lambda pair: (pd.Timestamp(pair[0]), pair[1])) if dated else None


def qde_bytes(
    book: Codebook,
    documents: pd.DataFrame,
    texts: Mapping[str, str],
    codings: pd.DataFrame,
    *,
    name: str = "research project",
    units: Units = "code_points",
) -> bytes:
    """The ``project.qde`` XML of a project (``urn:QDA-XML:project:1.0``).

    Besides what the schema requires, it writes what clients rely on: a colour for
    every code (:meth:`Codebook.colors`), a ``creatingUser`` and a
    ``creationDateTime`` on sources and notes (the earliest coding of the source,
    else of the project, else :data:`FALLBACK_TIME`), one selection per coding with
    its coder and date, a coding's memo both as a ``Note`` and as its selection's
    ``Description``, and the attributes as ``VariableValue`` elements of each
    source. A code's memo is in its ``Description`` and in a ``Note``. The project's
    ``Description`` records how positions are counted.

    Parameters
    ----------
    book : Codebook
    documents : pandas.DataFrame
        The corpus's ``documents`` table; every column but :data:`DERIVED_COLUMNS`
        becomes a variable.
    texts : mapping
        ``doc_id`` → stored text.
    codings : pandas.DataFrame
        Every coder's codings (:data:`research.coding.CODING_COLUMNS`).
    name : str
        The project's name.
    units : {"code_points", "utf16"}
        How positions are counted: the standard's code points, or UTF-16 code
        units for clients that count so.

    Raises
    ------
    ExportError
        When a coding uses an unknown code or document, or lies outside its text.
    """
    description = project_description(units)
    codings = codings.reset_index(drop=True)
    _check_codings(codings, book, texts)
    if len(documents):
        documents = documents.sort_values("doc_id", kind="stable").reset_index(drop=True)
    root = etree.Element(f"{{{PROJECT_NS}}}Project", nsmap={None: PROJECT_NS})
    root.set("name", _text(name, "the project name"))
    root.set("origin", ORIGIN)
    coders = sorted(set(codings["coder"].astype(str)))
    if coders:
        users = _sub(root, "Users")
        for coder in coders:
            _sub(users, "User", {"guid": stable_guid("user", coder), "name": coder, "id": coder})
    by_doc = _coding_records(codings)
    first = _earliest(r for records in by_doc.values() for r in records)
    project_time = first[0] if first else FALLBACK_TIME
    notes: list[tuple] = []
    code_notes = {}
    for code in book.ids:
        memo = book.get(code)["memo"]
        if not is_blank(memo):
            guid = stable_guid("note", "code", code)
            code_notes[code] = guid
            where = f"the memo of {code!r}"
            notes.append((guid, f"Mémo : {book.label(code)}", str(memo), where, None, project_time))
    if len(book):
        colors = book.colors()
        codes = _sub(_sub(root, "CodeBook"), "Codes")
        for code in book.roots():
            _code_element(codes, book, code, memo=True, note_refs=code_notes, colors=colors)
    doc_ids = documents["doc_id"].astype(str).tolist() if len(documents) else []
    variables = _document_variables(documents) if len(documents) else {}
    if variables:
        element = _sub(root, "Variables")
        for var, (kind, _) in variables.items():
            variable = _sub(
                element,
                "Variable",
                {
                    "guid": stable_guid("variable", var),
                    "name": _text(var, "a variable name"),
                    "typeOfVariable": "Text" if kind == "json" else kind,
                },
            )
            if kind == "json":
                _sub(variable, "Description", text=JSON_VALUES)
        # one case per document, linked by its SourceRef; the values themselves are
        # the source's (a client that reads both counts them twice, and QualCoder
        # turns a variable valued in a named case into a case variable)
        cases = _sub(root, "Cases")
        for doc_id in doc_ids:
            case = _sub(cases, "Case", {"guid": stable_guid("case", doc_id), "name": doc_id})
            _sub(case, "SourceRef", {"targetGUID": stable_guid("source", doc_id)})
    if doc_ids:
        sources = _sub(root, "Sources")
        for i, doc_id in enumerate(doc_ids):
            guid = stable_guid("source", doc_id)
            records = by_doc.get(doc_id, [])
            owner = _earliest(records) or first
            attrib = {"guid": guid, "name": doc_id, "plainTextPath": f"internal://{guid}.txt"}
            if owner is not None:
                attrib["creatingUser"] = stable_guid("user", owner[1])
            elif coders:
                attrib["creatingUser"] = stable_guid("user", coders[0])
            attrib["creationDateTime"] = owner[0] if owner else project_time
            source = _sub(sources, "TextSource", attrib)
            if records:
                bounds = None
                if units == "utf16":
                    bounds = unit_boundaries(texts[doc_id], units="utf16")[1]
                notes += _selections(source, doc_id, records, bounds, project_time)
            for var, (kind, values) in variables.items():
                if values[i] is None:
                    continue
                value = _sub(source, "VariableValue")
                _sub(value, "VariableRef", {"targetGUID": stable_guid("variable", var)})
                where = f"the attribute {var!r} of {doc_id!r}"
                _sub(value, _VALUE_TAGS[kind], text=_text(_value_text(values[i], kind), where))
    if notes:
        element = _sub(root, "Notes")
        for note in notes:
            _note(element, *note)
    _sub(root, "Description", text=description)
    return _serialise(root)


def _coding_records(codings: pd.DataFrame) -> dict[str, list[tuple]]:
    """Per document, ``(coder, start, end, code, created, memo)`` sorted by span and coder."""
    if not len(codings):
        return {}
    frame = codings.sort_values(["doc_id", "start", "end", "coder", "code"], kind="stable")
    n = len(frame)
    created = _created_texts(frame["created"]) if "created" in frame else [None] * n
    memos = frame["memo"].tolist() if "memo" in frame else [None] * n
    records: dict[str, list[tuple]] = {}
    columns = [frame[c].tolist() for c in ("doc_id", "coder", "start", "end", "code")]
    for doc_id, coder, start, end, code, stamp, memo in zip(*columns, created, memos, strict=True):
        records.setdefault(str(doc_id), []).append(
            (str(coder), int(start), int(end), str(code), stamp, memo)
        )
    return records


def _selections(
    source: etree._Element,
    doc_id: str,
    records: list[tuple],
    bounds: np.ndarray | None,
    project_time: str,
) -> list[tuple]:
    """Add one selection per coding (several codes of a span: several selections).

    Readers that take only the first ``Coding`` of a selection then miss none.
    A coding's memo is written twice: as the selection's ``Description`` (what
    QualCoder and MAXQDA read) and as a ``Note`` its ``Coding`` refers to (what
    NVivo reads). Positions are converted with ``bounds`` (UTF-16 units) when
    given. Ids, integers and ISO times are written as XML text and parsed in one
    go, several times faster than building 100,000 elements one by one; memos go
    through :func:`xml_escape` after the same checks as every other text.
    """
    notes = []
    parts: list[str] = []
    users: dict[str, str] = {}
    codes: dict[str, str] = {}
    for coder, start, end, code, stamp, memo in records:
        user = users.get(coder) or users.setdefault(coder, stable_guid("user", coder))
        first, last = (start, end) if bounds is None else (int(bounds[start]), int(bounds[end]))
        guid = stable_guid("selection", coder, doc_id, start, end, code)
        when = f' creationDateTime="{stamp}"' if stamp else ""
        parts.append(
            f'<PlainTextSelection guid="{guid}" startPosition="{first}" '
            f'endPosition="{last}" creatingUser="{user}"{when}>'
        )
        has_memo = not is_blank(memo)
        if has_memo:
            where = f"the memo of {coder!r} on {doc_id!r} at {start}-{end}"
            parts.append(f"<Description>{_xml_escape(_text(str(memo), where))}</Description>")
        coding = stable_guid("coding", coder, doc_id, start, end, code)
        target = codes.get(code) or codes.setdefault(code, stable_guid("code", code))
        parts.append(
            f'<Coding guid="{coding}" creatingUser="{user}"{when}><CodeRef targetGUID="{target}"/>'
        )
        if has_memo:
            note = stable_guid("note", "coding", coder, doc_id, start, end, code)
            parts.append(f'<NoteRef targetGUID="{note}"/>')
            title = f"Mémo : {doc_id} {start}-{end} ({coder})"
            notes.append((note, title, str(memo), where, user, stamp or project_time))
        parts.append("</Coding></PlainTextSelection>")
    if parts:
        wrapper = etree.fromstring(f'<S xmlns="{PROJECT_NS}">{"".join(parts)}</S>')
        source.extend(list(wrapper))
    return notes


def _xml_escape(text: str) -> str:
    """``text`` as XML character data: ``&``, ``<``, ``>`` and a CR escaped."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _zip(members: Iterable[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


def qdpx_bytes(
    book: Codebook,
    corpus: Corpus,
    codings: pd.DataFrame,
    *,
    name: str = "research project",
    units: Units = "code_points",
) -> bytes:
    """A whole project as ``.qdpx`` bytes: ``project.qde`` then ``sources/<guid>.txt``.

    Documents are written in the order of their ids and every zip entry has the
    same fixed time, so the bytes depend only on the project's content.

    Examples
    --------
    >>> from research.codebook import Codebook
    >>> from research.corpus import Corpus
    >>> corpus = Corpus.from_texts({"D1": "Élodie : On a monté la coopérative."})
    >>> book = Codebook.from_frame(pd.DataFrame({"code": ["sut"]}))
    >>> codings = pd.DataFrame({"coder": ["lea"], "doc_id": ["D1"], "start": [14],
    ...                         "end": [34], "code": ["sut"]})
    >>> data = qdpx_bytes(book, corpus, codings)
    >>> zipfile.ZipFile(io.BytesIO(data)).namelist()[0]
    'project.qde'
    >>> data == qdpx_bytes(book, corpus, codings)
    True
    """
    texts = corpus.texts()
    qde = qde_bytes(book, corpus.documents, texts, codings, name=name, units=units)
    members = [("project.qde", qde)]
    for doc_id in sorted(corpus.doc_ids):
        guid = stable_guid("source", doc_id)
        members.append((f"sources/{guid}.txt", texts[doc_id].encode("utf-8")))
    return _zip(members)


def export_qdc(path: str | PathLike, book: Codebook) -> Path:
    """Write a codebook to a ``.qdc`` file, atomically."""
    path = Path(path)
    atomic_write_bytes(path, qdc_bytes(book))
    return path


def export_qdpx(
    path: str | PathLike,
    book: Codebook,
    corpus: Corpus,
    codings: pd.DataFrame,
    *,
    name: str = "research project",
    units: Units = "code_points",
) -> Path:
    """Write a project to a ``.qdpx`` file, atomically (see :func:`qdpx_bytes`)."""
    path = Path(path)
    atomic_write_bytes(path, qdpx_bytes(book, corpus, codings, name=name, units=units))
    return path


def export_project(
    project,
    path: str | PathLike,
    *,
    coders: Sequence[str] | None = None,
    units: Units = "code_points",
) -> Path:
    """Export a research project as ``.qdpx``, or its codebook as ``.qdc``, by suffix.

    Parameters
    ----------
    project : research.project.Project
    path : path-like
        Ends with ``.qdpx`` (codebook, documents, codings) or ``.qdc`` (codebook).
    coders : sequence of str, optional
        Export only these coders' codings (default: every coder).
    units : {"code_points", "utf16"}
        How a ``.qdpx`` counts positions (see :func:`qde_bytes`).

    Raises
    ------
    ExportError
        On another suffix, an unknown coder, or a problem of the data.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".qdc":
        return export_qdc(path, project.codebook)
    if suffix != ".qdpx":
        raise ExportError(
            f"cannot tell the format of {path.name!r}: name the file .qdpx (project) or .qdc (codebook)"
        )
    codings = project.codings
    if coders is not None:
        unknown = sorted(set(coders) - set(codings["coder"]))
        if unknown:
            raise ExportError(
                f"no codings by {', '.join(map(repr, unknown))}; "
                f"coders are {', '.join(sorted(set(codings['coder']))) or 'none'}"
            )
        codings = codings[codings["coder"].isin(list(coders))]
    return export_qdpx(
        path, project.codebook, project.corpus, codings, name=project.root.name, units=units
    )
