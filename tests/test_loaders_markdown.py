from pathlib import Path

import pytest
import yaml

from research.corpus.loaders import split_front_matter
from research.corpus.loaders._markdown import jsonable
from research.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TRICKY = [
    "id: A\nkind: interview",
    'title: "Entretien : Claire"\ndate: 2020-01-28\nduration_min: 94',
    "speakers:\n  Enquêtrice: P04\n  Claire: P01\nactors: [O01, P05]",
    "a: yes\nb: off\nc: ~\nd: null\ne: 1.5\nf: 0x1F\ng: .inf\nh: 2020-1-5",
    "stamp: 2020-01-28 10:30:00\nzoned: 2020-01-28T10:30:00+01:00",
    "2020-01-28: date key\n2020-01-28 10:30:00: datetime key\n1: one\ntrue: yes\n~: none",
    "base: &b {x: 1, y: 2}\nchild:\n  <<: *b\n  y: 3",
    "list: &l [1, 2]\nagain: *l",
    "deep: " + "[" * 60 + "]" * 60,
    "set: !!set {a, b}",
    "pairs: !!omap [a: 1, b: 2]",
    "bin: !!binary aGVsbG8=",
    "? [a, b]\n: unhashable",
    "? {a: 1}\n: unhashable",
    "dup: 1\ndup: 2",
    "one: 1\n'1': quoted",
    "python: !!python/object:os.system echo",
    "custom: !mine x",
    "- a\n- b",
    "just a string",
    "bad: [unclosed",
    "bad:\n  - a\n - b",
    "tab:\tvalue",
    "empty:",
    "nested: {a: [1, {b: 2020-01-01}], c: {d: [e, f]}}",
    "multi: |\n  ligne 1\n  ligne 2\nfolded: >\n  un\n  deux",
    'control: "a\\x07b"',
]


def _reference(source):
    """What PyYAML's own safe constructor gives, through jsonable."""
    try:
        return "ok", jsonable(yaml.load(source + "\n", Loader=LOADER))
    except yaml.YAMLError:
        return "error", None


def _ours(source):
    try:
        meta, body, _ = split_front_matter(f"---\n{source}\n---\ntexte\n", path="a.md")
    except InputError as exc:
        return "error", exc
    assert body == "texte\n"
    return "ok", meta


@pytest.mark.parametrize("source", TRICKY)
def test_front_matter_gives_what_pyyaml_gives(source):
    status, value = _reference(source)
    ours, meta = _ours(source)
    if status == "ok" and (isinstance(value, dict) or value is None):
        if "dup:" in source:  # PyYAML keeps the last value; the loader refuses the file
            assert ours == "error" and "lines 2 and 3" in str(meta)
        else:
            assert (ours, meta) == ("ok", value or {})
    else:  # invalid YAML, or not a mapping: an error naming the file
        assert ours == "error" and meta.path == "a.md"


def test_front_matter_gives_what_pyyaml_gives_on_every_front_matter_of_the_demo():
    sources = []
    for path in sorted((ROOT / "corpus" / "documents").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            sources.append(text[4 : text.index("\n---", 4)])
    assert len(sources) > 50
    for source in sources:
        assert _ours(source) == _reference(source)


def test_front_matter_alias_bomb_is_refused_naming_the_file():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 11)]
    with pytest.raises(InputError, match="billion laughs") as caught:
        split_front_matter("---\n" + "\n".join(lines) + "\n---\ntexte\n", path="a.md")
    assert caught.value.path == "a.md"


def test_front_matter_values_and_body():
    meta, body, line = split_front_matter(
        "---\nid: INT01\ndate: 2020-01-28\nspeakers: {E: P04}\n---\nE : Bonjour.\n"
    )
    assert meta == {"id": "INT01", "date": "2020-01-28", "speakers": {"E": "P04"}}
    assert body == "E : Bonjour.\n"
    assert line == 5


def test_front_matter_yaml_error_names_the_file_line():
    with pytest.raises(InputError) as caught:
        split_front_matter("---\nid: A\ntitle: [oops\n---\ntexte\n", path="a.md")
    assert caught.value.line is not None and caught.value.line >= 3
    assert "a.md" in str(caught.value.to_problem().format())
