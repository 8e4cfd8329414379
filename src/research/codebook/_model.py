"""Codebooks: trees of codes written as YAML files, merged into one namespace.

A codebook folder (``codebook/``) holds one YAML file per tree. The file's top
mapping is the tree's root code; its ``id`` is the namespace (``iw``, ``ant``,
``sut``); nested ``codes:`` lists hold the children, each with an ``id`` relative
to its parent. A code's stable id is the dotted path from the root
(``iw.creating.advocacy``). Every tree of every file is merged into one
:class:`Codebook`.

The YAML shape
--------------
::

    # Comments at the top of a file are kept when the file is saved again.
    id: iw                          # namespace (the root code's id)
    label: Travail institutionnel
    codable: false                  # a category: not used for coding itself
    color: "#1b9e77"                # "#rrggbb" or "#rgb"; inherited when absent
    definition: >
      Action intentionnelle d'acteurs visant à créer, maintenir ou perturber des
      institutions.
    references:
      - Lawrence, T. B. & Suddaby, R. (2006). Institutions and institutional work.
    codes:
      - id: creating
        label: Créer des institutions
        codable: false
        level: aggregate            # first_order | second_order | aggregate (Gioia)
        codes:
          - id: advocacy
            label: Plaidoyer
            definition: Mobiliser un soutien politique et réglementaire…
            include: Démarches auprès d'élus ou de financeurs pour…
            exclude: Simple information d'un partenaire (→ ant.interessement)
            example: « On est allés voir le vice-président avec les chiffres. »
            memo: Notes of the team about the code.

The files are read and written by :mod:`research.codebook`
(``load_codebook``, ``read_codebook``, ``save_codebook``, also importable from here).

Keys of a code: ``id`` (required; letters, digits, ``_`` and ``-``), ``label``
(default: the id), ``definition``, ``include``, ``exclude``, ``example``,
``color``, ``codable`` (default ``true``), ``level``, ``memo``, ``references``
(a list of texts) and ``codes`` (the children). The root of a file may also name
a ``parent`` code of another file, to graft its tree under it. Unknown keys,
duplicate keys and duplicate ids are errors that name the file and line.

Examples
--------
>>> import pandas as pd
>>> book = Codebook.from_frame(pd.DataFrame({
...     "code": ["iw", "iw.creating", "iw.creating.advocacy"],
...     "label": ["Travail institutionnel", "Créer", "Plaidoyer"],
...     "codable": [False, False, True]}))
>>> book.descendants("iw")
['iw.creating', 'iw.creating.advocacy']
>>> book.select("iw.*.advocacy")
['iw.creating.advocacy']
>>> print(book.tree())
iw  Travail institutionnel  [category]
└── creating  Créer  [category]
    └── advocacy  Plaidoyer

References
----------
.. [1] Gioia, D. A., Corley, K. G. & Hamilton, A. L. (2013). Seeking qualitative
   rigor in inductive research: notes on the Gioia methodology. *Organizational
   Research Methods*, 16(1), 15-31.
"""

from __future__ import annotations

import difflib
import fnmatch
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

import pandas as pd

from research import contracts
from research.contracts import is_blank
from research.errors import CodebookError, CodingError, Problem, ValidationFailed, format_location

__all__ = [
    "CODE_COLUMNS",
    "LEVELS",
    "Codebook",
    "add_code",
    "choose_codes",
    "validate_codes",
]

#: Columns of :attr:`Codebook.codes`.
CODE_COLUMNS = list(contracts.CODE_COLUMNS)
#: Allowed ``level`` tags of a Gioia-style data structure [1]_.
LEVELS: tuple[str, ...] = ("first_order", "second_order", "aggregate")
Level = Literal["first_order", "second_order", "aggregate"]

_TEXT_KEYS = ("label", "definition", "include", "exclude", "example", "memo")
_CODE_KEYS = frozenset((*_TEXT_KEYS, "id", "color", "codable", "level", "references", "codes"))
_ROOT_KEYS = _CODE_KEYS | {"parent"}
_ID_PART = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_\-]*$")
_COLOR = re.compile(r"^#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")
#: Colours given to trees that declare none (colour-blind-safe, Okabe & Ito).
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442")


# -- validation -------------------------------------------------------------------------


def _where(row: Mapping[str, Any], which: str = "line") -> dict:
    file = row.get("file")
    line = row.get(f"{which}_line", row.get("line"))
    if _blank(file):
        return {}
    return {"path": file, "line": None if _blank(line) else int(line)}


