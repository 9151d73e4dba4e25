"""Every form that sends a message or submits content shares one rate limit (home.ratelimit):
past N accepted submissions per sender and hour, the form comes back with a 429, the French
message and what was typed. Contributions, ad replies and reports, and project messages are
tested in their apps (tests/workgroups/test_contributions.py, tests/classifieds/
test_contact_and_reports.py, tests/projects/test_contact.py); matching requests keep their
own daily quota per account (tests/matching/test_contact.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from home import ratelimit
from tests.agenda.test_submission import proposal
from tests.classifieds.test_posting import ad_data
from tests.partners.test_proposals import PROPOSAL

pytestmark = pytest.mark.django_db

MESSAGE = "Vous avez envoyé plusieurs messages en peu de temps : merci de réessayer dans une heure."


def assert_refused(response, typed):
    assert response.status_code == 429
    page = response.content.decode()
    assert MESSAGE in page
    assert typed in page


def request_of(user=None, address="192.0.2.1"):
    request = RequestFactory().post("/", REMOTE_ADDR=address)
    request.user = user or AnonymousUser()
    return request


def test_the_limit_counts_per_sender_and_scope(member, settings):
    settings.SUBMISSION_RATE_LIMIT = 2

    mine = request_of(member)
    for _ in range(2):
        assert not ratelimit.EVENT.exceeded(mine)
        ratelimit.EVENT.record(mine)
    assert ratelimit.EVENT.exceeded(mine)
    assert not ratelimit.AD.exceeded(mine)  # another form, another count
    assert not ratelimit.EVENT.exceeded(request_of())  # another sender
    ratelimit.EVENT.record(request_of())
    ratelimit.EVENT.record(request_of())
    assert ratelimit.EVENT.exceeded(request_of())
    assert not ratelimit.EVENT.exceeded(request_of(address="192.0.2.99"))


def test_an_old_submission_no_longer_counts(member, settings, monkeypatch):
    settings.SUBMISSION_RATE_LIMIT = 1
    request = request_of(member)
    ratelimit.QUESTION.record(request)
    assert ratelimit.QUESTION.exceeded(request)
    later = ratelimit.time.time() + ratelimit.PERIOD + 1
    monkeypatch.setattr(ratelimit.time, "time", lambda: later)
    assert not ratelimit.QUESTION.exceeded(request)


def test_events_proposed_by_a_member(client, post, member, settings):
    settings.SUBMISSION_RATE_LIMIT = 1
    client.force_login(member)
    assert post("/agenda/proposer/", proposal()).status_code == 302
    assert_refused(
        post("/agenda/proposer/", proposal(title="Chantier participatif")), "Chantier participatif"
    )


def test_classified_ads_posted_by_a_member(client, post, member, settings):
    settings.SUBMISSION_RATE_LIMIT = 1
    client.force_login(member)
    assert post("/annonces/publier/", ad_data()).status_code == 302
    assert_refused(
        post("/annonces/publier/", ad_data(title="Grange à rénover")), "Grange à rénover"
    )


def test_partners_proposed_by_a_member(client, post, member, settings):
    settings.SUBMISSION_RATE_LIMIT = 1
    client.force_login(member)
    assert post("/partenaires/proposer/", PROPOSAL).status_code == 302
    response = post("/partenaires/proposer/", {**PROPOSAL, "name": "Bureau des Tilleuls"})
    assert_refused(response, "Bureau des Tilleuls")


def test_observatory_questions(client, post, demo, django_user_model, settings):
    from resources.models import QuestionIndexPage, QuestionSubmission

    settings.SUBMISSION_RATE_LIMIT = 1
    client.force_login(django_user_model.objects.get(username="membre"))
    url = QuestionIndexPage.objects.get().url + "poser-une-question/"
    first = {"question": "Une SCI peut-elle devenir coopérative ?", "context": "", "group_name": ""}
    assert post(url, first).status_code == 302
    response = post(url, {**first, "question": "Et une SCIC ?"})
    assert_refused(response, "Et une SCIC ?")
    assert QuestionSubmission.objects.count() == 1


@pytest.mark.parametrize(
    ("path", "data", "typed"),
    [
        (
            "contacter",
            {"name": "Léa", "email": "lea@example.org", "message": "Encore moi"},
            "Encore moi",
        ),
        ("signaler", {"reason": "other", "details": "Toujours là"}, "Toujours là"),
    ],
)
def test_ad_replies_and_reports_give_the_same_message(
    client, post, member, settings, path, data, typed
):
    from classifieds.factories import ClassifiedAdFactory

    settings.CLASSIFIED_CONTACT_RATE_LIMIT = 0
    ad = ClassifiedAdFactory()
    assert_refused(post(f"/annonces/{ad.pk}/{path}/", data), typed)
