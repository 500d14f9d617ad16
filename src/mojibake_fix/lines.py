"""The line around a place in a text, and how far a word reaches.

Scraped documents join lines from many sources, so the evidence for a repair
is read from the line it is in, not from lines joined from elsewhere. A word
is read within :data:`WORD_REACH` of a site, and a long line in windows
around its sites (:func:`window_around`), so that the work of a site is
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

# Lines longer than this are read in windows around their sites, each
# reaching this far at most: what lies farther from a site tells nothing of
# it, and the whole line read again for every site would make the work grow
# faster than the text.
LONGEST_LINE = 4000
# How far a window reads beyond its core on either side.
MARGIN = 200
# The farthest a damaged word reaches from a site: the word lists hold no word
# of more than 32 letters, and a letter shows as three characters at most.
WORD_REACH = 96


def line_around(text: str, index: int) -> tuple[int, int]:
    """Where the line that holds ``text[index]`` starts and ends (before its ``\\n``)."""
    end = text.find("\n", index)
    return text.rfind("\n", 0, index) + 1, len(text) if end < 0 else end


def heads_a_line(text: str, index: int) -> bool:
    """Whether ``text[index]`` starts a line (the text's first, or one after
    a line break, ``\r`` of old Macs included)."""
    return index == 0 or text[index - 1] in "\n\r"


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


def window_around(
    text: str, start: int, end: int, at: int, reach: int = LONGEST_LINE // 2
) -> tuple[int, int]:
    """A window from ``start`` to ``end`` of a line that holds ``at``,
    ``reach`` characters at most on either side of it, its edges just after a space
    (or at the line's edges): no word is cut, and no window but the line's
    last ends where a character could have been cut short.

    >>> line = "word " * 2000
    >>> window_around(line, 0, len(line), 5003)
    (3005, 7000)
    """
    left, right = max(start, at - reach), min(end, at + reach)
    if left > start:
        space = text.find(" ", left, at)
        left = space + 1 if space >= 0 else left
    if right < end:
        space = text.rfind(" ", at, right)
        right = space + 1 if space >= 0 else right
    return left, right


def with_margin(text: str, start: int, end: int, core: tuple[int, int]) -> tuple[int, int]:
    """``core`` of the line from ``start`` to ``end`` widened by :data:`MARGIN`
    on either side, its edges just after a space as the core's are."""
    left, right = max(start, core[0] - MARGIN), min(end, core[1] + MARGIN)
    if left > start:
        space = text.find(" ", left, core[0])
        left = space + 1 if space >= 0 else core[0]
    if right < end:
        space = text.rfind(" ", core[1], right)
        right = space + 1 if space >= 0 else core[1]
    return left, right


def lines_within(
    text: str,
    start: int,
    end: int,
    reach: int,
    joins: Callable[[int, int], bool] = lambda start, end: True,
) -> tuple[int, int]:
    """Where the lines from ``start`` to ``end`` of ``text`` start and end
    with the whole lines around them within ``reach`` characters on either
    side, as far as each line ``joins`` (told where it starts and ends).

    >>> lines_within("a\\nbb\\nccc\\ndd", 5, 8, 3)
    (2, 11)
    """
    left, right = start, end
    while left > 0:
        before = text.rfind("\n", 0, left - 1) + 1
        if before < start - reach or not joins(before, left - 1):
            break
        left = before
    while right < len(text):
        after = text.find("\n", right + 1)
        after = len(text) if after < 0 else after
        if after > end + reach or not joins(right + 1, after):
            break
        right = after
    return left, right
