"""Ads expire: the daily task (`manage.py expire_classified_ads`) unpublishes those past their
date and emails a signed renewal link a week before the end; the link renews the ad for
another lifetime, once, and stops working after a while."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django.utils.translation import gettext

from classifieds import lifecycle
from classifieds.factories import ClassifiedAdFactory
from classifieds.models import AdStatus, ClassifiedAd
from search.service import SiteSearch

pytestmark = pytest.mark.django_db


def ad_ending_in(days, **values):
    now = timezone.now()
    return ClassifiedAdFactory(
        published_at=now - timedelta(days=60 - days),
        expires_at=now + timedelta(days=days),
        **values,
    )


def run_daily_task():
    """What cron runs: the command queues the task (the test settings run tasks at once)."""
    call_command("expire_classified_ads")


def test_the_daily_task_unpublishes_expired_ads_everywhere(client, backend, capsys):
    from django.contrib.auth.models import AnonymousUser

    old = ad_ending_in(-1, title="Colocation solidaire à Besançon")
    fresh = ad_ending_in(30, title="Colocation intergénérationnelle à Dijon")
    backend()
    run_daily_task()
    assert "task" in capsys.readouterr().out
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.status, fresh.status) == (AdStatus.EXPIRED, AdStatus.PUBLISHED)
    backend()
    listing = client.get("/annonces/").content.decode()
    assert "Besançon" not in listing and "Dijon" in listing
    found = {hit.title for hit in SiteSearch(AnonymousUser(), "colocation").run().hits}
    assert found == {"Colocation intergénérationnelle à Dijon"}
    # Its address says it has expired, without any way to reach its author.
    response = client.get(f"/annonces/{old.pk}/")
    assert response.status_code == 410
    html = response.content.decode()
    assert gettext("This ad has expired") in html
    assert "/contacter/" not in html and old.poster.email not in html
    assert client.get(f"/annonces/{old.pk}/contacter/").status_code == 404


def test_an_ad_past_its_date_is_gone_even_before_the_task_runs(client):
    ad = ad_ending_in(-1, title="Terrain à Forcalquier")
    assert ad.status == AdStatus.PUBLISHED
    assert "Forcalquier" not in client.get("/annonces/").content.decode()
    assert client.get(f"/annonces/{ad.pk}/").status_code == 410


def test_the_task_returns_what_it_did():
    ad_ending_in(-2)
    ad_ending_in(3)
    ad_ending_in(40)
    result = lifecycle.expire_classified_ads.enqueue()
    assert result.return_value == {"expired": 1, "reminded": 1}


def test_authors_get_a_renewal_email_a_week_before_the_end_once(client):
    soon = ad_ending_in(6, title="Maison partagée à Angers")
    later = ad_ending_in(8, title="Atelier partagé à Tours")
    hidden = ad_ending_in(2, title="Annonce masquée", is_hidden=True)
    run_daily_task()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [soon.poster.email]
    assert "Maison partagée à Angers" in message.subject
    assert re.search(r"http://\S+/annonces/renouvellement/\S+/", message.body)
    run_daily_task()  # the next day: no second reminder
    assert len(mail.outbox) == 1
    soon.refresh_from_db()
    later.refresh_from_db()
    hidden.refresh_from_db()
    assert soon.reminder_sent_at is not None
    assert later.reminder_sent_at is None and hidden.reminder_sent_at is None


@override_settings(CLASSIFIED_AD_RENEWAL_NOTICE_DAYS=10)
def test_the_notice_period_is_a_setting():
    ad_ending_in(9)
    run_daily_task()
    assert len(mail.outbox) == 1


def renewal_link():
    (url,) = re.findall(r"http://\S+(/annonces/renouvellement/\S+/)", mail.outbox[-1].body)
    return url


def test_the_renewal_link_renews_the_ad_for_another_lifetime_once(client):
    ad = ad_ending_in(5, title="Terrain à Die")
    run_daily_task()
    link = renewal_link()
    page = client.get(link)  # a mail scanner following the link renews nothing
    assert page.status_code == 200 and "Terrain à Die" in page.content.decode()
    ad.refresh_from_db()
    assert ad.expires_at < timezone.now() + timedelta(days=6)
    response = client.post(link)
    assert response.status_code == 200
    ad.refresh_from_db()
    assert (
        timezone.now() + timedelta(days=59) < ad.expires_at <= timezone.now() + timedelta(days=60)
    )
    assert ad.reminder_sent_at is None  # a reminder will come before the new end
    again = client.post(link)
    assert again.status_code == 400
    assert gettext("This renewal link has already been used.") in again.content.decode()
    assert client.get(link).status_code == 400


def test_an_expired_ad_can_be_renewed_with_its_link(client):
    ad = ad_ending_in(2, title="Studio à Montreuil")
    run_daily_task()
    link = renewal_link()
    # Two days later the task unpublishes it; the link still works for a while.
    ClassifiedAd.objects.filter(pk=ad.pk).update(status=AdStatus.EXPIRED)
    assert client.get(f"/annonces/{ad.pk}/").status_code == 410
    assert client.post(link).status_code == 200
    ad.refresh_from_db()
    assert ad.status == AdStatus.PUBLISHED and ad.is_visible
    assert client.get(f"/annonces/{ad.pk}/").status_code == 200


def test_a_tampered_or_outdated_link_is_refused_with_a_message(client, settings):
    ad = ad_ending_in(5)
    run_daily_task()
    link = renewal_link()
    response = client.post(link[:-3] + "xx/")
    assert response.status_code == 400
    assert gettext("This renewal link is not valid.") in response.content.decode()
    settings.CLASSIFIED_AD_RENEWAL_NOTICE_DAYS = 0  # links now expire at once
    response = client.post(link)
    assert response.status_code == 400
    assert "/annonces/mes-annonces/" in response.content.decode()
    ad.refresh_from_db()
    assert ad.expires_at < timezone.now() + timedelta(days=6)


def test_a_hidden_or_withdrawn_ad_cannot_be_renewed_by_its_link(client):
    ad = ad_ending_in(5)
    run_daily_task()
    link = renewal_link()
    ad.is_hidden = True
    ad.save()
    response = client.post(link)
    assert response.status_code == 400
    assert gettext("This ad can no longer be renewed.") in response.content.decode()
    ad.is_hidden = False
    ad.status = AdStatus.WITHDRAWN
    ad.save()
    assert client.post(link).status_code == 400
