"""Chapter commands: the standard chapters, running them, the index page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from research.cli._app import AllowRealNamesOption, ProjectOption, app, open_project_for_command
from research.cli._scheduler import SchedulerOption, scheduler_client

# -- chapter pipeline ----------------------------------------------------------------------

chapters_app = typer.Typer(
    help="The standard chapters of the package: list them, add one to this project.",
    no_args_is_help=True,
)
app.add_typer(chapters_app, name="chapters")


@chapters_app.command("list")
def chapters_list(project: ProjectOption = Path(".")) -> None:
    """List the standard chapters and whether this project has each one (and unchanged)."""
    from research.pipeline import standard_chapters

    notebooks = open_project_for_command(project).paths.notebooks
    for chapter in standard_chapters():
        mine = notebooks / chapter.notebook.name
        if not mine.exists():
            state = "missing (research chapters add " + chapter.id + ")"
        elif mine.read_bytes() == chapter.notebook.read_bytes():
            state = "present"
        else:
            state = "present, changed by this project"
        typer.echo(f"{chapter.number}\t{chapter.id}\t{chapter.title}\t{state}")


@chapters_app.command("add")
def chapters_add(
    names: Annotated[list[str], typer.Argument(help="Chapter ids or numbers (02).")],
    force: Annotated[
        bool, typer.Option("--force", help="Replace a notebook this project has changed.")
    ] = False,
    project: ProjectOption = Path("."),
) -> None:
    """Add standard chapters to notebooks/ and to chapters.yaml (changed notebooks are kept)."""
    from research.pipeline import add_standard_chapter

    proj = open_project_for_command(project)
    for name in names:
        added = add_standard_chapter(proj.paths.notebooks, name, force=force)
        for path in added.written:
            typer.echo(f"wrote {proj.paths.relative(path)}")
        if added.listed:
            typer.echo(f"listed {added.chapter.id} in notebooks/chapters.yaml")
        if not added.written and not added.listed:
            typer.echo(f"{added.chapter.id}: already in this project, unchanged")


@app.command()
def run(
    chapters: Annotated[
        list[str] | None,
        typer.Argument(
            help="Chapters to run: id, notebook name or number (02), or CHAPTER/RUN. Default: all."
        ),
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="Set a notebook parameter: key=value (repeatable)."),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Runs at the same time (default: one per core)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Rerun unchanged runs too.")] = False,
    no_code: Annotated[
        bool, typer.Option("--no-code", help="Hide the code cells in the HTML (for readers).")
    ] = False,
    allow_real_names: AllowRealNamesOption = False,
    scheduler: SchedulerOption = None,
    project: ProjectOption = Path("."),
) -> None:
    """Run the chapter notebooks into outputs/<chapter>/<run>/ and write outputs/index.html.

    With --scheduler (or executor: in research.yaml), each run is a task of a Dask
    cluster whose workers see the project folder at the same path. With a pseudonym
    key, the run is refused while real names of the key are in the project (see
    research privacy check), unless --allow-real-names is given.
    """
    from research.cli._privacy import refuse_real_names
    from research.pipeline import (
        ConsoleProgress,
        annotate_for_runs,
        execute_runs,
        parse_assignments,
        plan_runs,
        write_index,
    )

    proj = open_project_for_command(project)
    refuse_real_names(proj, allow=allow_real_names, action="research run")
    plans = plan_runs(
        proj, chapters, parameters=parse_assignments(param or []), no_code=no_code, force=force
    )
    with scheduler_client(proj, scheduler, workers=jobs) as client:
        if client is not None and (annotated := annotate_for_runs(proj, plans, client)):
            typer.echo(f"{annotated} document(s) annotated on the cluster for the chapters")
        display = ConsoleProgress(plans)
        try:
            results = execute_runs(plans, jobs=jobs, executor=client, progress=display)
        finally:
            display.close()
    index = write_index(proj)
    counts = {s: sum(r.status == s for r in results) for s in ("ok", "cached", "failed")}
    typer.echo(
        f"{len(results)} run(s): {counts['ok']} done, {counts['cached']} unchanged, "
        f"{counts['failed']} failed; index: {proj.paths.relative(index)}"
    )
    if counts["failed"]:
        for result in results:
            if result.status == "failed":
                typer.echo(f"failed: {result.describe()}", err=True)
        raise typer.Exit(1)


@app.command()
def report(project: ProjectOption = Path(".")) -> None:
    """Rewrite outputs/index.html from the runs already in outputs/ (nothing is run)."""
    from research.pipeline import write_index

    proj = open_project_for_command(project)
    typer.echo(f"index written to {proj.paths.relative(write_index(proj))}")