def _cycle_problems(parents: dict[str, str | None], rows: dict[str, dict]) -> list[Problem]:
    problems: list[Problem] = []
    done: set[str] = set()
    for start in parents:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in parents and node not in done:
            if node in path:
                cycle = [*path[path.index(node) :], node]
                problems.append(
                    Problem(
                        "error",
                        f"codes form a cycle: {' → '.join(cycle)}",
                        **_where(rows[node], "parent"),
                        hint="give one of them another parent",
                    )
                )
                break
            path.append(node)
            node = parents[node]
        done.update(path)
    return problems


def choose_codes(
    available: Iterable[str],
    codes: str | Iterable[str] | None,
    *,
    error: type[Exception] = CodingError,
    where: str = "in these codings",
) -> list[str]:
    """Codes chosen by ids or shell-style patterns (``"iw.*"`` selects a subtree).

    The one rule for every analysis that takes ``codes=``: ``None`` takes every
    available code; a plain id is kept even when nobody used it (its row then shows
    zero); a pattern must match at least one available code, so that a typing
    mistake (``"iv.*"``) is an error and not an empty table. With no code available
    at all (nothing coded yet), nothing is chosen and nothing is raised.

    Returns
    -------
    list of str
        The chosen ids once each, in the order of ``codes`` (the codes a pattern
        matches in alphabetical order); every available code, sorted, for ``None``.

    Raises
    ------
    CodingError (or ``error``)
        When a pattern matches none of the available codes.

    Examples
    --------
    >>> used = ["iw.creating.advocacy", "iw.maintaining.policing", "ant.enrolment"]
    >>> choose_codes(used, "iw.*")
    ['iw.creating.advocacy', 'iw.maintaining.policing']
    >>> choose_codes(used, ["ant.enrolment", "iw.disrupting.sanctions"])
    ['ant.enrolment', 'iw.disrupting.sanctions']
    >>> choose_codes(used, "iv.*")
    Traceback (most recent call last):
    ...
    research.errors.CodingError: no code in these codings matches 'iv.*' (codes: ant.enrolment, iw.creating.advocacy, iw.maintaining.policing)
    """
    pool = sorted({str(c) for c in available})
    if codes is None:
        return pool
    patterns = [codes] if isinstance(codes, str) else [str(c) for c in codes]
    chosen: list[str] = []
    for pattern in patterns:
        if not any(ch in pattern for ch in "*?["):
            chosen.append(pattern)
            continue
        hits = [c for c in pool if fnmatch.fnmatchcase(c, pattern)]
        if pool and not hits:
            listed = ", ".join(pool[:10]) + (", …" if len(pool) > 10 else "")
            raise error(f"no code {where} matches {pattern!r} (codes: {listed})")
        chosen.extend(hits)
    return list(dict.fromkeys(chosen))


