"""Shared fixtures: the corpus of clean text the tests build cases from."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Word lists load on first use, so a first example can take a moment; speed
# is measured by the benchmarks, never by a test.
settings.register_profile("project", deadline=None)
settings.load_profile("project")

ROOT = Path(__file__).resolve().parents[1]
CLEAN = ROOT / "corpus" / "clean"


def clean_paragraphs() -> list[tuple[str, str]]:
    """(language, paragraph) for every line of corpus/clean/<lang>.txt."""
    paragraphs: list[tuple[str, str]] = []
    for path in sorted(CLEAN.glob("*.txt")):
        if path.stem == "cldr":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                paragraphs.append((path.stem, line))
    return paragraphs


@pytest.fixture(scope="session")
def paragraphs() -> list[tuple[str, str]]:
    return clean_paragraphs()
