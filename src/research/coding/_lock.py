"""The coder lock: one process at a time writes the files of a coder.

Two processes of one coder are serialised by a lock file ``.<coder>.lock`` next
to the codings, held with an OS lock so that a killed process never blocks the
coder; where there are no OS locks the lock file is linked into place with its
owner written inside (see :func:`coder_lock`).
"""

from __future__ import annotations

import contextlib
import os
import socket
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # no OS file locks here (Windows): lock files linked into place
    fcntl = None  # type: ignore[assignment]

from research.errors import CodingError
from research.files import pid_alive

__all__ = ["coder_lock"]

_STALE_LOCK_SECONDS = 600.0


def _lock_owner(path: Path) -> tuple[int | None, str, float | None]:
    """The pid, host and time written in a lock file (``None``/``""`` when unreadable)."""
    try:
        content = path.read_text(encoding="utf-8").split()
    except (OSError, UnicodeDecodeError):
        return None, "", None
    pid = int(content[0]) if content and content[0].isdigit() else None
    host = content[1] if len(content) >= 2 else ""
    try:
        since = float(content[2]) if len(content) >= 3 else None
    except ValueError:
        since = None
    return pid, host, since


def _lock_is_stale(path: Path) -> bool:
    """Whether the owner written in a lock file cannot still be holding it.

    Only used for a lock whose OS lock nobody holds (or where there are no OS
    locks): an empty or unreadable file (a process killed before it wrote its
    name, or a file damaged), a process of this machine that no longer runs, or
    a file untouched for ten minutes.
    """
    pid, host, _ = _lock_owner(path)
    try:
        age = time.time() - path.stat().st_mtime
    except OSError:
        return True
    if pid is None or age > _STALE_LOCK_SECONDS:
        return True
    if host == socket.gethostname():
        return not pid_alive(pid)
    return False


def _owner_text() -> str:
    return f"{os.getpid()} {socket.gethostname()} {time.time():.0f}\n"


def _lock_busy(path: Path, coder: str) -> CodingError:
    pid, host, since = _lock_owner(path)
    if pid is None:
        who = "another process (the lock file does not name it yet)"
    else:
        who = f"another process (process {pid} on {host or 'an unknown machine'}"
    if since is not None:
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(since))
        who += f", since {stamp} UTC"
    if pid is not None:
        who += ")"
    return CodingError(
        f"the codings of {coder!r} are being saved by {who}",
        path=path,
        hint=f"wait for it to finish; if no such process runs any more, delete {path}",
    )


def _same_file(fd: int, path: Path) -> bool:
    try:
        held, named = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino)


def _held_elsewhere(path: Path) -> bool:
    """Whether a lock file whose OS lock is free names a living holder of another
    machine (a process of this one would hold the OS lock)."""
    pid, host, _ = _lock_owner(path)
    if pid is None or host == socket.gethostname():
        return False
    return not _lock_is_stale(path)


def _take_with_flock(path: Path) -> int | None:
    """One attempt at the lock with an OS lock; the open descriptor, or ``None``.

    The OS lock (``flock``) decides who holds ``path``: it is released by the
    kernel when its process dies, so a dead holder never blocks anyone, and the
    file is only ever truncated or deleted by the process that holds it. The
    owner written inside is for people and for processes of other machines
    (where the folder is shared but OS locks are not): a lock naming a living
    process of another machine, less than ten minutes old, is respected.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    # the file may have been released and deleted between our open and our lock
    if not _same_file(fd, path) or _held_elsewhere(path):
        os.close(fd)
        return None
    os.ftruncate(fd, 0)
    os.pwrite(fd, _owner_text().encode("utf-8"), 0)
    return fd


def _take_with_link(path: Path) -> int | None:
    """One attempt at the lock where there are no OS locks: the lock file is
    linked into place with its owner already written, and a stale one is moved
    aside under a unique name before being judged, so two processes never both
    remove a lock."""
    fd, tmp = tempfile.mkstemp(prefix=f"{path.name}.", suffix=".new", dir=path.parent)
    try:
        os.write(fd, _owner_text().encode("utf-8"))
        os.fsync(fd)
        try:
            os.link(tmp, path)
            return fd
        except FileExistsError:
            pass
        if _lock_is_stale(path):
            aside = f"{tmp}.stale"
            with contextlib.suppress(OSError):
                os.rename(path, aside)  # only one process wins this rename
                if _lock_is_stale(Path(aside)):
                    os.unlink(aside)
                else:  # a fresh lock taken meanwhile: put it back if still free
                    with contextlib.suppress(FileExistsError):
                        os.link(aside, path)
                    os.unlink(aside)
        os.close(fd)
        return None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


@contextlib.contextmanager
def coder_lock(folder: str | Path, coder: str, *, timeout: float = 10.0) -> Iterator[Path]:
    """Hold the lock file ``.<coder>.lock`` of a codings (or codebook) folder.

    Who holds the lock is decided by an OS lock (``flock``) on the file, which
    the system releases when its process dies: a lock left by a killed process
    is taken at once, whatever the file says, and taking over a stale lock is
    one atomic step, so two processes are never inside at once. The file names
    its holder (``pid host time``); a file naming a living process of another
    machine (a shared folder) is respected for ten minutes.

    Raises
    ------
    CodingError
        When another process holds the lock longer than ``timeout`` seconds,
        naming it, since when it holds it, and which file to delete if it is
        no longer running.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with coder_lock(folder, "lea") as lock:
    ...     lock.name, lock.exists()
    ('.lea.lock', True)
    >>> lock.exists()
    False
    """
    path = Path(folder) / f".{coder}.lock"
    take = _take_with_link if fcntl is None else _take_with_flock
    deadline = time.monotonic() + timeout
    while (fd := take(path)) is None:
        if time.monotonic() > deadline:
            raise _lock_busy(path, coder) from None
        time.sleep(0.02)
    try:
        yield path
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # while still holding it: nobody else deletes a held lock
        os.close(fd)
