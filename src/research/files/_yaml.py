"""Reading the YAML files people write: one loader, the same checks everywhere.

Codebook files, the front matter of Markdown documents, ``chapters.yaml``,
``research.yaml`` and ``coders.yaml`` are all read by :func:`load_yaml`, which
builds values with PyYAML's safe constructor after three checks on the composed
document:

- a syntax error names the file and its line;
- a key written twice in one mapping is an error naming both lines (plain YAML
  keeps the last one silently, and a code or setting is lost);
- aliases (``*name``) may not expand the document by more than
  :data:`MAX_ALIAS_NODES` nodes, and may not refer to themselves: a "billion
  laughs" file, a few lines of nested anchors that expand to billions of values,
  is refused before anything walks through it.

Examples
--------
>>> load_yaml("id: A\\nspeakers: {E: P04}\\n", path="a.md")
{'id': 'A', 'speakers': {'E': 'P04'}}
>>> load_yaml("id: A\\nlabel: x\\nid: B\\n", path="a.yaml")
Traceback (most recent call last):
...
research.errors.InputError: a.yaml, line 3: key 'id' appears twice in one mapping (lines 1 and 3) ...

References
----------
.. [1] O. Ben-Kiki, C. Evans and I. döt Net, "YAML Ain't Markup Language
   (YAML) version 1.2", section 3.2.2.2 (anchors and aliases) and 3.2.1.1 (keys
   are unique), 2009.
"""

from __future__ import annotations

from os import PathLike
from typing import Any

import yaml

from research.errors import InputError

__all__ = ["MAX_ALIAS_NODES", "YamlMapping", "load_yaml"]

#: Most nodes that aliases may add to a document once every alias is expanded.
MAX_ALIAS_NODES = 100_000
_MAX_DEPTH = 200
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MERGE = "tag:yaml.org,2002:merge"
_STR = "tag:yaml.org,2002:str"
_SYNTAX_HINT = "check the indentation, and put texts that hold ':' or '#' in quotes"


class YamlMapping(dict):
    """A mapping read by :func:`load_yaml` with ``lines=True``: a ``dict`` that also
    knows the line where it starts (:attr:`line`) and the line of each of its keys
    (:attr:`key_lines`), counted from 1 in the file."""

    line: int = 0
    key_lines: dict[Any, int]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_lines = {}


class _Loader(_BASE):  # type: ignore[misc, valid-type]
    """The safe loader (in C when available)."""


class _LinedLoader(_BASE):  # type: ignore[misc, valid-type]
    """The safe loader, building mappings as :class:`YamlMapping`."""

    line_offset = 0


def _construct_lined_mapping(loader: _LinedLoader, node: yaml.MappingNode):
    data = YamlMapping()
    data.line = node.start_mark.line + 1 + loader.line_offset
    yield data
    data.update(loader.construct_mapping(node))
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        data.key_lines.setdefault(key, key_node.start_mark.line + 1 + loader.line_offset)


_LinedLoader.add_constructor("tag:yaml.org,2002:map", _construct_lined_mapping)


class _Walk:
    """One pass over the composed nodes: duplicate keys, depth, alias expansion."""

    def __init__(self, path: str | PathLike | None, line_offset: int, limit: int) -> None:
        self.path, self.offset, self.limit = path, line_offset, limit
        self.sizes: dict[int, int] = {}
        self.open: set[int] = set()
        self.distinct = 0

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.offset

    def fail(self, message: str, node: yaml.Node, hint: str) -> InputError:
        return InputError(message, path=self.path, line=self.line(node), hint=hint)

    def size(self, node: yaml.Node, depth: int = 0) -> int:
        """Nodes under ``node`` (itself included) with every alias expanded."""
        key = id(node)
        if key in self.sizes:
            return self.sizes[key]
        if key in self.open:
            raise self.fail(
                "an alias refers to the mapping or list that holds it (a recursive "
                "alias); the file was not read",
                node,
                "replace the alias (*name) by the values it stands for",
            )
        if depth > _MAX_DEPTH:
            raise self.fail(
                f"values are nested more than {_MAX_DEPTH} levels deep; the file was not read",
                node,
                "flatten the structure",
            )
        self.distinct += 1
        total = 1
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            self.open.add(key)
            if isinstance(node, yaml.MappingNode):
                self.duplicates(node)
                children = [child for pair in node.value for child in pair]
            else:
                children = node.value
            for child in children:
                if child.__class__ is yaml.ScalarNode:  # most nodes: no memo needed
                    total += 1
                    self.distinct += 1
                    continue
                total += self.size(child, depth + 1)
                if total - self.distinct > self.limit:
                    raise self.fail(
                        f"the aliases (*name) of the file would expand it by more than "
                        f"{self.limit:,} values, as in a 'billion laughs' file; it was "
                        "not read",
                        node,
                        "write the values out instead of repeating anchors within anchors",
                    )
            self.open.discard(key)
        self.sizes[key] = total
        return total

    def duplicates(self, node: yaml.MappingNode) -> None:
        first: dict[tuple[str, str], yaml.Node] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE:
                continue
            key = (key_node.tag, key_node.value)
            if key in first:
                raise self.fail(
                    f"key {key_node.value!r} appears twice in one mapping "
                    f"(lines {self.line(first[key])} and {self.line(key_node)})",
                    key_node,
                    "YAML would keep only the last one; merge the two or rename one",
                )
            first[key] = key_node


