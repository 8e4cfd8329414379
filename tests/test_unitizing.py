"""The unitizing alphas: published examples, brute force from the definitions, tables.

Published values reproduced
---------------------------
* Krippendorff (2004), *Content Analysis* (2nd ed.), p. 254: the two-observer
  example on the continuum 150–450 with categories c and k. The data and the
  printed values are those transcribed in DKPro Statistics' ``Krippendorff2004Test``
  (the book itself could not be read here).
* Krippendorff (1995), *Sociological Methodology* 25, p. 57: the four pairs of
  observers A–D on a continuum of 24 (data and values as transcribed in DKPro
  Statistics' ``Krippendorff1995Test``, the paper could not be read here). The
  observed disagreements are reproduced exactly; the paper computed the expected
  disagreement on a continuous line, approached here by stretching the example
  50 000 times, at DKPro's tolerances (its authors note a small error in the
  original's expected disagreement); and the paper's coefficients of the
  "digitized" data (each position a unit) are reproduced to its three decimals.

The coefficients of Krippendorff et al. (2016) are checked against a brute-force
computation from their definitions (every character of every coder paired with
every other), which no published example could be found to check here.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from research.agreement import (
    binary_unitizing_alpha,
    character_units,
    classic_unitizing_alpha,
    coding_unitizing_alpha,
    cohen_kappa,
    domain_unitizing_alpha,
    krippendorff_alpha,
    unitizing_alpha,
    unitizing_summary,
    unitizing_table,
)
from research.errors import AgreementError, CodingError

# ------------------------------------------------------------- published values


def krippendorff_2004_example() -> pd.DataFrame:
    """Krippendorff (2004, p. 254): observers i and j on [150, 450)."""
    rows = [
        ("i", 225, 70, "c"),
        ("i", 370, 30, "c"),
        ("j", 220, 80, "c"),
        ("j", 355, 20, "c"),
        ("j", 400, 20, "c"),
        ("i", 180, 60, "k"),
        ("i", 300, 50, "k"),
        ("j", 180, 60, "k"),
        ("j", 300, 50, "k"),
    ]
    return pd.DataFrame(
        [(c, b, b + length, v) for c, b, length, v in rows],
        columns=["coder", "start", "end", "code"],
    )


@pytest.mark.parametrize(
    ("code", "observed", "expected", "alpha"),
    [("c", 0.0144, 0.0532, 0.7286), ("k", 0.0000, 0.0490, 1.0000)],
)
def test_krippendorff_2004_p254_per_category(code, observed, expected, alpha):
    result = classic_unitizing_alpha(krippendorff_2004_example(), begin=150, length=300, code=code)
    assert round(result.observed, 4) == observed
    assert round(result.expected, 4) == expected
    assert round(result.alpha, 4) == alpha


def test_krippendorff_2004_p254_both_categories():
    # 0.8591 = 1 - 0.0144 / (0.0532 + 0.0490): the printed value comes from the
    # rounded disagreements, so it is met to the rounding of its inputs.
    result = classic_unitizing_alpha(krippendorff_2004_example(), begin=150, length=300)
    assert result.alpha == pytest.approx(0.8591, abs=5e-4)


def krippendorff_1995_example(stretch: int = 1) -> pd.DataFrame:
    """Krippendorff (1995, p. 57): pairs A–D of observers on a continuum of 24."""
    sections = {
        "A": ([(2, 8), (14, 6)], [(4, 4), (15, 2)]),
        "B": ([(0, 18)], [(0, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 3), (9, 1)]),
        "C": ([(2, 6), (10, 2), (14, 4), (20, 2)], [(0, 2), (4, 4), (10, 4), (16, 2), (20, 2)]),
        "D": (
            [(0, 2), (2, 8), (10, 4), (14, 6), (20, 4)],
            [(0, 4), (4, 4), (8, 7), (15, 2), (17, 7)],
        ),
    }
    rows = [
        (f"{pair}{i}", b * stretch, (b + length) * stretch, pair)
        for pair, coders in sections.items()
        for i, units in enumerate(coders)
        for b, length in units
    ]
    return pd.DataFrame(rows, columns=["coder", "start", "end", "code"])


def _pair(pair: str, stretch: int = 1):
    units = krippendorff_1995_example(stretch)
    units = units[units["code"] == pair]
    return classic_unitizing_alpha(
        units, length=24 * stretch, code=pair, coders=[f"{pair}0", f"{pair}1"]
    )


@pytest.mark.parametrize(
    ("pair", "observed"), [("A", 0.03125), ("B", 2.26736), ("C", 0.02778), ("D", 0.38715)]
)
def test_krippendorff_1995_p57_observed(pair, observed):
    assert round(_pair(pair).observed, 5) == observed


@pytest.mark.parametrize(
    ("pair", "expected", "alpha"),
    [("A", 0.06990, 0.553), ("B", 1.17731, -0.926), ("C", 0.08642, 0.679), ("D", 0.41445, 0.066)],
)
def test_krippendorff_1995_p57_continuous_limit(pair, expected, alpha):
    result = _pair(pair, stretch=50_000)
    assert result.expected == pytest.approx(expected, abs=5e-3)
    assert result.alpha == pytest.approx(alpha, abs=2e-2)


def _digitized(pair: str) -> np.ndarray:
    units = krippendorff_1995_example()
    units = units[units["code"] == pair]
    cover = np.zeros((2, 24), dtype=int)
    for row in units.itertuples():
        cover[int(row.coder[-1]), row.start : row.end] = 1
    return cover


@pytest.mark.parametrize(
    ("pair", "kappa", "alpha"), [("A", 0.385, 0.329), ("B", 0.385, None), ("C", 0.314, None)]
)
def test_krippendorff_1995_digitized_coefficients(pair, kappa, alpha):
    cover = _digitized(pair)
    assert round(cohen_kappa(cover[0], cover[1]), 3) == kappa
    if alpha is not None:
        assert round(krippendorff_alpha(cover), 3) == alpha


# ------------------------------------------------- brute force from definitions


def random_units(rng, length: int, coders: list[str], codes: list[str], gap: int = 6):
    """Non-overlapping units of random codes for each coder (touching allowed)."""
    rows = []
    for coder in coders:
        pos = int(rng.integers(0, gap))
        while True:
            size = int(rng.integers(1, 8))
            if pos + size > length:
                break
            if rng.random() < 0.8:
                rows.append((coder, pos, pos + size, str(rng.choice(codes))))
            pos += size + int(rng.integers(0, gap))
    return pd.DataFrame(rows, columns=["coder", "start", "end", "code"])


def sections(units: pd.DataFrame, coders: list[str], length: int, value=lambda c: c):
    """Each coder's sections: (start, end, value), gaps valued None."""
    out = {}
    for coder in coders:
        mine = units[units["coder"] == coder].sort_values("start")
        result, pos = [], 0
        for row in mine.itertuples():
            if row.start > pos:
                result.append((pos, row.start, None))
            result.append((row.start, row.end, value(row.code)))
            pos = row.end
        if pos < length:
            result.append((pos, length, None))
        out[coder] = result
    return out


