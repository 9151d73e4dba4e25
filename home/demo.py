"""French demo content for a fresh installation (`manage.py load_demo`).

Idempotent: each page is found by its slug under its parent and each account by its
username, so a second run adds nothing. The figures quoted are the movement's own.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from advocacy import demo as advocacy_demo
from advocacy.factories import AdvocacyIndexPageFactory
from agenda import demo as agenda_demo
from classifieds import demo as classifieds_demo
from governance import demo as governance_demo
from governance.factories import GovernanceIndexPageFactory
from matching import demo as matching_demo
from members import demo as members_demo
from newsletter import demo as newsletter_demo
from partners import demo as partners_demo
from projects import demo as projects_demo
from resources.demo import load_resources
from resources.factories import ResourceIndexPageFactory
from workgroups.demo import load_group_content
from workgroups.factories import WorkingGroupIndexPageFactory, WorkingGroupPageFactory
from workgroups.models import WorkingGroupPage

from .factories import HomePageFactory, StandardPageFactory
from .membership import MEMBERS_GROUP
from .models import HomePage

EDITORS_GROUP = "Editors"  # created by Wagtail's own migrations, with page permissions

# Dev-only accounts, documented in README.md. Never load the demo on a public server.
DEMO_USERS = [
    # username, first name, last name, role, password
    ("admin", "Camille", "Administratrice", "administrator", "admin-demo-2026"),
    ("editrice", "Nadia", "Éditrice", "editor", "editrice-demo-2026"),
    ("membre", "Julien", "Membre", "member", "membre-demo-2026"),
    ("visiteur", "Léa", "Visiteuse", "visitor", "visiteur-demo-2026"),
    # A member who reviews advocacy kits (advocacy.demo adds her to the reviewers' group).
    ("relectrice", "Inès", "Relectrice", "reviewer", "relectrice-demo-2026"),
]


def _p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


HOME = {
    "title": "Espace contributeurs du mouvement de l'habitat participatif",
    "intro": _p(
        "Un lieu commun pour toutes celles et ceux qui font vivre l'habitat participatif : "
        "groupes d'habitants, associations, partenaires professionnels et citoyens."
    ),
    "body": [
        ("heading", "Un mouvement ouvert à toutes les contributions"),
        (
            "paragraph",
            RichText(
                _p(
                    "L'habitat participatif réunit des personnes qui conçoivent ensemble leur "
                    "futur logement, partagent des espaces communs et décident collectivement de "
                    "la vie de leur immeuble ou de leur hameau. Après dix ans de coordination "
                    "entre associations, le mouvement s'ouvre à chacun : habitants, groupes-"
                    "projets, professionnels, collectivités.",
                    "Cet espace rassemble les groupes de travail, le centre de ressources, les "
                    "outils de plaidoyer auprès des élus locaux et la vie de notre gouvernance. "
                    "Chacun peut lire ce qui est public, rejoindre un groupe et proposer son aide.",
                )
            ),
        ),
        (
            "key_figures",
            [
                {
                    "value": "≈ 600",
                    "label": "projets recensés en France",
                    "source": "base de données nationale du mouvement",
                },
                {
                    "value": "170",
                    "label": "projets aboutis, soit environ 1 400 logements",
                    "source": "chiffres du mouvement",
                },
                {
                    "value": "13 %",
                    "label": "de croissance annuelle du nombre de projets",
                    "source": "chiffres du mouvement",
                },
                {
                    "value": "≈ 60 %",
                    "label": "des demandes reçues par le réseau viennent de seniors",
                    "source": "chiffres du mouvement",
                },
            ],
        ),
        (
            "quote",
            {
                "quote": "Relier l'énergie des habitants à la coordination nationale : c'est "
                "ainsi que le mouvement grandit.",
                "author": "",
            },
        ),
    ],
}

SECTIONS = [
    (
        WorkingGroupIndexPageFactory,
        {
            "title": "Groupes de travail",
            "slug": "groupes",
            "intro": _p(
                "Le travail bénévole du mouvement s'organise en groupes. Chaque groupe dispose "
                "de son espace : sa mission, ses membres, ses comptes rendus et ses documents."
            ),
        },
    ),
    (
        ResourceIndexPageFactory,
        {
            "title": "Centre de ressources",
            "slug": "ressources",
            "intro": _p(
                "Guides, fiches pratiques, modèles de documents, études et réponses de "
                "l'observatoire juridique et financier : la mémoire partagée du mouvement."
            ),
        },
    ),
    (
        AdvocacyIndexPageFactory,
        {
            "title": "Plaidoyer",
            "slug": "plaidoyer",
            "intro": _p(
                "Des argumentaires et des outils pour convaincre les élus locaux, les bailleurs "
                "sociaux et les services de l'État de soutenir l'habitat participatif."
            ),
        },
    ),
    (
        GovernanceIndexPageFactory,
        {
            "title": "Gouvernance",
            "slug": "gouvernance",
            "intro": _p(
                "Les instances du mouvement, leurs membres, leurs réunions et les décisions "
                "prises, consultables par toutes et tous."
            ),
        },
    ),
]

WORKING_GROUPS = [
    {
        "title": "Centre de ressources et observatoire juridique",
        "slug": "centre-de-ressources",
        "intro": _p(
            "Collecter, trier et rendre faciles à trouver les guides, trames-types et réponses "
            "juridiques et financières dont les groupes d'habitants ont besoin."
        ),
    },
    {
        "title": "Plaidoyer auprès des élus locaux",
        "slug": "plaidoyer-elus",
        "intro": _p(
            "Rédiger le kit de plaidoyer destiné aux maires et aux intercommunalités, et "
            "préparer les rencontres avec les collectivités."
        ),
    },
    {
        "title": "Rencontres et journées portes ouvertes",
        "slug": "rencontres",
        # A private space: only its members (and editors) read it.
        "visibility": "private",
        "intro": _p(
            "Organiser les rencontres nationales et les journées portes ouvertes, et outiller "
            "les associations régionales pour leurs événements."
        ),
    },
    {
        "title": "Groupe de transition",
        "slug": "transition",
        "intro": _p(
            "Proposer la nouvelle gouvernance ouverte du mouvement et les modalités "
            "d'adhésion des personnes, des groupes et des structures."
        ),
    },
]

ABOUT = {
    "title": "À propos du mouvement",
    "slug": "a-propos",
    "intro": _p(
        "Comment le mouvement de l'habitat participatif est passé d'une fédération "
        "d'associations à un mouvement auquel chacun peut contribuer."
    ),
    "body": [
        (
            "paragraph",
            RichText(
                _p(
                    "Nés d'une dizaine d'associations régionales, les échanges entre projets "
                    "ont donné naissance aux rencontres nationales, puis à une coordination "
                    "capable de porter un plaidoyer commun et des outils partagés.",
                    "Tous les projets affichent une démarche écologique dans la construction, et "
                    "près de la moitié revendiquent une mixité entre générations.",
                )
            ),
        ),
    ],
}


@dataclass
class DemoReport:
    created: list = field(default_factory=list)

    def add(self, label):
        self.created.append(label)


def _child_by_slug(parent, slug):
    return parent.get_children().filter(slug=slug).first()


def _ensure_child(report, parent, factory, values):
    page = _child_by_slug(parent, values["slug"])
    if page is None:
        page = factory(parent=parent, **values)
        report.add(f"page « {page.title} »")
    return page.specific


def _ensure_home(report):
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's initial "Welcome" page holds the "home" slug; it is replaced.
        placeholder = root.get_children().filter(slug="home", content_type__model="page").first()
        if placeholder is not None and not placeholder.get_children().exists():
            placeholder.delete()
        home = HomePageFactory(parent=root, slug="accueil", **HOME)
        report.add(f"page d'accueil « {home.title} »")
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Espace contributeurs",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Espace contributeurs"
        site.save()
    return home


def _ensure_groups():
    members, _ = Group.objects.get_or_create(name=MEMBERS_GROUP)
    editors, created = Group.objects.get_or_create(name=EDITORS_GROUP)
    if created:
        editors.permissions.add(Permission.objects.get(codename="access_admin"))
    return {"member": members, "editor": editors}


def _ensure_users(report, groups):
    User = get_user_model()
    for username, first_name, last_name, role, password in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        user = User(
            username=username,
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@example.org",
            is_staff=role == "administrator",
            is_superuser=role == "administrator",
        )
        user.set_password(password)
        user.save()
        if role in ("editor", "member", "reviewer"):
            user.groups.add(groups["member"])
        if role == "editor":
            user.groups.add(groups["editor"])
        report.add(f"compte « {username} » ({role})")


def _ensure_memberships(member, editor):
    """The demo member belongs to two groups (one of them private); the editor coordinates
    the advocacy group and the resource centre's."""
    spaces = {page.slug: page for page in WorkingGroupPage.objects.all()}
    for slug in ("centre-de-ressources", "rencontres"):
        if slug in spaces and spaces[slug].members_group:
            member.groups.add(spaces[slug].members_group)
    for slug in ("plaidoyer-elus", "centre-de-ressources"):
        if slug in spaces and spaces[slug].coordinators_group:
            editor.groups.add(spaces[slug].coordinators_group)


