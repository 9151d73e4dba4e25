"""The real search engine: French analysis, and index updates that survive an outage."""

import subprocess
import time
from pathlib import Path
from urllib.request import urlopen

import pytest
from django.conf import settings
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from home.factories import StandardPageFactory
from tests.conftest import required_services

from .conftest import refresh

pytestmark = [pytest.mark.django_db, pytest.mark.engine]

SERVICES = Path(__file__).resolve().parents[2] / "scripts" / "services.sh"


def search_titles(query):
    return {page.title for page in Page.objects.live().search(query)}


def test_accented_word_is_found_without_its_accents(search_engine, home_page):
    StandardPageFactory(
        parent=home_page,
        title="Un jardin partagé",
        intro="<p>Une démarche écologique portée par les habitants.</p>",
    )
    StandardPageFactory(parent=home_page, title="Statuts", intro="<p>Texte sans rapport.</p>")
    refresh(search_engine)

    assert search_titles("ecologique") == {"Un jardin partagé"}
    assert search_titles("ÉCOLOGIQUES") == {"Un jardin partagé"}
    assert search_titles("l'habitant") == {"Un jardin partagé"}


def search_engine_url():
    return settings.TEST_SEARCH_URL.replace("opensearch://", "http://")


def engine(action):
    subprocess.run([str(SERVICES), action, "opensearch"], check=True, timeout=600)


@pytest.fixture
def database_task_queue(settings):
    """Tasks stored in the database and run by the worker, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SEARCH_INDEX_RETRY_DELAY = 1


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


# Committed transactions, as in production: the worker checks its connection between tasks,
# which would end a test transaction. serialized_rollback restores the migrations' data after.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_edit_made_while_the_engine_is_down_is_indexed_when_it_is_back(
    search_engine, database_task_queue, home_page
):
    if "search-engine" not in required_services():
        pytest.skip("the engine is not managed by scripts/services.sh here")
    page = StandardPageFactory(parent=home_page, title="Assemblée plénière")
    run_worker()
    refresh(search_engine)
    assert search_titles("plénière") == {"Assemblée plénière"}

    engine("stop")
    try:
        # scripts/services.sh only stops the node it started from this checkout.
        with pytest.raises(OSError):
            urlopen(search_engine_url(), timeout=3)  # noqa: S310 (our own http URL)
        page.title = "Assemblée plénière de septembre"
        page.intro = "<p>Ouverture de l'adhésion à toutes et à tous.</p>"
        page.save_revision().publish()
        # The worker meets the closed engine: the update goes back in the queue, not away.
        call_command("db_worker", batch=True, max_tasks=5, startup_delay=False, verbosity=0)
        waiting = DBTaskResult.objects.filter(
            status="READY", task_path__endswith="update_index_entry"
        )
        assert waiting.exists()
        assert not DBTaskResult.objects.failed().exists()
    finally:
        engine("start")

    time.sleep(1.1)  # past the retry delay
    run_worker()
    refresh(search_engine)
    assert search_titles("adhesion") == {"Assemblée plénière de septembre"}
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert not DBTaskResult.objects.failed().exists()
