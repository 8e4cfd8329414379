"""Institutional-work profiles from the ``iw.*`` codes of a codebook.

Lawrence and Suddaby (2006) name eighteen forms of institutional work, grouped in
three pillars: nine forms of *creating* institutions, six of *maintaining* them and
three of *disrupting* them (:data:`FORMS`). A codebook's ``iw`` tree codes them with
ids such as ``iw.creating.advocacy``; :func:`iw_code_map` recognises each code's
pillar and form from its id (children of a form, such as
``iw.creating.advocacy.elected``, count for that form), and
:func:`iw_profile` counts the forms or pillars per actor category, organisation or
edition, with shares and the ``n`` they rest on. :func:`plot_iw_profile` draws a
profile; :func:`iw_examples` picks quotes that illustrate each cell, referenced
the way French theses cite interviews (see :mod:`research.analysis`).

References
----------
.. [1] Lawrence, T. B. & Suddaby, R. (2006). Institutions and institutional work.
   In S. R. Clegg, C. Hardy, T. B. Lawrence & W. R. Nord (Eds.), *The SAGE
   Handbook of Organization Studies* (2nd ed., pp. 215-254). Sage.
.. [2] Lawrence, T. B., Suddaby, R. & Leca, B. (2009). *Institutional Work:
   Actors and Agency in Institutional Studies of Organizations*. Cambridge
   University Press.

Examples
--------
>>> iw_code_map(["iw.creating.advocacy", "iw.maintaining.embedding_routinizing",
...              "iw.disrupting", "ant.enrolment"])[["code", "pillar", "form"]].values.tolist()
[['iw.creating.advocacy', 'creating', 'advocacy'], ['iw.maintaining.embedding_routinizing', 'maintaining', 'embedding_routinizing'], ['iw.disrupting', 'disrupting', None]]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from research.analysis._coding_attributes import (
    coding_attributes,
    group_names,
    select_codings,
)
from research.analysis._frequencies import code_frequencies
from research.analysis._quote_table import quotes_table
from research.errors import CodebookError, InputError
from research.vocabulary import PILLAR_LABELS

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "FORMS",
    "PILLARS",
    "PILLAR_COLORS",
    "forms_table",
    "iw_code_map",
    "iw_codings",
    "iw_examples",
    "iw_profile",
    "plot_iw_profile",
    "profile_matrix",
]

Level = Literal["form", "pillar"]

#: The three pillars, in Lawrence and Suddaby's order, with their French names.
PILLARS: dict[str, str] = PILLAR_LABELS
#: One colour per pillar (colour-blind-safe Dark2 hues).
PILLAR_COLORS: dict[str, str] = {
    "creating": "#1b9e77",
    "maintaining": "#7570b3",
    "disrupting": "#d95f02",
}

#: The eighteen forms: form id → (pillar, English name, French name, other spellings).
FORMS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "advocacy": ("creating", "Advocacy", "Plaidoyer", ()),
    "defining": ("creating", "Defining", "Définition", ("definition",)),
    "vesting": ("creating", "Vesting", "Attribution de droits", ()),
    "constructing_identities": (
        "creating", "Constructing identities", "Construction d’identités", ("identities", "identity"),
    ),
    "changing_normative_associations": (
        "creating", "Changing normative associations", "Modification des associations normatives",
        ("normative_associations",),
    ),
    "constructing_normative_networks": (
        "creating", "Constructing normative networks", "Construction de réseaux normatifs",
        ("normative_networks",),
    ),
    "mimicry": ("creating", "Mimicry", "Mimétisme", ()),
    "theorizing": ("creating", "Theorizing", "Théorisation", ("theorization",)),
    "educating": ("creating", "Educating", "Éducation", ("education",)),
    "enabling_work": ("maintaining", "Enabling work", "Habilitation", ("enabling",)),
    "policing": ("maintaining", "Policing", "Contrôle", ()),
    "deterring": ("maintaining", "Deterring", "Dissuasion", ()),
    "valorizing_demonizing": (
        "maintaining", "Valorizing and demonizing", "Valorisation et diabolisation",
        ("valorizing_and_demonizing", "valorizing", "demonizing"),
    ),
    "mythologizing": ("maintaining", "Mythologizing", "Mythification", ()),
    "embedding_routinizing": (
        "maintaining", "Embedding and routinizing", "Ancrage et routinisation",
        ("embedding_and_routinizing", "embedding", "routinizing"),
    ),
    "disconnecting_sanctions": (
        "disrupting", "Disconnecting sanctions", "Déconnexion des sanctions", ("sanctions",),
    ),
    "disassociating_moral_foundations": (
        "disrupting", "Disassociating moral foundations", "Dissociation des fondements moraux",
        ("moral_foundations", "disassociating"),
    ),
    "undermining_assumptions": (
        "disrupting", "Undermining assumptions and beliefs", "Remise en cause des croyances et présupposés",
        ("undermining_assumptions_and_beliefs", "undermining", "assumptions"),
    ),
}  # fmt: skip

_ALIASES = {alias: form for form, (*_, more) in FORMS.items() for alias in (form, *more)}


def forms_table(*, language: Literal["fr", "en"] = "fr") -> pd.DataFrame:
    """The eighteen forms of institutional work with their pillar, in canonical order.

    References
    ----------
    .. [1] Lawrence, T. B. & Suddaby, R. (2006). Institutions and institutional work.
       In *The SAGE Handbook of Organization Studies* (2nd ed., pp. 215-254). Sage.

    Examples
    --------
    >>> table = forms_table()
    >>> table.groupby("pillar", sort=False).size().to_dict()
    {'creating': 9, 'maintaining': 6, 'disrupting': 3}
    >>> table.loc[0, ["form", "label"]].tolist()
    ['advocacy', 'Plaidoyer']
    """
    index = 2 if language == "fr" else 1
    return pd.DataFrame(
        [
            {
                "pillar": p[0],
                "pillar_label": PILLARS[p[0]] if language == "fr" else p[0],
                "form": form,
                "label": p[index],
            }
            for form, p in FORMS.items()
        ]
    )


_BRITISH = re.compile(r"(?<=[a-z])is(e|es|ed|ing|ation|ations)(?=_|$)")


def _slug(part: str) -> str:
    """Lower case, ``_`` between words, American spelling (theorising → theorizing)."""
    slug = re.sub(r"[^a-z0-9]+", "_", part.lower()).strip("_").replace("valour", "valor")
    return _BRITISH.sub(r"iz\1", slug)


def iw_code_map(
    codes: Sequence[str] | pd.DataFrame | Any,
    *,
    namespace: str = "iw",
    mapping: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Recognise the pillar and form of each institutional-work code.

    Parameters
    ----------
    codes : list of str, Codebook or its ``codes`` frame
        Code ids; only those under ``namespace`` are kept.
    namespace : str
        The root id of the institutional-work tree.
    mapping : mapping, optional
        ``code`` → form id (or pillar id) for ids that cannot be recognised.

    Returns
    -------
    pandas.DataFrame
        ``code``, ``pillar`` and ``form`` (``None`` for a pillar-level code or a
        code under ``namespace`` that names no form). A code's form is the
        deepest part of its id that names one (``iw.creating.advocacy.elected`` →
        ``advocacy``); its pillar, the part that names a pillar, else the form's.

    Raises
    ------
    CodebookError
        When a form is found under another pillar than its own
        (``iw.maintaining.advocacy``): a codebook mistake worth fixing.

    Examples
    --------
    >>> iw_code_map(["iw.creating.theorising", "iw.other"],
    ...             mapping={"iw.other": "educating"}).values.tolist()
    [['iw.creating.theorising', 'creating', 'theorizing'], ['iw.other', 'creating', 'educating']]
    """
    if hasattr(codes, "ids"):
        ids = list(codes.ids)
    elif isinstance(codes, pd.DataFrame):
        ids = codes["code"].astype(str).tolist()
    else:
        ids = [str(c) for c in codes]
    rows = []
    for code in dict.fromkeys(ids):
        parts = code.split(".")
        if parts[0] != namespace:
            continue
        wanted = (mapping or {}).get(code)
        form = _ALIASES.get(_slug(wanted)) if wanted else None
        pillar = wanted if wanted in PILLARS else None
        if wanted and form is None and pillar is None:
            raise InputError(f"mapping gives {code!r} the unknown form {wanted!r}",
                             hint=f"use one of: {', '.join(FORMS)}")  # fmt: skip
        for part in reversed(parts[1:]):
            if form is None and _slug(part) in _ALIASES:
                form = _ALIASES[_slug(part)]
            if pillar is None and _slug(part) in PILLARS:
                pillar = _slug(part)
        if form is not None:
            own = FORMS[form][0]
            if pillar is not None and pillar != own:
                raise CodebookError(
                    f"code {code!r} puts the form {form!r} under {pillar!r}; "
                    f"Lawrence & Suddaby (2006) place it under {own!r}",
                    hint=f"move it under {namespace}.{own}, or give mapping={{{code!r}: ...}}",
                )
            pillar = own
        rows.append({"code": code, "pillar": pillar, "form": form})
    table = pd.DataFrame(rows, columns=["code", "pillar", "form"], dtype=object)
    return table.where(table.notna(), None)


