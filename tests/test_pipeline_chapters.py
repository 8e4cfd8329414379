"""The chapter list and the parameters of chapter notebooks."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
from pathlib import Path

import pytest

from research.errors import InputError, PipelineError
from research.pipeline import (
    Chapter,
    NotebookParameter,
    RunSpec,
    check_parameters,
    coerce_value,
    notebook_parameters,
    parse_assignments,
    read_chapters,
    select_chapters,
)

REPO = Path(__file__).resolve().parents[1]


def _write(folder: Path, text: str) -> Path:
    path = folder / "chapters.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _notebook(path: Path, source: str, *, tagged: bool = True) -> Path:
    cell = {
        "cell_type": "code",
        "metadata": {"tags": ["parameters"] if tagged else []},
        "outputs": [],
        "execution_count": None,
        "source": source.splitlines(keepends=True),
    }
    intro = {"cell_type": "markdown", "metadata": {}, "source": ["# Titre"]}
    path.write_text(json.dumps({"cells": [intro, cell], "metadata": {}, "nbformat": 4}))
    return path


# -- reading the list -------------------------------------------------------------------------


def test_read_chapters(tmp_path):
    path = _write(
        tmp_path,
        "chapters:\n"
        "  - id: review\n    notebook: 02-review.ipynb\n    title: Bilan\n"
        "    runs:\n      - id: all\n        parameters: {edition: null}\n"
        "      - id: E1\n        parameters: {edition: E1}\n"
        "  - id: corpus\n    notebook: sub/01-corpus.ipynb\n",
    )
    review, corpus = read_chapters(path)
    assert (review.id, review.title, review.number) == ("review", "Bilan", "02")
    assert review.runs == (RunSpec("all", {"edition": None}), RunSpec("E1", {"edition": "E1"}))
    assert review.notebook == (tmp_path / "02-review.ipynb").resolve()
    assert corpus.title == "corpus" and corpus.runs == (RunSpec("default", {}),)


def test_the_repository_chapter_list_is_valid():
    chapters = read_chapters(REPO / "notebooks" / "chapters.yaml")
    assert [c.number for c in chapters] == ["01", "02", "03", "04", "05", "06"]
    review = next(c for c in chapters if c.id == "editions-review")
    assert [r.id for r in review.runs] == ["all", "SUT2016", "SUT2017", "SUT2019"]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("chapters: [\n", "not valid YAML", 2),
        ("- id: a\n", "must hold a 'chapters:' list", None),
        ("chapters:\n  - id: a\n", "has no 'notebook'", 2),
        ("chapters:\n  - id: a b\n    notebook: x.ipynb\n", "not a valid id", 2),
        (
            "chapters:\n  - {id: a, notebook: x.ipynb}\n  - {id: a, notebook: y.ipynb}\n",
            "used twice",
            3,
        ),
        ("chapters:\n  - {id: a, notebook: x.ipynb, colour: red}\n", "unknown chapter key", 2),
        (
            "chapters:\n  - {id: a, notebook: x.ipynb, runs: all}\n",
            "'runs' must be a non-empty list",
            2,
        ),
        (
            "chapters:\n  - {id: a, notebook: x.ipynb, runs: [{parameters: {}}]}\n",
            "needs an 'id'",
            2,
        ),
        (
            "chapters:\n  - id: a\n    notebook: x.ipynb\n    runs:\n      - {id: r, parameters: 3}\n",
            "'parameters' must be a mapping",
            5,
        ),
        (
            "chapters:\n  - id: a\n    notebook: x.ipynb\n    runs:\n      - {id: r}\n      - {id: r}\n",
            "run id 'r' is used twice",
            6,
        ),
        (
            "chapters:\n  - id: a\n    notebook: x.ipynb\n    runs:\n      - {id: r, seed: 3}\n",
            "unknown run key",
            5,
        ),
    ],
)
def test_bad_chapter_lists_name_the_line(tmp_path, text, message, line):
    path = _write(tmp_path, text)
    with pytest.raises(InputError, match=message) as caught:
        read_chapters(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line


def test_missing_chapter_list(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        read_chapters(tmp_path / "chapters.yaml")


# -- choosing chapters ------------------------------------------------------------------------


def _chapters() -> list[Chapter]:
    return [
        Chapter("corpus", Path("01-corpus.ipynb"), "Corpus", (RunSpec("default"),)),
        Chapter(
            "review",
            Path("02-review.ipynb"),
            "Bilan",
            (RunSpec("all"), RunSpec("E1", {"edition": "E1"}), RunSpec("E2", {"edition": "E2"})),
        ),
    ]


@pytest.mark.parametrize("name", ["review", "02", "2", "02-review", "02-review.ipynb"])
def test_select_by_any_name(name):
    ((chapter, runs),) = select_chapters(_chapters(), [name])
    assert chapter.id == "review" and [r.id for r in runs] == ["all", "E1", "E2"]


def test_select_keeps_list_order_and_merges_runs():
    chosen = select_chapters(_chapters(), ["review/E2", "corpus", "review/all"])
    assert [(c.id, [r.id for r in runs]) for c, runs in chosen] == [
        ("corpus", ["default"]),
        ("review", ["all", "E2"]),
    ]


def test_select_everything_by_default():
    assert [c.id for c, _ in select_chapters(_chapters(), None)] == ["corpus", "review"]


def test_unknown_chapter_lists_the_known_ones():
    with pytest.raises(PipelineError, match=r"no chapter 'revue'.*corpus \(01\), review \(02\)"):
        select_chapters(_chapters(), ["revue"])


def test_unknown_run_lists_the_chapter_runs():
    with pytest.raises(PipelineError, match="has no run 'E9'; its runs: all, E1, E2"):
        select_chapters(_chapters(), ["review/E9"])


# -- notebook parameters ------------------------------------------------------------------------


def test_notebook_parameters(tmp_path):
    path = _notebook(
        tmp_path / "n.ipynb",
        "from typing import Optional\n\n"
        "edition: Optional[str] = None  # edition_id, or None\n"
        "alpha: float = 0.05  # level\n"
        "codes = ['iw', 'ant']\n"
        "coder: str | None = None\n"
        "today = compute()  # not a literal\n",
    )
    found = notebook_parameters(path)
    assert [(p.name, p.type, p.default, p.help) for p in found] == [
        ("edition", "Optional[str]", None, "edition_id, or None"),
        ("alpha", "float", 0.05, "level"),
        ("codes", None, ["iw", "ant"], ""),
        ("coder", "str | None", None, ""),
        ("today", None, "compute()", "not a literal"),
    ]


def test_notebook_without_parameters_cell(tmp_path):
    assert notebook_parameters(_notebook(tmp_path / "n.ipynb", "x = 1\n", tagged=False)) == []


def test_parameters_cell_with_a_syntax_error(tmp_path):
    path = _notebook(tmp_path / "n.ipynb", "x: int = 1\ny = (\n")
    with pytest.raises(InputError, match="not valid Python") as caught:
        notebook_parameters(path)
    assert caught.value.line == 2


REPOSITORY_NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def test_every_repository_notebook_is_a_chapter():
    listed = {c.notebook for c in read_chapters(REPO / "notebooks" / "chapters.yaml")}
    assert len(REPOSITORY_NOTEBOOKS) >= 5
    assert {p.resolve() for p in REPOSITORY_NOTEBOOKS} == listed


@pytest.mark.parametrize("path", REPOSITORY_NOTEBOOKS, ids=lambda p: p.name)
def test_the_repository_notebooks_declare_typed_commented_parameters(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    first_code = next(c for c in cells if c["cell_type"] == "code")
    assert "parameters" in first_code["metadata"].get("tags", [])
    found = notebook_parameters(path)
    assert found
    assert all(p.type and p.help for p in found), [p.name for p in found if not p.help]


def _research_names(source: str) -> list[tuple[str, str]]:
    """Every (module, name) of the research package a notebook's code uses."""
    tree = ast.parse(source)
    modules: dict[str, str] = {}  # local name -> research module it stands for
    used = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "research":
                    modules[alias.asname or alias.name.split(".")[0]] = (
                        alias.name if alias.asname else "research"
                    )
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "research":
            for alias in node.names:
                target = f"{node.module}.{alias.name}"
                if importlib.util.find_spec(node.module) and _is_module(target):
                    modules[alias.asname or alias.name] = target
                else:
                    used.append((node.module, alias.name))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
        ):
            used.append((modules[node.value.id], node.attr))
    return used


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


