"""The standard chapters shipped with the package, and adding them to a project."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from research.cli import main
from research.errors import PipelineError
from research.pipeline import (
    add_standard_chapter,
    install_standard_chapters,
    read_chapters,
    standard_chapters,
    standard_chapters_folder,
)

REPO = Path(__file__).resolve().parents[1]
NAMES = [
    "01-corpus-overview.ipynb",
    "02-editions-review.ipynb",
    "03-coding-and-agreement.ipynb",
    "04-institutional-work.ipynb",
    "05-actor-network.ipynb",
    "06-lexicometry.ipynb",
]


def test_the_package_ships_six_chapters_inside_the_package():
    folder = standard_chapters_folder()
    assert folder.is_relative_to(REPO / "src" / "research" / "pipeline")
    assert sorted(p.name for p in folder.glob("*.ipynb")) == NAMES
    assert [c.notebook.name for c in standard_chapters()] == NAMES


def test_the_packaged_notebooks_are_declared_as_package_data():
    settings = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"pipeline/chapters/*.ipynb"' in settings and '"pipeline/chapters/*.yaml"' in settings


@pytest.mark.parametrize("name", NAMES)
def test_the_demo_notebooks_are_the_packaged_ones_byte_for_byte(name):
    demo = (REPO / "notebooks" / name).read_bytes()
    assert demo == (standard_chapters_folder() / name).read_bytes(), (
        f"notebooks/{name} differs from src/research/pipeline/chapters/{name}: "
        "change the packaged notebook and copy it to notebooks/"
    )


def test_the_generic_chapter_list_names_no_demo_data():
    text = (standard_chapters_folder() / "chapters.yaml").read_text(encoding="utf-8")
    for demo_id in ("SUT2016", "SUT2017", "SUT2019", "camille", "O01", "coopér"):
        assert demo_id not in text
    chapters = read_chapters(standard_chapters_folder() / "chapters.yaml")
    assert all(len(c.runs) == 1 and not c.runs[0].parameters for c in chapters)
    demo = [c.id for c in read_chapters(REPO / "notebooks" / "chapters.yaml")]
    assert [c.id for c in chapters] == demo


def test_install_writes_everything_once_and_keeps_what_exists(tmp_path):
    folder = tmp_path / "notebooks"
    written = install_standard_chapters(folder)
    assert sorted(p.name for p in written) == sorted(["chapters.yaml", *NAMES])
    (folder / NAMES[0]).write_text("mine", encoding="utf-8")
    assert install_standard_chapters(folder) == []
    assert (folder / NAMES[0]).read_text(encoding="utf-8") == "mine"


def test_add_lists_a_missing_chapter_and_keeps_the_projects_comments(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    (folder / "chapters.yaml").write_text(
        "# my thesis\nchapters:\n  - id: mine\n    notebook: 09-mine.ipynb\n", encoding="utf-8"
    )
    added = add_standard_chapter(folder, "04")
    assert added.listed and added.written == [folder / NAMES[3]]
    text = (folder / "chapters.yaml").read_text(encoding="utf-8")
    assert text.startswith("# my thesis\n")
    assert [c.id for c in read_chapters(folder / "chapters.yaml")] == ["mine", "institutional-work"]
    again = add_standard_chapter(folder, "institutional-work")
    assert (again.written, again.listed) == ([], False)


def test_add_into_a_project_without_a_chapter_list(tmp_path):
    folder = tmp_path / "notebooks"
    added = add_standard_chapter(folder, "corpus-overview")
    chapters = read_chapters(folder / "chapters.yaml")
    assert [c.id for c in chapters] == ["corpus-overview"] and added.listed
    assert chapters[0].title == "Le corpus de la recherche"


def test_add_refuses_to_overwrite_a_changed_notebook_unless_forced(tmp_path):
    folder = tmp_path / "notebooks"
    install_standard_chapters(folder)
    target = folder / NAMES[1]
    target.write_text("{}", encoding="utf-8")
    with pytest.raises(PipelineError, match=r"differs from the standard chapter.*--force"):
        add_standard_chapter(folder, "02")
    assert target.read_text(encoding="utf-8") == "{}"
    assert add_standard_chapter(folder, "02", force=True).written == [target]
    assert target.read_bytes() == (standard_chapters_folder() / NAMES[1]).read_bytes()


def test_add_an_unknown_chapter_lists_the_standard_ones(tmp_path):
    with pytest.raises(PipelineError, match=r"among the standard chapters.*editions-review"):
        add_standard_chapter(tmp_path, "07")


def test_init_writes_the_chapters_and_the_commands_list_and_add_them(tmp_path, capsys):
    root = tmp_path / "these"
    assert main(["init", str(root)]) == 0
    notebooks = root / "notebooks"
    assert sorted(p.name for p in notebooks.iterdir()) == sorted(["chapters.yaml", *NAMES])
    listing = yaml.safe_load((notebooks / "chapters.yaml").read_text(encoding="utf-8"))
    assert len(listing["chapters"]) == len(NAMES)
    capsys.readouterr()
    (notebooks / NAMES[2]).write_text("{}", encoding="utf-8")
    (notebooks / NAMES[4]).unlink()
    assert main(["chapters", "list", "-C", str(root)]) == 0
    out = capsys.readouterr().out
    assert "corpus-overview\tLe corpus de la recherche\tpresent\n" in out
    assert "coding-and-agreement" in out and "present, changed by this project" in out
    assert "missing (research chapters add actor-network)" in out
    assert main(["chapters", "add", "05", "03", "-C", str(root)]) == 1
    captured = capsys.readouterr()
    assert "wrote notebooks/05-actor-network.ipynb" in captured.out
    assert "use --force" in captured.err
    assert (notebooks / NAMES[2]).read_text(encoding="utf-8") == "{}"
    assert main(["chapters", "add", "03", "--force", "-C", str(root)]) == 0
    assert main(["chapters", "add", "03", "-C", str(root)]) == 0
    assert "already in this project, unchanged" in capsys.readouterr().out
