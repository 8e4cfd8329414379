"""Planning and executing chapter runs (notebooks are faked here; see test_pipeline_runs)."""

from __future__ import annotations

import io
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest

from research.errors import PipelineError
from research.pipeline import (
    ConsoleProgress,
    RunResult,
    execute_runs,
    file_sha256,
    plan_runs,
    read_provenance,
    run_id_for,
    write_provenance,
)
from research.pipeline import _execute as pipeline
from research.project import open_project

DATA = Path(__file__).resolve().parent / "data" / "pipeline"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path):
    """The tiny fixture project with the tiny pipeline notebooks."""
    root = tmp_path / "project"
    shutil.copytree(DATA / "project", root)
    shutil.copytree(DATA / "notebooks", root / "notebooks")
    return open_project(root)


def _by_label(plans):
    return {p.label: p for p in plans}


# -- planning ------------------------------------------------------------------------------------


def test_plan_every_run(project):
    plans = plan_runs(project)
    assert [p.label for p in plans] == ["values/a", "values/b", "fails/default", "missing/default"]
    b = _by_label(plans)["values/b"]
    assert b.parameters == {"label": "b", "scale": 2.0}
    assert b.effective == {"label": "b", "scale": 2.0, "seed": 7}
    assert b.output_dir == str(project.paths.outputs / "values" / "b")
    assert not any(p.cached for p in plans)
    assert "corpus/tables/editions.csv" in b.inputs and "extra/notes.txt" not in b.inputs


def test_a_missing_notebook_is_a_problem_of_its_run_only(project):
    plans = _by_label(plan_runs(project))
    assert "03-missing.ipynb does not exist" in plans["missing/default"].problem
    assert plans["values/a"].problem is None


def test_kernel_environment(project):
    plan = _by_label(plan_runs(project))["values/a"]
    assert plan.env["RESEARCH_OUTPUT_DIR"] == plan.output_dir
    assert plan.env["RESEARCH_PROJECT"] == str(project.root)
    assert plan.env["PYTHONHASHSEED"] == "0"


def test_overrides_get_folders_named_after_their_parameters(project):
    plans = plan_runs(project, ["values"], parameters={"seed": "3"})
    assert [p.run for p in plans] == ["seed-3", "label-b_scale-2.0_seed-3"]
    assert plans[0].parameters == {"label": "a", "seed": 3}


def test_overrides_that_match_a_configured_run_reuse_it_once(project):
    plans = plan_runs(project, ["values"], parameters={"label": "b", "scale": "2"})
    assert [p.run for p in plans] == ["b"]


def test_unknown_override_names_the_accepted_parameters(project):
    with pytest.raises(
        PipelineError, match=r"chapter 'values' has no parameter 'sede'.*seed: int = 7"
    ):
        plan_runs(project, ["values"], parameters={"sede": "3"})


def test_an_override_must_suit_every_selected_chapter(project):
    with pytest.raises(PipelineError, match="chapter 'fails' has no parameter 'seed'"):
        plan_runs(project, parameters={"seed": "3"})


def test_ill_typed_override(project):
    with pytest.raises(PipelineError, match="parameter 'seed': cannot read 'sept' as int"):
        plan_runs(project, ["values"], parameters={"seed": "sept"})


def test_unknown_parameter_in_the_chapter_list(project):
    path = project.paths.notebooks / "chapters.yaml"
    path.write_text(path.read_text().replace("{label: a}", "{lable: a}"))
    with pytest.raises(PipelineError, match="chapter 'values', run 'a' has no parameter 'lable'"):
        plan_runs(project)


def test_the_repository_chapters_plan_cleanly(repo_root):
    plans = plan_runs(open_project(repo_root))
    labels = [p.label for p in plans]
    assert labels[:5] == [
        "corpus-overview/default",
        "editions-review/all",
        "editions-review/SUT2016",
        "editions-review/SUT2017",
        "editions-review/SUT2019",
    ]
    for plan in plans:
        assert plan.problem is None or "does not exist" in plan.problem
    assert _by_label(plans)["editions-review/SUT2017"].effective["edition"] == "SUT2017"


def test_run_id_for():
    assert run_id_for({}) == "defaults"
    assert run_id_for({"seed": 3, "edition": "SUT2016"}) == "edition-SUT2016_seed-3"
    odd, other = run_id_for({"note": "a/b"}), run_id_for({"note": "a b"})
    assert odd != other and "/" not in odd and " " not in other
    assert len(run_id_for({"codes": "x" * 200})) < 70


@pytest.mark.parametrize(
    ("parameters", "start"),
    [
        (
            {"codes": "iw.creating.*,iw.maintaining.*", "framework_rows": "respondent_category"},
            "codes-iw.creating_framework_rows-respondent_c~",
        ),
        (
            {"concordance": "coopération entre habitants", "group_by": "respondent_category"},
            "concordance-cooperation_group_by-respondent_c~",
        ),
        ({"codes": "x" * 200}, "codes-xxxxxxxxxxxx~"),
        ({"concordance": "coopér"}, "concordance-cooper~"),
    ],
)
def test_run_ids_of_long_parameters_stay_short_and_readable(parameters, start):
    name = run_id_for(parameters)
    assert name.startswith(start)
    assert len(name) <= 57 and len(name) == len(start) + 8
    assert name.isascii() and all(c.isalnum() or c in "._+-~" for c in name)


def test_run_ids_of_long_parameters_differ_when_the_parameters_do():
    base = {"codes": "iw.creating.*,iw.maintaining.*", "quote_chars": 400, "unit": "document"}
    names = {
        run_id_for(base),
        run_id_for(base | {"codes": "iw.creating.*,iw.maintaining.x"}),
        run_id_for(base | {"unit": "segment"}),
    }
    assert len(names) == 3


