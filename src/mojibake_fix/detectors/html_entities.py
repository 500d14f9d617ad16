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

import bisect
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
_WORD_RE = re.compile(r"\S+")
# A scheme (``https://``) read from the start of a run of scheme characters only, so
# that a long run of letters is read once, not once from each of its letters.
_SCHEME_RE = re.compile(r"(?<![A-Za-z0-9+.-])[0-9+.-]*([A-Za-z][A-Za-z0-9+.-]*)://")


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
    """Where the text looks like a URL: a word with a query (``?`` then ``=``) whole, or
    from a scheme (``https://``) or ``www.`` to the end of the word; in order, apart.

    Word by word, each read once: one pattern such as ``\\S*\\?\\S*=\\S*`` would try
    every split of a run of ``?`` from every start, cubic time in the run.
    """
    spans: list[tuple[int, int]] = []
    for word in _WORD_RE.finditer(text):
        start, end = word.span()
        query = text.find("?", start, end)
        if query >= 0 and text.find("=", query + 1, end) >= 0:
            spans.append((start, end))
            continue
        scheme = _SCHEME_RE.search(text, start, end)
        www = text.find("www.", start, end)
        url_starts = [found for found in (www,) if found >= 0]
        if scheme is not None:
            url_starts.append(scheme.start(1))
        if url_starts:
            spans.append((min(url_starts), end))
    return spans


def _inside(position: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``position`` lies in one of ``spans`` (in order, apart; ``starts`` theirs)."""
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and position < spans[index][1]


def find(text: str) -> Iterator[Finding]:
    markup = _TAG_RE.search(text) is not None
    urls: list[tuple[int, int]] | None = None
    url_starts: list[int] = []
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
                url_starts = [start for start, _ in urls]
            if _inside(match.start(), urls, url_starts):
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
