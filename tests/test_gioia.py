"""The Gioia data structure: levels, counts and missing levels checked by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from research.analysis import gioia_structure, plot_gioia
from research.cli import main
from research.codebook import Codebook
from research.errors import InputError
from research.pipeline import figure_bytes

# g
# ├── dim1 (aggregate)         7 codings under it
# │   ├── th1 (second_order)   1 own + c1 3 + c2 1 = 5
# │   │   ├── c1 (first_order) 2 own + 1 on its sub-code without level = 3, in D1 and D2
# │   │   │   └── detail
# │   │   └── c2 (first_order) 1, in D3
# │   └── th2 (second_order)   2
# │       └── c3 (first_order) 2, both in D2
# ├── dim2 (aggregate)         1
# │   └── th3 (second_order)   1 own, no concept
# └── loose (no level)         1 coding that no level counts
# fmt: off
CODES = pd.DataFrame(
    {
        "code": ["g", "g.dim1", "g.dim1.th1", "g.dim1.th1.c1", "g.dim1.th1.c1.detail",
                 "g.dim1.th1.c2", "g.dim1.th2", "g.dim1.th2.c3", "g.dim2", "g.dim2.th3",
                 "g.loose"],
        "label": ["G", "Dimension un", "Thème un", "Concept un", "Détail", "Concept deux",
                  "Thème deux", "Concept trois", "Dimension deux", "Thème trois", "Libre"],
        "level": [None, "aggregate", "second_order", "first_order", None, "first_order",
                  "second_order", "first_order", "aggregate", "second_order", None],
    }
)
CODINGS = pd.DataFrame(
    {
        "doc_id": ["D1", "D1", "D2", "D3", "D1", "D2", "D2", "D3", "D1"],
        "start": [0, 10, 0, 0, 20, 10, 20, 10, 30],
        "end": [5, 15, 5, 5, 25, 15, 25, 15, 35],
        "code": ["g.dim1.th1.c1", "g.dim1.th1.c1.detail", "g.dim1.th1.c1", "g.dim1.th1.c2",
                 "g.dim1.th1", "g.dim1.th2.c3", "g.dim1.th2.c3", "g.dim2.th3", "g.loose"],
        "quote": ["Premier.", "Détail.", "Deuxième.", "Troisième.", "Thème.", "C3 un.",
                  "C3 deux.", "Th3.", "Libre."],
    }
)
# fmt: on
DOCUMENTS = pd.DataFrame(
    {
        "doc_id": ["D1", "D2", "D3"],
        "kind": ["minutes"] * 3,
        "date": ["2020-03-01", "2019-01-01", "2021-01-01"],
    }
)  # fmt: skip


@pytest.fixture
def book() -> Codebook:
    return Codebook.from_frame(CODES)


def test_structure_and_counts_checked_by_hand(book):
    structure = gioia_structure(book, CODINGS)
    table = structure.table
    assert table[["aggregate", "second_order", "first_order"]].values.tolist() == [
        ["g.dim1", "g.dim1.th1", "g.dim1.th1.c1"],
        ["g.dim1", "g.dim1.th1", "g.dim1.th1.c2"],
        ["g.dim1", "g.dim1.th2", "g.dim1.th2.c3"],
        ["g.dim2", "g.dim2.th3", None],
    ]
    assert table["codings"].tolist() == [3, 1, 2, 1]
    assert table["documents"].tolist() == [2, 1, 1, 1]
    assert table["second_order_codings"].tolist() == [5, 5, 2, 1]
    assert table["aggregate_codings"].tolist() == [7, 7, 7, 1]
    assert table["first_order_label"].tolist()[:3] == [
        "Concept un",
        "Concept deux",
        "Concept trois",
    ]
    assert structure.complete and structure.levels == ("first_order", "second_order", "aggregate")
    assert structure.notes == (
        "1 codage(s) portent des codes sans niveau ni code avec niveau au-dessus d'eux : "
        "ils ne sont pas comptés.",
    )
    assert "example" not in table


def test_examples_are_the_first_passages_in_date_order(book):
    structure = gioia_structure(book, CODINGS, examples=True, documents=DOCUMENTS)
    examples = structure.table["example"].tolist()
    # c1: D2 (2019) comes before D1 (2020); th3 has no concept: its own passage
    assert examples == ["«\u00a0Deuxième.\u00a0»", "«\u00a0Troisième.\u00a0»",
                        "«\u00a0C3 un.\u00a0»", "«\u00a0Th3.\u00a0»"]  # fmt: skip
    assert structure.table["example_source"].tolist()[0] == "compte rendu D2, 2019"


def test_missing_levels_are_said_in_french(book):
    codes = CODES.assign(level=CODES["level"].replace({"first_order": None}))
    partial = gioia_structure(Codebook.from_frame(codes), CODINGS, root="g")
    assert partial.missing == ("first_order",)
    assert partial.table["second_order"].tolist() == ["g.dim1.th1", "g.dim1.th2", "g.dim2.th3"]
    assert partial.table["codings"].tolist() == [5, 2, 1]  # a theme counts the codes under it
    assert "Les concepts de premier ordre manquent" in partial.message
    assert "`level: first_order`" in partial.message
    none = gioia_structure(Codebook.from_frame(CODES.drop(columns="level")), CODINGS)
    assert none.empty and none.table.empty
    assert "n'a de niveau Gioia" in none.message and "level: first_order" in none.message
    with pytest.raises(InputError, match="nothing to draw"):
        plot_gioia(none)


def test_levels_out_of_order_are_noted(book):
    codes = CODES.assign(level=CODES["level"].where(CODES["code"] != "g.dim1.th1.c1.detail",
                                                    "second_order"))  # fmt: skip
    structure = gioia_structure(Codebook.from_frame(codes), CODINGS)
    assert any("`g.dim1.th1.c1.detail` (thème de second ordre) est placé sous "
               "`g.dim1.th1.c1` (concept de premier ordre)" in note for note in structure.notes)  # fmt: skip


def test_the_figure_shows_each_box_and_is_the_same_every_time(book):
    structure = gioia_structure(book, CODINGS, examples=True, documents=DOCUMENTS)
    fig = plot_gioia(structure, title="Structure")
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert {"Concept un\n(n = 3)", "Thème un\n(n = 5)", "Dimension un\n(n = 7)",
            "Thème trois\n(n = 1)", "Concepts de premier ordre", "Exemple de verbatim"} <= set(texts)  # fmt: skip
    assert figure_bytes(fig, "svg") == figure_bytes(plot_gioia(structure, title="Structure"), "svg")


def test_codebook_gioia_command(tmp_path: Path, capsys):
    root = tmp_path / "these"
    assert main(["init", str(root)]) == 0
    (root / "codebook" / "g.yaml").write_text(
        "id: g\ncodable: false\ncodes:\n"
        "  - {id: dim, label: Dimension, level: aggregate, codable: false, codes: [\n"
        "      {id: theme, label: Thème, level: second_order, codes: [\n"
        "        {id: concept, label: Concept, level: first_order}]}]}\n"
        "  - {id: libre, label: Libre}\n",
        encoding="utf-8",
    )
    out, table = tmp_path / "fig" / "gioia.svg", tmp_path / "gioia.xlsx"
    assert main(["codebook", "gioia", "g", "--out", str(out), "--table", str(table),
                 "-C", str(root)]) == 0  # fmt: skip
    assert out.read_bytes().startswith(b"<?xml") and b"<svg" in out.read_bytes()
    readers = pd.read_excel(table)
    assert readers.columns[:2].tolist() == ["dimension agrégée", "thème de second ordre"]
    assert readers.iloc[0, :3].tolist() == ["Dimension", "Thème", "Concept"]
    assert "concepts de premier ordre → thèmes de second ordre → dimensions agrégées" in (
        capsys.readouterr().out
    )
    assert main(["codebook", "gioia", "g.libre", "--out", str(tmp_path / "x.svg"),
                 "-C", str(root)]) == 1  # fmt: skip
    assert "n'a de niveau Gioia" in capsys.readouterr().out
    assert not (tmp_path / "x.svg").exists()
    assert main(["codebook", "gioia", "--out", str(tmp_path / "x.jpg"), "-C", str(root)]) == 1
    assert "name the file .svg, .png or .pdf" in capsys.readouterr().err
