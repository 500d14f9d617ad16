"""UTF-8 read through a single-byte code page: ``cafÃ©`` for ``café``.

What it catches: runs of characters that, mapped back to their bytes in the
code page, form well-formed UTF-8 multi-byte sequences (a lead byte and the
continuation bytes it announces). Each run is decoded as UTF-8; a run can be
one character of a word (``cafÃ©``) or a whole paragraph, so texts where only
some spans are broken change only there. For Windows-1252 the Latin-1 reading
(C1 controls where Windows-1252 has no character) is the same table, and a
no-break space that became a plain space (``Ã `` for ``à``) is restored.

How it avoids false positives: clean text rarely forms such sequences, and
when it does (``DÉ…`` in all-caps French, ``Её`` in Russian) the decoded
characters give it away. A run is only repaired when

- every decoded character is one modern text uses (no C1 controls, no
  unassigned, private-use or archaic letters);
- the run is not glued to other letters of the same code page that are not
  part of it (``Рёв`` is a Russian word, not mojibake);
- and ftfy's badness heuristic, looking at the run with its neighbours, drops
  once it is repaired, or the run is long enough to be no accident.

>>> from mojibake_fix import fix
>>> fix("The cafÃ© servesâ€¦ crÃ¨me brÃ»lÃ©e").text
'The café serves… crème brûlée'
>>> fix("Её рёв").text  # clean Russian that happens to form UTF-8 in Windows-1251
'Её рёв'
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import dataclasses
import functools
import itertools
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..badness import is_bad
from ..charclass import C1_CONTROL, characters_of, is_common, is_letter, script_of
from ..codepages import (
    CODEC_NAMES,
    CodePage,
    code_page,
    cut_from_more,
    stretch_pattern,
    utf8_of,
)
from ..context.candidates import LEADS, LONE_PUNCTUATION_LEAD, sequence_length, spaces_are_spaces
from ..lines import run_around
from ..model import Finding
from ..short_texts import SHORT, kept_for_short
from . import utf8_scan
from .base import Detector, Stretch, WholeReading
from .lost_bytes import (
    CONTINUES,
    LOST_BYTE,
    MARKED,
    MARKER_BYTE,
    MARKER_ORD,
    WESTERN_PAGES,
    put_back_lost,
    shown_in_the_west,
)

if TYPE_CHECKING:
    import regex

# The no-break-space byte A0 often became a plain space on the way. These are
# the places where a space can stand for it without decoding likely text to
# unlikely characters (after ftfy's ALTERED_UTF8_RE).
_NBSP_LEADS_2 = "\xc2\xc3\xc5\xce\xd0\xd9"
_NBSP_LEADS_3 = "\xe2\xe3"
# Leads of Chinese, Japanese and Korean characters (E4-ED).
_NBSP_LEADS_CJK = "\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed"

# A run judged on its own is never as certain as a whole text that one code
# page explains: that is the strongest evidence there is.
_MOST_FOR_A_PART = 0.95
# A page that explains this share of a text vouches for its weakest runs too.
_NEARLY_ALL = 0.9
# What a run that is evidence only with support from elsewhere scores alone:
# enough to be repaired where strong runs of the page explain the rest of the
# text, too little alone or to vouch for the page itself.
_NEEDS_SUPPORT = 0.2

_ASCII = frozenset(map(chr, range(0x80)))

# Portuguese contractions where 'à' is a prefix of the next word (ftfy's list):
# ``às`` only before a space (French ``à s'éloigner``).
_GRAVE_PREFIXES = re.compile(r"quele|quela|quilo|s ")
# How common ``à`` must be in a language to be one of its words (Zipf): 7.3
# in French, 6.4 in Portuguese; lists of other languages hold it as noise
# from quoted French (``à la``), at 4.3 at most.
_GRAVE_WORD = 5.0


@dataclass(frozen=True, slots=True)
class Run:
    """A run of characters that reads as UTF-8 in a code page."""

    start: int
    end: int
    decoded: str
    units: int
    long_units: int
    spaces_restored: int
    layers: int = 1


def _char_class(chars: str) -> str:
    return "[" + "".join(re.escape(ch) for ch in chars) + "]"


def _shown(raw: str, page: CodePage) -> str:
    """The characters ``page`` shows for bytes written as Latin-1
    characters (the ``_NBSP_LEADS`` tables)."""
    shown = {byte: ch for ch, byte in page.byte_of.items()}
    return "".join(shown[ord(byte)] for byte in raw if ord(byte) in shown)


def _keeps_no_break_space(page: CodePage) -> bool:
    """Whether ``page`` shows byte A0 as a no-break space, which the way
    often turned into a plain space, and its two-byte leads as Latin
    letters: there ``Ã `` (Windows-1252) or ``Ă `` (Windows-1250) is ``à``.
    In Cyrillic and Greek pages the same leads are common capitals that
    stand before a space in clean text (``В Москве``)."""
    return page.byte_of.get("\xa0") == 0xA0 and all(
        script_of(ch) == "Latin" for ch in _shown(_NBSP_LEADS_2, page)
    )


def _unit_pattern(page: CodePage) -> str:
    """One UTF-8 sequence in ``page``: a lead, then what that lead needs.

    The lead comes first as one character class, which the regular-expression
    engine skips to fast; each branch then checks, looking behind, which
    kind of lead it was."""
    cont = _char_class(page.characters(0x80, 0xBF))
    lead2 = _char_class(page.characters(0xC2, 0xDF))
    lead3 = _char_class(page.characters(0xE0, 0xEF))
    lead4 = _char_class(page.characters(0xF0, 0xF4))
    leads = page.characters(0xC2, 0xF4)
    tails = [f"(?<={lead2}){cont}", f"(?<={lead3}){cont}{{2}}", f"(?<={lead4}){cont}{{3}}"]
    if _keeps_no_break_space(page):
        strict = _char_class(
            "".join(
                ch for ch in page.characters(0x80, 0xBF) if page.byte_of[ch] not in (0x85, 0xA0)
            )
        )
        # ``Â`` for a lost no-break space comes right after a word or a
        # number, never after a space; the others start letters of words.
        c2, c3 = re.escape(_shown("\xc2", page)), re.escape(_shown("\xc3", page))
        letters = _char_class(_shown(_NBSP_LEADS_2.replace("\xc2", ""), page))
        nbsp3 = _char_class(_shown(_NBSP_LEADS_3, page))
        # Not ``â``: E2 xx A0 are rare symbols (``†``), and ``â€`` + space is
        # far more often ``”`` whose last byte was dropped.
        lead3_low = _char_class(_shown("\xe0\xe1\xe3", page))
        # The leads of Chinese, Japanese and Korean characters, whose second
        # or third byte may be a no-break space, only inside a run of other
        # sequences (no space parts CJK words; ``près « x »`` is French).
        cjk = _char_class(_shown(_NBSP_LEADS_CJK, page))
        capitals = _char_class("".join(ch for ch in page.byte_of if ch.isupper()))[1:-1]
        inside = f"(?:(?<={cont}{cjk})|(?<={cjk})(?=(?: {strict}|{strict} ){_char_class(leads)}))"
        tails += [
            # ``Ã`` + A0 is a small ``à``: not after a capital (``HABLÃ DE``
            # lost the second byte of ``Ó``).
            f"(?:(?<={letters})(?<![A-Z{capitals}]{c3})|(?<![\\s]{c2})(?<={c2})) ",
            f"(?<={nbsp3}) {strict}",
            f"(?<={lead3_low}){strict} ",
            f"{inside}(?: {strict}|{strict} )",
        ]
    elif _between_latin_words(page):
        letters = _char_class(_shown(_NBSP_LEADS_2.replace("\xc2", ""), page))
        tails.append(f"(?<=[A-Za-z] {letters}) ")
    return _char_class(leads) + "(?:" + "|".join(tails) + ")"


def _between_latin_words(page: CodePage) -> bool:
    """Whether ``page`` shows byte A0 as a no-break space and its two-byte
    leads as letters of another script (Cyrillic, Greek): such a letter
    stands before a space in clean text (``В Москве``), but not alone
    between Latin words, where it is a Latin letter whose no-break space
    became a space (``se trouve Г l’ouest`` in Windows-1251: ``à``)."""
    return page.byte_of.get("\xa0") == 0xA0 and not _keeps_no_break_space(page)


@functools.cache
def _patterns(name: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The pattern of one UTF-8 sequence, of a run of them, and of what any
    sequence holds: a lead right before a continuation character (anchored
    at the continuation, the rarer of the two), or a lead before a space."""
    page = code_page(name)
    unit = _unit_pattern(page)
    conts = page.characters(0x80, 0xBF)
    lead = _char_class(page.characters(0xC2, 0xF4))
    spaced = ""
    if _keeps_no_break_space(page):
        spaced = _shown(_NBSP_LEADS_2 + _NBSP_LEADS_3 + _NBSP_LEADS_CJK, page)
    elif _between_latin_words(page):
        spaced = _shown(_NBSP_LEADS_2.replace("\xc2", ""), page)
    sign = f"{_char_class(conts + spaced)}(?:(?<={lead}{_char_class(conts)})"
    sign += f"|(?<={_char_class(spaced)})(?= ))" if spaced else ")"
    return re.compile(unit), re.compile(f"(?:{unit})+"), re.compile(sign)


@functools.cache
def shared_trigger() -> str:
    """A UTF-8 sequence in any one code page, as one pattern.

    It starts with a single character class (the leads of every page), which
    lets the regular-expression engine skip everything else quickly; what
    follows checks the page the lead belongs to.
    """
    leads: set[str] = set()
    branches: list[str] = []
    for name in CODEC_NAMES:
        page = code_page(name)
        leads.update(page.characters(0xC2, 0xF4))
        branches.append(f"(?<={_char_class(page.characters(0xC2, 0xDF))}){_unit_tail(page, 1)}")
        branches.append(f"(?<={_char_class(page.characters(0xE0, 0xEF))}){_unit_tail(page, 2)}")
        branches.append(f"(?<={_char_class(page.characters(0xF0, 0xF4))}){_unit_tail(page, 3)}")
    nbsp_leads = _shown(_NBSP_LEADS_2 + _NBSP_LEADS_3, code_page("cp1252"))
    return (
        f"{_char_class(''.join(sorted(leads)))}(?:{'|'.join(branches)})|{_char_class(nbsp_leads)} "
    )


