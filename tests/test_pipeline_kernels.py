"""Kernels of chapter runs: the current interpreter, IPC sockets, one retry on collisions."""

from __future__ import annotations

import sys

import papermill
import pytest
from papermill.exceptions import PapermillExecutionError

from research.pipeline import _kernels as kernels


def test_kernel_spec_runs_the_current_interpreter_with_extra_environment(tmp_path):
    manager = kernels._manager_class(tmp_path, {"RESEARCH_RUN": "all"})()
    spec = manager.kernel_spec
    assert spec.argv[0] == sys.executable
    assert spec.argv[1:3] == ["-m", "ipykernel_launcher"]
    assert spec.env == {"RESEARCH_RUN": "all"}
    assert manager.transport == "ipc"
    assert manager.ip == str(tmp_path / "k")


def test_each_run_gets_its_own_socket_folder():
    first, second = kernels._socket_folder(), kernels._socket_folder()
    try:
        assert first != second
        assert len(str(first / "k-99999")) < 100
    finally:
        first.rmdir()
        second.rmdir()


@pytest.mark.parametrize(
    ("error", "transient"),
    [
        (RuntimeError("Kernel died before replying to kernel_info"), True),
        (OSError("[Errno 98] Address already in use"), True),
        (RuntimeError("Kernel didn't respond in 60 seconds"), True),
        (ValueError("bad value"), False),
        (PapermillExecutionError(0, 1, "x", "KeyError", "kernel died", []), False),
    ],
)
def test_transient_errors(error, transient):
    assert kernels.is_transient_kernel_error(error) is transient


def _fake_papermill(monkeypatch, failures):
    calls = []

    def execute(*args, **kwargs):
        calls.append(kwargs)
        if len(calls) <= len(failures):
            raise failures[len(calls) - 1]
        return {"cells": []}

    monkeypatch.setattr(papermill, "execute_notebook", execute)
    return calls


def test_a_start_collision_is_retried_once(monkeypatch, tmp_path):
    calls = _fake_papermill(
        monkeypatch, [RuntimeError("Kernel died before replying to kernel_info")]
    )
    nb, attempts = kernels.execute_notebook("in.ipynb", "out.ipynb", cwd=tmp_path)
    assert attempts == 2 and nb == {"cells": []}
    first, second = (c["kernel_manager_class"] for c in calls)
    assert first is not second  # a fresh socket folder for the retry
    assert all(c["shutdown_kernel"] == "immediate" for c in calls)
    assert calls[0]["resources"] == {"metadata": {"path": str(tmp_path)}}


def test_two_collisions_fail(monkeypatch, tmp_path):
    error = OSError("Address already in use")
    _fake_papermill(monkeypatch, [error, error])
    with pytest.raises(OSError, match="Address already in use"):
        kernels.execute_notebook("in.ipynb", "out.ipynb", cwd=tmp_path)


def test_a_failing_cell_is_not_retried(monkeypatch, tmp_path):
    error = PapermillExecutionError(3, 2, "1 / 0", "ZeroDivisionError", "division by zero", [])
    calls = _fake_papermill(monkeypatch, [error])
    with pytest.raises(PapermillExecutionError):
        kernels.execute_notebook("in.ipynb", "out.ipynb", cwd=tmp_path)
    assert len(calls) == 1
