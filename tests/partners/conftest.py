from tests.projects.conftest import (  # noqa: F401
    editor,
    english,
    make_user,
    member,
    members_group,
)
from tests.search.conftest import backend, elasticsearch_engine, search_engine  # noqa: F401
