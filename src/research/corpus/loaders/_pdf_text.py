"""From the text lines of PDF pages to a stored text that reads like Markdown.

The PDF loader (:mod:`research.corpus.loaders._pdf`) hands over, for each page,
its text lines in reading order with their place and font size; this module makes
the stored text:

1. **Running headers and footers** are left out: a line of the top or bottom row
   of its page, in the top or bottom eighth, whose text, digits and Roman numerals
   aside, comes back on another page at the same height ("Rapport d'activité
   2019 — 12"), and a line there that is only a page number ("12", "- 12 -",
   "Page 12 sur 40", "xii"). Footnotes, above the last row, are kept.
2. **Paragraphs**: lines of one text block are one paragraph, cut where a line is
   indented after a line that ends a sentence short of the margin, or where a line
   starts with a bullet (which becomes a ``- `` list item).
3. **Line ends**: the lines of a paragraph are joined with a space, and a word cut
   by a hyphen at a line end is joined again (:func:`join_hyphenated`), while real
   compounds keep their hyphen (« porte-parole », « c'est-à-dire », « Franche-Comté »).
4. **Headings**: a short paragraph in a font clearly larger than the body text
   (1.15 times the commonest size or more), without a final full stop, becomes a
   ``#`` heading, the largest size ``#``, the next ``##``…, so that segments carry
   their section.
5. **Pages**: each page starts with a line ``<!-- page 12 -->``
   (:func:`research.corpus.page_marker`), its label as the PDF numbers it, so
   that every segment knows its page. A paragraph that runs over a page break is
   cut there; a word hyphenated over the break is joined on the first page.

Examples
--------
>>> join_hyphenated("habi", "tants,")
'habitants,'
>>> join_hyphenated("porte", "parole")
'porte-parole'
>>> join_hyphenated("c'est", "à-dire")
"c'est-à-dire"
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from research.corpus._segmenting import page_marker
from research.corpus.loaders._subtitles import collapse_spaces

__all__ = ["Line", "Page", "join_hyphenated", "render_pages"]


@dataclass(frozen=True)
class Line:
    """One line of text on a page: its text, box (top-down coordinates) and font."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    block: int = 0
    bold: bool = False


@dataclass
class Page:
    """A page: its label as printed (``"12"``, ``"xii"``), size and lines in reading order."""

    label: str
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)


# -- running headers and footers ------------------------------------------------------

_BAND = 1 / 8  # top and bottom bands where running heads and page numbers live
_ROMAN = re.compile(r"\b[ivxlcdm]+\b")
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"^[\W_]*(?:(?:page|p\.)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})"
    r"(?:\s*(?:/|sur|of|de)\s*\d{1,4})?[\W_]*$",
    re.IGNORECASE,
)


def _in_band(line: Line, page: Page) -> bool:
    return line.bottom <= page.height * _BAND or line.top >= page.height * (1 - _BAND)


def _running_key(text: str) -> str:
    """A line's text with numbers made equal, for finding running heads."""
    key = " ".join(text.casefold().split())
    return _ROMAN.sub("#", _DIGITS.sub("#", key))


def _edge_rows(page: Page) -> list[int]:
    """The lines of the top row and of the bottom row of a page, when in their band."""
    if not page.lines:
        return []
    top = min(line.top for line in page.lines)
    bottom = max(line.bottom for line in page.lines)
    return [
        i
        for i, line in enumerate(page.lines)
        if _in_band(line, page)
        and (line.top <= top + 0.5 * line.size or line.bottom >= bottom - 0.5 * line.size)
    ]


def running_lines(pages: list[Page]) -> set[tuple[int, int]]:
    """``(page index, line index)`` of the running heads, running feet and page numbers.

    Only the top and bottom rows of a page count, in the top or bottom eighth:
    there, a line that is only a page number, or whose text (numbers aside) comes
    back on another page at the same height. Footnotes, above a page's last row,
    are text.

    Examples
    --------
    >>> top = lambda t: Line(t, 70, 300, 30, 40, 9)
    >>> body = lambda t: Line(t, 70, 500, 300, 312, 11)
    >>> pages = [Page(str(n), 595, 842, [top(f"Rapport 2019 — {n}"), body(f"Texte {n}.")])
    ...          for n in (1, 2, 3)]
    >>> sorted(running_lines(pages))
    [(0, 0), (1, 0), (2, 0)]
    """
    seen: dict[tuple[str, int], set[int]] = {}
    edges: list[tuple[int, int, tuple[str, int]]] = []
    for p, page in enumerate(pages):
        for i in _edge_rows(page):
            line = page.lines[i]
            key = (_running_key(line.text), round(line.top / 3))
            edges.append((p, i, key))
            seen.setdefault(key, set()).add(p)
    return {
        (p, i)
        for p, i, key in edges
        if len(seen[key]) >= 2 or _PAGE_NUMBER.match(pages[p].lines[i].text.strip())
    }


