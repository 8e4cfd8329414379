"""Tests of research.corpus.loaders: WebVTT and SubRip files as speaker turns."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from research.corpus import parse_timestamp
from research.corpus.loaders import Limits, segments_for
from research.corpus.loaders._office import collapse_spaces
from research.corpus.loaders._subtitles import (
    UNKNOWN_SPEAKER,
    Cue,
    SpeakerLabels,
    Turn,
    clean_cue_text,
    cues_to_turns,
    format_timestamp,
    load_subtitles,
    parse_cues,
    render_turns,
    speaker_label,
)
from research.errors import InputError

DATA = Path(__file__).parent / "data" / "loaders"
NBSP, NNBSP = "\u00a0", "\u202f"

VTT_TEXT = (
    "[00:00:01.000] Marie Dupont : Bonjour à tous, merci d’être venus ! "
    f"On parle de la navette{NBSP}?\n"
    "\n"
    f"[00:00:06.250] Paul : Oui{NNBSP}! C’est « urgent » & utile.\n"
    "\n"
    "[00:00:09.000] Inconnu : (Applaudissements)\n"
    "\n"
    "[00:00:11.000] Marie Dupont : Alors,\n"
    "\n"
    "[00:00:11.000] Élodie : Moi je veux bien. Et 3 < 5.\n"
)
VTT_SEGMENTS = [
    ("Marie Dupont", 1.0, f"Bonjour à tous, merci d’être venus ! On parle de la navette{NBSP}?"),
    ("Paul", 6.25, f"Oui{NNBSP}! C’est « urgent » & utile."),
    ("Inconnu", 9.0, "(Applaudissements)"),
    ("Marie Dupont", 11.0, "Alors,"),
    ("Élodie", 11.0, "Moi je veux bien. Et 3 < 5."),
]
SRT_SEGMENTS = [
    ("Enquêtrice", 1.0, "Bonjour Élodie."),
    ("Élodie", 3.2, "Bonjour ! On a lancé la recyclerie en 2018."),
    ("Inconnu", 8.0, "[musique]"),
    ("Enquêtrice", 9.0, "Et la Fabrique ?"),
    ("Élodie", 9.0, "Elle nous a aidés."),
]


def load(path: Path):
    return load_subtitles(path, Limits())


def checked_segments(doc):
    """Segments as (speaker, time, text), after checking the offset invariant."""
    rows = []
    for seg in segments_for(doc):
        text = doc.text[seg.start : seg.end]
        assert text == text.strip()
        assert seg.section is None
        rows.append((seg.speaker, seg.time, text))
    return rows


def same_rows(rows, expected):
    assert [(s, t) for s, _, t in rows] == [(s, t) for s, _, t in expected]
    assert [time for _, time, _ in rows] == pytest.approx([time for _, time, _ in expected])


# -- happy paths on the fixtures -------------------------------------------------------


def test_vtt_fixture_text_and_segments():
    doc = load(DATA / "atelier.vtt")
    assert doc.text == VTT_TEXT
    speakers = dict.fromkeys(["Marie Dupont", "Paul", "Inconnu", "Élodie"])
    assert doc.metadata == {"segmentation": "turns", "speakers": speakers}
    assert doc.problems == []
    same_rows(checked_segments(doc), VTT_SEGMENTS)


def test_srt_fixture_segments():
    doc = load(DATA / "entretien.srt")
    speakers = dict.fromkeys(["Enquêtrice", "Élodie", "Inconnu"])
    assert doc.metadata == {"segmentation": "turns", "speakers": speakers}
    assert doc.problems == []
    same_rows(checked_segments(doc), SRT_SEGMENTS)
    assert doc.text.startswith(
        "[00:00:01.000] Enquêtrice : Bonjour Élodie.\n\n[00:00:03.200] Élodie : "
    )


@pytest.mark.parametrize("name", ["atelier.vtt", "entretien.srt"])
@pytest.mark.parametrize("variant", ["crlf", "bom", "crlf+bom", "utf16"])
def test_crlf_and_byte_order_marks_give_the_same_text(tmp_path, name, variant):
    original = (DATA / name).read_bytes()
    data = original.replace(b"\n", b"\r\n") if "crlf" in variant else original
    if "bom" in variant:
        data = codecs.BOM_UTF8 + data
    if variant == "utf16":
        data = codecs.BOM_UTF16_LE + original.decode("utf-8").encode("utf-16-le")
    copy = tmp_path / name
    copy.write_bytes(data)
    assert load(copy).text == load(DATA / name).text


def test_cp1252_file_is_read_with_a_warning(tmp_path):
    srt = tmp_path / "ancien.srt"
    srt.write_bytes("1\n00:00:01,000 --> 00:00:02,000\nÉlodie : Ça a été créé.\n".encode("cp1252"))
    doc = load(srt)
    assert checked_segments(doc) == [("Élodie", 1.0, "Ça a été créé.")]
    assert [p.severity for p in doc.problems] == ["warning"]
    assert "ancien.srt" in doc.problems[0].format()


def test_consecutive_cues_of_one_speaker_merge_and_unknown_ones_do_not(tmp_path):
    vtt = tmp_path / "a.vtt"
    vtt.write_text(
        "WEBVTT\n\n"
        "00:01.000 --> 00:02.000\n<v Marie>Un.\n\n"
        "00:02.000 --> 00:03.000\nMarie: Deux.\n\n"  # a prefix names the same speaker
        "00:03.000 --> 00:04.000\nTrois.\n\n"
        "00:04.000 --> 00:05.000\nQuatre.\n\n"
        "00:05.000 --> 00:06.000\n<v Marie>Cinq.\n",
        encoding="utf-8",
    )
    rows = checked_segments(load(vtt))
    assert rows == [
        ("Marie", 1.0, "Un. Deux."),
        (UNKNOWN_SPEAKER, 3.0, "Trois."),
        (UNKNOWN_SPEAKER, 4.0, "Quatre."),
        ("Marie", 5.0, "Cinq."),
    ]


def test_labelled_lines_inside_one_cue(tmp_path):
    srt = tmp_path / "a.srt"
    srt.write_text(
        "1\n00:00:01,000 --> 00:00:04,000\nNote sans locuteur\nMarie : Oui\nsuite de Marie\n"
        "Jean-Marc Petit : Non.\n",
        encoding="utf-8",
    )
    assert checked_segments(load(srt)) == [
        (UNKNOWN_SPEAKER, 1.0, "Note sans locuteur"),
        ("Marie", 1.0, "Oui suite de Marie"),
        ("Jean-Marc Petit", 1.0, "Non."),
    ]


def test_voice_names_are_made_into_labels_with_a_warning(tmp_path):
    vtt = tmp_path / "visio.vtt"
    vtt.write_text(
        "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Dupont, Marie (Mairie)>Bonjour.\n\n"
        "00:02.000 --> 00:03.000\n<v élodie>Salut.\n",
        encoding="utf-8",
    )
    doc = load(vtt)
    assert [(s, t) for s, _, t in checked_segments(doc)] == [
        ("Dupont Marie Mairie", "Bonjour."),
        ("Élodie", "Salut."),
    ]
    assert len(doc.problems) == 2
    assert all("visio.vtt" in p.format() and p.severity == "warning" for p in doc.problems)
    assert "'Dupont, Marie (Mairie)'" in doc.problems[0].message


def test_orphan_text_block_is_added_to_the_previous_cue(tmp_path):
    srt = tmp_path / "trou.srt"
    srt.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nMarie : Première partie\n\nseconde partie.\n",
        encoding="utf-8",
    )
    doc = load(srt)
    assert checked_segments(doc) == [("Marie", 1.0, "Première partie seconde partie.")]
    assert doc.problems[0].line == 5
    assert "trou.srt" in doc.problems[0].format()


def test_vtt_without_header_is_read_with_a_warning(tmp_path):
    vtt = tmp_path / "sans-entete.vtt"
    vtt.write_text("00:00:01.000 --> 00:00:02.000\n<v Paul>Oui.\n", encoding="utf-8")
    doc = load(vtt)
    assert checked_segments(doc) == [("Paul", 1.0, "Oui.")]
    assert "WEBVTT" in doc.problems[0].message


def test_long_recordings_keep_hours(tmp_path):
    vtt = tmp_path / "long.vtt"
    vtt.write_text("WEBVTT\n\n12:03:04.005 --> 12:03:05.000\n<v Paul>Tard.\n", encoding="utf-8")
    assert checked_segments(load(vtt)) == [
        ("Paul", pytest.approx(12 * 3600 + 3 * 60 + 4.005), "Tard.")
    ]


# -- bad inputs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    ["", "WEBVTT\n", "WEBVTT\n\nNOTE rien\n", "WEBVTT\n\n00:01.000 --> 00:02.000\n<i> </i>\n"],
)
def test_empty_vtt(tmp_path, content):
    vtt = tmp_path / "vide.vtt"
    vtt.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=r"no cue with text") as caught:
        load(vtt)
    assert str(vtt) in str(caught.value)


@pytest.mark.parametrize(
    ("timing", "line"),
    [("00:00:01 -> 00:00:02", None), ("00:00:aa,000 --> 00:00:02,000", 2), ("1 --> 2", 2)],
)
def test_unreadable_timing(tmp_path, timing, line):
    srt = tmp_path / "faux.srt"
    srt.write_text(
        f"1\n{timing}\nBonjour.\n\n2\n00:00:03,000 --> 00:00:04,000\nMarie : Oui.\n",
        encoding="utf-8",
    )
    if line is None:  # without '-->' the block has no timing: kept as text of nothing
        doc = load(srt)
        assert checked_segments(doc) == [("Marie", 3.0, "Oui.")]
        assert "no cue before it" in doc.problems[0].message
        return
    with pytest.raises(InputError) as caught:
        load(srt)
    assert caught.value.line == line
    assert str(srt) in str(caught.value)
    assert timing.strip() in str(caught.value)


def test_undecodable_file(tmp_path):
    srt = tmp_path / "binaire.srt"
    srt.write_bytes(b"\x81\x8d\x8f\x90\x9d")  # not UTF-8, and undefined in cp1252
    with pytest.raises(InputError, match=r"binaire.srt"):
        load(srt)


# -- the pieces --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (0, "00:00:00.000"),
        (62.5, "00:01:02.500"),
        (59.9996, "00:01:00.000"),
        (3600 * 99 + 59 * 60 + 59.999, "99:59:59.999"),
        (0.0005, "00:00:00.000"),  # round half to even, in milliseconds
        (0.0015, "00:00:00.002"),
    ],
)
def test_format_timestamp(seconds, expected):
    assert format_timestamp(seconds) == expected


@given(st.integers(min_value=0, max_value=100 * 3600 * 1000 - 1))
def test_format_timestamp_against_timedelta(millis):
    """Independent formatting through datetime.timedelta, and the segmenter's parser."""
    delta = dt.timedelta(milliseconds=millis)
    hours, rest = divmod(delta.days * 86400 + delta.seconds, 3600)
    expected = f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}.{delta.microseconds // 1000:03d}"
    assert format_timestamp(millis / 1000) == expected
    assert parse_timestamp(expected) == pytest.approx(millis / 1000, abs=1e-6)


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Marie", "Marie"),
        ("marie dupont", "Marie dupont"),
        ("  Jean-Marc   O’Neil ", "Jean-Marc O’Neil"),
        ("M. Dupont", "M. Dupont"),
        ("Speaker 1", "Speaker 1"),
        ("1", "1"),
        ("Mme Dupont (élue)", "Mme Dupont élue"),
        ("Un deux trois quatre cinq", "Un deux trois quatre"),
        ("Marie\u00a0Dupont", "Marie Dupont"),
        ("A" * 41, None),
        ("Abcdefghij Klmnopqrst Uvwxyzabcd Efghijklmn", "Abcdefghij Klmnopqrst Uvwxyzabcd"),
        ("", None),
        ("(…)", None),
        ("_x", None),
        ("łukasz", None),  # a capital the turn grammar does not know
    ],
)
def test_speaker_label(name, label):
    assert speaker_label(name) == label


