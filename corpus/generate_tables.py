"""Generate the demo edition tables of the Pays Lédonien case.

Builds ``editions.csv``, ``workshops.csv``, ``participations.csv`` and
``projects.csv`` in ``corpus/tables/`` around a hand-written core (the key
workshops, their rosters as the minutes describe them, and the cast of
``actors.csv``), and appends generated citizens (ids ``C0001``…) to
``actors.csv``. Rows of ``actors.csv`` whose id is not ``C`` + four digits are
kept byte for byte; generated rows are rebuilt on every run.

The script uses only the standard library and a seeded ``random.Random``:
running it twice gives byte-identical files.

    python corpus/generate_tables.py            # writes next to this script
    python corpus/generate_tables.py --check    # fails if the files would change
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

SEED = 20161117
TABLES = Path(__file__).resolve().parent / "tables"
GENERATED_ID = re.compile(r"^C\d{4}$")
ACTOR_COLUMNS = ["actor_id", "label", "kind", "category", "organisation", "aliases", "description"]

# --------------------------------------------------------------------------- editions

EDITIONS = [
    # edition_id, year, date, title, announced head count, facilitator slots per person
    ("SUT2016", 2016, "2016-11-17", "Start-Up de Territoire, première édition", 310),
    ("SUT2017", 2017, "2017-11-23", "Start-Up de Territoire, deuxième édition", 350),
    ("SUT2019", 2019, "2019-11-21", "Start-Up de Territoire, troisième édition", 280),
]
EDITION_NOTES = {
    "SUT2016": "Première soirée, préparée par le mur des idées et les stands sur les marchés de "
    "l'automne; {workshops} ateliers",
    "SUT2017": "Forum d'une quinzaine d'entrepreneurs dès 16 h, ouverture à 17 h 30, {workshops} "
    "ateliers, restitution à 21 h 30 puis buffet de produits locaux",
    "SUT2019": "Première édition depuis la signature de la Fabrique à Entreprendre; partenaires de "
    "la création présents aux tables; {workshops} ateliers",
}
PLACE = "Juraparc, Lons-le-Saunier"
#: Persons named on the workshop sheets, by edition (the rest came to the forum or the
#: restitution only); the generator fills the non-key workshops to reach these counts.
ROW_TARGETS = {"SUT2016": 230, "SUT2017": 272, "SUT2019": 214}

# --------------------------------------------------------------------------- people


@dataclass(frozen=True)
class Slot:
    """One seat at a workshop table: a cast member, a tagged or a new generated person."""

    who: str | None  # actor id of the cast, a tag ("tag:name") for a person met again, or None
    role: str = "participant"
    gender: str = "f"
    description: str = ""
    category: str = "citizen"


def cast(actor_id: str, role: str = "participant") -> Slot:
    return Slot(actor_id, role)


def new(gender: str, description: str, *, role: str = "participant", category: str = "citizen",
        tag: str | None = None) -> Slot:  # fmt: skip
    return Slot(f"tag:{tag}" if tag else None, role, gender, description, category)


def many(n: int, gender: str, description: str, **kw) -> list[Slot]:
    return [new(gender, description, **kw) for _ in range(n)]


def mixed(n: int, description_f: str, description_m: str, *, women: int, **kw) -> list[Slot]:
    return many(women, "f", description_f, **kw) + many(n - women, "m", description_m, **kw)


# --------------------------------------------------------------------------- key workshops

KEY_WORKSHOPS = {
    # workshop_id: (theme, type, holder, facilitator, tools, title, notes)
    "W16-03": ("food", "holder_with_idea", "P10", "P07", "A01",
               "Une épicerie vrac qui va dans les villages",
               "Élodie repart avec une tournée dessinée et des clientes; Vrac'n Roule créée en 2018"),
    "W16-07": ("mobility", "problem_no_holder", None, "P08", "A02",
               "Se déplacer sans voiture dans les villages",
               "Pas de porteur; Karim Benali, participant, repart avec l'idée du garage solidaire"),
    "W16-11": ("textile", "idea_seeking_holder", None, "P09", "A01",
               "Une ressourcerie textile cherche son porteur",
               "Idée du mur des idées; Hélène Cuenot, participante, propose de la reprendre"),
    "W16-15": ("energy", "holder_with_idea", "P15", "P02", "A01",
               "Une chaufferie bois citoyenne pour le village",
               "Un agriculteur fournisseur de plaquettes et deux futurs actionnaires trouvés ce soir"),
    "W16-18": ("ageing", "problem_no_holder", None, "P08", "A02",
               "L'isolement des aînés dans les villages",
               "Pistes sans porteur; Pierre-Yves Grappe, présent en habitant, retient l'habitat partagé"),
    "W17-02": ("mobility", "holder_with_idea", "P11", "P07", "A01",
               "Le garage solidaire Roue Libre",
               "Porteur venu en participant en 2016; Pôle emploi et l'Adie à la table"),
    "W17-05": ("food", "holder_with_idea", "P14", "P09", "A02",
               "Une conserverie de légumes locaux",
               "Il manque une cuisine aux normes; piste du prêt d'honneur d'Initiative Jura"),
    "W17-09": ("textile", "holder_with_idea", "P12", "P08", "A01",
               "La ressourcerie textile un an après",
               "Groupe de bénévoles fatigué, pas de local; dossier à l'appel à projets régional"),
    "W17-12": ("housing", "holder_with_idea", "P13", "P02", "A01",
               "Habitat partagé pour les aînés",
               "Atelier très fréquenté, allées et venues; un groupe de travail se forme"),
    "W17-16": ("local_services", "problem_no_holder", None, "P07", "A02",
               "Revigny perd son dernier commerce",
               "Pas de porteur; la maire met la question au conseil municipal"),
    "W17-21": ("reuse", "idea_seeking_holder", None, "P09", "A02",
               "Un repair café dans le quartier",
               "Idée sans porteur; Monique Vuillet et Agnès Morel la reprennent à deux"),
    "W19-01": ("energy", "holder_with_idea", "P15", "P02", "A01",
               "Des toits solaires citoyens après la chaufferie",
               "Extension de la SAS citoyenne; groupe de travail « toitures »"),
    "W19-04": ("food", "problem_no_holder", None, "P08", "A02",
               "Des produits d'ici dans les cantines",
               "Aucun porteur; Jean-Paul Midol accepte un groupe de travail"),
    "W19-08": ("mobility", "idea_seeking_holder", None, "P07", "A02",
               "L'autopartage entre voisins",
               "Table vivante mais fiche sans nom; l'idée reste en quête de porteur"),
    "W19-13": ("ageing", "holder_with_idea", "P13", "P09", "A01",
               "L'habitat partagé, deuxième version",
               "Projet revu avec un bailleur social; « on cherche le trou » dans la toile"),
    "W19-17": ("reuse", "holder_with_idea", "P18", "P08", "A01",
               "Un atelier de couture upcycling",
               "Ancienne bénévole de la ressourcerie; prototype de gamme prévu"),
}  # fmt: skip

#: Who sat at each key workshop, as the minutes count them. Tags mark generated
#: persons who come back to a later edition.
KEY_ROSTERS: dict[str, list[Slot]] = {
    "W16-03": [
        cast("P10", "holder"), cast("P07", "facilitator"),
        new("f", "Bénévole du pôle; prise de notes à la soirée de 2016"),
        new("m", "Ancien épicier de Saint-Amour; retraité"),
        new("f", "Jeune maman de Cressia"),
        new("m", "Habitant de la Bresse jurassienne"),
        new("f", "Habitante de Beaufort; sans commerce depuis le départ du boucher"),
        *mixed(3, "Retraitée d'un village entre Lons et Saint-Amour", "Retraité d'un village entre Lons et Saint-Amour", women=2),
        *many(2, "f", "Habitante de Lons-le-Saunier; cliente des magasins en vrac"),
    ],
    "W16-07": [
        cast("P08", "facilitator"), cast("P11"),
        new("f", "Lycéenne à Beaufort; a fait la restitution de l'atelier mobilité"),
        new("f", "Retraitée de Gevingey; ne conduit plus de nuit"),
        new("m", "Retraité de Gevingey; ne conduit plus depuis un AVC"),
        new("f", "Aide à domicile; parcourt jusqu'à 180 km par jour"),
        new("m", "Jeune en parcours d'insertion; sans permis"),
        new("m", "Retraité de Chilly-le-Vignoble; propriétaire d'un hangar vide"),
        new("f", "Habitante de Chaumergy"), new("f", "Habitante de Conliège"),
        *many(3, "f", "Habitante de Lons-le-Saunier; venue après l'affiche du marché"),
    ],
    "W16-11": [
        cast("P09", "facilitator"), cast("P12"),
        new("m", "Professeur retraité; a rédigé le compte rendu de l'atelier textile"),
        new("f", "Bénévole du tri textile depuis 2016; a trois machines à coudre", tag="textile_1"),
        new("f", "Bénévole du tri textile depuis 2016", tag="textile_2"),
        new("f", "Assistante sociale"),
        new("f", "Vend ses créations de couture sur internet"),
        new("m", "Salarié d'une entreprise d'insertion"),
        *mixed(2, "Habitante de Lons-le-Saunier", "Habitant de Montmorot", women=1),
    ],
    "W16-15": [
        cast("P15", "holder"), cast("P02", "facilitator"), cast("P19"),
        new("m", "Agriculteur du Revermont; haies à entretenir", category="business"),
        new("m", "Propriétaire forestier"),
        new("f", "Ingénieure thermique dans un bureau d'études"),
        new("m", "Conseiller municipal d'une commune du Revermont", role="elected", category="elected"),
        new("f", "Mère d'élève; souhaite une école mieux chauffée"),
        new("m", "Habitant du village de Gaël Chauvin; actionnaire de la SAS citoyenne", tag="energy_1"),
        new("f", "Habitante du village de Gaël Chauvin; actionnaire de la SAS citoyenne", tag="energy_2"),
    ],
    "W16-18": [
        cast("P08", "facilitator"), cast("P13"), cast("P16"),
        new("f", "Voisine de Monique Vuillet à Lons-le-Saunier; retraitée"),
        *many(2, "f", "Aide à domicile dans la Bresse jurassienne"),
        new("f", "Étudiante en travail social"),
        *mixed(5, "Habitante de plus de soixante ans d'un village de la Bresse", "Habitant de plus de soixante ans d'un village du Revermont", women=3),
    ],
    "W17-02": [
        cast("P11", "holder"), cast("P07", "facilitator"), cast("P25", "expert"), cast("P26", "expert"),
        new("f", "Bénévole du pôle; prise de notes à la soirée de 2017"),
        new("m", "Ancien garagiste de Bletterans; retraité"),
        new("m", "Mécanicien retraité"),
        *many(2, "f", "Travailleuse sociale du Département"),
        new("m", "Salarié d'une association d'insertion"),
        new("m", "Apprenti mécanicien"),
        new("m", "Jeune qui veut apprendre la mécanique"),
        new("f", "Habitante de la Bresse; a perdu un emploi à cause d'une panne"),
        new("m", "Conseiller municipal d'une commune de la Bresse", role="elected", category="elected"),
        *mixed(2, "Habitante de Lons-le-Saunier", "Habitant de Lons-le-Saunier", women=1),
    ],
    "W17-05": [
        cast("P14", "holder"), cast("P09", "facilitator"), cast("P30", "expert"),
        *mixed(3, "Maraîchère dans le Revermont", "Maraîcher à Messia-sur-Sorne", women=1),
        new("m", "Cuisinier d'un collège de Lons-le-Saunier", tag="canteen_cook"),
        new("f", "Diététicienne en restauration collective", tag="dietitian"),
        *mixed(4, "Habitante de Perrigny", "Habitant de Messia-sur-Sorne", women=2),
    ],
    "W17-09": [
        cast("P12", "holder"), cast("P08", "facilitator"), cast("P18"),
        new("f", "Voisine de Fatou Diallo à Lons-le-Saunier"),
        new("f", "", tag="textile_1"), new("f", "", tag="textile_2"),
        new("f", "Bénévole de La Fabrique Textile"),
        new("f", "Couturière retraitée de Lons-le-Saunier", tag="seamstress_1"),
        new("f", "Couturière retraitée de Montmorot", tag="seamstress_2"),
        new("m", "Commerçant de Lons-le-Saunier", category="business"),
        new("f", "Habitante de Lons-le-Saunier"),
    ],
    "W17-12": [
        cast("P13", "holder"), cast("P02", "facilitator"), cast("P04", "observer"), cast("P16"),
        new("m", "Retraité de Bletterans; membre du groupe de travail jusqu'en 2018"),
        new("f", "Retraitée de Bletterans; membre du groupe de travail jusqu'en 2018"),
        new("f", "Retraitée de Conliège; membre du groupe habitat partagé", tag="housing_1"),
        new("m", "Retraité de Beaufort; membre du groupe habitat partagé", tag="housing_2"),
        new("f", "Retraitée de Courlaoux"),
        new("f", "Ancienne clerc de notaire; membre du groupe habitat partagé"),
        new("f", "Conseillère municipale d'une commune du Revermont", role="elected", category="elected"),
        new("f", "Aide-soignante en EHPAD", tag="care_assistant"),
        new("f", "Fille d'une résidente d'EHPAD"),
        *mixed(3, "Habitante de Lons-le-Saunier", "Habitant de Lons-le-Saunier", women=2),
    ],
    "W17-16": [
        cast("P07", "facilitator"), cast("P06", "elected"), cast("P17"),
        new("f", "Secrétaire de mairie à Revigny"),
        new("m", "Ancien boulanger de Revigny; retraité"),
        *mixed(6, "Retraitée de Revigny", "Retraité de Revigny", women=3),
        new("f", "Habitante de Revigny; a rédigé le compte rendu de l'atelier"),
        new("m", "Étudiant en BTS à Lons-le-Saunier"),
        new("m", "Habitant de Conliège"),
        new("m", "Commerçant ambulant de la Bresse", category="business"),
    ],
    "W17-21": [
        cast("P09", "facilitator"), cast("P31"), cast("P16"),
        new("m", "Électricien retraité; réparateur bénévole du repair café"),
        new("f", "Couturière; tient la table couture du repair café"),
        new("m", "Jeune réparateur d'ordinateurs"),
        new("m", "Bricoleur du quartier"), new("m", "Cycliste passionné; répare les vélos"),
        new("m", "Lycéen; compte les kilos d'objets sauvés"),
        *mixed(2, "Habitante du quartier", "Habitant du quartier", women=1),
    ],
    "W19-01": [
        cast("P15", "holder"), cast("P02", "facilitator"), cast("P29", "expert"),
        new("m", "", tag="energy_1"), new("f", "", tag="energy_2"),
        *mixed(2, "Actionnaire de la SAS Énergie Citoyenne Revermont", "Actionnaire de la SAS Énergie Citoyenne Revermont", women=1),
        *many(2, "m", "Agriculteur dans le Revermont; hangar à toiture exposée au sud"),
        new("m", "Ingénieur retraité"),
        new("f", "Habitante de Revigny"), new("f", "Habitante de Perrigny"),
        new("m", "Étudiant en génie électrique"),
    ],
    "W19-04": [
        cast("P08", "facilitator"), cast("P19"),
        new("f", "Maraîchère; a fait la restitution de l'atelier cantines"),
        new("m", "", tag="canteen_cook"),
        new("f", "Secrétaire de mairie d'une commune du Revermont"),
        new("f", "", tag="dietitian"),
        *mixed(7, "Mère d'élève dans une école du Revermont", "Père d'élève dans une école de Macornay", women=5),
        *mixed(2, "Conseillère municipale chargée des écoles", "Conseiller municipal chargé des écoles", women=1, role="elected", category="elected"),
        new("m", "Salarié d'un grossiste en restauration collective", category="business"),
    ],
    "W19-08": [
        cast("P07", "facilitator"), cast("P04", "observer"), cast("P20"),
        *mixed(2, "Étudiante sans voiture; stages dans les villages", "Étudiant sans voiture; stages dans les villages", women=1),
        new("f", "Retraitée; veut vendre sa deuxième voiture"),
        new("m", "Retraité; veut vendre sa deuxième voiture"),
        *mixed(2, "Salariée habitant la Bresse; trente kilomètres pour aller travailler", "Salarié habitant la Bresse; trente kilomètres pour aller travailler", women=1),
        new("m", "Infirmier libéral"),
        new("f", "Conseillère municipale de Courlans", role="elected", category="elected"),
        new("m", "Habitant de Lons-le-Saunier"),
    ],
    "W19-13": [
        cast("P13", "holder"), cast("P09", "facilitator"), cast("P16"),
        new("f", "", tag="housing_1"), new("m", "", tag="housing_2"),
        new("f", "Salariée d'un bailleur social", role="expert"),
        new("f", "", tag="care_assistant"),
        new("m", "Ancien élu municipal"),
        new("f", "Fille d'une habitante de 86 ans"), new("f", "Habitante de 86 ans"),
        new("f", "Habitante de Beaufort"),
    ],
    "W19-17": [
        cast("P18", "holder"), cast("P08", "facilitator"), cast("P03", "staff"), cast("P25", "expert"),
        new("f", "", tag="seamstress_1"), new("f", "", tag="seamstress_2"),
        new("f", "Commerçante de Lons-le-Saunier", category="business"),
        new("f", "Lycéenne en bac professionnel mode"),
        *many(3, "f", "Habitante de Lons-le-Saunier ou de Montmorot"),
    ],
}  # fmt: skip

# --------------------------------------------------------------------------- other workshops


@dataclass(frozen=True)
class Workshop:
    """A generated (non-key) workshop: theme, type, title, its holder and its ideas."""

    workshop_id: str
    theme: str
    type: str
    title: str
    ideas: tuple[str, ...]  # first one is the holder's project when there is a holder
    # An idea may start with "E:" (could become an enterprise with jobs) or "L:" (could
    # be launched, mostly by volunteers); unmarked ideas go no further than a prototype.
    holder: Slot | None = None


def hw(wid: str, theme: str, title: str, holder: Slot, *ideas: str) -> Workshop:
    return Workshop(wid, theme, "holder_with_idea", title, ideas, new_holder(holder))


def pb(wid: str, theme: str, title: str, *ideas: str) -> Workshop:
    return Workshop(wid, theme, "problem_no_holder", title, ideas)


def ish(wid: str, theme: str, title: str, *ideas: str, holder: Slot | None = None) -> Workshop:
    return Workshop(
        wid, theme, "idea_seeking_holder", title, ideas, new_holder(holder) if holder else None
    )


def new_holder(slot: Slot) -> Slot:
    return Slot(slot.who, "holder", slot.gender, slot.description, slot.category)


OTHER_WORKSHOPS = [
    # --- 2016
    hw("W16-01", "agriculture", "Un atelier de découpe partagé entre éleveurs",
       new("m", "Éleveur de charolaises à Courlaoux", category="business"),
       "E:Atelier de découpe collectif pour les éleveurs du Revermont",
       "E:Colis de viande en circuit court pour les comités d'entreprise"),
    pb("W16-02", "local_services", "Garder un médecin quand le dernier part à la retraite",
       "E:Maison de santé intercommunale dans la Bresse", "L:Accueil des internes en médecine par les communes"),
    ish("W16-04", "culture", "Une salle des fêtes vide cherche une programmation",
        "E:Cinéma itinérant dans les salles des fêtes", "L:Scène ouverte mensuelle pour les groupes amateurs"),
    hw("W16-05", "childhood", "Une micro-crèche parentale à Conliège",
       new("f", "Éducatrice de jeunes enfants à Conliège; mère de deux enfants"),
       "E:Micro-crèche parentale à Conliège", "L:Relais de baby-sitting entre familles du village"),
    pb("W16-06", "tourism", "Faire rester les randonneurs plus d'une nuit dans le Revermont",
       "L:Itinéraire de randonnée entre fruitières et caves", "E:Gîtes d'étape chez l'habitant sur le GR 59"),
    ish("W16-08", "food", "Des fruits qui tombent dans les vergers sans être ramassés",
        "L:Cueillette solidaire des vergers abandonnés", "E:Pressoir mobile pour le jus de pomme"),
    hw("W16-09", "energy", "Rénover sa maison soi-même, mais accompagné",
       new("m", "Artisan plaquiste à Perrigny", category="business"),
       "E:Chantiers d'auto-rénovation accompagnée", "L:Prêt d'outils de rénovation entre voisins",
       "L:Thermographie des maisons de village en hiver"),
    pb("W16-10", "housing", "Des maisons vides au cœur des villages",
       "Inventaire des logements vacants avec les communes", "Bail à réhabilitation pour jeunes ménages",
       "L:Colocation pour apprentis et saisonniers"),
    hw("W16-12", "reuse", "Une recyclerie de meubles et d'objets à Montmorot",
       new("f", "Ancienne responsable de magasin à Montmorot; en reconversion"),
       "E:Recyclerie de meubles et d'objets à Montmorot"),
    pb("W16-13", "digital", "Les démarches en ligne quand on n'a ni ordinateur ni réseau",
       "L:Permanences numériques itinérantes dans les mairies", "L:Initiation à la tablette pour les aînés"),
    ish("W16-14", "mobility", "Des vélos à assistance électrique pour monter au Revermont",
        "E:Location de vélos électriques à la gare de Lons", "L:Bourse aux vélos d'occasion au printemps",
        holder=new("m", "Mécanicien cycle amateur à Lons-le-Saunier; s'est proposé pendant l'atelier")),
    hw("W16-16", "culture", "Un café associatif et culturel à Bletterans",
       new("f", "Comédienne installée à Bletterans"),
       "E:Café associatif et culturel à Bletterans", "L:Festival de contes dans les granges de la Bresse"),
    hw("W16-17", "agriculture", "Un espace test pour de futurs maraîchers",
       new("f", "Ingénieure agronome; accompagne des installations agricoles"),
       "E:Espace test agricole en maraîchage biologique", "L:Parrainage entre cédants et repreneurs de fermes"),
    pb("W16-19", "childhood", "Les ados des villages le mercredi et l'été",
       "E:Accueil jeunes itinérant dans un camion aménagé", "L:Chantiers d'été rémunérés pour les 16-18 ans"),
    ish("W16-20", "local_services", "L'ancienne poste de Macornay cherche un usage",
        "E:Tiers-lieu et coworking dans l'ancienne poste", "L:Bibliothèque et grainothèque de village"),
    # --- 2017
    hw("W17-01", "tourism", "Des nuits en roulotte au milieu des vignes",
       new("m", "Viticulteur à Rotalier", category="business"),
       "E:Hébergement insolite en roulottes dans les vignes du Sud Revermont",
       "L:Circuit des caves ouvertes à vélo"),
    pb("W17-03", "agriculture", "Des haies arrachées et des sols qui s'épuisent",
       "L:Chantiers de plantation de haies avec les écoles", "E:Filière bois-paillage pour les communes"),
    hw("W17-04", "digital", "Un fablab à Lons pour les artisans et les lycéens",
       new("m", "Technicien en électronique; anime un club de bricoleurs du numérique"),
       "E:Fablab associatif à Lons-le-Saunier", "L:Initiation à l'impression 3D pour les artisans"),
    pb("W17-06", "ageing", "Les aidants familiaux à bout de souffle",
       "L:Café des aidants mensuel", "E:Relais de garde à domicile pour souffler un après-midi"),
    ish("W17-07", "culture", "Une grange et un piano : faire vivre la musique au village",
        "L:Concerts chez l'habitant dans les villages", "L:Orchestre d'harmonie intercommunal pour les jeunes"),
    hw("W17-08", "food", "Une boulangerie au levain dans un village sans pain",
       new("m", "Ancien cadre commercial en reconversion dans la boulangerie"),
       "E:Boulangerie paysanne au levain à Courbouzon", "L:Tournée de pain dans les hameaux"),
    hw("W17-10", "housing", "Un habitat participatif pour de jeunes familles",
       new("f", "Architecte; membre d'un collectif d'habitat participatif"),
       "Habitat participatif de huit logements à Perrigny"),
    pb("W17-11", "energy", "Des factures de chauffage qui étranglent les ménages",
       "L:Visites énergie chez les ménages modestes", "L:Groupement d'achat de bois bûche et de granulés"),
    ish("W17-13", "reuse", "Palettes et chutes de bois jetées par les entreprises",
        "E:Atelier de mobilier en bois de récupération", "E:Ressourcerie de matériaux de chantier"),
    hw("W17-14", "childhood", "Une ludothèque qui circule entre les villages",
       new("f", "Animatrice périscolaire à Macornay"),
       "E:Ludothèque itinérante dans les écoles et les salles des fêtes",
       "L:Soirées jeux entre générations"),
    pb("W17-15", "mobility", "Aller travailler à la zone de Montmorot sans permis",
       "E:Navette d'entreprises vers les zones d'activité", "L:Prêt de scooters pour les jeunes en insertion"),
    ish("W17-17", "local_services", "Le café de Publy a fermé : qui le rouvre ?",
        "E:Café de village repris en coopérative à Publy", "L:Dépôt de pain et de journaux au café",
        holder=new("f", "Ancienne serveuse; habitante de Publy; s'est proposée pendant l'atelier")),
    pb("W17-18", "tourism", "Les visiteurs de Baume-les-Messieurs ne s'arrêtent pas dans les villages",
       "L:Carte des producteurs ouverts aux visiteurs", "L:Accueil vélo dans les commerces du Revermont"),
    ish("W17-19", "agriculture", "Des terres communales en friche près de Lons",
        "L:Jardins partagés sur les terres communales", "E:Installation d'un maraîcher sur les friches"),
    pb("W17-20", "digital", "Ni réseau ni internet au fond des combes",
       "Carte participative des zones blanches", "Relais wifi dans les salles communales"),
    ish("W17-22", "ageing", "Des retraités qui veulent transmettre un savoir-faire",
        "L:Bourse de savoir-faire entre retraités et jeunes", "L:Atelier de menuiserie entre générations"),
    pb("W17-23", "food", "Les épiceries solidaires manquent de produits frais",
       "L:Glanage des légumes invendus chez les maraîchers", "L:Paniers solidaires à prix adaptés"),
    ish("W17-24", "energy", "Des toits de hangars agricoles sans usage",
        "Cadastre solaire des bâtiments agricoles", "Méthaniseur collectif entre fermes laitières"),
    hw("W17-25", "culture", "Un festival de musique dans les cours de ferme",
       new("m", "Musicien et régisseur son à Lons-le-Saunier"),
       "E:Festival de musique d'été dans les cours de ferme",
       "L:Résidence d'artistes dans une ferme de la Bresse"),
    # --- 2019
    hw("W19-02", "food", "Un food truck de produits du Jura pour les zones d'activité",
       new("m", "Cuisinier; ancien chef d'une cantine scolaire"),
       "Food truck de produits locaux sur les zones d'activité",
       "Livraison de repas aux salariés des entreprises"),
    pb("W19-03", "digital", "Les petits commerces absents d'internet",
       "Place de marché en ligne des commerces lédoniens", "Ateliers numériques pour les artisans"),
    pb("W19-05", "childhood", "Trouver une assistante maternelle dans les villages",
       "Maison d'assistantes maternelles à Chilly-le-Vignoble", "Annuaire partagé des places d'accueil"),
    hw("W19-06", "agriculture", "Une ferme de petits fruits en agroforesterie",
       new("f", "Ancienne infirmière en reconversion agricole à Vernantois"),
       "Ferme de petits fruits en agroforesterie à Vernantois", "Autocueillette ouverte aux familles"),
    ish("W19-07", "tourism", "Une ancienne gare du Revermont sans usage",
        "Vélorail sur l'ancienne voie ferrée", "Gîte de groupe dans l'ancienne gare"),
    pb("W19-09", "housing", "Des jeunes actifs qui ne trouvent pas à se loger",
       "Logements temporaires pour alternants et stagiaires",
       "Intermédiation locative avec les propriétaires âgés"),
    hw("W19-10", "reuse", "Une consigne pour les bouteilles de vin du Jura",
       new("m", "Caviste à Lons-le-Saunier", category="business"),
       "Consigne et lavage des bouteilles de vin du Jura",
       "Collecte des bouteilles dans les caves et les restaurants"),
    ish("W19-11", "local_services", "Des services publics qui viennent aux villages",
        "Bus France Services itinérant dans les villages", "Permanences administratives au marché"),
    hw("W19-12", "culture", "Une radio associative du Revermont",
       new("f", "Journaliste pigiste à Conliège"),
       "Radio associative du Revermont", "Atelier radio avec les collégiens"),
    pb("W19-14", "energy", "Des lampadaires allumés toute la nuit",
       "Extinction nocturne concertée entre communes", "Achat groupé de lampadaires basse consommation"),
    ish("W19-15", "mobility", "Un transport solidaire avec des chauffeurs bénévoles",
        "Transport solidaire par chauffeurs bénévoles vers Lons", "Réservation des trajets par téléphone",
        holder=new("m", "Retraité de la SNCF à Courlaoux; s'est proposé pendant l'atelier")),
    pb("W19-16", "ageing", "La dénutrition des personnes âgées vivant seules",
       "Repas partagés au restaurant du village", "Portage de repas préparés par la cantine scolaire"),
    ish("W19-18", "textile", "Les chutes de tissu d'ameublement d'un tapissier",
        "Sacs et accessoires en tissus de chute", "Vente de coupons de tissu au poids"),
    hw("W19-19", "local_services", "Une conciergerie rurale pour les salariés",
       new("f", "Assistante de direction à Perrigny"),
       "Conciergerie rurale à Perrigny", "Dépôt de pressing et de colis sur le lieu de travail"),
    ish("W19-20", "digital", "Des ordinateurs d'entreprise renouvelés chaque année",
        "Reconditionnement d'ordinateurs pour les collégiens", "Atelier de réparation de smartphones"),
]  # fmt: skip

#: Cast members seated at a non-key workshop: (actor_id, role).
CAST_ELSEWHERE = {
    "W16-01": [("P30", "expert")], "W16-10": [("P05", "elected")], "W16-20": [("P01", "staff")],
    "W17-15": [("P05", "elected")], "W17-17": [("P01", "staff")], "W17-23": [("P28", "observer")],
    "W19-02": [("P21", "expert")], "W19-06": [("P22", "expert"), ("P30", "expert")],
    "W19-10": [("P23", "expert")], "W19-18": [("P24", "expert")],
    "W19-19": [("P26", "expert")], "W19-07": [("P27", "observer")], "W19-11": [("P01", "staff")],
    "W19-14": [("P05", "elected")], "W19-16": [("P06", "elected")],
}  # fmt: skip

#: Tables each facilitator runs at the non-key workshops of an edition; ``V1``… are
#: volunteer facilitators generated once and met again at later editions.
FACILITATION = {
    "SUT2016": {"P07": 2, "P09": 2, "P02": 2, "P08": 1, "V1": 3, "V2": 3, "V3": 2},
    "SUT2017": {"P08": 1, "P02": 1, "V1": 2, "V2": 2, "V3": 2, "V4": 2, "V5": 2, "V6": 2,
                "V7": 2, "V8": 2, "V9": 1},
    "SUT2019": {"P02": 1, "P07": 1, "P09": 1, "V1": 2, "V2": 2, "V4": 2, "V5": 2, "V6": 2,
                "V10": 1, "V11": 1},
}  # fmt: skip
VOLUNTEERS = {
    "V1": ("f", "Facilitatrice bénévole depuis 2016; consultante en ressources humaines"),
    "V2": ("m", "Facilitateur bénévole depuis 2016; professeur de technologie au collège"),
    "V3": ("f", "Facilitatrice bénévole en 2016 et 2017; animatrice d'un centre social"),
    "V4": ("m", "Facilitateur bénévole formé par le pôle en 2017; cadre dans la plasturgie"),
    "V5": ("f", "Facilitatrice bénévole formée par le pôle en 2017; graphiste indépendante"),
    "V6": ("f", "Facilitatrice bénévole formée par le pôle en 2017; chargée de communication"),
    "V7": ("m", "Facilitateur bénévole en 2017; chef d'une entreprise de transport"),
    "V8": ("f", "Facilitatrice bénévole en 2017; formatrice pour adultes"),
    "V9": ("m", "Facilitateur bénévole en 2017; étudiant en master de management"),
    "V10": ("f", "Facilitatrice bénévole en 2019; coach de dirigeants"),
    "V11": ("m", "Facilitateur bénévole en 2019; ancien directeur d'agence bancaire"),
}

# --------------------------------------------------------------------------- key projects

KEY_PROJECTS = [
    # workshop, title, holder, stage, abandoned_at, jobs, started, outcome, support, actants, notes
    ("W16-03", "Vrac'n Roule, épicerie vrac itinérante", "P10", "enterprise", None, 2, 2016, 2018,
     "O04;O05", "A01;A06;A08", "SARL créée en 2018; tournée de villages du Revermont"),
    ("W16-03", "Dépôt de pain et de journaux dans le camion", None, "idea", None, 0, 2016, None,
     "", "A01", ""),
    ("W16-07", "Covoiturage de village avec un tableau à la mairie", None, "idea", None, 0, 2016,
     None, "", "A02;A07", "Déjà essayé dans deux communes selon un participant"),
    ("W16-07", "Navette du marché de Lons le jeudi", None, "idea", None, 0, 2016, None, "",
     "A02;A07", ""),
    ("W16-07", "Auto-école sociale pour passer le permis moins cher", None, "idea", None, 0, 2016,
     None, "", "A02;A07", ""),
    ("W16-11", "Boutique de vêtements d'enfants d'occasion", None, "idea", None, 0, 2016, None, "",
     "A01;A07", "Besoin exprimé par des familles de l'agglomération"),
    ("W16-11", "Textiles non portables pour les artisans tapissiers", None, "idea", None, 0, 2016,
     None, "", "A01;A07", ""),
    ("W16-15", "Chaufferie bois citoyenne, puis SAS Énergie Citoyenne Revermont", "P15",
     "enterprise", None, 2, 2016, 2019, "O12;O11", "A01;A06;A08",
     "SAS citoyenne créée en 2019 après deux ans de montage juridique et financier"),
    ("W16-15", "Plateforme de séchage des plaquettes chez un agriculteur", None, "idea", None, 0,
     2016, None, "", "A01", ""),
    ("W16-18", "Réseau de voisins veilleurs dans chaque village", None, "idea", None, 0, 2016,
     None, "", "A02;A07", ""),
    ("W16-18", "Minibus des aînés pour le marché du jeudi", None, "idea", None, 0, 2016, None, "",
     "A02;A07", ""),
    ("W16-18", "Visites régulières de bénévoles et de jeunes en service civique", None, "idea",
     None, 0, 2016, None, "", "A02;A07", "Trois volontaires notés sur la fiche, jamais recontactés"),
    ("W17-02", "Roue Libre, garage solidaire", "P11", "enterprise", None, 3, 2017, 2018,
     "O04;O09;O08", "A01;A08", "Idée née à l'atelier W16-07; association employeuse créée en 2018"),
    ("W17-02", "Véhicules de prêt pendant les réparations", None, "idea", None, 0, 2017, None, "",
     "A01", ""),
    ("W17-05", "Les Bocaux du Revermont, conserverie de légumes locaux", "P14", "launched", None,
     1, 2017, 2019, "O05;O12", "A02;A08", "Prêt d'honneur d'Initiative Jura puis prêt bancaire"),
    ("W17-05", "Location de la cuisine de la conserverie aux maraîchers", None, "idea", None, 0,
     2017, None, "", "A02", ""),
    ("W17-09", "Ressourcerie textile La Fabrique Textile", "P12", "abandoned", "working_group", 0,
     2017, 2018, "O04", "A01;A05",
     "Reprise de l'idée de W16-11; pas de local, bénévoles épuisés, appel à projets régional refusé"),
    ("W17-09", "Ateliers de retouche et de transformation de vêtements", None, "idea", None, 0,
     2017, None, "", "A01", "Proposés par Fatou Diallo; repris en 2019 (W19-17)"),
    ("W17-12", "Habitat partagé pour aînés au centre d'un village", "P13", "working_group", None,
     0, 2017, 2018, "", "A01;A08", "Idée apparue à W16-18; revue en 2019 avec un bailleur social"),
    ("W17-16", "Commerce multiservice communal à Revigny", "O21", "launched", None, 1, 2017, 2019,
     "O03;O06", "A02;A07", "Portée par la commune après un questionnaire aux habitants"),
    ("W17-16", "Commerçants ambulants sur la place du village", None, "idea", None, 0, 2017, None,
     "", "A02;A07", ""),
    ("W17-21", "Repair café du quartier", "P16", "launched", None, 0, 2017, 2018, "O14",
     "A02;A07", "Co-porté par Monique Vuillet et Agnès Morel; activité bénévole mensuelle"),
    ("W17-21", "Atelier vélo participatif", None, "idea", None, 0, 2017, None, "", "A02;A07", ""),
    ("W19-01", "Toitures solaires citoyennes", "P15", "working_group", None, 0, 2019, 2019, "O12",
     "A01;A08", "Extension de la SAS; mandat des actionnaires attendu au printemps 2020"),
    ("W19-01", "Achat groupé de panneaux pour les particuliers", None, "idea", None, 0, 2019, None,
     "", "A01", ""),
    ("W19-04", "Produits locaux dans les cantines : un produit, trois communes", None,
     "working_group", None, 0, 2019, 2020, "O03", "A02;A07",
     "Première réunion du groupe de travail en janvier 2020"),
    ("W19-04", "Légumerie pour laver et éplucher les légumes locaux", None, "idea", None, 0, 2019,
     None, "", "A02;A07", ""),
    ("W19-04", "Former cuisiniers et élus aux marchés publics de produits locaux", None, "idea",
     None, 0, 2019, None, "", "A02;A07", ""),
    ("W19-04", "Un repas 100 % local par mois dans les écoles", None, "idea", None, 0, 2019, None,
     "", "A02;A07", ""),
    ("W19-08", "Autopartage entre voisins", None, "idea", None, 0, 2019, None, "", "A02;A07",
     "Reste affichée au pôle parmi les idées en quête de porteur"),
    ("W19-13", "Habitat partagé avec un bailleur social", "P13", "working_group", None, 0, 2019,
     2019, "", "A01;A03;A08", "Version revue du projet de 2017 (W17-12)"),
    ("W19-17", "Atelier de couture upcycling", "P18", "prototype", None, 0, 2019, 2020,
     "O20;O04;O09;O08", "A01;A04;A08", "Accueillie par la Fabrique à Entreprendre; test prévu en 2020"),
    ("W19-17", "Table couture partagée avec le repair café", None, "idea", None, 0, 2019, None, "",
     "A01", ""),
]  # fmt: skip

# How generated projects climb the ladder: how many projects of each group (from a
# workshop with or without a holder present) reach each stage, and the jobs of those
# that started. Chosen so that the public figures hold (22 projects started, about 50
# jobs) and the holder hypothesis can be tested without being true by construction.
STAGE_SLOTS = {
    True: {"enterprise": 5, "launched": 5, "abandoned": 5, "prototype": 3, "working_group": 6},
    False: {"enterprise": 2, "launched": 4, "abandoned": 5, "prototype": 2, "working_group": 4},
}
ENTERPRISE_JOBS = [6, 5, 4, 4, 3, 3, 2]
LAUNCHED_JOBS = [3, 2, 2, 2, 2, 1, 1, 1, 0]
FAE_PARTNERS = ["O04", "O05", "O06", "O07", "O08", "O09"]
ABANDON_REASONS = [
    "porteur parti pour un emploi salarié hors du Jura",
    "pas de local trouvé",
    "financement refusé",
    "bénévoles épuisés après la première année",
    "désaccord dans le groupe sur le statut",
    "un projet privé s'est installé à côté",
    "porteuse tombée malade; personne pour reprendre",
    "réglementation sanitaire trop lourde pour le volume",
    "la commune a retiré le bâtiment promis",
    "chiffre d'affaires du test trop faible",
]

# --------------------------------------------------------------------------- names

FEMALE = [
    "Martine",
    "Nathalie",
    "Sophie",
    "Catherine",
    "Brigitte",
    "Françoise",
    "Chantal",
    "Véronique",
    "Patricia",
    "Dominique",
    "Annie",
    "Josiane",
    "Marie-Claude",
    "Jacqueline",
    "Colette",
    "Odile",
    "Bernadette",
    "Danielle",
    "Michèle",
    "Évelyne",
    "Ghislaine",
    "Anne",
    "Élise",
    "Pauline",
    "Julie",
    "Laura",
    "Manon",
    "Léa",
    "Chloé",
    "Emma",
    "Inès",
    "Clémence",
    "Mathilde",
    "Céline",
    "Émilie",
    "Stéphanie",
    "Virginie",
    "Karine",
    "Laetitia",
    "Séverine",
    "Estelle",
    "Delphine",
    "Gaëlle",
    "Lucie",
    "Margaux",
    "Océane",
    "Noémie",
    "Yasmina",
    "Samira",
    "Leïla",
    "Amina",
    "Aïcha",
    "Lina",
    "Zoé",
    "Agathe",
    "Solène",
    "Jeanne",
    "Louise",
    "Rose",
    "Marion",
    "Charlotte",
    "Justine",
    "Audrey",
    "Sabrina",
    "Mélanie",
    "Maryse",
    "Régine",
    "Huguette",
    "Simone",
    "Paulette",
    "Geneviève",
    "Ginette",
    "Nicole",
    "Élisabeth",
    "Christiane",
    "Yvette",
    "Lydie",
    "Armelle",
    "Claudine",
    "Murielle",
    "Sandra",
    "Nadège",
    "Marine",
    "Anaïs",
    "Coralie",
    "Joëlle",
    "Mireille",
]
MALE = [
    "Jean",
    "Michel",
    "Alain",
    "Gérard",
    "Daniel",
    "Patrick",
    "Philippe",
    "Christian",
    "Jacques",
    "Didier",
    "Gilles",
    "Serge",
    "Roger",
    "René",
    "André",
    "Claude",
    "Jean-Marc",
    "Jean-Pierre",
    "Jean-Luc",
    "Jean-Claude",
    "Francis",
    "Guy",
    "Robert",
    "Maurice",
    "Marcel",
    "Hubert",
    "Yves",
    "Pascal",
    "Thierry",
    "Christophe",
    "Stéphane",
    "Sébastien",
    "Nicolas",
    "Frédéric",
    "Vincent",
    "David",
    "Jérôme",
    "Cédric",
    "Fabrice",
    "Xavier",
    "Benoît",
    "Mathieu",
    "Antoine",
    "Guillaume",
    "Romain",
    "Maxime",
    "Hugo",
    "Théo",
    "Louis",
    "Arthur",
    "Nathan",
    "Baptiste",
    "Clément",
    "Quentin",
    "Alexis",
    "Kevin",
    "Florian",
    "Mehdi",
    "Youssef",
    "Samir",
    "Mamadou",
    "Ibrahim",
    "Tristan",
    "Armand",
    "Raymond",
    "Lucien",
    "Henri",
    "Émile",
    "Joël",
    "Régis",
    "Lionel",
    "Damien",
    "Loïc",
    "Yannick",
    "Arnaud",
    "Bruno",
    "Hervé",
    "Joseph",
    "Paul",
    "Étienne",
    "Noël",
    "Gabriel",
    "Adrien",
    "Valentin",
    "Jules",
]
INITIALS = "ABCDEFGHJLMNPRSTV"
VILLAGES = (
    ["Lons-le-Saunier"] * 6
    + ["Montmorot"] * 2
    + ["Perrigny"] * 2
    + [
        "Conliège",
        "Revigny",
        "Macornay",
        "Messia-sur-Sorne",
        "Courlaoux",
        "Chilly-le-Vignoble",
        "L'Étoile",
        "Montaigu",
        "Pannessières",
        "Gevingey",
        "Trenal",
        "Courbouzon",
        "Chille",
        "Publy",
        "Vernantois",
        "Moiron",
        "Cesancey",
        "Beaufort",
        "Rotalier",
        "Gizia",
        "Bletterans",
        "Commenailles",
        "Sellières",
        "Ruffey-sur-Seille",
        "Courlans",
        "Saint-Didier",
        "Frébuans",
        "Condamine",
        "Vincelles",
        "Baume-les-Messieurs",
    ]
)
OCCUPATIONS = [
    ("retraité", "retraitée"), ("retraité de l'enseignement", "retraitée de l'enseignement"),
    ("agriculteur", "agricultrice"), ("salarié d'une fruitière", "salariée d'une fruitière"),
    ("infirmier", "infirmière"), ("aide-soignant", "aide-soignante"), ("étudiant", "étudiante"),
    ("lycéen", "lycéenne"), ("demandeur d'emploi", "demandeuse d'emploi"),
    ("employé municipal", "employée municipale"), ("cadre dans l'industrie", "cadre dans l'industrie"),
    ("technicien", "technicienne"), ("enseignant", "enseignante"), ("commercial", "commerciale"),
    ("ouvrier en plasturgie", "ouvrière en plasturgie"), ("bénévole associatif", "bénévole associative"),
    ("auto-entrepreneur", "auto-entrepreneuse"), ("fonctionnaire", "fonctionnaire"),
    ("parent d'élève", "mère de trois enfants"), ("salarié d'une coopérative", "salariée d'une coopérative"),
]  # fmt: skip
BUSINESSES = [
    ("Commerçant à {v}", "Commerçante à {v}"), ("Artisan menuisier à {v}", "Artisane ébéniste à {v}"),
    ("Maraîcher à {v}", "Maraîchère à {v}"), ("Fromager à {v}", "Fromagère à {v}"),
    ("Chef d'une PME du bâtiment à {v}", "Gérante d'une agence immobilière à {v}"),
    ("Restaurateur à {v}", "Restauratrice à {v}"),
]  # fmt: skip


# --------------------------------------------------------------------------- building


@dataclass
class Builder:
    """Holds the random generator and the rows being built."""

    rng: random.Random
    cast_ids: set[str]
    cast_first_names: set[str]
    actors: list[dict] = field(default_factory=list)
    labels: set[str] = field(default_factory=set)
    tags: dict[str, str] = field(default_factory=dict)
    participations: list[tuple[str, str, str]] = field(default_factory=list)
    seated: dict[str, set[str]] = field(default_factory=dict)  # edition -> actor ids

    def person(self, gender: str, description: str, category: str = "citizen") -> str:
        names = [n for n in (FEMALE if gender == "f" else MALE) if n not in self.cast_first_names]
        while True:
            label = f"{self.rng.choice(names)} {self.rng.choice(INITIALS)}."
            if label not in self.labels:
                break
        self.labels.add(label)
        actor_id = f"C{len(self.actors) + 1:04d}"
        self.actors.append({"actor_id": actor_id, "label": label, "kind": "person",
                            "category": category, "organisation": "", "aliases": "",
                            "description": description or self.description(gender)})  # fmt: skip
        return actor_id

    def description(self, gender: str) -> str:
        village = self.rng.choice(VILLAGES)
        base = f"{'Habitante' if gender == 'f' else 'Habitant'} de {village}"
        if self.rng.random() < 0.6:
            job = self.rng.choice(OCCUPATIONS)[1 if gender == "f" else 0]
            base += f"; {job}"
        return base

    def resolve(self, slot: Slot) -> str:
        if slot.who and not slot.who.startswith("tag:"):
            return slot.who
        if slot.who:
            if slot.who not in self.tags:
                self.tags[slot.who] = self.person(slot.gender, slot.description, slot.category)
            return self.tags[slot.who]
        return self.person(slot.gender, slot.description, slot.category)

    def seat(self, edition: str, workshop: str, actor_id: str, role: str) -> None:
        self.participations.append((actor_id, workshop, role))
        self.seated.setdefault(edition, set()).add(actor_id)


def _edition_of(workshop_id: str) -> str:
    return {"16": "SUT2016", "17": "SUT2017", "19": "SUT2019"}[workshop_id[1:3]]


def _sizes(rng: random.Random, base: list[int], total: int) -> list[int]:
    """Table sizes between 8 and 20, at least ``base``, summing to ``total``."""
    sizes = [max(8, b) for b in base]
    while sum(sizes) < total:
        i = rng.randrange(len(sizes))
        if sizes[i] < 20 and rng.random() < 0.9 - sizes[i] * 0.035:
            sizes[i] += 1
    return sizes


def build_workshops(b: Builder) -> tuple[list[dict], dict[str, Workshop]]:
    rows, others = [], {w.workshop_id: w for w in OTHER_WORKSHOPS}
    ids = sorted([*KEY_WORKSHOPS, *others])
    for edition_id, *_ in EDITIONS:
        in_edition = [w for w in ids if _edition_of(w) == edition_id]
        for wid in in_edition:
            if wid in KEY_WORKSHOPS:
                roster = [(b.resolve(s), s.role) for s in KEY_ROSTERS[wid]]
                for actor_id, role in roster:
                    b.seat(edition_id, wid, actor_id, role)
        facilitators = [f for f, n in FACILITATION[edition_id].items() for _ in range(n)]
        b.rng.shuffle(facilitators)
        generated = [w for w in in_edition if w not in KEY_WORKSHOPS]
        assert len(facilitators) == len(generated), edition_id
        key_rows = sum(len(KEY_ROSTERS[w]) for w in in_edition if w in KEY_WORKSHOPS)
        base = [2 + len(CAST_ELSEWHERE.get(w, [])) for w in generated]
        sizes = _sizes(b.rng, base, ROW_TARGETS[edition_id] - key_rows)
        for wid, facilitator, size in zip(generated, facilitators, sizes, strict=True):
            fill_workshop(b, edition_id, others[wid], facilitator, size)
        for wid in in_edition:
            rows.append(workshop_row(b, wid, edition_id, others.get(wid)))
    return rows, others


def fill_workshop(b: Builder, edition: str, w: Workshop, facilitator: str, size: int) -> None:
    if facilitator.startswith("V"):
        if f"tag:{facilitator}" not in b.tags:
            gender, text = VOLUNTEERS[facilitator]
            b.tags[f"tag:{facilitator}"] = b.person(gender, text, "facilitator")
        facilitator = b.tags[f"tag:{facilitator}"]
    seats = [(facilitator, "facilitator")]
    if w.holder:
        seats.append((b.resolve(w.holder), "holder"))
    seats += CAST_ELSEWHERE.get(w.workshop_id, [])
    if edition != "SUT2016" and b.rng.random() < 0.3:
        seats += [(a, "participant") for a in returners(b, edition, b.rng.choice([1, 1, 2]))]
    if b.rng.random() < 0.3:
        gender = b.rng.choice("fm")
        village = b.rng.choice(VILLAGES[6:])
        text = (
            f"{'Conseillère municipale' if gender == 'f' else 'Conseiller municipal'} de {village}"
        )
        seats.append((b.person(gender, text, "elected"), "elected"))
    if b.rng.random() < 0.25:
        gender = b.rng.choice("fm")
        text = b.rng.choice(BUSINESSES)[gender == "f"].format(v=b.rng.choice(VILLAGES))
        seats.append((b.person(gender, text, "business"), "participant"))
    while len(seats) < size:
        seats.append((b.person(b.rng.choice("ffm"), ""), "participant"))
    for actor_id, role in seats:
        b.seat(edition, w.workshop_id, actor_id, role)


def returners(b: Builder, edition: str, n: int) -> list[str]:
    """Generated citizens who came to an earlier edition and are not yet seated in this one."""
    earlier = [e for e, *_ in EDITIONS if e < edition]
    pool = sorted(
        {a for e in earlier for a in b.seated.get(e, set())} - b.seated.get(edition, set())
    )
    categories = {row["actor_id"]: row["category"] for row in b.actors}
    pool = [a for a in pool if categories.get(a) == "citizen"]
    return b.rng.sample(pool, min(n, len(pool)))


def workshop_row(b: Builder, wid: str, edition: str, other: Workshop | None) -> dict:
    n = sum(1 for _, w, _ in b.participations if w == wid)
    if other is None:
        theme, kind, holder, facilitator, tools, title, notes = KEY_WORKSHOPS[wid]
    else:
        theme, kind, title, notes = other.theme, other.type, other.title, ""
        holder = next((a for a, w, r in b.participations if w == wid and r == "holder"), None)
        facilitator = next(a for a, w, r in b.participations if w == wid and r == "facilitator")
        usual = "A01" if holder else "A02"
        tools = usual if b.rng.random() < 0.88 else {"A01": "A02", "A02": "A01"}[usual]
    return {"workshop_id": wid, "edition_id": edition, "title": title, "theme": theme,
            "type": kind, "holder_present": "true" if holder else "false",
            "holder": holder or "", "facilitator": facilitator, "tools": tools,
            "participants": str(n), "notes": notes}  # fmt: skip


def build_projects(b: Builder, workshops: list[dict], others: dict[str, Workshop]) -> list[dict]:
    by_id = {w["workshop_id"]: w for w in workshops}
    rows = []
    for (
        wid,
        title,
        holder,
        stage,
        at,
        jobs,
        start,
        outcome,
        support,
        actants,
        notes,
    ) in KEY_PROJECTS:
        rows.append(project_row(wid, by_id[wid], title, holder, stage, at, jobs, start, outcome,
                                support, actants, notes))  # fmt: skip
    generated = []
    for wid in sorted(others):
        w, row = others[wid], by_id[wid]
        for i, idea in enumerate(w.ideas):
            cap, title = idea.split(":", 1) if idea[1:2] == ":" else ("-", idea)
            main = i == 0 and row["holder_present"] == "true"
            generated.append(Idea(wid, title, main, cap, int(row["edition_id"][3:])))
    stages = assign_stages(b, generated, by_id)
    for idea, (stage, at, jobs, outcome) in zip(generated, stages, strict=True):
        row = by_id[idea.workshop_id]
        holder = row["holder"] if idea.main else ""
        if not holder and stage != "idea":
            people = [a for a, w, r in b.participations
                      if w == idea.workshop_id and r == "participant"]  # fmt: skip
            holder = b.rng.choice(people) if b.rng.random() < 0.6 else ""
        support, actants = support_and_actants(b, row, stage, outcome)
        rows.append(project_row(idea.workshop_id, row, idea.title, holder or None, stage, at, jobs,
                                idea.year, outcome, support, actants, project_notes(b, stage)))  # fmt: skip
    rows.sort(key=lambda r: (r["edition_id"], r["workshop_id"]))
    for i, r in enumerate(rows, start=1):
        r["project_id"] = f"PR{i:03d}"
    return rows


@dataclass(frozen=True)
class Idea:
    workshop_id: str
    title: str
    main: bool  # the project of the workshop's holder
    cap: str  # "E", "L" or "-": how far the idea can plausibly go
    year: int


def assign_stages(b: Builder, ideas: list[Idea], by_id: dict) -> list[tuple]:
    """Pick which generated ideas climb, then give each its stage, jobs and year.

    For each group (holder present or not) the number of projects at each stage is
    fixed by ``STAGE_SLOTS``; which projects get there is drawn at random, the
    holder's own project and older editions being likelier. Only ideas marked "E"
    become enterprises, only "E" and "L" ideas are launched, and projects of the 2019
    edition (weeks before the January 2020 review) go no further than a prototype.
    """
    result: list[tuple] = [("idea", None, 0, None)] * len(ideas)
    for present in (True, False):
        group = [i for i, idea in enumerate(ideas)
                 if (by_id[idea.workshop_id]["holder_present"] == "true") == present]  # fmt: skip
        weights = [(3.0 if ideas[i].main else 1.0) * (0.35 if ideas[i].year == 2019 else 1.0)
                   * (1.5 if ideas[i].cap != "-" else 1.0) for i in group]  # fmt: skip
        slots = STAGE_SLOTS[present]
        assignment = None
        while assignment is None:
            chosen = weighted_sample(b.rng, group, weights, sum(slots.values()))
            assignment = fit_stages(b.rng, chosen, ideas, slots)
        for i in chosen:
            at, outcome = stage_details(b, assignment[i], ideas[i])
            result[i] = (assignment[i], at, 0, outcome)
    return with_jobs(b, ideas, result)


def fit_stages(
    rng: random.Random, chosen: list[int], ideas: list[Idea], slots: dict
) -> dict | None:
    """Stages for the chosen ideas that respect their caps, or None when impossible."""
    recent = [i for i in chosen if ideas[i].year == 2019]
    older = [i for i in chosen if ideas[i].year != 2019]
    able_e = [i for i in older if ideas[i].cap == "E"]
    if len(able_e) < slots["enterprise"]:
        return None
    assignment = dict.fromkeys(rng.sample(able_e, slots["enterprise"]), "enterprise")
    able_l = [i for i in older if ideas[i].cap in ("E", "L") and i not in assignment]
    if len(able_l) < slots["launched"]:
        return None
    assignment.update(dict.fromkeys(rng.sample(able_l, slots["launched"]), "launched"))
    young = ["prototype"] * slots["prototype"] + ["working_group"] * slots["working_group"]
    if len(recent) > len(young):
        return None
    rng.shuffle(young)
    for i in recent:
        assignment[i] = young.pop()
    rest = young + ["abandoned"] * slots["abandoned"]
    rng.shuffle(rest)
    for i in older:
        if i not in assignment:
            assignment[i] = rest.pop()
    return assignment


def with_jobs(b: Builder, ideas: list[Idea], result: list[tuple]) -> list[tuple]:
    """Hand out the job figures: the largest to enterprises, then to "E" ideas launched."""
    jobs = {}
    enterprises = [i for i, r in enumerate(result) if r[0] == "enterprise"]
    for i, n in zip(enterprises, b.rng.sample(ENTERPRISE_JOBS, len(ENTERPRISE_JOBS)), strict=True):
        jobs[i] = n
    launched = [i for i, r in enumerate(result) if r[0] == "launched"]
    b.rng.shuffle(launched)
    launched.sort(key=lambda i: ideas[i].cap != "E")
    for i, n in zip(launched, sorted(LAUNCHED_JOBS, reverse=True), strict=True):
        jobs[i] = n
    return [
        (stage, at, jobs.get(i, 0), outcome) for i, (stage, at, _, outcome) in enumerate(result)
    ]


def weighted_sample(
    rng: random.Random, items: list[int], weights: list[float], n: int
) -> list[int]:
    items, weights, chosen = list(items), list(weights), []
    for _ in range(n):
        pick = rng.choices(range(len(items)), weights=weights)[0]
        chosen.append(items.pop(pick))
        weights.pop(pick)
    return chosen


def stage_details(b: Builder, stage: str, idea: Idea) -> tuple[str | None, int]:
    """``(abandoned_at, year_outcome)`` of a generated project that left the idea stage."""
    year = idea.year
    if stage == "working_group":
        return None, min(year + b.rng.choice([0, 1]), 2020)
    if stage == "prototype":
        return None, min(year + b.rng.choice([1, 2]), 2020)
    if stage == "abandoned":
        reached = ["working_group"] * 5 + ["prototype"] * 3
        if idea.cap != "-":
            reached.append("launched")
        return b.rng.choice(reached), min(year + b.rng.choice([1, 2]), 2019)
    return None, min(year + b.rng.choice([1, 2, 2]), 2019)


def support_and_actants(b: Builder, row: dict, stage: str, outcome: int | None) -> tuple[str, str]:
    support: list[str] = []
    if stage in ("enterprise", "launched", "prototype"):
        support = b.rng.sample(
            FAE_PARTNERS, {"enterprise": 3, "launched": 2, "prototype": 1}[stage]
        )
        if stage == "enterprise" and b.rng.random() < 0.5:
            support.append("O12")
        if stage != "prototype" and b.rng.random() < 0.2:
            support.append("O11")
    elif stage in ("working_group", "abandoned") and b.rng.random() < 0.3:
        support = [b.rng.choice(FAE_PARTNERS)]
    fae = bool(set(support) & set(FAE_PARTNERS)) and outcome is not None and outcome >= 2019
    if fae:
        support.insert(0, "O20")
    actants = [row["tools"]]
    if row["type"] != "holder_with_idea" and b.rng.random() < 0.7:
        actants.append("A07")
    if fae:
        actants.append("A04")
    if stage in ("abandoned", "enterprise") and b.rng.random() < 0.3:
        actants.append("A05")
    if stage != "idea" and b.rng.random() < 0.15:
        actants.append("A03")
    return ";".join(support), ";".join(actants)


def project_notes(b: Builder, stage: str) -> str:
    if stage == "abandoned":
        return f"Abandonné: {b.rng.choice(ABANDON_REASONS)}"
    if stage == "working_group":
        return f"Groupe de travail de {b.rng.randint(3, 9)} personnes"
    if stage == "prototype":
        return b.rng.choice(["Test sur une saison", "Première version testée auprès de clients",
                             "Local prêté pour un test de six mois"])  # fmt: skip
    return ""


def project_row(wid, workshop, title, holder, stage, at, jobs, start, outcome, support, actants,
                notes) -> dict:  # fmt: skip
    return {"project_id": "", "edition_id": workshop["edition_id"], "workshop_id": wid,
            "title": title, "theme": workshop["theme"], "holder": holder or "", "stage": stage,
            "abandoned_at": at or "", "jobs": str(jobs), "year_started": str(start),
            "year_outcome": "" if outcome is None else str(outcome), "support": support,
            "actants": actants, "notes": notes}  # fmt: skip


# --------------------------------------------------------------------------- writing

ROLE_ORDER = ["facilitator", "holder", "staff", "elected", "expert", "observer", "participant"]


def read_core_actors(path: Path) -> tuple[list[str], list[dict]]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    if header != ACTOR_COLUMNS:
        sys.exit(f"{path}: unexpected header {header}")
    core_lines = [lines[0]] + [
        ln for ln in lines[1:] if not GENERATED_ID.match(ln.split(",", 1)[0])
    ]
    rows = list(csv.DictReader(io.StringIO("".join(core_lines))))
    return core_lines, rows


def to_csv(columns: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def generate(folder: Path = TABLES) -> dict[str, str]:
    """The text of every table, keyed by file name."""
    core_lines, core = read_core_actors(folder / "actors.csv")
    first_names = {r["label"].split()[0] for r in core if r["kind"] == "person"}
    b = Builder(random.Random(SEED), {r["actor_id"] for r in core}, first_names)
    workshops, others = build_workshops(b)
    projects = build_projects(b, workshops, others)
    seated = {e: len(s) for e, s in b.seated.items()}
    editions = [
        {"edition_id": e, "year": str(y), "date": d, "title": t, "place": PLACE,
         "participants": str(n),
         "notes": EDITION_NOTES[e].format(workshops=sum(w["edition_id"] == e for w in workshops))
         + f"; {seated[e]} personnes nommées sur les feuilles d'atelier, les autres venues au "
         "forum ou à la restitution seulement"}
        for e, y, d, t, n in EDITIONS
    ]  # fmt: skip
    rank = {r: i for i, r in enumerate(ROLE_ORDER)}
    parts = sorted(b.participations, key=lambda p: (p[1], rank[p[2]], p[0]))
    return {
        "editions.csv": to_csv(["edition_id", "year", "date", "title", "place", "participants", "notes"], editions),
        "workshops.csv": to_csv(list(workshops[0]), workshops),
        "participations.csv": to_csv(["actor_id", "workshop_id", "role"],
                                     [{"actor_id": a, "workshop_id": w, "role": r} for a, w, r in parts]),
        "projects.csv": to_csv(list(projects[0]), projects),
        "actors.csv": "".join(core_lines) + to_csv(ACTOR_COLUMNS, b.actors).split("\n", 1)[1],
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if a file would change")
    parser.add_argument("--folder", type=Path, default=TABLES, help="tables folder")
    args = parser.parse_args(argv)
    changed = []
    for name, text in generate(args.folder).items():
        path = args.folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            changed.append(name)
            if not args.check:
                path.write_text(text, encoding="utf-8", newline="\n")
    if args.check and changed:
        print(f"out of date: {', '.join(changed)}; run python corpus/generate_tables.py")
        return 1
    print(f"{'would change' if args.check else 'written'}: {', '.join(changed) or 'nothing'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
