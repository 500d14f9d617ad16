"""The UTF-8 byte order mark read through a single-byte code page: ``ï»¿``.

What it catches: a file saved as UTF-8 with a byte order mark (``EF BB BF``,
as Notepad and Excel write it) read by a program that did not expect one,
which shows the three bytes through its code page: ``ï»¿`` in Windows-1252
and Latin-1 at the head of CSV and JSON files, ``п»ї`` in Windows-1251,
``∩╗┐`` in cp437, ``Ôªø`` in Mac Roman, and read so twice or three times
(``Ã¯Â»Â¿``). The repair reads the bytes as the right decoder would have,
UTF-8 with a signature (``utf-8-sig``), each line as if it came alone (files
joined together, a line each): the mark at the head of a line is dropped,
one inside a line (a field of a CSV file that kept its file's) is U+FEFF, as
the text held it. A mark heading a line is the last thing done to the text, so
it is read first (the detector's ``outermost``): the rest, often mojibake of
the same page, is then read by the other detectors as if it had come
without it.

How it avoids false positives: only the three characters together are
read, as one page shows them; no language writes them side by side.

>>> from mojibake_fix import fix
>>> fix("ï»¿Name,Age").text
'Name,Age'
>>> fix("п»їРџСЂРёРІРµС‚").text
'Привет'
>>> fix('"ï»¿REF";"POLISH"').text
'"\ufeffREF";"POLISH"'
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..codepages import BYTE_ORDER_MARK, CODEC_NAMES, code_page
from ..lines import heads_a_line
from ..model import Finding
from .base import Detector, Wake

DETECTOR_ID = "utf8-byte-order-mark"

# How many times over a page may have read the mark: each reading of UTF-8
# through a page makes three characters of one, and three layers is as deep
# as mojibake is found.
_MOST_LAYERS = 3


@dataclass(frozen=True, slots=True)
class ShownMark:
    """The mark as ``page`` shows it, read ``layers`` times over."""

    text: str
    page: str
    layers: int


@functools.cache
def shown_marks() -> tuple[ShownMark, ...]:
    """Every way the pages the project reads show the mark, the deepest
    first (so that the longest wins where one form holds another), each
    form once, by the first page that shows it so.

    >>> [mark.text for mark in shown_marks() if mark.page == "cp1252"]
    ['ÃƒÂ¯Ã‚Â»Ã‚Â¿', 'Ã¯Â»Â¿', 'ï»¿']
    """
    seen: dict[str, ShownMark] = {}
    for name in CODEC_NAMES:
        shown_as = {byte: ch for ch, byte in code_page(name).byte_of.items()}
        raw = codecs.BOM_UTF8
        for layers in range(1, _MOST_LAYERS + 1):
            if any(byte >= 0x80 and byte not in shown_as for byte in raw):
                break
            text = "".join(shown_as.get(byte, chr(byte)) for byte in raw)
            seen.setdefault(text, ShownMark(text, name, layers))
            raw = text.encode("utf-8")
    return tuple(sorted(seen.values(), key=lambda mark: -len(mark.text)))


@functools.cache
def _pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(mark.text) for mark in shown_marks()))


@functools.cache
def _heading_a_line() -> re.Pattern[str]:
    return re.compile(f"^(?:{_pattern().pattern})", re.MULTILINE)


@functools.cache
def _by_text() -> dict[str, ShownMark]:
    return {mark.text: mark for mark in shown_marks()}


def find(text: str) -> Iterator[Finding]:
    return _found(text, _pattern())


def find_heading_a_line(text: str) -> Iterator[Finding]:
    """The marks that head a line: those a file read whole brought, which
    the engine removes before anything else reads the text. Asked of every
    text: a line alone is answered by its first character."""
    if text[:1] not in _first_characters() and "\n" not in text and "\r" not in text:
        return iter(())
    return _found(text, _heading_a_line())


@functools.cache
def _first_characters() -> frozenset[str]:
    return frozenset(mark.text[0] for mark in shown_marks())


def _found(text: str, pattern: re.Pattern[str]) -> Iterator[Finding]:
    for match in pattern.finditer(text):
        mark = _by_text()[match.group()]
        layers = f" ({mark.layers} layers)" if mark.layers > 1 else ""
        yield Finding(
            start=match.start(),
            end=match.end(),
            detector=DETECTOR_ID,
            confidence=0.99,
            reason=f"UTF-8 byte order mark read as {mark.page}{layers}",
            replacement="" if heads_a_line(text, match.start()) else BYTE_ORDER_MARK,
        )


def _wakes() -> tuple[Wake, ...]:
    """The marks read once, each anchored at its middle character (``»``,
    ``╗``, ``ª``): their first ones (``п``, ``Р``, ``ο``) are letters every
    line of some scripts is full of, which would stop the scan at each.
    A mark read more than once is mojibake the readers of UTF-8 wake on,
    and is found once they have read it."""
    once = [mark.text for mark in shown_marks() if mark.layers == 1]
    # One wake for all, so that the scan asks one more branch where it stops.
    around = "|".join(f"(?<={re.escape(text[:2])}){re.escape(text[2])}" for text in once)
    middles = "".join(sorted({text[1] for text in once}))
    return (Wake(at=re.escape(middles), around=f"(?:{around})"),)


UTF8_BYTE_ORDER_MARK = Detector(
    id=DETECTOR_ID,
    summary="the UTF-8 byte order mark shown through a code page (ï»¿, п»ї, ∩╗┐)",
    find=find,
    trigger=lambda: _pattern().pattern,
    wake=_wakes,
    priority=20,
    outermost=find_heading_a_line,
)
