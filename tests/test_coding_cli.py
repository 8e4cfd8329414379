"""Tests of the coding commands: research code …, research codebook …, research anchor."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from research.cli import main
from research.codebook import load_codebook
from research.coding import load_codings

DATA = Path(__file__).resolve().parent / "data" / "coding"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "documents", tmp_path / "corpus" / "documents")
    shutil.copytree(DATA / "codebook", tmp_path / "codebook")
    (tmp_path / "corpus" / "codings").mkdir()
    return tmp_path


def run(project: Path, *args: str) -> int:
    return main([*args, "-C", str(project)])


def codings(project: Path):
    return load_codings(project / "corpus" / "codings")


def test_code_text_span_segment_and_list(project, capsys):
    assert (
        run(
            project,
            "code",
            "text",
            "INT01",
            "sans car le samedi",
            "sut.barriers.territory",
            "-c",
            "lea",
        )
        == 0
    )
    assert (
        run(project, "code", "span", "INT01", "0", "3", "sut.trust", "-c", "lea", "--memo", "essai")
        == 0
    )
    assert run(project, "code", "segment", "CR-01:0001", "sut.barriers.fear", "-c", "zoe") == 0
    found = codings(project)
    assert sorted(found["code"]) == ["sut.barriers.fear", "sut.barriers.territory", "sut.trust"]
    assert found.loc[found["code"] == "sut.trust", "memo"].tolist() == ["essai"]
    capsys.readouterr()
    assert run(project, "code", "list", "--code", "sut.barriers", "-c", "lea") == 0
    out = capsys.readouterr()
    assert "sans car le samedi" in out.out and "1 coding(s)" in out.err


def test_code_matches_dry_run_and_save(project, capsys):
    assert (
        run(project, "code", "matches", "car", "sut.barriers.territory", "-c", "lea", "--dry-run")
        == 0
    )
    assert "nothing saved" in capsys.readouterr().out
    assert not (project / "corpus" / "codings" / "lea.csv").exists()
    assert (
        run(
            project,
            "code",
            "matches",
            "peur",
            "sut.barriers.fear",
            "-c",
            "lea",
            "--segment",
            "--kind",
            "minutes",
        )
        == 0
    )
    assert codings(project)["quote"].tolist() == ["Les retraités ont peur de conduire la nuit."]
    assert run(project, "code", "remove", "-c", "lea", "--code", "sut.barriers.fear") == 0
    assert codings(project).empty


def test_code_errors_are_one_line(project, capsys):
    assert run(project, "code", "text", "INT01", "absent du texte", "sut.trust", "-c", "lea") == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "not in INT01" in err and "Traceback" not in err
    assert run(project, "code", "span", "INT01", "0", "3", "sut.barriers", "-c", "lea") == 1
    assert "is a category" in capsys.readouterr().err


def test_retrieve_and_show(project, capsys, tmp_path):
    run(
        project,
        "code",
        "text",
        "INT01",
        "sans car le samedi",
        "sut.barriers.territory",
        "-c",
        "lea",
    )
    capsys.readouterr()
    assert run(project, "code", "retrieve", "sut.barriers", "--context", "5") == 0
    out = capsys.readouterr().out
    assert "[INT01, Élodie, 2019-12-16] (sut.barriers.territory, lea)" in out
    target = tmp_path / "passages.csv"
    assert run(project, "code", "retrieve", "sut", "--out", str(target)) == 0
    assert "citation" in target.read_text().splitlines()[0]
    assert run(project, "code", "show", "INT01", "-c", "lea") == 0
    page = (project / "outputs" / "coding" / "INT01-lea.html").read_text()
    assert "<mark" in page and "Territoire" in page


def test_codebook_show_rename_and_dry_run(project, capsys):
    run(
        project,
        "code",
        "text",
        "INT01",
        "sans car le samedi",
        "sut.barriers.territory",
        "-c",
        "lea",
    )
    assert run(project, "codebook", "show", "sut.barriers") == 0
    assert "territory  Territoire" in capsys.readouterr().out
    assert run(project, "codebook", "rename", "sut.barriers", "sut.obstacles", "--dry-run") == 0
    assert "nothing written" in capsys.readouterr().out
    assert "sut.barriers" in load_codebook(project / "codebook")
    assert run(project, "codebook", "rename", "sut.barriers", "sut.obstacles") == 0
    out = capsys.readouterr().out
    assert "wrote codebook/sut.yaml" in out and "wrote corpus/codings/lea.csv" in out
    assert codings(project)["code"].tolist() == ["sut.obstacles.territory"]


def test_codebook_move_merge_split_delete(project, capsys):
    run(
        project,
        "code",
        "text",
        "INT01",
        "sans car le samedi",
        "sut.barriers.territory",
        "-c",
        "lea",
    )
    run(project, "code", "text", "INT01", "la fromagerie", "sut.cooperation", "-c", "lea")
    assert run(project, "codebook", "move", "sut.barriers.fear", "sut") == 0
    assert "sut.fear" in load_codebook(project / "codebook")
    assert run(project, "codebook", "move", "sut.fear") == 2  # neither parent nor --root
    assert run(project, "codebook", "merge", "sut.fear", "sut.trust") == 0
    assert (
        run(
            project,
            "codebook",
            "split",
            "sut.cooperation",
            "--into",
            "local",
            "--into",
            "other",
            "--rule",
            "local=fromagerie",
        )
        == 0
    )
    assert (
        codings(project).set_index("quote").loc["la fromagerie", "code"] == "sut.cooperation.local"
    )
    assert run(project, "codebook", "split", "sut.trust", "--into", "a", "--rule", "nonsense") == 2
    capsys.readouterr()
    assert run(project, "codebook", "delete", "sut.barriers") == 1
    assert "reassign them" in capsys.readouterr().err
    assert run(project, "codebook", "delete", "sut.barriers", "--force") == 0
    assert (project / "corpus" / "codings" / "archive" / "lea.csv").is_file()
    assert set(codings(project)["code"]) == {"sut.cooperation.local"}


def test_codebook_export(project, tmp_path, capsys):
    run(
        project,
        "code",
        "text",
        "INT01",
        "sans car le samedi",
        "sut.barriers.territory",
        "-c",
        "lea",
    )
    target = tmp_path / "appendix.md"
    assert run(project, "codebook", "export", str(target), "--counts", "--title", "Annexe") == 0
    text = target.read_text()
    assert text.startswith("# Annexe") and "1 codage(s) dans 1 document(s)" in text


def test_anchor_and_validate(project, capsys):
    run(
        project,
        "code",
        "text",
        "INT01",
        "sans car le samedi",
        "sut.barriers.territory",
        "-c",
        "lea",
    )
    run(project, "code", "text", "INT01", "la fromagerie", "sut.cooperation", "-c", "lea")
    doc = project / "corpus" / "documents" / "INT01.md"
    text = doc.read_text(encoding="utf-8")
    doc.write_text(
        text.replace("Par le marché", "Oh, par le marché").replace("la fromagerie", "la laiterie"),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert run(project, "validate") == 1
    out = capsys.readouterr()
    assert "moved from" in out.out and "orphaned" in out.err
    assert run(project, "anchor") == 1
    out = capsys.readouterr()
    assert "to re-anchor (run with --apply); 1 orphaned" in out.out
    assert "closest passage" in out.err and "« la laiterie" in out.err
    assert "research code remove -c lea --doc INT01" in out.err
    assert run(project, "anchor", "--apply") == 1
    assert "1 coding(s) re-anchored; 1 orphaned" in capsys.readouterr().out
    assert len(codings(project)) == 2  # the orphan is kept
    doc.write_text(text.replace("Par le marché", "Oh, par le marché"), encoding="utf-8")
    assert run(project, "anchor", "--apply") == 0
    assert run(project, "validate") == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("code", "text", "INT1", "sans car", "sut.trust", "-c", "lea"), "unknown document 'INT1'"),
        (("code", "show", "INT1"), "unknown document 'INT1'"),
        (
            ("code", "segment", "CR-01:0042", "sut.trust", "-c", "lea"),
            "unknown segment 'CR-01:0042'",
        ),
        (("code", "list", "-c", "lae"), "unknown coder 'lae'"),
        (("code", "retrieve", "sut.trust", "-c", "lae"), "unknown coder 'lae'"),
        (("code", "show", "INT01", "-c", "lae"), "unknown coder 'lae'"),
        (
            ("code", "matches", "car", "sut.trust", "-c", "lea", "--kind", "interviw"),
            "unknown document kind 'interviw'",
        ),
    ],
)
def test_unknown_ids_are_errors_with_the_closest_names(project, capsys, args, message):
    # One coding so that the coder 'lea' exists.
    assert run(project, "code", "span", "INT01", "0", "3", "sut.trust", "-c", "lea") == 0
    capsys.readouterr()
    assert run(project, *args) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {message}")
    assert "Traceback" not in err
    assert "did you mean" in err
    assert len(err.strip().splitlines()) == 1


def test_an_ambiguous_passage_says_how_to_choose_on_the_command_line(project, capsys):
    text = (project / "corpus" / "documents").rglob("INT01.md").__next__().read_text()
    words = "le"
    assert text.count(words) > 1
    assert run(project, "code", "text", "INT01", words, "sut.trust", "-c", "lea") == 1
    assert "--occurrence" in capsys.readouterr().err


def test_agreement_refuses_an_unknown_coder_and_explains_coders_yaml(project, capsys):
    run(project, "code", "span", "INT01", "0", "3", "sut.trust", "-c", "lea")
    run(project, "code", "span", "INT01", "0", "3", "sut.trust", "-c", "zoe")
    capsys.readouterr()
    assert run(project, "agreement", "--coders", "lea", "zeo") == 1
    assert "unknown coder 'zeo'" in capsys.readouterr().err
    assert run(project, "agreement", "--coders", "lea", "zoe") == 1
    err = capsys.readouterr().err
    assert "coders.yaml" in err and "--infer-documents" in err
    assert "'lea: {documents: all}; zoe: {documents: [INT01, INT04]}'" in err
    assert run(project, "agreement", "--coders", "lea", "zoe", "--infer-documents") == 0
