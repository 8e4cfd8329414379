"""Coding commands: code passages, list, retrieve and show codings, re-anchor them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from research.cli._app import (
    CoderOption,
    MemoOption,
    ProjectOption,
    app,
    check_coders,
    check_kind,
    echo_codings,
    open_project_for_command,
)

# -- coding ------------------------------------------------------------------------------

code_app = typer.Typer(
    help="Code passages for a coder, list and retrieve codings, draw a coded document.",
    no_args_is_help=True,
)
app.add_typer(code_app, name="code")


def _session(project: Path, coder: str):
    from research.coding import CodingSession

    return CodingSession(open_project_for_command(project), coder)


@code_app.command("text")
def code_text(
    doc_id: Annotated[str, typer.Argument(help="The document.")],
    words: Annotated[str, typer.Argument(help="The exact words to code, as in the text.")],
    code: Annotated[str, typer.Argument(help="The code id.")],
    coder: CoderOption,
    occurrence: Annotated[
        int | None, typer.Option(help="Which occurrence when the words appear several times.")
    ] = None,
    memo: MemoOption = None,
    project: ProjectOption = Path("."),
) -> None:
    """Code the passage of a document that reads WORDS."""
    session = _session(project, coder)
    echo_codings(session.code_text(doc_id, words, code, memo, occurrence=occurrence))
    session.save()


@code_app.command("span")
def code_span(
    doc_id: Annotated[str, typer.Argument(help="The document.")],
    start: Annotated[int, typer.Argument(help="First character (from 0).")],
    end: Annotated[int, typer.Argument(help="Character after the last one.")],
    code: Annotated[str, typer.Argument(help="The code id.")],
    coder: CoderOption,
    memo: MemoOption = None,
    project: ProjectOption = Path("."),
) -> None:
    """Code the characters START to END of a document."""
    session = _session(project, coder)
    echo_codings(session.code_span(doc_id, start, end, code, memo))
    session.save()


@code_app.command("segment")
def code_segment(
    seg_id: Annotated[str, typer.Argument(help="The segment id, e.g. INT01:0004.")],
    code: Annotated[str, typer.Argument(help="The code id.")],
    coder: CoderOption,
    memo: MemoOption = None,
    project: ProjectOption = Path("."),
) -> None:
    """Code a whole segment (a speaker turn or a paragraph)."""
    session = _session(project, coder)
    echo_codings(session.code_segment(seg_id, code, memo))
    session.save()


@code_app.command("matches")
def code_matches(
    pattern: Annotated[str, typer.Argument(help="A phrase, or a regular expression with --regex.")],
    code: Annotated[str, typer.Argument(help="The code id.")],
    coder: CoderOption,
    regex: Annotated[bool, typer.Option(help="PATTERN is a regular expression.")] = False,
    speaker: Annotated[
        list[str] | None, typer.Option(help="Only in turns of this speaker (label or actor id).")
    ] = None,
    section: Annotated[
        str | None, typer.Option(help="Only in sections matching this pattern.")
    ] = None,
    kind: Annotated[str | None, typer.Option(help="Only in documents of this kind.")] = None,
    segment: Annotated[bool, typer.Option(help="Code the whole segment of each match.")] = False,
    ignore_accents: Annotated[bool, typer.Option(help="Match without accents.")] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the matches, save nothing.")
    ] = False,
    project: ProjectOption = Path("."),
) -> None:
    """Code every match of PATTERN (optionally within a speaker, section or kind)."""
    session = _session(project, coder)
    check_kind(session.project, kind)
    made = session.code_matches(
        pattern,
        code,
        regex=regex,
        speaker=speaker or None,
        section=section,
        where={"kind": kind} if kind else None,
        unit="segment" if segment else "match",
        ignore_accents=ignore_accents,
    )
    echo_codings(made)
    if dry_run:
        typer.echo(f"{len(made)} coding(s) found; nothing saved (--dry-run)")
        return
    session.save()
    typer.echo(f"{len(made)} coding(s) saved for {coder}")


@code_app.command("remove")
def code_remove(
    coder: CoderOption,
    doc_id: Annotated[str | None, typer.Option("--doc", help="Only in this document.")] = None,
    code: Annotated[str | None, typer.Option(help="Only this code.")] = None,
    start: Annotated[int | None, typer.Option(help="Only codings starting here.")] = None,
    end: Annotated[int | None, typer.Option(help="Only codings ending here.")] = None,
    project: ProjectOption = Path("."),
) -> None:
    """Remove a coder's codings matching every option given."""
    session = _session(project, coder)
    n = session.remove(doc_id=doc_id, start=start, end=end, code=code)
    session.save()
    typer.echo(f"{n} coding(s) removed for {coder}")


@code_app.command("list")
def code_list(
    coder: Annotated[str | None, typer.Option("--coder", "-c", help="Only this coder.")] = None,
    code: Annotated[str | None, typer.Option(help="Only this code and its sub-codes.")] = None,
    doc_id: Annotated[str | None, typer.Option("--doc", help="Only this document.")] = None,
    project: ProjectOption = Path("."),
) -> None:
    """List codings (coder, document, offsets, code, quote)."""
    proj = open_project_for_command(project)
    codings = proj.codings
    if coder:
        check_coders(proj, [coder])
        codings = codings[codings["coder"] == coder]
    if code:
        codings = codings[codings["code"].isin(proj.codebook.expand(code))]
    if doc_id:
        codings = codings[codings["doc_id"] == doc_id]
    echo_codings(codings)
    typer.echo(f"{len(codings)} coding(s)", err=True)


