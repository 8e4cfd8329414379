"""E-mails: metadata, quoted replies dropped, attachments listed, mailboxes split."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from research.corpus import Corpus
from research.corpus.loaders import load_collection, load_document
from research.errors import InputError

REPLY = Path(__file__).parent / "data" / "loaders" / "reponse.eml"


def test_a_reply_keeps_its_own_words_and_drops_the_quote_and_signature():
    doc = load_document(REPLY)
    assert doc.text == (
        "Bonjour Élodie,\n\nOui, je serai là jeudi : on pourra parler de la navette avec "
        "les élus.\n\nJe joins le budget prévisionnel.\n"
    )
    assert doc.metadata["quoted_lines"] == 7  # attribution, 3 quoted lines, signature (3)


def test_sender_recipients_date_subject_and_attachments_are_metadata():
    meta = load_document(REPLY).metadata
    assert meta["title"] == "Re: Atelier mobilité du 14 mars"
    assert meta["from"] == "Camille Roux <camille.roux@example.org>"
    assert meta["to"] == ["Élodie Fournier <elodie@example.org>"]
    assert meta["cc"] == ["pole@example.org"]
    assert (meta["date"], meta["sent"]) == ("2024-03-12", "2024-03-12T18:20:00+01:00")
    assert (meta["message_id"], meta["in_reply_to"]) == ("<2@example.org>", "<1@example.org>")
    assert meta["attachments"] == ["budget-navette.xlsx"]


def message(body: str, *, subject: str = "Atelier", html: str | None = None, **headers) -> bytes:
    msg = EmailMessage()
    msg["From"] = headers.get("sender", "Élodie Fournier <elodie@example.org>")
    msg["To"] = "camille.roux@example.org"
    msg["Subject"] = subject
    msg["Date"] = headers.get("date", "Wed, 13 Mar 2024 09:00:00 +0100")
    if body:
        msg.set_content(body, params=headers.get("params", {}))
    if html is not None:
        if body:
            msg.add_alternative(html, subtype="html")
        else:
            msg.set_content(html, subtype="html")
    for name, data in headers.get("attachments", []):
        msg.add_attachment(data, maintype="application", subtype="pdf", filename=name)
    return bytes(msg)


def test_an_outlook_style_copy_of_the_previous_message_is_dropped(tmp_path):
    path = tmp_path / "outlook.eml"
    body = (
        "Merci pour le compte rendu.\n\n-----Message d'origine-----\nDe : Camille Roux\n"
        "Envoyé : mardi 12 mars 2024 18:20\nÀ : Élodie Fournier\nObjet : Compte rendu\n\n"
        "Voici le compte rendu de l'atelier.\n"
    )
    path.write_bytes(message(body))
    doc = load_document(path)
    assert doc.text == "Merci pour le compte rendu.\n"
    assert doc.metadata["quoted_lines"] == 6


def test_a_forwarded_message_is_kept(tmp_path):
    path = tmp_path / "transfert.eml"
    body = (
        "Pour info.\n\n---------- Forwarded message ---------\nDe : Mairie de Lons\n"
        "Objet : Salle des fêtes\n\nLa salle est réservée pour le 14 mars.\n"
    )
    path.write_bytes(message(body))
    doc = load_document(path)
    assert "La salle est réservée pour le 14 mars." in doc.text
    assert "quoted_lines" not in doc.metadata


def test_an_html_only_message_is_read_as_text_without_its_quoted_block(tmp_path):
    path = tmp_path / "html.eml"
    html = (
        "<html><body><p>Bonjour,</p><p>Le pôle&nbsp;: <b>d'accord</b> pour jeudi.<br>À bientôt</p>"
        "<div class='gmail_quote'>Le mar. 12 mars, Camille a écrit :<blockquote>Tu viens ?"
        "</blockquote></div><script>alert(1)</script></body></html>"
    )
    path.write_bytes(message("", html=html))
    assert (
        load_document(path).text == "Bonjour,\n\nLe pôle\u00a0: d'accord pour jeudi.\nÀ bientôt\n"
    )


def test_plain_text_wins_over_html_and_flowed_lines_are_joined(tmp_path):
    path = tmp_path / "flowed.eml"
    body = "Une phrase écrite d'un trait \net coupée par le logiciel.\n\nFin.\n"
    path.write_bytes(message(body, html="<p>autre</p>", params={"format": "flowed"}))
    assert load_document(path).text == (
        "Une phrase écrite d'un trait et coupée par le logiciel.\n\nFin.\n"
    )


def test_a_message_with_only_an_attachment_is_refused_naming_it(tmp_path):
    path = tmp_path / "piece.eml"
    path.write_bytes(message("", attachments=[("convention.pdf", b"%PDF-1.4")]))
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert "no text (only attachments: convention.pdf)" in str(caught.value)


def test_a_file_that_is_no_message_is_refused(tmp_path):
    path = tmp_path / "faux.eml"
    path.write_text("\n\njuste du texte\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an e-mail message"):
        load_document(path)


def test_a_mailbox_is_one_document_per_message_in_its_order(tmp_path):
    path = tmp_path / "Échanges pôle.mbox"
    parts = [
        message("Tu viens jeudi ?\n", subject="Atelier"),
        message(
            "Oui.\n\n> Tu viens jeudi ?\n", subject="Re: Atelier", sender="camille@example.org"
        ),
        message("", subject="Convention", attachments=[("convention.pdf", b"%PDF-1.4")]),
        message("From the start, the project was local.\n", subject="English"),
    ]
    mbox = b"".join(
        b"From x@example.org Wed Mar 13 09:00:00 2024\n"
        + part.replace(b"\nFrom the", b"\n>From the")
        + b"\n"
        for part in parts
    )
    path.write_bytes(mbox)
    docs = load_collection(path)
    assert [d.metadata["id"] for d in docs] == [
        "Echanges-pole-001",
        "Echanges-pole-002",
        "Echanges-pole-004",
    ]
    assert [d.text for d in docs] == [
        "Tu viens jeudi ?\n",
        "Oui.\n",
        "From the start, the project was local.\n",
    ]
    assert docs[1].metadata["from"] == "camille@example.org"
    assert "messages without text left out: 3 (Convention) (only attachments: convention.pdf)" in (
        docs[0].problems[0].message
    )
    with pytest.raises(InputError, match="holds several documents"):
        load_document(path)


def test_a_file_that_is_no_mailbox_is_refused(tmp_path):
    path = tmp_path / "vide.mbox"
    path.write_text("Subject: seul\n\nrien\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an mbox mailbox"):
        load_collection(path)


def test_segments_of_a_message_are_its_paragraphs():
    segs = Corpus.from_loaded([("M", "", load_document(REPLY))]).segments
    assert segs["text"].tolist() == [
        "Bonjour Élodie,",
        "Oui, je serai là jeudi : on pourra parler de la navette avec les élus.",
        "Je joins le budget prévisionnel.",
    ]