def brute_u(secs: dict, length: int, binary: bool = False) -> tuple[float, float]:
    """D_o and D_e of uα (or |uα) by pairing every element with every other.

    An element is one character of one coder. Observed: the characters of two
    different coders at the same position. Expected: all ordered pairs of distinct
    elements except two elements of the same unit (Krippendorff et al. 2016).
    """
    coders = list(secs)
    m = len(coders)
    elements = []  # (coder, unit id or None, value)
    for coder, parts in secs.items():
        for n, (s, e, v) in enumerate(parts):
            v = ("+" if v is not None else None) if binary else v
            for _ in range(s, e):
                elements.append((coder, n if v is not None else None, v))
    value_at = {
        c: [
            v if not binary else ("+" if v is not None else None)
            for s, e, v in p
            for _ in range(s, e)
        ]
        for c, p in secs.items()
    }
    observed = sum(
        value_at[a][x] != value_at[b][x]
        for a, b in itertools.permutations(coders, 2)
        for x in range(length)
    ) / (m - 1)
    total = m * length
    differ = pairs = 0
    for p, q in itertools.permutations(range(len(elements)), 2):
        (ca, ua, va), (cb, ub, vb) = elements[p], elements[q]
        if ca == cb and ua is not None and ua == ub:
            continue
        pairs += 1
        differ += va != vb
    return observed / total, differ / pairs


