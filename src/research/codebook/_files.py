"""Reading and writing codebook files: YAML with line numbers, one tree per file.

The shape of a file is described in :mod:`research.codebook` and in
``codebook/README.md``. Reading keeps the line of every code and key so that each
problem names its file and line; writing keeps the comment lines at the top of a
file and writes only the files whose codes changed, atomically.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "ant.yaml").write_text(
...     "id: ant\\ncodes:\\n  - id: enrolment\\n    colour: red\\n")
>>> book, problems = read_codebook(folder)
>>> [(p.path, p.line, p.message, p.hint) for p in problems]
[('ant.yaml', 4, "unknown key 'colour' in a code", "did you mean 'color'?")]
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import yaml

from research.codebook._model import (
    _CODE_KEYS,
    _ID_PART,
    _ROOT_KEYS,
    _TEXT_KEYS,
    Codebook,
    _blank,
    _normalise_row,
    _tree_frame,
    validate_codes,
)
from research.errors import CodebookError, InputError, Problem, ValidationFailed
from research.files import atomic_write_text, folder_files, load_yaml

__all__ = [
    "codebook_files",
    "codebook_texts",
    "load_codebook",
    "read_codebook",
    "save_codebook",
]

_SUFFIXES = (".yaml", ".yml")


# -- reading YAML with line numbers -----------------------------------------------------


def codebook_files(folder: str | Path) -> list[Path]:
    """The YAML files of a codebook folder, sorted by name.

    Files whose name starts with ``.`` or ``_`` are skipped, so a tree can be
    set aside by renaming its file; so is the project's lexicon
    (:data:`research.nlp.LEXICON_FILE`), which lives beside the codebooks.
    """
    from research.nlp import LEXICON_FILE

    return [p for p in folder_files(folder, _SUFFIXES) if p.name != LEXICON_FILE]


def _text_value(value: Any, key: str, where: dict, problems: list[Problem]) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        problems.append(
            Problem(
                "error",
                f"{key!r} reads as the boolean {value}; a text was expected",
                **where,
                hint="put the text in quotes",
            )
        )
        return None
    if isinstance(value, dict | list):
        problems.append(
            Problem("error", f"{key!r} must be a text, not a {type(value).__name__}", **where)
        )
        return None
    text = str(value).strip()
    return text or None


def _read_node(
    node: Any,
    *,
    parent: str | None,
    rel: str,
    rows: list[dict],
    problems: list[Problem],
    root: bool,
) -> None:
    if not isinstance(node, dict):
        problems.append(
            Problem(
                "error",
                "each code must be a mapping of 'key: value' lines",
                path=rel,
                hint="start each item of a 'codes:' list with '- id: …'",
            )
        )
        return
    line = node.line
    lines = node.key_lines

    def at(key: str) -> dict:
        return {"path": rel, "line": lines.get(key, line)}

    allowed = _ROOT_KEYS if root else _CODE_KEYS
    for key in lines:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
            hint = (
                f"did you mean {close[0]!r}?"
                if close
                else f"known keys: {', '.join(sorted(allowed))}"
            )
            problems.append(
                Problem("error", f"unknown key {key!r} in a code", **at(key), hint=hint)
            )
    raw_id = node.get("id")
    if raw_id is None or isinstance(raw_id, bool) or not _ID_PART.match(str(raw_id)):
        problems.append(
            Problem(
                "error",
                f"code id {raw_id!r} is missing or not a single name",
                **at("id"),
                hint="an id holds letters, digits, '_' and '-' (no dots: nest codes instead)",
            )
        )
        return
    if root and node.get("parent") is not None:
        parent = str(node["parent"]).strip()
    code = f"{parent}.{raw_id}" if parent else str(raw_id)
    color = node.get("color")
    codable = node.get("codable", True)
    if not isinstance(codable, bool):
        problems.append(
            Problem("error", f"'codable' of {code!r} must be true or false", **at("codable"))
        )
        codable = True
    references = node.get("references") or []
    if isinstance(references, str):
        references = [references]
    if not isinstance(references, list):
        problems.append(
            Problem(
                "error", f"'references' of {code!r} must be a list of texts", **at("references")
            )
        )
        references = []
    row = {"code": code, "parent": parent}
    for key in _TEXT_KEYS:
        row[key] = _text_value(node.get(key), key, at(key), problems)
    row["label"] = row["label"] or str(raw_id)
    row.update(
        color=None if color is None else str(color).strip(),
        codable=codable,
        level=None if node.get("level") is None else str(node["level"]).strip(),
        references=tuple(str(r).strip() for r in references if r is not None),
        file=rel,
        line=line,
        color_line=lines.get("color", line),
        level_line=lines.get("level", line),
        parent_line=lines.get("parent", line) if root else line,
    )
    rows.append(row)
    children = node.get("codes") or []
    if not isinstance(children, list):
        problems.append(
            Problem(
                "error",
                f"'codes' of {code!r} must be a list",
                **at("codes"),
                hint="write each child as an item: '- id: …'",
            )
        )
        return
    for child in children:
        _read_node(child, parent=code, rel=rel, rows=rows, problems=problems, root=False)


def _read_file(path: Path, rel: str) -> tuple[list[dict], list[Problem]]:
    """Rows (one per code) and problems of one codebook file."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return [], [Problem("error", f"not UTF-8 text ({exc.reason})", path=rel)]
    try:
        data = load_yaml(text, path=rel, lines=True)
    except InputError as exc:
        return [], [exc.to_problem()]
    if data is None:
        return [], [Problem("warning", "empty codebook file", path=rel)]
    if not isinstance(data, dict):
        return [], [
            Problem(
                "error",
                "a codebook file must hold one tree: a mapping with 'id:' and 'codes:'",
                path=rel,
                line=1,
            )
        ]
    rows: list[dict] = []
    problems: list[Problem] = []
    _read_node(data, parent=None, rel=rel, rows=rows, problems=problems, root=True)
    return rows, problems


