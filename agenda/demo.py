"""Demo agenda: a few dozen French events, past and upcoming, across régions and kinds, two
proposals waiting for the editors and one refused. Built with the factories from a fixed seed;
idempotent (an event is found by its title, so a second run adds nothing)."""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from .factories import EventFactory
from .models import Audience, Event, EventKind, EventStatus
from .timezones import zone, zone_for_region

SEED = 2026

# (région, town, venue)
PLACES = [
    ("84", "Lyon", "Maison de l'environnement, Lyon 7e"),
    ("84", "Grenoble", "Maison des habitants du centre-ville, Grenoble"),
    ("27", "Dijon", "Maison des associations, Dijon"),
    ("27", "Besançon", "Salle de la Malcombe, Besançon"),
    ("53", "Rennes", "Maison de quartier de Villejean, Rennes"),
    ("53", "Brest", "Tiers-lieu des Capucins, Brest"),
    ("24", "Tours", "Salle des fêtes du Sanitas, Tours"),
    ("94", "Ajaccio", "Espace Diamant, Ajaccio"),
    ("44", "Strasbourg", "Centre socioculturel de Neudorf, Strasbourg"),
    ("32", "Lille", "Maison régionale de l'environnement et des solidarités, Lille"),
    ("11", "Paris", "Maison de la vie associative et citoyenne, Paris 12e"),
    ("11", "Montreuil", "Salle des fêtes de l'hôtel de ville, Montreuil"),
    ("28", "Caen", "Maison des solidarités, Caen"),
    ("75", "Bordeaux", "Halle des Douves, Bordeaux"),
    ("75", "Poitiers", "Maison des trois quartiers, Poitiers"),
    ("76", "Toulouse", "Maison de l'économie solidaire, Toulouse"),
    ("76", "Montpellier", "Maison de la démocratie, Montpellier"),
    ("52", "Nantes", "Manufacture des tabacs, Nantes"),
    ("52", "Angers", "Maison de quartier du Lac de Maine, Angers"),
    ("93", "Marseille", "Cité des associations, Marseille 1er"),
    ("01", "Pointe-à-Pitre", "Centre culturel Rémy-Nainsouta, Pointe-à-Pitre"),
    ("02", "Fort-de-France", "Maison des associations, Fort-de-France"),
    ("04", "Saint-Denis", "Maison des associations, Saint-Denis (La Réunion)"),
]

GROUP_NAMES = [
    "Les Colibris",
    "La Ruche",
    "Le Hameau des Buis",
    "Les Jardins de la Cité",
    "L'Écoquartier du Moulin",
    "La Maison des Quatre Vents",
    "Les Toits Partagés",
    "Le Clos des Lilas",
]

REGIONAL_TITLES = [
    ("Soirée découverte de l'habitat participatif à {town}", Audience.NEWCOMERS),
    ("Café-habitat : monter son projet en groupe ({town})", Audience.NEWCOMERS),
    ("Atelier foncier avec les élus locaux ({town})", Audience.ELECTED),
    ("Rencontre des groupes-projets de la région ({town})", Audience.RESIDENTS),
]

TRAINING_TITLES = [
    "Formation : gouvernance partagée et prise de décision ({town})",
    "Formation : les montages juridiques, de la coopérative à la copropriété ({town})",
    "Formation : financer son projet d'habitat participatif ({town})",
    "Formation : accompagner un groupe d'habitants, pour les professionnels ({town})",
]

ONLINE_TITLES = [
    ("Webinaire : le bail réel solidaire expliqué aux groupes", Audience.RESIDENTS),
    ("Visio-rencontre des personnes qui cherchent un groupe", Audience.NEWCOMERS),
    ("Webinaire : l'habitat participatif intergénérationnel", Audience.EVERYONE),
    ("Webinaire : travailler avec un bailleur social", Audience.PROFESSIONALS),
    ("Webinaire : présenter l'habitat participatif à son conseil municipal", Audience.ELECTED),
    ("Visio-permanence juridique du mouvement", Audience.RESIDENTS),
]

NATIONAL = [
    (
        EventKind.NATIONAL_MEETING,
        "Rencontres nationales de l'habitat participatif",
        "Trois jours d'ateliers, de visites et de plénières : groupes, associations, "
        "collectivités et organismes HLM font le point sur le mouvement.",
        "52",
        "Manufacture des tabacs, Nantes",
        40,
        3,
    ),
    (
        EventKind.NATIONAL_MEETING,
        "Rencontres nationales : bilan et préparation de l'édition suivante",
        "Les associations du réseau tirent le bilan des dernières rencontres nationales.",
        "",
        "",
        -150,
        1,
    ),
    (
        EventKind.NATIONAL,
        "Journées portes ouvertes européennes de l'habitat participatif",
        "Dans toute la France, les habitats participatifs ouvrent leurs portes : visites, "
        "échanges avec les habitants, conférences.",
        "",
        "Partout en France : programme des visites sur le site",
        75,
        2,
    ),
    (
        EventKind.NATIONAL,
        "Plénière du mouvement de l'habitat participatif",
        "La plénière réunit toutes les personnes et structures adhérentes, sur place et à "
        "distance.",
        "11",
        "Maison de la vie associative et citoyenne, Paris 12e",
        -60,
        1,
    ),
]


