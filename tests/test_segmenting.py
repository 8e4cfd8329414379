import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from research.corpus import parse_timestamp, segment_paragraphs, segment_turns
from research.text import normalise


@pytest.mark.parametrize(
    ("line", "speaker", "utterance", "time"),
    [
        ("I : Bonjour.", "I", "Bonjour.", None),
        ("Enquêtrice\u00a0: Bonjour\u00a0?", "Enquêtrice", "Bonjour\u00a0?", None),
        ("Enquêtrice: Bonjour.", "Enquêtrice", "Bonjour.", None),
        ("**Enquêteur** : Bonjour.", "Enquêteur", "Bonjour.", None),
        ("**Enquêteur :** Bonjour.", "Enquêteur", "Bonjour.", None),
        ("[00:12:34] Marie : Oui.", "Marie", "Oui.", 754.0),
        ("Speaker 1 (00:01:02): Oui.", "Speaker 1", "Oui.", 62.0),
        ("(01:02) Jean-Paul : Oui.", "Jean-Paul", "Oui.", 62.0),
        ("[1:00:00.5] Élodie : Oui.", "Élodie", "Oui.", 3600.5),
        ("Pierre-Yves Grappe : Oui.", "Pierre-Yves Grappe", "Oui.", None),
    ],
)
def test_turn_shapes(line, speaker, utterance, time):
    text = (line + "\n") * 2  # an undeclared label starts turns when it recurs
    segments = segment_turns(text)
    assert len(segments) == 2
    for seg in segments:
        assert (seg.speaker, text[seg.start : seg.end], seg.time) == (speaker, utterance, time)


@pytest.mark.parametrize(
    "line",
    [
        "il m'a dit : non.",  # lower-case start is not a label
        "Une phrase de plus de quatre mots avant : non.",  # too many words
        "12h30 pile, nous étions là.",  # no colon
    ],
)
def test_lines_that_are_not_turns(line):
    seg = segment_turns(line)[0]
    assert seg.speaker is None


def test_continuation_lines_and_blank_lines_stay_in_the_turn():
    text = "E : Et alors ?\nR : Alors,\n\nje suis revenue.\n\nE : D'accord.\nR : Voilà.\n"
    segs = segment_turns(text)
    assert [(s.speaker, text[s.start : s.end]) for s in segs] == [
        ("E", "Et alors ?"),
        ("R", "Alors,\n\nje suis revenue."),
        ("E", "D'accord."),
        ("R", "Voilà."),
    ]


def test_known_speakers_restrict_labels():
    text = "E : Et le bilan ?\nR : Bon : on a fini.\nBilan : trois projets.\n"
    segs = segment_turns(text, speakers={"E", "R"})
    assert [s.speaker for s in segs] == ["E", "R"]
    assert text[segs[1].start : segs[1].end] == "Bon : on a fini.\nBilan : trois projets."


def test_text_before_first_turn_and_headings():
    text = "# Entretien\n*Contexte.*\n\n## Partie 1\nE : Question ?\nE : Encore ?\n"
    segs = segment_turns(text)
    assert [(s.speaker, s.section, text[s.start : s.end]) for s in segs] == [
        (None, "Entretien", "*Contexte.*"),
        ("E", "Entretien > Partie 1", "Question ?"),
        ("E", "Entretien > Partie 1", "Encore ?"),
    ]


def test_paragraphs_lists_and_sections():
    text = (
        "# CR\nIntro\nsur deux lignes.\n\n## Idées\n- un\n- deux\n  suite\n1. trois\n"
        "\n---\n\n### Détail\nFin.\n"
    )
    segs = segment_paragraphs(text)
    assert [(text[s.start : s.end], s.section) for s in segs] == [
        ("Intro\nsur deux lignes.", "CR"),
        ("un", "CR > Idées"),
        ("deux\n  suite", "CR > Idées"),
        ("trois", "CR > Idées"),
        ("Fin.", "CR > Idées > Détail"),
    ]


def test_empty_and_blank_texts_have_no_segments():
    assert segment_paragraphs("") == []
    assert segment_turns(" \n\u00a0\n") == []


def test_parse_timestamp_comma_milliseconds():
    assert parse_timestamp("00:00:01,250") == 1.25


