"""Tests of research.editions: schemas, typed reading, every problem a table can have."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from research.editions import (
    LADDER,
    SCHEMAS,
    Column,
    TableSchema,
    check_references,
    empty_table,
    load_tables,
    read_table,
)
from research.errors import InputError, Problem, UnsafeInputError, ValidationFailed
from research.files import Limits

DATA = Path(__file__).parent / "data" / "tables"
GOOD = DATA / "good"


def read(text: str, table: str, name: str | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    return read_table(io.StringIO(text), SCHEMAS[table], path=name or f"{table}.csv")


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


EDITIONS_HEAD = "edition_id,year,date,participants\n"
WORKSHOPS_HEAD = "workshop_id,edition_id,theme,type,holder_present,holder,tools\n"


# --------------------------------------------------------------------------- schemas


def test_every_schema_has_its_key_among_required_non_null_columns():
    for name, schema in SCHEMAS.items():
        assert schema.name == name
        for key in schema.key:
            column = schema.column(key)
            assert column.required and not column.nullable


def test_references_point_to_existing_keys():
    for schema in SCHEMAS.values():
        for column in schema.columns:
            if column.references:
                table, key = column.references
                assert key in SCHEMAS[table].key


def test_schema_column_lookup_raises_for_unknown_name():
    with pytest.raises(KeyError):
        SCHEMAS["editions"].column("nope")


def test_empty_table_has_typed_columns():
    frame = empty_table(SCHEMAS["projects"])
    assert list(frame.columns) == list(SCHEMAS["projects"].names)
    assert str(frame["jobs"].dtype) == "Int64"
    assert frame.empty


# --------------------------------------------------------------------------- happy path


def test_good_folder_loads_without_problems():
    tables, problems = load_tables(GOOD)
    assert problems == []
    assert sorted(tables) == ["actors", "editions", "participations", "projects", "workshops"]


def test_typed_values_and_spreadsheet_rows():
    tables, _ = load_tables(GOOD)
    workshops = tables["workshops"]
    assert workshops.index.name == "row"
    assert list(workshops.index) == [2, 3, 4]
    assert str(workshops["holder_present"].dtype) == "boolean"
    assert list(workshops["holder_present"]) == [True, False, True]  # "oui" is true
    assert workshops.loc[4, "tools"] == ["A01", "A02"]
    assert workshops.loc[3, "tools"] == ["A02"]
    assert workshops.loc[3, "holder"] is None
    assert str(workshops["participants"].dtype) == "Int64"
    editions = tables["editions"]
    assert list(editions["date"]) == ["2016-11-17", "2017-11-23"]
    assert editions.loc[3, "notes"] == "« soirée » d'automne"
    projects = tables["projects"]
    assert pd.isna(projects.loc[6, "jobs"])
    assert projects.loc[6, "support"] == [] and projects.loc[6, "actants"] == []
    assert workshops.attrs["path"].endswith("workshops.csv")


def test_absent_optional_columns_are_added_empty():
    frame, problems = read(EDITIONS_HEAD + "SUT2016,2016,2016-11-17,310\n", "editions")
    assert problems == []
    assert list(frame.columns) == list(SCHEMAS["editions"].names)
    assert frame.loc[2, "title"] is None


def test_cells_are_stripped_and_blank_rows_skipped_keeping_row_numbers():
    text = EDITIONS_HEAD + " SUT2016 , 2016 ,2016-11-17, 310 \n,,,\n\nSUT2017,2017,2017-11-23,\n"
    frame, problems = read(text, "editions")
    assert problems == []
    assert list(frame.index) == [2, 5]
    assert frame.loc[2, "edition_id"] == "SUT2016"
    assert frame.loc[2, "participants"] == 310
    assert pd.isna(frame.loc[5, "participants"])


def test_multi_line_quoted_cell_counts_as_one_spreadsheet_row():
    text = EDITIONS_HEAD + 'SUT2016,2016,2016-11-17,310\n"SUT\n2017",x,2017-11-23,1\n'
    frame, problems = read(text, "editions")
    assert only(problems).row == 3
    assert frame.loc[3, "edition_id"] == "SUT\n2017"


@pytest.mark.parametrize(
    ("cell", "value"),
    [("true", True), ("FALSE", False), ("oui", True), ("Non", False), ("1", True), ("0", False),
     ("vrai", True), ("faux", False), ("yes", True), ("no", False)],
)  # fmt: skip
def test_boolean_spellings(cell, value):
    text = WORKSHOPS_HEAD + f"W1,E1,food,holder_with_idea,{cell},,\n"
    frame, problems = read(text, "workshops")
    assert errors(problems) == []
    assert bool(frame.loc[2, "holder_present"]) is value


def test_integer_with_thousands_space_and_float_with_decimal_comma():
    schema = TableSchema("t", ("k",), (Column("k", required=True, nullable=False),
                                      Column("n", "int"), Column("x", "float")))  # fmt: skip
    frame, problems = read_table(io.StringIO('k,n,x\na,1\u202f200,"3,5"\n'), schema)
    assert problems == []
    assert frame.loc[2, "n"] == 1200
    assert frame.loc[2, "x"] == pytest.approx(3.5)


def test_utf8_bom_is_tolerated(tmp_path):
    path = tmp_path / "editions.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (EDITIONS_HEAD + "SUT2016,2016,2016-11-17,310\n").encode())
    frame, problems = read_table(path, SCHEMAS["editions"])
    assert problems == []
    assert frame.loc[2, "edition_id"] == "SUT2016"


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "editions.csv"
    path.write_bytes((EDITIONS_HEAD + "SUT2016,2016,2016-11-17,310\n").encode("utf-16"))
    frame, problems = read_table(path, SCHEMAS["editions"])
    assert problems == [] and frame.loc[2, "year"] == 2016


def test_cp1252_fallback_warns_and_keeps_accents(tmp_path):
    path = tmp_path / "actors.csv"
    text = "actor_id,label,kind,category\nP10,Élodie Fournier – porteuse,person,project_holder\n"
    path.write_bytes(text.encode("cp1252"))
    frame, problems = read_table(path, SCHEMAS["actors"])
    warning = only(problems)
    assert warning.severity == "warning" and "cp1252" in warning.message
    assert warning.path == str(path) and warning.hint
    assert frame.loc[2, "label"] == "Élodie Fournier – porteuse"


def test_bytes_that_are_neither_utf8_nor_cp1252_raise(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_bytes(b"actor_id,label\n\x81\x8d\x8f\x90\x9d\xff,x\n")
    with pytest.raises(InputError, match="not UTF-8") as info:
        read_table(path, SCHEMAS["actors"])
    assert info.value.path == str(path)


def test_semicolon_delimited_export_is_read():
    text = 'workshop_id;edition_id;theme;type;holder_present;tools\nW1;E1;food;holder_with_idea;oui;"A01;A02"\n'
    frame, problems = read(text, "workshops")
    assert errors(problems) == []
    assert frame.loc[2, "tools"] == ["A01", "A02"]


def test_unclosed_quote_swallows_the_rest_and_is_reported():
    text = EDITIONS_HEAD + 'SUT2016,2016,"2016-11-17,310\nSUT2017,2017,2017-11-23,350\n'
    frame, problems = read(text, "editions")
    assert len(frame) == 1  # the quote runs to the end of the file
    assert errors(problems) and errors(problems)[0].row == 2


def test_unparsable_csv_raises_with_the_line():
    text = EDITIONS_HEAD + 'SUT2016,2016,2016-11-17,"' + "x" * 200_000 + '"\n'
    with pytest.raises(InputError, match="cannot be parsed") as info:
        read(text, "editions")
    assert info.value.line == 2 and "quote" in info.value.hint


# --------------------------------------------------------------------------- problems


def test_missing_required_column():
    frame, problems = read("edition_id,year\nSUT2016,2016\n", "editions")
    problem = only(problems)
    assert problem.severity == "error"
    assert problem.row == 1 and problem.column == "date"
    assert "missing required column 'date'" in problem.message
    assert "header" in problem.hint
    assert frame.loc[2, "date"] is None


def test_unknown_column_is_a_warning_and_is_kept():
    text = "edition_id,year,date,participnts\nSUT2016,2016,2016-11-17,310\n"
    frame, problems = read(text, "editions")
    problem = only(problems)
    assert problem.severity == "warning" and problem.column == "participnts"
    assert "did you mean 'participants'" in problem.hint
    assert frame.loc[2, "participnts"] == "310"


def test_duplicate_header_is_an_error():
    _frame, problems = read("edition_id,year,date,year\nE,2016,2016-11-17,2017\n", "editions")
    assert any("appears twice" in p.message for p in errors(problems))


@pytest.mark.parametrize(
    ("cell", "needle"), [("deux", "not a whole number"), ("12,5", "not a whole number")]
)
def test_bad_integer(cell, needle):
    frame, problems = read(EDITIONS_HEAD + f'SUT2016,2016,2016-11-17,"{cell}"\n', "editions")
    problem = only(problems)
    assert (problem.path, problem.row, problem.column) == ("editions.csv", 2, "participants")
    assert needle in problem.message and "digits" in problem.hint
    assert pd.isna(frame.loc[2, "participants"])


def test_bad_boolean():
    frame, problems = read(
        WORKSHOPS_HEAD + "W1,E1,food,holder_with_idea,peut-être,,\n", "workshops"
    )
    problem = only(problems)
    assert problem.column == "holder_present" and "yes/no" in problem.message
    assert "oui/non" in problem.hint
    assert pd.isna(frame.loc[2, "holder_present"])


@pytest.mark.parametrize(
    ("cell", "hint"),
    [
        ("23/11/2017", "2017-11-23"),
        ("23.11.2017", "2017-11-23"),
        ("2017-02-30", "month and the day"),
        ("novembre 2017", "YYYY-MM-DD"),
        ("31/02/2017", "YYYY-MM-DD"),
    ],
)
def test_bad_date(cell, hint):
    frame, problems = read(EDITIONS_HEAD + f"SUT2017,2017,{cell},350\n", "editions")
    problem = only(problems)
    assert problem.column == "date" and problem.row == 2
    assert hint in problem.hint
    assert frame.loc[2, "date"] is None


def test_value_not_allowed_lists_the_allowed_ones():
    _frame, problems = read(
        WORKSHOPS_HEAD + "W1,E1,mobilite,holder_with_idea,true,,\n", "workshops"
    )
    problem = only(problems)
    assert problem.column == "theme" and "'mobilite'" in problem.message
    assert "mobility, food, housing" in problem.hint
    assert "did you mean 'mobility'" in problem.hint


def test_value_not_allowed_inside_a_list_cell():
    schema = TableSchema("t", ("k",), (Column("k", required=True, nullable=False),
                                      Column("stages", "list", allowed=LADDER)))  # fmt: skip
    _, problems = read_table(io.StringIO('k,stages\na,"idea;lanched"\n'), schema, path="t.csv")
    problem = only(problems)
    assert "'lanched'" in problem.message and "did you mean 'launched'" in problem.hint


def test_empty_key():
    _, problems = read(EDITIONS_HEAD + ",2016,2016-11-17,310\n", "editions")
    problem = only(problems)
    assert problem.message == "empty key 'edition_id'"
    assert (problem.row, problem.column) == (2, "edition_id")


def test_empty_required_cell():
    _, problems = read(WORKSHOPS_HEAD + "W1,E1,,holder_with_idea,true,,\n", "workshops")
    problem = only(problems)
    assert "empty cell in required column 'theme'" in problem.message


def test_duplicate_key_names_both_rows():
    text = (
        EDITIONS_HEAD
        + "SUT2016,2016,2016-11-17,310\nSUT2017,2017,2017-11-23,350\nSUT2016,2016,2016-11-17,1\n"
    )
    _, problems = read(text, "editions")
    problem = only(problems)
    assert problem.row == 4
    assert "rows 2 and 4" in problem.message and "'SUT2016'" in problem.message


def test_duplicate_composite_key():
    text = "actor_id,workshop_id,role\nP10,W1,holder\nP11,W1,participant\nP10,W1,participant\n"
    _, problems = read(text, "participations")
    problem = only(problems)
    assert "(actor_id, workshop_id)" in problem.message and "rows 2 and 4" in problem.message


def test_same_actor_in_two_workshops_is_not_a_duplicate():
    text = "actor_id,workshop_id,role\nP07,W1,facilitator\nP07,W2,facilitator\n"
    assert read(text, "participations")[1] == []


def test_below_minimum():
    head = "project_id,edition_id,title,stage,jobs\n"
    _, problems = read(head + "PR1,E1,Un projet,launched,-2\n", "projects")
    problem = only(problems)
    assert problem.column == "jobs" and "below the minimum 0" in problem.message


def test_row_with_too_many_cells():
    _, problems = read(EDITIONS_HEAD + "SUT2016,2016,2016-11-17,310,en trop\n", "editions")
    problem = only(problems)
    assert problem.row == 2 and "5 cells" in problem.message


def test_trailing_empty_cells_are_not_too_many():
    assert read(EDITIONS_HEAD + "SUT2016,2016,2016-11-17,310,,\n", "editions")[1] == []


def test_empty_file_reports_every_required_column():
    frame, problems = read("", "editions")
    assert frame.empty
    assert {p.column for p in problems} == {"edition_id", "year", "date"}


def test_actor_category_must_fit_its_kind():
    text = "actor_id,label,kind,category\nA01,Canevas,artefact,citizen\nP01,Claire,person,citizen\n"
    problem = only(read(text, "actors")[1])
    assert (problem.row, problem.column) == (2, "category")
    assert "kind 'artefact'" in problem.message and "tool" in problem.hint


def test_holder_named_but_not_present_warns():
    text = (
        WORKSHOPS_HEAD
        + "W1,E1,food,problem_no_holder,false,P10,\nW2,E1,food,holder_with_idea,non,,\n"
    )
    problems = read(text, "workshops")[1]
    assert [p.severity for p in problems] == ["warning", "warning"]
    assert [p.row for p in problems] == [2, 3]


def test_outcome_before_start_and_stray_abandoned_at():
    head = "project_id,edition_id,title,stage,abandoned_at,year_started,year_outcome\n"
    text = (
        head
        + "PR1,E1,Un,launched,,2018,2017\nPR2,E1,Deux,idea,prototype,2017,\nPR3,E1,Trois,abandoned,prototype,2017,2018\n"
    )
    problems = read(text, "projects")[1]
    assert [(p.severity, p.row, p.column) for p in problems] == [
        ("error", 2, "year_outcome"),
        ("warning", 3, "abandoned_at"),
    ]


# --------------------------------------------------------------------------- XLSX


def write_xlsx(path: Path, rows: list[list]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.create_sheet("autre").append(["ignored"])
    book.save(path)


def test_xlsx_reads_like_the_csv(tmp_path):
    path = tmp_path / "editions.xlsx"
    write_xlsx(path, [
        ["edition_id", "year", "date", "title", "participants", None],
        ["SUT2016", 2016, dt.datetime(2016, 11, 17), "Première édition", 310.0, None],
        [None, None, None, None, None, None],
        ["SUT2017", 2017, dt.date(2017, 11, 23), None, None, None],
    ])  # fmt: skip
    frame, problems = read_table(path, SCHEMAS["editions"])
    assert problems == []
    assert list(frame.index) == [2, 4]
    assert list(frame["date"]) == ["2016-11-17", "2017-11-23"]
    assert frame.loc[2, "participants"] == 310 and frame.loc[2, "title"] == "Première édition"


def test_xlsx_booleans_and_errors_name_the_row(tmp_path):
    path = tmp_path / "workshops.xlsx"
    write_xlsx(path, [
        ["workshop_id", "edition_id", "theme", "type", "holder_present"],
        ["W1", "E1", "food", "holder_with_idea", True],
        ["W2", "E1", "food", "problem_no_holder", "peut-être"],
        ["W3", "E1", "food", "problem_no_holder", dt.datetime(2017, 1, 1, 10, 30)],
    ])  # fmt: skip
    frame, problems = read_table(path, SCHEMAS["workshops"])
    assert bool(frame.loc[2, "holder_present"]) is True
    assert [(p.row, p.column) for p in problems] == [(3, "holder_present"), (4, "holder_present")]


def test_xlsx_datetime_with_time_is_not_a_date(tmp_path):
    path = tmp_path / "editions.xlsx"
    write_xlsx(path, [["edition_id", "year", "date"], ["E", 2016, dt.datetime(2016, 11, 17, 18)]])
    problem = only(read_table(path, SCHEMAS["editions"])[1])
    assert problem.column == "date" and "2016-11-17 18:00:00" in problem.message


def test_file_named_xlsx_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "editions.xlsx"
    path.write_text("edition_id,year\n")
    with pytest.raises(InputError, match=r"not a valid \.xlsx") as info:
        read_table(path, SCHEMAS["editions"])
    assert info.value.hint


def test_zip_that_is_not_a_workbook(tmp_path):
    import zipfile

    path = tmp_path / "editions.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "bonjour")
    with pytest.raises(InputError, match="cannot be opened"):
        read_table(path, SCHEMAS["editions"])


def test_zip_bomb_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "editions.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/big.xml", b"0" * 5_000_000)
    with pytest.raises(UnsafeInputError, match="zip bomb") as info:
        read_table(path, SCHEMAS["editions"])
    assert info.value.path == str(path)


def test_workbook_limits_are_the_projects_limits(tmp_path):
    path = tmp_path / "editions.xlsx"
    write_xlsx(path, [["edition_id", "year", "date"], ["E", 2016, "2016-11-17"]])
    read_table(path, SCHEMAS["editions"])  # within the default limits
    with pytest.raises(UnsafeInputError, match="max_unzipped_bytes"):
        read_table(path, SCHEMAS["editions"], options=Limits(max_unzipped_bytes=1_000))
    with pytest.raises(UnsafeInputError, match="max_file_bytes"):
        read_table(path, SCHEMAS["editions"], options=Limits(max_file_bytes=100))


def test_project_tables_use_the_limits_of_research_yaml(tmp_path):
    from research.project import open_project

    (tmp_path / "corpus" / "tables").mkdir(parents=True)
    (tmp_path / "research.yaml").write_text("limits:\n  max_file_bytes: 10\n")
    (tmp_path / "corpus" / "tables" / "editions.csv").write_text(EDITIONS_HEAD + "E,2016,,\n")
    with pytest.raises(ValidationFailed, match="over the limit of 10"):
        _ = open_project(tmp_path).tables


# --------------------------------------------------------------------------- references


def test_missing_reference_names_file_row_column_and_key():
    tables, _ = load_tables(GOOD)
    parts = pd.concat(
        [tables["participations"],
         pd.DataFrame({"actor_id": ["P99"], "workshop_id": ["W17-1"], "role": ["participant"]},
                      index=pd.Index([13], name="row"))]
    )  # fmt: skip
    tables["participations"] = parts
    problems = check_references(tables, {"participations": "p.csv", "actors": "acteurs.csv"})
    assert [(p.path, p.row, p.column) for p in problems] == [
        ("p.csv", 13, "actor_id"),
        ("p.csv", 13, "workshop_id"),
    ]
    assert "actor_id 'P99' is not in the actors table" in problems[0].message
    assert "acteurs.csv" in problems[0].hint
    assert "did you mean 'W17-01'" in problems[1].hint


def test_list_references_are_checked_item_by_item():
    tables, _ = load_tables(GOOD)
    workshops = tables["workshops"].copy()
    workshops.at[2, "tools"] = ["A01", "A09"]
    problem = only(check_references({**tables, "workshops": workshops}))
    assert (problem.row, problem.column) == (2, "tools") and "'A09'" in problem.message
    assert problem.path is None


def test_project_workshop_from_another_edition():
    tables, _ = load_tables(GOOD)
    projects = tables["projects"].copy()
    projects.at[2, "edition_id"] = "SUT2017"
    problem = only(check_references({**tables, "projects": projects}, {"projects": "pr.csv"}))
    assert (problem.path, problem.row, problem.column) == ("pr.csv", 2, "edition_id")
    assert "belongs to edition 'SUT2016'" in problem.message


def test_frames_without_row_index_count_from_one():
    # the rule of research.contracts: a frame made in memory counts its rows from 1,
    # as network and analysis do for the same frame (this used to say row 3)
    workshops = pd.DataFrame({"workshop_id": ["W1", "W2"], "edition_id": ["E1", "E2"]})
    problems = check_references(
        {"workshops": workshops, "editions": pd.DataFrame({"edition_id": ["E1"]})}
    )
    assert only(problems).row == 2


def test_frames_read_from_a_file_keep_their_spreadsheet_rows():
    workshops = pd.DataFrame(
        {"workshop_id": ["W1", "W2"], "edition_id": ["E1", "E2"]},
        index=pd.Index([7, 9], name="row"),
    )
    problems = check_references(
        {"workshops": workshops, "editions": pd.DataFrame({"edition_id": ["E1"]})}
    )
    assert only(problems).row == 9


def test_references_to_absent_tables_are_skipped():
    workshops = pd.DataFrame({"workshop_id": ["W1"], "edition_id": ["E9"], "holder": ["P99"]})
    assert check_references({"workshops": workshops}) == []


# --------------------------------------------------------------------------- folders


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "tables"
    shutil.copytree(GOOD, target)
    return target


def test_load_tables_collects_every_problem_before_raising(folder):
    text = (folder / "workshops.csv").read_text(encoding="utf-8")
    (folder / "workshops.csv").write_text(text.replace("food", "fooding"), encoding="utf-8")
    with open(folder / "participations.csv", "a", encoding="utf-8") as handle:
        handle.write("P99,W16-01,participant\nP07,W16-01,facilitator\n")
    with pytest.raises(ValidationFailed) as info:
        load_tables(folder)
    found = {(Path(p.path).name, p.row, p.column) for p in info.value.problems}
    assert found == {
        ("workshops.csv", 2, "theme"),
        ("participations.csv", 13, "actor_id"),
        ("participations.csv", 14, "actor_id"),  # duplicate of row 3
    }
    assert "3 problems found" in str(info.value)


def test_non_strict_returns_tables_and_problems(folder):
    (folder / "editions.csv").write_text(
        EDITIONS_HEAD + "SUT2016,deux mille seize,2016-11-17,1\nSUT2017,2017,2017-11-23,1\n"
    )
    tables, problems = load_tables(folder, strict=False)
    assert len(tables) == 5
    assert only(errors(problems)).column == "year"


def test_csv_and_xlsx_of_the_same_table_is_an_error(folder):
    write_xlsx(folder / "editions.xlsx", [["edition_id", "year", "date"]])
    with pytest.raises(ValidationFailed, match=r"both editions\.csv and editions\.xlsx"):
        load_tables(folder)
    tables, problems = load_tables(folder, strict=False)
    assert "editions" not in tables
    # the workshops now point to an absent table: a warning, not an error
    assert any(p.severity == "warning" and "no editions table" in p.message for p in problems)


def test_xlsx_table_in_a_folder(folder):
    rows = list(csv.reader((folder / "editions.csv").open(encoding="utf-8")))
    (folder / "editions.csv").unlink()
    write_xlsx(folder / "editions.xlsx", rows)
    tables, problems = load_tables(folder)
    assert problems == []
    assert list(tables["editions"]["year"]) == [2016, 2017]


def test_unreadable_file_becomes_a_problem(folder):
    (folder / "actors.csv").unlink()
    (folder / "actors.xlsx").write_bytes(b"not a zip")
    tables, problems = load_tables(folder, strict=False)
    assert "actors" not in tables
    assert any(p.severity == "error" and "not a valid .xlsx" in p.message for p in problems)


def test_missing_folder_raises(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_tables(tmp_path / "nope")


def test_empty_folder_gives_nothing(tmp_path):
    assert load_tables(tmp_path) == ({}, [])


# --------------------------------------------------------------------------- properties


french_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=1,
).filter(lambda s: s.strip() == s and s.strip())


@settings(max_examples=60, deadline=None)
@given(label=french_text, aliases=st.lists(french_text.filter(lambda s: ";" not in s), max_size=3))
def test_text_and_lists_survive_a_csv_round_trip(label, aliases):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["actor_id", "label", "kind", "category", "aliases"])
    writer.writerow(["P1", label, "person", "citizen", ";".join(aliases)])
    frame, problems = read_table(io.StringIO(out.getvalue()), SCHEMAS["actors"])
    assert problems == []
    assert frame.loc[2, "label"] == label
    assert frame.loc[2, "aliases"] == aliases


def test_every_stage_and_workshop_type_has_a_french_label():
    from research.editions import STAGE_LABELS, STAGES, WORKSHOP_TYPE_LABELS, WORKSHOP_TYPES

    assert list(STAGE_LABELS) == list(STAGES)
    assert list(WORKSHOP_TYPE_LABELS) == list(WORKSHOP_TYPES)
    assert len(set(STAGE_LABELS.values())) == len(STAGES)
