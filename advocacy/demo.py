"""French demo content of the advocacy section: the kit for mayors (figures of the movement),
the communication kit of the open days, and the editorial workflow with a demo reviewer.
Idempotent: pages are found by slug, documents by title, the account by username."""

from pathlib import Path

from django.contrib.auth.models import Group
from wagtail.models import Collection
from wagtail.rich_text import RichText

from resources.demo import known_text_document
from resources.models import QuestionPage

from .models import AdvocacyKitPage, Audience, CommunicationKitPage
from .workflow import REVIEWERS_GROUP, ensure_advocacy_workflow

FILES = Path(__file__).parent / "demo_files"
MEMBERS_OF_ADVOCACY_GROUP = "Plaidoyer auprès des élus locaux — membres"

SOURCE = "chiffres du mouvement, base nationale des projets"

MAYORS_KIT = {
    "slug": "kit-maires",
    "title": "Kit de plaidoyer pour les maires",
    "audience": Audience.MAYOR,
    "summary": "Pourquoi l'habitat participatif répond aux besoins de votre commune, ce que "
    "d'autres communes ont fait, et ce que le mouvement vous propose.",
    "search_description": "Les arguments, les exemples et les leviers juridiques pour "
    "soutenir l'habitat participatif dans votre commune.",
}


def _mayors_kit_body(questions):
    levers_links = [q for q in questions if q is not None]
    return [
        (
            "key_message",
            {
                "message": "L'habitat participatif fait vivre votre commune : des habitants "
                "qui s'engagent, des logements abordables et durables, des générations qui "
                "vivent ensemble.",
                "detail": RichText(
                    "<p>Près de 600 projets en France, portés par des habitants et soutenus "
                    "par des communes de toutes tailles.</p>"
                ),
            },
        ),
        (
            "arguments",
            [
                {
                    "claim": "Une demande forte et qui grandit",
                    "explanation": RichText(
                        "<p>Le nombre de projets progresse chaque année. Accompagner cette "
                        "demande, c'est attirer et garder des habitants engagés.</p>"
                    ),
                    "figure": "≈ 600",
                    "figure_label": "projets recensés en France, 13 % de croissance par an",
                    "source": SOURCE,
                    "source_url": "",
                },
                {
                    "claim": "Des projets qui aboutissent",
                    "explanation": RichText(
                        "<p>Ce ne sont pas des utopies : 170 projets sont déjà habités, et "
                        "280 sont en études ou en chantier.</p>"
                    ),
                    "figure": "1 400",
                    "figure_label": "logements dans 170 projets aboutis",
                    "source": SOURCE,
                    "source_url": "",
                },
                {
                    "claim": "Une réponse au vieillissement",
                    "explanation": RichText(
                        "<p>Les seniors cherchent à vieillir chez eux sans être isolés. Près "
                        "de la moitié des projets revendiquent une mixité entre générations."
                        "</p>"
                    ),
                    "figure": "≈ 60 %",
                    "figure_label": "des demandes reçues par le réseau viennent de seniors",
                    "source": SOURCE,
                    "source_url": "",
                },
                {
                    "claim": "Des logements sociaux aussi",
                    "explanation": RichText(
                        "<p>Les partenariats avec les organismes HLM rendent ces projets "
                        "accessibles aux ménages modestes, en location comme en accession."
                        "</p>"
                    ),
                    "figure": "",
                    "figure_label": "",
                    "source": "",
                    "source_url": "",
                },
            ],
        ),
        (
            "project_examples",
            [
                {
                    "name": "Une coopérative d'habitants en centre-bourg",
                    "place": "Commune rurale de 2 000 habitants",
                    "homes": 12,
                    "year": 2019,
                    "description": "La commune a cédé une ancienne école à prix modéré ; "
                    "douze foyers y vivent, la salle commune accueille les associations.",
                    "page": None,
                },
                {
                    "name": "Un habitat intergénérationnel avec un bailleur social",
                    "place": "Ville moyenne",
                    "homes": 24,
                    "year": 2021,
                    "description": "Le bailleur construit et gère, les habitants conçoivent "
                    "ensemble les espaces partagés ; un tiers des foyers ont plus de 65 ans.",
                    "page": None,
                },
            ],
        ),
        (
            "legal_levers",
            [
                {
                    "lever": "Les sociétés d'habitat participatif",
                    "explanation": "La loi reconnaît l'habitat participatif et crée les "
                    "coopératives d'habitants et les sociétés d'attribution et "
                    "d'autopromotion : des interlocuteurs juridiques solides pour la commune.",
                    "legal_reference": "Code de la construction et de l'habitation, "
                    "art. L200-1 et suivants",
                    "legal_url": "https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006074096/",
                    "links": levers_links,
                },
                {
                    "lever": "Le foncier communal",
                    "explanation": "La commune peut céder ou louer un terrain par bail à long "
                    "terme à un groupe d'habitants, avec un cahier des charges.",
                    "legal_reference": "",
                    "legal_url": "",
                    "links": [],
                },
            ],
        ),
        (
            "objections",
            [
                {
                    "objection": "C'est du logement pour quelques privilégiés.",
                    "answer": RichText(
                        "<p>Beaucoup de projets se font avec des bailleurs sociaux, et la "
                        "moitié accueillent plusieurs générations.</p>"
                    ),
                },
                {
                    "objection": "Ces projets sont trop longs et trop risqués.",
                    "answer": RichText(
                        "<p>170 projets ont abouti. Le réseau accompagne les groupes et "
                        "partage ses outils juridiques et financiers.</p>"
                    ),
                },
            ],
        ),
        (
            "asks",
            {
                "intro": "Nous proposons à votre commune de :",
                "asks": [
                    "Désigner un élu référent pour l'habitat participatif.",
                    "Réserver un terrain ou un bâtiment à un projet d'habitat participatif.",
                    "Ouvrir les appels à projets aux groupes d'habitants.",
                    "Accueillir une journée portes ouvertes de l'habitat participatif.",
                ],
            },
        ),
        (
            "contacts",
            [
                {
                    "name": "Groupe plaidoyer auprès des élus locaux",
                    "role": "",
                    "organisation": "Mouvement de l'habitat participatif",
                    "email": "plaidoyer@example.org",
                    "phone": "",
                }
            ],
        ),
    ]


