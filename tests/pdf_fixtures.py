"""Writing PDFs for the tests: a two-column report laid out with reportlab.

Imported by the tests that need a real PDF (``from pdf_fixtures import two_columns``);
reportlab is in the ``dev`` extra.
"""

from __future__ import annotations

from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONTS = Path(reportlab.__file__).parent / "fonts"
pdfmetrics.registerFont(TTFont("Vera", str(FONTS / "Vera.ttf")))
pdfmetrics.registerFont(TTFont("VeraBd", str(FONTS / "VeraBd.ttf")))
WIDTH, HEIGHT = A4
LEFT = [
    "La coopération territoriale est au cœur du",
    "projet : les ateliers ont réuni des habi-",
    "tants, des élus et des entreprises. Le porte-",
    "parole du pôle l’a rappelé, c’est-",
    "à-dire sans détour, avec une ﬁne équipe.",
    "      Un second paragraphe commence ici et",
    "continue sur la ligne suivante.",
]
RIGHT = [
    "La seconde colonne parle du ﬁnancement",
    "des projets et de l’inﬂuence des",
    "dispositifs d’accompagnement de la",
    "Fabrique à Entreprendre en Franche-",
    "Comté.",
]


def two_columns(path: Path, *, pages: int = 3) -> Path:
    """A report of ``pages`` pages in two columns, with a running head, page numbers
    and a title in large type on the first page."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle("Rapport d’activité 2019")
    pdf.setAuthor("Pôle coopératif")
    for page in range(1, pages + 1):
        pdf.setFont("Vera", 8)
        pdf.drawString(72, HEIGHT - 40, "Pôle coopératif — Rapport d’activité 2019")
        pdf.drawCentredString(WIDTH / 2, 30, f"– {page} –")
        y = HEIGHT - 110
        if page == 1:
            pdf.setFont("VeraBd", 18)
            pdf.drawString(72, y, "Introduction générale")
            y -= 40
        pdf.setFont("Vera", 10)
        for column, lines in ((72, LEFT), (WIDTH / 2 + 10, RIGHT)):
            for n, line in enumerate(lines):
                pdf.drawString(column, y - 13 * n, line.replace("Un second", f"Page {page}, un"))
        pdf.showPage()
    pdf.save()
    return path
