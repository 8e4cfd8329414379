"""Codes suggested by a model of one coder's codings, honest about how well it does.

For each code with enough examples, :func:`train_suggestions` fits a logistic
regression with an L2 penalty on the TF-IDF lemma and word n-grams of the
segments (:class:`FeatureSpace`), solved by liblinear's dual coordinate descent
(Yu, Huang and Lin, 2011: fast when n-grams outnumber segments, as they do), and
turns its scores into probabilities by Platt scaling on cross-validated scores
(:mod:`research.suggest._calibration`). The model that suggests is the average
of the models evaluated, one per fold (their coefficients averaged: a linear
model still, whose weights are those shown), so what is reported is what is used.

How good it is, it says. Cross-validation is **grouped by document**
(scikit-learn's ``StratifiedGroupKFold``): the segments of one interview are
never split between training and testing, since they share a speaker, a topic
and the coder's habits, and a model tested on the document it learnt from would
look better than it is. Every segment of the coded documents is scored once by
a model that did not see its document; precision, recall and F1 at the chosen
threshold come from these held-out probabilities (each calibrated without its
fold's rows), next to the same figures for a keyword baseline chosen on the same
training folds (:mod:`research.suggest._baseline`). A code whose model does not
beat the baseline (or that has fewer than ``min_examples`` coded segments, or
examples in one document only) suggests nothing, and the report says why.

The words that weigh most are the model's own coefficients: for a code, its
largest positive weights; for a suggested segment, the n-grams whose weight
times their TF-IDF in the segment add most to its score.

Everything is determined by the inputs and the ``seed``: the same codings give
the same folds, models, report and suggestions.

References
----------
.. [1] Yu, H.-F., Huang, F.-L. and Lin, C.-J. (2011). Dual coordinate descent
   methods for logistic regression and maximum entropy models. *Machine
   Learning*, 85(1-2), 41-75.
.. [2] Platt, J. (1999). Probabilistic outputs for support vector machines.
   In *Advances in Large Margin Classifiers* (pp. 61-74). MIT Press.
.. [3] Lewis, D. D. and Gale, W. A. (1994). A sequential algorithm for training
   text classifiers. In *SIGIR '94* (pp. 3-12): uncertainty sampling, the
   "most uncertain first" order.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.exceptions import ConvergenceWarning

from research.errors import CodingError, InputError
from research.suggest._baseline import choose_keywords, keyword_predictions
from research.suggest._calibration import platt_probability, platt_scaling
from research.suggest._features import STREAMS, FeatureSpace
from research.suggest._labels import coded_documents, segment_labels

if TYPE_CHECKING:
    from research.codebook import Codebook
    from research.corpus import Corpus

__all__ = [
    "REPORT_COLUMNS",
    "STATUSES",
    "SUGGESTION_COLUMNS",
    "SuggestionModel",
    "SuggestionParameters",
    "report_records",
    "train_suggestions",
]

#: Columns of the cross-validated report, one row per code.
REPORT_COLUMNS = [
    "code",
    "label",
    "examples",
    "documents",
    "precision",
    "recall",
    "f1",
    "baseline_precision",
    "baseline_recall",
    "baseline_f1",
    "keywords",
    "top_words",
    "status",
]
#: What the report says of each code.
STATUSES = ("suggests", "below_baseline", "too_few_examples", "one_document")
#: Columns of a table of suggestions (one row per segment and code).
SUGGESTION_COLUMNS = [
    "doc_id",
    "seg_id",
    "start",
    "end",
    "code",
    "label",
    "probability",
    "words",
    "speaker",
    "quote",
    "model",
    "decision",
]
Order = Literal["probability", "uncertainty"]


@dataclass(frozen=True)
class SuggestionParameters:
    """The choices of a suggestion model (all saved in its provenance).

    Attributes
    ----------
    threshold : float
        Probability from which a segment is suggested, and at which precision,
        recall and F1 are reported.
    min_examples : int
        Fewest coded segments a code needs to get a model.
    n_splits : int
        Folds of the cross-validation (fewer when fewer documents are coded).
    seed : int
        Seed of the folds and of the solvers.
    C : float
        Inverse of the L2 penalty of the logistic regression (scikit-learn's ``C``).
    tol : float
        Stopping tolerance of the solver: 0.1, liblinear's own default for its dual
        solvers (scikit-learn's 1e-4 costs a third more time and changes no ranking,
        which is all Platt scaling keeps).
    ngram_max, min_df, max_features :
        The n-grams (see :class:`FeatureSpace`).
    """

    threshold: float = 0.5
    min_examples: int = 10
    n_splits: int = 5
    seed: int = 0
    C: float = 10.0
    tol: float = 0.1
    ngram_max: int = 2
    min_df: int = 2
    max_features: int | None = 100_000

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise InputError(
                f"the threshold is a probability between 0 and 1, not {self.threshold!r}",
                hint="for instance --threshold 0.7",
            )
        if self.min_examples < 2:
            raise InputError(f"min_examples must be at least 2, not {self.min_examples!r}")
        if self.n_splits < 2:
            raise InputError(f"n_splits must be at least 2, not {self.n_splits!r}")


@dataclass
class _CodeModel:
    """What :func:`train_suggestions` keeps of one code."""

    code: str
    row: dict[str, Any]
    coef: np.ndarray | None = None
    intercept: float = 0.0
    platt: tuple[float, float] = (0.0, 0.0)
    folds: list[tuple[list[str], list[str]]] = field(default_factory=list)
    rows: np.ndarray | None = None  # the segments (rows of the corpus) it learnt from
    held_out: np.ndarray | None = None  # cross-validated probability of each of them

    @property
    def suggests(self) -> bool:
        return self.row["status"] == "suggests"


def _classifier(parameters: SuggestionParameters):
    """The logistic regression (L2) of one code."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(
        solver="liblinear",
        dual=True,
        C=parameters.C,
        tol=parameters.tol,
        max_iter=1000,
        random_state=parameters.seed,
    )


