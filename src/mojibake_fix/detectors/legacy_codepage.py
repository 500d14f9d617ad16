"""Legacy 8-bit text read in the wrong code page: ``Ïðèâåò`` for ``Привет``.

What it catches: text that was never UTF-8 but a single-byte code page —
Windows-1251 or KOI8-R (Russian, Ukrainian, Bulgarian, Serbian), Windows-1250
(Polish, Czech, Slovak, Hungarian, Romanian, Croatian, Slovene), Windows-1253
(Greek), Windows-1254 (Turkish), Windows-1255 (Hebrew), Windows-1257
(Lithuanian, Latvian) — that was decoded as Windows-1252 or Latin-1; and
text shown through another region's page (a :class:`Misreading`):
Windows-1251 text decoded as Windows-1257 (``Ļščāåņ`` for ``Привет``), and
Latin-1 or Windows-1252 text decoded as Windows-1253 or ISO-8859-7
(``cafι`` for ``café``). Each character then stands for one byte, so the
repair is exact: take the bytes back and decode them with the right code
page.

How it finds the code page: one decision per line. The line's suspect words
are decoded with each candidate page, and ``wordfreq`` says how much of the
result is words of a language that page serves (chardet's guess on the same
bytes says which language to try first and breaks ties). The same words read
as they stand must *not* be words of a language written in Windows-1252: that
keeps ``Þórður``, ``ÉCOLE`` or ``naïve`` as they are.

How it avoids false positives:

- only lines holding a selective trigger are looked at: three high-half
  letters in a row (non-Latin scripts are all high half), or one of a few
  hundred letter pairs that Central European, Baltic and Turkish text read
  as Windows-1252 is full of and clean text lacks (``by³`` is ``był``), in a
  line whose letters a language of those code pages writes (Estonian ``tõttu``
  in a line with ``ä`` is no Hungarian ``tőttu``) and of which some page makes
  a known word;
- a word touching a character outside the code page is part of something
  else (``ağaç``, ``K√∏benhavn``) and is never touched;
- a decoded word must be letters of one script, the script of its code page,
  in natural case, and characters modern text uses; mixed words (``cafй``)
  stay as they are;
- lines whose bytes mostly form UTF-8 sequences are left to the UTF-8
  detectors;
- most of the decoded words must be known words, clearly more than as they
  stand; confidence grows with that margin and with the evidence (a word of
  two letters is not enough: ``îò`` alone is only reported).

>>> from mojibake_fix.detectors.legacy_codepage import find_legacy
>>> [(f.replacement, f.reason) for f in find_legacy("Ïðèâåò, ìèð! Êàê äåëà?")]
[('Привет, мир! Как дела', 'Windows-1251 text read as Windows-1252 (ru)')]
>>> list(find_legacy("Ça été très élevé, naïve façade. Þórður og Åse Øye."))
[]
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from ..charclass import NON_ASCII_RUN, is_common, is_letter, script_of
from ..codepages import western_bytes
from ..lines import line_around, run_around
from ..model import Candidate, Finding
from .base import Detector, Wake, WholeReading, first_confirmed, wake_pattern

if TYPE_CHECKING:
    from ..context.words import FrequencyTable

DETECTOR_ID = "legacy-codepage"


@dataclass(frozen=True, slots=True)
class LegacyPage:
    """A code page legacy text comes in, and the languages written in it."""

    name: str
    label: str
    codec: str
    chardet_name: str
    script: str
    languages: tuple[str, ...]


LEGACY_PAGES: tuple[LegacyPage, ...] = (
    LegacyPage(
        "cp1251",
        "Windows-1251",
        "sloppy-windows-1251",
        "windows-1251",
        "Cyrillic",
        ("ru", "uk", "bg", "sh", "mk"),
    ),
    LegacyPage("koi8-r", "KOI8-R", "koi8-r", "koi8-r", "Cyrillic", ("ru", "bg")),
    LegacyPage("koi8-u", "KOI8-U", "koi8-u", "koi8-u", "Cyrillic", ("uk",)),
    LegacyPage(
        "cp1250",
        "Windows-1250",
        "sloppy-windows-1250",
        "windows-1250",
        "Latin",
        ("pl", "cs", "sk", "hu", "ro", "sh", "sl"),
    ),
    LegacyPage("cp1253", "Windows-1253", "sloppy-windows-1253", "windows-1253", "Greek", ("el",)),
    LegacyPage("cp1254", "Windows-1254", "sloppy-windows-1254", "windows-1254", "Latin", ("tr",)),
    LegacyPage("cp1255", "Windows-1255", "sloppy-windows-1255", "windows-1255", "Hebrew", ("he",)),
    LegacyPage(
        "cp1257", "Windows-1257", "sloppy-windows-1257", "windows-1257", "Latin", ("lt", "lv")
    ),
)

# Languages whose words can be written in Windows-1252 as they stand: a span
# that reads as words of one of them is left alone. The languages a candidate
# code page serves are not asked about its own misreadings, since their word
# lists hold some (Romanian ``fãrã``).
WESTERN_LANGUAGES: tuple[str, ...] = (
    "en", "fr", "de", "es", "pt", "it", "nl", "sv", "da", "nb", "is", "fi", "ca", "vi",
    "tr", "hu", "cs", "sk", "pl", "ro", "sl", "sh", "lt", "lv",
)  # fmt: skip

# Western European text itself, when it is what was misread: Latin-1 or
# Windows-1252 bytes shown through a Greek page (``cafι`` for ``café``).
WESTERN_PAGE = LegacyPage(
    "cp1252",
    "Windows-1252",
    "sloppy-windows-1252",
    "windows-1252",
    "Latin",
    ("fr", "de", "es", "pt", "it", "nl", "sv", "da", "nb", "fi", "is", "ca"),
)


@dataclass(frozen=True, slots=True)
class Misreading:
    """A code page legacy text was shown through, the pages the text may
    have been written in, and the languages whose words the shown page
    writes as they stand (a span that reads as one of them stays).
    ``script`` is the script of the letters the shown page has."""

    name: str
    label: str
    codec: str
    chardet_name: str
    script: str
    pages: tuple[LegacyPage, ...]
    languages: tuple[str, ...]


AS_WINDOWS_1252 = Misreading(
    "cp1252",
    "Windows-1252",
    "sloppy-windows-1252",
    "windows-1252",
    "Latin",
    LEGACY_PAGES,
    WESTERN_LANGUAGES,
)
# Windows-1251 text opened with the Baltic page: ``Ļščāåņ`` for ``Привет``.
AS_WINDOWS_1257 = Misreading(
    "cp1257",
    "Windows-1257",
    "sloppy-windows-1257",
    "windows-1257",
    "Latin",
    (LEGACY_PAGES[0],),
    ("lt", "lv", "pl", "de", "fi", "sv", "da", "nb"),
)
# Latin-1 or Windows-1252 text opened with a Greek page. ISO-8859-7 shows
# every byte that is a letter in Latin-1 as Windows-1253 does.
AS_GREEK = Misreading(
    "cp1253",
    "Windows-1253",
    "sloppy-windows-1253",
    "windows-1253",
    "Greek",
    (WESTERN_PAGE,),
    ("el",),
)
MISREADINGS: tuple[Misreading, ...] = (AS_WINDOWS_1252, AS_WINDOWS_1257, AS_GREEK)
# The Latin capitals each script a page is shown in writes alike: typed among
# its letters on the wrong keyboard, they are slips of the typist, not Latin
# text read in its page.
_LOOKALIKE_CAPITALS = {"Greek": "ABEHIKMNOPTXYZ"}

# Windows-1252 characters that are letters in some legacy code page: Latin-1
# letters, the Windows-1252 letters, the symbols that stand for letters
# elsewhere (³ is Polish ł, ¿ is ż, º is Romanian ş, ¹ is Russian №, ¦ § ¤ are
# KOI8-U і ї є) and C1 controls (bytes Windows-1252 leaves undefined: Czech ť,
# Serbian ђ).
_HIGH_LETTERS = (
    "\u00c0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u0080-\u009f"
    "\u00a2\u00a3\u00a5\u00a6\u00a8\u00aa\u00af\u00b2\u00b3\u00b4\u00b5\u00b8\u00b9"
    "\u00ba\u00bc\u00bd\u00be\u00bf\u00a4\u00a7\u00ad\u00b6\u00b7"
)
_WORD = re.compile(f"[A-Za-z{_HIGH_LETTERS}]+")
_ASCII_WORD = re.compile(f"(?<![A-Za-z{_HIGH_LETTERS}])[A-Za-z]+(?![A-Za-z{_HIGH_LETTERS}])")
# What may stand between two words of one span: ASCII punctuation, digits and
# spaces (not a line break), and the punctuation all these code pages share.
_GAP_CHARS = (
    "[ \t\r\n!-@\\[-`{-~"
    "\u00a0\u00ab\u00bb\u2018\u2019\u201a\u201c\u201d\u201e\u2026\u2013\u2014\u2022]"
)
_GAP = re.compile(f"{_GAP_CHARS}{{1,8}}")
_GAP_CHAR = re.compile(_GAP_CHARS)
# Letter pairs that Windows-1250, -1254 and -1257 text read as Windows-1252
# is full of and clean text hardly has. Derived from wordfreq's top 30,000
# words (lower, title and upper case): pairs in at least 3 of 10,000 words of
# Polish, Czech, Slovak, Hungarian, Romanian, Croatian, Slovene, Turkish,
# Lithuanian or Latvian so misread, and 100 times rarer (and below 5 in
# 100,000 words) in every Latin-script language wordfreq knows. Pairs with ë
# are left out: Albanian, which wordfreq lacks, is full of them.
_TELLTALE_TEXT = (
    "A\x8d A£ Aº AÆ AÞ BÛ Bç Bû CÃ Cã DÎ DÞ Dì E¼ EÈ G³ I¥ IÞ Iþ J¥ JÂ Jâ Jû KÂ Kâ LÎ Lî "
    "MÇ Mç Mû NÂ NÌ Nì O¯ OŒ Pç Pø RÎ Rî S\x8d S³ S¹ TÎ Uþ VÇ Vç W³ Y£ Yý ZÎ a\x9d a³ aº "
    "a¾ a¿ aæ aè aò aø aœ aŸ b³ b¹ bç bî bõ bû bþ c\x9d c¹ cû cý cþ d³ d¹ d¾ dç dî dþ dŸ "
    "e\x9d e³ eº e¾ e¿ eæ eè eì eþ eœ eŸ fõ fý g³ g¹ gï gû gý h³ h¾ i\x9d i³ i¹ iº i¿ iæ "
    "iû iþ iœ j¹ jâ jç jê jù jû jœ k³ k¹ k¿ kà kï kð kù kû kþ l¹ lî lõ lû m³ m¹ mç mî mð "
    "mû n¹ nì nî nð nõ nù nû o³ oº o¾ o¿ oæ oì oò oø oþ oœ p³ pì pî pð pù pû r¹ rº rî "
    "s\x9d s³ s¹ sç t³ t¹ tî tï tð tû u\x9d u³ uº u¿ uæ uþ uœ vç vî vï vû w³ w¹ wê y\x9d "
    "y³ y¿ yæ yè yõ yø yû yý yœ z\x9d z³ z¹ zç zê zî zò zø zù \x9da \x9do £A £O ªI ªT ªi "
    "ªt ¯E ¯e ¯y ³a ³b ³c ³e ³k ³n ³o ³u ³y ³¹ ³ê ³ó ¹c ¹d ¹g ¹t ¹z ¹³ ¹¿ ¹æ ºa ºc ºe ºi "
    "ºo ºt ºu ¼u ¾a ¾k ¾m ¾n ¾o ¾s ¾u ¾v ¾ú ¿a ¿c ¿d ¿e ¿k ¿l ¿n ¿o ¿s ¿y ¿¹ ÂD ÂJ ÂK ÂS "
    "ÃR Æe ÇC ÇJ ÇR Çý ÈA ÈE Èa Èe Èi Èl Èo ÌL ÌT ÎB ÎD ÎG ÎV Ïa Ïo Ða Ði Ðo Ðv Ðî ØI ØÍ "
    "Øí ÛS ÞT Þm àj àþ á¾ áè áø áþ âd âf âj âk âp âs âv âz âº âï âð âò ãc ãd ãl ãp ãr ãt "
    "ãu ãz ãº ãþ ä\x9d äè åž æa çc çd çj çn çp çr çv çz çì çï çð çý èa èe èj èk èu èá èí "
    "èš éè êd êg êk êp êz ê³ ê¿ êæ êœ ìc ìd ìe ìh ìi ìj ìk ìl ìr ìs ìt ìv ìz ìø ìš ìž íi "
    "í\x9d íè íî íø îb îd îg îj îk îp îr îs îv îz îº îï îð îò îþ ïa ïi ïo ïu ïâ ïû ðo ðy "
    "ðâ ðç ðè ðí ðî ðø ðü ðý ñc ñs òe òo òu òâ òç òð ó³ ó¿ óŸ õb õd õj õk õl õr õs õt õv "
    "õz øa øi øá øí ùb ùj ùl ùs ùv ùz ùž ú\x9d úè úø ûd ûe ûk ûn ûp ûs ûv ûz ûè ûð ûþ üð "
    "üþ ýf ýy ýç ýþ þb þd þk þl þm þn þs þt þâ þã þç þü ŒC Œw œc œl œm œn œr œw œæ š\x9d "
    "šæ šè Ÿd Ÿn Ÿæ "
)
_TELLTALE_PAIRS: tuple[str, ...] = tuple(_TELLTALE_TEXT.split())


def _trigger_wakes(pairs: Sequence[str]) -> tuple[Wake, ...]:
    """Three high-half letters in a row, a word of two alone, or one of ``pairs``.

    The first is anchored at a high-half character and merges with the
    other detectors' scans; the pairs are a choice between literal high-half
    characters, each with what may stand next to it, which the
    regular-expression engine skips through fastest in a pass of its own.
    """
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for pair in pairs:
        first, second = pair[0], pair[1]
        if ord(first) >= 0x80:
            after[first] = after.get(first, "") + second
        else:
            before[second] = before.get(second, "") + first
    branches: list[str] = []
    for high in sorted(set(before) | set(after)):
        escaped = re.escape(high)
        sides = []
        if high in after:
            sides.append(f"(?=[{re.escape(after[high])}])")
        if high in before:
            sides.append(f"(?<=[{re.escape(before[high])}]{escaped})")
        branches.append(f"{escaped}(?:{'|'.join(sides)})")
    word_edge = f"[0-9A-Za-z{_HIGH_LETTERS}]"
    return (
        Wake(
            at=_HIGH_LETTERS,
            # Three in a row, or a word of two alone (not glued to a number:
            # ``1ÔÂ5`` is a date's ``1月5`` in GBK).
            around=f"(?:(?=[{_HIGH_LETTERS}][{_HIGH_LETTERS}])"
            f"|(?<!{word_edge}.)(?=[{_HIGH_LETTERS}](?!{word_edge})))",
            confirm=_in_an_unlisted_word,
        ),
        Wake(at="", around="|".join(branches), confirm=_pair_counts),
    )


def _drawn_out(text: str, index: int) -> bool:
    """Whether the letter at ``index`` starts one letter written three
    times: a word drawn out (``jóóóó``, ``éééé``), no page's sign."""
    return text[index : index + 3] == text[index] * 3


