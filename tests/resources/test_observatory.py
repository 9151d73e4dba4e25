"""The legal and financial observatory, as members and editors use it."""

import pytest
from django.contrib.auth.models import Group

from home.membership import MEMBERS_GROUP
from resources.models import QuestionIndexPage, QuestionSubmission, SubmissionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def observatory(demo):
    return QuestionIndexPage.objects.get()


def ask_url(observatory):
    return observatory.url + "poser-une-question/"


def test_questions_are_listed_by_theme(client, observatory):
    response = client.get(observatory.url)
    groups = {
        theme.slug: [q.title for q in questions]
        for theme, questions in response.context["themes_with_questions"]
    }
    assert (
        "Coopérative d'habitants ou société d'autopromotion : quelle différence ?"
        in groups["financier"]
    )
    assert len(groups["juridique"]) == 2
    filtered = client.get(observatory.url, {"theme": "financier"}).context["themes_with_questions"]
    assert {theme.slug for theme, _questions in filtered} == {"financier", "juridique"}
    assert all(len(questions) == 1 for _theme, questions in filtered)


def test_an_answer_shows_its_legal_references(client, observatory):
    question = observatory.get_children().get(slug="cooperative-ou-autopromotion")
    text = client.get(question.url).content.decode()
    assert "CCH art. L201-1" in text and "CCH art. L202-1" in text


def test_a_member_asks_a_question_that_lands_in_the_editors_queue(
    client, observatory, django_user_model
):
    client.force_login(django_user_model.objects.get(username="membre"))
    response = client.post(
        ask_url(observatory),
        {
            "question": "Une SCI peut-elle devenir coopérative d'habitants ?",
            "context": "",
            "group_name": "Les Lilas",
        },
    )
    assert response.status_code == 302
    submission = QuestionSubmission.objects.get()
    assert submission.asked_by.username == "membre"
    assert submission.status == SubmissionStatus.NEW


def test_the_honeypot_swallows_bot_questions(client, observatory, django_user_model):
    client.force_login(django_user_model.objects.get(username="membre"))
    client.post(ask_url(observatory), {"question": "Achetez !", "website": "http://spam.example"})
    assert not QuestionSubmission.objects.exists()


def test_an_empty_or_oversized_question_is_refused_with_a_message(
    client, observatory, django_user_model
):
    client.force_login(django_user_model.objects.get(username="membre"))
    response = client.post(ask_url(observatory), {"question": ""})
    assert response.status_code == 200 and "Champ requis" in response.content.decode()
    response = client.post(ask_url(observatory), {"question": "x" * 5000})
    assert response.status_code == 200
    assert not QuestionSubmission.objects.exists()


def test_visitors_without_membership_cannot_ask(client, observatory, django_user_model):
    response = client.get(ask_url(observatory))
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]
    client.force_login(django_user_model.objects.get(username="visiteur"))
    response = client.post(ask_url(observatory), {"question": "Puis-je poser une question ?"})
    assert response.status_code == 200
    assert not QuestionSubmission.objects.exists()
    assert not Group.objects.get(name=MEMBERS_GROUP).user_set.filter(username="visiteur").exists()


def test_editors_see_the_queue_in_the_admin(client, observatory, django_user_model):
    QuestionSubmission.objects.create(question="Quelle fiscalité pour une coopérative ?")
    client.force_login(django_user_model.objects.get(username="admin"))
    response = client.get("/admin/snippets/resources/questionsubmission/")
    assert response.status_code == 200
    assert "Quelle fiscalité pour une coopérative ?" in response.content.decode()
