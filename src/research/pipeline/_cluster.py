"""Chapter runs on a Dask distributed cluster: connecting, checking the workers, retrying.

:func:`dask_client` connects to a running Dask scheduler (``tcp://host:8786``) or
starts a :class:`distributed.LocalCluster` on this machine (``"local"``), and
closes what it started on exit. :func:`execute_runs <research.pipeline.execute_runs>`
given such a client (or its ``get_executor()``) sends each chapter run to the
cluster as one task (:func:`execute_run_on_worker`); Dask decides where it runs.

What a run on a worker needs
    The project folder, at the same absolute path on every machine (a shared file
    system): workers read the notebooks and inputs and write the run folders
    there themselves. Only the planned run (paths, parameters, hashes: a few
    kilobytes) goes to the worker, and only its result (status, seconds, a
    message) comes back. Every worker must run the same versions of the
    packages and of ``research`` as the machine that plans the runs, or the
    outputs could differ from a local run: :func:`check_workers` refuses a
    cluster that does not.

Workers that die
    A worker that dies during a run (killed, out of memory, its machine lost)
    loses the run's kernel with it. The run is started once more, on another
    worker; if that worker dies too, the run is reported as failed, with the
    partial notebook written so far and a ``provenance.json`` that says so,
    while the other runs go on. Each start of a run is recorded beside its folder
    (``outputs/<chapter>/.<run>.attempts.json``, removed when the run ends), so
    the count holds whatever the scheduler's own ``allowed-failures`` setting is:
    Dask reschedules a task whose worker died by itself, and a start that finds
    two earlier starts of the same submission does not run again.

The known traps of parallel notebook runs (kernel ports, stalled shutdowns,
see :mod:`research.pipeline._kernels`) are avoided on workers as locally: a
worker runs :func:`research.pipeline.execute_run`, which starts each kernel with
its own IPC socket folder and stops it immediately.

Examples
--------
>>> executor_name(None, workers=1)
'this process'
>>> executor_name(None, workers=2)
'local pool of 2 processes'
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from research.errors import PipelineError
from research.pipeline._runs import PlannedRun, RunResult, execute_run, run_failed

if TYPE_CHECKING:
    from distributed import Client

    from research.project import Project

__all__ = [
    "INSTALL_HINT",
    "LOCAL_SCHEDULER",
    "MAX_STARTS",
    "annotate_for_runs",
    "check_workers",
    "dask_client",
    "dask_client_of",
    "execute_run_on_worker",
    "executor_name",
    "run_on_dask",
]

#: The ``--scheduler`` value that starts a cluster on this machine.
LOCAL_SCHEDULER = "local"
INSTALL_HINT = "pip install 'research[cluster]'"
#: Starts of one run: the first, and one more after its worker died.
MAX_STARTS = 2
_ATTEMPTS_SUFFIX = ".attempts.json"


def _distributed() -> Any:
    """The ``distributed`` package, or an error that says how to install it."""
    try:
        import distributed
    except ImportError:
        raise PipelineError(
            "running on a Dask cluster needs the packages dask and distributed, which are "
            f"not installed here (hint: install them with {INSTALL_HINT})"
        ) from None
    return distributed


@contextlib.contextmanager
def dask_client(
    address: str,
    *,
    workers: int | None = None,
    memory_limit: str | float | None = None,
    quiet: bool = True,
) -> Iterator[Client]:
    """A Dask client for ``address``, closed on exit (with the cluster it started).

    Parameters
    ----------
    address : str
        A scheduler's address (``tcp://192.168.1.20:8786``, or ``host:port``), or
        ``"local"`` to start a :class:`distributed.LocalCluster` of worker
        processes on this machine.
    workers : int, optional
        Workers of a local cluster (default: one per core); each runs one task
        at a time.
    memory_limit : str or float, optional
        Memory of each local worker (``"2GiB"``); default: the machine's memory
        shared between them.
    quiet : bool
        Show only the errors of a local cluster's log, not its warnings.

    Raises
    ------
    PipelineError
        When dask and distributed are not installed, or the scheduler cannot be
        reached.
    """
    distributed = _distributed()
    if address == LOCAL_SCHEDULER:
        cluster = distributed.LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            memory_limit=memory_limit if memory_limit is not None else "auto",
            silence_logs=logging.ERROR if quiet else logging.WARNING,
        )
        try:
            with distributed.Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = distributed.Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise PipelineError(
            f"cannot reach the Dask scheduler at {address} ({type(exc).__name__}: {exc}) "
            "(hint: start it with 'dask scheduler' on that machine and check the address "
            "and port, or use --scheduler local to try on this machine)"
        ) from None
    try:
        yield client
    finally:
        client.close()


def dask_client_of(executor: Any) -> Client | None:
    """The Dask client behind ``executor`` (a client or its executor), else ``None``."""
    if executor is None or not type(executor).__module__.startswith("distributed"):
        return None
    client = getattr(executor, "_client", executor)
    return client if hasattr(client, "submit") and hasattr(client, "scheduler") else None


def executor_name(executor: Executor | Any | None, *, workers: int = 1) -> str:
    """How a run was executed, in a few words (recorded in its provenance).

    ``None`` is the local default: this process for one worker, else a pool of
    ``workers`` processes; a Dask client gives ``dask`` and its scheduler's address.
    """
    client = dask_client_of(executor)
    if client is not None:
        return f"dask {client.scheduler.address}"
    if executor is None:
        return "this process" if workers == 1 else f"local pool of {workers} processes"
    return type(executor).__name__


# -- checking the workers ------------------------------------------------------------------


def _worker_view(root: str) -> dict[str, Any]:
    """What a worker sees: the project folder, its software (run on each worker)."""
    from research.pipeline._provenance import code_hash, package_versions

    return {
        "host": socket.gethostname(),
        "project": os.path.isdir(root),
        "code": code_hash(),
        "versions": package_versions(),
    }


def check_workers(client: Client, root: str | os.PathLike, *, timeout: float = 60) -> int:
    """Refuse a cluster whose workers cannot give the same outputs as this machine.

    Every worker must see the project folder at the same path and run the same
    ``research`` source and package versions (see :func:`research.pipeline.package_versions`).

    Returns
    -------
    int
        The number of workers.

    Raises
    ------
    PipelineError
        Naming the first worker that differs and what to do.
    """
    from research.pipeline._provenance import code_hash, package_versions

    try:
        client.wait_for_workers(1, timeout=timeout)
    except (TimeoutError, OSError):
        raise PipelineError(
            f"the Dask scheduler {client.scheduler.address} has no worker after {timeout:.0f} s "
            "(hint: start workers with 'dask worker ADDRESS' on the machines that should run "
            "the chapters)"
        ) from None
    views = client.run(_worker_view, str(root))
    mine_code, mine_versions = code_hash(), package_versions()
    for address, view in sorted(views.items()):
        where = f"worker {address} (machine {view['host']})"
        if not view["project"]:
            raise PipelineError(
                f"{where} cannot see the project folder {root} (hint: put the project on a "
                "file system every machine shares, mounted at the same path, and run "
                "'research run' from there)"
            )
        other = {
            name: version
            for name, version in view["versions"].items()
            if mine_versions.get(name) != version
        }
        if other:
            listed = ", ".join(
                f"{name} {version} (here {mine_versions.get(name, 'absent')})"
                for name, version in sorted(other.items())
            )
            raise PipelineError(
                f"{where} runs other package versions: {listed} (hint: install the same "
                "versions on every machine, or outputs could differ from a local run)"
            )
        if view["code"] != mine_code:
            raise PipelineError(
                f"{where} runs another version of the research package's code (hint: install "
                "the same research version on every machine, from the same commit)"
            )
    return len(views)


# -- one run on a worker -----------------------------------------------------------------------


def _attempts_path(task: PlannedRun) -> Path:
    output = Path(task.output_dir)
    return output.parent / f".{output.name}{_ATTEMPTS_SUFFIX}"


def _read_attempts(task: PlannedRun, token: str) -> list[dict[str, Any]]:
    """The earlier starts of this submission of the run (none for another submission)."""
    try:
        record = json.loads(_attempts_path(task).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(record, dict) or record.get("token") != token:
        return []
    return [a for a in record.get("attempts", []) if isinstance(a, dict)]


def _write_attempts(task: PlannedRun, token: str, attempts: list[dict[str, Any]]) -> None:
    from research.files import atomic_write_text

    path = _attempts_path(task)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps({"token": token, "attempts": attempts}, indent=1) + "\n")


def _forget_attempts(task: PlannedRun) -> None:
    with contextlib.suppress(OSError):
        _attempts_path(task).unlink()


def _this_worker() -> dict[str, Any]:
    address = None
    with contextlib.suppress(Exception):
        from distributed import get_worker

        address = get_worker().address
    return {
        "worker": address,
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "started": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
    }


def _lost_message(attempts: Sequence[dict[str, Any]]) -> str:
    workers = ", ".join(
        f"{a.get('worker') or 'a worker'} on {a.get('host') or '?'}" for a in attempts
    )
    times = "once" if len(attempts) == 1 else f"{len(attempts)} times"
    return f"the worker running it died {times} ({workers})"


def execute_run_on_worker(task: PlannedRun, token: str) -> RunResult:
    """Execute one planned run on a Dask worker, counting its starts (see the module).

    ``token`` names one submission of the run: starts recorded under another
    token (an earlier, interrupted ``research run``) do not count.
    """
    if not Path(task.root).is_dir():
        return RunResult(
            task.chapter,
            task.run,
            "failed",
            task.output_dir,
            message=f"the project folder {task.root} is not visible on {socket.gethostname()} "
            "(hint: every worker must see the project at the same path)",
        )
    earlier = _read_attempts(task, token)
    if len(earlier) >= MAX_STARTS:
        _forget_attempts(task)
        return run_failed(task, _lost_message(earlier))
    _write_attempts(task, token, [*earlier, _this_worker()])
    lost = tuple(_lost_message(earlier[i : i + 1]) for i in range(len(earlier)))
    try:
        return execute_run(replace(task, lost_workers=lost))
    finally:
        _forget_attempts(task)


# -- many runs ---------------------------------------------------------------------------------


def _worker_lost(error: BaseException) -> bool:
    """Whether a task's error says that its worker was lost (not that the run failed)."""
    from distributed import KilledWorker
    from distributed.comm import CommClosedError

    return isinstance(error, KilledWorker | CommClosedError)


