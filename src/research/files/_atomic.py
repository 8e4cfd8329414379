"""Safe reading and atomic writing of the files people make.

Writes of human-generated files (codebook, codings, pseudonym key, imported
documents) go through :func:`atomic_write_text` or :func:`atomic_write_bytes`: a
temporary file in the same folder, flushed and synced, then moved over the target
with :func:`os.replace`, so a failed write leaves the old file as it was.

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
import tempfile
from pathlib import Path

__all__ = ["atomic_write_bytes", "atomic_write_text", "read_limited"]


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temporary file, fsync, ``os.replace``).

    The folder must exist. On any failure the temporary file is removed and the
    previous content of ``path``, if any, is untouched.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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
