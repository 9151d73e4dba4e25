"""Administrators moderate profiles in the admin; editors do not see them; nobody creates a
profile there (a profile belongs to the account that wrote it)."""

import pytest
from django.contrib.auth.models import Permission

from matching.factories import MemberFactory, ProfileFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/matching/profile/"


def test_an_administrator_lists_inspects_and_edits_but_cannot_create(client, django_user_model):
    profile = ProfileFactory(display_name="Profil à modérer")
    admin = django_user_model.objects.create_superuser("root", "root@exemple.org", "pw")
    client.force_login(admin)
    assert "Profil à modérer" in client.get(LIST).content.decode()
    assert client.get(f"{LIST}inspect/{profile.pk}/").status_code == 200
    assert client.get(f"{LIST}edit/{profile.pk}/").status_code == 200
    refused = client.get(f"{LIST}add/")  # Wagtail's "permission denied": back to the dashboard
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    response = client.post(
        f"{LIST}edit/{profile.pk}/",
        {
            "status": "paused",
            "display_name": "Profil à modérer",
            "regions": ["53"],
            "timeline": "2",
            "budget_min": "100",
            "budget_max": "200",
            "household_size": "2",
            "homes_sought": "",
            "wishes": ["rural"],
            "description": "Corrigé par la modération.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    profile.refresh_from_db()
    assert (profile.status, profile.description) == ("paused", "Corrigé par la modération.")


def test_an_editor_without_the_permission_sees_nothing(client):
    ProfileFactory(display_name="Profil privé")
    editor = MemberFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(LIST)
    assert response.status_code in (302, 403)
    assert "Profil privé" not in response.content.decode()
