"""What a memo is: its columns, its kinds, and one memo file read with its problems.

A memo is a Markdown file under ``corpus/memos/`` whose YAML front matter says
what it is and what it is about::

    ---
    title: Les ateliers comme dispositif d'intéressement
    kind: theoretical
    date: 2024-03-14
    author: camille
    codes: [sut.levers.method, ant.interessement.devices]
    documents: [INT03]
    memos: [methode-canevas]
    codings:
      - {coder: camille, doc_id: INT03, code: sut.levers.method, start: 1234, quote: "En remplissant la case des clients"}
    ---
    Le canevas fait ce que Callon appelle un dispositif d'intéressement…

How a coding is referenced
    A coding has no id of its own: it is its coder, document, offsets and code,
    and its offsets change when the transcript is corrected (``research anchor``)
    while its code changes when the codebook is revised. A memo therefore names
    a coding by what survives both: its ``coder``, ``doc_id`` and ``code`` (the
    code is rewritten with the codebook by :func:`research.memos.rewrite_code_links`),
    its ``quote``, and its ``start`` as a hint only. A link resolves to the
    coding of that coder, document and code whose quote is the same, nearest to
    ``start``; else to the one whose quote is most like it (the rule that
    re-anchors the codings themselves, :func:`research.coding.locate_quote`).

Examples
--------
>>> memo, problems = parse_memo(
...     "---\\nkind: reflexive\\ndate: 2024-03-14\\nauthor: camille\\ncodes: [sut.trust]\\n---\\nMa place.\\n",
...     path="corpus/memos/posture.md")
>>> memo["memo_id"], memo["kind"], memo["codes"], memo["text"], problems
('posture', 'reflexive', ('sut.trust',), 'Ma place.\\n', [])
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any, NamedTuple

from research.errors import InputError, Problem
from research.files import YamlMapping, load_yaml

__all__ = [
    "CODING_MEMO_KIND",
    "FRONT_MATTER_KEYS",
    "LINK_COLUMNS",
    "LINK_KINDS",
    "MEMO_COLUMNS",
    "MEMO_KINDS",
    "CodingLink",
    "parse_memo",
]

#: The kinds every project knows (their French names: :data:`research.vocabulary.MEMO_KIND_LABELS`);
#: a project declares its own in ``research.yaml`` (``memos: {kinds: {terrain: notes de terrain}}``).
MEMO_KINDS: tuple[str, ...] = ("theoretical", "methodological", "reflexive", "code", "document")
#: The kind of the memos written in the ``memo`` column of the coder files.
CODING_MEMO_KIND = "coding"

#: Columns of the memos table (:func:`research.memos.read_memos`, ``project.memos``).
MEMO_COLUMNS = (
    "memo_id",  # the front matter's ``id``, else the file name without ``.md``
    "kind",  # one of MEMO_KINDS, a kind of the project, or "coding"
    "title",  # "" when none
    "date",  # ISO date text ("2024-03-14"), or None
    "author",  # who wrote it (the coder, for a coding memo), or None
    "text",  # the Markdown body, as written
    "codes",  # tuple of code ids
    "documents",  # tuple of doc_ids
    "codings",  # tuple of CodingLink
    "memos",  # tuple of memo ids
    "path",  # the file, relative to the project (the coder file for a coding memo)
    "line",  # the line where the text starts in that file (the row, for a coding memo)
    "source",  # "file" or "coding"
    "key_lines",  # the line of each key of the front matter, and "codings_lines" (for messages)
)
#: Columns of the links table (:func:`research.memos.memo_links`): one row per link.
LINK_COLUMNS = (
    "memo_id",
    "link",  # "code", "document", "memo" or "coding"
    "target",  # the code id, doc_id or memo id; for a coding "coder/doc_id@start code"
    "coder",  # codings only
    "doc_id",  # documents and codings
    "code",  # codes and codings
    "start",  # codings only: where the coding was when the memo named it
    "end",
    "quote",
    "path",
    "line",  # the line of the link in the memo file
)
#: The kinds of link, in the order they are listed.
LINK_KINDS = ("code", "document", "coding", "memo")
#: Keys of a memo's front matter.
FRONT_MATTER_KEYS = (
    "id",
    "title",
    "kind",
    "date",
    "author",
    "codes",
    "documents",
    "memos",
    "codings",
)
_CODING_KEYS = ("coder", "doc_id", "code", "start", "quote")
_FORBIDDEN_ID = re.compile(r"[:/\\\s]")


class CodingLink(NamedTuple):
    """A memo's link to a coding: coder, document, code, its start then, its quote.

    See the module notes for how a link finds its coding after the text or the
    codebook changed.
    """

    coder: str
    doc_id: str
    code: str
    start: int
    quote: str

    @property
    def end(self) -> int:
        """Where the coding ended when the memo named it."""
        return self.start + len(self.quote)

    def describe(self) -> str:
        """``camille/INT03@1234 sut.levers.method``.

        Examples
        --------
        >>> CodingLink("camille", "INT03", "sut.trust", 12, "la SCIC").describe()
        'camille/INT03@12 sut.trust'
        """
        return f"{self.coder}/{self.doc_id}@{self.start} {self.code}"

    def as_mapping(self) -> dict[str, Any]:
        """The link as written in a front matter."""
        return {
            "coder": self.coder,
            "doc_id": self.doc_id,
            "code": self.code,
            "start": self.start,
            "quote": self.quote,
        }


# -- one memo file ------------------------------------------------------------------------------


def _front_matter(text: str, path: str) -> tuple[YamlMapping, str, int]:
    """Front matter (mappings knowing their lines), body, and the line the body starts on."""
    from research.corpus.loaders import split_front_matter

    _, body, body_line = split_front_matter(text, path=path)  # checks and names errors
    if body_line == 0:
        raise InputError(
            "a memo starts with a front matter between two '---' lines",
            path=path,
            line=1,
            hint="begin the file with '---', 'kind: theoretical', 'date: 2024-03-14', '---'",
        )
    source = "\n".join(text.split("\n")[1 : body_line - 1]) + "\n"
    meta = load_yaml(source, path=path, lines=True, line_offset=1)
    return (meta if isinstance(meta, YamlMapping) else YamlMapping()), body, body_line + 1


def _text_value(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


class _Reader:
    """Reads the values of one front matter, collecting problems with their lines."""

    def __init__(self, meta: YamlMapping, path: str) -> None:
        self.meta, self.path = meta, path
        self.problems: list[Problem] = []

    def line(self, key: str) -> int | None:
        return self.meta.key_lines.get(key, self.meta.line or None)

    def problem(self, severity: str, key: str, message: str, hint: str | None = None) -> None:
        self.problems.append(
            Problem(severity, message, path=self.path, line=self.line(key), hint=hint)  # type: ignore[arg-type]
        )

    def ids(self, key: str, what: str) -> tuple[str, ...]:
        value = self.meta.get(key)
        if value is None:
            return ()
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            value = [value]
        if not isinstance(value, list) or any(isinstance(v, dict | list) for v in value):
            self.problem(
                "error",
                key,
                f"'{key}' must be a list of {what}",
                f"write {key}: [first, second]",
            )
            return ()
        found = [str(v).strip() for v in value if v is not None and str(v).strip()]
        return tuple(dict.fromkeys(found))

    def date(self) -> str | None:
        value = self.meta.get("date")
        if value is None:
            self.problem("warning", "date", "the memo has no date", "add a line date: 2024-03-14")
            return None
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        try:
            return dt.date.fromisoformat(str(value).strip()).isoformat()
        except ValueError:
            self.problem(
                "error",
                "date",
                f"the date {value!r} is not an ISO date",
                "write the date as 2024-03-14",
            )
            return None

    def codings(self) -> list[tuple[CodingLink, int | None]]:
        """The coding links, each with its line."""
        value = self.meta.get("codings")
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(
                "error",
                "codings",
                "'codings' must be a list of codings, each with coder, doc_id, code, start and quote",
                "write each as - {coder: camille, doc_id: INT03, code: x, start: 12, quote: ...}"
                " (research memo new --coding writes it for you)",
            )
            return []
        links = []
        for item in value:
            line = getattr(item, "line", None) or self.line("codings")
            missing = [k for k in _CODING_KEYS if not isinstance(item, dict) or item.get(k) is None]
            if missing:
                self.problems.append(
                    Problem(
                        "error",
                        f"a coding of 'codings' lacks {', '.join(missing)}",
                        path=self.path,
                        line=line,
                        hint="a coding is named by coder, doc_id, code, start and quote",
                    )
                )
                continue
            try:
                start = int(item["start"])
            except (TypeError, ValueError):
                self.problems.append(
                    Problem(
                        "error",
                        f"the start {item['start']!r} of a coding is not a whole number",
                        path=self.path,
                        line=line,
                    )
                )
                continue
            link = CodingLink(
                str(item["coder"]).strip(),
                str(item["doc_id"]).strip(),
                str(item["code"]).strip(),
                start,
                str(item["quote"]),
            )
            links.append((link, line))
        return links


def _kind(reader: _Reader, kinds: Mapping[str, str]) -> str | None:
    kind = _text_value(reader.meta.get("kind"))
    known = {**dict.fromkeys(MEMO_KINDS, ""), **kinds}
    if kind is None:
        reader.problem(
            "error",
            "kind",
            "the memo has no kind",
            f"add a line kind: … with one of {', '.join(known)}",
        )
        return None
    if kind == CODING_MEMO_KIND:
        reader.problem(
            "error",
            "kind",
            "the kind 'coding' is kept for the memos of the coder files",
            "give the memo another kind and name the coding under 'codings:'",
        )
        return None
    if kind not in known:
        close = difflib.get_close_matches(kind, list(known), n=1)
        reader.problem(
            "error",
            "kind",
            f"unknown kind of memo {kind!r}",
            (f"did you mean {close[0]!r}? " if close else "")
            + f"the kinds are {', '.join(known)}; declare the project's own in research.yaml "
            "under memos: {kinds: {name: label}}",
        )
        return None
    return kind


def parse_memo(
    text: str,
    *,
    path: str | PurePath,
    kinds: Mapping[str, str] | None = None,
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """One memo file read into a row of the memos table, with its problems.

    Parameters
    ----------
    text : str
        The decoded, normalised text of the file.
    path : path-like
        The file as shown in messages (relative to the project); the memo's id
        is its name without ``.md`` unless the front matter gives ``id``.
    kinds : mapping, optional
        The project's own kinds of memo and their French labels.

    Returns
    -------
    memo : dict or None
        A row with :data:`MEMO_COLUMNS` (``None`` when the front matter cannot
        be read at all).
    problems : list of Problem
        Each with the file and line: an unreadable front matter, a missing or
        unknown kind, a bad date, links that are not lists. An unknown key is a
        warning naming the nearest known one.

    Examples
    --------
    >>> memo, problems = parse_memo("---\\nkind: theorique\\n---\\nTexte.\\n", path="m.md")
    >>> print([p for p in problems if p.severity == "error"][0].format())
    error: m.md, line 2: unknown kind of memo 'theorique' (hint: did you mean 'theoretical'? ...)
    """
    shown = PurePath(path).as_posix()
    try:
        meta, body, body_line = _front_matter(text, shown)
    except InputError as exc:
        return None, [exc.to_problem()]
    reader = _Reader(meta, shown)
    for key in meta:
        if key not in FRONT_MATTER_KEYS:
            close = difflib.get_close_matches(str(key), FRONT_MATTER_KEYS, n=1)
            reader.problem(
                "warning",
                key,
                f"unknown key {key!r} in the memo's front matter; it is kept but not read",
                f"did you mean {close[0]!r}?" if close else f"keys: {', '.join(FRONT_MATTER_KEYS)}",
            )
    memo_id = _text_value(meta.get("id")) or PurePath(path).stem
    if _FORBIDDEN_ID.search(memo_id):
        reader.problem(
            "error",
            "id",
            f"the memo id {memo_id!r} holds a space, ':' or '/'",
            "rename the file (or set id:) with letters, digits, '-', '_' and '.'",
        )
    if meta.get("author") is None:
        reader.problem("warning", "author", "the memo has no author", "add a line author: …")
    codings = reader.codings()
    memo = {
        "memo_id": memo_id,
        "kind": _kind(reader, kinds or {}),
        "title": _text_value(meta.get("title")) or "",
        "date": reader.date(),
        "author": _text_value(meta.get("author")),
        "text": body,
        "codes": reader.ids("codes", "code ids"),
        "documents": reader.ids("documents", "document ids"),
        "codings": tuple(link for link, _ in codings),
        "memos": reader.ids("memos", "memo ids"),
        "path": shown,
        "line": body_line,
        "source": "file",
        "key_lines": {
            **{str(k): v for k, v in meta.key_lines.items()},
            "codings_lines": tuple(line for _, line in codings),
        },
    }
    return memo, reader.problems
