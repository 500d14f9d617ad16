"""The registry of detectors, by id.

>>> [d.id for d in DETECTORS][:1]
['utf8-as-cp1252']
"""

from __future__ import annotations

from collections.abc import Iterable

from .base import Detector
from .utf8_misread import UTF8_AS_CP1252

DETECTORS: tuple[Detector, ...] = (UTF8_AS_CP1252,)


def detector_ids() -> tuple[str, ...]:
    return tuple(detector.id for detector in DETECTORS)


def select(enable: Iterable[str] = (), disable: Iterable[str] = ()) -> tuple[Detector, ...]:
    """The default detectors, plus those in ``enable``, less those in ``disable``.

    Raises ``ValueError`` for an id no detector has, so a typo never silently
    turns a detector off.
    """
    enable, disable = frozenset(enable), frozenset(disable)
    unknown = (enable | disable) - set(detector_ids())
    if unknown:
        raise ValueError(f"unknown detector id(s): {', '.join(sorted(unknown))}")
    return tuple(
        detector
        for detector in DETECTORS
        if (detector.enabled_by_default or detector.id in enable) and detector.id not in disable
    )


__all__ = ["DETECTORS", "Detector", "detector_ids", "select"]
