"""Reading REFI-QDA files (``.qdpx`` projects, ``.qdc`` codebooks) into a project.

Reading is tolerant of what exporters really write: the sources folder spelled
``sources/`` or ``Sources/``, another name for the inner ``.qde``, GUIDs in
braces or upper case, byte-order marks, CRLF newlines, XML with or without the
namespace. Positions are converted at this boundary, by the exporting program
named in the ``origin`` attribute (see :func:`origin_units`), into code points of
the stored text (newlines normalised to ``\\n``, Unicode NFC).

Reading is also safe: the archive's index is checked before anything is
extracted (zip bombs, ``..`` names), XML with entity declarations is refused, and
a missing source file, a selection beyond its text or a coding of an unknown code
is an error that names the place. :func:`write_import` then writes documents,
codebook and codings into a project all at once, or nothing.

Examples
--------
>>> import io, pandas as pd
>>> from research.codebook import Codebook
>>> from research.corpus import Corpus
>>> from research.exchange import qdpx_bytes
>>> corpus = Corpus.from_texts({"D1": "Élodie : On a monté la coopérative."})
>>> book = Codebook.from_frame(pd.DataFrame({"code": ["sut"], "label": ["Start-up"]}))
>>> codings = pd.DataFrame({"coder": ["lea"], "doc_id": ["D1"], "start": [14],
...                         "end": [34], "code": ["sut"]})
>>> imported = read_qdpx("p.qdpx", data=qdpx_bytes(book, corpus, codings))
>>> imported.codings[["coder", "doc_id", "start", "end", "code", "quote"]].values.tolist()
[['lea', 'D1', 14, 34, 'sut', 'monté la coopérative']]
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
from lxml import etree

from research.codebook import Codebook, codebook_texts, read_codebook
from research.coding import CODING_COLUMNS, coder_lock, coding_files, codings_text, typed_codings
from research.contracts import is_blank
from research.corpus import document_folder, document_id, render_markdown
from research.corpus.loaders import split_front_matter
from research.errors import InputError, Problem, ValidationFailed
from research.exchange._refiqda_export import (
    JSON_VALUES,
    from_units,
    parse_code_description,
    unit_boundaries,
)
from research.files import (
    Limits,
    check_zip,
    decode_bytes,
    parse_xml,
    read_member,
    transaction,
)
from research.text import normalise

__all__ = [
    "QdaImport",
    "import_refiqda",
    "origin_units",
    "read_qdc",
    "read_qdpx",
    "read_taguette_csv",
    "word_boundary_share",
    "write_import",
]

UnitsOption = Literal["auto", "code_points", "utf16"]
CrlfOption = Literal["auto", "one", "two"]

_RGB = re.compile(r"^#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")
_CODER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_ID_PART = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_\-]*$")
_LEVELS = ("first_order", "second_order", "aggregate")
# Suffixes of a source's name that are its file's, not part of the document's name.
_SOURCE_SUFFIX = re.compile(
    r"\.(?:txt|md|markdown|docx?|odt|rtf|pdf|html?|trs|vtt|srt)$", re.IGNORECASE
)
# Exporters whose positions are not the standard's code points of the raw text.
_ORIGIN_UNITS: tuple[tuple[str, tuple[str, str]], ...] = (("nvivo", ("utf16", "two")),)
_HINT = "export the project again from the qualitative analysis software"


@dataclass(frozen=True)
class QdaImport:
    """What a REFI-QDA file holds, in the project's tables.

    Attributes
    ----------
    documents : pandas.DataFrame
        ``doc_id``, ``text`` (the stored text) and one column per attribute
        (``None`` where a document has none).
    codebook : Codebook
    codings : pandas.DataFrame
        :data:`research.coding.CODING_COLUMNS`, offsets in code points of the
        stored texts.
    origin : str
        The exporting program, as it names itself.
    name : str
        The project's name (its ``name`` attribute, else the file's name); documents
        without a kind are written to a folder named after it.
    units, crlf : str
        How its positions were read (see :func:`origin_units`).
    problems : tuple of Problem
        Warnings: items skipped or repaired on the way.
    """

    documents: pd.DataFrame
    codebook: Codebook | None
    codings: pd.DataFrame
    origin: str = ""
    units: str = "code_points"
    crlf: str = "two"
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    name: str = ""

    @property
    def codes(self) -> pd.DataFrame:
        """The codes table of the codebook (empty when the file has none)."""
        return self.codebook.codes if self.codebook is not None else pd.DataFrame()

    @property
    def coders(self) -> list[str]:
        """The coders who coded, sorted."""
        return sorted(set(self.codings["coder"]))

    def codings_of(self, coder: str) -> pd.DataFrame:
        """One coder's codings."""
        return self.codings[self.codings["coder"] == coder].reset_index(drop=True)

    def metadata(self, doc_id: str) -> dict[str, Any]:
        """A document's attributes (front matter), starting with its ``id``."""
        row = self.documents.loc[self.documents["doc_id"] == doc_id].iloc[0]
        meta: dict[str, Any] = {"id": doc_id}
        for key, value in row.items():
            if key not in ("doc_id", "text") and value is not None and not is_blank(value):
                meta[str(key)] = value
        return meta


