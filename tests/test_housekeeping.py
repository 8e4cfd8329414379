"""Permissions of rewritten files, stray temporary files, the .gitignore of init."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from research.cli import main
from research.files import atomic_write_text, transaction
from research.project import init_project

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_atomic_write_keeps_the_mode_of_the_file_it_replaces(tmp_path, umask_022):
    target = tmp_path / "lea.csv"
    target.write_text("old\n")
    target.chmod(0o644)
    atomic_write_text(target, "new\n")
    assert target.read_text() == "new\n" and mode(target) == 0o644
    target.chmod(0o640)
    atomic_write_text(target, "newer\n")
    assert mode(target) == 0o640


def test_a_new_file_gets_the_umask_default(tmp_path, umask_022):
    atomic_write_text(tmp_path / "a.csv", "x\n")
    assert mode(tmp_path / "a.csv") == 0o644
    os.umask(0o027)
    atomic_write_text(tmp_path / "b.csv", "x\n")
    assert mode(tmp_path / "b.csv") == 0o640


def test_a_transaction_keeps_modes_too(tmp_path, umask_022):
    old = tmp_path / "codebook.yaml"
    old.write_text("a: 1\n")
    old.chmod(0o664)
    with transaction() as tx:
        tx.write_text(old, "a: 2\n")
        tx.write_text(tmp_path / "new.csv", "x\n")
    assert mode(old) == 0o664 and mode(tmp_path / "new.csv") == 0o644


def _stray(folder: Path, name: str, age_s: float) -> Path:
    path = folder / name
    path.write_text("partial")
    then = time.time() - age_s
    os.utime(path, (then, then))
    return path


def test_a_write_removes_old_stray_temporaries_of_its_folder(tmp_path):
    folder = tmp_path / "codings"
    folder.mkdir()
    old = _stray(folder, ".lea.csv.abc123.tmp", 3 * 24 * 3600)
    recent = _stray(folder, ".zoe.csv.def456.tmp", 60)  # perhaps a write under way
    kept = _stray(folder, "notes.tmp", 3 * 24 * 3600)  # not one of ours
    atomic_write_text(folder / "lea.csv", "x\n")
    assert not old.exists() and recent.exists() and kept.exists()


def test_validate_removes_and_ignores_stray_temporaries(tmp_path, capsys):
    init_project(tmp_path)
    documents = tmp_path / "corpus" / "documents"
    (documents / "INT01.md").write_text("---\nid: INT01\n---\nBonjour.\n", encoding="utf-8")
    old = _stray(documents, ".INT01.md.x1y2z3.tmp", 3 * 24 * 3600)
    recent = _stray(documents, ".INT02.md.a1b2c3.tmp", 60)
    codings = _stray(tmp_path / "corpus" / "codings", ".lea.csv.q1w2e3.tmp", 3 * 24 * 3600)
    assert main(["validate", "-C", str(tmp_path)]) == 0
    out = capsys.readouterr()
    assert not old.exists() and not codings.exists() and recent.exists()
    assert ".INT02" not in out.out + out.err


def test_init_gitignore_covers_locks_temporaries_and_cache(tmp_path):
    init_project(tmp_path)
    lines = (tmp_path / ".gitignore").read_text().splitlines()
    for pattern in (".*.lock", ".*.tmp", ".cache/"):
        assert pattern in lines
