"""Writing several files so that all of them change or none does.

An import, a codebook revision that rewrites codings, a REFI-QDA import: each
changes several files that only make sense together. :func:`transaction` gives
them one way to do it:

1. each write is staged as a temporary file in the target's own folder, flushed
   and synced (a failure here changes nothing);
2. on leaving the ``with`` block, every file that will be replaced or removed is
   kept as a backup beside it (a hard link, or a synced copy where links are not
   possible);
3. the staged files are renamed over their targets with :func:`os.replace` and the
   removals done, in the order they were asked; if one fails, the files already
   replaced are put back from their backups, the new ones removed, and a
   :class:`~research.errors.WriteError` names the file that failed and those that
   were restored (and any that could not be, with where its backup is);
4. the backups and folders created for nothing are removed.

An exception inside the ``with`` block discards everything staged.

A process killed between two renames (``kill -9``, a power cut) cannot roll
anything back itself. Given ``journal=root``, the transaction first writes,
synced, a journal ``.research-journal-<id>.json`` in ``root`` listing every
target with its staged file, its backup and the SHA-256 of its new content, and
removes it after the last rename; while it runs it holds an OS lock on the
journal. :func:`recover` (run when a project is opened and by ``research
validate``) finds a journal nobody holds and finishes the change when every
file not yet replaced still has its staged file (rolls forward), or else puts
back the files already replaced from their backups (rolls back); it says so in
one line, or reports the change as one it cannot recover.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "old.csv").write_text("x\\n")
>>> with transaction() as tx:
...     tx.write_text(folder / "a" / "new.md", "Bonjour.\\n")
...     tx.remove(folder / "old.csv")
>>> sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
['a', 'a/new.md']
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import socket
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from research.errors import Problem, WriteError
from research.files._atomic import temporary_file
from research.files._processes import pid_alive

try:
    import fcntl
except ImportError:  # no OS file locks (Windows): a journal's pid tells if it is alive
    fcntl = None  # type: ignore[assignment]

__all__ = ["JOURNAL_PREFIX", "Transaction", "recover", "transaction"]

#: Journals are ``<root>/.research-journal-<id>.json``.
JOURNAL_PREFIX = ".research-journal-"


@dataclass
class _Step:
    target: Path
    staged: Path | None  # None: remove the target
    backup: Path | None = None
    existed: bool = False
    digest: str | None = None  # SHA-256 of the staged content


@dataclass
class Transaction:
    """The files staged by one :func:`transaction`; see there."""

    _steps: dict[Path, _Step] = field(default_factory=dict)
    _made: list[Path] = field(default_factory=list)
    _closed: bool = False
    _journal_root: Path | None = None
    _journal: Path | None = None
    _journal_fd: int | None = None

    @property
    def paths(self) -> list[Path]:
        """The files written or removed, in the order they were staged."""
        return [step.target for step in self._steps.values()]

    def write_bytes(self, path: str | os.PathLike, data: bytes) -> None:
        """Stage ``data`` as the new content of ``path`` (folders are created)."""
        self._check_open()
        target = Path(path)
        self._make_folder(target.parent)
        try:
            staged = _stage(target, data)
        except OSError as exc:
            raise WriteError(
                f"cannot write {target} ({exc.strerror or exc}); nothing was changed",
                paths=[target],
            ) from exc
        self._drop(target)
        self._steps[target] = _Step(target, staged, digest=hashlib.sha256(data).hexdigest())

    def write_text(self, path: str | os.PathLike, text: str, *, encoding: str = "utf-8") -> None:
        """Stage ``text`` (newlines as given) as the new content of ``path``."""
        self.write_bytes(path, text.encode(encoding))

    def remove(self, path: str | os.PathLike) -> None:
        """Remove ``path`` with the other changes (nothing happens if it is absent)."""
        self._check_open()
        target = Path(path)
        self._drop(target)
        self._steps[target] = _Step(target, None)

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("this transaction is already committed or discarded")

    def _make_folder(self, folder: Path) -> None:
        missing = [d for d in (folder, *folder.parents) if not d.exists()]
        folder.mkdir(parents=True, exist_ok=True)
        self._made += reversed(missing)

    def _drop(self, target: Path) -> None:
        step = self._steps.pop(target, None)
        if step is not None and step.staged is not None:
            _unlink(step.staged)

    def discard(self) -> None:
        """Remove everything staged and the folders made for it; no file changes."""
        for step in self._steps.values():
            if step.staged is not None:
                _unlink(step.staged)
            if step.backup is not None:
                _unlink(step.backup)
        self._remove_made_folders()
        self._closed = True

    def _remove_made_folders(self) -> None:
        for folder in sorted(set(self._made), key=lambda d: len(d.parts), reverse=True):
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when left empty

    def commit(self) -> list[Path]:
        """Back up, rename, and clean up (see the module); returns :attr:`paths`."""
        self._check_open()
        steps = list(self._steps.values())
        try:
            for step in steps:
                step.existed = step.target.is_file()
                if step.existed:
                    step.backup = _backup(step.target)
        except OSError as exc:
            self.discard()
            raise WriteError(
                f"cannot keep a backup of {step.target} ({exc.strerror or exc}); "
                "nothing was changed",
                paths=[step.target],
            ) from exc
        if self._journal_root is not None and steps:
            try:
                self._write_journal(steps)
            except OSError as exc:
                self.discard()
                raise WriteError(
                    f"cannot write the journal of this change in {self._journal_root} "
                    f"({exc.strerror or exc}); nothing was changed",
                    paths=[self._journal_root],
                ) from exc
        done: list[_Step] = []
        for step in steps:
            try:
                _apply(step)
            except OSError as exc:
                self._roll_back(step, done, exc)
            done.append(step)
        for folder in {step.target.parent for step in steps}:
            _sync_folder(folder)
        for step in steps:
            if step.backup is not None:
                _unlink(step.backup)
        self._end_journal()
        self._closed = True
        return [step.target for step in steps]

    def _write_journal(self, steps: list[_Step]) -> None:
        """Write the journal, synced, before the first rename, and hold its OS lock."""
        root = self._journal_root
        assert root is not None
        record = {
            "version": 1,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "made": [_journal_path(d, root) for d in self._made],
            "steps": [
                {
                    "target": _journal_path(step.target, root),
                    "staged": _journal_path(step.staged, root),
                    "backup": _journal_path(step.backup, root),
                    "existed": step.existed,
                    "sha256": step.digest if step.staged is not None else None,
                }
                for step in steps
            ],
        }
        data = json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=JOURNAL_PREFIX, suffix=".json.tmp", dir=root)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            os.write(fd, data)
            os.fsync(fd)
            journal = Path(tmp[: -len(".tmp")])
            os.link(tmp, journal)  # appears whole, under a name nobody else uses
        except BaseException:
            os.close(fd)
            _unlink(Path(tmp))
            raise
        _unlink(Path(tmp))
        _sync_folder(root)
        self._journal, self._journal_fd = journal, fd

    def _end_journal(self) -> None:
        if self._journal is not None:
            _unlink(self._journal)
            _sync_folder(self._journal.parent)
        if self._journal_fd is not None:
            os.close(self._journal_fd)
        self._journal = self._journal_fd = None

    def _roll_back(self, failed: _Step, done: list[_Step], exc: OSError) -> None:
        restored, lost = [], []
        for step in reversed(done):
            try:
                if step.backup is not None:
                    os.replace(step.backup, step.target)
                    step.backup = None
                elif step.target.exists():
                    os.unlink(step.target)
                restored.append(step.target)
            except OSError:
                lost.append(step)
        for step in self._steps.values():
            if step.staged is not None:
                _unlink(step.staged)
            if step.backup is not None and step not in lost:
                _unlink(step.backup)
        self._remove_made_folders()
        if not lost:
            self._end_journal()
        elif self._journal_fd is not None:  # the journal stays for the next recovery
            os.close(self._journal_fd)
            self._journal_fd = None
        self._closed = True
        verb = "remove" if failed.staged is None else "replace"
        message = f"cannot {verb} {failed.target} ({exc.strerror or exc})"
        if restored:
            message += "; put back as they were: " + ", ".join(map(str, restored))
        else:
            message += "; no file had been changed"
        if lost:
            message += "; could not be put back: " + ", ".join(
                f"{s.target} (its previous content is in {s.backup})"
                if s.backup is not None
                else str(s.target)
                for s in lost
            )
        raise WriteError(message, paths=[failed.target, *restored]) from exc


def _stage(target: Path, data: bytes) -> Path:
    fd, tmp = temporary_file(target)  # with the mode of the file it replaces
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _unlink(Path(tmp))
        raise
    return Path(tmp)


def _backup(target: Path) -> Path:
    """A second name for the current content of ``target``, in its folder."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".bak", dir=target.parent)
    os.close(fd)
    backup = Path(name)
    try:
        os.unlink(backup)
        os.link(target, backup)
    except OSError:  # no hard links here: a synced copy
        try:
            with open(target, "rb") as source, open(backup, "wb") as copy:
                shutil.copyfileobj(source, copy)
                copy.flush()
                os.fsync(copy.fileno())
        except BaseException:
            _unlink(backup)
            raise
    return backup


