"""Analyses of coded text: code frequencies, co-occurrence, code × attribute matrices.

Every function takes the ``codings`` table (``coder``, ``doc_id``, ``start``,
``end``, ``code``, ``quote``…) of **one coder** (pass ``coder=`` to choose one when
the table holds several) and returns a new frame; inputs are never modified.

Where an attribute of a coding comes from
-----------------------------------------
:func:`coding_attributes` gives each coding

* every attribute of its document (``kind``, ``edition``, ``date``,
  ``respondent``, ``respondent_category``, ``organisation_type``…);
* with ``segments``: the segment where the coded passage starts (``seg_id``),
  its ``speaker`` label and speaking ``actor``;
* ``actor``: the speaking actor of that segment, or, when the segment has no known
  speaker (minutes, notes, a transcript without turns) or no segments are given,
  the document's ``respondent``;
* with ``actors`` (the registry): ``actor_label``, ``actor_category``,
  ``organisation`` (the actor's organisation, or the actor itself when it is an
  organisation) and ``organisation_label``.

So ``by="respondent_category"`` groups by who was interviewed, while
``by="actor_category"`` groups by who speaks in the coded passage (the
interviewer's turns then count for ``researcher``).

A coding *overlaps* a segment when their character ranges intersect
(``segment.start < coding.end`` and ``coding.start < segment.end``); a coding
spanning two turns counts for both at the segment level. Attribute values that are
lists (``participants``, ``actors``) count the coding once for each value; missing
values form the group ``"(non renseigné)"``, except that a passage without a known
speaker is grouped, for the speaking actor's attributes, by the kind of its document
(``"(sans locuteur : compte rendu)"``, see :func:`group_names`).

References
----------
.. [1] Miles, M. B., Huberman, A. M. & Saldaña, J. (2014). *Qualitative Data
   Analysis: A Methods Sourcebook* (3rd ed.). Sage.
.. [2] Namey, E., Guest, G., Thairu, L. & Johnson, L. (2008). Data reduction
   techniques for large qualitative data sets. In G. Guest & K. M. MacQueen (Eds.),
   *Handbook for Team-Based Qualitative Research* (pp. 137-161). AltaMira.

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

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from research import vocabulary
from research.analysis._quotes import french_typography, mark_cuts, reference, shorten
from research.codebook import choose_codes
from research.contracts import check_offsets, require_columns
from research.errors import CodingError, InputError, SchemaError
from research.vocabulary import CATEGORY_LABELS

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "CATEGORY_LABELS",
    "MISSING",
    "SPEAKER_ATTRIBUTES",
    "code_attribute_matrix",
    "code_frequencies",
    "coding_attributes",
    "coding_segments",
    "cooccurrence_matrix",
    "cooccurrence_pairs",
    "framework_matrix",
    "framework_table",
    "group_names",
    "plot_cooccurrence",
    "select_codings",
    "speaker_of",
]

Unit = Literal["coding", "document", "segment"]
Codes = str | Sequence[str] | None
By = str | Sequence[str] | None

#: Group name of a missing attribute value.
MISSING = "(non renseigné)"
#: Attributes of the speaking actor, missing where a passage has no known speaker.
SPEAKER_ATTRIBUTES = (
    "actor",
    "actor_label",
    "actor_category",
    "organisation",
    "organisation_label",
)
_REQUIRED = ("doc_id", "start", "end", "code")


def select_codings(
    codings: pd.DataFrame, *, coder: str | None = None, codes: Codes = None
) -> pd.DataFrame:
    """The codings of one coder (and of some codes), checked, in a fresh frame.

    ``codes`` keeps the codings whose code is one of these ids or matches one of
    these ``fnmatch`` patterns (``"iw.*"``).

    Raises
    ------
    CodingError
        When a column is missing, an offset is not a whole number, ``coder`` has no
        codings, or the table mixes coders and ``coder`` is not given.

    Examples
    --------
    >>> import pandas as pd
    >>> both = pd.DataFrame({"coder": ["a", "b"], "doc_id": ["D", "D"],
    ...                      "start": [0, 0], "end": [2, 2], "code": ["x", "x"]})
    >>> len(select_codings(both, coder="b", codes="x*")), len(select_codings(both, coder="b", codes="y"))
    (1, 0)
    """
    require_columns(codings, _REQUIRED, table="codings", error=CodingError)
    frame = check_offsets(codings, table="codings")
    if "coder" in codings.columns:
        coders = sorted(codings["coder"].dropna().astype(str).unique())
        if coder is not None:
            if coder not in coders:
                raise CodingError(
                    f"coder {coder!r} has no codings here",
                    hint=f"coders with codings: {', '.join(coders) or 'none'}",
                )
            frame = frame[frame["coder"] == coder]
        elif len(coders) > 1:
            raise CodingError(
                f"the codings mix {len(coders)} coders ({', '.join(coders)}); counting them "
                "together would count passages twice",
                hint=f"choose one with coder={coders[0]!r}",
            )
    elif coder is not None:
        raise CodingError("the codings have no 'coder' column to choose from", column="coder")
    if codes is not None:
        chosen = set(choose_codes(frame["code"].astype(str).tolist(), codes))
        frame = frame[frame["code"].astype(str).isin(chosen)]
    return frame.reset_index(drop=True)


def _ancestors(code: str) -> list[str]:
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(len(parts), 0, -1)]


def _expand(
    codings: pd.DataFrame, codes: Codes, include_children: bool
) -> tuple[pd.DataFrame, list[str]]:
    """Codings with a ``coding`` id, restricted to ``codes`` (ancestors added when asked)."""
    frame = codings.assign(coding=np.arange(len(codings)), code=codings["code"].astype(str))
    if include_children:
        frame = frame.assign(code=frame["code"].map(_ancestors)).explode("code")
    chosen = choose_codes(frame["code"].tolist(), codes)
    frame = frame[frame["code"].isin(set(chosen))]
    return frame.reset_index(drop=True), chosen


# ---------------------------------------------------------------------- segments


def coding_segments(codings: pd.DataFrame, segments: pd.DataFrame) -> pd.DataFrame:
    """Every (coding, segment) pair whose character ranges intersect.

    Computed with sorted searches over the segments, not a loop over codings.

    Parameters
    ----------
    codings : pandas.DataFrame
        ``doc_id``, ``start``, ``end`` (any other columns are ignored).
    segments : pandas.DataFrame
        ``doc_id``, ``seg_id``, ``start``, ``end``.

    Returns
    -------
    pandas.DataFrame
        ``coding`` (the row position in ``codings``) and ``seg_id``, ordered by
        coding then text order.

    Examples
    --------
    >>> import pandas as pd
    >>> segs = pd.DataFrame({"doc_id": ["D", "D", "E"], "seg_id": ["D:0", "D:1", "E:0"],
    ...                      "start": [0, 10, 0], "end": [8, 20, 5]})
    >>> cods = pd.DataFrame({"doc_id": ["D", "D", "E"], "start": [2, 8, 5], "end": [12, 10, 9]})
    >>> coding_segments(cods, segs).values.tolist()
    [[0, 'D:0'], [0, 'D:1']]
    """
    columns = ("doc_id", "seg_id", "start", "end")
    require_columns(segments, columns, table="segments")
    segs = check_offsets(segments[list(columns)], table="segments", error=SchemaError, empty=True)
    segs = segs.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)
    require_columns(codings, ("doc_id", "start", "end"), table="codings", error=CodingError)
    cods = check_offsets(codings[["doc_id", "start", "end"]], table="codings")
    cods = cods.reset_index(drop=True)
    docs = pd.Index(pd.unique(pd.concat([segs["doc_id"], cods["doc_id"]]).astype(str)))
    big = int(max(segs["end"].max() if len(segs) else 0, cods["end"].max() if len(cods) else 0)) + 1
    seg_doc = docs.get_indexer(segs["doc_id"].astype(str)).astype(np.int64) * big
    s_start = seg_doc + segs["start"].to_numpy()
    s_end = seg_doc + segs["end"].to_numpy()
    if len(s_end) > 1 and np.any(np.diff(s_end) < 0):
        return _pairs_by_merge(cods, segs)
    cod_doc = docs.get_indexer(cods["doc_id"].astype(str)).astype(np.int64) * big
    first = np.searchsorted(s_end, cod_doc + cods["start"].to_numpy(), side="right")
    last = np.searchsorted(s_start, cod_doc + cods["end"].to_numpy(), side="left") - 1
    counts = np.clip(last - first + 1, 0, None)
    coding = np.repeat(np.arange(len(cods)), counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    seg_index = np.repeat(first, counts) + offsets
    return pd.DataFrame({"coding": coding, "seg_id": segs["seg_id"].to_numpy()[seg_index]})


def _pairs_by_merge(cods: pd.DataFrame, segs: pd.DataFrame) -> pd.DataFrame:
    """Overlapping segments (unusual input): a join on documents, then a range test."""
    merged = cods.assign(coding=np.arange(len(cods))).merge(
        segs.assign(order=np.arange(len(segs))), on="doc_id", suffixes=("", "_seg")
    )
    hit = (merged["start_seg"] < merged["end"]) & (merged["start"] < merged["end_seg"])
    pairs = merged[hit].sort_values(["coding", "order"])
    return pairs[["coding", "seg_id"]].reset_index(drop=True)


def speaker_of(codings: pd.DataFrame, segments: pd.DataFrame) -> pd.DataFrame:
    """The segment where each coded passage starts, with its speaker and actor.

    Returns
    -------
    pandas.DataFrame
        One row per coding, in its order: ``seg_id``, ``speaker``, ``actor``
        (missing when the passage lies outside every segment).

    Examples
    --------
    >>> import pandas as pd
    >>> segs = pd.DataFrame({"doc_id": ["D", "D"], "seg_id": ["D:0", "D:1"],
    ...                      "start": [0, 10], "end": [8, 20], "speaker": ["I", "Élodie"],
    ...                      "actor": ["P04", "P10"]})
    >>> cods = pd.DataFrame({"doc_id": ["D"], "start": [12], "end": [15]})
    >>> speaker_of(cods, segs).values.tolist()
    [['D:1', 'Élodie', 'P10']]
    """
    pairs = coding_segments(codings, segments).drop_duplicates("coding")
    info = segments.drop_duplicates("seg_id").set_index("seg_id")
    cols = {c: info[c] if c in info.columns else pd.Series(None, index=info.index, dtype=object)
            for c in ("speaker", "actor")}  # fmt: skip
    out = pd.DataFrame({"seg_id": pd.Series([None] * len(codings), dtype=object)})
    out.loc[pairs["coding"].to_numpy(), "seg_id"] = pairs["seg_id"].to_numpy()
    for name, values in cols.items():
        out[name] = out["seg_id"].map(values).astype(object).where(out["seg_id"].notna(), None)
    return out


# -------------------------------------------------------------------- attributes


def _registry(actors: Any) -> pd.DataFrame:
    frame = getattr(actors, "frame", actors)
    if not isinstance(frame, pd.DataFrame):
        raise InputError("actors must be the actor registry (Actors or its DataFrame)")
    require_columns(frame, ("actor_id", "category"), table="actors")
    return frame.drop_duplicates("actor_id").set_index("actor_id")


def _attach(frame: pd.DataFrame, documents: pd.DataFrame, actors: Any) -> pd.DataFrame:
    """Document attributes, the speaking (or responding) actor and its registry facts."""
    require_columns(documents, ("doc_id",), table="documents")
    docs = documents.drop_duplicates("doc_id").set_index("doc_id")
    keep = [c for c in docs.columns if c not in frame.columns]
    out = frame.join(docs[keep], on="doc_id")
    unknown = sorted(set(out["doc_id"].astype(str)) - set(docs.index.astype(str)))
    if unknown:
        raise CodingError(
            f"codings refer to document(s) not in the documents table: {', '.join(unknown[:5])}",
            hint="load the whole corpus, or re-anchor the codings after renaming documents",
        )
    speaker = out["actor"] if "actor" in out.columns else pd.Series(None, index=out.index)
    if "respondent" in out.columns:
        speaker = speaker.where(speaker.notna(), out["respondent"])
    out["actor"] = speaker.astype(object).where(speaker.notna(), None)
    if actors is None:
        return out
    reg = _registry(actors)
    label = reg["label"] if "label" in reg.columns else pd.Series(reg.index, index=reg.index)
    org = reg["organisation"] if "organisation" in reg.columns else pd.Series(None, index=reg.index)
    if "kind" in reg.columns:
        org = org.where(reg["kind"] != "organisation", pd.Series(reg.index, index=reg.index))
    out["actor_label"] = out["actor"].map(label)
    out["actor_category"] = out["actor"].map(reg["category"])
    out["organisation"] = out["actor"].map(org)
    out["organisation_label"] = out["organisation"].map(label)
    return out


def coding_attributes(
    codings: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    segments: pd.DataFrame | None = None,
    actors: Any = None,
) -> pd.DataFrame:
    """Codings with the attributes of their document, speaker and actor.

    See the module description for where each attribute comes from.

    Parameters
    ----------
    codings : pandas.DataFrame
        Codings (any number of coders).
    documents : pandas.DataFrame
        The documents table.
    segments : pandas.DataFrame, optional
        The segments table, for ``seg_id``, ``speaker`` and the speaking ``actor``.
    actors : Actors or pandas.DataFrame, optional
        The actor registry, for ``actor_label``, ``actor_category``,
        ``organisation`` and ``organisation_label``.

    Raises
    ------
    CodingError
        When a coding names a document the documents table lacks.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["INT03"], "kind": ["interview"], "respondent": ["P10"]})
    >>> reg = pd.DataFrame({"actor_id": ["P10", "O15"], "label": ["Élodie", "Vrac'n Roule"],
    ...                     "kind": ["person", "organisation"],
    ...                     "category": ["project_holder", "enterprise"],
    ...                     "organisation": ["O15", None]})
    >>> cods = pd.DataFrame({"doc_id": ["INT03"], "start": [0], "end": [5], "code": ["x"]})
    >>> row = coding_attributes(cods, docs, actors=reg).iloc[0]
    >>> row["actor"], row["actor_category"], row["organisation_label"]
    ('P10', 'project_holder', "Vrac'n Roule")
    """
    require_columns(codings, ("doc_id", "start", "end"), table="codings", error=CodingError)
    out = codings.reset_index(drop=True).copy()
    if segments is not None:
        found = speaker_of(out, segments)
        for col in ("seg_id", "speaker", "actor"):
            out[col] = found[col].to_numpy()
    return _attach(out, documents, actors)


# ------------------------------------------------------------------- frequencies


def _by_list(by: By) -> list[str]:
    if by is None:
        return []
    return [by] if isinstance(by, str) else list(by)


def _groups(frame: pd.DataFrame, by: list[str], what: str) -> pd.DataFrame:
    """Explode list-valued attributes and name missing values."""
    out = frame
    for col in by:
        if col not in out.columns:
            known = ", ".join(c for c in out.columns if c not in ("start", "end", "quote", "memo"))
            raise InputError(
                f"no attribute {col!r} to group the {what} by",
                hint=f"known attributes: {known}; actor attributes need segments= and actors=",
            )
        if out[col].map(lambda v: isinstance(v, list)).any():
            out = out.explode(col)
        filled = group_names(out, col)
        out = out.assign(**{col: filled.map(lambda v: v if isinstance(v, str) else str(v))})
    return out


def group_names(frame: pd.DataFrame, col: str) -> pd.Series:
    """The values of an attribute as names of groups.

    A missing value becomes :data:`MISSING`; but a passage without a known speaker
    (minutes, logbook entries) is grouped, for the attributes of the speaking actor
    (:data:`SPEAKER_ATTRIBUTES`), by the kind of its document:
    ``"(sans locuteur : compte rendu)"``, ``"(sans locuteur : journal de bord)"``.

    Examples
    --------
    >>> frame = pd.DataFrame({"kind": ["interview", "minutes", None],
    ...                       "actor_category": ["elected", None, None]})
    >>> group_names(frame, "actor_category").tolist()
    ['elected', '(sans locuteur : compte rendu)', '(non renseigné)']
    """
    values = frame[col].astype(object)
    missing = values.isna()
    if not missing.any():
        return values
    names = pd.Series(MISSING, index=frame.index, dtype=object)
    if col in SPEAKER_ATTRIBUTES and "kind" in frame.columns:
        kinds = frame["kind"].map(
            lambda k: vocabulary.label("document_kind", k) if isinstance(k, str) else None
        )
        named = kinds.map(lambda k: f"(sans locuteur : {k})", na_action="ignore")
        names = named.where(named.notna(), MISSING)
    return values.where(~missing, names)


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


def code_attribute_matrix(
    codings: pd.DataFrame,
    documents: pd.DataFrame,
    attribute: str,
    *,
    value: Literal["n", "share"] = "n",
    unit: Unit = "coding",
    codes: Codes = None,
    include_children: bool = False,
    coder: str | None = None,
    segments: pd.DataFrame | None = None,
    actors: Any = None,
    total: bool = True,
) -> pd.DataFrame:
    """A code × attribute matrix: codes as rows, the attribute's values as columns.

    Parameters are those of :func:`code_frequencies`; ``value`` chooses counts or
    shares of the column's units. With ``total``, a last column ``total`` gives
    the same figure for the whole corpus. ``matrix.attrs["n_units"]`` maps each
    column to its number of units (the "n =" of a table header).

    References
    ----------
    .. [1] Miles, M. B., Huberman, A. M. & Saldaña, J. (2014). *Qualitative Data
       Analysis: A Methods Sourcebook* (3rd ed.), ch. 6. Sage.

    Examples
    --------
    >>> import pandas as pd
    >>> cods = pd.DataFrame({"doc_id": ["A", "A", "B"], "start": [0, 5, 0], "end": [4, 9, 3],
    ...                      "code": ["x", "y", "x"]})
    >>> docs = pd.DataFrame({"doc_id": ["A", "B"], "edition": ["SUT2016", "SUT2017"]})
    >>> code_attribute_matrix(cods, docs, "edition").to_dict("index")
    {'x': {'SUT2016': 1, 'SUT2017': 1, 'total': 2}, 'y': {'SUT2016': 1, 'SUT2017': 0, 'total': 1}}
    """
    if value not in ("n", "share"):
        raise InputError(f"value must be 'n' or 'share', not {value!r}")
    options = {"unit": unit, "codes": codes, "include_children": include_children,
               "coder": coder, "segments": segments, "actors": actors}  # fmt: skip
    long = code_frequencies(codings, documents, by=attribute, **options)
    order = list(dict.fromkeys(long["code"]))
    matrix = long.pivot(index="code", columns=attribute, values=value).reindex(order)
    n_units = long.drop_duplicates(attribute).set_index(attribute)["n_units"].to_dict()
    if total:
        overall = code_frequencies(codings, documents, by=None, **options).set_index("code")
        matrix["total"] = overall[value].reindex(order)
        n_units["total"] = int(overall["n_units"].iloc[0]) if len(overall) else 0
    matrix.columns.name = None
    matrix.attrs.update(n_units=n_units, unit=unit, value=value, attribute=attribute)
    return matrix


# ------------------------------------------------------------------ co-occurrence


def cooccurrence_matrix(
    codings: pd.DataFrame,
    segments: pd.DataFrame | None = None,
    *,
    unit: Literal["segment", "document"] = "segment",
    codes: Codes = None,
    measure: Literal["count", "jaccard"] = "count",
    include_children: bool = False,
    coder: str | None = None,
    top: int | None = None,
) -> pd.DataFrame:
    """How often two codes are applied to the same unit (segment or document).

    The units × codes incidence matrix ``X`` (1 when a coding of the code
    overlaps the unit) is built as a sparse matrix and ``C = XᵀX`` counts, for
    each pair of codes, the units carrying both; the diagonal counts the units
    carrying each code. ``measure="jaccard"`` divides by the units carrying
    either: ``C[i, j] / (C[i, i] + C[j, j] - C[i, j])`` (0 when neither is used).

    Parameters
    ----------
    codings : pandas.DataFrame
        The codings (one coder, or choose with ``coder``).
    segments : pandas.DataFrame, optional
        Needed when ``unit="segment"``.
    unit : {"segment", "document"}
        The unit within which codes co-occur.
    codes : str or list of str, optional
        Ids or patterns; the matrix keeps this order (else sorted ids).
    measure : {"count", "jaccard"}
    include_children : bool
        A coding also marks the unit with its code's ancestors.
    coder : str, optional
    top : int, optional
        Keep only the ``top`` codes carrying the most units (in their order), for
        a readable heatmap.

    Returns
    -------
    pandas.DataFrame
        Square, codes as index and columns; ``attrs`` records ``unit``,
        ``measure`` and ``n_units`` (units carrying at least one selected code).

    References
    ----------
    .. [1] Jaccard, P. (1912). The distribution of the flora in the alpine zone.
       *New Phytologist*, 11(2), 37-50.
    .. [2] Namey, E., Guest, G., Thairu, L. & Johnson, L. (2008). Data reduction
       techniques for large qualitative data sets. In G. Guest & K. M. MacQueen
       (Eds.), *Handbook for Team-Based Qualitative Research* (pp. 137-161).

    Examples
    --------
    >>> import pandas as pd
    >>> segs = pd.DataFrame({"doc_id": ["D"] * 3, "seg_id": ["D:0", "D:1", "D:2"],
    ...                      "start": [0, 10, 20], "end": [9, 19, 29]})
    >>> cods = pd.DataFrame({"doc_id": ["D"] * 4, "start": [0, 2, 12, 22], "end": [5, 15, 14, 25],
    ...                      "code": ["a", "b", "a", "b"]})
    >>> cooccurrence_matrix(cods, segs).values.tolist()
    [[2, 2], [2, 3]]
    >>> cooccurrence_matrix(cods, segs, measure="jaccard").round(3).values.tolist()
    [[1.0, 0.667], [0.667, 1.0]]
    """
    if measure not in ("count", "jaccard"):
        raise InputError(f"measure must be 'count' or 'jaccard', not {measure!r}")
    selected, chosen = _expand(select_codings(codings, coder=coder), codes, include_children)
    if unit == "segment":
        if segments is None:
            raise InputError("unit='segment' needs the segments table (segments=corpus.segments)")
        pairs = coding_segments(selected, segments)
        unit_ids = pairs["seg_id"].astype(str).to_numpy()
        code_ids = selected["code"].to_numpy()[pairs["coding"].to_numpy()]
    elif unit == "document":
        unit_ids = selected["doc_id"].astype(str).to_numpy()
        code_ids = selected["code"].to_numpy()
    else:
        raise InputError(f"unit must be 'segment' or 'document', not {unit!r}")
    rows, units = pd.factorize(unit_ids, sort=True)
    cols = pd.Index(chosen).get_indexer(code_ids)
    X = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=(len(units), len(chosen))
    )
    X.data[:] = 1  # duplicates were summed: keep presence only
    C = np.asarray((X.T @ X).todense(), dtype=np.int64)
    if top is not None and top < len(chosen):
        keep = np.sort(np.argsort(-np.diag(C), kind="stable")[:top])
        C, chosen = C[np.ix_(keep, keep)], [chosen[k] for k in keep]
    if measure == "jaccard":
        d = np.diag(C)
        union = d[:, None] + d[None, :] - C
        values = np.divide(C, union, out=np.zeros(C.shape, dtype=float), where=union > 0)
    else:
        values = C
    matrix = pd.DataFrame(values, index=pd.Index(chosen, name="code"), columns=chosen)
    matrix.attrs.update(unit=unit, measure=measure, n_units=len(units))
    return matrix


def cooccurrence_pairs(matrix: pd.DataFrame, *, top: int | None = None) -> pd.DataFrame:
    """The pairs of distinct codes of a co-occurrence matrix, strongest first.

    Returns
    -------
    pandas.DataFrame
        ``code_a``, ``code_b`` (``code_a`` before ``code_b`` in the matrix order)
        and ``value``; pairs that never co-occur are left out; ties keep the
        matrix order. ``top`` keeps the first rows only.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame([[3, 1, 2], [1, 2, 0], [2, 0, 4]], index=list("abc"), columns=list("abc"))
    >>> cooccurrence_pairs(m).values.tolist()
    [['a', 'c', 2], ['a', 'b', 1]]
    """
    values = matrix.to_numpy()
    i, j = np.triu_indices(len(matrix), k=1)
    pairs = pd.DataFrame(
        {"code_a": matrix.index[i], "code_b": matrix.columns[j], "value": values[i, j]}
    )
    pairs = pairs[pairs["value"] > 0].sort_values("value", ascending=False, kind="stable")
    pairs = pairs.reset_index(drop=True)
    return pairs if top is None else pairs.head(top)


def plot_cooccurrence(
    matrix: pd.DataFrame,
    *,
    labels: dict[str, str] | None = None,
    annotate: bool = True,
    title: str | None = None,
    cmap: str = "Blues",
) -> Figure:
    """A heatmap of a co-occurrence matrix (diagonal left blank); returns the Figure.

    Cells are annotated with their values when ``annotate`` and the matrix has at
    most 20 codes.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame([[2, 1], [1, 3]], index=["a", "b"], columns=["a", "b"])
    >>> fig = plot_cooccurrence(m, labels={"a": "Plaidoyer"})
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Plaidoyer', 'b']
    """
    from matplotlib.figure import Figure

    n = len(matrix)
    values = matrix.to_numpy(dtype=float).copy()
    np.fill_diagonal(values, np.nan)
    size = max(4.0, 0.28 * n + 3.0)
    fig = Figure(figsize=(size + 1.5, size), layout="constrained")
    ax = fig.add_subplot()
    image = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=0)
    names = [(labels or {}).get(c, c) for c in matrix.index]
    ax.set_xticks(range(n), names, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(n), names, fontsize=8)
    if annotate and n <= 20:
        top = np.nanmax(values) if np.isfinite(values).any() else 0
        integer = matrix.attrs.get("measure", "count") == "count"
        for i, j in zip(*np.nonzero(np.nan_to_num(values) > 0), strict=True):
            v = values[i, j]
            text = f"{int(v)}" if integer else f"{v:.2f}"
            ax.text(j, i, text, ha="center", va="center", fontsize=7,
                    color="white" if v > top / 2 else "black")  # fmt: skip
    fig.colorbar(image, ax=ax, shrink=0.7)
    if title:
        ax.set_title(title)
    return fig


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
