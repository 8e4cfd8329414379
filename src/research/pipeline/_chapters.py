"""The chapter list (``notebooks/chapters.yaml``) and the parameters of chapter notebooks.

A chapter is a parameterised notebook that produces the analyses of one chapter
of the thesis; it runs once per *parameter set* (a run), e.g. the editions review
once for all editions and once per edition. The list is a YAML file::

    chapters:
      - id: editions-review                 # folder name under outputs/
        notebook: 02-editions-review.ipynb  # relative to notebooks/
        title: Bilan des éditions
        runs:                               # optional; default: one run "default"
          - id: all
            parameters: {edition: null}
          - id: SUT2016
            parameters: {edition: SUT2016}

A notebook declares its parameters in its first code cell, tagged ``parameters``,
one typed assignment per line with a comment, as papermill expects::

    edition: str | None = None  # edition_id, or None for every edition

:func:`notebook_parameters` reads them back (name, type, default, help) without
running anything; run parameters and ``-p key=value`` options are checked against
them (:func:`check_parameters`, :func:`coerce_value`).

Examples
--------
>>> coerce_value("2017", "int"), coerce_value("none", "str | None")
(2017, None)
>>> coerce_value("SUT2016", "str | None")
'SUT2016'
"""

from __future__ import annotations

import ast
import io
import json
import os
import re
import tokenize
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from research.errors import InputError, PipelineError
from research.files import load_yaml

__all__ = [
    "CHAPTERS_FILE",
    "Chapter",
    "NotebookParameter",
    "RunSpec",
    "check_parameters",
    "coerce_value",
    "notebook_parameters",
    "parse_assignments",
    "read_chapters",
    "select_chapters",
]

CHAPTERS_FILE = "chapters.yaml"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_TRUE = {"true", "yes", "1", "oui", "vrai", "on"}
_FALSE = {"false", "no", "0", "non", "faux", "off"}
_NONE = {"none", "null", "~"}


@dataclass(frozen=True)
class RunSpec:
    """One parameter set of a chapter: an id (its folder name) and parameters."""

    id: str
    parameters: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Chapter:
    """A chapter: id, notebook path, title and its runs."""

    id: str
    notebook: Path
    title: str
    runs: tuple[RunSpec, ...]
    description: str = ""

    @property
    def number(self) -> str | None:
        """The leading number of the notebook's name (``"02"``), if any."""
        match = re.match(r"^(\d+)", self.notebook.name)
        return match.group(1) if match else None


@dataclass(frozen=True)
class NotebookParameter:
    """A parameter declared in a notebook's ``parameters`` cell."""

    name: str
    type: str | None
    default: Any
    help: str = ""

    def describe(self) -> str:
        """``name: type = default  # help`` as written in the notebook.

        Examples
        --------
        >>> NotebookParameter("edition", "str | None", None, "an edition").describe()
        'edition: str | None = None  # an edition'
        """
        text = f"{self.name}: {self.type}" if self.type else self.name
        text += f" = {self.default!r}"
        return f"{text}  # {self.help}" if self.help else text


# -- the chapter list -----------------------------------------------------------------