def run_on_dask(
    todo: Sequence[tuple[int, PlannedRun]],
    client: Client,
    done: Callable[[int, RunResult], None],
) -> None:
    """Run planned runs on a Dask cluster, one task each, reporting each as it ends.

    Runs are given priorities in the order of ``todo`` (the longest first). A run
    whose worker died is started once more, on another worker (by Dask itself,
    or here when the scheduler gave up on it after its first worker); a run that
    lost two workers is reported failed with its partial notebook.
    """
    distributed = _distributed()
    if todo:
        check_workers(client, todo[0][1].root)
    token = uuid.uuid4().hex
    count = len(todo)
    futures: dict[Any, tuple[int, PlannedRun, int]] = {}

    def submit(index: int, task: PlannedRun, priority: int, attempt: int) -> Any:
        key = f"research-run-{task.label}-{token}-{attempt}"
        future = client.submit(
            execute_run_on_worker, task, token, key=key, pure=False, priority=priority
        )
        futures[future] = (index, task, priority)
        return future

    pending = distributed.as_completed(
        [submit(index, task, count - rank, 1) for rank, (index, task) in enumerate(todo)]
    )
    resubmitted: set[int] = set()
    for future in pending:
        index, task, priority = futures.pop(future)
        try:
            result = future.result()
        except Exception as exc:
            if not _worker_lost(exc):
                result = run_failed(task, f"the worker failed: {type(exc).__name__}: {exc}")
            else:
                earlier = _read_attempts(task, token)
                if len(earlier) < MAX_STARTS and index not in resubmitted:
                    resubmitted.add(index)
                    pending.add(submit(index, task, priority, 2))
                    continue
                _forget_attempts(task)
                result = run_failed(task, _lost_message(earlier) if earlier else str(exc))
        finally:
            # the scheduler must not keep a result that is in: the death of the worker
            # holding it would run the notebook again (and empty its run folder)
            future.release()
        done(index, result)


