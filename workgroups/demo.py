"""Demo content of the working groups: news, meetings with minutes, working documents and
documents in each space, a follower and a contribution waiting for its coordinators.
Idempotent: pages are found by slug in their group, documents by title."""

from datetime import datetime, timedelta

from django.utils import timezone
from wagtail.rich_text import RichText

from .models import (
    Contribution,
    Follow,
    GroupMeetingPage,
    GroupNewsPage,
    WorkingDocumentPage,
    WorkingGroupPage,
)


def _p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _at(days, hour=18):
    """A date `days` from today (negative: in the past), at `hour` o'clock."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, 30))


CONTENT = {
    "centre-de-ressources": [
        (
            GroupNewsPage,
            {
                "title": "Une nouvelle fiche sur les formes juridiques",
                "slug": "fiche-formes-juridiques",
                "intro": _p(
                    "Coopérative d'habitants, société d'autopromotion, SCI ou copropriété : la "
                    "fiche compare les montages possibles et les questions à se poser en groupe."
                ),
                "body": [
                    (
                        "paragraph",
                        RichText(
                            _p(
                                "Relue par deux juristes bénévoles de l'observatoire, elle est "
                                "disponible dans le centre de ressources. Vos retours sont les "
                                "bienvenus pour la prochaine version."
                            )
                        ),
                    )
                ],
            },
        ),
        (
            GroupMeetingPage,
            {
                "title": "Réunion du groupe : organiser la collecte des ressources",
                "slug": "reunion-collecte-ressources",
                "starts_at": _at(-21),
                "online_link": "https://visio.example.org/centre-ressources",
                "agenda": "<ol><li>Bilan des documents collectés</li>"
                "<li>Classement par thèmes</li><li>Relecture des fiches juridiques</li></ol>",
                "minutes": _p(
                    "Douze personnes présentes. Les associations régionales ont transmis une "
                    "quarantaine de documents : trames de statuts, guides de montage financier, "
                    "retours d'expérience.",
                    "Le classement suivra les thèmes du centre de ressources ; chaque document "
                    "aura un relecteur avant publication.",
                ),
                "attendees": "Julien Membre\nNadia Éditrice\nUn membre de l'association "
                "régionale d'Occitanie",
                "decisions": [
                    ("decision", "Chaque document publié a un relecteur nommé."),
                    ("decision", "Les fiches juridiques sont revues une fois par an."),
                ],
            },
        ),
        (
            GroupMeetingPage,
            {
                "title": "Atelier de relecture des trames de statuts",
                "slug": "atelier-relecture-statuts",
                "starts_at": _at(12),
                "place": "Maison des associations, Lyon",
                "online_link": "https://visio.example.org/relecture",
                "agenda": "<ul><li>Trame de statuts de coopérative d'habitants</li>"
                "<li>Trame de statuts de société d'autopromotion</li></ul>",
            },
        ),
        (
            WorkingDocumentPage,
            {
                "title": "Plan de classement du centre de ressources",
                "slug": "plan-de-classement",
                "intro": _p("Proposition en cours de discussion : commentez-la en réunion."),
                "body": [
                    ("heading", "Thèmes et responsables"),
                    (
                        "table",
                        {
                            "caption": "Répartition des thèmes entre bénévoles",
                            "columns": [
                                {"type": "text", "heading": "Thème"},
                                {"type": "text", "heading": "Référent"},
                                {"type": "number", "heading": "Documents"},
                            ],
                            "rows": [
                                {"values": ["Juridique", "Observatoire juridique", 24]},
                                {"values": ["Financier", "Groupe finances solidaires", 11]},
                                {"values": ["Vie de groupe", "Associations régionales", 17]},
                            ],
                        },
                    ),
                ],
            },
        ),
    ],
    "rencontres": [
        (
            GroupMeetingPage,
            {
                "title": "Préparation des rencontres nationales",
                "slug": "preparation-rencontres-nationales",
                "starts_at": _at(-7, 10),
                "place": "Paris, local de l'association régionale",
                "agenda": "<ol><li>Lieu et dates</li><li>Budget prévisionnel</li>"
                "<li>Appel à bénévoles</li></ol>",
                "minutes": _p(
                    "Deux lieux sont à l'étude. Le budget prévisionnel est joint dans les "
                    "documents du groupe ; il reste confidentiel tant que les devis ne sont pas "
                    "signés."
                ),
                "decisions": [("decision", "Lancer l'appel à bénévoles au printemps.")],
            },
        ),
        (
            GroupNewsPage,
            {
                "title": "Journées portes ouvertes : le kit est prêt",
                "slug": "kit-portes-ouvertes",
                "intro": _p(
                    "Affiches, modèle de communiqué et fiche d'accueil des visiteurs : le kit "
                    "des journées portes ouvertes est prêt à être partagé avec les associations "
                    "régionales."
                ),
            },
        ),
    ],
    "transition": [
        (
            GroupNewsPage,
            {
                "title": "L'adhésion s'ouvre aux personnes",
                "slug": "adhesion-ouverte",
                "intro": _p(
                    "Le groupe de transition propose que toute personne, tout groupe d'habitants "
                    "et toute structure puissent adhérer directement au mouvement."
                ),
                "body": [
                    (
                        "paragraph",
                        RichText(
                            _p(
                                "La proposition sera soumise à la prochaine plénière. Elle "
                                "s'accompagne d'une grille de cotisations et d'un règlement "
                                "intérieur revu."
                            )
                        ),
                    )
                ],
            },
        ),
    ],
    "plaidoyer-elus": [
        (
            WorkingDocumentPage,
            {
                "title": "Trame de l'argumentaire pour les maires",
                "slug": "trame-argumentaire-maires",
                "intro": _p("Premier jet, à compléter avec les exemples de projets livrés."),
                "body": [
                    ("heading", "Pourquoi soutenir l'habitat participatif ?"),
                    (
                        "paragraph",
                        RichText(
                            _p(
                                "Des habitants impliqués dans la vie du quartier, des logements "
                                "durables, une réponse au vieillissement de la population."
                            )
                        ),
                    ),
                ],
            },
        ),
    ],
}

DOCUMENTS = {
    "centre-de-ressources": [
        (
            "Liste des documents collectés",
            "documents-collectes.md",
            "# Documents collectés\n\nTrames de statuts, guides de montage financier, retours "
            "d'expérience de groupes-projets, études des appels à projets des collectivités.\n",
        )
    ],
    "rencontres": [
        (
            "Budget prévisionnel des rencontres nationales",
            "budget-rencontres.md",
            "# Budget prévisionnel\n\nLocation des salles, restauration, défraiement des "
            "intervenants. Devis en attente de signature.\n",
        )
    ],
}


def _ensure_page(report, group, model, values, owner):
    page = group.get_children().filter(slug=values["slug"]).first()
    if page is not None:
        return page.specific
    page = model(owner=owner, **values)
    group.add_child(instance=page)
    # Loaded by an administrator: the owner need not hold the publish permission.
    page.save_revision(user=owner, log_action=True).publish(user=owner, skip_permission_checks=True)
    report.add(f"page « {page.title} »")
    return page


def _ensure_document(report, group, title, filename, text):
    from resources.demo import known_text_document

    _document, created = known_text_document(group.collection, title, filename, text.encode(), text)
    if created:
        report.add(f"document « {title} »")


def load_group_content(report, member, editor):
    groups = {group.slug: group for group in WorkingGroupPage.objects.all()}
    for slug, pages in CONTENT.items():
        if slug in groups:
            for model, values in pages:
                _ensure_page(report, groups[slug], model, values, owner=editor)
    for slug, documents in DOCUMENTS.items():
        if slug in groups and groups[slug].collection_id:
            for title, filename, text in documents:
                _ensure_document(report, groups[slug], title, filename, text)
    if "centre-de-ressources" in groups:
        group = groups["centre-de-ressources"]
        Follow.objects.get_or_create(user=member, group=group)
        if not group.contributions.exists():
            Contribution.objects.create(
                group=group,
                kind=Contribution.Kind.SKILL,
                name="Hélène Martin",
                email="helene.martin@example.org",
                message="Notaire à la retraite, je peux relire les trames de statuts et "
                "répondre à quelques questions de l'observatoire juridique.",
            )
            report.add("contribution au groupe « Centre de ressources »")
