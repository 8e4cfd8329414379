"""What the coding widget shows, as plain values for the page.

The page receives the stored text of a document and, separately, its layout
(:func:`document_view`): blocks (a speaker turn, a paragraph, a heading, a list
item, a note between segments), each made of runs of the text to show and
where its turn label lies. Markdown marks (``#`` of a heading, ``**`` of bold,
``*`` around a note) are left out of the runs, so they are not shown, but
their characters keep their places: every run is a slice of the stored text.
Codings (:func:`codings_view`, and the other coders' :func:`other_coders`), the
codebook with counts (:func:`codes_view`) and the documents to move through
(:func:`document_ids`, :func:`documents_view`) complete the picture. Every
offset handed to the page is in UTF-16 code units (the page's own), through
:class:`research.coding._offsets.Utf16Offsets`.

Examples
--------
>>> from research.corpus import Corpus
>>> corpus = Corpus.from_texts({"D": "# Accueil\\n\\nLéa : **Bonjour** 😀 !\\n\\nMarc : Oui."},
...     metadata={"D": {"kind": "interview", "speakers": {"Léa": None, "Marc": None}}})
>>> view = document_view(corpus, "D")
>>> [(b["kind"], b["speaker"]) for b in view["blocks"]]
[('heading', ''), ('turn', 'Léa'), ('turn', 'Marc')]
>>> turn = view["blocks"][1]
>>> turn["label"], turn["runs"]  # start, end, flags; UTF-16: the emoji counts two
([11, 14, 0], [19, 26, 1, 28, 33, 0])
>>> view["blocks"][2]["runs"]
[42, 46, 0]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from research.coding._offsets import Utf16Offsets
from research.coding._reading import _read_file, coding_files
from research.coding._table import CODING_COLUMNS, empty_codings
from research.coding._views import (
    _LIST_MARKER,
    _emphasised,
    _heading_level,
    _layout,
    _page_span,
)
from research.contracts import is_blank
from research.errors import CodingError

if TYPE_CHECKING:
    from research.codebook import Codebook
    from research.corpus import Corpus

__all__ = [
    "code_tree",
    "codes_view",
    "coding_key",
    "codings_view",
    "document_ids",
    "document_view",
    "documents_view",
    "other_coders",
    "tree_depths",
]

# run flags, as the page reads them
BOLD, ITALIC, TIME = 1, 2, 4
_TIMESTAMP = re.compile(r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?[\])]?")


def coding_key(start: int, end: int, code: str) -> str:
    """The name of one of a coder's codings in the page: ``"start:end:code"`` (code points).

    Examples
    --------
    >>> coding_key(14, 34, "sut.cooperation")
    '14:34:sut.cooperation'
    """
    return f"{int(start)}:{int(end)}:{code}"


def _strong_runs(text: str, start: int, end: int, flag: int) -> list[tuple[int, int, int]]:
    """The runs of ``text[start:end]`` cut at Markdown's ``**`` marks, which are left out.

    Marks go by pairs; an odd last mark is text.
    """
    piece = text[start:end]
    marks = [m.start() + start for m in re.finditer(r"\*\*", piece)]
    marks = marks[: len(marks) - len(marks) % 2]
    runs, at, bold = [], start, False
    for mark in marks:
        if mark > at:
            runs.append((at, mark, flag | (BOLD if bold else 0)))
        at, bold = mark + 2, not bold
    if end > at:
        runs.append((at, end, flag | (BOLD if bold else 0)))
    return runs


def _label_runs(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """The runs of a turn label to show: without ``*`` marks nor the colon after
    the name; a timestamp is flagged as such."""
    label = text[start:end]
    shown = len(label.rstrip(" \t\u00a0\u202f:*"))
    times = [(m.start(), m.end()) for m in _TIMESTAMP.finditer(label, 0, shown)]
    cuts = sorted({0, shown, *(i for span in times for i in span)})
    runs = []
    for a, b in itertools.pairwise(cuts):
        flag = TIME if any(t0 <= a and b <= t1 for t0, t1 in times) else 0
        for piece in re.finditer(r"[^*]+", label[a:b]):
            runs.append((start + a + piece.start(), start + a + piece.end(), flag))
    return runs


def _block(text: str, start: int, end: int, seg: Any, label: tuple[int, int] | None) -> dict:
    """One block of the layout, in code points."""
    piece = text[start:end]
    speaker = "" if seg is None or not isinstance(seg.speaker, str) else seg.speaker
    page = _page_span(text, start, end) if seg is None else None
    if page is not None:  # a page break: its label, which the page writes after "p."
        return {"kind": "page", "level": 0, "speaker": "", "label": [], "runs": [(*page, 0)]}
    heading = _heading_level(piece) if seg is None else 0
    block: dict[str, Any] = {"kind": "para", "level": 0, "speaker": speaker, "label": []}
    flag = 0
    if heading:
        start += len(piece) - len(piece.lstrip("#").lstrip())
        block.update(kind="heading", level=heading)
    elif _emphasised(piece):
        start, end, flag = start + 1, end - 1, ITALIC
        block["kind"] = "note" if seg is None else "para"
    elif seg is None:
        block["kind"] = "note"
    if label is not None:
        marker = _LIST_MARKER.fullmatch(text[label[0] : label[1]].strip())
        if marker:
            block.update(kind="item", bullet=marker.group(1) or "•")
        else:
            block.update(kind="turn", label=_label_runs(text, *label))
    elif speaker:
        block["kind"] = "turn"
    block["runs"] = _strong_runs(text, start, end, flag)
    return block


def _describe(document: pd.Series) -> str:
    """The line under a document's title: its kind, date and edition."""
    from research.vocabulary import french_date, label

    parts = []
    kind = document.get("kind")
    if not is_blank(kind):
        text = label("document_kind", kind)
        parts.append(text[:1].upper() + text[1:])
    date = french_date(document.get("date"))
    if date:
        parts.append(date)
    edition = document.get("edition")
    if not is_blank(edition):
        parts.append(f"édition {edition}")
    return " · ".join(parts)


