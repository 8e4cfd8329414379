"""Chapter runs and corpus loading on a real Dask cluster (a LocalCluster of two workers).

One small cluster serves the whole module (two worker processes, one task each,
1 GiB of memory, no dashboard) and is shut down at the end. The project is made as
a new user makes one (``research init``, imported documents, a codebook, two
coders); chapters 01 and 03 run on this machine and on the cluster and must give
the same bytes. A worker process is killed during a run, for real, to see the run
started again elsewhere, or reported failed with its partial notebook after its
second worker dies, while the other runs go on.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
import time
from concurrent.futures import Executor
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from research.cli import main
from research.corpus import read_corpus
from research.nlp import annotate, cache_annotations
from research.pipeline import (
    dask_client,
    execute_runs,
    plan_runs,
    read_provenance,
    run_chapters,
)
from research.project import open_project

pytestmark = pytest.mark.slow
distributed = pytest.importorskip("distributed")

DATA = Path(__file__).resolve().parent / "data"
CODEBOOK = """\
id: terrain
label: Codes du terrain
codable: false
codes:
  - id: cooperation
    label: Coopération
  - id: origine
    label: Origine du projet
  - id: territoire
    label: Ancrage territorial
"""
PASSAGES = {
    "lea": [
        ("entretien", "La mairie a suivi", "territoire"),
        ("entretien", "La Fabrique nous a orientés", "cooperation"),
        ("compte-rendu", "Un marché de producteurs", "cooperation"),
    ],
    "sam": [
        ("entretien", "La mairie a suivi", "territoire"),
        ("entretien", "La Fabrique nous a orientés", "origine"),
        ("compte-rendu", "Un marché de producteurs", "cooperation"),
    ],
}


def _cli(*args: str) -> None:
    assert main(list(args)) == 0, args


@pytest.fixture(scope="module")
def client():
    """Two worker processes on this machine, for the whole module."""
    with dask_client("local", workers=2, memory_limit="1GiB") as client:
        yield client


@pytest.fixture(scope="module")
def new_project(tmp_path_factory) -> Path:
    """A project made as a new user makes one: two imported documents, two coders."""
    root = tmp_path_factory.mktemp("cluster") / "these"
    _cli("init", str(root))
    loaders = DATA / "loaders"
    _cli("import", str(loaders / "compte-rendu.odt"), "--kind", "minutes", "-C", str(root))
    _cli("import", str(loaders / "entretien.trs"), "--kind", "interview", "-C", str(root))
    (root / "codebook" / "terrain.yaml").write_text(CODEBOOK, encoding="utf-8")
    for coder, passages in PASSAGES.items():
        for doc_id, words, code in passages:
            _cli(
                "code", "text", doc_id, words, f"terrain.{code}", "--coder", coder, "-C", str(root)
            )
    return root


# -- the same outputs as on this machine -----------------------------------------------------

_TIMES = ("started", "finished", "timings", "executor")


def _run_files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _without_times(notebook: bytes) -> dict:
    """An executed notebook without the clock readings of papermill and nbclient."""
    nb = json.loads(notebook)
    for holder in [nb, *nb["cells"]]:
        record = holder.get("metadata", {}).get("papermill", {})
        for key in ("start_time", "end_time", "duration"):
            record.pop(key, None)
        holder.get("metadata", {}).pop("execution", None)
    return nb


def test_chapters_on_the_cluster_give_the_same_bytes_as_on_this_machine(
    new_project, client, capsys
):
    chapters = ["corpus-overview", "coding-and-agreement"]
    project = open_project(new_project)
    local = run_chapters(project, chapters, jobs=1)
    assert [r.status for r in local] == ["ok", "ok"], [r.describe() for r in local]
    outputs = project.paths.outputs
    before = {c: _run_files(outputs / c / "default") for c in chapters}
    address = client.scheduler.address
    shutil.rmtree(new_project / ".cache" / "nlp")  # chapter 01 annotates: on the cluster now
    capsys.readouterr()
    _cli("run", *chapters, "--force", "--scheduler", address, "-C", str(new_project))
    assert "2 document(s) annotated on the cluster for the chapters" in capsys.readouterr().out
    for chapter in chapters:
        after = _run_files(outputs / chapter / "default")
        assert sorted(after) == sorted(before[chapter])
        for name, data in after.items():
            if name == "provenance.json":
                old, new = json.loads(before[chapter][name]), json.loads(data)
                assert new["executor"]["name"] == f"dask {address}"
                assert old["executor"]["name"] == "this process"
                assert {k: v for k, v in new.items() if k not in _TIMES} == {
                    k: v for k, v in old.items() if k not in _TIMES
                }
            elif name.endswith(".ipynb"):
                assert _without_times(data) == _without_times(before[chapter][name])
            else:
                assert data == before[chapter][name], f"{chapter}/default/{name} differs"
        tables = [n for n in after if n.startswith("tables/") and n.endswith(".csv")]
        assert tables, chapter


def test_the_corpus_loads_through_the_cluster_as_here(new_project, client):
    folder = new_project / "corpus" / "documents"
    here, problems_here = read_corpus(folder, root=new_project)
    there, problems_there = read_corpus(
        folder, root=new_project, executor=client.get_executor(pure=False)
    )
    assert here.documents.equals(there.documents) and here.segments.equals(there.segments)
    assert problems_here == problems_there
    project = open_project(new_project, executor=client.get_executor(pure=False))
    assert project.codings.equals(open_project(new_project).codings)
    assert len(project.codings) == 6


class _Watched(Executor):
    """A Dask client's executor that keeps what each task sent back."""

    def __init__(self, executor):
        self.executor, self.results = executor, []

    def submit(self, fn, /, *args, **kwargs):
        future = self.executor.submit(fn, *args, **kwargs)
        future.add_done_callback(lambda f: self.results.append(f.result()))
        return future


