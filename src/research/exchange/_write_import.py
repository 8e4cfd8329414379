"""Writing an import into a project: documents, codebook and codings, all or nothing.

:func:`write_import` first plans every file and lists every conflict with the
project's own files, then writes them all in one transaction while the coders'
locks are held; :func:`import_refiqda` reads a file by its suffix and writes it.
"""

from __future__ import annotations

import contextlib
from os import PathLike
from pathlib import Path

from research.codebook import codebook_texts, read_codebook
from research.coding import coder_lock, coding_files, codings_text
from research.corpus import document_folder, document_id, render_markdown
from research.corpus.loaders import split_front_matter
from research.errors import InputError, Problem, ValidationFailed
from research.exchange._imported import QdaImport
from research.exchange._positions import CrlfOption, UnitsOption
from research.exchange._read_qdc import read_qdc
from research.exchange._read_qdpx import read_qdpx
from research.exchange._taguette import read_taguette_csv
from research.files import transaction
from research.text import normalise

__all__ = [
    "import_refiqda",
    "write_import",
]


# -- writing into a project ----------------------------------------------------------------


def _existing_documents(project) -> dict[str, Path]:
    from research.corpus import document_files, read_corpus

    found = {path.stem: path for path in document_files(project.paths.documents)}
    corpus, _ = read_corpus(
        project.paths.documents, root=project.root, options=project.loader_options, jobs=1
    )
    for doc_id, rel in zip(corpus.doc_ids, corpus.documents.get("path", []), strict=False):
        found[doc_id] = project.root / rel
    return found


def _plan_documents(project, imported: QdaImport, *, force: bool, folder: str | None):
    planned, problems = [], []
    existing = _existing_documents(project) if len(imported.documents) else {}
    default = document_id(imported.name) if imported.name else "import"
    chosen = None if folder is None else document_folder(project, folder=folder)
    for doc_id, text in zip(imported.documents["doc_id"], imported.documents["text"], strict=True):
        meta = imported.metadata(doc_id)
        content = render_markdown(text, meta)
        if split_front_matter(normalise(content))[1] != text or not text.strip():
            problems.append(
                Problem(
                    "error",
                    f"source {doc_id!r} cannot be stored as Markdown without changing its text",
                    hint="its text is empty or only white space",
                )
            )
            continue
        kind = meta.get("kind")
        place = chosen or document_folder(
            project, kind=None if kind is None else str(kind), default=default
        )
        target = place / f"{doc_id}.md"
        if doc_id in existing:
            if not force or existing[doc_id].suffix.lower() != ".md":
                problems.append(
                    Problem(
                        "error",
                        f"document {doc_id!r} already exists ({project.paths.relative(existing[doc_id])})",
                        hint="it is not Markdown: remove it first"
                        if force
                        else "use --force to replace it",
                    )
                )
                continue
            target = existing[doc_id]
        planned.append((target, content))
    return planned, problems


def _plan_codebook(project, imported: QdaImport, *, force: bool):
    if imported.codebook is None:
        return [], []
    folder = project.paths.codebook
    texts = codebook_texts(imported.codebook)
    problems = []
    current, _ = read_codebook(folder)
    kept = current.codes[~current.codes["file"].isin(list(texts) if force else [])]
    for name in texts:
        if (folder / name).exists() and not force:
            problems.append(
                Problem(
                    "error",
                    f"codebook file {name} already exists",
                    path=project.paths.relative(folder / name),
                    hint="use --force to replace it",
                )
            )
    clash = sorted(set(kept["code"]) & set(imported.codebook.ids))
    if clash and not problems:
        problems.append(
            Problem(
                "error",
                f"code id(s) {', '.join(clash[:5])} already defined in the project's codebook",
                hint="rename or remove those codes before importing",
            )
        )
    return [folder / name for name in texts], problems


