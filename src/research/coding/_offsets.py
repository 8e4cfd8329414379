"""Offsets at the boundary of the coding widget: UTF-16 code units and code points.

The project counts offsets in code points of the stored text (see
:mod:`research.coding._table`); JavaScript strings, and so every position a
browser reports, count UTF-16 code units, where a character outside the Basic
Multilingual Plane (an emoji, 😀) takes two. The coding widget converts with
:class:`Utf16Offsets` when it sends positions to the page and when it receives
a selection, and nowhere else: every other module only sees code points.

Examples
--------
>>> offsets = Utf16Offsets("Oui 😀 « d’accord »")
>>> offsets.to_utf16(6), offsets.to_code_points(7)
(7, 6)
>>> offsets.to_code_points(5)
Traceback (most recent call last):
...
research.errors.CodingError: position 5 (UTF-16) falls inside the character 😀 (U+1F600) (hint: ...)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import numpy as np

from research.errors import CodingError

__all__ = ["Utf16Offsets", "whole_characters"]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Offsets:
    """Conversions between code points and UTF-16 code units of one text.

    Parameters
    ----------
    text : str
        The stored text of a document.

    Notes
    -----
    A text with no character beyond U+FFFF (most French transcripts) counts the
    same in both units, and conversions are then the identity. Otherwise the
    offsets of the astral characters are kept, and a conversion is a binary
    search among them.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        astral = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        #: code-point offsets of the characters that take two UTF-16 units
        self._astral = np.asarray(astral, dtype=np.int64)
        #: where each of them starts in UTF-16 units
        self._astral16 = self._astral + np.arange(len(astral), dtype=np.int64)

    @property
    def length(self) -> int:
        """The length of the text in UTF-16 code units."""
        return len(self.text) + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 position of a code-point ``offset`` (``0 <= offset <= len(text)``).

        Examples
        --------
        >>> Utf16Offsets("😀😀a").to_utf16(2)
        4
        """
        offset = int(offset)
        if not 0 <= offset <= len(self.text):
            raise CodingError(
                f"offset {offset} is outside the text (0-{len(self.text)})",
                hint="offsets count code points of the stored text",
            )
        if not len(self._astral):
            return offset
        return offset + int(np.searchsorted(self._astral, offset, side="left"))

    def to_code_points(self, position: int) -> int:
        """The code-point offset of a UTF-16 ``position`` sent by the page.

        Raises
        ------
        CodingError
            When the position is outside the text or between the two halves of
            one character (a page that split an emoji).

        Examples
        --------
        >>> Utf16Offsets("😀😀a").to_code_points(4)
        2
        """
        position = int(position)
        if not 0 <= position <= self.length:
            raise CodingError(
                f"position {position} (UTF-16) is outside the text (0-{self.length})",
                hint="the page and the document disagree: reload the widget",
            )
        if not len(self._astral):
            return position
        # each astral character starting before the position counts one unit more
        before = int(np.searchsorted(self._astral16, position, side="left"))
        if before and int(self._astral16[before - 1]) + 1 == position:
            ch = self.text[int(self._astral[before - 1])]
            raise CodingError(
                f"position {position} (UTF-16) falls inside the character {ch} (U+{ord(ch):04X})",
                hint="a selection starts and ends between whole characters",
            )
        return position - before

    def many_to_utf16(self, offsets: Iterable[int]) -> list[int]:
        """:meth:`to_utf16` of several offsets at once."""
        values = np.asarray(list(offsets), dtype=np.int64)
        if len(values) and (values.min() < 0 or values.max() > len(self.text)):
            bad = int(values[(values < 0) | (values > len(self.text))][0])
            self.to_utf16(bad)  # raises the message
        if not len(self._astral):
            return values.tolist()
        return (values + np.searchsorted(self._astral, values, side="left")).tolist()


def whole_characters(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span so that it does not cut a letter from its combining accents.

    A stored text is in NFC, but some letters have no precomposed form (``q̃``,
    a letter with two accents): their accents are combining characters that
    follow them. A span starting on such an accent starts at its letter
    instead, and a span ending just before one ends after it.

    Examples
    --------
    >>> text = "Noe\\u0308l et q\\u0303"
    >>> whole_characters(text, 3, 4), whole_characters(text, 9, 10)
    ((2, 4), (9, 11))
    """
    while 0 < start < len(text) and unicodedata.combining(text[start]):
        start -= 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return start, end
