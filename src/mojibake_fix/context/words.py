"""Word plausibility: which language a text is in, and how real a word is.

Frequencies come from ``wordfreq`` (imported only when a damaged letter has
to be judged). Each list is loaded once per process; a text's language is the
candidate whose small list knows its words best, so choosing it costs a few
dictionary look-ups per word.

>>> guess_language("The quick brown fox jumps over the lazy dog, and the cat", "Latin")
'en'
>>> zipf("Władysław", "pl") > 3 > zipf("Wladyslawx", "pl")
True
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata

# Languages wordfreq knows, by the script they are written in.
LANGUAGES_BY_SCRIPT: dict[str, tuple[str, ...]] = {
    "Latin": (
        "en", "fr", "de", "es", "pt", "it", "nl", "pl", "cs", "sk", "sl", "sh", "hu",
        "ro", "tr", "sv", "da", "nb", "fi", "lt", "lv", "is", "ca", "vi", "id",
    ),
    "Cyrillic": ("ru", "uk", "bg", "mk"),
    "Greek": ("el",),
    "Arabic": ("ar", "fa", "ur"),
    "Hebrew": ("he",),
}  # fmt: skip

_WORD = re.compile(r"[^\W\d_]{2,}")
_SAMPLE_WORDS = 60


@functools.cache
def frequencies(lang: str, wordlist: str = "best") -> dict[str, float]:
    """The word-frequency table of ``lang`` (word -> frequency per word)."""
    import wordfreq

    table: dict[str, float] = wordfreq.get_frequency_dict(lang, wordlist)
    return table


@functools.cache
def alphabet(lang: str) -> frozenset[str]:
    """The letters the commonest words of ``lang`` use (lower case)."""
    import wordfreq

    words: list[str] = wordfreq.top_n_list(lang, 3000, wordlist="small")
    return frozenset(ch for word in words for ch in word if ch.isalpha())


def _key(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold().replace("\u2019", "'")


def zipf(word: str, lang: str) -> float:
    """The Zipf frequency of ``word`` in ``lang`` (0 for an unknown word)."""
    frequency = frequencies(lang).get(_key(word))
    return math.log10(frequency) + 9.0 if frequency else 0.0


def _small_zipf(word: str, lang: str) -> float:
    frequency = frequencies(lang, "small").get(word)
    return math.log10(frequency) + 9.0 if frequency else 0.0


def sample_words(text: str) -> list[str]:
    """Distinct plain words of ``text`` (casefolded), the first ones found."""
    seen: dict[str, None] = {}
    for match in _WORD.finditer(text):
        seen.setdefault(match.group().casefold(), None)
        if len(seen) >= _SAMPLE_WORDS:
            break
    return list(seen)


def guess_language(text: str, script: str) -> str | None:
    """The language of ``script`` whose word list knows ``text``'s words best."""
    languages = LANGUAGES_BY_SCRIPT.get(script, ())
    words = sample_words(text)
    if not languages or not words:
        return languages[0] if languages else None
    best, best_score = languages[0], -1.0
    for lang in languages:
        score = sum(_small_zipf(word, lang) for word in words)
        if score > best_score:
            best, best_score = lang, score
    return best


_BOUNDARY = " "


@functools.cache
def bigrams(lang: str) -> dict[tuple[str, str], float]:
    """Log-probabilities of one letter following another in ``lang``'s words
    (a space marks the ends of a word), weighted by word frequency."""
    import wordfreq

    counts: dict[tuple[str, str], float] = {}
    totals: dict[str, float] = {}
    table = frequencies(lang, "small")
    words: list[str] = wordfreq.top_n_list(lang, 30000, wordlist="small")
    for word in words:
        weight = table.get(word, 0.0) ** 0.5
        padded = _BOUNDARY + word + _BOUNDARY
        for first, second in itertools.pairwise(padded):
            counts[(first, second)] = counts.get((first, second), 0.0) + weight
            totals[first] = totals.get(first, 0.0) + weight
    return {pair: math.log(count / totals[pair[0]]) for pair, count in counts.items()}


UNSEEN_BIGRAM = -12.0


def bigram_score(first: str, second: str, lang: str) -> float:
    """log P(second | first) in ``lang``; a space stands for a word boundary."""
    # wordfreq's lists are casefolded (``ß`` is ``ss``): compare first letters.
    first = first.casefold()[0] if first.isalpha() else _BOUNDARY
    second = second.casefold()[0] if second.isalpha() else _BOUNDARY
    return bigrams(lang).get((first, second), UNSEEN_BIGRAM)


def coverage(text: str, lang: str) -> float:
    """The share of ``text``'s words that ``lang``'s small list knows."""
    words = sample_words(text)
    if not words:
        return 0.0
    table = frequencies(lang, "small")
    return sum(word in table for word in words) / len(words)
