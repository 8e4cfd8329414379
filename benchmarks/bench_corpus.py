"""Benchmark: loading and segmenting a large corpus.

Builds (once, under ``benchmarks/_data/``) a synthetic corpus of 1,000
interview-like Markdown files (about 10 MB) and 200 ``.docx`` files, then reports
load-and-segment throughput next to the time of merely reading the same bytes: the
loaders and the segmenter alone, then the whole :func:`research.corpus.read_corpus`
(which also counts words, hashes every text and builds the two tables).
Figures go to ``benchmarks/results/corpus.txt``.

Run: ``python benchmarks/bench_corpus.py [--repeat 5]``. A fixed Python loop, timed
before and after, tells how fast the shared machine ran Python during the run.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data" / "corpus"
RESULTS = HERE / "results"

PHRASES = [
    "Bon, euh… la coopérative nous a vraiment aidés au départ",
    "on s’est retrouvés à l’atelier avec le canevas ; c’était « nouveau » pour moi",
    "à Revigny il n’y a plus de commerce depuis trois ans\u00a0!",
    "la Fabrique à Entreprendre, c’est un peu le guichet unique, enfin en théorie",
    "les élus de l’agglomération étaient là, ils écoutaient\u202f;",
    "j’avais peur de présenter mon idée devant trois cents personnes",
    "[rires] voilà, c’est comme ça que ça a commencé",
    "le groupe de travail s’est réuni six fois avant l’été",
]


def _interview(rng: random.Random, index: int, target_chars: int) -> str:
    lines = [
        "---",
        f"id: BENCH{index:04d}",
        "kind: interview",
        f"title: Entretien synthétique {index}",
        "date: 2020-01-15",
        "speakers: {Enquêtrice: P04, Répondant: P10}",
        "---",
        "",
    ]
    size = 0
    minute = 0
    while size < target_chars:
        minute += 1
        question = f"[00:{minute % 60:02d}:00] Enquêtrice : Et ensuite, comment ça s’est passé ?"
        answer = (
            "Répondant : " + ". ".join(rng.choice(PHRASES) for _ in range(rng.randint(3, 9))) + "."
        )
        lines += [question, answer, ""]
        size += len(question) + len(answer) + 2
    return "\n".join(lines)


def build(n_md: int = 1000, n_docx: int = 200, seed: int = 7) -> Path:
    """Write the synthetic corpus (kept between runs)."""
    marker = DATA / f".built-{n_md}-{n_docx}-{seed}"
    if marker.exists():
        return DATA
    import docx

    rng = random.Random(seed)
    (DATA / "md").mkdir(parents=True, exist_ok=True)
    (DATA / "docx").mkdir(parents=True, exist_ok=True)
    for i in range(n_md):
        (DATA / "md" / f"BENCH{i:04d}.md").write_text(_interview(rng, i, 10_000), encoding="utf-8")
    for i in range(n_docx):
        document = docx.Document()
        document.add_heading(f"Entretien {i}", level=1)
        for paragraph in _interview(rng, i, 10_000).split("\n")[8:]:
            if paragraph:
                document.add_paragraph(paragraph)
        document.save(DATA / "docx" / f"DOCX{i:04d}.docx")
    marker.touch()
    return DATA


def _calibration() -> float:
    """Seconds of a fixed pure-Python loop: how fast the shared machine runs Python
    right now (the same code has been seen to take twice as long an hour later)."""
    start = time.perf_counter()
    total = 0
    for i in range(2_000_000):
        total += i * i
    return time.perf_counter() - start


def _timed(func, repeat: int, before=None) -> tuple[float, float]:
    """Best and median wall time of ``repeat`` calls (``before`` runs untimed first)."""
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = build()
    from research.corpus import read_corpus
    from research.corpus.loaders import load_document, segments_for

    lines = [
        f"load average before the run: {os.getloadavg()[0]:.2f} (2 cores); "
        f"calibration loop {min(_calibration() for _ in range(3)):.3f} s"
    ]
    for sub in ("md", "docx"):
        files = sorted((folder / sub).iterdir())
        n_bytes = sum(f.stat().st_size for f in files)
        mb = n_bytes / 1e6
        read_time, _ = _timed(lambda files=files: [f.read_bytes() for f in files], args.repeat)
        lines.append(f"{sub}: {len(files)} files, {mb:.1f} MB; read bytes {read_time:.3f} s")
        kept = {}

        def segment(files=files, kept=kept):
            kept["out"] = [segments_for(load_document(f)) for f in files]

        best, median = _timed(segment, args.repeat, before=kept.clear)
        lines.append(
            f"  loaders and segmenter alone, one process: best {best:.3f} s = "
            f"{mb / best:.1f} MB/s, median {median:.3f} s = {mb / median:.1f} MB/s"
        )
        for jobs in (1, 2):
            result = {}

            def load(sub=sub, result=result, jobs=jobs):
                result["out"] = read_corpus(folder / sub, jobs=jobs)

            # The previous corpus is freed before the clock starts.
            best, median = _timed(load, args.repeat, before=result.clear)
            corpus, problems = result["out"]
            errors = sum(p.severity == "error" for p in problems)
            lines.append(
                f"  read_corpus (tables, word counts, hashes too), jobs={jobs}: "
                f"best {best:.3f} s = {mb / best:.1f} MB/s, "
                f"median {median:.3f} s = {mb / median:.1f} MB/s "
                f"({len(corpus.segments):,} segments, {errors} errors); "
                f"best {best / read_time:.0f}x the time of reading the bytes"
            )
    lines.append(f"calibration loop after the run {min(_calibration() for _ in range(3)):.3f} s")
    RESULTS.mkdir(exist_ok=True)
    report = "\n".join(lines) + "\n"
    (RESULTS / "corpus.txt").write_text(report, encoding="utf-8")
    print(report, end="")


if __name__ == "__main__":
    main()
