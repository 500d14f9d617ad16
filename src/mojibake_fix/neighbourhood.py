"""Where a pass after the first looks: around what the passes before it changed.

The first pass reads the whole text. What it leaves can read anew only where
a repair changed it: the repaired span may be mojibake one layer less deep,
and its neighbours are judged with a repaired word beside them. So a later
pass reads the lines that hold the changes and those within :data:`NEAR`
(a document joins lines from many sources, and a detector judges a line by
what it and the lines of its source show), with the lines within
:data:`CONTEXT` more for the evidence read more widely (the punctuation
style of a passage); in a line longer than :data:`LONGEST_READ_WHOLE`, a
window around each change. Each window is read with its part of the text
as it came: repairs keep line breaks, so the changes made so far map one
onto the other.

>>> from mojibake_fix.model import Change
>>> came = "first line\\ncafÃ© au lait\\nlast line"
>>> text = "first line\\ncafé au lait\\nlast line"
>>> change = Change(14, 16, 14, 15, "Ã©", "é", "utf8-as-cp1252", 1.0, "")
>>> [(w.start, w.end, w.came_start, w.came_end) for w in windows(text, came, [(14, 15)], [change])]
[(0, 33, 0, 34)]
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from .lines import LONGEST_LINE, line_around, lines_within, window_around, with_margin
from .model import Change, Finding

# How far, in characters, the lines read around the judged ones reach on either
# side: as far as a detector reads a line's passage for its punctuation style
# (lossy-utf8), so that a judged line is judged as in the whole text.
CONTEXT = 8000
# The lines within this of a changed line are judged anew too: a detector reads
# lines one after another as one document (a code page that explains one line
# vouches for the next), so a repaired line changes how its neighbours read.
NEAR = LONGEST_LINE
# Lines up to this long are read whole by later passes too. A detector judges a
# change by what the whole of its line shows (how much of the line a code page
# explains, which bytes it lost), so that a window of the line would judge it
# otherwise than the first pass did, and otherwise than a later fix of the
# result, which must change nothing. A longer line is read in windows of
# :data:`~mojibake_fix.lines.LONGEST_LINE` around each change, so that one
# mojibake at the end of a page-long line costs no second reading of the page.
LONGEST_READ_WHOLE = 65_536


@dataclass(frozen=True, slots=True)
class Window:
    """A part of the repaired text a pass reads: where it starts and ends,
    where its part of the text as it came starts and ends, and the spans
    whose findings count (what else it holds is read for evidence only)."""

    start: int
    end: int
    came_start: int
    came_end: int
    kept: tuple[tuple[int, int], ...]


def windows(
    text: str, came: str, changed: Iterable[tuple[int, int]], changes: Sequence[Change]
) -> tuple[Window, ...] | None:
    """The windows of ``text`` around the spans ``changed`` (sorted, on
    ``text``), which ``changes`` (sorted, from ``came`` to ``text``) made
    of ``came``; ``None`` where a window cannot be paired with its part
    of ``came`` line for line (a change across a line break)."""
    groups: list[tuple[int, int, list[tuple[int, int]]]] = []
    for line_start, line_end, spans in _lines_of(text, changed):
        for read_start, read_end, core in _around(text, line_start, line_end, spans):
            cores = [core]
            # Windows that overlap or touch are read as one.
            while groups and read_start <= groups[-1][1] + 1:
                first, last, held = groups.pop()
                read_start, read_end = min(first, read_start), max(last, read_end)
                cores = _joined(held, cores)
            groups.append((read_start, read_end, cores))
    found: list[Window] = []
    ends = [change.fixed_end for change in changes]
    for start, end, cores in groups:
        window = _paired(text, came, start, end, changes, ends)
        if window is None:
            return None
        found.append(dataclasses.replace(window, kept=tuple(cores)))
    return tuple(found)


def _lines_of(
    text: str, changed: Iterable[tuple[int, int]]
) -> Iterator[tuple[int, int, list[tuple[int, int]]]]:
    """The lines of ``text`` that hold the spans ``changed`` (sorted), each
    with its spans: where the lines start and end, a span's lines one."""
    line_start = line_end = -1
    spans: list[tuple[int, int]] = []
    for start, end in changed:
        if start > line_end:
            if spans:
                yield line_start, line_end, spans
            line_start, spans = line_around(text, start)[0], []
        line_end = max(line_end, line_around(text, max(start, end - 1))[1])
        spans.append((start, end))
    if spans:
        yield line_start, line_end, spans


