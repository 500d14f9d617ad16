"""The values everything else passes around: findings, changes and results.

A :class:`Finding` is what a detector proposes; a :class:`Change` is a finding
that was applied. A change keeps the text it replaced, so every repair can be
undone exactly:

>>> from mojibake_fix import fix, revert
>>> result = fix("cafÃ©")
>>> result.text
'café'
>>> revert(result.text, result.changes)
'cafÃ©'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from .charclass import NON_ASCII_RUN

SCHEMA_VERSION = 1
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible replacement for a span, with the score that ranked it."""

    text: str
    score: float


@dataclass(frozen=True, slots=True)
class Finding:
    """A span of the input that a detector judged broken.

    ``replacement`` is the repair the detector would apply, or ``None`` when
    it only reports (U+FFFD, say, where nothing can be recovered).
    ``alternatives`` are the ranked candidates, best first.
    """

    start: int
    end: int
    detector: str
    confidence: float
    reason: str
    replacement: str | None = None
    alternatives: tuple[Candidate, ...] = ()

    def to_dict(self, text: str) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "original": text[self.start : self.end],
            "replacement": self.replacement,
            "detector": self.detector,
            "confidence": round(self.confidence, 4),
            "reason": self.reason,
            "alternatives": [
                {"text": c.text, "score": round(c.score, 4)} for c in self.alternatives
            ],
        }


@dataclass(frozen=True, slots=True)
class Change:
    """An applied repair: ``original`` at ``start:end`` of the input became
    ``replacement`` at ``fixed_start:fixed_end`` of the output."""

    start: int
    end: int
    fixed_start: int
    fixed_end: int
    original: str
    replacement: str
    detector: str
    confidence: float
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """The change as JSON values. A text holding a lone surrogate is also given
        escaped (``original_escaped``, ``replacement_escaped``): JSON would join two
        of them into the character they spell."""
        record: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "fixed_start": self.fixed_start,
            "fixed_end": self.fixed_end,
            "original": self.original,
            "replacement": self.replacement,
            "detector": self.detector,
            "confidence": round(self.confidence, 4),
            "reason": self.reason,
        }
        for name in ("original", "replacement"):
            text = record[name]
            if _SURROGATE.search(text):
                record[f"{name}_escaped"] = _escape(text)
        return record

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> Change:
        """The change :meth:`to_dict` gave; ``ValueError`` if the record is not one,
        or if a text no longer spans its offsets (a surrogate pair joined by JSON)."""
        try:
            change = cls(
                start=int(record["start"]),
                end=int(record["end"]),
                fixed_start=int(record["fixed_start"]),
                fixed_end=int(record["fixed_end"]),
                original=record_text(record, "original"),
                replacement=record_text(record, "replacement"),
                detector=str(record["detector"]),
                confidence=float(record["confidence"]),
                reason=str(record.get("reason", "")),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"not a change record ({error!r})") from None
        if change.end - change.start != len(change.original) or (
            change.fixed_end - change.fixed_start != len(change.replacement)
        ):
            raise ValueError(
                f"change at {change.start}:{change.end}: its texts do not span its offsets"
                " (a surrogate pair joined by JSON? keep original_escaped and"
                " replacement_escaped)"
            )
        return change


@dataclass(frozen=True, slots=True)
class Result:
    """The repaired text, the changes that made it, and the findings left alone."""

    text: str
    changes: Sequence[Change] = ()
    findings: tuple[Finding, ...] = ()
    original: str = field(default="", repr=False)
    encoding: str | None = None

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def revert(self) -> str:
        """The input again, rebuilt from the output and the changes alone."""
        return revert(self.text, self.changes)

    def to_dict(self) -> dict[str, Any]:
        counts: dict[str, int] = {}
        for change in self.changes:
            counts[change.detector] = counts.get(change.detector, 0) + 1
        report: dict[str, Any] = {
            "schema": "mojibake-fix/result",
            "version": SCHEMA_VERSION,
            "changed": self.changed,
            "length": len(self.original),
            "fixed_length": len(self.text),
            "changes": [c.to_dict() for c in self.changes],
            "findings": [f.to_dict(self.original) for f in self.findings],
            "summary": counts,
        }
        if self.encoding is not None:
            report["encoding"] = self.encoding
        return report