def _unit_tail(page: CodePage, count: int) -> str:
    return _char_class(page.characters(0x80, 0xBF)) + (f"{{{count}}}" if count > 1 else "")


def _decode(raw: bytes) -> str | None:
    decoded = utf8_of(raw)
    if decoded is not None:
        return decoded
    # ftfy's decoder (in Python, slow) differs only on surrogates written as
    # UTF-8 (CESU-8, lead ED) and Java's C0 80 for NUL.
    if b"\xed" not in raw and b"\xc0\x80" not in raw:
        return None
    try:
        import ftfy.bad_codecs  # noqa: F401  (registers utf-8-variants)

        return raw.decode("utf-8-variants")
    except UnicodeDecodeError:
        return None


def find_runs(text: str, page: CodePage, original: str | None = None) -> Iterator[Run]:
    """Every maximal run of decodable UTF-8 sequences in ``text``; whether a
    space may stand for a no-break space is read from ``original`` too, the
    text as it came, when earlier passes repaired it (``Î\xa0`` decoded is
    still a no-break space the damage kept)."""
    unit_re, run_re, sign = _patterns(page.name)
    if not sign.search(text):
        return
    spaces_kept: bool | None = None  # worked out at the first unit with a space
    for match in run_re.finditer(text):
        pending: list[tuple[int, int, bytes, bool]] = []
        for unit in unit_re.finditer(text, match.start(), match.end()):
            raw = page.encode(unit.group())
            spaced = " " in unit.group()
            if spaced:
                if spaces_kept is None:
                    spaces_kept = spaces_are_spaces(_as_western(text, page)) or (
                        original is not None and spaces_are_spaces(_as_western(original, page))
                    )
                lost = spaces_kept or _a_zero_among_letters(text, unit.start(), unit.end())
                raw = None if lost else page.encode(unit.group().replace(" ", "\xa0"))
            if (
                raw is None
                or raw == codecs.BOM_UTF8
                or (_decode(raw) is None and not _is_surrogate_half(raw))
            ):
                # The byte order mark ends a run too: it is its own detector's
                # to read, and the text after it is read as if it came alone.
                yield from _flush(pending, page)
                pending = []
                continue
            pending.append((unit.start(), unit.end(), raw, spaced))
        yield from _flush(pending, page)


@functools.cache
def _western_table(name: str) -> dict[int, str]:
    page = code_page(name)
    return {ord(ch): chr(byte) for ch, byte in page.byte_of.items() if byte >= 0x80}


def _as_western(text: str, page: CodePage) -> str:
    """``text`` with each character of ``page`` written as the Latin-1
    character of its byte, which is how :func:`spaces_are_spaces` reads
    damage: in Windows-1257, ``ÄÆ`` is one whole sequence (``į``), not a
    lead cut short before another."""
    if page.name in ("cp1252", "latin-1"):
        return text
    return text.translate(_western_table(page.name))


_ARABIC_DIGIT_BEFORE = re.compile("(?:Ù[\xa0¡-©]|Ù |[0-9])$")
_ARABIC_DIGIT_AFTER = re.compile("Ù[\xa0¡-©]|Ù |[0-9]| ")


def _a_zero_among_letters(text: str, start: int, end: int) -> bool:
    """Whether ``Ù`` and a space at ``start`` would be the Arabic-Indic digit
    zero (``D9 A0``) with no digit beside it: between letters, ``Ù`` is a
    letter that lost its second byte (``كيف حالك`` that lost the undefined
    ``81`` of ``ف``), and only a zero standing alone (``Ù  ``) or among
    digits (``Ù¡Ù `` is ``١٠``) lost a no-break space."""
    if text[start] != "Ù":
        return False
    return not (
        _ARABIC_DIGIT_BEFORE.search(text, max(0, start - 2), start)
        or _ARABIC_DIGIT_AFTER.match(text, end)
    )


def _is_surrogate_half(raw: bytes) -> bool:
    """Three bytes of CESU-8 (``ED A0..BF xx``): half of a UTF-16 surrogate
    pair, which decodes together with the other half."""
    return len(raw) == 3 and raw[0] == 0xED and raw[1] >= 0xA0


def _flush(pending: list[tuple[int, int, bytes, bool]], page: CodePage) -> Iterator[Run]:
    if not pending:
        return
    raw = b"".join(item[2] for item in pending)
    decoded = _decode(raw)
    if decoded is None:
        if len(pending) > 1:
            for item in pending:
                yield from _flush([item], page)
        return
    decoded, layers = deepest(decoded, page)
    yield Run(
        layers=layers,
        start=pending[0][0],
        end=pending[-1][1],
        decoded=decoded,
        units=len(pending),
        long_units=sum(len(item[2]) >= 3 for item in pending),
        spaces_restored=sum(item[3] for item in pending),
    )


@kept_for_short(maxsize=1 << 12)  # the pages that read a run judge the same garble
def _badness(text: str) -> int:
    from ftfy.badness import badness

    return int(badness(text))


# Telling sequences that show a text broken where ftfy's badness does not:
# one may be chance (``Å£`` is Romanian ``ţ``, or Russian ``её`` in KOI8-R
# read as Latin-1); two that one page alone reads are not.
_TELLING_ENOUGH = 2


def _looks_broken(garble: str, page: CodePage, reading: str) -> bool:
    """Whether ``garble``, which ``page`` reads as ``reading``, looks broken:
    to ftfy's badness, or by telling sequences that ``page`` alone reads.
    Where the badness sees nothing of the page's mojibake (KOI8-R, cp866) it
    would scan the whole text to find nothing, and the telling sequences are
    asked first."""

    def told() -> bool:
        return utf8_scan.telling_count(
            garble, _TELLING_ENOUGH
        ) >= _TELLING_ENOUGH and _read_only_so(garble, page, reading)

    if _badness_sees(page.name):
        return is_bad(garble) or told()
    return told() or is_bad(garble)


@functools.cache
def _badness_sees(name: str) -> bool:
    """Whether ftfy's badness finds any two-letter word broken when its UTF-8
    is read with page ``name`` (letters of U+00C0 to U+07FF, each with the next).

    >>> _badness_sees("cp1252"), _badness_sees("koi8-r")
    (True, False)
    """
    codec = code_page(name).codec
    letters = [chr(code) for code in range(0xC0, 0x800) if chr(code).isalpha()]
    for first, second in itertools.pairwise(letters):
        with contextlib.suppress(UnicodeDecodeError):
            if is_bad((first + second).encode("utf-8").decode(codec)):
                return True
    return False


def _read_only_so(garble: str, page: CodePage, reading: str) -> bool:
    """Whether ``reading``, which ``page`` makes of ``garble``, is the only
    text any code page makes of it as UTF-8: telling sequences then say the
    text is broken *and* how (``п≤п╫`` is KOI8-R's alone; ``Ăź`` is ``ß``
    in Windows-1250 and ``ü`` in ISO-8859-2, for the judge to choose
    between). A reading that puts capitals inside small words (``vÊdett``,
    Windows-1250's reading of ISO-8859-2's ``védett``) is no text, nor is
    one whose letters no language writes together where ``reading``'s are
    (``hozzåszólås``, Windows-1250's reading of ISO-8859-2's ``hozzászólás``)."""
    spelled = None
    for other in _other_readings(garble, page):
        if (
            other == reading
            or _capital_after_small().search(other)
            or _spells_fewer_words(other, reading)
        ):
            continue
        if spelled is None:
            spelled = _spelled_by_a_language(reading)
        if not spelled or _spelled_by_a_language(other):
            return False
    return True


@functools.lru_cache(maxsize=1 << 15)
def _spelled_by_a_language(text: str) -> bool:
    """Whether, script by script, one language writes every letter of
    ``text`` beyond ASCII.

    >>> _spelled_by_a_language("hozzászólás"), _spelled_by_a_language("hozzåszólås")
    (True, False)
    """
    from ..context.words import LANGUAGES_BY_SCRIPT, spelled_with_alphabet

    by_script: dict[str, set[str]] = {}
    for ch in set(text):
        if not ch.isascii() and is_letter(ch):
            by_script.setdefault(script_of(ch), set()).add(ch)
    return all(
        any(
            spelled_with_alphabet("".join(sorted(letters)), lang)
            for lang in LANGUAGES_BY_SCRIPT.get(script, ())
        )
        for script, letters in by_script.items()
    )


def _read_by_no_other(garble: str, page: CodePage, reading: str) -> bool:
    """Whether no code page but ``page`` makes UTF-8 of ``garble``, or only
    ``reading``: a capital inside a small word then tells no page from
    another, and is the author's (``АйТиВи``, a name read in MacRoman)."""
    return all(other == reading for other in _other_readings(garble, page))


def _other_readings(garble: str, page: CodePage) -> Iterator[str]:
    """What every code page but ``page`` that shows ``garble`` makes of it
    as UTF-8, where that decodes."""
    # A short garble's readings are kept whole; a longer one's read page by page as asked.
    readings = _kept_readings(garble) if len(garble) <= SHORT else _readings(garble)
    return (other for name, other in readings if name != page.name)


def _readings(garble: str) -> Iterator[tuple[str, str]]:
    """What each code page that shows ``garble`` makes of it as UTF-8, where
    that decodes, with the page's name."""
    for name in CODEC_NAMES:
        raw = code_page(name).encode(garble)
        other = None if raw is None else _decode(raw)
        if other is not None:
            yield name, other


@functools.lru_cache(maxsize=1 << 10)  # the twin pages, a part read after its line, ask again
def _kept_readings(garble: str) -> tuple[tuple[str, str], ...]:
    return tuple(_readings(garble))


# Words compared where two readings differ: enough to tell, a bound on the work.
_WORDS_COMPARED = 8


