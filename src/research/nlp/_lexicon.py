"""Lemmas a French researcher can steer: elisions, expressions, corrections, stop words.

The model's lemmas are a start, not the last word. :func:`normalise_tokens` turns
the tokens of :func:`research.nlp.annotate` into the forms textual statistics
count:

- an elided word (``l’``, ``qu’``, ``jusqu’``…) takes the lemma of its full form
  (``le``, ``que``, ``jusque``), whichever apostrophe it was written with;
- a proper noun is its own lemma, in lowercase (the model would make *Lons*
  the plural of *lon*);
- an expression (:data:`EXPRESSIONS`: ``parce que``, ``c’est-à-dire``,
  ``tout à fait``…, and the project's own ``compounds``) becomes one form, so
  that *en fait* does not count as the verb *faire*, nor *Fabrique à
  Entreprendre* as three words;
- the words of a transcriber's note in square brackets (``[rires]``,
  ``[inaudible]``) are stop words: they are not the speaker's;
- the project's lemma corrections, stop-word additions and stop words kept
  apply, from the project file ``codebook/lexicon.yaml`` (:func:`read_lexicon`).

The file::

    # codebook/lexicon.yaml: how this project's words are counted
    lemmas:                 # a word or a lemma: the lemma to count instead
      coopé: coopérative
      startup: start-up
    stopwords: [truc, hein, voilà]   # also left out, besides the model's stop words
    keep: [pas]             # stop words of the model that are counted all the same
    compounds:              # expressions counted as one form
      - Start-Up de Territoire
      - Fabrique à Entreprendre
    interviewer: [Enquêtrice]        # speaker labels of the interviewer's turns

Every key is optional; an error names the file, the line and the fix.

Examples
--------
>>> words = ["qu’", "à", "la", "Fabrique", "à", "Entreprendre"]
>>> tokens = pd.DataFrame({
...     "doc_id": "A", "seg_id": "A:0000", "start": [0, 3, 5, 8, 17, 19],
...     "end": [3, 4, 7, 16, 18, 31], "text": words, "lemma": [w.lower() for w in words],
...     "pos": ["PROPN", "ADP", "DET", "NOUN", "ADP", "PROPN"],
...     "is_stop": [True, True, True, False, True, False], "is_alpha": True, "ent_type": None})
>>> lexicon = Lexicon(compounds=("Fabrique à Entreprendre",))
>>> normalise_tokens(tokens, lexicon)[["text", "lemma", "pos", "is_stop"]].values.tolist()
[['qu’', 'que', 'PROPN', True], ['à', 'à', 'ADP', True], ['la', 'la', 'DET', True], ['Fabrique à Entreprendre', 'fabrique à entreprendre', 'PROPN', False]]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from research.errors import InputError, Problem, closest

__all__ = [
    "ELISIONS",
    "EXPRESSIONS",
    "LEXICON_FILE",
    "Lexicon",
    "check_lexicon",
    "normalise_tokens",
    "read_lexicon",
]

#: The name of the project's lexicon file, in its codebook folder.
LEXICON_FILE = "lexicon.yaml"
#: The full form of each elided French word (written with ``'``).
ELISIONS: dict[str, str] = {
    "l'": "le",
    "d'": "de",
    "j'": "je",
    "m'": "me",
    "t'": "te",
    "s'": "se",
    "c'": "ce",
    "n'": "ne",
    "qu'": "que",
    "jusqu'": "jusque",
    "lorsqu'": "lorsque",
    "puisqu'": "puisque",
    "quoiqu'": "quoique",
    "presqu'": "presque",
}
#: French grammatical expressions counted as one form, a stop word (the project
#: adds its own with ``compounds``).
EXPRESSIONS: tuple[str, ...] = (
    "à peu près",
    "au fur et à mesure",
    "c'est-à-dire",
    "d'abord",
    "d'ailleurs",
    "d'accord",
    "de toute façon",
    "du coup",
    "en fait",
    "en effet",
    "en tout cas",
    "est-ce que",
    "parce que",
    "peut-être",
    "quelque chose",
    "tout à fait",
    "tout à coup",
    "tout de suite",
    "tout le monde",
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
_KEYS = ("lemmas", "stopwords", "keep", "compounds", "interviewer")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Lexicon:
    """A project's choices about its words (see the module notes).

    Attributes
    ----------
    lemmas : mapping of str to str
        Word or lemma (lowercase) → the lemma counted instead.
    stopwords : frozenset of str
        Words or lemmas left out besides the model's stop words.
    keep : frozenset of str
        Stop words of the model counted all the same.
    compounds : tuple of str
        Expressions counted as one form.
    interviewer : tuple of str or None
        Speaker labels of the interviewer's turns (None: the usual labels).
    path : str or None
        The file it was read from.
    """

    lemmas: Mapping[str, str] = field(default_factory=dict)
    stopwords: frozenset[str] = frozenset()
    keep: frozenset[str] = frozenset()
    compounds: tuple[str, ...] = ()
    interviewer: tuple[str, ...] | None = None
    path: str | None = None


def _fold(text: str) -> str:
    return str(text).strip().lower().translate(_APOSTROPHES)


def _texts(value: Any, key: str, at: dict[str, Any]) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(
        isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
    ):
        raise InputError(
            f"'{key}' must be a list of words",
            **at,
            hint=f"write for instance  {key}: [truc, chose]",
        )
    words = [str(v).strip() for v in value]
    if any(not w for w in words):
        raise InputError(f"'{key}' holds an empty word", **at, hint="remove the empty item")
    return words


def _lemmas(value: Any, at: dict[str, Any]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputError(
            "'lemmas' must be a mapping of 'word: lemma' lines",
            **at,
            hint="write for instance  lemmas: {coopé: coopérative}",
        )
    lines = getattr(value, "key_lines", {})
    out = {}
    for word, lemma in value.items():
        where = {**at, "line": lines.get(word, at.get("line"))}
        if (
            isinstance(lemma, bool)
            or not isinstance(lemma, str | int | float)
            or not str(lemma).strip()
        ):
            raise InputError(
                f"the lemma of {word!r} must be a word, not {lemma!r}",
                **where,
                hint="put the lemma in quotes if it reads as yes/no or a number",
            )
        out[_fold(word)] = _fold(lemma)
    return out


def read_lexicon(path: str | PathLike) -> Lexicon:
    """Read a project's lexicon file (see the module notes); an absent file is an empty lexicon.

    Raises
    ------
    InputError
        On a YAML error, an unknown key or a value of the wrong kind, naming the
        file, the line and the fix.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "lexicon.yaml"
    >>> _ = path.write_text("lemmas:\\n  coopé: Coopérative\\nstopword: [truc]\\n")
    >>> read_lexicon(path)
    Traceback (most recent call last):
    ...
    research.errors.InputError: ...lexicon.yaml, line 3: unknown key 'stopword' (hint: did you mean 'stopwords'?)
    >>> _ = path.write_text("lemmas:\\n  coopé: Coopérative\\nstopwords: [truc]\\n")
    >>> lexicon = read_lexicon(path)
    >>> dict(lexicon.lemmas), sorted(lexicon.stopwords)
    ({'coopé': 'coopérative'}, ['truc'])
    """
    from research.files import load_yaml

    path = Path(path)
    if not path.is_file():
        return Lexicon()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text ({exc.reason})", path=path, hint="save the file as UTF-8"
        ) from None
    data = load_yaml(text, path=path, lines=True)
    if data is None:
        return Lexicon(path=str(path))
    if not isinstance(data, dict):
        raise InputError(
            "the lexicon must be a mapping of 'key: value' lines",
            path=path,
            line=1,
            hint=f"its keys are {', '.join(_KEYS)}",
        )
    lines = getattr(data, "key_lines", {})

    def at(key: str) -> dict[str, Any]:
        return {"path": path, "line": lines.get(key)}

    for key in data:
        if key not in _KEYS:
            hint = closest(str(key), _KEYS) or f"the keys are {', '.join(_KEYS)}"
            raise InputError(f"unknown key {key!r}", **at(key), hint=hint)
    stopwords = {_fold(w) for w in _texts(data.get("stopwords"), "stopwords", at("stopwords"))}
    keep = {_fold(w) for w in _texts(data.get("keep"), "keep", at("keep"))}
    both = sorted(stopwords & keep)
    if both:
        raise InputError(
            f"{both[0]!r} is both in 'stopwords' and in 'keep'",
            **at("keep"),
            hint="keep it in one of the two lists",
        )
    interviewer = data.get("interviewer")
    return Lexicon(
        lemmas=_lemmas(data.get("lemmas"), at("lemmas")),
        stopwords=frozenset(stopwords),
        keep=frozenset(keep),
        compounds=tuple(_texts(data.get("compounds"), "compounds", at("compounds"))),
        interviewer=None
        if interviewer is None
        else tuple(_texts(interviewer, "interviewer", at("interviewer"))),
        path=str(path),
    )


def check_lexicon(path: str | PathLike, *, root: str | PathLike | None = None) -> list[Problem]:
    """The problems of a lexicon file (none when it is absent), for ``research validate``."""
    try:
        read_lexicon(path)
    except InputError as exc:
        problem = exc.to_problem()
        if root is not None and problem.path is not None:
            from dataclasses import replace

            try:
                relative = Path(problem.path).resolve().relative_to(Path(root).resolve())
                problem = replace(problem, path=relative.as_posix())
            except ValueError:
                pass
        return [problem]
    return []


# -- normalising tokens ------------------------------------------------------------------------


def _expression_key(phrase: str) -> str:
    return re.sub(r"\s+", "", _fold(phrase))


def _merge_expressions(tokens: pd.DataFrame, phrases: Mapping[str, bool]) -> pd.DataFrame:
    """Tokens with every occurrence of an expression merged into one token.

    ``phrases`` maps each expression to whether it is a stop word. An occurrence
    is a run of tokens of one segment whose lowercase texts, written one after
    the other, spell the expression without its spaces.
    """
    if tokens.empty or not phrases:
        return tokens
    keys = {_expression_key(p): p for p in phrases}
    keys.pop("", None)
    pattern = re.compile("|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)))
    texts = [_fold(t) for t in tokens["text"].tolist()]
    segs = tokens["seg_id"].to_numpy()
    pieces, starts, position = [], np.empty(len(texts) + 1, dtype=np.int64), 0
    for i, text in enumerate(texts):
        if i and segs[i] != segs[i - 1]:
            pieces.append("\x1f")
            position += 1
        starts[i] = position
        pieces.append(text)
        position += len(text)
    starts[len(texts)] = position
    stream = "".join(pieces)
    first = {int(p): i for i, p in enumerate(starts[:-1])}
    ends = {int(starts[i] + len(t)): i for i, t in enumerate(texts)}
    runs = []
    for match in pattern.finditer(stream):
        i, j = first.get(match.start()), ends.get(match.end())
        if i is not None and j is not None and j > i:
            runs.append((i, j, keys[match.group(0)]))
    if not runs:
        return tokens
    drop = np.zeros(len(tokens), dtype=bool)
    rows = []
    text_col, start_col, end_col = (
        tokens["text"].tolist(),
        tokens["start"].to_numpy(),
        tokens["end"].to_numpy(),
    )
    for i, j, phrase in runs:
        drop[i : j + 1] = True
        row = tokens.iloc[i].to_dict()
        words = [text_col[i]]
        for k in range(i + 1, j + 1):
            words.append((" " if start_col[k] > end_col[k - 1] else "") + text_col[k])
        stop = phrases[phrase]
        row.update(
            end=int(end_col[j]),
            text="".join(words),
            lemma=" ".join(_fold(phrase).split()),
            pos="ADV" if stop else ("PROPN" if text_col[i][:1].isupper() else "NOUN"),
            is_stop=stop,
            is_alpha=False,
        )
        rows.append(row)
    added = pd.DataFrame(rows, columns=tokens.columns, index=[i for i, _, _ in runs])
    merged = pd.concat([tokens[~drop], added]).astype(tokens.dtypes.to_dict())
    return merged.sort_index(kind="stable").reset_index(drop=True)


def _in_brackets(tokens: pd.DataFrame) -> pd.Series:
    """Tokens of a transcriber's note in square brackets (``[rires]``, ``[inaudible]``)."""
    text = tokens["text"].astype(str)
    opens, closes = text.eq("[").astype(int), text.eq("]").astype(int)
    depth = (opens - closes).groupby(tokens["seg_id"].to_numpy(), sort=False).cumsum()
    return (depth > 0) | closes.astype(bool)


