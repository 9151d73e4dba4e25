"""Accessibility of every public and member page template (WCAG 2.1 AA, as RGAA asks).

Each page is loaded in Chromium, as a visitor or as the member who can open it, and checked
with axe-core (node_modules/axe-core, from package-lock.json): no serious or critical
violation. Forms are also submitted empty, to check the page with its errors and that each
error is tied to its field. At 640 CSS pixels wide (a 1280-pixel window zoomed to 200 %), no
page may scroll sideways. The demo content is loaded once for the module: these tests only
read it.
"""

import functools
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Error as PlaywrightError
from pytest_django.live_server_helper import LiveServer

from home.demo import load_demo

from .conftest import session_cookie

# Each test runs in a transaction of its own that it does not use; the demo data, committed
# once for the module, is what the server reads.
pytestmark = pytest.mark.django_db(serialized_rollback=True)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING = {"serious", "critical"}

VISITOR, MEMBER, COORDINATOR = None, "membre", "editrice"


def _document(title):
    from resources.models import ResourceDocument

    return f"/documents/{ResourceDocument.objects.get(title=title).pk}/"


def _event(title):
    from agenda.models import Event

    return f"/agenda/{Event.objects.get(title=title).pk}/"


def _ad(title, suffix=""):
    from classifieds.models import ClassifiedAd

    return f"/annonces/{ClassifiedAd.objects.get(title=title).pk}/{suffix}"


def _project(name, suffix=""):
    from projects.models import Project

    return f"/projets/{Project.objects.get(name=name).pk}/{suffix}"


def _partner(name):
    from partners.models import Partner

    return f"/partenaires/{Partner.objects.get(name=name).pk}/"


def _member_profile(suffix=""):
    from matching.models import Profile

    profile = Profile.objects.get(owner__username=MEMBER)
    return f"/mise-en-relation/profil/{profile.pk}/{suffix}"


def _member_contact_form():
    from matching.models import Profile
    from matching.suggestions import candidates

    profile = Profile.objects.get(owner__username=MEMBER)
    target = (
        candidates(profile)
        .exclude(received_requests__sender=profile)
        .exclude(sent_requests__recipient=profile)[0]
    )
    return _member_profile(f"contacter/{target.pk}/")


def _request_to_member():
    from matching.models import ContactRequest

    request = ContactRequest.objects.get(recipient__owner__username=MEMBER)
    return f"/mise-en-relation/demandes/{request.pk}/"


GROUP = "/groupes/centre-de-ressources/"
PRIVATE_GROUP = "/groupes/rencontres/"
AD = "Juriste bénévole : relecture de statuts de coopératives (Die)"