def _spells_fewer_words(other: str, reading: str) -> bool:
    """Whether, among the first words in which ``other`` and ``reading``
    differ, fewer of ``other``'s are words the lists know (ISO-8859-2 reads
    Hungarian ``integrálni`` where Windows-1250 reads ``integrålni``)."""
    theirs, mine = _LETTER_RUN.findall(other), _LETTER_RUN.findall(reading)
    if len(theirs) != len(mine):
        return False
    differing = [(a, b) for a, b in zip(theirs, mine, strict=True) if a != b][:_WORDS_COMPARED]
    return sum(_is_listed(b) - _is_listed(a) for a, b in differing) > 0


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _is_listed(word: str) -> bool:
    """Whether a language of the word's script lists ``word`` at all."""
    scripts = _letter_scripts(word)
    return len(scripts) == 1 and _written(word.casefold(), scripts.pop(), _LISTED)


def _glued_to_page_letter(text: str, index: int, page: CodePage) -> bool:
    """Whether ``text[index]`` is a non-ASCII letter of the code page: a run
    touching one is part of a real word, not mojibake."""
    if not 0 <= index < len(text):
        return False
    ch = text[index]
    return (
        ord(ch) >= 0x80
        and ch in page.byte_of
        and is_letter(ch)
        and not _short_of_bytes(text, index, page)
    )


def _short_of_bytes(text: str, index: int, page: CodePage) -> bool:
    """Whether ``text[index]`` is a byte of a sequence that shows its lead
    and some of its continuation bytes but lost the rest (``ã¯`` before
    ``è``, where ``は`` lost its ``81``; the ``ƒ`` of ``ìƒ``): damaged
    mojibake, not a letter of a word. Where the page shows its leads and
    continuation bytes as letters of one script (cp866's ``р``-``я`` and
    ``а``-``п``), such letters that go on into one more letter of the
    script are a word (``ректор``), not a sequence cut short."""
    first = index
    while first > max(0, index - 3) and _is_continuation(text[first], page):
        first -= 1
    needed = sequence_length(page.byte_of.get(text[first], 0)) - 1
    shown = 0
    while shown < needed and _is_continuation(text[first + 1 + shown : first + 2 + shown], page):
        shown += 1
    if not (0 < shown < needed and index <= first + shown):
        return False
    return not _letters_of_a_word(text, first, first + shown + 2)


