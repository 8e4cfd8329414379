"""The application object of the ``research`` command and what its commands share."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from research.errors import Problem

__all__ = [
    "AllowRealNamesOption",
    "CoderOption",
    "MemoOption",
    "ProjectOption",
    "app",
    "check_coders",
    "check_kind",
    "echo_codings",
    "open_project_for_command",
    "print_problems",
]

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


def open_project_for_command(path: Path, *, announce: bool = True):
    """Open the project; say in one line what was done of a change interrupted by a kill."""
    from research.project import open_project

    project = open_project(path)
    if announce:
        for problem in project.recovered:
            if problem.severity == "warning":
                typer.echo(problem.format(), err=True)
    return project


def print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        typer.echo(problem.format(), err=problem.severity == "error")


CoderOption = Annotated[str, typer.Option("--coder", "-c", help="The coder (file <coder>.csv).")]
MemoOption = Annotated[str | None, typer.Option(help="A memo kept with the coding.")]


def check_coders(proj, coders: list[str]) -> None:
    """Refuse a coder who has neither codings nor a coder file, with the closest names."""
    from research.coding import coding_files
    from research.errors import UnknownIdError

    known = set(proj.codings["coder"].astype(str)) | {
        path.stem for path in coding_files(proj.paths.codings)
    }
    for coder in coders:
        if coder not in known:
            raise UnknownIdError(
                "coder",
                coder,
                known,
                hint=f"each coder's codings are in {proj.paths.relative(proj.paths.codings)}/<coder>.csv",
            )


def check_kind(proj, kind: str | None) -> None:
    """Refuse a document kind that no document of the corpus has."""
    from research.errors import UnknownIdError

    if kind is None:
        return
    kinds = set(proj.corpus.documents["kind"].dropna().astype(str))
    if kind not in kinds:
        raise UnknownIdError(
            "document kind",
            kind,
            kinds,
            hint="the kind is the 'kind' of each document's front matter",
        )


def echo_codings(frame) -> None:
    for row in frame.itertuples(index=False):
        quote = " ".join(str(row.quote).split())
        quote = quote if len(quote) <= 70 else quote[:67] + "…"
        typer.echo(f"{row.coder}\t{row.doc_id}\t{row.start}-{row.end}\t{row.code}\t{quote}")


AllowRealNamesOption = Annotated[
    bool,
    typer.Option(
        "--allow-real-names",
        help="Go on even if real names of the pseudonym key are in the project (a warning).",
    ),
]
