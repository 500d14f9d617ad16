"""From detectors to changes: choose, apply, go deeper, and keep the offsets.

One pass runs every enabled detector over the text, keeps non-overlapping
findings (the most confident wins; ties go to the longer span, then to the
detector with the lower priority number) and applies those at or above the
threshold. Repaired text can still be mojibake, one layer less deep
(``cafÃƒÂ©`` → ``cafÃ©`` → ``café``), so passes repeat until nothing changes;
the changes of all passes are composed into one change per span of the input.
Before any of that, an outer layer of UTF-8 read as Latin-1 or Windows-1252
is peeled off (:mod:`mojibake_fix.layers`), so that what lies beneath is
judged as it was before the last hop.

>>> result = fix("cafÃƒÂ©")
>>> result.text, [(c.original, c.replacement) for c in result.changes]
('café', [('ÃƒÂ©', 'é')])
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from .calibration import calibrated_finding, calibrated_result
from .detectors import Detector, WholeReading, select
from .detectors.base import Stretch
from .detectors.lost_bytes import MARKED
from .layers import MOST_LAYERS, OUTER_PAGES, Peeled, peel_layer
from .model import (
    Change,
    DeferredChanges,
    Finding,
    Result,
    build_changes,
    changes_by_runs,
    unchanged,
)
from .neighbourhood import Window, found_in, windows
from .scan import Scan, scan_for

DEFAULT_MIN_CONFIDENCE = 0.6
MAX_PASSES = 12
# What each further code page making the same repair adds to its rank, up to
# three: enough to break a near tie, never to outweigh a surer reading.
_AGREEMENT = 0.005
_MOST_AGREEING = 3


@dataclass(frozen=True, slots=True)
class Plan:
    """The detectors of a call, and what is derived from them once: the scan
    that lets clean text through and the tie-breaking priorities."""

    detectors: tuple[Detector, ...]
    scan: Scan
    priorities: Mapping[str, int]
    whole_readers: tuple[Detector, ...]
    outermost: tuple[Callable[[str], Iterable[Finding]], ...]
    # The detectors that read a text whole after the others, in priority
    # order, each with its place in ``detectors`` (what the scan wakes).
    after_readers: tuple[tuple[int, Callable[[str], WholeReading | None]], ...]
    outer_pages: tuple[str, ...]


@functools.cache
def plan_for(enable: frozenset[str] = frozenset(), disable: frozenset[str] = frozenset()) -> Plan:
    """The plan for the default detectors, plus ``enable``, less ``disable``."""
    return plan_of(select(enable, disable))


@functools.cache
def plan_of(detectors: tuple[Detector, ...]) -> Plan:
    """The plan for exactly ``detectors``."""
    return Plan(
        detectors=detectors,
        scan=scan_for(detectors),
        priorities={detector.id: detector.priority for detector in detectors},
        whole_readers=tuple(
            sorted((d for d in detectors if d.read_whole), key=lambda d: d.priority)
        ),
        outermost=tuple(find for d in detectors if (find := d.outermost) is not None),
        after_readers=tuple(
            (index, read)
            for index, d in sorted(enumerate(detectors), key=lambda item: item[1].priority)
            if (read := d.read_whole_after) is not None
        ),
        outer_pages=tuple(
            name for name in OUTER_PAGES if any(d.id == f"utf8-as-{name}" for d in detectors)
        ),
    )


def fix(
    text: str,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
) -> Result:
    """Repair the mojibake in ``text``; see :class:`~mojibake_fix.model.Result`.

    ``enable`` and ``disable`` take detector ids; ``min_confidence`` is the
    least score at which a finding is applied rather than only reported. The
    confidences reported are calibrated (:mod:`~mojibake_fix.calibration`);
    the threshold compares the detectors' own scores.

    Raises ``TypeError`` for anything but a ``str`` (bytes: see
    :func:`~mojibake_fix.fix_bytes`); never raises on a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(not_text(text))
    plan = plan_for(frozenset(enable), frozenset(disable)) if enable or disable else plan_for()
    if plan.scan.looks_clean(text):
        return unchanged(text)
    return calibrated_result(_repair(text, plan, min_confidence))