def _fit_scores(
    X: sp.csr_matrix, y: np.ndarray, parameters: SuggestionParameters
) -> tuple[np.ndarray | None, float]:
    """Coefficients and intercept of one code's model (``None`` when ``y`` is constant)."""
    if y.all() or not y.any():
        return None, 0.0
    with warnings.catch_warnings():  # a code rarely needs more than the iterations given
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = _classifier(parameters).fit(X, y)
    return model.coef_.ravel().copy(), float(model.intercept_[0])


def _scores(X: sp.csr_matrix, coef: np.ndarray | None, intercept: float) -> np.ndarray:
    if coef is None:
        return np.full(X.shape[0], np.nan)
    return X @ coef + intercept


def _rows_of(X: sp.csr_matrix, rows: np.ndarray) -> sp.csr_matrix:
    """Rows of a matrix whose column indices are sorted, said to be sorted (scikit-learn
    would otherwise sort them again before each fit)."""
    out = X[rows]
    out.has_sorted_indices = X.has_sorted_indices
    return out


def _metrics(truth: np.ndarray, predicted: np.ndarray) -> tuple[float, float, float]:
    tp = int((truth & predicted).sum())
    n_predicted, n_true = int(predicted.sum()), int(truth.sum())
    precision = tp / n_predicted if n_predicted else 0.0
    recall = tp / n_true if n_true else 0.0
    f1 = 2 * tp / (n_predicted + n_true) if n_predicted + n_true else 0.0
    return precision, recall, f1


def _folds(y: np.ndarray, groups: np.ndarray, parameters: SuggestionParameters):
    from sklearn.model_selection import StratifiedGroupKFold

    n_splits = min(parameters.n_splits, len(np.unique(groups)))
    splitter = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=parameters.seed)
    return list(splitter.split(np.zeros(len(y)), y, groups))


def _fill_missing(scores: np.ndarray) -> np.ndarray:
    """Scores of folds whose model could not be fitted (no example of the code in their
    training documents): the lowest score found elsewhere, "surely not"."""
    missing = np.isnan(scores)
    if missing.all():
        return np.zeros_like(scores)
    if missing.any():
        scores = scores.copy()
        scores[missing] = np.nanmin(scores) - 1.0
    return scores


