"""An editor submits a change to an advocacy kit for review in the admin; a reviewer of the
« Relecture plaidoyer » group approves and publishes it."""

import pytest
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from advocacy.models import AdvocacyKitPage
from home.demo import load_demo

# A flush between tests would drop the pages and groups the migrations create.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW_SUMMARY = "Ce que votre commune gagne à soutenir l'habitat participatif, en deux minutes."


def test_an_editor_submits_a_kit_and_a_reviewer_publishes_it(page, browser, live_server, log_in_as):
    load_demo()
    kit = AdvocacyKitPage.objects.get(slug="kit-maires")
    edit_url = f"{live_server.url}/admin/pages/{kit.pk}/edit/"

    log_in_as(page, "editrice")
    page.goto(edit_url)
    page.get_by_role("textbox", name="Résumé").fill(NEW_SUMMARY)
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Soumettre à Plaidoyer : relecture avant publication").click()
    expect(page.get_by_text("a été soumise pour modération")).to_be_visible()
    kit.refresh_from_db()
    assert kit.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    page.goto(live_server.url + "/plaidoyer/kit-maires/")
    assert NEW_SUMMARY not in page.content()  # not published before review

    context = browser.new_context(locale="fr-FR")
    try:
        reviewer = context.new_page()
        log_in_as(reviewer, "relectrice")
        reviewer.goto(edit_url)
        reviewer.get_by_role("button", name="Plus d'actions").click()
        reviewer.get_by_role("button", name="Accepter et Publier", exact=True).click()
        reviewer.wait_for_url(lambda url: "/edit/" not in url)
        reviewer.goto(live_server.url + "/plaidoyer/kit-maires/")
        expect(reviewer.get_by_text(NEW_SUMMARY).first).to_be_visible()
    finally:
        context.close()
    kit.refresh_from_db()
    assert kit.summary == NEW_SUMMARY
    assert kit.live and not kit.has_unpublished_changes
