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
    project: ProjectOption = Path("."),
) -> None:
    """Intercoder agreement per code and overall, weakest codes first."""
    from research.agreement import agreement_report, read_documents_coded

    if unit not in ("segment", "character", "document"):
        raise typer.BadParameter("use segment, character or document", param_hint="--unit")
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
