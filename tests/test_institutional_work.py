"""Tests of research.analysis: the 18 forms, code mapping, profiles, figures, quotes."""

from __future__ import annotations

import pandas as pd
import pytest

from research.analysis import (
    FORMS,
    MISSING,
    PILLARS,
    forms_table,
    iw_code_map,
    iw_codings,
    iw_examples,
    iw_profile,
    plot_iw_profile,
    profile_matrix,
)
from research.errors import CodebookError, CodingError, InputError


@pytest.fixture(scope="module")
def tables(data_dir):
    folder = data_dir / "analysis"
    return {
        name: pd.read_csv(folder / f"{name}.csv")
        for name in ("documents", "segments", "codings", "actors")
    }


@pytest.fixture(scope="module")
def camille(tables):
    return tables["codings"][tables["codings"]["coder"] == "camille"].reset_index(drop=True)


# ------------------------------------------------------------------ the forms


def test_eighteen_forms_in_three_pillars():
    table = forms_table(language="en")
    assert len(table) == 18
    assert table.groupby("pillar", sort=False).size().to_dict() == {
        "creating": 9,
        "maintaining": 6,
        "disrupting": 3,
    }
    assert table.loc[table["pillar"] == "disrupting", "label"].tolist() == [
        "Disconnecting sanctions",
        "Disassociating moral foundations",
        "Undermining assumptions and beliefs",
    ]
    assert table.loc[table["pillar"] == "maintaining", "form"].tolist() == [
        "enabling_work",
        "policing",
        "deterring",
        "valorizing_demonizing",
        "mythologizing",
        "embedding_routinizing",
    ]


def test_french_labels_are_unique_and_accented():
    table = forms_table()
    assert table["label"].is_unique
    assert "Éducation" in set(table["label"])
    assert set(table["pillar_label"]) == set(PILLARS.values())


# ------------------------------------------------------------------ code mapping


@pytest.mark.parametrize(
    ("code", "pillar", "form"),
    [
        ("iw.creating.advocacy", "creating", "advocacy"),
        ("iw.creating.constructing-identities", "creating", "constructing_identities"),
        ("iw.creating.identities", "creating", "constructing_identities"),
        ("iw.creating.theorising", "creating", "theorizing"),
        ("iw.maintaining.enabling", "maintaining", "enabling_work"),
        ("iw.maintaining.valorizing_demonizing", "maintaining", "valorizing_demonizing"),
        ("iw.maintaining.valourizing_demonizing", "maintaining", "valorizing_demonizing"),
        ("iw.maintaining.valorising-demonising", "maintaining", "valorizing_demonizing"),
        ("iw.maintaining.Mythologising", "maintaining", "mythologizing"),
        ("iw.maintaining.embedding_routinising", "maintaining", "embedding_routinizing"),
        ("iw.maintaining.embedding", "maintaining", "embedding_routinizing"),
        ("iw.disrupting.undermining_assumptions", "disrupting", "undermining_assumptions"),
        ("iw.disrupting.moral_foundations", "disrupting", "disassociating_moral_foundations"),
        ("iw.creating.advocacy.elected", "creating", "advocacy"),
        ("iw.policing", "maintaining", "policing"),
        ("iw.maintaining", "maintaining", None),
        ("iw.creating.other", "creating", None),
        ("iw", None, None),
    ],
)
def test_iw_code_map_recognises_ids(code, pillar, form):
    row = iw_code_map([code]).iloc[0]
    assert (row["pillar"], row["form"]) == (pillar, form)


def test_iw_code_map_every_canonical_id_maps_to_itself():
    ids = [f"iw.{pillar}.{form}" for form, (pillar, *_) in FORMS.items()]
    table = iw_code_map(ids)
    assert table["form"].tolist() == list(FORMS)


def test_iw_code_map_skips_other_namespaces_and_reads_a_codebook_frame():
    frame = pd.DataFrame({"code": ["ant.enrolment", "iw.creating.vesting", "inst.deterring"]})
    assert iw_code_map(frame)["code"].tolist() == ["iw.creating.vesting"]
    assert iw_code_map(frame, namespace="inst")["form"].tolist() == ["deterring"]