@code_app.command("retrieve")
def code_retrieve(
    code: Annotated[str, typer.Argument(help="The code id (with its sub-codes).")],
    coder: Annotated[str | None, typer.Option("--coder", "-c", help="Only this coder.")] = None,
    children: Annotated[bool, typer.Option(help="Include the sub-codes.")] = True,
    context: Annotated[int, typer.Option(help="Characters of context on each side.")] = 0,
    out: Annotated[
        Path | None, typer.Option(help="Write the passages to this .csv or .xlsx file.")
    ] = None,
    project: ProjectOption = Path("."),
) -> None:
    """Print (or write as CSV or XLSX) every passage coded with CODE, with its source."""
    from research.coding import retrieve

    if out is not None and out.suffix.lower() not in (".csv", ".xlsx"):
        raise typer.BadParameter(
            f"{out} must end in .csv or .xlsx (the two formats written)", param_hint="--out"
        )
    proj = open_project_for_command(project)
    if coder:
        check_coders(proj, [coder])
    found = retrieve(
        proj.codings,
        proj.corpus,
        proj.codebook,
        code,
        include_children=children,
        context=context,
        coders=coder,
    )
    if out is not None:
        from research.files import atomic_write_bytes, atomic_write_text, csv_text, xlsx_bytes

        out.parent.mkdir(parents=True, exist_ok=True)
        if out.suffix.lower() == ".xlsx":
            atomic_write_bytes(out, xlsx_bytes(found, sheet=code))
        else:
            atomic_write_text(out, csv_text(found))
        typer.echo(f"{len(found)} passage(s) written to {out}")
        return
    for row in found.itertuples(index=False):
        typer.echo(
            f"[{row.citation}] ({row.code}, {row.coder})\n  « {' '.join(str(row.quote).split())} »"
        )
    typer.echo(f"{len(found)} passage(s)", err=True)


@code_app.command("show")
def code_show(
    doc_id: Annotated[str, typer.Argument(help="The document.")],
    coder: Annotated[str | None, typer.Option("--coder", "-c", help="Only this coder.")] = None,
    out: Annotated[
        Path | None, typer.Option(help="The HTML file (default: outputs/coding/).")
    ] = None,
    project: ProjectOption = Path("."),
) -> None:
    """Write a document with its codings highlighted and a margin of code labels (HTML)."""
    from research.coding import document_html
    from research.files import atomic_write_text

    proj = open_project_for_command(project)
    if coder:
        check_coders(proj, [coder])
    page = document_html(
        proj.corpus, proj.codings, proj.codebook, doc_id, coder=coder, standalone=True
    )
    path = out or proj.paths.outputs / "coding" / f"{doc_id}{'-' + coder if coder else ''}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, str(page))
    typer.echo(f"written {proj.paths.relative(path)}")


def _proposal_text(row) -> str:
    """Where an orphaned coding most likely went, and the two commands that move it there."""
    quote = " ".join(str(row.proposed_quote).split())
    quote = quote if len(quote) <= 70 else quote[:67] + "…"
    return (
        f"          closest passage: {row.proposed_start}-{row.proposed_end} "
        f"(similarity {row.proposed_score:.0f}/100) « {quote} »\n"
        f"          if it is the right one: research code remove -c {row.coder} --doc {row.doc_id} "
        f"--start {row.start} --end {row.end} --code {row.code} && research code span "
        f"{row.doc_id} {row.proposed_start} {row.proposed_end} {row.code} -c {row.coder}"
    )


@app.command()
def anchor(
    apply: Annotated[bool, typer.Option("--apply", help="Write the new offsets.")] = False,
    coder: Annotated[
        list[str] | None, typer.Option("--coder", "-c", help="Only this coder.")
    ] = None,
    project: ProjectOption = Path("."),
) -> None:
    """Find codings whose text moved after a correction; with --apply, record the new offsets.

    Orphaned codings (words no longer found) are listed and never dropped.
    """
    from research.coding import apply_reanchoring

    proj = open_project_for_command(project)
    report = apply_reanchoring(
        proj.paths.codings, proj.corpus, coders=coder or None, dry_run=not apply
    )
    for row in report.itertuples(index=False):
        if row.status == "moved":
            typer.echo(
                f"moved     {row.coder}\t{row.doc_id}\t{row.start}-{row.end} → "
                f"{row.new_start}-{row.new_end}\t{row.code}\t({row.method})"
            )
        else:
            typer.echo(
                f"orphaned  {row.coder}\t{row.doc_id}\t{row.start}-{row.end}\t{row.code}\t{row.reason}",
                err=True,
            )
            if row.proposed_quote is not None and row.proposed_quote == row.proposed_quote:
                typer.echo(_proposal_text(row), err=True)
    moved = int((report["status"] == "moved").sum())
    orphaned = len(report) - moved
    verb = "re-anchored" if apply else "to re-anchor (run with --apply)"
    typer.echo(f"{moved} coding(s) {verb}; {orphaned} orphaned")
    if orphaned:
        raise typer.Exit(1)
