"""Exports for other software and for the thesis (``research export …``)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from research.cli._app import ProjectOption, app, check_kind, open_project_for_command

export_app = typer.Typer(help="Export for other software and for the thesis.", no_args_is_help=True)
app.add_typer(export_app, name="export")


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
    project: ProjectOption = Path("."),
) -> None:
    """Write the corpus in IRaMuTeQ's text format (**** *variable_value lines)."""
    from research.exchange import export_iramuteq as export
    from research.project import interviewer_of

    proj = open_project_for_command(project)
    check_kind(proj, kind)
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
