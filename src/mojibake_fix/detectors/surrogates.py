"""UTF-16 surrogates left in a ``str``: ``'\\ud83d\\ude00'`` for ``'😀'``.

What it catches: a character beyond U+FFFF stored as its two UTF-16 code
units (from JSON written by a UTF-16 system, Java or JavaScript strings, or a
``surrogatepass`` decode). A high surrogate followed by a low one is exactly
one character, so the pair is joined.

A lone surrogate means nothing by itself: it is reported, never changed.
When it is one of the low surrogates U+DC80–U+DCFF that Python's
``surrogateescape`` uses for undecodable bytes, the report offers the
Windows-1252 reading of those bytes as an alternative.

>>> from mojibake_fix import fix
>>> fix("smile \\ud83d\\ude00").text
'smile 😀'
>>> result = fix("caf\\udce9")
>>> result.text == "caf\\udce9", [f.reason for f in result.findings]
(True, ['lone UTF-16 surrogate: 1 undecodable byte kept by surrogateescape'])
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate, Finding
from .base import Detector, Wake

DETECTOR_ID = "utf16-surrogates"

_TRIGGER = r"[\ud800-\udfff]"
# A pair, or a run of surrogates none of which starts a pair.
_SURROGATE_RE = re.compile(
    r"(?P<pair>[\ud800-\udbff][\udc00-\udfff])"
    r"|(?:[\udc00-\udfff]|[\ud800-\udbff](?![\udc00-\udfff]))+"
)
_ESCAPED_BYTES_RE = re.compile(r"[\udc80-\udcff]+")


def _join(high: str, low: str) -> str:
    return chr(0x10000 + ((ord(high) - 0xD800) << 10) + (ord(low) - 0xDC00))


def _lone(text: str, start: int, end: int) -> Iterator[Finding]:
    """Findings for a run of surrogates that pair with nothing."""
    position = start
    for match in _ESCAPED_BYTES_RE.finditer(text, start, end):
        if match.start() > position:
            yield _unpaired(position, match.start())
        raw = bytes(ord(ch) - 0xDC00 for ch in match.group())
        count = len(raw)
        yield Finding(
            start=match.start(),
            end=match.end(),
            detector=DETECTOR_ID,
            confidence=1.0,
            reason=(
                f"lone UTF-16 surrogate: {count} undecodable byte"
                f"{'s' if count > 1 else ''} kept by surrogateescape"
            ),
            alternatives=(Candidate(raw.decode("cp1252", errors="replace"), 0.5),),
        )
        position = match.end()
    if position < end:
        yield _unpaired(position, end)


def _unpaired(start: int, end: int) -> Finding:
    return Finding(
        start=start,
        end=end,
        detector=DETECTOR_ID,
        confidence=1.0,
        reason="lone UTF-16 surrogate: half of a character, the other half is lost",
    )


def find(text: str) -> Iterator[Finding]:
    for match in _SURROGATE_RE.finditer(text):
        if match.group("pair"):
            pair = match.group()
            yield Finding(
                start=match.start(),
                end=match.end(),
                detector=DETECTOR_ID,
                confidence=0.99,
                reason="UTF-16 surrogate pair stored as two characters",
                replacement=_join(pair[0], pair[1]),
            )
        else:
            yield from _lone(text, match.start(), match.end())


UTF16_SURROGATES = Detector(
    id=DETECTOR_ID,
    summary="UTF-16 surrogate pairs stored as two characters; lone surrogates",
    find=find,
    trigger=lambda: _TRIGGER,
    wake=lambda: (Wake(at="\ud800-\udfff"),),
    priority=40,
)
