"""Tests of research.files: decoding, the YAML loader, the transactional writer."""

import codecs
import datetime as dt
import os
import time
from pathlib import Path

import pytest

from research.errors import InputError, WriteError
from research.files import YamlMapping, decode_bytes, load_yaml, transaction

WORD = "Enquêtrice : « ça » ; l’été !"


# --------------------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + WORD.encode("utf-8"), WORD),
        (codecs.BOM_UTF16_LE + WORD.encode("utf-16-le"), WORD),
        (codecs.BOM_UTF16_BE + WORD.encode("utf-16-be"), WORD),
        (WORD.encode("utf-8"), WORD),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf8"],
)
def test_decode_unicode_without_warning(data, expected):
    text, problems = decode_bytes(data, path="f.txt")
    assert text == expected
    assert problems == []


def test_cp1252_fallback_warns_and_names_the_file():
    text, problems = decode_bytes("Enquêtrice à l’été".encode("cp1252"), path="notes/a.txt")
    assert text == "Enquêtrice à l’été"
    assert len(problems) == 1
    assert problems[0].severity == "warning"
    assert problems[0].path == "notes/a.txt"
    assert "cp1252" in problems[0].message


def test_undecodable_bytes_are_an_error_naming_file_and_line():
    with pytest.raises(InputError) as info:
        decode_bytes(b"ligne 1\nEnqu\x81trice", path="x.txt")
    message = str(info.value)
    assert "x.txt" in message and "line 2" in message and "UTF-8" in message