def test_annotation_runs_on_the_cluster_and_only_counts_come_back(new_project, client, tmp_path):
    corpus = open_project(new_project).corpus
    here = annotate(corpus)
    watched = _Watched(client.get_executor(pure=False))
    there = annotate(corpus, cache_dir=tmp_path, executor=watched, task_characters=200)
    pd.testing.assert_frame_equal(there, here)
    assert len(watched.results) == 2  # one task per batch of documents (two documents here)
    assert [[type(n) for n in result] for result in watched.results] == [[int], [int]]
    assert sum(n for result in watched.results for n in result) == len(here)
    assert len(list(tmp_path.rglob("*.parquet"))) == 2  # the workers wrote the cache
    assert cache_annotations(corpus, cache_dir=tmp_path, executor=watched) == 0


# -- a worker killed during a run ----------------------------------------------------------------

_BLOCKING = [
    "run = 'a'  # which run this is\n",
    # every start records the worker process (the kernel's parent), then waits
    # until the test lets it go
    "import os, pathlib, time\n"
    "from research.pipeline import save_table\n"
    "import pandas as pd\n"
    "signals = pathlib.Path('signals')\n"
    "start = len(list(signals.glob(f'{run}-*.pid'))) + 1\n"
    "save_table(pd.DataFrame({'start': [start]}), 'before')\n"
    "(signals / f'{run}-{start}.pid').write_text(str(os.getppid()))\n",
    "deadline = time.time() + 240\n"
    "while not (signals / f'release-{run}').exists() and time.time() < deadline:\n"
    "    time.sleep(0.2)\n",
    "save_table(pd.DataFrame({'run': [run]}), 'after')\n",
]


def _blocking_project(root: Path) -> Path:
    shutil.copytree(DATA / "pipeline" / "project", root)
    shutil.copytree(DATA / "pipeline" / "notebooks", root / "notebooks")
    (root / "signals").mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in _BLOCKING]
    nb.cells[0].metadata["tags"] = ["parameters"]
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "P"}
    nbformat.write(nb, root / "notebooks" / "04-blocking.ipynb")
    with (root / "notebooks" / "chapters.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "  - id: blocking\n    notebook: 04-blocking.ipynb\n    title: Attente\n"
            "    runs:\n      - id: once\n        parameters: {run: once}\n"
            "      - id: twice\n        parameters: {run: twice}\n"
        )
    return root


def _wait_for(path: Path, seconds: float = 240) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.is_file() and path.read_text().strip():
            return int(path.read_text())
        time.sleep(0.2)
    raise AssertionError(f"{path.name} never appeared")


