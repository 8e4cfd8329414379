"""Exports for other software and for the thesis (``research export …``)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from research.cli._app import (
    AllowRealNamesOption,
    ProjectOption,
    app,
    check_kind,
    open_project_for_command,
)

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
    allow_real_names: AllowRealNamesOption = False,
    project: ProjectOption = Path("."),
) -> None:
    """Put a chapter run's text, tables, figures and quotes into Word or LaTeX for the thesis.

    With a pseudonym key, the export is refused while real names of the key are in
    the project (see research privacy check), unless --allow-real-names is given.
    """
    from research.cli._privacy import refuse_real_names
    from research.pipeline import export_chapter as export

    if docx is None and latex is None:
        raise typer.BadParameter("give --docx FILE, --latex FILE, or both")
    proj = open_project_for_command(project)
    refuse_real_names(proj, allow=allow_real_names, action="research export chapter")
    for path in export(proj, chapter, docx=docx, latex=latex, max_rows=max_rows,
                       max_columns=max_columns, max_quotes=max_quotes):  # fmt: skip
        typer.echo(f"wrote {path}")


class IramuteqUnit(StrEnum):
    """What one IRaMuTeQ text is."""

    document = "document"
    turn = "turn"


@export_app.command("iramuteq")
def export_iramuteq(
    path: Annotated[Path, typer.Argument(help="The .txt file to write (replaced if it exists).")],
    attribute: Annotated[
        list[str] | None,
        typer.Option(
            "--attribute",
            "-a",
            help="A document attribute written as a starred variable (repeat the option; "
            "default: kind, edition, respondent_category, organisation_type).",
        ),
    ] = None,
    kind: Annotated[
        str | None, typer.Option(help="Only the documents of this kind (e.g. interview).")
    ] = None,
    unit: Annotated[
        IramuteqUnit, typer.Option(help="One text per document or per speaker turn.")
    ] = IramuteqUnit.document,
    include_interviewer: Annotated[
        bool, typer.Option("--include-interviewer", help="Keep the interviewer's turns.")
    ] = False,
    allow_real_names: AllowRealNamesOption = False,
    project: ProjectOption = Path("."),
) -> None:
    """Write the corpus in IRaMuTeQ's text format (**** *variable_value lines).

    With a pseudonym key, the export is refused while real names of the key are in
    the project (see research privacy check), unless --allow-real-names is given.
    """
    from research.cli._privacy import refuse_real_names
    from research.exchange import export_iramuteq as export
    from research.project import interviewer_of

    proj = open_project_for_command(project)
    check_kind(proj, kind)
    refuse_real_names(proj, allow=allow_real_names, action="research export iramuteq")
    labels, actors = interviewer_of(proj)
    written = export(
        proj,
        path,
        attributes=attribute or None,
        kind=kind,
        unit=unit.value,
        include_interviewer=include_interviewer,
        interviewer=labels,
        interviewer_actors=actors,
    )
    texts = written.read_text(encoding="utf-8").count("****")
    typer.echo(f"written {written} ({texts} text{'s' if texts != 1 else ''})")
