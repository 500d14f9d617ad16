"""Where to look: the leads that may have lost bytes, and which of them are worth judging.

The scan wakes the detector only where a lead stands as the written letters of
no word could (the lead tables read from the package's data), so clean text in
any script is left alone before anything is judged.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from importlib import resources

from ...charclass import is_letter, script_of
from ...codepages import CODEC_NAMES, code_page
from ...context.candidates import (
    LEADS,
    LONE_PUNCTUATION_LEAD,
    MARKERS,
    SHOWN_CONTINUATION,
    continuation_bytes,
    sequence_length,
)
from ...context.words import LANGUAGES_BY_SCRIPT, spelled_with_alphabet, zipf
from ...lines import line_around, run_around
from ..base import Wake
from .sequences import has_whole_sequence

# A word this common (Zipf) is in the lists: longer words count from the
# small lists on.
LISTED = 3.0


@functools.cache
def continuation_class() -> str:
    chars = "".join(sorted(continuation_bytes()))
    return "[" + re.escape(chars) + "]"


# Letters and marks of Chinese, Japanese and Korean text. A three-byte lead
# that lost both its continuation bytes stands alone among them (``门å五``
# for ``门十五``); elsewhere ``å`` ``é`` ``ì`` are letters.
_RUN_ON = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff01-\uff5e"


# The lead of an emoji that lost all its continuation bytes, touching no
# letter but other leads (``🎉ð``, ``ãðð``): within words ``ð`` is an
# Icelandic or Faroese letter.
LONE_EMOJI_LEAD = (
    "\xf0(?<![^\\W\\d_\xc2-\xf4]\xf0)(?![^\\W\\d_\xc2-\xf4]|[\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ])"
)


# A marker right after a longer sequence's lead, before a continuation byte or
# another marker (``ë�„`` for ``도``, ``ã?®`` for ``の``): the byte it stands for
# was lost in the middle of the sequence.
_MARKED = f"[?\ufffd](?:{SHOWN_CONTINUATION}|[?\ufffd])"


# Where a line ends: a field cut short ends its line, whatever follows it.
_LINE_END = "(?![^\\n])"


@functools.cache
def trigger() -> str:
    """A lead byte followed by fewer continuation characters than it needs."""
    cont = continuation_class()
    return (
        f"[{re.escape(LEADS)}](?!{cont})"
        f"|{LONE_PUNCTUATION_LEAD}(?!{cont})"
        f"|[\xe0-\xef]{cont}(?!{cont})"
        f"|[\xe0-\xf4]{_MARKED}"
        f"|(?:(?<=[{_RUN_ON}]|{cont})|^)[\xe0-\xef](?=[\xe0-\xef]?(?:[{_RUN_ON}]|[\xe0-\xef]{cont}))"
        f"|(?<=(?:[{_RUN_ON}]|{cont})[\xe0-\xef])[\xe0-\xef](?=[{_RUN_ON}]|[\xe0-\xef]{cont})"
        f"|(?<=[{_RUN_ON}])[\xe0-\xef](?!{cont})"
        f"|[\xf0-\xf4]{cont}{{1,2}}(?!{cont})"
        f"|{LONE_EMOJI_LEAD}"
        f"|[\\xc2-\\xf4]{cont}{{0,2}}{_LINE_END}"
    )


@functools.cache
def _cut_at_the_end() -> re.Pattern[str]:
    return re.compile(f"{continuation_class()}{{0,2}}{_LINE_END}")


@functools.cache
def wake() -> tuple[Wake, ...]:
    """The trigger as the scan merges it: anchored at the lead."""
    cont = continuation_class()
    return (
        Wake(
            at="\\xc2-\\xf4",
            around=(
                f"(?:(?<=[{re.escape(LEADS + LONE_PUNCTUATION_LEAD)}])(?!{cont})"
                f"|(?<=[\xe0-\xef])(?:{cont}(?!{cont})|{_MARKED}"
                # A lone three-byte lead among run-on letters; one quick look
                # behind first (``é`` after a plain letter is done).
                f"|(?<=[^\x00-\x7f].)"
                f"(?:(?<=(?:[{_RUN_ON}]|{cont}).)"
                f"(?=[\xe0-\xef]?(?:[{_RUN_ON}]|[\xe0-\xef]{cont}))"
                f"|(?<=(?:[{_RUN_ON}]|{cont})[\xe0-\xef].)"
                f"(?=[{_RUN_ON}]|[\xe0-\xef]{cont})"
                f"|(?<=[{_RUN_ON}].)(?!{cont})))"
                f"|(?<=[\xf0-\xf4])(?:{cont}{{1,2}}(?!{cont})|{_MARKED}|(?<={LONE_EMOJI_LEAD}))"
                f"|{cont}{{0,2}}{_LINE_END})"
            ),
            confirm=worth_a_look,
        ),
    )


@functools.cache
def trigger_re() -> re.Pattern[str]:
    return re.compile(trigger())


def cut_after_a_letter(before: str, lead: str) -> bool:
    """Whether a lead at the end of the text, right after the letter
    ``before``, is a character cut short: it breaks its word, and the letter
    before is no Latin-1 letter (a row of them, ``ÀÁÂÃ``, is a table)."""
    return _breaks_its_word(before, lead) and not "\xc0" <= before <= "\xff"


def _breaks_its_word(before: str, lead: str) -> bool:
    """Whether ``lead`` cannot be the last letter of the word it ends: a
    capital after a small letter (``podÃ``), a letter of another script
    (``свÐ``), the lead of punctuation right after a letter (``sichâ``), or
    a symbol glued to a word (``ב×``)."""
    if not is_letter(before):
        return False
    if lead == LONE_PUNCTUATION_LEAD or not is_letter(lead):
        return True
    if before.islower() and lead.isupper():
        return True
    return script_of(before) != script_of(lead)


def _letters_around(text: str, start: int) -> tuple[int, int]:
    """The bounds of the run of letters that holds ``text[start]``."""
    return run_around(text, start, start + 1, str.isalpha)


def plain_letter_at(text: str, start: int, word: tuple[int, int] | None = None) -> bool:
    """:func:`plain_letter` at ``start``; ``word`` is the run of letters
    around it, when already known."""
    lead = text[start]
    before = text[start - 1] if start else " "
    after = text[start + 1] if start + 1 < len(text) else " "
    if not lead.isalpha() or after in "?\ufffd":
        return False
    if after in continuation_bytes():
        # The last letter of a word before a closing mark that stands for a
        # continuation byte (``città»``, ``habló”``) reads as written too.
        following = text[start + 2 : start + 3]
        if after.isalpha() or not before.isalpha() or following in continuation_bytes():
            return False
    elif not (before.isalpha() or after.isalpha()):
        return False
    # Its case must fit the word: a capital opens a word or sits in an
    # all-caps one (``WÅadysÅaw`` is damage, ``ÅSE`` and ``Åse`` are not).
    left, right = word or _letters_around(text, start)
    caps = other_letters(text, start, (left, right)).isupper()
    fits = caps or left == start if lead.isupper() else not caps
    return fits and _written_between(text, start)


def other_letters(text: str, start: int, word: tuple[int, int] | None = None) -> str:
    """The letters of the word around ``text[start]``, itself left out;
    ``word`` is the run of letters, when already known."""
    left, right = word or _letters_around(text, start)
    return text[left:start] + text[start + 1 : right]


@functools.cache
def _lead_neighbours() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """For each small Latin-1 letter, the letters some language writes
    before it and after it (``_`` for a word's edge), listed by
    scripts/make_written_leads.py from wordfreq's lists."""
    listed = resources.files("mojibake_fix.context").joinpath("lead_neighbours.txt")
    table: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for line in listed.read_text(encoding="utf-8").splitlines():
        letter, before, after = line.split(" ")
        table[letter] = (frozenset(before), frozenset(after))
    return table


def _written_between(text: str, start: int) -> bool:
    """Whether some language writes the letter at ``start`` between the
    letters around it: ``ãd`` is in no word (``GESCHÃDIGT`` is an ``Ä`` that
    lost its second byte), ``ão`` and ``ån`` are (``NÃO``, ``HÅNDBOLD``)."""
    sides = _lead_neighbours().get(text[start].casefold())
    if sides is None:
        return True
    before = text[start - 1] if start else ""
    after = text[start + 1 : start + 2]
    before = before.casefold()[-1:] if before.isalpha() else "_"
    after = after.casefold()[:1] if after.isalpha() else "_"
    return before in sides[0] and after in sides[1]


def lead_sites(text: str) -> list[int]:
    """Where the trigger finds a lead that :func:`find` would judge: a lone
    ``â``, or a lead that is no plain letter of its word."""
    return [
        match.start()
        for match in trigger_re().finditer(text)
        if text[match.start()] == LONE_PUNCTUATION_LEAD or not plain_letter_at(text, match.start())
    ]


# Single letters and pairs (``ù``, ``ân``) say nothing about a word.
SHORTEST_WRITTEN = 3


@functools.cache
def _written_leads() -> frozenset[str]:
    """Common words whose spelling holds such a lead (``château``, ``příští``),
    listed by scripts/make_written_leads.py from wordfreq's lists."""
    listed = resources.files("mojibake_fix.context").joinpath("written_leads.txt")
    return frozenset(listed.read_text(encoding="utf-8").split())


@functools.cache
def _one_letter_words() -> frozenset[str]:
    """Letters that are common words on their own in some language (``à``,
    ``ő``, ``в``), listed by scripts/make_written_leads.py from wordfreq's lists."""
    listed = resources.files("mojibake_fix.context").joinpath("one_letter_words.txt")
    return frozenset(listed.read_text(encoding="utf-8").split())


@functools.cache
def _never_alone_damaged() -> frozenset[str]:
    """Leads of two-byte characters that are all letters and none a word on
    its own (``È`` starts Romanian ``Ș`` and ``Ț``): such a lead standing
    alone between non-letters is the letter as written, since the character
    it lost bytes of would have stood alone too."""
    page = code_page("cp1252").byte_of
    words = _one_letter_words()
    never: set[str] = set()
    for lead in LEADS:
        characters = [bytes([page[lead], cont]).decode("utf-8") for cont in range(0x80, 0xC0)]
        if all(ch.isalpha() and ch.lower() not in words for ch in characters):
            never.add(lead)
    return frozenset(never)


@functools.cache
def _written_in_order() -> tuple[str, ...]:
    return tuple(sorted(_written_leads()))


def starts_a_written_word(prefix: str) -> bool:
    """Whether a common word spelled with a lead begins with ``prefix``
    (``châ`` for ``château``, ``întâ`` for ``întâlnire``): a text cut at a
    character boundary inside such a word ends with the lead as written."""
    words = _written_in_order()
    prefix = prefix.casefold()
    index = bisect.bisect_left(words, prefix)
    return index < len(words) and words[index].startswith(prefix)


def trailing_letters(text: str) -> str:
    """The run of letters that ends ``text`` (``â`` of ``L’â``'s stem is ``""``)."""
    index = len(text)
    while index > 0 and is_letter(text[index - 1]):
        index -= 1
    return text[index:]


def in_a_written_word(text: str, start: int, word: tuple[int, int] | None = None) -> bool:
    """Whether the lead at ``start`` is a letter of a word spelled so: a
    common one, a lone ``â`` inside a word that holds letters no Latin-1
    or Windows-1252 reading of UTF-8 shows (Romanian ``smântână``, with
    ``ă``; Ottoman Turkish ``Mahrusâtü``, with ``ü``, byte FC), or a
    letter standing alone that no damaged character could have been
    (Italian ``«È una``). ``word`` is the run of letters around it, when
    already known."""
    if text[start + 1 : start + 2] in MARKERS:
        return False
    if text[start + 1 : start + 2] in continuation_bytes() and has_whole_sequence(
        _line_of(text, start)
    ):
        # Glued to a continuation byte in a text of mojibake (``giá»,`` for
        # Vietnamese ``giờ,``), the letter of ``giá`` is a lead.
        return False
    left, right = word or _letters_around(text, start)
    if right - left == 1 and text[start] in _never_alone_damaged():
        return True
    if right - left < SHORTEST_WRITTEN:
        return False
    letters = text[left:right]
    if letters.casefold() in _written_leads():
        return True
    return (
        text[start] == LONE_PUNCTUATION_LEAD
        and left < start < right - 1
        and any(ch not in _READ_AS_LATIN_1 or ch in _NO_UTF8_BYTE for ch in letters)
        and not _a_word_before(text[left:start], text[start + 1 : right])
    )


def _a_word_before(letters: str, suffix: str = "") -> bool:
    """Whether ``letters`` (before an ``â`` inside a word, ``suffix`` after
    it) are a word of some language of their script that writes every
    letter of the word: then ``â`` was an apostrophe before a suffix
    (Turkish ``Iğdırâda`` is ``Iğdır’da``), not a letter. A language that
    writes no ``ţ`` tells nothing of Romanian ``Rămâneţi``."""
    scripts = {script_of(ch) for ch in letters} - {"Common"}
    if len(letters) < SHORTEST_WRITTEN or len(scripts) != 1:
        return False
    return any(
        spelled_with_alphabet(letters + suffix, lang) and zipf(letters, lang) >= LISTED
        for lang in LANGUAGES_BY_SCRIPT.get(scripts.pop(), ())
    )


# What a Latin-1 or Windows-1252 reading of bytes can show.
_READ_AS_LATIN_1 = frozenset(
    bytes(range(0x100)).decode("latin-1") + bytes(range(0x80, 0xA0)).decode("cp1252", "ignore")
)
# What it shows for the bytes that lead no UTF-8 sequence and continue none
# (C0 C1 F5-FF): ``ü`` and ``ö`` are letters as written.
_NO_UTF8_BYTE = frozenset(chr(byte) for byte in range(0xC0, 0x100) if not sequence_length(byte))


def worth_a_look(text: str, start: int) -> bool:
    """Whether the lead at ``start`` that the trigger matched is a site
    :func:`find` keeps, as far as a cheap look can tell: a letter of a common
    word spelled so, and a plain letter in a text with no whole sequence
    anywhere, are as written."""
    if _cut_at_the_end().match(text, start + 1):
        return not _ends_its_word(text, start)
    if _whole_in_another_page(text[start : start + 2]):
        return False
    word = _letters_around(text, start)
    if in_a_written_word(text, start, word):
        return False
    if text[start] == LONE_PUNCTUATION_LEAD or not (
        plain_letter_at(text, start, word) or _before_a_letter_byte(text, start)
    ):
        return True
    return has_whole_sequence(_line_of(text, start))


@functools.lru_cache(maxsize=4096)
def _whole_in_another_page(pair: str) -> bool:
    """Whether ``pair``, a lead and a character neither Latin-1 nor
    Windows-1252 shows, is a whole two-byte sequence in some other code page
    (``ÄŤ`` is Czech ``č`` read as Windows-1250): no byte was lost there,
    the text went through that page."""
    if len(pair) < 2 or pair[1] in _READ_AS_LATIN_1 or pair[1].isascii():
        return False
    for name in CODEC_NAMES:
        shown = code_page(name).byte_of
        lead, follower = shown.get(pair[0]), shown.get(pair[1])
        if lead is None or follower is None or not 0xC2 <= lead <= 0xDF:
            continue
        if 0x80 <= follower <= 0xBF:
            return True
    return False


def _ends_its_word(text: str, start: int) -> bool:
    """Whether the lead at ``start``, alone at the end of its line, is the
    last letter of a Latin word it fits (``Asiaté``, ``café``) in a line
    with no whole sequence: what :func:`_plausible_cut` keeps as written,
    told before the detector is woken for it."""
    lead = text[start]
    before = text[start - 1] if start else " "
    if text[start + 1 : start + 2] not in ("", "\n") or not is_letter(before):
        return False
    if unicodedata.combining(before) or {script_of(before), script_of(lead)} != {"Latin"}:
        return False
    return not cut_after_a_letter(before, lead) and not has_whole_sequence(_line_of(text, start))


def _before_a_letter_byte(text: str, start: int) -> bool:
    """Whether the lead at ``start`` sits inside a word before one letter
    that stands for a continuation byte (``ž``, ``š``), the word going on
    after it (Czech ``vykážu``, ``tíživá``): in a text with no whole sequence
    anywhere, as written as a plain letter. (The words of the lists spelled
    so are kept in :func:`_written_leads` for texts that hold mojibake.)"""
    letter = text[start + 1 : start + 2]
    following = text[start + 2 : start + 3]
    return (
        start > 0
        and text[start - 1].isalpha()
        and letter in continuation_bytes()
        and letter.isalpha()
        and following.isalpha()
        and following not in continuation_bytes()
    )


def _line_of(text: str, index: int) -> str:
    """The line of ``text`` that holds ``text[index]``."""
    start, end = line_around(text, index)
    return text[start:end]
