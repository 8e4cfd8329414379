"""Markdown and plain-text documents, with optional YAML front matter.

Examples
--------
>>> meta, body, offset = split_front_matter("---\\nid: A\\nkind: note\\n---\\nTexte.\\n")
>>> meta, body
({'id': 'A', 'kind': 'note'}, 'Texte.\\n')
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any

import yaml

from research.corpus.loaders import Limits, LoadedDocument, register
from research.errors import InputError
from research.files import decode_bytes, read_limited
from research.text import normalise

__all__ = ["jsonable", "load_markdown", "load_yaml", "split_front_matter"]

_FENCE = "---"
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.lru_cache(maxsize=4096)
def _implicit_tag(kind: type, value: str, implicit: tuple[bool, bool]) -> str:
    """The tag the safe loader's resolver gives a node (a pure function of its
    arguments, since the safe loader has no path resolvers)."""
    return yaml.resolver.Resolver.resolve(_SAFE_LOADER, kind, value, implicit)


class _FrontMatterLoader(_SAFE_LOADER):
    """The safe loader, remembering the tags of the scalars it has already seen
    (``kind: interview``, ``date: …`` come back in every front matter)."""

    def resolve(self, kind, value, implicit):
        if self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        return _implicit_tag(kind, value, implicit)


_YAML_LOADER = _FrontMatterLoader
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


_STR, _MAP, _SEQ, _MERGE = (f"tag:yaml.org,2002:{n}" for n in ("str", "map", "seq", "merge"))
_MAX_DEPTH = 40


class _NotPlain(Exception):
    """A node that the plain reading leaves to PyYAML's own constructor."""


def _plain(node: yaml.Node, loader: Any, depth: int = 0) -> Any:
    """The JSON-friendly value of a composed node, built without PyYAML's generic
    constructor (most of the cost of loading a small mapping).

    Strings, mappings and sequences with their standard tags are built here; other
    scalars (numbers, booleans, null, dates) go through the loader's constructor.
    Anything else (merge keys, other tags, unhashable keys, deep nesting, possible
    recursion) raises :class:`_NotPlain`, and the caller lets PyYAML do it all.
    """
    tag = node.tag
    if tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value
    if depth > _MAX_DEPTH:
        raise _NotPlain
    if isinstance(node, yaml.ScalarNode):
        return jsonable(loader.construct_object(node))
    if tag == _MAP and isinstance(node, yaml.MappingNode):
        result = {}
        only_strings = True
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE:
                raise _NotPlain
            if key_node.tag == _STR:
                key = key_node.value
            else:  # keys are compared as YAML built them (1 == True), then named
                key = loader.construct_object(key_node)
                only_strings = False
            result[key] = _plain(value_node, loader, depth + 1)
        return result if only_strings else {str(k): v for k, v in result.items()}
    if tag == _SEQ and isinstance(node, yaml.SequenceNode):
        return [_plain(child, loader, depth + 1) for child in node.value]
    raise _NotPlain


def load_yaml(source: str) -> Any:
    """Load a YAML text safely, with dates as ISO strings and keys as strings.

    The same values as ``jsonable(yaml.load(source, Loader=CSafeLoader))``, errors
    included, built faster for the usual shapes of front matter (see
    :func:`_plain`).

    Examples
    --------
    >>> load_yaml("id: A\\ndate: 2020-01-28\\nspeakers: {E: P04}\\nn: 3")
    {'id': 'A', 'date': '2020-01-28', 'speakers': {'E': 'P04'}, 'n': 3}
    """
    loader = _YAML_LOADER(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        try:
            return _plain(node, loader)
        except _NotPlain:
            return jsonable(loader.construct_document(node))
    finally:
        loader.dispose()


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
        When the front matter is not closed, not valid YAML (with its line in the
        file), or not a mapping.
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
        meta = load_yaml(source) if source.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(
            f"front matter is not valid YAML: {problem}",
            path=path,
            line=line,
            hint="check indentation and quote values that contain ':' or '#'",
        ) from None
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
