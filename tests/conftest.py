"""Shared fixtures: the corpus of clean text the tests build cases from."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from babel import Locale
from babel.localedata import locale_identifiers
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


def every_locale_names() -> Iterator[tuple[str, str]]:
    """Territory and language names, ten to a line, in the language of each
    locale CLDR has (some 200: Frisian ``Nederlân``, Sango ``Kâmitâ``,
    Nheengatu ``Ãtigua``, whose lists wordfreq lacks)."""
    for code in sorted(code for code in locale_identifiers() if "_" not in code):
        locale = Locale.parse(code)
        names = [name for key, name in sorted(locale.territories.items()) if key.isalpha()]
        names += [name for _, name in sorted(locale.languages.items())]
        for start in range(0, min(len(names), 200), 10):
            yield code, ", ".join(names[start : start + 10])


@pytest.fixture(scope="session")
def paragraphs() -> list[tuple[str, str]]:
    return clean_paragraphs()


# Clean text that looks suspicious to one detector or another, in many scripts:
# every detector's negative tests run on these and on the whole clean corpus.
TRICKY_CLEAN = [
    "Crème brûlée, naïve façade, Ærøskøbing, São Paulo, Łódź, Dvořák, Müller",
    "Привет, мир! «Ёлка» — это ёж? Съешь же ещё этих мягких французских булок.",
    "Καλημέρα κόσμε· ή ίσως όχι; Ελληνικά ΆΈΉΊΌΎΏ",
    "中文文本，日本語のテキスト、한국어 텍스트。「引用」",
    "ภาษาไทยเป็นภาษาที่สวยงาม",
    "مرحبا بالعالم، هذا نص عربي.",
    "שלום עולם, זה טקסט בעברית.",
    "Tiếng Việt có dấu: Đường phố Hà Nội, người ở đây rất thân thiện.",
    "İstanbul'da ılık bir gün; Iğdır, şişe, çiçek, ĞÜŞİÖÇ ığüşöç",
    "Þetta er íslenska: Ðóra, þú, ærð, öðrum, Ýr",
    "Emoji: 😀👍🏽🇮🇸 👨‍👩‍👧 ❤️ and math: ∀x∈ℝ, ∑ᵢ xᵢ² ≤ ∫₀^∞ e^{-x} dx ≠ ∞ ± √2",
    "Legit Ã and â: the Portuguese name JOÃO, MAÇÃ, SÃO; pâté, CÂMARA, Ângela",
    "Typography that survived: “quoted” ‘single’ – — … € ™ • ‰ † ‡ ‹ › „ ‚",
    "",
    "plain ASCII with & and < > and \\x93 written out",
]


def clean_samples() -> list[str]:
    """The tricky strings above, then each file of corpus/clean/ whole."""
    return TRICKY_CLEAN + [path.read_text(encoding="utf-8") for path in sorted(CLEAN.glob("*.txt"))]


def load_script(name: str) -> ModuleType:
    """``scripts/<name>.py`` as a module, to compare what it makes with what is checked in."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script
