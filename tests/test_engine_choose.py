"""How the engine chooses among overlapping findings."""

from __future__ import annotations

from mojibake_fix.engine import choose
from mojibake_fix.model import Finding

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
