"""Demo partners: every kind of professional the movement works with, a few waiting to be vetted,
and members' recommendations. The names are invented. Idempotent: partners are found by name,
recommendations by partner and member."""

from projects.models import Project

from .factories import PartnerFactory
from .models import Partner, PartnerKind, Recommendation

K = PartnerKind

# name, kind, régions (None: all of France), commune, lat, lon, vetted, services
PARTNERS = [
    (
        "Office notarial Lemoine et associés",
        K.NOTARY,
        ["84"],
        "Lyon",
        45.7640,
        4.8357,
        True,
        "Statuts de coopératives d'habitants et de sociétés d'autopromotion\n"
        "Acquisition du foncier\nRèglements de copropriété avec espaces partagés",
    ),
    (
        "Maître Claire Vasseur, notaire",
        K.NOTARY,
        ["52", "53"],
        "Nantes",
        47.2130,
        -1.5600,
        True,
        "Montages en bail réel solidaire\nSCI d'attribution\nConseil aux groupes en amont",
    ),
    (
        "Étude notariale des Quais",
        K.NOTARY,
        ["75"],
        "Bordeaux",
        44.8410,
        -0.5700,
        False,
        "Actes de vente en état futur d'achèvement\nConstitution de sociétés civiles",
    ),
    (
        "Alter Habitat Conseil",
        K.PROJECT_ASSISTANT,
        ["53", "52"],
        "Rennes",
        48.1100,
        -1.6700,
        True,
        "Animation du groupe et aide à la décision\nMontage juridique et financier\n"
        "Recherche de foncier avec les communes",
    ),
    (
        "Toits Partagés",
        K.PROJECT_ASSISTANT,
        ["84", "27"],
        "Grenoble",
        45.1900,
        5.7300,
        True,
        "Accompagnement de l'idée à l'emménagement\nFormation à la gouvernance partagée",
    ),
    (
        "Habitat et Partage Accompagnement",
        K.PROJECT_ASSISTANT,
        None,
        "Paris",
        48.8530,
        2.3690,
        True,
        "Études de faisabilité\nPartenariats avec les bailleurs sociaux\nAteliers à distance",
    ),
    (
        "Coop'Accompagne Occitanie",
        K.PROJECT_ASSISTANT,
        ["76"],
        "Toulouse",
        43.6000,
        1.4400,
        True,
        "Accompagnement de groupes seniors et intergénérationnels\nBudget et plan de financement",
    ),
    (
        "Atelier Paille et Bois",
        K.ARCHITECT,
        ["84", "93"],
        "Die",
        44.7540,
        5.3690,
        True,
        "Conception participative\nConstruction en paille et en bois\nRéhabilitation de fermes",
    ),
    (
        "Collectif Terre Crue Architectes",
        K.ARCHITECT,
        ["76"],
        "Montpellier",
        43.6100,
        3.8800,
        True,
        "Architecture bioclimatique\nMatériaux biosourcés et terre crue\nAteliers de programmation",
    ),
    (
        "Atelier des Communs",
        K.ARCHITECT,
        ["32", "11"],
        "Lille",
        50.6300,
        3.0600,
        True,
        "Espaces partagés et salles communes\nSurélévation et réhabilitation en ville",
    ),
    (
        "Archi Participative Sud",
        K.ARCHITECT,
        ["93"],
        "Marseille",
        43.3000,
        5.3800,
        False,
        "Conception avec les habitants\nPermis de construire",
    ),
    (
        "Habitat Coopératif de l'Ouest",
        K.SOCIAL_LANDLORD,
        ["52", "53"],
        "Nantes",
        47.2200,
        -1.5500,
        True,
        "Logements locatifs sociaux dans des projets participatifs\nAccession sociale en BRS",
    ),
    (
        "Office public de l'habitat du Rhin",
        K.SOCIAL_LANDLORD,
        ["44"],
        "Strasbourg",
        48.5800,
        7.7500,
        True,
        "Maîtrise d'ouvrage de programmes mixtes\nGestion locative adaptée aux groupes",
    ),
    (
        "Coop HLM Accession Rhône-Alpes",
        K.SOCIAL_LANDLORD,
        ["84"],
        "Villeurbanne",
        45.7700,
        4.8800,
        True,
        "Accession sociale à la propriété\nPortage du foncier pendant les études",
    ),
    (
        "Banque Éthique Coopérative",
        K.BANK,
        None,
        "Lyon",
        45.7600,
        4.8400,
        True,
        "Prêts aux coopératives d'habitants\nPrêts collectifs et individuels coordonnés",
    ),
    (
        "Caisse régionale Bretagne Habitat",
        K.BANK,
        ["53"],
        "Brest",
        48.3900,
        -4.4900,
        False,
        "Crédits immobiliers pour les sociétés d'autopromotion",
    ),
    (
        "Ville de Rezé, mission habitat",
        K.LOCAL_AUTHORITY,
        ["52"],
        "Rezé",
        47.1900,
        -1.5700,
        True,
        "Appels à projets d'habitat participatif\nTerrains réservés aux groupes d'habitants",
    ),
    (
        "Métropole du Lez, pôle logement",
        K.LOCAL_AUTHORITY,
        ["76"],
        "Montpellier",
        43.6050,
        3.8750,
        True,
        "Consultations de terrains\nAide à l'ingénierie des projets",
    ),
    (
        "Foncière Solidaire du Littoral",
        K.OTHER,
        ["75"],
        "La Rochelle",
        46.1600,
        -1.1500,
        False,
        "Achat et portage de terrains pour des projets collectifs",
    ),
    (
        "Atelier universitaire Habiter ensemble",
        K.OTHER,
        ["11"],
        "Paris",
        48.8270,
        2.3810,
        True,
        "Études de cas et diagnostics par des étudiants\nRestitutions publiques",
    ),
]

