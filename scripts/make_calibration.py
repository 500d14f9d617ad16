"""Fit src/mojibake_fix/calibration.tsv: each detector's score made a probability.

    .venv/bin/python scripts/make_calibration.py [--judged PATH] [--per-document N]

Repairs the fitting half of the calibration set (``benchmarks/calibration_set.py``;
or reads changes judged by ``benchmarks/calibration.py --save``), and fits, for
each detector with at least ``MIN_OWN`` applied changes there, a monotone map
from its score to the share of its changes that were right: isotonic
regression by pooling adjacent violators. The other detectors share a map
fitted on every change. A block's share is smoothed as (right + 1) / (changes +
2), so that a few right changes never claim certainty, and pooled again where
smoothing broke the order. Each block becomes one point: its mean score and
its share; the first block's share also holds from the lowest score it pooled
(below that, ``mojibake_fix.calibration`` falls to 0). Takes minutes (it
repairs some seven thousand texts).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mojibake_fix.calibration import POOLED, TABLE
from mojibake_fix.detectors import detector_ids

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import calibration as bench
import calibration_set

MIN_OWN = 150


@dataclass(frozen=True, slots=True)
class Block:
    """Neighbouring scores pooled into one point of the map."""

    score: float
    probability: float
    weight: float


def pool_adjacent_violators(points: Iterable[tuple[float, float, float]]) -> list[Block]:
    """The non-decreasing fit of ``(score, value, weight)`` points, by weight:
    blocks of neighbouring scores, each with the weighted mean of its values.

    >>> [(b.score, b.probability) for b in pool_adjacent_violators(
    ...     [(0.1, 1.0, 1), (0.2, 0.0, 1), (0.3, 1.0, 2)])]
    [(0.15, 0.5), (0.3, 1.0)]
    """
    blocks: list[tuple[float, float, float]] = []  # weighted score, weighted value, weight
    for score, value, weight in sorted(points):
        blocks.append((score * weight, value * weight, weight))
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            (s1, v1, w1), (s2, v2, w2) = blocks[-2], blocks[-1]
            blocks[-2:] = [(s1 + s2, v1 + v2, w1 + w2)]
    return [Block(s / w, v / w, w) for s, v, w in blocks]


def fit(judged: Sequence[bench.Judged]) -> list[Block]:
    """The smoothed monotone map of the changes ``judged``."""
    by_score: dict[float, list[bool]] = defaultdict(list)
    for j in judged:
        by_score[j.raw].append(j.right)
    rough = pool_adjacent_violators(
        (score, sum(rights) / len(rights), len(rights)) for score, rights in by_score.items()
    )
    smoothed = ((b.score, (b.probability * b.weight + 1) / (b.weight + 2), b.weight) for b in rough)
    blocks = pool_adjacent_violators(smoothed)
    lowest = min(by_score)
    if lowest < blocks[0].score:  # the first block holds from the lowest score up
        blocks.insert(0, Block(lowest, blocks[0].probability, 0))
    return blocks


# Detectors whose text the calibration set holds none of, fitted by their
# own benchmark, which prints their lines: the table keeps those lines.
FITTED_ELSEWHERE = {
    "cjk-legacy": "benchmarks/cjk_legacy_set.py --calibration on chardet's East Asian pages",
}


def table_lines(judged: Sequence[bench.Judged], kept: Sequence[str] = ()) -> list[str]:
    """The lines of calibration.tsv for the changes ``judged``, with
    ``kept``, the lines of the detectors fitted elsewhere."""
    by_detector: dict[str, list[bench.Judged]] = defaultdict(list)
    for j in judged:
        by_detector[j.detector].append(j)
    pooled = fit(judged)
    lines = [
        "# Written by scripts/make_calibration.py from the fitting half of the calibration",
        f"# set: {len(judged)} applied changes. detector, score, probability right, changes.",
        f"# Detectors with fewer than {MIN_OWN} changes there have the pooled map ({POOLED}).",
    ]
    for detector in (POOLED, *detector_ids()):
        if detector in FITTED_ELSEWHERE:
            continue
        own = by_detector.get(detector, [])
        blocks = fit(own) if len(own) >= MIN_OWN else pooled
        lines.extend(
            f"{detector}\t{b.score:.4f}\t{b.probability:.4f}\t{b.weight:.0f}" for b in blocks
        )
    for detector, fitted_by in FITTED_ELSEWHERE.items():
        lines.append(f"# {detector}: fitted by {fitted_by}.")
        lines.extend(line for line in kept if line.split("\t", 1)[0] == detector)
    return lines


def fitted_elsewhere(table: Sequence[str]) -> list[str]:
    """The lines of ``table`` that :data:`FITTED_ELSEWHERE`'s detectors own."""
    return [line for line in table if line.split("\t", 1)[0] in FITTED_ELSEWHERE]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--judged", type=Path, help="changes saved by calibration.py --save")
    parser.add_argument("--per-document", type=int, default=calibration_set.PER_DOCUMENT)
    args = parser.parse_args(argv)
    if args.judged:
        judged = bench.read_judged(args.judged)
    else:
        cases = calibration_set.cases(args.per_document)
        fitting = [c for c in cases if calibration_set.split_of(c) == calibration_set.FIT]
        judged = bench.judged_set(fitting)
    fitting_judged = [j for j in judged if j.split == calibration_set.FIT]
    kept = fitted_elsewhere(TABLE.read_text(encoding="utf-8").splitlines())
    TABLE.write_text("\n".join(table_lines(fitting_judged, kept)) + "\n", encoding="utf-8")
    print(f"{TABLE}: fitted on {len(fitting_judged)} changes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
