"""Readers answer an ad through a form that forwards their message: the author's address never
appears in any page, search result or API answer. Anyone may report an ad; moderators see the
reports in the admin and hide the ad, which then disappears everywhere."""

import json

import pytest
from django.core import mail
from django.test import override_settings
from django.utils.html import escape
from django.utils.translation import gettext

from classifieds.factories import ClassifiedAdFactory
from classifieds.models import AdReply, AdReport, AdStatus, ReportStatus

from .conftest import SECRET_EMAIL

pytestmark = pytest.mark.django_db


@pytest.fixture
def ad(poster):
    return ClassifiedAdFactory(
        poster=poster,
        title="Coopérative à Villeurbanne cherche une famille",
        region="84",
        town="Villeurbanne",
    )


def reply(post, ad, **extra):
    data = {
        "name": "Bastien Roux",
        "email": "bastien@example.org",
        "message": "Bonjour, nous sommes intéressés par votre projet.",
        **extra,
    }
    return post(f"/annonces/{ad.pk}/contacter/", data)


def test_a_reply_reaches_the_author_who_answers_the_reader_directly(client, post, ad):
    response = reply(post, ad)
    assert response.status_code == 302 and response["Location"] == f"/annonces/{ad.pk}/"
    (message,) = mail.outbox
    assert message.to == [SECRET_EMAIL]
    assert message.extra_headers["Reply-To"] == "bastien@example.org"
    assert "nous sommes intéressés" in message.body and "Bastien Roux" in message.body
    assert AdReply.objects.filter(ad=ad).count() == 1


def test_the_authors_address_never_appears_anywhere(client, post, ad, member):
    """Every page and answer a reader can get about the ad, anonymous or logged in."""
    responses = []
    for user in (None, member):
        if user:
            client.force_login(user)
        responses += [
            client.get("/annonces/"),
            client.get("/annonces/", {"region": "84"}),
            client.get(f"/annonces/{ad.pk}/"),
            client.get(f"/annonces/{ad.pk}/contacter/"),
            client.get(f"/annonces/{ad.pk}/signaler/"),
            reply(post, ad),
            client.get(f"/annonces/{ad.pk}/", follow=True),
            client.get("/search/", {"q": "Villeurbanne"}),
            client.get("/search/api/", {"q": "Villeurbanne"}),
            client.get("/search/api/", {"q": SECRET_EMAIL}),
            client.get("/search/autocomplete/", {"q": "Coop"}),
            client.get("/outils/"),
        ]
    assert json.loads(responses[8].content)["count"] >= 1  # the ad is found...
    assert json.loads(responses[9].content)["count"] == 0  # ...but never by its author's address
    for response in responses:
        content = response.content.decode()
        assert SECRET_EMAIL not in content
        assert "adele.secrete" not in content
    assert ad.poster.username not in responses[2].content.decode()


def test_a_logged_in_readers_name_and_address_are_filled_in(client, ad, member):
    client.force_login(member)
    form = client.get(f"/annonces/{ad.pk}/contacter/").context["form"]
    assert form["email"].value() == member.email


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        (
            {"email": "pas-une-adresse"},
            "email",
            "Enter a valid email address, such as nom@exemple.fr.",
        ),
        ({"message": ""}, "message", "This field is required."),
    ],
)
def test_a_bad_reply_gets_a_message_and_keeps_what_was_typed(
    client, post, ad, extra, field, message
):
    response = reply(post, ad, **extra)
    assert response.status_code == 200
    assert gettext(message) in response.context["form"].errors[field]
    assert "Bastien Roux" in response.content.decode()
    assert not mail.outbox


def test_the_honeypot_thanks_robots_and_sends_nothing(client, post, ad):
    response = reply(post, ad, website="https://spam.example")
    assert response.status_code == 302
    assert not mail.outbox and not AdReply.objects.exists()


@override_settings(CLASSIFIED_CONTACT_RATE_LIMIT=2)
def test_replies_are_rate_limited_per_sender(client, post, ad):
    assert reply(post, ad).status_code == 302
    assert reply(post, ad).status_code == 302
    response = reply(post, ad)
    assert response.status_code == 429
    assert "nous sommes intéressés" in response.content.decode()  # nothing typed is lost
    assert len(mail.outbox) == 2
    # Another sender is not affected.
    other = post(
        f"/annonces/{ad.pk}/contacter/",
        {"name": "Léa", "email": "lea@example.org", "message": "Bonjour"},
        REMOTE_ADDR="192.0.2.7",
    )
    assert other.status_code == 302


