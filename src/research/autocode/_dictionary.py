"""Dictionary files: for each code, the lemmas, phrases and words that signal it.

A dictionary is a YAML file of ``codebook/dictionaries/`` (the codebook reader
leaves that folder alone). Each rule names a code and what signals it:

- ``lemmas``: lemmas, or sequences of lemmas (``faire confiance`` finds *fait
  confiance*, *faisons confiance*); a final ``*`` matches every lemma that starts
  so (``coopér*``: *coopérer*, *coopération*, *coopérative*); an elided word is
  read as its full form (``l’atelier`` is ``le atelier``), and an expression the
  lemmas keep whole (``d’accord``, ``Fabrique à Entreprendre`` when the lexicon
  lists it among its ``compounds``) stays whole;
- ``phrases``: text as it would be written, lemmatised by the French model, so
  that ``on se serre les coudes`` also finds *on s’est serré les coudes*;
- ``words``: word forms, found in the text itself (``SCIC``, ``Fabrique``);
- ``patterns``: spaCy ``Matcher`` token patterns, for what the others cannot say
  (``[{LEMMA: faire}, {OP: "?"}, {LEMMA: confiance}]``).

Options (on the file, for every rule, or on one rule): ``ignore_case`` (words in
any case; default true; lemmas are always lower case), ``ignore_accents``
(default false), ``unit`` (code the ``segment`` that holds a match, the default,
or only the ``match``), and restrictions: ``kinds`` (document kinds),
``speakers`` (speaker labels or actor ids), ``categories`` (categories of the
speaking actor in the actor registry), ``sections`` (``fnmatch`` patterns of
section headings). ``exclude`` lists what must not be near a match: terms
written like a rule's and a ``window`` in words on each side (default 3),
for a negation (``ne``, ``pas``, ``jamais``) or a phrase.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "coop.yaml").write_text(
...     "rules:\\n  - code: sut.cooperation\\n    lemmas: [coopér*]\\n    lemmes: [x]\\n")
>>> read_dictionary(folder / "coop.yaml")
Traceback (most recent call last):
...
research.errors.ValidationFailed: 1 problem found:
  error: ...coop.yaml, line 4: unknown key 'lemmes' in a rule (hint: did you mean 'lemmas'?)
>>> _ = (folder / "coop.yaml").write_text(
...     "rules:\\n  - code: sut.cooperation\\n    lemmas: [coopér*, l’atelier]\\n")
>>> rule = read_dictionary(folder / "coop.yaml").rules[0]
>>> rule.id, rule.terms.lemmas, rule.unit
('sut.cooperation#1', ('coopér*', "l'atelier"), 'segment')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from research.errors import InputError, Problem, UnknownIdError, ValidationFailed, closest
from research.files import folder_files

if TYPE_CHECKING:
    from research.codebook import Codebook

__all__ = [
    "DICTIONARY_FOLDER",
    "Dictionary",
    "Exclusion",
    "Rule",
    "Terms",
    "check_dictionaries",
    "dictionary_files",
    "find_dictionary",
    "read_dictionary",
    "split_elisions",
]

#: The folder of dictionaries, inside the codebook folder.
DICTIONARY_FOLDER = "dictionaries"
Unit = Literal["segment", "match"]
_UNITS = ("segment", "match")
_TERMS = ("lemmas", "phrases", "words", "patterns")
_OPTIONS = ("ignore_case", "ignore_accents", "unit")
_RESTRICTIONS = ("kinds", "speakers", "categories", "sections")
_FILE_KEYS = ("label", "description", "rules", "exclude", *_OPTIONS, *_RESTRICTIONS)
_RULE_KEYS = ("id", "code", "exclude", *_TERMS, *_OPTIONS, *_RESTRICTIONS)
_EXCLUDE_KEYS = (*_TERMS, "window")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
_ELIDED = re.compile(r"^(jusqu|lorsqu|puisqu|quoiqu|presqu|qu|[ldjmtscn])'(?=\w)", re.IGNORECASE)
_FULL = {
    "l": "le", "d": "de", "j": "je", "m": "me", "t": "te", "s": "se", "c": "ce", "n": "ne",
    "qu": "que", "jusqu": "jusque", "lorsqu": "lorsque", "puisqu": "puisque",
    "quoiqu": "quoique", "presqu": "presque",
}  # fmt: skip
_RULE_ID = re.compile(r"^[\w.#:-]+$")
DEFAULT_WINDOW = 3


@dataclass(frozen=True)
class Terms:
    """What a rule (or an exclusion) looks for; see the module notes."""

    lemmas: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    patterns: tuple[tuple[Mapping[str, Any], ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.lemmas or self.phrases or self.words or self.patterns)

    def describe(self) -> str:
        """A short French description (for memos and review tables)."""
        parts = []
        for name, values in (("lemmes", self.lemmas), ("expressions", self.phrases),
                             ("mots", self.words)):  # fmt: skip
            if values:
                shown = ", ".join(values[:3]) + (", …" if len(values) > 3 else "")
                parts.append(f"{name} {shown}")
        if self.patterns:
            parts.append(f"{len(self.patterns)} motif(s) spaCy")
        return " ; ".join(parts)


@dataclass(frozen=True)
class Exclusion:
    """Terms that must not be within ``window`` words of a match."""

    terms: Terms
    window: int = DEFAULT_WINDOW
    line: int | None = None


@dataclass(frozen=True)
class Rule:
    """One rule of a dictionary: a code and what signals it, where, and what must not be near."""

    id: str
    code: str
    terms: Terms
    unit: Unit = "segment"
    ignore_case: bool = True
    ignore_accents: bool = False
    kinds: tuple[str, ...] | None = None
    speakers: tuple[str, ...] | None = None
    categories: tuple[str, ...] | None = None
    sections: tuple[str, ...] | None = None
    exclude: tuple[Exclusion, ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class Dictionary:
    """A dictionary file: its name (the file's stem), label and rules."""

    name: str
    rules: tuple[Rule, ...]
    label: str | None = None
    path: str | None = None
    codes: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "codes", tuple(dict.fromkeys(r.code for r in self.rules)))