def test_speaker_labels_fallbacks_are_valid_and_distinct():
    labels = SpeakerLabels("a.vtt")
    got = [
        labels.label("1", "łukasz"),
        labels.label("2", "(…)"),
        labels.label("3", "(…)!"),
        labels.label("4", "Marie"),
        labels.label("5", "Marie"),
        labels.label("6", "A" * 45),
    ]
    assert got == ["Locuteur łukasz", "Locuteur 1", "Locuteur 2", "Marie", "Marie 2", "Locuteur 3"]
    assert labels.label("4", "ignored once known") == "Marie"
    assert labels.label("7", "  ") == UNKNOWN_SPEAKER
    for label in got:  # each renders as a turn the segmenter reads back
        assert speaker_label(label) == label


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("<i>Oui</i>, <b>bien</b> <u>sûr</u>", "Oui, bien sûr"),
        ("<c.yellow.bg_blue>couleur</c>", "couleur"),
        ("un<00:00:01.500> mot<01:02.000> à mot", "un mot à mot"),
        ("<lang en>hello</lang>", "hello"),
        ("<ruby>漢<rt>kan</rt></ruby>", "漢kan"),
        ("&lt;i&gt; n’est pas une balise", "<i> n’est pas une balise"),
        ("&amp;lt;", "&lt;"),
        ("a &lt; b &gt; c", "a < b > c"),
        ("3 < 5 et 6 > 2", "3 < 5 et 6 > 2"),
        ("&#233;t&#xE9;&nbsp;!", f"été{NBSP}!"),
        ("{\\an8}En haut", "En haut"),
        ('<font color="#fff">blanc</font>', "blanc"),
        ("  deux\n lignes\t ", "deux lignes"),
        (f"Garde{NNBSP}?{NBSP}oui", f"Garde{NNBSP}?{NBSP}oui"),
        ("Emoji 🙂 👩‍🌾", "Emoji 🙂 👩‍🌾"),
    ],
)
def test_clean_cue_text(raw, clean):
    assert clean_cue_text(raw) == clean


