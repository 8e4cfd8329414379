"""Tests of research.exchange: positions, GUIDs, code descriptions and the strict export."""

from __future__ import annotations

import io
import re
import shutil
import unicodedata
import uuid
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from research.codebook import Codebook
from research.corpus import Corpus
from research.errors import ExportError
from research.exchange import (
    CODEBOOK_NS,
    GUID_NAMESPACE,
    ORIGIN,
    PROJECT_NS,
    code_description,
    export_project,
    from_units,
    parse_code_description,
    qdc_bytes,
    qdpx_bytes,
    stable_guid,
    to_units,
    unit_boundaries,
)
from research.exchange._variables import JSON_VALUES
from research.project import open_project
from research.text import normalise

DATA = Path(__file__).parent / "data" / "refiqda"
SCHEMAS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "refi-qda"
P = f"{{{PROJECT_NS}}}"
GUID = re.compile(
    r"^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"
)


@pytest.fixture
def project(tmp_path):
    """A copy of the small fixture project (3 documents, 8 codes, 2 coders)."""
    root = tmp_path / "projet"
    shutil.copytree(DATA / "project", root)
    return open_project(root)


def qde_of(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("project.qde"))


def schema(name: str) -> etree.XMLSchema:
    if not (SCHEMAS / name).is_file():
        pytest.skip("the REFI-QDA schemas of ../shared/data are not available")
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


# -- GUIDs ----------------------------------------------------------------------------------


def test_guids_are_uuid5_of_fixed_names():
    # The value is pinned: a change would make every later export differ.
    assert stable_guid("code", "ant") == str(uuid.uuid5(GUID_NAMESPACE, "code\x1fant"))
    assert uuid.uuid5(uuid.NAMESPACE_URL, "urn:research:refi-qda") == GUID_NAMESPACE
    assert stable_guid("code", "ant") == "9d39eaca-bbaa-5b5f-a14a-1e3151b2e85c"
    assert uuid.UUID(stable_guid("user", "lea")).version == 5


def test_guids_separate_kinds_and_parts():
    assert stable_guid("source", "a") != stable_guid("code", "a")
    assert stable_guid("coding", "a", "b") != stable_guid("coding", "ab")
    assert stable_guid("coding", "lea", "D", 1, 2, "x") == stable_guid(
        "coding", "lea", "D", "1", "2", "x"
    )


# -- positions: hand-worked examples --------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "units", "crlf", "text", "bounds"),
    [
        # a(1) 😀(2 UTF-16 units) CR LF(2) b(1)
        ("a😀\r\nb", "utf16", "two", "a😀\nb", [0, 1, 3, 5, 6]),
        ("a😀\r\nb", "code_points", "two", "a😀\nb", [0, 1, 2, 4, 5]),
        ("a😀\r\nb", "utf16", "one", "a😀\nb", [0, 1, 3, 4, 5]),
        ("a😀\r\nb", "code_points", "one", "a😀\nb", [0, 1, 2, 3, 4]),
        # a lone CR is a newline of one unit
        ("x\ry", "utf16", "two", "x\ny", [0, 1, 2, 3]),
        # the byte-order mark is not counted
        ("\ufeffé", "utf16", "two", "é", [0, 1]),
        # e + combining acute (2 code points) becomes é (1): the next char starts at 2
        ("e\u0301t", "code_points", "two", "ét", [0, 2, 3]),
        ("", "utf16", "two", "", [0]),
    ],
)
def test_unit_boundaries_hand_worked(raw, units, crlf, text, bounds):
    got_text, got_bounds = unit_boundaries(raw, units=units, crlf=crlf)
    assert got_text == text
    assert got_bounds.tolist() == bounds


def test_from_units_rounds_inside_characters_outwards():
    _, bounds = unit_boundaries("a😀\r\nb", units="utf16")
    # unit 2 is inside the emoji, unit 4 between CR and LF
    assert from_units(bounds, [2, 4], side="start").tolist() == [1, 2]
    assert from_units(bounds, [2, 4], side="end").tolist() == [2, 3]
    assert from_units(bounds, [0, 6], side="end").tolist() == [0, 4]


