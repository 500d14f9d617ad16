"""Damaged-word dictionaries: a language's words as a lossy decode leaves them.

When most bytes of a word are lost (Cyrillic ``ÐÑÐ¸Ð²ÐµÑ`` is ``Привет`` after
the C1 controls were deleted), guessing letter by letter is hopeless, but the
damage is a function: apply it to every word of the language's word list and
the damaged token is looked up directly. The most frequent word with that
damaged form wins; its share of the matches' frequency is the confidence.

A damage *model* is what happened to the UTF-8 bytes after they were read as
Latin-1 or Windows-1252: ``c1`` (bytes 80-9F deleted), ``undefined`` (the five
bytes Windows-1252 leaves undefined deleted), ``marked`` (those five turned
into ``?`` or U+FFFD) and ``nbsp`` (the no-break space byte A0 made a space).
An index only holds the words the damage changes.

>>> damage("Привет", "c1")
'ÐÑÐ¸Ð²ÐµÑ'
>>> [word for word, _ in lookup("ÐÑÐ¸Ð²ÐµÑ", "ru", "c1")][:1]
['Привет']
>>> token_key("Ð\\ufffdовый", "marked") == damage("Новый", "marked")
True
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .words import frequencies

MODELS = ("c1", "undefined", "marked", "nbsp")
MARKER = "\ufffd"
_C1 = re.compile("[\x80-\x9f]")
_UNDEFINED = re.compile("[\x81\x8d\x8f\x90\x9d]")
_WORDS = 30000

# Languages with a word list, by script; ``sr`` is Serbian in Cyrillic,
# transliterated from wordfreq's Serbo-Croatian list (which is in Latin).
DICTIONARY_LANGUAGES: dict[str, tuple[str, ...]] = {
    "Cyrillic": ("ru", "uk", "bg", "sr", "mk"),
    "Greek": ("el",),
    "Hebrew": ("he",),
    "Arabic": ("ar", "fa", "ur"),
    "Devanagari": ("hi",),
    "Bengali": ("bn",),
    "Tamil": ("ta",),
    "Hangul": ("ko",),
}

_SERBIAN_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}
_SERBIAN_LETTERS = dict(
    zip("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж", strict=True)
)


def _serbian_cyrillic(word: str) -> str | None:
    """``word`` of Serbo-Croatian in Serbian Cyrillic, or ``None`` for a foreign spelling."""
    out: list[str] = []
    index = 0
    while index < len(word):
        pair = word[index : index + 2]
        if pair in _SERBIAN_DIGRAPHS:
            out.append(_SERBIAN_DIGRAPHS[pair])
            index += 2
            continue
        letter = _SERBIAN_LETTERS.get(word[index])
        if letter is None:
            return None
        out.append(letter)
        index += 1
    return "".join(out)


def is_word_char(ch: str) -> bool:
    """A letter, or a mark that is part of one (Devanagari vowel signs, virama)."""
    return ch.isalpha() or unicodedata.category(ch)[0] == "M"


@functools.cache
def word_list(lang: str) -> tuple[tuple[str, float], ...]:
    """The commonest words of ``lang`` (letters only) with their frequencies."""
    source = "sh" if lang == "sr" else lang
    table = frequencies(source, "small")
    ranked = sorted(table.items(), key=lambda item: -item[1])[:_WORDS]
    words: list[tuple[str, float]] = []
    for word, frequency in ranked:
        if not all(is_word_char(ch) for ch in word):
            continue
        if lang == "el" and word.endswith("σ"):
            word = word[:-1] + "ς"  # casefolded lists lose the final sigma
        if lang == "sr":
            cyrillic = _serbian_cyrillic(word)
            if cyrillic is None:
                continue
            word = cyrillic
        words.append((word, frequency))
    return tuple(words)


def damage(text: str, model: str) -> str:
    """``text`` as UTF-8 read as Latin-1/Windows-1252 and then damaged by
    ``model`` (``plain`` and ``c1-kept``: not damaged, for comparison)."""
    raw = text.encode("utf-8", "surrogatepass")
    if model == "c1":
        return _C1.sub("", raw.decode("latin-1"))
    if model == "c1-kept":
        return raw.decode("latin-1")
    shown = raw.decode("latin-1").translate(_cp1252_table())
    if model == "undefined":
        return _UNDEFINED.sub("", shown)
    if model == "marked":
        return _UNDEFINED.sub(MARKER, shown)
    if model == "nbsp":
        return shown.replace("\xa0", " ")
    return shown


@functools.cache
def _cp1252_table() -> dict[int, str]:
    """Latin-1 characters 80-9F to what Windows-1252 shows for those bytes."""
    table: dict[int, str] = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return table


@functools.cache
def byte_chars() -> frozenset[str]:
    """Characters that show one byte 80-FF in Latin-1 or Windows-1252."""
    return frozenset(chr(byte) for byte in range(0x80, 0x100)) | frozenset(_cp1252_table().values())


def token_key(token: str, model: str) -> str | None:
    """The key of a text token in a ``model`` index: characters that show a
    byte stay, characters another repair already decoded are damaged again
    and ``?`` or U+FFFD are the marker; ``None`` when a C1 control the
    model would have removed is still there."""
    shown = byte_chars()
    out: list[str] = []
    for ch in token:
        if ch in "?\ufffd":
            out.append(MARKER)
        elif "\x80" <= ch <= "\x9f":
            # A control still there is a byte that every model would have
            # removed or shown as a Windows-1252 character: none applies.
            return None
        elif ch < "\x80" or ch in shown:
            out.append(ch)
        else:
            out.append(damage(ch, model))
    return "".join(out)


def _forms(word: str) -> tuple[str, ...]:
    forms = {word: None, word[:1].upper() + word[1:]: None, word.upper(): None}
    return tuple(forms)


@functools.cache
def damaged_index(lang: str, model: str) -> dict[str, list[tuple[str, float]]]:
    """Damaged form -> the words (lower case, capitalised, upper case) of
    ``lang`` that ``model`` turns into it, commonest first."""
    index: dict[str, list[tuple[str, float]]] = {}
    for word, frequency in word_list(lang):
        for form in _forms(word):
            damaged = damage(form, model)
            if damaged == damage(form, "plain" if model != "c1" else "c1-kept"):
                continue
            index.setdefault(damaged, []).append((form, frequency))
    return index


def lookup(key: str, lang: str, model: str) -> list[tuple[str, float]]:
    """The words of ``lang`` whose ``model``-damaged form is ``key``."""
    return damaged_index(lang, model).get(key, [])
