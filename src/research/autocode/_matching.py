"""Finding a dictionary's rules in a corpus, with exact offsets.

Lemmas, phrases and spaCy patterns are matched by spaCy's ``Matcher`` on
``Doc`` objects rebuilt from the cached token tables of
:func:`research.nlp.annotate` as :func:`research.nlp.normalise_tokens` leaves
them, one ``Doc`` per segment, never by running the model over the corpus
again. Each token of such a ``Doc`` carries the project's lemma (elided words in
full, expressions and the lexicon's compounds as one token, its corrections
applied) as ``LEMMA``, the same without accents as ``NORM``, its part of speech
as ``POS`` and its text (with ``'`` for ``’``) as ``ORTH``. A match is a run of
tokens, and its offsets are those of the token table, code points of the stored
text; the ``Doc``'s own character offsets are never used. Rebuilding costs a
fraction of annotating, keeps the project's normalisation, and keeps spaCy's
matching (operators, ``REGEX``, ``IN``) rather than a copy of it.

Words (``words:``) are found in the text itself: ``research.text`` folds case and
accents with a map back to the exact offsets, and any apostrophe matches any
other. Phrases (``phrases:``) are lemmatised once by the French model, through
the same annotation and normalisation as the corpus, and auxiliaries may come
between their words, so that the compound tenses of a verb match
(``se serrer les coudes`` finds *on s’est serré les coudes*).

Examples
--------
>>> import pandas as pd
>>> from research.corpus import Corpus
>>> corpus = Corpus.from_texts({"D": "Qu’on coopère, oui. On ne coopère pas."})
>>> words = ["Qu’", "on", "coopère", ",", "oui", ".", "On", "ne", "coopère", "pas", "."]
>>> starts = [0, 3, 6, 13, 15, 18, 20, 23, 26, 34, 37]
>>> tokens = pd.DataFrame({"doc_id": "D", "seg_id": "D:0000", "start": starts,
...     "end": [s + len(w) for s, w in zip(starts, words)], "text": words,
...     "lemma": ["que", "on", "coopérer", ",", "oui", ".", "on", "ne", "coopérer", "pas", "."],
...     "pos": "X"})
>>> rule = Rule("r1", "sut.coop", Terms(lemmas=("coopér*",)), unit="match",
...             exclude=(Exclusion(Terms(lemmas=("ne", "pas")), window=1),))
>>> found = match_dictionary(Dictionary("coop", (rule,)), corpus, tokens)
>>> found[["start", "end", "matched", "excluded_by"]].values.tolist()
[[6, 13, 'coopère', ''], [26, 33, 'coopère', 'lemmes ne, pas']]
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from research.autocode._dictionary import Dictionary, Exclusion, Rule, Terms, split_elisions
from research.contracts import require_columns
from research.errors import InputError
from research.text import fold, fold_with_offsets, loose_pattern

if TYPE_CHECKING:
    from research.corpus import Corpus
    from research.nlp import Lexicon

__all__ = ["MATCH_COLUMNS", "Exclusion", "lemmatise_phrases", "match_dictionary"]

#: Columns of the table of matches (the review table of ``research autocode``).
MATCH_COLUMNS = [
    "doc_id",
    "seg_id",
    "start",
    "end",
    "code",
    "rule",
    "matched",
    "match_start",
    "match_end",
    "context",
    "speaker",
    "excluded_by",
]
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
_CONTEXT = 50
_AUXILIARIES = {"POS": "AUX", "OP": "*"}
_POS: frozenset[str] | None = None


def _valid_pos() -> frozenset[str]:
    global _POS
    if _POS is None:
        from spacy.parts_of_speech import IDS

        _POS = frozenset(k for k in IDS if k)
    return _POS


# -- compiling the rules -------------------------------------------------------------------


def _known_expressions(lexicon: Lexicon | None) -> dict[int, set[str]]:
    """The lemmas that hold several words (expressions, compounds), by number of words."""
    from research.nlp import EXPRESSIONS

    phrases = list(EXPRESSIONS) + list(lexicon.compounds if lexicon else ())
    known: dict[int, set[str]] = {}
    for phrase in phrases:
        words = phrase.translate(_APOSTROPHES).lower().split()
        known.setdefault(len(words), set()).add(" ".join(words))
    return known


def _lemma_sequence(entry: str, known: Mapping[int, set[str]]) -> list[str]:
    """The lemmas of a lemma entry, one per token: an expression the lemmas keep whole
    stays one lemma, an elided word becomes its full forms."""
    words = entry.translate(_APOSTROPHES).lower().split()
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in sorted((n for n in known if n <= len(words) - i), reverse=True):
            candidate = " ".join(words[i : i + size])
            if candidate in known[size]:
                out.append(candidate)
                i += size
                break
        else:
            out.extend(split_elisions(words[i]))
            i += 1
    return out


def _token_spec(lemma: str, ignore_accents: bool, *, wildcard: bool = True) -> dict[str, Any]:
    attr = "NORM" if ignore_accents else "LEMMA"
    value = fold(lemma) if ignore_accents else lemma
    if wildcard and value.endswith("*") and len(value) > 1:
        return {attr: {"REGEX": "^" + re.escape(value[:-1])}}
    return {attr: value}


def _lemma_patterns(
    terms: Terms,
    ignore_accents: bool,
    known: Mapping[int, set[str]],
    phrase_lemmas: Mapping[str, Sequence[str]],
) -> list[list[dict[str, Any]]]:
    patterns = []
    for entry in terms.lemmas:
        lemmas = _lemma_sequence(entry, known)
        patterns.append([_token_spec(lemma, ignore_accents) for lemma in lemmas])
    for phrase in terms.phrases:
        pattern: list[dict[str, Any]] = []
        for lemma in phrase_lemmas[phrase]:
            if pattern:  # compound tenses: « on s’est serré les coudes »
                pattern.append(dict(_AUXILIARIES))
            pattern.append(_token_spec(lemma, ignore_accents, wildcard=False))
        if pattern:
            patterns.append(pattern)
    patterns.extend([dict(token) for token in pattern] for pattern in terms.patterns)
    return patterns


def _words_pattern(terms: Terms, ignore_case: bool, ignore_accents: bool) -> re.Pattern | None:
    """One regular expression finding every word form of ``terms`` as whole words."""
    if not terms.words:
        return None
    alternatives = []
    for phrase in sorted(terms.words, key=len, reverse=True):
        alternatives.append(loose_pattern(fold(phrase) if ignore_accents else phrase))
    flags = re.IGNORECASE if ignore_case or ignore_accents else 0
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])", flags)


def lemmatise_phrases(
    phrases: Iterable[str], lexicon: Lexicon | None = None, *, model: str | None = None
) -> dict[str, list[str]]:
    """The lemmas of each phrase, as the corpus's tokens have them.

    The phrases go through :func:`research.nlp.annotate` and
    :func:`research.nlp.normalise_tokens` like the corpus, so that elisions,
    expressions and the lexicon's corrections read the same on both sides.
    Loads the French model (once per process).
    """
    from research.corpus import Corpus
    from research.nlp import DEFAULT_MODEL, annotate, normalise_tokens

    phrases = list(dict.fromkeys(phrases))
    if not phrases:
        return {}
    ids = {f"P{i}": phrase for i, phrase in enumerate(phrases)}
    corpus = Corpus.from_texts({k: " ".join(v.split()) for k, v in ids.items()})
    tokens = normalise_tokens(annotate(corpus, model=model or DEFAULT_MODEL), lexicon)
    tokens = tokens[tokens["is_word"].astype(bool)]
    grouped = tokens.groupby("doc_id", sort=False)["lemma"].agg(list)
    return {phrase: [str(x) for x in grouped.get(key, [])] for key, phrase in ids.items()}


# -- the segments a rule may look at ------------------------------------------------------


def _rule_mask(
    rule: Rule,
    segments: pd.DataFrame,
    kinds: pd.Series,
    categories: pd.Series | None,
    where: str,
) -> np.ndarray:
    mask = np.ones(len(segments), dtype=bool)
    if rule.kinds is not None:
        mask &= kinds.isin(set(rule.kinds)).to_numpy()
    if rule.speakers is not None:
        wanted = set(rule.speakers)
        mask &= (segments["speaker"].isin(wanted) | segments["actor"].isin(wanted)).to_numpy()
    if rule.categories is not None:
        if categories is None:
            raise InputError(
                f"rule {rule.id!r} keeps the turns of actors of some categories, "
                "but the project has no actor registry",
                path=where,
                line=rule.line,
                hint="add corpus/tables/actors.csv, or use 'speakers:' instead of 'categories:'",
            )
        mask &= categories.isin(set(rule.categories)).to_numpy()
    if rule.sections is not None:
        patterns = rule.sections
        mask &= (
            segments["section"]
            .map(lambda s: isinstance(s, str) and any(fnmatch.fnmatchcase(s, p) for p in patterns))
            .to_numpy(dtype=bool)
        )
    return mask


# -- matching --------------------------------------------------------------------------------


class _Tokens:
    """The tokens of each segment: their offsets, and a ``Doc`` built on demand."""

    def __init__(self, tokens: pd.DataFrame, segments: pd.DataFrame) -> None:
        seg_index = pd.Index(segments["seg_id"].astype(str))
        where = seg_index.get_indexer(tokens["seg_id"].astype(str))
        tokens = tokens[where >= 0]
        where = where[where >= 0]
        order = np.lexsort((tokens["start"].to_numpy(), where))
        self.seg = where[order]
        self.start = tokens["start"].to_numpy(np.int64)[order]
        self.end = tokens["end"].to_numpy(np.int64)[order]
        self.text = tokens["text"].astype(str).to_numpy(dtype=object)[order]
        self.lemma = tokens["lemma"].astype(str).to_numpy(dtype=object)[order]
        pos = tokens["pos"] if "pos" in tokens.columns else pd.Series("", index=tokens.index)
        self.pos = pos.fillna("").astype(str).to_numpy(dtype=object)[order]
        self.bounds = np.searchsorted(self.seg, np.arange(len(segments) + 1))

    def span(self, seg: int) -> tuple[int, int]:
        return int(self.bounds[seg]), int(self.bounds[seg + 1])

    def doc(self, vocab, seg: int):
        from spacy.attrs import NORM
        from spacy.tokens import Doc

        a, b = self.span(seg)
        words = [str(t).translate(_APOSTROPHES) for t in self.text[a:b]]
        spaces = [bool(self.end[i] < self.start[i + 1]) for i in range(a, b - 1)] + [False]
        lemmas = [str(x) for x in self.lemma[a:b]]
        valid = _valid_pos()
        pos = [p if p in valid else "X" for p in self.pos[a:b]]
        doc = Doc(vocab, words=words, spaces=spaces[: len(words)], lemmas=lemmas, pos=pos)
        if len(doc):
            norms = np.array([vocab.strings.add(fold(x)) for x in lemmas], dtype=np.uint64)
            doc.from_array([NORM], norms.reshape(-1, 1))
        return doc

    def token_span(self, seg: int, start: int, end: int) -> tuple[int, int]:
        """The tokens (from the segment's first) covering characters ``start``–``end``."""
        a, b = self.span(seg)
        first = int(np.searchsorted(self.end[a:b], start, side="right"))
        last = int(np.searchsorted(self.start[a:b], end, side="left"))
        return first, max(last, first + 1)


def _text_matches(
    pattern: re.Pattern,
    folded: bool,
    corpus: Corpus,
    segments: pd.DataFrame,
    allowed: np.ndarray,
    cache: dict[str, tuple[str, np.ndarray]],
) -> list[tuple[int, int, int]]:
    """(segment row, start, end) of every match of a words pattern inside a segment."""
    found = []
    rows = np.flatnonzero(allowed)
    if not len(rows):
        return found
    frame = segments.iloc[rows]
    for doc_id, group in frame.groupby("doc_id", sort=False):
        text = corpus.text(doc_id)
        if folded:
            if doc_id not in cache:
                cache[doc_id] = fold_with_offsets(text)
            haystack, origin = cache[doc_id]
        else:
            haystack, origin = text, None
        starts = group["start"].to_numpy(np.int64)
        ends = group["end"].to_numpy(np.int64)
        seg_rows = group.index.to_numpy()
        for m in pattern.finditer(haystack):
            if m.end() == m.start():
                continue
            if origin is not None:
                a, b = int(origin[m.start()]), int(origin[m.end() - 1]) + 1
            else:
                a, b = m.start(), m.end()
            i = int(np.searchsorted(starts, a, side="right")) - 1
            if i >= 0 and b <= ends[i]:
                found.append((int(seg_rows[i]), a, b))
    return found


def _context(text: str, start: int, end: int) -> str:
    """The match in brackets with the words around it, on one line; the spaces
    next to the match are those of the text (``s’[épuisent].``).

    >>> _context("Ils s’épuisent.\\nEt partent.", 6, 14)
    'Ils s’[épuisent]. Et partent.'
    """
    left = re.sub(r"\s+", " ", text[max(0, start - _CONTEXT) : start]).lstrip()
    right = re.sub(r"\s+", " ", text[end : end + _CONTEXT]).rstrip()
    return f"{left}[{text[start:end]}]{right}"


def match_dictionary(
    dictionary: Dictionary,
    corpus: Corpus,
    tokens: pd.DataFrame,
    *,
    actors: pd.DataFrame | None = None,
    lexicon: Lexicon | None = None,
    phrase_lemmas: Mapping[str, Sequence[str]] | None = None,
    lemmatiser: Callable[[Iterable[str]], Mapping[str, Sequence[str]]] | None = None,
) -> pd.DataFrame:
    """Every match of a dictionary's rules, as a review table.

    Parameters
    ----------
    dictionary : Dictionary
    corpus : Corpus
    tokens : DataFrame
        The corpus's tokens as :func:`research.nlp.normalise_tokens` returns them
        (``doc_id``, ``seg_id``, ``start``, ``end``, ``text``, ``lemma``, ``pos``).
    actors : DataFrame, optional
        The actor registry (``actor_id``, ``category``), for rules kept to categories.
    lexicon : Lexicon, optional
        The project's lexicon: its compounds are single lemmas, and phrases are
        lemmatised with it.
    phrase_lemmas : mapping, optional
        The lemmas of the rules' phrases, when already known (otherwise
        :func:`lemmatise_phrases` finds them with the French model).

    Returns
    -------
    DataFrame
        :data:`MATCH_COLUMNS`, one row per match of a rule, in text order: ``start``
        and ``end`` are what applying the rule codes (the segment, or the match
        with ``unit: match``), ``match_start``/``match_end`` the words that fired,
        ``context`` them with the words around, ``excluded_by`` the exclusion
        that keeps the match from being coded (``""`` otherwise).
    """
    require_columns(tokens, ["seg_id", "start", "end", "text", "lemma"], table="tokens")
    segments = corpus.segments.reset_index(drop=True)
    kinds = segments["doc_id"].map(corpus.documents.set_index("doc_id")["kind"])
    categories = None
    if actors is not None and "category" in actors.columns:
        table = actors.drop_duplicates("actor_id").set_index("actor_id")["category"]
        categories = segments["actor"].map(table)
    where = dictionary.path or dictionary.name
    masks = [_rule_mask(rule, segments, kinds, categories, where) for rule in dictionary.rules]
    phrases = [p for r in dictionary.rules for t in _all_terms(r) for p in t.phrases]
    lemmas_of = dict(phrase_lemmas or {})
    missing = [p for p in dict.fromkeys(phrases) if p not in lemmas_of]
    if missing:
        lemmas_of.update((lemmatiser or (lambda ps: lemmatise_phrases(ps, lexicon)))(missing))
    known = _known_expressions(lexicon)
    index = _Tokens(tokens, segments)
    # every (rule, exclusion) term set, matched once: key -> (segment, first, last token)
    keys: dict[str, tuple[Terms, bool, bool]] = {}
    for i, rule in enumerate(dictionary.rules):
        keys[f"r{i}"] = (rule.terms, rule.ignore_case, rule.ignore_accents)
        for j, exclusion in enumerate(rule.exclude):
            keys[f"r{i}x{j}"] = (exclusion.terms, rule.ignore_case, rule.ignore_accents)
    allowed = {
        key: masks[int(key[1:].split("x")[0])] for key in keys
    }  # an exclusion looks where its rule does
    hits = _token_matches(keys, allowed, corpus, segments, index, known, lemmas_of)
    return _table(dictionary, hits, corpus, segments, index)


def _all_terms(rule: Rule) -> list[Terms]:
    return [rule.terms, *(e.terms for e in rule.exclude)]


def _token_matches(
    keys: Mapping[str, tuple[Terms, bool, bool]],
    allowed: Mapping[str, np.ndarray],
    corpus: Corpus,
    segments: pd.DataFrame,
    index: _Tokens,
    known: Mapping[int, set[str]],
    phrase_lemmas: Mapping[str, Sequence[str]],
) -> dict[str, list[tuple[int, int, int, int, int]]]:
    """For each key: (segment row, first token, end token, start, end) of every match."""
    from spacy.lang.lex_attrs import LEX_ATTRS
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    vocab = Vocab(lex_attr_getters=dict(LEX_ATTRS))  # LOWER, SHAPE, IS_PUNCT… for patterns
    matcher = Matcher(vocab)
    hits: dict[str, list[tuple[int, int, int, int, int]]] = {key: [] for key in keys}
    cache: dict[str, tuple[str, np.ndarray]] = {}
    need_docs = np.zeros(len(segments), dtype=bool)
    for key, (terms, ignore_case, ignore_accents) in keys.items():
        patterns = _lemma_patterns(terms, ignore_accents, known, phrase_lemmas)
        if patterns:
            matcher.add(key, patterns)
            need_docs |= allowed[key]
        words = _words_pattern(terms, ignore_case, ignore_accents)
        if words is not None:
            for seg, a, b in _text_matches(
                words, ignore_accents, corpus, segments, allowed[key], cache
            ):
                first, last = index.token_span(seg, a, b)
                hits[key].append((seg, first, last, a, b))
    if len(matcher):
        names = {vocab.strings.add(key): key for key in keys}
        for seg in np.flatnonzero(need_docs).tolist():
            a, b = index.span(seg)
            if a == b:
                continue
            for match_id, first, last in matcher(index.doc(vocab, seg)):
                key = names[match_id]
                if allowed[key][seg]:
                    hits[key].append(
                        (
                            seg,
                            first,
                            last,
                            int(index.start[a + first]),
                            int(index.end[a + last - 1]),
                        )
                    )
    return hits


def _excluded(
    rule: Rule, key: str, seg: int, first: int, last: int, hits: Mapping[str, list]
) -> str:
    for j, exclusion in enumerate(rule.exclude):
        w = exclusion.window
        for other_seg, c, d, _, _ in hits[f"{key}x{j}"]:
            if other_seg == seg and c < last + w and d > first - w:
                return exclusion.terms.describe()
    return ""


def _table(
    dictionary: Dictionary,
    hits: Mapping[str, list[tuple[int, int, int, int, int]]],
    corpus: Corpus,
    segments: pd.DataFrame,
    index: _Tokens,
) -> pd.DataFrame:
    rows = []
    seg_start = segments["start"].to_numpy(np.int64)
    seg_end = segments["end"].to_numpy(np.int64)
    for i, rule in enumerate(dictionary.rules):
        key = f"r{i}"
        for seg, first, last, a, b in sorted(set(hits[key])):
            segment = segments.iloc[seg]
            text = corpus.text(segment["doc_id"])
            whole = rule.unit == "segment"
            rows.append(
                {
                    "doc_id": segment["doc_id"],
                    "seg_id": segment["seg_id"],
                    "start": int(seg_start[seg]) if whole else a,
                    "end": int(seg_end[seg]) if whole else b,
                    "code": rule.code,
                    "rule": rule.id,
                    "matched": text[a:b],
                    "match_start": a,
                    "match_end": b,
                    "context": _context(text, a, b),
                    "speaker": segment["speaker"],
                    "excluded_by": _excluded(rule, key, seg, first, last, hits),
                    "_seg": seg,
                }
            )
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in MATCH_COLUMNS}).astype(
            {"start": "int64", "end": "int64", "match_start": "int64", "match_end": "int64"}
        )
    table = pd.DataFrame(rows)
    table = table.sort_values(["_seg", "match_start", "match_end", "rule"], kind="stable")
    return table[MATCH_COLUMNS].reset_index(drop=True)
