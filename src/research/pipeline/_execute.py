"""Running the chapter notebooks: one command regenerates every analysis into ``outputs/``.

:func:`run_chapters` runs each run of each chapter of ``notebooks/chapters.yaml``
(see :mod:`research.pipeline`) with papermill, in a fresh kernel whose working
directory is the project root, and writes into ``outputs/<chapter>/<run>/``:

- the executed notebook (``<notebook>.ipynb``, kept even when a cell fails) and
  its HTML rendering (``<notebook>.html``; code hidden with ``no_code=True``);
- the figures, tables and quotes the notebook saved through :mod:`research.pipeline`
  (``figures/``, ``tables/``, ``quotes/``);
- ``provenance.json``: effective parameters, the SHA-256 of every input file
  (``corpus/``, ``codebook/``, ``research.yaml`` and any file the notebook
  recorded with :func:`research.pipeline.record_input`), the codebook version,
  package versions, the git commit, timings, and the list of outputs with hashes.

Caching
    The cache key of a run hashes the notebook's cells (not their outputs: running
    a chapter in JupyterLab does not invalidate it), its parameters, the input
    files, the package versions and the ``research`` source code. A run whose key
    equals the one in its ``provenance.json`` (and whose recorded inputs are
    unchanged) is skipped; ``force=True`` reruns it.

Parallelism
    Runs go through one :class:`concurrent.futures.Executor`: a local process pool
    of ``jobs`` workers by default, or any executor passed as ``executor=``; a
    Dask distributed client (or its ``get_executor()``) sends each run to its
    cluster as one task (:mod:`research.pipeline._cluster`). Longest runs (by
    their last duration) start first. The provenance of each run names the
    executor that ran it.

Failures
    A failing run is reported with its chapter, the cell and the error; its
    partial executed notebook is kept; the other runs go on. A run whose worker
    died is reported the same way (on a Dask cluster, after one more start on
    another worker).

Examples
--------
>>> run_id_for({"edition": "SUT2017", "seed": 3})
'edition-SUT2017_seed-3'
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import threading
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from research.errors import PipelineError
from research.pipeline._chapters import (
    CHAPTERS_FILE,
    Chapter,
    RunSpec,
    check_parameters,
    coerce_value,
    notebook_parameters,
    read_chapters,
    select_chapters,
)
from research.pipeline._provenance import (
    cache_key,
    code_hash,
    combined_hash,
    file_sha256,
    git_commit,
    notebook_sha256,
    package_versions,
    read_provenance,
    tree_hashes,
)
from research.pipeline._runs import PlannedRun, RunResult, execute_run, not_started, run_failed

if TYPE_CHECKING:
    from research.project import Project

__all__ = [
    "ENV_CHAPTER",
    "ENV_OUTPUT_DIR",
    "ENV_PROJECT",
    "ENV_RUN",
    "ConsoleProgress",
    "execute_runs",
    "input_paths",
    "plan_runs",
    "run_chapters",
    "run_id_for",
]

ENV_OUTPUT_DIR = "RESEARCH_OUTPUT_DIR"
ENV_CHAPTER = "RESEARCH_CHAPTER"
ENV_RUN = "RESEARCH_RUN"
ENV_PROJECT = "RESEARCH_PROJECT"
DURATIONS_FILE = "pipeline-durations.json"


# -- planning -------------------------------------------------------------------------------


def input_paths(project: Project) -> list[Path]:
    """The files and folders whose content every chapter may read."""
    from research.project import SETTINGS_FILE

    paths = project.paths
    return [
        paths.corpus,
        paths.documents,
        paths.tables,
        paths.codings,
        paths.codebook,
        project.root / SETTINGS_FILE,
    ]


_RUN_ID_CHARS = 48  # a plain name longer than this is shortened
_KEY_CHARS, _VALUE_CHARS = 14, 12  # characters kept of each key and value in a shortened name


def run_id_for(parameters: Mapping[str, Any]) -> str:
    """A folder name for a run with ad-hoc parameters (``key-value`` pairs).

    A short set of plain values gives ``key-value`` pairs joined by ``_``. Long
    or unusual values give a short name that stays readable: the first pairs,
    each value cut to a few characters, then ``~`` and a short hash of every
    parameter, so two different parameter sets never share a folder.

    Examples
    --------
    >>> run_id_for({})
    'defaults'
    >>> run_id_for({"edition": "SUT2017", "seed": 3})
    'edition-SUT2017_seed-3'
    >>> run_id_for({"note": "a/b"})[:7]
    'note-a_'
    >>> run_id_for({"codes": "iw.creating.*,iw.maintaining.*", "framework_rows": "respondent_category"})
    'codes-iw.creating_framework_rows-respondent_c~...'
    """
    if not parameters:
        return "defaults"
    items = sorted(parameters.items())
    text = "_".join(f"{k}-{_slug(v)}" for k, v in items)
    if len(text) <= _RUN_ID_CHARS and all(_slug(v) == str(v) for v in parameters.values()):
        return text
    digest = hashlib.sha256(json.dumps(parameters, sort_keys=True, default=str).encode())
    pairs: list[str] = []
    for key, value in items:
        pair = f"{key[:_KEY_CHARS]}-{_slug(value)[:_VALUE_CHARS].rstrip('_.+-')}"
        if pairs and len("_".join([*pairs, pair])) > _RUN_ID_CHARS:
            break
        pairs.append(pair)
    return f"{'_'.join(pairs)[:_RUN_ID_CHARS]}~{digest.hexdigest()[:8]}"


def _slug(value: Any) -> str:
    """The value with ASCII letters only (accents dropped) and ``_`` for anything else."""
    text = unicodedata.normalize("NFKD", "none" if value is None else str(value))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^A-Za-z0-9.+-]+", "_", text)
    return re.sub(r"[.+-]*_[._+-]*", "_", text).strip("_") or "_"


def _declared(chapter: Chapter) -> list | None:
    return notebook_parameters(chapter.notebook) if chapter.notebook.is_file() else None


def _chapter_runs(
    chapter: Chapter, runs: list[RunSpec], overrides: Mapping[str, str]
) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """``(run id, injected parameters, effective parameters)`` of a chapter's runs."""
    declared = _declared(chapter)
    if declared is None:  # a missing notebook: reported when the run starts
        return [(r.id, dict(r.parameters), dict(r.parameters)) for r in runs]
    where = f"chapter {chapter.id!r}"
    defaults = {p.name: p.default for p in declared}
    types = {p.name: p.type for p in declared}
    check_parameters(dict.fromkeys(overrides), declared, where=where, check_types=False)
    typed: dict[str, Any] = {}
    for key, text in overrides.items():
        try:
            typed[key] = coerce_value(text, types[key])
        except ValueError as exc:
            raise PipelineError(f"{where}, parameter {key!r}: {exc}") from None
    for run in chapter.runs:
        check_parameters(run.parameters, declared, where=f"{where}, run {run.id!r}")
    if not typed:
        return [(r.id, dict(r.parameters), {**defaults, **r.parameters}) for r in runs]
    configured = [(r.id, {**defaults, **r.parameters}) for r in chapter.runs]
    result: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    for run in runs:
        effective = {**defaults, **run.parameters, **typed}
        if any(effective == planned for _, _, planned in result):
            continue
        same = [run_id for run_id, params in configured if params == effective]
        changed = {k: v for k, v in effective.items() if v != defaults.get(k)}
        run_id = same[0] if same else run_id_for(changed)
        result.append((run_id, {**run.parameters, **typed}, effective))
    return result


