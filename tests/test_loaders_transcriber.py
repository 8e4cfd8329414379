"""Tests of research.corpus.loaders: Transcriber .trs files as speaker turns."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from research.corpus.loaders import Limits, segments_for
from research.corpus.loaders._transcriber import load_trs, prepare_encoding
from research.errors import InputError, UnsafeInputError

DATA = Path(__file__).parent / "data" / "loaders"
TRS = DATA / "entretien.trs"

EXPECTED_TEXT = (
    "# Parcours\n\n"
    "[00:00:01.500] Enquêtrice : Bonjour, merci d'avoir accepté de me recevoir.\n\n"
    "[00:00:06.250] Élodie Fournier : Avec plaisir ! [rire] C'était en 2017, "
    "[fr-]à l’époque[-fr].\n\n"
    "[00:00:12.000] Élodie Fournier : oui c'est ça\n\n"
    "[00:00:12.000] Enquêtrice : d'accord\n\n"
    "[00:00:15.000] Marc élu : La mairie a suivi {hésitation} dès le début.\n\n"
    "# La Fabrique à Entreprendre\n\n"
    "[00:00:25.000] Élodie Fournier : La Fabrique nous a orientés vers l'incubateur.\n"
)
EXPECTED_SEGMENTS = [
    ("Enquêtrice", "Parcours", 1.5, "Bonjour, merci d'avoir accepté de me recevoir."),
    (
        "Élodie Fournier",
        "Parcours",
        6.25,
        "Avec plaisir ! [rire] C'était en 2017, [fr-]à l’époque[-fr].",
    ),
    ("Élodie Fournier", "Parcours", 12.0, "oui c'est ça"),
    ("Enquêtrice", "Parcours", 12.0, "d'accord"),
    ("Marc élu", "Parcours", 15.0, "La mairie a suivi {hésitation} dès le début."),
    (
        "Élodie Fournier",
        "La Fabrique à Entreprendre",
        25.0,
        "La Fabrique nous a orientés vers l'incubateur.",
    ),
]


def load(path: Path):
    return load_trs(path, Limits())


def rows(doc):
    """(speaker, section, time, text) of every segment, checking the offset invariant."""
    out = []
    for seg in segments_for(doc):
        text = doc.text[seg.start : seg.end]
        assert text == text.strip() and text
        out.append((seg.speaker, seg.section, seg.time, text))
    return out


def write_trs(tmp_path: Path, body: str, *, name: str = "t.trs", speakers: str | None = None,
              prolog: str = '<?xml version="1.0" encoding="UTF-8"?>\n', encoding: str = "utf-8") -> Path:  # fmt: skip
    speakers = speakers if speakers is not None else (
        '<Speakers><Speaker id="spk1" name="Marie"/><Speaker id="spk2" name="Paul"/></Speakers>'
    )  # fmt: skip
    text = f'{prolog}<!DOCTYPE Trans SYSTEM "trans-14.dtd">\n<Trans>{speakers}<Episode>{body}</Episode></Trans>\n'
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# -- the fixture: ISO-8859-1, topics, overlap, events, comments -------------------------


def test_fixture_is_iso_8859_1():
    raw = TRS.read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="ISO-8859-1"?>')
    assert "Enquêtrice".encode("latin-1") in raw and "Enquêtrice".encode() not in raw


def test_fixture_text():
    doc = load(TRS)
    assert doc.text == EXPECTED_TEXT
    assert doc.metadata == {
        "audio": "entretien-elodie",
        "scribe": "Claire",
        "segmentation": "turns",
        # declared, so that Marc élu, who speaks once, still has his turn
        "speakers": {"Enquêtrice": None, "Élodie Fournier": None, "Marc élu": None},
    }
    marc = [s for s in segments_for(doc) if s.speaker == "Marc élu"]
    assert len(marc) == 1


def test_fixture_segments():
    assert rows(load(TRS)) == EXPECTED_SEGMENTS


def test_fixture_warns_about_a_changed_name():
    problems = load(TRS).problems
    assert len(problems) == 1
    assert problems[0].severity == "warning"
    assert "'Marc (élu)'" in problems[0].message and "'Marc élu'" in problems[0].message
    assert "entretien.trs" in problems[0].format()


@pytest.mark.parametrize(
    "variant", ["crlf", "utf8-bom", "utf8-declared", "utf8-undeclared", "utf16"]
)
def test_encodings_and_newlines_give_the_same_text(tmp_path, variant):
    text = TRS.read_bytes().decode("latin-1")
    if variant == "crlf":
        data = text.replace("\n", "\r\n").encode("latin-1")
    elif variant == "utf8-bom":
        data = codecs.BOM_UTF8 + text.replace("ISO-8859-1", "UTF-8").encode("utf-8")
    elif variant == "utf8-declared":
        data = text.replace("ISO-8859-1", "UTF-8").encode("utf-8")
    elif variant == "utf8-undeclared":
        data = text.replace(' encoding="ISO-8859-1"', "").encode("utf-8")
    else:
        data = text.replace("ISO-8859-1", "UTF-16").encode("utf-16")
    copy = tmp_path / "copie.trs"
    copy.write_bytes(data)
    doc = load(copy)
    assert doc.text == EXPECTED_TEXT
    assert [p for p in doc.problems if "Marc" not in p.message] == []


def test_undeclared_cp1252_is_read_with_a_warning(tmp_path):
    text = TRS.read_bytes().decode("latin-1").replace(' encoding="ISO-8859-1"', "")
    copy = tmp_path / "ancien.trs"
    copy.write_bytes(text.encode("cp1252"))
    doc = load(copy)
    assert doc.text == EXPECTED_TEXT
    assert any("Windows-1252" in p.message and "ancien.trs" in p.format() for p in doc.problems)


def test_declared_latin1_holding_utf8_gets_a_warning(tmp_path):
    copy = tmp_path / "mal-declare.trs"
    copy.write_bytes(TRS.read_bytes().decode("latin-1").encode("utf-8"))
    doc = load(copy)
    assert "Ã©" in doc.text  # read as declared, so accents come out wrong...
    warning = next(p for p in doc.problems if "UTF-8" in p.message)
    assert "mal-declare.trs" in warning.format()  # ...and the user is told


def test_prepare_encoding_leaves_declared_and_bom_files_alone():
    latin = '<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>'.encode("latin-1")
    assert prepare_encoding(latin) == (latin, [])
    bom = codecs.BOM_UTF8 + b"<a>\xc3\xa9</a>"
    assert prepare_encoding(bom) == (bom, [])


# -- structure ------------------------------------------------------------------------


def test_without_topics_there_are_no_sections(tmp_path):
    path = write_trs(
        tmp_path,
        '<Section type="report"><Turn speaker="spk1" startTime="0"><Sync time="0"/>Un.</Turn>'
        '<Turn speaker="spk2" startTime="2"><Sync time="2"/>Deux.</Turn></Section>',
    )
    doc = load(path)
    assert doc.text == "[00:00:00.000] Marie : Un.\n\n[00:00:02.000] Paul : Deux.\n"
    assert rows(doc) == [("Marie", None, 0.0, "Un."), ("Paul", None, 2.0, "Deux.")]


def test_sections_without_topic_get_a_heading_when_topics_are_used(tmp_path):
    path = write_trs(
        tmp_path,
        '<Section type="report" topic="to1"><Turn speaker="spk1"><Sync time="0"/>Un.</Turn></Section>'
        '<Section type="report"><Turn speaker="spk2"><Sync time="1"/>Deux.</Turn></Section>',
        speakers='<Speakers><Speaker id="spk1" name="Marie"/><Speaker id="spk2" name="Paul"/></Speakers>'
        '<Topics><Topic id="to1" desc="Accueil"/></Topics>',
    )
    assert [(s, sec) for s, sec, _, _ in rows(load(path))] == [
        ("Marie", "Accueil"),
        ("Paul", "Sans thème"),
    ]


def test_consecutive_turns_of_one_speaker_stay_separate(tmp_path):
    path = write_trs(
        tmp_path,
        '<Section type="report"><Turn speaker="spk1" startTime="0"><Sync time="0"/>Un.</Turn>'
        '<Turn speaker="spk1" startTime="3"><Sync time="3"/>Deux.</Turn></Section>',
    )
    assert rows(load(path)) == [("Marie", None, 0.0, "Un."), ("Marie", None, 3.0, "Deux.")]


def test_overlap_follows_who_order_and_sync_times(tmp_path):
    path = write_trs(
        tmp_path,
        '<Section type="report"><Turn speaker="spk1 spk2" startTime="10">'
        '<Sync time="10"/><Who nb="2"/>\nnon\n<Who nb="1"/>\nsi\n<Sync time="11.125"/>'
        '<Who nb="2"/>\nbon\n</Turn></Section>',
    )
    assert rows(load(path)) == [
        ("Paul", None, 10.0, "non"),
        ("Marie", None, 10.0, "si"),
        ("Paul", None, 11.125, "bon"),
    ]


def test_time_is_where_the_text_begins(tmp_path):
    path = write_trs(
        tmp_path,
        '<Section type="report"><Turn speaker="spk1" startTime="5"><Sync time="5"/>\n'
        '<Sync time="7.5"/>\nEnfin.\n<Sync time="9"/>\nSuite.</Turn>'
        '<Turn speaker="spk2" startTime="12">Sans sync.</Turn></Section>',
    )
    assert rows(load(path)) == [
        ("Marie", None, 7.5, "Enfin. Suite."),
        ("Paul", None, 12.0, "Sans sync."),
    ]


def test_turns_without_speaker_and_empty_turns(tmp_path):
    path = write_trs(
        tmp_path,
        '<Section type="report"><Turn startTime="0"><Sync time="0"/>[musique] applaudissements</Turn>'
        '<Turn speaker="spk1" startTime="3"><Sync time="3"/><Background time="3" type="music"/></Turn>'
        '<Turn speaker="spk1 spk2" startTime="4"><Sync time="4"/>ensemble<Who nb="1"/>moi</Turn>'
        "</Section>",
    )
    assert rows(load(path)) == [
        ("Inconnu", None, 0.0, "[musique] applaudissements"),
        ("Inconnu", None, 4.0, "ensemble"),
        ("Marie", None, 4.0, "moi"),
    ]


def test_speaker_names_become_distinct_labels(tmp_path):
    path = write_trs(
        tmp_path,
        '<Section type="report"><Turn speaker="a"><Sync time="0"/>Un.</Turn>'
        '<Turn speaker="b"><Sync time="1"/>Deux.</Turn><Turn speaker="c"><Sync time="2"/>Trois.</Turn>'
        "</Section>",
        speakers='<Speakers><Speaker id="a" name="Marie"/><Speaker id="b" name="Marie"/>'
        '<Speaker id="c" name="Jean Pierre Marie Dupont de la Tour"/></Speakers>',
    )
    doc = load(path)
    assert [s for s, _, _, _ in rows(doc)] == ["Marie", "Marie 2", "Jean Pierre Marie Dupont"]
    assert len(doc.problems) == 2


def test_undeclared_speaker_uses_its_id_with_a_warning(tmp_path):
    path = write_trs(
        tmp_path,
        '<Section type="report"><Turn speaker="spk9"><Sync time="0"/>Oui.</Turn></Section>',
    )
    doc = load(path)
    assert rows(doc) == [("Spk9", None, 0.0, "Oui.")]
    assert any("'spk9' is not declared" in p.message and p.line == 3 for p in doc.problems)


def test_event_extents_and_comments(tmp_path):
    path = write_trs(
        tmp_path,
        '<Section type="report"><Turn speaker="spk1"><Sync time="0"/>\nun\n'
        '<Event desc="b" type="noise" extent="previous"/>\n'
        '<Event desc="pron=pi" type="pronounce" extent="next"/>\nmot\n'
        '<Event type="noise" desc=""/>\n<Comment desc="  à   vérifier "/>\nfin\n<Comment/>\n</Turn></Section>',
    )
    assert rows(load(path)) == [
        ("Marie", None, 0.0, "un [b] [pron=pi] mot [noise] {à vérifier} fin")
    ]


# -- bad inputs ------------------------------------------------------------------------

BILLION = """<!DOCTYPE Trans [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<Trans><Speakers><Speaker id="s" name="Marie"/></Speakers><Episode><Section type="report">
<Turn speaker="s"><Sync time="0"/>&g;</Turn></Section></Episode></Trans>"""

EXTERNAL = """<!DOCTYPE Trans SYSTEM "trans-14.dtd" [ <!ENTITY mdp SYSTEM "file:///etc/passwd"> ]>
<Trans><Speakers><Speaker id="s" name="Marie"/></Speakers><Episode><Section type="report">
<Turn speaker="s"><Sync time="0"/>&mdp;</Turn></Section></Episode></Trans>"""


@pytest.mark.parametrize(("name", "content"), [("rires.trs", BILLION), ("fuite.trs", EXTERNAL)])
def test_entity_tricks_are_refused(tmp_path, name, content):
    path = tmp_path / name
    path.write_text('<?xml version="1.0" encoding="ISO-8859-1"?>\n' + content, encoding="latin-1")
    with pytest.raises(UnsafeInputError) as caught:
        load(path)
    assert str(path) in str(caught.value)
    assert "root:" not in str(caught.value)


def test_malformed_trs(tmp_path):
    path = write_trs(
        tmp_path, '<Section type="report"><Turn speaker="spk1">Oui.</Section>', name="casse.trs"
    )
    with pytest.raises(InputError) as caught:
        load(path)
    assert not isinstance(caught.value, UnsafeInputError)
    assert caught.value.line == 3
    assert str(path) in str(caught.value) and "malformed XML" in str(caught.value)


@pytest.mark.parametrize(
    ("body", "match", "line"),
    [
        (
            '<Section type="report"><Turn speaker="spk1" startTime="dix">x</Turn></Section>',
            r"startTime='dix'",
            3,
        ),
        (
            '<Section type="report"><Turn speaker="spk1"><Sync time=""/>x<Sync time="1,5"/>y</Turn></Section>',
            r"time='1,5'",
            3,
        ),
        (
            '<Section type="report"><Turn speaker="spk1"><Who nb="un"/>x</Turn></Section>',
            r"nb='un'",
            3,
        ),
        (
            '<Section type="report"><Turn speaker="spk1"><Who nb="2"/>x</Turn></Section>',
            r'nb="2".*1 speaker',
            3,
        ),
    ],
)
def test_bad_values_name_file_and_line(tmp_path, body, match, line):
    path = write_trs(tmp_path, body, name="valeurs.trs")
    with pytest.raises(InputError, match=match) as caught:
        load(path)
    assert caught.value.line == line
    assert str(path) in str(caught.value)


def test_not_a_transcriber_file(tmp_path):
    path = tmp_path / "autre.trs"
    path.write_text('<?xml version="1.0"?>\n<TEI><text/></TEI>\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"root element is <TEI>, expected <Trans>") as caught:
        load(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b'<?xml version="1.0"?>\n<Trans><Episode><Section type="nontrans"/></Episode></Trans>',
        b'<Trans><Episode><Section type="report"><Turn><Sync time="0"/>\n \n</Turn></Section></Episode></Trans>',
    ],
)
def test_no_text(tmp_path, content):
    path = tmp_path / "vide.trs"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        load(path)
    assert str(path) in str(caught.value)


def test_file_size_limit(tmp_path):
    with pytest.raises(UnsafeInputError, match=r"max_file_bytes"):
        load_trs(TRS, Limits(max_file_bytes=100))


def test_markdown_import_keeps_text_and_segments(tmp_path):
    from research.corpus import render_markdown
    from research.corpus.loaders import load_document

    doc = load(TRS)
    markdown = tmp_path / "importe.md"
    markdown.write_text(render_markdown(doc.text, doc.metadata), encoding="utf-8")
    again = load_document(markdown)
    assert again.text == doc.text
    assert segments_for(again) == segments_for(doc)
