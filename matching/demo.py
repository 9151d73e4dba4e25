"""French demo profiles for the matching tool: groups looking for residents and people looking
for a project across the régions, the demo member's own profile, one request waiting for the
member's answer and one pair already in touch.

The people are invented and their accounts have clearly fake addresses (@exemple.org) and no
usable password. Idempotent: accounts are found by username, profiles by owner and kind,
requests by their two profiles, so a second run adds nothing.
"""

from django.contrib.auth import get_user_model

from .choices import Kind, Timeline
from .factories import ContactRequestFactory, MemberFactory, ProfileFactory
from .models import ContactRequest, Profile

SOON, MID, LATER = Timeline.WITHIN_A_YEAR, Timeline.ONE_TO_THREE_YEARS, Timeline.LATER

# (username, first name, last name), profile: name, régions, timeline, budget, size, wishes, text
GROUPS = [
    (
        ("yves.morvan", "Yves", "Morvan"),
        "Les Courtils de la Vilaine",
        ["53"],
        MID,
        (180_000, 290_000),
        3,
        ["intergenerational", "eco_building", "shared_spaces", "urban"],
        "Douze logements en bois et paille à Rennes, une salle commune et une chambre d'amis "
        "partagées. Le permis est déposé ; il nous reste trois logements pour des familles ou "
        "des personnes seules, de tous âges.",
    ),
    (
        ("magali.roux", "Magali", "Roux"),
        "Hameau des Cévennes partagées",
        ["76"],
        SOON,
        (120_000, 200_000),
        2,
        ["rural", "renovation", "shared_garden", "eco_building"],
        "Nous rénovons un ancien mas et ses dépendances près d'Anduze : six foyers, un grand "
        "potager, un atelier. Deux maisons restent à attribuer, chantier participatif bienvenu.",
    ),
    (
        ("olivier.barre", "Olivier", "Barré"),
        "La Ruche de Montreuil",
        ["11"],
        MID,
        (220_000, 380_000),
        4,
        ["cooperative", "urban", "social_housing", "shared_spaces"],
        "Coopérative d'habitants de vingt logements dont six en accession sociale, avec un "
        "bailleur partenaire. Nous cherchons quatre foyers prêts à s'engager dans la "
        "gouvernance partagée.",
    ),
    (
        ("nathalie.giraud", "Nathalie", "Giraud"),
        "Les Voisins du Vercors",
        ["84"],
        LATER,
        (200_000, 320_000),
        5,
        ["rural", "eco_building", "intergenerational"],
        "Un groupe de huit foyers qui cherche un terrain au pied du Vercors avec la commune. "
        "Nous voulons construire en matériaux biosourcés et accueillir toutes les générations.",
    ),
    (
        ("michel.dufour", "Michel", "Dufour"),
        "Habitat senior Les Tilleuls",
        ["75"],
        SOON,
        (150_000, 240_000),
        3,
        ["seniors", "accessible", "shared_spaces"],
        "Près de Bordeaux, dix logements de plain-pied pour bien vieillir ensemble, autour "
        "d'un jardin et d'une salle commune. Livraison prévue l'an prochain, trois logements "
        "disponibles.",
    ),
    (
        ("samia.belkacem", "Samia", "Belkacem"),
        "Coop'Fives",
        ["32"],
        MID,
        (90_000, 180_000),
        6,
        ["cooperative", "social_housing", "urban"],
        "Dans une ancienne filature de Lille-Fives, une coopérative d'habitants en bail réel "
        "solidaire. Les prix restent accessibles : nous cherchons six foyers.",
    ),
    (
        ("bertrand.muller", "Bertrand", "Muller"),
        "L'Îlot des Tanneurs",
        ["44"],
        MID,
        (200_000, 310_000),
        2,
        ["eco_building", "urban", "shared_garden"],
        "Sept logements passifs à Strasbourg, une buanderie et un jardin partagés. Deux "
        "logements familiaux cherchent encore leurs habitants.",
    ),
    (
        ("claire.menard", "Claire", "Ménard"),
        "Les Jardins de Loire",
        ["52"],
        SOON,
        (140_000, 260_000),
        4,
        ["intergenerational", "shared_garden", "social_housing"],
        "Projet intergénérationnel à Rezé avec un bailleur social : quatorze logements, dont "
        "quatre encore à attribuer, et un grand verger partagé.",
    ),
    (
        ("francois.lambert", "François", "Lambert"),
        "La Ferme du Morvan",
        ["27"],
        LATER,
        (80_000, 160_000),
        3,
        ["rural", "renovation", "eco_building"],
        "Nous achetons une ferme à restaurer dans le Morvan pour y vivre à cinq ou six foyers, "
        "avec un projet agricole et un gîte. Il faut aimer les chantiers.",
    ),
    (
        ("leila.haddad", "Leïla", "Haddad"),
        "Les Calanques solidaires",
        ["93"],
        MID,
        (190_000, 300_000),
        2,
        ["intergenerational", "social_housing", "accessible"],
        "À Marseille, un immeuble de douze logements mêlant accession, locatif social et deux "
        "logements adaptés. Nous cherchons deux foyers, dont une personne à mobilité réduite.",
    ),
    (
        ("armelle.tessier", "Armelle", "Tessier"),
        "Le Clos des Possibles",
        ["24"],
        MID,
        (170_000, 260_000),
        3,
        ["eco_building", "shared_spaces", "intergenerational", "cooperative"],
        "Neuf logements sur un ancien clos maraîcher près de Tours, une maison commune et des "
        "ateliers. Trois logements restent ouverts à de nouveaux foyers.",
    ),
]

