"""Read a JSON or JSON Lines report back into the changes it records.

The texts before and after are taken from their escaped forms, which keep lone
surrogates apart where a JSON string cannot. A report of a JSON Lines field
also gives back the raw source edits that rebuild its line byte for byte.

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

from ..model import Change
from .digest import FileDigest
from .formats import WriteOptions as WriteOptions  # re-exported for the doctest
from .json_source import SourceEdit, json_problem
from .records import SCHEMA, VERSION

RESULT_SCHEMA = "mojibake-fix/result"


class ReportError(ValueError):
    """Text that is not a report this version can read."""


@dataclass(frozen=True, slots=True)
class ReportDocument:
    """The changes a report records for one document, ready for ``revert``."""

    path: str
    changes: tuple[Change, ...]
    record: int | None = None
    field: str | None = None
    sources: tuple[SourceEdit, ...] = ()
    bom: bool = False


@dataclass(frozen=True, slots=True)
class LoadedReport:
    """Everything a report records: the documents' changes, and each file's
    lengths and SHA-256 (version 2; none in a version 1 report)."""

    documents: tuple[ReportDocument, ...]
    files: tuple[FileDigest, ...] = ()


def change_from_record(record: Mapping[str, Any]) -> Change:
    """The :class:`Change` of one change record (its texts from their escaped forms)."""
    return Change.from_dict(record)


def _source(record: Mapping[str, Any]) -> SourceEdit | None:
    source = record.get("source")
    if not isinstance(source, Mapping):
        return None
    return SourceEdit(
        start=int(source["start"]),
        end=int(source["end"]),
        fixed_start=int(source["fixed_start"]),
        fixed_end=int(source["fixed_end"]),
        original=str(source["original"]),
        replacement=str(source["replacement"]),
    )


def _document(header: Mapping[str, Any], changes: Iterable[Mapping[str, Any]]) -> ReportDocument:
    records = list(changes)
    sources = [_source(record) for record in records]
    record = header.get("record")
    field = header.get("field")
    return ReportDocument(
        path=str(header.get("path", "")),
        changes=tuple(change_from_record(r) for r in records),
        record=int(record) if record is not None else None,
        field=str(field) if field is not None else None,
        sources=tuple(s for s in sources if s is not None) if all(sources) else (),
        bom=bool(header.get("bom", False)),
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
    return LoadedReport(tuple(_document(headers[key], changes[key]) for key in order), tuple(files))
