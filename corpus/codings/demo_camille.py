"""Camille's codings (the researcher, P04): every document of the demo corpus.

Entries are ``(words, code)`` or ``(words, code, memo)``; see ``demo_codings.py``.
"""

CAMILLE: dict[str, list[tuple[str, ...]]] = {}

CAMILLE["INT01"] = [
    (
        "chaque année, quelque chose ferme. Une boulangerie, un bar-tabac, le dépôt de pain qui s’arrête parce que la dame a quatre-vingts ans",
        "ant.problematisation.framing",
    ),
    (
        "rural peu dense, vieillissement, mobilité, les jeunes qui partent à Lyon ou à Besançon",
        "sut.barriers.territory",
    ),
    (
        "on a une quinzaine de structures de l’économie sociale autour de la table, des gens formidables, mais qui se parlent entre eux",
        "ant.problematisation.interdefinition",
    ),
    (
        "Donc on a pris la trame — la grande soirée, les ateliers thématiques, l’idée que c’est un territoire qui entreprend et pas une personne toute seule — et on l’a rhabillée à notre façon.",
        "iw.creating.mimicry",
    ),
    (
        "Le nom, on l’a gardé, parce qu’un réseau national commençait à se monter et que ça nous donnait du crédit auprès des financeurs. Dire « on fait comme à Romans », au début, ça ouvrait des portes.",
        "iw.creating.mimicry",
    ),
    (
        "Ce qui l’a convaincu, je crois, c’est une phrase que je lui ai dite : « Vous ne ferez pas venir une usine à Orbagna. Par contre, à Orbagna, il y a des gens qui ont des idées et qui ne savent pas à qui les dire. »",
        "iw.creating.advocacy",
    ),
    (
        "Il est venu en novembre 2016, il a vu le Juraparc plein, plus de trois cents personnes, et là il était converti.",
        "ant.enrolment.roles",
    ),
    (
        "La BGE, la CCI, la chambre de métiers, Initiative Jura : chacun a son public, ses indicateurs, des financements qui dépendent du nombre de créations accompagnées.",
        "sut.barriers.fragmentation",
    ),
    (
        "la première réaction, légitime, c’est : « vous allez faire notre travail ? »",
        "sut.cooperation.tensions",
    ),
    (
        "Une mère de famille de Beaufort qui a une idée de garde d’enfants partagée ne va pas pousser la porte de la CCI, elle ne sait même pas que c’est pour elle.",
        "ant.problematisation.interdefinition",
    ),
    (
        "Donc il a fallu redire cent fois que nous, on était en amont : faire sortir les idées et les amener jusqu’à eux. En gros, qu’on leur apportait des clients au lieu de leur en prendre.",
        "ant.enrolment.negotiation",
    ),
    (
        "Là, d’un coup, il y a une convention, signée en 2018 avec la Caisse des Dépôts et l’agglo, qui dit noir sur blanc qui fait quoi.",
        "iw.creating.vesting",
    ),
    (
        "Nadia, qu’on a recrutée pour la Fabrique, accueille, fait un premier diagnostic, oriente, et réunit tout le monde une fois par mois autour des dossiers.",
        "iw.creating.constructing_normative_networks",
    ),
    (
        "Le fait que ce soit écrit, signé, avec le logo de la Caisse des Dépôts en haut de la page, ça a calmé beaucoup de choses.",
        "ant.non_human",
    ),
    (
        "il reste des porteurs que deux structures comptent dans leur bilan, et une méfiance de fond, chez certains, pour le côté militant",
        "sut.cooperation.tensions",
    ),
    (
        "Une charte, ça ne sert pas à ce que tout le monde y croie. Ça sert à pouvoir la ressortir quand ça coince.",
        "ant.non_human",
    ),
    (
        "On l’a pris à part, on lui a rappelé que la charte dit qu’on ne vient pas pour démarcher et que les idées d’un atelier appartiennent d’abord au groupe.",
        "iw.maintaining.policing",
    ),
    (
        "Julien et les bénévoles au marché de Lons le jeudi ou le samedi matin avec le mur des idées, les réunions dans les salles des fêtes, à Bletterans, à Beaufort, à Conliège, avec trois questions.",
        "ant.interessement.devices",
    ),
    (
        "Le mur, c’est notre vraie porte d’entrée : les gens voient leur post-it collé à côté de celui du voisin, et d’un coup leur souci devient une question collective.",
        "ant.interessement.devices",
    ),
    (
        "Et la soirée, c’est le rendez-vous par lequel toutes ces idées doivent passer.",
        "ant.problematisation.obligatory_passage_point",
    ),
    (
        "L’invitation, on la fait déposer en main propre dans les mairies.",
        "ant.interessement.devices",
    ),
    (
        "Les gens restent pour la restitution parce qu’après il y a le buffet, et pendant le buffet il se passe la moitié des choses importantes.",
        "sut.levers.method",
    ),
    ("La vraie : on était épuisés. Julien surtout.", "sut.barriers.attrition"),
    ("une équipe de deux personnes et demie", "sut.barriers.means"),
    (
        "Elle a eu le sentiment qu’on l’avait lâchée au moment où elle avait le plus besoin de nous.",
        "sut.cooperation.trust",
    ),
    (
        "On l’avait mise en avant en 2017 : une femme du coin, du réemploi, des emplois possibles.",
        "iw.maintaining.valourizing_demonizing",
    ),
    (
        "Puis le local qu’on espérait n’est jamais venu, l’appel à projets de la Région a été refusé, ses bénévoles se sont usés.",
        "sut.barriers.means",
    ),
    (
        "Au printemps 2018, des garagistes se sont plaints qu’on allait financer avec de l’argent public une concurrence déloyale, le garage solidaire.",
        "sut.cooperation.tensions",
    ),
    (
        "On a écrit ensemble, avec Karim, des critères : le garage ne travaille que pour des gens orientés par un travailleur social, par Pôle emploi ou par l’Adie, sous un plafond de revenus.",
        "ant.enrolment.negotiation",
    ),
    (
        "elle vient en 2017 à l’atelier, elle écoute ses habitants pendant trois heures sans faire de discours",
        "sut.actors.public_bodies",
    ),
    ("deux ans après la commune ouvre un multiservice", "sut.outcomes.territory.local_services"),
    (
        "Elle est devenue notre meilleure ambassadrice auprès des autres maires. Quand c’est une maire du Revermont qui dit à une autre « venez, ça vaut le coup », ça pèse autrement que quand c’est moi.",
        "ant.mobilisation.spokespersons",
    ),
    (
        "On a une bonne partie du budget sur l’agglo et sur la convention de la Fabrique, qui court jusqu’à fin 2020.",
        "sut.resources.funding",
    ),
    (
        "On dit plus de cent trente idées, soixante-cinq ateliers sur trois éditions, vingt-deux projets démarrés, plus de deux cents réunions de groupes de travail, une cinquantaine d’emplois.",
        "ant.mobilisation.inscriptions",
    ),
    ("Les financeurs veulent des chiffres, je leur en donne.", "iw.maintaining.policing"),
    (
        "Karim vient en 2016 dans l’atelier « se déplacer sans voiture dans les villages », il n’a rien à vendre, il écoute, et il repart avec son idée de garage.",
        "sut.outcomes.sut.individual_trajectory",
    ),
    (
        "Il faut beaucoup d’idées pour en réaliser quelques-unes ; on devrait l’écrire au-dessus de la porte.",
        "iw.creating.theorizing",
    ),
    (
        "plus de soirée sans les moyens du suivi : un deuxième poste à côté de Julien, ou des bénévoles vraiment formés à animer des groupes dans la durée",
        "sut.levers.follow_up",
    ),
    (
        "Le garage, l’épicerie, la chaufferie, on les montre partout, c’est ce qui donne envie. Mais à force ça devient une légende",
        "iw.maintaining.mythologizing",
    ),
    (
        "Avant, c’était : qu’est-ce que l’agglo va faire pour nos villages ? Maintenant, de plus en plus : qu’est-ce qu’on peut faire ensemble, et qui peut nous aider ?",
        "sut.outcomes.territory.entrepreneurial_culture",
    ),
]

CAMILLE["INT02"] = [
    (
        "Claire cherchait quelqu'un pour monter la première soirée, prévue en novembre, et elle voulait quelqu'un qui sache faire parler les gens, pas un chargé d'affaires.",
        "iw.maintaining.enabling_work",
    ),
    (
        "On avait des trames d'animation venues de la Drôme, que j'ai presque entièrement réécrites",
        "iw.creating.mimicry",
    ),
    (
        "dès les premières réunions dans les villages, on a vu que les gens arrivaient avec des problèmes, pas avec des projets.",
        "ant.problematisation.interdefinition",
    ),
    (
        "Donc on a inventé nos trois types d'ateliers : le problème sans porteur, le porteur avec une idée, et l'idée ou la ressource qui cherche quelqu'un.",
        "iw.creating.defining",
    ),
    ("Ça ne rentrait dans aucune case, alors on a fait les cases.", "iw.creating.theorizing"),
    (
        "Les gens y épinglent des cartons de couleur : orange pour un problème, vert pour une idée, bleu pour une ressource, et depuis cette année jaune pour ceux qui se disent prêts à porter quelque chose.",
        "ant.interessement.devices",
    ),
    (
        "On les photographie, on les tape, on enlève les doublons, on regroupe.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Si quelqu'un a écrit \"épicerie qui passe dans les villages\", je l'appelle. Au téléphone, pas par mail. Je lui propose de porter un atelier.",
        "sut.actors.cluster",
    ),
    (
        "Beaucoup disent non : par timidité, par peur qu'on leur pique l'idée, parce que parler devant des inconnus, c'est dur.",
        "sut.barriers.fear_risk",
    ),
    (
        "Une formation en octobre, et un guide du facilitateur qu'on retouche à chaque édition.",
        "iw.creating.educating",
    ),
    (
        "le Business Model Canvas quand il y a un porteur à la table, le canevas de proposition de valeur quand on part d'un problème, pour que les gens parlent des besoins avant de parler de solutions",
        "sut.levers.method",
    ),
    (
        "Cette ligne-là, c'est celle que je regarde en premier le lendemain matin. Si elle est vide, l'atelier est mort.",
        "ant.non_human",
    ),
    (
        "L'animateur ne donne pas son avis sur l'idée. On ne tue pas une idée dans la première heure. Le porteur écoute au moins autant qu'il parle.",
        "iw.maintaining.embedding_routinizing",
    ),
    (
        "Marc a du mal à ne pas donner son avis, il voit tout de suite ce qui ne tiendra pas financièrement. Mais les porteurs adorent l'avoir à leur table, justement pour ça.",
        "sut.actors.facilitators",
    ),
    (
        'Jean-Paul Midol et un autre agriculteur qui broient leurs haies chaque hiver "pour rien", un propriétaire forestier, une ingénieure thermique qui a tout de suite demandé les consommations réelles',
        "sut.resources.skills",
    ),
    (
        "En trois heures on a fait tout le circuit : qui coupe, qui broie, qui sèche, qui livre, qui paye.",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "Énergie Citoyenne Revermont, la SAS, est née en 2019, avec deux emplois.",
        "sut.outcomes.territory.ventures_jobs",
    ),
    (
        "Première réunion en janvier, au pôle : neuf personnes. La deuxième, en février, à Conliège, il neigeait : cinq.",
        "sut.barriers.attrition",
    ),
    (
        "Le projet est énorme : du foncier, un bailleur, des normes, des financements sur dix ans. Les gens du soir voulaient aider, mais ils n'avaient ni la compétence ni le temps de monter un dossier d'habitat inclusif.",
        "sut.barriers.means",
    ),
    (
        "Un échec ? Je ne crois pas. Mais ce n'est pas ce qu'on met sur la plaquette.",
        "iw.maintaining.valourizing_demonizing",
    ),
    (
        "Une partie de mon boulot, c'est de gérer cette descente : les comptes rendus, les relances, le SMS la veille, trouver une salle.",
        "sut.levers.follow_up",
    ),
    (
        "En février 2018 je me suis arrêté dix jours. Officiellement, une grippe. C'était aussi une grippe.",
        "sut.barriers.attrition",
    ),
    (
        "Monique Vuillet, en 2018, c'était le repair café avec Agnès, le groupe de Pierre-Yves sur l'habitat partagé, le stand du marché quand je ne pouvais pas le tenir, et toutes les affiches qu'on lui demandait.",
        "sut.resources.time_volunteering",
    ),
    (
        "Quand l'appel à projets de la Région a été refusé, elles n'avaient plus de jus.",
        "sut.barriers.attrition",
    ),
    (
        "elle fait un premier rendez-vous et le présente au comité technique, où il y a la BGE, Initiative Jura, la CCI, la chambre de métiers, Pôle emploi, l'Adie",
        "iw.creating.constructing_normative_networks",
    ),
    (
        "Maëlle et sa conserverie, c'est exemplaire : l'atelier de 2017 avec Marc, le groupe de travail, la Fabrique, un prêt d'honneur d'Initiative Jura avec Isabelle Regad, lancement en 2019.",
        "sut.outcomes.fae.financing_access",
    ),
    (
        "Le repair café, ce n'est pas une entreprise, personne ne veut en vivre. Le multiservice de Revigny, c'est la commune qui porte, donc pas un créateur au sens du dispositif.",
        "sut.barriers.fragmentation",
    ),
    (
        "Ces projets-là restent chez moi, et je n'ai pas d'outil pour eux à part ma voiture et mon téléphone.",
        "sut.barriers.means",
    ),
    (
        "Olivier Tissot, de la BGE, m'a dit assez sèchement après 2017 que la soirée lui envoyait des gens qui se croyaient chefs d'entreprise parce qu'ils avaient rempli neuf cases.",
        "sut.cooperation.tensions",
    ),
    (
        "Cette année je lui ai demandé vingt minutes devant les facilitateurs, sur ce qui se passe après : les statuts, les délais, les chiffres.",
        "iw.creating.educating",
    ),
    (
        "Rachid, à Pôle emploi, a compris qu'on pouvait être un sas pour des demandeurs d'emploi qui ont une envie mais pas encore de projet.",
        "ant.enrolment.roles",
    ),
    (
        "Chacun veut que le projet soit compté chez lui. Et quand un projet plante, personne ne veut qu'il soit compté nulle part.",
        "sut.cooperation.tensions",
    ),
    (
        "plus de cent trente idées sur le mur en trois éditions, soixante-cinq ateliers, vingt-deux projets démarrés",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Je dirais : pas de porteur, pas de projet, sauf si le problème est assez bien posé pour que quelqu'un s'en empare.",
        "iw.creating.theorizing",
    ),
    (
        "elles le font vivre à leur façon depuis mars 2018, un samedi par mois dans la salle de Quartier Vivant",
        "sut.outcomes.territory.local_services",
    ),
    (
        'À la restitution, Marc a pris le micro et il a annoncé : "L\'idée a trouvé sa porteuse." Toute la salle a applaudi.',
        "ant.mobilisation.spokespersons",
    ),
    (
        'Cette année, la fiche a une case "prochaine étape réaliste" et trois champs obligatoires sous le nom : où, quand, qui convoque. Et la consigne de ne jamais promettre de financement.',
        "iw.creating.defining",
    ),
    (
        "\"Heureusement qu'on a fait cette réunion au Juraparc, hein.\" Je crois qu'elle n'y était même pas. Mais c'est devenu une histoire du village.",
        "iw.maintaining.mythologizing",
    ),
    (
        "il faut un poste pérenne sur le suivi des groupes, que l'agglo inscrive la démarche dans ses politiques au lieu de nous financer d'une année sur l'autre",
        "iw.creating.advocacy",
    ),
    (
        "Sinon ça repose sur deux ou trois personnes motivées, et les personnes motivées, ça s'use.",
        "sut.barriers.attrition",
    ),
]

CAMILLE["INT03"] = [
    (
        "À partir du moment où elle n’a plus conduit, elle dépendait entièrement des voisins pour ses courses.",
        "sut.barriers.territory",
    ),
    (
        "c’est absurde, on livre un colis en vingt-quatre heures à Villeurbanne et ma grand-mère n’arrive pas à acheter du beurre",
        "ant.problematisation.framing",
    ),
    (
        "Je ne me vois pas commerçante, je ne connais personne ici, je n’ai jamais rien créé.",
        "sut.barriers.fear_risk",
    ),
    (
        "il y a un stand avec des grands panneaux couverts de post-it — le mur des idées, j’ai appris le nom après — et un jeune homme qui vous arrête : « Qu’est-ce qui manque, là où vous habitez ? »",
        "ant.interessement.devices",
    ),
    (
        "Trois semaines après, il m’appelle : « Votre post-it, on aimerait en faire un atelier. Vous voulez le porter ? »",
        "sut.levers.follow_up",
    ),
    ("J’avais peur qu’on me pique l’idée, très honnêtement.", "sut.cooperation.trust"),
    ("Et j’avais peur de parler en public.", "sut.barriers.fear_risk"),
    (
        "Il m’a envoyé la charte, où c’était écrit qu’on respecte le porteur, qu’on ne vient pas démarcher, et que ce qui est travaillé dans l’atelier appartient au groupe",
        "iw.creating.defining",
    ),
    (
        "Il avait mis une chaise vide au bout de la table, avec un carton : « la dame de quatre-vingts ans à Gizia qui n’a plus de voiture ».",
        "sut.levers.method",
    ),
    (
        "Puis il a déplié une immense feuille, le Business Model Canvas, les neuf cases, et il a dit : « On ne parle pas du camion. On parle d’abord des gens qui vont acheter. »",
        "ant.non_human",
    ),
    (
        "En remplissant la case des clients, l’ancien épicier et le monsieur sceptique m’ont dit : « Non. Vos clients, ce sont les vieux. »",
        "sut.actors.citizens",
    ),
    (
        "Donc j’avais deux clientèles complètement différentes autour du même produit. Ça a été le déclic.",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "« Une épicerie de village, ce n’est pas un magasin, c’est un rendez-vous. »",
        "iw.creating.changing_normative_associations",
    ),
    (
        "j’ai demandé à ceux qui habitent un village sans commerce de lever la main. Une forêt de mains. Je ne l’oublierai jamais.",
        "sut.levers.recognition",
    ),
    (
        "Au buffet, d’autres sont venus me voir avec leur numéro sur une serviette en papier : « Passez chez nous, à Rotalier, on vous attend. »",
        "sut.resources.network",
    ),
    ("Il m’a dit : « Le jour où vous roulez, je vous fournis. »", "sut.actors.businesses"),
    ("Au début on était huit, à la fin trois", "sut.barriers.attrition"),
    ("le monsieur sceptique — devenu mon plus grand soutien, c’est drôle —", "ant.enrolment.roles"),
    (
        "Alors j’ai fait une tournée test au printemps 2017, avec une remorque derrière ma voiture, trois villages le samedi matin.",
        "sut.resources.tools_methods",
    ),
    (
        "Julien m’a envoyée à la BGE, chez Olivier Tissot, qui m’a fait refaire mon prévisionnel trois fois.",
        "sut.actors.support_organisations",
    ),
    (
        "Une première banque a refusé, elle ne comprenait pas ce que c’était qu’une épicerie qui roule.",
        "sut.barriers.means",
    ),
    (
        "« Je ne finance pas un camion, je finance une tournée. Montrez-moi vos villages. »",
        "sut.actors.funders",
    ),
    (
        "Avec un prêt d’honneur d’Initiative Jura, à mon nom, sans intérêt, la banque a suivi pour le reste.",
        "sut.resources.funding",
    ),
    (
        "La SARL a été créée en avril 2018 et j’ai démarré les tournées en mai.",
        "sut.outcomes.territory.ventures_jobs",
    ),
    (
        "Les étagères, les trémies pour le vrac, c’est la Menuiserie Lacroix qui les a faites, presque à prix coûtant.",
        "sut.resources.places_equipment",
    ),
    ("Il est venu avec sa caisse à outils à lui, comme un copain.", "sut.cooperation.mutual_aid"),
    (
        "Quatorze arrêts en tout, avec les mêmes têtes à la même heure, c’est ça qui compte.",
        "sut.outcomes.territory.local_services",
    ),
    ("Il m’a appris à faire des marges.", "sut.resources.skills"),
    (
        "Et il me fait des délais de paiement en janvier, quand c’est dur.",
        "sut.cooperation.mutual_aid",
    ),
    (
        "En décembre 2018, j’ai glissé dans la côte en montant sur Rotalier, camion chargé, et j’ai fini dans le fossé.",
        "sut.barriers.territory",
    ),
    (
        "Oui, depuis juin 2019 j’ai une salariée à trente heures.",
        "sut.outcomes.territory.ventures_jobs",
    ),
    (
        "Alors quand je lis sur une plaquette « Vrac’n Roule, deux emplois créés », c’est vrai, mais il faut savoir ce que c’est.",
        "ant.dissidence",
        "conteste la façon dont les chiffres la représentent",
    ),
    (
        "Je suis devenue un peu... l’histoire qu’on raconte.",
        "iw.maintaining.valourizing_demonizing",
    ),
    (
        "Et j’ai peur que les gens croient que c’est facile : tu colles un post-it, tu passes une soirée sympa, et un an après tu as ton entreprise.",
        "iw.maintaining.mythologizing",
    ),
    ("sans la soirée de 2016, je n’aurais jamais osé", "sut.outcomes.sut.individual_trajectory"),
    (
        "Nadia m’a demandé de venir raconter mon parcours aux réunions d’information de la Fabrique ; j’y suis allée trois fois.",
        "iw.maintaining.valourizing_demonizing",
    ),
    (
        "J’ai couru d’un bureau à l’autre : la CCI pour l’immatriculation, la chambre de métiers parce qu’on ne savait pas si couper du fromage faisait de moi une artisane [rires], et personne ne se parlait.",
        "sut.barriers.fragmentation",
    ),
    ("le maire m’a d’abord refusé l’emplacement sur la place", "sut.cooperation.tensions"),
    (
        "On a négocié : pas de pain, pas de viennoiseries, et jamais le même jour que la boulangère.",
        "ant.enrolment.negotiation",
    ),
    (
        "Quand je dis « je suis passée par Start-Up de Territoire », les maires qui y étaient me regardent autrement. C’est comme une recommandation.",
        "sut.levers.recognition",
    ),
    ("Personne ne m’a pris mon idée.", "sut.cooperation.trust"),
    (
        "Mon épicerie, c’est un peu l’épicerie de la table du fond.",
        "iw.creating.changing_normative_associations",
    ),
    (
        "De demander un rendez-vous à la Fabrique dès le lendemain, au lieu de se perdre des mois comme moi.",
        "ant.problematisation.obligatory_passage_point",
    ),
]

