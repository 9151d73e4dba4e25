"""Members post ads, published at once for CLASSIFIED_AD_LIFETIME_DAYS; they edit, renew and
withdraw their own and nobody else's. A price is refused, with the reason, where it does not
apply; bad input loses nothing."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext

from classifieds.factories import ClassifiedAdFactory
from classifieds.forms import UNKNOWN_REGION
from classifieds.models import PRICE_ONLY_FOR_LAND_AND_HOMES, AdStatus, ClassifiedAd

from .conftest import make_user

pytestmark = pytest.mark.django_db


def ad_data(**extra):
    return {
        "title": "Terrain de 2 000 m² pour un habitat groupé",
        "category": "land",
        "region": "76",
        "town": "Lodève",
        "price": "85000",
        "description": "Terrain en pente douce, viabilisé, à dix minutes de la gare.",
        **extra,
    }


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/annonces/publier/")
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]


def test_an_account_without_membership_cannot_post(client, django_user_model):
    client.force_login(make_user(django_user_model, "victor"))
    assert client.post("/annonces/publier/", ad_data()).status_code == 403
    assert not ClassifiedAd.objects.exists()


@override_settings(CLASSIFIED_AD_LIFETIME_DAYS=30)
def test_a_member_posts_an_ad_published_for_the_configured_lifetime(client, poster):
    client.force_login(poster)
    before = timezone.now()
    response = client.post("/annonces/publier/", ad_data())
    ad = ClassifiedAd.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/annonces/{ad.pk}/"
    assert (ad.poster, ad.status, ad.price, ad.is_hidden) == (poster, "published", 85000, False)
    assert before + timedelta(days=30) <= ad.expires_at <= timezone.now() + timedelta(days=30)
    client.logout()
    assert "Terrain de 2 000 m²" in client.get("/annonces/").content.decode()


def test_the_default_lifetime_is_sixty_days(client, poster, settings):
    assert settings.CLASSIFIED_AD_LIFETIME_DAYS == 60
    client.force_login(poster)
    client.post("/annonces/publier/", ad_data())
    ad = ClassifiedAd.objects.get()
    assert (ad.expires_at - ad.published_at).days == 60


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({"category": "skill", "price": "50"}, "price", PRICE_ONLY_FOR_LAND_AND_HOMES),
        ({"category": "person_seeks_group", "price": "0"}, "price", PRICE_ONLY_FOR_LAND_AND_HOMES),
        ({"price": "-10"}, "price", "The price cannot be negative."),
        ({"price": "quatre-vingt mille"}, "price", "Enter the price in whole euros, digits only."),
        ({"region": "99"}, "region", UNKNOWN_REGION),
        ({"category": "yacht"}, "category", "Choose a category in the list."),
        ({"title": ""}, "title", "This field is required."),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(
    client, poster, extra, field, message
):
    client.force_login(poster)
    response = client.post("/annonces/publier/", ad_data(**extra))
    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert gettext(message) in errors, errors
    html = response.content.decode()
    assert escape(gettext(message)) in html
    assert "Terrain en pente douce, viabilisé" in html and "Lodève" in html
    assert not ClassifiedAd.objects.exists()


def test_a_price_is_optional_for_land_and_homes(client, poster):
    client.force_login(poster)
    client.post("/annonces/publier/", ad_data(price=""))
    assert ClassifiedAd.objects.get().price is None


def test_authors_edit_renew_and_withdraw_their_own_ad(client, poster):
    ad = ClassifiedAdFactory(
        poster=poster,
        published_at=timezone.now() - timedelta(days=55),
        expires_at=timezone.now() + timedelta(days=5),
    )
    client.force_login(poster)
    assert ad.title in client.get("/annonces/mes-annonces/").content.decode()
    response = client.post(
        f"/annonces/{ad.pk}/modifier/",
        ad_data(category="group_seeks_residents", price="", title="Il reste un logement"),
    )
    assert response.status_code == 302
    ad.refresh_from_db()
    assert ad.title == "Il reste un logement"
    assert ad.expires_at < timezone.now() + timedelta(days=6)  # editing does not renew
    client.post(f"/annonces/{ad.pk}/renouveler/")
    ad.refresh_from_db()
    assert ad.expires_at > timezone.now() + timedelta(days=59)
    client.post(f"/annonces/{ad.pk}/retirer/")
    ad.refresh_from_db()
    assert ad.status == AdStatus.WITHDRAWN
    client.logout()
    assert client.get(f"/annonces/{ad.pk}/").status_code == 404
    assert "Il reste un logement" not in client.get("/annonces/").content.decode()


def test_nobody_else_edits_renews_or_withdraws_an_ad(client, poster, member, editor):
    ad = ClassifiedAdFactory(poster=poster)
    for user in (member, editor):
        client.force_login(user)
        assert client.get(f"/annonces/{ad.pk}/modifier/").status_code == 404
        assert client.post(f"/annonces/{ad.pk}/modifier/", ad_data()).status_code == 404
        assert client.post(f"/annonces/{ad.pk}/renouveler/").status_code == 404
        assert client.post(f"/annonces/{ad.pk}/retirer/").status_code == 404
    ad.refresh_from_db()
    assert ad.status == AdStatus.PUBLISHED and ad.title != ad_data()["title"]


def test_renewing_and_withdrawing_need_a_post(client, poster):
    ad = ClassifiedAdFactory(poster=poster)
    client.force_login(poster)
    assert client.get(f"/annonces/{ad.pk}/retirer/").status_code == 405
    assert client.get(f"/annonces/{ad.pk}/renouveler/").status_code == 405


def test_a_hidden_ad_cannot_be_renewed_by_its_author(client, poster):
    ad = ClassifiedAdFactory(poster=poster, is_hidden=True)
    expires = ad.expires_at
    client.force_login(poster)
    client.post(f"/annonces/{ad.pk}/renouveler/")
    ad.refresh_from_db()
    assert ad.expires_at == expires
