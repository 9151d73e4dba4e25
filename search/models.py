import threading
from collections import Counter

from django.db import IntegrityError, models, transaction
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
        """Count a search, and those answered from cached pages in this process since the last
        count (`count_later`)."""
        from .query import log_key

        key = log_key(query)
        if not key:
            return
        day = timezone.localdate()
        with _PENDING_LOCK:
            pending = dict(_PENDING)
            _PENDING.clear()
        counts = Counter(pending)
        counts[(day, key, bool(found))] += 1
        for (pending_day, pending_key, pending_found), count in counts.items():
            cls._add(pending_day, pending_key, count, 0 if pending_found else count)

    @classmethod
    def _add(cls, day, query, searches, zero_result_searches):
        """Add to the day's row in one query, creating it the first time (another process
        may create it at the same moment: the unique constraint says so, then it is added to)."""
        row = cls.objects.filter(day=day, query=query)
        changes = {
            "searches": F("searches") + searches,
            "zero_result_searches": F("zero_result_searches") + zero_result_searches,
        }
        if row.update(**changes):
            return
        try:
            with transaction.atomic():
                cls.objects.create(
                    day=day,
                    query=query,
                    searches=searches,
                    zero_result_searches=zero_result_searches,
                )
        except IntegrityError:
            row.update(**changes)

    @classmethod
    def count_later(cls, query, found):
        """A search answered from a cached page: counted in this process's memory (no write,
        no lock shared with other processes on that fast path) and written by the next search
        this process renders, at the latest when its cached pages expire."""
        from .query import log_key

        key = log_key(query)
        if key:
            with _PENDING_LOCK:
                _PENDING[(timezone.localdate(), key, bool(found))] += 1


# Searches answered from cached pages, not yet in the log: {(day, query, found): count}.
_PENDING = Counter()
_PENDING_LOCK = threading.Lock()