CAMILLE["INT04"] = [
    (
        '"Karim, jeudi y a une soirée au Juraparc, sur les problèmes du territoire, tu viens, y a à manger."',
        "ant.interessement.devices",
    ),
    (
        "Elle est en panne depuis trois semaines, le garage me demande neuf cents euros, je les ai pas. J'ai perdu deux personnes âgées que je pouvais plus aller voir.",
        "sut.barriers.means",
    ),
    (
        "La mobilité à la campagne, c'est la bagnole, faut arrêter de rêver. Il faudrait un garage pour ceux qui ont pas les moyens.",
        "ant.problematisation.framing",
    ),
    (
        "Aurélie l'a écrit sur un post-it, plus poliment, et sur la fiche elle a recopié en gros : \"panne = perte d'emploi\".",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Mais quand Aurélie a demandé qui portait, j'ai rien dit. J'avais donné l'idée, c'est tout. Je voulais en parler à ma femme, et savoir si j'allais perdre mes droits au chômage.",
        "sut.barriers.fear_risk",
    ),
    (
        'Elle a dit : "On n\'a pas de porteur de projet, mais on a un mécanicien, un hangar et plein de gens qui veulent que ça bouge."',
        "ant.mobilisation.spokespersons",
    ),
    (
        '"Les garages solidaires, ça existe, il y en a à Besançon, à Dijon. Pourquoi pas ici ?"',
        "iw.creating.mimicry",
    ),
    (
        "J'ai rappelé Claire en janvier, elle m'a mis avec Julien. Deux rendez-vous au pôle, et en juin Julien m'a emmené voir un garage solidaire dans le Doubs, départ six heures du matin.",
        "sut.levers.follow_up",
    ),
    (
        "Là-bas j'ai vu comment ça tourne : les gens viennent orientés par une assistante sociale, ils payent la main-d'œuvre à prix réduit, ils peuvent même mettre les mains dans le moteur avec le mécano, et il y a des salariés en insertion. Je suis rentré, je me suis dit : c'est exactement ça.",
        "iw.creating.mimicry",
    ),
    (
        "Mais monter une association, faire un budget, demander des subventions... je savais pas. Je suis un manuel.",
        "sut.barriers.means",
    ),
    (
        "Et à Pôle emploi, mon conseiller de l'époque me proposait des postes de réceptionnaire en concession. Lui, le garage solidaire, ça rentrait dans aucune de ses cases.",
        "sut.barriers.fragmentation",
    ),
    (
        '"Cette année, tu viens pas comme participant. Tu portes."',
        "iw.creating.constructing_identities",
    ),
    (
        "Il a sorti le grand Business Model Canvas, et moi je voulais parler ponts élévateurs. [rires] Il m'a recadré gentiment.",
        "sut.actors.facilitators",
    ),
    (
        "Le garagiste retraité m'a prévenu : \"Va voir les garages du coin avant d'ouvrir, pas après.\"",
        "sut.resources.skills",
    ),
    (
        "Thomas l'a dit franchement : il faut trois jambes, ce que payent les clients, des aides à l'emploi, et des partenaires qui vous envoient du monde.",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "Un monsieur de Pôle emploi, Rachid Ouali, venu en simple citoyen, qui a fini par dire que si je faisais des tarifs pour les demandeurs d'emploi qui ont besoin d'une voiture pour reprendre un travail, il m'enverrait du monde.",
        "ant.enrolment.roles",
    ),
    (
        "Et Christine Berthet, de l'Adie, que j'avais croisée au forum à 16 heures, qui a expliqué que le microcrédit, ça finance justement des voitures, et parfois de l'outillage.",
        "sut.actors.support_organisations",
    ),
    ("À la soirée, quinze. À la première réunion, en décembre, sept.", "sut.barriers.attrition"),
    (
        "Eux, ils sont toujours là, bénévoles, le mardi et le jeudi.",
        "sut.resources.time_volunteering",
    ),
    (
        "Le groupe m'a servi à autre chose : à savoir que le besoin existait vraiment, et à avoir des noms à appeler.",
        "sut.resources.network",
    ),
    (
        "Moi je voulais pas être président, je voulais être salarié. Donc le président, c'est l'ancien garagiste de Bletterans.",
        "sut.cooperation.collective_governance",
    ),
    (
        "Il m'a appris ce que c'est qu'un plan de trésorerie ; au début je croyais que c'était pareil que le compte de résultat.",
        "sut.resources.skills",
    ),
    ("L'Adie, avec Christine, a financé une partie de l'outillage", "sut.resources.funding"),
    (
        "Le local, on l'a trouvé au printemps : un ancien garage ici, à Montmorot, dont le propriétaire partait à la retraite. Il nous a laissé le pont et une partie de l'outillage dans le loyer, ce qui a fait fondre le devis.",
        "sut.resources.places_equipment",
    ),
    (
        "Trois salariés. Moi, coordinateur et mécano. Un jeune mécanicien en contrat aidé, qu'on a monté avec Rachid. Et une dame à mi-temps pour l'accueil",
        "sut.outcomes.territory.ventures_jobs",
    ),
    (
        "On a fait un peu plus de quatre cents interventions en 2019.",
        "sut.outcomes.territory.local_services",
    ),
    (
        "Un remorquage depuis Saint-Amour, c'est quatre-vingts euros, ça mange toute l'économie.",
        "sut.barriers.territory",
    ),
    (
        "des garagistes du coin sont allés à la chambre de métiers. Ils disaient qu'on allait leur prendre leurs clients avec de l'argent public, que c'était de la concurrence déloyale.",
        "sut.cooperation.tensions",
    ),
    (
        "là, on l'a écrit noir sur blanc avec la chambre de métiers, et on a ajouté des règles. Chez nous on répare seulement pour des gens orientés",
        "iw.creating.defining",
    ),
    (
        "Aujourd'hui, c'est drôle, il y a deux garagistes du coin qui m'envoient des gens.",
        "ant.enrolment.roles",
    ),
    (
        "Le jour où un garagiste me voit réparer le camion d'une entreprise sur le pont de l'association, tout ce qu'on a construit avec la chambre de métiers, ça tombe.",
        "iw.maintaining.policing",
    ),
    (
        "c'est nous qui sommes devenus une ressource pour eux. Nadia m'envoie des créateurs qui ont besoin d'un véhicule qui roule pour démarrer.",
        "ant.enrolment.roles",
    ),
    (
        "Mais au moins, quand j'ai un souci avec un dossier, je sais qui appeler. Avant, je faisais le tour de Lons à pied, de bureau en bureau.",
        "sut.outcomes.fae.orientation",
    ),
    (
        "En 2016 j'étais un chômeur qui réparait des voitures sur un parking. Personne m'aurait appelé entrepreneur, moi le premier. Aujourd'hui je suis... un patron d'association ?",
        "iw.creating.constructing_identities",
    ),
    ('"Si toi t\'as pu le faire, moi aussi je peux."', "sut.levers.peer_support"),
    (
        "Et moi, je suis celui qu'on montre. Si ça ferme, c'est pas juste mon garage qui ferme, c'est l'histoire qu'on raconte qui tombe avec.",
        "iw.maintaining.valourizing_demonizing",
    ),
    ("On dépend des aides à l'emploi, qui changent tous les deux ans.", "sut.barriers.means"),
    (
        "Mais il faudrait que quelqu'un appelle les gens le lendemain. Moi, Claire m'a donné sa carte, et c'est moi qui ai rappelé.",
        "sut.levers.follow_up",
    ),
    (
        "Mais aux autres tables, c'était souvent des élus, des consultants, des gens qui parlent bien. Les gens des quartiers, des villages, ils osent pas.",
        "ant.mobilisation.spokespersons",
    ),
]

CAMILLE["INT05"] = [
    (
        "Et ici, pas un endroit où une famille peut acheter un manteau d’enfant à trois euros, réparé, propre.",
        "ant.problematisation.framing",
    ),
    (
        "sur un post-it bleu un peu froissé quelqu’un avait écrit : « ressourcerie textile ? rien entre Lons et Bourg »",
        "ant.interessement.devices",
    ),
    (
        "Il a sorti son Business Model Canvas, ses neuf cases, et il nous a demandé quelle était notre « proposition de valeur ». Pour des vieux vêtements ! Sur le moment, j’ai trouvé ça un peu ridicule.",
        "ant.non_human",
    ),
    (
        "« Vous, vous savez coudre, vous connaissez les tissus. La ressource, c’est vous. »",
        "iw.creating.constructing_identities",
    ),
    (
        "Et à la restitution, c’est Marc qui a pris le micro, devant toute la salle : « L’idée a trouvé sa porteuse. »",
        "ant.mobilisation.spokespersons",
    ),
    (
        "Mais j’avais dit « essayer de voir », et le micro a dit « porteuse ». C’est la salle qui a décidé pour moi.",
        "ant.dissidence",
        "le porte-parole est désavoué après coup",
    ),
    (
        "Dès janvier 2017 on s’est retrouvés à sept, tous les quinze jours",
        "sut.outcomes.sut.group_formation",
    ),
    (
        "En une matinée, on a rempli un garage. Mon garage, à Messia.",
        "sut.resources.places_equipment",
    ),
    (
        "On avait prouvé qu’il y avait des vêtements et des acheteurs. Ce qu’on n’avait pas prouvé, c’est qu’on pouvait tenir.",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "Julien nous a aidées, il faut être juste, et le pôle a demandé à l’agglo la liste des locaux vides.",
        "sut.actors.cluster",
    ),
    (
        "Et puis il fallait un avis de sécurité incendie, refaire l’électricité, et personne ne voulait dire qui payerait les travaux.",
        "sut.barriers.regulation",
    ),
    (
        "On n’a jamais eu de non. On n’a jamais eu de oui non plus. C’est ça le pire, quand personne ne dit non.",
        "sut.actors.public_bodies",
    ),
    (
        "Je le connaissais par cœur, je l’avais rempli quatre fois entre-temps, pour la BGE, pour le pôle, pour préparer le dossier de la Région.",
        "sut.barriers.fragmentation",
    ),
    (
        "« Un jean troué, ce n’est pas un déchet, c’est un sac. »",
        "iw.creating.changing_normative_associations",
    ),
    (
        "Pour le reste, trois personnes ont laissé leur numéro pour venir trier ; une seule est venue, deux samedis.",
        "sut.barriers.attrition",
    ),
    (
        "le surlendemain il y avait ma tête dans le journal : « la ressourcerie textile, un projet qui a trouvé son public »",
        "iw.maintaining.valourizing_demonizing",
    ),
    (
        "On a déposé fin février 2018, l’appel à projets régional pour l’économie sociale et solidaire. Quarante pages.",
        "sut.barriers.regulation",
    ),
    (
        "Elle m’a répondu : « Je comprends, Madame, mais ce sont les critères. »",
        "iw.maintaining.deterring",
    ),
    (
        "Pas de local, donc pas d’argent ; pas d’argent, donc pas de local ; pas d’argent pour payer quelqu’un, donc des bénévoles, et trop de bénévoles, donc pas d’argent.",
        "sut.barriers.means",
    ),
    (
        "Les voisines ont arrêté au printemps, l’une avait le dos en compote, l’autre avait retrouvé du travail. En mai, on était trois le samedi",
        "sut.barriers.attrition",
    ),
    (
        "Mais pendant tout l’hiver et le printemps, du côté de la direction, rien. En 2017 on m’avait mise sur la scène, dans le journal, sur les diapositives. En 2018, silence.",
        "sut.cooperation.trust",
    ),
    (
        "« On nous fait remplir des dossiers, on nous applaudit à Juraparc, et après on est trois dans un garage. »",
        "ant.dissidence",
    ),
    (
        "J’ai dit que j’arrêtais, que je ne voulais pas faire semblant six mois de plus.",
        "ant.dissidence",
    ),
    (
        "Mais elle m’a expliqué que la Fabrique accompagne des gens qui créent leur activité, et qu’un projet collectif de ressourcerie, avec des bénévoles, « ce n’est pas vraiment le cœur du dispositif ».",
        "iw.creating.defining",
    ),
    (
        "J’ai compris ce jour-là qu’on n’était pas dans la bonne case. Et que les cases, c’est ce qui compte.",
        "sut.barriers.fragmentation",
    ),
    (
        "Ce que je reproche à ces soirées, ce n’est pas d’exister, c’est de faire croire. On fait rêver les gens pendant une soirée, avec le buffet, le comté, le vin, les applaudissements, et après on les laisse seuls avec leurs sacs.",
        "iw.disrupting.disassociating_moral_foundations",
    ),
    ("Je lui ai donné les deux machines.", "sut.cooperation.mutual_aid"),
    (
        "« Ne faites rien qui dépende d’un seul dossier, et ne restez jamais seule. »",
        "sut.levers.peer_support",
    ),
    (
        "qu’il faut arrêter de compter les projets qui démarrent. Il faudrait compter les gens qui s’épuisent. Ça, personne ne le compte.",
        "iw.disrupting.undermining_assumptions",
    ),
    (
        "Et si moi, j’avais su dire non, ou au moins « pas tout de suite ».",
        "sut.outcomes.sut.individual_trajectory",
    ),
]

CAMILLE["INT06"] = [
    (
        "Et il y a un jeune homme, Julien, je ne connaissais pas son nom à l’époque, qui m’arrête et qui me dit : « Qu’est-ce qui manque, chez vous, dans votre village ? »",
        "ant.interessement.devices",
    ),
    ("« les vieux tout seuls dans les fermes l’hiver »", "ant.problematisation.framing"),
    (
        "« Mais les personnes âgées, elles ne sont pas là ! » [rires] Enfin si, il y avait moi, j’avais soixante-trois ans, mais vous voyez ce que je veux dire. On parlait à leur place.",
        "ant.mobilisation.spokespersons",
    ),
    (
        "À la fin il fallait remplir la fiche, la fiche de restitution, avec une case en bas : « Qui porte ? » Et la case est restée vide.",
        "ant.non_human",
    ),
    (
        "« Vous ne portez pas une entreprise, vous portez une question que personne ne veut porter. »",
        "iw.creating.constructing_identities",
    ),
    (
        "Mais Julien a été malin, il a traduit au fur et à mesure. Les « clients », ce sont les habitants et leurs enfants.",
        "sut.actors.facilitators",
    ),
    (
        "Mais douze personnes ont mis leur nom pour le groupe de travail. Douze !",
        "sut.outcomes.sut.group_formation",
    ),
    (
        "La première réunion, en janvier, dans la salle du pôle à Lons : neuf personnes. La deuxième, il neigeait, on l’avait mise dans la salle des fêtes de Conliège pour que ce soit plus près des villages : cinq.",
        "sut.barriers.attrition",
    ),
    (
        "Les gens de la Bresse, pour eux, monter à Conliège un mardi soir en février, c’est trois quarts d’heure de route, de nuit, et pour quoi ?",
        "sut.barriers.territory",
    ),
    (
        "une ancienne clerc de notaire qui connaissait bien les questions de succession",
        "sut.resources.skills",
    ),
    (
        "Julien passait quand il pouvait, mais il avait vingt groupes comme le nôtre, le pauvre garçon.",
        "sut.barriers.means",
    ),
    (
        "Et puis un des héritiers a changé d’avis, la maison a été vendue à un Lyonnais pour faire un gîte.",
        "sut.resources.places_equipment",
    ),
    (
        "« Monsieur Grappe, vous n’avez ni apport, ni structure, ni bien immobilier. Je ne peux rien faire pour un projet qui n’existe pas juridiquement. »",
        "sut.barriers.means",
    ),
    (
        "la loi ELAN est arrivée en 2018 avec l’habitat inclusif, le forfait, et personne, nulle part, ne savait nous dire qui décidait de quoi",
        "sut.barriers.regulation",
    ),
    (
        "Fin 2018, on me dit : maintenant il y a la Fabrique, un guichet pour tous les porteurs, allez-y.",
        "ant.problematisation.obligatory_passage_point",
    ),
    (
        "Elle ne me l’a pas dit comme ça, elle a été délicate, mais j’ai compris que je n’étais pas dans les cases.",
        "sut.barriers.fragmentation",
    ),
    (
        "Mais le calendrier des financeurs, ce n’est pas le calendrier d’une personne de quatre-vingt-cinq ans qui passe l’hiver seule.",
        "sut.barriers.regulation",
    ),
    (
        "Le couple de Bletterans est parti, d’abord. Pas fâchés, non, enfin un peu quand même : eux voulaient une coopérative entre amis, un projet militant, et ils trouvaient qu’on allait vers quelque chose de trop institutionnel.",
        "ant.dissidence",
    ),
    (
        "À un moment je me suis dit : je suis en train d’user des gens pour une idée qui n’avance pas.",
        "sut.barriers.attrition",
    ),
    ("« Revenez, mais revenez autrement. »", "sut.levers.follow_up"),
    ("« On ne remplit pas la toile, on cherche le trou. »", "sut.levers.method"),
    (
        "« Là, il n’y a rien. Pas de murs. Tant qu’il n’y a pas de murs, vous faites de la philosophie. »",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "je crois que c’est Claire qui l’avait fait venir, et peut-être que Monsieur Jacquemin, à l’agglo, avait poussé un peu",
        "sut.resources.network",
    ),
    ("« Nous, on a les murs. Ce qu’on n’a pas, c’est la vie dedans. »", "ant.enrolment.roles"),
    (
        "le bailleur rénove un bâtiment dans un bourg du Revermont, avec la pharmacie et la boulangerie à pied, six logements adaptés et une salle commune, et nous, le groupe, on porte ce qu’ils appellent le projet de vie sociale",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "ce n’est plus tout à fait mon projet. C’est le leur, avec leurs normes, leurs délais, leurs commissions d’attribution. Moi je deviens l’animateur bénévole d’un truc dont je ne tiens pas les clés.",
        "ant.enrolment.negotiation",
    ),
    (
        "Il y avait des camemberts projetés au mur, les vingt-deux projets, les cinquante emplois. Et mon projet était dans une petite part grise : « groupe de travail ». Trois ans dans le gris.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Il a cité Vrac’n Roule, le garage, la chaufferie. Il n’a pas cité les groupes qui n’ont pas abouti",
        "iw.maintaining.valourizing_demonizing",
    ),
    (
        "Les trois ans ont servi à apprendre le vocabulaire, à savoir à quelle porte frapper.",
        "sut.outcomes.sut.individual_trajectory",
    ),
    (
        "Pour les chiffres de l’agglo, c’est zéro emploi, donc c’est un échec. Pour les trois personnes âgées qui se sont déjà inscrites sur ma liste, c’est le seul espoir de ne pas finir en maison de retraite à Lons. Ce n’est pas la même comptabilité.",
        "iw.disrupting.undermining_assumptions",
    ),
    (
        "Et trois, ne restez pas seul porteur. Moi j’ai porté trop seul, trop longtemps, par fierté un peu.",
        "sut.levers.peer_support",
    ),
]