@pytest.mark.parametrize("state", ["hidden", "expired", "withdrawn"])
def test_no_reply_or_report_reaches_an_ad_that_is_not_visible(client, post, ad, state):
    if state == "hidden":
        ad.is_hidden = True
    else:
        ad.status = AdStatus.EXPIRED if state == "expired" else AdStatus.WITHDRAWN
    ad.save()
    assert reply(post, ad).status_code == 404
    report = post(f"/annonces/{ad.pk}/signaler/", {"reason": "scam"})
    assert report.status_code == 404
    assert not mail.outbox


def test_anyone_reports_an_ad_and_the_moderators_are_told(client, post, ad, editor):
    response = post(
        f"/annonces/{ad.pk}/signaler/",
        {"reason": "scam", "details": "On me demande un virement avant la visite."},
    )
    assert response.status_code == 302
    report = AdReport.objects.get()
    assert (report.ad, report.reason, report.status, report.reporter) == (
        ad,
        "scam",
        ReportStatus.OPEN,
        None,
    )
    assert mail.outbox[-1].to == [editor.email]
    assert f"/admin/snippets/classifieds/classifiedad/edit/{ad.pk}/" in mail.outbox[-1].body


def test_a_report_needs_a_reason(client, post, ad):
    response = post(f"/annonces/{ad.pk}/signaler/", {"details": "Bizarre."})
    assert response.status_code == 200
    assert gettext("Choose a reason.") in response.context["form"].errors["reason"]
    assert "Bizarre." in response.content.decode()
    assert not AdReport.objects.exists()


@override_settings(CLASSIFIED_CONTACT_RATE_LIMIT=1)
def test_reports_are_rate_limited_too(client, post, ad):
    assert post(f"/annonces/{ad.pk}/signaler/", {"reason": "other"}).status_code == 302
    response = post(f"/annonces/{ad.pk}/signaler/", {"reason": "scam"})
    assert response.status_code == 429
    assert AdReport.objects.count() == 1


def test_a_moderator_sees_the_report_and_hides_the_ad_in_the_admin(client, post, ad, editor):
    post(f"/annonces/{ad.pk}/signaler/", {"reason": "off_topic"})
    client.force_login(editor)
    reports = client.get("/admin/snippets/classifieds/adreport/")
    assert reports.status_code == 200
    assert "Coopérative à Villeurbanne" in reports.content.decode()
    ads = client.get("/admin/snippets/classifieds/classifiedad/")
    assert ads.status_code == 200 and "Coopérative à Villeurbanne" in ads.content.decode()
    edit_url = f"/admin/snippets/classifieds/classifiedad/edit/{ad.pk}/"
    form = client.get(edit_url).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(
        is_hidden="on",
        moderation_note="Sans rapport avec l'habitat participatif.",
        published_at=ad.published_at.strftime("%Y-%m-%d %H:%M"),
        expires_at=ad.expires_at.strftime("%Y-%m-%d %H:%M"),
    )
    response = post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors
    ad.refresh_from_db()
    assert ad.is_hidden
    assert AdReport.objects.get().status == ReportStatus.CLOSED
    client.logout()
    assert client.get(f"/annonces/{ad.pk}/").status_code == 404
    assert "Villeurbanne" not in client.get("/annonces/").content.decode()


def test_the_author_still_sees_a_hidden_ad_with_the_moderators_note(client, ad, poster):
    ad.is_hidden = True
    ad.moderation_note = "Merci de retirer le numéro de téléphone."
    ad.save()
    client.force_login(poster)
    html = client.get(f"/annonces/{ad.pk}/").content.decode()
    assert escape("Merci de retirer le numéro de téléphone.") in html


def test_members_cannot_moderate(client, ad, member):
    client.force_login(member)
    response = client.get(f"/admin/snippets/classifieds/classifiedad/edit/{ad.pk}/")
    assert response.status_code in (302, 403)