def _in_an_unlisted_word(text: str, index: int) -> bool:
    """Whether the letter at ``index``, the first of three in a row, is in
    a word that no language whose letters spell it lists: ``Najvyšší`` is
    Slovak as written, ``ýòî`` (Russian ``это`` in Windows-1252) no one's
    word; nor is it :func:`_drawn_out`."""
    from ..context.words import listed_as_written

    if _drawn_out(text, index):
        return False
    start, end = run_around(text, index, index + 1, str.isalpha)
    return not listed_as_written(text[start:end], "Latin")


# The share of a line's high-half letters (four in five) that a language of a
# legacy page must write, read in that page, for a telltale pair to count.
_LINE_FIT = 0.8
_LATIN_PAGES = tuple(page for page in LEGACY_PAGES if page.script == "Latin")
_HIGH_LETTER = re.compile(f"[{_HIGH_LETTERS}]")
# Legacy Romanian writes ş and ţ with a cedilla, today's with a comma below.
_WITH_CEDILLA = {"ș": "ş", "ț": "ţ"}


@functools.cache
def _legacy_alphabets() -> dict[str, frozenset[str]]:
    """The letters beyond ASCII that each language of a Latin-script legacy
    page writes, small and capital (listed by scripts/make_legacy_alphabets.py),
    with Romanian's comma-below letters also in their legacy cedilla form."""
    listed = resources.files("mojibake_fix.context").joinpath("legacy_alphabets.txt")
    alphabets: dict[str, frozenset[str]] = {}
    for line in listed.read_text(encoding="utf-8").splitlines():
        language, letters = line.split(" ")
        letters += "".join(_WITH_CEDILLA.get(ch, "") for ch in letters)
        alphabets[language] = frozenset(letters + letters.upper())
    return alphabets