def not_text(value: object) -> str:
    """Why ``value`` cannot be repaired as text, and what to call instead."""
    if isinstance(value, bytes | bytearray | memoryview):
        return (
            f"expected str, not {type(value).__name__}: undecoded bytes go to"
            " mojibake_fix.fix_bytes(data), which detects their encoding first"
        )
    return f"expected str, not {type(value).__name__}"


def detect(text: str, *, enable: Iterable[str] = (), disable: Iterable[str] = ()) -> list[Finding]:
    """Every finding of the enabled detectors, overlapping ones included,
    sorted by position: what a repair would be chosen from (confidences
    calibrated as :func:`fix` reports them). ``TypeError`` for anything but a ``str``."""
    if not isinstance(text, str):
        raise TypeError(not_text(text))
    plan = plan_for(frozenset(enable), frozenset(disable))
    if plan.scan.looks_clean(text):
        return []
    findings = _run_detectors(text, plan.detectors)
    ordered = sorted(findings, key=lambda f: (f.start, f.end, f.detector))
    return [calibrated_finding(finding) for finding in ordered]


def fix_with(text: str, detectors: tuple[Detector, ...], min_confidence: float) -> Result:
    """:func:`fix` with exactly ``detectors``, its confidences the detectors'
    own scores (what ``min_confidence`` compares), not calibrated."""
    plan = plan_of(detectors)
    if plan.scan.looks_clean(text):
        return unchanged(text)
    return _repair(text, plan, min_confidence)


def _repair(
    text: str,
    plan: Plan,
    min_confidence: float,
    readings_left: int = 2,
    layers_left: int = MOST_LAYERS,
) -> Result:
    """Repair ``text``, which the scan of ``plan`` said to look at.
    ``readings_left`` bounds how often a repaired text is read whole again,
    ``layers_left`` how many outer layers are peeled (or outermost repairs
    made) before anything else
    (a text one page reads whole, all its layers, needs no peel: the peel
    of a stretch of it would be a chance)."""
    # What undoes the last thing done to the text counts as a layer peeled:
    # marks in a row head the text one after another, so many are not.
    outer = _outermost(text, plan, min_confidence) if layers_left else None
    if outer is not None:
        return _beneath(text, outer, plan, min_confidence, readings_left, layers_left - 1)
    whole = _read_one(text, plan, min_confidence)
    if whole is None and layers_left:
        peeled = peel_layer(text, plan.outer_pages, min_confidence, plan.scan.looks_clean)
        if peeled is not None:
            return _beneath(text, peeled, plan, min_confidence, readings_left, layers_left - 1)
    current = text
    changes: Sequence[Change] = ()
    leftovers: list[Finding] = []
    first_pass = 0
    reading, read_around = (
        (_as_reading(text, whole), ())
        if whole is not None
        else _read_parts(text, plan, min_confidence)
    )
    # What the scan wakes in the text as it came, asked once: by the readers
    # that read it after the others, and by the first pass.
    woken_first: frozenset[int] | None = None
    if reading is None and not read_around:
        woken_first = plan.scan.woken(text)
        after = _read_after(text, plan, min_confidence, woken_first)
        if after is not None:
            reading, woken_first = _as_reading(text, after), None
    if reading is not None:
        current = reading.text
        changes = DeferredChanges(functools.partial(_changes_of, text, reading))
        if plan.scan.looks_clean(current):
            return Result(text=current, changes=changes, original=text)
        first_pass = 1
    # Later passes judge damage by what the text showed as it came; the last
    # one looks with the repaired text's own evidence, as a later fix would,
    # so that fixing the result again changes nothing.
    original: str | None = text
    last_look = False
    # A reading around lost bytes stands for every reader of whole texts in
    # the first pass, and its page is the only one read later but in the
    # last look, which sees what a later fix of the result would.
    around = read_around[0].detector if read_around else None
    # The passes after the first read only around what the pass before them
    # changed, the last look around every change (:mod:`.neighbourhood`);
    # after a reading around lost bytes, its page reads the whole text once.
    whole_passes = first_pass + (around is not None)
    step: Sequence[Change] = ()
    for pass_number in range(first_pass, MAX_PASSES):
        detectors = plan.detectors
        if last_look:
            # Only what judges by the evidence can find anything new, and
            # it judges the text alone: only what the scan wakes.
            detectors = tuple(d for d in detectors if d.find_repaired)
        elif pass_number == first_pass:
            # Only the detectors the scan wakes can find anything (after a
            # whole reading, in what the scan still sees).
            woken = woken_first if woken_first is not None else plan.scan.woken(current)
            detectors = tuple(d for i, d in enumerate(detectors) if i in woken)
        if around is not None and not last_look:
            detectors = tuple(
                d for d in detectors if not d.read_whole or (pass_number and d.id == around)
            )
        near = (
            windows(current, text, _spans(changes if last_look else step), changes)
            if last_look or pass_number > whole_passes
            else None
        )
        findings = _run_in(current, original, near, detectors, plan if last_look else None)
        if pass_number == 0 and read_around:
            findings += read_around
        applied, reported = choose(findings, min_confidence, plan.priorities)
        if pass_number == 0:
            leftovers = reported
        if not applied:
            if original is None or original == current:
                break
            original, last_look = None, True
            continue
        last_look = False
        fixed, step = build_changes(current, applied)
        changes = compose(changes, step) if changes else step
        current = fixed
        if plan.scan.looks_clean(current):
            break
    # What is left may now read whole in one code page, or around its lost
    # bytes (the end that kept the whole text from it is repaired), or a stretch of it show an outer
    # layer of its own: a later fix would read it so, and fixing the result
    # again must change nothing.
    if changes and readings_left and not plan.scan.looks_clean(current):
        peeled = (
            peel_layer(current, plan.outer_pages, min_confidence, plan.scan.looks_clean)
            if layers_left
            else None
        )
        rest: Result | None = None
        again, deeper = readings_left - 1, max(0, layers_left - 1)
        if peeled is not None and deeper:
            # The peel found here, not looked for again by a repair of ``current``.
            rest = _beneath(current, peeled, plan, min_confidence, again, deeper - 1)
        elif peeled is not None or any(_read_whole(current, plan, min_confidence)):
            rest = _repair(current, plan, min_confidence, again, deeper)
        if rest is not None:
            changes = compose(changes, rest.changes) if rest.changes else changes
            current = rest.text
    kept = _untouched(leftovers, changes)
    return Result(text=current, changes=changes, findings=kept, original=text)


