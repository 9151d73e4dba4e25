from django.core.management.base import BaseCommand

from members.tasks import membership_upkeep


class Command(BaseCommand):
    help = (
        "Queue the daily upkeep of memberships: email a renewal reminder to the members whose "
        "membership ends soon and expire the lapsed ones. Run it daily (cron)."
    )

    def handle(self, *args, **options):
        result = membership_upkeep.enqueue()
        self.stdout.write(f"Membership upkeep queued (task {result.id}).")
