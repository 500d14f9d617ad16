"""Where an offset is, counted three ways: code points, UTF-8 bytes, line:column.

Offsets are found in one pass over the text however many there are, so a report
on a 100 MB file with many changes stays linear. Lines end at "\\n" only; the
column is 1-based and counts code points. A lone surrogate counts three bytes,
as UTF-8 with ``surrogatepass`` encodes it.

>>> spots = locate("café\\nnaïve", [3, 7, 10])
>>> spots[3]
Position(offset=3, byte=3, line=1, column=4)
>>> spots[7]
Position(offset=7, byte=8, line=2, column=3)
>>> spots[10].byte == len("café\\nnaïve".encode())
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Position:
    """One place in a text: code point offset, UTF-8 byte offset, 1-based line and column."""

    offset: int
    byte: int
    line: int
    column: int


def utf8_length(text: str) -> int:
    """The number of bytes ``text`` takes in UTF-8 (a lone surrogate takes three)."""
    return len(text.encode("utf-8", "surrogatepass"))


def locate(text: str, offsets: Iterable[int]) -> dict[int, Position]:
    """The :class:`Position` of each of ``offsets`` (code point offsets into ``text``)."""
    positions: dict[int, Position] = {}
    previous = 0
    byte = 0
    line = 1
    last_newline = -1
    for offset in sorted(set(offsets)):
        if not 0 <= offset <= len(text):
            raise ValueError(f"offset {offset} is outside the text (length {len(text)})")
        stretch = text[previous:offset]
        byte += utf8_length(stretch)
        newlines = stretch.count("\n")
        if newlines:
            line += newlines
            last_newline = previous + stretch.rfind("\n")
        positions[offset] = Position(offset, byte, line, offset - last_newline)
        previous = offset
    return positions
