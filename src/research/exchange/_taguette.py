"""Reading a Taguette codebook (a CSV file of tags) as a codebook.

Taguette exchanges its codebook as CSV rather than REFI-QDA; the tags become
codes the way a ``.qdc`` codebook's codes do (:mod:`research.exchange._read_qdc`),
with the definition, criteria and id read back from a description written by
``research codebook export --taguette``.
"""

from __future__ import annotations

import csv
import io
from os import PathLike
from pathlib import Path

import pandas as pd

from research.coding import CODING_COLUMNS, typed_codings
from research.errors import InputError
from research.exchange._descriptions import parse_code_description
from research.exchange._imported import QdaImport
from research.exchange._read_qdc import _ID_PART, _LEVELS, _codebook, _slug, _unique
from research.files import Limits, decode_bytes
from research.text import normalise

__all__ = ["read_taguette_csv"]


def read_taguette_csv(
    path: str | PathLike,
    *,
    data: bytes | None = None,
    options: Limits | None = None,
) -> QdaImport:
    """Read a Taguette codebook (CSV with a ``tag`` column, optionally ``description``).

    As Taguette reads it, the tag is in the ``tag`` column (else ``name`` or
    ``path``), case-insensitively; a ``parent`` column names the parent's tag.
    A description written by ``research codebook export --taguette`` gives back
    the code's definition, criteria and id (:func:`parse_code_description`);
    otherwise the id is the tag as a slug, and a dotted id whose prefix is
    another code's id is that code's child.

    Raises
    ------
    InputError
        When the file is not CSV, has no tag column or a row without a tag,
        naming the row.

    Examples
    --------
    >>> data = "tag,description\\nStart-up,Identifiant : sut\\nConfiance,Se fier.".encode()
    >>> read_taguette_csv("c.csv", data=data).codes[["code", "label", "definition"]].values.tolist()
    [['sut', 'Start-up', None], ['confiance', 'Confiance', 'Se fier.']]
    """
    options = options or Limits()
    if data is None:
        from research.files import read_limited

        data = read_limited(path, max_bytes=options.max_file_bytes)
    text, problems = decode_bytes(data, path=path, hint="save it again as 'CSV UTF-8'")
    hint = "a Taguette codebook is a CSV file with a 'tag' column and a 'description' column"
    try:
        rows = list(csv.reader(io.StringIO(normalise(text), newline="")))
    except csv.Error as exc:
        raise InputError(f"not a CSV file ({exc})", path=path, hint=hint) from None
    header = [cell.strip().lower() for cell in rows[0]] if rows else []
    column = next((header.index(c) for c in ("tag", "name", "path") if c in header), None)
    if column is None:
        raise InputError("no 'tag', 'name' or 'path' column", path=path, row=1, hint=hint)
    described = header.index("description") if "description" in header else None
    parented = header.index("parent") if "parent" in header else None
    found: list[dict] = []
    by_tag: dict[str, str] = {}
    taken: set[str] = set()
    for number, row in enumerate(rows[1:], start=2):
        if not any(value.strip() for value in row):
            continue
        cells = [c.strip() for c in row]

        def cell(i: int | None, cells: list[str] = cells) -> str:
            return cells[i] if i is not None and i < len(cells) else ""

        tag = cell(column)
        if not tag:
            raise InputError("a row without a tag", path=path, row=number, hint=hint)
        fields = parse_code_description(cell(described))
        wanted = fields.pop("code", None) or ""
        fields.pop("file", None)
        parent = by_tag.get(cell(parented).lower()) if cell(parented) else None
        if not parent and "." in wanted and wanted.rsplit(".", 1)[0] in taken:
            parent = wanted.rsplit(".", 1)[0]
        prefix = f"{parent}." if parent else ""
        part = wanted[len(prefix) :] if wanted.startswith(prefix) else ""
        part = part if _ID_PART.match(part) else _slug(tag) or "code"
        code = _unique(prefix + part, taken)
        if fields.get("level") not in (None, *_LEVELS):
            level = fields.pop("level")
            fields["memo"] = "\n\n".join(x for x in (fields.get("memo"), f"Niveau : {level}") if x)
        by_tag.setdefault(tag.lower(), code)
        found.append({**fields, "code": code, "parent": parent, "label": tag})
    return QdaImport(
        pd.DataFrame(columns=["doc_id", "text"]),
        _codebook(found, path),
        typed_codings(pd.DataFrame(columns=CODING_COLUMNS)),
        "Taguette",
        problems=tuple(problems),
        name=Path(path).stem,
    )