def _outermost(text: str, plan: Plan, min_confidence: float) -> Peeled | None:
    """``text`` with the repairs of the outermost detectors made, which undo
    the last thing done to it; ``None`` where they find none."""
    findings = [
        finding
        for find in plan.outermost
        for finding in find(text)
        if finding.replacement is not None and finding.confidence >= min_confidence
    ]
    if not findings:
        return None
    beneath, changes = build_changes(text, sorted(findings, key=lambda f: f.start))
    return Peeled(beneath, changes)


def _beneath(
    text: str,
    peeled: Peeled,
    plan: Plan,
    min_confidence: float,
    readings_left: int,
    layers_left: int,
) -> Result:
    """The repair of ``text`` whose outer layer ``peeled`` removed: the text
    beneath is repaired as if it had come that way."""
    inner = (
        unchanged(peeled.text)
        if plan.scan.looks_clean(peeled.text)
        else _repair(peeled.text, plan, min_confidence, readings_left, layers_left)
    )
    return Result(
        text=inner.text,
        changes=DeferredChanges(functools.partial(_composed, peeled.changes, inner.changes)),
        findings=_outside(inner.findings, peeled.changes),
        original=text,
    )


def _composed(first: Sequence[Change], second: Sequence[Change]) -> tuple[Change, ...]:
    """:func:`compose`, where ``second`` may hold nothing."""
    return compose(first, second) if second else tuple(first)


def _outside(findings: Sequence[Finding], changes: Sequence[Change]) -> tuple[Finding, ...]:
    """``findings`` on the output of ``changes``, moved to the input of them;
    those that touch a change are left out (the change covers their span).
    The changes are sorted and do not overlap: the ones ending before a
    finding are found by a search, and only the next can touch it."""
    if not findings:
        return ()  # and the changes, perhaps not yet worked out, stay so
    fixed_ends = [change.fixed_end for change in changes]
    moved: list[Finding] = []
    for finding in findings:
        before = bisect.bisect_right(fixed_ends, finding.start)
        if before < len(changes):
            change = changes[before]
            if change.fixed_start < finding.end or change.fixed_start == finding.start:
                continue
        shift = changes[before - 1].end - changes[before - 1].fixed_end if before else 0
        moved.append(
            dataclasses.replace(finding, start=finding.start + shift, end=finding.end + shift)
        )
    return tuple(moved)