def unchanged(text: str) -> Result:
    """``Result(text=text, original=text)``, built in a quarter of the time.

    Most documents of a pipeline need nothing, and for an ASCII paragraph the
    dataclass's frozen ``__init__`` (one guarded assignment per field) costs
    more than deciding that it is clean; the slots are filled directly.
    """
    result = _new_result(Result)
    _set_text(result, text)
    _set_changes(result, ())
    _set_findings(result, ())
    _set_original(result, text)
    _set_encoding(result, None)
    return result


def _slot_setter(name: str) -> Callable[[Result, object], None]:
    """The setter of one of Result's slots, which skips the frozen guard."""
    descriptor: Any = vars(Result)[name]
    setter: Callable[[Result, object], None] = descriptor.__set__
    return setter


_new_result = object.__new__
_set_text = _slot_setter("text")
_set_changes = _slot_setter("changes")
_set_findings = _slot_setter("findings")
_set_original = _slot_setter("original")
_set_encoding = _slot_setter("encoding")


def _escape(text: str) -> str:
    from .report.escape import escape  # the report package imports this module

    return escape(text)


def record_text(record: Mapping[str, Any], name: str) -> str:
    """A change record's ``original`` or ``replacement``: from its escaped form
    where the record has one; ``TypeError`` where it is no string."""
    escaped = record.get(f"{name}_escaped")
    if isinstance(escaped, str):
        from .report.escape import unescape

        return unescape(escaped)
    value = record[name]
    if not isinstance(value, str):
        raise TypeError(f"{name} is not a string")
    return value


def changes_from_dict(report: Mapping[str, Any]) -> tuple[Change, ...]:
    """The changes a saved :meth:`Result.to_dict` report recorded, exactly (lone
    surrogates included); ``ValueError`` if they are not changes of one text."""
    changes = tuple(Change.from_dict(record) for record in report.get("changes", ()))
    check_changes(changes)
    return changes


def check_changes(changes: Sequence[Change]) -> None:
    """``ValueError`` unless ``changes`` could have come from one repair: in order,
    not overlapping, each text spanning its offsets, and each change's input
    offsets those of its output offsets shifted by the changes before it (which a
    change inserted, deleted or edited in a saved report breaks)."""
    shift = position = 0
    for number, change in enumerate(changes, start=1):
        where = f"change {number} (at {change.fixed_start}:{change.fixed_end})"
        if change.fixed_start < position or change.start < 0:
            raise ValueError(f"{where} is out of order or overlaps the one before")
        if change.end - change.start != len(change.original) or (
            change.fixed_end - change.fixed_start != len(change.replacement)
        ):
            raise ValueError(f"{where}: its texts do not span its offsets")
        if change.start != change.fixed_start + shift:
            raise ValueError(f"{where}: its offsets do not follow from the changes before it")
        shift += len(change.original) - len(change.replacement)
        position = change.fixed_end


def revert(text: str, changes: Iterable[Change]) -> str:
    """Undo ``changes`` in ``text`` (the repaired text) to rebuild the input.

    Raises ``ValueError`` when a change does not match the text it is applied
    to, or the changes do not fit together (see :func:`check_changes`), so a
    report is never applied to the wrong document by accident.
    """
    ordered = sorted(changes, key=lambda c: c.fixed_start)
    check_changes(ordered)
    return _splice(text, ordered, reverse=True)


def apply(text: str, changes: Iterable[Change]) -> str:
    """Apply saved ``changes`` to the original ``text`` again."""
    return _splice(text, changes, reverse=False)


