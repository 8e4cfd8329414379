"""Tests of research.agreement: hand-worked examples, cross-checks, edge cases."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from research.agreement import (
    _krippendorff,
    bootstrap_alpha,
    brennan_prediger_kappa,
    category_counts,
    cohen_kappa,
    coincidence_matrix,
    fleiss_kappa,
    krippendorff_alpha,
    percent_agreement,
)
from research.errors import AgreementError

DATA = Path(__file__).parent / "data" / "agreement"
NAN = float("nan")
LEVELS = ["nominal", "ordinal", "interval", "ratio"]


def ratings_from_table(table: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Two coders' values from a contingency table (rows: coder A, columns: coder B)."""
    a, b = [], []
    for i, row in enumerate(table):
        for j, count in enumerate(row):
            a += [i + 1] * count
            b += [j + 1] * count
    return np.array(a), np.array(b)


# A 3-category table with the marginals of Cohen's (1960) worked example:
# coder A (rows) .50/.30/.20, coder B (columns) .60/.30/.10, 200 units.
COHEN_TABLE = [[88, 10, 2], [14, 40, 6], [18, 10, 12]]

# Krippendorff (2011), section C: four observers, twelve units, missing values.
KRIPPENDORFF_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
    [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
]


# ---------------------------------------------------------------- hand-worked


def test_percent_agreement_drops_missing_pairs():
    # pairs (1,1), (0,1), (1,1); the 4th unit lacks coder B -> 2 of 3 agree
    assert percent_agreement([1, 0, 1, 1], [1, 1, 1, None]) == pytest.approx(2 / 3)


def test_cohen_kappa_cohen_1960_marginals():
    a, b = ratings_from_table(COHEN_TABLE)
    # p_o = (88 + 40 + 12) / 200 = .70
    # p_e = .50 * .60 + .30 * .30 + .20 * .10 = .41
    # kappa = (.70 - .41) / (1 - .41) = .29 / .59
    assert percent_agreement(a, b) == pytest.approx(0.70)
    assert cohen_kappa(a, b) == pytest.approx(0.29 / 0.59)


def test_weighted_kappa_hand_worked():
    a, b = ratings_from_table(COHEN_TABLE)
    # expected counts E_ij = r_i c_j / 200, r = (100, 60, 40), c = (120, 60, 20)
    # linear |i - j|: observed 10 + 2*2 + 14 + 6 + 18*2 + 10 = 80,
    #                 expected 30 + 10*2 + 36 + 6 + 24*2 + 12 = 152
    assert cohen_kappa(a, b, weights="linear") == pytest.approx(1 - 80 / 152)
    # quadratic (i - j)**2: observed 10 + 8 + 14 + 6 + 72 + 10 = 120,
    #                       expected 30 + 40 + 36 + 6 + 96 + 12 = 220
    assert cohen_kappa(a, b, weights="quadratic") == pytest.approx(1 - 120 / 220)


def test_weighted_kappa_uses_given_category_order():
    labels = {1: "faible", 2: "moyen", 3: "fort"}
    a, b = ratings_from_table(COHEN_TABLE)
    a_txt, b_txt = [labels[v] for v in a], [labels[v] for v in b]
    order = ["faible", "moyen", "fort"]
    assert cohen_kappa(a_txt, b_txt, weights="linear", categories=order) == pytest.approx(
        1 - 80 / 152
    )
    # alphabetical order (faible, fort, moyen) gives another, wrong, weighting
    assert cohen_kappa(a_txt, b_txt, weights="linear") != pytest.approx(1 - 80 / 152)


def test_brennan_prediger_hand_worked():
    a, b = ratings_from_table(COHEN_TABLE)
    # kappa_n = (p_o - 1/q) / (1 - 1/q) = (.70 - 1/3) / (2/3) = .55
    assert brennan_prediger_kappa(a, b) == pytest.approx(0.55)
    # with five categories available: (.70 - .2) / .8
    assert brennan_prediger_kappa(a, b, n_categories=5) == pytest.approx(0.625)