# -- reading ------------------------------------------------------------------------------


def dictionary_files(folder: str | PathLike) -> list[Path]:
    """The dictionary files of a folder (``*.yaml``, ``*.yml``), sorted; names starting
    with ``.`` or ``_`` are left out, as in the codebook folder."""
    return folder_files(folder, (".yaml", ".yml"))


def find_dictionary(folder: str | PathLike, name: str | PathLike) -> Path:
    """The file of a dictionary given by name (``cooperation``) or path.

    Raises
    ------
    UnknownIdError
        Naming the dictionaries of ``folder``.
    """
    path = Path(name)
    if path.suffix.lower() in (".yaml", ".yml") and path.is_file():
        return path
    for candidate in dictionary_files(folder):
        if candidate.stem == str(name) or candidate.name == str(name):
            return candidate
    known = [p.stem for p in dictionary_files(folder)]
    raise UnknownIdError(
        "dictionary",
        str(name),
        known,
        hint=f"dictionaries are the YAML files of {Path(folder).as_posix()}/",
    )


class _Reader:
    """Collects the problems of one file while reading it."""

    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.problems: list[Problem] = []

    def error(self, message: str, line: int | None, hint: str | None = None) -> None:
        self.problems.append(Problem("error", message, path=self.rel, line=line, hint=hint))

    def unknown_keys(self, node: Mapping, allowed: tuple[str, ...], what: str) -> None:
        for key, line in getattr(node, "key_lines", {}).items():
            if key not in allowed:
                hint = closest(str(key), allowed) or f"the keys are {', '.join(allowed)}"
                self.error(f"unknown key {key!r} in {what}", line, hint)

    def texts(self, node: Mapping, key: str, line: int | None) -> tuple[str, ...] | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            value = [value]
        if not isinstance(value, list) or not all(
            isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
        ):
            self.error(
                f"'{key}' must be a list of texts", line, f"write for instance  {key}: [a, b]"
            )
            return None
        values = tuple(str(v).strip() for v in value)
        if any(not v for v in values):
            self.error(f"'{key}' holds an empty text", line, "remove the empty item")
            return None
        return values

    def flag(self, node: Mapping, key: str, line: int | None, default: bool) -> bool:
        value = node.get(key, default)
        if not isinstance(value, bool):
            self.error(f"'{key}' must be true or false, not {value!r}", line)
            return default
        return value


def _lemma_entry(text: str) -> str:
    """A lemma entry in the form compared: lower case, ``'`` apostrophes, single spaces
    (elided words are read as their full form when the entry is compiled)."""
    return " ".join(text.translate(_APOSTROPHES).lower().split())


def split_elisions(word: str) -> list[str]:
    """An elided word as its full forms (``qu'on`` → ``que``, ``on``).

    Examples
    --------
    >>> split_elisions("l'atelier"), split_elisions("jusqu'ici"), split_elisions("aujourd'hui")
    (['le', 'atelier'], ['jusque', 'ici'], ["aujourd'hui"])
    """
    words = []
    found = _ELIDED.match(word)
    while found:
        words.append(_FULL[found.group(1).lower()])
        word = word[found.end() :]
        found = _ELIDED.match(word)
    return [*words, word] if word else words


