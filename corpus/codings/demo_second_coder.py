"""The second coder's codings: a quarter of the documents, coded independently.

She coded from the codebook alone, without seeing Camille's codings: four
interviews, five minutes and four logbook entries. Entries are ``(words, code)``
or ``(words, code, memo)``; see ``demo_codings.py``.
"""

SECOND_CODER: dict[str, list[tuple[str, ...]]] = {}

SECOND_CODER["INT03"] = [
    (
        "À Gizia il n’y a plus rien depuis longtemps, plus d’épicerie, plus de boulangerie, il reste les vignes et c’est tout.",
        "ant.problematisation.framing",
    ),
    (
        "Le jeudi, une voisine l’emmenait au supermarché de Cousance. Si la voisine était malade, elle mangeait des conserves.",
        "sut.barriers.territory",
    ),
    (
        "Mais je ne fais rien. Je ne me vois pas commerçante, je ne connais personne ici, je n’ai jamais rien créé.",
        "sut.barriers.fear_risk",
    ),
    (
        "Un jeudi de septembre 2016, il y a un stand avec des grands panneaux couverts de post-it — le mur des idées, j’ai appris le nom après — et un jeune homme qui vous arrête : « Qu’est-ce qui manque, là où vous habitez ? »",
        "ant.interessement.devices",
    ),
    (
        "Il m’a tendu un post-it vert, j’ai écrit « épicerie en vrac qui passe dans les villages », je l’ai collé et je suis partie acheter mes poireaux.",
        "ant.interessement.devices",
    ),
    (
        "Trois semaines après, il m’appelle : « Votre post-it, on aimerait en faire un atelier. Vous voulez le porter ? »",
        "ant.enrolment.roles",
    ),
    (
        "J’avais peur qu’on me pique l’idée, très honnêtement. Je me disais : je vais présenter mon truc devant des inconnus, et il y en a un qui le fera avant moi. Et j’avais peur de parler en public.",
        "sut.barriers.fear_risk",
    ),
    (
        "C’est Julien qui m’a fait changer d’avis. Il m’a dit : « Si quelqu’un peut vous voler l’idée en trois heures, c’est qu’il n’avait pas besoin de vous.",
        "sut.actors.cluster",
    ),
    (
        "Il m’a envoyé la charte, où c’était écrit qu’on respecte le porteur, qu’on ne vient pas démarcher, et que ce qui est travaillé dans l’atelier appartient au groupe",
        "ant.non_human",
    ),
    (
        "Il avait mis une chaise vide au bout de la table, avec un carton : « la dame de quatre-vingts ans à Gizia qui n’a plus de voiture ». Ma grand-mère, en somme.",
        "sut.actors.facilitators",
    ),
    (
        "Puis il a déplié une immense feuille, le Business Model Canvas, les neuf cases",
        "sut.resources.tools_methods",
    ),
    (
        "Donc j’avais deux clientèles complètement différentes autour du même produit. Ça a été le déclic.",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "« Une épicerie de village, ce n’est pas un magasin, c’est un rendez-vous. »",
        "iw.creating.changing_normative_associations",
    ),
    ("J’avais les jambes qui tremblaient.", "sut.barriers.fear_risk"),
    (
        "j’ai demandé à ceux qui habitent un village sans commerce de lever la main. Une forêt de mains.",
        "sut.levers.recognition",
    ),
    (
        "Et c’est là que j’ai rencontré Laurent Faivre, de la Fromagerie Faivre, qui servait son comté. Il m’a dit : « Le jour où vous roulez, je vous fournis. »",
        "sut.resources.network",
    ),
    (
        "Au début on était huit, à la fin trois : la dame de Beaufort, le monsieur sceptique — devenu mon plus grand soutien, c’est drôle — et moi.",
        "sut.outcomes.sut.group_formation",
    ),
    (
        "il ne faut pas compter sur l’enthousiasme, il faut compter sur les habitudes",
        "iw.creating.theorizing",
    ),
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
        "Denis Roy, à la Caisse coopérative du Revermont — il était à la soirée lui aussi, la banque sponsorisait le buffet — a pris le dossier au sérieux. Il m’a dit : « Je ne finance pas un camion, je finance une tournée. Montrez-moi vos villages. »",
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
        "c’est la Menuiserie Lacroix qui les a faites, presque à prix coûtant",
        "sut.actors.businesses",
    ),
    (
        "Pas avec le garage solidaire, attention : le garage, c’est pour les gens orientés par les travailleurs sociaux, une commerçante n’y a pas droit, ils ont des règles strictes là-dessus.",
        "iw.maintaining.policing",
    ),
    (
        "Quatorze arrêts en tout, avec les mêmes têtes à la même heure, c’est ça qui compte.",
        "sut.outcomes.territory.local_services",
    ),
    (
        "Laurent, il a été plus qu’un fournisseur. Il m’a appris à faire des marges.",
        "sut.levers.peer_support",
    ),
    (
        "En décembre 2018, j’ai glissé dans la côte en montant sur Rotalier, camion chargé, et j’ai fini dans le fossé.",
        "sut.barriers.territory",
    ),
    (
        "Oui, depuis juin 2019 j’ai une salariée à trente heures.",
        "sut.outcomes.territory.ventures_jobs",
    ),
    ("Enfin, moi, je me paye un peu plus de neuf cents euros par mois.", "sut.barriers.means"),
    (
        "Je suis devenue un peu... l’histoire qu’on raconte. À la soirée de novembre, on m’a demandé de témoigner au forum, à 16 heures, avant les ateliers.",
        "iw.maintaining.valourizing_demonizing",
    ),
    (
        "Moi, j’ai travaillé soixante heures par semaine pendant un an et demi. J’ai failli arrêter deux fois.",
        "sut.barriers.attrition",
    ),
    (
        "Le pôle, c’est l’étincelle. Ils m’ont mise dans une salle avec des gens que je n’aurais jamais rencontrés autrement",
        "sut.resources.network",
    ),
    (
        "J’ai couru d’un bureau à l’autre : la CCI pour l’immatriculation, la chambre de métiers parce qu’on ne savait pas si couper du fromage faisait de moi une artisane [rires], et personne ne se parlait.",
        "sut.barriers.fragmentation",
    ),
    (
        "le maire m’a d’abord refusé l’emplacement sur la place. Il y avait encore un dépôt de pain chez un particulier et une boulangère qui passait deux fois par semaine en camionnette, et ils avaient peur que je leur prenne des clients. On a négocié",
        "sut.cooperation.tensions",
    ),
    (
        "Quand je dis « je suis passée par Start-Up de Territoire », les maires qui y étaient me regardent autrement. C’est comme une recommandation.",
        "sut.levers.recognition",
    ),
    ("Par contre, moi, j’en ai pris plein aux autres", "sut.cooperation.mutual_aid"),
    (
        "De demander un rendez-vous à la Fabrique dès le lendemain, au lieu de se perdre des mois comme moi.",
        "sut.outcomes.fae.orientation",
    ),
]

