"""Tests of the coding widget's Python side: offsets, layout, changes, saving, views.

The page's messages are sent with :meth:`CodingWidget.receive`, positions in UTF-16
code units computed independently (``str.encode("utf-16-le")``), as a browser
counts them. The same widget in a real browser: ``tests/test_coding_widget_browser.py``.
"""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import research
from coding_project import NBSP, build_project, utf16
from research.coding import CodeBrowser, CodingSession, CodingWidget, Utf16Offsets, load_codings
from research.coding import _session as session_module
from research.coding._offsets import whole_characters
from research.coding._widget import FALLBACK_NOTE, _french
from research.coding._widget_data import document_view
from research.corpus import Corpus
from research.errors import CodingError, UnknownIdError

FROZEN = pd.Timestamp("2024-03-14T09:26:53Z")


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    return build_project(tmp_path_factory.mktemp("widget") / "projet")


@pytest.fixture
def project(made: Path, tmp_path: Path):
    root = tmp_path / "projet"
    shutil.copytree(made, root)
    return research.open_project(root)


@pytest.fixture
def frozen(monkeypatch):
    monkeypatch.setattr(session_module, "_now", lambda: FROZEN)


def span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    """Code points of the ``nth`` occurrence of ``words``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def message(text: str, words: str, **extra) -> dict:
    """A page's message selecting ``words``, in UTF-16 positions."""
    start, end = span(text, words)
    return {"start": utf16(text, start), "end": utf16(text, end), **extra}


def coder_file(project, coder: str) -> str:
    return (project.paths.codings / f"{coder}.csv").read_text(encoding="utf-8")


# -- offsets ------------------------------------------------------------------------------------

