"""Pseudonymisation commands: propose, apply and revert the key; check for leaks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from research.cli._app import ProjectOption, app, open_project_for_command, print_problems

_SHOWN = 20
_CANDIDATES = 30

privacy_app = typer.Typer(
    help="Privacy: search the project, its outputs and exports for the real names of the key.",
    no_args_is_help=True,
)
app.add_typer(privacy_app, name="privacy")


@app.command()
def pseudonymise(
    propose: Annotated[
        bool,
        typer.Option(
            "--propose",
            help="Add the names the key lacks (spaCy's entities, speaker labels, actor "
            "registry, metadata) to the key, without pseudonyms; nothing is replaced.",
        ),
    ] = False,
    apply: Annotated[
        bool,
        typer.Option(
            "--apply",
            help="Replace every real name of the key in documents, codings, tables, "
            "codebook and memos; all or nothing; originals kept in private/raw/.",
        ),
    ] = False,
    revert: Annotated[
        bool,
        typer.Option("--revert", help="Put back the originals kept by --apply, byte for byte."),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="With --apply or --revert: say what would change.")
    ] = False,
    entities: Annotated[
        bool,
        typer.Option(
            "--entities/--no-entities",
            help="With --propose: use spaCy's French model to find names (slower).",
        ),
    ] = True,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="With --revert: also files changed since (their changes are lost)."
        ),
    ] = False,
    project: ProjectOption = Path("."),
) -> None:
    """Pseudonymise the project with its key (private/pseudonyms.yaml): propose, apply, revert."""
    chosen = [
        name
        for name, on in (("--propose", propose), ("--apply", apply), ("--revert", revert))
        if on
    ]
    if len(chosen) != 1:
        raise typer.BadParameter(
            "give exactly one of --propose, --apply and --revert"
            + (f" (not {' and '.join(chosen)})" if chosen else ""),
            param_hint="'--propose' / '--apply' / '--revert'",
        )
    proj = open_project_for_command(project)
    if propose:
        _propose(proj, entities=entities)
    elif apply:
        _apply(proj, dry_run=dry_run)
    else:
        _revert(proj, force=force, dry_run=dry_run)


def _propose(proj, *, entities: bool) -> None:
    from research.privacy import write_proposals

    path, candidates = write_proposals(proj, entities=entities)
    shown = proj.paths.relative(path)
    if not candidates:
        typer.echo(f"no new name to propose: {shown} knows every name found")
        return
    for c in candidates:
        where = f"{c.path}, line {c.line}" if c.path else "not in the documents"
        typer.echo(f"{c.kind}\t{c.form}\t{c.count}\t{where}")
    kinds = {}
    for c in candidates:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    typer.echo(
        f"{len(candidates)} name(s) added to {shown} ({summary}), without pseudonyms: write "
        "each pseudonym (or keep: true), then run research pseudonymise --apply"
    )


def _apply(proj, *, dry_run: bool) -> None:
    from research.privacy import apply_pseudonymisation, raw_folder

    plan = apply_pseudonymisation(proj, dry_run=dry_run)
    if not plan:
        typer.echo("nothing to replace: no real name of the key is left in the project")
        return
    verb = "would change" if dry_run else "pseudonymised"
    changes = plan.changes
    for i, change in enumerate(changes):
        rel = proj.paths.relative(change.path)
        following = changes[i + 1] if i + 1 < len(changes) else None
        if change.removed and following is not None and following.created:
            new = proj.paths.relative(following.path)
            how = (
                "its Markdown version"
                if following.path.stem == change.path.stem
                else "its renamed version"
            )
            typer.echo(f"{verb} {rel}: replaced by {how} {new} ({following.replacements} name(s))")
        elif change.created and i and changes[i - 1].removed:
            continue
        else:
            count = f" ({change.replacements} name(s))" if change.replacements else ""
            typer.echo(f"{verb} {rel}{count}")
    for form, count in sorted(plan.counts.items(), key=lambda item: (-item[1], item[0])):
        typer.echo(f"  {form}: {count}")
    codings = (
        (f"; {plan.codings_moved} coding(s) moved with their text" if plan.codings_moved else "")
        + (
            f", {plan.codings_widened} widened to the whole pseudonym"
            if plan.codings_widened
            else ""
        )
        + (f", {plan.codings_merged} identical merged" if plan.codings_merged else "")
    )
    if dry_run:
        typer.echo(
            f"{len(plan.changes)} file(s), {plan.replacements} replacement(s){codings}; nothing written (--dry-run)"
        )
        return
    typer.echo(
        f"{len(plan.changes)} file(s) rewritten, {plan.replacements} replacement(s){codings}; "
        f"originals in {proj.paths.relative(raw_folder(proj))}/ "
        "(research pseudonymise --revert puts them back)"
    )
    outputs = proj.paths.outputs
    if outputs.is_dir() and any(p.name != "README.md" for p in outputs.iterdir()):
        typer.echo(
            f"note: {proj.paths.relative(outputs)}/ was made from the real names: rerun the "
            "chapters (research run --force) or delete it, then run research privacy check",
            err=True,
        )


def _revert(proj, *, force: bool, dry_run: bool) -> None:
    from research.privacy import revert_pseudonymisation

    done = revert_pseudonymisation(proj, force=force, dry_run=dry_run)
    verb = "would put back" if dry_run else "put back"
    for path in done.restored:
        typer.echo(f"{verb} {proj.paths.relative(path)}")
    for path in done.removed:
        typer.echo(f"{'would remove' if dry_run else 'removed'} {proj.paths.relative(path)}")
    if done.overwritten:
        typer.echo(
            f"warning: changes made since the pseudonymisation are lost in "
            f"{len(done.overwritten)} file(s): {', '.join(done.overwritten[:8])}",
            err=True,
        )
    typer.echo(
        f"{len(done.restored)} file(s) put back, {len(done.removed)} removed"
        + ("; nothing written (--dry-run)" if dry_run else "")
    )


@privacy_app.command("check")
def privacy_check(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders to search (exports: .qdpx, IRaMuTeQ .txt, .docx, .xlsx…); "
            "default: the whole project and its outputs."
        ),
    ] = None,
    entities: Annotated[
        bool,
        typer.Option(
            "--entities/--no-entities",
            help="Also list the names spaCy finds in the documents that the key does not know.",
        ),
    ] = True,
    outputs: Annotated[
        bool, typer.Option("--outputs/--no-outputs", help="Search outputs/ too.")
    ] = True,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Fail on names not in the key too, not only on real names."),
    ] = False,
    project: ProjectOption = Path("."),
) -> None:
    """Search for every real name of the key (any case, accents, spacing); exit 1 on a hit."""
    from research.privacy import check_privacy

    proj = open_project_for_command(project)
    report = check_privacy(
        proj,
        files or None,
        outputs=outputs,
        entities=entities and not files,
        skip=standard_notebooks(proj),
    )
    key_path = proj.paths.relative(proj.pseudonym_key)
    if report.key is None or not len(report.key):
        typer.echo(
            f"no pseudonym key in {key_path}: no real name to look for "
            "(research pseudonymise --propose starts one)",
            err=True,
        )
    for leak in report.leaks:
        typer.echo(leak.problem().format())
    for c in report.candidates[:_CANDIDATES]:
        where = f"{c.path}, line {c.line}: " if c.path else ""
        typer.echo(
            f"warning: {where}name not in the key: {c.form!r} ({c.kind}, {c.count} occurrence(s))"
        )
    if len(report.candidates) > _CANDIDATES:
        typer.echo(
            f"… and {len(report.candidates) - _CANDIDATES} more names not in the key, less "
            "frequent (research pseudonymise --propose adds them all to the key for review)"
        )
    print_problems(report.problems)
    if report.unread:
        shown = ", ".join(report.unread[:5]) + (" …" if len(report.unread) > 5 else "")
        typer.echo(
            f"note: {len(report.unread)} file(s) cannot be searched (images, PDF): {shown}; "
            "a figure's SVG version is searched",
            err=True,
        )
    files_with = len({leak.path for leak in report.leaks})
    unread = sum(p.severity == "error" for p in report.problems)
    if unread and not report.leaks:
        typer.echo(f"{unread} file(s) given could not be searched", err=True)
    elif report.leaks:
        typer.echo(
            f"{len(report.leaks)} real name(s) found in {files_with} file(s) of "
            f"{report.scanned} searched",
            err=True,
        )
    else:
        typer.echo(f"no real name of the key found ({report.scanned} file(s) searched)")
    if report.candidates:
        typer.echo(
            f"{len(report.candidates)} name(s) not in the key to review: add them to the key "
            "(research pseudonymise --propose) or with keep: true"
        )
    if report.leaks or unread or (strict and report.candidates):
        raise typer.Exit(1)


def standard_notebooks(proj) -> list[Path]:
    """The project's notebooks that are standard chapters it has not changed.

    Their text is the package's, not the project's: a name in them (an example in
    a comment) is no leak of the project's people.
    """
    from research.pipeline import standard_chapters

    same = []
    for chapter in standard_chapters():
        mine = proj.paths.notebooks / chapter.notebook.name
        if mine.is_file() and mine.read_bytes() == chapter.notebook.read_bytes():
            same.append(mine)
    return same


def refuse_real_names(proj, *, allow: bool, action: str) -> None:
    """Stop a command that would take real names of the key out of the project.

    Lists the names found (at most 20), unless ``allow`` (``--allow-real-names``),
    which only warns.
    """
    from research.errors import ResearchError
    from research.privacy import real_names_leaving

    try:
        leaks = real_names_leaving(proj, skip=standard_notebooks(proj))
    except ResearchError as exc:
        if not allow:
            raise
        typer.echo(f"warning: the pseudonym key was not checked ({exc})", err=True)
        return
    if not leaks:
        return
    if allow:
        typer.echo(
            f"warning: {len(leaks)} real name(s) of the pseudonym key are in the project; "
            f"{action} goes on as --allow-real-names asks",
            err=True,
        )
        return
    for leak in leaks[:_SHOWN]:
        typer.echo(leak.problem().format(), err=True)
    if len(leaks) > _SHOWN:
        typer.echo(
            f"… and {len(leaks) - _SHOWN} more (research privacy check lists them all)", err=True
        )
    typer.echo(
        f"error: {action} refused: {len(leaks)} real name(s) of the pseudonym key would leave "
        "the project (hint: run research pseudonymise --apply, or pass --allow-real-names "
        "to go on anyway)",
        err=True,
    )
    raise typer.Exit(1)
