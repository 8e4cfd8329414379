"""The page of the consensus meeting: every disagreement, both coders' spans highlighted.

:func:`disagreements_html` draws the table of
:func:`research.agreement.disagreements` as one page (the shared template of
``research.pages``), grouped by code; :func:`write_disagreements_html` saves it.
In each segment the characters only coder A coded, only coder B coded, and both
coded are highlighted in three colours. With the codebook, codes are named by
their label.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from research.agreement._disagreements import Span
from research.files import atomic_write_text

if TYPE_CHECKING:
    from research.codebook import Codebook

__all__ = ["disagreements_html", "write_disagreements_html"]


def _pieces(text: str, seg_start: int, a_spans: list, b_spans: list) -> list[dict[str, str]]:
    """The segment text in pieces, each marked ``a``, ``b``, ``ab`` (both) or not at all."""
    n = len(text)

    def clipped(spans: list) -> list[Span]:
        out = []
        for s, e in spans:
            s, e = max(int(s) - seg_start, 0), min(int(e) - seg_start, n)
            if s < e:
                out.append((s, e))
        return out

    marks = np.zeros(n + 1, dtype=np.int64)
    for s, e in clipped(a_spans):
        marks[s:e] |= 1
    for s, e in clipped(b_spans):
        marks[s:e] |= 2
    marks[n] = -1
    edges = np.flatnonzero(np.diff(marks)) + 1
    parts, prev = [], 0
    for edge in edges:
        mark = {1: "a", 2: "b", 3: "ab"}.get(int(marks[prev]), "")
        parts.append({"text": text[prev:edge], "mark": mark})
        prev = edge
    return parts


def _kind_label(kind: str, coders: Sequence[str]) -> str:
    return {
        "only_a": f"codé par {coders[0]} seulement",
        "only_b": f"codé par {coders[1]} seulement",
        "spans_differ": "codé par les deux, avec des étendues différentes",
    }.get(kind, kind)


def _anchor(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", text)


def _side(coder: str, spans: list, quote: object) -> dict[str, Any]:
    return {
        "coder": coder,
        "where": ", ".join(f"{s}–{e}" for s, e in spans),
        "quote": quote if isinstance(quote, str) else "",
    }


def _item(r: Any, coders: Sequence[str]) -> dict[str, Any]:
    text = r.text if isinstance(r.text, str) else ""
    matches = len(text) == int(r.seg_end) - int(r.seg_start)
    return {
        "id": r.disagreement_id,
        "anchor": _anchor(r.disagreement_id),
        "doc_id": str(r.doc_id),
        "seg_id": str(r.seg_id),
        "seg_start": int(r.seg_start),
        "seg_end": int(r.seg_end),
        "kind": _kind_label(str(r.kind), coders),
        "pieces": _pieces(text, int(r.seg_start), list(r.a_spans), list(r.b_spans))
        if matches
        else [{"text": text, "mark": ""}],
        "offsets_match": matches,
        "sides": [
            _side(str(coders[0]), list(r.a_spans), r.a_text),
            _side(str(coders[1]), list(r.b_spans), r.b_text),
        ],
    }


def _code_name(code: str, codebook: Codebook | None) -> str:
    if codebook is not None and code in codebook:
        label = codebook.label(code)
        if label and label != code:
            return label
    return ""


def disagreements_html(
    disagreements: pd.DataFrame,
    *,
    title: str | None = None,
    codebook: Codebook | None = None,
) -> str:
    """A self-contained HTML page of the disagreements, for the consensus meeting.

    Every text is escaped; in each segment the characters only coder A coded, only
    coder B coded, and both coded are highlighted in three colours.

    Parameters
    ----------
    disagreements : pandas.DataFrame
        As returned by :func:`research.agreement.disagreements`.
    title : str, optional
        The page's title (default: the two coders compared).
    codebook : Codebook, optional
        Names each code by its label, its id beside it.

    Examples
    --------
    >>> import pandas as pd
    >>> row = {"disagreement_id": "x@D#s0", "code": "x", "doc_id": "D", "seg_id": "s0",
    ...        "seg_start": 0, "seg_end": 9, "kind": "only_a", "coder_a": "A",
    ...        "coder_b": "B", "a_spans": [(0, 4)], "b_spans": [], "a_text": "<b>é",
    ...        "b_text": "", "text": "<b>é rest"}
    >>> page = disagreements_html(pd.DataFrame([row]))
    >>> '<mark class="a">&lt;b&gt;é</mark> rest' in page
    True
    """
    from research.pages import render_page

    d = disagreements
    coders = d.attrs.get("coders") or (
        [d["coder_a"].iloc[0], d["coder_b"].iloc[0]] if len(d) else ["A", "B"]
    )
    codes = []
    for code, group in d.groupby("code", sort=True):
        codes.append(
            {
                "id": code,
                "label": _code_name(str(code), codebook),
                "anchor": "code-" + _anchor(str(code)),
                "entries": [_item(r, coders) for r in group.itertuples(index=False)],
            }
        )
    return render_page(
        "disagreements.html",
        title=title or f"Désaccords de codage : {coders[0]} et {coders[1]}",
        coders=[str(c) for c in coders],
        n_disagreements=len(d),
        codes=codes,
    )


def write_disagreements_html(
    disagreements: pd.DataFrame,
    path: str | PathLike,
    *,
    title: str | None = None,
    codebook: Codebook | None = None,
) -> Path:
    """Write :func:`disagreements_html` to ``path`` atomically; return the path."""
    path = Path(path)
    page = disagreements_html(disagreements, title=title, codebook=codebook)
    atomic_write_text(path, page)
    return path