#: Parameters whose value names something of the project: what they name, and
#: where such ids come from (for the hint).
_NAMED = {
    "edition": ("edition", "add it to the editions table of corpus/tables"),
    "animator": ("actor", "add it to the actors table of corpus/tables"),
    "coder": ("coder", "a coder is known once corpus/codings/<coder>.csv exists"),
    "second_coder": ("coder", "a coder is known once corpus/codings/<coder>.csv exists"),
}


def _known_values(project: Project, what: str) -> set[str] | None:
    """The ids the project knows for ``what``; ``None`` when they cannot be read
    (the run then reports the project's own problem)."""
    from research.errors import ResearchError

    try:
        if what == "coder":
            from research.coding import coding_files

            return {p.stem for p in coding_files(project.paths.codings)}
        table = project.tables["editions" if what == "edition" else "actors"]
        column = "edition_id" if what == "edition" else "actor_id"
        return set(table[column].dropna().astype(str))
    except (ResearchError, KeyError, OSError):
        return None


def _check_named_values(project: Project, planned: Sequence[tuple]) -> None:
    """Refuse, before anything runs, a run or ``-p`` value naming an edition, an
    actor or a coder that the project does not have."""
    known: dict[str, set[str] | None] = {}
    for chapter, run_id, injected, _ in planned:
        for key, value in injected.items():
            if key not in _NAMED or value is None or not isinstance(value, str):
                continue
            what, where = _NAMED[key]
            if what not in known:
                known[what] = _known_values(project, what)
            ids = known[what]
            if ids is None or value in ids:
                continue
            listed = ", ".join(sorted(ids)[:12]) or "none"
            raise PipelineError(
                f"chapter {chapter.id!r}, run {run_id!r}: parameter {key}={value!r} names no "
                f"{what} of the project (known: {listed}) (hint: correct the value given "
                f"with -p or in notebooks/chapters.yaml; {where})"
            )


