"""Bootstrap confidence intervals for Krippendorff's alpha.

Hayes & Krippendorff's (2007) resampling of pairs of values, as the KALPHA macro
does it, or the ordinary bootstrap over units; :class:`AlphaBootstrap` holds the
interval and the resampled alphas.

References
----------
.. [1] Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard
   reliability measure for coding data. *Communication Methods and Measures*,
   1(1), 77–89.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike

from research.agreement._inputs import Layout, Level
from research.agreement._krippendorff import (
    _alpha,
    _coincidence_from_counts,
    _Coincidences,
    _coincidences,
    _delta,
    _value_counts,
)
from research.errors import AgreementError

__all__ = ["AlphaBootstrap", "bootstrap_alpha"]


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
