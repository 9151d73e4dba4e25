"""Recording payments from the payment platform's CSV export (HelloAsso or similar), for
`manage.py import_payments`.

Each row is one payment: its reference, date, payer's email and amount are required; a status
column, when there is one, must say the payment went through; a membership number column
(ADH-000123, a custom field of the payment page) picks the membership, otherwise the payer's
oldest membership waiting for payment is taken. Rows are checked one by one: a bad row is
rejected with its reason and the others are recorded. A payment reference already recorded
is a duplicate, so importing the same file twice changes nothing."""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import accounts, memberships
from .models import Membership, MembershipStatus, format_fee

RECORDED, DUPLICATE, REJECTED = "recorded", "duplicate", "rejected"


def _key(text):
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


# Column names accepted for each field, compared without accents, case or punctuation.
COLUMNS = {
    "reference": [
        "reference",
        "reference paiement",
        "reference du paiement",
        "reference commande",
        "reference de la commande",
        "numero",
        "numero de commande",
        "id paiement",
        "payment reference",
    ],
    "date": ["date", "date paiement", "date du paiement", "date de la commande", "payment date"],
    "email": ["email", "e mail", "courriel", "email payeur", "email adherent", "email du payeur"],
    "amount": ["montant", "montant paye", "montant du tarif", "montant total", "amount"],
    "status": [
        "statut",
        "statut paiement",
        "statut du paiement",
        "statut de la commande",
        "status",
    ],
    "membership": [
        "adhesion",
        "numero d adhesion",
        "numero adhesion",
        "reference adhesion",
        "membership",
    ],
}
REQUIRED = ("reference", "date", "email", "amount")
PAID_STATUSES = {"valide", "validee", "paye", "payee", "autorise", "processed", "paid", "succeeded"}
DATE_FORMATS = [
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
MEMBERSHIP_NUMBER = re.compile(r"^(?:ADH-?)?0*(\d+)$", re.IGNORECASE)


class FileRefused(Exception):
    """The whole file is refused (not a CSV, wrong encoding, columns missing)."""


@dataclass
class Outcome:
    line: int
    status: str
    reference: str = ""
    email: str = ""
    reason: str = ""
    membership: object = None


@dataclass
class PaymentFile:
    rows: list  # [(line number, {field: value})]
    columns: dict = field(default_factory=dict)  # field -> column name in the file


def read(data, encoding="utf-8"):
    """Parse the file's bytes; FileRefused with a French reason when it cannot be read."""
    if data[:4] == b"PK\x03\x04" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise FileRefused(_("This is a spreadsheet, not a CSV file: export the payments as CSV."))
    try:
        text = data.decode(
            "utf-8-sig" if encoding.lower().replace("_", "-") == "utf-8" else encoding
        )
    except UnicodeDecodeError as error:
        raise FileRefused(
            _(
                "The file is not in %(encoding)s (byte %(position)s). An export from an older "
                "Excel for Windows is read with --encoding cp1252."
            )
            % {"encoding": encoding, "position": error.start}
        ) from error
    except LookupError as error:
        raise FileRefused(_("Unknown encoding: %(encoding)s.") % {"encoding": encoding}) from error
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        raise FileRefused(_("The file is empty."))
    names = {_key(name): position for position, name in enumerate(header)}
    columns, positions = {}, {}
    for field_name, aliases in COLUMNS.items():
        for alias in aliases:
            if alias in names:
                positions[field_name] = names[alias]
                columns[field_name] = header[names[alias]].strip()
                break
    missing = [name for name in REQUIRED if name not in positions]
    if missing:
        raise FileRefused(
            _("Columns missing: %(columns)s. The file must have a header row with %(required)s.")
            % {"columns": ", ".join(missing), "required": ", ".join(REQUIRED)}
        )
    rows = []
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        values = {
            name: (cells[position].strip() if position < len(cells) else "")
            for name, position in positions.items()
        }
        rows.append((number, values))
    return PaymentFile(rows, columns)


def parse_amount(text):
    cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text or "").replace("EUR", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and amount >= 0 else None


def parse_date(text):
    for pattern in DATE_FORMATS:
        try:
            moment = datetime.strptime(text, pattern)
        except ValueError:
            continue
        return timezone.make_aware(moment)
    return None


class PaymentImporter:
    def __init__(self, dry_run=False):
        self.dry_run = dry_run
        self.seen_references = set()
        self.claimed = set()  # memberships paid earlier in this run (for a dry run)

    def import_row(self, line, values):
        outcome = Outcome(line, REJECTED, values.get("reference", ""), values.get("email", ""))
        try:
            checked = self._check(values)
        except ValidationError as error:
            outcome.reason = error.messages[0]
            return outcome
        reference = checked["reference"]
        if reference in self.seen_references:
            outcome.status = DUPLICATE
            outcome.reason = _("Same payment as an earlier row of the file.")
            return outcome
        self.seen_references.add(reference)
        if Membership.objects.filter(payment_reference=reference).exists():
            outcome.status = DUPLICATE
            outcome.reason = _("Payment already recorded.")
            return outcome
        try:
            membership = self._membership(checked)
        except ValidationError as error:
            outcome.reason = error.messages[0]
            return outcome
        if checked["amount"] < membership.fee:
            outcome.reason = _(
                "The amount paid (%(amount)s €) is below the fee of %(membership)s (%(fee)s €)."
            ) % {
                "amount": format_fee(checked["amount"]),
                "membership": membership.reference,
                "fee": format_fee(membership.fee),
            }
            return outcome
        if not self.dry_run:
            with transaction.atomic():
                memberships.mark_paid(
                    membership,
                    paid_at=checked["date"],
                    amount=checked["amount"],
                    reference=reference,
                )
        self.claimed.add(membership.pk)
        outcome.status = RECORDED
        outcome.membership = membership
        return outcome

    def _check(self, values):
        reference = values.get("reference", "")
        if not reference:
            raise ValidationError(_("No payment reference."))
        if len(reference) > 100:
            raise ValidationError(_("The payment reference is longer than 100 characters."))
        status = values.get("status")
        if status is not None and _key(status) not in PAID_STATUSES:
            raise ValidationError(
                _("The payment did not go through (status “%(status)s”).") % {"status": status}
            )
        email = values.get("email", "")
        try:
            validate_email(email)
        except ValidationError as error:
            raise ValidationError(
                _("“%(email)s” is not an email address.") % {"email": email}
            ) from error
        amount = parse_amount(values.get("amount", ""))
        if amount is None:
            raise ValidationError(
                _("Unreadable amount: “%(amount)s”.") % {"amount": values.get("amount", "")}
            )
        date = parse_date(values.get("date", ""))
        if date is None:
            raise ValidationError(
                _("Unreadable date: “%(date)s” (expected DD/MM/YYYY, with or without the time).")
                % {"date": values.get("date", "")}
            )
        if date > timezone.now():
            raise ValidationError(_("The payment date is in the future."))
        return {
            "reference": reference,
            "email": email,
            "amount": amount,
            "date": date,
            "membership": values.get("membership", ""),
        }

    def _membership(self, checked):
        account = accounts.account_with_email(checked["email"])
        number = checked["membership"]
        matched = MEMBERSHIP_NUMBER.match(number) if number else None
        if number and not matched:
            raise ValidationError(
                _("Unreadable membership number: “%(number)s”.") % {"number": number}
            )
        if matched:
            membership = Membership.objects.filter(pk=int(matched.group(1))).first()
            if membership is None:
                raise ValidationError(_("No membership %(number)s.") % {"number": number})
            if membership.status != MembershipStatus.PENDING or membership.pk in self.claimed:
                raise ValidationError(
                    _("Membership %(number)s is not waiting for payment.")
                    % {"number": membership.reference}
                )
            return membership
        if account is None:
            raise ValidationError(_("No account with this email address."))
        membership = (
            Membership.objects.filter(user=account, status=MembershipStatus.PENDING)
            .exclude(pk__in=self.claimed)
            .order_by("created_at", "pk")
            .first()
        )
        if membership is None:
            raise ValidationError(_("No membership waiting for payment for this email address."))
        return membership