SECOND_CODER["INT05"] = [
    (
        "À la déchetterie, des sacs entiers de vêtements, des draps, des rideaux en parfait état, des manteaux d’enfants. Les bornes de collecte débordent, les associations caritatives refusent une partie des dons, et le reste part on ne sait où, à l’autre bout du monde.",
        "ant.problematisation.framing",
    ),
    (
        "Il y avait ce fameux mur des idées, et sur un post-it bleu un peu froissé quelqu’un avait écrit : « ressourcerie textile ? rien entre Lons et Bourg ».",
        "ant.interessement.devices",
    ),
    (
        "Il a sorti son Business Model Canvas, ses neuf cases, et il nous a demandé quelle était notre « proposition de valeur ».",
        "sut.resources.tools_methods",
    ),
    (
        "« Vous, vous savez coudre, vous connaissez les tissus. La ressource, c’est vous. »",
        "ant.enrolment.roles",
    ),
    (
        "Personne ne m’avait jamais dit que j’étais une ressource. [rires] J’étais une retoucheuse sans travail.",
        "iw.creating.constructing_identities",
    ),
    ("« L’idée a trouvé sa porteuse. »", "ant.mobilisation.spokespersons"),
    (
        "Mais j’avais dit « essayer de voir », et le micro a dit « porteuse ». C’est la salle qui a décidé pour moi.",
        "ant.dissidence",
    ),
    (
        "Dès janvier 2017 on s’est retrouvés à sept, tous les quinze jours",
        "sut.outcomes.sut.group_formation",
    ),
    (
        "En juin, une vente éphémère dans une salle qu’on nous avait prêtée à Lons : un peu plus de neuf cents euros en une journée.",
        "sut.resources.tools_methods",
    ),
    ("Sans local, pas de boutique, pas de vente régulière, pas d’argent.", "sut.barriers.means"),
    (
        "Julien nous a aidées, il faut être juste, et le pôle a demandé à l’agglo la liste des locaux vides.",
        "sut.levers.follow_up",
    ),
    (
        "Et puis il fallait un avis de sécurité incendie, refaire l’électricité, et personne ne voulait dire qui payerait les travaux. Ça a traîné.",
        "sut.barriers.regulation",
    ),
    ("On n’a jamais eu de non. On n’a jamais eu de oui non plus.", "sut.barriers.fragmentation"),
    (
        "Je le connaissais par cœur, je l’avais rempli quatre fois entre-temps",
        "sut.barriers.fragmentation",
    ),
    (
        "Fatou Diallo, une couturière qui cherchait du travail, qui avait appris au Sénégal et travaillé en atelier à Lyon. Elle a dit : « Un jean troué, ce n’est pas un déchet, c’est un sac. »",
        "sut.resources.skills",
    ),
    (
        "Pour le reste, trois personnes ont laissé leur numéro pour venir trier ; une seule est venue, deux samedis.",
        "sut.barriers.attrition",
    ),
    ("le surlendemain il y avait ma tête dans le journal", "iw.maintaining.valourizing_demonizing"),
    ("Quarante pages.", "sut.barriers.regulation"),
    (
        "Les motifs : un modèle économique fragile, pas de local, trop de dépendance au bénévolat.",
        "sut.actors.funders",
    ),
    ("Pas de local, donc pas d’argent ; pas d’argent, donc pas de local", "sut.barriers.means"),
    (
        "Les voisines ont arrêté au printemps, l’une avait le dos en compote, l’autre avait retrouvé du travail.",
        "sut.barriers.attrition",
    ),
    (
        "Mais pendant tout l’hiver et le printemps, du côté de la direction, rien.",
        "sut.levers.follow_up",
        "le suivi absent",
    ),
    (
        "Cinq minutes. Ouvert ! J’avais ouvert quoi ? Un garage plein de sacs.",
        "sut.cooperation.trust",
    ),
    (
        "« On nous fait remplir des dossiers, on nous applaudit à Juraparc, et après on est trois dans un garage. »",
        "iw.disrupting.disassociating_moral_foundations",
    ),
    (
        "L’assemblée générale de dissolution, on l’a faite fin juillet, dans ma cuisine, à cinq.",
        "ant.dissidence",
    ),
    (
        "qu’un projet collectif de ressourcerie, avec des bénévoles, « ce n’est pas vraiment le cœur du dispositif »",
        "sut.barriers.fragmentation",
    ),
    ("J’ai compris ce jour-là qu’on n’était pas dans la bonne case.", "sut.barriers.fragmentation"),
    (
        "Ce que je reproche à ces soirées, ce n’est pas d’exister, c’est de faire croire.",
        "iw.disrupting.disassociating_moral_foundations",
    ),
    (
        "Pour l’agglo, c’est une très belle communication : trois cents citoyens qui « entreprennent pour leur territoire ».",
        "iw.maintaining.valourizing_demonizing",
    ),
    ("« Allez-y, mais ne vous laissez pas désigner. »", "ant.dissidence"),
    ("Je lui ai donné les deux machines.", "sut.resources.places_equipment"),
    (
        "Il faudrait compter les gens qui s’épuisent. Ça, personne ne le compte.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Si la Région avait un petit fonds pour les projets qui n’ont pas encore de local.",
        "sut.resources.funding",
    ),
]