@pytest.mark.parametrize("seed", range(6))
def test_u_alpha_and_binary_alpha_match_brute_force(seed):
    rng = np.random.default_rng(seed)
    coders = ["A", "B", "C"][: 2 + seed % 2]
    length = 30
    units = random_units(rng, length, coders, ["x", "y", "z"])
    secs = sections(units, coders, length)
    do, de = brute_u(secs, length)
    result = unitizing_alpha(units, length=length, coders=coders)
    assert result.observed == pytest.approx(do)
    assert result.expected == pytest.approx(de)
    assert result.alpha == pytest.approx(1 - do / de)
    do, de = brute_u(secs, length, binary=True)
    result = binary_unitizing_alpha(units, length=length, coders=coders)
    assert (result.observed, result.expected) == pytest.approx((do, de))


@pytest.mark.parametrize("seed", range(4))
def test_binary_alpha_of_one_code_matches_brute_force(seed):
    rng = np.random.default_rng(100 + seed)
    coders = ["A", "B", "C"]
    units = random_units(rng, 28, coders, ["x", "y"])
    only_x = units[units["code"] == "x"]
    do, de = brute_u(sections(only_x, coders, 28), 28)
    result = unitizing_alpha(units, length=28, code="x", coders=coders)
    assert result.coefficient == "|cuα"
    assert (result.observed, result.expected) == pytest.approx((do, de))


def brute_cu(secs: dict, code: str | None = None) -> tuple[float, float]:
    """D_o and D_e of cuα (or (k)uα) from pairs of sections (Krippendorff et al. 2016).

    Observed coincidences are intersections of two coders' units; a unit's
    self-pairing is, for each other coder, its intersection with that coder's units,
    squared, over m - 1.
    """
    coders = list(secs)
    m = len(coders)
    obs: dict[tuple, float] = {}
    self_pairs: dict = {}
    for a in coders:
        for s, e, v in secs[a]:
            if v is None:
                continue
            for b in coders:
                if b == a:
                    continue
                inside = 0
                for s2, e2, v2 in secs[b]:
                    overlap = max(0, min(e, e2) - max(s, s2))
                    if v2 is not None and overlap:
                        obs[v, v2] = obs.get((v, v2), 0) + overlap / (m - 1)
                        inside += overlap
                self_pairs[v] = self_pairs.get(v, 0) + inside**2 / (m - 1)
    values = sorted({v for v, _ in obs} | {v for _, v in obs})
    row = {v: sum(obs.get((v, k), 0) for k in values) for v in values}
    n = sum(row.values())
    s_all = sum(self_pairs.values())
    exp = {
        (c, k): n * (row[c] * row[k] - (self_pairs.get(c, 0) if c == k else 0)) / (n * n - s_all)
        for c in values
        for k in values
    }
    if code is None:
        do = sum(v for (c, k), v in obs.items() if c != k) / n
        de = sum(v for (c, k), v in exp.items() if c != k) / n
        return do, de
    e_row = sum(exp[code, k] for k in values)
    return (row[code] - obs.get((code, code), 0)) / row[code], (e_row - exp[code, code]) / e_row