def _fit_code(
    code: str,
    rows: np.ndarray,
    X: sp.csr_matrix,
    y: np.ndarray,
    groups: np.ndarray,
    doc_names: np.ndarray,
    present: sp.csr_matrix,
    parameters: SuggestionParameters,
) -> _CodeModel:
    """Cross-validate, then fit, the model of one code on the segments ``rows``
    (features ``X``, labels ``y``, documents ``groups``)."""
    examples = int(y.sum())
    documents = len(np.unique(groups[y]))
    row: dict[str, Any] = {"code": code, "examples": examples, "documents": documents}
    if examples < parameters.min_examples:
        return _CodeModel(code, {**row, "status": "too_few_examples"}, rows=rows)
    if documents < 2:
        return _CodeModel(code, {**row, "status": "one_document"}, rows=rows)
    folds = _folds(y, groups, parameters)
    scores = np.full(len(y), np.nan)
    baseline = np.zeros(len(y), dtype=bool)
    fitted = []
    for train, test in folds:
        coef, intercept = _fit_scores(_rows_of(X, train), y[train], parameters)
        scores[test] = _scores(X[test], coef, intercept)
        if coef is not None:
            fitted.append((coef, intercept))
        keywords = choose_keywords(present, y, train)
        baseline[test] = keyword_predictions(present[test], keywords)
    scores = _fill_missing(scores)
    held_out = np.empty(len(y))
    for _, test in folds:
        others = np.ones(len(y), dtype=bool)
        others[test] = False
        a, b = platt_scaling(scores[others], y[others])
        held_out[test] = platt_probability(scores[test], a, b)
    precision, recall, f1 = _metrics(y, held_out >= parameters.threshold)
    b_precision, b_recall, b_f1 = _metrics(y, baseline)
    coef, intercept = None, 0.0
    if fitted:  # the models evaluated, averaged
        coef = np.mean([c for c, _ in fitted], axis=0)
        intercept = float(np.mean([i for _, i in fitted]))
    status = "suggests" if f1 > b_f1 and f1 > 0 and coef is not None else "below_baseline"
    row.update(
        precision=precision,
        recall=recall,
        f1=f1,
        baseline_precision=b_precision,
        baseline_recall=b_recall,
        baseline_f1=b_f1,
        status=status,
        _keywords=choose_keywords(present, y),
    )
    return _CodeModel(
        code,
        row,
        rows=rows,
        coef=coef,
        intercept=intercept,
        platt=platt_scaling(scores, y),
        folds=[
            (sorted(set(doc_names[groups[train]])), sorted(set(doc_names[groups[test]])))
            for train, test in folds
        ],
        held_out=held_out,
    )


def _shown(name: str, *, quoted: bool = True) -> str:
    """A feature as a reader sees it: a lemma as it is, words as written in « » (when
    there are lemmas to tell them from)."""
    stream, _, text = name.partition(":")
    text = text.replace("_", " ")
    return f"« {text} »" if stream == STREAMS["words"] and quoted else text


def _top_features(
    weights: np.ndarray, names: Sequence[str], top: int, columns: np.ndarray | None = None
) -> list[str]:
    """The features of the ``top`` largest positive ``weights`` (of ``columns`` when given), as
    readers see them."""
    quoted = any(name.startswith(STREAMS["lemmas"] + ":") for name in names[:1] + names[-1:])
    order = np.argsort(-weights, kind="stable")
    shown: list[str] = []
    for i in order:
        if weights[i] <= 0 or len(shown) == top:
            break
        text = _shown(names[i if columns is None else int(columns[i])], quoted=quoted)
        if text not in shown:
            shown.append(text)
    return shown