SECOND_CODER["INT08"] = [
    ("c'est notre prof d'éco-gestion qui nous en avait parlé en cours", "sut.resources.network"),
    ("au début on était cinq à dire oui, et on était trois le jour J", "sut.barriers.attrition"),
    (
        "quand l'épicerie a fermé, elle s'est retrouvée sans rien. Le pain, le journal, tout. Elle a pas le permis.",
        "sut.barriers.territory",
    ),
    (
        "Et à l'entrée on nous a fait signer une charte. J'ai signé sans lire, franchement.",
        "iw.maintaining.embedding_routinizing",
    ),
    (
        "Il parlait vite, il faisait des blagues, il te laissait pas décrocher.",
        "sut.actors.facilitators",
    ),
    ('Et à un moment il m\'a dit : "Vas-y, toi, explique aux autres."', "iw.creating.educating"),
    ("Et quand il était pas là, ça partait un peu dans tous les sens.", "sut.actors.facilitators"),
    (
        "Comme si j'étais le représentant officiel de tous les jeunes du Jura",
        "ant.mobilisation.spokespersons",
    ),
    (
        "Parce qu'à Revigny, pour un colis, il faut aller à Lons, et sans voiture c'est mort.",
        "sut.barriers.territory",
    ),
    (
        "Et moi le mardi j'avais cours jusqu'à cinq heures et demie au lycée, et après, pour aller à Revigny sans voiture…",
        "sut.barriers.territory",
    ),
    ("Après, j'ai arrêté de lire les mails.", "sut.levers.follow_up"),
    (
        "Mais une réunion à la mairie avec des retraités pour parler du commerce, ça me faisait un peu peur, genre ça va être deux heures de discussion et rien de concret.",
        "sut.barriers.fear_risk",
    ),
    (
        "Ils ont ouvert un commerce multiservice l'année dernière, la commune. Il y a une personne embauchée, un petit café, du pain, des produits du coin",
        "sut.outcomes.territory.local_services",
    ),
    ("Mais c'est surtout la maire qui s'est bougée", "sut.actors.public_bodies"),
    (
        "Je l'ai réutilisé pour mon projet de BTS, l'épreuve de développement d'unité commerciale. J'ai pris l'exemple d'une supérette de village, j'ai fait le rond, le carré, les gains, les peines.",
        "sut.outcomes.sut.individual_trajectory",
    ),
    (
        "Je me suis rendu compte que dans un village on peut faire des trucs.",
        "sut.outcomes.territory.entrepreneurial_culture",
    ),
    (
        "Et puis maintenant il y a la Fabrique, je crois, pour aider ceux qui créent ? J'en ai entendu parler par une copine qui a monté son truc d'esthétique à domicile. Elle a été aidée pour le prêt.",
        "sut.outcomes.fae.financing_access",
    ),
    (
        "Ensuite, venir dans les lycées avant, pas juste une prof qui en parle en cours.",
        "ant.interessement.devices",
    ),
]

