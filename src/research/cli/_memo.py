"""Memo commands: write a memo, list and show memos, a code's memos with its passages, the index page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from research.cli._app import ProjectOption, app, open_project_for_command

memo_app = typer.Typer(
    help="Write memos (theoretical, methodological, reflexive, about a code or a document), "
    "list and show them, write the memo index page.",
    no_args_is_help=True,
)
app.add_typer(memo_app, name="memo")


def _coding_link(proj, spec: str):
    """The coding named by ``CODER:DOC_ID:START[-END][:CODE]``, as a memo's link."""
    from research.errors import InputError
    from research.memos import CodingLink

    parts = spec.split(":")
    hint = "write CODER:DOC_ID:START[-END][:CODE], as research code list prints them"
    if len(parts) not in (3, 4):
        raise InputError(f"--coding {spec!r} does not name a coding", hint=hint)
    coder, doc_id, span = parts[:3]
    code = parts[3] if len(parts) == 4 else None
    first, _, last = span.partition("-")
    if not first.isdigit() or (last and not last.isdigit()):
        raise InputError(f"--coding {spec!r}: {span!r} is not START or START-END", hint=hint)
    codings = proj.codings
    found = codings[
        (codings["coder"] == coder)
        & (codings["doc_id"] == doc_id)
        & (codings["start"] == int(first))
        & ((codings["end"] == int(last)) if last else True)
        & ((codings["code"] == code) if code else True)
    ]
    if len(found) != 1:
        what = "no coding" if not len(found) else f"{len(found)} codings"
        more = " (add :CODE to choose one)" if len(found) > 1 else ""
        raise InputError(f"--coding {spec!r}: {what} of {coder!r} there{more}", hint=hint)
    row = found.iloc[0]
    return CodingLink(coder, doc_id, str(row["code"]), int(row["start"]), str(row["quote"]))


def _check_links(proj, codes: list[str], documents: list[str], memos: list[str]) -> None:
    from research.errors import UnknownIdError

    for code in codes:
        proj.codebook.check(code)
    known_docs = proj.corpus.doc_ids if documents else []
    for doc_id in documents:
        if doc_id not in known_docs:
            raise UnknownIdError("document", doc_id, known_docs)
    if memos:
        known = set(proj.memos["memo_id"].astype(str))
        for other in memos:
            if other not in known:
                raise UnknownIdError("memo", other, known)


@memo_app.command("new")
def memo_new(
    title: Annotated[str, typer.Argument(help="The memo's title.")],
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            "-k",
            help="theoretical, methodological, reflexive, code, document, or a kind "
            "of research.yaml (memos: kinds:).",
        ),
    ],
    code: Annotated[
        list[str] | None, typer.Option("--code", help="A code it is about (repeatable).")
    ] = None,
    doc: Annotated[
        list[str] | None, typer.Option("--doc", help="A document it is about (repeatable).")
    ] = None,
    coding: Annotated[
        list[str] | None,
        typer.Option(
            "--coding",
            help="A coding it is about: CODER:DOC_ID:START[-END][:CODE] (repeatable).",
        ),
    ] = None,
    memo: Annotated[
        list[str] | None, typer.Option("--memo", help="Another memo it follows (repeatable).")
    ] = None,
    author: Annotated[
        str | None,
        typer.Option(help="Who writes it (default: memos: author: of research.yaml)."),
    ] = None,
    date: Annotated[str | None, typer.Option(help="ISO date (default: today).")] = None,
    text: Annotated[
        str | None, typer.Option(help="The memo's text (else write it in the file).")
    ] = None,
    memo_id: Annotated[
        str | None,
        typer.Option("--id", help="The memo's id and file name (default: from the title)."),
    ] = None,
    project: ProjectOption = Path("."),
) -> None:
    """Write a new memo file in corpus/memos/ and print its path."""
    from research.memos import new_memo

    proj = open_project_for_command(project)
    codes, documents, memos = list(code or []), list(doc or []), list(memo or [])
    _check_links(proj, codes, documents, memos)
    links = [_coding_link(proj, spec) for spec in coding or []]
    path = new_memo(
        proj.paths.memos,
        title=title,
        kind=kind,
        date=date,
        author=author or proj.memo_author,
        codes=codes,
        documents=documents,
        codings=links,
        memos=memos,
        text=text or "",
        memo_id=memo_id,
        kinds=proj.memo_kinds,
    )
    typer.echo(f"wrote {proj.paths.relative(path)}")
    if not text:
        typer.echo("  write the memo below its front matter, in any text editor")


def _first_line(text: str, limit: int = 60) -> str:
    words = " ".join(str(text or "").split())
    return words if len(words) <= limit else words[: limit - 1] + "…"


