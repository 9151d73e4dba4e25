"""The language of an extracted text, with py3langid.

The model takes a second or two to load and about 80 MB: the extraction server loads it once,
and the children it forks for each file share it.
"""

import functools
import re

# The opening of a document says its language; reading more costs time and changes nothing.
SAMPLE_CHARS = 5000
# Below this many letters a guess is noise (a title, a table of figures).
MIN_LETTERS = 40
MIN_CONFIDENCE = 0.5
PROSE_SEARCH_CHARS = 200_000
_LETTER = re.compile(r"[^\W\d_]")


@functools.cache
def load_model():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(
        MODEL_FILE, norm_probs=True, min_confidence=MIN_CONFIDENCE
    )


def detect_language(text):
    """ISO 639-1 code of the text's language ("fr", "en", ...), or "" when unsure."""
    language = _classify(text[:SAMPLE_CHARS])
    if not language:
        # Brochures open with titles and labels laid out letter by letter; their prose is
        # further down, in longer lines.
        prose = (line for line in text[:PROSE_SEARCH_CHARS].splitlines() if len(line) >= 40)
        language = _classify("\n".join(prose)[:SAMPLE_CHARS])
    return language


def _classify(sample):
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return ""
    language, _ = load_model().classify(sample)
    return "" if language == "und" else language
