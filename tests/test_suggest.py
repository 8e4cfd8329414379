"""Code suggestions: features, calibration, baseline, grouped cross-validation, review.

The corpora are synthetic, so the right answer is known: a code planted with its
own vocabulary must be suggested where it was planted; a code given at random
must be reported as not beating the keyword baseline, and suggest nothing.
"""

from __future__ import annotations

import itertools
import json
import random
import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from research.codebook import Codebook
from research.coding import CodingSession, load_codings
from research.corpus import Corpus
from research.errors import CodingError, InputError
from research.suggest import (
    REPORT_COLUMNS,
    SUGGESTION_COLUMNS,
    FeatureSpace,
    SuggestionParameters,
    choose_keywords,
    keyword_predictions,
    platt_probability,
    platt_scaling,
    predictability_statement,
    provenance_path,
    read_rejections,
    read_suggestions,
    segment_labels,
    segment_streams,
    train_suggestions,
    write_suggestions,
)

PLANTED = [
    "coopérer",
    "entraide",
    "mutualiser",
    "solidaire",
    "ensemble",
    "partager",
    "collectif",
    "alliance",
    "réseau",
    "confiance",
    "commun",
    "associer",
]
BACKGROUND = [f"terme{i:03d}" for i in range(250)]
CODES = ["theme", "theme.cooperation", "theme.random"]


def _synthetic(n_documents=40, per_document=15, coded=30, seed=3):
    """Paragraph documents: 'theme.cooperation' planted with its words (which also turn up,
    one at a time, elsewhere); 'theme.random' given at random. Returns the corpus, the
    codings of 'lea' on the first ``coded`` documents, and the truth of every segment."""
    rng = random.Random(seed)
    texts, truth = {}, []
    for d in range(n_documents):
        paragraphs = []
        for s in range(per_document):
            words = rng.choices(BACKGROUND, k=12)
            planted = rng.random() < 0.25
            if planted:
                words += rng.sample(PLANTED, 3)
            elif rng.random() < 0.3:
                words.append(rng.choice(PLANTED))
            rng.shuffle(words)
            paragraphs.append(" ".join(words).capitalize() + ".")
            truth.append((f"D{d:02d}", s, planted, rng.random() < 0.2))
        texts[f"D{d:02d}"] = "\n\n".join(paragraphs) + "\n"
    corpus = Corpus.from_texts(texts)
    segments = corpus.segments.reset_index(drop=True)
    rows = []
    for (doc_id, _, planted, randomly), seg in zip(truth, segments.itertuples(), strict=True):
        if int(doc_id[1:]) >= coded:
            continue
        for code, flag in (("theme.cooperation", planted), ("theme.random", randomly)):
            if flag:
                rows.append(("lea", doc_id, seg.start, seg.end, code, seg.text, "", pd.NaT))
    codings = pd.DataFrame(
        rows, columns=["coder", "doc_id", "start", "end", "code", "quote", "memo", "created"]
    )
    planted = pd.Series([t[2] for t in truth], index=segments["seg_id"])
    return corpus, codings, planted


@pytest.fixture(scope="module")
def synthetic():
    return _synthetic()


@pytest.fixture(scope="module")
def codebook():
    return Codebook.from_frame(
        pd.DataFrame(
            {
                "code": CODES,
                "label": ["Thème", "Coopération", "Au hasard"],
                "codable": [False, True, True],
            }
        )
    )


@pytest.fixture(scope="module")
def model(synthetic, codebook):
    corpus, codings, _ = synthetic
    return train_suggestions(corpus, codings, coder="lea", codebook=codebook)


# -- features ---------------------------------------------------------------------------------


def test_ngram_counts_are_those_of_scikit_learn(synthetic):
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    corpus, _, _ = synthetic
    segments = corpus.segments.head(120)

    def grams(text):
        words = [w.lower() for w in text.replace(".", " ").split()]
        return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]

    space = FeatureSpace(min_df=1, max_features=None)
    ours = space.fit_transform(segments)
    theirs = TfidfVectorizer(analyzer=grams, sublinear_tf=True).fit(segments["text"])
    names = [n.removeprefix("mot:") for n in space.names]
    assert sorted(names) == sorted(theirs.get_feature_names_out())
    columns = pd.Index(names).get_indexer(theirs.get_feature_names_out())
    expected = theirs.transform(segments["text"])
    assert abs(ours[:, columns] - expected).max() < 1e-12
    counts = CountVectorizer(analyzer=grams).fit_transform(segments["text"])
    assert ((ours[:, columns] > 0) != (counts > 0)).nnz == 0


