"""Benchmark of the REFI-QDA exchange: 100,000 codings over 1,000 documents.

Workloads, each timed against a baseline measured in the same run:

1. Export as ``.qdpx`` (``research.exchange.qdpx_bytes``: checks, deterministic
   GUIDs, typed variables, XML, zip) against packing the same tables as the
   project's own files (one CSV per coder and the texts) into a zip with the same
   compression: the floor of any export of this data.
2. Import of that ``.qdpx`` (``research.exchange.read_qdpx``: safety checks,
   codebook, position conversion, typed codings frame) against opening the zip,
   parsing ``project.qde`` with lxml and collecting the selections' attributes and
   the texts with no check or conversion.
3. The same import with positions read as UTF-16 units (NVivo's convention), to
   show the cost of the conversion.
4. Writing the import into an empty project (1,000 Markdown files, codebook YAML,
   one CSV per coder; every file synced) against writing the same bytes with
   ``Path.write_bytes`` and no sync.

Run ``python benchmarks/bench_refiqda.py``; the figures go to
``benchmarks/results/refiqda.txt``. Ratios above 1 mean this package is faster
than the baseline; below 1, how much the package's extra work costs.
"""

from __future__ import annotations

import io
import shutil
import statistics
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
from lxml import etree

from research.codebook import Codebook, codebook_texts
from research.coding import codings_text
from research.corpus import Corpus, render_markdown
from research.exchange import qdpx_bytes, read_qdpx, write_import
from research.project import open_project

RESULTS = Path(__file__).parent / "results" / "refiqda.txt"
N_DOCS, PER_DOC, TEXT_CHARS = 1_000, 100, 6_000
WORDS = [
    "coopérative",
    "territoire",
    "porteur",
    "atelier",
    "soirée",
    "projet",
    "épicerie",
    "mobilité",
    "réunion",
    "élus",
    "financement",
    "prêt",
    "d’honneur",
    "Fabrique",
    "entreprendre",
    "pôle",
    "citoyens",
    "«",
    "idée",
    "»",
    "accompagnement",
    "couveuse",
    "emploi",
    "👍",
    "relais",
    "tiers-lieu",
]


def timed(func) -> tuple[float, object]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def compare(ours, baseline, repeat: int) -> tuple[list[float], list[float], object]:
    """Run ``ours`` and ``baseline`` alternately so both see the same machine load."""
    t_ours, t_base, result = [], [], None
    for _ in range(repeat):
        t, result = timed(ours)
        t_ours.append(t)
        t, _ = timed(baseline)
        t_base.append(t)
    return t_ours, t_base, result


def describe(name: str, times: list[float]) -> str:
    return f"   {name:<48} best {min(times):.3f}  median {statistics.median(times):.3f}"


def ratio(base: list[float], ours: list[float]) -> str:
    return (
        f"   ratio baseline/ours: best {min(base) / min(ours):.2f}, "
        f"median {statistics.median(base) / statistics.median(ours):.2f}"
    )


