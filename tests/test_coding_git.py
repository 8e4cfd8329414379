"""Coders who work apart in git clones: merges without conflicts, and conflicts that are caught.

A project made with ``research init`` is committed, cloned twice, coded in each
clone by another coder (and by one coder in both, in documents apart), and merged
with real ``git`` commands: no conflict, the coder files stay sorted, ``research
validate`` is clean. Two clones that change the same coding do conflict, and a
conflict committed by mistake is caught by ``research validate``, with its file
and line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from research.cli import main
from research.coding import codings_text, read_codings

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CODEBOOK = """\
id: terrain
label: Codes du terrain
codable: false
codes:
  - id: cooperation
    label: Coopération
  - id: territoire
    label: Ancrage territorial
"""
TEXTS = {
    "INT01": "Enquêtrice : Comment avez-vous commencé ?\n\nÉlodie : La mairie a suivi le projet dès "
    "le début. Ensuite la coopérative nous a aidés.\n",
    "INT02": "Enquêtrice : Et les ateliers ?\n\nMarc : On s’est retrouvés à l’atelier avec le "
    "canevas ; les élus écoutaient.\n",
    "INT03": "Enquêtrice : Et aujourd’hui ?\n\nNadia : Le groupe de travail s’est réuni six fois. "
    "La Fabrique nous a orientés vers la banque.\n",
}
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Camille",
    "GIT_AUTHOR_EMAIL": "camille@example.org",
    "GIT_COMMITTER_NAME": "Camille",
    "GIT_COMMITTER_EMAIL": "camille@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "HOME": "",  # set per test: no user configuration
}


def _cli(*args: str) -> int:
    return main(list(args))


def _git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(
        ["git", "-C", str(folder), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_ENV, "HOME": str(folder.parent)},
    )
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def _code(root: Path, coder: str, doc_id: str, words: str, code: str, memo: str = "") -> None:
    args = ["code", "text", doc_id, words, f"terrain.{code}", "--coder", coder, "-C", str(root)]
    assert _cli(*args, *(["--memo", memo] if memo else [])) == 0


def _commit(root: Path, message: str) -> None:
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", message)


@pytest.fixture
def clones(tmp_path) -> tuple[Path, Path]:
    """A committed project coded by camille, and two clones of it."""
    origin = tmp_path / "origin"
    assert _cli("init", str(origin)) == 0
    for doc_id, text in TEXTS.items():
        path = origin / "corpus" / "documents" / f"{doc_id}.md"
        path.write_text(f"---\nid: {doc_id}\nkind: interview\n---\n{text}", encoding="utf-8")
    (origin / "codebook" / "terrain.yaml").write_text(CODEBOOK, encoding="utf-8")
    _code(origin, "camille", "INT01", "La mairie a suivi le projet", "territoire")
    _code(origin, "camille", "INT02", "les élus écoutaient", "territoire")
    _code(origin, "camille", "INT03", "Le groupe de travail", "cooperation")
    _git(origin, "init", "-q", "-b", "main")
    _commit(origin, "Projet et premier codage")
    first, second = tmp_path / "poste-a", tmp_path / "poste-b"
    for clone in (first, second):
        done = subprocess.run(
            ["git", "clone", "-q", str(origin), str(clone)],
            capture_output=True,
            text=True,
            env={**os.environ, **GIT_ENV, "HOME": str(tmp_path)},
        )
        assert done.returncode == 0, done.stderr
    return first, second


@needs_git
def test_two_coders_in_two_clones_merge_without_conflict(clones, capsys):
    first, second = clones
    _code(first, "lea", "INT01", "la coopérative nous a aidés", "cooperation")
    _code(first, "lea", "INT03", "La Fabrique nous a orientés", "cooperation")
    _code(first, "camille", "INT01", "la coopérative nous a aidés", "cooperation")
    _commit(first, "Codage de Léa")
    _code(second, "sam", "INT02", "On s’est retrouvés à l’atelier", "cooperation")
    _code(second, "camille", "INT03", "La Fabrique nous a orientés", "cooperation")
    _commit(second, "Codage de Sam")
    _git(first, "pull", "-q", "--no-rebase", "--no-edit", str(second), "main")

    codings_dir = first / "corpus" / "codings"
    assert sorted(p.name for p in codings_dir.glob("*.csv")) == [
        "camille.csv",
        "lea.csv",
        "sam.csv",
    ]
    frame, problems = read_codings(codings_dir)
    assert problems == []
    assert frame.groupby("coder").size().to_dict() == {"camille": 5, "lea": 2, "sam": 1}
    for coder in ("camille", "lea", "sam"):  # every merged file is as the package writes it
        path = codings_dir / f"{coder}.csv"
        assert path.read_text(encoding="utf-8") == codings_text(frame[frame["coder"] == coder])
    capsys.readouterr()
    assert _cli("validate", "-C", str(first)) == 0
    assert "project is valid" in capsys.readouterr().out


@needs_git
def test_the_same_coding_changed_in_two_clones_conflicts_and_validate_catches_the_markers(
    clones, capsys
):
    first, second = clones
    _code(first, "camille", "INT02", "On s’est retrouvés", "cooperation", memo="atelier fondateur")
    _commit(first, "Mémo A")
    _code(second, "camille", "INT02", "On s’est retrouvés", "cooperation", memo="simple rencontre")
    _commit(second, "Mémo B")
    done = _git(first, "pull", "--no-rebase", "--no-edit", str(second), "main", check=False)
    assert done.returncode != 0
    assert "CONFLICT (content): Merge conflict in corpus/codings/camille.csv" in done.stdout

    text = (first / "corpus" / "codings" / "camille.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    marker = next(i for i, line in enumerate(lines, start=1) if line.startswith("<<<<<<<"))
    capsys.readouterr()
    assert _cli("validate", "-C", str(first)) == 1
    err = capsys.readouterr().err
    assert (
        f"error: corpus/codings/camille.csv, line {marker}: a git conflict marker is left "
        "in the file ('<<<<<<< HEAD')"
    ) in err
    assert err.count("git conflict marker") == 3 and "Traceback" not in err


# -- a coder file depends on its rows only -----------------------------------------------------

_rows = st.lists(
    st.tuples(
        st.sampled_from(["INT01", "INT02", "CR-1"]),
        st.integers(0, 30),
        st.integers(1, 5),
        st.sampled_from(["a", "a.b", "b"]),
        st.text(alphabet=st.sampled_from('ab ,"\n«’'), max_size=6),
        st.sampled_from(["", "2019-03-14T10:00:00Z", "2019-03-14T10:00:00.250000Z"]),
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(rows=_rows, order=st.randoms(use_true_random=False))
def test_a_coder_file_is_the_same_whatever_the_order_and_reads_back_to_itself(
    tmp_path_factory, rows, order
):
    frame = pd.DataFrame(
        [
            {"coder": "lea", "doc_id": d, "start": s, "end": s + n, "code": c, "quote": q,
             "memo": q[::-1], "created": when}
            for d, s, n, c, q, when in rows
        ],
        columns=["coder", "doc_id", "start", "end", "code", "quote", "memo", "created"],
    )  # fmt: skip
    text = codings_text(frame)
    shuffled = frame.iloc[order.sample(range(len(frame)), len(frame))]
    assert codings_text(shuffled) == text
    folder = tmp_path_factory.mktemp("codings")
    (folder / "lea.csv").write_text(text, encoding="utf-8")
    read, problems = read_codings(folder)
    assert not [p for p in problems if p.severity == "error"]
    assert codings_text(read) == text
