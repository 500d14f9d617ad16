"""Shared fixtures: the corpus of clean text the tests build cases from."""

from __future__ import annotations

from pathlib import Path

import pytest

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
