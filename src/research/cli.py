"""The ``research`` command: a thin layer over the library's functions.

Every command works on the project that contains the current folder (or
``--project``). Errors a user can fix are printed as one clear line, without a
traceback, and the command exits with status 1 (2 for wrong arguments).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from research.errors import Problem, ResearchError, ValidationFailed

__all__ = ["app", "main"]

app = typer.Typer(
    name="research",
    help="Corpus, coding, agreement, networks and chapter notebooks of a research project.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ProjectOption = Annotated[
    Path,
    typer.Option("--project", "-C", help="The project folder (default: the current one)."),
]


def _open(path: Path):
    from research.project import open_project

    return open_project(path)


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        typer.echo(problem.format(), err=problem.severity == "error")


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Folder of the new project.")] = Path("."),
) -> None:
    """Create the folders of a research project (existing files are kept)."""
    from research.scaffold import init_project

    created = init_project(path)
    for item in created:
        typer.echo(f"created {item}")
    typer.echo(f"project ready in {path.resolve()}")


@app.command()
def validate(project: ProjectOption = Path(".")) -> None:
    """Check documents, tables, codebook and codings; print every problem found."""
    proj = _open(project)
    problems = proj.validate()
    _print_problems(problems)
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
        str | None, typer.Option(help="Document kind to record (interview, minutes, …).")
    ] = None,
    folder: Annotated[
        str | None,
        typer.Option(help="Sub-folder of corpus/documents (default: the kind, e.g. interviews)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing documents.")] = False,
    project: ProjectOption = Path("."),
) -> None:
    """Convert outside files into Markdown documents of the corpus.

    Nothing is written unless every file imports cleanly.
    """
    from research.importing import import_documents

    proj = _open(project)
    written = import_documents(proj, paths, kind=kind, folder=folder, force=force)
    for path in written:
        typer.echo(f"imported {proj.paths.relative(path)}")


@app.command()
def overview(
    project: ProjectOption = Path("."),
    out: Annotated[
        Path | None, typer.Option(help="Folder for the tables (default: outputs/overview).")
    ] = None,
) -> None:
    """Summarise the corpus and the edition tables; write the tables as CSV."""
    from research.overview import format_totals, write_overview
    from research.tables import load_tables

    proj = _open(project)
    tables = load_tables(proj.paths.tables, strict=True)[0] if proj.paths.tables.is_dir() else {}
    folder = out or proj.paths.outputs / "overview"
    totals = write_overview(proj.corpus, tables, folder)
    typer.echo(format_totals(totals))
    typer.echo(f"tables written to {proj.paths.relative(folder)}/")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``research`` console script."""
    try:
        status = app(args=argv, standalone_mode=False)
    except ValidationFailed as exc:
        typer.echo(str(exc), err=True)
        return 1
    except ResearchError as exc:
        typer.echo(f"error: {exc}", err=True)
        return 1
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        typer.echo("aborted", err=True)
        return 1
    except Exception as exc:
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            return exc.exit_code
        raise
    return status if isinstance(status, int) else 0


if __name__ == "__main__":
    sys.exit(main())
