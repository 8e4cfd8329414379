"""Memos, sets and cases of a project as REFI-QDA notes, sets and cases.

A memo file (:mod:`research.memos`) becomes a ``Note`` whose text is a file
``sources/<guid>.txt`` (``plainTextPath``), named by the memo's title, with its
author as ``creatingUser`` and its date as ``creationDateTime``; the standard's
``NoteRef`` elements say what it is about [1]_: one in each ``Code`` it links, in
each ``TextSource`` it links, in the ``PlainTextSelection`` of each coding it
links, and in the ``Project`` for a memo that links none of these. Its kind, id
and links to other memos are written in the note's ``Description`` as labelled
lines (:func:`memo_mark`), which :mod:`research.exchange._read_memos` reads back.
A client that shows a source's memo in the source's ``Description`` (QualCoder)
gets there the memos that link the source (:func:`source_memo_text`).

A document's ``sets`` attribute (the names of the sets it belongs to) becomes
``Set`` elements with a ``MemberSource`` per document; its ``cases`` attribute
(the names of its cases) becomes named ``Case`` elements with a ``SourceRef`` per
document. Neither is written again as a variable.

References
----------
.. [1] REFI-QDA Standard, "QDA-XML 1.0: Project.xsd", 2019, types ``NoteRefType``,
   ``SetType`` and ``CaseType``; https://www.qdasoftware.org.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from research.contracts import is_blank
from research.exchange._xml import stable_guid

__all__: list[str] = []

#: Document attributes written as REFI-QDA structure rather than variables.
STRUCTURE_COLUMNS = ("sets", "cases")

# Labelled lines of a memo note's Description (French, as the code descriptions).
KIND_LABEL = "Type"
ID_LABEL = "Identifiant"
MEMOS_LABEL = "Mémos liés"
KEPT_LABEL = "Liens non exportés"
DATE_LABEL = "Date"
NO_DATE = "aucune"

_MARK_LINE = re.compile(r"^([^:\n]+?)[ \t\u00a0\u202f]*:[ \t\u00a0\u202f]?(.*)$", re.MULTILINE)
_KIND = re.compile(r"^(\S+)(?:\s+\((.*)\))?$")


@dataclass(frozen=True)
class MemoNote:
    """A memo file as a note: its text, where its ``NoteRef`` elements go."""

    guid: str
    memo_id: str
    name: str
    text: str
    description: str
    author: str | None
    when: str
    codes: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    codings: tuple[tuple, ...] = ()  # (coder, doc_id, start, end, code) of exported codings
    project: bool = False

    @property
    def path(self) -> str:
        """The note's text file in the archive."""
        return f"sources/{self.guid}.txt"


def memo_mark(
    kind: str,
    memo_id: str,
    *,
    label: str | None = None,
    memos: Iterable[str] = (),
    kept: Mapping[str, Any] | None = None,
    dated: bool = True,
) -> str:
    """The ``Description`` of a memo's note: its kind, id, links to memos, links kept aside.

    Examples
    --------
    >>> print(memo_mark("terrain", "soiree", label="notes de terrain", memos=["a", "b"]))
    Type : terrain (notes de terrain)
    Identifiant : soiree
    Mémos liés : a, b
    """
    lines = [f"{KIND_LABEL} : {kind}" + (f" ({label})" if label else ""), f"{ID_LABEL} : {memo_id}"]
    memos = list(memos)
    if memos:
        lines.append(f"{MEMOS_LABEL} : {', '.join(memos)}")
    if not dated:
        lines.append(f"{DATE_LABEL} : {NO_DATE}")
    if kept:
        lines.append(f"{KEPT_LABEL} : {json.dumps(kept, ensure_ascii=False, sort_keys=True)}")
    return "\n".join(lines)


def parse_memo_mark(text: str | None) -> dict[str, Any] | None:
    """The fields of :func:`memo_mark`, or ``None`` when ``text`` is not such a mark.

    Examples
    --------
    >>> parse_memo_mark("Type : terrain (notes de terrain)\\nIdentifiant : soiree\\nMémos liés : a, b")
    {'kind': 'terrain', 'label': 'notes de terrain', 'memo_id': 'soiree', 'memos': ('a', 'b'), 'dated': True, 'kept': {}}
    >>> parse_memo_mark("Une description.") is None
    True
    """
    if not text:
        return None
    fields = {m.group(1).strip(): m.group(2).strip() for m in _MARK_LINE.finditer(text)}
    kind = _KIND.match(fields.get(KIND_LABEL, ""))
    memo_id = fields.get(ID_LABEL, "")
    if kind is None or not memo_id or re.search(r"[:/\\\s]", memo_id):
        return None
    kept: dict[str, Any] = {}
    if fields.get(KEPT_LABEL):
        try:
            kept = json.loads(fields[KEPT_LABEL])
        except ValueError:
            kept = {}
    memos = tuple(m.strip() for m in fields.get(MEMOS_LABEL, "").split(",") if m.strip())
    return {
        "kind": kind.group(1),
        "label": kind.group(2),
        "memo_id": memo_id,
        "memos": memos,
        "dated": fields.get(DATE_LABEL) != NO_DATE,
        "kept": kept if isinstance(kept, dict) else {},
    }


