"""The agreement table: agreement statistics per code and overall, weakest codes first.

:func:`agreement_from_units` computes, from a frame of units of agreement (see
:mod:`research.agreement._agreement_units`), the percent agreement, Cohen's or
Fleiss' kappa, Brennan and Prediger's kappa and Krippendorff's alpha with its
bootstrap interval, for each code and for all codes pooled;
:func:`agreement_table` builds the units from the codings first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from research.agreement._agreement_units import (
    Unit,
    character_units,
    document_units,
    segment_units,
)
from research.agreement._bootstrap import bootstrap_alpha
from research.agreement._hierarchy import roll_up_codings
from research.agreement._kappas import cohen_kappa, fleiss_kappa
from research.agreement._krippendorff import krippendorff_alpha
from research.agreement._maxqda import Criterion, maxqda_table
from research.agreement._scope import DocumentsCoded, _check_coders
from research.contracts import require_columns
from research.errors import AgreementError

__all__ = [
    "agreement_from_units",
    "agreement_table",
]

ALL_CODES = "(all codes)"

CHARACTER_CAVEAT = (
    "Au niveau des caractères, l'intervalle bootstrap traite chaque caractère comme une "
    "observation indépendante, ce qu'il n'est pas : un codage couvre des suites de "
    "caractères, qui sont d'accord ou en désaccord ensemble. L'intervalle est donc bien trop "
    "étroit. Pour un intervalle honnête, voir les alphas d'unitisation, dont le bootstrap "
    "tire des documents (research agreement --unitizing), ou l'accord par segment."
)


# ------------------------------------------------------------------- the table


def _code_statistics(
    x: np.ndarray,
    w: np.ndarray,
    *,
    n_boot: int,
    seed: int,
    confidence: float,
    alpha_min: float,
    method: Literal["krippendorff", "units"],
) -> dict[str, float | str]:
    """Statistics of one code: ``x`` is units × coders 0/1, ``w`` the unit weights."""
    n_coders = x.shape[1]
    total = w.sum()
    row: dict[str, float | str] = {
        "n_units": float(total),
        "n_coded": float(w[x.any(axis=1)].sum()),
        "prevalence": float((x * w[:, None]).sum() / (n_coders * total)),
    }
    present = x.sum(axis=1)
    agree = (present * (present - 1) + (n_coders - present) * (n_coders - present - 1)) / (
        n_coders - 1
    )
    p_o = float((w * agree).sum() / (n_coders * total))
    row["percent_agreement"] = p_o
    if n_coders == 2:
        row["kappa"] = cohen_kappa(x[:, 0], x[:, 1], sample_weight=w, categories=[0, 1])
        row["kappa_method"] = "cohen"
    else:
        counts = np.column_stack([n_coders - present, present])
        row["kappa"] = fleiss_kappa(counts, sample_weight=w)
        row["kappa_method"] = "fleiss"
    row["kappa_bp"] = 2 * p_o - 1  # Brennan & Prediger with q = 2 (present / absent)
    data = x.T.astype(float)
    if n_boot > 0:
        boot = bootstrap_alpha(
            data,
            n_boot=n_boot,
            seed=seed,
            confidence=confidence,
            method=method,
            layout="coders_units",
            sample_weight=w,
        )
        row.update(alpha=boot.alpha, alpha_low=boot.low, alpha_high=boot.high)
        row["p_alpha_below_min"] = boot.prob_below(alpha_min)
    else:
        row["alpha"] = krippendorff_alpha(data, layout="coders_units", sample_weight=w)
        row.update(alpha_low=np.nan, alpha_high=np.nan, p_alpha_below_min=np.nan)
    return row


def agreement_from_units(
    units: pd.DataFrame,
    *,
    coders: Sequence[str],
    n_boot: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
    alpha_min: float = 0.8,
    method: Literal["krippendorff", "units"] = "krippendorff",
) -> pd.DataFrame:
    """Agreement per code and overall from a units frame of presence/absence.

    Columns: ``code``, ``n_units`` (characters at the character level),
    ``n_coded`` (units at least one coder coded), ``prevalence`` (share of units
    coded, averaged over coders), ``percent_agreement`` (mean pairwise agreement,
    the plain percent agreement for two coders), ``kappa`` (Cohen's for two coders,
    Fleiss' for more; ``kappa_method`` says which), ``kappa_bp`` (Brennan & Prediger,
    q = 2), ``alpha`` with its bootstrap interval ``alpha_low``/``alpha_high`` and
    ``p_alpha_below_min`` (probability that alpha is below ``alpha_min``). Rows are
    sorted weakest alpha first (undefined statistics last); the pooled
    ``"(all codes)"`` row comes last.
    """
    names = _check_coders(coders)
    require_columns(units, ["code", "weight", *names], table="units")
    if int(n_boot) < 0:
        raise AgreementError(f"n_boot must be 0 (no interval) or more, not {n_boot!r}")
    options = dict(
        n_boot=int(n_boot), seed=seed, confidence=confidence, alpha_min=alpha_min, method=method
    )
    x_all = units[names].to_numpy(dtype=np.int64)
    w_all = units["weight"].to_numpy(dtype=float)
    if not len(units) or w_all.sum() <= 0:
        raise AgreementError("there are no units to compare (no segment, character or document)")
    rows = []
    for code, idx in units.groupby("code", sort=True).indices.items():
        rows.append({"code": code, **_code_statistics(x_all[idx], w_all[idx], **options)})
    table = pd.DataFrame(rows).sort_values(
        ["alpha", "kappa", "percent_agreement"], na_position="last", kind="stable"
    )
    if len(rows) > 1:
        overall = {"code": ALL_CODES, **_code_statistics(x_all, w_all, **options)}
        table = pd.concat([table, pd.DataFrame([overall])], ignore_index=True)
    table = table.reset_index(drop=True)
    for col in ("n_units", "n_coded"):
        table[col] = table[col].round().astype(np.int64)
    table.attrs.update(coders=names, **options)
    return table


def agreement_table(
    codings: pd.DataFrame,
    *,
    coders: Sequence[str],
    unit: Unit = "segment",
    codes: str | Sequence[str] | None = None,
    segments: pd.DataFrame | None = None,
    lengths: Mapping[str, int] | pd.Series | None = None,
    documents_coded: DocumentsCoded = None,
    infer_documents: bool = False,
    min_overlap: int = 1,
    n_boot: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
    alpha_min: float = 0.8,
    method: Literal["krippendorff", "units"] = "krippendorff",
    include_children: bool = False,
    maxqda: Criterion | None = None,
    min_share: float = 0.9,
) -> pd.DataFrame:
    """Agreement of ``coders`` per code and overall, weakest codes first.

    Builds the units (``unit="segment"`` needs ``segments``, ``"character"`` needs
    ``lengths``) and computes the statistics described in
    :func:`agreement_from_units`. ``table.attrs`` records the unit, the coders, the
    documents compared and the bootstrap settings.

    At the character level the bootstrap treats characters as independent units,
    which they are not (a coding covers a run of them): its intervals are far too
    narrow there. Report the interval of the segment level, or none; the table's
    ``attrs["caveat"]`` says so in French.

    ``include_children=True`` rolls every coding up to the ancestors of its code
    (:func:`roll_up_codings`), so that a parent's agreement counts its children's
    codings. ``maxqda`` (``"presence"``, ``"frequency"`` or ``"overlap"``, with
    ``min_share``) gives instead the table of MAXQDA's criterion
    (:func:`maxqda_table`), to compare with a MAXQDA report.

    Examples
    --------
    >>> import pandas as pd
    >>> segments = pd.DataFrame({"doc_id": ["D"] * 4, "seg_id": list("abcd"),
    ...                          "start": [0, 10, 20, 30], "end": [9, 19, 29, 39]})
    >>> codings = pd.DataFrame({"coder": list("AAABB"), "doc_id": ["D"] * 5,
    ...                         "start": [0, 10, 30, 1, 12], "end": [5, 15, 35, 5, 18],
    ...                         "code": ["x", "x", "y", "x", "x"]})
    >>> table = agreement_table(codings, coders=["A", "B"], segments=segments,
    ...                         infer_documents=True, n_boot=200)
    >>> table[["code", "n_units", "percent_agreement", "kappa"]].round(4).values.tolist()
    [['y', 4, 0.75, 0.0], ['x', 4, 1.0, 1.0], ['(all codes)', 8, 0.875, 0.7143]]
    """
    if maxqda is not None:
        return maxqda_table(
            codings,
            coders=coders,
            criterion=maxqda,
            min_share=min_share,
            codes=codes,
            documents_coded=documents_coded,
            infer_documents=infer_documents,
            include_children=include_children,
        )
    if include_children:
        codings = roll_up_codings(codings)
    if unit == "segment":
        if segments is None:
            raise AgreementError("unit='segment' needs the segments table (segments=...)")
        units = segment_units(
            codings,
            segments,
            coders=coders,
            codes=codes,
            documents_coded=documents_coded,
            infer_documents=infer_documents,
            min_overlap=min_overlap,
        )
    elif unit == "character":
        if lengths is None:
            raise AgreementError(
                "unit='character' needs the length of each document (lengths=doc_id -> int)"
            )
        units = character_units(
            codings,
            lengths,
            coders=coders,
            codes=codes,
            documents_coded=documents_coded,
            infer_documents=infer_documents,
        )
    elif unit == "document":
        units = document_units(
            codings,
            coders=coders,
            codes=codes,
            documents_coded=documents_coded,
            infer_documents=infer_documents,
        )
    else:
        raise AgreementError(f"unit must be 'segment', 'character' or 'document', not {unit!r}")
    table = agreement_from_units(
        units,
        coders=coders,
        n_boot=n_boot,
        seed=seed,
        confidence=confidence,
        alpha_min=alpha_min,
        method=method,
    )
    table.attrs.update(
        unit=unit,
        documents=sorted(units["doc_id"].unique()),
        min_overlap=min_overlap if unit == "segment" else None,
        include_children=include_children,
    )
    if unit == "character" and n_boot > 0:
        table.attrs["caveat"] = CHARACTER_CAVEAT
    return table