def _check_lemma(entry: str) -> str | None:
    """What is wrong with a lemma entry (a ``*`` anywhere but at the end of a word), or None."""
    for word in entry.split():
        if "*" in word[:-1] or word == "*":
            return (
                f"lemma {entry!r}: '*' may only end a word, after at least one letter "
                "(coopér* finds every lemma starting with coopér)"
            )
    return None


def _patterns(
    node: Mapping, line: int | None, reader: _Reader
) -> tuple[tuple[Mapping[str, Any], ...], ...]:
    value = node.get("patterns")
    if value is None:
        return ()
    hint = "each pattern is a list of token descriptions, e.g. [{LEMMA: faire}, {LEMMA: confiance}]"
    if not isinstance(value, list) or not all(
        isinstance(p, list) and p and all(isinstance(t, dict) for t in p) for p in value
    ):
        reader.error("'patterns' must be a list of spaCy token patterns", line, hint)
        return ()
    patterns = tuple(tuple(dict(t) for t in p) for p in value)
    problem = pattern_problem(patterns)
    if problem:
        reader.error(f"bad spaCy pattern: {problem}", line, hint)
        return ()
    return patterns


def pattern_problem(patterns: tuple[tuple[Mapping[str, Any], ...], ...]) -> str | None:
    """spaCy's own check of ``Matcher`` patterns: the first problem, or None."""
    from spacy.errors import MatchPatternError
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    try:
        Matcher(Vocab(), validate=True).add("check", [list(p) for p in patterns])
    except (MatchPatternError, ValueError, TypeError, KeyError) as exc:
        lines = [s.strip("- ").strip() for s in str(exc).splitlines() if s.strip()]
        return "; ".join(lines[2:] or lines)[:300]
    return None


def _terms(node: Mapping, lines: Mapping, reader: _Reader) -> Terms:
    lemmas = reader.texts(node, "lemmas", lines.get("lemmas")) or ()
    entries = []
    for entry in lemmas:
        problem = _check_lemma(entry)
        if problem:
            reader.error(problem, lines.get("lemmas"))
        else:
            entries.append(_lemma_entry(entry))
    return Terms(
        lemmas=tuple(entries),
        phrases=reader.texts(node, "phrases", lines.get("phrases")) or (),
        words=reader.texts(node, "words", lines.get("words")) or (),
        patterns=_patterns(node, lines.get("patterns"), reader),
    )


def _exclusions(node: Mapping, line: int | None, reader: _Reader) -> tuple[Exclusion, ...]:
    value = node.get("exclude")
    if value is None:
        return ()
    if isinstance(value, dict):
        value = [value]
    hint = "write for instance  exclude: [{lemmas: [ne, pas, jamais], window: 3}]"
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        reader.error("'exclude' must be a list of terms with a window", line, hint)
        return ()
    out = []
    for item in value:
        lines = getattr(item, "key_lines", {})
        where = getattr(item, "line", line)
        reader.unknown_keys(item, _EXCLUDE_KEYS, "an exclusion")
        window = item.get("window", DEFAULT_WINDOW)
        if isinstance(window, bool) or not isinstance(window, int) or window < 0:
            reader.error(
                f"'window' must be a whole number of words ≥ 0, not {window!r}",
                lines.get("window", where),
            )
            window = DEFAULT_WINDOW
        terms = _terms(item, lines, reader)
        if not terms:
            reader.error("an exclusion needs lemmas, phrases, words or patterns", where, hint)
            continue
        out.append(Exclusion(terms, window, where))
    return tuple(out)


def _rule(
    node: Any, number: int, defaults: dict[str, Any], reader: _Reader, line: int | None
) -> Rule | None:
    if not isinstance(node, dict):
        reader.error(
            "each rule must be a mapping of 'key: value' lines",
            line,
            "start each rule with '- code: …'",
        )
        return None
    lines = getattr(node, "key_lines", {})
    where = getattr(node, "line", line)
    reader.unknown_keys(node, _RULE_KEYS, "a rule")
    code = node.get("code")
    if not isinstance(code, str) or not code.strip():
        reader.error("a rule needs a 'code' (the id of a code of the codebook)", where)
        return None
    code = code.strip()
    rule_id = node.get("id", f"{code}#{number}")
    if not isinstance(rule_id, str | int) or not _RULE_ID.match(str(rule_id)):
        reader.error(
            f"rule id {rule_id!r} must be one word (letters, digits, '.', '_', '-', '#', ':')",
            lines.get("id", where),
        )
        rule_id = f"{code}#{number}"
    terms = _terms(node, lines, reader)
    if not terms:
        reader.error(
            f"the rule of {code!r} looks for nothing",
            where,
            "give it lemmas, phrases, words or patterns",
        )
        return None
    options = _options(node, lines, reader, defaults)
    exclude = defaults["exclude"] + _exclusions(node, lines.get("exclude", where), reader)
    return Rule(id=str(rule_id), code=code, terms=terms, exclude=exclude, line=where, **options)


