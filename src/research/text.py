"""Normalising text, and accent-insensitive matching with exact offsets.

Every document becomes one *stored text*: decoded (:func:`research.files.decode_bytes`),
newlines normalised to ``\\n`` and Unicode NFC. Offsets everywhere in the project count code points of that text.

Examples
--------
>>> normalise("Enque\\u0302trice\\r\\nOui\\r")
'Enquêtrice\\nOui\\n'
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

__all__ = [
    "fold",
    "fold_with_offsets",
    "loose_pattern",
    "normalise",
    "word_count",
    "word_counts",
]

_NEWLINES = re.compile(r"\r\n?")


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


_WORD, _JOINER = 1, 2
_CLASSES: np.ndarray | None = None


def loose_pattern(words: str) -> str:
    """A regular expression (its source) finding ``words`` whatever apostrophes
    (``'``, ``’``, ``ʼ``) and runs of white space the text uses between them.

    Examples
    --------
    >>> source = loose_pattern("l'entraide  du  pôle")
    >>> bool(re.fullmatch(source, "l’entraide du\\npôle"))
    True
    """
    parts = []
    for ch in unicodedata.normalize("NFC", words.strip()):
        if ch in "'’ʼ":
            parts.append("['’ʼ]")
        elif ch.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(ch))
    return re.sub(r"(\\s\+)+", r"\\s+", "".join(parts))


def _classes() -> np.ndarray:
    """Class of every UTF-16 code unit: word character, joiner (' ’ -) or other.

    Code points beyond the BMP arrive as two surrogate units, both "other".
    """
    global _CLASSES
    if _CLASSES is None:
        table = np.fromiter(
            (_WORD if chr(cp).isalnum() or cp == 0x5F else 0 for cp in range(0x10000)),
            dtype=np.uint8,
            count=0x10000,
        )
        table[[0x27, 0x2019, 0x2D]] = _JOINER
        _CLASSES = table
    return _CLASSES


def word_count(text: str) -> int:
    """Count words (runs of letters or digits, with inner apostrophes and hyphens).

    Examples
    --------
    >>> word_count("L’atelier s’est bien passé, non ?")
    5
    >>> word_count("grand-mère 😀 d'accord -- 12")
    3
    """
    return word_counts([text])[0] if text else 0


def word_counts(texts: list[str]) -> list[int]:
    """:func:`word_count` of many texts in one vectorised pass.

    The texts are encoded once as UTF-16 code units, every unit is classed through
    a lookup table, and a word is counted where a word unit follows a non-word one;
    so counting a whole corpus costs about as much as encoding it.

    Examples
    --------
    >>> word_counts(["L’atelier s’est bien passé", "", "un deux"])
    [4, 0, 2]
    """
    counts: list[int] = []
    group: list[str] = []
    size = 0
    for text in texts:  # groups of about a million characters: small arrays, reused memory
        group.append(text)
        size += len(text)
        if size >= _GROUP_CHARS:
            counts.extend(_count_group(group))
            group, size = [], 0
    if group:
        counts.extend(_count_group(group))
    return counts


_GROUP_CHARS = 1 << 20


def _count_group(texts: list[str]) -> list[int]:
    """The word counts of a few texts, in one vectorised pass."""
    parts = [text.encode("utf-16-le") for text in texts]
    # A newline after every text keeps words from running across texts.
    units = np.frombuffer(b"\n\x00".join(parts) + b"\n\x00", dtype="<u2")
    classes = _classes()[units]
    is_word = classes == _WORD
    is_word[1:-1] |= (classes[1:-1] == _JOINER) & is_word[:-2] & is_word[2:]
    first = np.empty(len(units), dtype=bool)  # the first unit of every word
    first[0] = is_word[0]
    np.greater(is_word[1:], is_word[:-1], out=first[1:])
    ends = np.cumsum([len(p) // 2 + 1 for p in parts]).tolist()
    count = np.count_nonzero
    return [int(count(first[a:b])) for a, b in zip([0, *ends[:-1]], ends, strict=True)]
