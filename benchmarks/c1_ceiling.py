"""How many C1-stripped documents word frequency alone could bring back exactly.

    .venv/bin/python benchmarks/c1_ceiling.py [corpus/cases.jsonl]

Stripping the C1 controls from UTF-8 read as Latin-1 maps many words to one
damaged form (``теста`` and ``черта`` both become ``Ñ\u0082е...`` less their C1
bytes). A model that ranks the readings of a damaged word by how common each is
can restore a document only where, for every damaged word, no other listed word
with the same damaged form is commoner than the one the author wrote. This
counts, for each document of the ``lossy-c1-stripped`` family, whether that
holds, from wordfreq's lists (the 150,000 commonest words of the document's
language, each in small, capitalised and capital letters).

The count is an upper bound, generously: a word no list holds counts as
restorable, and so does every document in a language whose words spaces do not
part (Chinese, Japanese, Korean, Thai) or that wordfreq does not list (Estonian).
Not a test: it reads the corpus and wordfreq's lists, and prints the bound.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import wordfreq

ROOT = Path(__file__).resolve().parents[1]
FAMILY = "lossy-c1-stripped"
_C1 = re.compile("[\x80-\x9f]")
_WORD = re.compile(r"\w+")
_LISTED = 150_000
_UNSPACED = frozenset({"zh", "ja", "ko", "th"})


def c1_stripped(text: str) -> str:
    """UTF-8 read as Latin-1, every C1 control then deleted (the family's damage)."""
    return _C1.sub("", text.encode("utf-8").decode("latin-1"))


@functools.cache
def commonest_by_damaged_form(lang: str) -> dict[str, tuple[float, str]] | None:
    """For each damaged form, the commonest listed word (in any of its three
    casings) that takes it; ``None`` where wordfreq has no list for ``lang``."""
    if lang not in wordfreq.available_languages():
        return None
    frequencies = wordfreq.get_frequency_dict(lang)
    commonest: dict[str, tuple[float, str]] = {}
    for word in wordfreq.top_n_list(lang, _LISTED):
        frequency = frequencies.get(word, 0.0)
        for form in {word, word.capitalize(), word.upper()}:
            key = c1_stripped(form)
            if key not in commonest or commonest[key][0] < frequency:
                commonest[key] = (frequency, form)
    return commonest


def beaten_words(text: str, lang: str) -> Iterator[tuple[str, str]]:
    """The words of ``text`` that lose bytes and whose damaged form a listed
    word strictly commoner takes too, each with that word (a tie counts as
    restorable)."""
    commonest = commonest_by_damaged_form(lang)
    if commonest is None:
        return
    frequencies = wordfreq.get_frequency_dict(lang)
    for match in _WORD.finditer(text):
        word = match.group()
        key = c1_stripped(word)
        if key == word.encode("utf-8").decode("latin-1"):
            continue  # no byte of it was a C1 control
        if key in commonest and commonest[key][0] > frequencies.get(word.casefold(), 0.0):
            yield word, commonest[key][1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT / "corpus" / "cases.jsonl"))
    args = parser.parse_args()
    by_language: dict[str, list[bool]] = defaultdict(list)
    for line in Path(args.corpus).read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["family"] != FAMILY:
            continue
        lang = case["id"].split("/")[1]
        beaten = [] if lang in _UNSPACED else list(beaten_words(case["expected"], lang))
        by_language[lang].append(not beaten)
    total = sum(len(outcomes) for outcomes in by_language.values())
    restorable = sum(sum(outcomes) for outcomes in by_language.values())
    for lang in sorted(by_language):
        outcomes = by_language[lang]
        print(f"{lang}: {sum(outcomes)}/{len(outcomes)}")
    print(f"at most {restorable}/{total} ({restorable / total:.1%}) by word frequency alone")


if __name__ == "__main__":
    main()
