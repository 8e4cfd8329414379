"""Benchmark of the agreement statistics against reference implementations.

Two workloads, each timed against a baseline measured in the same run:

1. Nominal Krippendorff's alpha, 3 coders × 50,000 units with 10 % missing values:
   ``research.agreement.krippendorff_alpha`` against ``krippendorff.alpha``.
2. Character-level agreement of two coders over 1,000,000 characters (100 documents
   of 10,000 characters, about 40 codings per coder and document): building the
   character units with ``research.agreement_units.character_units`` and computing
   Cohen's kappa and alpha from them, against expanding one boolean array per
   coder and document and calling scikit-learn's ``cohen_kappa_score`` and
   ``krippendorff.alpha`` on the 1,000,000 characters.

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

from research.agreement import bootstrap_alpha, cohen_kappa, krippendorff_alpha
from research.agreement_units import character_units

RESULTS = Path(__file__).parent / "results" / "agreement.txt"


def best_time(func, repeat: int) -> tuple[float, float, object]:
    """Best and median wall time of ``repeat`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), result


def alpha_workload(rng: np.random.Generator) -> np.ndarray:
    truth = rng.integers(0, 5, 50_000)
    data = np.vstack([np.where(rng.random(50_000) < 0.8, truth, rng.integers(0, 5, 50_000))
                      for _ in range(3)]).astype(float)  # fmt: skip
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
                rows.append(("B", doc, max(0, int(start) + shift), end + shift, "iw.creating.advocacy"))
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


def main() -> str:
    rng = np.random.default_rng(2024)
    lines = ["Agreement benchmark (best of n runs, seconds; ratio = baseline / ours)", ""]

    data = alpha_workload(rng)
    ours_best, ours_med, ours = best_time(lambda: krippendorff_alpha(data), 15)
    base_best, base_med, base = best_time(
        lambda: krippendorff.alpha(data, level_of_measurement="nominal"), 15
    )
    assert abs(ours - base) < 1e-10, (ours, base)
    lines += [
        "1. nominal alpha, 3 coders x 50,000 units, 10% missing",
        f"   research.agreement.krippendorff_alpha  best {ours_best:.4f}  median {ours_med:.4f}",
        f"   krippendorff.alpha (baseline)          best {base_best:.4f}  median {base_med:.4f}",
        f"   alpha = {ours:.6f} (both)   ratio baseline/ours = {base_best / ours_best:.2f}",
    ]
    boot_best, _, boot = best_time(lambda: bootstrap_alpha(data, n_boot=1000, seed=1), 3)
    lines.append(
        f"   bootstrap_alpha, 1000 resamples: best {boot_best:.4f}  "
        f"(95% CI {boot.low:.4f} to {boot.high:.4f})"
    )
    lines.append("")

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

    c_best, c_med, (kappa, alpha, n_chars) = best_time(ours_chars, 7)
    k_best, k_med, (kappa_ref, a, b) = best_time(baseline_kappa, 3)
    x_best, x_med, alpha_ref = best_time(
        lambda: krippendorff.alpha(np.vstack([a, b]).astype(float), level_of_measurement="nominal"),
        3,
    )
    assert n_chars == total == len(a)
    assert abs(kappa - kappa_ref) < 1e-10 and abs(alpha - alpha_ref) < 1e-10
    lines += [
        f"2. character level, 2 coders, {total:,} characters, {len(codings):,} codings",
        f"   character_units + kappa + alpha        best {c_best:.4f}  median {c_med:.4f}",
        f"   boolean arrays + sklearn kappa         best {k_best:.4f}  median {k_med:.4f}"
        f"   ratio {k_best / c_best:.1f}",
        f"   krippendorff.alpha on the 2 x {total:,} matrix (arrays already built)"
        f"   best {x_best:.4f}  ratio {x_best / c_best:.1f}",
        f"   kappa = {kappa:.6f}, alpha = {alpha:.6f} (equal to the baselines)",
    ]
    report = "\n".join(lines) + "\n"
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    return report


if __name__ == "__main__":
    print(main())