def _writes(letters: frozenset[str], ch: str) -> bool:
    """Whether a language with ``letters`` beyond ASCII writes ``ch``."""
    return ch < "\x80" or ch in letters


def _pair_counts(text: str, index: int) -> bool:
    """Whether a telltale pair at ``index`` counts, which its line decides."""
    start, end = line_around(text, index)
    return _line_may_be_legacy(text[start:end])


# A few lines: the telltale pairs of one line ask about it in turn, and a
# long line must not stay in memory.
@functools.lru_cache(maxsize=8)
def _line_may_be_legacy(line: str) -> bool:
    """Whether a line with a telltale pair may be legacy text: its letters
    fit a legacy language, and some code page makes a known word of one of
    its words (without which :func:`_decide` finds nothing in it)."""
    return _fits_a_language(line) and _makes_a_known_word(line)


def _fits_a_language(line: str) -> bool:
    """Whether some Latin-script legacy page reads the line's high-half
    letters, changing some, as letters of a language it serves (Estonian
    ``tõttu`` is no Hungarian ``tőttu`` in a line with ``ä``, which
    Hungarian does not write)."""
    highs = Counter(_HIGH_LETTER.findall(line))
    total = sum(highs.values())
    letters_seen = "".join(highs)
    raw = western_bytes(letters_seen) or b""
    alphabets = _legacy_alphabets()
    for page in _LATIN_PAGES:
        read = raw.decode(page.codec, "replace")
        if read == letters_seen:
            continue
        for language in page.languages:
            letters = alphabets[language]
            fitting = sum(
                count
                for count, ch in zip(highs.values(), read, strict=True)
                if _writes(letters, ch)
            )
            if fitting >= _LINE_FIT * total:
                return True
    return False


def _makes_a_known_word(line: str) -> bool:
    """Whether some legacy page turns a word of the line into a known word
    of one of its languages: what :func:`_worth_reading` asks of the words
    it is given, asked of every word of the line with a high-half letter."""
    words = {match.group() for match in _WORD.finditer(line) if not match.group().isascii()}
    raws = [(word, raw) for word in words if (raw := western_bytes(word)) is not None]
    for page in LEGACY_PAGES:
        for word, raw in raws:
            decoded = raw.decode(page.codec, errors="replace")
            if decoded != word and _known(_plausible(raw, decoded, page), page):
                return True
    return False


