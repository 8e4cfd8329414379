"""Textual statistics in the French tradition: segments, specificities, correspondence
analysis, Reinert's classification and similitudes.
"""

from research.lexicometry._correspondence import CorrespondenceAnalysis, correspondence_analysis
from research.lexicometry._plots import (
    CLASS_COLORS,
    classification_figure,
    correspondence_map,
    french_number,
    similitude_figure,
    specificity_figure,
)
from research.lexicometry._reinert import ReinertClassification, reinert
from research.lexicometry._segments import (
    INTERVIEWER_LABELS,
    TEXT_SEGMENT_COLUMNS,
    interviewer_turns,
    text_segments,
)
from research.lexicometry._similitudes import Similitudes, similitudes
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
    lexical_summary,
    lexical_table,
    presence_matrix,
    segment_forms,
)

__all__ = [
    "ACTIVE_POS",
    "CLASS_COLORS",
    "INTERVIEWER_LABELS",
    "MISSING_PART",
    "TEXT_SEGMENT_COLUMNS",
    "CorrespondenceAnalysis",
    "LexicalMatrix",
    "ReinertClassification",
    "Similitudes",
    "banal_forms",
    "classification_figure",
    "correspondence_analysis",
    "correspondence_map",
    "french_number",
    "interviewer_turns",
    "lexical_summary",
    "lexical_table",
    "presence_matrix",
    "reinert",
    "segment_forms",
    "similitude_figure",
    "similitudes",
    "specific_forms",
    "specificities",
    "specificity_figure",
    "text_segments",
    "with_concordance",
]
