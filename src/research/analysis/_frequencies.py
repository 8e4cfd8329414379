"""Code frequencies: how often each code is used, per value of one or more attributes.

:func:`code_frequencies` counts codings, documents or segments carrying each code,
per group of an attribute of the coding (see
:mod:`research.analysis._coding_attributes` for where each attribute comes from),
with every code × group combination present and the size of each group, so that
shares can be compared across groups of unequal size.

References
----------
.. [1] Miles, M. B., Huberman, A. M. & Saldaña, J. (2014). *Qualitative Data
   Analysis: A Methods Sourcebook* (3rd ed.). Sage.

Examples
--------
>>> import pandas as pd
>>> codings = pd.DataFrame({"coder": "camille", "doc_id": ["A", "A", "B"],
...                         "start": [0, 5, 0], "end": [4, 9, 3],
...                         "code": ["iw.creating.advocacy", "ant.enrolment",
...                                  "iw.creating.advocacy"]})
>>> documents = pd.DataFrame({"doc_id": ["A", "B"], "kind": ["interview", "minutes"]})
>>> table = code_frequencies(codings, documents, by="kind")
>>> table[["code", "kind", "n"]].values.tolist()
[['ant.enrolment', 'interview', 1], ['ant.enrolment', 'minutes', 0], ['iw.creating.advocacy', 'interview', 1], ['iw.creating.advocacy', 'minutes', 1]]
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from research.analysis._coding_attributes import (
    By,
    Codes,
    Unit,
    _attach,
    _by_list,
    _expand,
    _groups,
    coding_attributes,
    coding_segments,
    select_codings,
)
from research.errors import InputError

__all__ = [
    "code_frequencies",
]

# ------------------------------------------------------------------- frequencies


def _units(
    selected: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    unit: Unit,
    segments: pd.DataFrame | None,
    actors: Any,
) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """Counted rows (code, unit id, attributes) and the universe of units."""
    coded_docs = set(selected["doc_id"].astype(str))
    if unit == "coding":
        rows = coding_attributes(selected, documents, segments=segments, actors=actors)
        return rows, rows.drop_duplicates("coding"), "coding"
    if unit == "document":
        rows = _attach(selected[["coding", "code", "doc_id"]], documents, actors)
        universe = documents[documents["doc_id"].astype(str).isin(coded_docs)]
        return rows, _attach(universe[["doc_id"]], documents, actors), "doc_id"
    if unit != "segment":
        raise InputError(f"unit must be 'coding', 'document' or 'segment', not {unit!r}")
    if segments is None:
        raise InputError("unit='segment' needs the segments table (segments=corpus.segments)")
    pairs = coding_segments(selected, segments)
    info = segments.drop_duplicates("seg_id").set_index("seg_id")
    seg_cols = [c for c in ("doc_id", "speaker", "actor") if c in info.columns]
    rows = pairs.join(selected[["code"]], on="coding").join(info[seg_cols], on="seg_id")
    universe = segments[segments["doc_id"].astype(str).isin(coded_docs)]
    universe = universe[["seg_id", *seg_cols]].reset_index(drop=True)
    return _attach(rows, documents, actors), _attach(universe, documents, actors), "seg_id"


def code_frequencies(
    codings: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    by: By = "kind",
    unit: Unit = "coding",
    codes: Codes = None,
    include_children: bool = False,
    coder: str | None = None,
    segments: pd.DataFrame | None = None,
    actors: Any = None,
) -> pd.DataFrame:
    """How often each code is used, per value of one or more attributes.

    Parameters
    ----------
    codings, documents : pandas.DataFrame
        The codings (of one coder, or choose with ``coder``) and documents tables.
    by : str or list of str or None
        Attributes to group by (see :func:`coding_attributes`); ``None`` for the
        whole corpus.
    unit : {"coding", "document", "segment"}
        What is counted: codings, documents where the code appears, or segments a
        coding of the code overlaps.
    codes : str or list of str, optional
        Code ids or ``fnmatch`` patterns (``"iw.*"``); a plain id is kept with zero
        counts even when unused. Default: every code used.
    include_children : bool
        Count a coding also for every ancestor of its code (``iw.creating`` then
        counts the codings of ``iw.creating.advocacy``; each coding once).
    coder : str, optional
        The coder whose codings are counted.
    segments : pandas.DataFrame, optional
        Needed for ``unit="segment"`` and for speaker attributes.
    actors : Actors or pandas.DataFrame, optional
        Needed for the actor attributes (``actor_category``, ``organisation``…).

    Returns
    -------
    pandas.DataFrame
        ``code``, the ``by`` columns, ``n`` (units with the code), ``n_units`` (the
        group's units: its codings of the selected codes, its documents coded by
        the coder, or their segments) and ``share`` (``n / n_units``). Every
        code × group combination is present (zeros included), codes in
        ``codes`` order (else sorted), groups sorted.

    Examples
    --------
    >>> import pandas as pd
    >>> cods = pd.DataFrame({"doc_id": ["A", "A", "B"], "start": [0, 5, 0], "end": [4, 9, 3],
    ...                      "code": ["iw.creating.advocacy", "iw.creating.theorizing",
    ...                               "iw.creating.advocacy"]})
    >>> docs = pd.DataFrame({"doc_id": ["A", "B", "C"], "kind": ["interview"] * 3})
    >>> t = code_frequencies(cods, docs, by=None, unit="document", codes="iw.creating",
    ...                      include_children=True)
    >>> t[["code", "n", "n_units", "share"]].values.tolist()
    [['iw.creating', 2, 2, 1.0]]
    """
    selected, chosen = _expand(select_codings(codings, coder=coder), codes, include_children)
    by = _by_list(by)
    rows, universe, key = _units(selected, documents, unit=unit, segments=segments, actors=actors)
    rows = _groups(rows, by, "codings")
    universe = _groups(universe, by, "units")
    group_cols = by or ["_all"]
    if not by:
        rows, universe = rows.assign(_all=""), universe.assign(_all="")
    n_units = universe.groupby(group_cols, sort=True)[key].nunique()
    counts = rows.groupby(["code", *group_cols], sort=False)[key].nunique()
    index = pd.MultiIndex.from_tuples(
        [(c, *(g if isinstance(g, tuple) else (g,))) for c in chosen for g in n_units.index],
        names=["code", *group_cols],
    )
    table = counts.reindex(index, fill_value=0).rename("n").reset_index()
    totals = n_units.rename("n_units").reset_index()
    table = table.merge(totals, on=group_cols, how="left")
    table["n"] = table["n"].astype(np.int64)
    table["n_units"] = table["n_units"].fillna(0).astype(np.int64)
    table["share"] = np.where(
        table["n_units"] > 0, table["n"] / table["n_units"].clip(lower=1), 0.0
    )
    if not by:
        table = table.drop(columns="_all")
    table.attrs.update(unit=unit, by=by, include_children=include_children)
    return table