@pytest.mark.parametrize("seed", range(6))
def test_coding_alphas_match_brute_force(seed):
    rng = np.random.default_rng(200 + seed)
    coders = ["A", "B", "C"][: 2 + seed % 2]
    units = random_units(rng, 40, coders, ["x", "y", "z"], gap=3)
    secs = sections(units, coders, 40)
    result = coding_unitizing_alpha(units, length=40, coders=coders)
    assert (result.observed, result.expected) == pytest.approx(brute_cu(secs))
    for code in sorted(units["code"].unique()):
        result = coding_unitizing_alpha(units, length=40, code=code, coders=coders)
        assert (result.observed, result.expected) == pytest.approx(brute_cu(secs, code))


def test_domain_alpha_is_the_coding_alpha_of_the_domains():
    rng = np.random.default_rng(7)
    coders = ["A", "B"]
    units = random_units(rng, 40, coders, ["f.a", "f.b", "g.a", "g.b"], gap=3)
    secs = sections(units, coders, 40, value=lambda c: c.split(".")[0])
    result = domain_unitizing_alpha(units, length=40, coders=coders)
    assert result.coefficient == "Cuα"
    assert (result.observed, result.expected) == pytest.approx(brute_cu(secs))
    mapped = domain_unitizing_alpha(
        units, length=40, coders=coders, domains={c: c[0] for c in units["code"]}
    )
    assert mapped.alpha == pytest.approx(result.alpha)


@pytest.mark.parametrize("seed", range(5))
def test_units_of_one_character_give_the_character_level_alpha(seed):
    # With every unit one character long, no unit can pair with itself any more
    # than a gap's character: uα is Krippendorff's alpha of the characters.
    rng = np.random.default_rng(300 + seed)
    coders, length = ["A", "B", "C"], 50
    values = rng.choice(["", "x", "y"], size=(3, length), p=[0.5, 0.3, 0.2])
    rows = [
        (coders[i], x, x + 1, values[i, x]) for i in range(3) for x in range(length) if values[i, x]
    ]
    units = pd.DataFrame(rows, columns=["coder", "start", "end", "code"])
    data = np.where(values == "", "(gap)", values)
    assert unitizing_alpha(units, length=length, coders=coders).alpha == pytest.approx(
        krippendorff_alpha(data)
    )
    binary = (values != "").astype(int)
    assert binary_unitizing_alpha(units, length=length, coders=coders).alpha == pytest.approx(
        krippendorff_alpha(binary)
    )


# --------------------------------------------------------------- conventions


def test_identical_coders_agree_perfectly_and_an_absent_coder_counts_as_gaps():
    units = pd.DataFrame({"coder": ["A", "B"], "start": [2, 2], "end": [8, 8], "code": ["x", "x"]})
    assert unitizing_alpha(units, length=20).alpha == 1.0
    three = unitizing_alpha(units, length=20, coders=["A", "B", "C"])
    assert three.alpha < 0.5 and three.n_coders == 3


def test_overlapping_codings_of_one_code_merge_and_touching_ones_do_not():
    merged = pd.DataFrame(
        {"coder": ["A", "A", "B"], "start": [0, 3, 0], "end": [5, 8, 8], "code": ["x"] * 3}
    )
    assert unitizing_alpha(merged, length=20).alpha == 1.0
    touching = merged.assign(start=[0, 5, 0], end=[5, 8, 8])
    result = unitizing_alpha(touching, length=20)
    assert result.observed == 0 and result.expected != unitizing_alpha(merged, length=20).expected


def test_two_codes_on_the_same_characters_form_a_combined_value():
    units = pd.DataFrame(
        {
            "coder": ["A", "A", "B", "B"],
            "start": [0, 0, 0, 0],
            "end": [5, 5, 5, 5],
            "code": ["x", "y", "x", "y"],
        }
    )
    assert unitizing_alpha(units, length=10).alpha == 1.0
    one = units.iloc[:3]
    assert unitizing_alpha(one, length=10).observed == pytest.approx(10 / 20)


