from django.core.management.base import BaseCommand

from classifieds.lifecycle import expire_classified_ads


class Command(BaseCommand):
    help = (
        "Queue the daily upkeep of the classified ads: unpublish the expired ones and email "
        "a renewal link to the authors of those ending within a week. Run it daily (cron)."
    )

    def handle(self, *args, **options):
        result = expire_classified_ads.enqueue()
        self.stdout.write(f"Classified ads upkeep queued (task {result.id}).")
