"""ftfy 6.3.1's own test cases, run the way ftfy's suite runs them.

``tests/test_cases.json`` of ftfy's source distribution holds mojibake its
author collected from real tweets and web pages over years, clean text that
must not change, and cases ftfy knows it fails. Every case that ftfy's own
suite runs is run here too, in four groups: repairs, negatives, the same
again under one more layer of UTF-8 read as Latin-1, and ftfy's known
failures.

Our output must be ftfy's, or the text the author wrote where ftfy keeps
U+FFFD for bytes that were lost (``data/ftfy_suite.json``, ``author``, with
the reason). What we still get wrong is listed there too (``misses``, with
the reason): a listed case that starts to pass fails the test, so the list
only ever shrinks, and the counts in docs/accuracy.md stay true.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import mojibake_fix
from mojibake_fix.external import unpacked

EXPECTATIONS = json.loads(
    (Path(__file__).parent / "data" / "ftfy_suite.json").read_text(encoding="utf-8")
)
AUTHOR = {entry["original"]: entry["text"] for entry in EXPECTATIONS["author"]}
MISSES = {(entry["group"], entry["original"]) for entry in EXPECTATIONS["misses"]}
# ftfy's known failures we repair; more is better, fewer fails the test.
KNOWN_FAILURES_SOLVED = 7


@dataclass(frozen=True, slots=True)
class SuiteCase:
    group: str
    label: str
    text: str
    original: str
    expected: str


def ftfy_cases() -> list[dict[str, str]]:
    path = unpacked("ftfy") / "tests" / "test_cases.json"
    cases: list[dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))
    return cases


def suite_cases() -> Iterator[SuiteCase]:
    """The cases ftfy expects to pass, in the groups the suite runs them."""
    for case in ftfy_cases():
        if case["expect"] != "pass":
            continue
        original = case["original"]
        expected = case.get("fixed-encoding", case["fixed"])
        group = "negative" if original == expected else "repair"
        yield SuiteCase(group, case["label"], original, original, expected)
        extra = original.encode("utf-8").decode("latin-1")
        yield SuiteCase("extra-layer", case["label"], extra, original, expected)


CASES = list(suite_cases())


@pytest.mark.parametrize("case", CASES, ids=[f"{c.group}:{c.label[:50]}" for c in CASES])
def test_ftfy_case(case: SuiteCase) -> None:
    result = mojibake_fix.fix(case.text)
    assert result.revert() == case.text
    assert all(change.original != change.replacement for change in result.changes)
    right = {case.expected, AUTHOR.get(case.original, case.expected)}
    if (case.group, case.original) in MISSES:
        assert result.text not in right, "now repaired: take it off the list of misses"
    else:
        assert result.text in right


def test_every_listed_case_is_in_the_suite() -> None:
    originals = {case.original for case in CASES}
    assert set(AUTHOR) <= originals
    assert {original for _, original in MISSES} <= originals


def test_known_failures_of_ftfy() -> None:
    """ftfy's ten cases its heuristics fail: we repair at least as many as listed."""
    failing = [case for case in ftfy_cases() if case["expect"] == "fail"]
    solved = sum(
        mojibake_fix.fix(case["original"]).text == case.get("fixed-encoding", case["fixed"])
        for case in failing
    )
    assert len(failing) == 10
    assert solved >= KNOWN_FAILURES_SOLVED
