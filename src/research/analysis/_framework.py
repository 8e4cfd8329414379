"""Framework matrices: cases × codes, with counts and an example quote in each cell.

:func:`framework_matrix` gives, for each case (a value of one or more
attributes: respondent, edition, category of the speaking actor…) and each code,
the number of codings and documents and the earliest passage as an example;
:func:`framework_table` turns it into the wide table of the framework method.

References
----------
.. [1] Ritchie, J. & Spencer, L. (1994). Qualitative data analysis for applied
   policy research. In A. Bryman & R. G. Burgess (Eds.), *Analyzing Qualitative
   Data* (pp. 173-194). Routledge.
.. [2] Gale, N. K., Heath, G., Cameron, E., Rashid, S. & Redwood, S. (2013).
   Using the framework method for the analysis of qualitative data in
   multi-disciplinary health research. *BMC Medical Research Methodology*, 13, 117.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from research.analysis._coding_attributes import (
    Codes,
    _by_list,
    _expand,
    _groups,
    coding_attributes,
    select_codings,
)
from research.analysis._quotes import french_typography, mark_cuts, reference, shorten
from research.corpus import without_page_markers

__all__ = [
    "framework_matrix",
    "framework_table",
]

# --------------------------------------------------------------- framework matrix


def _doc_order(documents: pd.DataFrame) -> pd.Series:
    dates = documents["date"].astype(str) if "date" in documents.columns else ""
    order = documents.assign(_d=dates).sort_values(["_d", "doc_id"], kind="stable")
    return pd.Series(np.arange(len(order)), index=order["doc_id"].astype(str).to_numpy())


def framework_matrix(
    codings: pd.DataFrame,
    corpus: Any,
    *,
    rows: str | Sequence[str] = "respondent_category",
    codes: Codes = None,
    quote_chars: int = 160,
    include_children: bool = False,
    coder: str | None = None,
    actors: Any = None,
    style: Literal["pseudonym", "code"] = "code",
) -> pd.DataFrame:
    """A framework matrix: cases (rows) × codes, with counts and an example quote.

    For each row value and code: the number of codings and of documents, and the
    earliest coding as an example (documents in date order, then id; passages in
    text order), its quote shortened to ``quote_chars`` and its reference.

    Parameters
    ----------
    codings : pandas.DataFrame
        The codings (one coder, or choose with ``coder``).
    corpus : Corpus
        The corpus (``documents``, ``segments`` and stored texts).
    rows : str or list of str
        The case attribute(s) of the rows (``respondent``, ``edition``,
        ``actor_category``…; see :func:`coding_attributes`).
    codes, include_children, coder
        As in :func:`code_frequencies`.
    quote_chars : int
        Maximum length of the example quote.
    actors : Actors or pandas.DataFrame, optional
        The registry (actor attributes, pseudonyms and roles in references).
    style : {"pseudonym", "code"}
        How the example's reference names the speaker (see :mod:`research.analysis`).

    Returns
    -------
    pandas.DataFrame
        Long: the ``rows`` columns, ``code``, ``n``, ``n_documents``, and the
        example's ``doc_id``, ``start``, ``end``, ``quote`` and ``reference``; only
        cells with at least one coding. :func:`framework_table` makes it wide.

    References
    ----------
    .. [1] Ritchie, J. & Spencer, L. (1994). Qualitative data analysis for applied
       policy research. In A. Bryman & R. G. Burgess (Eds.), *Analyzing Qualitative
       Data* (pp. 173-194). Routledge.
    .. [2] Gale, N. K., Heath, G., Cameron, E., Rashid, S. & Redwood, S. (2013).
       Using the framework method for the analysis of qualitative data in
       multi-disciplinary health research. *BMC Medical Research Methodology*, 13, 117.

    Examples
    --------
    >>> from research.corpus import Corpus
    >>> corpus = Corpus.from_texts(
    ...     {"A": "I : Et la soirée ?\\nR : On y est allés à trois cents.",
    ...      "B": "R : La charte nous protège."},
    ...     metadata={"A": {"kind": "interview", "date": "2019-01-02", "respondent_category": "citizen"},
    ...               "B": {"kind": "interview", "date": "2018-05-06", "respondent_category": "citizen"}})
    >>> cods = pd.DataFrame({"doc_id": ["A", "B"], "start": [22, 4], "end": [49, 27],
    ...                      "code": ["sut.evening", "sut.evening"]})
    >>> fm = framework_matrix(cods, corpus, rows="respondent_category", quote_chars=20)
    >>> fm[["respondent_category", "code", "n", "doc_id", "quote"]].values.tolist()
    [['citizen', 'sut.evening', 2, 'B', 'La charte nous […]']]
    """
    documents, segments = corpus.documents, corpus.segments
    selected, chosen = _expand(select_codings(codings, coder=coder), codes, include_children)
    rows = _by_list(rows)
    frame = coding_attributes(selected, documents, segments=segments, actors=actors)
    frame = _groups(frame, rows, "codings")
    order = _doc_order(documents)
    frame = frame.assign(_order=frame["doc_id"].astype(str).map(order))
    frame = frame.sort_values(["_order", "doc_id", "start", "end", "code"], kind="stable")
    keys = [*rows, "code"]
    grouped = frame.groupby(keys, sort=False)
    first = grouped.head(1).set_index(keys)
    out = grouped.agg(n=("coding", "nunique"), n_documents=("doc_id", "nunique"))
    out = out.join(first[[c for c in ("doc_id", "start", "end") if c not in keys]])
    quotes, refs = [], []
    for record in first.loc[out.index].reset_index().to_dict("records"):
        text = record.get("quote")
        if not isinstance(text, str) or not text.strip():
            text = corpus.text(record["doc_id"])[record["start"] : record["end"]]
        text = without_page_markers(text)
        quotes.append(mark_cuts(shorten(french_typography(text), quote_chars)))
        refs.append(reference(record, actors=actors, style=style))
    out = out.assign(quote=quotes, reference=refs).reset_index()
    rank = {c: i for i, c in enumerate(chosen)}
    out = out.sort_values([*rows, "code"], key=lambda s: s.map(rank) if s.name == "code" else s)
    out = out.reset_index(drop=True)
    out.attrs.update(rows=rows, codes=chosen)
    return out


def framework_table(
    matrix: pd.DataFrame, *, labels: dict[str, str] | None = None, counts: bool = True
) -> pd.DataFrame:
    """The wide framework matrix: one row per case, one column per code, quotes in cells.

    A cell reads ``« quote » (reference) [n = 3]``; empty cells are ``""``.

    Examples
    --------
    >>> import pandas as pd
    >>> long = pd.DataFrame({"edition": ["SUT2016"], "code": ["x"], "n": [2],
    ...                      "quote": ["Oui."], "reference": ["INT03, 2019"]})
    >>> long.attrs.update(rows=["edition"], codes=["x", "y"])
    >>> framework_table(long).replace("\\u00a0", " ", regex=True).to_dict("records")
    [{'x': '« Oui. » (INT03, 2019) [n = 2]', 'y': ''}]
    """
    rows = matrix.attrs.get("rows") or [
        c for c in matrix.columns[: list(matrix.columns).index("code")]
    ]
    codes = matrix.attrs.get("codes") or list(dict.fromkeys(matrix["code"]))
    nbsp = "\u00a0"
    cells = [
        f"«{nbsp}{q}{nbsp}» ({r})" + (f" [n = {n}]" if counts else "")
        for q, r, n in zip(matrix["quote"], matrix["reference"], matrix["n"], strict=True)
    ]
    wide = matrix.assign(cell=cells).pivot(index=rows, columns="code", values="cell")
    wide = wide.reindex(columns=codes).astype(object).fillna("")
    wide.columns = [(labels or {}).get(c, c) for c in wide.columns]
    wide.columns.name = None
    return wide
