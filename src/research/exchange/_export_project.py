"""Writing a whole project as a REFI-QDA ``.qdpx`` file.

A ``.qdpx`` file is a zip holding ``project.qde`` (the XML project: users,
codebook, variables, cases, sources with their coded selections, notes) and the
sources under ``sources/`` [1]_. Writing is strict: the XML follows the order
and types of the published schemas, no empty container element is written,
GUIDs are deterministic (:func:`research.exchange.stable_guid`) and zip entries
have a fixed order and timestamp, so exporting the same project twice gives the
same bytes.

The mapping:

- codes → ``Code`` (:mod:`research.exchange._export_codebook`); a code's memo is
  a ``Mémo`` paragraph of its ``Description`` (what QualCoder reads) and also a
  ``Note`` (what NVivo reads);
- documents → ``TextSource`` (with ``creatingUser`` and ``creationDateTime``)
  with their stored text as ``sources/<guid>.txt`` (UTF-8, ``\\n`` newlines);
- coders → ``User``; each coding → its own ``PlainTextSelection`` (coder, date,
  the memo as ``Description``) holding one ``Coding`` (coder, date, ``CodeRef``,
  ``NoteRef`` to the memo's ``Note``); notes carry a coder and a date;
- document attributes → ``Variable``, a ``VariableValue`` per attribute inside
  each ``TextSource``; the ``cases`` attribute → named ``Case`` elements with a
  ``SourceRef`` per document (a document in none has its own case); the ``sets``
  attribute → ``Set`` elements with a ``MemberSource`` per document;
- memo files → ``Note`` elements with ``NoteRef`` elements in what they link
  (:mod:`research.exchange._notes`);
- the project's ``Description`` records how positions are counted (code points,
  or UTF-16 units for clients that count so, see
  :func:`research.exchange.unit_boundaries`).

References
----------
.. [1] REFI-QDA Standard, "QDA-XML 1.0: Project.xsd and Codebook.xsd", 2019,
   https://www.qdasoftware.org.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from lxml import etree

from research.contracts import CODING_KEY, is_blank, require_columns
from research.errors import ExportError, SchemaError
from research.exchange._export_codebook import _code_element, export_qdc
from research.exchange._notes import MemoNote, groups, memo_notes, source_memo_text
from research.exchange._positions import Units, unit_boundaries
from research.exchange._variables import (
    _VALUE_TAGS,
    JSON_VALUES,
    _document_variables,
    _value_text,
)
from research.exchange._xml import (
    ORIGIN,
    PROJECT_NS,
    _serialise,
    _sub,
    _text,
    _xml_escape,
    stable_guid,
)
from research.files import atomic_write_bytes

if TYPE_CHECKING:
    from research.codebook import Codebook
    from research.corpus import Corpus

__all__ = [
    "export_project",
    "export_qdpx",
    "project_description",
    "qde_bytes",
    "qdpx_bytes",
]


_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


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
    memos: pd.DataFrame | None = None,
    memo_kinds: Mapping[str, str] | None = None,
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
    memos : pandas.DataFrame, optional
        The memos table (``project.memos``); its memo files become notes
        (:mod:`research.exchange._notes`); coding memos come with their codings.
    memo_kinds : mapping, optional
        The project's own kinds of memo and their French names.

    Raises
    ------
    ExportError
        When a coding uses an unknown code or document, or lies outside its text.
    """
    return _project_xml(
        book, documents, texts, codings, name=name, units=units, memos=memos, memo_kinds=memo_kinds
    )[0]