def load_yaml(
    text: str,
    *,
    path: str | PathLike | None,
    lines: bool = False,
    line_offset: int = 0,
    max_alias_nodes: int = MAX_ALIAS_NODES,
) -> Any:
    """Load one YAML document written by a person, with the project's checks.

    Parameters
    ----------
    text : str
        The YAML text (a whole file, or the front matter of a document).
    path : path-like or None
        The file, named in every error.
    lines : bool
        Build mappings as :class:`YamlMapping`, which know their line and the line
        of each key (for errors that name the line of a value).
    line_offset : int
        Lines of the file before ``text`` (1 for front matter after its ``---``),
        added to every line reported.
    max_alias_nodes : int
        Most values that aliases may add once expanded.

    Returns
    -------
    object
        What PyYAML's safe loader builds (``None`` for an empty text).

    Raises
    ------
    InputError
        On a syntax error, a key written twice in one mapping, a recursive alias,
        or aliases that expand beyond ``max_alias_nodes``; each names the file and
        the line.

    Examples
    --------
    >>> book = load_yaml("id: ant\\ncodes:\\n  - id: enrolment\\n", path="ant.yaml", lines=True)
    >>> book["codes"][0].line, book.key_lines["codes"]
    (3, 2)
    >>> load_yaml("a: [1, 2\\n", path="x.yaml")
    Traceback (most recent call last):
    ...
    research.errors.InputError: x.yaml, line 2: not valid YAML: ...
    """
    loader = _LinedLoader(text) if lines else _Loader(text)
    if lines:
        loader.line_offset = line_offset
    node = None
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _Walk(path, line_offset, max_alias_nodes).size(node)
        return loader.construct_document(node)
    except (ValueError, TypeError) as exc:  # a date such as 2024-13-01 or 2024-02-30
        raise _value_error(loader, node, exc, path, line_offset) from None
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, path, line_offset) from None
    except RecursionError:
        raise InputError(
            "values are nested too deeply to be read",
            path=path,
            hint="flatten the structure",
        ) from None
    finally:
        loader.dispose()


def _value_error(
    loader: Any, node: yaml.Node | None, exc: Exception, path: str | PathLike | None, offset: int
) -> InputError:
    """A value YAML reads as a date but that is no date, with its line."""
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode) and current.tag.endswith(":timestamp"):
            try:
                loader.construct_yaml_timestamp(current)
            except (ValueError, TypeError):
                return InputError(
                    f"{current.value!r} is not a valid date",
                    path=path,
                    line=current.start_mark.line + 1 + offset,
                    hint="write a date as 2024-03-14, or put the text in quotes",
                )
        elif isinstance(current, yaml.MappingNode):
            stack.extend(reversed([n for pair in current.value for n in pair]))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
    return InputError(f"a value cannot be read ({exc})", path=path, hint=_SYNTAX_HINT)


def _syntax_error(exc: yaml.YAMLError, path: str | PathLike | None, offset: int) -> InputError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return InputError(
        f"not valid YAML: {problem}",
        path=path,
        line=None if mark is None else mark.line + 1 + offset,
        hint=_SYNTAX_HINT,
    )
