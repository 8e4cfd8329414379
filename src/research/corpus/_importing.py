"""Importing outside files into the corpus as Markdown with front matter.

Each file is read with its format's loader; its stored text becomes the body of a
Markdown document and its metadata the front matter, so the imported document has
exactly the same text, segments and offsets as the original. Nothing is written
unless every file imports cleanly, the documents are written in one
:func:`research.files.transaction`, and an existing document is never overwritten
without ``force``.

Examples
--------
>>> render_markdown("Bonjour.\\n", {"id": "A", "kind": "note"})
'---\\nid: A\\nkind: note\\n---\\nBonjour.\\n'
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from research.corpus.loaders import load_document
from research.errors import InputError, ValidationFailed
from research.files import transaction

__all__ = ["import_documents", "render_markdown"]

_PLURALS = {"interview": "interviews", "minutes": "minutes", "logbook": "logbook", "note": "notes"}


def render_markdown(text: str, metadata: dict[str, Any]) -> str:
    """A Markdown document whose front matter is ``metadata`` and body ``text``."""
    if not metadata:
        return text
    header = yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{header}---\n{text}"


def import_documents(
    project,
    paths: Iterable[str | Path],
    *,
    kind: str | None = None,
    folder: str | None = None,
    force: bool = False,
) -> list[Path]:
    """Import files into ``corpus/documents``; all or nothing.

    Parameters
    ----------
    project : research.project.Project
    paths : iterable of path-like
        Files in any format that has a loader.
    kind : str, optional
        Recorded as the documents' ``kind`` when their metadata has none.
    folder : str, optional
        Sub-folder of the documents folder (default: the plural of the kind).
    force : bool
        Overwrite documents that already exist.

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
    planned: list[tuple[Path, str]] = []
    problems = []
    targets: set[Path] = set()
    for source in map(Path, paths):
        try:
            if not source.is_file():
                raise InputError("no such file", path=source)
            doc = load_document(source, options=project.loader_options)
        except InputError as exc:
            problems.append(exc.to_problem())
            continue
        meta = dict(doc.metadata)
        meta.setdefault("id", source.stem)
        if kind:
            meta.setdefault("kind", kind)
        meta.setdefault("source", source.name)
        ordered = {"id": meta.pop("id"), **meta}
        sub = folder or _PLURALS.get(str(ordered.get("kind")), "documents")
        target = project.paths.documents / sub / f"{ordered['id']}.md"
        existing = sorted(project.paths.documents.rglob(f"{ordered['id']}.md"))
        if existing and not folder:
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
        planned.append((target, render_markdown(doc.text, ordered)))
    if problems:
        raise ValidationFailed(problems)
    with transaction(journal=project.root) as tx:
        for target, content in planned:
            tx.write_text(target, content)
    return tx.paths
