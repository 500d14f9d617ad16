"""The one compiled scan that decides whether a text needs a closer look.

Every detector names a trigger: a pattern that matches somewhere in any text
it could find something in. The scan is their union, compiled once per set of
detectors, so clean text costs a single pass of the regular-expression engine
and no Python loop over its characters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .detectors import Detector


@dataclass(frozen=True, slots=True)
class Scan:
    """The compiled union of some detectors' triggers, and of their cheaper
    prefilters: most clean text fails the prefilter and is done."""

    prefilter: re.Pattern[str] | None
    pattern: re.Pattern[str] | None
    skips_ascii: bool

    def looks_clean(self, text: str) -> bool:
        """True when none of the detectors could find anything in ``text``."""
        if self.pattern is None or self.prefilter is None:
            return True
        if self.skips_ascii and text.isascii():
            return True
        first = self.prefilter.search(text)
        return first is None or self.pattern.search(text, first.start()) is None


def _union(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in dict.fromkeys(patterns)))


@functools.cache
def scan_for(detectors: tuple[Detector, ...]) -> Scan:
    """The scan for ``detectors``, each distinct trigger once."""
    if not detectors:
        return Scan(prefilter=None, pattern=None, skips_ascii=True)
    return Scan(
        prefilter=_union((d.prefilter or d.trigger)() for d in detectors),
        pattern=_union(d.trigger() for d in detectors),
        skips_ascii=all(detector.needs_non_ascii for detector in detectors),
    )