def test_a_killed_worker_restarts_the_run_once_then_reports_it_with_its_notebook(tmp_path, client):
    root = _blocking_project(tmp_path / "project")
    signals = root / "signals"
    plans = plan_runs(open_project(root), ["blocking", "values/a"])
    results: list = []
    runner = threading.Thread(target=lambda: results.extend(execute_runs(plans, executor=client)))
    runner.start()
    try:
        os.kill(_wait_for(signals / "once-1.pid"), signal.SIGKILL)
        os.kill(_wait_for(signals / "twice-1.pid"), signal.SIGKILL)
        _wait_for(signals / "once-2.pid")
        (signals / "release-once").touch()
        os.kill(_wait_for(signals / "twice-2.pid"), signal.SIGKILL)
    finally:
        (signals / "release-twice").touch()
        runner.join(timeout=600)
    assert not runner.is_alive()
    by_label = {r.label: r for r in results}
    assert by_label["values/a"].status == "ok"

    once = by_label["blocking/once"]
    assert once.status == "ok", once.describe()
    assert "started again after the worker running it died once" in once.describe()
    record = read_provenance(root / "outputs" / "blocking" / "once")
    assert record["status"] == "ok" and len(record["executor"]["started_again_after"]) == 1
    assert (root / "outputs" / "blocking" / "once" / "tables" / "after.csv").is_file()

    twice = by_label["blocking/twice"]
    assert twice.status == "failed"
    assert "the worker running it died 2 times" in twice.message
    assert "partial notebook: outputs/blocking/twice/04-blocking.ipynb" in twice.message
    folder = root / "outputs" / "blocking" / "twice"
    record = read_provenance(folder)
    assert record["status"] == "failed" and record["notebook_output"] == "04-blocking.ipynb"
    assert record["html"] == "04-blocking.html" and (folder / "04-blocking.html").is_file()
    assert [o["name"] for o in record["outputs"]] == ["before"]
    assert (folder / "tables" / "before.csv").read_text().splitlines()[1] == "2"
    assert not (signals / "twice-3.pid").exists()  # no third start
    assert not list((root / "outputs" / "blocking").glob(".*attempts*"))


def _held_by_scheduler(client, label: str) -> list[str]:
    """The states of the scheduler's tasks of one run (none once its result is let go)."""

    def states(dask_scheduler, label=label):
        return [ts.state for key, ts in dask_scheduler.tasks.items() if f"-{label}-" in str(key)]

    return client.run_on_scheduler(states)


def _wait_until(condition, seconds: float = 120) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_a_run_whose_worker_dies_after_it_ended_is_not_run_again(tmp_path, client):
    """A run's result, once in, is let go by the scheduler: the later death of the
    worker that ran it must not start the notebook again (which would empty its folder
    while the user reads it)."""
    root = _blocking_project(tmp_path / "project")
    signals = root / "signals"
    (signals / "release-once").touch()
    plans = plan_runs(open_project(root), ["blocking"])
    results: list = []
    runner = threading.Thread(target=lambda: results.extend(execute_runs(plans, executor=client)))
    runner.start()
    folder = root / "outputs" / "blocking" / "once"
    try:
        _wait_for(signals / "twice-1.pid")
        assert _wait_until(lambda: (read_provenance(folder) or {}).get("status") == "ok")
        assert _wait_until(lambda: not _held_by_scheduler(client, "blocking/once")), (
            "the scheduler still holds the result of a run that ended"
        )
        os.kill(int((signals / "once-1.pid").read_text()), signal.SIGKILL)
        time.sleep(3)
    finally:
        (signals / "release-twice").touch()
        runner.join(timeout=600)
    assert not runner.is_alive()
    assert {r.label: r.status for r in results}["blocking/once"] == "ok"
    assert not (signals / "once-2.pid").exists()
    assert read_provenance(folder)["status"] == "ok"
    assert (folder / "tables" / "after.csv").is_file()


# -- workers that could not give the same outputs ------------------------------------------------


def test_workers_that_cannot_see_the_project_or_run_other_versions_are_refused(
    client, tmp_path, monkeypatch
):
    from research.errors import PipelineError
    from research.pipeline import _provenance, check_workers

    assert check_workers(client, tmp_path) == 2
    with pytest.raises(PipelineError, match=r"cannot see the project folder /nowhere/these"):
        check_workers(client, "/nowhere/these")
    here = dict(_provenance.package_versions())
    monkeypatch.setattr(_provenance, "package_versions", lambda: {**here, "pandas": "0.1"})
    with pytest.raises(
        PipelineError, match=r"runs other package versions: pandas \S+ \(here 0\.1\)"
    ):
        check_workers(client, tmp_path)


def test_the_scheduler_of_research_yaml_is_used_unless_none_is_asked(tmp_path, client, capsys):
    root = tmp_path / "project"
    shutil.copytree(DATA / "pipeline" / "project", root)
    shutil.copytree(DATA / "pipeline" / "notebooks", root / "notebooks")
    address = client.scheduler.address
    (root / "research.yaml").write_text(f"executor:\n  dask: {address}\n", encoding="utf-8")
    _cli("run", "values/a", "-C", str(root))
    assert f"Dask scheduler {address} (2 worker(s))" in capsys.readouterr().err
    record = read_provenance(root / "outputs" / "values" / "a")
    assert record["executor"]["name"] == f"dask {address}"
    _cli("run", "values/a", "--force", "--scheduler", "none", "-j", "1", "-C", str(root))
    assert read_provenance(root / "outputs" / "values" / "a")["executor"]["name"] == "this process"