def test_min_df_keeps_ngrams_of_several_segments_and_transform_uses_the_fitted_space():
    segments = pd.DataFrame(
        {
            "seg_id": ["a", "b", "c"],
            "text": ["la coopérative aide", "la coopérative", "autre chose"],
        }
    )
    space = FeatureSpace(min_df=2).fit(segments)
    assert space.names == ["mot:coopérative", "mot:la", "mot:la coopérative"]
    new = pd.DataFrame({"seg_id": ["z"], "text": ["La coopérative, encore la coopérative"]})
    features = space.transform(new)
    assert features.shape == (1, 3) and features.nnz == 3


def test_token_streams_take_lemmas_of_content_words_and_every_word():
    segments = pd.DataFrame({"seg_id": ["A:0"], "text": ["Nous coopérons"]})
    tokens = pd.DataFrame(
        {
            "seg_id": ["A:0"] * 3,
            "start": [0, 5, 14],
            "text": ["Nous", "coopérons", "."],
            "lemma": ["nous", "coopérer", "."],
            "is_stop": [True, False, False],
            "is_word": [True, True, False],
        }
    )
    streams = segment_streams(segments, tokens)
    lemmas, words = streams["lemmas"], streams["words"]
    assert list(lemmas.values[lemmas.ids]) == ["coopérer"]
    assert list(words.values[words.ids]) == ["nous", "coopérons"]


# -- labels, calibration, baseline ------------------------------------------------------------


def test_a_coding_labels_every_segment_it_overlaps():
    segments = pd.DataFrame(
        {
            "doc_id": ["D", "D", "D", "E"],
            "seg_id": ["D:0", "D:1", "D:2", "E:0"],
            "start": [0, 10, 20, 0],
            "end": [8, 18, 28, 8],
        }
    )
    codings = pd.DataFrame(
        {
            "coder": ["lea", "lea", "tom"],
            "doc_id": ["D", "E", "D"],
            "start": [5, 8, 0],
            "end": [12, 9, 30],
            "code": ["x", "x", "y"],
        }
    )
    labels, codes = segment_labels(codings, segments, coder="lea")
    assert codes == ["x"]
    assert labels.toarray().ravel().tolist() == [True, True, False, False]


def test_platt_scaling_is_that_of_scikit_learn():
    from sklearn.calibration import _sigmoid_calibration  # an independent implementation

    rng = np.random.default_rng(4)
    for n in (15, 300, 4000):
        scores = rng.normal(size=n) * 2.5
        labels = rng.random(n) < 1 / (1 + np.exp(-1.5 * scores + 0.7))
        ours = platt_scaling(scores, labels)
        theirs = _sigmoid_calibration(scores, labels)
        assert ours == pytest.approx(tuple(map(float, theirs)), abs=1e-5)
    assert platt_probability(np.array([0.0]), -1.0, 0.0)[0] == pytest.approx(0.5)


def test_keywords_are_chosen_on_the_examples_given():
    present = sp.csr_matrix(np.array([[1, 0, 1], [1, 0, 0], [0, 1, 1], [0, 0, 1]]))
    labels = np.array([True, True, False, False])
    assert choose_keywords(present, labels) == [0]
    assert keyword_predictions(present, [0]).tolist() == [True, True, False, False]
    assert choose_keywords(present, np.zeros(4, dtype=bool)) == []


# -- the model ------------------------------------------------------------------------------


def test_the_planted_code_beats_the_keywords_and_the_random_one_does_not(model):
    report = model.report.set_index("code")
    assert list(model.report.columns) == REPORT_COLUMNS
    planted, noise = report.loc["theme.cooperation"], report.loc["theme.random"]
    assert planted["status"] == "suggests"
    assert planted["f1"] > planted["baseline_f1"] and planted["f1"] > 0.85
    assert planted["label"] == "Coopération"
    assert set(planted["top_words"].split(", ")[:6]) <= set(PLANTED)
    assert noise["status"] == "below_baseline"
    assert noise["f1"] <= noise["baseline_f1"]
    assert noise["examples"] > 50 and noise["documents"] > 20


