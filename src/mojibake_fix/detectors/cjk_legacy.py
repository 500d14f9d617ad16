"""East Asian legacy text read as an 8-bit page: ``“ú–{Œê`` for ``日本語``.

What it catches: text written in a multi-byte East Asian encoding (Shift_JIS
and CP932, EUC-JP, GB2312 and GBK, Big5, EUC-KR and CP949) and decoded as
Windows-1252, Latin-1, cp850 or cp437, so that each hanzi, kana or hangul
became two characters of the page; and the same text after the characters
Windows-1252 leaves undefined (``81 8D 8F 90 9D``, kept as C1 controls) were
deleted on the way, as cleaning steps delete controls: Shift_JIS writes
``、。「」ー`` with a lead byte ``81``, so a Japanese page loses some.

How: a stretch of the page's characters (its high half, and the ASCII
characters between them that may be second bytes) is taken back to its bytes
through the page and decoded with each encoding by a walk over the bytes
(:func:`_walk`) that reads every byte as part of a character of the
encoding, as the page's character it stands for (where no character of the
encoding starts), or, in a stretch that lost bytes, after one of the lost
bytes put back, each step scored by how often the language writes the
character (:mod:`mojibake_fix.context.east_asian_characters`) and how well it
follows the one before (:mod:`mojibake_fix.context.east_asian_pairs`), so
that the neighbours choose the byte put back (``非常``, not ``非戦``); where
the pairs do not hold the compound, the words of the language's list around
the byte choose (``増便``, not ``国便``: :func:`_chosen_by_words`). Each reading is
then judged as the rest of the project judges decodings of bytes
(:func:`~mojibake_fix.plausibility.plausibility` and the encoding's prior,
:func:`~mojibake_fix.encodings.prior`), plus how often its language writes its
characters, against the text as it stands.

How it avoids false positives:

- the reading must beat the text as it stands by a margin that grows with the
  bytes it explains, and a lone pair of characters never does;
- Western text read as a multi-byte encoding turns a letter and the byte
  after it into one hanzi glued to Latin letters (``naïve``), which the
  plausibility model scores as no text; its words are known words as they
  stand (``Þórður``);
- legacy Cyrillic and Greek text gives pairs of rare hanzi or hanja, and
  spaces at odd places no multi-byte character can hold;
- UTF-8 mojibake is left to the UTF-8 detectors: a stretch whose bytes are
  UTF-8 is not read, and a reading must beat the bytes read as UTF-8 too
  (a Shift_JIS reading of ``cafÃ©`` never wins);
- a stretch glued to a character outside its page (a clean hanzi beside
  ``“…”``) is part of clean text.

A reading that put bytes back is applied only when it beats the readings
with other bytes put back (or none) by a clear margin; otherwise it is
reported with them as alternatives. Where its neighbours do not choose one
character for a byte put back over another (:data:`SITE_MARGIN`), the
reading is applied around it and that character is reported alone, with
the others it could be.

>>> [f.replacement for f in find_cjk_legacy("Title: “ú–{Œê‚ÌƒeƒLƒXƒg")]
['日本語のテキスト']
>>> list(find_cjk_legacy("Þórður og Åse Øye, naïve ÉCOLE"))
[]
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import math
import re
import unicodedata
from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass

from ..charclass import is_common, is_letter, script_of
from ..codepages import CodePage, code_page, utf8_of
from ..context.east_asian_characters import (
    EAST_ASIAN_SCRIPTS,
    LOWEST,
    TRADITIONAL,
    character_value,
    words_covered,
)
from ..context.east_asian_pairs import alone_value, pair_value, pairs_value
from ..context.letter_chains import CHAINED_LANGUAGES, split_score
from ..encodings import prior
from ..lines import line_around, run_around
from ..model import Candidate, Finding
from ..plausibility import CONTROL, plausibility
from .base import Detector, Wake, first_confirmed, wake_pattern

DETECTOR_ID = "cjk-legacy"


@dataclass(frozen=True, slots=True)
class EastAsianEncoding:
    """A multi-byte encoding the walk decodes with (``codec``, a superset),
    the narrower standard it is named after when that reads the bytes too,
    and the language whose characters judge the reading."""

    codec: str
    narrower: str
    label: str
    wider_label: str
    language: str


ENCODINGS: tuple[EastAsianEncoding, ...] = (
    EastAsianEncoding("cp932", "shift_jis", "Shift_JIS", "CP932", "ja"),
    EastAsianEncoding("euc_jp", "euc_jp", "EUC-JP", "EUC-JP", "ja"),
    EastAsianEncoding("gbk", "gb2312", "GB2312", "GBK", "zh"),
    # GBK writes traditional hanzi too (Windows' Chinese page, CP936).
    EastAsianEncoding("gbk", "gb2312", "GB2312", "GBK", TRADITIONAL),
    EastAsianEncoding("big5", "big5", "Big5", "Big5", TRADITIONAL),
    EastAsianEncoding("cp949", "euc_kr", "EUC-KR", "CP949", "ko"),
)

# The pages the bytes were shown through, in the order a stretch is tried:
# the one that encodes it first (Latin-1 for C1 controls Windows-1252 would
# have shown as punctuation).
PAGES = ("cp1252", "latin-1", "cp850", "cp437")
_PAGE_LABELS = {
    "cp1252": "Windows-1252",
    "latin-1": "Latin-1",
    "cp850": "cp850",
    "cp437": "cp437",
}
# The bytes Windows-1252 leaves undefined: shown as C1 controls, and lost
# where controls are deleted.
LOST_BYTES = bytes((0x81, 0x8D, 0x8F, 0x90, 0x9D))
# The most lost bytes put back: one in this many high bytes of the stretch
# (Japanese loses a lead byte of punctuation every ten characters or so).
HIGH_BYTES_PER_LOST = 2
# The least mean value (:func:`value`) of a reading's hanzi, kana and hangul:
# text writes its language's common characters, while a row of the page's
# signs (``¡¢£¤¥``) reads as characters of every rank.
LEAST_MEAN_VALUE = 0.5
# The longest stretch judged at once: longer ones are cut where no character
# of two bytes can be (after an ASCII character no encoding takes as a second
# byte), when there is such a place.
WINDOW = 2048
# ASCII that may stand between two parts of one stretch.
_LONGEST_GAP = 32
# How common a Latin word must be (Zipf) to be taken for what it shows.
_COMMON_WORD = 3.0

# Scores of the walk, per character (a character of two bytes counts its
# language's value for it, once).
_KEPT = -3.0  # a byte left as the page's character
_PUT_BACK = -2.0  # a lost byte put back
_ORPHAN = -2.5  # an ASCII letter or sign alone between two multi-byte characters
# One or two ASCII letters or signs between characters beyond ASCII (or after
# one, at the end of a stretch): second bytes whose lead was lost, more
# likely than a Latin word so short inside East Asian text.
_ORPHANS_IN_BYTES = re.compile(
    rb"(?<=[\x80-\xff])[\x40-\x7e]{1,2}(?![0-9A-Za-z])"
    rb"|(?<![0-9A-Za-z])[\x40-\x7e]{1,2}(?=[\x80-\xff])"
    # A capital closing a small word, which no Latin word ends with
    # (``MicrosoftA``, ``RobotronA``: ``Microsoft、``).
    rb"|(?<=[a-z])[A-Z](?![0-9A-Za-z])"
)
_ORPHANS_IN_TEXT = re.compile(
    r"(?<=[^\x00-\x7f])[\x40-\x7e]{1,2}(?![0-9A-Za-z])"
    r"|(?<![0-9A-Za-z])[\x40-\x7e]{1,2}(?=[^\x00-\x7f])"
    r"|(?<=[a-z])[A-Z](?![0-9A-Za-z])"
)
# A Latin word, apostrophes inside it.
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z']*[A-Za-z]")
# The fewest letters a Latin word keeps once its stray letter is off: the
# lists know too many short words for a stray to tell.
_LEAST_WORD_LEFT = 4


# How many letters too many a word may have at its start and at its end,
# fewest first (two at an edge leave too many words of some language).
_STRAY_EDGES = ((1, 0), (0, 1), (1, 1))


def _stray_letters(text: str) -> Iterator[int]:
    """Where a Latin word of ``text`` has a letter too many at an edge, or
    at both: the word is none English writes, and it is one without them
    (the Latin words East Asian text holds are English words and names,
    mostly). In text that lost bytes, second bytes of leads that were lost
    (``Linkv``: ``Link」``; ``uMotion``: ``「Motion``).

    >>> list(_stray_letters("uMotion Linkv")), list(_stray_letters("Motion Links"))
    ([0, 12], [])
    """
    from ..context.words import zipf

    for match in _LATIN_WORD.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        if len(word) <= _LEAST_WORD_LEFT or zipf(word, "en") >= _COMMON_WORD:
            continue
        for left, right in _STRAY_EDGES:
            kept = word[left : len(word) - right]
            if len(kept) >= _LEAST_WORD_LEFT and zipf(kept, "en") >= _COMMON_WORD:
                yield from (*range(start, start + left), *range(end - right, end))
                break


_HALF_WIDTH = -2.5
# The half-width forms of kana, hangul and their punctuation.
_HALF_WIDTH_FIRST, _HALF_WIDTH_LAST = "\uff61", "\uffdc"
_GLUED = -2.0  # a two-byte character inside a Latin word
# The full-width forms of ASCII, which East Asian text writes among its own.
_FULL_WIDTH_FIRST, _FULL_WIDTH_LAST = "\uff01", "\uff5e"
_FULL_WIDTH = 0.0
_PUNCTUATION = 0.5
# The ideographic punctuation (、。「」・ー), as common as the commonest kana.
_EAST_ASIAN_PUNCTUATION = 1.5
_EAST_ASIAN_PUNCTUATION_SIGNS = frozenset("、。「」『』【】・（）！？：；，．")
_SYMBOL = -0.5
_OTHER = -2.0
# The first character of the East Asian scripts' blocks.
_CJK = "\u2e80"
# The readings the walk keeps at each byte, each ending in another character.
BEAM = 8

# The judge: the reading must beat the text as it stands by this much per
# byte of the page's high half it explains, and by this much at least.
MARGIN_PER_BYTE = 1.0
LEAST_MARGIN = 6.0
# A reading that put bytes back must beat the best reading that put none back
# by this much per byte put back to be applied, and is applied at most so sure.
LOST_GAIN = 1.0
LOST_CEILING = 0.95
# The least lead, in the walk's units, of the character a byte put back makes
# over the next best that byte could make beside the same neighbours, for the
# reading to be applied (:func:`_least_margin`).
SITE_MARGIN = 0.5
# How much likelier (natural log: ten times) the words around a byte put back
# must make one of the letters it could be than any other for the words to
# choose it (:func:`_chosen_by_words`), and how many letters on either side
# they are read over.
WORD_MARGIN = math.log(10)
WORD_WINDOW = 8
# The other characters an undecided byte put back could make, reported with it.
UNDECIDED_SHOWN = 3
# The margin beyond the least one, in plausibility (bytes), that takes the
# confidence two thirds of the way from the threshold to the highest.
EVIDENCE = 4.0
_MOST_CONFIDENT = 0.99
_APPLIED = 0.6
# The share of a reading's characters that must fall in words of its
# language (:func:`words_covered`) for it to be applied; text of the
# language has most of them there, a wrong encoding's characters almost none.
LEAST_WORDS_COVERED = 0.3


@dataclass(frozen=True, slots=True)
class Reading:
    """One decoding of a stretch: its text, what it read as what, how many
    lost bytes it put back, its score, and the bytes put back that its
    neighbours did not choose (:class:`Undecided`)."""

    text: str
    reason: str
    language: str
    put_back: int
    score: float
    undecided: tuple[Undecided, ...] = ()
    origins: tuple[int, ...] = ()  # where each character starts in the stretch


@functools.cache
def _page_characters(waking: bool = False) -> str:
    """Every character of the pages' high halves, escaped for a character
    class; for ``waking``, less cp437's Greek letters, which Greek text
    writes three in a row (``σσα``)."""
    chars = {ch for name in PAGES for ch in code_page(name).byte_of}
    if waking:
        chars = {ch for ch in chars if script_of(ch) != "Greek"}
    return "".join(re.escape(ch) for ch in sorted(chars))


@functools.cache
def _page_letters() -> str:
    """The letters among the pages' characters, the C1 controls (bytes
    Windows-1252 leaves undefined) and the DOS pages' box drawing and signs
    (where EUC-KR and GB2312 show most of their bytes), escaped for a
    character class."""
    western = set(code_page("cp1252").byte_of) | set(code_page("latin-1").byte_of)
    chars = {
        ch
        for name in PAGES
        for ch in code_page(name).byte_of
        if (ch.isalpha() or "\x80" <= ch <= "\x9f" or ch not in western)
        and script_of(ch) != "Greek"
    }
    return "".join(re.escape(ch) for ch in sorted(chars))


# The most characters between two characters of a date or a list (``, 10``).
_NUMBER_GAP = 6


@functools.cache
def wake() -> tuple[Wake, ...]:
    """Three characters of a page's high half in a row, one of them a letter
    (``“ú–``, ``ÖÐÎ``, ``╣╠║``): two multi-byte characters of the page's
    high half, not one character three times. Clean text seldom writes
    three (``Þór`` is two), and punctuation (``“…”``) is no letter."""
    high = _page_characters(waking=True)
    letter = _page_letters()
    # Not one character three times (``■■■``, ``▒▒▒``): drawing, not text.
    not_drawn = "(?<=(?P<cjk_first>.))(?!(?P=cjk_first){2})"
    three = f"(?=[{high}][{high}])(?<=[{letter}])|(?=[{letter}][{high}]|[{high}][{letter}])"
    # Or two pairs with only digits, spaces or signs between (``2024³â 1¿ù``,
    # a date or a list of months: one character after each number).
    pairs = (
        f"(?=[{high}][\x20-\x3f]{{1,{_NUMBER_GAP}}}[{high}][{high}])"
        f"(?:(?<=[{letter}])|(?=[{letter}]))"
    )
    around = f"{not_drawn}(?:{three}|{pairs})"
    return (Wake(at=high, around=around, confirm=_more_than_a_latin_word),)


def _more_than_a_latin_word(text: str, index: int) -> bool:
    """Whether the characters woken at ``index`` are more than a common word
    of a language of Latin letters (Slovak ``Najvyšší``, Czech ``příští``):
    East Asian text shown through a page makes letters no language writes
    together (``ÖÐÎÄ``, ``âXâIâôâl``), or signs (``“ú–{``)."""
    from ..context.words import LANGUAGES_BY_SCRIPT, spelled_with_alphabet, zipf

    left, right = run_around(text, index, index + 1, str.isalpha)
    if right - left < 3:
        return True  # the three characters woken are not all letters of one word
    word = text[left:right]
    return not any(
        spelled_with_alphabet(word, lang) and zipf(word, lang) >= _COMMON_WORD
        for lang in LANGUAGES_BY_SCRIPT["Latin"]
    )


@functools.cache
def trigger() -> str:
    [only] = wake()
    return f"[{only.at}]{only.around}"


@functools.cache
def _stretch_pattern() -> re.Pattern[str]:
    """High-half characters with short ASCII gaps between them, the ASCII
    character after the last, which may be its second byte, and one more,
    which may be the second byte of a lead that was lost (``‚Pv``: ``１`` and
    the ``v`` of ``」``), and a Latin word glued to them (an ASCII sign
    between), which may end in such a byte (``(Brightonj``: ``(Brighton）``),
    where it is long enough for :func:`_stray_letters` to tell; and an ASCII
    sign or letter alone before the first, which may be the second byte of a
    lead that was lost (``u`` of ``「``)."""
    high = _page_characters()
    return re.compile(
        f"(?:(?<![0-9A-Za-z])[\\x40-\\x7e](?=[{high}]))?"
        f"[{high}](?:[\\x20-\\x7e]{{0,{_LONGEST_GAP}}}[{high}])*"
        f"[\\x40-\\x7e]{{0,2}}"
        f"(?:[\\x21-\\x3f]?[A-Za-z][A-Za-z']{{{_LEAST_WORD_LEFT - 1},}}[A-Za-z])?"
    )


_TRAILS = range(0x40, 0x100)


# What a byte or two that make no character of a codec stand for in :class:`_Characters`.
_NONE = "\0"


@dataclass(frozen=True, slots=True)
class _Characters:
    """The characters of a codec written in one or two bytes beyond ASCII,
    by their bytes: a string with a character for each byte and one for each
    pair of bytes (at ``lead * 256 + trail``), U+0000 where they make none.
    A dict of bytes to characters takes fifteen times as much."""

    singles: str
    pairs: str

    def get(self, source: bytes) -> str | None:
        """The character ``source`` (one byte or two) makes, if any."""
        single = len(source) == 1
        ch = self.singles[source[0]] if single else self.pairs[source[0] << 8 | source[1]]
        return None if ch == _NONE else ch


@functools.cache
def _pairs(codec: str) -> _Characters:
    """Every character of ``codec`` written in one or two bytes beyond ASCII."""
    singles = [_NONE] * 0x100
    pairs = [_NONE] * 0x10000
    for lead in range(0x80, 0x100):
        with contextlib.suppress(UnicodeDecodeError):
            singles[lead] = bytes((lead,)).decode(codec)
        for source, ch in _pairs_of(codec, lead):
            pairs[source[0] << 8 | source[1]] = ch
    return _Characters("".join(singles), "".join(pairs))


def _pairs_of(codec: str, lead: int) -> Iterator[tuple[bytes, str]]:
    """The pairs ``lead`` starts that ``codec`` decodes to one character. One
    codec call reads them all, a line each (no trail byte is a line feed): a
    pair that does not decode leaves a U+FFFD in its line."""
    lines = b"\n".join(bytes((lead, trail)) for trail in _TRAILS).decode(codec, "replace")
    pieces = lines.split("\n")
    if len(pieces) != len(_TRAILS):  # pragma: no cover - a codec that reads across lines
        pieces = [bytes((lead, trail)).decode(codec, "replace") for trail in _TRAILS]
    for trail, piece in zip(_TRAILS, pieces, strict=True):
        if len(piece) == 1 and piece != "\ufffd":
            yield bytes((lead, trail)), piece


@functools.cache
def _put_back_options(
    codec: str, language: str, lost: bytes
) -> dict[int, tuple[tuple[bytes, str, float], ...]]:
    """For each byte, the characters it makes with one of ``lost`` before or
    after it: their bytes, the character and its value."""
    characters = _pairs(codec)
    options: dict[int, tuple[tuple[bytes, str, float], ...]] = {}
    for byte in range(0x100):
        found = []
        for missing in lost:
            for source in (bytes((missing, byte)), bytes((byte, missing))):
                ch = characters.get(source)
                # Only characters the language writes: a byte put back to
                # make one it never does explains nothing.
                if ch is not None and value(ch, language) > LOWEST:
                    found.append((source, ch, value(ch, language)))
        if found:
            options[byte] = tuple(found)
    return options


@functools.lru_cache(maxsize=65536)
def value(ch: str, language: str) -> float:
    """A decoded character's score in the walk and the judge."""
    if ch in _EAST_ASIAN_PUNCTUATION_SIGNS:
        # Before the scripts and the full-width forms: ``・`` is Katakana,
        # ``？`` a full-width form, and both are punctuation.
        return _EAST_ASIAN_PUNCTUATION
    if _HALF_WIDTH_FIRST <= ch <= _HALF_WIDTH_LAST:
        # Half-width kana and their punctuation (``｡｢｣``), which Shift_JIS
        # writes in one byte: what its bytes A1-DF are alone.
        return _HALF_WIDTH
    if script_of(ch) in EAST_ASIAN_SCRIPTS:
        return character_value(ch, language)
    if _FULL_WIDTH_FIRST <= ch <= _FULL_WIDTH_LAST:
        return _FULL_WIDTH  # ＡＢＣ１２３ beside kanji and kana
    category = unicodedata.category(ch)
    if category[0] == "P" or ch in "〜～":
        return _PUNCTUATION
    if category[0] == "S" and is_common(ch):
        return _SYMBOL
    if category == "Zs":
        return 0.0
    return _OTHER


@dataclass(frozen=True, slots=True)
class _Step:
    score: float
    put_back: int
    kept: int
    previous: int
    previous_key: str  # the key of the step it came from at ``previous``
    text: str
    source: bytes  # what the character was decoded from (empty: kept as shown)
    # What the character costs if the next one forms no pair with it either:
    # a character put back that stands alone between its neighbours.
    lonely: float


def _plain_walk(raw: bytes, shown: str, encoding: EastAsianEncoding) -> _Walked:
    """:func:`_walk` where no byte is put back: the best reading up to each
    byte is all it keeps, and the characters' values alone choose."""
    characters = _pairs(encoding.codec)
    language = encoding.language
    orphans = {i for m in _ORPHANS_IN_BYTES.finditer(raw) for i in range(*m.span())}
    size = len(raw)
    # Per byte: the score, the bytes kept, the byte the step came from, its
    # character and the bytes it was read from (empty: kept as shown or ASCII).
    steps: list[tuple[float, int, int, str, bytes] | None] = [None] * (size + 1)
    steps[0] = (0.0, 0, -1, "", b"")

    def offer(at: int, origin: int, score: float, kept: int, text: str, source: bytes) -> None:
        known = steps[at]
        if known is None or score > known[0]:
            steps[at] = (score, kept, origin, text, source)

    for index in range(size):
        step = steps[index]
        if step is None:
            continue
        score, kept, _, last, _ = step
        byte = raw[index]
        if byte < 0x80:
            offer(
                index + 1,
                index,
                score + (_ORPHAN if index in orphans else 0.0),
                kept,
                chr(byte),
                b"",
            )
        else:
            offer(index + 1, index, score + _KEPT, kept + 1, shown[index], b"")
            single = characters.get(raw[index : index + 1])
            if single is not None:
                offer(
                    index + 1,
                    index,
                    score + value(single, language),
                    kept,
                    single,
                    raw[index : index + 1],
                )
        if index + 1 < size:
            source = raw[index : index + 2]
            pair = characters.get(source)
            if pair is not None:
                gain = value(pair, language) + _glued_to_latin(raw, index, last, frozenset())
                offer(index + 2, index, score + gain, kept, pair, source)
    pieces: list[tuple[str, bytes]] = []
    origins: list[int] = []
    at = size
    final = steps[size]
    assert final is not None  # every byte can be kept as it was shown
    while at > 0:
        step = steps[at]
        assert step is not None
        pieces.append((step[3], step[4]))
        origins.append(step[2])
        at = step[2]
    pieces.reverse()
    origins.reverse()
    return _Walked(_in_narrower(pieces, encoding), 0, final[1], (), tuple(origins))


def _walk(raw: bytes, shown: str, encoding: EastAsianEncoding, lost: bytes) -> _Walked:
    """The best reading of ``raw`` (shown as ``shown``, a character a byte)
    in ``encoding``: each byte ASCII, part of a character, or the page's
    character it was shown as; with ``lost``, a lost byte may be put back
    before or after a byte. Each character scores its value and how well it
    follows the one before (:func:`pair_value`); a character put back that
    forms a pair with neither neighbour also scores how often it is a word
    alone (:func:`alone_value`). The walk keeps, at each byte, the best
    :data:`BEAM` readings that end differently. Linear in the bytes: each
    position looks a byte ahead."""
    # Each character's value is looked up when the walk meets it: a first
    # text in a language pays for its own characters, not the encoding's.
    put_back_options = _put_back_options(encoding.codec, encoding.language, lost)
    if not put_back_options:
        # Nothing lost, or an encoding that never writes the lost bytes (Big5).
        return _plain_walk(raw, shown, encoding)
    pairs = _pairs(encoding.codec)
    orphans = {i for m in _ORPHANS_IN_BYTES.finditer(raw) for i in range(*m.span())}
    orphans.update(_stray_letters(raw.decode("latin-1")))
    language = encoding.language
    size = len(raw)
    steps: list[dict[str, _Step]] = [{} for _ in range(size + 1)]
    steps[0][""] = _Step(0.0, 0, 0, -1, "", "", b"", 0.0)

    def offer(
        at: int, origin: int, key: str, step: _Step, gain: float, text: str, source: bytes
    ) -> None:
        # Only East Asian characters (from U+2E80 on) are listed in pairs.
        joined = pair_value(step.text, text, language) if min(step.text, text) >= _CJK else 0.0
        score = step.score + gain + (joined or step.lonely)
        put_back = len(source) > 1 and at == origin + 1
        lonely = 0.0
        if put_back and not joined:
            lonely = _alone(text, language)
        new_key = f"{text}*" if lonely else text
        known = steps[at].get(new_key)
        if known is None or score > known.score:
            steps[at][new_key] = _Step(
                score,
                step.put_back + put_back,
                step.kept + (not source and raw[origin] >= 0x80),
                origin,
                key,
                text,
                source,
                lonely,
            )

    def rank(step: _Step) -> float:
        return step.score + step.lonely

    for index in range(size):
        here = steps[index]
        if len(here) > BEAM:
            here = dict(sorted(here.items(), key=lambda item: -rank(item[1]))[:BEAM])
            steps[index] = here
        byte = raw[index]
        for key, step in here.items():
            if byte < 0x80:
                alone = index in orphans or _alone_after(raw, index, step)
                offer(index + 1, index, key, step, _ORPHAN if alone else 0.0, chr(byte), b"")
            else:
                offer(index + 1, index, key, step, _KEPT, shown[index], b"")
                source = raw[index : index + 1]
                single = pairs.get(source)
                if single is not None:
                    offer(index + 1, index, key, step, value(single, language), single, source)
            if index + 1 < size:
                source = raw[index : index + 2]
                pair = pairs.get(source)
                if pair is not None:
                    # A byte put back before an ASCII letter leaves the
                    # letter's glue as it was: no escape from the penalty.
                    put_back = len(step.source) == 2 and step.previous == index - 1
                    before = chr(raw[index - 1]) if put_back else step.text
                    gain = value(pair, language) + _glued_to_latin(raw, index, before, orphans)
                    offer(index + 2, index, key, step, gain, pair, source)
            # A lead put back before a letter inside a Latin word glues a
            # character into it (``V進行ual`` of ``Visual``).
            inside = byte < 0x80 and _inside_latin_word(raw, index)
            for source, found, worth in put_back_options.get(byte, ()):
                gain = worth + _PUT_BACK + (_GLUED if inside else 0.0)
                offer(index + 1, index, key, step, gain, found, source)
    pieces: list[tuple[str, bytes]] = []
    origins: list[int] = []  # where in ``raw`` each character starts
    last_step = step = max(steps[size].values(), key=rank)
    while step.previous >= 0:
        pieces.append((step.text, step.source))
        origins.append(step.previous)
        step = steps[step.previous][step.previous_key]
    pieces.reverse()
    origins.reverse()
    sites = [
        place
        for place, (_, source) in enumerate(pieces)
        if len(source) == 2 and raw[origins[place] : origins[place] + 2] != source
    ]
    decided: set[int] = set()
    if len(sites) * HIGH_BYTES_PER_LOST <= sum(byte >= 0x80 for byte in raw):
        # (A reading that put back more is never applied: see :func:`_confidence`.)
        pieces, decided = _chosen_by_words(pieces, origins, sites, raw, put_back_options, language)
    text = _in_narrower(pieces, encoding)
    undecided = _undecided(
        text,
        raw,
        origins,
        [place for place in sites if place not in decided],
        put_back_options,
        language,
    )
    return _Walked(text, last_step.put_back, last_step.kept, undecided, tuple(origins))


def _alone(ch: str, language: str) -> float:
    """What a character put back costs standing alone, its neighbours
    forming no pair with it: a letter, how often it is a word of its own
    (:func:`alone_value`); a punctuation mark (``、・``) always stands apart."""
    if is_letter(ch) and script_of(ch) in EAST_ASIAN_SCRIPTS:
        return alone_value(ch, language)
    return 0.0


def _alone_after(raw: bytes, index: int, step: _Step) -> bool:
    """Whether the ASCII letter or sign at ``index`` stands alone right after
    a character of two bytes that ``step`` read: what the bytes alone call an
    orphan (:data:`_ORPHANS_IN_BYTES`) where that character's second byte is
    itself ASCII (``‚Pv``: ``１`` and the ``v`` of ``」`` that lost its lead)."""
    if len(step.source) != 2 or step.previous != index - 2 or not 0x40 <= raw[index] <= 0x7E:
        return False
    following = raw[index + 1 : index + 2]
    return not (following.isascii() and following.isalnum())


@dataclass(frozen=True, slots=True)
class Undecided:
    """A byte put back whose character its neighbours do not choose over
    another the byte could make: the character's place in the reading, the
    place in the stretch of the byte it was made with, and the others it
    could make, best first."""

    place: int
    at: int
    others: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Walked:
    """The walk's reading: its text, the bytes it put back and kept as they
    were shown, and the bytes put back its neighbours did not choose."""

    text: str
    put_back: int
    kept: int
    undecided: tuple[Undecided, ...]
    origins: tuple[int, ...]


def _undecided(
    text: str,
    raw: bytes,
    origins: Sequence[int],
    sites: Sequence[int],
    options: dict[int, tuple[tuple[bytes, str, float], ...]],
    language: str,
) -> tuple[Undecided, ...]:
    """The characters of ``text`` made by putting a byte back (at ``sites``,
    made with the byte of ``raw`` at ``origins[site]``) that lead the next
    best the byte could make by less than :data:`SITE_MARGIN`, each scored by
    its value and its two neighbours as the walk scores it."""
    found = []
    for place in sites:
        before, after = text[place - 1 : place], text[place + 1 : place + 2]

        def local(ch: str, worth: float, before: str = before, after: str = after) -> float:
            joined = _joined(ch, before, after, language)
            if not joined:
                return worth + _alone(ch, language)
            return worth + joined

        at = origins[place]
        scored = {ch: local(ch, worth) for _, ch, worth in options.get(raw[at], ())}
        chosen = scored.pop(text[place], None)
        if chosen is None or not scored:
            continue
        others = sorted(scored, key=lambda ch: -scored[ch])[:UNDECIDED_SHOWN]
        if chosen - scored[others[0]] < SITE_MARGIN:
            found.append(Undecided(place, at, tuple(others)))
    return tuple(found)


def _chosen_by_words(
    pieces: list[tuple[str, bytes]],
    origins: Sequence[int],
    sites: Sequence[int],
    raw: bytes,
    options: dict[int, tuple[tuple[bytes, str, float], ...]],
    language: str,
) -> tuple[list[tuple[str, bytes]], set[int]]:
    """The walk's characters with each letter put back at ``sites`` that the
    words around it choose over every other letter its byte could make
    (:data:`WORD_MARGIN`), and the sites they chose: the pairs the walk
    weighs hold only the commonest compounds, the language's word list holds
    ``増便`` (not ``国便``), ``雑炊`` and ``メートル``. The words are those
    :func:`~mojibake_fix.context.letter_chains.split_score` reads the letters
    around the site as, at most :data:`WORD_WINDOW` on either side.

    >>> shown = [(ch, b"") for ch in "路線バスを国便するため"]
    >>> shown[5] = ("国", b"\\x8d\\x91")
    >>> options = _put_back_options("cp932", "ja", LOST_BYTES)
    >>> chosen, decided = _chosen_by_words(
    ...     shown, range(11), [5], b"_____\\x91_____", options, "ja"
    ... )
    >>> "".join(ch for ch, _ in chosen), decided
    ('路線バスを増便するため', {5})
    """
    if language not in CHAINED_LANGUAGES:
        return pieces, set()
    chosen = list(pieces)
    decided: set[int] = set()
    # The second bytes of the characters read whole from the stretch's bytes.
    trails = {
        origins[index] + 1
        for index, (_, source) in enumerate(pieces)
        if len(source) == 2 and raw[origins[index] : origins[index] + 2] == source
    }
    for place in sites:
        at = origins[place]
        letters = [(ch, source) for source, ch, _ in options.get(raw[at], ()) if is_letter(ch)]
        if len(letters) < 2 or not is_letter(chosen[place][0]) or _in_ascii_word(raw, at, trails):
            # The words of the language cannot weigh an ASCII letter that
            # may be a Latin word's (``TV``) against the letters it could make.
            continue
        left = place
        while left > max(0, place - WORD_WINDOW) and _word_letter(chosen[left - 1][0]):
            left -= 1
        right = place + 1
        while right < min(len(chosen), place + 1 + WORD_WINDOW) and _word_letter(chosen[right][0]):
            right += 1
        before = "".join(ch for ch, _ in chosen[left:place])
        after = "".join(ch for ch, _ in chosen[place + 1 : right])
        scored = sorted(
            ((split_score(before + ch + after, language), ch, source) for ch, source in letters),
            reverse=True,
        )
        best, current = scored[0][1], chosen[place][0]
        if scored[0][0] - scored[1][0] < WORD_MARGIN:
            continue
        # The pairs the walk weighed may have chosen for a compound the list
        # keeps in two words (``総務`` and ``省``, where ``国務省`` is one):
        # the words choose what the pairs do not argue against.
        neighbours = before[-1:], after[:1]
        if _joined(best, *neighbours, language) >= _joined(current, *neighbours, language):
            chosen[place] = scored[0][1:]
            decided.add(place)
    return chosen, decided


def _joined(ch: str, before: str, after: str, language: str) -> float:
    """How well ``ch`` pairs with its neighbours, as the walk weighs it."""
    return pair_value(before, ch, language) + pair_value(ch, after, language)


def _in_ascii_word(raw: bytes, index: int, trails: Set[int]) -> bool:
    """Whether the byte at ``index`` is an ASCII letter beside another that is
    no character's second byte (``TV``; not the ``y`` of ``Šy``, ``楽``)."""

    def letter(at: int) -> bool:
        return 0 <= at < len(raw) and chr(raw[at]).isascii() and chr(raw[at]).isalpha()

    return letter(index) and any(letter(at) and at not in trails for at in (index - 1, index + 1))


def _word_letter(ch: str) -> bool:
    """A letter of a word of the East Asian scripts (``ー`` included)."""
    return len(ch) == 1 and not ch.isascii() and is_letter(ch)


def _inside_latin_word(raw: bytes, index: int) -> bool:
    """Whether the byte at ``index`` is an ASCII letter between two others."""
    return all(
        0 <= at < len(raw) and chr(raw[at]).isascii() and chr(raw[at]).isalpha()
        for at in (index - 1, index, index + 1)
    )


def _glued_to_latin(raw: bytes, index: int, before: str, orphans: Set[int]) -> float:
    """A character of the two bytes from ``index``, whose second byte is an
    ASCII letter, read after ``before`` (what the walk read last): with an
    ASCII letter on either side it is most likely a Western word's letter
    read with its neighbour (``éa`` in ``réalité``). East Asian text runs on
    into Latin words, but not inside them. A letter after it among
    ``orphans`` (in a text that lost bytes: the second byte of a lost lead,
    ``B`` of ``。``) is no Latin word."""
    if not chr(raw[index + 1]).isalpha():
        return 0.0
    after = chr(raw[index + 2]) if index + 2 < len(raw) and index + 2 not in orphans else " "
    glued = any(ch.isascii() and ch.isalpha() for ch in (before[-1:] or " ", after))
    return _GLUED if glued else 0.0


def _in_narrower(pieces: Sequence[tuple[str, bytes]], encoding: EastAsianEncoding) -> str:
    """The walk's characters, each with the bytes it was read from, decoded
    with the narrower standard where it reads every one of them (Shift_JIS
    reads ``81 60`` as ``〜``, CP932 as ``～``), as :mod:`mojibake_fix.encodings`
    names bytes that both read after the narrower one."""
    narrower: list[str] = []
    for text, source in pieces:
        if not source:
            narrower.append(text)  # ASCII, or a byte the walk kept
            continue
        try:
            narrower.append(source.decode(encoding.narrower))
        except UnicodeDecodeError:
            return "".join(text for text, _ in pieces)
    return "".join(narrower)


def _judged(text: str, encoding: EastAsianEncoding, codec: str) -> float:
    """A reading's score: the project's plausibility of a decoding, the
    encoding's prior, how often the language writes its characters, and the
    ASCII characters it leaves alone among them (:data:`_ORPHANS_IN_TEXT`)."""
    characters = sum(
        value(ch, encoding.language)
        for ch in text
        if script_of(ch) in EAST_ASIAN_SCRIPTS or ch in _EAST_ASIAN_PUNCTUATION_SIGNS
    ) + pairs_value(text, encoding.language)
    orphans = sum(len(match.group()) for match in _ORPHANS_IN_TEXT.finditer(text))
    orphans += sum(1 for _ in _stray_letters(text))
    return plausibility(text, codec) + prior(codec) + characters + orphans * _ORPHAN


def _label(text: str, encoding: EastAsianEncoding) -> tuple[str, str]:
    """The name of the narrowest standard that writes ``text``, and its codec."""
    try:
        text.encode(encoding.narrower)
    except UnicodeEncodeError:
        return encoding.wider_label, encoding.codec
    return encoding.label, encoding.narrower


# East Asian legacy bytes fall into valid UTF-8 sequences by chance: about a
# third of a stretch's high bytes among chardet's pages, at most 0.89 of one.
# UTF-8 that lost a byte here and there keeps nearly all of its sequences.
_MOSTLY_UTF8 = 0.9
# UTF-8 that lost its C1 controls (through Windows-1252 or Latin-1, the pages
# that leave them undefined) loses continuation bytes only: its sequences are
# cut short, and none has a byte too many. A character may keep its lead
# alone (Japanese ``く``, E3 81 8F), so up to three in four high bytes may
# start a broken sequence. East Asian legacy text of ten high bytes or more
# shown through those pages is never so among chardet's pages (its second
# bytes are continuation bytes after no lead).
_LEAST_HIGH_BYTES = 10
_MOST_CUT_SHORT = 0.75
_PAGES_THAT_LOSE_BYTES = frozenset({"cp1252", "latin-1"})


def _is_utf8(raw: bytes, page: str = "cp1252") -> bool:
    """Whether ``raw`` (shown through ``page``) is UTF-8, or UTF-8 that lost
    some of its bytes: the UTF-8 readers' and lossy-utf8's to read.

    >>> _is_utf8("Привет мир, как дела".encode()[:-1])
    True
    >>> _is_utf8("Привет мир".encode().replace(b"\\x80", b""))
    True
    >>> _is_utf8("中文字符的网页".encode("gbk"))
    False
    >>> lost_c1 = bytes(b for b in "くあ".encode() if b not in LOST_BYTES) * 5  # く: E3
    >>> _is_utf8(lost_c1, "cp1252"), _is_utf8(lost_c1, "cp850")
    (True, False)
    """
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        high = sum(1 for byte in raw if byte >= 0x80)
        broken = raw.decode("utf-8", "replace").count("\ufffd")
        if broken <= (1.0 - _MOSTLY_UTF8) * high:
            return True
        return (
            page in _PAGES_THAT_LOSE_BYTES
            and high >= _LEAST_HIGH_BYTES
            and broken <= _MOST_CUT_SHORT * high
            and _only_cut_short(raw)
        )
    return True


# A word: what lies between spaces; its letters.
_WORD = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+")
# Listed at all: written beside words misread as UTF-8, a rare word is a word.
_LISTED = 1.0


def _utf8_beside_words(stretch: str, page: CodePage) -> bool:
    """Whether every word of ``stretch`` beyond ASCII is UTF-8 read through
    ``page`` or a word as a language of Latin letters writes it, and some
    word is the first: UTF-8 misread beside written words (``pitÃ¤vÃ¤t``
    beside ``päivän``), the UTF-8 readers' to read.

    >>> _utf8_beside_words("pitÃ¤vÃ¤t ja päivän aikana", code_page("cp1252"))
    True
    >>> _utf8_beside_words("pitÃ¤vÃ¤t ja ÖÐÎÄ", code_page("cp1252"))
    False
    """
    from ..context.words import listed_as_written

    misread = False
    for match in _WORD.finditer(stretch):
        word = match.group()
        if word.isascii():
            continue
        raw = page.encode(word)
        if raw is not None and utf8_of(raw) is not None:
            misread = True
        elif not all(listed_as_written(part, "Latin", _LISTED) for part in _LETTERS.findall(word)):
            return False
    return misread


def _only_cut_short(raw: bytes) -> bool:
    """Whether every continuation byte of ``raw`` follows a lead that still
    waits for it, and no byte is one UTF-8 never writes."""
    waiting = 0
    for byte in raw:
        if byte < 0x80:
            waiting = 0
        elif byte < 0xC0:
            if not waiting:
                return False
            waiting -= 1
        elif 0xC2 <= byte <= 0xF4:
            waiting = 1 if byte < 0xE0 else 2 if byte < 0xF0 else 3
        else:
            return False
    return True


def _shown_as(stretch: str) -> Iterator[tuple[CodePage, bytes]]:
    """The pages that show ``stretch``, each with its bytes."""
    for name in PAGES:
        page = code_page(name)
        raw = page.encode(stretch)
        if raw is not None:
            yield page, raw


def readings(stretch: str) -> tuple[float, list[Reading]]:
    """The score of ``stretch`` as it stands, and its readings through each
    page that shows it, best first (one per distinct text)."""
    found: dict[str, Reading] = {}
    as_it_stands = -math.inf
    seen: set[bytes] = set()
    for page, raw in _shown_as(stretch):
        if raw in seen:
            continue  # Latin-1 where it shows what Windows-1252 shows, less likely
        seen.add(raw)
        if _is_utf8(raw, page.name) or _utf8_beside_words(stretch, page):
            return -math.inf, []  # UTF-8 read through a page: the UTF-8 detectors' job
        # The text as it stands, or as UTF-8 where some of it is (``cafÃ©``
        # beside other damage): what a reading must beat.
        as_it_stands = max(as_it_stands, _as_shown(stretch, page), _as_utf8(raw, page))
        for reading in _page_readings(stretch, page, raw):
            known = found.get(reading.text)
            if known is None or reading.score > known.score:
                found[reading.text] = reading
    return as_it_stands, sorted(found.values(), key=lambda r: -r.score)


def _as_shown(stretch: str, page: CodePage) -> float:
    """The score of ``stretch`` as it stands; the box drawing and blocks of
    the DOS pages, which they were made to draw with, count as spaces."""
    if page.name in ("cp437", "cp850"):
        stretch = _BOX.sub(" ", stretch)
    return plausibility(stretch, page.codec)


_BOX = re.compile("[\u2500-\u259f]")


def _as_utf8(raw: bytes, page: CodePage) -> float:
    """The score of ``raw`` read as UTF-8 shown through ``page``: what it
    decodes to, each byte it cannot decode counted as a control character."""
    decoded = raw.decode("utf-8", "ignore")
    undecoded = len(raw) - len(decoded.encode("utf-8"))
    return plausibility(decoded, "utf-8") + undecoded * CONTROL + _damage_prior(page)


def _damage_prior(page: CodePage) -> float:
    """How much less often bytes are shown through ``page`` than through
    Windows-1252, in :func:`~mojibake_fix.encodings.prior`'s units."""
    return prior(page.name) - prior("cp1252")


def _page_readings(stretch: str, page: CodePage, raw: bytes) -> Iterator[Reading]:
    """The readings of ``raw``, shown through ``page`` as ``stretch``."""
    # Bytes are put back only where some were lost: a stretch that kept
    # the controls kept them all; the DOS pages define every byte.
    lost = b"" if any(chr(byte) in stretch for byte in LOST_BYTES) else LOST_BYTES
    if page.name not in _PAGES_THAT_LOSE_BYTES:
        lost = b""
    for encoding in ENCODINGS:
        whole = _walk(raw, stretch, encoding, b"")
        walks = [whole]
        if lost and (
            whole.kept
            or _ORPHANS_IN_TEXT.search(whole.text)
            or next(_stray_letters(whole.text), None) is not None
        ):
            # Bytes are put back only where the whole reading left some unread
            # or a second byte alone.
            walks.append(_walk(raw, stretch, encoding, lost))
        for walked in walks:
            if walked.text == stretch:
                continue
            label, codec = _label(walked.text, encoding)
            # What the reading leaves unexplained counts against it as in the walk.
            score = (
                _judged(walked.text, encoding, codec)
                + walked.put_back * _PUT_BACK
                + walked.kept * _KEPT
                + _damage_prior(page)
            )
            reason = f"{label} text read as {_PAGE_LABELS[page.name]}"
            yield Reading(
                walked.text,
                reason,
                encoding.language,
                walked.put_back,
                score,
                walked.undecided,
                walked.origins,
            )


def _confidence(
    best: Reading, as_it_stands: float, others: Sequence[Reading], high_bytes: int
) -> float:
    """How sure the best reading is: 0 below the margin it must clear over
    the text as it stands, rising with the margin beyond it; a reading that
    put bytes back stays below the threshold unless it clears every reading
    that put none back by :data:`LOST_GAIN` per byte put back."""
    if best.put_back * HIGH_BYTES_PER_LOST > high_bytes:
        return 0.0
    needed = max(LEAST_MARGIN, MARGIN_PER_BYTE * high_bytes)
    margin = best.score - as_it_stands
    if margin < needed:
        return 0.0
    excess = (margin - needed) / EVIDENCE
    confidence = _APPLIED + (_MOST_CONFIDENT - _APPLIED) * (1.0 - math.exp(-excess))
    if best.put_back:
        whole = max((r.score for r in others if not r.put_back), default=as_it_stands)
        sure = best.score - max(whole, as_it_stands) >= LOST_GAIN * best.put_back
        confidence = min(confidence, LOST_CEILING if sure else _APPLIED - 0.05)
    return confidence


def _stretches(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The stretches of the line ``text[start:end]``, each at most
    :data:`WINDOW` characters."""
    for match in _stretch_pattern().finditer(text, start, end):
        yield from _windows(text, *match.span())


def _windows(text: str, left: int, right: int) -> Iterator[tuple[int, int]]:
    """``text[left:right]`` in pieces of at most :data:`WINDOW` characters,
    without the runs of one drawing character repeated (``────``, ``▒▒▒▒``),
    which draw rather than write."""
    pieces: list[tuple[int, int]] = []
    for run in _REPEATED.finditer(text, left, right):
        pieces.append((left, run.start()))
        left = run.end()
    pieces.append((left, right))
    for piece_left, piece_right in pieces:
        while piece_right - piece_left > WINDOW:
            cut = piece_left + WINDOW
            boundary = _BOUNDARY.search(text[piece_left + 1 : cut][::-1])
            cut = cut - boundary.start() if boundary else cut
            yield piece_left, cut
            piece_left = cut
        if piece_right > piece_left:
            yield piece_left, piece_right


# Four or more of one drawing character in a row (box drawing, blocks and
# shapes). Other characters repeated are bytes of a character written twice:
# ``¤¤¤¤`` is ``いい`` in EUC-JP.
_REPEATED = re.compile(r"([\u2500-\u25ff])\1{3,}")
# Where a stretch may be cut: after ASCII below ``@``, which is no second byte.
_BOUNDARY = re.compile("[\x20-\x3f]")


def _glued(text: str, start: int, end: int) -> bool:
    """Whether a non-ASCII character of no page touches the stretch."""
    pages = _page_set()
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return any(not ch.isascii() and ch not in pages for ch in (before, after))


@functools.cache
def _page_set() -> frozenset[str]:
    return frozenset(ch for name in PAGES for ch in code_page(name).byte_of)


def _findings(text: str, start: int, end: int) -> list[Finding]:
    """The stretch ``text[start:end]`` read at its best: one finding, or, where
    the reading put back bytes its neighbours did not choose, the findings
    between them, and each of those bytes' characters reported alone with the
    other character it could be."""
    stretch = text[start:end]
    as_it_stands, ranked = readings(stretch)
    if not ranked:
        return []
    best, others = ranked[0], ranked[1:]
    if _mean_value(best) < LEAST_MEAN_VALUE:
        return []
    high_bytes = sum(1 for ch in stretch if not ch.isascii())
    confidence = _confidence(best, as_it_stands, others, high_bytes)
    if confidence <= 0.0:
        return []
    if words_covered(best.text, best.language) < LEAST_WORDS_COVERED:
        # Common characters never written together: bytes of another
        # script's damage (Cyrillic UTF-8 that lost bytes, Greek in a
        # legacy page) that happen to fall on frequent ones. Reported only.
        confidence = min(confidence, _APPLIED - 0.05)
    lost = f", {best.put_back} lost byte(s) put back" if best.put_back else ""
    reason = f"{best.reason}{lost}"
    if best.undecided:
        return _split(stretch, start, best, confidence, reason)
    # Keep only what every proposed reading changes.
    shown = [best, *others[:3]]
    head = min(_common_prefix(stretch, r.text) for r in shown)
    tail = min(_common_prefix(stretch[head:][::-1], r.text[head:][::-1]) for r in shown)
    return [
        Finding(
            start=start + head,
            end=end - tail,
            detector=DETECTOR_ID,
            confidence=confidence,
            reason=reason,
            replacement=best.text[head : len(best.text) - tail],
            alternatives=tuple(
                Candidate(r.text[head : len(r.text) - tail], round(r.score - as_it_stands, 4))
                for r in shown
            ),
        )
    ]


def _split(
    stretch: str, start: int, best: Reading, confidence: float, reason: str
) -> list[Finding]:
    """``best`` read into ``stretch`` (at ``start`` of its text) as findings:
    the parts between its undecided bytes at ``confidence``, and each
    undecided byte's character alone, with the other characters its byte
    could make: applied at the threshold, or only reported where it was made
    with an ASCII letter. A byte put back stands for no
    character of the stretch, so each character of the reading made with one
    replaces the one character of the stretch it was made with."""
    found: list[Finding] = []
    read = best.text
    # Where each character of the reading starts in the stretch (a byte a
    # character); the bytes put back take none of it.
    starts = [*best.origins, len(stretch)]
    if len(best.origins) != len(read):
        return []
    cuts = [0]
    for site in best.undecided:
        cuts += [site.place, site.place + 1]
    cuts.append(len(read))
    for index, (left, right) in enumerate(itertools.pairwise(cuts)):
        shown, replacement = stretch[starts[left] : starts[right]], read[left:right]
        if shown == replacement:
            continue
        head = _common_prefix(shown, replacement)
        tail = _common_prefix(shown[head:][::-1], replacement[head:][::-1])
        undecided = index % 2 == 1
        others = best.undecided[index // 2].others if undecided else ()
        if undecided:
            # Beside an ASCII letter the byte may as well be a Latin word's
            # (``TV``): only reported. Beside any other byte the walk's choice
            # is taken, the least sure of what is applied.
            beside_a_letter = any(ch.isascii() and ch.isalpha() for ch in shown)
            site_confidence = _APPLIED - 0.05 if beside_a_letter else _APPLIED
        replacement = replacement[head : len(replacement) - tail]
        found.append(
            Finding(
                start=start + starts[left] + head,
                end=start + starts[right] - tail,
                detector=DETECTOR_ID,
                confidence=min(confidence, site_confidence) if undecided else confidence,
                reason=reason,
                replacement=replacement,
                alternatives=tuple(Candidate(ch, 0.0) for ch in (replacement, *others)),
            )
        )
    return found


def _mean_value(reading: Reading) -> float:
    language = reading.language
    values = [value(ch, language) for ch in reading.text if script_of(ch) in EAST_ASIAN_SCRIPTS]
    return sum(values) / len(values) if values else 0.0


def _common_prefix(a: str, b: str) -> int:
    size = min(len(a), len(b))
    for index in range(size):
        if a[index] != b[index]:
            return index
    return size


def _lines_woken(text: str) -> Iterator[tuple[int, int]]:
    """The lines of ``text`` where the wake matches, as (start, end)."""
    [only] = wake()
    pattern = wake_pattern(only)
    done = 0
    while (first := first_confirmed(pattern, only.confirm, text, done)) is not None:
        start, end = line_around(text, first)
        yield start, end
        done = end + 1


def find_cjk_legacy(text: str) -> Iterator[Finding]:
    """Every stretch of ``text`` that reads better in an East Asian encoding."""
    [only] = wake()
    pattern = wake_pattern(only)
    for line_start, line_end in _lines_woken(text):
        for start, end in _stretches(text, line_start, line_end):
            if _glued(text, start, end) or pattern.search(text, start, end) is None:
                continue
            yield from _findings(text, start, end)


CJK_LEGACY = Detector(
    id=DETECTOR_ID,
    summary="East Asian legacy text (Shift_JIS, EUC-JP, GBK, Big5, EUC-KR) read as an 8-bit page",
    find=find_cjk_legacy,
    trigger=trigger,
    wake=wake,
    priority=35,
)