def reference_bounds(raw: str, *, units: str, crlf: str) -> tuple[str, list[int]]:
    """A plain loop over the raw text, for texts without combining marks."""
    text, bounds, unit, i = [], [], 0, 0
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    while i < len(raw):
        ch = raw[i]
        bounds.append(unit)
        if ch == "\r" and raw[i + 1 : i + 2] == "\n":
            text.append("\n")
            unit += 2 if crlf == "two" else 1
            i += 2
            continue
        text.append("\n" if ch == "\r" else ch)
        unit += len(ch.encode("utf-16-le")) // 2 if units == "utf16" else 1
        i += 1
    bounds.append(unit)
    return "".join(text), bounds


FRENCH_TOKENS = [
    *"abcdeéèêàçôùÉÀ ’«»\u00a0\u202f:;?!-.,",
    *("😀", "👍🏽", "🇫🇷", "𝔘", "\r\n", "\n", "\r", "\r\n\r\n"),
]
FRENCH = st.sampled_from(FRENCH_TOKENS)
TEXTS = st.lists(FRENCH, max_size=60).map("".join)
# with decomposed accents (e + U+0301) that NFC composes
COMPOSED = st.lists(st.sampled_from([*FRENCH_TOKENS, "e\u0301", "E\u0300"]), max_size=40).map(
    "".join
)


@settings(max_examples=150, deadline=None)
@given(
    raw=TEXTS, units=st.sampled_from(["utf16", "code_points"]), crlf=st.sampled_from(["one", "two"])
)
def test_unit_boundaries_match_a_plain_loop(raw, units, crlf):
    text, bounds = unit_boundaries(raw, units=units, crlf=crlf)
    assert (text, bounds.tolist()) == reference_bounds(raw, units=units, crlf=crlf)


@settings(max_examples=150, deadline=None)
@given(raw=COMPOSED, data=st.data(), units=st.sampled_from(["utf16", "code_points"]))
def test_offsets_survive_a_trip_through_other_units(raw, data, units):
    text, bounds = unit_boundaries(raw, units=units, crlf="two")
    offsets = data.draw(st.lists(st.integers(0, len(text)), max_size=20))
    positions = to_units(bounds, offsets)
    assert from_units(bounds, positions, side="start").tolist() == offsets
    assert from_units(bounds, positions, side="end").tolist() == offsets
    if units == "utf16":
        # independent count: UTF-16 units of the raw prefix
        prefix = raw.removeprefix("\ufeff")
        for offset, position in zip(offsets, positions.tolist(), strict=True):
            stored_prefix = text[:offset]
            raw_prefix = _raw_prefix(prefix, stored_prefix)
            assert position == len(raw_prefix.encode("utf-16-le")) // 2


def _raw_prefix(raw: str, stored_prefix: str) -> str:
    """The shortest prefix of ``raw`` whose stored form is ``stored_prefix``."""
    for end in range(len(raw) + 1):
        if normalise(raw[:end]) == stored_prefix and raw[end - 1 : end + 1] != "\r\n":
            return raw[:end]
    raise AssertionError("no prefix")


@settings(max_examples=150, deadline=None)
@given(raw=st.text(max_size=40), units=st.sampled_from(["utf16", "code_points"]))
def test_any_text_gives_the_stored_text_and_monotone_bounds(raw, units):
    text, bounds = unit_boundaries(raw, units=units, crlf="two")
    assert text == normalise(raw)
    assert len(bounds) == len(text) + 1
    assert bounds[0] == 0
    assert np.all(np.diff(bounds) >= 0)
    body = raw.removeprefix("\ufeff")
    expected = (
        len(body.encode("utf-16-le", "surrogatepass")) // 2 if units == "utf16" else len(body)
    )
    assert bounds[-1] == expected


def test_unit_boundaries_compose_across_hangul_jamo():
    raw = "\u1100\u1161\u11a8 x"  # three conjoining jamo compose into one syllable
    text, bounds = unit_boundaries(raw, units="code_points")
    assert text == unicodedata.normalize("NFC", raw) == "\uac01 x"
    assert bounds.tolist() == [0, 3, 4, 5]


