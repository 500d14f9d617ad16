"""U+FFFD REPLACEMENT CHARACTER: where an earlier decode lost data.

A decoder run with ``errors="replace"`` puts ``\\ufffd`` where it met bytes it
could not read; the bytes themselves are gone. This detector only reports
each run of them, so that the loss is visible in the report; it changes
nothing. Detectors that can recover a character from the bytes around a
U+FFFD (lossy mojibake such as ``Ð\\ufffd``) propose their own repairs, and
a report never stands in the way of a repair.

>>> from mojibake_fix import detect, fix
>>> [(f.start, f.end, f.replacement) for f in detect("caf\\ufffd\\ufffd au lait")]
[(3, 5, None)]
>>> fix("caf\\ufffd").text
'caf\\ufffd'
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Finding
from .base import Detector, Wake

DETECTOR_ID = "replacement-char"

_RUN_RE = re.compile("\ufffd+")


def find(text: str) -> Iterator[Finding]:
    for match in _RUN_RE.finditer(text):
        count = match.end() - match.start()
        yield Finding(
            start=match.start(),
            end=match.end(),
            detector=DETECTOR_ID,
            confidence=1.0,
            reason=(
                f"{count} U+FFFD replacement character{'s' if count > 1 else ''}: "
                "an earlier decode lost the original bytes here"
            ),
        )


REPLACEMENT_CHAR = Detector(
    id=DETECTOR_ID,
    summary="U+FFFD replacement characters: data lost by an earlier decode",
    find=find,
    trigger=lambda: "\ufffd",
    wake=lambda: (Wake(at="\ufffd"),),
    priority=90,
)
