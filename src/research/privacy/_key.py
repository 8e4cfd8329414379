"""The pseudonym key: which real names become which pseudonyms.

The key is a YAML list kept apart from the data (``private/pseudonyms.yaml`` by
default, ``privacy: {key: …}`` in ``research.yaml``), one entry per person,
organisation or place::

    - real: Hélène Cuenot            # the name as the documents write it
      pseudonym: Agathe Morel        # what replaces it everywhere
      kind: person                   # person, organisation, place or other
      variants: [Hélène, Cuenot, Mme Cuenot, H. C.]
    - real: Lons-le-Saunier
      kind: place
      keep: true                     # not to pseudonymise: never proposed again

Each variant becomes the matching part of the pseudonym (``Hélène`` → ``Agathe``,
``Mme Cuenot`` → ``Mme Morel``, ``H. C.`` → ``A. M.``); a variant whose
pseudonym cannot be told from the words of the real name is written as a
mapping (``- Léna: Aga``). Capitals, missing accents, elided (``d’Hélène``) and
possessive (``Hélène’s``) forms are found without being listed. An entry with
``case_sensitive: true`` is found only capitalised or in capitals (a name that is
also a common word: ``Rose``, ``Pierre``).

A key is refused when it would replace a name in two ways (a form in two
entries), when a pseudonym contains a real form of the key (a second pass would
replace it again, and the check would report it forever), or when two entries
have the same pseudonym (two people would become one).

Examples
--------
>>> key = parse_key('''
... - real: Hélène Cuenot
...   pseudonym: Agathe Morel
...   kind: person
...   variants: [Hélène, Mme Cuenot, H. C.]
... ''', path="pseudonyms.yaml")
>>> [(f.text, f.replacement) for f in key.forms()]
[('Hélène Cuenot', 'Agathe Morel'), ('Hélène', 'Agathe'), ('Mme Cuenot', 'Mme Morel'), ('H. C.', 'A. M.')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from research.errors import InputError, Problem, ValidationFailed, closest
from research.files import decode_bytes, load_yaml, read_limited
from research.privacy._matching import Form, NameMatcher, form_key
from research.text import fold, normalise

__all__ = ["ENTITY_KINDS", "KeyEntry", "PseudonymKey", "parse_key", "read_key"]

#: The kinds of entity a key entry may have.
ENTITY_KINDS = ("person", "organisation", "place", "other")
_FIELDS = ("real", "pseudonym", "kind", "variants", "keep", "case_sensitive", "note")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.?)(?:-?[^\W\d_]\.?)*$")
_ELIDED = re.compile(r"^((?:d|l|qu|j|m|t|s|n|c|lorsqu|puisqu|jusqu)['’])(.+)$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^(.+?)(['’]s)$", re.IGNORECASE)
_MAX_KEY_BYTES = 20_000_000


@dataclass(frozen=True)
class KeyEntry:
    """One entry of the key (see the module)."""

    real: str
    pseudonym: str | None = None
    kind: str = "other"
    variants: tuple[tuple[str, str | None], ...] = ()
    keep: bool = False
    case_sensitive: bool = False
    line: int | None = None

    def forms(self, index: int = 0) -> list[Form]:
        """The real form and the variants, each with its pseudonym (``None`` for a
        kept entry or one whose pseudonym is not written yet)."""
        replacement = None if self.keep else self.pseudonym
        forms = [Form(self.real, replacement, index, self.case_sensitive)]
        for variant, pseudonym in self.variants:
            forms.append(
                Form(variant, None if self.keep else pseudonym, index, self.case_sensitive)
            )
        return forms

    def pseudonyms(self) -> list[str]:
        """The pseudonym and the pseudonyms of the variants."""
        if self.keep or not self.pseudonym:
            return []
        return [self.pseudonym, *(p for _, p in self.variants if p)]


@dataclass(frozen=True)
class PseudonymKey:
    """A parsed key: its entries, and the problems found (see :func:`parse_key`)."""

    entries: tuple[KeyEntry, ...] = ()
    path: Path | None = None
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def forms(self) -> list[Form]:
        """Every form of every entry that is not kept, with its replacement."""
        return [f for i, e in enumerate(self.entries) if not e.keep for f in e.forms(i)]

    def matcher(self) -> NameMatcher:
        """A :class:`NameMatcher` of the real forms (those to replace or to look for)."""
        return NameMatcher(self.forms())

    def known(self) -> set[str]:
        """The :func:`form_key` of every form the key knows: real forms, variants,
        pseudonyms and the forms kept as they are (for proposals and candidates)."""
        known = set()
        for entry in self.entries:
            for form in entry.forms():
                known.add(form_key(form.text))
            known.update(form_key(p) for p in entry.pseudonyms())
        return known

    def known_words(self) -> set[str]:
        """The folded words of every form and pseudonym the key knows."""
        return {word for form in self.known() for word in form.split()}

    def missing_pseudonyms(self) -> list[KeyEntry]:
        """Entries neither kept nor given a pseudonym (proposals not filled in yet)."""
        return [e for e in self.entries if not e.keep and not e.pseudonym]


def read_key(path: str | Path, *, shown: str | None = None) -> PseudonymKey:
    """Read a key file (see :func:`parse_key`); a missing file is an empty key.

    ``shown`` is the file's name in messages (default: its path).

    Raises
    ------
    InputError
        When the file is not valid YAML (with its line).
    """
    path = Path(path)
    if not path.is_file():
        return PseudonymKey(path=path)
    text, _ = decode_bytes(read_limited(path, max_bytes=_MAX_KEY_BYTES), path=shown or path)
    key = parse_key(normalise(text), path=shown or path)
    return PseudonymKey(key.entries, path, key.problems)


def parse_key(text: str, *, path: str | Path | None = None) -> PseudonymKey:
    """Parse the text of a key, collecting every problem with its line.

    Problems of one entry (an unknown field, a variant whose pseudonym cannot be
    told) and between entries (a form in two entries, a pseudonym that contains a
    real form, two entries with one pseudonym) are errors in
    :attr:`PseudonymKey.problems`; the entries that could be read are kept, so
    the leak check still knows every real name of a key that is not finished.

    Raises
    ------
    InputError
        When the text is not valid YAML or not a list.
    """
    data = load_yaml(text, path=path, lines=True)
    where = None if path is None else str(path)
    if data is None:
        return PseudonymKey(path=None if path is None else Path(path))
    if not isinstance(data, list):
        raise InputError(
            "the pseudonym key must be a list of entries, each starting with '- real:'",
            path=path,
            line=getattr(data, "line", 1),
            hint="write  - real: Hélène Cuenot  then  pseudonym: Agathe Morel  on the next "
            "line, indented by two spaces",
        )
    problems: list[Problem] = []
    entries: list[KeyEntry] = []
    lines = _item_lines(text)
    for number, item in enumerate(data, 1):
        entry = _entry(item, number, where, problems, lines.get(number))
        if entry is not None:
            entries.append(entry)
    problems += _conflicts(entries, where)
    return PseudonymKey(tuple(entries), None if path is None else Path(path), tuple(problems))


def _item_lines(text: str) -> dict[int, int]:
    """The line of each item of the key's list (from 1)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    if not isinstance(node, yaml.SequenceNode):
        return {}
    return {i: item.start_mark.line + 1 for i, item in enumerate(node.value, 1)}


