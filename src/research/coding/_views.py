"""Looking at codings: retrieval of coded passages and a document with coding stripes.

:func:`retrieve` gives every passage coded with a code (and, by default, its
sub-codes), joined with its segment (speaker, actor, section) and its document's
metadata, ready to quote. :func:`document_html` draws one document with coloured
highlights and, in a margin, the labels of the codes touching each segment, as
qualitative-analysis software draws "coding stripes".

Examples
--------
>>> import pandas as pd
>>> from research.corpus import Corpus
>>> from research.codebook import Codebook
>>> corpus = Corpus.from_texts({"D": "I : Et la Fabrique ?\\nR : Elle coordonne la BGE et la CCI."},
...                            metadata={"D": {"kind": "interview", "date": "2019-05-02",
...                                            "speakers": {"I": None, "R": None}}})
>>> book = Codebook.from_frame(pd.DataFrame({"code": ["ant", "ant.enrolment"]}))
>>> codings = pd.DataFrame({"coder": ["a"], "doc_id": ["D"], "start": [25], "end": [56],
...     "code": ["ant.enrolment"], "quote": ["Elle coordonne la BGE et la CCI"],
...     "memo": [""], "created": [None]})
>>> found = retrieve(codings, corpus, book, "ant")
>>> found[["code", "speaker", "kind", "citation"]].values.tolist()
[['ant.enrolment', 'R', 'interview', 'D, R, 2019-05-02']]
>>> "Elle coordonne" in document_html(corpus, codings, book, "D")
True
"""

from __future__ import annotations

import itertools
import re
import weakref
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from research.corpus import PAGE_MARKER
from research.errors import CodingError

if TYPE_CHECKING:
    from research.codebook import Codebook
    from research.corpus import Corpus

__all__ = ["HTMLView", "document_html", "retrieve"]

_DOC_DROP = ("path", "sha256", "n_chars", "n_words", "n_segments")
_SEG_COLUMNS = ["seg_id", "speaker", "actor", "section", "page"]


class HTMLView(str):
    """A text of HTML that a notebook shows rendered."""

    def _repr_html_(self) -> str:
        return str(self)


_SEGMENT_INDEX: dict[int, tuple[weakref.ref, dict]] = {}


def _segment_index(segments: pd.DataFrame) -> dict:
    """Sorted search keys of a segments table, kept while the table lives."""
    cached = _SEGMENT_INDEX.get(id(segments))
    if cached is not None and cached[0]() is segments:
        return cached[1]
    docs = pd.Index(pd.unique(segments["doc_id"]))
    seg_doc = docs.get_indexer(segments["doc_id"]).astype(np.int64)
    seg_start = segments["start"].to_numpy(dtype=np.int64)
    seg_end = segments["end"].to_numpy(dtype=np.int64)
    scale = int(seg_end.max(initial=0)) + 1
    keys = seg_doc * scale + seg_start
    order = np.argsort(keys, kind="stable")
    index = {
        "docs": docs,
        "seg_doc": seg_doc,
        "seg_start": seg_start,
        "seg_end": seg_end,
        "scale": scale,
        "keys": keys[order],
        "order": order,
        "values": {
            c: segments[c].to_numpy(dtype=object)
            if c in segments.columns
            else np.full(len(segments), None, dtype=object)
            for c in _SEG_COLUMNS
        },
    }
    if len(_SEGMENT_INDEX) > 8:
        _SEGMENT_INDEX.clear()
    _SEGMENT_INDEX[id(segments)] = (weakref.ref(segments), index)
    return index


def _segment_of(codings: pd.DataFrame, segments: pd.DataFrame) -> pd.DataFrame:
    """The segment holding the start of each coding.

    Segments are in text order within each document, so one binary search over
    ``(document number, start)`` keys finds them all.
    """
    index = _segment_index(segments)
    n = len(codings)
    doc = index["docs"].get_indexer(codings["doc_id"]).astype(np.int64)
    start = codings["start"].to_numpy(dtype=np.int64)
    # a start beyond every segment of its document must not reach the next document
    start_key = np.minimum(start, index["scale"] - 1)
    at = np.searchsorted(index["keys"], doc * index["scale"] + start_key, side="right") - 1
    ok = (doc >= 0) & (at >= 0)
    found = np.zeros(n, dtype=np.int64)
    if len(index["order"]):
        found = index["order"][np.clip(at, 0, None)]
        ok &= index["seg_doc"][found] == doc
        ok &= start < index["seg_end"][found]
    out = pd.DataFrame(index=range(n))
    for column in _SEG_COLUMNS:
        values = index["values"][column]
        out[column] = np.where(ok, values[found], None) if len(values) else None
    if len(index["order"]):
        out["_seg_start"] = np.where(ok, index["seg_start"][found], np.nan)
        out["_seg_end"] = np.where(ok, index["seg_end"][found], np.nan)
    else:
        out["_seg_start"] = out["_seg_end"] = np.nan
    return out


