"""How likely a letter is after another, in languages whose words are not
what spaces separate: Chinese, Japanese and Thai write no spaces, and
wordfreq's Korean list holds stems and particles (``서울``, ``의``, ``는``),
not the spaced words they make (``서울의``).

A word model cannot judge a damaged letter there: the run of letters around
it is no listed word. A letter chain can. It models running text as listed
words run together, each drawn by its frequency: a letter follows another
inside a word, or ends one word while the next one starts with it::

    P(b | a) = P(b follows a in a word) + P(a ends a word) * P(b starts one)

Built from the commonest words of wordfreq's small list (read when a damaged
letter of such a language has to be judged; Thai from the corpus that
:mod:`~mojibake_fix.context.words` reads for it). Chinese is listed in
simplified characters; traditional ones are looked up by their simplified
form, with wordfreq's own table.

>>> chain = letter_chain("ja")
>>> chain.after("議", "会") > chain.after("議", "は")  # 議会, a word
True
>>> chain.letter("の") > chain.letter("㍯")
True
>>> letter_chain("zh").after("東", "京") == letter_chain("zh").after("东", "京")
True
"""

from __future__ import annotations

import functools
import gzip
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources

from ..charclass import is_letter, script_of
from .words import LetterTable, frequencies, kept_letter_table, kept_mapping, top_words

# Scripts written in such languages, and the languages, likeliest first.
CHAINED_LANGUAGES_BY_SCRIPT: dict[str, tuple[str, ...]] = {
    "Han": ("zh", "ja"),
    "Hiragana": ("ja",),
    "Katakana": ("ja",),
    "Hangul": ("ko",),
    "Thai": ("th",),
}
CHAINED_LANGUAGES = frozenset(
    lang for languages in CHAINED_LANGUAGES_BY_SCRIPT.values() for lang in languages
)
_WORDS = 30000
# The log-probability of what the lists never show.
UNSEEN = math.log(1e-8)
# Numerals of Chinese and Japanese, which run together into numbers
# (``二十万``) that word lists leave out, and how often one follows another.
_NUMERALS = frozenset("〇一二三四五六七八九十百千万億亿兆")
_NUMERAL_RUN = 0.3
_NUMBER = 1e-4  # a number written in numerals, as a word of running text
_NUMBER_LOG = math.log(_NUMBER)
# What ``letter`` gives a letter the chain never saw (the log of UNSEEN's probability).
_UNSEEN_LETTER = math.log(math.exp(UNSEEN))
# The share of word ends followed by punctuation rather than by a word.
_MARK_AFTER_WORD = 0.1
_SAMPLE_LETTERS = 200
# The longest listed word a run is split into, and what a letter no word
# holds costs beyond its own share of letters.
_LONGEST_WORD = 8
_UNLISTED_LETTER = -5.0


@dataclass(frozen=True, slots=True)
class LetterChain:
    """A language's letters as a chain: each letter given the one before."""

    follows: LetterTable  # by the two letters
    ends: dict[str, float]
    starts: dict[str, float]
    shares: dict[str, float]
    folding: dict[int, int]
    # The logs of ``shares``, taken once: letters are scored by the thousand.
    share_logs: dict[str, float]

    def letter(self, ch: str) -> float:
        """log P(``ch``) among the letters of running text."""
        return self.share_logs.get(
            ch.translate(self.folding) if self.folding else ch, _UNSEEN_LETTER
        )

    def after(self, before: str, ch: str) -> float:
        """log P(``ch`` | ``before``). A character that is no letter (space,
        punctuation) ends the word before it, now and then, and starts none."""
        first = before.translate(self.folding) if self.folding else before
        second = ch.translate(self.folding) if self.folding else ch
        first_letter = bool(before) and is_letter(before)
        second_letter = bool(ch) and is_letter(ch)
        if not first_letter and not second_letter:
            return 0.0
        if not first_letter:
            return _log(self.starts.get(second, 0.0))
        if first in _NUMERALS and second in _NUMERALS:
            return math.log(_NUMERAL_RUN)  # numbers, which word lists leave out
        if first not in self.shares:
            return UNSEEN
        end = self.ends.get(first, 0.0)
        if not second_letter:
            return _log(end * _MARK_AFTER_WORD)
        inside = self.follows.get(first + second, 0.0)
        return _log(inside + end * self.starts.get(second, 0.0))


def _log(probability: float) -> float:
    return math.log(probability) if probability > 0.0 else UNSEEN


@functools.cache
def _simplified() -> dict[int, int]:
    """wordfreq's table from traditional to simplified Chinese characters."""
    import msgpack  # type: ignore[import-untyped]  # wordfreq's own dependency

    path = resources.files("wordfreq") / "data" / "_chinese_mapping.msgpack.gz"
    with gzip.open(str(path), "rb") as stream:
        table: dict[int, int] = msgpack.load(stream, raw=False, strict_map_key=False)
    return table