# -- code descriptions ----------------------------------------------------------------------

ROWS = [
    {"code": "a", "definition": "Une définition."},
    {
        "code": "iw.creating.advocacy",
        "definition": "Mobiliser un soutien.\n\nSur deux paragraphes.",
        "include": "Démarches auprès d'élus.",
        "exclude": "Simple information (→ ant.interessement).",
        "example": "« On est allés voir le vice-président. »",
        "level": "first_order",
        "references": ("Lawrence & Suddaby 2006", "Callon 1986"),
        "memo": "Deux lignes\nde mémo.",
        "file": "institutional_work.yaml",
    },
    {"code": "b", "include": "Seulement un critère."},
]


@pytest.mark.parametrize("row", ROWS)
def test_code_descriptions_read_back(row):
    assert parse_code_description(code_description(row)) == row


def test_code_description_leaves_out_memo_and_id_on_request():
    text = code_description(ROWS[1], memo=False, code_id=False)
    assert "Mémo" not in text and "Identifiant" not in text
    assert "memo" not in parse_code_description(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, {}),
        ("  ", {}),
        (
            "Erősen szkeptikus (piros)\nElfogadó (zöld)",
            {"definition": "Erősen szkeptikus (piros)\nElfogadó (zöld)"},
        ),
        (
            "Def.\r\nInclude: x\r\nEXCLUDE\u00a0: y",
            {"definition": "Def.", "include": "x", "exclude": "y"},
        ),
        ("Références :\n- A\nB", {"references": ("A", "B")}),
        ("Exemple :", {}),
    ],
)
def test_parse_code_description_tolerates_other_writers(text, expected):
    assert parse_code_description(text) == expected


# -- structural checks (always run) ---------------------------------------------------------

CONTAINERS = {"Users", "CodeBook", "Codes", "Variables", "Cases", "Sources", "Notes", "Sets"}
ORDER = {
    "Project": ["Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links", "Sets"],
    "Code": ["Description", "NoteRef", "Code"],
    "Case": ["Description", "CodeRef", "VariableValue", "SourceRef", "SelectionRef"],
    "TextSource": ["Description", "PlainTextContent", "PlainTextSelection", "Coding", "NoteRef"],
    "PlainTextSelection": ["Description", "Coding", "NoteRef"],
    "Coding": ["CodeRef", "NoteRef"],
}


def structure_problems(root: etree._Element, texts: dict[str, str] | None = None) -> list[str]:
    """Schema rules checked without the schema, and references between elements."""
    problems = []
    local = lambda e: etree.QName(e).localname  # noqa: E731
    guids = {}
    for element in root.iter(etree.Element):
        name = local(element)
        for key in ("guid", "targetGUID", "creatingUser"):
            value = element.get(key)
            if value is not None and not GUID.match(value):
                problems.append(f"{name} {key}={value!r} is not a GUID")
        if element.get("guid"):
            if element.get("guid") in guids:
                problems.append(f"duplicate GUID {element.get('guid')}")
            guids[element.get("guid")] = name
        if name in CONTAINERS and len(element) == 0:
            problems.append(f"empty <{name}/>")
        if name in ORDER:
            seen = [ORDER[name].index(local(c)) for c in element if local(c) in ORDER[name]]
            if seen != sorted(seen):
                problems.append(f"children of {name} out of order")
        if name == "Code" and element.get("isCodable") not in ("true", "false"):
            problems.append("isCodable is not a boolean")
    targets = {
        "CodeRef": "Code",
        "SourceRef": "TextSource",
        "VariableRef": "Variable",
        "NoteRef": "Note",
        "MemberCode": "Code",
    }
    for element in root.iter(etree.Element):
        name = local(element)
        if name in targets and guids.get(element.get("targetGUID")) != targets[name]:
            problems.append(f"{name} to {element.get('targetGUID')} finds no {targets[name]}")
    users = {g for g, n in guids.items() if n == "User"}
    for element in root.iter(f"{P}PlainTextSelection", f"{P}Coding"):
        if element.get("creatingUser") not in users:
            problems.append("creatingUser is not a User")
    if texts is not None:
        for source in root.iter(f"{P}TextSource"):
            text = texts[source.get("name")]
            for selection in source.iter(f"{P}PlainTextSelection"):
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                if not 0 <= start < end <= len(text):
                    problems.append(f"selection {start}-{end} outside its text")
    return problems


