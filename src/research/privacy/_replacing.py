"""Planning the replacement of every real name of the key in a project's files.

:func:`plan_pseudonymisation` reads every file that holds text of the project and
computes its pseudonymised content, without writing anything:

- documents (``corpus/documents``): the text and the front matter of Markdown and
  plain-text documents; a document in another format (``.docx``, ``.vtt``…)
  becomes a Markdown document with the same stored text (as ``research import``
  writes it), the original file being removed. Each document is cut into
  segments again, which must be the same segments at their new places;
- codings (every CSV of ``corpus/codings``, the archive and consensus decisions
  included): ``start`` and ``end`` follow the replacement exactly
  (:func:`~research.privacy.map_offsets`: a coding that covered part of a name
  covers all of its pseudonym), ``quote`` is the new ``text[start:end]``, memos
  lose their names;
- the edition tables and the actor registry (their text columns, CSV or XLSX);
- the codebook (labels, definitions, examples, memos, comments);
- memos (every Markdown file under ``corpus/memos``).

Ids (actor and code ids, coder names, the ids of the front matter) are never
changed, with one exception: a document whose id or file name holds a name
(``Entretien-Helene``, as ``research import`` names a file ``Entretien
Hélène.docx``) is renamed after its pseudonym (``Entretien-Maud``), and its codings,
``coders.yaml`` and the memos that link to it follow.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from research.codebook import codebook_files
from research.coding import coder_lock, coding_files
from research.corpus import document_files, document_id, render_markdown
from research.corpus.loaders import (
    LoadedDocument,
    load_document,
    registered_suffixes,
    segments_for,
    split_front_matter,
)
from research.editions import SCHEMAS
from research.errors import InputError, Problem, ValidationFailed
from research.files import decode_bytes, read_limited
from research.privacy._key import PseudonymKey
from research.privacy._matching import Region, map_offsets, replace_names
from research.privacy._rewrite import (
    CODEBOOK_IDS,
    FRONT_MATTER_IDS,
    MEMO_IDS,
    Replacer,
    rename_ids_in_yaml,
    replace_in_csv,
    replace_in_values,
    replace_in_xlsx,
    replace_in_yaml,
)
from research.text import normalise

__all__ = ["FileChange", "PseudonymisationPlan", "plan_pseudonymisation", "project_locks"]

_TEXT_SUFFIXES = (".md", ".markdown", ".txt")
#: Columns of the codings files that are ids, offsets or dates: never changed.
_CODING_IDS = frozenset(
    {"coder", "doc_id", "start", "end", "code", "created", "seg_id", "kind", "decision",
     "decided_by", "decided_at", "archived", "disagreement_id", "quote"}
)  # fmt: skip


@dataclass(frozen=True)
class FileChange:
    """One file of the plan: its path, old and new content (``None``: absent)."""

    path: Path
    old: bytes | None
    new: bytes | None
    what: str
    replacements: int = 0

    @property
    def created(self) -> bool:
        return self.old is None

    @property
    def removed(self) -> bool:
        return self.new is None


@dataclass
class PseudonymisationPlan:
    """What :func:`plan_pseudonymisation` found: the files to change and counts."""

    changes: list[FileChange] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    codings_moved: int = 0
    codings_widened: int = 0
    codings_merged: int = 0
    warnings: list[Problem] = field(default_factory=list)
    stale_caches: list[Path] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)

    @property
    def replacements(self) -> int:
        return sum(self.counts.values())

    def __bool__(self) -> bool:
        return bool(self.changes)


@dataclass(frozen=True)
class _Document:
    doc_id: str
    old: str
    new: str
    regions: tuple[Region, ...]
    new_id: str = ""

    @property
    def renamed(self) -> bool:
        return bool(self.new_id) and self.new_id != self.doc_id


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_text(path: Path, options) -> str:
    data = read_limited(path, max_bytes=options.max_file_bytes)
    text, _ = decode_bytes(data, path=path)
    return normalise(text)


@contextlib.contextmanager
def project_locks(project):
    """Hold the codebook's lock and every coder's lock (no session writes meanwhile)."""
    with contextlib.ExitStack() as stack:
        if project.paths.codebook.is_dir():
            stack.enter_context(coder_lock(project.paths.codebook, "codebook"))
        if project.paths.codings.is_dir():
            for path in coding_files(project.paths.codings):
                stack.enter_context(coder_lock(project.paths.codings, path.stem))
        yield


def plan_pseudonymisation(project, key: PseudonymKey) -> PseudonymisationPlan:
    """Every file of ``project`` with the names of ``key`` replaced; nothing is written.

    Parameters
    ----------
    project : research.project.Project
    key : PseudonymKey
        A complete key (every entry with a pseudonym or ``keep: true``).

    Returns
    -------
    PseudonymisationPlan

    Raises
    ------
    ValidationFailed
        When a file cannot be pseudonymised exactly: a document whose segments
        would change (a pseudonym that is not a valid speaker label), a coding
        whose quote is not its text any more (run ``research anchor --apply``
        first), YAML whose names cannot be replaced in place.
    """
    replacer = Replacer(key.matcher())
    plan = PseudonymisationPlan()
    problems: list[Problem] = []
    documents = _plan_documents(project, replacer, plan, problems)
    renamed = {d.doc_id: d.new_id for d in documents.values() if d.renamed}
    _plan_codings(project, documents, replacer, plan, problems)
    _plan_coders(project, renamed, plan, problems)
    _plan_tables(project, replacer, plan, problems)
    _plan_yaml_files(project, codebook_files(project.paths.codebook), CODEBOOK_IDS, "codebook", replacer, plan, problems)  # fmt: skip
    _plan_memos(project, replacer, renamed, plan, problems)
    plan.renamed = renamed
    if problems:
        raise ValidationFailed(problems)
    plan.counts = replacer.counts
    cache = project.paths.cache / "nlp"
    if cache.is_dir():
        changed = {_sha(doc.old) for doc in documents.values() if doc.regions}
        plan.stale_caches = sorted(p for p in cache.glob("*/*.pkl") if p.stem in changed)
    return plan


# -- documents ------------------------------------------------------------------------------


def _plan_documents(project, replacer, plan, problems) -> dict[str, _Document]:
    documents: dict[str, _Document] = {}
    suffixes = set(registered_suffixes())
    files = [p for p in document_files(project.paths.documents) if p.suffix.lower() in suffixes]
    taken = {p.with_suffix("").as_posix().casefold() for p in files}
    for path in files:
        rel = project.paths.relative(path)
        try:
            if path.suffix.lower() in _TEXT_SUFFIXES:
                found = _markdown_document(path, rel, project, replacer, plan, taken)
            else:
                found = _converted_document(path, rel, project, replacer, plan, taken)
        except InputError as exc:
            problems.append(exc.to_problem())
            continue
        documents[found.doc_id] = found
    ids = {}
    for doc in documents.values():
        other = ids.setdefault(doc.new_id, doc)
        if other is not doc:
            problems.append(
                Problem(
                    "error",
                    f"the documents {other.doc_id!r} and {doc.doc_id!r} would both get the id "
                    f"{doc.new_id!r} once their names are replaced",
                    hint="give one of them another id (its file name or 'id:' in its front "
                    "matter) first",
                )
            )
    return documents


def _front_matter_parts(text: str, body: str) -> tuple[str, str, str]:
    """``(opening, yaml, closing)`` of the front matter before ``body`` in ``text``."""
    head = text[: len(text) - len(body)]
    if not head:
        return "", "", ""
    last = head.rstrip("\n").rfind("\n") + 1  # start of the closing line
    return head[:4], head[4:last], head[last:]


def new_name(name: str, replacer: Replacer) -> str:
    """A document id or file name with its names replaced (hyphens, dots and
    underscores read as spaces and kept), made a valid id again.

    Examples
    --------
    >>> from research.privacy._matching import Form, NameMatcher
    >>> new_name("Entretien-Helene_Cuenot", Replacer(NameMatcher([Form("Hélène Cuenot", "Maud Perrin")])))
    'Entretien-Maud_Perrin'
    """
    spaced = re.sub(r"[-_.]", " ", name)
    replaced = replace_names(spaced, replacer.matcher, elision=False)
    if not replaced.regions:
        return name
    pieces, last = [], 0
    for region in replaced.regions:
        pieces += [name[last : region.start], region.new]
        last = region.end
    pieces.append(name[last:])
    return document_id("".join(pieces))


def _target(path: Path, stem: str, suffix: str, project, rel: str, taken: set[str]) -> Path:
    target = path.with_name(stem + suffix)
    key = target.with_suffix("").as_posix().casefold()
    if target != path and (
        target.exists() or (key in taken and target.with_suffix("") != path.with_suffix(""))
    ):
        raise InputError(
            f"its pseudonymised version would replace {project.paths.relative(target)}",
            path=rel,
            hint="rename one of the two files first",
        )
    taken.add(key)
    return target


def _markdown_document(path: Path, rel: str, project, replacer, plan, taken) -> _Document:
    raw = path.read_bytes()
    text = _read_text(path, project.loader_options)
    meta, body, _ = split_front_matter(text, path=rel)
    opening, source, closing = _front_matter_parts(text, body)
    start = sum(replacer.counts.values())
    new_source = replace_in_yaml(source, replacer, ids=FRONT_MATTER_IDS, path=rel)
    replaced = replacer.replaced(body)
    count = sum(replacer.counts.values()) - start
    doc_id = str(meta.get("id") or path.stem)
    new_id = new_name(doc_id, replacer)
    if "id" in meta and new_id != doc_id:
        new_source = rename_ids_in_yaml(new_source, {doc_id: new_id}, keys={"id"}, path=rel)
    document = _Document(doc_id, body, replaced.text, replaced.regions, new_id)
    stem = new_name(path.stem, replacer)
    if new_source == source and not replaced.changed and stem == path.stem:
        return document
    content = opening + new_source + closing + replaced.text
    new_meta, new_body, _ = split_front_matter(content, path=rel)
    if new_body != replaced.text:
        raise InputError(
            "replacing the names would move the end of the front matter",
            path=rel,
            hint="replace them by hand in the front matter, then run the command again",
        )
    _check_segments(rel, body, meta, replaced, new_meta, replacer)
    new = content.encode("utf-8")
    target = _target(path, stem, path.suffix, project, rel, taken)
    if target != path:
        plan.changes.append(FileChange(path, raw, None, "document"))
        plan.changes.append(FileChange(target, None, new, "document", count))
    elif new != raw:
        plan.changes.append(FileChange(path, raw, new, "document", count))
    return document


def _converted_document(path: Path, rel: str, project, replacer, plan, taken) -> _Document:
    """A document in another format: its Markdown version, when it holds a name."""
    loaded = load_document(path, options=project.loader_options)
    doc_id = str(loaded.metadata.get("id") or path.stem)
    meta = {"id": doc_id, **loaded.metadata}
    start = sum(replacer.counts.values())
    new_meta = replace_in_values(meta, replacer, ids=FRONT_MATTER_IDS)
    replaced = replacer.replaced(loaded.text)
    count = sum(replacer.counts.values()) - start
    new_id = new_name(doc_id, replacer)
    document = _Document(doc_id, loaded.text, replaced.text, replaced.regions, new_id)
    stem = new_name(path.stem, replacer)
    if not count and new_id == doc_id and stem == path.stem and new_meta == meta:
        return document
    new_meta["id"] = new_id
    _check_segments(rel, loaded.text, meta, replaced, new_meta, replacer)
    content = render_markdown(replaced.text, new_meta)
    if split_front_matter(normalise(content), path=rel)[1] != replaced.text:
        raise InputError(
            "this document cannot be stored as Markdown without changing its text",
            path=rel,
            hint="import it with 'research import' first, then pseudonymise",
        )
    target = _target(path, stem, ".md", project, rel, taken)
    plan.changes.append(FileChange(path, path.read_bytes(), None, "document"))
    plan.changes.append(FileChange(target, None, content.encode("utf-8"), "document", count))
    return document


def _check_segments(rel, old_text, old_meta, replaced, new_meta, replacer) -> None:
    """The new text must give the same segments, at their new places."""
    old = segments_for(LoadedDocument(old_text, dict(old_meta), normalised=True))
    new = segments_for(LoadedDocument(replaced.text, dict(new_meta), normalised=True))
    starts = map_offsets(replaced.regions, [s.start for s in old], side="start")
    ends = map_offsets(replaced.regions, [s.end for s in old], side="end")
    if len(old) == len(new):
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            speaker = None if a.speaker is None else replacer.quietly(a.speaker)
            if (starts[i], ends[i], speaker) != (b.start, b.end, b.speaker):
                break
        else:
            return
    raise InputError(
        f"replacing the names would change how this document is cut into segments "
        f"({len(old)} segments before, {len(new)} after)",
        path=rel,
        hint="a pseudonym used as a speaker label must be a valid label: 1 to 4 words "
        "starting with a capital letter, at most 40 characters",
    )


# -- codings --------------------------------------------------------------------------------


def _plan_codings(project, documents: dict[str, _Document], replacer, plan, problems) -> None:
    folder = project.paths.codings
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*.csv")):
        if any(part.startswith((".", "_")) for part in path.relative_to(folder).parts):
            continue
        rel = project.paths.relative(path)
        raw = path.read_bytes()
        text, _ = decode_bytes(raw, path=rel)
        try:
            new_text = _codings_text(text, rel, documents, replacer, plan)
        except InputError as exc:
            problems.append(exc.to_problem())
            continue
        new = new_text.encode("utf-8")
        if new_text != text:
            plan.changes.append(FileChange(path, raw, new, "codings"))


def _codings_text(text: str, rel: str, documents, replacer: Replacer, plan) -> str:
    seen: set[tuple] = set()

    def transform(header: list[str], row: list[str], number: int) -> list[str] | None:
        at = {name: i for i, name in enumerate(header)}
        row = row + [""] * (len(header) - len(row))
        new = list(row)
        doc = documents.get(row[at["doc_id"]]) if "doc_id" in at else None
        offsets = "start" in at and "end" in at
        if doc is not None and offsets and row[at["start"]].strip() and row[at["end"]].strip():
            _move_coding(new, at, doc, rel, number, plan, replacer)
        if doc is not None and doc.renamed:
            new[at["doc_id"]] = doc.new_id
            if "seg_id" in at and row[at["seg_id"]].startswith(doc.doc_id + ":"):
                new[at["seg_id"]] = doc.new_id + row[at["seg_id"]][len(doc.doc_id) :]
        elif "quote" in at:
            new[at["quote"]] = replacer(row[at["quote"]])
        for name, i in at.items():
            if name not in _CODING_IDS and row[i]:
                new[i] = replacer(row[i])
        if {"coder", "doc_id", "start", "end", "code"} <= set(at):
            identity = tuple(new[at[c]] for c in ("coder", "doc_id", "start", "end", "code"))
            memo = new[at["memo"]] if "memo" in at else ""
            if (identity, memo) in seen:
                plan.codings_merged += 1
                return None
            seen.add((identity, memo))
        return new

    return replace_in_csv(text, transform, path=rel, sort_key=_coding_order)


def _coding_order(header: list[str], row: list[str]) -> tuple | None:
    """The order of a coder file's rows (``doc_id, start, end, code``), if it has one."""
    try:
        at = [header.index(c) for c in ("doc_id", "start", "end", "code")]
        return (row[at[0]], int(row[at[1]]), int(row[at[2]]), row[at[3]])
    except (ValueError, IndexError):
        return None


