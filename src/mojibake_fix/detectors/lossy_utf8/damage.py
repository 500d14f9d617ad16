"""The damage a text shows: which bytes it lost, and whether it shows any at all.

A text that kept a byte elsewhere cannot have lost it at a site, so what the
whole text shows decides which readings a site may take.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...codepages import CodePage, code_page
from ...context.candidates import (
    LONE_PUNCTUATION_LEAD,
    MARKERS,
    STRIPPED_C1,
    UNDEFINED_CP1252,
    continuation_bytes,
    spaces_are_spaces,
)
from .sequences import demojibake, has_whole_sequence
from .wakes import in_a_written_word, trigger_re

# Windows-1252 characters for bytes 80-9F right after a lead: the text went
# through Windows-1252, so only its five undefined bytes can have been lost.
_CP1252_EVIDENCE = re.compile("[\xc2-\xf4][\xa0-\xbf]?[€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")
# Windows-1252's undefined bytes kept as C1 controls (a lenient decode): the
# text did not lose them.
KEPT_UNDEFINED = re.compile("[\x81\x8d\x8f\x90\x9d]")


@dataclass(frozen=True, slots=True)
class Damage:
    """What the damage can have done to this text, judged by what it shows
    intact: the bytes it may have lost, and whether no-break spaces became
    spaces."""

    lost: frozenset[int]
    nbsp: bool
    cp1252: bool
    # Whether the text shows whole sequences of mojibake: without them a lone
    # ``ð`` is the letter eth, not an emoji that lost three bytes.
    mojibake: bool = True
    # Whether every sequence short of bytes shows a marker for them: the bytes
    # were replaced, so a ``?`` after one is a marker.
    replaced: bool = False

    @classmethod
    def of(cls, text: str) -> Damage:
        cp1252 = _CP1252_EVIDENCE.search(text) is not None
        if KEPT_UNDEFINED.search(text):
            lost: frozenset[int] = frozenset()
        elif cp1252:
            lost = UNDEFINED_CP1252 | _lost_by_pages_alike(text)
        else:
            lost = STRIPPED_C1
        return cls(
            lost=lost,
            nbsp=not spaces_are_spaces(text),
            cp1252=cp1252,
            mojibake=has_whole_sequence(text),
            replaced=_bytes_replaced(text),
        )

    @property
    def models(self) -> tuple[str, ...]:
        """The damaged-word models that delete bytes, likeliest first."""
        if not self.lost:
            return ("marked",)  # only where a marker shows
        return ("undefined",) if self.cp1252 else ("c1", "undefined")


def _lost_by_pages_alike(text: str) -> frozenset[int]:
    """The bytes that a page showing the text as Windows-1252 does leaves
    undefined, where that page may have read it: the text holds none of the
    characters Windows-1252 shows for the bytes the page reads otherwise,
    and what it spells holds letters the page has and Windows-1252 lacks,
    those of the languages it serves (Windows-1254 drops the ``9E`` of
    ``Ş``, ``C5 9E``, in Turkish text that spells ``ı``)."""
    lost: set[int] = set()
    spelled: str | None = None
    for page, differing, own_letters in _pages_alike():
        if differing.intersection(text):
            continue
        if spelled is None:
            spelled = demojibake(text)
        if own_letters.intersection(spelled):
            lost.update(page.undefined)
    return frozenset(lost)


@functools.cache
def _pages_alike() -> tuple[tuple[CodePage, frozenset[str], frozenset[str]], ...]:
    """The Western pages other than Windows-1252, each with the characters
    Windows-1252 shows for the high bytes it reads otherwise, and the
    letters it has that Windows-1252 lacks."""
    western = code_page("cp1252")
    shown = {byte: ch for ch, byte in western.byte_of.items()}
    alike = []
    for name in ("cp1254",):
        page = code_page(name)
        own = {byte: ch for ch, byte in page.byte_of.items()}
        differing = frozenset(
            ch for byte, ch in shown.items() if byte >= 0x80 and own.get(byte) != ch
        )
        letters = frozenset(ch for ch in page.byte_of if ch.isalpha() and ch not in western.byte_of)
        alike.append((page, differing, letters))
    return tuple(alike)


def _bytes_replaced(text: str) -> bool:
    """Whether the sequences of ``text`` short of bytes all show a marker after
    what is left of them (``â€?``, ``ì�´``): the damage replaced bytes rather
    than dropping them, as far as the text shows."""
    conts = continuation_bytes()
    marked = 0
    for match in trigger_re().finditer(text):
        end = match.end()
        while end < len(text) and text[end] in conts:
            end += 1
        if end >= len(text) or (end == match.start() + 1 and text[end] == " "):
            continue  # cut at the end, or before a space that may be its byte: tells nothing
        if text[end] not in MARKERS and not any(ch in MARKERS for ch in match.group()):
            return False
        marked += 1
    return marked > 0


def shows_damage(text: str, damage: Damage) -> bool:
    """Whether ``text`` shows mojibake besides a lone emoji lead, which may
    be the letter ``ð``: a whole sequence, or a lone ``â`` glued to a word
    that is not written with it (``âunacceptableâ``, a quotation whose marks
    lost two bytes each). Standing alone, ``â`` is the letter (``â and î``)."""
    return damage.mojibake or any(
        text[start] == LONE_PUNCTUATION_LEAD
        and _touches_a_letter(text, start)
        and not in_a_written_word(text, start)
        for start in (match.start() for match in trigger_re().finditer(text))
    )


def _touches_a_letter(text: str, start: int) -> bool:
    return text[max(start - 1, 0) : start].isalpha() or text[start + 1 : start + 2].isalpha()