def _project_xml(
    book: Codebook,
    documents: pd.DataFrame,
    texts: Mapping[str, str],
    codings: pd.DataFrame,
    *,
    name: str,
    units: Units,
    memos: pd.DataFrame | None,
    memo_kinds: Mapping[str, str] | None,
) -> tuple[bytes, list[MemoNote]]:
    """The ``project.qde`` bytes and the memo notes whose texts go beside it."""
    description = project_description(units)
    codings = codings.reset_index(drop=True)
    _check_codings(codings, book, texts)
    if len(documents):
        documents = documents.sort_values("doc_id", kind="stable").reset_index(drop=True)
    root = etree.Element(f"{{{PROJECT_NS}}}Project", nsmap={None: PROJECT_NS})
    root.set("name", _text(name, "the project name"))
    root.set("origin", ORIGIN)
    coders = sorted(set(codings["coder"].astype(str)))
    by_doc = _coding_records(codings)
    first = _earliest(r for records in by_doc.values() for r in records)
    project_time = first[0] if first else FALLBACK_TIME
    doc_ids = documents["doc_id"].astype(str).tolist() if len(documents) else []
    memo_list = memo_notes(memos, codes=book.ids, documents=doc_ids, codings=codings, texts=texts,
                           kinds=memo_kinds, fallback_time=project_time)  # fmt: skip
    people = sorted(set(coders) | {m.author for m in memo_list if m.author})
    if people:
        users = _sub(root, "Users")
        for person in people:
            _sub(users, "User", {"guid": stable_guid("user", person), "name": person, "id": person})
    notes: list[tuple] = []
    code_notes: dict[str, list[str]] = {}
    for code in book.ids:
        memo = book.get(code)["memo"]
        if not is_blank(memo):
            guid = stable_guid("note", "code", code)
            code_notes[code] = [guid]
            where = f"the memo of {code!r}"
            notes.append((guid, f"Mémo : {book.label(code)}", str(memo), where, None, project_time))
    source_notes: dict[str, list[MemoNote]] = {}
    selection_notes: dict[tuple, list[str]] = {}
    for note in memo_list:
        for code in note.codes:
            code_notes.setdefault(code, []).append(note.guid)
        for doc_id in note.documents:
            source_notes.setdefault(doc_id, []).append(note)
        for key in note.codings:
            selection_notes.setdefault(key, []).append(note.guid)
    if len(book):
        colors = book.colors()
        codes = _sub(_sub(root, "CodeBook"), "Codes")
        for code in book.roots():
            _code_element(codes, book, code, memo=True, note_refs=code_notes, colors=colors)
    variables = _document_variables(documents) if len(documents) else {}
    named_cases = groups(documents, "cases") if len(documents) else {}
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
    _cases(root, doc_ids if variables else [], named_cases)
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
            linked = source_notes.get(doc_id, [])
            if linked:  # what QualCoder shows as the source's memo
                where = f"the memos of {doc_id!r}"
                text = source_memo_text((n.name, n.text) for n in linked)
                _sub(source, "Description", text=_text(text, where))
            if records:
                bounds = None
                if units == "utf16":
                    bounds = unit_boundaries(texts[doc_id], units="utf16")[1]
                notes += _selections(source, doc_id, records, bounds, project_time, selection_notes)
            for note in linked:
                _sub(source, "NoteRef", {"targetGUID": note.guid})
            for var, (kind, values) in variables.items():
                if values[i] is None:
                    continue
                value = _sub(source, "VariableValue")
                _sub(value, "VariableRef", {"targetGUID": stable_guid("variable", var)})
                where = f"the attribute {var!r} of {doc_id!r}"
                _sub(value, _VALUE_TAGS[kind], text=_text(_value_text(values[i], kind), where))
    if notes or memo_list:
        element = _sub(root, "Notes")
        for note in notes:
            _note(element, *note)
        for memo in memo_list:
            _memo_note(element, memo)
    _sets(root, groups(documents, "sets") if len(documents) else {})
    _sub(root, "Description", text=description)
    for memo in memo_list:
        if memo.project:
            _sub(root, "NoteRef", {"targetGUID": memo.guid})
    return _serialise(root), memo_list


def _memo_note(notes: etree._Element, memo: MemoNote) -> None:
    """A memo file's ``Note``: its text in a file of the archive, its kind and id described."""
    where = f"the memo {memo.memo_id!r}"
    attrib = {
        "guid": memo.guid,
        "name": _text(memo.name, where),
        "plainTextPath": f"internal://{memo.guid}.txt",
    }
    if memo.author is not None:
        attrib["creatingUser"] = stable_guid("user", memo.author)
    attrib["creationDateTime"] = memo.when
    note = _sub(notes, "Note", attrib)
    _sub(note, "Description", text=_text(memo.description, where))
    _text(memo.text, where)