@transaction.atomic
def load_demo():
    report = DemoReport()
    home = _ensure_home(report)
    sections = {}
    for factory, values in SECTIONS:
        sections[values["slug"]] = _ensure_child(report, home, factory, values)
    for values in WORKING_GROUPS:
        _ensure_child(report, sections["groupes"], WorkingGroupPageFactory, values)
    _ensure_child(report, home, StandardPageFactory, {**ABOUT, "show_in_menus": False})
    _ensure_users(report, _ensure_groups())
    users = get_user_model().objects
    editor = users.get(username="editrice")
    _ensure_memberships(users.get(username="membre"), editor)
    load_resources(report, sections["ressources"], owner=editor)
    load_group_content(report, users.get(username="membre"), editor)
    governance_demo.load(report, sections["gouvernance"])
    advocacy_demo.load(report, sections["plaidoyer"], reviewer=users.get(username="relectrice"))
    matching_demo.load(report, users.get(username="membre"))
    projects_demo.load(report, member=users.get(username="membre"))
    partners_demo.load(
        report, users.in_bulk(["membre", "editrice", "admin"], field_name="username")
    )
    agenda_demo.load(report, submitter=users.get(username="membre"))
    classifieds_demo.load(report, users.get(username="membre"), editor)
    members_demo.load(report, users.get(username="membre"))
    newsletter_demo.load(report, editor)
    return report
