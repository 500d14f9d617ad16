"""What an emoji depicts, in words: an emoji that lost its bytes is the one
the text around it speaks of. ``🎉ðŸ€`` closing a report of a basketball
final is ``🏀``, not ``🍀`` or ``🐀``, which agree with the same bytes.

The names are Unicode's CLDR annotations, shipped with the package: each
emoji's short name and the words it is looked up by, in English and in the
text's own language (a Polish report of a late train says ``pociąg``, never
``train``). A name's words that a language uses everywhere (``with``, ``of``)
say nothing of a topic and are left out; the others match a word of the text
that starts with them (``волейбол`` in ``волейболу``), or, in scripts written
without spaces, a run of the text (``篮球``).

>>> topic = named_emoji("The train from Leeds was late again.", "en")
>>> topic["🚆"] > topic.get("🚄", 0.0)  # train, against high-speed train
True
>>> max(named_emoji("Pociąg z Warszawy był opóźniony.", "pl").items(), key=lambda t: t[1])
('🚆', 2.0)
>>> "🏀" in named_emoji("The 8:15 was late again.", "en")
False
"""

from __future__ import annotations

import bisect
import functools
import lzma
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

import regex

from ..charclass import script_of
from .stored import array_text, stored, tables_folder, text_array
from .words import LANGUAGES_BY_SCRIPT, zipf

# A name word this common in its language (Zipf) is a function word; one
# less common names a topic (``train``, ``волейбол``), and a name needs one of
# those in the text: ``sei ore`` (six hours) does not make ``ore sei`` 🕕.
_FUNCTION_WORD = 6.0
_TOPIC_WORD = 5.0
# How much longer than a name word a text's word starting with it may be (an
# inflection or an article: ``basketbol`` in ``basketbolda``, ``tren`` in
# ``Trenul``, ``влак`` in ``Влакът``), and the shortest name word with a long
# one: three letters take one (``car`` in ``cars``, not in ``carol``).
_ENDING = 2
_SHORT_ENDING = 1
_SHORTEST_WITH_ENDING = 4
# Where no name is found so, a long name word may end otherwise than the
# text's word (``basketbola`` for ``basketbolā``, ``баскетболна`` beside
# ``баскетбол``): their first this many letters or more, less at most an
# ending each; among a few emoji, a shorter stem will do (``одбојку`` beside
# ``одбојци``), which among a thousand finds false ones (``Barra`` is no
# ``gráfico de barras``).
_LONG_STEM = 7
_SHORT_STEM = 5
_SHORTEST_WORD = 3  # in spaced scripts (``o`` of ``one o’clock`` tells nothing)
# A name in a script written without spaces is matched as a run of the text.
_UNSPACED_SCRIPTS = frozenset({"Han", "Hiragana", "Katakana", "Thai"})
# What a name word the text has counts for, one it lacks against, and a
# word the emoji is looked up by that the text has (``kolej``, railway, for
# 🚆), once a word of its name is found.
_MATCHED = 2.0
_MISSED = 1.0
_KEYWORD = 1.0

# Words that languages write joined to the word after them: Hebrew's
# conjunction, prepositions, article and ``ש`` (two at most: ``ובכדורסל``);
# Arabic's conjunctions, prepositions and article (``وبالقطار``, ``للقطار``).
_PROCLITICS = {
    "he": regex.compile(r"[ובכלמשה]{1,2}"),
    "ar": regex.compile(r"[وف]?(?:لل|[بكل]?ال|[بكل])|[وف]"),
}
_LONGEST_PROCLITICS = 4
# Letters with their marks: a Thai or Hindi word is not cut at its vowel signs.
_NAME_WORD = regex.compile(r"[\p{L}\p{M}]+")
# CLDR's names of emoji (made by scripts/make_emoji_annotations.py).
_ANNOTATIONS = "emoji_annotations.tsv.xz"
_CLDR_LANGUAGES: dict[str, tuple[str, ...]] = {"nb": ("no",), "sh": ("hr", "bs", "sr-Latn")}
# Languages that no word list tells apart, whose names serve a text in their
# script that names nothing in its own: an Estonian text reads as Finnish or
# Lithuanian, a Serbian one as Macedonian or Bulgarian.
_UNLISTED_LANGUAGES: dict[str, tuple[str, ...]] = {"Latin": ("et",), "Cyrillic": ("sr",)}


