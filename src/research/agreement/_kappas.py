"""Percent agreement and the kappas: Cohen, Brennan–Prediger, Fleiss.

Two coders: :func:`percent_agreement`, :func:`cohen_kappa` (unweighted or
weighted) and :func:`brennan_prediger_kappa` (free marginals). A fixed number of
coders per subject: :func:`fleiss_kappa` on the subjects × categories counts of
:func:`category_counts`. Inputs follow the conventions of the package (missing
values dropped, coders × units data).

Examples
--------
>>> a = ["x", "x", "y", "y", None]
>>> b = ["x", "y", "y", "y", "x"]
>>> percent_agreement(a, b)
0.75
>>> round(cohen_kappa(a, b), 3)
0.5

References
----------
.. [1] Cohen, J. (1960). A coefficient of agreement for nominal scales. *Educational
   and Psychological Measurement*, 20(1), 37–46.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from research.agreement._inputs import Layout, _encode, _paired, _reliability_data, _weights
from research.errors import AgreementError

__all__ = [
    "brennan_prediger_kappa",
    "category_counts",
    "cohen_kappa",
    "fleiss_kappa",
    "percent_agreement",
]


# ------------------------------------------------------------------ two coders


def percent_agreement(
    a: ArrayLike, b: ArrayLike, *, sample_weight: ArrayLike | None = None
) -> float:
    """Proportion of units on which two coders give the same value.

    Units where either coder has no value are left out.

    Parameters
    ----------
    a, b : array-like
        One value per unit for each coder (``None``/``NaN`` when missing).
    sample_weight : array-like, optional
        How many units each position stands for.

    Returns
    -------
    float
        A proportion between 0 and 1 (multiply by 100 for a percentage).

    Examples
    --------
    >>> percent_agreement([1, 1, 0, 0], [1, 0, 0, 0])
    0.75
    """
    ca, cb, w, _ = _paired(a, b, None, sample_weight)
    return float(w[ca == cb].sum() / w.sum())


def _table(ca: np.ndarray, cb: np.ndarray, w: np.ndarray, k: int) -> np.ndarray:
    return np.bincount(ca * k + cb, weights=w, minlength=k * k).reshape(k, k)


def cohen_kappa(
    a: ArrayLike,
    b: ArrayLike,
    *,
    weights: Literal["linear", "quadratic"] | None = None,
    categories: Sequence[Any] | None = None,
    sample_weight: ArrayLike | None = None,
) -> float:
    """Cohen's kappa for two coders, unweighted or weighted.

    ``kappa = (p_o - p_e) / (1 - p_e)`` where ``p_o`` is the observed proportion of
    agreement and ``p_e`` the agreement expected from each coder's own marginal
    distribution (Cohen 1960). The weighted form is ``1 - sum(w * O) / sum(w * E)``
    with disagreement weights ``w_ij = |i - j|`` (linear) or ``(i - j)**2``
    (quadratic) over the category ranks (Cohen 1968).

    Parameters
    ----------
    a, b : array-like
        One value per unit for each coder; units with a missing value are dropped.
    weights : {None, "linear", "quadratic"}
        Disagreement weights for ordered categories.
    categories : sequence, optional
        The categories in their order (needed for weighted kappa on text labels;
        default: the sorted observed values).
    sample_weight : array-like, optional
        How many units each position stands for.

    Returns
    -------
    float
        Kappa, or ``nan`` when chance agreement is 1 (a single category used).

    Examples
    --------
    >>> cohen_kappa([0, 0, 1, 1], [0, 1, 1, 1])
    0.5
    >>> round(cohen_kappa([1, 2, 3, 3], [1, 3, 3, 2], weights="linear"), 4)
    0.4286

    References
    ----------
    .. [1] Cohen, J. (1960). A coefficient of agreement for nominal scales.
       *Educational and Psychological Measurement*, 20(1), 37–46.
    .. [2] Cohen, J. (1968). Weighted kappa: Nominal scale agreement with provision
       for scaled disagreement or partial credit. *Psychological Bulletin*, 70(4),
       213–220.
    """
    if weights not in (None, "linear", "quadratic"):
        raise AgreementError(f"weights must be None, 'linear' or 'quadratic', not {weights!r}")
    ca, cb, w, domain = _paired(a, b, categories, sample_weight)
    k = len(domain)
    observed = _table(ca, cb, w, k) / w.sum()
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0))
    ranks = np.arange(k)
    gap = np.abs(ranks[:, None] - ranks[None, :]).astype(float)
    disagreement = {None: (gap > 0).astype(float), "linear": gap, "quadratic": gap**2}[weights]
    chance = float((disagreement * expected).sum())
    if chance <= 1e-15:
        return float("nan")
    return float(1.0 - (disagreement * observed).sum() / chance)


def brennan_prediger_kappa(
    a: ArrayLike,
    b: ArrayLike,
    *,
    n_categories: int | None = None,
    sample_weight: ArrayLike | None = None,
) -> float:
    """Brennan and Prediger's free-marginal kappa for two coders.

    ``kappa_n = (p_o - 1/q) / (1 - 1/q)`` with ``q`` categories: chance agreement is
    taken as uniform rather than estimated from the coders' marginals (Brennan &
    Prediger 1981). MAXQDA reports this coefficient. For presence/absence of a code,
    ``q = 2``.

    Parameters
    ----------
    a, b : array-like
        One value per unit for each coder; units with a missing value are dropped.
    n_categories : int, optional
        ``q``, the number of categories the coders could choose from. Default: the
        number of distinct values observed, which understates ``q`` when a category
        was never used, so give it when it is known.
    sample_weight : array-like, optional
        How many units each position stands for.

    Returns
    -------
    float
        ``kappa_n``, or ``nan`` when ``q`` is 1.

    Examples
    --------
    >>> brennan_prediger_kappa([1, 1, 0, 0], [1, 0, 0, 0])
    0.5
    >>> round(brennan_prediger_kappa(["a", "b"], ["a", "c"], n_categories=4), 4)
    0.3333

    References
    ----------
    .. [1] Brennan, R. L., & Prediger, D. J. (1981). Coefficient kappa: Some uses,
       misuses, and alternatives. *Educational and Psychological Measurement*,
       41(3), 687–699.
    """
    ca, cb, w, _ = _paired(a, b, None, sample_weight)
    observed_q = len(np.union1d(ca, cb))
    q = observed_q if n_categories is None else int(n_categories)
    if q < observed_q:
        raise AgreementError(
            f"n_categories={q} but the coders used {observed_q} distinct values; "
            "give the number of categories available"
        )
    if q < 2:
        return float("nan")
    p_o = w[ca == cb].sum() / w.sum()
    return float((p_o - 1.0 / q) / (1.0 - 1.0 / q))


# ------------------------------------------------------------------ many coders


def fleiss_kappa(counts: ArrayLike, *, sample_weight: ArrayLike | None = None) -> float:
    """Fleiss' kappa for a fixed number of coders per subject.

    ``counts[i, j]`` is how many coders put subject ``i`` in category ``j`` (the
    subjects × categories table of Fleiss 1971); every row must sum to the same number
    ``n >= 2`` of ratings. With ``P_i = (sum_j n_ij**2 - n) / (n (n - 1))``,
    ``P = mean(P_i)``, ``p_j`` the share of all ratings in category ``j`` and
    ``P_e = sum_j p_j**2``: ``kappa = (P - P_e) / (1 - P_e)``.

    Parameters
    ----------
    counts : array-like
        Subjects × categories counts (:func:`category_counts` builds it from ratings).
    sample_weight : array-like, optional
        How many subjects each row stands for.

    Returns
    -------
    float
        Kappa, or ``nan`` when all ratings fall in one category.

    Examples
    --------
    >>> round(fleiss_kappa([[2, 0], [0, 2], [1, 1]]), 4)
    0.3333

    References
    ----------
    .. [1] Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
       *Psychological Bulletin*, 76(5), 378–382.
    """
    table = np.asarray(counts.to_numpy() if isinstance(counts, pd.DataFrame) else counts)
    if table.ndim != 2:
        raise AgreementError(
            f"counts must be a 2-D subjects × categories table, got {table.ndim}-D"
        )
    try:
        table = table.astype(float)
    except (TypeError, ValueError) as exc:
        raise AgreementError("counts must be numbers of ratings (non-negative integers)") from exc
    if np.any(~np.isfinite(table)) or np.any(table < 0) or np.any(table != np.round(table)):
        raise AgreementError(
            "counts must be non-negative integers (how many coders chose each category); "
            "for raw ratings use category_counts(data) first"
        )
    w = _weights(sample_weight, table.shape[0])
    table, w = table[w > 0], w[w > 0]
    if table.shape[0] == 0:
        raise AgreementError("counts has no subject (no row)")
    per_subject = table.sum(axis=1)
    n = per_subject[0]
    if np.any(per_subject != n):
        hint = ""
        col = table.sum(axis=0)
        if table.shape[0] > 1 and np.all(col == col[0]):
            hint = " (the columns have equal sums: is the table transposed? rows must be subjects)"
        bad = int(np.flatnonzero(per_subject != n)[0])
        raise AgreementError(
            f"Fleiss' kappa needs the same number of ratings for every subject; row 0 has "
            f"{n:g} and row {bad} has {per_subject[bad]:g}{hint}. With missing ratings use "
            "krippendorff_alpha instead"
        )
    if n < 2:
        raise AgreementError("Fleiss' kappa needs at least two ratings per subject")
    p_i = ((table**2).sum(axis=1) - n) / (n * (n - 1))
    p_bar = float((w * p_i).sum() / w.sum())
    p_j = (w[:, None] * table).sum(axis=0) / (n * w.sum())
    p_e = float((p_j**2).sum())
    if p_e >= 1 - 1e-15:
        return float("nan")
    return (p_bar - p_e) / (1 - p_e)


def category_counts(
    data: ArrayLike, *, values: Sequence[Any] | None = None, layout: Layout | None = None
) -> pd.DataFrame:
    """Subjects × categories counts from coders × units ratings (for Fleiss' kappa).

    Examples
    --------
    >>> category_counts([["a", "b", "a"], ["a", "b", "b"]])
       a  b
    0  2  0
    1  0  2
    2  1  1
    """
    arr = _reliability_data(data, layout)
    codes, domain = _encode(arr, values)
    k = len(domain)
    n_units = arr.shape[1]
    units = np.broadcast_to(np.arange(n_units), codes.shape)
    ok = codes >= 0
    flat = np.bincount(units[ok] * k + codes[ok], minlength=n_units * k)
    return pd.DataFrame(flat.reshape(n_units, k), columns=list(domain))
