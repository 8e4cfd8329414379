"""The ``research`` command: a thin layer over the library's functions.

Every command works on the project that contains the current folder (or
``--project``). Errors a user can fix are printed as one clear line, without a
traceback, and the command exits with status 1 (2 for wrong arguments).
"""

from __future__ import annotations

import sys

import typer

# Each command module registers its commands on ``app`` when it is imported, in
# the order ``research --help`` lists them.
# isort: off
from research.cli import (  # noqa: F401 (imported for the commands they register)
    _project,
    _code,
    _codebook,
    _memo,
    _qdpx,
    _chapters,
    _agreement,
    _autocode,
    _suggest,
    _export,
    _privacy,
    _assign,
    _merge,
)

# isort: on
from research.cli._app import app
from research.errors import ResearchError, ValidationFailed

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``research`` console script."""
    try:
        status = app(args=argv, standalone_mode=False)
    except ValidationFailed as exc:
        typer.echo(str(exc), err=True)
        return 1
    except ResearchError as exc:
        typer.echo(f"error: {exc}", err=True)
        return 1
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        typer.echo("aborted", err=True)
        return 1
    except Exception as exc:
        # Usage errors (bad option, missing argument) come from the command-line
        # parser bundled with typer; they know how to show themselves.
        if callable(getattr(exc, "show", None)) and isinstance(
            getattr(exc, "exit_code", None), int
        ):
            exc.show()
            return exc.exit_code
        raise
    return status if isinstance(status, int) else 0


if __name__ == "__main__":
    sys.exit(main())
