"""UTF-16 read as an 8-bit page: ``H\\x00e\\x00l\\x00l\\x00o\\x00``.

What it catches: a file saved as UTF-16 (Windows' "Unicode" text, Excel's
"Unicode text" export, PowerShell's redirected output) read as Latin-1 or
Windows-1252, two characters for each one: the character's low byte and its
high byte, which is NUL for ASCII and Latin-1 and the block's number for the
other alphabets (``\\x1f\\x04`` is ``П``), after ``ÿþ`` where the file began
with its byte order mark (``FF FE``, little-endian; ``þÿ`` big-endian). The
bytes are read again as UTF-16, the mark dropped as a UTF-16 decoder drops
it.

How it avoids false positives: clean text holds no NUL. Where two NULs
stand at places of one parity (the high bytes of one byte order), the units
from the first of them to the last are read in each byte order, and
beyond them only over more of the same text (letters of its scripts, and
the punctuation between them); every character read must be one text uses,
and of the readings the one that makes letters and glues fewest of two
scripts together is taken (a reading one byte off makes letters too).

>>> from mojibake_fix import fix
>>> fix("ÿþH\\x00e\\x00l\\x00l\\x00o\\x00 \\x00w\\x00o\\x00r\\x00l\\x00d\\x00").text
'Hello world'
>>> fix("Name: " + "Zoë Müller".encode("utf-16-le").decode("latin-1") + ".").text
'Name: Zoë Müller.'
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..charclass import is_common, is_letter, script_group, script_of
from ..codepages import BYTE_ORDER_MARK, western_bytes, western_characters
from ..lines import heads_a_line
from ..model import Finding
from .base import Detector, Wake

DETECTOR_ID = "utf16-as-8bit"

NUL = "\x00"
_LEAST_NULS = 2
_LEAST_LETTERS = 2
# Under this many NULs, a pair of them standing alike by chance is likelier.
_FEW_NULS = 4
_ORDERS = ("utf-16-le", "utf-16-be")


@dataclass(frozen=True, slots=True)
class Reading:
    """Units ``start`` to ``end`` of a stretch's bytes read in ``order``."""

    start: int
    end: int
    text: str
    order: str

    @property
    def fit(self) -> int:
        """Letters read, less twice the letters glued to one of another
        script: a reading one byte off still makes letters, but pairs a
        character's high byte with the next one's low byte, and glues the
        Latin letters of the units holding NULs into words of another script
        (``ОбилнияBР`` for ``Обилният с``)."""
        letters = sum(map(is_letter, self.text))
        glued = sum(
            1
            for left, right in itertools.pairwise(self.text)
            if is_letter(left)
            and is_letter(right)
            and script_group(script_of(left)) != script_group(script_of(right))
        )
        return letters - 2 * glued


@functools.cache
def _stretch() -> re.Pattern[str]:
    """A run of characters that Latin-1 or Windows-1252 shows for a byte."""
    return re.compile(f"[{western_characters()}]{{4,}}")


def _common(text: str) -> bool:
    return all(is_common(ch) or ch == BYTE_ORDER_MARK for ch in text)


def _read(raw: bytes, nuls: list[int], order: str) -> Reading | None:
    """The units of ``raw`` from the first holding a NUL to the last, in
    ``order``, grown over what reads as more of the same text on either
    side (:func:`_grown`); ``None`` where they do not read as text."""
    high_first = order == "utf-16-be"
    first = nuls[0] - (0 if high_first else 1)
    last = nuls[-1] + (2 if high_first else 1)
    if first < 0 or last > len(raw):
        return None
    try:
        text = raw[first:last].decode(order)
    except UnicodeDecodeError:
        return None
    if not _common(text):
        return None
    scripts = {script_group(script_of(ch)) for ch in text if is_letter(ch)}
    first -= _grown(raw[:first][::-1], order, scripts, reverse=True)
    last += _grown(raw[last:], order, scripts, reverse=False)
    return Reading(first, last, raw[first:last].decode(order), order)


def _grown(side: bytes, order: str, scripts: set[str], reverse: bool) -> int:
    """How many bytes of ``side`` (the bytes before the reading, nearest
    first, with ``reverse``; or after it) read as more of its text: letters
    of the scripts it reads, the byte order mark, and the punctuation and
    digits between them (``…``, ``”``); not what only punctuation follows
    (two ASCII spaces beside the reading make ``†``, and ASCII letters make
    Han letters: ``Na`` is ``慎``)."""
    grown = pending = 0
    while pending + grown < len(side):
        at = grown + pending
        ch, width = _unit(side, at, order, reverse)
        if ch is None:
            break
        if ch == BYTE_ORDER_MARK or (is_letter(ch) and script_group(script_of(ch)) in scripts):
            grown, pending = at + width, 0
        elif is_letter(ch):
            break
        else:
            pending += width
    return grown


def _unit(side: bytes, at: int, order: str, reverse: bool) -> tuple[str | None, int]:
    """The character of the unit of ``side`` at ``at`` (four bytes beyond the
    BMP) and its width; ``None`` where it is no character text uses."""
    for width in (2, 4):
        unit = side[at : at + width]
        if len(unit) < width:
            break
        try:
            ch = (unit[::-1] if reverse else unit).decode(order)
        except UnicodeDecodeError:
            continue
        if len(ch) == 1 and (is_common(ch) or ch == BYTE_ORDER_MARK):
            return ch, width
        break
    return None, 0


def _reading(stretch: str) -> Reading | None:
    """The reading of ``stretch`` that fits best, of both byte orders with
    the NULs of either parity as high bytes (``一`` is U+4E00: Han and
    Hangul letters put NULs at the other parity now and then); ``None``
    where none reads it."""
    nuls = [index for index, ch in enumerate(stretch) if ch == NUL]
    raw = western_bytes(stretch)
    if raw is None:
        return None
    readings = [
        reading
        for parity in (1, 0)
        if len(kept := [index for index in nuls if index % 2 == parity]) >= _LEAST_NULS
        for order in _ORDERS
        if (reading := _read(raw, kept, order)) is not None
    ]
    # The first of those that fit alike: little-endian, as Windows writes it.
    best = max(readings, key=lambda reading: reading.fit, default=None)
    return best if best is not None and best.fit >= _LEAST_LETTERS else None


def find(text: str) -> Iterator[Finding]:
    if NUL not in text:
        return
    for match in _stretch().finditer(text):
        stretch = match.group()
        count = stretch.count(NUL)
        if count < _LEAST_NULS:
            continue
        reading = _reading(stretch)
        if reading is None:
            continue
        start = match.start() + reading.start
        repaired = reading.text
        if heads_a_line(text, start):
            # The mark heads the file, which a UTF-16 decoder drops.
            repaired = repaired.removeprefix(BYTE_ORDER_MARK)
        yield Finding(
            start=start,
            end=match.start() + reading.end,
            detector=DETECTOR_ID,
            confidence=0.99 if count >= _FEW_NULS else 0.9,
            reason=f"{reading.order.upper()} read as an 8-bit page",
            replacement=repaired,
        )


UTF16_AS_8BIT = Detector(
    id=DETECTOR_ID,
    summary="UTF-16 read as Latin-1 or Windows-1252 (H\\x00e\\x00l\\x00l\\x00o\\x00)",
    find=find,
    trigger=lambda: "\\x00",
    wake=lambda: (Wake(at="\\x00"),),
    priority=20,
    needs_non_ascii=False,
    ascii_anchors=NUL,
    outermost=find,
)
