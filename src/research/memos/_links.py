"""The links of memos: one row per link, codings found again, broken links reported.

Examples
--------
>>> from research.memos._model import CodingLink
>>> memos = pd.DataFrame([{"memo_id": "m", "codes": ("sut.trust",), "documents": ("INT03",),
...     "codings": (CodingLink("lea", "INT03", "sut.trust", 4, "la SCIC"),), "memos": ("n",),
...     "path": "corpus/memos/m.md", "key_lines": {"codes": 3, "codings_lines": (7,)}}])
>>> memo_links(memos)[["link", "target", "line"]].values.tolist()
[['code', 'sut.trust', 3], ['document', 'INT03', None], ['coding', 'lea/INT03@4 sut.trust', 7], ['memo', 'n', None]]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from research.contracts import is_blank
from research.errors import Problem, closest
from research.memos._model import LINK_COLUMNS, CodingLink

__all__ = ["check_memo_links", "find_coding", "memo_links", "resolve_coding_links"]

#: Lowest similarity (0-100) of two quotes for a link to find a coding whose text changed.
MIN_SCORE = 85.0


def _lines(row: Mapping[str, Any]) -> Mapping[str, Any]:
    lines = row.get("key_lines")
    return lines if isinstance(lines, Mapping) else {}


def memo_links(memos: pd.DataFrame) -> pd.DataFrame:
    """Every link of every memo, one row each, with :data:`LINK_COLUMNS`.

    Links are listed memo by memo, in the order codes, documents, codings,
    memos; ``line`` is the line of the link in the memo file when known.
    """
    rows = []
    for row in memos.to_dict("records"):
        lines = _lines(row)
        base = {"memo_id": row["memo_id"], "path": row.get("path")}
        for code in row.get("codes") or ():
            rows.append({**base, "link": "code", "target": code, "code": code,
                         "line": lines.get("codes")})  # fmt: skip
        for doc_id in row.get("documents") or ():
            rows.append({**base, "link": "document", "target": doc_id, "doc_id": doc_id,
                         "line": lines.get("documents")})  # fmt: skip
        coding_lines = tuple(lines.get("codings_lines") or ())
        for i, link in enumerate(row.get("codings") or ()):
            rows.append(
                {
                    **base,
                    "link": "coding",
                    "target": link.describe(),
                    "coder": link.coder,
                    "doc_id": link.doc_id,
                    "code": link.code,
                    "start": link.start,
                    "end": link.end,
                    "quote": link.quote,
                    "line": coding_lines[i] if i < len(coding_lines) else lines.get("codings"),
                }
            )
        for other in row.get("memos") or ():
            rows.append({**base, "link": "memo", "target": other, "line": lines.get("memos")})
    frame = pd.DataFrame(rows, columns=list(LINK_COLUMNS), dtype=object)
    return frame.where(frame.notna(), None)


def _best(link: CodingLink, starts: np.ndarray, quotes: list) -> int | None:
    """Position (in ``starts``/``quotes``) of the coding a link names, or ``None``."""
    from rapidfuzz import fuzz

    if not len(starts):
        return None
    distance = np.abs(starts - link.start)
    exact = np.fromiter((q == link.quote for q in quotes), dtype=bool, count=len(quotes))
    if exact.any():
        return int(np.flatnonzero(exact)[np.argmin(distance[exact])])
    scores = np.array([fuzz.ratio(link.quote, "" if is_blank(q) else str(q)) for q in quotes])
    good = scores >= MIN_SCORE
    if not good.any():
        return None
    order = np.lexsort((distance[good], -scores[good]))
    return int(np.flatnonzero(good)[order[0]])


def find_coding(link: CodingLink, candidates: pd.DataFrame) -> int | None:
    """The row (position in ``candidates``) of the coding a memo's link names, or ``None``.

    ``candidates`` are codings (``coder``, ``doc_id``, ``code``, ``start``,
    ``quote``). The coding is one of the link's coder, document and code: the one
    whose quote is the link's, nearest to the link's ``start``; else the one
    whose quote is most like it (similarity of at least :data:`MIN_SCORE`,
    rapidfuzz's ``ratio``), nearest first among equals.

    Examples
    --------
    >>> codings = pd.DataFrame({"coder": ["a", "a", "a"], "doc_id": ["D"] * 3,
    ...     "code": ["x", "x", "x"], "start": [0, 40, 90],
    ...     "quote": ["la SCIC", "la SCIC", "la coopérative du pôle"]})
    >>> find_coding(CodingLink("a", "D", "x", 35, "la SCIC"), codings)
    1
    >>> find_coding(CodingLink("a", "D", "x", 95, "la coopérative du Pôle"), codings)
    2
    >>> find_coding(CodingLink("a", "D", "y", 0, "la SCIC"), codings) is None
    True
    """
    same = (
        (candidates["coder"].astype(str) == link.coder)
        & (candidates["doc_id"].astype(str) == link.doc_id)
        & (candidates["code"].astype(str) == link.code)
    ).to_numpy(dtype=bool)
    positions = np.flatnonzero(same)
    starts = candidates["start"].to_numpy(dtype=np.int64)[positions]
    quotes = candidates["quote"].to_numpy(dtype=object)[positions].tolist()
    found = _best(link, starts, quotes)
    return None if found is None else int(positions[found])


def resolve_coding_links(links: pd.DataFrame, codings: pd.DataFrame) -> pd.DataFrame:
    """The coding links of a links table, each with the coding it names now.

    Parameters
    ----------
    links : pandas.DataFrame
        :func:`memo_links` (rows of other kinds are left out).
    codings : pandas.DataFrame
        The codings table of the project.

    Returns
    -------
    pandas.DataFrame
        The coding links with ``status`` (``"found"``: where the memo says;
        ``"moved"``: found elsewhere or with changed words, after a re-anchoring;
        ``"missing"``), and the coding found: ``found_start``, ``found_end``,
        ``found_quote`` (``None`` when missing).
    """
    chosen = links[links["link"] == "coding"].reset_index(drop=True)
    starts = codings["start"].to_numpy(dtype=np.int64) if len(codings) else np.zeros(0, np.int64)
    ends = codings["end"].to_numpy(dtype=np.int64) if len(codings) else np.zeros(0, np.int64)
    quotes = codings["quote"].to_numpy(dtype=object) if len(codings) else np.zeros(0, object)
    groups: dict[tuple, list[int]] = {}
    if len(codings):
        keys = zip(codings["coder"].astype(str), codings["doc_id"].astype(str),
                   codings["code"].astype(str), strict=True)  # fmt: skip
        for i, key in enumerate(keys):
            groups.setdefault(key, []).append(i)
    status, found_starts, found_ends, found_quotes = [], [], [], []
    for row in chosen.to_dict("records"):
        link = CodingLink(row["coder"], row["doc_id"], row["code"], int(row["start"]), row["quote"])
        where = np.asarray(groups.get((link.coder, link.doc_id, link.code), ()), dtype=np.int64)
        found = _best(link, starts[where], quotes[where].tolist()) if len(where) else None
        if found is None:
            status.append("missing")
            found_starts.append(None)
            found_ends.append(None)
            found_quotes.append(None)
            continue
        at = int(where[found])
        same = int(starts[at]) == link.start and quotes[at] == link.quote
        status.append("found" if same else "moved")
        found_starts.append(int(starts[at]))
        found_ends.append(int(ends[at]))
        found_quotes.append(quotes[at])
    return chosen.assign(
        status=pd.Series(status, dtype=object),
        found_start=pd.Series(found_starts, dtype=object),
        found_end=pd.Series(found_ends, dtype=object),
        found_quote=pd.Series(found_quotes, dtype=object),
    )


def _missing_coding_hint(row: Mapping[str, Any], codings: pd.DataFrame) -> str:
    same = codings[
        (codings["coder"].astype(str) == row["coder"])
        & (codings["doc_id"].astype(str) == row["doc_id"])
        & (codings["quote"] == row["quote"])
    ]
    if len(same):
        other = ", ".join(sorted(set(same["code"].astype(str))))
        return (
            f"the same words are coded with {other}: correct the code of the link "
            "(a revision made with research codebook rewrites it by itself)"
        )
    return (
        "the coding was deleted, or its words changed too much: run research anchor, "
        "or link the coding again with research memo new --coding"
    )


def check_memo_links(
    memos: pd.DataFrame,
    *,
    codes: Iterable[str] | None = None,
    documents: Iterable[str] | None = None,
    codings: pd.DataFrame | None = None,
) -> list[Problem]:
    """Every broken link of the memo files: unknown codes, documents, memos and codings.

    A check is skipped when what it checks against is not given (``None``).
    Links of coding memos (the coder files) are not checked here: the codings
    are checked by themselves.

    Parameters
    ----------
    memos : pandas.DataFrame
        The memos table.
    codes : iterable of str, optional
        The codebook's code ids.
    documents : iterable of str, optional
        The corpus's doc_ids.
    codings : pandas.DataFrame, optional
        The codings table.

    Returns
    -------
    list of Problem
        Errors naming the memo file, the line of the link and the nearest id; a
        warning for a code memo without a code or a document memo without a document.

    Examples
    --------
    >>> memos = pd.DataFrame([{"memo_id": "m", "kind": "code", "codes": ("sut.trus",),
    ...     "documents": (), "codings": (), "memos": (), "path": "corpus/memos/m.md",
    ...     "source": "file", "key_lines": {"codes": 4}}])
    >>> print(check_memo_links(memos, codes=["sut", "sut.trust"])[0].format())
    error: corpus/memos/m.md, line 4: the memo links the code 'sut.trus', which the codebook does not have (hint: did you mean 'sut.trust'? Correct or remove the link.)
    """
    mine = memos[memos["source"] == "file"] if "source" in memos.columns else memos
    problems: list[Problem] = []
    for row in mine.to_dict("records"):
        if row.get("kind") == "code" and not row.get("codes") and not row.get("codings"):
            problems.append(Problem("warning", "a code memo that links no code",
                                    path=row.get("path"), line=_lines(row).get("kind"),
                                    hint="add codes: [code.id]"))  # fmt: skip
        if row.get("kind") == "document" and not row.get("documents") and not row.get("codings"):
            problems.append(Problem("warning", "a document memo that links no document",
                                    path=row.get("path"), line=_lines(row).get("kind"),
                                    hint="add documents: [DOC_ID]"))  # fmt: skip
    links = memo_links(mine)
    known = {
        "code": None if codes is None else set(map(str, codes)),
        "document": None if documents is None else set(map(str, documents)),
        "memo": set(memos["memo_id"].astype(str)),
    }
    words = {"code": ("code", "the codebook"), "document": ("document", "the corpus"),
             "memo": ("memo", "corpus/memos")}  # fmt: skip
    for row in links.to_dict("records"):
        kind = row["link"]
        pool = known.get(kind)
        if kind == "coding" and codings is not None:
            continue
        if pool is None or row["target"] in pool:
            continue
        what, where = words[kind]
        hint = closest(row["target"], pool) or f"check the {what} id"
        problems.append(
            Problem(
                "error",
                f"the memo links the {what} {row['target']!r}, which {where} does not have",
                path=row["path"],
                line=row["line"],
                hint=f"{hint} Correct or remove the link."
                if hint.endswith("?")
                else f"{hint}; correct or remove the link",
            )
        )
    if codings is not None and len(links):
        resolved = resolve_coding_links(links, codings)
        for row in resolved[resolved["status"] == "missing"].to_dict("records"):
            quote = " ".join(str(row["quote"]).split())
            quote = quote if len(quote) <= 60 else quote[:57] + "…"
            problems.append(
                Problem(
                    "error",
                    f"the memo links a coding of {row['coder']!r} in {row['doc_id']!r} with "
                    f"the code {row['code']!r} that reads {quote!r}, and there is none",
                    path=row["path"],
                    line=row["line"],
                    hint=_missing_coding_hint(row, codings),
                )
            )
    return problems
