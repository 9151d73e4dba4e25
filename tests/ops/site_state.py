"""What a restored site must have kept, read with plain SQL so that any database (the one of
the test, a second PostgreSQL database, a SQLite file) can be compared with another."""

from pathlib import Path

TABLES = {
    "postgresql": (
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
    ),
    "sqlite": (
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'"
    ),
}
QUERIES = {
    "pages": "SELECT url_path, title, live FROM wagtailcore_page ORDER BY path",
    "documents": "SELECT title, file FROM resources_resourcedocument ORDER BY title, file",
    "memberships": (
        "SELECT u.username, g.name FROM auth_user_groups ug "
        "JOIN auth_user u ON u.id = ug.user_id JOIN auth_group g ON g.id = ug.group_id "
        "ORDER BY 1, 2"
    ),
    "page_restrictions": (
        "SELECT p.url_path, r.restriction_type, g.name FROM wagtailcore_pageviewrestriction r "
        "JOIN wagtailcore_page p ON p.id = r.page_id "
        "LEFT JOIN wagtailcore_pageviewrestriction_groups rg ON rg.pageviewrestriction_id = r.id "
        "LEFT JOIN auth_group g ON g.id = rg.group_id ORDER BY 1, 2, 3"
    ),
    "collection_restrictions": (
        "SELECT c.name, r.restriction_type, g.name FROM wagtailcore_collectionviewrestriction r "
        "JOIN wagtailcore_collection c ON c.id = r.collection_id "
        "LEFT JOIN wagtailcore_collectionviewrestriction_groups rg "
        "ON rg.collectionviewrestriction_id = r.id "
        "LEFT JOIN auth_group g ON g.id = rg.group_id ORDER BY 1, 2, 3"
    ),
    "attachments": "SELECT attachment FROM workgroups_contribution ORDER BY attachment",
}


def snapshot(cursor, vendor, media_root, private_media_root):
    """Row counts of every table, the rows that matter, and the bytes of every file."""
    cursor.execute(TABLES[vendor])
    tables = sorted(row[0] for row in cursor.fetchall())
    state = {"counts": {}}
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 (names from the catalogue)
        state["counts"][table] = cursor.fetchone()[0]
    for name, sql in QUERIES.items():
        cursor.execute(sql)
        state[name] = [tuple(row) for row in cursor.fetchall()]
    state["files"] = {
        (label, str(path.relative_to(root))): path.read_bytes()
        for label, root in (("media", Path(media_root)), ("private", Path(private_media_root)))
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
    return state