# -- annotation before the runs ------------------------------------------------------------------


def _annotates(notebook: str | os.PathLike) -> bool:
    """Whether a chapter notebook annotates the corpus (calls ``research.nlp.annotate``)."""
    try:
        cells = json.loads(Path(notebook).read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return False
    for cell in cells:
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else str(source)
        if cell.get("cell_type") == "code" and "research.nlp" in text and "annotate(" in text:
            return True
    return False


def annotate_for_runs(project: Project, plans: Sequence[PlannedRun], client: Client) -> int:
    """Annotate the corpus on the cluster before runs whose notebooks annotate it.

    A chapter that calls :func:`research.nlp.annotate` (chapters 01 and 06 do)
    would otherwise annotate the whole corpus in its one kernel. Here the corpus
    is loaded and annotated in coarse tasks of the cluster, which write the
    tokens to the project's cache (``.cache/nlp``, in the shared project folder)
    and send back only their number; the kernels then read the cache.

    Returns
    -------
    int
        The documents annotated (0 when no run needs it, or all were cached).
    """
    from research.errors import ResearchError
    from research.nlp import cache_annotations

    todo = [p for p in plans if not p.cached and not p.problem]
    if not any(_annotates(p.notebook) for p in todo):
        return 0
    check_workers(client, project.root)
    executor = client.get_executor(pure=False)
    project.executor = executor
    try:
        corpus = project.reload().corpus
    except ResearchError:  # the runs report the project's own problems
        return 0
    if not len(corpus):
        return 0
    return cache_annotations(corpus, cache_dir=project.paths.cache / "nlp", executor=executor)
