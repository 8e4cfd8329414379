"""Bringing one coder's work from another copy of the project: ``research merge``.

A coder who worked apart (another clone or folder of the project, or another
program that exported a REFI-QDA ``.qdpx`` file) brings their codings, and the
codes they added to the codebook, into this project with :func:`merge_coder`:

1. the other copy is read: a project folder (its documents, codebook and the
   coder's file) or a ``.qdpx`` file (through :mod:`research.exchange`, which
   converts its positions);
2. each of its documents is matched with this project's by id, else by the
   SHA-256 of its text; a document whose text is the same here (equal hashes)
   keeps its codings' offsets, another has them re-anchored by their quotes;
3. the codings are merged with :func:`research.coding.merge_codings` (added,
   unchanged, refused, or updated with ``force``; nothing is removed);
4. codes the coder used that this codebook lacks are added from the other
   copy's codebook (:func:`research.codebook.with_codes_from`);
5. the coder's file and the codebook files that change are written in one
   :func:`research.files.transaction`, under the coder's and the codebook's
   locks: all of it, or nothing.

This lives at the project layer because reading a ``.qdpx`` belongs to
:mod:`research.exchange`, above :mod:`research.coding`; the merge of the
codings themselves is :mod:`research.coding`'s.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from research.errors import InputError, Problem, UnknownIdError

if TYPE_CHECKING:
    from research.codebook import Codebook
    from research.project._project import Project

__all__ = ["MergeReport", "merge_coder"]


@dataclass(frozen=True)
class MergeReport:
    """What :func:`merge_coder` did (or, with ``dry_run``, would do).

    ``codings`` has one row per coding of the other copy
    (:data:`research.coding.MERGE_COLUMNS`); ``codes`` lists the codes added to the
    codebook; ``reanchored`` the documents whose text differs between the copies
    (their codings were placed by their quotes); ``written`` the files written;
    ``problems`` what could not be read in the other copy.
    """

    coder: str
    source: str
    codings: pd.DataFrame
    codes: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    reanchored: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many codings have this status (added, updated, unchanged, refused)."""
        return int((self.codings["status"] == status).sum())

    def summary(self) -> str:
        """One line: the counts and the codes added.

        Examples
        --------
        >>> report = MergeReport("lea", "copie", pd.DataFrame({"status": ["added", "refused"]}))
        >>> report.summary()
        'lea from copie: 1 added, 0 updated, 0 unchanged, 1 refused; no code added'
        """
        counts = ", ".join(
            f"{self.count(s)} {s}" for s in ("added", "updated", "unchanged", "refused")
        )
        codes = f"{len(self.codes)} code(s) added" if self.codes else "no code added"
        return f"{self.coder} from {self.source}: {counts}; {codes}"


@dataclass(frozen=True)
class _Copy:
    """The other copy: its texts by document id, the coder's codings, its codebook."""

    texts: dict[str, str]
    codings: pd.DataFrame
    codebook: Codebook | None
    coders: list[str]
    problems: list[Problem]


def _read_folder(path: Path, project: Project) -> _Copy:
    from research.codebook import read_codebook
    from research.coding import read_codings
    from research.corpus import read_corpus
    from research.project._project import open_project

    other = open_project(path)
    if other.root == project.root:
        raise InputError(
            "the other copy is this project itself",
            path=path,
            hint="give the folder of the other copy (another clone, or a colleague's folder)",
        )
    corpus, problems = read_corpus(
        other.paths.documents, root=other.root, options=other.loader_options
    )
    codings, found = read_codings(other.paths.codings, root=other.root)
    book, _ = read_codebook(other.paths.codebook, root=other.root)
    errors = [p for p in problems + found if p.severity == "error"]
    return _Copy(corpus.texts(), codings, book, sorted(set(codings["coder"])), errors)


def _read_qdpx(path: Path, project: Project) -> _Copy:
    from research.exchange import read_qdpx

    imported = read_qdpx(path, options=project.loader_options)
    texts = dict(zip(imported.documents["doc_id"], imported.documents["text"], strict=True))
    return _Copy(texts, imported.codings, imported.codebook, imported.coders, [])


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _match_documents(texts: dict[str, str], project: Project) -> tuple[dict[str, str], set[str]]:
    """Their document ids → this project's, and the documents whose text is the same."""
    documents = project.corpus.documents
    mine = dict(zip(documents["doc_id"], documents["sha256"], strict=True))
    by_hash: dict[str, str] = {}
    for doc_id, digest in mine.items():
        by_hash.setdefault(digest, doc_id)
    mapping, same = {}, set()
    for doc_id, text in texts.items():
        digest = _sha256(text)
        if doc_id in mine:
            mapping[doc_id] = doc_id
            if mine[doc_id] == digest:
                same.add(doc_id)
        elif digest in by_hash:
            mapping[doc_id] = by_hash[digest]
            same.add(by_hash[digest])
    return mapping, same