def _letters_of_a_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is letters of one script other than
    Latin (whose pages show lone bytes as accented letters, ``ìƒ``): a
    stretch of a word in that script, read as it was written."""
    piece = text[start:end]
    if len(piece) < end - start or not all(is_letter(ch) for ch in piece):
        return False
    scripts = {script_of(ch) for ch in piece}
    return len(scripts) == 1 and "Latin" not in scripts


def _is_continuation(ch: str, page: CodePage) -> bool:
    return bool(ch) and 0x80 <= page.byte_of.get(ch, 0) <= 0xBF


def _amid_a_garble(text: str, run: Run, page: CodePage) -> bool:
    """Whether ``run`` follows a sequence cut short (a lead and some of its
    continuation bytes, :func:`_byte_shown`) and decodes to characters of
    none of the scripts that sequence could have been: a few characters of
    a larger garble that does not decode (lowercased mojibake,
    ``ã†â€™ãƒâ€``), which repairing alone makes worse (ftfy's rule too). A
    text that lost bytes cuts sequences short too, but what decodes beside
    them is of their script (``à¤à¥`` in Hindi), and where it lost a byte
    inside a sequence (``í¬`` of ``크``), what is left starts none."""
    before = text[run.start - 1 : run.start]
    if not _continuation_shown(before, page) or before in _STANDS_FOR_ITSELF:
        return False
    category = unicodedata.category(before)
    if category[0] == "Z" or category in _STANDING_MARKS:
        return False
    first = run.start - 1
    while first > max(0, run.start - 4) and _continuation_shown(text[first - 1], page):
        first -= 1
    lead = _byte_shown(text[first - 1], page) if first else 0
    needed = sequence_length(lead)
    shown = bytes([lead, *(_byte_shown(ch, page) for ch in text[first : run.start])])
    if not 0 < len(shown) < needed:
        return False
    could_be = {
        _region(ch)
        for filler in (0x80, 0xBF)
        for ch in (shown + bytes([filler]) * (needed - len(shown))).decode("utf-8", "replace")
        if ch != "\ufffd"
    }
    return bool(could_be) and not could_be & {_region(ch) for ch in run.decoded}


def _byte_shown(ch: str, page: CodePage) -> int:
    """The byte ``ch`` stands for in ``page``, or in Windows-1252 where the
    page has no such character (0 for neither)."""
    byte = page.byte_of.get(ch)
    return code_page("cp1252").byte_of.get(ch, 0) if byte is None else byte


def _continuation_shown(ch: str, page: CodePage) -> bool:
    """:func:`_is_continuation` of the byte :func:`_byte_shown` gives."""
    return 0x80 <= _byte_shown(ch, page) <= 0xBF


_STANDS_FOR_ITSELF = frozenset("•…")
_STANDING_MARKS = frozenset({"Pd", "Pi", "Pf", "Ps", "Pe"})


def _region(ch: str) -> str:
    """The script of ``ch``, East Asian wide characters counted as one
    (Japanese writes kana and kanji, Korean hangul and hanja, both wide
    punctuation)."""
    return "wide" if unicodedata.east_asian_width(ch) in ("W", "F") else script_of(ch)


def _after_a_foreign_lead(text: str, start: int, page: CodePage) -> bool:
    """Whether the run at ``start`` follows the lead of a four-byte sequence
    (an emoji's, as Latin-1 shows it) that the code page cannot show: in
    ``ðŸ°`` Mac Roman reads ``Ÿ°`` as ``١``, but it has no ``ð``, and the run
    is the rest of that emoji."""
    lead = text[start - 1 : start]
    return "\xf0" <= lead <= "\xf4" and lead not in page.byte_of


def _word_script(text: str, start: int, end: int) -> str | None:
    """The script of the letters touching ``start:end`` (ASCII letters count as Latin)."""
    for index in (start - 1, end):
        if 0 <= index < len(text) and is_letter(text[index]):
            return script_of(text[index])
    return None


def _surrounding_script(text: str, start: int, end: int, reach: int = 40) -> str | None:
    """The commonest script among the letters near ``start:end`` on its line, outside it."""
    counts: dict[str, int] = {}
    for ch in _on_its_line(text[max(0, start - reach) : start], text[end : end + reach]):
        if is_letter(ch):
            script = script_of(ch)
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _on_its_line(before: str, after: str) -> str:
    """What of ``before`` and ``after`` (the text just before and after a
    run) stands on the run's own line: another line may come from elsewhere."""
    return before.rpartition("\n")[2] + after.partition("\n")[0]


def _script_fit(original: str, decoded: str, surrounding: str | None) -> int:
    """+1 when the repair brings the run into the script around it or rids it
    of a stray letter of another script, -1 when it takes it out of the
    script around it (``Её`` in Russian is not ``Ÿ``), 0 otherwise."""
    if surrounding is None:
        return 0
    before = _letter_scripts(original)
    after = _letter_scripts(decoded)
    if after and surrounding in before and surrounding not in after:
        return -1
    if surrounding in after and surrounding not in before:
        return 1
    if before - {surrounding} and not after - {surrounding}:
        return 1  # a stray letter of another script leaves: ``ΓÇÖ`` in English
    return 0


def _intrusions(text: str, start: int, end: int) -> int:
    """Symbols, spaces and controls wedged between two letters inside the run
    (``РџСЂ``, ``Ã©t``): text is rarely written that way, mojibake often is."""
    count = 0
    for index in range(max(start, 1), min(end, len(text) - 1)):
        if not is_letter(text[index]) and is_letter(text[index - 1]) and is_letter(text[index + 1]):
            count += 1
    return count


def _case_breaks(decoded: str, before: str, after: str) -> int:
    """Capital letters the repair would put right after a lowercase letter
    (``crÚme``): a sign that the code page is the wrong one."""
    context = before[-1:] + decoded + after[:1]
    return sum(
        1
        for left, right in itertools.pairwise(context)
        if left.islower() and right.isupper() and is_letter(right)
    )


def _letter_scripts(text: str) -> set[str]:
    return {script for script in map(_letter_script, set(text)) if script}


@functools.lru_cache(maxsize=1 << 12)
def _letter_script(ch: str) -> str:
    """The script of ``ch`` where it is a letter, else ''."""
    return script_of(ch) if is_letter(ch) else ""


def deepest(decoded: str, page: CodePage) -> tuple[str, int]:
    """What ``decoded`` becomes if it is itself mojibake in the same code page
    (two or three layers deep), decoded all the way down, and how many layers
    there were in all."""
    return deepest_common(decoded, page) or (decoded, 1)


def deepest_common(
    decoded: str, page: CodePage, clean_is_last: bool = False
) -> tuple[str, int] | None:
    """:func:`deepest`, or ``None`` when no layer is made of characters
    modern text uses; with ``clean_is_last``, a layer that does not look
    broken is the last."""
    layers = [decoded]
    for _ in range(4):
        deeper = _layer_beneath(decoded, page)
        if deeper is None:
            break
        # Stop where the text stops looking broken: ``ÚŠ`` is two Latin
        # letters and ``’à`` is French, though their bytes would decode once
        # more, to an Arabic and an Armenian letter. ``Ä›`` goes on to ``ě``
        # and ``ÄŒ`` to ``Č``: letters of the same script, only fewer.
        if not is_bad(decoded) and (clean_is_last or _other_letters(decoded, deeper)):
            break
        decoded = deeper
        layers.append(decoded)
    # Layers in between may hold C1 controls that a sloppy codec passed
    # through; the answer is the deepest layer that is real text.
    for depth in range(len(layers), 0, -1):
        if all(map(is_common, set(layers[depth - 1]).difference(_ASCII))):
            return layers[depth - 1], depth
    return None


def _other_letters(decoded: str, deeper: str) -> bool:
    """Whether ``deeper`` holds letters of scripts ``decoded`` holds none of
    (where ``decoded`` holds letters)."""
    scripts = _letter_scripts(decoded)
    return bool(scripts) and not _letter_scripts(deeper) <= scripts


def _layer_beneath(decoded: str, page: CodePage) -> str | None:
    """What ``decoded`` was before one more hop read its UTF-8 with a code
    page: ``page`` again, or, where the layer looks broken and ``page``
    cannot show it, Windows-1252, the page that makes most mojibake
    (``cafГѓВ©``, Windows-1252 mojibake read as Windows-1251, is ``cafÃ©``
    once, ``café`` twice); ``None`` at the last layer."""
    for reader in (page, code_page("cp1252")):
        raw = reader.encode(decoded)
        if raw is None and reader is page and page.name != "cp1252" and is_bad(decoded):
            continue
        if raw is None or raw.isascii():
            return None
        deeper = _decode(raw)
        return None if deeper is None or deeper == decoded else deeper
    return None


def judge(text: str, run: Run, page: CodePage) -> float:
    """How sure we are that ``run`` is mojibake, from 0 to 1.

    A run that decodes to further mojibake of the same code page has already
    been decoded all the way down, and is judged by what it finally becomes.
    """
    decoded = run.decoded
    if not all(is_common(ch) for ch in decoded) or _strands_a_mark(text, run):
        return 0.0
    if _breaks_a_word(text, run) or _amid_a_garble(text, run, page):
        return 0.0
    original = text[run.start : run.end]
    before = text[max(0, run.start - 3) : run.start]
    after = text[run.end : run.end + 3]
    bad_before = _badness(before + original + after)
    bad_after = _badness(before + decoded + after)

    score = 0.3
    if bad_after < bad_before:
        score += 0.3 + 0.1 * min(3, bad_before - bad_after)
    elif bad_after > bad_before:
        score -= 0.3
    score += 0.25 * min(3, run.long_units) + 0.05 * min(4, run.units - run.long_units)
    if not any(is_letter(ch) for ch in original + decoded) and _among_symbols(text, run):
        # Symbols becoming one in a row of symbols (``«¬®¯`` has ``¨`` in
        # MacRoman) make a weak case: such rows are lists of characters.
        score -= 0.2
    if _glued_to_page_letter(text, run.start - 1, page) or _glued_to_page_letter(
        text, run.end, page
    ):
        score -= 0.4
    if _after_a_foreign_lead(text, run.start, page):
        score -= 0.4
    neighbour = _word_script(text, run.start, run.end)
    letters = [script_of(ch) for ch in decoded if is_letter(ch)]
    if neighbour and letters and neighbour not in letters and neighbour != "Common":
        score -= 0.2
    if run.spaces_restored:
        score -= 0.1 * run.spaces_restored
        if _is_a_word(text[run.start]):
            score -= 0.3  # ``Å i Lofoten``: the letter is a word of its own
    score += 0.15 * min(2, _intrusions(text, run.start, run.end))
    score += 0.25 * _script_fit(original, decoded, _surrounding_script(text, run.start, run.end))
    score -= 0.2 * min(2, _case_breaks(decoded, before, after))
    if 0.2 <= score < 0.6:
        original, repaired = _word_repaired(text, run, page)
        if _makes_a_word(original, repaired) or _makes_the_one_spelled_word(
            original, repaired, page
        ):
            score += 0.3
    if score > _NEEDS_SUPPORT and _needs_support(text, run):
        score = _NEEDS_SUPPORT
    return max(0.0, min(_MOST_FOR_A_PART, score))


def _strands_a_mark(text: str, run: Run) -> bool:
    """Whether the repair starts with a combining mark at the start of a
    line or after a space, with nothing to carry it (Mac Roman reads ``Ã©``
    at the start of a word as U+0329, a mark below): text does not write
    marks alone."""
    before = text[run.start - 1 : run.start]
    mark = bool(run.decoded) and unicodedata.combining(run.decoded[0]) > 0
    return mark and (not before or before.isspace())


def _needs_support(text: str, run: Run) -> bool:
    """Whether ``run`` is mojibake only if its page explains the rest of the
    text: what chance characters decode to (:func:`_symbols_become_a_letter`,
    :func:`_unwritten_east_asian`)."""
    return _symbols_become_a_letter(text, run) or _unwritten_east_asian(run.decoded)


def _symbols_become_a_letter(text: str, run: Run) -> bool:
    """Whether ``run``, two characters, holds no letter of the script of the
    one letter it would become, which would stand apart from every letter of that script
    (``×£``, ``∆°``, ``√π``; ``Ð¸`` for a lone ``и``). People write such
    pairs (``5×£35``, ``“×”``, ``= √π``); only the same page explaining the
    rest of the text makes them mojibake. A letter that joins letters of its
    script (``bl√¶st``) is evidence of its own."""
    if len(run.decoded) != 1 or run.long_units or not is_letter(run.decoded):
        return False  # three bytes and more that decode are no accident
    script = script_of(run.decoded)
    if any(is_letter(ch) and script_of(ch) == script for ch in text[run.start : run.end]):
        return False
    around = text[run.start - 1 : run.start] + text[run.end : run.end + 1]
    return not any(is_letter(ch) and script_of(ch) == script for ch in around)


def _unwritten_east_asian(decoded: str) -> bool:
    """Whether ``decoded`` is East Asian characters that no language writing
    them uses in its words (``墉``, which Mac Roman makes of ``Â¢â`` in English
    text): real, but what chance bytes decode to; only the page explaining
    the rest of the text makes them mojibake."""
    east_asian = _east_asian_characters().findall(decoded)
    if not east_asian:
        return False
    from ..context.east_asian_characters import LANGUAGES, LOWEST, character_value

    return all(
        character_value(ch, language) <= LOWEST for ch in east_asian for language in LANGUAGES
    )


@functools.cache
def _east_asian_characters() -> re.Pattern[str]:
    """One East Asian character: looked for in every whole reading, the
    values of those found asked only where there are some."""
    from ..context.east_asian_characters import EAST_ASIAN_SCRIPTS

    return characters_of(EAST_ASIAN_SCRIPTS)


def _among_symbols(text: str, run: Run) -> bool:
    """Whether both neighbours of ``run`` are symbols (not letters, digits or spaces)."""
    neighbours = text[run.start - 1 : run.start] + text[run.end : run.end + 1]
    return len(neighbours) == 2 and not any(ch.isalnum() or ch.isspace() for ch in neighbours)


def _is_a_word(word: str) -> bool:
    """Whether some language of the word's script has ``word`` among its
    common words (Zipf 4, once in 100,000 words: word lists built from the web
    hold mojibake too, so rarer entries prove nothing)."""
    scripts = _letter_scripts(word)
    if len(scripts) != 1:
        return False
    return _written(word.casefold(), scripts.pop(), _A_COMMON_WORD)


def _word_repaired(text: str, run: Run, page: CodePage) -> tuple[str, str]:
    """The word ``run`` is in, and that word repaired: the other sequences
    of the page in the word are repaired with it, for a word may hold
    several (``ĂŠtĂŠ`` is ``été`` in ISO-8859-2)."""
    left, right = run_around(text, run.start, run.end, is_letter)
    repaired = (
        _repaired_word(text, left, run.start, page)
        + run.decoded
        + _repaired_word(text, run.end, right, page)
    )
    return text[left:right], repaired


def _makes_a_word(original: str, repaired: str) -> bool:
    """Whether the repair turns a word no language knows into a common word
    of a language of its script (``PÃ…`` is ``PÅ``, Swedish ``på``).

    Only weak runs ask, so the word lists load only for texts that need them.
    """
    original, repaired = original.casefold(), repaired.casefold()
    scripts = _letter_scripts(repaired) - {"Common"}
    if len(scripts) != 1 or not all(is_letter(ch) for ch in repaired):
        return False
    script = scripts.pop()
    return _written(repaired, script, _COMMON_WORD) and not _written(original, script, _LISTED)


def _makes_the_one_spelled_word(original: str, repaired: str, page: CodePage) -> bool:
    """Whether the repair turns a word whose letters no language writes
    together into one whose letters a language does (:func:`_a_spelled_word`),
    and no other page makes another such word of it (``makrĂł``: Romanian writes
    ``Ă``, Polish ``ł``, none both; Windows-1250 and ISO-8859-2 both read
    Hungarian ``makró``, where ``TĂźrkei`` is ``Tßrkei`` in one and
    ``Türkei`` in the other): the alphabets tell where the lists lack the word."""
    if not _a_spelled_word(repaired) or _spelled_by_a_language(original):
        return False
    return not any(
        other != repaired and _a_spelled_word(other) for other in _other_readings(original, page)
    )


def _a_spelled_word(word: str) -> bool:
    """Whether ``word`` is letters of one script that one language writes,
    with no capital after a small letter (``SegÊdprogramok`` is none)."""
    return (
        all(map(is_letter, word))
        and len(_letter_scripts(word) - {"Common"}) == 1
        and not _capital_after_small().search(word)
        and _spelled_by_a_language(word)
    )


def _breaks_a_word(text: str, run: Run) -> bool:
    """Whether the run lies inside a common word of a language of its
    script, which the repair would turn into no word: in cp866 the small
    Cyrillic letters are leads and continuation bytes (``ред`` reads as
    ``।``), so a Russian word may decode as a whole, and only the word lists
    tell text from mojibake."""
    inside = text[run.start : run.end]
    scripts = _letter_scripts(inside) - {"Common"}
    if not inside or not all(is_letter(ch) for ch in inside) or len(scripts) != 1:
        return False
    script = scripts.pop()
    if script == "Latin":
        return False
    # The word is the letters around the run, but for non-ASCII letters of
    # another script: those are other damage (``челÐ``, a word cut inside a
    # sequence of Windows-1252 mojibake), while ASCII letters make a word
    # that mixes scripts, which is no word (KOI8-R's ``еЁ`` in ``gyventojеЁ``).
    left, right = run_around(
        text,
        run.start,
        run.end,
        lambda ch: is_letter(ch) and (ch.isascii() or script_of(ch) == script),
    )
    original = text[left:right]
    if _letter_scripts(original) - {"Common", script}:
        return False
    repaired = (text[left : run.start] + run.decoded + text[run.end : right]).casefold()
    return _written(original.casefold(), script, _COMMON_WORD) and not _written(
        repaired, script, _COMMON_WORD
    )


# Zipf 3: a word seen once per million words.
_COMMON_WORD = 1e-6
# Zipf 4: once in 100,000 words.
_A_COMMON_WORD = 1e-5
# Any frequency at all: the word is in some list.
_LISTED = 1e-12


@functools.lru_cache(maxsize=1 << 15)
def _written(word: str, script: str, at_least: float) -> bool:
    """Whether some language written in ``script`` writes ``word`` at least
    ``at_least`` of the time."""
    return _frequency_in(word, script) >= at_least


def _repaired_word(text: str, start: int, end: int, page: CodePage) -> str:
    """``text[start:end]`` (a part of one word) with each UTF-8 sequence of
    ``page`` in it decoded."""
    unit = _patterns(page.name)[0]
    pieces: list[str] = []
    position = start
    for match in unit.finditer(text, start, end):
        raw = page.encode(match.group())
        decoded = None if raw is None else _decode(raw)
        if decoded is not None:
            pieces += [text[position : match.start()], decoded]
            position = match.end()
    pieces.append(text[position:end])
    return "".join(pieces)


@functools.cache
def _grave_lead(name: str) -> str | None:
    """What page ``name`` shows for the lead byte C3 where that lead and a
    space are ``à`` whose no-break space was lost (:func:`_grave_accent_fix`):
    ``Ã``, or ``Г`` between Latin words in Windows-1251; ``None`` in the
    other Latin pages, which keep the reading whole (Vietnamese ``hĂ i`` in
    Windows-1250 is ``hài``)."""
    page = code_page(name)
    lead = _shown("\xc3", page)
    return lead if lead == "Ã" or _between_latin_words(page) else None


def _grave_accent_fix(text: str, run: Run, lead: str | None) -> Run | None:
    """``Ã`` + space (``lead``, :func:`_grave_lead`) is ``à`` whose no-break
    space was lost. Keep the space unless the next word needs ``à`` as its
    prefix (Portuguese ``às``). In a language that has no word ``à``, ``Ã``
    and one space alone is no run: a letter that lost its second byte,
    before a space (Icelandic ``Í``, ``Á``); ``à`` and a space would have
    left two (``Ã  la carte``)."""
    if lead is None or not (run.spaces_restored and text[run.end - 2 : run.end] == lead + " "):
        return run
    rest = text[run.end : run.end + 6]
    if run.end - run.start == 2 and not rest.startswith(" ") and not _writes_a_grave(text):
        return None
    if rest.startswith(" ") or _GRAVE_PREFIXES.match(rest):
        return run
    return dataclasses.replace(run, end=run.end - 1)


@functools.lru_cache(maxsize=2)
def _writes_a_grave(text: str) -> bool:
    """Whether the language of ``text`` writes ``à`` as a word (French,
    Portuguese); every code page's detector asks it of the same text."""
    from ..context.words import guess_language, zipf

    lang = guess_language(text, "Latin")
    return lang is not None and zipf("à", lang) >= _GRAVE_WORD


@functools.cache
def _page_characters(name: str) -> re.Pattern[str]:
    return re.compile(_char_class("".join(code_page(name).byte_of)))


def page_support(
    text: str, page: CodePage, scored: list[tuple[Run, float]], start: int = 0, end: int = -1
) -> float:
    """How well ``text[start:end]`` (a block, :func:`blocks`; the whole text
    by default) reads as UTF-8 mojibake in ``page``, from 0 to 1.

    Mojibake is made by one program reading a whole document with one code
    page, so once some runs are clearly broken in a page, and the page
    explains nearly every character of it in the text, the weaker runs
    (``Ä…`` for ``ą``, which alone looks like ordinary text) are broken too.
    Runs that need support (:func:`_needs_support`) give none, and
    count neither for the page nor against it.
    """
    usable: list[tuple[Run, float]] = []
    unheard = 0
    for run, score in scored:
        if _needs_support(text, run):
            unheard += run.end - run.start
        elif score > 0.0:
            usable.append((run, score))
    if not usable:
        return 0.0
    covered = sum(run.end - run.start for run, _ in usable)
    if page.name in WESTERN_PAGES:
        unheard += len(_leads_lost_beside(text, [run for run, _ in usable]))
    end = len(text) if end < 0 else end
    candidates = len(_page_characters(page.name).findall(text, start, end)) - unheard
    coverage = covered / candidates if candidates else 0.0
    strongest = max(score for _, score in usable)
    if strongest >= 0.6 or (covered >= 6 and coverage >= 0.95):
        return coverage
    return 0.0


def _leads_lost_beside(text: str, runs: list[Run]) -> set[int]:
    """Where a lead that lost its continuation bytes touches one of ``runs``
    (``Ñ`` around ``Ð°Ð±Ð»Ð¾Ð½`` in ``ÑÐ°Ð±Ð»Ð¾Ð½Ñ``, ``шаблоны`` without its ``ш``
    and ``ы``): the same damage of the same page, neither for nor against it."""
    leads = LEADS + LONE_PUNCTUATION_LEAD
    return {
        index
        for run in runs
        for index in (run.start - 1, run.end)
        if 0 <= index < len(text) and text[index] in leads
    }


def stretches(text: str, runs: list[Run]) -> list[list[Run]]:
    """Runs grouped into stretches: neighbouring runs with nothing but ASCII
    between them. Inside a stretch the runs explain every non-ASCII
    character, which is what makes a text read as one code page."""
    groups: list[list[Run]] = []
    for run in runs:
        if groups and text[groups[-1][-1].end : run.start].isascii():
            groups[-1].append(run)
        else:
            groups.append([run])
    return groups


def stretch_confidence(text: str, page: CodePage, stretch: list[Run], share: float) -> float:
    """The confidence for every run of a stretch at once (0.0 when the
    repaired stretch would not look better).

    This is ftfy's test for a whole text, applied to each stretch that one
    code page explains: the common case is one program reading a whole
    document, or a whole part of one, with one code page. ``share`` is the
    part of the text's non-ASCII characters the stretch explains; the more,
    the surer.
    """
    decoded = [run.decoded for run in stretch]
    if not all(is_common(ch) for piece in decoded for ch in piece):
        return 0.0
    if all(_needs_support(text, run) for run in stretch) or any(
        _strands_a_mark(text, run) for run in stretch
    ):
        return 0.0
    if any(
        _glued_to_page_letter(text, run.start - 1, page)
        or _glued_to_page_letter(text, run.end, page)
        or _amid_a_garble(text, run, page)
        for run in stretch
    ):
        return 0.0
    start = max(0, stretch[0].start - 3)
    end = min(len(text), stretch[-1].end + 3)
    repaired = _splice_runs(text, stretch, decoded, start, end)
    bad_before, bad_after = _badness(text[start:end]), _badness(repaired)
    if bad_after >= bad_before:
        # ftfy's badness knows the Western pages best: telling sequences
        # that only this page reads show the rest (KOI8-R's box drawing).
        first, last = stretch[0].start, stretch[-1].end
        garble = text[start:end]
        if utf8_scan.telling_count(garble, _TELLING_ENOUGH) >= _TELLING_ENOUGH and _read_only_so(
            text[first:last], page, _splice_runs(text, stretch, decoded, first, last)
        ):
            bad_after += utf8_scan.telling_count(repaired)
            # Only whether the garble tells more than that matters: counted so far.
            bad_before += utf8_scan.telling_count(garble, max(1, bad_after - bad_before + 1))
    if bad_after >= bad_before:
        return 0.0
    breaks = sum(
        _case_breaks(run.decoded, text[max(0, run.start - 1) : run.start], text[run.end :][:1])
        for run in stretch
    )
    return max(0.0, 0.9 + 0.09 * share - 0.02 * min(5, bad_after) - 0.05 * min(5, breaks))


def _splice_runs(text: str, runs: list[Run], pieces: list[str], start: int, end: int) -> str:
    """``text[start:end]`` with each run replaced by its piece."""
    out: list[str] = []
    position = start
    for run, piece in zip(runs, pieces, strict=True):
        out.append(text[position : run.start])
        out.append(piece)
        position = run.end
    out.append(text[position:end])
    return "".join(out)


def _reason(name: str, run: Run) -> str:
    return _reason_for(name, run.layers)


def _reason_for(name: str, layers: int) -> str:
    return f"UTF-8 read as {name}" + (f" ({layers} layers)" if layers > 1 else "")


@functools.cache
def _capital_after_small() -> regex.Pattern[str]:
    """A small letter and a capital, not both ASCII: where a repair put a
    capital after a small letter (``iPhone`` is as written)."""
    import regex

    return regex.compile(r"\p{Ll}\p{Lu}(?<![\x00-\x7f]{2})")


def _case_broken(text: str, page: CodePage) -> bool:
    """Whether a word of ``text``, read through ``page``, puts a capital after
    a small letter that the page alone reads so: a name written so (``АиФ``,
    whose every byte is there and which no other page makes UTF-8 of) stands
    as :func:`read_whole` lets it; a word that lost bytes is judged as read.

    >>> _case_broken("РђРёР¤ Р—РґРѕСЂРѕРІСЊРµ", code_page("cp1251"))
    False
    """
    for word in text.split():
        raw = page.encode(word.replace("\ufffd", MARKER_BYTE))
        if raw is None:
            continue
        decoded = utf8_of(raw)
        read = decoded or LOST_BYTE.sub(" ", raw.decode("utf-8", "surrogateescape"))
        if _capital_after_small().search(read) and (
            decoded is None or not _read_by_no_other(word, page, decoded)
        ):
            return True
    return False


# What a stretch explaining every non-ASCII character of the text gets from
# :func:`stretch_confidence` when its repair leaves nothing bad and no case break.
_WHOLE_TEXT_CONFIDENCE = 0.99


def read_whole(text: str, name: str, detector_id: str) -> WholeReading | None:
    """The repair of a text that ``name`` explains from end to end, when
    that reading is beyond doubt; ``None`` otherwise.

    A whole document read with the wrong code page is the commonest mojibake.
    Two codec calls settle it: the text, which ftfy's badness finds broken
    (or two telling sequences that only this page reads, for the pages
    ftfy's badness does not know), has bytes in the code page that decode
    as UTF-8, all the way down its layers, to characters modern text uses,
    holding no telling sequence that a code page reads as a character in
    use (:func:`_still_broken`) and breaking no word's case. That is the
    one stretch :func:`stretch_confidence` gives its highest confidence, and
    the repair is what the detector would find, one change per run of
    non-ASCII characters, without judging each run.

    >>> read_whole("cafÃ© crÃ¨me", "cp1252", "utf8-as-cp1252").text
    'café crème'
    >>> read_whole("cafÃ© crème", "cp1252", "utf8-as-cp1252") is None  # not all of it
    True
    >>> read_whole("п≤п╫я┌п╣я─п╫п╣я┌", "koi8-r", "utf8-as-koi8-r").text  # ftfy's badness: clean
    'Интернет'
    >>> read_whole("Å£", "cp1252", "utf8-as-cp1252") is None  # one telling sequence: maybe chance
    True
    """
    page = code_page(name)
    raw = page.encode(text)
    if raw is None or raw.isascii():
        return None
    decoded = utf8_of(raw)
    if decoded is None:
        return None
    # C1 controls are no text: where the text shows some that its UTF-8
    # explains, the layer they were read in ends there, and a layer beneath
    # that looks clean is the text (``SELKÄ\xa0`` is no ``Ġ``).
    found = deepest_common(decoded, page, clean_is_last=C1_CONTROL.search(text) is not None)
    if found is None:
        return None
    final, layers = found
    if (
        (_capital_after_small().search(final) and not _read_by_no_other(text, page, decoded))
        or _still_broken(final)
        or not _looks_broken(text, page, decoded)
    ):
        return None
    if _unwritten_east_asian(final):
        return None  # chance bytes, or rare characters: each run judged with its page
    if _a_twin_reads_better(text, page, raw, final):
        return None  # the twin, later in priority, reads it
    return WholeReading(
        text=final,
        detector=detector_id,
        confidence=_WHOLE_TEXT_CONFIDENCE,
        reason=_reason_for(name, layers),
    )


# Pages that show most of the same characters at other bytes: a text one
# reads whole, the other may read whole too, differently (``NÃ€chstes`` is
# Windows-1252's ``NÀchstes`` and ISO-8859-15's ``Nächstes``; Romanian
# ``ĂŽn`` Windows-1250's ``În`` and ISO-8859-2's ``în``).
_TWINS = {"cp1252": ("iso-8859-15",), "cp1254": ("iso-8859-15",), "cp1250": ("iso-8859-2",)}


def _a_twin_reads_better(text: str, page: CodePage, raw: bytes, reading: str) -> bool:
    """Whether a twin of ``page`` (in which ``text`` is ``raw``) reads it
    whole as well, and its reading is the likelier text (:func:`_reads_better`)."""
    for name in _TWINS.get(page.name, ()):
        twin = code_page(name)
        its_raw = twin.encode(text)
        if its_raw is None or its_raw == raw:
            continue  # the twin cannot show it, or reads it alike
        decoded = utf8_of(its_raw)
        found = None if decoded is None else deepest_common(decoded, twin)
        if found is None or found[0] == reading or not _reads_better(found[0], reading):
            continue
        if read_whole(text, name, name) is not None:
            return True
    return False


def _reads_better(other: str, reading: str) -> bool:
    """Whether ``other`` is likelier text than ``reading``, the two differing
    in a few characters: where they differ, more of its words are listed
    (``Nächstes``, not ``NÀchstes``), fewer of its characters are signs
    inside a word (``Bal÷zs``) or capitals that stand inside one or open one
    right after a small word (``s-au Înselat``, ``non Ú``).

    >>> _reads_better("s-au înselat", "s-au Înselat"), _reads_better("În 1990", "în 1990")
    (True, False)
    """
    if len(other) != len(reading):
        return False
    # The readings differ only where one shows a character beyond ASCII.
    differing = [
        match.start()
        for match in _NOT_ASCII.finditer(other)
        if reading[match.start()] != match.group()
    ]
    score = sum(_fault(reading, i) - _fault(other, i) for i in differing)
    theirs, mine = _LETTER_RUN.findall(other), _LETTER_RUN.findall(reading)
    if len(theirs) == len(mine):
        words = [(a, b) for a, b in zip(theirs, mine, strict=True) if a != b][:_WORDS_COMPARED]
        score += sum(_spelled_and_listed(a) - _spelled_and_listed(b) for a, b in words)
    return score > 0


def _spelled_and_listed(word: str) -> bool:
    """Whether a language of the word's script whose letters spell it lists
    it among its commoner words (looked up only in those languages)."""
    from ..context.words import listed_as_written

    scripts = _letter_scripts(word)
    return len(scripts) == 1 and listed_as_written(word, scripts.pop())


def _fault(text: str, index: int) -> bool:
    """Whether the character at ``index`` is a sign wedged between two
    letters (``Bal÷zs``), or a capital that stands inside a word or opens
    one right after a small word and spaces (not a sentence's start)."""
    ch = text[index]
    if not ch.isalpha():
        return text[index - 1 : index].isalpha() and text[index + 1 : index + 2].isalpha()
    if not ch.isupper():
        return False
    if index and text[index - 1].isalpha():
        return True
    before = text[:index].rstrip(" ")
    return len(before) < index and before[-1:].islower()


def _still_broken(text: str) -> bool:
    """Whether ``text``, a whole reading, still shows a telling sequence
    that some page reads as a character in use: a layer of another page may
    lie beneath. One that every page reads as a character no text uses is
    what the author wrote (``и┘`` of ``пути┘От``, where a KOI8-R page drew
    ``»`` as box drawing, is KOI8-R's ``Ʌ``)."""
    for anchor in utf8_scan.telling_anchors(text):
        pair = text[anchor - 1 : anchor + 1]
        readings = [
            decoded
            for name in CODEC_NAMES
            if (raw := code_page(name).encode(pair)) is not None
            and (decoded := utf8_of(raw)) is not None
        ]
        if not readings or any(is_common(ch) for decoded in readings for ch in decoded):
            return True
    return False


def read_stretches(text: str, name: str, detector_id: str) -> tuple[Stretch, ...]:
    """The readings of the stretches of ``text`` between characters ``name``
    cannot show that ``name`` explains from end to end, each judged as
    :func:`read_whole` judges a whole text: a text broken in some sentences
    and written in others, where the written ones hold letters no reading in
    the page could have made (``שלום``, ``Привет``), is read sentence by
    sentence as if each had come alone. A stretch that runs on into such a
    letter with no ASCII between is left to the readers of runs.

    >>> [(start, end, r.text) for start, end, r in read_stretches(
    ...     "Ð¿Ñ€Ð¸Ð²ÐµÑ‚, שלום ×©×¤×”", "cp1252", "utf8-as-cp1252")]
    [(0, 14, 'привет, '), (18, 25, ' שפה')]
    """
    found: list[Stretch] = []
    made = _scripts_made(name)
    signs = _signs_at(text)
    position = 0  # the text before this is read, or written
    for stretch in stretch_pattern(name).finditer(text):
        start, end = stretch.span()
        # Every character beside the stretches read must be written, a
        # stretch left unread too: asked as soon as it is passed.
        if not _written_between(signs, position, start, made):
            return ()
        position = start
        if (start == 0 and end == len(text)) or cut_from_more(text, start, end):
            continue  # the whole text (read_whole's), or one running on into a letter
        reading = read_whole(stretch.group(), name, detector_id)
        if reading is not None:
            found.append((start, end, reading))
            position = end
    if found and not _written_between(signs, position, len(text), made):
        return ()
    return tuple(found)


def could_make(word: str, name: str) -> bool | None:
    """Whether misreading UTF-8 as ``name`` could have made ``word`` (its
    bytes in the page decode as UTF-8): ``True``; ``False`` where it could
    not have, nor a word beside such a reading (its letters are of scripts
    the page cannot show, and nothing in it tells of lost bytes); ``None``
    where it cannot tell.

    >>> could_make("Ã©tÃ©", "cp1252"), could_make("שלום", "cp1252"), could_make("été", "cp1252")
    (True, False, None)
    """
    raw = code_page(name).encode(word)
    if raw is not None and utf8_of(raw) is not None:
        return True
    return False if _written_between(_signs_at(word), 0, len(word), _scripts_made(name)) else None


def _written_between(
    signs: dict[str, list[int]], start: int, end: int, made: frozenset[str]
) -> bool:
    """Whether the text from ``start`` to ``end``, beside the stretches
    read, is written: its letters are of scripts no UTF-8 that a page that
    ``made`` them misread could have made (Hebrew beside Windows-1252's
    ``×©×``; a Latin letter there may be another page's reading, ``Ã``
    beside a Windows-1250 reading of ``Â«``), and nothing else in it tells
    of lost bytes (controls, U+FFFD). ``signs`` are the text's, from
    :func:`_signs_at`: each page asks them of the same text."""
    for script in (*made, _LOST):
        at = signs.get(script)
        if at:
            index = bisect.bisect_left(at, start)
            if index < len(at) and at[index] < end:
                return False
    return True


# Every page asks them of the same text (a line, a word) in turn.
@functools.lru_cache(maxsize=2)
def _signs_at(text: str) -> dict[str, list[int]]:
    """Where ``text``'s characters beyond ASCII that a misreading may have
    made stand: its letters by script, and under :data:`_LOST` the controls
    and U+FFFD that tell of lost bytes; one pass, however many pages ask."""
    signs: dict[str, list[int]] = {}
    for match in _NOT_ASCII.finditer(text):
        ch = match.group()
        if is_letter(ch):
            signs.setdefault(script_of(ch), []).append(match.start())
        elif ch == "\ufffd" or unicodedata.category(ch)[0] == "C":
            signs.setdefault(_LOST, []).append(match.start())
    return signs


_LOST = ""


@functools.cache
def _scripts_made(name: str) -> frozenset[str]:
    """The scripts of the letters page ``name`` shows, Latin always: what
    its misreading of UTF-8 writes."""
    shown = code_page(name).byte_of
    return frozenset({"Latin", *_letter_scripts("".join(shown))})


_NOT_ASCII = re.compile("[^\x00-\x7f]")


# A question mark after a lead, or after a lead and some of the
# continuation bytes it announces.
_QUESTION_MARK_INSIDE = re.compile(
    rb"(?:(?<=[\xc2-\xf4])|(?<=[\xe0-\xf4][\x80-\xbf])|(?<=[\xf0-\xf4][\x80-\xbf]{2}))\?"
)


@functools.cache
def _with_no_break_space(lead: int) -> bool:
    """Whether ``lead`` and the byte of the no-break space (``A0``) begin a
    character text uses, which a cleaning step would have cut in two by
    taking the second byte for a space (``CE A0``: ``Π``; ``EC A0 80``: ``저``;
    not ``CF A0``, ``Ϡ``, nor ``E2 A0``, braille). A byte within a sequence
    may be followed by ``A0`` in any (``E5 8A A0``: ``加``).

    >>> [_with_no_break_space(lead) for lead in (0xCE, 0xEC, 0x8A, 0xCF, 0xE2)]
    [True, True, True, False, False]
    """
    if lead < 0xC0:
        return True  # a sequence cut short there (:func:`_space_may_be_its_byte`)
    tails = [b""] if lead < 0xE0 else [bytes((c,)) for c in range(0x80, 0xC0)]
    if lead >= 0xF0:
        tails = [tail + b"\x80" for tail in tails]
    return any(
        (character := utf8_of(bytes((lead, 0xA0)) + tail)) is not None and is_common(character)
        for tail in tails
    )


def _dropped_or_spaced(raw: bytes, index: int, page: CodePage) -> tuple[int, int, str] | None:
    """The repair of a lead alone before a space in a text whose decoder
    dropped the bytes ``page`` leaves undefined: the lead lost one of them
    and the space is the text's (``Р `` of ``И вместо``: Windows-1251's
    ``98``; Windows-1250 leaves five, ``Ĺ `` may be ``ň``, ``Ł``, ``Ř``, …),
    or the space was the lead's no-break space (``Р РћРЎ`` of ``РОС``). The
    words decide, each story as likely as the words it makes (a word's
    frequency, the two words' product), the likeliest ten times likelier
    than the others (the lead's character with its no-break space and the
    space kept among them); otherwise ``None``, the lead left as it came.

    >>> raw = code_page("cp1251").encode("РЎРњР РІРјРµСЃС‚Рѕ")
    >>> _dropped_or_spaced(raw, 4, code_page("cp1251"))
    (4, 5, 'И')
    >>> raw = code_page("cp1250").encode("jeseĹ pĂˇlil")  # C5 88 of ``ň``, one of five
    >>> _dropped_or_spaced(raw, 4, code_page("cp1250"))
    (4, 5, 'ň')
    """
    lead = raw[index : index + 1]
    dropped = {
        ch
        for byte in page.undefined
        if byte < 0xC0 and (ch := utf8_of(lead + bytes((byte,)))) is not None and is_letter(ch)
    }
    spaced = utf8_of(lead + b"\xa0")
    if not dropped or spaced is None or not is_letter(spaced):
        return None
    before = index
    while before > 0 and _in_a_word(raw[before - 1]):
        before -= 1
    after = index + 2
    while after < len(raw) and _in_a_word(raw[after]):
        after += 1
    prefix, following = utf8_of(raw[before:index]), utf8_of(raw[index + 2 : after])
    if prefix is None or following is None:
        return None  # another byte lost beside it: the words are not there to ask

    def likely(*words: str) -> float:
        return math.prod(
            _frequency_in(word.casefold(), script_of(word[-1])) for word in words if word
        )

    stories = [(likely(prefix + ch, following), (index, index + 1, ch)) for ch in sorted(dropped)]
    stories.append((likely(prefix + spaced + following), (index, index + 2, spaced)))
    stories.sort(key=lambda story: -story[0])
    rival = max(stories[1][0], likely(prefix + spaced, following))
    return stories[0][1] if stories[0][0] > _WORDS_DECIDE * rival else None


# How much likelier the words one story makes must be than any other's (Zipf 1).
_WORDS_DECIDE = 10.0


def _frequency_in(word: str, script: str) -> float:
    """The highest frequency any language written in ``script`` gives ``word``."""
    from ..context.words import LANGUAGES_BY_SCRIPT, frequencies, word_hash

    hashed = word_hash(word)
    return max(
        (
            frequencies(lang, "small").frequency(word, hashed)
            for lang in LANGUAGES_BY_SCRIPT.get(script, ())
        ),
        default=0.0,
    )


def _in_a_word(byte: int) -> bool:
    """Whether ``byte`` may be part of a word: a letter, or of a sequence."""
    return byte >= 0x80 or chr(byte).isalpha()


def _space_may_be_its_byte(raw: bytes, index: int) -> bool:
    """Whether a space after the lost byte ``raw[index]`` may have been the
    no-break space byte (``A0``) of the sequence it ends: a lead alone that
    makes a character with one (:func:`_with_no_break_space`), or a
    sequence still short of its length, not one whose bytes are all there
    but for markers (``E2 1A BD`` is ``⚽``, its ``9A`` lost, before a space).

    >>> _space_may_be_its_byte(b"\\xe2\\x1a\\xbd ", 2), _space_may_be_its_byte(b"\\xe5\\x8a ", 1)
    (False, True)
    """
    byte = raw[index]
    if byte == MARKER_ORD:
        return False
    if byte >= 0xC0:
        return _with_no_break_space(byte)
    for lead in range(index - 1, max(-1, index - 4), -1):
        length = sequence_length(raw[lead])
        if length:
            return index - lead + 1 < length
        if not CONTINUES.match(raw, lead):
            return False
    return False


# A lead of two bytes alone before a letter, a digit, a space or another
# lead: a byte its decoder dropped, where a decoder that marked would have
# written a ``?``.
_DROPPED_BEFORE = re.compile(b"[\xc2-\xdf](?=[0-9A-Za-z \xc2-\xf4])")


# A whole UTF-8 sequence beyond ASCII, or else (the group) a byte that
# strict UTF-8 decoding leaves out, or the stand-in for one: the characters
# and lost bytes ``surrogateescape`` decoding makes, found without a walk
# over every character.
_UTF8_UNIT = re.compile(
    b"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    b"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    b"|\xf4[\x80-\x8f][\x80-\xbf]{2}|([\x1a\x80-\xff])"
)


def read_around_losses(
    text: str, name: str, detector_id: str, dropped: bool = False
) -> tuple[Finding, ...]:
    """The repair of a text that ``name`` explains from end to end but where
    bytes were lost (a lead cut short, a marker for a byte): a finding for
    each run of whole sequences; the characters no sequence explains stay as
    they came for the readers of lost bytes to judge. Beyond doubt where
    the text looks broken, most of its high bytes lie in whole sequences,
    and what they decode to is text (common characters, no case broken, no
    telling sequence left): then judging every run in every page tells no
    more. No finding otherwise.

    >>> [f.replacement for f in read_around_losses("ÐŸÑ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ\ufffd", "cp1252", "x")]
    ['Привет', 'ми']
    """
    if MARKER_BYTE in text:
        return ()
    page = code_page(name)
    raw = page.encode(text.replace("\ufffd", MARKER_BYTE))
    if raw is None:
        return ()
    if name not in WESTERN_PAGES and not (dropped and _DROPPED_BEFORE.search(raw)):
        # A program that wrote U+FFFD into a legacy page wrote ``?``: where
        # one stands inside a sequence, it marks a byte too (``Р?`` of
        # ``И``), unless the text shows a byte dropped elsewhere (a lead
        # alone before a letter or a space): then a ``?`` is its own
        # (``dumneavoastrÄ?`` beside ``vÄ ``, each ``ă`` dropped its ``83``).
        # Windows-1252's are :mod:`.lossy_utf8`'s to weigh.
        raw = _QUESTION_MARK_INSIDE.sub(MARKER_BYTE.encode(), raw)
    # One character of the text a byte, so a byte's offset is its character's.
    decoded = raw.decode("utf-8", "surrogateescape")
    sequences: list[tuple[int, int, str]] = []
    lost: list[int] = []
    for unit in _UTF8_UNIT.finditer(raw):
        if unit.lastindex:
            lost.append(unit.start())
            continue
        ch = unit.group().decode("utf-8")
        if not is_common(ch):
            return ()
        sequences.append((unit.start(), unit.end(), ch))
    if not lost or not sequences:
        return ()  # nothing lost (the whole reading's), or nothing read
    spaced = [
        index
        for index in lost
        if text[index + 1 : index + 2] == " " and _space_may_be_its_byte(raw, index)
    ]
    spaced_repairs: list[tuple[int, int, str]] = []
    if spaced:
        # A space after a lead may have been its no-break space, where the
        # two make a character text uses (``Ξ `` may be ``Π``, ``Ο `` of
        # ``γνωστΟ `` no ``Ϡ``): the readers of lost bytes judge that with
        # the words around. A lead of Windows-1252, or a sequence cut short
        # there, is theirs with the whole text; a lead of another page alone
        # is left to them as it came, the rest read around it.
        if name in WESTERN_PAGES or any(raw[index] < 0xC0 for index in spaced):
            return ()
        lost = [index for index in lost if index not in spaced]
        if dropped:
            spaced_repairs = [
                repair
                for index in spaced
                if (repair := _dropped_or_spaced(raw, index, page)) is not None
            ]
        if not lost and not spaced_repairs:
            return ()
    plain = LOST_BYTE.sub(" ", decoded)  # what was read, a space for each byte lost
    put_back, undecided = put_back_lost(raw, lost, page, dropped)
    read = len(sequences) + len(put_back)
    still_lost = len(lost) - sum(end - start for start, end, _ in put_back)
    if read < _TELLING_ENOUGH or still_lost > read:
        return ()  # mostly lost
    unexplained = still_lost - sum(end - start for start, end in undecided)
    if dropped and unexplained and MARKER_ORD not in raw:
        return ()  # a page's dropped bytes are its reading where they explain every loss
    # Sequences side by side are one run; no sequence holds a lost byte.
    runs: list[list[tuple[int, int, str]]] = []
    for sequence in sequences:
        if runs and runs[-1][-1][1] == sequence[0]:
            runs[-1].append(sequence)
        else:
            runs.append([sequence])
    repairs = [(run[0][0], run[-1][1], "".join(ch for _, _, ch in run)) for run in runs]
    repairs = sorted(repairs + put_back + spaced_repairs)
    if (
        _case_broken(text, page)
        or utf8_scan.is_suspect(plain)
        or _unwritten_east_asian(plain)
        or not is_bad(text)
    ):
        return ()
    reason = _reason_for(name, 1)
    return tuple(
        Finding(
            start=start,
            end=end,
            detector=detector_id,
            confidence=_WHOLE_TEXT_CONFIDENCE,
            reason=reason,
            replacement=replacement,
        )
        for start, end, replacement in repairs
        # A byte put back may make the very character its lead shows
        # (Windows-1253 shows ``CE`` as ``Ξ``, and ``CE 9E`` is ``Ξ``).
        if text[start:end] != replacement
    )


def _read_around_replaced(text: str, name: str, detector_id: str) -> tuple[Finding, ...]:
    """:func:`read_around_losses` for a page other than Windows-1252 and
    Latin-1, whose decoder wrote U+FFFD (or ``?``) for a byte it leaves
    undefined, or dropped it: a lead alone is the page's reading where a
    marker follows it, or where every lost byte is one it dropped and
    neither Windows-1252 nor Latin-1 shows the text; elsewhere it is a
    letter of another page's reading (``Å`` of ``Åš``)."""
    dropped = not shown_in_the_west(text)
    if not dropped and not MARKED.search(text):
        return ()
    return read_around_losses(text, name, detector_id, dropped=dropped)


@dataclass(frozen=True, slots=True)
class Block:
    """Lines that may be one document read with one code page. A line whose
    other characters the page's runs do not mostly explain comes from
    elsewhere (a Japanese line beside Windows-1252 mojibake; a Russian one
    beside KOI8-R mojibake, where ``сё`` reads as UTF-8 by accident): it ends
    the block, and its own runs, if any, are a block of their own. ``lines``
    holds the number of the line of each run."""

    start: int
    end: int
    runs: tuple[Run, ...]
    lines: tuple[int, ...]


def blocks(text: str, runs: list[Run]) -> list[Block]:
    """The blocks of ``text`` that hold ``runs`` (in order), each line looked at once."""
    found: list[Block] = []
    held: list[Run] = []
    numbers: list[int] = []
    block_start = line_start = next_run = 0
    number = 0
    while line_start <= len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        first = next_run
        while next_run < len(runs) and runs[next_run].start < line_end + 1:
            next_run += 1
        on_line = runs[first:next_run]
        if _explains_most(text, line_start, line_end, on_line):
            held.extend(on_line)
            numbers.extend([number] * len(on_line))
        else:
            if held:
                found.append(Block(block_start, line_start, tuple(held), tuple(numbers)))
            if on_line:
                found.append(Block(line_start, line_end, tuple(on_line), (number,) * len(on_line)))
            held, numbers, block_start = [], [], line_end + 1
        line_start, number = line_end + 1, number + 1
    if held:
        found.append(Block(block_start, len(text), tuple(held), tuple(numbers)))
    return found


def _explains_most(text: str, start: int, end: int, runs: list[Run]) -> bool:
    """Whether ``runs`` hold at least half of the non-ASCII characters of the
    line ``text[start:end]`` (every line without any does)."""
    line = text[start:end]
    non_ascii = len(line) - len(line.encode("ascii", "ignore"))
    explained = sum(run.end - run.start - run.spaces_restored for run in runs)
    return 2 * explained >= non_ascii


def _scored_block(
    text: str, page: CodePage, block: Block
) -> tuple[list[tuple[Run, float]], list[tuple[Run, float]]]:
    """The runs of ``block`` that stretches the page explains for sure vouch
    for, with the stretch's confidence, and the others, each with its own score."""
    within = text[block.start : block.end]
    non_ascii = len(within) - len(within.encode("ascii", "ignore"))
    scored: list[tuple[Run, float]] = []
    explained_for_sure: list[tuple[Run, float]] = []
    for stretch in stretches(text, list(block.runs)):
        explained = sum(run.end - run.start - run.spaces_restored for run in stretch)
        whole = 0.0
        if len(stretch) > 1 or explained == non_ascii:
            whole = stretch_confidence(text, page, stretch, explained / max(1, non_ascii))
        for run in stretch:
            if whole >= 0.6 and not _spaced_case_break(text, run):
                explained_for_sure.append((run, whole))
            else:
                scored.append((run, judge(text, run, page)))
    return explained_for_sure, scored


def _spaced_case_break(text: str, run: Run) -> bool:
    """Whether ``run`` reads a space as a no-break space byte to make a
    capital after a small letter (``iÅ rūsių`` as ``iŠrūsių``, where ``š``
    dropped its byte before a space): the stretch around does not vouch for
    that guess, the run is judged alone."""
    return bool(run.spaces_restored) and bool(
        _case_breaks(run.decoded, text[max(0, run.start - 1) : run.start], text[run.end :][:1])
    )


# Enough for every code page of one text: a large text is not kept alive
# for long after its repair.
@functools.lru_cache(maxsize=16)
def _support_as_it_came(original: str, name: str) -> tuple[tuple[int, int, float], ...]:
    """:func:`page_support` of each block of the text as it came, before
    earlier passes repaired the runs that showed the page best: the numbers
    of the block's first and last lines with runs, and its support."""
    page = code_page(name)
    supports: list[tuple[int, int, float]] = []
    for block in blocks(original, list(find_runs(original, page))):
        scored = [(run, judge(original, run, page)) for run in block.runs]
        support = page_support(original, page, scored, block.start, block.end)
        supports.append((block.lines[0], block.lines[-1], support))
    return tuple(supports)


def _support_of_line(supports: tuple[tuple[int, int, float], ...], line: int) -> float:
    """The support of the block of the text as it came that held ``line``."""
    index = bisect.bisect_left(supports, line, key=lambda item: item[1])
    if index < len(supports) and supports[index][0] <= line:
        return supports[index][2]
    return 0.0


def _block_confidences(
    text: str, page: CodePage, block: Block, came: tuple[tuple[int, int, float], ...]
) -> Iterator[tuple[Run, float]]:
    """Each run of ``block`` that reads as mojibake in ``page``, with the
    confidence; ``came`` is the support of each block of the text as it came."""
    explained_for_sure, scored = _scored_block(text, page, block)
    yield from explained_for_sure
    in_block = page_support(text, page, scored + explained_for_sure, block.start, block.end)
    line_of = dict(zip(block.runs, block.lines, strict=True))
    for run, local in scored:
        # The runs a pass repaired showed the page; what they leave is
        # the same document, read the same way.
        support = max(in_block, _support_of_line(came, line_of[run])) if came else in_block
        # The share of the text the page explains also ranks one page's
        # reading of a run against another's.
        confidence = local * (0.9 + 0.1 * support)
        # A space read as a no-break space's byte to make a capital after a
        # small letter is a guess the page's support does not vouch for
        # either (``daĹ z`` is ``daň z`` that dropped a byte, not ``daŠz``).
        vouched = not _spaced_case_break(text, run)
        if vouched and support and (local >= 0.2 or (support >= _NEARLY_ALL and local > 0.0)):
            confidence = max(confidence, min(_MOST_FOR_A_PART, 0.35 + 0.5 * support + 0.1 * local))
        if confidence > 0.0:
            yield run, confidence


def _finder(name: str, detector_id: str, priority: int) -> Detector:
    def find(text: str, original: str | None = None) -> Iterator[Finding]:
        page, lead = code_page(name), _grave_lead(name)
        runs = [
            fixed
            for fixed in (
                _grave_accent_fix(text, run, lead) for run in find_runs(text, page, original)
            )
            if fixed is not None
        ]
        if not runs:
            return
        came = _support_as_it_came(original, name) if original is not None else ()
        for block in blocks(text, runs):
            for run, confidence in _block_confidences(text, page, block, came):
                yield Finding(
                    start=run.start,
                    end=run.end,
                    detector=detector_id,
                    confidence=confidence,
                    reason=_reason(name, run),
                    replacement=run.decoded,
                )

    return Detector(
        id=detector_id,
        summary=f"UTF-8 text that was decoded as {name}",
        find=find,
        trigger=shared_trigger,
        wake=functools.partial(utf8_scan.wakes_of, name),
        read_whole=lambda text: read_whole(text, name, detector_id),
        read_stretches=functools.partial(read_stretches, name=name, detector_id=detector_id),
        could_make=functools.partial(could_make, name=name),
        priority=priority,
        find_repaired=find,
        read_around_losses=(
            functools.partial(read_around_losses, name=name, detector_id=detector_id)
            if name in WESTERN_PAGES
            else functools.partial(_read_around_replaced, name=name, detector_id=detector_id)
            if code_page(name).undefined
            else None
        ),
    )


UTF8_AS_CP1252 = _finder("cp1252", "utf8-as-cp1252", 10)
UTF8_AS_LATIN_1 = _finder("latin-1", "utf8-as-latin-1", 11)

# The other code pages, most common first. ISO-8859-15 differs from
# Windows-1252 in few places, so it is tried last among the Western ones.
UTF8_AS_OTHER_CODE_PAGES: tuple[Detector, ...] = tuple(
    _finder(name, f"utf8-as-{name}", priority)
    for priority, name in enumerate(
        (
            "cp1250",
            "cp1251",
            "macroman",
            "cp1253",
            "cp1254",
            "cp1257",
            "iso-8859-2",
            "cp437",
            "cp850",
            "koi8-r",
            "iso-8859-15",
            "cp866",
        ),
        start=20,
    )
)