def iw_codings(
    codings: pd.DataFrame,
    *,
    namespace: str = "iw",
    mapping: Mapping[str, str] | None = None,
    coder: str | None = None,
) -> pd.DataFrame:
    """The institutional-work codings of one coder, with their ``pillar`` and ``form``.

    Codings of codes that name neither a pillar nor a form are left out; codings
    that already have these columns get them anew.

    Examples
    --------
    >>> import pandas as pd
    >>> cods = pd.DataFrame({"doc_id": ["A", "A"], "start": [0, 5], "end": [4, 9],
    ...                      "code": ["iw.creating.vesting", "ant.enrolment"]})
    >>> iw_codings(cods)[["code", "pillar", "form"]].values.tolist()
    [['iw.creating.vesting', 'creating', 'vesting']]
    """
    frame = select_codings(codings, coder=coder)
    frame = frame.drop(columns=[c for c in ("pillar", "form") if c in frame.columns])
    known = iw_code_map(frame["code"].astype(str).unique(), namespace=namespace, mapping=mapping)
    known = known[known["pillar"].notna()].set_index("code")
    frame = frame[frame["code"].astype(str).isin(known.index)].reset_index(drop=True)
    return frame.join(known, on="code")


def _level_codes(frame: pd.DataFrame, level: Level) -> tuple[pd.DataFrame, list[str]]:
    if level == "pillar":
        return frame.assign(code=frame["pillar"]), list(PILLARS)
    if level != "form":
        raise InputError(f"level must be 'form' or 'pillar', not {level!r}")
    kept = frame[frame["form"].notna()]
    return kept.assign(code=kept["form"]), list(FORMS)


