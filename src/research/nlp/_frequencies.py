"""Lemma counts of an annotated corpus, per group.

Examples
--------
>>> tokens = pd.DataFrame({"lemma": ["coopérative", "projet", "coopérative", "le"],
...                        "pos": ["NOUN", "NOUN", "NOUN", "DET"],
...                        "is_stop": [False, False, False, True],
...                        "is_alpha": [True, True, True, True]})
>>> lemma_frequencies(tokens).to_dict("records")
[{'lemma': 'coopérative', 'count': 2}, {'lemma': 'projet', 'count': 1}]
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

__all__ = ["lemma_frequencies"]


def lemma_frequencies(
    tokens: pd.DataFrame,
    *,
    by: str | list[str] | None = None,
    pos: Iterable[str] | None = ("NOUN", "VERB", "ADJ", "PROPN"),
    drop_stopwords: bool = True,
    top: int | None = None,
) -> pd.DataFrame:
    """Count lemmas, optionally per group, most frequent first.

    Parameters
    ----------
    tokens : DataFrame
        As returned by :func:`annotate` (possibly joined with document attributes).
    by : str or list of str, optional
        Columns to group by (e.g. ``"respondent_category"``).
    pos : iterable of str, optional
        Keep only these parts of speech (None keeps all).
    drop_stopwords : bool
        Leave out spaCy's French stop words and non-alphabetic tokens.
    top : int, optional
        Keep the ``top`` most frequent lemmas per group.

    Returns
    -------
    DataFrame
        ``[*by, "lemma", "count"]``, sorted by group, then count descending, then
        lemma (a stable order for reproducible tables).
    """
    keep = pd.Series(True, index=tokens.index)
    if pos is not None:
        keep &= tokens["pos"].isin(list(pos))
    if drop_stopwords:
        keep &= ~tokens["is_stop"].astype(bool) & tokens["is_alpha"].astype(bool)
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    counts = (
        tokens[keep].groupby([*keys, "lemma"], dropna=False).size().rename("count").reset_index()
    )
    counts = counts.sort_values(
        [*keys, "count", "lemma"], ascending=[True] * len(keys) + [False, True]
    )
    if top is not None:
        counts = counts.groupby(keys, dropna=False).head(top) if keys else counts.head(top)
    return counts.reset_index(drop=True)
