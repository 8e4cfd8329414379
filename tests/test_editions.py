"""Tests of research.editions, and of the demo edition tables of the Pays Lédonien case."""

from __future__ import annotations

import functools
import importlib.util
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd
import pytest
import yaml

from research.editions import LADDER, Editions, load_tables
from research.errors import InputError, SchemaError, ValidationFailed

GOOD = Path(__file__).parent / "data" / "tables" / "good"
ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "corpus" / "tables"
MINUTES = ROOT / "corpus" / "documents" / "minutes"


@pytest.fixture
def small() -> Editions:
    return Editions.from_folder(GOOD)


# --------------------------------------------------------------------------- construction


def test_from_folder_and_properties(small):
    assert len(small.editions) == 2 and len(small.workshops) == 3
    assert len(small.participations) == 11 and len(small.projects) == 5
    assert small.actors is not None and "P10" in small.actors
    assert repr(small) == "<Editions: 2 editions, 3 workshops, 11 participations, 5 projects>"


def test_properties_are_copies(small):
    frame = small.projects
    frame["stage"] = "idea"
    assert small.projects["stage"].tolist()[0] == "enterprise"


def test_inputs_are_never_mutated():
    tables, _ = load_tables(GOOD)
    before = {name: frame.copy() for name, frame in tables.items()}
    editions = Editions.from_tables(tables)
    editions.funnel(abandoned="reached", normalize=True)
    editions.participants()
    editions.workshop_composition()
    editions.summary()
    editions._repr_html_()
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(frame, before[name])


def test_missing_required_column_is_a_schema_error():
    with pytest.raises(SchemaError, match="the projects table has no column 'stage'"):
        Editions(
            projects=pd.DataFrame({"project_id": ["R1"], "edition_id": ["E1"], "title": ["t"]})
        )


def test_from_folder_is_strict(tmp_path):
    (tmp_path / "editions.csv").write_text("edition_id,year,date\nE1,deux,2016-11-17\n")
    with pytest.raises(ValidationFailed):
        Editions.from_folder(tmp_path)


def test_empty_editions_object_answers_with_empty_frames():
    editions = Editions()
    assert editions.funnel().empty
    assert editions.participants().empty
    assert editions.summary().empty


# --------------------------------------------------------------------------- funnel (hand-worked)


def test_funnel_by_edition_keeps_abandoned_apart(small):
    funnel = small.funnel()
    assert list(funnel.index) == ["SUT2016", "SUT2017"]
    assert funnel.loc["SUT2016"].tolist() == [3, 2, 1, 1, 1, 1, 1]
    assert funnel.loc["SUT2017"].tolist() == [2, 2, 1, 1, 1, 0, 0]
    assert list(funnel.columns) == ["projects", *LADDER, "abandoned"]


def test_funnel_counts_abandoned_up_to_the_stage_reached(small):
    funnel = small.funnel(abandoned="reached")
    assert funnel.loc["SUT2016"].tolist() == [3, 3, 2, 1, 1, 1, 1]


def test_abandoned_without_known_stage_counts_as_an_idea():
    editions = Editions(projects=pd.DataFrame({
        "project_id": ["R1"], "edition_id": ["E1"], "title": ["t"], "stage": ["abandoned"]}))  # fmt: skip
    assert editions.funnel(by=None, abandoned="reached").loc["all"].tolist() == [
        1,
        1,
        0,
        0,
        0,
        0,
        1,
    ]


def test_funnel_by_holder_presence_and_shares(small):
    counts = small.funnel(by="holder_present", abandoned="reached")
    assert counts.loc[True].tolist() == [3, 3, 2, 2, 2, 1, 0]
    assert counts.loc[False].tolist() == [2, 2, 1, 0, 0, 0, 1]
    shares = small.funnel(by="holder_present", normalize=True)
    assert shares.loc[True, "working_group"] == pytest.approx(2 / 3)
    assert shares.loc[False, "idea"] == pytest.approx(1 / 2)
    assert shares.loc[True, "projects"] == 3


def test_funnel_by_several_columns(small):
    funnel = small.funnel(by=["edition_id", "workshop_type"])
    assert funnel.loc[("SUT2016", "problem_no_holder"), "projects"] == 2


def test_funnel_lists_editions_without_projects_in_date_order():
    editions = Editions(
        editions=pd.DataFrame({"edition_id": ["B", "A"], "year": [2019, 2016],
                               "date": ["2019-11-21", "2016-11-17"]}),
        projects=pd.DataFrame({"project_id": ["R1"], "edition_id": ["B"], "title": ["t"],
                               "stage": ["idea"]}),
    )  # fmt: skip
    funnel = editions.funnel()
    assert list(funnel.index) == ["A", "B"]
    assert funnel.loc["A"].sum() == 0


