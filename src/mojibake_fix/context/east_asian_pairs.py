"""Which East Asian characters a language writes next to each other.

A byte lost from Shift_JIS, GBK or CP949 text can be put back in several
ways, each making a character the language writes often (``常`` or ``戦``
after ``非``); the character alone cannot choose, its neighbours can. The
pairs written inside the words of wordfreq's lists for Japanese, Chinese and
Korean, each with how much likelier the second character is after the first
than alone, are counted by ``scripts/make_east_asian_pairs.py`` and shipped
with the package (read once per language, on first use), with how often each
character is a word on its own: a hanzi put back between neighbours it forms
no word with is one that stands alone. Traditional hanzi
are looked up by their simplified form, as :mod:`.east_asian_characters`
looks them up.

>>> pair_value("非", "常", "ja") > 1.0 > pair_value("非", "戦", "ja")
True
>>> pair_value("體", "育", "zh-Hant") == pair_value("体", "育", "zh") > 0
True
>>> alone_value("の", "ja") > -0.5 > alone_value("構", "ja")
True
"""

from __future__ import annotations

import functools
import itertools
import lzma
from dataclasses import dataclass
from importlib import resources

from .east_asian_characters import TRADITIONAL, simplified

# Made by scripts/make_east_asian_pairs.py: language, pair or character, value in tenths.
_PAIRS = "east_asian_pairs.tsv.xz"
# The value of a character never written as a word alone (the script's floor).
LONELIEST = -3.0


@functools.cache
def _packed_text() -> str:
    """The file's lines as one string: a tuple of its lines would hold 66,000
    strings for the three languages, ten times its size."""
    packed = resources.files(__package__).joinpath(_PAIRS).read_bytes()
    return lzma.decompress(packed).decode("utf-8")


@dataclass(frozen=True, slots=True)
class _Neighbours:
    """A language's listed pairs, and how often each character is a word alone."""

    pairs: dict[str, float]
    alone: dict[str, float]


@functools.cache
def _neighbours(language: str) -> _Neighbours:
    """The listed pairs and characters of ``language`` (``ja``, ``zh`` or ``ko``)."""
    prefix = f"{language}\t"
    pairs: dict[str, float] = {}
    alone: dict[str, float] = {}
    # A value of a few tenths recurs thousands of times: one float for each.
    values: dict[str, float] = {}
    for line in _packed_text().splitlines():
        if line.startswith(prefix):
            _, key, tenths = line.split("\t")
            value = values.setdefault(tenths, int(tenths) / 10)
            (pairs if len(key) == 2 else alone)[key] = value
    return _Neighbours(pairs, alone)


def pair_value(first: str, second: str, language: str) -> float:
    """How much likelier ``second`` is right after ``first`` in text of
    ``language`` than alone, in :func:`.character_value`'s units (log10);
    0 for characters the language's words never write together."""
    if language == TRADITIONAL:
        return _neighbours("zh").pairs.get((first + second).translate(simplified()), 0.0)
    return _neighbours(language).pairs.get(first + second, 0.0)


def alone_value(ch: str, language: str) -> float:
    """The log10 share of the frequency of ``language``'s words holding
    ``ch`` that is ``ch`` as a word of its own: near 0 for particles and
    numerals, down to :data:`LONELIEST` for a hanzi only compounds write."""
    if language == TRADITIONAL:
        return _neighbours("zh").alone.get(ch.translate(simplified()), LONELIEST)
    return _neighbours(language).alone.get(ch, LONELIEST)


def pairs_value(text: str, language: str) -> float:
    """:func:`pair_value` summed over each two neighbouring characters of ``text``."""
    return sum(pair_value(a, b, language) for a, b in itertools.pairwise(text))