@pytest.mark.parametrize("path", REPOSITORY_NOTEBOOKS, ids=lambda p: p.name)
def test_the_repository_notebooks_use_public_names_only(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    source = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    used = _research_names(source)
    assert used
    private = []
    for module, name in used:
        assert not any(part.startswith("_") for part in module.split(".")), module
        public = getattr(importlib.import_module(module), "__all__", [])
        if name not in public and not _is_module(f"{module}.{name}"):
            private.append(f"{module}.{name}")
    assert private == []


def test_public_name_check_sees_private_uses():
    source = (
        "import research\nfrom research import analysis\nfrom research.pipeline import save_table\n"
        "from research.pipeline._outputs import _write\nresearch.open_project()\n"
        "analysis._plural(2, 'x')\n"
    )
    assert sorted(_research_names(source)) == [
        ("research", "open_project"),
        ("research.analysis", "_plural"),
        ("research.pipeline", "save_table"),
        ("research.pipeline._outputs", "_write"),
    ]


# -- command-line values ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "type_name", "expected"),
    [
        ("12", "int", 12),
        ("-3", "int", -3),
        ("0.5", "float", 0.5),
        ("2", "float", 2.0),
        ("non", "bool", False),
        ("True", "bool", True),
        ("SUT2016", "Optional[str]", "SUT2016"),
        ("2017", "str", "2017"),
        ("None", "Optional[str]", None),
        ("null", "str | None", None),
        ("none", "str", "none"),
        ("[a, b]", "list[str]", ["a", "b"]),
        ("{a: 1}", "dict", {"a": 1}),
        ("7", None, 7),
        ("texte libre", None, "texte libre"),
        ("3", "int | None", 3),
    ],
)
def test_coerce_value(text, type_name, expected):
    value = coerce_value(text, type_name)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize(
    ("text", "type_name"),
    [("abc", "int"), ("1.5", "int"), ("peut-être", "bool"), ("none", "int"), ("x", "list[str]")],
)
def test_coerce_value_errors(text, type_name):
    with pytest.raises(ValueError, match=f"cannot read {text!r}"):
        coerce_value(text, type_name)


def test_check_parameters_names_every_accepted_one():
    declared = [
        NotebookParameter("edition", "Optional[str]", None, "an edition"),
        NotebookParameter("seed", "int", 1, ""),
    ]
    with pytest.raises(
        PipelineError,
        match=r"no parameter 'editon'; accepted: edition: Optional\[str\] = None  # an edition; seed: int = 1",
    ):
        check_parameters({"editon": "E1"}, declared, where="chapter 'review'")


def test_check_parameters_types():
    declared = [NotebookParameter("seed", "int", 1, "")]
    check_parameters({"seed": 3}, declared, where="x")
    with pytest.raises(PipelineError, match="'seed' must be int, got 'trois'"):
        check_parameters({"seed": "trois"}, declared, where="x")
    check_parameters({"seed": "trois"}, declared, where="x", check_types=False)


def test_parse_assignments():
    assert parse_assignments(["edition=SUT2016", "note=a=b", "empty="]) == {
        "edition": "SUT2016",
        "note": "a=b",
        "empty": "",
    }


@pytest.mark.parametrize("item", ["edition", "=x", "two words=1", "1x=2"])
def test_parse_assignments_errors(item):
    with pytest.raises(PipelineError, match="is not 'key=value'"):
        parse_assignments([item])
