"""The html-entities detector: character references left in plain text."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mojibake_fix
from mojibake_fix.detectors.html_entities import HTML_ENTITIES, _url_spans, find

from .conftest import clean_samples

DETECTOR = "html-entities"


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("caf&eacute; cr&egrave;me", "café crème"),
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("caf&#233; and caf&#xE9; and caf&#XE9;", "café and café and café"),
        ("no&nbsp;break", "no\xa0break"),
        ("&lt;b&gt; is bold", "<b> is bold"),
        ("double: caf&amp;eacute;", "double: café"),
        ("triple: caf&amp;amp;eacute;", "triple: café"),
        ("double numeric: caf&amp;#233;", "double numeric: café"),
        ("AT&amp;amp;T", "AT&T"),
        ("P&EACUTE;REZ", "PÉREZ"),
        ("Ελληνικ&aacute; &alpha;&beta;", "Ελληνικá αβ"),
        ("&#150; dash from Windows-1252", "– dash from Windows-1252"),
        ("emoji &#128512; &#x1F600;", "emoji 😀 😀"),
        ("http://example.com/?a=1&amp;b=2", "http://example.com/?a=1&b=2"),
    ],
)
def test_decodes_entities_when_enabled(broken: str, fixed: str) -> None:
    result = mojibake_fix.fix(broken, enable=[DETECTOR])
    assert result.text == fixed
    assert {c.detector for c in result.changes} == {DETECTOR}
    assert result.revert() == broken


def test_off_by_default() -> None:
    assert not HTML_ENTITIES.enabled_by_default
    assert mojibake_fix.fix("caf&eacute;").text == "caf&eacute;"


def test_finding_spans_the_whole_escaped_reference() -> None:
    [finding] = find("x &amp;amp;eacute; y")
    assert (finding.start, finding.end, finding.replacement) == (2, 18, "é")
    assert "3 times" in finding.reason


@pytest.mark.parametrize(
    "text",
    [
        "AT&T and R&D & more",
        "&copy 2024 and &amp without semicolon",
        "?a=1&b=2&c=3",
        "this&not that",
        "&nosuchentity; &foo;",
        "&#xD800; &#55296; &#0; &#1; &#x110000; &#99999999;",
        "&#; &#x; &; & ;",
        "Fish &amp Chips",
    ],
)
def test_leaves_non_entities_alone(text: str) -> None:
    assert list(find(text)) == []
    assert mojibake_fix.fix(text, enable=[DETECTOR]).text == text


@pytest.mark.parametrize(
    "text",
    [
        "<p>caf&eacute; &amp; th&eacute;</p>",
        "<a href='x'>Tom &amp; Jerry</a>",
        "see https://example.com/page?x=1&lang;=en",
    ],
)
def test_markup_and_urls_keep_their_entities(text: str) -> None:
    findings = list(find(text))
    assert findings and all(f.confidence < 0.6 for f in findings)
    assert mojibake_fix.fix(text, enable=[DETECTOR]).text == text


@pytest.mark.parametrize("text", clean_samples())
def test_clean_text_is_untouched(text: str) -> None:
    assert all(f.confidence < 0.6 for f in find(text))
    result = mojibake_fix.fix(text, enable=[DETECTOR])
    assert result.text == text
    assert result.changes == ()


def test_trigger_is_selective_and_covers_every_finding() -> None:
    trigger = re.compile(HTML_ENTITIES.trigger())
    assert all(trigger.search(text) is None for text in clean_samples())
    assert trigger.search("caf&amp;eacute;")


@given(
    st.lists(
        st.one_of(
            st.sampled_from(["&amp;", "&eacute;", "&#233;", "&#x41;", "&lang;", "&", ";", "#"]),
            st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=4),
        ),
        max_size=10,
    )
)
def test_any_text_fixes_and_reverts(pieces: list[str]) -> None:
    text = "".join(pieces)
    findings = list(find(text))
    if findings:
        assert re.search(HTML_ENTITIES.trigger(), text)
    for finding in findings:
        assert finding.replacement
        assert 0.0 <= finding.confidence <= 1.0
    result = mojibake_fix.fix(text, enable=[DETECTOR])
    assert result.revert() == text


_URL_PATTERN_AS_ONE_REGEX = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)\S*|\S*\?\S*=\S*")


@given(st.text(alphabet="?=a1+.:/w \n&é", max_size=40))
def test_url_spans_are_those_of_one_pattern(text: str) -> None:
    expected = [match.span() for match in _URL_PATTERN_AS_ONE_REGEX.finditer(text)]
    assert _url_spans(text) == expected


def _best_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        list(find(text))
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize(
    "build",
    [
        lambda n: "&eacute; " + "?" * n,
        lambda n: "&eacute; a?b=c " * (n // 14),
        lambda n: "&eacute; " + "1a" * (n // 2),
        lambda n: "&eacute;?" * (n // 9),
    ],
)
def test_work_grows_linearly_with_the_text(build: Callable[[int], str]) -> None:
    # A ratio, not a time: 4 times the text takes about 4 times as long; a quadratic
    # pattern would take 16 times, a cubic one 64.
    small, large = _best_seconds(build(20_000)), _best_seconds(build(80_000))
    assert large / max(small, 1e-6) < 9
