"""Krippendorff's first unitizing alpha (1995; 2004): squared differences of boundaries.

For one category ``c``, each coder's continuum is divided into units of ``c`` and
the gaps between them. Two overlapping units of two coders disagree by the squared
differences of their beginnings and of their ends; a unit lying inside another
coder's gap disagrees by its squared length; anything else does not disagree.
The observed disagreement sums this over ordered pairs of coders and pairs of
sections, divided by ``m (m - 1) L²``; the expected disagreement is the same for
all the positions the units could take on the continuum (Krippendorff 2004,
section 12.4, with the correction of ``l_h - l + 1`` that the DKPro Statistics
implementation documents). Over several categories, the coefficient is ``1 -``
the sum of their observed over the sum of their expected disagreements.

The coefficients of Krippendorff et al. (2016), which replace this one for more
than two coders, are in :mod:`research.agreement._unitizing`.

References
----------
.. [1] Krippendorff, K. (1995). On the reliability of unitizing continuous data.
   *Sociological Methodology*, 25, 47–76.
.. [2] Krippendorff, K. (2004). *Content analysis: An introduction to its
   methodology* (2nd ed.). Sage, pp. 251–256.
.. [3] Meyer, C. M., Mieskes, M., Stab, C., & Gurevych, I. (2014). DKPro Agreement:
   An open-source Java library for measuring inter-rater agreement. *COLING 2014:
   System Demonstrations*, 105–109.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from research.agreement._sections import _merge_units
from research.agreement._unitizing import UnitizingAlpha, _alpha, _continuum

__all__ = ["classic_unitizing_alpha"]


def _sections(start: np.ndarray, end: np.ndarray, length: int):
    """A coder's units of one category (merged) and the gaps: start, end, is_unit."""
    _, u_start, u_end = _merge_units(np.zeros(len(start), np.int64), start, end, length + 1)
    bounds = np.concatenate([[0], np.ravel(np.column_stack([u_start, u_end])), [length]])
    g_start, g_end = bounds[0::2], bounds[1::2]
    gaps = g_end > g_start
    s = np.concatenate([u_start, g_start[gaps]])
    e = np.concatenate([u_end, g_end[gaps]])
    unit = np.concatenate([np.ones(len(u_start), bool), np.zeros(gaps.sum(), bool)])
    order = np.argsort(s, kind="stable")
    return s[order], e[order], unit[order]


def _overlapping(a, b) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs of the sections of ``a`` and ``b`` (both covering the continuum) that overlap."""
    points = np.unique(np.concatenate([a[0], b[0]]))
    ia = np.searchsorted(a[0], points, side="right") - 1
    ib = np.searchsorted(b[0], points, side="right") - 1
    return ia, ib


def _delta(a, b, ia, ib) -> np.ndarray:
    """Krippendorff's squared difference of each overlapping pair of sections."""
    bs, be, bu = b[0][ib], b[1][ib], b[2][ib]
    as_, ae, au = a[0][ia], a[1][ia], a[2][ia]
    both = au & bu
    a_in_gap = au & ~bu & (bs <= as_) & (ae <= be)
    b_in_gap = ~au & bu & (as_ <= bs) & (be <= ae)
    out = np.zeros(len(ia))
    out[both] = (as_[both] - bs[both]) ** 2.0 + (ae[both] - be[both]) ** 2.0
    out[a_in_gap] = (ae[a_in_gap] - as_[a_in_gap]) ** 2.0
    out[b_in_gap] = (be[b_in_gap] - bs[b_in_gap]) ** 2.0
    return out


def _category(frame: pd.DataFrame, names: list[str], length: int, code: str):
    """Observed and expected disagreement of one category."""
    mine = frame[frame["code"] == code]
    sections = []
    for coder in names:
        rows = mine[mine["coder"] == coder]
        sections.append(
            _sections(rows["start"].to_numpy(np.int64), rows["end"].to_numpy(np.int64), length)
        )
    m = len(names)
    total = 0.0
    for i in range(m):
        for j in range(m):
            if i != j:
                ia, ib = _overlapping(sections[i], sections[j])
                total += _delta(sections[i], sections[j], ia, ib).sum()
    observed = total / (m * (m - 1) * float(length) ** 2)
    units = np.concatenate([(e - s)[u] for s, e, u in sections]).astype(float)
    gaps = np.sort(np.concatenate([(e - s)[~u] for s, e, u in sections]).astype(float))
    # for each unit: sum over gaps at least as long of (gap - l + 1)
    suffix = np.concatenate([np.cumsum(gaps[::-1])[::-1], [0.0]])
    first = np.searchsorted(gaps, units, side="left")
    fits = suffix[first] - (len(gaps) - first) * (units - 1)
    n_units = len(units)
    spread = (n_units - 1) * (2 * units**3 - 3 * units**2 + units) / 3
    numerator = 2.0 / length * (spread + units**2 * fits).sum()
    pairs = m * length * (m * length - 1.0) - (units * (units - 1)).sum()
    expected = numerator / pairs if pairs > 0 else float("nan")
    return observed, expected


def classic_unitizing_alpha(
    units: pd.DataFrame,
    *,
    begin: int = 0,
    length: int | None = None,
    code: str | None = None,
    coders: Sequence[str] | None = None,
) -> UnitizingAlpha:
    """Krippendorff's unitizing alpha of 1995, as restated in 2004.

    Disagreement between two overlapping units is the sum of the squared
    differences of their beginnings and of their ends; a unit inside another
    coder's gap counts its squared length (Krippendorff 2004, p. 252). With
    ``code``, the coefficient of that category; without, ``1 - sum(D_o) /
    sum(D_e)`` over the categories. For new work prefer
    :func:`unitizing_alpha` (Krippendorff et al. 2016), which behaves as expected
    with more than two coders; this one reproduces published results.

    Parameters
    ----------
    units : pandas.DataFrame
        ``coder``, ``start``, ``end`` (exclusive), ``code``.
    begin, length : int
        The continuum ``[begin, begin + length)``.
    code : str, optional
        The category.
    coders : sequence of str, optional
        The coders compared (default: those in ``units``).

    Examples
    --------
    The example of Krippendorff (2004, p. 254), a continuum from 150 to 450:

    >>> import pandas as pd
    >>> units = pd.DataFrame({
    ...     "coder": ["i", "i", "j", "j", "j", "i", "i", "j", "j"],
    ...     "start": [225, 370, 220, 355, 400, 180, 300, 180, 300],
    ...     "end": [295, 400, 300, 375, 420, 240, 350, 240, 350],
    ...     "code": ["c"] * 5 + ["k"] * 4})
    >>> result = classic_unitizing_alpha(units, begin=150, length=300, code="c")
    >>> round(result.observed, 4), round(result.expected, 4), round(result.alpha, 4)
    (0.0144, 0.0532, 0.7286)

    References
    ----------
    .. [1] Krippendorff, K. (1995). On the reliability of unitizing continuous data.
       *Sociological Methodology*, 25, 47–76.
    .. [2] Krippendorff, K. (2004). *Content analysis: An introduction to its
       methodology* (2nd ed.). Sage, pp. 251–256.
    """
    frame, names, length = _continuum(units, begin, length, coders)
    categories = [str(code)] if code is not None else sorted(frame["code"].unique())
    parts = np.array([_category(frame, names, length, c) for c in categories]).reshape(-1, 2)
    observed, expected = parts.sum(axis=0)
    return UnitizingAlpha(
        "uα 1995",
        float(_alpha(observed, expected)),
        float(observed),
        float(expected),
        value=None if code is None else str(code),
        n_coders=len(names),
        length=length,
    )
