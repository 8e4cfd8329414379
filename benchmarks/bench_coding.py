"""Benchmark: the coding store at scale (100,000 codings over 1,000 documents).

Builds in memory a corpus of 1,000 interview-like documents and 100,000 codings
by four coders against the starter codebooks, then times:

- save: writing the four coder files (atomic, locked) — baseline ``DataFrame.to_csv``;
- load: :func:`research.coding.load_codings` — baseline a bare ``pandas.read_csv``;
- validate: every row, code, document and quote checked
  (:func:`research.coding.validate_codings`) — baseline the bare read;
- retrieve: one code with its sub-codes, joined with segments and documents
  (:func:`research.coding.retrieve`) — baseline a bare ``isin`` filter.

Targets: load and validate under 2 s, retrieval under 100 ms. Figures go to
``benchmarks/results/coding.txt``.

Run: ``python benchmarks/bench_coding.py [--repeat 3] [--codings 100000] [--documents 1000]``
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd
from bench_corpus import PHRASES  # the same interview-like phrases (run from benchmarks/)

from research.codebook import load_codebook
from research.coding import CODING_COLUMNS, load_codings, retrieve, save_codings, validate_codings
from research.corpus import Corpus

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
CODEBOOK = HERE.parent / "codebook"


def build_corpus(n_documents: int, rng: random.Random) -> Corpus:
    texts, metadata = {}, {}
    for i in range(n_documents):
        turns = []
        for minute in range(12):
            turns.append(f"Enquêtrice : Et ensuite, à la minute {minute} ?")
            answer = " ".join(rng.choice(PHRASES) + "." for _ in range(rng.randint(3, 7)))
            turns.append(f"Répondant : {answer}")
        doc_id = f"DOC{i:04d}"
        texts[doc_id] = "\n\n".join(turns) + "\n"
        metadata[doc_id] = {
            "kind": "interview",
            "date": f"20{17 + i % 4}-0{1 + i % 9}-15",
            "edition": f"SUT20{16 + i % 4}",
            "speakers": {"Enquêtrice": "P04", "Répondant": f"P{10 + i % 20}"},
        }
    return Corpus.from_texts(texts, metadata=metadata)


def build_codings(corpus: Corpus, codes: list[str], n: int, rng: random.Random) -> pd.DataFrame:
    segments = corpus.segments[corpus.segments["speaker"] == "Répondant"]
    seg_rows = list(segments[["doc_id", "start", "end"]].itertuples(index=False))
    texts = corpus.texts()
    coders = ["camille", "second-coder", "lea", "tom"]
    records = []
    for i in range(n):
        doc_id, s, e = rng.choice(seg_rows)
        a = rng.randint(s, max(s, e - 20))
        b = min(e, a + rng.randint(10, 160))
        records.append(
            (
                coders[i % 4],
                doc_id,
                a,
                b,
                rng.choice(codes),
                texts[doc_id][a:b],
                "à revoir" if i % 50 == 0 else "",
                "2020-01-16T10:00:00Z",
            )
        )
    frame = pd.DataFrame(records, columns=CODING_COLUMNS)
    return frame.drop_duplicates(["coder", "doc_id", "start", "end", "code"]).reset_index(drop=True)


def timed(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--codings", type=int, default=100_000)
    parser.add_argument("--documents", type=int, default=1_000)
    args = parser.parse_args()
    rng = random.Random(11)

    t0 = time.perf_counter()
    book = load_codebook(CODEBOOK)
    corpus = build_corpus(args.documents, rng)
    codings = build_codings(corpus, book.select("*", codable=True), args.codings, rng)
    setup = time.perf_counter() - t0

    lines = [
        f"coding store benchmark: {len(codings):,} codings, {len(corpus):,} documents, "
        f"{len(corpus.segments):,} segments, {len(book)} codes (setup {setup:.1f} s; "
        f"median of {args.repeat})",
        "",
        f"{'step':<42}{'time':>10}{'baseline':>12}{'ratio':>8}  target",
    ]

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        raw = Path(tmp) / "raw"
        raw.mkdir()
        groups = {c: g for c, g in codings.groupby("coder")}

        def save_all():
            for coder, group in groups.items():
                save_codings(folder, coder, group)

        def baseline_save():
            for coder, group in groups.items():
                group.to_csv(raw / f"{coder}.csv", index=False)

        save_time, _ = timed(save_all, args.repeat)
        save_base, _ = timed(baseline_save, args.repeat)

        def baseline_read():
            return pd.concat(
                [
                    pd.read_csv(p, dtype=str, keep_default_na=False)
                    for p in sorted(folder.glob("*.csv"))
                ]
            )

        load_time, loaded = timed(lambda: load_codings(folder), args.repeat)
        read_base, _ = timed(baseline_read, args.repeat)
        validate_time, problems = timed(
            lambda: validate_codings(folder, corpus=corpus, codebook=book), args.repeat
        )
        both_time = load_time + validate_time

        code = "sut.barriers"
        wanted = book.expand(code)
        retrieve_time, found = timed(
            lambda: retrieve(loaded, corpus, book, code), max(args.repeat, 5)
        )
        filter_base, _ = timed(lambda: loaded[loaded["code"].isin(wanted)], max(args.repeat, 5))

    def row(step, value, base, target=""):
        ratio = value / base if base else float("nan")
        return f"{step:<42}{value * 1000:>8.0f}ms{base * 1000:>10.0f}ms{ratio:>8.1f}  {target}"

    lines += [
        row("save (4 coder files)", save_time, save_base),
        row("load_codings", load_time, read_base, "< 2 s with validate"),
        row("validate_codings (rows, codes, quotes)", validate_time, read_base),
        row(
            "load + validate",
            both_time,
            read_base,
            "PASS" if both_time < 2 else "FAIL (target 2 s)",
        ),
        row(
            f"retrieve {code!r} (+{len(wanted) - 1} sub-codes)",
            retrieve_time,
            filter_base,
            "PASS" if retrieve_time < 0.1 else "FAIL (target 100 ms)",
        ),
        "",
        f"loaded {len(loaded):,} codings; {len(problems)} problem(s); "
        f"retrieved {len(found):,} passages with {found.shape[1]} columns",
    ]
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "coding.txt"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(f"\nwritten {out}")


if __name__ == "__main__":
    main()
