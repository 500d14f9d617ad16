"""The line around a place in a text, and how far a word reaches.

Scraped documents join lines from many sources, so the evidence for a repair
is read from the line it is in, not from lines joined from elsewhere. A word
is read within :data:`WORD_REACH` of a site, so that the work of a site is
bounded whatever the text holds.

>>> text = "first\\nsecond\\nthird"
>>> start, end = line_around(text, 8)
>>> text[start:end]
'second'
>>> line_around(text, len(text) - 1)
(13, 18)
"""

from __future__ import annotations

from collections.abc import Callable

# The farthest a damaged word reaches from a site: the word lists hold no word
# of more than 32 letters, and a letter shows as three characters at most.
WORD_REACH = 96


def line_around(text: str, index: int) -> tuple[int, int]:
    """Where the line that holds ``text[index]`` starts and ends (before its ``\\n``)."""
    end = text.find("\n", index)
    return text.rfind("\n", 0, index) + 1, len(text) if end < 0 else end


def run_around(text: str, start: int, end: int, belongs: Callable[[str], bool]) -> tuple[int, int]:
    """Where the run of characters that ``belongs`` holding ``text[start:end]``
    starts and ends, read no farther than :data:`WORD_REACH` either side.

    >>> run_around("un café noir", 5, 6, str.isalpha)
    (3, 7)
    """
    left, right = start, end
    floor, ceiling = max(0, start - WORD_REACH), min(len(text), end + WORD_REACH)
    while left > floor and belongs(text[left - 1]):
        left -= 1
    while right < ceiling and belongs(text[right]):
        right += 1
    return left, right
