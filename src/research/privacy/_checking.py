"""The leak check: every real form of the key, wherever a project keeps or sends text.

:func:`check_privacy` searches the project's documents, tables, codings, codebook,
memos, notebooks, settings and ``outputs/`` (or the files given: an export about
to leave, a ``.qdpx``, an IRaMuTeQ corpus, a ``.docx``) for every real form of
the key, without regard to case, accents or white space (the rules of
:class:`~research.privacy.NameMatcher`), and reports each occurrence with its file
and line (or part of a container, cell of a spreadsheet, paragraph of a Word
file). The names of the files are searched too, their hyphens, dots and
underscores read as spaces. Optionally it also lists the names that spaCy's
French model finds in the documents and that the key does not know
(:func:`~research.privacy.entity_candidates`), for the researcher to review.

:func:`real_names_leaving` is the fast version that ``research run`` and
``research qdpx export`` run before anything leaves the project: the inputs of the
chapters and exports only, and nothing when the project has no key.
"""

from __future__ import annotations

import bisect
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from research.errors import InputError, Problem
from research.privacy._key import PseudonymKey
from research.privacy._location import read_project_key
from research.privacy._matching import NameMatcher
from research.privacy._scanning import CODE_SUFFIXES, SKIPPED_SUFFIXES, file_text, path_text

__all__ = [
    "Leak",
    "PrivacyReport",
    "check_files",
    "check_privacy",
    "project_files",
    "real_names_leaving",
]

_SKIPPED_FOLDERS = {".ipynb_checkpoints", "__pycache__", ".git", ".cache", ".venv"}


@dataclass(frozen=True)
class Leak:
    """A real form of the key found in a file."""

    path: str
    line: int | None
    found: str
    real: str
    member: str | None = None
    where: str | None = None
    key_line: int | None = None

    def problem(self) -> Problem:
        """This leak as an error line: ``path, line N: real name 'X' (…)``."""
        place = " in ".join(p for p in (self.where, self.member) if p)
        message = f"real name {self.found!r}" + (f" in {place}" if place else "")
        if self.found.casefold() != self.real.casefold():
            message += f" (a form of {self.real!r})"
        return Problem("error", message, path=self.path, line=self.line)


@dataclass
class PrivacyReport:
    """What :func:`check_privacy` found."""

    leaks: list[Leak] = field(default_factory=list)
    candidates: list = field(default_factory=list)
    scanned: int = 0
    unread: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    key: PseudonymKey | None = None

    @property
    def clean(self) -> bool:
        return not self.leaks


def _walk(folder: Path) -> list[Path]:
    """Every file under ``folder`` (hidden files and caches left out), sorted."""
    if folder.is_file():
        return [folder]
    found = []
    for current, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_FOLDERS)
        found += [Path(current) / n for n in names if not n.startswith((".", "~$"))]
    return sorted(found)


def project_files(project, *, outputs: bool = True, skip: Iterable[str | Path] = ()) -> list[Path]:
    """The files the check reads: the corpus (documents, tables, codings, memos…),
    the codebook, the notebooks, ``research.yaml`` and, with ``outputs``, ``outputs/``.

    The private folder, caches and hidden files are never read, nor the files of
    ``skip`` (the standard chapters a project has not changed: the package's text,
    not the project's).
    """
    paths = project.paths
    folders = [
        paths.corpus,
        paths.documents,
        paths.tables,
        paths.codings,
        paths.codebook,
        paths.notebooks,
    ]
    if outputs:
        folders.append(paths.outputs)
    settings = project.root / "research.yaml"
    files: list[Path] = [settings] if settings.is_file() else []
    seen: set[Path] = set(files) | {Path(p) for p in skip}
    private = str(paths.private) + os.sep
    for folder in folders:
        if not folder.exists():
            continue
        for path in _walk(folder):
            if path not in seen and not str(path).startswith(private):
                seen.add(path)
                files.append(path)
    return files


def _shown(project, path: Path) -> str:
    if project is None:
        return str(path)
    return project.paths.relative(path)


def _search(text: str, matcher: NameMatcher):
    """Each form found in ``text`` with its line number."""
    if not text:
        return []
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)  # the same lines
    matches = matcher.find(text)
    if not matches:
        return []
    newlines = [m.start() for m in re.finditer("\n", text)]
    return [(bisect.bisect_right(newlines, m.start) + 1, m) for m in matches]