def test_structure_check_finds_the_faults_it_looks_for():
    root = etree.fromstring(
        f'<Project xmlns="{PROJECT_NS}" name="x"><Sources><TextSource guid="{{bad}}"/>'
        f'</Sources><Sets/><Users><User guid="{stable_guid("u")}"/></Users></Project>'
    )
    problems = structure_problems(root)
    assert any("not a GUID" in p for p in problems)
    assert "empty <Sets/>" in problems
    assert "children of Project out of order" in problems


# -- codebook export -------------------------------------------------------------------------


def test_qdc_writes_the_tree_with_labels_colours_and_descriptions(project):
    root = etree.fromstring(qdc_bytes(project.codebook))
    assert root.tag == f"{{{CODEBOOK_NS}}}CodeBook"
    assert root.get("origin") == ORIGIN
    top = root.find(f"{{{CODEBOOK_NS}}}Codes")
    names = [c.get("name") for c in top]
    assert names == ["Sociologie de la traduction", "Start-Up de Territoire"]
    ant = top[0]
    assert ant.get("isCodable") == "false" and ant.get("color") == "#1b9e77"
    assert ant.get("guid") == stable_guid("code", "ant")
    interessement = ant.find(f".//{{{CODEBOOK_NS}}}Code[@name='Intéressement']")
    description = interessement.find(f"{{{CODEBOOK_NS}}}Description").text
    assert "Mémo : Vérifier avec la seconde codeuse.\nDeux lignes de mémo." in description
    fabrique = top[1].find(f"{{{CODEBOOK_NS}}}Code[@name='Fabrique à Entreprendre']")
    assert "Fichier : fabrique.yaml" in fabrique.find(f"{{{CODEBOOK_NS}}}Description").text
    assert not structure_problems(root)
    assert root.find(f"{{{CODEBOOK_NS}}}Sets") is None


def test_qdc_validates_against_the_published_schema(project):
    xsd = schema("Codebook.xsd")
    root = etree.fromstring(qdc_bytes(project.codebook))
    assert xsd.validate(root), xsd.error_log


def test_qdc_refuses_an_empty_codebook():
    empty = Codebook.from_frame(pd.DataFrame({"code": ["x"]}))
    empty = Codebook(empty.codes.iloc[:0])
    with pytest.raises(ExportError, match="has no code"):
        qdc_bytes(empty)


def test_qdc_refuses_text_xml_cannot_carry():
    book = Codebook.from_frame(pd.DataFrame({"code": ["x"], "definition": ["saut\x0cde page"]}))
    with pytest.raises(ExportError, match=r"description of code 'x'.*U\+000C"):
        qdc_bytes(book)


# -- project export -----------------------------------------------------------------------------


def export(project) -> bytes:
    return qdpx_bytes(project.codebook, project.corpus, project.codings, name="projet")


def test_qdpx_validates_against_the_published_schema(project):
    xsd = schema("Project.xsd")
    root = qde_of(export(project))
    assert xsd.validate(root), xsd.error_log


def test_qdpx_structure_and_references(project):
    root = qde_of(export(project))
    assert not structure_problems(root, project.corpus.texts())
    assert root.get("origin") == ORIGIN and root.get("name") == "projet"
    users = [u.get("name") for u in root.iter(f"{P}User")]
    assert users == ["camille", "lea"]
    assert root.find(f"{P}Sets") is None


def test_qdpx_zip_layout_is_fixed(project):
    data = export(project)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        assert names[0] == "project.qde"
        ids = sorted(project.corpus.doc_ids)
        assert names[1:] == [f"sources/{stable_guid('source', d)}.txt" for d in ids]
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        for doc_id in ids:
            stored = archive.read(f"sources/{stable_guid('source', doc_id)}.txt")
            assert stored.decode("utf-8") == project.corpus.text(doc_id)


