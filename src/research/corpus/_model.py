"""The corpus: documents, their stored texts, and the segments cut from them.

Two tables are the interface (see DESIGN.md): ``documents`` (one row per document,
with every metadata attribute) and ``segments`` (``doc_id``, ``seg_id``, ``start``,
``end``, ``speaker``, ``actor``, ``section``, ``text``, ``time``). For every segment,
``corpus.text(doc_id)[start:end] == text``.

Examples
--------
>>> corpus = Corpus.from_texts({"A": "I : Bonjour.\\nR : La coopérative, oui."},
...                            metadata={"A": {"kind": "interview", "speakers": ["I", "R"]}})
>>> corpus.segments[["seg_id", "speaker", "text"]].values.tolist()
[['A:0000', 'I', 'Bonjour.'], ['A:0001', 'R', 'La coopérative, oui.']]
>>> corpus.kwic("cooper", ignore_accents=True)["match"].tolist()
['coopér']
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from research import contracts
from research.corpus._segmenting import Segment
from research.corpus.loaders import Limits, LoadedDocument, load_document, segments_for
from research.errors import InputError, Problem, UnknownIdError, ValidationFailed
from research.files import outside_link, outside_link_problem
from research.text import fold, fold_with_offsets, word_count, word_counts

__all__ = [
    "DOCUMENT_COLUMNS",
    "SEGMENT_COLUMNS",
    "Corpus",
    "ParsedDocument",
    "SegmentColumns",
    "document_files",
    "load_corpus",
    "parse_document",
    "read_corpus",
]

DOCUMENT_COLUMNS = list(contracts.DOCUMENT_COLUMNS)
SEGMENT_COLUMNS = list(contracts.SEGMENT_COLUMNS)
_ID = re.compile(r"^[\w][\w.\-]*$")
_SKIPPED_NAMES = {"readme.md", "readme.txt"}


_SUFFIXES: list[str] = []


def _seg_ids(doc_id: str, n: int) -> list[str]:
    """The ids of a document's first ``n`` segments, ``<doc_id>:<nnnn>`` (suffixes
    are made once and reused; a longer list replaces the shorter one whole, so that
    threads never see it half made)."""
    global _SUFFIXES
    suffixes = _SUFFIXES
    if len(suffixes) < n:
        suffixes = _SUFFIXES = [f":{i:04d}" for i in range(max(n, 2 * len(suffixes)))]
    return [doc_id + suffix for suffix in suffixes[:n]]


def document_files(folder: str | Path) -> list[Path]:
    """Every candidate document file under ``folder``, in a stable order.

    Hidden files and folders, names starting with ``_`` or ``~$`` (office lock
    files) and ``README`` files are skipped. The order is that of the paths' parts,
    compared name by name.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found: list[tuple[tuple[str, ...], str]] = []
    skipped = (".", "_", "~$")
    base = str(folder)
    for current, dirs, names in os.walk(base):
        dirs[:] = [d for d in dirs if not d.startswith(skipped)]
        rel = os.path.relpath(current, base)
        parts = () if rel == os.curdir else tuple(rel.split(os.sep))
        for name in names:
            if name.startswith(skipped) or name.lower() in _SKIPPED_NAMES:
                continue
            full = os.path.join(current, name)
            if os.path.isfile(full):
                found.append(((*parts, name), full))
    found.sort()
    return [Path(full) for _, full in found]


class SegmentColumns(NamedTuple):
    """A document's rows of the ``segments`` table as columns (all but ``doc_id``,
    ``seg_id`` and ``text``, which is sliced from the document's text); compact to
    send between processes."""

    start: list[int]
    end: list[int]
    speaker: list[str | None]
    actor: list[Any]
    section: list[str | None]
    time: list[float | None]

    @classmethod
    def of(
        cls, segments: list[Segment], speakers: Mapping[str, Any] | None = None
    ) -> SegmentColumns:
        """The columns of a document's segments; ``speakers`` maps labels to actors."""
        if not segments:
            return cls([], [], [], [], [], [])
        start, end, speaker, section, time = map(list, zip(*segments, strict=True))
        get = (speakers or {}).get
        actor = [get(label) if label else None for label in speaker]
        return cls(start, end, speaker, actor, section, time)


