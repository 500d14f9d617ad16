"""Write src/mojibake_fix/context/east_asian_pairs.tsv.xz: for Japanese,
Chinese and Korean, how much more often wordfreq's words write one East Asian
character right after another than the second character is written at all.

A byte lost from a legacy multi-byte text leaves several characters that the
byte put back could make (``常`` or ``戦`` before ``に`` after ``非``); each is
common alone, and only its neighbours tell which the text wrote. The words of
a language's list hold its characters' usual neighbours (``非常``).

For each pair ``ab`` written inside a word, weighted by the words'
frequencies, the value is ``log10(½·P(b|a)/P(b) + ½)``: the gain, in the units
of :func:`~mojibake_fix.context.east_asian_characters.character_value`, of
reading ``b`` after ``a`` rather than alone, with the unigram mixed in so that
no pair is certain. Pairs worth less than :data:`LEAST` are left out (they read
as 0).

Each character also gets the share of its words' frequency that it has as a
word of its own, as a log10 no lower than :data:`LONELIEST`: a character put
back that forms no listed pair with either neighbour stands alone, which a
particle or a numeral often does (``の``, ``十``) and the hanzi of compounds
seldom do (``構``, ``職``). Lines: ``language<TAB>pair or character<TAB>value
in tenths``.

    .venv/bin/python scripts/make_east_asian_pairs.py
"""

from __future__ import annotations

import lzma
import math
from pathlib import Path

from mojibake_fix.charclass import script_of
from mojibake_fix.context.east_asian_characters import EAST_ASIAN_SCRIPTS
from mojibake_fix.context.words import top_words

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "mojibake_fix" / "context" / "east_asian_pairs.tsv.xz"
LANGUAGES = ("ja", "zh", "ko")
# Every word of the small lists (about 30,000 in each of these languages).
WORDS = 100_000
LEAST = 0.3
# The share of the pair model in the mix; the rest is the character alone.
MIXED = 0.5
LONELIEST = -3.0


def pair_values(language: str) -> dict[str, float]:
    """Each pair's value in ``language``, those worth :data:`LEAST` or more."""
    alone: dict[str, float] = {}
    first: dict[str, float] = {}
    pairs: dict[str, float] = {}
    for word, frequency in top_words(language, WORDS):
        for index, ch in enumerate(word):
            if script_of(ch) not in EAST_ASIAN_SCRIPTS:
                continue
            alone[ch] = alone.get(ch, 0.0) + frequency
            after = word[index + 1 : index + 2]
            if after and script_of(after) in EAST_ASIAN_SCRIPTS:
                pairs[ch + after] = pairs.get(ch + after, 0.0) + frequency
                first[ch] = first.get(ch, 0.0) + frequency
    total = sum(alone.values())
    values: dict[str, float] = {}
    for pair, count in pairs.items():
        following = count / first[pair[0]]
        value = math.log10(MIXED * following / (alone[pair[1]] / total) + (1.0 - MIXED))
        if value >= LEAST:
            values[pair] = value
    return values


def alone_values(language: str) -> dict[str, float]:
    """Each East Asian character's log10 share of its words' frequency that
    it has as a one-character word, no lower than :data:`LONELIEST`."""
    alone: dict[str, float] = {}
    within: dict[str, float] = {}
    for word, frequency in top_words(language, WORDS):
        for ch in set(word):
            if script_of(ch) in EAST_ASIAN_SCRIPTS:
                within[ch] = within.get(ch, 0.0) + frequency
        if len(word) == 1 and script_of(word) in EAST_ASIAN_SCRIPTS:
            alone[word] = alone.get(word, 0.0) + frequency
    return {
        ch: max(LONELIEST, math.log10(alone[ch] / total)) if ch in alone else LONELIEST
        for ch, total in within.items()
    }


def main() -> None:
    lines = [
        f"{language}\t{key}\t{round(value * 10)}"
        for language in LANGUAGES
        for values in (pair_values(language), alone_values(language))
        for key, value in sorted(values.items())
    ]
    TARGET.write_bytes(lzma.compress(("\n".join(lines) + "\n").encode("utf-8"), preset=9))
    print(f"{TARGET.relative_to(ROOT)}: {len(lines)} pairs and characters")


if __name__ == "__main__":
    main()