def _takers_hint(chosen: list[tuple[Chapter, list[RunSpec]]], overrides: Mapping[str, str]) -> str:
    """Which selected chapters take the ``-p`` keys, to say which ones to name."""
    names = {c.id: {p.name for p in _declared(c)} for c, _ in chosen if c.notebook.is_file()}
    hints = []
    for key in overrides:
        takers = [chapter for chapter, accepted in names.items() if key in accepted]
        if takers:
            hints.append(f"{key!r} is a parameter of {', '.join(takers)}")
    every = [chapter for chapter, accepted in names.items() if set(overrides) <= accepted]
    if every:
        hints.append(f"run e.g. 'research run {every[0]} -p …'")
    return f" (hint: {'; '.join(hints)})" if hints else ""


def _environment(task_root: Path, output: Path, chapter: str, run: str) -> dict[str, str]:
    return {
        ENV_OUTPUT_DIR: str(output),
        ENV_CHAPTER: chapter,
        ENV_RUN: run,
        ENV_PROJECT: str(task_root),
        "PYTHONHASHSEED": "0",
        "SOURCE_DATE_EPOCH": "0",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }


def _unchanged(record: Mapping[str, Any] | None, key: str, output: Path, root: Path) -> bool:
    if not record or record.get("status") != "ok" or record.get("cache_key") != key:
        return False
    for name in (record.get("notebook_output"), record.get("html")):
        if not name or not (output / name).is_file():
            return False
    for rel, digest in (record.get("recorded_inputs") or {}).items():
        path = root / rel
        if not path.is_file() or file_sha256(path) != digest:
            return False
    return True


def _read_durations(path: Path) -> dict[str, float]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: float(v) for k, v in data.items() if isinstance(v, int | float)}


def _remember_durations(plans: Sequence[PlannedRun], results: Sequence[RunResult]) -> None:
    """Keep the last duration of each executed run, to start the longest first next time.

    The file lives in the project's cache folder, so it survives a deleted
    ``outputs/``; losing it only loses the ordering hint.
    """
    from research.files import atomic_write_text

    by_file: dict[str, dict[str, float]] = {}
    for plan, result in zip(plans, results, strict=True):
        if plan.durations_file and result.status == "ok":
            by_file.setdefault(plan.durations_file, {})[plan.label] = result.seconds
    for name, new in by_file.items():
        path = Path(name)
        merged = _read_durations(path) | new
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(path, json.dumps(dict(sorted(merged.items())), indent=1) + "\n")
        except OSError:
            pass