def test_begin_shifts_the_continuum():
    units = krippendorff_2004_example()
    shifted = units.assign(start=units["start"] - 150, end=units["end"] - 150)
    assert unitizing_alpha(units, begin=150, length=300).alpha == pytest.approx(
        unitizing_alpha(shifted, length=300).alpha
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"length": 10, "coders": ["A"]}, "two or more distinct coders"),
        ({"length": 4}, "outside the continuum"),
        ({"length": 10, "coders": ["A", "C"]}, "not among the coders"),
        ({"length": 0}, "positive length"),
    ],
)
def test_bad_continua_are_refused(kwargs, message):
    units = pd.DataFrame({"coder": ["A", "B"], "start": [0, 1], "end": [5, 5], "code": ["x", "x"]})
    with pytest.raises(AgreementError, match=message):
        unitizing_alpha(units, **kwargs)


@pytest.mark.parametrize(
    ("units", "message"),
    [
        ({"coder": ["A", "B"], "start": [5, "x"], "end": [8, 9], "code": ["a", "a"]}, "row 2"),
        ({"coder": ["A", "B"], "start": [5, 1], "end": [3, 4], "code": ["a", "a"]}, "not after"),
        ({"coder": ["A", "B"], "start": [5, 1]}, "end"),
    ],
)
def test_bad_units_name_the_row_or_column(units, message):
    with pytest.raises(CodingError, match=message):
        unitizing_alpha(pd.DataFrame(units), length=10)


def test_coding_alpha_of_an_unknown_code_is_refused():
    units = pd.DataFrame({"coder": ["A", "B"], "start": [0, 1], "end": [5, 5], "code": ["x", "x"]})
    with pytest.raises(AgreementError, match="has no unit"):
        coding_unitizing_alpha(units, code="nope")


def test_no_variation_gives_nan():
    units = pd.DataFrame(
        {"coder": ["A", "B"], "start": [0, 0], "end": [10, 10], "code": ["x", "x"]}
    )
    assert np.isnan(unitizing_alpha(units, length=10).alpha)


# --------------------------------------------------------------- tables


def project_codings(seed: int = 0, n_docs: int = 6) -> tuple[pd.DataFrame, dict[str, int]]:
    rng = np.random.default_rng(seed)
    lengths = {f"D{d}": int(rng.integers(40, 80)) for d in range(n_docs)}
    frames = []
    for doc, length in lengths.items():
        units = random_units(rng, length, ["A", "B"], ["f.a", "f.b", "g.c"], gap=4)
        frames.append(units.assign(doc_id=doc))
    return pd.concat(frames, ignore_index=True), lengths


def concatenated(codings: pd.DataFrame, lengths: dict[str, int]) -> tuple[pd.DataFrame, int]:
    offset = dict(zip(lengths, np.cumsum([0, *lengths.values()])[:-1], strict=True))
    shift = codings["doc_id"].map(offset)
    return codings.assign(start=codings["start"] + shift, end=codings["end"] + shift), sum(
        lengths.values()
    )


def test_table_treats_documents_as_one_continuum_end_to_end():
    codings, lengths = project_codings()
    table = unitizing_table(codings, lengths, coders=["A", "B"], infer_documents=True, n_boot=0)
    units, total = concatenated(codings, lengths)
    for row in table.itertuples():
        binary = unitizing_alpha(units, length=total, code=row.code, coders=["A", "B"])
        assert row.alpha_binary == pytest.approx(binary.alpha)
        assert row.observed_binary == pytest.approx(binary.observed)
        same_domain = units[units["code"].str.rsplit(".", n=1).str[0] == row.domain]
        if same_domain["code"].nunique() > 1:
            coding = coding_unitizing_alpha(same_domain, length=total, code=row.code)
            assert row.alpha_coding == pytest.approx(coding.alpha)
        else:
            assert np.isnan(row.alpha_coding)
    assert list(table.columns[:4]) == ["code", "domain", "coded", "alpha_binary"]


