"""Codebook exports for the thesis appendix and for sharing: Markdown, HTML, DOCX, CSV.

The CSV is either the full table of :func:`codebook_table` or, for Taguette
(which imports codebooks only as CSV), :func:`taguette_csv`: columns ``tag`` and
``description``.

:func:`codebook_table` gives one row per code with its depth and, optionally, how
many codings and documents use it; :func:`export_codebook` writes it in the
format its file suffix names.

Examples
--------
>>> import pandas as pd
>>> from research.codebook import Codebook
>>> book = Codebook.from_frame(pd.DataFrame({"code": ["ant", "ant.enrolment"],
...     "label": ["Traduction", "Enrôlement"], "codable": [False, True],
...     "definition": [None, "Les rôles sont attribués et acceptés."]}))
>>> codings = pd.DataFrame({"coder": ["a", "a", "b"], "doc_id": ["D1", "D2", "D1"],
...     "code": ["ant.enrolment"] * 3})
>>> codebook_table(book, codings)[["code", "depth", "codings", "documents", "codings_total"]].values.tolist()
[['ant', 0, 0, 0, 3], ['ant.enrolment', 1, 3, 2, 3]]
>>> print(codebook_markdown(book).splitlines()[0])
# Codebook
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pandas as pd

from research.codebook._model import Codebook
from research.contracts import is_blank
from research.errors import ExportError
from research.files import atomic_write_bytes, atomic_write_text, csv_text

__all__ = [
    "EXPORT_FORMATS",
    "codebook_html",
    "codebook_markdown",
    "codebook_table",
    "export_codebook",
    "taguette_csv",
]

ExportFormat = Literal["md", "html", "docx", "csv", "taguette"]
EXPORT_FORMATS: tuple[str, ...] = ("md", "html", "docx", "csv", "taguette")
_SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".csv": "csv",
}
_FIELDS = (
    ("definition", "Définition"),
    ("include", "Inclure"),
    ("exclude", "Exclure"),
    ("example", "Exemple"),
    ("memo", "Mémo"),
)
# Labelled paragraphs of a Taguette description, read back by
# research.exchange.parse_code_description (the same labels as a REFI-QDA code's).
_TAGUETTE_SECTIONS = (
    ("include", "Inclure"),
    ("exclude", "Exclure"),
    ("example", "Exemple"),
    ("level", "Niveau"),
    ("memo", "Mémo"),
    ("code", "Identifiant"),
)
_LEVEL_NAMES = {
    "first_order": "concept de premier ordre",
    "second_order": "thème de second ordre",
    "aggregate": "dimension agrégée",
}


def codebook_table(
    book: Codebook,
    codings: pd.DataFrame | None = None,
    *,
    coders: str | list[str] | None = None,
) -> pd.DataFrame:
    """One row per code, in tree order, ready to print or export.

    Parameters
    ----------
    book : Codebook
    codings : pandas.DataFrame, optional
        When given, add ``codings`` and ``documents`` (with the code itself) and
        ``codings_total`` and ``documents_total`` (with its sub-codes too).
    coders : str or list of str, optional
        Count only these coders' codings.

    Returns
    -------
    pandas.DataFrame
        ``code``, ``depth``, ``label``, ``definition``, ``include``, ``exclude``,
        ``example``, ``memo``, ``codable``, ``level``, ``color`` (the colour shown),
        ``references`` (joined with ``"; "``) and the counts.
    """
    codes = book.codes
    colors = book.colors()
    table = pd.DataFrame(
        {
            "code": codes["code"],
            "depth": [book.depth(c) for c in codes["code"]],
            "label": codes["label"],
            **{key: codes[key] for key, _ in _FIELDS},
            "codable": codes["codable"],
            "level": codes["level"],
            "color": codes["code"].map(colors),
            "references": codes["references"].map(lambda refs: "; ".join(refs)),
        }
    )
    if codings is not None:
        chosen = codings
        if coders is not None:
            chosen = codings[codings["coder"].isin([coders] if isinstance(coders, str) else coders)]
        own = chosen.groupby("code").agg(
            codings=("doc_id", "size"), documents=("doc_id", "nunique")
        )
        table["codings"] = table["code"].map(own["codings"]).fillna(0).astype(int)
        table["documents"] = table["code"].map(own["documents"]).fillna(0).astype(int)
        docs_of = chosen.groupby("code")["doc_id"].agg(set).to_dict()
        totals, doc_totals = [], []
        for code in table["code"]:
            branch = [code, *book.descendants(code)]
            totals.append(int(sum(own["codings"].get(c, 0) for c in branch)))
            doc_totals.append(len(set().union(*(docs_of.get(c, set()) for c in branch))))
        table["codings_total"] = totals
        table["documents_total"] = doc_totals
    return table


def _text(value) -> str:
    return "" if value is None or value != value else str(value)


def codebook_markdown(
    book: Codebook, codings: pd.DataFrame | None = None, *, title: str = "Codebook"
) -> str:
    """The codebook as Markdown: one heading per code, its fields, and its counts."""
    table = codebook_table(book, codings)
    lines = [f"# {title}", ""]
    for row in table.to_dict("records"):
        level = "#" * min(6, row["depth"] + 2)
        tags = [] if row["codable"] else ["catégorie"]
        if row["level"]:
            tags.append(_LEVEL_NAMES.get(row["level"], row["level"]))
        suffix = f" *({', '.join(tags)})*" if tags else ""
        lines += [f"{level} {row['label']} — `{row['code']}`{suffix}", ""]
        for key, name in _FIELDS:
            if _text(row[key]):
                lines += [f"**{name}.** {' '.join(_text(row[key]).split())}", ""]
        if row["references"]:
            lines += [f"**Références.** {row['references']}", ""]
        if codings is not None:
            lines += [
                f"*{row['codings']} codage(s) dans {row['documents']} document(s); "
                f"avec les sous-codes : {row['codings_total']} dans {row['documents_total']}.*",
                "",
            ]
    return "\n".join(lines).rstrip() + "\n"


def codebook_html(
    book: Codebook, codings: pd.DataFrame | None = None, *, title: str = "Codebook"
) -> str:
    """The codebook as a standalone HTML page with a table (colour, indentation, counts).

    Examples
    --------
    >>> import pandas as pd
    >>> book = Codebook.from_frame(pd.DataFrame({"code": ["a"], "label": ["Peurs & freins"]}))
    >>> "Peurs &amp; freins" in codebook_html(book)
    True
    """
    from research.pages import render_page

    table = codebook_table(book, codings)
    head = ["Code", "Libellé", *(name for _, name in _FIELDS[:4])]
    if codings is not None:
        head += ["Codages", "Documents"]
    rows = [
        {
            "code": row["code"],
            "label": row["label"],
            "color": row["color"],
            "indent": f"{0.4 + 1.2 * row['depth']:g}",
            "category": not row["codable"],
            "fields": [_text(row[key]) for key, _ in _FIELDS[:4]],
            "counts": [row["codings_total"], row["documents_total"]] if codings is not None else [],
        }
        for row in table.to_dict("records")
    ]
    return render_page("codebook.html", title=title, head=head, rows=rows)


def _docx_bytes(book: Codebook, codings: pd.DataFrame | None, title: str) -> bytes:
    import io

    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Pt, RGBColor

    table = codebook_table(book, codings)
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_heading(title, level=1)
    head = ["Code", "Libellé", *(name for _, name in _FIELDS[:4])]
    if codings is not None:
        head += ["Codages", "Documents"]
    grid = document.add_table(rows=1, cols=len(head))
    grid.style = "Table Grid"
    for cell, name in zip(grid.rows[0].cells, head, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(name).bold = True
    for row in table.to_dict("records"):
        cells = grid.add_row().cells
        run = cells[0].paragraphs[0].add_run("  " * row["depth"] + row["code"])
        run.font.color.rgb = RGBColor.from_string(row["color"][1:].upper())
        run.font.size = Pt(9)
        label = cells[1].paragraphs[0].add_run(row["label"])
        label.italic = not row["codable"]
        for cell, (key, _) in zip(cells[2:6], _FIELDS[:4], strict=True):
            cell.text = " ".join(_text(row[key]).split())
        if codings is not None:
            cells[6].text = str(row["codings_total"])
            cells[7].text = str(row["documents_total"])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def export_codebook(
    book: Codebook,
    path: str | Path,
    *,
    format: ExportFormat | None = None,
    codings: pd.DataFrame | None = None,
    title: str = "Codebook",
) -> Path:
    """Write the codebook as Markdown, HTML, DOCX or CSV (from the suffix, or ``format``).

    Parameters
    ----------
    book : Codebook
    path : path-like
        The file to write (its folder is created).
    format : {"md", "html", "docx", "csv", "taguette"}, optional
        Default: from the suffix of ``path``; ``"taguette"`` writes the CSV Taguette
        imports (:func:`taguette_csv`).
    codings : pandas.DataFrame, optional
        Add counts of codings and documents per code.
    title : str
        The heading of the document.

    Raises
    ------
    ExportError
        When the format is unknown.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> book = Codebook.from_frame(pd.DataFrame({"code": ["sut", "sut.trust"]}))
    >>> out = export_codebook(book, pathlib.Path(tempfile.mkdtemp()) / "codebook.csv")
    >>> out.read_text().splitlines()[0].split(",")[:3]
    ['code', 'depth', 'label']
    """
    path = Path(path)
    if format == "taguette" and path.suffix.lower() != ".csv":
        raise ExportError(f"a Taguette codebook is a CSV file: name it {path.stem}.csv")
    chosen = format or _SUFFIXES.get(path.suffix.lower())
    if chosen not in EXPORT_FORMATS:
        raise ExportError(
            f"cannot tell the export format of {path.name!r}; use a suffix among "
            f".md, .html, .docx, .csv, or pass format="
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    if chosen == "md":
        atomic_write_text(path, codebook_markdown(book, codings, title=title))
    elif chosen == "html":
        atomic_write_text(path, codebook_html(book, codings, title=title))
    elif chosen == "docx":
        atomic_write_bytes(path, _docx_bytes(book, codings, title))
    elif chosen == "taguette":
        atomic_write_text(path, taguette_csv(book))
    else:
        atomic_write_text(path, csv_text(codebook_table(book, codings)))
    return path


def taguette_csv(book: Codebook) -> str:
    """The codebook as the CSV Taguette imports: columns ``tag`` and ``description``.

    One row per code in tree order. ``tag`` is the code's label (its id when
    two codes share a label, as Taguette's tags are unique); ``description`` is
    the definition followed by labelled paragraphs (``Inclure :``, ``Exclure :``,
    ``Exemple :``, ``Niveau :``, ``Mémo :``) and ``Identifiant :`` with the code's
    id, so that ``research qdpx import`` gives the codebook back.

    Examples
    --------
    >>> book = Codebook.from_frame(pd.DataFrame({"code": ["sut", "sut.trust"],
    ...     "label": ["Start-up", "Confiance"], "definition": [None, "Se fier à."]}))
    >>> print(taguette_csv(book))
    tag,description
    Start-up,Identifiant : sut
    Confiance,"Se fier à.
    <BLANKLINE>
    Identifiant : sut.trust"
    <BLANKLINE>
    """
    codes = book.codes
    labels = codes["label"].astype(str).str.strip()
    shared = set(labels[labels.str.lower().duplicated(keep=False)])
    rows = []
    for code, label in zip(codes["code"], labels, strict=True):
        row = book.get(code)
        parts = [] if is_blank(row["definition"]) else [str(row["definition"]).strip()]
        for key, name in _TAGUETTE_SECTIONS:
            value = code if key == "code" else row[key]
            if not is_blank(value):
                parts.append(f"{name} : {str(value).strip()}")
        rows.append(
            {
                "tag": code if label in shared or not label else label,
                "description": "\n\n".join(parts),
            }
        )
    return csv_text(pd.DataFrame(rows, columns=["tag", "description"]))
