"""French linguistic annotation of a corpus with spaCy, in batches, cached on disk.

:func:`annotate` gives one row per token of every segment (:data:`TOKEN_COLUMNS`).
Documents not in the cache are annotated in coarse tasks, one per batch of
documents (about :data:`TASK_CHARACTERS` characters): each task runs one batched
``nlp.pipe`` over the segments of all its documents with the components its
annotation task needs (:mod:`research.nlp._model`), writes each document's tokens
to the cache and returns them. Tasks run in this process, or on an
``executor`` (a :class:`concurrent.futures.Executor`: a process pool, or a Dask
distributed client's executor), where each worker loads the model once; there,
with a cache, a task sends back only the number of tokens it wrote and the
tokens are read from the cache, so that no table of millions of tokens crosses
the network. :func:`cache_annotations` only fills the cache (before chapter
runs on a cluster).

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

__all__ = ["TASK_CHARACTERS", "TOKEN_COLUMNS", "annotate", "cache_annotations"]

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


def _schema():
    import pyarrow as pa

    text = pa.string()
    return pa.schema(
        [("doc_id", text), ("seg_id", text), ("start", pa.int64()), ("end", pa.int64()),
         ("text", text), ("lemma", text), ("pos", text), ("is_stop", pa.bool_()),
         ("is_alpha", pa.bool_()), ("ent_type", text)]
    )  # fmt: skip


def _tokens_table(columns: dict[str, object]):
    """The tokens of one document as an Arrow table (the form the cache keeps)."""
    import pyarrow as pa

    return pa.table({name: columns[name] for name in TOKEN_COLUMNS}, schema=_schema())


def _tokens_frame(tables: list) -> pd.DataFrame:
    """The tokens table of several documents' Arrow tables."""
    import pyarrow as pa

    table = pa.concat_tables(tables) if tables else _schema().empty_table()
    return table.to_pandas().astype(_TYPES)


def _parquet_bytes(table) -> bytes:
    import pyarrow.parquet as pq

    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd")
    return buffer.getvalue()


def _read_cached(path: Path):
    """The cached tokens of one document as an Arrow table; ``None`` when the file is
    absent or unreadable (a write cut short): the document is then annotated again."""
    import pyarrow.parquet as pq

    if not path.is_file():
        return None
    try:
        return pq.read_table(path)
    except (OSError, ValueError):
        return None


def _write_cached(path: Path, table) -> None:
    """Write a document's tokens to the cache: a temporary file renamed into place.

    Not synced to disk as the project's own files are: a cache file lost or cut
    short by a crash is read as absent and made again.
    """
    import os

    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(_parquet_bytes(table))
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _strings(
    nlp, values: np.ndarray, cache: dict[int, str | None], *, lower: bool = False
) -> np.ndarray:
    """The strings of spaCy hashes (``None`` for 0), decoded once per distinct hash."""
    strings = nlp.vocab.strings
    distinct, inverse = np.unique(values, return_inverse=True)
    decoded = np.empty(len(distinct), dtype=object)
    for i, value in enumerate(distinct.tolist()):
        if value not in cache:
            text = None if value == 0 else strings[value]
            cache[value] = text.lower() if lower and text is not None else text
        decoded[i] = cache[value]
    return decoded[inverse]


def _annotate_batch(
    items: list[_Item],
    *,
    model: str,
    task: str,
    folder: str | None,
    batch_size: int,
    send_back: bool = True,
) -> list:
    """Annotate the segments of several documents with one batched ``nlp.pipe``.

    One task of :func:`annotate` (it may run in another process): writes each
    document's tokens to ``folder`` when given, and returns them as Arrow tables,
    or, without ``send_back``, only their number of tokens (the caller reads the
    cache). Token attributes are read as arrays (``Doc.to_array``), not token by
    token.
    """
    from spacy.attrs import ENT_TYPE, IDX, IS_ALPHA, IS_SPACE, IS_STOP, LEMMA, LENGTH, POS

    nlp = load_model(model)
    disable = disabled_components(nlp, task)
    attributes = [IDX, LENGTH, IS_SPACE, IS_STOP, IS_ALPHA, LEMMA, POS, ENT_TYPE]
    texts = [text.translate(_APOSTROPHES) for item in items for text in item[4]]
    docs = iter(nlp.pipe(texts, disable=disable, batch_size=batch_size))
    lemmas: dict[int, str | None] = {}
    tags: dict[int, str | None] = {}
    frames = []
    for doc_id, key, seg_ids, starts, originals in items:
        arrays, seg_of, offsets = [], [], []
        for number, offset in enumerate(starts):
            array = next(docs).to_array(attributes).astype(np.int64, copy=False)
            array = array[array[:, 2] == 0] if len(array) else array.reshape(0, len(attributes))
            arrays.append(array)
            seg_of.append(np.full(len(array), number))
            offsets.append(np.full(len(array), offset))
        table = np.concatenate(arrays) if arrays else np.empty((0, len(attributes)), np.int64)
        seg = np.concatenate(seg_of).astype(np.int64) if seg_of else np.empty(0, np.int64)
        begin = (np.concatenate(offsets) if offsets else np.empty(0, np.int64)) + table[:, 0]
        local, length = table[:, 0].tolist(), table[:, 1].tolist()
        seg_names = np.asarray(seg_ids, dtype=object)
        columns = {
            "doc_id": np.full(len(table), doc_id, dtype=object),
            "seg_id": seg_names[seg] if len(seg) else np.empty(0, dtype=object),
            "start": begin,
            "end": begin + table[:, 1],
            "text": [
                originals[s][i : i + n] for s, i, n in zip(seg.tolist(), local, length, strict=True)
            ],
            "lemma": _strings(nlp, table[:, 5].astype(np.uint64), lemmas, lower=True),
            "pos": _strings(nlp, table[:, 6].astype(np.uint64), tags),
            "is_stop": table[:, 3].astype(bool),
            "is_alpha": table[:, 4].astype(bool),
            "ent_type": _strings(nlp, table[:, 7].astype(np.uint64), tags),
        }
        tokens = _tokens_table(columns)
        if folder is not None:
            _write_cached(Path(folder) / f"{key}.parquet", tokens)
        frames.append(tokens if send_back or folder is None else tokens.num_rows)
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


