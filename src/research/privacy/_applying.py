"""Applying a pseudonymisation, all or nothing, and undoing it byte for byte.

:func:`apply_pseudonymisation` writes every file of the plan
(:func:`~research.privacy.plan_pseudonymisation`) in one
:func:`research.files.transaction` journaled in the project's root, together with
a copy of each file's original under ``private/raw/`` (its path in the project
kept: ``private/raw/corpus/documents/interviews/INT03.md``) and the record
``private/raw/pseudonymisation.json``: for every round of replacement, its date,
the forms replaced with their pseudonyms, and the SHA-256 of each file before and
after. A file keeps its first original: a later round (a name added to the key)
only records what it changed.

:func:`revert_pseudonymisation` puts every original back (and removes the files a
round created), in one transaction too, then removes the copies and the record.
It refuses, naming them, when files were changed since they were pseudonymised
(their changes would be lost), unless forced.

Replacing again with the same key is a no-op: a pseudonym never contains a real
form of the key (the key is refused otherwise), so no real form is left to find.
A key whose pseudonym of an already replaced form changed is refused: the text
holds the old pseudonym, so the project is reverted first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
from dataclasses import dataclass
from pathlib import Path

from research.errors import InputError, Problem, ValidationFailed
from research.files import transaction
from research.privacy._key import PseudonymKey, check_key
from research.privacy._location import check_private_location, read_project_key
from research.privacy._matching import Form, NameMatcher, form_key
from research.privacy._replacing import (
    PseudonymisationPlan,
    plan_pseudonymisation,
    project_locks,
)

__all__ = [
    "RECORD_NAME",
    "Reverted",
    "apply_pseudonymisation",
    "raw_folder",
    "read_record",
    "revert_pseudonymisation",
]

#: The record of the rounds of replacement, in the folder of the originals.
RECORD_NAME = "pseudonymisation.json"


def raw_folder(project) -> Path:
    """Where the originals of pseudonymised files are kept: ``<private>/raw``."""
    return project.paths.private / "raw"


def _sha(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def read_record(project) -> dict:
    """The record of the rounds of replacement (``{"rounds": []}`` when none).

    Raises
    ------
    InputError
        When the record cannot be read.
    """
    path = raw_folder(project) / RECORD_NAME
    if not path.is_file():
        return {"version": 1, "rounds": []}
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(record.get("rounds"), list):
            raise ValueError("no list of rounds")
    except (OSError, ValueError, AttributeError) as exc:
        raise InputError(
            f"the record of the pseudonymisation cannot be read ({exc})",
            path=project.paths.relative(path),
            hint="restore it from a backup: without it the originals cannot be put back",
        ) from None
    return record


def _relative(project, path: Path) -> str:
    try:
        return path.resolve().relative_to(project.root).as_posix()
    except ValueError:
        raise InputError(
            "this file is outside the project folder; its original could not be kept",
            path=path,
            hint="keep the project's folders inside it (research.yaml, folders:)",
        ) from None


def _replaced_forms(record: dict) -> dict[str, tuple[str, str]]:
    """Each form replaced by an earlier round: its key, as written and its pseudonym."""
    forms = {}
    for round_ in record["rounds"]:
        for real, pseudonym in round_.get("forms", {}).items():
            forms[form_key(real)] = (real, pseudonym)
    return forms


def _changed_pseudonyms(key: PseudonymKey, record: dict, shown: str | None) -> list[Problem]:
    earlier = _replaced_forms(record)
    problems = []
    for form in key.forms():
        before = earlier.get(form_key(form.text))
        if before is not None and form.replacement and form.replacement != before[1]:
            entry = key.entries[form.entry]
            problems.append(
                Problem(
                    "error",
                    f"{form.text!r} was replaced by {before[1]!r}; the key now says "
                    f"{form.replacement!r}",
                    path=shown,
                    line=entry.line,
                    hint="the documents hold the old pseudonym: run 'research pseudonymise "
                    "--revert', then apply the new key",
                )
            )
    return problems


def _pseudonyms_in_use(project, key: PseudonymKey, record: dict) -> list[Problem]:
    """New pseudonyms that the documents already hold (two people would become one)."""
    from research.corpus import document_files
    from research.corpus.loaders import split_front_matter

    earlier = _replaced_forms(record)
    forms = [
        Form(form.replacement, None, form.entry, case_sensitive=True)  # "rose" is no Rose
        for form in key.forms()
        if form.replacement and form_key(form.text) not in earlier
    ]
    matcher = NameMatcher(forms)
    if not matcher:
        return []
    problems = []
    texts = [
        p
        for p in document_files(project.paths.documents)
        if p.suffix.lower() in (".md", ".markdown", ".txt")
    ]
    if project.paths.tables.is_dir():
        texts += sorted(project.paths.tables.glob("*.csv"))
    for path in texts:
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        body, offset = text, 0
        if path.suffix.lower() != ".csv":
            try:
                _, body, offset = split_front_matter(text)
            except InputError:
                continue
        first = {}
        for match in matcher.find(body):
            first.setdefault(match.form.text, match)
        for match in first.values():
            entry = key.entries[match.form.entry]
            problems.append(
                Problem(
                    "error",
                    f"the pseudonym {match.form.text!r} of {entry.real!r} is already in "
                    f"the text ({match.text!r})",
                    path=project.paths.relative(path),
                    line=offset + body.count("\n", 0, match.start) + 1,
                    hint="choose another pseudonym in the key: readers could not tell the "
                    "two apart",
                )
            )
    return problems


def apply_pseudonymisation(project, *, dry_run: bool = False) -> PseudonymisationPlan:
    """Replace every real name of the project's key in its files; all or nothing.

    Parameters
    ----------
    project : research.project.Project
    dry_run : bool
        Plan and report only.

    Returns
    -------
    PseudonymisationPlan
        What was (or would be) changed; empty when nothing is left to replace.

    Raises
    ------
    ValidationFailed
        When the key is not complete or valid, a pseudonym of an already replaced
        form changed, a new pseudonym is already in the text, or a file cannot be
        pseudonymised exactly (see :func:`plan_pseudonymisation`).
    InputError
        When the key or the originals would be inside a shared or committed folder.
    research.errors.WriteError
        When the files cannot be written; none is changed then.
    """
    key = read_project_key(project)
    check_key(key, complete=True, shown=project.paths.relative(key.path) if key.path else None)
    if not key.forms():
        raise InputError(
            "the pseudonym key has no name to replace",
            path=project.paths.relative(key.path) if key.path else None,
            hint="run 'research pseudonymise --propose', then fill in the pseudonyms",
        )
    raw = raw_folder(project)
    check_private_location(project, raw / RECORD_NAME, what="the originals (private/raw)")
    with project_locks(project):
        record = read_record(project)
        shown = project.paths.relative(key.path) if key.path else None
        problems = _changed_pseudonyms(key, record, shown)
        problems += _pseudonyms_in_use(project, key, record)
        if problems:
            raise ValidationFailed(problems)
        plan = plan_pseudonymisation(project, key)
        if dry_run or not plan:
            return plan
        _write(project, key, plan, record)
    project.reload()
    return plan


def _write(project, key: PseudonymKey, plan: PseudonymisationPlan, record: dict) -> None:
    raw = raw_folder(project)
    kept = {path for round_ in record["rounds"] for path in round_.get("files", {})}
    files = {}
    with transaction(journal=project.root) as tx:
        for change in plan.changes:
            rel = _relative(project, change.path)
            files[rel] = {"before": _sha(change.old), "after": _sha(change.new)}
            if change.old is not None and rel not in kept:
                tx.write_bytes(raw / rel, change.old)
            if change.new is None:
                tx.remove(change.path)
            else:
                tx.write_bytes(change.path, change.new)
        for cache in plan.stale_caches:
            tx.remove(cache)
        record = dict(record)
        record["rounds"] = [
            *record["rounds"],
            {
                "applied": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "key": str(key.path) if key.path else None,
                "forms": {f.text: f.replacement for f in key.forms() if f.replacement},
                "files": files,
            },
        ]
        text = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
        tx.write_text(raw / RECORD_NAME, text)


# -- revert -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reverted:
    """What :func:`revert_pseudonymisation` did: files restored and removed."""

    restored: list[Path]
    removed: list[Path]
    overwritten: list[str]


def _history(record: dict) -> dict[str, list[dict]]:
    history: dict[str, list[dict]] = {}
    for round_ in record["rounds"]:
        for rel, shas in round_.get("files", {}).items():
            history.setdefault(rel, []).append(shas)
    return history


def _current_sha(path: Path) -> str | None:
    return _sha(path.read_bytes()) if path.is_file() else None


def revert_pseudonymisation(project, *, force: bool = False, dry_run: bool = False) -> Reverted:
    """Put back every original kept by :func:`apply_pseudonymisation`; all or nothing.

    Parameters
    ----------
    project : research.project.Project
    force : bool
        Revert files changed since they were pseudonymised too (their changes are lost).
    dry_run : bool
        Check and report only.

    Returns
    -------
    Reverted

    Raises
    ------
    InputError
        When there is nothing to revert, an original is missing or damaged, or
        (without ``force``) files were changed since they were pseudonymised.
    """
    raw = raw_folder(project)
    with project_locks(project):
        record = read_record(project)
        if not record["rounds"]:
            raise InputError(
                "nothing to revert: this project was not pseudonymised",
                hint=f"the originals would be in {project.paths.relative(raw)}",
            )
        restored, removed, changed = [], [], []
        originals: dict[Path, bytes | None] = {}
        for rel, steps in sorted(_history(record).items()):
            target = project.root / rel
            first, last = steps[0], steps[-1]
            original = None
            if first["before"] is not None:
                copy = raw / rel
                original = copy.read_bytes() if copy.is_file() else None
                if _sha(original) != first["before"]:
                    raise InputError(
                        f"the original of {rel} is missing or damaged",
                        path=project.paths.relative(copy),
                        hint="restore private/raw from a backup; nothing was changed",
                    )
            chained = all(b["before"] == a["after"] for a, b in itertools.pairwise(steps))
            if _current_sha(target) != last["after"] or not chained:
                changed.append(rel)
            originals[target] = original
            (restored if original is not None else removed).append(target)
        if changed and not force:
            shown = ", ".join(changed[:8]) + (
                f" and {len(changed) - 8} more" if len(changed) > 8 else ""
            )
            raise InputError(
                f"{len(changed)} file(s) changed since they were pseudonymised: {shown}",
                hint="reverting would lose those changes; use --force to revert anyway",
            )
        if not dry_run:
            with transaction(journal=project.root) as tx:
                for target, original in originals.items():
                    if original is None:
                        tx.remove(target)
                    else:
                        tx.write_bytes(target, original)
                for rel in _history(record):
                    tx.remove(raw / rel)
                tx.remove(raw / RECORD_NAME)
            _remove_empty_folders(raw)
    project.reload()
    return Reverted(restored, removed, changed)


def _remove_empty_folders(folder: Path) -> None:
    if not folder.is_dir():
        return
    for sub in sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if sub.is_dir() and not any(sub.iterdir()):
            sub.rmdir()
    if not any(folder.iterdir()):
        folder.rmdir()