@dataclass(frozen=True, slots=True)
class _Reading:
    """A repair by whole readings: of the whole text, or of some of its lines
    (``parts``: where each read line starts and ends in the text, where it
    starts in the repair, and how it reads)."""

    text: str
    parts: tuple[tuple[int, int, int, WholeReading], ...]


def _read_whole(
    text: str, plan: Plan, min_confidence: float
) -> tuple[_Reading | None, tuple[Finding, ...]]:
    """The repair of the text by whole readings beyond doubt: of the whole
    text, or else :func:`_read_parts`."""
    whole = _read_one(text, plan, min_confidence)
    if whole is not None:
        return _as_reading(text, whole), ()
    return _read_parts(text, plan, min_confidence)


def _as_reading(text: str, whole: WholeReading) -> _Reading:
    return _Reading(text=whole.text, parts=((0, len(text), 0, whole),))


def _read_parts(
    text: str, plan: Plan, min_confidence: float
) -> tuple[_Reading | None, tuple[Finding, ...]]:
    """The repair of a text no page reads whole by readings of its parts
    beyond doubt: where no page reads the whole text around its lost bytes
    (the findings of that reading, the second item), of each line that one
    code page explains from end to end, as it would be read alone, or else
    of each stretch of a line between characters the page cannot show, or
    else of each of its sentences. A line or a sentence of another script
    beside it (which no code page of the line can show) leaves its reading
    as it was."""
    around = _read_around_losses(text, plan, min_confidence)
    if around:
        return None, around
    one_line = "\n" not in text
    pieces: list[str] = []
    parts: list[tuple[int, int, int, WholeReading]] = []
    start = fixed_start = 0
    while start < len(text):
        end = text.find("\n", start) + 1 or len(text)
        line = text[start:end]
        # A line the scan finds clean alone would be left alone as a text of its own.
        clean = not one_line and (line.isascii() or plan.scan.looks_clean(line))
        reading = None if clean or one_line else _read_one(line, plan, min_confidence)
        if reading is not None:
            parts.append((start, end, fixed_start, reading))
            line = reading.text
        elif not clean:
            found = (
                _stretches_read(line, plan, min_confidence)
                or _sentences_read(line, plan, min_confidence)
                or _parts_read(line, plan, min_confidence)
            )
            line = _spliced(line, found, start, fixed_start, parts)
        pieces.append(line)
        start, fixed_start = end, fixed_start + len(line)
    return (_Reading(text="".join(pieces), parts=tuple(parts)) if parts else None), ()


def _stretches_read(line: str, plan: Plan, min_confidence: float) -> tuple[Stretch, ...]:
    """The stretches of ``line`` that the first reader in priority order
    explains, read (none where one of them is below ``min_confidence``)."""
    for detector in plan.whole_readers:
        found = detector.read_stretches(line) if detector.read_stretches else ()
        if found:
            return found if all(r.confidence >= min_confidence for _, _, r in found) else ()
    return ()


# Where a sentence ends within a line: its closing marks (a closing quote
# may be garbled too) and the spaces after them. Tried only where a run of
# marks starts, and never given back: a long run costs its length once.
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++[^\s.!?]{0,4}[ \t]+")


def _sentences_read(line: str, plan: Plan, min_confidence: float) -> tuple[Stretch, ...]:
    """Each sentence of ``line`` that the scan does not find clean, read
    whole as if it had come alone, where every such sentence reads so: a
    text pieced together from sources that each misread their own part
    (a title in one code page, a quotation in another)."""
    found: list[Stretch] = []
    start = 0
    for end in [m.end() for m in _SENTENCE_END.finditer(line)] + [len(line)]:
        if start == 0 and end == len(line):
            return ()  # one sentence: the line, read already
        if not _read_part(line, start, end, plan, min_confidence, found):
            return ()
        start = end
    return tuple(found)


# A word: what lies between ASCII spaces (a no-break space may be part of
# a misread sequence).
_WORD = re.compile(r"[^ \t]+")