def test_iw_code_map_reads_a_codebook():
    from research.codebook import Codebook

    book = Codebook.from_frame(
        pd.DataFrame({"code": ["iw", "iw.disrupting", "iw.disrupting.sanctions"]})
    )
    assert iw_code_map(book)["form"].tolist() == [None, None, "disconnecting_sanctions"]


def test_iw_code_map_form_under_the_wrong_pillar_is_a_codebook_error():
    with pytest.raises(CodebookError, match="'advocacy' under 'maintaining'") as info:
        iw_code_map(["iw.maintaining.advocacy"])
    assert "iw.creating" in info.value.hint


def test_iw_code_map_mapping(camille):
    table = iw_code_map(["iw.local.charter", "iw.local.rupture"], mapping={
        "iw.local.charter": "embedding", "iw.local.rupture": "disrupting"})  # fmt: skip
    assert table[["pillar", "form"]].values.tolist() == [
        ["maintaining", "embedding_routinizing"],
        ["disrupting", None],
    ]
    with pytest.raises(InputError, match="unknown form 'lobbying'"):
        iw_code_map(["iw.x"], mapping={"iw.x": "lobbying"})


def test_iw_codings_keeps_institutional_work_only(camille):
    found = iw_codings(camille)
    assert found["code"].tolist() == [
        "iw.creating.advocacy",
        "iw.creating.advocacy",
        "iw.maintaining.policing",
        "iw.creating.advocacy",
        "iw.disrupting.sanctions",
    ]
    assert found["pillar"].tolist() == [
        "creating",
        "creating",
        "maintaining",
        "creating",
        "disrupting",
    ]


def test_iw_codings_twice_gives_the_same_frame(camille, tables):
    once = iw_codings(camille)
    pd.testing.assert_frame_equal(iw_codings(once), once)
    profile = iw_profile(once, tables["documents"], by="edition", level="pillar")
    assert profile["n"].sum() == 5


def test_iw_codings_refuses_mixed_coders(tables):
    with pytest.raises(CodingError, match="mix 2 coders"):
        iw_codings(tables["codings"])


# -------------------------------------------------------------------- profiles


def test_profile_by_edition_pillars_hand_worked(camille, tables):
    p = iw_profile(camille, tables["documents"], by="edition", level="pillar")
    assert p[["edition", "pillar", "n", "n_group"]].values.tolist() == [
        ["SUT2016", "creating", 2, 3],
        ["SUT2016", "maintaining", 1, 3],
        ["SUT2016", "disrupting", 0, 3],
        ["SUT2017", "creating", 1, 2],
        ["SUT2017", "maintaining", 0, 2],
        ["SUT2017", "disrupting", 1, 2],
    ]
    assert p.groupby("edition")["share"].sum().tolist() == pytest.approx([1.0, 1.0])
    assert p["label"].tolist()[:3] == ["créer", "maintenir", "perturber"]


#: The group of passages without a speaker in the fixture's minutes.
MINUTES = "(sans locuteur : compte rendu)"


def test_profile_by_speaker_category_forms(camille, tables):
    p = iw_profile(
        camille, tables["documents"], segments=tables["segments"], actors=tables["actors"]
    )
    assert len(p) == 18 * 3
    assert p["actor_category"].unique().tolist() == [MINUTES, "elected", "project_holder"]
    nonzero = p[p["n"] > 0][["actor_category", "form", "n", "n_group"]].values.tolist()
    assert nonzero == [
        [MINUTES, "disconnecting_sanctions", 1, 1],
        ["elected", "advocacy", 1, 1],
        ["project_holder", "advocacy", 2, 3],
        ["project_holder", "policing", 1, 3],
    ]


