"""Wrong settings and side files give one clear error naming the file, never a traceback."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest

from research.cli import main
from research.errors import PipelineError
from research.pipeline import plan_runs
from research.project import init_project, open_project

CODING = Path(__file__).resolve().parent / "data" / "coding"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    init_project(tmp_path)
    documents = tmp_path / "corpus" / "documents"
    for i in range(5):
        (documents / f"INT0{i}.md").write_text(f"---\nid: INT0{i}\n---\nBonjour.\n")
    return tmp_path


def validate(project: Path, capsys) -> tuple[int, str]:
    code = main(["validate", "-C", str(project)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_folders_that_is_not_a_mapping(project, capsys):
    (project / "research.yaml").write_text("title: Thèse\nfolders: 3\n")
    code, text = validate(project, capsys)
    assert code == 1 and "Traceback" not in text
    assert "research.yaml, line 2: 'folders' must be a mapping" in text


def test_a_folder_that_is_not_a_text(project, capsys):
    (project / "research.yaml").write_text("folders:\n  outputs: [a]\n")
    code, text = validate(project, capsys)
    assert code == 1 and "research.yaml, line 2: folders.outputs must be a folder path" in text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("max_file_bytes: abc", "limits.max_file_bytes must be a whole number of bytes above 0"),
        ("max_zip_ratio: -1", "limits.max_zip_ratio must be a positive number"),
        ("max_zip_members: true", "limits.max_zip_members must be a whole number above 0"),
    ],
)
def test_a_wrong_limit_is_one_error_naming_research_yaml(project, capsys, line, expected):
    (project / "research.yaml").write_text(f"title: Thèse\nlimits:\n  {line}\n")
    code, text = validate(project, capsys)
    assert code == 1 and "Traceback" not in text
    errors = [t for t in text.splitlines() if t.startswith("error")]
    assert len(errors) == 1, text
    assert "research.yaml, line 3: " + expected in errors[0]
    assert "INT0" not in text


def test_limits_that_is_not_a_mapping(project, capsys):
    (project / "research.yaml").write_text("title: Thèse\nlimits: 5\n")
    code, text = validate(project, capsys)
    assert code == 1 and "research.yaml, line 2: 'limits' must be a mapping" in text


def test_a_syntax_error_in_coders_yaml_fails_validate(project, capsys):
    (project / "corpus" / "codings" / "coders.yaml").write_text(
        "camille:\n  documents: [INT01, INT02\nzoe:\n  documents: all\n"
    )
    code, text = validate(project, capsys)
    assert code == 1
    assert "corpus/codings/coders.yaml, line" in text and "not valid YAML" in text


def test_a_coders_yaml_of_the_wrong_shape_fails_validate(project, capsys):
    (project / "corpus" / "codings" / "coders.yaml").write_text("camille:\n  documents: 3\n")
    code, text = validate(project, capsys)
    assert code == 1
    assert "corpus/codings/coders.yaml, line 2: coder 'camille' needs 'documents:'" in text


def test_a_good_coders_yaml_passes(project, capsys):
    (project / "corpus" / "codings" / "coders.yaml").write_text("camille:\n  documents: all\n")
    assert validate(project, capsys)[0] == 0


# -- run parameters naming the project's editions, actors and coders ----------------------


@pytest.mark.parametrize(
    ("chapter", "key", "value", "expected"),
    [
        ("02", "edition", "SUT2099", "edition='SUT2099' names no edition of the project"),
        ("03", "coder", "lae", "parameter coder='lae' names no coder of the project"),
        ("05", "animator", "O99", "parameter animator='O99' names no actor of the project"),
    ],
)
def test_a_parameter_naming_nothing_of_the_project_is_refused_before_running(
    repo_root, chapter, key, value, expected
):
    with pytest.raises(PipelineError) as caught:
        plan_runs(open_project(repo_root), [chapter], parameters={key: value})
    assert expected in str(caught.value)
    assert "known: " in str(caught.value)


def test_a_parameter_naming_a_known_edition_plans(repo_root):
    plans = plan_runs(open_project(repo_root), ["02"], parameters={"edition": "SUT2017"})
    assert {p.effective["edition"] for p in plans} == {"SUT2017"}


def test_the_run_command_names_the_unknown_edition(repo_root, tmp_path, capsys):
    for name in ("corpus", "codebook", "notebooks", "research.yaml"):
        copy = shutil.copytree if (repo_root / name).is_dir() else shutil.copy
        copy(repo_root / name, tmp_path / name)
    assert main(["run", "02", "-p", "edition=SUT2099", "-C", str(tmp_path)]) == 1
    assert not (tmp_path / "outputs" / "editions-review").exists()
    err = capsys.readouterr().err
    assert "SUT2099" in err and "SUT2016" in err and "Traceback" not in err


# -- codebook revisions that cannot take the lock -------------------------------------------


def test_codebook_rename_says_nothing_of_success_when_the_lock_is_held(
    tmp_path, monkeypatch, capsys
):
    shutil.copytree(CODING / "documents", tmp_path / "corpus" / "documents")
    shutil.copytree(CODING / "codebook", tmp_path / "codebook")
    (tmp_path / "corpus" / "codings").mkdir()
    args = ["code", "text", "INT01", "sans car le samedi", "sut.barriers.territory", "-c", "lea"]
    assert main([*args, "-C", str(tmp_path)]) == 0
    from research.coding import _revision

    monkeypatch.setattr(
        _revision, "coder_lock", functools.partial(_revision.coder_lock, timeout=0.05)
    )
    from research.coding import coder_lock

    capsys.readouterr()
    with coder_lock(tmp_path / "corpus" / "codings", "lea"):  # another saver holds it
        code = main(["codebook", "rename", "sut.barriers", "sut.obstacles", "-C", str(tmp_path)])
    out = capsys.readouterr()
    assert code == 1
    assert "being saved by another process" in out.err
    assert "sut.obstacles" not in out.out and "wrote" not in out.out
