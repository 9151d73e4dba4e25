"""Demo content of the resource centre: a few resources with their documents, and the
observatory with answered questions citing the Code de la construction et de l'habitation."""

import hashlib
from datetime import date

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Collection
from wagtail.rich_text import RichText

from .models import (
    ExtractionStatus,
    QuestionIndexPage,
    QuestionPage,
    Region,
    ResourceDocument,
    ResourcePage,
    ResourcePageDocument,
    ResourceType,
    TextLayer,
    Theme,
)

LEGIFRANCE = "https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006074096/"

DOCUMENTS = {
    "fiche-formes-juridiques.md": (
        "Fiche pratique : choisir la forme juridique de son projet",
        "# Choisir la forme juridique de son projet d'habitat participatif\n\n"
        "Depuis la loi ALUR, deux sociétés sont propres à l'habitat participatif : la coopérative "
        "d'habitants, où les habitants sont locataires de la société dont ils sont associés, et la "
        "société d'attribution et d'autopromotion, qui attribue à chacun la jouissance puis, le "
        "cas échéant, la propriété de son logement.\n\n"
        "D'autres montages restent possibles : société civile immobilière, copropriété classique "
        "avec une association d'habitants, ou partenariat avec un bailleur social.\n\n"
        "Questions à se poser en groupe : qui porte le risque financier ? Que se passe-t-il quand "
        "un ménage part ? Comment décide-t-on ?\n",
    ),
    "trame-charte-groupe.md": (
        "Trame de charte de groupe-projet",
        "# Trame de charte d'un groupe-projet\n\n"
        "1. Nos valeurs : solidarité, écologie, ouverture sur le quartier.\n"
        "2. Nos espaces partagés : salle commune, buanderie, jardin, chambre d'amis.\n"
        "3. Comment nous décidons : par consentement, en assemblée d'habitants.\n"
        "4. Accueillir de nouveaux foyers : rencontres, période d'essai, parrainage.\n",
    ),
    "retour-experience-bailleur.md": (
        "Retour d'expérience : un projet avec un bailleur social",
        "# Un projet mené avec un bailleur social\n\n"
        "Le groupe a associé dès le départ un organisme HLM : une partie des logements est en "
        "location sociale, l'autre en accession. Le bailleur a porté le foncier et la maîtrise "
        "d'ouvrage, le groupe a conçu les espaces communs avec l'architecte.\n\n"
        "Points d'attention : calendrier des attributions, place des futurs locataires dans les "
        "ateliers de conception, gestion partagée après la livraison.\n",
    ),
}

RESOURCES = [
    {
        "slug": "choisir-sa-forme-juridique",
        "title": "Choisir la forme juridique de son projet",
        "summary": "Coopérative d'habitants, société d'attribution et d'autopromotion, SCI ou "
        "copropriété : les montages possibles et les questions à se poser en groupe.",
        "type": "fiche-pratique",
        "themes": ["juridique", "financier"],
        "regions": ["national"],
        "date": date(2025, 3, 12),
        "author": "Groupe de travail Centre de ressources",
        "document": "fiche-formes-juridiques.md",
    },
    {
        "slug": "trame-charte-groupe-projet",
        "title": "Trame de charte de groupe-projet",
        "summary": "Un modèle à adapter pour écrire ensemble les valeurs, les espaces partagés et "
        "les règles de décision du groupe.",
        "type": "modele",
        "themes": ["gouvernance", "vie-collective"],
        "regions": ["national"],
        "date": date(2024, 10, 2),
        "author": "Association régionale d'habitat participatif",
        "document": "trame-charte-groupe.md",
    },
    {
        "slug": "projet-avec-un-bailleur-social",
        "title": "Retour d'expérience : un projet avec un bailleur social",
        "summary": "Comment un groupe d'habitants et un organisme HLM ont conçu ensemble un "
        "immeuble mêlant location sociale et accession.",
        "type": "retour-experience",
        "themes": ["accompagnement", "financier"],
        "regions": ["bretagne"],
        "date": date(2023, 6, 20),
        "author": "Groupe-projet de Rennes",
        "document": "retour-experience-bailleur.md",
        # Reviewed long ago: readers see the "to be reviewed" badge.
        "last_reviewed_on": date(2023, 6, 20),
    },
]

