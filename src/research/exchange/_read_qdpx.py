"""Reading a REFI-QDA ``.qdpx`` project: documents, codebook and codings.

Reading is tolerant of what exporters really write: the sources folder spelled
``sources/`` or ``Sources/``, another name for the inner ``.qde``, GUIDs in
braces or upper case, byte-order marks, CRLF newlines, XML with or without the
namespace. Positions are converted at this boundary, by the units the project
declares or the exporting program named in the ``origin`` attribute (see
:func:`research.exchange.origin_units`), into code points of the stored text
(newlines normalised to ``\\n``, Unicode NFC).

Reading is also safe: the archive's index is checked before anything is
extracted (zip bombs, ``..`` names), XML with entity declarations is refused, and
a missing source file, a selection beyond its text or a coding of an unknown code
is an error that names the place.

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

import re
import zipfile
from os import PathLike
from pathlib import Path

import numpy as np
import pandas as pd
from lxml import etree

from research.coding import CODING_COLUMNS, typed_codings
from research.corpus import document_id
from research.errors import InputError, Problem
from research.exchange._imported import QdaImport, word_boundary_share
from research.exchange._notes import Grouping
from research.exchange._positions import (
    CrlfOption,
    UnitsOption,
    from_units,
    known_origin,
    origin_units,
    unit_boundaries,
)
from research.exchange._read_memos import (
    MemoContext,
    NoteInfo,
    _date,
    copies_memos,
    is_memo_file,
    note_places,
    read_cases,
    read_memos,
    read_sets,
)
from research.exchange._read_qdc import _codebook, _codes, _note_text, _slug, _unique
from research.exchange._variables import _case_values, _value, _variables
from research.exchange._xml import _HINT, _child, _children, _guid, _local, _text_of
from research.files import Limits, check_zip, decode_bytes, parse_xml, read_member
from research.text import normalise

__all__ = ["read_qdpx"]


_CODER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")

# Suffixes of a source's name that are its file's, not part of the document's name.
_SOURCE_SUFFIX = re.compile(
    r"\.(?:txt|md|markdown|docx?|odt|rtf|pdf|html?|trs|vtt|srt)$", re.IGNORECASE
)


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


def _notes(root: etree._Element, archive: _Archive) -> dict[str, NoteInfo]:
    notes = {}
    container = _child(root, "Notes")
    for note in _children(container, "Note") if container is not None else []:
        raw, _ = _read_text(archive, note, f"note {note.get('name')!r}")
        guid = _guid(note.get("guid"))
        notes[guid] = NoteInfo(
            guid=guid,
            name=(note.get("name") or "").strip(),
            text=normalise(raw),
            description=normalise(_text_of(_child(note, "Description"))),
            user=_guid(note.get("creatingUser") or note.get("modifyingUser")),
            when=note.get("creationDateTime") or note.get("modifiedDateTime"),
            element=note,
        )
    return notes


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
        self.all_notes = _notes(root, archive)
        self.places = note_places(root)
        # notes only codes or codings refer to are their memos; the others are memo files
        self.notes = {
            guid: note.text.strip()
            for guid, note in self.all_notes.items()
            if not is_memo_file(note, self.places.get(guid, []))
        }
        self.users = _users(root)
        book = _child(root, "CodeBook")
        rows, self.code_ids = _codes(
            _child(book, "Codes") if book is not None else None, self.notes, path, self.problems
        )
        self.codebook = _codebook(rows, path)
        self.variables = _variables(root)
        self.case_values = _case_values(root, self.variables, path)
        self.default_user = _guid(root.get("creatingUserGUID"))
        self._group_memos: list[tuple[str, Grouping]] = []
        self._coders: dict[tuple, str] = {}
        self._codes_by_ref: dict[str | None, str | None] = {}
        self.doc_ids: dict[str, str] = {}  # source GUID → doc_id
        self.source_names: dict[str, str] = {}  # source GUID → name
        self.selections: dict[str, list[tuple]] = {}  # selection GUID → coding links
        self.memos: list[dict] = []

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
            guid = _guid(source.get("guid"))
            self.doc_ids[guid], self.source_names[guid] = doc_id, name
            attributes = dict(self.case_values.get(guid, {}))
            attributes.update(
                p
                for p in (
                    _value(v, self.variables, self.path) for v in _children(source, "VariableValue")
                )
                if p is not None
            )
            description = _text_of(_child(source, "Description")).strip()
            if description and not copies_memos(description, source, self.all_notes):
                attributes.setdefault("description", description)
            documents.append({"doc_id": doc_id, "text": text, **attributes})
            codings += self._codings(source, name, doc_id, text, bounds)
        self._groups(documents)
        frame = pd.DataFrame(documents) if documents else pd.DataFrame(columns=["doc_id", "text"])
        frame = frame.astype(object).where(frame.notna(), None)
        return frame, self._merge(codings)

    def _groups(self, documents: list[dict]) -> None:
        """The ``sets`` and ``cases`` attributes of the documents; memos of what else they hold."""
        by_id = {row["doc_id"]: row for row in documents}
        ours = (self.root.get("origin") or "").startswith("research ")
        for column, found, what in (
            ("sets", read_sets(self.root, self.code_ids), "Ensemble"),
            ("cases", read_cases(self.root, self.source_names, ours=ours), "Cas"),
        ):
            for group, sources in found:
                group.documents = [self.doc_ids[g] for g in sources if g in self.doc_ids]
                for doc_id in group.documents:
                    names = by_id[doc_id].setdefault(column, [])
                    if group.name not in names:
                        names.append(group.name)
                if group.description or group.codes or group.memos:
                    self._group_memos.append((f"{what} « {group.name} »", group))

    def read_memos(self) -> None:
        """The memo files: notes, descriptions of sets and cases, another program's project description."""
        selections = {g: list(dict.fromkeys(v)) for g, v in self.selections.items()}
        context = MemoContext(self.users, self.default_user, self.code_ids, self.doc_ids,
                              selections, {})  # fmt: skip
        self.memos = read_memos(self.all_notes, self.places, context)
        taken = {m["memo_id"] for m in self.memos}
        ids_of_notes = {m["guid"]: m["memo_id"] for m in self.memos}
        for title, group in self._group_memos:
            self.memos.append(
                {
                    "memo_id": _unique(_slug(title) or "memo", taken),
                    "guid": None,
                    "title": title,
                    "kind": "document" if group.documents else "code" if group.codes else "reflexive",
                    "label": None, "date": None, "author": None,
                    "codes": tuple(group.codes), "documents": tuple(group.documents),
                    "memos": tuple(ids_of_notes[g] for g in group.memos if g in ids_of_notes),
                    "codings": (),
                    "text": group.description + "\n" if group.description else "",
                }
            )  # fmt: skip
        description = normalise(_text_of(_child(self.root, "Description"))).strip()
        if description and not _DECLARED_UNITS.search(description):
            self.memos.append(
                {
                    "memo_id": _unique("description-du-projet", taken),
                    "guid": None,
                    "title": "Description du projet", "kind": "methodological", "label": None,
                    "date": _date(self.root.get("creationDateTime")),
                    "author": self.users.get(self.default_user),
                    "codes": (), "documents": (), "memos": (), "codings": (),
                    "text": description + "\n",
                }
            )  # fmt: skip

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
        owners: list[str | None] = []
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
                owners.append(None if selection is None else _guid(selection.get("guid")))
                starts.append(start)
                ends.append(end)
        first = from_units(bounds, starts, side="start").tolist()
        last = from_units(bounds, ends, side="end").tolist()
        rows = []
        for (coder, code, memo, created), owner, a, b in zip(
            records, owners, first, last, strict=True
        ):
            if b > a:
                rows.append((coder, doc_id, a, b, code, text[a:b], memo, created))
                if owner is not None:  # what a memo's NoteRef in the selection links
                    self.selections.setdefault(owner, []).append(
                        (coder, doc_id, code, a, text[a:b])
                    )
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