def _fingerprint(frame: pd.DataFrame) -> str:
    columns = [c for c in ("doc_id", "start", "end", "code") if c in frame.columns]
    ordered = frame[columns].astype(str).sort_values(columns, kind="stable")
    text = ordered.to_csv(index=False, lineterminator="\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def train_suggestions(
    corpus: Corpus,
    codings: pd.DataFrame,
    *,
    coder: str,
    tokens: pd.DataFrame | None = None,
    codes: str | Sequence[str] | None = None,
    documents: Iterable[str] | None = None,
    rejected: pd.DataFrame | None = None,
    codebook: Codebook | None = None,
    codebook_version: str | None = None,
    parameters: SuggestionParameters | None = None,
    n_jobs: int = 1,
) -> SuggestionModel:
    """Learn, for each code of one coder, which segments carry it; say how well.

    The examples of a code are the segments of the documents the coder has
    finished (positive when coded with it, negative otherwise), the segments
    coded with it elsewhere (an accepted suggestion is an example at once), and
    the segments whose suggestion for it the coder rejected (negative).

    Parameters
    ----------
    corpus : Corpus
        Its segments are the units classified.
    codings : DataFrame
        Codings (``coder``, ``doc_id``, ``start``, ``end``, ``code``, ``memo``); only
        ``coder``'s count.
    coder : str
    tokens : DataFrame, optional
        The corpus's normalised tokens (:func:`research.nlp.annotate`, then
        :func:`research.nlp.normalise_tokens`), for the lemma n-grams; without
        them, word n-grams only.
    codes : str or sequence of str, optional
        Codes (ids or ``fnmatch`` patterns such as ``"iw.*"``) among those the
        coder used (default: all).
    documents : iterable of str, optional
        The documents the coder has finished (default: those with at least one of
        their codings made by hand, see :func:`coded_documents`). Suggestions
        are made for the segments of the other documents.
    rejected : DataFrame, optional
        The coder's rejected suggestions (``doc_id``, ``start``, ``end``, ``code``).
    codebook : Codebook, optional
        For the codes' labels.
    codebook_version : str, optional
        Recorded in the provenance (default: a digest of the codebook's codes).
    parameters : SuggestionParameters, optional
    n_jobs : int
        Codes fitted at once, in other processes (1 or 2 on a shared machine).

    Returns
    -------
    SuggestionModel

    Raises
    ------
    CodingError
        When the coder has no coding, or a pattern of ``codes`` matches none of
        their codes.
    """
    from research.codebook import choose_codes

    parameters = parameters or SuggestionParameters()
    mine = codings[codings["coder"].astype(str) == coder]
    if mine.empty:
        raise CodingError(
            f"{coder!r} has no coding to learn from",
            hint="suggestions learn from a coder's codings: code some passages first",
        )
    used = sorted(set(mine["code"].astype(str)))
    chosen = [c for c in choose_codes(used, codes, where=f"of {coder}") if c in used]
    segments = corpus.segments.reset_index(drop=True)
    finished = sorted(set(documents)) if documents is not None else coded_documents(mine, coder)
    labels, chosen = segment_labels(mine, segments, coder=coder, codes=chosen)
    refused = _refusals(rejected, segments, chosen)
    space = FeatureSpace(
        ngram_max=parameters.ngram_max,
        min_df=parameters.min_df,
        max_features=parameters.max_features,
    )
    features = space.fit_transform(segments, tokens)
    finished_rows = segments["doc_id"].astype(str).isin(set(finished)).to_numpy()
    doc_codes, doc_names = pd.factorize(segments["doc_id"].astype(str), sort=True)
    keyword_columns = _keyword_columns(space)
    training = _Training(
        chosen=chosen,
        features=features,
        present=(features[:, keyword_columns] > 0).tocsr(),
        labels=labels.tocsc(),
        refused=refused.tocsc(),
        finished=finished_rows,
        doc_codes=doc_codes,
        doc_names=np.asarray(doc_names, dtype=object),
        parameters=parameters,
    )
    from threadpoolctl import threadpool_limits

    # BLAS threads only wait on each other over vectors of this size (tenfold slower
    # on a busy machine); codes are fitted in parallel instead, with ``n_jobs``.
    with threadpool_limits(limits=1, user_api="blas"):
        if n_jobs == 1 or len(chosen) < 2:
            models = _fit_codes(training, list(range(len(chosen))))
        else:  # processes: liblinear's random generator is one per process, not thread-safe
            from joblib import Parallel, delayed

            parts = [list(range(len(chosen)))[i::n_jobs] for i in range(n_jobs)]
            done = Parallel(n_jobs=n_jobs)(delayed(_fit_codes)(training, p) for p in parts)
            by_column = {
                j: m
                for part, ms in zip(parts, done, strict=True)
                for j, m in zip(part, ms, strict=True)
            }
            models = [by_column[j] for j in range(len(chosen))]
    provenance = _provenance(
        corpus,
        mine,
        coder,
        finished,
        codebook,
        codebook_version,
        parameters,
        space,
        int(finished_rows.sum()),
    )
    return SuggestionModel(
        models=models,
        space=space,
        features=features,
        segments=segments,
        labels=labels,
        refused=refused,
        finished=finished_rows,
        keyword_names=[space.names[i] for i in keyword_columns],
        codebook=codebook,
        parameters=parameters,
        provenance=provenance,
    )


