"""Parsed documents: a loaded document with its segments, word count and hash.

:func:`parse_document` segments a loaded document; :class:`ParsedDocument` is what
reading hands to the corpus, its segments as :class:`SegmentColumns` when it comes
back from a worker process.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from research.corpus._segmenting import Segment
from research.corpus.loaders import LoadedDocument, segments_for
from research.text import word_count

__all__ = ["ParsedDocument", "SegmentColumns", "parse_document"]


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
    page: list[str | None]

    @classmethod
    def of(
        cls, segments: list[Segment], speakers: Mapping[str, Any] | None = None
    ) -> SegmentColumns:
        """The columns of a document's segments; ``speakers`` maps labels to actors."""
        if not segments:
            return cls([], [], [], [], [], [], [])
        start, end, speaker, section, time, page = map(list, zip(*segments, strict=True))
        get = (speakers or {}).get
        actor = [get(label) if label else None for label in speaker]
        return cls(start, end, speaker, actor, section, time, page)


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
