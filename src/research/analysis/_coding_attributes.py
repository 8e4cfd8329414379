"""Codings of one coder, the segments they overlap, and the attributes they are grouped by.

Every function takes the ``codings`` table (``coder``, ``doc_id``, ``start``,
``end``, ``code``, ``quote``…) of **one coder** (pass ``coder=`` to choose one when
the table holds several) and returns a new frame; inputs are never modified.

Where an attribute of a coding comes from
-----------------------------------------
:func:`coding_attributes` gives each coding

* every attribute of its document (``kind``, ``edition``, ``date``,
  ``respondent``, ``respondent_category``, ``organisation_type``…);
* with ``segments``: the segment where the coded passage starts (``seg_id``),
  its ``speaker`` label and speaking ``actor``, and, for a paginated document
  (a PDF), its ``page`` (``"12"``, or ``"12-13"`` over a page break);
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
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from research import vocabulary
from research.codebook import choose_codes
from research.contracts import check_offsets, require_columns
from research.errors import CodingError, InputError, SchemaError
from research.vocabulary import CATEGORY_LABELS

__all__ = [
    "CATEGORY_LABELS",
    "MISSING",
    "SPEAKER_ATTRIBUTES",
    "coding_attributes",
    "coding_segments",
    "group_names",
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

    When the segments have pages (a PDF), a ``page`` column gives the page of each
    passage: ``"12"``, or ``"12-13"`` for a passage that runs over a page break.

    Returns
    -------
    pandas.DataFrame
        One row per coding, in its order: ``seg_id``, ``speaker``, ``actor``
        (missing when the passage lies outside every segment), and ``page``.

    Examples
    --------
    >>> import pandas as pd
    >>> segs = pd.DataFrame({"doc_id": ["D", "D"], "seg_id": ["D:0", "D:1"],
    ...                      "start": [0, 10], "end": [8, 20], "speaker": ["I", "Élodie"],
    ...                      "actor": ["P04", "P10"]})
    >>> cods = pd.DataFrame({"doc_id": ["D"], "start": [12], "end": [15]})
    >>> speaker_of(cods, segs).values.tolist()
    [['D:1', 'Élodie', 'P10']]
    >>> speaker_of(cods.assign(start=2), segs.assign(page=["4", "5"]))["page"].tolist()
    ['4-5']
    """
    all_pairs = coding_segments(codings, segments)
    pairs = all_pairs.drop_duplicates("coding")
    info = segments.drop_duplicates("seg_id").set_index("seg_id")
    cols = {c: info[c] if c in info.columns else pd.Series(None, index=info.index, dtype=object)
            for c in ("speaker", "actor")}  # fmt: skip
    out = pd.DataFrame({"seg_id": pd.Series([None] * len(codings), dtype=object)})
    out.loc[pairs["coding"].to_numpy(), "seg_id"] = pairs["seg_id"].to_numpy()
    for name, values in cols.items():
        out[name] = out["seg_id"].map(values).astype(object).where(out["seg_id"].notna(), None)
    if "page" in info.columns:
        out["page"] = _pages(all_pairs, info["page"], len(codings))
    return out


def _pages(pairs: pd.DataFrame, page_of: pd.Series, n: int) -> list[str | None]:
    """The page, or first and last pages, of each coding's overlapping segments."""
    pages: list[str | None] = [None] * n
    found = pairs.assign(page=pairs["seg_id"].map(page_of)).dropna(subset=["page"])
    for coding, group in found.groupby("coding", sort=False):
        first, last = str(group["page"].iloc[0]), str(group["page"].iloc[-1])
        pages[int(coding)] = first if first == last else f"{first}-{last}"
    return pages


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
        for col in ("seg_id", "speaker", "actor", "page"):
            if col in found.columns:
                out[col] = found[col].to_numpy()
    return _attach(out, documents, actors)


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
