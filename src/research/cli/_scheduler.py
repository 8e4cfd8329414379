"""The ``--scheduler`` option: where a command's heavy work runs (a Dask cluster or here)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Annotated, Any

import typer

__all__ = ["SchedulerOption", "scheduler_client"]

SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS|local|none",
        help="Run on a Dask distributed cluster: its scheduler's address (tcp://host:8786), "
        "'local' to start workers on this machine (--jobs of them), or 'none' for this "
        "machine's pool even when research.yaml names a cluster. Needs: pip install "
        "'research[cluster]'.",
    ),
]


@contextlib.contextmanager
def scheduler_client(
    proj, option: str | None, *, workers: int | None = None, use_setting: bool = True
) -> Iterator[Any]:
    """A Dask client for ``--scheduler`` (or ``executor:`` of research.yaml), else ``None``.

    The workers are checked first (the project folder, the same software: see
    :func:`research.pipeline.check_workers`); the client and any local cluster it
    started are closed on exit; the line printed says where the work goes.
    """
    from research.project import check_scheduler_address

    if option == "none":
        yield None
        return
    if option is not None:
        address = check_scheduler_address(option)
    elif use_setting:
        setting = proj.executor_setting
        address, workers = setting.scheduler, setting.workers or workers
    else:
        address = None
    if address is None:
        yield None
        return
    from research.pipeline import check_workers, dask_client

    with dask_client(address, workers=workers) as client:
        count = check_workers(client, proj.root)
        where = "local Dask cluster" if address == "local" else "Dask scheduler"
        typer.echo(f"{where} {client.scheduler.address} ({count} worker(s))", err=True)
        yield client
