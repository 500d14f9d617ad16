"""The context model: each group of sites read in full, each reading scored in its context.

Punctuation is scored by its place and the quotations open around it, letters
by the words they make in the text's language; keeping the text as it is is
always one of the options.
"""

from __future__ import annotations

import functools
import itertools
import math
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ...charclass import is_letter, script_group, script_of
from ...codepages import code_page
from ...context.candidates import LONE_PUNCTUATION_LEAD, Reading, Site, continuation_bytes
from ...context.damaged import byte_chars
from ...context.letter_chains import (
    CHAINED_LANGUAGES,
    UNSEEN,
    LetterChain,
    letter_chain,
    split_score,
    split_scores,
)
from ...context.quotes import (
    CLOSING_MARKS,
    EMOJI_PRESENTATION,
    PAIRED_MARKS,
    RARE,
    Context,
    QuoteState,
    Style,
    closed_later,
    is_emoji,
    is_plain_emoji,
    is_rare_mark,
    never_closed,
    pairing_score,
    punctuation_score,
    run_score,
)
from ...context.words import (
    LANGUAGES_BY_SCRIPT,
    apostrophe_endings,
    apostrophe_junctions,
    counted_apart,
    known_words,
    leaves_out_marks,
    letter_score,
    listed_letters,
    sample_words,
    spelled_with_alphabet,
    writes_apostrophes,
    zipf,
)
from ...lines import WORD_REACH, run_around
from ...model import Candidate, Finding
from .sequences import (
    decoded_after,
    decoded_before,
    demojibake,
    has_whole_sequence,
    script_and_language,
)
from .sites import (
    MOJIBAKE_EVIDENCE,
    all_mojibake,
    bytes_shown,
    core_end_of,
    lead_of_its_letters,
    lead_of_its_script,
    letters_started_by,
    text_before,
    word_bounds,
)
from .wakes import LISTED, SHORTEST_WRITTEN, other_letters, starts_a_written_word, trailing_letters

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
ALTERNATIVES = 5
# How far on a closing quotation mark is looked for, after a lost one read as closing.
_QUOTE_REACH = 400
# An opening quotation that nothing in its line could close.
_NEVER_CLOSED = -1.5
# A cut character at the end of the text, against keeping what is there.
_CUT_SCORE = 3.0
# Keeping a lead whose marker shows a lost byte (``Ð\ufffd``, ``Ñ?Ð»``).
_MARKED_KEEP = -2.0
# A one-letter word this common (``å``, ``à``, ``è``, Zipf) may close a text;
# rarer single letters are list noise. Longer words count from the small
# lists on (Zipf 3).
_ONE_LETTER_WORD = 4.0
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
# The share of words the guessed language must know for the guess to count,
# and how many at least.
_KNOWN_WORDS = 0.6
_LEAST_KNOWN = 2
# What makes the guessed language sure: this many known words (a UI string
# of a language the lists lack shows a few of a neighbour's), and this share
# of the words spelled (Finnish inflects many words past the lists).
_SURE_WORDS = 8
_SURE_SHARE = 0.5
# Or at least this many, and this share.
_LEAST_SURE = 4
_NEARLY_ALL_WORDS = 0.9


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


def _softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    weights = [math.exp(score - top) for score in scores]
    total = sum(weights)
    return [weight / total for weight in weights]


def _lost_for_sure(text: str, site: Site) -> bool:
    """Whether the site shows a byte was lost: U+FFFD after its lead, or a
    ``?`` that its word goes on after (``Ñ?Ð»``), which no question mark does."""
    shown = text[site.start + 1 : site.end]
    if "\ufffd" in shown:
        return True
    return "?" in shown and site.end < len(text) and text[site.end].isalpha()


def starts_sentence(text: str, index: int) -> bool:
    """Whether the word at ``index`` opens a sentence (its first letter is a capital)."""
    before = text_before(text, index).rstrip(" \t\"'“„«‘([")
    return not before or before[-1] in ".!?…\n:"


# How far around a word its neighbours tell whether the text is in capitals.
_CAPITALS_REACH = 24


def capitals_around(text: str, left: int, right: int) -> bool | None:
    """Whether the text around the word from ``left`` to ``right`` is written
    in capitals, by the letters no mojibake can have made (``Ã`` looks like
    one); ``None`` where there are too few of them to tell."""
    around = text[max(0, left - _CAPITALS_REACH) : left] + text[right : right + _CAPITALS_REACH]
    letters = [ch for ch in around if ch.isalpha() and ch not in byte_chars()]
    if len(letters) < 2:
        return None
    return all(ch.isupper() for ch in letters)


