"""Statutes as versioned texts: every adopted version kept, and a readable diff."""

import datetime
import html

import pytest

from governance.diff import diff_paragraphs
from governance.factories import StatutesPageFactory
from governance.models import StatuteVersion

pytestmark = pytest.mark.django_db

V1 = (
    "Article 1\nL'association réunit trois collèges.\n\n"
    "Article 2\nLa plénière se réunit une fois par an."
)
V2 = (
    "Article 1\nL'association réunit cinq collèges.\n\nArticle 2\nLa plénière se réunit une fois "
    "par an.\n\nArticle 3\nLes membres paient une cotisation <libre> & solidaire."
)
V3 = "Article 1\nL'association réunit cinq collèges."


@pytest.fixture
def statutes(governance):
    page = StatutesPageFactory(parent=governance["index"])
    decision = governance["decisions"]["charter"]
    page.versions = [
        StatuteVersion(number=1, adopted_on=datetime.date(2013, 11, 16), text=V1),
        StatuteVersion(
            number=2, adopted_on=datetime.date(2024, 6, 1), text=V2, adopted_by=decision
        ),
        StatuteVersion(number=3, adopted_on=datetime.date(2025, 3, 8), text=V3),
    ]
    page.save_revision().publish()
    return page


def test_the_current_version_is_shown_with_every_version_and_its_resolution(client, statutes):
    response = client.get(statutes.url)
    text = html.unescape(response.content.decode())
    assert "L'association réunit cinq collèges." in text
    assert "La plénière se réunit" not in text  # removed by version 3
    assert "Version 1" in text and "Version 2" in text and "Version 3" in text
    # Version 2 links to the resolution that adopted it.
    assert "2024-001" in text


def test_an_older_version_can_still_be_read(client, statutes):
    response = client.get(statutes.url + "version/1/")
    text = html.unescape(response.content.decode())
    assert "L'association réunit trois collèges." in text
    assert client.get(statutes.url + "version/9/").status_code == 404


def test_the_diff_marks_changed_words_added_and_removed_articles(client, statutes):
    response = client.get(statutes.url + "comparer/", {"from": 1, "to": 2})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<del>trois</del><ins>cinq</ins>" in page
    # Article 3 is new, and its text is escaped, never interpreted as HTML.
    assert (
        "<ins>Article 3\nLes membres paient une cotisation &lt;libre&gt; &amp; solidaire.</ins>"
        in page
    )
    assert "<libre>" not in page
    assert response.context["comparison"].changed == 2


def test_any_two_versions_can_be_compared_either_way(client, statutes):
    response = client.get(statutes.url + "comparer/", {"from": 3, "to": 1})
    page = response.content.decode()
    assert "<del>cinq</del><ins>trois</ins>" in page
    assert "<ins>Article 2\nLa plénière se réunit une fois par an.</ins>" in page


@pytest.mark.parametrize("params", [{}, {"from": "abc", "to": ""}, {"from": "x", "to": "y"}])
def test_without_two_valid_versions_the_two_latest_are_compared(client, statutes, params):
    response = client.get(statutes.url + "comparer/", params)
    assert response.status_code == 200
    comparison = response.context["comparison"]
    assert (comparison.old.number, comparison.new.number) == (2, 3)


def test_comparing_with_an_unknown_version_says_so(client, statutes):
    response = client.get(statutes.url + "comparer/", {"from": 1, "to": 42})
    assert response.status_code == 200
    assert response.context["comparison"].error
    assert not response.context["comparison"].blocks


def test_diff_of_identical_texts_changes_nothing():
    blocks = diff_paragraphs(["a", "b"], ["a", "b"])
    assert [b.kind for b in blocks] == ["equal", "equal"]


def test_a_members_only_resolution_is_not_linked_for_visitors(client, governance, statutes):
    version = statutes.versions.get(number=3)
    version.adopted_by = governance["decisions"]["salary"]
    version.save()
    text = client.get(statutes.url).content.decode()
    assert "Salaire" not in text and governance["decisions"]["salary"].reference not in text


def test_a_paragraph_rewritten_for_the_most_part_is_shown_whole():
    [block] = diff_paragraphs(
        ["Article 5\nUne association doit être agréée par le comité de pilotage."],
        ["Article 5\nToute personne qui acquitte sa cotisation devient membre."],
    )
    assert block.kind == "change"
    assert block.html == (
        "<del>Article 5\nUne association doit être agréée par le comité de pilotage.</del>\n"
        "<ins>Article 5\nToute personne qui acquitte sa cotisation devient membre.</ins>"
    )
