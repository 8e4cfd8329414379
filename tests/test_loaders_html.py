"""Saved web pages and press articles: the main text, its headings and metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from research.corpus import Corpus
from research.corpus.loaders import load_document
from research.errors import InputError

ARTICLE = Path(__file__).parent / "data" / "loaders" / "article.html"

MAIN_TEXT = """\
# Soirée Start-Up de Territoire : 300 habitants à Lons

Jeudi soir, plus de trois cents habitants se sont retrouvés à la salle des fêtes de \
Lons-le-Saunier pour la deuxième édition de la Start-Up de Territoire, à l’initiative du \
pôle territorial de coopération économique.

## Des ateliers autour de la mobilité

Les participants se sont répartis en ateliers thématiques : mobilité, alimentation, \
habitat. « On ne parle pas du camion, on parle des gens », a rappelé l’animatrice de \
l’atelier mobilité.

- une navette solidaire entre les villages ;

- un garage associatif.

## Et maintenant ?

Les porteurs de projet seront accompagnés par la Fabrique à Entreprendre pendant six mois, \
avec des groupes de travail mensuels.
"""


def test_the_article_without_navigation_menus_or_footer():
    doc = load_document(ARTICLE)
    assert doc.text == MAIN_TEXT
    for left_out in ("Accueil", "cookies", "À lire aussi", "marché de Noël", "Mentions légales"):
        assert left_out not in doc.text
    assert doc.problems == []


def test_title_author_date_site_and_address_are_attributes():
    assert load_document(ARTICLE).metadata == {
        "title": "Soirée Start-Up de Territoire : 300 habitants à Lons",
        "author": "Camille Martin",
        "site": "Le Progrès",
        "date": "2019-11-22",
        "url": "https://www.leprogres.fr/jura/2019/11/22/soiree-sut",
    }


def test_headings_are_the_sections_of_the_segments():
    corpus = Corpus.from_loaded([("A", "", load_document(ARTICLE))])
    segs = corpus.segments
    title = "Soirée Start-Up de Territoire : 300 habitants à Lons"
    assert segs["section"].tolist() == [
        title,
        f"{title} > Des ateliers autour de la mobilité",
        f"{title} > Des ateliers autour de la mobilité",
        f"{title} > Des ateliers autour de la mobilité",
        f"{title} > Et maintenant ?",
    ]
    assert segs.loc[2, "text"] == "une navette solidaire entre les villages ;"


def page(body: str, head: str = '<meta charset="utf-8">') -> str:
    return f"<!DOCTYPE html><html lang='fr'><head>{head}<title>Page</title></head><body>{body}</body></html>"


def test_the_declared_encoding_is_honoured_and_no_break_spaces_kept(tmp_path):
    text = "<article><p>Le pôle a réuni les élus\u00a0: une réussite, dit-on\u00a0!</p>" * 3
    path = tmp_path / "latin.htm"
    path.write_bytes(page(text + "</article>", "<meta charset='iso-8859-1'>").encode("cp1252"))
    doc = load_document(path)
    assert "réuni les élus\u00a0: une réussite, dit-on\u00a0!" in doc.text
    assert doc.problems == []


def test_markup_in_the_text_stays_text(tmp_path):
    path = tmp_path / "balises.html"
    body = (
        "<article><h1>Compte rendu</h1><p>La formule &lt;b&gt;gras&lt;/b&gt; et un "
        "<script>alert(1)</script>lien <a href='javascript:x'>ici</a> restent du texte, "
        "sur une longue phrase qui suffit à faire un article.</p></article>"
    )
    path.write_text(page(body), encoding="utf-8")
    text = load_document(path).text
    assert "<b>gras</b>" in text and "alert" not in text and "lien ici restent" in text


def test_a_page_without_main_text_is_refused_with_the_fix(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text(
        page("<nav><a href='/'>Accueil</a></nav><script>var x;</script>"), encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert "no main text found" in str(caught.value) and str(path) in str(caught.value)
    assert "reader view" in caught.value.hint
