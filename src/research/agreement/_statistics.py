"""Intercoder agreement statistics: percent agreement, kappas and Krippendorff's alpha.

Every statistic is a small pure function on plain arrays. Two conventions hold
throughout:

* **Missing values** (``None``, ``NaN``, ``pd.NA``) are allowed. The two-coder
  statistics drop a unit when either value is missing; Krippendorff's alpha ignores
  units with fewer than two values, as the method prescribes.
* **Reliability data are coders × units**: each row holds one coder's values, each
  column one unit (Krippendorff 2011). A matrix with more rows than columns usually
  means the table was given with one *column* per coder, so it is rejected with a
  message instead of giving a wrong number; pass ``layout="units_coders"`` to have it
  transposed, or ``layout="coders_units"`` if there really are more coders than units.

A statistic is ``nan`` when it is undefined because the data show no variation (only
one category was ever used: chance agreement is then 1 and the ratio is 0/0). Data
that cannot give a statistic at all (no unit with two values, one coder, wrong shape)
raise :class:`~research.errors.AgreementError`.

``sample_weight`` (the number of identical units a column stands for) lets long,
repetitive unit sequences such as the characters of a document be given as a few
distinct patterns with their counts.

Examples
--------
>>> a = ["x", "x", "y", "y", None]
>>> b = ["x", "y", "y", "y", "x"]
>>> percent_agreement(a, b)
0.75
>>> round(cohen_kappa(a, b), 3)
0.5
>>> round(krippendorff_alpha([a, b]), 3)
0.533

References
----------
.. [1] Cohen, J. (1960). A coefficient of agreement for nominal scales. *Educational
   and Psychological Measurement*, 20(1), 37–46.
.. [2] Krippendorff, K. (2011). *Computing Krippendorff's alpha-reliability*.
   Annenberg School for Communication, University of Pennsylvania.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from research.errors import AgreementError

__all__ = [
    "AlphaBootstrap",
    "Layout",
    "Level",
    "bootstrap_alpha",
    "brennan_prediger_kappa",
    "category_counts",
    "cohen_kappa",
    "coincidence_matrix",
    "fleiss_kappa",
    "krippendorff_alpha",
    "percent_agreement",
]

Level = Literal["nominal", "ordinal", "interval", "ratio"]
Layout = Literal["coders_units", "units_coders"]
_LEVELS = ("nominal", "ordinal", "interval", "ratio")
# Above this many cells the per-unit value counts are kept in a sparse matrix.
_DENSE_LIMIT = 20_000_000


# --------------------------------------------------------------------------- inputs


def _weights(sample_weight: ArrayLike | None, n: int) -> np.ndarray:
    if sample_weight is None:
        return np.ones(n)
    w = np.asarray(sample_weight, dtype=float)
    if w.shape != (n,):
        raise AgreementError(
            f"sample_weight has shape {w.shape} but there are {n} units; "
            "give one non-negative weight per unit"
        )
    if not np.all(np.isfinite(w)) or np.any(w < 0):
        raise AgreementError("sample_weight must be finite and non-negative")
    return w


def _encode(values: np.ndarray, domain: Sequence[Any] | None) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes (-1 = missing) of ``values`` and the ordered value domain."""
    flat = values.ravel()
    if domain is None:
        if flat.dtype == object and pd.api.types.infer_dtype(flat, skipna=True) in (
            "mixed",
            "mixed-integer",
        ):
            raise AgreementError(
                "the values mix types (for example the number 1 and the text '1'); "
                "use one type for all values, or give the categories explicitly"
            )
        try:
            codes, uniques = pd.factorize(flat, sort=True)
        except TypeError as exc:
            raise AgreementError(
                "the values mix types that cannot be ordered (for example numbers and "
                "text); use one type, or give the categories explicitly"
            ) from exc
        return codes.reshape(values.shape), np.asarray(uniques, dtype=object)
    index = pd.Index(list(domain))
    if not index.is_unique:
        raise AgreementError("the list of categories/values contains duplicates")
    codes = index.get_indexer(flat)
    unknown = (codes < 0) & ~pd.isna(flat)
    if unknown.any():
        pos = int(np.flatnonzero(unknown)[0])
        where = (
            f"unit {pos}"
            if values.ndim == 1
            else (f"coder row {pos // values.shape[1]}, unit column {pos % values.shape[1]}")
        )
        raise AgreementError(
            f"value {flat[pos]!r} ({where}) is not in the given categories "
            f"{list(domain)!r}; add it to the list or correct the data"
        )
    return codes.reshape(values.shape), np.asarray(list(domain), dtype=object)


