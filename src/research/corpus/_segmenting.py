"""Cutting a stored text into segments: paragraphs and list items, or speaker turns.

The grammar is written down in ``docs/formats.md``. Every segment is a
``(start, end, speaker, section, time)`` record whose offsets count code points of
the stored text, so that ``text[start:end]`` is the segment's text, always.

Examples
--------
>>> text = "# Idées\\n\\n- un marché\\n- une navette\\n"
>>> [(text[s.start:s.end], s.section) for s in segment_paragraphs(text)]
[('un marché', 'Idées'), ('une navette', 'Idées')]
>>> text = "E : Bonjour.\\nR : Bonjour,\\nça va.\\nE : Merci.\\nR : De rien.\\n"
>>> [(s.speaker, text[s.start:s.end]) for s in segment_turns(text)][:2]
[('E', 'Bonjour.'), ('R', 'Bonjour,\\nça va.')]
"""

from __future__ import annotations

import functools
import operator
import re
from collections import Counter
from collections.abc import Collection
from typing import Literal, NamedTuple

__all__ = [
    "PAGE_MARKER",
    "Segment",
    "lone_speakers",
    "page_marker",
    "paginate",
    "parse_timestamp",
    "segment_paragraphs",
    "segment_text",
    "segment_turns",
    "transcript_labels",
    "without_page_markers",
]

SegmentationMode = Literal["paragraphs", "turns"]


class Segment(NamedTuple):
    """One unit of coding: offsets into the stored text and its context."""

    start: int
    end: int
    speaker: str | None = None
    section: str | None = None
    time: float | None = None
    page: str | None = None


_TS = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_UPPER = "A-ZÀÂÄÁÃÇÉÈÊËÍÎÏÑÓÔÖÕÚÙÛÜŸÆŒ0-9"
_WORD = rf"[{_UPPER}][\w.'’-]*"
_LABEL = rf"{_WORD}(?:[ ][\w.'’-]+){{0,3}}"
_SPACE = "[ \\t\\u00a0\\u202f]"


def _turn_pattern(label: str, *, possessive: bool = True) -> str:
    """The turn-line pattern (verbose syntax) with ``label`` as the label's pattern.

    Around the label, quantifiers are possessive (``*+``, ``?+``: they never give
    back what they took). Each of them is followed by a piece that cannot start
    with what it consumed, so giving back could never lead to another match; the
    engine only gives up sooner on lines that are not turns. ``possessive=False``
    gives the plain form (the tests compare both).
    """
    p = "+" if possessive else ""
    return rf"""{_SPACE}*{p}
    (?:[\[(](?P<ts1>{_TS})[\])]{_SPACE}*{p})?{p}
    (?P<bold>\*\*)?{p}
    (?P<label>{label})
    (?:{_SPACE}*{p}[(\[](?P<ts2>{_TS})[)\]])?{p}
    (?:\*\*)?{p}{_SPACE}*{p}:(?:\*\*)?{p}
    (?:{_SPACE}+{p}|$)"""


def _line_regexes(pattern: str, flags: int = 0) -> tuple[re.Pattern, re.Pattern]:
    """A line pattern anchored at the start of the text, and after a newline.

    Searching for a literal newline lets the regex engine skip quickly between lines.
    """
    flags |= re.MULTILINE
    return re.compile("^" + pattern, flags), re.compile(r"\n" + pattern, flags)


_TURN, _TURN_AFTER_NEWLINE = _line_regexes(_turn_pattern(_LABEL), re.VERBOSE)
_LABEL_ONLY = re.compile(_LABEL)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_HEADING_M, _HEADING_AFTER_NEWLINE = _line_regexes(_HEADING.pattern.lstrip("^"))
_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+")
_BLANK = re.compile(r"^[ \t\u00a0\u202f]*$")
_RULE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$")
_MAX_LABEL = 40
_GET_LABEL = operator.itemgetter("label")
_MIN_TURNS = 2  # undeclared labels start a turn only when they start this many lines
#: A page-break line of a paginated text (a PDF): ``<!-- page 12 -->`` alone on its line.
PAGE_MARKER = re.compile(
    r"^[ \t]*<!--[ \t]*page[ \t]+([^\s<>]{1,20})[ \t]*-->[ \t]*$", re.MULTILINE
)