_MAX_ASCII_WORDS_INSIDE = 4


@functools.cache
def trigger() -> str:
    return "|".join(
        f"(?:[{each.at}]{each.around})" if each.at else f"(?:{each.around})" for each in wake()
    )


@functools.cache
def wake() -> tuple[Wake, ...]:
    return tuple(each for misreading in MISREADINGS for each in _wakes_of(misreading))


@functools.cache
def _wakes_of(misreading: Misreading) -> tuple[Wake, ...]:
    """Where text misread so shows: for Windows-1252, three high-half
    letters in a row or a telltale pair; for another page, what
    :func:`_signs_of` says, where the word is no known word of a language
    the shown page writes (Polish ``Żółć`` is one; ``Ļščāåņ`` and ``cafι``
    are not)."""
    if misreading is AS_WINDOWS_1252:
        return _trigger_wakes(_TELLTALE_PAIRS)
    signs = _signs_of(misreading)
    anchor = signs[0][0]
    branches = "|".join(rest for _, rest in signs)

    lookalikes = _LOOKALIKE_CAPITALS.get(misreading.script, "")
    # A word as the signs read it: letters of the page the text was written
    # in may be symbols of the shown page (``ī÷åķü`` is ``очень``).
    letters = _high_letter_set(misreading)

    def confirm(text: str, index: int) -> bool:
        if _drawn_out(text, index):
            return False
        start, end = run_around(text, index, index + 1, lambda ch: ch.isalpha() or ch in letters)
        word = text[start:end]
        latin = [ch for ch in word if ch.isascii()]
        if latin and all(ch in lookalikes for ch in latin):
            return False  # a Latin capital typed for the letter it looks like (``Eριδος``)
        return not any(
            _frequency(word.lower(), language) >= 0.5 for language in misreading.languages
        )

    # Text whose script is Latin holds few letters of a Baltic page beyond
    # ASCII: anchored at them, its wake joins the merged scan. Greek
    # letters would stop the merged scan at every letter of a Greek text.
    if misreading.script == "Latin":
        return (Wake(at=anchor, around=f"(?:{branches})", confirm=confirm),)
    return (Wake(at="", around=f"[{anchor}](?:{branches})", confirm=confirm),)


def _signs_of(misreading: Misreading) -> tuple[tuple[str, str], ...]:
    """What text misread with a page other than Windows-1252 shows, as an
    anchor (a character class body) and the pattern after it: where the
    text's own script is not Latin (Cyrillic in Windows-1257), two words of
    the shown page's high-half letters alone, or one word of them (of two
    at least, one of two a letter of the shown page's script), which its
    clean text seldom writes (``Żółć`` is one); where it is Latin, a run of
    them touching an ASCII letter (``cafι``: Latin words keep their ASCII
    letters, and no clean word glues a Greek letter to a Latin one). Each is
    anchored at the first letter of its run, tested once per run."""
    high = _high_letters(misreading)
    run_start = f"(?<![A-Za-z{high}].)"
    signs: list[tuple[str, str]] = []
    if any(page.script != "Latin" for page in misreading.pages):
        word = f"{run_start}[{high}]+(?![A-Za-z{high}])"
        signs.append((high, f"{word}{_GAP_CHARS}{{1,3}}[{high}]{word}"))
        # Two characters are a word only with a letter of the shown page's
        # script among them: ``³µ`` is symbols in any page.
        shown = "".join(
            re.escape(ch)
            for ch in sorted(_high_letter_set(misreading))
            if is_letter(ch) and script_of(ch) == misreading.script
        )
        two = f"(?:(?<=[{shown}])[{high}]|[{shown}])"
        signs.append((high, f"{run_start}(?:[{high}]{{2,}}|{two})(?![A-Za-z{high}])"))
    if any(page.script == "Latin" for page in misreading.pages):
        signs.append((high, f"(?<![{high}].)(?:(?<=[A-Za-z].)|[{high}]*[A-Za-z])"))
    return tuple(signs)


@functools.cache
def _high_letters(misreading: Misreading) -> str:
    """The high-half characters of the shown page that may be letters of a
    word: its own letters, and those whose byte is a letter in a page the
    text may have been written in (a character class body)."""
    if misreading is AS_WINDOWS_1252:
        return _HIGH_LETTERS
    return "".join(map(re.escape, sorted(_high_letter_set(misreading))))


@functools.cache
def _high_letter_set(misreading: Misreading) -> frozenset[str]:
    """:func:`_high_letters` of a page other than Windows-1252, as characters."""
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)

    chars: list[str] = []
    for byte in range(0x80, 0x100):
        shown = bytes([byte]).decode(misreading.codec, errors="replace")
        written = [bytes([byte]).decode(page.codec, errors="replace") for page in misreading.pages]
        if shown != "\ufffd" and (is_letter(shown) or any(map(is_letter, written))):
            chars.append(shown)
    return frozenset(chars)