def origin_units(origin: str | None) -> tuple[str, str]:
    """How the program named by ``origin`` counts positions: ``(units, crlf)``.

    The standard counts code points of the source file (a CRLF being two); NVivo
    counts UTF-16 code units (a character outside the Basic Multilingual Plane
    counts two). Neither counts the byte-order mark.

    Examples
    --------
    >>> origin_units("NVivo for Windows 12.6")
    ('utf16', 'two')
    >>> origin_units("research 0.1.0"), origin_units(None)
    (('code_points', 'two'), ('code_points', 'two'))
    """
    lowered = (origin or "").lower()
    for name, convention in _ORIGIN_UNITS:
        if name in lowered:
            return convention
    return ("code_points", "two")


# -- small readers --------------------------------------------------------------------


def _local(element: etree._Element) -> str:
    """An element's tag without its namespace (``""`` for comments)."""
    tag = element.tag
    return tag[tag.find("}") + 1 :] if isinstance(tag, str) else ""


def _guid(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip().strip("{}").lower() or None


def _children(element: etree._Element, tag: str) -> list[etree._Element]:
    """Children named ``tag`` in the element's own namespace (or none, if it has none)."""
    return list(element.iterchildren(element.tag[: element.tag.find("}") + 1] + tag))


def _child(element: etree._Element, tag: str) -> etree._Element | None:
    return next(element.iterchildren(element.tag[: element.tag.find("}") + 1] + tag), None)


def _text_of(element: etree._Element | None) -> str:
    return "" if element is None or element.text is None else element.text


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


def _int_attribute(element: etree._Element, name: str, path, what: str) -> int:
    value = element.get(name)
    try:
        return int(str(value).strip())
    except ValueError:
        raise InputError(
            f"{what} has {name}={value!r}, not a whole number",
            path=path,
            line=element.sourceline,
            hint=_HINT,
        ) from None


# -- notes, users, codes -----------------------------------------------------------------


class _Archive:
    """Members of a checked ``.qdpx`` found by name, case-insensitively."""

    def __init__(self, archive: zipfile.ZipFile | None, path) -> None:
        self.archive = archive
        self.path = path
        names = archive.namelist() if archive is not None else []
        self.by_name = {name.replace("\\", "/").lower(): name for name in names}

    def source(self, reference: str, what: str) -> bytes:
        """The bytes of a file named by ``internal://…`` (or a bare name)."""
        name = reference.split("://", 1)[1] if "://" in reference else reference
        name = name.replace("\\", "/").lstrip("/")
        lowered = name.lower()
        for candidate in (f"sources/{lowered}", lowered):
            if candidate in self.by_name and self.archive is not None:
                return read_member(self.archive, self.by_name[candidate], path=self.path)
        raise InputError(
            f"{what} points at {reference!r}, which is not in the archive",
            path=self.path,
            hint="the export is incomplete: export the project again with its sources",
        )


def _read_text(archive: _Archive, element: etree._Element, what: str) -> tuple[str, list[Problem]]:
    """A TextSource's (or Note's) raw text: its file, else its inline content."""
    reference = element.get("plainTextPath")
    if reference:
        return decode_bytes(archive.source(reference, what), path=f"{archive.path}: {reference}")
    content = _child(element, "PlainTextContent")
    if content is not None:
        return _text_of(content), []
    raise InputError(
        f"{what} has neither a plainTextPath nor a PlainTextContent",
        path=archive.path,
        line=element.sourceline,
        hint=_HINT,
    )


def _notes(root: etree._Element, archive: _Archive) -> dict[str, str]:
    notes = {}
    container = _child(root, "Notes")
    for note in _children(container, "Note") if container is not None else []:
        raw, _ = _read_text(archive, note, f"note {note.get('name')!r}")
        notes[_guid(note.get("guid"))] = normalise(raw).strip()
    return notes


def _note_text(element: etree._Element, notes: dict[str, str]) -> str:
    texts = [notes.get(_guid(ref.get("targetGUID")), "") for ref in _children(element, "NoteRef")]
    return "\n\n".join(t for t in texts if t)


def _users(root: etree._Element) -> dict[str, str]:
    users: dict[str, str] = {}
    taken: set[str] = set()
    container = _child(root, "Users")
    for user in _children(container, "User") if container is not None else []:
        guid = _guid(user.get("guid"))
        name, ident = (user.get("name") or "").strip(), (user.get("id") or "").strip()
        choice = next((v for v in (name, ident) if _CODER.match(v)), None)
        if choice is None:
            choice = _slug(name or ident, keep="_.-") or f"user-{(guid or '')[:8]}"
        users[guid] = _unique(choice, taken)
    return users


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


# -- variables and cases ----------------------------------------------------------------


def _variables(root: etree._Element) -> dict[str, tuple[str, str, bool]]:
    """Variable GUID → (name, type, values written as JSON)."""
    found = {}
    container = _child(root, "Variables")
    for variable in _children(container, "Variable") if container is not None else []:
        description = _text_of(_child(variable, "Description")).strip()
        found[_guid(variable.get("guid"))] = (
            (variable.get("name") or "").strip(),
            variable.get("typeOfVariable") or "Text",
            description == JSON_VALUES,
        )
    return found


def _value(element: etree._Element, variables: dict, path) -> tuple[str, Any] | None:
    ref = _child(element, "VariableRef")
    variable = variables.get(_guid(ref.get("targetGUID"))) if ref is not None else None
    if variable is None:
        raise InputError(
            "a VariableValue refers to no known Variable",
            path=path,
            line=element.sourceline,
            hint=_HINT,
        )
    name, _, as_json = variable
    for child in element:
        kind = _local(child)
        if kind in ("VariableRef", ""):
            continue
        text = _text_of(child).strip()
        if kind == "BooleanValue":
            return name, text.lower() in ("true", "1")
        if kind == "IntegerValue":
            return name, int(text)
        if kind == "FloatValue":
            return name, int(text) if re.fullmatch(r"[+-]?\d+", text) else float(text)
        if as_json:
            with contextlib.suppress(ValueError):
                return name, json.loads(text)
        return name, text
    return None


def _case_values(root: etree._Element, variables: dict, path) -> dict[str, dict[str, Any]]:
    """Source GUID → attributes, from the cases that name the source."""
    values: dict[str, dict[str, Any]] = {}
    container = _child(root, "Cases")
    for case in _children(container, "Case") if container is not None else []:
        pairs = [_value(v, variables, path) for v in _children(case, "VariableValue")]
        for ref in _children(case, "SourceRef"):
            target = values.setdefault(_guid(ref.get("targetGUID")), {})
            target.update(p for p in pairs if p is not None)
    return values


# -- sources and codings -------------------------------------------------------------------


def _doc_id(name: str, taken: set[str]) -> str:
    """The document id of a source: its name as a slug, without a file suffix, unique.

    The same names in the same order always give the same ids (a GUID never does).
    """
    base = _SOURCE_SUFFIX.sub("", name.strip()) or name.strip()
    return _unique(document_id(base), taken)


class _ProjectReader:
    def __init__(self, root, archive: _Archive, path, units: str, crlf: str) -> None:
        self.root, self.archive, self.path = root, archive, path
        self.units, self.crlf = units, crlf
        self.problems: list[Problem] = []
        self.notes = _notes(root, archive)
        self.users = _users(root)
        book = _child(root, "CodeBook")
        rows, self.code_ids = _codes(
            _child(book, "Codes") if book is not None else None, self.notes, path, self.problems
        )
        self.codebook = _codebook(rows, path)
        self.variables = _variables(root)
        self.case_values = _case_values(root, self.variables, path)
        self.default_user = _guid(root.get("creatingUserGUID"))
        self._coders: dict[tuple, str] = {}
        self._codes_by_ref: dict[str | None, str | None] = {}

    def coder(self, *users: str | None) -> str:
        """The coder named by the first known ``creatingUser`` GUID, else the project's."""
        key = users
        if key not in self._coders:
            found = next((self.users[g] for g in map(_guid, users) if g in self.users), None)
            if found is None:
                found = self.users.get(self.default_user, "unknown")
            self._coders[key] = found
        return self._coders[key]

    def code(self, target: str | None) -> str | None:
        """The code id of a ``CodeRef`` target GUID, as written."""
        if target not in self._codes_by_ref:
            self._codes_by_ref[target] = self.code_ids.get(_guid(target))
        return self._codes_by_ref[target]

    def read(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        documents: list[dict] = []
        codings: list[tuple] = []
        taken: set[str] = set()
        container = _child(self.root, "Sources")
        for source in list(container) if container is not None else []:
            kind = _local(source)
            if not kind:
                continue
            if kind != "TextSource":
                self.problems.append(
                    Problem(
                        "warning",
                        f"{kind} {source.get('name')!r} skipped with its codings: "
                        "only text sources are imported",
                        path=str(self.path),
                    )
                )
                continue
            name = (source.get("name") or "").strip() or "source"
            try:
                raw, found = _read_text(self.archive, source, f"source {name!r}")
            except InputError as exc:
                self._skip(source, name, f"cannot be read ({exc.message})")
                continue
            self.problems += found
            text, bounds = unit_boundaries(raw, units=self.units, crlf=self.crlf)
            if not text.strip():
                self._skip(source, name, "is empty")
                continue
            doc_id = _doc_id(name, taken)
            attributes = dict(self.case_values.get(_guid(source.get("guid")), {}))
            attributes.update(
                p
                for p in (
                    _value(v, self.variables, self.path) for v in _children(source, "VariableValue")
                )
                if p is not None
            )
            description = _text_of(_child(source, "Description")).strip()
            if description:
                attributes.setdefault("description", description)
            documents.append({"doc_id": doc_id, "text": text, **attributes})
            codings += self._codings(source, name, doc_id, text, bounds)
        frame = pd.DataFrame(documents) if documents else pd.DataFrame(columns=["doc_id", "text"])
        frame = frame.astype(object).where(frame.notna(), None)
        return frame, self._merge(codings)

    def _skip(self, source, name: str, why: str) -> None:
        """Warn that a source is left out with its codings; the rest still comes in."""
        q = source.tag[: source.tag.find("}") + 1]
        n = sum(1 for _ in source.iter(q + "Coding"))
        self.problems.append(
            Problem(
                "warning",
                f"source {name!r} {why}: skipped"
                + (f" with its {n} coding(s)" if n else "")
                + "; the codebook and the other sources are imported",
                path=str(self.path),
            )
        )

    def _codings(
        self, source, name: str, doc_id: str, text: str, bounds: np.ndarray
    ) -> list[tuple]:
        """Rows of :data:`CODING_COLUMNS` for the codings of one source."""
        q = source.tag[: source.tag.find("}") + 1]
        coding_tag, ref_tag, note_tag = q + "Coding", q + "CodeRef", q + "NoteRef"
        description_tag = q + "Description"
        total = int(bounds[-1])
        starts: list[int] = []
        ends: list[int] = []
        records: list[tuple] = []
        spans = [(None, 0, total)]  # codings of the whole source
        for selection in source.iterchildren(q + "PlainTextSelection"):
            what = f"selection {selection.get('guid')} of source {name!r}"
            start = _int_attribute(selection, "startPosition", self.path, what)
            end = _int_attribute(selection, "endPosition", self.path, what)
            if not 0 <= start <= end <= total:
                raise InputError(
                    f"{what} spans {start}-{end}, beyond the text of {total} positions "
                    f"(counted as {self.units.replace('_', ' ')}, CRLF as {self.crlf})",
                    path=self.path,
                    line=selection.sourceline,
                    hint="the archive is damaged or its positions use other units: "
                    "try --units utf16 or --units code_points",
                )
            spans.append((selection, start, end))
        for selection, start, end in spans:
            owner = source if selection is None else selection
            shared = ""
            if selection is not None and selection.find(note_tag) is not None:
                shared = _note_text(selection, self.notes)
            described = ""
            if selection is not None and len(selection) and selection[0].tag == description_tag:
                described = normalise(_text_of(selection[0])).strip()
            user = selection.get("creatingUser") if selection is not None else None
            when = selection.get("creationDateTime") if selection is not None else None
            for coding in owner.iterchildren(coding_tag):
                # the schema puts CodeRef first; look further only when it is not
                ref = coding[0] if len(coding) else None
                if ref is not None and ref.tag != ref_tag:
                    ref = coding.find(ref_tag)
                code = self.code(ref.get("targetGUID") if ref is not None else None)
                if code is None:
                    raise InputError(
                        f"a coding of source {name!r} refers to no code of the codebook",
                        path=self.path,
                        line=coding.sourceline,
                        hint=_HINT,
                    )
                memo = _note_text(coding, self.notes) if len(coding) > 1 else ""
                # the selection's Description is the memo of its codings (QualCoder,
                # MAXQDA); an export of this package writes it as a note too
                for extra in (described, shared):
                    if extra and extra != memo:
                        memo = f"{memo}\n\n{extra}" if memo else extra
                coder = self.coder(coding.get("creatingUser"), user)
                records.append((coder, code, memo, coding.get("creationDateTime") or when))
                starts.append(start)
                ends.append(end)
        first = from_units(bounds, starts, side="start").tolist()
        last = from_units(bounds, ends, side="end").tolist()
        rows = [
            (coder, doc_id, a, b, code, text[a:b], memo, created)
            for (coder, code, memo, created), a, b in zip(records, first, last, strict=True)
            if b > a
        ]
        if len(rows) < len(records):
            self.problems.append(
                Problem(
                    "warning",
                    f"{len(records) - len(rows)} empty selection(s) of source {name!r} skipped",
                    path=str(self.path),
                )
            )
        return rows

    def _merge(self, rows: list[tuple]) -> pd.DataFrame:
        frame = pd.DataFrame(rows, columns=CODING_COLUMNS)
        if not rows:
            return typed_codings(frame)
        created = pd.to_datetime(frame["created"], utc=True, format="ISO8601", errors="coerce")
        bad = created.isna() & frame["created"].notna()
        if bad.any():
            self.problems.append(
                Problem(
                    "warning",
                    f"{int(bad.sum())} coding date(s) that are not ISO 8601 times left empty",
                    path=str(self.path),
                )
            )
        frame["created"] = created
        twice = frame.duplicated(["coder", "doc_id", "start", "end", "code"])
        if twice.any():
            self.problems.append(
                Problem(
                    "warning",
                    f"{int(twice.sum())} coding(s) repeated on the same text kept once",
                    path=str(self.path),
                )
            )
            frame = frame[~twice]
        frame = typed_codings(frame)
        return frame.sort_values(
            ["coder", "doc_id", "start", "end", "code"], kind="stable"
        ).reset_index(drop=True)


# -- entry points --------------------------------------------------------------------------


def _qde_name(names: list[str], path) -> str:
    candidates = [n for n in names if n.lower().endswith(".qde") and "/" not in n.strip("/")]
    candidates = candidates or [n for n in names if n.lower().endswith(".qde")]
    if not candidates:
        raise InputError(
            "the archive holds no .qde project file",
            path=path,
            hint="a .qdpx is a zip with project.qde and a sources/ folder; " + _HINT,
        )
    preferred = [n for n in candidates if n.lower().rsplit("/", 1)[-1] == "project.qde"]
    return sorted(preferred or candidates)[0]


_DECLARED_UNITS = re.compile(r"\[units=(code_points|utf16)\]")


def _declared_units(root: etree._Element) -> str | None:
    """The units a project declares in its ``Description`` (as this package writes it)."""
    description = _child(root, "Description")
    found = _DECLARED_UNITS.search(_text_of(description))
    return found.group(1) if found else None


def _resolve(origin: str, units: UnitsOption, crlf: CrlfOption) -> tuple[str, str]:
    default_units, default_crlf = origin_units(origin)
    return (
        default_units if units == "auto" else units,
        default_crlf if crlf == "auto" else crlf,
    )


def read_qdpx(
    path: str | PathLike,
    *,
    data: bytes | None = None,
    options: Limits | None = None,
    units: UnitsOption = "auto",
    crlf: CrlfOption = "auto",
) -> QdaImport:
    """Read a ``.qdpx`` project: its documents, codebook and codings.

    Parameters
    ----------
    path : path-like
        The file (named in every error).
    data : bytes, optional
        Its content, when already in memory.
    options : Limits, optional
        Size and zip limits (default: the loaders' defaults).
    units : {"auto", "code_points", "utf16"}
        How the file counts positions; ``"auto"`` asks :func:`origin_units`.
    crlf : {"auto", "one", "two"}
        How many positions a CRLF counts.

    Raises
    ------
    InputError
        When the file is not a zip, is over a limit, has entity declarations,
        lacks a source file, or has a selection beyond its text or an unknown code.
    """
    options = options or Limits()
    with check_zip(path, options, data=data, kind=".qdpx") as archive:
        name = _qde_name(archive.namelist(), path)
        root = parse_xml(read_member(archive, name, path=path), path=path, member=name)
        if _local(root) != "Project":
            raise InputError(
                f"{name} holds a <{_local(root)}>, not a REFI-QDA <Project>", path=path, hint=_HINT
            )
        origin = root.get("origin") or ""
        if units == "auto":
            units = _declared_units(root) or "auto"
        use_units, use_crlf = _resolve(origin, units, crlf)
        reader = _ProjectReader(root, _Archive(archive, path), path, use_units, use_crlf)
        documents, codings = reader.read()
    return QdaImport(
        documents,
        reader.codebook,
        codings,
        origin,
        use_units,
        use_crlf,
        tuple(reader.problems),
        (root.get("name") or "").strip() or Path(path).stem,
    )


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


def read_taguette_csv(
    path: str | PathLike,
    *,
    data: bytes | None = None,
    options: Limits | None = None,
) -> QdaImport:
    """Read a Taguette codebook (CSV with a ``tag`` column, optionally ``description``).

    As Taguette reads it, the tag is in the ``tag`` column (else ``name`` or
    ``path``), case-insensitively; a ``parent`` column names the parent's tag.
    A description written by ``research codebook export --taguette`` gives back
    the code's definition, criteria and id (:func:`parse_code_description`);
    otherwise the id is the tag as a slug, and a dotted id whose prefix is
    another code's id is that code's child.

    Raises
    ------
    InputError
        When the file is not CSV, has no tag column or a row without a tag,
        naming the row.

    Examples
    --------
    >>> data = "tag,description\\nStart-up,Identifiant : sut\\nConfiance,Se fier.".encode()
    >>> read_taguette_csv("c.csv", data=data).codes[["code", "label", "definition"]].values.tolist()
    [['sut', 'Start-up', None], ['confiance', 'Confiance', 'Se fier.']]
    """
    options = options or Limits()
    if data is None:
        from research.files import read_limited

        data = read_limited(path, max_bytes=options.max_file_bytes)
    text, problems = decode_bytes(data, path=path, hint="save it again as 'CSV UTF-8'")
    hint = "a Taguette codebook is a CSV file with a 'tag' column and a 'description' column"
    try:
        rows = list(csv.reader(io.StringIO(normalise(text), newline="")))
    except csv.Error as exc:
        raise InputError(f"not a CSV file ({exc})", path=path, hint=hint) from None
    header = [cell.strip().lower() for cell in rows[0]] if rows else []
    column = next((header.index(c) for c in ("tag", "name", "path") if c in header), None)
    if column is None:
        raise InputError("no 'tag', 'name' or 'path' column", path=path, row=1, hint=hint)
    described = header.index("description") if "description" in header else None
    parented = header.index("parent") if "parent" in header else None
    found: list[dict] = []
    by_tag: dict[str, str] = {}
    taken: set[str] = set()
    for number, row in enumerate(rows[1:], start=2):
        if not any(value.strip() for value in row):
            continue
        cells = [c.strip() for c in row]

        def cell(i: int | None, cells: list[str] = cells) -> str:
            return cells[i] if i is not None and i < len(cells) else ""

        tag = cell(column)
        if not tag:
            raise InputError("a row without a tag", path=path, row=number, hint=hint)
        fields = parse_code_description(cell(described))
        wanted = fields.pop("code", None) or ""
        fields.pop("file", None)
        parent = by_tag.get(cell(parented).lower()) if cell(parented) else None
        if not parent and "." in wanted and wanted.rsplit(".", 1)[0] in taken:
            parent = wanted.rsplit(".", 1)[0]
        prefix = f"{parent}." if parent else ""
        part = wanted[len(prefix) :] if wanted.startswith(prefix) else ""
        part = part if _ID_PART.match(part) else _slug(tag) or "code"
        code = _unique(prefix + part, taken)
        if fields.get("level") not in (None, *_LEVELS):
            level = fields.pop("level")
            fields["memo"] = "\n\n".join(x for x in (fields.get("memo"), f"Niveau : {level}") if x)
        by_tag.setdefault(tag.lower(), code)
        found.append({**fields, "code": code, "parent": parent, "label": tag})
    return QdaImport(
        pd.DataFrame(columns=["doc_id", "text"]),
        _codebook(found, path),
        typed_codings(pd.DataFrame(columns=CODING_COLUMNS)),
        "Taguette",
        problems=tuple(problems),
        name=Path(path).stem,
    )


def word_boundary_share(imported: QdaImport) -> float:
    """The share of codings that start on a word boundary (a check of positions).

    A start is on a boundary when it is at the start of the text, or the
    character before it or at it is not a letter or digit. Positions read with
    the wrong units start mid-word far more often.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["D"], "text": ["la coopérative"]})
    >>> codings = pd.DataFrame({"doc_id": ["D", "D"], "start": [3, 5]})
    >>> word_boundary_share(QdaImport(docs, None, codings))
    0.5
    """
    if not len(imported.codings):
        return float("nan")
    texts = dict(zip(imported.documents["doc_id"], imported.documents["text"], strict=True))
    hits = 0
    for doc_id, start in zip(imported.codings["doc_id"], imported.codings["start"], strict=True):
        text = texts[doc_id]
        start = int(start)
        hits += (
            start == 0
            or start >= len(text)
            or not (text[start - 1].isalnum() and text[start].isalnum())
        )
    return hits / len(imported.codings)


# -- writing into a project ----------------------------------------------------------------


def _existing_documents(project) -> dict[str, Path]:
    from research.corpus import document_files, read_corpus

    found = {path.stem: path for path in document_files(project.paths.documents)}
    corpus, _ = read_corpus(
        project.paths.documents, root=project.root, options=project.loader_options, jobs=1
    )
    for doc_id, rel in zip(corpus.doc_ids, corpus.documents.get("path", []), strict=False):
        found[doc_id] = project.root / rel
    return found


def _plan_documents(project, imported: QdaImport, *, force: bool, folder: str | None):
    planned, problems = [], []
    existing = _existing_documents(project) if len(imported.documents) else {}
    default = document_id(imported.name) if imported.name else "import"
    chosen = None if folder is None else document_folder(project, folder=folder)
    for doc_id, text in zip(imported.documents["doc_id"], imported.documents["text"], strict=True):
        meta = imported.metadata(doc_id)
        content = render_markdown(text, meta)
        if split_front_matter(normalise(content))[1] != text or not text.strip():
            problems.append(
                Problem(
                    "error",
                    f"source {doc_id!r} cannot be stored as Markdown without changing its text",
                    hint="its text is empty or only white space",
                )
            )
            continue
        kind = meta.get("kind")
        place = chosen or document_folder(
            project, kind=None if kind is None else str(kind), default=default
        )
        target = place / f"{doc_id}.md"
        if doc_id in existing:
            if not force or existing[doc_id].suffix.lower() != ".md":
                problems.append(
                    Problem(
                        "error",
                        f"document {doc_id!r} already exists ({project.paths.relative(existing[doc_id])})",
                        hint="it is not Markdown: remove it first"
                        if force
                        else "use --force to replace it",
                    )
                )
                continue
            target = existing[doc_id]
        planned.append((target, content))
    return planned, problems


def _plan_codebook(project, imported: QdaImport, *, force: bool):
    if imported.codebook is None:
        return [], []
    folder = project.paths.codebook
    texts = codebook_texts(imported.codebook)
    problems = []
    current, _ = read_codebook(folder)
    kept = current.codes[~current.codes["file"].isin(list(texts) if force else [])]
    for name in texts:
        if (folder / name).exists() and not force:
            problems.append(
                Problem(
                    "error",
                    f"codebook file {name} already exists",
                    path=project.paths.relative(folder / name),
                    hint="use --force to replace it",
                )
            )
    clash = sorted(set(kept["code"]) & set(imported.codebook.ids))
    if clash and not problems:
        problems.append(
            Problem(
                "error",
                f"code id(s) {', '.join(clash[:5])} already defined in the project's codebook",
                hint="rename or remove those codes before importing",
            )
        )
    return [folder / name for name in texts], problems


def _plan_codings(project, imported: QdaImport, *, force: bool):
    problems = []
    existing = {p.stem for p in coding_files(project.paths.codings)}
    targets = []
    for coder in imported.coders:
        target = project.paths.codings / f"{coder}.csv"
        if coder in existing and not force:
            problems.append(
                Problem(
                    "error",
                    f"codings of {coder!r} already exist",
                    path=project.paths.relative(target),
                    hint="use --force to replace them",
                )
            )
        targets.append(target)
    return targets, problems


def write_import(
    project,
    imported: QdaImport,
    *,
    force: bool = False,
    folder: str | None = None,
) -> list[Path]:
    """Write an import into a project: documents, codebook, codings; all or nothing.

    Documents become Markdown files with their attributes as front matter
    (:func:`research.corpus.render_markdown`), the codebook YAML files
    (:func:`research.codebook.codebook_texts`), each coder's codings a CSV file
    (:func:`research.coding.codings_text`), all in one
    :func:`research.files.transaction` while the coders' locks are held. Every
    conflict is found before anything is written; if a write fails, the files
    already written are put back.

    Parameters
    ----------
    project : research.project.Project
    imported : QdaImport
    force : bool
        Replace documents, codebook files and coder files that exist.
    folder : str, optional
        Sub-folder of the documents folder (default: ``interviews/``, ``minutes/``…
        from each document's kind, and for documents without a kind a folder named
        after the imported project, see :func:`research.corpus.document_folder`).

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    ValidationFailed
        Listing every conflict; nothing is written then.
    research.errors.WriteError
        When a file cannot be written; the files already replaced are put back.
    """
    documents, problems = _plan_documents(project, imported, force=force, folder=folder)
    book_files, found = _plan_codebook(project, imported, force=force)
    problems += found
    coder_files, found = _plan_codings(project, imported, force=force)
    problems += found
    if problems:
        raise ValidationFailed(problems)
    texts = codebook_texts(imported.codebook) if imported.codebook is not None else {}
    codings = {coder: codings_text(imported.codings_of(coder)) for coder in imported.coders}
    folder = project.paths.codings
    made = [d for d in (folder, *folder.parents) if not d.exists()] if codings else []
    try:
        with contextlib.ExitStack() as locks:
            folder.mkdir(parents=True, exist_ok=True)
            for coder in codings:
                locks.enter_context(coder_lock(folder, coder))
            _write_all(project, documents, texts, codings)
    except BaseException:
        for directory in made:  # the folder made for the locks, if left empty
            with contextlib.suppress(OSError):
                directory.rmdir()
        raise
    return [path for path, _ in documents] + book_files + coder_files


def _write_all(project, documents, texts: dict[str, str], codings: dict[str, str]) -> None:
    with transaction(journal=project.root) as tx:
        for path, content in documents:
            tx.write_text(path, content)
        for name, text in texts.items():
            path = project.paths.codebook / name
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                tx.write_text(path, text)
        for coder, text in codings.items():
            tx.write_text(project.paths.codings / f"{coder}.csv", text)


def import_refiqda(
    project,
    path: str | PathLike,
    *,
    force: bool = False,
    folder: str | None = None,
    units: UnitsOption = "auto",
    crlf: CrlfOption = "auto",
) -> tuple[QdaImport, list[Path]]:
    """Read a ``.qdpx``, ``.qdc`` or Taguette ``.csv`` file and write it into ``project``; all or nothing.

    Returns
    -------
    imported : QdaImport
    written : list of Path

    Raises
    ------
    InputError
        On an unreadable or unsafe file, or a suffix other than ``.qdpx``/``.qdc``.
    ValidationFailed
        On conflicts with the project's files; nothing is written then.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", path=path)
    suffix = path.suffix.lower()
    if suffix == ".qdpx":
        imported = read_qdpx(path, options=project.loader_options, units=units, crlf=crlf)
    elif suffix == ".qdc":
        imported = read_qdc(path, options=project.loader_options)
    elif suffix == ".csv":
        imported = read_taguette_csv(path, options=project.loader_options)
    else:
        raise InputError(
            f"cannot import {path.suffix or 'a file without suffix'}: "
            "expected .qdpx, .qdc or a Taguette codebook .csv",
            path=path,
        )
    return imported, write_import(project, imported, force=force, folder=folder)