SECOND_CODER["INT11"] = [
    (
        "on s’est regardés avec ma directrice en se disant : encore un truc.",
        "sut.cooperation.tensions",
    ),
    ("quand l’agglo est derrière, on ne reste pas chez soi", "sut.actors.public_bodies"),
    (
        "Des retraités, des agriculteurs, des jeunes mères des villages. Des gens qui ne poussent jamais la porte de la BGE.",
        "sut.actors.citizens",
    ),
    ("Eux, ils la fabriquent, la demande, si vous voulez.", "iw.creating.theorizing"),
    (
        "trois heures d’atelier avec un canevas, ça ne fait pas un projet",
        "sut.cooperation.tensions",
    ),
    (
        "Et ceux qui ramassent les morceaux, c’est souvent nous, ou Initiative Jura, ou l’Adie.",
        "sut.actors.support_organisations",
    ),
    (
        "Cette année, il y avait sur la fiche de restitution une case « prochaine étape réaliste », et les facilitateurs avaient pour consigne de ne pas promettre de financement.",
        "iw.creating.defining",
    ),
    (
        "Julien m’a aussi demandé de faire vingt minutes devant les facilitateurs bénévoles, avant la soirée, sur ce qui se passe après",
        "iw.creating.educating",
    ),
    ("Il y avait un petit côté… « qui t’es, toi ? ».", "sut.cooperation.tensions"),
    ("Au bout du compte le même monsieur est compté quatre fois", "sut.cooperation.tensions"),
    ("une fiche de liaison commune, avec un numéro par porteur", "ant.mobilisation.inscriptions"),
    ("on ne démarche pas le porteur d’un autre", "iw.creating.defining"),
    (
        "Ils n’ont jamais vraiment admis que la porte d’entrée de la création, sur ce territoire, ce soit la SCIC.",
        "ant.problematisation.obligatory_passage_point",
    ),
    ("les porteurs de la soirée, on ne les aurait jamais eus sans elle", "ant.enrolment.roles"),
    (
        "Karim, mécanicien au chômage, était venu en 2016 à un atelier sur la mobilité, sans projet.",
        "sut.outcomes.sut.individual_trajectory",
    ),
    ("Aujourd’hui ils sont trois salariés à Roue Libre.", "sut.outcomes.territory.ventures_jobs"),
    (
        "Pas le héros solitaire, mais une affaire portée par un morceau de territoire.",
        "iw.creating.changing_normative_associations",
    ),
    ("« nous, on n’accompagne pas, on détecte et on oriente »", "iw.creating.defining"),
    (
        "Claire a cité la BGE au micro, devant trois cent cinquante personnes, en disant que les porteurs pourraient venir nous voir.",
        "sut.levers.recognition",
    ),
    (
        "Nadia surtout. Elle vient du terrain, elle ne se prend pas pour une conseillère.",
        "sut.actors.cluster",
    ),
    (
        "C’est là où la CCI et nous, on se parle, ce qui n’arrivait pas avant.",
        "iw.creating.constructing_normative_networks",
    ),
    (
        "Le repair café, c’est compté dans les projets lancés ; très bien, c’est sympathique, mais c’est zéro emploi.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "s’ils n’affichent pas de résultats, l’agglo coupe, et la Fabrique disparaît",
        "iw.maintaining.policing",
    ),
    (
        "Les groupes de travail se réunissent le soir, à dix-neuf heures, vingt heures, dans une salle des fêtes à Beaufort ou à Bletterans, parce que les gens travaillent la journée.",
        "sut.barriers.territory",
    ),
    ("on est trois conseillers pour tout le sud du département", "sut.barriers.means"),
    (
        "Mais il n’y avait pas de local, pas de modèle économique, tout reposait sur des bénévoles qui triaient des sacs de vêtements dans un garage.",
        "sut.barriers.means",
    ),
    (
        "ne misez pas tout sur l’appel à projets, le calendrier ne colle pas",
        "sut.barriers.regulation",
    ),
    ("Et ce décalage-là, il tue des projets.", "sut.barriers.regulation"),
    (
        "Quatre structures, et la porteuse ne l’a pas vécu comme un parcours du combattant, parce qu’on se parlait.",
        "sut.outcomes.fae.orientation",
    ),
    ("la démarche a permis ça, une deuxième chance", "sut.outcomes.sut.individual_trajectory"),
    ("Chacun retournerait dans son couloir", "sut.barriers.fragmentation"),
    (
        "on nous demande d’être partenaires le jeudi au comité technique, et le lundi on répond au même marché public que la CCI",
        "sut.barriers.fragmentation",
    ),
]

