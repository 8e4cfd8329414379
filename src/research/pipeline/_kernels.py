"""Jupyter kernels for chapter runs: started safely in parallel, stopped quickly.

Notebook runs in parallel meet two known traps of the default Jupyter setup
(measured on the project's machines, see DESIGN.md):

- kernels started at the same time over the TCP transport collide on ports
  ("Kernel died before replying to kernel_info", "Address already in use");
- the graceful kernel shutdown sometimes stalls for seconds.

:func:`execute_notebook` therefore starts each kernel with the IPC transport and a
socket path of its own (a fresh temporary folder), stops it with an immediate
shutdown, and retries a run once when its kernel fails to start for one of those
reasons (on Windows, where zmq has no IPC transport, kernels use TCP and the
retry alone protects the runs). The kernel runs the interpreter of the current process
(``sys.executable``), so a fresh virtual environment needs no
``ipykernel install``; extra environment variables reach the kernel through its
in-memory kernel spec.

Examples
--------
>>> is_transient_kernel_error(RuntimeError("Kernel died before replying to kernel_info"))
True
>>> is_transient_kernel_error(ValueError("bad value"))
False
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpec

__all__ = [
    "KERNEL_NAME",
    "CurrentPythonKernelManager",
    "execute_notebook",
    "is_transient_kernel_error",
]

KERNEL_NAME = "python3"
_TRANSIENT_MESSAGES = (
    "kernel died before replying to kernel_info",
    "address already in use",
    "kernel didn't respond in",
    "kernel died",
)
_MAX_SOCKET_PATH = 90  # Unix socket paths are limited to about 107 bytes


class CurrentPythonKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel runs ``sys.executable`` with extra environment.

    The kernel name given by the notebook is ignored: chapter notebooks always run
    in the environment of the pipeline that runs them.
    """

    def __init__(self, *, extra_env: Mapping[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._extra_env = dict(extra_env or {})

    @property
    def kernel_spec(self) -> KernelSpec:
        """A kernel spec built in memory for the current interpreter."""
        return KernelSpec(
            argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            display_name="Python (research)",
            language="python",
            env=self._extra_env,
            metadata={},
        )


def _socket_folder() -> Path:
    base = tempfile.gettempdir()
    if len(base) > _MAX_SOCKET_PATH - 30:
        base = "/tmp" if os.path.isdir("/tmp") else base
    return Path(tempfile.mkdtemp(prefix="rk-", dir=base))


def is_transient_kernel_error(error: BaseException) -> bool:
    """Whether ``error`` is a kernel start-up collision worth one retry."""
    from papermill.exceptions import PapermillExecutionError

    if isinstance(error, PapermillExecutionError):
        return False
    text = f"{type(error).__name__}: {error}".lower()
    return any(message in text for message in _TRANSIENT_MESSAGES)


def _manager_class(folder: Path, env: Mapping[str, str]) -> type[CurrentPythonKernelManager]:
    """A kernel manager class bound to one socket folder and environment.

    nbclient creates, owns and shuts down the manager itself (immediately, with
    ``shutdown_kernel="immediate"``), so the kernel never outlives its run.
    """
    settings = {"connection_file": str(folder / "kernel.json")}
    if os.name == "posix":  # zmq has no IPC transport on Windows: TCP, with the retry
        settings.update(transport="ipc", ip=str(folder / "k"))

    class RunKernelManager(CurrentPythonKernelManager):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(extra_env=env, **{**kwargs, **settings})

    return RunKernelManager


def execute_notebook(
    notebook: str | os.PathLike,
    output: str | os.PathLike,
    *,
    parameters: Mapping[str, Any] | None = None,
    cwd: str | os.PathLike,
    env: Mapping[str, str] | None = None,
    start_timeout: float = 120,
    execution_timeout: float | None = None,
    attempts: int = 2,
) -> tuple[Any, int]:
    """Execute a notebook with papermill in a fresh, isolated kernel.

    Parameters
    ----------
    notebook, output : path-like
        The notebook to run and where to write the executed copy (written after
        every cell, so a failing run keeps its partial notebook).
    parameters : mapping, optional
        Values injected after the cell tagged ``parameters``.
    cwd : path-like
        Working directory of the kernel.
    env : mapping, optional
        Extra environment variables of the kernel.
    start_timeout, execution_timeout : float
        Seconds to wait for the kernel to start, and for each cell (None: no limit).
    attempts : int
        Tries when the kernel fails to start for a transient reason.

    Returns
    -------
    notebook : nbformat.NotebookNode
        The executed notebook.
    attempts : int
        How many tries it took.

    Raises
    ------
    papermill.exceptions.PapermillExecutionError
        When a cell raises; the partial notebook is saved at ``output``.
    """
    import papermill

    for attempt in range(1, attempts + 1):
        folder = _socket_folder()
        try:
            nb = papermill.execute_notebook(
                str(notebook),
                str(output),
                parameters=dict(parameters or {}),
                kernel_name=KERNEL_NAME,
                language="python",
                progress_bar=False,
                log_output=False,
                start_timeout=int(start_timeout),
                execution_timeout=execution_timeout,
                kernel_manager_class=_manager_class(folder, env or {}),
                shutdown_kernel="immediate",
                resources={"metadata": {"path": str(cwd)}},
            )
            return nb, attempt
        except Exception as error:
            if attempt == attempts or not is_transient_kernel_error(error):
                raise
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    raise AssertionError("unreachable")  # pragma: no cover