def test_suggestions_are_the_planted_segments_of_the_uncoded_documents(synthetic, model):
    corpus, _, planted = synthetic
    found = model.suggest()
    assert list(found.columns) == SUGGESTION_COLUMNS
    assert set(found["code"]) == {"theme.cooperation"}  # the random code suggests nothing
    assert set(found["doc_id"]) <= {f"D{d}" for d in range(30, 40)}
    truth = set(planted[planted].index) & set(
        corpus.segments.loc[corpus.segments["doc_id"] >= "D30", "seg_id"]
    )
    hits = set(found["seg_id"]) & truth
    assert len(hits) / len(found) >= 0.9 and len(hits) / len(truth) >= 0.8
    assert found["probability"].is_monotonic_decreasing
    assert (found["probability"] >= 0.5).all()
    first = found.iloc[0]
    assert corpus.text(first["doc_id"])[first["start"] : first["end"]] == first["quote"]
    assert set(first["words"].split(", ")) & set(PLANTED)
    assert (found["model"] == model.id).all() and model.id.startswith("suggest-")


def test_cross_validation_never_has_a_document_in_training_and_testing(model):
    for code in ("theme.cooperation", "theme.random"):
        folds = model.folds(code)
        assert len(folds) == 5
        tested = [doc for _, test in folds for doc in test]
        assert sorted(tested) == [f"D{d:02d}" for d in range(30)]  # each document tested once
        for train, test in folds:
            assert not set(train) & set(test)
            assert set(train) | set(test) == {f"D{d:02d}" for d in range(30)}


def test_held_out_probabilities_come_from_models_that_did_not_see_the_document(synthetic, model):
    planted = synthetic[2]
    held_out = model.held_out_probabilities("theme.cooperation")
    assert len(held_out) == 30 * 15 and held_out.between(0, 1).all()
    truth = planted.loc[held_out.index]
    assert held_out[truth].mean() > 0.8 > 0.2 > held_out[~truth].mean()


def test_the_same_seed_gives_the_same_report_and_suggestions(synthetic, codebook, model):
    corpus, codings, _ = synthetic
    again = train_suggestions(corpus, codings, coder="lea", codebook=codebook)
    pd.testing.assert_frame_equal(again.report, model.report)
    pd.testing.assert_frame_equal(again.suggest(), model.suggest())
    assert again.id == model.id
    other = train_suggestions(corpus, codings, coder="lea", parameters=SuggestionParameters(seed=1))
    assert other.id != model.id
    assert other.folds("theme.random") != model.folds("theme.random")


def test_two_processes_give_the_same_models(synthetic, codebook, model):
    corpus, codings, _ = synthetic
    parallel = train_suggestions(corpus, codings, coder="lea", codebook=codebook, n_jobs=2)
    pd.testing.assert_frame_equal(parallel.report, model.report)
    pd.testing.assert_frame_equal(parallel.suggest(), model.suggest())


def test_uncertainty_order_puts_the_least_sure_first(model):
    found = model.suggest(order="uncertainty", limit=8)
    distance = (found["probability"] - 0.5).abs()
    assert distance.is_monotonic_increasing and len(found) == 8
    with pytest.raises(InputError, match="unknown order"):
        model.suggest(order="random")


def test_too_few_examples_and_one_document_are_reported_not_modelled(synthetic):
    corpus, codings, _ = synthetic
    few = codings[codings["code"] == "theme.cooperation"].head(6)
    single = codings[codings["doc_id"] == "D00"].assign(code="theme.single")
    assert single["start"].nunique() >= 3
    rows = pd.concat([few, single, codings[codings["code"] == "theme.random"]])
    model = train_suggestions(
        corpus, rows, coder="lea", parameters=SuggestionParameters(min_examples=3)
    )
    report = model.report.set_index("code")
    assert report.loc["theme.single", "status"] == "one_document"
    strict = train_suggestions(corpus, rows, coder="lea", parameters=SuggestionParameters())
    assert strict.report.set_index("code").loc["theme.cooperation", "status"] == "too_few_examples"
    statement = predictability_statement(strict.report, min_examples=10)
    assert statement.startswith("Sur 1 code évalué, 0 fait mieux")