# -- the cache -------------------------------------------------------------------------------------


def _pretend_done(plan, **record):
    folder = Path(plan.output_dir)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "01-values.ipynb").write_text("{}")
    (folder / "01-values.html").write_text("<html></html>")
    base = {
        "status": "ok",
        "cache_key": plan.cache_key,
        "notebook_output": "01-values.ipynb",
        "html": "01-values.html",
        "recorded_inputs": {},
        "timings": {"total_s": 12.5},
    }
    write_provenance(folder, base | record)


def test_unchanged_runs_are_cached(project):
    plan = _by_label(plan_runs(project))["values/a"]
    _pretend_done(plan)
    again = _by_label(plan_runs(project))["values/a"]
    assert again.cached and again.expected_seconds == 12.5
    assert not _by_label(plan_runs(project, force=True))["values/a"].cached


@pytest.mark.parametrize(
    "change",
    ["corpus", "codebook", "notebook", "parameters", "no_code", "failed", "html", "recorded"],
)
def test_what_invalidates_the_cache(project, change):
    plan = _by_label(plan_runs(project))["values/a"]
    notes = project.root / "extra" / "notes.txt"
    _pretend_done(
        plan,
        recorded_inputs={"extra/notes.txt": file_sha256(notes)},
        status="failed" if change == "failed" else "ok",
    )
    options = {}
    if change == "corpus":
        path = project.paths.documents / "interviews" / "INT02.md"
        path.write_text(path.read_text(encoding="utf-8") + "\nUn ajout.\n", encoding="utf-8")
    elif change == "codebook":
        (project.paths.codebook / "new.yaml").write_text("id: x\n")
    elif change == "notebook":
        path = project.paths.notebooks / "01-values.ipynb"
        path.write_text(path.read_text().replace("Petit chapitre", "Tout petit chapitre"))
    elif change == "parameters":
        path = project.paths.notebooks / "chapters.yaml"
        path.write_text(path.read_text().replace("{label: a}", "{label: a, seed: 8}"))
    elif change == "no_code":
        options["no_code"] = True
    elif change == "html":
        (Path(plan.output_dir) / "01-values.html").unlink()
    elif change == "recorded":
        notes.write_text("Autres notes.")
    assert not _by_label(plan_runs(project, **options))["values/a"].cached


def test_the_nlp_cache_and_outputs_do_not_invalidate(project):
    plan = _by_label(plan_runs(project))["values/a"]
    _pretend_done(plan)
    (project.paths.cache / "nlp").mkdir(parents=True)
    (project.paths.cache / "nlp" / "x.pkl").write_bytes(b"tokens")
    (project.paths.outputs / "scratch").mkdir()
    assert _by_label(plan_runs(project))["values/a"].cached


# -- executing ---------------------------------------------------------------------------------------


@pytest.fixture
def fake_worker(monkeypatch):
    """Replace the notebook execution by a record of what was asked."""
    calls = []

    def execute(task):
        calls.append(task.label)
        if task.run == "b":
            raise RuntimeError("worker lost")
        return RunResult(task.chapter, task.run, "ok", task.output_dir, 1.0)

    monkeypatch.setattr(pipeline, "execute_run", execute)
    return calls


def test_execute_runs_in_plan_order_longest_first(project, fake_worker):
    plans = plan_runs(project)
    plans[0] = replace(plans[0], expected_seconds=1.0)
    plans[2] = replace(plans[2], expected_seconds=30.0)
    seen = []
    with ThreadPoolExecutor(max_workers=1) as pool:
        results = execute_runs(plans, executor=pool, progress=seen.append)
    assert fake_worker == ["fails/default", "values/a", "values/b"]
    assert [r.label for r in results] == [p.label for p in plans]
    assert [r.status for r in results] == ["ok", "failed", "ok", "failed"]
    assert "the worker failed: RuntimeError: worker lost" in results[1].message
    assert sorted(r.label for r in seen) == sorted(p.label for p in plans)
    assert read_provenance(project.paths.outputs / "missing" / "default")["status"] == "failed"


def test_cached_runs_are_not_executed(project, fake_worker):
    plans = [replace(p, cached=True) for p in plan_runs(project, ["values"])]
    results = execute_runs(plans, jobs=1)
    assert fake_worker == [] and [r.status for r in results] == ["cached", "cached"]


def test_one_job_runs_in_this_process(project, fake_worker):
    results = execute_runs(plan_runs(project, ["values/a"]), jobs=1)
    assert fake_worker == ["values/a"] and results[0].status == "ok"


def test_console_progress_writes_one_line_per_run(project):
    stream = io.StringIO()
    plans = plan_runs(project, ["values"])
    display = ConsoleProgress(plans, stream=stream)
    display(RunResult("values", "a", "ok", "/o", 2.0))
    display(RunResult("values", "b", "failed", "/o", 1.0, "cell 3 raised KeyError: 'x'"))
    display.close()
    assert stream.getvalue().splitlines() == [
        "running 2 run(s)…",
        "values/a: done in 2.0 s",
        "values/b: FAILED: cell 3 raised KeyError: 'x'",
    ]


def test_durations_are_remembered_outside_outputs(project, fake_worker):
    execute_runs(plan_runs(project, ["values/a"]), jobs=1)
    shutil.rmtree(project.paths.outputs, ignore_errors=True)
    plan = plan_runs(project, ["values/a"])[0]
    assert plan.expected_seconds == 1.0 and not plan.cached


def test_the_error_says_which_chapters_take_a_parameter(project):
    with pytest.raises(
        PipelineError,
        match=r"\(hint: 'seed' is a parameter of values; run e\.g\. 'research run values -p …'\)",
    ):
        plan_runs(project, parameters={"seed": "3"})
