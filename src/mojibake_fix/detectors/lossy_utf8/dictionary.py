"""Findings from the word lists: a damaged word matched against the words it could have been.

Where the context model leaves a word unread, the words of the text's language
that damage would show as it is may still name the letters it lost.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...charclass import characters_of, is_letter
from ...codepages import code_page
from ...context.candidates import Site
from ...context.damaged import (
    DICTIONARY_LANGUAGES,
    MARKER,
    byte_chars,
    is_word_char,
    lookup,
    token_key,
)
from ...context.words import LANGUAGES_BY_SCRIPT, alphabet
from ...lines import WORD_REACH
from ...model import Candidate, Finding
from .. import utf8_scan
from .damage import KEPT_UNDEFINED, Damage
from .judge import ALTERNATIVES, CASE_PENALTY, DETECTOR_ID, Judge, capitals_around, starts_sentence
from .sequences import demojibake
from .sites import core_end_of, lead_script
from .wakes import SHORTEST_WRITTEN

# A rarer word the dictionary finds must be the likeliest by this share (the
# engine's default bar): rare words that collide say little of the letters.
_SURE_OF_A_RARER_WORD = 0.6


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
    core_end = core_end_of(text, site)
    script = lead_script(text, site.start)
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
        # space) or shows a marker for each byte it lost (a lead before a
        # space lost none there), else the last.
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
        spans = merged + spans if damage.cp1252 or damage.replaced else spans + merged
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
            if MARKER in piece or "?" in piece[1:]:
                if model == "nbsp":
                    # Marked bytes too (``Ð ÑƒÑ�Ñ�ÐºÐ¸Ð¹``): the spaces the span
                    # crosses are no-break spaces, which marking keeps.
                    piece = piece.replace(" ", "\xa0")
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


@functools.lru_cache(maxsize=1 << 12)
def _key(piece: str, model: str) -> str | None:
    """:func:`token_key`, except that a lenient decode's C1 controls for the
    undefined bytes stay in a ``nbsp`` key: that damage keeps them. Kept for
    the next language a word is looked up in."""
    if model != "nbsp" or not KEPT_UNDEFINED.search(piece):
        return token_key(piece, model)
    out: list[str] = []
    for part in re.split(f"({KEPT_UNDEFINED.pattern})", piece):
        key = part if KEPT_UNDEFINED.fullmatch(part) else token_key(part, model)
        if key is None:
            return None
        out.append(key)
    return "".join(out)


def _dictionary_languages(judge: Judge, tokens: Sequence[_Token], script: str) -> list[str]:
    """The languages to look ``script``'s damaged words up in: the text's own
    for Latin where its words show it, else the one of the script that knows
    most of them (``SlovenÄ�ina`` alone is Slovak ``Slovenčina``)."""
    if script == "Latin":
        if judge.lang is None or judge.script != "Latin":
            return []
        if judge.language_shown:
            return [judge.lang]
        # Words of a letter or two are in every language's lists by chance.
        tokens = [token for token in tokens if _long_enough(judge.text, token)]
    languages = DICTIONARY_LANGUAGES.get(script, ()) or LANGUAGES_BY_SCRIPT.get(script, ())
    if len(languages) < 2:
        return list(languages)
    text = judge.text
    votes = {
        lang: sum(_matches(text, token, lang) is not None for token in tokens) for lang in languages
    }
    if script != "Latin":
        return [max(languages, key=lambda lang: votes[lang])]
    # Latin words no language of the text shows: the guessed language where
    # it knows as many of them as any, none where no language knows one.
    best = max(languages, key=lambda lang: (votes[lang], lang == judge.lang))
    return [best] if votes[best] else []


def _long_enough(text: str, token: _Token) -> bool:
    """Whether the token's longest span holds letters enough to tell a word."""
    start, end, _ = token.spans[0]
    return sum(ch.isalpha() for ch in text[start:end]) >= SHORTEST_WRITTEN


def _known_as_is(judge: Judge, text: str, token: _Token) -> bool:
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
            frequency *= CASE_PENALTY
        if shouted and not capitals:
            frequency *= CASE_PENALTY**2
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


def dictionary_findings(
    text: str, sites: Sequence[Site], judge: Judge, damage: Damage
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
        if script == "Latin" and (
            not languages
            or _known_as_is(judge, text, token)
            or not (judge.language_shown or _long_enough(text, token))
        ):
            continue
        if not (
            script == "Latin"
            or _long_enough(text, token)
            or token.spans[0][1] - token.spans[0][0] > 1
            or len(sites) > 1
            or damage.mojibake
            or characters_of(frozenset({script})).search(text)
        ):
            # A text's one lead standing alone, of a script nothing else in
            # it shows, in a text that shows no mojibake: a one-letter word
            # of some list by chance (Gaelic ``Ù_r`` is no Arabic ``و``).
            continue
        for lang in languages:
            match = _matches(text, token, lang)
            rarer = match is None
            if rarer:
                match = _matches(text, token, lang, rarer=True)
            if match is None:
                continue
            start, end = match.start, match.end
            if script == "Latin" and text[end - 1] == "?" and not judge.language_shown:
                # In a word of a language the text does not show, a question
                # mark after it may be its own (``A proÄ?``: ``proč?``).
                continue
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
                starts_sentence(text, start),
                capitals_around(text, start, end) is not False,
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
                        for form, share in ranked[:ALTERNATIVES]
                    ),
                )
            )
            break
    return findings