TEXTS = [
    "Oui 😀 « d’accord » Quoi\u00a0? c’est ça 👵🏻 fin",
    "Noe\u0308l, q\u0303 et Ja\u0328\u0301nas 🤝🏽 ok",
    "plain ascii text",
    "😀😀😀",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_utf16_offsets_agree_with_an_encoder(text: str):
    offsets = Utf16Offsets(text)
    assert offsets.length == len(text.encode("utf-16-le")) // 2
    for i in range(len(text) + 1):
        assert offsets.to_utf16(i) == utf16(text, i)
        assert offsets.to_code_points(utf16(text, i)) == i
    assert offsets.many_to_utf16(range(len(text) + 1)) == [
        utf16(text, i) for i in range(len(text) + 1)
    ]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_utf16_round_trip_on_any_text(text: str):
    offsets = Utf16Offsets(text)
    for i in range(len(text) + 1):
        assert offsets.to_code_points(offsets.to_utf16(i)) == i


def test_a_position_inside_an_emoji_is_refused():
    offsets = Utf16Offsets("a😀b")
    with pytest.raises(CodingError, match="inside the character 😀"):
        offsets.to_code_points(2)
    with pytest.raises(CodingError, match="outside the text"):
        offsets.to_code_points(5)
    with pytest.raises(CodingError, match="outside the text"):
        offsets.to_utf16(4)


def test_whole_characters_keeps_accents_with_their_letter():
    text = "Ja\u0328\u0301nas dit"
    assert whole_characters(text, 0, 2) == (0, 4)
    assert whole_characters(text, 3, 6) == (1, 6)
    assert whole_characters(text, 0, 6) == (0, 6)


# -- layout -------------------------------------------------------------------------------------


def triples(flat: list[int]) -> list[tuple[int, int, int]]:
    """Runs sent flat (start, end, flags, start, …) as triples."""
    return list(zip(flat[0::3], flat[1::3], flat[2::3], strict=True))


def test_layout_of_an_interview_shows_each_label_once_with_its_turn(project):
    text = project.corpus.text("ENT01")
    view = document_view(project.corpus, "ENT01")
    turns = [b for b in view["blocks"] if b["kind"] == "turn"]
    offsets = Utf16Offsets(text)

    def shown(runs):
        return "".join(
            text[offsets.to_code_points(s) : offsets.to_code_points(e)] for s, e, _ in triples(runs)
        )

    assert [b["speaker"] for b in turns] == ["Enquêtrice", "Élodie", "Enquêtrice", "Élodie"]
    assert [shown(b["label"]) for b in turns] == ["Enquêtrice", "Élodie", "Enquêtrice", "Élodie"]
    assert shown(turns[1]["runs"]).startswith("Par le marché de Lons.")
    assert "😀" in shown(turns[1]["runs"])


def test_layout_hides_markdown_marks_and_keeps_every_other_character(project):
    corpus = Corpus.from_texts(
        {
            "D": "# Accueil\n\n*Note de terrain.*\n\n[00:01:02] **Léa** : Oui **vraiment** 😀.\n\n"
            "Marc : Non.\n\n- un\n- deux\n"
        },
        metadata={"D": {"kind": "interview", "speakers": {"Léa": None, "Marc": None}}},
    )
    text = corpus.text("D")
    view = document_view(corpus, "D")
    offsets = Utf16Offsets(text)
    kinds = [b["kind"] for b in view["blocks"]]
    # the note before the first turn is a segment
    assert kinds == ["heading", "para", "turn", "turn"]
    assert view["blocks"][1]["runs"][2] == 2  # in italics, without its stars
    runs = [
        (offsets.to_code_points(s), offsets.to_code_points(e), f)
        for b in view["blocks"]
        for key in ("label", "runs")
        for s, e, f in triples(b[key])
    ]
    assert [text[s:e] for s, e, _ in runs[:5]] == [
        "Accueil",
        "Note de terrain.",
        "[00:01:02]",
        " ",
        "Léa",
    ]
    assert runs[2][2] == 4 and runs[5][2] == 0  # a timestamp; then the turn's text
    assert any(text[s:e] == "vraiment" and f & 1 for s, e, f in runs)  # bold
    # runs are in order, never overlap, and what they leave out is marks and spaces
    covered = set()
    for (s, e, _), (s2, _, _) in itertools.pairwise(runs):
        assert s < e <= s2
    for s, e, _ in runs:
        covered.update(range(s, e))
    left_out = "".join(ch for i, ch in enumerate(text) if i not in covered)
    assert set(left_out) <= set("#* :\n-")


def test_page_breaks_of_a_paginated_text_show_as_page_labels(project):
    """A PDF's stored text holds <!-- page N --> lines: the reader sees "p. N" at each
    break (the widget and the static view), never the marker, and the headings stay
    headings."""
    from research.coding import document_html
    from research.corpus import page_marker

    text = (
        f"# Rapport\n\n{page_marker('xii')}\n\nPremier paragraphe assez long.\n\n"
        f"{page_marker(2)}\n\n## Suite\n\nLe paragraphe qui continue.\n"
    )
    corpus = Corpus.from_texts({"R": text})
    view = document_view(corpus, "R")
    kinds = [b["kind"] for b in view["blocks"]]
    assert kinds == ["heading", "page", "para", "page", "heading", "para"]
    shown = [[text[s:e] for s, e, _ in triples(b["runs"])] for b in view["blocks"]]
    assert shown == [
        ["Rapport"],
        ["xii"],
        ["Premier paragraphe assez long."],
        ["2"],
        ["Suite"],
        ["Le paragraphe qui continue."],
    ]
    codings = pd.DataFrame(columns=["coder", "doc_id", "start", "end", "code"])
    book = project.codebook
    page = str(document_html(corpus, codings, book, "R"))
    assert "&lt;!--" not in page and "<!--" not in page.split("<table", 1)[1]
    assert re.search(r'class="[^"]*\bpage\b[^"]*">p\. xii<', page)
    assert re.search(r'class="[^"]*\bheading level-2[^"]*">Suite<', page)


# -- coding through the widget's messages ---------------------------------------------------------


def test_a_coding_of_the_widget_is_the_row_a_session_call_writes(project, frozen):
    text = project.corpus.text("ENT01")
    widget = CodingSession(project, "lea").widget("ENT01")
    widget.receive(
        {"type": "code", **message(text, "l’idée 😀, très"), "codes": ["terrain.freins.peur"]}
    )
    assert widget.status["state"] == "saved"
    other = project.paths.codings.parent / "other-codings"
    session = CodingSession(project, "lea", folder=other)
    session.code_span("ENT01", *span(text, "l’idée 😀, très"), "terrain.freins.peur")
    session.save()
    assert coder_file(project, "lea").encode() == (other / "lea.csv").read_bytes()
    assert "l’idée 😀, très" in coder_file(project, "lea")


@pytest.mark.parametrize(
    "words",
    [
        "l’idée 😀",
        f"«{NBSP}c’est pour toi{NBSP}»",
        f"Quoi{NBSP}?",
        "Ją́nas",
        "anciens 👵🏻 restent",
        "coopéré avec la fromagerie",
    ],
)
def test_passages_with_emoji_accents_and_french_typography_land_exactly(project, words):
    text = project.corpus.text("ENT01")
    widget = CodingSession(project, "lea").widget("ENT01")
    widget.receive({"type": "code", **message(text, words), "codes": ["terrain.cooperation"]})
    saved = load_codings(project.paths.codings)
    assert saved[["start", "end", "quote"]].values.tolist() == [[*span(text, words), words]]


def test_a_selection_across_a_speaker_label_keeps_the_label(project):
    text = project.corpus.text("ENT01")
    start, _ = span(text, "Comment est née")
    _, end = span(text, "Par le marché")
    widget = CodingSession(project, "lea").widget("ENT01")
    widget.receive(
        {
            "type": "code",
            "start": utf16(text, start),
            "end": utf16(text, end),
            "codes": ["terrain.confiance"],
        }
    )
    quote = load_codings(project.paths.codings)["quote"].tolist()
    assert quote == ["Comment est née l’épicerie ?\n\nÉlodie : Par le marché"]


def test_several_codes_at_once_and_again_adds_nothing(project):
    text = project.corpus.text("ENT01")
    widget = CodingSession(project, "lea").widget("ENT01")
    codes = ["terrain.cooperation", "terrain.confiance"]
    widget.receive({"type": "code", **message(text, "coopéré"), "codes": codes, "seq": 4})
    assert widget.status["seq"] == 4
    widget.receive({"type": "code", **message(text, "coopéré"), "codes": codes[:1]})
    assert widget.status["message"] == "ce passage avait déjà ce code"
    assert sorted(load_codings(project.paths.codings)["code"]) == sorted(codes)
    assert [c["code"] for c in widget.codings] == sorted(codes)
    assert widget.recent[:2] == ["terrain.cooperation", "terrain.confiance"]
    counts = {c["code"]: (c["n"], c["total"]) for c in widget.codes}
    assert counts["terrain"] == (2, 2) and counts["terrain.cooperation"] == (1, 1)


def test_remove_then_undo_and_redo(project, frozen):
    text = project.corpus.text("ENT01")
    widget = CodingSession(project, "lea").widget("ENT01")
    widget.receive({"type": "code", **message(text, "coopéré"), "codes": ["terrain.cooperation"]})
    saved = coder_file(project, "lea")
    key = widget.codings[0]["key"]
    widget.receive({"type": "memo", "key": key, "memo": "dit en riant, « vraiment »"})
    with_memo = coder_file(project, "lea")
    assert "dit en riant" in with_memo
    widget.receive({"type": "remove", "keys": [key]})
    assert len(load_codings(project.paths.codings)) == 0
    widget.receive({"type": "undo"})
    assert coder_file(project, "lea") == with_memo  # the memo and the time come back
    assert widget.status["active"] == key
    widget.receive({"type": "undo"})
    assert coder_file(project, "lea") == saved
    widget.receive({"type": "redo"})
    assert coder_file(project, "lea") == with_memo
    assert widget.history["redo"].startswith("retrait")


def test_undo_of_a_coding_removes_it_and_redo_puts_the_same_row_back(project):
    text = project.corpus.text("ENT01")
    widget = CodingSession(project, "lea").widget("ENT01")
    widget.receive({"type": "code", **message(text, "coopéré"), "codes": ["terrain.cooperation"]})
    saved = coder_file(project, "lea")
    assert widget.history == {"undo": "codage « Coopération »", "redo": ""}
    widget.receive({"type": "undo"})
    assert len(load_codings(project.paths.codings)) == 0
    widget.receive({"type": "redo"})
    assert coder_file(project, "lea") == saved
    widget.receive({"type": "redo"})
    assert widget.status == {"state": "error", "message": "Rien à rétablir.", "seq": None}


def test_extend_shrink_and_recode_keep_the_memo(project, frozen):
    text = project.corpus.text("ENT01")
    widget = CodingSession(project, "lea").widget("ENT01")
    widget.receive({"type": "code", **message(text, "coopéré"), "codes": ["terrain.cooperation"]})
    key = widget.codings[0]["key"]
    widget.receive({"type": "memo", "key": key, "memo": "une note"})
    widget.receive({"type": "resize", "key": key, **message(text, "coopéré avec la fromagerie")})
    row = load_codings(project.paths.codings).iloc[0]
    assert (row["quote"], row["memo"], row["created"]) == (
        "coopéré avec la fromagerie",
        "une note",
        FROZEN,
    )
    assert widget.status["active"] == f"{row['start']}:{row['end']}:terrain.cooperation"
    widget.receive({"type": "recode", "key": widget.status["active"], "code": "terrain.confiance"})
    row = load_codings(project.paths.codings).iloc[0]
    assert (row["code"], row["memo"]) == ("terrain.confiance", "une note")
    widget.receive({"type": "undo"})
    widget.receive({"type": "undo"})
    assert load_codings(project.paths.codings)["quote"].tolist() == ["coopéré"]


def test_a_new_code_goes_into_the_codebook_file_and_codes_the_selection(project):
    text = project.corpus.text("ENT01")
    widget = CodingSession(project, "lea").widget("ENT01")
    widget.receive(
        {
            "type": "new_code",
            "parent": "terrain.freins",
            "label": "Mobilité",
            **message(text, "Le car ne passe pas"),
        }
    )
    yaml_text = (project.paths.codebook / "terrain.yaml").read_text(encoding="utf-8")
    assert "id: mobilite" in yaml_text and "label: Mobilité" in yaml_text
    assert load_codings(project.paths.codings)["code"].tolist() == ["terrain.freins.mobilite"]
    assert "terrain.freins.mobilite" in [c["code"] for c in widget.codes]
    assert widget.status["message"] == "code « Mobilité » créé"
    widget.receive({"type": "undo"})
    assert len(load_codings(project.paths.codings)) == 0
    assert "terrain.freins.mobilite" in research.open_project(project.root).codebook


def test_in_vivo_names_a_code_by_the_selected_words(project):
    text = project.corpus.text("ENT01")
    widget = CodingSession(project, "lea").widget("ENT01", new_codes_under="terrain")
    assert widget.new_parent == "terrain"
    widget.receive({"type": "in_vivo", "parent": "terrain", **message(text, "Trente kilomètres")})
    book = research.open_project(project.root).codebook
    assert book.label("terrain.trente_kilometres") == "Trente kilomètres"
    assert load_codings(project.paths.codings)["code"].tolist() == ["terrain.trente_kilometres"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ({"type": "code", "start": 0, "end": 5, "codes": ["terrain.freins"]}, "category"),
        ({"type": "code", "start": 0, "end": 5, "codes": ["terrain.nope"]}, "unknown code"),
        (
            {"type": "code", "start": 57, "end": 59, "codes": ["terrain.confiance"]},
            "La sélection est vide",
        ),
        (
            {"type": "code", "start": 127, "end": 140, "codes": ["terrain.confiance"]},
            "inside the character",
        ),
        ({"type": "remove", "keys": ["1:2:terrain.confiance"]}, "Ce codage n'existe plus"),
        ({"type": "in_vivo", "start": 0, "end": 5, "parent": None}, "in vivo"),
    ],
)
def test_refused_changes_are_said_and_save_nothing(project, content, expected):
    text = project.corpus.text("ENT01")
    assert text[57:59].strip() == ""
    assert utf16(text, span(text, "😀")[0]) + 1 == 127  # inside the emoji
    widget = CodingSession(project, "lea").widget("ENT01")
    widget.receive({**content, "seq": 7})
    assert widget.status["state"] == "error" and widget.status["seq"] == 7
    assert expected in widget.status["message"]
    assert not (project.paths.codings / "lea.csv").exists()