TEXTS = {
    "communique-portes-ouvertes.md": (
        "Communiqué de presse type des portes ouvertes",
        "# Les habitants ouvrent leurs portes\n\nLe [date], le projet [nom] à [commune] "
        "participe aux journées portes ouvertes de l'habitat participatif. Visites, "
        "échanges avec les habitants et présentation du projet.\n",
    ),
    "courrier-maire.md": (
        "Modèle de courrier d'invitation au maire",
        "# Invitation\n\nMadame la Maire, Monsieur le Maire,\n\nNous avons le plaisir de "
        "vous inviter à visiter notre habitat participatif le [date].\n",
    ),
    "logo-consignes.md": (
        "Logo du mouvement : consignes d'utilisation",
        "# Logo\n\nNe pas déformer ni recolorer le logo ; garder une marge égale à la "
        "hauteur de la lettre H.\n",
    ),
}
POSTER = ("affiche-portes-ouvertes.pdf", "Affiche des journées portes ouvertes (A3)")


def _document(report, filename, title, data, file_format, text):
    document, created = known_text_document(
        Collection.get_first_root_node(), title, filename, data, text, file_format
    )
    if created:
        report.add(f"document « {title} »")
    return document


def _open_days_campaign(report):
    texts = {
        name: _document(report, name, title, body.encode(), "md", body)
        for name, (title, body) in TEXTS.items()
    }
    poster_data = (FILES / POSTER[0]).read_bytes()
    poster = _document(
        report,
        POSTER[0],
        POSTER[1],
        poster_data,
        "pdf",
        "Journées portes ouvertes de l'habitat participatif. Venez visiter un habitat "
        "participatif près de chez vous.",
    )

    def asset(document, kind, licence, note=""):
        return {"document": document, "kind": kind, "licence": licence, "note": note}

    return [
        (
            "campaign",
            {
                "title": "Journées portes ouvertes de l'habitat participatif",
                "period": "Chaque année, fin mai",
                "description": RichText(
                    "<p>Les groupes d'habitants ouvrent leurs portes au public et aux élus. "
                    "Tout ce qu'il faut pour annoncer votre visite.</p>"
                ),
                "assets": [
                    asset(poster, "poster", "cc-by", "Imprimer en A3 ; compléter date et lieu."),
                    asset(texts["communique-portes-ouvertes.md"], "text", "cc0"),
                    asset(texts["courrier-maire.md"], "template", "cc-by-sa"),
                ],
            },
        ),
        (
            "campaign",
            {
                "title": "Identité du mouvement",
                "period": "",
                "description": RichText("<p>Le logo et ses règles d'usage.</p>"),
                "assets": [asset(texts["logo-consignes.md"], "logo", "logo")],
            },
        ),
    ]


def _publish(report, index, page, label):
    index.add_child(instance=page)
    page.save_revision().publish()
    report.add(f"{label} « {page.title} »")
    return page


def load(report, index, reviewer=None):
    """Build the advocacy demo below `index` (the AdvocacyIndexPage); `reviewer` (a demo
    account of home.demo) joins the reviewers' group."""
    contributors = list(Group.objects.filter(name=MEMBERS_OF_ADVOCACY_GROUP))
    ensure_advocacy_workflow(index, contributors=contributors)
    if reviewer is not None:
        reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))

    if not index.get_children().filter(slug=MAYORS_KIT["slug"]).exists():
        questions = list(QuestionPage.objects.live().order_by("path")[:2])
        kit = AdvocacyKitPage(**MAYORS_KIT, body=_mayors_kit_body(questions))
        _publish(report, index, kit, "kit")
    if not index.get_children().filter(slug="kit-communication").exists():
        kit = CommunicationKitPage(
            slug="kit-communication",
            title="Kit de communication",
            intro="<p>Affiches, modèles de textes et logos, rangés par campagne. Chaque "
            "fichier indique sa licence et son format.</p>",
            campaigns=_open_days_campaign(report),
        )
        _publish(report, index, kit, "kit")
