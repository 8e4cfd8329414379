"""The table contracts: columns, offsets, row numbers and blank cells, the same everywhere."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from research.agreement import document_units, segment_units
from research.analysis import coding_segments, select_codings
from research.coding import load_codings, typed_codings
from research.contracts import (
    CODING_COLUMNS,
    CODING_KEY,
    check_offsets,
    is_blank,
    parse_offsets,
    require_columns,
    row_number,
)
from research.editions import Editions, check_references, editions_in_order
from research.errors import CodingError, InputError, SchemaError, ValidationFailed
from research.network import edition_order, two_mode_graph


def _codings() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "coder": ["ana", "ben", "ana", "ben"],
            "doc_id": ["D", "D", "D", "D"],
            "start": [0, 0, 10, 10],
            "end": [5, 5, 15, 15],
            "code": ["x", "x", "y", "y"],
        }
    )


def _segments() -> pd.DataFrame:
    return pd.DataFrame(
        {"doc_id": ["D", "D"], "seg_id": ["D:0", "D:1"], "start": [0, 8], "end": [8, 20]}
    )


# Every entry point that takes a codings table, called on a bad one.
ENTRY_POINTS = {
    "analysis": lambda c: select_codings(c, coder="ana"),
    "analysis segments": lambda c: coding_segments(c, _segments()),
    "agreement": lambda c: document_units(c, coders=["ana", "ben"], infer_documents=True),
    "agreement segments": lambda c: segment_units(
        c, _segments(), coders=["ana", "ben"], infer_documents=True
    ),
    "coding": typed_codings,
}


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
def test_a_bad_offset_is_reported_alike_by_every_entry_point(entry):
    bad = _codings().astype({"end": object})
    bad.loc[2, "end"] = "15.5"  # the third row of the table
    with pytest.raises(InputError) as err:
        ENTRY_POINTS[entry](bad)
    assert (err.value.row, err.value.column) == (3, "end")
    assert str(err.value).startswith("row 3, column 'end': end '15.5' is not a whole number ≥ 0")
    assert str(err.value).count("row") == 1


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
def test_an_empty_range_is_reported_alike_by_every_entry_point(entry):
    bad = _codings()
    bad.loc[3, "end"] = 10
    with pytest.raises(CodingError) as err:
        ENTRY_POINTS[entry](bad)
    assert err.value.row == 4
    assert err.value.message == "end 10 is not after start 10"


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
def test_a_missing_column_is_reported_alike_by_every_entry_point(entry):
    with pytest.raises(InputError) as err:
        ENTRY_POINTS[entry](_codings().drop(columns="start"))
    assert err.value.message == "the codings table has no column 'start'"
    assert err.value.column == "start"


def test_a_coder_file_counts_rows_as_a_spreadsheet_does(tmp_path):
    # the same bad third record, in a file: the header is row 1, so it is row 4
    rows = ["ana,D,0,5,x,,,", "ana,D,0,6,y,,,", "ana,D,10,15.5,y,,,"]
    (tmp_path / "ana.csv").write_text(",".join(CODING_COLUMNS) + "\n" + "\n".join(rows) + "\n")
    with pytest.raises(ValidationFailed) as err:
        load_codings(tmp_path)
    problem = err.value.problems[0]
    assert (problem.row, problem.column) == (4, "end")
    assert problem.message == "end '15.5' is not a whole number ≥ 0"


def test_an_edition_table_row_is_named_alike_by_editions_and_network():
    workshops = pd.DataFrame({"workshop_id": ["W1", "W2"], "edition_id": ["E1", "E1"]})
    participations = pd.DataFrame({"actor_id": ["P1", "P2"], "workshop_id": ["W1", "W9"]})
    tables = {
        "editions": pd.DataFrame({"edition_id": ["E1"]}),
        "workshops": workshops,
        "participations": participations,
    }
    (problem,) = check_references(tables)
    with pytest.raises(SchemaError) as err:
        two_mode_graph(tables)
    assert problem.row == err.value.row == 2
    assert problem.column == err.value.column == "workshop_id"


def test_an_edition_table_without_a_column_is_reported_by_network_with_the_shared_words():
    tables = {"workshops": pd.DataFrame({"workshop_id": ["W1"]}), "participations": None}
    with pytest.raises(SchemaError) as err:
        two_mode_graph(tables)
    assert err.value.message == "the workshops table has no column 'edition_id'"


# ------------------------------------------------------------------------ the pieces


def test_require_columns_names_every_missing_column_and_the_table():
    with pytest.raises(CodingError) as err:
        require_columns(pd.DataFrame({"coder": []}), CODING_KEY, table="codings", error=CodingError)
    assert err.value.message == "the codings table has no columns 'doc_id', 'start', 'end', 'code'"
    assert err.value.hint == "the codings table needs the columns coder, doc_id, start, end, code"


def test_require_columns_refuses_what_is_not_a_frame():
    with pytest.raises(SchemaError, match="the segments table is a list, not a pandas DataFrame"):
        require_columns([1, 2], ["doc_id"], table="segments")


@pytest.mark.parametrize(
    ("start", "end", "column", "message"),
    [
        ("a", 3, "start", "start 'a' is not a whole number ≥ 0"),
        (-1, 3, "start", "start -1 is not a whole number ≥ 0"),
        (0, 2.5, "end", "end 2.5 is not a whole number ≥ 0"),
        (0, None, "end", "end None is not a whole number ≥ 0"),
        (4, 3, "end", "end 3 is not after start 4"),
    ],
)
def test_check_offsets_names_the_row_and_the_column(start, end, column, message):
    frame = pd.DataFrame({"start": [0, start], "end": [1, end]}, dtype=object)
    with pytest.raises(SchemaError) as err:
        check_offsets(frame, table="segments", error=SchemaError)
    assert (err.value.row, err.value.column, err.value.message) == (2, column, message)


def test_check_offsets_accepts_empty_ranges_only_when_asked():
    frame = pd.DataFrame({"start": [3], "end": [3]})
    assert check_offsets(frame, table="segments", empty=True)["end"].tolist() == [3]
    with pytest.raises(CodingError):
        check_offsets(frame, table="codings")


def test_check_offsets_does_not_modify_its_input():
    frame = pd.DataFrame({"start": ["1"], "end": ["4"]})
    out = check_offsets(frame, table="codings")
    assert frame["start"].tolist() == ["1"] and out["start"].tolist() == [1]
    assert out["start"].dtype == np.int64


def test_parse_offsets_flags_what_is_not_a_whole_number():
    numbers, bad = parse_offsets(pd.Series(["0", "12", "1.5", "", "-3", "x"], dtype=object))
    assert numbers[:2].tolist() == [0, 12]
    assert bad.tolist() == [False, False, True, True, True, True]


def test_row_numbers_follow_the_row_index_of_a_table_read_from_a_file():
    read = pd.DataFrame({"a": [1, 2]}, index=pd.Index([5, 8], name="row"))
    made = pd.DataFrame({"a": [1, 2]}, index=[5, 8])
    assert (row_number(read, 1), row_number(made, 1)) == (8, 2)


@pytest.mark.parametrize(
    "value", [None, float("nan"), np.nan, np.float32("nan"), pd.NA, pd.NaT, np.datetime64("NaT"),
              "", " ", "\t\n", "\u00a0"],
)  # fmt: skip
def test_blank_cells(value):
    assert is_blank(value)


@pytest.mark.parametrize(
    "value", [0, 0.0, False, "0", "x", " x ", [], ["a"], pd.Timestamp("2019-01-01"), np.int64(0)]
)
def test_cells_that_are_not_blank(value):
    assert not is_blank(value)


def test_a_whitespace_quote_is_kept_but_a_whitespace_code_is_refused():
    frame = _codings().assign(quote=" ", memo=None)
    assert typed_codings(frame)["quote"].tolist() == [" "] * 4
    assert typed_codings(frame)["memo"].tolist() == [""] * 4
    with pytest.raises(CodingError) as err:
        typed_codings(_codings().assign(code=["x", " ", "y", "y"]))
    assert (err.value.row, err.value.message) == (2, "empty code")


# ------------------------------------------------------------------ edition order


def _editions() -> pd.DataFrame:
    # ids that sort unlike their dates, one edition known by its year only, one undated
    return pd.DataFrame(
        {
            "edition_id": ["SUT-A", "SUT-B", "SUT-C", "SUT-D", "SUT-E"],
            "year": [2019, 2016, 2017, None, 2016],
            "date": ["2019-11-21", "2016-11-17", None, None, "2016-11-17"],
            "participants": [300, 310, 280, 200, 120],
        }
    ).astype({"year": "Int64"})


def test_editions_are_ordered_by_date_then_id():
    assert editions_in_order(_editions()) == ["SUT-B", "SUT-E", "SUT-C", "SUT-A", "SUT-D"]


def test_editions_and_network_put_editions_in_the_same_order():
    editions = _editions()
    workshops = pd.DataFrame(
        {
            "workshop_id": [f"W{i}" for i in range(5)],
            "edition_id": editions["edition_id"],
            "theme": "mobility",
            "type": "collective",
            "holder_present": False,
        }
    )
    participations = pd.DataFrame(
        {"actor_id": ["P1"] * 5, "workshop_id": workshops["workshop_id"], "role": "participant"}
    )
    expected = ["SUT-B", "SUT-E", "SUT-C", "SUT-A", "SUT-D"]
    held = Editions(editions, workshops, participations)
    assert held.attendance().index.tolist() == expected
    tables = {"editions": editions, "workshops": workshops, "participations": participations}
    assert edition_order(tables) == expected


def test_edition_order_does_not_modify_the_table():
    editions = _editions()
    before = editions.copy()
    editions_in_order(editions)
    pd.testing.assert_frame_equal(editions, before)