def _entry(
    item: Any, number: int, where: str | None, problems: list[Problem], item_line: int | None
) -> KeyEntry | None:
    line = getattr(item, "line", None) or item_line
    if not isinstance(item, dict):
        problems.append(
            Problem(
                "error",
                f"entry {number} is not a mapping ({item!r})",
                path=where,
                line=line,
                hint="each entry starts with '- real: …' and has 'pseudonym: …' under it",
            )
        )
        return None
    lines = getattr(item, "key_lines", {})

    def fail(message: str, key: str | None = None, hint: str | None = None) -> None:
        problems.append(Problem("error", message, path=where, line=lines.get(key, line), hint=hint))

    for name in item:
        if name not in _FIELDS:
            suggestion = closest(str(name), _FIELDS)
            fail(
                f"unknown field {name!r}",
                name,
                suggestion or f"the fields are {', '.join(_FIELDS)}",
            )
    real = item.get("real")
    if not isinstance(real, str) or not _has_word(real):
        fail(
            "an entry needs 'real:', the name as the documents write it",
            "real",
            "write  real: Hélène Cuenot",
        )
        return None
    real = " ".join(real.split())
    keep = _boolean(item, "keep", fail)
    case_sensitive = _boolean(item, "case_sensitive", fail)
    pseudonym = item.get("pseudonym")
    if pseudonym is not None and (not isinstance(pseudonym, str) or not _has_word(pseudonym)):
        fail(f"the pseudonym of {real!r} must be a name written as text", "pseudonym")
        pseudonym = None
    pseudonym = None if pseudonym is None else " ".join(pseudonym.split())
    if keep and pseudonym:
        fail(
            f"{real!r} is kept as it is (keep: true) and has a pseudonym",
            "keep",
            "remove 'keep: true' to replace it, or its pseudonym to keep it",
        )
    kind = item.get("kind", "other")
    if kind not in ENTITY_KINDS:
        fail(
            f"unknown kind {kind!r} for {real!r}",
            "kind",
            closest(str(kind), ENTITY_KINDS) or f"the kinds are {', '.join(ENTITY_KINDS)}",
        )
        kind = "other"
    variants = _variants(item.get("variants"), real, pseudonym, keep, fail)
    # An entry with problems is kept: the check still looks for its real forms.
    return KeyEntry(real, pseudonym, kind, variants, bool(keep), bool(case_sensitive), line)