# --- property: the offset invariant on random transcripts ------------------------
FRENCH = st.sampled_from(
    ["l’été", "« oui »", "ça\u00a0?", "non\u202f!", "coopérative", "😀", "Œuvre", "a:b", "…", "\t"]
)
UTTERANCE = st.lists(
    st.one_of(FRENCH, st.text(alphabet="abcdéèàùç ,.;'", min_size=1, max_size=8)),
    min_size=1,
    max_size=6,
).map(" ".join)
LABEL = st.sampled_from(["E", "R", "Enquêtrice", "Élodie", "Speaker 2", "Jean-Paul"])


@settings(max_examples=150, deadline=None)
@given(
    turns=st.lists(st.tuples(LABEL, UTTERANCE, st.booleans()), min_size=1, max_size=8),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    bom=st.booleans(),
)
def test_turn_offsets_always_give_back_the_utterances(turns, newline, bom):
    turns = turns * 2  # every label recurs
    lines = []
    expected = []
    for label, utterance, stamped in turns:
        utterance = utterance.strip()
        prefix = "[00:01:02] " if stamped else ""
        lines.append(f"{prefix}{label} : {utterance}")
        if utterance:
            expected.append((label, utterance))
    raw = ("\ufeff" if bom else "") + newline.join(lines) + newline
    text = normalise(raw)
    segs = segment_turns(text)
    got = [(s.speaker, text[s.start : s.end]) for s in segs]
    assert got == [(label, normalise(u)) for label, u in expected]
    ends = [0] + [s.end for s in segs]
    assert all(s.start >= e for s, e in zip(segs, ends, strict=False))


@settings(max_examples=150, deadline=None)
@given(blocks=st.lists(UTTERANCE, min_size=1, max_size=8), newline=st.sampled_from(["\n", "\r\n"]))
def test_paragraph_segments_never_start_or_end_with_space(blocks, newline):
    text = normalise((newline * 2).join(blocks))
    for seg in segment_paragraphs(text):
        piece = text[seg.start : seg.end]
        assert piece and piece == piece.strip()
    kept = [b.strip() for b in blocks if b.strip()]
    assert [text[s.start : s.end] for s in segment_paragraphs(text)] == kept


LINE_PIECES = [
    "Marie : oui",
    "Marie Dupont : non",
    "marie : minuscule",
    "**Marie** : gras",
    "[00:01:02] Marie : horodaté",
    "Marie (00:01) : après",
    "Dr. Lenoir : docteur",
    "E : question ?",
    "R : réponse.",
    "Bon : dit en passant",
    "A+B : pas un nom",
    "# Partie",
    "",
    "suite de la phrase",
    "Un label beaucoup trop long pour être un nom de locuteur : x",
]
SPEAKERS = ["Marie", "Marie Dupont", "marie", "Dr. Lenoir", "E", "R", "A+B", "X" * 41]


@settings(max_examples=300)
@given(
    lines=st.lists(st.sampled_from(LINE_PIECES), max_size=12),
    speakers=st.lists(st.sampled_from(SPEAKERS), max_size=5),
)
def test_known_speakers_find_the_turns_of_the_general_grammar_with_those_labels(lines, speakers):
    from research.corpus._segmenting import _label_matches, _turn_starts

    text = "\n".join(lines)
    chosen = frozenset(speakers)
    general = [
        (m.start(), m.end(), m["label"]) for m in _label_matches(text, None) if m["label"] in chosen
    ]
    narrow = [(m.start(), m.end(), m["label"]) for m in _label_matches(text, chosen)]
    assert narrow == general
    # declared labels start a turn however often they occur
    turns = [label for _, _, _, label in _turn_starts(text, chosen) if label is not None]
    assert turns == [label for _, _, label in general]


SPACES = st.sampled_from(["", " ", "  ", "\t", "\u00a0", "\u202f"])
STAMPS = st.sampled_from(
    ["", "[00:01:02]", "(12:34)", "[1:02.5]", "(00:00,250)", "[0:1]", "[00:01"]
)
TURN_LINE = st.tuples(
    SPACES,
    STAMPS,
    SPACES,
    st.sampled_from(["", "**", "*"]),
    st.sampled_from(
        ["Marie", "Marie Dupont", "E", "Dr. X", "d'Arc", "marie", "Jean-Luc de la", ""]
    ),
    SPACES,
    STAMPS,
    st.sampled_from(["", "**", "*"]),
    SPACES,
    st.sampled_from([":", "", "::", ";"]),
    st.sampled_from(["", "**", "*"]),
    SPACES,
    st.sampled_from(["", "oui", ": non", "(rires)"]),
).map("".join)