@functools.cache
def _word_patterns(misreading: Misreading) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A word of the shown page, and an ASCII word not touching one."""
    if misreading is AS_WINDOWS_1252:
        return _WORD, _ASCII_WORD
    high = _high_letters(misreading)
    return (
        re.compile(f"[A-Za-z{high}]+"),
        re.compile(f"(?<![A-Za-z{high}])[A-Za-z]+(?![A-Za-z{high}])"),
    )


def _bytes_in(word: str, misreading: Misreading) -> bytes | None:
    """The bytes ``word`` came from as the misreading showed them."""
    if misreading is AS_WINDOWS_1252:
        return western_bytes(word)
    try:
        return word.encode(misreading.codec)
    except UnicodeEncodeError:
        return None


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _utf8_share(segment: str, misreading: Misreading = AS_WINDOWS_1252) -> float:
    """The share of the high bytes behind ``segment`` that form UTF-8
    sequences: most of them for UTF-8 mojibake, few for legacy text."""
    if misreading is AS_WINDOWS_1252:
        raw = western_bytes(segment, errors="replace") or b""
    else:
        raw = segment.encode(misreading.codec, errors="replace")
    high = sum(byte >= 0x80 for byte in raw)
    in_sequences = sum(len(match.group()) for match in _UTF8_SEQUENCE.finditer(raw))
    return in_sequences / high if high else 0.0


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str
    raw: bytes


def _groups(
    text: str, start: int, end: int, misreading: Misreading = AS_WINDOWS_1252
) -> Iterator[list[Word]]:
    """Runs of words in ``text[start:end]`` joined by short gaps, each
    beginning and ending with a non-ASCII word."""
    group: list[Word] = []
    position = -1
    for match in _word_patterns(misreading)[0].finditer(text, start, end):
        word = match.group()
        raw = _bytes_in(word, misreading)
        # A word touching a letter or symbol outside the code page
        # (``ağaç``, ``√∂st``) is part of something else.
        glued = (match.start() > 0 and not _GAP_CHAR.match(text, match.start() - 1)) or (
            match.end() < len(text) and not _GAP_CHAR.match(text, match.end())
        )
        joined = position >= 0 and _GAP.fullmatch(text, position, match.start()) is not None
        if not joined or glued or raw is None:
            yield from _trim(group)
            group = []
        if glued or raw is None:
            position = -1
            continue
        group.append(Word(match.start(), match.end(), word, raw))
        position = match.end()
    yield from _trim(group)


def _trim(group: list[Word]) -> Iterator[list[Word]]:
    """Split at long runs of ASCII words and drop ASCII words at the ends."""
    current: list[Word] = []
    ascii_run: list[Word] = []
    for word in group:
        if word.raw.isascii():
            ascii_run.append(word)
            continue
        if current and len(ascii_run) <= _MAX_ASCII_WORDS_INSIDE:
            current.extend(ascii_run)
        elif current:
            yield current
            current = []
        ascii_run = []
        current.append(word)
    if current:
        yield current


def _is_sign(ch: str) -> bool:
    """Punctuation, a digit or the numero sign: what may touch a word."""
    return ch == "№" or unicodedata.category(ch)[0] in "PN"


@dataclass(frozen=True, slots=True)
class _WordShapes:
    """What a word's bytes must look like in a code page to be text of its
    script, as patterns over the bytes (one character per byte): signs,
    then letters of the script (and combining marks), then signs; and a
    small letter before a capital."""

    word: re.Pattern[bytes]
    case_break: re.Pattern[bytes]


@functools.cache
def _shapes(page: LegacyPage) -> _WordShapes:
    chars = bytes(range(256)).decode(page.codec, errors="replace")
    signs, good, own, lower, upper = bytearray(), bytearray(), bytearray(), bytearray(), bytearray()
    for byte, ch in enumerate(chars):
        if not is_letter(ch):
            if _is_sign(ch):
                signs.append(byte)
            continue
        script = script_of(ch)
        if is_common(ch) and script in (page.script, "Inherited"):
            good.append(byte)
            if script == page.script:
                own.append(byte)
        if ch.islower():
            lower.append(byte)
        elif ch.isupper():
            upper.append(byte)

    def members(values: bytearray) -> bytes:
        return b"[" + b"".join(re.escape(bytes([value])) for value in values) + b"]"

    core = members(good) + b"*" + members(own) + members(good) + b"*"
    return _WordShapes(
        word=re.compile(members(signs) + b"*(?:(" + core + b")" + members(signs) + b"*)?"),
        case_break=re.compile(members(lower) + members(upper)),
    )


def _plausible(raw: bytes, decoded: str, page: LegacyPage) -> str | None:
    """The letters of a decoded word to look up, or None when the word
    cannot be what the author wrote: letters of another script or rare ones,
    symbols touching it (box drawing, currency signs), a capital inside it
    (``ьцЬ``: no language capitalises inside a word). ``decoded`` is
    ``raw`` in ``page``, one character per byte."""
    shapes = _shapes(page)
    match = shapes.word.fullmatch(raw)
    if match is None:
        return None
    start, end = match.span(1)
    if start < 0:
        return ""
    if shapes.case_break.search(raw, start, end):
        return None
    return decoded[start:end]


# wordfreq's small lists (words used at least once in a million) load ten
# times faster than its large ones and hold every word a line needs to be
# recognised by; the rare words only the large lists have decide nothing.
_WORDLIST = "small"


def _frequency(word: str, language: str) -> float:
    """How much a word counts as a known word of ``language``, 0 to 1."""
    return min(1.0, _zipf(word, language) / 2.5)


# Where a known word counts as one letter of evidence, one of the commonest
# words of its language counts one more for each order of magnitude its
# frequency has above one in ten thousand words (zipf 5): chance seldom
# makes ``на`` (zipf 7.25) of bytes that were something else.
_COMMON_ABOVE = 5.0


def _commonness(core: str, language: str, pages: int) -> float:
    """The evidence a changed word ``core`` of ``language`` adds for being
    common, where the misreading has ``pages`` pages to read: chance has a
    try in each."""
    return max(0.0, _zipf(core, language) - _COMMON_ABOVE - math.log10(pages))


@functools.lru_cache(maxsize=1 << 14)
def _zipf(word: str, language: str) -> float:
    """The Zipf frequency of ``word`` as a whole word of ``language``; 0
    for no word.

    A word with a symbol inside (``gêœl¹``) is no word: wordfreq would split
    it and find its pieces. Nor is one letter repeated (``ввв``, Hebrew
    ``×××`` that lost its second bytes read as KOI8): the lists hold such
    strings as noise of the web."""
    if not word or not all(map(is_letter, word)):
        return 0.0
    if len(word) > 1 and len(set(word.casefold())) == 1:
        return 0.0
    # Most words asked are no word of the language: its list, asked for the
    # word as wordfreq reads it, says so before the tokenizer is run.
    preprocess, listed = _word_list(language)
    read = preprocess(word)
    if listed.get(read) is None:
        return 0.0
    from wordfreq.tokens import lossy_tokenize

    from ..context.words import zipf_of_tokens

    # wordfreq splits some words, drops marks (Hebrew points) and what its
    # transliteration makes no letter of (Serbo-Croatian ``ьцЬ`` is looked
    # up as ``c``, ``Єь`` as ``je``): only a word read whole counts.
    tokens = lossy_tokenize(word, language)
    if tokens != [read] or len(tokens[0]) < len(word):
        return 0.0
    return zipf_of_tokens(tokens, language, _WORDLIST)


@functools.cache
def _word_list(language: str) -> tuple[Callable[[str], str], FrequencyTable]:
    """How wordfreq reads a word of ``language`` before it looks it up
    (normalised, case-folded, transliterated), and the list it looks in."""
    import langcodes
    from wordfreq.preprocess import preprocess_text

    from ..context.words import frequencies

    return functools.partial(preprocess_text, language=langcodes.get(language)), frequencies(
        language, _WORDLIST
    )


@functools.cache
def _alphabet(language: str) -> frozenset[str]:
    """The letters ``language`` writes, from its commonest words: a word whose
    decoded letters are all in it, and whose misread letters are not, is a
    word of the language even when no word list has it (``fűszerpaprika``)."""
    from ..context.words import top_words

    counts: dict[str, float] = {}
    # The list's own frequencies: looking each word up again through
    # wordfreq's tokenizer gives the same letters at twenty times the cost.
    for word, weight in top_words(language, 5000, numbers=False):
        for ch in word:
            counts[ch] = counts.get(ch, 0.0) + weight
    total = sum(counts.values()) or 1.0
    return frozenset(ch for ch, count in counts.items() if count / total >= 1e-4)


# chardet's language codes that wordfreq knows under another name.
_WORDFREQ_NAMES = {"hr": "sh", "sr": "sh", "bs": "sh"}


def _decode(word: Word, page: LegacyPage) -> str:
    """``word`` read in ``page``: one character per byte, like the misreading."""
    return word.raw.decode(page.codec, errors="replace")


def _weight(word: Word) -> int:
    """A word's letters, those beyond ASCII twice."""
    return 2 * len(word.text) - len(word.text.encode("ascii", "ignore"))


