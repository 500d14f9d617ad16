"""Sites and groups: where a lead lost bytes, and the sites read together as one word.

A lead at the end of a text may be a character cut in the middle; whether that
cut is plausible is told by the letters and scripts around it.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Collection, Iterator

from ...charclass import is_common, is_letter, script_group, script_of
from ...codepages import code_page
from ...context.candidates import (
    LONE_PUNCTUATION_LEAD,
    Site,
    continuation_bytes,
    parse_site,
    sequence_length,
)
from ...context.quotes import EMOJI_PRESENTATION
from ...lines import WORD_REACH, run_around
from .damage import Damage
from .sequences import decoded_pieces, demojibake
from .wakes import cut_after_a_letter, plain_letter_at, trailing_letters, trigger_re


def text_before(text: str, index: int) -> str:
    """The text before ``index`` as far as a word reaches: what a site's
    word and the words just before it can be read from."""
    return text[max(0, index - WORD_REACH) : index]


def _in_word(ch: str, conts: dict[str, int], page: dict[str, int]) -> bool:
    return ch.isalpha() or (ch in conts) or (ch in page and ord(ch) >= 0xC0)


def word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    in_word = functools.partial(
        _in_word, conts=continuation_bytes(), page=code_page("cp1252").byte_of
    )
    return run_around(text, start, end, in_word)


def core_end_of(text: str, site: Site) -> int:
    """Where ``site`` ends, not counting a space that some readings take as
    their last byte (a no-break space that became a space)."""
    if text[site.end - 1] != " " and any(r.end == site.end for r in site.readings):
        return site.end  # no reading ends later: the site ends with the last
    ends = [r.end for r in site.readings if text[r.end - 1] != " "]
    return max(ends) if ends else site.start + 1


# Windows-1252 or Latin-1 mojibake somewhere: a lead byte and a character
# standing for a continuation byte in 80-9F, or ``Ã``/``Â`` before one in
# A0-BF (``Ã©``), which clean text does not write.
MOJIBAKE_EVIDENCE = re.compile("[\xc2-\xf4][\x80-\x9f€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|[ÂÃ][\xa0-\xbf]")
# Scripts whose letters a lead byte starts, as :func:`script_of` names them.
_WRITTEN_IN = {"Han": ("Han", "Hiragana", "Katakana")}


def lead_of_its_script(text: str, start: int) -> bool:
    """Whether the lead at ``start`` starts a letter of the script the text
    ends in (``Ñ`` closing Cyrillic, ``×`` Hebrew, ``ì`` Korean, ``à`` the
    first byte of Devanagari's letters): no such text ends in a Latin-1
    character, so that is the first byte of a cut letter."""
    index = start - 1
    while index >= 0 and not text[index].isalpha():
        index -= 1
    if index < 0 or script_of(text[index]) == "Latin":
        return False
    script = lead_script(text, start)
    if script == "Latin":
        return False
    if script_of(text[index]) in _WRITTEN_IN.get(script, (script,)):
        return True
    lead = code_page("cp1252").byte_of.get(text[start])
    return text[index].encode("utf-8")[0] == lead


def lead_of_its_letters(text: str, start: int) -> bool:
    """Whether the lead at ``start`` is the first byte of letters the text
    writes elsewhere (``Ä`` after ``Gradonačelnik``: ``č`` is ``C4 8D``), so
    that a cut one of them is likelier than the Latin-1 letter standing
    alone (``på Ø`` keeps its ``Ø``: no letter of the text starts with ``D8``)."""
    lead = code_page("cp1252").byte_of.get(text[start])
    return any(
        ch.isalpha() and ch != text[start] and ch.encode("utf-8")[0] == lead
        for ch in set(text[:start])
        if ch >= "\x80"
    )


def all_mojibake(text: str, start: int) -> bool:
    """Whether every character above ASCII before ``start`` belongs to a whole
    mojibake sequence: then the text went through Windows-1252 entire, and a
    lead at its end is a byte, not a letter (``thá`` for a cut ``thế``). A
    pair that decodes to a character no text uses or to a letter glued to
    letters of another script is letters as written (Czech ``ÚŽASNÉ``: ``ÚŽ``
    would be Arabic ``ڎ`` before ``ASN``)."""
    pieces = list(decoded_pieces(text[:start]))
    decoded = False
    for index, (piece, whole) in enumerate(pieces):
        if whole:
            neighbours = [pieces[i][0] for i in (index - 1, index + 1) if 0 <= i < len(pieces)]
            if not is_common(piece) or any(_other_script(piece, ch) for ch in neighbours):
                return False
            decoded = True
        elif piece >= "\x80" and not piece.isspace():
            return False
    return decoded


def _other_script(letter: str, neighbour: str) -> bool:
    """Whether two letters side by side are of scripts not written together
    (marks go with any letter; kana with Han)."""
    if not (unicodedata.category(letter)[0] == unicodedata.category(neighbour)[0] == "L"):
        return False
    scripts = {script_group(script) for script in map(script_of, (letter, neighbour))}
    return len(scripts) > 1


# Marks a word may open right after: an apostrophe (``L’âge``), an opening
# quote or bracket (``„à la``).
_OPENS_A_WORD = "'’‘“„«‹\"([{¿¡"
# Marks that join the parts of a word as a space parts words (``Xim-ba-bu-ê``).
_HYPHENS = "-\u2010"


def _odd_alone(before: str, lead: str, capitals: bool) -> bool:
    """Whether ``lead`` stands alone at the end in a way few texts end: a
    capital glued to an apostrophe after small letters (``c’Ã``), the lead
    of punctuation or of an emoji after a space (``a â``, ``! ð``), or a
    letter glued to other punctuation (``meeting,â``). A letter after a space
    or a hyphen (``… é``, the Danish island ``på Ø``, ``Xim-ba-bu-ê``),
    opening a word after an apostrophe or quote (``L’â``, ``„à``) or a
    capital after one in a word of capitals (``COM'È``) may well be a word;
    ``capitals`` tells whether the letters before are capitals."""
    if before.isalnum():
        return False
    if before in _OPENS_A_WORD:
        return lead.isupper() and before in "'’" and not capitals
    if lead == LONE_PUNCTUATION_LEAD or not (before.isspace() or before in _HYPHENS):
        return True
    # The lead of an emoji (``ð``; ``ñ`` to ``ô`` start only private and
    # unassigned planes), judged by the language's letters and one-letter words.
    return lead == "\xf0"


def _plausible_cut(text: str, site: Site) -> bool:
    """A lead at the end of the text is a cut character when the text went
    through Windows-1252 entire, when it is the lead of the script the text
    ends in, or when it cannot be a letter there: a lead that breaks its word
    (``podÃ``, ``sichâ``, ``свÐ``) or an odd one standing alone (``c’Ã``).
    A letter that fits its word (``Gruß``, all-caps ``TRÉ``) or a small one
    after a space (``… é``) in clean text is what was written, even where a
    stray pair looks like mojibake (``FANÚŠIKOV``); so are letters that could
    only start a letter of a script the text writes nowhere (``Baláž``:
    ``áž`` is ``E1 9E``, the start of a Khmer letter)."""
    if not any(ch.isalpha() for ch in text[: site.start]):
        return False
    if _starts_only_unwritten_letters(text, site):
        return False
    if site.end - site.start > 1 or lead_of_its_script(text, site.start):
        return True
    if all_mojibake(text, site.start):
        return True
    index = site.start - 1
    while index and unicodedata.combining(text[index]):
        index -= 1  # a mark is part of the letter it follows (``ẹ́``)
    before, lead = text[index], text[site.start]
    if is_letter(before):
        return cut_after_a_letter(before, lead)
    stem = trailing_letters(text_before(text, index))
    return (
        _odd_alone(before, lead, capitals=len(stem) > 1 and stem.isupper())
        or lead_of_its_letters(text, site.start)
        or MOJIBAKE_EVIDENCE.search(text, 0, site.start) is not None
    )


@functools.cache
def _scripts_started_by(shown: bytes) -> frozenset[str] | None:
    """The scripts of the characters in use whose UTF-8 starts with ``shown``
    (a lead and the continuation bytes left of it), or ``None`` where one of
    them is not a letter (a mark, a symbol, an emoji: those stand in any text)
    or ``shown`` starts no sequence short of bytes. Characters no text uses
    (unassigned, private) cannot be what was cut."""
    missing = sequence_length(shown[0]) - len(shown)
    if missing <= 0:
        return None
    scripts = set()
    for following in range(0x80, 0xC0):
        for filler in (0x80, 0xBF):
            sequence = shown + bytes([following]) + bytes([filler]) * (missing - 1)
            try:
                ch = sequence.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if not is_common(ch):
                continue
            if not is_letter(ch):
                return None
            script = script_of(ch)
            scripts.add(script_group(script))
    return frozenset(scripts)


# What :func:`script_of` calls the characters no one script writes.
_OF_EVERY_SCRIPT = frozenset({"Common", "Inherited", "Other", "Control"})


@functools.cache
def letters_started_by(shown: bytes) -> frozenset[str] | None:
    """The letters in use whose UTF-8 starts with ``shown`` (a lead and the
    continuation bytes left of it), or ``None`` where it may start a sign
    of no one script (``Â`` of ``»``: those stand in any text), more than
    two bytes are missing (too many to list) or ``shown`` starts no
    sequence short of bytes."""
    missing = sequence_length(shown[0]) - len(shown)
    if not 0 < missing <= 2:
        return None
    letters: set[str] = set()
    for rest in itertools.product(range(0x80, 0xC0), repeat=missing):
        try:
            ch = (shown + bytes(rest)).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if not is_common(ch):
            continue
        if is_letter(ch):
            letters.add(ch)
        elif script_of(ch) in _OF_EVERY_SCRIPT:
            return None
    return frozenset(letters)


def bytes_shown(text: str, site: Site) -> bytes:
    """The bytes Windows-1252 shows as the characters of ``site`` (0 for
    one it does not show)."""
    byte_of = code_page("cp1252").byte_of
    return bytes(byte_of.get(ch, 0) for ch in text[site.start : site.end])


def _starts_only_unwritten_letters(text: str, site: Site) -> bool:
    """Whether the bytes dangling at the end can start only letters of
    scripts that no letter before them is written in, or no character in
    use at all. Latin-1 letters that are UTF-8 leads (``Ã``, ``Ð``) tell no
    script: they may be bytes."""
    scripts = _scripts_started_by(bytes_shown(text, site))
    if scripts is None:
        return False
    if not scripts:
        return True  # no character in use starts so (``ó``, F3: planes 12 to 15)
    written = {
        script_group(script_of(ch))
        for ch in demojibake(text[: site.start])
        if is_letter(ch) and not "\xc2" <= ch <= "\xf4"
    }
    return bool(written) and not scripts & written


def sites_of(text: str, damage: Damage, named: Collection[str] = ()) -> list[Site]:
    sites: list[Site] = []
    for match in trigger_re().finditer(text):
        if sites and match.start() < sites[-1].end:
            continue
        site = parse_site(text, match.start(), damage.lost, nbsp=damage.nbsp, named=named)
        if site is None:
            continue
        if site.readings[0].text == "" and not _plausible_cut(text, site):
            continue
        sites.append(site)
    return sites


def groups(text: str, sites: list[Site]) -> Iterator[tuple[str, list[Site]]]:
    """Sites in order, grouped: adjacent punctuation sites form one run, the
    letter sites of one word are judged together."""
    index = 0
    while index < len(sites):
        site = sites[index]
        is_mark = _is_mark_site(text, site)
        group = [site]
        index += 1
        if site.readings[0].text == "":
            yield "cut", group
            continue
        while index < len(sites):
            following = sites[index]
            if is_mark:
                if following.readings[0].text == "":
                    break
                # Marks with a space between are judged apart, even where the
                # space may have been a no-break space of the first.
                if not _is_mark_site(text, following) or following.start != core_end_of(
                    text, group[-1]
                ):
                    break
            else:
                if text[following.start] == LONE_PUNCTUATION_LEAD:
                    break
                if following.readings[0].text == "":
                    break
                # The word goes on past the last site's marker (``é€?æ¸?``).
                _, right = word_bounds(text, group[-1].start, group[-1].end)
                if following.start > right:
                    break
            group.append(following)
            index += 1
        yield ("mark" if is_mark else "letter"), group


def _is_mark_site(text: str, site: Site) -> bool:
    """A lone ``â``, or the variation selector of an emoji that lost its last
    byte (``ï¸`` of ``❤️``), where no letter can be read."""
    if text[site.start] == LONE_PUNCTUATION_LEAD:
        return True
    readings = site.readings
    return any(r.text == EMOJI_PRESENTATION for r in readings) and not any(
        r.text[:1].isalpha() for r in readings
    )


def plain_letter(text: str, site: Site) -> bool:
    """Whether the lead of ``site`` reads as a letter inside a word: a letter
    next to another letter, with no byte or marker after it."""
    if site.readings[0].text == "":
        return False  # a character cut at the end of the text
    return plain_letter_at(text, site.start)


def lead_script(text: str, start: int) -> str:
    """The script a UTF-8 lead byte shown as ``text[start]`` belongs to."""
    lead = code_page("cp1252").byte_of.get(text[start], 0)
    if lead == 0xE0 and start + 1 < len(text):
        second = continuation_bytes().get(text[start + 1], 0)
        for low, script in ((0xA4, "Devanagari"), (0xA6, "Bengali"), (0xAE, "Tamil")):
            if low <= second <= low + 1:
                return script
        return "Thai" if 0xB8 <= second <= 0xB9 else "Other"
    if lead == 0xE1 and start + 1 < len(text):
        # E1 B8-BB: Latin Extended Additional, Vietnamese's letters (``ờ``).
        second = continuation_bytes().get(text[start + 1], 0)
        return "Latin" if 0xB8 <= second <= 0xBB else "Other"
    for low, high, script in _LEAD_SCRIPTS:
        if low <= lead <= high:
            return script
    return "Other"


_LEAD_SCRIPTS = (
    (0xC3, 0xC9, "Latin"),
    (0xCE, 0xCF, "Greek"),
    (0xD0, 0xD4, "Cyrillic"),
    (0xD7, 0xD7, "Hebrew"),
    (0xD8, 0xDB, "Arabic"),
    (0xE3, 0xE9, "Han"),
    (0xEA, 0xED, "Hangul"),
)
