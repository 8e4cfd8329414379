"""Association tests: hand-worked tables, and scipy/statsmodels as independent checks."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from research.editions import (
    ASSOCIATION_COLUMNS,
    association,
    associations,
    chi_square,
    contingency,
    cramers_v,
    fisher_2x2,
    fisher_freeman_halton,
)
from research.errors import InputError

TEA = [[3, 1], [1, 3]]  # Fisher's lady tasting tea


def _hypergeometric_table_probability(table: np.ndarray) -> float:
    """Probability of a table given its margins, from factorials (no scipy)."""
    rows, cols, n = table.sum(axis=1), table.sum(axis=0), table.sum()
    numerator = math.prod(math.factorial(int(x)) for x in [*rows, *cols])
    denominator = math.factorial(int(n)) * math.prod(math.factorial(int(x)) for x in table.flat)
    return numerator / denominator


def _brute_force_ffh(table) -> float:
    """Fisher–Freeman–Halton p-value by trying every filling of the free cells.

    The top-left (r-1)×(c-1) cells are free; the last row and column follow from the
    margins. Every table with the observed margins is met exactly once.
    """
    table = np.asarray(table)
    rows, cols = table.sum(axis=1), table.sum(axis=0)
    r, c = table.shape
    observed = _hypergeometric_table_probability(table)
    total = 0.0
    bound = int(table.sum())
    for cells in itertools.product(range(bound + 1), repeat=(r - 1) * (c - 1)):
        candidate = np.zeros((r, c), dtype=int)
        candidate[: r - 1, : c - 1] = np.array(cells).reshape(r - 1, c - 1)
        candidate[: r - 1, c - 1] = rows[: r - 1] - candidate[: r - 1, : c - 1].sum(axis=1)
        candidate[r - 1, :] = cols - candidate[: r - 1, :].sum(axis=0)
        if (candidate < 0).any() or candidate[r - 1].sum() != rows[r - 1]:
            continue
        p = _hypergeometric_table_probability(candidate)
        if p <= observed * (1 + 1e-9):
            total += p
    return total


# -- Fisher's exact test, 2×2 -------------------------------------------------------------


def test_tea_tasting_p_value_by_hand():
    # X = cups of milk-first guessed right ~ hypergeometric(8, 4, 4); observed 3.
    # P(3) = P(1) = 16/70, P(4) = P(0) = 1/70: two-sided p = (16 + 16 + 1 + 1) / 70.
    assert fisher_2x2(TEA)["p_value"] == pytest.approx(34 / 70)


def test_tea_tasting_odds_ratio_matches_r():
    # R: fisher.test(matrix(c(3, 1, 1, 3), 2)) gives odds ratio 6.408309, lower bound 0.2117329
    result = fisher_2x2(TEA)
    assert result["odds_ratio"] == pytest.approx(6.408309, rel=1e-5)
    assert result["ci_low"] == pytest.approx(0.2117329, rel=1e-4)
    assert result["sample_odds_ratio"] == pytest.approx(9.0)


def test_tea_tasting_upper_bound_solves_the_exact_equation():
    # The exact upper bound psi solves P(X <= 3; psi) = 0.025 under the noncentral
    # hypergeometric law with weights C(4,x) C(4,4-x) psi^x. (R's uniroot stops at
    # 621.93, where the tail is 0.0252; the exact root is near 626.2.)
    psi = fisher_2x2(TEA)["ci_high"]
    weights = [math.comb(4, x) * math.comb(4, 4 - x) * psi**x for x in range(5)]
    assert sum(weights[:4]) / sum(weights) == pytest.approx(0.025, rel=1e-6)


@pytest.mark.parametrize("table", [[[10, 2], [3, 15]], [[0, 5], [6, 1]], [[12, 0], [0, 9]]])
def test_fisher_p_value_equals_brute_force_enumeration(table):
    assert fisher_2x2(table)["p_value"] == pytest.approx(_brute_force_ffh(table), rel=1e-9)


def test_fisher_with_zero_cell_has_infinite_sample_odds_ratio():
    result = fisher_2x2([[5, 0], [2, 3]])
    assert math.isinf(result["sample_odds_ratio"]) and math.isinf(result["ci_high"])


def test_fisher_refuses_other_shapes():
    with pytest.raises(InputError, match="2×2"):
        fisher_2x2([[1, 2, 3], [4, 5, 6]])


# -- chi-square and Cramér's V ----------------------------------------------------------------


def test_chi_square_by_hand():
    # Every expected count is 15; each cell is 5 away: chi2 = 4 * 25 / 15.
    result = chi_square([[20, 10], [10, 20]])
    assert result["statistic"] == pytest.approx(100 / 15)
    assert result["dof"] == 1
    assert result["p_value"] == pytest.approx(stats.chi2.sf(100 / 15, 1))
    assert result["cramers_v"] == pytest.approx(math.sqrt(100 / 15 / 60))
    assert result["min_expected"] == pytest.approx(15)


def test_chi_square_agrees_with_statsmodels():
    from statsmodels.stats.contingency_tables import Table

    table = np.array([[12, 5, 9], [4, 11, 7], [6, 8, 10]])
    ours = chi_square(table)
    theirs = Table(table).test_nominal_association()
    assert ours["statistic"] == pytest.approx(theirs.statistic)
    assert ours["dof"] == theirs.df
    assert ours["p_value"] == pytest.approx(theirs.pvalue)


@pytest.mark.parametrize(
    ("table", "expected"),
    [([[10, 0], [0, 10]], 1.0), ([[5, 5], [5, 5]], 0.0), ([[6, 0, 0], [0, 6, 0], [0, 0, 6]], 1.0)],
)
def test_cramers_v_extremes(table, expected):
    assert cramers_v(table) == pytest.approx(expected)


def test_cramers_v_agrees_with_scipy():
    table = np.array([[12, 5, 9], [4, 11, 7]])
    assert cramers_v(table) == pytest.approx(stats.contingency.association(table, method="cramer"))


def test_cramers_v_is_nan_with_one_level():
    assert math.isnan(cramers_v([[3, 4]]))


# -- Fisher–Freeman–Halton ------------------------------------------------------------------


def test_ffh_by_hand():
    # Margins rows (4, 6), columns (3, 3, 4). A table is fixed by its first row (a, b, c),
    # of probability C(3,a) C(3,b) C(4,c) / C(10,4) = w / 210. The 13 first rows weigh
    # 3 (3,1,0), 3 (1,3,0), 9 (2,2,0), 4, 4, 36, 36 (c = 1), 18, 18, 54 (c = 2),
    # 12, 12 (c = 3) and 1 (0,0,4). Observed (3,1,0): 3/210 = 1/70; the tables no more
    # probable weigh 3 + 3 + 1, so p = 7/210 = 1/30.
    result = fisher_freeman_halton([[3, 1, 0], [0, 2, 4]])
    assert result["method"] == "exact"
    assert result["probability"] == pytest.approx(1 / 70)
    assert result["p_value"] == pytest.approx(1 / 30)


@pytest.mark.parametrize(
    "table", [[[3, 1, 0], [0, 2, 4]], [[2, 0, 1], [1, 3, 0], [0, 1, 2]], [[4, 1], [0, 3], [2, 2]]]
)
def test_ffh_equals_brute_force(table):
    assert fisher_freeman_halton(table)["p_value"] == pytest.approx(
        _brute_force_ffh(table), rel=1e-9
    )


def test_ffh_on_2x2_equals_fisher():
    table = [[8, 2], [1, 5]]
    assert fisher_freeman_halton(table)["p_value"] == pytest.approx(
        stats.fisher_exact(table).pvalue
    )


def test_ffh_close_to_scipy_monte_carlo():
    table = np.array([[5, 2, 1], [1, 4, 3], [0, 2, 6]])
    method = stats.MonteCarloMethod(n_resamples=40_000, rng=np.random.default_rng(1))
    estimate = stats.fisher_exact(table, method=method).pvalue
    assert fisher_freeman_halton(table)["p_value"] == pytest.approx(estimate, abs=0.01)


def test_ffh_monte_carlo_fallback_is_reproducible():
    table = [[5, 2, 1], [1, 4, 3], [0, 2, 6]]
    first = fisher_freeman_halton(table, max_tables=5, n_resamples=2000, seed=3)
    again = fisher_freeman_halton(table, max_tables=5, n_resamples=2000, seed=3)
    assert first["method"] == "monte_carlo"
    assert first["p_value"] == again["p_value"]
    assert first["p_value"] == pytest.approx(fisher_freeman_halton(table)["p_value"], abs=0.05)


def test_ffh_ignores_empty_rows_and_columns():
    with_empty = [[3, 1, 0, 0], [0, 2, 4, 0], [0, 0, 0, 0]]
    assert fisher_freeman_halton(with_empty)["p_value"] == pytest.approx(1 / 30)


@pytest.mark.parametrize(
    ("table", "message"),
    [([1, 2, 3], "2-D"), ([[1, -1], [2, 3]], "non-negative"), ([[1.5, 1], [2, 3]], "whole")],
)
def test_bad_tables_are_refused(table, message):
    with pytest.raises(InputError, match=message):
        fisher_freeman_halton(table)


# -- choosing the test --------------------------------------------------------------------------


def _units(counts: dict[tuple, int]) -> pd.DataFrame:
    rows = [{"x": x, "y": y} for (x, y), k in counts.items() for _ in range(k)]
    return pd.DataFrame(rows)


def test_association_uses_fisher_on_2x2():
    frame = _units({(True, True): 3, (True, False): 1, (False, True): 1, (False, False): 3})
    result = association(frame, "x", "y", row_order=[True, False], column_order=[True, False])
    assert result["test"] == "fisher"
    assert result["p_value"] == pytest.approx(34 / 70)
    assert result["odds_ratio"] == pytest.approx(6.408309, rel=1e-5)
    assert "small sample" in result["caveat"]


def test_association_uses_chi_square_when_expected_counts_allow():
    frame = _units(
        {("a", 0): 20, ("a", 1): 10, ("b", 0): 10, ("b", 1): 20, ("c", 0): 15, ("c", 1): 15}
    )
    result = association(frame, "x", "y")
    assert result["test"] == "chi_square"
    assert result["p_value"] == pytest.approx(
        stats.chi2_contingency([[20, 10], [10, 20], [15, 15]], correction=False).pvalue
    )
    assert result["caveat"] is None


def test_association_falls_back_to_exact_test_with_small_expected_counts():
    frame = _units({("a", 0): 3, ("a", 1): 0, ("b", 0): 1, ("b", 1): 2, ("c", 0): 0, ("c", 1): 4})
    result = association(frame, "x", "y")
    assert result["test"] == "fisher_freeman_halton"
    assert result["p_value"] == pytest.approx(_brute_force_ffh([[3, 0], [1, 2], [0, 4]]))
    assert "exact test instead of chi-square" in result["caveat"]


def test_association_threshold_is_a_parameter():
    frame = _units(
        {("a", 0): 20, ("a", 1): 10, ("b", 0): 10, ("b", 1): 20, ("c", 0): 15, ("c", 1): 15}
    )
    assert association(frame, "x", "y", min_expected=50)["test"] == "fisher_freeman_halton"


def test_association_with_a_single_level_has_no_test():
    frame = _units({("a", 0): 3, ("a", 1): 2})
    result = association(frame, "x", "y")
    assert result["test"] == "none" and result["p_value"] is None


def test_associations_table_has_one_row_per_pair():
    frame = _units({("a", 0): 3, ("b", 1): 3, ("a", 1): 1}).assign(z=[1, 0, 1, 0, 1, 0, 1])
    table = associations(frame, ["x"], ["y", "z"])
    assert table.columns.tolist() == ASSOCIATION_COLUMNS
    assert table[["row", "column"]].values.tolist() == [["x", "y"], ["x", "z"]]


def test_contingency_drops_missing_values_and_keeps_order():
    frame = pd.DataFrame({"t": ["b", "a", None, "a"], "ok": [True, False, True, True]})
    table = contingency(frame, "t", "ok", column_order=[True, False])
    assert table.index.tolist() == ["a", "b"]
    assert table.to_numpy().tolist() == [[1, 1], [1, 0]]


def test_contingency_names_the_missing_column():
    with pytest.raises(InputError, match="no column 'typ'"):
        contingency(pd.DataFrame({"type": ["a"]}), "typ", "type")
