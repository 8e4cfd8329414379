"""``research import`` of PDFs, web pages, e-mails and mailboxes into a project of one's own,
then coding them and quoting a PDF by its page."""

from __future__ import annotations

import shutil
from email.message import EmailMessage
from pathlib import Path

import pandas as pd
import pytest

from research import analysis
from research.cli import main
from research.coding import retrieve
from research.corpus import read_corpus
from research.project import open_project

pytest.importorskip("reportlab")
from pdf_fixtures import two_columns

LOADERS = Path(__file__).parent / "data" / "loaders"


def mailbox(path: Path) -> Path:
    messages = []
    for n, (subject, body) in enumerate(
        [
            ("Atelier", "Tu viens jeudi ?\n"),
            ("Re: Atelier", "Oui, avec la navette.\n\n> Tu viens ?\n"),
        ]
    ):
        msg = EmailMessage()
        msg["From"], msg["To"] = "elodie@example.org", "camille@example.org"
        msg["Subject"], msg["Date"] = subject, f"Wed, 1{n} Mar 2024 09:00:00 +0100"
        msg.set_content(body)
        messages.append(b"From elodie@example.org Wed Mar 13 09:00:00 2024\n" + bytes(msg) + b"\n")
    path.write_bytes(b"".join(messages))
    return path


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "these"
    assert main(["init", str(root)]) == 0
    (root / "codebook" / "terrain.yaml").write_text(
        "id: terrain\nlabel: Terrain\ncodable: false\ncodes:\n"
        "  - id: lien\n    label: Lien social\n  - id: mobilite\n    label: Mobilité\n",
        encoding="utf-8",
    )
    return root


@pytest.fixture
def incoming(tmp_path):
    folder = tmp_path / "recus"
    folder.mkdir()
    two_columns(folder / "rapport-2019.pdf", pages=2)
    shutil.copyfile(LOADERS / "article.html", folder / "article.html")
    shutil.copyfile(LOADERS / "reponse.eml", folder / "reponse.eml")
    mailbox(folder / "echanges.mbox")
    return folder


def test_a_folder_of_pdfs_pages_and_mails_is_imported_by_kind(project, incoming, capsys):
    capsys.readouterr()
    files = sorted(str(p) for p in incoming.iterdir())
    assert main(["import", *files, "-C", str(project)]) == 0
    out = capsys.readouterr().out
    for line in [
        "imported corpus/documents/rapport-2019.md from rapport-2019.pdf: document "
        "(inferred from its file format)",
        "imported corpus/documents/web/article.md from article.html: web_page "
        "(inferred from its file format)",
        "imported corpus/documents/emails/reponse.md from reponse.eml: email "
        "(inferred from its file format)",
        "imported corpus/documents/emails/echanges-001.md from echanges.mbox: email",
        "imported corpus/documents/emails/echanges-002.md from echanges.mbox: email",
    ]:
        assert line in out
    corpus, problems = read_corpus(project / "corpus" / "documents")
    assert problems == []
    assert sorted(corpus.doc_ids) == [
        "article",
        "echanges-001",
        "echanges-002",
        "rapport-2019",
        "reponse",
    ]
    assert corpus.text("echanges-002") == "Oui, avec la navette.\n"
    kinds = corpus.documents.set_index("doc_id")["kind"].to_dict()
    assert kinds["rapport-2019"] == "document" and kinds["reponse"] == "email"
    front = (project / "corpus/documents/rapport-2019.md").read_text(encoding="utf-8")
    assert front.startswith("---\nid: rapport-2019\ntitle: Rapport d’activité 2019\n")
    assert "\n<!-- page 2 -->\n" in front
    assert main(["validate", "-C", str(project)]) == 0


def test_a_quote_from_a_pdf_cites_its_page(project, incoming):
    assert main(["import", str(incoming / "rapport-2019.pdf"), "-C", str(project)]) == 0
    for words, code, which in [
        ("la Fabrique à Entreprendre en Franche-Comté", "terrain.lien", "1"),
        ("Page 2, un paragraphe commence ici", "terrain.mobilite", "1"),
    ]:
        command = ["code", "text", "rapport-2019", words, code, "--occurrence", which]
        assert main([*command, "--coder", "lea", "-C", str(project)]) == 0
    proj = open_project(project)
    corpus = proj.corpus
    text = corpus.text("rapport-2019")
    start = text.index("Franche-Comté.")  # a passage running over the page break
    end = text.index("La coopération", text.index("<!-- page 2 -->")) + len("La coopération")
    over = proj.codings.iloc[:1].assign(start=start, end=end, quote=text[start:end])
    passages = pd.concat([proj.codings, over], ignore_index=True)
    quotes = analysis.quotes_table(passages, documents=corpus.documents, segments=corpus.segments)
    references = quotes["reference"].str.replace("\u00a0", " ").tolist()
    assert references[:2] == ["document rapport-2019, p. 1", "document rapport-2019, p. 2"]
    assert references[2] == "document rapport-2019, p. 1-2"
    assert (
        "<!--" not in quotes.loc[2, "verbatim"]
        and "Franche-Comté. La coopération" in quotes.loc[2, "verbatim"]
    )
    passages = retrieve(proj.codings, corpus, proj.codebook, "terrain.mobilite")
    assert passages["page"].tolist() == ["2"]
    assert passages["citation"].tolist()[0].endswith("p. 2")


def test_a_mailbox_left_in_the_documents_folder_is_named_with_the_fix(project, incoming):
    shutil.copyfile(incoming / "echanges.mbox", project / "corpus" / "documents" / "echanges.mbox")
    _, problems = read_corpus(project / "corpus" / "documents")
    assert [p.severity for p in problems] == ["warning"]
    assert "research import" in problems[0].hint
