"""Exceptions and problem reports of the research package.

Every error a user can cause says what is wrong, where (file, line or row, column,
code id) and how to fix it. Validation collects :class:`Problem` records instead of
stopping at the first one, so ``research validate`` can print them all.

Examples
--------
>>> err = InputError("front matter is not valid YAML", path="corpus/a.md", line=3,
...                  hint="check the indentation of the 'speakers' mapping")
>>> print(err)
corpus/a.md, line 3: front matter is not valid YAML (hint: check the indentation of the 'speakers' mapping)
>>> Problem("warning", "decoded as cp1252", path="b.txt").format()
'warning: b.txt: decoded as cp1252'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from os import PathLike
from typing import Literal

__all__ = [
    "AgreementError",
    "CodebookError",
    "CodingError",
    "ExportError",
    "InputError",
    "PipelineError",
    "Problem",
    "ResearchError",
    "SchemaError",
    "UnknownIdError",
    "UnsafeInputError",
    "ValidationFailed",
    "WriteError",
    "closest",
    "format_location",
]


def format_location(
    path: str | PathLike | None = None,
    *,
    line: int | None = None,
    row: int | None = None,
    column: str | None = None,
) -> str:
    """Return ``"file, line N"``-style text for a place in a user's file.

    Examples
    --------
    >>> format_location("t.csv", row=4, column="stage")
    "t.csv, row 4, column 'stage'"
    >>> format_location()
    ''
    """
    parts = []
    if path is not None:
        parts.append(str(path))
    if line is not None:
        parts.append(f"line {line}")
    if row is not None:
        parts.append(f"row {row}")
    if column is not None:
        parts.append(f"column {column!r}")
    return ", ".join(parts)


class ResearchError(Exception):
    """Base class of every error raised on purpose by the package."""


class InputError(ResearchError):
    """A user's file or argument is wrong; the message names the place and the fix."""

    def __init__(
        self,
        message: str,
        *,
        path: str | PathLike | None = None,
        line: int | None = None,
        row: int | None = None,
        column: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.row = row
        self.column = column
        self.hint = hint
        super().__init__(self._text())

    def _text(self) -> str:
        where = format_location(self.path, line=self.line, row=self.row, column=self.column)
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f" (hint: {self.hint})"
        return text

    def to_problem(self, severity: Literal["error", "warning"] = "error") -> Problem:
        """This error as a :class:`Problem` record."""
        return Problem(
            severity,
            self.message,
            path=self.path,
            line=self.line,
            row=self.row,
            column=self.column,
            hint=self.hint,
        )


def closest(value: str, choices: Iterable[str], *, n: int = 3) -> str:
    """A "did you mean …?" phrase for a misspelled id, or ``""`` when nothing is close.

    Examples
    --------
    >>> closest("camile", ["camille", "second-coder"])
    "did you mean 'camille'?"
    >>> closest("zzz", ["camille"])
    ''
    """
    import difflib

    close = difflib.get_close_matches(
        str(value), sorted({str(c) for c in choices}), n=n, cutoff=0.6
    )
    return f"did you mean {' or '.join(map(repr, close))}?" if close else ""


class UnknownIdError(InputError, KeyError):
    """An id (document, segment, coder, kind…) names nothing the project has.

    It is also a :class:`KeyError`, as a lookup of an unknown key is.

    Examples
    --------
    >>> err = UnknownIdError("document", "INT3", ["INT03", "INT04"])
    >>> print(err)
    unknown document 'INT3' (hint: did you mean 'INT03' or 'INT04'?)
    >>> isinstance(err, KeyError)
    True
    """

    def __init__(
        self,
        what: str,
        value: str,
        known: Iterable[str],
        *,
        hint: str | None = None,
        path: str | PathLike | None = None,
    ) -> None:
        known = sorted({str(k) for k in known})
        self.what, self.value, self.known = what, value, known
        suggestion = closest(value, known)
        if not suggestion:
            shown = ", ".join(known[:10]) + (", …" if len(known) > 10 else "")
            suggestion = f"known: {shown}" if known else f"the project has no {what} yet"
        hint = f"{hint}; {suggestion}" if hint else suggestion
        super().__init__(f"unknown {what} {value!r}", path=path, hint=hint)

    def __str__(self) -> str:
        return self._text()


class SchemaError(InputError):
    """A table does not follow its declared schema."""


class UnsafeInputError(InputError):
    """A file looks hostile (zip bomb, XML entity tricks) and was not opened."""


class CodebookError(InputError):
    """A codebook is invalid (duplicate id, unknown parent, cycle, bad colour)."""


class CodingError(InputError):
    """A coding is invalid (unknown code, offsets outside the text, quote mismatch)."""


class AgreementError(ResearchError):
    """Agreement data have the wrong shape or cannot give a statistic."""


class ExportError(ResearchError):
    """An export or import of another software's format failed."""


class PipelineError(ResearchError):
    """A chapter run failed or was asked with wrong parameters."""


class WriteError(ResearchError):
    """Files could not be written together; the message says which failed and which
    were put back as they were (:attr:`paths` lists them)."""

    def __init__(self, message: str, *, paths: Iterable[str | PathLike] = ()) -> None:
        self.paths = [str(p) for p in paths]
        super().__init__(message)


@dataclass(frozen=True)
class Problem:
    """One problem found by a validation: severity, message and place."""

    severity: Literal["error", "warning"]
    message: str
    path: str | None = None
    line: int | None = None
    row: int | None = None
    column: str | None = None
    hint: str | None = None

    def format(self) -> str:
        """One line for a terminal: ``severity: place: message (hint: …)``."""
        where = format_location(self.path, line=self.line, row=self.row, column=self.column)
        text = (
            f"{self.severity}: {where}: {self.message}"
            if where
            else f"{self.severity}: {self.message}"
        )
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


class ValidationFailed(ResearchError):
    """Raised with every problem found when a strict load finds errors.

    Examples
    --------
    >>> err = ValidationFailed([Problem("error", "duplicate key 'W1'", path="w.csv", row=3)])
    >>> print(err)
    1 problem found:
      error: w.csv, row 3: duplicate key 'W1'
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        n = len(self.problems)
        lines = [f"{n} problem{'s' if n != 1 else ''} found:"]
        lines += [f"  {p.format()}" for p in self.problems]
        super().__init__("\n".join(lines))
