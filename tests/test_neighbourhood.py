"""Passes after the first read around what changed, not the whole text again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from mojibake_fix import engine, fix
from mojibake_fix.lines import LONGEST_LINE, MARGIN
from mojibake_fix.model import Finding
from mojibake_fix.neighbourhood import CONTEXT, LONGEST_READ_WHOLE, NEAR, found_in, windows

from .test_linear_work import ADVERSARIAL

# Clean French prose, and the benchmark's clean multilingual prose, which the
# detectors wake on and find nothing to repair in.
PROSE = "Le café du matin est servi avec une crème légère, près de la fenêtre. "
WOKEN_PROSE: str = ADVERSARIAL._clean_line(3 * LONGEST_READ_WHOLE)


def _read_by_detectors(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of each text the detectors are run over, in order."""
    lengths: list[int] = []
    run: Callable[..., list[Finding]] = engine._run_detectors

    def counted(text: str, *args: Any, **kwargs: Any) -> list[Finding]:
        lengths.append(len(text))
        return run(text, *args, **kwargs)

    monkeypatch.setattr(engine, "_run_detectors", counted)
    return lengths


def test_a_long_line_is_read_whole_once(monkeypatch: pytest.MonkeyPatch) -> None:
    text = WOKEN_PROSE + " un cafÃ© noir"
    lengths = _read_by_detectors(monkeypatch)
    assert fix(text).text.endswith(" un café noir")
    assert lengths[0] == len(text)
    assert len(lengths) > 1  # what the repair left was read again
    assert all(length <= LONGEST_LINE + 2 * MARGIN for length in lengths[1:])


def test_a_long_document_is_read_whole_once(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [WOKEN_PROSE[start : start + 300] for start in range(0, len(WOKEN_PROSE), 300)]
    lines[len(lines) // 2] = "un cafÃ© noir"
    text = "\n".join(lines)
    lengths = _read_by_detectors(monkeypatch)
    fixed = fix(text).text
    assert fixed.split("\n")[len(lines) // 2] == "un café noir"
    assert lengths[0] == len(fixed)  # after the line was read whole
    assert len(lengths) > 1
    assert all(length <= 2 * (NEAR + CONTEXT + 300) for length in lengths[1:])


def test_a_changed_line_is_read_with_its_line_as_it_came() -> None:
    came = "first line\ncafÃ© au lait\nlast line"
    text = fix(came).text
    change = fix(came).changes[0]
    (window,) = windows(text, came, [(change.fixed_start, change.fixed_end)], [change]) or ()
    assert text[window.start : window.end] == text
    assert came[window.came_start : window.came_end] == came
    assert window.kept == ((0, len(text)),)


def test_a_window_of_a_long_line_holds_the_change_and_its_part_as_it_came() -> None:
    prose = PROSE * (2 * LONGEST_READ_WHOLE // len(PROSE))
    came = prose + "un thÃ© noir. " + prose
    result = fix(came)
    (change,) = result.changes
    text = result.text
    (window,) = windows(text, came, [(change.fixed_start, change.fixed_end)], [change]) or ()
    assert window.start < change.fixed_start < change.fixed_end < window.end
    assert window.end - window.start <= LONGEST_LINE + 2 * MARGIN
    part = text[window.start : window.end]
    assert came[window.came_start : window.came_end] == part.replace("thé", "thÃ©")
    assert window.kept[0][0] >= window.start and window.kept[-1][1] <= window.end


def test_a_window_is_read_whole_where_windows_would_read_half_its_line() -> None:
    came = ("cafÃ© " + PROSE) * (2 * LONGEST_READ_WHOLE // len(PROSE))
    result = fix(came)
    spans = [(change.fixed_start, change.fixed_end) for change in result.changes]
    (window,) = windows(result.text, came, spans, result.changes) or ()
    assert (window.start, window.end) == (0, len(result.text))


def test_findings_move_to_the_whole_texts_offsets() -> None:
    text = "a\ncafÃ©\nb"
    (window,) = windows(text, text, [(2, 7)], []) or ()
    inner = Finding(start=5, end=7, detector="x", confidence=1.0, reason="", replacement="é")
    moved = found_in(window, [inner])
    assert [(f.start, f.end) for f in moved] == [(5, 7)]
