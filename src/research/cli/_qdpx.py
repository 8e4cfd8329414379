"""REFI-QDA exchange commands."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from research.cli._app import (
    AllowRealNamesOption,
    ProjectOption,
    app,
    open_project_for_command,
    print_problems,
)

# -- REFI-QDA exchange -------------------------------------------------------------------

qdpx_app = typer.Typer(
    help="Exchange with NVivo, ATLAS.ti, MAXQDA, QualCoder…: REFI-QDA .qdpx projects and .qdc codebooks.",
    no_args_is_help=True,
)
app.add_typer(qdpx_app, name="qdpx")


class ExportUnits(StrEnum):
    """How an exported ``.qdpx`` counts positions."""

    code_points = "code_points"
    utf16 = "utf16"


@qdpx_app.command("export")
def qdpx_export(
    path: Annotated[
        Path, typer.Argument(help="The file: .qdpx (whole project) or .qdc (codebook).")
    ],
    coder: Annotated[
        list[str] | None, typer.Option("--coder", "-c", help="Only this coder's codings.")
    ] = None,
    units: Annotated[
        ExportUnits,
        typer.Option(
            help="Positions in code points (the standard) or utf16 (for clients counting "
            "UTF-16 units); recorded in the project's description."
        ),
    ] = ExportUnits.code_points,
    allow_real_names: AllowRealNamesOption = False,
    project: ProjectOption = Path("."),
) -> None:
    """Export the project (documents, codebook, codings, attributes, memos) or the codebook.

    With a pseudonym key, the export is refused while real names of the key are in
    the project (see research privacy check), unless --allow-real-names is given.
    """
    from research.cli._privacy import refuse_real_names
    from research.exchange import export_project

    proj = open_project_for_command(project)
    refuse_real_names(proj, allow=allow_real_names, action="research qdpx export")
    written = export_project(proj, path, coders=coder or None, units=units.value)
    typer.echo(f"written {written}")


class QdpxUnits(StrEnum):
    """How a REFI-QDA file counts positions."""

    auto = "auto"
    code_points = "code_points"
    utf16 = "utf16"


class QdpxCrlf(StrEnum):
    """How many positions a CRLF counts in a REFI-QDA file."""

    auto = "auto"
    one = "one"
    two = "two"


@qdpx_app.command("import")
def qdpx_import(
    path: Annotated[
        Path, typer.Argument(help="A .qdpx project, a .qdc codebook or a Taguette codebook .csv.")
    ],
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace documents, codebook files, coder files and memos."),
    ] = False,
    folder: Annotated[
        str | None, typer.Option(help="Sub-folder of corpus/documents for the documents.")
    ] = None,
    units: Annotated[
        QdpxUnits, typer.Option(help="Positions in the file (auto: by the exporting program).")
    ] = QdpxUnits.auto,
    crlf: Annotated[QdpxCrlf, typer.Option(help="How many positions a CRLF counts.")] = (
        QdpxCrlf.auto
    ),
    project: ProjectOption = Path("."),
) -> None:
    """Import a REFI-QDA file into the project; nothing is written unless all of it fits."""
    from research.exchange import import_refiqda

    proj = open_project_for_command(project)
    imported, written = import_refiqda(
        proj, path, force=force, folder=folder, units=units.value, crlf=crlf.value
    )
    print_problems(list(imported.problems))
    for item in written:
        typer.echo(f"imported {proj.paths.relative(item)}")
    typer.echo(
        f"{len(imported.documents)} document(s), {len(imported.codes)} code(s), "
        f"{len(imported.codings)} coding(s) of {len(imported.coders)} coder(s), "
        f"{len(imported.memos)} memo(s) "
        f"from {imported.origin or 'an unnamed program'}; positions counted in "
        f"{'UTF-16 units' if imported.units == 'utf16' else 'code points'}, "
        f"CRLF as {imported.crlf}"
    )