def workload(rng: np.random.Generator) -> tuple[Codebook, Corpus, pd.DataFrame]:
    codes = ["ant"] + [f"ant.c{i:02d}" for i in range(20)]
    codes += ["iw"] + [f"iw.c{i:02d}" for i in range(20)]
    book = Codebook.from_frame(
        pd.DataFrame(
            {
                "code": codes,
                "codable": [c.count(".") == 1 for c in codes],
                "definition": [f"Définition du code {c}." for c in codes],
            }
        )
    )
    leaves = [c for c in codes if "." in c]
    texts, metadata = {}, {}
    for i in range(N_DOCS):
        words = rng.choice(WORDS, TEXT_CHARS // 8)
        lines = [" ".join(words[j : j + 12]) for j in range(0, len(words), 12)]
        doc_id = f"D{i:04d}"
        texts[doc_id] = "\n".join(lines)[:TEXT_CHARS]
        metadata[doc_id] = {
            "kind": "interview",
            "date": f"2019-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "edition": f"SUT{2016 + i % 4}",
            "duration_min": int(30 + i % 60),
            "actors": [f"P{i % 40:02d}", f"O{i % 9:02d}"],
        }
    corpus = Corpus.from_texts(texts, metadata=metadata)
    rows = []
    for doc_id, text in texts.items():
        n = len(text)
        starts = rng.integers(0, n - 300, PER_DOC)
        ends = starts + rng.integers(5, 300, PER_DOC)
        coders = np.where(np.arange(PER_DOC) % 2 == 0, "camille", "lea")
        for start, end, coder, code in zip(
            starts, ends, coders, rng.choice(leaves, PER_DOC), strict=True
        ):
            rows.append((coder, doc_id, int(start), int(end), str(code)))
    codings = pd.DataFrame(rows, columns=["coder", "doc_id", "start", "end", "code"])
    codings = codings.drop_duplicates(["coder", "doc_id", "start", "end", "code"])
    codings["quote"] = [texts[d][s:e] for d, s, e in codings[["doc_id", "start", "end"]].values]
    codings["memo"] = np.where(rng.random(len(codings)) < 0.05, "Un mémo à relire.", "")
    codings["created"] = "2024-05-02T09:30:00Z"
    return book, corpus, codings


def baseline_export(book: Codebook, corpus: Corpus, codings: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, text in codebook_texts(book).items():
            archive.writestr(f"codebook/{name}", text)
        for coder, rows in codings.groupby("coder"):
            archive.writestr(f"codings/{coder}.csv", codings_text(rows))
        for doc_id, text in corpus.texts().items():
            archive.writestr(f"documents/{doc_id}.txt", text)
    return buffer.getvalue()


def baseline_import(data: bytes) -> tuple[list, dict]:
    ns = "{urn:QDA-XML:project:1.0}"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        selections = [
            (s.get("startPosition"), s.get("endPosition"), c.find(f"{ns}CodeRef").get("targetGUID"))
            for s in root.iter(f"{ns}PlainTextSelection")
            for c in s.iter(f"{ns}Coding")
        ]
        texts = {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("sources/")
        }
    return selections, texts


def baseline_write(root: Path, imported) -> None:
    for doc_id, text in zip(imported.documents["doc_id"], imported.documents["text"], strict=True):
        path = root / "corpus" / "documents" / "interviews" / f"{doc_id}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render_markdown(text, imported.metadata(doc_id)).encode("utf-8"))
    (root / "codebook").mkdir(exist_ok=True)
    for name, text in codebook_texts(imported.codebook).items():
        (root / "codebook" / name).write_text(text, encoding="utf-8")
    (root / "corpus" / "codings").mkdir(parents=True, exist_ok=True)
    for coder in imported.coders:
        path = root / "corpus" / "codings" / f"{coder}.csv"
        path.write_text(codings_text(imported.codings_of(coder)), encoding="utf-8")


def main() -> str:
    rng = np.random.default_rng(2024)
    book, corpus, codings = workload(rng)
    chars = sum(len(t) for t in corpus.texts().values())
    lines = [
        "REFI-QDA benchmark (seconds; ratio = baseline / ours)",
        f"workload: {len(corpus):,} documents ({chars:,} characters), {len(book)} codes, "
        f"{len(codings):,} codings by 2 coders",
        "",
    ]

    t_ours, t_base, data = compare(
        lambda: qdpx_bytes(book, corpus, codings), lambda: baseline_export(book, corpus, codings), 3
    )
    assert data == qdpx_bytes(book, corpus, codings)  # byte-stable
    lines += [
        f"1. export .qdpx ({len(data) / 1e6:.1f} MB)",
        describe("research.exchange.qdpx_bytes", t_ours),
        describe("CSV + texts zipped (baseline)", t_base),
        ratio(t_base, t_ours),
        "",
    ]

    t_ours, t_base, imported = compare(
        lambda: read_qdpx("bench.qdpx", data=data), lambda: baseline_import(data), 3
    )
    expected = codings.sort_values(["coder", "doc_id", "start", "end", "code"])
    assert imported.codings[["start", "end", "code"]].values.tolist() == (
        expected[["start", "end", "code"]].values.tolist()
    )
    lines += [
        "2. import .qdpx (positions as code points)",
        describe("research.exchange.read_qdpx", t_ours),
        describe("zipfile + lxml, no checks (baseline)", t_base),
        ratio(t_base, t_ours),
        "",
    ]

    t_utf16, t_base, _ = compare(
        lambda: read_qdpx("bench.qdpx", data=data, units="utf16"),
        lambda: read_qdpx("bench.qdpx", data=data),
        3,
    )
    lines += [
        "3. import .qdpx with positions as UTF-16 units (NVivo)",
        describe("read_qdpx(units='utf16')", t_utf16),
        describe("read_qdpx (code points, as in 2.)", t_base),
        ratio(t_base, t_utf16),
        "",
    ]

    t_ours, t_base = [], []
    for _ in range(3):
        scratch = Path(tempfile.mkdtemp())
        try:
            (scratch / "a" / "corpus").mkdir(parents=True)
            (scratch / "b" / "corpus").mkdir(parents=True)
            project = open_project(scratch / "a")
            t, _ = timed(lambda: write_import(project, imported))  # noqa: B023
            t_ours.append(t)
            t, _ = timed(lambda: baseline_write(scratch / "b", imported))  # noqa: B023
            t_base.append(t)
        finally:
            shutil.rmtree(scratch)
    lines += [
        "4. write the import into an empty project",
        describe("research.exchange.write_import", t_ours),
        describe("same bytes, Path.write_bytes, no fsync", t_base),
        ratio(t_base, t_ours),
    ]
    report = "\n".join(lines) + "\n"
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    return report


if __name__ == "__main__":
    print(main())
