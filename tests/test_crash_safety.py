"""Crash and race safety: coder locks, multi-file changes killed midway, sessions
that outlive a codebook revision."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import socket
import time
from pathlib import Path

import pandas as pd
import pytest

from research.codebook import Codebook
from research.coding import CodingSession, coder_lock, load_codings
from research.corpus import Corpus
from research.errors import CodebookError, CodingError

_METHODS = multiprocessing.get_all_start_methods()
_CONTEXT = multiprocessing.get_context("fork" if "fork" in _METHODS else "spawn")
_TEXT = " ".join(f"mot{i:03d}" for i in range(200))


def _corpus() -> Corpus:
    return Corpus.from_texts({"D": _TEXT})


def _book() -> Codebook:
    return Codebook.from_frame(pd.DataFrame({"code": ["a", "a.x"], "codable": [False, True]}))


def _dead_pid() -> int:
    process = _CONTEXT.Process(target=time.sleep, args=(0,))
    process.start()
    process.join()
    return process.pid


# -- the coder lock -------------------------------------------------------------------------


def _save_in_process(folder: str, index: int, per_session: int, barrier) -> None:
    session = CodingSession(None, "lea", corpus=_corpus(), codebook=_book(), folder=folder)
    for j in range(per_session):
        word = f"mot{index * per_session + j:03d}"
        session.code_text("D", word, "a.x")
    barrier.wait()
    session.save()


def test_racing_sessions_with_a_stale_lock_lose_no_coding(tmp_path: Path):
    rounds, sessions, per_session = 30, 6, 5
    dead = _dead_pid()
    lost_rounds = lost = 0
    for r in range(rounds):
        folder = tmp_path / f"round{r}"
        folder.mkdir()
        (folder / ".lea.lock").write_text(f"{dead} {socket.gethostname()} 0\n")
        barrier = _CONTEXT.Barrier(sessions)
        jobs = [
            _CONTEXT.Process(target=_save_in_process, args=(str(folder), i, per_session, barrier))
            for i in range(sessions)
        ]
        for job in jobs:
            job.start()
        for job in jobs:
            job.join(60)
            assert job.exitcode == 0
        saved = len(load_codings(folder))
        if saved != sessions * per_session:
            lost_rounds += 1
            lost += sessions * per_session - saved
    assert (lost, lost_rounds) == (0, 0)


def test_an_empty_lock_left_by_a_kill_is_taken_at_once(tmp_path: Path):
    (tmp_path / ".lea.lock").write_text("")
    started = time.monotonic()
    with coder_lock(tmp_path, "lea", timeout=1.0) as path:
        assert path.read_text().split()[0] == str(os.getpid())
    assert time.monotonic() - started < 1.0
    assert not path.exists()


def _hold_lock(folder: str, ready, release) -> None:
    with coder_lock(folder, "lea"):
        ready.set()
        release.wait(30)


def test_a_held_lock_says_who_holds_it_since_when_and_what_to_do(tmp_path: Path):
    ready, release = _CONTEXT.Event(), _CONTEXT.Event()
    holder = _CONTEXT.Process(target=_hold_lock, args=(str(tmp_path), ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(CodingError) as info, coder_lock(tmp_path, "lea", timeout=0.2):
            pass
        text = str(info.value)
        assert f"process {holder.pid} on {socket.gethostname()}" in text
        assert "since" in text and time.strftime("%Y-%m-%d", time.gmtime()) in text
        assert ".lea.lock" in text and "delete" in text
    finally:
        release.set()
        holder.join(30)
    with coder_lock(tmp_path, "lea", timeout=1.0):
        pass


def test_without_os_locks_the_lock_file_is_linked_with_its_owner(tmp_path: Path, monkeypatch):
    from research.coding import _lock

    monkeypatch.setattr(_lock, "fcntl", None)
    (tmp_path / ".lea.lock").write_text("")  # left by a kill: no owner, taken at once
    with coder_lock(tmp_path, "lea", timeout=1.0) as path:
        assert path.read_text().split()[:2] == [str(os.getpid()), socket.gethostname()]
        with (
            pytest.raises(CodingError, match=f"process {os.getpid()}"),
            coder_lock(tmp_path, "lea", timeout=0.1),
        ):
            pass
    assert not path.exists()
    (tmp_path / ".lea.lock").write_text(f"{_dead_pid()} {socket.gethostname()} 0\n")
    with coder_lock(tmp_path, "lea", timeout=1.0):
        pass
    assert [p.name for p in tmp_path.iterdir()] == []


# -- multi-file changes killed midway ---------------------------------------------------------

REFIQDA = Path(__file__).parent / "data" / "refiqda" / "project"


def _visible(root: Path) -> dict[str, bytes]:
    """The project's files as people see them (no lock, temporary or backup file)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    }


