from django.core.management.base import BaseCommand

from workgroups.notifications import send_daily_digests


class Command(BaseCommand):
    help = (
        "Queue the daily digest of followed groups (one email per follower with something "
        "new). Run it daily (cron)."
    )

    def handle(self, *args, **options):
        result = send_daily_digests.enqueue()
        self.stdout.write(f"Group digests queued (task {result.id}).")
