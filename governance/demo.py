"""French demo content of the governance section: the plenary that opened membership to all,
the transition group, a members-only steering committee, the register and two versions of the
statutes. Idempotent: pages are found by slug, statute versions by number."""

import datetime

from wagtail.models import Page

from .models import (
    Attendance,
    BodyKind,
    BodyPage,
    DecisionChange,
    DecisionPage,
    DecisionRegisterPage,
    DecisionStatus,
    Mandate,
    MeetingPage,
    StatutesPage,
    StatuteVersion,
)
from .visibility import Visibility

D = datetime.date

BODIES = [
    {
        "slug": "pleniere",
        "title": "Plénière du mouvement",
        "kind": BodyKind.PLENARY,
        "intro": "<p>La plénière réunit toutes les personnes et structures adhérentes. Elle "
        "se tient au moins deux fois par an, sur place et à distance.</p>",
        "role": "<p>La plénière adopte les statuts et le règlement intérieur, vote le budget, "
        "élit le comité de pilotage et arrête les grandes orientations du mouvement. Chaque "
        "adhérent y dispose d'une voix ; les décisions sont prises à la majorité des "
        "suffrages exprimés, sauf la modification des statuts (majorité des deux tiers).</p>",
        "mandates": [
            ("Sophie Marchand", "co-animatrice de la plénière", D(2018, 9, 22), None),
            ("Karim Benali", "co-animateur de la plénière", D(2018, 9, 22), None),
            ("Hélène Roux", "animatrice de la plénière", D(2015, 1, 24), D(2018, 9, 22)),
        ],
    },
    {
        "slug": "groupe-de-transition",
        "title": "Groupe de transition",
        "kind": BodyKind.TRANSITION,
        "intro": "<p>Des membres de l'ancien comité de pilotage et de nouveaux entrants "
        "ayant répondu à l'appel à contributions.</p>",
        "role": "<p>Mandaté par la plénière du 22 septembre 2018, le groupe de transition "
        "propose les modalités de la nouvelle gouvernance et de l'adhésion des personnes, "
        "des groupes d'habitants et des structures. Il rend compte à chaque plénière.</p>",
        "mandates": [
            ("Sophie Marchand", "coordinatrice", D(2018, 9, 22), None),
            ("Thomas Nguyen", "membre, collège des groupes-projets", D(2018, 9, 22), None),
            ("Aïcha Diallo", "membre, collège des professionnels", D(2019, 1, 12), None),
            (
                "Bernard Lefèvre",
                "membre, ancien comité de pilotage",
                D(2018, 9, 22),
                D(2019, 6, 30),
            ),
        ],
    },
    {
        "slug": "comite-de-pilotage",
        "title": "Comité de pilotage",
        "kind": BodyKind.STEERING,
        "visibility": Visibility.MEMBERS,
        "intro": "<p>Le comité de pilotage suit l'activité courante entre deux plénières.</p>",
        "role": "<p>Il prépare les plénières, suit le budget et les partenariats, et "
        "coordonne les groupes de travail. Ses comptes rendus sont réservés aux membres.</p>",
        "mandates": [
            ("Karim Benali", "trésorier", D(2019, 6, 15), None),
            ("Claire Dubois", "co-présidente", D(2019, 6, 15), None),
            ("Hélène Roux", "présidente", D(2013, 11, 16), D(2019, 6, 15)),
        ],
    },
]