def _as_1d(x: ArrayLike, name: str) -> np.ndarray:
    arr = np.asarray(x, dtype=object) if not isinstance(x, np.ndarray) else x
    if arr.ndim != 1:
        raise AgreementError(
            f"{name} must be a 1-D sequence of one coder's values, got {arr.ndim}-D"
        )
    return arr


def _paired(
    a: ArrayLike, b: ArrayLike, categories: Sequence[Any] | None, sample_weight: ArrayLike | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Codes of the units both coders valued, their weights and the domain."""
    a_arr, b_arr = _as_1d(a, "a"), _as_1d(b, "b")
    if len(a_arr) != len(b_arr):
        raise AgreementError(
            f"the two coders have {len(a_arr)} and {len(b_arr)} values; "
            "give one value (or None) per unit for each coder"
        )
    w = _weights(sample_weight, len(a_arr))
    both = np.concatenate([a_arr.astype(object), b_arr.astype(object)])
    codes, domain = _encode(both, categories)
    ca, cb = codes[: len(a_arr)], codes[len(a_arr) :]
    keep = (ca >= 0) & (cb >= 0) & (w > 0)
    if not keep.any():
        raise AgreementError(
            "no unit has a value from both coders: there is nothing to compare "
            "(check that the two sequences refer to the same units)"
        )
    return ca[keep], cb[keep], w[keep], domain


def _reliability_data(data: ArrayLike, layout: Layout | None) -> np.ndarray:
    if layout not in (None, "coders_units", "units_coders"):
        raise AgreementError(f"layout must be 'coders_units' or 'units_coders', not {layout!r}")
    if isinstance(data, pd.DataFrame):
        arr = data.to_numpy(dtype=object)
    else:
        try:
            arr = np.asarray(data)
            if arr.dtype.kind not in "biuf":
                arr = np.asarray(data, dtype=object)
        except ValueError as exc:
            raise AgreementError(
                "the coders' rows have different lengths; give every coder one value "
                "(or None) per unit"
            ) from exc
    if arr.ndim != 2:
        raise AgreementError(
            f"reliability data must be a 2-D coders × units matrix, got {arr.ndim}-D; "
            "for two coders pass [values_of_a, values_of_b]"
        )
    if layout == "units_coders":
        arr = arr.T
    elif layout is None and arr.shape[0] > arr.shape[1]:
        raise AgreementError(
            f"the data have {arr.shape[0]} rows and {arr.shape[1]} columns, but rows must be "
            "coders and columns units; this looks transposed (one column per coder). "
            "Pass data.T, or layout='units_coders'; if there really are more coders than "
            "units, pass layout='coders_units'"
        )
    if arr.shape[0] < 2:
        raise AgreementError(
            f"agreement needs at least two coders, the data have {arr.shape[0]} row(s); "
            "rows must be coders"
        )
    return arr


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


# ------------------------------------------------------------- Krippendorff's alpha


@dataclass(frozen=True)
class _Coincidences:
    """Observed coincidences of one reliability data set and what alpha needs."""

    o: np.ndarray  # V × V observed coincidence matrix
    domain: np.ndarray  # the V values, in order
    delta: np.ndarray  # V × V squared metric differences
    n_pairs: float  # sum over pairable units of m_u (m_u - 1) / 2 (weighted)
    codes: np.ndarray = field(repr=False)  # coders × units, -1 = missing
    weights: np.ndarray = field(repr=False)  # weight of each unit, 0 if not pairable


def _numeric_codes(arr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes of a numeric array; integer values in a short range skip the sort."""
    if arr.dtype.kind == "b":
        arr = arr.astype(np.int64)
    mask = ~np.isnan(arr) if arr.dtype.kind == "f" else np.ones(arr.shape, bool)
    values = arr[mask]
    codes = np.full(arr.shape, -1, dtype=np.int64)
    if not len(values):
        return codes, np.array([], dtype=object)
    low, high = values.min(), values.max()
    if high - low < 1_000_000 and np.array_equal(values, np.floor(values)):
        offset = (values - low).astype(np.int64)
        present = np.bincount(offset) > 0
        codes[mask] = (np.cumsum(present) - 1)[offset]
        return codes, (np.flatnonzero(present) + low).astype(arr.dtype).astype(object)
    inverse, domain = pd.factorize(values, sort=True)
    codes[mask] = inverse
    return codes, np.asarray(domain).astype(object)


def _value_counts(codes: np.ndarray, k: int):
    """Units × values matrix ``n_uc``: how many coders gave value ``c`` to unit ``u``."""
    n_units = codes.shape[1]
    if n_units * k <= _DENSE_LIMIT:
        counts = np.zeros((n_units, k))
        units = np.arange(n_units)
        for row in codes:  # one coder at a time: each unit appears once
            given = row >= 0
            counts[units[given], row[given]] += 1
        return counts
    from scipy import sparse

    ok = codes >= 0
    unit_idx = np.broadcast_to(np.arange(n_units), codes.shape)[ok]
    return sparse.csr_matrix((np.ones(len(unit_idx)), (unit_idx, codes[ok])), shape=(n_units, k))


def _coincidence_from_counts(counts, f: np.ndarray) -> np.ndarray:
    """``o_ck = sum_u f_u (n_uc n_uk - [c = k] n_uc)`` with ``f_u = w_u / (m_u - 1)``.

    (Krippendorff 2011, with each unit weighted by how many units it stands for.)
    """
    if isinstance(counts, np.ndarray):
        scaled = counts * f[:, None]
        o = scaled.T @ counts
        o[np.diag_indices_from(o)] -= scaled.sum(axis=0)
        return o
    scaled = counts.multiply(f[:, None]).tocsr()
    o = np.asarray((scaled.T @ counts).todense())
    o[np.diag_indices_from(o)] -= np.asarray(scaled.sum(axis=0)).ravel()
    return o


def _delta(level: str, domain: np.ndarray, n_c: np.ndarray) -> np.ndarray:
    """Squared difference ``delta_ck**2`` of each pair of values (Krippendorff 2011)."""
    k = len(domain)
    if level == "nominal":
        return 1.0 - np.eye(k)
    if level == "ordinal":
        mid = np.cumsum(n_c) - n_c / 2.0  # rank midpoints: sum_{g<=c} n_g - n_c / 2
        return (mid[:, None] - mid[None, :]) ** 2
    try:
        x = domain.astype(float)
    except (TypeError, ValueError) as exc:
        raise AgreementError(
            f"the {level} level needs numeric values; got {list(domain)[:5]!r}"
        ) from exc
    diff = x[:, None] - x[None, :]
    if level == "interval":
        return diff**2
    if np.any(x < 0):
        raise AgreementError("the ratio level needs non-negative values (a scale with a true zero)")
    total = x[:, None] + x[None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(total > 0, (diff / np.where(total > 0, total, 1.0)) ** 2, 0.0)
    return out


def _coincidences(
    data: ArrayLike,
    level: str,
    values: Sequence[Any] | None,
    layout: Layout | None,
    sample_weight: ArrayLike | None,
) -> _Coincidences:
    if level not in _LEVELS:
        raise AgreementError(f"level must be one of {', '.join(_LEVELS)}; got {level!r}")
    arr = _reliability_data(data, layout)
    w = _weights(sample_weight, arr.shape[1])
    if arr.dtype.kind in "biuf" and values is None:
        codes, domain = _numeric_codes(arr)
    else:
        codes, domain = _encode(arr, values)
    k = len(domain)
    counts = _value_counts(codes, k)
    m = np.asarray(counts.sum(axis=1)).ravel()
    pairable = (m >= 2) & (w > 0)
    if not pairable.any():
        raise AgreementError(
            "no unit has values from two or more coders, so there is nothing to compare "
            "(all missing, or each unit coded by one coder only)"
        )
    # units with fewer than two values get weight 0 instead of being copied out
    w = np.where(pairable, w, 0.0)
    o = _coincidence_from_counts(counts, w / np.maximum(m - 1, 1))
    delta = _delta(level, domain, o.sum(axis=1))
    return _Coincidences(o, domain, delta, float((w * m * (m - 1) / 2).sum()), codes, w)


def _alpha(o: np.ndarray, delta: np.ndarray) -> float:
    n_c = o.sum(axis=1)
    n = n_c.sum()
    expected = (np.outer(n_c, n_c) * delta).sum()
    if n <= 1 or expected <= 1e-12 * max(n * n, 1.0):
        return float("nan")
    return float(1.0 - (n - 1) * (o * delta).sum() / expected)


def coincidence_matrix(
    data: ArrayLike,
    *,
    values: Sequence[Any] | None = None,
    layout: Layout | None = None,
    sample_weight: ArrayLike | None = None,
) -> pd.DataFrame:
    """Krippendorff's matrix of observed coincidences ``o_ck``.

    Each unit with ``m_u >= 2`` values contributes its ``m_u (m_u - 1)`` ordered pairs
    of values, each weighted ``1 / (m_u - 1)``; units with fewer than two values are
    not pairable and are ignored.

    Parameters
    ----------
    data : array-like
        Coders × units values, missing as ``None``/``NaN``.
    values : sequence, optional
        The value domain in order (default: sorted observed values).
    layout : {"coders_units", "units_coders"}, optional
        See the module notes on transposed data.
    sample_weight : array-like, optional
        How many units each column stands for.

    Examples
    --------
    >>> coincidence_matrix([[0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    ...                     [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]])
          0    1
    0  10.0  4.0
    1   4.0  2.0

    References
    ----------
    .. [1] Krippendorff, K. (2011). *Computing Krippendorff's alpha-reliability*.
       Annenberg School for Communication, University of Pennsylvania.
    """
    co = _coincidences(data, "nominal", values, layout, sample_weight)
    labels = list(co.domain)
    return pd.DataFrame(co.o, index=labels, columns=labels)


def krippendorff_alpha(
    data: ArrayLike,
    *,
    level: Level = "nominal",
    values: Sequence[Any] | None = None,
    layout: Layout | None = None,
    sample_weight: ArrayLike | None = None,
) -> float:
    """Krippendorff's alpha for any number of coders, with missing values.

    ``alpha = 1 - D_o / D_e = 1 - (n - 1) sum(o_ck delta_ck) / sum(n_c n_k delta_ck)``
    computed from the coincidence matrix (Krippendorff 2011), with the squared
    difference ``delta_ck`` of the chosen level of measurement: nominal (0/1),
    ordinal (from the ranks' marginal counts), interval ``(c - k)**2`` or ratio
    ``((c - k) / (c + k))**2``. Units with fewer than two values are ignored.

    Parameters
    ----------
    data : array-like
        Coders × units (rows are coders), missing as ``None``/``NaN``. A matrix with
        more rows than columns is rejected as probably transposed unless ``layout``
        says how to read it.
    level : {"nominal", "ordinal", "interval", "ratio"}
        Level of measurement.
    values : sequence, optional
        The value domain in order; needed for the ordinal level on text labels.
    layout : {"coders_units", "units_coders"}, optional
        How to read ``data`` when it has more rows than columns.
    sample_weight : array-like, optional
        How many units each column stands for.

    Returns
    -------
    float
        Alpha, or ``nan`` when the pairable values show no variation.

    Examples
    --------
    The reliability data of Krippendorff (2011), four observers and twelve units:

    >>> nan = float("nan")
    >>> data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
    ...         [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
    ...         [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
    ...         [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan]]
    >>> round(krippendorff_alpha(data), 3)
    0.743
    >>> round(krippendorff_alpha(data, level="interval"), 3)
    0.849

    References
    ----------
    .. [1] Krippendorff, K. (2011). *Computing Krippendorff's alpha-reliability*.
       Annenberg School for Communication, University of Pennsylvania.
    .. [2] Krippendorff, K. (2004). *Content analysis: An introduction to its
       methodology* (2nd ed.). Sage, chapter 11.
    """
    co = _coincidences(data, level, values, layout, sample_weight)
    return _alpha(co.o, co.delta)


# ------------------------------------------------------------------- bootstrap


@dataclass(frozen=True, eq=False)
class AlphaBootstrap:
    """Alpha with its bootstrapped distribution and confidence interval.

    Attributes
    ----------
    alpha : float
        Alpha of the data.
    low, high : float
        Bounds of the confidence interval.
    confidence : float
        Level of the interval (0.95 for a 95 % interval).
    n_boot : int
        Number of resamples.
    method : str
        ``"krippendorff"`` (resampled pairs of values) or ``"units"``.
    seed : int
        Seed of the random generator (same seed, same interval).
    n_pairs : float
        Number of pairable pairs of values, ``sum_u m_u (m_u - 1) / 2``.
    estimates : numpy.ndarray
        The sorted bootstrapped alphas.
    """

    alpha: float
    low: float
    high: float
    confidence: float
    n_boot: int
    method: str
    seed: int
    n_pairs: float
    estimates: np.ndarray = field(repr=False)

    def prob_below(self, minimum: float) -> float:
        """Probability ``q`` that alpha is below ``minimum`` (share of resamples).

        Hayes & Krippendorff (2007) report ``q`` for minima such as 0.80 and 0.667:
        the risk that the coding does not reach the reliability one requires.
        """
        if not len(self.estimates):
            return float("nan")
        return float(np.mean(self.estimates < minimum))


def _order_statistics(sorted_est: np.ndarray, confidence: float) -> tuple[float, float]:
    """Percentile bounds as in the KALPHA macro (1-based order statistics)."""
    b = len(sorted_est)
    tail = (1 - confidence) / 2
    lo = max(int(np.floor(tail * b)), 1)
    hi = min(int(np.floor((1 - tail) * b)) + 1, b)
    return float(sorted_est[lo - 1]), float(sorted_est[hi - 1])


def _boot_pairs(
    co: _Coincidences, n_boot: int, rng: np.random.Generator, n_draws: int | None
) -> np.ndarray:
    n_c = co.o.sum(axis=1)
    n = n_c.sum()
    d_e = (np.outer(n_c, n_c) * co.delta).sum() / (n * (n - 1))
    draws = max(round(co.n_pairs), 1) if n_draws is None else int(n_draws)
    p = (co.o / n).ravel()
    p = np.clip(p, 0, None) / np.clip(p, 0, None).sum()
    counts = rng.multinomial(draws, p, size=n_boot)
    d_o = counts @ co.delta.ravel() / draws
    est = 1.0 - d_o / d_e
    est = np.maximum(est, -1.0)
    # A resample whose pairs all fall in one cell has no variation: alpha is 0/0
    # there, counted as 0 as the KALPHA macro does.
    est[counts.max(axis=1) == draws] = 0.0
    return est


def _boot_units(co: _Coincidences, level: str, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    k = len(co.domain)
    used = co.weights > 0
    # units with the same multiset of values contribute the same coincidences
    patterns, inverse = np.unique(np.sort(co.codes[:, used], axis=0).T, axis=0, return_inverse=True)
    freq = np.bincount(inverse.ravel(), weights=co.weights[used], minlength=len(patterns))
    counts = _value_counts(patterns.T, k)
    per_unit = 1.0 / (np.asarray(counts.sum(axis=1)).ravel() - 1)
    total = freq.sum()
    draws = max(round(total), 1)
    est = np.empty(n_boot)
    for i in range(n_boot):
        times = rng.multinomial(draws, freq / total)
        o = _coincidence_from_counts(counts, times * per_unit)
        delta = co.delta if level != "ordinal" else _delta(level, co.domain, o.sum(axis=1))
        est[i] = _alpha(o, delta)
    return est


def bootstrap_alpha(
    data: ArrayLike,
    *,
    level: Level = "nominal",
    n_boot: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
    method: Literal["krippendorff", "units"] = "krippendorff",
    values: Sequence[Any] | None = None,
    layout: Layout | None = None,
    sample_weight: ArrayLike | None = None,
    n_draws: int | None = None,
) -> AlphaBootstrap:
    """Bootstrap confidence interval for Krippendorff's alpha.

    ``method="krippendorff"`` follows Hayes & Krippendorff (2007) and Krippendorff's
    bootstrap algorithm: each resample draws, with replacement, as many pairs of
    values as the data have pairable pairs (``sum_u m_u (m_u - 1) / 2``), each pair
    falling in cell ``(c, k)`` with probability ``o_ck / n``; its mean difference is
    the resample's ``D_o``, set against the ``D_e`` of the data. Values below -1 are
    set to -1, and a resample whose pairs all fall in one cell (no variation, alpha
    undefined) counts as 0, as in the KALPHA macro. The interval takes the same order
    statistics as KALPHA.

    ``method="units"`` is the ordinary nonparametric bootstrap over units (Efron &
    Tibshirani 1993): units are resampled and alpha recomputed, ``D_e`` included. It
    is wider for small samples, where the pair resampling is known to understate the
    variability (Hughes 2022).

    Parameters
    ----------
    data : array-like
        Coders × units, missing as ``None``/``NaN`` (see :func:`krippendorff_alpha`).
    level : {"nominal", "ordinal", "interval", "ratio"}
        Level of measurement.
    n_boot : int
        Number of resamples (KALPHA asks for at least 1000).
    confidence : float
        Level of the interval.
    seed : int
        Seed of the random generator; the same seed gives the same interval.
    method : {"krippendorff", "units"}
        Resampling scheme, see above.
    values, layout, sample_weight
        As in :func:`krippendorff_alpha`.
    n_draws : int, optional
        Pairs drawn per resample with ``method="krippendorff"``; default the number
        of pairable pairs, as in Hayes & Krippendorff (2007). Krippendorff's revised
        algorithm (2013) caps it at ``min(25 * q, n (m - 1) / 2)`` with ``q`` the
        non-empty cells of the coincidence matrix and ``m`` the number of coders.

    Returns
    -------
    AlphaBootstrap
        Alpha, interval, and the sorted resampled alphas (``.prob_below(0.8)`` gives
        the probability of failing to reach 0.8).

    Examples
    --------
    >>> data = [[1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 1],
    ...         [1, 1, 0, 1, 1, 0, 1, 1, 0, 0, 1, 0]]
    >>> boot = bootstrap_alpha(data, n_boot=2000, seed=1)
    >>> round(boot.alpha, 4)
    0.6714
    >>> boot.low < boot.alpha < boot.high
    True
    >>> 0 < boot.prob_below(0.8) < 1
    True

    References
    ----------
    .. [1] Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard
       reliability measure for coding data. *Communication Methods and Measures*,
       1(1), 77–89.
    .. [2] Krippendorff, K. (2006, revised 2011). *Algorithm for bootstrapping a
       distribution of alpha*. Annenberg School for Communication.
    .. [3] Efron, B., & Tibshirani, R. J. (1993). *An introduction to the bootstrap*.
       Chapman & Hall.
    .. [4] Hughes, J. (2022). Toward improved inference for Krippendorff's alpha
       agreement coefficient. *arXiv:2210.13265*.
    """
    if method not in ("krippendorff", "units"):
        raise AgreementError(f"method must be 'krippendorff' or 'units', not {method!r}")
    if int(n_boot) < 1:
        raise AgreementError(f"n_boot must be a positive number of resamples, not {n_boot!r}")
    if n_draws is not None and int(n_draws) < 1:
        raise AgreementError(f"n_draws must be a positive number of pairs, not {n_draws!r}")
    if not 0 < confidence < 1:
        raise AgreementError(f"confidence must lie between 0 and 1, not {confidence!r}")
    co = _coincidences(data, level, values, layout, sample_weight)
    alpha = _alpha(co.o, co.delta)
    rng = np.random.default_rng(seed)
    if np.isnan(alpha):
        est = np.array([])
        low = high = float("nan")
    else:
        est = (
            _boot_pairs(co, int(n_boot), rng, n_draws)
            if method == "krippendorff"
            else (_boot_units(co, level, int(n_boot), rng))
        )
        est = np.sort(est[~np.isnan(est)]) if method == "units" else np.sort(est)
        low, high = _order_statistics(est, confidence) if len(est) else (np.nan, np.nan)
    return AlphaBootstrap(alpha, low, high, confidence, int(n_boot), method, seed, co.n_pairs, est)
