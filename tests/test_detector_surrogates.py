"""The utf16-surrogates detector: surrogate pairs joined, lone surrogates reported."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mojibake_fix
from mojibake_fix.detectors.surrogates import UTF16_SURROGATES, find

from .conftest import clean_samples

DETECTOR = "utf16-surrogates"


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("smile \ud83d\ude00", "smile 😀"),
        ("\ud83d\udc4d\ud83c\udffd ok", "👍🏽 ok"),
        ("Han \ud840\udc00 ext B", "Han 𠀀 ext B"),
        ("math \ud835\udc00", "math 𝐀"),
    ],
)
def test_joins_surrogate_pairs(broken: str, fixed: str) -> None:
    result = mojibake_fix.fix(broken)
    assert result.text == fixed
    assert {c.detector for c in result.changes} == {DETECTOR}
    assert result.revert() == broken


@pytest.mark.parametrize(
    "text",
    ["lone high \ud83d here", "lone low \ude00", "reversed \ude00\ud83d", "\udfff\udbff"],
)
def test_lone_surrogates_are_reported_not_changed(text: str) -> None:
    result = mojibake_fix.fix(text)
    assert result.text == text
    assert result.changes == ()
    reported = [f for f in result.findings if f.detector == DETECTOR]
    assert reported
    assert all(f.replacement is None and f.confidence == 1.0 for f in reported)
    covered = {i for f in reported for i in range(f.start, f.end)}
    assert covered == {i for i, ch in enumerate(text) if "\ud800" <= ch <= "\udfff"}


def test_surrogateescape_bytes_offer_a_reading() -> None:
    text = b"caf\xe9 ok".decode("utf-8", errors="surrogateescape")
    [finding] = find(text)
    assert finding.replacement is None
    assert finding.alternatives[0].text == "é"


def test_pair_next_to_lone_surrogate() -> None:
    findings = list(find("\ud83d\ud83d\ude00"))
    assert [(f.start, f.end, f.replacement) for f in findings] == [(0, 1, None), (1, 3, "😀")]


@pytest.mark.parametrize("text", clean_samples())
def test_clean_text_is_untouched(text: str) -> None:
    assert list(find(text)) == []
    result = mojibake_fix.fix(text)
    assert result.text == text
    assert result.changes == ()


def test_trigger_is_selective() -> None:
    trigger = re.compile(UTF16_SURROGATES.trigger())
    assert all(trigger.search(text) is None for text in clean_samples())
    assert trigger.search("\udc80")


ANY_CHARACTER = st.characters(codec=None, exclude_categories=())


@given(st.text(alphabet=ANY_CHARACTER))
def test_fix_never_raises_and_reverts(text: str) -> None:
    result = mojibake_fix.fix(text)
    assert result.revert() == text
    assert json.loads(json.dumps(result.to_dict()))["length"] == len(text)
    mojibake_fix.detect(text)


@given(
    st.lists(
        st.one_of(
            st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
            st.text(alphabet=ANY_CHARACTER, max_size=3),
            st.sampled_from(["Ã", "â\x80", "\x93", "\ufffd", "&amp;"]),
        ),
        max_size=12,
    )
)
def test_surrogate_heavy_text_never_raises(pieces: list[str]) -> None:
    text = "".join(pieces)
    for enable in ((), ("html-entities",)):
        result = mojibake_fix.fix(text, enable=enable)
        assert result.revert() == text
        assert not any("\ud800" <= ch <= "\udbff" for ch in result.text) or any(
            "\ud800" <= ch <= "\udbff" for ch in text
        )
    joined = "".join(f.replacement or "" for f in find(text))
    assert all(ord(ch) > 0xFFFF for ch in joined)