CAMILLE["INT07"] = [
    (
        "Elle nous a dit : « Il y a une grande soirée à Juraparc, il faut venir, ce sera pour inventer des choses pour le territoire. »",
        "ant.interessement.devices",
    ),
    (
        "quelqu’un avait écrit sur le mur : « réparer plutôt que jeter ». Une idée sans personne derrière. Julien, du pôle, l’avait gardée pour en faire un atelier.",
        "sut.actors.cluster",
    ),
    (
        "Il disait : « D’abord les gens. Qui a un grille-pain en panne dans son placard ? »",
        "sut.levers.method",
    ),
    (
        "Le vocabulaire m’amusait, je le trouvais un peu ridicule, mais ça obligeait à parler des gens avant de parler de nous.",
        "ant.non_human",
    ),
    (
        "Il a dit : « Maintenant la seule question qui compte : qui dans cette salle met son nom en bas ? »",
        "sut.actors.facilitators",
    ),
    (
        "Elle a dit : « Moi j’ai une salle, le samedi elle est vide. »",
        "sut.resources.places_equipment",
    ),
    ("J’ai dit : « Moi je sais faire des plannings et des affiches. »", "ant.enrolment.roles"),
    (
        "On ne me demandait pas de créer une entreprise. On me demandait un samedi par mois.",
        "sut.resources.time_volunteering",
    ),
    (
        "Et puis il y avait la charte qu’on avait tous signée en arrivant, avec « s’engager sur ce qu’on peut tenir ». Ça m’avait plu, cette phrase. Je me suis dit : ça, je peux le tenir.",
        "ant.non_human",
    ),
    ("avec Julien qui nous a aidées sur l’assurance", "sut.actors.cluster"),
    (
        "Le pôle nous a mises en relation avec d’autres repair cafés, en Franche-Comté, qui nous ont envoyé leur règlement. On l’a recopié, adapté.",
        "iw.creating.mimicry",
    ),
    (
        "« On ne répare pas à votre place, on répare avec vous. » Ça, c’était important pour moi. Ce n’est pas un service gratuit, c’est un lieu où on apprend.",
        "iw.creating.changing_normative_associations",
    ),
    (
        "J’ai noté dans mon cahier : vingt-trois objets, quinze réparés.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Une dame de la cité est venue avec le poste de radio de son mari décédé, et quand il s’est remis à grésiller, elle a pleuré.",
        "sut.outcomes.territory.local_services",
    ),
    (
        "Après ça on a établi une règle : pas de micro-ondes, pas de gros électroménager avec des condensateurs. On l’a affichée, et je l’ai fait respecter",
        "iw.maintaining.policing",
    ),
    (
        "Il a appelé la Chambre de Métiers pour se plaindre qu’on lui volait son travail.",
        "sut.cooperation.tensions",
    ),
    (
        "Finalement on a trouvé un arrangement : quand une panne demande une pièce ou un vrai atelier, on envoie les gens chez lui.",
        "ant.enrolment.negotiation",
    ),
    ("On est passés de concurrents à rabatteurs.", "ant.enrolment.roles"),
    ("Et en face de « repair café », il y avait : zéro. Zéro.", "ant.mobilisation.inscriptions"),
    (
        "On compte les emplois, on ne compte pas les grille-pain !",
        "iw.disrupting.undermining_assumptions",
    ),
    ("Je le lui ai écrit, oui, une petite lettre, à l’ancienne", "iw.creating.advocacy"),
    ("Agnès s’est épuisée, il faut bien le dire.", "sut.barriers.attrition"),
    (
        "Il vient des gens pour faire réparer, il ne vient pas de gens pour réparer.",
        "sut.barriers.attrition",
    ),
    ("Je ne conduis plus la nuit l’hiver, c’est fini.", "sut.barriers.territory"),
    (
        "Et après, ce sont toujours les mêmes qu’on retrouve, les retraités, les gens des associations, ceux qui ont déjà trop d’engagements. Les jeunes, les actifs, on les voit une fois et puis plus jamais.",
        "sut.actors.citizens",
    ),
    (
        "Je me suis dit : attention, ça peut arriver à n’importe lequel d’entre nous. On s’use.",
        "sut.barriers.attrition",
    ),
    (
        "c’est devenu mon rendez-vous. C’est comme la fête de l’école, on y va même quand on n’a plus d’enfants",
        "iw.maintaining.embedding_routinizing",
    ),
    (
        "Elle a pris le micro devant toute la salle et elle a dit, à peu près, qu’il y a deux ans elle était dans la salle sans travail, avec ses ciseaux.",
        "sut.outcomes.sut.individual_trajectory",
    ),
    (
        "Maintenant on sait, il y a des procédures, un programme minuté. C’est normal, ça grandit.",
        "iw.maintaining.embedding_routinizing",
    ),
    (
        "Pour moi personnellement, une deuxième vie de retraitée. Des amitiés, Agnès, Pierre-Yves, Fatou. Le sentiment d’être utile dans ma ville.",
        "sut.outcomes.sut.individual_trajectory",
    ),
    (
        "les bénévoles ne sont pas une ressource inépuisable. On les use comme on use les sols.",
        "sut.barriers.attrition",
    ),
    (
        "Et qu’il y ait quelqu’un de payé pour accompagner les groupes, parce que Julien ne peut pas être partout.",
        "sut.levers.follow_up",
    ),
]

CAMILLE["INT08"] = [
    (
        "c'est notre prof d'éco-gestion qui nous en avait parlé en cours. Elle avait dit que c'était bien pour nous, pour voir des entrepreneurs, et que si on y allait, on pouvait s'en servir pour le dossier de fin d'année.",
        "ant.interessement.devices",
    ),
    (
        "Enfin, au début on était cinq à dire oui, et on était trois le jour J [rires]. Et un des trois est parti vers sept heures et demie.",
        "sut.barriers.attrition",
    ),
    (
        "ma grand-mère, quand l'épicerie a fermé, elle s'est retrouvée sans rien. Le pain, le journal, tout. Elle a pas le permis.",
        "sut.barriers.territory",
    ),
    (
        "Et à l'entrée on nous a fait signer une charte. J'ai signé sans lire, franchement.",
        "ant.non_human",
        "la charte signée sans être lue : l'artefact n'agit guère ici",
    ),
    (
        "Et à un moment il m'a dit : \"Vas-y, toi, explique aux autres.\" J'étais pas trop à l'aise mais je l'ai fait.",
        "sut.actors.facilitators",
    ),
    (
        "Comme si j'étais le représentant officiel de tous les jeunes du Jura",
        "ant.mobilisation.spokespersons",
    ),
    (
        "un endroit où tu peux récupérer un colis, ou commander en ligne et passer prendre le soir, ça ce serait utile. Genre un casier, ou un point relais.",
        "sut.actors.citizens",
    ),
    (
        "Thomas l'avait noté sur un post-it, il l'avait mis dans la case \"gains\" je crois.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Ça aussi c'est le Jura : à dix-neuf ans t'as pas de permis, t'es dépendant de ta mère.",
        "sut.barriers.territory",
    ),
    (
        "Et moi le mardi j'avais cours jusqu'à cinq heures et demie au lycée, et après, pour aller à Revigny sans voiture… Il y a un car le matin et un le soir, et celui du soir il part trop tôt.",
        "sut.barriers.territory",
    ),
    (
        "Après, j'ai arrêté de lire les mails. Ils arrivaient dans mes promotions, genre avec les pubs",
        "sut.barriers.attrition",
    ),
    (
        "Mais une réunion à la mairie avec des retraités pour parler du commerce, ça me faisait un peu peur, genre ça va être deux heures de discussion et rien de concret.",
        "ant.dissidence",
    ),
    (
        "Ils ont ouvert un commerce multiservice l'année dernière, la commune. Il y a une personne embauchée, un petit café, du pain, des produits du coin, et je crois qu'on peut récupérer des colis.",
        "sut.outcomes.territory.local_services",
    ),
    (
        "Mais c'est surtout la maire qui s'est bougée, c'est ce que tout le monde dit au village.",
        "sut.actors.public_bodies",
    ),
    (
        "Le mot start-up, pour moi, c'était un peu exagéré. Mais bon, ça attire, c'est du marketing, je comprends.",
        "ant.interessement.devices",
    ),
    (
        "Je l'ai réutilisé pour mon projet de BTS, l'épreuve de développement d'unité commerciale.",
        "sut.outcomes.sut.individual_trajectory",
    ),
    (
        "Je me suis rendu compte que dans un village on peut faire des trucs. Moi je pensais que les villages ça mourait et c'est tout",
        "sut.outcomes.territory.entrepreneurial_culture",
    ),
    (
        "J'en ai entendu parler par une copine qui a monté son truc d'esthétique à domicile. Elle a été aidée pour le prêt.",
        "sut.outcomes.fae.financing_access",
    ),
    (
        "Et à la soirée, mettre plusieurs jeunes à la même table, pour pas qu'il y en ait un tout seul qui doit parler pour tout le monde.",
        "sut.levers.method",
    ),
]

CAMILLE["INT09"] = [
    (
        "Elle m’a dit en 2016 : « On prépare une grande soirée citoyenne, on a besoin de gens qui savent animer des ateliers avec des outils de business, mais qui ne font pas peur. » [rires] Je crois que c’était un compliment. J’ai dit oui tout de suite.",
        "ant.enrolment.roles",
    ),
    (
        "Ça me fait du réseau, ça me fait connaître, j’ai eu deux clients grâce aux soirées.",
        "sut.resources.network",
    ),
    (
        "Je continue parce que c’est le seul endroit où je vois un éleveur, une infirmière retraitée et un chômeur de vingt-cinq ans penser ensemble sur la même feuille.",
        "sut.levers.method",
    ),
    (
        "C’est devenu la règle. On ne l’a écrite dans le guide du facilitateur que cette année, mais tout le monde l’appliquait déjà.",
        "iw.maintaining.embedding_routinizing",
    ),
    (
        "L’outil reste celui des manuels, la structure est la même. On a juste enlevé le costume de la Silicon Valley pour lui mettre une polaire",
        "iw.creating.mimicry",
        "l'outil importé, habillé de mots locaux",
    ),
    (
        "Le canevas, c’est un objet au milieu de la table. Les gens ne se parlent plus entre eux, ils parlent à la feuille. Ça désamorce énormément de conflits.",
        "ant.non_human",
    ),
    ("Un post-it, ça pèse autant qu’une grande gueule.", "ant.non_human"),
    (
        "Le minuteur de cuisine, aussi, en forme de tomate : dix minutes par bloc. Quand il sonne, tout le monde rit, et ça coupe les monologues sans que j’aie à couper personne.",
        "sut.levers.method",
    ),
    ("Et puis la chaise vide. Ça, je l’ai piqué au design thinking.", "iw.creating.mimicry"),
    (
        "La table, c’était une dizaine de personnes, et ils sont devenus ses consultants, en quelque sorte. Les uns connaissaient les jours de marché, les autres les producteurs de lentilles, de farine, de comté.",
        "sut.resources.skills",
    ),
    (
        "Elle est repartie avec des villages à compter, des producteurs à appeler et trois personnes prêtes à tester la tournée.",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "Oui, avec un porteur, il y a quelqu’un pour emporter le paquet à la fin de la soirée. La fiche de restitution a un nom en bas. Sans porteur, la fiche repart au pôle et elle attend.",
        "iw.creating.theorizing",
    ),
    (
        "Mais le porteur peut aussi tuer l’atelier. J’ai vu des porteurs qui défendent leur bébé, qui répondent « oui mais » à chaque post-it, et au bout d’une heure la table est devenue un public.",
        "sut.actors.project_holder",
    ),
    ("Et à la fin, c’est la commune qui a emporté le paquet.", "ant.enrolment.roles"),
    ("Donc le porteur, ça peut être une institution.", "iw.creating.theorizing"),
    ("vingt-cinq ateliers et pas vingt-cinq facilitateurs, il a fallu ruser", "sut.barriers.means"),
    (
        "Revigny, quand je partais, ça redevenait une conversation de café sur le bon vieux temps.",
        "sut.actors.facilitators",
    ),
    (
        "Là, l’atelier a clairement servi de place de marché entre les partenaires.",
        "sut.resources.network",
    ),
    (
        "En 2017, avec Julien, on a organisé deux soirées de formation au pôle, en octobre, pour les nouveaux. On leur apprenait à remplir le canevas, à distribuer la parole, à ne pas donner leur avis, surtout.",
        "iw.creating.educating",
    ),
    (
        "On a fait une petite grille, les dix commandements du facilitateur, à moitié pour rire. « Tu ne jugeras pas l’idée d’autrui. » « Tu laisseras la case vide plutôt que de la remplir toi-même. »",
        "iw.creating.defining",
    ),
    (
        "Aurélie, qui vient de l’éducation populaire, nous a appris énormément là-dessus, sur la posture.",
        "iw.creating.educating",
    ),
    (
        "Il a passé l’atelier à expliquer que tout ça existait déjà chez eux et qu’il fallait d’abord s’inscrire à leur formation de cinq jours.",
        "sut.cooperation.tensions",
    ),
    (
        "Mais entre la CCI et la BGE, par exemple, il y a des frottements, tout le monde le sait.",
        "sut.cooperation.tensions",
    ),
    ("Nadia fait un gros travail pour que ça reste une table commune.", "sut.actors.cluster"),
    (
        "Maintenant, quand un porteur sort d’un atelier avec une envie de créer, il y a une porte où frapper : Nadia, à la Fabrique, qui l’oriente vers le bon partenaire. C’est une vraie passerelle.",
        "sut.outcomes.fae.orientation",
    ),
    (
        "Pour les projets associatifs, collectifs, les histoires de repair café ou d’habitat partagé, la Fabrique n’est pas outillée, et ils restent dans le flou. C’est le grand trou du dispositif.",
        "sut.barriers.fragmentation",
    ),
    (
        "Le format est conçu pour le pic, pas pour la durée. Je le dis souvent à Claire : on investit quatre-vingt-dix pour cent de l’énergie dans une soirée, dix pour cent dans les deux ans qui suivent.",
        "iw.creating.theorizing",
    ),
    (
        "Mais une soirée, ça fait des photos dans le journal, ça plaît aux élus. Un groupe de travail qui se réunit pour la septième fois dans une salle des fêtes, personne ne le photographie.",
        "iw.maintaining.valourizing_demonizing",
    ),
    (
        "Les ateliers ne créent pas d’emplois. Ce sont les gens qui créent des emplois, deux ans plus tard, après avoir été aidés par dix organismes différents.",
        "iw.disrupting.undermining_assumptions",
    ),
    (
        "Si on lui demande de justifier sa subvention en emplois, on va finir par ne faire que des ateliers avec porteur, parce que ce sont ceux qui « rendent ».",
        "iw.maintaining.policing",
    ),
    (
        "Mais à force de la raconter, elle devient une légende qui justifie tout. Et une légende, ça dispense de regarder ce qui ne marche pas.",
        "iw.maintaining.mythologizing",
    ),
    ("Un, il n’y a qu’un Julien pour tout le suivi, c’est intenable.", "sut.barriers.means"),
    (
        "Deux, les groupes de travail se font aux heures des retraités et dans des lieux où on ne va qu’en voiture, donc on perd les jeunes et les actifs.",
        "sut.barriers.territory",
    ),
    (
        "On laisse partir des groupes de travail sur des projets qui n’ont aucune chance, par gentillesse, et les gens s’épuisent pendant deux ans.",
        "sut.barriers.attrition",
    ),
    (
        "Je voudrais qu’on fasse moins d’ateliers, mieux préparés, et qu’on suive vraiment les groupes pendant six mois, avec un facilitateur attitré par groupe.",
        "sut.levers.follow_up",
    ),
    (
        "Le canevas n’a jamais créé une entreprise. C’est un support de conversation. Ce qui fait le travail, c’est la personne qui repart avec la fiche et qui décroche son téléphone le lundi.",
        "iw.creating.theorizing",
    ),
]

