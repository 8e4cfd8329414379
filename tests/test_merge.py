"""``research merge``: one coder's work from another copy of the project, or a .qdpx file.

The project is made as a new user makes one; a copy of it goes to a coder who codes
apart and adds a code, while the transcript is corrected here. The merge adds what
this project lacks (placing codings on the corrected text by their quotes), adds the
new code through the codebook, refuses what would overwrite a coding here (until
``--force``) and what cannot be placed, and writes everything or nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from research.cli import main
from research.codebook import load_codebook
from research.coding import read_codings
from research.errors import UnknownIdError, WriteError
from research.files import _transaction
from research.project import merge_coder, open_project

CODEBOOK = """\
id: terrain
label: Terrain
codable: false
codes:
  - id: cooperation
    label: Coopération
  - id: territoire
    label: Territoire
"""
INT01 = "Élodie : La mairie a suivi le projet dès le début.\n\nÉlodie : Ensuite la coopérative nous a aidés.\n"
INT02 = "Marc : On s’est retrouvés à l’atelier avec le canevas.\n\nMarc : Les élus écoutaient.\n"


def _cli(*args: str) -> int:
    return main(list(args))


def _document(root: Path, doc_id: str, text: str) -> None:
    path = root / "corpus" / "documents" / f"{doc_id}.md"
    path.write_text(f"---\nid: {doc_id}\nkind: interview\n---\n{text}", encoding="utf-8")


def _code(root: Path, doc_id: str, words: str, code: str, memo: str = "") -> None:
    args = ["code", "text", doc_id, words, f"terrain.{code}", "--coder", "lea", "-C", str(root)]
    assert _cli(*args, *(["--memo", memo] if memo else [])) == 0


def _state(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


@pytest.fixture
def copies(tmp_path) -> tuple[Path, Path]:
    """This project and a copy where lea coded apart; the copy also has a document
    this project lacks, and this project's INT01 was corrected since."""
    here = tmp_path / "these"
    assert _cli("init", str(here)) == 0
    _document(here, "INT01", INT01)
    _document(here, "INT02", INT02)
    (here / "codebook" / "terrain.yaml").write_text(CODEBOOK, encoding="utf-8")
    _code(here, "INT01", "La mairie a suivi", "territoire", memo="ici")
    there = tmp_path / "portable"
    shutil.copytree(here, there)
    with (there / "codebook" / "terrain.yaml").open("a", encoding="utf-8") as handle:
        handle.write("  - id: freins\n    label: Freins\n    definition: Ce qui ralentit.\n")
    _document(there, "INT03", "Nadia : Le groupe de travail s’est réuni six fois.\n")
    _code(there, "INT01", "la coopérative nous a aidés", "cooperation")
    _code(there, "INT02", "Les élus écoutaient", "freins")
    _code(there, "INT03", "Le groupe de travail", "cooperation")
    _code(there, "INT01", "le projet dès le début", "territoire")
    assert _cli("code", "remove", "--coder", "lea", "--doc", "INT01", "--code",
                "terrain.territoire", "--start", "9", "-C", str(there)) == 0  # fmt: skip
    _code(there, "INT01", "La mairie a suivi", "territoire", memo="là")
    # here, the transcript is corrected: INT01 starts with five more characters,
    # and a passage lea coded in the copy is no longer there
    _document(here, "INT01", INT01.replace("La mairie", "Bon. La mairie").replace(
        "le projet dès le début", "notre idée"))  # fmt: skip
    assert _cli("anchor", "--apply", "-C", str(here)) == 0
    return here, there


