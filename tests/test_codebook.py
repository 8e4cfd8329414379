"""Tests of research.codebook: reading YAML trees, validation with file and line, saving."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from research.codebook import (
    CODE_COLUMNS,
    Codebook,
    add_code,
    codebook_files,
    codebook_texts,
    load_codebook,
    read_codebook,
    save_codebook,
    validate_codes,
)
from research.errors import CodebookError, ValidationFailed

REPO = Path(__file__).resolve().parents[1]
STARTER = REPO / "codebook"

SMALL = """\
# Notes of the team: kept on save.
id: ant
label: Traduction
codable: false
color: "#7570b3"
codes:
  - id: enrolment
    label: Enrôlement
    codable: false
    codes:
      - id: roles
        label: Rôles acceptés
        definition: Un acteur tient le rôle proposé.
        level: first_order
      - id: negotiation
        label: Négociations
  - id: dissidence
    label: Dissidence
    color: "#a6761d"
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def small(tmp_path: Path) -> Path:
    write(tmp_path, "ant.yaml", SMALL)
    return tmp_path


def messages(problems) -> list[str]:
    return [p.message for p in problems]


# -- the starter codebooks ---------------------------------------------------------------


def test_starter_codebooks_load_without_problems():
    book, problems = read_codebook(STARTER)
    assert problems == []
    assert sorted(book.roots()) == ["ant", "iw", "sut"]


def test_institutional_work_has_the_18_forms_of_lawrence_and_suddaby():
    book = load_codebook(STARTER)
    assert len(book.children("iw.creating")) == 9
    assert len(book.children("iw.maintaining")) == 6
    assert len(book.children("iw.disrupting")) == 3
    forms = book.children("iw.creating") + book.children("iw.maintaining")
    forms += book.children("iw.disrupting")
    assert all(book.is_codable(code) for code in forms)
    assert {"iw.creating.advocacy", "iw.maintaining.mythologizing"} <= set(forms)
    assert {"iw.disrupting.undermining_assumptions"} <= set(forms)


def test_translation_has_callons_moments():
    book = load_codebook(STARTER)
    for moment in ("problematisation", "interessement", "enrolment", "mobilisation", "dissidence"):
        assert f"ant.{moment}" in book
    assert "ant.problematisation.obligatory_passage_point" in book


def test_every_codable_starter_code_has_a_definition_and_cross_references_exist():
    import re

    book = load_codebook(STARTER)
    codes = book.codes
    codable = codes[codes["codable"]]
    assert codable["definition"].notna().all()
    for text in pd.concat([codes["include"], codes["exclude"]]).dropna():
        for ref in re.findall(r"\b((?:iw|ant|sut)\.[a-z_.]*[a-z])", text):
            assert ref in book, ref


def test_starter_roots_cite_their_references():
    book = load_codebook(STARTER)
    assert any("Lawrence" in r for r in book.get("iw")["references"])
    assert any("Callon" in r for r in book.get("ant")["references"])


# -- reading ------------------------------------------------------------------------------------


def test_read_small_codebook(small: Path):
    book = load_codebook(small)
    assert book.ids == [
        "ant",
        "ant.enrolment",
        "ant.enrolment.roles",
        "ant.enrolment.negotiation",
        "ant.dissidence",
    ]
    assert list(book.codes.columns) == CODE_COLUMNS
    row = book.get("ant.enrolment.roles")
    assert row["parent"] == "ant.enrolment"
    assert row["file"] == "ant.yaml"
    assert row["line"] == 11
    assert row["level"] == "first_order"
    assert bool(row["codable"]) is True
    assert book.get("ant")["codable"] == False  # noqa: E712 - numpy bool