def document_view(corpus: Corpus, doc_id: str, offsets: Utf16Offsets | None = None) -> dict:
    """The text of a document and its layout, in UTF-16 units, for the page.

    Returns
    -------
    dict
        ``doc_id``, ``title``, ``description`` (kind, date, edition in French),
        ``text`` and ``blocks``: each block has ``kind`` (``turn``, ``para``,
        ``heading``, ``item``, ``note``), ``level`` (of a heading), ``speaker``,
        ``label`` and ``runs`` (flat lists ``[start, end, flags, start, end, flags…]``,
        flags: 1 bold, 2 italic, 4 timestamp) and, for a list item, its ``bullet``.
    """
    text = corpus.text(doc_id)
    offsets = offsets or Utf16Offsets(text)
    blocks = [_block(text, *where) for where in _layout(text, corpus.segments_of(doc_id))]
    points = iter(
        offsets.many_to_utf16(
            p for b in blocks for key in ("label", "runs") for s, e, _ in b[key] for p in (s, e)
        )
    )
    for block in blocks:  # runs as flat lists: start, end, flags, start, end, flags…
        for key in ("label", "runs"):
            block[key] = [v for _, _, f in block[key] for v in (next(points), next(points), f)]
    document = corpus.document(doc_id)
    title = document.get("title")
    return {
        "doc_id": doc_id,
        "title": doc_id if is_blank(title) else str(title),
        "description": _describe(document),
        "text": text,
        "blocks": blocks,
    }


def codings_view(frame: pd.DataFrame, offsets: Utf16Offsets, *, coder: bool = False) -> list[dict]:
    """Codings of one document for the page: ``key``, ``start``/``end`` (UTF-16),
    ``code``, ``memo`` and, when ``coder``, the coder's name."""
    if not len(frame):
        return []
    starts = offsets.many_to_utf16(frame["start"].tolist())
    ends = offsets.many_to_utf16(frame["end"].tolist())
    out = []
    for row, start, end in zip(frame.itertuples(index=False), starts, ends, strict=True):
        item = {
            "key": coding_key(row.start, row.end, row.code),
            "start": start,
            "end": end,
            "code": row.code,
            "memo": "" if is_blank(row.memo) else str(row.memo),
        }
        if coder:
            item["coder"] = row.coder
        out.append(item)
    return out


def tree_depths(codes: pd.DataFrame) -> dict[str, int]:
    """The depth of every code of a codes table in tree order (a root is 0)."""
    depths: dict[str, int] = {}
    for code, parent in zip(codes["code"], codes["parent"], strict=True):
        depths[code] = 0 if is_blank(parent) else depths[parent] + 1
    return depths