def _cases(root: etree._Element, doc_ids: Sequence[str], named: Mapping[str, list[str]]) -> None:
    """``Cases``: the named cases of the ``cases`` attribute, and a case per other document.

    A named case links its documents by ``SourceRef``; a document in no named
    case has its own case, named by its id. Variable values stay the sources'
    (a client that reads both counts them twice, and QualCoder turns a variable
    valued in a named case into a case variable).
    """
    in_named = {doc_id for members in named.values() for doc_id in members}
    alone = [doc_id for doc_id in doc_ids if doc_id not in in_named]
    if not named and not alone:
        return
    cases = _sub(root, "Cases")
    for case_name, members in named.items():
        attrib = {"guid": stable_guid("case", "named", case_name), "name": case_name}
        case = _sub(cases, "Case", {k: _text(v, "a case name") for k, v in attrib.items()})
        for doc_id in members:
            _sub(case, "SourceRef", {"targetGUID": stable_guid("source", doc_id)})
    for doc_id in alone:
        case = _sub(cases, "Case", {"guid": stable_guid("case", doc_id), "name": doc_id})
        _sub(case, "SourceRef", {"targetGUID": stable_guid("source", doc_id)})


def _sets(root: etree._Element, named: Mapping[str, list[str]]) -> None:
    """``Sets``: one ``Set`` per name of the documents' ``sets`` attribute (none: no element)."""
    if not named:
        return  # an empty <Sets/> is not valid
    element = _sub(root, "Sets")
    for set_name, members in named.items():
        attrib = {"guid": stable_guid("set", set_name), "name": _text(set_name, "a set name")}
        group = _sub(element, "Set", attrib)
        for doc_id in members:
            _sub(group, "MemberSource", {"targetGUID": stable_guid("source", doc_id)})


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
    note_refs: Mapping[tuple, list[str]] | None = None,
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
        parts.append("</Coding>")
        for ref in (note_refs or {}).get((coder, doc_id, start, end, code), ()):
            parts.append(f'<NoteRef targetGUID="{ref}"/>')  # a memo file that links this coding
        parts.append("</PlainTextSelection>")
    if parts:
        wrapper = etree.fromstring(f'<S xmlns="{PROJECT_NS}">{"".join(parts)}</S>')
        source.extend(list(wrapper))
    return notes


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
    memos: pd.DataFrame | None = None,
    memo_kinds: Mapping[str, str] | None = None,
) -> bytes:
    """A whole project as ``.qdpx`` bytes: ``project.qde`` then ``sources/<guid>.txt``.

    The texts of the memo notes follow the documents' (see :func:`qde_bytes`).

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
    qde, memo_list = _project_xml(book, corpus.documents, texts, codings, name=name, units=units,
                                  memos=memos, memo_kinds=memo_kinds)  # fmt: skip
    members = [("project.qde", qde)]
    for doc_id in sorted(corpus.doc_ids):
        guid = stable_guid("source", doc_id)
        members.append((f"sources/{guid}.txt", texts[doc_id].encode("utf-8")))
    members += [(memo.path, memo.text.encode("utf-8")) for memo in memo_list]
    return _zip(members)


def export_qdpx(
    path: str | PathLike,
    book: Codebook,
    corpus: Corpus,
    codings: pd.DataFrame,
    *,
    name: str = "research project",
    units: Units = "code_points",
    memos: pd.DataFrame | None = None,
    memo_kinds: Mapping[str, str] | None = None,
) -> Path:
    """Write a project to a ``.qdpx`` file, atomically (see :func:`qdpx_bytes`)."""
    path = Path(path)
    data = qdpx_bytes(book, corpus, codings, name=name, units=units, memos=memos,
                      memo_kinds=memo_kinds)  # fmt: skip
    atomic_write_bytes(path, data)
    return path


def export_project(
    project,
    path: str | PathLike,
    *,
    coders: Sequence[str] | None = None,
    units: Units = "code_points",
) -> Path:
    """Export a research project as ``.qdpx``, or its codebook as ``.qdc``, by suffix.

    A ``.qdpx`` holds the documents with their attributes, sets and cases, the
    codebook, the codings (with their memos) and the memo files
    (:func:`qde_bytes`).

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
        path,
        project.codebook,
        project.corpus,
        codings,
        name=project.root.name,
        units=units,
        memos=project.memos,
        memo_kinds=project.memo_kinds,
    )