def test_fleiss_kappa_small_hand_worked():
    # P_i = 1, 1, 0 -> P = 2/3; p_j = .5, .5 -> P_e = .5; kappa = (2/3 - .5) / .5
    assert fleiss_kappa([[2, 0], [0, 2], [1, 1]]) == pytest.approx(1 / 3)


def test_fleiss_kappa_fleiss_1971():
    # 30 patients, 6 psychiatrists, 5 diagnoses; Fleiss (1971) reports kappa = .430
    ratings = pd.read_csv(DATA / "fleiss_1971.csv").drop(columns="patient")
    counts = category_counts(ratings.to_numpy().T)
    assert counts.sum(axis=1).eq(6).all()
    assert fleiss_kappa(counts) == pytest.approx(0.4302445, abs=1e-7)


def test_alpha_binary_example_krippendorff_2011():
    data = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
    o = coincidence_matrix(data)
    # o_00 = 10, o_01 = o_10 = 4, o_11 = 2; n_0 = 14, n_1 = 6, n = 20
    assert o.to_numpy().tolist() == [[10, 4], [4, 2]]
    # alpha = 1 - (n - 1) o_01 / (n_0 n_1) = 1 - 19 * 4 / (14 * 6)
    assert krippendorff_alpha(data) == pytest.approx(1 - 76 / 84)


def test_alpha_nominal_two_observers_krippendorff_2011():
    a = ["a", "a", "b", "b", "d", "c", "c", "c", "e", "d", "d", "a"]
    b = ["b", "a", "b", "b", "b", "c", "c", "c", "e", "d", "d", "d"]
    # n = 24, agreeing pairs 18, n_c = a 4, b 6, c 6, d 6, e 2 (sum of squares 128)
    # alpha = 1 - (n - 1)(n - 18) / (n**2 - 128) = 1 - 23 * 6 / 448
    assert krippendorff_alpha([a, b]) == pytest.approx(1 - 138 / 448)


