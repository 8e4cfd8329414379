"""The corpus: documents, their stored texts, the segments cut from them, and imports.

Loaders (:mod:`research.corpus.loaders`) turn files into stored texts;
segmentation cuts them into paragraphs or speaker turns; :class:`Corpus` holds the
``documents`` and ``segments`` tables.
"""

from research.corpus._importing import (
    KINDS,
    PlannedImport,
    document_folder,
    document_id,
    import_documents,
    infer_kind,
    plan_import,
    render_markdown,
    write_imports,
)
from research.corpus._model import DOCUMENT_COLUMNS, SEGMENT_COLUMNS, Corpus
from research.corpus._parsing import ParsedDocument, SegmentColumns, parse_document
from research.corpus._personal import (
    PERSONAL_METADATA,
    is_personal_key,
    without_personal_metadata,
)
from research.corpus._reading import document_files, load_corpus, read_corpus
from research.corpus._segmenting import (
    PAGE_MARKER,
    Segment,
    lone_speakers,
    page_marker,
    paginate,
    parse_timestamp,
    segment_paragraphs,
    segment_text,
    segment_turns,
    transcript_labels,
    without_page_markers,
)
from research.corpus._survey import Survey, SurveyOptions, read_survey

__all__ = [
    "DOCUMENT_COLUMNS",
    "KINDS",
    "PAGE_MARKER",
    "PERSONAL_METADATA",
    "SEGMENT_COLUMNS",
    "Corpus",
    "ParsedDocument",
    "PlannedImport",
    "Segment",
    "SegmentColumns",
    "Survey",
    "SurveyOptions",
    "document_files",
    "document_folder",
    "document_id",
    "import_documents",
    "infer_kind",
    "is_personal_key",
    "load_corpus",
    "lone_speakers",
    "page_marker",
    "paginate",
    "parse_document",
    "parse_timestamp",
    "plan_import",
    "read_corpus",
    "read_survey",
    "render_markdown",
    "segment_paragraphs",
    "segment_text",
    "segment_turns",
    "transcript_labels",
    "without_page_markers",
    "without_personal_metadata",
    "write_imports",
]
