"""French linguistic annotation of a corpus with spaCy, in batches, cached on disk.

:func:`annotate` gives one row per token of every segment (:data:`TOKEN_COLUMNS`).
Documents not in the cache are annotated in coarse tasks, one per batch of
documents (about :data:`TASK_CHARACTERS` characters): each task runs one batched
``nlp.pipe`` over the segments of all its documents with the components its
annotation task needs (:mod:`research.nlp._model`), writes each document's tokens
to the cache and returns them. Tasks run in this process, or on an
``executor`` (a :class:`concurrent.futures.Executor`: a process pool, or a Dask
distributed client's executor), where each worker loads the model once.

The cache holds one Parquet file per document under
``<cache>/<model>-<version>/<components>/``, named by the document's SHA-256 and
the offsets of its segments: a changed text or segmentation is annotated again,
an unchanged one never. Parquet files are data, not code: reading the cache runs
nothing.

Token offsets count code points of the stored document text, like every other
offset of the project. The typographic apostrophe (``’``) is given to the model
as ``'`` (one code point for another, so offsets do not move): the French
model reads elisions written either way (``l’entreprise``, ``qu’elle``) as
determiners and pronouns only in the second form.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from research.nlp._model import (
    DEFAULT_MODEL,
    Task,
    disabled_components,
    load_model,
    model_version,
    task_components,
)

if TYPE_CHECKING:
    from research.corpus import Corpus

__all__ = ["TASK_CHARACTERS", "TOKEN_COLUMNS", "annotate"]

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
#: Characters of text per annotation task (documents are never split between tasks).
TASK_CHARACTERS = 200_000
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
_TYPES = {"start": "int64", "end": "int64", "is_stop": "bool", "is_alpha": "bool"}

# One document to annotate: its id, cache file name, segment ids, segment starts, texts.
_Item = tuple[str, str, list[str], list[int], list[str]]


def _document_key(sha256: str, starts: np.ndarray, ends: np.ndarray) -> str:
    """The cache name of a document: its text's hash and a hash of its segments' offsets."""
    bounds = hashlib.sha256(np.stack([starts, ends]).astype("<i8").tobytes()).hexdigest()
    return f"{sha256}-{bounds[:16]}"


def _tokens_frame(columns: dict[str, list]) -> pd.DataFrame:
    """The tokens table from its columns, with the types the cache gives back."""
    frame = pd.DataFrame(columns, columns=TOKEN_COLUMNS)
    return frame.astype(_TYPES)


def _parquet_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False, engine="pyarrow", compression="zstd")
    return buffer.getvalue()


def _read_cached(paths: list[Path]) -> pd.DataFrame:
    """The tokens of cached documents, read as one table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.concat_tables([pq.read_table(path) for path in paths])
    return table.to_pandas().astype(_TYPES)


def _annotate_batch(
    items: list[_Item], *, model: str, task: str, folder: str | None, batch_size: int
) -> list[pd.DataFrame]:
    """Annotate the segments of several documents with one batched ``nlp.pipe``.

    One task of :func:`annotate` (it may run in another process): writes each
    document's tokens to ``folder`` when given, and returns them.
    """
    nlp = load_model(model)
    disable = disabled_components(nlp, task)
    texts = [text.translate(_APOSTROPHES) for item in items for text in item[4]]
    docs = iter(nlp.pipe(texts, disable=disable, batch_size=batch_size))
    frames = []
    for doc_id, key, seg_ids, starts, originals in items:
        columns: dict[str, list] = {name: [] for name in TOKEN_COLUMNS}
        for seg_id, offset, original in zip(seg_ids, starts, originals, strict=True):
            for token in next(docs):
                if token.is_space:
                    continue
                begin = offset + token.idx
                columns["seg_id"].append(seg_id)
                columns["start"].append(begin)
                columns["end"].append(begin + len(token.text))
                columns["text"].append(original[token.idx : token.idx + len(token.text)])
                columns["lemma"].append(token.lemma_.lower())
                columns["pos"].append(token.pos_)
                columns["is_stop"].append(token.is_stop)
                columns["is_alpha"].append(token.is_alpha)
                columns["ent_type"].append(token.ent_type_ or None)
        columns["doc_id"] = [doc_id] * len(columns["seg_id"])
        frame = _tokens_frame(columns)
        if folder is not None:
            from research.files import atomic_write_bytes

            atomic_write_bytes(Path(folder) / f"{key}.parquet", _parquet_bytes(frame))
        frames.append(frame)
    return frames