def test_merge_adds_places_refuses_and_adds_the_new_code(copies):
    here, there = copies
    report = merge_coder(open_project(here), there, coder="lea")
    text = open_project(here).corpus.text("INT01")
    moved = text.index("la coopérative nous a aidés")
    assert moved == 62  # 69 in the copy: five characters added, 12 taken out before it
    columns = ["status", "doc_id", "start", "end", "code", "reason"]
    assert report.codings[columns].values.tolist() == [
        ["refused", "INT01", 14, 31, "terrain.territoire",
         "moved from 9-26 to 14-31 (exact); this coding has another memo here ('ici'); "
         "use --force to take the other copy's"],
        ["refused", "INT01", 27, 49, "terrain.territoire",
         "the quoted words are no longer in the text"],
        ["refused", "INT03", 8, 28, "terrain.cooperation",
         "document 'INT03' is not in this project"],
        ["added", "INT01", moved, moved + 27, "terrain.cooperation",
         "moved from 69-96 to 62-89 (exact)"],
        ["added", "INT02", 63, 82, "terrain.freins", ""],
    ]  # fmt: skip
    assert report.codes == ["terrain.freins"] and report.reanchored == ["INT01"]
    codings, problems = read_codings(here / "corpus" / "codings")
    assert problems == []
    assert codings[["doc_id", "start", "end", "code", "memo"]].values.tolist() == [
        ["INT01", 14, 31, "terrain.territoire", "ici"],
        ["INT01", moved, moved + 27, "terrain.cooperation", ""],
        ["INT02", 63, 82, "terrain.freins", ""],
    ]
    book = load_codebook(here / "codebook")
    assert book.label("terrain.freins") == "Freins"
    assert book.get("terrain.freins")["definition"] == "Ce qui ralentit."
    assert sorted(p.name for p in report.written) == ["lea.csv", "terrain.yaml"]
    assert _cli("validate", "-C", str(here)) == 0


def test_merging_twice_changes_nothing_and_force_takes_the_other_version(copies, capsys):
    here, there = copies
    merge_coder(open_project(here), there, coder="lea")
    before = _state(here)
    again = merge_coder(open_project(here), there, coder="lea")
    assert again.count("added") == 0 and again.written == [] and _state(here) == before
    assert _cli("merge", str(there), "--coder", "lea", "--force", "-C", str(here)) == 0
    out = capsys.readouterr()
    assert "updated\tINT01\t14-31\tterrain.territoire\tLa mairie a suivi" in out.out
    assert "memo was 'ici'" in out.out
    assert "lea from" in out.out and "0 added, 1 updated, 2 unchanged, 2 refused" in out.out
    codings, _ = read_codings(here / "corpus" / "codings")
    assert codings.loc[codings["start"] == 14, "memo"].tolist() == ["là"]


def test_a_dry_run_and_a_failed_write_change_nothing(copies, monkeypatch, capsys):
    here, there = copies
    before = _state(here)
    assert _cli("merge", str(there), "--coder", "lea", "--dry-run", "-C", str(here)) == 0
    assert "(dry run: nothing written)" in capsys.readouterr().out
    assert _state(here) == before
    real = _transaction.os.replace
    calls = []

    def fail_second(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(_transaction.os, "replace", fail_second)
    with pytest.raises(WriteError):
        merge_coder(open_project(here), there, coder="lea")
    monkeypatch.undo()
    assert _state(here) == before


def test_a_qdpx_file_from_the_other_copy_merges_the_same(copies, tmp_path):
    here, there = copies
    qdpx = tmp_path / "lea.qdpx"
    assert _cli("qdpx", "export", str(qdpx), "--coder", "lea", "-C", str(there)) == 0
    from_file = merge_coder(open_project(here), qdpx, coder="lea", dry_run=True)
    from_folder = merge_coder(open_project(here), there, coder="lea", dry_run=True)
    columns = ["status", "doc_id", "start", "end", "code", "quote"]
    assert from_file.codings[columns].equals(from_folder.codings[columns])
    assert from_file.codes == from_folder.codes == ["terrain.freins"]


def test_wrong_sources_are_named(copies, tmp_path, capsys):
    here, there = copies
    with pytest.raises(UnknownIdError, match="unknown coder 'zoe'"):
        merge_coder(open_project(here), there, coder="zoe")
    assert _cli("merge", str(tmp_path / "nulle-part"), "--coder", "lea", "-C", str(here)) == 1
    assert "not a project folder nor a .qdpx file" in capsys.readouterr().err
    assert _cli("merge", str(here), "--coder", "lea", "-C", str(here)) == 1
    assert "the other copy is this project itself" in capsys.readouterr().err


def test_a_code_in_neither_codebook_is_refused(copies):
    here, there = copies
    path = there / "corpus" / "codings" / "lea.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[frame["doc_id"] == "INT02", "code"] = "terrain.inconnu"
    path.write_text(frame.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
    report = merge_coder(open_project(here), there, coder="lea", dry_run=True)
    refused = report.codings[report.codings["status"] == "refused"]
    assert "code 'terrain.inconnu' is in neither codebook" in refused["reason"].tolist()
    assert report.codes == []