def check_files(
    paths: list[Path],
    key: PseudonymKey,
    *,
    project=None,
    names: bool = True,
) -> PrivacyReport:
    """Search files for every real form of ``key`` (see the module).

    Parameters
    ----------
    paths : list of Path
        Files, or folders (read recursively).
    key : PseudonymKey
    project : research.project.Project, optional
        For paths shown relative to its root, and its limits on files.
    names : bool
        Search the files' names too.

    Returns
    -------
    PrivacyReport
    """
    matcher = key.matcher()
    report = PrivacyReport(key=key)
    options = None if project is None else project.loader_options
    files = [f for p in paths for f in _walk(Path(p))]
    entries = key.entries
    for path in files:
        if path.suffix.lower() in CODE_SUFFIXES:
            continue
        shown = _shown(project, path)
        if names:  # the path in the project, or only the name of a file outside it
            named = path.name if Path(shown).is_absolute() else shown
            for _, match in _search(path_text(named), matcher):
                entry = entries[match.form.entry]
                report.leaks.append(
                    Leak(
                        shown,
                        None,
                        match.text,
                        entry.real,
                        where="its file name",
                        key_line=entry.line,
                    )
                )
        try:
            found = file_text(path, options)
        except InputError as exc:
            report.problems.append(
                Problem("warning", f"not read: {exc.message}", path=shown, hint=exc.hint)
            )
            continue
        except OSError as exc:
            report.problems.append(
                Problem("warning", f"not read ({exc.strerror or exc})", path=shown)
            )
            continue
        if found is None:
            if path.suffix.lower() in SKIPPED_SUFFIXES:
                report.unread.append(shown)
            continue
        report.scanned += 1
        for line, match in _search(found.text, matcher):
            member, number, where = found.place(line)
            entry = entries[match.form.entry]
            report.leaks.append(
                Leak(shown, number, match.text, entry.real, member, where, key_line=entry.line)
            )
    return report


def check_privacy(
    project,
    files: list[str | Path] | None = None,
    *,
    outputs: bool = True,
    entities: bool = False,
    skip: Iterable[str | Path] = (),
) -> PrivacyReport:
    """Search a project (or some files) for the real names of its key.

    Parameters
    ----------
    project : research.project.Project
    files : list of path-like, optional
        Files or folders to search instead of the project (exports about to leave).
    outputs : bool
        Search ``outputs/`` too (with the project's files).
    entities : bool
        Also list the names spaCy finds in the documents that the key does not know.
    skip : iterable of path-like
        Files of the project not to read (see :func:`project_files`).

    Returns
    -------
    PrivacyReport
        Empty of leaks when the project has no key (:attr:`PrivacyReport.key` is
        then an empty key).
    """
    key = read_project_key(project)
    paths = (
        [Path(f) for f in files] if files else project_files(project, outputs=outputs, skip=skip)
    )
    for path in paths:
        if not path.exists():
            raise InputError(
                "no such file", path=path, hint="give the path of an existing file or folder"
            )
    report = check_files(paths, key, project=project) if len(key) else PrivacyReport(key=key)
    if files:  # a file given to be checked and not read cannot be vouched for
        report.problems = [
            Problem("error", p.message, path=p.path, hint=p.hint) for p in report.problems
        ]
    report.problems = [
        Problem("warning", p.message, path=p.path, line=p.line, hint=p.hint) for p in key.errors
    ] + report.problems
    if entities:
        from research.privacy._entities import entity_candidates

        report.candidates = entity_candidates(project, key)
    return report


def real_names_leaving(project, *, skip: Iterable[str | Path] = ()) -> list[Leak]:
    """The real names of the key in what chapters and exports read; ``[]`` without a key.

    Searches the corpus (documents, tables, codings, memos), the codebook, the
    notebooks and ``research.yaml`` (but the files of ``skip``), not ``outputs/``
    (which the run rewrites).
    """
    path = Path(project.pseudonym_key)
    if not path.is_file():
        return []
    key = read_project_key(project)
    if not len(key.forms()):
        return []
    files = project_files(project, outputs=False, skip=skip)
    return check_files(files, key, project=project).leaks
