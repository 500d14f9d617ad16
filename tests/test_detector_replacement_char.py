"""The replacement-char detector: U+FFFD reported as lost data, never changed."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mojibake_fix
from mojibake_fix.detectors.base import Detector
from mojibake_fix.detectors.replacement_char import REPLACEMENT_CHAR, find
from mojibake_fix.engine import fix_with
from mojibake_fix.model import Finding

from .conftest import clean_samples

DETECTOR = "replacement-char"


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("caf\ufffd", [(3, 4)]),
        ("\ufffd\ufffd\ufffd start", [(0, 3)]),
        ("a\ufffdb\ufffd\ufffdc", [(1, 2), (3, 5)]),
        ("Привет \ufffd мир", [(7, 8)]),
        ("中文\ufffd\ufffd", [(2, 4)]),
    ],
)
def test_reports_each_run_and_changes_nothing(text: str, spans: list[tuple[int, int]]) -> None:
    result = mojibake_fix.fix(text)
    assert result.text == text
    assert result.changes == ()
    reported = [f for f in result.findings if f.detector == DETECTOR]
    assert [(f.start, f.end) for f in reported] == spans
    for finding in reported:
        assert finding.replacement is None
        assert finding.confidence == 1.0
        assert "lost" in finding.reason
    assert result.to_dict()["findings"]


def test_detect_lists_the_runs() -> None:
    findings = mojibake_fix.detect("x\ufffd\ufffdy")
    assert [(f.detector, f.start, f.end) for f in findings] == [(DETECTOR, 1, 3)]


def _lossy_repair(text: str) -> Iterator[Finding]:
    """A stand-in for a detector that recovers a character at a U+FFFD."""
    for match in re.finditer("\u00d0\ufffd", text):
        yield Finding(match.start(), match.end(), "lossy", 0.8, "lossy", replacement="Р")


LOSSY = Detector(id="lossy", summary="test", find=_lossy_repair, trigger=lambda: "\u00d0\ufffd")


def test_reports_do_not_block_repairs_of_the_same_span() -> None:
    text = "\u00d0\ufffdусский и \ufffd"
    for detectors in ((LOSSY, REPLACEMENT_CHAR), (REPLACEMENT_CHAR, LOSSY)):
        result = fix_with(text, detectors, 0.6)
        assert result.text == "Русский и \ufffd"
        assert [(c.start, c.end, c.detector) for c in result.changes] == [(0, 2, "lossy")]
        assert [(f.start, f.end, f.detector) for f in result.findings] == [(11, 12, DETECTOR)]
        assert result.revert() == text


@pytest.mark.parametrize("text", clean_samples())
def test_clean_text_is_untouched(text: str) -> None:
    assert list(find(text)) == []
    result = mojibake_fix.fix(text)
    assert result.text == text
    assert result.changes == ()


def test_trigger_is_selective() -> None:
    trigger = re.compile(REPLACEMENT_CHAR.trigger())
    assert all(trigger.search(text) is None for text in clean_samples())
    assert trigger.search("a\ufffd")


@given(st.text(alphabet=st.sampled_from("ab \ufffd\u00c3\u00d0\x93")))
def test_findings_cover_exactly_the_replacement_characters(text: str) -> None:
    covered = {i for f in find(text) for i in range(f.start, f.end)}
    assert covered == {i for i, ch in enumerate(text) if ch == "\ufffd"}
    assert mojibake_fix.fix(text).revert() == text
