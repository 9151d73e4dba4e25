from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus():
    if not (CORPUS / "MANIFEST.tsv").exists():
        pytest.fail(f"The test corpus is missing: expected it at {CORPUS}")
    return CORPUS