SECOND_CODER["CR-W16-03"] = [
    (
        "Elle habite un village du Revermont où l'épicerie a fermé il y a six ans. Pour un paquet de riz ou de lessive, il faut prendre la voiture jusqu'aux grandes surfaces de Montmorot ou de Perrigny.",
        "ant.problematisation.framing",
    ),
    (
        "« Le problème, ce n'est pas le vrac, c'est qu'il n'y a plus rien du tout. »",
        "ant.problematisation.framing",
    ),
    ("Thomas avait posé une chaise vide au bout de la table", "ant.non_human"),
    (
        "s'associer avec le boulanger qui tourne déjà plutôt que lui faire concurrence",
        "sut.cooperation.mutual_aid",
    ),
    ("« Vous ne tiendrez pas un hiver. »", "sut.barriers.territory"),
    (
        "Le pôle : la recontacter en janvier pour voir si un groupe de travail peut se former.",
        "sut.levers.follow_up",
    ),
    (
        "Quinze numéros de clients potentiels, dont plusieurs laissés au buffet",
        "sut.resources.network",
    ),
    (
        "« Je suis venue avec un camion dans la tête, je repars avec une tournée dessinée et quinze numéros de téléphone. »",
        "sut.outcomes.sut.idea_maturation",
    ),
    ("une forêt de mains", "sut.levers.recognition"),
]

