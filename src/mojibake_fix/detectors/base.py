"""What a detector is: an id, a trigger, and a function from text to findings."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Finding


@dataclass(frozen=True, slots=True)
class WholeReading:
    """A repair of a whole text at once that left every ASCII character as
    it was and turned each run of other characters into the run at the same
    place in ``text``: one change per run."""

    text: str
    detector: str
    confidence: float
    reason: str


# A stretch of a text that a reader explains whole: where it starts and
# ends, and how it reads.
Stretch = tuple[int, int, WholeReading]


@dataclass(frozen=True, slots=True)
class Wake:
    """Where a detector's trigger can match, in a form the scan can merge
    with the other detectors' into one pattern that starts with a single
    character class, which the regular-expression engine skips through fast.

    ``at`` is the body of that class (the characters a match is anchored at),
    ``around`` a pattern that must match right after the anchor (it may look
    behind, the anchor included), and ``confirm``, when given, an exact test
    of a candidate anchor for what a pattern cannot say cheaply. Everything a
    trigger matches must pass, so that no text the detector could repair is
    let through. With ``at`` empty, ``around`` is a pattern searched in a pass
    of its own: for a trigger that is fast alone (a choice between literal
    characters) and slow merged; ``confirm`` then tests where a match starts.
    """

    at: str
    around: str = ""
    confirm: Callable[[str, int], bool] | None = None


@functools.cache
def wake_pattern(wake: Wake) -> re.Pattern[str]:
    """``wake`` on its own: its anchor and what surrounds it, or its pattern
    when it asks for a pass of its own."""
    return re.compile(f"[{wake.at}]{wake.around}" if wake.at else wake.around)


def first_confirmed(
    pattern: re.Pattern[str],
    confirm: Callable[[str, int], bool] | None,
    text: str,
    start: int = 0,
) -> int | None:
    """Where ``pattern`` first matches in ``text`` at or after ``start`` and
    ``confirm``, if given, confirms the match's start; ``None`` if nowhere."""
    first = pattern.search(text, start)
    if first is None or confirm is None:
        return None if first is None else first.start()
    return next(
        (m.start() for m in pattern.finditer(text, first.start()) if confirm(text, m.start())),
        None,
    )


@dataclass(frozen=True, slots=True)
class Detector:
    """One family of damage.

    ``trigger`` returns a regular expression (source text) that matches
    somewhere in every text the detector could find anything in; the engine
    combines all triggers into the one scan that lets clean text through
    untouched. ``priority`` breaks ties between equally confident findings:
    lower wins. ``needs_non_ascii`` says that pure ASCII text can never
    trigger it, which lets the scan skip such text outright; where it can,
    ``ascii_anchors`` may name the ASCII characters such a text must hold
    (NUL, for UTF-16 read as an 8-bit page), which the scan then looks for
    alone. ``wake``, when
    given, returns how the scan looks for the trigger in one pass shared with
    the other detectors; without it the trigger gets a pass of its own. Both
    are functions so that their tables are built on first use, not on import.
    ``read_whole``, when given, is a shortcut for the commonest case: it
    returns the repair of a text the detector explains from end to end
    beyond any doubt (what ``find`` would find, and what no other detector
    could outrank), or ``None`` to let the detectors judge the text.
    A detector looks only at the texts its own wake or trigger matches.
    ``find_repaired``, when given, is ``find`` for a text
    that earlier passes repaired, with the text as it came: for a detector
    that judges the damage by what the whole text shows, evidence a repair
    removed. ``read_around_losses``, when given, is ``read_whole`` for a text
    the detector explains but for bytes that were lost: its findings leave
    the words that lost bytes as they came, and stand in the first pass for
    every detector that reads whole texts, while the others judge the text
    as it came. ``read_stretches``, when given, is ``read_whole`` for each
    stretch of a text between characters the detector's reading cannot
    have made: where no reader explains the whole text, each stretch one
    explains is read as a text of its own (start, end, reading).
    ``read_whole_after``, when given, is ``read_whole`` asked only of a
    text as it came where no reader of whole texts nor of their parts read
    it: a reading judged by the evidence of the whole text, that needs no
    other detector's judgement where it explains every character beyond
    ASCII (the others would run in vain on a page of Russian shown in
    Latin-1). ``could_make``, when given, says whether the detector's reading could
    have made a word (``True``), could not have made it nor damaged text
    beside it (``False``), or cannot tell (``None``): the engine reads a
    text pieced together from parts that different readings made one part
    at a time. ``outermost``, when given, finds the repairs that undo the
    last thing done to a text (a byte order mark heading a file read through
    the wrong page, UTF-16 read as an 8-bit page): the engine makes them
    before any other reading, and repairs the text beneath as if it had come
    so. It is asked of every text the scan wakes, so it must be cheap where
    it finds nothing.
    """

    id: str
    summary: str
    find: Callable[[str], Iterable[Finding]]
    trigger: Callable[[], str]
    enabled_by_default: bool = True
    priority: int = 50
    needs_non_ascii: bool = True
    ascii_anchors: str = ""
    wake: Callable[[], tuple[Wake, ...]] | None = None
    read_whole: Callable[[str], WholeReading | None] | None = None
    find_repaired: Callable[[str, str], Iterable[Finding]] | None = None
    read_around_losses: Callable[[str], tuple[Finding, ...]] | None = None
    read_stretches: Callable[[str], tuple[Stretch, ...]] | None = None
    could_make: Callable[[str], bool | None] | None = None
    read_whole_after: Callable[[str], WholeReading | None] | None = None
    outermost: Callable[[str], Iterable[Finding]] | None = None