PERSONS = [
    (
        ("martine.pujol", "Martine", "Pujol"),
        "Martine",
        ["75", "76"],
        SOON,
        (130_000, 200_000),
        1,
        ["seniors", "intergenerational", "shared_spaces"],
        "Retraitée, ancienne infirmière, je vis seule et je voudrais vieillir entourée, dans "
        "un groupe où les générations se mêlent. Sud-Ouest de préférence.",
    ),
    (
        ("karim.benali", "Karim", "Benali"),
        "Karim et Élodie",
        ["11", "24"],
        MID,
        (230_000, 340_000),
        4,
        ["cooperative", "urban", "shared_spaces"],
        "Couple avec deux enfants, nous cherchons une coopérative d'habitants en proche "
        "banlieue ou dans une ville bien desservie. Nous avons du temps pour la gouvernance.",
    ),
    (
        ("gaelle.le-bihan", "Gaëlle", "Le Bihan"),
        "Gaëlle",
        ["53"],
        MID,
        (170_000, 250_000),
        2,
        ["eco_building", "shared_spaces", "intergenerational"],
        "Graphiste, avec ma fille de dix ans. J'aimerais rejoindre un projet écologique à "
        "Rennes ou autour, avec des espaces partagés et des voisins de tous âges.",
    ),
    (
        ("thomas.girard", "Thomas", "Girard"),
        "Thomas",
        ["84"],
        LATER,
        (150_000, 230_000),
        3,
        ["rural", "eco_building", "renovation"],
        "Charpentier, en couple avec un enfant. Prêts à participer au chantier d'un projet "
        "rural en Isère ou en Drôme.",
    ),
    (
        ("anne-sophie.caron", "Anne-Sophie", "Caron"),
        "Anne-Sophie",
        ["32"],
        SOON,
        (80_000, 140_000),
        2,
        ["social_housing", "cooperative", "urban"],
        "Mère de famille, je cherche un logement abordable dans un projet solidaire de la "
        "métropole lilloise, pour ma fille et moi.",
    ),
    (
        ("pierre.marchal", "Pierre", "Marchal"),
        "Pierre et Jeanne",
        ["52", "53"],
        SOON,
        (160_000, 240_000),
        2,
        ["seniors", "accessible", "shared_garden"],
        "Jeunes retraités, nous vendons notre maison pour un logement plus petit et "
        "accessible, avec un jardin partagé et des voisins sur qui compter.",
    ),
    (
        ("malik.traore", "Malik", "Traoré"),
        "Malik",
        ["93"],
        MID,
        (100_000, 180_000),
        1,
        ["urban", "intergenerational", "social_housing"],
        "Éducateur à Marseille, je cherche un habitat partagé en ville où je pourrais aussi "
        "donner un coup de main aux voisins plus âgés.",
    ),
    (
        ("helene.schmitt", "Hélène", "Schmitt"),
        "Hélène",
        ["44"],
        MID,
        (210_000, 280_000),
        3,
        ["eco_building", "shared_garden", "urban"],
        "Ingénieure thermicienne, en famille. Un projet passif à Strasbourg ou Colmar nous "
        "plairait beaucoup ; je peux aider sur les questions techniques.",
    ),
    (
        ("famille.rousseau", "Aurélien", "Rousseau"),
        "Famille Rousseau",
        ["27", "84"],
        LATER,
        (90_000, 170_000),
        5,
        ["rural", "renovation", "shared_garden"],
        "Une famille de cinq qui rêve d'une ferme partagée, de moutons et d'un grand potager. "
        "Nous ne sommes pas pressés et savons manier la truelle.",
    ),
    (
        ("lucie.fabre", "Lucie", "Fabre"),
        "Lucie",
        ["76"],
        SOON,
        (110_000, 170_000),
        1,
        ["rural", "shared_garden", "eco_building"],
        "Maraîchère en reconversion, je cherche un hameau partagé dans les Cévennes ou en "
        "Ariège, avec de la terre à cultiver ensemble.",
    ),
]

