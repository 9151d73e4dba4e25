from django.core.management.base import BaseCommand

from resources.freshness import send_review_digests


class Command(BaseCommand):
    help = "Queue today's review digests (one email per content owner). Run it daily (cron)."

    def handle(self, *args, **options):
        result = send_review_digests.enqueue()
        self.stdout.write(f"Review digests queued (task {result.id}).")
