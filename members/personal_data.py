"""Everything the site holds about one member, as JSON they download (GDPR right of access).

Only the member's own data: their account, profile, memberships, groups, and what they wrote
in the other tools (ads, events, matching profiles and the requests they sent, contributions,
recommendations). Never another member's name, address or message: a request received, a
coordinator's reply, a group's other members are left out."""

from django.utils import timezone

from workgroups.roles import groups_of


def _date(value):
    return value.isoformat() if value else None


def _money(value):
    return str(value) if value is not None else None


def account(user):
    return {
        "username": user.get_username(),
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "date_joined": _date(user.date_joined),
        "last_login": _date(user.last_login),
        "is_active": user.is_active,
    }


def profile(user):
    from .models import PROFILE_FIELDS, MemberProfile

    member_profile = MemberProfile.objects.filter(user=user).first()
    if member_profile is None:
        return None
    return {
        "region": member_profile.region,
        "region_name": member_profile.region_name,
        "bio": member_profile.bio,
        "skills": sorted(member_profile.skills.names()),
        "interests": sorted(member_profile.interests.names()),
        "visibility": {name: member_profile.visibility(name) for name in PROFILE_FIELDS},
        "email_verified_at": _date(member_profile.email_verified_at),
    }


def memberships(user):
    return [
        {
            "reference": membership.reference,
            "kind": membership.kind,
            "tier": membership.tier.name if membership.tier else None,
            "fee": _money(membership.fee),
            "status": membership.status,
            "region": membership.region,
            "town": membership.town,
            "name": membership.name,
            "households": membership.households,
            "legal_form": membership.legal_form,
            "siret": membership.siret,
            "rules_accepted_at": _date(membership.rules_accepted_at),
            "paid_at": _date(membership.paid_at),
            "amount_paid": _money(membership.amount_paid),
            "payment_reference": membership.payment_reference,
            "starts_on": _date(membership.starts_on),
            "ends_on": _date(membership.ends_on),
            "created_at": _date(membership.created_at),
        }
        for membership in user.memberships.select_related("tier").order_by("created_at")
    ]


def working_groups(user):
    from workgroups.models import Contribution, Follow, JoinRequest

    return {
        "member_of": [group.title for group in groups_of(user)],
        "following": [
            {"group": follow.group.title, "email_digest": follow.email_digest}
            for follow in Follow.objects.filter(user=user).select_related("group")
        ],
        "join_requests": [
            {
                "group": request.group.title,
                "message": request.message,
                "status": request.status,
                "created_at": _date(request.created_at),
            }
            for request in JoinRequest.objects.filter(user=user).select_related("group")
        ],
        "contributions": [
            {
                "group": contribution.group.title,
                "kind": contribution.kind,
                "message": contribution.message,
                "name": contribution.name,
                "email": contribution.email,
                "status": contribution.status,
                "created_at": _date(contribution.created_at),
            }
            for contribution in Contribution.objects.filter(user=user).select_related("group")
        ],
    }


def classified_ads(user):
    return [
        {
            "title": ad.title,
            "category": ad.category,
            "region": ad.region,
            "town": ad.town,
            "price": ad.price,
            "description": ad.description,
            "status": ad.status,
            "published_at": _date(ad.published_at),
            "expires_at": _date(ad.expires_at),
        }
        for ad in user.classified_ads.order_by("published_at")
    ]


def events(user):
    return [
        {
            "title": event.title,
            "status": event.status,
            "created_at": _date(event.created_at),
            "url": event.get_absolute_url() if hasattr(event, "get_absolute_url") else None,
        }
        for event in user.submitted_events.order_by("created_at")
    ]


def matching(user):
    profiles = []
    for matching_profile in user.matching_profiles.order_by("created_at"):
        profiles.append(
            {
                "kind": matching_profile.kind,
                "status": matching_profile.status,
                "display_name": matching_profile.display_name,
                "regions": matching_profile.regions,
                "timeline": matching_profile.timeline,
                "budget_min": matching_profile.budget_min,
                "budget_max": matching_profile.budget_max,
                "household_size": matching_profile.household_size,
                "homes_sought": matching_profile.homes_sought,
                "wishes": matching_profile.wishes,
                "description": matching_profile.description,
                "created_at": _date(matching_profile.created_at),
                # The requests they sent, without the recipient's profile.
                "requests_sent": [
                    {
                        "message": request.message,
                        "status": request.status,
                        "created_at": _date(request.created_at),
                    }
                    for request in matching_profile.sent_requests.order_by("created_at")
                ],
                "requests_received": matching_profile.received_requests.count(),
            }
        )
    return profiles


def recommendations(user):
    return [
        {
            "partner": recommendation.partner.name,
            "comment": recommendation.comment,
            "created_at": _date(recommendation.created_at),
        }
        for recommendation in user.partner_recommendations.select_related("partner")
    ]


def export(user):
    return {
        "exported_at": _date(timezone.now()),
        "account": account(user),
        "profile": profile(user),
        "memberships": memberships(user),
        "working_groups": working_groups(user),
        "classified_ads": classified_ads(user),
        "events": events(user),
        "matching_profiles": matching(user),
        "partner_recommendations": recommendations(user),
    }
