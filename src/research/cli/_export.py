"""Export commands: files for other software and for the thesis."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from research.cli._app import ProjectOption, app, open_project_for_command

export_app = typer.Typer(help="Export for other software and for the thesis.", no_args_is_help=True)
app.add_typer(export_app, name="export")


@export_app.command("chapter")
def export_chapter(
    chapter: Annotated[
        str,
        typer.Argument(help="The chapter: id, notebook name or number (03), or CHAPTER/RUN."),
    ],
    docx: Annotated[Path | None, typer.Option("--docx", help="Write a Word document.")] = None,
    latex: Annotated[
        Path | None, typer.Option("--latex", help="Write a LaTeX fragment (booktabs tables).")
    ] = None,
    max_rows: Annotated[
        int, typer.Option(min=1, help="Rows of a table written in full (longer ones are cut).")
    ] = 50,
    max_columns: Annotated[
        int, typer.Option(min=1, help="Columns of a table written in full (wider ones are cut).")
    ] = 12,
    max_quotes: Annotated[int, typer.Option(min=1, help="Quotes of one saved set.")] = 20,
    project: ProjectOption = Path("."),
) -> None:
    """Put a chapter run's text, tables, figures and quotes into Word or LaTeX for the thesis."""
    from research.pipeline import export_chapter as export

    if docx is None and latex is None:
        raise typer.BadParameter("give --docx FILE, --latex FILE, or both")
    proj = open_project_for_command(project)
    for path in export(proj, chapter, docx=docx, latex=latex, max_rows=max_rows,
                       max_columns=max_columns, max_quotes=max_quotes):  # fmt: skip
        typer.echo(f"wrote {path}")
