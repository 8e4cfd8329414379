"""Commands on the project as a whole: init, validate, import, overview."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from research.cli._app import ProjectOption, app, open_project_for_command, print_problems
from research.cli._scheduler import SchedulerOption, scheduler_client


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Folder of the new project.")] = Path("."),
) -> None:
    """Create the folders of a research project and its standard chapters (existing files are kept)."""
    from research.pipeline import install_standard_chapters
    from research.project import init_project, open_project

    created = init_project(path)
    created += install_standard_chapters(open_project(path).paths.notebooks)
    for item in created:
        typer.echo(f"created {item}")
    typer.echo(f"project ready in {path.resolve()}")


@app.command()
def validate(scheduler: SchedulerOption = None, project: ProjectOption = Path(".")) -> None:
    """Check documents, tables, codebook and codings; print every problem found.

    With --scheduler, the documents are read in batches on a Dask cluster.
    """
    proj = open_project_for_command(project, announce=False)
    with scheduler_client(proj, scheduler, use_setting=False) as client:
        if client is not None:
            proj.executor = client.get_executor(pure=False)
        problems = proj.validate()
    print_problems(problems)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors:
        typer.echo(f"{errors} error(s), {warnings} warning(s)", err=True)
        raise typer.Exit(1)
    typer.echo(f"project is valid ({warnings} warning(s))")


@app.command("import")
def import_(
    paths: Annotated[list[Path], typer.Argument(help="Files to import (any loader format).")],
    kind: Annotated[
        str | None,
        typer.Option(
            help="Document kind to record (interview, minutes, logbook, note, document, "
            "email, web_page, survey); default: inferred from each document (speaker "
            "turns: interview; else the usual kind of its format: a PDF is a document, "
            "an e-mail an email, a web page a web_page; else headings or lists: minutes)."
        ),
    ] = None,
    survey: Annotated[
        bool,
        typer.Option(
            "--survey",
            help="Read the files (CSV, TSV, XLSX) as survey answers: one document per "
            "respondent, open answers as text under their question, the other columns "
            "as typed attributes.",
        ),
    ] = False,
    id_column: Annotated[
        str | None,
        typer.Option(
            "--id",
            help="With --survey: the column of respondent ids (header, start of a header, "
            "or letter); default: a column named like an id, else the row number.",
        ),
    ] = None,
    open_columns: Annotated[
        list[str] | None,
        typer.Option(
            "--open",
            help="With --survey: a column of open answers (repeat for several); default: "
            "the columns of long free text.",
        ),
    ] = None,
    folder: Annotated[
        str | None,
        typer.Option(
            "--folder",
            "--to",
            help="Sub-folder of corpus/documents (default: from the kind, e.g. interviews).",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing documents.")] = False,
    project: ProjectOption = Path("."),
) -> None:
    """Convert outside files into Markdown documents of the corpus.

    Each imported file's kind is shown with the reason it was chosen. Nothing is
    written unless every file imports cleanly. A mailbox (.mbox) gives one document
    per message; with --survey, a spreadsheet gives one document per respondent.
    """
    from research.corpus import SurveyOptions, plan_import, write_imports
    from research.errors import InputError

    if not survey and (id_column or open_columns):
        raise InputError("--id and --open describe a survey spreadsheet", hint="add --survey")
    options = SurveyOptions(id_column, tuple(open_columns) if open_columns else None)
    proj = open_project_for_command(project)
    planned = plan_import(
        proj, paths, kind=kind, folder=folder, force=force, survey=options if survey else None
    )
    write_imports(planned, journal=proj.root)
    for item in planned:
        for note in item.notes:
            typer.echo(f"{item.source.name}: {note}")
        typer.echo(
            f"imported {proj.paths.relative(item.target)} from {item.source.name}: "
            f"{item.kind} ({item.reason})"
        )
        print_problems(list(item.problems))
        if item.dropped:
            typer.echo(f"  personal metadata left out: {', '.join(item.dropped)}")


@app.command()
def overview(
    project: ProjectOption = Path("."),
    out: Annotated[
        Path | None, typer.Option(help="Folder for the tables (default: outputs/overview).")
    ] = None,
) -> None:
    """Summarise the corpus and the edition tables; write the tables as CSV."""
    from research.project import format_totals, write_overview

    proj = open_project_for_command(project)
    tables = proj.tables if proj.paths.tables.is_dir() else {}
    folder = out or proj.paths.outputs / "overview"
    totals = write_overview(proj.corpus, tables, folder)
    typer.echo(format_totals(totals))
    typer.echo(f"tables written to {proj.paths.relative(folder)}/")
