"""The keyword baseline: a few words chosen from the examples, found or not.

Before trusting a model, ask whether it does better than the simplest
dictionary a researcher would write: "a segment carries the code when it holds
one of these words". The words are chosen from the training examples only: the
single words (lemmas when there are any) ranked by the F1 score each would
have on its own, then the number of them (1 to :data:`MAX_KEYWORDS`) whose union
has the best F1 on the training examples. The baseline is evaluated on the same
held-out documents as the model.

Examples
--------
>>> import scipy.sparse as sp
>>> present = sp.csr_matrix(np.array([[1, 0, 0], [1, 1, 0], [0, 1, 0], [0, 0, 1]]))
>>> labels = np.array([True, True, True, False])
>>> choose_keywords(present, labels)
[0, 1]
>>> keyword_predictions(present, [0, 1]).tolist()
[True, True, True, False]
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

__all__ = ["MAX_KEYWORDS", "choose_keywords", "keyword_predictions"]

#: The most keywords the baseline may take.
MAX_KEYWORDS = 10
_CANDIDATES = 30


def _f1(true_positives: np.ndarray, predicted: np.ndarray, positives: int) -> np.ndarray:
    denominator = predicted + positives
    return np.divide(
        2.0 * true_positives, denominator, out=np.zeros(len(denominator)), where=denominator > 0
    )


def choose_keywords(
    present: sp.csr_matrix, labels: np.ndarray, rows: np.ndarray | None = None
) -> list[int]:
    """The columns of ``present`` (segments × words, non-zero when the word is there)
    whose union best predicts ``labels`` on ``rows`` (default: all; see the module notes)."""
    labels = np.asarray(labels, dtype=bool)
    weight = np.zeros(present.shape[0])
    weight[slice(None) if rows is None else rows] = 1.0
    positives = int(weight[labels].sum())
    if not positives:
        return []
    binary = present if present.dtype == bool else present > 0
    found = binary.T @ weight
    hits = binary.T @ (weight * labels)
    score = _f1(hits, found, positives)
    score[hits < 1] = 0.0
    candidates = [int(c) for c in np.argsort(-score, kind="stable")[:_CANDIDATES] if score[c] > 0]
    if not candidates:
        return []
    chosen = weight > 0
    columns = binary[:, candidates[:MAX_KEYWORDS]][chosen].toarray() > 0
    union = np.logical_or.accumulate(columns, axis=1)
    predicted = union.sum(axis=0)
    true_positives = union[labels[chosen]].sum(axis=0)
    best = int(np.argmax(_f1(true_positives, predicted, positives)))
    return candidates[: best + 1]


def keyword_predictions(present: sp.csr_matrix, keywords: list[int]) -> np.ndarray:
    """Whether each row holds one of the ``keywords`` columns."""
    if not keywords:
        return np.zeros(present.shape[0], dtype=bool)
    return np.asarray((present[:, keywords] > 0).sum(axis=1)).ravel() > 0