class Judge:
    """The context model for one line: its language, style and quote state."""

    def __init__(self, text: str, lost_elsewhere: bool = False, sites: Sequence[Site] = ()) -> None:
        self.text = text
        # What the sites with one reading only were (``ã®`` is ``の``, where
        # Windows-1252's undefined bytes were dropped): letters of the text
        # as sure as those it shows whole, for telling its language.
        self._sure = [
            (site.start, site.readings[0].text) for site in sites if len(site.readings) == 1
        ]
        self._leads = frozenset(text[site.start] for site in sites)
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
        # Whether the line as it came, before earlier passes repaired it,
        # showed whole sequences of mojibake (:class:`Damage`).
        self.came_as_mojibake = False

    @functools.cached_property
    def _guessed(self) -> tuple[str, str | None]:
        """The script and language of the text, with what the sure sites were."""
        sure = "".join(ch for _, ch in self._sure)
        return script_and_language(self.text + " " + sure, "".join(self._leads))

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
    def _known_words(self) -> tuple[int, int]:
        """How many words of the text the guessed language knows, of how many
        hold no lead of a site (as far as they can be decoded)."""
        lang = self.lang
        return (0, 0) if lang is None else known_words(self._decoded, lang, self._leads)

    @property
    def language_shown(self) -> bool:
        """Whether words of the text show its guessed language: one word
        vouches for none (``Tanska`` of ``Tanska ruvnâ`` is Finnish,
        ``ruvnâ`` Inari Sami)."""
        return self._known_words[0] >= _LEAST_KNOWN

    @property
    def language_known(self) -> bool:
        """Whether the guessed language shows and knows most of the words of the text."""
        known, spelled = self._known_words
        return self.language_shown and known >= _KNOWN_WORDS * spelled

    @property
    def language_sure(self) -> bool:
        """Whether the guessed language knows enough words of the text to
        tell it from a language the lists lack: many of them (Finnish
        inflects past the lists), or nearly all of a few."""
        known, spelled = self._known_words
        if known >= _SURE_WORDS:
            return known >= _SURE_SHARE * spelled
        return known >= _LEAST_SURE and known >= _NEARLY_ALL_WORDS * spelled

    @property
    def language_unlisted(self) -> bool:
        """Whether the text may be in a language the lists lack: the guessed
        language knows few of its words, or does not write all the letters
        the text shows whole (``ä`` of Sango ``Sên-Vensäan``, guessed
        Vietnamese for ``ê`` and ``na``)."""
        if not self.language_known:
            return True
        script = self.script
        return not all(self.legit(ch) for ch in self._letters_written if script_of(ch) == script)

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
        return spelled_with_alphabet(ch, lang)

    @functools.cached_property
    def marks_written(self) -> frozenset[str]:
        """The scripts of the combining marks the text shows, decoded."""
        return frozenset(script_of(ch) for ch in self._decoded if unicodedata.category(ch) == "Mn")

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
            if found >= LISTED:
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
        core_end = core_end_of(text, site)
        after = text[core_end] if core_end < len(text) else " "
        if lead == LONE_PUNCTUATION_LEAD and _among_capitals(text, site.start):
            return 0.0  # a capital word writes ``Â``: ``LâAÃROPORT`` lost a mark
        # A capital after a small letter, or between a letter and a small one,
        # breaks its word's case (``pretlÃ¡Äa``, its neighbour decoded;
        # ``IÄdır``): a byte, as sure as a marker shows one.
        if lead.isupper():
            previous = decoded_before(text, site.start)
            if previous.islower() or (previous.isalpha() and after.islower()):
                return _MARKED_KEEP
        # So does a small one before a capital (``âBu``: ``“Bu``), but in a
        # text of a language we do not know that writes whole letters like
        # it, where it is a prefix (Sango ``âGrenadîni`` beside ``Sên-Vensäan``).
        if lead.islower() and after.isupper():
            own = not self.damaged_elsewhere and self.language_unlisted
            return 4.0 if own and self.writes_alike(lead) else 0.0
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
            and (before.isalpha() or self._opens_an_unknown_word(core_end))
            and (after.isalpha() or not self.language_known)
            and (not shown or shown.isalpha())
            and self.letter_elsewhere(lead)
        ):
            # Inside a word, or at either end of one in a text whose language
            # we do not know, a letter of another language of the script may
            # be what was written (``africâner`` in Portuguese, ``Gwlad yr
            # Iâ`` in Welsh, ``âldingelsk`` in Frisian, not ``Biden âwill``);
            # not before a byte no word is spelled with (``valmisâ¦``).
            return 4.0
        if (
            lead == LONE_PUNCTUATION_LEAD
            and not (before.isalpha() or after.isalpha() or shown)
            and not (self.language_sure or self.damaged_elsewhere or self.came_as_mojibake)
            and self.letter_elsewhere(lead)
        ):
            # Standing alone in a text that shows no mojibake, whose language
            # we are not sure of, a letter of another language may be a word
            # of its own (Welsh ``Methu â gosod``, ``Yr un peth â``: with).
            return 4.0
        if (
            lead == LONE_PUNCTUATION_LEAD
            and before.isalpha()
            and not (after.isalpha() or shown)
            and not (self.damaged_elsewhere or self.came_as_mojibake)
            and self._no_word_before(site.start)
        ):
            # Closing letters no list knows as a word, in a text that shows no
            # mojibake: as likely the letter of a language the lists lack
            # (Friulian ``analizâ la``) as a mark lost after a word.
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
            before = decoded_before(text, site.start) or " "
            after = decoded_after(text, core_end) or " "
            if not (is_letter(before) or is_letter(after)):
                return 4.0
        if core_end - site.start > 1 and (
            has_whole_sequence(text) or not text[site.start + 1 : core_end].isalpha()
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
        if (self.damaged_elsewhere or self.came_as_mojibake) and self._glued_across_scripts(site):
            # A letter of another script glued to a letter of the text's, or
            # a sign inside a word of its letters, in a text of mojibake
            # (``ÎΑΥΤΕΜΠΟΡΙΚΗ``, ``בפורמ×ט``): no word is written so, as
            # sure a byte as a marker shows.
            return _MARKED_KEEP
        return 1.0

    def _glued_across_scripts(self, site: Site) -> bool:
        """Whether the lead of ``site``, not of the text's script, touches a
        letter of the text's script (its neighbours decoded): a letter on
        either side, a sign (``×``) on both."""
        text = self.text
        own = script_group(self.script)
        lead = text[site.start]
        if script_group(script_of(lead)) == own:
            return False
        neighbours = decoded_before(text, site.start), decoded_after(text, core_end_of(text, site))
        touching = [
            ch and is_letter(ch) and script_group(script_of(ch)) == own for ch in neighbours
        ]
        return any(touching) if is_letter(lead) else all(touching)

    def _opens_an_unknown_word(self, core_end: int) -> bool:
        """Whether letters follow ``core_end`` that are no word of the text's
        language: in a text whose language we do not know, then, a lead
        opening them may be the word's first letter."""
        rest = self._letters_after(core_end)
        return bool(rest) and not self.language_known and not self.word_zipf(rest, SHORTEST_WRITTEN)

    def _letters_after(self, index: int) -> str:
        """The run of letters that starts at ``index``, read no farther than a word reaches."""
        _, end = run_around(self.text, index, index, str.isalpha)
        return self.text[index:end]

    def edge_keep_score(self, start: int, core_end: int) -> float | None:
        """A lone ``â`` opening or closing a word, in a language that writes
        ``â``: a letter when the word is spelled so (``âge``, ``âncora``), a
        lost mark when the word without it is a known word (``âponto``,
        ``retornoâ``: Portuguese ``“ponto … retorno”``); ``None`` when the
        words do not tell."""
        text = self.text
        if core_end < len(text) and text[core_end].isalpha():
            rest = self._letters_after(core_end)
            word = LONE_PUNCTUATION_LEAD + rest
        else:
            rest = trailing_letters(text_before(text, start))
            word = rest + LONE_PUNCTUATION_LEAD
        if self.word_zipf(word) > 0.0 or starts_a_written_word(word):
            return 4.0
        return 0.0 if self.word_zipf(rest, SHORTEST_WRITTEN) > 0.0 else None

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
        return any(
            spelled_with_alphabet(ch, lang) for lang in LANGUAGES_BY_SCRIPT.get(self.script, ())
        )

    def _no_word_before(self, start: int) -> bool:
        """Whether the letters right before ``start`` are no common word of
        the lists (Spanish lists Friulian ``instal`` at Zipf 1.6: noise)."""
        left, _ = word_bounds(self.text, start, start)
        stem = trailing_letters(demojibake(self.text[left:start]))
        return self.word_zipf(stem, 1) < LISTED

    def keep_score(self, site: Site) -> float:
        left, right = word_bounds(self.text, site.start, core_end_of(self.text, site))
        word = demojibake(self.text[left:right])
        return self.keep_bonus(site) + self.word_zipf(word)

    def elision_score(self, site: Site) -> float:
        """An apostrophe inside a word joins two real pieces (``America’s``,
        ``l’homme``); a letter of a word (``africâner``, ``château``) does not."""
        text = self.text
        end = core_end_of(text, site)
        if not (site.start and end < len(text)):
            return 0.0
        if not (text[site.start - 1].isalpha() and text[end].isalpha()):
            return 0.0
        left, _ = word_bounds(text, site.start, site.start)
        _, right = word_bounds(text, end, end)
        pieces = (demojibake(text[left : site.start]), demojibake(text[end:right]))
        joined = self.word_zipf(pieces[0] + "'" + pieces[1]) - 3.0
        if not self.language_known:
            # Pieces that are words tell of an elision only in the language
            # of the text: a name of another (``Itânia``, ``Jesuânia``) splits
            # into English ``it`` and ``nia`` as well as any. Nor does an
            # elision the guessed language lists as rarely as it lists ``’s``
            # after any stem (English ``abc's``, ``b's``, ``macy's``: Zipf 3):
            # a word alone may as well be of a language the lists lack
            # (Friulian ``Abcâs``, Arpitan ``Payis-Bâs``).
            return max(-2.0, min(2.0, joined - 1.0))
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
            or (
                lang is not None
                and (pieces[0][-1:].casefold(), pieces[1][:1].casefold())
                not in apostrophe_junctions(lang)
            )
        ):
            # Short pieces are words by chance; so are the pieces around a
            # letter of a language that writes no apostrophes inside words
            # (Romanian ``tac`` and ``muri`` in ``tacâmuri``, where Turkish
            # ``Kütüphanesi’nin`` is how names take endings), and a letter
            # alone after it that the language does not end any word with
            # (Italian ``t`` of Friulian ``Sultanât``, English ``t`` of
            # ``tornât``: English ``’t`` follows a few words, ``’s`` any)
            # or between letters its words never put one between (``t’t`` of
            # Friulian ``unitât`` in Catalan, where ``deixa’t`` is):
            # only the elision itself, listed, tells.
            return max(-2.0, min(2.0, joined))
        lowest = min(self.word_zipf(piece, 1) for piece in pieces)
        if lowest < LISTED:
            # A piece no common word (``riv`` and ``ts`` of Friulian
            # ``rivâts``): list noise, not an elision.
            return max(-2.0, min(2.0, joined))
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
        if self._a_letter_that_cuts_none_of_its_own(site):
            return 4.0
        if lead_of_its_script(text, start) or all_mojibake(text, start):
            return 0.0
        left, _ = word_bounds(text, start, start)
        stem = demojibake(text[left:start])
        before = stem[-1:] or (text[start - 1] if start else " ")
        if not is_letter(lead):
            return 0.0 if is_letter(before) else 4.0
        if not stem or not is_letter(before):
            # Standing alone: a one-letter word (``å``, ``à``), or a letter
            # the text writes, may close a text; another is the lead of a cut
            # character, the likelier where it is the first byte of the text's
            # own letters (Hungarian ``paprika Ã``: ``á`` is ``C3 A1``).
            if self.word_zipf(lead, 1) >= _ONE_LETTER_WORD:
                return 4.0
            if self.legit(lead) and lead in demojibake(text[:start]):
                return 4.0  # a letter the text writes elsewhere (Icelandic ``að ð``)
            if before.isspace() and not self.legit(lead) and not lead_of_its_letters(text, start):
                return self.foreign_letter_bonus(lead)
            return 1.0
        if before.islower() and lead.isupper():
            return 0.0
        word = stem + lead
        whole = self.word_zipf(word)
        if whole >= LISTED:
            return 2.0 + whole
        if lead == LONE_PUNCTUATION_LEAD:
            return self.lone_mark_keep_score(text, start, stem)
        return 2.0 if self.legit(lead) else self.foreign_letter_bonus(lead)

    def _a_letter_that_cuts_none_of_its_own(self, site: Site) -> bool:
        """Whether the dangling bytes are a letter of the text's language,
        which its words show beyond doubt, that could start none of its
        letters (Spanish ``está``: ``á`` is E1,
        the lead of Georgian, Myanmar or Vietnamese's ``ạ``, none Spanish):
        a cut there would be of a character the language does not write."""
        text = self.text
        lead = text[site.start]
        if not (self.language_sure and is_letter(lead) and self.legit(lead)):
            return False
        started = letters_started_by(bytes_shown(text, site))
        # A letter that casefolds to others (``ẞ`` to ``ss``) is no letter of
        # the alphabet it folds into.
        return started is not None and not any(
            len(ch.casefold()) == 1 and self.legit(ch) for ch in started
        )

    def lone_mark_keep_score(self, text: str, start: int, stem: str) -> float:
        """``â`` closing a word of a text that does not show it went through
        Windows-1252 is a letter when it continues the word as common words
        do (``châ`` of ``château``, ``Româ``) or is a letter of the language
        after no word of it (``smântâ``); after a whole word of the text's
        language (``chalumeauâ``, ``sichâ``) or in a language that does not
        write it, a mark was lost. A text of one word tells no language its
        word could be one of (``Arhâ``, a name), nor does a word of a language
        no other word of the text shows (``de zenâ``, Walloon)."""
        run = trailing_letters(stem)
        if starts_a_written_word(run + LONE_PUNCTUATION_LEAD):
            return 4.0
        if len(sample_words(text)) < 2:
            return self.foreign_letter_bonus(LONE_PUNCTUATION_LEAD)
        damaged = self.damaged_elsewhere or self.lost_elsewhere or self.came_as_mojibake
        # Where nothing else tells of damage, the language must be sure: a
        # few known words (``Non di … di monitorâ``, Friulian taken for
        # Italian) may be of a language the lists lack, which writes the letter.
        if (self.language_sure if not damaged else self.language_shown) and self.word_zipf(
            run, SHORTEST_WRITTEN
        ) > 0.0:
            return 0.0
        if MOJIBAKE_EVIDENCE.search(text, 0, start):
            if self.legit(LONE_PUNCTUATION_LEAD):
                return 0.0
            return self.foreign_letter_bonus(LONE_PUNCTUATION_LEAD)
        # After no word, in a text that shows no mojibake before it, the
        # letter of some language (Friulian ``mostrâ``) as much as a mark.
        if self.legit(LONE_PUNCTUATION_LEAD) or self.letter_elsewhere(LONE_PUNCTUATION_LEAD):
            return 4.0
        return 0.5

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
        left, _ = word_bounds(text, site.start, site.start)
        stem = demojibake(text[left : site.start])
        if not is_letter(ch) or len(trailing_letters(stem)) < SHORTEST_WRITTEN - 1:
            return 0.0
        if stem[-1].islower() and ch.isupper():
            return 0.0
        found = self._some_word_zipf(stem + ch)
        return 2.0 + found if found >= LISTED else 0.0

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
        before = decoded_before(text, site.start)
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
            stem = _trailing_run(demojibake(text_before(text, site.start)))
            scores = [
                split_score(stem + reading.text, self.lang) if is_letter(reading.text) else UNSEEN
                for reading in site.readings[1:]
            ]
            best = max(scores, default=0.0)
            for reading, score in zip(site.readings[1:], scores, strict=True):
                options.append(((Option(reading.text, reading.end),), _CUT_SCORE + score - best))
        elif self.lost_elsewhere and self.lang is not None:
            # The text lost bytes before its end: its last character lost
            # its own the same way where that makes a word of the language
            # (``עולם``, whose ``D7 9D`` lost its undefined ``9D``).
            word_start, _ = word_bounds(text, site.start, site.start)
            stem = demojibake(text[word_start : site.start])
            zipfs = [
                self.word_zipf(stem + reading.text) if is_letter(reading.text) else 0.0
                for reading in site.readings[1:]
            ]
            best = max(zipfs, default=0.0)
            # Only a word whose other letters are all read tells (``בס×ל``
            # holds another site: its ``לא`` is no word of it).
            if best >= LISTED and stem.isalpha():
                for reading, found in zip(site.readings[1:], zipfs, strict=True):
                    if found:
                        options.append(
                            ((Option(reading.text, reading.end),), _CUT_SCORE + found - best)
                        )
        return options

    def _rare(self, reading: Reading) -> bool:
        """Whether ``reading`` is a rare mark the text writes nowhere."""
        return is_rare_mark(reading.text) and reading.text not in self.style.present

    def _worth_scoring(self, site: Site) -> list[Reading]:
        """The readings of a punctuation site to score, in order. Rare marks
        all score RARE alike, and so do emoji but right before a variation
        selector: the first ones a site has stand for the rest of their
        kind (a lone ``â`` has hundreds of each), but those the text
        writes, and all of them where the text replaced its lost bytes
        (each then scores by its markers)."""
        readings = site.readings
        if self.replaced:
            return list(readings)
        common, rare, emoji = _marks_by_rarity(tuple(reading.text for reading in readings))
        present = self.style.present
        chosen = list(common)
        for kind in (rare, emoji):
            alike = 0
            for at in kind:
                reading = readings[at]
                if reading.text in present or (
                    kind is emoji and _selector_at(self.text, reading.end)
                ):
                    chosen.append(at)
                elif alike < _OPTIONS_PER_SITE:
                    chosen.append(at)
                    alike += 1
        return [readings[at] for at in sorted(chosen)]

    def mark_score(
        self, site: Site, reading: Reading, left: str, right: str, state: QuoteState
    ) -> float:
        """How well one reading of a punctuation site fits between ``left``
        and ``right``: a rare mark only where the text writes it."""
        if self._rare(reading):
            score = RARE
        else:
            score = punctuation_score(reading.text, Context(left, right, state, self.style))
            reach = reading.end + _QUOTE_REACH
            if state.double_open and reading.text in "“”„":
                after = self.text[reading.end : reach]
                if closed_later(reading.text, state, self.style, after):
                    score += RARE
            elif never_closed(
                reading.text, state, self.style, self.text, reading.end, reach
            ) and not (
                _opens_its_line(self.text, site.start)
                or self.word_zipf(self._letters_after(reading.end)) > 0.0
            ):
                # Unless it opens a paragraph, which a quotation may run on
                # past, or a word of the language (``Biden “will affirm``,
                # whose source never closes it), a quotation nothing could
                # close is unlikely (``tu “s``).
                score += _NEVER_CLOSED
        if self.replaced:
            score += _MARKER_KEPT * _kept_markers(self.text, site, reading)
        return score

    def mark_options(
        self, sites: Sequence[Site], state: QuoteState
    ) -> list[tuple[tuple[Option, ...], float]]:
        """Readings of a run of adjacent punctuation sites, with scores."""
        text = self.text
        left = decoded_before(text, sites[0].start)
        per_site: list[list[tuple[Option, float]]] = []
        for index, site in enumerate(sites):
            site_left = left if index == 0 else "\u2063"
            options = []
            for reading in self._worth_scoring(site):
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
        left, right = word_bounds(text, sites[0].start, core_end_of(text, sites[-1]))
        left, right = _between_lost_marks(text, left, right, sites[0].start, sites[-1].end)
        pieces: list[str] = []
        position = left
        for site in sites:
            pieces.append(demojibake(text[position : site.start]))
            position = core_end_of(text, site)
        pieces.append(demojibake(text[position:right]))
        context = "".join(pieces)
        letters = [ch for ch in context if ch.isalpha()]
        scripts = {script_of(ch) for ch in letters if ord(ch) > 0x7F} or (
            set() if letters else {self.script}
        )
        all_upper = len(letters) >= 2 and all(ch.isupper() for ch in letters)
        all_lower = bool(letters) and all(ch.islower() for ch in letters[1:] or letters)
        if not letters or (len(letters) == 1 and letters[0].isupper()):
            # The sites alone, or one capital and the sites (``TÄ``): a
            # capitalised word, unless the text around is in capitals.
            capitals = capitals_around(text, left, right)
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
            end = core_end_of(text, sites[-1])
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
        # The beam pairs the same letters again and again: each pair is
        # looked up in the chain once a call.
        known: dict[tuple[str, str], float] = {}

        def after(before: str, ch: str) -> float:
            found = known.get((before, ch))
            if found is None:
                found = known[before, ch] = chain.after(before, ch)
            return found

        beam: list[tuple[str, float, float, str, tuple[Option, ...]]] = [
            (pieces[0][-1:], 0.0, 0.0, "", ())
        ]
        for index, options in enumerate(per_site):
            following = pieces[index + 1]
            grown = []
            for before, paired, own, shown_so_far, chosen in beam:
                for option, option_score, shown in options:
                    pairs = after(before, shown[:1])
                    pairs += sum(itertools.starmap(after, itertools.pairwise(shown)))
                    if following:
                        pairs += after(shown[-1:], following[0])
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
        runs = [
            left + (shown[: len(shown) - len(pieces[-1])] if pieces[-1] else shown) + right
            for _, _, _, shown, _ in beam
        ]
        return [
            (chosen, own + split + _CHAIN_WEIGHT * paired)
            for (_, paired, own, _, chosen), split in zip(
                beam, split_scores(runs, lang), strict=True
            )
        ]

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
        core_end = core_end_of(text, site)
        chain = self.chain
        word_rest: dict[int, str] = {}  # the rest of the word after a reading's end
        text_rest: dict[int, str] = {}  # and of the text, decoded
        named = self.named_at(site)
        for reading in self._likeliest_readings(site):
            ch = reading.text
            if is_letter(ch):
                if self.legit(ch):
                    score = 1.5
                else:
                    # A mark the text writes nowhere else (a Hebrew point in
                    # unpointed text) is as rare as a rare sign.
                    score = RARE if unicodedata.category(ch) == "Mn" else -1.5
                if scripts and script_of(ch) not in scripts:
                    score -= 3.0
                if all_upper and ch.islower():
                    score -= 3.0
                if all_lower and ch.isupper() and site.start != left:
                    score -= 3.0
                if site.start == left and ch.isupper():
                    # A capital opens a sentence; elsewhere a small letter is likelier.
                    score += 1.5 if starts_sentence(text, left) else math.log(CASE_PENALTY)
                elif site.start == left and ch.islower() and starts_sentence(text, left):
                    score += math.log(CASE_PENALTY)  # a sentence seldom opens small
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
                    word_end = word_bounds(text, reading.end, reading.end)[1]
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
        shown = text[site.start : core_end_of(text, site)]
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


