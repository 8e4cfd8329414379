"""Decoding the bytes of outside files: one encoding policy for every reader.

A UTF-8, UTF-16 or UTF-32 byte-order mark wins; otherwise strict UTF-8; otherwise
Windows-1252 (cp1252) with a warning naming the file; otherwise an error. Documents,
Transcriber files, subtitles, edition tables and the sources of a REFI-QDA project
are all decoded here.

Examples
--------
>>> decode_bytes("Enquêtrice".encode("utf-8"))[0]
'Enquêtrice'
"""

from __future__ import annotations

import codecs
from os import PathLike

from research.errors import InputError, Problem

__all__ = ["decode_bytes"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bytes(
    data: bytes, *, path: str | PathLike | None = None, hint: str | None = None
) -> tuple[str, list[Problem]]:
    """Decode a file's bytes with the project's encoding policy.

    A UTF-8, UTF-16 or UTF-32 byte-order mark wins (and is dropped); otherwise strict
    UTF-8; otherwise cp1252 with a warning naming the file; otherwise an error. The
    result is not yet normalised (see :func:`research.text.normalise`).

    Parameters
    ----------
    data : bytes
        The raw content of the file.
    path : path-like, optional
        Named in warnings and errors.
    hint : str, optional
        How to re-save the file, replacing the general advice of the warning and
        of the error (a table says "save it again as 'CSV UTF-8'").

    Returns
    -------
    text : str
    problems : list of Problem
        A warning when the cp1252 fallback was used.

    Raises
    ------
    InputError
        When the bytes are neither UTF-8 nor cp1252, or a BOM announces an encoding
        that the bytes do not follow.

    Examples
    --------
    >>> decode_bytes(b"\\xef\\xbb\\xbfCaf\\xc3\\xa9")
    ('Café', [])
    >>> text, problems = decode_bytes(b"Enqu\\xeatrice", path="a.txt")
    >>> text, problems[0].severity
    ('Enquêtrice', 'warning')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), []
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"the file starts with a {encoding.upper()} byte-order mark but is not "
                    f"valid {encoding.upper()} (byte {exc.start + len(bom)})",
                    path=path,
                    hint=f"re-save the file as {encoding.upper()} or UTF-8",
                ) from None
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        utf8_error = exc
    line = data.count(b"\n", 0, utf8_error.start) + 1
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(
            f"cannot decode the file: not UTF-8 (first bad byte at offset "
            f"{utf8_error.start}, line {line}) and not Windows-1252 either",
            path=path,
            hint=hint or "re-save the file as UTF-8 in its editor",
        ) from None
    warning = Problem(
        "warning",
        f"not valid UTF-8 (first bad byte on line {line}); decoded as Windows-1252 (cp1252)",
        path=None if path is None else str(path),
        hint=hint or "check the accents, then re-save the file as UTF-8",
    )
    return text, [warning]
