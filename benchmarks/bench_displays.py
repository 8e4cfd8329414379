"""Benchmark: the displays of qualitative analysis and the memos at a thesis's scale and beyond.

Builds in memory 1,000 documents of 24 segments (two speakers taking turns) and
25,000 codings of 60 codes by one coder, then times, each against a baseline
measured in the same run:

- code relations by proximity (:func:`research.analysis.code_relations`), in the
  same segment, within 3 segments and within 2 speaker turns — baseline the
  co-occurrence matrix on the same codings (:func:`research.analysis.cooccurrence_matrix`);
- saturation (:func:`research.analysis.saturation_table`) over the 1,000
  documents — baseline a bare ``groupby`` of each document's codes;
- the code × document matrix (:func:`research.analysis.code_document_matrix`) —
  baseline ``pandas.crosstab``;
- reading 500 memo files and finding their 1,000 coding links again
  (:func:`research.memos.read_memos`, :func:`research.memos.resolve_coding_links`)
  — baseline reading the same files' bytes.

Figures go to ``benchmarks/results/displays.txt`` as ratios to the baselines.

Run: ``python benchmarks/bench_displays.py [--repeat 3]``
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from research.analysis import (
    code_document_matrix,
    code_relations,
    cooccurrence_matrix,
    saturation_table,
)
from research.memos import memo_file_text, memo_links, read_memos, resolve_coding_links

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"


def build(n_documents: int, n_codings: int, rng: random.Random):
    segments = [
        {"doc_id": f"D{d:04d}", "seg_id": f"D{d:04d}:{s:04d}", "start": 100 * s, "end": 100 * s + 90,
         "speaker": "Enquêtrice" if s % 2 == 0 else "Répondant"}
        for d in range(n_documents)
        for s in range(24)
    ]  # fmt: skip
    segments = pd.DataFrame(segments)
    codes = [f"t.c{i:02d}" for i in range(60)]
    rows = []
    for _ in range(n_codings):
        seg = segments.iloc[rng.randrange(len(segments))]
        start = int(seg["start"]) + rng.randrange(60)
        rows.append({"coder": "lea", "doc_id": seg["doc_id"], "start": start,
                     "end": start + rng.randrange(5, 120), "code": rng.choice(codes),
                     "quote": f"passage {start}"})  # fmt: skip
    codings = pd.DataFrame(rows).drop_duplicates(["doc_id", "start", "end", "code"])
    documents = pd.DataFrame({
        "doc_id": [f"D{d:04d}" for d in range(n_documents)],
        "kind": ["interview" if d % 3 else "minutes" for d in range(n_documents)],
        "edition": [f"E{d % 4}" for d in range(n_documents)],
        "date": [f"20{17 + d % 4}-01-{1 + d % 28:02d}" for d in range(n_documents)],
    })  # fmt: skip
    return segments, codings.reset_index(drop=True), documents


def best(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        clock = time.perf_counter()
        function()
        times.append(time.perf_counter() - clock)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(18)
    segments, codings, documents = build(1000, 25_000, rng)
    lines = [f"{len(codings):,} codings of 60 codes in 1,000 documents of 24 segments"]

    cooc = best(lambda: cooccurrence_matrix(codings, segments), args.repeat)
    for label, options in [
        ("same segment", {}),
        ("within 3 segments", {"window": 3}),
        ("within 2 speaker turns", {"window": 2, "unit": "turn"}),
    ]:
        seconds = best(lambda o=options: code_relations(codings, segments, **o), args.repeat)
        lines.append(f"code relations, {label}: {seconds:.3f} s = {seconds / cooc:.2f} × "
                     f"co-occurrence ({cooc:.3f} s)")  # fmt: skip

    def bare_sets():
        return codings.groupby("doc_id")["code"].agg(set)

    bare = best(bare_sets, args.repeat)
    seconds = best(lambda: saturation_table(codings, documents, base_size=6, run_length=3),
                   args.repeat)  # fmt: skip
    lines.append(f"saturation over 1,000 documents: {seconds:.3f} s = {seconds / bare:.1f} × "
                 f"a bare groupby of codes ({bare:.3f} s)")  # fmt: skip

    crosstab = best(lambda: pd.crosstab(codings["code"], codings["doc_id"]), args.repeat)
    seconds = best(lambda: code_document_matrix(codings, documents), args.repeat)
    lines.append(f"code × document matrix: {seconds:.3f} s = {seconds / crosstab:.2f} × "
                 f"pandas.crosstab ({crosstab:.3f} s)")  # fmt: skip

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        sample = codings.sample(1000, random_state=18).reset_index(drop=True)
        for i in range(500):
            links = [
                {"coder": "lea", "doc_id": r.doc_id, "code": r.code, "start": int(r.start),
                 "quote": r.quote}
                for r in sample.iloc[2 * i : 2 * i + 2].itertuples()
            ]  # fmt: skip
            (folder / f"m{i:03d}.md").write_text(memo_file_text(
                {"title": f"Mémo {i}", "kind": "code", "date": "2024-03-14", "author": "lea",
                 "codes": [links[0]["code"]], "codings": links}, text="Texte du mémo.\n" * 20),
                encoding="utf-8")  # fmt: skip
        files = sorted(folder.glob("*.md"))
        raw = best(lambda: [p.read_bytes() for p in files], args.repeat)
        reading = best(lambda: read_memos(folder), args.repeat)
        memos, _ = read_memos(folder)
        links = memo_links(memos)
        resolving = best(lambda: resolve_coding_links(links, codings), args.repeat)
        lines.append(f"reading 500 memo files: {reading:.3f} s = {reading / raw:.0f} × reading "
                     f"their bytes ({raw:.4f} s)")  # fmt: skip
        lines.append(f"finding 1,000 coding links among {len(codings):,} codings: "
                     f"{resolving:.3f} s = {resolving / reading:.2f} × reading the memos")  # fmt: skip

    RESULTS.mkdir(exist_ok=True)
    text = "\n".join(lines) + "\n"
    (RESULTS / "displays.txt").write_text(text, encoding="utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