def _parts_read(line: str, plan: Plan, min_confidence: float) -> tuple[Stretch, ...]:
    """:func:`_sentences_read` for parts of sentences: each run of words
    that one reading could all have made, the first in priority order that
    could make each (ASCII words join any), read whole as if it had come
    alone, where every such run the scan does not find clean reads so and
    every other word is one that no reading could have made nor damaged (a
    Hebrew word beside Windows-1252's ``×©×``)."""
    makers = [d.could_make for d in plan.whole_readers if d.could_make]
    found: list[Stretch] = []
    part_start = part_end = 0
    common = 0  # the readings that could have made every word of the part
    for word in _WORD.finditer(line):
        if word.group().isascii():
            continue
        answers = [could_make(word.group()) for could_make in makers]
        made = sum(1 << i for i, answer in enumerate(answers) if answer)
        if common & made & -made:  # the first reading that could make it makes the run
            common &= made
            part_end = word.end()
            continue
        if common and not _read_part(line, part_start, part_end, plan, min_confidence, found):
            return ()
        if not made and not all(answer is False for answer in answers):
            return ()
        part_start, part_end, common = word.start(), word.end(), made
    if common and not _read_part(line, part_start, part_end, plan, min_confidence, found):
        return ()
    if len(found) == 1 and found[0][:2] == (0, len(line)):
        return ()  # the line itself, read already
    return tuple(found)


def _read_part(
    line: str, start: int, end: int, plan: Plan, min_confidence: float, found: list[Stretch]
) -> bool:
    """Read ``line[start:end]`` whole into ``found``; ``False`` where it
    is not clean and reads no way beyond doubt."""
    part = line[start:end]
    if part == line:
        return False  # the line itself, which no reading read whole
    if plan.scan.looks_clean(part):
        return True
    reading = _read_one(part, plan, min_confidence)
    if reading is None:
        return False
    found.append((start, end, reading))
    return True


def _spliced(
    line: str,
    found: Sequence[Stretch],
    start: int,
    fixed_start: int,
    parts: list[tuple[int, int, int, WholeReading]],
) -> str:
    """``line`` with the stretches ``found`` read, each added to ``parts``
    (the line starts at ``start`` in the text and at ``fixed_start`` in the
    repair)."""
    pieces: list[str] = []
    position = 0
    fixed = fixed_start  # where the next piece starts in the repair
    for stretch_start, stretch_end, reading in found:
        pieces.append(line[position:stretch_start])
        fixed += stretch_start - position
        parts.append((start + stretch_start, start + stretch_end, fixed, reading))
        pieces.append(reading.text)
        fixed += len(reading.text)
        position = stretch_end
    pieces.append(line[position:])
    return "".join(pieces)


def _read_one(text: str, plan: Plan, min_confidence: float) -> WholeReading | None:
    """The first repair of ``text`` whole beyond doubt, in priority order:
    the shortcut past judging every run."""
    for detector in plan.whole_readers:
        reading = detector.read_whole(text) if detector.read_whole else None
        if reading is not None:
            return reading if reading.confidence >= min_confidence else None
    return None


def _read_after(
    text: str, plan: Plan, min_confidence: float, woken: frozenset[int]
) -> WholeReading | None:
    """The first reading of ``text`` whole by the detectors that read it
    after the readers of whole texts and of their parts, of those the scan
    wakes (``woken``), in priority order, where it is at least ``min_confidence``."""
    for index, read in plan.after_readers:
        reading = read(text) if index in woken else None
        if reading is not None:
            return reading if reading.confidence >= min_confidence else None
    return None


def _read_around_losses(text: str, plan: Plan, min_confidence: float) -> tuple[Finding, ...]:
    """The findings of the reading of ``text`` around its lost bytes
    (:attr:`~.detectors.Detector.read_around_losses`) that reads most of it,
    the first in priority order of those that read as much, standing for
    what every reader of whole texts would find in the first pass; none
    below ``min_confidence``. Where U+FFFD marks the bytes lost, a page
    that leaves those bytes undefined reads them (``Å�`` is Windows-1257's
    ``š``), where Windows-1252 leaves them lost. Where no page reads the
    whole text so, each line is read alone, where each line the scan does
    not find clean is one whose reading puts a byte back: a line of another
    script (which the page cannot show) leaves the reading of the others as
    it was."""
    found = _read_one_around_losses(text, plan, min_confidence)
    if found or "\n" not in text:
        return found
    findings: list[Finding] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start) + 1 or len(text)
        line = text[start:end]
        if not plan.scan.looks_clean(line):
            found = _read_one_around_losses(line, plan, min_confidence)
            # Every line not clean must be one whose reading puts a byte
            # back; else the text is judged whole, by every reader.
            if not any(_puts_back(line, finding) for finding in found):
                return ()
            findings.extend(
                dataclasses.replace(finding, start=finding.start + start, end=finding.end + start)
                for finding in found
            )
        start = end
    return tuple(findings)


