"""Finding memos: those of a code or a document, and a code's memos next to its passages.

Examples
--------
>>> from research.memos._model import CodingLink
>>> memos = pd.DataFrame([
...     {"memo_id": "a", "codes": ("sut.trust",), "documents": (), "codings": (), "memos": ()},
...     {"memo_id": "b", "codes": (), "documents": ("INT03",),
...      "codings": (CodingLink("lea", "INT03", "sut.trust.local", 0, "Oui"),), "memos": ()},
... ])
>>> code_memos(memos, "sut.trust")["memo_id"].tolist()
['a']
>>> code_memos(memos, "sut.trust", include_children=True)["memo_id"].tolist()
['a', 'b']
>>> document_memos(memos, "INT03")["memo_id"].tolist()
['b']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

import pandas as pd

from research.memos._links import memo_links, resolve_coding_links

if TYPE_CHECKING:
    from research.codebook import Codebook
    from research.corpus import Corpus

__all__ = ["CodeWithMemos", "code_memos", "document_memos", "retrieve_with_memos"]


def _wanted(code: str, codebook: Codebook | None, include_children: bool) -> set[str]:
    if codebook is not None:
        return set(codebook.expand(code, include_children=include_children))
    return {code}


def _matches(codes: set[str], value: str, include_children: bool) -> bool:
    return value in codes or (include_children and any(value.startswith(c + ".") for c in codes))


def code_memos(
    memos: pd.DataFrame,
    code: str,
    *,
    codebook: Codebook | None = None,
    include_children: bool = False,
) -> pd.DataFrame:
    """The memos about a code: they link it, or link one of its codings (coding memos too).

    Parameters
    ----------
    memos : pandas.DataFrame
        The memos table (``project.memos``).
    code : str
        A code id.
    codebook : Codebook, optional
        Checks the code (an unknown one raises :class:`~research.errors.CodebookError`).
    include_children : bool
        Also the memos of the codes under ``code``.

    Returns
    -------
    pandas.DataFrame
        The rows of ``memos``, in their order.
    """
    codes = _wanted(code, codebook, include_children)

    def about(row: Any) -> bool:
        linked = [*(row["codes"] or ()), *(link.code for link in row["codings"] or ())]
        return any(_matches(codes, str(c), include_children) for c in linked)

    keep = [about(row) for row in memos.to_dict("records")]
    return memos[pd.Series(keep, index=memos.index, dtype=bool)].reset_index(drop=True)


def document_memos(memos: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    """The memos about a document: they link it, or one of its codings (coding memos too)."""

    def about(row: Any) -> bool:
        linked = [*(row["documents"] or ()), *(link.doc_id for link in row["codings"] or ())]
        return doc_id in map(str, linked)

    keep = [about(row) for row in memos.to_dict("records")]
    return memos[pd.Series(keep, index=memos.index, dtype=bool)].reset_index(drop=True)


class CodeWithMemos(NamedTuple):
    """A code's passages (with the ids of the memos that link each) and its memos."""

    passages: pd.DataFrame
    memos: pd.DataFrame

    def _repr_html_(self) -> str:
        from research.pages import render_snippet, table_context

        shown = self.memos.assign(
            title=[t or m for t, m in zip(self.memos["title"], self.memos["memo_id"], strict=True)]
        )[["memo_id", "kind", "date", "author", "title"]]
        passages = self.passages[
            [c for c in ("doc_id", "citation", "quote", "memo", "memo_ids") if c in self.passages]
        ].assign(memo_ids=lambda t: t["memo_ids"].map(", ".join))
        return render_snippet(
            "table.html",
            heading="Mémos du code",
            lead=f"{len(self.memos)} mémo(s), {len(self.passages)} passage(s)",
            data=table_context(shown),
            notes=[],
        ) + render_snippet("table.html", heading="Passages", lead="",
                           data=table_context(passages), scroll=True)  # fmt: skip


def retrieve_with_memos(
    codings: pd.DataFrame,
    corpus: Corpus,
    codebook: Codebook,
    memos: pd.DataFrame,
    code: str,
    *,
    include_children: bool = True,
    context: int | str = 0,
    coders: str | list[str] | None = None,
) -> CodeWithMemos:
    """A code's passages and, next to them, its memos.

    Parameters
    ----------
    codings, corpus, codebook, code, include_children, context, coders
        As in :func:`research.coding.retrieve`.
    memos : pandas.DataFrame
        The memos table (``project.memos``).

    Returns
    -------
    CodeWithMemos
        ``passages``: :func:`research.coding.retrieve`'s table with a
        ``memo_ids`` column (the memo files that link each passage's coding,
        found again after re-anchoring; the coding's own memo stays in
        ``memo``); ``memos``: :func:`code_memos` of the code.
    """
    from research.coding import retrieve

    passages = retrieve(
        codings, corpus, codebook, code,
        include_children=include_children, context=context, coders=coders,
    )  # fmt: skip
    about = code_memos(memos, code, codebook=codebook, include_children=include_children)
    files = about[about["source"] == "file"] if "source" in about else about
    linked: dict[tuple, list[str]] = {}
    links = memo_links(files)
    if len(links):
        resolved = resolve_coding_links(links, codings)
        for row in resolved[resolved["status"] != "missing"].to_dict("records"):
            key = (row["coder"], row["doc_id"], row["code"], row["found_start"], row["found_end"])
            linked.setdefault(key, []).append(row["memo_id"])
    keys = zip(
        passages["coder"], passages["doc_id"], passages["code"],
        passages["start"], passages["end"], strict=True,
    )  # fmt: skip
    passages = passages.assign(
        memo_ids=[
            tuple(dict.fromkeys(linked.get((c, d, k, int(s), int(e)), ())))
            for c, d, k, s, e in keys
        ]
    )
    return CodeWithMemos(passages, about)
