"""MAXQDA's three criteria of intercoder agreement, to compare with a MAXQDA report.

MAXQDA compares two coders document by document, by one of three criteria:

* ``"presence"``: the code is in the document for both coders or for neither;
* ``"frequency"``: both coders gave the code the same number of times in the
  document;
* ``"overlap"``: a coded segment agrees when the other coder gave the same code to
  a segment of the same document that overlaps it by at least ``min_share`` of the
  two segments' extent together (intersection over union; MAXQDA's default 90 %).

For the first two the units are the documents where at least one of the coders used
the code (a document neither coder gave the code says nothing about it, and MAXQDA
leaves it out); for the third, the segments of both coders, each checked against the
other coder's. With ``"overlap"``, MAXQDA also reports Brennan and Prediger's kappa
with chance agreement ``1 / q``, ``q`` the number of codes in the table, on the
table of segments coded by both (``a``, the agreeing segments of both coders
counted as pairs), by the first only (``b``) and by the second only (``c``); no cell
counts what neither coded, so ``P_o = a / (a + b + c)``.

References
----------
.. [1] VERBI Software (2022). *MAXQDA 2022 manual: Intercoder agreement*.
.. [2] Brennan, R. L., & Prediger, D. J. (1981). Coefficient kappa: Some uses,
   misuses, and alternatives. *Educational and Psychological Measurement*,
   41(3), 687–699.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from research.agreement._hierarchy import roll_up_codings
from research.agreement._kappas import brennan_prediger_kappa
from research.agreement._scope import DocumentsCoded, _scope
from research.errors import AgreementError

__all__ = ["CRITERIA", "maxqda_table"]

Criterion = Literal["presence", "frequency", "overlap"]
CRITERIA: tuple[str, ...] = ("presence", "frequency", "overlap")
ALL_CODES = "(all codes)"


def _per_document(cod: pd.DataFrame, names: list[str], criterion: str) -> pd.DataFrame:
    """For each (code, document) used by a coder: agreements and disagreements."""
    counts = cod.groupby(["code", "doc_id", "coder"]).size().unstack("coder", fill_value=0)
    counts = counts.reindex(columns=names, fill_value=0)
    a, b = counts[names[0]].to_numpy(), counts[names[1]].to_numpy()
    agree = (a > 0) == (b > 0) if criterion == "presence" else a == b
    return pd.DataFrame(
        {"code": counts.index.get_level_values("code"), "agree": agree.astype(int)}
    ).assign(disagree=lambda t: 1 - t["agree"])


def _matches(cod: pd.DataFrame, names: list[str], min_share: float) -> pd.DataFrame:
    """Each coding of either coder, and whether the other coder has a matching one."""
    cod = cod.reset_index(drop=True).assign(row=lambda t: np.arange(len(t)))
    pairs = cod.merge(cod, on=["doc_id", "code"], suffixes=("", "_other"))
    pairs = pairs[pairs["coder"] != pairs["coder_other"]]
    inter = np.minimum(pairs["end"], pairs["end_other"]) - np.maximum(
        pairs["start"], pairs["start_other"]
    )
    union = np.maximum(pairs["end"], pairs["end_other"]) - np.minimum(
        pairs["start"], pairs["start_other"]
    )
    good = pairs[(inter > 0) & (inter >= min_share * union - 1e-9)]
    matched = np.zeros(len(cod), dtype=bool)
    matched[good["row"].to_numpy()] = True
    return cod.assign(agree=matched.astype(int), disagree=(~matched).astype(int))


def _kappa(units: pd.DataFrame, names: list[str], q: int) -> float:
    first = units["coder"] == names[0]
    a = units["agree"].sum() / 2  # agreeing segments, counted as pairs
    b = int((first & (units["agree"] == 0)).sum())
    c = int((~first & (units["agree"] == 0)).sum())
    if a + b + c == 0:
        return float("nan")
    return brennan_prediger_kappa(
        [1, 1, 0], [1, 0, 1], n_categories=max(int(q), 2), sample_weight=[a, b, c]
    )


def maxqda_table(
    codings: pd.DataFrame,
    *,
    coders: Sequence[str],
    criterion: Criterion = "presence",
    min_share: float = 0.9,
    codes: str | Sequence[str] | None = None,
    documents_coded: DocumentsCoded = None,
    infer_documents: bool = False,
    include_children: bool = False,
) -> pd.DataFrame:
    """Agreement of two coders per code by one of MAXQDA's criteria.

    Columns: ``code``, ``agreements``, ``disagreements``, ``total`` and
    ``percent_agreement`` (a share between 0 and 1), plus ``kappa_bp`` (Brennan &
    Prediger, chance ``1 / q`` with ``q`` the codes of the table) for the
    ``"overlap"`` criterion; the last row, ``"(all codes)"``, adds the codes up, as
    MAXQDA's code-specific results table does. See the module notes for the
    criteria.

    Examples
    --------
    >>> import pandas as pd
    >>> codings = pd.DataFrame({"coder": list("AAAB"), "doc_id": ["D", "D", "E", "D"],
    ...                         "start": [0, 20, 0, 1], "end": [10, 30, 5, 10],
    ...                         "code": ["x", "x", "y", "x"]})
    >>> scope = {"documents_coded": {"A": ["D", "E"], "B": ["D", "E"]}}
    >>> maxqda_table(codings, coders=["A", "B"], **scope).values.tolist()
    [['x', 1, 0, 1, 1.0], ['y', 0, 1, 1, 0.0], ['(all codes)', 1, 1, 2, 0.5]]
    >>> maxqda_table(codings, coders=["A", "B"], criterion="frequency", **scope)["agreements"].tolist()
    [0, 0, 0]
    >>> overlap = maxqda_table(codings, coders=["A", "B"], criterion="overlap", **scope)
    >>> overlap[["code", "agreements", "total", "kappa_bp"]].round(4).values.tolist()
    [['x', 2, 3, 0.0], ['y', 0, 1, -1.0], ['(all codes)', 2, 4, -0.3333]]
    """
    if criterion not in CRITERIA:
        raise AgreementError(f"criterion must be one of {', '.join(CRITERIA)}, not {criterion!r}")
    if not 0 < float(min_share) <= 1:
        raise AgreementError(f"min_share must lie in (0, 1], not {min_share!r}")
    names = [str(c) for c in coders]
    if len(names) != 2:
        raise AgreementError(
            f"MAXQDA's criteria compare exactly two coders, not {len(names)} ({', '.join(names)})"
        )
    if include_children:
        codings = roll_up_codings(codings)
    cod, names, _docs, chosen = _scope(codings, names, codes, documents_coded, infer_documents)
    if criterion == "overlap":
        units = _matches(cod, names, float(min_share))
    else:
        units = _per_document(cod, names, criterion)
    grouped = units.groupby("code")[["agree", "disagree"]].sum().reindex(chosen, fill_value=0)
    table = pd.DataFrame(
        {
            "code": grouped.index,
            "agreements": grouped["agree"].to_numpy(),
            "disagreements": grouped["disagree"].to_numpy(),
        }
    )
    table.loc[len(table)] = [ALL_CODES, table["agreements"].sum(), table["disagreements"].sum()]
    table["total"] = table["agreements"] + table["disagreements"]
    table["percent_agreement"] = table["agreements"] / table["total"].where(table["total"] > 0)
    if criterion == "overlap":
        q = len(chosen)
        table["kappa_bp"] = [
            _kappa(units if code == ALL_CODES else units[units["code"] == code], names, q)
            for code in table["code"]
        ]
    for column in ("agreements", "disagreements", "total"):
        table[column] = table[column].astype(np.int64)
    table.attrs.update(
        coders=names, criterion=criterion, min_share=float(min_share), documents=_docs
    )
    return table
