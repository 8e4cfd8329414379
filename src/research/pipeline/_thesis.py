"""A chapter run as a thesis document: its text, tables, figures and quotes in notebook order.

``research export chapter CHAPTER --docx FILE`` reads one run folder
(``outputs/<chapter>/<run>/``): its ``provenance.json`` (what the notebook saved,
with captions, and the cell that saved each item), the executed notebook (its
Markdown cells and the Markdown the code cells displayed, such as the chapter's
statements of what it could not do) and the saved files (the XLSX of each
table, the reader's version; the PNG and PDF or SVG of each figure; the CSV of
each set of quotes). Knowing a run's folder is this package's business, so the
reading lives here; the writing of Word and LaTeX is :mod:`research.exchange`'s,
which receives the result as plain data (:class:`research.exchange.ThesisDocument`).

Code cells are never shown; a saved item comes after the outputs of the cell
that saved it, in the order of the saves (quotes that cell already displayed are
not repeated); items of a run made before cells were recorded come at the end.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from research.errors import PipelineError
from research.exchange import (
    FigureBlock,
    Heading,
    Paragraph,
    QuoteBlock,
    TableBlock,
    ThesisDocument,
    markdown_blocks,
    write_thesis,
)
from research.pipeline._provenance import read_provenance
from research.vocabulary import french_date

__all__ = ["chapter_document", "export_chapter", "run_folder"]

_SKIPPED_TAGS = {"parameters", "injected-parameters"}


def _source(cell: Mapping[str, Any]) -> str:
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else str(text)


def _read_table(folder: Path, files: list[str]) -> pd.DataFrame | None:
    by_suffix = {Path(f).suffix.lower(): folder / f for f in files}
    if ".xlsx" in by_suffix and by_suffix[".xlsx"].is_file():
        return pd.read_excel(by_suffix[".xlsx"], sheet_name=0)
    if ".csv" in by_suffix and by_suffix[".csv"].is_file():
        return pd.read_csv(by_suffix[".csv"])
    return None


def _table_block(
    folder: Path, item: Mapping[str, Any], max_rows: int, max_columns: int
) -> TableBlock | None:
    files = [f["path"] if isinstance(f, Mapping) else f for f in item.get("files", [])]
    frame = _read_table(folder, files)
    if frame is None:
        return None
    cut = []
    if len(frame) > max_rows:
        cut.append(f"les {max_rows} premières lignes sur {len(frame)}")
        frame = frame.head(max_rows)
    if frame.shape[1] > max_columns:
        cut.append(f"les {max_columns} premières colonnes sur {frame.shape[1]}")
        frame = frame.iloc[:, :max_columns]
    note = None
    if cut:
        shown = next((f for f in files if f.endswith(".xlsx")), files[0])
        note = f"{' et '.join(cut).capitalize()} ; le tableau entier est dans {shown}."
    return TableBlock(frame, caption=item.get("caption"), note=note, name=item.get("name", ""))


def _figure_block(folder: Path, item: Mapping[str, Any]) -> FigureBlock | None:
    files = [f["path"] if isinstance(f, Mapping) else f for f in item.get("files", [])]
    by_suffix = {Path(f).suffix.lower(): folder / f for f in files}
    png = by_suffix.get(".png")
    if png is None or not png.is_file():
        return None
    vector = by_suffix.get(".pdf") or by_suffix.get(".svg")
    return FigureBlock(png, caption=item.get("caption"), name=item.get("name", ""),
                       vector=vector if vector is not None and vector.is_file() else None)  # fmt: skip


def _quote_blocks(folder: Path, item: Mapping[str, Any], max_quotes: int, shown: set[str]) -> list:
    """The saved quotes as quotation blocks, but those the cell displayed already."""
    from research.analysis import NBSP, french_typography

    files = [f["path"] if isinstance(f, Mapping) else f for f in item.get("files", [])]
    table = next((folder / f for f in files if f.endswith(".csv")), None)
    if table is None or not table.is_file():
        return []
    frame = pd.read_csv(table, dtype=str, keep_default_na=False)
    blocks: list = []
    if item.get("caption"):
        blocks.append(Paragraph(((str(item["caption"]), "b"),)))
    for row in frame.head(max_quotes).to_dict("records"):
        if row.get("verbatim"):
            text, source = row["verbatim"], row.get("reference") or None
        else:
            words = row.get("quote") or row.get("text") or ""
            if not words.strip():
                continue
            if words.lstrip().startswith("«"):
                text, source = words, None
            else:
                text = f"«{NBSP}{french_typography(words)}{NBSP}»"
                parts = [row.get(c) for c in ("doc_id", "speaker", "who") if row.get(c)]
                source = ", ".join(parts) or None
        full = " ".join(f"{text} ({source})".split()) if source else " ".join(text.split())
        if full not in shown:
            blocks.append(QuoteBlock(text, source))
    if not any(isinstance(b, QuoteBlock) for b in blocks):
        return []
    if len(frame) > max_quotes:
        blocks.append(Paragraph(((f"Les {max_quotes} premières citations sur {len(frame)} ; "
                                  f"toutes sont dans {files[-1]}.", ""),), style="note"))  # fmt: skip
    return blocks


def _item_blocks(
    folder: Path, item: Mapping[str, Any], limits: Mapping[str, int], shown: set[str]
) -> list:
    kind = item.get("kind")
    max_quotes = limits["max_quotes"]
    if kind == "table":
        block = _table_block(folder, item, limits["max_rows"], limits["max_columns"])
        return [block] if block is not None else []
    if kind == "figure":
        block = _figure_block(folder, item)
        return [block] if block is not None else []
    if kind == "quote":
        return _quote_blocks(folder, item, max_quotes, shown)
    return []


def chapter_document(
    folder: str | os.PathLike,
    *,
    max_rows: int = 50,
    max_columns: int = 12,
    max_quotes: int = 20,
) -> ThesisDocument:
    """The thesis document of one run folder (see the module notes).

    Parameters
    ----------
    folder : path-like
        ``outputs/<chapter>/<run>/``, with its ``provenance.json``.
    max_rows, max_columns : int
        Largest table written whole (a page holds about a dozen columns); larger
        ones are cut with a note naming the file that holds them.
    max_quotes : int
        Most quotes of one saved set.

    Raises
    ------
    PipelineError
        When the folder holds no finished run, or the run failed.
    """
    folder = Path(folder)
    record = read_provenance(folder)
    if record is None:
        raise PipelineError(
            f"{folder} holds no chapter run (no provenance.json): run the chapter first "
            "with research run"
        )
    if record.get("status") != "ok":
        message = (record.get("error") or {}).get("message", "")
        raise PipelineError(
            f"the run {record.get('chapter')}/{record.get('run')} failed ({message}); "
            "fix it and run it again before exporting it"
        )
    notebook = folder / str(record.get("notebook_output") or "")
    if not notebook.is_file():
        raise PipelineError(f"the executed notebook of {folder} is missing: run the chapter again")
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    items = [
        o for o in record.get("outputs") or [] if o.get("kind") in ("table", "figure", "quote")
    ]
    items.sort(key=lambda o: (o.get("order", 1 << 30), o.get("kind", ""), o.get("name", "")))
    by_cell: dict[int, list[Mapping[str, Any]]] = {}
    for item in items:
        if isinstance(item.get("cell"), int):
            by_cell.setdefault(item["cell"], []).append(item)
    placed: set[int] = set()
    limits = {"max_rows": max_rows, "max_columns": max_columns, "max_quotes": max_quotes}
    parameters = ", ".join(f"{k}={v}" for k, v in sorted((record.get("parameters") or {}).items()))
    blocks: list = [Paragraph(((
        f"Résultats de l'exécution « {record.get('run')} » du chapitre « {record.get('title')} »"
        f" ({french_date(record.get('finished'))})"
        + (f" ; paramètres : {parameters}" if parameters else "") + ".", ""),), style="note")]  # fmt: skip
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            blocks += markdown_blocks(_source(cell))
            continue
        if cell.get("cell_type") != "code":
            continue
        if _SKIPPED_TAGS & set(cell.get("metadata", {}).get("tags", [])):
            continue
        said = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/markdown" in data:
                text = data["text/markdown"]
                said += markdown_blocks("".join(text) if isinstance(text, list) else text)
        blocks += said
        shown = {" ".join(b.text.split()) for b in said if isinstance(b, QuoteBlock)}
        for item in by_cell.get(cell.get("execution_count"), []):
            blocks += _item_blocks(folder, item, limits, shown)
            placed.add(id(item))
    rest = [item for item in items if id(item) not in placed]
    if rest:
        blocks.append(Heading(2, "Autres résultats de l'exécution"))
        for item in rest:
            blocks += _item_blocks(folder, item, limits, set())
    title = str(record.get("title") or record.get("chapter") or "")
    return ThesisDocument(title, tuple(blocks), record.get("finished"))


def run_folder(project: Any, name: str) -> Path:
    """The run folder of ``CHAPTER`` or ``CHAPTER/RUN`` (an id, a notebook name or a number).

    Without a run, the chapter's only run, or else its first run in
    ``notebooks/chapters.yaml``.

    Raises
    ------
    PipelineError
        When the chapter or run is unknown, or has not been run yet.
    """
    from research.pipeline._chapters import CHAPTERS_FILE, read_chapters, select_chapters

    chapters = read_chapters(project.paths.notebooks / CHAPTERS_FILE)
    ((chapter, runs),) = select_chapters(chapters, [name])
    folder = project.paths.outputs / chapter.id / runs[0].id
    if read_provenance(folder) is None:
        raise PipelineError(
            f"the run {chapter.id}/{runs[0].id} has no results in "
            f"{project.paths.relative(folder)}: run it first (research run {chapter.id}/{runs[0].id})"
        )
    return folder


def export_chapter(
    project: Any,
    name: str,
    *,
    docx: str | os.PathLike | None = None,
    latex: str | os.PathLike | None = None,
    max_rows: int = 50,
    max_columns: int = 12,
    max_quotes: int = 20,
) -> list[Path]:
    """Write a chapter run's results as Word and/or a LaTeX fragment.

    Parameters
    ----------
    project : research.project.Project
    name : str
        ``CHAPTER`` or ``CHAPTER/RUN`` (see :func:`run_folder`).
    docx, latex : path-like, optional
        The files to write (at least one).
    max_rows, max_columns, max_quotes : int
        See :func:`chapter_document`.

    Returns
    -------
    list of Path
        The files written.
    """
    if docx is None and latex is None:
        raise PipelineError("say what to write: --docx FILE and/or --latex FILE")
    document = chapter_document(
        run_folder(project, name),
        max_rows=max_rows,
        max_columns=max_columns,
        max_quotes=max_quotes,
    )
    written = []
    if docx is not None:
        written.append(write_thesis(document, docx, format="docx"))
    if latex is not None:
        written.append(write_thesis(document, latex, format="latex"))
    return written