SECOND_CODER["CR-W17-05"] = [
    ("« On jette en août ce qui nous manque en février. »", "ant.problematisation.framing"),
    (
        "Canevas de proposition de valeur, les deux moitiés, en 2 groupes de 5 puis mise en commun.",
        "sut.levers.method",
    ),
    (
        "douleurs : pertes, pas le temps ni le labo pour transformer, normes sanitaires, prix trop bas des invendus",
        "sut.barriers.regulation",
    ),
    (
        "Laurent Faivre (fromagerie), venu en « expert » à la demande de Marc, a beaucoup apporté sur le sanitaire",
        "sut.actors.businesses",
    ),
    (
        "un maraîcher de Vincelles : intéressé, mais veut être payé à la livraison, pas à 60 jours",
        "ant.enrolment.negotiation",
    ),
    ("Maëlle a peu d'apport.", "sut.barriers.means"),
    (
        "Marc a parlé du prêt d'honneur d'Initiative Jura, qui permet ensuite d'obtenir un prêt bancaire",
        "sut.resources.funding",
    ),
    ("Prioritaire : trouver le local et chiffrer la mise aux normes.", "sut.barriers.regulation"),
    ("Groupe de travail à constituer (4 volontaires).", "sut.outcomes.sut.group_formation"),
    (
        "« Ce qu'on jette en août, on le mangera en février. On a trouvé les recettes, il nous manque une cuisine aux normes. »",
        "ant.mobilisation.spokespersons",
    ),
]

SECOND_CODER["CR-W17-21"] = [
    (
        "trois post-it différents disaient presque la même chose : « réparer plutôt que jeter », « apprendre à réparer son grille-pain », « arrêter de jeter les vélos »",
        "ant.problematisation.framing",
    ),
    (
        "« Électricien retraité, du temps le samedi, cherche à se rendre utile. »",
        "sut.resources.time_volunteering",
    ),
    (
        "un repair café n'est pas compliqué à monter, mais qu'il est difficile à faire durer",
        "iw.creating.theorizing",
    ),
    ("« D'abord les gens. Qui a un grille-pain en panne dans son placard ? »", "sut.levers.method"),
    ("réparer avec le visiteur, pas à sa place", "iw.creating.changing_normative_associations"),
    (
        "Un lycéen a proposé de compter les kilos d'objets sauvés à chaque séance, pour pouvoir le dire aux élus.",
        "ant.mobilisation.inscriptions",
    ),
    (
        "Agnès a levé la main la première : son association a une salle, et le samedi elle ne sert à rien.",
        "sut.resources.places_equipment",
    ),
    (
        "Monique, qui ne la connaissait pas avant ce soir, a suivi, en prévenant qu'elle est incapable de changer une prise mais qu'elle sait faire des plannings et des affiches.",
        "ant.enrolment.roles",
    ),
    (
        "Discussion sur l'assurance et la responsabilité si un appareil réparé prend feu",
        "sut.barriers.regulation",
    ),
    ("il ne fallait pas réinventer la roue", "iw.creating.mimicry"),
    (
        "rattachée à l'association Quartier Vivant, sans création de structure",
        "sut.cooperation.collective_governance",
    ),
    (
        "« Il n'y avait pas de porteur, il y en a deux, et on n'est pas du tout bricoleuses. Les bricoleurs, eux, sont venus.",
        "ant.mobilisation.spokespersons",
    ),
]

