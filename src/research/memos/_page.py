"""The memo index: one page with every memo, grouped by kind, and an index of the codes.

The page is drawn from the template ``memos.html`` of :mod:`research.pages`: every
value is escaped, so the text of a memo is shown as the researcher wrote it
(Markdown as text, line breaks kept), never inserted as HTML.

Examples
--------
>>> memos = pd.DataFrame([{"memo_id": "m", "kind": "reflexive", "title": "<b>Posture</b>",
...     "date": "2024-03-14", "author": "camille", "text": "Ma <i>place</i>.", "codes": (),
...     "documents": (), "codings": (), "memos": (), "path": "corpus/memos/m.md",
...     "line": 6, "source": "file", "key_lines": {}}])
>>> page = memo_index_html(memos)
>>> "&lt;b&gt;Posture&lt;/b&gt;" in page and "Ma &lt;i&gt;place&lt;/i&gt;." in page
True
>>> "Mémos réflexifs" in page
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from research.contracts import is_blank
from research.memos._links import memo_links, resolve_coding_links
from research.memos._model import MEMO_KINDS
from research.vocabulary import MEMO_KIND_LABELS

if TYPE_CHECKING:
    from research.codebook import Codebook

__all__ = ["memo_index_html"]


def _anchor(memo_id: str) -> str:
    return "memo-" + "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in memo_id)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _meta(row: Mapping[str, Any]) -> str:
    parts = []
    if not is_blank(row.get("date")):
        parts.append(str(row["date"]))
    if not is_blank(row.get("author")):
        parts.append(str(row["author"]))
    if not is_blank(row.get("path")):
        parts.append(str(row["path"]))
    return " · ".join(parts)


def memo_index_html(
    memos: pd.DataFrame,
    *,
    codebook: Codebook | None = None,
    documents: pd.DataFrame | None = None,
    codings: pd.DataFrame | None = None,
    kinds: Mapping[str, str] | None = None,
    title: str = "Mémos de la recherche",
) -> str:
    """The memo index page: every memo by kind, its links, its text; an index of the codes.

    Parameters
    ----------
    memos : pandas.DataFrame
        The memos table (``project.memos``: memo files and coding memos).
    codebook : Codebook, optional
        For the labels and colours of the codes.
    documents : pandas.DataFrame, optional
        The documents table, for the titles of the documents.
    codings : pandas.DataFrame, optional
        The codings table: a memo's link to a coding that no longer exists is
        then marked on the page.
    kinds : mapping, optional
        The project's own kinds of memo and their French names.
    title : str
        The page's title.

    Returns
    -------
    str
        A whole HTML page (French), to write under ``outputs/``.
    """
    from research.pages import render_page

    labels = (
        {} if codebook is None else dict(zip(codebook.ids, codebook.codes["label"], strict=True))
    )
    colors = {} if codebook is None else codebook.colors()
    titles = {}
    if documents is not None and "title" in documents:
        titles = {str(d): t for d, t in zip(documents["doc_id"], documents["title"], strict=True)
                  if not is_blank(t)}  # fmt: skip
    ids = set(memos["memo_id"].astype(str))
    status: dict[tuple[str, int], str] = {}
    if codings is not None and len(memos):
        links = memo_links(memos[memos["source"] == "file"])
        if len(links):
            resolved = resolve_coding_links(links, codings)
            seen: dict[str, int] = {}
            for row in resolved.to_dict("records"):
                i = seen[row["memo_id"]] = seen.get(row["memo_id"], -1) + 1
                status[(row["memo_id"], i)] = row["status"]
    names = {**MEMO_KIND_LABELS, **{k: v or k for k, v in (kinds or {}).items()}}
    order = [*MEMO_KINDS, *(k for k in (kinds or {}) if k not in MEMO_KINDS), "coding"]
    present = [k for k in order if (memos["kind"] == k).any()]
    present += sorted(set(memos["kind"].dropna().astype(str)) - set(present))
    groups, by_code = [], {}
    for kind in present:
        rows = memos[memos["kind"] == kind].sort_values(["date", "memo_id"], na_position="last")
        shown = []
        for row in rows.to_dict("records"):
            memo_id = str(row["memo_id"])
            links = []
            codes = [{"text": f"{labels.get(c, c)} ({c})" if c in labels else c, "href": None}
                     for c in row["codes"] or ()]  # fmt: skip
            if codes:
                links.append({"label": "Codes", "items": codes})
            docs = [{"text": f"{d} — {titles[d]}" if d in titles else d, "href": None}
                    for d in row["documents"] or ()]  # fmt: skip
            if docs:
                links.append({"label": "Documents", "items": docs})
            items = []
            for i, link in enumerate(row["codings"] or ()):
                state = status.get((memo_id, i)) if row.get("source") == "file" else None
                items.append({
                    "text": f"{link.coder}, {link.doc_id}, {labels.get(link.code, link.code)} : "
                            f"« {_short(link.quote)} »",
                    "href": None,
                    "note": "(codage introuvable)" if state == "missing" else None,
                })  # fmt: skip
            if items and row.get("source") == "file":
                links.append({"label": "Codages", "items": items})
            elif items:
                links.append({"label": "Passage", "items": items})
            others = [{"text": o, "href": f"#{_anchor(o)}" if o in ids else None}
                      for o in row["memos"] or ()]  # fmt: skip
            if others:
                links.append({"label": "Mémos liés", "items": others})
            heading = row["title"] or (
                f"{labels.get(row['codes'][0], row['codes'][0])} — {row['documents'][0]}"
                if kind == "coding" and row["codes"] and row["documents"]
                else memo_id
            )
            shown.append({"anchor": _anchor(memo_id), "title": heading, "meta": _meta(row),
                          "links": links, "text": str(row["text"] or "").strip("\n")})  # fmt: skip
            for code in {*(row["codes"] or ()), *(link.code for link in row["codings"] or ())}:
                by_code.setdefault(code, []).append(
                    {"text": heading, "href": f"#{_anchor(memo_id)}"}
                )
        groups.append({"anchor": f"kind-{kind}", "label": names.get(kind, kind).capitalize(),
                       "memos": shown})  # fmt: skip
    order_codes = [c for c in (codebook.ids if codebook is not None else []) if c in by_code]
    order_codes += sorted(set(by_code) - set(order_codes))
    codes = [{"code": c, "label": labels.get(c, ""), "color": colors.get(c, "#888888"),
              "memos": by_code[c]} for c in order_codes]  # fmt: skip
    n_files = int((memos["source"] == "file").sum()) if len(memos) else 0
    lead = (
        f"{n_files} mémo(s) de corpus/memos/ et {len(memos) - n_files} mémo(s) de codage, "
        "par sorte ; l'index des codes renvoie à tous les mémos d'un code."
        if len(memos)
        else "Aucun mémo pour l'instant : écrivez-en un avec research memo new."
    )
    return render_page("memos.html", title=title, lead=lead, groups=groups, codes=codes)