PLENARY_MEETING = {
    "slug": "pleniere-2018-09-22",
    "title": "Plénière du 22 septembre 2018",
    "date": D(2018, 9, 22),
    "location": "Lyon, Maison de l'habitat, et en visioconférence",
    "agenda": "<ol><li>Bilan de dix ans de coordination</li><li>Ouverture de l'adhésion à "
    "toutes et à tous</li><li>Mandat du groupe de transition</li><li>Questions diverses</li>"
    "</ol>",
    "minutes": "<p>Quarante-neuf adhérents présents ou représentés. Après le bilan des dix "
    "années de coordination, la plénière constate la baisse des soutiens financiers et la "
    "difficulté à renouveler les forces vives bénévoles.</p><p>Le scénario d'un mouvement "
    "auquel chacun peut contribuer, présenté par le comité de pilotage, recueille une large "
    "adhésion. La plénière adopte la modification des statuts ouvrant l'adhésion et mandate "
    "un groupe de transition pour proposer la nouvelle gouvernance.</p>",
    "attendance": [
        ("Sophie Marchand", "present", ""),
        ("Karim Benali", "present", ""),
        ("Hélène Roux", "present", ""),
        ("Thomas Nguyen", "present", ""),
        ("Claire Dubois", "represented", "pouvoir donné à Karim Benali"),
        ("Bernard Lefèvre", "excused", ""),
    ],
}

OPENING_DECISION = {
    "slug": "ouverture-adhesion",
    "title": "Ouvrir l'adhésion au mouvement à toutes et à tous",
    "decided_on": D(2018, 9, 22),
    "text": "<p>La plénière décide de modifier les articles 3 et 5 des statuts afin d'ouvrir "
    "l'adhésion à l'ensemble des personnes morales à but non lucratif qui soutiennent "
    "l'habitat participatif, y compris les groupes d'habitants, ainsi qu'aux personnes "
    "physiques qui souhaitent soutenir le mouvement.</p><p>La version 2 des statuts entre en "
    "vigueur à la date de la présente résolution.</p>",
    "status": DecisionStatus.ADOPTED,
    "votes_for": 41,
    "votes_against": 3,
    "votes_abstain": 5,
}

OTHER_PLENARY_DECISIONS = [
    {
        "slug": "mandat-groupe-de-transition",
        "title": "Mandater un groupe de transition pour la nouvelle gouvernance",
        "decided_on": D(2018, 9, 22),
        "text": "<p>La plénière mandate un groupe de transition, composé de membres du comité "
        "de pilotage et de nouveaux entrants, pour proposer d'ici un an les modalités d'une "
        "gouvernance ouverte à tous les groupes d'habitants, citoyens et professionnels.</p>",
        "status": DecisionStatus.ADOPTED,
        "votes_for": 46,
        "votes_against": 0,
        "votes_abstain": 3,
    },
    {
        "slug": "college-des-partenaires",
        "title": "Créer un collège des partenaires professionnels",
        "decided_on": D(2018, 9, 22),
        "text": "<p>Proposition de créer un collège réservé aux partenaires professionnels. La "
        "plénière reporte sa décision aux propositions du groupe de transition.</p>",
        "status": DecisionStatus.POSTPONED,
        "votes_for": 12,
        "votes_against": 20,
        "votes_abstain": 17,
    },
]

TRANSITION_MEETING = {
    "slug": "reunion-2019-01-12",
    "title": "Réunion du groupe de transition du 12 janvier 2019",
    "date": D(2019, 1, 12),
    "location": "En visioconférence",
    "agenda": "<ol><li>Accueil des nouveaux membres</li><li>Montant des cotisations</li></ol>",
    "minutes": "<p>Le groupe accueille Aïcha Diallo. Il propose une cotisation libre à partir "
    "de 10 euros pour les personnes et un barème par taille pour les structures.</p>",
    "attendance": [
        ("Sophie Marchand", "present", ""),
        ("Thomas Nguyen", "present", ""),
        ("Aïcha Diallo", "present", ""),
        ("Bernard Lefèvre", "absent", ""),
    ],
    "decisions": [
        {
            "slug": "cotisation-libre",
            "title": "Proposer une cotisation libre à partir de 10 euros",
            "decided_on": D(2019, 1, 12),
            "text": "<p>Le groupe de transition proposera à la prochaine plénière une "
            "cotisation libre, à partir de 10 euros par an pour les personnes physiques.</p>",
            "status": DecisionStatus.ADOPTED,
            "votes_for": 3,
            "votes_against": 0,
            "votes_abstain": 0,
        }
    ],
}