@functools.lru_cache(maxsize=256)
def _marks_by_rarity(
    marks: tuple[str, ...],
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """The positions of the marks that score by their place, of the rare
    ones (:func:`is_rare_mark`) and of the emoji that score as rare ones
    (:func:`is_plain_emoji`)."""
    common: list[int] = []
    rare: list[int] = []
    emoji: list[int] = []
    for at, mark in enumerate(marks):
        kind = rare if is_rare_mark(mark) else emoji if is_plain_emoji(mark) else common
        kind.append(at)
    return tuple(common), tuple(rare), tuple(emoji)


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


def judge_group(
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


def finding_of(text: str, judged: Judged) -> Finding | None:
    best, confidence = judged.options[0]
    if best.keep:
        return None
    end = best.end
    alternatives = []
    for option, probability in judged.options[:ALTERNATIVES]:
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


def _closes_a_word(ch: str) -> bool:
    """Whether ``ch`` may follow a word at the end of a text as it is: a
    letter or closing punctuation (``café…``, ``voilà»``), not ``€`` or
    ``‚`` (bytes of a character)."""
    return is_letter(ch) or unicodedata.category(ch) in ("Pe", "Pf", "Pi", "Po")


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


def _opens_its_line(text: str, start: int) -> bool:
    """Whether only spaces come before ``start`` on its line."""
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()


def _among_capitals(text: str, start: int) -> bool:
    """Whether the letters around ``text[start]`` (two at least) are all capitals."""
    others = other_letters(text, start)
    return len(others) >= 2 and others.isupper()


# How much less likely a capitalised word is inside a sentence (or a small
# one at its start) when the lost bytes leave the case open (``Äas``: č or Č).
CASE_PENALTY = 0.2
_WINDOW = 8
# Characters of mojibake read on either side of a run of sites (enough for
# a window of letters once decoded).
_RAW_WINDOW = 4 * _WINDOW
# How much the letter pairs count beside the split into words.
_CHAIN_WEIGHT = 0.5


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
