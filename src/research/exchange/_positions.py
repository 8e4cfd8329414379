"""Where a position lies: the units other programs count in, and their conversion.

The project stores texts with ``\\n`` newlines in Unicode NFC and counts offsets
in code points of that stored text. REFI-QDA counts code points of the source
file as written (a CRLF being two); NVivo counts UTF-16 code units. Positions are
converted only at the exchange boundary, in both directions, through the
boundaries of :func:`unit_boundaries`; :func:`origin_units` tells an exporting
program's convention from its name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

import numpy as np

__all__ = [
    "from_units",
    "known_origin",
    "origin_units",
    "to_units",
    "unit_boundaries",
]


Units = Literal["code_points", "utf16"]
Crlf = Literal["one", "two"]
UnitsOption = Literal["auto", "code_points", "utf16"]
CrlfOption = Literal["auto", "one", "two"]

# Exporters whose positions are not the standard's code points of the raw text.
_ORIGIN_UNITS: tuple[tuple[str, tuple[str, str]], ...] = (("nvivo", ("utf16", "two")),)


# -- positions ---------------------------------------------------------------------------


def _nfc_groups(text: str) -> list[str]:
    """Cut ``text`` into pieces whose NFC forms concatenate to the NFC of the whole."""
    runs: list[str] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or unicodedata.combining(text[i]) == 0:
            runs.append(text[start:i])
            start = i
    groups: list[str] = []
    for run in runs:
        if groups:
            last = groups[-1]
            joined = unicodedata.normalize("NFC", last + run)
            if joined != unicodedata.normalize("NFC", last) + unicodedata.normalize("NFC", run):
                groups[-1] = last + run
                continue
        groups.append(run)
    if "".join(unicodedata.normalize("NFC", g) for g in groups) != unicodedata.normalize(
        "NFC", text
    ):
        return [text]
    return groups


def unit_boundaries(
    raw: str, *, units: Units = "code_points", crlf: Crlf = "two"
) -> tuple[str, np.ndarray]:
    """The stored text of ``raw`` and where each of its boundaries lies in ``raw``'s units.

    The stored text is ``raw`` without a leading byte-order mark, with newlines
    normalised to ``\\n`` and in Unicode NFC (as :func:`research.text.normalise`).
    Another program counts positions in ``raw`` with its own units: code points
    (the standard) or UTF-16 code units (NVivo: a character outside the Basic
    Multilingual Plane counts 2), and a CRLF as one or two.

    Parameters
    ----------
    raw : str
        The decoded source text as the other program stored it.
    units : {"code_points", "utf16"}
    crlf : {"one", "two"}
        How many units a CRLF pair counts.

    Returns
    -------
    text : str
        The stored text.
    bounds : numpy.ndarray of int64
        ``len(text) + 1`` values: ``bounds[i]`` is the position, in ``raw``'s
        units, of the boundary before stored character ``i``; it never decreases
        and ``bounds[-1]`` is the length of ``raw`` in those units.

    Examples
    --------
    >>> text, bounds = unit_boundaries("a😀\\r\\nb", units="utf16", crlf="two")
    >>> text, bounds.tolist()
    ('a😀\\nb', [0, 1, 3, 5, 6])
    >>> unit_boundaries("e\\u0301t\\u00e9", units="code_points")[1].tolist()
    [0, 2, 3, 4]
    """
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    points = np.frombuffer(raw.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    widths = np.ones(len(points), dtype=np.int64)
    if units == "utf16":
        widths += points > 0xFFFF
    pair_lf = np.zeros(len(points), dtype=bool)
    if len(points) > 1:
        pair_lf[1:] = (points[1:] == 10) & (points[:-1] == 13)
    if crlf == "one":
        widths[pair_lf] = 0
    starts = np.zeros(len(points) + 1, dtype=np.int64)
    np.cumsum(widths, out=starts[1:])
    keep = ~pair_lf
    text = re.sub(r"\r\n?", "\n", raw) if "\r" in raw else raw
    char_starts = starts[:-1][keep]
    if unicodedata.is_normalized("NFC", text):
        return text, np.append(char_starts, starts[-1])
    bounds: list[int] = []
    pieces: list[str] = []
    at = 0
    for group in _nfc_groups(text):
        stored = unicodedata.normalize("NFC", group)
        pieces.append(stored)
        for i in range(len(stored)):
            bounds.append(int(char_starts[at + min(i, len(group) - 1)]))
        at += len(group)
    bounds.append(int(starts[-1]))
    return "".join(pieces), np.asarray(bounds, dtype=np.int64)


def to_units(bounds: np.ndarray, offsets: Sequence[int] | np.ndarray) -> np.ndarray:
    """Positions in another program's units of stored-text offsets.

    Examples
    --------
    >>> text, bounds = unit_boundaries("😀 é\\r\\nx", units="utf16")
    >>> text
    '😀 é\\nx'
    >>> to_units(bounds, [0, 1, 2, 3, 4, 5]).tolist()
    [0, 2, 3, 4, 6, 7]
    """
    return np.asarray(bounds)[np.asarray(offsets, dtype=np.int64)]


def from_units(
    bounds: np.ndarray,
    positions: Sequence[int] | np.ndarray,
    *,
    side: Literal["start", "end"],
) -> np.ndarray:
    """Stored-text offsets of positions given in another program's units.

    A position inside a character (between the two halves of a surrogate pair,
    or between the CR and LF of a pair) moves to that character's start for a
    ``start`` and to its end for an ``end``, so the span never shrinks.

    Parameters
    ----------
    bounds : numpy.ndarray
        From :func:`unit_boundaries`.
    positions : sequence of int
        Between 0 and ``bounds[-1]`` (checked by the caller).
    side : {"start", "end"}

    Examples
    --------
    >>> _, bounds = unit_boundaries("😀 é\\r\\nx", units="utf16")
    >>> from_units(bounds, [0, 2, 3, 4, 6, 7], side="start").tolist()
    [0, 1, 2, 3, 4, 5]

    Inside the emoji (unit 1) and between CR and LF (unit 5):

    >>> from_units(bounds, [1, 5], side="start").tolist()
    [0, 3]
    >>> from_units(bounds, [1, 5], side="end").tolist()
    [1, 4]
    """
    bounds = np.asarray(bounds)
    positions = np.asarray(positions, dtype=np.int64)
    if side == "start":
        return np.searchsorted(bounds, positions, side="right") - 1
    return np.searchsorted(bounds, positions, side="left")


def known_origin(origin: str | None) -> bool:
    """Whether :func:`origin_units` knows how the program named ``origin`` counts.

    Examples
    --------
    >>> known_origin("NVivo for Windows 12.6"), known_origin("Un autre logiciel 2.0")
    (True, False)
    """
    lowered = (origin or "").lower()
    return any(name in lowered for name, _ in _ORIGIN_UNITS)


def origin_units(origin: str | None) -> tuple[str, str]:
    """How the program named by ``origin`` counts positions: ``(units, crlf)``.

    The standard counts code points of the source file (a CRLF being two); NVivo
    counts UTF-16 code units (a character outside the Basic Multilingual Plane
    counts two). Neither counts the byte-order mark.

    Examples
    --------
    >>> origin_units("NVivo for Windows 12.6")
    ('utf16', 'two')
    >>> origin_units("research 0.1.0"), origin_units(None)
    (('code_points', 'two'), ('code_points', 'two'))
    """
    lowered = (origin or "").lower()
    for name, convention in _ORIGIN_UNITS:
        if name in lowered:
            return convention
    return ("code_points", "two")