def _apply(step: _Step) -> None:
    if step.staged is not None:
        os.replace(step.staged, step.target)
        step.staged = None
    elif step.existed:
        os.unlink(step.target)


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def transaction(*, journal: str | os.PathLike | None = None) -> Iterator[Transaction]:
    """Stage writes and removals, and make them all on leaving the block, or none.

    Parameters
    ----------
    journal : path-like, optional
        A folder (the project's root) where a journal of the renames is kept
        while they are made, so that a change killed midway is finished or
        undone by :func:`recover`.

    Yields
    ------
    Transaction
        With ``write_text(path, text)``, ``write_bytes(path, data)``,
        ``remove(path)`` and, after the block, ``paths``.

    Raises
    ------
    research.errors.WriteError
        When a file cannot be staged, backed up, replaced or removed; it says
        which files were put back. Any other exception from the block is raised
        as it is, after the staged files are discarded.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with transaction() as tx:
    ...     tx.write_text(folder / "a.csv", "x\\n")
    ...     tx.write_text(folder / "b.csv", "y\\n")
    >>> [p.name for p in tx.paths], (folder / "b.csv").read_text()
    (['a.csv', 'b.csv'], 'y\\n')
    """
    tx = Transaction(_journal_root=Path(journal) if journal is not None else None)
    try:
        yield tx
    except BaseException:
        tx.discard()
        raise
    tx.commit()


