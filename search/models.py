import hashlib

from django.core.cache import cache
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class QueryLog(models.Model):
    """How often a query was searched on a day, and how often it found nothing.

    No user, session, address or time of day is kept: only the folded query text per day."""

    day = models.DateField(_("day"), db_index=True)
    query = models.CharField(_("query"), max_length=100)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_result_searches = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="one_log_per_query_and_day")
        ]

    def __str__(self):
        return self.query

    @classmethod
    def record(cls, query, found):
        """Count a search, with those of the same query answered from a cached page since the
        last count (`count_later`)."""
        from .query import log_key

        key = log_key(query)
        if not key:
            return
        day = timezone.localdate()
        later = _pending(day, key, found)
        cls.objects.get_or_create(day=day, query=key)
        cls.objects.filter(day=day, query=key).update(
            searches=F("searches") + 1 + later,
            zero_result_searches=F("zero_result_searches") + (0 if found else 1 + later),
        )

    @classmethod
    def count_later(cls, query, found):
        """A search answered from a cached page: counted in the cache (no write on that fast
        path), added to the log by the next `record` of the query, at the latest when the
        cached page expires."""
        from .query import log_key

        key = log_key(query)
        if key:
            pending = _pending_key(timezone.localdate(), key, found)
            if not cache.add(pending, 1, None):
                cache.incr(pending)


def _pending_key(day, key, found):
    digest = hashlib.sha256(key.encode()).hexdigest()
    return f"search:querylog:{day.isoformat()}:{int(found)}:{digest}"


def _pending(day, key, found):
    """Take the count of cached searches of this query waiting to be logged."""
    pending = _pending_key(day, key, found)
    count = cache.get(pending, 0)
    if count:
        cache.decr(pending, count)
    return count
