"""Analyses of coded text: frequencies, co-occurrence, code × case matrices, quotes, institutional work, displays.

The displays of qualitative analysis: the Gioia data structure
(:func:`gioia_structure`), thematic saturation (:func:`saturation_table`), code
relations by proximity (:func:`code_relations`), the code × document matrix
(:func:`code_document_matrix`) and a document's portrait (:func:`document_portrait`).

:func:`coder_selection` chooses the codings of one coder that a chapter analyses.

Pure functions on the ``codings``, ``segments`` and ``documents`` tables; each
returns a new table (or a figure) and never changes its arguments.
"""

from research.analysis._attribute_matrix import code_attribute_matrix
from research.analysis._coding_attributes import (
    CATEGORY_LABELS,
    MISSING,
    SPEAKER_ATTRIBUTES,
    coding_attributes,
    coding_segments,
    group_names,
    select_codings,
    speaker_of,
)
from research.analysis._cooccurrence import (
    cooccurrence_matrix,
    cooccurrence_pairs,
    plot_cooccurrence,
)
from research.analysis._document_displays import (
    NO_EDITION,
    code_document_matrix,
    document_groups,
    document_portrait,
    plot_code_document_matrix,
    plot_document_portrait,
)
from research.analysis._framework import framework_matrix, framework_table
from research.analysis._frequencies import code_frequencies
from research.analysis._gioia import GIOIA_COLUMNS, GioiaStructure, gioia_structure, plot_gioia
from research.analysis._institutional_work import (
    FORMS,
    PILLAR_COLORS,
    PILLARS,
    forms_table,
    iw_code_map,
    iw_codings,
    iw_examples,
    iw_profile,
    plot_iw_profile,
    profile_matrix,
)
from research.analysis._proximity import code_relations, proximity_units
from research.analysis._quote_table import quotes_table
from research.analysis._quotes import (
    CATEGORY_ROLES,
    KIND_LABELS,
    NBSP,
    format_verbatim,
    french_typography,
    mark_cuts,
    reference,
    role_label,
    shorten,
)
from research.analysis._saturation import (
    plot_saturation,
    saturation_statement,
    saturation_table,
)
from research.analysis._selection import CoderSelection, coder_selection

__all__ = [
    "CATEGORY_LABELS",
    "CATEGORY_ROLES",
    "FORMS",
    "GIOIA_COLUMNS",
    "KIND_LABELS",
    "MISSING",
    "NBSP",
    "NO_EDITION",
    "PILLARS",
    "PILLAR_COLORS",
    "SPEAKER_ATTRIBUTES",
    "CoderSelection",
    "GioiaStructure",
    "code_attribute_matrix",
    "code_document_matrix",
    "code_frequencies",
    "code_relations",
    "coder_selection",
    "coding_attributes",
    "coding_segments",
    "cooccurrence_matrix",
    "cooccurrence_pairs",
    "document_groups",
    "document_portrait",
    "format_verbatim",
    "forms_table",
    "framework_matrix",
    "framework_table",
    "french_typography",
    "gioia_structure",
    "group_names",
    "iw_code_map",
    "iw_codings",
    "iw_examples",
    "iw_profile",
    "mark_cuts",
    "plot_code_document_matrix",
    "plot_cooccurrence",
    "plot_document_portrait",
    "plot_gioia",
    "plot_iw_profile",
    "plot_saturation",
    "profile_matrix",
    "proximity_units",
    "quotes_table",
    "reference",
    "role_label",
    "saturation_statement",
    "saturation_table",
    "select_codings",
    "shorten",
    "speaker_of",
]
