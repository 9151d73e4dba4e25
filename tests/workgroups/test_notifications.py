"""Following a group: in-site notifications, the daily digest and its unsubscribe link. Nobody
is told about what they may not see."""

import re

import pytest
from django.core import mail
from django.core.files.base import ContentFile

from resources.models import ResourceDocument
from workgroups.models import Follow, GroupMeetingPage, GroupNewsPage, Notification
from workgroups.notifications import send_daily_digests

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a new page in a group as its author would, running what the commit triggers."""

    def run(group, model=GroupNewsPage, **values):
        with django_capture_on_commit_callbacks(execute=True):
            page = model(**values)
            group.add_child(instance=page)
            page.save_revision().publish()
        return page

    return run


def test_a_follower_is_notified_in_the_site_and_by_the_daily_digest(client, spaces, publish):
    member, group = spaces["member"], spaces["private"]
    client.force_login(member)
    client.post(group.url + "suivre/")
    assert Follow.objects.filter(user=member, group=group).exists()

    news = publish(group, title="Nouveau lieu pour les rencontres", slug="nouveau-lieu")
    notification = Notification.objects.get(user=member)
    assert notification.page_id == news.pk
    page = client.get("/mon-espace/").content.decode()
    assert "Nouveau lieu pour les rencontres" in page
    assert 'class="notification-count"' in page

    assert send_daily_digests.call() == 1
    digest = mail.outbox[-1]
    assert digest.to == [member.email]
    assert "Nouveau lieu pour les rencontres" in digest.body
    assert "List-Unsubscribe" in digest.extra_headers
    # Sent once: the next digest has nothing for them.
    assert send_daily_digests.call() == 0

    # Unsubscribing works without logging in (GET asks, POST does).
    link = re.search(r"https?://\S+/desabonnement/\S+/", digest.body).group(0)
    path = link.split("127.0.0.1:8000")[-1]
    client.logout()
    assert "Se désabonner" in client.get(path).content.decode()
    client.post(path)
    assert not Follow.objects.get(user=member, group=group).email_digest
    publish(
        group,
        GroupMeetingPage,
        title="Réunion de janvier",
        slug="janvier",
        starts_at="2027-01-12T18:00Z",
    )
    assert Notification.objects.filter(user=member, page__slug="janvier").exists()  # still in site
    assert send_daily_digests.call() == 0  # but no more email


def test_nobody_is_notified_about_what_they_may_not_see(client, spaces, publish):
    member, group = spaces["member"], spaces["private"]
    Follow.objects.create(user=member, group=group)
    # They leave the private group but still follow it.
    member.groups.remove(group.members_group)
    publish(group, title="Budget confidentiel", slug="budget")
    assert not Notification.objects.filter(user=member).exists()


def test_the_digest_checks_visibility_again_before_sending(spaces, publish):
    member, group = spaces["member"], spaces["private"]
    Follow.objects.create(user=member, group=group)
    publish(group, title="Ordre du jour provisoire", slug="odj")
    assert Notification.objects.filter(user=member).exists()
    member.groups.remove(group.members_group)
    assert send_daily_digests.call() == 0
    assert not mail.outbox


def test_republishing_does_not_notify_twice(spaces, publish, django_capture_on_commit_callbacks):
    member, group = spaces["member"], spaces["private"]
    Follow.objects.create(user=member, group=group)
    news = publish(group, title="Appel à bénévoles", slug="appel")
    with django_capture_on_commit_callbacks(execute=True):
        news.title = "Appel à bénévoles (mis à jour)"
        news.save_revision().publish()
    assert Notification.objects.filter(user=member).count() == 1


def test_a_new_document_in_the_group_is_notified(spaces, django_capture_on_commit_callbacks):
    member, group = spaces["member"], spaces["private"]
    Follow.objects.create(user=member, group=group)
    with django_capture_on_commit_callbacks(execute=True):
        document = ResourceDocument(title="Plan d'accès", collection=group.collection)
        document.file.save("plan.txt", ContentFile(b"Plan d'acces"), save=False)
        document.save()
    assert Notification.objects.get(user=member).document_id == document.pk


def test_a_forged_unsubscribe_link_is_refused(client, demo):
    response = client.get("/desabonnement/pas-un-jeton/")
    assert response.status_code == 400
    assert "pas valide" in response.content.decode()
