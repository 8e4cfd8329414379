"""Sections of unitized continua and the sums the unitizing alphas are made of.

Each coder divides each continuum (a document's characters) into *sections*: the
units they coded, each with its value, and the *gaps* between them (value ∅, index
0 here). :func:`_section_stats` builds every coder's sections with sorted boundary
sweeps and returns, per continuum and value, the sums from which Krippendorff,
Mathet, Bouvry & Widlöcher (2016) compute the whole unitizing alpha family:

* the observed coincidences ``l_cc`` (diagonal), ``l_c.`` (margins) and ``l_c∅``
  (coincidences of value ``c`` with gaps), each the length of intersections of the
  sections of two different coders, summed over ordered pairs of coders and divided
  by ``m - 1``;
* ``S_c``, the self-pairings a section cannot make by chance: the squared length of
  each unit, and the length of each gap (a gap is not a unit: its characters are
  paired one by one);
* ``S*_c``, the same for the coding of units given the units: for each unit of coder
  ``i`` and each other coder ``j``, the squared length of its intersection with
  ``j``'s units, summed over ``j`` and divided by ``m - 1``.

All sums add up over continua, so several documents behave as one continuum made of
them end to end, and the statistics of a bootstrap resample of documents are a
weighted sum of the per-document rows.

Codings are made into sections as follows: a coder's overlapping codings of the same
value are merged into one unit (touching ones stay two units); where a coder gave
two values to the same characters, those characters form a section whose value is
the combination (``"a + b"``), so a coder's sections never overlap, as the method
requires.

References
----------
.. [1] Krippendorff, K., Mathet, Y., Bouvry, S., & Widlöcher, A. (2016). On the
   reliability of unitizing textual continua: Further developments. *Quality &
   Quantity*, 50(6), 2347–2364.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

__all__: list[str] = []

GAP = "∅"
_BITS = 62  # values packed per 64-bit word of a coder's set of values


@dataclass(frozen=True)
class _Stats:
    """Sums of the unitizing alphas, one row per continuum, one column per value.

    Column 0 is the gap ∅; the columns after the given values are combinations
    of values one coder gave to the same characters.
    """

    values: list[str]
    total: np.ndarray  # (G,) m × length of the continuum
    diag: sparse.csr_matrix  # (G, V) l_cc
    margin: sparse.csr_matrix  # (G, V) l_c.
    with_gap: sparse.csr_matrix  # (G, V) l_c∅
    units_sq: sparse.csr_matrix  # (G, V) S_c
    cu_sq: sparse.csr_matrix  # (G, V) S*_c
    combined: int  # number of combination values

    def dense(self) -> _Stats:
        """The same sums as dense arrays (for few continua or few values)."""
        fields = (self.diag, self.margin, self.with_gap, self.units_sq, self.cu_sq)
        return _Stats(self.values, self.total, *(f.toarray() for f in fields), self.combined)


def _merge_units(key: np.ndarray, start: np.ndarray, end: np.ndarray, span: int):
    """Merge overlapping intervals that share ``key``; touching ones are kept apart."""
    order = np.argsort(key * span + start, kind="stable")
    key, start, end = key[order], start[order], end[order]
    if not len(key):
        return key, start, end
    # running maximum of the ends within each key (keys sorted, offsets dominate)
    reach = np.maximum.accumulate(key * span + end) - key * span
    previous = np.empty_like(reach)
    previous[0] = -1
    previous[1:] = reach[:-1]
    new = np.ones(len(key), dtype=bool)
    new[1:] = (key[1:] != key[:-1]) | (start[1:] >= previous[1:])
    first = np.flatnonzero(new)
    return key[first], start[first], np.maximum.reduceat(end, first)


def _value_ids(words: np.ndarray, n_values: int, names: list[str]):
    """Ids of the sets of values coded on each piece (rows of bit words).

    A single value keeps its own id; each combination gets a new id after them.
    """
    uniq, inverse = np.unique(words, axis=0, return_inverse=True)
    inverse = inverse.ravel()
    ids = np.empty(len(uniq), dtype=np.int64)
    extra: list[str] = []
    for u, row in enumerate(uniq):
        members = [
            w * _BITS + b
            for w, word in enumerate(row)
            for b in range(_BITS)
            if (int(word) >> b) & 1
        ]
        if not members:
            ids[u] = 0
        elif len(members) == 1:
            ids[u] = members[0] + 1
        else:
            ids[u] = n_values + len(extra)
            extra.append(" + ".join(sorted(names[m + 1] for m in members)))
    return ids[inverse], extra


def _coder_pieces(group, coder, value, start, end, lengths, n_coders, n_values, names):
    """Every coder's sections of every continuum: group, coder, start, end, value id."""
    n_groups = len(lengths)
    span = int(max(lengths.max(initial=0), end.max(initial=0))) + 1
    owner = group * n_coders + coder
    u_key, u_start, u_end = _merge_units(owner * n_values + value, start, end, span)
    u_owner, u_value = u_key // n_values, u_key % n_values
    n_words = max(1, -(-(n_values - 1) // _BITS))
    bit = u_value - 1
    word, shift = bit // _BITS, bit % _BITS
    n_owners = n_groups * n_coders
    all_owners = np.arange(n_owners)
    ev_owner = np.concatenate([u_owner, u_owner, all_owners, all_owners])
    ev_pos = np.concatenate(
        [u_start, u_end, np.zeros(n_owners, np.int64), np.repeat(lengths, n_coders)]
    )
    n_units = len(u_owner)
    deltas = np.zeros((2 * n_units + 2 * n_owners, n_words), dtype=np.int64)
    powers = np.left_shift(np.int64(1), shift.astype(np.int64))
    deltas[np.arange(n_units), word] = powers
    deltas[n_units + np.arange(n_units), word] = -powers
    order = np.argsort(ev_owner * span + ev_pos, kind="stable")
    ev_owner, ev_pos, deltas = ev_owner[order], ev_pos[order], deltas[order]
    state = np.cumsum(deltas, axis=0)
    # the state after the last event at each position of each coder's continuum
    last = np.ones(len(ev_owner), dtype=bool)
    last[:-1] = (ev_owner[1:] != ev_owner[:-1]) | (ev_pos[1:] != ev_pos[:-1])
    p_owner, p_start, state = ev_owner[last], ev_pos[last], state[last]
    keep = np.zeros(len(p_owner), dtype=bool)
    keep[:-1] = p_owner[1:] == p_owner[:-1]  # a piece runs to the next position
    p_end = np.zeros_like(p_start)
    p_end[:-1] = p_start[1:]
    p_owner, p_start, p_end, state = p_owner[keep], p_start[keep], p_end[keep], state[keep]
    p_value, extra = _value_ids(state, n_values, names)
    return p_owner // n_coders, p_owner % n_coders, p_start, p_end, p_value, extra


def _section_stats(
    group: np.ndarray,
    coder: np.ndarray,
    value: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    *,
    lengths: np.ndarray,
    n_coders: int,
    names: list[str],
) -> _Stats:
    """The sums of the unitizing alphas for coded intervals on ``len(lengths)`` continua.

    ``group`` is each interval's continuum (0 … G-1), ``coder`` its coder
    (0 … m-1), ``value`` its value (1 … V-1, an index into ``names`` whose first
    entry is the gap); ``start``/``end`` are offsets in the continuum, which starts
    at 0 and is ``lengths[group]`` long.
    """
    lengths = np.asarray(lengths, dtype=np.int64)
    n_groups, m, n_values = len(lengths), int(n_coders), len(names)
    keep = end > start
    group, coder, value = group[keep], coder[keep], value[keep]
    start, end = start[keep].astype(np.int64), end[keep].astype(np.int64)
    p_group, p_coder, p_start, p_end, p_value, extra = _coder_pieces(
        group, coder, value, start, end, lengths, m, n_values, names
    )
    n_all = n_values + len(extra)
    p_len = p_end - p_start

    def per_value(rows: np.ndarray, cols: np.ndarray, weights: np.ndarray) -> sparse.csr_matrix:
        return sparse.csr_matrix((weights, (rows, cols)), shape=(n_groups, n_all))

    sq = np.where(p_value > 0, p_len.astype(float) ** 2, p_len.astype(float))
    units_sq = per_value(p_group, p_value, sq)

    # joint pieces: between consecutive boundaries of all coders of a continuum
    span = int(lengths.max(initial=0)) + 1
    p_key = p_group * span + p_start
    j_key = np.unique(np.concatenate([p_key, np.arange(n_groups) * span + lengths]))
    j_group = j_key // span
    inside = np.zeros(len(j_key), dtype=bool)
    inside[:-1] = j_group[1:] == j_group[:-1]
    j_len = np.zeros(len(j_key), dtype=np.int64)
    j_len[:-1] = j_key[1:] - j_key[:-1]
    j_key, j_group, j_len = j_key[inside], j_group[inside], j_len[inside].astype(float)
    piece = np.empty((m, len(j_key)), dtype=np.int64)  # each coder's section there
    for i in range(m):
        mine = np.flatnonzero(p_coder == i)  # sorted by (group, start)
        piece[i] = mine[np.searchsorted(p_key[mine], j_key, side="right") - 1]
    vals = p_value[piece]  # (m, J)

    # counts of coders per value on each joint piece
    flat = (np.arange(len(j_key)) * n_all)[None, :] + vals
    pair_key, count = np.unique(flat.ravel(), return_counts=True)
    jp, c = pair_key // n_all, pair_key % n_all
    n_gap = np.bincount(jp[c == 0], weights=count[c == 0], minlength=len(j_key))
    w = j_len[jp]
    count = count.astype(float)
    diag = per_value(j_group[jp], c, w * count * (count - 1) / (m - 1))
    margin = per_value(j_group[jp], c, w * count)
    with_gap = per_value(j_group[jp], c, w * count * n_gap[jp] / (m - 1))

    # S*: each unit's intersections with each other coder's units, squared
    coded = vals > 0
    cu_sq = sparse.csr_matrix((n_groups, n_all))
    n_pieces = len(p_value)
    unit = p_value > 0
    for i in range(m):
        for j in range(m):
            if i == j:
                continue
            both = coded[i] & coded[j]
            overlap = np.bincount(piece[i][both], weights=j_len[both], minlength=n_pieces)
            hit = unit & (overlap > 0)
            cu_sq += per_value(p_group[hit], p_value[hit], overlap[hit] ** 2 / (m - 1))
    total = m * lengths.astype(float)
    return _Stats(list(names) + extra, total, diag, margin, with_gap, units_sq, cu_sq, len(extra))
