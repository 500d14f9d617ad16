"""Clean text in many scripts comes out unchanged, with no changes."""

from __future__ import annotations

import lzma
from collections.abc import Iterable, Iterator
from importlib import resources

import pytest
from babel import Locale
from babel.localedata import locale_identifiers
from faker import Faker
from faker.config import AVAILABLE_LOCALES
from mimesis import Address, Person, Text
from mimesis import Locale as MimesisLocale

import mojibake_fix
from mojibake_fix.charclass import script_of
from mojibake_fix.engine import plan_for

from .conftest import clean_paragraphs, every_locale_names

LOCALES = (
    "en", "fr", "de", "es", "pt", "it", "nl", "pl", "cs", "sk", "hu", "ro", "hr", "sl", "tr",
    "vi", "is", "da", "sv", "fi", "lt", "lv", "et", "ru", "uk", "bg", "sr", "el", "he", "ar",
    "fa", "zh", "ja", "ko", "th", "hi", "bn", "ta", "ka", "hy", "am", "km", "my",
    "az", "ha", "yo", "ak", "ee", "ln", "or", "bo",
)  # fmt: skip


def cldr_sentences() -> Iterator[tuple[str, str]]:
    """Sentences made of CLDR data: territory, language and month names of
    each locale, joined the way that locale lists things."""
    for code in LOCALES:
        locale = Locale.parse(code)
        territories = [name for key, name in sorted(locale.territories.items()) if key.isalpha()]
        languages = [name for _, name in sorted(locale.languages.items())]
        months = list(locale.months["format"]["wide"].values())
        days = list(locale.days["format"]["wide"].values())
        for start in range(0, 60, 12):
            yield code, ", ".join(territories[start : start + 12])
            yield code, ", ".join(languages[start : start + 12])
        yield code, " ".join(months)
        yield code, " ".join(days)


