"""Benchmark: code suggestions for 60 codes on 100,000 segments.

Builds in memory a corpus of 1,000 documents of 100 paragraphs (100,000
segments, about 2.7 million words) with its token table (as the French model's
annotation would give it, lemmas included, without running the model), and 60
codes each planted with its own vocabulary; a coder has coded the first 300
documents (30,000 segments). Then times:

- features: the lemma and word n-grams of every segment, TF-IDF
  (:class:`research.suggest.FeatureSpace`), next to scikit-learn's
  ``TfidfVectorizer`` fed with the same token streams;
- cross-validation: :func:`research.suggest.train_suggestions` for all 60 codes
  (features, 5 folds grouped by document for each code with Platt scaling and the
  keyword baseline, then the final models), target under 60 s;
- scoring: the 70,000 uncoded segments, from their tokens (features in the fitted
  space, probabilities of every code), target under 5 s, and the suggestions
  themselves (ranked, with the words that weighed most);
- the same scikit-learn pipeline fitted directly (the two ``TfidfVectorizer``
  of a ``FeatureUnion`` and one-vs-rest logistic regressions, liblinear's dual
  solver, no cross-validation, no calibration), and its ``predict_proba`` on the
  uncoded segments: the baselines of the ratios.

Figures go to ``benchmarks/results/suggest.txt``. The machine is shared: the
ratios to the direct pipeline, measured in the same run, are the figures to read.

Run: ``python benchmarks/bench_suggest.py [--repeat 1] [--jobs 1]``
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path

import numpy as np
import pandas as pd

from research.corpus import Corpus
from research.suggest import FeatureSpace, SuggestionParameters, train_suggestions

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
N_DOCUMENTS, PER_DOCUMENT, N_CODES, CODED = 1_000, 100, 60, 300
VOCABULARY = 6_000


def build(seed: int = 7):
    """The corpus, its tokens and the coder's codings."""
    rng = np.random.default_rng(seed)
    words = np.array([f"mot{i:04d}" for i in range(VOCABULARY)], dtype=object)
    frequency = 1.0 / np.arange(1, VOCABULARY + 1)
    frequency /= frequency.sum()
    planted = rng.choice(np.arange(300, VOCABULARY), size=(N_CODES, 10), replace=False)
    n = N_DOCUMENTS * PER_DOCUMENT
    carries = rng.random((n, N_CODES)) < 0.02
    texts, token_ids = [], []
    for i in range(n):
        ids = list(rng.choice(VOCABULARY, size=int(rng.integers(15, 40)), p=frequency))
        for code in np.flatnonzero(carries[i]):
            ids += list(rng.choice(planted[code], size=2, replace=False))
        if rng.random() < 0.3:
            ids.append(int(rng.choice(planted.ravel())))
        rng.shuffle(ids)
        token_ids.append(ids)
        texts.append(" ".join(words[ids]))
    documents = {
        f"DOC{d:04d}": "\n\n".join(texts[d * PER_DOCUMENT : (d + 1) * PER_DOCUMENT]) + "\n"
        for d in range(N_DOCUMENTS)
    }
    corpus = Corpus.from_texts(documents, metadata={d: {"kind": "minutes"} for d in documents})
    segments = corpus.segments
    assert len(segments) == n
    lengths = np.array([len(ids) for ids in token_ids])
    rows = np.repeat(np.arange(n), lengths)
    flat = np.concatenate([np.asarray(ids) for ids in token_ids])
    position = np.arange(len(flat)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    starts = segments["start"].to_numpy()[rows] + position * 8  # 'motNNNN ' is 8 characters
    text = words[flat]
    tokens = pd.DataFrame(
        {
            "doc_id": segments["doc_id"].to_numpy()[rows],
            "seg_id": segments["seg_id"].to_numpy()[rows],
            "start": starts,
            "end": starts + 7,
            "text": text,
            "lemma": text,
            "pos": "NOUN",
            "is_stop": flat < 50,
            "is_alpha": False,
            "ent_type": "",
            "is_word": True,
        }
    )
    coded_rows, coded_codes = np.nonzero(carries[: CODED * PER_DOCUMENT])
    seg = segments.iloc[coded_rows]
    codings = pd.DataFrame(
        {
            "coder": "bench",
            "doc_id": seg["doc_id"].to_numpy(),
            "start": seg["start"].to_numpy(),
            "end": seg["end"].to_numpy(),
            "code": [f"c.{c:02d}" for c in coded_codes],
            "quote": "",
            "memo": "",
        }
    )
    return corpus, tokens, codings


def _streams(tokens: pd.DataFrame, seg_ids: pd.Series) -> tuple[list, list]:
    """Each segment's content lemmas and words, as lists (what TfidfVectorizer is fed)."""
    grouped = tokens.groupby("seg_id", sort=False)
    lemmas = tokens[~tokens["is_stop"]].groupby("seg_id", sort=False)["lemma"].agg(list)
    words = grouped["text"].agg(list)
    return (
        [lemmas.get(s, []) for s in seg_ids],
        [words.get(s, []) for s in seg_ids],
    )


def _grams(tokens: list) -> list:
    return list(tokens) + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


def _direct_pipeline(parameters: SuggestionParameters):
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import Pipeline

    def vectorizer():
        return TfidfVectorizer(
            analyzer=_grams, min_df=parameters.min_df, max_features=parameters.max_features,
            sublinear_tf=True,
        )  # fmt: skip

    features = ColumnTransformer(
        [("lemmas", vectorizer(), "lemmas"), ("words", vectorizer(), "words")]
    )
    model = LogisticRegression(
        solver="liblinear", dual=True, C=parameters.C, tol=parameters.tol, max_iter=1000
    )
    return Pipeline([("features", features), ("model", OneVsRestClassifier(model))])


def _timed(function):
    start = time.perf_counter()
    value = function()
    return time.perf_counter() - start, value


def run(repeat: int, jobs: int) -> str:
    t_build, (corpus, tokens, codings) = _timed(build)
    segments = corpus.segments
    coded = segments["doc_id"] < f"DOC{CODED:04d}"
    parameters = SuggestionParameters()
    lemma_lists, word_lists = _streams(tokens, segments["seg_id"])
    frame = pd.DataFrame({"lemmas": lemma_lists, "words": word_lists})
    labels = pd.crosstab(
        codings["doc_id"] + ":" + codings["start"].astype(str), codings["code"]
    )  # segments × codes of the coded documents
    keys = segments["doc_id"] + ":" + segments["start"].astype(str)
    Y = labels.reindex(keys[coded]).fillna(0).to_numpy() > 0
    uncoded_segments = segments[~coded].reset_index(drop=True)
    uncoded_tokens = tokens[tokens["doc_id"] >= f"DOC{CODED:04d}"]
    results: dict[str, list[float]] = {}

    def record(name, seconds):
        results.setdefault(name, []).append(seconds)

    for _ in range(repeat):
        seconds, _ = _timed(lambda: FeatureSpace().fit_transform(segments, tokens))
        record("features (ours)", seconds)
        from sklearn.compose import ColumnTransformer

        union = _direct_pipeline(parameters).named_steps["features"]
        seconds, _ = _timed(lambda u=union: u.fit_transform(frame))
        record("features (TfidfVectorizer)", seconds)
        assert isinstance(union, ColumnTransformer)
        pipeline = _direct_pipeline(parameters)
        seconds, _ = _timed(lambda p=pipeline: p.fit(frame[coded.to_numpy()], Y))
        record("direct pipeline fit", seconds)
        seconds, _ = _timed(lambda p=pipeline: p.predict_proba(frame[~coded.to_numpy()]))
        record("direct pipeline predict_proba", seconds)
        seconds, model = _timed(
            lambda: train_suggestions(
                corpus, codings, coder="bench", tokens=tokens, parameters=parameters, n_jobs=jobs
            )
        )
        record("cross-validation, all codes", seconds)
        seconds, _ = _timed(lambda m=model: m.probabilities(uncoded_segments, uncoded_tokens))
        record("scoring uncoded segments", seconds)
        seconds, found = _timed(lambda m=model: m.suggest())
        record("suggestions (ranked, explained)", seconds)
    report = model.report
    best = {name: min(values) for name, values in results.items()}
    direct_fit, direct_predict = best["direct pipeline fit"], best["direct pipeline predict_proba"]
    suggesting = int((report["status"] == "suggests").sum())
    lines = [
        f"Code suggestions: {N_CODES} codes, {len(segments):,} segments in {N_DOCUMENTS} "
        f"documents ({len(tokens):,} tokens); {int(coded.sum()):,} coded segments in {CODED} "
        f"documents, {len(codings):,} codings; {len(uncoded_segments):,} uncoded segments.",
        f"Best of {repeat} run(s), n_jobs={jobs}; corpus built in {t_build:.1f} s.",
        "",
        f"{'step':<34} {'seconds':>8}  ratio",
    ]
    for name in results:
        base = direct_predict if "scoring" in name or "suggestions" in name else direct_fit
        if name.startswith("features"):
            base = best["features (TfidfVectorizer)"]
        lines.append(f"{name:<34} {best[name]:>8.2f}  {best[name] / base:5.2f}")
    lines += [
        "",
        "ratios: features to TfidfVectorizer on the same tokens; cross-validation to the direct",
        "pipeline's fit; scoring and suggestions to its predict_proba on the uncoded segments.",
        f"targets: cross-validation < 60 s: {best['cross-validation, all codes']:.1f} s; "
        f"scoring < 5 s: {best['scoring uncoded segments']:.1f} s.",
        f"{suggesting} of {len(report)} codes beat the keyword baseline; mean cross-validated "
        f"F1 {report['f1'].mean():.3f} (keywords {report['baseline_f1'].mean():.3f}); "
        f"{len(found):,} suggestions.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1, help="codes fitted at once (1 or 2)")
    args = parser.parse_args()
    text = run(args.repeat, args.jobs)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "suggest.txt").write_text(text, encoding="utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