def validate_codes(rows: Iterable[Mapping[str, Any]]) -> list[Problem]:
    """Every problem of a list of code rows: ids, parents, cycles, colours, levels.

    Each problem names the file and line recorded in the rows (``file``,
    ``line``), so the researcher can find the code.

    Examples
    --------
    >>> rows = [{"code": "a", "parent": None}, {"code": "a.b", "parent": "a", "color": "red"},
    ...         {"code": "a.b", "parent": "a"}, {"code": "x.y", "parent": "x"}]
    >>> [p.message for p in validate_codes(rows)]  # doctest: +NORMALIZE_WHITESPACE
    ["code 'a.b' has the colour 'red', not '#rrggbb' or '#rgb'",
     "duplicate code id 'a.b' (first defined at an earlier row)",
     "code 'x.y' names the parent 'x', which is not a code"]
    """
    rows = list(rows)
    problems: list[Problem] = []
    first: dict[str, dict] = {}
    for row in rows:
        code = row["code"]
        if code in first:
            earlier = _where(first[code])
            place = (
                format_location(earlier.get("path"), line=earlier.get("line")) or "an earlier row"
            )
            problems.append(
                Problem(
                    "error",
                    f"duplicate code id {code!r} (first defined at {place})",
                    **_where(row),
                    hint="ids must be unique across all codebook files; rename one",
                )
            )
            continue
        first[code] = dict(row)
        color = row.get("color")
        if not _blank(color) and not _COLOR.match(str(color)):
            problems.append(
                Problem(
                    "error",
                    f"code {code!r} has the colour {color!r}, not '#rrggbb' or '#rgb'",
                    **_where(row, "color"),
                    hint='write a hexadecimal colour in quotes, e.g. "#1b9e77"',
                )
            )
        level = row.get("level")
        if not _blank(level) and level not in LEVELS:
            problems.append(
                Problem(
                    "error",
                    f"code {code!r} has the level {level!r}",
                    **_where(row, "level"),
                    hint=f"use one of {', '.join(LEVELS)}",
                )
            )
    parents = {}
    for code, row in first.items():
        parent = row.get("parent")
        parent = None if _blank(parent) else str(parent)
        parents[code] = parent
        if parent is not None and parent not in first:
            close = difflib.get_close_matches(parent, list(first), n=1)
            problems.append(
                Problem(
                    "error",
                    f"code {code!r} names the parent {parent!r}, which is not a code",
                    **_where(row, "parent"),
                    hint=f"did you mean {close[0]!r}?" if close else "define the parent first",
                )
            )
    problems += _cycle_problems(parents, first)
    for code, parent in parents.items():
        if parent is not None and parent in first and not code.startswith(parent + "."):
            problems.append(
                Problem(
                    "error",
                    f"code {code!r} has the parent {parent!r} but its id is not under it",
                    **_where(first[code], "parent"),
                    hint=f"a code's id is its parent's id, a dot and a name: '{parent}.{code.rsplit('.', 1)[-1]}'",
                )
            )
        elif parent is None and "." in code:
            problems.append(
                Problem(
                    "error",
                    f"code {code!r} has a dotted id but no parent",
                    **_where(first[code]),
                    hint=f"set its parent to {code.rsplit('.', 1)[0]!r}",
                )
            )
    return problems


# -- the Codebook -------------------------------------------------------------------------


_blank = is_blank