# (name, who looks, address or a function of the demo data giving it)
PAGES = [
    ("home", VISITOR, "/"),
    ("standard page", VISITOR, "/a-propos/"),
    ("section page", VISITOR, "/plaidoyer/"),
    ("resources", VISITOR, "/ressources/"),
    ("resource", VISITOR, "/ressources/choisir-sa-forme-juridique/"),
    (
        "document",
        VISITOR,
        lambda: _document("Fiche pratique : choisir la forme juridique de son projet"),
    ),
    ("observatory", VISITOR, "/ressources/observatoire/"),
    ("question", VISITOR, "/ressources/observatoire/cooperative-ou-autopromotion/"),
    ("ask a question", MEMBER, "/ressources/observatoire/poser-une-question/"),
    ("review link", VISITOR, "/revue/invalide/"),
    ("working groups", VISITOR, "/groupes/"),
    ("working group", VISITOR, GROUP),
    ("working group as a member", MEMBER, PRIVATE_GROUP),
    ("group news", VISITOR, GROUP + "fiche-formes-juridiques/"),
    ("group meeting", VISITOR, GROUP + "reunion-collecte-ressources/"),
    ("working document", VISITOR, GROUP + "plan-de-classement/"),
    ("group documents", VISITOR, GROUP + "documents/"),
    ("contribute", VISITOR, GROUP + "contribuer/"),
    ("coordination", COORDINATOR, GROUP + "coordination/"),
    ("my space", MEMBER, "/mon-espace/"),
    ("invitation link", MEMBER, "/invitation/invalide/"),
    ("unsubscribe link", VISITOR, "/desabonnement/invalide/"),
    ("advocacy kit", VISITOR, "/plaidoyer/kit-maires/"),
    ("communication kit", VISITOR, "/plaidoyer/kit-communication/"),
    ("governance", VISITOR, "/gouvernance/"),
    ("body", VISITOR, "/gouvernance/pleniere/"),
    ("members-only body", MEMBER, "/gouvernance/comite-de-pilotage/"),
    ("meeting", VISITOR, "/gouvernance/pleniere/pleniere-2018-09-22/"),
    ("decision", VISITOR, "/gouvernance/pleniere/pleniere-2018-09-22/ouverture-adhesion/"),
    ("decision register", VISITOR, "/gouvernance/decisions/"),
    ("statutes", VISITOR, "/gouvernance/statuts/"),
    ("statutes version", VISITOR, "/gouvernance/statuts/version/1/"),
    ("statutes comparison", VISITOR, "/gouvernance/statuts/comparer/?from=1&to=2"),
    ("search", VISITOR, "/search/"),
    ("search results", VISITOR, "/search/?q=coop%C3%A9rative"),
    ("search without results", VISITOR, "/search/?q=zzyzxq"),
    ("agenda", VISITOR, "/agenda/"),
    ("past events", VISITOR, "/agenda/passes/"),
    ("event", VISITOR, lambda: _event("Visio-permanence juridique du mouvement")),
    ("my events", MEMBER, "/agenda/mes-evenements/"),
    ("classifieds", VISITOR, "/annonces/"),
    ("classified ad", VISITOR, lambda: _ad(AD)),
    ("expired ad", VISITOR, lambda: _ad("Chambre à louer dans une maison partagée (Lyon)")),
    ("ad contact", MEMBER, lambda: _ad(AD, "contacter/")),
    ("ad report", MEMBER, lambda: _ad(AD, "signaler/")),
    ("my ads", MEMBER, "/annonces/mes-annonces/"),
    ("ad renewal link", VISITOR, "/annonces/renouvellement/invalide/"),
    ("projects", VISITOR, "/projets/"),
    ("project", VISITOR, lambda: _project("La Courte Échelle")),
    ("project edit", MEMBER, lambda: _project("La Courte Échelle", "modifier/")),
    ("project statistics", VISITOR, "/projets/statistiques/"),
    ("partners", VISITOR, "/partenaires/"),
    ("partner", VISITOR, lambda: _partner("Alter Habitat Conseil")),
    ("matching", VISITOR, "/mise-en-relation/"),
    ("matching as a member", MEMBER, "/mise-en-relation/"),
    ("matching profile", MEMBER, _member_profile),
    ("matching suggestions", MEMBER, lambda: _member_profile("suggestions/")),
    ("matching profile deletion", MEMBER, lambda: _member_profile("supprimer/")),
    ("matching contact", MEMBER, _member_contact_form),
    ("matching request", MEMBER, _request_to_member),
    ("tools", VISITOR, "/outils/"),
    ("login", VISITOR, "/compte/connexion/"),
    ("not found", VISITOR, "/cette-page-n-existe-pas/"),
]

# Pages that answer with an error status on purpose.
STATUS = {
    "review link": 400,
    "invitation link": 400,
    "unsubscribe link": 400,
    "ad renewal link": 400,
    "expired ad": 410,
    "not found": 404,
}

# Forms submitted empty: the page with its errors.
FORMS = [
    ("login", VISITOR, "/compte/connexion/"),
    ("contribute", VISITOR, GROUP + "contribuer/"),
    ("project contact", VISITOR, lambda: _project("La Courte Échelle", "contact/")),
    ("ask a question", MEMBER, "/ressources/observatoire/poser-une-question/"),
    ("ad form", MEMBER, "/annonces/publier/"),
    ("event form", MEMBER, "/agenda/proposer/"),
    ("partner proposal", MEMBER, "/partenaires/proposer/"),
    ("matching profile", MEMBER, "/mise-en-relation/profil/nouveau/groupe/"),
]


@pytest.fixture(scope="module")
def demo_server(migrated_data, django_db_blocker):
    """A live server over the demo content, shared by the module's tests. Not pytest-django's
    `live_server`, which would flush the database after every test."""
    from django.core.cache import cache
    from django.db import connection

    assert connection.settings_dict["NAME"].startswith("test_")  # never flush a real database
    server = LiveServer("localhost")
    with django_db_blocker.unblock():
        load_demo()
        server.cookies = {who: session_cookie(server.url, who) for who in (MEMBER, COORDINATOR)}
    yield server
    server.stop()
    with django_db_blocker.unblock():
        # Leave the database as the migrations made it, for the tests that follow.
        # As Django's serialized rollback does: sequences go on, or the restored rows' ids
        # would be handed out again.
        call_command(
            "flush",
            interactive=False,
            verbosity=0,
            inhibit_post_migrate=True,
            reset_sequences=False,
        )
        if migrated_data is not None:
            connection.creation.deserialize_db_from_string(migrated_data)
    cache.clear()


