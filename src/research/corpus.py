"""The corpus: documents, their stored texts, and the segments cut from them.

Two tables are the interface (see DESIGN.md): ``documents`` (one row per document,
with every metadata attribute) and ``segments`` (``doc_id``, ``seg_id``, ``start``,
``end``, ``speaker``, ``actor``, ``section``, ``text``, ``time``). For every segment,
``corpus.text(doc_id)[start:end] == text``.

Examples
--------
>>> corpus = Corpus.from_texts({"A": "I : Bonjour.\\nR : La coopérative, oui."},
...                            metadata={"A": {"kind": "interview"}})
>>> corpus.segments[["seg_id", "speaker", "text"]].values.tolist()
[['A:0000', 'I', 'Bonjour.'], ['A:0001', 'R', 'La coopérative, oui.']]
>>> corpus.kwic("cooper", ignore_accents=True)["match"].tolist()
['coopér']
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from research.errors import InputError, Problem, ValidationFailed
from research.loaders import LoadedDocument, LoaderOptions, load_document, segments_for
from research.segmenting import Segment
from research.text import fold, fold_with_offsets, word_count, word_counts

__all__ = [
    "DOCUMENT_COLUMNS",
    "SEGMENT_COLUMNS",
    "Corpus",
    "ParsedDocument",
    "document_files",
    "load_corpus",
    "parse_document",
    "read_corpus",
]

DOCUMENT_COLUMNS = [
    "doc_id",
    "kind",
    "title",
    "date",
    "edition",
    "path",
    "sha256",
    "n_chars",
    "n_words",
    "n_segments",
]
SEGMENT_COLUMNS = [
    "doc_id",
    "seg_id",
    "start",
    "end",
    "speaker",
    "actor",
    "section",
    "text",
    "time",
]
_ID = re.compile(r"^[\w][\w.\-]*$")
_SKIPPED_NAMES = {"readme.md", "readme.txt"}


def _seg_id(doc_id: str, index: int) -> str:
    return f"{doc_id}:{index:04d}"


def document_files(folder: str | Path) -> list[Path]:
    """Every candidate document file under ``folder``, in a stable order.

    Hidden files and folders, names starting with ``_`` or ``~$`` (office lock
    files) and ``README`` files are skipped.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).parts
        if any(part.startswith((".", "_", "~$")) for part in rel):
            continue
        if path.is_file() and path.name.lower() not in _SKIPPED_NAMES:
            found.append(path)
    return found