def source_memo_text(notes: Iterable[tuple[str, str]]) -> str:
    """The text of a source's ``Description`` that repeats the memos linking it.

    Each memo is its title, a colon, then its text; memos are separated by a blank line.

    Examples
    --------
    >>> print(source_memo_text([("Retour de la soirée", "Plus de trois cents personnes.\\n")]))
    Retour de la soirée :
    Plus de trois cents personnes.
    """
    return "\n\n".join(f"{name} :\n{text.strip()}" for name, text in notes)


def _when(date: Any, fallback: str) -> tuple[str, bool]:
    if is_blank(date):
        return fallback, False
    return f"{pd.Timestamp(str(date)).date().isoformat()}T00:00:00Z", True


def _quotes(codings: pd.DataFrame, texts: Mapping[str, str]) -> pd.DataFrame:
    if "quote" in codings and codings["quote"].notna().all():
        return codings
    quotes = [
        texts[d][int(s) : int(e)]
        for d, s, e in zip(codings["doc_id"], codings["start"], codings["end"], strict=True)
    ]
    return codings.assign(quote=quotes)


def memo_notes(
    memos: pd.DataFrame | None,
    *,
    codes: Iterable[str],
    documents: Iterable[str],
    codings: pd.DataFrame,
    texts: Mapping[str, str],
    kinds: Mapping[str, str] | None,
    fallback_time: str,
) -> list[MemoNote]:
    """The notes of the memo files of ``memos`` (coding memos are written with their codings).

    A link to a code, a document or a coding that the export does not hold (an
    unknown id, a coding of a coder left out, a coding not found) is kept in the
    note's ``Description`` so that an import gives it back.
    """
    if memos is None or not len(memos):
        return []
    from research.memos import memo_links, resolve_coding_links

    if "source" in memos:
        memos = memos[memos["source"] == "file"]
    codes, documents = set(codes), set(documents)
    links = memo_links(memos)
    found: dict[tuple, tuple] = {}
    if len(links) and (links["link"] == "coding").any():
        resolved = resolve_coding_links(links, _quotes(codings, texts))
        for row in resolved.to_dict("records"):
            if row["status"] != "missing":
                key = (
                    row["memo_id"],
                    row["coder"],
                    row["doc_id"],
                    row["code"],
                    row["start"],
                    row["quote"],
                )
                found[key] = (row["coder"], row["doc_id"], int(row["found_start"]),
                              int(row["found_end"]), row["code"])  # fmt: skip
    notes = []
    for memo in memos.to_dict("records"):
        memo_id = str(memo["memo_id"])
        kept: dict[str, list] = {}
        mine_codes = [c for c in memo["codes"] or () if c in codes]
        if len(mine_codes) < len(memo["codes"] or ()):
            kept["codes"] = [c for c in memo["codes"] if c not in codes]
        mine_docs = [d for d in memo["documents"] or () if d in documents]
        if len(mine_docs) < len(memo["documents"] or ()):
            kept["documents"] = [d for d in memo["documents"] if d not in documents]
        mine_codings = []
        for link in memo["codings"] or ():
            key = (memo_id, link.coder, link.doc_id, link.code, link.start, link.quote)
            if key in found:
                mine_codings.append(found[key])
            else:
                kept.setdefault("codings", []).append(link.as_mapping())
        when, dated = _when(memo["date"], fallback_time)
        kind = str(memo["kind"])
        label = (kinds or {}).get(kind)
        notes.append(
            MemoNote(
                guid=stable_guid("note", "memo", memo_id),
                memo_id=memo_id,
                name=str(memo["title"] or "") or memo_id,
                text=str(memo["text"] or ""),
                description=memo_mark(
                    kind, memo_id, label=label, memos=memo["memos"] or (), kept=kept, dated=dated
                ),
                author=None if is_blank(memo["author"]) else str(memo["author"]),
                when=when,
                codes=tuple(dict.fromkeys(mine_codes)),
                documents=tuple(dict.fromkeys(mine_docs)),
                codings=tuple(dict.fromkeys(mine_codings)),
                project=not (mine_codes or mine_docs or mine_codings),
            )
        )
    return notes


# -- sets and cases ------------------------------------------------------------------------


def _names(value: Any) -> list[str]:
    """Set or case names of one document's attribute (a name or a list of names)."""
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if not is_blank(v) and str(v).strip()]
    if is_blank(value) or not str(value).strip():
        return []
    return [str(value).strip()]


def groups(documents: pd.DataFrame, column: str) -> dict[str, list[str]]:
    """Name → member doc_ids, from a list attribute (``sets`` or ``cases``), in document order.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["A", "B", "C"], "sets": [["x", "y"], None, "y"]})
    >>> groups(docs, "sets")
    {'x': ['A'], 'y': ['A', 'C']}
    """
    found: dict[str, list[str]] = {}
    if column not in documents.columns:
        return found
    for doc_id, value in zip(documents["doc_id"], documents[column], strict=True):
        for name in _names(value):
            members = found.setdefault(name, [])
            if doc_id not in members:
                members.append(str(doc_id))
    return found


@dataclass
class Grouping:
    """A set or case read from a file: its name, description and members."""

    name: str
    description: str = ""
    documents: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    memos: list[str] = field(default_factory=list)
