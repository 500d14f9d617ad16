"""Whole UTF-8 sequences shown as Latin-1 or Windows-1252, and what they decode to.

The damage the detector repairs sits among sequences that kept all their
bytes; decoding those tells the letters around a site and the script and
language of the text.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator

from ...charclass import script_of
from ...context.candidates import SHOWN_CONTINUATION, continuation_bytes
from ...context.letter_chains import CHAINED_LANGUAGES_BY_SCRIPT, chained_language
from ...context.words import guess_language

_CONT = SHOWN_CONTINUATION
_WHOLE_SEQUENCE = re.compile(
    # One leading class, which the regular-expression engine skips through fast.
    f"[\xc2-\xf4](?:(?<=[\xc2-\xdf]){_CONT}|(?<=[\xe0-\xef]){_CONT}{{2}}"
    f"|(?<=[\xf0-\xf4]){_CONT}{{3}})"
)


def demojibake(text: str) -> str:
    """``text`` with every complete UTF-8 sequence of Latin-1/Windows-1252
    characters decoded; everything else as it was."""
    return _WHOLE_SEQUENCE.sub(_decoded_sequence, text)


def _decoded_sequence(match: re.Match[str]) -> str:
    """The character a whole sequence spells, or the sequence as it is where
    its bytes are no UTF-8 (an overlong or surrogate form)."""
    shown = match.group()
    conts = continuation_bytes()
    if not all(ch in conts for ch in shown[1:]):
        return shown  # a C1 control Windows-1252 shows otherwise: no byte of it
    try:
        return bytes([ord(shown[0]), *(conts[ch] for ch in shown[1:])]).decode("utf-8")
    except UnicodeDecodeError:
        return shown


# The most bytes one character's sequence shows.
_LONGEST_SEQUENCE = 4


def decoded_before(text: str, index: int) -> str:
    """The character before ``text[index]`` as decoded, where it ends a
    sequence (``â˜€`` is ``☀``); ``""`` at the start."""
    return demojibake(text[max(0, index - _LONGEST_SEQUENCE) : index])[-1:]


def decoded_after(text: str, index: int) -> str:
    """The character at ``text[index]`` as decoded; ``""`` at the end."""
    return demojibake(text[index : index + _LONGEST_SEQUENCE])[:1]


def _stretches(text: str) -> Iterator[tuple[str, bool]]:
    """``text`` in stretches: each complete UTF-8 sequence decoded (``True``),
    the characters between two of them as they are (``False``)."""
    position = 0
    for match in _WHOLE_SEQUENCE.finditer(text):
        decoded = _decoded_sequence(match)
        if decoded == match.group():
            continue  # no UTF-8: its characters stay as they are
        yield text[position : match.start()], False
        yield decoded, True
        position = match.end()
    yield text[position:], False


def decoded_pieces(text: str) -> Iterator[tuple[str, bool]]:
    """``text`` in pieces: each complete UTF-8 sequence decoded (``True``),
    every other character as it is (``False``)."""
    for stretch, decoded in _stretches(text):
        if decoded:
            yield stretch, True
        else:
            yield from ((ch, False) for ch in stretch)


def script_and_language(text: str, overlooked: str | None = None) -> tuple[str, str | None]:
    """The script most letters of ``text`` are in (once decoded), and its
    language; where ``overlooked`` is given, a language that does not write
    some other letter of a word is the less likely (:func:`guess_language`)."""
    plain = demojibake(text)
    script = main_script(text) or "Latin"
    if script in CHAINED_LANGUAGES_BY_SCRIPT:
        return script, chained_language(plain, script)
    return script, guess_language(plain, script, overlooked)


def main_script(text: str) -> str | None:
    """The script most letters of ``text`` are in once decoded (of two as
    common, the one that comes first), ``None`` when it has none. Latin-1
    letters left undecoded do not count: where lost bytes left them, they
    outnumber the letters of a whole text (``æ±京都``). The characters of a
    stretch are counted first and the script of each told once, so a long
    line costs little more than reading it."""
    counts: dict[str, int] = {}
    for stretch, decoded in _stretches(text):
        # A Counter lists characters as they first come: scripts enter
        # ``counts`` in the order of the text, which breaks ties.
        for ch, count in Counter(stretch).items():
            if ch.isalpha() and (decoded or not "\x80" <= ch <= "\xff"):
                script = script_of(ch)
                counts[script] = counts.get(script, 0) + count
            elif decoded and not ch.isspace():
                counts[_SIGNS] = counts.get(_SIGNS, 0) + count
    best = max(counts, key=counts.__getitem__, default=None)
    return None if best == _SIGNS else best


# Signs and punctuation that whole sequences decode to: where they outnumber
# the letters of every script (``ã¢â‚¬â„¢``, ``’`` mojibake twice, lowercased),
# the text shows no script the letters of its sites could be told in.
_SIGNS = ""


# A lead and as many continuation bytes as it announces: perhaps a whole
# sequence, which only a closer look tells.
@functools.lru_cache(maxsize=2)
def has_whole_sequence(text: str) -> bool:
    """Whether ``text`` holds a lead with all its continuation bytes; asked
    for each candidate of a text, so the answer is kept for the last two."""
    return _WHOLE_SEQUENCE.search(text) is not None