def _citation(frame: pd.DataFrame) -> pd.Series:
    """``"INT03, Élodie, 2019-12-16"``: document, speaker, date and page, when known."""

    def text(value: object) -> str:
        return "" if value is None or value != value else str(value)

    keys = [frame["doc_id"].tolist()]
    keys += [frame[c].tolist() for c in ("speaker", "date") if c in frame.columns]
    if "page" in frame.columns:
        keys.append([None if p is None or p != p else f"p. {p}" for p in frame["page"].tolist()])
    made: dict[tuple, str] = {}
    joined = []
    for key in zip(*keys, strict=True):
        if key not in made:
            made[key] = ", ".join(p for p in map(text, key) if p)
        joined.append(made[key])
    return pd.Series(joined, index=frame.index, dtype=object)


def retrieve(
    codings: pd.DataFrame,
    corpus: Corpus,
    codebook: Codebook,
    code: str,
    *,
    include_children: bool = True,
    context: int | str = 0,
    coders: str | list[str] | None = None,
) -> pd.DataFrame:
    """Every passage coded with ``code``, joined with its segment and document.

    Parameters
    ----------
    codings : pandas.DataFrame
        The codings table.
    corpus : Corpus
    codebook : Codebook
    code : str
        A code id (a category is fine when ``include_children``).
    include_children : bool
        Include the passages of every code under ``code``.
    context : int or "segment"
        Characters of text to show before and after each passage (columns
        ``before`` and ``after``), or ``"segment"`` for the whole segment
        (column ``segment_text``).
    coders : str or list of str, optional
        Keep only these coders' codings.

    Returns
    -------
    pandas.DataFrame
        ``coder``, ``doc_id``, ``code``, ``label``, ``start``, ``end``, ``quote``,
        ``memo``, ``created``, ``seg_id``, ``speaker``, ``actor``, ``section``,
        ``page`` (of a paginated document such as a PDF),
        the context columns, the document's metadata (``kind``, ``title``,
        ``date``, ``edition`` and every attribute) and ``citation``
        (``"INT03, Élodie, 2019-12-16"``); sorted by document and offset.

    Raises
    ------
    CodebookError
        When ``code`` is unknown.
    """
    wanted = codebook.expand(code, include_children=include_children)
    mask = codings["code"].isin(wanted)
    if coders is not None:
        mask &= codings["coder"].isin([coders] if isinstance(coders, str) else coders)
    chosen = codings[mask]
    if len(chosen):
        keys = [
            pd.factorize(chosen[c], sort=True)[0]
            if c in ("coder", "code", "doc_id")
            else chosen[c].to_numpy()
            for c in ("coder", "code", "end", "start", "doc_id")
        ]
        order = np.lexsort(keys)
    else:
        order = np.arange(0)
    chosen = chosen.iloc[order].reset_index(drop=True)
    labels = dict(zip(codebook.ids, codebook.codes["label"].tolist(), strict=True))
    doc_ids = chosen["doc_id"].tolist()
    columns: dict[str, object] = {
        "coder": chosen["coder"].to_numpy(),
        "doc_id": chosen["doc_id"].to_numpy(),
        "code": chosen["code"].to_numpy(),
        "label": [labels.get(c) for c in chosen["code"].tolist()],
        **{c: chosen[c].to_numpy() for c in ("start", "end", "quote", "memo")},
        "created": chosen["created"].array,
    }
    segs = _segment_of(chosen, corpus.segments)
    for column in _SEG_COLUMNS:
        columns[column] = segs[column].to_numpy()
    texts = {d: corpus.text(d) for d in set(doc_ids) if d in corpus}
    if isinstance(context, str):
        if context != "segment":
            raise CodingError(f"context {context!r} is neither a number nor 'segment'")
        columns["segment_text"] = [
            texts[d][int(a) : int(b)] if d in texts and a == a else None
            for d, a, b in zip(
                doc_ids, segs["_seg_start"].tolist(), segs["_seg_end"].tolist(), strict=True
            )
        ]
    elif context > 0:
        starts, ends = chosen["start"].tolist(), chosen["end"].tolist()
        columns["before"] = [
            texts[d][max(0, a - context) : a] if d in texts else None
            for d, a in zip(doc_ids, starts, strict=True)
        ]
        columns["after"] = [
            texts[d][b : b + context] if d in texts else None
            for d, b in zip(doc_ids, ends, strict=True)
        ]
    docs = corpus.documents.drop(columns=[c for c in _DOC_DROP if c in corpus.documents.columns])
    docs = docs.drop(columns=[c for c in docs.columns if c in columns and c != "doc_id"])
    where = pd.Index(docs["doc_id"]).get_indexer(doc_ids)
    for column in docs.columns:
        if column != "doc_id":
            values = docs[column].to_numpy(dtype=object)
            columns[column] = (
                np.where(where >= 0, values[np.clip(where, 0, None)], None)
                if len(values)
                else [None] * len(doc_ids)
            )
    out = pd.DataFrame(columns)
    out["citation"] = _citation(out)
    return out