def _plan_codings(project, imported: QdaImport, *, force: bool):
    problems = []
    existing = {p.stem for p in coding_files(project.paths.codings)}
    targets = []
    for coder in imported.coders:
        target = project.paths.codings / f"{coder}.csv"
        if coder in existing and not force:
            problems.append(
                Problem(
                    "error",
                    f"codings of {coder!r} already exist",
                    path=project.paths.relative(target),
                    hint="use --force to replace them",
                )
            )
        targets.append(target)
    return targets, problems


def _plan_memos(project, imported: QdaImport, *, force: bool):
    """Memo files ``corpus/memos/<id>.md`` of the import, and the conflicts they meet."""
    from research.memos import MEMO_KINDS, memo_file_text, read_memos

    if not imported.memos:
        return [], []
    folder = project.paths.memos
    existing, _ = read_memos(folder, root=project.root, kinds=project.memo_kinds)
    paths = {
        str(m): project.root / p for m, p in zip(existing["memo_id"], existing["path"], strict=True)
    }
    settings = _settings(project)
    known = {*MEMO_KINDS, *_declared_kinds(settings)}
    planned, problems = [], []
    new_kinds: dict[str, str] = {}
    for memo in imported.memos:
        memo_id, kind = memo["memo_id"], memo["kind"]
        if kind not in known:
            label = memo.get("label") or kind
            if "memos" not in settings:
                new_kinds.setdefault(kind, label)  # declared by the import (see _declare_kinds)
            else:
                problems.append(
                    Problem(
                        "error",
                        f"memo {memo_id!r} is of the kind {kind!r}, which this project "
                        "does not declare",
                        path=project.paths.relative(project.root / SETTINGS),
                        hint=f"add '{kind}: {label}' under memos: kinds: in research.yaml "
                        "and import again",
                    )
                )
                continue
        target = paths.get(memo_id, folder / f"{memo_id}.md")
        if memo_id in paths and not force:
            problems.append(
                Problem(
                    "error",
                    f"memo {memo_id!r} already exists",
                    path=project.paths.relative(target),
                    hint="use --force to replace it",
                )
            )
            continue
        record = {key: memo.get(key) for key in
                  ("title", "kind", "date", "author", "codes", "documents", "memos", "codings")}  # fmt: skip
        planned.append((target, memo_file_text(record, text=memo.get("text") or "")))
    if new_kinds and not problems:
        planned.append(_declare_kinds(project, new_kinds))
    return planned, problems


#: The project's settings file (``research.project.SETTINGS_FILE``).
SETTINGS = "research.yaml"


def _settings(project) -> dict:
    """The settings as the file says now (an import may have declared kinds since it was opened)."""
    from research.files import load_yaml

    path = project.root / SETTINGS
    if not path.is_file():
        return {}
    found = load_yaml(path.read_text(encoding="utf-8"), path=path)
    return found if isinstance(found, dict) else {}


def _declared_kinds(settings: dict) -> set[str]:
    section = settings.get("memos")
    kinds = section.get("kinds") if isinstance(section, dict) else None
    return {str(k) for k in kinds} if isinstance(kinds, dict | list) else set()


def _declare_kinds(project, kinds: dict[str, str]) -> tuple[Path, str]:
    """``research.yaml`` with a ``memos:`` section declaring the imported kinds of memo.

    Only for a project whose settings have no ``memos:`` yet: the section is
    added at the end, and the rest of the file (comments included) is kept.
    """
    import yaml

    path = project.root / SETTINGS
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    block = yaml.safe_dump({"memos": {"kinds": kinds}}, allow_unicode=True, sort_keys=False)
    return path, text + "# Kinds of memo of an imported project (research qdpx import).\n" + block


