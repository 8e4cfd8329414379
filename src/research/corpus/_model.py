"""The corpus: documents, their stored texts, and the segments cut from them.

Two tables are the interface (see DESIGN.md): ``documents`` (one row per document,
with every metadata attribute) and ``segments`` (``doc_id``, ``seg_id``, ``start``,
``end``, ``speaker``, ``actor``, ``section``, ``text``, ``time``). For every segment,
``corpus.text(doc_id)[start:end] == text``. Reading a corpus from its files is
:func:`research.corpus.read_corpus`.

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

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from research import contracts
from research.corpus._parsing import ParsedDocument, SegmentColumns, _speaker_map, parse_document
from research.corpus.loaders import LoadedDocument
from research.errors import InputError, UnknownIdError
from research.text import fold, fold_with_offsets, word_counts

__all__ = ["DOCUMENT_COLUMNS", "SEGMENT_COLUMNS", "Corpus"]

DOCUMENT_COLUMNS = list(contracts.DOCUMENT_COLUMNS)
SEGMENT_COLUMNS = list(contracts.SEGMENT_COLUMNS)


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
        self.check_attributes(criteria)
        mask = pd.Series(True, index=self.documents.index)
        for key, wanted in criteria.items():
            mask &= self.documents[key].map(_matcher(wanted)).astype(bool)
        return self._subset(self.documents.loc[mask, "doc_id"].tolist())

    def check_attributes(self, names: Iterable[str]) -> None:
        """Raise :class:`InputError` naming the first of ``names`` that is not a
        document attribute, with the known ones.

        >>> Corpus.from_texts({"A": "a"}).check_attributes(["kind", "commune"])
        Traceback (most recent call last):
        ...
        research.errors.InputError: no document attribute 'commune' (hint: known attributes: ...)
        """
        for name in names:
            if name not in self.documents.columns:
                raise InputError(
                    f"no document attribute {name!r}",
                    hint=f"known attributes: {', '.join(map(str, self.documents.columns))}",
                )

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
