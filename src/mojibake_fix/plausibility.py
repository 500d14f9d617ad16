"""How plausible a decoded text is: the score that chooses between encodings.

Bytes read with the wrong code page still decode, but into words nobody
writes (``trŤs`` for ``très``), letters of two scripts in one word, control
characters, and, for the multi-byte East Asian encodings, rare characters
scattered over the whole table. The score counts, byte by byte, what is
plausible (a word its language lists, a character its national standard
files among the frequent ones) against what is not; a text decoded right
scores highest.

>>> right = plausibility("Prix spécial : 12 € — très intéressant", "cp1252")
>>> wrong = plausibility("Prix spťcial : 12 Ä ó trŤs intťressant", "mac-latin2")
>>> right > wrong
True
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from collections import Counter
from collections.abc import Iterable

import regex

from .charclass import NON_ASCII_RUN, is_common, script_of
from .context.words import LANGUAGES_BY_SCRIPT, UNSEEN_BIGRAM, bigrams, is_listed

# Letters and the marks written on them; a word that starts with a mark has
# no letter to write it on.
_WORD = regex.compile(r"[\p{L}\p{M}]+")
# Characters outside words but printable ASCII, the only ones that score there.
_OUTSIDE_WORDS = regex.compile(r"[^\p{L}\p{M}\t\n\f\r\x20-\x7e]")
_EAST_ASIAN = frozenset({"Han", "Hiragana", "Katakana", "Hangul", "Bopomofo"})
EAST_ASIAN = "East Asian"
# The characters each national standard files first, by how often they are
# written (codec, first and last code): the hanzi, kanji or hanja of text in
# each language, and the hangul syllables of Korean.
_FREQUENT_BLOCKS = {
    # GB2312's level 1 hanzi and Big5's frequent hanzi: simplified and traditional.
    "Chinese": (("gb2312", b"\xb0\xa1", b"\xd7\xf9"), ("big5", b"\xa4\x40", b"\xc6\x7e")),
    # JIS X 0208's level 1 kanji, and the Han characters it files among its
    # symbols: the iteration marks and the ideographic zero (``々 〆 〇``).
    "Japanese": (("shift_jis", b"\x88\x9f", b"\x98\x72"), ("shift_jis", b"\x81\x58", b"\x81\x5a")),
    # KS X 1001's hanja are all rare in Korean text; its hangul syllables are not.
    "Korean": (),
    "Hangul": (("euc_kr", b"\xb0\xa1", b"\xc8\xfe"),),
}
# Per byte: a word its language lists, or a frequent East Asian character,
# is plausible; an unlisted word less so than a word mixing scripts; symbols
# are written now and then; a control character is what a wrong decoding
# makes of text.
KNOWN = 1.0
UNKNOWN = -0.5
MIXED = -1.0
RARE = -1.0
SYMBOL = -0.5
CONTROL = -3.0
# The code pages of Central Europe write Romanian's ș and ț with a cedilla
# (ş, ţ), which is how the letters were written before Unicode told them
# apart; the word lists spell them with the comma below.
_COMMA_BELOW = str.maketrans("şţŞŢ", "șțȘȚ")
# The words a text's language is guessed from.
LANGUAGE_SAMPLE = 10
# The mean letter-pair log-probability below which an unlisted word is not
# spelled like its language.
SPELLED = -6.0


@functools.lru_cache(maxsize=65536)
def byte_length(ch: str, encoding: str) -> int:
    """How many bytes ``ch`` takes in ``encoding`` (1 where it has none)."""
    try:
        return len(ch.encode(encoding)) or 1
    except UnicodeEncodeError:
        return 1


@functools.lru_cache(maxsize=65536)
def is_frequent_east_asian(ch: str, language: str) -> bool:
    """Whether ``language``'s national standard files ``ch`` among its frequent
    characters; kana (but half-width katakana) always are."""
    script = script_of(ch)
    if script in ("Hiragana", "Katakana", "Bopomofo"):
        return True
    for codec, first, last in _FREQUENT_BLOCKS["Hangul" if script == "Hangul" else language]:
        try:
            code = ch.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(code) == 2 and first <= code <= last:
            return True
    return False


def east_asian_language(words: Iterable[str]) -> str:
    """Korean where hangul outnumbers kana, Japanese where kana are written,
    else Chinese: the language whose hanzi, kanji or hanja the text writes."""
    scripts = Counter(script_of(ch) for word in words for ch in word if not ch.isascii())
    kana = scripts["Hiragana"] + scripts["Katakana"]
    if scripts["Hangul"] > kana:
        return "Korean"
    return "Japanese" if kana else "Chinese"


@functools.lru_cache(maxsize=65536)
def character_value(ch: str) -> float:
    """The plausibility of a character outside words."""
    if ch.isascii():
        return CONTROL if ch < " " and ch not in "\t\n\r\f" else 0.0
    category = unicodedata.category(ch)
    if category in ("Cc", "Cn", "Co", "Cs"):
        return CONTROL
    if not is_common(ch):
        return RARE
    return SYMBOL if category in ("Sm", "Sk", "So", "No") else 0.0


def plausibility(text: str, encoding: str) -> float:
    """The score of ``text`` as ``encoding``'s decoding of some bytes; only
    comparable between decodings of the same bytes. Words of ASCII letters
    alone score nothing: every ASCII-compatible decoding shares them."""
    words = Counter(word for word in _WORD.findall(text) if not word.isascii())
    languages: dict[str, str | None] = {}
    score = 0.0
    for word, count in words.items():
        score += count * _word_value(word, encoding, words, languages)
    for ch, count in Counter(_OUTSIDE_WORDS.findall(text)).items():
        score += count * character_value(ch) * byte_length(ch, encoding)
    return score


def _word_value(
    word: str,
    encoding: str,
    words: Counter[str],
    languages: dict[str, str | None],
) -> float:
    """A word's plausibility; ``languages`` keeps the language found for each
    script of the text."""
    script = word_script(word)
    if script not in languages:
        languages[script] = language_of(words, script)
    # Code pages of one byte a character weigh a word alike: judged once for all.
    widths = encoding if _is_multibyte(encoding) else "latin-1"
    return _judged_word(word, widths, languages[script])


@functools.lru_cache(maxsize=65536)
def word_script(word: str) -> str:
    """The one script of a word's letters: ``"East Asian"`` for hanzi, kana
    and hangul (which run on into Latin letters), ``""`` for a word that mixes
    scripts or holds a rare character or starts with a mark."""
    scripts = {script_of(ch) for ch in word if not ch.isascii()} - {"Common", "Inherited"}
    if scripts and scripts <= _EAST_ASIAN:
        return EAST_ASIAN
    scripts |= {"Latin"} if any(ch.isascii() for ch in word) else set()
    if len(scripts) != 1 or not all(map(is_common, word)) or not word[0].isalpha():
        return ""
    return scripts.pop()


@functools.lru_cache(maxsize=65536)
def _judged_word(word: str, encoding: str, lang: str | None) -> float:
    """A word's plausibility in ``lang`` (or the East Asian language), its bytes
    counted in ``encoding``."""
    script = word_script(word)
    if script == EAST_ASIAN:
        return _east_asian_value(word, encoding, lang or "Chinese")
    # An unlisted word is judged by the bytes where readings of it differ.
    width = sum(byte_length(ch, encoding) for ch in word if not ch.isascii())
    if not script:
        return MIXED * width
    if lang is None or len(word) == 1:
        # A letter alone tells nothing: most lists hold every letter of their script.
        return 0.0
    if is_listed(word, lang) or is_listed(word.translate(_COMMA_BELOW), lang):
        return KNOWN * sum(byte_length(ch, encoding) for ch in word)
    return (UNKNOWN if spelling(word, lang) >= SPELLED else MIXED) * width


@functools.cache
def _is_multibyte(encoding: str) -> bool:
    return any(len(chr(code).encode(encoding, "ignore")) > 1 for code in (0xE9, 0x4E2D, 0xAC00))


def spelling(word: str, lang: str) -> float:
    """The mean log-probability of each letter after the one before it in
    ``lang``'s words: names and rare words spell like their language, a
    wrong code page's letters do not (``Батките`` against ``Áàòêèòå``).

    >>> spelling("Батките", "bg") > SPELLED > spelling("Áàòêèòå", "fr")
    True
    """
    pairs = bigrams(lang)
    padded = f" {word.casefold()} "
    return sum(pairs.get(pair, UNSEEN_BIGRAM) for pair in itertools.pairwise(padded)) / (
        len(padded) - 1
    )


def _east_asian_value(word: str, encoding: str, language: str) -> float:
    """East Asian text runs on into Latin letters without a space
    (``iTunes에서``), but a multi-byte reading of Latin text turns a letter
    and the byte after it into one character: a lone character beside Latin
    letters, or a run between them (``Hozz硬z肇硬ok``), is no plausible text."""
    value = 0.0
    for run in NON_ASCII_RUN.finditer(word):
        inside = run.start() > 0 and run.end() < len(word)
        lone = len(run.group()) == 1 and len(word) > 1
        for ch in run.group():
            plausible = not (inside or lone) and is_frequent_east_asian(ch, language)
            value += (KNOWN if plausible else RARE) * byte_length(ch, encoding)
    return value


def language_of(words: Iterable[str], script: str) -> str | None:
    """The language of ``script`` whose list holds most of the first words
    written in it (the first language listed for the script when none does);
    for East Asian words, the language whose characters they are."""
    if script == EAST_ASIAN:
        return east_asian_language(words)
    languages = LANGUAGES_BY_SCRIPT.get(script, ())
    if not languages:
        return None
    written = list(
        itertools.islice((w for w in words if word_script(w) == script), LANGUAGE_SAMPLE)
    )
    return max(languages, key=lambda lang: sum(is_listed(word, lang) for word in written))