def write_import(
    project,
    imported: QdaImport,
    *,
    force: bool = False,
    folder: str | None = None,
) -> list[Path]:
    """Write an import into a project: documents, codebook, codings, memos; all or nothing.

    Documents become Markdown files with their attributes as front matter
    (:func:`research.corpus.render_markdown`), the codebook YAML files
    (:func:`research.codebook.codebook_texts`), each coder's codings a CSV file
    (:func:`research.coding.codings_text`), each memo a file of ``corpus/memos/``
    (:func:`research.memos.memo_file_text`; a memo whose kind the project does not
    declare is a conflict that names the line to add to ``research.yaml``), all in one
    :func:`research.files.transaction` while the coders' locks are held. Every
    conflict is found before anything is written; if a write fails, the files
    already written are put back.

    Parameters
    ----------
    project : research.project.Project
    imported : QdaImport
    force : bool
        Replace documents, codebook files, coder files and memos that exist.
    folder : str, optional
        Sub-folder of the documents folder (default: ``interviews/``, ``minutes/``…
        from each document's kind, and for documents without a kind a folder named
        after the imported project, see :func:`research.corpus.document_folder`).

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    ValidationFailed
        Listing every conflict; nothing is written then.
    research.errors.WriteError
        When a file cannot be written; the files already replaced are put back.
    """
    documents, problems = _plan_documents(project, imported, force=force, folder=folder)
    book_files, found = _plan_codebook(project, imported, force=force)
    problems += found
    coder_files, found = _plan_codings(project, imported, force=force)
    problems += found
    memos, found = _plan_memos(project, imported, force=force)
    problems += found
    if problems:
        raise ValidationFailed(problems)
    texts = codebook_texts(imported.codebook) if imported.codebook is not None else {}
    codings = {coder: codings_text(imported.codings_of(coder)) for coder in imported.coders}
    folder = project.paths.codings
    made = [d for d in (folder, *folder.parents) if not d.exists()] if codings else []
    try:
        with contextlib.ExitStack() as locks:
            folder.mkdir(parents=True, exist_ok=True)
            for coder in codings:
                locks.enter_context(coder_lock(folder, coder))
            _write_all(project, documents + memos, texts, codings)
    except BaseException:
        for directory in made:  # the folder made for the locks, if left empty
            with contextlib.suppress(OSError):
                directory.rmdir()
        raise
    return [path for path, _ in documents] + book_files + coder_files + [p for p, _ in memos]


def _write_all(project, documents, texts: dict[str, str], codings: dict[str, str]) -> None:
    with transaction(journal=project.root) as tx:
        for path, content in documents:
            tx.write_text(path, content)
        for name, text in texts.items():
            path = project.paths.codebook / name
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                tx.write_text(path, text)
        for coder, text in codings.items():
            tx.write_text(project.paths.codings / f"{coder}.csv", text)


def import_refiqda(
    project,
    path: str | PathLike,
    *,
    force: bool = False,
    folder: str | None = None,
    units: UnitsOption = "auto",
    crlf: CrlfOption = "auto",
) -> tuple[QdaImport, list[Path]]:
    """Read a ``.qdpx``, ``.qdc`` or Taguette ``.csv`` file and write it into ``project``; all or nothing.

    Returns
    -------
    imported : QdaImport
    written : list of Path

    Raises
    ------
    InputError
        On an unreadable or unsafe file, or a suffix other than ``.qdpx``/``.qdc``.
    ValidationFailed
        On conflicts with the project's files; nothing is written then.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", path=path)
    suffix = path.suffix.lower()
    if suffix == ".qdpx":
        imported = read_qdpx(path, options=project.loader_options, units=units, crlf=crlf)
    elif suffix == ".qdc":
        imported = read_qdc(path, options=project.loader_options)
    elif suffix == ".csv":
        imported = read_taguette_csv(path, options=project.loader_options)
    else:
        raise InputError(
            f"cannot import {path.suffix or 'a file without suffix'}: "
            "expected .qdpx, .qdc or a Taguette codebook .csv",
            path=path,
        )
    return imported, write_import(project, imported, force=force, folder=folder)
