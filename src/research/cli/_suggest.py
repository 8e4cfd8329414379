"""``research suggest``: codes suggested from a coder's codings, then reviewed by a person."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from research.cli._app import CoderOption, ProjectOption, app, open_project_for_command

suggest_app = typer.Typer(
    help="Suggest codes for uncoded passages from a coder's codings (cross-validated by "
    "document, next to a keyword baseline); review them with 'research suggest review'.",
    no_args_is_help=False,
)
app.add_typer(suggest_app, name="suggest")


def _short(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _number(value) -> str:
    return "   -" if value != value or value is None else f"{value:4.2f}"


def _echo_report(report) -> None:
    typer.echo(
        f"{'code':<40} {'examples':>8} {'docs':>5} {'prec':>5} {'recall':>6} {'F1':>5}"
        f" {'kw F1':>6}  status"
    )
    for row in report.itertuples(index=False):
        typer.echo(
            f"{_short(row.code, 40):<40} {row.examples:>8} {row.documents:>5} "
            f"{_number(row.precision):>5} {_number(row.recall):>6} {_number(row.f1):>5} "
            f"{_number(row.baseline_f1):>6}  {row.status}"
        )


def _documents_finished(proj, coder: str) -> list[str] | None:
    """The documents ``coder`` finished according to ``coders.yaml``, if it says."""
    from research.agreement import read_documents_coded
    from research.errors import AgreementError, InputError

    try:
        done = read_documents_coded(proj.paths.codings, doc_ids=proj.corpus.doc_ids)
    except AgreementError as exc:
        raise InputError(str(exc)) from None
    if done is None or coder not in done:
        return None
    return sorted(done[coder])


@suggest_app.callback(invoke_without_command=True)
def suggest(
    ctx: typer.Context,
    coder: Annotated[
        str | None, typer.Option("--coder", "-c", help="The coder whose codings the model learns.")
    ] = None,
    codes: Annotated[
        str | None, typer.Option(help="Only these codes (an id or a pattern such as 'iw.*').")
    ] = None,
    threshold: Annotated[
        float, typer.Option(help="Probability from which a passage is suggested.")
    ] = 0.5,
    min_examples: Annotated[
        int, typer.Option(help="Fewest coded segments a code needs to get a model.")
    ] = 10,
    limit: Annotated[
        int, typer.Option(help="Most suggestions per code, the likeliest (0: all of them).")
    ] = 50,
    uncertain: Annotated[
        bool,
        typer.Option(
            "--uncertain",
            help="Most uncertain first (probabilities nearest 0.5, on either side of the "
            "threshold): the decisions that teach the next model most.",
        ),
    ] = False,
    lemmas: Annotated[
        bool, typer.Option(help="Use the lemmas of the French model besides the words.")
    ] = True,
    seed: Annotated[int, typer.Option(help="Seed of the folds and the model.")] = 0,
    out: Annotated[
        Path | None,
        typer.Option(
            help="Write the suggestions to this .csv or .xlsx (with FILE.provenance.json beside it), "
            "to review."
        ),
    ] = None,
    project: ProjectOption = Path("."),
) -> None:
    """Learn each code of a coder's codings, print how well it is predicted, suggest passages.

    The documents the coder finished (coders.yaml, or those with a coding made by
    hand) are the examples; the other documents get the suggestions. A code whose
    model does not beat a keyword baseline suggests nothing. Nothing is coded:
    fill the 'decision' column of --out with accept or reject, then run
    'research suggest review FILE --coder NAME' (or review with --interactive).
    """
    if ctx.invoked_subcommand is not None:
        return
    if coder is None:
        raise typer.BadParameter("say whose codings to learn from", param_hint="--coder")
    from research.cli._app import check_coders
    from research.coding import CodingSession

    if out is not None and out.suffix.lower() not in (".csv", ".xlsx"):
        raise typer.BadParameter(f"{out} must end in .csv or .xlsx", param_hint="--out")
    proj = open_project_for_command(project)
    check_coders(proj, [coder])
    session = CodingSession(proj, coder)
    found = session.suggestions(
        codes,
        threshold=threshold,
        min_examples=min_examples,
        seed=seed,
        lemmas=lemmas,
        documents=_documents_finished(proj, coder),
        order="uncertainty" if uncertain else "probability",
        limit=limit or None,
    )
    report = found.attrs["report"]
    provenance = found.attrs["provenance"]
    typer.echo(f"model {provenance['id']}: cross-validated by document, threshold {threshold:.2f}")
    _echo_report(report)
    if found.empty:
        typer.echo(_why_none(report, provenance, proj), err=True)
    if out is not None:
        from research.suggest import write_suggestions

        path, side = write_suggestions(found, out, provenance=provenance, report=report)
        typer.echo(
            f"{len(found)} suggestion(s) written to {path} (provenance: {side.name}); fill "
            f"'decision' with accept or reject, then: research suggest review {path} --coder {coder}"
        )
        return
    for row in found.head(30).itertuples(index=False):
        typer.echo(
            f"{row.probability:.2f}\t{row.code}\t{row.seg_id}\t{_short(row.quote, 70)}\t[{row.words}]"
        )
    more = " (the first 30 shown; --out FILE writes them all)" if len(found) > 30 else ""
    typer.echo(f"{len(found)} suggestion(s){more}; nothing coded")


def _why_none(report, provenance, proj) -> str:
    """Why a model makes no suggestion."""
    if not (report["status"] == "suggests").any():
        return (
            "no suggestion: no code has enough examples and a model that beats its keyword "
            f"baseline (at least {report.attrs['min_examples']} coded segments in two documents)"
        )
    if len(provenance["training_documents"]) >= len(proj.corpus.documents):
        return (
            f"no suggestion: {provenance['coder']} has coded every document (suggestions are made "
            "for the documents not coded yet; coders.yaml says which are finished)"
        )
    return "no suggestion above the threshold (lower it with --threshold, or try --uncertain)"


def _decided(session, rows):
    """Whether each row was already decided: coded by the coder, or rejected."""
    from research.suggest import read_rejections

    coded = set(
        zip(
            session.codings["doc_id"],
            session.codings["start"],
            session.codings["end"],
            session.codings["code"],
            strict=True,
        )
    )
    rejected = read_rejections(session.folder, session.coder)
    refused = set(zip(rejected["doc_id"], rejected["code"], rejected["quote"], strict=True))
    return [
        (r.doc_id, r.start, r.end, r.code) in coded
        or (r.doc_id, r.code, str(getattr(r, "quote", ""))) in refused
        for r in rows.itertuples(index=False)
    ]


def _ask(session, rows) -> list:
    """Ask for a decision on each undecided row; stop at 'q'."""
    decisions = list(rows["decision"])
    already = _decided(session, rows)
    pending = [i for i, d in enumerate(decisions) if d is None and not already[i]]
    for n, i in enumerate(pending, start=1):
        row = rows.iloc[i]
        label = f" ({row['label']})" if "label" in rows.columns and row["label"] else ""
        typer.echo(
            f"\n[{n}/{len(pending)}] {row['code']}{label}, probability "
            f"{row.get('probability', float('nan')):.2f}, {row['doc_id']} {row['start']}-{row['end']}"
        )
        typer.echo(
            f"  « {_short(session.corpus.text(row['doc_id'])[row['start'] : row['end']], 400)} »"
        )
        if "words" in rows.columns and row["words"]:
            typer.echo(f"  words that weighed most: {row['words']}")
        while True:
            answer = (
                typer.prompt("  [a]ccept, [r]eject, [s]kip, [q]uit", default="s").strip().lower()
            )
            if answer in ("a", "r", "s", "q"):
                break
        if answer == "q":
            break
        decisions[i] = {"a": "accept", "r": "reject", "s": None}[answer]
    return decisions


@suggest_app.command("review")
def review(
    file: Annotated[
        Path, typer.Argument(help="The suggestions file 'research suggest --out' wrote.")
    ],
    coder: CoderOption,
    interactive: Annotated[
        bool,
        typer.Option(
            "--interactive", "-i", help="Ask for each suggestion without a decision in the file."
        ),
    ] = False,
    project: ProjectOption = Path("."),
) -> None:
    """Apply the decisions of a suggestions file (accept, reject, or empty to decide later).

    Accepted suggestions become codings of CODER, with a memo naming the model;
    rejected ones are remembered and never suggested again.
    """
    from research.coding import CodingSession
    from research.suggest import read_suggestions

    rows = read_suggestions(file)
    session = CodingSession(open_project_for_command(project), coder)
    if interactive:
        rows = rows.assign(decision=_ask(session, rows))
    if rows["decision"].isna().all():
        typer.echo(
            f"no decision in {file}: write accept or reject (oui or non) in its 'decision' "
            "column, or review with --interactive"
        )
        return
    counts = session.review(rows)
    session.save()
    typer.echo(
        f"{counts['accepted']} accepted (coded for {coder}), {counts['rejected']} rejected "
        f"(remembered), {counts['undecided']} left undecided"
    )
