"""Our way of asking ftfy's badness gives ftfy's answer, on any text."""

from __future__ import annotations

import ftfy.badness
from hypothesis import given, settings
from hypothesis import strategies as st

from mojibake_fix.badness import is_bad
from mojibake_fix.evaluation import read_cases

from .conftest import ROOT

# Every character ftfy's pattern names, the ranges' ends among them, and the
# high half of Latin-1 with Cyrillic and Greek letters around: what its
# branches are made of.
_NAMED = sorted(
    {ch for ch in ftfy.badness.BADNESS_RE.pattern if ord(ch) > 0x7F}
    | {chr(code) for code in range(0x80, 0x100)}
    | set("ВГРСўЂβΒΓΞΟāвгрс абвгд αβγ abcz ABCZ.,?!\n\t")
)


@settings(max_examples=3000, deadline=None)
@given(st.text(st.sampled_from(_NAMED), max_size=12))
def test_short_texts_of_the_patterns_characters_are_judged_as_ftfy_judges_them(
    text: str,
) -> None:
    assert is_bad(text) == ftfy.badness.is_bad(text)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(st.text(st.sampled_from(_NAMED), max_size=3), st.integers(0, 12))))
def test_long_texts_sparse_or_dense_are_judged_as_ftfy_judges_them(
    pieces: list[tuple[str, int]],
) -> None:
    # The pattern's characters a few at a time, plain letters between them:
    # far apart each possible start is matched, close together one search runs.
    text = "".join(piece + "д" * gap for piece, gap in pieces)
    assert is_bad(text) == ftfy.badness.is_bad(text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_judged_as_ftfy_judges_it(text: str) -> None:
    assert is_bad(text) == ftfy.badness.is_bad(text)


def test_every_corpus_text_is_judged_as_ftfy_judges_it() -> None:
    cases = read_cases(ROOT / "corpus" / "cases.jsonl")
    texts = [case.input for case in cases] + [case.expected for case in cases]
    assert len(texts) > 1000
    assert [is_bad(text) for text in texts] == [ftfy.badness.is_bad(text) for text in texts]


def test_a_match_starting_before_the_first_needed_character_is_found() -> None:
    # ``Ђ``, the first character a match needs, is the fourth of ``ГўВЂВ``.
    text = "Всё в порядке ГўВЂВљa"
    assert is_bad(text) and ftfy.badness.is_bad(text)
    assert not is_bad("Всё в порядке. Ωραία μέρα. " * 20)