def iw_profile(
    codings: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = "actor_category",
    level: Level = "form",
    unit: Literal["coding", "document", "segment"] = "coding",
    coder: str | None = None,
    segments: pd.DataFrame | None = None,
    actors: Any = None,
    namespace: str = "iw",
    mapping: Mapping[str, str] | None = None,
    language: Literal["fr", "en"] = "fr",
) -> pd.DataFrame:
    """Institutional-work profile: forms (or pillars) per actor category, organisation or edition.

    Parameters
    ----------
    codings, documents : pandas.DataFrame
        The codings (one coder, or choose with ``coder``) and documents tables.
    by : str or list of str or None
        Attribute(s) of the groups compared: ``actor_category`` (who speaks),
        ``respondent_category``, ``organisation_label``, ``edition``… (see
        :func:`research.analysis.coding_attributes`).
    level : {"form", "pillar"}
        The eighteen forms, or the three pillars.
    unit : {"coding", "document", "segment"}
        What is counted (see :func:`research.analysis.code_frequencies`).
    segments, actors
        For speaker and actor attributes.
    namespace, mapping
        See :func:`iw_code_map`.
    language : {"fr", "en"}
        Language of the ``label`` and ``pillar_label`` columns.

    Returns
    -------
    pandas.DataFrame
        The ``by`` columns, ``pillar``, ``pillar_label``, ``form`` (absent at the
        pillar level), ``label``, ``n`` (units with the form), ``n_group`` (the
        group's institutional-work units) and ``share`` (``n / n_group``). Every
        form appears for every group, zeros included, in canonical order.

    References
    ----------
    .. [1] Lawrence, T. B. & Suddaby, R. (2006). Institutions and institutional work.
       In *The SAGE Handbook of Organization Studies* (2nd ed., pp. 215-254). Sage.

    Examples
    --------
    >>> import pandas as pd
    >>> cods = pd.DataFrame({"doc_id": ["A", "A", "B"], "start": [0, 5, 0], "end": [4, 9, 3],
    ...                      "code": ["iw.creating.advocacy", "iw.maintaining.policing",
    ...                               "iw.creating.advocacy"]})
    >>> docs = pd.DataFrame({"doc_id": ["A", "B"], "edition": ["SUT2016", "SUT2017"]})
    >>> p = iw_profile(cods, docs, by="edition", level="pillar")
    >>> p[["edition", "pillar", "n", "n_group", "share"]].values.tolist()[:3]
    [['SUT2016', 'creating', 1, 2, 0.5], ['SUT2016', 'maintaining', 1, 2, 0.5], ['SUT2016', 'disrupting', 0, 2, 0.0]]
    """
    frame = iw_codings(codings, namespace=namespace, mapping=mapping, coder=coder)
    frame, order = _level_codes(frame, level)
    by_cols = [] if by is None else [by] if isinstance(by, str) else list(by)
    options = {"segments": segments, "actors": actors}
    counts = code_frequencies(frame.drop(columns=["pillar", "form"]), documents, by=by_cols or None,
                              unit=unit, codes=order, **options)  # fmt: skip
    counts = counts.rename(columns={"n_units": "n_group"})
    names = forms_table(language=language)
    if level == "form":
        info = names.rename(columns={"form": "code"})
    else:
        info = names.drop_duplicates("pillar").assign(code=lambda t: t["pillar"])
        info = info.assign(label=info["pillar_label"])[["code", "pillar", "pillar_label", "label"]]
    table = counts.merge(info, on="code", how="left")
    rank = table["code"].map({c: i for i, c in enumerate(order)})
    table = table.assign(_rank=rank).sort_values([*by_cols, "_rank"], kind="stable")
    table = table.rename(columns={"code": "form"}) if level == "form" else table
    table = table.reset_index(drop=True)
    columns = [*by_cols, "pillar", "pillar_label", *(["form"] if level == "form" else []), "label"]
    table = table[[*columns, "n", "n_group", "share"]]
    table.attrs.update(level=level, by=by_cols, unit=unit)
    return table


