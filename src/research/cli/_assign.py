"""``research assign``: documents given to a coder before coding, and those they finished."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from research.cli._app import ProjectOption, app, check_kind, open_project_for_command


def _check_documents(proj, doc_ids: list[str]) -> None:
    from research.errors import UnknownIdError

    known = set(proj.corpus.doc_ids)
    for doc_id in doc_ids:
        if doc_id not in known:
            raise UnknownIdError("document", doc_id, known, hint="document ids are in corpus/")


def _show(proj) -> None:
    from research.coding import read_coders_file

    work = read_coders_file(proj.paths.codings) or {}
    if not work:
        typer.echo("no coders.yaml yet: nobody was given documents or finished any")
        return
    total = len(proj.corpus.doc_ids)
    for coder, entry in work.items():
        finished = (
            "all" if entry.finished == "all" else str(len(entry.finished_documents()))
        ) + " finished"
        given = ""
        if entry.assigned is not None:
            done = len(set(entry.assigned) & entry.finished_documents(proj.corpus.doc_ids))
            given = (
                f", given {len(entry.assigned)} ({done} finished{', blind' if entry.blind else ''})"
            )
            if entry.sample:
                s = entry.sample
                given += f" drawn with share {s.get('share')}, seed {s.get('seed')}"
                given += f", by {s['by']}" if s.get("by") else ""
        typer.echo(f"{coder}: {finished} of {total} documents{given}")


@app.command()
def assign(
    documents: Annotated[
        list[str] | None,
        typer.Argument(
            help="Documents to give to the coder (default: draw them with --share); with "
            "--finished, the documents the coder finished ('all' for every one)."
        ),
    ] = None,
    coder: Annotated[
        str | None, typer.Option("--coder", "-c", help="The coder; without it, list who has what.")
    ] = None,
    share: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="Draw this share of the documents (0.2: a fifth)."),
    ] = None,
    seed: Annotated[
        int | None, typer.Option(help="Seed of the draw (needed with --share, kept in the file).")
    ] = None,
    by: Annotated[
        str, typer.Option(help="Document attribute the draw is stratified by ('' for none).")
    ] = "kind",
    kind: Annotated[
        str | None, typer.Option(help="Draw among documents of this kind only.")
    ] = None,
    blind: Annotated[
        bool,
        typer.Option(
            "--blind/--open", help="Code the documents without seeing the others' codings."
        ),
    ] = True,
    finished: Annotated[
        bool, typer.Option("--finished", help="Record DOCUMENTS as finished by the coder.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace documents already given to the coder.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the draw; write nothing.")
    ] = False,
    project: ProjectOption = Path("."),
) -> None:
    """Give a coder documents before coding (a blind reliability sample), or record those
    they finished; in corpus/codings/coders.yaml, which agreement follows.

    research assign --coder sam --share 0.2 --seed 7 draws a fifth of the documents,
    stratified by kind; the agreement of sam with another coder is then computed on
    exactly those documents, once recorded as finished (research assign --coder sam
    --finished INT01 …).
    """
    from research.coding import (
        CoderWork,
        assign_documents,
        draw_sample,
        mark_finished,
        read_coders_file,
    )
    from research.errors import CodingError

    proj = open_project_for_command(project)
    if coder is None:
        if documents or share is not None or finished:
            raise CodingError("say which coder with --coder")
        _show(proj)
        return
    folder = proj.paths.codings
    where = proj.paths.relative(folder / "coders.yaml")
    if finished:
        if not documents:
            raise CodingError("give the finished documents, or 'all'")
        if documents != ["all"]:
            _check_documents(proj, documents)
        if not dry_run:
            mark_finished(folder, coder, "all" if documents == ["all"] else documents)
        typer.echo(f"{coder}: {', '.join(documents)} recorded as finished in {where}")
        return
    if share is None and not documents:
        raise CodingError(
            "give the documents, or draw them with --share and --seed",
            hint="for instance: research assign --coder sam --share 0.2 --seed 7",
        )
    if share is not None and documents:
        raise CodingError("give the documents or --share, not both")
    if share is not None and seed is None:
        raise CodingError(
            "a draw needs --seed, so that anyone can draw the same sample again",
            hint="for instance --seed 7 (any whole number; it is kept in coders.yaml)",
        )
    given = ((read_coders_file(folder) or {}).get(coder) or CoderWork(coder)).assigned
    if given is not None and not force and not dry_run:
        raise CodingError(
            f"{coder} was already given {len(given)} document(s) in {where}",
            hint="use --force to give them other documents instead, or --dry-run to see a draw",
        )
    sample = None
    if share is not None:
        check_kind(proj, kind)
        population = proj.corpus.documents
        if kind is not None:
            population = population[population["kind"] == kind]
        documents = draw_sample(population, share=share, seed=seed, by=by or None)
        sample = {"share": share, "seed": seed, "by": by or None, "population": len(population)}
        if kind is not None:
            sample["kind"] = kind
        strata = population.set_index("doc_id").loc[documents, by] if by else None
        counts = "" if strata is None else ", ".join(
            f"{value}: {n}" for value, n in sorted(strata.fillna("").astype(str).value_counts().items())
        )  # fmt: skip
        typer.echo(
            f"drew {len(documents)} of {len(population)} documents"
            + (f" ({counts})" if counts else "")
        )
    else:
        _check_documents(proj, documents)
    typer.echo(" ".join(documents))
    if dry_run:
        typer.echo("nothing written (--dry-run)")
        return
    assign_documents(folder, coder, documents, blind=blind, sample=sample, force=force)
    mode = "blind: the other coders' codings are hidden in them" if blind else "open"
    typer.echo(f"{coder} is given {len(documents)} document(s) in {where} ({mode})")