@dataclass(frozen=True)
class ParsedDocument:
    """A loaded document with its segments, word count and hash."""

    doc_id: str
    path: str
    text: str
    metadata: dict[str, Any]
    sha256: str
    n_words: int | None
    segments: list[Segment]


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
        parsed = list(parsed)
        uncounted = [doc.text for doc in parsed if doc.n_words is None]
        counts = iter(word_counts(uncounted))
        doc_rows: list[dict[str, Any]] = []
        columns: dict[str, list] = {name: [] for name in SEGMENT_COLUMNS}
        texts: dict[str, str] = {}
        for doc in parsed:
            text, doc_id = doc.text, doc.doc_id
            meta = {k: v for k, v in doc.metadata.items() if k != "id"}
            speakers = meta.get("speakers") if isinstance(meta.get("speakers"), dict) else {}
            n = len(doc.segments)
            if n:
                starts, ends, labels, sections, times = zip(*doc.segments, strict=True)
                columns["doc_id"].extend([doc_id] * n)
                columns["seg_id"].extend(_seg_id(doc_id, i) for i in range(n))
                columns["start"].extend(starts)
                columns["end"].extend(ends)
                columns["speaker"].extend(labels)
                columns["actor"].extend(speakers.get(x) if x else None for x in labels)
                columns["section"].extend(sections)
                columns["text"].extend(text[a:b] for a, b in zip(starts, ends, strict=True))
                columns["time"].extend(times)
            row = {
                "doc_id": doc_id,
                "kind": meta.pop("kind", None) or "document",
                "title": meta.pop("title", None) or doc_id,
                "date": meta.pop("date", None),
                "edition": meta.pop("edition", None),
                "path": doc.path,
                "sha256": doc.sha256,
                "n_chars": len(text),
                "n_words": next(counts) if doc.n_words is None else doc.n_words,
                "n_segments": n,
            }
            for key, value in meta.items():
                row.setdefault(key, value)
            doc_rows.append(row)
            texts[doc_id] = text
        documents = pd.DataFrame(doc_rows, columns=None if doc_rows else DOCUMENT_COLUMNS)
        segments = pd.DataFrame(columns)
        segments = segments.astype({"start": "int64", "end": "int64", "time": "float64"})
        return cls(documents, segments, texts)

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
        KeyError
            With the list of known ids when ``doc_id`` is unknown.
        """
        try:
            return self._texts[doc_id]
        except KeyError:
            known = ", ".join(sorted(self._texts)[:10])
            raise KeyError(f"unknown document {doc_id!r}; known ids include {known}") from None

    def texts(self) -> dict[str, str]:
        """A copy of the mapping ``doc_id -> stored text``."""
        return dict(self._texts)

    def document(self, doc_id: str) -> pd.Series:
        """The ``documents`` row of one document."""
        rows = self.documents[self.documents["doc_id"] == doc_id]
        if rows.empty:
            self.text(doc_id)  # raises the helpful KeyError
        return rows.iloc[0]

    def segment(self, seg_id: str) -> pd.Series:
        """The ``segments`` row of one segment."""
        rows = self.segments[self.segments["seg_id"] == seg_id]
        if rows.empty:
            raise KeyError(f"unknown segment {seg_id!r}; segment ids look like 'INT01:0003'")
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
        words = segs["text"].map(word_count)
        return (
            segs.assign(words=words)
            .groupby(["doc_id", "speaker"], sort=True, dropna=False)
            .agg(actor=("actor", "first"), turns=("seg_id", "size"), words=("words", "sum"))
            .reset_index()
        )

    def _repr_html_(self) -> str:
        if not len(self.documents):
            return "<p><b>Corpus</b>: no documents</p>"
        table = self.summary().to_html(index=False, border=0)
        return (
            f"<p><b>Corpus</b>: {len(self.documents)} documents, {len(self.segments)} "
            f"segments, {int(self.documents['n_words'].sum()):,} words</p>{table}"
        )


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


def _read_one(
    path: Path,
    root: Path,
    suffixes: frozenset[str],
    options: LoaderOptions | None,
    plain: bool = False,
) -> tuple[ParsedDocument | None, list[Problem]]:
    """Load and segment one file; every user mistake becomes a problem.

    With ``plain``, segments are returned as plain tuples, which cross process
    boundaries several times faster than named tuples.
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
    parsed = parse_document(doc_id, rel, doc, count_words=False)
    if plain:
        parsed = replace(parsed, segments=[tuple(seg) for seg in parsed.segments])
    return parsed, problems


_CONTAINERS = frozenset({".docx", ".odt"})


def _default_jobs(files: list[Path]) -> int:
    """Processes worth starting for these files.

    Measured on two cores (``benchmarks/bench_corpus.py``): a pool pays off from a
    few hundred text files (segments travel back as plain tuples) and from a few
    dozen office files, whose parsing costs far more than sending the result;
    below that, starting processes costs more than it saves.
    """
    import os

    heavy = sum(path.suffix.lower() in _CONTAINERS for path in files)
    if len(files) >= 200 or heavy >= 50:
        return max(1, min(os.cpu_count() or 1, 8))
    return 1


def read_corpus(
    folder: str | Path,
    *,
    root: str | Path | None = None,
    options: LoaderOptions | None = None,
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
    options : LoaderOptions, optional
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

    from research.loaders import registered_suffixes

    folder = Path(folder).resolve()
    root = Path(root).resolve() if root is not None else folder
    files = document_files(folder)
    read = partial(_read_one, root=root, suffixes=frozenset(registered_suffixes()), options=options)
    jobs = _default_jobs(files) if jobs is None else jobs
    chunksize = max(1, len(files) // (4 * max(jobs, 1)))
    if executor is not None:
        results = list(executor.map(read, files))
    elif jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(partial(read, plain=True), files, chunksize=chunksize))
    else:
        results = [read(path) for path in files]
    problems: list[Problem] = []
    kept: list[ParsedDocument] = []
    seen: dict[str, str] = {}
    for parsed, found in results:
        problems.extend(found)
        if parsed is None:
            continue
        if parsed.doc_id in seen:
            problems.append(
                Problem(
                    "error",
                    f"duplicate document id {parsed.doc_id!r} (also used by "
                    f"{seen[parsed.doc_id]}); this file was left out",
                    path=parsed.path,
                    hint="give one of them another 'id:' in its front matter",
                )
            )
            continue
        seen[parsed.doc_id] = parsed.path
        kept.append(parsed)
    return Corpus.from_parsed(kept), problems


def load_corpus(
    folder: str | Path,
    *,
    root: str | Path | None = None,
    options: LoaderOptions | None = None,
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