def _splice(text: str, changes: Iterable[Change], *, reverse: bool) -> str:
    pieces: list[str] = []
    position = 0
    for change in sorted(changes, key=lambda c: c.fixed_start if reverse else c.start):
        start, end = (
            (change.fixed_start, change.fixed_end) if reverse else (change.start, change.end)
        )
        expected, put = (
            (change.replacement, change.original)
            if reverse
            else (change.original, change.replacement)
        )
        if start < position or text[start:end] != expected:
            raise ValueError(
                f"change at {start}:{end} does not match the text: "
                f"{text[start:end]!r} != {expected!r}"
            )
        pieces.append(text[position:start])
        pieces.append(put)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def build_changes(text: str, findings: Sequence[Finding]) -> tuple[str, tuple[Change, ...]]:
    """Apply non-overlapping findings (sorted by start) and record the changes."""
    pieces: list[str] = []
    changes: list[Change] = []
    position = 0
    fixed_position = 0
    for finding in findings:
        if finding.replacement is None:
            continue
        pieces.append(text[position : finding.start])
        fixed_position += finding.start - position
        pieces.append(finding.replacement)
        changes.append(
            Change(
                start=finding.start,
                end=finding.end,
                fixed_start=fixed_position,
                fixed_end=fixed_position + len(finding.replacement),
                original=text[finding.start : finding.end],
                replacement=finding.replacement,
                detector=finding.detector,
                confidence=finding.confidence,
                reason=finding.reason,
            )
        )
        fixed_position += len(finding.replacement)
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces), tuple(changes)


class DeferredChanges(Sequence[Change]):
    """Changes worked out the first time anyone looks at them.

    A pipeline that keeps only the repaired text of millions of documents
    never pays for building a :class:`Change` per span; a report, a revert or
    a comparison sees the same changes it would have had from the start.
    """

    __slots__ = ("_build", "_built")

    def __init__(self, build: Callable[[], tuple[Change, ...]]) -> None:
        self._build: Callable[[], tuple[Change, ...]] | None = build
        self._built: tuple[Change, ...] = ()

    def _changes(self) -> tuple[Change, ...]:
        if self._build is not None:
            self._built, self._build = self._build(), None
        return self._built

    @overload
    def __getitem__(self, index: int) -> Change: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Change, ...]: ...
    def __getitem__(self, index: int | slice) -> Change | tuple[Change, ...]:
        return self._changes()[index]

    def __len__(self) -> int:
        return len(self._changes())

    def __iter__(self) -> Iterator[Change]:
        return iter(self._changes())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return self._changes() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._changes())

    def __repr__(self) -> str:
        return repr(self._changes())

    def __reduce__(self) -> tuple[type[tuple[Change, ...]], tuple[tuple[Change, ...]]]:
        return tuple, (self._changes(),)


def changes_by_runs(
    original: str, fixed: str, detector: str, confidence: float, reason: str
) -> tuple[Change, ...]:
    """One change per run of non-ASCII characters, for a repair that left
    every ASCII character as it was and turned each run into another.

    >>> changes = changes_by_runs("cafÃ© crÃ¨me", "café crème", "x", 1.0, "")
    >>> [(c.start, c.end, c.fixed_start, c.fixed_end, c.replacement) for c in changes]
    [(3, 5, 3, 4, 'é'), (8, 10, 7, 8, 'è')]
    """
    changes: list[Change] = []
    for before, after in zip(
        NON_ASCII_RUN.finditer(original), NON_ASCII_RUN.finditer(fixed), strict=True
    ):
        if before.group() != after.group():
            changes.append(
                Change(
                    start=before.start(),
                    end=before.end(),
                    fixed_start=after.start(),
                    fixed_end=after.end(),
                    original=before.group(),
                    replacement=after.group(),
                    detector=detector,
                    confidence=confidence,
                    reason=reason,
                )
            )
    return tuple(changes)
