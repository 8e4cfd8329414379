"""Saving tables, figures, quotes and inputs from chapter notebooks."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from research.errors import InputError
from research.pipeline import MANIFEST_FILE
from research.pipeline import _outputs as report

matplotlib.use("Agg")
import matplotlib.pyplot as plt


@pytest.fixture
def out(tmp_path, monkeypatch):
    """A run folder chosen through the environment, as the pipeline does."""
    folder = tmp_path / "outputs" / "chapter" / "run"
    monkeypatch.setenv("RESEARCH_OUTPUT_DIR", str(folder))
    report.set_output_dir(None)
    yield folder
    report.set_output_dir(None)


def _manifest(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / MANIFEST_FILE).read_text().splitlines()]


def test_manifest_name_matches_the_pipeline():
    assert report.MANIFEST_FILE == MANIFEST_FILE


# -- tables ------------------------------------------------------------------------------


def test_table_formats_and_manifest(out):
    saved = report.save_table(pd.DataFrame({"a": [1, 2]}), "counts", caption="Des comptes")
    assert [p.relative_to(out).as_posix() for p in saved.paths] == [
        "tables/counts.csv",
        "tables/counts.xlsx",
        "tables/counts.tex",
    ]
    assert _manifest(out) == [
        {
            "caption": "Des comptes",
            "files": ["tables/counts.csv", "tables/counts.xlsx", "tables/counts.tex"],
            "kind": "table",
            "name": "counts",
            "cell": None,  # the notebook cell that saved it; none outside a notebook
        }
    ]


def test_csv_floats_have_fixed_significant_digits(out):
    frame = pd.DataFrame({"x": [0.1 + 0.2, 2 / 3, 1e-9, 123456789.0]})
    path = report.save_table(frame, "floats", formats=("csv",), precision=4).paths[0]
    assert path.read_text().splitlines() == ["x", "0.3", "0.6667", "1e-09", "1.235e+08"]


def test_named_index_lists_and_multiindex_columns_are_flattened(out):
    frame = pd.DataFrame(
        {"tools": [["A01", "A02"], []], "n": [1, 2]}, index=pd.Index(["W1", "W2"], name="workshop")
    )
    text = report.save_table(frame, "flat", formats=("csv",)).paths[0].read_text()
    assert text.splitlines() == ["workshop,tools,n", "W1,A01;A02,1", "W2,,2"]
    wide = pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([("a", "x"), ("a", "y")]))
    assert report.save_table(wide, "wide", formats=("csv",)).frame.columns.tolist() == [
        "a_x",
        "a_y",
    ]


def test_row_numbers_are_not_written_even_after_a_sort(out):
    assert report.table_bytes(pd.DataFrame({"a": [1]}), "csv").decode() == "a\n1\n"
    frame = pd.DataFrame({"a": [2, 1]}).sort_values("a")
    assert report.table_bytes(frame, "csv").decode() == "a\n1\n2\n"


def test_label_index_without_name_is_written(out):
    frame = pd.DataFrame({"n": [3]}, index=["SUT2016"])
    assert report.table_bytes(frame, "csv").decode() == "index,n\nSUT2016,3\n"


def test_xlsx_is_byte_identical_and_readable(out):
    frame = pd.DataFrame({"edition": ["SUT2016", "SUT2017"], "share": [0.25, 1 / 3]})
    first = report.table_bytes(frame, "xlsx", name="shares")
    second = report.table_bytes(frame.copy(), "xlsx", name="shares")
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in archive.infolist())
        core = archive.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core
    back = pd.read_excel(io.BytesIO(first))
    readers = pd.DataFrame({"édition": ["SUT2016", "SUT2017"], "part": [0.25, 1 / 3]})
    pd.testing.assert_frame_equal(back, readers)


def test_latex_escapes_special_characters(out):
    frame = pd.DataFrame({"type": ["local_type"], "note": ["50 % & plus"]})
    tex = report.table_bytes(frame, "tex", name="t", caption="Types").decode()
    assert r"local\_type" in tex and r"50 \% \& plus" in tex
    assert r"\caption{Types}" in tex and r"\label{tab:t}" in tex


@pytest.mark.parametrize("name", ["with space", "a/b", "", "../up", "é"])
def test_bad_names_are_refused(out, name):
    with pytest.raises(InputError, match="cannot name a saved table"):
        report.save_table(pd.DataFrame({"a": [1]}), name)


def test_unknown_format_is_refused(out):
    with pytest.raises(InputError, match="unknown table format 'ods'"):
        report.save_table(pd.DataFrame({"a": [1]}), "t", formats=("ods",))


def test_saved_table_displays_its_files(out):
    saved = report.save_table(pd.DataFrame({"a": [1]}), "shown", formats=("csv",), caption="Vu")
    assert "tables/shown.csv" in repr(saved)
    assert "<b>Vu</b>" in saved._repr_html_() and "<table" in saved._repr_html_()


# -- figures -------------------------------------------------------------------------------


def _figure():
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.bar(["idée", "groupe"], [10, 4])
    ax.set_title("Entonnoir")
    return fig


def test_figures_are_byte_identical_across_saves(out):
    fig = _figure()
    first = [p.read_bytes() for p in report.save_figure(fig, "funnel").paths]
    second = [p.read_bytes() for p in report.save_figure(_figure(), "funnel").paths]
    plt.close("all")
    assert first == second


def test_figures_hold_no_date_or_software(out):
    png, svg = report.save_figure(_figure(), "clean").paths
    plt.close("all")
    assert b"<dc:date>" not in svg.read_bytes()
    assert b"Software" not in png.read_bytes()
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_figure_from_axes(out):
    fig = _figure()
    saved = report.save_figure(fig.axes[0], "from_axes", formats=("svg",))
    plt.close(fig)
    assert saved.paths[0].name == "from_axes.svg"


def test_figure_refuses_other_objects(out):
    with pytest.raises(InputError, match="needs a matplotlib figure"):
        report.save_figure(pd.DataFrame(), "nope")


# -- pages -----------------------------------------------------------------------------------

PAGE = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Réseau</title></head></html>\n'


def test_page_is_written_as_given_and_noted(out):
    saved = report.save_page(PAGE, "network", caption="Réseau d'acteurs")
    assert [p.relative_to(out).as_posix() for p in saved.paths] == ["pages/network.html"]
    assert saved.paths[0].read_bytes() == PAGE.encode("utf-8")
    assert _manifest(out) == [
        {
            "caption": "Réseau d'acteurs",
            "files": ["pages/network.html"],
            "kind": "page",
            "name": "network",
            "cell": None,
        }
    ]
    assert repr(saved) == "<saved page 'network': pages/network.html>"
    html = saved._repr_html_()
    assert "Réseau d&#39;acteurs" in html
    assert "Réseau d'acteurs" not in html


def test_page_name_may_end_with_html(out):
    saved = report.save_page(PAGE, "network.html")
    assert saved.name == "network"
    assert [p.name for p in saved.paths] == ["network.html"]


def test_page_rewrite_replaces_the_file_without_leftovers(out):
    report.save_page(PAGE, "network")
    report.save_page("<p>seconde</p>", "network")
    assert sorted(p.name for p in (out / "pages").iterdir()) == ["network.html"]
    assert (out / "pages" / "network.html").read_text(encoding="utf-8") == "<p>seconde</p>"


def test_page_reaches_the_provenance(out):
    from research.pipeline._runs import _read_manifest

    report.save_page(PAGE, "network", caption="Réseau d'acteurs")
    outputs, recorded = _read_manifest(out, set())
    assert outputs == [
        {
            "caption": "Réseau d'acteurs",
            "files": [
                {
                    "path": "pages/network.html",
                    "sha256": hashlib.sha256(PAGE.encode("utf-8")).hexdigest(),
                }
            ],
            "kind": "page",
            "name": "network",
            "cell": None,
            "order": 0,  # its place among the saves of the run
        }
    ]
    assert recorded == {}


@pytest.mark.parametrize("page", [b"<html></html>", None, ["<html>"]])
def test_page_must_be_text(out, page):
    with pytest.raises(InputError, match="string of HTML"):
        report.save_page(page, "network")
    assert not (out / "pages").exists()


@pytest.mark.parametrize("name", ["", "réseau", "a/b", "a b.html", ".html"])
def test_bad_page_names_are_refused(out, name):
    with pytest.raises(InputError, match="cannot name a saved page"):
        report.save_page(PAGE, name)


# -- quotes and inputs ------------------------------------------------------------------------


def test_quotes_as_csv_and_markdown(out):
    quotes = pd.DataFrame(
        {"doc_id": ["INT01"], "speaker": ["Élodie"], "quote": ["Première ligne\nseconde ligne"]}
    )
    csv_path, md_path = report.save_quotes(quotes, "quotes", caption="Paroles").paths
    assert pd.read_csv(csv_path)["quote"].tolist() == ["Première ligne\nseconde ligne"]
    assert md_path.read_text(encoding="utf-8").splitlines() == [
        "# Paroles",
        "",
        "> Première ligne",
        "> seconde ligne",
        ">",
        "> — INT01, Élodie",
    ]
    assert md_path.read_text(encoding="utf-8").endswith("Élodie\n")


def test_quotes_need_a_text_column(out):
    with pytest.raises(InputError, match="'quote' or 'text' column"):
        report.save_quotes(pd.DataFrame({"doc_id": ["A"]}), "q")


def test_record_input_hashes_and_notes_a_project_relative_path(out, tmp_path, monkeypatch):
    source = tmp_path / "extra" / "notes.txt"
    source.parent.mkdir()
    source.write_bytes(b"terrain")
    monkeypatch.setenv("RESEARCH_PROJECT", str(tmp_path))
    digest = report.record_input(source)
    assert digest == hashlib.sha256(b"terrain").hexdigest()
    assert _manifest(out) == [{"kind": "input", "path": "extra/notes.txt", "sha256": digest}]


def test_record_input_of_a_missing_file(out, tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        report.record_input(tmp_path / "absent.csv")


# -- where files go --------------------------------------------------------------------------


def test_set_output_dir_wins_over_the_environment(out, tmp_path):
    chosen = report.set_output_dir(tmp_path / "mine")
    assert report.output_dir() == chosen != out


def test_interactive_sessions_write_under_the_chapter_id(tmp_path, monkeypatch):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "chapters.yaml").write_text(
        "chapters:\n  - id: editions-review\n    notebook: 02-editions-review.ipynb\n"
    )
    monkeypatch.delenv("RESEARCH_OUTPUT_DIR", raising=False)
    monkeypatch.chdir(tmp_path / "notebooks")
    report.set_output_dir(None)
    monkeypatch.setenv("JPY_SESSION_NAME", str(tmp_path / "notebooks" / "02-editions-review.ipynb"))
    assert report.output_dir() == tmp_path / "outputs" / "editions-review" / "interactive"
    monkeypatch.setenv("JPY_SESSION_NAME", "brouillon.ipynb")
    assert report.output_dir() == tmp_path / "outputs" / "brouillon" / "interactive"
    monkeypatch.delenv("JPY_SESSION_NAME")
    assert report.output_dir() == tmp_path / "outputs" / "scratch" / "interactive"
