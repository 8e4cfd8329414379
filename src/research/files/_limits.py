"""Limits on what is read from outside files: sizes, zip members, compression ratios."""

from __future__ import annotations

from dataclasses import dataclass
from os import PathLike
from typing import Any

from research.errors import InputError

__all__ = ["Limits"]


@dataclass(frozen=True)
class Limits:
    """Limits that protect every reader of outside files from hostile or huge inputs.

    One set for documents, tables and exchange files, set in the ``limits`` mapping
    of ``research.yaml``.

    Attributes
    ----------
    max_file_bytes : int
        Largest file read at all.
    max_unzipped_bytes : int
        Largest total uncompressed size of a zip container (``.docx``, ``.odt``,
        ``.qdpx``), read from the zip index before anything is extracted.
    max_zip_ratio : float
        Largest ratio of uncompressed to compressed size of any member.
    max_zip_members : int
        Most members a zip container may hold.
    """

    max_file_bytes: int = 200_000_000
    max_unzipped_bytes: int = 500_000_000
    max_zip_ratio: float = 200.0
    max_zip_members: int = 20_000

    @classmethod
    def from_settings(
        cls,
        settings: dict[str, Any] | None,
        *,
        path: str | PathLike | None = None,
        line: int | None = None,
    ) -> Limits:
        """Options from the ``limits`` mapping of ``research.yaml``.

        Parameters
        ----------
        settings : mapping or None
            The ``limits`` mapping (a :class:`~research.files.YamlMapping` gives the
            line of each key to errors).
        path : path-like, optional
            The settings file, named in errors (default: ``research.yaml``).
        line : int, optional
            The line of the ``limits`` key, named when its value is not a mapping.

        Raises
        ------
        InputError
            For an unknown limit, or a value that is not a positive number,
            naming the file and the line.

        Examples
        --------
        >>> Limits.from_settings({"max_zip_ratio": 500}).max_zip_ratio
        500
        >>> Limits.from_settings({"max_file_bytes": "abc"})
        Traceback (most recent call last):
        ...
        research.errors.InputError: research.yaml: limits.max_file_bytes must be a whole number ...
        """
        where = path if path is not None else "research.yaml"
        if not settings:
            return cls()
        if not isinstance(settings, dict):
            raise InputError(
                f"'limits' must be a mapping of 'name: number' lines, not {settings!r}",
                path=where,
                line=line,
                hint="write for instance  limits: {max_file_bytes: 300000000}",
            )
        known = set(cls.__dataclass_fields__)
        lines = getattr(settings, "key_lines", {})
        unknown = set(settings) - known
        if unknown:
            first = min(unknown, key=lambda k: lines.get(k, 0))
            raise InputError(
                f"unknown limit(s) {sorted(map(str, unknown))} under 'limits'",
                path=where,
                line=lines.get(first),
                hint=f"known limits are {sorted(known)}",
            )
        for key, value in settings.items():
            ratio = key == "max_zip_ratio"
            number = isinstance(value, int | float) if ratio else isinstance(value, int)
            if isinstance(value, bool) or not number or value <= 0:
                kind = "a positive number" if ratio else "a whole number of bytes above 0"
                if key == "max_zip_members":
                    kind = "a whole number above 0"
                raise InputError(
                    f"limits.{key} must be {kind}, not {value!r}",
                    path=where,
                    line=lines.get(key),
                    hint=f"write for instance  {key}: {getattr(cls, key)!r}, or remove the "
                    "line to keep the default",
                )
        return cls(**settings)
