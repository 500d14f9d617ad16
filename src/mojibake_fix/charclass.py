"""What kind of character this is: its script, and whether modern text uses it.

A repair that produces a rare character (an archaic Cyrillic letter, a Latin
Extended-B letter in English prose, a private-use code point) is almost never
what the author wrote; a repair that produces a letter of the script around it
almost always is. These small judgements are shared by the detectors.

>>> script_of("é"), script_of("Ж"), script_of("中"), script_of("—")
('Latin', 'Cyrillic', 'Han', 'Common')
>>> is_common("é"), is_common("ə"), is_common("Ѩ"), is_common("\\ue000")
(True, True, False, False)
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata

# (first, last, script, common): ranges in order. Characters outside every
# range are rare and of no particular script.
_RANGES: tuple[tuple[int, int, str, bool], ...] = (
    (0x0000, 0x001F, "Control", False),
    (0x0020, 0x0040, "Common", True),
    (0x0041, 0x005A, "Latin", True),
    (0x005B, 0x0060, "Common", True),
    (0x0061, 0x007A, "Latin", True),
    (0x007B, 0x007E, "Common", True),
    (0x007F, 0x009F, "Control", False),
    (0x00A0, 0x00BF, "Common", True),
    (0x00C0, 0x00D6, "Latin", True),
    (0x00D7, 0x00D7, "Common", True),
    (0x00D8, 0x00F6, "Latin", True),
    (0x00F7, 0x00F7, "Common", True),
    (0x00F8, 0x0137, "Latin", True),
    (0x0138, 0x0138, "Latin", False),  # kra: Greenlandic before 1973
    (0x0139, 0x0148, "Latin", True),
    (0x0149, 0x0149, "Latin", False),  # ŉ: deprecated
    (0x014A, 0x017E, "Latin", True),
    (0x017F, 0x017F, "Latin", False),  # long s: archaic
    (0x0180, 0x019F, "Latin", False),
    (0x01A0, 0x01A1, "Latin", True),  # Vietnamese ơ
    (0x01A2, 0x01AE, "Latin", False),
    (0x01AF, 0x01B0, "Latin", True),  # Vietnamese ư
    (0x01B1, 0x01CC, "Latin", False),
    (0x01CD, 0x01DC, "Latin", True),  # Pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
    (0x01DD, 0x0217, "Latin", False),
    (0x0218, 0x021B, "Latin", True),  # Romanian ș ț
    (0x021C, 0x024F, "Latin", False),
    (0x0250, 0x02AF, "Latin", False),  # IPA
    (0x02B0, 0x02FF, "Common", False),  # spacing modifiers: ʼ ˆ ˜ are listed below
    (0x0300, 0x036F, "Inherited", False),  # the common ones are listed below
    (0x0370, 0x0383, "Greek", False),
    (0x0384, 0x03CE, "Greek", True),
    (0x03CF, 0x03FF, "Greek", False),
    (0x0400, 0x045F, "Cyrillic", True),
    (0x0460, 0x048F, "Cyrillic", False),
    (0x0490, 0x04FF, "Cyrillic", True),  # Ukrainian ґ, Kazakh, Tatar, ...
    (0x0500, 0x052F, "Cyrillic", False),
    (0x0531, 0x058F, "Armenian", True),
    (0x0591, 0x05F4, "Hebrew", True),
    (0x0600, 0x06FF, "Arabic", True),
    (0x0900, 0x097F, "Devanagari", True),
    (0x0980, 0x09FF, "Bengali", True),
    (0x0A00, 0x0A7F, "Gurmukhi", True),
    (0x0A80, 0x0AFF, "Gujarati", True),
    (0x0B00, 0x0B7F, "Oriya", True),
    (0x0B80, 0x0BFF, "Tamil", True),
    (0x0C00, 0x0C7F, "Telugu", True),
    (0x0C80, 0x0CFF, "Kannada", True),
    (0x0D00, 0x0D7F, "Malayalam", True),
    (0x0D80, 0x0DFF, "Sinhala", True),
    (0x0E00, 0x0E7F, "Thai", True),
    (0x0E80, 0x0EFF, "Lao", True),
    (0x0F00, 0x0FFF, "Tibetan", True),
    (0x1000, 0x109F, "Myanmar", True),
    (0x10A0, 0x10FF, "Georgian", True),
    (0x1100, 0x11FF, "Hangul", False),
    (0x1200, 0x137F, "Ethiopic", True),
    (0x13A0, 0x13FF, "Cherokee", True),
    (0x1400, 0x167F, "Canadian_Aboriginal", True),
    (0x1780, 0x17FF, "Khmer", True),
    (0x1C50, 0x1C7F, "Ol_Chiki", True),
    (0x1E00, 0x1EFF, "Latin", True),  # Vietnamese
    (0x1F00, 0x1FFF, "Greek", True),  # polytonic
    (0x2000, 0x206F, "Common", True),
    (0x2070, 0x209F, "Common", True),
    (0x20A0, 0x20C0, "Common", True),
    (0x20D0, 0x20FF, "Inherited", False),
    (0x2100, 0x23FF, "Common", True),
    (0x2400, 0x24FF, "Common", False),
    (0x2500, 0x27BF, "Common", True),
    (0x27C0, 0x2BFF, "Common", False),
    (0x2D30, 0x2D7F, "Tifinagh", True),
    (0x2E00, 0x2E7F, "Common", False),
    (0x3000, 0x3004, "Common", True),
    # The iteration marks and the ideographic zero (``々 〆 〇``) are Han.
    (0x3005, 0x3007, "Han", True),
    (0x3008, 0x303F, "Common", True),
    (0x3040, 0x309F, "Hiragana", True),
    (0x30A0, 0x30FF, "Katakana", True),
    (0x3100, 0x312F, "Bopomofo", True),
    (0x3130, 0x318F, "Hangul", True),
    (0x3200, 0x32FF, "Common", True),
    # Squared abbreviations (``㍀``) and CJK Extension A: kept for old
    # encodings and rare names, not written in today's text.
    (0x3300, 0x33FF, "Common", False),
    (0x3400, 0x4DBF, "Han", False),
    (0x4E00, 0x9FFF, "Han", True),
    (0xAC00, 0xD7A3, "Hangul", True),
    (0xD800, 0xDFFF, "Surrogate", False),
    (0xE000, 0xF8FF, "Private", False),
    (0xF900, 0xFAFF, "Han", True),
    (0xFB00, 0xFB06, "Latin", True),  # ligatures (ﬁ, ﬂ) that text taken from PDFs keeps
    (0xFB07, 0xFB4F, "Common", False),
    (0xFE00, 0xFE0F, "Inherited", True),  # variation selectors (emoji)
    (0xFE30, 0xFE4F, "Common", True),
    (0xFF00, 0xFFEF, "Common", True),
    (0x1F000, 0x1FAFF, "Common", True),  # emoji and pictographs
    (0x20000, 0x2FA1F, "Han", True),
    (0xE0020, 0xE007F, "Inherited", True),  # emoji tag sequences
)
_STARTS = tuple(first for first, _, _, _ in _RANGES)
# A C1 control, which text does not write: where one stands, bytes were
# read with a page that shows them so.
C1_CONTROL = re.compile("[\x80-\x9f]")
# A run of characters beyond ASCII: the unit of a change, of a word's damage.
NON_ASCII_RUN = re.compile("[^\x00-\x7f]+")
_COMMON_MODIFIERS = frozenset("ʹʻʼʾʿˆˇˈˊˋˌː˘˙˚˛˜˝")
# Letters of Latin Extended-B and IPA that living orthographies write:
# Azerbaijani ``ə``, Akan, Ewe, Lingala and Bambara ``ɛ ɔ``, Hausa and Fula
# ``ɓ ɗ ƙ ƴ``, Ewe ``ɖ ƒ ɣ ʋ``, Songhay ``ɲ``, Skolt Sámi ``ǧ ǩ ʒ``, Lakota ``ȟ``,
# Yoruba ``ǹ`` (the letters CLDR's names of languages, territories, months and
# days use in each locale's own language). Small letters only, and Azerbaijani
# ``Ə``: the other capitals are what stray mojibake of Chinese and Japanese text
# that lost bytes decodes to (``Æ`` and a lost byte read as ``Ɗ``).
_LIVING_LATIN_LETTERS = frozenset("Əƒƙƴǝǧǩǯǹȟɓɔɖɗəɛɣɨɩɲʉʊʋʒʔꞌ")
# Combining marks that decomposed (NFD) text in living languages uses, and
# the low line and stroke overlays that posts use to underline and strike
# out (``$̶6̶3̶``).
_COMMON_COMBINING = frozenset(
    chr(code)
    for code in (
        *range(0x0300, 0x030D),
        0x030F,
        0x0311,
        *range(0x0323, 0x032A),
        0x0331,
        0x0332,
        0x0335,
        0x0336,
    )
)


def _range_of(ch: str) -> tuple[int, int, str, bool] | None:
    code = ord(ch)
    index = bisect.bisect_right(_STARTS, code) - 1
    if index < 0:
        return None
    entry = _RANGES[index]
    return entry if code <= entry[1] else None


@functools.cache
def characters_of(scripts: frozenset[str]) -> re.Pattern[str]:
    """One character of ``scripts``: a scan for them in C, where asking
    :func:`script_of` of every character of a text would loop in Python.

    >>> characters_of(frozenset({"Han", "Hiragana"})).findall("Tokyo 東京 とうきょう")
    ['東', '京', 'と', 'う', 'き', 'ょ', 'う']
    """
    ranges = "".join(
        f"{re.escape(chr(first))}-{re.escape(chr(last))}"
        for first, last, script, _ in _RANGES
        if script in scripts
    )
    return re.compile(f"[{ranges}]" if ranges else "(?!)")


@functools.lru_cache(maxsize=8192)
def script_of(ch: str) -> str:
    """A coarse script name; 'Common' for punctuation, digits and symbols.

    >>> script_of("々"), script_of("、"), script_of("ー")
    ('Han', 'Common', 'Katakana')
    """
    entry = _range_of(ch)
    return entry[2] if entry else "Other"


# Scripts one language writes together in its words, by the one they count as.
_WRITTEN_TOGETHER = {"Hiragana": "Han", "Katakana": "Han"}


def script_group(script: str) -> str:
    """The script ``script`` counts as where words mix scripts: Japanese
    writes kana and kanji in one word.

    >>> script_group("Katakana"), script_group("Cyrillic")
    ('Han', 'Cyrillic')
    """
    return _WRITTEN_TOGETHER.get(script, script)


@functools.lru_cache(maxsize=8192)
def is_common(ch: str) -> bool:
    """Whether modern text in some language plausibly uses ``ch``."""
    if ch in "\t\n\r\ufffd":  # U+FFFD: what text shows where bytes were lost
        return True
    if ch in _COMMON_MODIFIERS or ch in _COMMON_COMBINING or ch in _LIVING_LATIN_LETTERS:
        return True
    entry = _range_of(ch)
    if entry is None or not entry[3]:
        return False
    return unicodedata.category(ch) != "Cn"


@functools.lru_cache(maxsize=8192)
def is_letter(ch: str) -> bool:
    """A letter or a combining mark: part of a word."""
    return unicodedata.category(ch)[0] in "LM"