def _batches(items: list[_Item], size: int) -> list[list[_Item]]:
    """Consecutive documents grouped into batches of about ``size`` characters."""
    batches: list[list[_Item]] = []
    current: list[_Item] = []
    chars = 0
    for item in items:
        current.append(item)
        chars += sum(map(len, item[4]))
        if chars >= size:
            batches.append(current)
            current, chars = [], 0
    if current:
        batches.append(current)
    return batches


def annotate(
    corpus: Corpus,
    *,
    task: Task = "lemmas",
    model: str = DEFAULT_MODEL,
    cache_dir: str | Path | None = None,
    doc_ids: Iterable[str] | None = None,
    executor: Executor | None = None,
    task_characters: int = TASK_CHARACTERS,
    batch_size: int = 256,
) -> pd.DataFrame:
    """Tokens, lemmas, parts of speech (and entities) of every segment.

    The model is loaded only when a document is not in the cache yet.

    Parameters
    ----------
    corpus : Corpus
    task : {"lemmas", "entities"}
        What the annotation is for: ``"lemmas"`` runs the components that give
        lemmas and parts of speech; ``"entities"`` adds the entity recogniser
        (``ent_type`` is empty otherwise).
    model : str
        The spaCy pipeline to use.
    cache_dir : path-like, optional
        Folder of the annotation cache; no cache when omitted.
    doc_ids : iterable of str, optional
        Only these documents.
    executor : concurrent.futures.Executor, optional
        Run the annotation tasks on this executor (a process pool, a Dask
        client's executor) instead of in this process.
    task_characters : int
        Characters of text per task (whole documents are grouped up to it).
    batch_size : int
        Segments per batch of ``nlp.pipe``.

    Returns
    -------
    pandas.DataFrame
        One row per token (spaces left out), columns :data:`TOKEN_COLUMNS`, in
        corpus then text order; ``start``/``end`` are offsets into the stored
        document text.
    """
    components = task_components(task)
    folder = None
    if cache_dir is not None:
        folder = Path(cache_dir) / model_version(model) / "+".join(components)
        folder.mkdir(parents=True, exist_ok=True)
    wanted = list(doc_ids) if doc_ids is not None else corpus.doc_ids
    hashes = corpus.documents.set_index("doc_id")["sha256"]
    groups = {d: g for d, g in corpus.segments.groupby("doc_id", sort=False)}
    keys, missing = {}, []
    for doc_id in wanted:
        corpus.text(doc_id)  # an unknown id is named, with the closest ones
        segs = groups.get(doc_id, corpus.segments.iloc[:0])
        starts, ends = segs["start"].to_numpy(), segs["end"].to_numpy()
        keys[doc_id] = _document_key(str(hashes[doc_id]), starts, ends)
        if folder is None or not (folder / f"{keys[doc_id]}.parquet").is_file():
            missing.append(
                (
                    doc_id,
                    keys[doc_id],
                    segs["seg_id"].tolist(),
                    starts.tolist(),
                    segs["text"].tolist(),
                )
            )
    fresh = _run(missing, model, task, folder, executor, task_characters, batch_size)
    frames = []
    cached = [d for d in wanted if d not in fresh]
    if cached and folder is not None:
        frames.append(_read_cached([folder / f"{keys[d]}.parquet" for d in cached]))
    frames += [fresh[d] for d in wanted if d in fresh]
    if not frames:
        return _tokens_frame({name: [] for name in TOKEN_COLUMNS})
    tokens = pd.concat(frames, ignore_index=True)
    order = {d: i for i, d in enumerate(wanted)}
    rank = tokens["doc_id"].map(order).to_numpy()
    return tokens.iloc[np.lexsort((tokens["start"].to_numpy(), rank))].reset_index(drop=True)


def _run(
    missing: list[_Item],
    model: str,
    task: str,
    folder: Path | None,
    executor: Executor | None,
    task_characters: int,
    batch_size: int,
) -> dict[str, pd.DataFrame]:
    """Annotate the ``missing`` documents, in tasks; their tokens by document id."""
    from functools import partial

    if not missing:
        return {}
    batches = _batches(missing, task_characters)
    run = partial(
        _annotate_batch,
        model=model,
        task=task,
        folder=None if folder is None else str(folder),
        batch_size=batch_size,
    )
    if executor is None:
        results: Iterable[list[pd.DataFrame]] = map(run, batches)
    else:
        results = [future.result() for future in [executor.submit(run, b) for b in batches]]
    out: dict[str, pd.DataFrame] = {}
    for batch, frames in zip(batches, results, strict=True):
        for item, frame in zip(batch, frames, strict=True):
            out[item[0]] = frame
    return out
