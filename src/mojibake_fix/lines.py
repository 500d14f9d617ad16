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

# The farthest a damaged word reaches from a site: the word lists hold no word
# of more than 32 letters, and a letter shows as three characters at most.
WORD_REACH = 96


def line_around(text: str, index: int) -> tuple[int, int]:
    """Where the line that holds ``text[index]`` starts and ends (before its ``\\n``)."""
    end = text.find("\n", index)
    return text.rfind("\n", 0, index) + 1, len(text) if end < 0 else end