def profile_matrix(
    profile: pd.DataFrame, *, value: Literal["n", "share"] = "share"
) -> pd.DataFrame:
    """A profile as a groups × forms (or pillars) table, with ``n`` per group.

    Examples
    --------
    >>> import pandas as pd
    >>> cods = pd.DataFrame({"doc_id": ["A", "B"], "start": [0, 0], "end": [4, 3],
    ...                      "code": ["iw.creating.advocacy", "iw.disrupting.sanctions"]})
    >>> docs = pd.DataFrame({"doc_id": ["A", "B"], "edition": ["SUT2016", "SUT2017"]})
    >>> m = profile_matrix(iw_profile(cods, docs, by="edition", level="pillar"), value="n")
    >>> m.to_dict("index")
    {'SUT2016': {'créer': 1, 'maintenir': 0, 'perturber': 0, 'n': 1}, 'SUT2017': {'créer': 0, 'maintenir': 0, 'perturber': 1, 'n': 1}}
    """
    by = profile.attrs.get("by") or []
    level = profile.attrs.get("level", "form" if "form" in profile.columns else "pillar")
    order = list(dict.fromkeys(profile["label"]))
    if not by:
        profile = profile.assign(_group="(corpus)")
        by = ["_group"]
    wide = profile.pivot_table(index=by, columns="label", values=value, aggfunc="sum", sort=True)
    wide = wide.reindex(columns=order)
    wide["n"] = profile.drop_duplicates(by).set_index(by)["n_group"].reindex(wide.index)
    wide.columns.name = None
    if by == ["_group"]:
        wide.index.name = None
    wide.attrs.update(level=level, value=value)
    return wide


