"""Which characters a damaged UTF-8 sequence could have been.

UTF-8 read as Latin-1 or Windows-1252 shows each byte as one character. When
some of those characters are lost on the way (C1 controls deleted, bytes that
Windows-1252 leaves undefined dropped or turned into ``?`` or U+FFFD, a no-break
space made a plain space, the end of a field cut off), what is left is a lead
byte without all the continuation bytes it announces. A *site* is such a lead
with the continuation characters that did survive; its *readings* are every
character whose UTF-8 bytes agree with them, the lost bytes filled in from the
set the damage could have removed.

>>> site = parse_site("Biden \\u00e2will", 6, STRIPPED_C1)
>>> site.end, len(site.readings) > 20
(7, True)
>>> "\\u201c" in {r.text for r in site.readings}
True
>>> sorted(r.text for r in parse_site("W\\u00c5adys", 1, UNDEFINED_CP1252).readings)
['Ł', 'ō', 'ŏ', 'Ő', 'ŝ']
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from ..charclass import is_common, script_of
from ..codepages import code_page
from .words import LANGUAGES_BY_SCRIPT, spelled_with_alphabet

# Bytes a damage step removes: every C1 control after a Latin-1 decode, or only
# the five that Windows-1252 leaves undefined.
STRIPPED_C1 = frozenset(range(0x80, 0xA0))
UNDEFINED_CP1252 = frozenset((0x81, 0x8D, 0x8F, 0x90, 0x9D))
ANY_CONTINUATION = frozenset(range(0x80, 0xC0))

# Two-byte leads that may stand alone (their Latin-1 bytes): the no-break space
# (C2), Latin letters (C3-C5, and C8 for Romanian ș ț), Greek (CE CF), Cyrillic
# (D0 D1), Hebrew (D7), Arabic (D8 D9). Of the three-byte leads only E2
# (general punctuation) may lose both continuation bytes and still be judged:
# the others are common letters on their own (``ã``, ``é``).
LEADS = "ÂÃÄÅÈÎÏÐÑ×ØÙ"
LONE_PUNCTUATION_LEAD = "â"

# Characters standing in for one byte that could not be decoded.
MARKERS = "?\ufffd"

# A character showing a continuation byte (80-BF) read as Latin-1 or
# Windows-1252, as a regular-expression class.
SHOWN_CONTINUATION = "[\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]"
# A lead with a no-break space among its bytes, kept (``ì\xa0€``); a sequence
# cut short right before the next one, which lost a byte that was no space.
_KEPT_NO_BREAK_SPACE = re.compile(f"[\xc2-\xf4]{SHOWN_CONTINUATION}?\xa0")
_SHORT_BEFORE_A_LEAD = re.compile(f"(?:[\xe0-\xef]{SHOWN_CONTINUATION}|[\xc3-\xdf])(?=[\xc2-\xf4])")


@functools.lru_cache(maxsize=2)
def spaces_are_spaces(text: str) -> bool:
    """Whether the damage ``text`` shows rules out no-break spaces turned
    into spaces: it kept its no-break spaces, or it lost bytes that were no
    space (then a space after a short sequence is a space too: Thai ``à¸ ``
    is ``ก`` and a space, not ``ภ``).

    >>> spaces_are_spaces("Ð Ð¸Ð¼"), spaces_are_spaces("à¸à¸£à¸¸ à¸")
    (False, True)

    Each code page's detector asks it of the same text: the answer is kept
    for the last two texts.
    """
    if "\xa0" in text and _KEPT_NO_BREAK_SPACE.search(text):
        return True
    return _SHORT_BEFORE_A_LEAD.search(text) is not None


@dataclass(frozen=True, slots=True)
class Reading:
    """One character the damaged bytes could have been, and the span it replaces."""

    text: str
    end: int
    lost: int
    # Whether the reading takes the field's last byte for a no-break space
    # (A0) that stripping the field's whitespace removed (``voilÃ``).
    space_stripped: bool = False


@dataclass(frozen=True, slots=True)
class Site:
    """A lead byte that lost some of its continuation bytes."""

    start: int
    end: int
    readings: tuple[Reading, ...]


def sequence_length(lead: int) -> int:
    """How many bytes a UTF-8 sequence with this lead byte has (0: no lead)."""
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    return 4 if 0xF0 <= lead <= 0xF4 else 0


@functools.cache
def continuation_bytes() -> dict[str, int]:
    """Characters that stand for a continuation byte (80-BF) in Windows-1252
    or Latin-1."""
    page = code_page("cp1252")
    return {ch: byte for ch, byte in page.byte_of.items() if 0x80 <= byte <= 0xBF}


@functools.cache
def _fillings(
    lead: int, slots: tuple[int | None, ...], missing: int, lost: frozenset[int]
) -> tuple[str, ...]:
    """Characters of ``lead`` + continuation bytes where ``slots`` are the
    survivors in order (``None``: a marker, any of the five undefined bytes)
    and ``missing`` more bytes of ``lost`` went anywhere among them."""
    total = len(slots) + missing
    found: dict[str, None] = {}
    marker_bytes = sorted(UNDEFINED_CP1252)
    for positions in itertools.combinations(range(total), missing):
        choices: list[list[int]] = []
        survivors = iter(slots)
        for index in range(total):
            if index in positions:
                choices.append(sorted(lost))
            else:
                survivor = next(survivors)
                choices.append(marker_bytes if survivor is None else [survivor])
        for tail in itertools.product(*choices):
            try:
                char = bytes((lead, *tail)).decode("utf-8")
            except UnicodeDecodeError:
                continue
            if is_common(char) and char not in found:
                found[char] = None
    return tuple(found)


def parse_site(
    text: str,
    start: int,
    lost: frozenset[int],
    *,
    nbsp: bool = True,
    named: Collection[str] = (),
) -> Site | None:
    """The site whose lead is ``text[start]``, or ``None`` when its bytes are
    all there (plain mojibake, another detector's job) or it is no lead.
    ``lost`` may be empty (the text keeps every byte it could have lost) and
    ``nbsp`` false (it keeps its no-break spaces): what the text shows intact
    elsewhere is not what its damage removed.

    A four-byte character that lost two or more bytes has too many readings
    to judge (over a thousand where C1 controls were stripped): it is read
    only as one of the characters ``named`` (emoji the text speaks of)."""
    lead = code_page("cp1252").byte_of.get(text[start])
    if lead is None:
        return None
    length = sequence_length(lead)
    if not length:
        return None
    conts = continuation_bytes()
    slots: list[int | None] = []
    position = start + 1
    while len(slots) < length - 1 and position < len(text):
        ch = text[position]
        if ch in conts:
            slots.append(conts[ch])
        elif ch in MARKERS:
            slots.append(None)
        else:
            break
        position += 1
    missing = length - 1 - len(slots)
    if missing == 0 and None not in slots:
        return None
    at_end = position >= len(text)
    if (
        at_end
        and missing
        and (
            _starts_a_common_character(lead, tuple(slots))
            or (length == 2 and _whole_elsewhere(text, start))
        )
    ):
        # Cut at the end of the field: the character is gone; only its
        # dangling bytes remain, and dropping them is the repair.
        # When only Windows-1252's undefined bytes go missing, the end of a
        # closing quotation (``â€`` for ``”``) looks the same; where C1
        # controls were stripped, so does a lone ``â`` (the judge tells).
        cut = Reading("", position, missing)
        if missing > 1 and length == 4:
            rest = _named_readings(lead, tuple(slots), missing, lost, position, named)
        elif lost != STRIPPED_C1 or text[start] == LONE_PUNCTUATION_LEAD:
            rest = _readings(lead, tuple(slots), missing, lost, position)
        else:
            rest = []
        if missing == 1:
            # Or whole, but for a last byte A0 that ``strip()`` took for the
            # no-break space it shows as (``voilà`` is ``voilÃ\xa0``).
            stripped = _readings(lead, (*slots, 0xA0), 0, lost, position)
            rest += [replace(reading, space_stripped=True) for reading in stripped]
        return Site(start=start, end=position, readings=(cut, *rest))
    if missing > 1 and length == 4:
        agreeing = _named_readings(lead, tuple(slots), missing, lost, position, named)
        return Site(start, position, tuple(agreeing)) if agreeing else None
    readings: list[Reading] = []
    readings += _readings(lead, tuple(slots), missing, lost, position)
    # A trailing marker may be a real "?" after a stripped byte, but not
    # one a word goes on after (``Ñ?Ð»`` is a marker inside ``сл``).
    while (
        slots
        and slots[-1] is None
        and text[position - 1] == "?"
        and not (position < len(text) and text[position].isalpha())
    ):
        slots.pop()
        position -= 1
        missing += 1
        readings += _readings(lead, tuple(slots), missing, lost, position)
    if nbsp and missing and not at_end and text[position] == " ":
        # A no-break space (A0) that became a plain space.
        readings += _readings(lead, (*slots, 0xA0), missing - 1, lost, position + 1)
    if not readings:
        return None
    return Site(start=start, end=max(r.end for r in readings), readings=tuple(readings))


@functools.cache
def _starts_a_common_character(lead: int, slots: tuple[int | None, ...]) -> bool:
    """Whether the bytes shown can begin a character in use: a cut leaves the
    first bytes of one (``â¦`` at the end is ``…`` that lost its middle
    byte, not a cut math bracket ``⦀``; ``É`` closing ``esÉ`` would be an
    IPA letter ``ɀ``-``ɿ``, which no language the lists know writes)."""
    shown = [slot for slot in slots if slot is not None]
    if len(shown) < len(slots):
        return True  # a marker stands for a byte it does not show
    missing = sequence_length(lead) - 1 - len(shown)
    for tail in itertools.product(range(0x80, 0xC0), repeat=missing):
        try:
            char = bytes((lead, *shown, *tail)).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if is_common(char) and _written_somewhere(char):
            return True
    return False


def _whole_elsewhere(text: str, start: int) -> bool:
    """Whether ``text`` shows the two-byte lead at ``start`` whole elsewhere,
    with a continuation byte after it: then the text writes the characters
    that lead begins (Azerbaijani ``É™``, ``ə``), however rare elsewhere."""
    return re.search(re.escape(text[start]) + SHOWN_CONTINUATION, text[:start]) is not None


def _written_somewhere(char: str) -> bool:
    """Whether a language the lists know writes ``char``: any character but
    a letter; a letter of a script no language of the lists writes; or a
    letter of one of those languages' alphabets (a text that writes a rarer
    one shows it: :func:`_whole_elsewhere`)."""
    if not char.isalpha():
        return True
    languages = LANGUAGES_BY_SCRIPT.get(script_of(char))
    return not languages or any(spelled_with_alphabet(char, lang) for lang in languages)


def _named_readings(
    lead: int,
    slots: tuple[int | None, ...],
    missing: int,
    lost: frozenset[int],
    end: int,
    named: Collection[str],
) -> list[Reading]:
    lost_count = missing + slots.count(None)
    return [
        Reading(char, end, lost_count) for char in sorted(named) if _agrees(char, lead, slots, lost)
    ]


def _agrees(char: str, lead: int, slots: tuple[int | None, ...], lost: frozenset[int]) -> bool:
    """Whether ``char``'s UTF-8 bytes are ``lead`` and ``slots`` in order
    (a marker standing for an undefined byte), the others bytes of ``lost``."""
    encoded = char.encode("utf-8")
    if encoded[0] != lead:
        return False
    survivors = list(slots)
    for byte in encoded[1:]:
        if survivors and (
            survivors[0] == byte or (survivors[0] is None and byte in UNDEFINED_CP1252)
        ):
            survivors.pop(0)
        elif byte not in lost:
            return False
    return not survivors


def _readings(
    lead: int, slots: tuple[int | None, ...], missing: int, lost: frozenset[int], end: int
) -> list[Reading]:
    lost_count = missing + sum(slot is None for slot in slots)
    return [Reading(char, end, lost_count) for char in _fillings(lead, slots, missing, lost)]
