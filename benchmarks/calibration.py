"""How far each change's confidence can be trusted, on text nobody here wrote.

    .venv/bin/python benchmarks/calibration.py [--per-document N] [--every K]

Repairs every case of the calibration set (``calibration_set.py``) with the
default detectors, judges each applied change right or wrong, and prints a
reliability table (changes by confidence in ten equal bins: count, mean
confidence, share right), the expected calibration error (ECE: the bins'
gaps between mean confidence and share right, weighted by their counts) and
the precision of changes at confidence 0.9 or more, for the detectors' own
scores and for the calibrated confidences users see, on the fitting and the
held-out half, overall and per detector.

A change is right when the span it wrote reads, in place, as the expected
text does. The output is aligned with the expected text (common prefix and
suffix, then difflib's matching blocks on the rest, junk heuristics off). The
change is right when every character of its output span is matched,
contiguously, to the expected text, and at each edge the character beside it
is matched to the expected character beside that span, or is wrong itself
(a miss or another change) where the expected character beside the span is
unmatched too, or both texts end there. A deletion is anchored by a matched
neighbour. So a repair into the wrong character, a deletion of something the
text should keep, or a repair that leaves a character missing at its edge is
wrong, while a right repair beside a miss stays right. Every change on clean
text is wrong.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import calibration_set

from mojibake_fix import DEFAULT_MIN_CONFIDENCE
from mojibake_fix.calibration import calibrated
from mojibake_fix.engine import fix_with, plan_for
from mojibake_fix.evaluation import Case
from mojibake_fix.model import Change

BINS = 10
SURE = 0.9


@dataclass(frozen=True, slots=True)
class Judged:
    """One applied change: who made it, its raw score, and whether it was right."""

    detector: str
    raw: float
    right: bool
    split: str
    family: str


@dataclass(frozen=True, slots=True)
class Bin:
    low: float
    high: float
    count: int
    confidence: float
    right: float


def aligned(output: str, expected: str) -> dict[int, int]:
    """For each character of ``output`` matched to one of ``expected``, its index there."""
    prefix = 0
    shortest = min(len(output), len(expected))
    while prefix < shortest and output[prefix] == expected[prefix]:
        prefix += 1
    suffix = 0
    while suffix < shortest - prefix and output[-1 - suffix] == expected[-1 - suffix]:
        suffix += 1
    matched = {i: i for i in range(prefix)}
    shift = len(expected) - len(output)
    matched.update((i, i + shift) for i in range(len(output) - suffix, len(output)))
    middle = difflib.SequenceMatcher(
        None,
        output[prefix : len(output) - suffix],
        expected[prefix : len(expected) - suffix],
        autojunk=False,
    )
    for block in middle.get_matching_blocks():
        matched.update((prefix + block.a + k, prefix + block.b + k) for k in range(block.size))
    return matched


def is_right(change: Change, matched: dict[int, int], output: str, expected: str) -> bool:
    """Whether ``change`` wrote what ``expected`` holds at its place (see above)."""
    start, end = change.fixed_start, change.fixed_end
    if any(i not in matched for i in range(start, end)):
        return False
    if any(matched[i + 1] != matched[i] + 1 for i in range(start, end - 1)):
        return False
    if start < end:
        low, high = matched[start], matched[end - 1] + 1
    elif start > 0 and start - 1 in matched:
        low = high = matched[start - 1] + 1
    elif start < len(output) and start in matched:
        low = high = matched[start]
    elif not output:
        low = high = 0
    else:
        return False  # a deletion between two wrong characters: nothing to anchor it
    taken = set(matched.values())
    return _edge(start - 1, low - 1, -1, matched, taken, output, expected) and _edge(
        end, high, len(expected), matched, taken, output, expected
    )


def _edge(
    beside: int,
    expected_beside: int,
    beyond: int,
    matched: dict[int, int],
    taken: set[int],
    output: str,
    expected: str,
) -> bool:
    """Whether a change's edge sits where it should: the output character
    ``beside`` it and the expected one are the same matched character, or both
    are wrong (a miss or another change there), or both texts end there."""
    if beside in (-1, len(output)):
        return expected_beside == beyond
    if beside in matched:
        return matched[beside] == expected_beside
    return 0 <= expected_beside < len(expected) and expected_beside not in taken


def judge(case: Case, split: str) -> list[Judged]:
    """Each change the default detectors apply to ``case``, judged."""
    result = fix_with(case.input, plan_for().detectors, DEFAULT_MIN_CONFIDENCE)
    if not result.changes:
        return []
    matched = aligned(result.text, case.expected)
    return [
        Judged(
            detector=change.detector,
            raw=change.confidence,
            right=is_right(change, matched, result.text, case.expected),
            split=split,
            family=case.family,
        )
        for change in result.changes
    ]


def judged_set(cases: Iterable[Case]) -> list[Judged]:
    return [j for case in cases for j in judge(case, calibration_set.split_of(case))]


def reliability(pairs: Sequence[tuple[float, bool]]) -> list[Bin]:
    """The non-empty bins of ten equal widths of confidence (1.0 in the last)."""
    grouped: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    for confidence, right in pairs:
        grouped[min(int(confidence * BINS), BINS - 1)].append((confidence, right))
    return [
        Bin(
            low=index / BINS,
            high=(index + 1) / BINS,
            count=len(members),
            confidence=sum(c for c, _ in members) / len(members),
            right=sum(r for _, r in members) / len(members),
        )
        for index, members in sorted(grouped.items())
    ]


def expected_calibration_error(pairs: Sequence[tuple[float, bool]]) -> float:
    total = len(pairs)
    return sum(b.count * abs(b.confidence - b.right) for b in reliability(pairs)) / max(total, 1)


def precision_at(pairs: Sequence[tuple[float, bool]], least: float = SURE) -> tuple[float, int]:
    """The share right of the changes at ``least`` or more, and how many there are."""
    sure = [right for confidence, right in pairs if confidence >= least]
    return (sum(sure) / len(sure) if sure else 1.0), len(sure)


def raw_pairs(judged: Iterable[Judged]) -> list[tuple[float, bool]]:
    return [(j.raw, j.right) for j in judged]


def calibrated_pairs(judged: Iterable[Judged]) -> list[tuple[float, bool]]:
    return [(calibrated(j.detector, j.raw), j.right) for j in judged]


def report(title: str, judged: Sequence[Judged]) -> Iterator[str]:
    """Markdown: the reliability tables before and after calibration, then
    one line per detector."""
    views: tuple[tuple[str, Callable[[Iterable[Judged]], list[tuple[float, bool]]]], ...] = (
        ("raw score", raw_pairs),
        ("calibrated", calibrated_pairs),
    )
    right = sum(j.right for j in judged)
    yield f"### {title}: {len(judged)} applied changes, {right} right\n"
    for name, pairs_of in views:
        pairs = pairs_of(judged)
        share, sure = precision_at(pairs)
        error = expected_calibration_error(pairs)
        yield f"{name}: ECE {error:.3f}, precision at ≥ {SURE}: {share:.2%} of {sure} changes\n"
        yield "| confidence | changes | mean confidence | right |"
        yield "|---|---:|---:|---:|"
        for b in reliability(pairs):
            yield f"| {b.low:.1f}–{b.high:.1f} | {b.count} | {b.confidence:.3f} | {b.right:.3f} |"
        yield ""
    yield "| detector | changes | right | ECE raw | ECE calibrated | ≥ 0.9 raw | ≥ 0.9 calibrated |"
    yield "|---|---:|---:|---:|---:|---:|---:|"
    by_detector: dict[str, list[Judged]] = defaultdict(list)
    for j in judged:
        by_detector[j.detector].append(j)
    for detector, members in sorted(by_detector.items()):
        cells = [detector, str(len(members)), f"{sum(j.right for j in members) / len(members):.1%}"]
        for pairs_of in (raw_pairs, calibrated_pairs):
            cells.append(f"{expected_calibration_error(pairs_of(members)):.3f}")
        for pairs_of in (raw_pairs, calibrated_pairs):
            share, sure = precision_at(pairs_of(members))
            cells.append(f"{share:.1%} of {sure}" if sure else "–")
        yield "| " + " | ".join(cells) + " |"
    yield ""


def write_judged(judged: Iterable[Judged], path: Path) -> None:
    """Save judged changes, one a line, so a fit can reuse a long run."""
    lines = (f"{j.detector}\t{j.raw!r}\t{int(j.right)}\t{j.split}\t{j.family}\n" for j in judged)
    path.write_text("".join(lines), encoding="utf-8")


def read_judged(path: Path) -> list[Judged]:
    judged = []
    for line in path.read_text(encoding="utf-8").splitlines():
        detector, raw, right, split, family = line.split("\t")
        judged.append(Judged(detector, float(raw), right == "1", split, family))
    return judged


def every(cases: Sequence[Case], step: int) -> list[Case]:
    """Every ``step``-th case: a deterministic sample across all families."""
    return list(cases[::step])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--per-document",
        type=int,
        default=calibration_set.PER_DOCUMENT,
        help="clean pieces taken from each source document (default %(default)s)",
    )
    parser.add_argument(
        "--every", type=int, default=1, help="repair only every K-th case (default: all)"
    )
    parser.add_argument("--save", type=Path, help="write the judged changes here")
    parser.add_argument("--load", type=Path, help="judged changes saved by --save, not a new run")
    args = parser.parse_args(argv)
    if args.load:
        judged = read_judged(args.load)
        print(f"judged changes from {args.load}\n")
    else:
        cases = every(calibration_set.cases(args.per_document), args.every)
        judged = judged_set(cases)
        print(f"{len(cases)} cases, {args.per_document} pieces a document, every {args.every}\n")
    if args.save:
        write_judged(judged, args.save)
    for split in (calibration_set.FIT, calibration_set.HELD_OUT):
        print("\n".join(report(f"{split} split", [j for j in judged if j.split == split])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