QUESTIONS = [
    {
        "slug": "definition-legale-habitat-participatif",
        "title": "Existe-t-il une définition légale de l'habitat participatif ?",
        "question": "Nous présentons notre projet à la mairie : pouvons-nous nous appuyer sur un "
        "texte de loi qui définit l'habitat participatif ?",
        "asked_by": "Un groupe-projet d'Occitanie",
        "short_answer": "<p>Oui. Depuis la loi ALUR de 2014, l'article L200-1 du Code de la "
        "construction et de l'habitation définit l'habitat participatif comme une démarche "
        "citoyenne permettant à des personnes de s'associer pour concevoir, construire ou "
        "acquérir et gérer ensemble leurs logements et des espaces communs.</p>",
        "detailed": "<p>L'article L200-1 reconnaît trois dimensions : participer à la conception "
        "des logements et des espaces communs, construire ou acquérir ensemble, et, le cas "
        "échéant, gérer ensuite les immeubles. Il inscrit aussi la démarche dans une logique de "
        "partage et de solidarité entre habitants.</p><p>Auprès d'une commune, ce texte permet "
        "de montrer que le projet relève d'une forme d'habitat reconnue par la loi, et d'ouvrir "
        "la discussion sur le foncier ou un appel à projets.</p>",
        "articles": [("L200-1", "Définition de l'habitat participatif")],
        "themes": ["juridique"],
    },
    {
        "slug": "cooperative-ou-autopromotion",
        "title": "Coopérative d'habitants ou société d'autopromotion : quelle différence ?",
        "question": "Notre groupe hésite entre les deux sociétés créées par la loi ALUR. "
        "Qu'est-ce qui les distingue ?",
        "asked_by": "Un groupe-projet d'Île-de-France",
        "short_answer": "<p>Dans une coopérative d'habitants (art. L201-1 et suivants), la société "
        "reste propriétaire et les habitants, associés, en sont locataires. Dans une société "
        "d'attribution et d'autopromotion (art. L202-1 et suivants), chaque associé reçoit la "
        "jouissance d'un logement, puis peut en devenir propriétaire.</p>",
        "detailed": "<p>Les deux sont des sociétés à capital variable. La coopérative "
        "d'habitants relève aussi du statut de la coopération de 1947 : elle convient aux groupes "
        "qui veulent sortir durablement les logements de la spéculation. La société "
        "d'attribution et d'autopromotion convient aux groupes qui veulent construire ensemble "
        "puis devenir propriétaires, éventuellement en copropriété.</p><p>Dans les deux cas, "
        "les statuts doivent prévoir le départ d'un associé et l'arrivée d'un nouveau.</p>",
        "articles": [
            ("L200-2", "Formes des sociétés d'habitat participatif"),
            ("L201-1", "Coopératives d'habitants"),
            ("L202-1", "Sociétés d'attribution et d'autopromotion"),
        ],
        "themes": ["juridique", "financier"],
    },
]


def known_text_document(collection, title, filename, data, text, file_format="md"):
    """A demo document whose text is known (no extraction to wait for), found by title so a
    second demo load adds nothing. Returns (document, created)."""
    existing = ResourceDocument.objects.filter(title=title).first()
    if existing:
        return existing, False
    document = ResourceDocument(
        title=title,
        collection=collection,
        file_format=file_format,
        sha256=hashlib.sha256(data).hexdigest(),
        extracted_text=text,
        extraction_status=ExtractionStatus.DONE,
        text_layer=TextLayer.TEXT,
        language="fr",
        page_count=1,
        extracted_at=timezone.now(),
    )
    document.file.save(filename, ContentFile(data), save=False)
    document.file_size = len(data)
    document.save()
    return document, True


def _document(collection, filename):
    title, text = DOCUMENTS[filename]
    return known_text_document(collection, title, filename, text.encode(), text)


def load_resources(report, resource_index, owner=None):
    collection = Collection.get_first_root_node()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    regions = {region.slug: region for region in Region.objects.all()}
    types = {kind.slug: kind for kind in ResourceType.objects.all()}
    for values in RESOURCES:
        document, created = _document(collection, values["document"])
        if created:
            report.add(f"document « {document.title} »")
        if resource_index.get_children().filter(slug=values["slug"]).exists():
            continue
        page = ResourcePage(
            title=values["title"],
            slug=values["slug"],
            summary=values["summary"],
            resource_type=types.get(values["type"]),
            date=values["date"],
            author=values["author"],
            content_owner=owner,
            last_reviewed_on=values.get("last_reviewed_on", timezone.localdate()),
        )
        page.themes = [themes[slug] for slug in values["themes"] if slug in themes]
        page.regions = [regions[slug] for slug in values["regions"] if slug in regions]
        page.attachments = [ResourcePageDocument(document=document)]
        resource_index.add_child(instance=page)
        page.save_revision().publish()
        report.add(f"ressource « {page.title} »")

    observatory = resource_index.get_children().type(QuestionIndexPage).first()
    if observatory is None:
        observatory = QuestionIndexPage(
            title="Observatoire juridique et financier",
            slug="observatoire",
            intro="<p>Les questions juridiques et financières que se posent les groupes, et les "
            "réponses de juristes et de professionnels bénévoles, relues régulièrement.</p>",
        )
        resource_index.add_child(instance=observatory)
        report.add(f"page « {observatory.title} »")
    for values in QUESTIONS:
        if observatory.get_children().filter(slug=values["slug"]).exists():
            continue
        question = QuestionPage(
            title=values["title"],
            slug=values["slug"],
            question=values["question"],
            asked_by=values["asked_by"],
            short_answer=values["short_answer"],
            status="answered",
            content_owner=owner,
            reviewer=owner,
            last_reviewed_on=timezone.localdate(),
            detailed_answer=[("paragraph", RichText(values["detailed"]))],
            references=[
                (
                    "legal_article",
                    {"code": "CCH", "article": article, "url": LEGIFRANCE, "note": note},
                )
                for article, note in values["articles"]
            ],
        )
        question.themes = [themes[slug] for slug in values["themes"] if slug in themes]
        observatory.add_child(instance=question)
        question.save_revision().publish()
        report.add(f"question « {question.title} »")
