"""Where a project's heavy work runs: ``executor:`` in ``research.yaml``.

By default chapter runs, corpus loading and annotation run on this machine (a
local process pool). A team with a Dask distributed cluster names its scheduler::

    executor:
      dask: tcp://192.168.1.20:8786     # or "local": a cluster of worker processes here
      workers: 2                        # only with "local": how many workers

``research run --scheduler ADDRESS|local|none`` overrides the setting for one
command (``none``: this machine's pool). Connecting is the pipeline's business
(:func:`research.pipeline.dask_client`); this module only reads and checks the
setting, naming its line.

Examples
--------
>>> read_executor_setting({"executor": {"dask": "tcp://10.0.0.5:8786"}}).scheduler
'tcp://10.0.0.5:8786'
>>> read_executor_setting({}).scheduler is None
True
>>> check_scheduler_address("10.0.0.5:8786")
'10.0.0.5:8786'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from research.errors import InputError

__all__ = ["ExecutorSetting", "check_scheduler_address", "read_executor_setting"]

_KEYS = ("dask", "workers")
_ADDRESS = re.compile(r"^(?:(?:tcp|tls|ucx|ws|wss|inproc)://\S+|[\w.\-\[\]:]+:\d{1,5})$")
_HINT = (
    "write for instance  executor: {dask: tcp://192.168.1.20:8786}  or  "
    "executor: {dask: local, workers: 2}, or remove the line to run on this machine"
)


@dataclass(frozen=True)
class ExecutorSetting:
    """Where heavy work runs.

    ``scheduler`` is ``None`` for this machine's process pool, ``"local"`` for a
    Dask cluster of worker processes started on this machine, or the address of
    a running Dask scheduler; ``workers`` is the size of a local cluster.
    """

    scheduler: str | None = None
    workers: int | None = None


def check_scheduler_address(
    text: str, *, path: str | Path | None = None, line: int | None = None
) -> str:
    """``text`` if it is ``local`` or a Dask scheduler's address, else an error.

    An address is ``protocol://host:port`` (``tcp://``, ``tls://``…) or ``host:port``.

    Raises
    ------
    InputError
        Naming the value and, when given, the file and line.

    Examples
    --------
    >>> check_scheduler_address("local")
    'local'
    >>> check_scheduler_address("my cluster")
    Traceback (most recent call last):
    ...
    research.errors.InputError: 'my cluster' is not a Dask scheduler address (hint: ...)
    """
    value = text.strip() if isinstance(text, str) else text
    if value == "local" or (isinstance(value, str) and _ADDRESS.match(value)):
        return value
    raise InputError(
        f"{text!r} is not a Dask scheduler address",
        path=path,
        line=line,
        hint="give the address the scheduler printed when it started, such as "
        "tcp://192.168.1.20:8786, or 'local' to start workers on this machine",
    )


def read_executor_setting(
    settings: dict[str, Any], *, path: str | Path | None = None
) -> ExecutorSetting:
    """The ``executor:`` of ``research.yaml``, checked.

    Raises
    ------
    InputError
        Naming the line of a malformed setting and how to write it.
    """
    lines = getattr(settings, "key_lines", {})
    value = settings.get("executor")
    line = lines.get("executor")
    if value is None or value == "local":
        return ExecutorSetting()
    if not isinstance(value, dict):
        raise InputError(
            f"'executor' must be a mapping such as {{dask: ADDRESS}}, not {value!r}",
            path=path,
            line=line,
            hint=_HINT,
        )
    inner = getattr(value, "key_lines", {})
    unknown = sorted(str(key) for key in value if key not in _KEYS)
    if unknown:
        raise InputError(
            f"unknown key(s) {unknown} under 'executor'",
            path=path,
            line=inner.get(unknown[0], line),
            hint=f"known keys are {', '.join(_KEYS)}; {_HINT}",
        )
    if "dask" not in value or not isinstance(value["dask"], str) or not value["dask"].strip():
        raise InputError(
            "'executor' needs 'dask:' with the scheduler's address (or 'local')",
            path=path,
            line=inner.get("dask", line),
            hint=_HINT,
        )
    address = check_scheduler_address(value["dask"], path=path, line=inner.get("dask", line))
    workers = value.get("workers")
    if workers is not None:
        if address != "local":
            raise InputError(
                "'workers' is for 'dask: local' only: a running cluster has the workers "
                "started with it",
                path=path,
                line=inner.get("workers", line),
                hint="remove the line, or start more workers on the cluster",
            )
        if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
            raise InputError(
                f"'workers' must be a whole number ≥ 1, not {workers!r}",
                path=path,
                line=inner.get("workers", line),
                hint="write for instance  workers: 2",
            )
    return ExecutorSetting(scheduler=address, workers=workers)
