"""The one compiled scan that decides whether a text needs a closer look.

Every detector names a trigger: a pattern that matches somewhere in any text
it could find something in. The scan is their union, compiled once per set of
detectors, so clean text costs a single pass of the regular-expression engine
and no Python loop over its characters.
"""

from __future__ import annotations

import functools
import re

from .detectors import Detector


@functools.cache
def _compiled(triggers: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{trigger})" for trigger in triggers))


def suspect_pattern(detectors: tuple[Detector, ...]) -> re.Pattern[str]:
    """The union of the triggers of ``detectors``."""
    return _compiled(tuple(detector.trigger() for detector in detectors))


def looks_clean(text: str, detectors: tuple[Detector, ...]) -> bool:
    """True when no detector in ``detectors`` could find anything in ``text``."""
    if not detectors:
        return True
    if text.isascii() and all(d.needs_non_ascii for d in detectors):
        return True
    return suspect_pattern(detectors).search(text) is None