CAMILLE["INT10"] = [
    (
        "Elle avait un projet de grande soirée, elle cherchait un soutien de l’agglomération, un peu d’argent, et surtout une caution politique.",
        "iw.creating.advocacy",
    ),
    (
        "Elle m’a dit une phrase qui m’est restée, à peu près ceci : qu’on ne ferait jamais venir une usine à Orbagna, mais qu’à Orbagna il y avait des gens pleins d’idées qui ne savaient pas à qui les dire. Ça m’a piqué, parce que c’était vrai.",
        "iw.creating.advocacy",
    ),
    (
        "Là, il y avait des jeunes, des agriculteurs en bleu de travail, des femmes seules avec des enfants, des gens au chômage, qui prenaient la parole, qui écrivaient, qui discutaient avec des chefs d’entreprise.",
        "sut.actors.citizens",
    ),
    (
        "Au moment de la restitution, j’ai repris le micro pour dire que c’était la plus belle réunion publique de mon mandat, et je le pensais.",
        "sut.levers.recognition",
    ),
    (
        "Je suis rentré chez moi en me disant : on a un outil, il faut le protéger.",
        "ant.enrolment.roles",
    ),
    (
        "Certains maires ruraux m’ont dit : « Encore un truc pour Lons, nous on ne voit rien. » Et d’autres, plus gestionnaires, m’ont dit : « Ce n’est pas notre métier de financer des soirées. »",
        "sut.cooperation.tensions",
    ),
    (
        "J’ai répondu que depuis la loi NOTRe, le développement économique, c’est précisément notre métier, avec la Région. Et que les entreprises de demain ne viendront pas toutes de la zone d’activités.",
        "iw.creating.advocacy",
    ),
    (
        "Quand Sylvie prend la parole au conseil communautaire pour dire « moi, ça m’a servi », ça vaut dix de mes discours. Un maire rural écoute un autre maire rural",
        "ant.mobilisation.spokespersons",
    ),
    (
        "L’idée, c’est de mettre autour d’une même table tous ceux qui accompagnent les créateurs : la BGE, Initiative Jura, les chambres consulaires, Pôle emploi, l’Adie. Qu’un porteur de projet n’ait plus à faire six guichets pour comprendre à qui s’adresser.",
        "iw.creating.constructing_normative_networks",
    ),
    (
        "Il y a eu une année de discussions, et la convention a été signée en 2018, entre la Caisse des Dépôts, l’agglomération et la SCIC Territoires en Commun, qui porte la Fabrique.",
        "iw.creating.vesting",
    ),
    (
        "J’ai défendu la SCIC, parce qu’une coopérative d’intérêt collectif, par construction, elle associe tout le monde : des collectivités, des entreprises, des salariés, des bénévoles. Personne n’y est chez soi, tout le monde y est un peu.",
        "sut.cooperation.collective_governance",
    ),
    (
        "La Fabrique, sans la soirée en amont, c’est un guichet de plus. Avec la soirée, c’est une filière.",
        "iw.creating.theorizing",
    ),
    (
        "certains, à la CCI, l’ont vécu comme une concurrence déloyale. Il y a eu une réunion, au printemps 2018, assez tendue, où l’on m’a dit en substance que nous financions un doublon.",
        "sut.cooperation.tensions",
    ),
    (
        "J’ai répondu que le doublon, c’était plutôt d’avoir six portes d’entrée que personne ne connaissait.",
        "ant.interessement.detaching",
    ),
    (
        "La CCI garde ce qui est son cœur de métier : les formalités, sa formation à la création, l’accompagnement des reprises de commerces. Elle siège au comité des partenaires de la Fabrique, elle y est pleinement associée.",
        "ant.enrolment.negotiation",
    ),
    (
        "Et j’ai rappelé, gentiment, que l’agglomération finance aussi certaines actions de la CCI, et que nous tenions à ce que tout le monde joue collectif.",
        "ant.enrolment.negotiation",
    ),
    (
        "François Dole, le conseiller de la CCI, qui était très réservé au départ, travaille aujourd’hui correctement avec Nadia Cheref.",
        "ant.enrolment.roles",
    ),
    (
        "Et la BGE, Olivier Tissot et son équipe, ils ont tout de suite vu l’intérêt : plus de porteurs orientés vers eux.",
        "ant.enrolment.roles",
    ),
    (
        "Plus de cent trente idées recueillies, soixante-cinq ateliers sur trois éditions, vingt-deux projets démarrés, plus de deux cents réunions de travail, et une cinquantaine d’emplois.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Ce sont des réussites qu’on peut montrer, et je les montre.",
        "iw.maintaining.valourizing_demonizing",
    ),
    (
        "un chiffre qu’on ne donne pas, c’est un chiffre que d’autres donnent à votre place. Si je ne dis pas « cinquante », on me dira « zéro ».",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Une implantation industrielle, elle peut repartir dans dix ans si le groupe décide de délocaliser. Une épicerie itinérante tenue par quelqu’un qui vit ici, elle ne délocalise pas.",
        "iw.creating.changing_normative_associations",
    ),
    (
        "C’est l’image d’un territoire où l’on ose.",
        "sut.outcomes.territory.entrepreneurial_culture",
    ),
    (
        "Je l’ai présentée deux fois devant d’autres intercommunalités de la région, qui voulaient la copier.",
        "sut.levers.recognition",
    ),
    (
        "L’association La Fabrique Textile avait besoin d’un local, et l’agglomération n’en avait pas à proposer à ce moment-là, nos bâtiments étaient tous occupés ou inadaptés.",
        "sut.barriers.means",
    ),
    (
        "Mais le calendrier d’un appel à projets, avec un dépôt en février et une réponse en juin, ce n’est pas le calendrier d’une équipe de bénévoles.",
        "sut.barriers.regulation",
    ),
    (
        "Au comité de pilotage de janvier, j’ai cité le repair café comme un exemple de lien social.",
        "iw.maintaining.valourizing_demonizing",
    ),
    (
        "Quand je défends la subvention au bureau, je ne peux pas dire « grille-pain ». Je dois dire « emplois », « attractivité », « effet de levier ». Ce n’est pas du cynisme, c’est de la traduction.",
        "ant.mobilisation.spokespersons",
    ),
    (
        "La Caisse des Dépôts ne finance jamais seule, et pas indéfiniment : elle amorce, et c’est ensuite au territoire de prendre une part plus grande.",
        "sut.actors.funders",
    ),
    (
        "continuer, mais avec des objectifs plus clairs, des indicateurs partagés dès le départ, pour ne pas se disputer sur les chiffres après coup",
        "iw.maintaining.policing",
    ),
    (
        "Et peut-être espacer les soirées, une tous les deux ans, en mettant davantage de moyens sur le suivi des groupes de travail.",
        "sut.levers.follow_up",
    ),
    (
        "Avant, pour nous, le développement économique, c’était de l’aménagement de zones, de l’accueil d’entreprises, des aides à l’immobilier. De la tuyauterie. La soirée nous a appris que les habitants ont des idées",
        "sut.outcomes.territory.entrepreneurial_culture",
    ),
]

CAMILLE["INT11"] = [
    (
        "on s’est regardés avec ma directrice en se disant : encore un truc. On en a vu passer, des dispositifs.",
        "sut.cooperation.trust",
    ),
    (
        "Parce que Claire a insisté, et parce que… bon, quand l’agglo est derrière, on ne reste pas chez soi.",
        "ant.enrolment.negotiation",
    ),
    (
        "Des gens qui ne poussent jamais la porte de la BGE. Notre public, c’est des gens qui ont déjà décidé de créer.",
        "sut.actors.citizens",
    ),
    (
        "j’ai compris que le pôle faisait un travail qu’on ne sait pas faire : aller chercher les gens avant qu’ils soient des porteurs. Nous, on travaille sur la demande. Eux, ils la fabriquent, la demande, si vous voulez.",
        "sut.actors.cluster",
    ),
    (
        "la soirée fabrique une sorte d’euphorie, et que l’euphorie, ça retombe. Et ceux qui ramassent les morceaux, c’est souvent nous, ou Initiative Jura, ou l’Adie.",
        "sut.actors.support_organisations",
    ),
    (
        "Je l’ai dit à Julien Brocard, après la deuxième soirée, en 2017, un peu sèchement peut-être. Et je dois reconnaître qu’ils ont bougé.",
        "ant.enrolment.negotiation",
    ),
    (
        "Julien m’a aussi demandé de faire vingt minutes devant les facilitateurs bénévoles, avant la soirée, sur ce qui se passe après : les statuts, le temps que ça prend, les chiffres.",
        "iw.creating.educating",
    ),
    (
        "du jour au lendemain elle devient le chef d’orchestre de la BGE, de la CCI, de la Chambre de Métiers, d’Initiative Jura, de l’Adie, de Pôle emploi. Nous, ça fait trente ans qu’on fait ce métier. Il y avait un petit côté… « qui t’es, toi ? ».",
        "sut.cooperation.tensions",
    ),
    (
        "Une bonne partie de notre budget, c’est la Région, à l’acte : un parcours d’accompagnement, une somme, avec des justificatifs, des heures, des signatures.",
        "iw.maintaining.policing",
    ),
    ("Au bout du compte le même monsieur est compté quatre fois", "ant.mobilisation.inscriptions"),
    (
        "une fiche de liaison commune, avec un numéro par porteur, et une règle : celui qui fait l’accompagnement principal est le référent, les autres sont contributeurs",
        "iw.creating.defining",
    ),
    (
        "on s’est mis d’accord au comité technique sur une règle qui était non écrite et qui est maintenant dans le règlement de la Fabrique : on ne démarche pas le porteur d’un autre.",
        "iw.creating.constructing_normative_networks",
    ),
    (
        "Ils ont signé parce que l’agglo le souhaitait, et ils viennent… un comité sur deux, disons. Ils n’ont jamais vraiment admis que la porte d’entrée de la création, sur ce territoire, ce soit la SCIC.",
        "ant.dissidence",
        "la CCI conteste le point de passage",
    ),
    (
        "On a décidé de jouer le jeu. Pour une raison très simple : les porteurs de la soirée, on ne les aurait jamais eus sans elle.",
        "ant.enrolment.roles",
    ),
    (
        "D’habitude, on a un individu avec un projet. Là, on avait un projet avec des gens autour. C’est une autre façon de voir la création d’entreprise. Pas le héros solitaire, mais une affaire portée par un morceau de territoire.",
        "iw.creating.changing_normative_associations",
    ),
    (
        "Dès le début elle a dit : « nous, on n’accompagne pas, on détecte et on oriente ». Elle l’a répété à chaque COPIL, presque mot pour mot.",
        "ant.enrolment.negotiation",
    ),
    (
        "Claire a cité la BGE au micro, devant trois cent cinquante personnes, en disant que les porteurs pourraient venir nous voir. Pour nous, c’est une visibilité qu’on ne peut pas s’offrir.",
        "ant.interessement.devices",
    ),
    (
        "la convention de la Fabrique prévoit une petite participation pour les partenaires",
        "sut.resources.funding",
    ),
    (
        "Nadia surtout. Elle vient du terrain, elle ne se prend pas pour une conseillère. Ça aide énormément.",
        "sut.actors.cluster",
    ),
    (
        "Pendant les comités techniques, oui, c’est un terrain neutre. C’est là où la CCI et nous, on se parle, ce qui n’arrivait pas avant. Nadia fait circuler la liste des porteurs, chacun dit où il en est.",
        "iw.creating.constructing_normative_networks",
    ),
    (
        "Donc il y a une… une appropriation, disons. Qui m’agace parfois.",
        "sut.cooperation.tensions",
    ),
    (
        "Et en même temps je comprends : s’ils n’affichent pas de résultats, l’agglo coupe, et la Fabrique disparaît.",
        "iw.maintaining.policing",
    ),
    (
        "Moi j’ai des rendez-vous jusqu’à dix-huit heures, les heures du soir ne sont pas payées, ou alors en récupération, et on est trois conseillers pour tout le sud du département.",
        "sut.barriers.means",
    ),
    (
        "Aller à Cousance pour six personnes, sans être sûr qu’il y ait un porteur… une heure de route aller-retour, l’hiver, de nuit, avec le brouillard de la Bresse.",
        "sut.barriers.territory",
    ),
    (
        "Mais il n’y avait pas de local, pas de modèle économique, tout reposait sur des bénévoles qui triaient des sacs de vêtements dans un garage.",
        "sut.barriers.means",
    ),
    (
        "il y a un décalage entre le temps de la soirée, qui est un temps d’enthousiasme, et le temps des financeurs, qui est un temps de dossiers. Et ce décalage-là, il tue des projets.",
        "iw.creating.theorizing",
    ),
    (
        "Nadia l’accueille, fait le premier diagnostic, l’oriente chez moi pour les chiffres et chez Christine pour le financement des machines, et Rachid suit le côté allocations. Quatre structures, et la porteuse ne l’a pas vécu comme un parcours du combattant, parce qu’on se parlait.",
        "sut.outcomes.fae.orientation",
    ),
    (
        "Mais c’est quelqu’un qui est passé par un échec et qui revient : la démarche a permis ça, une deuxième chance.",
        "sut.outcomes.sut.individual_trajectory",
    ),
    (
        "Chacun retournerait dans son couloir, et on reviendrait à un territoire où le créateur fait le tour des bureaux.",
        "sut.barriers.fragmentation",
    ),
    (
        "on nous demande d’être partenaires le jeudi au comité technique, et le lundi on répond au même marché public que la CCI",
        "sut.cooperation.tensions",
    ),
]

CAMILLE["INT12"] = [
    (
        "« on voudrait que des demandeurs d'emploi viennent, pas comme public cible, comme citoyens »",
        "ant.problematisation.interdefinition",
    ),
    (
        "Et chez nous, ça ne va pas de soi, parce que tout est organisé par publics, par catégories, par dispositifs.",
        "sut.barriers.fragmentation",
    ),
    (
        "on a repéré, dans mon portefeuille et dans celui des collègues volontaires, les personnes qui avaient évoqué une idée de création, ou qui avaient un savoir-faire, un métier manuel, et on leur a envoyé un mail. Une centaine, à peu près.",
        "ant.interessement.devices",
    ),
    (
        "« si je vais à une soirée sur des projets d'entreprise, on va dire que je ne cherche plus de travail ? » Ou : « si je fais du bénévolat dans le groupe, je perds mes droits ? »",
        "sut.barriers.fear_risk",
    ),
    (
        "La trace dans le dossier, c'était pour les rassurer. Je leur disais : c'est noté, c'est une démarche, vous êtes dans votre parcours.",
        "iw.disrupting.disconnecting_sanctions",
        "détacher la participation de la menace de radiation",
    ),
    (
        "Ensuite le transport. Juraparc, c'est au bout de Lons, il n'y a plus de bus le soir, et quelqu'un qui habite à Arinthod ou à Saint-Julien, sans voiture, il ne vient pas.",
        "sut.barriers.territory",
    ),
    (
        "Julien avait mis en place un tableau de covoiturage, mais les gens ne se connaissaient pas, ils n'osaient pas appeler un inconnu.",
        "sut.cooperation.trust",
    ),
    (
        "Je ne voulais pas que mes demandeurs d'emploi se sentent observés par leur conseiller pendant qu'ils prenaient la parole.",
        "sut.actors.support_organisations",
    ),
    (
        "j'ai dit que s'il faisait des tarifs pour les demandeurs d'emploi qui ont besoin d'une voiture pour reprendre un travail, je lui enverrais du monde [rires]. Thomas Girod, qui animait, m'a regardé en souriant, l'air de dire : vous voyez, vous êtes pris.",
        "ant.enrolment.roles",
    ),
    (
        "« on n'a plus de commerce, mais ce soir on a une maire qui écoute »",
        "ant.mobilisation.spokespersons",
    ),
    (
        "Et cet emploi, figurez-vous, il a été pourvu par une offre déposée chez nous.",
        "sut.outcomes.territory.ventures_jobs",
    ),
    (
        "Donc on a organisé les orientations de nos conseillers vers le garage. Et puis quand Roue Libre a pu recruter, on a monté ensemble un contrat aidé.",
        "ant.enrolment.roles",
    ),
    (
        "Karim, c'est un des rares cas où je peux montrer quelque chose de chiffré à ma hiérarchie.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Une vraie couturière, mais sans diplôme français. Et pour nous c'est un problème, parce que dans nos outils, sans diplôme, sans titre, le métier de couturière est… fragile, on ne peut pas la positionner sur les offres qualifiées.",
        "sut.barriers.regulation",
    ),
    (
        "Elle m'a dit : « une soirée d'entrepreneurs ? Moi ? » Elle ne se voyait pas du tout là-dedans.",
        "sut.barriers.fear_risk",
    ),
    (
        "Je crois que ça l'a touchée, qu'on lui dise qu'elle avait quelque chose à apporter et pas quelque chose à demander.",
        "iw.creating.constructing_identities",
    ),
    (
        "Elle avait un rôle. Dans l'atelier, elle avait proposé des ateliers de retouche et de transformation, et Hélène avait dit oui.",
        "ant.enrolment.roles",
    ),
    (
        "Oui, on peut faire du bénévolat quand on est indemnisé, à condition que ça ne remplace pas un poste salarié et que ça n'empêche pas de chercher. Mais c'est flou pour les gens.",
        "sut.barriers.regulation",
    ),
    (
        "Puis au printemps 2019, je l'ai orientée vers Activ'Créa, une prestation de chez nous pour explorer une idée de création, trois mois. Ça, c'est prescriptible, ça rentre dans les cases.",
        "sut.actors.support_organisations",
    ),
    (
        "C'est Nadia qui l'a poussée à mettre son idée sur le mur des idées, au marché, en septembre, et à venir à la soirée de novembre avec son projet à elle.",
        "sut.actors.cluster",
    ),
    (
        "Pour les gens du pôle, Pôle emploi, c'était le contrôle, la radiation, la machine.",
        "sut.cooperation.trust",
    ),
    (
        "Quand j'ai un demandeur d'emploi qui veut créer, j'appelle Nadia, et elle me dit si c'est plutôt pour la BGE, pour la Chambre de Métiers ou pour l'Adie. Avant, j'envoyais tout le monde à la BGE par défaut",
        "sut.outcomes.fae.orientation",
    ),
    (
        "Quand Fatou va à la soirée, quand elle trie des vêtements dans un garage, dans les tableaux c'est une demandeuse d'emploi de longue durée qui ne retrouve pas. Point.",
        "iw.maintaining.policing",
    ),
    (
        "Depuis 2019, la soirée figure dans l'agenda des événements de l'agence, à côté des forums emploi et des jobdatings.",
        "iw.maintaining.embedding_routinizing",
    ),
    ("Deux ans après, c'est elle qui tient le feutre.", "sut.outcomes.sut.individual_trajectory"),
    (
        "Il y a des demandeurs d'emploi venus en 2017, qui ont participé à un atelier, laissé leur numéro, et que personne n'a rappelés.",
        "sut.levers.follow_up",
        "le suivi en creux : personne n'a rappelé",
    ),
    (
        "Quelqu'un qui est déjà fragile, qu'on remet en mouvement et à qui on ne répond pas, c'est pire que si on ne l'avait jamais invité.",
        "sut.cooperation.trust",
    ),
    (
        "Le maintien des allocations, l'aide à la reprise ou à la création, l'exonération de charges, les gens n'y comprennent rien, et les règles ont changé deux fois depuis 2017.",
        "sut.barriers.regulation",
    ),
    (
        "Moi, au téléphone, je ne dis jamais « Start-Up de Territoire ». Je dis « une soirée où les habitants réfléchissent ensemble à des projets pour le coin ».",
        "ant.interessement.devices",
    ),
    (
        "J'ai compris que pour certaines personnes, surtout ici, dans les villages, où il n'y a pas d'offres qui correspondent à ce qu'elles savent faire, créer son activité, c'est la seule façon de rester.",
        "sut.outcomes.territory.entrepreneurial_culture",
    ),
]