# What a decoder or a save in a legacy page wrote for a byte it could not read.
_MARKED = re.compile("[\ufffd?]")


def _puts_back(line: str, finding: Finding) -> bool:
    """Whether ``finding``, of a reading around lost bytes, puts a byte
    back: for a marker, or after a lead alone (a whole sequence is at least
    two characters)."""
    return finding.end - finding.start == 1 or bool(
        _MARKED.search(line, finding.start, finding.end)
    )


def _read_one_around_losses(text: str, plan: Plan, min_confidence: float) -> tuple[Finding, ...]:
    """:func:`_read_around_losses` of ``text`` whole."""
    best: tuple[Finding, ...] = ()
    read = 0
    for detector in plan.whole_readers:
        if detector.read_around_losses is None:
            continue
        findings = detector.read_around_losses(text)
        covered = sum(finding.end - finding.start for finding in findings)
        if covered > read:
            best, read = findings, covered
        if findings and not MARKED.search(text):
            break  # only a marker (U+FFFD, or the ``?`` saved for it) tells which page lost what
    return best if best and best[0].confidence >= min_confidence else ()


def _changes_of(text: str, reading: _Reading) -> tuple[Change, ...]:
    """One change per run of non-ASCII characters that ``reading`` repaired."""
    changes: list[Change] = []
    for start, end, fixed_start, part in reading.parts:
        for change in changes_by_runs(
            text[start:end], part.text, part.detector, part.confidence, part.reason
        ):
            changes.append(
                dataclasses.replace(
                    change,
                    start=change.start + start,
                    end=change.end + start,
                    fixed_start=change.fixed_start + fixed_start,
                    fixed_end=change.fixed_end + fixed_start,
                )
            )
    return tuple(changes)


def _spans(changes: Sequence[Change]) -> list[tuple[int, int]]:
    """Where ``changes`` put their replacements."""
    return [(change.fixed_start, change.fixed_end) for change in changes]


def _run_in(
    text: str,
    original: str | None,
    near: Sequence[Window] | None,
    detectors: tuple[Detector, ...],
    waking: Plan | None,
) -> list[Finding]:
    """The findings of ``detectors`` in ``text``, which repairs may have made
    of ``original``: in each of the windows ``near`` (with its part of
    ``original``), or where there are none, in the whole text; where
    ``waking`` is given, only of those its scan wakes in what they read."""
    if near is None:
        return _run_detectors(text, _woken_in(text, detectors, waking), original=original)
    findings: list[Finding] = []
    for window in near:
        part = text[window.start : window.end]
        came = original[window.came_start : window.came_end] if original is not None else None
        readers = _woken_in(part, detectors, waking)
        findings.extend(found_in(window, _run_detectors(part, readers, original=came)))
    return findings


def _woken_in(
    text: str, detectors: tuple[Detector, ...], waking: Plan | None
) -> tuple[Detector, ...]:
    """Those of ``detectors`` that the scan of ``waking`` wakes in ``text``."""
    if waking is None:
        return detectors
    woken = waking.scan.woken(text)
    asked = {id(detector) for detector in detectors}
    return tuple(d for i, d in enumerate(waking.detectors) if i in woken and id(d) in asked)


def _run_detectors(
    text: str, detectors: tuple[Detector, ...], original: str | None = None
) -> list[Finding]:
    """The findings of ``detectors`` in ``text``, which repairs may have
    made of ``original``."""
    findings: list[Finding] = []
    earlier = original if original is not None and original != text else None
    for detector in detectors:
        if earlier is not None and detector.find_repaired:
            findings.extend(detector.find_repaired(text, earlier))
        else:
            findings.extend(detector.find(text))
    return findings


