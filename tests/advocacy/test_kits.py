"""Advocacy kits: their sections, their previews for editors, sharing, communication kits."""

import html

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.test import RequestFactory
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from advocacy.blocks import CommunicationKitBlock, KitBlock
from advocacy.factories import AdvocacyKitPageFactory, CommunicationKitPageFactory
from resources.models import ResourceDocument

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name", [*KitBlock.base_blocks.keys(), *CommunicationKitBlock.base_blocks.keys()]
)
def test_every_kit_section_has_help_and_a_preview_for_editors(name):
    block = {**KitBlock.base_blocks, **CommunicationKitBlock.base_blocks}[name]
    assert block.meta.description, name
    assert block.meta.template, name
    if name not in ("heading", "paragraph"):  # shared blocks of home.blocks
        assert block.meta.help_text, name
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    rendered = block.render(block.get_preview_value(), context={"request": request})
    assert rendered.strip(), name


def test_the_kit_page_shows_each_section_and_open_graph_metadata(client, kit):
    response = client.get(kit.url)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "L'habitat participatif, une chance pour votre commune." in page
    assert "chiffres du mouvement" in page
    assert "Réserver un terrain dans le PLU." in page
    assert '<meta property="og:title" content="Kit pour les maires">' in page
    assert (
        '<meta property="og:description" content="Pourquoi soutenir l\'habitat participatif '
        'dans votre commune.">' in page
    )
    assert '<meta property="og:url" content="http://localhost/plaidoyer/kit-maires/">' in page
    assert '<meta property="og:type" content="article">' in page


def test_a_public_kit_has_a_short_link_for_elected_officials(client, kit):
    page = client.get(kit.url).content.decode()
    assert f'href="/k/{kit.pk}/"' in page
    response = client.get(f"/k/{kit.pk}/")
    assert response.status_code == 302
    assert response["Location"] == kit.url


def test_the_short_link_never_reveals_a_members_only_or_unpublished_kit(client, advocacy, member):
    private = AdvocacyKitPageFactory(parent=advocacy, title="Stratégie interne", slug="interne")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    draft = AdvocacyKitPageFactory(parent=advocacy, title="Brouillon", slug="brouillon")
    draft.unpublish()
    client.force_login(member)  # even a member who may read it gets no short link
    for page in (private, draft):
        response = client.get(f"/k/{page.pk}/")
        assert response.status_code == 404
        assert "interne" not in response.content.decode()
    assert f"/k/{private.pk}/" not in client.get(private.url).content.decode()
    assert client.get("/k/0/").status_code == 404


def test_legal_levers_link_only_to_pages_the_reader_may_open(client, demo, member):
    from resources.models import QuestionPage

    kit = demo.get_descendants().get(slug="kit-maires").specific
    question = QuestionPage.objects.live().order_by("path").first()
    assert question.title in html.unescape(client.get(kit.url).content.decode())
    PageViewRestriction.objects.create(page=question, restriction_type=PageViewRestriction.LOGIN)
    assert question.title not in html.unescape(client.get(kit.url).content.decode())
    client.force_login(member)
    assert question.title in html.unescape(client.get(kit.url).content.decode())


def test_the_demo_kit_for_mayors_cites_the_movement_figures(client, demo):
    page = html.unescape(client.get("/plaidoyer/kit-maires/").content.decode())
    for figure in ("≈ 600", "1 400", "170 projets aboutis", "13 %", "≈ 60 %"):
        assert figure in page
    assert "chiffres du mouvement" in page
    listing = html.unescape(client.get("/plaidoyer/").content.decode())
    assert "Kit de plaidoyer pour les maires" in listing and "Kit de communication" in listing


def document(title, collection, data=b"# Texte\n"):
    doc = ResourceDocument(title=title, collection=collection, file_format="md")
    doc.file.save("texte.md", ContentFile(data), save=False)
    doc.save()
    return doc


def test_a_communication_kit_shows_files_by_campaign_with_licence_and_format(
    client, advocacy, member
):
    root = Collection.get_first_root_node()
    internal = root.add_child(name="Interne")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    public = document("Communiqué type", root)
    secret = document("Argumentaire interne", internal)
    kit = CommunicationKitPageFactory(
        parent=advocacy,
        campaigns=[
            (
                "campaign",
                {
                    "title": "Portes ouvertes",
                    "period": "En mai",
                    "description": "",
                    "assets": [
                        {"document": public, "kind": "text", "licence": "cc0", "note": ""},
                        {"document": secret, "kind": "template", "licence": "movement", "note": ""},
                    ],
                },
            )
        ],
    )
    page = html.unescape(client.get(kit.url).content.decode())
    assert "Portes ouvertes" in page and "Communiqué type" in page
    assert "MD" in page  # the format
    assert "CC0" in page  # the licence
    assert "Argumentaire interne" not in page
    client.force_login(member)
    assert "Argumentaire interne" in html.unescape(client.get(kit.url).content.decode())