CAMILLE["INT13"] = [
    (
        "Une Fabrique, ce n’est pas une structure de plus. Ce n’est pas un nouvel accompagnateur. C’est un dispositif de coordination.",
        "iw.creating.defining",
    ),
    (
        "et que le créateur, surtout le créateur qui n’a pas les codes, se perd entre eux",
        "sut.barriers.fragmentation",
    ),
    (
        "Donc on finance un chef de file qui organise une porte d’entrée lisible, un comité des partenaires, des actions de sensibilisation, et un suivi commun.",
        "ant.problematisation.obligatory_passage_point",
    ),
    (
        "elle n’est pas arrivée avec un dossier, elle est arrivée avec des photos. Juraparc plein, trois cent cinquante personnes, des tables partout, des feuilles couvertes de post-it, une file d’attente au buffet",
        "ant.mobilisation.inscriptions",
    ),
    ("« la détection, on sait faire ; ce qui manque, c’est la suite »", "iw.creating.advocacy"),
    (
        "Il a fallu expliquer le sociétariat, le fait que l’agglomération soit au capital, que les partenaires soient associés à la gouvernance.",
        "sut.cooperation.collective_governance",
    ),
    (
        "Ce n’est pas le chômage de masse, c’est l’érosion. Et l’érosion, on ne la voit pas dans les tableaux.",
        "ant.problematisation.framing",
    ),
    (
        "Un cofinancement, avec une participation d’ECLA à peu près équivalente à la nôtre, ce qui est une condition chez nous — on ne finance jamais seul.",
        "sut.resources.funding",
    ),
    (
        "Et des engagements de la SCIC : animer le comité des partenaires, tenir un accueil de premier niveau, produire un bilan annuel avec des indicateurs communs au réseau national.",
        "iw.creating.vesting",
    ),
    (
        "Les partenaires, eux, signent une charte d’engagement, qui n’a pas la même valeur juridique mais qui dit qui fait quoi.",
        "iw.creating.defining",
    ),
    (
        "Le nombre de personnes accueillies, le nombre orientées vers un partenaire, le nombre accompagnées, les créations, avec le statut, la pérennité à trois ans quand on a le recul.",
        "iw.maintaining.policing",
    ),
    (
        "Quand je remonte un bilan au niveau national, je ne peux pas mettre cinquante emplois dans la colonne Fabrique.",
        "iw.maintaining.policing",
    ),
    (
        "Un porteur accueilli, pour moi, c’est quelqu’un qui a eu un entretien individuel, avec une fiche. Ce n’est pas quelqu’un qui a écrit une idée sur le mur des idées au marché du samedi.",
        "iw.creating.defining",
    ),
    (
        "Nadia Cheref a fait un travail remarquable sur le suivi : un identifiant par porteur, une fiche de liaison, un tableau partagé avec les partenaires.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "le pôle a besoin d’une grande histoire pour mobiliser — la soirée, les centaines de citoyens, le territoire qui se prend en main — et moi j’ai besoin de chiffres propres pour défendre le renouvellement",
        "iw.maintaining.mythologizing",
    ),
    (
        "La soirée de 2017, on la raconte maintenant à des rencontres régionales des Fabriques, et même au-delà.",
        "iw.maintaining.valourizing_demonizing",
    ),
    (
        "on peut dupliquer le déroulé — le mur, les canevas, la restitution, le buffet avec les produits locaux — mais pas les personnes",
        "iw.creating.theorizing",
    ),
    (
        "La soirée tient à un réseau de confiance construit sur des années, à quelques individus, à une directrice qui connaît tout le monde, à des facilitateurs bénévoles.",
        "sut.levers.proximity",
    ),
    (
        "L’Adie, très vite, parce qu’ils cherchent précisément le public que la soirée fait venir.",
        "ant.enrolment.roles",
    ),
    (
        "La CCI a signé, elle est autour de la table, mais on sent qu’elle considère que la création d’entreprise, c’est son métier historique, et qu’elle n’a pas besoin d’une SCIC pour le lui rappeler. Ça se traduit par une présence irrégulière aux comités et des chiffres qu’on a du mal à obtenir.",
        "ant.dissidence",
    ),
    (
        "est-ce qu’il y a vraiment coordination, ou est-ce qu’il y a un chef de file qui parle au nom de tout le monde ? Ce n’est pas la même chose.",
        "ant.mobilisation.spokespersons",
    ),
    (
        "Bernard Jacquemin a toujours porté le dossier ; s’il ne retrouve pas la délégation, il faudra tout réexpliquer.",
        "sut.actors.public_bodies",
    ),
    (
        "La SCIC doit rester chef de file et ne pas devenir un accompagnateur concurrent des partenaires. J’ai senti parfois la tentation, parce que Nadia est compétente et que les porteurs l’aiment bien. Il faut qu’elle oriente, pas qu’elle garde.",
        "iw.maintaining.policing",
    ),
    (
        "Il faut un accueil toute l’année, et idéalement des permanences dans les bourgs, à Bletterans, à Orgelet, là où les gens vivent.",
        "sut.levers.proximity",
    ),
    ("Résultat, la SCIC avance la trésorerie.", "sut.barriers.means"),
    (
        "Il faut accepter qu’une partie échoue. C’est normal en création, et c’est même sain. Ce qui m’inquiéterait, c’est un bilan où tout réussit.",
        "iw.creating.changing_normative_associations",
    ),
    (
        "Ça aide à dire que la soirée n’est pas une fête, que c’est une méthode, avec des effets différenciés.",
        "iw.creating.theorizing",
    ),
    (
        "Celle d’un traducteur, peut-être. Je passe mon temps à expliquer au siège ce qu’est un PTCE, une SCIC, une soirée à Juraparc, et à expliquer au pôle ce qu’est un comité d’engagement, un indicateur national, un versement sur justificatif.",
        "ant.mobilisation.spokespersons",
    ),
    (
        "Quand Claire voulait inclure le financement de la soirée dans l’enveloppe Fabrique, j’ai dit non : la sensibilisation, oui, l’événement complet avec le buffet et la location de Juraparc, non. Ça a un peu coincé.",
        "ant.enrolment.negotiation",
    ),
    (
        "La Fabrique finance la partie forum des partenaires et le suivi des porteurs après la soirée. Le reste, c’est l’agglomération, la Région et des partenaires privés.",
        "sut.resources.funding",
    ),
    (
        "Ce que j’ai vu au COPIL de janvier, c’est une équipe fatiguée. Julien Brocard m’a paru épuisé.",
        "sut.barriers.attrition",
    ),
    (
        "La preuve qu’on peut commencer par les habitants et pas par les structures.",
        "iw.creating.theorizing",
    ),
]

CAMILLE["INT14"] = [
    (
        "Et moi je n’ai pas le diplôme français, pas le CAP. Donc à Pôle emploi, on me proposait ménage, usine, agent de production.",
        "sut.barriers.regulation",
    ),
    (
        "Il m’a téléphoné, en octobre je crois, et il m’a dit : il y a une soirée à Juraparc, des gens qui font des projets, il y a un atelier sur le textile, vous devriez y aller.",
        "ant.interessement.devices",
    ),
    (
        "Moi j’ai dit : une soirée d’entrepreneurs ? Moi ? [rires] Je pensais que c’était pour des gens en costume, avec des ordinateurs.",
        "sut.barriers.fear_risk",
    ),
    (
        "Il m’a dit : vous savez coudre, eux ils ne savent pas. Et ça… ça m’a fait quelque chose. D’habitude à Pôle emploi on me disait ce qui me manquait. Là on me disait ce que j’avais.",
        "iw.creating.constructing_identities",
    ),
    (
        "Parce que moi je ne conduis pas, et Juraparc, le soir, sans voiture…",
        "sut.barriers.territory",
    ),
    (
        "J’ai signé. Après j’ai pensé que c’était bien, de signer. On était tous pareils, le monsieur de l’agglo et moi, la même feuille.",
        "ant.non_human",
    ),
    (
        "Et moi je me suis dit : mais moi je sais quoi en faire, de ces vêtements ! C’est là que j’ai eu moins peur.",
        "ant.interessement.devices",
    ),
    (
        "Aurélie, je l’aime beaucoup, elle a une façon… elle ne te laisse pas dans ton coin.",
        "sut.actors.facilitators",
    ),
    (
        "J’ai cru que la proposition de valeur, c’était le prix [rires]. Aurélie a expliqué, avec des exemples.",
        "iw.creating.educating",
    ),
    (
        "Hélène a dit : il faut que tu fasses des ateliers de retouche, toi. Comme ça, devant tout le monde. Je ne savais pas quoi répondre. J’ai dit oui.",
        "ant.enrolment.roles",
    ),
    (
        "En rentrant, dans la voiture, ma voisine m’a dit : tu étais une autre personne ce soir. C’est vrai.",
        "sut.outcomes.sut.individual_trajectory",
    ),
    (
        "Au printemps, il y a eu une vente dans une salle à Lons, et j’ai fait mon premier atelier de retouche, avec ma machine que j’avais portée dans un sac de courses, en bus",
        "sut.resources.time_volunteering",
    ),
    (
        "Le pôle avait demandé à l’agglo une liste des locaux vides, mais ce qui était libre était trop cher ou trop loin, ou il fallait tout refaire.",
        "sut.barriers.means",
    ),
    (
        "Et pendant ce temps, les bénévoles partaient. Pas fâchés, juste fatigués, ou ils avaient trouvé du travail… En mai on était trois le samedi.",
        "sut.barriers.attrition",
    ),
    (
        "À la soirée, tout le monde applaudit, tout le monde dit c’est formidable, et après on est trois dans un garage froid, et un dossier décide de tout.",
        "ant.dissidence",
    ),
    (
        "Il m’a écoutée. Il n’avait pas de réponse, lui non plus avait trop de projets à suivre.",
        "sut.barriers.means",
    ),
    ("Monique, c’est… c’est une mamie pour moi, elle me pousse.", "sut.levers.peer_support"),
    (
        "Ça m’a donné l’idée que ma place, ce n’était pas seulement la retouche. C’était transformer.",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "Et puis Rachid m’a trouvé une immersion, quinze jours chez une retoucheuse du centre-ville, à l’automne.",
        "sut.actors.support_organisations",
    ),
    ("Elle m’a appris les prix. Moi je ne savais pas compter mon temps.", "sut.resources.skills"),
    (
        "Je vendais le sac trente-cinq euros et je passais deux heures et demie dessus.",
        "sut.barriers.means",
    ),
    (
        "Un : la soirée revient en novembre, mets ton idée sur le mur au marché, et viens avec ton projet, cette fois c’est toi la porteuse. Deux : on va voir la BGE pour les chiffres et l’Adie pour la machine.",
        "sut.outcomes.fae.orientation",
    ),
    (
        "Porteuse, chez nous, c’est la femme qui porte l’eau ou le bébé sur le dos.",
        "iw.creating.constructing_identities",
    ),
    (
        "quelqu’un avait ajouté des petits papiers en dessous : « j’ai des draps anciens », « je veux apprendre », et une dame avait laissé son numéro.",
        "sut.resources.network",
    ),
    ("Sans le mur, jamais je ne l’aurais revue.", "ant.non_human"),
    ("Nadia m’a aidée à préparer trois phrases pour présenter.", "sut.actors.cluster"),
    (
        "Une participante a dit : tu te paies moins que le SMIC. C’était dur à entendre, mais c’était vrai.",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "Aurélie a dit qu’elle prêterait la salle de son association pour essayer.",
        "sut.resources.places_equipment",
    ),
    (
        "Nadia a dit : pas de local tant que tu n’as pas six mois de ventes. Elle avait raison. J’ai pensé au garage d’Hélène.",
        "sut.actors.cluster",
    ),
    (
        "J’ai dit que deux ans avant j’étais dans la salle sans travail, avec mes ciseaux, et que ce soir j’avais un prix pour mon sac.",
        "sut.outcomes.sut.individual_trajectory",
    ),
    (
        "Olivier, il m’a fait refaire les chiffres trois fois [rires], mais maintenant je sais combien coûte une heure de mon travail.",
        "sut.outcomes.fae.skills",
    ),
    (
        "Elle en a pris vingt en janvier pour voir, et elle m’en a déjà redemandé dix. Ça, c’est une vraie commande, pas un marché de créateurs.",
        "sut.levers.peer_support",
    ),
    (
        "Et la table de coupe, là, c’est Marc Lacroix qui me l’a faite, avec des chutes de sa menuiserie. Il n’a pas voulu que je paie, il a dit que c’était son parrainage.",
        "sut.actors.businesses",
    ),
    (
        "La banque, pour moi, même pas la peine, je suis demandeuse d’emploi, pas de garantie.",
        "sut.barriers.means",
    ),
    (
        "Christine m’a aidée à tout préparer, on attend le comité.",
        "sut.actors.support_organisations",
    ),
    (
        "Quand on a été au chômage longtemps, on a peur de perdre le peu qu’on a.",
        "sut.barriers.fear_risk",
    ),
    (
        "sur les dix, on s’est revus à quatre en décembre, et à trois en janvier",
        "sut.barriers.attrition",
    ),
    (
        "La différence, c’est que cette fois je le sais. Je n’attends pas que les autres portent pour moi.",
        "sut.outcomes.sut.individual_trajectory",
    ),
    (
        "Je ne dis pas entrepreneuse, ce mot c’est pas moi. Je dis couturière. Mais couturière à mon compte.",
        "iw.creating.constructing_identities",
    ),
    (
        "Avant, je racontais ma vie à chaque bureau. Maintenant Nadia appelle Christine, Christine appelle Olivier. C’est plus facile.",
        "sut.outcomes.fae.orientation",
    ),
    (
        "Et écrivez que les gens comme moi, il faut les appeler, comme Rachid m’a appelée. Parce que nous, on ne vient pas tout seuls. On pense que ce n’est pas pour nous.",
        "ant.interessement.devices",
    ),
]

CAMILLE["COPIL-2017-03-09"] = [
    (
        "Julien présente les chiffres : environ 310 personnes à Juraparc (320 inscrits, une trentaine de venues sans inscription, des départs avant le buffet), 20 ateliers",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Coût total de la soirée : 14 200 €, dont location de Juraparc, impression des canevas en grand format et buffet (comté offert en partie par la Fromagerie Faivre). Financement : ECLA, Région, fonds propres de la SCIC, mécénat.",
        "sut.resources.funding",
    ),
    (
        "M. Jacquemin rappelle qu'il a qualifié la soirée, au micro, de plus belle réunion publique de son mandat, et qu'il le maintient.",
        "sut.levers.recognition",
    ),
    (
        "Sur les 20 ateliers, 11 ont donné lieu à au moins une réunion depuis décembre.",
        "sut.outcomes.sut.group_formation",
    ),
    (
        "ressourcerie textile : Hélène Cuenot a repris l'idée, groupe de sept bénévoles, première collecte test en avril",
        "sut.outcomes.sut.group_formation",
    ),
    (
        "Julien signale que le suivi repose sur lui seul, le soir, dans des salles des fêtes éloignées. Point à surveiller.",
        "sut.barriers.means",
    ),
    (
        "François Dole (CCI) exprime une réserve de fond : l'accompagnement des créateurs existe déjà dans le Jura, et il ne souhaite pas voir naître un circuit parallèle.",
        "sut.cooperation.tensions",
    ),
    (
        "Claire Vautrin répond que le pôle n'accompagne pas : il fait émerger les idées et les amène aux structures compétentes, qui y gagnent un public qu'elles ne voient pas.",
        "ant.enrolment.negotiation",
    ),
    (
        "Christine Berthet (Adie) confirme que trois personnes venues de la soirée correspondent exactement à son public.",
        "ant.enrolment.roles",
    ),
    (
        "Anne-Sophie Lambert (CMA) demande à être associée aux ateliers qui concernent l'artisanat.",
        "ant.enrolment.negotiation",
    ),
    (
        "Les partenaires qui tiennent un stand signent la charte des valeurs, comme les participants.",
        "iw.creating.defining",
    ),
    (
        "Deux soirées de formation des facilitateurs bénévoles seront organisées en octobre.",
        "iw.creating.educating",
    ),
    (
        "Elle met en garde : ce calendrier convient mal à des projets qui démarrent en novembre.",
        "sut.barriers.regulation",
    ),
    (
        "Claire Vautrin signale l'existence des Fabriques à Entreprendre, dispositif de la Caisse des Dépôts qui finance la coordination des acteurs de la création sur un territoire.",
        "iw.creating.mimicry",
    ),
    (
        "Denis Roy indique que la banque peut étudier une avance de trésorerie pour la SCIC si les subventions tardent.",
        "sut.actors.funders",
    ),
]

CAMILLE["COPIL-2018-01-18"] = [
    (
        "Elle propose de construire avec l'équipe une grille de suivi des groupes de travail, partageable avec les partenaires.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "M. Jacquemin : « très bien, mais à la fin il nous faut des emplois ».",
        "iw.maintaining.policing",
    ),
    (
        "Environ 350 participants, 25 ateliers, un forum de 16 h à 17 h 30 avec une quinzaine d'entrepreneurs",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Pôle emploi a relayé l'invitation auprès d'une centaine de demandeurs d'emploi repérés par les conseillers ; une trentaine sont venus.",
        "ant.enrolment.roles",
    ),
    (
        "signale deux freins : la garde d'enfants en soirée et le transport depuis les villages",
        "sut.barriers.territory",
    ),
    (
        "Groupes de travail lancés ou relancés : garage solidaire",
        "sut.outcomes.sut.group_formation",
    ),
    (
        "Olivier Tissot fait part d'un malaise : certains participants sortent de la soirée persuadés que leur projet est validé, et c'est ensuite aux conseillers de les ramener au prévisionnel.",
        "sut.cooperation.tensions",
    ),
    (
        "Il demande que les facilitateurs ne promettent aucun financement.",
        "ant.enrolment.negotiation",
    ),
    (
        "Claire Vautrin annonce qu'il n'y aura pas d'édition en 2018 : l'année sera consacrée à la mise en place de la Fabrique à Entreprendre et au suivi des groupes issus de 2017.",
        "sut.levers.follow_up",
    ),
    (
        "Une lettre d'information rendra visibles les projets en cours.",
        "iw.maintaining.valourizing_demonizing",
    ),
    (
        "Claire rappelle que le pôle détecte et oriente, il n'accompagne pas.",
        "ant.enrolment.negotiation",
    ),
    (
        "il ne crée pas un accompagnateur de plus, il finance un chef de file qui organise une porte d'entrée lisible, un comité des partenaires, la sensibilisation et un suivi commun",
        "ant.problematisation.obligatory_passage_point",
    ),
    (
        "Il faut un cofinancement local comparable à celui de la Caisse des Dépôts.",
        "sut.actors.funders",
    ),
    (
        "M. Jacquemin indique qu'ECLA est prête à s'engager et propose que la SCIC Territoires en Commun porte la Fabrique.",
        "iw.creating.vesting",
    ),
    (
        "François Dole pose une question : « qui sera la porte d'entrée ? » La réponse reste vague. Il réserve la position de la CCI, l'accueil des créateurs relevant historiquement des chambres",
        "sut.cooperation.tensions",
    ),
    (
        "Anne-Sophie Lambert est favorable, sous réserve que l'artisanat ait sa place au comité des partenaires.",
        "ant.enrolment.negotiation",
    ),
    (
        "un porteur passé par plusieurs structures ne doit pas apparaître dans chaque bilan",
        "ant.mobilisation.inscriptions",
    ),
    ("Claire propose un identifiant unique par porteur", "iw.creating.defining"),
    (
        "Éric Monnier répond que seule la partie sensibilisation est éligible ; la location de Juraparc et le buffet ne le sont pas.",
        "ant.enrolment.negotiation",
    ),
    (
        "Olivier Tissot s'inquiète d'un projet qui mise tout sur cet appel alors qu'il a besoin d'un local dès le printemps.",
        "sut.barriers.regulation",
    ),
    (
        "Denis Roy rappelle que la banque ne peut pas préfinancer une subvention non notifiée.",
        "sut.actors.funders",
    ),
]

CAMILLE["COPIL-2018-09-27"] = [
    (
        "M. Jacquemin rappelle que la convention Fabrique à Entreprendre a été signée cet été entre la Caisse des Dépôts, ECLA et la SCIC Territoires en Commun, pour trois ans",
        "iw.creating.vesting",
    ),
    ("Son résumé : un créateur ne doit plus faire six guichets.", "ant.problematisation.framing"),
    (
        "cofinancement à parts comparables entre la Caisse des Dépôts et l'agglomération, versé sur justificatifs après chaque bilan annuel",
        "sut.resources.funding",
    ),
    (
        "La charte d'engagement est signée en séance par les six partenaires de la création présents.",
        "ant.enrolment.roles",
    ),
    (
        "François Dole signe au nom de la CCI en lisant une déclaration : la chambre garde les formalités, sa formation à la création et l'accompagnement des reprises de commerces, et siégera au comité des partenaires « dans le respect des missions de chacun ».",
        "ant.enrolment.negotiation",
    ),
    (
        "Claire Vautrin redit que la SCIC coordonne et oriente, sans accompagner à la place des réseaux.",
        "ant.enrolment.negotiation",
    ),
    (
        "personnes accueillies (entretien avec fiche), orientées, accompagnées, créations par statut, pérennité à trois ans",
        "iw.maintaining.policing",
    ),
    (
        "Règle proposée : la structure qui assure l'accompagnement principal est référente, les autres sont contributrices, et personne ne démarche le porteur d'un autre.",
        "iw.creating.constructing_normative_networks",
    ),
    ("La CCI transmettra ses données « dans la mesure du possible ».", "sut.cooperation.tensions"),
    (
        "La règle entre au règlement intérieur du comité technique mensuel.",
        "iw.maintaining.embedding_routinizing",
    ),
    (
        "seize groupes suivis depuis 2016, sept actifs, un abandonné ; un groupe sur trois seulement s'est réuni plus de deux fois",
        "ant.mobilisation.inscriptions",
    ),
    (
        "critères d'accès écrits avec la CMA au printemps après la plainte de garagistes",
        "iw.creating.defining",
    ),
    (
        "repair café : une séance mensuelle depuis mars chez Quartier Vivant",
        "sut.outcomes.territory.local_services",
    ),
    (
        "ressourcerie textile : abandonnée (2018). Appel à projets régional refusé en juin, pas de local, bénévoles épuisés ; l'association a été dissoute en juillet.",
        "ant.dissidence",
    ),
    (
        "elle reconnaît que le calendrier de l'appel ne laisse pas de marge aux projets bénévoles",
        "sut.barriers.regulation",
    ),
    (
        "Claire Vautrin estime que le pôle n'a pas été assez présent auprès de la porteuse au printemps.",
        "sut.levers.follow_up",
    ),
    (
        "Sur la fiche de restitution, une case « prochaine étape réaliste » ; « qui est prêt à faire quoi d'ici un mois ? » remplace « qui porte le projet ? ».",
        "iw.creating.defining",
    ),
    (
        "Aucune promesse de financement aux tables ; Olivier Tissot expliquera aux facilitateurs, avant la soirée, ce qui se passe après (statuts, délais, chiffres).",
        "iw.creating.educating",
    ),
    ("Une table de la Fabrique pendant la soirée.", "sut.levers.follow_up"),
    (
        "Les partenaires experts respectent la charte des valeurs : pas de démarchage.",
        "iw.maintaining.policing",
    ),
    ("Les versements arrivant après les bilans, la SCIC avance les dépenses", "sut.barriers.means"),
]

