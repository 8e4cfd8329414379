"""Merging one coder's codings from another copy of a project into this one.

A coder who worked in another copy (a clone, a laptop, another program) brings
their codings back with :func:`merge_codings`: each coding is placed on this
project's text (re-anchored by its quote where the text differs, see
:func:`research.coding.reanchor`), then compared with the coder's codings here by
its place and code:

- a coding this project lacks is **added**;
- one it has with the same memo is **unchanged**;
- one it has with another memo is **refused** (this project's version is kept),
  or **updated** with ``force``;
- one whose document is not here, or whose words are no longer in the text, is
  **refused**, with the reason.

Codings of the coder that only this project has are kept: a merge never removes
anything. Reading the other copy (a project folder, a ``.qdpx`` file) and writing
the result are :func:`research.project.merge_coder`'s business.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from research.coding._anchoring import check_anchors
from research.coding._table import CODING_COLUMNS, _sorted, typed_codings

if TYPE_CHECKING:
    from research.corpus import Corpus

__all__ = ["MERGE_COLUMNS", "merge_codings"]

#: Columns of a merge report, one row per coding of the other copy.
MERGE_COLUMNS = ["status", "coder", "doc_id", "start", "end", "code", "quote", "reason"]
_KEY = ["doc_id", "start", "end", "code"]


def _report(frame: pd.DataFrame, status: str, reasons) -> pd.DataFrame:
    out = frame.assign(status=status, reason=reasons)
    return out[MERGE_COLUMNS]


def merge_codings(
    here: pd.DataFrame,
    incoming: pd.DataFrame,
    corpus: Corpus,
    *,
    same_text: Iterable[str] = (),
    force: bool = False,
    window: int = 1000,
    min_score: float = 85.0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One coder's codings of this project merged with those of another copy.

    Parameters
    ----------
    here : pandas.DataFrame
        The coder's codings in this project.
    incoming : pandas.DataFrame
        The coder's codings in the other copy, with this project's document ids.
    corpus : Corpus
        This project's corpus.
    same_text : iterable of str
        Documents whose text is the same in both copies (their SHA-256 are
        equal): their codings are taken at their offsets, the others are
        re-anchored by their quotes.
    force : bool
        Take the other copy's version of a coding that has another memo here.
    window, min_score
        See :func:`research.coding.locate_quote`.

    Returns
    -------
    merged : pandas.DataFrame
        The coder's codings after the merge (:data:`CODING_COLUMNS`, sorted).
    report : pandas.DataFrame
        :data:`MERGE_COLUMNS`, one row per incoming coding: ``status`` is
        ``added``, ``updated``, ``unchanged`` or ``refused``, ``reason`` says
        why (or where a coding moved to).

    Examples
    --------
    >>> from research.corpus import Corpus
    >>> corpus = Corpus.from_texts({"D": "Bonjour, la SCIC et la mairie."})
    >>> row = {"coder": "lea", "memo": "", "created": None}
    >>> here = pd.DataFrame([{**row, "doc_id": "D", "start": 9, "end": 16, "code": "x",
    ...                       "quote": "la SCIC"}])
    >>> there = pd.DataFrame([{**row, "doc_id": "D", "start": 0, "end": 9, "code": "y",
    ...                        "quote": "la mairie"}])
    >>> merged, report = merge_codings(here, there, corpus)
    >>> merged[["start", "end", "code"]].values.tolist()
    [[9, 16, 'x'], [20, 29, 'y']]
    >>> report[["status", "reason"]].values.tolist()
    [['added', 'moved from 0-9 to 20-29 (exact)']]
    """
    mine = typed_codings(here)[CODING_COLUMNS] if len(here) else typed_codings(here)
    theirs = typed_codings(incoming)[CODING_COLUMNS].reset_index(drop=True)
    parts: list[pd.DataFrame] = []
    absent = ~theirs["doc_id"].isin(set(corpus.doc_ids)).to_numpy()
    if absent.any():
        gone = theirs[absent]
        parts.append(
            _report(gone, "refused", [f"document {d!r} is not in this project" for d in gone["doc_id"]])
        )  # fmt: skip
    theirs = theirs[~absent].reset_index(drop=True)
    same = theirs["doc_id"].isin(set(same_text)).to_numpy()
    placed = theirs.copy()
    moved_from = pd.Series([""] * len(theirs), dtype=object)
    keep = np.ones(len(theirs), dtype=bool)
    other = np.flatnonzero(~same | (theirs["quote"] == "").to_numpy())
    if len(other):
        tagged = theirs.iloc[other].assign(at_position=other)
        _, moved, orphaned = check_anchors(tagged, corpus, window=window, min_score=min_score)
        for item in moved.itertuples(index=False):
            i = item.at_position
            placed.loc[i, ["start", "end", "quote"]] = [
                item.new_start,
                item.new_end,
                item.new_quote,
            ]
            if item.method != "quote_filled":
                moved_from[i] = (
                    f"moved from {item.start}-{item.end} to {item.new_start}-{item.new_end} "
                    f"({item.method})"
                )
        for item in orphaned.itertuples(index=False):
            keep[item.at_position], moved_from[item.at_position] = False, str(item.reason)
    if (~keep).any():
        parts.append(_report(theirs[~keep], "refused", moved_from[~keep].tolist()))
    placed = placed[keep].reset_index(drop=True)
    notes = moved_from[keep].reset_index(drop=True)
    index = {tuple(k): i for i, k in enumerate(mine[_KEY].itertuples(index=False))}
    status = np.empty(len(placed), dtype=object)
    reasons = notes.to_numpy(dtype=object).copy()
    seen: set[tuple] = set()
    replace_at: dict[int, int] = {}
    for i, key in enumerate(placed[_KEY].itertuples(index=False)):
        key = tuple(key)
        if key in seen:
            status[i], reasons[i] = "refused", "the same coding appears twice in the other copy"
            continue
        seen.add(key)
        if key not in index:
            status[i] = "added"
        elif mine.at[index[key], "memo"] == placed.at[i, "memo"]:
            status[i] = "unchanged"
        elif force:
            status[i] = "updated"
            replace_at[index[key]] = i
            reasons[i] = _join(reasons[i], f"memo was {mine.at[index[key], 'memo']!r}")
        else:
            status[i] = "refused"
            reasons[i] = _join(
                reasons[i],
                f"this coding has another memo here ({mine.at[index[key], 'memo']!r}); "
                "use --force to take the other copy's",
            )
    parts.append(placed.assign(status=status, reason=reasons)[MERGE_COLUMNS])
    merged = mine.copy()
    for at, i in replace_at.items():
        merged.iloc[at] = placed.iloc[i][CODING_COLUMNS].to_numpy()
    added = placed[status == "added"][CODING_COLUMNS]
    merged = (
        _sorted(pd.concat([merged, added], ignore_index=True)) if len(added) else _sorted(merged)
    )
    report = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=MERGE_COLUMNS)
    report["reason"] = report["reason"].fillna("")
    return typed_codings(merged)[CODING_COLUMNS], report.reset_index(drop=True)


def _join(first: str, second: str) -> str:
    return f"{first}; {second}" if first else second
