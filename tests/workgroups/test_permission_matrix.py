"""Who may read, edit, publish, search and download what, in open, members-only and private
groups: anonymous visitors, movement members, members of another group, the group's members
and coordinators, and site editors. Also the back doors: direct URLs, previews, revisions,
the API and the sitemap."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from resources.models import ResourceDocument
from workgroups.models import GroupNewsPage, WorkingGroupPage

from .conftest import make_user

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "other_group", "group_member", "coordinator", "editor"]
GROUPS = {"open": "centre-de-ressources", "members": "transition", "private": "rencontres"}
# A word per group, found only in that group's page and document.
WORDS = {"open": "zorglubien", "members": "quetzalcoatl", "private": "ornithorynque"}

READERS = {
    "open": set(ROLES),
    "members": set(ROLES) - {"anonymous"},
    "private": {"group_member", "coordinator", "editor"},
}
EDITORS = {"group_member", "coordinator", "editor"}  # site editors edit every page
PUBLISHERS = {"group_member", "coordinator"}  # groups are not moderated by default


@pytest.fixture
def world(demo, django_user_model, django_capture_on_commit_callbacks):
    movement = Group.objects.get(name="Membres")
    editors = Group.objects.get(name="Editors")
    other = WorkingGroupPage.objects.get(slug="plaidoyer-elus")
    world = {"groups": {}, "pages": {}, "documents": {}, "users": {}}
    with django_capture_on_commit_callbacks(execute=True):  # index updates run on commit
        for visibility, slug in GROUPS.items():
            group = WorkingGroupPage.objects.get(slug=slug)
            if group.visibility != visibility:
                group.visibility = visibility
                group.save()
            word = WORDS[visibility]
            page = GroupNewsPage(title=f"Actualité {word}", slug=f"actu-{word}")
            group.add_child(instance=page)
            page.save_revision().publish()
            document = ResourceDocument(
                title=f"Document {word}", collection=group.collection, extracted_text=word
            )
            document.file.save(f"{word}.txt", ContentFile(word.encode()), save=False)
            document.save()
            world["groups"][visibility] = group
            world["pages"][visibility] = page
            world["documents"][visibility] = document
            world["users"][visibility] = {
                "anonymous": None,
                "member": make_user(django_user_model, f"m-{visibility}", movement),
                "other_group": make_user(
                    django_user_model, f"o-{visibility}", movement, other.members_group
                ),
                "group_member": make_user(
                    django_user_model, f"g-{visibility}", movement, group.members_group
                ),
                "coordinator": make_user(
                    django_user_model, f"c-{visibility}", movement, group.coordinators_group
                ),
                # A site editor with no role in any group (the demo's editor coordinates some).
                "editor": make_user(django_user_model, f"e-{visibility}", movement, editors),
            }
    return world


def cases(world):
    for visibility in GROUPS:
        for role in ROLES:
            yield visibility, role, world["users"][visibility][role]


def as_user(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def test_reading_pages_by_direct_url(client, world):
    for visibility, role, user in cases(world):
        as_user(client, user)
        for url in (world["groups"][visibility].url, world["pages"][visibility].url):
            allowed = client.get(url).status_code == 200
            assert allowed is (role in READERS[visibility]), (visibility, role, url)


def test_downloading_documents_by_direct_url(client, world):
    for visibility, role, user in cases(world):
        as_user(client, user)
        document = world["documents"][visibility]
        for url in (f"/documents/{document.pk}/", document.url):
            response = client.get(url)
            allowed = response.status_code == 200
            assert allowed is (role in READERS[visibility]), (visibility, role, url)


def test_searching(client, world):
    for visibility, role, user in cases(world):
        as_user(client, user)
        data = client.get("/search/api/", {"q": WORDS[visibility]}).json()
        titles = {result["title"] for result in data["results"]}
        expected = {f"Actualité {WORDS[visibility]}", f"Document {WORDS[visibility]}"}
        if role in READERS[visibility]:
            assert expected <= titles, (visibility, role, titles)
        else:
            assert data == {"count": 0, "results": []}, (visibility, role, data)


def test_editing_and_publishing(world):
    for visibility, role, user in cases(world):
        if user is None:
            continue
        permissions = world["pages"][visibility].permissions_for_user(user)
        assert permissions.can_edit() is (role in EDITORS), (visibility, role, "edit")
        assert permissions.can_publish() is (role in PUBLISHERS), (visibility, role, "publish")


def test_previews_and_revisions_follow_the_edit_permission(client, world):
    for visibility, role, user in cases(world):
        as_user(client, user)
        page = world["pages"][visibility]
        revision = page.latest_revision
        for url in (
            f"/admin/pages/{page.pk}/edit/preview/",
            f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/",
            f"/admin/pages/{page.pk}/revisions/compare/earliest...{revision.pk}/",
        ):
            response = client.get(url)
            if role in EDITORS:
                assert response.status_code == 200, (visibility, role, url)
            else:
                assert response.status_code in (302, 403), (visibility, role, url)
                assert WORDS[visibility] not in response.content.decode(), (visibility, role, url)


def test_the_sitemap_lists_public_pages_only(client, world):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert world["pages"]["open"].slug in sitemap
    assert world["pages"]["members"].slug not in sitemap
    assert world["pages"]["private"].slug not in sitemap
    assert "/groupes/rencontres/" not in sitemap


def test_no_api_exposes_pages(client, world):
    for url in ("/api/v2/pages/", "/api/pages/", "/api/v2/documents/"):
        assert client.get(url).status_code == 404


def test_the_group_page_lists_its_content_in_constant_queries(
    client, world, django_assert_max_num_queries, django_user_model
):
    group = world["groups"]["open"]
    client.force_login(world["users"]["open"]["group_member"])
    client.get(group.url)  # warm caches (site root, translations)

    def queries_for_page():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(group.url).status_code == 200
        return len(captured.captured_queries)

    few = queries_for_page()
    for number in range(30):
        page = GroupNewsPage(title=f"Brève {number}", slug=f"breve-{number}")
        group.add_child(instance=page)
        page.save_revision().publish()
        document = ResourceDocument(title=f"Pièce {number}", collection=group.collection)
        document.file.save(f"piece-{number}.txt", ContentFile(b"x"), save=False)
        document.save()
        make_user(django_user_model, f"membre-{number}", group.members_group)
    assert queries_for_page() == few