# (partner, demo username, comment)
RECOMMENDATIONS = [
    (
        "Alter Habitat Conseil",
        "membre",
        "Ils nous ont aidés à écrire nos statuts de coopérative et à tenir le budget : "
        "disponibles, clairs sur leurs honoraires.",
    ),
    (
        "Alter Habitat Conseil",
        "editrice",
        "Un accompagnement solide pour la recherche de terrain avec la commune.",
    ),
    (
        "Atelier Paille et Bois",
        "membre",
        "Des ateliers de conception où chacun a trouvé sa place, et un chantier bien suivi.",
    ),
    (
        "Banque Éthique Coopérative",
        "editrice",
        "Le seul établissement qui a accepté notre prêt collectif sans caution personnelle.",
    ),
    (
        "Maître Claire Vasseur, notaire",
        "admin",
        "Connaît très bien le bail réel solidaire et prend le temps d'expliquer.",
    ),
]

# Projects of the demo that work with a partner of the directory.
PROJECT_PARTNERS = [
    ("L'Île aux Habitants", "Habitat Coopératif de l'Ouest"),
    ("Les Trois Ponts", "Ville de Rezé, mission habitat"),
    ("Hameau des Buis", "Atelier Paille et Bois"),
    ("La Courte Échelle", "Alter Habitat Conseil"),
    ("Les Colibris du Lez", "Collectif Terre Crue Architectes"),
]


def load(report, users):
    """`users`: the demo accounts by username."""
    existing = set(Partner.objects.values_list("name", flat=True))
    created = 0
    for name, kind, regions, commune, lat, lon, vetted, services in PARTNERS:
        if name in existing:
            continue
        slug = "".join(char for char in name.lower() if char.isalnum())[:30]
        PartnerFactory(
            name=name,
            kind=kind,
            national=regions is None,
            regions=regions or [],
            commune=commune,
            latitude=lat,
            longitude=lon,
            vetted=vetted,
            services=services,
            description="",
            website=f"https://{slug}.example.org",
            email=f"contact@{slug}.example.org",
            proposed_by=None if vetted else users.get("membre"),
        )
        created += 1
    if created:
        report.add(f"{created} partenaires de l'annuaire")
    partners = {partner.name: partner for partner in Partner.objects.all()}
    for partner_name, username, comment in RECOMMENDATIONS:
        if partner_name in partners and username in users:
            Recommendation.objects.get_or_create(
                partner=partners[partner_name],
                member=users[username],
                defaults={"comment": comment},
            )
    for project_name, partner_name in PROJECT_PARTNERS:
        project = Project.objects.filter(name=project_name).first()
        if project is not None and partner_name in partners:
            project.directory_partners.add(partners[partner_name])
