"""Tests of association for small contingency tables, with effect sizes and caveats.

Edition data are small: a few dozen workshops per edition, a handful of projects
that became enterprises. This module chooses a test that stays valid at those
sizes and says so when the numbers are too small to conclude:

- a 2×2 table gets Fisher's exact test, with the conditional maximum-likelihood
  odds ratio and its exact confidence interval (as R's ``fisher.test``)
  [1]_ [2]_;
- a larger table gets Pearson's chi-square test with Cramér's V when every
  expected count is at least ``min_expected`` (5 by default) [3]_ [4]_, and
  otherwise the Fisher–Freeman–Halton exact test [5]_, computed by enumerating
  every table with the observed margins (or, past ``max_tables`` tables, by a
  seeded Monte Carlo estimate);
- Cramér's V is reported for every table, so effects can be compared.

Computations use :mod:`scipy.stats`; the exact r×c test enumerates tables with
the multivariate hypergeometric probability of each.

References
----------
.. [1] Fisher, R. A. (1935). The logic of inductive inference. *Journal of the
   Royal Statistical Society*, 98(1), 39-82.
.. [2] Agresti, A. (2002). *Categorical Data Analysis* (2nd ed.), section 3.5.
   Wiley.
.. [3] Cochran, W. G. (1954). Some methods for strengthening the common χ²
   tests. *Biometrics*, 10(4), 417-451.
.. [4] Cramér, H. (1946). *Mathematical Methods of Statistics*, p. 282.
   Princeton University Press.
.. [5] Freeman, G. H. & Halton, J. H. (1951). Note on an exact treatment of
   contingency, goodness of fit and other problems of significance.
   *Biometrika*, 38(1/2), 141-149.

Examples
--------
>>> tea = [[3, 1], [1, 3]]            # Fisher's lady tasting tea
>>> result = fisher_2x2(tea)
>>> round(result["p_value"], 4), round(result["odds_ratio"], 3)
(0.4857, 6.408)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import special, stats

from research.errors import InputError

__all__ = [
    "ASSOCIATION_COLUMNS",
    "association",
    "associations",
    "chi_square",
    "contingency",
    "cramers_v",
    "fisher_2x2",
    "fisher_freeman_halton",
]

ASSOCIATION_COLUMNS = [
    "row",
    "column",
    "n",
    "shape",
    "test",
    "statistic",
    "dof",
    "p_value",
    "odds_ratio",
    "ci_low",
    "ci_high",
    "cramers_v",
    "min_expected",
    "caveat",
]


def _as_table(table: Any) -> np.ndarray:
    array = np.asarray(table.to_numpy() if isinstance(table, pd.DataFrame) else table)
    if array.ndim != 2 or array.size == 0:
        raise InputError(
            f"a contingency table must be a non-empty 2-D table, got shape {array.shape}"
        )
    if not np.all(np.isfinite(array)) or np.any(array < 0) or np.any(array != np.round(array)):
        raise InputError("a contingency table holds counts: non-negative whole numbers")
    return array.astype(np.int64)


def _drop_empty(array: np.ndarray) -> np.ndarray:
    return array[array.sum(axis=1) > 0][:, array.sum(axis=0) > 0]


def contingency(
    frame: pd.DataFrame,
    row: str,
    column: str,
    *,
    row_order: Sequence[Any] | None = None,
    column_order: Sequence[Any] | None = None,
) -> pd.DataFrame:
    """Counts of ``row`` × ``column`` in a stable order (missing values left out).

    Examples
    --------
    >>> frame = pd.DataFrame({"type": ["a", "b", "a", "a"], "ok": [True, False, False, True]})
    >>> contingency(frame, "type", "ok", column_order=[True, False]).to_dict("split")["data"]
    [[2, 1], [0, 1]]
    """
    for name in (row, column):
        if name not in frame.columns:
            raise InputError(
                f"no column {name!r} to tabulate",
                hint=f"columns: {', '.join(map(str, frame.columns))}",
            )
    data = frame[[row, column]].dropna()
    table = pd.crosstab(data[row], data[column])
    rows = list(row_order) if row_order is not None else sorted(table.index, key=str)
    columns = list(column_order) if column_order is not None else sorted(table.columns, key=str)
    return table.reindex(index=rows, columns=columns, fill_value=0).astype("int64")


def cramers_v(table: Any) -> float:
    """Cramér's V, ``sqrt(chi2 / (n (min(r, c) - 1)))``, without continuity correction.

    Empty rows and columns are left out; ``nan`` when fewer than two rows or columns remain.

    Examples
    --------
    >>> round(cramers_v([[10, 0], [0, 10]]), 3), round(cramers_v([[5, 5], [5, 5]]), 3)
    (1.0, 0.0)
    """
    array = _drop_empty(_as_table(table))
    if min(array.shape) < 2:
        return float("nan")
    chi2 = stats.chi2_contingency(array, correction=False).statistic
    return float(np.sqrt(chi2 / (array.sum() * (min(array.shape) - 1))))


def fisher_2x2(table: Any, *, confidence: float = 0.95) -> dict[str, float]:
    """Fisher's exact test of a 2×2 table, two-sided, with the odds ratio.

    Returns
    -------
    dict
        ``p_value``; ``odds_ratio``, the conditional maximum-likelihood estimate
        (as R's ``fisher.test``), with its exact ``ci_low`` and ``ci_high``;
        ``sample_odds_ratio`` ``(a d) / (b c)`` (``inf`` or ``nan`` with zero cells).

    Examples
    --------
    >>> result = fisher_2x2([[3, 1], [1, 3]])
    >>> round(result["ci_low"], 4), round(result["ci_high"], 2)
    (0.2117, 626.24)
    """
    array = _as_table(table)
    if array.shape != (2, 2):
        raise InputError(f"fisher_2x2 needs a 2×2 table, got {array.shape[0]}×{array.shape[1]}")
    p_value = float(stats.fisher_exact(array).pvalue)
    estimate = stats.contingency.odds_ratio(array, kind="conditional")
    interval = estimate.confidence_interval(confidence_level=confidence)
    (a, b), (c, d) = array
    with np.errstate(divide="ignore", invalid="ignore"):
        sample = np.float64(a * d) / np.float64(b * c)
    return {
        "p_value": p_value,
        "odds_ratio": float(estimate.statistic),
        "ci_low": float(interval.low),
        "ci_high": float(interval.high),
        "sample_odds_ratio": float(sample),
    }


def chi_square(table: Any) -> dict[str, float]:
    """Pearson's chi-square test of independence (no continuity correction).

    Returns
    -------
    dict
        ``statistic``, ``dof``, ``p_value``, ``cramers_v``, ``min_expected`` and
        ``share_expected_below_5`` (the part of cells with an expected count under 5).

    Examples
    --------
    >>> result = chi_square([[20, 10], [10, 20]])
    >>> round(result["statistic"], 3), result["dof"], round(result["p_value"], 4)
    (6.667, 1, 0.0098)
    """
    array = _drop_empty(_as_table(table))
    if min(array.shape) < 2:
        raise InputError("a chi-square test needs at least two non-empty rows and columns")
    result = stats.chi2_contingency(array, correction=False)
    expected = result.expected_freq
    return {
        "statistic": float(result.statistic),
        "dof": int(result.dof),
        "p_value": float(result.pvalue),
        "cramers_v": float(np.sqrt(result.statistic / (array.sum() * (min(array.shape) - 1)))),
        "min_expected": float(expected.min()),
        "share_expected_below_5": float((expected < 5).mean()),
    }


def _log_probability(tables: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Log hypergeometric probability of tables (last two axes) with these margins."""
    n = rows.sum()
    constant = (
        special.gammaln(rows + 1).sum() + special.gammaln(cols + 1).sum() - special.gammaln(n + 1)
    )
    return constant - special.gammaln(tables + 1).sum(axis=(-2, -1))


def _columns_of(total: int, capacity: np.ndarray) -> list[np.ndarray]:
    """Every way of spreading ``total`` over rows with these remaining capacities."""
    if len(capacity) == 1:
        return [np.array([total])] if total <= capacity[0] else []
    found = []
    rest = int(capacity[1:].sum())
    for first in range(max(0, total - rest), min(total, int(capacity[0])) + 1):
        for tail in _columns_of(total - first, capacity[1:]):
            found.append(np.concatenate(([first], tail)))
    return found


def _enumerate_log_probabilities(
    rows: np.ndarray, cols: np.ndarray, limit: int
) -> np.ndarray | None:
    """Log probabilities of every table with these margins, or None past ``limit`` tables."""
    partial = [(rows.copy(), 0.0)]
    base = (
        special.gammaln(rows + 1).sum()
        + special.gammaln(cols + 1).sum()
        - special.gammaln(rows.sum() + 1)
    )
    for col in cols[:-1]:
        grown = []
        for remaining, logp in partial:
            for column in _columns_of(int(col), remaining):
                grown.append((remaining - column, logp - special.gammaln(column + 1).sum()))
                if len(grown) > limit:
                    return None
        partial = grown
    return np.array(
        [base + logp - special.gammaln(remaining + 1).sum() for remaining, logp in partial]
    )


def fisher_freeman_halton(
    table: Any, *, max_tables: int = 2_000_000, n_resamples: int = 100_000, seed: int = 0
) -> dict[str, Any]:
    """The Fisher–Freeman–Halton exact test of independence of an r×c table.

    The p-value is the total probability, under independence with the observed
    margins, of the tables no more probable than the observed one. It is exact
    (every table enumerated) up to ``max_tables`` tables; past that it is a
    Monte Carlo estimate with a fixed ``seed`` (reproducible).

    Returns
    -------
    dict
        ``p_value``, ``probability`` (of the observed table), ``method``
        (``"exact"`` or ``"monte_carlo"``) and ``tables`` (how many were enumerated).

    Examples
    --------
    >>> result = fisher_freeman_halton([[3, 1, 0], [0, 2, 4]])
    >>> result["method"], round(result["p_value"], 4)
    ('exact', 0.0333)
    >>> round(fisher_freeman_halton([[3, 1], [1, 3]])["p_value"], 4)   # = Fisher's 2×2 test
    0.4857
    """
    array = _drop_empty(_as_table(table))
    if min(array.shape) < 2:
        return {"p_value": 1.0, "probability": 1.0, "method": "exact", "tables": 1}
    rows, cols = array.sum(axis=1), array.sum(axis=0)
    observed = float(_log_probability(array, rows, cols))
    logs = _enumerate_log_probabilities(rows, cols, max_tables)
    if logs is not None:
        tolerance = 1e-7 * max(1.0, abs(observed))
        extreme = logs <= observed + tolerance
        p_value = float(np.exp(logs[extreme]).sum())
        return {
            "p_value": min(1.0, p_value),
            "probability": float(np.exp(observed)),
            "method": "exact",
            "tables": len(logs),
        }
    method = stats.MonteCarloMethod(n_resamples=n_resamples, rng=np.random.default_rng(seed))
    result = stats.fisher_exact(array, method=method)
    return {
        "p_value": float(result.pvalue),
        "probability": float(np.exp(observed)),
        "method": "monte_carlo",
        "tables": n_resamples,
    }


def _caveats(array: np.ndarray, n: int, min_expected: float, test: str) -> list[str]:
    notes = []
    if n < 30:
        notes.append(
            f"small sample (n = {n}): low power, a large p-value is not evidence of no association"
        )
    if test == "fisher_freeman_halton":
        notes.append(
            f"some expected counts below {min_expected:g}: exact test instead of chi-square"
        )
    if array.shape == (2, 2) and np.any(array == 0):
        notes.append("a zero cell: the odds ratio is at a bound of its interval")
    return notes


def association(
    frame: pd.DataFrame,
    row: str,
    column: str,
    *,
    min_expected: float = 5.0,
    confidence: float = 0.95,
    seed: int = 0,
    row_order: Sequence[Any] | None = None,
    column_order: Sequence[Any] | None = None,
) -> dict[str, Any]:
    """Test the association of two columns of ``frame`` with the fitting test.

    Parameters
    ----------
    frame : DataFrame
        One row per unit (a workshop, a project).
    row, column : str
        The two categorical columns (booleans are fine); missing values are left out.
    min_expected : float
        Smallest expected count for the chi-square test to be used on tables
        larger than 2×2 (all cells); otherwise the exact test is used.
    confidence : float
        Level of the odds ratio's interval (2×2 tables).
    seed : int
        Seed of the Monte Carlo fallback of the exact r×c test.
    row_order, column_order : sequence, optional
        Order of the levels (default: sorted).

    Returns
    -------
    dict
        Keys :data:`ASSOCIATION_COLUMNS`. ``test`` is ``fisher``, ``chi_square``,
        ``fisher_freeman_halton`` or ``none`` (fewer than two levels of a
        variable); ``caveat`` says what limits the reading.

    Examples
    --------
    >>> frame = pd.DataFrame({"holder": [True] * 6 + [False] * 6,
    ...                       "started": [True] * 5 + [False] + [True] + [False] * 5})
    >>> result = association(frame, "holder", "started", row_order=[True, False],
    ...                      column_order=[True, False])
    >>> result["test"], round(result["p_value"], 4), round(result["cramers_v"], 3)
    ('fisher', 0.0801, 0.667)
    """
    table = contingency(frame, row, column, row_order=row_order, column_order=column_order)
    full = table.to_numpy()
    array = _drop_empty(full)
    n = int(array.sum())
    result: dict[str, Any] = dict.fromkeys(ASSOCIATION_COLUMNS)
    result.update(row=row, column=column, n=n, shape=f"{array.shape[0]}x{array.shape[1]}")
    if min(array.shape) < 2:
        result.update(test="none", caveat="fewer than two observed levels: no test")
        return result
    chi = chi_square(array)
    result.update(cramers_v=chi["cramers_v"], min_expected=chi["min_expected"])
    if array.shape == (2, 2) and full.shape == (2, 2):
        fisher = fisher_2x2(full, confidence=confidence)
        result.update(
            test="fisher",
            p_value=fisher["p_value"],
            odds_ratio=fisher["odds_ratio"],
            ci_low=fisher["ci_low"],
            ci_high=fisher["ci_high"],
        )
    elif chi["min_expected"] >= min_expected:
        result.update(
            test="chi_square", statistic=chi["statistic"], dof=chi["dof"], p_value=chi["p_value"]
        )
    else:
        exact = fisher_freeman_halton(array, seed=seed)
        result.update(test="fisher_freeman_halton", p_value=exact["p_value"])
        if exact["method"] == "monte_carlo":
            result["test"] = "fisher_freeman_halton_monte_carlo"
    result["caveat"] = "; ".join(_caveats(array, n, min_expected, result["test"])) or None
    return result


def associations(
    frame: pd.DataFrame,
    rows: Sequence[str],
    columns: Sequence[str],
    *,
    min_expected: float = 5.0,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """:func:`association` for every pair of ``rows`` × ``columns``, one row each.

    Examples
    --------
    >>> frame = pd.DataFrame({"a": [1, 1, 2, 2], "b": ["x", "y", "x", "y"], "c": [0, 0, 1, 1]})
    >>> associations(frame, ["a"], ["b", "c"])[["row", "column", "test"]].values.tolist()
    [['a', 'b', 'fisher'], ['a', 'c', 'fisher']]
    """
    records = [
        association(frame, r, c, min_expected=min_expected, confidence=confidence, seed=seed)
        for r in rows
        for c in columns
    ]
    return pd.DataFrame(records, columns=ASSOCIATION_COLUMNS)
