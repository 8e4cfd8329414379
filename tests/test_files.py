"""Tests of research.files: decoding, the YAML loader, the transactional writer."""

import codecs
import datetime as dt
import time

import pytest

from research.errors import InputError
from research.files import YamlMapping, decode_bytes, load_yaml

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
