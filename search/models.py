from django.db import models
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
        from django.db.models import F
        from django.utils import timezone

        from .query import log_key

        key = log_key(query)
        if not key:
            return
        day = timezone.localdate()
        cls.objects.get_or_create(day=day, query=key)
        cls.objects.filter(day=day, query=key).update(
            searches=F("searches") + 1,
            zero_result_searches=F("zero_result_searches") + (0 if found else 1),
        )
