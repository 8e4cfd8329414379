"""Reinert's classification of text segments into lexical worlds, as IRaMuTeQ runs it.

:func:`reinert` classifies the text segments by their active forms (a presence
table of the forms found in at least ``min_frequency`` segments) with the
descending hierarchical classification of :mod:`research.lexicometry._chd`:

- **simple** classification: the units are the text segments; the hierarchy is
  split into ``n_classes`` terminal classes; a terminal class of fewer than
  ``min_size`` segments is not kept, and when both branches under a class are
  too small, that class is kept in their place (IRaMuTeQ's terminal classes;
  by default ``min_size`` is the number of segments over the number of
  terminal classes, IRaMuTeQ's automatic value);
- **double** classification: two hierarchies are built on units of
  consecutive segments of one document holding at least ``unit_sizes[0]``, then
  ``unit_sizes[1]``, distinct active forms (Reinert's two lengths of context
  unit, IRaMuTeQ's *RST1* and *RST2*); every class of one hierarchy is
  crossed with every class of the other; crossed classes of at least
  ``min_size`` segments (by default half the automatic value above) whose two
  classes are each other's most associated (largest chi-square of their 2 × 2
  table of segments) are candidates; the final classes are the set of disjoint
  candidates, as many as possible, of largest summed chi-square. Segments in
  none stay unclassified: the price of the robustness the crossing gives.

Each class is then described as IRaMuTeQ does: its size, its characteristic
forms and attributes (chi-square of the 2 × 2 table of segments in or out of
the class with or without the form or attribute value, signed, with its
p-value; only positive associations significant at ``alpha`` are kept) and its
most typical segments (the largest sum of the chi-squares of the class's
characteristic forms they hold). Class 0 is the unclassified segments.

The result does not depend on the order of the segments given (they are put in
the order of their document and offset first), and is the same for the same
``seed``.

References
----------
.. [1] Reinert, M. (1983). Une méthode de classification descendante
   hiérarchique : application à l'analyse lexicale par contexte. *Les Cahiers
   de l'analyse des données*, 8(2), 187-198.
.. [2] Reinert, M. (1990). Alceste, une méthodologie d'analyse des données
   textuelles et une application : Aurélia de Gérard de Nerval. *Bulletin de
   méthodologie sociologique*, 26(1), 24-54.
.. [3] Reinert, M. (1990). Une méthode de classification des énoncés d'un corpus
   présentée à l'aide d'une application. *Les Cahiers de l'analyse des
   données*, 15(1), 21-36.
.. [4] Ratinaud, P. (2014). *IRaMuTeQ*, documentation, « Classification »
   (méthode Reinert, classification simple et double). http://www.iramuteq.org

Examples
--------
>>> rows = [("A", i, "marché épicerie village tournée") for i in range(6)]
>>> rows += [("B", i, "banque prêt financement dossier") for i in range(6)]
>>> segments = pd.DataFrame({"ts_id": [f"{d}:t{i:04d}" for d, i, _ in rows],
...                          "doc_id": [d for d, _, _ in rows], "start": [i * 50 for _, i, _ in rows],
...                          "text": [t for _, _, t in rows]})
>>> forms = pd.DataFrame([(ts, w) for ts, t in zip(segments["ts_id"], segments["text"])
...                       for w in t.split()], columns=["ts_id", "form"])
>>> result = reinert(segments, forms, n_classes=2, min_size=0)
>>> result.sizes[["class", "segments"]].values.tolist()
[[1, 6], [2, 6]]
>>> sorted(result.profiles.loc[result.profiles["class"] == 1, "form"])
['marché', 'tournée', 'village', 'épicerie']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from scipy import sparse, stats

from research.contracts import require_columns
from research.errors import InputError
from research.lexicometry._chd import Node, descending_classification
from research.lexicometry._tables import _parts, presence_matrix

__all__ = ["ReinertClassification", "reinert"]

Method = Literal["simple", "double"]


@dataclass(frozen=True)
class ReinertClassification:
    """The classes of :func:`reinert` and what describes them.

    Attributes
    ----------
    classes : pandas.Series
        The class of each segment (index ``ts_id``, in the order given; 0:
        unclassified).
    sizes : pandas.DataFrame
        ``class``, ``segments``, ``percent`` (of the classified segments).
    profiles : pandas.DataFrame
        Characteristic forms: ``class``, ``form``, ``n_class`` (segments of the
        class with the form), ``n_total`` (segments with it), ``percent``
        (``n_class / n_total``), ``chi2``, ``p_value``; by class, strongest first.
    attributes : pandas.DataFrame
        Characteristic attribute values, the same columns with ``attribute``
        and ``value`` instead of ``form``.
    typical : pandas.DataFrame
        The most typical segments: ``class``, ``rank``, ``ts_id``, ``doc_id``,
        ``score``, ``text``.
    linkage : numpy.ndarray
        The hierarchy of the classes as a scipy linkage matrix (class ``k`` is
        leaf ``k − 1``), for the dendrogram.
    method : str
    n_segments, n_classified : int
    """

    classes: pd.Series
    sizes: pd.DataFrame
    profiles: pd.DataFrame
    attributes: pd.DataFrame
    typical: pd.DataFrame
    linkage: np.ndarray
    method: str
    n_segments: int
    n_classified: int

    @property
    def n_classes(self) -> int:
        """Number of classes found."""
        return len(self.sizes)


# -- units and classes ----------------------------------------------------------------------


def _units(docs: np.ndarray, sizes: np.ndarray, least: int) -> np.ndarray:
    """The unit of each segment: consecutive segments of one document holding at least
    ``least`` forms (a document's last short unit joins the one before it).

    Examples
    --------
    >>> _units(np.array(["A", "A", "A", "B", "B"]), np.array([5, 9, 3, 2, 2]), 10).tolist()
    [0, 0, 0, 1, 1]
    """
    unit = np.empty(len(docs), dtype=np.int64)
    current, count, opened, first_of_doc = -1, 0, 0, 0
    for i in range(len(docs)):
        new_doc = i == 0 or docs[i] != docs[i - 1]
        if new_doc or count >= least:
            current, count, opened = current + 1, 0, i
            if new_doc:
                first_of_doc = current
        unit[i] = current
        count += int(sizes[i])
        last_of_doc = i + 1 == len(docs) or docs[i + 1] != docs[i]
        if last_of_doc and count < least and current > first_of_doc:
            unit[opened : i + 1] = current - 1
            current -= 1
    return unit


def _leaf_classes(nodes: dict[int, Node], min_size: int) -> list[int]:
    """The nodes kept as classes, in the tree's order (see the module notes)."""

    def choose(node: Node) -> list[int]:
        if node.children is None:
            return [node.id] if len(node.rows) >= min_size else []
        chosen = choose(nodes[node.children[0]]) + choose(nodes[node.children[1]])
        if chosen:
            return chosen
        return [node.id] if len(node.rows) >= min_size and node.id != 0 else []

    return choose(nodes[0])


def _members(nodes: dict[int, Node], node_id: int) -> np.ndarray:
    """The rows of a node that reached its leaves (without those dropped on the way)."""
    node = nodes[node_id]
    if node.children is None:
        return node.rows
    return np.concatenate([_members(nodes, child) for child in node.children])


def _simple_linkage(nodes: dict[int, Node], kept: list[int]) -> np.ndarray:
    """A scipy linkage matrix of the kept classes from the hierarchy (heights: split ranks)."""
    n_splits = sum(node.order is not None for node in nodes.values())
    rows: list[list[float]] = []
    cluster_of: dict[int, tuple[int, int]] = {}  # node -> (cluster id, size)
    for k, node_id in enumerate(kept):
        cluster_of[node_id] = (k, 1)
    next_id = len(kept)
    for node in sorted(nodes.values(), key=lambda n: -(n.order if n.order is not None else -1)):
        if node.children is None or node.id in cluster_of:
            continue
        found = [cluster_of[c] for c in node.children if c in cluster_of]
        if len(found) == 2:
            (a, na), (b, nb) = found
            rows.append([a, b, float(n_splits - node.order), na + nb])
            cluster_of[node.id] = (next_id, na + nb)
            next_id += 1
        elif len(found) == 1:
            cluster_of[node.id] = found[0]
    return np.array(rows, dtype=float).reshape(-1, 4)


def _chi2_2x2(a: np.ndarray, row: np.ndarray, col: np.ndarray, n: float) -> np.ndarray:
    """Signed chi-square of 2 × 2 tables from a cell ``a``, its row and column totals and ``n``."""
    b, c = row - a, col - a
    d = n - row - col + a
    denominator = row * (n - row) * col * (n - col)
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(denominator > 0, n * (a * d - b * c) ** 2 / denominator, 0.0)
    return np.where(a * n > row * col, value, -value)


def _crossed(
    sets_1: dict[int, np.ndarray],
    sets_2: dict[int, np.ndarray],
    n: int,
    min_size: int,
    n_classes: int,
) -> list[np.ndarray]:
    """The final classes of a double classification (see the module notes)."""
    keys_1, keys_2 = list(sets_1), list(sets_2)
    M1 = np.zeros((len(keys_1), n), dtype=bool)
    M2 = np.zeros((len(keys_2), n), dtype=bool)
    for i, k in enumerate(keys_1):
        M1[i, sets_1[k]] = True
    for j, k in enumerate(keys_2):
        M2[j, sets_2[k]] = True
    both = M1.astype(np.int64) @ M2.T.astype(np.int64)
    chi2 = _chi2_2x2(
        both.astype(float), M1.sum(1)[:, None].astype(float), M2.sum(1)[None, :].astype(float), n
    )
    chi2 = np.where(both >= max(min_size, 1), chi2, -np.inf)
    candidates = []
    for i in range(len(keys_1)):
        j = int(np.argmax(chi2[i]))
        if np.isfinite(chi2[i, j]) and chi2[i, j] > 0 and int(np.argmax(chi2[:, j])) == i:
            members = np.flatnonzero(M1[i] & M2[j])
            candidates.append((float(chi2[i, j]), members))
    best: tuple[int, float, list[int]] = (0, 0.0, [])

    def extend(chosen: list[int], used: np.ndarray, start: int, total: float) -> None:
        nonlocal best
        if (len(chosen), total) > best[:2]:
            best = (len(chosen), total, list(chosen))
        if len(chosen) == n_classes:
            return
        for k in range(start, len(candidates)):
            value, members = candidates[k]
            if not used[members].any():
                used[members] = True
                extend([*chosen, k], used, k + 1, total + value)
                used[members] = False

    extend([], np.zeros(n, dtype=bool), 0, 0.0)
    return [candidates[k][1] for k in best[2]]


# -- descriptions of the classes --------------------------------------------------------------


def _associations(
    counts: np.ndarray, sizes: np.ndarray, totals: np.ndarray, n: int, alpha: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positive associations (class, feature) significant at ``alpha``: indices, chi2, p."""
    chi2 = _chi2_2x2(counts, sizes[:, None], totals[None, :], float(n))
    p = stats.chi2.sf(np.abs(chi2), df=1)
    keep = (chi2 > 0) & (p <= alpha)
    return np.argwhere(keep), chi2, p


def _profile_frame(
    pairs: np.ndarray, counts: np.ndarray, totals: np.ndarray, chi2: np.ndarray, p: np.ndarray,
    labels: Sequence, name: str | Sequence[str],
) -> pd.DataFrame:  # fmt: skip
    rows = []
    for k, j in pairs:
        row = {"class": int(k) + 1}
        if isinstance(name, str):
            row[name] = labels[j]
        else:
            row.update(zip(name, labels[j], strict=True))
        row.update(
            n_class=int(counts[k, j]),
            n_total=int(totals[j]),
            percent=100.0 * counts[k, j] / totals[j],
            chi2=float(chi2[k, j]),
            p_value=float(p[k, j]),
        )
        rows.append(row)
    columns = ["class", *([name] if isinstance(name, str) else name)]
    columns += ["n_class", "n_total", "percent", "chi2", "p_value"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["class", "chi2"], ascending=[True, False], kind="stable").reset_index(
        drop=True
    )


def _describe(
    labels: np.ndarray,
    X: sparse.csr_array,
    forms: pd.Index,
    segments: pd.DataFrame,
    attributes: Iterable[str],
    alpha: float,
    top_segments: int,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    classified = labels > 0
    K = int(labels.max(initial=0))
    n = int(classified.sum())
    indicator = sparse.csr_array(
        (np.ones(n), (labels[classified] - 1, np.flatnonzero(classified))), shape=(K, len(labels))
    )
    sizes = np.asarray(indicator.sum(axis=1)).ravel()
    size_table = pd.DataFrame(
        {
            "class": np.arange(1, K + 1),
            "segments": sizes.astype(int),
            "percent": 100.0 * sizes / n if n else sizes,
        }
    )
    counts = (indicator @ X).toarray() if K else np.zeros((0, X.shape[1]))
    totals = counts.sum(axis=0)
    pairs, chi2, p = _associations(counts, sizes, totals, n, alpha)
    pairs = pairs[totals[pairs[:, 1]] > 0] if len(pairs) else pairs
    profiles = _profile_frame(pairs, counts, totals, chi2, p, list(forms), "form")
    # attributes
    frames = []
    for attribute in attributes:
        values = _parts(segments, attribute).to_numpy()
        names = sorted(set(values[classified]))
        if len(names) < 2:
            continue
        index = {v: i for i, v in enumerate(names)}
        A = np.zeros((K, len(names)))
        for k, v in zip(labels[classified] - 1, values[classified], strict=True):
            A[k, index[v]] += 1
        a_totals = A.sum(axis=0)
        a_pairs, a_chi2, a_p = _associations(A, sizes, a_totals, n, alpha)
        frames.append(
            _profile_frame(
                a_pairs, A, a_totals, a_chi2, a_p, [(attribute, v) for v in names],
                ("attribute", "value"),
            )
        )  # fmt: skip
    columns = ["class", "attribute", "value", "n_class", "n_total", "percent", "chi2", "p_value"]
    attribute_table = (
        pd.concat(frames, ignore_index=True).sort_values(["class", "chi2"], ascending=[True, False])
        if frames
        else pd.DataFrame(columns=columns)
    ).reset_index(drop=True)
    # typical segments
    weights = np.zeros((K, X.shape[1]))
    for k, j in pairs:
        weights[k, j] = chi2[k, j]
    rows = []
    for k in range(K):
        members = np.flatnonzero(labels == k + 1)
        scores = np.asarray(X[members] @ weights[k]).ravel()
        order = np.lexsort((members, -scores))[:top_segments]
        for rank, i in enumerate(order, 1):
            segment = segments.iloc[members[i]]
            rows.append(
                {
                    "class": k + 1,
                    "rank": rank,
                    "ts_id": segment["ts_id"],
                    "doc_id": segment.get("doc_id"),
                    "score": float(scores[i]),
                    "text": segment.get("text"),
                }
            )
    typical = pd.DataFrame(rows, columns=["class", "rank", "ts_id", "doc_id", "score", "text"])
    return size_table, profiles, attribute_table, typical


def _profile_linkage(labels: np.ndarray, X: sparse.csr_array) -> np.ndarray:
    """A hierarchy of the classes by their lexical profiles (Ward, chi-square metric)."""
    from scipy.cluster.hierarchy import linkage

    K = int(labels.max(initial=0))
    if K < 2:
        return np.zeros((0, 4))
    counts = np.vstack([np.asarray(X[labels == k + 1].sum(axis=0)).ravel() for k in range(K)])
    mass = counts.sum(axis=0)
    keep = mass > 0
    profiles = counts[:, keep] / np.maximum(counts[:, keep].sum(axis=1, keepdims=True), 1)
    return linkage(profiles / np.sqrt(mass[keep] / mass.sum()), method="ward")


# -- the classification ----------------------------------------------------------------------


def _canonical(segments: pd.DataFrame) -> np.ndarray:
    keys = [c for c in ("doc_id", "start", "ts_id") if c in segments.columns]
    frame = segments[keys].reset_index(drop=True)
    return np.lexsort(
        [frame[c].astype(str if c != "start" else "int64").to_numpy() for c in reversed(keys)]
    )


def reinert(
    segments: pd.DataFrame,
    forms: pd.DataFrame,
    *,
    n_classes: int = 10,
    method: Method = "simple",
    min_frequency: int = 3,
    unit_sizes: tuple[int, int] = (12, 14),
    min_size: int | None = None,
    attributes: Iterable[str] = (),
    alpha: float = 0.05,
    top_segments: int = 5,
    seed: int = 0,
) -> ReinertClassification:
    """Reinert's descending hierarchical classification of text segments (see the module notes).

    Parameters
    ----------
    segments : DataFrame
        The text segments (:func:`research.lexicometry.text_segments`): ``ts_id``
        and, for the double classification, the typical segments and the
        attributes, ``doc_id``, ``start``, ``text`` and the attributes.
    forms : DataFrame
        Their active forms (:func:`research.lexicometry.segment_forms`).
    n_classes : int
        Terminal classes of the hierarchy (IRaMuTeQ's default is 10).
    method : {"simple", "double"}
        Simple classification on the segments, or double classification on two
        lengths of units.
    min_frequency : int
        Forms present in fewer segments are left out (and, within a class,
        forms present in fewer of its units).
    unit_sizes : tuple of int
        Distinct active forms per unit in the two classifications of ``double``.
    min_size : int, optional
        Fewest segments of a class (default: IRaMuTeQ's automatic value).
    attributes : iterable of str
        Segment attributes whose values characterise the classes.
    alpha : float
        Significance of the characteristic forms and attributes kept.
    top_segments : int
        Typical segments kept per class.
    seed : int
        Start vector of the decompositions (the same seed gives the same classes).

    Returns
    -------
    ReinertClassification

    Raises
    ------
    InputError
        When ``n_classes`` is below 2 or ``method`` is unknown.
    """
    require_columns(segments, ["ts_id"], table="text segments")
    require_columns(forms, ["ts_id", "form"], table="forms")
    if not isinstance(n_classes, int) or n_classes < 2:
        raise InputError(f"n_classes must be 2 or more, not {n_classes!r}", hint="e.g. 10")
    if method not in ("simple", "double"):
        raise InputError(f"unknown classification {method!r}", hint="use 'simple' or 'double'")
    order = _canonical(segments)
    ordered = segments.reset_index(drop=True).iloc[order].reset_index(drop=True)
    matrix = presence_matrix(forms, ordered, min_frequency=min_frequency)
    X = matrix.matrix
    n = X.shape[0]
    labels = np.zeros(n, dtype=np.int64)
    if method == "simple":
        least = max(1, round(n / n_classes)) if min_size is None else min_size
        nodes = descending_classification(X, n_classes, min_frequency=min_frequency, seed=seed)
        kept = _leaf_classes(nodes, least)
        for k, node_id in enumerate(kept, 1):
            labels[_members(nodes, node_id)] = k
        link = _simple_linkage(nodes, kept)
    else:
        least = max(1, round(n / (2 * n_classes))) if min_size is None else min_size
        sizes = np.asarray(X.sum(axis=1)).ravel()
        docs = (
            ordered["doc_id"].astype(str).to_numpy()
            if "doc_id" in ordered
            else np.zeros(n).astype(str)
        )
        sets = []
        for size in unit_sizes:
            unit = _units(docs, sizes, size)
            U = sparse.csr_array((np.ones(n), (unit, np.arange(n))), shape=(unit.max() + 1, n))
            units = sparse.csr_array((U @ X) > 0, dtype=float)
            nodes = descending_classification(
                units, n_classes, min_frequency=min_frequency, seed=seed
            )
            sets.append(
                {i: np.flatnonzero(np.isin(unit, _members(nodes, i))) for i in nodes if i != 0}
            )
        classes = _crossed(sets[0], sets[1], n, least, n_classes)
        classes.sort(key=lambda members: int(members.min()))
        for k, members in enumerate(classes, 1):
            labels[members] = k
        link = _profile_linkage(labels, X)
    sizes_table, profiles, attribute_table, typical = _describe(
        labels, X, matrix.forms, ordered, attributes, alpha, top_segments
    )
    result = pd.Series(labels, index=ordered["ts_id"].to_numpy(), name="class")
    result = result.reindex(segments["ts_id"].to_numpy())
    result.index.name = "ts_id"
    return ReinertClassification(
        classes=result,
        sizes=sizes_table,
        profiles=profiles,
        attributes=attribute_table,
        typical=typical,
        linkage=link,
        method=method,
        n_segments=n,
        n_classified=int((labels > 0).sum()),
    )