def test_summary_matches_the_one_continuum_functions():
    codings, lengths = project_codings(1)
    summary = unitizing_summary(
        codings, lengths, coders=["A", "B"], infer_documents=True, n_boot=0
    ).set_index(["coefficient", "scope"])
    units, total = concatenated(codings, lengths)
    assert summary.loc[("uα", "(all codes)"), "alpha"] == pytest.approx(
        unitizing_alpha(units, length=total).alpha
    )
    assert summary.loc[("|uα", "(all codes)"), "alpha"] == pytest.approx(
        binary_unitizing_alpha(units, length=total).alpha
    )
    f = units[units["code"].str.startswith("f.")]
    assert summary.loc[("cuα", "f"), "alpha"] == pytest.approx(
        coding_unitizing_alpha(f, length=total).alpha
    )
    assert summary.loc[("Cuα", "(all codes)"), "alpha"] == pytest.approx(
        domain_unitizing_alpha(units, length=total).alpha
    )
    assert ("cuα", "g") not in summary.index  # a domain of one code has no cuα


def test_bootstrap_resamples_documents_reproducibly():
    codings, lengths = project_codings(2, n_docs=12)
    options = {"coders": ["A", "B"], "infer_documents": True, "n_boot": 300, "seed": 4}
    first = unitizing_table(codings, lengths, **options)
    again = unitizing_table(codings, lengths, **options)
    pd.testing.assert_frame_equal(first, again)
    ok = first.dropna(subset=["low_binary"])
    assert len(ok) and (ok["low_binary"] <= ok["alpha_binary"]).all()
    assert (ok["alpha_binary"] <= ok["high_binary"]).all()
    assert (ok["low_binary"] < ok["high_binary"]).any()
    # one document: every resample is that document, so the interval is the point
    single = codings[codings["doc_id"] == "D0"]
    one = unitizing_table(single, lengths, **options).dropna(subset=["alpha_binary"])
    assert np.allclose(one["low_binary"], one["alpha_binary"])
    assert np.allclose(one["high_binary"], one["alpha_binary"])


def test_no_bootstrap_leaves_the_bounds_empty():
    codings, lengths = project_codings(3)
    table = unitizing_table(codings, lengths, coders=["A", "B"], infer_documents=True, n_boot=0)
    assert table[["low_binary", "high_binary", "low_coding", "high_coding"]].isna().all().all()


def test_include_children_rolls_codings_up_to_parents():
    codings, lengths = project_codings(4)
    table = unitizing_table(
        codings, lengths, coders=["A", "B"], infer_documents=True, include_children=True, n_boot=0
    ).set_index("code")
    assert {"f", "g", "f.a", "f.b", "g.c"} <= set(table.index)
    units, total = concatenated(codings, lengths)
    parent = units[units["code"].str.startswith("f.")].assign(code="f")
    assert table.loc["f", "alpha_binary"] == pytest.approx(
        unitizing_alpha(parent, length=total, code="f", coders=["A", "B"]).alpha
    )


def test_table_needs_every_document_length():
    codings, lengths = project_codings(5)
    lengths.pop("D0")
    with pytest.raises(AgreementError, match="no text length"):
        unitizing_table(codings, lengths, coders=["A", "B"], infer_documents=True, n_boot=0)


def test_character_units_and_binary_alpha_see_the_same_coverage():
    codings, lengths = project_codings(6)
    table = unitizing_table(codings, lengths, coders=["A", "B"], infer_documents=True, n_boot=0)
    chars = character_units(codings, lengths, coders=["A", "B"], infer_documents=True)
    covered = chars.assign(n=(chars["A"] + chars["B"]) * chars["weight"]).groupby("code")["n"].sum()
    assert table.set_index("code")["coded"].to_dict() == covered.to_dict()
