"""Read a JSON or JSON Lines report back into the changes it records.

The texts before and after are taken from their escaped forms where there are
some, which keep lone surrogates apart where a JSON string cannot. A report of a
JSON Lines field also gives back the raw source edits that rebuild its line
byte for byte: whole (the JSON report, a full JSON Lines report), or only the
raw originals a brief JSON Lines report keeps, the rest being found again in
the repaired line (:func:`.json_source.edits_for_changes`). Both forms of a
JSON Lines report are read, and every version back to 1.

>>> import io
>>> from mojibake_fix import fix, revert
>>> from .formats import named
>>> from .records import Document
>>> result = fix("le cafÃ©")
>>> stream = io.StringIO()
>>> named("jsonl").write([Document("a.txt", result)], stream, WriteOptions())
>>> [document] = read_report(stream.getvalue())
>>> revert(result.text, document.changes)
'le cafÃ©'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..model import Change, record_text
from .digest import FileDigest
from .escape import escape
from .formats import WriteOptions as WriteOptions  # re-exported for the doctest
from .json_source import SourceEdit, json_problem
from .records import SCHEMA, VERSION

RESULT_SCHEMA = "mojibake-fix/result"


class ReportError(ValueError):
    """Text that is not a report this version can read."""


@dataclass(frozen=True, slots=True)
class ReportDocument:
    """The changes a report records for one document, ready for ``revert``.

    ``sources`` are the raw edits of a JSON Lines or CSV record when the report
    gives all of them; ``raw_originals`` the raw JSON text of each change's
    original where a brief report gives that alone (``None`` for the others)."""

    path: str
    changes: tuple[Change, ...]
    record: int | None = None
    field: str | None = None
    sources: tuple[SourceEdit, ...] = ()
    bom: bool = False
    raw_originals: tuple[str | None, ...] = ()


@dataclass(frozen=True, slots=True)
class LoadedReport:
    """Everything a report records: the documents' changes, and each file's
    lengths and SHA-256 (version 2; none in a version 1 report)."""

    documents: tuple[ReportDocument, ...]
    files: tuple[FileDigest, ...] = ()


def change_from_record(record: Mapping[str, Any]) -> Change:
    """The :class:`Change` of one change record (its texts from their escaped forms);
    a brief record's ``end`` and ``fixed_end`` from its texts' lengths (its
    ``fixed_start``, which it leaves out, given by the reader of its document)."""
    if "end" in record and "fixed_end" in record:
        return Change.from_dict(record)
    try:
        original, replacement = record_text(record, "original"), record_text(record, "replacement")
    except TypeError as error:
        raise ReportError(str(error)) from None
    return Change.from_dict(
        {
            **record,
            "original": original,
            "original_escaped": escape(original),
            "replacement": replacement,
            "replacement_escaped": escape(replacement),
            "end": int(record["start"]) + len(original),
            "fixed_end": int(record["fixed_start"]) + len(replacement),
        }
    )


def _source(record: Mapping[str, Any]) -> SourceEdit | None:
    source = record.get("source")
    if not isinstance(source, Mapping) or "start" not in source:
        return None
    return SourceEdit(
        start=int(source["start"]),
        end=int(source["end"]),
        fixed_start=int(source["fixed_start"]),
        fixed_end=int(source["fixed_end"]),
        original=str(source["original"]),
        replacement=str(source["replacement"]),
    )


def _raw_original(record: Mapping[str, Any]) -> str | None:
    """The raw original a brief change line keeps without the rest of its edit."""
    source = record.get("source")
    if not isinstance(source, Mapping) or "start" in source:
        return None
    return str(source["original"])


def _document(header: Mapping[str, Any], changes: Iterable[Mapping[str, Any]]) -> ReportDocument:
    records = [dict(r) for r in changes]
    shift = 0  # what the changes so far added to the text (brief records leave it out)
    built: list[Change] = []
    for item in records:
        if "fixed_start" not in item and isinstance(item.get("start"), int):
            item["fixed_start"] = item["start"] + shift
        change = change_from_record(item)
        shift += len(change.replacement) - len(change.original)
        built.append(change)
    found = tuple(built)
    sources = [_source(r) for r in records]
    record = header.get("record")
    field = header.get("field")
    if record is not None and field is None:
        # A brief report leaves out a decoding's edits: each is its change.
        sources = [
            s if s is not None else SourceEdit.of(c) for s, c in zip(sources, found, strict=True)
        ]
    raw_originals = tuple(_raw_original(r) for r in records)
    return ReportDocument(
        path=str(header.get("path", "")),
        changes=found,
        record=int(record) if record is not None else None,
        field=str(field) if field is not None else None,
        sources=tuple(s for s in sources if s is not None) if all(sources) else (),
        bom=bool(header.get("bom", False)),
        raw_originals=raw_originals if any(r is not None for r in raw_originals) else (),
    )


def _check_version(header: Mapping[str, Any]) -> None:
    version = header.get("version")
    if not isinstance(version, int) or not 1 <= version <= VERSION:
        raise ReportError(f"report version {version!r} is not one this reader knows (1–{VERSION})")


def read_report(text: str) -> tuple[ReportDocument, ...]:
    """The documents of a report in any machine format: the JSON report, the JSON
    Lines report, or one ``Result.to_dict()`` saved as JSON."""
    return load_report(text).documents


def load_report(text: str) -> LoadedReport:
    """What a report in any machine format records (see :func:`read_report`)."""
    try:
        return _read(text.lstrip("\ufeff"))
    except ReportError:
        raise
    except RecursionError:
        raise ReportError("not a mojibake-fix report (JSON nested too deeply)") from None
    except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as error:
        raise ReportError(f"not a mojibake-fix report ({error})") from None


def _read(text: str) -> LoadedReport:
    first_line = text.split("\n", 1)[0]
    try:
        first = json.loads(first_line)
    except json.JSONDecodeError:
        first = None
    if isinstance(first, dict) and first.get("type") == "report":
        return _read_json_lines(text)
    report = json.loads(text)
    if not isinstance(report, dict):
        raise ReportError("not a mojibake-fix report (not a JSON object)")
    _check_version(report)
    if report.get("schema") == RESULT_SCHEMA:
        return LoadedReport((_document({}, report.get("changes", ())),))
    if report.get("schema") != SCHEMA:
        raise ReportError(f"not a mojibake-fix report (schema {report.get('schema')!r})")
    return LoadedReport(
        tuple(_document(d, d.get("changes", ())) for d in report["documents"]),
        tuple(FileDigest.from_dict(f) for f in report.get("files", ())),
    )


def _read_json_lines(text: str) -> LoadedReport:
    files: list[FileDigest] = []
    headers: dict[str, Mapping[str, Any]] = {}
    changes: dict[str, list[Mapping[str, Any]]] = {}
    order: list[str] = []
    # Only "\n" ends a line: the texts may hold U+2028 or U+0085 raw.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise ReportError(f"line {number}: not valid JSON: {json_problem(error)}") from None
        kind = item.get("type")
        if kind == "report":
            _check_version(item)
            continue
        if kind == "file":
            files.append(FileDigest.from_dict(item))
            continue
        if kind not in ("change", "document"):
            continue
        key = str(item.get("document") if kind == "change" else item.get("id"))
        if key not in changes:
            changes[key] = []
            order.append(key)
        if kind == "change":
            changes[key].append(item)
            headers.setdefault(key, item)
        else:
            headers[key] = item
    for key in order:
        if "path" not in headers[key]:
            raise ReportError(f"document {key!r}: its change lines have no document line")
    return LoadedReport(tuple(_document(headers[key], changes[key]) for key in order), tuple(files))