def plan_runs(
    project: Project,
    selection: Sequence[str] | None = None,
    *,
    parameters: Mapping[str, str] | None = None,
    no_code: bool = False,
    force: bool = False,
    chapters_file: str | os.PathLike | None = None,
) -> list[PlannedRun]:
    """Plan the runs to execute: parameters, output folders, cache keys.

    Parameters
    ----------
    project : Project
    selection : sequence of str, optional
        Chapters (and ``chapter/run``) to run; all by default.
    parameters : mapping of str to str, optional
        ``-p key=value`` overrides, read as each notebook declares the key. Every
        key must be a parameter of every selected chapter. Runs that become
        identical are run once; a run whose parameters match a configured run
        reuses its folder, others get a folder named after their parameters.
    no_code : bool
        Render the HTML without code cells.
    force : bool
        Plan every run, even the unchanged ones.
    chapters_file : path-like, optional
        The chapter list (default: ``notebooks/chapters.yaml``).

    Returns
    -------
    list of PlannedRun
        ``cached`` is true for the runs that can be skipped; ``problem`` is set
        for runs that cannot start (a missing notebook).

    Raises
    ------
    PipelineError
        For an unknown chapter or run, or an unknown or ill-typed parameter.
    InputError
        For a malformed chapter list.
    """
    chapters = read_chapters(chapters_file or project.paths.notebooks / CHAPTERS_FILE)
    chosen = select_chapters(chapters, selection)
    overrides = dict(parameters or {})
    planned: list[tuple[Chapter, str, dict, dict]] = []
    for chapter, runs in chosen:
        try:
            found = _chapter_runs(chapter, runs, overrides)
        except PipelineError as error:
            raise PipelineError(f"{error}{_takers_hint(chosen, overrides)}") from None
        planned.extend(
            (chapter, run_id, injected, effective) for run_id, injected, effective in found
        )
    _check_named_values(project, planned)
    root = project.root
    inputs = tree_hashes(input_paths(project), root=root)
    inputs_sha = combined_hash(inputs)
    versions, code = package_versions(), code_hash()
    git = git_commit(root)
    durations_file = project.paths.cache / DURATIONS_FILE
    durations = _read_durations(durations_file)
    plans = []
    for chapter, run_id, injected, effective in planned:
        output = project.paths.outputs / chapter.id / run_id
        exists = chapter.notebook.is_file()
        nb_sha = notebook_sha256(chapter.notebook) if exists else ""
        key = cache_key(
            notebook_sha256=nb_sha,
            parameters=effective,
            inputs_sha256=inputs_sha,
            options={"no_code": no_code},
            versions=versions,
            code_sha256=code,
        )
        record = read_provenance(output)
        problem = None
        if not exists:
            problem = (
                f"notebook {project.paths.relative(chapter.notebook)} does not exist; "
                f"create it or remove chapter {chapter.id!r} from the chapter list"
            )
        plans.append(
            PlannedRun(
                chapter=chapter.id,
                title=chapter.title,
                run=run_id,
                notebook=str(chapter.notebook),
                root=str(root),
                output_dir=str(output),
                parameters=injected,
                effective=effective,
                cache_key=key,
                inputs=inputs,
                inputs_sha256=inputs_sha,
                notebook_sha256=nb_sha,
                no_code=no_code,
                cached=exists and not force and _unchanged(record, key, output, root),
                problem=problem,
                expected_seconds=float(
                    (record or {}).get("timings", {}).get("total_s")
                    or durations.get(f"{chapter.id}/{run_id}", 0.0)
                ),
                durations_file=str(durations_file),
                git=git,
                env=_environment(root, output, chapter.id, run_id),
            )
        )
    return plans


# -- executing many runs ------------------------------------------------------------------------


def execute_runs(
    plans: Sequence[PlannedRun],
    *,
    jobs: int | None = None,
    executor: Executor | None = None,
    progress: Callable[[RunResult], None] | None = None,
) -> list[RunResult]:
    """Execute planned runs, skipping the cached ones; results in plan order.

    Parameters
    ----------
    plans : sequence of PlannedRun
        From :func:`plan_runs`.
    jobs : int, optional
        Workers of the local process pool (default: one per core, at most one per
        run); ``1`` runs in this process.
    executor : concurrent.futures.Executor or distributed.Client, optional
        Run on this executor instead of a local pool; it is not shut down. A Dask
        client's workers must see the project folder at the same path.
    progress : callable, optional
        Called with each :class:`RunResult` as soon as it is known.
    """
    from research.pipeline._cluster import executor_name

    results: dict[int, RunResult] = {}

    def done(index: int, result: RunResult) -> None:
        results[index] = result
        if progress is not None:
            progress(result)

    todo: list[tuple[int, PlannedRun]] = []
    for index, task in enumerate(plans):
        if task.problem:
            done(index, not_started(task))
        elif task.cached:
            done(index, RunResult(task.chapter, task.run, "cached", task.output_dir))
        else:
            todo.append((index, task))
    todo.sort(key=lambda item: -item[1].expected_seconds)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    name = executor_name(executor, workers=workers)
    todo = [(index, replace(task, executor=name)) for index, task in todo]
    if todo and executor is None and workers == 1:
        for index, task in todo:
            done(index, execute_run(task))
    elif todo:
        _run_on_executor(todo, executor, workers, done)
    ordered = [results[i] for i in range(len(plans))]
    _remember_durations(plans, ordered)
    return ordered


