"""A chapter's results into the thesis: Word and LaTeX, opened and checked."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import nbformat
import pandas as pd
import pytest

from research.cli import main
from research.errors import ExportError, PipelineError
from research.exchange import (
    Bullets,
    FigureBlock,
    Heading,
    Paragraph,
    QuoteBlock,
    TableBlock,
    ThesisDocument,
    french_number,
    markdown_blocks,
    thesis_docx,
    thesis_latex,
    write_thesis,
)

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.fixture(scope="module")
def png(tmp_path_factory) -> Path:
    from matplotlib.figure import Figure

    from research.pipeline import figure_bytes

    fig = Figure(figsize=(4, 2))
    fig.add_subplot().bar(["a", "b"], [1, 2])
    path = tmp_path_factory.mktemp("figure") / "barres.png"
    path.write_bytes(figure_bytes(fig, "png", dpi=50))
    return path


def _document(png: Path) -> ThesisDocument:
    counts = pd.DataFrame({"code": ["Coopération", "Freins"], "codages": [1234, 5],
                           "part": [0.125, -0.5], "kappa": [1.5, 2.25]})  # fmt: skip
    return ThesisDocument(
        "Codage",
        (
            Heading(1, "Codage et accord"),
            Paragraph((("Le ", ""), ("codage", "b"), (" de ", ""), ("Léa", "i"), (".", ""))),
            Bullets(((("premier point", ""),), (("second", ""),))),
            TableBlock(counts, caption="Codages par code", note="Une note."),
            FigureBlock(png, caption="Codages en barres"),
            TableBlock(counts.head(1), caption="Un seul code"),
            Paragraph((("Citations : accord", "b"),)),
            QuoteBlock(
                f"«{NBSP}On a monté la SCIC ensemble.{NBSP}»", "Élodie, porteuse de projet, 2019"
            ),
        ),
        date="2024-03-14T10:30:00Z",
    )


def test_french_numbers():
    assert french_number(1234567) == f"1{NNBSP}234{NNBSP}567"
    assert french_number(-1234.5) == f"\u22121{NNBSP}234,50"
    assert french_number(0.0004) == "0,000" and french_number(-0.0004) == "0,000"
    assert french_number(2.5, decimals=1) == "2,5" and french_number(True) == "oui"


def test_the_word_document_holds_tables_captions_figures_and_quotes(png):
    data = thesis_docx(_document(png))
    word = docx.Document(io.BytesIO(data))
    texts = [(p.style.name, p.text) for p in word.paragraphs if p.text]
    assert texts[0] == ("Heading 1", "Codage et accord")
    assert texts[1] == ("Normal", "Le codage de Léa.")
    bold = [r.text for r in word.paragraphs[1].runs if r.bold]
    assert bold == ["codage"] and [r.text for r in word.paragraphs[1].runs if r.italic] == ["Léa"]
    assert ("List Bullet", "premier point") in texts
    captions = [text for style, text in texts if style == "Caption"]
    assert captions == [f"Tableau 1{NBSP}: Codages par code", f"Figure 1{NBSP}: Codages en barres",
                        f"Tableau 2{NBSP}: Un seul code"]  # fmt: skip
    table = word.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["code", "codages", "part", "kappa"]
    assert [c.text for c in table.rows[1].cells] == ["Coopération", f"1{NNBSP}234", "0,125", "1,50"]
    assert [c.text for c in table.rows[2].cells] == ["Freins", "5", "\u22120,500", "2,25"]
    assert len(word.inline_shapes) == 1
    quote = next(p for p in word.paragraphs if p.style.name == "Quote")
    assert quote.text == (f"«{NBSP}On a monté la SCIC ensemble.{NBSP}» "
                          "(Élodie, porteuse de projet, 2019)")  # fmt: skip
    # the caption comes before its table, after its figure
    body = [child.tag.rsplit("}", 1)[1] for child in word.element.body]
    first_table = body.index("tbl")
    before = docx.text.paragraph.Paragraph(word.element.body[first_table - 1], word)
    assert before.text.startswith("Tableau 1")
    assert "SEQ Tableau" in data.decode("latin-1") or b"SEQ Tableau" in zipfile.ZipFile(
        io.BytesIO(data)).read("word/document.xml")  # fmt: skip
    assert word.core_properties.created.isoformat().startswith("2024-03-14T10:30")


def test_the_word_document_is_the_same_for_the_same_run(png):
    first, second = thesis_docx(_document(png)), thesis_docx(_document(png))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_the_latex_fragment(png, tmp_path):
    path = write_thesis(_document(png), tmp_path / "tex" / "chapitre.tex")
    text = path.read_text(encoding="utf-8")
    assert "\\section{Codage et accord}" in text
    assert "Le \\textbf{codage} de \\emph{Léa}." in text
    assert "\\begin{itemize}\n\\item premier point\n\\item second\n\\end{itemize}" in text
    assert (
        "\\toprule\n\\textbf{code} & \\textbf{codages} & \\textbf{part} & \\textbf{kappa} \\\\"
        in text
    )
    assert "Coopération & 1\\,234 & 0,125 & 1,50 \\\\" in text
    assert "Freins & 5 & \\textminus{}0,500 & 2,25 \\\\" in text
    assert "\\caption{Codages par code}" in text and "\\bottomrule" in text
    assert f"{{{Path('..') / 'figure0' / 'barres.png'}}}" in text or "barres.png}" in text
    assert (
        "\\begin{quote}\n«~On a monté la SCIC ensemble.~» (Élodie, porteuse de projet, 2019)"
        in text
    )
    assert thesis_latex(_document(png)) == thesis_latex(_document(png))
    with pytest.raises(ExportError, match=r"name it \.docx or \.tex"):
        write_thesis(_document(png), tmp_path / "x.odt")


def test_markdown_blocks_keep_html_as_text():
    blocks = markdown_blocks(
        "# Titre\n\n1. un\n2. deux\n\n> « Cité »\n\n<b>gras</b>\n\n```\ncode\n```\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    assert blocks[0] == Heading(1, "Titre")
    assert isinstance(blocks[1], Bullets) and blocks[1].ordered
    assert blocks[2] == QuoteBlock("« Cité »")
    assert blocks[3].text == "<b>gras</b>" and blocks[4].text == "code"
    assert blocks[5].frame.values.tolist() == [["1", "2"]]


CHAPTER_CELLS = [
    ("md", "# Mon chapitre\n\nUn texte **important**."),
    (
        "code",
        "import pandas as pd\nfrom IPython.display import Markdown, display\n"
        "from matplotlib.figure import Figure\n"
        "from research.pipeline import save_figure, save_quotes, save_table",
    ),
    (
        "code",
        "display(Markdown('Ce projet a **3** documents.'))\n"
        "save_table(pd.DataFrame({'code': ['a'], 'n': [1500], 'share': [0.25]}), 'effectifs',"
        " caption='Effectifs par code')",
    ),
    ("md", "## Une figure"),
    (
        "code",
        "fig = Figure()\nfig.add_subplot().plot([1, 2])\n"
        "save_figure(fig, 'courbe', caption='Une courbe')",
    ),
    (
        "code",
        "save_quotes(pd.DataFrame({'doc_id': ['INT01'], 'speaker': ['Léa'],"
        " 'quote': ['On a créé le pôle en 2014 !']}), 'verbatims', caption='Verbatims')",
    ),
    (
        "code",
        "save_quotes(pd.DataFrame({'doc_id': ['INT02'], 'quote': ['Déjà montrée.']}), 'montrees',"
        " caption='Montrées')\ndisplay(Markdown('> « Déjà montrée. » (INT02)'))",
    ),
]


@pytest.mark.slow
def test_export_chapter_from_a_run(tmp_path, capsys):
    root = tmp_path / "these"
    assert main(["init", str(root)]) == 0
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(s) if k == "md" else nbformat.v4.new_code_cell(s)
                for k, s in CHAPTER_CELLS]  # fmt: skip
    nbformat.write(nb, root / "notebooks" / "10-mon-chapitre.ipynb")
    chapters = root / "notebooks" / "chapters.yaml"
    chapters.write_text(chapters.read_text(encoding="utf-8") + "\n  - id: mon-chapitre\n"
                        "    notebook: 10-mon-chapitre.ipynb\n    title: Mon chapitre\n",
                        encoding="utf-8")  # fmt: skip
    out = tmp_path / "export"
    assert main(["export", "chapter", "10", "--docx", str(out / "c.docx"), "-C", str(root)]) == 1
    assert "has no results" in capsys.readouterr().err
    assert main(["run", "mon-chapitre", "-C", str(root)]) == 0
    assert main(["export", "chapter", "10", "--docx", str(out / "c.docx"),
                 "--latex", str(out / "c.tex"), "-C", str(root)]) == 0  # fmt: skip
    word = docx.Document(out / "c.docx")
    texts = [p.text for p in word.paragraphs if p.text]
    assert texts[0].startswith("Résultats de l'exécution « default » du chapitre « Mon chapitre »")
    assert texts[1:] == [
        "Mon chapitre", "Un texte important.", "Ce projet a 3 documents.",
        f"Tableau 1{NBSP}: Effectifs par code", "Une figure", f"Figure 1{NBSP}: Une courbe",
        "Verbatims", f"«{NBSP}On a créé le pôle en 2014{NBSP}!{NBSP}» (INT01, Léa)",
        "« Déjà montrée. » (INT02)",  # displayed by its cell: not repeated from the saved file
    ]  # fmt: skip
    assert [c.text for c in word.tables[0].rows[1].cells] == ["a", f"1{NNBSP}500", "0,250"]
    assert [c.text for c in word.tables[0].rows[0].cells] == ["code", "effectif", "part"]
    first = (out / "c.docx").read_bytes()
    assert main(["export", "chapter", "mon-chapitre", "--docx", str(out / "c.docx"),
                 "-C", str(root)]) == 0  # fmt: skip
    assert (out / "c.docx").read_bytes() == first
    assert main(["export", "chapter", "10", "--docx", str(out / "narrow.docx"), "--max-columns",
                 "2", "-C", str(root)]) == 0  # fmt: skip
    narrow = docx.Document(out / "narrow.docx")
    assert len(narrow.tables[0].columns) == 2
    assert "Les 2 premières colonnes sur 3 ; le tableau entier est dans tables/effectifs.xlsx." in [
        p.text for p in narrow.paragraphs]  # fmt: skip
    latex = (out / "c.tex").read_text(encoding="utf-8")
    assert "\\includegraphics" in latex and "mon-chapitre/default/figures/courbe.png" in latex
    assert main(["export", "chapter", "99", "--docx", str(out / "x.docx"), "-C", str(root)]) == 1
    assert "no chapter '99'" in capsys.readouterr().err
    with pytest.raises(PipelineError, match="no chapter run"):
        from research.pipeline import chapter_document

        chapter_document(tmp_path)