def test_errors_of_the_store_are_said_in_french():
    busy = CodingError("the codings of 'lea' are being saved by another process (process 12)")
    assert "Un autre processus enregistre" in _french(busy)
    changed = CodingError("the codebook changed since this session was opened (a code renamed…)")
    assert _french(changed).startswith("Le livre de codes a changé")
    assert _french(ValueError("x")) == "Erreur inattendue (ValueError) : x"


# -- sessions, coders, navigation -------------------------------------------------------------------


def test_two_sessions_of_one_coder_and_a_second_coder_lose_nothing(project):
    text = project.corpus.text("ENT01")
    first = CodingSession(project, "lea").widget("ENT01")
    second = CodingSession(project, "lea").widget("ENT01")
    other = CodingSession(project, "tom").widget("ENT01")
    first.receive({"type": "code", **message(text, "coopéré"), "codes": ["terrain.cooperation"]})
    second.receive(
        {"type": "code", **message(text, "samedi"), "codes": ["terrain.freins.territoire"]}
    )
    other.receive({"type": "code", **message(text, "samedi"), "codes": ["terrain.confiance"]})
    saved = load_codings(project.paths.codings)
    assert sorted(saved.query("coder == 'lea'")["quote"]) == ["coopéré", "samedi"]
    assert saved.query("coder == 'tom'")["quote"].tolist() == ["samedi"]
    assert {c["code"] for c in second.codings} == {
        "terrain.cooperation",
        "terrain.freins.territoire",
    }