@dataclass
class _Training:
    """What fitting each code needs (sent once to each process with ``n_jobs``)."""

    chosen: list[str]
    features: sp.csr_matrix
    present: sp.csr_matrix
    labels: sp.csc_matrix
    refused: sp.csc_matrix
    finished: np.ndarray
    doc_codes: np.ndarray
    doc_names: np.ndarray
    parameters: SuggestionParameters

    def fit(self, j: int, shared: tuple | None = None) -> _CodeModel:
        """The model of the ``j``-th code: its examples are the segments of the finished
        documents, and those coded with it or rejected for it elsewhere."""
        positive = self.labels[:, j].toarray().ravel()
        outside = (positive | self.refused[:, j].toarray().ravel()) & ~self.finished
        if outside.any() or shared is None:
            rows = np.flatnonzero(self.finished | outside)
            X, present = self.features[rows], self.present[rows]
        else:
            rows, X, present = shared
        y, groups = positive[rows], self.doc_codes[rows]
        return _fit_code(
            self.chosen[j], rows, X, y, groups, self.doc_names, present, self.parameters
        )


def _fit_codes(training: _Training, columns: list[int]) -> list[_CodeModel]:
    """The models of some codes (the features of the finished documents cut once)."""
    rows = np.flatnonzero(training.finished)
    shared = (rows, training.features[rows], training.present[rows])
    return [training.fit(j, shared) for j in columns]


def _refusals(
    rejected: pd.DataFrame | None, segments: pd.DataFrame, codes: list[str]
) -> sp.csr_matrix:
    """The segments × codes the coder rejected as suggestions."""
    if rejected is None or rejected.empty:
        return sp.csr_matrix((len(segments), len(codes)), dtype=bool)
    frame = rejected.assign(coder="_").astype({"start": "int64", "end": "int64"})
    matrix, _ = segment_labels(frame, segments, coder="_", codes=codes)
    return matrix


def _keyword_columns(space: FeatureSpace) -> list[int]:
    """The single lemmas (single words without lemmas) the keyword baseline chooses from."""
    prefix = STREAMS["lemmas"] if "lemmas" in space.streams else STREAMS["words"]
    return [
        i for i, name in enumerate(space.names) if name.startswith(prefix + ":") and " " not in name
    ]


def _provenance(
    corpus: Corpus,
    mine: pd.DataFrame,
    coder: str,
    finished: list[str],
    codebook: Codebook | None,
    codebook_version: str | None,
    parameters: SuggestionParameters,
    space: FeatureSpace,
    train_rows: int,
) -> dict[str, Any]:
    hashes = corpus.documents.set_index("doc_id")["sha256"]
    if codebook_version is None and codebook is not None:
        codes = codebook.codes[["code", "parent", "label", "definition", "include", "exclude"]]
        text = codes.astype(str).to_csv(index=False, lineterminator="\n")
        codebook_version = hashlib.sha256(text.encode("utf-8")).hexdigest()
    record = {
        "coder": coder,
        "codebook_version": codebook_version,
        "training_documents": {d: str(hashes.get(d, "")) for d in finished},
        "codings": {"count": len(mine), "sha256": _fingerprint(mine)},
        "parameters": asdict(parameters),
        "features": {
            "streams": space.streams,
            "n_features": len(space.names),
            "weighting": "tf-idf (sublinear tf, smoothed idf, unit rows)",
        },
        "model": "logistic regression (L2, liblinear dual coordinate descent); Platt "
        "scaling on cross-validated scores",
        "examples": int(train_rows),
        "cross_validation": "StratifiedGroupKFold by document",
    }
    digest = hashlib.sha256(json.dumps(record, sort_keys=True, default=str).encode("utf-8"))
    return {"id": f"suggest-{digest.hexdigest()[:10]}", **record}