def _plain(value: Any) -> Any:
    """Parameters as plain dicts and lists (papermill and the run records dump them)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _fail(message: str, path: Path, line: int | None = None, hint: str | None = None) -> None:
    raise InputError(message, path=path, line=line, hint=hint)


def _check_id(value: Any, what: str, path: Path, line: int | None) -> str:
    if not isinstance(value, str | int) or not _ID.match(str(value)):
        _fail(
            f"{what} {value!r} is not a valid id",
            path,
            line,
            "use letters, digits, '.', '_' and '-', starting with a letter or digit",
        )
    return str(value)


def _read_runs(entry: Mapping[str, Any], chapter: str, path: Path) -> tuple[RunSpec, ...]:
    raw = entry.get("runs")
    if raw is None:
        return (RunSpec("default", {}),)
    if not isinstance(raw, list) or not raw:
        _fail(f"chapter {chapter!r}: 'runs' must be a non-empty list", path, entry.line)
    runs: list[RunSpec] = []
    for item in raw:
        if not isinstance(item, dict) or "id" not in item:
            _fail(
                f"chapter {chapter!r}: each run needs an 'id'",
                path,
                entry.line,
                "write '- id: all' and optionally 'parameters: {key: value}'",
            )
        line = item.line
        unknown = set(item) - {"id", "parameters"}
        if unknown:
            _fail(
                f"chapter {chapter!r}: unknown run key(s) {sorted(unknown)}",
                path,
                line,
                "a run has 'id' and 'parameters'",
            )
        run_id = _check_id(item["id"], f"chapter {chapter!r}: run id", path, line)
        if any(r.id == run_id for r in runs):
            _fail(f"chapter {chapter!r}: run id {run_id!r} is used twice", path, line)
        params = item.get("parameters") or {}
        if not isinstance(params, dict):
            _fail(
                f"chapter {chapter!r}, run {run_id!r}: 'parameters' must be a mapping",
                path,
                line,
                "write 'parameters: {edition: SUT2016}'",
            )
        runs.append(RunSpec(run_id, _plain(params)))
    return tuple(runs)


def read_chapters(path: str | os.PathLike) -> list[Chapter]:
    """Read and check a chapter list.

    Parameters
    ----------
    path : path-like
        The ``chapters.yaml`` file; notebook paths in it are relative to its folder.

    Returns
    -------
    list of Chapter
        In the order of the file.

    Raises
    ------
    InputError
        When the file is missing, is not valid YAML, or a chapter or run is
        malformed (the message names the line).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "chapters.yaml").write_text(
    ...     "chapters:\\n  - id: review\\n    notebook: 02-review.ipynb\\n    title: Bilan\\n")
    >>> [(c.id, c.number, [r.id for r in c.runs]) for c in read_chapters(folder / "chapters.yaml")]
    [('review', '02', ['default'])]
    """
    path = Path(path)
    if not path.is_file():
        _fail(
            "the chapter list does not exist",
            path,
            hint="create notebooks/chapters.yaml listing each chapter's id, notebook and title",
        )
    data = load_yaml(path.read_text(encoding="utf-8"), path=path, lines=True)
    entries = data.get("chapters") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        _fail("the file must hold a 'chapters:' list", path, hint="see docs/formats.md")
    chapters: list[Chapter] = []
    for entry in entries:
        if not isinstance(entry, dict):
            _fail("each chapter must be a mapping with 'id', 'notebook' and 'title'", path)
        line = entry.line
        unknown = set(entry) - {"id", "notebook", "title", "description", "runs"}
        if unknown:
            _fail(
                f"unknown chapter key(s) {sorted(unknown)}",
                path,
                line,
                "a chapter has id, notebook, title, description and runs",
            )
        for key in ("id", "notebook"):
            if not entry.get(key):
                _fail(f"a chapter has no {key!r}", path, line)
        chapter_id = _check_id(entry["id"], "chapter id", path, line)
        if any(c.id == chapter_id for c in chapters):
            _fail(f"chapter id {chapter_id!r} is used twice", path, line)
        chapters.append(
            Chapter(
                id=chapter_id,
                notebook=(path.parent / str(entry["notebook"])).resolve(),
                title=str(entry.get("title") or chapter_id),
                runs=_read_runs(entry, chapter_id, path),
                description=str(entry.get("description") or ""),
            )
        )
    return chapters


def select_chapters(
    chapters: Sequence[Chapter], wanted: Sequence[str] | None
) -> list[tuple[Chapter, list[RunSpec]]]:
    """The chapters (and runs) named by ``wanted``, in the order of the list.

    A name is a chapter id, its notebook's name or stem, or its number (``02`` or
    ``2``), optionally followed by ``/RUN`` to keep one run.

    Raises
    ------
    PipelineError
        When a name matches no chapter or run, listing the known ones.

    Examples
    --------
    >>> ch = Chapter("review", Path("02-review.ipynb"), "Bilan",
    ...              (RunSpec("all"), RunSpec("E1", {"edition": "E1"})))
    >>> [(c.id, [r.id for r in runs]) for c, runs in select_chapters([ch], ["2/E1"])]
    [('review', ['E1'])]
    """
    if not wanted:
        return [(chapter, list(chapter.runs)) for chapter in chapters]
    chosen: dict[str, list[RunSpec]] = {}
    for name in wanted:
        base, _, run = name.partition("/")
        match = [c for c in chapters if _names(c, base)]
        if not match:
            known = ", ".join(f"{c.id} ({c.number})" if c.number else c.id for c in chapters)
            raise PipelineError(f"no chapter {base!r} in the chapter list; known: {known}")
        chapter = match[0]
        runs = list(chapter.runs)
        if run:
            runs = [r for r in chapter.runs if r.id == run]
            if not runs:
                known = ", ".join(r.id for r in chapter.runs)
                raise PipelineError(f"chapter {chapter.id!r} has no run {run!r}; its runs: {known}")
        kept = chosen.setdefault(chapter.id, [])
        kept.extend(r for r in runs if r not in kept)
    return [(c, sorted(chosen[c.id], key=c.runs.index)) for c in chapters if c.id in chosen]


def _names(chapter: Chapter, name: str) -> bool:
    number = chapter.number
    return name in (chapter.id, chapter.notebook.name, chapter.notebook.stem) or (
        number is not None and name.isdigit() and int(name) == int(number)
    )


# -- notebook parameters ------------------------------------------------------------------


def _parameters_source(path: Path) -> str | None:
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the notebook ({exc})", path=path) from None
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = cell.get("source", "")
            return "".join(source) if isinstance(source, list) else source
    return None


def _line_comments(source: str) -> dict[int, str]:
    comments: dict[int, str] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                comments[token.start[0]] = token.string.lstrip("#").strip()
    except (tokenize.TokenError, IndentationError):
        pass
    return comments


def notebook_parameters(path: str | os.PathLike) -> list[NotebookParameter]:
    """The parameters declared in a notebook's cell tagged ``parameters``.

    Returns an empty list when the notebook has no such cell.

    Raises
    ------
    InputError
        When the notebook cannot be read or its parameters cell is not valid Python.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "n.ipynb"
    >>> cell = {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "outputs": [],
    ...         "source": "edition: str | None = None  # edition_id\\nseed = 3\\n"}
    >>> _ = path.write_text(json.dumps({"cells": [cell], "metadata": {}}))
    >>> [p.describe() for p in notebook_parameters(path)]
    ['edition: str | None = None  # edition_id', 'seed = 3']
    """
    path = Path(path)
    source = _parameters_source(path)
    if source is None:
        return []
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise InputError(
            f"the parameters cell is not valid Python: {exc.msg}",
            path=path,
            line=exc.lineno,
            hint="line numbers count from the cell's first line",
        ) from None
    comments = _line_comments(source)
    found: list[NotebookParameter] = []
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            name, kind, value = node.target.id, ast.unparse(node.annotation), node.value
        elif (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            name, kind, value = node.targets[0].id, None, node.value
        else:
            continue
        try:
            default = None if value is None else ast.literal_eval(value)
        except ValueError:
            default = ast.unparse(value)
        found.append(NotebookParameter(name, kind, default, comments.get(node.end_lineno, "")))
    return found


def _options(type_name: str | None) -> list[str]:
    if not type_name:
        return []
    text = type_name.replace(" ", "")
    optional = re.fullmatch(r"(?:typing\.)?Optional\[(.+)\]", text)
    if optional:
        return [optional.group(1), "None"]
    return [part for part in text.split("|") if part]


def coerce_value(text: str, type_name: str | None) -> Any:
    """Read a command-line value as the type a notebook declares for it.

    ``none``/``null`` give ``None`` when the type allows it; ``bool`` accepts
    ``true/false``, ``yes/no``, ``oui/non``, ``1/0``; lists and mappings are read
    as YAML (``[a, b]``); an undeclared type is read as YAML too.

    Raises
    ------
    ValueError
        When the text cannot be read as the declared type.

    Examples
    --------
    >>> coerce_value("oui", "bool"), coerce_value("0.01", "float"), coerce_value("[a, b]", "list[str]")
    (True, 0.01, ['a', 'b'])
    """
    options = _options(type_name)
    if not options:
        return yaml.safe_load(text) if text.strip() else ""
    lowered = text.strip().lower()
    if lowered in _NONE and "None" in options:
        return None
    for option in options:
        base = option.split("[", 1)[0].removeprefix("typing.").lower()
        if base == "bool" and lowered in _TRUE | _FALSE:
            return lowered in _TRUE
        if base == "int" and re.fullmatch(r"[+-]?\d+", lowered):
            return int(lowered)
        if base == "float":
            try:
                return float(lowered)
            except ValueError:
                pass
        if base in ("list", "tuple", "dict", "sequence", "mapping"):
            value = yaml.safe_load(text)
            if isinstance(value, list | dict):
                return value
    if any(option.lower() == "str" for option in options):
        return text
    raise ValueError(f"cannot read {text!r} as {type_name}")


def _matches(value: Any, type_name: str | None) -> bool:
    options = _options(type_name)
    checks = {
        "None": lambda v: v is None,
        "str": lambda v: isinstance(v, str),
        "bool": lambda v: isinstance(v, bool),
        "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "float": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
        "list": lambda v: isinstance(v, list | tuple),
        "tuple": lambda v: isinstance(v, list | tuple),
        "dict": lambda v: isinstance(v, dict),
    }
    bases = [option.split("[", 1)[0].removeprefix("typing.") for option in options]
    if not bases or any(base not in checks for base in bases):
        return True
    return any(checks[base](value) for base in bases)


def check_parameters(
    values: Mapping[str, Any],
    declared: Sequence[NotebookParameter],
    *,
    where: str,
    check_types: bool = True,
) -> None:
    """Check names (and types) of ``values`` against a notebook's declared parameters.

    Raises
    ------
    PipelineError
        Naming the unknown key and every accepted one, or the wrong type.

    Examples
    --------
    >>> declared = [NotebookParameter("edition", "str | None", None, "an edition")]
    >>> check_parameters({"editon": "E1"}, declared, where="chapter 'review'")
    Traceback (most recent call last):
    ...
    research.errors.PipelineError: chapter 'review' has no parameter 'editon'; accepted: edition: str | None = None  # an edition
    """
    by_name = {p.name: p for p in declared}
    for key, value in values.items():
        if key not in by_name:
            accepted = (
                "; ".join(p.describe() for p in declared) or "none (no cell tagged 'parameters')"
            )
            raise PipelineError(f"{where} has no parameter {key!r}; accepted: {accepted}")
        if check_types and not _matches(value, by_name[key].type):
            raise PipelineError(
                f"{where}: parameter {key!r} must be {by_name[key].type}, got {value!r}"
            )


def parse_assignments(items: Sequence[str]) -> dict[str, str]:
    """``["key=value", …]`` from the command line as a mapping (values stay text).

    Raises
    ------
    PipelineError
        For an item without ``=`` or with an empty key.

    Examples
    --------
    >>> parse_assignments(["edition=SUT2016", "note=a=b"])
    {'edition': 'SUT2016', 'note': 'a=b'}
    """
    result: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip().isidentifier():
            raise PipelineError(f"parameter {item!r} is not 'key=value' with a Python name as key")
        result[key.strip()] = value
    return result
