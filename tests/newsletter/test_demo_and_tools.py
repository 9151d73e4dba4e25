"""The demo has a sent issue in the archive and subscribers in every state; it loads twice
without adding anything; the newsletter is on the tools page and in the footer."""

import pytest

from home.demo import load_demo
from newsletter.content import public_entries
from newsletter.models import IssueStatus, NewsletterIssue, Subscriber, SubscriberStatus

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_sent_issue_with_public_content_and_subscribers(client, demo):
    sent = NewsletterIssue.objects.get(status=IssueStatus.SENT)
    kinds = {entry.kind for entry in public_entries(sent)}
    assert kinds == {"page", "event", "document"}
    assert set(Subscriber.objects.values_list("status", flat=True)) == set(SubscriberStatus)
    assert sent.deliveries.count() >= 3
    html = client.get("/lettre/archives/").content.decode()
    assert f'href="{sent.get_absolute_url()}"' in html
    assert client.get(sent.get_absolute_url()).status_code == 200


def test_loading_the_demo_twice_adds_no_issue_or_subscriber(demo):
    counts = (NewsletterIssue.objects.count(), Subscriber.objects.count())
    load_demo()
    assert (NewsletterIssue.objects.count(), Subscriber.objects.count()) == counts


def test_the_newsletter_is_on_the_tools_page_and_in_the_footer(client, demo):
    tools = client.get("/outils/").content.decode()
    assert 'href="/lettre/"' in tools and "Lettre d&#x27;information" in tools
    home = client.get("/").content.decode()
    footer = home[home.index('class="site-footer"') :]
    assert 'href="/lettre/"' in footer and 'href="/lettre/archives/"' in footer
    assert client.get("/lettre/").status_code == 200
