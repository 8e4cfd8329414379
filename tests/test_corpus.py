import shutil

import pytest

from research.corpus import Corpus, load_corpus, read_corpus
from research.errors import InputError, ValidationFailed


@pytest.fixture
def good(data_dir):
    corpus, problems = read_corpus(data_dir / "corpus" / "good")
    assert [p for p in problems if p.severity == "error"] == []
    return corpus


def test_every_segment_is_its_slice_of_the_stored_text(good):
    assert len(good.segments) > 0
    for row in good.segments.itertuples():
        assert good.text(row.doc_id)[row.start : row.end] == row.text


def test_documents_table_has_fixed_columns_and_attributes(good):
    docs = good.documents.set_index("doc_id")
    for column in ("kind", "title", "date", "edition", "path", "sha256", "n_words", "n_segments"):
        assert column in docs.columns
    assert docs.loc["INT-A", "kind"] == "interview"
    assert docs.loc["INT-A", "date"] == "2019-12-04"
    assert docs.loc["INT-A", "actors"] == ["O15", "A01"]
    assert docs.loc["utf16", "kind"] == "document"  # id from the file stem


def test_interview_turns_speakers_actors_and_times(good):
    segs = good.segments_of("INT-A")
    assert segs["speaker"].fillna("-").tolist() == [
        "-",
        "Enquêtrice",
        "Élodie",
        "Enquêtrice",
        "Élodie",
    ]
    assert segs["actor"].tolist()[1:] == ["P04", "P10", "P04", "P10"]
    assert segs["time"].tolist()[1:3] == [5.0, 9.0]
    assert segs["text"].iloc[2].endswith("Ensuite, j’ai rempli le canevas.")
    assert segs["text"].iloc[4] == "Bon : la coopérative nous a aidés."


def test_crlf_bom_and_nfd_are_normalised(good):
    crlf = good.text("NOTE-CRLF")
    assert "\r" not in crlf and not crlf.startswith("\ufeff")
    assert crlf.startswith("Première ligne : «\u00a0citation\u00a0»")
    assert good.text("NOTE-NFD") == "Enquêtrice : réunion à l’école.\n"


def test_minutes_sections_and_no_break_spaces(good):
    segs = good.segments_of("CR-W1")
    assert segs["text"].tolist() == [
        "Des bocaux de légumes d’ici",
        "Une cuisine partagée\u00a0?",
        "On se revoit le 3 décembre.\nLieu : la mairie.",
    ]
    assert segs["section"].tolist()[-1] == "Atelier conserverie > Décisions"


def test_kwic_accent_and_case_insensitive_offsets_point_into_stored_text(good):
    hits = good.kwic("COOPERATIVE", ignore_accents=True, window=10)
    assert hits["seg_id"].tolist() == ["INT-A:0003", "INT-A:0004"]
    for hit in hits.itertuples():
        assert good.text(hit.doc_id)[hit.start : hit.end] == "coopérative"
    assert hits["right"].iloc[1] == " nous a ai"
    assert len(good.kwic("COOPERATIVE")) == 0
    assert len(good.kwic("coopérative")) == 2
    assert len(good.kwic("coopérative", ignore_case=False, doc_ids=["CR-W1"])) == 0


def test_kwic_regex_and_bad_regex(good):
    assert set(good.kwic(r"\bcanevas\b", regex=True)["doc_id"]) == {"INT-A"}
    with pytest.raises(InputError, match="invalid regular expression"):
        good.kwic("(", regex=True)


def test_where_filters_and_unknown_attribute(good):
    assert good.where(kind="interview").doc_ids == ["INT-A"]
    assert good.where(kind=["minutes", "note"]).doc_ids == ["CR-W1", "NOTE-CRLF", "NOTE-NFD"]
    assert good.where(actors="A01").doc_ids == ["INT-A"]
    with pytest.raises(InputError, match="no document attribute 'role'"):
        good.where(role="x")


def test_summary_and_repr(good):
    table = good.summary()
    assert table["documents"].sum() == len(good)
    assert table["segments"].sum() == len(good.segments)
    assert "documents" in good._repr_html_()


@pytest.mark.parametrize("jobs", [1, 2])
def test_each_bad_input_is_reported_and_the_rest_loads(data_dir, jobs):
    corpus, problems = read_corpus(data_dir / "corpus" / "bad", jobs=jobs)
    by_file = {}
    for p in problems:
        by_file.setdefault(p.path.split("/")[-1], []).append(p)
    assert by_file["cp1252.txt"][0].severity == "warning"
    assert "cp1252" in by_file["cp1252.txt"][0].message
    assert "not UTF-8" in by_file["undecodable.txt"][0].message
    assert by_file["bad-yaml.md"][0].line == 6
    assert "no text" in by_file["empty.md"][0].message
    assert "no text" in by_file["blank.md"][0].message
    assert "never closed" in by_file["unclosed.md"][0].message
    assert "duplicate document id 'DUP'" in by_file["dup-b.md"][0].message
    assert "dup-a.md" in by_file["dup-b.md"][0].message
    assert sorted(corpus.doc_ids) == ["DUP", "cp1252"]
    assert corpus.text("cp1252").startswith("Enquêtrice")