def choose(
    findings: Sequence[Finding], min_confidence: float, priorities: Mapping[str, int]
) -> tuple[list[Finding], list[Finding]]:
    """Split findings into those to apply and those only to report.

    Repairs at or above ``min_confidence`` are taken greedily, best first;
    a finding that overlaps a taken one is dropped. Everything else that does
    not overlap a taken repair is reported.
    """
    # Of the findings that make the same repair, the surest speaks for it;
    # several code pages making it break a near tie with one page alone
    # (ISO-8859-15 reads ``ÎŸÎ¹`` as ``ξι``, Windows-1252 and -1254 as ``Οι``).
    surest: dict[tuple[int, int, str | None], Finding] = {}
    makers: dict[tuple[int, int, str | None], set[str]] = {}
    for finding in findings:
        key = (finding.start, finding.end, finding.replacement)
        makers.setdefault(key, set()).add(finding.detector)
        if key not in surest or _rank(finding) > _rank(surest[key]):
            surest[key] = finding
    ranks = _ranks_with_agreement(list(surest.values()))
    for key, finding in surest.items():
        ranks[id(finding)] += _AGREEMENT * min(_MOST_AGREEING, len(makers[key]) - 1)
    ranked = sorted(
        surest.values(),
        key=lambda f: (
            -round(ranks[id(f)], 2),
            -(f.end - f.start),
            priorities.get(f.detector, 99),
            f.start,
        ),
    )
    taken = _Spans()
    for finding in ranked:
        if finding.replacement is None or finding.confidence < min_confidence:
            continue
        if finding.replacement == "" and finding.start == finding.end:
            continue
        if not taken.overlaps(finding):
            taken.add(finding)
    chosen = {id(finding) for finding in taken.findings}
    reported = _Spans()
    for finding in sorted(findings, key=lambda f: (f.start, f.end, f.detector)):
        if id(finding) in chosen or taken.overlaps(finding) or reported.overlaps(finding):
            continue
        reported.add(finding)
    return taken.findings, reported.findings


