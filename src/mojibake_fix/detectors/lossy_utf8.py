"""UTF-8 mojibake that lost some of its bytes: ``Biden âwill`` for ``Biden “will``.

What it catches: a UTF-8 lead byte, read as Latin-1 or Windows-1252, without
all the continuation bytes it announces, because a later step deleted the C1
controls, dropped (or turned into ``?`` or U+FFFD) the bytes Windows-1252 leaves
undefined, turned a no-break space into a space, or cut the text in the middle
of a character. The lead survives in every script: ``â`` for punctuation,
``Ã`` ``Ä`` ``Å`` ``È`` for Latin letters (``WÅadysÅaw``), ``Î`` ``Ï`` for Greek,
``Ð`` ``Ñ`` for Cyrillic.

How it repairs: every character whose bytes agree with what survived is a
candidate (:mod:`mojibake_fix.context.candidates`). Punctuation is ranked by
its position and the quotations open in the paragraph
(:mod:`~mojibake_fix.context.quotes`); letters by the word they make in the
text's language, from word-frequency lists (:mod:`~mojibake_fix.context.words`).
Leaving the text alone is always a candidate too, favoured where the lead is a
letter of the language and its word is real (``âge``, ``SÃO``, ``Åse``). The
confidence is the share of the best candidate (for two rivals, the logistic of
their margin); below the threshold the finding is only reported.

>>> from mojibake_fix import fix
>>> fix("She told me âthe bridge is closedâ and left.").text
'She told me “the bridge is closed” and left.'
>>> fix("NATO isnât just a military alliance â itâs political.").text
'NATO isn’t just a military alliance – it’s political.'
>>> fix("Premier WÅadysÅaw Sikorski przemawiał w Londynie.").text
'Premier Władysław Sikorski przemawiał w Londynie.'
>>> fix("L'âge d'or du château. SÃO PAULO, Åse.").text
"L'âge d'or du château. SÃO PAULO, Åse."
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import resources

from ..charclass import is_common, is_letter, script_of
from ..codepages import code_page
from ..context.candidates import (
    LEADS,
    LONE_PUNCTUATION_LEAD,
    MARKERS,
    SHOWN_CONTINUATION,
    STRIPPED_C1,
    UNDEFINED_CP1252,
    Reading,
    Site,
    continuation_bytes,
    parse_site,
    sequence_length,
    spaces_are_spaces,
)
from ..context.damaged import (
    DICTIONARY_LANGUAGES,
    MARKER,
    byte_chars,
    is_word_char,
    lookup,
    token_key,
)
from ..context.emoji_names import named_emoji_by_strictness
from ..context.letter_chains import (
    CHAINED_LANGUAGES,
    CHAINED_LANGUAGES_BY_SCRIPT,
    UNSEEN,
    LetterChain,
    chained_language,
    letter_chain,
    split_score,
)
from ..context.quotes import (
    CLOSING_MARKS,
    EMOJI_PRESENTATION,
    PAIRED_MARKS,
    RARE,
    STYLE_MARKS,
    Context,
    QuoteState,
    Style,
    is_emoji,
    is_rare_mark,
    pairing_score,
    punctuation_score,
    run_score,
)
from ..context.words import (
    LANGUAGES_BY_SCRIPT,
    alphabet,
    apostrophe_endings,
    counted_apart,
    coverage,
    guess_language,
    leaves_out_marks,
    letter_score,
    listed_letters,
    sample_words,
    writes_apostrophes,
    zipf,
)
from ..lines import WORD_REACH, line_around, run_around
from ..model import Candidate, Finding
from . import utf8_scan
from .base import Detector, Wake

DETECTOR_ID = "lossy-utf8"
# Per-site options kept when several sites share a word, and the most
# combinations judged for one word.
_OPTIONS_PER_SITE = 10
# Readings of a run-on script's site scored in full, the commonest letters first.
_READINGS_SCORED = 64
_BEAM_WIDTH = 40
# Letter pairs count for this much of their log-probability above a typical one.
_PAIR_WEIGHT = 0.5
_PAIR_BASELINE = -3.0
_ALTERNATIVES = 5
# A cut character at the end of the text, against keeping what is there.
_CUT_SCORE = 3.0
# Keeping a lead whose marker shows a lost byte (``Ð\ufffd``, ``Ñ?Ð»``).
_MARKED_KEEP = -2.0
# A one-letter word this common (``å``, ``à``, ``è``, Zipf) may close a text;
# rarer single letters are list noise. Longer words count from the small
# lists on (Zipf 3).
_ONE_LETTER_WORD = 4.0
# A letter the language writes may close a text cut after the first letter of
# a word where this share of its words start with it (``Ø``, ``É``; not
# Portuguese ``Ã``, which no word starts with), or where the text writes it.
_STARTS_WORDS = math.log(1e-4)
_LISTED = 3.0
# How common a one-letter word must be to be one (``à`` in Portuguese: 6.4).
_A_WORD = 4.0
# A space read as the no-break space byte of a letter, in a language of
# run-on words, against the space it looks like.
_SPACE_AS_BYTE = -3.0
# A known stem of an unknown word counts for this much of its frequency, and
# is at least this long.
_STEM_WEIGHT = 0.5
_SHORTEST_STEM = 4
# An emoji the text speaks of, beyond how well (a lead kept scores 0 to 1).
_NAMED_EMOJI = 2.0
# Each ``?`` right after a sequence that lost a byte, read as a question mark
# (the byte dropped before one), against reading it as the byte's marker, in a
# text whose damage replaced its lost bytes everywhere else.
_MARKER_KEPT = -1.0
# A rarer word the dictionary finds must be the likeliest by this share (the
# engine's default bar): rare words that collide say little of the letters.
_SURE_OF_A_RARER_WORD = 0.6
# The share of words the guessed language must know for the guess to count.
_KNOWN_WORDS = 0.6


@functools.cache
def _continuation_class() -> str:
    chars = "".join(sorted(continuation_bytes()))
    return "[" + re.escape(chars) + "]"


# Letters and marks of Chinese, Japanese and Korean text. A three-byte lead
# that lost both its continuation bytes stands alone among them (``门å五``
# for ``门十五``); elsewhere ``å`` ``é`` ``ì`` are letters.
_RUN_ON = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff01-\uff5e"


# The lead of an emoji that lost all its continuation bytes, touching no
# letter but other leads (``🎉ð``, ``ãðð``): within words ``ð`` is an
# Icelandic or Faroese letter.
_LONE_EMOJI_LEAD = (
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
    cont = _continuation_class()
    return (
        f"[{re.escape(LEADS)}](?!{cont})"
        f"|{LONE_PUNCTUATION_LEAD}(?!{cont})"
        f"|[\xe0-\xef]{cont}(?!{cont})"
        f"|[\xe0-\xf4]{_MARKED}"
        f"|(?:(?<=[{_RUN_ON}]|{cont})|^)[\xe0-\xef](?=[\xe0-\xef]?(?:[{_RUN_ON}]|[\xe0-\xef]{cont}))"
        f"|(?<=(?:[{_RUN_ON}]|{cont})[\xe0-\xef])[\xe0-\xef](?=[{_RUN_ON}]|[\xe0-\xef]{cont})"
        f"|(?<=[{_RUN_ON}])[\xe0-\xef](?!{cont})"
        f"|[\xf0-\xf4]{cont}{{1,2}}(?!{cont})"
        f"|{_LONE_EMOJI_LEAD}"
        f"|[\\xc2-\\xf4]{cont}{{0,2}}{_LINE_END}"
    )


@functools.cache
def _cut_at_the_end() -> re.Pattern[str]:
    return re.compile(f"{_continuation_class()}{{0,2}}{_LINE_END}")


@functools.cache
def wake() -> tuple[Wake, ...]:
    """The trigger as the scan merges it: anchored at the lead."""
    cont = _continuation_class()
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
                f"|(?<=[\xf0-\xf4])(?:{cont}{{1,2}}(?!{cont})|{_MARKED}|(?<={_LONE_EMOJI_LEAD}))"
                f"|{cont}{{0,2}}{_LINE_END})"
            ),
            confirm=_worth_a_look,
        ),
    )


@functools.cache
def _trigger_re() -> re.Pattern[str]:
    return re.compile(trigger())


# Windows-1252 characters for bytes 80-9F right after a lead: the text went
# through Windows-1252, so only its five undefined bytes can have been lost.
_CP1252_EVIDENCE = re.compile("[\xc2-\xf4][\xa0-\xbf]?[€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")
# Windows-1252's undefined bytes kept as C1 controls (a lenient decode): the
# text did not lose them.
_KEPT_UNDEFINED = re.compile("[\x81\x8d\x8f\x90\x9d]")


@dataclass(frozen=True, slots=True)
class Damage:
    """What the damage can have done to this text, judged by what it shows
    intact: the bytes it may have lost, and whether no-break spaces became
    spaces."""

    lost: frozenset[int]
    nbsp: bool
    cp1252: bool
    # Whether the text shows whole sequences of mojibake: without them a lone
    # ``ð`` is the letter eth, not an emoji that lost three bytes.
    mojibake: bool = True
    # Whether every sequence short of bytes shows a marker for them: the bytes
    # were replaced, so a ``?`` after one is a marker.
    replaced: bool = False

    @classmethod
    def of(cls, text: str) -> Damage:
        cp1252 = _CP1252_EVIDENCE.search(text) is not None
        if _KEPT_UNDEFINED.search(text):
            lost: frozenset[int] = frozenset()
        else:
            lost = UNDEFINED_CP1252 if cp1252 else STRIPPED_C1
        return cls(
            lost=lost,
            nbsp=not spaces_are_spaces(text),
            cp1252=cp1252,
            mojibake=_has_whole_sequence(text),
            replaced=_bytes_replaced(text),
        )

    @property
    def models(self) -> tuple[str, ...]:
        """The damaged-word models that delete bytes, likeliest first."""
        if not self.lost:
            return ("marked",)  # only where a marker shows
        return ("undefined",) if self.cp1252 else ("c1", "undefined")


def _bytes_replaced(text: str) -> bool:
    """Whether the sequences of ``text`` short of bytes all show a marker after
    what is left of them (``â€?``, ``ì�´``): the damage replaced bytes rather
    than dropping them, as far as the text shows."""
    conts = continuation_bytes()
    marked = 0
    for match in _trigger_re().finditer(text):
        end = match.end()
        while end < len(text) and text[end] in conts:
            end += 1
        if end >= len(text):
            continue  # cut at the end: tells nothing
        if text[end] not in MARKERS and not any(ch in MARKERS for ch in match.group()):
            return False
        marked += 1
    return marked > 0


@dataclass(frozen=True, slots=True)
class Option:
    """One way to read a site: its replacement and the span it covers."""

    text: str
    end: int
    keep: bool = False
    # Readings that score as this one and are judged as one with it (the
    # marks the lists leave out: ``ُ``, ``ِ``, ``ٍ`` are the same letters to
    # them); its probability is shared among them all.
    alike: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Judged:
    """A site with its options, ranked, and the probability of each."""

    site: Site
    options: tuple[tuple[Option, float], ...]


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


def _decoded_before(text: str, index: int) -> str:
    """The character before ``text[index]`` as decoded, where it ends a
    sequence (``â˜€`` is ``☀``); ``""`` at the start."""
    return demojibake(text[max(0, index - _LONGEST_SEQUENCE) : index])[-1:]


def _decoded_after(text: str, index: int) -> str:
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


def _pieces(text: str) -> Iterator[tuple[str, bool]]:
    """``text`` in pieces: each complete UTF-8 sequence decoded (``True``),
    every other character as it is (``False``)."""
    for stretch, decoded in _stretches(text):
        if decoded:
            yield stretch, True
        else:
            yield from ((ch, False) for ch in stretch)


def _script_and_language(text: str) -> tuple[str, str | None]:
    """The script most letters of ``text`` are in (once decoded), and its
    language."""
    plain = demojibake(text)
    script = _main_script(text) or "Latin"
    if script in CHAINED_LANGUAGES_BY_SCRIPT:
        return script, chained_language(plain, script)
    return script, guess_language(plain, script)


def _main_script(text: str) -> str | None:
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
    return max(counts, key=counts.__getitem__, default=None)


def _softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    weights = [math.exp(score - top) for score in scores]
    total = sum(weights)
    return [weight / total for weight in weights]


def _before(text: str, index: int) -> str:
    """The text before ``index`` as far as a word reaches: what a site's
    word and the words just before it can be read from."""
    return text[max(0, index - WORD_REACH) : index]


def _in_word(ch: str, conts: dict[str, int], page: dict[str, int]) -> bool:
    return ch.isalpha() or (ch in conts) or (ch in page and ord(ch) >= 0xC0)


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    in_word = functools.partial(
        _in_word, conts=continuation_bytes(), page=code_page("cp1252").byte_of
    )
    return run_around(text, start, end, in_word)


def _core_end(text: str, site: Site) -> int:
    """Where ``site`` ends, not counting a space that some readings take as
    their last byte (a no-break space that became a space)."""
    if text[site.end - 1] != " " and any(r.end == site.end for r in site.readings):
        return site.end  # no reading ends later: the site ends with the last
    ends = [r.end for r in site.readings if text[r.end - 1] != " "]
    return max(ends) if ends else site.start + 1


def _lost_for_sure(text: str, site: Site) -> bool:
    """Whether the site shows a byte was lost: U+FFFD after its lead, or a
    ``?`` that its word goes on after (``Ñ?Ð»``), which no question mark does."""
    shown = text[site.start + 1 : site.end]
    if "\ufffd" in shown:
        return True
    return "?" in shown and site.end < len(text) and text[site.end].isalpha()


def _starts_sentence(text: str, index: int) -> bool:
    """Whether the word at ``index`` opens a sentence (its first letter is a capital)."""
    before = _before(text, index).rstrip(" \t\"'“„«‘([")
    return not before or before[-1] in ".!?…\n:"


# How far around a word its neighbours tell whether the text is in capitals.
_CAPITALS_REACH = 24


@functools.lru_cache(maxsize=1 << 14)
def _in_alphabet(ch: str, lang: str) -> bool:
    letters = alphabet(lang)
    return all(c in letters for c in ch.casefold())


def _capitals_around(text: str, left: int, right: int) -> bool | None:
    """Whether the text around the word from ``left`` to ``right`` is written
    in capitals, by the letters no mojibake can have made (``Ã`` looks like
    one); ``None`` where there are too few of them to tell."""
    around = text[max(0, left - _CAPITALS_REACH) : left] + text[right : right + _CAPITALS_REACH]
    letters = [ch for ch in around if ch.isalpha() and ch not in byte_chars()]
    if len(letters) < 2:
        return None
    return all(ch.isupper() for ch in letters)


class _Judge:
    """The context model for one line: its language, style and quote state."""

    def __init__(self, text: str, lost_elsewhere: bool = False, sites: Sequence[Site] = ()) -> None:
        self.text = text
        # What the sites with one reading only were (``ã®`` is ``の``, where
        # Windows-1252's undefined bytes were dropped): letters of the text
        # as sure as those it shows whole, for telling its language.
        self._sure = [
            (site.start, site.readings[0].text) for site in sites if len(site.readings) == 1
        ]
        self.style = Style.of(text)
        # Whether the text lost bytes before its end too: then bytes dangling
        # at the end lost theirs the same way, rather than being cut.
        self.lost_elsewhere = lost_elsewhere
        # The quotations and brackets open where the sites judged next start.
        self.quotes = QuoteState(style=self.style)
        # The emoji the text speaks of, with how well, strictest reading
        # first (:func:`named_emoji_by_strictness`).
        self.named: tuple[dict[str, float], ...] = ()
        # Whether the damage replaced lost bytes by markers (:class:`Damage`).
        self.replaced = False

    @functools.cached_property
    def _guessed(self) -> tuple[str, str | None]:
        """The script and language of the text, with what the sure sites were."""
        sure = "".join(ch for _, ch in self._sure)
        return _script_and_language(self.text + " " + sure)

    @property
    def lang(self) -> str | None:
        return self._guessed[1]

    @functools.cached_property
    def damaged_elsewhere(self) -> bool:
        """Whether the text shows mojibake that decodes whole somewhere."""
        return self._decoded != self.text

    @functools.cached_property
    def _decoded(self) -> str:
        """The text with every whole sequence of mojibake decoded."""
        return demojibake(self.text)

    @functools.cached_property
    def language_known(self) -> bool:
        """Whether the guessed language knows most of the words of the text
        (as far as they can be decoded)."""
        lang = self.lang
        return lang is not None and coverage(self._decoded, lang) >= _KNOWN_WORDS

    @property
    def script(self) -> str:
        return self._guessed[0]

    @property
    def chain(self) -> LetterChain | None:
        """The letter chain of a language whose words spaces do not separate."""
        lang = self.lang
        return letter_chain(lang) if lang in CHAINED_LANGUAGES else None

    def legit(self, ch: str) -> bool:
        """Whether ``ch`` is a letter of the text's language, or a mark its
        lists leave out that the text writes elsewhere (vowelled Arabic)."""
        lang = self.lang
        if lang is None:
            return False
        if ch and not listed_letters(ch, lang):
            return script_of(ch) in self.marks_written
        return _in_alphabet(ch, lang)

    @functools.cached_property
    def marks_written(self) -> frozenset[str]:
        """The scripts of the combining marks the text shows, decoded."""
        return frozenset(script_of(ch) for ch in self._decoded if unicodedata.category(ch) == "Mn")

    def starts_words(self, letter: str) -> bool:
        """Whether ``letter`` is one the text's language writes and starts
        words with, so that a clean text cut after it may end with it."""
        lang = self.lang
        return (
            lang is not None
            and self.legit(letter)
            and letter_score(" ", letter, lang) >= _STARTS_WORDS
        )

    def word_zipf(self, word: str, shortest: int = 2) -> float:
        """How common ``word`` is in the text's language, if it has at least
        ``shortest`` letters (single letters are mojibake's favourite words)."""
        letters = sum(ch.isalpha() for ch in word)
        lang = self.lang
        if letters < shortest or lang is None:
            return 0.0
        first = next(i for i, ch in enumerate(word) if ch.isalpha())
        last = max(i for i, ch in enumerate(word) if ch.isalpha())
        return min(7.0, zipf(word[first : last + 1], lang))

    def stem_zipf(self, word: str, reach: int) -> float:
        """How common the longest known word is that starts ``word`` and
        holds its first ``reach`` characters (the damaged ones), scaled by
        the share of the word it covers: an inflected form the lists lack
        (Croatian ``čitaonicu``, Bulgarian ``столичният``) keeps the stem they have."""
        lang = self.lang
        if lang is None:
            return 0.0
        for end in range(len(word) - 1, max(reach, _SHORTEST_STEM) - 1, -1):
            stem = word[:end]
            if not is_letter(stem[-1]):
                continue
            found = zipf(stem, lang)
            if found >= _LISTED:
                return found * end / len(word)
        return 0.0

    def keep_bonus(self, site: Site) -> float:
        """What speaks for the lead being what the author wrote: a letter of
        the language, or a symbol (``×``) standing apart from words."""
        text = self.text
        lead = text[site.start]
        if _lost_for_sure(text, site):
            return _MARKED_KEEP
        before = text[site.start - 1] if site.start else " "
        core_end = _core_end(text, site)
        after = text[core_end] if core_end < len(text) else " "
        if lead == LONE_PUNCTUATION_LEAD and _among_capitals(text, site.start):
            return 0.0  # a capital word writes ``Â``: ``LâAÃROPORT`` lost a mark
        # A capital after a small letter, or between a letter and a small one,
        # breaks its word's case (``pretlÃ¡Äa``, its neighbour decoded;
        # ``IÄdır``): a byte, as sure as a marker shows one.
        if lead.isupper():
            previous = _decoded_before(text, site.start)
            if previous.islower() or (previous.isalpha() and after.islower()):
                return _MARKED_KEEP
        # So does a small one before a capital (``âBu``: ``“Bu``).
        if lead.islower() and after.isupper():
            return 0.0
        if self.legit(lead) and core_end - site.start == 1:
            if not (before.isalpha() or after.isalpha()) and self.damaged_elsewhere:
                # Touching no letter in a text of mojibake, a letter is a word
                # of its own if the language has it (Portuguese ``à``; none
                # writes ``â``, which mojibake leaves in the lists now and then).
                return 4.0 if self.word_zipf(lead, 1) >= _A_WORD else 0.0
            edge = None
            if lead == LONE_PUNCTUATION_LEAD and before.isalpha() != after.isalpha():
                edge = self.edge_keep_score(site.start, core_end)
            return 4.0 if edge is None else edge
        shown = text[site.start + 1 : core_end]
        if (
            lead == LONE_PUNCTUATION_LEAD
            and before.isalpha()
            and (after.isalpha() or not self.language_known)
            and (not shown or shown.isalpha())
            and self.letter_elsewhere(lead)
        ):
            # Inside a word, or in a text whose language we do not know, a
            # letter of another language of the script may be what was
            # written (``africâner`` in Portuguese, ``Gwlad yr Iâ`` in Welsh);
            # not before a byte no word is spelled with (``valmisâ¦``).
            return 4.0
        if not self.damaged_elsewhere and self.writes_alike(lead):
            # In a text that shows no mojibake, a lead that bears the mark of
            # letters the text writes is one of them (Frisian ``âldingelsk``
            # beside ``Nederlân`` and ``Sûd``; Nheengatu ``Ãtigua`` beside
            # ``Afegãniretãma``): a language the lists may not know.
            return 4.0
        if not is_letter(lead):
            # A symbol standing apart from words (``3 × 4``), its neighbours
            # decoded (``˜×`` is the end of ``ט`` before it).
            before = _decoded_before(text, site.start) or " "
            after = _decoded_after(text, core_end) or " "
            if not (is_letter(before) or is_letter(after)):
                return 4.0
        if core_end - site.start > 1 and (
            _has_whole_sequence(text) or not text[site.start + 1 : core_end].isalpha()
        ):
            # A lead and a continuation byte in a text of mojibake (``1,90 â¬``),
            # or glued to a symbol no word is spelled with (``tilâ¦``).
            return 0.0
        if (
            is_letter(lead)
            and not self.legit(lead)
            and script_of(lead) == self.script
            and self.damaged_elsewhere
            and self.language_known
        ):
            # A letter the text's language does not write, in a text of
            # mojibake whose words that language knows (``Älanarina`` in
            # Croatian, ``č`` that lost its second byte).
            return 0.0
        return 1.0

    def edge_keep_score(self, start: int, core_end: int) -> float | None:
        """A lone ``â`` opening or closing a word, in a language that writes
        ``â``: a letter when the word is spelled so (``âge``, ``âncora``), a
        lost mark when the word without it is a known word (``âponto``,
        ``retornoâ``: Portuguese ``“ponto … retorno”``); ``None`` when the
        words do not tell."""
        text = self.text
        if core_end < len(text) and text[core_end].isalpha():
            end = core_end
            while end < len(text) and text[end].isalpha():
                end += 1
            rest = text[core_end:end]
            word = LONE_PUNCTUATION_LEAD + rest
        else:
            rest = _trailing_letters(_before(text, start))
            word = rest + LONE_PUNCTUATION_LEAD
        if self.word_zipf(word) > 0.0 or _starts_a_written_word(word):
            return 4.0
        return 0.0 if self.word_zipf(rest, _SHORTEST_WRITTEN) > 0.0 else None

    def named_at(self, site: Site) -> dict[str, float]:
        """The emoji the text names among ``site``'s readings, by the
        strictest reading of its names that names any of them."""
        for named in self.named:
            if any(reading.text in named for reading in site.readings):
                return named
        return {}

    def writes_alike(self, lead: str) -> bool:
        """Whether the text writes, whole, letters like ``lead``: another with
        the accent it bears (``ê``, ``û`` for ``â``; ``ã`` for ``Ã``), or
        letters of its script that are no byte of UTF-8 where the language
        the lists know best does not write them all or knows too few words
        (Inari Sámi ``đ`` beside ``Uđđâ``): a language of its own."""
        marks = _accents(lead)
        if marks and any(ch != lead and _accents(ch) == marks for ch in self._letters_written):
            return True
        byte_of = code_page("cp1252").byte_of
        own = [
            ch
            for ch in self._letters_written
            if script_of(ch) == script_of(lead) and byte_of.get(ch, 0xFF) >= 0xF5
        ]
        return bool(own) and not (self.language_known and all(map(self.legit, own)))

    @functools.cached_property
    def _letters_written(self) -> frozenset[str]:
        return frozenset(ch for ch in self.text if ch > "\x7f" and ch.isalpha())

    def letter_elsewhere(self, ch: str) -> bool:
        """Whether ``ch`` is a letter of some language written in the text's script."""
        return any(_in_alphabet(ch, lang) for lang in LANGUAGES_BY_SCRIPT.get(self.script, ()))

    def keep_score(self, site: Site) -> float:
        left, right = _word_bounds(self.text, site.start, _core_end(self.text, site))
        word = demojibake(self.text[left:right])
        return self.keep_bonus(site) + self.word_zipf(word)

    def elision_score(self, site: Site) -> float:
        """An apostrophe inside a word joins two real pieces (``America’s``,
        ``l’homme``); a letter of a word (``africâner``, ``château``) does not."""
        text = self.text
        end = _core_end(text, site)
        if not (site.start and end < len(text)):
            return 0.0
        if not (text[site.start - 1].isalpha() and text[end].isalpha()):
            return 0.0
        left, _ = _word_bounds(text, site.start, site.start)
        _, right = _word_bounds(text, end, end)
        pieces = (demojibake(text[left : site.start]), demojibake(text[end:right]))
        joined = self.word_zipf(pieces[0] + "'" + pieces[1]) - 3.0
        if not self.language_known:
            # Pieces that are words tell of an elision only in the language
            # of the text: a name of another (``Itânia``, ``Jesuânia``) splits
            # into English ``it`` and ``nia`` as well as any.
            return max(-2.0, min(2.0, joined))
        lang = self.lang
        if lang is not None and all(pieces) and counted_apart(*pieces, lang):
            # ``d’un``, ``c’è``: the lists hold the pieces, not the elision.
            lowest = min(self.word_zipf(piece, 1) for piece in pieces)
            return max(-2.0, min(2.0, lowest - 3.0))
        if (
            max(sum(ch.isalpha() for ch in piece) for piece in pieces) < 3
            or (lang is not None and self.legit(text[site.start]) and not writes_apostrophes(lang))
            or (
                lang is not None
                and len(pieces[1]) == 1
                and pieces[1].casefold() not in apostrophe_endings(lang)
            )
        ):
            # Short pieces are words by chance; so are the pieces around a
            # letter of a language that writes no apostrophes inside words
            # (Romanian ``tac`` and ``muri`` in ``tacâmuri``, where Turkish
            # ``Kütüphanesi’nin`` is how names take endings), and a letter
            # alone after it that the language does not end such words with
            # (Italian ``t`` of Friulian ``Sultanât``, against English ``’s``):
            # only the elision itself, listed, tells.
            return max(-2.0, min(2.0, joined))
        lowest = min(self.word_zipf(piece, 1) for piece in pieces)
        return max(-2.0, min(2.0, max(joined, lowest - 3.0)))

    def cut_keep_score(self, site: Site) -> float:
        """What speaks for the dangling bytes at the end being what the author
        wrote: a word of the language that ends so (``IRMÃ``, ``å``), a
        symbol standing apart (``Close ×``), or a letter of another language
        after a word we do not know (``Gwlad yr Iâ``). A capital closing a
        small word (``nÃ``), bytes after the lead that no word ends with
        (``â€``), a lead of the text's own script or a text that is mojibake
        throughout speak against it."""
        text = self.text
        start = site.start
        lead, tail = text[start], text[start + 1 : site.end]
        if any(not _closes_a_word(ch) for ch in tail):
            return 0.0
        if _lead_of_its_script(text, start) or _all_mojibake(text, start):
            return 0.0
        left, _ = _word_bounds(text, start, start)
        stem = demojibake(text[left:start])
        before = stem[-1:] or (text[start - 1] if start else " ")
        if not is_letter(lead):
            return 0.0 if is_letter(before) else 4.0
        if not stem or not is_letter(before):
            # Standing alone: a one-letter word (``å``, ``à``), or a letter of
            # the language that starts words (an initial, ``Ø``) or that the
            # text writes, may close a text; another is the lead of a cut
            # character, the likelier where it is the first byte of the text's
            # own letters (Hungarian ``paprika Ã``: ``á`` is ``C3 A1``).
            if self.word_zipf(lead, 1) >= _ONE_LETTER_WORD or self.starts_words(lead):
                return 4.0
            if self.legit(lead) and lead in demojibake(text[:start]):
                return 4.0  # a letter the text writes elsewhere (Icelandic ``að ð``)
            if before.isspace() and not self.legit(lead) and not _lead_of_its_letters(text, start):
                return self.foreign_letter_bonus(lead)
            return 1.0
        if before.islower() and lead.isupper():
            return 0.0
        word = stem + lead
        whole = self.word_zipf(word)
        if whole >= _LISTED:
            return 2.0 + whole
        if lead == LONE_PUNCTUATION_LEAD:
            return self.lone_mark_keep_score(text, start, stem)
        return 2.0 if self.legit(lead) else self.foreign_letter_bonus(lead)

    def lone_mark_keep_score(self, text: str, start: int, stem: str) -> float:
        """``â`` closing a word of a text that does not show it went through
        Windows-1252 is a letter when it continues the word as common words
        do (``châ`` of ``château``, ``Româ``) or is a letter of the language
        after no word of it (``smântâ``); after a whole word (``chalumeauâ``,
        ``sichâ``) or in a language that does not write it, a mark was lost.
        A text of one word tells no language its word could be one of
        (``Arhâ``, a name)."""
        run = _trailing_letters(stem)
        if _starts_a_written_word(run + LONE_PUNCTUATION_LEAD):
            return 4.0
        if len(sample_words(text)) < 2:
            return self.foreign_letter_bonus(LONE_PUNCTUATION_LEAD)
        if self.word_zipf(run, _SHORTEST_WRITTEN) > 0.0:
            return 0.0
        if self.legit(LONE_PUNCTUATION_LEAD):
            return 0.0 if _MOJIBAKE_EVIDENCE.search(text, 0, start) else 4.0
        return self.foreign_letter_bonus(LONE_PUNCTUATION_LEAD)

    def foreign_letter_bonus(self, lead: str) -> float:
        """A letter of another language of the script, in a text whose
        language we cannot tell, may be what was written (``Gwlad yr Iâ``)."""
        if not self.language_known and self.letter_elsewhere(lead):
            return 4.0
        return 0.5

    def stripped_space_score(self, site: Site, ch: str) -> float:
        """What speaks for the field having ended with ``ch``, whose last
        byte (A0, a no-break space as Windows-1252 shows it) a strip of its
        whitespace removed, where the word ``ch`` closes is one of the
        language (``voilà``, ``città``, ``ЦЕНТР``). A cut is likelier
        otherwise: most characters that lost their last byte were cut short,
        and the lists cannot tell a one-letter word that closes a field from
        the first letter of a word cut short."""
        text = self.text
        left, _ = _word_bounds(text, site.start, site.start)
        stem = demojibake(text[left : site.start])
        if not is_letter(ch) or len(_trailing_letters(stem)) < _SHORTEST_WRITTEN - 1:
            return 0.0
        if stem[-1].islower() and ch.isupper():
            return 0.0
        found = self._some_word_zipf(stem + ch)
        return 2.0 + found if found >= _LISTED else 0.0

    def _some_word_zipf(self, word: str, shortest: int = 2) -> float:
        """:meth:`word_zipf`, or where the text does not tell its language
        (a field of one word), the most any language of the word's script
        gives it."""
        if self.language_known:
            return self.word_zipf(word, shortest)
        if sum(ch.isalpha() for ch in word) < shortest:
            return 0.0
        languages = LANGUAGES_BY_SCRIPT.get(script_of(word[-1]), ())
        return min(7.0, max((zipf(word, lang) for lang in languages), default=0.0))

    def cut_options(self, site: Site, state: QuoteState) -> list[tuple[tuple[Option, ...], float]]:
        """A sequence cut at the end of the text: drop its dangling bytes, keep
        them, read them whole with a last byte A0 that a strip removed, or
        (punctuation only) read the bytes that are left as a mark."""
        text = self.text
        keep = Option(text[site.start : site.end], site.end, keep=True)
        stripped = [reading for reading in site.readings if reading.space_stripped]
        site = replace(site, readings=tuple(r for r in site.readings if not r.space_stripped))
        # ``ï¸`` closing a text is the variation selector of an emoji that lost
        # its last byte (``â¤ï¸``) as likely as a character cut short: read so
        # right after an emoji, once that emoji is decoded.
        before = _decoded_before(text, site.start)
        ends_selector = _selector_at(text, site.start)
        selector = ends_selector and is_emoji(before)
        cut = (
            0.0 if ends_selector or (self.lost_elsewhere and len(site.readings) > 1) else _CUT_SCORE
        )
        options: list[tuple[tuple[Option, ...], float]] = [
            ((Option("", site.end),), cut),
            ((keep,), self.cut_keep_score(site)),
        ]
        options += [
            ((Option(reading.text, reading.end),), self.stripped_space_score(site, reading.text))
            for reading in stripped
        ]
        chain = self.chain
        if selector:
            score = punctuation_score(EMOJI_PRESENTATION, Context(before, "", state, self.style))
            options.append(((Option(EMOJI_PRESENTATION, site.end),), score))
        elif text[site.start] == LONE_PUNCTUATION_LEAD and (
            self.lost_elsewhere or site.end - site.start > 1
        ):
            # A lone ``â`` closing a text is a mark that lost both its bytes
            # (``mismatch.â`` for ``mismatch.”``) only where the text lost
            # bytes elsewhere; otherwise it is a character cut short.
            left = text[site.start - 1] if site.start else ""
            marks = [
                (Option(reading.text, reading.end), self.mark_score(site, reading, left, "", state))
                for reading in site.readings[1:]
            ]
            marks.sort(key=lambda item: -item[1])
            options += [((option,), score) for option, score in marks[:_OPTIONS_PER_SITE]]
        elif named := self.named_at(site):
            # An emoji the text names, which lost its last bytes, beats a cut.
            for reading in site.readings[1:]:
                if reading.text in named:
                    score = _CUT_SCORE + named[reading.text]
                    options.append(((Option(reading.text, reading.end),), score))
        elif chain is not None and self.lost_elsewhere and self.lang is not None:
            stem = _trailing_run(demojibake(_before(text, site.start)))
            scores = [
                split_score(stem + reading.text, self.lang) if is_letter(reading.text) else UNSEEN
                for reading in site.readings[1:]
            ]
            best = max(scores, default=0.0)
            for reading, score in zip(site.readings[1:], scores, strict=True):
                options.append(((Option(reading.text, reading.end),), _CUT_SCORE + score - best))
        return options

    def _rare(self, reading: Reading) -> bool:
        """Whether ``reading`` is a rare mark the text writes nowhere."""
        return is_rare_mark(reading.text) and reading.text not in self.style.present

    def mark_score(
        self, site: Site, reading: Reading, left: str, right: str, state: QuoteState
    ) -> float:
        """How well one reading of a punctuation site fits between ``left``
        and ``right``: a rare mark only where the text writes it."""
        if self._rare(reading):
            score = RARE
        else:
            score = punctuation_score(reading.text, Context(left, right, state, self.style))
        if self.replaced:
            score += _MARKER_KEPT * _kept_markers(self.text, site, reading)
        return score

    def mark_options(
        self, sites: Sequence[Site], state: QuoteState
    ) -> list[tuple[tuple[Option, ...], float]]:
        """Readings of a run of adjacent punctuation sites, with scores."""
        text = self.text
        left = _decoded_before(text, sites[0].start)
        per_site: list[list[tuple[Option, float]]] = []
        for index, site in enumerate(sites):
            site_left = left if index == 0 else "\u2063"
            options = []
            rare_marks = 0
            for reading in site.readings:
                rare = self._rare(reading)
                if rare and rare_marks >= _OPTIONS_PER_SITE and not self.replaced:
                    # Rare marks all score RARE alike: the first ones a site
                    # keeps stand for the rest (a lone ``â`` has hundreds).
                    continue
                rare_marks += rare
                site_right = (
                    EMOJI_PRESENTATION
                    if _selector_at(text, reading.end)
                    else text[reading.end : reading.end + 1]
                )
                if index < len(sites) - 1:
                    site_right = "\u2063"
                score = self.mark_score(site, reading, site_left, site_right, state)
                options.append((Option(reading.text, reading.end), score))
            options.sort(key=lambda item: -item[1])
            per_site.append(options[:_OPTIONS_PER_SITE])
        combos: list[tuple[tuple[Option, ...], float]] = []
        if len(sites) == 1:
            elision = self.elision_score(sites[0])
            combos = [
                ((option,), score + (elision if option.text == "’" else 0.0))
                for option, score in per_site[0]
            ]
        else:
            choices = [options[:5] for options in per_site]
            seen: set[tuple[Option, ...]] = set()
            candidates = list(itertools.product(*choices)) if len(sites) <= 3 else []
            shared = set.intersection(*({r.text for r in site.readings} for site in sites))
            for mark in sorted(shared):
                uniform = tuple(
                    next(Option(r.text, r.end) for r in site.readings if r.text == mark)
                    for site in sites
                )
                candidates.append(tuple((option, 0.0) for option in uniform))
            candidates += _emoji_combos(sites, choices)
            for combo in candidates:
                chosen = tuple(option for option, _ in combo)
                if chosen in seen:
                    continue
                seen.add(chosen)
                marks = "".join(option.text for option in chosen)
                end = chosen[-1].end
                run_right = text[end] if end < len(text) else ""
                combos.append((chosen, run_score(marks, left, run_right, state, self.style)))
        keep = tuple(Option(text[s.start : s.end], s.end, keep=True) for s in sites)
        combos.append((keep, sum(self.keep_score(s) for s in sites) / len(sites)))
        return combos

    def letter_options(self, sites: Sequence[Site]) -> list[tuple[tuple[Option, ...], float]]:
        """Readings of the letter sites of one word, with scores: each reading
        by its letter (script, case, alphabet), the word by letter pairs of
        the language (a beam over the sites) and at last by its frequency."""
        text = self.text
        left, right = _word_bounds(text, sites[0].start, _core_end(text, sites[-1]))
        left, right = _between_lost_marks(text, left, right, sites[0].start, sites[-1].end)
        pieces: list[str] = []
        position = left
        for site in sites:
            pieces.append(demojibake(text[position : site.start]))
            position = _core_end(text, site)
        pieces.append(demojibake(text[position:right]))
        context = "".join(pieces)
        letters = [ch for ch in context if ch.isalpha()]
        scripts = {script_of(ch) for ch in letters if ord(ch) > 0x7F} or (
            set() if letters else {self.script}
        )
        all_upper = len(letters) >= 2 and all(ch.isupper() for ch in letters)
        all_lower = bool(letters) and all(ch.islower() for ch in letters[1:] or letters)
        if len(letters) == 1 and letters[0].isupper():
            # One capital and the sites (``TÄ``): a capitalised word, unless
            # the text around is in capitals.
            capitals = _capitals_around(text, left, right)
            all_upper, all_lower = capitals is True, capitals is False
        states = list(self._states_at(sites))
        per_site = [
            self._site_options(site, left, scripts, all_upper, all_lower, state)
            for site, state in zip(sites, states, strict=True)
        ]
        chain = self.chain
        if chain is not None:
            # The letters around, decoded past what a word of mojibake shows
            # (``—`` in ``æ—©`` is a byte of ``早``, not a mark ending a word).
            end = _core_end(text, sites[-1])
            before = demojibake(text[max(0, sites[0].start - _RAW_WINDOW) : sites[0].start])
            after = demojibake(text[end : end + _RAW_WINDOW])
            combos = self._chained_options(per_site, [before, *pieces[1:-1], after], chain)
            return [
                (chosen, score + _closed_again(chosen, states, pieces[1:]))
                for chosen, score in combos
            ]
        if right - left > WORD_REACH:
            # Longer than any word: no reading letter by letter.
            return [_kept(per_site)]
        lang = self.lang
        beam: list[tuple[str, float, tuple[Option, ...]]] = [(pieces[0], 0.0, ())]
        for index, options in enumerate(per_site):
            following = pieces[index + 1]
            last = index == len(per_site) - 1
            grown = []
            for word, score, chosen in beam:
                for option, option_score, shown in options:
                    total = score + option_score
                    # Letter pairs tell nothing of an emoji, which stands apart.
                    if lang is not None and not option.keep and shown and not is_emoji(shown[0]):
                        total += _PAIR_WEIGHT * self.pair_fit(word, shown, following, last)
                    grown.append((word + shown + following, total, (*chosen, option)))
            grown.sort(key=lambda item: -item[1])
            beam = grown[:_BEAM_WIDTH]
        scored = []
        readable = False
        for word, score, chosen in beam:
            kept = all(option.keep for option in chosen)
            known = self.word_zipf(word, 2 if kept else 1)
            readable = readable or (known > 0.0 and not kept)
            if not known and not kept:
                known = _STEM_WEIGHT * self.stem_zipf(word, sites[-1].start - left + 1)
            scored.append((chosen, score + known))
        if not readable and 2 <= len(sites) > len(letters):
            # A word that lost more letters than it shows, and that no list
            # knows, has no reading letter by letter (``ÐÐÐÐ``: 32 each); a
            # known start of a word tells too little of so many letters.
            return [_kept(per_site)]
        return scored

    def pair_fit(self, word: str, shown: str, following: str, last: bool) -> float:
        """How well a reading ``shown`` follows ``word`` and leads into
        ``following``, by letter pairs against the average. The marks the
        lists leave out (Arabic harakat) are not in their pairs: the letters
        around a mark are paired as if it were not there."""
        lang = self.lang
        assert lang is not None
        if leaves_out_marks(lang):
            word, shown = listed_letters(word, lang), listed_letters(shown, lang)
            following = listed_letters(following, lang)
        fit = 0.0
        if shown:
            fit += letter_score(word[-2:] or " ", shown[0], lang) - _PAIR_BASELINE
        after = following[:1]
        if after or last:
            fit += letter_score((word + shown)[-2:], after or " ", lang) - _PAIR_BASELINE
        return fit

    def _chained_options(
        self, per_site: list[list[tuple[Option, float, str]]], pieces: list[str], chain: LetterChain
    ) -> list[tuple[tuple[Option, ...], float]]:
        """Readings of adjacent letter sites in a language of run-on words:
        a beam over the sites by the letters on either side of each, then
        the readings it keeps by the words they split the letters around
        into (:func:`split_score`)."""
        lang = self.lang
        assert lang is not None
        beam: list[tuple[str, float, float, str, tuple[Option, ...]]] = [
            (pieces[0][-1:], 0.0, 0.0, "", ())
        ]
        for index, options in enumerate(per_site):
            following = pieces[index + 1]
            grown = []
            for before, paired, own, shown_so_far, chosen in beam:
                for option, option_score, shown in options:
                    pairs = chain.after(before, shown[:1])
                    pairs += sum(itertools.starmap(chain.after, itertools.pairwise(shown)))
                    if following:
                        pairs += chain.after(shown[-1:], following[0])
                    grown.append(
                        (
                            following[-1:] or shown[-1:],
                            paired + own + option_score + pairs,
                            own + option_score,
                            shown_so_far + shown + following,
                            (*chosen, option),
                        )
                    )
            grown.sort(key=lambda item: -item[1])
            beam = [(b, total - own, own, text, chosen) for b, total, own, text, chosen in grown]
            beam = beam[:_BEAM_WIDTH]
        left = _trailing_run(pieces[0])
        right = _leading_run(pieces[-1])
        combos = []
        for _, paired, own, shown, chosen in beam:
            inner = shown[: len(shown) - len(pieces[-1])] if pieces[-1] else shown
            split = split_score(left + inner + right, lang)
            combos.append((chosen, own + split + _CHAIN_WEIGHT * paired))
        return combos

    def _likeliest_readings(self, site: Site) -> Sequence[Reading]:
        """The readings of a site worth scoring: all of them, except where a
        run-on script's character lost two bytes (1,024 readings): there the
        letters its chain finds commonest, and every mark."""
        readings = site.readings
        chain = self.chain
        if chain is None or len(readings) <= _READINGS_SCORED:
            return readings
        letters = [r for r in readings if is_letter(r.text)]
        letters.sort(key=lambda r: -chain.letter(r.text))
        marks = [r for r in readings if not is_letter(r.text)]
        return letters[:_READINGS_SCORED] + marks

    def _states_at(self, sites: Sequence[Site]) -> Iterator[QuoteState]:
        """The quotations and brackets open at each site of a group, the
        text between them read (a run of kana sites can span ``「…」``)."""
        state = replace(self.quotes)
        position = sites[0].start
        for site in sites:
            state.update(demojibake(self.text[position : site.start]))
            position = site.start
            yield replace(state)

    def _site_options(
        self,
        site: Site,
        left: int,
        scripts: set[str],
        all_upper: bool,
        all_lower: bool,
        state: QuoteState,
    ) -> list[tuple[Option, float, str]]:
        """A letter site's readings with their own scores and the text each
        puts in the word; the best few, and keeping the site as it is."""
        text = self.text
        scored: list[tuple[Option, float, str]] = []
        core_end = _core_end(text, site)
        chain = self.chain
        word_rest: dict[int, str] = {}  # the rest of the word after a reading's end
        text_rest: dict[int, str] = {}  # and of the text, decoded
        named = self.named_at(site)
        for reading in self._likeliest_readings(site):
            ch = reading.text
            if is_letter(ch):
                score = 1.5 if self.legit(ch) else -1.5
                if scripts and script_of(ch) not in scripts:
                    score -= 3.0
                if all_upper and ch.islower():
                    score -= 3.0
                if all_lower and ch.isupper() and site.start != left:
                    score -= 3.0
                if site.start == left and ch.isupper():
                    # A capital opens a sentence; elsewhere a small letter is likelier.
                    score += 1.5 if _starts_sentence(text, left) else math.log(_CASE_PENALTY)
            else:
                before = text[site.start - 1] if site.start else ""
                after = text[reading.end] if reading.end < len(text) else ""
                context = Context(before, after, QuoteState(), self.style)
                score = punctuation_score(ch, context) - 2.0
                if ch in named:
                    score = max(score, _NAMED_EMOJI + named[ch])
                if self.replaced:
                    score += _MARKER_KEPT * _kept_markers(text, site, reading)
                if ch in PAIRED_MARKS or ch in CLOSING_MARKS:
                    if reading.end not in text_rest:
                        text_rest[reading.end] = demojibake(text[reading.end :])
                    score += pairing_score(ch, state, text_rest[reading.end])
            shown = ch + text[reading.end : core_end]
            if reading.end > core_end:
                # The space was a no-break space inside the word: the word goes on.
                if reading.end not in word_rest:
                    word_end = _word_bounds(text, reading.end, reading.end)[1]
                    word_rest[reading.end] = demojibake(text[reading.end : word_end])
                shown += word_rest[reading.end]
                if chain is not None:
                    # Where spaces part phrases (Thai, Korean), most are spaces.
                    score += _SPACE_AS_BYTE
            scored.append((Option(ch, reading.end), score, shown))
        scored = self._unlisted_marks_as_one(scored)
        if chain is None:
            scored.sort(key=lambda item: -item[1])
        else:
            scored.sort(key=lambda item: -item[1] - chain.letter(item[2][:1]))
        # The best readings that take the space after the site compete too.
        spaced = [item for item in scored[_OPTIONS_PER_SITE:] if item[0].end > core_end]
        kept = scored[:_OPTIONS_PER_SITE] + spaced[:_OPTIONS_PER_SITE]
        original = text[site.start : site.end]
        shown = text[site.start : _core_end(text, site)]
        kept.append((Option(original, site.end, keep=True), self.keep_bonus(site), shown))
        return kept

    def _unlisted_marks_as_one(
        self, scored: list[tuple[Option, float, str]]
    ) -> list[tuple[Option, float, str]]:
        """A site's readings with the marks the lists leave out that score
        alike judged as one: the word lists cannot tell them apart, and a
        beam of readings would spend itself on their combinations."""
        lang = self.lang
        if lang is None or not leaves_out_marks(lang):
            return scored
        marks = [item for item in scored if item[0].text and not listed_letters(item[0].text, lang)]
        if len(marks) < 2:
            return scored
        first = marks[0]
        rest = [item for item in marks[1:] if (item[1], item[0].end) == (first[1], first[0].end)]
        if not rest:
            return scored
        one = (replace(first[0], alike=tuple(item[0].text for item in rest)), first[1], first[2])
        return [one if item is first else item for item in scored if item not in rest]


def _kept(
    per_site: Sequence[Sequence[tuple[Option, float, str]]],
) -> tuple[tuple[Option, ...], float]:
    """The reading of a group of sites that keeps each as it is (the last
    option of each), with its score."""
    keep = [options[-1] for options in per_site]
    return tuple(option for option, _, _ in keep), sum(score for _, score, _ in keep)


@functools.cache
def _accents(ch: str) -> str:
    """The combining marks of ``ch`` decomposed (``â``: the circumflex)."""
    return "".join(
        mark for mark in unicodedata.normalize("NFD", ch)[1:] if unicodedata.combining(mark)
    )


def _closed_again(
    chosen: Sequence[Option], states: Sequence[QuoteState], pieces: Sequence[str]
) -> float:
    """:data:`RARE` for each closing bracket read where a reading before it
    in the group already closed that bracket: each site alone sees the
    bracket open (``「…ほしいã€と話しã€``: one ``」``, then ``、``)."""
    fit = 0.0
    state = replace(states[0])
    for option, at_site, between in zip(chosen, states, pieces, strict=True):
        opening = CLOSING_MARKS.get(option.text)
        if opening is not None and at_site.brackets[-1:] == opening != state.brackets[-1:]:
            fit += RARE
        state.update(option.text if not option.keep else "")
        state.update(between)
    return fit


def _judge_group(
    text: str, combos: list[tuple[tuple[Option, ...], float]], sites: Sequence[Site]
) -> list[Judged]:
    probabilities = _softmax([score for _, score in combos])
    judged: list[Judged] = []
    for index, site in enumerate(sites):
        keep = Option(text[site.start : site.end], site.end, keep=True)
        marginal: dict[Option, float] = {}
        for (options, _), probability in zip(combos, probabilities, strict=True):
            option = options[index]
            if text[site.start : option.end] == option.text:
                # A reading that is what the text shows (``Ã`` is C3 83 with
                # its C1 byte stripped) leaves the site as it is.
                option = keep
            marginal[option] = marginal.get(option, 0.0) + probability
        shared = [
            (replace(option, text=text, alike=()), probability / (len(option.alike) + 1))
            for option, probability in marginal.items()
            for text in (option.text, *option.alike)
        ]
        ranked = sorted(shared, key=lambda item: -item[1])
        judged.append(Judged(site, tuple(ranked)))
    return judged


def _finding(text: str, judged: Judged) -> Finding | None:
    best, confidence = judged.options[0]
    if best.keep:
        return None
    end = best.end
    alternatives = []
    for option, probability in judged.options[:_ALTERNATIVES]:
        stop = judged.site.end if option.keep else option.end
        if stop > end:
            continue
        alternatives.append(Candidate(option.text + text[stop:end], probability))
    names = ", ".join(f"U+{ord(ch):04X}" for ch in best.text)
    return Finding(
        start=judged.site.start,
        end=end,
        detector=DETECTOR_ID,
        confidence=min(0.99, confidence),
        reason=f"UTF-8 that lost bytes: {names} fits the context",
        replacement=best.text,
        alternatives=tuple(alternatives),
    )


# Windows-1252 or Latin-1 mojibake somewhere: a lead byte and a character
# standing for a continuation byte in 80-9F, or ``Ã``/``Â`` before one in
# A0-BF (``Ã©``), which clean text does not write.
_MOJIBAKE_EVIDENCE = re.compile("[\xc2-\xf4][\x80-\x9f€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|[ÂÃ][\xa0-\xbf]")


def _cut_after_a_letter(before: str, lead: str) -> bool:
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


# Scripts whose letters a lead byte starts, as :func:`script_of` names them.
_WRITTEN_IN = {"Han": ("Han", "Hiragana", "Katakana")}


def _lead_of_its_script(text: str, start: int) -> bool:
    """Whether the lead at ``start`` starts a letter of the script the text
    ends in (``Ñ`` closing Cyrillic, ``×`` Hebrew, ``ì`` Korean, ``à`` the
    first byte of Devanagari's letters): no such text ends in a Latin-1
    character, so that is the first byte of a cut letter."""
    index = start - 1
    while index >= 0 and not text[index].isalpha():
        index -= 1
    if index < 0 or script_of(text[index]) == "Latin":
        return False
    script = _lead_script(text, start)
    if script == "Latin":
        return False
    if script_of(text[index]) in _WRITTEN_IN.get(script, (script,)):
        return True
    lead = code_page("cp1252").byte_of.get(text[start])
    return text[index].encode("utf-8")[0] == lead


def _lead_of_its_letters(text: str, start: int) -> bool:
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


def _all_mojibake(text: str, start: int) -> bool:
    """Whether every character above ASCII before ``start`` belongs to a whole
    mojibake sequence: then the text went through Windows-1252 entire, and a
    lead at its end is a byte, not a letter (``thá`` for a cut ``thế``). A
    pair that decodes to a character no text uses or to a letter glued to
    letters of another script is letters as written (Czech ``ÚŽASNÉ``: ``ÚŽ``
    would be Arabic ``ڎ`` before ``ASN``)."""
    pieces = list(_pieces(text[:start]))
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
    scripts = {_SCRIPT_FAMILY.get(script, script) for script in map(script_of, (letter, neighbour))}
    return len(scripts) > 1


def _closes_a_word(ch: str) -> bool:
    """Whether ``ch`` may follow a word at the end of a text as it is: a
    letter or closing punctuation (``café…``, ``voilà»``), not ``€`` or
    ``‚`` (bytes of a character)."""
    return is_letter(ch) or unicodedata.category(ch) in ("Pe", "Pf", "Pi", "Po")


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
    if site.end - site.start > 1 or _lead_of_its_script(text, site.start):
        return True
    if _all_mojibake(text, site.start):
        return True
    index = site.start - 1
    while index and unicodedata.combining(text[index]):
        index -= 1  # a mark is part of the letter it follows (``ẹ́``)
    before, lead = text[index], text[site.start]
    if is_letter(before):
        return _cut_after_a_letter(before, lead)
    stem = _trailing_letters(_before(text, index))
    return (
        _odd_alone(before, lead, capitals=len(stem) > 1 and stem.isupper())
        or _lead_of_its_letters(text, site.start)
        or _MOJIBAKE_EVIDENCE.search(text, 0, site.start) is not None
    )


# Scripts written together, by the one they count as (:data:`_WRITTEN_IN`):
# a Japanese text of kana may cut a Han letter.
_SCRIPT_FAMILY = {member: script for script, members in _WRITTEN_IN.items() for member in members}


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
            scripts.add(_SCRIPT_FAMILY.get(script, script))
    return frozenset(scripts)


def _starts_only_unwritten_letters(text: str, site: Site) -> bool:
    """Whether the bytes dangling at the end can start only letters of
    scripts that no letter before them is written in. Latin-1 letters that
    are UTF-8 leads (``Ã``, ``Ð``) tell no script: they may be bytes."""
    byte_of = code_page("cp1252").byte_of
    shown = bytes(byte_of.get(ch, 0) for ch in text[site.start : site.end])
    scripts = _scripts_started_by(shown)
    if not scripts:
        return False
    written = {
        _SCRIPT_FAMILY.get(script_of(ch), script_of(ch))
        for ch in demojibake(text[: site.start])
        if is_letter(ch) and not "\xc2" <= ch <= "\xf4"
    }
    return bool(written) and not scripts & written


def _sites(text: str, damage: Damage, named: Collection[str] = ()) -> list[Site]:
    sites: list[Site] = []
    for match in _trigger_re().finditer(text):
        if sites and match.start() < sites[-1].end:
            continue
        site = parse_site(text, match.start(), damage.lost, nbsp=damage.nbsp, named=named)
        if site is None:
            continue
        if site.readings[0].text == "" and not _plausible_cut(text, site):
            continue
        sites.append(site)
    return sites


def _groups(text: str, sites: list[Site]) -> Iterator[tuple[str, list[Site]]]:
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
                if not _is_mark_site(text, following) or following.start != _core_end(
                    text, group[-1]
                ):
                    break
            else:
                if text[following.start] == LONE_PUNCTUATION_LEAD:
                    break
                if following.readings[0].text == "":
                    break
                # The word goes on past the last site's marker (``é€?æ¸?``).
                _, right = _word_bounds(text, group[-1].start, group[-1].end)
                if following.start > right:
                    break
            group.append(following)
            index += 1
        yield ("mark" if is_mark else "letter"), group


def _emoji_combos(
    sites: Sequence[Site], choices: list[list[tuple[Option, float]]]
) -> list[tuple[tuple[Option, float], ...]]:
    """Readings of a run that put an emoji before the variation selector
    asking for its picture (``â¤ï¸`` is ``❤️``), the other sites at their
    best: no site's own score ranks an emoji, whose fit is its neighbour."""
    combos: list[tuple[tuple[Option, float], ...]] = []
    for index in range(1, len(sites)):
        selector = next(
            (Option(r.text, r.end) for r in sites[index].readings if r.text == EMOJI_PRESENTATION),
            None,
        )
        if selector is None:
            continue
        for reading in sites[index - 1].readings:
            if is_emoji(reading.text):
                combo = [options[0] for options in choices]
                combo[index - 1] = (Option(reading.text, reading.end), 0.0)
                combo[index] = (selector, 0.0)
                combos.append(tuple(combo))
    return combos


def _selector_at(text: str, index: int) -> bool:
    """Whether ``text[index:]`` starts with ``ï¸`` and no further byte: the
    emoji variation selector (``EF B8 8F``) that lost its last one."""
    return text.startswith("ï¸", index) and text[index + 2 : index + 3] not in continuation_bytes()


def _kept_markers(text: str, site: Site, reading: Reading) -> int:
    """How many ``?`` of the site ``reading`` leaves as question marks of
    the text, their bytes dropped instead (``â€?`` read ``”?``)."""
    return text.count("?", reading.end, site.end)


def _is_mark_site(text: str, site: Site) -> bool:
    """A lone ``â``, or the variation selector of an emoji that lost its last
    byte (``ï¸`` of ``❤️``), where no letter can be read."""
    if text[site.start] == LONE_PUNCTUATION_LEAD:
        return True
    readings = site.readings
    return any(r.text == EMOJI_PRESENTATION for r in readings) and not any(
        r.text[:1].isalpha() for r in readings
    )


def _plain_letter(text: str, site: Site) -> bool:
    """Whether the lead of ``site`` reads as a letter inside a word: a letter
    next to another letter, with no byte or marker after it."""
    if site.readings[0].text == "":
        return False  # a character cut at the end of the text
    return _plain_letter_at(text, site.start)


def _letters_around(text: str, start: int) -> tuple[int, int]:
    """The bounds of the run of letters that holds ``text[start]``."""
    return run_around(text, start, start + 1, str.isalpha)


def _plain_letter_at(text: str, start: int, word: tuple[int, int] | None = None) -> bool:
    """:func:`_plain_letter` at ``start``; ``word`` is the run of letters
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
    caps = _other_letters(text, start, (left, right)).isupper()
    fits = caps or left == start if lead.isupper() else not caps
    return fits and _written_between(text, start)


def _other_letters(text: str, start: int, word: tuple[int, int] | None = None) -> str:
    """The letters of the word around ``text[start]``, itself left out;
    ``word`` is the run of letters, when already known."""
    left, right = word or _letters_around(text, start)
    return text[left:start] + text[start + 1 : right]


def _between_lost_marks(text: str, left: int, right: int, first: int, last: int) -> tuple[int, int]:
    """The word from ``left`` to ``right`` around the sites from ``first`` to
    ``last``, cut at a small ``â`` among capitals: a lost mark, not a letter
    (``LâAÃROPORT`` is ``L’`` and ``AÉROPORT``)."""
    for index in range(first - 1, left - 1, -1):
        if text[index] == LONE_PUNCTUATION_LEAD and _among_capitals(text, index):
            left = index + 1
            break
    for index in range(last, right):
        if text[index] == LONE_PUNCTUATION_LEAD and _among_capitals(text, index):
            right = index
            break
    return left, right


def _among_capitals(text: str, start: int) -> bool:
    """Whether the letters around ``text[start]`` (two at least) are all capitals."""
    others = _other_letters(text, start)
    return len(others) >= 2 and others.isupper()


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


# A lead and as many continuation bytes as it announces: perhaps a whole
# sequence, which only a closer look tells.
@functools.lru_cache(maxsize=2)
def _has_whole_sequence(text: str) -> bool:
    """Whether ``text`` holds a lead with all its continuation bytes; asked
    for each candidate of a text, so the answer is kept for the last two."""
    return _WHOLE_SEQUENCE.search(text) is not None


def lead_sites(text: str) -> list[int]:
    """Where the trigger finds a lead that :func:`find` would judge: a lone
    ``â``, or a lead that is no plain letter of its word."""
    return [
        match.start()
        for match in _trigger_re().finditer(text)
        if text[match.start()] == LONE_PUNCTUATION_LEAD or not _plain_letter_at(text, match.start())
    ]


# Single letters and pairs (``ù``, ``ân``) say nothing about a word.
_SHORTEST_WRITTEN = 3


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


def _starts_a_written_word(prefix: str) -> bool:
    """Whether a common word spelled with a lead begins with ``prefix``
    (``châ`` for ``château``, ``întâ`` for ``întâlnire``): a text cut at a
    character boundary inside such a word ends with the lead as written."""
    words = _written_in_order()
    prefix = prefix.casefold()
    index = bisect.bisect_left(words, prefix)
    return index < len(words) and words[index].startswith(prefix)


def _trailing_letters(text: str) -> str:
    """The run of letters that ends ``text`` (``â`` of ``L’â``'s stem is ``""``)."""
    index = len(text)
    while index > 0 and is_letter(text[index - 1]):
        index -= 1
    return text[index:]


def _in_a_written_word(text: str, start: int, word: tuple[int, int] | None = None) -> bool:
    """Whether the lead at ``start`` is a letter of a word spelled so: a
    common one, a lone ``â`` inside a word that holds letters no Latin-1
    or Windows-1252 reading shows (Romanian ``smântână``, with ``ă``), or a
    letter standing alone that no damaged character could have been
    (Italian ``«È una``). ``word`` is the run of letters around it, when
    already known."""
    if text[start + 1 : start + 2] in MARKERS:
        return False
    if text[start + 1 : start + 2] in continuation_bytes() and _has_whole_sequence(
        _line_of(text, start)
    ):
        # Glued to a continuation byte in a text of mojibake (``giá»,`` for
        # Vietnamese ``giờ,``), the letter of ``giá`` is a lead.
        return False
    left, right = word or _letters_around(text, start)
    if right - left == 1 and text[start] in _never_alone_damaged():
        return True
    if right - left < _SHORTEST_WRITTEN:
        return False
    letters = text[left:right]
    if letters.casefold() in _written_leads():
        return True
    return (
        text[start] == LONE_PUNCTUATION_LEAD
        and left < start < right - 1
        and any(ch not in _READ_AS_LATIN_1 for ch in letters)
        and not _a_word_before(text[left:start])
    )


def _a_word_before(letters: str) -> bool:
    """Whether ``letters`` (before an ``â`` inside a word) are a word of
    some language of their script: then ``â`` was an apostrophe before a
    suffix (Turkish ``Iğdırâda`` is ``Iğdır’da``), not a letter."""
    scripts = {script_of(ch) for ch in letters} - {"Common"}
    if len(letters) < _SHORTEST_WRITTEN or len(scripts) != 1:
        return False
    return any(
        zipf(letters, lang) >= _LISTED for lang in LANGUAGES_BY_SCRIPT.get(scripts.pop(), ())
    )


# What a Latin-1 or Windows-1252 reading of bytes can show.
_READ_AS_LATIN_1 = frozenset(
    bytes(range(0x100)).decode("latin-1") + bytes(range(0x80, 0xA0)).decode("cp1252", "ignore")
)


def _worth_a_look(text: str, start: int) -> bool:
    """Whether the lead at ``start`` that the trigger matched is a site
    :func:`find` keeps, as far as a cheap look can tell: a letter of a common
    word spelled so, and a plain letter in a text with no whole sequence
    anywhere, are as written."""
    if _cut_at_the_end().match(text, start + 1):
        return not _ends_its_word(text, start)
    word = _letters_around(text, start)
    if _in_a_written_word(text, start, word):
        return False
    if text[start] == LONE_PUNCTUATION_LEAD or not (
        _plain_letter_at(text, start, word) or _before_a_letter_byte(text, start)
    ):
        return True
    return _has_whole_sequence(_line_of(text, start))


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
    return not _cut_after_a_letter(before, lead) and not _has_whole_sequence(_line_of(text, start))


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


def _lead_script(text: str, start: int) -> str:
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


@dataclass(frozen=True, slots=True)
class _Token:
    """A damaged word: the spans it may cover, longest reading first, and
    the damage models that fit each."""

    site: Site
    script: str
    spans: tuple[tuple[int, int, tuple[str, ...]], ...]


def _is_token_char(text: str, index: int) -> bool:
    ch = text[index]
    if is_word_char(ch) or ch in byte_chars():
        return True
    return ch in "?\ufffd" and index > 0 and text[index - 1] in byte_chars()


def _token(text: str, site: Site, damage: Damage) -> _Token:
    page = code_page("cp1252").byte_of
    core_end = _core_end(text, site)
    script = _lead_script(text, site.start)
    left = site.start
    floor = max(0, site.start - WORD_REACH)
    while left > floor and _is_token_char(text, left - 1):
        left -= 1
    right = core_end
    ceiling = min(len(text), core_end + WORD_REACH)
    while right < ceiling and _is_token_char(text, right):
        right += 1
    if (left == floor > 0 and _is_token_char(text, left - 1)) or (
        right == ceiling < len(text) and _is_token_char(text, right)
    ):
        return _Token(site, script, ())  # longer than any word: nothing to look up
    while left < site.start and not text[left].isalpha() and page.get(text[left], 0) < 0xC0:
        left += 1  # punctuation before the word (« “), not a byte of it
    base = damage.models
    spans = [(left, end, base) for end in _ends(text, core_end, right)]
    if damage.nbsp:
        # No-break spaces inside the word (``Ð Ð¸Ð¼`` for ``Рим``, ``×ª×›× × ×ª``
        # for ``מתכננת``), or ending it: the first readings when the text went
        # through Windows-1252 (only then is a lost byte rarer than a no-break
        # space), else the last.
        nbsp: tuple[str, ...] = ("nbsp",)
        merged: list[tuple[int, int, tuple[str, ...]]] = []
        further = right
        while (
            further < min(len(text), left + WORD_REACH)
            and text[further] == " "
            and page.get(text[further - 1], 0) >= 0xC2
        ):
            merged.append((left, further + 1, nbsp))
            after = further + 1
            further = after
            while further < len(text) and _is_token_char(text, further):
                further += 1
            if further == after:
                break
            merged += [(left, end, nbsp) for end in _ends(text, after, further)]
        merged.sort(key=lambda span: -span[1])
        spans = merged + spans if damage.cp1252 else spans + merged
    return _Token(site, script, tuple(spans))


def _ends(text: str, core_end: int, right: int) -> list[int]:
    """Where a word running to ``right`` may end, longest first: punctuation
    after it (» ” ? ״) is not a byte of it, unless it is all there is."""
    ends = []
    end = right
    while end > core_end:
        ends.append(end)
        if text[end - 1].isalpha() or "\x80" <= text[end - 1] <= "\x9f":
            return ends
        end -= 1
    ends.append(end)
    return ends


@dataclass(frozen=True, slots=True)
class _Match:
    """A span of a token that words of a language damage into, and its key."""

    start: int
    end: int
    key: str
    model: str


def _matches(text: str, token: _Token, lang: str, rarer: bool = False) -> _Match | None:
    """The first span of ``token`` some words of ``lang`` damage into; with
    ``rarer``, of the rarer words (:func:`lookup`)."""
    for start, end, models in token.spans:
        piece = text[start:end]
        for model in models:
            if model != "nbsp" and (MARKER in piece or "?" in piece[1:]):
                model = "marked"
            elif model == "marked":
                continue
            key = _key(piece, model)
            if key is not None and _words_damaged_into(key, lang, model, rarer):
                return _Match(start, end, key, model)
    return None


@functools.lru_cache(maxsize=1 << 12)
def _words_damaged_into(
    key: str, lang: str, model: str, rarer: bool
) -> tuple[tuple[str, float], ...]:
    """The words of ``lang`` whose damaged form is ``key``, with their
    frequencies. A one-letter "word" the language does not write is list
    noise (``à`` in Icelandic): ``Ã `` is ``Í`` and a space there."""
    found = lookup(key, lang, model, rarer)
    return tuple((w, f) for w, f in found if len(w) > 1 or w.casefold() in alphabet(lang))


@functools.lru_cache(maxsize=1 << 12)
def _ranked_words(
    key: str, lang: str, model: str, rarer: bool, sentence_start: bool, capitals: bool
) -> tuple[tuple[tuple[str, float], ...], float]:
    """:func:`_words_damaged_into`, weighted by how their case fits where
    they stand, likeliest first, and the sum of their weights. A key that C1
    stripping gives hundreds of words (``×××``) recurs throughout a text."""
    found = _case_weighted(_words_damaged_into(key, lang, model, rarer), sentence_start, capitals)
    total = sum(frequency for _, frequency in found)
    return tuple(sorted(found, key=lambda item: -item[1])), total


def _key(piece: str, model: str) -> str | None:
    """:func:`token_key`, except that a lenient decode's C1 controls for the
    undefined bytes stay in a ``nbsp`` key: that damage keeps them."""
    if model != "nbsp" or not _KEPT_UNDEFINED.search(piece):
        return token_key(piece, model)
    out: list[str] = []
    for part in re.split(f"({_KEPT_UNDEFINED.pattern})", piece):
        key = part if _KEPT_UNDEFINED.fullmatch(part) else token_key(part, model)
        if key is None:
            return None
        out.append(key)
    return "".join(out)


def _dictionary_languages(judge: _Judge, tokens: Sequence[_Token], script: str) -> list[str]:
    """The languages to look ``script``'s damaged words up in: the text's own
    for Latin, else the one of the script that knows most of them."""
    if script == "Latin":
        return [judge.lang] if judge.lang is not None and judge.script == "Latin" else []
    languages = DICTIONARY_LANGUAGES.get(script, ())
    if len(languages) < 2:
        return list(languages)
    text = judge.text
    votes = {
        lang: sum(_matches(text, token, lang) is not None for token in tokens) for lang in languages
    }
    best = max(languages, key=lambda lang: votes[lang])
    return [best]


def _known_as_is(judge: _Judge, text: str, token: _Token) -> bool:
    """Whether the token's word is a word of the text's language as it
    stands (``âge``, ``Åse``): then nothing was lost. Its case must fit
    too: a capital inside a small word (``vÃ``) is a byte, not a letter."""
    start, end, _ = token.spans[-1]
    word = text[start:end]
    if any(ch in byte_chars() and not is_letter(ch) for ch in word):
        return False  # ``giá»``: a byte glued to the word
    return _case_fits(word) and judge.word_zipf(word, 1) > 0.0


def _case_fits(word: str) -> bool:
    """Whether ``word`` is written in small letters, capitalised or in capitals."""
    letters = [ch for ch in word if ch.isalpha()]
    rest = letters[1:]
    if not any(ch.isupper() for ch in rest):
        return True
    return bool(letters) and letters[0].isupper() and all(ch.isupper() for ch in rest)


# How much less likely a capitalised word is inside a sentence (or a small
# one at its start) when the lost bytes leave the case open (``Äas``: č or Č).
_CASE_PENALTY = 0.2


def _case_weighted(
    found: Iterable[tuple[str, float]], sentence_start: bool, capitals: bool
) -> list[tuple[str, float]]:
    """Forms weighted by how well their case fits where they stand: a capital
    opens a sentence, and a word of capitals (``TĀ`` for ``TÄ``) stands among
    capitals, where it is less likely still than a capitalised one (``Tā``)."""
    weighted = []
    for form, frequency in found:
        shouted = len(form) > 1 and form.isupper()
        capitalised = form[:1].isupper() and not shouted
        small = form[:1].islower()
        if (capitalised and not sentence_start) or (small and sentence_start):
            frequency *= _CASE_PENALTY
        if shouted and not capitals:
            frequency *= _CASE_PENALTY**2
        weighted.append((form, frequency))
    return weighted


def _word_follows(text: str, at: int) -> bool:
    """Whether a word starts right at ``at``, and not more mojibake."""
    return is_letter(text[at : at + 1] or " ") and not utf8_scan.is_suspect(text[at : at + 4])


def _decoded_tail(text: str, end: int) -> tuple[int, str]:
    """Whole mojibake sequences right after a word (``×´`` for ``״``): the
    finding covers them too, decoded, or nothing would decode them once it
    is applied."""
    stop = end
    while stop < len(text) and _is_token_char(text, stop):
        stop += 1
    tail = demojibake(text[end:stop])
    if tail == text[end:stop] or any(ch in byte_chars() for ch in tail):
        return end, ""
    return stop, tail


def _dictionary_findings(
    text: str, sites: Sequence[Site], judge: _Judge, damage: Damage
) -> list[Finding]:
    """Whole damaged words found in a damaged-word dictionary."""
    tokens: list[_Token] = []
    for site in sites:
        if site.readings[0].text == "":
            continue
        token = _token(text, site, damage)
        if not token.spans or (tokens and tokens[-1].spans == token.spans):
            continue
        tokens.append(token)
    by_script: dict[str, list[_Token]] = {}
    for token in tokens:
        by_script.setdefault(token.script, []).append(token)
    languages_of = {
        script: _dictionary_languages(judge, members, script)
        for script, members in by_script.items()
    }
    findings: list[Finding] = []
    reach = -1
    for token in tokens:
        if token.site.start < reach:
            continue
        script = token.script
        languages = languages_of[script]
        if script == "Latin":
            if judge.lang is None or _known_as_is(judge, text, token):
                continue
            languages = [judge.lang]
        for lang in languages:
            match = _matches(text, token, lang)
            rarer = match is None
            if rarer:
                match = _matches(text, token, lang, rarer=True)
            if match is None:
                continue
            start, end = match.start, match.end
            # A space that stood for the word's last byte (``voilÃ le``) was
            # the space after the word too: the two became one on the way.
            absorbed = " " if text[end - 1] == " " and _word_follows(text, end) else ""
            end, tail = _decoded_tail(text, end)
            tail += absorbed
            ranked, total = _ranked_words(
                match.key,
                lang,
                match.model,
                rarer,
                _starts_sentence(text, start),
                _capitals_around(text, start, end) is not False,
            )
            word, frequency = ranked[0]
            share = frequency / total
            if len(word) == 1:
                # Which one-letter word (``с`` or ``я``) depends on the
                # sentence, which word frequencies do not see.
                share *= share
            if rarer and share < _SURE_OF_A_RARER_WORD:
                continue  # the letters are judged one by one instead
            if word + tail == text[start:end]:
                break  # the likeliest word is the one written
            reach = end
            findings.append(
                Finding(
                    start=start,
                    end=end,
                    detector=DETECTOR_ID,
                    confidence=min(0.99, share),
                    reason=f"UTF-8 that lost bytes: the {lang} word {word!r} damaged this way",
                    replacement=word + tail,
                    alternatives=tuple(
                        Candidate(form + tail, share / total)
                        for form, share in ranked[:_ALTERNATIVES]
                    ),
                )
            )
            break
    return findings


def find(text: str) -> Iterator[Finding]:
    """Findings for every damaged site of ``text``, each judged by its own
    line (:func:`_by_line`)."""
    return _by_line(text, lambda number, line: Damage.of(line))


def find_repaired(text: str, original: str) -> Iterator[Finding]:
    """Findings in ``text``, which earlier repairs made of ``original``: the
    damage is what ``original`` shows (the Windows-1252 characters that told
    which bytes were lost are gone once decoded), line by line. Repairs keep
    line breaks, so the lines of both pair up."""
    originals = original.split("\n")
    if len(originals) != text.count("\n") + 1:
        return find(text)
    return _by_line(text, lambda number, line: Damage.of(originals[number]))


def _by_line(text: str, damage_of: Callable[[int, str], Damage]) -> Iterator[Finding]:
    """The findings of each damaged line of ``text``, judged by what that
    line shows (``damage_of`` its number and text): a document joins lines
    from many sources, and what one shows says nothing of how another was
    damaged. Only the punctuation style is read more widely, from the lines
    around it of its source (:func:`_passage`): one article's lines write
    their quotation marks alike, while a line in another script or language
    comes from elsewhere."""
    sources: dict[int, _Source | None] = {}
    damages: dict[int, Damage] = {}
    number, counted = 0, 0
    for start, end, whole in _damaged_lines(text):
        number += text.count("\n", counted, start)
        counted = start
        part = text[start:end]
        if whole:
            damage = damage_of(number, part)
            style: Callable[[], str | None] = functools.partial(
                _style_source, text, start, end, sources
            )
        else:
            # A window of a long line: the damage is the whole line's, read
            # once; the style, the window's own.
            if number not in damages:
                damages[number] = damage_of(number, text[slice(*line_around(text, start))])
            damage, style = damages[number], lambda: None
        yield from _shifted(_find(part, damage, style), start)


def _style_source(
    text: str, start: int, end: int, sources: dict[int, _Source | None]
) -> str | None:
    """The passage the punctuation style of the line from ``start`` to
    ``end`` is read from (:func:`_passage`), ``None`` for the line alone,
    as where no line within reach holds a mark the style is read from."""
    reach = max(0, start - _PASSAGE_REACH), end + _PASSAGE_REACH
    if not (_STYLE_MARK.search(text, reach[0], start) or _STYLE_MARK.search(text, end, reach[1])):
        return None
    left, right = _passage(text, start, end, sources)
    return text[left:right] if (left, right) != (start, end) else None


def _damaged_lines(text: str) -> Iterator[tuple[int, int, bool]]:
    """The start and end of every line of ``text`` the trigger fires in, and
    whether it is the whole line: a line longer than :data:`_LONGEST_LINE`
    is judged in windows around its sites (:func:`_window_around`)."""
    trigger = _trigger_re()
    position = 0
    while (match := trigger.search(text, position)) is not None:
        start, end = line_around(text, match.start())
        if end - start <= _LONGEST_LINE:
            yield start, end, True
            position = end + 1
        else:
            # Never back into the window before: its sites are judged.
            start, end = _window_around(text, max(start, position), end, match.start())
            yield start, end, False
            position = end
        if end == len(text):
            return


# Lines longer than this are judged in windows around their sites, each
# reaching this far at most: what lies farther from a site tells nothing of
# it, and the whole line read again for every site would make the work grow
# faster than the text.
_LONGEST_LINE = 4000


def _window_around(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """A window from ``start`` to ``end`` of a line that holds ``at``,
    :data:`_LONGEST_LINE` characters at most, its edges just after a space
    (or at the line's edges): no word is cut, and no window but the line's
    last ends where a character could have been cut short.

    >>> line = "word " * 2000
    >>> _window_around(line, 0, len(line), 5003)
    (3005, 7000)
    """
    reach = _LONGEST_LINE // 2
    left, right = max(start, at - reach), min(end, at + reach)
    if left > start:
        space = text.find(" ", left, at)
        left = space + 1 if space >= 0 else left
    if right < end:
        space = text.rfind(" ", at, right)
        right = space + 1 if space >= 0 else right
    return left, right


# How far, in characters, a passage reaches on either side of its line.
_PASSAGE_REACH = 8000
# A mark the punctuation style is read from: lines without one cannot change it.
_STYLE_MARK = re.compile(f"[{STYLE_MARKS}]")


def _passage(
    text: str, start: int, end: int, sources: dict[int, _Source | None]
) -> tuple[int, int]:
    """The line from ``start`` to ``end`` with the lines around it of its
    source (:func:`_line_source`; lines with no letters go with any),
    :data:`_PASSAGE_REACH` characters at most on either side; ``sources``
    keeps each line's source by its start."""
    if start == 0 and end == len(text):
        return start, end  # the text is one line
    source = _line_source(text, start, end, sources)
    if source is None:
        return start, end
    left, right = start, end
    while left > 0:
        before = text.rfind("\n", 0, left - 1) + 1
        if before < start - _PASSAGE_REACH:
            break
        if not _same_source(source, _line_source(text, before, left - 1, sources)):
            break
        left = before
    while right < len(text):
        after = text.find("\n", right + 1)
        after = len(text) if after < 0 else after
        if after > end + _PASSAGE_REACH:
            break
        if not _same_source(source, _line_source(text, right + 1, after, sources)):
            break
        right = after
    return left, right


# A line's script (kana and Han counted as one) and its language, where it
# has words enough to tell.
_Source = tuple[str, str | None]
# Distinct words a line needs for its language to be told.
_WORDS_TO_TELL = 5


def _line_source(
    text: str, start: int, end: int, sources: dict[int, _Source | None]
) -> _Source | None:
    """The script most letters of the line from ``start`` to ``end`` are
    in, once decoded, and its language where it has words enough to tell;
    ``None`` for a line without letters."""
    if start not in sources:
        line = text[start:end]
        script = _main_script(line)
        if script is None:
            sources[start] = None
        else:
            told = len(sample_words(demojibake(line))) >= _WORDS_TO_TELL
            lang = _script_and_language(line)[1] if told else None
            sources[start] = (_SCRIPT_FAMILY.get(script, script), lang)
    return sources[start]


def _same_source(line: _Source, other: _Source | None) -> bool:
    """Whether ``other`` may come from the same source as ``line``: no
    letters, or the same script and, where both tell it, the same language."""
    if other is None:
        return True
    return line == other or (line[0] == other[0] and None in (line[1], other[1]))


def _shifted(findings: Iterator[Finding], offset: int) -> Iterator[Finding]:
    for finding in findings:
        yield replace(finding, start=finding.start + offset, end=finding.end + offset)


def _find(
    text: str, damage: Damage, style_from: Callable[[], str | None] = lambda: None
) -> Iterator[Finding]:
    """The findings of ``text`` (one line), damaged as ``damage`` says; the
    punctuation style is read from what ``style_from`` gives, where it gives
    something (asked only for a line with sites to judge: reading the lines
    around costs a language guess each)."""
    if not _trigger_re().search(text):
        return
    named = (
        _named_emoji(text, damage)
        if _LOST_EMOJI.search(text) and _shows_damage(text, damage)
        else ()
    )
    # A lead inside a common word spelled with it (``château``) is a letter.
    sites = [
        site
        for site in _sites(text, damage, {char for names in named for char in names})
        if site.readings[0].text == "" or not _in_a_written_word(text, site.start)
    ]
    if sites and all(_plain_letter(text, site) for site in sites) and demojibake(text) == text:
        # Nothing else in the text is mojibake and every lead letter sits in
        # a word of letters (``Åse``, ``LÄNDER``, ``PÅ``): written so, not
        # damaged; only a lone ``â`` still needs its context judged.
        sites = [site for site in sites if text[site.start] == LONE_PUNCTUATION_LEAD]
    if not sites:
        return
    judge = _Judge(text, lost_elsewhere=any(site.readings[0].text for site in sites), sites=sites)
    passage = style_from()
    judge.style = Style.of(text if passage is None else passage, judge.lang)
    judge.named = named
    judge.replaced = damage.replaced
    words = _dictionary_findings(text, sites, judge, damage)
    yield from words
    covered = [(f.start, f.end) for f in words]
    sites = [s for s in sites if not any(a <= s.start < b for a, b in covered)]
    state = judge.quotes = QuoteState(style=judge.style)
    position = 0
    for kind, whole in _groups(text, sites):
        chained = kind == "letter" and judge.chain is not None
        for group in _adjacent_runs(whole) if chained else [whole]:
            state.update(demojibake(text[position : group[0].start]))
            if kind == "cut":
                combos = judge.cut_options(group[0], state)
            elif kind == "mark":
                combos = judge.mark_options(group, state)
            else:
                combos = judge.letter_options(group)
            judged = _judge_group(text, combos, group)
            for item in judged:
                finding = _finding(text, item)
                if finding is not None:
                    yield finding
            best = max(combos, key=lambda combo: combo[1])[0]
            state.update("".join(option.text for option in best))
            position = max(group[-1].end, best[-1].end)


# An emoji lead that lost some of its three continuation bytes.
_LOST_EMOJI = re.compile(
    f"{_LONE_EMOJI_LEAD}|\xf0{_continuation_class()}{{1,2}}(?!{_continuation_class()})"
)


def _shows_damage(text: str, damage: Damage) -> bool:
    """Whether ``text`` shows mojibake besides a lone emoji lead, which may
    be the letter ``ð``: a whole sequence, or a lone ``â`` glued to a word
    that is not written with it (``âunacceptableâ``, a quotation whose marks
    lost two bytes each). Standing alone, ``â`` is the letter (``â and î``)."""
    return damage.mojibake or any(
        text[start] == LONE_PUNCTUATION_LEAD
        and _touches_a_letter(text, start)
        and not _in_a_written_word(text, start)
        for start in (match.start() for match in _trigger_re().finditer(text))
    )


def _touches_a_letter(text: str, start: int) -> bool:
    return text[max(start - 1, 0) : start].isalpha() or text[start + 1 : start + 2].isalpha()


def _named_emoji(text: str, damage: Damage) -> tuple[dict[str, float], ...]:
    """The emoji the words of ``text`` speak of, in its language or English,
    strictest reading first: read more loosely too where undefined bytes
    were lost (25 emoji at most agree with a site), not where C1 controls
    were stripped (a thousand agree with a lone ``ð``)."""
    plain = demojibake(text)
    few = damage.lost != STRIPPED_C1
    return named_emoji_by_strictness(plain, _script_and_language(plain)[1], few)


_WINDOW = 8
# Characters of mojibake read on either side of a run of sites (enough for
# a window of letters once decoded).
_RAW_WINDOW = 4 * _WINDOW
# How much the letter pairs count beside the split into words.
_CHAIN_WEIGHT = 0.5
# Sites with at most this many characters between them are judged together.
_NEAR = 6


def _trailing_run(text: str) -> str:
    """The letters that end ``text`` (a few at most)."""
    end = len(text)
    start = end
    while start > max(0, end - _WINDOW) and is_letter(text[start - 1]):
        start -= 1
    return text[start:]


def _leading_run(text: str) -> str:
    """The letters that start ``text`` (a few at most)."""
    end = 0
    while end < min(len(text), _WINDOW) and is_letter(text[end]):
        end += 1
    return text[:end]


def _adjacent_runs(sites: list[Site]) -> Iterator[list[Site]]:
    """Sites in runs of near ones, judged together: each sees the others'
    readings in the words around it (``烽火å°ç»„æˆ``: ``台`` makes sense
    with ``成`` after ``组``); sites farther apart are judged apart."""
    run = [sites[0]]
    for site in sites[1:]:
        if site.start > run[-1].end + _NEAR:
            yield run
            run = []
        run.append(site)
    yield run


LOSSY_UTF8 = Detector(
    id=DETECTOR_ID,
    summary="UTF-8 mojibake whose continuation bytes were partly lost",
    find=find,
    find_repaired=find_repaired,
    trigger=trigger,
    wake=wake,
    priority=30,
)
