"""Benchmark: importing PDFs, web pages, e-mails and a survey into a new project.

Builds (once, under ``benchmarks/_data/loaders/``) 100 PDF reports of 6 pages in
two columns with running heads and hyphenated words (written with reportlab),
100 saved web pages, 100 ``.eml`` messages and a survey of 1,000 respondents; then
times ``research import`` of each set (plan and write, into a project made with
``research init``) next to the baseline measured in the same run: importing the
same stored texts as ``.txt`` files. The figures are ratios to that baseline (the
machine is shared and noisy). It also measures the peak memory held while a PDF
bomb (1 GiB of zeros in about 1 MB) is refused.

With ``--real FILE.pdf`` (and ``pdftotext`` from poppler-utils on the PATH), it
also reports the words recovered from a real PDF against the PDF's own text layer
as pdftotext reads it: the share of pdftotext's words (a bag of lower-cased
words, numbers aside) that the loader also gives, and the reverse.

Run: ``python benchmarks/bench_loaders.py [--repeat 3] [--real these.pdf]``.
Figures go to ``benchmarks/results/loaders.txt``.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import datetime as dt
import io
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import unicodedata
from email.message import EmailMessage
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data" / "loaders"
RESULTS = HERE / "results"

SENTENCES = [
    "La coopération territoriale est au cœur du projet porté par le pôle",
    "les ateliers ont réuni des habitants, des élus et des entreprises du bassin",
    "le porte-parole du pôle l’a rappelé, c’est-à-dire sans détour",
    "la Fabrique à Entreprendre accompagne les porteurs de projet pendant six mois",
    "une navette solidaire relie désormais les villages de la communauté de communes",
    "le financement des projets reste la première difficulté citée par les habitants",
]


def _lines(rng, n: int, width: int = 48) -> list[str]:
    words = " ".join(rng.choice(SENTENCES) + "." for _ in range(n)).split()
    lines, current = [], ""
    for word in words:
        if len(current) + len(word) + 1 > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current]


def _pdf(path: Path, rng, pages: int = 6) -> None:
    import reportlab
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    fonts = Path(reportlab.__file__).parent / "fonts"
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", str(fonts / "Vera.ttf")))
    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(1, pages + 1):
        pdf.setFont("Vera", 8)
        pdf.drawString(60, height - 40, "Pôle coopératif — Rapport d’activité")
        pdf.drawCentredString(width / 2, 30, str(page))
        pdf.setFont("Vera", 10)
        for column in (60, width / 2 + 10):
            for n, line in enumerate(_lines(rng, 14)[:52]):
                pdf.drawString(column, height - 90 - 13 * n, line)
        pdf.showPage()
    pdf.save()


def _html(rng) -> str:
    paragraphs = "".join(f"<p>{' '.join(_lines(rng, 5, 400))}</p>" for _ in range(8))
    return (
        "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>Article</title>"
        "</head><body><nav><a href='/'>Accueil</a><a href='/jura'>Jura</a></nav><article>"
        f"<h1>Soirée Start-Up de Territoire</h1>{paragraphs}</article>"
        "<footer>Mentions légales</footer></body></html>"
    )


def _eml(rng, n: int) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"] = "elodie@example.org", "camille@example.org"
    msg["Subject"], msg["Date"] = f"Atelier {n}", "Wed, 13 Mar 2024 09:00:00 +0100"
    body = "\n\n".join(" ".join(_lines(rng, 3, 400)) for _ in range(5))
    msg.set_content(body + "\n\nLe 12 mars 2024, Camille a écrit :\n> Tu viens ?\n")
    return bytes(msg)


def _survey(path: Path, rng, respondents: int) -> None:
    """A survey whose open answers are mostly different, as real ones are."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        ["id", "Commune", "Âge", "Date", "Qu'avez-vous retenu ?", "Qu'est-ce qui vous freine ?"]
    )
    words = " ".join(SENTENCES).split()
    for i in range(respondents):
        sheet.append([i + 1, rng.choice(["Lons", "Perrigny", "Conliège"]), rng.randint(18, 80),
                      dt.datetime(2019, 11, 22), " ".join(rng.choices(words, k=rng.randint(8, 40))),
                      " ".join(rng.choices(words, k=rng.randint(6, 20)))])  # fmt: skip
    book.save(path)


def build(n: int = 100, respondents: int = 1000, seed: int = 7) -> Path:
    """Write the benchmark files (kept between runs)."""
    import random

    marker = DATA / f".built-{n}-{respondents}-{seed}-2"
    if marker.exists():
        return DATA
    rng = random.Random(seed)
    for kind in ("pdf", "html", "eml"):
        (DATA / kind).mkdir(parents=True, exist_ok=True)
    for i in range(n):
        _pdf(DATA / "pdf" / f"rapport-{i:03d}.pdf", rng)
        (DATA / "html" / f"article-{i:03d}.html").write_text(_html(rng), encoding="utf-8")
        (DATA / "eml" / f"message-{i:03d}.eml").write_bytes(_eml(rng, i))
    _survey(DATA / "reponses.xlsx", rng, respondents)
    marker.touch()
    return DATA


def _project(folder: Path) -> Path:
    from research.cli import main

    root = folder / "projet"
    with contextlib.redirect_stdout(io.StringIO()):
        if main(["init", str(root)]) != 0:
            raise SystemExit("research init failed")
    return root


