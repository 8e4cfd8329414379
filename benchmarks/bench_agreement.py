"""Benchmark of the agreement statistics against reference implementations.

Two workloads, each timed against a baseline measured in the same run:

1. Nominal Krippendorff's alpha, 3 coders × 50,000 units with 10 % missing values:
   ``research.agreement.krippendorff_alpha`` against ``krippendorff.alpha``.
2. Character-level agreement of two coders over 1,000,000 characters (100 documents
   of 10,000 characters, about 40 codings per coder and document): building the
   character units with ``research.agreement.character_units`` and computing
   Cohen's kappa and alpha from them, against expanding one boolean array per
   coder and document and calling scikit-learn's ``cohen_kappa_score`` and
   ``krippendorff.alpha`` on the 1,000,000 characters.

3. Unitizing alphas of three coders over 1,000 documents of 20,000 characters with
   60 codes and about 100,000 codings: ``unitizing_table`` (``|cuα`` and ``(k)uα``
   of every code) and ``unitizing_summary`` (``uα``, ``|uα``, ``cuα`` per domain,
   ``Cuα``), without and with 1,000 bootstrap resamples of the documents, against
   the character-level agreement table of the same data (``agreement_table`` with
   ``unit="character"``, Fleiss' kappa and alpha per code, no interval) in the same
   run. The target is all unitizing alphas per code within 10 s.

Run ``python benchmarks/bench_agreement.py``; the figures go to
``benchmarks/results/agreement.txt``. Ratios above 1 mean this package is faster.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score

from research.agreement import (
    agreement_table,
    bootstrap_alpha,
    character_units,
    cohen_kappa,
    krippendorff_alpha,
    unitizing_summary,
    unitizing_table,
)

RESULTS = Path(__file__).parent / "results" / "agreement.txt"


def timed(func) -> tuple[float, object]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def compare(ours, baseline, repeat: int) -> tuple[list[float], list[float], object, object]:
    """Run ``ours`` and ``baseline`` alternately so both see the same machine load."""
    t_ours, t_base = [], []
    r_ours = r_base = None
    for _ in range(repeat):
        t, r_ours = timed(ours)
        t_ours.append(t)
        t, r_base = timed(baseline)
        t_base.append(t)
    return t_ours, t_base, r_ours, r_base


def describe(name: str, times: list[float]) -> str:
    return f"   {name:<44} best {min(times):.4f}  median {statistics.median(times):.4f}"


def ratio(base: list[float], ours: list[float]) -> str:
    best = min(base) / min(ours)
    median = statistics.median(base) / statistics.median(ours)
    return f"   ratio baseline/ours: best {best:.2f}, median {median:.2f}"


def alpha_workload(rng: np.random.Generator) -> np.ndarray:
    truth = rng.integers(0, 5, 50_000)
    data = np.vstack(
        [np.where(rng.random(50_000) < 0.8, truth, rng.integers(0, 5, 50_000)) for _ in range(3)]
    ).astype(float)
    data[rng.random(data.shape) < 0.1] = np.nan
    return data


def character_workload(rng: np.random.Generator) -> tuple[pd.DataFrame, dict[str, int]]:
    lengths = {f"D{i:03d}": 10_000 for i in range(100)}
    rows = []
    for doc in lengths:
        starts = np.sort(rng.integers(0, 9_800, 40))
        for start in starts:
            end = int(start + rng.integers(20, 200))
            rows.append(("A", doc, int(start), end, "iw.creating.advocacy"))
            shift = int(rng.integers(-15, 15))
            if rng.random() < 0.85:  # B codes most of the same passages, a little shifted
                rows.append(
                    ("B", doc, max(0, int(start) + shift), end + shift, "iw.creating.advocacy")
                )
    codings = pd.DataFrame(rows, columns=["coder", "doc_id", "start", "end", "code"])
    codings["end"] = np.minimum(codings["end"], 10_000)
    return codings, lengths


def expand(codings: pd.DataFrame, lengths: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Baseline: one boolean array per coder and document, concatenated."""
    per_coder = {}
    for coder in ("A", "B"):
        arrays = []
        for doc, n in lengths.items():
            cover = np.zeros(n, dtype=np.int8)
            mine = codings[(codings["coder"] == coder) & (codings["doc_id"] == doc)]
            for s, e in zip(mine["start"], mine["end"], strict=True):
                cover[s:e] = 1
            arrays.append(cover)
        per_coder[coder] = np.concatenate(arrays)
    return per_coder["A"], per_coder["B"]


def unitizing_workload(rng: np.random.Generator) -> tuple[pd.DataFrame, dict[str, int]]:
    """Three coders, 1,000 documents of 20,000 characters, 60 codes in 10 families."""
    n_docs, length, n_passages = 1_000, 20_000, 36_000
    codes = np.array([f"f{i // 6}.c{i % 6}" for i in range(60)])
    doc = rng.integers(0, n_docs, n_passages)
    start = rng.integers(0, length - 600, n_passages)
    size = rng.integers(20, 600, n_passages)
    code = rng.integers(0, 60, n_passages)
    frames = []
    for coder in ("A", "B", "C"):
        kept = rng.random(n_passages) < 0.93  # each coder finds most of the passages
        shift = rng.integers(-25, 25, n_passages)  # ... with their own boundaries
        other = np.where(rng.random(n_passages) < 0.9, code, (code + 1) % 60)  # a sibling
        s = np.clip(start + shift, 0, length - 1)
        e = np.clip(start + size + rng.integers(-25, 25, n_passages), s + 1, length)
        frames.append(
            pd.DataFrame(
                {
                    "coder": coder,
                    "doc_id": np.char.add("D", doc.astype(str))[kept],
                    "start": s[kept],
                    "end": e[kept],
                    "code": codes[other[kept]],
                }
            )
        )
    lengths = {f"D{d}": length for d in range(n_docs)}
    return pd.concat(frames, ignore_index=True), lengths


