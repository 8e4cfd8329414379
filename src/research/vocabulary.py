"""The French words shown to readers for the values of the project's tables.

Tables and files hold stable English identifiers (``project_holder``,
``working_group``); pages, tables and figures show French labels. This module is
their one home: :data:`VOCABULARY` maps each kind of value to its labels and
:func:`label` gives the label of one value, or the value itself when a project
uses a value of its own that has no label here.

Tables and figures shown to readers also need French column headers:
:data:`COLUMN_LABELS` gives one for every column name the chapters write, and
:func:`readers_table` makes the reader's version of a table (French headers,
labelled values, code labels instead of code ids).

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
``condition``      a condition of a workshop tested against its outcomes
``test``           the statistical test of an association
``graph_type``     the kind of graph of the network chapter
``pillar``         a pillar of institutional work
``kappa_method``   the kappa of an agreement table
``marker``         the rows that stand for a group (``(all codes)``, ``(animator)``)
``memo_kind``      the kind of a memo, as the heading of its group (« mémos théoriques »)
``level``          a level of a Gioia data structure (first-order concepts…)
``suggestion_status`` what the report of a suggestion model says of a code

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

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ACTOR_KIND_LABELS",
    "CATEGORY_LABELS",
    "CATEGORY_ROLES",
    "COLUMN_KINDS",
    "COLUMN_LABELS",
    "KIND_LABELS",
    "LEVEL_LABELS",
    "MEMO_KIND_LABELS",
    "NODE_CATEGORY_LABELS",
    "OUTCOME_LABELS",
    "ROLE_LABELS",
    "STAGE_LABELS",
    "SUGGESTION_STATUS_LABELS",
    "THEME_LABELS",
    "VOCABULARY",
    "WORKSHOP_TYPE_LABELS",
    "french_date",
    "label",
    "labels",
    "readers_table",
]

#: French name of each document kind, for references to documents without a speaker.
KIND_LABELS: dict[str, str] = {
    "interview": "entretien",
    "minutes": "compte rendu",
    "logbook": "journal de bord",
    "note": "note",
    "document": "document",
    "email": "courriel",
    "web_page": "page web",
    "survey": "questionnaire",
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

#: French names of the conditions of a workshop (rows of the association tests).
CONDITION_LABELS: dict[str, str] = {
    "type": "type d'atelier",
    "holder_present": "porteur présent",
    "support_in_room": "accompagnement présent",
    "elected_in_room": "élu présent",
}
#: French names of the statistical tests of an association.
TEST_LABELS: dict[str, str] = {
    "chi_square": "khi-deux",
    "fisher": "test exact de Fisher",
    "fisher_freeman_halton": "test exact de Fisher-Freeman-Halton",
    "none": "aucun test",
}
#: French names of the kinds of graph of the network chapter.
GRAPH_TYPE_LABELS: dict[str, str] = {
    "actors": "acteurs (co-participation)",
    "two_mode": "acteurs × ateliers",
    "actor_network": "réseau d'acteurs et d'actants",
}
#: French names of the pillars of institutional work.
PILLAR_LABELS: dict[str, str] = {
    "creating": "créer",
    "maintaining": "maintenir",
    "disrupting": "perturber",
}
#: French names of the kappas of an agreement table.
KAPPA_METHOD_LABELS: dict[str, str] = {
    "cohen": "Cohen",
    "fleiss": "Fleiss",
}
#: French names of the rows that stand for a group rather than one item.
MARKER_LABELS: dict[str, str] = {
    "(all codes)": "(tous les codes)",
    "(animator)": "(équipe d'animation)",
}

#: French names of the kinds of memo, as headings of their groups (a project's own kinds
#: take the labels it declares in ``research.yaml``).
MEMO_KIND_LABELS: dict[str, str] = {
    "theoretical": "mémos théoriques",
    "methodological": "mémos méthodologiques",
    "reflexive": "mémos réflexifs",
    "code": "mémos de code",
    "document": "mémos de document",
    "coding": "mémos de codage",
}
#: French names of the levels of a Gioia data structure (Gioia, Corley & Hamilton, 2013).
LEVEL_LABELS: dict[str, str] = {
    "first_order": "concepts de premier ordre",
    "second_order": "thèmes de second ordre",
    "aggregate": "dimensions agrégées",
}
#: What the report of a suggestion model says of each code (:mod:`research.suggest`).
SUGGESTION_STATUS_LABELS: dict[str, str] = {
    "suggests": "fait mieux que les mots-clés",
    "below_baseline": "ne fait pas mieux que les mots-clés",
    "too_few_examples": "trop peu d'exemples",
    "one_document": "exemples dans un seul document",
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
        "condition": CONDITION_LABELS,
        "test": TEST_LABELS,
        "graph_type": GRAPH_TYPE_LABELS,
        "pillar": PILLAR_LABELS,
        "kappa_method": KAPPA_METHOD_LABELS,
        "marker": MARKER_LABELS,
        "memo_kind": MEMO_KIND_LABELS,
        "level": LEVEL_LABELS,
        "suggestion_status": SUGGESTION_STATUS_LABELS,
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


_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre")  # fmt: skip


def french_date(value: Any) -> str:
    """A date (``2019-12-16``, or a time stamp that starts with one) written in French;
    other values as they are, a missing one as ``""``.

    Examples
    --------
    >>> french_date("2019-12-16"), french_date("2024-03-01T09:26:53Z"), french_date("été 2018")
    ('16 décembre 2019', '1er mars 2024', 'été 2018')
    """
    text = "" if value is None else str(value).strip()
    if text in ("", "nan", "NaT", "<NA>"):  # missing, as pandas writes it
        return ""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text[:10])
    if not match:
        return str(value)
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        return str(value)
    return f"{'1er' if day == 1 else day} {_MONTHS[month - 1]} {year}"


# -- the reader's version of a table ---------------------------------------------------------

#: French header of each column name the chapters write (tables, XLSX, LaTeX, notebooks).
COLUMN_LABELS: dict[str, str] = {
    # corpus
    "doc_id": "document",
    "kind": "type",
    "documents": "documents",
    "segments": "segments",
    "words": "mots",
    "characters": "caractères",
    "speaker": "locuteur",
    "group": "groupe",
    "turns": "tours de parole",
    "left": "contexte gauche",
    "match": "occurrence",
    "right": "contexte droit",
    "lemma": "lemme",
    "count": "occurrences",
    "respondent_category": "catégorie du répondant",
    "actor_category": "catégorie d'acteur",
    "organisation_label": "organisation",
    # editions
    "edition": "édition",
    "edition_id": "édition",
    "date": "date",
    "announced": "personnes annoncées",
    "persons": "personnes",
    "first_time": "nouveaux venus",
    "returning": "revenus",
    "not_recorded": "non enregistrés",
    "workshops": "ateliers",
    "holder_workshops": "ateliers avec porteur",
    "projects": "projets",
    "started": "activités lancées",
    "abandoned": "abandonnés",
    "jobs": "emplois",
    "category": "catégorie",
    "type": "type",
    "workshop_type": "type d'atelier",
    "stage": "marche",
    "role": "rôle",
    "theme": "thème",
    "holder_present": "porteur présent",
    "support_in_room": "accompagnement présent",
    "elected_in_room": "élu présent",
    "mean_participants": "participants en moyenne",
    "row": "condition",
    "column": "issue",
    "n": "effectif",
    "shape": "dimensions",
    "test": "test",
    "statistic": "statistique",
    "dof": "degrés de liberté",
    "p_value": "valeur p",
    "odds_ratio": "rapport de cotes",
    "ci_low": "IC borne basse",
    "ci_high": "IC borne haute",
    "cramers_v": "V de Cramér",
    "min_expected": "effectif attendu minimal",
    "caveat": "mise en garde",
    # codes and agreement
    "code": "code",
    "label": "libellé",
    "code_a": "code A",
    "code_b": "code B",
    "label_a": "libellé A",
    "label_b": "libellé B",
    "value": "valeur",
    "total": "total",
    "n_documents": "documents",
    "start": "début",
    "end": "fin",
    "quote": "citation",
    "reference": "référence",
    "n_units": "unités",
    "n_coded": "unités codées",
    "prevalence": "prévalence",
    "percent_agreement": "accord observé",
    "kappa": "kappa",
    "kappa_method": "kappa utilisé",
    "kappa_bp": "kappa de Brennan-Prediger",
    "alpha": "alpha de Krippendorff",
    "alpha_low": "alpha borne basse",
    "alpha_high": "alpha borne haute",
    "p_alpha_below_min": "probabilité d'un alpha sous le seuil",
    "agreements": "accords",
    "disagreements": "désaccords",
    "domain": "domaine",
    "coded": "caractères codés",
    "alpha_binary": "|cuα (où le code s'applique)",
    "observed_binary": "|cuα désaccord observé",
    "expected_binary": "|cuα désaccord attendu",
    "low_binary": "|cuα borne basse",
    "high_binary": "|cuα borne haute",
    "alpha_coding": "(k)uα (quel code, passages communs)",
    "observed_coding": "(k)uα désaccord observé",
    "expected_coding": "(k)uα désaccord attendu",
    "low_coding": "(k)uα borne basse",
    "high_coding": "(k)uα borne haute",
    "coverage_coding": "(k)uα part du code couverte",
    "coefficient": "coefficient d'accord",
    "scope": "portée",
    "observed": "désaccord observé",
    "expected": "désaccord attendu",
    "low": "borne basse",
    "high": "borne haute",
    "coverage": "part de la matière",
    # institutional work
    "pillar": "pilier",
    "pillar_label": "libellé du pilier",
    "form": "forme",
    "n_group": "effectif du groupe",
    "share": "part",
    # network
    "node": "nœud",
    "actor": "acteur",
    "graph_type": "type de graphe",
    "nodes": "nœuds",
    "edges": "liens",
    "density": "densité",
    "transitivity": "transitivité",
    "average_clustering": "clustering moyen",
    "components": "composantes",
    "largest_component": "plus grande composante",
    "isolates": "isolés",
    "mean_degree": "degré moyen",
    "degree_centralization": "centralisation des degrés",
    "degree": "degré",
    "degree_centrality": "centralité de degré",
    "weighted_degree": "degré pondéré",
    "betweenness": "intermédiarité",
    "eigenvector": "centralité de vecteur propre",
    "constraint": "contrainte",
    "effective_size": "taille effective",
    "core": "numéro de cœur",
    "main_core": "cœur principal",
    "community": "communauté",
    "coordinator": "coordinateur",
    "itinerant": "consultant",
    "gatekeeper": "gardien",
    "representative": "représentant",
    "liaison": "agent de liaison",
    "brokerage": "courtage",
    "brokerage_share": "part du courtage",
    "previous": "édition précédente",
    "actors": "acteurs",
    "retained": "acteurs restés",
    "new": "nouveaux acteurs",
    "gone": "acteurs partis",
    "retention": "taux de maintien",
    "ties": "liens",
    "ties_retained": "liens maintenus",
    "tie_jaccard": "Jaccard des liens",
    "core_size": "taille du cœur",
    "core_retained": "cœur maintenu",
    "core_jaccard": "Jaccard du cœur",
    "moment": "moment",
    # memos and the displays of qualitative analysis
    "memo_id": "mémo",
    "author": "auteur",
    "title": "titre",
    "aggregate": "dimension agrégée",
    "aggregate_label": "libellé de la dimension",
    "second_order": "thème de second ordre",
    "second_order_label": "libellé du thème",
    "first_order": "concept de premier ordre",
    "first_order_label": "libellé du concept",
    "codings": "codages",
    "example": "exemple",
    "example_source": "source de l'exemple",
    "position": "rang",
    "new_codes": "nouveaux codes",
    "new_code_ids": "codes nouveaux",
    "cumulative_codes": "codes cumulés",
    "codes_in_document": "codes du document",
    "run_documents": "documents du passage",
    "run_new_codes": "nouveaux codes du passage",
    "new_information": "information nouvelle",
    "saturated": "saturation atteinte",
    "pairs": "paires",
    "window": "fenêtre",
    "lane": "ligne",
    "color": "couleur",
    # textual statistics
    "ts_id": "segment de texte",
    "text": "texte",
    "n_words": "mots",
    "occurrences": "occurrences",
    "forms": "formes",
    "hapax": "hapax",
    "part": "partie",
    "frequency": "fréquence",
    "expected_frequency": "effectif théorique",
    "specificity": "spécificité",
    "axis": "axe",
    "eigenvalue": "valeur propre",
    "percent": "pourcentage",
    "cumulative": "pourcentage cumulé",
    "mass": "masse",
    "class": "classe",
    "n_class": "segments de la classe",
    "n_total": "segments du corpus",
    "chi2": "khi-deux",
    "attribute": "attribut",
    "rank": "rang",
    "score": "score",
    "form_a": "forme A",
    "form_b": "forme B",
    "cooccurrences": "cooccurrences",
    "index": "indice",
    "in_tree": "dans l'arbre",
    # coding helpers: suggestions and dictionaries
    "seg_id": "segment",
    "examples": "exemples",
    "precision": "précision",
    "recall": "rappel",
    "f1": "F1",
    "baseline_precision": "précision des mots-clés",
    "baseline_recall": "rappel des mots-clés",
    "baseline_f1": "F1 des mots-clés",
    "keywords": "mots-clés",
    "top_words": "mots qui pèsent le plus",
    "status": "verdict",
    "probability": "probabilité",
    "model": "modèle",
    "decision": "décision",
    "rule": "règle",
    "matched": "mots trouvés",
    "context": "contexte",
    "excluded_by": "exclu par",
}

#: The kinds of value (see :data:`VOCABULARY`) that label the cells of a column, tried in order.
COLUMN_KINDS: dict[str, tuple[str, ...]] = {
    "kind": ("document_kind", "actor_kind"),
    "category": ("category",),
    "group": ("category",),
    "actor_category": ("category",),
    "respondent_category": ("category",),
    "type": ("workshop_type",),
    "workshop_type": ("workshop_type",),
    "stage": ("stage",),
    "abandoned_at": ("stage",),
    "role": ("role",),
    "theme": ("theme",),
    "row": ("condition",),
    "column": ("outcome",),
    "test": ("test",),
    "graph_type": ("graph_type",),
    "pillar": ("pillar",),
    "kappa_method": ("kappa_method",),
    "node": ("marker",),
    "label": ("marker",),
    "scope": ("marker",),
    "status": ("suggestion_status",),
}

# Columns holding code ids, and the kinds tried for a header that is a value (a pivot).
_CODE_COLUMNS = ("code", "code_a", "code_b", "parent", "domain", "scope")
_HEADER_KINDS = ("stage", "workshop_type", "outcome", "category", "document_kind")


def _code_labels(codebook: Any) -> dict[str, str]:
    """``{code: label}`` of a codebook, a mapping of code to label, or ``None``."""
    if codebook is None:
        return {}
    if isinstance(codebook, Mapping):
        return {str(k): str(v) for k, v in codebook.items()}
    codes = getattr(codebook, "codes", None)
    if codes is None or "code" not in getattr(codes, "columns", ()):
        raise TypeError(
            f"codebook must be a Codebook or a mapping of code to label, not "
            f"{type(codebook).__name__}"
        )
    return {str(c): str(v) for c, v in zip(codes["code"], codes["label"], strict=True)}


def _labeller(
    name: Any, codes: Mapping[str, str], values: Mapping[str, Mapping[str, str]]
) -> Mapping[str, str] | None:
    """The labels of the cells of a column (or an index level) called ``name``."""
    name = str(name)
    if name in values:
        return values[name]
    if name in _CODE_COLUMNS:
        return {**MARKER_LABELS, **codes} if codes else MARKER_LABELS
    kinds = COLUMN_KINDS.get(name)
    if not kinds:
        return None
    merged: dict[str, str] = {}
    for kind in reversed(kinds):
        merged.update(VOCABULARY[kind])
    return merged


def _header(name: Any, codes: Mapping[str, str]) -> str:
    text = str(name)
    if text in COLUMN_LABELS:
        return COLUMN_LABELS[text]
    if text in codes:
        return codes[text]
    for kind in _HEADER_KINDS:
        if text in VOCABULARY[kind]:
            return VOCABULARY[kind][text]
    return text


def _relabel(values: pd.Series, mapping: Mapping[str, str]) -> pd.Series:
    return values.astype(object).map(
        lambda v: mapping.get(v, v) if isinstance(v, str) else v, na_action="ignore"
    )


def _repeats(column: pd.Series, shown: pd.Series) -> bool:
    """Whether ``column`` holds the labels ``shown`` holds, wherever it has a value."""
    filled = column.notna().to_numpy()
    if not filled.any():
        return False
    return column[filled].tolist() == shown[filled].tolist()


def readers_table(
    table: pd.DataFrame | pd.Series,
    *,
    codebook: Any = None,
    values: Mapping[str, Mapping[str, str]] | None = None,
) -> pd.DataFrame:
    """The reader's version of a table: French headers, labelled values, code labels.

    The rules, applied to a copy (``table`` is not changed):

    - a column header (or index name) in :data:`COLUMN_LABELS` takes its French
      header; a header that is a code id takes the code's label (with
      ``codebook``); a header that is a value of a known kind (a stage, a
      workshop type, an outcome, an actor category, a document kind: the
      columns of a cross-table) takes that value's label;
    - the cells of a column (or the values of an index level) named in
      :data:`COLUMN_KINDS` take the labels of their kind;
    - the cells of a ``code``, ``code_a``, ``code_b`` or ``parent`` column (or
      index level) take the codes' labels (with ``codebook``);
    - a column that repeats, wherever it has a value, the labels an earlier
      column now shows (the ``label`` column chapters add next to the codes,
      ``pillar_label`` next to ``pillar``) is dropped;
    - ``values`` gives the labels of the cells of other columns (or replaces
      those above), such as the forms of institutional work;
    - names and values without a label stay as they are; two headers that
      would read the same keep the second's name in brackets.

    Parameters
    ----------
    table : DataFrame or Series
    codebook : Codebook or mapping of code to label, optional
        Where the labels of code ids come from.
    values : mapping of column name to a mapping of value to label, optional
        Labels of the cells of columns the vocabulary does not know.

    Returns
    -------
    DataFrame

    Raises
    ------
    TypeError
        When ``codebook`` is neither a codebook nor a mapping.

    Examples
    --------
    >>> import pandas as pd
    >>> funnel = pd.DataFrame({"edition_id": ["SUT2016"], "projects": [5], "idea": [5]})
    >>> readers_table(funnel).columns.tolist()
    ['édition', 'projets', 'idée']
    >>> people = pd.DataFrame({"category": ["citizen", "local_cooperative"], "persons": [3, 1]})
    >>> readers_table(people)["catégorie"].tolist()
    ['citoyens', 'local_cooperative']
    >>> counts = pd.DataFrame({"code": ["iw.creating"], "n": [2]})
    >>> readers_table(counts, codebook={"iw.creating": "Créer"}).to_dict("records")
    [{'code': 'Créer', 'effectif': 2}]
    """
    import pandas as pd

    codes = _code_labels(codebook)
    values = {str(k): v for k, v in (values or {}).items()}
    frame = table.to_frame() if isinstance(table, pd.Series) else table.copy()
    frame.attrs = {}  # not shown, and pandas would copy it deeply at every column taken
    # cells
    shown: dict[int, pd.Series] = {}
    keep: list[int] = []
    labelled: list[pd.Series] = []  # the columns whose cells took labels, so far
    for position, name in enumerate(frame.columns):
        column = frame.iloc[:, position]
        if any(_repeats(column, earlier) for earlier in labelled):
            continue
        mapping = _labeller(name, codes, values)
        if mapping is not None and not pd.api.types.is_numeric_dtype(column.dtype):
            relabelled = _relabel(column, mapping)
            if relabelled.tolist() != column.tolist():
                labelled.append(relabelled)
            column = relabelled
        shown[position] = column
        keep.append(position)
    result = pd.DataFrame({i: shown[i] for i in keep}, index=frame.index)
    # headers
    headers: list[str] = []
    for position in keep:
        name = frame.columns[position]
        header = _header(name, codes)
        if header in headers:
            header = f"{header} ({name})"
        headers.append(header)
    result.columns = headers
    # index
    levels = []
    for level, name in enumerate(result.index.names):
        values = pd.Series(result.index.get_level_values(level))
        mapping = _labeller(name, codes, values) if name is not None else None
        if mapping is not None and not pd.api.types.is_numeric_dtype(values.dtype):
            values = _relabel(values, mapping)
        levels.append(values.tolist())
    names = [None if n is None else _header(n, codes) for n in result.index.names]
    if isinstance(result.index, pd.MultiIndex):
        result.index = pd.MultiIndex.from_arrays(levels, names=names)
    else:
        result.index = pd.Index(levels[0], name=names[0], dtype=object)
    return result
