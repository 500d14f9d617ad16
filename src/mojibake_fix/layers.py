"""Outer layers first: text that was read once more as Latin-1 or
Windows-1252 on top of whatever damage it already had.

Every hop that reads UTF-8 with the wrong code page wraps the text in one
more layer, and the layers need not use the same page: ``ÄŒeÅ¡tina``
(``Čeština`` read as Windows-1252) read again as Latin-1 is
``Ã\\x84Å\\x92eÃ\\x85Â¡tina``. Judged whole, with any one page all the way
down, the wrong page can win (ISO-8859-15 has ``Œ`` too). Peeling the outer
layer first leaves the text as the hop before it left it, which the
detectors then judge as if it had come that way.

A stretch is peeled when, like ftfy's whole-text step, it looks broken
(ftfy's badness) and every non-ASCII character of it maps back to bytes that
decode as UTF-8. Stretches end at characters the page cannot show, so an
unrelated line in another script beside the damage changes nothing.

>>> peel_layer("Ã\\x84Å\\x92eÃ\\x85Â¡tina").text
'ÄŒeÅ¡tina'
>>> peel_layer("ÄŒeÅ¡tina") is None  # the last layer: the detectors' job
True
>>> peel_layer("Offering 5×£35 pin ups") is None  # looks as people write
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .badness import is_bad
from .charclass import C1_CONTROL
from .codepages import CODEC_NAMES, code_page, cut_from_more, stretch_pattern, utf8_of
from .model import Change, DeferredChanges, changes_by_runs

# The pages an outer layer is read with, most common first: Windows-1252
# shows every character Latin-1 does, as the same byte.
CP1252 = "cp1252"
OUTER_PAGES = (CP1252, "latin-1")
# More layers than this are never seen in the wild; it bounds the work.
MOST_LAYERS = 4
CONFIDENCE = 0.99


@dataclass(frozen=True, slots=True)
class Peeled:
    """A text one layer down, and the changes from the text as it came."""

    text: str
    changes: Sequence[Change]


@functools.cache
def _shown_otherwise(name: str, other: str) -> re.Pattern[str]:
    """The characters pages ``name`` and ``other`` show differently (one
    shows them and the other does not, or as another byte): a text holding
    none is peeled by both alike (Windows-1252 and Latin-1 differ only in
    ``€``, the curly quotes and the like, and the C1 controls)."""
    mine, theirs = code_page(name).byte_of, code_page(other).byte_of
    differ = sorted(ch for ch in mine.keys() | theirs.keys() if mine.get(ch) != theirs.get(ch))
    return re.compile("[" + "".join(re.escape(ch) for ch in differ) + "]")


def _peel_stretch(
    stretch: str, beneath: str, page: str, whole: bool, clean: Callable[[str], bool]
) -> str | None:
    """``beneath``, what ``stretch`` decodes to, when both look broken;
    ``None`` otherwise. Where the text beneath looks clean this was the last
    layer, which the detectors judge against every other page."""
    if not is_bad(stretch):
        return None
    # C1 controls are no text: a whole text with some, whose UTF-8 explains
    # every one and that no other page reads otherwise, was read so for sure
    # even where the text beneath looks clean; the detectors then judge that
    # text as it is rather than read on into it (``SELKÄ\xa0`` is no ``Ġ``).
    # A part of a text is not peeled so: the rest may show another page.
    # (Asked first: a single layer, the common case, is then settled without
    # reading all of the clean text beneath for badness.)
    if whole and C1_CONTROL.search(stretch) and _read_alike(stretch, beneath, page):
        return beneath
    return beneath if not clean(beneath) and is_bad(beneath) else None


def _read_alike(stretch: str, beneath: str, page: str) -> bool:
    """Whether every code page that can show ``stretch`` reads it as UTF-8
    the same way as ``page``, as ``beneath``."""
    shown: set[str] | None = None
    for name in _pages_showing(frozenset(C1_CONTROL.findall(stretch))):
        if name == page or not _shown_otherwise(page, name).search(stretch):
            continue  # the same bytes
        shown = set(stretch) if shown is None else shown
        if not shown <= _shows(name):
            continue  # one set test spares a codec call that fails
        raw = code_page(name).encode(stretch)
        if raw is not None and utf8_of(raw) not in (None, beneath):
            return False
    return True


@functools.cache
def _shows(name: str) -> frozenset[str]:
    """Every character code page ``name`` shows, ASCII included."""
    return frozenset(map(chr, range(0x80))) | code_page(name).byte_of.keys()


@functools.lru_cache(maxsize=256)
def _pages_showing(controls: frozenset[str]) -> tuple[str, ...]:
    """The code pages that show every one of ``controls``: the only ones
    that can show a stretch holding them."""
    return tuple(name for name in CODEC_NAMES if controls <= code_page(name).byte_of.keys())


def _nothing_clean(text: str) -> bool:
    return False


def peel_layer(
    text: str,
    pages: tuple[str, ...] = OUTER_PAGES,
    min_confidence: float = 0.0,
    clean: Callable[[str], bool] = _nothing_clean,
) -> Peeled | None:
    """``text`` with its outer layer in one of ``pages`` removed, or ``None``
    when no stretch of it has one (or ``min_confidence`` asks for more than
    a peel is sure of). The changes, one per run of non-ASCII characters,
    are worked out when someone looks at them. A text beneath that
    ``clean`` finds clean (the scan of the caller's detectors) was the
    last layer, however ftfy's badness would find it."""
    if min_confidence > CONFIDENCE:
        return None
    read_whole = False
    for number, name in enumerate(pages):
        if read_whole or any(
            not _shown_otherwise(name, tried).search(text) for tried in pages[:number]
        ):
            # Read as a page already tried, which found no layer; or that
            # page read the whole text as UTF-8 (a narrower page's stretches
            # lie inside it, between ASCII, and read as the same bytes).
            continue
        page = code_page(name)
        pieces: list[str] = []
        position = 0
        read_whole = name == CP1252
        for stretch in stretch_pattern(name).finditer(text):
            if cut_from_more(text, stretch.start(), stretch.end()):
                read_whole = False
                continue
            # ASCII bytes end every UTF-8 sequence, so the stretch decodes
            # whole exactly when each of its runs does: one codec call tells,
            # and clean text fails it at its first run.
            raw = page.encode(stretch.group())
            beneath = None if raw is None else utf8_of(raw)
            if beneath is None:
                read_whole = False
                continue
            beneath = _peel_stretch(
                stretch.group(),
                beneath,
                name,
                stretch.start() == 0 and stretch.end() == len(text),
                clean,
            )
            if beneath is not None:
                pieces += [text[position : stretch.start()], beneath]
                position = stretch.end()
        if pieces:
            peeled = "".join([*pieces, text[position:]])
            build = functools.partial(
                changes_by_runs,
                text,
                peeled,
                f"utf8-as-{name}",
                CONFIDENCE,
                f"UTF-8 read as {name}",
            )
            return Peeled(peeled, DeferredChanges(build))
    return None