@dataclass
class SuggestionModel:
    """A trained suggestion model: its cross-validated report, and the suggestions it makes.

    Made by :func:`train_suggestions`. :attr:`report` is the table of every
    code; :meth:`suggest` the segments to review; :attr:`provenance` what it was
    trained on and with (saved next to suggestions by
    :func:`research.suggest.write_suggestions`).
    """

    models: list[_CodeModel]
    space: FeatureSpace
    features: sp.csr_matrix
    segments: pd.DataFrame
    labels: sp.csr_matrix
    refused: sp.csr_matrix
    finished: np.ndarray
    keyword_names: list[str]
    codebook: Codebook | None
    parameters: SuggestionParameters
    provenance: dict[str, Any]

    @property
    def id(self) -> str:
        """The model's name (a digest of its training data and parameters)."""
        return self.provenance["id"]

    def _label(self, code: str) -> str:
        if self.codebook is not None and code in self.codebook:
            return self.codebook.label(code)
        return code

    @property
    def report(self) -> pd.DataFrame:
        """Per code: examples, documents, cross-validated precision, recall and F1 at
        the threshold, the same for the keyword baseline, the keywords and the
        model's heaviest words, and its status (:data:`STATUSES`)."""
        rows = []
        names = self.space.names
        for model in self.models:
            row = {c: model.row.get(c) for c in REPORT_COLUMNS}
            row["label"] = self._label(model.code)
            keywords = model.row.get("_keywords") or []
            quoted = "lemmas" in self.space.streams
            row["keywords"] = ", ".join(
                _shown(self.keyword_names[k], quoted=quoted) for k in keywords
            )
            row["top_words"] = (
                ", ".join(_top_features(model.coef, names, 8)) if model.coef is not None else ""
            )
            rows.append(row)
        table = pd.DataFrame(rows, columns=REPORT_COLUMNS)
        for column in ("examples", "documents"):
            table[column] = table[column].astype("int64")
        table.attrs["threshold"] = self.parameters.threshold
        table.attrs["min_examples"] = self.parameters.min_examples
        table.attrs["model"] = self.id
        return table

    def folds(self, code: str) -> list[tuple[list[str], list[str]]]:
        """The documents each fold of a code's cross-validation trained and tested on."""
        return next(m.folds for m in self.models if m.code == code)

    def held_out_probabilities(self, code: str) -> pd.Series:
        """The cross-validated probability of each example of a code (by ``seg_id``)."""
        model = next(m for m in self.models if m.code == code)
        seg_ids = self.segments["seg_id"].astype(str).to_numpy()[model.rows]
        values = model.held_out if model.held_out is not None else np.full(len(seg_ids), np.nan)
        return pd.Series(values, index=seg_ids, name=code)

    def probabilities(
        self, segments: pd.DataFrame | None = None, tokens: pd.DataFrame | None = None
    ) -> pd.DataFrame:
        """Calibrated probabilities of the codes that suggest (columns) for segments (rows).

        Parameters
        ----------
        segments : DataFrame, optional
            Segments to score (``seg_id``, ``text``); default: the segments of the
            documents not coded. New segments are turned into features in the
            fitted space (with their ``tokens`` for the lemmas).
        """
        active = [m for m in self.models if m.suggests]
        if segments is None:
            rows = np.flatnonzero(~self.finished)
            X = self.features[rows]
            index = self.segments["seg_id"].astype(str).to_numpy()[rows]
        else:
            X = self.space.transform(segments.reset_index(drop=True), tokens)
            index = segments["seg_id"].astype(str).to_numpy()
        if not active:
            return pd.DataFrame(index=pd.Index(index, name="seg_id"))
        coef = np.column_stack([m.coef for m in active])
        scores = np.asarray(X @ coef) + np.array([m.intercept for m in active])
        a = np.array([m.platt[0] for m in active])
        b = np.array([m.platt[1] for m in active])
        values = _calibrated(scores, a, b)
        return pd.DataFrame(
            values, index=pd.Index(index, name="seg_id"), columns=[m.code for m in active]
        )

    def explain(self, seg_id: str, code: str, *, top: int = 5) -> list[str]:
        """The n-grams of a segment that add most to its score for ``code``."""
        model = next(m for m in self.models if m.code == code)
        row = int(np.flatnonzero(self.segments["seg_id"].astype(str).to_numpy() == seg_id)[0])
        return self._explain(row, model, top)

    def _explain(self, row: int, model: _CodeModel, top: int) -> list[str]:
        if model.coef is None:
            return []
        X = self.features
        start, end = X.indptr[row], X.indptr[row + 1]
        columns = X.indices[start:end]
        weights = X.data[start:end] * model.coef[columns]
        return _top_features(weights, self.space.names, top, columns)

    def suggest(
        self,
        *,
        threshold: float | None = None,
        order: Order = "probability",
        limit: int | None = None,
        rejected: pd.DataFrame | None = None,
        words: int = 5,
    ) -> pd.DataFrame:
        """The uncoded segments most likely to carry each code, to review.

        Parameters
        ----------
        threshold : float, optional
            Probability from which a segment is suggested (default: the model's).
        order : {"probability", "uncertainty"}
            Most likely first; or, for active learning, the segments whose
            probability is nearest 0.5 first, on either side of the threshold
            (deciding them teaches the next model most; Lewis and Gale, 1994).
        limit : int, optional
            Most suggestions per code (default: all; 20 in ``"uncertainty"`` order).
        rejected : DataFrame, optional
            Suggestions rejected before (``doc_id``, ``code``, ``quote``): not made again.
        words : int
            Words that weighed most, shown for each suggestion.

        Returns
        -------
        DataFrame
            :data:`SUGGESTION_COLUMNS`; ``decision`` is empty, to be filled with
            ``accept`` or ``reject``.
        """
        if order not in ("probability", "uncertainty"):
            raise InputError(
                f"unknown order {order!r}", hint="the orders are 'probability' and 'uncertainty'"
            )
        threshold = self.parameters.threshold if threshold is None else float(threshold)
        if limit is None and order == "uncertainty":
            limit = 20
        probabilities = self.probabilities()
        if probabilities.empty or not probabilities.shape[1]:
            return _empty_suggestions()
        rows = np.flatnonzero(~self.finished)
        segs = self.segments.iloc[rows].reset_index(drop=True)
        refused = _refused(rejected)
        texts = segs["text"].astype(str).to_numpy()
        doc_ids = segs["doc_id"].astype(str).to_numpy()
        frames = []
        by_code = {m.code: m for m in self.models}
        labels, refusals = self.labels[rows], self.refused[rows]
        for j, code in enumerate(probabilities.columns):
            p = probabilities[code].to_numpy()
            column = self.models.index(by_code[code])
            coded = (labels[:, column] + refusals[:, column]).toarray().ravel().astype(bool)
            keep = ~coded & (p >= threshold if order == "probability" else np.ones(len(p), bool))
            chosen = np.flatnonzero(keep)
            if refused:
                chosen = np.array(
                    [i for i in chosen if (doc_ids[i], code, texts[i]) not in refused], dtype=int
                )
            if order == "probability":
                rank = np.lexsort((chosen, -p[chosen]))
            else:
                rank = np.lexsort((chosen, np.abs(p[chosen] - 0.5)))
            chosen = chosen[rank][:limit]
            if not len(chosen):
                continue
            model = by_code[code]
            part = segs.iloc[chosen]
            frames.append(
                pd.DataFrame(
                    {
                        "doc_id": part["doc_id"].to_numpy(),
                        "seg_id": part["seg_id"].to_numpy(),
                        "start": part["start"].to_numpy(np.int64),
                        "end": part["end"].to_numpy(np.int64),
                        "code": code,
                        "label": self._label(code),
                        "probability": p[chosen],
                        "words": [
                            ", ".join(self._explain(int(rows[i]), model, words)) for i in chosen
                        ],
                        "speaker": part["speaker"].to_numpy(),
                        "quote": part["text"].to_numpy(),
                        "model": self.id,
                        "decision": "",
                        "_rank": np.arange(len(chosen)),
                        "_code": j,
                    }
                )
            )
        if not frames:
            return _empty_suggestions()
        table = pd.concat(frames, ignore_index=True)
        key = (
            -table["probability"] if order == "probability" else (table["probability"] - 0.5).abs()
        )
        table = table.assign(_key=key).sort_values(["_key", "_code", "_rank"], kind="stable")
        return table[SUGGESTION_COLUMNS].reset_index(drop=True)


def _calibrated(scores: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    z = scores * a + b
    return 0.5 * (1.0 - np.tanh(0.5 * z))


def _refused(rejected: pd.DataFrame | None) -> set[tuple[str, str, str]]:
    if rejected is None or rejected.empty:
        return set()
    return set(
        zip(
            rejected["doc_id"].astype(str),
            rejected["code"].astype(str),
            rejected["quote"].astype(str),
            strict=True,
        )
    )


def _empty_suggestions() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in SUGGESTION_COLUMNS})
    return frame.astype({"start": "int64", "end": "int64", "probability": "float64"})


def report_records(report: pd.DataFrame) -> list[Mapping[str, Any]]:
    """The report as plain records (for a provenance file)."""
    return json.loads(report.to_json(orient="records", force_ascii=False))