@pytest.mark.parametrize(
    ("level", "published"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_alpha_krippendorff_2011_all_levels(level, published):
    assert krippendorff_alpha(KRIPPENDORFF_C, level=level) == pytest.approx(published, abs=5e-4)


def test_alpha_ignores_units_with_one_value():
    extra = [[*row, NAN] for row in KRIPPENDORFF_C]
    extra[2][-1] = 4  # one value only: not pairable
    assert krippendorff_alpha(extra, layout="coders_units") == pytest.approx(
        krippendorff_alpha(KRIPPENDORFF_C)
    )


def test_alpha_hayes_krippendorff_2007():
    table = pd.read_csv(DATA / "hayes_krippendorff_2007.csv").drop(columns="unit")
    data = table.to_numpy(dtype=float).T  # 5 observers × 40 units
    assert krippendorff_alpha(data, level="ordinal") == pytest.approx(0.7598, abs=5e-5)
    boot = bootstrap_alpha(data, level="ordinal", n_boot=1000, seed=3)
    assert boot.n_pairs == 239  # "a random sample of 239 pairs of judgments"


def test_alpha_string_values_and_dataframe():
    frame = pd.DataFrame([["oui", "non", "oui", None], ["oui", "non", "non", "non"]])
    assert krippendorff_alpha(frame) == pytest.approx(
        krippendorff_alpha([[1, 0, 1, NAN], [1, 0, 0, 0]])
    )


def test_alpha_numeric_encodings_agree():
    # booleans, small integers (fast path), fractions (sorted path), objects: same alpha
    ints = np.array([[1, 0, 1, 1, 0], [1, 1, 1, 0, 0]])
    expected = krippendorff_alpha(ints.astype(object))
    assert krippendorff_alpha(ints.astype(bool)) == pytest.approx(expected)
    assert krippendorff_alpha(ints) == pytest.approx(expected)
    assert krippendorff_alpha(ints * 0.5 + 0.25) == pytest.approx(expected)
    big = ints * 10_000_000.0  # integers too far apart for the fast path
    assert krippendorff_alpha(big, level="interval") == pytest.approx(
        krippendorff_alpha(ints, level="interval")
    )


def test_ordinal_alpha_needs_order_for_text():
    words = [["bas", "moyen", "haut", "haut"], ["bas", "haut", "haut", "moyen"]]
    numbers = [[1, 2, 3, 3], [1, 3, 3, 2]]
    ordered = krippendorff_alpha(words, level="ordinal", values=["bas", "moyen", "haut"])
    assert ordered == pytest.approx(krippendorff_alpha(numbers, level="ordinal"))


# ------------------------------------------------------------- cross-checks


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("seed", range(6))
def test_alpha_matches_krippendorff_package(level, seed):
    krippendorff = pytest.importorskip("krippendorff")
    rng = np.random.default_rng(seed)
    n_coders, n_units, n_values = rng.integers(2, 6), rng.integers(8, 120), rng.integers(2, 7)
    data = rng.integers(0, n_values, size=(n_coders, n_units)).astype(float) * 1.5 + 0.5
    data[rng.random(data.shape) < 0.3] = np.nan
    expected = krippendorff.alpha(data, level_of_measurement=level)
    assert krippendorff_alpha(data, level=level, layout="coders_units") == pytest.approx(
        expected, abs=1e-10
    )


def test_alpha_sparse_path_matches_dense(monkeypatch):
    rng = np.random.default_rng(7)
    data = rng.integers(0, 4, size=(3, 300)).astype(float)
    data[rng.random(data.shape) < 0.2] = np.nan
    dense = {lv: krippendorff_alpha(data, level=lv) for lv in LEVELS}
    monkeypatch.setattr(_krippendorff, "_DENSE_LIMIT", 0)
    for level in LEVELS:
        assert krippendorff_alpha(data, level=level) == pytest.approx(dense[level], abs=1e-12)


@pytest.mark.parametrize("weights", [None, "linear", "quadratic"])
@pytest.mark.parametrize("seed", range(5))
def test_cohen_kappa_matches_sklearn(weights, seed):
    metrics = pytest.importorskip("sklearn.metrics")
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 5, 200)
    b = np.where(rng.random(200) < 0.6, a, rng.integers(0, 5, 200))
    w = rng.integers(1, 4, 200)
    expected = metrics.cohen_kappa_score(a, b, weights=weights, sample_weight=w)
    assert cohen_kappa(a, b, weights=weights, sample_weight=w) == pytest.approx(expected)


@pytest.mark.parametrize("seed", range(5))
def test_fleiss_kappa_matches_statsmodels(seed):
    inter_rater = pytest.importorskip("statsmodels.stats.inter_rater")
    rng = np.random.default_rng(seed)
    ratings = rng.integers(0, 4, size=(40, 5))
    table, _ = inter_rater.aggregate_raters(ratings)
    assert fleiss_kappa(table) == pytest.approx(inter_rater.fleiss_kappa(table))
    assert fleiss_kappa(category_counts(ratings.T)) == pytest.approx(
        inter_rater.fleiss_kappa(table)
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.integers(1, 4)), min_size=3),
    st.sampled_from(LEVELS),
)
def test_sample_weight_equals_repeated_units(rows, level):
    a = np.array([r[0] for r in rows], float) + 1
    b = np.array([r[1] for r in rows], float) + 1
    w = np.array([r[2] for r in rows])
    weighted = krippendorff_alpha([a, b], level=level, sample_weight=w, layout="coders_units")
    repeated = krippendorff_alpha([np.repeat(a, w), np.repeat(b, w)], level=level)
    assert weighted == pytest.approx(repeated, nan_ok=True, abs=1e-9)
    assert cohen_kappa(a, b, sample_weight=w) == pytest.approx(
        cohen_kappa(np.repeat(a, w), np.repeat(b, w)), nan_ok=True, abs=1e-9
    )


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_alpha_invariant_to_order_of_units_and_coders(seed):
    rng = np.random.default_rng(seed)
    data = rng.integers(0, 3, size=(3, 15)).astype(float)
    data[rng.random(data.shape) < 0.2] = np.nan
    base = krippendorff_alpha(data, level="ordinal")
    shuffled = data[rng.permutation(3)][:, rng.permutation(15)]
    assert krippendorff_alpha(shuffled, level="ordinal") == pytest.approx(
        base, nan_ok=True, abs=1e-12
    )


# --------------------------------------------------------------- edge cases


