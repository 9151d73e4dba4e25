"""Members recommend a partner: one recommendation each, with a comment, the count shown."""

import pytest

from partners.factories import PartnerFactory, RecommendationFactory
from partners.models import Recommendation

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(db):
    return PartnerFactory(name="Alter Habitat Conseil")


def recommend(client, partner, comment):
    return client.post(f"/partenaires/{partner.pk}/recommander/", {"comment": comment})


def test_a_member_recommends_a_partner_with_a_comment(client, partner, member):
    client.force_login(member)
    response = recommend(client, partner, "Un accompagnement attentif.")
    assert response.status_code == 302
    recommendation = Recommendation.objects.get()
    assert (recommendation.member, recommendation.comment) == (
        member,
        "Un accompagnement attentif.",
    )
    page = client.get(f"/partenaires/{partner.pk}/").content.decode()
    assert "1 recommandation" in page and "Un accompagnement attentif." in page
    assert "Mettre à jour ma recommandation" in page


def test_one_recommendation_per_member_a_second_one_updates_it(client, partner, member):
    client.force_login(member)
    recommend(client, partner, "Premier avis.")
    recommend(client, partner, "Avis mis à jour.")
    assert Recommendation.objects.count() == 1
    assert Recommendation.objects.get().comment == "Avis mis à jour."


def test_a_member_withdraws_their_recommendation(client, partner, member):
    RecommendationFactory(partner=partner, member=member)
    client.force_login(member)
    assert client.post(f"/partenaires/{partner.pk}/recommander/retirer/").status_code == 302
    assert not Recommendation.objects.exists()


def test_the_count_is_shown_in_the_listing_and_sorts_it(client, partner, django_user_model):
    other = PartnerFactory(name="Banque Éthique")
    for number in range(3):
        RecommendationFactory(partner=partner, member=make_user(django_user_model, f"m{number}"))
    RecommendationFactory(partner=other)
    response = client.get("/partenaires/", {"sort": "recommended"})
    assert [(p.name, p.recommendation_count) for p in response.context["partners"]] == [
        ("Alter Habitat Conseil", 3),
        ("Banque Éthique", 1),
    ]
    assert "3 recommandations" in response.content.decode()


def test_visitors_without_membership_cannot_recommend(client, partner, django_user_model):
    visitor = make_user(django_user_model, "visiteur")
    client.force_login(visitor)
    assert recommend(client, partner, "Spam").status_code == 403
    assert (
        "Recommend this partner" not in client.get(f"/partenaires/{partner.pk}/").content.decode()
    )
    client.logout()
    response = recommend(client, partner, "Spam")
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]
    assert not Recommendation.objects.exists()


def test_an_empty_comment_is_refused_with_a_message(client, partner, member):
    client.force_login(member)
    response = recommend(client, partner, "")
    assert response.status_code == 400
    assert "comment" in response.context["form"].errors
    assert not Recommendation.objects.exists()


def test_an_unvetted_partner_cannot_be_recommended(client, member):
    hidden = PartnerFactory(vetted=False)
    client.force_login(member)
    assert recommend(client, hidden, "Trop tôt").status_code == 404
    assert not Recommendation.objects.exists()


def test_recommendations_cannot_be_sent_by_get(client, partner, member):
    client.force_login(member)
    assert client.get(f"/partenaires/{partner.pk}/recommander/").status_code == 405
