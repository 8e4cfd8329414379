"""Benchmark: the coding widget in a real JupyterLab and Chromium.

On a copy of the demo project, with one more synthetic interview of 50,000 words,
measures in one run:

- render: from the ``session.widget(doc_id)`` call in the kernel to the document
  laid out in Chromium with its stripes (the page stamps the time it finished;
  the kernel's clock and the page's are the same machine's), for the longest demo
  interview with 100 codings and for the synthetic interview with 2,000 codings —
  baselines: Chromium rendering the same text as a plain static page (one
  paragraph per block), and the existing static coded view
  (:func:`research.coding.document_html`) with the same codings;
- save: from a click on a code in the tree (a passage being selected: the time the
  button went down in the page) to the row being in the coder's CSV file (the
  time the file was written) — baseline: the same coding made by a
  ``CodingSession`` call and saved, in this process, on the same file.

Targets: render under 0.5 s (demo interview) and 3 s (50,000 words); under 150 ms
per coding saved. Figures go to ``benchmarks/results/widget.txt``.

Needs Debian's Chromium (``/usr/bin/chromium``). Run:
``python benchmarks/bench_widget.py [--repeat 5] [--clicks 20]``
"""

from __future__ import annotations

import argparse
import html
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from bench_corpus import PHRASES

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
sys.path.insert(0, str(REPO / "tests"))

import research  # noqa: E402
from jupyterlab_browser import (  # noqa: E402
    JupyterLab,
    Notebook,
    Widget,
    find_chromium,
    launch_chromium,
    write_notebook,
)
from research.coding import CODING_COLUMNS, CodingSession, document_html  # noqa: E402

CODER = "bench"
SYNTHETIC = "SYN50K"


def synthetic_interview(words: int, rng: random.Random) -> str:
    """A transcript of about ``words`` words in turns of two speakers."""
    lines, count, minute = [], 0, 0
    while count < words:
        question = f"Enquêtrice : Et à la minute {minute}, que s’est-il passé ?"
        answer = "Répondant : " + ". ".join(rng.choice(PHRASES) for _ in range(rng.randint(3, 9)))
        lines += [question, "", answer + ".", ""]
        count += len(question.split()) + len(answer.split())
        minute += 1
    front = (
        "---\nid: SYN50K\nkind: interview\ntitle: Entretien synthétique de 50 000 mots\n"
        "speakers:\n  Enquêtrice: null\n  Répondant: null\n---\n\n"
    )
    return front + "\n".join(lines)


def random_codings(project, doc_id: str, n: int, rng: random.Random) -> pd.DataFrame:
    """``n`` codings of whole words in the turns of a document, random codes."""
    corpus = project.corpus
    text = corpus.text(doc_id)
    segments = corpus.segments_of(doc_id)
    codes = project.codebook.select("*", codable=True)
    rows, seen = [], set()
    while len(rows) < n:
        seg = segments.iloc[rng.randrange(len(segments))]
        spaces = [i for i in range(int(seg.start), int(seg.end)) if text[i] == " "]
        if len(spaces) < 4:
            continue
        a, b = sorted(rng.sample(spaces, 2))
        start, end = a + 1, min(b, a + 1 + rng.randint(15, 400))
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
        code = rng.choice(codes)
        if end <= start or (start, end, code) in seen:
            continue
        seen.add((start, end, code))
        rows.append((CODER, doc_id, start, end, code, text[start:end], "", "2024-01-01T10:00:00Z"))
    return pd.DataFrame(rows, columns=CODING_COLUMNS)