def test_profile_agrees_with_a_groupby(camille, tables):
    p = iw_profile(camille, tables["documents"], by="respondent_category", unit="document")
    merged = iw_codings(camille).merge(tables["documents"], on="doc_id")
    merged["respondent_category"] = merged["respondent_category"].fillna(MISSING)
    expected = merged.groupby(["respondent_category", "form"])["doc_id"].nunique()
    got = p.set_index(["respondent_category", "form"])["n"]
    assert got[got > 0].to_dict() == expected.to_dict()


def test_profile_of_the_whole_corpus_and_by_organisation(camille, tables):
    p = iw_profile(camille, tables["documents"], by=None, level="pillar")
    assert p[["pillar", "n", "n_group"]].values.tolist() == [
        ["creating", 3, 5],
        ["maintaining", 1, 5],
        ["disrupting", 1, 5],
    ]
    org = iw_profile(camille, tables["documents"], by="organisation_label", level="pillar",
                     actors=tables["actors"])  # fmt: skip
    assert set(org["organisation_label"]) == {"ECLA", "Vrac'n Roule", MINUTES}


def test_profile_codes_without_form_count_for_their_pillar_only(tables):
    cods = pd.DataFrame({"doc_id": ["INT01", "INT01"], "start": [0, 5], "end": [3, 8],
                         "code": ["iw.creating", "iw.creating.mimicry"]})  # fmt: skip
    pillars = iw_profile(cods, tables["documents"], by=None, level="pillar")
    assert pillars.loc[0, ["n", "n_group"]].tolist() == [2, 2]
    forms = iw_profile(cods, tables["documents"], by=None)
    assert forms.loc[forms["form"] == "mimicry", ["n", "n_group"]].values.tolist() == [[1, 1]]


def test_profile_errors(camille, tables):
    with pytest.raises(InputError, match="level must be"):
        iw_profile(camille, tables["documents"], by="edition", level="pillars")
    with pytest.raises(InputError, match="no attribute 'actor_category'"):
        iw_profile(camille, tables["documents"])


def test_profile_matrix(camille, tables):
    p = iw_profile(camille, tables["documents"], by="edition", level="pillar")
    m = profile_matrix(p, value="n")
    assert m.to_dict("index") == {
        "SUT2016": {"créer": 2, "maintenir": 1, "perturber": 0, "n": 3},
        "SUT2017": {"créer": 1, "maintenir": 0, "perturber": 1, "n": 2},
    }
    shares = profile_matrix(p)
    assert shares.loc["SUT2016", "créer"] == pytest.approx(2 / 3)


# --------------------------------------------------------------------- figures


@pytest.mark.parametrize("kind", ["bars", "heatmap"])
def test_plot_iw_profile(camille, tables, kind):
    p = iw_profile(camille, tables["documents"], by="edition")
    fig = plot_iw_profile(p, kind=kind, title="Profils")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["SUT2016 (n = 3)", "SUT2017 (n = 2)"]
    assert ax.get_title() == "Profils"
    if kind == "bars":
        assert len(ax.patches) == 18 * 2
        widths = [bar.get_width() for bar in ax.patches]
        assert sum(widths) == pytest.approx(2.0)
    else:
        assert sorted(t.get_text() for t in ax.texts) == ["1", "1", "1", "2"]


def test_plot_iw_profile_min_n_and_bad_kind(camille, tables):
    p = iw_profile(camille, tables["documents"], by="edition", level="pillar")
    fig = plot_iw_profile(p, min_n=3)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["SUT2016 (n = 3)"]
    with pytest.raises(InputError, match="kind must be"):
        plot_iw_profile(p, kind="pie")


# ---------------------------------------------------------------------- quotes


def test_iw_examples_earliest_quote_per_cell(camille, tables):
    ex = iw_examples(camille, tables["documents"], by="edition", actors=tables["actors"],
                     segments=tables["segments"])  # fmt: skip
    assert ex[["edition", "form", "doc_id", "start"]].values.tolist() == [
        ["SUT2016", "advocacy", "INT01", 12],
        ["SUT2016", "policing", "INT01", 60],
        ["SUT2017", "advocacy", "INT02", 25],
        ["SUT2017", "disconnecting_sanctions", "CR01", 5],
    ]
    assert ex["reference"].tolist() == [
        "Élodie, porteuse de projet, 2019",
        "Élodie, porteuse de projet, 2019",
        "Bernard, élu, 2020",
        "compte rendu CR01, 2017",
    ]
    assert ex.loc[0, "verbatim"] == "«\u00a0On est allés voir l’élu […]\u00a0»"


