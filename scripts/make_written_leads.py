"""Write src/mojibake_fix/context/written_leads.txt: common words in which the
lossy detector's trigger finds a lead that is a letter as written;
one_letter_words.txt: the letters that are common words on their own; and
lead_neighbours.txt: the letters words write before and after each Latin-1 letter.

A lone ``â`` or an ``í`` before ``š`` is what the lossy detector looks for,
and also how ``château`` and ``příští`` are spelled. These are the words of
wordfreq's lists (the commonest 30,000 of every language it knows, in lower
case and capitalised) where the trigger fires at a site the detector would
judge; the detector leaves a site inside one of them alone without judging.
A lead standing alone is left alone when no character it starts is a
one-letter word (Zipf 4 or more in some language) or other than a letter.
A plain letter in a text with no whole sequence is as written only between
neighbours some language writes it between (``ãd`` in ``GESCHÃDIGT``, an
``Ä`` that lost its second byte, is in no word of any language).

    .venv/bin/python scripts/make_written_leads.py
"""

from __future__ import annotations

from pathlib import Path

import wordfreq

from mojibake_fix.detectors.lossy_utf8 import lead_sites

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "mojibake_fix" / "context" / "written_leads.txt"
ONE_LETTER_TARGET = ROOT / "src" / "mojibake_fix" / "context" / "one_letter_words.txt"
ONE_LETTER_ZIPF = 4.0
NEIGHBOURS_TARGET = ROOT / "src" / "mojibake_fix" / "context" / "lead_neighbours.txt"
LATIN_1_LETTERS = [chr(code) for code in range(0xC0, 0x100) if chr(code).isalpha()]
# A word's edge, as the neighbour of its first or last letter.
EDGE = "_"
# Languages whose words wordfreq cuts with a tokenizer this project does not
# install; their one-character words are ideographs, which no lead starts.
WITHOUT_TOKENIZER = ("ja", "ko", "zh")
WORDS_PER_LANGUAGE = 30_000
SHORTEST = 3  # the detector does not look shorter words up


def written_leads() -> list[str]:
    found: set[str] = set()
    for lang in sorted(wordfreq.available_languages(wordlist="small")):
        for word in wordfreq.top_n_list(lang, WORDS_PER_LANGUAGE, wordlist="small"):
            # A space after the word keeps its last letter from looking like
            # a character cut at the end of the text.
            if len(word) >= SHORTEST and any(
                lead_sites(form + " ") for form in (word, word.capitalize())
            ):
                found.add(word.casefold())
    return sorted(found)


def lead_neighbours() -> list[str]:
    """One line per small Latin-1 letter: the letter, the letters written
    before it, the letters written after it (``_`` for a word's edge)."""
    before: dict[str, set[str]] = {}
    after: dict[str, set[str]] = {}
    letters = {ch.casefold() for ch in LATIN_1_LETTERS if len(ch.casefold()) == 1}
    for lang in sorted(wordfreq.available_languages(wordlist="small")):
        for word in wordfreq.top_n_list(lang, WORDS_PER_LANGUAGE, wordlist="small"):
            padded = EDGE + word.casefold() + EDGE
            for index in range(1, len(padded) - 1):
                ch = padded[index]
                if ch in letters:
                    before.setdefault(ch, set()).add(padded[index - 1])
                    after.setdefault(ch, set()).add(padded[index + 1])
    return [
        f"{ch} {''.join(sorted(before[ch]))} {''.join(sorted(after[ch]))}" for ch in sorted(before)
    ]


def one_letter_words() -> list[str]:
    found: set[str] = set()
    for lang in sorted(wordfreq.available_languages(wordlist="small")):
        if lang in WITHOUT_TOKENIZER:
            continue
        for word in wordfreq.top_n_list(lang, 1000, wordlist="small"):
            if (
                len(word) == 1
                and word.isalpha()
                and wordfreq.zipf_frequency(word, lang, wordlist="small") >= ONE_LETTER_ZIPF
            ):
                found.add(word)
    return sorted(found)


def main() -> None:
    words = written_leads()
    TARGET.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {TARGET.relative_to(ROOT)}")
    letters = one_letter_words()
    ONE_LETTER_TARGET.write_text("\n".join(letters) + "\n", encoding="utf-8")
    print(f"{len(letters)} letters -> {ONE_LETTER_TARGET.relative_to(ROOT)}")
    neighbours = lead_neighbours()
    NEIGHBOURS_TARGET.write_text("\n".join(neighbours) + "\n", encoding="utf-8")
    print(f"{len(neighbours)} letters -> {NEIGHBOURS_TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
