"""The readings of DOS Cyrillic (UTF-8 read as cp866), of legacy text shown
through another region's page (Windows-1251 read as Windows-1257, Latin-1
read as Windows-1253 or ISO-8859-7), of layers across pages (Windows-1252
mojibake read again as Windows-1251) and of short Western text read as
ISO-8859-2: repaired where they are, and never woken into a change in clean
text of the scripts they read as, written here or elsewhere."""

from __future__ import annotations

import re
from collections.abc import Callable

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)
import pytest
import wordfreq

import mojibake_fix

from .conftest import ROOT, clean_paragraphs

# The share of a family's texts each reading must repair exactly.
ENOUGH = 0.9


def utf8_as(codec: str) -> Callable[[str], str | None]:
    def misread(text: str) -> str | None:
        try:
            return text.encode("utf-8").decode(codec)
        except UnicodeError:
            return None

    return misread


def legacy_as(written: str, shown: str) -> Callable[[str], str | None]:
    def misread(text: str) -> str | None:
        try:
            return text.encode(written).decode(shown)
        except UnicodeError:
            return None

    return misread


def across(first: str, second: str) -> Callable[[str], str | None]:
    def misread(text: str) -> str | None:
        once = utf8_as(first)(text)
        return None if once is None else utf8_as(second)(once)

    return misread


CYRILLIC = ("ru", "uk", "bg", "sr")
WESTERN = ("fr", "de", "es", "pt", "it", "nl", "sv", "da", "fi", "is")
READINGS: dict[str, tuple[Callable[[str], str | None], tuple[str, ...]]] = {
    "utf8-as-cp866": (utf8_as("cp866"), (*CYRILLIC, "hi")),
    "cp1251-as-cp1257": (legacy_as("cp1251", "sloppy-windows-1257"), CYRILLIC),
    "latin-1-as-cp1253": (legacy_as("cp1252", "sloppy-windows-1253"), WESTERN),
    "latin-1-as-iso-8859-7": (legacy_as("latin-1", "iso-8859-7"), WESTERN),
    "cp1252-then-cp1251": (across("sloppy-windows-1252", "sloppy-windows-1251"), WESTERN),
    "cp1251-then-cp1252": (across("sloppy-windows-1251", "sloppy-windows-1252"), CYRILLIC),
}


def built(name: str) -> list[tuple[str, str]]:
    misread, languages = READINGS[name]
    pairs = []
    for language, text in clean_paragraphs():
        broken = misread(text) if language in languages else None
        if broken is not None and broken != text:
            pairs.append((broken, text))
    return pairs


@pytest.mark.parametrize("name", READINGS)
def test_each_reading_repairs_its_paragraphs(name: str) -> None:
    pairs = built(name)
    assert len(pairs) >= 40
    exact = 0
    for broken, text in pairs:
        result = mojibake_fix.fix(broken)
        assert result.revert() == broken
        exact += result.text == text
    assert exact >= ENOUGH * len(pairs)


def test_short_western_words_read_as_iso_8859_2_are_repaired() -> None:
    """wordfreq's commonest German and French words with a letter beyond
    ASCII, alone, as ISO-8859-2 showed their UTF-8 (``GrĂźĂ\\x9fe``)."""
    words = [
        word
        for language in ("de", "fr")
        for word in wordfreq.top_n_list(language, 3000)
        if not word.isascii()
    ][:400]
    misread = utf8_as("iso-8859-2")
    broken = [(misread(word), word) for word in words]
    exact = sum(mojibake_fix.fix(text).text == word for text, word in broken if text)
    assert exact >= 0.95 * len(words)


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        ("╨Я╤А╨╕╨▓╨╡╤В, ╨║╨░╨║ ╨┤╨╡╨╗╨░?", "Привет, как дела?"),
        ("рдирдорд╕реНрддреЗ рджреБрдирд┐рдпрд╛", "नमस्ते दुनिया"),
        ("Ļščāåņ, źąź äåėą? Āńø õīšīųī.", "Привет, как дела? Всё хорошо."),
        ("Ηa ιtι trθs ιlevι, cafι crθme brϋlιe", "Ça été très élevé, café crème brûlée"),
        ("Le cafГѓВ© est trГѓВЁs bon", "Le café est très bon"),
        ("cafГѓВ©", "café"),
    ],
)
def test_the_examples_of_each_reading(broken: str, expected: str) -> None:
    assert mojibake_fix.fix(broken).text == expected


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        ("ķą", "на"),  # the commonest words alone: chance seldom makes them
        ("łī", "що"),
        ("č ķą", "и на"),
        ("ī÷åķü", "очень"),  # ``÷`` a symbol of the shown page, ``ч`` of the written
        ("ļ³ńė˙", "після"),
    ],
)
def test_short_windows_1251_words_read_as_windows_1257_are_repaired(
    broken: str, expected: str
) -> None:
    assert mojibake_fix.fix(broken).text == expected