# -- a document with highlights ----------------------------------------------------------------


def _rgba(color: str, alpha: float) -> str:
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def _highlight(
    text: str, start: int, end: int, spans: list[tuple[int, int, str, str]], colors
) -> list[dict[str, str]]:
    """The pieces of ``text[start:end]``: plain, or marked where codings lie.

    Each piece has its ``text`` and, when codings cover it, the ``background`` of
    its mark (stacked bands for several codes) and a ``title`` naming the codes.
    """
    points = {start, end}
    for s, e, _, _ in spans:
        points.update((max(start, s), min(end, e)))
    cuts = sorted(p for p in points if start <= p <= end)
    pieces = []
    for a, b in itertools.pairwise(cuts):
        if a == b:
            continue
        active = [(code, label) for s, e, code, label in spans if s <= a and b <= e]
        if not active:
            pieces.append({"text": text[a:b], "background": "", "title": ""})
            continue
        shades = [_rgba(colors[c], 0.35) for c, _ in active]
        if len(shades) == 1:
            background = shades[0]
        else:
            step = 100 / len(shades)
            stops = ", ".join(
                f"{shade} {k * step:.0f}% {(k + 1) * step:.0f}%" for k, shade in enumerate(shades)
            )
            background = f"linear-gradient(180deg, {stops})"
        title = "; ".join(f"{label} ({code})" for code, label in active)
        pieces.append({"text": text[a:b], "background": background, "title": title})
    return pieces


_LIST_MARKER = re.compile(r"[-*+•]|(\d{1,3}[.)])")


def _strong(pieces: list[dict[str, str]]) -> list[dict[str, Any]]:
    """The pieces cut at Markdown's ``**`` marks, each saying whether it is bold.

    The marks themselves are not shown; a mark left open stays as written.

    Examples
    --------
    >>> [(p["text"], p["strong"]) for p in _strong([{"text": "**Canaux** : tournée"}])]
    [('Canaux', True), (' : tournée', False)]
    """
    joined = "".join(piece["text"] for piece in pieces)
    if joined.count("**") < 2:
        return [{**piece, "strong": False} for piece in pieces]
    last_open = joined.count("**") % 2  # an odd, last mark is text
    out: list[dict[str, Any]] = []
    strong, seen, marks = False, 0, joined.count("**") - last_open
    for piece in pieces:
        parts = piece["text"].split("**")
        for k, part in enumerate(parts):
            if k:
                if seen < marks:
                    strong, seen = not strong, seen + 1
                else:
                    part = "**" + part
            if part:
                out.append({**piece, "text": part, "strong": strong})
    return out


def _heading_level(text: str) -> int:
    """The level of a Markdown heading line (``## Titre`` is 2), or 0."""
    match = re.match(r"(#{1,6})[ \t]+\S", text)
    return len(match.group(1)) if match and "\n" not in text.strip() else 0


