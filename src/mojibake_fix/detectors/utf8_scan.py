"""The first look at a text: could it hold UTF-8 read through some code page?

Every text the engine is given passes here, so this look must cost little
more than one pass of the regular-expression engine, and it must say "no"
to clean text in any language, or the slow judging of the detectors runs on
it for nothing. A UTF-8 sequence misread as a code page is a lead character
and the continuation characters it announces; clean text forms such pairs
too (``Ві`` in Ukrainian, ``сё`` in Russian, ``’é`` in French, which are
sequences in Windows-1251, KOI8-R and MacRoman). They differ from real
mojibake in two ways, which this look uses:

- what the pair decodes to: real mojibake decodes to letters and signs
  modern text uses, a chance pair mostly to archaic or rare ones (``Ѹ``, ``ĳ``);
- what the pair looks like: a chance pair reads as text (two letters at the
  start of a word, a quotation mark before a letter), while real mojibake
  holds a symbol or control (``Ã©``, ``Ð¿``, ``â€œ``) or puts a capital right
  after a small letter inside a word (``DoÄŸan``, ``РїСЂ``);
- what stands around the pair: in real mojibake a two-byte sequence is
  neither followed by one more continuation byte nor preceded by a lead
  still waiting for its own, which all-caps Cyrillic with quotation marks
  is (``КАРЬЕРЕ»``, ``КАР’ЄРІ``: ``Р`` and ``Е`` are leads in Windows-1251).

A text wakes the UTF-8 detectors only when some sequence is *telling* in both
ways. Real mojibake of more than a word always holds one; the detectors then
find and judge every sequence, telling or not.

>>> is_suspect("The cafÃ© is open"), is_suspect("Всё в порядке. Від Києва — далеко.")
(True, False)
>>> is_suspect("l’été à Paris"), is_suspect("РџСЂРёРІРµС‚")
(False, True)
>>> is_suspect("«НОВЫЙ ЭТАП В КАРЬЕРЕ»"), is_suspect("MOЕ»E")
(False, True)
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from ..charclass import is_common, is_letter, script_of
from ..codepages import CODEC_NAMES, CodePage, code_page
from ..short_texts import kept_for_short
from .base import Wake, wake_pattern

# Letters that is_common admits but no text this side of a dictionary of
# rare words needs as the *only* sign of mojibake: ligatures and letters of
# small alphabets that a chance pair of common letters decodes to (``Ді`` is
# ``ĳ`` in Windows-1251, ``рё`` is ``ң`` in KOI8-R).
_RARE_RANGES = ((0x0132, 0x0133), (0x0138, 0x0138), (0x013F, 0x0140), (0x0149, 0x0149),
                (0x017F, 0x017F), (0x0492, 0x04FF), (0x0591, 0x05C7))  # fmt: skip

# Pages whose continuation bytes show the commonest small letters of a
# script (cp866: Cyrillic ``а``-``п``) have a scan of their own: merged, a
# lead of another page before such a letter (KOI8-R's ``н`` before ``а``)
# would stop the scan at almost every letter of a Cyrillic text.
WOKEN_APART = ("cp866",)

# Lead characters that stand for a no-break space's lead byte when the
# no-break space became a plain space: ``Ã `` is ``à``.
_NBSP_LEADS_2 = "ÃÅÎÐÙ"
_NBSP_LEAD_C2 = "Â"
# Three-byte leads whose sequence had a no-break space as its second or third byte.
_NBSP_LEADS_3 = "àáã"


def is_typical(ch: str) -> bool:
    """Whether ``ch`` is a character modern text commonly holds."""
    code = ord(ch)
    return is_common(ch) and not any(low <= code <= high for low, high in _RARE_RANGES)


def _is_word_letter(ch: str) -> bool:
    """A letter of a script that words are written with (``ª``, ``µ`` and
    ``ƒ``, the florin sign far more often than Ewe's letter, are signs here)."""
    return (
        is_letter(ch)
        and script_of(ch) not in ("Common", "Inherited")
        and is_common(ch)
        and ch != "ƒ"
    )


# How a capital and another letter that decode to a typical character tell:
# only right after a small letter (``DoÄŸan``); outside a word of capitals
# (``Firenze ГЁ stato`` is ``è``, ``ВСЁ`` is Russian); or on their own
# (``Ãš`` for ``è``: a capital and a small letter decoding to a small one).
_AFTER_SMALL, _OUTSIDE_CAPITALS, _ALONE = 0, 1, 2


def _how_letters_tell(cont: str, decoded: str) -> int:
    if decoded.islower():
        return _ALONE if cont.islower() else _OUTSIDE_CAPITALS
    return _AFTER_SMALL


def _reads_as_text(garble: str) -> bool:
    """Whether a sequence's characters look like ordinary writing: letters
    only, or a punctuation mark before one letter (``’é`` in ``l’été``)."""
    if all(_is_word_letter(ch) for ch in garble):
        return len({script_of(ch) for ch in garble}) == 1  # ``ΓÇÖ`` is no word
    return (
        len(garble) == 2
        and unicodedata.category(garble[0]).startswith("P")
        and _is_word_letter(garble[1])
    )


@dataclass(frozen=True, slots=True)
class UnitTables:
    """The sequences of every code page, by how telling they are, and the
    character classes the scan's pattern is made of."""

    telling_pairs: dict[str, tuple[int, ...]]
    letter_pairs: dict[str, int]
    long_leads: dict[str, tuple[tuple[str, int], ...]]
    wake: Wake
    page_leads: tuple[frozenset[str], ...]
    page_conts: tuple[frozenset[str], ...]
    apart: tuple[Wake, ...]


def _class_body(chars: set[str] | str) -> str:
    return "".join(re.escape(ch) for ch in sorted(chars))


@functools.cache
def unit_tables() -> UnitTables:
    """Built once per process from the code pages' tables."""
    telling: dict[str, list[int]] = {}
    leads_of_page: list[frozenset[str]] = []
    conts_of_page: list[frozenset[str]] = []
    letters: dict[str, int] = {}
    long_leads: dict[str, list[tuple[str, int]]] = {}
    leads2: set[str] = set()
    leads3: set[str] = set()
    leads4: set[str] = set()
    conts: set[str] = set()
    for number, name in enumerate(CODEC_NAMES):
        page = code_page(name)
        page_conts = page.characters(0x80, 0xBF)
        leads_of_page.append(frozenset(page.characters(0xC2, 0xF4)))
        conts_of_page.append(frozenset(page_conts))
        merged = name not in WOKEN_APART
        if merged:
            conts.update(page_conts)
            leads3.update(page.characters(0xE0, 0xEF))
            leads4.update(page.characters(0xF0, 0xF4))
        for lead in page.characters(0xE0, 0xF4):
            long_leads.setdefault(lead, []).append((CODEC_NAMES[name], number))
        for lead in page.characters(0xC2, 0xDF):
            if merged:
                leads2.add(lead)
            for cont in page_conts:
                decoded = bytes([page.byte_of[lead], page.byte_of[cont]]).decode("utf-8")
                if not is_typical(decoded):
                    continue
                if not _reads_as_text(lead + cont):
                    telling.setdefault(lead + cont, []).append(number)
                elif lead.isupper():
                    letters[lead + cont] = max(
                        letters.get(lead + cont, _AFTER_SMALL), _how_letters_tell(cont, decoded)
                    )
    cp1252 = code_page("cp1252")
    strict = _class_body(
        {ch for ch in cp1252.characters(0x80, 0xBF) if cp1252.byte_of[ch] not in (0x85, 0xA0)}
    )
    cont = _class_body(conts)
    capitals = _class_body({pair[0] for pair in letters})
    around = "|".join(
        (
            f"(?<=[{_class_body(leads2)}][{_class_body({pair[1] for pair in telling} & conts)}])",
            f"(?<=[{capitals}][{_class_body({pair[1] for pair in letters} & conts)}])",
            f"(?<=[{_class_body(leads3)}][{cont}])(?=[{cont}])",
            f"(?<=[{_class_body(leads4)}][{cont}])(?=[{cont}][{cont}])",
            f"(?<=\\S[{_NBSP_LEADS_2}{_NBSP_LEAD_C2}])(?= )",
            f"(?<=[{_NBSP_LEADS_3}])(?: [{strict}]|[{strict}] )",
        )
    )
    return UnitTables(
        telling_pairs={pair: tuple(pages) for pair, pages in telling.items()},
        letter_pairs=letters,
        long_leads={lead: tuple(codecs) for lead, codecs in long_leads.items()},
        # Anchored at a continuation character, the rarer half of a pair,
        # or at the lead of a sequence whose no-break space became a space.
        wake=Wake(
            at=cont + _class_body(_NBSP_LEADS_2 + _NBSP_LEAD_C2 + _NBSP_LEADS_3),
            around=f"(?:{around})",
            confirm=is_telling_at,
        ),
        page_leads=tuple(leads_of_page),
        page_conts=tuple(conts_of_page),
        apart=tuple(_apart_wake(code_page(name)) for name in WOKEN_APART),
    )


def _apart_wake(page: CodePage) -> Wake:
    """The scan for a page woken apart: anchored at the characters it shows
    that clean text seldom holds (box drawing, its four-byte leads, its
    continuation bytes that are not small letters), a capital only right
    after a lead of a longer sequence, or after one and a continuation
    character; :func:`is_telling_at` then tests the sequence that holds it,
    whichever of its characters the anchor is. A sequence of three small
    letters reads as text and is never telling, so every telling sequence
    of the page holds such an anchor."""
    conts = page.characters(0x80, 0xBF)
    # F1-F4 start planes 4 to 16: unassigned, private use, or the tags that
    # follow a flag's emoji; no sequence of theirs stands alone in a text,
    # and they are capitals of Ukrainian words in capitals (``ЄВРО``).
    long_leads = _class_body(set(page.characters(0xE0, 0xF0)))
    rare = {
        ch
        for ch in conts + page.characters(0xC2, 0xDF) + page.characters(0xF0, 0xF4)
        if not (_is_word_letter(ch) and ch.islower())
    }
    capitals = {ch for ch in rare if ch.isupper()}
    cont = _class_body(set(conts))
    # In a pass of its own: merged, each capital of a text would try the
    # branches of every other wake.
    return Wake(
        at="",
        around=(
            f"[{_class_body(rare)}]"
            f"(?:(?<![{_class_body(capitals)}])|(?<=[{long_leads}].)|(?<=[{long_leads}][{cont}].))"
        ),
        confirm=_telling_near,
    )


def _telling_near(text: str, index: int) -> bool:
    """Whether a telling sequence holds ``text[index]``, as its lead, its
    second or its third character."""
    return any(
        is_telling_at(text, at) for at in (index, index + 1, index - 1) if 0 < at < len(text)
    )


def wake() -> Wake:
    """How the scan looks for UTF-8 read through the code pages it merges."""
    return unit_tables().wake


def wakes() -> tuple[Wake, ...]:
    """How the scan looks for UTF-8 read through any code page."""
    tables = unit_tables()
    return (tables.wake, *tables.apart)


def wakes_of(name: str) -> tuple[Wake, ...]:
    """How the scan looks for UTF-8 read through the code page ``name``: the
    merged wake, the page's own pass if it has one, and a lead standing
    before a space where UTF-8 that lost bytes is looked for (``Ã la carte``:
    ``à`` whose no-break space became a space, which the merged wake takes
    for telling only glued to a word). A page's own pass wakes that page
    alone: Russian camel case (``КонецЦикла``) looks like cp866 mojibake and
    nothing else."""
    tables = unit_tables()
    own = tuple(wake for page, wake in zip(WOKEN_APART, tables.apart, strict=True) if page == name)
    return (tables.wake, *own, _standing_before_a_space())


@functools.cache
def _standing_before_a_space() -> Wake:
    from .lossy_utf8.wakes import worth_a_look

    return Wake(at=_class_body(_NBSP_LEADS_2), around="(?= )", confirm=worth_a_look)


def is_suspect(text: str) -> bool:
    """Whether ``text`` holds a telling UTF-8 sequence in some code page."""
    return not text.isascii() and next(_telling_anchors(text), None) is not None


def telling_anchors(text: str) -> Iterator[int]:
    """Where a telling sequence of some code page ends its first two
    characters in ``text`` (the second's index)."""
    return iter(()) if text.isascii() else _telling_anchors(text)


@kept_for_short(maxsize=1 << 10)  # each page whose reading of a title is judged asks it
def telling_count(text: str, enough: int | None = None) -> int:
    """How many telling sequences ``text`` holds, in any code page: a text
    looks broken by them where ftfy's badness, made for the pages of Western
    text, sees nothing (``п≤п╫я┌`` is ``Инт`` read as KOI8-R). A sequence
    with a space of either kind is not counted: a letter before a no-break
    space is how French and Finnish write (``SELKÄ\xa0EDELLÄ``). Counting
    stops at ``enough``, where given: a page of KOI8-R mojibake holds
    hundreds.

    >>> telling_count("п≤п╫я┌п╣я─п╫п╣я┌"), telling_count("Интернет")
    (8, 0)
    >>> telling_count("п≤п╫я┌п╣я─п╫п╣я┌", enough=2)
    2
    """
    if text.isascii():
        return 0
    found: set[int] = set()
    for anchor in _telling_anchors(text):
        if not any(ch.isspace() for ch in text[anchor : anchor + 2]):
            found.add(anchor)
            if len(found) == enough:
                break
    return len(found)


def _telling_anchors(text: str) -> Iterator[int]:
    """Where each wake finds a telling sequence anchored in ``text``."""
    for each in wakes():
        confirm = each.confirm or is_telling_at
        for match in wake_pattern(each).finditer(text):
            if confirm(text, match.start()):
                yield match.start()


def is_telling_at(text: str, index: int) -> bool:
    """Whether a telling sequence has its anchor at ``text[index]``: the
    second character of a sequence, or the lead of one whose no-break space
    became a space."""
    tables = unit_tables()
    if index > 0:
        pair = text[index - 1 : index + 1]
        pages = tables.telling_pairs.get(pair)
        if pages is not None and any(_stands_whole(text, index, tables, page) for page in pages):
            return True
        how = tables.letter_pairs.get(pair)
        if how is not None and (
            how == _ALONE
            or (index > 1 and text[index - 2].islower())
            or (how == _OUTSIDE_CAPITALS and not _among_capitals(text, index - 1, index + 1))
        ):
            return True
        if text[index - 1] in tables.long_leads and any(
            _telling_long(text, index - 1, index - 1 + length, tables) for length in (3, 4)
        ):
            return True
    anchor, following = text[index], text[index + 1 : index + 3]
    if anchor in _NBSP_LEADS_2 + _NBSP_LEAD_C2 and following[:1] == " " and index > 0:
        return anchor == _NBSP_LEAD_C2 or text[index - 1].islower()
    if anchor in _NBSP_LEADS_3 and " " in following:
        garble = (anchor + following).replace(" ", "\xa0")
        decoded = _decoding(garble, "sloppy-windows-1252")
        # Two letters of a word before a space (Czech ``též``, Slovak
        # ``stráž``) read as text, as in :func:`_telling_long`.
        shown = garble.replace("\xa0", "")
        return decoded is not None and (not _reads_as_text(shown) or _never_by_chance(decoded))
    return False


def _stands_whole(text: str, index: int, tables: UnitTables, page: int) -> bool:
    """Whether the pair ending at ``text[index]`` can be a whole two-byte
    sequence in code page ``page``: no lead before it waits for a
    continuation byte, and no continuation byte follows it."""
    before = text[index - 2] if index > 1 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return before not in tables.page_leads[page] and after not in tables.page_conts[page]


def _among_capitals(text: str, start: int, end: int) -> bool:
    """Whether ``start:end`` stands among capitals: a capital at ``end``, or
    one right before ``start`` with no small letter at ``end`` (``TŠEKKI``
    is written in capitals; in ``TĹĄekki`` a small letter follows, and the
    pair is ISO-8859-2's ``š``)."""
    after = text[end : end + 1]
    if after.isupper():
        return True
    return start > 0 and text[start - 1].isupper() and not after.islower()


def _telling_long(text: str, start: int, end: int, tables: UnitTables) -> bool:
    """A three- or four-byte sequence at ``start:end`` in some code page."""
    if end > len(text):
        return False
    garble = text[start:end]
    decodings = [
        (decoded, codec)
        for codec, page in tables.long_leads.get(garble[0], ())
        if all(ch in tables.page_conts[page] for ch in garble[1:])
        and (decoded := _decoding(garble, codec))
    ]
    if not decodings:
        return False
    capital_after_small = start > 0 and text[start - 1].islower() and garble[0].isupper()
    looks_written = _reads_as_text(garble) and not capital_after_small
    camel = looks_written and any(
        left.islower() and right.isupper() for left, right in itertools.pairwise(garble)
    )
    # Letters never spell punctuation or an emoji by chance (``вЂњ`` and
    # ``ÔÇÖ`` are ``“`` and ``’``; cp866 shows ``🎉`` as four capitals, ``ЁЯОЙ``).
    return any(
        _never_by_chance(decoded)
        or not looks_written
        or (camel and not _camel_case_alone(text, start, end, codec))
        for decoded, codec in decodings
    )


def _camel_case_alone(text: str, start: int, end: int, codec: str) -> bool:
    """Whether a sequence telling only by a capital after a small letter sits
    inside a word of its script with no other sequence of ``codec`` beside
    it: a name written in camel case, as programs write them (Russian
    ``КонецЦикла`` in cp866). The CJK text a page shows so is a run of
    sequences (``уБУуВУ``)."""
    script = script_of(text[start])
    if not all(
        0 <= at < len(text) and text[at].isalpha() and script_of(text[at]) == script
        for at in (start - 1, end)
    ):
        return False
    return not any(
        _decoding(text[end : end + length], codec) is not None
        or (start >= length and _decoding(text[start - length : start], codec) is not None)
        for length in (2, 3, 4)
    )


def _never_by_chance(decoded: str) -> bool:
    """Punctuation, currency signs and the pictographs of emoji."""
    return (
        "\u2000" <= decoded <= "\u206f"
        or "\u20a0" <= decoded <= "\u20cf"
        or "\U0001f000" <= decoded <= "\U0001faff"
    )


def _decoding(garble: str, codec: str) -> str | None:
    """The one UTF-8 character modern text holds that ``garble``'s bytes in
    ``codec`` are, or U+FFFD for half of a UTF-16 surrogate pair written as
    UTF-8 (CESU-8); ``None`` for anything else."""
    try:
        raw = garble.encode(codec)
    except UnicodeEncodeError:
        return None
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "\ufffd" if len(raw) == 3 and raw[0] == 0xED and raw[1] >= 0xA0 else None
    return decoded if len(decoded) == 1 and is_typical(decoded) else None
