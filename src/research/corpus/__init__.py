"""The corpus: documents, their stored texts, the segments cut from them, and imports.

Loaders (:mod:`research.corpus.loaders`) turn files into stored texts;
segmentation cuts them into paragraphs or speaker turns; :class:`Corpus` holds the
``documents`` and ``segments`` tables.
"""

from research.corpus._importing import import_documents, render_markdown
from research.corpus._model import (
    DOCUMENT_COLUMNS,
    SEGMENT_COLUMNS,
    Corpus,
    ParsedDocument,
    SegmentColumns,
    document_files,
    load_corpus,
    parse_document,
    read_corpus,
)
from research.corpus._segmenting import (
    Segment,
    lone_speakers,
    parse_timestamp,
    segment_paragraphs,
    segment_text,
    segment_turns,
    transcript_labels,
)

__all__ = [
    "DOCUMENT_COLUMNS",
    "SEGMENT_COLUMNS",
    "Corpus",
    "ParsedDocument",
    "Segment",
    "SegmentColumns",
    "document_files",
    "import_documents",
    "load_corpus",
    "lone_speakers",
    "parse_document",
    "parse_timestamp",
    "read_corpus",
    "render_markdown",
    "segment_paragraphs",
    "segment_text",
    "segment_turns",
    "transcript_labels",
]