def _import(files: list[Path], *, survey=None) -> float:
    """Seconds to plan and write the import of ``files`` into a new project (all as
    ``--kind document``, so that the baseline's plain texts need no inference)."""
    from research.corpus import plan_import, write_imports
    from research.project import open_project

    with tempfile.TemporaryDirectory() as scratch:
        project = open_project(_project(Path(scratch)))
        start = time.perf_counter()
        planned = plan_import(project, files, kind="document", survey=survey)
        write_imports(planned, journal=project.root)
        return time.perf_counter() - start


def _as_text(files: list[Path], folder: Path, *, survey=None) -> list[Path]:
    """The stored texts of ``files`` written as ``.txt`` (the baseline's input)."""
    from research.corpus import read_survey, without_page_markers
    from research.corpus.loaders import load_collection

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for path in files:
        docs = read_survey(path).documents if survey else load_collection(path)
        for n, doc in enumerate(docs):
            target = folder / f"{path.stem}-{n}.txt"
            target.write_text(without_page_markers(doc.text), encoding="utf-8")
            out.append(target)
    return out


def _median(repeat: int, run) -> float:
    return statistics.median(run() for _ in range(repeat))


def _bomb_peak() -> tuple[int, int]:
    """Peak bytes traced while a 1 GiB PDF bomb is refused, and the file's size."""
    import struct
    import zlib

    from research.corpus.loaders import load_document
    from research.errors import UnsafeInputError

    chunk = b"\0" * (1 << 24)
    deflater = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = deflater.compress(chunk) + deflater.flush(zlib.Z_FULL_FLUSH)
    adler = 1
    for _ in range(64):
        adler = zlib.adler32(chunk, adler)
    stream = b"\x78\xda" + block * 64 + deflater.flush(zlib.Z_FINISH) + struct.pack(">I", adler)
    head = (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
        b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n"
    )
    stream_object = (
        b"4 0 obj\n<< /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >>\n"
    )
    body = (
        head
        + stream_object
        + b"stream\n"
        + stream
        + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "bombe.pdf"
        path.write_bytes(body)
        tracemalloc.start()
        try:
            load_document(path)
        except UnsafeInputError:
            pass
        else:
            raise SystemExit("the PDF bomb was not refused")
        finally:
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
    return peak, len(body)


def _words(text: str) -> collections.Counter:
    text = unicodedata.normalize("NFC", text).replace("ı\u0302", "î").replace("ı\u0308", "ï")
    text = re.sub(r"<!-- page \S+ -->", " ", text)
    return collections.Counter(w.casefold() for w in re.findall(r"[^\W\d_]+", text))


def real_pdf_quality(path: Path) -> list[str]:
    """Words recovered from a real PDF, against pdftotext's reading of its text layer."""
    from research.corpus.loaders import load_document

    if shutil.which("pdftotext") is None:
        return ["real PDF: pdftotext not found (apt-get install poppler-utils)"]
    reference = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    start = time.perf_counter()
    doc = load_document(path)
    seconds = time.perf_counter() - start
    ours, theirs = _words(doc.text), _words(reference)
    common = sum((ours & theirs).values())
    missing = (theirs - ours).most_common(8)
    extra = (ours - theirs).most_common(8)
    return [
        f"real PDF {path.name}: {doc.metadata.get('pages')} pages read in {seconds:.1f} s",
        f"  words of pdftotext's text layer also in ours: {common / sum(theirs.values()):.4f} "
        f"({common:,} of {sum(theirs.values()):,})",
        f"  words of ours also in pdftotext's: {common / sum(ours.values()):.4f} "
        f"({common:,} of {sum(ours.values()):,})",
        f"  commonest words pdftotext has and we lack: {missing}",
        f"  commonest words we have and pdftotext lacks: {extra}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--real", type=Path, default=None, help="a real PDF to compare with pdftotext"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE.parent / "src"))
    from research.corpus import SurveyOptions

    data = build()
    lines = [f"research import, median of {args.repeat} runs, into a new project:"]
    survey = SurveyOptions()
    sets = {
        "100 PDF (6 pages, 2 columns)": (sorted((data / "pdf").glob("*.pdf")), None),
        "100 web pages": (sorted((data / "html").glob("*.html")), None),
        "100 e-mails": (sorted((data / "eml").glob("*.eml")), None),
        "survey of 1,000 respondents": ([data / "reponses.xlsx"], survey),
    }
    with tempfile.TemporaryDirectory() as scratch:
        for name, (files, options) in sets.items():
            texts = _as_text(files, Path(scratch) / name.split()[1], survey=options)
            baseline = _median(args.repeat, lambda t=texts: _import(t))
            seconds = _median(args.repeat, lambda f=files, o=options: _import(f, survey=o))
            lines.append(
                f"  {name}: {seconds:.2f} s; the same texts as {len(texts)} .txt files: "
                f"{baseline:.2f} s; ratio {seconds / baseline:.1f}"
            )
            print(lines[-1], flush=True)
    pages = 600
    pdf_line = lines[1]
    seconds = float(pdf_line.split(": ")[1].split(" s")[0])
    lines.append(
        f"  PDF: {seconds / 100 * 1000:.0f} ms a file, {seconds / pages * 1000:.1f} ms a page"
    )
    peak, size = _bomb_peak()
    lines.append(
        f"PDF bomb of {size:,} bytes inflating to 1 GiB: refused, peak traced memory {peak / 1e6:.1f} MB"
    )
    if args.real is not None:
        lines += real_pdf_quality(args.real)
    RESULTS.mkdir(exist_ok=True)
    text = "\n".join(lines) + "\n"
    (RESULTS / "loaders.txt").write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