def _speaker_map(metadata: Mapping[str, Any]) -> dict[str, Any]:
    """The ``speakers:`` mapping of a document's metadata (label → actor id)."""
    speakers = metadata.get("speakers")
    return speakers if isinstance(speakers, dict) else {}


@dataclass(frozen=True)
class ParsedDocument:
    """A loaded document with its segments, word count and hash.

    ``segments`` is a list of :class:`~research.corpus.Segment` or, once sent
    back from a worker process, the same segments as :class:`SegmentColumns`.
    """

    doc_id: str
    path: str
    text: str
    metadata: dict[str, Any]
    sha256: str
    n_words: int | None
    segments: list[Segment] | SegmentColumns


def parse_document(
    doc_id: str, path: str, loaded: LoadedDocument, *, count_words: bool = True
) -> ParsedDocument:
    """Segment a loaded document and count its words (or leave the count to
    :meth:`Corpus.from_parsed`, which counts many documents in one pass)."""
    return ParsedDocument(
        doc_id,
        path,
        loaded.text,
        loaded.metadata,
        loaded.sha256,
        word_count(loaded.text) if count_words else None,
        segments_for(loaded),
    )


_NUMERIC = {"start": np.int64, "end": np.int64, "time": np.float64}


class _CorpusBuilder:
    """Gathers segmented documents, one at a time, into the columns of the
    ``documents`` and ``segments`` tables (so that a pool's results are taken in
    while the workers go on)."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.columns: dict[str, list] = {name: [] for name in SEGMENT_COLUMNS}
        self.texts: dict[str, str] = {}
        self.uncounted: list[int] = []  # rows whose words are counted at the end

    def add(self, doc: ParsedDocument) -> None:
        """Add one document's row and segments."""
        text, doc_id, columns = doc.text, doc.doc_id, self.columns
        meta = {k: v for k, v in doc.metadata.items() if k != "id"}
        segs = doc.segments
        if not isinstance(segs, SegmentColumns):
            segs = SegmentColumns.of(segs, _speaker_map(meta))
        n = len(segs.start)
        if n:
            columns["doc_id"].extend([doc_id] * n)
            columns["seg_id"].extend(_seg_ids(doc_id, n))
            for name, values in zip(SegmentColumns._fields, segs, strict=True):
                columns[name].extend(values)
            columns["text"].extend([text[a:b] for a, b in zip(segs.start, segs.end, strict=True)])
        if doc.n_words is None:
            self.uncounted.append(len(self.rows))
        row = {
            "doc_id": doc_id,
            "kind": meta.pop("kind", None) or "document",
            "title": meta.pop("title", None) or doc_id,
            "date": meta.pop("date", None),
            "edition": meta.pop("edition", None),
            "path": doc.path,
            "sha256": doc.sha256,
            "n_chars": len(text),
            "n_words": doc.n_words,
            "n_segments": n,
        }
        for key, value in meta.items():
            row.setdefault(key, value)
        self.rows.append(row)
        self.texts[doc_id] = text

    def build(self) -> Corpus:
        """The corpus of every document added (words still uncounted are counted
        here, in one pass)."""
        rows = self.rows
        counts = word_counts([self.texts[rows[i]["doc_id"]] for i in self.uncounted])
        for i, n_words in zip(self.uncounted, counts, strict=True):
            rows[i]["n_words"] = n_words
        documents = pd.DataFrame(rows, columns=None if rows else DOCUMENT_COLUMNS)
        return Corpus(documents, _segments_frame(self.columns), self.texts)


def _segments_frame(columns: dict[str, list]) -> pd.DataFrame:
    """The ``segments`` table from its columns (arrays made first: pandas infers
    types from a list several times more slowly)."""
    arrays = {
        name: np.array(values, dtype=_NUMERIC[name])
        if name in _NUMERIC
        else np.fromiter(values, dtype=object, count=len(values))
        for name, values in columns.items()
    }
    return pd.DataFrame(arrays)


