"""A member posts a classified ad and sorts the ads by price."""

import pytest
from django.contrib.auth.models import Group

from classifieds.factories import ClassifiedAdFactory
from classifieds.models import AdCategory, ClassifiedAd
from home.membership import MEMBERS_GROUP

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_member_posts_an_ad_and_sorts_the_ads(page, live_server, log_in_as, django_user_model):
    for town, price in (("Nantes", 180_000), ("Brest", 95_000)):
        ClassifiedAdFactory(
            title=f"Terrain à {town}", category=AdCategory.LAND, town=town, price=price
        )
    member = django_user_model.objects.create_user("lison", email="lison@example.org")
    member.groups.add(Group.objects.get_or_create(name=MEMBERS_GROUP)[0])

    log_in_as(page, "lison")
    page.goto(live_server.url + "/annonces/")
    page.locator("main .ads-header").get_by_role("link").click()
    form = page.locator("main form.form")
    form.locator("[name=title]").fill("Terrain à Quimper pour un habitat groupé")
    form.locator(f"[name=category][value={AdCategory.LAND}]").check()
    form.locator("[name=region]").select_option("53")
    form.locator("[name=town]").fill("Quimper")
    form.locator("[name=price]").fill("120000")
    form.locator("[name=description]").fill("Deux mille mètres carrés, viabilisés, près du bourg.")
    form.get_by_role("button").click()
    ad = ClassifiedAd.objects.get(title="Terrain à Quimper pour un habitat groupé")
    page.wait_for_url(live_server.url + ad.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == ad.title
    assert page.locator(".messages").is_visible()

    page.goto(live_server.url + "/annonces/")
    filters = page.locator("main form.ads-filters")
    filters.locator("[name=sort]").select_option("price_asc")
    filters.get_by_role("button").click()
    titles = page.locator(".ad-list > li h3, .ad-list > li h2").all_inner_texts()
    assert titles == [
        "Terrain à Brest",
        "Terrain à Quimper pour un habitat groupé",
        "Terrain à Nantes",
    ]