def test_load_corpus_raises_every_error_at_once(data_dir):
    with pytest.raises(ValidationFailed) as info:
        load_corpus(data_dir / "corpus" / "bad")
    assert len(info.value.problems) == 6


def test_unknown_suffix_is_a_warning_and_hidden_files_are_skipped(tmp_path):
    (tmp_path / "a.md").write_text("Texte.")
    (tmp_path / "b.rtf").write_bytes(b"{\\rtf1 Texte}")
    (tmp_path / ".c.md").write_text("caché")
    (tmp_path / "_draft").mkdir()
    (tmp_path / "_draft" / "d.md").write_text("brouillon")
    corpus, problems = read_corpus(tmp_path)
    assert corpus.doc_ids == ["a"]
    assert [(p.severity, p.path) for p in problems] == [("warning", "b.rtf")]


def test_bad_document_id(tmp_path):
    (tmp_path / "a.md").write_text("---\nid: mon entretien\n---\nTexte.")
    _, problems = read_corpus(tmp_path)
    assert "document id 'mon entretien'" in problems[0].message


def test_from_texts_does_not_share_state():
    texts = {"A": "un"}
    corpus = Corpus.from_texts(texts)
    texts["A"] = "deux"
    assert corpus.text("A") == "un"
    with pytest.raises(KeyError, match="unknown document 'B'"):
        corpus.text("B")


def test_sha256_changes_with_the_text(tmp_path, data_dir):
    shutil.copy(data_dir / "corpus" / "good" / "CR-W1.md", tmp_path / "CR-W1.md")
    before = read_corpus(tmp_path)[0].documents["sha256"].iloc[0]
    path = tmp_path / "CR-W1.md"
    path.write_text(path.read_text().replace("3 décembre", "4 décembre"))
    after = read_corpus(tmp_path)[0].documents["sha256"].iloc[0]
    assert before != after and len(before) == 64


def test_default_jobs_pool_only_for_large_corpora(monkeypatch):
    from pathlib import Path

    from research.corpus import _reading as corpus_module

    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert corpus_module._default_jobs([Path(f"{i}.md") for i in range(56)]) == 1
    assert corpus_module._default_jobs([Path(f"{i}.md") for i in range(1000)]) == 2
    assert corpus_module._default_jobs([Path(f"{i}.docx") for i in range(60)]) == 2


def test_pool_and_serial_loading_give_the_same_corpus(data_dir):
    serial, _ = read_corpus(data_dir / "corpus" / "good", jobs=1)
    pooled, _ = read_corpus(data_dir / "corpus" / "good", jobs=2)
    assert serial.documents.equals(pooled.documents)
    assert serial.segments.equals(pooled.segments)


def test_loading_leaves_the_garbage_collector_as_it_found_it(data_dir):
    import gc

    folder = data_dir / "corpus" / "good"
    assert gc.isenabled()
    read_corpus(folder, jobs=1)
    assert gc.isenabled()
    gc.disable()
    try:
        read_corpus(folder, jobs=1)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_document_files_order_and_skipped_names(tmp_path):
    from research.corpus import document_files

    for name in [
        "b/2.md",
        "b/10.md",
        "a.md",
        "b.md",
        "_draft/x.md",
        ".git/y.md",
        "~$lock.docx",
        "README.md",
        "c/.hidden.md",
        "c/_notes.md",
        "c/z.txt",
    ]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in document_files(tmp_path)]
    assert found == ["a.md", "b/10.md", "b/2.md", "b.md", "c/z.txt"]


def test_loading_on_a_given_executor_gives_the_same_corpus(data_dir):
    from concurrent.futures import ThreadPoolExecutor

    folder = data_dir / "corpus" / "good"
    serial, serial_problems = read_corpus(folder, jobs=1)
    with ThreadPoolExecutor(max_workers=2) as executor:
        threaded, threaded_problems = read_corpus(folder, executor=executor)
    assert serial.documents.equals(threaded.documents)
    assert serial.segments.equals(threaded.segments)
    assert [p.format() for p in serial_problems] == [p.format() for p in threaded_problems]


def test_segment_ids_keep_their_format_as_the_shared_suffixes_grow():
    from research.corpus._model import _seg_ids

    for n in (0, 1, 3, 17, 10_001):
        assert _seg_ids("INT01", n) == [f"INT01:{i:04d}" for i in range(n)]
