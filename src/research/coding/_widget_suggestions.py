"""Suggestions reviewed in the coding widget: dashed stripes to accept or reject.

A table of suggestions (:meth:`research.coding.CodingSession.suggestions`, or a
review file read by :func:`research.suggest.read_suggestions`) given to the
widget (``session.widget(suggestions=found)``, or :meth:`CodingWidget.show_suggestions`)
is shown as dashed stripes beside the text. Choosing one shows its code, its
probability and the words that weighed most; the coder accepts it (it becomes
their coding, with a memo naming the model, saved at once like any change of
the widget, and undone like one) or rejects it (remembered in the coder's
rejections file, never suggested again). Nothing else writes: a suggestion
left alone stays a suggestion.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from research.coding._offsets import Utf16Offsets
from research.contracts import is_blank, require_columns
from research.errors import CodingError

__all__ = ["suggestion_key", "suggestion_rows", "suggestion_table", "suggestions_view"]

_COLUMNS = ["doc_id", "start", "end", "code", "probability", "words", "model", "quote"]


def suggestion_key(start: int, end: int, code: str) -> str:
    """The name of a suggestion in the page: ``"s:start:end:code"`` (code points).

    Examples
    --------
    >>> suggestion_key(0, 12, "sut.cooperation")
    's:0:12:sut.cooperation'
    """
    return f"s:{int(start)}:{int(end)}:{code}"


def suggestion_table(
    table: pd.DataFrame | None, rejected: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The suggestions a widget keeps: one row per passage and code, those the coder
    rejected before (``rejected``: doc_id, code, quote) left out."""
    if table is None:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in _COLUMNS})
    require_columns(
        table, ["doc_id", "start", "end", "code"], table="suggestions", error=CodingError
    )
    out = table.copy()
    for column in ("probability", "words", "model", "quote"):
        if column not in out.columns:
            out[column] = None
    if "decision" in out.columns:  # a review file: the ones decided are no longer suggestions
        out = out[out["decision"].map(lambda d: is_blank(d) or d is None)]
    out = out.astype({"start": "int64", "end": "int64"})
    out["doc_id"] = out["doc_id"].astype(str)
    out = out.drop_duplicates(["doc_id", "start", "end", "code"])
    if rejected is not None and len(rejected):
        refused = set(zip(rejected["doc_id"], rejected["code"], rejected["quote"], strict=True))
        out = out[
            [
                (d, c, str(q)) not in refused
                for d, c, q in zip(out["doc_id"], out["code"], out["quote"], strict=True)
            ]
        ]
    return out[_COLUMNS].reset_index(drop=True)


def suggestion_rows(table: pd.DataFrame, doc_id: str, keys: list[str]) -> pd.DataFrame:
    """The suggestions of a document named by their keys (in the order given)."""
    here = table[table["doc_id"] == doc_id]
    keys_of = [
        suggestion_key(*r) for r in zip(here["start"], here["end"], here["code"], strict=True)
    ]
    named = dict(zip(keys_of, here.index, strict=True))
    return table.loc[[named[k] for k in keys if k in named]]


def suggestions_view(
    table: pd.DataFrame, doc_id: str, offsets: Utf16Offsets, coded: set[tuple]
) -> list[dict[str, Any]]:
    """The suggestions of one document for the page (UTF-16 positions), leaving out
    those this coder already coded."""
    here = table[table["doc_id"] == doc_id]
    keep = [
        (doc_id, s, e, c) not in coded
        for s, e, c in zip(here["start"], here["end"], here["code"], strict=True)
    ]
    here = here[keep]
    if not len(here):
        return []
    starts = offsets.many_to_utf16(here["start"].tolist())
    ends = offsets.many_to_utf16(here["end"].tolist())
    out = []
    for row, start, end in zip(here.itertuples(index=False), starts, ends, strict=True):
        probability = None if is_blank(row.probability) else float(row.probability)
        out.append(
            {
                "key": suggestion_key(row.start, row.end, row.code),
                "start": start,
                "end": end,
                "code": row.code,
                "probability": probability,
                "words": "" if is_blank(row.words) else str(row.words),
                "model": "" if is_blank(row.model) else str(row.model),
            }
        )
    return out
