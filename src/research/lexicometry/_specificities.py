"""Lafon's specificities: which forms characterise which part of a corpus.

In a lexical table of ``T`` occurrences, a form of frequency ``f`` occurs ``k``
times in a part of ``t`` occurrences. Were the form spread without regard to
the parts, ``k`` would follow the hypergeometric law of ``t`` draws without
replacement from ``T`` occurrences of which ``f`` are the form's (expectation
``f·t/T``). The specificity of the form in the part is the improbability of
``k`` under that law, as Lexico and IRaMuTeQ print it:

- ``−log10 P(X ≥ k)`` where the form is over-represented (``k > f·t/T``),
  a positive score;
- ``log10 P(X ≤ k)`` where it is under-represented (``k ≤ f·t/T``), a
  negative score.

A score of 2 is a probability of 1 %, 3 of 1 ‰. A form whose scores stay
within the banality threshold in every part is *banal*: it characterises no
part. The chi-square variant scores each cell with the chi-square of the 2 × 2
table (the part or the rest of the corpus, the form or the other forms), signed
the same way.

References
----------
.. [1] Lafon, P. (1980). Sur la variabilité de la fréquence des formes dans un
   corpus. *Mots*, 1, 127-165.
.. [2] Lebart, L., Salem, A. & Berry, L. (1998). *Exploring Textual Data*,
   chapter 6 (characteristic elements). Kluwer.
.. [3] Ratinaud, P. (2014). *IRaMuTeQ*, documentation, « Analyses de
   spécificités et AFC ». http://www.iramuteq.org

Examples
--------
>>> table = pd.DataFrame({"citoyens": [10, 1], "élus": [2, 9]}, index=["village", "budget"])
>>> specificities(table).round(2)
         citoyens  élus
village      3.02 -3.02
budget      -3.02  3.02
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats

from research.errors import InputError

__all__ = ["banal_forms", "specific_forms", "specificities", "with_concordance"]

Method = Literal["hypergeometric", "chi2"]


def _counts(table: pd.DataFrame) -> np.ndarray:
    if not isinstance(table, pd.DataFrame):
        raise InputError(
            f"the lexical table must be a DataFrame of counts, not a {type(table).__name__}",
            hint="build it with research.lexicometry.lexical_table",
        )
    values = table.to_numpy(dtype=float)
    if values.size and (np.isnan(values).any() or (values < 0).any()):
        raise InputError(
            "the lexical table holds negative or missing counts",
            hint="a lexical table counts occurrences: whole numbers from 0",
        )
    return values


def _log10_tail(
    k: np.ndarray, M: float, n: np.ndarray, N: np.ndarray, *, upper: bool
) -> np.ndarray:
    """``log10 P(X ≥ k)`` (``upper``) or ``log10 P(X ≤ k)`` of the hypergeometric law.

    The tail is summed from ``k`` outwards, term by term from the probability of
    ``k`` (scipy's ``logpmf``) by the ratio of successive probabilities,
    ``P(x+1)/P(x) = (n−x)(N−x) / ((x+1)(M−n−N+x+1))``, for every cell at once,
    until the terms no longer change the sum in double precision. Where a form
    is over- (under-) represented this runs away from the mode, so the terms
    soon decrease geometrically. scipy's own ``sf``/``cdf`` give the same values
    but sum each cell on its own from the other end, which takes minutes on a
    lexical table of thousands of forms; its ``logsf``/``logcdf`` are slower still.
    """
    k, n, N = (np.asarray(a, dtype=float).ravel() for a in (k, n, N))
    log_first = stats.hypergeom.logpmf(k, M, n, N)
    total = np.ones_like(k)
    term = np.ones_like(k)
    x = k.copy()
    bound = np.minimum(n, N) if upper else np.maximum(0.0, N + n - M)
    active = (x != bound) & np.isfinite(log_first)
    while active.any():
        i = np.flatnonzero(active)
        xi, ni, Ni = x[i], n[i], N[i]
        if upper:
            ratio = (ni - xi) * (Ni - xi) / ((xi + 1) * (M - ni - Ni + xi + 1))
            x[i] = xi + 1
        else:
            ratio = xi * (M - ni - Ni + xi) / ((ni - xi + 1) * (Ni - xi + 1))
            x[i] = xi - 1
        term[i] *= ratio
        total[i] += term[i]
        active[i] = (x[i] != bound[i]) & (term[i] > 1e-17 * total[i])
    return (log_first + np.log(total)) / np.log(10)


def _hypergeometric_scores(
    k: np.ndarray, f: np.ndarray, t: np.ndarray, total: float, over: np.ndarray
) -> np.ndarray:
    """Signed Lafon scores: ``−log10 P(X ≥ k)`` where over-represented, else ``log10 P(X ≤ k)``."""
    f_all = np.broadcast_to(f, k.shape).ravel()
    t_all = np.broadcast_to(t, k.shape).ravel()
    up = over.ravel()
    flat = k.ravel()
    scores = np.zeros(flat.shape)
    scores[up] = -_log10_tail(flat[up], total, f_all[up], t_all[up], upper=True)
    scores[~up] = _log10_tail(flat[~up], total, f_all[~up], t_all[~up], upper=False)
    return scores.reshape(k.shape)


def specificities(table: pd.DataFrame, *, method: Method = "hypergeometric") -> pd.DataFrame:
    """Signed specificity of each form (row) in each part (column); see the module notes.

    Parameters
    ----------
    table : DataFrame
        Forms × parts counts (:func:`research.lexicometry.lexical_table`).
    method : {"hypergeometric", "chi2"}
        Lafon's hypergeometric scores (``±log10`` of a probability) or signed
        chi-squares of the 2 × 2 tables.

    Returns
    -------
    DataFrame
        The same shape, index and columns as ``table``.
    """
    k = _counts(table)
    total = k.sum()
    f = k.sum(axis=1, keepdims=True)
    t = k.sum(axis=0, keepdims=True)
    if total == 0:
        return pd.DataFrame(np.zeros_like(k), index=table.index, columns=table.columns)
    expected = f * t / total
    over = k > expected
    if method == "hypergeometric":
        scores = _hypergeometric_scores(k, f, t, total, over)
    elif method == "chi2":
        a, b, c = k, t - k, f - k
        d = total - f - t + k
        denominator = f * (total - f) * t * (total - t)
        with np.errstate(divide="ignore", invalid="ignore"):
            chi2 = np.where(denominator > 0, total * (a * d - b * c) ** 2 / denominator, 0.0)
        scores = np.where(over, chi2, -chi2)
    else:
        raise InputError(
            f"unknown specificity method {method!r}", hint="use 'hypergeometric' or 'chi2'"
        )
    return pd.DataFrame(scores + 0.0, index=table.index, columns=table.columns)


def banal_forms(scores: pd.DataFrame, *, threshold: float = 2.0) -> pd.Index:
    """The forms whose specificity stays within ``±threshold`` in every part.

    Examples
    --------
    >>> scores = pd.DataFrame({"a": [3.1, 0.4], "b": [-3.1, -0.4]}, index=["village", "dire"])
    >>> banal_forms(scores).tolist()
    ['dire']
    """
    return scores.index[(scores.abs() < threshold).all(axis=1).to_numpy()]


def specific_forms(
    scores: pd.DataFrame,
    table: pd.DataFrame,
    *,
    threshold: float = 2.0,
    top: int | None = 10,
    under: bool = False,
) -> pd.DataFrame:
    """The most specific forms of each part, beyond the banality threshold.

    Parameters
    ----------
    scores : DataFrame
        :func:`specificities` of ``table``.
    table : DataFrame
        The lexical table (forms × parts counts).
    threshold : float
        Least absolute score kept (2: a probability of 1 %).
    top : int, optional
        Forms kept per part (None keeps all beyond the threshold).
    under : bool
        The most under-represented forms instead (negative scores).

    Returns
    -------
    DataFrame
        ``part``, ``form``, ``count`` (in the part), ``frequency`` (in the
        corpus), ``expected_frequency``, ``specificity``; by part (in the table's order), then
        strongest score first, then form.

    Examples
    --------
    >>> table = pd.DataFrame({"citoyens": [10, 1], "élus": [2, 9]}, index=["village", "budget"])
    >>> specific_forms(specificities(table), table)[["part", "form", "count"]].values.tolist()
    [['citoyens', 'village', 10], ['élus', 'budget', 9]]
    """
    counts = table.reindex(index=scores.index, columns=scores.columns).to_numpy(dtype=float)
    total = float(counts.sum())
    frequency = counts.sum(axis=1)
    sizes = counts.sum(axis=0)
    values = scores.to_numpy()
    chosen = values <= -threshold if under else values >= threshold
    rows, cols = np.nonzero(chosen)
    out = pd.DataFrame(
        {
            "part": scores.columns.to_numpy()[cols],
            "form": scores.index.to_numpy()[rows],
            "count": counts[rows, cols].astype("int64"),
            "frequency": frequency[rows].astype("int64"),
            "expected_frequency": frequency[rows] * sizes[cols] / total if total else 0.0,
            "specificity": values[rows, cols],
        }
    )
    rank = {p: i for i, p in enumerate(scores.columns)}
    out = out.assign(_part=out["part"].map(rank), _key=out["specificity"].abs())
    out = out.sort_values(["_part", "_key", "form"], ascending=[True, False, True], kind="stable")
    if top is not None:
        out = out.groupby("_part", sort=False).head(top)
    return out.drop(columns=["_part", "_key"]).reset_index(drop=True)


def with_concordance(
    specific: pd.DataFrame,
    forms: pd.DataFrame,
    segments: pd.DataFrame,
    *,
    by: str,
    window: int = 60,
) -> pd.DataFrame:
    """Add to each (part, form) a concordance line: its first occurrence in the part.

    Parameters
    ----------
    specific : DataFrame
        :func:`specific_forms` (``part`` and ``form`` columns).
    forms : DataFrame
        :func:`research.lexicometry.segment_forms` (the occurrences).
    segments : DataFrame
        The text segments, with ``text``, ``start`` and the attribute ``by``.
    by : str
        The attribute whose values are the parts.
    window : int
        Characters of context on each side, within the segment.

    Returns
    -------
    DataFrame
        ``specific`` with ``doc_id``, ``ts_id``, ``left``, ``match``, ``right``
        (newlines shown as spaces).
    """
    from research.lexicometry._tables import _parts

    info = segments.assign(part_value=_parts(segments, by).to_numpy())[
        ["ts_id", "start", "text", "part_value"]
    ]
    occurrences = forms.merge(info, on="ts_id", suffixes=("", "_segment"))
    first = occurrences.drop_duplicates(subset=["part_value", "form"], keep="first")
    lines = {}
    for row in first.itertuples(index=False):
        text, offset = row.text, row.start - row.start_segment
        length = row.end - row.start
        lines[(row.part_value, row.form)] = (
            row.doc_id,
            row.ts_id,
            text[max(0, offset - window) : offset].replace("\n", " "),
            text[offset : offset + length],
            text[offset + length : offset + length + window].replace("\n", " "),
        )
    empty = (None, None, "", "", "")
    found = [
        lines.get((str(p), f), empty)
        for p, f in zip(specific["part"], specific["form"], strict=True)
    ]
    columns = ["doc_id", "ts_id", "left", "match", "right"]
    extra = pd.DataFrame(found, columns=columns, index=specific.index)
    return pd.concat([specific, extra], axis=1)