CAMILLE["COPIL-2020-01-16"] = [
    (
        "22 projets démarrés, c'est-à-dire devenus une activité lancée ou une entreprise créée ; une vingtaine d'autres encore au stade du groupe de travail ou du prototype ; 11 abandons.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Une cinquantaine d'emplois, temps partiels compris, dans les structures issues des projets.",
        "sut.outcomes.territory.ventures_jobs",
    ),
    (
        "M. Jacquemin salue « un résultat considérable pour un territoire comme le nôtre » et cite l'épicerie itinérante, le garage solidaire et la chaufferie citoyenne",
        "iw.maintaining.valourizing_demonizing",
    ),
    (
        "Pierre-Yves Grappe indique que son projet, resté au stade du groupe de travail, a trouvé depuis la soirée de novembre une piste sérieuse avec un bailleur social.",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "96 personnes accueillies en entretien, 71 orientées, 18 créations dont 11 micro-entreprises",
        "sut.outcomes.fae.orientation",
    ),
    (
        "Les chiffres de la démarche Start-Up de Territoire depuis 2016 sont légitimes, mais les emplois ne peuvent pas être reportés dans la colonne Fabrique : seuls comptent pour le bilan national les porteurs accueillis en entretien depuis la signature.",
        "iw.maintaining.policing",
    ),
    (
        "rappelle que des emplois du bilan du pôle ont demandé de longs accompagnements à la BGE, et demande des indicateurs partagés où chaque structure retrouve son travail",
        "sut.cooperation.tensions",
    ),
    (
        "Claire Vautrin en convient et propose que le prochain bilan précise, projet par projet, les structures intervenues.",
        "ant.enrolment.negotiation",
    ),
    (
        "Éric Monnier prévient que l'absence répétée de la CCI aux comités techniques pourrait être relevée par le comité d'engagement.",
        "ant.dissidence",
    ),
    (
        "Les ateliers « problème » produisent beaucoup d'idées et peu de suites directes, mais ils font naître des porteurs plus tard",
        "iw.creating.theorizing",
    ),
    (
        "Il faut beaucoup d'idées pour en réaliser quelques-unes ; le temps entre la soirée et une création se compte en années.",
        "iw.creating.theorizing",
    ),
    (
        "Karim Benali dit qu'il n'aurait « jamais poussé la porte de la BGE » sans l'atelier de 2016.",
        "sut.outcomes.sut.individual_trajectory",
    ),
    (
        "la ligne ouverte en 2019 à la Caisse coopérative du Revermont a évité une rupture, mais n'a pas vocation à durer (Denis Roy)",
        "sut.resources.funding",
    ),
    (
        "Quatrième édition : l'équipe et les facilitateurs bénévoles sont fatigués.",
        "sut.barriers.attrition",
    ),
    (
        "Valérie Chapuis propose d'étudier avec ECLA un petit fonds d'amorçage pour les projets collectifs en attente de l'appel à projets.",
        "sut.actors.funders",
    ),
    (
        "Les bilans présenteront séparément la démarche Start-Up de Territoire et la Fabrique.",
        "iw.creating.defining",
    ),
]

CAMILLE["CR-W16-03"] = [
    (
        "Pour un paquet de riz ou de lessive, il faut prendre la voiture jusqu'aux grandes surfaces de Montmorot ou de Perrigny.",
        "sut.barriers.territory",
    ),
    (
        "Une participante de Beaufort a résumé : « Le problème, ce n'est pas le vrac, c'est qu'il n'y a plus rien du tout. » Le groupe a gardé cette phrase en haut de la feuille.",
        "ant.problematisation.framing",
    ),
    (
        "Thomas avait posé une chaise vide au bout de la table, avec un carton : « la dame de quatre-vingts ans à Gizia qui n'a plus de voiture ».",
        "sut.levers.method",
    ),
    (
        "les courses du quotidien à moins de cinq minutes de chez soi, sans emballage, au bon poids, et un moment de rencontre sur la place",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "« Vous ne tiendrez pas un hiver. » Il a précisé : côtes du Revermont verglacées, camion chargé, beaucoup de kilomètres pour peu de clients par arrêt.",
        "sut.barriers.territory",
    ),
    (
        "Thomas : lui envoyer les coordonnées de deux personnes qui ont monté un commerce ambulant.",
        "sut.resources.network",
    ),
    (
        "Le pôle : la recontacter en janvier pour voir si un groupe de travail peut se former.",
        "sut.levers.follow_up",
    ),
    (
        "Quinze numéros de clients potentiels, dont plusieurs laissés au buffet, pour « tester » une tournée.",
        "sut.resources.network",
    ),
    (
        "Élodie a dit : « Je suis venue avec un camion dans la tête, je repars avec une tournée dessinée et quinze numéros de téléphone. »",
        "ant.mobilisation.spokespersons",
    ),
    (
        "Puis elle a demandé à ceux qui habitent un village sans commerce de lever la main : une forêt de mains.",
        "sut.levers.recognition",
    ),
]

CAMILLE["CR-W16-07"] = [
    (
        "Formulation retenue sur l'affiche: « Comment vivre dans un village du Revermont ou de la Bresse sans dépendre de sa voiture? »",
        "ant.problematisation.framing",
    ),
    (
        "une lycéenne de Beaufort: car scolaire le matin, rien le soir, impossible d'aller au cinéma à Lons ou au sport",
        "sut.barriers.territory",
    ),
    (
        "un jeune en insertion: a trouvé un emploi à la zone de Montmorot, pas de permis, a refusé le poste",
        "sut.barriers.territory",
    ),
    (
        "vieilles voitures en panne, pas les moyens de réparer → perte d'emploi ou de formation",
        "sut.barriers.means",
    ),
    (
        "D'où vient l'idée 5: Aurélie demande son avis à l'auxiliaire de vie.",
        "sut.actors.facilitators",
    ),
    (
        "Karim lève la main: le problème ici, ce n'est pas le bus, ce sont les vieilles voitures qu'on ne peut pas faire réparer, « la mobilité à la campagne, c'est la bagnole ».",
        "ant.problematisation.framing",
    ),
    ("Post-it dans le rond: « panne = perte d'emploi ».", "ant.mobilisation.inscriptions"),
    (
        "un retraité: a un grand hangar vide à Chilly-le-Vignoble, « à voir »",
        "sut.resources.places_equipment",
    ),
    (
        "la lycéenne: propose de faire un questionnaire au lycée sur les trajets",
        "sut.actors.citizens",
    ),
    (
        "pôle: garder les coordonnées de Karim (mécanicien) et de l'auxiliaire de vie",
        "sut.levers.follow_up",
    ),
    (
        "3 sont venus exprès pour cet atelier après avoir vu l'affiche au marché.",
        "ant.interessement.devices",
    ),
    (
        "« On n'a pas de porteur de projet mais on a un mécanicien, un hangar et plein de gens qui veulent que ça bouge. »",
        "ant.mobilisation.spokespersons",
    ),
]

CAMILLE["CR-W16-11"] = [
    (
        "L'idée figurait sur le mur des idées sous la forme d'un post-it bleu un peu froissé : « ressourcerie textile ? rien entre Lons et Bourg ».",
        "ant.interessement.devices",
    ),
    (
        "L'équipe du pôle l'avait classée parmi les « idées en quête de porteur »",
        "iw.creating.defining",
    ),
    (
        "Marc a commencé par une question simple : qui a chez lui un sac de vêtements dont il ne sait pas quoi faire ? Huit mains levées.",
        "sut.levers.method",
    ),
    (
        "les bornes de collecte des grandes surfaces débordent, que le tri des associations caritatives de Lons refuse une partie des dons et que, faute de mieux, beaucoup finit à la déchetterie",
        "ant.problematisation.framing",
    ),
    (
        "Des couturières et des personnes éloignées de l'emploi ont des savoir-faire qui ne servent plus.",
        "ant.problematisation.interdefinition",
    ),
    (
        "des machines à coudre (une participante en a trois au grenier)",
        "sut.resources.places_equipment",
    ),
    (
        "Conclusion provisoire : l'idée n'est pas de doubler, mais de prendre ce que les autres ne prennent pas, et d'en faire de l'emploi.",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "Marc s'est tourné vers elle : « Vous savez coudre, vous connaissez les tissus. La ressource, c'est vous. »",
        "iw.creating.constructing_identities",
    ),
    (
        "Elle a souri, hésité, puis dit qu'elle voulait bien « essayer de voir », en insistant : pas seule.",
        "ant.enrolment.negotiation",
    ),
    (
        "Marc a rappelé que le pôle pouvait accompagner un groupe de travail, mais ne porterait pas le projet à sa place.",
        "sut.actors.cluster",
    ),
    (
        "Marc : lui présenter quelqu'un qui connaît le fonctionnement d'une ressourcerie dans le Doubs.",
        "sut.resources.network",
    ),
    (
        "À 21 h 30, Marc a pris le micro : « L'idée a trouvé sa porteuse. »",
        "ant.mobilisation.spokespersons",
    ),
]

CAMILLE["CR-W16-15"] = [
    (
        "les bâtiments publics (école, mairie, salle des fêtes) sont chauffés au fioul, avec des factures qui pèsent sur un budget communal minuscule, alors que les haies et les bois alentour produisent plus de bois qu'on n'en valorise",
        "ant.problematisation.framing",
    ),
    (
        "financés et gérés par les habitants eux-mêmes, dans une société où chacun pourrait prendre des parts",
        "sut.cooperation.collective_governance",
    ),
    (
        "la chaufferie doit rester « aux gens d'ici » et le bois doit venir de moins de trente kilomètres",
        "sut.levers.proximity",
    ),
    (
        "Jean-Paul Midol, agriculteur, a dit qu'il broie chaque hiver des kilomètres de haies « pour rien » et qu'il serait prêt à livrer des plaquettes si le prix couvre le temps passé et le gasoil.",
        "ant.enrolment.negotiation",
    ),
    (
        "Il a posé la question du séchage : pas de hangar libre sur sa ferme.",
        "sut.resources.places_equipment",
    ),
    (
        "Un autre participant a demandé ce qui se passe si le maire change en 2020 et que la nouvelle équipe ne veut plus acheter la chaleur.",
        "sut.barriers.fear_risk",
    ),
    (
        "Une participante travaillant dans un bureau d'études a prévenu que les chaufferies trop petites sont rarement rentables sans aide et qu'il fallait rapidement chiffrer la consommation réelle des trois bâtiments.",
        "sut.resources.skills",
    ),
    (
        "Deux personnes ont dit clairement qu'elles prendraient des parts, « même 500 euros », si le projet se concrétise.",
        "sut.resources.funding",
    ),
    (
        "chercher des retours d'expérience de chaufferies citoyennes en Franche-Comté",
        "iw.creating.mimicry",
    ),
    (
        "« Notre bois part en fumée dans les champs pendant qu'on paie du fioul ; ce soir on a trouvé qui coupe, qui broie, qui livre et qui paie. On va faire une société citoyenne. »",
        "sut.outcomes.sut.idea_maturation",
    ),
]

CAMILLE["CR-W16-18"] = [
    (
        "souvent par des enfants inquiets pour leurs parents : « Ma mère ne voit plus personne de la semaine », « Qui passe chez les vieux quand il neige ? »",
        "ant.problematisation.framing",
    ),
    (
        "Personne n'était venu avec un projet. Aurélie l'a dit d'emblée : ce soir, on comprend le problème et on cherche des pistes.",
        "sut.levers.method",
    ),
    (
        "plus de permis ou plus de voiture ; le car ne passe plus ; les services de l'aide à domicile sont minutés",
        "sut.barriers.territory",
    ),
    (
        "a vite interrompu l'exercice pour faire remarquer que les personnes âgées n'étaient pas autour de la table : « On parle à leur place. »",
        "ant.mobilisation.spokespersons",
    ),
    (
        "un « habitat partagé » au centre du village, où des aînés vivraient chacun chez soi mais ensemble",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "beaucoup de ces idées existent déjà quelque part, mais ne tiennent pas faute de bénévoles durables. Elle a demandé qu'on ne crée pas « une énième action qui s'arrête au bout d'un an ».",
        "sut.barriers.attrition",
    ),
    (
        "Trois personnes sont prêtes à donner du temps ; une salle communale à Courlaoux serait disponible pour un repas",
        "sut.resources.time_volunteering",
    ),
    (
        "la case « Qui porte ? » de la fiche de restitution est restée vide, et Aurélie n'a pas insisté",
        "ant.non_human",
    ),
    (
        "« Nous n'avons pas trouvé de solution ce soir, mais nous avons compris que la solitude des anciens n'est pas un problème de santé, c'est un problème de village. »",
        "ant.problematisation.framing",
    ),
]

CAMILLE["CR-W17-02"] = [
    (
        "L'idée est née il y a un an, dans l'atelier mobilité de la première soirée, où Karim Benali était venu en simple participant.",
        "sut.outcomes.sut.individual_trajectory",
    ),
    (
        "Ici il faut une voiture pour travailler : une panne à 800 euros peut faire perdre un emploi ou une formation.",
        "ant.problematisation.framing",
    ),
    (
        "Thomas a été net : ce garage ne sera jamais rentable comme un garage ordinaire, « il vous faut trois jambes »",
        "sut.outcomes.sut.idea_maturation",
    ),
    ("une assurance (« le vrai casse-tête »)", "sut.barriers.regulation"),
    (
        "Un garagiste retraité de Bletterans a averti que les garages de la place verraient d'un mauvais œil des réparations à bas prix : il faut aller les voir avant l'ouverture.",
        "sut.resources.skills",
    ),
    (
        "Thomas a proposé le plafond de ressources comme règle, le libre-service restant ouvert à tous.",
        "iw.creating.defining",
    ),
    (
        "Rachid Ouali (Pôle emploi), venu à titre personnel et resté debout, a dit que si le garage proposait des tarifs aux demandeurs d'emploi qui ont besoin d'une voiture pour prendre un poste, il lui « enverrait du monde ».",
        "ant.enrolment.roles",
    ),
    (
        "Christine Berthet, de l'Adie, a expliqué que le microcrédit finance justement des voitures et parfois de l'outillage.",
        "sut.actors.support_organisations",
    ),
    (
        "Un participant qui a créé sa propre entreprise a conseillé la BGE pour le prévisionnel.",
        "sut.levers.peer_support",
    ),
    (
        "Forme retenue : association employeuse, avec un conseil d'administration où siégeraient des usagers.",
        "sut.cooperation.collective_governance",
    ),
    (
        "Le pôle : première réunion du groupe en décembre ; réunion élargie à Rachid Ouali en janvier.",
        "sut.levers.follow_up",
    ),
    (
        "« L'an dernier j'étais dans la salle avec une idée, ce soir j'ai un nom, un devis et quinze personnes qui savent pourquoi il faut ce garage.",
        "ant.mobilisation.spokespersons",
    ),
]

CAMILLE["CR-W17-05"] = [
    (
        "l'été, les maraîchers jettent ou donnent aux cochons une partie de la récolte ; l'hiver, on ne trouve plus de légumes locaux sur les étals de Lons. « On jette en août ce qui nous manque en février. »",
        "ant.problematisation.framing",
    ),
    (
        "Laurent Faivre (fromagerie), venu en « expert » à la demande de Marc, a beaucoup apporté sur le sanitaire : agrément, plan de maîtrise, traçabilité, autoclave, analyses.",
        "sut.resources.skills",
    ),
    ("Il a proposé de relire le plan de l'atelier quand il existera.", "sut.actors.businesses"),
    (
        "« les fruitières tiennent parce que le lait est payé »",
        "iw.creating.mimicry",
        "le modèle des fruitières à comté comme référence",
    ),
    (
        "un maraîcher de Vincelles : intéressé, mais veut être payé à la livraison, pas à 60 jours",
        "ant.enrolment.negotiation",
    ),
    (
        "Maëlle pense à un bâtiment agricole à aménager, coût inconnu",
        "sut.resources.places_equipment",
    ),
    (
        "Maëlle a peu d'apport. Marc a parlé du prêt d'honneur d'Initiative Jura, qui permet ensuite d'obtenir un prêt bancaire",
        "sut.resources.funding",
    ),
    (
        "Maëlle garde les deux activités (gamme propre + façonnage), le groupe pense que le façonnage sécurise le début.",
        "sut.outcomes.sut.idea_maturation",
    ),
    ("Groupe de travail à constituer (4 volontaires).", "sut.outcomes.sut.group_formation"),
    (
        "Laurent : visite de la fromagerie pour Maëlle (voir le labo, les procédures) — début janvier",
        "sut.actors.businesses",
    ),
    ("il nous manque une cuisine aux normes", "sut.barriers.regulation"),
]

CAMILLE["CR-W17-09"] = [
    (
        "un groupe de sept bénévoles qui se réunit tous les quinze jours, des statuts d'association rédigés",
        "sut.outcomes.sut.group_formation",
    ),
    (
        "« On a prouvé qu'il y a des vêtements et des acheteurs. On n'a pas prouvé qu'on peut tenir. »",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "le local devient la condition de tout. Besoin réévalué à 150 m² minimum, rez-de-chaussée, chauffé",
        "sut.barriers.means",
    ),
    (
        "le tri en hiver dans un garage non chauffé a découragé plusieurs bénévoles",
        "sut.barriers.attrition",
    ),
    (
        "il faut un accord avec les associations caritatives, qui ont vu la vente de juin d'un œil méfiant",
        "sut.cooperation.tensions",
    ),
    (
        "Hélène compte sur l'appel à projets régional de l'économie sociale et solidaire pour financer le démarrage et un poste.",
        "sut.resources.funding",
    ),
    (
        "a proposé d'animer des ateliers de retouche et de transformation : « Un jean troué, ce n'est pas un déchet, c'est un sac. »",
        "iw.creating.changing_normative_associations",
    ),
    (
        "Hélène a dit oui tout de suite pour les ateliers, en prévenant qu'il n'y avait pas encore de quoi la payer.",
        "ant.enrolment.roles",
    ),
    ("« On est sept, on fait tout, on se retrouve à quatre le samedi. »", "sut.barriers.attrition"),
    (
        "Aurélie a proposé de distinguer ce qui doit être fait par les bénévoles et ce qui ne pourra l'être que par un salarié.",
        "sut.actors.facilitators",
    ),
    (
        "l'ancien bâtiment visité dans une zone de Perrigny attend toujours un avis de sécurité incendie",
        "sut.barriers.regulation",
    ),
    (
        "« On a des tonnes de vêtements et des mains pour les trier ; ce qui nous manque, c'est un toit. Un local vide, même pour six mois, et on vous montre ce qu'on sait faire. »",
        "sut.resources.places_equipment",
    ),
]