@dataclass(frozen=True, slots=True)
class Reading:
    """The words of a line decoded with one code page, and how well they read
    as ``language``: ``score`` over all words, ``changed_score`` over those
    the code page changes. ``replacements`` has None for words kept."""

    page: LegacyPage
    language: str
    score: float
    changed_score: float
    replacements: tuple[str | None, ...]
    changed_chars: int
    known_words: int


# What a code page makes of a line's words: see :func:`_changes`.
_Changes = tuple[list[str | None], list[tuple[Word, str | None]]]


def _word_score(core: str, original: str, language: str) -> float:
    known = _frequency(core, language)
    if known >= 0.5:
        return known
    if len(core) != len(original) or len(core.lower()) != len(original.lower()):
        return known
    letters = _alphabet(language)
    pairs = [(a, b) for a, b in zip(original.lower(), core.lower(), strict=True) if a != b]
    if all(b in letters and a not in letters for a, b in pairs):
        return 0.4  # support, but never enough alone to pass the 0.5 bars
    return known


def _changes(words: Sequence[Word], page: LegacyPage) -> _Changes:
    """What ``page`` makes of each word (None where it keeps the word or
    makes no text of the page's script of it), and the words it changes with
    their plausible core."""
    replacements: list[str | None] = []
    changed: list[tuple[Word, str | None]] = []
    for word in words:
        decoded = _decode(word, page)
        if decoded == word.text:
            replacements.append(None)
            continue
        core = _plausible(word.raw, decoded, page)
        if core and page.script != "Latin":
            high = sum(1 for ch in word.text if ord(ch) >= 0x80)
            if high * 4 < len(word.text) * 3:
                core = None  # ``cafй``: a Western word, not a misread one
        replacements.append(decoded if core is not None else None)
        changed.append((word, core))
    return replacements, changed


def _mostly_plausible(changed: Sequence[tuple[Word, str | None]]) -> bool:
    """Whether at least half of what a page changes (by weight) can be text
    of its script: a page that fails this has no reading."""
    changed_weight = sum(_weight(word) for word, _ in changed)
    plausible_weight = sum(_weight(word) for word, core in changed if core is not None)
    return bool(changed_weight) and plausible_weight * 2 >= changed_weight


def _worth_reading(changes: _Changes, page: LegacyPage) -> bool:
    """Whether ``page`` has a reading of the words it changes so, and turns
    one of them into a known word of one of its languages: without both no
    reading of the page reaches the bar of :func:`_decide`, so the rest of
    the judging is skipped."""
    _, changed = changes
    return _mostly_plausible(changed) and any(_known(core, page) for _, core in changed)


def _known(core: str | None, page: LegacyPage) -> bool:
    """Whether ``core`` is a known word of one of the languages ``page`` serves."""
    if not core:
        return False
    return any(_frequency(core, language) >= 0.5 for language in page.languages)


def _read(
    words: Sequence[Word], page: LegacyPage, hint: str | None, changes: _Changes
) -> Reading | None:
    """``words`` decoded with ``page`` (which ``changes`` says what it makes
    of them), scored in the best of its languages; None when most changed
    words cannot be text of the page's script."""
    # chardet's language goes first; when it reads well, the word lists of
    # the others are not loaded.
    hint = _WORDFREQ_NAMES.get(hint or "", hint)
    languages = page.languages
    if hint in languages:
        languages = (hint, *(lang for lang in languages if lang != hint))
    best: Reading | None = None
    for reading in _readings(words, page, changes, languages):
        if best is None or reading.score > best.score:
            best = reading
        if reading.language == hint and reading.changed_score >= 0.8:
            break
    return best


def _readings(
    words: Sequence[Word], page: LegacyPage, changes: _Changes, languages: Sequence[str]
) -> Iterator[Reading]:
    """The reading of ``words`` in ``page`` scored as each of ``languages``,
    in that order; none when most changed words cannot be text of the
    page's script."""
    replacements, changed = changes
    if not _mostly_plausible(changed):
        return
    changed_weight = sum(_weight(word) for word, _ in changed)
    changed_ids = {id(word) for word, _ in changed}
    kept = [word for word in words if id(word) not in changed_ids]
    total_weight = changed_weight + sum(_weight(word) for word in kept)
    changed_chars = sum(
        sum(a != b for a, b in zip(word.text, _decode(word, page), strict=True))
        for word, core in changed
        if core
    )
    for language in languages:
        changed_known = 0.0
        known_words = 0
        for word, core in changed:
            if core:
                score = _word_score(core, word.text, language)
                changed_known += _weight(word) * score
                known_words += score >= 0.5
        kept_known = 0.0
        for word in kept:
            score = _frequency(word.text, language)
            known_words += score >= 0.5
            if word.raw.isascii():
                # An ASCII word reads the same in the text as it stands:
                # English in any language's text (``Template Toolkit``)
                # counts for the reading as it counts against it.
                score = max(score, _frequency(word.text, "en"))
            kept_known += _weight(word) * score
        yield Reading(
            page=page,
            language=language,
            score=(changed_known + kept_known) / total_weight,
            changed_score=changed_known / changed_weight,
            replacements=tuple(replacements),
            changed_chars=changed_chars,
            known_words=known_words,
        )


def _passes(reading: Reading) -> bool:
    """The first bar of :func:`_decide`: most words known, most changed ones too."""
    return reading.score >= 0.5 and reading.changed_score >= 0.5