def merge_coder(
    project: Project,
    source: str | PathLike,
    *,
    coder: str,
    force: bool = False,
    dry_run: bool = False,
) -> MergeReport:
    """Bring one coder's codings (and the codes they added) from another copy; all or nothing.

    Parameters
    ----------
    project : Project
        This project.
    source : path-like
        Another copy of the project (its folder, or any folder inside it) or a
        REFI-QDA ``.qdpx`` file.
    coder : str
        The coder whose work is brought (their name in the other copy, and here).
    force : bool
        Take the other copy's version of a coding that has another memo here.
    dry_run : bool
        Report what would be done; write nothing.

    Returns
    -------
    MergeReport

    Raises
    ------
    InputError
        When the source cannot be read, or has no codings of ``coder``.
    research.errors.WriteError
        When a file cannot be written; nothing is changed then.
    """
    from research.codebook import with_codes_from
    from research.coding import CODING_COLUMNS, coder_lock, empty_codings, merge_codings

    path = Path(source)
    if path.suffix.lower() == ".qdpx":
        if not path.is_file():
            raise InputError("no such file", path=path)
        other = _read_qdpx(path, project)
    elif path.is_dir():
        other = _read_folder(path, project)
    else:
        raise InputError(
            "not a project folder nor a .qdpx file",
            path=path,
            hint="give the folder of the other copy of the project, or a REFI-QDA .qdpx file",
        )
    if coder not in other.coders:
        raise UnknownIdError(
            "coder", coder, other.coders, path=path, hint="the coders of the other copy are listed"
        )
    theirs = other.codings[other.codings["coder"] == coder][CODING_COLUMNS]
    mapping, same = _match_documents(other.texts, project)
    theirs = theirs.assign(doc_id=theirs["doc_id"].map(lambda d: mapping.get(d, d)))
    folder = project.paths.codings
    book_dir = project.paths.codebook
    with contextlib.ExitStack() as locks:
        if not dry_run:
            for where, name in ((book_dir, "codebook"), (folder, coder)):
                where.mkdir(parents=True, exist_ok=True)
                locks.enter_context(coder_lock(where, name))
        here = _codings_here(folder, coder, empty_codings())
        book = _codebook_here(project)
        usable, refused = _known_codes(theirs, book, other.codebook)
        merged, report = merge_codings(here, usable, project.corpus, same_text=same, force=force)
        report = pd.concat([refused, report], ignore_index=True) if len(refused) else report
        written_codes = set(report.loc[report["status"].isin(["added", "updated"]), "code"])
        new_book, added = with_codes_from(book, other.codebook, written_codes)
        written: list[Path] = []
        if not dry_run and (added or (report["status"].isin(["added", "updated"])).any()):
            written = _write(project, coder, merged, book, new_book)
    project.reload()
    order = {"refused": 0, "updated": 1, "added": 2, "unchanged": 3}
    report = report.sort_values(
        ["status", "doc_id", "start", "end", "code"], key=lambda s: s.map(order) if s.name == "status" else s
    ).reset_index(drop=True)  # fmt: skip
    shown = project.paths.relative(path) if path.is_absolute() else str(source)
    used = set(theirs["doc_id"]) & set(project.corpus.doc_ids)
    return MergeReport(coder, shown, report, added, written, other.problems, sorted(used - same))


def _codings_here(folder: Path, coder: str, empty: pd.DataFrame) -> pd.DataFrame:
    """The coder's codings here, read again under their lock; bad rows stop the merge."""
    from research.coding import CODING_COLUMNS, read_codings
    from research.errors import ValidationFailed

    path = folder / f"{coder}.csv"
    if not path.is_file():
        return empty
    frame, problems = read_codings(folder)
    errors = [p for p in problems if p.severity == "error" and p.path == path.name]
    if errors:
        raise ValidationFailed(errors)
    return frame[frame["coder"] == coder][CODING_COLUMNS].reset_index(drop=True)


def _codebook_here(project: Project) -> Codebook:
    from research.codebook import read_codebook
    from research.errors import ValidationFailed

    book, problems = read_codebook(project.paths.codebook, root=project.root)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValidationFailed(errors)
    return book


def _known_codes(
    theirs: pd.DataFrame, book: Codebook, source: Codebook | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The codings whose code is in either codebook, and a report refusing the others."""
    from research.coding import MERGE_COLUMNS

    known = set(book.ids) | set(source.ids if source is not None else ())
    unknown = ~theirs["code"].isin(known)
    refused = theirs[unknown].assign(
        status="refused", reason=lambda t: t["code"].map(lambda c: f"code {c!r} is in neither codebook")
    )  # fmt: skip
    return theirs[~unknown], refused[MERGE_COLUMNS] if len(refused) else refused


def _write(
    project: Project, coder: str, merged: pd.DataFrame, book: Any, new_book: Any
) -> list[Path]:
    from research.codebook import codebook_texts
    from research.coding import codings_text
    from research.files import transaction

    target = project.paths.codings / f"{coder}.csv"
    text = codings_text(merged)
    old_texts = codebook_texts(book) if len(book) else {}
    written = []
    with transaction(journal=project.root) as tx:
        for name, content in codebook_texts(new_book).items():
            if old_texts.get(name) != content:
                tx.write_text(project.paths.codebook / name, content)
                written.append(project.paths.codebook / name)
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            tx.write_text(target, text)
            written.append(target)
    return written
