"""The tables textual statistics start from: active forms, lexical tables, presence matrices.

- :func:`segment_forms`: the *active forms* of each text segment: the lemmas of
  the parts of speech kept (by default nouns, proper nouns, verbs, adjectives
  and adverbs, IRaMuTeQ's active forms), without stop words nor tokens without
  a letter, each placed in the text segment that holds it;
- :func:`lexical_table`: forms × parts counts, a part being a value of an
  attribute of the segments (respondent category, edition, speaker…): the
  table of :func:`research.lexicometry.specificities` and of a correspondence
  analysis;
- :func:`presence_matrix`: the segments × forms presence/absence table (sparse)
  of Reinert's classification and of the similitude analysis.

Examples
--------
>>> segments = pd.DataFrame({"ts_id": ["A:t0000", "A:t0001"], "doc_id": "A",
...                          "start": [0, 20], "end": [19, 40], "group": ["x", "y"]})
>>> tokens = pd.DataFrame({"doc_id": "A", "start": [0, 8, 21, 30], "end": [7, 12, 28, 35],
...                        "lemma": ["marché", "être", "marché", "ferme"],
...                        "pos": ["NOUN", "AUX", "NOUN", "NOUN"], "is_stop": [False, True, False, False],
...                        "is_word": True})
>>> forms = segment_forms(tokens, segments)
>>> forms[["ts_id", "form"]].values.tolist()
[['A:t0000', 'marché'], ['A:t0001', 'marché'], ['A:t0001', 'ferme']]
>>> lexical_table(forms, segments, by="group")
group   x  y
form
marché  1  1
ferme   0  1
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from research.contracts import require_columns
from research.errors import InputError

__all__ = [
    "ACTIVE_POS",
    "MISSING_PART",
    "LexicalMatrix",
    "lexical_summary",
    "lexical_table",
    "presence_matrix",
    "segment_forms",
]

#: Parts of speech whose lemmas are active forms by default.
ACTIVE_POS = ("NOUN", "PROPN", "VERB", "ADJ", "ADV")
#: The part of a segment whose attribute is not filled in.
MISSING_PART = "(non renseigné)"


def segment_forms(
    tokens: pd.DataFrame,
    segments: pd.DataFrame,
    *,
    pos: Iterable[str] | None = ACTIVE_POS,
) -> pd.DataFrame:
    """The active forms of each text segment, in text order.

    Parameters
    ----------
    tokens : DataFrame
        Tokens (:func:`research.nlp.annotate`, better through
        :func:`research.nlp.normalise_tokens`): ``doc_id``, ``start``, ``end``,
        ``lemma``, ``pos``, ``is_stop`` and, if present, ``is_word``.
    segments : DataFrame
        Text segments (:func:`research.lexicometry.text_segments`).
    pos : iterable of str, optional
        Parts of speech kept (None keeps them all).

    Returns
    -------
    DataFrame
        ``ts_id``, ``doc_id``, ``start``, ``end``, ``form``, ``pos``: one row per
        occurrence of an active form inside a text segment.
    """
    require_columns(tokens, ["doc_id", "start", "end", "lemma", "pos", "is_stop"], table="tokens")
    require_columns(segments, ["ts_id", "doc_id", "start", "end"], table="text segments")
    keep = ~tokens["is_stop"].astype(bool).to_numpy()
    if "is_word" in tokens:
        keep &= tokens["is_word"].astype(bool).to_numpy()
    else:
        keep &= tokens["lemma"].astype(str).str.contains(r"[^\W\d_]", regex=True).to_numpy()
    if pos is not None:
        keep &= tokens["pos"].isin(list(pos)).to_numpy()
    kept = tokens[keep]
    columns = ["ts_id", "doc_id", "start", "end", "form", "pos"]
    pieces = []
    by_doc = {d: g for d, g in segments.groupby("doc_id", sort=False)}
    for doc_id, group in kept.groupby("doc_id", sort=False):
        segs = by_doc.get(doc_id)
        if segs is None:
            continue
        starts, ends = segs["start"].to_numpy(), segs["end"].to_numpy()
        order = np.argsort(starts, kind="stable")
        starts, ends = starts[order], ends[order]
        at = np.searchsorted(starts, group["start"].to_numpy(), side="right") - 1
        inside = (at >= 0) & (group["end"].to_numpy() <= ends[np.maximum(at, 0)])
        ids = segs["ts_id"].to_numpy()[order]
        pieces.append(
            pd.DataFrame(
                {
                    "ts_id": ids[at[inside]],
                    "doc_id": doc_id,
                    "start": group["start"].to_numpy()[inside],
                    "end": group["end"].to_numpy()[inside],
                    "form": group["lemma"].to_numpy()[inside],
                    "pos": group["pos"].to_numpy()[inside],
                }
            )
        )
    if not pieces:
        return pd.DataFrame(columns=columns)
    return pd.concat(pieces, ignore_index=True)[columns]


def _parts(segments: pd.DataFrame, by: str) -> pd.Series:
    if by not in segments.columns:
        raise InputError(
            f"the text segments have no attribute {by!r}",
            hint=f"their attributes are {', '.join(map(str, segments.columns))}",
        )
    values = segments[by].map(lambda v: "; ".join(map(str, v)) if isinstance(v, list) else v)
    return values.astype(object).where(values.notna(), MISSING_PART).astype(str)


def lexical_table(
    forms: pd.DataFrame,
    segments: pd.DataFrame,
    *,
    by: str,
    min_frequency: int = 1,
) -> pd.DataFrame:
    """Forms × parts counts: how often each form occurs in the segments of each part.

    Parameters
    ----------
    forms : DataFrame
        :func:`segment_forms`.
    segments : DataFrame
        The text segments, with the attribute ``by``.
    by : str
        The attribute whose values are the parts (a missing value is the part
        :data:`MISSING_PART`).
    min_frequency : int
        Forms occurring fewer times in all are left out.

    Returns
    -------
    DataFrame
        Index ``form`` (most frequent first, then alphabetical), one column per
        part (sorted), integer counts.
    """
    parts = pd.Series(_parts(segments, by).to_numpy(), index=segments["ts_id"].to_numpy())
    part = forms["ts_id"].map(parts)
    counts = (
        pd.DataFrame({"form": forms["form"].to_numpy(), by: part.to_numpy()})
        .dropna()
        .groupby(["form", by], sort=False)
        .size()
        .unstack(fill_value=0)
        .astype("int64")
    )
    totals = counts.sum(axis=1).to_numpy()
    keep = totals >= min_frequency
    counts, totals = counts[keep], totals[keep]
    order = np.lexsort((counts.index.astype(str).to_numpy(), -totals))
    counts = counts.iloc[order][sorted(counts.columns, key=str)]
    counts.index.name, counts.columns.name = "form", by
    return counts


def lexical_summary(segments: pd.DataFrame, forms: pd.DataFrame) -> pd.DataFrame:
    """The size of what is analysed: segments, words, active occurrences, forms, hapax.

    Examples
    --------
    >>> segments = pd.DataFrame({"ts_id": ["a", "b"], "n_words": [40, 38]})
    >>> forms = pd.DataFrame({"ts_id": ["a", "a", "b"], "form": ["marché", "ferme", "marché"]})
    >>> lexical_summary(segments, forms).to_dict("records")
    [{'segments': 2, 'words': 78, 'occurrences': 3, 'forms': 2, 'hapax': 1}]
    """
    counts = forms["form"].value_counts()
    words = int(segments["n_words"].sum()) if "n_words" in segments else None
    return pd.DataFrame(
        [
            {
                "segments": len(segments),
                "words": words,
                "occurrences": len(forms),
                "forms": len(counts),
                "hapax": int((counts == 1).sum()),
            }
        ]
    )


@dataclass(frozen=True)
class LexicalMatrix:
    """A segments × forms presence table: a sparse 0/1 matrix with its labels.

    Attributes
    ----------
    matrix : scipy.sparse.csr_array
        1 where the form occurs in the segment.
    segments : pandas.Index
        The ``ts_id`` of each row.
    forms : pandas.Index
        The form of each column.
    """

    matrix: sparse.csr_array
    segments: pd.Index
    forms: pd.Index

    @property
    def shape(self) -> tuple[int, int]:
        """(segments, forms)."""
        return self.matrix.shape

    def to_frame(self) -> pd.DataFrame:
        """The table as a dense DataFrame (for small tables)."""
        return pd.DataFrame(
            self.matrix.toarray().astype("int64"), index=self.segments, columns=self.forms
        )


def presence_matrix(
    forms: pd.DataFrame,
    segments: pd.DataFrame | None = None,
    *,
    min_frequency: int = 3,
) -> LexicalMatrix:
    """The segments × forms presence table of forms in at least ``min_frequency`` segments.

    Parameters
    ----------
    forms : DataFrame
        :func:`segment_forms`.
    segments : DataFrame, optional
        The text segments: rows follow their order and include segments without
        an active form (all zeros); by default, the segments of ``forms``.
    min_frequency : int
        Forms present in fewer segments are left out (IRaMuTeQ's default is 3).

    Returns
    -------
    LexicalMatrix
        Columns in decreasing number of segments, then alphabetical.

    Examples
    --------
    >>> forms = pd.DataFrame({"ts_id": ["a", "a", "b", "c"], "form": ["x", "x", "x", "y"]})
    >>> presence_matrix(forms, min_frequency=1).to_frame()
    form   x  y
    ts_id
    a      1  0
    b      1  0
    c      0  1
    """
    ids = pd.Index(segments["ts_id"] if segments is not None else pd.unique(forms["ts_id"]))
    pairs = forms[["ts_id", "form"]].drop_duplicates()
    pairs = pairs[pairs["ts_id"].isin(ids)]
    frequency = pairs["form"].value_counts()
    frequency = frequency[frequency >= min_frequency]
    names = sorted(frequency.index, key=lambda f: (-int(frequency[f]), str(f)))
    columns = pd.Index(names, name="form")
    pairs = pairs[pairs["form"].isin(columns)]
    rows = ids.get_indexer(pairs["ts_id"])
    cols = columns.get_indexer(pairs["form"])
    data = np.ones(len(rows), dtype=np.float64)
    matrix = sparse.csr_array((data, (rows, cols)), shape=(len(ids), len(columns)))
    matrix.sort_indices()
    return LexicalMatrix(matrix, pd.Index(ids, name="ts_id"), columns)