# -- recovery after a kill --------------------------------------------------------------------


def _journal_path(path: Path | None, root: Path) -> str | None:
    """``path`` as written in a journal: relative to ``root`` when inside it."""
    if path is None:
        return None
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return str(Path(path).resolve())


def _from_journal(text: str | None, root: Path) -> Path | None:
    return None if text is None else root / text


def _digest(path: Path) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _held(fd: int, journal: Path) -> bool:
    """Whether the transaction that wrote ``journal`` is still running."""
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        try:
            held, named = os.fstat(fd), os.stat(journal)
        except OSError:
            return True  # removed meanwhile: finished by its writer or another recovery
        return (held.st_dev, held.st_ino) != (named.st_dev, named.st_ino)
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        pid, host = int(record["pid"]), record["host"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return host != socket.gethostname() or pid_alive(pid)


def _shown(paths: list[Path], root: Path) -> str:
    names = [_journal_path(p, root) or "" for p in paths]
    return ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")


def _recover_one(journal: Path, root: Path) -> Problem | None:
    rel = _journal_path(journal, root)
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        steps = [
            _Step(
                target=root / s["target"],
                staged=_from_journal(s["staged"], root),
                backup=_from_journal(s["backup"], root),
                existed=bool(s["existed"]),
                digest=s["sha256"],
            )
            for s in record["steps"]
        ]
        made = [root / d for d in record.get("made", [])]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return Problem(
            "error",
            f"the journal of an interrupted change cannot be read ({exc})",
            path=rel,
            hint="check the files it names by hand, then delete it",
        )

    def done(step: _Step) -> bool:
        if step.staged is None:
            return not step.target.exists()
        return step.target.is_file() and _digest(step.target) == step.digest

    state = [done(step) for step in steps]
    todo = [s for s, d in zip(steps, state, strict=True) if not d]
    forward = all(s.staged is None or _digest(s.staged) == s.digest for s in todo)
    replaced = [s for s, d in zip(steps, state, strict=True) if d]
    back = all(s.backup is not None and s.backup.is_file() for s in replaced if s.existed)
    started = record.get("started", "?")
    if not forward and not back:
        missing = [s.target for s in todo if s.staged is not None] + [
            s.target for s in replaced if s.existed and not (s.backup and s.backup.is_file())
        ]
        return Problem(
            "error",
            f"a change of {len(steps)} file(s) interrupted on {started} is half done and "
            f"cannot be finished or undone: the new or the previous content of "
            f"{_shown(missing, root)} is lost",
            path=rel,
            hint="restore these files from a backup or version control, then delete the journal",
        )
    try:
        if forward:
            for step in todo:
                _apply(step)
            message = (
                f"a change of {len(steps)} file(s) interrupted on {started} was finished "
                f"({len(todo)} still to make: {_shown([s.target for s in todo], root) or 'none'})"
            )
        else:
            for step in reversed(replaced):
                if step.existed and step.backup is not None:
                    os.replace(step.backup, step.target)
                else:
                    _unlink(step.target)
            for folder in sorted(set(made), key=lambda d: len(d.parts), reverse=True):
                with contextlib.suppress(OSError):
                    folder.rmdir()
            message = (
                f"a change of {len(steps)} file(s) interrupted on {started} was undone "
                f"({len(replaced)} put back: "
                f"{_shown([s.target for s in replaced], root) or 'none'})"
            )
        for folder in {step.target.parent for step in steps}:
            if folder.is_dir():
                _sync_folder(folder)
    except OSError as exc:
        return Problem(
            "error",
            f"a change interrupted on {started} could not be recovered ({exc.strerror or exc})",
            path=rel,
            hint="check the files the journal names by hand, then delete it",
        )
    for step in steps:
        for leftover in (step.staged, step.backup):
            if leftover is not None:
                _unlink(leftover)
    _unlink(journal)
    _sync_folder(journal.parent)
    return Problem("warning", message, path=rel)


def recover(root: str | os.PathLike) -> list[Problem]:
    """Finish or undo the changes of transactions killed midway in ``root``.

    Each journal left in ``root`` (see the module) that no running transaction
    holds is recovered: rolled forward when every file not yet replaced still
    has its staged content, else rolled back from the backups.

    Returns
    -------
    list of Problem
        One warning per change recovered, saying what was done in one line; one
        error per change that cannot be recovered (its journal is kept).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> with transaction(journal=root) as tx:
    ...     tx.write_text(root / "a.txt", "A")
    >>> recover(root), sorted(p.name for p in root.iterdir())
    ([], ['a.txt'])
    """
    root = Path(root)
    problems = []
    try:
        journals = sorted(root.glob(f"{JOURNAL_PREFIX}*.json"))
    except OSError:
        return []
    for journal in journals:
        try:
            fd = os.open(journal, os.O_RDONLY)
        except OSError:
            continue
        try:
            if _held(fd, journal):
                continue
            problem = _recover_one(journal, root)
        finally:
            os.close(fd)
        if problem is not None:
            problems.append(problem)
    return problems