def test_a_coder_without_codings_or_a_pattern_matching_nothing_is_refused(synthetic):
    corpus, codings, _ = synthetic
    with pytest.raises(CodingError, match="'tom' has no coding"):
        train_suggestions(corpus, codings, coder="tom")
    with pytest.raises(CodingError, match=r"matches 'iw\.\*'"):
        train_suggestions(corpus, codings, coder="lea", codes="iw.*")
    with pytest.raises(InputError, match="between 0 and 1"):
        SuggestionParameters(threshold=1.5)


def test_the_statement_says_why_no_code_is_evaluated():
    report = pd.DataFrame(
        {
            "code": ["a", "b"],
            "label": ["Coopération", "Origine"],
            "examples": [2, 1],
            "documents": [1, 1],
            "status": ["too_few_examples", "too_few_examples"],
        }
    )
    text = predictability_statement(report, min_examples=10)
    assert "au moins 10 segments codés" in text and "(« Coopération ») en a 2" in text


# -- review files and the coding session ------------------------------------------------------


def _session(tmp_path, synthetic, codebook):
    corpus, codings, _ = synthetic
    folder = tmp_path / "codings"
    folder.mkdir(exist_ok=True)
    from research.coding import save_codings

    save_codings(folder, "lea", codings)
    return CodingSession(None, "lea", corpus=corpus, codebook=codebook, folder=folder)


def test_a_review_file_round_trips_with_its_provenance(tmp_path, model):
    found = model.suggest()
    path, side = write_suggestions(
        found,
        tmp_path / "out" / "suggestions.csv",
        provenance=model.provenance,
        report=model.report,
    )
    assert side == provenance_path(path) and side.name == "suggestions.provenance.json"
    record = json.loads(side.read_text(encoding="utf-8"))
    assert record["id"] == model.id and record["coder"] == "lea"
    assert sorted(record["training_documents"]) == [f"D{d:02d}" for d in range(30)]
    assert record["parameters"]["threshold"] == 0.5 and record["suggestions"] == len(found)
    assert {r["code"] for r in record["report"]} == {"theme.cooperation", "theme.random"}
    back = read_suggestions(path)
    assert list(back.index[:2]) == [2, 3] and back.index.name == "row"
    assert back[["doc_id", "start", "end", "code"]].values.tolist() == (
        found[["doc_id", "start", "end", "code"]].values.tolist()
    )
    assert back["decision"].isna().all()
    xlsx, _ = write_suggestions(found, tmp_path / "s.xlsx", provenance=model.provenance)
    assert read_suggestions(xlsx)["seg_id"].tolist() == found["seg_id"].tolist()


def test_a_bad_decision_names_the_row(tmp_path, model):
    path, _ = write_suggestions(model.suggest(), tmp_path / "s.csv", provenance=model.provenance)
    frame = pd.read_csv(path, dtype=object, keep_default_na=False)
    frame.loc[2, "decision"] = "peut-être"
    frame.to_csv(path, index=False)
    with pytest.raises(InputError, match=r"s\.csv, row 4, column 'decision'"):
        read_suggestions(path)


def test_accepting_and_rejecting_round_trip_through_the_coding_store(tmp_path, synthetic, codebook):
    session = _session(tmp_path, synthetic, codebook)
    found = session.suggestions(lemmas=False)
    assert set(found.attrs["report"]["code"]) == {"theme.cooperation", "theme.random"}
    before = len(load_codings(session.folder))
    decided = found.head(5).assign(decision=["accept", "oui", "reject", "non", ""])
    counts = session.review(decided)
    assert counts == {"accepted": 2, "rejected": 2, "undecided": 1}
    assert len(load_codings(session.folder)) == before  # accepted: saved with save() only
    rejected = read_rejections(session.folder, "lea")
    assert rejected[["doc_id", "code"]].values.tolist() == (
        decided.iloc[2:4].sort_values(["doc_id", "start"])[["doc_id", "code"]].values.tolist()
    )
    session.save()
    saved = load_codings(session.folder)
    assert len(saved) == before + 2
    new = saved.merge(decided.iloc[:2][["doc_id", "start", "end", "code"]])
    assert len(new) == 2 and (new["coder"] == "lea").all()
    assert new["memo"].str.startswith(f"Suggestion du modèle {found['model'].iloc[0]}").all()
    assert new["memo"].str.contains("acceptée par lea").all()
    assert sorted(p.name for p in session.folder.iterdir() if not p.name.startswith(".")) == [
        "lea.csv",
        "suggestions-lea-decisions.csv",
    ]
    # a new model neither suggests the rejected passages nor the accepted (now coded) ones
    again = CodingSession(
        None, "lea", corpus=session.corpus, codebook=codebook, folder=session.folder
    ).suggestions(lemmas=False)
    seen = set(zip(again["seg_id"], again["code"], strict=True))
    for row in decided.iloc[:4].itertuples():
        assert (row.seg_id, row.code) not in seen
    assert (decided.iloc[4]["seg_id"], decided.iloc[4]["code"]) in seen