#: A share of selections starting on a word boundary above which the default
#: convention is kept without trying the others.
_CONVINCING = 0.95


def _by_evidence(root, archive, path, first, *, crlf: CrlfOption):
    """The reading whose selections start on word boundaries most often.

    For a file from a program whose convention is not known and which declares
    none: code points (the standard) are kept when they look right; otherwise the
    other conventions are tried (UTF-16 units, CRLF as one position), and the
    reading with the highest share of selections starting on a word boundary
    (:func:`word_boundary_share`) is kept, with a warning saying so. Selections that
    fall outside their text under a convention rule that convention out; when they
    do under every convention, the error of the first reading is raised.
    """
    reader, documents, codings = first
    failed = codings if documents is None else None  # the default read's error
    best = -1.0 if failed else word_boundary_share(QdaImport(documents, None, codings))
    if failed is None and (not len(codings) or best >= _CONVINCING):
        return first
    default = (reader.units, reader.crlf)
    shares = {} if failed else {default: best}
    tried = {default}
    chosen = first
    for units in ("code_points", "utf16"):
        for count in ("two", "one") if crlf == "auto" else (crlf,):
            if (units, count) in tried:
                continue
            tried.add((units, count))
            other = _ProjectReader(root, _Archive(archive, path), path, units, count)
            try:
                found = other.read()
            except InputError:
                continue  # selections beyond their text: not this convention
            share = word_boundary_share(QdaImport(found[0], None, found[1]))
            shares[(units, count)] = share
            if share > best:
                best, chosen = share, (other, *found)
    if failed is not None and chosen is first:
        raise failed  # no convention fits the selections
    reader = chosen[0]
    if (reader.units, reader.crlf) != default:
        said = ", ".join(
            f"{u.replace('_', ' ')} with CRLF as {c}: {s:.0%}" for (u, c), s in shares.items()
        )
        reader.problems.append(
            Problem(
                "warning",
                f"positions read as {reader.units.replace('_', ' ')} with CRLF as "
                f"{reader.crlf}, the convention under which most selections start on a "
                f"word boundary ({said})",
                path=str(path),
                hint="pass --units and --crlf to choose another",
            )
        )
    return chosen


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
        How the file counts positions; ``"auto"``: as the file declares it, else as
        :func:`origin_units` knows its program, else by evidence (the convention
        under which selections start on word boundaries, see :func:`_by_evidence`).
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
        guess = units == "auto" and not known_origin(origin)
        try:
            documents, codings = reader.read()
        except InputError as error:
            if not guess:
                raise
            first = (reader, None, error)
        else:
            first = (reader, documents, codings)
        if guess:
            reader, documents, codings = _by_evidence(root, archive, path, first, crlf=crlf)
            use_units, use_crlf = reader.units, reader.crlf
        reader.read_memos()
    return QdaImport(
        documents,
        reader.codebook,
        codings,
        origin,
        use_units,
        use_crlf,
        tuple(reader.problems),
        (root.get("name") or "").strip() or Path(path).stem,
        tuple(reader.memos),
    )