def _boolean(item: dict, name: str, fail) -> bool:
    value = item.get(name, False)
    if not isinstance(value, bool):
        fail(f"{name!r} must be true or false, not {value!r}", name)
        return False
    return value


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _variants(
    value: Any, real: str, pseudonym: str | None, keep: bool, fail
) -> tuple[tuple[str, str | None], ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str | dict) else value
    if not isinstance(items, list):
        fail(
            f"the variants of {real!r} must be a list",
            "variants",
            "write  variants: [Hélène, Mme Cuenot]",
        )
        return ()
    found: list[tuple[str, str | None]] = []
    seen = {form_key(real)}
    for item in items:
        pairs = list(item.items()) if isinstance(item, dict) else [(item, None)]
        for variant, given in pairs:
            if not isinstance(variant, str) or not _has_word(variant):
                fail(f"a variant of {real!r} is not a name: {variant!r}", "variants")
                continue
            variant = " ".join(variant.split())
            if given is not None and (not isinstance(given, str) or not _has_word(given)):
                fail(f"the pseudonym of the variant {variant!r} must be text", "variants")
                continue
            if given is None and " " not in variant:
                variant = _split_word(variant)[1]  # d’Hélène, Hélène’s: found from Hélène
            if form_key(variant) in seen:
                continue  # found anyway: capitals and accents do not matter
            seen.add(form_key(variant))
            if keep or pseudonym is None:
                found.append((variant, None))
                continue
            replacement = (
                " ".join(given.split()) if given else derive_variant(variant, real, pseudonym)
            )
            if replacement is None:
                fail(
                    f"cannot tell what the variant {variant!r} of {real!r} becomes in "
                    f"{pseudonym!r}",
                    "variants",
                    f"write it with its pseudonym:  - {variant}: …",
                )
            found.append((variant, replacement))  # looked for by the check all the same
    return tuple(found)


def derive_variant(variant: str, real: str, pseudonym: str) -> str | None:
    """The pseudonym of a variant, from the words of the real name and its pseudonym.

    Each word of the variant that is a word of the real name (accents and case
    aside), or its initial(s), becomes the word of the pseudonym at the same place
    (or its initials); other words (``Mme``, ``la``) stay. The words are paired in
    order when the real name and its pseudonym have as many; a one-word real name
    pairs with the whole pseudonym. ``None`` when no word could be paired.

    Examples
    --------
    >>> derive_variant("Mme Cuenot", "Hélène Cuenot", "Agathe Morel")
    'Mme Morel'
    >>> derive_variant("P.-Y.", "Pierre-Yves Grappe", "Jean-Marc Rolin")
    'J.-M.'
    >>> derive_variant("d’Hélène", "Hélène Cuenot", "Agathe Morel")
    'd’Agathe'
    >>> derive_variant("Léna", "Hélène Cuenot", "Agathe Morel") is None
    True
    """
    real_words, new_words = real.split(), pseudonym.split()
    if len(real_words) == 1:
        pairs = {fold(real_words[0]): pseudonym}
    elif len(real_words) == len(new_words):
        pairs = {fold(r): p for r, p in zip(real_words, new_words, strict=True)}
    else:
        pairs = {}
    changed = False
    out = []
    for word in variant.split():
        prefix, core, suffix = _split_word(word)
        new = pairs.get(fold(core))
        if new is None:
            new = _initials_of(core, pairs)
        if new is None:
            out.append(word)
            continue
        changed = True
        out.append(prefix + new + suffix)
    return " ".join(out) if changed else None