def test_single_category_is_undefined_not_one():
    same = [["x"] * 5, ["x"] * 5]
    assert np.isnan(cohen_kappa(*same))
    assert np.isnan(krippendorff_alpha(same))
    assert np.isnan(fleiss_kappa([[2], [2], [2]]))
    assert np.isnan(brennan_prediger_kappa(*same))
    assert brennan_prediger_kappa(*same, n_categories=2) == 1.0
    assert percent_agreement(*same) == 1.0
    assert np.isnan(bootstrap_alpha(same).low)


def test_all_agree_with_two_categories():
    data = [[0, 1, 1, 0], [0, 1, 1, 0]]
    assert cohen_kappa(*data) == 1.0
    assert krippendorff_alpha(data) == 1.0
    assert fleiss_kappa(category_counts(data)) == pytest.approx(1.0)


@pytest.mark.parametrize(
    "call",
    [
        lambda: krippendorff_alpha([[NAN, NAN, NAN], [NAN, NAN, NAN]]),
        lambda: krippendorff_alpha([[1, NAN, NAN], [NAN, 2, NAN]]),
        lambda: cohen_kappa([None, None], [None, None]),
        lambda: percent_agreement([1, None], [None, 2]),
    ],
)
def test_all_missing_is_an_error(call):
    with pytest.raises(AgreementError, match="nothing to compare"):
        call()


def test_one_coder_is_an_error():
    with pytest.raises(AgreementError, match="at least two coders"):
        krippendorff_alpha([[1, 2, 3]])


def test_transposed_matrix_is_rejected_with_explanation():
    rng = np.random.default_rng(1)
    wide = rng.integers(0, 3, size=(2, 500)).astype(float)
    krippendorff_alpha(wide)  # 2 coders × 500 units: fine
    with pytest.raises(AgreementError, match="rows must be coders") as err:
        krippendorff_alpha(wide.T)
    assert "500 rows and 2 columns" in str(err.value)
    assert "layout='units_coders'" in str(err.value)
    assert krippendorff_alpha(wide.T, layout="units_coders") == krippendorff_alpha(wide)
    with pytest.raises(AgreementError, match="rows must be coders"):
        krippendorff_alpha(pd.DataFrame(wide.T, columns=["A", "B"]))
    # more coders than units is accepted when said so
    few = [[1, 2], [1, 2], [1, 1]]
    with pytest.raises(AgreementError):
        krippendorff_alpha(few)
    assert krippendorff_alpha(few, layout="coders_units") == pytest.approx(
        krippendorff_alpha(np.array(few).T, layout="units_coders")
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: krippendorff_alpha([1, 2, 3]), "2-D"),
        (lambda: krippendorff_alpha([[1, 2], [1, 2]], level="nominel"), "level must be"),
        (lambda: krippendorff_alpha([["a", "b"], ["a", "a"]], level="interval"), "numeric"),
        (lambda: krippendorff_alpha([[1, -2], [1, 2]], level="ratio"), "non-negative"),
        (lambda: krippendorff_alpha([[1, 2], [1, 2]], layout="rows"), "layout must be"),
        (lambda: krippendorff_alpha([[1], [1], [2]], layout="rows"), "layout must be"),
        (lambda: krippendorff_alpha([[1, 2, 3], [1, 2]]), "different lengths"),
        (lambda: krippendorff_alpha([[1, "a"], [1, 2]]), "mix types"),
        (lambda: krippendorff_alpha([[1, 9], [1, 2]], values=[1, 2]), "9"),
        (lambda: krippendorff_alpha([[1, 2], [1, 2]], values=[1, 1, 2]), "duplicates"),
        (lambda: krippendorff_alpha([[1, 2], [1, 2]], sample_weight=[1]), "one non-negative"),
        (lambda: krippendorff_alpha([[1, 2], [1, 2]], sample_weight=[1, -1]), "non-negative"),
        (lambda: cohen_kappa([1, 2, 3], [1, 2]), "3 and 2 values"),
        (lambda: cohen_kappa([[1, 2]], [[1, 2]]), "1-D"),
        (lambda: cohen_kappa([1, 2], [1, 2], weights="square"), "weights must be"),
        (lambda: cohen_kappa(["a", "z"], ["a", "b"], categories=["a", "b"]), "'z'"),
        (lambda: brennan_prediger_kappa([1, 2, 3], [1, 2, 3], n_categories=2), "3 distinct"),
        (lambda: fleiss_kappa([[2, 0], [1, 2]]), "same number of ratings"),
        (lambda: fleiss_kappa([[2, 0.5], [1, 1.5]]), "non-negative integers"),
        (lambda: fleiss_kappa([[2, -1], [1, 0]]), "non-negative integers"),
        (lambda: fleiss_kappa([1, 1]), "2-D"),
        (lambda: fleiss_kappa([[1, 0], [0, 1]]), "at least two ratings"),
        (lambda: bootstrap_alpha([[1, 2], [1, 2]], n_boot=0), "n_boot"),
        (lambda: bootstrap_alpha([[1, 2], [1, 2]], confidence=95), "confidence"),
        (lambda: bootstrap_alpha([[1, 2], [1, 2]], method="jackknife"), "method"),
        (lambda: bootstrap_alpha([[1, 2], [1, 2]], n_draws=0), "n_draws"),
    ],
)
def test_errors_say_what_is_wrong(call, message):
    with pytest.raises(AgreementError, match=message):
        call()