# -- hyphenation ----------------------------------------------------------------------

_HYPHENS = "-\u2010"
_SOFT_HYPHEN = "\u00ad"
#: Words that follow a hyphen in French compounds and verb-subject inversions.
_SECOND_PARTS = frozenset(
    ("à", "dire", "être", "il", "ils", "elle", "elles", "on", "je", "tu", "nous", "vous",
     "t", "y", "en", "là", "ci", "ce", "moi", "toi", "lui", "leur", "leurs", "même",
     "mêmes", "bas", "haut", "dessus", "dessous", "dedans", "dehors", "delà", "deçà")
)  # fmt: skip
#: Words that start French compounds; a line break after them never falls inside
#: a word of one piece, because French syllables begin with the consonant.
_FIRST_PARTS = frozenset(
    ("porte", "après", "arrière", "avant", "demi", "semi", "mi", "vice", "ex", "non",
     "grand", "grande", "grands", "grandes", "petit", "petite", "petits", "petites",
     "chef", "chefs", "arc", "belle", "beau", "sans")
)  # fmt: skip
_WORD_AT_END = re.compile(r"([^\W\d_][\w'’]*)[" + _HYPHENS + r"]$")
_FIRST_WORD = re.compile(r"^([^\W\d_][^\W_]*)")
_COMPOUND = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)+")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Vocabulary:
    """Words and hyphenated compounds written inside lines somewhere in the document:
    the best evidence of how a word cut at a line end is spelled."""

    words: frozenset[str] = frozenset()
    pairs: frozenset[str] = frozenset()  # "porte-parole": each two parts of a compound

    @classmethod
    def of(cls, lines: Iterable[str]) -> Vocabulary:
        """The vocabulary of a document's lines (a word cut at a line end is not in it).

        Examples
        --------
        >>> sorted(Vocabulary.of(["c'est-à-dire que", "le porte-"]).pairs)
        ['est-à', 'à-dire']
        """
        words: set[str] = set()
        pairs: set[str] = set()
        for text in lines:
            inside = _WORD_AT_END.sub("", text.rstrip(_SOFT_HYPHEN + " "))
            words.update(w.casefold() for w in _WORD.findall(inside))
            for compound in _COMPOUND.findall(inside):
                parts = re.split(r"[-\u2010]", compound.casefold())
                pairs.update(f"{a}-{b}" for a, b in itertools.pairwise(parts))
        return cls(frozenset(words), frozenset(pairs))


def join_hyphenated(left: str, right: str, vocabulary: Vocabulary | None = None) -> str:
    """Join a word cut by a hyphen at a line end (``left-`` then ``right``).

    The hyphen is kept when the next line starts with a capital or a digit
    (« Franche-Comté », « 2017-2018 »), when the document writes the compound with its
    hyphen elsewhere, when the second part is a word that follows a hyphen in French
    compounds and inversions (« c'est-à-dire », « peut-être », « dit-il »,
    « celui-ci ») or the first part one that starts compounds (« porte-parole »,
    « demi-journée », « après-midi »); it is dropped when the document writes the
    joined word elsewhere, and otherwise (the cut of a word by the typesetter).

    Examples
    --------
    >>> join_hyphenated("dévelop", "pement")
    'développement'
    >>> join_hyphenated("Franche", "Comté")
    'Franche-Comté'
    >>> join_hyphenated("entre", "prendre", Vocabulary.of(["la fabrique à entre-prendre"]))
    'entre-prendre'
    >>> join_hyphenated("peut", "être.")
    'peut-être.'
    """
    vocabulary = vocabulary or Vocabulary()
    first = _FIRST_WORD.match(right)
    if first is None or not right[:1].islower():
        return f"{left}-{right}"
    head = first.group(1).casefold()
    last = re.split(r"['’]", left)[-1].casefold()
    if f"{last}-{head}" in vocabulary.pairs:
        return f"{left}-{right}"
    if f"{last}{head}" in vocabulary.words:
        return left + right
    if head in _SECOND_PARTS or last in _FIRST_PARTS:
        return f"{left}-{right}"
    return left + right