class Corpus:
    """Documents, their stored texts and their segments.

    Build one with :func:`load_corpus` (from a folder) or :meth:`from_texts`.
    Instances are immutable in use: every method returns new frames or corpora.
    """

    def __init__(
        self, documents: pd.DataFrame, segments: pd.DataFrame, texts: Mapping[str, str]
    ) -> None:
        self.documents = documents.reset_index(drop=True)
        self.segments = segments.reset_index(drop=True)
        self._texts = dict(texts)
        self._folded: dict[str, tuple[str, np.ndarray]] = {}

    # -- construction -----------------------------------------------------------
    @classmethod
    def from_loaded(cls, docs: Iterable[tuple[str, str, LoadedDocument]]) -> Corpus:
        """Build a corpus from ``(doc_id, path, LoadedDocument)`` triples."""
        return cls.from_parsed(parse_document(d, p, loaded) for d, p, loaded in docs)

    @classmethod
    def from_parsed(cls, parsed: Iterable[ParsedDocument]) -> Corpus:
        """Build a corpus from segmented documents (see :func:`parse_document`)."""
        builder = _CorpusBuilder()
        for doc in parsed:
            builder.add(doc)
        return builder.build()

    @classmethod
    def from_texts(
        cls,
        texts: Mapping[str, str],
        *,
        metadata: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> Corpus:
        """Build a corpus from in-memory texts (tests, notebooks, examples)."""
        metadata = metadata or {}
        return cls.from_loaded(
            (doc_id, "", LoadedDocument(text, dict(metadata.get(doc_id, {}))))
            for doc_id, text in texts.items()
        )

    # -- access -----------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.documents)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._texts

    def __repr__(self) -> str:
        return f"<Corpus: {len(self.documents)} documents, {len(self.segments)} segments>"

    @property
    def doc_ids(self) -> list[str]:
        """Document ids in corpus order."""
        return self.documents["doc_id"].tolist() if len(self.documents) else []

    def text(self, doc_id: str) -> str:
        """The stored text of a document.

        Raises
        ------
        UnknownIdError
            (a :class:`KeyError`) naming the closest known ids when ``doc_id`` is unknown.
        """
        try:
            return self._texts[doc_id]
        except KeyError:
            raise UnknownIdError("document", doc_id, self._texts) from None

    def texts(self) -> dict[str, str]:
        """A copy of the mapping ``doc_id -> stored text``."""
        return dict(self._texts)

    def document(self, doc_id: str) -> pd.Series:
        """The ``documents`` row of one document."""
        rows = self.documents[self.documents["doc_id"] == doc_id]
        if rows.empty:
            self.text(doc_id)  # raises the helpful UnknownIdError
        return rows.iloc[0]

    def segment(self, seg_id: str) -> pd.Series:
        """The ``segments`` row of one segment."""
        rows = self.segments[self.segments["seg_id"] == seg_id]
        if rows.empty:
            doc_id = str(seg_id).rpartition(":")[0]
            if doc_id not in self._texts:
                self.text(doc_id)  # names the unknown document and the closest ones
            known = self.segments.loc[self.segments["doc_id"] == doc_id, "seg_id"]
            raise UnknownIdError(
                "segment", seg_id, known, hint="segment ids look like 'INT01:0003'"
            )
        return rows.iloc[0]

    def segments_of(self, doc_id: str) -> pd.DataFrame:
        """The segments of one document, in text order."""
        self.text(doc_id)
        return self.segments[self.segments["doc_id"] == doc_id].reset_index(drop=True)

    # -- filtering ----------------------------------------------------------------
    def where(self, **criteria: Any) -> Corpus:
        """The sub-corpus of documents whose attributes match every criterion.

        A criterion is a value (equality; for list attributes, membership), a list,
        tuple or set of values (any of them), or a function of the value returning
        a bool.

        Examples
        --------
        >>> corpus = Corpus.from_texts({"A": "a", "B": "b", "C": "c"}, metadata={
        ...     "A": {"kind": "interview", "actors": ["P1"]}, "B": {"kind": "minutes"},
        ...     "C": {"kind": "interview", "actors": ["P2"]}})
        >>> corpus.where(kind="interview").doc_ids
        ['A', 'C']
        >>> corpus.where(actors="P2").doc_ids
        ['C']
        """
        mask = pd.Series(True, index=self.documents.index)
        for key, wanted in criteria.items():
            if key not in self.documents.columns:
                raise InputError(
                    f"no document attribute {key!r}",
                    hint=f"known attributes: {', '.join(map(str, self.documents.columns))}",
                )
            mask &= self.documents[key].map(_matcher(wanted)).astype(bool)
        return self._subset(self.documents.loc[mask, "doc_id"].tolist())

    def _subset(self, doc_ids: list[str]) -> Corpus:
        keep = set(doc_ids)
        documents = self.documents[self.documents["doc_id"].isin(keep)]
        segments = self.segments[self.segments["doc_id"].isin(keep)]
        return Corpus(documents, segments, {d: self._texts[d] for d in doc_ids})

    # -- search -------------------------------------------------------------------
    def _folded_text(self, doc_id: str) -> tuple[str, np.ndarray]:
        if doc_id not in self._folded:
            self._folded[doc_id] = fold_with_offsets(self._texts[doc_id])
        return self._folded[doc_id]

    def kwic(
        self,
        pattern: str,
        *,
        window: int = 60,
        regex: bool = False,
        ignore_case: bool = True,
        ignore_accents: bool = False,
        doc_ids: Iterable[str] | None = None,
    ) -> pd.DataFrame:
        """Keyword in context: every match of ``pattern`` with its surroundings.

        Parameters
        ----------
        pattern : str
            Text to find (a regular expression when ``regex``).
        window : int
            Characters of context on each side.
        regex : bool
            Treat ``pattern`` as a Python regular expression.
        ignore_case, ignore_accents : bool
            Case- and accent-insensitive matching ("coopér" finds "Coopérative"
            and "cooperation"). Offsets always refer to the stored text.
        doc_ids : iterable of str, optional
            Restrict the search to these documents.

        Returns
        -------
        pandas.DataFrame
            ``doc_id``, ``seg_id``, ``start``, ``end``, ``left``, ``match``,
            ``right``, ``speaker``, ``section`` (newlines shown as spaces in the
            context columns).

        Examples
        --------
        >>> c = Corpus.from_texts({"A": "La Coopérative et la cooperation."})
        >>> c.kwic("coopér", window=4)[["left", "match", "right"]].values.tolist()
        [['La ', 'Coopér', 'ativ']]
        >>> len(c.kwic("coopér", ignore_accents=True))
        2
        """
        flags = re.IGNORECASE if ignore_case else 0
        source = pattern if regex else re.escape(pattern)
        if ignore_accents:
            source = fold(source) if not regex else _strip_accents(source)
            flags |= re.IGNORECASE
        try:
            compiled = re.compile(source, flags)
        except re.error as exc:
            raise InputError(f"invalid regular expression {pattern!r}: {exc}") from None
        wanted = list(doc_ids) if doc_ids is not None else self.doc_ids
        rows = []
        seg_groups = {d: g for d, g in self.segments.groupby("doc_id", sort=False)}
        for doc_id in wanted:
            text = self.text(doc_id)
            if ignore_accents:
                haystack, origin = self._folded_text(doc_id)
            else:
                haystack, origin = text, None
            segs = seg_groups.get(doc_id)
            for m in compiled.finditer(haystack):
                if m.end() == m.start():
                    continue
                if origin is not None:
                    start, end = int(origin[m.start()]), int(origin[m.end() - 1]) + 1
                else:
                    start, end = m.start(), m.end()
                seg = _segment_at(segs, start)
                rows.append(
                    {
                        "doc_id": doc_id,
                        "seg_id": None if seg is None else seg["seg_id"],
                        "start": start,
                        "end": end,
                        "left": _flat(text[max(0, start - window) : start]),
                        "match": text[start:end],
                        "right": _flat(text[end : end + window]),
                        "speaker": None if seg is None else seg["speaker"],
                        "section": None if seg is None else seg["section"],
                    }
                )
        columns = [
            "doc_id",
            "seg_id",
            "start",
            "end",
            "left",
            "match",
            "right",
            "speaker",
            "section",
        ]
        return pd.DataFrame(rows, columns=columns)

    # -- summaries ------------------------------------------------------------------
    def summary(self, by: str | list[str] = "kind") -> pd.DataFrame:
        """Documents, segments, words and characters per value of ``by``.

        Examples
        --------
        >>> c = Corpus.from_texts({"A": "un deux", "B": "trois"},
        ...                       metadata={"A": {"kind": "note"}, "B": {"kind": "note"}})
        >>> c.summary().to_dict("records")
        [{'kind': 'note', 'documents': 2, 'segments': 2, 'words': 3, 'characters': 12}]
        """
        keys = [by] if isinstance(by, str) else list(by)
        docs = self.documents.copy()
        for key in keys:
            docs[key] = docs[key].map(
                lambda v: "; ".join(map(str, v)) if isinstance(v, list) else v
            )
        grouped = docs.groupby(keys, dropna=False, sort=True)
        table = grouped.agg(
            documents=("doc_id", "size"),
            segments=("n_segments", "sum"),
            words=("n_words", "sum"),
            characters=("n_chars", "sum"),
        ).reset_index()
        return table.astype({c: "int64" for c in ("documents", "segments", "words", "characters")})

    def speakers(self) -> pd.DataFrame:
        """Turns and words per document and speaker."""
        segs = self.segments.dropna(subset=["speaker"])
        words = word_counts(segs["text"].tolist())
        return (
            segs.assign(words=words)
            .groupby(["doc_id", "speaker"], sort=True, dropna=False)
            .agg(actor=("actor", "first"), turns=("seg_id", "size"), words=("words", "sum"))
            .reset_index()
        )

    def _repr_html_(self) -> str:
        from research.pages import render_snippet, table_context

        if not len(self.documents):
            return render_snippet("table.html", heading="Corpus", lead="aucun document")
        words = f"{int(self.documents['n_words'].sum()):,}".replace(",", "\u202f")
        return render_snippet(
            "table.html",
            heading="Corpus",
            lead=f"{_count(len(self.documents), 'document')}, "
            f"{_count(len(self.segments), 'segment')}, {words} mots",
            data=table_context(self.summary(), headers=_SUMMARY_HEADERS),
        )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n > 1 else ''}"