def normalise_tokens(
    tokens: pd.DataFrame,
    lexicon: Lexicon | None = None,
    *,
    expressions: Iterable[str] = EXPRESSIONS,
) -> pd.DataFrame:
    """The tokens with the lemmas textual statistics count (see the module notes).

    Parameters
    ----------
    tokens : DataFrame
        As returned by :func:`research.nlp.annotate`, in text order.
    lexicon : Lexicon, optional
        The project's choices (:func:`read_lexicon`).
    expressions : iterable of str
        The grammatical expressions counted as one stop word.

    Returns
    -------
    DataFrame
        The same columns, expressions merged into one token each, with corrected
        ``lemma`` and ``is_stop``, and ``is_word`` (the token holds a letter).
    """
    lexicon = lexicon or Lexicon()
    phrases = {p: True for p in expressions}
    phrases.update({p: False for p in lexicon.compounds})
    out = _merge_expressions(tokens.reset_index(drop=True), phrases)
    folded = out["text"].map(_fold)
    lemma = out["lemma"].astype(str).map(_fold)
    proper = (
        out["pos"].eq("PROPN").to_numpy() & ~out["lemma"].astype(str).str.contains(" ").to_numpy()
    )
    lemma = lemma.where(~proper, folded)
    elided = folded.map(ELISIONS)
    lemma = elided.where(elided.notna(), lemma)
    if lexicon.lemmas:
        corrected = folded.map(lexicon.lemmas)
        corrected = corrected.where(corrected.notna(), lemma.map(lexicon.lemmas))
        lemma = corrected.where(corrected.notna(), lemma)
    stop = out["is_stop"].astype(bool) | _in_brackets(out)
    if lexicon.stopwords:
        stop |= lemma.isin(lexicon.stopwords) | folded.isin(lexicon.stopwords)
    if lexicon.keep:
        stop &= ~(lemma.isin(lexicon.keep) | folded.isin(lexicon.keep))
    return out.assign(
        lemma=lemma.astype(out["lemma"].dtype),
        is_stop=stop.to_numpy(),
        is_word=out["text"].map(lambda t: bool(_LETTER.search(str(t)))).to_numpy(),
    )