def _emphasised(text: str) -> bool:
    """Whether a whole block is written in Markdown italics (``*…*`` or ``_…_``)."""
    return (
        len(text) > 2
        and text[0] == text[-1]
        and text[0] in "*_"
        and text[1] not in "*_ "
        and text[-2] not in "*_ "
    )


def _label(
    text: str, where: tuple[int, int] | None, spans: list[tuple], colors: dict[str, str]
) -> dict[str, Any]:
    """The turn label or list marker written before a segment, as pieces to show.

    A list marker is shown as a bullet (or its number); a turn label as written
    (with its timestamp), marked where codings cover it, its ``**`` not shown.
    """
    if where is None:
        return {"bullet": "", "label": []}
    start, end = where
    marker = _LIST_MARKER.fullmatch(text[start:end].strip())
    if marker:
        return {"bullet": marker.group(1) or "•", "label": []}
    touching = [sp[:4] for sp in spans if sp[0] < end and sp[1] > start]
    return {"bullet": "", "label": _strong(_highlight(text, start, end, touching, colors))}


def _trim(pieces: list[dict[str, str]], head: int, tail: int) -> list[dict[str, str]]:
    """The pieces without ``head`` characters at the start and ``tail`` at the end.

    Only what is shown changes (Markdown marks are not shown); offsets are untouched.
    """
    out = [dict(piece) for piece in pieces]
    while head and out:
        cut = min(head, len(out[0]["text"]))
        out[0]["text"] = out[0]["text"][cut:]
        head -= cut
        if not out[0]["text"]:
            out.pop(0)
    while tail and out:
        cut = min(tail, len(out[-1]["text"]))
        out[-1]["text"] = out[-1]["text"][: len(out[-1]["text"]) - cut]
        tail -= cut
        if not out[-1]["text"]:
            out.pop()
    return out


def _blocks(text: str, segs: pd.DataFrame) -> list[tuple[int, int, object]]:
    """The segments of a text in order, with the non-blank text between them (a
    page break of a paginated text apart)."""
    blocks: list[tuple[int, int, object]] = []
    at = 0

    def plain(a: int, b: int) -> None:
        piece = text[a:b]
        if piece.strip():
            a += len(piece) - len(piece.lstrip())
            b -= len(piece) - len(piece.rstrip())
            blocks.append((a, b, None))

    def gap(a: int, b: int) -> None:
        # a page break of a paginated text (<!-- page 12 -->) is a block of its own
        for marker in PAGE_MARKER.finditer(text, a, b):
            plain(a, marker.start())
            plain(marker.start(), marker.end())
            a = marker.end()
        plain(a, b)

    for seg in segs.itertuples(index=False):
        gap(at, int(seg.start))
        blocks.append((int(seg.start), int(seg.end), seg))
        at = max(at, int(seg.end))
    gap(at, len(text))
    return blocks


