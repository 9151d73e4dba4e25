"""Who sees and does what in the partner directory. Editors (the `change_partner` permission,
given to Wagtail's Editors group) vet partners and see the unvetted ones; members of the
movement recommend and propose partners; everybody else sees vetted partners only."""

from home.membership import is_member

from .models import Partner


def is_partners_editor(user):
    return user.is_authenticated and user.has_perm("partners.change_partner")


def visible_partners(user):
    """Vetted partners, or every partner for editors: listings, map, search and detail pages
    all start from this queryset."""
    if is_partners_editor(user):
        return Partner.objects.all()
    return Partner.objects.vetted()


def can_recommend(user):
    return is_member(user)


def can_propose(user):
    return is_member(user)
