"""The Gioia data structure: first-order concepts, second-order themes, aggregate dimensions.

Gioia, Corley & Hamilton (2013) show an inductive analysis as three columns: the
first-order concepts (close to the informants' words), the second-order themes
the researcher draws from them, and the aggregate dimensions that gather the
themes. Here the structure is read from the codebook's ``level`` tags
(``first_order``, ``second_order``, ``aggregate``): a concept belongs to the
nearest code above it tagged ``second_order``, a theme to the nearest above it
tagged ``aggregate``. A coding counts for the nearest code at or above its code
that has a level, and for every level above that one.

:func:`gioia_structure` gives the structure as a table (one row per concept,
or per theme when there are no concepts) with the number of codings and of
documents at each level and, optionally, one example quote per row;
:func:`plot_gioia` draws the figure management journals expect. A codebook
without levels, or with only some, gets a French statement of what is missing
(:attr:`GioiaStructure.message`).

References
----------
.. [1] Gioia, D. A., Corley, K. G. & Hamilton, A. L. (2013). Seeking qualitative
   rigor in inductive research: notes on the Gioia methodology. *Organizational
   Research Methods*, 16(1), 15-31.

Examples
--------
>>> import pandas as pd
>>> from research.codebook import Codebook
>>> book = Codebook.from_frame(pd.DataFrame({
...     "code": ["t", "t.dim", "t.dim.theme", "t.dim.theme.a", "t.dim.theme.b"],
...     "level": [None, "aggregate", "second_order", "first_order", "first_order"]}))
>>> codings = pd.DataFrame({"doc_id": ["D1", "D1", "D2"], "start": [0, 5, 0], "end": [4, 9, 4],
...                         "code": ["t.dim.theme.a", "t.dim.theme.b", "t.dim.theme.a"]})
>>> structure = gioia_structure(book, codings)
>>> structure.table[["first_order", "codings", "documents", "second_order_codings"]].values.tolist()
[['t.dim.theme.a', 2, 2, 3], ['t.dim.theme.b', 1, 1, 3]]
>>> structure.complete
True
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from research.contracts import is_blank
from research.vocabulary import LEVEL_LABELS

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from research.codebook import Codebook

__all__ = ["GIOIA_COLUMNS", "GioiaStructure", "gioia_structure", "plot_gioia"]

_LEVELS = ("first_order", "second_order", "aggregate")
_ONE = {"first_order": "concept de premier ordre", "second_order": "thème de second ordre",
        "aggregate": "dimension agrégée"}  # fmt: skip
_RANK = {level: i for i, level in enumerate(_LEVELS)}
#: Columns of :attr:`GioiaStructure.table`.
GIOIA_COLUMNS = (
    "aggregate",
    "aggregate_label",
    "second_order",
    "second_order_label",
    "first_order",
    "first_order_label",
    "codings",  # of the row's own item (the concept, else the theme, else the dimension)
    "documents",
    "second_order_codings",  # of the whole theme
    "aggregate_codings",  # of the whole dimension
    "example",
    "example_source",
)


@dataclass(frozen=True)
class GioiaStructure:
    """A Gioia data structure read from a codebook.

    Attributes
    ----------
    table : DataFrame
        One row per first-order concept (per theme when there are none, per
        dimension when there are neither), with :data:`GIOIA_COLUMNS`, in the
        order of the codebook.
    levels : tuple of str
        The levels the codebook declares (in the order first → aggregate).
    missing : tuple of str
        The levels it does not declare.
    notes : tuple of str
        French sentences about codes out of place (a concept without a theme…)
        and codings of codes without a level.
    scope : str
        The tree or branch read (``"iw"``), or ``""`` for the whole codebook.
    """

    table: pd.DataFrame = field(repr=False)
    levels: tuple[str, ...]
    missing: tuple[str, ...]
    notes: tuple[str, ...] = ()
    scope: str = ""

    @property
    def complete(self) -> bool:
        """Whether the three levels are declared."""
        return not self.missing

    @property
    def empty(self) -> bool:
        """Whether no code of the scope has a level (nothing to draw)."""
        return not self.levels

    @property
    def message(self) -> str:
        """A French Markdown paragraph: what the structure shows, and what is missing."""
        where = f"de l'arbre `{self.scope}`" if self.scope else "du livre de codes"
        if self.empty:
            return (
                f"Aucun code {where} n'a de niveau Gioia : la structure des données "
                "(Gioia, Corley et Hamilton, 2013) se lit dans le livre de codes, où chaque "
                "code reçoit `level: first_order` (concept de premier ordre), `level: "
                "second_order` (thème de second ordre) ou `level: aggregate` (dimension "
                "agrégée) ; un concept se rattache au thème au-dessus de lui, un thème à la "
                "dimension au-dessus de lui (voir `codebook/README.md`)."
            )
        shown = " → ".join(LEVEL_LABELS[level] for level in self.levels)
        text = f"Structure des données {where} : {shown}"
        n = len(self.table)
        text += f" ({n} ligne{'s' if n > 1 else ''})."
        if self.missing:
            names = " et les ".join(LEVEL_LABELS[level] for level in self.missing)
            tags = ", ".join(f"`level: {level}`" for level in self.missing)
            text += (
                f" Les {names} manquent : aucun code {where} n'a {tags} ; la figure "
                "montre les seuls niveaux déclarés. Pour une structure complète, "
                "marquez ces codes dans `codebook/*.yaml`."
            )
        if self.notes:
            text += " " + " ".join(self.notes)
        return text

    def _repr_markdown_(self) -> str:
        return self.message


def _scope_codes(codes: pd.DataFrame, book: Codebook, root: str | None) -> pd.DataFrame:
    if root is None:
        return codes
    keep = set(book.expand(root))
    return codes[codes["code"].isin(keep)]


def _nearest(code: str, parents: dict[str, Any], level: dict[str, str | None],
             wanted: str) -> str | None:  # fmt: skip
    parent = parents.get(code)
    while not is_blank(parent):
        if level.get(parent) == wanted:
            return parent
        parent = parents.get(parent)
    return None


def _owner(code: str, parents: dict[str, Any], level: dict[str, str | None]) -> str | None:
    node: Any = code
    while not is_blank(node) and node in parents:
        if level.get(node):
            return node
        node = parents.get(node)
    return None


def _examples(
    codings: pd.DataFrame, owners: pd.Series, documents: pd.DataFrame | None, max_chars: int
) -> dict[str, tuple[str, str]]:
    """The first coding of each owner (documents by date, then text order), as a quote."""
    from research.analysis._quote_table import quotes_table

    frame = codings.assign(_owner=owners.to_numpy())
    frame = frame[frame["_owner"].notna() & frame["quote"].map(lambda q: not is_blank(q))]
    if not len(frame):
        return {}
    if documents is not None and "date" in documents:
        dates = documents.drop_duplicates("doc_id").set_index("doc_id")["date"].astype(str)
        frame = frame.assign(_date=frame["doc_id"].map(dates).fillna(""))
    else:
        frame = frame.assign(_date="")
    frame = frame.sort_values(["_date", "doc_id", "start", "end"], kind="stable")
    first = frame.drop_duplicates("_owner").reset_index(drop=True)
    quoted = quotes_table(first, documents=documents, max_chars=max_chars)
    return {
        owner: (verbatim, reference)
        for owner, verbatim, reference in zip(
            first["_owner"], quoted["verbatim"], quoted["reference"], strict=True
        )
    }


def gioia_structure(
    codebook: Codebook,
    codings: pd.DataFrame | None = None,
    *,
    root: str | None = None,
    examples: bool = False,
    documents: pd.DataFrame | None = None,
    max_chars: int = 140,
) -> GioiaStructure:
    """The Gioia data structure of a codebook, with counts and example quotes.

    Parameters
    ----------
    codebook : Codebook
        Codes tagged with ``level`` (see the module notes).
    codings : pandas.DataFrame, optional
        The codings to count (one coder's: several coders would count a passage
        twice); without them every count is 0.
    root : str, optional
        Read only this tree or branch (``"iw"``).
    examples : bool
        Add one example quote per row (``example``, ``example_source``): the
        first passage of its item, documents in date order.
    documents : pandas.DataFrame, optional
        The documents table, for the date order and the references of examples.
    max_chars : int
        Longest example quote (cut with ``[…]``).

    Returns
    -------
    GioiaStructure

    Raises
    ------
    CodebookError
        When ``root`` is not a code.

    References
    ----------
    .. [1] Gioia, D. A., Corley, K. G. & Hamilton, A. L. (2013). Seeking qualitative
       rigor in inductive research: notes on the Gioia methodology. *Organizational
       Research Methods*, 16(1), 15-31.
    """
    all_codes = codebook.codes
    parents = dict(zip(all_codes["code"], all_codes["parent"], strict=True))
    codes = _scope_codes(all_codes, codebook, root)
    order = {code: i for i, code in enumerate(codes["code"])}
    level = {
        c: (None if is_blank(v) else str(v))
        for c, v in zip(codes["code"], codes["level"], strict=True)
    }
    labels = dict(zip(codes["code"], codes["label"], strict=True))
    present = tuple(lv for lv in _LEVELS if lv in set(level.values()))
    missing = tuple(lv for lv in _LEVELS if lv not in present)
    notes: list[str] = []
    theme_of = {c: _nearest(c, parents, level, "second_order") for c, lv in level.items()
                if lv == "first_order"}  # fmt: skip
    aggregate_of = {c: _nearest(c, parents, level, "aggregate") for c, lv in level.items()
                    if lv in ("first_order", "second_order")}  # fmt: skip
    for code, lv in level.items():
        above = (
            _owner(parents.get(code), parents, level) if not is_blank(parents.get(code)) else None
        )
        if lv and above and _RANK[level[above]] <= _RANK[lv]:
            notes.append(f"Le code `{code}` ({_ONE[lv]}) est placé sous `{above}` "
                         f"({_ONE[level[above]]}), un niveau qui ne peut pas le "
                         "contenir : déplacez-le ou changez son niveau.")  # fmt: skip
    if "second_order" in present:
        lonely = [c for c, t in theme_of.items() if t is None]
        if lonely:
            notes.append(f"{len(lonely)} concept(s) de premier ordre sans thème de second ordre "
                         f"au-dessus d'eux ({', '.join(f'`{c}`' for c in lonely[:5])}).")  # fmt: skip
    # counts: each coding counts for its owner (nearest code with a level) and above
    owners = pd.Series(dtype=object)
    per_owner: dict[str, tuple[int, set]] = {}
    if codings is not None and len(codings):
        in_scope = codings["code"].astype(str).isin(order)
        owners = (
            codings["code"]
            .astype(str)
            .map(lambda c: _owner(c, parents, level) if c in order else None)
        )
        unplaced = int((owners.isna() & in_scope).sum())
        if unplaced > 0:
            notes.append(f"{unplaced} codage(s) portent des codes sans niveau ni code avec niveau "
                         "au-dessus d'eux : ils ne sont pas comptés.")  # fmt: skip
        for owner, docs in (
            codings.assign(_o=owners.to_numpy()).dropna(subset=["_o"]).groupby("_o")["doc_id"]
        ):
            per_owner[str(owner)] = (len(docs), set(docs.astype(str)))

    def members(code: str) -> list[str]:
        """The code and the leveled codes that count for it."""
        found = [code]
        if level.get(code) == "second_order":
            found += [c for c, t in theme_of.items() if t == code]
        if level.get(code) == "aggregate":
            themes = [c for c, a in aggregate_of.items()
                      if a == code and level[c] == "second_order"]  # fmt: skip
            found += themes + [c for c, t in theme_of.items() if t in themes]
            found += [c for c, t in theme_of.items() if t is None and aggregate_of.get(c) == code]
        return found

    def count(code: str | None) -> tuple[int, int]:
        if code is None:
            return 0, 0
        n, docs = 0, set()
        for member in members(code):
            m, d = per_owner.get(member, (0, set()))
            n, docs = n + m, docs | d
        return n, len(docs)

    rows = []
    if "first_order" in present:
        items = [c for c in order if level[c] == "first_order"]
        items += [c for c in order if level[c] == "second_order" and c not in theme_of.values()]
    elif "second_order" in present:
        items = [c for c in order if level[c] == "second_order"]
    else:
        items = []
    used_aggregates = set()
    for item in items:
        lv = level[item]
        concept = item if lv == "first_order" else None
        theme = theme_of.get(item) if lv == "first_order" else item
        aggregate = aggregate_of.get(theme) if theme is not None else aggregate_of.get(item)
        used_aggregates.add(aggregate)
        rows.append((aggregate, theme, concept))
    for code in order:
        if level[code] == "aggregate" and code not in used_aggregates:
            rows.append((code, None, None))
    rank = {None: -1, **order}
    rows.sort(key=lambda r: (rank[r[0]], rank[r[1]], rank[r[2]]))
    examples_of = {}
    if examples and codings is not None and len(owners):
        examples_of = _examples(codings, owners, documents, max_chars)
    records = []
    for aggregate, theme, concept in rows:
        own = concept or theme or aggregate
        n, n_docs = count(concept) if concept else count(own)
        example = examples_of.get(own) if examples else None
        if example is None and examples and concept is None and theme is not None:
            example = next((examples_of[m] for m in members(theme) if m in examples_of), None)
        records.append({
            "aggregate": aggregate, "aggregate_label": labels.get(aggregate),
            "second_order": theme, "second_order_label": labels.get(theme),
            "first_order": concept, "first_order_label": labels.get(concept),
            "codings": n, "documents": n_docs,
            "second_order_codings": count(theme)[0], "aggregate_codings": count(aggregate)[0],
            "example": example[0] if example else None,
            "example_source": example[1] if example else None,
        })  # fmt: skip
    table = pd.DataFrame(records, columns=list(GIOIA_COLUMNS), dtype=object)
    for column in ("codings", "documents", "second_order_codings", "aggregate_codings"):
        table[column] = table[column].astype("int64")
    if not examples:
        table = table.drop(columns=["example", "example_source"])
    return GioiaStructure(table, present, missing, tuple(notes), root or "")


# -- the figure ---------------------------------------------------------------------------------

_WRAP = {"example": 46, "first_order": 30, "second_order": 26, "aggregate": 22}
_WIDTH = {"example": 3.6, "first_order": 2.6, "second_order": 2.3, "aggregate": 2.0}
_GAP = 0.45
_LINE = 0.16  # inches per line of text
_FILL = {"first_order": "#f2f2f2", "second_order": "#dce9f5", "aggregate": "#b9d3ea"}


def _wrapped(text: Any, width: int, *, max_lines: int = 6) -> str:
    if is_blank(text):
        return ""
    lines = textwrap.wrap(str(text), width=width, break_long_words=False) or [""]
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1].rstrip(" ,;:") + " […]"]
    return "\n".join(lines)


def _box_text(label: Any, code: Any, n: int, width: int, counts: bool) -> str:
    text = _wrapped(label if not is_blank(label) else code, width)
    return f"{text}\n(n = {n})" if counts else text


def plot_gioia(
    structure: GioiaStructure,
    *,
    examples: bool = True,
    counts: bool = True,
    title: str | None = None,
) -> Figure:
    """Draw a Gioia data structure: concepts → themes → dimensions, joined by lines.

    Each declared level is a column of boxes (labels in French from the
    codebook, the number of codings under each when ``counts``); a theme's box
    spans its concepts, a dimension's its themes. With ``examples`` and a
    structure built with ``examples=True``, the example quotes form a first column.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    InputError
        When the structure is empty (no level declared): its :attr:`~GioiaStructure.message`
        says what is missing.
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyBboxPatch

    from research.errors import InputError

    if structure.empty:
        raise InputError("no code has a Gioia level: nothing to draw", hint=structure.message)
    table = structure.table
    columns = [lv for lv in _LEVELS if lv in structure.levels]
    if examples and "example" in table and table["example"].notna().any():
        columns = ["example", *columns]
    heights = []
    for row in table.to_dict("records"):
        lines = [
            len(
                _wrapped(
                    row.get("first_order_label") or row.get("first_order"), _WRAP["first_order"]
                ).split("\n")
            )
            + counts
        ]
        if "example" in columns:
            source = f"{row.get('example') or ''} ({row.get('example_source') or ''})"
            lines.append(len(_wrapped(source, _WRAP["example"]).split("\n")))
        heights.append(max(lines) * _LINE + 0.22)
    if "first_order" not in columns:  # a theme row holds the theme's text
        heights = [max(h, (len(_wrapped(r.get("second_order_label"), _WRAP["second_order"]).split("\n")) + counts) * _LINE + 0.22)
                   for h, r in zip(heights, table.to_dict("records"), strict=True)]  # fmt: skip
    tops = np.concatenate([[0.0], np.cumsum(heights)])
    centers = -(tops[:-1] + np.asarray(heights) / 2)
    xs, x = {}, 0.0
    for column in columns:
        xs[column] = x
        x += _WIDTH[column] + _GAP
    total_w, total_h = x - _GAP, tops[-1]
    head = 1.1 if title else 0.7
    fig = Figure(figsize=(total_w + 0.2, total_h + head + 0.1))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(-0.1, total_w + 0.1)
    ax.set_ylim(-total_h - 0.1, head)
    ax.axis("off")
    headings = {
        "example": "Exemple de verbatim",
        **{lv: LEVEL_LABELS[lv].capitalize() for lv in _LEVELS},
    }
    for column in columns:
        ax.text(xs[column] + _WIDTH[column] / 2, 0.35, headings[column], ha="center", va="center",
                fontsize=9, fontweight="bold")  # fmt: skip

    def box(column: str, top: float, bottom: float, text: str, italic: bool = False) -> None:
        x0, w = xs[column], _WIDTH[column]
        patch = FancyBboxPatch((x0, bottom + 0.04), w, top - bottom - 0.08,
                               boxstyle="round,pad=0,rounding_size=0.06",
                               facecolor=_FILL.get(column, "white"), edgecolor="#555555", linewidth=0.6)  # fmt: skip
        ax.add_patch(patch)
        ax.text(x0 + w / 2, (top + bottom) / 2, text, ha="center", va="center", fontsize=7,
                style="italic" if italic else "normal", wrap=False)  # fmt: skip

    def link(child: str, parent: str, y_child: float, y_parent: float) -> None:
        x0 = xs[child] + _WIDTH[child]
        x1 = xs[parent]
        ax.plot([x0, x0 + _GAP / 2, x0 + _GAP / 2, x1], [y_child, y_child, y_parent, y_parent],
                color="#777777", linewidth=0.6)  # fmt: skip

    records = table.to_dict("records")
    spans: dict[tuple[str, Any], list[int]] = {}
    for i, row in enumerate(records):
        for lv in ("second_order", "aggregate"):
            if not is_blank(row.get(lv)):
                spans.setdefault((lv, row[lv]), []).append(i)
    for i, row in enumerate(records):
        top, bottom = -tops[i], -tops[i + 1]
        if "example" in columns and not is_blank(row.get("example")):
            box("example", top, bottom, _wrapped(f"{row['example']} ({row['example_source']})",
                                                 _WRAP["example"]), italic=True)  # fmt: skip
        if "first_order" in columns and not is_blank(row.get("first_order")):
            box("first_order", top, bottom,
                _box_text(row["first_order_label"], row["first_order"], row["codings"], _WRAP["first_order"], counts))  # fmt: skip
            if "example" in columns and not is_blank(row.get("example")):
                link("example", "first_order", centers[i], centers[i])
    centers_of: dict[tuple[str, Any], float] = {}
    for (lv, code), rows in spans.items():
        top, bottom = -tops[min(rows)], -tops[max(rows) + 1]
        centers_of[(lv, code)] = (top + bottom) / 2
        label = records[rows[0]][f"{lv}_label"]
        n = records[rows[0]][f"{lv}_codings"]
        box(lv, top, bottom, _box_text(label, code, n, _WRAP[lv], counts))
    for i, row in enumerate(records):
        theme, aggregate = row.get("second_order"), row.get("aggregate")
        concept, example = row.get("first_order"), row.get("example")
        if not is_blank(concept) and not is_blank(theme):
            link("first_order", "second_order", centers[i], centers_of[("second_order", theme)])
        elif not is_blank(concept) and not is_blank(aggregate):
            link("first_order", "aggregate", centers[i], centers_of[("aggregate", aggregate)])
        elif (
            is_blank(concept) and not is_blank(theme) and "example" in columns
            and not is_blank(example)
        ):  # fmt: skip
            link("example", "second_order", centers[i], centers_of[("second_order", theme)])
    done = set()
    for row in records:
        theme, aggregate = row.get("second_order"), row.get("aggregate")
        if not is_blank(theme) and not is_blank(aggregate) and (theme, aggregate) not in done:
            done.add((theme, aggregate))
            link("second_order", "aggregate", centers_of[("second_order", theme)],
                 centers_of[("aggregate", aggregate)])  # fmt: skip
    if title:
        ax.text(total_w / 2, 0.85, title, ha="center", va="center", fontsize=10)
    return fig
