"""Classified ads in the site search: visible ads only (published, not hidden, not expired),
for everyone. Nothing about the poster is indexed."""

from django.utils.translation import gettext_lazy as _


def visible_ads(user):
    from .models import ClassifiedAd

    return ClassifiedAd.objects.visible()


def source():
    from search.service import Source

    return Source(
        key="classified_ad",
        label=_("Classified ad"),
        queryset=visible_ads,
        date=lambda ad: ad.published_at,
        date_field="published_at",
        url=lambda ad: ad.get_absolute_url(),
        section=lambda ad: ad.region_name,
    )