def test_a_bom_that_lies_is_an_error():
    with pytest.raises(InputError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd", path="y.txt")


def test_utf8_is_never_guessed_as_another_encoding():
    # "ê" in UTF-8 is C3 AA; read as cp1250 it would give "Ä»" or "ę"-like damage.
    text, _ = decode_bytes("Enquêtrice".encode())
    assert text == "Enquêtrice"


def test_decoding_hint_replaces_the_general_advice():
    _, problems = decode_bytes("é".encode("cp1252"), path="t.csv", hint="save as CSV UTF-8")
    assert problems[0].hint == "save as CSV UTF-8"
    with pytest.raises(InputError) as info:
        decode_bytes(b"\x81\x8d", path="t.csv", hint="save as CSV UTF-8")
    assert info.value.hint == "save as CSV UTF-8"


def test_text_no_longer_decodes():
    import research.text

    assert not hasattr(research.text, "decode_bytes")


# --------------------------------------------------------------------------- YAML


def billion_laughs(levels: int = 10, repeat: int = 9) -> str:
    """Nested anchors: each level lists the previous one ``repeat`` times."""
    lines = [f"a0: &a0 [{', '.join(['lol'] * repeat)}]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * repeat)}]")
    return "\n".join(lines) + "\n"


def test_load_yaml_builds_what_the_safe_loader_builds():
    text = "id: A\ndate: 2020-01-28\nlist: &l [1, 2]\nagain: *l\nbase: &b {x: 1}\nchild: {<<: *b, y: 2}\n"
    assert load_yaml(text, path="a.yaml") == {
        "id": "A",
        "date": dt.date(2020, 1, 28),
        "list": [1, 2],
        "again": [1, 2],
        "base": {"x": 1},
        "child": {"x": 1, "y": 2},
    }
    assert load_yaml("", path="a.yaml") is None


def test_billion_laughs_is_refused_quickly_naming_the_file():
    start = time.perf_counter()
    with pytest.raises(InputError, match="billion laughs") as info:
        load_yaml(billion_laughs(), path="corpus/bomb.yaml")
    assert time.perf_counter() - start < 2.0  # 9**10 values would take hours
    assert info.value.path == "corpus/bomb.yaml" and info.value.line is not None


def test_a_few_aliases_are_fine_and_the_bound_is_an_option():
    text = billion_laughs(levels=2, repeat=9)  # 9 + 81 + 729 values
    assert len(load_yaml(text, path="a.yaml")["a2"]) == 9
    with pytest.raises(InputError, match="more than 100 values"):
        load_yaml(text, path="a.yaml", max_alias_nodes=100)


def test_a_recursive_alias_is_refused():
    with pytest.raises(InputError, match="recursive alias") as info:
        load_yaml("a: 1\nb: &x [1, *x]\n", path="r.yaml")
    assert (info.value.path, info.value.line) == ("r.yaml", 2)


@pytest.mark.parametrize(
    ("text", "lines", "key"),
    [
        ("id: a\nlabel: x\nid: b\n", (1, 3), "id"),
        ("a:\n  b: 1\n  c: 2\n  'b': 3\n", (2, 4), "b"),
        ("- {x: 1, x: 2}\n", (1, 1), "x"),
    ],
)
def test_duplicate_keys_name_both_lines(text, lines, key):
    with pytest.raises(InputError) as info:
        load_yaml(text, path="d.yaml")
    assert f"key {key!r} appears twice" in info.value.message
    assert f"lines {lines[0]} and {lines[1]}" in info.value.message
    assert (info.value.path, info.value.line) == ("d.yaml", lines[1])


def test_a_merge_key_may_be_overridden():
    assert load_yaml("b: &b {x: 1}\nc:\n  <<: *b\n  x: 2\n", path="m.yaml")["c"] == {"x": 2}


def test_syntax_errors_and_lines_count_from_the_offset():
    with pytest.raises(InputError, match="not valid YAML") as info:
        load_yaml("a: 1\nb: [2\n", path="s.yaml", line_offset=1)
    assert info.value.line == 4 and info.value.hint
    book = load_yaml("a: 1\nb:\n  c: 2\n", path="s.yaml", lines=True, line_offset=1)
    assert isinstance(book, YamlMapping) and (book.line, book.key_lines) == (2, {"a": 2, "b": 3})
    assert book["b"].line == 4


def test_every_yaml_file_of_a_project_refuses_duplicates(tmp_path):
    from research.agreement import read_documents_coded
    from research.codebook import read_codebook
    from research.errors import AgreementError
    from research.pipeline import read_chapters
    from research.project import open_project

    (tmp_path / "research.yaml").write_text("folders: {outputs: a}\nfolders: {outputs: b}\n")
    with pytest.raises(InputError, match=r"'folders' appears twice .*lines 1 and 2"):
        open_project(tmp_path)
    (tmp_path / "chapters.yaml").write_text("chapters:\n  - id: a\n    id: b\n")
    with pytest.raises(InputError, match="lines 2 and 3"):
        read_chapters(tmp_path / "chapters.yaml")
    (tmp_path / "coders.yaml").write_text("lea: {documents: all}\nlea: {documents: [A]}\n")
    with pytest.raises(AgreementError, match="lines 1 and 2"):
        read_documents_coded(tmp_path, doc_ids=["A"])
    book_dir = tmp_path / "codebook"
    book_dir.mkdir()
    (book_dir / "ant.yaml").write_text(billion_laughs())
    _, problems = read_codebook(book_dir)
    assert [(p.path, "billion laughs" in p.message) for p in problems] == [("ant.yaml", True)]


# --------------------------------------------------------------------------- transactions


@pytest.fixture
def files(tmp_path):
    """Three existing files and their bytes."""
    existing = {
        tmp_path / "a.csv": b"a\n1\n",
        tmp_path / "b.yaml": b"id: b\n",
        tmp_path / "c.md": b"C\n",
    }
    for path, data in existing.items():
        path.write_bytes(data)
    return tmp_path, existing


def state(folder):
    """Every file under ``folder`` with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def stage_all(tx, folder):
    tx.write_text(folder / "a.csv", "a\n2\n")
    tx.write_bytes(folder / "new" / "deep" / "n.md", b"N\n")
    tx.remove(folder / "c.md")
    tx.write_text(folder / "b.yaml", "id: B\n")


def test_a_transaction_writes_and_removes_everything(files):
    folder, _ = files
    with transaction() as tx:
        stage_all(tx, folder)
    assert state(folder) == {"a.csv": b"a\n2\n", "b.yaml": b"id: B\n", "new/deep/n.md": b"N\n"}
    assert [p.name for p in tx.paths] == ["a.csv", "n.md", "c.md", "b.yaml"]


def test_an_error_in_the_block_changes_nothing(files):
    folder, _ = files
    before = state(folder)
    with pytest.raises(ZeroDivisionError), transaction() as tx:
        stage_all(tx, folder)
        1 / 0  # noqa: B018
    assert state(folder) == before and not (folder / "new").exists()


def failing_on(monkeypatch, name, n):
    """Make ``os.<name>`` fail on its ``n``-th call (counting from 1)."""
    real = getattr(os, name)
    calls = {"n": 0}

    def fake(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, fake)
    return calls


@pytest.mark.parametrize("n", [1, 2, 3])
def test_a_rename_failing_midway_puts_every_file_back(files, monkeypatch, n):
    folder, _ = files
    before = state(folder)
    failing_on(monkeypatch, "replace", n)  # three renames: a.csv, n.md, b.yaml
    with pytest.raises(WriteError) as info, transaction() as tx:
        stage_all(tx, folder)
    monkeypatch.undo()
    assert state(folder) == before  # byte-identical, no temporary file or backup left
    assert not (folder / "new").exists()
    failed = ["a.csv", "n.md", "b.yaml"][n - 1]
    assert (
        f"cannot replace {folder / 'new' / 'deep' / failed if failed == 'n.md' else folder / failed}"
        in str(info.value)
    )
    if n == 1:
        assert "no file had been changed" in str(info.value)
    else:
        assert "put back as they were" in str(info.value) and str(folder / "a.csv") in str(
            info.value
        )


def test_a_removal_failing_puts_the_replaced_files_back(files, monkeypatch):
    folder, _ = files
    before = state(folder)
    real = os.unlink

    def fake(path, *args, **kwargs):
        if Path(path) == folder / "c.md":
            raise OSError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", fake)
    with (
        pytest.raises(WriteError, match=r"cannot remove .*c\.md.*put back as they were") as info,
        transaction() as tx,
    ):
        stage_all(tx, folder)
    monkeypatch.undo()
    assert state(folder) == before
    assert str(folder / "a.csv") in info.value.paths


def test_staging_failure_changes_nothing(files, monkeypatch):
    folder, _ = files
    before = state(folder)
    failing_on(monkeypatch, "fsync", 2)
    with pytest.raises(WriteError, match="nothing was changed"), transaction() as tx:
        stage_all(tx, folder)
    monkeypatch.undo()
    assert state(folder) == before


def test_backups_are_copies_where_hard_links_fail(files, monkeypatch):
    folder, _ = files
    before = state(folder)

    def no_link(*args, **kwargs):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    failing_on(monkeypatch, "replace", 3)
    with pytest.raises(WriteError), transaction() as tx:
        stage_all(tx, folder)
    monkeypatch.undo()
    assert state(folder) == before


def test_a_file_that_cannot_be_put_back_is_named_with_its_backup(files, monkeypatch):
    folder, _ = files
    real = os.replace
    calls = {"n": 0}

    def fake(src, dst):
        calls["n"] += 1
        if calls["n"] in (2, 3):  # the second rename, then putting a.csv back
            raise OSError(5, "Input/output error")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", fake)
    with (
        pytest.raises(
            WriteError,
            match=r"could not be put back: .*a\.csv \(its previous content is in .*\.bak\)",
        ) as info,
        transaction() as tx,
    ):
        stage_all(tx, folder)
    monkeypatch.undo()
    backup = Path(str(info.value).rsplit("is in ", 1)[1].split(")")[0])
    assert backup.read_bytes() == b"a\n1\n"


def test_writing_a_path_twice_keeps_the_last_and_no_stray_file(tmp_path):
    with transaction() as tx:
        tx.write_text(tmp_path / "a.txt", "1")
        tx.write_text(tmp_path / "a.txt", "2")
    assert state(tmp_path) == {"a.txt": b"2"}


@pytest.mark.parametrize("n", [1, 2, 3])
def test_an_import_of_documents_is_all_or_nothing(tmp_path, monkeypatch, n):
    from research.corpus import import_documents
    from research.project import open_project

    root = tmp_path / "projet"
    (root / "corpus" / "documents" / "notes").mkdir(parents=True)
    (root / "corpus" / "documents" / "notes" / "B.md").write_text("---\nid: B\n---\nAncien.\n")
    sources = []
    for name in ("A", "B", "C"):
        source = tmp_path / f"{name}.txt"
        source.write_text(f"Texte {name}.\n", encoding="utf-8")
        sources.append(source)
    before = state(root)
    failing_on(monkeypatch, "replace", n)
    with pytest.raises(WriteError, match="No space left"):
        import_documents(open_project(root), sources, kind="note", force=True)
    monkeypatch.undo()
    assert state(root) == before
    written = import_documents(open_project(root), sources, kind="note", force=True)
    assert [p.name for p in written] == ["A.md", "B.md", "C.md"]
    assert state(root)["corpus/documents/notes/B.md"].endswith(b"Texte B.\n")