def _options(
    node: Mapping, lines: Mapping, reader: _Reader, defaults: Mapping[str, Any]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("ignore_case", "ignore_accents"):
        out[key] = reader.flag(node, key, lines.get(key), defaults[key])
    unit = node.get("unit", defaults["unit"])
    if unit not in _UNITS:
        reader.error(f"'unit' must be 'segment' or 'match', not {unit!r}", lines.get("unit"))
        unit = defaults["unit"]
    out["unit"] = unit
    for key in _RESTRICTIONS:
        value = reader.texts(node, key, lines.get(key)) if key in node else defaults[key]
        out[key] = value
    return out


def _read(path: Path, rel: str) -> tuple[Dictionary | None, list[Problem]]:
    from research.files import load_yaml

    reader = _Reader(rel)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        reader.error(f"not UTF-8 text ({exc.reason})", None, "save the file as UTF-8")
        return None, reader.problems
    try:
        data = load_yaml(text, path=rel, lines=True)
    except InputError as exc:
        return None, [exc.to_problem()]
    if data is None:
        return None, [Problem("warning", "empty dictionary file", path=rel)]
    if not isinstance(data, dict):
        reader.error("a dictionary must be a mapping with a 'rules:' list", 1)
        return None, reader.problems
    reader.unknown_keys(data, _FILE_KEYS, "the dictionary")
    lines = getattr(data, "key_lines", {})
    base = {"ignore_case": True, "ignore_accents": False, "unit": "segment",
            **dict.fromkeys(_RESTRICTIONS)}  # fmt: skip
    defaults = _options(data, lines, reader, base)
    defaults["exclude"] = _exclusions(data, lines.get("exclude"), reader)
    rules_node = data.get("rules")
    if not isinstance(rules_node, list) or not rules_node:
        reader.error(
            "a dictionary needs a 'rules:' list",
            lines.get("rules", 1),
            "write each rule as '- code: …' with lemmas, phrases, words or patterns",
        )
        return None, reader.problems
    rules = []
    for number, node in enumerate(rules_node, start=1):
        rule = _rule(node, number, defaults, reader, lines.get("rules"))
        if rule is not None:
            rules.append(rule)
    seen: dict[str, int | None] = {}
    for rule in rules:
        if rule.id in seen:
            reader.error(
                f"two rules have the id {rule.id!r} (lines {seen[rule.id]} and {rule.line})",
                rule.line,
                "give each rule its own id",
            )
        seen[rule.id] = rule.line
    label = data.get("label")
    return (
        Dictionary(
            name=path.stem,
            rules=tuple(rules),
            label=str(label) if label is not None else None,
            path=str(path),
        ),
        reader.problems,
    )


def read_dictionary(path: str | PathLike) -> Dictionary:
    """Read one dictionary file (see the module notes).

    Raises
    ------
    ValidationFailed
        Listing every problem of the file, each with its line.
    """
    path = Path(path)
    dictionary, problems = _read(path, str(path))
    errors = [p for p in problems if p.severity == "error"]
    if errors or dictionary is None:
        raise ValidationFailed(errors or problems)
    return dictionary


def _code_problems(dictionary: Dictionary, codebook: Codebook, rel: str) -> list[Problem]:
    problems = []
    for rule in dictionary.rules:
        if rule.code not in codebook:
            problems.append(
                Problem(
                    "error",
                    f"rule {rule.id!r}: unknown code {rule.code!r}",
                    path=rel,
                    line=rule.line,
                    hint=closest(rule.code, codebook.ids) or "the code must be in the codebook",
                )
            )
        elif not codebook.is_codable(rule.code):
            problems.append(
                Problem(
                    "error",
                    f"rule {rule.id!r}: code {rule.code!r} is a category, not used for coding",
                    path=rel,
                    line=rule.line,
                    hint="choose one of its children",
                )
            )
    return problems


def check_dictionaries(
    folder: str | PathLike,
    *,
    codebook: Codebook | None = None,
    root: str | PathLike | None = None,
) -> list[Problem]:
    """Every problem of the dictionaries of ``folder`` (for ``research validate``):
    their YAML, keys, terms and patterns, and (with ``codebook``) unknown codes.

    Problems name the file relative to ``root`` (default: ``folder``) and the line.
    """
    folder = Path(folder)
    base = Path(root) if root is not None else folder
    problems: list[Problem] = []
    for path in dictionary_files(folder):
        try:
            rel = path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
        dictionary, found = _read(path, rel)
        problems += found
        if dictionary is not None and codebook is not None:
            problems += _code_problems(dictionary, codebook, rel)
    return problems