def _western_score(
    words: Sequence[Word],
    reading: Reading,
    ceiling: float,
    languages: Sequence[str] = WESTERN_LANGUAGES,
) -> tuple[float, float]:
    """How well ``words`` read as they stand in the best of ``languages``
    (those the shown page writes), over all words and over those
    ``reading`` changes; stops early once the first reaches ``ceiling``."""
    changed = {
        id(word)
        for word, replacement in zip(words, reading.replacements, strict=True)
        if replacement is not None
    }
    scored: list[tuple[str, int, bool]] = []
    for word in words:
        core = word.text.strip("".join(ch for ch in word.text if not is_letter(ch)))
        scored.append((core, _weight(word), id(word) in changed))
    total = sum(weight for _, weight, _ in scored) or 1
    changed_total = sum(weight for _, weight, is_changed in scored if is_changed) or 1
    best, best_changed = 0.0, 0.0
    for language in languages:
        if language in reading.page.languages:
            continue
        known = [(weight * _frequency(core, language), flag) for core, weight, flag in scored]
        score = sum(k for k, _ in known) / total
        if score > best:
            best = score
            best_changed = sum(k for k, is_changed in known if is_changed) / changed_total
        if best >= ceiling:
            break
    return best, best_changed


def _chardet_ranking(
    raw: bytes, misreading: Misreading = AS_WINDOWS_1252
) -> list[tuple[str, str | None]]:
    """chardet's ranking of our code pages for ``raw``: (codec name, language)."""
    import chardet

    names = [page.chardet_name for page in misreading.pages]
    shown = misreading.chardet_name
    try:
        results = chardet.detect_all(
            raw, include_encodings=[*names, shown], no_match_encoding=shown
        )
    except Exception:  # chardet must never make us fail on odd bytes
        return []
    ranking: list[tuple[str, str | None]] = []
    for result in results:
        encoding = str(result.get("encoding") or "").lower()
        language = result.get("language")
        ranking.append((encoding, str(language) if language else None))
    return ranking


# What clearing every bar of :func:`_decide` adds to a reading's confidence.
_PASSED = 0.1


def _decide(
    text: str,
    words: Sequence[Word],
    context: Sequence[str],
    misreading: Misreading = AS_WINDOWS_1252,
) -> tuple[Reading, float, list[Reading]] | None:
    """The best reading of ``words`` (the suspect words of one line) and how
    sure we are of it, or None when the words should stay as they are.
    ``context`` (the line's other words) only adds weight to a reading whose
    language it is written in."""
    high_words = [w for w in words if not w.raw.isascii()]
    segment = text[words[0].start : words[-1].end]
    if not high_words or _utf8_share(segment, misreading) >= 0.5:
        return None  # UTF-8 read as Windows-1252: another detector's job
    pages = [page for page in misreading.pages if _could_read(high_words, page)]
    changes = {page.name: _changes(words, page) for page in pages}
    worth = [page for page in pages if _worth_reading(changes[page.name], page)]
    # Whatever chardet says below only chooses among these readings: when
    # none passes the bar, it need not be asked.
    if not any(
        _passes(reading)
        for page in worth
        for reading in _readings(words, page, changes[page.name], page.languages)
    ):
        return None
    ranking: list[tuple[str, str | None]] | None = None
    readings: list[Reading] = []
    for page in pages:
        if ranking is None:
            ranking = _chardet_ranking(b" ".join(w.raw for w in high_words), misreading)
        hint = next((lang for name, lang in ranking if name == page.chardet_name), None)
        reading = _read(words, page, hint, changes[page.name])
        if reading is not None:
            readings.append(reading)
    if not readings or ranking is None:
        return None
    rank_of = {name: index for index, (name, _) in enumerate(ranking)}
    readings.sort(key=lambda r: (-r.score, -r.changed_score, rank_of.get(r.page.chardet_name, 99)))
    best = readings[0]
    if not _passes(best):
        return None
    western, western_changed = _western_score(words, best, best.score - 0.3, misreading.languages)
    margin = best.score - western
    if margin < 0.3 or best.changed_score - western_changed < 0.3:
        return None
    # One short word is thin evidence; a line of them is not.
    # ASCII words can only be words of a Latin-script language, and count
    # only when they are not English too.
    support = 0
    if best.page.script == "Latin":
        support = sum(
            _frequency(word, best.language) >= 0.5 and _frequency(word, "en") < 0.5
            for word in context
        )
    # A word that mixes scripts as it stands (``cafι``, Latin-1 read as
    # Greek) is broken beyond doubt: it counts as three letters of evidence.
    mixed = sum(
        len({script_of(ch) for ch in word.text if is_letter(ch)} - {"Common"}) > 1
        for word, replacement in zip(words, best.replacements, strict=True)
        if replacement is not None
    )
    _, changed = changes[best.page.name]
    common = sum(
        _commonness(core, best.language, len(misreading.pages)) for _, core in changed if core
    )
    evidence = best.changed_chars + best.known_words + common + support + 3 * mixed
    size = max(0.0, min(1.0, (evidence - 3) / 6))
    # Readings of other pages that make other text, read as well and whose
    # words are not ten times rarer than the chosen one's are as likely:
    # chardet's ranking chose among them, a coin where the words are few
    # (``îä``: Macedonian ``од`` or Hebrew ``מה``). The confidence is shared.
    chosen = _zipf_sum(best, changes[best.page.name])
    tied = 1 + sum(
        r.score == best.score
        and r.changed_score == best.changed_score
        and r.replacements != best.replacements
        and _zipf_sum(r, changes[r.page.name]) >= chosen - 1
        for r in readings[1:]
    )
    # A reading that clears every bar above is right more often than its
    # margin alone says: in the calibration set, those the margin alone put
    # from 0.5 to 0.6 repair 302 texts exactly and change 20 others.
    return best, min(0.97, _PASSED + margin * (0.4 + 0.6 * size)) / tied, readings


def _zipf_sum(reading: Reading, changes: _Changes) -> float:
    """The Zipf frequencies of the words ``reading`` changes, summed: the
    log-likelihood of those words, up to a constant for each."""
    _, changed = changes
    return sum(_zipf(core, reading.language) for _, core in changed if core)


def _could_read(words: Sequence[Word], page: LegacyPage) -> bool:
    """A cheap test before any word list: does some word decode to letters of
    the page's script only?"""
    shapes = _shapes(page)
    for word in words:
        match = shapes.word.fullmatch(word.raw)
        if match is None or match.start(1) < 0:
            continue  # no letters of the script: no plausible core
        decoded = _decode(word, page)
        if decoded != word.text and _plausible(word.raw, decoded, page):
            return True
    return False


