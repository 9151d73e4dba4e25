"""Accounts made on the site: sign-up with a confirmation link, change of address, deletion,
and the purge of accounts never confirmed.

No form tells whether an address already has an account: sign-up and change of address
answer the same way whatever the address, and the email goes to whoever owns it (a new
account's confirmation link, or to the existing owner a note saying someone used their
address). Links are signed (django.core.signing) and expire after ACCOUNT_LINK_MAX_AGE."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.mail import absolute_url, send_templated_mail

from .models import MemberProfile

VERIFY_SALT = "members.verify"
EMAIL_CHANGE_SALT = "members.email-change"


class InvalidLink(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


INVALID_LINK = gettext_lazy("This link is not valid. Copy the whole address from the email.")
EXPIRED_LINK = gettext_lazy("This link has expired. Start again to receive a new one.")


def account_with_email(email):
    User = get_user_model()
    return (
        User.objects.filter(email__iexact=email).order_by("pk").first()
        or User.objects.filter(username__iexact=email).order_by("pk").first()
    )


def _load(token, salt):
    try:
        return signing.loads(token, salt=salt, max_age=settings.ACCOUNT_LINK_MAX_AGE)
    except signing.SignatureExpired as error:
        raise InvalidLink(EXPIRED_LINK) from error
    except signing.BadSignature as error:
        raise InvalidLink(INVALID_LINK) from error


def verification_token(user):
    return signing.dumps({"u": user.pk, "e": user.email}, salt=VERIFY_SALT)


def send_verification(user, next_step=""):
    link = absolute_url(reverse("members:verify", args=[verification_token(user)]))
    send_templated_mail(
        "members/email/verify.txt",
        {"user": user, "link": link, "next_step": next_step},
        [user.email],
        _("Confirm your email address"),
    )


def send_already_registered(user):
    """To the owner of an address someone tried to sign up with."""
    if not user.is_active and not is_verified(user):
        return send_verification(user)
    send_templated_mail(
        "members/email/already_registered.txt",
        {
            "user": user,
            "login_url": absolute_url(reverse("login")),
            "reset_url": absolute_url(reverse("members:password_reset")),
        },
        [user.email],
        _("You already have an account"),
    )


def is_verified(user):
    profile = MemberProfile.objects.filter(user=user).first()
    return profile is not None and profile.email_verified_at is not None


@transaction.atomic
def create_account(*, email, password, first_name, last_name):
    """A new, inactive account: it becomes active when its address is confirmed. The email
    address is the username."""
    user = get_user_model()(
        username=email.lower()[:150],
        email=email,
        first_name=first_name,
        last_name=last_name,
        is_active=False,
    )
    user.set_password(password)
    user.save()
    MemberProfile.objects.create(user=user)
    return user


def sign_up(cleaned, next_step=""):
    """Create the account and send its confirmation link, or write to the address's owner.
    Returns the new account, or None when the address was taken (the caller must answer
    the same way in both cases)."""
    existing = account_with_email(cleaned["email"])
    if existing is not None:
        transaction.on_commit(lambda: send_already_registered(existing))
        return None
    user = create_account(
        email=cleaned["email"],
        password=cleaned["password1"],
        first_name=cleaned["first_name"],
        last_name=cleaned["last_name"],
    )
    transaction.on_commit(lambda: send_verification(user, next_step))
    return user


@transaction.atomic
def verify(token):
    """Confirm the address of the account the link names, and activate it."""
    data = _load(token, VERIFY_SALT)
    user = get_user_model().objects.filter(pk=data.get("u")).first()
    if user is None or user.email != data.get("e"):
        raise InvalidLink(INVALID_LINK)
    profile, _created = MemberProfile.objects.get_or_create(user=user)
    if profile.email_verified_at is None:
        profile.email_verified_at = timezone.now()
        profile.save(update_fields=["email_verified_at", "updated_at"])
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user


def request_email_change(user, new_email):
    """Send a confirmation link to the new address, or, if it has an account, tell its
    owner instead. The answer on the site is the same."""
    existing = account_with_email(new_email)
    if existing is not None and existing.pk != user.pk:
        transaction.on_commit(lambda: send_email_taken(existing))
        return
    token = signing.dumps(
        {"u": user.pk, "old": user.email, "new": new_email}, salt=EMAIL_CHANGE_SALT
    )
    link = absolute_url(reverse("members:confirm_email", args=[token]))
    transaction.on_commit(
        lambda: send_templated_mail(
            "members/email/email_change.txt",
            {"user": user, "link": link, "new_email": new_email},
            [new_email],
            _("Confirm your new email address"),
        )
    )


def send_email_taken(owner):
    send_templated_mail(
        "members/email/email_taken.txt",
        {"user": owner, "reset_url": absolute_url(reverse("members:password_reset"))},
        [owner.email],
        _("Someone tried to use your email address"),
    )


@transaction.atomic
def confirm_email_change(user, token):
    data = _load(token, EMAIL_CHANGE_SALT)
    if data.get("u") != user.pk or data.get("old") != user.email:
        raise InvalidLink(INVALID_LINK)
    new_email = data["new"]
    existing = account_with_email(new_email)
    if existing is not None and existing.pk != user.pk:
        raise InvalidLink(INVALID_LINK)
    old_email = user.email
    user.email = new_email
    # Accounts made on the site log in with their address: it follows.
    if user.username.lower() == old_email.lower():
        user.username = new_email.lower()[:150]
    user.save(update_fields=["email", "username"])
    transaction.on_commit(
        lambda: send_templated_mail(
            "members/email/email_changed.txt",
            {"user": user, "new_email": new_email},
            [old_email],
            _("Your email address was changed"),
        )
    )
    return user


def purge_unverified(now=None):
    """Delete the accounts made on the site whose address was never confirmed within
    UNVERIFIED_ACCOUNT_RETENTION_DAYS (they never logged in: nothing else refers to them)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.UNVERIFIED_ACCOUNT_RETENTION_DAYS)
    stale = get_user_model().objects.filter(
        is_active=False,
        last_login__isnull=True,
        date_joined__lt=cutoff,
        member_profile__email_verified_at__isnull=True,
    )
    count = 0
    for user in stale:
        user.delete()
        count += 1
    return count


def anonymise_contributions(user):
    """What other apps copied of the member beside the link to their account: the name and
    address typed in a contribution to a working group."""
    from workgroups.models import Contribution

    Contribution.objects.filter(user=user).update(name=str(_("former member")), email="")


@transaction.atomic
def delete_account(user):
    """Delete the account and all that is only about the member (profile, memberships,
    matching profiles, notifications...). What they contributed stays: pages, documents,
    events, ads and recommendations lose their author (shown as "former member")."""
    anonymise_contributions(user)
    user.delete()
