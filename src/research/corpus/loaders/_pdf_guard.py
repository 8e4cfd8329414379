"""Bounded decoding of PDF streams: a PDF bomb is refused before it fills memory.

The streams of a PDF (page contents, fonts, object and cross-reference streams)
are compressed, most with Flate (zlib), some with LZW or RunLength. A crafted
stream of a few kilobytes can inflate to gigabytes, and pdfminer.six inflates
each stream whole, with no limit. While :func:`decoding_budget` is active,
pdfminer's decoders are replaced by bounded ones that count what every stream
inflates to against the project's :class:`~research.files.Limits`:

- all the streams of one document together may inflate to at most
  ``max_unzipped_bytes`` (the limit on zip containers);
- a stream that inflates past 1 MiB may not be compressed more than
  ``max_zip_ratio`` times (page contents and fonts compress a few times; a bomb
  compresses a thousand times).

Each stream is first inflated as a stream of 64 KiB chunks that are counted
and dropped, then, when it is within the limits, decoded for pdfminer: a stream
over a limit stops the load with an :class:`~research.errors.UnsafeInputError`
before anything of it is kept, so a bomb never fills memory (inflating is fast
next to pdfminer's parsing; doing it twice costs little). Fax-compressed (CCITT) data is
never decoded: it holds images, never text. Outside :func:`decoding_budget`
(pdfminer used elsewhere in the process), the decoders behave as pdfminer's own.

References
----------
.. [1] Adobe (2008). *Document management — Portable document format — Part 1:
   PDF 1.7* (ISO 32000-1), § 7.4 "Filters".
"""

from __future__ import annotations

import contextlib
import contextvars
import io
import zlib
from collections.abc import Iterator
from os import PathLike

from research.errors import UnsafeInputError
from research.files import Limits

__all__ = ["decoding_budget", "install"]

#: Streams inflating to less than this are never refused for their ratio.
_RATIO_FLOOR = 1 << 20
_CHUNK = 1 << 16


class _Budget:
    """What the streams of one document may still inflate to."""

    def __init__(self, path: str | PathLike | None, options: Limits) -> None:
        self.path = path
        self.options = options
        self.left = options.max_unzipped_bytes

    def cap(self, compressed: int) -> int:
        """The most a stream of ``compressed`` bytes may inflate to."""
        by_ratio = max(_RATIO_FLOOR, int(self.options.max_zip_ratio * max(compressed, 1)))
        return min(self.left, by_ratio)

    def refuse(self, produced: int, compressed: int) -> UnsafeInputError:
        """The error for a stream of ``compressed`` bytes that inflated past its cap."""
        if produced > self.left:
            return UnsafeInputError(
                "the PDF's streams inflate to more than "
                f"{self.options.max_unzipped_bytes:,} bytes (max_unzipped_bytes), as in a "
                "PDF bomb; it was not read further",
                path=self.path,
                hint="if the file is genuine, raise limits.max_unzipped_bytes in research.yaml",
            )
        return UnsafeInputError(
            f"a stream of the PDF inflates from {compressed:,} bytes to more than "
            f"{produced:,}, over {self.options.max_zip_ratio:,g} times (max_zip_ratio), as "
            "in a PDF bomb; it was not read further",
            path=self.path,
            hint="if the file is genuine, raise limits.max_zip_ratio in research.yaml",
        )

    def spend(self, produced: int) -> None:
        self.left -= produced


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "pdf_decoding_budget", default=None
)


class _CountingInflater:
    """A ``zlib.decompressobj`` whose output is counted against the budget (pdfminer
    feeds a damaged stream to one byte by byte)."""

    def __init__(self, budget: _Budget, *args) -> None:
        self._inflater = zlib.decompressobj(*args)
        self._budget = budget
        self._fed = 0
        self._produced = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        self._fed += len(data)
        cap = self._budget.cap(self._fed) - self._produced
        out = self._inflater.decompress(data, max(cap, 0) + 1)
        if len(out) > cap or self._inflater.unconsumed_tail:
            raise self._budget.refuse(self._produced + len(out), self._fed)
        self._produced += len(out)
        self._budget.spend(len(out))
        return out

    def __getattr__(self, name: str):
        return getattr(self._inflater, name)


