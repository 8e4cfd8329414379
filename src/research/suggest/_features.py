"""The words of each segment as TF-IDF features: lemma n-grams and word n-grams.

Two streams of tokens per segment, each read as unigrams and bigrams:

- **lemmas**: the lemmas of the words that are not stop words, as
  :func:`research.nlp.normalise_tokens` gives them (elided words in full,
  expressions and the lexicon's compounds as one lemma, its corrections
  applied): *coopérons* and *coopération* meet on ``coopérer`` and
  ``coopération``;
- **words**: every word as written, lower case (stop words included, so that
  *ne … pas*, *on a* or *nous avons* count).

Without tokens (no annotation), the words are cut from the segments' text by a
regular expression and there is no lemma stream.

Counts are made once for all segments with array operations (token ids by
factorisation, bigrams as pairs of consecutive ids within a segment), which
gives the same matrix as scikit-learn's ``CountVectorizer`` fed with the same
n-grams, an order of magnitude faster on a large corpus; weighting is
scikit-learn's ``TfidfTransformer`` (sublinear term frequency, smoothed idf,
unit rows). Vocabulary and idf are learnt from every segment's text, labels
unseen, as they will be when the model scores uncoded segments.

Examples
--------
>>> import pandas as pd
>>> segments = pd.DataFrame({"seg_id": ["A:0", "A:1"],
...                          "text": ["On coopère avec l’atelier", "L’atelier ferme"]})
>>> space = FeatureSpace(min_df=2).fit(segments)
>>> space.names
['mot:atelier', "mot:l'", "mot:l' atelier"]
>>> space.transform(segments).shape
(2, 3)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp

__all__ = ["FeatureSpace", "segment_streams"]

_WORD = re.compile(r"[^\W_]+['’]?")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
#: The streams and the prefix of their feature names.
STREAMS = {"lemmas": "lemme", "words": "mot"}


@dataclass(frozen=True)
class _Stream:
    """One stream of tokens: the segment row of each token (sorted), the number of its
    value, and the distinct values."""

    rows: np.ndarray
    ids: np.ndarray
    values: np.ndarray


def _coded(values: pd.Series, normalise) -> tuple[np.ndarray, np.ndarray]:
    """Numbers of ``values`` and the distinct normalised values (normalising each
    distinct value once, not each token)."""
    codes, uniques = pd.factorize(values, sort=False)
    normalised = pd.Index([normalise(str(u)) for u in uniques], dtype=object)
    numbers, distinct = pd.factorize(normalised, sort=False)
    ids = numbers[codes] if len(codes) else np.empty(0, dtype=np.int64)
    return ids.astype(np.int64), np.asarray(distinct, dtype=object)


def _word(text: str) -> str:
    return text.lower().translate(_APOSTROPHES)


def _lemma(text: str) -> str:
    return text.replace(" ", "_")


def segment_streams(
    segments: pd.DataFrame, tokens: pd.DataFrame | None = None
) -> dict[str, _Stream]:
    """The token streams of ``segments`` (in their order).

    Parameters
    ----------
    segments : DataFrame
        ``seg_id`` and ``text``.
    tokens : DataFrame, optional
        Normalised tokens (``seg_id``, ``start``, ``text``, ``lemma``, ``is_stop``,
        ``is_word``), in text order; without them, words are cut from the text.
    """
    if tokens is None:
        found = segments["text"].fillna("").astype(str).map(lambda t: _WORD.findall(t.lower()))
        rows = np.repeat(np.arange(len(segments)), found.map(len).to_numpy())
        words = pd.Series([w for ws in found for w in ws], dtype=object)
        ids, values = _coded(words, _word)
        return {"words": _Stream(rows, ids, values)}
    seg_codes, seg_names = pd.factorize(tokens["seg_id"], sort=False)
    where = pd.Index(segments["seg_id"].astype(str)).get_indexer(pd.Index(seg_names).astype(str))
    where = where[seg_codes] if len(seg_codes) else np.empty(0, dtype=np.int64)
    keep = where >= 0
    if "is_word" in tokens.columns:
        keep &= tokens["is_word"].to_numpy(dtype=bool)
    else:
        keep &= tokens["text"].astype(str).str.contains(r"[^\W\d_]", regex=True).to_numpy()
    chosen = tokens[keep]
    rows = where[keep]
    order = np.lexsort((chosen["start"].to_numpy(np.int64), rows))
    rows = rows[order]
    text_ids, texts = _coded(chosen["text"], _word)
    lemma_ids, lemmas = _coded(chosen["lemma"], _lemma)
    content = ~chosen["is_stop"].to_numpy(dtype=bool)[order]
    return {
        "lemmas": _Stream(rows[content], lemma_ids[order][content], lemmas),
        "words": _Stream(rows, text_ids[order], texts),
    }


def _ngrams(stream: _Stream, n_rows: int, ngram_max: int) -> tuple[sp.csr_matrix, np.ndarray]:
    """Counts of every n-gram of a stream (segments × distinct n-grams) and their names.

    An n-gram is numbered from the number of the (n-1)-gram it starts with and the
    number of its last token, so that numbers stay small whatever ``n``.
    """
    ids, uniques = stream.ids, stream.values
    size = max(len(uniques), 1)
    all_rows, all_columns, all_names = [stream.rows], [ids], [uniques]
    offset = len(uniques)
    previous, valid, previous_names = ids, np.ones(len(ids), dtype=bool), uniques
    for n in range(2, ngram_max + 1):
        m = len(ids) - n + 1
        if m <= 0:
            break
        ok = valid[:m] & (stream.rows[n - 1 :] == stream.rows[:m])  # one segment
        combined = previous[:m][ok] * size + ids[n - 1 :][ok]
        numbers, distinct = pd.factorize(combined, sort=False)
        distinct = np.asarray(distinct, dtype=np.int64)
        names = previous_names[distinct // size] + " " + uniques[distinct % size]
        all_rows.append(stream.rows[:m][ok])
        all_columns.append(numbers.astype(np.int64) + offset)
        all_names.append(names)
        offset += len(distinct)
        previous = np.full(m, -1, dtype=np.int64)
        previous[ok] = numbers
        valid, previous_names = ok, names
    matrix = sp.csr_matrix(
        (
            np.ones(sum(len(r) for r in all_rows), dtype=np.float64),
            (np.concatenate(all_rows), np.concatenate(all_columns)),
        ),
        shape=(n_rows, offset),
    )
    matrix.sum_duplicates()
    return matrix, np.concatenate(all_names)


@dataclass
class FeatureSpace:
    """Lemma and word n-grams of segments, weighted by TF-IDF (see the module notes).

    Parameters
    ----------
    ngram_max : int
        Longest n-gram (1: single words; 2: also pairs of consecutive words).
    min_df : int
        Keep n-grams found in at least this many segments.
    max_features : int or None
        Keep at most this many n-grams per stream, the most widespread.
    """

    ngram_max: int = 2
    min_df: int = 2
    max_features: int | None = 100_000
    names: list[str] = field(default_factory=list, init=False)
    _vocabulary: dict[str, pd.Index] = field(default_factory=dict, init=False, repr=False)
    _weights: dict[str, object] = field(default_factory=dict, init=False, repr=False)

    @property
    def streams(self) -> list[str]:
        """The streams the space was fitted on."""
        return list(self._vocabulary)

    def fit(self, segments: pd.DataFrame, tokens: pd.DataFrame | None = None) -> FeatureSpace:
        """Learn the vocabulary and idf of every segment's n-grams."""
        self.fit_transform(segments, tokens)
        return self

    def fit_transform(
        self, segments: pd.DataFrame, tokens: pd.DataFrame | None = None
    ) -> sp.csr_matrix:
        """Learn the vocabulary and idf, and return the segments' features."""
        from sklearn.feature_extraction.text import TfidfTransformer

        blocks, names = [], []
        self._vocabulary, self._weights = {}, {}
        for stream, values in segment_streams(segments, tokens).items():
            counts, grams = _ngrams(values, len(segments), self.ngram_max)
            df = np.asarray((counts > 0).sum(axis=0)).ravel()
            keep = np.flatnonzero(df >= self.min_df)
            if self.max_features is not None and len(keep) > self.max_features:
                order = np.lexsort((grams[keep], -df[keep]))
                keep = np.sort(keep[order[: self.max_features]])
            order = keep[np.argsort(grams[keep], kind="stable")]  # columns by name: stable
            counts = counts[:, order]
            weights = TfidfTransformer(sublinear_tf=True).fit(counts)
            self._vocabulary[stream] = pd.Index(grams[order])
            self._weights[stream] = weights
            blocks.append(weights.transform(counts))
            names += [f"{STREAMS[stream]}:{g}" for g in grams[order]]
        self.names = names
        return self._stack(blocks, len(segments))

    def transform(
        self, segments: pd.DataFrame, tokens: pd.DataFrame | None = None
    ) -> sp.csr_matrix:
        """The features of (other) segments in the fitted space."""
        streams = segment_streams(segments, tokens)
        blocks = []
        for stream, vocabulary in self._vocabulary.items():
            if stream not in streams:
                blocks.append(sp.csr_matrix((len(segments), len(vocabulary))))
                continue
            counts, grams = _ngrams(streams[stream], len(segments), self.ngram_max)
            where = vocabulary.get_indexer(grams)
            counts = counts.tocoo()
            kept = where[counts.col] >= 0
            matrix = sp.csr_matrix(
                (counts.data[kept], (counts.row[kept], where[counts.col[kept]])),
                shape=(len(segments), len(vocabulary)),
            )
            blocks.append(self._weights[stream].transform(matrix))
        return self._stack(blocks, len(segments))

    def _stack(self, blocks: list, n_rows: int) -> sp.csr_matrix:
        if not blocks:
            return sp.csr_matrix((n_rows, 0))
        matrix = sp.hstack(blocks, format="csr", dtype=np.float64)
        matrix = matrix * (1.0 / np.sqrt(len(blocks)))  # unit rows when every stream has words
        matrix.sort_indices()
        return matrix