def _header_comment(text: str) -> str:
    """The comment lines at the top of a YAML file (kept when it is saved again)."""
    kept = []
    for line in text.splitlines():
        if line.startswith("#") or (kept and not line.strip()):
            kept.append(line)
        else:
            break
    while kept and not kept[-1].strip():
        kept.pop()
    return "\n".join(kept) + "\n" if kept else ""


def read_codebook(
    folder: str | Path, *, root: str | Path | None = None
) -> tuple[Codebook, list[Problem]]:
    """Read every codebook file of ``folder``, collecting problems instead of stopping.

    Codes of files with errors are still returned when they could be read, so
    that later checks (codings pointing at codes) do not cascade.

    Parameters
    ----------
    folder : path-like
        The codebook folder.
    root : path-like, optional
        Problems name files relative to it (default: ``folder``); the ``file``
        column of the codes is always relative to ``folder``.

    Returns
    -------
    codebook : Codebook
    problems : list of Problem
        Each names the file and line.
    """
    folder = Path(folder)
    rows: list[dict] = []
    problems: list[Problem] = []
    headers: dict[str, str] = {}
    for path in codebook_files(folder):
        found, file_problems = _read_file(path, path.name)
        rows += found
        problems += file_problems
        headers[path.name] = _header_comment(path.read_text(encoding="utf-8", errors="replace"))
    problems += validate_codes(rows)
    if root is not None:
        problems = [_relative_problem(p, folder, Path(root)) for p in problems]
    seen: set[str] = set()
    kept = []
    for row in rows:
        if row["code"] not in seen:
            seen.add(row["code"])
            kept.append(_normalise_row(row))
    return Codebook(_tree_frame(kept), headers=headers), problems