SECOND_CODER["COPIL-2018-01-18"] = [
    (
        "Elle propose de construire avec l'équipe une grille de suivi des groupes de travail, partageable avec les partenaires.",
        "sut.levers.follow_up",
    ),
    (
        "M. Jacquemin : « très bien, mais à la fin il nous faut des emplois ».",
        "iw.maintaining.policing",
    ),
    ("Environ 350 participants, 25 ateliers", "ant.mobilisation.inscriptions"),
    (
        "Pôle emploi a relayé l'invitation auprès d'une centaine de demandeurs d'emploi repérés par les conseillers",
        "ant.interessement.devices",
    ),
    ("la garde d'enfants en soirée et le transport depuis les villages", "sut.barriers.territory"),
    (
        "certains participants sortent de la soirée persuadés que leur projet est validé, et c'est ensuite aux conseillers de les ramener au prévisionnel",
        "sut.cooperation.tensions",
    ),
    ("Il demande que les facilitateurs ne promettent aucun financement.", "iw.creating.defining"),
    (
        "l'année sera consacrée à la mise en place de la Fabrique à Entreprendre et au suivi des groupes issus de 2017",
        "sut.levers.follow_up",
    ),
    (
        "Claire rappelle que le pôle détecte et oriente, il n'accompagne pas.",
        "iw.creating.defining",
    ),
    (
        "il finance un chef de file qui organise une porte d'entrée lisible",
        "ant.problematisation.obligatory_passage_point",
    ),
    (
        "M. Jacquemin indique qu'ECLA est prête à s'engager et propose que la SCIC Territoires en Commun porte la Fabrique.",
        "iw.creating.vesting",
    ),
    (
        "François Dole pose une question : « qui sera la porte d'entrée ? » La réponse reste vague.",
        "ant.dissidence",
    ),
    (
        "un porteur passé par plusieurs structures ne doit pas apparaître dans chaque bilan",
        "sut.cooperation.tensions",
    ),
    (
        "Éric Monnier répond que seule la partie sensibilisation est éligible ; la location de Juraparc et le buffet ne le sont pas.",
        "iw.maintaining.policing",
    ),
    (
        "Denis Roy rappelle que la banque ne peut pas préfinancer une subvention non notifiée.",
        "sut.barriers.means",
    ),
]

SECOND_CODER["CR-W19-04"] = [
    (
        "les repas des cantines scolaires et de certaines maisons de retraite viennent pour l'essentiel de grossistes nationaux",
        "ant.problematisation.framing",
    ),
    (
        "doivent servir des repas équilibrés à un coût matière de moins de deux euros par assiette",
        "sut.barriers.means",
    ),
    (
        "se heurtent aux appels d'offres qu'ils ne savent pas remplir, aux factures payées à 60 jours",
        "sut.barriers.regulation",
    ),
    (
        "Jean-Paul a été très clair : « Je peux vendre de la viande à une cantine. Je ne peux pas faire cinq villages le mardi matin avec ma camionnette pour trois kilos chaque fois. »",
        "sut.barriers.territory",
    ),
    ("seraient prêts à s'impliquer (visites de ferme, commission menus)", "sut.actors.citizens"),
    (
        "Une plateforme d'approvisionnement commune à plusieurs cantines, qui regroupe les commandes et organise une tournée unique.",
        "sut.outcomes.sut.idea_maturation",
    ),
    (
        "Former les cuisiniers et les élus à rédiger des marchés qui permettent de choisir des produits locaux.",
        "iw.creating.educating",
    ),
    (
        "Jean-Paul ne veut pas « monter une boîte de plus » mais accepte de participer à un groupe de travail.",
        "sut.outcomes.sut.group_formation",
    ),
    (
        "Le pôle organise une première réunion du groupe de travail en janvier",
        "sut.levers.follow_up",
    ),
    (
        "Les fermes sont à dix minutes des écoles, et il faut trois semaines et un grossiste pour qu'une carotte fasse le trajet.",
        "ant.problematisation.framing",
    ),
]