def _process_pool(workers: int) -> ProcessPoolExecutor:
    """A local pool whose workers start from a clean server process.

    Workers are not forked from this process, whose threads (the progress
    display) may hold locks at the time of the fork; a fork server, started once
    with papermill and nbconvert already imported, forks them instead.
    """
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["research.pipeline", "research.pipeline", "nbconvert"])
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def _run_on_executor(todo, executor: Executor | None, workers: int, done) -> None:
    from research.pipeline._cluster import dask_client_of, run_on_dask

    client = dask_client_of(executor)
    if client is not None:
        run_on_dask(todo, client, done)
        return
    pool = executor or _process_pool(workers)
    try:
        futures: dict[Future, tuple[int, PlannedRun]] = {
            pool.submit(execute_run, task): (index, task) for index, task in todo
        }
        for future in as_completed(futures):
            index, task = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # the worker itself died
                result = run_failed(task, f"the worker failed: {type(exc).__name__}: {exc}")
            done(index, result)
    finally:
        if executor is None:
            pool.shutdown(wait=True, cancel_futures=True)


def run_chapters(
    project: Project,
    selection: Sequence[str] | None = None,
    *,
    parameters: Mapping[str, str] | None = None,
    jobs: int | None = None,
    force: bool = False,
    no_code: bool = False,
    executor: Executor | None = None,
    progress: Callable[[RunResult], None] | None = None,
    chapters_file: str | os.PathLike | None = None,
) -> list[RunResult]:
    """Plan, execute and index the chapter runs of a project.

    See :func:`plan_runs` for ``selection``, ``parameters``, ``no_code``,
    ``force`` and ``chapters_file``, and :func:`execute_runs` for ``jobs``,
    ``executor`` and ``progress``. On a Dask cluster, the corpus is first
    annotated there for the runs that need it (:func:`annotate_for_runs`).
    ``outputs/index.html`` is rewritten at the end.

    Returns
    -------
    list of RunResult
        One per run, in the order of the chapter list; check ``status``.
    """
    from research.pipeline._site import write_index

    plans = plan_runs(
        project,
        selection,
        parameters=parameters,
        no_code=no_code,
        force=force,
        chapters_file=chapters_file,
    )
    from research.pipeline._cluster import annotate_for_runs, dask_client_of

    client = dask_client_of(executor)
    if client is not None:
        annotate_for_runs(project, plans, client)
    results = execute_runs(plans, jobs=jobs, executor=executor, progress=progress)
    write_index(project, chapters_file=chapters_file)
    return results


class ConsoleProgress:
    """A progress display: one line per run and, on a terminal, a bar while runs execute.

    Pass an instance as ``progress=`` to :func:`execute_runs` or
    :func:`run_chapters`, then call :meth:`close`. The bar counts the runs that
    execute (not the unchanged ones) and refreshes its clock every second; when
    the stream is not a terminal (a log file) only the lines are written.

    Examples
    --------
    >>> import io
    >>> stream = io.StringIO()
    >>> display = ConsoleProgress([], stream=stream)
    >>> display(RunResult("review", "all", "cached", "/o"))
    >>> display.close()
    >>> stream.getvalue()
    'review/all: unchanged, skipped (use --force to rerun)\\n'
    """

    def __init__(self, plans: Sequence[PlannedRun], *, stream: TextIO | None = None) -> None:
        from tqdm import tqdm

        self._stream = stream or sys.stderr
        self._executed = {p.label for p in plans if not p.cached and not p.problem}
        interactive = bool(getattr(self._stream, "isatty", lambda: False)())
        self._bar = tqdm(
            total=len(self._executed),
            unit="run",
            desc="chapters",
            file=self._stream,
            disable=not (self._executed and interactive),
            leave=False,
            dynamic_ncols=True,
        )
        self._stop = threading.Event()
        self._ticker = threading.Thread(target=self._tick, daemon=True)
        if self._executed and interactive:
            self._ticker.start()
        elif self._executed:
            self._stream.write(f"running {len(self._executed)} run(s)…\n")

    def _tick(self) -> None:
        while not self._stop.wait(1.0):
            self._bar.refresh()

    def __call__(self, result: RunResult) -> None:
        """Print the result's line, and advance the bar for an executed run."""
        self._bar.write(result.describe(), file=self._stream)
        if result.label in self._executed:
            self._bar.update(1)

    def close(self) -> None:
        """Stop the clock and remove the bar."""
        self._stop.set()
        if self._ticker.is_alive():
            self._ticker.join()
        self._bar.close()