def test_collapse_spaces_keeps_fixed_spaces():
    assert collapse_spaces(f"a \u2028 b\u0085c{NBSP}{NNBSP}\u2009d") == f"a b c{NBSP}{NNBSP}\u2009d"


def test_render_turns_sections_and_long_times():
    text = render_turns(
        [
            Turn(1.0, "Marie", "Un.", "Parcours"),
            Turn(2.0, "Paul", "Deux.", "Parcours"),
            Turn(400_000.0, "Marie", "Trois.", "Projet"),
            Turn(None, "Paul", "Quatre."),
        ]
    )
    assert text == (
        "# Parcours\n\n[00:00:01.000] Marie : Un.\n\n[00:00:02.000] Paul : Deux.\n\n"
        "# Projet\n\nMarie : Trois.\n\nPaul : Quatre.\n"
    )
    assert render_turns([]) == ""


def test_parse_cues_keeps_line_numbers():
    cues = parse_cues("WEBVTT\n\nid-1\n00:01.000 --> 00:02.000\n<v Paul>Oui.\n")
    assert cues == [Cue(1.0, 2.0, "Paul", "Oui.", 5)]


def test_cues_to_turns_does_not_merge_across_other_speakers():
    cues = [Cue(1, 2, "A", "a", 1), Cue(2, 3, "B", "b", 4), Cue(3, 4, "A", "c", 7)]
    turns, _ = cues_to_turns(cues)
    assert [(t.speaker, t.text) for t in turns] == [("A", "a"), ("B", "b"), ("A", "c")]