def code_tree(codebook: Codebook, counts: Mapping[str, Mapping[str, int]]) -> list[dict]:
    """The codebook in tree order for a page: each code with ``code``, ``parent``,
    ``label``, ``color``, ``codable``, ``depth``, ``definition`` and ``counts``, its
    own numbers (``counts[code]``, name -> number) with its sub-codes' added.
    """
    colors = codebook.colors()
    frame = codebook.codes
    sums = {code: dict(counts.get(code, {})) for code in frame["code"]}
    parents = dict(zip(frame["code"], frame["parent"], strict=True))
    for code in reversed(frame["code"].tolist()):  # tree order: children after their parent
        parent = parents[code]
        if not is_blank(parent):
            for name, n in sums[code].items():
                sums[parent][name] = sums[parent].get(name, 0) + n
    depths = tree_depths(frame)
    return [
        {
            "code": row.code,
            "parent": None if is_blank(row.parent) else row.parent,
            "label": str(row.label),
            "color": colors[row.code],
            "codable": bool(row.codable),
            "depth": depths[row.code],
            "definition": "" if is_blank(row.definition) else str(row.definition),
            "counts": sums[row.code],
        }
        for row in frame.itertuples(index=False)
    ]


def codes_view(codebook: Codebook, codings: pd.DataFrame, doc_id: str | None) -> list[dict]:
    """The codebook in tree order with this coder's counts, for the page.

    Each code has ``code``, ``parent``, ``label``, ``color``, ``codable``,
    ``depth``, ``definition``, ``n`` (codings in the document shown) and
    ``total`` (in every document); a category's counts include its sub-codes'.
    """
    total = codings["code"].value_counts().to_dict() if len(codings) else {}
    here = codings[codings["doc_id"] == doc_id] if len(codings) else codings
    in_doc = here["code"].value_counts().to_dict() if len(here) else {}
    counts = {
        code: {"n": int(in_doc.get(code, 0)), "total": int(total.get(code, 0))}
        for code in codebook.codes["code"]
    }
    rows = code_tree(codebook, counts)
    for row in rows:
        row.update(row.pop("counts"))
    return rows


def documents_view(corpus: Corpus, doc_ids: Sequence[str], codings: pd.DataFrame) -> list[dict]:
    """The documents a widget moves through: ``doc_id``, ``title`` and this coder's count."""
    counts = codings["doc_id"].value_counts().to_dict() if len(codings) else {}
    titles = dict(zip(corpus.documents["doc_id"], corpus.documents["title"], strict=True))
    return [
        {
            "doc_id": d,
            "title": d if is_blank(titles.get(d)) else str(titles[d]),
            "n": int(counts.get(d, 0)),
        }
        for d in doc_ids
    ]


def spans_of(keys: Iterable[str]) -> list[tuple[int, int, str]]:
    """The ``(start, end, code)`` of coding keys made by :func:`coding_key`."""
    out = []
    for key in keys:
        start, end, code = str(key).split(":", 2)
        out.append((int(start), int(end), code))
    return out


def document_ids(corpus, documents, where: Mapping[str, Any] | None) -> list[str]:
    if documents is None:
        ids = list(corpus.doc_ids)
    elif isinstance(documents, str):
        ids = [documents]
    elif hasattr(documents, "doc_ids"):  # a Corpus, e.g. corpus.where(kind="interview")
        ids = list(documents.doc_ids)
    else:
        ids = [str(d) for d in documents]
    for doc_id in ids:
        corpus.text(doc_id)  # an unknown id is named, with the closest ones
    if where:
        keep = set(corpus.where(**where).doc_ids)
        ids = [d for d in ids if d in keep]
    ids = list(dict.fromkeys(ids))
    if not ids:
        raise CodingError(
            "no document to show in the coding widget",
            hint="give document ids, a sub-corpus or a 'where' filter that some documents match",
        )
    return ids


_FILES: dict[Path, tuple[tuple[int, int], pd.DataFrame | None]] = {}


def _coder_file(path: Path) -> pd.DataFrame | None:
    """A coder file's rows (``None`` when it has errors), read again only when changed."""
    stat = path.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    known = _FILES.get(path)
    if known is None or known[0] != stamp:
        frame, problems = _read_file(path, path.name)
        bad = any(p.severity == "error" for p in problems)
        if len(_FILES) > 64:
            _FILES.clear()
        known = _FILES[path] = (stamp, None if bad else frame[CODING_COLUMNS])
    return known[1]


def other_coders(folder, coder: str, *, doc_id: str | None = None) -> pd.DataFrame:
    """The codings of every coder but ``coder``, read from their files now.

    A coder file with errors is left out (``research validate`` names them).
    """
    frames = []
    if folder is not None:
        for path in coding_files(folder):
            if path.stem == coder:
                continue
            frame = _coder_file(path)
            if frame is None:
                continue
            if doc_id is not None:
                frame = frame[frame["doc_id"] == doc_id]
            frames.append(frame[CODING_COLUMNS])
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else empty_codings()
