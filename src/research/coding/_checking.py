"""Checking codings against the codebook and the corpus.

Unknown codes and documents and orphaned codings (quote not found) are errors;
categories used for coding and codings whose text moved are warnings (see
:func:`check_codings`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from research.coding._anchoring import check_anchors
from research.coding._table import _MAX_REPORTED
from research.errors import Problem

if TYPE_CHECKING:
    from research.codebook import Codebook
    from research.corpus import Corpus

__all__ = ["check_codings"]


def check_codings(
    codings: pd.DataFrame,
    *,
    corpus: Corpus | None = None,
    codebook: Codebook | None = None,
) -> list[Problem]:
    """Problems of codings against the codebook and the corpus.

    Unknown codes and documents and orphaned codings (quote not found) are
    errors; categories used for coding and codings whose text moved (to apply
    with ``research anchor --apply``) are warnings. Rows read by
    :func:`read_codings` keep their file and row in the problems.

    Examples
    --------
    >>> from research.corpus import Corpus
    >>> from research.coding import typed_codings
    >>> corpus = Corpus.from_texts({"D": "Un texte corrigé."})
    >>> codings = typed_codings(pd.DataFrame({"coder": ["a"], "doc_id": ["D"], "start": [3],
    ...     "end": [8], "code": ["x"], "quote": ["texte"]}))
    >>> [p.message for p in check_codings(codings, corpus=corpus)]
    []
    """
    problems: list[Problem] = []
    if not len(codings):
        return problems

    def place(i: int) -> dict:
        if "_path" not in codings.columns:
            return {"row": i + 1}
        return {"path": codings["_path"].iat[i], "row": int(codings["_row"].iat[i])}

    def report(mask, severity, message, column, hint=None):
        where = np.flatnonzero(np.asarray(mask, dtype=bool))
        for i in where[:_MAX_REPORTED]:
            problems.append(Problem(severity, message(i), **place(i), column=column, hint=hint))
        if len(where) > _MAX_REPORTED:
            problems.append(
                Problem(
                    severity, f"… and {len(where) - _MAX_REPORTED} more such codings", column=column
                )
            )

    if codebook is not None:
        import difflib

        known = set(codebook.ids)
        unknown = ~codings["code"].isin(known).to_numpy()

        def unknown_message(i: int) -> str:
            code = codings["code"].iat[i]
            close = difflib.get_close_matches(code, codebook.ids, n=1)
            return f"code {code!r} is not in the codebook" + (
                f" (did you mean {close[0]!r}?)" if close else ""
            )

        report(
            unknown,
            "error",
            unknown_message,
            "code",
            "add the code to the codebook, or rename the codings with 'research codebook rename'",
        )
        categories = {c for c in known if not codebook.is_codable(c)}
        report(
            codings["code"].isin(categories).to_numpy(),
            "warning",
            lambda i: f"code {codings['code'].iat[i]!r} is a category (codable: false)",
            "code",
            "code with one of its children, or mark it codable",
        )
    if corpus is not None:
        missing = ~codings["doc_id"].isin(set(corpus.doc_ids)).to_numpy()
        report(
            missing,
            "error",
            lambda i: f"document {codings['doc_id'].iat[i]!r} is not in the corpus",
            "doc_id",
            "restore the document or correct its id",
        )
        _, moved, orphaned = check_anchors(codings[~missing], corpus)
        for frame, severity, column in ((moved, "warning", "start"), (orphaned, "error", "quote")):
            for k, (_, row) in enumerate(frame.iterrows()):
                if k >= _MAX_REPORTED:
                    problems.append(
                        Problem(severity, f"… and {len(frame) - k} more", column=column)
                    )
                    break
                where = (
                    {"path": row["_path"], "row": int(row["_row"])}
                    if "_path" in frame.columns
                    else {}
                )
                if severity == "warning":
                    message = (
                        f"the text of {row['doc_id']} changed: coding {row['code']!r} moved from "
                        f"{row['start']}-{row['end']} to {row['new_start']}-{row['new_end']} ({row['method']})"
                    )
                    hint = "run 'research anchor --apply' to record the new offsets"
                else:
                    message = (
                        f"coding {row['code']!r} of {row['doc_id']} is orphaned: {row['reason']}"
                    )
                    hint = (
                        "find the passage by hand and correct start, end and quote (never drop it)"
                    )
                problems.append(Problem(severity, message, **where, column=column, hint=hint))
    return problems
