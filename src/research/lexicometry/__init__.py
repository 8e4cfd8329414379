"""Textual statistics in the French tradition: segments, specificities, correspondence
analysis, Reinert's classification and similitudes.
"""

from research.lexicometry._correspondence import CorrespondenceAnalysis, correspondence_analysis
from research.lexicometry._reinert import ReinertClassification, reinert
from research.lexicometry._segments import (
    INTERVIEWER_LABELS,
    TEXT_SEGMENT_COLUMNS,
    interviewer_turns,
    text_segments,
)
from research.lexicometry._specificities import (
    banal_forms,
    specific_forms,
    specificities,
    with_concordance,
)
from research.lexicometry._tables import (
    ACTIVE_POS,
    MISSING_PART,
    LexicalMatrix,
    lexical_table,
    presence_matrix,
    segment_forms,
)

__all__ = [
    "ACTIVE_POS",
    "INTERVIEWER_LABELS",
    "MISSING_PART",
    "TEXT_SEGMENT_COLUMNS",
    "CorrespondenceAnalysis",
    "LexicalMatrix",
    "ReinertClassification",
    "banal_forms",
    "correspondence_analysis",
    "interviewer_turns",
    "lexical_table",
    "presence_matrix",
    "reinert",
    "segment_forms",
    "specific_forms",
    "specificities",
    "text_segments",
    "with_concordance",
]