def _relative_problem(problem: Problem, folder: Path, root: Path) -> Problem:
    from dataclasses import replace

    if problem.path is None:
        return problem
    try:
        path = (folder / problem.path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        path = (folder / problem.path).as_posix()
    return replace(problem, path=path)


def load_codebook(folder: str | Path) -> Codebook:
    """Load the codebook of ``folder``; raise if any file has an error.

    Raises
    ------
    ValidationFailed
        Listing every error, each with its file and line.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "ant.yaml").write_text(
    ...     "id: ant\\ncodable: false\\ncodes:\\n  - id: enrolment\\n    label: Enrôlement\\n")
    >>> load_codebook(folder).label("ant.enrolment")
    'Enrôlement'
    """
    book, problems = read_codebook(folder)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValidationFailed(errors)
    return book


# -- writing --------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block style; long texts folded, texts with newlines literal; lists indented."""

    def increase_indent(self, flow=False, indentless=False):  # type: ignore[override]
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        style = "|"
    elif len(value) > 60 and value == value.strip() and "  " not in value:
        style = ">"
    else:
        style = None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def _node_dict(book: Codebook, code: str, *, top: bool) -> dict[str, Any]:
    row = book._codes.iloc[book._index[code]]
    parent = row["parent"]
    node: dict[str, Any] = {"id": code.rsplit(".", 1)[-1] if not _blank(parent) else code}
    if top and not _blank(parent):
        node["parent"] = parent
    node["label"] = row["label"]
    if not row["codable"]:
        node["codable"] = False
    for key in ("level", "color", "definition", "include", "exclude", "example", "memo"):
        if not _blank(row[key]):
            node[key] = row[key]
    if row["references"]:
        node["references"] = list(row["references"])
    kids = [
        k
        for k in book._children.get(code, [])
        if book._codes.at[book._index[k], "file"] == row["file"]
    ]
    if kids:
        node["codes"] = [_node_dict(book, k, top=False) for k in kids]
    return node


def codebook_texts(book: Codebook) -> dict[str, str]:
    """The YAML text of each file of a codebook (file name → text).

    Comment lines at the top of a file read earlier are kept.

    Raises
    ------
    CodebookError
        When a file would hold two trees.
    """
    texts: dict[str, str] = {}
    files = book._codes[["code", "parent", "file"]]
    for file, group in files.groupby("file", sort=True):
        parent_files = group["parent"].map(
            lambda p: None if _blank(p) or p not in book else book._codes.at[book._index[p], "file"]
        )
        tops = group.loc[parent_files != file, "code"].tolist()
        if len(tops) != 1:
            raise CodebookError(
                f"codebook file would hold {len(tops)} trees ({', '.join(tops)})",
                path=file,
                hint="each file holds one tree; give the other codes their own file",
            )
        body = yaml.dump(
            _node_dict(book, tops[0], top=True),
            Dumper=_Dumper,
            sort_keys=False,
            allow_unicode=True,
            width=88,
        )
        texts[str(file)] = book.headers.get(str(file), "") + body
    return texts


def save_codebook(
    folder: str | Path, book: Codebook, *, remove_missing: bool = False
) -> list[Path]:
    """Write each tree of ``book`` to its file in ``folder``, atomically.

    Parameters
    ----------
    folder : path-like
        The codebook folder (created if needed).
    book : Codebook
    remove_missing : bool
        Delete codebook files of ``folder`` that no longer hold any code.

    Returns
    -------
    list of Path
        The files written (unchanged files are not rewritten).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import pandas as pd
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> book = Codebook.from_frame(pd.DataFrame({"code": ["sut", "sut.trust"],
    ...                                          "codable": [False, True]}))
    >>> [p.name for p in save_codebook(folder, book)]
    ['sut.yaml']
    >>> load_codebook(folder) == book
    True
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    texts = codebook_texts(book)
    for name, text in texts.items():
        path = folder / name
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        atomic_write_text(path, text)
        written.append(path)
    if remove_missing:
        for path in codebook_files(folder):
            if path.name not in texts:
                path.unlink()
    return written