@dataclass(frozen=True, slots=True)
class _Name:
    """What one emoji is called in one language, as words that say something
    (no function words)."""

    name: frozenset[str]  # the words of its short name
    words: frozenset[str]  # those and the words it is looked up by
    topical: frozenset[str]  # the ones that name a topic, not everyday words


def _annotation_segments() -> tuple[bytes, dict[str, tuple[int, int]]]:
    """CLDR's names of emoji, one line each (language, emoji, short name,
    keywords) grouped by language, as the file's bytes and where each
    language's lines start and end."""
    packed = lzma.decompress(resources.files(__package__).joinpath(_ANNOTATIONS).read_bytes())
    segments: dict[str, tuple[int, int]] = {}
    position = 0
    while position < len(packed):
        lang = packed[position : packed.index(b"\t", position)]
        # The language's lines end at the first line of another one.
        other = re.compile(rb"\n(?!" + re.escape(lang) + rb"\t)").search(packed, position)
        end = other.end() if other else len(packed)
        segments[lang.decode()] = (position, end)
        position = end
    return packed, segments


def _annotation_lines(cldr_lang: str) -> str:
    packed, segments = _annotation_segments()
    start, end = segments.get(cldr_lang, (0, 0))
    return packed[start:end].decode("utf-8")


def _annotations(cldr_lang: str) -> list[tuple[str, str, str]]:
    """CLDR's names of emoji in one language: (emoji, short name, keywords).
    A language's lines are kept apart once per machine (:func:`stored`): the
    file is 4 MB decompressed, which a process need neither hold nor
    decompress for the few languages its texts are in."""
    [lines] = stored(
        tables_folder(),
        f"emoji-names-{cldr_lang}",
        lambda: [text_array(_annotation_lines(cldr_lang))],
    )
    entries = []
    for line in array_text(lines).splitlines():
        _, char, name, keywords = line.split("\t")
        entries.append((char, name, keywords))
    return entries


@dataclass(frozen=True, slots=True)
class _TextWords:
    """The words of a text a name is looked for among."""

    folded: str  # the text, case-folded (names in unspaced scripts are runs of it)
    known: frozenset[str]
    topical: frozenset[str]  # those that are no everyday words of its language


@dataclass(frozen=True, slots=True)
class _Names:
    """The names of every emoji in one CLDR language, and the emoji each word
    names. Which words say something depends on the language of the text
    they are looked for in (:func:`_weighed`): English ``car`` is an
    everyday word of French text, no name of a topic."""

    # Each emoji's name words and all its words (name and look-up words);
    # tuples, which take a third of a small set's memory.
    of: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    by_word: dict[str, tuple[str, ...]]
    # The name words of scripts written without spaces, found as runs of a text.
    unspaced: tuple[str, ...]
    # The other name words, sorted: the words a start begins are neighbours.
    spaced: tuple[str, ...]

    def found_in(self, folded: str, stems: frozenset[str], stem: int = 0) -> set[str]:
        """The name words a text speaks of, by the ``stems`` of its words: a
        spaced name word that is one of them; with ``stem``, also one that
        ends otherwise, its first ``stem`` letters or more, less at most an
        ending, being one; a name word of a script written without spaces
        (two letters or more) as a run of the ``folded`` text."""
        found = {word for word in stems.intersection(self.by_word) if _spaced(word)}
        found.update(word for word in self.unspaced if len(word) >= 2 and word in folded)
        if stem:
            for start in stems:
                if len(start) >= max(stem, _SHORT_STEM):
                    found.update(self._started_by(start))
        return found

    def _started_by(self, start: str) -> Iterator[str]:
        """The spaced name words ``start`` begins that it leaves at most an
        ending of."""
        index = bisect.bisect_right(self.spaced, start)
        while index < len(self.spaced) and self.spaced[index].startswith(start):
            word = self.spaced[index]
            if len(word) - len(start) <= _ENDING:
                yield word
            index += 1


