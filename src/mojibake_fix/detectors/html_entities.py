"""HTML entities left in plain text: ``caf&eacute;``, ``&#233;``, ``&amp;eacute;``.

What it catches: character references that a scraper copied out of HTML
without decoding them, including those escaped twice or more on the way
(``&amp;amp;eacute;`` is ``é`` escaped three times). Named references are
looked up in ftfy's table (the HTML5 names, plus all-caps Latin letters such
as ``P&EACUTE;REZ``); numeric ones decode as browsers do (``&#150;`` is
Windows-1252's ``–``).

How it avoids false positives: only well-formed references ending in a
semicolon are read, so ``AT&T``, ``&copy 2024``, ``this&not that`` and URL
query strings (``?a=1&b=2``) are left alone; a numeric reference to a
surrogate, a control or nothing is not decoded. Text that still looks like
markup (it has tags) keeps its entities: there they are intentional. Inside
a URL only escaped ampersands are decoded. The detector is off by default,
since text about HTML writes entities on purpose.

>>> from mojibake_fix import fix
>>> fix("caf&eacute; &amp;amp;eacute; &#233; AT&T", enable=["html-entities"]).text
'café é é AT&T'
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from ..model import Finding
from .base import Detector

DETECTOR_ID = "html-entities"

_TRIGGER = r"&(?:amp;)*#?[0-9A-Za-z]{1,24};"
_ENTITY_RE = re.compile(
    r"&((?:amp;)*)(#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});"
)
_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--|<!DOCTYPE", re.IGNORECASE)
_URL_RE = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)\S*|\S*\?\S*=\S*")


def _named(name: str) -> str | None:
    from ftfy.chardata import HTML_ENTITIES

    found: str | None = HTML_ENTITIES.get(f"&{name};")
    return found


def _numeric(reference: str) -> str | None:
    """The character of ``#233`` or ``#xE9``, or None for one that names no
    character text should contain."""
    code = int(reference[2:], 16) if reference[1] in "xX" else int(reference[1:])
    decoded = html.unescape(f"&{reference};")
    if decoded == "" or ";" in decoded:
        return None
    if decoded == "\ufffd" and code != 0xFFFD:
        return None  # a surrogate or beyond U+10FFFF
    if len(decoded) == 1 and decoded < " " and decoded not in "\t\n\r":
        return None
    return decoded


def _url_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _URL_RE.finditer(text)]


def find(text: str) -> Iterator[Finding]:
    markup = _TAG_RE.search(text) is not None
    urls: list[tuple[int, int]] | None = None
    for match in _ENTITY_RE.finditer(text):
        layers, reference = match.group(1).count("amp;") + 1, match.group(2)
        decoded = _numeric(reference) if reference.startswith("#") else _named(reference)
        if decoded is None:
            continue
        escaped = f"escaped {layers} times" if layers > 1 else "an HTML character reference"
        confidence, reason = 0.9, f"{escaped} left in plain text"
        if markup:
            confidence, reason = 0.35, f"{escaped}; the text looks like markup, where it is meant"
        elif reference not in ("amp", "AMP"):
            if urls is None:
                urls = _url_spans(text)
            if any(start <= match.start() < end for start, end in urls):
                confidence, reason = 0.35, f"{escaped} inside what looks like a URL"
        yield Finding(
            start=match.start(),
            end=match.end(),
            detector=DETECTOR_ID,
            confidence=confidence,
            reason=reason,
            replacement=decoded,
        )


HTML_ENTITIES = Detector(
    id=DETECTOR_ID,
    summary="HTML entities and character references left in plain text",
    find=find,
    trigger=lambda: _TRIGGER,
    enabled_by_default=False,
    priority=40,
    needs_non_ascii=False,
)
