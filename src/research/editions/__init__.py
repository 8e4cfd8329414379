"""Start-Up de Territoire editions and the actor registry: tables, outcomes and tests of association.

The edition tables (``editions``, ``workshops``, ``participations``, ``projects``)
and the actor registry are read with declared schemas; :class:`Editions` answers
the questions a chapter asks of them.
"""

from research.editions._actors import Actors, normalise_name
from research.editions._association import (
    ASSOCIATION_COLUMNS,
    association,
    associations,
    chi_square,
    contingency,
    cramers_v,
    fisher_2x2,
    fisher_freeman_halton,
)
from research.editions._editions import Editions, editions_in_order
from research.editions._loading import load_tables
from research.editions._outcomes import (
    CONDITIONS,
    OUTCOME_LABELS,
    OUTCOMES,
    SUPPORT_CATEGORIES,
    workshop_outcomes,
)
from research.editions._reading import empty_table, read_table
from research.editions._references import check_references
from research.editions._schemas import (
    ACTOR_CATEGORIES,
    ACTOR_KINDS,
    LADDER,
    ROLES,
    SCHEMAS,
    STAGE_LABELS,
    STAGES,
    TABLE_NAMES,
    THEMES,
    WORKSHOP_TYPE_LABELS,
    WORKSHOP_TYPES,
    Column,
    TableSchema,
)

__all__ = [
    "ACTOR_CATEGORIES",
    "ACTOR_KINDS",
    "ASSOCIATION_COLUMNS",
    "CONDITIONS",
    "LADDER",
    "OUTCOMES",
    "OUTCOME_LABELS",
    "ROLES",
    "SCHEMAS",
    "STAGES",
    "STAGE_LABELS",
    "SUPPORT_CATEGORIES",
    "TABLE_NAMES",
    "THEMES",
    "WORKSHOP_TYPES",
    "WORKSHOP_TYPE_LABELS",
    "Actors",
    "Column",
    "Editions",
    "TableSchema",
    "association",
    "associations",
    "check_references",
    "chi_square",
    "contingency",
    "cramers_v",
    "editions_in_order",
    "empty_table",
    "fisher_2x2",
    "fisher_freeman_halton",
    "load_tables",
    "normalise_name",
    "read_table",
    "workshop_outcomes",
]
