"""``research merge``: one coder's work from another copy of the project or a .qdpx file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from research.cli._app import CoderOption, ProjectOption, app, open_project_for_command


@app.command()
def merge(
    source: Annotated[
        Path,
        typer.Argument(help="Another copy of the project (its folder) or a REFI-QDA .qdpx file."),
    ],
    coder: CoderOption,
    force: Annotated[
        bool,
        typer.Option("--force", help="Take the other copy's version of codings that differ here."),
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Report only; write nothing.")] = False,
    report: Annotated[
        Path | None, typer.Option(help="Write the report, one row per coding, to this CSV file.")
    ] = None,
    project: ProjectOption = Path("."),
) -> None:
    """Bring one coder's codings, and the codes they added, from another copy of the project.

    Documents are matched by id (else by text); a document whose text differs here
    has its codings placed by their quotes. Codings this project lacks are added;
    a coding that differs here is kept as it is unless --force; nothing is
    removed. The coder's file and the codebook change together, or not at all.
    """
    from research.files import atomic_write_text, csv_text
    from research.project import merge_coder

    proj = open_project_for_command(project)
    done = merge_coder(proj, source, coder=coder, force=force, dry_run=dry_run)
    for problem in done.problems:
        typer.echo(f"in the other copy: {problem.format()}", err=True)
    for row in done.codings.itertuples(index=False):
        if row.status in ("added", "updated", "refused"):
            quote = " ".join(str(row.quote).split())
            quote = quote if len(quote) <= 50 else quote[:47] + "…"
            reason = f" ({row.reason})" if row.reason else ""
            line = f"{row.status}\t{row.doc_id}\t{row.start}-{row.end}\t{row.code}\t{quote}{reason}"
            typer.echo(line, err=row.status == "refused")
    for code in done.codes:
        typer.echo(f"code added to the codebook: {code}")
    if done.reanchored:
        typer.echo(
            f"text differs between the copies in {', '.join(done.reanchored)}: "
            "codings placed by their quotes"
        )
    if report is not None:
        atomic_write_text(report, csv_text(done.codings))
        typer.echo(f"report written to {report}")
    typer.echo(done.summary() + (" (dry run: nothing written)" if dry_run else ""))
    if (
        done.count("refused")
        and not force
        and (done.codings["reason"].str.contains("--force")).any()
    ):
        typer.echo("rerun with --force to take the other copy's version of those codings", err=True)
