"""Finding the forms of a pseudonym key in a text, and replacing them.

One :class:`NameMatcher` holds every form of a key (real names and their
variants) in one regular expression, where each letter of a form stands for every
character that folds to it (:func:`research.text.fold`: no case, no accents, one
kind of apostrophe and of space), so ``HÉLÈNE``, ``Helene`` and ``hélène`` are
all found where the key says ``Hélène``, at their exact offsets in the text; the
runs of white space (or ``_``) between the words of a form may be any, so a name
broken across two lines is found too. A form is found only as whole words: the
characters around it are not letters or digits, nor a hyphen joined to one
(``Jean`` is not found in ``Jean-Paul``), while an apostrophe before or after it
is fine (``d’Hélène``, ``Hélène’s``). Where two forms start at the same place,
the longer one wins (``Hélène Cuenot`` before ``Hélène``).

:func:`replace_names` turns the forms found into their pseudonyms, keeping the
case pattern of each word (``HÉLÈNE`` → ``AGATHE``, ``hélène`` → ``agathe``),
dropping accents from a pseudonym where the text wrote the name without them,
keeping the white space between words when the pseudonym has as many words, and
adjusting French elision (``d’Hélène`` → ``de Marie``, ``de Marie`` →
``d’Hélène``). It returns the new text and the :class:`Region` list that maps
every offset of the old text into the new one (:func:`map_offsets`).

Examples
--------
>>> matcher = NameMatcher([Form("Hélène Cuenot", "Agathe Morel"), Form("Hélène", "Agathe")])
>>> [m.text for m in matcher.find("Chez HÉLÈNE CUENOT, d’Helene.")]
['HÉLÈNE CUENOT', 'Helene']
>>> replace_names("Chez HÉLÈNE CUENOT, d’Helene.", matcher).text
'Chez AGATHE MOREL, d’Agathe.'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from research.text import fold

__all__ = [
    "Form",
    "Match",
    "NameMatcher",
    "Region",
    "Replaced",
    "form_key",
    "map_offsets",
    "replace_names",
]

_HYPHENS = "-\u2010\u2011"
_APOSTROPHES = "'\u2018\u02bc"  # after folding (’ is folded to ')
_SEPARATOR = r"[\s_]+"
# Whole words: no letter or digit next to the form, nor a hyphen joined to one (the
# left side is checked on each match, which keeps the search fast).
_RIGHT = rf"(?![^\W_])(?![{_HYPHENS}][^\W_])"
_SPACES = re.compile(r"[\s_]+")


@dataclass(frozen=True)
class Form:
    """One form of a key: a real name or a variant, and what replaces it.

    Parameters
    ----------
    text : str
        The form as the key writes it.
    replacement : str or None
        Its pseudonym as written (``None``: a form that is only looked for).
    entry : int
        The index of its key entry.
    case_sensitive : bool
        Found only when written as in the key, capitalised or in capitals (for a
        name that is also a common word: ``Rose``, ``Pierre``).
    """

    text: str
    replacement: str | None = None
    entry: int = 0
    case_sensitive: bool = False


@dataclass(frozen=True)
class Match:
    """A form found in a text: ``text[start:end]`` and the form."""

    start: int
    end: int
    text: str
    form: Form


@dataclass(frozen=True)
class Region:
    """A stretch ``[start, end)`` of the old text and what it becomes."""

    start: int
    end: int
    new: str


@dataclass(frozen=True)
class Replaced:
    """The result of :func:`replace_names`."""

    text: str
    regions: tuple[Region, ...]
    matches: tuple[Match, ...]

    @property
    def changed(self) -> bool:
        return bool(self.regions)


def form_key(text: str) -> str:
    """The form of a name that decides whether two forms are the same.

    Folded (:func:`research.text.fold`), runs of white space or ``_`` made one
    space, every hyphen and apostrophe made one kind.

    Examples
    --------
    >>> form_key(" Hélène\\u00a0\\nCUENOT "), form_key("Pierre\\u2011Yves")
    ('helene cuenot', 'pierre-yves')
    """
    folded = fold(text).translate({ord(h): "-" for h in _HYPHENS[1:]})
    folded = folded.translate({ord(a): "'" for a in _APOSTROPHES[1:]})
    return _SPACES.sub(" ", folded).strip()


_FOLDED_TO: dict[str, str] | None = None


def _folded_to() -> dict[str, str]:
    """Each folded character and every character of Latin scripts that folds to it."""
    global _FOLDED_TO
    if _FOLDED_TO is None:
        found: dict[str, set[str]] = {}
        for point in [*range(0x20, 0x250), *range(0x1E00, 0x1F00), 0x2019, 0x2018, 0x02BC]:
            ch = chr(point)
            folded = fold(ch)
            if len(folded) == 1 and folded != ch:
                found.setdefault(folded, {folded}).add(ch)
        _FOLDED_TO = {k: "".join(sorted(v)) for k, v in found.items()}
    return _FOLDED_TO


def _char_pattern(ch: str) -> str:
    """A character of a folded form, as a class of every character folding to it."""
    if ch == " ":
        return _SEPARATOR
    if ch == "-":
        return f"[{_HYPHENS}]"
    if ch == "'":
        return "['’‘ʼ]"
    chars = _folded_to().get(ch, ch) + ch.upper()
    unique = "".join(sorted(set(chars)))
    return re.escape(unique) if len(unique) == 1 else "[" + re.escape(unique) + "]"


def _trie_pattern(keys: Iterable[str]) -> str:
    """One regular expression for many strings, longest first at every branch."""
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [_char_pattern(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
        return body

    return emit(trie)


class NameMatcher:
    """Every form of a key, searched at once in folded text.

    Parameters
    ----------
    forms : sequence of Form
        Forms whose :func:`form_key` is the same are one form (the first is kept).
    """

    def __init__(self, forms: Sequence[Form]) -> None:
        self.forms: dict[str, Form] = {}
        for form in forms:
            key = form_key(form.text)
            if key and key not in self.forms:
                self.forms[key] = form
        if self.forms:
            body = _trie_pattern(self.forms)
            self._pattern: re.Pattern | None = re.compile(f"(?:{body}){_RIGHT}")
        else:
            self._pattern = None

    def __bool__(self) -> bool:
        return bool(self.forms)

    def __len__(self) -> int:
        return len(self.forms)

    def find(self, text: str) -> list[Match]:
        """The forms found in ``text``, in text order, never overlapping."""
        if self._pattern is None or not text:
            return []
        found: list[Match] = []
        search = self._pattern.search
        position = 0
        while (hit := search(text, position)) is not None:
            start, end = hit.span()
            original = hit.group()
            form = self.forms[form_key(original)]
            if not _left_boundary(text, start) or (
                form.case_sensitive and not _cased_as_name(original, form.text)
            ):
                position = start + 1
                continue
            found.append(Match(start, end, original, form))
            position = end
        return found

    def search(self, text: str) -> Match | None:
        """The first form found in ``text``, or ``None``."""
        found = self.find(text)
        return found[0] if found else None


def _left_boundary(text: str, start: int) -> bool:
    """No letter or digit before ``start``, nor a hyphen joined to one."""
    if start == 0:
        return True
    before = text[start - 1]
    if before.isalnum():
        return False
    return not (before in _HYPHENS and start >= 2 and text[start - 2].isalnum())


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def _cased_as_name(found: str, written: str) -> bool:
    """Whether a case-sensitive form is written as a name: as in the key (accents
    aside), in capitals, or with every word capitalised."""
    if _strip_accents(found) == _strip_accents(written):
        return True
    letters = _letters(found)
    if letters.isupper():
        return True
    words = [w for w in _SPACES.split(found) if _letters(w)]
    return all(_letters(w)[0].isupper() for w in words)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def _has_accents(text: str) -> bool:
    return any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", text))


def _cased(found: str, written: str, new: str) -> str:
    """``new`` written with the case pattern and accent style of ``found``."""
    letters = _letters(found)
    if len(letters) >= 2 and letters.isupper():
        new = new.upper()
    elif letters and letters.islower() and not _letters(written).islower():
        new = new.lower()
    if letters and not _has_accents(found) and _has_accents(written):
        new = _strip_accents(new)
    return new


# -- replacing --------------------------------------------------------------------------------

_VOWELS = set("aeiouyàâäéèêëîïôöùûüÿæœ")
_ELIDED = re.compile(r"(?<![^\W_])(d|qu|lorsqu|puisqu)(['’])$", re.IGNORECASE)
_FULL = re.compile(r"(?<![^\W_])(de|que|lorsque|puisque)([ \u00a0])$", re.IGNORECASE)


def _starts_with_vowel(text: str, *, h: bool) -> bool:
    """Whether ``text`` starts with a vowel sound that elides ``de`` (``h`` counts
    as one when ``h`` is true: elision is kept before it, never made)."""
    letters = fold("".join(ch for ch in text if ch.isalpha())[:2])
    first = letters[:1]
    if first == "y":  # Yves elides (d’Yves), Yanis does not (de Yanis)
        return letters[1:2] not in _VOWELS
    return first in _VOWELS or (h and first == "h")


def _elision(text: str, match: Match, new: str) -> Region | None:
    """The change of a preceding ``d’``/``de`` (``qu’``/``que``…) that ``new`` needs."""
    before = text[max(0, match.start - 9) : match.start]
    elided = _ELIDED.search(before)
    if elided and not _starts_with_vowel(new, h=True):
        word = elided.group(1)
        shout = word.isupper() and (len(word) > 1 or _letters(match.text).isupper())
        full = word + ("E" if shout else "e")
        start = match.start - len(elided.group(0))
        return Region(start, match.start, full + " ")
    spelled = _FULL.search(before)
    if spelled and _starts_with_vowel(new, h=False) and not _starts_with_vowel(match.text, h=True):
        word = spelled.group(1)
        apostrophe = "’" if text.count("’") >= text.count("'") else "'"
        start = match.start - len(spelled.group(0))
        return Region(start, match.start, word[:-1] + apostrophe)
    return None


def _word_regions(match: Match, new: str) -> list[Region]:
    """Regions replacing ``match`` by ``new``: one per word when both have as many
    words (the white space between them is kept), else one for the whole."""
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\s_]+", match.text)]
    written = _SPACES.split(match.form.text.strip())
    replacement = _SPACES.split(new.strip())
    if len(words) == len(replacement) == len(written):
        regions = []
        for (a, b), old_word, new_word in zip(words, written, replacement, strict=True):
            found = match.text[a:b]
            word = _cased(found, old_word, new_word)
            if word != found:
                regions.append(Region(match.start + a, match.start + b, word))
        return regions
    whole = _cased(match.text, match.form.text, new)
    return [Region(match.start, match.end, whole)] if whole != match.text else []


def replace_names(text: str, matcher: NameMatcher, *, elision: bool = True) -> Replaced:
    """Replace every form of ``matcher`` found in ``text`` by its pseudonym.

    Forms without a replacement are left as they are.

    Parameters
    ----------
    text : str
    matcher : NameMatcher
    elision : bool
        Adjust ``d’``/``de``, ``qu’``/``que``, ``lorsqu’``/``lorsque`` and
        ``puisqu’``/``puisque`` before a replaced name to the pseudonym's first sound.

    Returns
    -------
    Replaced
        The new text, the regions changed (in order, never overlapping) and the
        forms found.

    Examples
    --------
    >>> matcher = NameMatcher([Form("Hélène", "Marie"), Form("Roger", "Émile")])
    >>> replace_names("Le vélo d’Hélène et celui de Roger.", matcher).text
    'Le vélo de Marie et celui d’Émile.'
    """
    matches = [m for m in matcher.find(text) if m.form.replacement is not None]
    regions: list[Region] = []
    for match in matches:
        new = match.form.replacement
        assert new is not None
        if elision:
            changed = _elision(text, match, new)
            if changed is not None and (not regions or regions[-1].end <= changed.start):
                regions.append(changed)
        regions.extend(_word_regions(match, new))
    if not regions:
        return Replaced(text, (), tuple(matches))
    pieces, last = [], 0
    for region in regions:
        pieces += [text[last : region.start], region.new]
        last = region.end
    pieces.append(text[last:])
    return Replaced("".join(pieces), tuple(regions), tuple(matches))


def map_offsets(
    regions: Sequence[Region], offsets: Iterable[int], *, side: str = "start"
) -> np.ndarray:
    """Where offsets of the old text are in the new one.

    An offset outside every region moves by the lengths changed before it; one at
    a region's start goes to the start of its replacement. One strictly inside a
    region goes to the start of the replacement (``side="start"``, for the start
    of a passage) or to its end (``side="end"``), so a passage that covered part
    of a name covers all of its pseudonym, and no passage loses text.

    Examples
    --------
    >>> regions = [Region(4, 10, "Marie")]            # "Chez Hélène." -> "Chez Marie."
    >>> map_offsets(regions, [0, 4, 6, 10, 11]).tolist()
    [0, 4, 4, 9, 10]
    >>> map_offsets(regions, [6], side="end").tolist()
    [9]
    """
    positions = np.asarray(list(offsets), dtype=np.int64)
    if not len(regions):
        return positions
    starts = np.array([r.start for r in regions], dtype=np.int64)
    ends = np.array([r.end for r in regions], dtype=np.int64)
    deltas = np.array([len(r.new) - (r.end - r.start) for r in regions], dtype=np.int64)
    before = np.concatenate([[0], np.cumsum(deltas)])  # shift before region i (i+1: after)
    k = np.searchsorted(starts, positions, side="right") - 1
    mapped = positions.copy()
    inside = k >= 0
    ki = k[inside]
    p = positions[inside]
    after = p >= ends[ki]
    new_start = starts[ki] + before[ki]
    new_end = new_start + np.array([len(regions[i].new) for i in ki], dtype=np.int64)
    result = np.where(after, p + before[ki + 1], np.where(p == starts[ki], new_start, 0))
    strictly = (~after) & (p != starts[ki])
    result = np.where(strictly, new_end if side == "end" else new_start, result)
    mapped[inside] = result
    return mapped
