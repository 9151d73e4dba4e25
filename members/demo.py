"""Demo members: the tiers and fees, the payment settings, and a few French members with
their profiles (each field shown to a different audience) and memberships — active, pending,
ending soon and expired — plus a resident group and an organisation. Idempotent: tiers are
found by name, accounts by username."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Site

from home.membership import MEMBERS_GROUP

from .memberships import one_year_after
from .models import (
    LegalForm,
    MemberProfile,
    Membership,
    MembershipKind,
    MembershipSettings,
    MembershipStatus,
    MembershipTier,
    Visibility,
)

TIERS = [
    (MembershipKind.INDIVIDUAL, "Adhésion individuelle", 20, "", 1),
    (MembershipKind.INDIVIDUAL, "Adhésion solidaire", 5, "étudiants, demandeurs d'emploi", 2),
    (MembershipKind.INDIVIDUAL, "Adhésion de soutien", 50, "", 3),
    (MembershipKind.RESIDENT_GROUP, "Groupe d'habitants", 50, "jusqu'à 10 foyers", 1),
    (MembershipKind.RESIDENT_GROUP, "Grand groupe d'habitants", 90, "plus de 10 foyers", 2),
    (MembershipKind.ORGANISATION, "Association ou coopérative", 100, "", 1),
    (MembershipKind.ORGANISATION, "Collectivité ou bailleur", 250, "", 2),
]

M, P, X = Visibility.MEMBERS, Visibility.PUBLIC, Visibility.PRIVATE

# username, first name, last name, région, skills, interests, bio, visibility of name,
# région, skills; membership: (kind, tier, status, days since the start, group details)
MEMBERS = [
    (
        "maelle.guerin",
        "Maëlle",
        "Guérin",
        "53",
        ["Gouvernance partagée", "Facilitation"],
        ["Habitat intergénérationnel"],
        "Habitante d'un habitat groupé à Rennes depuis 2015, j'accompagne les groupes "
        "qui démarrent sur la prise de décision.",
        (P, P, P),
        (MembershipKind.INDIVIDUAL, "Adhésion individuelle", MembershipStatus.ACTIVE, 40, {}),
    ),
    (
        "thomas.nguyen",
        "Thomas",
        "Nguyen",
        "84",
        ["Architecture", "Écoconstruction"],
        ["Habitat léger", "Coopératives d'habitants"],
        "Architecte à Lyon, je travaille avec des groupes en autopromotion.",
        (M, M, M),
        (MembershipKind.INDIVIDUAL, "Adhésion de soutien", MembershipStatus.ACTIVE, 350, {}),
    ),
    (
        "sophie.lefebvre",
        "Sophie",
        "Lefebvre",
        "76",
        ["Droit des sociétés", "Finances"],
        ["Habitat senior"],
        "Juriste bénévole : je relis les statuts de SCI et de coopératives.",
        (M, M, X),
        (MembershipKind.INDIVIDUAL, "Adhésion individuelle", MembershipStatus.PENDING, 0, {}),
    ),
    (
        "karim.benali",
        "Karim",
        "Benali",
        "11",
        ["Plomberie", "Chantier participatif"],
        ["Écoconstruction"],
        "",
        (M, P, M),
        (MembershipKind.INDIVIDUAL, "Adhésion solidaire", MembershipStatus.EXPIRED, 400, {}),
    ),
    (
        "anne.morvan",
        "Anne",
        "Morvan",
        "53",
        ["Animation de réunions"],
        ["Jardins partagés"],
        "Coordinatrice du groupe Les Jardins du Trèfle, à Douarnenez.",
        (P, P, M),
        (
            MembershipKind.RESIDENT_GROUP,
            "Groupe d'habitants",
            MembershipStatus.ACTIVE,
            200,
            {"name": "Les Jardins du Trèfle", "households": 8, "town": "Douarnenez"},
        ),
    ),
    (
        "luc.fabre",
        "Luc",
        "Fabre",
        "75",
        ["Montage d'opérations", "Accompagnement de projets"],
        ["Bail réel solidaire"],
        "Directeur de Coop'Habitat Atlantique, coopérative d'accompagnement.",
        (M, M, M),
        (
            MembershipKind.ORGANISATION,
            "Association ou coopérative",
            MembershipStatus.ACTIVE,
            120,
            {
                "name": "Coop'Habitat Atlantique",
                "legal_form": LegalForm.SCIC,
                "siret": "81234567600017",
                "town": "Bordeaux",
            },
        ),
    ),
]


def _ensure_tiers(report):
    tiers = {}
    for kind, name, fee, description, order in TIERS:
        tier, created = MembershipTier.objects.get_or_create(
            kind=kind,
            name=name,
            defaults={"yearly_fee": fee, "description": description, "sort_order": order},
        )
        if created:
            report.add(f"formule d'adhésion « {name} »")
        tiers[name] = tier
    return tiers


def _ensure_settings():
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    settings = MembershipSettings.for_site(site)
    if not settings.payment_url:
        settings.payment_url = "https://paiement.example.org/adhesion-2026"
        settings.rules_url = "https://paiement.example.org/reglement-interieur"
        settings.save()


def _membership(user, tier, status, days, details):
    today = timezone.localdate()
    starts_on = today - timedelta(days=days)
    paid = status != MembershipStatus.PENDING
    return Membership.objects.create(
        user=user,
        kind=tier.kind,
        tier=tier,
        fee=tier.yearly_fee,
        region=MemberProfile.objects.get(user=user).region,
        rules_accepted_at=timezone.now() - timedelta(days=days),
        status=status,
        paid_at=timezone.now() - timedelta(days=days) if paid else None,
        amount_paid=tier.yearly_fee if paid else None,
        payment_reference=f"DEMO-{user.username}" if paid else None,
        starts_on=starts_on if paid else None,
        ends_on=one_year_after(starts_on) if paid else None,
        created_at=timezone.now() - timedelta(days=days),
        **details,
    )


def load(report, member):
    tiers = _ensure_tiers(report)
    _ensure_settings()
    members_group = Group.objects.get_or_create(name=MEMBERS_GROUP)[0]
    User = get_user_model()
    for (
        username,
        first_name,
        last_name,
        region,
        skills,
        interests,
        bio,
        (name_seen, region_seen, skills_seen),
        (_kind, tier_name, status, days, details),
    ) in MEMBERS:
        if User.objects.filter(username=username).exists():
            continue
        user = User.objects.create_user(
            username,
            email=f"{username}@example.org",
            first_name=first_name,
            last_name=last_name,
        )  # no password: these accounts cannot log in
        profile = MemberProfile.objects.create(
            user=user,
            region=region,
            bio=bio,
            name_visibility=name_seen,
            region_visibility=region_seen,
            skills_visibility=skills_seen,
            bio_visibility=name_seen,
            email_verified_at=timezone.now(),
        )
        profile.skills.add(*skills)
        profile.interests.add(*interests)
        _membership(user, tiers[tier_name], status, days, details)
        if status == MembershipStatus.ACTIVE:
            user.groups.add(members_group)
        report.add(f"adhérent·e « {first_name} {last_name} »")
    if not MemberProfile.objects.filter(user=member).exists():
        profile = MemberProfile.objects.create(
            user=member,
            region="53",
            bio="Membre du mouvement, je participe au centre de ressources.",
            email_verified_at=timezone.now(),
        )
        profile.skills.add("Documentation", "Graphisme")
        profile.interests.add("Habitat participatif en milieu rural")
        # A year that ends within the month: the renewal reminder is due.
        _membership(member, tiers["Adhésion individuelle"], MembershipStatus.ACTIVE, 345, {})
        report.add("profil et adhésion du compte « membre »")
