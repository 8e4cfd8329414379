"""Tests of research.coding: the coder files, locks, and the coding session."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from research.codebook import load_codebook
from research.coding import (
    CODING_COLUMNS,
    CodingSession,
    check_codings,
    coder_lock,
    coding_files,
    codings_text,
    load_codings,
    read_codings,
    save_codings,
    typed_codings,
    validate_codings,
)
from research.corpus import Corpus, load_corpus
from research.errors import CodebookError, CodingError, UnknownIdError, ValidationFailed
from research.project import open_project

DATA = Path(__file__).resolve().parent / "data" / "coding"
HEADER = ",".join(CODING_COLUMNS) + "\n"


@pytest.fixture
def project(tmp_path: Path):
    """A small project: two documents, a codebook, an empty codings folder."""
    shutil.copytree(DATA / "documents", tmp_path / "corpus" / "documents")
    shutil.copytree(DATA / "codebook", tmp_path / "codebook")
    (tmp_path / "corpus" / "codings").mkdir()
    return open_project(tmp_path)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(DATA / "documents")


@pytest.fixture(scope="module")
def book():
    return load_codebook(DATA / "codebook")


def rows(**columns) -> pd.DataFrame:
    base = {
        "coder": "lea",
        "doc_id": "D",
        "start": 0,
        "end": 1,
        "code": "x",
        "quote": "",
        "memo": "",
    }
    n = max((len(v) for v in columns.values() if isinstance(v, list)), default=1)
    data = {k: columns.get(k, base.get(k)) for k in [*base, "created"] if k in base or k in columns}
    return pd.DataFrame({k: v if isinstance(v, list) else [v] * n for k, v in data.items()})


# -- files ----------------------------------------------------------------------------------


def test_save_and_load_round_trip_sorted(tmp_path: Path):
    frame = rows(
        doc_id=["B", "A", "A"],
        start=[5, 9, 2],
        end=[8, 12, 4],
        code=["y", "x", "x"],
        quote=["abc", "déf", "gh"],
        created=["2019-03-14T10:00:00Z", "2019-03-14T10:00:01.250000Z", None],
    )
    path = save_codings(tmp_path, "lea", frame)
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(CODING_COLUMNS)
    assert [line.split(",")[1] for line in text.splitlines()[1:]] == ["A", "A", "B"]
    assert "2019-03-14T10:00:01.250000Z" in text and "\r" not in text
    loaded = load_codings(tmp_path)
    assert loaded[["doc_id", "start"]].values.tolist() == [["A", 2], ["A", 9], ["B", 5]]
    assert str(loaded["created"].dtype) == "datetime64[ns, UTC]"
    assert loaded["created"].isna().tolist() == [True, False, False]
    assert loaded["start"].dtype == "int64" and loaded["memo"].tolist() == ["", "", ""]


def test_load_concatenates_coders_and_sorts(tmp_path: Path):
    save_codings(tmp_path, "zoe", rows(coder="zoe", doc_id="A"))
    save_codings(tmp_path, "lea", rows(coder="lea", doc_id="B"))
    loaded = load_codings(tmp_path)
    assert loaded["coder"].tolist() == ["lea", "zoe"]
    assert list(loaded.columns) == CODING_COLUMNS


def test_empty_folder_gives_an_empty_typed_table(tmp_path: Path):
    loaded = load_codings(tmp_path)
    assert list(loaded.columns) == CODING_COLUMNS and len(loaded) == 0
    assert loaded["start"].dtype == "int64"


def test_decision_files_and_hidden_files_are_not_coder_files(tmp_path: Path):
    (tmp_path / "consensus-decisions.csv").write_text("disagreement_id,decision\n1,keep\n")
    (tmp_path / "_old.csv").write_text("x\n")
    (tmp_path / ".zoe.lock").write_text("1")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "lea.csv").write_text(HEADER)
    save_codings(tmp_path, "lea", rows())
    assert [p.name for p in coding_files(tmp_path)] == ["lea.csv"]


def test_save_refuses_rows_of_another_coder(tmp_path: Path):
    with pytest.raises(CodingError, match="a row of 'zoe' cannot be saved in the file of 'lea'"):
        save_codings(tmp_path, "lea", rows(coder=["lea", "zoe"], start=[0, 1], end=[1, 2]))
    assert not (tmp_path / "lea.csv").exists()


@pytest.mark.parametrize("coder", ["", "../x", "a b", ".hidden", "é/x"])
def test_save_refuses_names_that_cannot_be_files(tmp_path: Path, coder: str):
    with pytest.raises(CodingError, match="cannot name a file"):
        save_codings(tmp_path, coder, rows(coder=coder))


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"start": "x"}, "start 'x' is not a whole number"),
        ({"start": 4, "end": 4}, "end 4 is not after start 4"),
        ({"end": -1}, "is not a whole number"),
        ({"code": None}, "empty code"),
    ],
)
def test_save_refuses_bad_values(tmp_path: Path, values, message):
    with pytest.raises(CodingError, match=message):
        save_codings(tmp_path, "lea", rows(**values))


def test_a_failed_save_leaves_the_old_file(tmp_path: Path, monkeypatch):
    save_codings(tmp_path, "lea", rows(quote="ancien"))
    before = (tmp_path / "lea.csv").read_bytes()

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        save_codings(tmp_path, "lea", rows(quote="nouveau"))
    assert (tmp_path / "lea.csv").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lea.csv"]


quotes = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
    | st.sampled_from(['"', ",", "\n", "\r", "«", "»", "’", "\u00a0", "\u202f", " "]),
    max_size=40,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    pairs=st.lists(st.tuples(quotes, quotes), min_size=1, max_size=6),
    doc_id=st.from_regex(r"[A-Za-z0-9][\w.\-]{0,8}", fullmatch=True),
)
def test_any_quote_and_memo_round_trip_exactly(tmp_path: Path, pairs, doc_id: str):
    quote_list = [q for q, _ in pairs]
    memo_list = [m for _, m in pairs]
    frame = rows(
        doc_id=doc_id,
        quote=quote_list,
        memo=memo_list,
        start=list(range(len(pairs))),
        end=list(range(1, len(pairs) + 1)),
    )
    save_codings(tmp_path, "lea", frame)
    loaded = load_codings(tmp_path)
    assert loaded["quote"].tolist() == quote_list
    assert loaded["memo"].tolist() == memo_list
    assert loaded["doc_id"].tolist() == [doc_id] * len(pairs)


def test_codings_text_is_stable(tmp_path: Path):
    frame = rows(quote='dit « "non" »,\npuis oui', created="2020-01-16T09:30:00+01:00")
    text = codings_text(frame)
    assert text == (HEADER + 'lea,D,0,1,x,"dit « ""non"" »,\npuis oui",,2020-01-16T08:30:00Z\n')
    save_codings(tmp_path, "lea", frame)
    assert codings_text(load_codings(tmp_path)) == text


# -- bad files name file, row and column --------------------------------------------------------


def write_coder(folder: Path, name: str, body: str) -> None:
    (folder / name).write_text(HEADER + body, encoding="utf-8")


@pytest.mark.parametrize(
    ("body", "row", "column", "fragment"),
    [
        ("lea,D,0,2,x,ab,,\nlea,D,a,2,x,ab,,\n", 3, "start", "start 'a' is not a whole number"),
        ("lea,D,5,2,x,ab,,\n", 2, "end", "end 2 is not after start 5"),
        ("lea,D,0,2,x,ab,,\nzoe,D,0,2,x,ab,,\n", 3, "coder", "coder 'zoe' in the file of 'lea'"),
        ("lea,,0,2,x,ab,,\n", 2, "doc_id", "empty doc_id"),
        ("lea,D,0,2,,ab,,\n", 2, "code", "empty code"),
        ("lea,D,0,2,x,ab,,hier\n", 2, "created", "created 'hier' is not an ISO 8601 time"),
        ("lea,D,1.5,2,x,ab,,\n", 2, "start", "start '1.5' is not a whole number"),
    ],
)
def test_bad_rows_name_file_row_and_column(tmp_path: Path, body, row, column, fragment):
    write_coder(tmp_path, "lea.csv", body)
    frame, problems = read_codings(tmp_path)
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1, problems
    assert errors[0].path == "lea.csv"
    assert (errors[0].row, errors[0].column) == (row, column)
    assert fragment in errors[0].message
    assert len(frame) == body.count("\n") - 1
    with pytest.raises(ValidationFailed, match=f"lea.csv, row {row}, column '{column}'"):
        load_codings(tmp_path)


def test_line_is_given_when_quotes_span_lines(tmp_path: Path):
    write_coder(tmp_path, "lea.csv", 'lea,D,0,5,x,"a\nb\nc",,\nlea,D,x,5,x,ab,,\n')
    problem = read_codings(tmp_path)[1][0]
    assert (problem.line, problem.row) == (5, 3)


def test_missing_columns_and_bad_csv(tmp_path: Path):
    (tmp_path / "lea.csv").write_text("coder,doc_id,start\nlea,D,0\n")
    (tmp_path / "tom.csv").write_text(HEADER + 'tom,D,0,2,x,"ab,,\n')
    (tmp_path / "zoe.csv").write_bytes((HEADER + "zoe,D,0,2,x,été,,\n").encode("latin-1"))
    problems = read_codings(tmp_path)[1]
    found = {p.path: p for p in problems}
    assert "missing column(s) end, code" in found["lea.csv"].message
    assert found["lea.csv"].line == 1
    assert "not a valid CSV file" in found["tom.csv"].message
    assert "not UTF-8" in found["zoe.csv"].message


def test_extra_columns_and_duplicates_are_warnings(tmp_path: Path):
    (tmp_path / "lea.csv").write_text(
        HEADER.rstrip("\n") + ",note\nlea,D,0,2,x,ab,,,n\nlea,D,0,2,x,ab,,,n\n"
    )
    frame, problems = read_codings(tmp_path)
    assert [p.severity for p in problems] == ["warning", "warning"]
    assert "extra column(s) note" in problems[0].message
    assert problems[1].row == 3 and "twice" in problems[1].message
    assert list(frame.columns) == CODING_COLUMNS


def test_a_file_named_badly_is_reported(tmp_path: Path):
    (tmp_path / "a b.csv").write_text(HEADER)
    problem = read_codings(tmp_path)[1][0]
    assert "not a coder name" in problem.message


def test_many_bad_rows_are_summarised(tmp_path: Path):
    write_coder(tmp_path, "lea.csv", "".join(f"lea,D,x{i},2,x,ab,,\n" for i in range(30)))
    problems = read_codings(tmp_path)[1]
    assert len(problems) == 21 and "10 more rows" in problems[-1].message


# -- checks against codebook and corpus ------------------------------------------------------


def test_check_codings_against_codebook_and_corpus(corpus, book, tmp_path: Path):
    text = corpus.text("INT01")
    start = text.index("peur")
    write_coder(
        tmp_path,
        "lea.csv",
        f"lea,INT01,{start},{start + 4},sut.barriers.fear,peur,,\n"
        f"lea,INT01,{start},{start + 4},sut.barrier.fear,peur,,\n"
        f"lea,INT01,{start},{start + 4},sut.barriers,peur,,\n"
        f"lea,NOPE,0,4,sut.trust,abcd,,\n"
        f"lea,INT01,0,4,sut.trust,introuvable,,\n",
    )
    problems = validate_codings(tmp_path, corpus=corpus, codebook=book)
    by_row = {p.row: p for p in problems}
    assert "not in the codebook (did you mean 'sut.barriers.fear'?)" in by_row[3].message
    assert by_row[3].severity == "error" and by_row[3].column == "code"
    assert by_row[4].severity == "warning" and "category" in by_row[4].message
    assert "document 'NOPE' is not in the corpus" in by_row[5].message
    assert by_row[6].severity == "error" and "orphaned" in by_row[6].message
    assert 2 not in by_row
    with pytest.raises(ValidationFailed):
        load_codings(tmp_path, corpus=corpus, codebook=book)


def test_moved_codings_are_warnings(corpus, tmp_path: Path):
    text = corpus.text("INT01")
    start = text.index("supermarché")
    write_coder(tmp_path, "lea.csv", f"lea,INT01,{start - 3},{start + 8},x,supermarché,,\n")
    problems = validate_codings(tmp_path, corpus=corpus)
    assert [p.severity for p in problems] == ["warning"]
    assert "research anchor --apply" in problems[0].hint
    assert f"to {start}-{start + 11}" in problems[0].message


def test_check_codings_on_a_plain_frame_gives_row_numbers(corpus):
    frame = typed_codings(rows(doc_id="NOPE", quote="x"))
    problem = check_codings(frame, corpus=corpus)[0]
    assert problem.row == 1 and problem.path is None


# -- locks --------------------------------------------------------------------------------


def test_lock_blocks_a_second_holder(tmp_path: Path):
    with (
        coder_lock(tmp_path, "lea"),
        pytest.raises(CodingError, match="being saved by another process"),
        coder_lock(tmp_path, "lea", timeout=0.1),
    ):
        pass
    with coder_lock(tmp_path, "lea", timeout=0.1):
        pass


def test_lock_of_a_dead_process_is_taken_over(tmp_path: Path):
    import socket

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    process = context.Process(target=time.sleep, args=(0,))
    process.start()
    process.join()
    (tmp_path / ".lea.lock").write_text(f"{process.pid} {socket.gethostname()} 0\n")
    with coder_lock(tmp_path, "lea", timeout=0.5) as path:
        assert path.read_text().split()[0] == str(os.getpid())


def test_old_lock_is_taken_over(tmp_path: Path):
    lock = tmp_path / ".lea.lock"
    lock.write_text("1 elsewhere 0\n")
    old = time.time() - 3600
    os.utime(lock, (old, old))
    with coder_lock(tmp_path, "lea", timeout=0.5):
        pass


def test_lock_of_a_living_process_on_another_machine_is_respected(tmp_path: Path):
    (tmp_path / ".lea.lock").write_text("1 another-host 0\n")
    with pytest.raises(CodingError), coder_lock(tmp_path, "lea", timeout=0.1):
        pass


def _code_in_process(root: str, words: str, code: str, barrier) -> None:
    project = open_project(root)
    session = CodingSession(project, "lea")
    session.code_text("INT01", words, code)
    barrier.wait()
    session.save()


def test_two_processes_of_one_coder_keep_both_codings(project):
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    barrier = context.Barrier(2)
    jobs = [
        context.Process(target=_code_in_process, args=(str(project.root), w, c, barrier))
        for w, c in (
            ("peur qu’on me pique l’idée", "sut.barriers.fear"),
            ("la fromagerie", "sut.cooperation"),
        )
    ]
    for job in jobs:
        job.start()
    for job in jobs:
        job.join(60)
        assert job.exitcode == 0
    codes = load_codings(project.paths.codings)["code"].tolist()
    assert sorted(codes) == ["sut.barriers.fear", "sut.cooperation"]


# -- the session ----------------------------------------------------------------------------


def test_code_text_span_and_save(project):
    session = CodingSession(project, "lea")
    made = session.code_text(
        "INT01", "J'avais peur qu'on me pique l'idée", "sut.barriers.fear", "typo"
    )
    text = project.corpus.text("INT01")
    start = text.index("J’avais peur")
    assert made[["start", "end"]].values.tolist() == [[start, start + 34]]
    assert made["quote"].iloc[0] == "J’avais peur qu’on me pique l’idée"
    assert session.pending == 1
    session.code_span("INT01", start, start + 7, "sut.trust")
    session.code_span("INT01", start, start + 7, "sut.trust")
    assert len(session.codings) == 2
    path = session.save()
    assert path.name == "lea.csv" and session.pending == 0
    loaded = load_codings(project.paths.codings, corpus=project.corpus, codebook=project.codebook)
    assert loaded["memo"].tolist() == ["", "typo"] or loaded["memo"].tolist() == ["typo", ""]
    assert loaded["created"].notna().all()


def test_code_text_ambiguous_and_missing(project):
    session = CodingSession(project, "lea")
    with pytest.raises(CodingError, match="appear 2 times"):
        session.code_text("INT01", "Enquêtrice", "sut.trust")
    made = session.code_text("INT01", "Enquêtrice", "sut.trust", occurrence=2)
    assert made["start"].iloc[0] == project.corpus.text("INT01").rindex("Enquêtrice")
    with pytest.raises(CodingError, match="no words to code"):
        session.code_text("INT01", "  ", "sut.trust")
    with pytest.raises(CodingError, match="not in INT01"):
        session.code_text("INT01", "pas dans le texte", "sut.trust")
    with pytest.raises(CodingError, match=r"no occurrence 3 .* appear 2 time"):
        session.code_text("INT01", "Enquêtrice", "sut.trust", occurrence=3)


def test_session_refuses_categories_unknown_codes_and_bad_spans(project):
    session = CodingSession(project, "lea")
    with pytest.raises(CodingError, match=r"category.*sut\.barriers\.fear"):
        session.code_span("INT01", 0, 5, "sut.barriers")
    with pytest.raises(CodebookError, match="unknown code"):
        session.code_span("INT01", 0, 5, "sut.nope")
    with pytest.raises(UnknownIdError, match="unknown document 'NOPE'"):
        session.code_span("NOPE", 0, 5, "sut.trust")
    n = len(project.corpus.text("INT01"))
    for start, end in ((5, 5), (-1, 3), (0, n + 1)):
        with pytest.raises(CodingError, match="not inside"):
            session.code_span("INT01", start, end, "sut.trust")
    assert session.pending == 0


def test_code_segment(project):
    session = CodingSession(project, "lea")
    seg = project.corpus.segments_of("CR-01").iloc[1]
    made = session.code_segment(seg["seg_id"], "sut.barriers.fear")
    assert made["quote"].iloc[0] == "Les retraités ont peur de conduire la nuit."
    with pytest.raises(UnknownIdError, match=r"unknown segment .*did you mean 'CR-01:0002'"):
        session.code_segment("CR-01:9999", "sut.trust")


def test_code_matches_with_filters(project):
    session = CodingSession(project, "lea")
    made = session.code_matches("car", "sut.barriers.territory", regex=False)
    assert sorted(made["doc_id"]) == ["CR-01", "INT01"]
    made = session.code_matches(r"\bcar\b", "sut.barriers.territory", regex=True, speaker="P10")
    assert made["doc_id"].tolist() == ["INT01"]
    made = session.code_matches("peur", "sut.barriers.fear", section="Const*", unit="segment")
    assert made["quote"].tolist() == ["Les retraités ont peur de conduire la nuit."]
    made = session.code_matches(
        ["confiance", "coopéré"], "sut.cooperation", where={"kind": "interview"}
    )
    assert made["quote"].tolist() == ["coopéré"]
    made = session.code_matches("cooper", "sut.cooperation", ignore_accents=True, speaker="Élodie")
    assert made["quote"].tolist() == ["coopér"]
    with pytest.raises(CodingError, match="empty list"):
        session.code_matches([], "sut.trust")


def test_code_in_vivo_creates_a_code_and_saves_it(project):
    session = CodingSession(project, "lea")
    text = project.corpus.text("INT01")
    start = text.index("très honnêtement")
    made = session.code_in_vivo("INT01", start, start + 16, "sut.barriers")
    assert made["code"].tolist() == ["sut.barriers.tres_honnetement"]
    made = session.code_in_vivo("INT01", start, start + 16, "sut.barriers")
    assert made["code"].tolist() == ["sut.barriers.tres_honnetement_2"]
    session.save()
    book = load_codebook(project.paths.codebook)
    assert book.label("sut.barriers.tres_honnetement") == "très honnêtement"
    assert "in vivo" in book.get("sut.barriers.tres_honnetement")["definition"]
    assert (project.paths.codebook / "sut.yaml").read_text().startswith("# A tiny codebook")
    assert load_codings(project.paths.codings, codebook=book)["code"].nunique() == 2


def test_remove_and_recode(project):
    session = CodingSession(project, "lea")
    session.code_matches("car", "sut.barriers.territory")
    session.code_text("INT01", "la fromagerie", "sut.cooperation")
    session.save()
    assert session.remove(code="sut.barriers.territory", doc_id="CR-01") == 1
    assert session.remove(code="sut.barriers.territory", doc_id="CR-01") == 0
    assert session.pending == 1
    rows_ = session.codings[session.codings["code"] == "sut.cooperation"]
    recoded = session.recode(rows_, "sut.trust")
    assert recoded["code"].tolist() == ["sut.trust"]
    session.save()
    assert sorted(load_codings(project.paths.codings)["code"]) == [
        "sut.barriers.territory",
        "sut.trust",
    ]
    with pytest.raises(CodingError, match="needs rows or at least one criterion"):
        session.remove()


def test_removing_an_unsaved_coding_forgets_it(project):
    session = CodingSession(project, "lea")
    made = session.code_text("INT01", "la fromagerie", "sut.cooperation")
    assert session.remove(made) == 1
    assert session.pending == 0


def test_remove_refuses_other_coders_rows(project):
    session = CodingSession(project, "lea")
    other = typed_codings(rows(coder="zoe", doc_id="INT01"))
    with pytest.raises(CodingError, match="only codings of 'lea'"):
        session.remove(other)


def test_two_sessions_of_one_coder_do_not_overwrite_each_other(project):
    first = CodingSession(project, "lea")
    second = CodingSession(project, "lea")
    first.code_text("INT01", "la fromagerie", "sut.cooperation")
    second.code_text("INT01", "sans car le samedi", "sut.barriers.territory")
    first.save()
    second.save()
    assert len(load_codings(project.paths.codings)) == 2
    first.remove(code="sut.cooperation")
    first.save()
    assert load_codings(project.paths.codings)["code"].tolist() == ["sut.barriers.territory"]


def test_memo_changes_are_saved_and_kept_by_another_session(project):
    first = CodingSession(project, "lea")
    made = first.code_text("INT01", "la fromagerie", "sut.cooperation", memo="avant")
    first.save()
    assert first.set_memo(made, "après, « dit-elle »") == 1
    assert first.pending == 1
    assert first.pending_codings()[["change", "memo"]].values.tolist() == [
        ["memo", "après, « dit-elle »"]
    ]
    second = CodingSession(project, "lea")
    second.code_text("INT01", "Trente kilomètres", "sut.barriers.territory")
    second.save()
    first.save()
    saved = load_codings(project.paths.codings).set_index("quote")["memo"].to_dict()
    assert saved == {"la fromagerie": "après, « dit-elle »", "Trente kilomètres": ""}
    with pytest.raises(CodingError, match="only codings of 'lea'"):
        first.set_memo(made.assign(coder="tom"), "x")


def test_restore_puts_back_a_removed_coding_with_its_memo_and_time(project):
    session = CodingSession(project, "lea")
    made = session.code_text("INT01", "la fromagerie", "sut.cooperation", memo="note")
    session.save()
    saved = (project.paths.codings / "lea.csv").read_bytes()
    row = session.codings
    session.remove(row)
    session.save()
    assert len(load_codings(project.paths.codings)) == 0
    session.restore(row)
    session.save()
    assert (project.paths.codings / "lea.csv").read_bytes() == saved
    assert made["memo"].tolist() == ["note"]


def test_resize_extends_and_shrinks_one_coding(project):
    session = CodingSession(project, "lea")
    made = session.code_text("INT01", "la fromagerie", "sut.cooperation", memo="m")
    wider = session.resize(made, int(made["start"].iloc[0]) - 10, int(made["end"].iloc[0]))
    assert wider["quote"].tolist() == ["péré avec la fromagerie"]
    assert (wider["memo"].iloc[0], wider["created"].iloc[0]) == ("m", made["created"].iloc[0])
    assert len(session.codings) == 1
    with pytest.raises(CodingError, match="no coding of"):
        session.resize(made, 0, 5)
    with pytest.raises(CodingError, match="is not inside"):
        session.resize(wider, 5, 5)


def test_new_code_is_saved_in_its_parent_file(project):
    session = CodingSession(project, "lea")
    code = session.new_code("sut.barriers", "Mobilité des anciens")
    assert code == "sut.barriers.mobilite_des_anciens"
    assert session.new_code("sut.barriers", "Mobilité des anciens") == code + "_2"
    with pytest.raises(CodingError, match="needs a label"):
        session.new_code("sut", "  ")
    session.save()
    book = load_codebook(project.paths.codebook)
    assert book.label(code) == "Mobilité des anciens" and code + "_2" in book


def test_session_repr_and_views(project):
    session = CodingSession(project, "lea")
    session.code_text("INT01", "la fromagerie", "sut.cooperation")
    assert "1 unsaved" in repr(session)
    assert session.retrieve("sut")["quote"].tolist() == ["la fromagerie"]
    page = session.show("INT01")
    assert "<mark" in page and page._repr_html_() == str(page)


def test_session_without_folder_cannot_save(corpus, book):
    session = CodingSession(None, "lea", corpus=corpus, codebook=book)
    session.code_text("INT01", "la fromagerie", "sut.cooperation")
    with pytest.raises(CodingError, match="no codings folder"):
        session.save()


def test_a_hand_edited_file_out_of_order_is_loaded_sorted(tmp_path: Path):
    write_coder(
        tmp_path,
        "lea.csv",
        "lea,B,0,2,x,ab,,\nlea,A,5,9,y,abcd,,\nlea,B,0,2,x,ab,,\nlea,A,5,9,a,abcd,,\n",
    )
    write_coder(tmp_path, "abel.csv", "abel,Z,0,2,x,ab,,\n")
    frame, problems = read_codings(tmp_path)
    assert frame[["coder", "doc_id", "code"]].values.tolist() == [
        ["abel", "Z", "x"],
        ["lea", "A", "a"],
        ["lea", "A", "y"],
        ["lea", "B", "x"],
        ["lea", "B", "x"],
    ]
    assert [(p.severity, p.row) for p in problems] == [("warning", 4)]