def test_navigation(small: Path):
    book = load_codebook(small)
    assert book.children("ant") == ["ant.enrolment", "ant.dissidence"]
    assert book.descendants("ant") == [
        "ant.enrolment",
        "ant.enrolment.roles",
        "ant.enrolment.negotiation",
        "ant.dissidence",
    ]
    assert book.descendants("ant.dissidence") == []
    assert book.ancestors("ant.enrolment.roles") == ["ant.enrolment", "ant"]
    assert book.ancestors("ant") == []
    assert book.root_of("ant.enrolment.roles") == "ant"
    assert book.depth("ant.enrolment.roles") == 2
    assert book.expand("ant.enrolment", include_children=False) == ["ant.enrolment"]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (
            "ant.*",
            ["ant.enrolment", "ant.enrolment.roles", "ant.enrolment.negotiation", "ant.dissidence"],
        ),
        ("*.roles", ["ant.enrolment.roles"]),
        ("ant", ["ant"]),
        ("ant.enrolment.?oles", ["ant.enrolment.roles"]),
        ("iw.*", []),
        (["ant.dissidence", "ant.enrolment"], ["ant.enrolment", "ant.dissidence"]),
    ],
)
def test_select(small: Path, pattern, expected):
    assert load_codebook(small).select(pattern) == expected


def test_select_codable(small: Path):
    book = load_codebook(small)
    assert book.select("*", codable=False) == ["ant", "ant.enrolment"]


def test_unknown_code_suggests_the_nearest(small: Path):
    book = load_codebook(small)
    with pytest.raises(
        CodebookError, match=r"unknown code 'ant\.enrolment\.role'.*ant\.enrolment\.roles"
    ):
        book.get("ant.enrolment.role")


def test_colours_are_inherited_and_expanded(small: Path):
    colors = load_codebook(small).colors()
    assert colors["ant.enrolment.roles"] == "#7570b3"
    assert colors["ant.dissidence"] == "#a6761d"


def test_three_letter_colour_is_expanded():
    book = Codebook.from_frame(pd.DataFrame({"code": ["a"], "color": ["#F0a"]}))
    assert book.colors()["a"] == "#ff00aa"


def test_tree_drawing(small: Path):
    assert load_codebook(small).tree() == (
        "ant  Traduction  [category]\n"
        "├── enrolment  Enrôlement  [category]\n"
        "│   ├── roles  Rôles acceptés  [first_order]\n"
        "│   └── negotiation  Négociations\n"
        "└── dissidence  Dissidence"
    )
    assert load_codebook(small).tree("ant.enrolment", ids="full").splitlines()[1] == (
        "├── ant.enrolment.roles  Rôles acceptés  [first_order]"
    )


def test_html_display_escapes(tmp_path: Path):
    book = Codebook.from_frame(pd.DataFrame({"code": ["a"], "label": ["<b>x</b>"]}))
    page = book._repr_html_()
    assert "&lt;b&gt;x&lt;/b&gt;" in page and "<b>x</b>" not in page


def test_merging_trees_of_several_files(small: Path):
    write(small, "iw.yaml", "id: iw\ncodes:\n  - id: advocacy\n")
    write(small, "_draft.yaml", "id: draft\n")
    write(small, "notes.txt", "not a codebook")
    book = load_codebook(small)
    assert book.roots() == ["ant", "iw"]
    assert book.get("iw.advocacy")["file"] == "iw.yaml"


def test_a_file_can_graft_its_tree_under_another(small: Path):
    write(small, "zz.yaml", "id: local\nparent: ant.enrolment\ncodes:\n  - id: mayor\n")
    book = load_codebook(small)
    assert book.children("ant.enrolment")[-1] == "ant.enrolment.local"
    assert "ant.enrolment.local.mayor" in book
    assert book.get("ant.enrolment.local.mayor")["file"] == "zz.yaml"


def test_missing_folder_gives_an_empty_codebook(tmp_path: Path):
    book, problems = read_codebook(tmp_path / "nowhere")
    assert len(book) == 0 and problems == []


