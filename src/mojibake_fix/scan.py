"""The one compiled scan that decides whether a text needs a closer look.

Every detector says where its trigger can match (:class:`~.detectors.Wake`):
the characters a match is anchored at and what must surround them. The scan
merges them into one pattern that starts with the union of those characters,
compiled once per set of detectors, so clean text costs a single pass of the
regular-expression engine and no Python loop over its characters. Only where
that pattern matches does a detector's exact test run.

>>> from mojibake_fix.detectors import select
>>> scan = scan_for(select())
>>> scan.looks_clean("Всё в порядке: l’été, Ärger, Ωραία."), scan.looks_clean("cafÃ©")
(True, False)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

from .detectors import Detector, Wake, first_confirmed, wake_pattern

# An exact test of a candidate: the anchor's pattern, and the detector's own test.
_Check = tuple[re.Pattern[str], Callable[[str, int], bool] | None]


@dataclass(frozen=True, slots=True)
class Scan:
    """The merged wakes of some detectors, and the patterns searched on
    their own: the triggers of detectors without a wake, and wakes that
    ask for a pass of their own. ``check_owners`` and ``trigger_owners``
    say which detectors (by position) each check and pattern wakes."""

    pattern: re.Pattern[str] | None
    checks: tuple[_Check, ...]
    triggers: tuple[_Check, ...]
    skips_ascii: bool
    check_owners: tuple[frozenset[int], ...] = ()
    trigger_owners: tuple[frozenset[int], ...] = ()
    # The ASCII characters without which a pure ASCII text is skipped.
    ascii_anchors: str = ""

    def _holds_an_ascii_anchor(self, text: str) -> bool:
        """Whether ``text``, pure ASCII, holds a character some detector
        that reads such text is anchored at."""
        return any(anchor in text for anchor in self.ascii_anchors)

    def looks_clean(self, text: str) -> bool:
        """True when none of the detectors could find anything in ``text``."""
        if self.skips_ascii and text.isascii() and not self._holds_an_ascii_anchor(text):
            return True
        pattern = self.pattern
        # Most texts hold no candidate at all: one search says so.
        if pattern is not None and (first := pattern.search(text)) is not None:
            for match in pattern.finditer(text, first.start()):
                for _ in self._fired(text, match):
                    return False
        for pattern, confirm in self.triggers:
            if first_confirmed(pattern, confirm, text) is not None:
                return False
        return True

    def woken(self, text: str) -> frozenset[int]:
        """The positions of the detectors that could find something in
        ``text``: only they need to look at it."""
        if self.skips_ascii and text.isascii() and not self._holds_an_ascii_anchor(text):
            return frozenset()
        fired: set[int] = set()
        if self.pattern is not None:
            waiting = set(range(len(self.checks)))
            for match in self.pattern.finditer(text):
                for number in self._fired(text, match, waiting):
                    waiting.discard(number)
                    fired.update(self.check_owners[number])
                if not waiting:
                    break
        for (pattern, confirm), owners in zip(self.triggers, self.trigger_owners, strict=True):
            if not owners <= fired and first_confirmed(pattern, confirm, text) is not None:
                fired.update(owners)
        return frozenset(fired)

    def _fired(
        self, text: str, match: re.Match[str], among: Collection[int] | None = None
    ) -> Iterator[int]:
        """The checks (among ``among``, or all) that fire where the merged
        pattern matched. The branch that matched names the first check whose
        anchor matches there, so only its exact test and later checks run."""
        index = match.start()
        first = int((match.lastgroup or "w0")[1:])
        for number in range(first, len(self.checks)):
            if among is not None and number not in among:
                continue
            anchor, confirm = self.checks[number]
            if number != first and anchor.match(text, index) is None:
                continue
            if confirm is None or confirm(text, index):
                yield number


def _merge(wakes: tuple[Wake, ...]) -> re.Pattern[str]:
    anchors = "".join(dict.fromkeys(wake.at for wake in wakes))
    # Each branch ends in an empty group named after its wake's check, so a
    # match tells which check's anchor matched first.
    branches = "|".join(
        f"(?<=[{wake.at}]){wake.around}(?P<w{number}>)" for number, wake in enumerate(wakes)
    )
    # Each match is its anchor alone, so that no candidate hides inside another.
    return re.compile(f"[{anchors}](?={branches})")


@functools.cache
def scan_for(detectors: tuple[Detector, ...]) -> Scan:
    """The scan for ``detectors``, each distinct wake and trigger once."""
    owners: dict[Wake | str, set[int]] = {}
    for position, detector in enumerate(detectors):
        for key in detector.wake() if detector.wake is not None else (detector.trigger(),):
            owners.setdefault(key, set()).add(position)
    # Wakes without an exact test first: where one of them matches, the text
    # is woken at once, and a candidate of a later wake is tested against
    # fewer anchors after it.
    wakes = sorted(
        (key for key in owners if isinstance(key, Wake) and key.at),
        key=lambda wake: wake.confirm is not None,
    )
    triggers = [key for key in owners if key not in wakes]
    return Scan(
        pattern=_merge(tuple(wakes)) if wakes else None,
        checks=tuple((wake_pattern(wake), wake.confirm) for wake in wakes),
        triggers=tuple(
            (wake_pattern(key), key.confirm) if isinstance(key, Wake) else (re.compile(key), None)
            for key in triggers
        ),
        skips_ascii=all(
            detector.needs_non_ascii or detector.ascii_anchors for detector in detectors
        ),
        ascii_anchors="".join(sorted({ch for d in detectors for ch in d.ascii_anchors})),
        check_owners=tuple(frozenset(owners[wake]) for wake in wakes),
        trigger_owners=tuple(frozenset(owners[key]) for key in triggers),
    )