def _split_word(word: str) -> tuple[str, str, str]:
    prefix = suffix = ""
    elided = _ELIDED.match(word)
    if elided:
        prefix, word = elided.group(1), elided.group(2)
    possessive = _POSSESSIVE.match(word)
    if possessive:
        word, suffix = possessive.group(1), possessive.group(2)
    return prefix, word, suffix


def _initials_of(core: str, pairs: dict[str, str]) -> str | None:
    """``core`` written as the initials of a real word: the same of its pseudonym."""
    if not _INITIALS.match(core):
        return None
    letters = [ch for ch in core if ch.isalpha()]
    for real_word, new_word in pairs.items():
        parts = [p for p in re.split(r"[-\s]", real_word) if p]
        if [fold(ch) for ch in letters] == [p[0] for p in parts]:
            new_parts = [p for p in re.split(r"[-\s]", new_word) if p]
            if len(new_parts) != len(parts):
                return None
            dotted, hyphen = "." in core, "-" in core
            pieces = [p[0].upper() + ("." if dotted else "") for p in new_parts]
            return ("-" if hyphen else "").join(pieces)
    return None


def _conflicts(entries: list[KeyEntry], where: str | None) -> list[Problem]:
    """Forms in two entries, pseudonyms containing a real form, shared pseudonyms."""
    problems: list[Problem] = []
    owner: dict[str, KeyEntry] = {}
    for entry in entries:
        for form in entry.forms():
            key = form_key(form.text)
            other = owner.setdefault(key, entry)
            if other is not entry:
                problems.append(
                    Problem(
                        "error",
                        f"{form.text!r} is a form of two entries: {other.real!r} "
                        f"(line {other.line}) and {entry.real!r}",
                        path=where,
                        line=entry.line,
                        hint="a form can become one pseudonym only: keep it in one entry "
                        "and change the other occurrences by hand",
                    )
                )
    real = NameMatcher([f for e in entries for f in e.forms()])
    named: dict[str, KeyEntry] = {}
    for entry in entries:
        for pseudonym in entry.pseudonyms():
            inside = real.search(pseudonym)
            if inside is not None:
                problems.append(
                    Problem(
                        "error",
                        f"the pseudonym {pseudonym!r} of {entry.real!r} contains the real "
                        f"form {inside.form.text!r}",
                        path=where,
                        line=entry.line,
                        hint="choose a pseudonym that no real name of the key is part of: "
                        "it would be replaced again, and the check would report it",
                    )
                )
        if entry.pseudonym:
            other = named.setdefault(form_key(entry.pseudonym), entry)
            if other is not entry:
                problems.append(
                    Problem(
                        "error",
                        f"{other.real!r} (line {other.line}) and {entry.real!r} have the "
                        f"same pseudonym {entry.pseudonym!r}",
                        path=where,
                        line=entry.line,
                        hint="give each its own pseudonym, or readers would take them for one",
                    )
                )
    return problems


def entries_by_form(entries: Iterable[KeyEntry]) -> dict[str, KeyEntry]:
    """Each form's :func:`form_key` to its entry."""
    return {form_key(f.text): e for e in entries for f in e.forms()}


def check_key(key: PseudonymKey, *, complete: bool = True, shown: str | None = None) -> None:
    """Raise every error of a key, and (``complete``) every entry without a pseudonym.

    ``shown`` is the key's name in messages (default: its path).

    Raises
    ------
    ValidationFailed
        Listing each problem with its line.
    """
    problems = list(key.errors)
    shown = shown or (None if key.path is None else str(key.path))
    if complete:
        for entry in key.missing_pseudonyms():
            problems.append(
                Problem(
                    "error",
                    f"{entry.real!r} has no pseudonym yet",
                    path=shown,
                    line=entry.line,
                    hint="write  pseudonym: …  under it, or  keep: true  to leave it as it "
                    "is, or delete the entry",
                )
            )
    if problems:
        raise ValidationFailed(problems)
