"""Confidence as a probability: how often repairs of a given score were right.

A detector's score ranks its readings, but a score of 0.99 need not be right
99 times in 100. ``calibration.tsv`` holds, for each detector, a monotone
map from its score to the share of its repairs that were right on text
nobody in this project wrote (the calibration set of
``benchmarks/calibration_set.py``), fitted by isotonic regression in
``scripts/make_calibration.py``; detectors with few repairs there share a map
fitted on all of them. Between the map's points the probability is read off
the straight line; above the last, it is the last point's. Below the first
point lie scores no applied repair had (findings only reported, or outranked):
nothing measured them, so the probability falls on a straight line from the
first point to 0 at a score of 0, rather than claiming the first point's.

Only what a user sees is mapped: the engine chooses and applies findings on
the detectors' own scores (``min_confidence`` compares those), and a finding
that proposes no repair (U+FFFD, where nothing can be recovered) keeps its
score, since no repair of it can be right or wrong.

>>> calibrated("utf8-as-cp1252", 0.0) < calibrated("utf8-as-cp1252", 1.0)
True
>>> 0.0 <= calibrated("no-such-detector", 0.75) <= 1.0
True
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import math
from collections.abc import Mapping, Sequence
from pathlib import Path

from .model import Change, DeferredChanges, Finding, Result

TABLE = Path(__file__).with_name("calibration.tsv")
POOLED = "*"  # the map of detectors without one of their own


@dataclasses.dataclass(frozen=True, slots=True)
class Curve:
    """A monotone map from score to probability, as points joined by lines."""

    scores: tuple[float, ...]
    probabilities: tuple[float, ...]

    def __call__(self, score: float) -> float:
        index = bisect.bisect_right(self.scores, score)
        if index == 0:
            first = self.scores[0]
            return self.probabilities[0] * max(score, 0.0) / first if first > 0 else 0.0
        if index == len(self.scores):
            return self.probabilities[-1]
        low, high = self.scores[index - 1], self.scores[index]
        low_p, high_p = self.probabilities[index - 1], self.probabilities[index]
        if high <= low:
            return high_p
        return low_p + (high_p - low_p) * (score - low) / (high - low)


def read_table(lines: Sequence[str]) -> dict[str, Curve]:
    """The curves of ``calibration.tsv``'s lines: ``detector, score,
    probability, repairs`` (the last for people), ``#`` comments."""
    points: dict[str, list[tuple[float, float]]] = {}
    for line in lines:
        if line and not line.startswith("#"):
            detector, score, probability, _ = line.split("\t")
            points.setdefault(detector, []).append((float(score), float(probability)))
    return {
        detector: Curve(tuple(s for s, _ in pairs), tuple(p for _, p in pairs))
        for detector, pairs in points.items()
    }


@functools.cache
def curves() -> Mapping[str, Curve]:
    return read_table(TABLE.read_text(encoding="utf-8").splitlines())


def calibrated(detector_id: str, raw: float) -> float:
    """The probability that a repair by ``detector_id`` scored ``raw`` is right."""
    if math.isnan(raw):
        return 0.0
    table = curves()
    curve = table.get(detector_id) or table[POOLED]
    return min(1.0, max(0.0, curve(raw)))


def calibrated_change(change: Change) -> Change:
    return dataclasses.replace(change, confidence=calibrated(change.detector, change.confidence))


def calibrated_finding(finding: Finding) -> Finding:
    if finding.replacement is None:
        return finding
    return dataclasses.replace(finding, confidence=calibrated(finding.detector, finding.confidence))


def calibrated_result(result: Result) -> Result:
    """``result`` with the confidence of each change and finding calibrated;
    changes not yet worked out stay so until someone looks."""
    changes = result.changes
    deferred = isinstance(changes, DeferredChanges)  # asking its length would build it
    if not deferred and not changes and not result.findings:
        return result
    return dataclasses.replace(
        result,
        changes=DeferredChanges(lambda: tuple(calibrated_change(c) for c in changes)),
        findings=tuple(calibrated_finding(f) for f in result.findings),
    )
