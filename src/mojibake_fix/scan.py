"""The one compiled scan that decides whether a text needs a closer look.

Every detector names a trigger: a pattern that matches somewhere in any text
it could find something in. The scan is their union, compiled once per set of
detectors, so clean text costs a single pass of the regular-expression engine
and no Python loop over its characters.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .detectors import Detector


@dataclass(frozen=True, slots=True)
class Scan:
    """The compiled union of some detectors' triggers."""

    pattern: re.Pattern[str] | None
    skips_ascii: bool

    def looks_clean(self, text: str) -> bool:
        """True when none of the detectors could find anything in ``text``."""
        if self.pattern is None or (self.skips_ascii and text.isascii()):
            return True
        return self.pattern.search(text) is None


@functools.cache
def scan_for(detectors: tuple[Detector, ...]) -> Scan:
    """The scan for ``detectors``, each distinct trigger once."""
    if not detectors:
        return Scan(pattern=None, skips_ascii=True)
    triggers = dict.fromkeys(detector.trigger() for detector in detectors)
    return Scan(
        pattern=re.compile("|".join(f"(?:{trigger})" for trigger in triggers)),
        skips_ascii=all(detector.needs_non_ascii for detector in detectors),
    )
