"""French linguistic annotation with spaCy: batched, cached, and normalised as the project says.

:func:`annotate` gives one row per token of a corpus (lemma, part of speech,
entity), in batches across documents, with the components a task needs, on an
optional executor, cached per document as Parquet; :func:`normalise_tokens`
applies elisions, expressions and the project's ``codebook/lexicon.yaml``
(:func:`read_lexicon`); :func:`lemma_frequencies` counts lemmas per group.
"""

from research.nlp._annotate import TASK_CHARACTERS, TOKEN_COLUMNS, annotate, cache_annotations
from research.nlp._frequencies import lemma_frequencies
from research.nlp._lexicon import (
    ELISIONS,
    EXPRESSIONS,
    LEXICON_FILE,
    Lexicon,
    check_lexicon,
    normalise_tokens,
    read_lexicon,
)
from research.nlp._model import (
    DEFAULT_MODEL,
    TASKS,
    Task,
    disabled_components,
    load_model,
    model_version,
)

__all__ = [
    "DEFAULT_MODEL",
    "ELISIONS",
    "EXPRESSIONS",
    "LEXICON_FILE",
    "TASKS",
    "TASK_CHARACTERS",
    "TOKEN_COLUMNS",
    "Lexicon",
    "Task",
    "annotate",
    "cache_annotations",
    "check_lexicon",
    "disabled_components",
    "lemma_frequencies",
    "load_model",
    "model_version",
    "normalise_tokens",
    "read_lexicon",
]