@pytest.mark.parametrize(("kwargs", "needle"), [
    ({"by": "colour"}, "cannot group projects by 'colour'"),
    ({"abandoned": "hidden"}, "abandoned='hidden' is not an option"),
])  # fmt: skip
def test_funnel_bad_options(small, kwargs, needle):
    with pytest.raises(InputError, match=needle):
        small.funnel(**kwargs)


# --------------------------------------------------------------------------- participants


def test_participants_first_time_and_returning(small):
    people = small.participants()
    assert set(people["actor_id"]) >= {"P07", "P10", "C0001"}
    assert "O21" not in set(people["actor_id"])  # organisations are not persons
    second = small.participants("SUT2017").set_index("actor_id")
    assert sorted(second.index) == ["C0001", "P07", "P11"]
    assert second["returning"].all()
    assert second.loc["P11", "first_edition"] == "SUT2016"
    assert second.loc["P11", "role"] == "holder"
    assert second.loc["P07", "n_editions"] == 2
    first = small.participants("SUT2016")
    assert not first["returning"].any() and len(first) == 7


def test_participants_unknown_edition(small):
    with pytest.raises(InputError, match="unknown edition 'SUT2018'") as info:
        small.participants("SUT2018")
    assert "SUT2016, SUT2017" in info.value.hint


def test_participants_without_registry_counts_every_actor():
    tables, _ = load_tables(GOOD)
    editions = Editions.from_tables({k: v for k, v in tables.items() if k != "actors"})
    assert "O21" in set(editions.participants("SUT2017")["actor_id"])
    assert "Pas de registre des acteurs" in editions._repr_html_()


def test_person_in_two_workshops_of_an_edition_is_counted_once():
    editions = Editions(
        editions=pd.DataFrame({"edition_id": ["E"], "year": [2017], "date": ["2017-11-23"]}),
        workshops=pd.DataFrame({"workshop_id": ["W1", "W2"], "edition_id": ["E", "E"],
                                "theme": ["food"] * 2, "type": ["problem_no_holder"] * 2,
                                "holder_present": [False, False]}),
        participations=pd.DataFrame({"actor_id": ["P7", "P7"], "workshop_id": ["W1", "W2"],
                                     "role": ["facilitator", "facilitator"]}),
    )  # fmt: skip
    people = editions.participants()
    assert len(people) == 1 and people.loc[0, "workshops"] == ["W1", "W2"]
    assert people.loc[0, "role"] == "facilitator"


def test_attendance(small):
    attendance = small.attendance()
    assert attendance.loc[
        "SUT2016", ["announced", "persons", "first_time", "returning", "not_recorded"]
    ].tolist() == [12, 7, 7, 0, 5]
    assert attendance.loc[
        "SUT2017", ["announced", "persons", "first_time", "returning", "not_recorded"]
    ].tolist() == [10, 3, 0, 3, 7]


# --------------------------------------------------------------------------- composition, summary


def test_workshop_composition_by_category(small):
    comp = small.workshop_composition().set_index("workshop_id")
    assert comp.loc[
        "W16-01", ["n_participants", "citizen", "project_holder", "facilitator"]
    ].tolist() == [4, 2, 1, 1]
    assert comp.loc["W17-01", "public_body"] == 1
    assert comp.loc["W16-02", "elected"] == 1
    assert comp["holder_in_room"].tolist() == [True, False, True]
    categories = [
        c
        for c in comp.columns
        if c
        not in ("edition_id", "theme", "type", "holder_present", "holder_in_room", "n_participants")
    ]
    assert (comp[categories].sum(axis=1) == comp["n_participants"]).all()


def test_workshop_composition_by_role(small):
    comp = small.workshop_composition(by="role").set_index("workshop_id")
    assert comp.loc["W16-01", ["holder", "facilitator", "participant"]].tolist() == [1, 1, 2]


def test_holder_named_but_absent_is_not_in_the_room():
    editions = Editions(
        workshops=pd.DataFrame({"workshop_id": ["W1"], "edition_id": ["E"], "theme": ["food"],
                                "type": ["holder_with_idea"], "holder_present": [True],
                                "holder": ["P1"]}),
        participations=pd.DataFrame({"actor_id": ["P2"], "workshop_id": ["W1"], "role": ["participant"]}),
    )  # fmt: skip
    assert (
        editions.workshop_composition(by="role").loc[0, "holder_in_room"] is False
        or not editions.workshop_composition(by="role").loc[0, "holder_in_room"]
    )


