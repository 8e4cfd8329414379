"""Codebook commands: show, revise (codings and memos follow), export, the Gioia data structure."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from research.cli._app import ProjectOption, app, open_project_for_command

# -- codebook --------------------------------------------------------------------------------

codebook_app = typer.Typer(
    help="Show, revise (codings and memos follow) and export the codebook; draw its Gioia "
    "data structure.",
    no_args_is_help=True,
)
app.add_typer(codebook_app, name="codebook")
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Say what would change; write nothing.")
]


def _apply(proj, change, dry_run: bool) -> None:
    """Write a revision with the memos whose links follow it (all files, or none)."""
    from research.memos import apply_change_with_memos, memo_changes

    if dry_run:
        typer.echo(change.summary)
        for note in memo_changes(proj, change).notes:
            typer.echo(f"  memo {note}")
        typer.echo("nothing written (--dry-run)")
        return
    written, notes = apply_change_with_memos(proj, change)  # a lock or write error is shown alone
    typer.echo(change.summary)
    for note in notes:
        typer.echo(f"  memo {note}")
    for path in written:
        typer.echo(f"  wrote {proj.paths.relative(path)}")


@codebook_app.command("show")
def codebook_show(
    code: Annotated[str | None, typer.Argument(help="Only this branch.")] = None,
    full_ids: Annotated[bool, typer.Option("--full-ids", help="Show full dotted ids.")] = False,
    project: ProjectOption = Path("."),
) -> None:
    """Print the code tree."""
    proj = open_project_for_command(project)
    typer.echo(proj.codebook.tree(code, ids="full" if full_ids else "short"))


@codebook_app.command("rename")
def codebook_rename(
    code: Annotated[str, typer.Argument(help="The code to rename.")],
    new_id: Annotated[str, typer.Argument(help="Its full new id.")],
    dry_run: DryRunOption = False,
    project: ProjectOption = Path("."),
) -> None:
    """Rename a code (and its sub-codes); every coder's codings follow."""
    from research.coding import rename_code

    proj = open_project_for_command(project)
    _apply(proj, rename_code(proj.codebook, proj.codings, code, new_id), dry_run)


@codebook_app.command("move")
def codebook_move(
    code: Annotated[str, typer.Argument(help="The code to move.")],
    parent: Annotated[str | None, typer.Argument(help="The new parent (omit with --root).")] = None,
    root: Annotated[bool, typer.Option("--root", help="Make it a tree of its own.")] = False,
    dry_run: DryRunOption = False,
    project: ProjectOption = Path("."),
) -> None:
    """Move a code (and its sub-codes) under another parent; codings follow."""
    from research.coding import move_code

    if (parent is None) != root:
        raise typer.BadParameter("give a new PARENT, or --root (not both)")
    proj = open_project_for_command(project)
    _apply(proj, move_code(proj.codebook, proj.codings, code, parent), dry_run)


@codebook_app.command("merge")
def codebook_merge(
    source: Annotated[str, typer.Argument(help="The code that disappears.")],
    target: Annotated[str, typer.Argument(help="The code that receives its codings.")],
    dry_run: DryRunOption = False,
    project: ProjectOption = Path("."),
) -> None:
    """Merge SOURCE into TARGET: its codings and sub-codes go to TARGET."""
    from research.coding import merge_codes

    proj = open_project_for_command(project)
    _apply(proj, merge_codes(proj.codebook, proj.codings, source, target), dry_run)


@codebook_app.command("split")
def codebook_split(
    code: Annotated[str, typer.Argument(help="The code to split.")],
    into: Annotated[list[str], typer.Option(help="A new sub-code name (repeat the option).")],
    rule: Annotated[
        list[str] | None,
        typer.Option(help="NAME=REGEX: codings whose quote matches go to NAME (repeat)."),
    ] = None,
    default: Annotated[
        str | None, typer.Option(help="Sub-code for codings no rule matches.")
    ] = None,
    dry_run: DryRunOption = False,
    project: ProjectOption = Path("."),
) -> None:
    """Split CODE into sub-codes; codings follow the rules or stay to be recoded by hand."""
    from research.coding import split_code

    rules = {}
    for item in rule or []:
        name, sep, pattern = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"rule {item!r} is not NAME=REGEX")
        rules[name.strip()] = pattern
    proj = open_project_for_command(project)
    change = split_code(
        proj.codebook, proj.codings, code, into, rule=rules or None, default=default
    )
    _apply(proj, change, dry_run)