@pytest.mark.parametrize("language", ["lt", "lv", "pl", "de", "fi", "sv", "da", "nb"])
def test_words_of_the_baltic_page_alone_stay(language: str) -> None:
    """Each of wordfreq's commonest words of a language Windows-1257
    writes, alone and capitalised: two letters of the page are a word of
    its own, not Cyrillic read through it."""
    for word in wordfreq.top_n_list(language, 3000):
        for text in (word, word.capitalize()):
            assert mojibake_fix.fix(text).changes == (), text


@pytest.mark.parametrize("clean", ["³µ", "Tā ³µ", "öö", "šī", "ąž", "Ūdens ir šī"])
def test_two_characters_of_the_baltic_page_stay(clean: str) -> None:
    assert mojibake_fix.fix(clean).changes == ()


def clean_of(languages: tuple[str, ...]) -> list[str]:
    return [text for language, text in clean_paragraphs() if language in languages]


@pytest.mark.parametrize(
    "languages",
    [
        ("ru", "uk", "bg", "sr"),
        ("el",),
        ("hi",),
        ("pl", "lt", "lv", "et", "cs", "de", "fr", "es", "it", "pt", "sv", "tr", "vi"),
    ],
    ids=["cyrillic", "greek", "devanagari", "latin"],
)
def test_clean_paragraphs_stay_even_beside_mojibake(languages: tuple[str, ...]) -> None:
    """A clean paragraph beside a line of Windows-1252 mojibake, which wakes
    every UTF-8 reading: only the mojibake changes (cp866 reads a Russian
    word such as ``ред`` as ``।``, and a page's support must not carry that
    reading into a clean line)."""
    for text in clean_of(languages):
        assert mojibake_fix.fix(text).changes == ()
        joined = f"{text}\nThe cafÃ© is open"
        assert mojibake_fix.fix(joined).text == f"{text}\nThe café is open"


@pytest.mark.parametrize(
    "language", ["ru", "uk", "bg", "mk", "el", "hi", "pl", "lt", "lv", "de", "fr", "sv"]
)
def test_common_words_in_pairs_stay(language: str) -> None:
    """wordfreq's commonest words, two at a time and capitalised, as one
    text each: two words of Baltic or Polish letters alone wake the
    Windows-1257 reading, a Russian word the cp866 one."""
    words = wordfreq.top_n_list(language, 1200)
    for first, second in zip(words[::2], words[1::2], strict=False):
        text = f"{first.capitalize()} {second}"
        assert mojibake_fix.fix(text).changes == (), text


@pytest.mark.parametrize(
    "clean",
    [
        "Żółć, źółw i ćma",  # Polish: words of Baltic-page letters alone
        "Ąžuolų šaknys, ėjęs į mišką",  # Lithuanian
        "Ο Jean-Luc και η Apple στην Αθήνα",  # Latin names among Greek words
        "Ректор вуза, ред. и сад",  # words cp866 reads as UTF-8
        "ЁЛКА и ЁЖ, её",  # cp866's four-byte leads
        "नमस्ते दुनिया, भारत",  # Devanagari as it is
        "░▒▓ │ ┌─┐ └─┘",  # box drawing
    ],
)
def test_clean_text_in_the_scripts_read_stays(clean: str) -> None:
    assert mojibake_fix.fix(clean).changes == ()


def documented_examples() -> list[tuple[str, str]]:
    """Each ``before`` → ``after`` pair of docs/codepages.md, with its
    ``\\xNN`` escapes read as the characters they name."""
    page = (ROOT / "docs" / "codepages.md").read_text(encoding="utf-8")
    pairs = re.findall(r"`([^`]+)` → `([^`]+)`", page)
    return [(unescaped(before), unescaped(after)) for before, after in pairs]


def unescaped(text: str) -> str:
    return re.sub(r"\\x([0-9a-f]{2})", lambda match: chr(int(match.group(1), 16)), text)


def test_the_documented_pairs_are_read_as_documented() -> None:
    examples = documented_examples()
    assert len(examples) >= 25
    wrong = [(before, mojibake_fix.fix(before).text, after) for before, after in examples]
    assert [case for case in wrong if case[1] != case[2] and "\\u" not in case[0]] == []
