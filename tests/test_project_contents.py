"""What a project has, as the chapters ask it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from research.errors import ValidationFailed
from research.project import (
    ProjectContents,
    coding_start_message,
    document_grouping,
    init_project,
    missing_tables_message,
    open_project,
    project_contents,
)

DATA = Path(__file__).resolve().parent / "data"
DOCUMENT = (
    "---\nid: {doc_id}\nkind: interview\n---\nEnquêtrice : Bonjour.\n\nLéa : Bonjour à vous.\n"
)


def _new_project(tmp_path: Path) -> Path:
    root = tmp_path / "these"
    init_project(root)
    return root


def test_an_empty_project_has_nothing_and_says_so(tmp_path):
    contents = project_contents(open_project(_new_project(tmp_path)))
    assert contents == ProjectContents()
    assert not (contents.has_documents or contents.has_actors or contents.has_codings)
    assert contents.main_coder() is None
    assert contents.missing_tables(["editions", "actors"]) == ("editions", "actors")


def test_a_project_with_tables_documents_codes_and_coders(tmp_path):
    root = _new_project(tmp_path)
    for table in (DATA / "network").glob("*.csv"):
        shutil.copyfile(table, root / "corpus" / "tables" / table.name)
    folder = root / "corpus" / "documents" / "interviews"
    folder.mkdir()
    for doc_id in ("INT01", "INT02"):
        (folder / f"{doc_id}.md").write_text(DOCUMENT.format(doc_id=doc_id), encoding="utf-8")
    (root / "codebook" / "terrain.yaml").write_text(
        "id: terrain\nlabel: Terrain\ncodable: false\ncodes:\n"
        "  - {id: accueil, label: Accueil}\n  - {id: refus, label: Refus}\n",
        encoding="utf-8",
    )
    header = "coder,doc_id,start,end,code,quote,memo,created\n"
    line = "{coder},INT0{n},{start},{end},terrain.accueil,{quote},,2024-01-01T00:00:00Z\n"
    rows = {"zoe": 2, "ana": 1}
    project = open_project(root)
    offset = project.corpus.text("INT01").index("Bonjour à vous")
    for coder, n in rows.items():
        body = "".join(
            line.format(coder=coder, n=i, start=offset, end=offset + 14, quote="Bonjour à vous")
            for i in range(1, n + 1)
        )
        (root / "corpus" / "codings" / f"{coder}.csv").write_text(header + body, encoding="utf-8")
    contents = project_contents(open_project(root))
    assert contents.n_documents == 2 and contents.kinds == ("interview",)
    assert contents.tables == ("actors", "editions", "participations", "projects", "workshops")
    assert contents.codes == ("terrain.accueil", "terrain.refus")
    assert contents.coders == ("zoe", "ana")  # most codings first, not by name
    assert contents.main_coder() == "zoe" and contents.main_coder("ana") == "ana"
    assert (
        contents.has_actors and contents.has_codes("terrain.*") and not contents.has_codes("iw.*")
    )


def test_a_broken_file_is_still_an_error(tmp_path):
    root = _new_project(tmp_path)
    (root / "corpus" / "tables" / "editions.csv").write_text("edition_id\n\n", encoding="utf-8")
    with pytest.raises(ValidationFailed):
        project_contents(open_project(root))


def test_document_grouping_prefers_the_asked_attribute_then_a_shared_one():
    docs = pd.DataFrame(
        {
            "doc_id": ["A", "B", "C"],
            "kind": ["interview"] * 3,
            "source": ["a.trs", "b.trs", "b.trs"],  # how it was made: never a group
            "themes": [["x"], ["x"], ["y"]],  # lists: not a grouping attribute
            "unique": ["1", "2", "3"],  # no two documents share it
            "site": ["Lons", "Dole", "Lons"],
        }
    )
    attribute, why = document_grouping(docs, preferred="respondent_category")
    assert attribute == "site"
    assert "`respondent_category`" in why and "`site`" in why
    assert document_grouping(docs, preferred="unique")[0] == "unique"
    assert document_grouping(docs[["doc_id", "kind", "unique"]])[0] == "doc_id"
    assert document_grouping(docs.iloc[0:0])[0] == "doc_id"


def test_messages_say_what_is_missing_and_how_to_go_on():
    message = missing_tables_message(["workshops"], purpose="Le réseau", then="Rien d'autre.")
    assert message.startswith("Le réseau a besoin de la table `workshops` dans `corpus/tables/`")
    assert message.endswith("`docs/formats.md`. Rien d'autre.")
    first = coding_start_message(ProjectContents())
    assert "research import" in first and "codebook/" in first and "research code text" in first
    ready = coding_start_message(ProjectContents(n_documents=3, codes=("a.b",)))
    assert "research import" not in ready and "codebook/" not in ready
    assert "research.CodingSession" in ready
