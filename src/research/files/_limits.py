"""Limits on what is read from outside files: sizes, zip members, compression ratios."""

from __future__ import annotations

from dataclasses import dataclass
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
    def from_settings(cls, settings: dict[str, Any] | None) -> Limits:
        """Options from the ``limits`` mapping of ``research.yaml``."""
        if not settings:
            return cls()
        known = set(cls.__dataclass_fields__)
        unknown = set(settings) - known
        if unknown:
            raise InputError(
                f"unknown limit(s) {sorted(unknown)} in research.yaml",
                hint=f"known limits are {sorted(known)}",
            )
        return cls(**settings)