@settings(max_examples=500)
@given(st.lists(TURN_LINE, max_size=6).map("\n".join))
def test_possessive_turn_pattern_finds_what_the_plain_pattern_finds(text):
    import re

    from research.corpus._segmenting import _LABEL, _turn_pattern

    def spans(possessive):
        pattern = "^" + _turn_pattern(_LABEL, possessive=possessive)
        rx = re.compile(pattern, re.VERBOSE | re.MULTILINE)
        return [(m.span(), m.groupdict()) for m in rx.finditer(text)]

    assert spans(True) == spans(False)


def test_a_label_found_once_is_text_unless_declared():
    text = (
        "Date : 12 mars 2024\nLieu : mairie\n\nE : Bonjour.\nR : Bonjour.\nE : Alors ?\n"
        "R : Voilà.\nMaire : Oui.\n"
    )
    segs = segment_turns(text)
    assert [(s.speaker, text[s.start : s.end]) for s in segs] == [
        (None, "Date : 12 mars 2024\nLieu : mairie"),
        ("E", "Bonjour."),
        ("R", "Bonjour."),
        ("E", "Alors ?"),
        ("R", "Voilà.\nMaire : Oui."),
    ]
    declared = segment_turns(text, speakers={"Date", "E", "R", "Maire"})
    assert [s.speaker for s in declared] == ["Date", "E", "R", "E", "R", "Maire"]
    assert text[declared[0].start : declared[0].end] == "12 mars 2024\nLieu : mairie"


def test_lone_speakers_name_the_line_and_label():
    from research.corpus import lone_speakers

    text = "Date : 12 mars 2024\n\nE : Bonjour.\nR : Oui.\nE : Alors ?\n\nMaire : Non.\n"
    assert lone_speakers(text) == [(1, "Date"), (4, "R"), (7, "Maire")]
    assert lone_speakers("\nLieu : mairie\n") == [(2, "Lieu")]
    assert lone_speakers("E : a\nE : b\n") == []
    assert lone_speakers("") == []


# -- pages -------------------------------------------------------------------------


PAGED = (
    "<!-- page 11 -->\n\n# Le pôle\n\nUn premier paragraphe.\n\nUne phrase qui court\n\n"
    "<!-- page 12 -->\n\nsur deux pages.\n\n- un item\n<!-- page xiii -->\n- un autre\n"
)


def test_segments_know_their_page_and_are_cut_at_a_page_break():
    segs = segment_paragraphs(PAGED)
    assert [(PAGED[s.start : s.end], s.page, s.section) for s in segs] == [
        ("Un premier paragraphe.", "11", "Le pôle"),
        ("Une phrase qui court", "11", "Le pôle"),
        ("sur deux pages.", "12", "Le pôle"),
        ("un item", "12", "Le pôle"),
        ("un autre", "xiii", "Le pôle"),
    ]
    assert all("<!--" not in PAGED[s.start : s.end] for s in segs)


def test_a_turn_over_a_page_break_keeps_its_speaker_on_both_pages():
    text = (
        "<!-- page 1 -->\nE : Bonjour.\nR : Alors voilà\n<!-- page 2 -->\nla suite.\nE : Merci.\n"
    )
    segs = segment_turns(text, speakers={"E", "R"})
    assert [(text[s.start : s.end], s.speaker, s.page) for s in segs] == [
        ("Bonjour.", "E", "1"),
        ("Alors voilà", "R", "1"),
        ("la suite.", "R", "2"),
        ("Merci.", "E", "2"),
    ]


def test_text_without_page_lines_has_no_page_and_a_look_alike_is_text():
    assert {s.page for s in segment_paragraphs("Un.\n\nDeux.\n")} == {None}
    text = "Voir <!-- page 3 --> ici.\n\n<!-- une note -->\n"
    segs = segment_paragraphs(text)
    assert [text[s.start : s.end] for s in segs] == [
        "Voir <!-- page 3 --> ici.",
        "<!-- une note -->",
    ]
    assert {s.page for s in segs} == {None}


def test_quoting_across_a_page_break_drops_the_page_line():
    from research.corpus import page_marker, without_page_markers

    quote = f"qui court\n\n{page_marker(12)}\n\nsur deux pages"
    assert without_page_markers(quote) == "qui court sur deux pages"
    assert without_page_markers("rien à changer\n") == "rien à changer\n"