def test_rejecting_twice_is_remembered_once(tmp_path, synthetic, codebook):
    session = _session(tmp_path, synthetic, codebook)
    found = session.suggestions(lemmas=False).head(2)
    assert session.reject(found) == 2
    assert session.reject(found) == 0
    assert len(read_rejections(session.folder, "lea")) == 2


def test_a_suggestion_whose_text_changed_is_refused_and_nothing_is_coded(
    tmp_path, synthetic, codebook
):
    session = _session(tmp_path, synthetic, codebook)
    found = session.suggestions(lemmas=False).head(3).copy()
    found.loc[found.index[2], "quote"] = "un autre texte"
    with pytest.raises(CodingError, match=r"row 3: the passage .* no longer reads"):
        session.accept(found)
    assert session.pending == 0
    with pytest.raises(CodingError, match=r"unknown code|is a category"):
        session.accept(found.head(1).assign(code="theme"))


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_rejections_follow_the_text_when_names_are_pseudonymised(tmp_path):
    from research.cli import main
    from research.privacy import apply_pseudonymisation
    from research.project import open_project

    root = tmp_path / "these"
    assert main(["init", str(root)]) == 0
    subprocess.run(["git", "-C", str(root), "init", "-q"], check=True)
    source = tmp_path / "entretien.txt"
    source.write_text(
        "Enquêtrice : Et ensuite ?\n\nRépondant : Hélène Cuenot nous a aidés, on a coopéré.\n\n"
        "Enquêtrice : Merci.\n\nRépondant : Merci à vous.\n",
        encoding="utf-8",
    )
    assert main(["import", str(source), "--kind", "interview", "-C", str(root)]) == 0
    (root / "codebook" / "t.yaml").write_text("id: t\ncodes:\n  - id: coop\n", "utf-8")
    (root / "private").mkdir()
    (root / "private" / "pseudonyms.yaml").write_text(
        "- real: Hélène Cuenot\n  pseudonym: Maud Perrin\n  kind: person\n", "utf-8"
    )
    project = open_project(root)
    segment = project.corpus.segments.iloc[1]
    session = CodingSession(project, "lea")
    suggestion = pd.DataFrame(
        [
            {
                "doc_id": segment["doc_id"],
                "start": segment["start"],
                "end": segment["end"],
                "code": "t.coop",
                "model": "m",
            }
        ]
    )
    assert session.reject(suggestion) == 1
    apply_pseudonymisation(project)
    project = open_project(root)
    rejected = read_rejections(project.paths.codings, "lea")
    row = rejected.iloc[0]
    assert row["quote"] == "Maud Perrin nous a aidés, on a coopéré."
    assert project.corpus.text(row["doc_id"])[int(row["start"]) : int(row["end"])] == row["quote"]


def test_a_code_on_every_segment_it_learns_from_is_not_modelled(synthetic, recwarn):
    """Every training fold holds only positive examples, so no fold fits a model: the code
    is reported as not beating the baseline and suggests nothing (no mean of no models)."""
    corpus, codings, _ = synthetic
    segments = corpus.segments
    coded = segments[segments["doc_id"].isin(codings["doc_id"].unique())]
    everywhere = pd.DataFrame(
        {
            "coder": "lea",
            "doc_id": coded["doc_id"].to_numpy(),
            "start": coded["start"].to_numpy(),
            "end": coded["end"].to_numpy(),
            "code": "theme.everywhere",
            "quote": coded["text"].to_numpy(),
            "memo": "",
            "created": pd.NaT,
        }
    )
    model = train_suggestions(corpus, everywhere, coder="lea")
    row = model.report.set_index("code").loc["theme.everywhere"]
    assert row["status"] == "below_baseline"
    assert model.suggest().empty
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]
