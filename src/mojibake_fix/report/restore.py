"""Apply a report backwards: the repaired file's text back to the original.

>>> from mojibake_fix import fix
>>> from .reader import ReportDocument
>>> result = fix("un cafÃ©")
>>> revert_file_text(result.text, [ReportDocument("a.txt", result.changes)])
'un cafÃ©'
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..model import revert
from .json_source import SourceEdit, SourceError, edits_for_changes, restore_line
from .reader import ReportDocument


class RevertError(ValueError):
    """A report that does not fit the text it is applied to; says where."""


def revert_file_text(text: str, documents: Sequence[ReportDocument]) -> str:
    """Undo the documents of one file: whole-text changes, or per JSON Lines record."""
    if any(document.record is not None for document in documents):
        return revert_json_lines(text, documents)
    try:
        return revert(text, [c for document in documents for c in document.changes])
    except ValueError as error:
        raise RevertError(str(error)) from None


def revert_json_lines(text: str, documents: Sequence[ReportDocument]) -> str:
    """Rebuild each repaired record line exactly as it was, bytes included."""
    by_line: dict[int, list[ReportDocument]] = {}
    for document in documents:
        if document.record is None or document.field is None:
            raise RevertError("a report mixes whole files and JSON Lines records")
        if document.changes:
            by_line.setdefault(document.record, []).append(document)
    # Only "\n" ends a record: U+2028 and U+0085 may stand raw inside strings.
    lines = text.split("\n")
    for number, line_documents in sorted(by_line.items()):
        if not 1 <= number <= len(lines):
            raise RevertError(f"line {number}: the file has only {len(lines)} lines")
        try:
            lines[number - 1] = _revert_line(lines[number - 1], line_documents)
        except (SourceError, ValueError) as error:
            raise RevertError(f"line {number}: {error}") from None
        except RecursionError:
            raise RevertError(f"line {number}: JSON nested too deeply") from None
    return "\n".join(lines)


def _revert_line(line: str, documents: Sequence[ReportDocument]) -> str:
    repaired = json.loads(line)
    edits: list[SourceEdit] = []
    for document in documents:
        field = str(document.field)
        if document.sources:
            edits.extend(document.sources)
        else:
            edits.extend(edits_for_changes(line, field, document.changes, document.raw_originals))
    restored = restore_line(line, edits)
    record = json.loads(restored)
    for document in documents:
        field = str(document.field)
        if record.get(field) != revert(repaired.get(field, ""), document.changes):
            raise SourceError(f"field {field!r} does not match the report")
    return restored
