"""How the engine chooses among overlapping findings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mojibake_fix.engine import _outside, _overlaps, _untouched, choose
from mojibake_fix.model import Change, Finding

PRIORITIES = {"utf8-as-cp1252": 10, "utf8-as-latin-1": 11}


def _finding(start: int, end: int, detector: str, confidence: float, replacement: str) -> Finding:
    return Finding(start, end, detector, confidence, "test", replacement)


def test_a_reading_of_a_whole_word_outranks_a_surer_one_of_a_part_it_agrees_with() -> None:
    # Windows-1252 reads all of ``à¤šà¥‡à¤¤à¤¾à¤µà¤¨à¥€``; Latin-1 cannot read its
    # ``€`` and reads only the middle, with more confidence.
    whole = _finding(0, 21, "utf8-as-cp1252", 0.896, "चेतावनी")
    part = _finding(6, 18, "utf8-as-latin-1", 0.92, "तावन")
    applied, _ = choose([part, whole], 0.6, PRIORITIES)
    assert applied == [whole]


def test_a_surer_part_that_disagrees_keeps_its_rank() -> None:
    whole = _finding(0, 21, "utf8-as-cp1252", 0.896, "चेतावनी")
    part = _finding(6, 18, "utf8-as-latin-1", 0.92, "ताबन")
    applied, _ = choose([part, whole], 0.6, PRIORITIES)
    assert applied == [part]


def test_agreement_never_applies_a_finding_below_the_bar() -> None:
    whole = _finding(0, 21, "utf8-as-cp1252", 0.5, "चेतावनी")
    part = _finding(6, 18, "utf8-as-latin-1", 0.92, "तावन")
    applied, _ = choose([part, whole], 0.6, PRIORITIES)
    assert applied == [part]


def test_code_pages_making_the_same_repair_break_a_near_tie() -> None:
    # ISO-8859-15 reads ``ÎŸÎ¹`` as ``ξι`` a little surer than Windows-1252
    # and -1254 read ``Οι``; two pages agreeing outrank one alone.
    alone = _finding(0, 4, "utf8-as-iso-8859-15", 0.882, "ξι")
    agreeing = [
        _finding(0, 4, "utf8-as-cp1252", 0.872, "Οι"),
        _finding(0, 4, "utf8-as-cp1254", 0.856, "Οι"),
    ]
    applied, _ = choose([alone, *agreeing], 0.6, PRIORITIES)
    assert [finding.replacement for finding in applied] == ["Οι"]


def test_agreement_does_not_outweigh_a_clearly_surer_reading() -> None:
    alone = _finding(0, 4, "utf8-as-iso-8859-15", 0.95, "ξι")
    agreeing = [
        _finding(0, 4, detector, 0.872, "Οι")
        for detector in ("utf8-as-cp1252", "utf8-as-cp1254", "utf8-as-latin-1", "utf8-as-cp850")
    ]
    applied, _ = choose([alone, *agreeing], 0.6, PRIORITIES)
    assert applied == [alone]


@st.composite
def _changes_and_findings(draw: st.DrawFn) -> tuple[list[Change], list[Finding]]:
    """Sorted changes that do not overlap (empty ones too), and findings anywhere."""
    changes: list[Change] = []
    position = fixed = 0
    for _ in range(draw(st.integers(0, 8))):
        position += draw(st.integers(0, 3))
        fixed += position - (changes[-1].end if changes else 0)
        length, fixed_length = draw(st.integers(0, 3)), draw(st.integers(0, 3))
        changes.append(
            Change(position, position + length, fixed, fixed + fixed_length, "", "", "t", 1, "")
        )
        position, fixed = position + length, fixed + fixed_length
    findings = [
        _finding(start, start + draw(st.integers(0, 4)), "t", 1.0, "x")
        for start in draw(st.lists(st.integers(0, position + 4), max_size=8))
    ]
    return changes, findings


@given(_changes_and_findings())
def test_findings_left_beside_changes_are_found_by_search_as_by_walking_them_all(
    case: tuple[list[Change], list[Finding]],
) -> None:
    changes, findings = case
    walked = tuple(f for f in findings if not any(_overlaps(f.start, f.end, c) for c in changes))
    assert _untouched(findings, changes) == walked
    moved = []
    for finding in findings:
        shift = 0
        for change in changes:
            if change.fixed_end <= finding.start:
                shift = change.end - change.fixed_end
            elif change.fixed_start < finding.end or change.fixed_start == finding.start:
                break
        else:
            moved.append((finding.start + shift, finding.end + shift))
    assert [(f.start, f.end) for f in _outside(findings, changes)] == moved