@memo_app.command("list")
def memo_list(
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="Only this kind.")] = None,
    code: Annotated[
        str | None, typer.Option("--code", help="Only the memos of this code (and sub-codes).")
    ] = None,
    doc: Annotated[
        str | None, typer.Option("--doc", help="Only the memos of this document.")
    ] = None,
    author: Annotated[str | None, typer.Option(help="Only this author's memos.")] = None,
    coding_memos: Annotated[
        bool, typer.Option(help="Include the memos written with codings.")
    ] = True,
    project: ProjectOption = Path("."),
) -> None:
    """List the memos: id, kind, date, author, title (or first words)."""
    from research.memos import code_memos, document_memos

    proj = open_project_for_command(project)
    memos = proj.memos
    if code is not None:
        memos = code_memos(memos, code, codebook=proj.codebook, include_children=True)
    if doc is not None:
        memos = document_memos(memos, doc)
    if kind is not None:
        memos = memos[memos["kind"] == kind]
    if author is not None:
        memos = memos[memos["author"] == author]
    if not coding_memos:
        memos = memos[memos["source"] == "file"]
    for row in memos.to_dict("records"):
        title = row["title"] or _first_line(row["text"])
        typer.echo(f"{row['memo_id']}\t{row['kind']}\t{row['date'] or ''}\t"
                   f"{row['author'] or ''}\t{title}")  # fmt: skip
    typer.echo(f"{len(memos)} memo(s)", err=True)


@memo_app.command("show")
def memo_show(
    memo_id: Annotated[str, typer.Argument(help="The memo's id (research memo list).")],
    project: ProjectOption = Path("."),
) -> None:
    """Print a memo: its kind, date, author, links (with code labels) and text."""
    from research.errors import UnknownIdError

    proj = open_project_for_command(project)
    memos = proj.memos
    found = memos[memos["memo_id"] == memo_id]
    if not len(found):
        raise UnknownIdError("memo", memo_id, memos["memo_id"].astype(str))
    row = found.iloc[0]
    book = proj.codebook
    label = {c: book.label(c) for c in [*row["codes"], *(k.code for k in row["codings"])]
             if c in book}  # fmt: skip
    typer.echo(row["title"] or row["memo_id"])
    typer.echo(f"  {row['kind']} · {row['date'] or 'sans date'} · {row['author'] or 'sans auteur'}"
               f" · {row['path'] or ''}")  # fmt: skip
    for code in row["codes"]:
        typer.echo(f"  code: {code} ({label.get(code, '?')})")
    for doc_id in row["documents"]:
        typer.echo(f"  document: {doc_id}")
    for link in row["codings"]:
        typer.echo(f"  coding: {link.describe()} « {_first_line(link.quote)} »")
    for other in row["memos"]:
        typer.echo(f"  memo: {other}")
    typer.echo("")
    typer.echo(str(row["text"]).rstrip("\n"))


@memo_app.command("code")
def memo_code(
    code: Annotated[str, typer.Argument(help="The code id (with its sub-codes).")],
    coder: Annotated[
        str | None, typer.Option("--coder", "-c", help="Only this coder's passages.")
    ] = None,
    children: Annotated[bool, typer.Option(help="Include the sub-codes.")] = True,
    project: ProjectOption = Path("."),
) -> None:
    """Print a code's memos, then its passages with the memos that link each."""
    from research.memos import retrieve_with_memos

    proj = open_project_for_command(project)
    found = retrieve_with_memos(
        proj.codings, proj.corpus, proj.codebook, proj.memos, code,
        include_children=children, coders=coder,
    )  # fmt: skip
    typer.echo(f"{code} — {proj.codebook.label(code)}: {len(found.memos)} memo(s)")
    for row in found.memos.to_dict("records"):
        title = row["title"] or _first_line(row["text"])
        typer.echo(f"  [{row['memo_id']}] {row['kind']}, {row['date'] or ''}: {title}")
    typer.echo(f"{len(found.passages)} passage(s)")
    for row in found.passages.to_dict("records"):
        memos = ", ".join(row["memo_ids"])
        notes = " ".join(filter(None, [f"[{memos}]" if memos else "",
                                       f"memo: {_first_line(row['memo'])}" if row["memo"] else ""]))  # fmt: skip
        typer.echo(f"  {row['citation']}\t{row['code']}\t{_first_line(row['quote'], 70)}"
                   + (f"\t{notes}" if notes else ""))  # fmt: skip


@memo_app.command("index")
def memo_index(
    out: Annotated[
        Path | None, typer.Option(help="The page to write (default: outputs/memos/index.html).")
    ] = None,
    project: ProjectOption = Path("."),
) -> None:
    """Write the memo index page: every memo by kind, its links and text; an index of the codes."""
    from research.files import atomic_write_text
    from research.memos import memo_index_html
    from research.pipeline import MEMO_INDEX, write_index

    proj = open_project_for_command(project)
    has_codings = proj.paths.codings.is_dir()
    page = memo_index_html(
        proj.memos,
        codebook=proj.codebook,
        documents=proj.corpus.documents,
        codings=proj.codings if has_codings else None,
        kinds=proj.memo_kinds,
        title=f"Mémos — {proj.title}",
    )
    target = out or proj.paths.outputs / MEMO_INDEX
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(target, page)
    typer.echo(f"wrote {proj.paths.relative(target)}")
    if out is None:  # the chapters' index links it
        write_index(proj)