class _Spans:
    """Findings that do not overlap, in order of position, with a look-up
    of whether another one overlaps any of them (``choose`` asks it for
    every finding, so it must not walk the list)."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self._starts: list[int] = []

    def overlaps(self, finding: Finding) -> bool:
        index = bisect.bisect_left(self._starts, finding.start)
        return any(
            _spans_overlap(finding, self.findings[near])
            for near in range(max(0, index - 1), min(len(self.findings), index + 2))
        )

    def add(self, finding: Finding) -> None:
        index = bisect.bisect_right(self._starts, finding.start)
        self._starts.insert(index, finding.start)
        self.findings.insert(index, finding)


def _ranks_with_agreement(findings: list[Finding]) -> dict[int, float]:
    """Each finding's rank, raised to that of a surer finding inside its span
    whose repair it makes too: a reading of a whole word (``चेतावनी`` in
    Windows-1252) explains all that a reading of part of it (``तावन`` in
    Latin-1, which cannot read the rest) does, and more."""
    by_start = sorted(findings, key=lambda f: f.start)
    starts = [f.start for f in by_start]
    ranks: dict[int, float] = {}
    for outer in findings:
        confidence = outer.confidence
        if outer.replacement:
            index = bisect.bisect_left(starts, outer.start)
            for inner in by_start[index : bisect.bisect_left(starts, outer.end)]:
                if (
                    inner.end <= outer.end
                    and inner.end - inner.start < outer.end - outer.start
                    and inner.replacement
                    and inner.replacement in outer.replacement
                ):
                    confidence = max(confidence, inner.confidence)
        ranks[id(outer)] = _rank(outer) + confidence - outer.confidence
    return ranks


def _rank(finding: Finding) -> float:
    """Confidence, with a small bonus for length: a reading that explains a
    whole line outranks an equally sure guess about one character inside it.
    Readings closer than a hundredth tie (:func:`choose`), and the detector
    of the commoner damage wins (Windows-1252 before ISO-8859-15)."""
    return finding.confidence + 0.05 * min(2.0, math.log10(max(1, finding.end - finding.start)))


def _spans_overlap(a: Finding, b: Finding) -> bool:
    if a.start == a.end or b.start == b.end:
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


def _overlaps(start: int, end: int, change: Change) -> bool:
    return (start < change.end and change.start < end) or start == change.start


def _untouched(findings: Sequence[Finding], changes: Sequence[Change]) -> tuple[Finding, ...]:
    """The ``findings`` that touch none of ``changes``. The changes are sorted
    and do not overlap, so whether a finding touches one is told by two: the
    last to start before it and the first to start at or after its start,
    found by a search, not a walk of them all."""
    if not findings:
        return ()  # and the changes, perhaps not yet worked out, stay so
    starts = [change.start for change in changes]
    kept = []
    for finding in findings:
        index = bisect.bisect_left(starts, finding.start)
        near = changes[max(0, index - 1) : index + 1]
        if not any(_overlaps(finding.start, finding.end, change) for change in near):
            kept.append(finding)
    return tuple(kept)


def compose(first: Sequence[Change], second: Sequence[Change]) -> tuple[Change, ...]:
    """Changes from the input straight to the output of ``second``.

    ``first`` maps the input to an intermediate text and ``second`` maps that
    to the output. Spans of the intermediate text touched by both are merged,
    so each resulting change covers one span of the input.
    """
    # Intervals on the intermediate text: (start, end, from_first, change).
    intervals = sorted(
        [(c.fixed_start, c.fixed_end, True, c) for c in first]
        + [(c.start, c.end, False, c) for c in second],
        key=lambda item: (item[0], item[1]),
    )
    clusters: list[list[tuple[int, int, bool, Change]]] = []
    for item in intervals:
        if clusters and item[0] <= max(end for _, end, _, _ in clusters[-1]):
            clusters[-1].append(item)
        else:
            clusters.append([item])

    result: list[Change] = []
    shift_in = 0  # input offset minus intermediate offset, before the cursor
    shift_out = 0  # output offset minus intermediate offset, before the cursor
    for cluster in clusters:
        mid_start = min(start for start, _, _, _ in cluster)
        mid_end = max(end for _, end, _, _ in cluster)
        firsts = [c for _, _, is_first, c in cluster if is_first]
        seconds = [c for _, _, is_first, c in cluster if not is_first]
        in_start = mid_start + shift_in
        out_start = mid_start + shift_out
        in_growth = sum((c.end - c.start) - (c.fixed_end - c.fixed_start) for c in firsts)
        out_growth = sum((c.fixed_end - c.fixed_start) - (c.end - c.start) for c in seconds)
        in_end = mid_end + shift_in + in_growth
        out_end = mid_end + shift_out + out_growth
        intermediate = _intermediate(firsts, seconds, mid_start, mid_end)
        original = _replace_in(
            intermediate, mid_start, [(c.fixed_start, c.fixed_end, c.original) for c in firsts]
        )
        replacement = _replace_in(
            intermediate, mid_start, [(c.start, c.end, c.replacement) for c in seconds]
        )
        members = firsts + seconds
        layers = len(firsts) and len(seconds)
        lead = firsts[0] if firsts else seconds[0]
        reason = lead.reason
        if layers:
            depth = _depth(lead.reason) + 1
            reason = f"{_strip_depth(lead.reason)} ({depth} layers)"
        result.append(
            Change(
                start=in_start,
                end=in_end,
                fixed_start=out_start,
                fixed_end=out_end,
                original=original,
                replacement=replacement,
                detector=lead.detector,
                confidence=min(c.confidence for c in members),
                reason=reason,
            )
        )
        shift_in += in_growth
        shift_out += out_growth
    return tuple(result)


def _intermediate(firsts: Sequence[Change], seconds: Sequence[Change], start: int, end: int) -> str:
    """The intermediate text of ``start:end``, rebuilt from the changes alone:
    the first pass's replacements and the second pass's originals cover it."""
    chars: dict[int, str] = {}
    for change in firsts:
        chars.update(enumerate(change.replacement, change.fixed_start))
    for change in seconds:
        chars.update(enumerate(change.original, change.start))
    return "".join(chars[i] for i in range(start, end))


def _replace_in(text: str, base: int, edits: Sequence[tuple[int, int, str]]) -> str:
    pieces: list[str] = []
    position = 0
    for start, end, put in sorted(edits):
        pieces.append(text[position : start - base])
        pieces.append(put)
        position = end - base
    pieces.append(text[position:])
    return "".join(pieces)


def _depth(reason: str) -> int:
    if reason.endswith(" layers)"):
        return int(reason.rsplit("(", 1)[1].split()[0])
    return 1


def _strip_depth(reason: str) -> str:
    return reason.rsplit(" (", 1)[0] if reason.endswith(" layers)") else reason