# -- errors with file and line ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("id: a\ncodes:\n  - id: b\n    label: [x\n", 5, "not valid YAML"),
        ("id: a\nlabel: x\nlabel: y\n", 3, "key 'label' appears twice"),
        ("id: a\ncodes:\n  - id: b\n    defintion: x\n", 4, "unknown key 'defintion'"),
        ("id: a\ncodes:\n  - id: b\n    color: red\n", 4, "colour 'red'"),
        ("id: a\ncodes:\n  - id: b\n    level: theme\n", 4, "level 'theme'"),
        ("id: a\ncodes:\n  - id: b.c\n", 3, "not a single name"),
        ("id: a\ncodes:\n  - id: b\n    codable: maybe\n", 4, "'codable' of 'a.b'"),
        ("id: a\ncodes:\n  - id: b\n    label: yes\n", 4, "boolean True"),
        ("id: a\ncodes:\n  id: b\n", 2, "'codes' of 'a' must be a list"),
        ("id: a\nparent: nowhere\n", 2, "parent 'nowhere'"),
        ("id: a\ncodes:\n  - id: b\n  - id: b\n", 4, "duplicate code id 'a.b'"),
    ],
)
def test_errors_name_file_and_line(tmp_path: Path, text: str, line: int, fragment: str):
    write(tmp_path, "bad.yaml", text)
    _, problems = read_codebook(tmp_path)
    errors = [p for p in problems if p.severity == "error"]
    assert errors, problems
    assert any(fragment in p.message for p in errors), messages(errors)
    match = next(p for p in errors if fragment in p.message)
    assert match.path == "bad.yaml"
    assert match.line == line
    with pytest.raises(ValidationFailed, match=r"bad\.yaml, line"):
        load_codebook(tmp_path)


def test_unknown_key_hint_names_the_nearest_key(tmp_path: Path):
    write(tmp_path, "bad.yaml", "id: a\nexemple: x\n")
    problem = read_codebook(tmp_path)[1][0]
    assert problem.hint == "did you mean 'example'?"


def test_duplicate_ids_across_files_name_both(tmp_path: Path):
    write(tmp_path, "a.yaml", "id: a\ncodes:\n  - id: b\n")
    write(tmp_path, "b.yaml", "id: x\nparent: a\ncodes:\n  - id: y\n")
    write(tmp_path, "c.yaml", "id: b\nparent: a\n")
    problems = read_codebook(tmp_path)[1]
    dup = [p for p in problems if "duplicate" in p.message]
    assert len(dup) == 1
    assert dup[0].path == "c.yaml" and dup[0].line == 1
    assert "a.yaml, line 3" in dup[0].message


def test_errors_relative_to_a_root(tmp_path: Path):
    folder = tmp_path / "codebook"
    folder.mkdir()
    write(folder, "bad.yaml", "id: a\ncolor: blue\n")
    problem = read_codebook(folder, root=tmp_path)[1][0]
    assert problem.path == "codebook/bad.yaml"


def test_empty_and_non_mapping_files(tmp_path: Path):
    write(tmp_path, "empty.yaml", "")
    write(tmp_path, "list.yaml", "- id: a\n")
    problems = read_codebook(tmp_path)[1]
    assert [(p.path, p.severity) for p in problems] == [
        ("empty.yaml", "warning"),
        ("list.yaml", "error"),
    ]


def test_not_utf8(tmp_path: Path):
    (tmp_path / "latin.yaml").write_bytes("id: a\nlabel: Créer\n".encode("latin-1"))
    problem = read_codebook(tmp_path)[1][0]
    assert "UTF-8" in problem.message and problem.path == "latin.yaml"


def test_codes_of_a_bad_file_are_still_returned_for_later_checks(tmp_path: Path):
    write(tmp_path, "a.yaml", "id: a\ncolor: nope\ncodes:\n  - id: b\n")
    book, problems = read_codebook(tmp_path)
    assert book.ids == ["a", "a.b"] and len(problems) == 1


# -- validation of code rows (from_frame) --------------------------------------------------


def test_cycle_is_reported():
    rows = [{"code": "a", "parent": "b"}, {"code": "b", "parent": "a"}]
    found = messages(validate_codes(rows))
    assert any("cycle" in m and ("a → b → a" in m or "b → a → b" in m) for m in found)


def test_parent_must_prefix_the_id():
    found = messages(validate_codes([{"code": "a"}, {"code": "x.b", "parent": "a"}]))
    assert any("is not under it" in m for m in found)


def test_dotted_id_without_parent():
    found = messages(validate_codes([{"code": "a.b", "parent": None}]))
    assert found == ["code 'a.b' has a dotted id but no parent"]


def test_from_frame_defaults_and_order():
    book = Codebook.from_frame(pd.DataFrame({"code": ["b.x", "a", "b", "a.y"]}))
    assert book.ids == ["a", "a.y", "b", "b.x"]
    assert book.get("b.x")["label"] == "x"
    assert book.get("b.x")["file"] == "b.yaml"
    assert bool(book.get("a")["codable"]) is True