def _move_coding(new: list[str], at: dict, doc: _Document, rel, number, plan, replacer) -> None:
    try:
        start, end = int(new[at["start"]]), int(new[at["end"]])
    except ValueError:
        raise InputError(
            "start and end must be whole numbers", path=rel, row=number,
            hint="correct the row, then run the command again",
        ) from None  # fmt: skip
    if "quote" in at and new[at["quote"]] != doc.old[start:end]:
        raise InputError(
            f"the quote of this coding of {doc.doc_id} is not the text at {start}-{end} any more",
            path=rel,
            row=number,
            hint="run 'research anchor --apply' to put the codings back in place first",
        )
    if not doc.regions:
        return
    new_start = int(map_offsets(doc.regions, [start], side="start")[0])
    new_end = int(map_offsets(doc.regions, [end], side="end")[0])
    if (new_start, new_end) != (start, end):
        plan.codings_moved += 1
    if _widened(doc.regions, start, end):
        plan.codings_widened += 1
    new[at["start"]], new[at["end"]] = str(new_start), str(new_end)
    if "quote" in at:
        new[at["quote"]] = doc.new[new_start:new_end]


def _widened(regions, start: int, end: int) -> bool:
    return any(r.start < start < r.end or r.start < end < r.end for r in regions)


# -- tables ---------------------------------------------------------------------------------


