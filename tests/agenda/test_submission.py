"""Members propose events; editors publish or reject them. Nothing is listed, searched or put
in a feed before an editor publishes it, and bad input gets a clear message without losing
what was typed."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext

from agenda.factories import EventFactory
from agenda.forms import UNKNOWN_REGION
from agenda.models import Event, EventStatus

from .conftest import in_days, make_user

pytestmark = pytest.mark.django_db


def proposal(**extra):
    data = {
        "title": "Portes ouvertes du Hameau des Buis",
        "kind": "open_day",
        "summary": "Visite des logements et des espaces communs.",
        "description": "Accueil à partir de 10 h, pique-nique partagé à midi.",
        "starts_at": in_days(12, 10, 0),
        "ends_at": in_days(12, 17, 0),
        "time_zone": "",
        "region": "84",
        "place": "Le Hameau des Buis, La Blachère",
        "online_url": "",
        "organiser": "Association des habitants du Hameau",
        "audience": "everyone",
        "registration_url": "",
    }
    data.update(extra)
    return data


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/agenda/proposer/")
    assert response.status_code == 302
    assert "/compte/connexion/" in response["Location"]


def test_an_account_without_membership_cannot_propose(client, django_user_model):
    client.force_login(make_user(django_user_model, "victor"))
    response = client.post("/agenda/proposer/", proposal())
    assert response.status_code == 403
    assert not Event.objects.exists()


def test_a_members_proposal_waits_for_the_editors_who_are_told(client, post, member, editor):
    client.force_login(member)
    response = post("/agenda/proposer/", proposal())
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/agenda/{event.pk}/"
    assert (event.status, event.submitted_by) == (EventStatus.PENDING, member)
    # The editors get a link to the proposal in the admin.
    assert mail.outbox[-1].to == [editor.email]
    assert f"/admin/snippets/agenda/event/edit/{event.pk}/" in mail.outbox[-1].body
    assert "Portes ouvertes du Hameau des Buis" in mail.outbox[-1].subject
    # The submitter sees it with a notice; nobody else does, and it is nowhere listed.
    notice = gettext("This event is awaiting moderation: only you and the editors can see it.")
    assert notice in client.get(f"/agenda/{event.pk}/").content.decode()
    client.logout()
    assert client.get(f"/agenda/{event.pk}/").status_code == 404
    assert "Hameau des Buis" not in client.get("/agenda/").content.decode()
    assert client.get(f"/agenda/{event.pk}/evenement.ics").status_code == 404
    assert b"Hameau des Buis" not in client.get("/agenda/agenda.ics").content
    assert b"Hameau des Buis" not in client.get("/agenda/region/84/agenda.ics").content


def test_the_times_typed_are_read_in_the_regions_own_zone(client, post, member):
    client.force_login(member)
    response = post(
        "/agenda/proposer/",
        proposal(
            region="04",
            place="Saint-Denis",
            starts_at=in_days(12, 18, 30),
            ends_at=in_days(12, 21, 0),
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    event = Event.objects.get()
    assert event.time_zone == "Indian/Reunion"
    assert event.starts_at.astimezone(ZoneInfo("Indian/Reunion")).strftime("%H:%M") == "18:30"
    # An explicit choice wins over the région's zone.
    Event.objects.all().delete()
    post(
        "/agenda/proposer/",
        proposal(region="04", place="Saint-Denis", time_zone="Europe/Paris"),
    )
    event = Event.objects.get()
    assert event.time_zone == "Europe/Paris"
    assert event.starts_at.astimezone(ZoneInfo("Europe/Paris")).strftime("%H:%M") == "10:00"


def test_an_online_event_needs_no_place_but_a_link(client, post, member):
    client.force_login(member)
    response = post(
        "/agenda/proposer/",
        proposal(kind="online", region="", place="", online_url="https://visio.example.org/hp"),
    )
    assert response.status_code == 302
    assert Event.objects.get().online_url == "https://visio.example.org/hp"


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        (
            {"starts_at": in_days(-3, 10), "ends_at": in_days(-3, 12)},
            "starts_at",
            "This date is in the past: an event proposed now must be ahead.",
        ),
        ({"ends_at": in_days(12, 9, 0)}, "ends_at", "The event must end after it starts."),
        ({"ends_at": in_days(12, 10, 0)}, "ends_at", "The event must end after it starts."),
        ({"region": "99"}, "region", UNKNOWN_REGION),
        ({"region": "Atlantide"}, "region", UNKNOWN_REGION),
        ({"place": "", "online_url": ""}, "place", "Give a place, an online link, or both."),
        (
            {"kind": "regional", "region": ""},
            "region",
            "A regional event or an open day takes place in a région.",
        ),
        (
            {"starts_at": "le 14 juin"},
            "starts_at",
            "Enter a date and time, for example 2026-06-14 18:30.",
        ),
        (
            {"online_url": "pas une adresse"},
            "online_url",
            "Enter a full web address, starting with https://.",
        ),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(
    client, post, member, extra, field, message
):
    client.force_login(member)
    response = post("/agenda/proposer/", proposal(**extra))
    assert response.status_code == 200
    form = response.context["form"]
    assert gettext(message) in form.errors[field], form.errors
    html = response.content.decode()
    assert escape(gettext(message)) in html
    assert "Portes ouvertes du Hameau des Buis" in html
    assert "Association des habitants du Hameau" in html
    for value in extra.values():
        if value and field != "region":
            assert value in html
    assert not Event.objects.exists()
    assert not mail.outbox


def test_an_editor_publishes_in_the_admin_and_the_submitter_is_told(client, post, member, editor):
    client.force_login(member)
    post("/agenda/proposer/", proposal())
    event = Event.objects.get()
    client.force_login(editor)
    listing = client.get("/admin/snippets/agenda/event/")
    assert listing.status_code == 200
    assert "Portes ouvertes du Hameau des Buis" in listing.content.decode()
    assert client.get(f"/agenda/{event.pk}/").status_code == 200  # editors preview it
    edit_url = f"/admin/snippets/agenda/event/edit/{event.pk}/"
    form = client.get(edit_url).context["form"]
    data = {
        name: form[name].value() if form[name].value() is not None else "" for name in form.fields
    }
    data.update(
        status="published",
        moderation_note="Merci, c'est en ligne !",
        starts_at=event.starts_at.astimezone(ZoneInfo("Europe/Paris")).strftime("%Y-%m-%d %H:%M"),
        ends_at=event.ends_at.astimezone(ZoneInfo("Europe/Paris")).strftime("%Y-%m-%d %H:%M"),
    )
    response = post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED and event.moderated_at is not None
    assert mail.outbox[-1].to == [member.email]
    assert "Merci, c'est en ligne !" in mail.outbox[-1].body
    client.logout()
    assert "Hameau des Buis" in client.get("/agenda/").content.decode()


def test_a_rejected_event_stays_hidden_and_its_submitter_reads_why(
    client, member, django_capture_on_commit_callbacks
):
    event = EventFactory(title="Vide-grenier", status=EventStatus.PENDING, submitted_by=member)
    event.status = EventStatus.REJECTED
    event.moderation_note = "Hors sujet pour l'agenda."
    with django_capture_on_commit_callbacks(execute=True):
        event.save()
    assert "Hors sujet" in mail.outbox[-1].body and mail.outbox[-1].to == [member.email]
    assert client.get(f"/agenda/{event.pk}/").status_code == 404
    client.force_login(member)
    mine = client.get("/agenda/mes-evenements/").content.decode()
    assert "Vide-grenier" in mine and "Hors sujet" in mine


def test_other_members_cannot_see_someone_elses_pending_event(client, django_user_model):
    author = make_user(django_user_model, "anna", "Membres")
    event = EventFactory(status=EventStatus.PENDING, submitted_by=author)
    client.force_login(make_user(django_user_model, "bruno", "Membres"))
    assert client.get(f"/agenda/{event.pk}/").status_code == 404
    assert client.get(f"/agenda/{event.pk}/evenement.ics").status_code == 404


def test_members_cannot_reach_the_agenda_admin(client, member):
    client.force_login(member)
    response = client.get("/admin/snippets/agenda/event/")
    assert response.status_code in (302, 403)


def test_an_editor_may_record_a_past_event_in_the_admin_but_not_members(member):
    from agenda.forms import EventForm

    start = timezone.now() - timedelta(days=2)
    past = EventFactory.build(starts_at=start, ends_at=start + timedelta(hours=2))
    past.full_clean()  # the model accepts it (the admin's archive)
    form = EventForm(data=proposal(starts_at=in_days(-2, 10), ends_at=in_days(-2, 12)))
    assert not form.is_valid() and "starts_at" in form.errors
