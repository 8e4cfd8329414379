"""Reading memos, sets and cases from a REFI-QDA project.

What other programs write, and what becomes of it here:

- A ``Note`` described by this package (:func:`research.exchange._notes.memo_mark`)
  is a memo file again, with its kind, id, title (the note's ``name``), author
  (``creatingUser``), date (``creationDateTime``), text, and links: the codes,
  sources and selections whose ``NoteRef`` names it, and the memos its
  description lists.
- Another program's note that a source or the project refers to, or that
  nothing refers to (QualCoder's journals, a note of a source, QualCoder's
  annotations of a passage), is a memo file too: of kind ``document`` when a
  source refers to it, else ``reflexive``; its id is its name as a slug.
- A note that only codes or codings refer to is the memo of that code or coding
  (the codebook's ``memo``, the codings' ``memo`` column), as before.
- A ``Set`` gives its name to the ``sets`` attribute of its member sources; a
  named ``Case`` gives its name to the ``cases`` attribute of the sources it
  refers to (except the case per document this package writes). A set's or a
  case's description, and a set's codes and notes, come in as a memo linking
  them, so nothing of them is lost.
- Another program's project ``Description`` is a ``methodological`` memo.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from lxml import etree

from research.exchange._notes import Grouping, parse_memo_mark, source_memo_text
from research.exchange._read_qdc import _slug, _unique
from research.exchange._xml import _child, _children, _guid, _local, _text_of
from research.text import normalise

__all__: list[str] = []

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: Where a NoteRef stands that makes its note a memo file rather than a code's or coding's memo.
_MEMO_PLACES = frozenset({"Project", "TextSource", "other"})


@dataclass
class NoteInfo:
    """A ``Note`` as read: its text (normalised, not stripped) and what describes it."""

    guid: str
    name: str
    text: str
    description: str
    user: str | None
    when: str | None
    element: etree._Element

    @property
    def mark(self) -> dict[str, Any] | None:
        return parse_memo_mark(self.description)


def note_places(root: etree._Element) -> dict[str, list[tuple[str, str | None]]]:
    """Note GUID → the ``(place, GUID)`` of each ``NoteRef`` naming it.

    The place is the referring element's name: ``Project``, ``Code``,
    ``TextSource``, ``PlainTextSelection``, ``Coding``, else ``other``. For a
    ``Coding`` the GUID is its selection's.
    """
    q = root.tag[: root.tag.find("}") + 1]
    places: dict[str, list[tuple[str, str | None]]] = {}
    for ref in root.iter(q + "NoteRef"):
        parent = ref.getparent()
        kind = _local(parent)
        owner = parent
        if kind == "Coding":
            owner = parent.getparent()
        elif kind not in ("Project", "Code", "TextSource", "PlainTextSelection"):
            kind = "other"
        places.setdefault(_guid(ref.get("targetGUID")), []).append((kind, _guid(owner.get("guid"))))
    return places


def is_memo_file(note: NoteInfo, places: list[tuple[str, str | None]]) -> bool:
    """Whether a note comes in as a memo file (else: the memo of a code or coding)."""
    return note.mark is not None or not places or any(p in _MEMO_PLACES for p, _ in places)


def _date(when: str | None) -> str | None:
    if when and _DATE.match(when.strip()):
        try:
            return pd.Timestamp(when.strip()).date().isoformat()
        except ValueError:
            return None
    return None


@dataclass
class MemoContext:
    """What the project reader knows when the memos are read."""

    users: Mapping[str, str]  # user GUID → coder name
    default_user: str | None
    code_ids: Mapping[str, str]  # code GUID → code id
    doc_ids: Mapping[str, str]  # source GUID → doc_id (imported sources only)
    selections: Mapping[str, list[tuple]]  # selection GUID → (coder, doc_id, code, start, quote)
    texts: Mapping[str, str]  # doc_id → stored text


def _author(note: NoteInfo, context: MemoContext) -> str | None:
    for guid in (note.user, context.default_user):
        if guid in context.users:
            return context.users[guid]
    return None


def _annotated(note: NoteInfo) -> str:
    """``« passage »`` of an annotation note (QualCoder writes the passage's selection inside)."""
    selection = _child(note.element, "PlainTextSelection")
    if selection is None:
        return ""
    name = (selection.get("name") or "").strip()
    return f" « {name[:60]}{'…' if len(name) > 60 else ''} »" if name else ""


def read_memos(
    notes: Mapping[str, NoteInfo],
    places: Mapping[str, list[tuple[str, str | None]]],
    context: MemoContext,
) -> list[dict[str, Any]]:
    """The memo files among ``notes``: rows with the memo table's fields and ``text``.

    Memos of this package keep their ids; other notes get their name as a slug
    (``memo`` without one), unique in the file. Links to sources not imported
    are left out.
    """
    from research.memos import CodingLink

    memos: list[dict[str, Any]] = []
    taken: set[str] = set()
    foreign: list[tuple[NoteInfo, list]] = []
    for guid, note in notes.items():
        where = places.get(guid, [])
        if not is_memo_file(note, where):
            continue
        mark = note.mark
        if mark is None:
            foreign.append((note, where))
            continue
        taken.add(mark["memo_id"])
        memos.append(_memo_row(note, where, context, mark, CodingLink))
    for note, where in foreign:  # after ours, whose ids are kept
        memos.append(_memo_row(note, where, context, None, CodingLink, taken=taken))
    return memos


def _memo_row(note, where, context, mark, coding_link, *, taken=None) -> dict[str, Any]:
    codes, documents, codings = [], [], []
    for place, owner in where:
        if place == "Code" and owner in context.code_ids:
            codes.append(context.code_ids[owner])
        elif place == "TextSource" and owner in context.doc_ids:
            documents.append(context.doc_ids[owner])
        elif place in ("PlainTextSelection", "Coding"):
            for coder, doc_id, code, start, quote in context.selections.get(owner, ()):
                codings.append(coding_link(coder, doc_id, code, start, quote))
    if mark is not None:
        kept = mark["kept"]
        codes += [str(c) for c in kept.get("codes", ())]
        documents += [str(d) for d in kept.get("documents", ())]
        for link in kept.get("codings", ()):
            try:
                codings.append(coding_link(str(link["coder"]), str(link["doc_id"]),
                                           str(link["code"]), int(link["start"]),
                                           str(link["quote"])))  # fmt: skip
            except (KeyError, TypeError, ValueError):
                continue
        memo_id, kind, memos = mark["memo_id"], mark["kind"], mark["memos"]
        title = note.name if note.name != memo_id else ""
        text = note.text
        date = _date(note.when) if mark["dated"] else None
    else:
        title = note.name.strip() or "Mémo"
        title += _annotated(note) if not note.name.strip() else ""
        memo_id = _unique(_slug(note.name) or "memo", taken if taken is not None else set())
        kind = "document" if any(p == "TextSource" for p, _ in where) else "reflexive"
        memos, date = (), _date(note.when)
        text = note.text.strip() + "\n" if note.text.strip() else ""
    return {
        "memo_id": memo_id,
        "guid": note.guid,
        "title": title,
        "kind": kind,
        "label": mark["label"] if mark else None,
        "date": date,
        "author": _author(note, context),
        "codes": tuple(dict.fromkeys(codes)),
        "documents": tuple(dict.fromkeys(documents)),
        "memos": tuple(memos),
        "codings": tuple(dict.fromkeys(codings)),
        "text": text,
    }


def copies_memos(description: str, source: etree._Element, notes: Mapping[str, NoteInfo]) -> bool:
    """Whether a source's ``Description`` only repeats the memos it refers to (as written here)."""
    refs = [notes.get(_guid(r.get("targetGUID"))) for r in _children(source, "NoteRef")]
    pairs = [(n.name, n.text) for n in refs if n is not None]
    return bool(pairs) and description.strip() == source_memo_text(pairs).strip()


# -- sets and cases ----------------------------------------------------------------------


def read_sets(
    root: etree._Element, code_ids: Mapping[str, str]
) -> list[tuple[Grouping, list[str]]]:
    """Each ``Set`` with its members: ``(grouping with codes, source GUIDs)``; notes by GUID in ``memos``."""
    found = []
    container = _child(root, "Sets")
    for element in _children(container, "Set") if container is not None else []:
        group = Grouping(
            name=(element.get("name") or "").strip() or "ensemble",
            description=normalise(_text_of(_child(element, "Description"))).strip(),
            codes=[
                code_ids[g]
                for r in _children(element, "MemberCode")
                if (g := _guid(r.get("targetGUID"))) in code_ids
            ],
            memos=[_guid(r.get("targetGUID")) for r in _children(element, "MemberNote")],
        )
        sources = [_guid(r.get("targetGUID")) for r in _children(element, "MemberSource")]
        found.append((group, sources))
    return found


def read_cases(
    root: etree._Element, source_names: Mapping[str, str], *, ours: bool
) -> list[tuple[Grouping, list[str]]]:
    """Each named ``Case`` with the GUIDs of its sources.

    The case per document that this package writes (named as its one source) is
    left out when ``ours``; unnamed cases only carry variable values.
    """
    found = []
    container = _child(root, "Cases")
    for element in _children(container, "Case") if container is not None else []:
        name = (element.get("name") or "").strip()
        sources = [_guid(r.get("targetGUID")) for r in _children(element, "SourceRef")]
        if not name or not sources:
            continue
        if ours and len(sources) == 1 and source_names.get(sources[0]) == name:
            continue
        description = normalise(_text_of(_child(element, "Description"))).strip()
        found.append((Grouping(name=name, description=description), sources))
    return found
