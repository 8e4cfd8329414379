"""Disagreements between two coders: every segment where they differ on a code.

:func:`disagreements` lists, for each code, every segment where the two coders
differ: one applied the code and the other did not (``only_a``/``only_b``), or
both applied it with different spans (``spans_differ``). Each row has a stable
``disagreement_id`` (``code@doc_id#seg_id``), both coders' spans and the text.
The meeting page is drawn by :mod:`research.agreement._disagreement_page`, and
the decisions taken are applied by :mod:`research.agreement._consensus`.

Examples
--------
>>> import pandas as pd
>>> segments = pd.DataFrame({"doc_id": ["D", "D"], "seg_id": ["D:0", "D:1"],
...                          "start": [0, 13], "end": [12, 27],
...                          "text": ["La SCIC agit", "Les élus aussi"]})
>>> codings = pd.DataFrame({"coder": ["A", "B", "A"], "doc_id": ["D"] * 3,
...                         "start": [0, 0, 13], "end": [7, 7, 21],
...                         "code": ["ant.actor"] * 3})
>>> found = disagreements(codings, segments, coders=["A", "B"], infer_documents=True)
>>> found[["disagreement_id", "kind"]].values.tolist()
[['ant.actor@D#D:1', 'only_a']]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

import pandas as pd

from research.agreement._agreement_units import _segments_of, segment_codings
from research.agreement._scope import DocumentsCoded, _scope
from research.errors import AgreementError

__all__ = ["KINDS", "Span", "disagreements"]

Span = tuple[int, int]
KINDS = ("only_a", "only_b", "spans_differ")


def _span_text(span: Span, quote: str, seg_start: int, text: str) -> str:
    start, end = span
    if isinstance(quote, str) and quote:
        return quote
    if start >= seg_start and end - seg_start <= len(text):
        return text[start - seg_start : end - seg_start]
    return ""


def disagreements(
    codings: pd.DataFrame,
    segments: pd.DataFrame,
    *,
    coders: Sequence[str],
    codes: str | Sequence[str] | None = None,
    documents_coded: DocumentsCoded = None,
    infer_documents: bool = False,
    min_overlap: int = 1,
    which: Literal["all", "presence"] = "all",
) -> pd.DataFrame:
    """Every segment where two coders differ on a code.

    Parameters
    ----------
    codings, segments : pandas.DataFrame
        The codings and segments tables.
    coders : pair of str
        Coder A and coder B.
    codes : str or sequence, optional
        Code ids or fnmatch patterns (``'iw.*'``); default every code used.
    documents_coded, infer_documents, min_overlap
        As in :func:`research.agreement.segment_units`.
    which : {"all", "presence"}
        ``"presence"`` lists only segments where one coder applied the code and the
        other did not (the disagreements agreement statistics count); ``"all"`` also
        lists segments where both applied it with different spans.

    Returns
    -------
    pandas.DataFrame
        ``disagreement_id``, ``code``, ``doc_id``, ``seg_id``, ``seg_start``,
        ``seg_end``, ``kind``, ``coder_a``, ``coder_b``, ``a_spans``, ``b_spans``
        (lists of ``(start, end)``), ``a_text``, ``b_text`` (the coded text) and
        ``text`` (the segment). ``attrs`` keeps the coders, documents and codes
        compared, which :func:`apply_consensus` uses.
    """
    if which not in ("all", "presence"):
        raise AgreementError(f"which must be 'all' or 'presence', not {which!r}")
    if isinstance(coders, str) or len(coders) != 2:
        raise AgreementError(f"disagreements compare exactly two coders, got {coders!r}")
    cod, names, docs, chosen = _scope(codings, coders, codes, documents_coded, infer_documents)
    seg = _segments_of(segments, docs)
    texts = dict(
        zip(
            zip(seg["doc_id"], seg["seg_id"], strict=True),
            seg.get("text", pd.Series("", seg.index)),
            strict=True,
        )
    )
    pairs = segment_codings(cod, seg, min_overlap=min_overlap)
    if "quote" not in pairs.columns:
        pairs["quote"] = ""
    spans: dict[tuple, dict[str, dict[Span, str]]] = defaultdict(lambda: {n: {} for n in names})
    for row in pairs.itertuples(index=False):
        key = (row.code, row.doc_id, row.seg_id, int(row.seg_start), int(row.seg_end))
        spans[key][row.coder].setdefault((int(row.start), int(row.end)), row.quote)
    a, b = names
    rows = []
    for (code, doc_id, seg_id, s0, s1), by_coder in spans.items():
        a_spans, b_spans = sorted(by_coder[a]), sorted(by_coder[b])
        if a_spans == b_spans:
            continue
        kind = "only_a" if not b_spans else "only_b" if not a_spans else "spans_differ"
        if which == "presence" and kind == "spans_differ":
            continue
        text = texts.get((doc_id, seg_id), "")
        text = text if isinstance(text, str) else ""
        rows.append(
            {
                "disagreement_id": f"{code}@{doc_id}#{seg_id}",
                "code": code,
                "doc_id": doc_id,
                "seg_id": seg_id,
                "seg_start": s0,
                "seg_end": s1,
                "kind": kind,
                "coder_a": a,
                "coder_b": b,
                "a_spans": a_spans,
                "b_spans": b_spans,
                "a_text": " […] ".join(_span_text(s, by_coder[a][s], s0, text) for s in a_spans),
                "b_text": " […] ".join(_span_text(s, by_coder[b][s], s0, text) for s in b_spans),
                "text": text,
            }
        )
    columns = [
        "disagreement_id",
        "code",
        "doc_id",
        "seg_id",
        "seg_start",
        "seg_end",
        "kind",
        "coder_a",
        "coder_b",
        "a_spans",
        "b_spans",
        "a_text",
        "b_text",
        "text",
    ]
    out = pd.DataFrame(rows, columns=columns)
    out = out.sort_values(["code", "doc_id", "seg_start"], kind="stable").reset_index(drop=True)
    out.attrs.update(
        coders=names, documents=docs, codes=chosen, min_overlap=min_overlap, which=which
    )
    return out
