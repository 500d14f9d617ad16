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
def _simplified() -> dict[int, int | str]:
    """wordfreq's table from traditional to simplified hanzi, as ``str.translate`` takes it."""
    from wordfreq.util import data_path

    msgpack: Any = importlib.import_module("msgpack")  # wordfreq's dependency, untyped
    with gzip.open(data_path("_chinese_mapping.msgpack.gz")) as handle:
        mapping = msgpack.load(handle, raw=False, strict_map_key=False)
    return {int(key): value for key, value in mapping.items()}


@functools.cache
def _log_frequencies(language: str) -> dict[str, float]:
    """The base-10 logarithm of each character's share of ``language``'s letters."""
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
            found = table.get(ch.translate(_simplified()))
    else:
        found = _log_frequencies(language).get(ch)
    if found is None:
        return LOWEST
    return max(LOWEST, min(HIGHEST, found + _OFFSET))
