from django.core.management.base import BaseCommand

from members.tasks import purge_unverified_accounts


class Command(BaseCommand):
    help = (
        "Queue the deletion of the accounts whose email address was not confirmed within "
        "UNVERIFIED_ACCOUNT_RETENTION_DAYS. Run it daily (cron)."
    )

    def handle(self, *args, **options):
        result = purge_unverified_accounts.enqueue()
        self.stdout.write(f"Purge of unconfirmed accounts queued (task {result.id}).")