def test_other_coders_are_hidden_by_default_and_never_sent_in_blind_mode(project):
    text = project.corpus.text("ENT01")
    CodingSession(project, "tom").widget("ENT01").receive(
        {"type": "code", **message(text, "samedi"), "codes": ["terrain.confiance"]}
    )
    widget = CodingSession(project, "lea").widget("ENT01")
    assert widget.others == [] and widget.others_info == {
        "coders": [{"coder": "tom", "n": 1}],
        "blind": False,
    }
    widget.show_others = True
    assert [(c["coder"], c["code"]) for c in widget.others] == [("tom", "terrain.confiance")]
    blind = CodingSession(project, "lea").widget("ENT01", blind=True, others=True)
    assert blind.others == [] and blind.others_info["blind"] and not blind.show_others
    blind.show_others = True
    assert blind.others == [] and not blind.show_others


def test_a_blind_sample_of_coders_yaml_hides_the_others_there_and_only_there(project, capsys):
    """``research assign --coder lea`` with a blind sample: lea's widget hides tom's
    codings in the sampled documents (never sent, cannot be shown), not elsewhere;
    an explicit ``blind=`` decides for every document."""
    for doc_id, words in (("ENT01", "samedi"), ("CR01", "Constats")):
        text = project.corpus.text(doc_id)
        CodingSession(project, "tom").widget(doc_id).receive(
            {"type": "code", **message(text, words), "codes": ["terrain.confiance"]}
        )
    (project.paths.codings / "coders.yaml").write_text(
        "tom: {documents: all}\nlea: {assigned: [ENT01], blind: true}\n", encoding="utf-8"
    )
    widget = CodingSession(project, "lea").widget(["ENT01", "CR01"], others=True)
    assert widget.others_info["blind"] and widget.others == [] and not widget.show_others
    widget.show_others = True
    assert widget.others == [] and not widget.show_others
    widget.next()  # CR01 is not in her sample
    assert not widget.others_info["blind"]
    widget.show_others = True
    assert [c["coder"] for c in widget.others] == ["tom"]
    widget.previous()  # back in the sample: hidden again
    assert widget.others == [] and not widget.show_others and widget.others_info["blind"]
    seeing = CodingSession(project, "lea").widget("ENT01", blind=False, others=True)
    assert [c["coder"] for c in seeing.others] == ["tom"]
    assert not CodingSession(project, "tom").widget("ENT01").others_info["blind"]  # not his sample