@codebook_app.command("delete")
def codebook_delete(
    code: Annotated[str, typer.Argument(help="The code to delete (with its sub-codes).")],
    to: Annotated[str | None, typer.Option("--to", help="Give its codings to this code.")] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Move its codings to corpus/codings/archive/.")
    ] = False,
    dry_run: DryRunOption = False,
    project: ProjectOption = Path("."),
) -> None:
    """Delete a code; refused while codings use it, unless --to or --force."""
    from research.coding import delete_code

    proj = open_project_for_command(project)
    _apply(
        proj, delete_code(proj.codebook, proj.codings, code, reassign_to=to, force=force), dry_run
    )


@codebook_app.command("export")
def codebook_export(
    path: Annotated[Path, typer.Argument(help="The file: .md, .html, .docx or .csv.")],
    counts: Annotated[bool, typer.Option(help="Add counts of codings and documents.")] = False,
    coder: Annotated[
        str | None, typer.Option("--coder", "-c", help="Count only this coder.")
    ] = None,
    title: Annotated[str, typer.Option(help="The document's heading.")] = "Codebook",
    taguette: Annotated[
        bool,
        typer.Option(
            "--taguette", help="Write the CSV Taguette imports (columns tag, description)."
        ),
    ] = False,
    project: ProjectOption = Path("."),
) -> None:
    """Export the codebook for the thesis appendix or for sharing."""
    from research.codebook import export_codebook

    proj = open_project_for_command(project)
    codings = None
    if counts:
        codings = proj.codings
        if coder:
            codings = codings[codings["coder"] == coder]
    written = export_codebook(
        proj.codebook,
        path,
        codings=codings,
        title=title,
        format="taguette" if taguette else None,
    )
    typer.echo(f"written {written}")


@codebook_app.command("gioia")
def codebook_gioia(
    tree: Annotated[
        str | None, typer.Argument(help="A tree or branch (iw); default: the whole codebook.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="The figure: .svg, .png or .pdf (default: gioia-TREE.svg).")
    ] = None,
    table: Annotated[
        Path | None, typer.Option(help="Also write the table version: .csv or .xlsx.")
    ] = None,
    coder: Annotated[
        str | None,
        typer.Option(
            "--coder", "-c", help="Count this coder's codings (default: the one with most)."
        ),
    ] = None,
    examples: Annotated[bool, typer.Option(help="Add an example quote per concept.")] = False,
    counts: Annotated[bool, typer.Option(help="Show the number of codings in each box.")] = True,
    project: ProjectOption = Path("."),
) -> None:
    """Draw the Gioia data structure of the codebook's levels (concepts, themes, dimensions)."""
    from research.analysis import gioia_structure, plot_gioia
    from research.errors import InputError
    from research.files import atomic_write_bytes, csv_text, xlsx_bytes
    from research.pipeline import figure_bytes
    from research.vocabulary import readers_table

    proj = open_project_for_command(project)
    book = proj.codebook
    if tree is not None:
        book.check(tree)
    target = out or Path(f"gioia-{tree or 'codebook'}.svg")
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in ("svg", "png", "pdf"):
        raise InputError(f"cannot tell the figure format of {target.name!r}",
                         hint="name the file .svg, .png or .pdf")  # fmt: skip
    if table is not None and table.suffix.lower() not in (".csv", ".xlsx"):
        raise InputError(f"cannot tell the table format of {table.name!r}",
                         hint="name the file .csv or .xlsx")  # fmt: skip
    codings = proj.codings if proj.paths.codings.is_dir() else None
    if codings is not None and len(codings):
        counts_by = codings["coder"].value_counts()
        chosen = coder or sorted(counts_by.index, key=lambda c: (-counts_by[c], c))[0]
        if chosen not in set(counts_by.index):
            from research.cli._app import check_coders

            check_coders(proj, [chosen])
        codings = codings[codings["coder"] == chosen]
        typer.echo(f"counting the codings of {chosen}", err=True)
    structure = gioia_structure(
        book, codings, root=tree, examples=examples, documents=proj.corpus.documents
    )
    typer.echo(structure.message)
    if structure.empty:
        raise typer.Exit(1)
    figure = plot_gioia(structure, examples=examples, counts=counts)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, figure_bytes(figure, fmt))
    typer.echo(f"wrote {target}")
    if table is not None:
        labels = dict(zip(book.ids, book.codes["label"], strict=True))
        values = {c: labels for c in ("aggregate", "second_order", "first_order")}
        table.parent.mkdir(parents=True, exist_ok=True)
        if table.suffix.lower() == ".csv":
            atomic_write_bytes(table, csv_text(structure.table).encode("utf-8"))
        else:
            readers = readers_table(structure.table, codebook=book, values=values)
            atomic_write_bytes(table, xlsx_bytes(readers, sheet="Gioia"))
        typer.echo(f"wrote {table}")
