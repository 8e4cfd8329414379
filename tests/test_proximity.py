"""Code relations by proximity, checked against a brute force on small cases."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from research.analysis import code_relations, cooccurrence_matrix, proximity_units
from research.errors import InputError

CODES = ("a", "b", "c")


def _segments(docs: list[list[str | None]]) -> pd.DataFrame:
    """Segments of 10 characters each, one list of speakers per document."""
    rows = []
    for d, speakers in enumerate(docs):
        for i, speaker in enumerate(speakers):
            rows.append({"doc_id": f"D{d}", "seg_id": f"D{d}:{i:04d}", "start": 10 * i,
                         "end": 10 * i + 9, "speaker": speaker})  # fmt: skip
    return pd.DataFrame(rows)


def _brute(segments: pd.DataFrame, codings: pd.DataFrame, window: int, unit: str) -> dict:
    """Loops over every pair of units of a document."""
    units: list[tuple[str, set]] = []  # (doc, codes) in text order
    previous = None
    for seg in segments.itertuples():
        codes = {c.code for c in codings.itertuples()
                 if c.doc_id == seg.doc_id and c.start < seg.end and seg.start < c.end}  # fmt: skip
        speaker = None if pd.isna(seg.speaker) else seg.speaker
        key = (seg.doc_id, speaker)
        if unit == "turn" and units and previous == key and speaker is not None:
            units[-1][1].update(codes)
        else:
            units.append((seg.doc_id, set(codes)))
        previous = key
    counts = {(x, y): 0 for x in CODES for y in CODES}
    for x in CODES:
        counts[(x, x)] = sum(x in codes for _, codes in units)
    positions = {}
    for doc, _ in units:
        positions.setdefault(doc, 0)
    for (i, (doc_i, ci)), (j, (doc_j, cj)) in itertools.product(enumerate(units), repeat=2):
        if doc_i != doc_j:
            continue
        rank_i = sum(1 for k in range(i) if units[k][0] == doc_i)
        rank_j = sum(1 for k in range(j) if units[k][0] == doc_j)
        if abs(rank_i - rank_j) > window:
            continue
        for x in ci:
            for y in cj:
                if x != y:
                    counts[(x, y)] += 1
    return counts


@st.composite
def cases(draw):
    docs = draw(st.lists(st.lists(st.sampled_from(["Léa", "Tom", None]), min_size=1, max_size=6),
                         min_size=1, max_size=3))  # fmt: skip
    segments = _segments(docs)
    rows = []
    for _ in range(draw(st.integers(1, 12))):
        seg = segments.iloc[draw(st.integers(0, len(segments) - 1))]
        start = int(seg["start"]) + draw(st.integers(0, 8))
        # some codings run into the next segment of the document
        length = draw(st.integers(1, 14))
        rows.append({"doc_id": seg["doc_id"], "start": start, "end": start + length,
                     "code": draw(st.sampled_from(CODES))})  # fmt: skip
    return segments, pd.DataFrame(rows)


@given(cases(), st.integers(0, 3), st.sampled_from(["segment", "turn"]))
def test_relations_match_a_brute_force(case, window, unit):
    segments, codings = case
    matrix = code_relations(codings, segments, window=window, unit=unit, codes=list(CODES))
    expected = _brute(segments, codings, window, unit)
    for x in CODES:
        for y in CODES:
            assert matrix.loc[x, y] == expected[(x, y)], (x, y)
    assert (matrix.to_numpy() == matrix.to_numpy().T).all()


def test_same_unit_is_the_co_occurrence_count():
    segments = _segments([["Léa", "Tom", "Léa", "Léa"], ["Tom", None]])
    codings = pd.DataFrame({"doc_id": ["D0", "D0", "D0", "D0", "D1", "D1"],
                            "start": [0, 2, 12, 21, 0, 12], "end": [5, 8, 15, 35, 3, 14],
                            "code": ["a", "b", "a", "b", "a", "c"]})  # fmt: skip
    same = code_relations(codings, segments, codes=list(CODES))
    expected = cooccurrence_matrix(codings, segments, codes=list(CODES))
    assert (same.to_numpy() == expected.to_numpy()).all()
    # by hand: turns are [D0:0], [D0:1], [D0:2 + D0:3], [D1:0], [D1:1]
    turns = code_relations(codings, segments, unit="turn", codes=list(CODES))
    assert turns.loc["a", "b"] == 1 + 0 + 0  # D0:0 has both; the b of D0:2-3 is with no a
    near = code_relations(codings, segments, window=1, unit="turn", codes=list(CODES))
    # a in turn 0 and 1, b in turn 0 and 2: pairs (0,0), (1,0), (1,2), (0,0 counted once per side)
    assert near.loc["a", "b"] == 3
    assert near.loc["a", "c"] == 1  # D1: a in its first unit, c in the next one
    assert near.attrs == {"unit": "turn", "window": 1, "n_units": 5, "measure": "count"}


def test_units_of_proximity():
    segments = _segments([["Léa", "Léa", None, None, "Tom"]])
    units = proximity_units(segments, unit="turn")
    assert units["unit"].tolist() == [0, 0, 1, 2, 3]
    assert units["position"].tolist() == [0, 0, 1, 2, 3]
    with pytest.raises(InputError, match="'segment' or 'turn'"):
        proximity_units(segments, unit="paragraph")
    with pytest.raises(InputError, match="0 or more"):
        code_relations(pd.DataFrame({"doc_id": ["D0"], "start": [0], "end": [2], "code": ["a"]}),
                       segments, window=-1)  # fmt: skip