def _at(day_offset, hour, minute, time_zone):
    day = timezone.localdate() + timedelta(days=day_offset)
    return datetime.combine(day, time(hour, minute), tzinfo=zone(time_zone))


def _plan(rng):
    """The demo events as factory arguments, in a fixed order."""
    events = []
    for kind, title, summary, region, place, offset, days in NATIONAL:
        starts = _at(offset, 9, 30, "Europe/Paris")
        events.append(
            {
                "title": title,
                "kind": kind,
                "summary": summary,
                "region": region,
                "place": place,
                "online_url": "" if place else "https://visio.example.org/mouvement-hp",
                "starts_at": starts,
                "ends_at": starts + timedelta(days=days - 1, hours=8),
                "organiser": "Mouvement de l'habitat participatif",
                "audience": Audience.EVERYONE,
            }
        )
    for index in range(30):
        region, town, venue = PLACES[index % len(PLACES)]
        time_zone = zone_for_region(region)
        offset = rng.randrange(-200, 260)
        cycle = index % 5
        if cycle == 0:
            name = GROUP_NAMES[index % len(GROUP_NAMES)]
            starts = _at(offset, 10, 0, time_zone)
            values = {
                "kind": EventKind.OPEN_DAY,
                "title": f"Portes ouvertes de l'habitat groupé {name} ({town})",
                "summary": f"Les habitants de {name} font visiter leurs logements et leurs "
                "espaces communs et racontent l'histoire de leur projet.",
                "ends_at": starts + timedelta(hours=7),
                "organiser": f"Association des habitants {name}",
                "audience": Audience.EVERYONE,
            }
        elif cycle in (1, 2):
            title, audience = REGIONAL_TITLES[index % len(REGIONAL_TITLES)]
            starts = _at(offset, 18, 30, time_zone)
            values = {
                "kind": EventKind.REGIONAL,
                "title": title.format(town=town),
                "summary": "Présentation de l'habitat participatif, témoignages de groupes et "
                "temps d'échange autour des projets de la région.",
                "ends_at": starts + timedelta(hours=2, minutes=30),
                "organiser": f"Collectif régional de l'habitat participatif ({town})",
                "audience": audience,
            }
        elif cycle == 3:
            starts = _at(offset, 9, 0, time_zone)
            values = {
                "kind": EventKind.TRAINING,
                "title": TRAINING_TITLES[index % len(TRAINING_TITLES)].format(town=town),
                "summary": "Une journée de formation en petit groupe, avec des cas pratiques "
                "issus des projets du réseau.",
                "ends_at": starts + timedelta(hours=8),
                "organiser": "Pôle formation du mouvement",
                "audience": Audience.RESIDENTS if index % 2 else Audience.PROFESSIONALS,
            }
        else:
            title, audience = ONLINE_TITLES[index % len(ONLINE_TITLES)]
            starts = _at(offset, 18, 0, "Europe/Paris")
            events.append(
                {
                    "kind": EventKind.ONLINE,
                    "title": title,
                    "summary": "En visioconférence, une heure et demie pour comprendre et "
                    "poser vos questions.",
                    "starts_at": starts,
                    "ends_at": starts + timedelta(hours=1, minutes=30),
                    "region": "",
                    "place": "",
                    "online_url": f"https://visio.example.org/webinaire-{index}",
                    "organiser": "Mouvement de l'habitat participatif",
                    "audience": audience,
                }
            )
            continue
        events.append(
            {
                **values,
                "starts_at": starts,
                "region": region,
                "time_zone": time_zone,
                "place": venue,
                "online_url": "",
            }
        )
    return events


def load(report, submitter=None):
    rng = random.Random(SEED)  # noqa: S311 (demo data, not secrets)
    existing = set(Event.objects.values_list("title", flat=True))
    for values in _plan(rng):
        if values["title"] in existing:
            continue
        EventFactory(**values, status=EventStatus.PUBLISHED)
        report.add(f"événement « {values['title']} »")
    if submitter is None:
        return
    proposals = [
        (
            "Chantier participatif au jardin partagé (Montreuil)",
            EventStatus.PENDING,
            "",
        ),
        ("Apéro-rencontre des futurs habitants du Clos des Lilas", EventStatus.PENDING, ""),
        (
            "Vente de meubles d'occasion",
            EventStatus.REJECTED,
            "Merci pour la proposition : l'agenda est réservé aux événements sur l'habitat "
            "participatif.",
        ),
    ]
    for offset, (title, status, note) in enumerate(proposals):
        if title in existing:
            continue
        starts = _at(20 + offset * 7, 14, 0, "Europe/Paris")
        EventFactory(
            title=title,
            kind=EventKind.REGIONAL,
            summary="Une proposition d'un membre, en attente des éditeurs.",
            starts_at=starts,
            ends_at=starts + timedelta(hours=3),
            region="11",
            place="Jardin partagé des Murs à pêches, Montreuil",
            organiser="Julien, membre du mouvement",
            status=status,
            moderation_note=note,
            submitted_by=submitter,
        )
        report.add(f"proposition d'événement « {title} »")
