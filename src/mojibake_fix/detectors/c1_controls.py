"""C1 control characters standing for Windows-1252 punctuation: ``\\x93quoted\\x94``.

What it catches: Windows-1252 text decoded as Latin-1. The two agree on every
byte except 0x80–0x9F, where Windows-1252 has curly quotes, dashes, ``…``,
``€`` and ``™`` and Latin-1 has C1 control characters, which no modern text
uses as such. Each maximal run of them is replaced by its Windows-1252
reading, as browsers do; in words, by its Mac OS Roman reading (accented
letters) where that makes words of the line's language and Windows-1252's
makes none: text from a Mac read as Latin-1 (:func:`mac_roman_letters`).

How it avoids false positives: a C1 character is also what a UTF-8
continuation byte becomes when UTF-8 is read as Latin-1 (``â\\x80\\x9c`` is
``“``). A run that continues a UTF-8 sequence begun by the characters before
it belongs to the UTF-8 detectors and gets a confidence too low to apply, as
does a run holding a byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F,
0x90, 0x9D: not Windows-1252 at all), a run that looks like a UTF-8 sequence
whose lead byte was lost (``\\x80\\x99``), and C1 characters that may really
be controls (an 8-bit terminal escape, NEL breaking the words of its line: each
line is judged by itself, whatever lines join it). Punctuation that
every Windows code page puts at the same byte is trusted most; letters and
``€``, which differ between code pages, a little less. A C1 character wrapped
in UTF-8 once more (``Â\\x93``) is repaired whole.

>>> from mojibake_fix import fix
>>> fix("He said \\x93hello\\x94 \\x96 and left\\x85").text
'He said “hello” – and left…'
>>> fix("â\\x80\\x9cquoted\\x80\\x9d").text  # UTF-8 read as Latin-1, lead of ” lost
'“quoted\\x80\\x9d'
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..context.candidates import sequence_length
from ..lines import line_around, run_around
from ..model import Finding
from .base import Detector, Wake

DETECTOR_ID = "c1-controls"

# A run of C1 characters, each possibly wrapped in UTF-8 once more (C2 xx).
_RUN_RE = re.compile("(?:\u00c2?[\x80-\x9f])+")
_WINDOWS_CODE_PAGES = tuple(f"cp{n}" for n in range(1250, 1259))
# An 8-bit CSI (0x9B) followed by the parameters and final byte of a terminal escape.
_CSI_TAIL_RE = re.compile(r"[0-9;?]*[@-~]")
_NEL_RE = re.compile("\x85")
_CLOSING_RE = re.compile("[\x92\x94]")
# C1 characters beside a letter: where Mac OS Roman has letters.
# Anchored at a run's start: tried inside a run, the letter looked for after
# it would be sought again from every character of the run.
_IN_WORD_RE = re.compile(r"(?<![\x80-\x9f])(?:(?<=[^\W\d_])[\x80-\x9f]+|[\x80-\x9f]+(?=[^\W\d_]))")
# How common and how long a word must be (Zipf, letters) to show which page
# its C1 characters are from: short words come about by chance.
_LISTED = 3.0
_LONG_ENOUGH = 4
_LONGEST_WORD = 40
# How much of a line around its first such word tells the line's language.
_LANGUAGE_REACH = 300


@functools.cache
def _cp1252() -> dict[str, str]:
    """C1 character -> the Windows-1252 character of the same byte."""
    table: dict[str, str] = {}
    for byte in range(0x80, 0xA0):
        try:
            table[chr(byte)] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return table


@functools.cache
def _stable() -> frozenset[str]:
    """C1 characters whose byte means the same in every Windows code page:
    quotes, dashes, ``…``, ``•``, ``™`` and the like."""
    stable: set[str] = set()
    for byte in range(0x80, 0xA0):
        readings: set[str | None] = set()
        for name in _WINDOWS_CODE_PAGES:
            try:
                readings.add(bytes([byte]).decode(name))
            except UnicodeDecodeError:
                readings.add(None)
        if len(readings) == 1 and None not in readings:
            stable.add(chr(byte))
    return frozenset(stable)


@functools.cache
def _byte_of() -> dict[str, int]:
    """Character -> byte, in Latin-1 and in Windows-1252 alike: UTF-8 read
    as either (or as a mix of both) maps back to the same bytes."""
    byte_of = {chr(byte): byte for byte in range(0x80, 0x100)}
    for byte in range(0x80, 0xA0):
        byte_of.update((ch, byte) for ch in bytes([byte]).decode("cp1252", errors="ignore"))
    return byte_of


def _valid_utf8_prefix(raw: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(raw, final=False)
    except UnicodeDecodeError:
        return False
    return True


def utf8_covered(text: str, start: int) -> int:
    """How many characters from ``start`` continue a UTF-8 sequence begun,
    in Windows-1252 / Latin-1 bytes, by the characters just before ``start``
    (0 when none does)."""
    byte_of = _byte_of()
    for lead_at in range(start - 1, max(-1, start - 4), -1):
        byte = byte_of.get(text[lead_at])
        if byte is None:
            return 0
        if 0x80 <= byte <= 0xBF:
            continue
        length = sequence_length(byte)
        if lead_at + length <= start:
            return 0
        raw = bytearray()
        for ch in text[lead_at : lead_at + length]:
            cont = byte_of.get(ch)
            if cont is None or (raw and not 0x80 <= cont <= 0xBF):
                break
            raw.append(cont)
        # Only a whole sequence: ``é\x85`` before a space is a letter and
        # an ellipsis, since no byte of ``E9 85`` is missing in the text.
        if len(raw) < length or not _valid_utf8_prefix(bytes(raw)):
            return 0
        return lead_at + len(raw) - start
    return 0


@dataclass(frozen=True, slots=True)
class _LineEvidence:
    """What the line a run is in tells of its runs, read once per line: the
    evidence for a run is in its own line, not in lines joined from elsewhere."""

    # NEL breaks the line, which has no other breaks (each NEL between two
    # non-spaces, where an ellipsis is usually next to a space).
    nel_breaks: bool
    # The line holds a closing quotation mark as a C1 control.
    closes_quotes: bool

    @classmethod
    def of(cls, text: str, start: int) -> tuple[int, _LineEvidence]:
        """The end of the line holding ``text[start]``, and its evidence."""
        line = line_around(text, start)
        places = [match.start() for match in _NEL_RE.finditer(text, *line)]
        nel_breaks = (
            len(places) >= 2
            and "\r" not in text[line[0] : line[1]]
            and all(_between_non_spaces(text, at) for at in places)
        )
        return line[1], cls(nel_breaks, _CLOSING_RE.search(text, *line) is not None)


def _looks_like_control(text: str, start: int, end: int, line: _LineEvidence) -> bool:
    """Whether the run may be a real control: an 8-bit CSI escape, or NEL
    breaking the lines of its line."""
    run = text[start:end]
    if run[-1] == "\x9b" and _CSI_TAIL_RE.match(text, end):
        return True
    return "\x85" in run and line.nel_breaks


def _between_non_spaces(text: str, at: int) -> bool:
    before, after = text[at - 1 : at], text[at + 1 : at + 2]
    return bool(before.strip()) and bool(after.strip())


def _confidence(text: str, start: int, end: int, line: _LineEvidence) -> tuple[float, str]:
    run = text[start:end].replace("\u00c2", "")
    if len(run) >= 2 and run[0] == "\x80":
        return 0.3, "C1 controls that look like a UTF-8 sequence whose lead byte was lost"
    if _looks_like_control(text, start, end, line):
        return 0.4, "C1 control that may be a real control character"
    if all(ch in _stable() for ch in run):
        confidence = 0.9
        if line.closes_quotes and any(ch in "\x91\x93" for ch in run):
            confidence = 0.95
        return confidence, "Windows-1252 punctuation decoded as Latin-1"
    # Letters and symbols that other Windows code pages put elsewhere; worth
    # less when the run sits among Latin-1 letters, where the whole word may
    # be another code page read as Latin-1.
    neighbours = text[max(0, start - 1) : start] + text[end : end + 1]
    if any("\u00c0" <= ch <= "\u00ff" for ch in neighbours):
        return 0.5, "C1 controls that may be another code page read as Latin-1"
    return 0.75, "Windows-1252 characters decoded as Latin-1"


def _segments(text: str) -> Iterator[tuple[int, int, bool]]:
    """Each run of C1 characters as (start, end, is_utf8_tail); a run whose
    start continues a UTF-8 sequence is split where that sequence ends."""
    for match in _RUN_RE.finditer(text):
        start, end = match.start(), match.end()
        if text[start] != "\u00c2":
            covered = min(end - start, utf8_covered(text, start))
            if covered:
                yield start, start + covered, True
                start += covered
        if start < end:
            yield start, end, False


def _in_a_word(ch: str) -> bool:
    return ch.isalpha() or "\x80" <= ch <= "\x9f"


def _word_in(word: str, table: dict[str, str]) -> str:
    return "".join(table.get(ch, "\ufffd") if "\x80" <= ch <= "\x9f" else ch for ch in word)


@functools.cache
def _mac_roman() -> dict[str, str]:
    return {chr(byte): bytes([byte]).decode("mac_roman") for byte in range(0x80, 0xA0)}


@dataclass(frozen=True, slots=True)
class _WordRun:
    """A run of C1 characters in a word, with the word read in either page."""

    start: int
    end: int
    mac_roman: str
    windows: str


@functools.cache
def _languages_writing(letter: str) -> tuple[str, ...]:
    """The languages of Latin letters whose alphabet holds ``letter``."""
    from ..context.words import LANGUAGES_BY_SCRIPT, spelled_with_alphabet

    return tuple(
        lang for lang in LANGUAGES_BY_SCRIPT["Latin"] if spelled_with_alphabet(letter, lang)
    )


def _shows_the_page(word: str, lang: str) -> bool:
    """Whether ``lang`` lists ``word`` as a common word long enough to tell
    which page its C1 characters come from."""
    from ..context.words import zipf

    return len(word) >= _LONG_ENOUGH and zipf(word, lang) >= _LISTED


@functools.lru_cache(maxsize=4096)
def _listed_anywhere(word: str, letter: str) -> bool:
    """Whether a language that writes ``letter`` (the word's first Mac OS
    Roman letter) lists ``word`` so (:func:`_shows_the_page`)."""
    return any(_shows_the_page(word, lang) for lang in _languages_writing(letter))


def mac_roman_letters(text: str) -> dict[tuple[int, int], str]:
    """Runs of C1 characters in words that are Mac OS Roman letters read as
    Latin-1 (its 0x80-0x9F are accented letters), with their reading.

    A run counts where its word read in Mac OS Roman is a word of the line's
    language and read in Windows-1252 none (``tur\\x92stico``: ``turístico``,
    not ``tur’stico``); a line that shows Mac OS Roman so has every such
    run read in it whose word the language's letters spell (a rare name).

    >>> mac_roman_letters("barco tur\\x92stico en Acapulco")
    {(9, 10): 'í'}
    >>> mac_roman_letters("don\\x92t go")
    {}
    """
    by_line: dict[int, list[_WordRun]] = {}
    line_start, line_end = 0, -1
    for match in _IN_WORD_RE.finditer(text):
        start, end = match.span()
        if start > line_end:
            line_start, line_end = line_around(text, start)
        left, right = run_around(text, start, end, _in_a_word)
        if right - left > _LONGEST_WORD:
            continue  # no word of a list is so long
        word = text[left:right]
        by_line.setdefault(line_start, []).append(
            _WordRun(start, end, _word_in(word, _mac_roman()), _word_in(word, _cp1252()))
        )
    if not by_line:
        return {}
    from ..context.words import guess_language, spelled_with_alphabet, zipf

    readings: dict[tuple[int, int], str] = {}
    for runs in by_line.values():
        if not any(_listed_anywhere(run.mac_roman, _mac_roman()[text[run.start]]) for run in runs):
            continue  # no word to show the page: the line's language need not be told
        at = runs[0].start
        around = text[max(0, at - _LANGUAGE_REACH) : at + _LANGUAGE_REACH]
        lang = guess_language(_word_in(around, _mac_roman()), "Latin")
        if lang is None:
            continue
        unlike = [run for run in runs if zipf(run.windows, lang) == 0.0]
        listed = {(run.start, run.end) for run in unlike if _shows_the_page(run.mac_roman, lang)}
        if not listed:
            continue
        for run in unlike:
            letters = "".join(ch for ch in run.mac_roman if ch.isalpha())
            if (run.start, run.end) in listed or spelled_with_alphabet(letters, lang):
                shown = text[run.start : run.end]
                readings[run.start, run.end] = "".join(_mac_roman()[ch] for ch in shown)
    return readings


def find(text: str) -> Iterator[Finding]:
    table = _cp1252()
    mac_roman = mac_roman_letters(text)
    line_end, line = -1, _LineEvidence(nel_breaks=False, closes_quotes=False)
    for start, end, utf8_tail in _segments(text):
        if start > line_end:
            line_end, line = _LineEvidence.of(text, start)
        run = text[start:end]
        if (start, end) in mac_roman:
            yield Finding(
                start=start,
                end=end,
                detector=DETECTOR_ID,
                confidence=0.9,
                reason="Mac OS Roman letters decoded as Latin-1",
                replacement=mac_roman[start, end],
            )
            continue
        if any(ch not in table for ch in run.replace("\u00c2", "")):
            continue  # a byte Windows-1252 leaves undefined: not Windows-1252
        replacement = "".join(table.get(ch, "") for ch in run)
        if utf8_tail:
            confidence, reason = 0.3, "C1 controls inside UTF-8 read as Latin-1"
        else:
            confidence, reason = _confidence(text, start, end, line)
            if "\u00c2" in run:
                reason += ", encoded as UTF-8 once more"
        yield Finding(
            start=start,
            end=end,
            detector=DETECTOR_ID,
            confidence=confidence,
            reason=reason,
            replacement=replacement,
        )


C1_CONTROLS = Detector(
    id=DETECTOR_ID,
    summary="C1 control characters standing for Windows-1252 punctuation",
    find=find,
    trigger=lambda: "[\x80-\x9f]",
    wake=lambda: (Wake(at="\x80-\x9f"),),
    priority=30,
)
