"""The site skeleton, as a visitor and a member meet it."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page

from home.demo import DEMO_USERS, load_demo

pytestmark = pytest.mark.django_db

SECTIONS = {
    "/groupes/": "Le travail bénévole du mouvement s'organise en groupes",
    "/ressources/": "Guides, fiches pratiques, modèles de documents",
    "/plaidoyer/": "Des argumentaires et des outils pour convaincre les élus locaux",
    "/gouvernance/": "Les instances du mouvement, leurs membres",
    "/groupes/transition/": "Proposer la nouvelle gouvernance ouverte du mouvement",
    "/a-propos/": "démarche écologique dans la construction",
}


def test_home_page_presents_the_movement_in_french(client, demo):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Aller au contenu" in html and 'href="#contenu"' in html
    assert "Espace contributeurs du mouvement de l&#x27;habitat participatif" in html
    assert "projets recensés en France" in html
    # The main navigation leads to every section.
    for path in ("/groupes/", "/ressources/", "/plaidoyer/", "/gouvernance/"):
        assert f'href="{path}"' in html
    assert "Se connecter" in html


@pytest.mark.parametrize(("path", "text"), SECTIONS.items())
def test_section_pages_render_in_french(client, demo, path, text):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode().replace("&#x27;", "'")
    assert text in html
    assert 'aria-label="Fil d’Ariane"' in html


def test_working_group_index_lists_the_demo_groups_a_visitor_may_see(client, demo):
    html = client.get("/groupes/").content.decode().replace("&#x27;", "'")
    for title in (
        "Centre de ressources et observatoire juridique",
        "Plaidoyer auprès des élus locaux",
        "Groupe de transition",
    ):
        assert title in html
    # The private group is listed for its members only.
    assert "Rencontres et journées portes ouvertes" not in html
    client.login(username="membre", password="membre-demo-2026")
    html = client.get("/groupes/").content.decode().replace("&#x27;", "'")
    assert "Rencontres et journées portes ouvertes" in html


def test_unknown_page_gives_a_french_404(client, demo):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_member_logs_in_on_the_site_and_out_again(client, demo):
    response = client.post(
        reverse("login"), {"username": "membre", "password": "membre-demo-2026"}, follow=True
    )
    assert response.status_code == 200
    assert response.context["user"].username == "membre"
    assert "Bonjour, Julien" in response.content.decode()

    response = client.post(reverse("logout"), follow=True)
    assert not response.context["user"].is_authenticated
    assert "Se connecter" in response.content.decode()


@pytest.mark.parametrize("username", ["membre", "personne-inconnue"])
def test_failed_login_says_the_same_thing_for_any_username(client, demo, username):
    response = client.post(reverse("login"), {"username": username, "password": "mauvais"})
    assert response.status_code == 200
    assert "Identifiant ou mot de passe incorrect" in response.content.decode()
    assert not response.context["user"].is_authenticated


def test_demo_content_has_every_role_and_loads_only_once(demo):
    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    assert users.get(username="editrice").groups.filter(name="Editors").exists()
    assert users.get(username="membre").groups.filter(name="Membres").exists()
    assert not users.get(username="visiteur").groups.exists()

    pages, accounts = Page.objects.count(), users.count()
    report = load_demo()
    assert report.created == []
    assert (Page.objects.count(), users.count()) == (pages, accounts)
    # Besides the documented accounts, only demo people nobody can log in as (matching).
    others = users.exclude(username__in=[username for username, *_rest in DEMO_USERS])
    assert accounts - others.count() == len(DEMO_USERS)
    assert not any(user.has_usable_password() for user in others)


def test_editors_and_group_members_reach_the_admin_but_not_a_visitor(client, demo):
    client.login(username="editrice", password="editrice-demo-2026")
    assert client.get("/admin/").status_code == 200
    client.logout()
    # The demo member belongs to working groups, whose members edit their space in the admin.
    client.login(username="membre", password="membre-demo-2026")
    assert client.get("/admin/").status_code == 200
    client.logout()
    client.login(username="visiteur", password="visiteur-demo-2026")
    assert client.get("/admin/").status_code == 302


def test_server_error_page_is_french_and_self_contained(client, demo, settings):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Une erreur est survenue" in html and 'lang="fr"' in html
    assert "/static/css/site.css" in html


def test_static_files_are_served_by_whitenoise(client, demo):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert b"skip-link" in b"".join(response.streaming_content)


def test_tools_page_lists_the_registered_tools_and_the_menu_links_to_it(client, demo):
    from django.utils.translation import gettext_lazy

    from home.tools import _TOOLS, Tool, register_tool

    empty = client.get("/outils/")
    assert empty.status_code == 200
    register_tool(Tool("test-tool", gettext_lazy("Test tool"), "A tool for tests.", "home:tools"))
    try:
        response = client.get("/outils/")
    finally:
        _TOOLS.pop("test-tool")
    html = response.content.decode()
    assert "Test tool" in html and "A tool for tests." in html
    assert 'href="/outils/" aria-current="page"' in html
    home = client.get("/").content.decode()
    assert 'href="/outils/"' in home and "Outils" in home


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Ile de France", "11"),
        ("ÎLE-DE-FRANCE", "11"),
        ("84", "84"),
        ("Atlantis", None),
        ("", None),
    ],
)
def test_region_names_are_read_however_they_are_spelled(value, code):
    from home.regions import region_code

    assert region_code(value) == code


def test_a_logged_in_reader_refused_a_page_gets_the_login_page_not_a_loop(client, demo):
    client.force_login(get_user_model().objects.get(username="relectrice"))
    response = client.get("/groupes/rencontres/", follow=True)  # a private group's space
    assert response.status_code == 200
    assert response.redirect_chain == [("/compte/connexion/?next=/groupes/rencontres/", 302)]
    assert response.context["user"].username == "relectrice"
    assert "Connectez-vous avec un autre compte" in response.content.decode()
    # Without a page to go back to, someone logged in is sent on.
    assert client.get(reverse("login")).status_code == 302