def _join_lines(texts: list[str], vocabulary: Vocabulary) -> str:
    """The lines of a paragraph as one line: hyphenated words joined, else a space."""
    out = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if not out:
            out = text
        elif out.endswith(_SOFT_HYPHEN):
            out = out[:-1] + text
        else:
            cut = _WORD_AT_END.search(out)
            if cut:
                out = out[: cut.start()] + join_hyphenated(cut.group(1), text, vocabulary)
            else:
                out = f"{out} {text}"
    return out.replace(_SOFT_HYPHEN, "")


# -- text blocks ----------------------------------------------------------------------


def _gap(above: Line, below: Line) -> float | None:
    """The white space between two lines of one column, ``None`` when they are not
    one above the other (side by side, far apart, or of different sizes)."""
    gap = below.top - above.bottom
    width = min(above.x1 - above.x0, below.x1 - below.x0)
    shared = min(above.x1, below.x1) - max(above.x0, below.x0)
    if width <= 0 or shared < 0.5 * width or abs(above.size - below.size) > 0.1 * above.size:
        return None
    return gap if -0.5 * above.size < gap < 2 * above.size else None


def line_gap(pages: list[Page]) -> float:
    """The commonest white space between two lines that follow in a column: the
    document's line spacing.

    Examples
    --------
    >>> lines = [Line("a", 70, 500, y, y + 11, 11) for y in (100, 120, 140, 170)]
    >>> line_gap([Page("1", 595, 842, lines)])
    9.0
    """
    gaps: Counter[float] = Counter()
    for page in pages:
        for above, below in itertools.pairwise(page.lines):
            gap = _gap(above, below)
            if gap is not None:
                gaps[round(gap * 2) / 2] += 1
    return gaps.most_common(1)[0][0] if gaps else 0.0


def merge_blocks(lines: list[Line], spacing: float) -> list[Line]:
    """Lines with the blocks of the layout analysis joined where a block follows the
    one before it at the document's line spacing (``spacing``, see :func:`line_gap`),
    in the same column and font size, less than one and a half lines below it:
    double-spaced text comes out of the analysis one line per block.
    """
    out: list[Line] = []
    block = 0
    for prev, line in zip([None, *lines], lines, strict=False):
        if prev is not None and line.block != prev.block:
            gap = _gap(prev, line)
            if gap is None or gap > min(spacing + 0.25 * line.size, 1.5 * line.size):
                block += 1
        out.append(replace(line, block=block))
    return out


# -- paragraphs and headings ----------------------------------------------------------

_BULLET = re.compile(r"^[•◦▪▫■□●○‣⁃∙·\uf0b7\uf0a7\uf0d8\uf076–—*]\s+")
_SENTENCE_END = tuple(".!?:;»”)…")


@dataclass
class _Paragraph:
    lines: list[Line]
    item: bool = False

    @property
    def size(self) -> float:
        return statistics.median(line.size for line in self.lines)


def _paragraphs(lines: list[Line]) -> list[_Paragraph]:
    """Cut a page's lines into paragraphs (see the module notes).

    A line starts a new paragraph when it starts with a bullet, when its font size
    differs from the line before, or when the line before it ends a sentence and
    either stops short of the block's right edge or is followed by an indented line
    (a list item goes on until a line that ends a sentence short of the edge).
    """
    out: list[_Paragraph] = []
    blocks: dict[int, list[Line]] = {}
    for line in lines:
        blocks.setdefault(line.block, []).append(line)
    for block in blocks.values():
        left = min(line.x0 for line in block)
        right = max(line.x1 for line in block)
        current: _Paragraph | None = None
        for line in block:
            bullet = bool(_BULLET.match(line.text.lstrip()))
            if current is not None and not bullet:
                prev, em = current.lines[-1], max(line.size, 1.0)
                ended = prev.text.rstrip().endswith(_SENTENCE_END)
                short = prev.x1 < right - 2 * em
                indented = line.x0 - left > 0.8 * em
                resized = abs(line.size - prev.size) > 0.1 * max(prev.size, 1.0)
                if not resized and not (ended and (short or (indented and not current.item))):
                    current.lines.append(line)
                    continue
            current = _Paragraph([line], item=bullet)
            out.append(current)
    return out