def test_from_frame_requires_code_and_validates():
    with pytest.raises(CodebookError, match="'code' column"):
        Codebook.from_frame(pd.DataFrame({"label": ["x"]}))
    with pytest.raises(ValidationFailed, match="parent 'zz'"):
        Codebook.from_frame(pd.DataFrame({"code": ["a", "zz.b"], "parent": [None, "zz"]}))


def test_from_frame_accepts_text_booleans():
    book = Codebook.from_frame(pd.DataFrame({"code": ["a", "a.b"], "codable": ["false", "oui"]}))
    assert not book.is_codable("a") and book.is_codable("a.b")


def test_codes_property_is_a_copy(small: Path):
    book = load_codebook(small)
    frame = book.codes
    frame.loc[0, "label"] = "changed"
    assert book.label("ant") == "Traduction"


# -- saving ---------------------------------------------------------------------------------


def test_round_trip_keeps_codes_and_header_comment(small: Path, tmp_path_factory):
    book = load_codebook(small)
    out = tmp_path_factory.mktemp("out")
    out_book = Codebook(book.codes, headers=book.headers)
    written = save_codebook(out, out_book)
    assert [p.name for p in written] == ["ant.yaml"]
    text = (out / "ant.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Notes of the team: kept on save.\nid: ant\n")
    assert load_codebook(out) == book


def test_starter_codebooks_round_trip(tmp_path: Path):
    book = load_codebook(STARTER)
    save_codebook(tmp_path, book)
    again = load_codebook(tmp_path)
    assert again == book
    assert sorted(p.name for p in tmp_path.glob("*.yaml")) == sorted(
        p.name for p in codebook_files(STARTER)
    )


def test_saving_twice_writes_nothing_the_second_time(small: Path):
    book = load_codebook(small)
    save_codebook(small, book)
    assert save_codebook(small, book) == []


def test_save_removes_files_of_deleted_trees_only_when_asked(small: Path):
    write(small, "iw.yaml", "id: iw\n")
    book = load_codebook(small)
    only_ant = Codebook.from_frame(book.codes[book.codes["code"] != "iw"], headers=book.headers)
    save_codebook(small, only_ant)
    assert (small / "iw.yaml").exists()
    save_codebook(small, only_ant, remove_missing=True)
    assert not (small / "iw.yaml").exists()


def test_a_file_cannot_hold_two_trees():
    frame = pd.DataFrame({"code": ["a", "b"], "file": ["same.yaml", "same.yaml"]})
    with pytest.raises(CodebookError, match="2 trees"):
        codebook_texts(Codebook.from_frame(frame))


def test_add_code(small: Path):
    book = load_codebook(small)
    new = add_code(book, "ant.enrolment.mayor", label="Le maire", color="#123456")
    assert new.children("ant.enrolment")[-1] == "ant.enrolment.mayor"
    assert new.get("ant.enrolment.mayor")["file"] == "ant.yaml"
    assert "ant.enrolment.mayor" not in book
    with pytest.raises(CodebookError, match="already exists"):
        add_code(new, "ant.enrolment.mayor")
    with pytest.raises(CodebookError, match=r"unknown code 'ant\.nope'"):
        add_code(book, "ant.nope.x")
    with pytest.raises(CodebookError, match="valid name"):
        add_code(book, "ant.bad name")


texts = st.lists(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"),
        max_size=12,
    )
    | st.sampled_from(
        ["\n", " ", "  ", ": ", " #", "« ", " »", "’", "\u202f", "'", '"', "- ", "> "]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=60, deadline=None)
@given(definition=texts, example=texts, memo=texts)
def test_any_text_survives_save_and_load(tmp_path_factory, definition, example, memo):
    folder = tmp_path_factory.mktemp("cb")
    frame = pd.DataFrame(
        {
            "code": ["a", "a.b"],
            "definition": [definition, None],
            "example": [None, example],
            "memo": [memo, memo],
        }
    )
    book = Codebook.from_frame(frame)
    save_codebook(folder, book)
    again = load_codebook(folder)
    for code, column in (("a", "definition"), ("a.b", "example"), ("a", "memo")):
        expected = book.get(code)[column]
        assert again.get(code)[column] == expected
