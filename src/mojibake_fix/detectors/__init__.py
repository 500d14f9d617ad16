"""The registry of detectors, by id.

>>> [d.id for d in DETECTORS][:1]
['utf8-as-cp1252']
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from .base import Detector, Wake, WholeReading, first_confirmed, wake_pattern
from .byte_order_marks import UTF8_BYTE_ORDER_MARK
from .c1_controls import C1_CONTROLS
from .cjk_legacy import CJK_LEGACY
from .html_entities import HTML_ENTITIES
from .legacy_codepage import LEGACY_CODEPAGE
from .lossy_utf8 import LOSSY_UTF8
from .replacement_char import REPLACEMENT_CHAR
from .surrogates import UTF16_SURROGATES
from .utf8_misread import UTF8_AS_CP1252, UTF8_AS_LATIN_1, UTF8_AS_OTHER_CODE_PAGES
from .utf16_bytes import UTF16_AS_8BIT

DETECTORS: tuple[Detector, ...] = (
    UTF8_AS_CP1252,
    UTF8_AS_LATIN_1,
    *UTF8_AS_OTHER_CODE_PAGES,
    C1_CONTROLS,
    UTF8_BYTE_ORDER_MARK,
    UTF16_AS_8BIT,
    HTML_ENTITIES,
    UTF16_SURROGATES,
    REPLACEMENT_CHAR,
    LOSSY_UTF8,
    LEGACY_CODEPAGE,
    CJK_LEGACY,
)


def detector_ids() -> tuple[str, ...]:
    return tuple(detector.id for detector in DETECTORS)


def select(enable: Iterable[str] = (), disable: Iterable[str] = ()) -> tuple[Detector, ...]:
    """The default detectors, plus those in ``enable``, less those in ``disable``.

    Raises ``ValueError`` for an id no detector has, so a typo never silently
    turns a detector off.
    """
    return _select(frozenset(enable), frozenset(disable))


@functools.cache
def _select(enable: frozenset[str], disable: frozenset[str]) -> tuple[Detector, ...]:
    unknown = (enable | disable) - set(detector_ids())
    if unknown:
        raise ValueError(f"unknown detector id(s): {', '.join(sorted(unknown))}")
    return tuple(
        detector
        for detector in DETECTORS
        if (detector.enabled_by_default or detector.id in enable) and detector.id not in disable
    )


__all__ = [
    "DETECTORS",
    "Detector",
    "Wake",
    "WholeReading",
    "detector_ids",
    "first_confirmed",
    "select",
    "wake_pattern",
]