def test_two_exports_are_byte_identical(project):
    first = export(project)
    assert export(project) == first
    # rows in another order, and a reloaded project, give the same bytes
    shuffled = project.codings.sample(frac=1, random_state=3)
    again = open_project(project.root)
    assert qdpx_bytes(again.codebook, again.corpus, shuffled, name="projet") == first


def test_each_coding_has_its_own_selection(project):
    # readers that take only the first Coding of a selection must miss none
    root = qde_of(export(project))
    int01 = next(s for s in root.iter(f"{P}TextSource") if s.get("name") == "INT01")
    spans: dict[tuple, int] = {}
    for selection in int01.iter(f"{P}PlainTextSelection"):
        assert len(selection.findall(f"{P}Coding")) == 1
        key = (selection.get("startPosition"), selection.get("endPosition"))
        spans[key] = spans.get(key, 0) + 1
    assert spans[("118", "162")] == 2  # problématisation and intéressement by camille
    assert spans[("73", "116")] == 1
    n_selections = len(list(root.iter(f"{P}PlainTextSelection")))
    assert n_selections == len(project.codings) == len(list(root.iter(f"{P}Coding")))
    # the emoji counts one position: the standard's code points of the stored text
    text = project.corpus.text("INT01")
    assert text[73:116] == "soirée « Start-Up de Territoire » de 2017 👍"


def test_memos_become_notes(project):
    root = qde_of(export(project))
    notes = {n.get("guid"): n.find(f"{P}PlainTextContent").text for n in root.iter(f"{P}Note")}
    coding = next(c for c in root.iter(f"{P}Coding") if c.find(f"{P}NoteRef") is not None)
    assert notes[coding.find(f"{P}NoteRef").get("targetGUID")] in {
        "Point de passage obligé explicite.",
        "Enrôlement ou intéressement ?\nÀ discuter.",
    }
    code = next(c for c in root.iter(f"{P}Code") if c.get("name") == "Intéressement")
    assert notes[code.find(f"{P}NoteRef").get("targetGUID")].startswith("Vérifier avec")
    # QualCoder reads a code's memo from its Description only
    assert "Mémo : Vérifier avec la seconde codeuse." in code.findtext(f"{P}Description")


def test_coding_times_are_written(project):
    root = qde_of(export(project))
    times = {c.get("creationDateTime") for c in root.iter(f"{P}Coding")}
    assert {"2024-05-02T09:30:00Z", "2024-05-02T09:31:12.250000Z", None} == times


def test_attributes_become_typed_variables_and_cases(project):
    root = qde_of(export(project))
    variables = {v.get("name"): v for v in root.iter(f"{P}Variable")}
    kinds = {name: v.get("typeOfVariable") for name, v in variables.items()}
    assert kinds["duration_min"] == "Integer"
    assert kinds["score"] == "Float"
    assert kinds["holder_present"] == "Boolean"
    assert kinds["date"] == "Date"
    assert kinds["title"] == "Text"
    for name in ("speakers", "actors", "participants"):
        assert variables[name].findtext(f"{P}Description") == JSON_VALUES
    assert not {"path", "sha256", "n_chars", "n_words", "n_segments"} & set(variables)
    case = next(c for c in root.iter(f"{P}Case") if c.get("name") == "INT01")
    # the values are the source's (QualCoder reads them there as document attributes)
    assert case.find(f"{P}VariableValue") is None
    source = next(s for s in root.iter(f"{P}TextSource") if s.get("name") == "INT01")
    assert etree.QName(source[-1]).localname == "VariableValue"
    values = {}
    for value in source.iterchildren(f"{P}VariableValue"):
        ref = value.find(f"{P}VariableRef").get("targetGUID")
        name = next(n for n, v in variables.items() if v.get("guid") == ref)
        values[name] = value[1].text
    assert values["duration_min"] == "46"  # an int again, not 46.0
    assert values["speakers"] == '{"Enquêtrice": "P04", "Élodie": "P10"}'
    assert "score" not in values  # missing values are left out
    assert case.find(f"{P}SourceRef").get("targetGUID") == stable_guid("source", "INT01")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"code": "ant.inconnu"}, "missing from the codebook: 'ant.inconnu'"),
        ({"doc_id": "INT99"}, "missing from the corpus: 'INT99'"),
        ({"end": 10_000}, "outside the text"),
        ({"start": 5, "end": 5}, "outside the text"),
    ],
)
def test_export_refuses_codings_that_do_not_fit(project, change, message):
    codings = project.codings.copy()
    for column, value in change.items():
        codings.loc[0, column] = value
    with pytest.raises(ExportError, match=message):
        qdpx_bytes(project.codebook, project.corpus, codings)


