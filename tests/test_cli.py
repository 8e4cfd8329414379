import shutil

import pytest

from research.cli import main
from research.corpus import read_corpus


@pytest.fixture
def project(tmp_path, data_dir):
    assert main(["init", str(tmp_path)]) == 0
    for path in (data_dir / "corpus" / "good").iterdir():
        shutil.copy(path, tmp_path / "corpus" / "documents" / path.name)
    return tmp_path


def test_init_creates_folders_and_is_idempotent(tmp_path, capsys):
    assert main(["init", str(tmp_path)]) == 0
    for folder in ("corpus/documents", "corpus/tables", "corpus/codings", "codebook", "notebooks"):
        assert (tmp_path / folder).is_dir()
    (tmp_path / "research.yaml").write_text("# mine\n")
    capsys.readouterr()
    assert main(["init", str(tmp_path)]) == 0
    assert "created" not in capsys.readouterr().out
    assert (tmp_path / "research.yaml").read_text() == "# mine\n"


def test_validate_good_project_exits_zero(project, capsys):
    assert main(["validate", "-C", str(project)]) == 0
    assert "project is valid" in capsys.readouterr().out


def test_validate_reports_every_bad_input_and_exits_nonzero(project, data_dir, capsys):
    for path in (data_dir / "corpus" / "bad").iterdir():
        shutil.copy(path, project / "corpus" / "documents" / path.name)
    assert main(["validate", "-C", str(project)]) == 1
    captured = capsys.readouterr()
    err = captured.err
    for name in (
        "undecodable.txt",
        "bad-yaml.md",
        "empty.md",
        "blank.md",
        "unclosed.md",
        "dup-b.md",
    ):
        assert f"corpus/documents/{name}" in err, name
    assert "bad-yaml.md, line 6: front matter is not valid YAML" in err
    assert "warning: corpus/documents/cp1252.txt" in captured.out
    assert "6 error(s), 1 warning(s)" in err


def test_validate_outside_a_project_is_a_clear_error(tmp_path, capsys):
    assert main(["validate", "-C", str(tmp_path)]) == 1
    assert "not inside a research project" in capsys.readouterr().err


def test_import_keeps_text_and_segments_identical(project, data_dir, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    source = outside / "entretien-7.md"
    shutil.copy(data_dir / "corpus" / "good" / "INT-A.md", source)
    text = source.read_text().replace("id: INT-A", "id: INT-7")
    source.write_text(text)
    assert main(["import", str(source), "-C", str(project)]) == 0
    target = project / "corpus" / "documents" / "interviews" / "INT-7.md"
    assert target.is_file()
    corpus = read_corpus(project / "corpus" / "documents")[0]
    before = corpus.segments_of("INT-A")[["start", "end", "speaker", "text"]]
    after = corpus.segments_of("INT-7")[["start", "end", "speaker", "text"]]
    assert before.equals(after)


def test_import_is_all_or_nothing_and_never_overwrites(project, tmp_path_factory, data_dir, capsys):
    outside = tmp_path_factory.mktemp("outside")
    good = outside / "note.txt"
    good.write_text("Une note de terrain.\n")
    bad = outside / "bad-yaml.md"
    shutil.copy(data_dir / "corpus" / "bad" / "bad-yaml.md", bad)
    before = sorted(p.name for p in (project / "corpus" / "documents").rglob("*"))
    assert main(["import", str(good), str(bad), "-C", str(project)]) == 1
    assert "bad-yaml.md, line 6" in capsys.readouterr().err
    assert sorted(p.name for p in (project / "corpus" / "documents").rglob("*")) == before

    assert main(["import", str(good), "--kind", "note", "-C", str(project)]) == 0
    target = project / "corpus" / "documents" / "notes" / "note.md"
    original = target.read_text()
    good.write_text("Autre texte.\n")
    assert main(["import", str(good), "--kind", "note", "-C", str(project)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_text() == original
    assert main(["import", str(good), "--kind", "note", "--force", "-C", str(project)]) == 0
    assert target.read_text().endswith("Autre texte.\n")


def test_import_missing_file(project, capsys):
    assert main(["import", "nowhere.docx", "-C", str(project)]) == 1
    assert "nowhere.docx: no such file" in capsys.readouterr().err


def test_overview_writes_tables(project, capsys):
    assert main(["overview", "-C", str(project)]) == 0
    out = capsys.readouterr().out
    assert "documents: 5" in out
    assert (project / "outputs" / "overview" / "by_kind.csv").is_file()
