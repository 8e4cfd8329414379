"""Exports of people's text to CSV and XLSX never hold a live spreadsheet formula."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from research.cli import main
from research.files import csv_text, spreadsheet_cell, xlsx_bytes
from research.pipeline import table_bytes

DATA = Path(__file__).resolve().parent / "data" / "coding"

RISKY = ['=HYPERLINK("http://x")', "+33 cmd", "-moins bien", "@SUM(A1)", "\tcache", "\rretour"]


@pytest.mark.parametrize("text", RISKY)
def test_risky_text_gets_a_quote(text):
    assert spreadsheet_cell(text) == "'" + text


@pytest.mark.parametrize("value", [-3, -2.5, "-3.5", "+12", "bonjour", "a=b", "", None])
def test_numbers_and_plain_text_are_kept(value):
    assert spreadsheet_cell(value) == value


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_text_neutralises_text_cells_only():
    frame = pd.DataFrame({"quote": ["=1+2", "texte"], "score": [-1.5, 2.0]})
    rows = _rows(csv_text(frame))
    assert rows == [["quote", "score"], ["'=1+2", "-1.5"], ["texte", "2.0"]]
    assert frame["quote"].tolist() == ["=1+2", "texte"]  # the input is not changed


def _cells(data: bytes) -> dict[str, tuple[object, str]]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    return {c.coordinate: (c.value, c.data_type) for row in sheet.iter_rows() for c in row}


def test_xlsx_text_cells_are_strings_never_formulas():
    cells = _cells(xlsx_bytes(pd.DataFrame({"quote": ["=1+2", "@x"], "n": [-4, 5]})))
    assert cells["A2"] == ("=1+2", "s")
    assert cells["A3"] == ("@x", "s")
    assert cells["B2"] == (-4, "n")


def test_chapter_tables_are_safe_in_csv_and_xlsx():
    frame = pd.DataFrame({"passage": ['=WEBSERVICE("http://x")', "-- note"], "n": [-1, 2]})
    rows = _rows(table_bytes(frame, "csv").decode("utf-8"))
    assert rows[1] == ['\'=WEBSERVICE("http://x")', "-1"]
    assert rows[2] == ["'-- note", "2"]
    cells = _cells(table_bytes(frame, "xlsx", name="t"))
    assert cells["A2"] == ('=WEBSERVICE("http://x")', "s")
    assert cells["B2"] == (-1, "n")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "documents", tmp_path / "corpus" / "documents")
    shutil.copytree(DATA / "codebook", tmp_path / "codebook")
    (tmp_path / "corpus" / "codings").mkdir()
    memo = '=HYPERLINK("http://exemple.org","clic")'
    args = ["code", "text", "INT01", "sans car le samedi", "sut.barriers.territory"]
    assert main([*args, "-c", "lea", "--memo", memo, "-C", str(tmp_path)]) == 0
    return tmp_path


def test_retrieve_csv_neutralises_a_formula_memo(project, tmp_path):
    target = tmp_path / "r.csv"
    assert main(["code", "retrieve", "sut", "--out", str(target), "-C", str(project)]) == 0
    rows = _rows(target.read_text(encoding="utf-8"))
    memo = rows[0].index("memo")
    assert rows[1][memo] == '\'=HYPERLINK("http://exemple.org","clic")'


def test_retrieve_xlsx_writes_a_real_workbook(project, tmp_path):
    target = tmp_path / "r.xlsx"
    assert main(["code", "retrieve", "sut", "--out", str(target), "-C", str(project)]) == 0
    sheet = openpyxl.load_workbook(target).worksheets[0]
    header = [c.value for c in sheet[1]]
    memo = sheet.cell(row=2, column=header.index("memo") + 1)
    assert memo.value == '=HYPERLINK("http://exemple.org","clic")'
    assert memo.data_type == "s"


def test_retrieve_refuses_other_suffixes(project, tmp_path, capsys):
    target = tmp_path / "r.ods"
    assert main(["code", "retrieve", "sut", "--out", str(target), "-C", str(project)]) != 0
    assert ".csv or .xlsx" in capsys.readouterr().err
    assert not target.exists()
