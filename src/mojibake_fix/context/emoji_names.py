"""What an emoji depicts, in words: an emoji that lost its bytes is the one
the text around it speaks of. ``🎉ðŸ€`` closing a report of a basketball
final is ``🏀``, not ``🍀`` or ``🐀``, which agree with the same bytes.

The names are Unicode's CLDR short names as the ``emoji`` package ships them,
in English and in the dozen languages it translates them to (the text's own
language where it has it). A name's words that a language uses everywhere
(``with``, ``of``) say nothing of a topic and are left out; the others match a
word of the text that starts with them (``волейбол`` in ``волейболу``), or,
in scripts written without spaces, a run of the text (``篮球``).

>>> topic = named_emoji("The train from Leeds was late again.", "en")
>>> topic["🚆"] > topic.get("🚄", 0.0)  # train, against high-speed train
True
>>> "🏀" in named_emoji("The 8:15 was late again.", "en")
False
"""

from __future__ import annotations

import functools
import re

from ..charclass import script_of
from .words import zipf

# A name word this common in its language (Zipf) is a function word; one
# less common names a topic (``train``, ``волейбол``), and a name needs one of
# those in the text: ``sei ore`` (six hours) does not make ``ore sei`` 🕕.
_FUNCTION_WORD = 6.0
_TOPIC_WORD = 5.0
# How much longer than a name word a text's word starting with it may be (an
# inflection: ``basketbol`` in ``basketbolda``, ``поезд`` in ``поездом``;
# not ``sign`` in ``signal``), and the shortest name word with a long one.
_ENDING = 2
_SHORT_ENDING = 1
_SHORTEST_WITH_ENDING = 5
_SHORTEST_WORD = 3  # in spaced scripts (``o`` of ``one o’clock`` tells nothing)
# A name in a script written without spaces is matched as a run of the text.
_UNSPACED_SCRIPTS = frozenset({"Han", "Hiragana", "Katakana", "Thai"})
# What a name word the text has counts for, and one it lacks against.
_MATCHED = 2.0
_MISSED = 1.0

_NAME_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def _name_words(lang: str) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Each single-character emoji's name in ``lang``: the words of it that
    say something (no function words), and those of them that name a topic
    (not everyday words such as ``six`` or ``hours``)."""
    import emoji  # the names are read once a lost emoji has to be judged

    if lang != "en":
        emoji.config.load_language(lang)
    names: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for char, entry in emoji.EMOJI_DATA.items():
        name = entry.get(lang)
        if len(char) != 1 or not isinstance(name, str):
            continue
        frequencies = {
            word: zipf(word, lang)
            for word in (word.casefold() for word in _NAME_WORD.findall(name))
            if len(word) >= _SHORTEST_WORD or not _spaced(word)
        }
        telling = frozenset(word for word, z in frequencies.items() if z < _FUNCTION_WORD)
        topical = frozenset(word for word, z in frequencies.items() if z < _TOPIC_WORD)
        if topical:
            names[char] = (telling, topical)
    return names


@functools.cache
def _languages() -> frozenset[str]:
    import emoji

    return frozenset(emoji.LANGUAGES)


def _spaced(word: str) -> bool:
    return script_of(word[0]) not in _UNSPACED_SCRIPTS


def _found(word: str, text: str, stems: frozenset[str]) -> bool:
    """Whether ``text`` speaks of the name word ``word``, by the ``stems``
    of its words."""
    if not _spaced(word):
        return len(word) >= 2 and word in text
    return word in stems


def _stems(words: frozenset[str]) -> frozenset[str]:
    """Each word, and its starts that leave at most an ending off it."""
    stems = set(words)
    for word in words:
        for end in range(max(_SHORTEST_WORD, len(word) - _ENDING), len(word)):
            if end >= _SHORTEST_WITH_ENDING or len(word) - end <= _SHORT_ENDING:
                stems.add(word[:end])
    return frozenset(stems)


def named_emoji(text: str, lang: str | None) -> dict[str, float]:
    """The single-character emoji whose names the words of ``text`` speak of,
    in ``lang`` or in English, each with how well: every telling word of its
    name that the text has counts for it, every one it lacks against. Half a
    name is not enough (``game`` does not make ``cricket game``), nor everyday
    words alone."""
    folded = text.casefold()
    stems = _stems(frozenset(_NAME_WORD.findall(folded)))
    languages = ["en"]
    if lang is not None and lang != "en" and lang in _languages():
        languages.append(lang)
    scores: dict[str, float] = {}
    for language in languages:
        for char, (telling, topical) in _name_words(language).items():
            found = {word for word in telling if _found(word, folded, stems)}
            if not found & topical:
                continue
            score = _MATCHED * len(found) - _MISSED * len(telling - found)
            if score >= _MATCHED:
                scores[char] = max(score, scores.get(char, score))
    return scores