# The demo member's own profile: log in as `membre` to see suggestions and requests.
MEMBER_PROFILE = (
    "Julien",
    ["11", "24"],
    MID,
    (200_000, 300_000),
    3,
    ["eco_building", "shared_spaces", "cooperative"],
    "Nous sommes trois, bientôt quatre, et cherchons un projet coopératif et écologique en "
    "Île-de-France ou dans le Centre, avec une salle commune pour les fêtes de quartier.",
)
PENDING_FROM = "La Ruche de Montreuil"  # a group asks the demo member: waiting for an answer
CONNECTED_WITH = "Le Clos des Possibles"  # the demo member asked, the group accepted


def _ensure_account(report, username, first_name, last_name):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = MemberFactory(username=username, first_name=first_name, last_name=last_name)
        user.set_unusable_password()  # demo people hold profiles, nobody logs in as them
        user.save(update_fields=["password"])
        report.add(f"compte de démonstration « {username} »")
    return user


def _ensure_profile(report, owner, kind, spec):
    name, regions, timeline, (budget_min, budget_max), size, wishes, description = spec
    profile = Profile.objects.filter(owner=owner, kind=kind).first()
    if profile is None:
        profile = ProfileFactory(
            owner=owner,
            kind=kind,
            display_name=name,
            regions=regions,
            timeline=timeline,
            budget_min=budget_min,
            budget_max=budget_max,
            household_size=size if kind == Kind.PERSON else None,
            homes_sought=size if kind == Kind.GROUP else None,
            wishes=wishes,
            description=description,
        )
        report.add(f"profil de mise en relation « {name} »")
    return profile


def _ensure_request(report, sender, recipient, status, message):
    if ContactRequest.objects.filter(sender=sender, recipient=recipient).exists():
        return
    ContactRequestFactory(sender=sender, recipient=recipient, status=status, message=message)
    report.add(f"demande de mise en relation {sender.display_name} → {recipient.display_name}")


def load(report, member):
    groups = {}
    for kind, specs in ((Kind.GROUP, GROUPS), (Kind.PERSON, PERSONS)):
        for account, *spec in specs:
            profile = _ensure_profile(report, _ensure_account(report, *account), kind, spec)
            if kind == Kind.GROUP:
                groups[spec[0]] = profile
    mine = _ensure_profile(report, member, Kind.PERSON, MEMBER_PROFILE)
    _ensure_request(
        report,
        groups[PENDING_FROM],
        mine,
        ContactRequest.Status.PENDING,
        "Bonjour Julien, votre envie d'une salle commune rejoint la nôtre : venez visiter le "
        "chantier un samedi !",
    )
    _ensure_request(
        report,
        mine,
        groups[CONNECTED_WITH],
        ContactRequest.Status.ACCEPTED,
        "Bonjour, votre maison commune nous fait rêver. Pourrions-nous vous rencontrer ?",
    )
