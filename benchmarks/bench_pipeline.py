"""Benchmark of the chapter pipeline on the demo project.

Copies the demo project (``corpus/``, ``codebook/``, ``notebooks/``) into a
temporary folder and times ``research run`` there, as a user would type it:

1. first run, serial: empty ``outputs/`` and empty ``.cache/``, ``--jobs 1``;
2. warm rerun: nothing changed, every run is skipped by the cache;
3. cold, ``--jobs 2``: empty ``outputs/`` and NLP annotations, but the durations
   of the previous runs kept in ``.cache/`` (so the longest runs start first);
4. first run, ``--jobs 2``: empty ``outputs/`` and ``.cache/`` (no durations known);
5. outputs cold but NLP annotations cached, ``--jobs 1`` then ``--jobs 2`` (the
   usual case when a researcher regenerates everything after editing a notebook).

Targets: the warm rerun under 5 % of the cold run; ``--jobs 2`` at most 0.65 times
the serial time. Results go to ``benchmarks/results/bench_pipeline.json`` and are
printed. Run with ``python benchmarks/bench_pipeline.py [--repeat N] [--stress N]``.

``--stress N`` also starts N one-cell notebooks two at a time and counts kernel
start failures and retries (the IPC-socket and retry protections of
:mod:`research.pipeline`).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
RESEARCH = Path(sys.executable).with_name("research")


def _copy_demo(target: Path) -> Path:
    for name in ("corpus", "codebook", "notebooks"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(
                source, target / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
            )
    settings = REPO / "research.yaml"
    if settings.is_file():
        shutil.copy2(settings, target / settings.name)
    return target


def _clear(root: Path, what: str) -> None:
    """Remove ``outputs/`` and, for ``nlp`` or ``all``, the annotations or the whole cache."""
    shutil.rmtree(root / "outputs", ignore_errors=True)
    if what == "nlp":
        shutil.rmtree(root / ".cache" / "nlp", ignore_errors=True)
    elif what == "all":
        shutil.rmtree(root / ".cache", ignore_errors=True)


def _run(root: Path, *args: str) -> tuple[float, str]:
    command = [str(RESEARCH), "run", "-C", str(root), *args]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    if done.returncode not in (0, 1):
        raise SystemExit(f"research run failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds, summary


def measure(repeat: int) -> dict:
    """Time every scenario ``repeat`` times; keep the fastest of each."""
    timings: dict[str, list[float]] = {}
    summaries: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as folder:
        root = _copy_demo(Path(folder))
        scenarios = [
            ("cold_serial", "all", ("--jobs", "1")),
            ("warm_rerun", None, ("--jobs", "1")),
            ("cold_jobs2", "nlp", ("--jobs", "2")),
            ("first_run_jobs2", "all", ("--jobs", "2")),
            ("nlp_cached_serial", "outputs", ("--jobs", "1")),
            ("nlp_cached_jobs2", "outputs", ("--jobs", "2")),
        ]
        for _ in range(repeat):
            for name, clear, args in scenarios:
                if clear is not None:
                    _clear(root, clear)
                seconds, summary = _run(root, *args)
                timings.setdefault(name, []).append(round(seconds, 2))
                summaries[name] = summary
                print(f"{name:>18}: {seconds:7.1f} s   {summary}", flush=True)
    best = {name: min(values) for name, values in timings.items()}
    return {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "system": platform.platform(),
            "load_average": os.getloadavg(),
        },
        "timings_s": timings,
        "best_s": best,
        "summaries": summaries,
        "ratios": {
            "warm_over_cold": round(best["warm_rerun"] / best["cold_serial"], 4),
            "jobs2_over_serial_cold": round(best["cold_jobs2"] / best["cold_serial"], 3),
            "jobs2_first_run_over_serial": round(best["first_run_jobs2"] / best["cold_serial"], 3),
            "jobs2_over_serial_nlp_cached": round(
                best["nlp_cached_jobs2"] / best["nlp_cached_serial"], 3
            ),
        },
        "targets": {"warm_over_cold": 0.05, "jobs2_over_serial": 0.65},
    }


def stress(runs: int) -> dict:
    """Run ``runs`` trivial notebooks with two workers; count failures and retries."""
    import nbformat

    from research.pipeline import run_chapters
    from research.project import open_project

    with tempfile.TemporaryDirectory(prefix="bench-kernels-") as folder:
        root = Path(folder)
        (root / "corpus").mkdir()
        (root / "notebooks").mkdir()
        nb = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("i: int = 0  # run number")
        cell.metadata["tags"] = ["parameters"]
        nb.cells = [cell, nbformat.v4.new_code_cell("print(i)")]
        nbformat.write(nb, root / "notebooks" / "ping.ipynb")
        listed = [{"id": f"r{i:03d}", "parameters": {"i": i}} for i in range(runs)]
        chapters = {"chapters": [{"id": "ping", "notebook": "ping.ipynb", "runs": listed}]}
        (root / "notebooks" / "chapters.yaml").write_text(json.dumps(chapters))
        start = time.perf_counter()
        results = run_chapters(open_project(root), jobs=2)
        seconds = time.perf_counter() - start
    return {
        "runs": runs,
        "failed": sum(r.status != "ok" for r in results),
        "retried": sum(r.attempts > 1 for r in results),
        "seconds": round(seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="repetitions (fastest kept)")
    parser.add_argument("--stress", type=int, default=0, help="trivial runs for the kernel test")
    options = parser.parse_args()
    report = measure(options.repeat)
    if options.stress:
        report["kernel_stress"] = stress(options.stress)
        print(json.dumps(report["kernel_stress"]), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "bench_pipeline.json"
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report["ratios"], indent=2))
    print(f"written {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
