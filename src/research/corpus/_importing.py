"""Importing outside files into the corpus as Markdown with front matter.

Each file is read with its format's loader; its stored text becomes the body of a
Markdown document and its metadata the front matter, so the imported document has
exactly the same text, segments and offsets as the original. A document without a
``kind`` gets the one given, or else the one its shape shows (speaker turns: an
interview; headings or lists: minutes), and the reason is kept so the command can
say it; when the shape shows nothing, the import stops and asks for the kind.
Nothing is written unless every file imports cleanly, the documents are written in
one :func:`research.files.transaction`, and an existing document is never
overwritten without ``force``. The personal metadata of a file (its author, who
changed or commented it: :data:`research.corpus.PERSONAL_METADATA`) never reaches
the front matter.

Examples
--------
>>> render_markdown("Bonjour.\\n", {"id": "A", "kind": "note"})
'---\\nid: A\\nkind: note\\n---\\nBonjour.\\n'
>>> document_id("Entretien Élodie (2019)")
'Entretien-Elodie-2019'
>>> infer_kind("# Atelier\\n\\n- un marché\\n- une navette\\n")
('minutes', '1 heading and 2 list items')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

import yaml

from research.corpus._ids import document_id
from research.corpus._personal import without_personal_metadata
from research.corpus._segmenting import _HEADING, _ITEM, transcript_labels
from research.corpus._survey import SurveyOptions, read_survey
from research.corpus.loaders import LoadedDocument, load_collection, usual_kind
from research.errors import InputError, Problem, ValidationFailed
from research.files import transaction

__all__ = [
    "KINDS",
    "PlannedImport",
    "document_folder",
    "document_id",
    "import_documents",
    "infer_kind",
    "plan_import",
    "render_markdown",
    "write_imports",
]

KINDS = ("interview", "minutes", "logbook", "note", "document", "email", "web_page", "survey")
_PLURALS = {"interview": "interviews", "minutes": "minutes", "logbook": "logbook", "note": "notes",
            "email": "emails", "web_page": "web", "survey": "surveys"}  # fmt: skip
_KIND_HINT = "give it with --kind interview, --kind minutes (or logbook, note, document)"


@dataclass(frozen=True)
class PlannedImport:
    """One file to import: where it goes, as what kind, and why that kind.

    ``problems`` are the loader's warnings (a scanned page of a PDF…); ``notes``
    say how a survey's columns were read (on its first document).
    """

    source: Path
    target: Path
    doc_id: str
    kind: str
    reason: str
    content: str
    dropped: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()


def render_markdown(text: str, metadata: dict[str, Any]) -> str:
    """A Markdown document whose front matter is ``metadata`` and body ``text``.

    Personal metadata (:data:`research.corpus.PERSONAL_METADATA`: author, last
    modified by, comments' authors…) is left out.

    Examples
    --------
    >>> print(render_markdown("Texte.\\n", {"id": "A", "author": "Hélène Cuenot"}), end="")
    ---
    id: A
    ---
    Texte.
    """
    metadata, _ = without_personal_metadata(metadata)
    if not metadata:
        return text
    header = yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{header}---\n{text}"


def infer_kind(
    text: str, metadata: dict[str, Any] | None = None, *, usual_kind: str | None = None
) -> tuple[str | None, str]:
    """The kind a document's shape shows, and why; ``(None, why not)`` when none.

    Speaker turns (a loader that found them, declared ``speakers:``, or at least two
    labels that each start two paragraphs or more and such paragraphs at least half
    of all, see :func:`research.corpus.transcript_labels`) make an ``interview``;
    otherwise ``usual_kind``, the kind the file's format usually is (a PDF:
    ``document``, an e-mail: ``email``), when given; otherwise a heading or a list
    of two items or more makes ``minutes``.

    Examples
    --------
    >>> infer_kind("E : Bonjour.\\n\\nR : Bonjour.\\n\\nE : Alors ?\\n\\nR : Voilà.\\n")
    ('interview', 'speaker turns of E and R')
    >>> infer_kind("Une note de terrain.\\n")
    (None, 'no speaker turns, headings or lists')
    """
    metadata = metadata or {}
    speakers = metadata.get("speakers")
    labels = list(speakers) if isinstance(speakers, dict | list) and speakers else []
    if metadata.get("segmentation") != "paragraphs":
        labels = labels or transcript_labels(text)
        if labels or metadata.get("segmentation") == "turns":
            return "interview", "speaker turns" + (f" of {_names(labels)}" if labels else "")
    if usual_kind:
        return usual_kind, "file format"
    lines = text.splitlines()
    headings = sum(1 for line in lines if _HEADING.match(line))
    items = sum(1 for line in lines if _ITEM.match(line))
    if headings or items >= 2:
        found = [_count(headings, "heading"), _count(items, "list item")]
        return "minutes", " and ".join(part for part in found if part)
    return None, "no speaker turns, headings or lists"


def _names(labels: list[str]) -> str:
    shown = [str(label) for label in labels[:5]] + (["…"] if len(labels) > 5 else [])
    return ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]


def _count(n: int, noun: str) -> str:
    return "" if not n else f"{n} {noun}" + ("s" if n > 1 else "")


def document_folder(
    project, *, kind: str | None = None, folder: str | None = None, default: str = ""
) -> Path:
    """The folder of the documents folder that imported documents go to.

    Parameters
    ----------
    project : research.project.Project
    kind : str, optional
        Without ``folder``: ``interviews/``, ``minutes/``, ``logbook/`` or
        ``notes/`` by kind, the documents folder itself for ``document``, a folder
        named after any other kind.
    folder : str, optional
        A folder inside the documents folder, written relative to it (``entretiens``)
        or to the project (``corpus/documents/entretiens``).
    default : str
        The folder when there is neither a folder nor a kind.

    Raises
    ------
    InputError
        When ``folder`` leaves the documents folder, or repeats its name (which
        would make ``corpus/documents/documents/``).
    """
    documents = project.paths.documents
    if folder is None:
        if kind in (None, "", "document"):
            return documents / default if default else documents
        return documents / _PLURALS.get(kind, document_id(kind))
    given = PurePath(folder)
    root = Path(project.root)
    if given.is_absolute():
        inside = Path(given)
    else:
        inside = root / given if _starts_with(given, documents.relative_to(root)) else None
        inside = inside or documents / given
    parts = inside.relative_to(documents).parts if _within(inside, documents) else None
    rel = project.paths.relative(documents)
    if parts is None or ".." in parts:
        raise InputError(
            f"--folder {folder!r} is outside {rel}",
            hint=f"give a folder inside {rel}, such as 'interviews'",
        )
    if parts and parts[0] == documents.name:
        raise InputError(
            f"--folder {folder!r} would make {rel}/{'/'.join(parts)}",
            hint=f"the folder is inside {rel} already: leave --folder out, or give "
            "a folder such as 'interviews'",
        )
    return documents.joinpath(*parts)


def _starts_with(path: PurePath, prefix: PurePath) -> bool:
    return path.parts[: len(prefix.parts)] == prefix.parts


def _within(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return ".." not in path.relative_to(folder).parts


def plan_import(
    project,
    paths: Iterable[str | Path],
    *,
    kind: str | None = None,
    folder: str | None = None,
    force: bool = False,
    survey: SurveyOptions | None = None,
) -> list[PlannedImport]:
    """Read files and plan their import; nothing is written.

    Parameters
    ----------
    project : research.project.Project
    paths : iterable of path-like
        Files in any format that has a loader.
    kind : str, optional
        Recorded as the documents' ``kind`` when their metadata has none; when not
        given, inferred from each document (:func:`infer_kind`).
    folder : str, optional
        Sub-folder of the documents folder (default: from the kind, see
        :func:`document_folder`).
    force : bool
        Overwrite documents that already exist.
    survey : SurveyOptions, optional
        Read every file as a survey spreadsheet: one document per respondent
        (see :func:`research.corpus.read_survey`), of kind ``survey`` unless
        ``kind`` is given.

    Returns
    -------
    list of PlannedImport

    Raises
    ------
    ValidationFailed
        Listing every file that could not be imported: unreadable, of a kind that
        cannot be inferred, or in conflict with an existing document.
    """
    planned: list[PlannedImport] = []
    problems = []
    targets: set[Path] = set()
    try:
        chosen = None if folder is None else document_folder(project, folder=folder)
    except InputError as exc:
        raise ValidationFailed([exc.to_problem()]) from None
    for source, doc, usual, notes in _loaded(paths, project.loader_options, problems, survey):
        meta, dropped = without_personal_metadata(dict(doc.metadata))
        meta.setdefault("id", document_id(source.stem))
        if meta.get("kind"):
            reason = "from its front matter"
        elif kind:
            meta["kind"], reason = kind, "given with --kind"
        else:
            found, why = infer_kind(doc.text, meta, usual_kind=usual)
            if found is None:
                problems.append(
                    InputError(
                        f"cannot tell the kind of this document: {why}",
                        path=source,
                        hint=_KIND_HINT,
                    ).to_problem()
                )
                continue
            meta["kind"], reason = found, f"inferred from its {why}"
        meta.setdefault("source", source.name)
        ordered = {"id": meta.pop("id"), **meta}
        doc_id = str(ordered["id"])
        target = (chosen or document_folder(project, kind=str(ordered["kind"]))) / f"{doc_id}.md"
        existing = sorted(project.paths.documents.rglob(f"{doc_id}.md"))
        if existing and chosen is None:
            target = existing[0]
        if target in targets:
            problems.append(
                InputError(
                    f"two files would both become {project.paths.relative(target)}",
                    path=source,
                    hint="rename one of them",
                ).to_problem()
            )
            continue
        if target.exists() and not force:
            problems.append(
                InputError(
                    f"{project.paths.relative(target)} already exists",
                    path=source,
                    hint="use --force to overwrite it",
                ).to_problem()
            )
            continue
        targets.add(target)
        content = render_markdown(doc.text, ordered)
        planned.append(
            PlannedImport(source, target, doc_id, str(ordered["kind"]), reason, content,
                          dropped=tuple(dropped), problems=tuple(doc.problems), notes=notes)
        )  # fmt: skip
    if problems:
        raise ValidationFailed(problems)
    return planned


def _loaded(
    paths: Iterable[str | Path], options, problems: list, survey: SurveyOptions | None
) -> list[tuple[Path, LoadedDocument, str | None, tuple[str, ...]]]:
    """Every document of every file (several from a mailbox or a survey), with the
    usual kind of its format and notes on how it was read; problems are collected."""
    loaded = []
    for source in map(Path, paths):
        try:
            if not source.is_file():
                raise InputError("no such file", path=source)
            if survey is not None:
                read = read_survey(source, id_column=survey.id_column,
                                   open_columns=survey.open_columns, options=options)  # fmt: skip
                notes = tuple(read.summary())
                for n, doc in enumerate(read.documents):
                    loaded.append((source, doc, "survey", notes if n == 0 else ()))
                continue
            docs = load_collection(source, options=options)
            loaded += [(source, doc, usual_kind(source), ()) for doc in docs]
        except InputError as exc:
            problems.append(exc.to_problem())
    return loaded


def write_imports(
    planned: Iterable[PlannedImport], *, journal: str | Path | None = None
) -> list[Path]:
    """Write planned imports in one transaction; all or nothing.

    With ``journal`` (the project's root), an import killed midway is finished or
    undone when the project is next opened (:func:`research.files.recover`).

    Raises
    ------
    research.errors.WriteError
        When a document cannot be written; those already written are undone.
    """
    with transaction(journal=journal) as tx:
        for item in planned:
            tx.write_text(item.target, item.content)
    return tx.paths


def import_documents(
    project,
    paths: Iterable[str | Path],
    *,
    kind: str | None = None,
    folder: str | None = None,
    force: bool = False,
    survey: SurveyOptions | None = None,
) -> list[Path]:
    """Import files into ``corpus/documents``; all or nothing.

    :func:`plan_import`, then :func:`write_imports` (see them for the parameters).

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    ValidationFailed
        Listing every file that could not be imported; nothing is written then.
    research.errors.WriteError
        When a document cannot be written; those already written are undone.
    """
    planned = plan_import(project, paths, kind=kind, folder=folder, force=force, survey=survey)
    return write_imports(planned, journal=project.root)
