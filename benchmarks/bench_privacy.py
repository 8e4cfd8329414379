"""Benchmark of pseudonymisation: the leak check before ``research run``, and replacing.

Copies the demo project into a temporary folder with the example key of
``docs/examples/pseudonyms.example.yaml`` in ``private/`` and measures, each
figure next to a baseline timed in the same run (the machines are shared and
noisy, so only ratios are compared):

1. **the check ``research run`` makes** (:func:`research.privacy.real_names_leaving`:
   the corpus, codebook, notebooks and settings searched for every real form of
   the key), against ``research run``'s own planning of the runs
   (:func:`research.pipeline.plan_runs`, which hashes every input), on the
   pseudonymised demo (nothing found) and on the original (every name found);
2. **the whole command** with ``--warm``: ``research run`` when every run is
   already done (all skipped), with and without the key; this needs one cold run
   of the five chapters first (a few minutes);
3. **planning the replacement** (:func:`research.privacy.plan_pseudonymisation`)
   against loading the corpus (:func:`research.corpus.load_corpus`);
4. **the check at scale**: the demo's documents copied ten times, against reading
   the same files' bytes.

Figures go to ``benchmarks/results/privacy.json``. Run
``python benchmarks/bench_privacy.py [--repeat 5] [--warm]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
RESEARCH = Path(sys.executable).with_name("research")
EXAMPLE = REPO / "docs" / "examples" / "pseudonyms.example.yaml"


def _copy_demo(target: Path, *, key: bool = True) -> Path:
    for name in ("corpus", "codebook", "notebooks"):
        shutil.copytree(
            REPO / name, target / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
        )
    shutil.copy2(REPO / "research.yaml", target / "research.yaml")
    if key:
        (target / "private").mkdir()
        shutil.copy2(EXAMPLE, target / "private" / "pseudonyms.yaml")
    return target


def _best(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def _pair(baseline, measured, repeat: int) -> dict:
    """Baseline and measurement interleaved, best of each, and their ratio."""
    base, other = [], []
    for _ in range(repeat):
        base.append(_best(baseline, 1))
        other.append(_best(measured, 1))
    return {
        "baseline_s": round(min(base), 4),
        "measured_s": round(min(other), 4),
        "ratio": round(min(other) / min(base), 3),
        "spread_s": round(statistics.pstdev(other), 4),
    }


def check_before_run(root: Path, repeat: int) -> dict:
    from research.pipeline import plan_runs
    from research.privacy import apply_pseudonymisation, real_names_leaving
    from research.project import open_project

    project = open_project(root)
    out = {}
    leaks = real_names_leaving(project)
    out["original"] = _pair(
        lambda: plan_runs(project, None), lambda: real_names_leaving(project), repeat
    )
    out["original"]["leaks"] = len(leaks)
    apply_pseudonymisation(project)
    project = open_project(root)
    out["pseudonymised"] = _pair(
        lambda: plan_runs(project, None), lambda: real_names_leaving(project), repeat
    )
    out["pseudonymised"]["leaks"] = len(real_names_leaving(project))
    from research.privacy import revert_pseudonymisation

    revert_pseudonymisation(project)
    return out


def planning(root: Path, repeat: int) -> dict:
    from research.corpus import load_corpus
    from research.privacy import plan_pseudonymisation, read_project_key
    from research.project import open_project

    project = open_project(root)
    key = read_project_key(project)
    plan = plan_pseudonymisation(project, key)
    result = _pair(
        lambda: load_corpus(project.paths.documents, root=project.root),
        lambda: plan_pseudonymisation(project, key),
        repeat,
    )
    result["files"] = len(plan.changes)
    result["replacements"] = plan.replacements
    return result


def check_at_scale(root: Path, repeat: int, copies: int = 10) -> dict:
    from research.privacy import check_files, read_project_key
    from research.project import open_project

    documents = root / "corpus" / "documents"
    scaled = root / "scaled"
    for i in range(copies):
        shutil.copytree(documents, scaled / f"copy{i:02d}")
    files = sorted(p for p in scaled.rglob("*.md"))
    size = sum(p.stat().st_size for p in files)
    project = open_project(root)
    key = read_project_key(project)

    def read_bytes():
        for path in files:
            path.read_bytes()

    result = _pair(read_bytes, lambda: check_files([scaled], key, project=project), repeat)
    result["files"] = len(files)
    result["megabytes"] = round(size / 1e6, 2)
    result["measured_mb_per_s"] = round(size / 1e6 / result["measured_s"], 1)
    shutil.rmtree(scaled)
    return result


def _command(root: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [str(RESEARCH), "run", "-C", str(root), "--jobs", "2"], capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"research run failed:\n{done.stderr[-2000:]}")
    return seconds


def warm_run(root: Path, repeat: int) -> dict:
    """``research run`` with every run skipped, with and without the key."""
    from research.privacy import apply_pseudonymisation
    from research.project import open_project

    apply_pseudonymisation(open_project(root))  # so that the run is allowed
    print("cold run of the five chapters (once)…", flush=True)
    _command(root)
    key = root / "private" / "pseudonyms.yaml"
    aside = root / "pseudonyms.yaml.aside"
    without, with_key = [], []
    for _ in range(repeat):
        key.rename(aside)
        without.append(_command(root))
        aside.rename(key)
        with_key.append(_command(root))
    return {
        "baseline_s": round(min(without), 3),
        "measured_s": round(min(with_key), 3),
        "ratio": round(min(with_key) / min(without), 3),
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--warm", action="store_true", help="also time the whole research run")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-privacy-") as folder:
        root = _copy_demo(Path(folder) / "demo")
        results = {
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "system": platform.platform(),
                "load_average": os.getloadavg(),
            },
            "check_before_run": check_before_run(root, args.repeat),
            "plan_replacement": planning(root, args.repeat),
            "check_at_scale": check_at_scale(root, args.repeat),
        }
        if args.warm:
            results["warm_research_run"] = warm_run(root, args.repeat)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "privacy.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=1))
    return results


if __name__ == "__main__":
    main()