def test_export_without_codings_writes_no_users():
    corpus = Corpus.from_texts({"D": "Un texte."})
    book = Codebook.from_frame(pd.DataFrame({"code": ["x"]}))
    root = qde_of(
        qdpx_bytes(book, corpus, pd.DataFrame(columns=["coder", "doc_id", "start", "end", "code"]))
    )
    assert root.find(f"{P}Users") is None
    assert root.find(f"{P}Notes") is None
    assert not structure_problems(root)


def test_export_project_by_suffix(project, tmp_path):
    qdpx = export_project(project, tmp_path / "p.qdpx")
    assert qdpx.read_bytes() == qdpx_bytes(
        project.codebook, project.corpus, project.codings, name=project.root.name
    )
    qdc = export_project(project, tmp_path / "c.QDC")
    assert qdc.read_bytes() == qdc_bytes(project.codebook)
    only = export_project(project, tmp_path / "lea.qdpx", coders=["lea"])
    assert [u.get("name") for u in qde_of(only.read_bytes()).iter(f"{P}User")] == ["lea"]
    with pytest.raises(ExportError, match="no codings by 'zoe'"):
        export_project(project, tmp_path / "z.qdpx", coders=["zoe"])
    with pytest.raises(ExportError, match=r"\.qdpx \(project\) or \.qdc"):
        export_project(project, tmp_path / "p.zip")
    assert not (tmp_path / "p.zip").exists()


# -- what real clients read (QualCoder's importer, readers of the first Coding) -------------


def test_every_note_has_a_date_and_every_coding_memo_a_coder(project):
    # QualCoder's import reads creationDateTime of every Note and stops without one
    root = qde_of(export(project))
    notes = list(root.iter(f"{P}Note"))
    assert len(notes) == 3  # two coding memos, one code memo
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{P}User")}
    for note in notes:
        assert re.fullmatch(
            r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", note.get("creationDateTime")
        )
    by_name = {n.get("name"): n for n in notes}
    lea = by_name["Mémo : INT01 256-275 (lea)"]
    assert users[lea.get("creatingUser")] == "lea"
    assert lea.get("creationDateTime") == "2024-05-02T09:30:00Z"
    # the code memo has no coder; it takes the earliest coding time of the project
    code_note = by_name["Mémo : Intéressement"]
    assert code_note.get("creatingUser") is None
    assert code_note.get("creationDateTime") == "2024-05-02T09:30:00Z"


def test_a_coding_memo_is_also_its_selection_description(project):
    root = qde_of(export(project))
    notes = {n.get("guid"): n.findtext(f"{P}PlainTextContent") for n in root.iter(f"{P}Note")}
    described = 0
    for selection in root.iter(f"{P}PlainTextSelection"):
        ref = selection.find(f"{P}Coding/{P}NoteRef")
        text = selection.findtext(f"{P}Description")
        assert (ref is None) == (text is None)
        if ref is not None:
            assert notes[ref.get("targetGUID")] == text
            described += 1
    assert described == 2
    memo = next(
        s
        for s in root.iter(f"{P}PlainTextSelection")
        if s.get("startPosition") == "256"
        and s.findtext(f"{P}Description")
        and "discuter" in s.findtext(f"{P}Description")
    )
    assert memo.findtext(f"{P}Description") == "Enrôlement ou intéressement ?\nÀ discuter."