def _page_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the page label lies when the block ``text[start:end]`` is only a page
    break (``<!-- page 12 -->``); ``None`` for any other block.

    >>> text = "Fin.\\n\\n<!-- page xii -->\\n"
    >>> span = _page_span(text, 6, 23)
    >>> text[slice(*span)], _page_span(text, 0, 4)
    ('xii', None)
    """
    marker = PAGE_MARKER.fullmatch(text, start, end)
    return (marker.start(1), marker.end(1)) if marker else None


def _layout(text: str, segs: pd.DataFrame) -> list[tuple[int, int, Any, tuple[int, int] | None]]:
    """The blocks of a document as a reader sees them, in text order.

    Each block is ``(start, end, segment, label)``: a segment (its row) or the
    text between segments (``None``: a heading, a note), and where the turn
    label or list marker written before a segment lies (``None`` when there is
    none). A label is taken out of the text before it, so that it is shown
    once, with its turn; blocks left empty are dropped.
    """
    blocks = _blocks(text, segs)
    labels: dict[int, tuple[int, int]] = {}  # block index -> where its turn label is written
    for i, (s, e, seg) in enumerate(blocks):
        if seg is not None:
            continue
        following = blocks[i + 1][2] if i + 1 < len(blocks) else None
        gap = text[s:e]
        head, _, last = gap.rpartition("\n")
        same_line = following is not None and "\n" not in text[e : blocks[i + 1][0]]
        marker = _LIST_MARKER.fullmatch(last.strip())
        label_start = s + (len(head) + 1 if "\n" in gap else 0)
        if same_line and last.strip() and (marker or isinstance(following.speaker, str)):
            labels[i + 1] = (label_start, e)
            blocks[i] = (s, s + len(head.rstrip()), None) if head.strip() else (s, s, None)
    return [(s, e, seg, labels.get(i)) for i, (s, e, seg) in enumerate(blocks) if s != e]


def document_html(
    corpus: Corpus,
    codings: pd.DataFrame,
    codebook: Codebook,
    doc_id: str,
    *,
    coder: str | None = None,
    standalone: bool = False,
    note: str = "",
) -> HTMLView:
    """One document with its codings highlighted and a margin of code labels.

    Each segment is a row: its text with coloured highlights (several codes on the
    same words show as stacked bands; hovering shows their labels), and a margin
    listing, with a coloured bar, the codes that touch it (with the coder's name
    when several coders are shown).

    Parameters
    ----------
    corpus, codings, codebook
        The data.
    doc_id : str
        The document to draw.
    coder : str, optional
        Show only this coder's codings.
    standalone : bool
        A whole page to save as a file (``research code show``) rather than a
        snippet for a notebook.
    note : str
        A sentence shown above the document (the coding widget says there that
        the view is static).

    Returns
    -------
    HTMLView
        HTML text that a notebook displays rendered; every text of the document is
        escaped.
    """
    from research.pages import render_page, render_snippet

    text = corpus.text(doc_id)
    mine = codings[codings["doc_id"] == doc_id]
    if coder is not None:
        mine = mine[mine["coder"] == coder]
    colors = codebook.colors()
    fallback = "#888888"
    labels = dict(zip(codebook.ids, codebook.codes["label"].astype(str), strict=True))
    spans = []
    for row in mine.itertuples(index=False):
        label = labels.get(row.code, f"{row.code} (inconnu)")
        colors.setdefault(row.code, fallback)
        spans.append((int(row.start), int(row.end), row.code, label, row.coder))
    several = mine["coder"].nunique() > 1
    rows = []
    # the blocks come in text order: one pass over the codings sorted by start keeps
    # those that may touch the block (and its label), in the order they were given
    by_start = sorted(range(len(spans)), key=lambda i: spans[i][0])
    active: list[int] = []
    taken = 0
    for s, e, seg, label_at in _layout(text, corpus.segments_of(doc_id)):
        while taken < len(by_start) and spans[by_start[taken]][0] < e:
            active.append(by_start[taken])
            taken += 1
        first = label_at[0] if label_at is not None else s
        active = sorted(i for i in active if spans[i][1] > first)
        near = [spans[i] for i in active]
        touching = [sp for sp in near if sp[0] < e and sp[1] > s]
        speaker = "" if seg is None or not isinstance(seg.speaker, str) else seg.speaker
        margin = []
        seen = set()
        for _, _, code, label, by in touching:
            if (code, by) not in seen:
                seen.add((code, by))
                margin.append(
                    {
                        "code": code,
                        "label": label,
                        "color": colors[code],
                        "coder": by if several else "",
                    }
                )
        page = _page_span(text, s, e) if seg is None else None
        if page is not None:  # a page break: its label only
            s, e = page
        pieces = _highlight(text, s, e, [sp[:4] for sp in touching], colors)
        heading = _heading_level(text[s:e]) if seg is None and page is None else 0
        emphasis = _emphasised(text[s:e])
        if heading:
            pieces = _trim(pieces, len(text[s:e]) - len(text[s:e].lstrip("#").lstrip()), 0)
        elif emphasis:
            pieces = _trim(pieces, 1, 1)
        rows.append(
            {
                "pieces": _strong(pieces),
                **_label(text, label_at, near, colors),
                "between": seg is None and not heading,  # notes between segments
                "page": page is not None,
                "heading": heading,
                "emphasis": emphasis,
                "speaker": speaker if label_at is None else "",
                "margin": margin,
            }
        )
    title = str(corpus.document(doc_id).get("title", doc_id))
    context = {
        "heading": title,
        "doc_id": doc_id,
        "coder": coder or "",
        "n_codings": len(mine),
        "note": note,
    }
    if standalone:
        page = render_page("document.html", title=f"{title} — codages", rows=rows, **context)
        return HTMLView(page)
    return HTMLView(render_snippet("document.html", rows=rows, **context))
