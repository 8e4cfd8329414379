"""Symbolic links in the project's folders that lead outside it are refused."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from research.cli import main
from research.errors import UnsafeInputError, ValidationFailed
from research.project import init_project, open_project

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links")

CODING = Path(__file__).resolve().parent / "data" / "coding"


@pytest.fixture
def places(tmp_path: Path) -> tuple[Path, Path]:
    """A project and, beside it, a folder outside it."""
    root = tmp_path / "these"
    init_project(root)
    shutil.copytree(CODING / "documents", root / "corpus" / "documents", dirs_exist_ok=True)
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    (outside / "secret.md").write_text("---\nid: SECRET\n---\nmot de passe\n", encoding="utf-8")
    return root, outside


def validate(root: Path, capsys) -> tuple[int, str]:
    code = main(["validate", "-C", str(root)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_a_document_linked_from_outside_is_refused(places, capsys):
    root, outside = places
    os.symlink(outside / "secret.md", root / "corpus" / "documents" / "SECRET.md")
    code, text = validate(root, capsys)
    assert code == 1 and "Traceback" not in text
    assert "corpus/documents/SECRET.md is a symbolic link to" in text
    assert str(outside / "secret.md") in text
    with pytest.raises(ValidationFailed, match=r"SECRET\.md is a symbolic link"):
        _ = open_project(root).corpus


def test_a_system_file_linked_as_a_document_is_refused(places, capsys):
    root, _ = places
    os.symlink("/etc/passwd", root / "corpus" / "documents" / "passwd.txt")
    code, text = validate(root, capsys)
    assert code == 1 and "passwd.txt is a symbolic link to /etc/passwd" in text


def test_a_documents_folder_that_is_a_link_outside_is_refused(places, capsys):
    root, outside = places
    shutil.rmtree(root / "corpus" / "documents")
    os.symlink(outside, root / "corpus" / "documents")
    code, text = validate(root, capsys)
    assert code == 1 and "corpus/documents is a symbolic link to" in text


def test_links_inside_the_project_are_fine(places, capsys):
    root, _ = places
    (root / "archive").mkdir()
    shutil.move(root / "corpus" / "documents" / "INT01.md", root / "archive" / "INT01.md")
    os.symlink(root / "archive" / "INT01.md", root / "corpus" / "documents" / "INT01.md")
    code, text = validate(root, capsys)
    assert code == 0, text
    assert "INT01" in set(open_project(root).corpus.doc_ids)


@pytest.mark.parametrize(
    ("folder", "name"),
    [
        ("corpus/tables", "editions.csv"),
        ("codebook", "sut.yaml"),
        ("corpus/codings", "lea.csv"),
    ],
)
def test_tables_codebook_and_codings_linked_from_outside(places, capsys, folder, name):
    root, outside = places
    (outside / name).write_text("x\n")
    os.symlink(outside / name, root / folder / name)
    code, text = validate(root, capsys)
    assert code == 1
    assert f"{folder}/{name} is a symbolic link to {outside / name}, outside the project" in text
    attribute = {"corpus/tables": "tables", "codebook": "codebook", "corpus/codings": "codings"}
    with pytest.raises(UnsafeInputError, match=rf"{folder}/{name}: a symbolic link to"):
        getattr(open_project(root), attribute[folder])