SECOND_CODER["JDB-2017-10-19"] = [
    (
        "Julien aborde les passants avec toujours la même question : « Qu’est-ce qui manque, chez vous ? »",
        "ant.interessement.devices",
    ),
    (
        "Les problèmes qui reviennent : se déplacer sans voiture, le médecin qui part à la retraite sans successeur, le dernier commerce qui ferme, les vêtements qu’on jette, les anciens isolés l’hiver.",
        "ant.problematisation.framing",
    ),
    ("À midi, quarante et un cartons nouveaux", "ant.mobilisation.inscriptions"),
    (
        "un mur vide n’attire personne, un mur plein donne envie d’ajouter sa pierre",
        "ant.interessement.devices",
    ),
    (
        "Monique Vuillet, venue en 2016, passe, reconnaît Julien et propose de tenir le stand le jeudi suivant.",
        "sut.resources.time_volunteering",
    ),
]

SECOND_CODER["JDB-2018-03-26"] = [
    (
        "Après-midi avec Julien pour remplir la première version de la grille.",
        "sut.resources.tools_methods",
    ),
    ("Sept sont actifs, six en sommeil, trois dont on ne sait rien.", "sut.barriers.attrition"),
    (
        "Roue Libre avance, Karim a vu la BGE et cherche toujours son hangar.",
        "sut.resources.places_equipment",
    ),
    (
        "Le repair café a tenu son premier samedi ce mois-ci : vingt-trois objets apportés, quinze réparés",
        "sut.outcomes.territory.local_services",
    ),
    ("a demandé de remplacer « arrêté » par « en pause »", "iw.maintaining.valourizing_demonizing"),
    ("L’outil décide de ce qui compte.", "ant.non_human"),
]

SECOND_CODER["JDB-2018-10-16"] = [
    ("Nadia anime son premier comité technique.", "iw.creating.constructing_normative_networks"),
    (
        "La CCI est excusée ; François Dole a envoyé la veille un mail avec deux noms de porteurs.",
        "ant.dissidence",
    ),
    (
        "Olivier explique que la BGE est payée « à l'acte » par la Région et qu'un porteur attribué à un autre est, pour lui, un parcours perdu.",
        "sut.cooperation.tensions",
    ),
    ("On tranche au cas par cas, avec des réserves.", "ant.enrolment.negotiation"),
    (
        "soit relue au début de chaque comité, « pour que personne ne puisse dire qu'il l'avait oubliée »",
        "iw.maintaining.embedding_routinizing",
    ),
    (
        "Ce que j'observe surtout : le mot « porteur » n'a pas le même sens autour de la table.",
        "iw.creating.defining",
    ),
    (
        "La fiche oblige à choisir, et chaque choix déplace des chiffres d'un bilan à un autre.",
        "ant.mobilisation.inscriptions",
    ),
]

SECOND_CODER["JDB-2019-06-14"] = [
    (
        "Assemblée constitutive de la SAS citoyenne qui doit porter la chaufferie bois de Gaël Chauvin.",
        "sut.outcomes.territory.ventures_jobs",
    ),
    (
        "Au premier rang, Denis Roy, de la Caisse coopérative du Revermont, qui a négocié le prêt",
        "sut.actors.funders",
    ),
    (
        "« Tout a commencé un jeudi de novembre 2016, à Juraparc, avec une feuille et des post-it. »",
        "iw.maintaining.mythologizing",
    ),
    ("Soixante-trois souscriptions signées ce soir.", "sut.resources.funding"),
    (
        "Deux emplois prévus : un technicien, un poste administratif à mi-temps.",
        "sut.outcomes.territory.ventures_jobs",
    ),
    (
        "mon travail n’est pas de démentir le récit d’origine mais de documenter comment il se fabrique et à qui il sert",
        "iw.maintaining.mythologizing",
    ),
]