@pytest.fixture
def open_page(page, demo_server):
    def run(who, address, status=200):
        if who is not None:
            page.context.add_cookies([demo_server.cookies[who]])
        if callable(address):
            address = address()
        response = page.goto(demo_server.url + address)
        # An error page would pass axe as well: make sure it is the page meant.
        assert response.status == status, address
        return page

    return run


@functools.cache
def axe_source():
    return AXE.read_text()


def axe_violations(page):
    # Evaluated through the DevTools protocol, which the page's Content-Security-Policy (no
    # inline script) does not govern: a <script> tag would be refused, and rightly so.
    page.evaluate(f"() => {{ {axe_source()} }}")
    # An editor's page fetches Wagtail's userbar after it loads, and the userbar runs its own
    # accessibility checks (with the same axe): wait for them to end.
    for _attempt in range(50):
        try:
            result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
            )
            break
        except PlaywrightError as error:
            if "already running" not in str(error):
                raise
            page.wait_for_timeout(200)
    else:
        raise AssertionError("the userbar's accessibility checks never ended")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in result["violations"]
        if violation["impact"] in BLOCKING
    ]


def _id(entry):
    return entry[0].replace(" ", "-")


def sideways_overflow(page):
    """What sticks out of the window on the right (tables scroll in their own box)."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.body.querySelectorAll('*')]
                .filter(element => element.getBoundingClientRect().right > width + 1)
                .filter(element => !element.closest('.table-wrapper, .leaflet-container'))
                .map(element => element.tagName.toLowerCase() + '.' + element.className);
            if (document.documentElement.scrollWidth > width) wide.push('html');
            return wide.slice(0, 5);
        }"""
    )


@pytest.mark.parametrize(("name", "who", "address"), PAGES, ids=[_id(p) for p in PAGES])
def test_page_is_accessible(open_page, name, who, address):
    page = open_page(who, address, STATUS.get(name, 200))
    assert axe_violations(page) == []
    # A 1280-pixel window zoomed to 200 %: the text reflows, nothing scrolls sideways.
    page.set_viewport_size({"width": 640, "height": 450})
    assert sideways_overflow(page) == []


@pytest.mark.parametrize(("name", "who", "address"), FORMS, ids=[_id(f) for f in FORMS])
def test_form_errors_are_accessible_and_tied_to_their_fields(open_page, name, who, address):
    page = open_page(who, address)
    page.locator("main form[method=post]").last.locator("button[type=submit]").last.click()
    page.wait_for_load_state()
    fields_in_error = page.locator(".form-field--error")
    assert fields_in_error.count() > 0
    for field in fields_in_error.all():
        # The control (or each choice of a group) is marked invalid, and the control (or the
        # group's fieldset) is described by the error message: a screen reader says which
        # field is wrong and why.
        assert field.locator("[aria-invalid=true]").count() > 0, field.inner_html()
        messages = field.locator("[aria-describedby]").first.evaluate(
            """control => control.getAttribute('aria-describedby').split(' ')
                .map(id => document.getElementById(id))
                .filter(element => element !== null)
                .map(element => element.textContent.trim())"""
        )
        assert any(messages), field.inner_html()
    assert axe_violations(page) == []


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(open_page):
    page = open_page(VISITOR, "/")
    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    assert skip_link.get_attribute("href") == "#contenu"
    assert skip_link.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    # The next Tab stop is inside the content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


@pytest.mark.parametrize("who", [VISITOR, MEMBER])
def test_focus_is_visible_on_every_tab_stop(open_page, who):
    page = open_page(who, GROUP)
    seen = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
                let element = document.activeElement;
                while (element.shadowRoot && element.shadowRoot.activeElement) {
                    element = element.shadowRoot.activeElement;  // Wagtail's user bar
                }
                const style = getComputedStyle(element);
                return {
                    body: element === document.body,
                    key: element.outerHTML.slice(0, 120),
                    outline: style.outlineStyle,
                    width: parseFloat(style.outlineWidth),
                    visible: element.getClientRects().length > 0,
                };
            }"""
        )
        if focused["body"] or focused["key"] in seen:  # past the last stop
            break
        seen.add(focused["key"])
        assert focused["visible"], focused["key"]
        assert focused["outline"] != "none" and focused["width"] >= 2, focused["key"]
    assert len(seen) > 10