class Codebook:
    """A tree of codes, merged from one or more codebook files.

    Build one with :func:`load_codebook` (from a folder) or :meth:`from_frame`.
    A codebook is immutable in use: operations (see :mod:`research.coding`)
    return new codebooks. Reading and writing the YAML files is
    :mod:`research.codebook`'s business.

    Examples
    --------
    >>> book = Codebook.from_frame(pd.DataFrame({"code": ["a", "a.b", "a.c"]}))
    >>> book.children("a"), book.ancestors("a.c"), "a.b" in book
    (['a.b', 'a.c'], ['a'], True)
    """

    def __init__(self, codes: pd.DataFrame, *, headers: Mapping[str, str] | None = None) -> None:
        frame = codes.reset_index(drop=True)
        self._codes = frame
        self.headers = dict(headers or {})
        self._index = {code: i for i, code in enumerate(frame["code"])}
        self._children: dict[str | None, list[str]] = {}
        for code, parent in zip(frame["code"], frame["parent"], strict=True):
            self._children.setdefault(None if _blank(parent) else parent, []).append(code)

    # -- construction ----------------------------------------------------------------
    @classmethod
    def from_frame(
        cls, frame: pd.DataFrame, *, headers: Mapping[str, str] | None = None
    ) -> Codebook:
        """Build a codebook from a table of codes (``code`` is the only required column).

        Missing columns get defaults: ``parent`` from the dotted id, ``label`` from
        its last part, ``codable`` true, ``file`` ``<namespace>.yaml`` (or the
        parent's file). Rows are put in tree order (parents first, siblings in the
        order given).

        Raises
        ------
        CodebookError
            When ``code`` is missing.
        ValidationFailed
            Listing every invalid id, parent, cycle, colour or level.
        """
        if "code" not in frame.columns:
            raise CodebookError(
                "a table of codes needs a 'code' column",
                hint=f"columns are {', '.join(CODE_COLUMNS)}",
            )
        rows = []
        for record in frame.to_dict("records"):
            row = {key: record.get(key) for key in CODE_COLUMNS}
            row.update({k: v for k, v in record.items() if k.endswith("_line")})
            row["code"] = str(row["code"]).strip()
            if "parent" not in frame.columns:
                row["parent"] = row["code"].rsplit(".", 1)[0] if "." in row["code"] else None
            rows.append(_normalise_row(row))
        problems = validate_codes(rows)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise ValidationFailed(errors)
        return cls(_tree_frame(rows), headers=headers)

    # -- access ----------------------------------------------------------------------------
    @property
    def codes(self) -> pd.DataFrame:
        """The codes table (a copy), in tree order, with :data:`CODE_COLUMNS`."""
        return self._codes.copy()

    @property
    def ids(self) -> list[str]:
        """Every code id, in tree order."""
        return self._codes["code"].tolist()

    def __len__(self) -> int:
        return len(self._codes)

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __contains__(self, code: object) -> bool:
        return code in self._index

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Codebook):
            return NotImplemented
        columns = [c for c in CODE_COLUMNS if c != "line"]
        return self._codes[columns].equals(other._codes[columns])

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        roots = ", ".join(self.roots())
        return f"<Codebook: {len(self)} codes in {len(self.roots())} trees ({roots})>"

    def check(self, code: str) -> str:
        """Return ``code`` if it exists, else raise :class:`CodebookError` with a suggestion."""
        if code in self._index:
            return code
        close = difflib.get_close_matches(str(code), self.ids, n=3)
        hint = f"did you mean {' or '.join(map(repr, close))}?" if close else "see codebook.tree()"
        raise CodebookError(f"unknown code {code!r}", hint=hint)

    def get(self, code: str) -> pd.Series:
        """The row of one code.

        Raises
        ------
        CodebookError
            When the code is unknown (with the nearest ids as a hint).
        """
        return self._codes.iloc[self._index[self.check(code)]].copy()

    def label(self, code: str) -> str:
        """The label of a code."""
        return str(self._codes.at[self._index[self.check(code)], "label"])

    def is_codable(self, code: str) -> bool:
        """Whether a code may be used for coding (categories may not)."""
        return bool(self._codes.at[self._index[self.check(code)], "codable"])

    def roots(self) -> list[str]:
        """The top codes of every tree (the namespaces)."""
        return list(self._children.get(None, []))

    def children(self, code: str) -> list[str]:
        """The direct children of a code, in order."""
        return list(self._children.get(self.check(code), []))

    def descendants(self, code: str) -> list[str]:
        """Every code under ``code`` (not itself), depth first, in tree order."""
        found: list[str] = []
        stack = list(reversed(self.children(code)))
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(reversed(self._children.get(node, [])))
        return found

    def ancestors(self, code: str) -> list[str]:
        """The parents of ``code``, nearest first, up to its root."""
        found = []
        parent = self._codes.at[self._index[self.check(code)], "parent"]
        while not _blank(parent):
            found.append(parent)
            parent = self._codes.at[self._index[parent], "parent"]
        return found

    def depth(self, code: str) -> int:
        """0 for a root, 1 for its children, and so on."""
        return len(self.ancestors(code))

    def root_of(self, code: str) -> str:
        """The namespace (root code) a code belongs to."""
        chain = self.ancestors(code)
        return chain[-1] if chain else self.check(code)

    def select(self, pattern: str | Iterable[str], *, codable: bool | None = None) -> list[str]:
        """Code ids matching shell-style patterns, in tree order.

        Parameters
        ----------
        pattern : str or iterable of str
            ``fnmatch`` patterns: ``"iw.*"`` (every code under ``iw``),
            ``"*.advocacy"``, ``"ant.enrolment"``.
        codable : bool, optional
            Keep only codable codes (``True``) or only categories (``False``).

        Examples
        --------
        >>> book = Codebook.from_frame(pd.DataFrame({"code": ["a", "a.b", "c"]}))
        >>> book.select("a*"), book.select(["c", "a.?"])
        (['a', 'a.b'], ['a.b', 'c'])
        """
        patterns = [pattern] if isinstance(pattern, str) else list(pattern)
        chosen = [c for c in self.ids if any(fnmatch.fnmatchcase(c, p) for p in patterns)]
        if codable is not None:
            chosen = [c for c in chosen if self.is_codable(c) == codable]
        return chosen

    def expand(self, code: str, *, include_children: bool = True) -> list[str]:
        """``code`` and, when asked, its descendants."""
        return [self.check(code), *(self.descendants(code) if include_children else [])]

    def colors(self) -> dict[str, str]:
        """The colour shown for each code: its own, its nearest ancestor's, or a palette colour."""
        result: dict[str, str] = {}
        roots = self.roots()
        for code, parent, color in zip(
            self._codes["code"], self._codes["parent"], self._codes["color"], strict=True
        ):
            if not _blank(color):
                result[code] = _long_color(str(color))
            elif not _blank(parent):
                result[code] = result[parent]
            else:
                result[code] = PALETTE[roots.index(code) % len(PALETTE)]
        return result

    # -- displays ------------------------------------------------------------------------
    def tree(self, code: str | None = None, *, ids: Literal["short", "full"] = "short") -> str:
        """A text drawing of the tree (or of one branch), with labels and tags."""
        lines: list[str] = []

        def describe(c: str) -> str:
            row = self._codes.iloc[self._index[c]]
            name = c if ids == "full" or _blank(row["parent"]) else c.rsplit(".", 1)[-1]
            level = "" if _blank(row["level"]) else row["level"]
            tags = [t for t in ("" if row["codable"] else "category", level) if t]
            suffix = f"  [{', '.join(tags)}]" if tags else ""
            return f"{name}  {row['label']}{suffix}"

        def walk(c: str, prefix: str, last: bool, top: bool) -> None:
            lines.append(
                describe(c) if top else f"{prefix}{'└── ' if last else '├── '}{describe(c)}"
            )
            kids = self._children.get(c, [])
            inner = "" if top else prefix + ("    " if last else "│   ")
            for i, kid in enumerate(kids):
                walk(kid, inner, i == len(kids) - 1, False)

        for root in [self.check(code)] if code else self.roots():
            walk(root, "", True, True)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from research.pages import render_snippet

        colors = self.colors()
        rows = [
            {
                "code": row.code,
                "label": str(row.label),
                "color": colors[row.code],
                "indent": f"{0.4 + 1.2 * self.depth(row.code):g}",
                "category": not row.codable,
                "fields": [str(row.definition or "")],
                "counts": [],
            }
            for row in self._codes.itertuples(index=False)
        ]
        return render_snippet(
            "codebook.html",
            lead=f"{len(self)} codes dans {len(self.roots())} arbre(s)",
            head=["Code", "Libellé", "Définition"],
            rows=rows,
        )


