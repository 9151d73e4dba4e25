"""Payments: an administrator marks memberships paid in the admin, or the payment platform's
CSV export is imported row by row, idempotently."""

import io
import re
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from home.membership import MEMBERS_GROUP
from members.factories import MembershipFactory, UserFactory
from members.models import MembershipStatus

NOW = "2026-03-15 10:00 +01:00"


@pytest.fixture
def admin_user(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_admin_marks_memberships_paid_with_the_bulk_action(
    client, admin_user, django_capture_on_commit_callbacks
):
    pending = MembershipFactory()
    other = MembershipFactory()
    client.force_login(admin_user)
    url = reverse("wagtail_bulk_action", args=["members", "membership", "mark_paid"])
    query = f"?id={pending.pk}"
    confirm = client.get(url + query)
    assert confirm.status_code == 200
    assert pending.reference in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url + query, {"next": "/admin/"})
    assert response.status_code == 302
    pending.refresh_from_db()
    other.refresh_from_db()
    assert pending.status == MembershipStatus.ACTIVE
    assert (pending.starts_on, pending.ends_on) == (date(2026, 3, 15), date(2027, 3, 14))
    assert pending.amount_paid == Decimal("20")
    assert other.status == MembershipStatus.PENDING
    assert pending.user.groups.filter(name=MEMBERS_GROUP).exists()
    assert [message.to for message in mail.outbox] == [[pending.user.email]]
    assert "active du 15 mars 2026 au 14 mars 2027" in mail.outbox[0].body


@pytest.mark.django_db
def test_memberships_listing_filters_and_exports_csv(client, admin_user):
    MembershipFactory(region="53", user__last_name="Bretonne")
    MembershipFactory(region="84", user__last_name="Lyonnais")
    client.force_login(admin_user)
    listing = reverse("wagtailsnippets_members_membership:list")
    page = client.get(listing, {"region": "53"}).content.decode()
    assert "Bretonne" in page and "Lyonnais" not in page
    export = client.get(listing, {"region": "53", "export": "csv"})
    content = b"".join(export.streaming_content).decode()
    assert "Bretonne" in content and "Lyonnais" not in content
    report = client.get(reverse("members_report"), {"region": "53"})
    assert report.status_code == 200
    assert "<svg" in report.content.decode()


def run_import(tmp_path, text, *args, encoding="utf-8"):
    path = tmp_path / "paiements.csv"
    path.write_bytes(text.encode(encoding))
    out = io.StringIO()
    call_command("import_payments", str(path), *args, stdout=out)
    return out.getvalue()


HEADER = "Référence;Date;Email payeur;Montant;Statut;Numéro d'adhésion\n"


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_csv_import_records_good_rows_rejects_bad_ones_and_is_idempotent(tmp_path):
    by_email = MembershipFactory(user__email="alice@example.org")
    by_number = MembershipFactory(user__email="bob@example.org")
    cheap = MembershipFactory(user__email="carla@example.org")
    text = HEADER + "\n".join(
        [
            "HA-1;01/03/2026 14:05;Alice@Example.org;20,00 €;Validé;",
            f"HA-2;02/03/2026;autre@example.org;20;Validé;{by_number.reference}",
            "HA-1;01/03/2026 14:05;alice@example.org;20,00;Validé;",  # same payment again
            "HA-3;03/03/2026;carla@example.org;5,00;Validé;",  # below the fee
            "HA-4;03/03/2026;inconnu@example.org;20;Validé;",  # no such account
            "HA-5;pas une date;carla@example.org;20;Validé;",
            "HA-6;03/03/2026;carla@example.org;20;Refusé;",
            ";03/03/2026;carla@example.org;20;Validé;",
        ]
    )
    output = run_import(tmp_path, text)
    for membership in (by_email, by_number, cheap):
        membership.refresh_from_db()
    assert by_email.status == MembershipStatus.ACTIVE
    assert by_email.payment_reference == "HA-1"
    assert by_email.starts_on == date(2026, 3, 1)
    assert by_number.status == MembershipStatus.ACTIVE
    assert cheap.status == MembershipStatus.PENDING
    assert re.search(r"│ enregistrés\s*│\s*2 │", output)
    assert re.search(r"│ rejeté\s*│\s*5 │", output)
    for reason in (
        "inférieur à la cotisation",
        "Aucun compte avec cette adresse",
        "Date illisible",
        "n'a pas abouti",
        "Pas de référence de paiement",
    ):
        assert reason in output
    assert "Même paiement qu'une ligne précédente" not in output  # duplicates are not rejected

    # Importing the same file again changes nothing and says so.
    again = run_import(tmp_path, text)
    by_email.refresh_from_db()
    assert by_email.starts_on == date(2026, 3, 1)
    assert re.search(r"│ enregistrés\s*│\s*0 │", again)
    assert re.search(r"│ déjà enregistrés\s*│\s*3 │", again)


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_dry_run_records_nothing(tmp_path):
    membership = MembershipFactory(user__email="alice@example.org")
    output = run_import(
        tmp_path, HEADER + "HA-1;01/03/2026;alice@example.org;20;Validé;\n", "--dry-run"
    )
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING
    assert "Simulation : rien n'a été modifié" in output


@pytest.mark.django_db
def test_a_file_without_the_required_columns_is_refused(tmp_path):
    with pytest.raises(CommandError, match="Colonnes manquantes"):
        run_import(tmp_path, "Nom;Prénom\nDurand;Alice\n")
    with pytest.raises(CommandError, match="cp1252"):
        run_import(
            tmp_path, HEADER + "HA-1;01/03/2026;é@example.org;20;Validé;\n", encoding="cp1252"
        )


@pytest.mark.django_db
def test_members_group_is_created_if_missing(db):
    Group.objects.filter(name=MEMBERS_GROUP).delete()
    membership = MembershipFactory()
    from members.memberships import mark_paid

    mark_paid(membership)
    assert membership.user.groups.filter(name=MEMBERS_GROUP).exists()