class _BoundedZlib:
    """Stands for the ``zlib`` module inside ``pdfminer.pdftypes``."""

    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS

    def decompress(self, data: bytes, *args) -> bytes:
        budget = _BUDGET.get()
        if budget is None:
            return zlib.decompress(data, *args)
        _count(_inflate(data, *args[:1]), budget, len(data))
        out = zlib.decompress(data, *args)  # within the limits: read it as pdfminer does
        budget.spend(len(out))
        return out

    def decompressobj(self, *args):
        budget = _BUDGET.get()
        return zlib.decompressobj(*args) if budget is None else _CountingInflater(budget, *args)


def _inflate(data: bytes, *args) -> Iterator[bytes]:
    """The inflated bytes of a zlib stream, in chunks (raises ``zlib.error`` as
    ``zlib.decompress`` does on a damaged or truncated stream)."""
    inflater = zlib.decompressobj(*args)
    chunk = inflater.decompress(data, _CHUNK)
    while chunk:
        yield chunk
        chunk = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
    if not inflater.eof:
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")


def _count(chunks: Iterator[bytes], budget: _Budget, compressed: int) -> None:
    """Run through a stream's decoded chunks without keeping them, refusing the
    stream once they pass its cap: a bomb never fills memory."""
    produced, cap = 0, budget.cap(compressed)
    for chunk in chunks:
        produced += len(chunk)
        if produced > cap:
            raise budget.refuse(produced, compressed)


def _runs(data: bytes) -> Iterator[bytes]:
    """RunLengthDecode (ISO 32000-1, § 7.4.5), one run at a time."""
    i, n = 0, len(data)
    while i < n:
        length = data[i]
        if length == 128:
            return
        if length < 128:
            yield data[i + 1 : i + 2 + length]
            i += 2 + length
        else:
            yield data[i + 1 : i + 2] * (257 - length)
            i += 2


def install() -> None:
    """Put the bounded decoders in place of pdfminer's (once per process).

    Raises
    ------
    RuntimeError
        When pdfminer.six no longer decodes streams where this module expects (a
        version outside the range of ``pyproject.toml``): PDFs are then not read
        at all rather than read without limits.
    """
    from pdfminer import pdftypes
    from pdfminer.lzw import LZWDecoder

    if isinstance(pdftypes.zlib, _BoundedZlib):
        return
    names = ("zlib", "lzwdecode", "rldecode", "ccittfaxdecode")
    if not all(hasattr(pdftypes, name) for name in names):
        raise RuntimeError(
            "this version of pdfminer.six decodes PDF streams elsewhere than expected; "
            "install the version that pyproject.toml asks for"
        )
    lzw, runlength, ccitt = pdftypes.lzwdecode, pdftypes.rldecode, pdftypes.ccittfaxdecode

    def lzwdecode(data: bytes) -> bytes:
        budget = _BUDGET.get()
        if budget is not None:
            _count(LZWDecoder(io.BytesIO(data)).run(), budget, len(data))
        out = lzw(data)
        if budget is not None:
            budget.spend(len(out))
        return out

    def rldecode(data: bytes) -> bytes:
        budget = _BUDGET.get()
        if budget is not None:
            _count(_runs(data), budget, len(data))
        out = runlength(data)
        if budget is not None:
            budget.spend(len(out))
        return out

    def ccittfaxdecode(data: bytes, params) -> bytes:
        return ccitt(data, params) if _BUDGET.get() is None else b""

    pdftypes.zlib = _BoundedZlib()
    pdftypes.lzwdecode = lzwdecode
    pdftypes.rldecode = rldecode
    pdftypes.ccittfaxdecode = ccittfaxdecode


@contextlib.contextmanager
def decoding_budget(path: str | PathLike | None, options: Limits):
    """Bound what pdfminer inflates while reading one document (see the module notes).

    Raises
    ------
    UnsafeInputError
        From inside the block, as soon as a stream passes a limit.
    """
    install()
    token = _BUDGET.set(_Budget(path, options))
    try:
        yield
    finally:
        _BUDGET.reset(token)