CAMILLE["CR-W17-12"] = [
    (
        "Recontacté par le pôle au printemps, a accepté de venir cette fois comme porteur.",
        "sut.levers.follow_up",
    ),
    (
        "« Je ne suis ni promoteur ni travailleur social. Je sais pourquoi il faut le faire, pas encore comment. »",
        "iw.creating.constructing_identities",
    ),
    (
        "Réticence de P.-Y. au début devant le vocabulaire (« segments de clientèle » pour des vieux…). Julien traduit case par case",
        "sut.actors.facilitators",
    ),
    (
        "rester au village, chez soi mais pas seul ; pouvoir partir en vacances sans que la maison soit vide ; ne pas finir en EHPAD faute d'autre choix",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "bailleur social ? (personne dans l'atelier ne sait comment ils fonctionnent)",
        "sut.barriers.means",
    ),
    (
        "Une ancienne clerc de notaire : le montage juridique est le cœur du problème",
        "sut.resources.skills",
    ),
    (
        "Une conseillère municipale d'une petite commune : l'ancienne école pourrait convenir chez elle, mais la commune n'a pas les moyens de la rénover.",
        "sut.resources.places_equipment",
    ),
    (
        "Julien : ce ne sera pas une entreprise au sens habituel ; pas de chiffre d'affaires qui paie tout ; il faudra sans doute un partenaire qui porte l'immobilier.",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "P.-Y. hésite : veut rester « le garant de l'esprit » ; pas prêt à ce stade à lâcher la propriété.",
        "ant.enrolment.negotiation",
    ),
    (
        "Tension : pour deux participants, c'est aux pouvoirs publics de le faire ; P.-Y. : « si on attend, il n'y aura plus de village ».",
        "sut.cooperation.tensions",
    ),
    ("Groupe de travail ouvert : 12 noms sur la fiche.", "sut.outcomes.sut.group_formation"),
    (
        "Charte des valeurs, signée par toute la table à l'entrée, relue en fin d'atelier.",
        "iw.maintaining.embedding_routinizing",
    ),
    (
        "Julien : date de la première réunion ; chercher un contact chez un bailleur social du département",
        "sut.levers.follow_up",
    ),
    (
        "« On ne construit pas une maison de retraite, on construit une façon de vieillir au village.",
        "iw.creating.changing_normative_associations",
    ),
]

CAMILLE["CR-W17-16"] = [
    (
        "C'était le dernier commerce du village : le pain, le journal, le gaz, et surtout on s'y croisait.",
        "ant.problematisation.framing",
    ),
    (
        "notre maire, Sylvie Perrard, qui a dit tout de suite qu'elle venait « pour écouter et pas pour faire un discours »",
        "sut.actors.public_bodies",
    ),
    (
        "Thomas a demandé à Lucas Prost, un des deux étudiants en BTS, qui l'avait vu en cours, de nous l'expliquer.",
        "sut.actors.facilitators",
    ),
    (
        "la côte à remonter depuis Lons, surtout l'hiver quand la route est glissante",
        "sut.barriers.territory",
    ),
    (
        "un point relais ou un casier pour récupérer ses colis le soir leur éviterait d'aller à Lons",
        "sut.actors.citizens",
    ),
    (
        "« Un commerce, ici, ce n'est pas un commerce, c'est la place du village. »",
        "iw.creating.changing_normative_associations",
    ),
    (
        "Un commerce multiservice porté par la commune : la mairie achète ou loue les murs, aménage, et confie la gestion à quelqu'un",
        "sut.outcomes.sut.idea_maturation",
    ),
    ("Une épicerie associative de bénévoles : gare à l'épuisement.", "sut.barriers.attrition"),
    (
        "La maire a expliqué que la piste 2 existe ailleurs, qu'elle demande de lourds financements et qu'elle doit en parler au conseil municipal et à l'agglomération avant de promettre quoi que ce soit.",
        "sut.actors.public_bodies",
    ),
    (
        "Thomas a proposé un petit sondage dans le village pour mesurer ce que les gens achèteraient vraiment sur place.",
        "sut.resources.tools_methods",
    ),
    (
        "La maire s'engage à mettre la question à l'ordre du jour d'un conseil municipal au premier trimestre.",
        "ant.enrolment.roles",
    ),
    (
        "Première réunion du groupe à la mairie, un mardi à 18 h en janvier ; le pôle envoie l'invitation par courriel à tous ceux qui ont laissé leur adresse.",
        "sut.levers.follow_up",
    ),
    (
        "« À Revigny on n'a plus de commerce, mais ce soir on a une maire qui écoute et quarante questionnaires à distribuer. Rendez-vous au printemps. »",
        "ant.mobilisation.spokespersons",
    ),
]

CAMILLE["CR-W17-21"] = [
    (
        "trois post-it différents disaient presque la même chose : « réparer plutôt que jeter », « apprendre à réparer son grille-pain », « arrêter de jeter les vélos »",
        "ant.interessement.devices",
    ),
    (
        "Une ressource était aussi affichée : « Électricien retraité, du temps le samedi, cherche à se rendre utile. »",
        "sut.resources.time_volunteering",
    ),
    (
        "Marc a ouvert en disant qu'un repair café n'est pas compliqué à monter, mais qu'il est difficile à faire durer, et qu'il fallait donc chercher ce soir des gens plutôt qu'un plan.",
        "sut.actors.facilitators",
    ),
    (
        "« D'abord les gens. Qui a un grille-pain en panne dans son placard ? » Presque toutes les mains se sont levées.",
        "sut.levers.method",
    ),
    (
        "réparer avec le visiteur, pas à sa place ; gratuit ou au chapeau",
        "iw.creating.changing_normative_associations",
    ),
    (
        "Un lycéen a proposé de compter les kilos d'objets sauvés à chaque séance, pour pouvoir le dire aux élus. Adopté à l'unanimité.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Agnès Morel, présidente de l'association Quartier Vivant, dont la salle de quartier est vide le samedi",
        "sut.resources.places_equipment",
    ),
    (
        "Agnès a levé la main la première : son association a une salle, et le samedi elle ne sert à rien. Monique, qui ne la connaissait pas avant ce soir, a suivi",
        "ant.enrolment.roles",
    ),
    (
        "Un participant a rappelé que d'autres repair cafés ont déjà écrit des règlements et des fiches, et qu'il ne fallait pas réinventer la roue.",
        "iw.creating.mimicry",
    ),
    (
        "Le repair café sera d'abord une activité bénévole, rattachée à l'association Quartier Vivant, sans création de structure.",
        "sut.cooperation.collective_governance",
    ),
    (
        "Pas d'argent demandé à qui que ce soit pour démarrer : les outils viendront des bénévoles.",
        "sut.resources.places_equipment",
    ),
    (
        "« Il n'y avait pas de porteur, il y en a deux, et on n'est pas du tout bricoleuses.",
        "ant.mobilisation.spokespersons",
    ),
]

CAMILLE["CR-W19-01"] = [
    (
        "la société Énergie Citoyenne Revermont existe : une SAS créée cette année, un peu plus de cent actionnaires, presque tous habitants du secteur",
        "sut.outcomes.territory.ventures_jobs",
    ),
    (
        "l'étude de faisabilité a coûté le double du devis initial, deux conseillers municipaux ont hésité jusqu'au vote, et un hiver entier est passé à négocier le contrat de vente de chaleur",
        "ant.enrolment.negotiation",
    ),
    (
        "la société peut-elle se servir de la confiance gagnée pour installer des panneaux photovoltaïques",
        "sut.cooperation.trust",
    ),
    (
        "Julien a proposé de partir du Business Model Canvas de la chaufferie et de regarder ce qui change.",
        "sut.resources.tools_methods",
    ),
    (
        "les actionnaires actuels sont déjà « chauffés » par la réussite de la chaufferie, et qu'il faut s'appuyer sur eux tout de suite, avant que l'enthousiasme ne retombe",
        "sut.resources.network",
    ),
    (
        "a expliqué que la banque avait suivi la chaufferie et qu'un portefeuille de petites toitures serait plus facile à financer qu'un gros projet isolé, à condition d'avoir des contrats de toiture signés",
        "sut.actors.funders",
    ),
    (
        "Il a aussi demandé comment la SAS comptait gérer une deuxième activité avec deux salariés seulement, dont un à mi-temps.",
        "sut.barriers.means",
    ),
    (
        "Un agriculteur du Revermont a proposé le toit de son hangar de 600 m², refait l'an dernier.",
        "sut.resources.places_equipment",
    ),
    (
        "Un ingénieur retraité a mis en garde contre les toitures anciennes : la charpente doit supporter les panneaux",
        "sut.resources.skills",
    ),
    (
        "Débat sur la gouvernance : faut-il créer une nouvelle société ou garder tout dans Énergie Citoyenne Revermont ?",
        "sut.cooperation.collective_governance",
    ),
    (
        "Un groupe de travail « toitures » se forme : six inscrits.",
        "sut.outcomes.sut.group_formation",
    ),
    (
        "Julien : organiser la première réunion du groupe de travail au pôle (mi-janvier)",
        "sut.levers.follow_up",
    ),
    (
        "Ce qui n'a pas changé, c'est que l'énergie appartient à ceux qui habitent ici.",
        "sut.levers.proximity",
    ),
]

CAMILLE["CR-W19-04"] = [
    (
        "le Pays Lédonien est entouré de fermes, de fruitières et de maraîchers, mais les repas des cantines scolaires et de certaines maisons de retraite viennent pour l'essentiel de grossistes nationaux",
        "ant.problematisation.framing",
    ),
    (
        "La loi votée l'an dernier fixe un objectif de produits durables et bio dans la restauration collective pour 2022 ; personne dans la salle ne savait comment les communes comptaient l'atteindre.",
        "sut.barriers.regulation",
    ),
    (
        "Aurélie a précisé que l'atelier servirait à comprendre qui bloque quoi, et à voir s'il existe un projet à faire naître.",
        "sut.levers.method",
    ),
    (
        "souffrent des marchés publics compliqués, des volumes irréguliers, des légumes à éplucher sans personnel pour le faire",
        "sut.barriers.regulation",
    ),
    (
        "« Je peux vendre de la viande à une cantine. Je ne peux pas faire cinq villages le mardi matin avec ma camionnette pour trois kilos chaque fois. »",
        "sut.barriers.territory",
    ),
    (
        "il était déjà venu à la première soirée, en 2016, pour parler du bois des haies, et qu'il revenait parce que « cette fois ça touche à mon métier »",
        "sut.actors.citizens",
    ),
    (
        "Former les cuisiniers et les élus à rédiger des marchés qui permettent de choisir des produits locaux.",
        "iw.creating.educating",
    ),
    (
        "Commencer par un seul produit, le fromage ou les yaourts, pour prouver que ça marche.",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "La secrétaire de mairie a fait remarquer que l'agglomération avait un rôle à jouer",
        "sut.actors.public_bodies",
    ),
    (
        "Jean-Paul ne veut pas « monter une boîte de plus » mais accepte de participer à un groupe de travail.",
        "ant.enrolment.roles",
    ),
    (
        "Le pôle organise une première réunion du groupe de travail en janvier, avec des cuisiniers, des producteurs et des élus.",
        "sut.levers.follow_up",
    ),
    (
        "On n'a pas de porteur, on a un groupe qui veut raccourcir le chemin.",
        "ant.mobilisation.spokespersons",
    ),
]

CAMILLE["CR-W19-08"] = [
    (
        "« partager sa voiture avec ses voisins », et juste à côté « Ma voiture dort 23 h sur 24, mon voisin n'en a pas. »",
        "ant.problematisation.framing",
    ),
    (
        "Aussi une ressource affichée: une habitante de Trenal prête à mettre sa deuxième voiture en partage.",
        "sut.resources.places_equipment",
    ),
    (
        "Thomas rappelle: la mobilité est revenue à chaque édition. 2016: atelier « se déplacer sans voiture » → un garage solidaire est né",
        "iw.maintaining.valourizing_demonizing",
    ),
    ("confiance: qui conduit ma voiture? et si accident?", "sut.cooperation.trust"),
    (
        "plateformes nationales: personne dans les villages, pas de voiture disponible à moins de 20 km",
        "sut.barriers.territory",
    ),
    ("charte entre voisins + carnet de bord dans la boîte à gants", "iw.creating.defining"),
    (
        "Sandrine: « Le problème, ce n'est pas l'outil, c'est qui anime le groupe quand ça se passe mal. »",
        "sut.cooperation.collective_governance",
    ),
    (
        "retraités: peur des conflits avec les voisins (« on est brouillés pour des histoires de haie, alors une voiture… »)",
        "sut.cooperation.trust",
    ),
    (
        "Thomas: l'idée marche si elle est prise en charge par une structure déjà existante (une association de village, un comité des fêtes, la commune); un citoyen seul s'épuisera.",
        "iw.creating.theorizing",
    ),
    (
        "Sandrine: intéressée pour elle-même, pas le temps de porter (travail à temps plein + enfants).",
        "sut.barriers.means",
    ),
    (
        "Thomas propose d'en parler au garage solidaire (les véhicules de prêt → un lien possible?).",
        "sut.resources.network",
    ),
    (
        "« Nos voitures dorment, nos voisins marchent. L'idée est bonne, il lui manque quelqu'un pour la conduire; si c'est vous, venez nous voir. »",
        "ant.mobilisation.spokespersons",
    ),
]

CAMILLE["CR-W19-13"] = [
    (
        "Le groupe de travail né de la soirée de 2017 a démarré à neuf, puis s'est réduit au fil de l'hiver",
        "sut.barriers.attrition",
    ),
    (
        "les réunions du soir dans les salles des fêtes, la neige, les distances depuis la Bresse ont eu raison de plusieurs bonnes volontés",
        "sut.barriers.territory",
    ),
    (
        "puis un des héritiers a changé d'avis et la maison est partie à un acheteur de l'extérieur pour en faire un gîte",
        "sut.resources.places_equipment",
    ),
    (
        "sans apport, sans structure juridique et sans bien immobilier, il n'y a rien à financer",
        "sut.barriers.means",
    ),
    (
        "le forfait pour l'habitat inclusif prévu par la loi de 2018 reste un mystère : personne n'a su dire au groupe qui l'attribue ni à quelles conditions",
        "sut.barriers.regulation",
    ),
    (
        "le couple de Bletterans qui faisait partie du noyau s'est retiré, en reprochant au projet de devenir « trop institutionnel »",
        "ant.dissidence",
    ),
    (
        "Au lieu de remplir les neuf blocs, il a demandé au groupe de les parcourir et de montrer celui qui restait vide.",
        "sut.levers.method",
    ),
    (
        "« Tant qu'il n'y a pas de bâtiment, vous faites de la philosophie », a dit Marc.",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "elle a expliqué que son organisme réhabilite des bâtiments dans les bourgs, qu'il sait faire les murs, mais qu'il ne sait pas faire vivre une maison commune et qu'il cherche parfois des habitants organisés pour cela",
        "ant.enrolment.roles",
    ),
    (
        "au bailleur le bâtiment, les travaux, la gestion locative ; au groupe d'habitants le projet de vie sociale ; à la commune le choix du lieu et un appui",
        "ant.enrolment.negotiation",
    ),
    (
        "Pierre-Yves a dit que cela voulait dire « lâcher les clés », et qu'il lui fallait du temps pour s'y faire.",
        "ant.enrolment.negotiation",
    ),
    (
        "Une aide-soignante a rappelé une limite : l'habitat partagé ne remplace pas le soin",
        "sut.resources.skills",
    ),
    (
        "les règles d'un bailleur ne garantissent pas que les anciens du village seront prioritaires",
        "sut.barriers.regulation",
    ),
    (
        "Marc : mettre le groupe en relation avec une association qui anime un habitat partagé dans le Doubs.",
        "sut.resources.network",
    ),
    (
        "« Depuis deux ans on cherche tout, et ce soir on a compris ce qui manquait vraiment : des murs.",
        "sut.outcomes.sut.idea_maturation",
    ),
]

CAMILLE["CR-W19-17"] = [
    (
        "La ressourcerie ne s'est pas faite, et l'association qui la portait a été dissoute l'an dernier. Fatou a gardé l'idée de la transformation.",
        "sut.outcomes.sut.individual_trajectory",
    ),
    (
        "Depuis septembre, Nadia Cheref l'accompagne à la Fabrique à Entreprendre ; c'est elle qui l'a encouragée à afficher son idée sur le mur des idées",
        "sut.actors.cluster",
    ),
    (
        "« Je veux faire de la couture mon métier, pas mon loisir du dimanche. »",
        "iw.creating.constructing_identities",
    ),
    (
        "Le groupe a rempli le Business Model Canvas en partant, à la demande d'Aurélie, des clients plutôt que des moyens.",
        "sut.levers.method",
    ),
    (
        "Un sac en jean demande à Fatou deux heures et demie ; vendu 35 euros, il ne paie pas son travail.",
        "sut.barriers.means",
    ),
    (
        "Une participante, ancienne couturière, a proposé de lui montrer des gabarits pour gagner du temps.",
        "sut.resources.skills",
    ),
    (
        "Nadia Cheref a rappelé les étapes de l'accompagnement : tester le marché avant de louer un local, travailler le prévisionnel, et regarder le statut de micro-entrepreneur pour démarrer.",
        "sut.actors.cluster",
    ),
    (
        "Elle a cité le microcrédit de l'Adie comme piste pour la machine professionnelle, puisque Fatou n'a pas accès au prêt bancaire classique.",
        "sut.outcomes.fae.orientation",
    ),
    (
        "pourquoi ne pas partager un lieu avec d'autres créateurs, ou avec le repair café qui a déjà une salle le samedi ?",
        "sut.resources.places_equipment",
    ),
    (
        "Démarrage en micro-entreprise, à domicile, au premier semestre 2020.",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "Aurélie : prêter la salle de son association pour un premier atelier de transformation (février).",
        "sut.resources.places_equipment",
    ),
    (
        "« Il y a deux ans j'étais dans la salle, sans travail, avec mes ciseaux. Ce soir j'ai un prix pour mon sac et des gens qui veulent apprendre avec moi. »",
        "sut.outcomes.sut.individual_trajectory",
    ),
]

CAMILLE["JDB-2017-10-05"] = [
    (
        "la soirée est « le seul endroit où tout le monde est dans la même pièce »",
        "ant.problematisation.obligatory_passage_point",
    ),
    (
        "Elle ne dit jamais « événement ». Elle dit « le rendez-vous ». La formule est revenue trois fois en une heure.",
        "iw.creating.theorizing",
    ),
    (
        "Julien, lui, parle en colonnes : vingt-cinq ateliers visés, seize thèmes sûrs, quatre porteurs confirmés",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Les partenaires (l’agglo, les chambres consulaires, la BGE) sont évoqués comme des invités à convaincre de venir tenir un stand, pas comme des coauteurs.",
        "ant.problematisation.interdefinition",
    ),
]

CAMILLE["JDB-2017-10-19"] = [
    (
        "Julien aborde les passants avec toujours la même question : « Qu’est-ce qui manque, chez vous ? » Jamais « avez-vous une idée d’entreprise ? ».",
        "ant.interessement.devices",
    ),
    (
        "À midi, quarante et un cartons nouveaux : dix-neuf problèmes, quinze idées, sept ressources.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Julien a laissé exprès ceux des semaines précédentes : un mur vide n’attire personne, un mur plein donne envie d’ajouter sa pierre.",
        "ant.non_human",
    ),
    (
        "Monique Vuillet, venue en 2016, passe, reconnaît Julien et propose de tenir le stand le jeudi suivant.",
        "sut.resources.time_volunteering",
    ),
    (
        "Chaque carton s’accompagne d’un prénom et d’un téléphone dans le cahier : ce sont les invitations de novembre.",
        "ant.interessement.devices",
    ),
    (
        "Ce matin j’ai été porte-parole avant d’être observatrice.",
        "ant.mobilisation.spokespersons",
        "réflexivité : la chercheuse parle pour la démarche",
    ),
]