def _items(corpus: Corpus, wanted: list[str]) -> dict[str, _Item]:
    """What a task needs of each document: its id, cache name, segment ids, starts, texts."""
    hashes = corpus.documents.set_index("doc_id")["sha256"]
    groups = {d: g for d, g in corpus.segments.groupby("doc_id", sort=False)}
    items = {}
    for doc_id in wanted:
        corpus.text(doc_id)  # an unknown id is named, with the closest ones
        segs = groups.get(doc_id, corpus.segments.iloc[:0])
        starts, ends = segs["start"].to_numpy(), segs["end"].to_numpy()
        key = _document_key(str(hashes[doc_id]), starts, ends)
        items[doc_id] = (
            doc_id,
            key,
            segs["seg_id"].tolist(),
            starts.tolist(),
            segs["text"].tolist(),
        )
    return items


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
        client's executor) instead of in this process. With a cache, the tasks
        write the tokens there and send nothing back but their number; the
        tokens are then read from the cache (which the workers must share).
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
    items = _items(corpus, wanted)
    tables = {}
    for doc_id, item in items.items():
        if folder is not None:
            table = _read_cached(folder / f"{item[1]}.parquet")
            if table is not None:
                tables[doc_id] = table
    missing = [items[d] for d in wanted if d not in tables]
    fresh = _run(missing, model, task, folder, executor, task_characters, batch_size)
    return _tokens_frame([tables[d] if d in tables else fresh[d] for d in wanted])


def _run(
    missing: list[_Item],
    model: str,
    task: str,
    folder: Path | None,
    executor: Executor | None,
    task_characters: int,
    batch_size: int,
) -> dict:
    """Annotate the ``missing`` documents, in tasks; their tokens (Arrow tables) by document id."""
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
        results: Iterable[list] = map(run, batches)
    elif folder is None:
        results = [future.result() for future in [executor.submit(run, b) for b in batches]]
    else:  # the tokens stay in the cache, where the workers wrote them
        futures = [executor.submit(run, b, send_back=False) for b in batches]
        for future in futures:
            future.result()
        return {item[0]: _from_workers(folder, item) for batch in batches for item in batch}
    out: dict = {}
    for batch, frames in zip(batches, results, strict=True):
        for item, frame in zip(batch, frames, strict=True):
            out[item[0]] = frame
    return out


def _from_workers(folder: Path, item: _Item):
    """A document's tokens, as a task on an executor wrote them to the cache."""
    from research.errors import ResearchError

    table = _read_cached(folder / f"{item[1]}.parquet")
    if table is None:
        raise ResearchError(
            f"the annotations of {item[0]} written by the executor's workers are not in "
            f"{folder} (hint: the cache folder must be on a file system the workers share, "
            "at the same path; a project's .cache/ is when the project folder is)"
        )
    return table


def cache_annotations(
    corpus: Corpus,
    *,
    cache_dir: str | Path,
    task: Task = "lemmas",
    model: str = DEFAULT_MODEL,
    executor: Executor | None = None,
    task_characters: int = TASK_CHARACTERS,
    batch_size: int = 256,
) -> int:
    """Annotate the documents missing from the cache, and only write them there.

    What a cluster does before chapter runs that annotate the corpus: the
    tokens are written by the tasks (on ``executor``'s workers, which must see
    ``cache_dir``) and nothing comes back but their number, so the chapters then
    read them from the cache. See :func:`annotate` for the parameters.

    Returns
    -------
    int
        The number of documents annotated (0 when all were in the cache).
    """
    folder = Path(cache_dir) / model_version(model) / "+".join(task_components(task))
    folder.mkdir(parents=True, exist_ok=True)
    items = _items(corpus, corpus.doc_ids)
    missing = [item for item in items.values() if not (folder / f"{item[1]}.parquet").is_file()]
    if not missing:
        return 0
    from functools import partial

    run = partial(
        _annotate_batch,
        model=model,
        task=task,
        folder=str(folder),
        batch_size=batch_size,
        send_back=False,
    )
    batches = _batches(missing, task_characters)
    if executor is None:
        for batch in batches:
            run(batch)
    else:
        for future in [executor.submit(run, batch) for batch in batches]:
            future.result()
    return len(missing)
