"""The code × document matrix (documents by kind and edition) and the document portrait."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from research.analysis import (
    code_document_matrix,
    document_groups,
    document_portrait,
    plot_code_document_matrix,
    plot_document_portrait,
)
from research.errors import UnknownIdError

DOCUMENTS = pd.DataFrame({
    "doc_id": ["M1", "I2", "I1", "I3", "J1", "X1"],
    "kind": ["minutes", "interview", "interview", "interview", "logbook", "atelier_photo"],
    "edition": ["B", "A", "B", None, None, "A"],
    "date": ["2018-01-01", "2019-05-01", "2017-03-01", "2016-01-01", "2019-01-01", "2019-01-01"],
})  # fmt: skip
EDITIONS = pd.DataFrame({"edition_id": ["A", "B"], "date": ["2019-11-01", "2016-11-01"]})


def test_documents_are_grouped_by_kind_then_edition_in_time_order():
    groups = document_groups(DOCUMENTS, editions=EDITIONS)
    assert groups["doc_id"].tolist() == ["I1", "I2", "I3", "M1", "J1", "X1"]
    assert groups["group"].tolist() == [
        "entretien — B", "entretien — A", "entretien — (sans édition)", "compte rendu — B",
        "journal de bord — (sans édition)", "atelier_photo — A"]  # fmt: skip
    without = document_groups(DOCUMENTS.drop(columns="edition"))
    assert without["group"].tolist()[:3] == ["entretien"] * 3


def test_the_matrix_counts_codings_per_document():
    codings = pd.DataFrame({"doc_id": ["I2", "I2", "M1", "I1", "I1"], "start": [0, 5, 0, 0, 9],
                            "end": [4, 9, 4, 4, 12], "code": ["x", "x", "y", "y", "x"]})  # fmt: skip
    matrix = code_document_matrix(codings, DOCUMENTS, editions=EDITIONS)
    assert matrix.columns.tolist() == ["I1", "I2", "M1"]
    assert matrix.loc["x"].tolist() == [1, 2, 0] and matrix.loc["y"].tolist() == [1, 0, 1]
    assert [g["label"] for g in matrix.attrs["groups"]] == [
        "entretien — B", "entretien — A", "compte rendu — B"]  # fmt: skip
    every = code_document_matrix(codings, DOCUMENTS, coded_only=False, codes=["y", "z"])
    assert every.index.tolist() == ["y", "z"] and every.loc["z"].sum() == 0
    assert len(every.columns) == 6
    fig = plot_code_document_matrix(matrix, labels={"x": "Coopération"})
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Coopération", "y"]


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 20), st.sampled_from("abc")),
                min_size=1, max_size=15))  # fmt: skip
def test_a_portrait_never_hides_a_coding(spans):
    codings = pd.DataFrame({"doc_id": "D", "start": [s for s, _, _ in spans],
                            "end": [s + n for s, n, _ in spans], "code": [c for _, _, c in spans]})  # fmt: skip
    portrait = document_portrait(codings, "D", colors={"a": "#ff0000"})
    assert len(portrait) == len(spans)
    assert portrait["start"].is_monotonic_increasing
    for lane, rows in portrait.groupby("lane"):
        ordered = rows.sort_values("start")
        assert (ordered["start"].to_numpy()[1:] >= ordered["end"].to_numpy()[:-1]).all(), lane
    # greedy lanes: as many as the most codings that cover one character
    deepest = max(sum(s <= x < s + n for s, n, _ in spans) for x in range(80))
    assert portrait["lane"].max() + 1 == deepest
    assert set(portrait.loc[portrait["code"] == "a", "color"]) <= {"#ff0000"}


def test_portrait_of_a_document_without_codings_is_refused():
    codings = pd.DataFrame({"doc_id": ["D"], "start": [0], "end": [3], "code": ["a"]})
    with pytest.raises(UnknownIdError, match="'E'"):
        document_portrait(codings, "E")
    fig = plot_document_portrait(document_portrait(codings, "D", labels={"a": "Alpha"}), length=10)
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["Alpha"]