CAMILLE["JDB-2017-11-14"] = [
    (
        "Thomas présente les deux canevas et pose, sans l'écrire nulle part, une règle d'usage : le Business Model Canvas quand un porteur est à la table, le canevas de proposition de valeur quand on part d'un problème.",
        "iw.creating.educating",
    ),
    (
        "Aurélie insiste sur la distribution de la parole : faire écrire avant de faire parler, un post-it par idée, ne jamais donner son propre avis.",
        "iw.creating.educating",
    ),
    ("Pour lui, un atelier sans nom en bas de la fiche « n'a pas eu lieu ».", "ant.non_human"),
    (
        "Question restée sans réponse : que fait-on quand personne ne veut reprendre l'idée ? Julien : « on la garde au chaud ». Personne ne sait bien où est ce chaud.",
        "sut.levers.follow_up",
        "le suivi en creux",
    ),
]

CAMILLE["JDB-2017-11-23"] = [
    (
        "À l’entrée, chaque arrivant reçoit un badge à son prénom et passe devant la charte, un grand panneau qu’on signe au feutre. La plupart signent sans lire",
        "iw.maintaining.embedding_routinizing",
    ),
    (
        "17 h 30, Claire ouvre : « Ce soir, il n’y a pas de spectateurs. »",
        "iw.creating.constructing_identities",
    ),
    (
        "Bernard Jacquemin dit en trois minutes que l’agglomération « sera là après la soirée ». Je note la promesse.",
        "ant.enrolment.roles",
    ),
    (
        "un conseiller de Pôle emploi, Rachid Ouali, reste debout derrière les chaises puis ne peut s’empêcher d’intervenir : il enverra des demandeurs d’emploi si les tarifs suivent",
        "ant.enrolment.roles",
    ),
    (
        "Restitution à 21 h 30 : vingt-cinq porte-parole, une phrase chacun, des applaudissements de plus en plus longs.",
        "ant.mobilisation.spokespersons",
    ),
    (
        "C’est là que les numéros s’échangent ; certains restent jusqu’à 23 h.",
        "sut.resources.network",
    ),
]

CAMILLE["JDB-2017-11-24"] = [
    (
        "Premier tri, le plus simple : y a-t-il un nom en bas, sur la ligne « qui convoque la prochaine réunion » ? Quatorze fiches en portent un. Onze n'en ont pas.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Julien, lui, ne voit pas une hypothèse, il voit une charge : quatorze groupes à relancer, et onze idées « au chaud » dont il ne sait que faire. Il a dit : « je suis seul pour tout ça ».",
        "sut.barriers.means",
    ),
    (
        "Claire a passé la matinée au téléphone à remercier les partenaires et les élus.",
        "sut.actors.cluster",
    ),
    (
        "J'ai rédigé le mail de remerciement aux participants qui ont laissé une adresse (un peu plus de deux cents).",
        "sut.levers.follow_up",
    ),
]

CAMILLE["JDB-2017-12-12"] = [
    (
        "Agnès apporte la salle, un samedi par mois, et ses relations dans le quartier. Monique se charge « du cahier » : noter les objets, les réparations, les prénoms.",
        "ant.enrolment.roles",
    ),
    (
        "L’électricien accepte de venir si quelqu’un d’autre s’occupe de l’assurance.",
        "ant.enrolment.negotiation",
    ),
    (
        "Ni l’une ni l’autre ne dit « je porte le projet » ; elles disent « on essaie ».",
        "iw.creating.constructing_identities",
    ),
    (
        "Deux fois, on y revient pour trancher : « c’est écrit sur la fiche ». Un papier rempli en quarante minutes un soir de novembre fait ici autorité.",
        "ant.non_human",
    ),
]

CAMILLE["JDB-2018-01-18"] = [
    (
        "Bilan de novembre : 350 participants, 25 ateliers, une trentaine de demandeurs d'emploi venus par Pôle emploi, ce dont Rachid Ouali est visiblement fier.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Bernard Jacquemin regrette « une année blanche », accepte à condition qu'on montre les projets en cours.",
        "ant.enrolment.negotiation",
    ),
    (
        "Julien regarde ses mains pendant tout le point. Ce que je sais de son hiver me fait lire autrement les raisons officielles.",
        "sut.barriers.attrition",
    ),
    (
        "il me demande, à moi, comme si je pouvais répondre : « et qui sera la porte d'entrée ? »",
        "sut.cooperation.tensions",
    ),
    (
        "Olivier s'inquiète pour la ressourcerie, qui a besoin d'un local bien avant la réponse de juin.",
        "sut.barriers.regulation",
    ),
    (
        "Bernard Jacquemin : « très bien, mais à la fin il nous faut des emplois ».",
        "iw.maintaining.policing",
    ),
]

CAMILLE["JDB-2018-02-13"] = [
    (
        "Julien est arrêté depuis jeudi, pour dix jours. Grippe, dit-on à l’équipe ; personne ne dit le reste.",
        "sut.barriers.attrition",
    ),
    ("le budget prévoit un demi-poste, dont tout le reste dépend", "sut.resources.funding"),
    (
        "Je le relis le soir même, à minuit, en corrigeant des tableaux que personne dans le groupe n’a appris à faire.",
        "sut.barriers.means",
    ),
    (
        "La liste des locaux vacants demandée à l’agglo n’a rien donné d’abordable.",
        "sut.barriers.means",
    ),
    (
        "Je n’ai aucun pouvoir sur rien, mais ce soir, pour elles, je suis le pôle.",
        "ant.mobilisation.spokespersons",
        "réflexivité : la chercheuse tenue pour porte-parole du pôle",
    ),
    (
        "Fatou a apporté sa machine et, pendant qu’on parle budget, elle reprend la doublure d’un manteau qu’on vient de sortir d’un sac.",
        "sut.resources.time_volunteering",
    ),
    ("La charge du suivi repose sur une personne, et la personne a cédé.", "sut.barriers.means"),
]

CAMILLE["JDB-2018-03-26"] = [
    (
        "Après-midi avec Julien pour remplir la première version de la grille.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Seize groupes issus de 2016 et 2017 sont encore « connus » de l’équipe. Sept sont actifs, six en sommeil, trois dont on ne sait rien.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Le repair café a tenu son premier samedi ce mois-ci : vingt-trois objets apportés, quinze réparés, selon le cahier de Monique.",
        "sut.outcomes.territory.local_services",
    ),
    (
        "Claire, à qui nous avons montré le tableau en fin de journée, a demandé de remplacer « arrêté » par « en pause ».",
        "iw.maintaining.mythologizing",
    ),
    ("L’outil décide de ce qui compte.", "ant.non_human"),
    (
        "Nommer les stades, c’est déjà proposer une histoire dans laquelle les projets montent une échelle.",
        "iw.creating.theorizing",
    ),
]

CAMILLE["JDB-2018-06-19"] = [
    (
        "Motifs résumés dans le courrier : modèle économique fragile, absence de local, dépendance au bénévolat.",
        "iw.maintaining.deterring",
    ),
    ("Hélène parle la première, debout, sans notes : elle arrête.", "ant.dissidence"),
    (
        "« On nous fait remplir des dossiers, on nous applaudit à Juraparc, et après on est trois dans un garage. »",
        "ant.dissidence",
    ),
    ("Claire a proposé « en pause ».", "iw.maintaining.mythologizing"),
]

CAMILLE["JDB-2018-09-27"] = [
    (
        "Salle du conseil de l’agglomération, cette fois, et non le pôle : le lieu dit déjà quelque chose. Les logos de la Caisse des Dépôts, d’ECLA et de la SCIC en tête de chaque diapositive.",
        "sut.levers.recognition",
    ),
    (
        "Bernard Jacquemin : « un créateur ne doit plus faire six guichets ».",
        "ant.problematisation.framing",
    ),
    (
        "François Dole lit une courte déclaration sur les missions de la CCI (formalités, reprise, formation des créateurs), poliment, sans regarder la salle.",
        "ant.enrolment.negotiation",
    ),
    (
        "Olivier Tissot et Isabelle Regad obtiennent que la règle du référent soit écrite.",
        "iw.creating.constructing_normative_networks",
    ),
    (
        "Ma note d’étape, cinq diapositives à partir de la grille : seize groupes suivis, sept actifs, un abandonné",
        "ant.mobilisation.inscriptions",
    ),
]

CAMILLE["JDB-2018-10-16"] = [
    (
        "Nadia fait circuler une liste de neuf porteurs, chacun avec un numéro.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Olivier explique que la BGE est payée « à l'acte » par la Région et qu'un porteur attribué à un autre est, pour lui, un parcours perdu.",
        "iw.maintaining.policing",
    ),
    (
        "Isabelle rappelle qu'un prêt d'honneur suppose un prêt bancaire, donc que l'ordre des portes compte.",
        "sut.actors.support_organisations",
    ),
    ("On tranche au cas par cas, avec des réserves.", "ant.enrolment.negotiation"),
    (
        "Anne-Sophie propose que la règle de non-démarchage, inscrite au règlement depuis septembre, soit relue au début de chaque comité",
        "iw.maintaining.embedding_routinizing",
    ),
    (
        "Pour Nadia, c'est toute personne venue avec une idée. Pour Olivier, quelqu'un qui a signé un parcours d'accompagnement. Pour Rachid, un demandeur d'emploi qui a parlé de création à son conseiller.",
        "iw.creating.defining",
    ),
    (
        "La fiche oblige à choisir, et chaque choix déplace des chiffres d'un bilan à un autre.",
        "ant.non_human",
    ),
]

CAMILLE["JDB-2018-11-17"] = [
    ("Trente et un objets notés dans le cahier de Monique", "ant.mobilisation.inscriptions"),
    (
        "C’est Fatou qui tient la table couture, comme certains samedis depuis le printemps.",
        "sut.resources.time_volunteering",
    ),
    (
        "Cinq mois après la fin de la ressourcerie, Fatou rit de nouveau ; elle parle aux gens plus qu’aux machines.",
        "sut.outcomes.sut.individual_trajectory",
    ),
    (
        "Agnès me dit à voix basse qu’elle ne sait pas combien de temps elle pourra ouvrir la salle tous les mois",
        "sut.barriers.attrition",
    ),
    (
        "Dans ma grille, le repair café est « lancé », zéro emploi. C’est exact, et c’est à peu près tout ce que la grille sait en dire.",
        "ant.mobilisation.inscriptions",
    ),
]

CAMILLE["JDB-2019-02-04"] = [
    (
        "Remplacer « l’essoufflement des groupes » par « la sélection des projets », plus neutre selon elle. Retirer la citation d’une bénévole qui dit « on nous a lâchés ».",
        "iw.maintaining.mythologizing",
    ),
    (
        "Nous sommes arrivées à un compromis. La citation reste, anonymisée et détachée du projet dont elle vient.",
        "ant.enrolment.negotiation",
    ),
    (
        "La manière dont l’équipe protège son récit n’est pas un obstacle à mon travail, c’est un de ses objets : ce que la structure fait pour garder intacte l’histoire de la soirée, face à l’extérieur comme en interne.",
        "iw.maintaining.mythologizing",
    ),
]

CAMILLE["JDB-2019-04-09"] = [
    (
        "un problème sans porteur ; un porteur avec une idée et un groupe de citoyens ; une idée ou une ressource qui cherche son porteur",
        "iw.creating.theorizing",
        "la typologie de la recherche entre sur le terrain",
    ),
    (
        "Julien a tiré la conclusion pratique dans la minute : pour 2019, chercher des porteurs avant la soirée, par le mur et par la Fabrique, et en placer un « potentiel » dans les ateliers-problèmes.",
        "sut.levers.method",
    ),
    (
        "Claire a résisté : « on ne va pas transformer la soirée en concours de porteurs ; un problème sans porteur, c'est aussi un moment de démocratie ».",
        "iw.maintaining.deterring",
        "résistance symbolique à un changement du format",
    ),
    (
        "Thomas, joint par téléphone, a ajouté qu'un porteur peut aussi refermer la discussion trop vite.",
        "sut.actors.project_holder",
    ),
    (
        "Décision : une couleur de plus sur le mur, pour les gens prêts à porter, sans rien changer aux ateliers-problèmes.",
        "ant.interessement.devices",
    ),
]

CAMILLE["JDB-2019-06-14"] = [
    (
        "Assemblée constitutive de la SAS citoyenne qui doit porter la chaufferie bois de Gaël Chauvin.",
        "sut.cooperation.collective_governance",
    ),
    (
        "Denis Roy, de la Caisse coopérative du Revermont, qui a négocié le prêt",
        "sut.actors.funders",
    ),
    (
        "deux agriculteurs qui fourniront les plaquettes de bois issues de l'entretien des haies",
        "ant.enrolment.roles",
    ),
    (
        "Gaël ouvre avec l'histoire : « Tout a commencé un jeudi de novembre 2016, à Juraparc, avec une feuille et des post-it. » Applaudissements. Il la raconte bien, elle est rodée.",
        "iw.maintaining.mythologizing",
    ),
    (
        "Elle lui a donné une date de naissance, un collectif et une légitimité, ce qui n'est pas rien.",
        "sut.levers.recognition",
    ),
    ("Soixante-trois souscriptions signées ce soir.", "sut.resources.funding"),
    (
        "Deux emplois prévus : un technicien, un poste administratif à mi-temps.",
        "sut.outcomes.territory.ventures_jobs",
    ),
    (
        "Il sert à tout le monde ici, ce soir : à Gaël une légitimité, au pôle une réussite à montrer, au village une fierté.",
        "iw.maintaining.valourizing_demonizing",
    ),
]

CAMILLE["JDB-2019-09-21"] = [
    (
        "Julien compte cinquante-huit cartons depuis la fin août ; ils étaient près de quatre-vingts à la même époque il y a deux ans.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Nouveauté : un coin « Fabrique » où Nadia a laissé des dépliants, et une quatrième couleur, le jaune, pour ceux qui se disent prêts à porter quelque chose.",
        "ant.interessement.devices",
    ),
    (
        "Nadia l’a reçue à la Fabrique au début du mois et lui a conseillé de venir.",
        "sut.actors.cluster",
    ),
    (
        "La couleur jaune sur laquelle elle a écrit, c’est ma typologie transformée en dispositif de recrutement.",
        "ant.non_human",
        "réflexivité : une catégorie de la recherche devenue objet",
    ),
]

CAMILLE["JDB-2019-10-22"] = [
    (
        "Deux anciens de 2017 ont renoncé, l’un parti de la région, l’autre « plus la force cette année ».",
        "sut.barriers.attrition",
    ),
    (
        "Nouveauté : vingt minutes d’Olivier Tissot, de la BGE, sur « ce qui se passe après la soirée ».",
        "iw.creating.educating",
    ),
    (
        "Aurélie réagit vivement : « on n’est pas là pour décourager les gens à 20 h ». Olivier : « non, pour ne pas les décevoir à 9 h le lendemain ».",
        "sut.cooperation.tensions",
    ),
    (
        "Une case « prochaine étape réaliste », et sous la ligne du nom, trois champs obligatoires : où, quand, qui convoque.",
        "iw.creating.defining",
    ),
    (
        "Julien annonce que huit ateliers sur vingt ont un porteur identifié à l’avance, contre une minorité en 2017.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Cette année la règle est écrite, dans le guide du facilitateur, page 3.",
        "iw.maintaining.embedding_routinizing",
    ),
    (
        "la soirée repose sur une douzaine de bénévoles qui vieillissent avec elle. Personne ne l’a dit ce soir, tout le monde le savait.",
        "sut.barriers.attrition",
    ),
]

CAMILLE["JDB-2019-11-21"] = [
    (
        "Deux cent quatre-vingts entrées au comptage de Julien, contre trois cent cinquante en 2017.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "la Fabrique a le sien, Nadia y reçoit dès 16 h ; Pôle emploi en tient un, avec Rachid Ouali et une collègue, en service cette fois",
        "ant.enrolment.roles",
    ),
    (
        "La charte est toujours à l’entrée, même panneau, nouvelles signatures par-dessus les anciennes.",
        "iw.maintaining.embedding_routinizing",
    ),
    (
        "Sandrine Bourgeois a dit la phrase juste : le problème n’est pas l’outil, c’est qui anime le groupe quand ça se passe mal.",
        "sut.cooperation.collective_governance",
    ),
    (
        "Olivier Tissot qui, après une heure comme expert à une table, tournait entre les autres sans s’asseoir",
        "sut.actors.support_organisations",
    ),
    (
        "Fatou Diallo au micro : deux ans plus tôt elle était dans la salle « avec ses ciseaux », ce soir elle a « un prix pour son sac ».",
        "sut.outcomes.sut.individual_trajectory",
    ),
]

CAMILLE["JDB-2019-12-10"] = [
    (
        "Une formule à garder : le pôle « fabrique la demande » que les accompagnateurs attendent.",
        "sut.actors.cluster",
    ),
    (
        "Elle a fini par parler : commissions d’attribution, délais de programmation, normes d’accessibilité.",
        "sut.barriers.regulation",
    ),
    (
        "Le vocabulaire a changé en une heure. On disait « notre maison », on dit maintenant « l’opération ». Pierre-Yves acquiesce à tout, et se tait longuement à la fin.",
        "ant.enrolment.negotiation",
    ),
    (
        "Monique a apporté sa liste des bourgs qui ont encore une pharmacie et une boulangerie à pied.",
        "sut.resources.time_volunteering",
    ),
    (
        "Ceux qui se réunissent en décembre, ce sont ceux qui ont quelqu’un pour appeler les autres.",
        "iw.creating.theorizing",
    ),
    ("un partenaire me parle du pôle comme d’un rival possible", "sut.cooperation.tensions"),
]

CAMILLE["JDB-2020-01-16"] = [
    (
        "plus de 130 idées recueillies depuis 2016, 65 ateliers sur trois soirées, 22 projets démarrés",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Définition retenue pour « démarré » : une activité lancée ou une entreprise créée, les groupes de travail et les prototypes à part. Il l’a choisie la semaine dernière, entre deux versions du diaporama",
        "iw.creating.defining",
    ),
    (
        "Éric Monnier, assez fermement, demande de séparer ce qui relève de la Fabrique, depuis la convention, de ce qui relève de la démarche d’ensemble.",
        "iw.maintaining.policing",
    ),
    (
        "La CCI est excusée ; Éric remarque que ces absences se verront au moment du renouvellement.",
        "ant.dissidence",
    ),
    (
        "Bernard Jacquemin cite le repair café comme exemple de lien social ; je soupçonne la lettre de Monique d’y être pour quelque chose.",
        "iw.creating.advocacy",
    ),
    (
        "Julien a l’air épuisé. La quatrième soirée est renvoyée après les municipales.",
        "sut.barriers.attrition",
    ),
    (
        "Valérie Chapuis m’a demandé si le calendrier de l’appel à projets régional avait pesé dans les abandons. J’ai répondu oui, dans au moins un cas.",
        "sut.barriers.regulation",
    ),
    (
        "une heure plus tard, elle proposait d’étudier un petit fonds d’amorçage pour les projets qui attendent l’appel",
        "iw.disrupting.disconnecting_sanctions",
        "un financeur envisage de sortir du calendrier de son appel à projets",
    ),
    (
        "En conclusion, Claire a repris mes chiffres : « la preuve que la méthode marche ». Mes résultats provisoires sont devenus un argument en quelques minutes.",
        "ant.mobilisation.inscriptions",
    ),
]

CAMILLE["JDB-2020-02-11"] = [
    (
        "la soirée n'est pas une prestation, elle ne se prescrit pas, elle ne se compte pas",
        "sut.barriers.fragmentation",
    ),
    (
        "Il a gardé la trace des participations dans la zone de commentaire libre des dossiers, pour rassurer les demandeurs d'emploi inquiets pour leurs droits.",
        "iw.disrupting.disconnecting_sanctions",
    ),
    ("venir « pas comme public cible, comme citoyens »", "ant.problematisation.interdefinition"),
    (
        "presque tous attendent quelque chose de la thèse. Que je dise ce qui ne marche pas, que je montre ce qui n'est pas compté, que je fasse lire le texte à leur hiérarchie.",
        "ant.mobilisation.spokespersons",
        "réflexivité : la thèse attendue comme porte-parole",
    ),
]