@functools.cache
def _names(cldr_lang: str) -> _Names:
    """Each emoji's name in the CLDR language ``cldr_lang``."""
    of: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    by_word: dict[str, list[str]] = {}
    for char, name, keywords in _annotations(cldr_lang):
        words = tuple(
            dict.fromkeys(
                word
                for word in (word.casefold() for word in _NAME_WORD.findall(f"{name} {keywords}"))
                if len(word) >= _SHORTEST_WORD or not _spaced(word)
            )
        )
        of[char] = (tuple({word.casefold() for word in _NAME_WORD.findall(name)}), words)
        for word in words:
            by_word.setdefault(word, []).append(char)
    return _Names(
        of,
        {word: tuple(chars) for word, chars in by_word.items()},
        tuple(word for word in by_word if not _spaced(word)),
        tuple(sorted(word for word in by_word if _spaced(word))),
    )


@functools.lru_cache(maxsize=8192)
def _weighed(cldr_lang: str, char: str, lang: str) -> _Name | None:
    """The name of ``char`` in ``cldr_lang`` as it speaks in text of
    ``lang`` (wordfreq's code): without the words ``lang`` uses everywhere
    (``with``, ``of``); ``None`` for a name of everyday words alone."""
    named, words = _names(cldr_lang).of[char]
    frequencies = {word: zipf(word, lang) for word in words}
    saying = frozenset(word for word, z in frequencies.items() if z < _FUNCTION_WORD)
    topical = frozenset(word for word, z in frequencies.items() if z < _TOPIC_WORD)
    return _Name(saying.intersection(named), saying, topical) if topical else None


def _unlisted_languages(lang: str) -> tuple[str, ...]:
    """The languages no list tells apart written in the script of ``lang``."""
    for script, languages in LANGUAGES_BY_SCRIPT.items():
        if lang in languages:
            return _UNLISTED_LANGUAGES.get(script, ())
    return ()


def _cldr_languages(lang: str) -> tuple[str, ...]:
    """The CLDR languages whose names serve a text in ``lang`` (wordfreq's
    code): Norwegian is ``no`` there, Serbo-Croatian three languages."""
    return _CLDR_LANGUAGES.get(lang, (lang,))


def _spaced(word: str) -> bool:
    return script_of(word[0]) not in _UNSPACED_SCRIPTS


def _stems(words: frozenset[str]) -> frozenset[str]:
    """Each word, and its starts that leave at most an ending off it."""
    stems = set(words)
    for word in words:
        for end in range(max(_SHORTEST_WORD, len(word) - _ENDING), len(word)):
            if end >= _SHORTEST_WITH_ENDING or len(word) - end <= _SHORT_ENDING:
                stems.add(word[:end])
    return frozenset(stems)


def _without_proclitics(words: frozenset[str], lang: str) -> frozenset[str]:
    """Each word, and what is left of it without the conjunctions,
    prepositions and article that ``lang`` writes as one word with the next
    (Hebrew ``בכדורסל``, in basketball; Arabic ``لكرة``, ``السلة``)."""
    proclitics = _PROCLITICS.get(lang)
    if proclitics is None:
        return words
    bare = {
        word[end:]
        for word in words
        for end in range(1, _LONGEST_PROCLITICS + 1)
        if len(word) - end >= _SHORTEST_WORD and proclitics.fullmatch(word[:end])
    }
    return words | bare