def main() -> str:
    rng = np.random.default_rng(2024)
    lines = ["Agreement benchmark (best of n runs, seconds; ratio = baseline / ours)", ""]

    data = alpha_workload(rng)
    t_ours, t_base, ours, base = compare(
        lambda: krippendorff_alpha(data),
        lambda: krippendorff.alpha(data, level_of_measurement="nominal"),
        21,
    )
    assert abs(ours - base) < 1e-10, (ours, base)
    lines += [
        "1. nominal alpha, 3 coders x 50,000 units, 10% missing",
        describe("research.agreement.krippendorff_alpha", t_ours),
        describe("krippendorff.alpha (baseline)", t_base),
        ratio(t_base, t_ours),
        f"   alpha = {ours:.6f} (both)",
    ]
    t_boot, boot = timed(lambda: bootstrap_alpha(data, n_boot=1000, seed=1))
    lines += [
        f"   bootstrap_alpha, 1000 resamples: {t_boot:.4f} s "
        f"(95% CI {boot.low:.4f} to {boot.high:.4f})",
        "",
    ]

    codings, lengths = character_workload(rng)
    total = sum(lengths.values())

    def ours_chars():
        units = character_units(codings, lengths, coders=["A", "B"], infer_documents=True)
        w = units["weight"].to_numpy()
        kappa = cohen_kappa(units["A"], units["B"], sample_weight=w)
        alpha = krippendorff_alpha(
            units[["A", "B"]].to_numpy().T, sample_weight=w, layout="coders_units"
        )
        return kappa, alpha, int(w.sum())

    def baseline_kappa():
        a, b = expand(codings, lengths)
        return cohen_kappa_score(a, b), a, b

    t_ours, t_base, (kappa, alpha, n_chars), (kappa_ref, a, b) = compare(
        ours_chars, baseline_kappa, 5
    )
    matrix = np.vstack([a, b]).astype(float)
    t_ours2, t_kripp, _, alpha_ref = compare(
        ours_chars, lambda: krippendorff.alpha(matrix, level_of_measurement="nominal"), 5
    )
    assert n_chars == total == len(a)
    assert abs(kappa - kappa_ref) < 1e-10 and abs(alpha - alpha_ref) < 1e-10
    lines += [
        f"2. character level, 2 coders, {total:,} characters, {len(codings):,} codings",
        describe("character_units + kappa + alpha", t_ours + t_ours2),
        describe("boolean arrays + sklearn cohen_kappa_score", t_base),
        ratio(t_base, t_ours),
        describe("krippendorff.alpha on the 2 x 1e6 matrix", t_kripp),
        "   (the matrix already built: expanding it is not counted)",
        ratio(t_kripp, t_ours2),
        f"   kappa = {kappa:.6f}, alpha = {alpha:.6f} (equal to the baselines)",
    ]
    codings, lengths = unitizing_workload(rng)
    options = {"coders": ["A", "B", "C"], "infer_documents": True}

    def unitizing(n_boot: int):
        return lambda: (
            unitizing_table(codings, lengths, n_boot=n_boot, **options),
            unitizing_summary(codings, lengths, n_boot=n_boot, **options),
        )

    def characters():
        return agreement_table(codings, unit="character", lengths=lengths, n_boot=0, **options)

    t_unit, t_char, (table, summary), chars = compare(unitizing(0), characters, 3)
    t_boot, _, _, _ = compare(unitizing(1000), lambda: None, 3)
    n_coded = int(sum(e - s for s, e in zip(codings["start"], codings["end"], strict=True)))
    lines += [
        "",
        f"3. unitizing alphas, 3 coders, {len(lengths):,} documents x 20,000 characters, "
        f"{codings['code'].nunique()} codes, {len(codings):,} codings "
        f"({n_coded:,} coded characters)",
        describe("unitizing_table + unitizing_summary", t_unit),
        describe("  the same with 1000 bootstrap resamples", t_boot),
        describe("agreement_table(unit='character') (baseline)", t_char),
        ratio(t_char, t_unit),
        f"   target: all unitizing alphas per code within 10 s; with intervals best "
        f"{min(t_boot):.2f} s",
        f"   median |cuα {table['alpha_binary'].median():.4f}, median (k)uα "
        f"{table['alpha_coding'].median():.4f}; uα {summary['alpha'].iloc[0]:.4f}; "
        f"median character-level alpha {chars['alpha'].iloc[:-1].median():.4f}",
    ]
    report = "\n".join(lines) + "\n"
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    return report


if __name__ == "__main__":
    print(main())
