"""The French words shown to readers for the values of the project's tables.

Tables and files hold stable English identifiers (``project_holder``,
``working_group``); pages, tables and figures show French labels. This module is
their one home: :data:`VOCABULARY` maps each kind of value to its labels and
:func:`label` gives the label of one value, or the value itself when a project
uses a value of its own that has no label here.

The kinds
---------
``document_kind``  the ``kind`` of a document (``interview``, ``minutes``…)
``category``       an actor category as a group (plural: « porteurs de projet »)
``node_category``  the category of a node of a network: the actor categories,
                   ``workshop`` and ``project``
``actor_kind``     the ``kind`` of an actor (person, organisation, artefact)
``stage``          the stage a project reached
``workshop_type``  the type of a workshop
``outcome``        an outcome of a workshop (:mod:`research.editions`)
``role``           the role of a participation
``theme``          the theme of a workshop or a project

:data:`CATEGORY_ROLES` gives, for quotations, the role of one person of a category,
masculine and feminine.

Examples
--------
>>> label("stage", "working_group")
'groupe de travail'
>>> label("category", "local_cooperative")  # a value of the project's own
'local_cooperative'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

__all__ = [
    "ACTOR_KIND_LABELS",
    "CATEGORY_LABELS",
    "CATEGORY_ROLES",
    "KIND_LABELS",
    "NODE_CATEGORY_LABELS",
    "OUTCOME_LABELS",
    "ROLE_LABELS",
    "STAGE_LABELS",
    "THEME_LABELS",
    "VOCABULARY",
    "WORKSHOP_TYPE_LABELS",
    "label",
    "labels",
]

#: French name of each document kind, for references to documents without a speaker.
KIND_LABELS: dict[str, str] = {
    "interview": "entretien",
    "minutes": "compte rendu",
    "logbook": "journal de bord",
    "note": "note",
    "document": "document",
}
#: French names of actor categories as groups (table headers, figure labels).
CATEGORY_LABELS: dict[str, str] = {
    "citizen": "citoyens",
    "project_holder": "porteurs de projet",
    "facilitator": "facilitateurs",
    "elected": "élus",
    "cluster_staff": "équipe du pôle",
    "support_org": "accompagnement à la création",
    "funder": "financeurs",
    "researcher": "recherche",
    "business": "entreprises",
    "cluster": "pôle territorial",
    "public_body": "organismes publics",
    "bank": "banques",
    "association": "associations",
    "enterprise": "entreprises créées",
    "scheme": "dispositifs",
    "tool": "outils",
    "charter": "chartes",
    "agreement": "conventions",
    "funding_call": "appels à projets",
    "event": "événements",
}
#: French role of one person (or organisation) of each actor category: (masculine, feminine).
CATEGORY_ROLES: dict[str, tuple[str, str]] = {
    "citizen": ("citoyen", "citoyenne"),
    "project_holder": ("porteur de projet", "porteuse de projet"),
    "facilitator": ("facilitateur", "facilitatrice"),
    "elected": ("élu", "élue"),
    "cluster_staff": ("salarié du pôle", "salariée du pôle"),
    "support_org": ("conseiller en création d’entreprise", "conseillère en création d’entreprise"),
    "funder": ("chargé de mission d’un financeur", "chargée de mission d’un financeur"),
    "researcher": ("chercheur", "chercheuse"),
    "business": ("chef d’entreprise", "cheffe d’entreprise"),
    "cluster": ("pôle territorial de coopération économique",) * 2,
    "public_body": ("collectivité",) * 2,
    "bank": ("banque",) * 2,
    "association": ("association",) * 2,
    "enterprise": ("entreprise",) * 2,
    "scheme": ("dispositif",) * 2,
}
#: French names of the kinds of actor.
ACTOR_KIND_LABELS: dict[str, str] = {
    "person": "personne",
    "organisation": "organisation",
    "artefact": "actant non humain",
}
#: French names of the stages (figure labels).
STAGE_LABELS: dict[str, str] = {
    "idea": "idée",
    "working_group": "groupe de travail",
    "prototype": "prototype",
    "launched": "activité lancée",
    "enterprise": "entreprise créée",
    "abandoned": "abandonné",
}
#: French names of the workshop types (figure labels).
WORKSHOP_TYPE_LABELS: dict[str, str] = {
    "problem_no_holder": "problème sans porteur",
    "holder_with_idea": "porteur avec une idée",
    "idea_seeking_holder": "idée en quête de porteur",
}
#: French names of the outcomes of a workshop (figure labels).
OUTCOME_LABELS: dict[str, str] = {
    "reached_working_group": "groupe de travail atteint",
    "reached_prototype": "prototype atteint",
    "started": "activité lancée",
}
#: French names of the roles in a workshop.
ROLE_LABELS: dict[str, str] = {
    "participant": "participant",
    "holder": "porteur de projet",
    "facilitator": "facilitateur",
    "expert": "expert",
    "elected": "élu",
    "staff": "équipe du pôle",
    "observer": "observateur",
}
#: French names of the themes of workshops and projects.
THEME_LABELS: dict[str, str] = {
    "mobility": "mobilité",
    "food": "alimentation",
    "housing": "logement",
    "energy": "énergie",
    "textile": "textile",
    "ageing": "vieillissement",
    "reuse": "réemploi",
    "local_services": "services de proximité",
    "culture": "culture",
    "agriculture": "agriculture",
    "childhood": "enfance",
    "digital": "numérique",
    "tourism": "tourisme",
}

#: French names of the categories of the nodes of a network (actors, workshops, projects).
NODE_CATEGORY_LABELS: dict[str, str] = {
    **CATEGORY_LABELS,
    "workshop": "ateliers",
    "project": "projets",
    "unknown": "non renseigné",
}

#: Every kind of value and its labels.
VOCABULARY: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "document_kind": KIND_LABELS,
        "category": CATEGORY_LABELS,
        "node_category": NODE_CATEGORY_LABELS,
        "actor_kind": ACTOR_KIND_LABELS,
        "stage": STAGE_LABELS,
        "workshop_type": WORKSHOP_TYPE_LABELS,
        "outcome": OUTCOME_LABELS,
        "role": ROLE_LABELS,
        "theme": THEME_LABELS,
    }
)


def labels(kind: str) -> Mapping[str, str]:
    """The labels of one kind of value (see the module's list).

    Raises
    ------
    KeyError
        When ``kind`` is not one of :data:`VOCABULARY`, with the known kinds.

    Examples
    --------
    >>> labels("outcome")["started"]
    'activité lancée'
    """
    try:
        return VOCABULARY[kind]
    except KeyError:
        raise KeyError(
            f"no vocabulary of kind {kind!r}; the kinds are {', '.join(VOCABULARY)}"
        ) from None


def label(kind: str, value: Any) -> str:
    """The French label of ``value``, or ``value`` itself (as text) when it has none.

    Examples
    --------
    >>> label("workshop_type", "holder_with_idea"), label("role", "juré")
    ('porteur avec une idée', 'juré')
    """
    return labels(kind).get(str(value), str(value))
