"""The ``research`` command: a thin layer over the library's functions.

Every command works on the project that contains the current folder (or
``--project``). Errors a user can fix are printed as one clear line, without a
traceback, and the command exits with status 1 (2 for wrong arguments).
"""

from __future__ import annotations

import sys
from enum import StrEnum
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


def _open(path: Path, *, announce: bool = True):
    """Open the project; say in one line what was done of a change interrupted by a kill."""
    from research.project import open_project

    project = open_project(path)
    if announce:
        for problem in project.recovered:
            if problem.severity == "warning":
                typer.echo(problem.format(), err=True)
    return project


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        typer.echo(problem.format(), err=problem.severity == "error")


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
def validate(project: ProjectOption = Path(".")) -> None:
    """Check documents, tables, codebook and codings; print every problem found."""
    proj = _open(project, announce=False)
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
        str | None,
        typer.Option(
            help="Document kind to record (interview, minutes, logbook, note, document); "
            "default: inferred from each document (speaker turns: interview; headings "
            "or lists: minutes)."
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
    written unless every file imports cleanly.
    """
    from research.corpus import plan_import, write_imports

    proj = _open(project)
    planned = plan_import(proj, paths, kind=kind, folder=folder, force=force)
    write_imports(planned, journal=proj.root)
    for item in planned:
        typer.echo(
            f"imported {proj.paths.relative(item.target)} from {item.source.name}: "
            f"{item.kind} ({item.reason})"
        )


@app.command()
def overview(
    project: ProjectOption = Path("."),
    out: Annotated[
        Path | None, typer.Option(help="Folder for the tables (default: outputs/overview).")
    ] = None,
) -> None:
    """Summarise the corpus and the edition tables; write the tables as CSV."""
    from research.project import format_totals, write_overview

    proj = _open(project)
    tables = proj.tables if proj.paths.tables.is_dir() else {}
    folder = out or proj.paths.outputs / "overview"
    totals = write_overview(proj.corpus, tables, folder)
    typer.echo(format_totals(totals))
    typer.echo(f"tables written to {proj.paths.relative(folder)}/")


# -- coding ------------------------------------------------------------------------------

code_app = typer.Typer(
    help="Code passages for a coder, list and retrieve codings, draw a coded document.",
    no_args_is_help=True,
)
app.add_typer(code_app, name="code")

CoderOption = Annotated[str, typer.Option("--coder", "-c", help="The coder (file <coder>.csv).")]
MemoOption = Annotated[str | None, typer.Option(help="A memo kept with the coding.")]


def _session(project: Path, coder: str):
    from research.coding import CodingSession

    return CodingSession(_open(project), coder)


def _check_coders(proj, coders: list[str]) -> None:
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


def _check_kind(proj, kind: str | None) -> None:
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


def _echo_codings(frame) -> None:
    for row in frame.itertuples(index=False):
        quote = " ".join(str(row.quote).split())
        quote = quote if len(quote) <= 70 else quote[:67] + "…"
        typer.echo(f"{row.coder}\t{row.doc_id}\t{row.start}-{row.end}\t{row.code}\t{quote}")


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
    _echo_codings(session.code_text(doc_id, words, code, memo, occurrence=occurrence))
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
    _echo_codings(session.code_span(doc_id, start, end, code, memo))
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
    _echo_codings(session.code_segment(seg_id, code, memo))
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
    _check_kind(session.project, kind)
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
    _echo_codings(made)
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
    proj = _open(project)
    codings = proj.codings
    if coder:
        _check_coders(proj, [coder])
        codings = codings[codings["coder"] == coder]
    if code:
        codings = codings[codings["code"].isin(proj.codebook.expand(code))]
    if doc_id:
        codings = codings[codings["doc_id"] == doc_id]
    _echo_codings(codings)
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
    proj = _open(project)
    if coder:
        _check_coders(proj, [coder])
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

    proj = _open(project)
    if coder:
        _check_coders(proj, [coder])
    page = document_html(
        proj.corpus, proj.codings, proj.codebook, doc_id, coder=coder, standalone=True
    )
    path = out or proj.paths.outputs / "coding" / f"{doc_id}{'-' + coder if coder else ''}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, str(page))
    typer.echo(f"written {proj.paths.relative(path)}")


# -- codebook --------------------------------------------------------------------------------

codebook_app = typer.Typer(
    help="Show, revise (codings follow) and export the codebook.", no_args_is_help=True
)
app.add_typer(codebook_app, name="codebook")
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Say what would change; write nothing.")
]


def _apply(proj, change, dry_run: bool) -> None:
    from research.coding import apply_change

    if dry_run:
        typer.echo(change.summary)
        typer.echo("nothing written (--dry-run)")
        return
    written = apply_change(proj, change)  # a lock or write error is shown alone
    typer.echo(change.summary)
    for path in written:
        typer.echo(f"  wrote {proj.paths.relative(path)}")


@codebook_app.command("show")
def codebook_show(
    code: Annotated[str | None, typer.Argument(help="Only this branch.")] = None,
    full_ids: Annotated[bool, typer.Option("--full-ids", help="Show full dotted ids.")] = False,
    project: ProjectOption = Path("."),
) -> None:
    """Print the code tree."""
    proj = _open(project)
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

    proj = _open(project)
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
    proj = _open(project)
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

    proj = _open(project)
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
    proj = _open(project)
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

    proj = _open(project)
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

    proj = _open(project)
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

    proj = _open(project)
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
    project: ProjectOption = Path("."),
) -> None:
    """Export the project (documents, codebook, codings, attributes) or the codebook."""
    from research.exchange import export_project

    written = export_project(_open(project), path, coders=coder or None, units=units.value)
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
        bool, typer.Option("--force", help="Replace documents, codebook files and coder files.")
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

    proj = _open(project)
    imported, written = import_refiqda(
        proj, path, force=force, folder=folder, units=units.value, crlf=crlf.value
    )
    _print_problems(list(imported.problems))
    for item in written:
        typer.echo(f"imported {proj.paths.relative(item)}")
    typer.echo(
        f"{len(imported.documents)} document(s), {len(imported.codes)} code(s), "
        f"{len(imported.codings)} coding(s) of {len(imported.coders)} coder(s) "
        f"from {imported.origin or 'an unnamed program'}; positions counted in "
        f"{'UTF-16 units' if imported.units == 'utf16' else 'code points'}, "
        f"CRLF as {imported.crlf}"
    )


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

    notebooks = _open(project).paths.notebooks
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

    proj = _open(project)
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
    project: ProjectOption = Path("."),
) -> None:
    """Run the chapter notebooks into outputs/<chapter>/<run>/ and write outputs/index.html."""
    from research.pipeline import (
        ConsoleProgress,
        execute_runs,
        parse_assignments,
        plan_runs,
        write_index,
    )

    proj = _open(project)
    plans = plan_runs(
        proj, chapters, parameters=parse_assignments(param or []), no_code=no_code, force=force
    )
    display = ConsoleProgress(plans)
    try:
        results = execute_runs(plans, jobs=jobs, progress=display)
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

    proj = _open(project)
    typer.echo(f"index written to {proj.paths.relative(write_index(proj))}")


@app.command()
def agreement(
    coders: Annotated[
        list[str], typer.Argument(help="Coders to compare (two or more), after --coders.")
    ],
    _coders_flag: Annotated[
        bool, typer.Option("--coders", help="Marks the coders that follow (optional).")
    ] = False,
    unit: Annotated[
        str, typer.Option(help="Unit of agreement: segment, character or document.")
    ] = "segment",
    codes: Annotated[
        str | None, typer.Option(help="Codes to compare, e.g. 'iw.*' (default: all).")
    ] = None,
    html: Annotated[
        Path | None, typer.Option(help="Write the disagreement page for two coders here.")
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Write the table as CSV here.")] = None,
    infer_documents: Annotated[
        bool,
        typer.Option(
            "--infer-documents",
            help="Take the documents a coder has coded from their codings "
            "(instead of corpus/codings/coders.yaml).",
        ),
    ] = False,
    project: ProjectOption = Path("."),
) -> None:
    """Intercoder agreement per code and overall, weakest codes first."""
    from research.agreement import agreement_report, read_documents_coded

    if unit not in ("segment", "character", "document"):
        raise typer.BadParameter("use segment, character or document", param_hint="--unit")
    if len(coders) < 2:
        raise typer.BadParameter("name at least two coders", param_hint="--coders")
    proj = _open(project)
    _check_coders(proj, coders)
    corpus = proj.corpus
    done = (
        None
        if infer_documents
        else read_documents_coded(proj.paths.codings, doc_ids=corpus.doc_ids)
    )
    if done is None and not infer_documents:
        from research.errors import InputError

        coders_file = proj.paths.relative(proj.paths.codings / "coders.yaml")
        example = "; ".join(
            f"{c}: {{documents: {'all' if i == 0 else '[INT01, INT04]'}}}"
            for i, c in enumerate(coders[:2])
        )
        raise InputError(
            f"{coders_file} does not say which documents each coder finished, so agreement "
            "cannot tell a passage left uncoded from a document not yet read",
            hint=f"write {coders_file} with the documents each coder finished, as in "
            f"'{example}' (see docs/formats.md), or pass --infer-documents to take "
            "the documents each coder has coded",
        )
    table = agreement_report(
        proj.codings,
        corpus.segments,
        corpus.texts() if unit == "character" else None,
        coders=coders,
        unit=unit,
        codes=codes,
        html_path=html,
        documents_coded=done,
        infer_documents=infer_documents,
        codebook=proj.codebook if html is not None else None,
    )
    import pandas as pd

    with pd.option_context("display.width", 160, "display.max_columns", 20):
        typer.echo(table.to_string(index=False))
    if out is not None:
        from research.files import atomic_write_text, csv_text

        atomic_write_text(out, csv_text(table))
        typer.echo(f"table written to {out}")
    if html is not None:
        typer.echo(f"disagreements written to {html}")


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
        # Usage errors (bad option, missing argument) come from the command-line
        # parser bundled with typer; they know how to show themselves.
        if callable(getattr(exc, "show", None)) and isinstance(
            getattr(exc, "exit_code", None), int
        ):
            exc.show()
            return exc.exit_code
        raise
    return status if isinstance(status, int) else 0


if __name__ == "__main__":
    sys.exit(main())
