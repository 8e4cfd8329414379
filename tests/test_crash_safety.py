"""Crash and race safety: coder locks, multi-file changes killed midway, sessions
that outlive a codebook revision."""

from __future__ import annotations

import multiprocessing
import os
import socket
import time
from pathlib import Path

import pandas as pd
import pytest

from research.codebook import Codebook
from research.coding import CodingSession, coder_lock, load_codings
from research.corpus import Corpus
from research.errors import CodingError

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
    from research.coding import _store

    monkeypatch.setattr(_store, "fcntl", None)
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
