"""Hashes, versions and cache keys of chapter runs."""

from __future__ import annotations

import hashlib
import json
import subprocess

import pytest

from research.pipeline import (
    cache_key,
    code_hash,
    combined_hash,
    file_sha256,
    git_commit,
    notebook_sha256,
    package_versions,
    read_provenance,
    tree_hashes,
    write_provenance,
)


def test_file_sha256_matches_hashlib(tmp_path):
    path = tmp_path / "a.bin"
    data = bytes(range(256)) * 10_000  # larger than one read block
    path.write_bytes(data)
    assert file_sha256(path) == hashlib.sha256(data).hexdigest()


def test_tree_hashes_skip_hidden_files_and_caches(tmp_path):
    corpus = tmp_path / "corpus"
    for rel in ["a.md", "sub/b.md", ".hidden.md", ".git/x", "__pycache__/m.pyc", "~$lock.docx"]:
        (corpus / rel).parent.mkdir(parents=True, exist_ok=True)
        (corpus / rel).write_text(rel)
    (tmp_path / "research.yaml").write_text("folders: {}\n")
    hashes = tree_hashes(
        [corpus, corpus / "sub", tmp_path / "research.yaml", tmp_path / "absent"], root=tmp_path
    )
    assert list(hashes) == ["corpus/a.md", "corpus/sub/b.md", "research.yaml"]
    assert hashes["corpus/a.md"] == hashlib.sha256(b"a.md").hexdigest()


def test_combined_hash_sees_names_and_contents():
    base = combined_hash({"a": "1", "b": "2"})
    assert base == combined_hash({"b": "2", "a": "1"})
    assert base != combined_hash({"a": "1", "c": "2"})
    assert base != combined_hash({"a": "1", "b": "3"})


def test_package_versions_are_read_without_importing():
    versions = package_versions()
    assert versions["research"] and versions["pandas"] != "absent"
    assert set(versions) >= {"python", "numpy", "scipy", "matplotlib", "papermill"}


def test_code_hash_is_stable():
    assert code_hash() == code_hash() and len(code_hash()) == 64


def _key(**changes):
    options = {
        "notebook_sha256": "nb",
        "parameters": {"edition": None},
        "inputs_sha256": "in",
        "options": {"no_code": False},
        "versions": {"pandas": "2.2"},
        "code_sha256": "code",
    }
    options.update(changes)
    return cache_key(**options)


@pytest.mark.parametrize(
    "change",
    [
        {"notebook_sha256": "nb2"},
        {"parameters": {"edition": "SUT2016"}},
        {"inputs_sha256": "in2"},
        {"options": {"no_code": True}},
        {"versions": {"pandas": "3.0"}},
        {"code_sha256": "code2"},
    ],
)
def test_every_ingredient_changes_the_cache_key(change):
    assert _key() != _key(**change)


def test_cache_key_ignores_parameter_order():
    assert _key(parameters={"a": 1, "b": 2}) == _key(parameters={"b": 2, "a": 1})


def test_provenance_round_trip(tmp_path):
    write_provenance(tmp_path, {"chapter": "review", "parameters": {"edition": "SUT2016"}})
    assert read_provenance(tmp_path) == {"chapter": "review", "parameters": {"edition": "SUT2016"}}
    assert read_provenance(tmp_path / "absent") is None
    (tmp_path / "provenance.json").write_text("{broken")
    assert read_provenance(tmp_path) is None


def test_git_commit(tmp_path):
    assert git_commit(tmp_path) is None
    try:
        subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("git is not available")
    (tmp_path / "a.txt").write_text("a")
    run = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*run, "add", "a.txt"], check=True)
    subprocess.run([*run, "commit", "-q", "-m", "a"], check=True)
    record = git_commit(tmp_path)
    assert len(record["commit"]) == 40 and record["dirty"] is False
    (tmp_path / "a.txt").write_text("b")
    assert git_commit(tmp_path)["dirty"] is True


def _notebook(path, *, source="x = 1", outputs=(), count=None, tags=()):
    cell = {
        "cell_type": "code",
        "source": source,
        "metadata": {"tags": list(tags)},
        "outputs": list(outputs),
        "execution_count": count,
    }
    meta = {"kernelspec": {"name": "python3", "language": "python"}}
    path.write_text(json.dumps({"cells": [cell], "metadata": meta, "nbformat": 4}))
    return notebook_sha256(path)


def test_notebook_hash_ignores_outputs_but_not_sources(tmp_path):
    path = tmp_path / "n.ipynb"
    base = _notebook(path)
    assert _notebook(path, outputs=[{"output_type": "stream", "text": "1"}], count=7) == base
    assert _notebook(path, source="x = 2") != base
    assert _notebook(path, tags=["parameters"]) != base


def test_a_broken_notebook_is_hashed_whole(tmp_path):
    path = tmp_path / "n.ipynb"
    path.write_text("{not json")
    assert notebook_sha256(path) == file_sha256(path)
