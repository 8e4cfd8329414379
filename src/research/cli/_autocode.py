"""``research autocode``: code the matches of a dictionary, after reviewing them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from research.cli._app import CoderOption, ProjectOption, app, open_project_for_command


def _short(text: str, width: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _write_table(matches, out: Path) -> None:
    from research.files import atomic_write_bytes, atomic_write_text, csv_text, xlsx_bytes

    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".xlsx":
        atomic_write_bytes(out, xlsx_bytes(matches, sheet="correspondances"))
    else:
        atomic_write_text(out, csv_text(matches))


@app.command()
def autocode(
    dictionary: Annotated[
        str,
        typer.Argument(help="A dictionary of codebook/dictionaries/ (its name), or a YAML file."),
    ],
    coder: CoderOption,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the matches to review; code nothing.")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            help="Also write the review table (passage, code, rule, context) to this .csv or .xlsx."
        ),
    ] = None,
    project: ProjectOption = Path("."),
) -> None:
    """Code the passages a dictionary's rules find (lemmas, phrases, words), with memos naming the rules.

    Review the matches with --dry-run first. A passage already coded with the
    code is never coded twice, so running a dictionary again adds only what is new.
    """
    from research.coding import CodingSession

    if out is not None and out.suffix.lower() not in (".csv", ".xlsx"):
        raise typer.BadParameter(f"{out} must end in .csv or .xlsx", param_hint="--out")
    session = CodingSession(open_project_for_command(project), coder)
    matches = session.autocode(dictionary, dry_run=dry_run)
    for row in matches.itertuples(index=False):
        why = f" (excluded: {row.excluded_by})" if row.status == "excluded" else ""
        typer.echo(
            f"{row.status:<13}\t{row.code}\t{row.doc_id}\t{row.start}-{row.end}\t{row.rule}{why}\t"
            f"{_short(row.context)}"
        )
    if out is not None:
        _write_table(matches, out)
        typer.echo(f"review table written to {out}")
    counts = matches["status"].value_counts()
    new = matches[matches["status"] == "new"][["doc_id", "start", "end", "code"]].drop_duplicates()
    summary = (
        f"{len(matches)} match(es): {len(new)} new coding(s), "
        f"{int(counts.get('already coded', 0))} already coded, "
        f"{int(counts.get('excluded', 0))} excluded"
    )
    if dry_run:
        typer.echo(f"{summary}; nothing saved (--dry-run)")
        return
    session.save()
    typer.echo(f"{summary}; saved for {coder}")