# -- property: random cue texts survive the round trip into segments -------------------

WORD_CHARS = (
    "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÇÉÈÊËÎÏÔÙÛÜŸŒÆ0123456789"
    ".,;:!?’'«»()-–—…/%€\"" + NBSP + NNBSP + "🙂🚲👩‍🌾🇫🇷"
)
words = st.text(alphabet=WORD_CHARS, min_size=1, max_size=12)
texts = st.lists(words, min_size=1, max_size=8).map(" ".join).filter(lambda t: t.strip() == t)
speakers = st.sampled_from(["Marie", "Élodie Fournier", "Jean-Marc", "Enquêtrice", "P10"])
cue_lists = st.lists(st.tuples(speakers, texts, st.integers(0, 5000)), min_size=1, max_size=12)


def expected_turns(cues):
    turns = []
    for speaker, text, start in cues:
        if turns and turns[-1][0] == speaker:
            turns[-1] = (speaker, turns[-1][1], f"{turns[-1][2]} {text}")
        else:
            turns.append((speaker, start / 100, text))
    return turns


def write_vtt(path: Path, cues) -> None:
    lines = ["WEBVTT", ""]
    for speaker, text, start in cues:
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        lines += [f"{format_timestamp(start / 100)} --> {format_timestamp(start / 100 + 1)}"]
        lines += [f"<v {speaker}>{escaped}</v>", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_srt(path: Path, cues) -> None:
    lines = []
    for number, (speaker, text, start) in enumerate(cues, start=1):
        stamp = format_timestamp(start / 100).replace(".", ",")
        end = format_timestamp(start / 100 + 1).replace(".", ",")
        lines += [str(number), f"{stamp} --> {end}", f"{speaker}{NBSP}: {text}", ""]
    path.write_bytes("\r\n".join(lines).encode("utf-8-sig"))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cues=cue_lists)
def test_vtt_round_trip(tmp_path, cues):
    path = tmp_path / "p.vtt"
    write_vtt(path, cues)
    rows = checked_segments(load(path))
    expected = expected_turns(cues)
    assert [(s, t) for s, _, t in rows] == [(s, t) for s, _, t in expected]
    assert [time for _, time, _ in rows] == pytest.approx([time for _, time, _ in expected])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cues=cue_lists)
def test_srt_round_trip(tmp_path, cues):
    assume(all("&" not in text and "<" not in text and "{" not in text for _, text, _ in cues))
    path = tmp_path / "p.srt"
    write_srt(path, cues)
    rows = checked_segments(load(path))
    expected = expected_turns(cues)
    assert [(s, t) for s, _, t in rows] == [(s, t) for s, _, t in expected]
    assert [time for _, time, _ in rows] == pytest.approx([time for _, time, _ in expected])


@pytest.mark.parametrize("name", ["atelier.vtt", "entretien.srt"])
def test_markdown_import_keeps_text_and_segments(tmp_path, name):
    from research.corpus import render_markdown
    from research.corpus.loaders import load_document

    doc = load(DATA / name)
    markdown = tmp_path / "importe.md"
    markdown.write_text(render_markdown(doc.text, doc.metadata), encoding="utf-8")
    again = load_document(markdown)
    assert again.text == doc.text
    assert segments_for(again) == segments_for(doc)