def test_iw_examples_several_per_cell_and_pillars(camille, tables):
    ex = iw_examples(
        camille, tables["documents"], by=None, level="pillar", per_cell=2, style="code"
    )
    assert ex[["pillar", "doc_id", "start"]].values.tolist() == [
        ["creating", "INT01", 12],
        ["creating", "INT01", 55],
        ["maintaining", "INT01", 60],
        ["disrupting", "CR01", 5],
    ]
    with pytest.raises(InputError, match="per_cell"):
        iw_examples(camille, tables["documents"], per_cell=0)


def test_the_project_codebook_maps_all_eighteen_forms(repo_root):
    folder = repo_root / "codebook"
    if not (folder / "institutional_work.yaml").is_file():
        pytest.skip("the demo codebook is not in this checkout")
    from research.codebook import load_codebook

    table = iw_code_map(load_codebook(folder))
    assert sorted(table["form"].dropna()) == sorted(FORMS)
    assert table["pillar"].notna().sum() == len(table) - 1  # every code but the root


@pytest.mark.slow
def test_chapter_04_runs_on_the_demo_project(repo_root, tmp_path):
    import shutil

    from research.corpus import load_corpus
    from research.pipeline import execute_notebook

    for name in ("corpus/documents", "corpus/tables", "codebook"):
        if not (repo_root / name).is_dir():
            pytest.skip(f"the demo project has no {name} in this checkout")
        shutil.copytree(repo_root / name, tmp_path / name)
    corpus = load_corpus(tmp_path / "corpus" / "documents", root=tmp_path)
    interviews = corpus.segments[corpus.segments["doc_id"].str.startswith("INT")]
    from research.codebook import load_codebook

    codes = load_codebook(tmp_path / "codebook").codes
    pillar_ids = ["iw.creating", "iw.maintaining", "iw.disrupting"]
    forms = sorted(codes.loc[codes["parent"].isin(pillar_ids), "code"])
    assert len(forms) == 18
    rows = [
        {"coder": "camille", "doc_id": s.doc_id, "start": s.start, "end": s.start + 40,
         "code": forms[i % 18], "quote": corpus.text(s.doc_id)[s.start : s.start + 40], "memo": "",
         "created": "2024-01-01T00:00:00Z"}
        for i, s in enumerate(interviews[interviews["end"] - interviews["start"] > 60].iloc[::5].itertuples())
    ]  # fmt: skip
    (tmp_path / "corpus" / "codings").mkdir()
    pd.DataFrame(rows).to_csv(tmp_path / "corpus" / "codings" / "camille.csv", index=False)
    out = tmp_path / "outputs" / "run"
    out.mkdir(parents=True)
    notebook = repo_root / "notebooks" / "04-institutional-work.ipynb"
    execute_notebook(notebook, out / notebook.name, cwd=tmp_path,
                     env={"RESEARCH_OUTPUT_DIR": str(out)})  # fmt: skip
    pillars = pd.read_csv(out / "tables" / "pillars_by_actor_category.csv")
    assert pillars["n"].sum() == len(rows)
    gioia = pd.read_csv(out / "tables" / "gioia_structure.csv")
    assert len(gioia) == 18 and gioia["codings"].sum() == len(rows)  # one row per form
    assert gioia["aggregate"].drop_duplicates().tolist() == pillar_ids
    assert (out / "figures" / "gioia_structure.svg").is_file()
    assert set(pillars["pillar"]) == set(PILLARS)
    verbatims = (out / "quotes" / "verbatims_by_actor_category.md").read_text(encoding="utf-8")
    assert "«\u00a0" in verbatims and "porteu" in verbatims
    assert (out / "figures" / "forms_by_edition.svg").is_file()