def test_documents_of_a_list_or_a_filter_next_and_previous(project):
    session = CodingSession(project, "lea")
    widget = session.widget(["ENT01", "CR01"])
    assert [d["doc_id"] for d in widget.documents] == ["ENT01", "CR01"]
    widget.receive({"type": "goto", "step": 1, "seq": 2})
    assert widget.doc_id == "CR01" and widget.doc["blocks"][0]["kind"] == "heading"
    assert widget.status["seq"] == 2
    widget.previous()
    assert widget.doc_id == "ENT01"
    assert session.widget(where={"kind": "interview"}).doc_ids == ["ENT01", "HTML01"]
    assert session.widget(project.corpus.where(kind="minutes")).doc_ids == ["CR01"]
    with pytest.raises(UnknownIdError, match="ENT1"):
        session.widget("ENT1")
    with pytest.raises(CodingError, match="no document to show"):
        session.widget(where={"kind": "note"})


def test_jump_to_a_retrieved_passage_of_another_coder(project):
    text = project.corpus.text("ENT01")
    CodingSession(project, "tom").widget("ENT01").receive(
        {"type": "code", **message(text, "anciens 👵🏻 restent"), "codes": ["terrain.confiance"]}
    )
    found = research.retrieve(
        research.open_project(project.root).codings, project.corpus, project.codebook, "terrain"
    )
    widget = CodingSession(project, "lea").widget("CR01")
    widget.jump(found.iloc[0])
    start, end = span(text, "anciens 👵🏻 restent")
    assert widget.doc_id == "ENT01"
    assert (widget.spot["start"], widget.spot["end"]) == (utf16(text, start), utf16(text, end))
    assert widget.show_others and widget.others[0]["coder"] == "tom"
    blind = CodingSession(project, "lea").widget("CR01", blind=True)
    blind.jump(found.iloc[0])
    assert not blind.show_others and blind.others == []


