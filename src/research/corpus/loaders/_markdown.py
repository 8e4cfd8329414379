"""Markdown and plain-text documents, with optional YAML front matter.

Examples
--------
>>> meta, body, offset = split_front_matter("---\\nid: A\\nkind: note\\n---\\nTexte.\\n")
>>> meta, body
({'id': 'A', 'kind': 'note'}, 'Texte.\\n')
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from research.corpus.loaders import Limits, LoadedDocument, register
from research.errors import InputError
from research.files import decode_bytes, load_yaml, read_limited
from research.text import normalise

__all__ = ["jsonable", "load_markdown", "split_front_matter"]

_FENCE = "---"
# The closing line: '---' or '...' alone (trailing spaces allowed), after line 1.
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def jsonable(value: Any) -> Any:
    """Turn YAML values into plain JSON-friendly ones (dates become ISO strings).

    Examples
    --------
    >>> jsonable({"date": dt.date(2019, 3, 14), "who": ["P1"]})
    {'date': '2019-03-14', 'who': ['P1']}
    """
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def split_front_matter(
    text: str, *, path: str | Path | None = None
) -> tuple[dict[str, Any], str, int]:
    """Split a normalised text into front matter, body and the body's line offset.

    Returns
    -------
    metadata : dict
    body : str
        The text after the closing ``---`` line (the stored text).
    body_line : int
        How many lines precede the body (to turn body line numbers into file ones).

    Raises
    ------
    InputError
        When the front matter is not closed, not valid YAML, repeats a key, has
        aliases that expand too far (see :func:`research.files.load_yaml`; each
        with its line in the file), or is not a mapping.
    """
    if not text.startswith(_FENCE + "\n") and text.rstrip("\n") != _FENCE:
        return {}, text, 0
    closing = _CLOSING.search(text, len(_FENCE))
    if closing is None:
        raise InputError(
            "front matter opened with '---' on line 1 is never closed",
            path=path,
            line=1,
            hint="add a line '---' after the last metadata line",
        )
    source = text[len(_FENCE) + 1 : closing.start()]
    index = text.count("\n", 0, closing.start())  # the closing line, counted from 0
    try:
        meta = jsonable(load_yaml(source, path=path, line_offset=1)) if source.strip() else {}
    except InputError as exc:
        joint = "is " if exc.message.startswith("not valid YAML") else ": "
        message = f"front matter {joint}{exc.message}".replace(" : ", ": ")
        raise InputError(message, path=path, line=exc.line, hint=exc.hint) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(
            "front matter must be a mapping of 'key: value' lines",
            path=path,
            line=2,
            hint="write one 'key: value' per line between the '---' lines",
        )
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    return meta, text[body_start:], index + 1


@register(".md", ".markdown", ".txt")
def load_markdown(path: Path, options: Limits) -> LoadedDocument:
    """Load a Markdown or plain-text document (see ``docs/formats.md``).

    Raises
    ------
    InputError
        Bad encoding, invalid front matter, or a document with no text.
    """
    data = read_limited(path, max_bytes=options.max_file_bytes)
    text, problems = decode_bytes(data, path=path)
    meta, body, _ = split_front_matter(normalise(text), path=path)
    if not body or body.isspace():
        raise InputError(
            "the document has no text" + (" after its front matter" if meta else ""),
            path=path,
            hint="add the text, or move the file out of corpus/documents",
        )
    return LoadedDocument(body, meta, problems, normalised=True)