def _table_ids(name: str):
    """A function telling which columns of a table are never changed."""
    schema = SCHEMAS.get(name)
    if schema is None:
        return lambda column: column == "id" or column.endswith("_id")
    free = {
        c.name
        for c in schema.columns
        if c.dtype in ("str", "list")
        and c.allowed is None
        and c.references is None
        and c.name not in schema.key
    }
    known = {c.name for c in schema.columns}
    return lambda column: column in known and column not in free


def _plan_tables(project, replacer, plan, problems) -> None:
    folder = project.paths.tables
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        suffix = path.suffix.lower()
        if not path.is_file() or path.name.startswith((".", "_", "~$")):
            continue
        if suffix not in (".csv", ".xlsx"):
            continue
        rel = project.paths.relative(path)
        is_id = _table_ids(path.stem)
        raw = read_limited(path, max_bytes=project.loader_options.max_file_bytes)
        try:
            if suffix == ".xlsx":
                new = replace_in_xlsx(raw, replacer, keep=is_id, path=rel)
            else:
                text, _ = decode_bytes(raw, path=rel)
                new_text = replace_in_csv(text, _table_row(is_id, replacer), path=rel)
                new = new_text.encode("utf-8") if new_text != text else None
        except InputError as exc:
            problems.append(exc.to_problem())
            continue
        if new is not None:
            plan.changes.append(FileChange(path, raw, new, "table"))