STEERING_MEETING = {
    "slug": "copil-2019-10-05",
    "title": "Comité de pilotage du 5 octobre 2019",
    "date": D(2019, 10, 5),
    "location": "Paris",
    "agenda": "<ol><li>Budget prévisionnel</li><li>Recrutement d'une coordinatrice</li></ol>",
    "minutes": "<p>Le comité examine le budget prévisionnel et les pistes de financement "
    "de la coordination salariée.</p>",
    "attendance": [
        ("Claire Dubois", "present", ""),
        ("Karim Benali", "present", ""),
    ],
    "decisions": [
        {
            "slug": "budget-previsionnel-2020",
            "title": "Arrêter le budget prévisionnel 2020",
            "decided_on": D(2019, 10, 5),
            "text": "<p>Le comité arrête le budget prévisionnel 2020 présenté par le trésorier, "
            "qui prévoit un poste de coordination salariée à mi-temps.</p>",
            "status": DecisionStatus.ADOPTED,
            "votes_for": 2,
            "votes_against": 0,
            "votes_abstain": 0,
        }
    ],
}


def _articles(*articles):
    """Plain text of a statute version: one article per paragraph, title on its first line."""
    return "\n\n".join(f"{title}\n{text}" for title, text in articles)


STATUTES_V1 = _articles(
    (
        "Article 1 — Nom",
        (
            "Il est fondé entre les adhérents aux présents statuts une association régie par "
            "la loi du 1er juillet 1901, ayant pour titre : Coordin'action des associations "
            "de l'habitat participatif."
        ),
    ),
    (
        "Article 2 — Objet",
        (
            "L'association a pour objet de coordonner les actions de ses membres, de porter "
            "des chantiers communs au niveau national et d'assurer des missions de plaidoyer "
            "en faveur de l'habitat participatif."
        ),
    ),
    (
        "Article 3 — Membres",
        (
            "L'association se compose d'associations régionales ou nationales d'habitat "
            "participatif."
        ),
    ),
    (
        "Article 4 — Ressources",
        (
            "Les ressources de l'association comprennent les cotisations de ses membres et "
            "les subventions qui peuvent lui être accordées."
        ),
    ),
    (
        "Article 5 — Admission",
        (
            "Pour faire partie de l'association, une association doit être agréée par le "
            "comité de pilotage, qui statue sur les demandes présentées."
        ),
    ),
    (
        "Article 6 — Plénière",
        (
            "La plénière comprend un représentant de chaque association membre. Elle se "
            "réunit au moins une fois par an."
        ),
    ),
)

STATUTES_V2 = _articles(
    (
        "Article 1 — Nom",
        (
            "Il est fondé entre les adhérents aux présents statuts une association régie par "
            "la loi du 1er juillet 1901, ayant pour titre : Coordin'action du mouvement de "
            "l'habitat participatif."
        ),
    ),
    (
        "Article 2 — Objet",
        (
            "L'association a pour objet de coordonner les actions de ses membres, de porter "
            "des chantiers communs au niveau national et d'assurer des missions de plaidoyer "
            "en faveur de l'habitat participatif."
        ),
    ),
    (
        "Article 3 — Membres",
        (
            "L'association est ouverte à toute personne physique qui souhaite soutenir le "
            "mouvement, ainsi qu'à toute personne morale à but non lucratif qui soutient "
            "l'habitat participatif, y compris les groupes d'habitants."
        ),
    ),
    (
        "Article 4 — Ressources",
        (
            "Les ressources de l'association comprennent les cotisations de ses membres, les "
            "dons et les subventions qui peuvent lui être accordées."
        ),
    ),
    (
        "Article 5 — Admission",
        (
            "Toute personne ou structure qui adhère aux valeurs de la charte du mouvement et "
            "acquitte sa cotisation devient membre."
        ),
    ),
    (
        "Article 6 — Plénière",
        (
            "La plénière comprend toutes les personnes et structures adhérentes. Elle se "
            "réunit au moins deux fois par an."
        ),
    ),
    (
        "Article 7 — Groupe de transition",
        (
            "Un groupe de transition, mandaté par la plénière, propose les modalités de la "
            "nouvelle gouvernance."
        ),
    ),
)