def plain_page(text: str) -> str:
    """The text as a plain static page: one paragraph per block, escaped."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())
    return f"<!DOCTYPE html><html lang='fr'><meta charset='utf-8'><body>{paragraphs}</body></html>"


def render_static(page, content: str) -> float:
    """Seconds for Chromium to load and lay out a page (two frames painted)."""
    start = time.perf_counter()
    page.set_content(content, wait_until="load")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return time.perf_counter() - start


def render_widget(notebook: Notebook, cell: int) -> tuple[float, float]:
    """Run a cell that prints the time and calls ``widget()``; seconds from that time to
    the stamp the page puts once the document is laid out with its stripes, and the
    part of it spent in the page (from the start of its render function)."""
    node = notebook.page.locator(".jp-Notebook .jp-Cell").nth(cell)
    shown = "n => { const p = n.querySelector('.jp-OutputArea-output pre'); return p ? p.textContent : ''; }"
    old = node.evaluate(shown)
    notebook.run(cell)
    notebook.page.wait_for_function(
        """([n, old]) => {
          const p = n.querySelector('.jp-OutputArea-output pre');
          const r = n.querySelector(".rw.rw-document[data-ready='1']");
          return p && p.textContent !== old && r
                 && Number(r.dataset.renderedAt) / 1000 > parseFloat(p.textContent);
        }""",
        arg=[node.element_handle(), old],
        timeout=300_000,
    )
    called = float(node.evaluate(shown))
    root = node.locator(".rw.rw-document").first
    done = int(root.get_attribute("data-rendered-at")) / 1000
    began = int(root.get_attribute("data-render-start")) / 1000
    return done - called, done - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--clicks", type=int, default=20)
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        sys.exit("no Chromium found: apt-get install chromium (or set RESEARCH_CHROMIUM)")
    from playwright.sync_api import sync_playwright

    rng = random.Random(13)
    scratch = Path(tempfile.mkdtemp(prefix="bench-widget-"))
    root = scratch / "demo"
    root.mkdir()
    for part in ("corpus", "codebook"):
        shutil.copytree(REPO / part, root / part)
    shutil.copy(REPO / "research.yaml", root / "research.yaml")
    (root / "corpus" / "documents" / "interviews" / f"{SYNTHETIC}.md").write_text(
        synthetic_interview(50_000, rng), encoding="utf-8"
    )
    project = research.open_project(root)
    interviews = project.corpus.documents.query("kind == 'interview' and doc_id != @SYNTHETIC")
    longest = max(interviews["doc_id"], key=lambda d: len(project.corpus.text(d)))
    codings = pd.concat(
        [
            random_codings(project, longest, 100, rng),
            random_codings(project, SYNTHETIC, 2_000, rng),
        ],
        ignore_index=True,
    )
    from research.coding import save_codings

    save_codings(project.paths.codings, CODER, codings)
    words = len(project.corpus.text(SYNTHETIC).split())
    setup = (
        "import time\nimport research\nproject = research.open_project()\n"
        f"session = research.CodingSession(project, {CODER!r})"
    )
    cells = [setup] + [
        f"print(time.time())\nsession.widget({doc!r})" for doc in (longest, SYNTHETIC, longest)
    ]
    write_notebook(root / "bench.ipynb", *cells)

    lab = JupyterLab(scratch)
    lab.start()
    results: dict[str, float] = {}
    try:
        with sync_playwright() as playwright:
            context = launch_chromium(playwright, chromium, scratch / "chromium")
            notebook = Notebook(lab, context, "demo/bench.ipynb")
            notebook.run(0)
            static = context.new_page()
            for name, doc_id, cell in (("demo", longest, 1), ("50k", SYNTHETIC, 2)):
                text = project.corpus.text(doc_id)
                mine = codings[codings["doc_id"] == doc_id]
                coded = str(
                    document_html(project.corpus, mine, project.codebook, doc_id, standalone=True)
                )
                widget_times, page_times, plain_times, coded_times = [], [], [], []
                for _ in range(args.repeat):  # a page in the background gets no frames
                    notebook.page.bring_to_front()
                    total, in_page = render_widget(notebook, cell)
                    widget_times.append(total)
                    page_times.append(in_page)
                    static.bring_to_front()
                    plain_times.append(render_static(static, plain_page(text)))
                    coded_times.append(render_static(static, coded))
                results[f"{name}_widget"] = statistics.median(widget_times)
                results[f"{name}_page"] = statistics.median(page_times)
                results[f"{name}_plain"] = statistics.median(plain_times)
                results[f"{name}_coded"] = statistics.median(coded_times)
            static.close()
            notebook.page.bring_to_front()

            # clicks on a code, each after a new selection, to the row in the CSV file
            render_widget(notebook, 3)
            widget = Widget(notebook, 3)
            csv = project.paths.codings / f"{CODER}.csv"
            text = project.corpus.text(longest)
            turns = project.corpus.segments_of(longest)
            answers = turns[turns["speaker"] != "Enquêtrice"]
            click_times = []
            # the page notes when the button goes down (the coder's click); the file's
            # modification time is when the kernel wrote it: the same machine's clock
            widget.root.evaluate(
                "root => root.addEventListener('mousedown', () =>"
                " { root.dataset.pressedAt = String(Date.now()); }, true)"
            )
            for i in range(args.clicks):
                seg = answers.iloc[i % len(answers)]
                line = max(text[int(seg.start) : int(seg.end)].split("\n"), key=len)
                words_of = [w for w in line.split(" ") if w]
                k = i // len(answers)  # word pairs of one line: the passage, not a homonym
                first, last = " ".join(words_of[k + 1 : k + 3]), " ".join(words_of[k + 5 : k + 7])
                widget.select(first, last)
                code = "sut.levers.method" if i % 2 else "sut.cooperation.trust"
                before = csv.stat().st_mtime_ns
                widget.root.locator(f".rw-code[data-code='{code}'] .rw-code-label").click()
                widget.idle()
                written = csv.stat().st_mtime_ns
                if written == before:
                    raise RuntimeError(
                        f"the click on {code} after selecting {first!r}…{last!r} wrote nothing; "
                        f"the page says {widget.status()}"
                    )
                pressed = int(widget.attribute("data-pressed-at")) / 1000
                click_times.append(written / 1e9 - pressed)
            results["click"] = statistics.median(click_times)
            results["click_p90"] = sorted(click_times)[int(0.9 * (len(click_times) - 1))]
            notebook.close()
            context.close()
    finally:
        lab.stop()

    session_times = []
    session = CodingSession(research.open_project(root), CODER)
    seg = project.corpus.segments_of(longest).iloc[-1]
    for i in range(args.clicks):
        start = time.perf_counter()
        session.code_span(longest, int(seg.start), int(seg.start) + 10 + i, "sut.levers.method")
        session.save()
        session_times.append(time.perf_counter() - start)
    results["session"] = statistics.median(session_times)
    n_rows = len(pd.read_csv(csv))
    shutil.rmtree(scratch, ignore_errors=True)

    def row(step: str, value: float, base: float, target: float | None = None) -> str:
        verdict = (
            ""
            if target is None
            else ("PASS" if value < target else f"FAIL (target {target * 1000:.0f} ms)")
        )
        return (
            f"{step:<52}{value * 1000:>8.0f}ms{base * 1000:>10.0f}ms{value / base:>8.1f}  {verdict}"
        )

    lines = [
        f"coding widget benchmark (JupyterLab + Chromium; median of {args.repeat} renders, "
        f"{args.clicks} clicks)",
        f"demo interview {longest}: {len(project.corpus.text(longest)):,} characters, 100 codings; "
        f"synthetic {SYNTHETIC}: {words:,} words, {len(project.corpus.text(SYNTHETIC)):,} characters, "
        f"2,000 codings",
        "",
        f"{'step':<52}{'time':>10}{'baseline':>12}{'ratio':>8}  target",
        row(
            f"render {longest} (100 codings) / plain page",
            results["demo_widget"],
            results["demo_plain"],
            0.5,
        ),
        row(
            f"render {longest} (100 codings) / static coded view",
            results["demo_widget"],
            results["demo_coded"],
        ),
        row(
            "render 50,000 words (2,000 codings) / plain page",
            results["50k_widget"],
            results["50k_plain"],
            3.0,
        ),
        row(
            "render 50,000 words (2,000 codings) / static coded view",
            results["50k_widget"],
            results["50k_coded"],
        ),
        row(
            "click on a code -> row in the CSV / session call",
            results["click"],
            results["session"],
            0.15,
        ),
        row("  same, 90th percentile", results["click_p90"], results["session"]),
        "",
        f"of the renders, in the page itself (the rest: the kernel, the message, loading the "
        f"module): {longest} {results['demo_page'] * 1000:.0f} ms, 50,000 words "
        f"{results['50k_page'] * 1000:.0f} ms",
        "",
        f"{n_rows:,} rows in the coder's file at the end.",
    ]
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "widget.txt"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(f"\nwritten {out}")


if __name__ == "__main__":
    main()
