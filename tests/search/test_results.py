"""Building results: snippets, and the backend kept between searches."""

from search.snippets import highlight


def test_query_words_are_marked_whatever_their_case_and_accents():
    snippet = highlight("Les COOPÉRATIVES d'habitants et la coopérative.", "cooperative habitant")
    assert snippet.count("<mark>") == 3
    assert "<mark>COOPÉRATIVES</mark>" in snippet and "<mark>habitants</mark>" in snippet


def test_the_window_opens_on_a_late_match_and_squeezes_spaces():
    text = "début " * 5000 + "\n\n## La   démarche   écologique du groupe" + " fin" * 200
    snippet = highlight(text, "ecologique")
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "démarche <mark>écologique</mark> du groupe" in snippet
    assert "##" not in snippet


def test_text_is_escaped_and_no_match_gives_the_beginning():
    snippet = highlight("<script>alert(1)</script> rien ici", "logement")
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet
    assert "<mark>" not in snippet


def test_one_backend_per_configuration_keeps_its_engine_connections(settings):
    from search.backends import search_backend
    from search.engines import search_backends

    settings.WAGTAILSEARCH_BACKENDS = search_backends("opensearch://127.0.0.1:9", "a_")
    first = search_backend()
    assert search_backend() is first  # same client, same keep-alive connections
    settings.WAGTAILSEARCH_BACKENDS = search_backends("opensearch://127.0.0.1:9", "b_")
    assert search_backend() is not first  # another configuration (e.g. a test's): its own


def test_short_words_are_not_marked_unless_they_are_the_whole_query():
    assert "<mark>la</mark>" not in highlight("La forme juridique de la coopérative", "la forme")
    assert "<mark>La</mark>" in highlight("La forme juridique", "la")