def changed(fields: Iterable[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """The fields ``fix`` changes, with what it changed."""
    return [
        (field, [(c.original, c.replacement) for c in result.changes])
        for field in fields
        if (result := mojibake_fix.fix(field)).changes
    ]


def scripts_of(texts: list[str]) -> set[str]:
    return {
        script_of(ch)
        for text in texts
        for ch in text
        if ch.isalpha() and script_of(ch) not in ("Common", "Other")
    }


def test_the_clean_corpus_is_broad() -> None:
    paragraphs = [text for _, text in clean_paragraphs()]
    assert len(paragraphs) >= 200
    assert len(scripts_of(paragraphs)) >= 10


@pytest.mark.parametrize("language, text", clean_paragraphs())
def test_clean_paragraph_is_unchanged(language: str, text: str) -> None:
    result = mojibake_fix.fix(text)
    assert result.changes == (), [(c.original, c.replacement) for c in result.changes]
    assert result.text == text


def test_cldr_sentences_are_unchanged() -> None:
    sentences = list(cldr_sentences())
    assert len(sentences) >= 400
    assert len(scripts_of([text for _, text in sentences])) >= 15
    assert changed(text for _, text in sentences) == []


def test_names_in_every_cldr_locale_are_unchanged() -> None:
    lines = list(every_locale_names())
    assert len({code for code, _ in lines}) >= 150
    assert changed(text for _, text in lines) == []


def every_locale_name_alone() -> list[str]:
    """Every territory, language and script name of every locale CLDR has
    that holds a letter beyond ASCII, each a text of its own: short strings
    in some two hundred languages, most of which no word list knows."""
    names: set[str] = set()
    for code in locale_identifiers():
        if "_" in code:
            continue
        locale = Locale.parse(code)
        for table in (locale.territories, locale.languages, locale.scripts):
            names.update(name for name in table.values() if not name.isascii())
    return sorted(names)


# What one name alone still wakes into a change, and why (none now: Sango's
# ``âGrenadîni`` was an opening quote until a small ``â`` before a capital, in a
# text of a language the lists lack that writes whole letters like it, stayed).
KNOWN_NAMES_CHANGED: dict[str, str] = {}


def test_every_cldr_name_alone_is_unchanged() -> None:
    names = every_locale_name_alone()
    assert len(names) > 50_000
    # Most wake nothing; only those the scan wakes are repaired at all.
    woken = [name for name in names if not plan_for().scan.looks_clean(name)]
    assert 100 < len(woken) < len(names) // 20
    found = dict(changed(woken))
    assert {name: found[name] for name in found.keys() - KNOWN_NAMES_CHANGED.keys()} == {}
    assert sorted(KNOWN_NAMES_CHANGED.keys() - found.keys()) == [], "take them off the list"


def emoji_annotation_sentences() -> Iterator[tuple[str, str]]:
    """Sentences made of the emoji names shipped with the package (Unicode's
    CLDR annotations): emoji, each with its name and the words it is looked
    up by, twenty to a sentence, in every language the names come in."""
    raw = resources.files("mojibake_fix.context").joinpath("emoji_annotations.tsv.xz")
    entries: dict[str, list[str]] = {}
    for line in lzma.decompress(raw.read_bytes()).decode("utf-8").splitlines():
        lang, emoji, name, keywords = line.split("\t")
        entries.setdefault(lang, []).append(f"{emoji} {name}: {keywords}")
    for lang, names in entries.items():
        for start in range(0, len(names), 20 * _EVERY_NTH_SENTENCE):
            yield lang, " ".join(names[start : start + 20])


_EVERY_NTH_SENTENCE = 3


def test_emoji_annotation_sentences_are_unchanged() -> None:
    # Emoji beside words that name them, in 46 languages: ``ð`` and ``â`` leads
    # are everywhere in mojibake of such text, and nowhere in the text itself.
    sentences = list(emoji_annotation_sentences())
    assert len({lang for lang, _ in sentences}) >= 40
    assert changed(text for _, text in sentences) == []


# Fields of the kinds scraped records are full of, drawn from the data of two
# fake-data generators in every locale they have: Mimesis's sentences, quotes,
# names, addresses and cities; Faker's names, companies, addresses and jobs.
# Short fields tell little of their language (a city name alone).
_MIMESIS_PER_KIND = 25
_FAKER_PER_KIND = 8
_FAKER_KINDS = ("name", "address", "company", "street_address", "city", "job", "sentence")


def mimesis_fields(locale: MimesisLocale) -> Iterator[str]:
    text, person, address = Text(locale, seed=7), Person(locale, seed=7), Address(locale, seed=7)
    for _ in range(_MIMESIS_PER_KIND):
        yield text.text(quantity=3)
        yield text.quote()
        yield person.full_name()
        yield address.address()
        yield address.city()


def faker_fields(locale: str) -> Iterator[str]:
    fake = Faker(locale)
    fake.seed_instance(7)
    for kind in _FAKER_KINDS:
        if hasattr(fake, kind):
            yield from (str(getattr(fake, kind)()) for _ in range(_FAKER_PER_KIND))


@pytest.mark.parametrize("locale", list(MimesisLocale), ids=lambda locale: locale.value)
def test_mimesis_fields_are_unchanged(locale: MimesisLocale) -> None:
    assert changed(mimesis_fields(locale)) == []


@pytest.mark.filterwarnings("ignore:.*locale is deprecated")
@pytest.mark.parametrize("locale", sorted(AVAILABLE_LOCALES))
def test_faker_fields_are_unchanged(locale: str) -> None:
    assert changed(faker_fields(locale)) == []


@pytest.mark.filterwarnings("ignore:.*locale is deprecated")
def test_the_fake_fields_cover_many_scripts() -> None:
    fields = [field for locale in MimesisLocale for field in mimesis_fields(locale)]
    fields += [field for locale in sorted(AVAILABLE_LOCALES) for field in faker_fields(locale)]
    assert len(fields) >= 8000
    assert len(scripts_of(fields)) >= 15