# -- where widgets do not run -----------------------------------------------------------------------------


def test_an_exported_page_shows_the_static_document_and_says_why(project):
    text = project.corpus.text("ENT01")
    widget = CodingSession(project, "lea").widget("HTML01")
    widget.goto("ENT01")
    widget.receive({"type": "code", **message(text, "coopéré"), "codes": ["terrain.cooperation"]})
    data, _ = widget._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    book = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("widget")
    cell.outputs = [nbformat.v4.new_output("display_data", data=data)]
    book.cells = [cell]
    from nbconvert import HTMLExporter

    page, _ = HTMLExporter().from_notebook_node(book)
    assert FALLBACK_NOTE in page
    assert re.search(r"<mark[^>]*>coopéré</mark>", page)


def test_hostile_text_is_escaped_in_the_static_view(project):
    widget = CodingSession(project, "lea").widget("HTML01")
    html = widget._repr_mimebundle_()[0]["text/html"]
    assert "<script>window.__xss" not in html and "&lt;script&gt;window.__xss" in html
    assert "<img src=x" not in html


# -- the code browser ----------------------------------------------------------------------------------------


def test_the_code_browser_counts_per_coder_lists_passages_and_opens_one(project):
    text = project.corpus.text("ENT01")
    CodingSession(project, "tom").widget("ENT01").receive(
        {"type": "code", **message(text, "samedi"), "codes": ["terrain.freins.territoire"]}
    )
    session = CodingSession(project, "lea")
    session.code_text("ENT01", "coopéré", "terrain.cooperation")
    browser = CodeBrowser(session, context=10)
    assert browser.coders == ["lea", "tom"]
    counts = {c["code"]: c["counts"] for c in browser.codes}
    assert counts["terrain"] == {"lea": 1, "tom": 1}
    assert counts["terrain.freins"] == {"lea": 0, "tom": 1}
    browser.receive({"type": "pick", "code": "terrain", "seq": 3})
    assert browser.acked == 3 and browser.n_passages == 2
    assert [(p["coder"], p["before"], p["quote"]) for p in browser.passages] == [
        ("lea", text[span(text, "coopéré")[0] - 10 : span(text, "coopéré")[0]], "coopéré"),
        ("tom", text[span(text, "samedi")[0] - 10 : span(text, "samedi")[0]], "samedi"),
    ]
    browser.receive({"type": "filter", "coder": "tom"})
    assert [p["coder"] for p in browser.passages] == ["tom"]
    browser.receive({"type": "open", "index": 0})
    assert browser.document.layout.display is None and browser.document.doc_id == "ENT01"
    assert browser.document.show_others
    browser.document.receive(
        {"type": "code", **message(text, "car"), "codes": ["terrain.freins.territoire"]}
    )
    assert {c["code"]: c["counts"] for c in browser.codes}["terrain.freins"] == {"lea": 1, "tom": 1}
    data, _ = browser._repr_mimebundle_()
    assert "Navigateur de codes" in data["text/html"]