def _heatmap(fig: Figure, shares: pd.DataFrame, counts: pd.DataFrame, groups: list[str],
             pillar_of: Mapping[str, str]) -> Any:  # fmt: skip
    labels = list(shares.columns)
    ax = fig.add_subplot()
    values = shares.to_numpy(dtype=float)
    top = max(values.max(initial=0), 1e-9)
    image = ax.imshow(values, cmap="Greens", vmin=0, vmax=top, aspect="auto")
    ax.set_xticks(range(len(labels)), labels, rotation=60, ha="right", fontsize=8)
    for tick, label in zip(ax.get_xticklabels(), labels, strict=True):
        tick.set_color(PILLAR_COLORS.get(pillar_of.get(label, ""), "black"))
    ax.set_yticks(range(len(groups)), groups, fontsize=8)
    for (i, j), n in np.ndenumerate(counts.to_numpy()):
        if n:
            color = "white" if values[i, j] > 0.6 * top else "black"
            ax.text(j, i, str(int(n)), ha="center", va="center", fontsize=7, color=color)
    fig.colorbar(image, ax=ax, shrink=0.7, label="part des unités du groupe")
    return ax


def _bars(
    fig: Figure, shares: pd.DataFrame, groups: list[str], pillar_of: Mapping[str, str]
) -> Any:
    from matplotlib.colors import to_rgb

    ax = fig.add_subplot()
    left = np.zeros(len(groups))
    shade: dict[str, int] = {}
    for label in shares.columns:
        pillar = pillar_of.get(label, "creating")
        k = shade[pillar] = shade.get(pillar, -1) + 1
        base = np.array(to_rgb(PILLAR_COLORS[pillar]))
        color = base + (1 - base) * min(0.75, 0.09 * k)
        values = shares[label].to_numpy(dtype=float)
        ax.barh(groups, values, left=left, color=color, edgecolor="white", linewidth=0.5,
                label=label)  # fmt: skip
        left += values
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.set_xlabel("part des unités codées travail institutionnel")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7, frameon=False)
    return ax


def plot_iw_profile(
    profile: pd.DataFrame,
    *,
    kind: Literal["bars", "heatmap"] = "bars",
    title: str | None = None,
    min_n: int = 1,
    labels: Mapping[str, str] | None = None,
) -> Figure:
    """Draw a profile: stacked bars of shares per group, or a heatmap of shares.

    Bars: one horizontal bar per group, split by form (shades of the pillar's
    colour) or by pillar, each labelled with its ``n``. Heatmap: groups × forms,
    cells annotated with the count, form names in their pillar's colour. Groups
    with fewer than ``min_n`` units are left out; ``labels`` renames groups
    (``{"project_holder": "porteurs de projet"}``).

    Examples
    --------
    >>> import pandas as pd
    >>> cods = pd.DataFrame({"doc_id": ["A", "B"], "start": [0, 0], "end": [4, 3],
    ...                      "code": ["iw.creating.advocacy", "iw.maintaining.policing"]})
    >>> docs = pd.DataFrame({"doc_id": ["A", "B"], "edition": ["SUT2016", "SUT2017"]})
    >>> fig = plot_iw_profile(iw_profile(cods, docs, by="edition"), labels={"SUT2016": "2016"})
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['2016 (n = 1)', 'SUT2017 (n = 1)']
    """
    from matplotlib.figure import Figure

    if kind not in ("bars", "heatmap"):
        raise InputError(f"kind must be 'bars' or 'heatmap', not {kind!r}")
    shares = profile_matrix(profile, value="share")
    counts = profile_matrix(profile, value="n")
    keep = counts["n"] >= min_n
    names = labels or {}
    groups = [
        f"{names.get(g, _group_name(g))} (n = {int(n)})"
        for g, n in zip(shares.index[keep], counts["n"][keep], strict=True)
    ]
    shares = shares[keep].drop(columns="n")
    counts = counts[keep].drop(columns="n")
    pillar_of = dict(zip(profile["label"], profile["pillar"], strict=False))
    height = max(2.5, 0.45 * len(groups) + 1.8)
    if kind == "heatmap":
        width = max(6.0, 0.45 * shares.shape[1] + 3)
        fig = Figure(figsize=(width, height + 1.5), layout="constrained")
        ax = _heatmap(fig, shares, counts, groups, pillar_of)
    else:
        fig = Figure(figsize=(9, height), layout="constrained")
        ax = _bars(fig, shares, groups, pillar_of)
    if title:
        ax.set_title(title)
    return fig