STATUTES = {
    "slug": "statuts",
    "title": "Statuts du mouvement",
    "intro": "<p>Les statuts de l'association, dans chacune de leurs versions adoptées, avec "
    "la résolution qui les a adoptées.</p>",
}

REGISTER = {
    "slug": "decisions",
    "title": "Registre des décisions",
    "intro": "<p>Toutes les résolutions des instances du mouvement, avec leur vote et leur "
    "statut. Les décisions publiques sont aussi diffusées par flux RSS et Atom.</p>",
}


def _child(parent, slug):
    page = parent.get_children().filter(slug=slug).first()
    return page.specific if page else None


def _publish(report, parent, page, label):
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.add(f"{label} « {page.title} »")
    return page


def _body(report, index, values):
    page = _child(index, values["slug"])
    if page:
        return page
    page = BodyPage(
        slug=values["slug"],
        title=values["title"],
        kind=values["kind"],
        intro=values["intro"],
        role=values["role"],
        visibility=values.get("visibility", Visibility.PUBLIC),
    )
    page.mandates = [
        Mandate(person_name=name, role=role, start_date=start, end_date=end)
        for name, role, start, end in values["mandates"]
    ]
    return _publish(report, index, page, "instance")


def _meeting(report, body, values):
    page = _child(body, values["slug"])
    if page:
        return page
    page = MeetingPage(
        **{key: values[key] for key in ("slug", "title", "date", "location", "agenda", "minutes")}
    )
    page.attendance = [
        Attendance(person_name=name, status=status, note=note)
        for name, status, note in values["attendance"]
    ]
    return _publish(report, body, page, "réunion")


def _decision(report, meeting, values, changes=()):
    page = _child(meeting, values["slug"])
    if page:
        return page
    page = DecisionPage(**values)
    page.changes = list(changes)
    return _publish(report, meeting, page, "décision")


def _statutes(report, index, opening):
    page = _child(index, STATUTES["slug"])
    if page is None:
        page = StatutesPage(**STATUTES)
        page.versions = [
            StatuteVersion(
                number=1,
                adopted_on=D(2013, 11, 16),
                summary="Statuts fondateurs de la coordination des associations.",
                text=STATUTES_V1,
            )
        ]
        _publish(report, index, page, "texte")
    if not page.versions.filter(number=2).exists():
        # A second revision of the page: the history shows when version 2 was added.
        page.versions.add(
            StatuteVersion(
                number=2,
                adopted_on=opening.decided_on,
                adopted_by=opening,
                summary="Ouverture de l'adhésion à toutes et à tous ; plénière élargie.",
                text=STATUTES_V2,
            )
        )
        page.save_revision().publish()
        report.add("version 2 des statuts")
    return page


def load(report, index):
    """Build the governance demo below `index` (the GovernanceIndexPage)."""
    bodies = {values["slug"]: _body(report, index, values) for values in BODIES}
    plenary = _meeting(report, bodies["pleniere"], PLENARY_MEETING)
    opening = _child(plenary, OPENING_DECISION["slug"])
    if opening is None:
        opening = _decision(report, plenary, OPENING_DECISION)
    statutes = _statutes(report, index, opening)
    if not opening.changes.exists():
        opening.changes.add(
            DecisionChange(page=Page.objects.get(pk=statutes.pk), description="articles 3 et 5")
        )
        opening.save_revision().publish()
    for values in OTHER_PLENARY_DECISIONS:
        _decision(report, plenary, values)
    for body_slug, meeting_values in (
        ("groupe-de-transition", TRANSITION_MEETING),
        ("comite-de-pilotage", STEERING_MEETING),
    ):
        meeting = _meeting(report, bodies[body_slug], meeting_values)
        for values in meeting_values["decisions"]:
            _decision(report, meeting, values)
    if _child(index, REGISTER["slug"]) is None:
        _publish(report, index, DecisionRegisterPage(**REGISTER), "page")
    return {"bodies": bodies, "plenary": plenary, "opening": opening, "statutes": statutes}
