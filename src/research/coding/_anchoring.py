"""Anchoring codings to the text: checking quotes and finding moved passages again.

Every coding keeps its ``quote``; a coding is *anchored* when
``text[start:end] == quote``. After a transcript is corrected, offsets may point
at other words. :func:`check_anchors` sorts codings into those still anchored,
those whose quote was found again (``moved``) and those that could not be found
(``orphaned``); :func:`reanchor` gives the codings with the moved ones updated.
Orphaned codings are reported and kept, never dropped.

The search for a moved quote follows the order a careful person would: the exact
words nearest to the old place (within ``window`` characters, then anywhere in the
document when the quote is long or unique), then the closest approximate passage
within the window, scored with the normalised Indel similarity of ``rapidfuzz``.

Examples
--------
>>> from research.corpus import Corpus
>>> import pandas as pd
>>> old = "Nous avons créé la coopérative en 2014."
>>> new = "En fait, nous avons créé la coopérative en 2013."
>>> corpus = Corpus.from_texts({"D": new})
>>> codings = pd.DataFrame({"coder": ["a", "a"], "doc_id": ["D", "D"], "start": [11, 31],
...     "end": [30, 39], "code": ["x", "y"], "quote": [old[11:30], old[31:39]],
...     "memo": "", "created": None})
>>> ok, moved, orphaned = check_anchors(codings, corpus)
>>> moved[["quote", "new_start", "new_end", "new_quote", "method"]].values.tolist()
[['créé la coopérative', 20, 39, 'créé la coopérative', 'exact'], ['en 2014.', 40, 48, 'en 2013.', 'fuzzy']]

References
----------
.. [1] Levenshtein, V. I. (1966). Binary codes capable of correcting deletions,
   insertions, and reversals. *Soviet Physics Doklady*, 10(8), 707-710.
.. [2] Bachmann, M. (2021-). RapidFuzz: rapid fuzzy string matching in Python
   (``fuzz.ratio`` and ``fuzz.partial_ratio_alignment``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from research.corpus import Corpus

__all__ = ["Anchor", "check_anchors", "closest_passage", "locate_quote", "reanchor"]

_SHORT_QUOTE = 20


class Anchor(NamedTuple):
    """Where a quote was found again: offsets, the words there, how, and how well."""

    start: int
    end: int
    method: str
    score: float


def _exact(text: str, quote: str, old_start: int, window: int) -> Anchor | None:
    positions = []
    at = text.find(quote)
    while at != -1:
        positions.append(at)
        at = text.find(quote, at + 1)
    if not positions:
        return None
    nearest = min(positions, key=lambda p: (abs(p - old_start), p))
    near = abs(nearest - old_start) <= window
    if near or len(positions) == 1 or len(quote) >= _SHORT_QUOTE:
        return Anchor(nearest, nearest + len(quote), "exact", 100.0)
    return None


def _refine(text: str, quote: str, start: int, end: int) -> tuple[int, int, float]:
    """Move each border a few characters to get the best similarity to ``quote``."""
    from rapidfuzz import fuzz

    reach = max(2, min(12, len(quote) // 5))
    best = (fuzz.ratio(quote, text[start:end]), -abs(end - start - len(quote)), start, end)
    for s in range(max(0, start - reach), min(len(text), start + reach) + 1):
        for e in range(max(s + 1, end - reach), min(len(text), end + reach) + 1):
            candidate = (fuzz.ratio(quote, text[s:e]), -abs(e - s - len(quote)), s, e)
            if candidate > best:
                best = candidate
    return best[2], best[3], float(best[0])


def _fuzzy(text: str, quote: str, old_start: int, window: int, min_score: float) -> Anchor | None:
    from rapidfuzz import fuzz

    lo = max(0, old_start - window)
    hi = min(len(text), old_start + len(quote) + window)
    region = text[lo:hi]
    if not region.strip():
        return None
    found = fuzz.partial_ratio_alignment(quote, region, score_cutoff=min_score)
    if found is None:
        return None
    start, end = lo + found.dest_start, lo + found.dest_end
    start, end, score = _refine(text, quote, start, end)
    if score < min_score:
        return None
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Anchor(start, end, "fuzzy", round(score, 1))


def locate_quote(
    text: str, quote: str, old_start: int, *, window: int = 1000, min_score: float = 85.0
) -> Anchor | None:
    """Find ``quote`` again in ``text``, starting from its old place.

    Parameters
    ----------
    text : str
        The document's current stored text.
    quote : str
        The words the coding covered.
    old_start : int
        Where they started before the text changed.
    window : int
        How far from the old place to look (characters on each side).
    min_score : float
        The lowest similarity (0-100) accepted for an approximate match.

    Returns
    -------
    Anchor or None
        ``None`` when no passage is close enough.

    Examples
    --------
    >>> locate_quote("Le pôle, la SCIC et la Fabrique.", "la Fabrique", 5)
    Anchor(start=20, end=31, method='exact', score=100.0)
    >>> locate_quote("Le pôle et la Fabrique à entreprendre.", "la fabrique a entreprendre", 5).method
    'fuzzy'
    >>> locate_quote("Rien à voir.", "la coopérative", 0) is None
    True
    """
    if not quote:
        return None
    return _exact(text, quote, old_start, window) or _fuzzy(
        text, quote, old_start, window, min_score
    )


def closest_passage(text: str, quote: str) -> Anchor | None:
    """The passage of the whole text most like ``quote``, however unlike it is.

    For an orphaned coding, it is the place a person should look first: the
    ``score`` (0-100, rapidfuzz's similarity ratio) says how much to trust it.

    Examples
    --------
    >>> text = "Nous avons monté la coopérative en 2015 avec les habitants."
    >>> found = closest_passage(text, "Nous avons fondé une coopérative")
    >>> text[found.start:found.end], found.method, found.score
    ('Nous avons monté la coopérative', 'closest', 85.7)
    >>> closest_passage("   ", "la SCIC") is None
    True
    """
    from rapidfuzz import fuzz

    if not quote or not text.strip():
        return None
    found = fuzz.partial_ratio_alignment(quote, text)
    if found is None:
        return None
    start, end, score = _refine(text, quote, found.dest_start, found.dest_end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return Anchor(start, end, "closest", round(score, 1))


def check_anchors(
    codings: pd.DataFrame,
    corpus: Corpus,
    *,
    window: int = 1000,
    min_score: float = 85.0,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Sort codings into anchored, moved and orphaned.

    Parameters
    ----------
    codings : pandas.DataFrame
        The codings table (extra columns are kept).
    corpus : Corpus
    window, min_score
        See :func:`locate_quote`.

    Returns
    -------
    ok : pandas.DataFrame
        Codings with ``text[start:end] == quote``.
    moved : pandas.DataFrame
        Codings found again, with ``new_start``, ``new_end``, ``new_quote``,
        ``method`` (``exact``, ``fuzzy``, or ``quote_filled`` for a coding that had
        no quote) and ``score``.
    orphaned : pandas.DataFrame
        Codings not found, with a ``reason`` and, where the document is there and
        the coding has a quote, the closest passage (:func:`closest_passage`):
        ``proposed_start``, ``proposed_end``, ``proposed_quote``, ``proposed_score``.
    """
    codings = codings.reset_index(drop=True)
    texts = {d: corpus.text(d) for d in set(codings["doc_id"]) if d in corpus}
    n = len(codings)
    status = np.zeros(n, dtype=np.int8)  # 0 ok, 1 moved, 2 orphaned
    new_start = np.full(n, -1, dtype=np.int64)
    new_end = np.full(n, -1, dtype=np.int64)
    method = np.empty(n, dtype=object)
    score = np.full(n, np.nan)
    reason = np.empty(n, dtype=object)
    doc_ids = codings["doc_id"].tolist()
    starts, ends = codings["start"].tolist(), codings["end"].tolist()
    quotes = codings["quote"].tolist()
    suspects = [
        i
        for i, (doc_id, start, end, quote) in enumerate(
            zip(doc_ids, starts, ends, quotes, strict=True)
        )
        if not quote or (text := texts.get(doc_id)) is None or text[start:end] != quote
    ]
    for i in suspects:
        doc_id, start, end = doc_ids[i], int(starts[i]), int(ends[i])
        text = texts.get(doc_id)
        quote = quotes[i] if isinstance(quotes[i], str) else ""
        if text is None:
            status[i], reason[i] = 2, f"document {doc_id!r} is not in the corpus"
            continue
        if not quote:
            if 0 <= start < end <= len(text):
                status[i], method[i], score[i] = 1, "quote_filled", np.nan
                new_start[i], new_end[i] = start, end
            else:
                status[i], reason[i] = 2, "no quote, and the offsets are outside the text"
            continue
        found = locate_quote(text, quote, start, window=window, min_score=min_score)
        if found is None:
            status[i], reason[i] = 2, "the quoted words are no longer in the text"
            continue
        status[i], method[i], score[i] = 1, found.method, found.score
        new_start[i], new_end[i] = found.start, found.end
    ok = codings[status == 0].reset_index(drop=True)
    moved = codings[status == 1].copy()
    moved["new_start"] = new_start[status == 1]
    moved["new_end"] = new_end[status == 1]
    moved["new_quote"] = [
        texts[d][s:e]
        for d, s, e in zip(moved["doc_id"], moved["new_start"], moved["new_end"], strict=True)
    ]
    moved["method"] = method[status == 1]
    moved["score"] = score[status == 1]
    orphaned = codings[status == 2].copy()
    orphaned["reason"] = reason[status == 2]
    proposals = [
        _proposal(texts.get(d), q)
        for d, q in zip(orphaned["doc_id"], orphaned["quote"], strict=True)
    ]
    orphaned["proposed_start"] = pd.array([p[0] for p in proposals], dtype="Int64")
    orphaned["proposed_end"] = pd.array([p[1] for p in proposals], dtype="Int64")
    orphaned["proposed_quote"] = pd.Series(
        [p[2] for p in proposals], index=orphaned.index, dtype=object
    )
    orphaned["proposed_score"] = np.array([p[3] for p in proposals], dtype=float)
    return ok, moved.reset_index(drop=True), orphaned.reset_index(drop=True)


def _proposal(text: str | None, quote: object) -> tuple[int | None, int | None, str | None, float]:
    found = closest_passage(text, quote) if text and isinstance(quote, str) else None
    if found is None:
        return None, None, None, np.nan
    return found.start, found.end, text[found.start : found.end], found.score


def reanchor(
    codings: pd.DataFrame,
    corpus: Corpus,
    *,
    window: int = 1000,
    min_score: float = 85.0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Codings with moved ones re-anchored, and a report of what changed.

    Orphaned codings are kept unchanged (and listed in the report), so that
    nothing is lost; ``research validate`` keeps reporting them until fixed.

    Returns
    -------
    codings : pandas.DataFrame
        Same rows and order as given; moved codings have new ``start``, ``end``
        and ``quote``.
    report : pandas.DataFrame
        One row per moved or orphaned coding: ``status`` (``moved`` or
        ``orphaned``), ``coder``, ``doc_id``, ``code``, old and new offsets,
        ``quote``, ``new_quote``, ``method``, ``score``, ``reason``, and for
        orphaned codings the closest passage (``proposed_start``, ``proposed_end``,
        ``proposed_quote``, ``proposed_score``).

    Examples
    --------
    >>> from research.corpus import Corpus
    >>> corpus = Corpus.from_texts({"D": "Bonjour, la SCIC."})
    >>> codings = pd.DataFrame({"coder": ["a"], "doc_id": ["D"], "start": [0], "end": [7],
    ...                         "code": ["x"], "quote": ["la SCIC"]})
    >>> new, report = reanchor(codings, corpus)
    >>> new[["start", "end"]].values.tolist(), report["status"].tolist()
    ([[9, 16]], ['moved'])
    """
    frame = codings.reset_index(drop=True)
    position = pd.Series(np.arange(len(frame)))
    tagged = frame.assign(_position=position)
    _, moved, orphaned = check_anchors(tagged, corpus, window=window, min_score=min_score)
    out = frame.copy()
    if len(moved):
        at = moved["_position"].to_numpy()
        out.loc[at, "start"] = moved["new_start"].to_numpy()
        out.loc[at, "end"] = moved["new_end"].to_numpy()
        out.loc[at, "quote"] = moved["new_quote"].to_numpy()
    columns = [
        "status",
        "coder",
        "doc_id",
        "code",
        "start",
        "end",
        "new_start",
        "new_end",
        "quote",
        "new_quote",
        "method",
        "score",
        "reason",
        "proposed_start",
        "proposed_end",
        "proposed_quote",
        "proposed_score",
    ]
    parts = []
    if len(moved):
        parts.append(moved.assign(status="moved", reason=None))
    if len(orphaned):
        parts.append(
            orphaned.assign(
                status="orphaned",
                new_start=None,
                new_end=None,
                new_quote=None,
                method=None,
                score=np.nan,
            )
        )
    report = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    for column in columns:
        if column not in report.columns:
            report[column] = None
    return out, report[columns].reset_index(drop=True)
