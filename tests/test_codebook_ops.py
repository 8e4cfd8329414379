"""Tests of research.coding: revising codes while codings follow, written all or nothing."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from research.codebook import add_code, load_codebook
from research.coding import (
    ARCHIVE_COLUMNS,
    apply_change,
    delete_code,
    load_codings,
    merge_codes,
    move_code,
    rename_code,
    save_codings,
    split_code,
)
from research.errors import CodebookError, CodingError, WriteError

DATA = Path(__file__).resolve().parent / "data" / "coding"


@pytest.fixture
def folders(tmp_path: Path):
    book_dir = tmp_path / "codebook"
    shutil.copytree(DATA / "codebook", book_dir)
    (book_dir / "ant.yaml").write_text(
        "id: ant\ncodable: false\ncodes:\n  - id: enrolment\n  - id: dissidence\n", encoding="utf-8"
    )
    codings_dir = tmp_path / "codings"
    codings_dir.mkdir()
    lea = pd.DataFrame(
        {
            "coder": "lea",
            "doc_id": ["A", "A", "B", "B"],
            "start": [0, 10, 0, 5],
            "end": [5, 20, 4, 9],
            "code": ["sut.trust", "sut.barriers.fear", "sut.cooperation", "sut.barriers.territory"],
            "quote": ["peur!", "confiance ", "car ", "loin"],
            "created": "2020-01-01T00:00:00Z",
        }
    )
    zoe = lea.assign(coder="zoe").iloc[[0, 1]]
    zoe.loc[1, "code"] = "sut.trust"
    zoe.loc[1, "start"] = 0
    zoe.loc[1, "end"] = 5
    zoe.loc[1, "code"] = "sut.cooperation"
    save_codings(codings_dir, "lea", lea)
    save_codings(codings_dir, "zoe", zoe)
    return book_dir, codings_dir


def current(folders):
    book_dir, codings_dir = folders
    return load_codebook(book_dir), load_codings(codings_dir)


def test_rename_moves_codings_and_sub_codes(folders):
    book, codings = current(folders)
    change = rename_code(book, codings, "sut.barriers", "sut.obstacles")
    assert "sut.obstacles.fear" in change.codebook and "sut.barriers" not in change.codebook
    assert sorted(change.codings["code"].unique()) == [
        "sut.cooperation",
        "sut.obstacles.fear",
        "sut.obstacles.territory",
        "sut.trust",
    ]
    assert (
        change.summary
        == "renamed 'sut.barriers' to 'sut.obstacles' (3 code(s), 2 coding(s) follow)"
    )
    assert book.get("sut.barriers")["label"] == "Freins"  # the input is unchanged
    written = apply_change(change=change, codebook_folder=folders[0], codings_folder=folders[1])
    assert sorted(p.name for p in written) == ["lea.csv", "sut.yaml"]
    book2, codings2 = current(folders)
    assert book2 == change.codebook
    assert "sut.obstacles.fear" in set(codings2["code"])
    assert (folders[0] / "sut.yaml").read_text().startswith("# A tiny codebook")


def test_rename_refusals(folders):
    book, codings = current(folders)
    with pytest.raises(CodebookError, match="already exists"):
        rename_code(book, codings, "sut.trust", "sut.cooperation")
    with pytest.raises(CodebookError, match=r"new parent 'sut\.nope'"):
        rename_code(book, codings, "sut.trust", "sut.nope.trust")
    with pytest.raises(CodebookError, match="under itself"):
        rename_code(book, codings, "sut.barriers", "sut.barriers.fear.x")
    with pytest.raises(CodebookError, match="not a valid code id"):
        rename_code(book, codings, "sut.trust", "sut.con fiance")
    with pytest.raises(CodebookError, match="unknown code"):
        rename_code(book, codings, "sut.nope", "sut.x")


def test_move_to_another_tree_changes_file(folders):
    book, codings = current(folders)
    change = move_code(book, codings, "sut.barriers", "ant")
    assert change.codebook.get("ant.barriers.fear")["file"] == "ant.yaml"
    apply_change(change=change, codebook_folder=folders[0], codings_folder=folders[1])
    text = (folders[0] / "ant.yaml").read_text()
    assert "id: barriers" in text and "id: fear" in text
    assert "barriers" not in (folders[0] / "sut.yaml").read_text()


def test_move_to_root_gets_a_file_of_its_own(folders):
    book, codings = current(folders)
    change = move_code(book, codings, "sut.barriers", None)
    apply_change(change=change, codebook_folder=folders[0], codings_folder=folders[1])
    assert (folders[0] / "barriers.yaml").is_file()
    assert load_codebook(folders[0]).roots() == ["ant", "barriers", "sut"]


def test_merge_recodes_dedupes_and_notes(folders):
    book, codings = current(folders)
    change = merge_codes(book, codings, "sut.cooperation", "sut.trust")
    assert "sut.cooperation" not in change.codebook
    zoe = change.codings[change.codings["coder"] == "zoe"]
    assert zoe["code"].tolist() == ["sut.trust"]  # two identical codings kept once
    assert "Fusion de sut.cooperation (Coopération)." in change.codebook.get("sut.trust")["memo"]
    assert change.summary == "merged 'sut.cooperation' into 'sut.trust' (2 codings recoded)"


def test_merge_moves_sub_codes_and_refuses_conflicts(folders):
    book, codings = current(folders)
    change = merge_codes(book, codings, "sut.barriers", "sut.cooperation")
    assert change.codebook.children("sut.cooperation") == [
        "sut.cooperation.fear",
        "sut.cooperation.territory",
    ]
    with pytest.raises(CodebookError, match="must not be inside"):
        merge_codes(book, codings, "sut.barriers", "sut.barriers.fear")
    with pytest.raises(CodebookError, match="both codes have a sub-code 'fear'"):
        merge_codes(add_code(book, "sut.trust.fear"), codings, "sut.barriers", "sut.trust")


def test_split_with_a_rule(folders):
    book, codings = current(folders)
    change = split_code(
        book,
        codings,
        "sut.trust",
        {"given": {"label": "Confiance donnée"}, "refused": {}},
        rule={"refused": r"peur"},
    )
    assert change.codebook.children("sut.trust") == ["sut.trust.given", "sut.trust.refused"]
    assert change.codebook.label("sut.trust.given") == "Confiance donnée"
    moved = change.codings[change.codings["code"].str.startswith("sut.trust")]
    assert sorted(moved["code"]) == ["sut.trust.refused", "sut.trust.refused"]
    assert "2 to refused" in change.summary and "0 left" in change.summary


def test_split_without_rule_leaves_codings_for_hand_recoding(folders):
    book, codings = current(folders)
    change = split_code(book, codings, "sut.trust", ["given", "refused"])
    assert (change.codings["code"] == "sut.trust").sum() == 2
    assert "2 left on 'sut.trust'" in change.summary
    change = split_code(
        book, codings, "sut.trust", ["given", "refused"], rule={"given": "zzz"}, default="refused"
    )
    assert sorted(
        change.codings.loc[change.codings["code"].str.startswith("sut.trust"), "code"]
    ) == ["sut.trust.refused", "sut.trust.refused"]


def test_split_with_a_function_and_refusals(folders):
    book, codings = current(folders)
    change = split_code(
        book,
        codings,
        "sut.trust",
        ["a", "b"],
        rule=lambda row: "b" if row["coder"] == "zoe" else "a",
    )
    assert sorted(
        change.codings.loc[change.codings["code"].str.startswith("sut.trust"), "code"]
    ) == ["sut.trust.a", "sut.trust.b"]
    with pytest.raises(CodebookError, match="not one of"):
        split_code(book, codings, "sut.trust", ["a"], rule=lambda row: "c")
    with pytest.raises(CodebookError, match="not one of"):
        split_code(book, codings, "sut.trust", ["a"], rule={"c": "x"})
    with pytest.raises(CodebookError, match="cannot add the sub-code"):
        split_code(book, codings, "sut.barriers", ["fear"])
    with pytest.raises(CodebookError, match="not a valid expression"):
        split_code(book, codings, "sut.trust", ["a"], rule={"a": "("})


def test_delete_is_refused_while_codings_exist(folders):
    book, codings = current(folders)
    with pytest.raises(
        CodebookError, match=re.escape("2 coding(s) of lea, zoe use 'sut.trust' or its sub-codes")
    ):
        delete_code(book, codings, "sut.trust")
    with pytest.raises(CodebookError, match="is deleted too"):
        delete_code(book, codings, "sut.barriers", reassign_to="sut.barriers.fear")
    with pytest.raises(CodebookError, match="category"):
        delete_code(book, codings, "sut.trust", reassign_to="sut.barriers")


def test_delete_unused_code(folders):
    book, codings = current(folders)
    change = delete_code(book, codings, "ant.dissidence")
    assert "ant.dissidence" not in change.codebook and change.archived.empty


def test_delete_with_reassignment(folders):
    book, codings = current(folders)
    change = delete_code(book, codings, "sut.barriers", reassign_to="sut.trust")
    assert "sut.barriers.fear" not in change.codebook
    assert (change.codings["code"] == "sut.trust").sum() == 4
    assert "2 coding(s) given to 'sut.trust'" in change.summary


def test_delete_with_force_archives(folders):
    book, codings = current(folders)
    stamp = pd.Timestamp("2021-05-01T12:00:00Z")
    change = delete_code(book, codings, "sut.trust", force=True, now=stamp)
    assert len(change.archived) == 2 and "sut.trust" not in set(change.codings["code"])
    apply_change(change=change, codebook_folder=folders[0], codings_folder=folders[1])
    archive = pd.read_csv(folders[1] / "archive" / "lea.csv", dtype=str, keep_default_na=False)
    assert list(archive.columns) == ARCHIVE_COLUMNS
    assert archive[["code", "archived", "reason"]].values.tolist() == [
        ["sut.trust", "2021-05-01T12:00:00Z", "code 'sut.trust' deleted"]
    ]
    assert "sut.trust" not in set(load_codings(folders[1])["code"])
    book2, _ = current(folders)
    change2 = delete_code(book2, load_codings(folders[1]), "sut.cooperation", force=True, now=stamp)
    apply_change(change=change2, codebook_folder=folders[0], codings_folder=folders[1])
    archive = pd.read_csv(folders[1] / "archive" / "zoe.csv", dtype=str, keep_default_na=False)
    assert archive["code"].tolist() == ["sut.trust", "sut.cooperation"]


def test_deleting_a_whole_tree_removes_its_file(folders):
    book, codings = current(folders)
    change = delete_code(book, codings, "ant")
    written = apply_change(change=change, codebook_folder=folders[0], codings_folder=folders[1])
    assert not (folders[0] / "ant.yaml").exists()
    assert [p.name for p in written] == ["ant.yaml"]


def test_apply_is_all_or_nothing(folders, monkeypatch):
    book, codings = current(folders)
    before = {
        p: p.read_bytes() for p in [*folders[0].iterdir(), *folders[1].iterdir()] if p.is_file()
    }
    change = rename_code(book, codings, "sut.trust", "sut.confidence")
    real_replace = os.replace
    calls = []

    def failing_replace(src, dst):
        calls.append(dst)
        if len(calls) == 3:
            raise OSError("disk full")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(WriteError, match=r"disk full.*put back as they were"):
        apply_change(change=change, codebook_folder=folders[0], codings_folder=folders[1])
    monkeypatch.setattr(os, "replace", real_replace)
    after = {
        p: p.read_bytes() for p in [*folders[0].iterdir(), *folders[1].iterdir()] if p.is_file()
    }
    assert after == before
    assert len(calls) >= 3  # two files replaced, the third failed, the two restored


def test_apply_refuses_a_change_prepared_on_stale_codings(folders):
    book, codings = current(folders)
    change = rename_code(book, codings, "sut.trust", "sut.confidence")
    extra = codings[codings["coder"] == "lea"].copy()
    extra.loc[extra.index[0], "start"] = 99
    extra.loc[extra.index[0], "end"] = 100
    save_codings(
        folders[1], "lea", pd.concat([codings[codings["coder"] == "lea"], extra.iloc[[0]]])
    )
    with pytest.raises(CodingError, match="changed on disk"):
        apply_change(change=change, codebook_folder=folders[0], codings_folder=folders[1])
    assert "sut.trust" in load_codebook(folders[0])


def test_apply_needs_a_change():
    with pytest.raises(CodebookError, match="needs a change"):
        apply_change()
