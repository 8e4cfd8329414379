"""The agreement command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from research.cli._app import ProjectOption, app, check_coders, open_project_for_command


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
    include_children: Annotated[
        bool,
        typer.Option(
            "--include-children",
            help="Count each coding for its code's parents too (a parent's agreement "
            "from its children's codings).",
        ),
    ] = False,
    maxqda: Annotated[
        str | None,
        typer.Option(
            help="MAXQDA's criterion instead of the statistics: presence, frequency or "
            "overlap (two coders), to compare with a MAXQDA report.",
        ),
    ] = None,
    min_share: Annotated[
        float,
        typer.Option(help="With --maxqda overlap: the share two segments must overlap."),
    ] = 0.9,
    unitizing: Annotated[
        bool,
        typer.Option(
            "--unitizing",
            help="Krippendorff's unitizing alphas per code and overall, with intervals "
            "that resample documents.",
        ),
    ] = False,
    n_boot: Annotated[
        int, typer.Option(help="Bootstrap resamples for the intervals (0: none).")
    ] = 1000,
    project: ProjectOption = Path("."),
) -> None:
    """Intercoder agreement per code and overall, weakest codes first."""
    from research.agreement import CRITERIA, agreement_report, read_documents_coded

    if unit not in ("segment", "character", "document"):
        raise typer.BadParameter("use segment, character or document", param_hint="--unit")
    if maxqda is not None and maxqda not in CRITERIA:
        raise typer.BadParameter(f"use {', '.join(CRITERIA)}", param_hint="--maxqda")
    if maxqda is not None and unitizing:
        raise typer.BadParameter("choose --maxqda or --unitizing, not both", param_hint="--maxqda")
    if not 0 < min_share <= 1:
        raise typer.BadParameter("give a share between 0 and 1, e.g. 0.9", param_hint="--min-share")
    if n_boot < 0:
        raise typer.BadParameter("give 0 (no interval) or more", param_hint="--n-boot")
    if len(coders) < 2:
        raise typer.BadParameter("name at least two coders", param_hint="--coders")
    proj = open_project_for_command(project)
    check_coders(proj, coders)
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
    import pandas as pd

    if unitizing:
        from research.agreement import unitizing_summary, unitizing_table

        lengths = {doc: len(text) for doc, text in corpus.texts().items()}
        options = dict(
            coders=coders,
            codes=codes,
            documents_coded=done,
            infer_documents=infer_documents,
            include_children=include_children,
            n_boot=n_boot,
        )
        summary = unitizing_summary(proj.codings, lengths, **options)
        table = unitizing_table(proj.codings, lengths, **options)
        with pd.option_context("display.width", 160, "display.max_columns", 20):
            typer.echo(summary.to_string(index=False))
            typer.echo("")
            typer.echo(table.to_string(index=False))
        typer.echo(
            f"{len(table.attrs['documents'])} documents; intervals from {n_boot} resamples "
            "of the documents."
        )
    else:
        table = agreement_report(
            proj.codings,
            corpus.segments,
            corpus.texts() if unit == "character" and maxqda is None else None,
            coders=coders,
            unit=unit,
            codes=codes,
            html_path=html,
            documents_coded=done,
            infer_documents=infer_documents,
            n_boot=n_boot,
            codebook=proj.codebook if html is not None else None,
            include_children=include_children,
            maxqda=maxqda,
            min_share=min_share,
        )
        with pd.option_context("display.width", 160, "display.max_columns", 20):
            typer.echo(table.to_string(index=False))
        if table.attrs.get("caveat"):
            typer.echo(table.attrs["caveat"])
    if out is not None:
        from research.files import atomic_write_text, csv_text

        atomic_write_text(out, csv_text(table))
        typer.echo(f"table written to {out}")
    if html is not None:
        typer.echo(f"disagreements written to {html}")
