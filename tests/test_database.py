import os

import pytest
from django.db import connection

from tests.conftest import required_services


@pytest.mark.django_db
def test_suite_runs_on_the_database_named_by_database_url():
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    if "postgresql" in required_services():
        assert expected == "postgresql", "make test must run the suite on PostgreSQL"
    assert connection.vendor == expected
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version_num")
            assert int(cursor.fetchone()[0]) >= 150000
            # The accent-insensitive French configuration used by database search.
            cursor.execute("SELECT to_tsvector('intranet_french', 'Coopératives écologiques')")
            assert cursor.fetchone()[0] == "'cooper':1 'ecolog':2"


@pytest.mark.django_db
def test_database_search_matches_through_an_index_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("the expression index is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")  # a tiny test table: make the index visible
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ to_tsquery('intranet_french', 'cooperative')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    assert "search_indexentry_title_body" in plan
