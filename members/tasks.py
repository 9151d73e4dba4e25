"""The members' daily upkeep, queued by `manage.py expire_memberships` and
`manage.py purge_unverified_accounts` (cron) and run by the task worker."""

from django_tasks import task

from . import accounts, memberships


@task()
def membership_upkeep():
    """Remind the members whose membership ends soon, expire the lapsed ones."""
    return memberships.upkeep()


@task()
def purge_unverified_accounts():
    """Delete the accounts whose address was never confirmed in time."""
    return {"deleted": accounts.purge_unverified()}