def _long_color(color: str) -> str:
    color = color.lower()
    if len(color) == 4:
        return "#" + "".join(ch * 2 for ch in color[1:])
    return color


def _normalise_row(row: dict) -> dict:
    for key in ("parent", "color", "level", "file", *_TEXT_KEYS):
        value = row.get(key)
        row[key] = None if _blank(value) else (str(value).strip() or None)
    codable = row.get("codable")
    if _blank(codable):
        row["codable"] = True
    elif isinstance(codable, str):
        row["codable"] = codable.strip().lower() in ("true", "1", "yes", "oui", "vrai")
    else:
        row["codable"] = bool(codable)
    refs = row.get("references")
    if isinstance(refs, str):
        refs = [r.strip() for r in refs.split("\n") if r.strip()]
    row["references"] = tuple(refs) if isinstance(refs, list | tuple) else ()
    row["label"] = row["label"] or row["code"].rsplit(".", 1)[-1]
    line = row.get("line")
    row["line"] = None if _blank(line) else int(line)
    return row


def _tree_frame(rows: list[dict]) -> pd.DataFrame:
    """Rows in tree order (parents first), files filled in from parents."""
    by_parent: dict[str | None, list[dict]] = {}
    codes = {r["code"] for r in rows}
    for row in rows:
        parent = row["parent"] if row["parent"] in codes else None
        by_parent.setdefault(parent, []).append(row)
    ordered: list[dict] = []
    stack = list(reversed(by_parent.get(None, [])))
    while stack:
        row = stack.pop()
        ordered.append(row)
        stack.extend(reversed(by_parent.get(row["code"], [])))
    files: dict[str, str] = {}
    for row in ordered:
        if row["file"] is None:
            parent_file = files.get(row["parent"]) if row["parent"] else None
            row["file"] = parent_file or f"{row['code'].split('.')[0]}.yaml"
        files[row["code"]] = row["file"]
    frame = pd.DataFrame(ordered, columns=CODE_COLUMNS)
    for column in ("parent", "color", "level", "file", *_TEXT_KEYS):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    frame["codable"] = frame["codable"].astype(bool)
    frame["line"] = frame["line"].astype("Int64")
    return frame