def test_code_document_opens_the_widget_of_a_coder(project):
    widget = research.code_document(project, coder="lea", doc_id="CR01")
    assert isinstance(widget, CodingWidget) and widget.coder == "lea" and widget.doc_id == "CR01"
    with pytest.raises(CodingError, match="open project"):
        research.code_document(str(project.root), coder="lea")
    from research.coding_widget import code_browser

    assert isinstance(code_browser(project, coder="lea"), CodeBrowser)


def test_a_disagreement_of_two_coders_opens_in_the_widget(project):
    from research.agreement import disagreements, open_disagreement
    from research.errors import AgreementError

    text = project.corpus.text("ENT01")
    for coder, words in (("lea", "coopéré"), ("tom", "coopéré avec la fromagerie")):
        CodingSession(project, coder).widget("ENT01").receive(
            {"type": "code", **message(text, words), "codes": ["terrain.cooperation"]}
        )
    opened = research.open_project(project.root)
    found = disagreements(
        opened.codings, opened.corpus.segments, coders=["lea", "tom"], infer_documents=True
    )
    assert found["kind"].tolist() == ["spans_differ"]
    widget = open_disagreement(opened, found, found["disagreement_id"].iloc[0], coder="tom")
    row = found.iloc[0]
    assert (widget.coder, widget.doc_id) == ("tom", "ENT01")
    assert (widget.spot["start"], widget.spot["end"]) == (
        utf16(text, row["seg_start"]),
        utf16(text, row["seg_end"]),
    )
    assert [c["coder"] for c in widget.others] == ["lea"]
    assert open_disagreement(opened, found).coder == "lea"
    with pytest.raises(AgreementError, match="no disagreement"):
        open_disagreement(opened, found, "x@y#z")