def test_workshop_composition_errors(small):
    with pytest.raises(InputError, match="by='age'"):
        small.workshop_composition(by="age")
    tables, _ = load_tables(GOOD)
    no_registry = Editions.from_tables({k: v for k, v in tables.items() if k != "actors"})
    with pytest.raises(InputError, match="needs the actor registry"):
        no_registry.workshop_composition()


def test_summary(small):
    summary = small.summary()
    columns = [
        "workshops",
        "holder_workshops",
        "announced",
        "persons",
        "returning",
        "projects",
        "started",
        "abandoned",
        "jobs",
    ]
    assert summary.loc["SUT2016", columns].tolist() == [2, 1, 12, 7, 0, 3, 1, 1, 2]
    assert summary.loc["SUT2017", columns].tolist() == [1, 1, 10, 3, 3, 2, 1, 0, 3]


def test_repr_html(small):
    html = small._repr_html_()
    assert html.startswith('<div class="research"><style>')
    assert "<b>2 éditions</b>" in html
    assert "7 personnes nommées" in html and "5 projets dont 2 lancés" in html
    assert "<table" in html


# --------------------------------------------------------------------------- the demo tables


@functools.lru_cache(maxsize=1)
def _load_demo() -> tuple[dict[str, pd.DataFrame], list]:
    return load_tables(DEMO, strict=True)


def demo() -> tuple[dict[str, pd.DataFrame], Editions]:
    """The demo tables (read once per session; tests must not modify them)."""
    if not (DEMO / "workshops.csv").is_file():
        pytest.skip("no demo tables")
    tables, problems = _load_demo()
    assert problems == []
    return tables, Editions.from_tables(tables)


KEY_WORKSHOPS = {
    # workshop_id: (edition, theme, type, holder, facilitator, tools)
    "W16-03": ("SUT2016", "food", "holder_with_idea", "P10", "P07", ["A01"]),
    "W16-07": ("SUT2016", "mobility", "problem_no_holder", None, "P08", ["A02"]),
    "W16-11": ("SUT2016", "textile", "idea_seeking_holder", None, "P09", ["A01"]),
    "W16-15": ("SUT2016", "energy", "holder_with_idea", "P15", "P02", ["A01"]),
    "W16-18": ("SUT2016", "ageing", "problem_no_holder", None, "P08", ["A02"]),
    "W17-02": ("SUT2017", "mobility", "holder_with_idea", "P11", "P07", ["A01"]),
    "W17-05": ("SUT2017", "food", "holder_with_idea", "P14", "P09", ["A02"]),
    "W17-09": ("SUT2017", "textile", "holder_with_idea", "P12", "P08", ["A01"]),
    "W17-12": ("SUT2017", "housing", "holder_with_idea", "P13", "P02", ["A01"]),
    "W17-16": ("SUT2017", "local_services", "problem_no_holder", None, "P07", ["A02"]),
    "W17-21": ("SUT2017", "reuse", "idea_seeking_holder", None, "P09", ["A02"]),
    "W19-01": ("SUT2019", "energy", "holder_with_idea", "P15", "P02", ["A01"]),
    "W19-04": ("SUT2019", "food", "problem_no_holder", None, "P08", ["A02"]),
    "W19-08": ("SUT2019", "mobility", "idea_seeking_holder", None, "P07", ["A02"]),
    "W19-13": ("SUT2019", "ageing", "holder_with_idea", "P13", "P09", ["A01"]),
    "W19-17": ("SUT2019", "reuse", "holder_with_idea", "P18", "P08", ["A01"]),
}

KEY_PROJECTS = {
    # workshop: (holder, stage, jobs, year_outcome, support ⊇, actants ⊇)
    "W16-03": ("P10", "enterprise", 2, 2018, set(), {"A01"}),
    "W16-15": ("P15", "enterprise", 2, 2019, set(), {"A01"}),
    "W17-02": ("P11", "enterprise", 3, 2018, {"O04", "O09", "O08"}, {"A01"}),
    "W17-05": ("P14", "launched", 1, 2019, {"O05"}, {"A02"}),
    "W17-09": ("P12", "abandoned", 0, 2018, set(), {"A05"}),
    "W17-12": ("P13", "working_group", 0, None, set(), set()),
    "W17-16": ("O21", "launched", 1, 2019, set(), set()),
    "W17-21": ("P16", "launched", 0, 2018, set(), set()),
    "W19-01": ("P15", "working_group", 0, None, set(), set()),
    "W19-04": (None, "working_group", 0, None, set(), set()),
    "W19-08": (None, "idea", 0, None, set(), set()),
    "W19-13": ("P13", "working_group", 0, None, set(), set()),
    "W19-17": ("P18", "prototype", 0, 2020, set(), set()),
}


