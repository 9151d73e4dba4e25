"""One rate limit for every form that sends a message or submits content: at most N accepted
submissions per sender and hour, counted in the cache (the `ratelimit` alias, a database table
in every environment so that all worker processes share the counts).

A sender is their account when they are logged in, otherwise a keyed hash of their network
address (workgroups.contributions.client_hash): no IP address is kept. Views ask `exceeded()`
before doing anything and `record()` once a submission is accepted, so invalid forms do not
count; a refused sender gets the same French message and a 429, with their text kept."""

import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.core.cache import caches
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from workgroups.contributions import client_hash

PERIOD = 3600  # seconds


def _cache():
    return caches[settings.RATE_LIMIT_CACHE]


def sender_key(request):
    if request.user.is_authenticated:
        return f"user-{request.user.pk}"
    return client_hash(request)


@dataclass(frozen=True)
class RateLimit:
    scope: str
    # The setting that holds how many submissions one sender may make per hour.
    setting: str

    def allowed(self):
        return getattr(settings, self.setting)

    def _key(self, request):
        return f"ratelimit:{self.scope}:{sender_key(request)}"

    def _recent(self, key, now):
        return [stamp for stamp in _cache().get(key, []) if stamp > now - PERIOD]

    def exceeded(self, request):
        return len(self._recent(self._key(request), time.time())) >= self.allowed()

    def record(self, request):
        key, now = self._key(request), time.time()
        _cache().set(key, [*self._recent(key, now), now], PERIOD)


CONTRIBUTION = RateLimit("contribution", "CONTRIBUTION_RATE_LIMIT")
AD_REPLY = RateLimit("ad-reply", "CLASSIFIED_CONTACT_RATE_LIMIT")
AD_REPORT = RateLimit("ad-report", "CLASSIFIED_CONTACT_RATE_LIMIT")
PROJECT_CONTACT = RateLimit("project-contact", "PROJECT_CONTACT_RATE_LIMIT")
# Members' submissions: observatory questions, events, classified ads, partner proposals.
QUESTION = RateLimit("question", "SUBMISSION_RATE_LIMIT")
EVENT = RateLimit("event", "SUBMISSION_RATE_LIMIT")
AD = RateLimit("ad", "SUBMISSION_RATE_LIMIT")
PARTNER_PROPOSAL = RateLimit("partner-proposal", "SUBMISSION_RATE_LIMIT")
# Accounts asked for from one address (sign-up and join forms, members/).
SIGNUP = RateLimit("signup", "SIGNUP_RATE_LIMIT")


def refusal(request, template, context):
    """The answer to a sender over the limit: the form again, with what they typed."""
    messages.error(
        request, _("You have sent several messages in a short time: please try again in an hour.")
    )
    return TemplateResponse(request, template, context, status=429)