def _group_name(group: Any) -> str:
    return " · ".join(map(str, group)) if isinstance(group, tuple) else str(group)


def iw_examples(
    codings: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = "actor_category",
    level: Level = "form",
    per_cell: int = 1,
    coder: str | None = None,
    segments: pd.DataFrame | None = None,
    actors: Any = None,
    style: Literal["pseudonym", "code"] = "pseudonym",
    roles: Mapping[str, str] | None = None,
    max_chars: int | None = 300,
    namespace: str = "iw",
    mapping: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Quotes illustrating each group × form of a profile, ready to cite.

    For each group and form (or pillar), the ``per_cell`` earliest codings
    (documents in date order, passages in text order) with their verbatim and
    reference (:func:`research.analysis.quotes_table`).

    Examples
    --------
    >>> import pandas as pd
    >>> cods = pd.DataFrame({"doc_id": ["INT03"], "start": [0], "end": [12],
    ...                      "code": ["iw.creating.educating"], "quote": ["On apprend là."]})
    >>> docs = pd.DataFrame({"doc_id": ["INT03"], "kind": ["interview"], "date": ["2019-12-16"],
    ...                      "respondent": ["P10"], "respondent_category": ["project_holder"]})
    >>> ex = iw_examples(cods, docs, by="respondent_category", style="code")
    >>> print(ex.loc[0, "citation"].replace("\\u00a0", " "))
    « On apprend là. » (INT03, porteur de projet, 2019)
    """
    if per_cell < 1:
        raise InputError(f"per_cell must be at least 1, not {per_cell}")
    frame = iw_codings(codings, namespace=namespace, mapping=mapping, coder=coder)
    if level not in ("form", "pillar"):
        raise InputError(f"level must be 'form' or 'pillar', not {level!r}")
    frame = frame[frame[level].notna()].reset_index(drop=True)
    order = {c: i for i, c in enumerate(FORMS if level == "form" else PILLARS)}
    by_cols = [] if by is None else [by] if isinstance(by, str) else list(by)
    attrs = coding_attributes(frame, documents, segments=segments, actors=actors)
    for col in by_cols:
        if col not in attrs.columns:
            raise InputError(f"no attribute {col!r} to group the codings by",
                             hint="actor attributes need segments= and actors=")  # fmt: skip
        attrs[col] = group_names(attrs, col)
    dates = attrs["date"].astype(str) if "date" in attrs.columns else ""
    attrs = attrs.assign(_date=dates, _rank=attrs[level].map(order))
    attrs = attrs.sort_values(["_date", "doc_id", "start", "end"], kind="stable")
    picked = attrs.groupby([*by_cols, level], sort=False).head(per_cell)
    picked = picked.sort_values([*by_cols, "_rank", "_date", "doc_id", "start"], kind="stable")
    picked = picked.drop(columns=["_date", "_rank"]).reset_index(drop=True)
    return quotes_table(picked, actors=actors, style=style, roles=roles, max_chars=max_chars)