def _findings(
    text: str,
    groups: Sequence[list[Word]],
    context: Sequence[str],
    misreading: Misreading = AS_WINDOWS_1252,
) -> Iterator[Finding]:
    words = [word for group in groups for word in group]
    decision = _decide(text, words, context, misreading)
    if decision is None:
        return
    best, confidence, readings = decision
    offset = 0
    for group in groups:
        count = len(group)
        reading = _slice(best, offset, count)
        offset += count
        if all(r is None for r in reading.replacements):
            continue
        changed = [i for i, r in enumerate(reading.replacements) if r is not None]
        yield Finding(
            start=group[changed[0]].start,
            end=group[changed[-1]].end,
            detector=DETECTOR_ID,
            confidence=confidence,
            reason=f"{best.page.label} text read as {misreading.label} ({best.language})",
            replacement=_render(text, group, reading),
            alternatives=tuple(
                Candidate(_render(text, group, alternative), round(alternative.score, 4))
                for alternative in (_slice(r, offset - count, count) for r in readings[:3])
                if any(r is not None for r in alternative.replacements)
            ),
        )


def _slice(reading: Reading, offset: int, count: int) -> Reading:
    """The part of a line's reading that covers one group of its words."""
    return dataclasses.replace(reading, replacements=reading.replacements[offset : offset + count])


def _render(text: str, words: Sequence[Word], reading: Reading) -> str:
    """The group of ``words`` as ``reading`` decodes it, from its first
    changed word to its last, with what stands between words kept."""
    changed = [i for i, r in enumerate(reading.replacements) if r is not None]
    first, last = changed[0], changed[-1]
    pieces: list[str] = []
    for index in range(first, last + 1):
        replacement = reading.replacements[index]
        pieces.append(replacement if replacement is not None else words[index].text)
        if index < last:
            pieces.append(text[words[index].end : words[index + 1].start])
    return "".join(pieces)


def _lines_with_trigger(
    text: str, wakes: Sequence[Wake] | None = None
) -> Iterator[tuple[int, int]]:
    """The lines of ``text`` in which ``wakes`` (the whole trigger by
    default) match, as (start, end)."""
    done = 0
    wakes = wake() if wakes is None else wakes
    while True:
        # Each part of the trigger searched on its own: faster than their union.
        found = [first_confirmed(wake_pattern(w), w.confirm, text, done) for w in wakes]
        starts = [start for start in found if start is not None]
        if not starts:
            return
        first = min(starts)
        start, end = line_around(text, first)
        yield start, end
        done = end


def _written_in_another_script(
    text: str,
    start: int,
    end: int,
    groups: Sequence[list[Word]],
    misreading: Misreading = AS_WINDOWS_1252,
) -> bool:
    """Whether the line is mostly letters of a script no legacy code page
    writes (``ë`` glued to ``–`` among Hangul): a text read in a legacy code
    page holds none, so the suspect words are what is left of other mojibake."""
    written = {"Latin", "Common", misreading.script}
    written |= {page.script for page in (*LEGACY_PAGES, *misreading.pages)}
    suspect = sum(len(word.text) for group in groups for word in group)
    other = sum(1 for ch in text[start:end] if ch.isalpha() and script_of(ch) not in written)
    return other > suspect


def find_legacy(text: str) -> Iterator[Finding]:
    """Every span of ``text`` that reads better in a legacy code page.

    The code page is chosen once per line, from all its suspect words, and
    applied to each run of them.
    """
    for misreading in MISREADINGS:
        yield from _find_misread(text, misreading)


def _find_misread(text: str, misreading: Misreading) -> Iterator[Finding]:
    """The spans of ``text`` that read better in a page ``misreading`` says
    the text may have been written in."""
    ascii_word = _word_patterns(misreading)[1]
    for line_start, line_end in _lines_with_trigger(text, _wakes_of(misreading)):
        groups = list(_groups(text, line_start, line_end, misreading))
        if not groups or _written_in_another_script(text, line_start, line_end, groups, misreading):
            continue
        inside = {word.start for group in groups for word in group}
        context = [
            match.group()
            for match in ascii_word.finditer(text, line_start, line_end)
            if match.start() not in inside
        ]
        yield from _findings(text, groups, context, misreading)


def read_whole(text: str) -> WholeReading | None:
    """The repair of a text whose every character beyond ASCII the best
    findings of this detector explain, all in one page: what the first pass
    would apply, without every other detector judging the text too (a page
    of KOI8-R read as Latin-1 shows the readers of lost UTF-8 bytes hundreds
    of damaged sequences, and the readers of East Asian pages hundreds of
    pairs), at the confidence of the least sure of them. ``None`` for a
    text whose high bytes are mostly UTF-8 (the UTF-8 readers' to judge), or
    where a character is left that no finding of that page explains.

    >>> read_whole("Ïðèâåò, ìèð! Êàê äåëà?").text
    'Привет, мир! Как дела?'
    >>> read_whole("Ïðèâåò, ìèð! Êàê äåëà? Ça été très élevé.") is None
    True
    """
    if text.isascii() or _utf8_share(text) >= 0.5:
        return None
    chosen: list[Finding] = []
    for finding in sorted(find_legacy(text), key=lambda f: -f.confidence):
        if all(finding.end <= other.start or other.end <= finding.start for other in chosen):
            chosen.append(finding)
    if not chosen or any(finding.reason != chosen[0].reason for finding in chosen):
        return None
    chosen.sort(key=lambda finding: finding.start)
    pieces: list[str] = []
    position = 0
    for finding in chosen:
        if finding.replacement is None or not text[position : finding.start].isascii():
            return None  # a character beyond ASCII that no reading explains
        pieces.extend((text[position : finding.start], finding.replacement))
        position = finding.end
    if not text[position:].isascii():
        return None
    repaired = "".join(pieces) + text[position:]
    if _run_spans(repaired) != _run_spans(text):
        return None  # one change per run of characters beyond ASCII, each in its place
    return WholeReading(
        text=repaired,
        detector=DETECTOR_ID,
        confidence=min(finding.confidence for finding in chosen),
        reason=chosen[0].reason,
    )


def _run_spans(text: str) -> list[tuple[int, int]]:
    return [run.span() for run in NON_ASCII_RUN.finditer(text)]


LEGACY_CODEPAGE = Detector(
    id=DETECTOR_ID,
    summary="legacy 8-bit text (Windows-125x, KOI8) decoded with another 8-bit page",
    find=find_legacy,
    trigger=trigger,
    wake=wake,
    priority=30,
    read_whole_after=read_whole,
)
