"""Thematic saturation: new codes document after document, and when they stop coming.

Guest, Bunce & Johnson (2006) count the new codes each interview brings, in the
order of the interviews, and watch the curve flatten. Guest, Namey & Chen (2020)
make the judgement reportable with three parameters:

base size
    the first interviews, whose distinct codes (the *base*) are the
    denominator;
run length
    the number of following interviews in which new information is sought;
new-information threshold
    the share of new codes, relative to the base, at or below which the run
    brings nothing that matters (5 %, or 0 % for a strict reading).

After ``k`` interviews (``k`` from the base size on), the run is the next
``run_length`` interviews; its new codes are the codes they bear that none of
the first ``k`` bore; the new information is their number divided by the number
of codes of the base. Saturation is reached at the first ``k`` whose run is at or
below the threshold ("saturation at ``k`` interviews, confirmed by the run"); the
run moves forward one interview at a time. With a base of four interviews giving
37 codes and a run of interviews 5 and 6 bringing 7 new codes, the new
information is 7 / 37 = 19 % (the worked example of Guest, Namey & Chen, 2020,
Fig. 2), above a 5 % threshold: collection goes on.

References
----------
.. [1] Guest, G., Bunce, A. & Johnson, L. (2006). How many interviews are enough?
   An experiment with data saturation and variability. *Field Methods*, 18(1), 59-82.
.. [2] Guest, G., Namey, E. & Chen, M. (2020). A simple method to assess and report
   thematic saturation in qualitative research. *PLoS ONE*, 15(5), e0232076.

Examples
--------
>>> import pandas as pd
>>> codings = pd.DataFrame({"doc_id": ["A", "A", "B", "C", "C", "D"], "start": 0, "end": 5,
...                         "code": ["x", "y", "x", "z", "x", "y"]})
>>> table = saturation_table(codings, order=["A", "B", "C", "D"], base_size=1, run_length=2,
...                          threshold=0.0)
>>> table[["doc_id", "new_codes", "run_new_codes", "new_information"]].values.tolist()
[['A', 2, 1.0, 0.5], ['B', 0, 1.0, 0.5], ['C', 1, nan, nan], ['D', 0, nan, nan]]
>>> table.attrs["saturation_point"] is None
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from research.analysis._coding_attributes import Codes, _expand, select_codings
from research.contracts import is_blank
from research.errors import InputError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["plot_saturation", "saturation_statement", "saturation_table"]


def _document_order(
    codings: pd.DataFrame, documents: pd.DataFrame | None, order: Sequence[str] | None
) -> tuple[list[str], dict[str, object]]:
    if order is not None:
        ids = [str(d) for d in order]
        if len(set(ids)) != len(ids):
            raise InputError("a document is twice in the order of documents")
    else:
        coded = set(codings["doc_id"].astype(str))
        if documents is not None:
            docs = documents[documents["doc_id"].astype(str).isin(coded)]
            keys = docs.assign(
                _date=docs["date"].astype(str) if "date" in docs else "",
                _id=docs["doc_id"].astype(str),
            ).sort_values(["_date", "_id"], kind="stable")
            ids = keys["_id"].tolist()
        else:
            ids = sorted(coded)
    dates: dict[str, object] = {}
    if documents is not None and "date" in documents:
        dates = dict(zip(documents["doc_id"].astype(str), documents["date"], strict=True))
    return ids, dates


def saturation_table(
    codings: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    *,
    order: Sequence[str] | None = None,
    base_size: int = 4,
    run_length: int = 2,
    threshold: float = 0.05,
    codes: Codes = None,
    include_children: bool = False,
    coder: str | None = None,
) -> pd.DataFrame:
    """New codes per document in interview order, and the saturation runs of Guest et al. (2020).

    Parameters
    ----------
    codings : pandas.DataFrame
        The codings (one coder, or choose with ``coder``).
    documents : pandas.DataFrame, optional
        The documents table: without ``order``, the documents it lists that
        bear codings, by ``date`` (then id); their dates fill ``date``.
    order : sequence of str, optional
        The documents in the order they were collected (a document without
        codings brings no code).
    base_size : int
        Documents of the base (at least 1).
    run_length : int
        Documents of each run (at least 1).
    threshold : float
        The new-information threshold, a share (``0.05`` for 5 %).
    codes : str or list of str, optional
        Only these codes (ids or ``fnmatch`` patterns).
    include_children : bool
        A coding also counts for the ancestors of its code.
    coder : str, optional

    Returns
    -------
    pandas.DataFrame
        One row per document, in order: ``position``, ``doc_id``, ``date``,
        ``codes_in_document``, ``new_codes``, ``new_code_ids`` (first seen
        there), ``cumulative_codes``; and, on the row of the ``k``-th document
        for every ``k`` from ``base_size`` while a whole run follows:
        ``run_documents``, ``run_new_codes``, ``new_information`` (a share) and
        ``saturated`` (at or below the threshold). ``attrs`` records
        ``base_size``, ``run_length``, ``threshold``, ``base_codes``,
        ``n_documents``, ``saturation_point`` (``k``, or ``None`` when not
        reached) and ``saturation_document``.

    Raises
    ------
    InputError
        For a base size, run length or threshold out of range.

    References
    ----------
    .. [1] Guest, G., Namey, E. & Chen, M. (2020). A simple method to assess and
       report thematic saturation in qualitative research. *PLoS ONE*, 15(5), e0232076.
    """
    if base_size < 1 or run_length < 1:
        raise InputError("the base size and the run length are at least one document each")
    if not 0 <= threshold < 1:
        raise InputError(
            f"the new-information threshold is a share between 0 and 1, not {threshold!r}",
            hint="write 0.05 for 5 %",
        )
    selected, _ = _expand(select_codings(codings, coder=coder), codes, include_children)
    ids, dates = _document_order(selected, documents, order)
    by_doc: dict[str, set[str]] = {d: set() for d in ids}
    for doc_id, code in zip(
        selected["doc_id"].astype(str), selected["code"].astype(str), strict=True
    ):
        if doc_id in by_doc:
            by_doc[doc_id].add(code)
    seen: set[str] = set()
    rows = []
    for position, doc_id in enumerate(ids, start=1):
        new = sorted(by_doc[doc_id] - seen)
        seen |= by_doc[doc_id]
        rows.append({
            "position": position, "doc_id": doc_id,
            "date": None if is_blank(dates.get(doc_id)) else str(dates[doc_id]),
            "codes_in_document": len(by_doc[doc_id]), "new_codes": len(new),
            "new_code_ids": tuple(new), "cumulative_codes": len(seen),
        })  # fmt: skip
    table = pd.DataFrame(rows, columns=["position", "doc_id", "date", "codes_in_document",
                                        "new_codes", "new_code_ids", "cumulative_codes"])  # fmt: skip
    base = set().union(*(by_doc[d] for d in ids[:base_size])) if ids else set()
    # A code of a run that none of the first k documents bore is a code first seen in
    # the run: the new codes of the run are the sum of its documents' new codes.
    first_seen = table["new_codes"].to_numpy(dtype=np.int64)
    run_documents = [None] * len(ids)
    run_new = np.full(len(ids), np.nan)
    share = np.full(len(ids), np.nan)
    saturated = pd.array([pd.NA] * len(ids), dtype="boolean")
    point = None
    for k in range(base_size, len(ids) - run_length + 1):
        new = int(first_seen[k : k + run_length].sum())
        i = k - 1
        run_documents[i] = tuple(ids[k : k + run_length])
        run_new[i] = new
        share[i] = new / len(base) if base else np.nan
        saturated[i] = bool(base) and new <= threshold * len(base) + 1e-12
        if point is None and saturated[i]:
            point = k
    table["run_documents"] = pd.Series(run_documents, dtype=object)
    table["run_new_codes"] = run_new
    table["new_information"] = share
    table["saturated"] = saturated
    table.attrs.update(
        base_size=base_size,
        run_length=run_length,
        threshold=threshold,
        base_codes=len(base),
        n_documents=len(ids),
        saturation_point=point,
        saturation_document=ids[point - 1] if point else None,
    )
    return table


def _percent(share: float) -> str:
    return f"{round(100 * share):d} %".replace(" ", "\u00a0")


def saturation_statement(table: pd.DataFrame, *, unit: str = "documents") -> str:
    """A French sentence saying whether and where saturation is reached, as Guest et al. report it.

    Examples
    --------
    >>> import pandas as pd
    >>> codings = pd.DataFrame({"doc_id": list("AABCD"), "start": 0, "end": 5,
    ...                         "code": ["x", "y", "x", "x", "y"]})
    >>> table = saturation_table(codings, order=list("ABCD"), base_size=2, run_length=2)
    >>> print(saturation_statement(table).replace("\\u00a0", " "))
    Base de 2 documents (2 codes), passages de 2 documents, seuil de 5 % d'information nouvelle : la saturation est atteinte après 2 documents (B) ; les 2 suivants (C, D) n'apportent aucun code nouveau (0 %).
    """
    a = table.attrs
    needed = a["base_size"] + a["run_length"]
    head = (
        f"Base de {a['base_size']} {unit} ({a['base_codes']} codes), passages de "
        f"{a['run_length']} {unit}, seuil de {_percent(a['threshold'])} d'information nouvelle : "
    )
    if a["n_documents"] < needed:
        return head + (
            f"il faut au moins {needed} {unit} codés pour évaluer la saturation, ce projet "
            f"en a {a['n_documents']}."
        )
    if not a["base_codes"]:
        return head + "la base ne porte aucun code : la saturation ne peut pas être évaluée."
    point = a["saturation_point"]
    if point is not None:
        row = table.iloc[point - 1]
        n = int(row["run_new_codes"])
        what = (
            "n'apportent aucun code nouveau"
            if n == 0
            else f"n'apportent que {n} code{'s' if n > 1 else ''} nouveau{'x' if n > 1 else ''}"
        )
        return head + (
            f"la saturation est atteinte après {point} {unit} ({row['doc_id']}) ; les "
            f"{a['run_length']} suivants ({', '.join(row['run_documents'])}) {what} "
            f"({_percent(row['new_information'])})."
        )
    assessed = table[table["run_documents"].notna()]
    last = assessed.iloc[-1]
    return head + (
        f"la saturation n'est pas atteinte : le dernier passage évalué "
        f"({', '.join(last['run_documents'])}) apporte encore {int(last['run_new_codes'])} "
        f"code(s) nouveau(x) ({_percent(last['new_information'])} de la base)."
    )


def plot_saturation(table: pd.DataFrame, *, title: str | None = None) -> Figure:
    """New codes per document (bars) and the cumulative number of codes (line).

    The base is shaded; the point of saturation, when reached, is marked with
    the run that confirms it.

    Examples
    --------
    >>> import pandas as pd
    >>> codings = pd.DataFrame({"doc_id": list("AABC"), "start": 0, "end": 5,
    ...                         "code": ["x", "y", "x", "z"]})
    >>> fig = plot_saturation(saturation_table(codings, order=list("ABC"), base_size=1,
    ...                                        run_length=1))
    >>> fig.axes[0].get_ylabel()
    'nouveaux codes'
    """
    from matplotlib.figure import Figure

    a = table.attrs
    n = len(table)
    fig = Figure(figsize=(max(6.0, 0.35 * n + 2.5), 4.2), layout="constrained")
    ax = fig.add_subplot()
    x = np.arange(1, n + 1)
    ax.bar(x, table["new_codes"], color="#4c72b0", label="nouveaux codes")
    ax.set_ylabel("nouveaux codes")
    ax.set_xticks(x, table["doc_id"], rotation=60, ha="right", fontsize=7)
    base = min(a.get("base_size", 0), n)
    if base:
        ax.axvspan(0.5, base + 0.5, color="#dddddd", zorder=0, label=f"base ({base})")
    point = a.get("saturation_point")
    if point:
        ax.axvline(point + 0.5, color="#c44e52", linestyle="--",
                   label=f"saturation ({_percent(a['threshold'])})")  # fmt: skip
        ax.axvspan(point + 0.5, point + a["run_length"] + 0.5, color="#c44e52", alpha=0.12,
                   label="passage de confirmation")  # fmt: skip
    twin = ax.twinx()
    twin.plot(x, table["cumulative_codes"], color="#222222", marker="o", markersize=3,
              label="codes cumulés")  # fmt: skip
    twin.set_ylabel("codes cumulés")
    twin.set_ylim(0, max(1, int(table["cumulative_codes"].max() if n else 1)) * 1.08)
    handles = ax.get_legend_handles_labels()
    more = twin.get_legend_handles_labels()
    fig.legend(handles[0] + more[0], handles[1] + more[1], fontsize=7, frameon=False,
               loc="outside lower center", ncols=3)  # fmt: skip
    ax.set_xlim(0.5, n + 0.5)
    ax.set_xlabel("documents dans l'ordre de la collecte")
    if title:
        ax.set_title(title)
    return fig