def test_demo_editions():
    tables, _ = demo()
    editions = tables["editions"].set_index("edition_id")
    assert editions[["date", "participants"]].to_dict("index") == {
        "SUT2016": {"date": "2016-11-17", "participants": 310},
        "SUT2017": {"date": "2017-11-23", "participants": 350},
        "SUT2019": {"date": "2019-11-21", "participants": 280},
    }
    assert set(editions["place"]) == {"Juraparc, Lons-le-Saunier"}


def test_demo_workshops_and_key_rows():
    tables, _ = demo()
    workshops = tables["workshops"].set_index("workshop_id")
    expected_ids = [
        f"W{yy}-{n:02d}"
        for yy, count in (("16", 20), ("17", 25), ("19", 20))
        for n in range(1, count + 1)
    ]
    assert sorted(workshops.index) == expected_ids
    for wid, (edition, theme, kind, holder, facilitator, tools) in KEY_WORKSHOPS.items():
        row = workshops.loc[wid]
        assert (row["edition_id"], row["theme"], row["type"]) == (edition, theme, kind), wid
        assert row["holder"] == holder and bool(row["holder_present"]) is (holder is not None), wid
        assert (row["facilitator"], row["tools"]) == (facilitator, tools), wid
    share = (workshops["type"] == "holder_with_idea").mean()
    assert 0.35 <= share <= 0.45


def test_demo_participations():
    tables, editions = demo()
    parts, workshops = tables["participations"], tables["workshops"].set_index("workshop_id")
    sizes = parts.groupby("workshop_id").size()
    assert ((sizes >= 8) & (sizes <= 20)).all()
    assert (workshops["participants"] == sizes.reindex(workshops.index)).all()
    for wid, row in workshops.iterrows():
        roles = parts[parts["workshop_id"] == wid].set_index("actor_id")["role"]
        assert roles.get(row["facilitator"]) == "facilitator", wid
        if row["holder_present"]:
            assert roles.get(row["holder"]) == "holder", wid
    people = editions.participants()
    assert 550 <= people["actor_id"].nunique() <= 650
    per_person = people.groupby("actor_id")["edition_id"].nunique()
    assert 30 <= (per_person > 1).sum() <= 60
    # everyone sits at one table per edition, except facilitators who run several
    # and Monique Vuillet, who looked in on the housing table in 2017
    several = people[(people["workshops"].map(len) > 1) & (people["role"] != "facilitator")]
    assert set(zip(several["edition_id"], several["actor_id"], strict=True)) <= {("SUT2017", "P16")}


def test_demo_head_counts_agree_with_the_announced_counts():
    _, editions = demo()
    attendance = editions.attendance()
    ratio = attendance["persons"] / attendance["announced"]
    assert ((ratio > 0.65) & (ratio < 0.85)).all()
    notes = editions.editions.set_index("edition_id")["notes"]
    for edition, persons in attendance["persons"].items():
        assert f"{persons} personnes nommées" in notes[edition]


def test_demo_projects_and_public_figures():
    tables, _ = demo()
    projects = tables["projects"]
    assert 120 <= len(projects) <= 140
    assert list(projects["project_id"]) == [f"PR{i:03d}" for i in range(1, len(projects) + 1)]
    stages = Counter(projects["stage"])
    assert stages["launched"] + stages["enterprise"] == 22
    assert 10 <= stages["abandoned"] <= 15
    assert stages["idea"] > len(projects) / 2
    assert 45 <= projects["jobs"].sum() <= 55
    assert projects.loc[projects["stage"].isin(["idea", "working_group"]), "jobs"].sum() == 0
    started = projects[projects["stage"].isin(["launched", "enterprise"])]
    assert (started["year_outcome"] <= 2019).all()
    for wid, (holder, stage, jobs, outcome, support, actants) in KEY_PROJECTS.items():
        rows = projects[(projects["workshop_id"] == wid) & (projects["stage"] == stage)]
        rows = rows[rows["holder"] == holder] if holder else rows[rows["holder"].isna()]
        assert len(rows) >= 1, wid
        row = rows.iloc[0]
        assert row["jobs"] == jobs, wid
        if outcome is not None:
            assert row["year_outcome"] == outcome, wid
        assert support <= set(row["support"]) and actants <= set(row["actants"]), wid