def named_emoji(text: str, lang: str | None) -> dict[str, float]:
    """The single-character emoji whose names the words of ``text`` speak of,
    in ``lang`` or in English, each with how well: every telling word of its
    name that the text has counts for it, every one it lacks against, and
    every word it is looked up by that the text has counts for it too. Half
    a name is not enough (``game`` does not make ``cricket game``), nor
    everyday words alone (``dva sata``, two hours, makes no clock face).
    The strictest reading of :func:`named_emoji_by_strictness` that names any."""
    return next((named for named in named_emoji_by_strictness(text, lang) if named), {})


def named_emoji_by_strictness(
    text: str, lang: str | None, few: bool = False
) -> tuple[dict[str, float], ...]:
    """The emoji ``text`` names (:func:`named_emoji`), read four ways,
    strictest first: name words that the text's words start with; then long
    name words that end otherwise; then, in languages no list tells apart,
    name words the text has whole, then ones its words start with. Where
    ``few`` emoji are to be told apart, two looser ways follow: shorter name
    words that end otherwise, then the words an emoji is looked up by, alone
    (``kavárna`` for ☕). A damaged emoji is the one that the strictest
    reading naming any of its candidates names."""
    folded = text.casefold()
    own = lang or "en"
    words = frozenset(_NAME_WORD.findall(folded))
    topical = frozenset(word for word in words if zipf(word, own) < _TOPIC_WORD)
    whole = _TextWords(folded, words, topical)
    bare = _without_proclitics(words, own)
    bare_topical = topical | frozenset(w for w in bare - words if zipf(w, own) < _TOPIC_WORD)
    inflected = _TextWords(folded, _stems(bare), _stems(bare_topical))
    # The text's own language is read through inflections (``поездом``);
    # English elsewhere only as whole words (``train`` is not in ``Trainer``).
    sources = [(cldr_lang, inflected) for cldr_lang in _cldr_languages(own)]
    if own != "en":
        sources.append(("en", whole))
    # Languages no list tells apart, as a last resort, whole words before
    # inflected ones: an Estonian ``võrkpallis`` names 🏐 (``võrkpall``),
    # though the text reads as Finnish.
    unlisted = _unlisted_languages(own)
    by_names = (
        _scores(own, sources),
        _scores(own, sources, stem=_LONG_STEM),
        _scores(own, [(cldr_lang, whole) for cldr_lang in unlisted]),
        _scores(own, [(cldr_lang, inflected) for cldr_lang in unlisted]),
    )
    if not few:
        return by_names
    return (
        *by_names,
        _scores(own, sources, stem=_SHORT_STEM),
        _scores(own, sources, stem=_SHORT_STEM, by_lookup_words=True),
    )


def _scores(
    lang: str,
    sources: list[tuple[str, _TextWords]],
    stem: int = 0,
    by_lookup_words: bool = False,
) -> dict[str, float]:
    """:func:`named_emoji` by the names in each CLDR language of ``sources``,
    weighed in ``lang``, among the words given with each; ``by_lookup_words``,
    also by the words an emoji is looked up by alone, whatever of its name the
    text lacks (``kavárna`` for ☕, whose name, ``teplý nápoj``, it does not say)."""
    scores: dict[str, float] = {}
    for cldr_lang, text in sources:
        names = _names(cldr_lang)
        # Only emoji with a word the text has can be named, and only a word
        # that is no everyday word of the text's language names one.
        words_found = {
            word
            for word in names.found_in(text.folded, text.known, stem)
            if zipf(word, lang) < _FUNCTION_WORD
        }
        topical_found = names.found_in(text.folded, text.topical, stem) & words_found
        named = {char for word in words_found for char in names.by_word[word]}
        for char in named:
            name = _weighed(cldr_lang, char, lang)
            if name is None:
                continue
            found = name.words & words_found
            telling = found & name.topical if by_lookup_words else found & name.name & name.topical
            if not telling & topical_found:
                continue
            score = _MATCHED * len(found & name.name) + _KEYWORD * len(found - name.name)
            if not by_lookup_words:
                score -= _MISSED * len(name.name - found)
                if score < _MATCHED:
                    continue
            scores[char] = max(score, scores.get(char, score))
    return scores
