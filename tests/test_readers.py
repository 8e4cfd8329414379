"""What a reader sees: French headers and labels in XLSX, LaTeX and notebooks; ids in CSV."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest

from research.pipeline import _outputs as report
from research.vocabulary import COLUMN_KINDS, COLUMN_LABELS, VOCABULARY, readers_table

CODES = {"sut.levers.method": "Méthode", "iw.creating": "Créer"}


@pytest.fixture
def out(tmp_path):
    report.set_output_dir(tmp_path)
    yield tmp_path
    report.set_output_dir(None)


def _funnel() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "edition_id": ["SUT2016"],
            "projects": [5],
            "idea": [5],
            "working_group": [3],
            "abandoned": [1],
        }
    ).set_index("edition_id")


def test_xlsx_has_french_headers_and_no_ids(out):
    saved = report.save_table(_funnel(), "funnel", formats=("csv", "xlsx"))
    back = pd.read_excel(out / "tables" / "funnel.xlsx")
    assert back.columns.tolist() == [
        "édition",
        "projets",
        "idée",
        "groupe de travail",
        "abandonnés",
    ]
    assert not {"edition_id", "projects", "idea", "working_group"} & set(back.columns)
    assert saved.paths[0].read_text(encoding="utf-8") == (
        "edition_id,projects,idea,working_group,abandoned\nSUT2016,5,5,3,1\n"
    )


def test_xlsx_labels_values_and_codes(out):
    table = pd.DataFrame(
        {
            "code": ["sut.levers.method", "iw.creating"],
            "category": ["citizen", "cluster_staff"],
            "kappa": [0.5, 0.25],
        }
    )
    report.save_table(table, "codes", formats=("csv", "xlsx"), codebook=CODES)
    back = pd.read_excel(out / "tables" / "codes.xlsx")
    assert back.to_dict("list") == {
        "code": ["Méthode", "Créer"],
        "catégorie": ["citoyens", "équipe du pôle"],
        "kappa": [0.5, 0.25],
    }
    text = (out / "tables" / "codes.csv").read_text(encoding="utf-8")
    assert (
        text
        == "code,category,kappa\nsut.levers.method,citizen,0.5\niw.creating,cluster_staff,0.25\n"
    )


def test_code_ids_as_columns_and_index_take_their_labels(out):
    matrix = pd.DataFrame(
        [[1, 2], [2, 1]], index=pd.Index(list(CODES), name="code"), columns=list(CODES)
    )
    tex = report.table_bytes(matrix, "tex", name="m", codebook=CODES).decode()
    assert "Méthode" in tex and "Créer" in tex and "sut.levers.method" not in tex
    assert b"sut.levers.method" in report.table_bytes(matrix, "csv", codebook=CODES)


def test_a_label_column_repeating_the_codes_is_dropped():
    table = pd.DataFrame({"code": list(CODES), "label": list(CODES.values()), "n": [1, 2]})
    shown = readers_table(table, codebook=CODES)
    assert shown.columns.tolist() == ["code", "effectif"]
    assert readers_table(table).columns.tolist() == ["code", "libellé", "effectif"]


def test_readers_table_labels_the_index_and_keeps_the_input():
    table = pd.DataFrame(
        {"persons": [3, 2]},
        index=pd.MultiIndex.from_tuples(
            [("SUT2016", "citizen"), ("SUT2016", "elected")], names=["edition_id", "category"]
        ),
    )
    before = table.copy()
    shown = readers_table(table)
    assert list(shown.index.names) == ["édition", "catégorie"]
    assert shown.index.get_level_values(1).tolist() == ["citoyens", "élus"]
    pd.testing.assert_frame_equal(table, before)


def test_unknown_names_and_values_stay():
    table = pd.DataFrame({"my_column": ["x"], "category": ["local_cooperative"]})
    assert readers_table(table).to_dict("list") == {
        "my_column": ["x"],
        "catégorie": ["local_cooperative"],
    }


def test_headers_that_would_read_the_same_are_told_apart():
    table = pd.DataFrame({"edition": ["A"], "edition_id": ["B"]})
    assert readers_table(table).columns.tolist() == ["édition", "édition (edition_id)"]


def test_a_bad_codebook_is_refused():
    with pytest.raises(TypeError, match="mapping of code to label"):
        readers_table(pd.DataFrame({"code": ["a"]}), codebook=3)


def test_every_value_kind_of_a_column_exists():
    assert {kind for kinds in COLUMN_KINDS.values() for kind in kinds} <= set(VOCABULARY)


# Column names of the tables the five chapters write on the demo project.
CHAPTER_COLUMNS = [
    "edition",
    "node",
    "label",
    "coordinator",
    "itinerant",
    "gatekeeper",
    "representative",
    "liaison",
    "brokerage",
    "betweenness",
    "constraint",
    "degree",
    "brokerage_share",
    "actor",
    "previous",
    "actors",
    "retained",
    "new",
    "gone",
    "retention",
    "ties",
    "ties_retained",
    "tie_jaccard",
    "core_size",
    "core_retained",
    "core_jaccard",
    "graph_type",
    "nodes",
    "edges",
    "density",
    "transitivity",
    "average_clustering",
    "components",
    "largest_component",
    "isolates",
    "mean_degree",
    "degree_centralization",
    "kind",
    "category",
    "degree_centrality",
    "weighted_degree",
    "eigenvector",
    "effective_size",
    "core",
    "main_core",
    "community",
    "moment",
    "total",
    "code",
    "n_units",
    "n_coded",
    "prevalence",
    "percent_agreement",
    "kappa",
    "kappa_method",
    "kappa_bp",
    "alpha",
    "alpha_low",
    "alpha_high",
    "p_alpha_below_min",
    "domain",
    "coded",
    "alpha_binary",
    "observed_binary",
    "expected_binary",
    "low_binary",
    "high_binary",
    "alpha_coding",
    "observed_coding",
    "expected_coding",
    "low_coding",
    "high_coding",
    "coverage_coding",
    "coefficient",
    "scope",
    "observed",
    "expected",
    "low",
    "high",
    "coverage",
    "code_a",
    "code_b",
    "value",
    "label_a",
    "label_b",
    "respondent_category",
    "n",
    "n_documents",
    "doc_id",
    "start",
    "end",
    "quote",
    "reference",
    "speaker",
    "left",
    "match",
    "right",
    "documents",
    "segments",
    "words",
    "characters",
    "lemma",
    "count",
    "group",
    "turns",
    "row",
    "column",
    "shape",
    "test",
    "statistic",
    "dof",
    "p_value",
    "odds_ratio",
    "ci_low",
    "ci_high",
    "cramers_v",
    "min_expected",
    "caveat",
    "edition_id",
    "date",
    "announced",
    "persons",
    "first_time",
    "returning",
    "not_recorded",
    "workshops",
    "holder_workshops",
    "projects",
    "started",
    "abandoned",
    "jobs",
    "workshop_type",
    "type",
    "holder_present",
    "support_in_room",
    "elected_in_room",
    "mean_participants",
    "pillar",
    "form",
    "pillar_label",
    "actor_category",
    "n_group",
    "share",
    "organisation_label",
]
PIVOTED = [
    "idea",
    "working_group",
    "prototype",
    "launched",
    "enterprise",
    "holder_with_idea",
    "idea_seeking_holder",
    "problem_no_holder",
    "interview",
    "logbook",
    "minutes",
    "citizen",
    "cluster_staff",
    "elected",
    "facilitator",
    "funder",
    "project_holder",
    "support_org",
]


@pytest.mark.parametrize("name", CHAPTER_COLUMNS + PIVOTED)
def test_every_chapter_column_has_a_french_header(name):
    header = readers_table(pd.DataFrame({name: [1]})).columns[0]
    assert header != name or name in {
        "date",
        "code",
        "total",
        "kappa",
        "moment",
        "test",
        "documents",
        "segments",
        "prototype",
        "type",
    }
    assert name in COLUMN_LABELS or name in PIVOTED


def test_the_notebook_shows_every_column_of_a_wide_table(out):
    codes = {f"c.{i:02d}": f"Code {i:02d}" for i in range(67)}
    wide = pd.DataFrame([[i] * 67 for i in range(3)], columns=list(codes))
    html = report.save_table(wide, "wide", formats=("csv",), codebook=codes)._repr_html_()
    headers = re.findall(r"<th[^>]*>([^<]*)</th>", html)
    assert headers == list(codes.values())
    assert "…" not in html and "..." not in html
    assert '<div class="scroll">' in html


def test_the_notebook_caps_a_long_table_and_says_so(out):
    long = pd.DataFrame({"n": range(report.SHOWN_ROWS + 5)})
    saved = report.save_table(long, "long", formats=("csv", "xlsx"))
    html = saved._repr_html_()
    assert html.count("<tr>") == report.SHOWN_ROWS + 1
    assert f"Seules les {report.SHOWN_ROWS} premières lignes sur {report.SHOWN_ROWS + 5}" in html
    assert len(pd.read_excel(io.BytesIO(saved.paths[1].read_bytes()))) == report.SHOWN_ROWS + 5
    short = report.save_table(long.head(3), "short", formats=("csv",))._repr_html_()
    assert "premières lignes" not in short


def test_a_label_column_with_gaps_is_dropped_and_pillar_labels_too():
    agreement = pd.DataFrame(
        {"code": ["(all codes)", "iw.creating"], "label": [None, "Créer"], "kappa": [0.5, 0.4]}
    )
    shown = readers_table(agreement, codebook=CODES)
    assert shown.to_dict("list") == {"code": ["(tous les codes)", "Créer"], "kappa": [0.5, 0.4]}
    profile = pd.DataFrame({"pillar": ["creating"], "pillar_label": ["créer"], "n": [3]})
    assert readers_table(profile).to_dict("list") == {"pilier": ["créer"], "effectif": [3]}


def test_values_label_the_cells_of_other_columns(out):
    profile = pd.DataFrame({"form": ["advocacy"], "label": ["Plaidoyer"], "n": [2]})
    forms = {"form": {"advocacy": "Plaidoyer"}}
    report.save_table(profile, "forms", formats=("csv", "xlsx"), values=forms)
    back = pd.read_excel(out / "tables" / "forms.xlsx")
    assert back.to_dict("list") == {"forme": ["Plaidoyer"], "effectif": [2]}
    assert "advocacy" in (out / "tables" / "forms.csv").read_text(encoding="utf-8")
