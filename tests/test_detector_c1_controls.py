"""The c1-controls detector: Windows-1252 punctuation read as Latin-1 C1 controls."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mojibake_fix
from mojibake_fix.detectors.c1_controls import C1_CONTROLS, find

from .conftest import clean_samples


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("He said \x93quoted\x94 and left.", "He said “quoted” and left."),
        ("Wait for it\x85 done", "Wait for it… done"),
        ("It costs 5\x80 now", "It costs 5€ now"),
        ("1990\x962000", "1990–2000"),
        ("Acme\x99 products \x95 fast", "Acme™ products • fast"),
        ("l\x92homme et l\x92\x9cuvre", "l’homme et l’œuvre"),
        ("\x84Guten Tag\x93, sagte er \x97 leise.", "„Guten Tag“, sagte er — leise."),
        ("Say \x91hi\x92\x85\x94", "Say ‘hi’…”"),
    ],
)
def test_repairs_windows_1252_punctuation(broken: str, fixed: str) -> None:
    result = mojibake_fix.fix(broken)
    assert result.text == fixed
    assert {c.detector for c in result.changes} == {"c1-controls"}
    assert result.revert() == broken


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        # Mac OS Roman's 0x80-0x9F are letters: a Mac's text read as Latin-1.
        ("barco tur\x92stico en Acapulco.", "barco turístico en Acapulco."),
        ("De Coatl\x87n conf\x92an en el proyecto", "De Coatlán confían en el proyecto"),
        ("C\x92est na\x95ve, caf\x8e cr\x8fme br\x9el\x8ee", "C’est naïve, café crème brûlée"),
        ("Die Fahrt nach M\x9fnchen und K\x9aln", "Die Fahrt nach München und Köln"),
    ],
)
def test_mac_roman_letters_where_they_make_words(broken: str, fixed: str) -> None:
    result = mojibake_fix.fix(broken)
    assert result.text == fixed
    assert result.revert() == broken


@pytest.mark.parametrize(
    "broken",
    [
        "I don\x92t know the dogs\x92 toys",  # í would make no word
        "l\x92homme et l\x92\x9cuvre",
        "Mr O\x92Neill\x92s \x93book\x94 \x96 and d\x92Artagnan",
    ],
)
def test_no_mac_roman_where_no_word_shows_it(broken: str) -> None:
    result = mojibake_fix.fix(broken)
    reasons = {change.reason for change in result.changes}
    assert "Mac OS Roman letters decoded as Latin-1" not in reasons


def test_c1_controls_wrapped_in_utf8_once_more_are_two_layers() -> None:
    # The outer layer (UTF-8 read as Latin-1) is peeled first, then the
    # C1 controls beneath it are read as Windows-1252.
    broken = "C2-wrapped: \u00c2\x93yes\u00c2\x94"
    result = mojibake_fix.fix(broken)
    assert result.text == "C2-wrapped: “yes”"
    assert [c.reason for c in result.changes] == ["UTF-8 read as latin-1 (2 layers)"] * 2
    assert result.revert() == broken
    assert [f.replacement for f in find(broken)] == ["“", "”"]


def test_each_maximal_run_is_one_finding() -> None:
    findings = list(find("a\x93\x85\x94b \x96 c"))
    assert [(f.start, f.end, f.replacement) for f in findings] == [
        (1, 4, "“…”"),
        (6, 7, "–"),
    ]
    assert all(f.confidence >= 0.6 for f in findings)


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("\u00e2\x80\x9cquoted\x80\x9d", "“quoted\x80\x9d"),
        ("\u00c3\x89cole", "École"),
        ("\u00e2\x80\x94 dash \u00e2\x80\x99s", "— dash ’s"),
        ("caf\u00c3\u00a9 \u00e2\x80\x9cok\u00e2\x80\x9d", "café “ok”"),
    ],
)
def test_utf8_read_as_latin1_goes_to_the_utf8_detector(broken: str, fixed: str) -> None:
    result = mojibake_fix.fix(broken)
    assert result.text == fixed
    assert all(c.detector != "c1-controls" for c in result.changes)


@pytest.mark.parametrize(
    "text",
    [
        "\u00e2\x80\x9c",  # complete UTF-8 sequence
        "\u00c3\x89",
        "\u00e2\x80",  # truncated UTF-8 sequence
        "\u00e2\u20ac\x9c",  # lead and middle byte in Windows-1252, last as C1
        "\u00f0\x9f\x98\x80",
    ],
)
def test_c1_inside_utf8_sequence_is_never_confident(text: str) -> None:
    assert all(f.confidence < 0.6 for f in find(text))


@pytest.mark.parametrize(
    "text",
    [
        "tail of a lost lead: \x80\x99s",
        "undefined byte: a\x81b, \x8d, \x8f, \x90, \x9d",
        "mixed run a\x93\x9db",
        "terminal escape \x9b31mred\x9b0m",
        "records\x85separated\x85by\x85NEL",
    ],
)
def test_not_windows_1252_is_not_applied(text: str) -> None:
    assert all(f.confidence < 0.6 for f in find(text))
    assert mojibake_fix.fix(text).text == text


def test_letters_among_latin1_letters_are_doubtful() -> None:
    # Central European text in Latin-1: 0x9C is 'ś' in Windows-1250, not 'œ'.
    findings = list(find("\u00b6wi\x9c\u00e6"))
    assert findings and all(f.confidence < 0.6 for f in findings)


@pytest.mark.parametrize("text", clean_samples())
def test_clean_text_is_untouched(text: str) -> None:
    assert all(f.confidence < 0.6 for f in find(text))
    result = mojibake_fix.fix(text)
    assert result.text == text
    assert result.changes == ()


def test_trigger_is_selective() -> None:
    import re

    trigger = re.compile(C1_CONTROLS.trigger())
    assert all(trigger.search(text) is None for text in clean_samples())
    assert trigger.search("a\x93b")


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_any_text_fixes_and_reverts(text: str) -> None:
    result = mojibake_fix.fix(text)
    assert result.revert() == text
    for finding in find(text):
        assert 0 <= finding.start < finding.end <= len(text)
        assert 0.0 <= finding.confidence <= 1.0


@given(
    st.lists(
        st.one_of(
            st.sampled_from(["\x93", "\x94", "\x85", "\x96", "\x97", "\x91", "\x92", "\x80"]),
            st.text(alphabet="abc ,.", min_size=1, max_size=5),
        ),
        max_size=12,
    )
)
def test_runs_map_byte_for_byte(pieces: list[str]) -> None:
    text = "".join(pieces)
    for finding in find(text):
        original = text[finding.start : finding.end]
        page = "mac_roman" if finding.reason.startswith("Mac OS Roman") else "cp1252"
        assert finding.replacement == original.encode("latin-1").decode(page)


@pytest.mark.parametrize("other", ["", "Another line.\n", "\nAnother line."])
def test_a_line_is_judged_by_its_own_breaks_and_quotes(other: str) -> None:
    """NEL breaking a line's words, and the closing quote that makes an
    opening one surer, count in the line they are in, whatever lines join it."""
    nel = "records\x85separated\x85by\x85NEL"
    text = other + nel if other.endswith("\n") else nel + other
    assert all(f.confidence < 0.6 for f in find(text))
    quoted = "Say \x93hi\x94 now"
    framed = other + quoted if other.endswith("\n") else quoted + other
    assert [f.confidence for f in find(framed)] == [f.confidence for f in find(quoted)]
    assert next(f.confidence for f in find("Say \x93hi" + (other or "\n") + "\x94")) == 0.9
