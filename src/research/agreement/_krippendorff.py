"""Krippendorff's alpha from the coincidence matrix, at the four levels of measurement.

The observed coincidences ``o_ck`` of the pairable values (units with two values
or more) are built once; alpha is ``1 - D_o / D_e`` with the squared difference of
the nominal, ordinal, interval or ratio metric. Any number of coders, missing
values allowed.

Examples
--------
>>> a = ["x", "x", "y", "y", None]
>>> b = ["x", "y", "y", "y", "x"]
>>> round(krippendorff_alpha([a, b]), 3)
0.533

References
----------
.. [1] Krippendorff, K. (2011). *Computing Krippendorff's alpha-reliability*.
   Annenberg School for Communication, University of Pennsylvania.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from research.agreement._inputs import Layout, Level, _encode, _reliability_data, _weights
from research.errors import AgreementError

__all__ = ["coincidence_matrix", "krippendorff_alpha"]

_LEVELS = ("nominal", "ordinal", "interval", "ratio")
# Above this many cells the per-unit value counts are kept in a sparse matrix.
_DENSE_LIMIT = 20_000_000


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
