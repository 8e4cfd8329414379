"""Safe reading and atomic writing of the files people make.

Writes of human-generated files (codebook, codings, pseudonym key, imported
documents) go through :func:`atomic_write_text` or :func:`atomic_write_bytes`: a
temporary file in the same folder, flushed and synced, then moved over the target
with :func:`os.replace`, so a failed write leaves the old file as it was.

The file keeps the permissions of the one it replaces; a new file gets those the
umask gives any new file (``0644`` under the usual ``022``), not the ``0600`` of
a temporary file. A temporary file left behind by a killed process
(``.<name>.<random>.tmp``) is hidden from every listing of the project (their
names start with a dot) and removed by the next write in its folder, or by
``research validate``, once it is older than :data:`STALE_SECONDS`.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> atomic_write_text(folder / "a.csv", "x,y\\n1,2\\n")
>>> (folder / "a.csv").read_text()
'x,y\\n1,2\\n'
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

__all__ = [
    "STALE_SECONDS",
    "atomic_write_bytes",
    "atomic_write_text",
    "is_temporary",
    "read_limited",
    "remove_stale_temporaries",
    "target_mode",
    "temporary_file",
]

#: Age after which a temporary file of an atomic write is taken as left by a killed
#: process (a day: no write, nor the recovery of an interrupted one, takes that long).
STALE_SECONDS = 24 * 3600

_TEMPORARY = re.compile(r"\..+\.tmp")
_cleaned: set[str] = set()


def is_temporary(name: str) -> bool:
    """Whether ``name`` is that of a temporary file of an atomic write (``.*.tmp``).

    Examples
    --------
    >>> is_temporary(".lea.csv.k3j9x2.tmp"), is_temporary("notes.tmp")
    (True, False)
    """
    return _TEMPORARY.fullmatch(name) is not None


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # no other way to read it: set and restore at once
    os.umask(mask)
    return mask


def target_mode(path: str | os.PathLike) -> int:
    """The permission bits a file written at ``path`` should have.

    Those of the file already there, else the default of a new file under the
    current umask.
    """
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def remove_stale_temporaries(
    folder: str | os.PathLike, *, older_than: float = STALE_SECONDS, once: bool = False
) -> list[Path]:
    """Remove the temporary files of atomic writes older than ``older_than`` seconds.

    Parameters
    ----------
    folder : path-like
        The folder (not its subfolders).
    older_than : float
        Age in seconds, from the file's last change.
    once : bool
        Look at each folder once per process only (for calls on every write).

    Returns
    -------
    list of Path
        The files removed.
    """
    key = os.path.abspath(folder)
    if once:
        if key in _cleaned:
            return []
        _cleaned.add(key)
    removed: list[Path] = []
    limit = time.time() - older_than
    with contextlib.suppress(OSError), os.scandir(key) as entries:
        for entry in entries:
            if not is_temporary(entry.name):
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < limit:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def temporary_file(target: Path) -> tuple[int, str]:
    """A new temporary file beside ``target`` (open descriptor, name) with the mode
    ``target`` should have; stale temporaries of the folder are removed first."""
    remove_stale_temporaries(target.parent, once=True)
    mode = target_mode(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    if hasattr(os, "fchmod"):
        try:
            os.fchmod(fd, mode)
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    return fd, tmp


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temporary file, fsync, ``os.replace``).

    The folder must exist. On any failure the temporary file is removed and the
    previous content of ``path``, if any, is untouched. The file keeps the mode of
    the one it replaces (a new one gets the umask's default).
    """
    path = Path(path)
    fd, tmp = temporary_file(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def atomic_write_text(path: str | os.PathLike, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically, with ``\\n`` newlines as given."""
    atomic_write_bytes(path, text.encode(encoding))


def read_limited(path: str | os.PathLike, *, max_bytes: int) -> bytes:
    """Read a file, refusing one larger than ``max_bytes``.

    The size is read from the open file first, so an oversized file is refused
    without reading it; the file is read with plain system calls (a corpus is
    thousands of small files, where the buffered-file machinery costs as much as
    the reading).

    Raises
    ------
    research.errors.UnsafeInputError
        When the file is larger than the limit.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = path.write_bytes(b"abc")
    >>> read_limited(path, max_bytes=3)
    b'abc'
    >>> read_limited(path, max_bytes=2)
    Traceback (most recent call last):
    ...
    research.errors.UnsafeInputError: ...a.txt: file is 3 bytes, over the limit of 2 ...
    """
    from research.errors import UnsafeInputError

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd).st_size
        data = b""
        if size <= max_bytes:
            data = os.read(fd, size + 1)  # all of a regular file in one call
            while len(data) <= max_bytes and (more := os.read(fd, 1 << 20)):
                data += more  # a file that grew, or a short read
    finally:
        os.close(fd)
    if size > max_bytes or len(data) > max_bytes:
        raise UnsafeInputError(
            f"file is {max(size, len(data)):,} bytes, over the limit of {max_bytes:,}",
            path=path,
            hint="raise limits.max_file_bytes in research.yaml if the file is genuine",
        )
    return data