_SUMMARY_HEADERS = {
    "kind": "type",
    "documents": "documents",
    "segments": "segments",
    "words": "mots",
    "characters": "caractères",
}


def _strip_accents(pattern: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", pattern)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _flat(text: str) -> str:
    return text.replace("\n", " ")


def _segment_at(segs: pd.DataFrame | None, offset: int) -> pd.Series | None:
    if segs is None or segs.empty:
        return None
    starts = segs["start"].to_numpy()
    index = int(np.searchsorted(starts, offset, side="right")) - 1
    if index < 0 or offset >= int(segs["end"].iloc[index]):
        return None
    return segs.iloc[index]


def _matcher(wanted: Any) -> Callable[[Any], bool]:
    if callable(wanted):
        return lambda value: bool(wanted(value))
    if isinstance(wanted, list | tuple | set | frozenset):
        options = set(wanted)

        def any_of(value: Any) -> bool:
            if isinstance(value, list):
                return bool(options.intersection(value))
            return value in options

        return any_of

    def equal(value: Any) -> bool:
        if isinstance(value, list):
            return wanted in value
        return value == wanted

    return equal


def _load_one(
    path: Path,
    root: Path,
    suffixes: frozenset[str],
    options: Limits | None,
) -> tuple[tuple[str, str, LoadedDocument] | None, list[Problem]]:
    """Load one file (not yet segmented); every user mistake becomes a problem.

    Returns ``((doc_id, relative path, loaded document), problems)``, or ``None``
    and the problems when the file cannot be used.
    """
    rel = _relative(path, root)
    if path.suffix.lower() not in suffixes:
        hint = f"convert it to one of {', '.join(sorted(suffixes))}"
        what = path.suffix or "files without suffix"
        return None, [
            Problem("warning", f"no loader for {what}; file ignored", path=rel, hint=hint)
        ]
    try:
        doc = load_document(path, options=options)
    except InputError as exc:
        return None, [exc.to_problem()]
    except Exception as exc:  # a library failed on a damaged file
        message = f"could not read the file ({type(exc).__name__}: {exc})"
        hint = "open and re-save it in its application, or remove it"
        return None, [Problem("error", message, path=rel, hint=hint)]
    problems = [_with_path(problem, rel) for problem in doc.problems]
    doc_id = str(doc.metadata.get("id") or path.stem)
    if not _ID.match(doc_id):
        message = (
            f"document id {doc_id!r} has characters other than letters, digits, '.', '_' and '-'"
        )
        hint = "set a simple 'id:' in the front matter or rename the file"
        return None, [*problems, Problem("error", message, path=rel, hint=hint)]
    return (doc_id, rel, doc), problems


def _parsed(doc_id: str, rel: str, doc: LoadedDocument, plain: bool) -> ParsedDocument:
    """Segment a loaded document; with ``plain``, segments come as columns."""
    parsed = parse_document(doc_id, rel, doc, count_words=False)
    if plain:
        columns = SegmentColumns.of(parsed.segments, _speaker_map(parsed.metadata))
        parsed = replace(parsed, segments=columns)
    return parsed


def _read_one(
    path: Path,
    root: Path,
    suffixes: frozenset[str],
    options: Limits | None,
    plain: bool = False,
) -> tuple[ParsedDocument | None, list[Problem]]:
    """Load and segment one file; every user mistake becomes a problem.

    With ``plain`` (in a worker process), segments are returned as
    :class:`SegmentColumns`, which cross process boundaries several times faster
    than a list of named tuples.
    """
    loaded, problems = _load_one(path, root, suffixes, options)
    return (None if loaded is None else _parsed(*loaded, plain)), problems


@contextlib.contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector while a corpus is built.

    Loading creates hundreds of thousands of small objects and no reference cycles;
    left running, the collector walks all of them again and again (a third of the
    loading time on a large corpus). Its previous state is restored on exit.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_batch(
    paths: list[Path], *, plain: bool = False, **kwargs: Any
) -> list[tuple[ParsedDocument | None, list[Problem]]]:
    """:func:`_read_one` over several files (one task of a process pool, or one
    chunk of a serial load).

    Every file is loaded before any is segmented: running one stage over many
    files keeps its code warm in the processor's caches, which is measurably faster
    than taking each file through every stage in turn. With ``plain``, the words of
    every document are also counted here, in one pass.
    """
    with _gc_paused():
        loaded = [_load_one(path, **kwargs) for path in paths]
        results = [
            (None if item is None else _parsed(*item, plain), problems) for item, problems in loaded
        ]
        if plain:
            done = [i for i, (parsed, _) in enumerate(results) if parsed is not None]
            counts = word_counts([results[i][0].text for i in done])
            for i, n_words in zip(done, counts, strict=True):
                parsed, problems = results[i]
                results[i] = (replace(parsed, n_words=n_words), problems)
        return results


#: Files loaded as one chunk in a single process (bounds the memory of a chunk).
_CHUNK = 500


_CONTAINERS = frozenset({".docx", ".odt"})


def _default_jobs(files: list[Path]) -> int:
    """Processes worth starting for these files.

    Measured on two cores (``benchmarks/bench_corpus.py``): 200 ``.docx`` files load
    1.6 times faster with two processes, their parsing costs far more than sending
    the result back; Markdown files load faster in one process up to a few hundred
    (250: 0.18 s against 0.19 s, medians), evenly at 500, and with a median about 7%
    lower in two from 1,000 (the best times stay alike). ``jobs=`` overrides this.
    """
    heavy = sum(path.suffix.lower() in _CONTAINERS for path in files)
    if len(files) >= 500 or heavy >= 50:
        return max(1, min(os.cpu_count() or 1, 8))
    return 1


def read_corpus(
    folder: str | Path,
    *,
    root: str | Path | None = None,
    options: Limits | None = None,
    jobs: int | None = None,
    executor: Executor | None = None,
) -> tuple[Corpus, list[Problem]]:
    """Load every document under ``folder``, collecting problems instead of stopping.

    Documents with an error are left out of the corpus; their problems, and the
    warnings of the others, are returned.

    Parameters
    ----------
    folder : path-like
        The documents folder (searched recursively).
    root : path-like, optional
        Paths in the tables and problems are relative to it (default: ``folder``).
    options : Limits, optional
        Loader limits.
    jobs : int, optional
        Processes for a local pool (default: see :func:`_default_jobs`).
    executor : concurrent.futures.Executor, optional
        Run the loading on this executor instead (a Dask client's, for instance).

    Returns
    -------
    corpus : Corpus
    problems : list of Problem
    """
    from functools import partial

    from research.corpus.loaders import registered_suffixes

    given = Path(folder)
    folder = given.resolve()
    root = Path(root).resolve() if root is not None else folder
    away = outside_link(given, root=root) if root != folder else None
    if away is not None:  # the documents folder itself is a link out of the project
        return _CorpusBuilder().build(), [outside_link_problem(given, away, root=root)]
    files = document_files(folder)
    problems: list[Problem] = []
    if root != folder:  # documents linked from outside the project are not read
        outside = {p: t for p in files if os.path.islink(p) and (t := outside_link(p, root=root))}
        problems += [outside_link_problem(p, t, root=root) for p, t in outside.items()]
        files = [p for p in files if p not in outside]
    suffixes = frozenset(registered_suffixes())
    read = partial(_read_one, root=root, suffixes=suffixes, options=options)
    jobs = _default_jobs(files) if jobs is None else jobs
    builder = _CorpusBuilder()
    seen: dict[str, str] = {}

    def take(parsed: ParsedDocument | None, found: list[Problem]) -> None:
        problems.extend(found)
        if parsed is None:
            return
        if parsed.doc_id in seen:
            message = (
                f"duplicate document id {parsed.doc_id!r} (also used by "
                f"{seen[parsed.doc_id]}); this file was left out"
            )
            hint = "give one of them another 'id:' in its front matter"
            problems.append(Problem("error", message, path=parsed.path, hint=hint))
            return
        seen[parsed.doc_id] = parsed.path
        builder.add(parsed)

    with _gc_paused():
        if executor is not None:
            for item in executor.map(read, files):
                take(*item)
        elif jobs > 1:
            size = max(1, -(-len(files) // (4 * jobs)))
            batches = [files[i : i + size] for i in range(0, len(files), size)]
            batch = partial(_read_batch, root=root, suffixes=suffixes, options=options, plain=True)
            word_counts(["fork"])  # build the lookup table once, before the workers fork
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                for done in pool.map(batch, batches):
                    for item in done:
                        take(*item)
        else:
            for first in range(0, len(files), _CHUNK):
                chunk = files[first : first + _CHUNK]
                for item in _read_batch(chunk, root=root, suffixes=suffixes, options=options):
                    take(*item)
        return builder.build(), problems


def load_corpus(
    folder: str | Path,
    *,
    root: str | Path | None = None,
    options: Limits | None = None,
) -> Corpus:
    """Load every document under ``folder``; raise if any has an error.

    Warnings (such as a cp1252 fallback) are emitted with :mod:`warnings`.

    Raises
    ------
    ValidationFailed
        Listing every document error found.
    """
    import warnings

    corpus, problems = read_corpus(folder, root=root, options=options)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValidationFailed(errors)
    for problem in problems:
        warnings.warn(problem.format(), stacklevel=2)
    return corpus


def _relative(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` (both already absolute), with ``/`` separators."""
    text, base = str(path), str(root)
    if text.startswith(base) and text[len(base) : len(base) + 1] == os.sep:
        return text[len(base) + 1 :].replace(os.sep, "/")
    return path.as_posix()


def _with_path(problem: Problem, path: str) -> Problem:
    from dataclasses import replace

    return replace(problem, path=path)
