"""What a report says about each document and each change, as plain dicts.

A :class:`Document` is one unit of repair: a whole file, or one string field of
one JSON Lines record. Its changes become records in one of two forms. The full
form (:func:`change_records`) carries every offset a reader might want: code
points and UTF-8 bytes, into the input and the output, and 1-based line:column;
the text before and after, also escaped so invisible characters show; the
detector, its confidence and its reason. The brief form
(:func:`brief_change_records`) keeps only what identifies and reverts a change,
so that a report of many changes stays a fraction of its input's size.

>>> from mojibake_fix import fix
>>> document = Document("in.txt", fix("Le cafÃ©\\nâ€œouiâ€\\x9d"))
>>> record = change_records(document)[2]
>>> record["line"], record["column"], record["byte_start"], record["original_escaped"]
(2, 7, 21, 'â€\\\\x9d')
>>> sorted(brief_change_records(document)[2])
['confidence', 'detector', 'original', 'reason', 'replacement', 'start']
>>> document_summary(document)
{'changes': 3, 'findings': 0, 'by_detector': {'utf8-as-cp1252': 3}}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Change, Finding, Result
from .escape import escape, has_surrogate
from .json_source import SourceEdit, json_string_body
from .positions import Position, locate

SCHEMA = "mojibake-fix/report"
VERSION = 2


@dataclass(frozen=True, slots=True)
class Document:
    """One repaired text and where it came from.

    ``record`` is the 1-based line of a JSON Lines input and ``field`` the name
    repaired in it; ``sources`` has one :class:`SourceEdit` per change for such
    a field, saying how the change looks in the raw line. ``bom`` is true when
    the file began with a byte order mark, which offsets do not count.
    ``json_field`` is true for a field of a JSON Lines record: a reader finds
    its source edits again in the repaired line, so the brief form writes only
    a raw original that ``json.dumps`` would not write the same way.
    """

    path: str
    result: Result
    record: int | None = None
    field: str | None = None
    sources: tuple[SourceEdit, ...] = ()
    bom: bool = False
    json_field: bool = False

    @property
    def id(self) -> str:
        """``path``, or ``path:record:field`` for a field of a JSON Lines record."""
        if self.record is None:
            return self.path
        return f"{self.path}:{self.record}:{self.field}"

    @property
    def listed(self) -> bool:
        """Whether the report lists this document: every file, and the fields that
        had something to say (a million clean records stay out of the report)."""
        return self.record is None or bool(self.result.changes or self.result.findings)


def _where(spots: dict[int, Position], start: int, end: int, prefix: str) -> dict[str, int]:
    return {
        f"{prefix}byte_start": spots[start].byte,
        f"{prefix}byte_end": spots[end].byte,
        f"{prefix}line": spots[start].line,
        f"{prefix}column": spots[start].column,
    }


def change_records(document: Document) -> list[dict[str, Any]]:
    """One record per change of ``document``, in order."""
    result = document.result
    changes = result.changes
    before = locate(result.original, [o for c in changes for o in (c.start, c.end)])
    after = locate(result.text, [o for c in changes for o in (c.fixed_start, c.fixed_end)])
    records: list[dict[str, Any]] = []
    for number, change in enumerate(changes, start=1):
        record: dict[str, Any] = {"index": number, **change.to_dict()}
        record.update(_where(before, change.start, change.end, ""))
        record.update(_where(after, change.fixed_start, change.fixed_end, "fixed_"))
        record["original_escaped"] = escape(change.original)
        record["replacement_escaped"] = escape(change.replacement)
        if document.record is not None:
            _place_in_record(record, document, number)
        records.append(record)
    return records


BRIEF_DERIVED = ("index", "end", "fixed_start", "fixed_end")
"""Keys of a full change record that the brief form leaves out, as a reader
derives them: ``index`` from the order of the lines, ``fixed_start`` as
``start`` moved by what the document's changes before it added or took away,
``end`` and ``fixed_end`` as ``start`` and ``fixed_start`` plus the length of
``original`` and ``replacement`` in code points."""


def brief_change_records(document: Document) -> list[dict[str, Any]]:
    """One brief record per change of ``document``: what identifies and reverts it.

    Offsets count code points; the texts are given escaped only where they hold a
    lone surrogate (:meth:`Change.to_dict`), and ``source`` only where a reader
    could not rebuild the raw record line without it (:func:`brief_source`).
    """
    records: list[dict[str, Any]] = []
    for number, change in enumerate(document.result.changes, start=1):
        record = {k: v for k, v in change.to_dict().items() if k not in BRIEF_DERIVED}
        if document.record is not None and number <= len(document.sources):
            source = brief_source(document, document.sources[number - 1], change)
            if source is not None:
                record["source"] = source
        records.append(record)
    return records


def _source_record(source: SourceEdit) -> dict[str, Any]:
    return {
        "start": source.start,
        "end": source.end,
        "fixed_start": source.fixed_start,
        "fixed_end": source.fixed_end,
        "original": source.original,
        "replacement": source.replacement,
    }


def brief_source(document: Document, source: SourceEdit, change: Change) -> dict[str, Any] | None:
    """What the brief form says of a change's raw edit: nothing when a reader
    rebuilds it from the change (a record's decoding) or from the repaired JSON
    line (a JSON field, its original written as ``json.dumps`` writes it); the
    raw original alone for a JSON field written otherwise (``\\u00e9`` escapes);
    the whole edit otherwise (a CSV cell).

    >>> from mojibake_fix import fix
    >>> result = fix("cafÃ©")
    >>> [change] = result.changes
    >>> raw = SourceEdit(13, 25, 13, 14, "\\\\u00c3\\\\u00a9", "é")
    >>> brief_source(Document("a.jsonl", result, 1, "text", (raw,), json_field=True), raw, change)
    {'original': '\\\\u00c3\\\\u00a9'}
    """
    if document.field is None:
        return None if source == SourceEdit.of(change) else _source_record(source)
    if document.json_field and source.replacement == json_string_body(change.replacement):
        if source.original == json_string_body(change.original):
            return None
        return {"original": source.original}
    return _source_record(source)


def _place_in_record(record: dict[str, Any], document: Document, number: int) -> None:
    """Line and column of a field's change are those of its raw text in the file."""
    record["line"] = record["fixed_line"] = document.record
    if number <= len(document.sources):
        source = document.sources[number - 1]
        record["column"] = source.start + 1
        record["fixed_column"] = source.fixed_start + 1
        record["source"] = _source_record(source)


def finding_records(document: Document) -> list[dict[str, Any]]:
    """One record per finding that was reported but not applied, with its alternatives."""
    result = document.result
    findings: tuple[Finding, ...] = result.findings
    spots = locate(result.original, [o for f in findings for o in (f.start, f.end)])
    records: list[dict[str, Any]] = []
    for finding in findings:
        record = finding.to_dict(result.original)
        record.update(_where(spots, finding.start, finding.end, ""))
        record["original_escaped"] = escape(record["original"])
        if finding.replacement is not None:
            record["replacement_escaped"] = escape(finding.replacement)
        if document.record is not None:
            record["line"] = document.record
        records.append(record)
    return records


def brief_finding_records(document: Document) -> list[dict[str, Any]]:
    """One brief record per finding: its offsets, texts, detector, confidence,
    reason and alternatives (texts escaped only where they hold a lone surrogate)."""
    result = document.result
    records: list[dict[str, Any]] = []
    for finding in result.findings:
        record = finding.to_dict(result.original)
        for name in ("original", "replacement"):
            text = record[name]
            if text is not None and has_surrogate(text):
                record[f"{name}_escaped"] = escape(text)
        records.append(record)
    return records


def _by_detector(changes: Iterable[Change]) -> dict[str, int]:
    return dict(sorted(Counter(change.detector for change in changes).items()))


def document_summary(document: Document) -> dict[str, Any]:
    """Counts for one document: changes, findings left alone, changes per detector."""
    result = document.result
    return {
        "changes": len(result.changes),
        "findings": len(result.findings),
        "by_detector": _by_detector(result.changes),
    }


def brief_document_header(document: Document) -> dict[str, Any]:
    """What names the document: its id, path, record and field (and ``bom``
    when the file begins with one); its lengths are in the full form only."""
    header: dict[str, Any] = {
        "id": document.id,
        "path": document.path,
        "record": document.record,
        "field": document.field,
    }
    if document.bom:
        header["bom"] = True
    return header


def document_header(document: Document) -> dict[str, Any]:
    """Where the document is and how long it is, before and after (also in bytes)."""
    result = document.result
    ends = locate(result.original, [len(result.original)])[len(result.original)]
    fixed_ends = locate(result.text, [len(result.text)])[len(result.text)]
    return {
        "id": document.id,
        "path": document.path,
        "record": document.record,
        "field": document.field,
        "bom": document.bom,
        "changed": result.changed,
        "length": len(result.original),
        "fixed_length": len(result.text),
        "byte_length": ends.byte,
        "fixed_byte_length": fixed_ends.byte,
    }


def document_record(document: Document) -> dict[str, Any]:
    """Everything the JSON report says about one document."""
    return {
        **document_header(document),
        "summary": document_summary(document),
        "changes": change_records(document),
        "findings": finding_records(document),
    }


class Tally:
    """The run summary, counted as documents go by (so formats can stream)."""

    def __init__(self) -> None:
        self.documents = 0
        self.changed = 0
        self.changes = 0
        self.findings = 0
        self.by_detector: Counter[str] = Counter()
        self.by_file: dict[str, dict[str, int]] = {}

    def add(self, document: Document) -> None:
        result = document.result
        self.documents += 1
        self.changed += result.changed
        self.changes += len(result.changes)
        self.findings += len(result.findings)
        self.by_detector.update(change.detector for change in result.changes)
        counts = self.by_file.setdefault(
            document.path, {"documents": 0, "changed": 0, "changes": 0, "findings": 0}
        )
        counts["documents"] += 1
        counts["changed"] += result.changed
        counts["changes"] += len(result.changes)
        counts["findings"] += len(result.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "changed": self.changed,
            "changes": self.changes,
            "findings": self.findings,
            "by_detector": dict(sorted(self.by_detector.items())),
            "by_file": self.by_file,
        }


def summarize(documents: Iterable[Document]) -> dict[str, Any]:
    """The run summary of ``documents``: documents read and changed, per detector, per file."""
    tally = Tally()
    for document in documents:
        tally.add(document)
    return tally.to_dict()
