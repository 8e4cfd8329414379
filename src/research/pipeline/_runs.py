"""One chapter run: execute a planned notebook run into its output folder.

:func:`execute_run` is what a worker of the pipeline's executor calls: it clears
the run folder, executes the notebook in a fresh kernel (:mod:`research.pipeline`)
with the project root as working directory, renders the HTML (without code cells
for ``no_code``), collects what the notebook saved through :mod:`research.pipeline`
and writes ``provenance.json``. A failing cell does not raise: the result says
which cell failed and with which error, and the partial notebook is kept.

Examples
--------
>>> RunResult("editions-review", "SUT2016", "ok", "/o", seconds=6.25).describe()
'editions-review/SUT2016: done in 6.2 s'
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from research.files import atomic_write_text, is_temporary
from research.pipeline._provenance import (
    PROVENANCE_FILE,
    code_hash,
    combined_hash,
    file_sha256,
    package_versions,
    write_provenance,
)

__all__ = [
    "MANIFEST_FILE",
    "PlannedRun",
    "RunResult",
    "execute_run",
    "not_started",
    "run_failed",
]

MANIFEST_FILE = ".manifest.jsonl"
Status = Literal["ok", "cached", "failed"]


@dataclass(frozen=True)
class PlannedRun:
    """Everything a worker needs to execute one run (picklable, absolute paths)."""

    chapter: str
    title: str
    run: str
    notebook: str
    root: str
    output_dir: str
    parameters: Mapping[str, Any]
    effective: Mapping[str, Any]
    cache_key: str
    inputs: Mapping[str, str]
    inputs_sha256: str
    notebook_sha256: str
    no_code: bool = False
    cached: bool = False
    problem: str | None = None
    expected_seconds: float = 0.0
    durations_file: str | None = None
    git: Mapping[str, Any] | None = None
    env: Mapping[str, str] = field(default_factory=dict)
    #: How the run is executed ("this process", "dask tcp://…"), for its provenance.
    executor: str = ""
    #: Why earlier starts of this run ended (a worker that died), for its provenance.
    lost_workers: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """``chapter/run``."""
        return f"{self.chapter}/{self.run}"


@dataclass(frozen=True)
class RunResult:
    """What became of one run."""

    chapter: str
    run: str
    status: Status
    output_dir: str
    seconds: float = 0.0
    message: str = ""
    cell: int | None = None
    attempts: int = 0

    @property
    def label(self) -> str:
        """``chapter/run``."""
        return f"{self.chapter}/{self.run}"

    def describe(self) -> str:
        """One line for a terminal.

        Examples
        --------
        >>> RunResult("review", "all", "cached", "/o").describe()
        'review/all: unchanged, skipped (use --force to rerun)'
        """
        if self.status == "cached":
            return f"{self.label}: unchanged, skipped (use --force to rerun)"
        if self.status == "ok":
            note = f" ({self.message})" if self.message else ""
            return f"{self.label}: done in {self.seconds:.1f} s{note}"
        return f"{self.label}: FAILED: {self.message}"


# -- executing one run (in a worker) -----------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _prepare_folder(output: Path) -> None:
    """An empty run folder: outputs of an earlier run must not linger."""
    if output.exists():
        shutil.rmtree(output)
    output.mkdir(parents=True)


def _read_manifest(output: Path, own: set[str]) -> tuple[list[dict], dict[str, str]]:
    """What the notebook saved (from the manifest, then removed) and the inputs it recorded.

    Files the notebook wrote into the run folder without :mod:`research.pipeline`
    (an export in another format, say) are listed too, as ``kind: "file"`` items
    grouped by their top folder, so the index links them and their hashes are kept.
    ``own`` names the run's own files (notebook, HTML, provenance), left out.
    """
    path = output / MANIFEST_FILE
    saved: dict[str, dict] = {}
    recorded: dict[str, str] = {}
    if path.is_file():
        for order, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            try:
                item = json.loads(line)
            except ValueError:
                continue
            if item.get("kind") == "input":
                recorded[item["path"]] = item["sha256"]
            else:  # "order": the place of the save in the run, for research export chapter
                saved[f"{item.get('kind')}:{item.get('name')}"] = {**item, "order": order}
        path.unlink()
    outputs = []
    listed = set(own)
    for item in saved.values():
        files = [
            {"path": rel, "sha256": file_sha256(output / rel)}
            for rel in item.get("files", [])
            if (output / rel).is_file()
        ]
        listed.update(f["path"] for f in files)
        outputs.append({**item, "files": files})
    others: dict[str, list[dict]] = {}
    for file in sorted(p for p in output.rglob("*") if p.is_file() and not is_temporary(p.name)):
        rel = file.relative_to(output).as_posix()
        if rel not in listed:
            group = rel.split("/", 1)[0]
            others.setdefault(group, []).append({"path": rel, "sha256": file_sha256(file)})
    outputs += [
        {"kind": "file", "name": name, "caption": None, "files": files}
        for name, files in others.items()
    ]
    outputs.sort(key=lambda item: (item.get("kind", ""), item.get("name", "")))
    return outputs, dict(sorted(recorded.items()))


# nbconvert's page loads require.js, MathJax, Mermaid and the widget renderer from
# a CDN: chapter pages must open offline and run no third-party script, so those
# blocks of its template are emptied (the page's own style is inline already).
_OFFLINE_TEMPLATE = """\
{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


@lru_cache(maxsize=2)
def _exporter(no_code: bool) -> Any:
    """One HTML exporter per worker process (building its templates takes a while)."""
    import jinja2
    from nbconvert import HTMLExporter

    return HTMLExporter(
        extra_loaders=[jinja2.DictLoader({"research_offline.html.j2": _OFFLINE_TEMPLATE})],
        template_file="research_offline.html.j2",
        exclude_input=no_code,
        exclude_input_prompt=no_code,
        exclude_output_prompt=no_code,
    )


def _render_html(notebook: Path, target: Path, *, no_code: bool, title: str) -> None:
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    body, _ = _exporter(no_code).from_notebook_node(nb, resources={"metadata": {"name": title}})
    target.write_text(body, encoding="utf-8")


def _without_machine_paths(executed: Path, root: Path) -> Any:
    """Rewrite papermill's input and output paths in an executed notebook relative to
    the project (they were absolute paths of this machine), and return the notebook."""
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    record = nb.get("metadata", {}).get("papermill")
    if not record:
        return nb
    for key in ("input_path", "output_path"):
        value = record.get(key)
        if isinstance(value, str) and value:
            path = Path(value)
            try:
                record[key] = path.resolve().relative_to(root.resolve()).as_posix()
            except ValueError:
                record[key] = path.name
    atomic_write_text(executed, nbformat.writes(nb) + "\n")
    return nb


def _cell_seconds(nb: Any) -> list[float]:
    return [
        round(float(cell.get("metadata", {}).get("papermill", {}).get("duration") or 0.0), 3)
        for cell in nb.get("cells", [])
        if cell.get("cell_type") == "code"
    ]


def _describe_failure(error: BaseException, task: PlannedRun) -> tuple[str, int | None, dict]:
    from papermill.exceptions import PapermillExecutionError

    if not isinstance(error, PapermillExecutionError):
        text = f"{type(error).__name__}: {error}".strip()
        return (
            text.splitlines()[0][:300],
            None,
            {"ename": type(error).__name__, "evalue": str(error)},
        )
    cell = _source_cell(Path(task.notebook), error.source)
    line, first = _raising_line(error.source, error.traceback, error.exec_count)
    where = f"cell {cell}" if cell is not None else "a cell"
    if line is not None:
        where += f", line {line}"
    evalue = str(error.evalue).splitlines()[0][:300] if error.evalue else ""
    partial = Path(task.output_dir) / Path(task.notebook).name
    try:
        partial_text = partial.relative_to(task.root).as_posix()
    except ValueError:
        partial_text = str(partial)
    message = (
        f"{where} (In [{error.exec_count}]: {first.strip()[:80]}) raised {error.ename}: "
        f"{evalue}; partial notebook: {partial_text}"
    )
    details = {
        "cell": cell,
        "line": line,
        "execution_count": error.exec_count,
        "ename": error.ename,
        "evalue": str(error.evalue),
        "source": error.source,
    }
    return message, cell, details


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _raising_line(
    source: str, traceback: list[str] | None, exec_count: int | None
) -> tuple[int | None, str]:
    r"""The line of a cell that raised (1-based) and its text, from IPython's traceback.

    IPython names the frame of the cell itself ``Cell In[N], line K``; the last such
    frame of cell ``N`` is the line of the cell that was running. Without it, the
    first non-blank line of the cell is returned with no line number.

    Examples
    --------
    >>> tb = ["\x1b[0;31mKeyError\x1b[0m", "Cell \x1b[0;32mIn[4], line 2\x1b[0m", "---> 2 x[1]"]
    >>> _raising_line("x = {}\nx[1]", tb, 4)
    (2, 'x[1]')
    >>> _raising_line("\nx[1]", [], 4)
    (None, 'x[1]')
    """
    lines = source.splitlines()
    first = next((text for text in lines if text.strip()), "")
    found = None
    for entry in traceback or []:
        for match in re.finditer(r"Cell In\[(\d+)\], line (\d+)", _ANSI.sub("", entry)):
            if exec_count is None or int(match.group(1)) == exec_count:
                found = int(match.group(2))
    if found is None or not 1 <= found <= len(lines):
        return None, first
    return found, lines[found - 1]


def _source_cell(notebook: Path, source: str) -> int | None:
    """1-based number of the cell of the source notebook with this source."""
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return None
    for index, cell in enumerate(cells, start=1):
        text = cell.get("source", "")
        if ("".join(text) if isinstance(text, list) else text) == source:
            return index
    return None


def execute_run(task: PlannedRun) -> RunResult:
    """Execute one planned run and write its folder; never raises for a failing notebook.

    This is the function the executor runs in a worker; it is a plain top-level
    function of picklable arguments so any :class:`concurrent.futures.Executor`
    can call it.
    """
    from research.pipeline._kernels import execute_notebook

    started, clock = _now(), time.perf_counter()
    output, root = Path(task.output_dir), Path(task.root)
    notebook = Path(task.notebook)
    executed = output / notebook.name
    status: Status = "ok"
    message, cell, error, nb, attempts = "", None, None, None, 0
    _prepare_folder(output)
    try:
        nb, attempts = execute_notebook(
            notebook, executed, parameters=task.parameters, cwd=root, env=task.env
        )
    except Exception as exc:
        status = "failed"
        message, cell, error = _describe_failure(exc, task)
        attempts = attempts or 1
    executed_s = time.perf_counter() - clock
    if executed.is_file():
        try:
            nb = _finish_notebook(task)
        except Exception as exc:  # a broken rendering must not hide the run's own result
            status = "failed"
            message = message or f"could not render the HTML: {type(exc).__name__}: {exc}"
    if status == "ok" and task.lost_workers:
        message = f"started again after {'; '.join(task.lost_workers)}"
    timings = {"execute_s": round(executed_s, 3), "cells_s": _cell_seconds(nb) if nb else []}
    total = _write_record(
        task, status, started, clock, timings, attempts, message if status != "ok" else "", error
    )
    return RunResult(
        task.chapter, task.run, status, task.output_dir, round(total, 3), message, cell, attempts
    )


def _finish_notebook(task: PlannedRun) -> Any:
    """Make the executed notebook's paths relative and render its HTML; return it."""
    notebook = Path(task.notebook)
    output = Path(task.output_dir)
    nb = _without_machine_paths(output / notebook.name, Path(task.root))
    _render_html(
        output / notebook.name,
        output / f"{notebook.stem}.html",
        no_code=task.no_code,
        title=f"{task.title} — {task.run}",
    )
    return nb


def _write_record(
    task: PlannedRun,
    status: Status,
    started: str,
    clock: float,
    timings: dict[str, Any],
    attempts: int,
    message: str,
    error: dict | None,
) -> float:
    """Write the run's ``provenance.json``; return the run's total seconds."""
    output, root = Path(task.output_dir), Path(task.root)
    notebook = Path(task.notebook)
    executed, html = output / notebook.name, output / f"{notebook.stem}.html"
    own = {executed.name, html.name, MANIFEST_FILE, PROVENANCE_FILE}
    outputs, recorded = _read_manifest(output, own)
    total = time.perf_counter() - clock
    executor: dict[str, Any] = {
        "name": task.executor or "this process",
        "host": socket.gethostname(),
    }
    if task.lost_workers:
        executor["started_again_after"] = list(task.lost_workers)
    record = {
        "chapter": task.chapter,
        "title": task.title,
        "run": task.run,
        "status": status,
        "notebook": notebook.relative_to(root).as_posix()
        if root in notebook.parents
        else task.notebook,
        "notebook_output": executed.name if executed.is_file() else None,
        "html": html.name if html.is_file() else None,
        "parameters": dict(task.effective),
        "injected_parameters": dict(task.parameters),
        "cache_key": task.cache_key,
        "notebook_sha256": task.notebook_sha256,
        "inputs_sha256": task.inputs_sha256,
        "codebook_version": _codebook_version(task.inputs),
        "inputs": dict(task.inputs),
        "recorded_inputs": recorded,
        "outputs": outputs,
        "options": {"no_code": task.no_code},
        "versions": package_versions(),
        "research_code_sha256": code_hash(),
        "git": task.git,
        "executor": executor,
        "started": started,
        "finished": _now(),
        "timings": {
            "execute_s": timings.get("execute_s", 0.0),
            "total_s": round(total, 3),
            "cells_s": timings.get("cells_s", []),
        },
        "attempts": attempts,
        "error": None if status == "ok" else {"message": message, **(error or {})},
    }
    write_provenance(output, record)
    return total


def run_failed(task: PlannedRun, reason: str) -> RunResult:
    """Report a run whose worker was lost: its partial notebook, rendered, and its provenance.

    Called when a run could not end by itself (its worker process died, or the
    executor failed); what the notebook wrote before is kept and listed.
    """
    started, clock = _now(), time.perf_counter()
    output = Path(task.output_dir)
    executed = output / Path(task.notebook).name
    output.mkdir(parents=True, exist_ok=True)
    message, cells = reason, []
    if executed.is_file():
        with contextlib.suppress(Exception):  # a notebook cut mid-write is kept as it is
            cells = _cell_seconds(_finish_notebook(task))
        try:
            shown = executed.relative_to(task.root).as_posix()
        except ValueError:
            shown = str(executed)
        message = f"{reason}; partial notebook: {shown}"
    timings = {"execute_s": 0.0, "cells_s": cells}
    error = {"ename": "WorkerLost", "evalue": reason}
    _write_record(task, "failed", started, clock, timings, 0, message, error)
    return RunResult(task.chapter, task.run, "failed", task.output_dir, 0.0, message)


def _codebook_version(inputs: Mapping[str, str]) -> str | None:
    book = {k: v for k, v in inputs.items() if k.startswith("codebook/")}
    return combined_hash(book)[:12] if book else None


def not_started(task: PlannedRun) -> RunResult:
    output = Path(task.output_dir)
    output.mkdir(parents=True, exist_ok=True)
    record = {
        "chapter": task.chapter,
        "title": task.title,
        "run": task.run,
        "status": "failed",
        "parameters": dict(task.effective),
        "error": {"message": task.problem},
        "finished": _now(),
    }
    write_provenance(output, record)
    return RunResult(task.chapter, task.run, "failed", task.output_dir, 0.0, task.problem or "")