def _leftovers(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob(".*")
        if p.is_file() and not p.name.endswith(".lock")
    )


def _killed_after(k: int, work) -> None:
    """Run ``work()`` in a child process that dies (``os._exit``) after its k-th rename."""

    def child() -> None:
        from research.files import _transaction

        real = _transaction._apply
        calls = {"n": 0}

        def apply(step):
            if calls["n"] == k:
                os._exit(9)
            real(step)
            calls["n"] += 1

        _transaction._apply = apply
        try:
            work()
        finally:
            os._exit(0)

    process = _CONTEXT.Process(target=child)
    process.start()
    process.join(60)
    assert process.exitcode in (0, 9)
    return process.exitcode


def _rename(root: Path) -> None:
    from research.coding import apply_change, rename_code
    from research.project import open_project

    project = open_project(root)
    apply_change(project, rename_code(project.codebook, project.codings, "sut.soiree", "sut.fete"))


def _import(source: bytes, root: Path) -> None:
    from research.exchange import read_qdpx, write_import
    from research.project import open_project

    write_import(open_project(root), read_qdpx("p.qdpx", data=source))


def _old_and_new(tmp_path: Path, setup, work) -> tuple[dict, dict]:
    probe = tmp_path / "probe"
    setup(probe)
    old = _visible(probe)
    work(probe)
    new = _visible(probe)
    assert new != old
    return old, new


@pytest.mark.parametrize("kind", ["codebook rename", "qdpx import"])
def test_a_change_killed_after_any_rename_is_entirely_old_or_new(tmp_path: Path, kind):
    from research.cli import main
    from research.project import open_project

    if kind == "codebook rename":

        def setup(root: Path) -> None:
            shutil.copytree(REFIQDA, root)

        work, renames = _rename, 3
    else:
        from research.exchange import qdpx_bytes

        source = open_project(REFIQDA)
        data = qdpx_bytes(source.codebook, source.corpus, source.codings, name="projet")

        def setup(root: Path) -> None:
            (root / "corpus").mkdir(parents=True)

        def work(root: Path) -> None:
            _import(data, root)

        renames = 8
    old, new = _old_and_new(tmp_path, setup, work)
    outcomes = []
    for k in range(renames + 1):
        root = tmp_path / f"kill{k}"
        setup(root)
        code = _killed_after(k, lambda root=root: work(root))
        assert code == (0 if k == renames else 9)
        half = _visible(root)
        if 0 < k < renames:
            assert half not in (old, new)  # the kill did leave a half-done change
        project = open_project(root)
        after = _visible(root)
        assert after in (old, new), k
        assert _leftovers(root) == []
        assert all(p.severity == "warning" for p in project.recovered)
        if 0 < k < renames:
            assert len(project.recovered) == 1 and "interrupted" in project.recovered[0].message
        outcomes.append("new" if after == new else "old")
        assert main(["validate", "-C", str(root)]) in (0, None)
    assert outcomes == ["new"] * (renames + 1)  # every staged file survives: rolled forward


def test_a_change_with_its_staged_files_gone_is_undone(tmp_path: Path):
    from research.project import open_project

    root = tmp_path / "p"
    shutil.copytree(REFIQDA, root)
    old = _visible(root)
    _killed_after(1, lambda: _rename(root))
    for staged in root.rglob(".*.tmp"):
        staged.unlink()
    project = open_project(root)
    assert _visible(root) == old and _leftovers(root) == []
    assert "undone" in project.recovered[0].message


