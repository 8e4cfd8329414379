"""Where the key and the originals may be: apart from the data, never committed.

The pseudonym key and the originals of pseudonymised files hold the real names.
They are refused inside the folders a project shares (``corpus/``, ``outputs/``,
``codebook/``, ``notebooks/`` and the folders ``research.yaml`` moves), and inside
a git repository when git would commit them (a file already tracked, or a path no
``.gitignore`` rule ignores).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from research.errors import InputError
from research.files import atomic_write_text
from research.privacy._key import PseudonymKey, read_key

__all__ = ["check_private_location", "git_exposure", "read_project_key", "write_key_text"]

_SHARED = ("corpus", "documents", "tables", "codings", "codebook", "notebooks", "outputs")


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def _git_root(path: Path) -> Path | None:
    for folder in path.parents:
        if (folder / ".git").exists():
            return folder
    return None


def git_exposure(path: str | Path) -> str | None:
    """``"tracked"`` or ``"not ignored"`` when git would commit ``path``, else ``None``.

    ``None`` too outside a git repository, or when git cannot be run.
    """
    path = Path(path).resolve()
    root = _git_root(path)
    if root is None:
        return None
    rel = path.relative_to(root).as_posix()
    try:
        tracked = subprocess.run(
            ["git", "-C", str(root), "ls-files", "--error-unmatch", "--", rel],
            capture_output=True,
            timeout=20,
            check=False,
        )
        if tracked.returncode == 0:
            return "tracked"
        ignored = subprocess.run(
            ["git", "-C", str(root), "check-ignore", "-q", "--no-index", "--", rel],
            capture_output=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return "not ignored" if ignored.returncode == 1 else None


def _setting_line(project) -> int | None:
    privacy = project.settings.get("privacy")
    lines = getattr(privacy, "key_lines", {})
    return lines.get("key") or getattr(project.settings, "key_lines", {}).get("privacy")


def check_private_location(project, path: str | Path, *, what: str = "the pseudonym key") -> None:
    """Refuse ``path`` inside a shared folder of the project, or where git would commit it.

    Raises
    ------
    InputError
        Naming the folder (and the line of ``research.yaml`` that sets the key)
        and the fix.
    """
    path = Path(path).resolve()
    settings = project.root / "research.yaml"
    line = _setting_line(project) if what == "the pseudonym key" else None
    for name in _SHARED:
        folder = getattr(project.paths, name)
        if _inside(path, folder):
            raise InputError(
                f"{what} would be inside {project.paths.relative(folder)}/, which is shared "
                f"({project.paths.relative(path)})",
                path=settings if line else path,
                line=line,
                hint="keep it in the git-ignored private/ folder (the default) or outside the "
                "project:  privacy: {key: private/pseudonyms.yaml}  in research.yaml",
            )
    exposure = git_exposure(path)
    if exposure == "tracked":
        raise InputError(
            f"{what} is tracked by git ({path})",
            path=settings if line else path,
            line=line,
            hint=f"stop tracking it with  git rm --cached '{path}'  and add its folder to "
            ".gitignore; it may already be in the history: rewrite it before pushing",
        )
    if exposure == "not ignored":
        folder = project.paths.relative(path.parent)
        raise InputError(
            f"{what} would be committed by git: no .gitignore rule ignores {project.paths.relative(path)}",
            path=settings if line else path,
            line=line,
            hint=f"add the line  {folder}/  to the project's .gitignore (research init writes "
            "private/ there), or keep it outside the repository",
        )


def read_project_key(project, *, check_location: bool = True) -> PseudonymKey:
    """The project's key (:attr:`research.project.Project.pseudonym_key`), its place checked.

    A missing file is an empty key.
    """
    path = Path(project.pseudonym_key)
    if check_location:
        check_private_location(project, path)
    return read_key(path, shown=project.paths.relative(path))


def write_key_text(project, text: str) -> Path:
    """Write the key's text atomically, its place checked first (folders are created)."""
    path = Path(project.pseudonym_key)
    check_private_location(project, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, text)
    return path
