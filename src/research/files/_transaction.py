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
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from research.errors import WriteError
from research.files._atomic import temporary_file

__all__ = ["Transaction", "transaction"]


@dataclass
class _Step:
    target: Path
    staged: Path | None  # None: remove the target
    backup: Path | None = None
    existed: bool = False


@dataclass
class Transaction:
    """The files staged by one :func:`transaction`; see there."""

    _steps: dict[Path, _Step] = field(default_factory=dict)
    _made: list[Path] = field(default_factory=list)
    _closed: bool = False

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
        self._steps[target] = _Step(target, staged)

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
        done: list[_Step] = []
        for step in steps:
            try:
                _apply(step)
            except OSError as exc:
                self._roll_back(step, done, exc)
            done.append(step)
        for step in steps:
            if step.backup is not None:
                _unlink(step.backup)
        for folder in {step.target.parent for step in steps}:
            _sync_folder(folder)
        self._closed = True
        return [step.target for step in steps]

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
def transaction() -> Iterator[Transaction]:
    """Stage writes and removals, and make them all on leaving the block, or none.

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
    tx = Transaction()
    try:
        yield tx
    except BaseException:
        tx.discard()
        raise
    tx.commit()
