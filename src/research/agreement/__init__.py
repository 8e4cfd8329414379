"""Intercoder agreement: the statistics, the units they are computed on, and consensus.

The statistics (percent agreement, Cohen's and Fleiss' kappas, Brennan–Prediger,
Krippendorff's alpha with its bootstrap) are small pure functions on data matrices;
the units (segments, characters, documents) are built from the ``codings`` table;
the consensus helpers find the disagreements of two coders and apply the decisions
of a consensus meeting. The unitizing alphas (Krippendorff 1995; Krippendorff et al.
2016) measure agreement on where coded passages start and end, per code and over
documents; MAXQDA's criteria give tables to compare with a MAXQDA report.
"""

from research.agreement._agreement_table import agreement_from_units, agreement_table
from research.agreement._agreement_units import (
    Unit,
    character_units,
    document_units,
    segment_codings,
    segment_units,
    segment_values,
)
from research.agreement._bootstrap import AlphaBootstrap, bootstrap_alpha
from research.agreement._consensus import (
    DECISION_COLUMNS,
    DECISIONS,
    apply_consensus,
    decisions_template,
    read_decisions,
    write_consensus_codings,
    write_decisions,
)
from research.agreement._disagreement_page import disagreements_html, write_disagreements_html
from research.agreement._disagreement_widget import open_disagreement
from research.agreement._disagreements import disagreements
from research.agreement._hierarchy import roll_up_codings
from research.agreement._inputs import Layout, Level
from research.agreement._kappas import (
    brennan_prediger_kappa,
    category_counts,
    cohen_kappa,
    fleiss_kappa,
    percent_agreement,
)
from research.agreement._krippendorff import coincidence_matrix, krippendorff_alpha
from research.agreement._maxqda import CRITERIA, maxqda_table
from research.agreement._report import agreement_report
from research.agreement._scope import (
    CODERS_FILE,
    agreement_scope,
    documents_in_common,
    read_documents_coded,
    scope_message,
    select_codes,
)
from research.agreement._unitizing import (
    UnitizingAlpha,
    binary_unitizing_alpha,
    coding_unitizing_alpha,
    domain_unitizing_alpha,
    unitizing_alpha,
)
from research.agreement._unitizing_classic import classic_unitizing_alpha
from research.agreement._unitizing_table import unitizing_summary, unitizing_table

__all__ = [
    "CODERS_FILE",
    "CRITERIA",
    "DECISIONS",
    "DECISION_COLUMNS",
    "AlphaBootstrap",
    "Layout",
    "Level",
    "Unit",
    "UnitizingAlpha",
    "agreement_from_units",
    "agreement_report",
    "agreement_scope",
    "agreement_table",
    "apply_consensus",
    "binary_unitizing_alpha",
    "bootstrap_alpha",
    "brennan_prediger_kappa",
    "category_counts",
    "character_units",
    "classic_unitizing_alpha",
    "coding_unitizing_alpha",
    "cohen_kappa",
    "coincidence_matrix",
    "decisions_template",
    "disagreements",
    "disagreements_html",
    "document_units",
    "documents_in_common",
    "domain_unitizing_alpha",
    "fleiss_kappa",
    "krippendorff_alpha",
    "maxqda_table",
    "open_disagreement",
    "percent_agreement",
    "read_decisions",
    "read_documents_coded",
    "roll_up_codings",
    "scope_message",
    "segment_codings",
    "segment_units",
    "segment_values",
    "select_codes",
    "unitizing_alpha",
    "unitizing_summary",
    "unitizing_table",
    "write_consensus_codings",
    "write_decisions",
    "write_disagreements_html",
]
