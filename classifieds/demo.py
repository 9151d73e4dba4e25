"""Demo ads: a few dozen French ads across categories and régions, land and homes with a
price, a few ending within the week, one expired and one hidden after a report. Built with the
factories from a fixed seed; idempotent (an ad is found by its title)."""

import random
from datetime import timedelta

from django.utils import timezone

from .factories import ClassifiedAdFactory
from .models import AdCategory, AdReport, AdStatus, ReportReason, ReportStatus

SEED = 2026

TOWNS = [
    ("84", "Villeurbanne"),
    ("84", "Die"),
    ("27", "Dijon"),
    ("53", "Rennes"),
    ("53", "Douarnenez"),
    ("24", "Tours"),
    ("94", "Bastia"),
    ("44", "Strasbourg"),
    ("32", "Lille"),
    ("11", "Montreuil"),
    ("11", "Saint-Denis"),
    ("28", "Rouen"),
    ("75", "Bordeaux"),
    ("75", "La Rochelle"),
    ("76", "Toulouse"),
    ("76", "Montpellier"),
    ("52", "Nantes"),
    ("52", "Angers"),
    ("93", "Marseille"),
    ("93", "Forcalquier"),
    ("04", "Saint-Pierre"),
]

TEMPLATES = {
    AdCategory.GROUP_SEEKS_RESIDENTS: [
        "Habitat participatif à {town} : il reste deux logements",
        "Coopérative d'habitants en construction à {town} cherche des familles",
        "Projet intergénérationnel à {town} : rejoignez le groupe",
    ],
    AdCategory.PERSON_SEEKS_GROUP: [
        "Retraitée cherche un projet d'habitat participatif autour de {town}",
        "Couple avec deux enfants cherche un groupe-projet ({town})",
        "Infirmière cherche un habitat partagé près de {town}",
    ],
    AdCategory.LAND: [
        "Terrain constructible de 1 800 m² à {town}",
        "Ancien corps de ferme avec un hectare de terrain près de {town}",
    ],
    AdCategory.HOME_TO_RENT: [
        "T3 à louer dans un habitat groupé à {town}",
        "Studio à louer dans une coopérative d'habitants ({town})",
    ],
    AdCategory.HOME_TO_BUY: [
        "Logement T4 à vendre dans un habitat participatif ({town})",
        "Maison en autopromotion à céder ({town})",
    ],
    AdCategory.SKILL: [
        "Architecte propose d'accompagner des groupes ({town})",
        "Facilitatrice en gouvernance partagée disponible ({town})",
        "Juriste bénévole : relecture de statuts de coopératives ({town})",
    ],
}

DESCRIPTIONS = {
    AdCategory.GROUP_SEEKS_RESIDENTS: (
        "Nous sommes un groupe de huit foyers, de 2 à 75 ans. Le permis est accordé et le "
        "chantier commence l'an prochain. Espaces partagés : salle commune, buanderie, "
        "atelier et jardin. Réunion d'accueil un samedi par mois."
    ),
    AdCategory.PERSON_SEEKS_GROUP: (
        "Je souhaite vivre dans un lieu où l'on partage des espaces et des décisions. "
        "Disponible pour les réunions du soir et les chantiers participatifs, budget "
        "modeste, intérêt pour l'écoconstruction."
    ),
    AdCategory.LAND: (
        "Terrain viabilisé, proche des commerces et d'une gare, constructible pour un petit "
        "collectif. La commune soutient les projets d'habitat participatif."
    ),
    AdCategory.HOME_TO_RENT: (
        "Logement lumineux dans un habitat groupé de douze foyers, avec salle commune, "
        "chambre d'amis partagée et potager. Participation à la vie collective attendue."
    ),
    AdCategory.HOME_TO_BUY: (
        "Un foyer du groupe déménage pour raisons professionnelles. Logement basse "
        "consommation, parts de la société d'habitants comprises, agrément du groupe."
    ),
    AdCategory.SKILL: (
        "Je propose quelques heures par mois pour aider des groupes-projets : premières "
        "esquisses, animation de réunions ou relecture de documents."
    ),
}

PRICES = {
    AdCategory.LAND: (60_000, 320_000, 5_000),
    AdCategory.HOME_TO_RENT: (450, 1_100, 10),
    AdCategory.HOME_TO_BUY: (160_000, 420_000, 5_000),
}


def _plan(rng):
    categories = list(TEMPLATES)
    ads, titles = [], set()
    for index in range(42):
        category = categories[index % len(categories)]
        templates = TEMPLATES[category]
        region, town = TOWNS[(index * 5) % len(TOWNS)]
        title = templates[(index // len(categories)) % len(templates)].format(town=town)
        if title in titles:
            continue
        titles.add(title)
        price = None
        if category in PRICES:
            low, high, step = PRICES[category]
            price = rng.randrange(low, high, step)
        ads.append(
            {
                "title": title,
                "category": category,
                "region": region,
                "town": town,
                "price": price,
                "description": DESCRIPTIONS[category],
                "age_days": rng.randrange(0, 50),
            }
        )
    # A few ads reach the end of their life this week, so their authors get the renewal email.
    for ad in ads[:3]:
        ad["age_days"] = 55
    return ads


def load(report, poster, other_poster):
    rng = random.Random(SEED)  # noqa: S311 (demo data, not secrets)
    from .models import ClassifiedAd

    existing = set(ClassifiedAd.objects.values_list("title", flat=True))
    now = timezone.now()
    for index, values in enumerate(_plan(rng)):
        age = timedelta(days=values.pop("age_days"))
        if values["title"] in existing:
            continue
        ClassifiedAdFactory(
            **values,
            poster=poster if index % 3 else other_poster,
            published_at=now - age,
            expires_at=now - age + timedelta(days=60),
        )
        report.add(f"annonce « {values['title']} »")

    expired_title = "Chambre à louer dans une maison partagée (Lyon)"
    if expired_title not in existing:
        ClassifiedAdFactory(
            title=expired_title,
            category=AdCategory.HOME_TO_RENT,
            region="84",
            town="Lyon",
            price=420,
            poster=poster,
            status=AdStatus.EXPIRED,
            published_at=now - timedelta(days=70),
            expires_at=now - timedelta(days=10),
        )
        report.add(f"annonce expirée « {expired_title} »")

    hidden_title = "Investissement locatif garanti 12 % par an"
    if hidden_title not in existing:
        hidden = ClassifiedAdFactory(
            title=hidden_title,
            category=AdCategory.SKILL,
            region="11",
            town="Paris",
            description="Placement sans risque, contactez-nous vite.",
            poster=other_poster,
            is_hidden=True,
            moderation_note="Masquée : sans rapport avec l'habitat participatif.",
        )
        AdReport.objects.create(
            ad=hidden,
            reason=ReportReason.SCAM,
            details="Cela ressemble à une arnaque.",
            status=ReportStatus.CLOSED,
            client_hash="demo",
        )
        report.add(f"annonce masquée « {hidden_title} »")
