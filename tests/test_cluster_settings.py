"""Where heavy work runs, without starting a cluster: settings, messages, counted starts.

The runs on a real Dask cluster are in ``test_cluster.py`` (slow).
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import nbformat
import pytest

from research.cli import main
from research.errors import InputError, PipelineError
from research.pipeline import _cluster as cluster
from research.pipeline import (
    dask_client,
    execute_runs,
    executor_name,
    plan_runs,
    read_provenance,
)
from research.project import open_project, read_executor_setting

DATA = Path(__file__).resolve().parent / "data" / "pipeline"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    assert main(["init", str(tmp_path)]) == 0
    (tmp_path / "corpus" / "documents" / "INT01.md").write_text("---\nid: INT01\n---\nBonjour.\n")
    return tmp_path


def _settings(project: Path, text: str):
    (project / "research.yaml").write_text(text, encoding="utf-8")
    return open_project(project).executor_setting


def test_the_executor_setting_names_a_scheduler_or_a_local_cluster(project):
    assert _settings(project, "title: T\n").scheduler is None
    assert _settings(project, "executor: local\n").scheduler is None
    found = _settings(project, "executor:\n  dask: tcp://192.168.1.20:8786\n")
    assert (found.scheduler, found.workers) == ("tcp://192.168.1.20:8786", None)
    found = _settings(project, "executor: {dask: local, workers: 3}\n")
    assert (found.scheduler, found.workers) == ("local", 3)
    assert _settings(project, "executor: {dask: 'node7:8786'}\n").scheduler == "node7:8786"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("title: T\nexecutor: dask\n", 2, "'executor' must be a mapping such as {dask: ADDRESS}"),
        ("executor:\n  dask: my cluster\n", 2, "'my cluster' is not a Dask scheduler address"),
        (
            "executor:\n  dask: local\n  worker: 2\n",
            3,
            "unknown key(s) ['worker'] under 'executor'",
        ),
        ("executor:\n  workers: 2\n", 1, "'executor' needs 'dask:'"),
        ("executor:\n  dask: local\n  workers: 0\n", 3, "'workers' must be a whole number ≥ 1"),
        ("executor:\n  dask: tcp://h:1\n  workers: 2\n", 3, "'workers' is for 'dask: local' only"),
    ],
)
def test_a_malformed_executor_setting_names_its_line(project, capsys, text, line, message):
    (project / "research.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        open_project(project)
    assert f"research.yaml, line {line}: {message}" in str(caught.value)
    assert main(["validate", "-C", str(project)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_read_executor_setting_without_a_file():
    assert read_executor_setting({"executor": None}).scheduler is None


def test_without_dask_the_command_says_how_to_install_it(project, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    with (
        pytest.raises(PipelineError, match=r"pip install 'research\[cluster\]'"),
        dask_client("local"),
    ):
        pass
    assert main(["run", "--scheduler", "local", "-C", str(project)]) == 1
    err = capsys.readouterr().err
    assert "needs the packages dask and distributed" in err
    assert "pip install 'research[cluster]'" in err and "Traceback" not in err


def test_a_wrong_scheduler_option_is_refused_before_anything_runs(project, capsys):
    assert main(["run", "--scheduler", "le cluster du labo", "-C", str(project)]) == 1
    assert "'le cluster du labo' is not a Dask scheduler address" in capsys.readouterr().err
    assert not (project / "outputs" / "corpus-overview").exists()


def test_executor_names():
    assert executor_name(None, workers=1) == "this process"
    assert executor_name(None, workers=3) == "local pool of 3 processes"
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        assert executor_name(pool) == "ThreadPoolExecutor"
        assert cluster.dask_client_of(pool) is None


# -- counting the starts of a run (what a worker does, without a worker) ---------------------------


@pytest.fixture
def planned(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(DATA / "project", root)
    shutil.copytree(DATA / "notebooks", root / "notebooks")
    return next(p for p in plan_runs(open_project(root)) if p.label == "values/a")


def _partial_notebook(plan) -> None:
    """What a kernel killed after its first cell leaves: the notebook written so far."""
    output = Path(plan.output_dir)
    output.mkdir(parents=True)
    nb = nbformat.read(plan.notebook, as_version=4)
    nb.metadata["papermill"] = {"input_path": plan.notebook, "output_path": "/elsewhere/x.ipynb"}
    nbformat.write(nb, output / Path(plan.notebook).name)
    (output / "tables").mkdir()
    (output / "tables" / "early.csv").write_text("x\n1\n")


def test_a_third_start_does_not_run_and_reports_the_partial_notebook(planned, monkeypatch):
    def never(task):
        raise AssertionError("a run whose worker died twice must not start again")

    monkeypatch.setattr(cluster, "execute_run", never)
    _partial_notebook(planned)
    earlier = [
        {"worker": "tcp://10.0.0.1:4001", "host": "noeud1"},
        {"worker": "tcp://10.0.0.2:4002", "host": "noeud2"},
    ]
    cluster._write_attempts(planned, "t0k3n", earlier)
    result = cluster.execute_run_on_worker(planned, "t0k3n")
    assert result.status == "failed"
    assert result.message == (
        "the worker running it died 2 times (tcp://10.0.0.1:4001 on noeud1, "
        "tcp://10.0.0.2:4002 on noeud2); partial notebook: outputs/values/a/01-values.ipynb"
    )
    record = read_provenance(planned.output_dir)
    assert record["status"] == "failed" and record["notebook_output"] == "01-values.ipynb"
    assert record["html"] == "01-values.html"
    assert record["error"]["ename"] == "WorkerLost"
    assert [f["path"] for o in record["outputs"] for f in o["files"]] == ["tables/early.csv"]
    executed = json.loads((Path(planned.output_dir) / "01-values.ipynb").read_text())
    assert executed["metadata"]["papermill"]["input_path"] == "notebooks/01-values.ipynb"
    assert not cluster._attempts_path(planned).exists()


def test_starts_of_an_earlier_submission_do_not_count(planned, monkeypatch):
    seen = []

    def run(task):
        seen.append(task.lost_workers)
        return cluster.RunResult(task.chapter, task.run, "ok", task.output_dir, 1.0)

    monkeypatch.setattr(cluster, "execute_run", run)
    cluster._write_attempts(planned, "old", [{"worker": "w1"}, {"worker": "w2"}])
    assert cluster.execute_run_on_worker(planned, "new").status == "ok"
    cluster._write_attempts(planned, "new", [{"worker": "tcp://w1:1", "host": "a"}])
    assert cluster.execute_run_on_worker(planned, "new").status == "ok"
    assert seen == [(), ("the worker running it died once (tcp://w1:1 on a)",)]


def test_a_dying_local_worker_leaves_a_provenance_record(planned, monkeypatch):
    from research.pipeline import _execute

    def dies(task):
        raise RuntimeError("process pool broken")

    monkeypatch.setattr(_execute, "execute_run", dies)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        (result,) = execute_runs([planned], executor=pool)
    assert result.status == "failed" and "process pool broken" in result.message
    record = read_provenance(planned.output_dir)
    assert record["status"] == "failed" and record["executor"]["name"] == "ThreadPoolExecutor"