def _new_segment(fields: tuple) -> Segment:
    """A Segment from a 6-tuple, without the Python-level constructor (hot path)."""
    return tuple.__new__(Segment, fields)


@functools.lru_cache(maxsize=8192)
def parse_timestamp(value: str) -> float:
    """Seconds from ``h:mm:ss``, ``hh:mm:ss`` or ``mm:ss`` (with optional ``.mmm``).

    Examples
    --------
    >>> parse_timestamp("01:02:03.5")
    3723.5
    >>> parse_timestamp("12:34")
    754.0
    """
    parts = value.replace(",", ".").split(":")
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + float(part)
    return seconds


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so that it neither starts nor ends with white space."""
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return start, start
    start += len(piece) - len(piece.lstrip())
    return start, start + len(stripped)


def _lines(text: str):
    """Yield ``(offset, line_without_newline)`` for every line of ``text``."""
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\n")
        yield offset, stripped
        offset += len(line)


class _Sections:
    """The heading path above the current line."""

    def __init__(self) -> None:
        self.stack: list[tuple[int, str]] = []
        self.path: str | None = None

    def push(self, level: int, title: str) -> None:
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        self.stack.append((level, title))
        self.path = " > ".join(t for _, t in self.stack) or None


def _paragraph_segments(
    text: str, lines: list[tuple[int, str]], sections: _Sections
) -> list[Segment]:
    """Segments of a run of lines in paragraph mode (headings update ``sections``)."""
    segments: list[Segment] = []
    start: int | None = None
    end = 0

    def close() -> None:
        nonlocal start
        if start is not None:
            s, e = _trimmed(text, start, end)
            if s < e:
                segments.append(Segment(s, e, None, sections.path, None))
        start = None

    for offset, line in lines:
        heading = _HEADING.match(line)
        if heading or _BLANK.match(line) or _RULE.match(line):
            close()
            if heading:
                sections.push(len(heading.group(1)), heading.group(2).strip())
            continue
        item = _ITEM.match(line)
        if item:
            close()
            start = offset + item.end()
        elif start is None:
            start = offset
        end = offset + len(line)
    close()
    return segments


def segment_paragraphs(text: str) -> list[Segment]:
    """Cut a text into paragraphs and list items; headings set the section.

    Parameters
    ----------
    text : str
        A stored text.

    Returns
    -------
    list of Segment

    Examples
    --------
    >>> text = "# Atelier\\n## Décisions\\nOn se revoit.\\nLe 3 mai.\\n\\n1. Trouver un local\\n"
    >>> [(text[s.start:s.end], s.section) for s in segment_paragraphs(text)]
    [('On se revoit.\\nLe 3 mai.', 'Atelier > Décisions'), ('Trouver un local', 'Atelier > Décisions')]
    """
    return paginate(text, _paragraph_segments(text, list(_lines(text)), _Sections()))


def _line_matches(text: str, at_start: re.Pattern, after_newline: re.Pattern) -> list:
    """``(line_start, match)`` of a line pattern at the start of every line."""
    found = [(m.start() + 1, m) for m in after_newline.finditer(text)]
    first = at_start.match(text)
    if first:
        found.insert(0, (0, first))
    return found


@functools.lru_cache(maxsize=256)
def _speaker_regexes(speakers: frozenset[str]) -> tuple[re.Pattern, re.Pattern] | None:
    """Turn-line regexes that accept only these labels (``None`` if none can be one).

    The same grammar as the general pattern with the label spelled out: a label the
    general pattern would not take (too long, lower-case first letter…) is dropped,
    so both find exactly the same turns, but the narrow one fails faster on lines
    that are not turns.
    """
    usable = sorted(
        (s for s in speakers if len(s) <= _MAX_LABEL and _LABEL_ONLY.fullmatch(s)),
        key=lambda s: (-len(s), s),
    )
    if not usable:
        return None
    return _line_regexes(_turn_pattern("|".join(map(re.escape, usable))), re.VERBOSE)


def _label_matches(text: str, speakers: frozenset[str] | None) -> list[re.Match]:
    """Every line that starts with a label (of ``speakers``, when given), in text order.

    A match found after a newline starts at that newline.
    """
    if speakers is None:
        at_start, after_newline = _TURN, _TURN_AFTER_NEWLINE
    else:
        regexes = _speaker_regexes(speakers)
        if regexes is None:
            return []
        at_start, after_newline = regexes
    matches = list(after_newline.finditer(text))
    first = at_start.match(text)
    if first:
        matches.insert(0, first)
    if speakers is None:
        labels = list(map(_GET_LABEL, matches))
        if max(map(len, labels), default=0) > _MAX_LABEL:
            matches = [
                m for m, label in zip(matches, labels, strict=True) if len(label) <= _MAX_LABEL
            ]
    return matches


def _turn_matches(text: str, speakers: frozenset[str] | None) -> tuple[list[int], list[re.Match]]:
    """The start of every line that starts a turn, and its match, in text order."""
    matches = _label_matches(text, speakers)
    if speakers is None:
        counts = Counter(map(_GET_LABEL, matches))
        if min(counts.values(), default=_MIN_TURNS) < _MIN_TURNS:
            matches = [m for m in matches if counts[m["label"]] >= _MIN_TURNS]
    starts = [m.start() + 1 for m in matches]
    if matches and matches[0].start() == 0 and text[:1] != "\n":
        starts[0] = 0  # found by the pattern anchored at the start of the text
    return starts, matches


def _turn_starts(
    text: str, speakers: frozenset[str] | None
) -> list[tuple[int, int, re.Match | None, str | None]]:
    """Every heading line and every line that starts a turn, in text order.

    Returns ``(line_start, content_start, match, label)`` tuples; ``label`` is
    ``None`` for a heading.
    """
    starts, matches = _turn_matches(text, speakers)
    found = [(start, m.end(), m, m["label"]) for start, m in zip(starts, matches, strict=True)]
    headings = _headings(text)
    if headings:
        found.extend((start, m.end(), m, None) for start, m in headings)
        found.sort(key=lambda item: item[0])
    return found


def _headings(text: str) -> list:
    """``(line_start, match)`` of every heading line."""
    return _line_matches(text, _HEADING_M, _HEADING_AFTER_NEWLINE) if "#" in text else []


def segment_turns(text: str, *, speakers: Collection[str] | None = None) -> list[Segment]:
    """Cut a transcript into speaker turns.

    A line that starts with a speaker label (see ``docs/formats.md``) starts a turn;
    the following lines belong to it until the next label or heading. Without
    ``speakers``, a label starts turns only when it starts at least two lines of the
    text, so that a lone ``Date : 12 mars 2024`` or ``Lieu : mairie`` stays text
    (:func:`lone_speakers` lists such lines). Text before the first label, and text
    under a heading before the next label, is cut into paragraphs. Lines are found
    with multi-line regular expressions over the whole text, so long transcripts
    cost little more than reading them.

    Parameters
    ----------
    text : str
        A stored text.
    speakers : collection of str, optional
        When given, only these labels start a turn, however often they occur (a
        respondent saying "Bon : …" then stays inside their turn).

    Returns
    -------
    list of Segment

    Examples
    --------
    >>> text = "[00:01:02] Marie : Alors,\\n\\nvoilà.\\n**Enquêtrice** : Et ensuite ?\\n"
    >>> turns = segment_turns(text, speakers={"Marie", "Enquêtrice"})
    >>> [(s.speaker, text[s.start:s.end], s.time) for s in turns]
    [('Marie', 'Alors,\\n\\nvoilà.', 62.0), ('Enquêtrice', 'Et ensuite ?', None)]
    >>> segment_turns("Note : rien.", speakers={"E", "R"})[0].speaker is None
    True
    >>> text = "Date : 12 mars 2024\\nE : Bonjour.\\nR : Bonjour.\\nE : Alors ?\\nR : Voilà.\\n"
    >>> [s.speaker for s in segment_turns(text)]
    [None, 'E', 'R', 'E', 'R']
    """
    chosen = None if speakers is None else frozenset(speakers)
    sections = _Sections()
    segments: list[Segment] = []

    def paragraphs(begin: int, stop: int) -> None:
        if text[begin:stop].strip():
            lines = [(begin + offset, line) for offset, line in _lines(text[begin:stop])]
            segments.extend(_paragraph_segments(text, lines, sections))

    line_starts, matches = _turn_matches(text, chosen)
    headings = _headings(text)
    if headings:  # heading lines and turn lines, in text order
        merged = sorted(
            [*zip(line_starts, matches, strict=True), *headings], key=lambda item: item[0]
        )
        line_starts = [start for start, _ in merged]
        matches = [match for _, match in merged]
    paragraphs(0, line_starts[0] if line_starts else len(text))
    stops = [*line_starts[1:], len(text)] if line_starts else []
    append = segments.append
    new = tuple.__new__
    find, count = text.find, text.count
    labels: dict[str, str] = {}  # one string per label: smaller tables, faster transfer
    path = sections.path
    for match, stop in zip(matches, stops, strict=True):
        content = match.end()
        if match.re is _HEADING_M or match.re is _HEADING_AFTER_NEWLINE:
            sections.push(len(match.group(1)), match.group(2).strip())
            paragraphs(content, stop)
            path = sections.path
            continue
        eol = find("\n", content, stop)
        if eol < 0:
            eol = stop
        if (
            content < eol
            and not text[content].isspace()
            and not text[eol - 1].isspace()
            and count("\n", eol, stop) == stop - eol
        ):  # the usual turn: one line, then only newlines (no copy of the text needed)
            begin, end = content, eol
        else:
            piece = text[content:stop]
            stripped = piece.strip()
            if not stripped:
                continue
            # Everything before the first non-space character is white space.
            first = stripped[0]
            begin = content if piece[0] == first else content + piece.index(first)
            end = begin + len(stripped)
        label, ts1, ts2 = match.group("label", "ts1", "ts2")
        stamp = ts1 or ts2
        time = parse_timestamp(stamp) if stamp else None
        label = labels.setdefault(label, label)
        append(new(Segment, (begin, end, label, path, time, None)))
    return paginate(text, segments)


def lone_speakers(text: str) -> list[tuple[int, str]]:
    """Lines that start with a speaker label found on no other line of the text.

    Without declared ``speakers``, such a label does not start a turn (see
    :func:`segment_turns`); ``research validate`` names these lines, since the label
    may be a speaker who speaks once as well as a ``Date :`` line.

    Returns
    -------
    list of (int, str)
        The line number (from 1, in the stored text) and the label, in text order.

    Examples
    --------
    >>> lone_speakers("Lieu : mairie\\nE : Bonjour.\\nE : Alors ?\\nMaire : Oui.\\n")
    [(1, 'Lieu'), (4, 'Maire')]
    """
    matches = _label_matches(text, None)
    counts = Counter(m["label"] for m in matches)
    lone = [m for m in matches if counts[m["label"]] < _MIN_TURNS]
    count = text.count
    # A match found after a newline starts at that newline, one line before its own.
    return [(count("\n", 0, m.start() + (text[m.start()] == "\n")) + 1, m["label"]) for m in lone]


def transcript_labels(text: str) -> list[str]:
    """The recurring speaker labels of a text that reads as a transcript, else ``[]``.

    A text reads as a transcript when at least two labels of the turn grammar each
    start two paragraphs or more, and paragraphs starting with such a label are at
    least half of all paragraphs (so minutes with one "Présents : …" and one
    "Excusés : …" line, or a "Date : …" line, are not taken for a transcript).

    Examples
    --------
    >>> transcript_labels("E : Bonjour.\\n\\nR : Bonjour.\\n\\nE : Alors ?\\n\\nR : Voilà.\\n")
    ['E', 'R']
    >>> transcript_labels("Présents : A, B.\\n\\nExcusés : C.\\n\\nLe marché est lancé.\\n")
    []
    """
    paragraphs = segment_paragraphs(text)
    labels: Counter[str] = Counter()
    for segment in paragraphs:
        first_line = text[segment.start : segment.end].split("\n", 1)[0]
        match = _TURN.match(first_line)
        if match and len(match["label"]) <= _MAX_LABEL:
            labels[match["label"]] += 1
    recurring = {label: n for label, n in labels.items() if n >= _MIN_TURNS}
    if len(recurring) >= 2 and 2 * sum(recurring.values()) >= len(paragraphs):
        return list(recurring)
    return []


def page_marker(label: str | int) -> str:
    """The line that starts page ``label`` in a paginated stored text.

    Examples
    --------
    >>> page_marker(12)
    '<!-- page 12 -->'
    """
    return f"<!-- page {label} -->"


def without_page_markers(text: str) -> str:
    """``text`` with its page-break lines made into single spaces (for quoting a passage
    that runs over a page break).

    Examples
    --------
    >>> without_page_markers("fin de page\\n\\n<!-- page 13 -->\\n\\nsuite")
    'fin de page suite'
    """
    if "<!--" not in text:
        return text
    return re.sub(r"\s*" + PAGE_MARKER.pattern.strip("^$") + r"\s*", " ", text).strip()


def paginate(text: str, segments: list[Segment]) -> list[Segment]:
    """Give segments the page they lie on, cutting them at page-break lines.

    A line ``<!-- page 12 -->`` (:data:`PAGE_MARKER`) starts page ``12``: every
    segment after it, up to the next such line, gets ``page="12"``; a segment that
    runs over the line is cut in two (both keep their speaker, section and time),
    and the line itself belongs to no segment. A text without such lines is
    returned as it is.

    Examples
    --------
    >>> text = "<!-- page 3 -->\\n\\nUn.\\n<!-- page 4 -->\\nDeux.\\n"
    >>> [(text[s.start:s.end], s.page) for s in paginate(text, segment_paragraphs(text))]
    [('Un.', '3'), ('Deux.', '4')]
    """
    if "<!--" not in text:
        return segments
    marks = [(m.start(), m.end(), m.group(1)) for m in PAGE_MARKER.finditer(text)]
    if not marks:
        return segments
    out: list[Segment] = []
    page: str | None = None
    i = 0
    for seg in segments:
        while i < len(marks) and marks[i][0] < seg.start:
            page = marks[i][2]
            i += 1
        start = seg.start
        while i < len(marks) and marks[i][0] < seg.end:
            begin, end, label = marks[i]
            out.extend(_piece(text, seg, start, begin, page))
            page, start = label, end
            i += 1
        out.extend(_piece(text, seg, start, seg.end, page))
    return out


def _piece(text: str, seg: Segment, start: int, end: int, page: str | None) -> list[Segment]:
    """The trimmed part ``[start, end)`` of a segment on ``page`` (none when blank)."""
    s, e = _trimmed(text, start, end)
    return [seg._replace(start=s, end=e, page=page)] if s < e else []


def segment_text(
    text: str,
    mode: SegmentationMode,
    *,
    speakers: Collection[str] | None = None,
) -> list[Segment]:
    """Segment a text in the given mode (``"paragraphs"`` or ``"turns"``).

    Examples
    --------
    >>> len(segment_text("a\\n\\nb", "paragraphs"))
    2
    """
    if mode == "turns":
        return segment_turns(text, speakers=speakers)
    if mode == "paragraphs":
        return segment_paragraphs(text)
    raise ValueError(f"unknown segmentation mode {mode!r}; use 'paragraphs' or 'turns'")
