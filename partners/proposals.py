"""Members propose partners and recommend them. A proposed partner waits, unvetted and seen by
editors only, until an editor checks it; editors are told by email."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from home.mail import absolute_url, send_templated_mail

from .models import Recommendation


def editor_emails():
    permission = Q(groups__permissions__codename="change_partner") | Q(
        user_permissions__codename="change_partner"
    )
    return sorted(
        set(
            get_user_model()
            .objects.filter(permission | Q(is_superuser=True), is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


@transaction.atomic
def propose(form, member):
    """Save the proposal (never vetted: only editors vet) and tell the editors."""
    partner = form.save(commit=False)
    partner.vetted = False
    partner.proposed_by = member
    partner.save()
    form.save_m2m()
    admin_url = absolute_url(reverse("wagtailsnippets_partners_partner:edit", args=[partner.pk]))
    transaction.on_commit(
        lambda: send_templated_mail(
            "partners/email/partner_proposed.txt",
            {"partner": partner, "member": member, "url": admin_url},
            editor_emails(),
            _("Partner proposed for the directory: %(name)s") % {"name": partner.name},
        )
    )
    return partner


def recommend(partner, member, comment):
    """One recommendation per member and partner: a second one updates the first. Returns
    (recommendation, created)."""
    return Recommendation.objects.update_or_create(
        partner=partner, member=member, defaults={"comment": comment}
    )


def withdraw(partner, member):
    return Recommendation.objects.filter(partner=partner, member=member).delete()[0] > 0