def test_fleiss_hints_at_transposed_table():
    with pytest.raises(AgreementError, match="transposed"):
        fleiss_kappa([[3, 3, 2], [0, 0, 1]])  # a 3-subjects × 2-categories table, transposed


def test_inputs_are_not_mutated():
    data = np.array([[1.0, 2.0, np.nan], [1.0, 1.0, 2.0]])
    frame = pd.DataFrame(data)
    before = data.copy()
    krippendorff_alpha(data)
    bootstrap_alpha(frame, n_boot=50)
    assert np.array_equal(data, before, equal_nan=True)
    assert np.array_equal(frame.to_numpy(), before, equal_nan=True)


# ----------------------------------------------------------------- bootstrap


def kalpha_reference(data, level, n_boot, rng):
    """Independent loop implementation of the pair resampling of the KALPHA macro.

    A uniform number picks a cell of the lower triangle of the coincidence matrix
    (off-diagonal cells with probability 2 o_ck / n), as the macro does.
    """
    o = coincidence_matrix(data).to_numpy()
    n_c = o.sum(axis=1)
    n = n_c.sum()
    values = np.array(coincidence_matrix(data).index, float)
    if level == "interval":
        delta = (values[:, None] - values[None, :]) ** 2
    else:
        delta = 1.0 - np.eye(len(values))
    d_e = (np.outer(n_c, n_c) * delta).sum() / (n * (n - 1))
    cells, probs = [], []
    for c in range(len(values)):
        for k in range(c + 1):
            cells.append(delta[c, k])
            probs.append(o[c, k] / n if c == k else 2 * o[c, k] / n)
    bounds = np.cumsum(probs)
    m = (~np.isnan(np.asarray(data, float))).sum(axis=0)
    draws = int((m * (m - 1) / 2)[m >= 2].sum())
    out = []
    for _ in range(n_boot):
        r = rng.random(draws)
        picked = np.minimum(np.searchsorted(bounds, r), len(cells) - 1)
        out.append(max(1 - np.take(cells, picked).sum() / (draws * d_e), -1.0))
    return np.array(out)


@pytest.mark.parametrize("level", ["nominal", "interval"])
def test_bootstrap_distribution_matches_reference(level):
    table = pd.read_csv(DATA / "hayes_krippendorff_2007.csv").drop(columns="unit")
    data = table.to_numpy(dtype=float).T
    ours = bootstrap_alpha(data, level=level, n_boot=4000, seed=11).estimates
    ref = kalpha_reference(data, level, 4000, np.random.default_rng(12))
    assert ours.mean() == pytest.approx(ref.mean(), abs=0.005)
    assert ours.std() == pytest.approx(ref.std(), rel=0.08)
    for q in (0.025, 0.5, 0.975):
        assert np.quantile(ours, q) == pytest.approx(np.quantile(ref, q), abs=0.015)