def test_selections_carry_the_coder_and_date_of_their_coding(project):
    root = qde_of(export(project))
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{P}User")}
    seen = set()
    for selection in root.iter(f"{P}PlainTextSelection"):
        coding = selection.find(f"{P}Coding")
        assert selection.get("creatingUser") == coding.get("creatingUser")
        assert selection.get("creationDateTime") == coding.get("creationDateTime")
        seen.add((users[selection.get("creatingUser")], selection.get("creationDateTime")))
    assert ("lea", None) in seen  # lea's undated coding stays undated
    assert ("camille", "2024-05-02T09:31:12.250000Z") in seen


def test_sources_have_an_owner_and_a_date(project):
    root = qde_of(export(project))
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{P}User")}
    sources = {s.get("name"): s for s in root.iter(f"{P}TextSource")}
    # the coder and time of the earliest coding of each source (ties: by coder name)
    assert users[sources["INT01"].get("creatingUser")] == "camille"
    assert sources["INT01"].get("creationDateTime") == "2024-05-02T09:30:00Z"
    assert users[sources["NOTE1"].get("creatingUser")] == "lea"


def test_every_code_has_a_colour(project):
    root = qde_of(export(project))
    colours = {c.get("name"): c.get("color") for c in root.iter(f"{P}Code")}
    assert len(colours) == len(project.codebook)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours.values()), colours
    # a code without its own colour shows its parent's
    assert colours["Sociologie de la traduction"] == "#1b9e77"
    assert colours["Enrôlement"] == "#d95f02"  # its own
    assert colours["Intéressement"] == "#1b9e77"  # its parent's
    assert project.codebook.get("ant.interessement")["color"] is None


def test_a_project_without_codings_still_dates_its_sources():
    corpus = Corpus.from_texts({"D1": "Un texte."})
    book = Codebook.from_frame(pd.DataFrame({"code": ["x"], "memo": ["Un mémo."]}))
    codings = pd.DataFrame(columns=["coder", "doc_id", "start", "end", "code"])
    root = qde_of(qdpx_bytes(book, corpus, codings))
    source = next(root.iter(f"{P}TextSource"))
    assert source.get("creationDateTime") == "1980-01-01T00:00:00Z"
    assert source.get("creatingUser") is None  # no coder, no user
    assert next(root.iter(f"{P}Note")).get("creationDateTime") == "1980-01-01T00:00:00Z"


def test_the_project_description_records_the_units(project):
    root = qde_of(export(project))
    assert root[-1].tag == f"{P}Description"
    assert root[-1].text.endswith("[units=code_points]")
    utf16 = qde_of(qdpx_bytes(project.codebook, project.corpus, project.codings, units="utf16"))
    assert "UTF-16" in utf16.findtext(f"{P}Description")
    assert utf16.findtext(f"{P}Description").endswith("[units=utf16]")


def test_utf16_export_counts_the_emoji_twice(project):
    data = qdpx_bytes(project.codebook, project.corpus, project.codings, units="utf16")
    root = qde_of(data)
    int01 = next(s for s in root.iter(f"{P}TextSource") if s.get("name") == "INT01")
    spans = {
        (s.get("startPosition"), s.get("endPosition")) for s in int01.iter(f"{P}PlainTextSelection")
    }
    # 👍 (U+1F44D) ends at code point 116: two UTF-16 units, so what follows shifts by one
    assert ("73", "117") in spans  # it was 73-116
    assert ("119", "163") in spans  # it was 118-162
    assert ("52", "79") in spans  # before the emoji: unchanged
    text = project.corpus.text("INT01")
    assert len(text[:162].encode("utf-16-le")) // 2 == 163
    assert data == qdpx_bytes(project.codebook, project.corpus, project.codings, units="utf16")


def test_unknown_units_are_refused(project):
    with pytest.raises(ExportError, match="unknown units 'bytes'"):
        qdpx_bytes(project.codebook, project.corpus, project.codings, units="bytes")


def test_richer_export_validates_against_the_schema(project):
    xsd = schema("Project.xsd")
    for units in ("code_points", "utf16"):
        root = qde_of(qdpx_bytes(project.codebook, project.corpus, project.codings, units=units))
        assert xsd.validate(root), xsd.error_log
        assert structure_problems(root) == []