def _body_size(pages: list[Page]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _is_heading(paragraph: _Paragraph, body: float, text: str) -> bool:
    return (
        body > 0
        and len(paragraph.lines) <= 2
        and paragraph.size >= 1.15 * body
        and len(text) <= 200
        and any(ch.isalpha() for ch in text)
        and not text.endswith((".", ",", ";"))
    )


def _heading_levels(sizes: Iterable[float]) -> dict[float, int]:
    ranked = sorted({round(s * 2) / 2 for s in sizes}, reverse=True)
    return {size: min(level, 6) for level, size in enumerate(ranked, start=1)}


# -- pages to text --------------------------------------------------------------------


def _blocks_of(page_paragraphs: list[_Paragraph], vocabulary: Vocabulary, body: float):
    """``(kind, text, size)`` for each paragraph: ``heading``, ``item`` or ``text``."""
    for paragraph in page_paragraphs:
        texts = [line.text for line in paragraph.lines]
        if paragraph.item:
            texts[0] = _BULLET.sub("", texts[0].lstrip())
        text = collapse_spaces(_join_lines(texts, vocabulary))
        if not text:
            continue
        if not paragraph.item and _is_heading(paragraph, body, text):
            yield "heading", text, paragraph.size
        else:
            yield ("item" if paragraph.item else "text"), text, paragraph.size


def _carry_hyphenated(pages_blocks: list[list[list]], vocabulary: Vocabulary) -> None:
    """Join a word hyphenated over a page break on the first page."""
    for before, after in itertools.pairwise(pages_blocks):
        if not before or not after or before[-1][0] == "heading" or after[0][0] == "heading":
            continue
        last, first = before[-1], after[0]
        cut = _WORD_AT_END.search(last[1])
        if cut is None or not first[1][:1].islower():
            continue
        word, _, rest = first[1].partition(" ")
        last[1] = last[1][: cut.start()] + join_hyphenated(cut.group(1), word, vocabulary)
        if rest:
            first[1] = rest
        else:
            after.pop(0)


def render_pages(pages: list[Page]) -> str:
    """The stored text of a document from its pages (see the module notes).

    Examples
    --------
    >>> line = lambda t, y, size=11, x0=70, block=0: Line(t, x0, 520, y, y + size, size, block)
    >>> page = Page("1", 595, 842, [
    ...     line("Rapport 2019", 30, 9, block=0),
    ...     line("Le pôle coopératif", 120, 18, block=1),
    ...     line("Les ateliers ont réuni des habi-", 200, block=2),
    ...     line("tants et des élus.", 214, block=2),
    ...     line("1", 800, 9, block=3)])
    >>> other = Page("2", 595, 842, [line("Rapport 2019", 30, 9), line("Fin.", 200, block=1)])
    >>> print(render_pages([page, other]), end="")
    <!-- page 1 -->
    <BLANKLINE>
    # Le pôle coopératif
    <BLANKLINE>
    Les ateliers ont réuni des habitants et des élus.
    <BLANKLINE>
    <!-- page 2 -->
    <BLANKLINE>
    Fin.
    """
    running = running_lines(pages)
    kept = [
        [line for i, line in enumerate(page.lines) if (p, i) not in running]
        for p, page in enumerate(pages)
    ]
    spacing = line_gap(
        [Page(p.label, p.width, p.height, lines) for p, lines in zip(pages, kept, strict=True)]
    )
    kept = [merge_blocks(lines, spacing) for lines in kept]
    vocabulary = Vocabulary.of(line.text for lines in kept for line in lines)
    body = _body_size(
        [Page(p.label, p.width, p.height, lines) for p, lines in zip(pages, kept, strict=True)]
    )
    pages_blocks = [
        [list(block) for block in _blocks_of(_paragraphs(lines), vocabulary, body)]
        for lines in kept
    ]
    _carry_hyphenated(pages_blocks, vocabulary)
    levels = _heading_levels(
        size for blocks in pages_blocks for kind, _, size in blocks if kind == "heading"
    )
    out: list[str] = []
    for page, blocks in zip(pages, pages_blocks, strict=True):
        out.append(page_marker(page.label))
        for kind, text, size in blocks:
            if kind == "heading":
                out.append("#" * levels[round(size * 2) / 2] + " " + text)
            elif kind == "item":
                out.append("- " + text)
            else:
                out.append(text)
    return "\n\n".join(out) + "\n"
