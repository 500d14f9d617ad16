"""Text shown so that invisible characters can be seen, and read back exactly.

A change often replaces characters a reader cannot see (C1 controls, zero-width
spaces, no-break spaces). ``escape`` writes each of them as a Python-style
escape and doubles backslashes, so the form is unambiguous and ``unescape``
gives back the very code points, lone surrogates included (JSON cannot: a
parser joins two escaped surrogates into one character).

>>> escape("â€\\x9d")
'â€\\\\x9d'
>>> print(escape("a\\u200bb\\u00a0c\\\\"))
a\\u200bb\\xa0c\\\\
>>> unescape(escape("\\ud83d\\ude00 \\\\x9d")) == "\\ud83d\\ude00 \\\\x9d"
True
"""

from __future__ import annotations

import re
from functools import cache

_ESCAPE_SEQUENCE = re.compile(r"\\(\\|x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8})")
_SURROGATE = re.compile("[\ud800-\udfff]")


@cache
def _escaped_char(ch: str) -> str:
    if ch == "\\":
        return "\\\\"
    if ch.isprintable():
        return ch
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def escape(text: str) -> str:
    """``text`` with backslashes doubled and non-printable characters escaped."""
    return "".join(_escaped_char(ch) for ch in text)


def unescape(shown: str) -> str:
    """The text that :func:`escape` turned into ``shown``."""

    def replace(match: re.Match[str]) -> str:
        body = match.group(1)
        return "\\" if body == "\\" else chr(int(body[1:], 16))

    return _ESCAPE_SEQUENCE.sub(replace, shown)


_MAYBE_INVISIBLE = re.compile(r"[^\t\n -~]")


def _visible_char(match: re.Match[str]) -> str:
    ch = match.group()
    if ch.isprintable():
        return ch
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def visible(text: str) -> str:
    """``text`` for display: each invisible character (controls, C1, no-break
    and zero-width spaces, lone surrogates) as a ``\\u00a0``-style escape, tabs
    and line ends kept. Unlike :func:`escape` it leaves backslashes alone, so it
    cannot be read back: a diff line, an HTML page.

    >>> print(visible("a\\x00b\\x1b[0m\\u00a0c\\u200bd\\ud83d"))
    a\\u0000b\\u001b[0m\\u00a0c\\u200bd\\ud83d
    """
    return _MAYBE_INVISIBLE.sub(_visible_char, text)


def quoted(text: str) -> str:
    """``escape``\\d and in single quotes, the way the text report shows text."""
    return f"'{escape(text)}'"


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate, which JSON cannot keep apart."""
    return _SURROGATE.search(text) is not None


def without_surrogates(text: str) -> str:
    """``text`` with lone surrogates written as ``\\udxxx`` so it can be encoded.

    >>> without_surrogates("a\\ud83db")
    'a\\\\ud83db'
    """
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
