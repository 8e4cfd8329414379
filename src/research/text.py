"""Decoding and normalising text, and accent-insensitive matching with exact offsets.

Every document becomes one *stored text*: decoded, newlines normalised to ``\\n`` and
Unicode NFC. Offsets everywhere in the project count code points of that text.

Examples
--------
>>> normalise("Enque\\u0302trice\\r\\nOui\\r")
'Enquêtrice\\nOui\\n'
>>> decode_bytes("Enquêtrice".encode("utf-8"))[0]
'Enquêtrice'
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from os import PathLike

import numpy as np

from research.errors import InputError, Problem

__all__ = [
    "decode_bytes",
    "fold",
    "fold_with_offsets",
    "normalise",
    "word_count",
    "word_counts",
]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NEWLINES = re.compile(r"\r\n?")


def decode_bytes(data: bytes, *, path: str | PathLike | None = None) -> tuple[str, list[Problem]]:
    """Decode a file's bytes with the project's encoding policy.

    A UTF-8, UTF-16 or UTF-32 byte-order mark wins (and is dropped); otherwise strict
    UTF-8; otherwise cp1252 with a warning naming the file; otherwise an error. The
    result is not yet normalised (see :func:`normalise`).

    Parameters
    ----------
    data : bytes
        The raw content of the file.
    path : path-like, optional
        Named in warnings and errors.

    Returns
    -------
    text : str
    problems : list of Problem
        A warning when the cp1252 fallback was used.

    Raises
    ------
    InputError
        When the bytes are neither UTF-8 nor cp1252, or a BOM announces an encoding
        that the bytes do not follow.

    Examples
    --------
    >>> decode_bytes(b"\\xef\\xbb\\xbfCaf\\xc3\\xa9")
    ('Café', [])
    >>> text, problems = decode_bytes(b"Enqu\\xeatrice", path="a.txt")
    >>> text, problems[0].severity
    ('Enquêtrice', 'warning')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), []
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"the file starts with a {encoding.upper()} byte-order mark but is not "
                    f"valid {encoding.upper()} (byte {exc.start + len(bom)})",
                    path=path,
                    hint=f"re-save the file as {encoding.upper()} or UTF-8",
                ) from None
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        utf8_error = exc
    line = data.count(b"\n", 0, utf8_error.start) + 1
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(
            f"cannot decode the file: not UTF-8 (first bad byte at offset "
            f"{utf8_error.start}, line {line}) and not Windows-1252 either",
            path=path,
            hint="re-save the file as UTF-8 in its editor",
        ) from None
    warning = Problem(
        "warning",
        f"not valid UTF-8 (first bad byte on line {line}); decoded as Windows-1252 (cp1252)",
        path=None if path is None else str(path),
        hint="check the accents, then re-save the file as UTF-8",
    )
    return text, [warning]


def normalise(text: str) -> str:
    """Return the stored form of a text: no BOM, ``\\n`` newlines, Unicode NFC.

    No-break spaces (U+00A0, U+202F), typographic apostrophes and guillemets are kept
    as they are: they are part of the text.

    Examples
    --------
    >>> normalise("\\ufeffa\\r\\nb\\rc")
    'a\\nb\\nc'
    >>> normalise("e\\u0301") == "\\u00e9"
    True
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    return unicodedata.normalize("NFC", text)


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch.casefold())
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return out.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")


def fold(text: str) -> str:
    """Lower-case a text and strip its accents (for accent-insensitive search).

    Examples
    --------
    >>> fold("Coopérative ÉLAN’S")
    "cooperative elan's"
    """
    return "".join(_fold_char(ch) for ch in text)


def fold_with_offsets(text: str) -> tuple[str, np.ndarray]:
    """Fold a text and map every folded character back to its source offset.

    Returns
    -------
    folded : str
    origin : numpy.ndarray of int
        ``origin[i]`` is the offset in ``text`` of the character that produced
        ``folded[i]``; one extra final entry equals ``len(text)``.

    Examples
    --------
    >>> folded, origin = fold_with_offsets("Straße à")
    >>> folded
    'strasse a'
    >>> int(origin[folded.index(" a") + 1]), int(origin[-1])
    (7, 8)
    """
    pieces: list[str] = []
    origin: list[int] = []
    cache: dict[str, str] = {}
    for i, ch in enumerate(text):
        if ch.isascii():
            out = ch.lower()
        else:
            out = cache.get(ch)
            if out is None:
                out = cache[ch] = _fold_char(ch)
        pieces.append(out)
        origin.extend([i] * len(out))
    origin.append(len(text))
    return "".join(pieces), np.asarray(origin, dtype=np.int64)


_WORD_TABLE: np.ndarray | None = None


def _word_table() -> np.ndarray:
    global _WORD_TABLE
    if _WORD_TABLE is None:
        _WORD_TABLE = np.fromiter(
            (chr(cp).isalnum() or cp == 0x5F for cp in range(0x10000)), dtype=bool, count=0x10000
        )
    return _WORD_TABLE


def word_count(text: str) -> int:
    """Count words (runs of letters or digits, with inner apostrophes and hyphens).

    Vectorised over the code points of the text, so counting a whole corpus costs
    about as much as reading it.

    Examples
    --------
    >>> word_count("L’atelier s’est bien passé, non ?")
    5
    >>> word_count("grand-mère 😀 d'accord -- 12")
    3
    """
    if not text:
        return 0
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    table = _word_table()
    is_word = np.zeros(points.shape, dtype=bool)
    bmp = points < 0x10000
    is_word[bmp] = table[points[bmp]]
    if len(points) > 2:
        middle = points[1:-1]
        joiner = (middle == 0x27) | (middle == 0x2019) | (middle == 0x2D)
        inner = joiner & is_word[:-2] & is_word[2:]
        is_word[1:-1] |= inner
    starts = is_word[1:] & ~is_word[:-1]
    return int(starts.sum()) + int(is_word[0])


def word_counts(texts: list[str]) -> list[int]:
    """:func:`word_count` of many texts in one vectorised pass.

    Examples
    --------
    >>> word_counts(["L’atelier s’est bien passé", "", "un deux"])
    [4, 0, 2]
    """
    if not texts:
        return []
    joined = "\n".join(texts) + "\n"
    points = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    table = _word_table()
    is_word = np.zeros(points.shape, dtype=bool)
    bmp = points < 0x10000
    is_word[bmp] = table[points[bmp]]
    if len(points) > 2:
        middle = points[1:-1]
        joiner = (middle == 0x27) | (middle == 0x2019) | (middle == 0x2D)
        is_word[1:-1] |= joiner & is_word[:-2] & is_word[2:]
    starts = np.empty(points.shape, dtype=np.int64)
    starts[0] = is_word[0]
    starts[1:] = is_word[1:] & ~is_word[:-1]
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    return [int(n) for n in np.add.reduceat(starts, offsets)]
