"""Code suggestions learnt from a coder's codings, evaluated by document, never imposed.

:func:`train_suggestions` learns, for each code a coder used often enough, a
logistic regression on the lemma and word n-grams of segments
(:class:`FeatureSpace`), with probabilities calibrated by Platt scaling; it is
evaluated by cross-validation grouped by document, next to a keyword baseline,
and a code that does not beat the baseline suggests nothing. The model's
:attr:`~SuggestionModel.report` is the cross-validated table, its
:meth:`~SuggestionModel.suggest` the uncoded segments to review, with the words
that weighed most. Review files and their provenance are written by
:func:`write_suggestions` and read back by :func:`read_suggestions`; a coder's
rejections are kept in the codings folder (:func:`read_rejections`). Accepting
and rejecting are done by a coding session (:meth:`research.coding.CodingSession.review`).
"""

from research.suggest._baseline import MAX_KEYWORDS, choose_keywords, keyword_predictions
from research.suggest._calibration import platt_probability, platt_scaling
from research.suggest._features import FeatureSpace, segment_streams
from research.suggest._files import (
    ACCEPT,
    DECISION_COLUMNS,
    REJECT,
    decision_of,
    decisions_path,
    decisions_text,
    provenance_path,
    read_decisions,
    read_rejections,
    read_suggestions,
    write_suggestions,
)
from research.suggest._labels import HELPER_MEMOS, coded_documents, example_counts, segment_labels
from research.suggest._model import (
    REPORT_COLUMNS,
    STATUSES,
    SUGGESTION_COLUMNS,
    SuggestionModel,
    SuggestionParameters,
    report_records,
    train_suggestions,
)
from research.suggest._statement import predictability_statement

__all__ = [
    "ACCEPT",
    "DECISION_COLUMNS",
    "HELPER_MEMOS",
    "MAX_KEYWORDS",
    "REJECT",
    "REPORT_COLUMNS",
    "STATUSES",
    "SUGGESTION_COLUMNS",
    "FeatureSpace",
    "SuggestionModel",
    "SuggestionParameters",
    "choose_keywords",
    "coded_documents",
    "decision_of",
    "decisions_path",
    "decisions_text",
    "example_counts",
    "keyword_predictions",
    "platt_probability",
    "platt_scaling",
    "predictability_statement",
    "provenance_path",
    "read_decisions",
    "read_rejections",
    "read_suggestions",
    "report_records",
    "segment_labels",
    "segment_streams",
    "train_suggestions",
    "write_suggestions",
]
