"""Probabilities from a linear model's scores: Platt scaling on cross-validated scores.

A linear classifier's score (its decision value) ranks segments, but is not a
probability. Platt (1999) fits ``p = 1 / (1 + exp(A·f + B))`` to held-out scores
``f`` and their labels, with the targets softened to
``(N₊ + 1) / (N₊ + 2)`` and ``1 / (N₋ + 2)`` so that a few examples do not give
probabilities of exactly 0 or 1; Lin, Lin and Weng (2007) give the numerically
sound form minimised here. The scores come from cross-validation (each segment
scored by a model that did not see its document), as scikit-learn's
``CalibratedClassifierCV(method="sigmoid", ensemble=False)`` does.

Examples
--------
>>> scores = np.array([-2.0, -1.0, -0.5, 0.5, 1.0, 2.0])
>>> labels = np.array([0, 0, 1, 0, 1, 1])
>>> a, b = platt_scaling(scores, labels)
>>> bool(a < 0), [round(float(p), 2) for p in platt_probability(np.array([-2.0, 2.0]), a, b)]
(True, [0.22, 0.78])

References
----------
.. [1] Platt, J. (1999). Probabilistic outputs for support vector machines and
   comparisons to regularized likelihood methods. In *Advances in Large Margin
   Classifiers* (pp. 61-74). MIT Press.
.. [2] Lin, H.-T., Lin, C.-J. and Weng, R. C. (2007). A note on Platt's
   probabilistic outputs for support vector machines. *Machine Learning*, 68(3),
   267-276.
"""

from __future__ import annotations

import numpy as np

__all__ = ["platt_probability", "platt_scaling"]


def platt_scaling(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """The ``A`` and ``B`` of Platt's sigmoid fitted to held-out ``scores`` and 0/1 ``labels``.

    Newton's method with a backtracking line search on the two parameters, as
    Lin, Lin and Weng (2007, Algorithm 1) write it.
    """
    f = np.asarray(scores, dtype=np.float64)
    labels = np.asarray(labels, dtype=bool)
    positives = int(labels.sum())
    negatives = len(labels) - positives
    t = np.where(labels, (positives + 1.0) / (positives + 2.0), 1.0 / (negatives + 2.0))

    def loss(a: float, b: float) -> float:
        z = a * f + b
        return float(np.sum(t * np.logaddexp(0.0, z) + (1.0 - t) * np.logaddexp(0.0, -z)))

    a, b = 0.0, float(np.log((negatives + 1.0) / (positives + 1.0)))
    value = loss(a, b)
    tolerance = 1e-5 * max(1.0, len(f) / 100.0)  # the gradient is a sum over the examples
    for _ in range(100):
        p = 0.5 * (1.0 - np.tanh(0.5 * (a * f + b)))  # 1 / (1 + exp(a f + b)), no overflow
        d1, d2 = t - p, p * (1.0 - p)
        g1, g2 = float(np.dot(f, d1)), float(d1.sum())
        if abs(g1) < tolerance and abs(g2) < tolerance:
            break
        h11 = float(np.dot(f * f, d2)) + 1e-12
        h22 = float(d2.sum()) + 1e-12
        h21 = float(np.dot(f, d2))
        det = h11 * h22 - h21 * h21
        da = -(h22 * g1 - h21 * g2) / det
        db = -(-h21 * g1 + h11 * g2) / det
        slope = g1 * da + g2 * db
        step = 1.0
        while step >= 1e-10:
            new = loss(a + step * da, b + step * db)
            if new < value + 1e-4 * step * slope:
                a, b = a + step * da, b + step * db
                break
            step /= 2.0
        else:
            break
        if value - new < 1e-12 * max(1.0, abs(value)):
            break
        value = new
    return a, b


def platt_probability(scores: np.ndarray, a: float, b: float) -> np.ndarray:
    """The probability Platt's sigmoid gives each score."""
    z = a * np.asarray(scores, dtype=np.float64) + b
    return 0.5 * (1.0 - np.tanh(0.5 * z))