def test_a_change_that_cannot_be_recovered_is_reported_by_validate(tmp_path: Path, capsys):
    from research.cli import main
    from research.project import open_project

    root = tmp_path / "p"
    shutil.copytree(REFIQDA, root)
    _killed_after(1, lambda: _rename(root))
    for leftover in [*root.rglob(".*.tmp"), *root.rglob(".*.bak")]:
        leftover.unlink()
    project = open_project(root)
    assert [p.severity for p in project.recovered] == ["error"]
    assert main(["validate", "-C", str(root)]) == 1
    err = capsys.readouterr().err
    assert ".research-journal-" in err and "cannot be finished or undone" in err
    assert "sut.yaml" in err or "lea.csv" in err or "camille.csv" in err


def test_a_running_change_is_left_alone(tmp_path: Path):
    from research.files import _transaction, recover, transaction

    seen = []
    real = _transaction._apply

    def apply(step):
        seen.append(recover(tmp_path))  # another process opening the project now
        real(step)

    _transaction._apply = apply
    try:
        with transaction(journal=tmp_path) as tx:
            tx.write_text(tmp_path / "a.txt", "A")
            tx.write_text(tmp_path / "b.txt", "B")
    finally:
        _transaction._apply = real
    assert seen == [[], []]
    assert _visible(tmp_path) == {"a.txt": b"A", "b.txt": b"B"} and _leftovers(tmp_path) == []


# -- a session that outlives a codebook revision ----------------------------------------------


def _project_copy(tmp_path: Path):
    from research.project import open_project

    root = tmp_path / "p"
    shutil.copytree(REFIQDA, root)
    return open_project(root)


def _rename_now(root: Path, code: str, new_id: str) -> None:
    from research.coding import apply_change, rename_code
    from research.project import open_project

    project = open_project(root)
    apply_change(project, rename_code(project.codebook, project.codings, code, new_id))


def test_a_session_opened_before_a_rename_of_its_codes_refuses_to_save(tmp_path: Path):
    from research.project import open_project

    project = _project_copy(tmp_path)
    session = CodingSession(project, "lea")
    session.code_span("INT01", 0, 5, "sut.soiree", memo="à revoir")
    session.remove(code="ant.enrolment")
    _rename_now(project.root, "sut.soiree", "sut.fete")
    before = (project.paths.codings / "lea.csv").read_bytes()
    with pytest.raises(CodingError) as info:
        session.save()
    text = str(info.value)
    assert "codebook changed" in text and "'sut.soiree'" in text
    assert "new session" in text and "pending_codings()" in text
    assert (project.paths.codings / "lea.csv").read_bytes() == before
    pending = session.pending_codings()
    assert pending[["doc_id", "start", "end", "code", "memo", "change"]].values.tolist() == [
        ["INT01", 0, 5, "sut.soiree", "à revoir", "added"],
        [
            "INT01",
            256,
            275,
            "ant.enrolment",
            "Enrôlement ou intéressement ?\nÀ discuter.",
            "removed",
        ],
    ]
    side = [p for p in project.paths.codings.iterdir() if p.name.startswith("_unsaved-lea")]
    assert len(side) == 1 and side[0].name in text
    assert pd.read_csv(side[0])["code"].tolist() == ["sut.soiree", "ant.enrolment"]
    problems = open_project(project.root).validate()
    assert [p for p in problems if p.severity == "error"] == []


def test_a_session_follows_a_rename_of_codes_it_did_not_touch(tmp_path: Path):
    from research.project import open_project

    project = _project_copy(tmp_path)
    session = CodingSession(project, "lea")
    session.code_span("INT01", 0, 5, "sut.soiree")
    _rename_now(project.root, "sut.atelier", "sut.workshop")
    session.save()
    codes = load_codings(project.paths.codings)
    assert "sut.workshop" in set(codes["code"]) and "sut.atelier" not in set(codes["code"])
    assert ("INT01", 0, 5, "sut.soiree") in set(
        codes[["doc_id", "start", "end", "code"]].itertuples(index=False, name=None)
    )
    with pytest.raises(CodebookError, match=r"unknown code 'sut\.atelier'"):
        session.code_span("INT01", 0, 5, "sut.atelier")  # the session's codebook followed
    problems = open_project(project.root).validate()
    assert [p for p in problems if p.severity == "error"] == []
