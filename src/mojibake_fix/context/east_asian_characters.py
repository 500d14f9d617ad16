"""How often Chinese, Japanese and Korean text writes each character.

A multi-byte decoding of bytes that were never in its encoding still gives
hanzi, kana or hangul, but ones the language hardly writes: Korean read as
GB2312 is a string of real but rare hanzi (``茄惫绢`` for ``한국어``). The
national standards' frequent blocks (:mod:`mojibake_fix.plausibility`) cannot
tell those apart; the characters of wordfreq's commonest words can. Each
character's share of the letters of a language's words, weighted by the
words' frequencies, is its frequency; traditional hanzi are looked up by
their simplified form, as wordfreq looks up Chinese words, when the text is
in traditional characters (``zh-Hant``): GBK writes traditional characters
too, but rare ones to simplified text.

>>> character_value("한", "ko") > 0 > character_value("惫", "zh")
True
>>> character_value("體", "zh-Hant") > 0 > character_value("體", "zh")
True
"""

from __future__ import annotations

import functools
import gzip
import importlib
import math
from typing import Any

import regex

from ..charclass import script_of

LANGUAGES = ("ja", "zh", "zh-Hant", "ko")
TRADITIONAL = "zh-Hant"
# Words read from each language's list: every character a text commonly writes
# is in one of them.
_WORDS = 100_000
# A character written once in 10^-OFFSET letters scores 0; the value is
# capped either side, so one character decides little alone.
_OFFSET = 4.5
HIGHEST = 2.0
LOWEST = -2.0
EAST_ASIAN_SCRIPTS = frozenset({"Han", "Hiragana", "Katakana", "Hangul", "Bopomofo"})


@functools.cache
def simplified() -> dict[int, int | str]:
    """wordfreq's table from traditional to simplified hanzi, as ``str.translate`` takes it."""
    from wordfreq.util import data_path

    msgpack: Any = importlib.import_module("msgpack")  # wordfreq's dependency, untyped
    with gzip.open(data_path("_chinese_mapping.msgpack.gz")) as handle:
        mapping = msgpack.load(handle, raw=False, strict_map_key=False)
    return {int(key): value for key, value in mapping.items()}


@functools.cache
def _log_frequencies(language: str) -> dict[str, float]:
    """The base-10 logarithm of each character's share of ``language``'s
    letters, built once per machine (:func:`~.words.kept_mapping`)."""
    from .words import kept_mapping

    return kept_mapping(
        f"east-asian-characters-{language}", 1, lambda: _built_log_frequencies(language)
    )


def _built_log_frequencies(language: str) -> dict[str, float]:
    from .words import top_words

    counts: dict[str, float] = {}
    for word, frequency in top_words(language, _WORDS):
        for ch in word:
            if script_of(ch) in EAST_ASIAN_SCRIPTS:
                counts[ch] = counts.get(ch, 0.0) + frequency
    total = sum(counts.values()) or 1.0
    return {ch: math.log10(count / total) for ch, count in counts.items()}


@functools.lru_cache(maxsize=65536)
def character_value(ch: str, language: str) -> float:
    """How plausible ``ch`` is in text of ``language`` (one of
    :data:`LANGUAGES`): from :data:`HIGHEST` for the commonest characters down to
    :data:`LOWEST` for those its words never write."""
    if language == TRADITIONAL:
        table = _log_frequencies("zh")
        found = table.get(ch)
        if found is None:
            found = table.get(ch.translate(simplified()))
    else:
        found = _log_frequencies(language).get(ch)
    if found is None:
        return LOWEST
    return max(LOWEST, min(HIGHEST, found + _OFFSET))


# The longest word looked for where East Asian characters run on without spaces.
_LONGEST_WORD = 6


def words_covered(text: str, language: str) -> float:
    """The share of the East Asian characters of ``text`` that fall in
    listed words of ``language`` (of two characters or more, or one after
    a number), read greedily from the left, the longest word first, or are
    kana. Text of the language is mostly
    such words; characters that are each common but were never written
    together (``醒谢谐邪研秆``, Cyrillic bytes read as GBK) are not.

    >>> words_covered("中国的研究", "zh") > 0.7 > words_covered("醒谢谐邪研秆", "zh")
    True
    """
    from .words import is_listed

    lang = "zh" if language == TRADITIONAL else language
    total = covered = 0
    for match in _EAST_ASIAN_RUN.finditer(text):
        run = match.group()
        if language == TRADITIONAL:
            run = run.translate(simplified())
        total += len(run)
        if len(run) == 1:
            # A character alone after a number is the counter or unit East
            # Asian text writes there (``1月、2月``, ``3월``): a word itself.
            after_number = text[match.start() - 1 : match.start()].isdigit()
            covered += after_number and is_listed(run, lang)
            continue
        index = 0
        while index < len(run):
            for size in range(min(_LONGEST_WORD, len(run) - index), 1, -1):
                if is_listed(run[index : index + size], lang):
                    covered += size
                    index += size
                    break
            else:
                # Kana spell what no list holds (names, sounds, endings), and
                # only a Japanese reading makes them: they are words enough.
                covered += _KANA.match(run[index]) is not None
                index += 1
    return covered / total if total else 0.0


# Full-width kana: half-width ones are what Shift_JIS makes of bytes A1-DF alone.
_KANA = regex.compile("[\u3041-\u30ff]")
_EAST_ASIAN_RUN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Bopomofo}]+")
