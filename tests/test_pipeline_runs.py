"""Real notebook runs: the tiny pipeline notebooks and every chapter on the fixture project."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from research.cli import main
from research.pipeline import read_provenance, run_chapters
from research.project import open_project

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parent / "data" / "pipeline"
REPO = Path(__file__).resolve().parents[1]


def _output_hashes(folder: Path, kinds=("table", "figure", "quote")) -> dict[str, str]:
    record = read_provenance(folder)
    return {
        f["path"]: f["sha256"] for o in record["outputs"] if o["kind"] in kinds for f in o["files"]
    }


@pytest.fixture(scope="module")
def mechanics(tmp_path_factory):
    """The fixture project with the tiny notebooks, after one full run."""
    root = tmp_path_factory.mktemp("mechanics") / "project"
    shutil.copytree(DATA / "project", root)
    shutil.copytree(DATA / "notebooks", root / "notebooks")
    project = open_project(root)
    results = run_chapters(project, jobs=2)
    return project, {r.label: r for r in results}


def test_every_run_is_reported(mechanics):
    _, results = mechanics
    assert {label: r.status for label, r in results.items()} == {
        "values/a": "ok",
        "values/b": "ok",
        "fails/default": "failed",
        "missing/default": "failed",
    }


def test_a_run_folder_holds_notebook_html_outputs_and_provenance(mechanics):
    project, _ = mechanics
    folder = project.paths.outputs / "values" / "b"
    names = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert names == {
        "01-values.ipynb",
        "01-values.html",
        "provenance.json",
        "tables/values.csv",
        "tables/values.xlsx",
        "tables/values.tex",
        "figures/values.png",
        "figures/values.svg",
        "quotes/quotes.csv",
        "quotes/quotes.md",
        "export/raw.txt",
    }
    record = read_provenance(folder)
    assert record["status"] == "ok" and record["parameters"] == {
        "label": "b",
        "scale": 2.0,
        "seed": 7,
    }
    assert "corpus/documents/interviews/INT01.md" in record["inputs"]
    assert list(record["recorded_inputs"]) == ["extra/notes.txt"]
    assert record["versions"]["research"] and record["timings"]["total_s"] > 0
    assert (folder / "tables" / "values.csv").read_text().splitlines()[1].startswith("b,")
    other = [o for o in record["outputs"] if o["kind"] == "file"]
    assert [(o["name"], [f["path"] for f in o["files"]]) for o in other] == [
        ("export", ["export/raw.txt"])
    ]


def test_a_failing_notebook_names_the_cell_and_keeps_its_partial_notebook(mechanics):
    project, results = mechanics
    message = results["fails/default"].message
    assert "cell 4, line 2" in message and "ZeroDivisionError" in message
    assert "1 / divisor" in message and "note =" not in message
    folder = project.paths.outputs / "fails" / "default"
    executed = json.loads((folder / "02-fails.ipynb").read_text())
    assert any(
        o.get("ename") == "ZeroDivisionError"
        for c in executed["cells"]
        for o in c.get("outputs", [])
    )
    assert (folder / "tables" / "before_failure.csv").is_file()
    assert (folder / "02-fails.html").is_file()
    record = read_provenance(folder)
    assert record["status"] == "failed" and record["error"]["ename"] == "ZeroDivisionError"
    assert record["error"]["cell"] == 4 and record["error"]["line"] == 2


def test_the_index_links_every_run(mechanics):
    project, _ = mechanics
    page = (project.paths.outputs / "index.html").read_text(encoding="utf-8")
    for link in [
        "values/a/01-values.html",
        "values/b/figures/values.png",
        "fails/default/02-fails.html",
    ]:
        assert f'"{link}"' in page
    assert "03-missing.ipynb does not exist" in page


def test_second_run_is_cached_and_the_command_says_so(mechanics, capsys):
    project, _ = mechanics
    status = main(["run", "values", "-C", str(project.root)])
    captured = capsys.readouterr()
    assert status == 0
    assert "values/a: unchanged, skipped" in captured.err and "0 done, 2 unchanged" in captured.out


def test_the_command_fails_for_failing_chapters(mechanics, capsys):
    project, _ = mechanics
    status = main(["run", "fails", "missing", "-C", str(project.root), "--jobs", "1"])
    captured = capsys.readouterr()
    assert status == 1
    assert "fails/default: FAILED: cell 4" in captured.err
    assert (
        "missing/default: FAILED: notebook notebooks/03-missing.ipynb does not exist"
        in captured.err
    )


def test_forced_runs_give_identical_tables_and_figures(mechanics):
    project, _ = mechanics
    folder = project.paths.outputs / "values" / "a"
    before = _output_hashes(folder)
    (result,) = run_chapters(project, ["values/a"], force=True, no_code=True, jobs=1)
    assert result.status == "ok"
    assert _output_hashes(folder) == before
    html = (folder / "01-values.html").read_text(encoding="utf-8")
    assert "default_rng" not in html and "Petit chapitre de test" in html


# -- every chapter of the repository on the tiny fixture project ---------------------------------------


def test_every_chapter_runs_on_the_fixture_project(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(DATA / "project", root)
    shutil.copytree(
        REPO / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints")
    )
    project = open_project(root)
    results = run_chapters(project, jobs=2)
    for result in results:
        notebook_exists = "does not exist" not in result.message
        if notebook_exists:
            assert result.status == "ok", result.describe()
    labels = {r.label for r in results if r.status == "ok"}
    assert {"corpus-overview/default", "editions-review/all", "editions-review/SUT2017"} <= labels
    review = project.paths.outputs / "editions-review" / "SUT2017" / "tables"
    assert (review / "associations.csv").is_file() and (review / "funnel_by_edition.csv").is_file()

    folders = [
        project.paths.outputs / "corpus-overview" / "default",
        project.paths.outputs / "editions-review" / "all",
    ]
    before = [_output_hashes(folder) for folder in folders]
    again = run_chapters(project, ["corpus-overview", "editions-review/all"], force=True, jobs=2)
    assert [r.status for r in again] == ["ok", "ok"]
    assert [_output_hashes(folder) for folder in folders] == before
    assert all(before) and any(p.endswith(".svg") for p in before[1])
    for page in project.paths.outputs.glob("*/*/*.html"):
        _assert_offline(page)


def _assert_offline(page: Path) -> None:
    """A page that loads no script from anywhere and no remote style sheet."""
    html = page.read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b[^>]*>", html, flags=re.I)
    assert not [s for s in scripts if re.search(r"src\s*=", s, flags=re.I)], page
    assert not re.search(r"""<(?:script|link)\b[^>]*(?:src|href)=["']?(?:https?:)?//""", html)
    assert "require.min.js" not in html and "MathJax" not in html, page


def test_chapter_pages_load_no_remote_script(mechanics):
    project, _ = mechanics
    pages = list(project.paths.outputs.glob("*/*/*.html"))
    assert len(pages) >= 3
    for page in pages:
        _assert_offline(page)


def test_executed_notebooks_hold_no_machine_path(mechanics):
    project, _ = mechanics
    root = str(project.root)
    for name in ("values/b/01-values.ipynb", "fails/default/02-fails.ipynb"):
        text = (project.paths.outputs / name).read_text(encoding="utf-8")
        record = json.loads(text)["metadata"]["papermill"]
        folder = name.split("/0")[0]
        assert record["input_path"] == "notebooks/" + Path(name).name
        assert record["output_path"] == f"outputs/{folder}/{Path(name).name}"
        assert root not in text