@functools.cache
def letter_chain(lang: str) -> LetterChain:
    """The letter chain of ``lang``, from its commonest words, built once per
    machine (:func:`~.words.kept_mapping`): reading 30,000 words and counting
    their letters is a tenth of a second of a process's first text."""
    # Built at most once for the four, and only where one is not kept.
    built = functools.cache(functools.partial(_built_chain, lang))
    follows = kept_letter_table(f"chain-follows-{lang}", functools.partial(_part, built, 0))
    ends, starts, shares = (
        kept_mapping(f"chain-{name}-{lang}", 1, functools.partial(_part, built, index))
        for index, name in enumerate(("ends", "starts", "shares"), start=1)
    )
    return LetterChain(
        follows=follows,
        ends=ends,
        starts=starts,
        shares=shares,
        folding=_simplified() if lang == "zh" else {},
        share_logs={ch: math.log(share) for ch, share in shares.items()},
    )


def _part(built: Callable[[], tuple[dict[str, float], ...]], index: int) -> dict[str, float]:
    return built()[index]


def _built_chain(lang: str) -> tuple[dict[str, float], ...]:
    """The chain's shares of letter pairs, ends, starts and letters."""
    pairs: dict[str, float] = {}
    ends: dict[str, float] = {}
    starts: dict[str, float] = {}
    counts: dict[str, float] = {}
    for word, frequency in top_words(lang, _WORDS, numbers=False):
        if not all(is_letter(ch) for ch in word):
            continue
        starts[word[0]] = starts.get(word[0], 0.0) + frequency
        ends[word[-1]] = ends.get(word[-1], 0.0) + frequency
        for ch in word:
            counts[ch] = counts.get(ch, 0.0) + frequency
        for first, second in itertools.pairwise(word):
            pairs[first + second] = pairs.get(first + second, 0.0) + frequency
    total_letters = sum(counts.values())
    total_words = sum(starts.values())
    return (
        {pair: count / counts[pair[0]] for pair, count in pairs.items()},
        {ch: count / counts[ch] for ch, count in ends.items()},
        {ch: count / total_words for ch, count in starts.items()},
        {ch: count / total_letters for ch, count in counts.items()},
    )


def chained_language(text: str, script: str) -> str | None:
    """The language of ``script`` whose letter chain knows ``text``'s
    letters best (Chinese writes no kana), or ``None`` for a script no
    chain models."""
    languages = CHAINED_LANGUAGES_BY_SCRIPT.get(script, ())
    if len(languages) < 2:
        return languages[0] if languages else None
    letters = [ch for ch in text if is_letter(ch) and script_of(ch) in CHAINED_LANGUAGES_BY_SCRIPT]
    sample = letters[:_SAMPLE_LETTERS]
    return max(languages, key=lambda lang: sum(letter_chain(lang).letter(ch) for ch in sample))


@functools.lru_cache(maxsize=1 << 16)
def _listed_log(piece: str, lang: str) -> float | None:
    """The log frequency of ``piece`` in ``lang``'s list: the readings of one
    site split the same letters around it again and again."""
    frequency = frequencies(lang).get(piece)
    return None if frequency is None else math.log(frequency)


def split_score(run: str, lang: str) -> float:
    """log P of ``run`` read as the likeliest sequence of ``lang``'s listed
    words (a letter no word holds costs its share of letters and more): a
    damaged letter that completes a word (``烽火台组成``) beats one that
    only pairs well with a neighbour (``烽火小组成``: three words for two).

    >>> split_score("烽火台组成", "zh") > split_score("烽火小组成", "zh")
    True
    """
    return split_scores([run], lang)[0]


def split_scores(runs: Sequence[str], lang: str) -> list[float]:
    """:func:`split_score` of each of ``runs``. The best split of a run's
    first letters is the same whatever follows them: runs that begin alike
    (the readings of one word's damaged letters) share that work.

    >>> split_scores(["烽火台组成", "烽火小组成"], "zh") == [
    ...     split_score("烽火台组成", "zh"), split_score("烽火小组成", "zh")]
    True
    """
    chain = letter_chain(lang)
    keys = [run.translate(chain.folding) if chain.folding else run for run in runs]
    scores = [0.0] * len(keys)
    # best[i]: the best split of the first i letters of the key in hand;
    # numerals[i]: how many of them are numerals.
    best = [0.0]
    numerals = [0]
    previous = ""
    for index in sorted(range(len(keys)), key=keys.__getitem__):
        key = keys[index]
        shared = 0
        while shared < min(len(key), len(previous)) and key[shared] == previous[shared]:
            shared += 1
        del best[shared + 1 :], numerals[shared + 1 :]
        for end in range(shared + 1, len(key) + 1):
            numerals.append(numerals[-1] + (key[end - 1] in _NUMERALS))
            top = -math.inf
            for start in range(max(0, end - _LONGEST_WORD), end):
                before = best[start]
                if before == -math.inf:
                    continue
                if end - start > 1 and numerals[end] - numerals[start] == end - start:
                    cost = _NUMBER_LOG
                else:
                    listed = _listed_log(key[start:end], lang)
                    if listed is not None:
                        cost = listed
                    elif end - start == 1:
                        cost = chain.letter(key[start]) + _UNLISTED_LETTER
                    else:
                        continue
                top = max(top, before + cost)
            best.append(top)
        scores[index] = best[len(key)]
        previous = key
    return scores