def _table_row(is_id, replacer):
    def transform(header: list[str], row: list[str], number: int) -> list[str]:
        return [
            cell if i >= len(header) or is_id(header[i].strip()) or not cell else replacer(cell)
            for i, cell in enumerate(row)
        ]

    return transform


# -- codebook and memos -----------------------------------------------------------------------


def _plan_yaml_files(project, paths, ids, what, replacer, plan, problems) -> None:
    for path in paths:
        rel = project.paths.relative(path)
        raw = path.read_bytes()
        try:
            text = _read_text(path, project.loader_options)
            new_text = replace_in_yaml(text, replacer, ids=ids, path=rel)
        except InputError as exc:
            problems.append(exc.to_problem())
            continue
        if new_text != text:
            plan.changes.append(FileChange(path, raw, new_text.encode("utf-8"), what))


def memo_files(project) -> list[Path]:
    """The Markdown files under ``corpus/memos`` (hidden ones and ``_*`` left out)."""
    folder = project.paths.corpus / "memos"
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.rglob("*.md")
        if p.is_file()
        and not any(part.startswith((".", "_")) for part in p.relative_to(folder).parts)
    )


def _plan_coders(project, renamed: dict[str, str], plan, problems) -> None:
    """``coders.yaml`` lists documents by id: renamed documents follow."""
    path = project.paths.codings / "coders.yaml"
    if not renamed or not path.is_file():
        return
    raw = path.read_bytes()
    try:
        text = _read_text(path, project.loader_options)
        new_text = rename_ids_in_yaml(text, renamed, path=project.paths.relative(path))
    except InputError as exc:
        problems.append(exc.to_problem())
        return
    if new_text != text:
        plan.changes.append(FileChange(path, raw, new_text.encode("utf-8"), "codings"))


def _plan_memos(project, replacer, renamed, plan, problems) -> None:
    for path in memo_files(project):
        rel = project.paths.relative(path)
        raw = path.read_bytes()
        try:
            text = _read_text(path, project.loader_options)
            _meta, body, _ = split_front_matter(text, path=rel)
            opening, source, closing = _front_matter_parts(text, body)
            new_source = replace_in_yaml(source, replacer, ids=MEMO_IDS, path=rel)
            new_source = rename_ids_in_yaml(new_source, renamed, keys=set(MEMO_IDS), path=rel)
            new_text = opening + new_source + closing + replacer(body)
        except InputError as exc:
            problems.append(exc.to_problem())
            continue
        if new_text != text:
            plan.changes.append(FileChange(path, raw, new_text.encode("utf-8"), "memo"))