def reached_working_group(projects: pd.DataFrame, workshops: pd.DataFrame) -> dict[bool, float]:
    """An independent count: share of projects at working group or beyond, by holder presence."""
    present = {
        w: bool(p)
        for w, p in zip(workshops["workshop_id"], workshops["holder_present"], strict=True)
    }
    totals, reached = defaultdict(int), defaultdict(int)
    for workshop, stage, at in zip(
        projects["workshop_id"], projects["stage"], projects["abandoned_at"], strict=True
    ):
        level = at if stage == "abandoned" else stage
        totals[present[workshop]] += 1
        reached[present[workshop]] += level in (
            "working_group",
            "prototype",
            "launched",
            "enterprise",
        )
    return {k: reached[k] / totals[k] for k in totals}


def test_demo_holder_hypothesis_is_testable_but_not_trivial():
    tables, editions = demo()
    shares = reached_working_group(tables["projects"], tables["workshops"])
    assert 0.55 <= shares[True] <= 0.65
    assert 0.20 <= shares[False] <= 0.30
    funnel = editions.funnel(by="holder_present", abandoned="reached", normalize=True)
    assert funnel.loc[True, "working_group"] == pytest.approx(shares[True])
    assert funnel.loc[False, "working_group"] == pytest.approx(shares[False])


def test_demo_generated_citizens():
    tables, _ = demo()
    actors = tables["actors"]
    generated = actors[actors["actor_id"].str.match(r"C\d{4}$")]
    assert list(generated["actor_id"]) == [f"C{i:04d}" for i in range(1, len(generated) + 1)]
    assert generated["label"].is_unique and actors["label"].is_unique
    assert generated["label"].str.match(r"^[A-ZÉÈÎÏÔŒÀÂÇ][\w\-éèêëïîôöûüçàâœ]+ [A-Z]\.$").all()
    assert set(generated["kind"]) == {"person"}
    assert Counter(generated["category"]).most_common(1)[0][0] == "citizen"
    assert generated["aliases"].map(len).sum() == 0


def test_demo_cast_rows_are_unchanged_at_the_top():
    text = (DEMO / "actors.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[1].startswith("P01,Claire Vautrin,person,cluster_staff,O01,")
    cast = [ln for ln in lines[1:] if not ln.startswith("C")]
    assert [ln.split(",")[0] for ln in cast][-1] == "A08"
    assert len(cast) == 31 + 23 + 8


def load_generator():
    path = ROOT / "corpus" / "generate_tables.py"
    if not path.is_file():
        pytest.skip("no generator")
    spec = importlib.util.spec_from_file_location("generate_tables", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_generator_reproduces_the_committed_tables_byte_for_byte():
    generator = load_generator()
    first = generator.generate(DEMO)
    assert first == generator.generate(DEMO)
    for name, text in first.items():
        assert (DEMO / name).read_text(encoding="utf-8") == text, f"{name} is out of date"


def test_generator_check_mode(tmp_path, capsys):
    generator = load_generator()
    (tmp_path / "actors.csv").write_text(
        (DEMO / "actors.csv").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert generator.main(["--check", "--folder", str(tmp_path)]) == 1
    assert generator.main(["--folder", str(tmp_path)]) == 0
    assert generator.main(["--check", "--folder", str(tmp_path)]) == 0
    assert "nothing" in capsys.readouterr().out


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text.split("\n---", 1)[0][4:]) or {}


def test_demo_minutes_agree_with_the_tables():
    tables, _ = demo()
    minutes = sorted(MINUTES.glob("CR-W*.md")) if MINUTES.is_dir() else []
    if not minutes:
        pytest.skip("no workshop minutes")
    workshops = tables["workshops"].set_index("workshop_id")
    parts = tables["participations"]
    for path in minutes:
        meta = front_matter(path)
        wid = meta.get("workshop")
        if wid is None:
            continue
        row = workshops.loc[wid]
        seated = set(parts.loc[parts["workshop_id"] == wid, "actor_id"])
        missing = set(meta.get("participants") or []) - seated
        assert not missing, f"{path.name}: {sorted(missing)} not in participations of {wid}"
        assert meta.get("facilitator", row["facilitator"]) == row["facilitator"], path.name
        assert meta.get("theme", row["theme"]) == row["theme"], path.name
        assert meta.get("workshop_type", row["type"]) == row["type"], path.name
        assert meta.get("edition", row["edition_id"]) == row["edition_id"], path.name
