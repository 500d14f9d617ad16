"""ftfy's badness, asked where it can answer.

ftfy's ``BADNESS_RE`` is a long alternation whose branches start with large
character classes; on clean text in Cyrillic, Greek or Arabic its search
tries most branches at every letter, about 0.1 µs a character, and the clean
reading of a text is asked whether it still looks broken. Every branch holds
at least one character of a smaller set (C1 controls, the "bad" characters,
accented Latin letters, currency, numeric, legal and quotation marks, box
drawing, and the few its special cases name), and no branch's match starts
more than three characters before the first such character. So a text
without one is not bad, and a text with some is matched only at the few
starts before each: the same answer, asked of far less text.

>>> is_bad("Всё в порядке"), is_bad("cafÃ©"), is_bad("ÐŸÑ€Ð¸Ð²ÐµÑ‚")
(False, True, True)
"""

from __future__ import annotations

import functools
import re

from .short_texts import kept_for_short

# How far before the first character of the set a match of ``BADNESS_RE``
# may start (``ГўВЂ``: ``Ђ`` is the fourth).
_REACH = 3
# Matching at each start costs about what searching a few characters does:
# after this many characters of the set, fewer than one in this many
# characters apart, the search is asked.
_SPARSE_AFTER = 8
_SPARSE_GAP = 6


@functools.cache
def _may_be_bad() -> re.Pattern[str]:
    """One character class: the characters every match of ``BADNESS_RE`` holds one of."""
    from ftfy.badness import MOJIBAKE_CATEGORIES as kinds

    held = "".join(
        kinds[kind]
        for kind in (
            "c1",
            "bad",
            "lower_accented",
            "upper_accented",
            "currency",
            "numeric",
            "law",
            "start_punctuation",
            "end_punctuation",
            "box",
        )
    )
    # What the special cases name beyond those: ``Œ`` ``œ`` before a
    # non-letter, ``×²``, Arabic's ``ØÙ``, Windows-1251's ``вЂ``, and the
    # degree and micro signs between Cyrillic or Greek capitals.
    return re.compile(f"[{held}Œœ×ØÙЂ°µ]")


@kept_for_short(maxsize=1 << 10)  # each page that reads a title whole asks it again
def is_bad(text: str) -> bool:
    """``ftfy.badness.is_bad(text)``, asked only where a match can start:
    at most three characters before a character of the set. Where such
    characters stand close together (accented Latin) one search from the
    first left is as cheap, and is asked instead."""
    from ftfy.badness import BADNESS_RE

    tried = 0  # every start before this was tried
    for number, hit in enumerate(_may_be_bad().finditer(text)):
        at = hit.start()
        if number >= _SPARSE_AFTER and number * _SPARSE_GAP > at:
            return BADNESS_RE.search(text, max(tried, at - _REACH)) is not None
        for start in range(max(tried, at - _REACH), at + 1):
            if BADNESS_RE.match(text, start) is not None:
                return True
        tried = at + 1
    return False