def _joined(first: list[tuple[int, int]], then: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of ``first`` and then those of ``then`` (in order), those
    that overlap joined."""
    for start, end in then:
        if first and start <= first[-1][1]:
            first[-1] = (min(first[-1][0], start), max(first[-1][1], end))
        else:
            first.append((start, end))
    return first


def _around(
    text: str, line_start: int, line_end: int, spans: list[tuple[int, int]]
) -> list[tuple[int, int, tuple[int, int]]]:
    """Where to read around ``spans`` of the line from ``line_start`` to
    ``line_end`` of ``text``, each with the core whose findings count: the
    line and those within :data:`NEAR` of it, read with the lines within
    :data:`CONTEXT` of those; in a line longer than :data:`LONGEST_READ_WHOLE`,
    a window around each span, unless the windows would read half the line
    anyway."""
    if line_end - line_start > LONGEST_READ_WHOLE:
        around: list[tuple[int, int, tuple[int, int]]] = []
        for start, end in spans:
            core = (
                window_around(text, line_start, line_end, start)[0],
                window_around(text, line_start, line_end, max(start, end - 1))[1],
            )
            read = with_margin(text, line_start, line_end, core)
            if around and read[0] <= around[-1][1]:
                last = around.pop()
                read, core = (last[0], read[1]), (last[2][0], core[1])
            around.append((*read, core))
        if 2 * sum(end - start for start, end, _ in around) < line_end - line_start:
            return around
    core = lines_within(text, line_start, line_end, NEAR)
    return [(*lines_within(text, *core, CONTEXT), core)]


def _paired(
    text: str, came: str, start: int, end: int, changes: Sequence[Change], ends: list[int]
) -> Window | None:
    """The window of ``text`` from ``start`` to ``end``, widened to hold
    every change it touches, with its part of ``came``; ``None`` where the
    two do not hold as many lines."""
    # The changes that end before the window (a deletion at its start is in it).
    before = bisect.bisect_right(ends, start)
    while before and changes[before - 1].fixed_start == changes[before - 1].fixed_end == start:
        before -= 1
    if before < len(changes) and changes[before].fixed_start < start:
        start = changes[before].fixed_start  # a change the window's edge cuts
    came_start = start + (changes[before - 1].end - changes[before - 1].fixed_end if before else 0)
    # The changes that end at or before the window's end, and one that it cuts.
    upto = bisect.bisect_right(ends, end)
    if upto < len(changes) and changes[upto].fixed_start < end:
        end, upto = changes[upto].fixed_end, upto + 1
    came_end = end + (changes[upto - 1].end - changes[upto - 1].fixed_end if upto else 0)
    if text.count("\n", start, end) != came.count("\n", came_start, came_end):
        return None
    return Window(start, end, came_start, came_end, ())


def found_in(window: Window, findings: Iterable[Finding]) -> list[Finding]:
    """The ``findings`` in the text of ``window`` that start in one of its
    cores, moved to the whole text's offsets."""
    starts = [start for start, _ in window.kept]
    moved: list[Finding] = []
    for finding in findings:
        start = finding.start + window.start
        core = bisect.bisect_right(starts, start) - 1
        if core < 0 or start > window.kept[core][1]:
            continue
        if window.start:
            finding = dataclasses.replace(finding, start=start, end=finding.end + window.start)
        moved.append(finding)
    return moved