def test_bootstrap_is_seeded():
    data = pd.read_csv(DATA / "hayes_krippendorff_2007.csv").drop(columns="unit").to_numpy().T
    first = bootstrap_alpha(data, level="ordinal", n_boot=500, seed=5)
    again = bootstrap_alpha(data, level="ordinal", n_boot=500, seed=5)
    other = bootstrap_alpha(data, level="ordinal", n_boot=500, seed=6)
    assert np.array_equal(first.estimates, again.estimates)
    assert (first.low, first.high) == (again.low, again.high)
    assert not np.array_equal(first.estimates, other.estimates)


def test_bootstrap_interval_and_probability_below_minimum():
    data = pd.read_csv(DATA / "hayes_krippendorff_2007.csv").drop(columns="unit").to_numpy().T
    boot = bootstrap_alpha(data, level="ordinal", n_boot=2000, seed=1)
    assert boot.low < boot.alpha < boot.high
    assert np.all(np.diff(boot.estimates) >= 0)
    # order statistics as KALPHA: the 50th and 1951st of 2000 sorted values
    assert boot.low == boot.estimates[49] and boot.high == boot.estimates[1950]
    qs = [boot.prob_below(m) for m in (0.5, 0.667, 0.7, 0.8, 0.9)]
    assert qs == sorted(qs)
    assert qs[0] == 0.0 and qs[-1] == 1.0
    assert boot.prob_below(0.8) == pytest.approx(np.mean(boot.estimates < 0.8))


def test_bootstrap_counts_resamples_without_variation_as_zero():
    # Perfect agreement on 3 units of "0" and 1 unit of "1": o = diag(6, 2), 4 pairs.
    # A resample has no variation when its 4 pairs all fall in one diagonal cell:
    # probability (6/8)**4 + (2/8)**4 = 0.3203; those count as alpha = 0, others as 1.
    boot = bootstrap_alpha([[0, 0, 0, 1], [0, 0, 0, 1]], n_boot=20000, seed=2)
    assert set(np.unique(boot.estimates)) == {0.0, 1.0}
    assert np.mean(boot.estimates == 0) == pytest.approx(0.3203, abs=0.015)


def test_bootstrap_alpha_not_below_minus_one():
    # systematic disagreement gives alpha well below 0; resamples are clipped at -1
    boot = bootstrap_alpha([[0, 1, 0, 1], [1, 0, 1, 0]], n_boot=500, seed=0)
    assert boot.alpha < -0.5
    assert boot.estimates.min() >= -1.0


def test_bootstrap_over_units_is_wider_for_small_samples():
    data = pd.read_csv(DATA / "hayes_krippendorff_2007.csv").drop(columns="unit").to_numpy().T
    pairs = bootstrap_alpha(data, level="ordinal", n_boot=1000, seed=1)
    units = bootstrap_alpha(data, level="ordinal", n_boot=1000, seed=1, method="units")
    assert units.method == "units" and units.alpha == pairs.alpha
    assert units.high - units.low > pairs.high - pairs.low
    assert units.low < units.alpha < units.high


def test_bootstrap_over_units_matches_naive_resampling():
    rng = np.random.default_rng(4)
    data = rng.integers(0, 3, size=(3, 60)).astype(float)
    data[:, :40] = data[0, :40]  # some agreement
    ours = bootstrap_alpha(data, n_boot=1500, seed=8, method="units").estimates
    naive = []
    for _ in range(1500):
        cols = rng.integers(0, 60, 60)
        naive.append(krippendorff_alpha(data[:, cols], layout="coders_units"))
    assert ours.mean() == pytest.approx(np.mean(naive), abs=0.01)
    assert ours.std() == pytest.approx(np.std(naive), rel=0.1)


def test_bootstrap_with_fewer_draws_is_wider():
    data = pd.read_csv(DATA / "hayes_krippendorff_2007.csv").drop(columns="unit").to_numpy().T
    full = bootstrap_alpha(data, n_boot=2000, seed=1)
    few = bootstrap_alpha(data, n_boot=2000, seed=1, n_draws=40)
    assert few.high - few.low > full.high - full.low
