import pandas as pd
import pytest

from research.corpus import Corpus
from research.nlp import annotate, lemma_frequencies

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus():
    return Corpus.from_texts(
        {
            "A": "E : Les coopératives ont créé des emplois.\nR : Oui, à Lons-le-Saunier\u00a0!",
            "B": "# Atelier\n- Une épicerie itinérante dans les villages",
        },
        metadata={"A": {"kind": "interview"}},
    )


def test_token_offsets_point_into_the_stored_text(corpus, tmp_path):
    tokens = annotate(corpus, cache_dir=tmp_path)
    assert set(tokens["doc_id"]) == {"A", "B"}
    for row in tokens.itertuples():
        assert corpus.text(row.doc_id)[row.start : row.end] == row.text
    lemmas = set(tokens["lemma"])
    assert "emploi" in lemmas and "village" in lemmas


def test_cache_gives_identical_annotations(corpus, tmp_path):
    first = annotate(corpus, cache_dir=tmp_path)
    cached = list(tmp_path.rglob("*.pkl"))
    assert len(cached) == 2
    second = annotate(corpus, cache_dir=tmp_path)
    pd.testing.assert_frame_equal(first, second)


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


def test_cached_documents_do_not_load_the_model(corpus, tmp_path, monkeypatch):
    import research.nlp as nlp

    first = annotate(corpus, cache_dir=tmp_path)

    def refuse(*args, **kwargs):
        raise AssertionError("the model was loaded although every document is cached")

    monkeypatch.setattr(nlp, "load_model", refuse)
    pd.testing.assert_frame_equal(annotate(corpus, cache_dir=tmp_path), first)