def add_code(
    book: Codebook,
    code: str,
    *,
    label: str | None = None,
    definition: str | None = None,
    include: str | None = None,
    exclude: str | None = None,
    example: str | None = None,
    color: str | None = None,
    codable: bool = True,
    level: Level | None = None,
    memo: str | None = None,
) -> Codebook:
    """A new codebook with one more code (its parent must exist, unless it is a root).

    Examples
    --------
    >>> book = Codebook.from_frame(pd.DataFrame({"code": ["sut"]}))
    >>> add_code(book, "sut.trust", label="Confiance").children("sut")
    ['sut.trust']
    """
    if code in book:
        raise CodebookError(f"code {code!r} already exists", hint="choose another id")
    parent = code.rsplit(".", 1)[0] if "." in code else None
    if parent is not None:
        book.check(parent)
    if not _ID_PART.match(code.rsplit(".", 1)[-1]):
        raise CodebookError(
            f"{code!r} does not end with a valid name",
            hint="a name holds letters, digits, '_' and '-'",
        )
    row = {
        "code": code,
        "parent": parent,
        "label": label,
        "definition": definition,
        "include": include,
        "exclude": exclude,
        "example": example,
        "color": color,
        "codable": codable,
        "level": level,
        "memo": memo,
        "references": (),
        "file": book._codes.at[book._index[parent], "file"] if parent else None,
        "line": None,
    }
    frame = pd.concat([book.codes, pd.DataFrame([row])], ignore_index=True)
    return Codebook.from_frame(frame, headers=book.headers)


def with_codes_from(
    book: Codebook, source: Codebook | None, codes: Iterable[str]
) -> tuple[Codebook, list[str]]:
    """``book`` with the codes of ``source`` it lacks among ``codes`` (and their parents).

    What another copy of the project (or another program's file) added to its
    codebook comes in with its label, definition, rules and colour; the codes
    ``book`` already has are kept as they are. A new code goes into the file of its
    parent; a new tree into a file of its own (the other copy's file name when this
    codebook has no file of that name, else ``<root>.yaml``).

    Returns
    -------
    codebook : Codebook
    added : list of str
        The codes added, parents first.

    Raises
    ------
    CodebookError
        When a code is in neither codebook, or a new tree has no free file name.

    Examples
    --------
    >>> mine = Codebook.from_frame(pd.DataFrame({"code": ["sut", "sut.trust"]}))
    >>> theirs = Codebook.from_frame(pd.DataFrame(
    ...     {"code": ["sut", "sut.trust", "sut.place", "ant", "ant.enrolment"],
    ...      "label": ["SUT", "Confiance", "Lieu", "ANT", "Enrôlement"]}))
    >>> book, added = with_codes_from(mine, theirs, ["sut.place", "ant.enrolment", "sut.trust"])
    >>> added, book.label("ant.enrolment"), book.get("ant.enrolment")["file"]
    (['ant', 'sut.place', 'ant.enrolment'], 'Enrôlement', 'ant.yaml')
    """
    missing = sorted({str(c) for c in codes} - set(book.ids))
    unknown = [c for c in missing if source is None or c not in source]
    if unknown:
        raise CodebookError(
            f"code(s) {', '.join(unknown[:5])} are in neither codebook",
            hint="add them to the codebook first, or correct the codings",
        )
    if not missing or source is None:
        return book, []
    chain: list[str] = []
    for code in missing:
        for c in [*reversed(source.ancestors(code)), code]:
            if c not in book and c not in chain:
                chain.append(c)
    theirs = source.codes.set_index("code")
    files = dict(zip(book.codes["code"], book.codes["file"], strict=True))
    taken = {str(f) for f in files.values() if not _blank(f)}
    rows = []
    for code in sorted(chain, key=lambda c: (source.depth(c), source.ids.index(c))):
        row = {k: theirs.at[code, k] for k in CODE_COLUMNS if k != "code" and k in theirs.columns}
        row["code"] = code
        parent = row.get("parent")
        if not _blank(parent):
            row["file"] = files[parent]
        else:
            name = str(row.get("file") or f"{code}.yaml")
            if name in taken:
                name = f"{code}.yaml"
            if name in taken:
                raise CodebookError(
                    f"the new tree {code!r} cannot have a file of its own: {name} holds "
                    "another tree",
                    hint="rename one of the two trees' files",
                )
            row["file"] = name
            taken.add(name)
        row["line"] = None
        files[code] = row["file"]
        rows.append(row)
    frame = pd.concat([book.codes, pd.DataFrame(rows)], ignore_index=True)
    added = [row["code"] for row in rows]
    return Codebook.from_frame(frame, headers=book.headers), added
