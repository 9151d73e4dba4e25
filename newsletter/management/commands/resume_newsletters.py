from django.core.management.base import BaseCommand
from django.db import transaction

from newsletter import sending
from newsletter.models import IssueStatus, NewsletterIssue


class Command(BaseCommand):
    help = (
        "Resume the newsletter issues whose sending was interrupted (e.g. the worker crashed): "
        "only the subscribers who have not received an issue get it."
    )

    def handle(self, *args, **options):
        issues = list(NewsletterIssue.objects.filter(status=IssueStatus.SENDING))
        for issue in issues:
            with transaction.atomic():
                sending.resume(issue)  # queues its planning task when this block commits
            self.stdout.write(f"Resumed: {issue.title}")
        self.stdout.write(f"{len(issues)} newsletter issue(s) resumed.")
