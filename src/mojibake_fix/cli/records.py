"""The work on one unit of input, the same in the main process and in workers:
a whole text file, a block of JSON Lines, or a chunk of CSV rows.

Each record becomes an :class:`Outcome`: its new bytes (``None`` when it is
unchanged), the report's documents, or the error that stopped it. Decoding is
recorded too, as a document of the record with no field, so ``revert`` gives
the original bytes. A unit's outcomes come back as one :class:`Done`: the bytes
to write for the whole unit, counts, errors, and the outcomes themselves only
when the run lists or reports them, so the main process does nothing per record
and ``--jobs N`` is not held up by it.

>>> import json
>>> line = '{"id": 1, "meta": {"title": "cafÃ©"}}'
>>> fixed, edits = edit_fields(line, {"meta.title": fix(json.loads(line)["meta"]["title"])})
>>> fixed
'{"id": 1, "meta": {"title": "café"}}'
>>> restore_line(fixed, edits["meta.title"]) == line
True
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..decode import (
    UTF8_SIG,
    DecodeError,
    RecordEncodings,
    combine,
    decode,
    decode_line,
    raw_bytes,
    raw_text,
)
from ..engine import detect, fix
from ..model import Result
from ..report import Document, SourceEdit, SourceError, edit_line
from ..report.json_source import (
    json_problem,
    restore_line,
    splice_fields,
    string_token_start,
)
from .inputs import Dialect

__all__ = ["restore_line"]

BINARY_PROBE = 8192
DEFAULT_DIALECT = Dialect()


@dataclass(frozen=True, slots=True)
class Config:
    """What to do with each unit; picklable, sent to every worker."""

    min_confidence: float
    enable: tuple[str, ...]
    disable: tuple[str, ...]
    encoding: str | None = None
    detect_only: bool = False
    documents: bool = True  # send each record's outcome back (for a report or a listing)
    diff: bool = False  # send each changed record's bytes before and after
    skip_errors: bool = False  # pass a bad record through and go on


@dataclass(frozen=True, slots=True)
class Task:
    """One unit of work, as items of a 1-based line number and bytes: a whole
    file (``kind`` 'text', one item), a block of whole lines ('jsonl', one
    item: the number of its first line and the lines as read), or a chunk of
    records ('csv', each item a record)."""

    path: str
    kind: str
    items: tuple[tuple[int, bytes], ...]
    fields: tuple[str, ...] = ()
    columns: tuple[tuple[str, int], ...] = ()
    dialect: Dialect = DEFAULT_DIALECT

    @property
    def data(self) -> bytes:
        """The unit's bytes as read."""
        return b"".join(data for _, data in self.items)

    def records(self) -> Iterator[tuple[int, bytes]]:
        """Each record with its line number (a block of JSON Lines split at b'\\n')."""
        if self.kind != "jsonl":
            yield from self.items
            return
        for first, block in self.items:
            yield from enumerate(io.BytesIO(block), start=first)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one record (``number`` 0 for a whole file)."""

    number: int
    output: bytes | None = None
    documents: tuple[Document, ...] = ()
    clean: tuple[str, ...] = ()
    error: str | None = None

    @property
    def changes(self) -> int:
        return sum(len(d.result.changes) for d in self.documents)

    @property
    def findings(self) -> int:
        return sum(len(d.result.findings) for d in self.documents)


@dataclass(frozen=True, slots=True)
class Done:
    """What became of one task. ``output`` is every record's bytes to write,
    or ``None`` when they are the task's bytes unchanged. ``errors`` are the
    bad records: with ``skip_errors`` each passed through as it was, else only
    the first, where the work stopped. ``outcomes`` (without their bytes) and
    ``diffs`` (line, bytes before, bytes after) are there only when the
    :class:`Config` asks for them."""

    output: bytes | None
    records: int
    changes: int = 0
    findings: int = 0
    errors: tuple[str, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    diffs: tuple[tuple[int, bytes, bytes], ...] = ()

    @property
    def changed(self) -> bool:
        return self.output is not None


def _repair(value: str, config: Config) -> Result:
    if config.detect_only:
        findings = tuple(detect(value, enable=config.enable, disable=config.disable))
        return Result(text=value, findings=findings, original=value)
    return fix(
        value, min_confidence=config.min_confidence, enable=config.enable, disable=config.disable
    )


def process(task: Task, config: Config) -> Done:
    """Every record of ``task``, in order, made into what is to be written."""
    handle: Callable[[Task, int, bytes, Config, RecordEncodings], Outcome] = {
        "text": _text_file,
        "jsonl": _json_record,
    }.get(task.kind, _csv_record)
    encodings = RecordEncodings()
    pieces: list[bytes] = []
    errors: list[str] = []
    outcomes: list[Outcome] = []
    diffs: list[tuple[int, bytes, bytes]] = []
    records = changes = findings = 0
    changed = False
    for number, data in task.records():
        records += 1
        outcome = handle(task, number, data, config, encodings)
        if outcome.error is not None:
            errors.append(outcome.error)
            if not config.skip_errors:
                break
            pieces.append(data)
            continue
        output = outcome.output
        if output is None or output == data:
            pieces.append(data)
        else:
            pieces.append(output)
            changed = True
            if config.diff:
                diffs.append((number, data, output))
        changes += outcome.changes
        findings += outcome.findings
        if config.documents and (outcome.documents or outcome.clean):
            outcomes.append(Outcome(number, None, outcome.documents, outcome.clean))
    return Done(
        b"".join(pieces) if changed else None,
        records,
        changes,
        findings,
        tuple(errors),
        tuple(outcomes),
        tuple(diffs),
    )


def is_binary(data: bytes) -> bool:
    """A NUL byte near the start: not text (UTF-16 with a byte order mark aside)."""
    head = data[:BINARY_PROBE]
    return b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))


def _text_file(task: Task, number: int, data: bytes, config: Config, _: RecordEncodings) -> Outcome:
    if is_binary(data):
        return Outcome(number, error=f"{task.path}: binary file (NUL byte)")
    try:
        decoded = decode(data, config.encoding)
    except DecodeError as error:
        return Outcome(number, error=f"{task.path}:{error.line}: {error}")
    result = combine(decoded, _repair(decoded.text, config))
    document = Document(task.path, result, bom=decoded.bom)
    output = None
    if result.changes:
        output = (b"\xef\xbb\xbf" if decoded.bom else b"") + raw_bytes(result.text)
    return Outcome(number, output, (document,))


def _split_end(data: bytes) -> tuple[bytes, bytes]:
    return (data[:-1], b"\n") if data.endswith(b"\n") else (data, b"")


def _decode_record(
    task: Task, number: int, content: bytes, config: Config, encodings: RecordEncodings
) -> tuple[str, Document | None]:
    """The record's text, and the document of its decoding when it was not UTF-8."""
    text, changes, encoding = decode_line(content, number, config.encoding, records=encodings)
    if not changes:
        return text, None
    edits = tuple(SourceEdit.of(change) for change in changes)
    result = Result(text, changes, original=raw_text(content), encoding=encoding)
    return text, Document(task.path, result, number, None, edits)


# --- JSON Lines ---------------------------------------------------------------


def lookup(record: Mapping[str, Any], path: str) -> Any:
    """The value at a field path: the key itself if the record has it, else the
    dotted path through nested objects (``meta.title``); None when absent."""
    if path in record:
        return record[path]
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def edit_fields(
    line: str, results: Mapping[str, Result]
) -> tuple[str, dict[str, tuple[SourceEdit, ...]]]:
    """Like :func:`mojibake_fix.report.edit_line`, for field paths into nested objects
    too: each change spliced into the raw line where its characters are written."""
    if all("." not in name for name in results):
        return edit_line(line, results)
    starts: dict[str, int] = {}
    for name, result in results.items():
        if result.changes:
            start = string_token_start(line, name)
            if start is None:
                raise SourceError(f"field {name!r} is not a string of this line")
            starts[name] = start
    return splice_fields(line, results, starts, lookup)


def _split_bom(number: int, data: bytes) -> tuple[bytes, bytes]:
    """A byte order mark at the start of the file is kept out of the record."""
    if number == 1 and data.startswith(UTF8_SIG):
        return UTF8_SIG, data[len(UTF8_SIG) :]
    return b"", data


def _json_record(
    task: Task, number: int, data: bytes, config: Config, encodings: RecordEncodings
) -> Outcome:
    bom, data = _split_bom(number, data)
    content, end = _split_end(data)
    if not content.strip():
        return Outcome(number)
    try:
        text, decoding = _decode_record(task, number, content, config, encodings)
    except DecodeError as error:
        return Outcome(number, error=f"{task.path}:{number}: {error}")
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        return Outcome(number, error=f"{task.path}:{number}: not valid JSON: {json_problem(error)}")
    except RecursionError:
        return Outcome(number, error=f"{task.path}:{number}: not valid JSON: nested too deeply")
    if not isinstance(record, dict):
        return Outcome(number, error=f"{task.path}:{number}: not a JSON object")
    results: dict[str, Result] = {}
    for name in task.fields:
        value = lookup(record, name)
        if value is None:
            continue
        if not isinstance(value, str):
            return Outcome(number, error=f"{task.path}:{number}: field {name!r} is not a string")
        results[name] = _repair(value, config)
    try:
        fixed, sources = edit_fields(text, results)
    except SourceError:
        # Cannot be spliced in place (an escaped lone surrogate meeting a repair):
        # leave the record as it was and say only what was found.
        fixed, sources = text, {}
        results = {
            name: Result(text=r.original, findings=r.findings, original=r.original)
            for name, r in results.items()
        }
    return _record_outcome(
        task, number, bom, text, fixed, end, decoding, results, sources, json_fields=True
    )


def _record_outcome(
    task: Task,
    number: int,
    bom: bytes,
    text: str,
    fixed: str,
    end: bytes,
    decoding: Document | None,
    results: Mapping[str, Result],
    sources: Mapping[str, tuple[SourceEdit, ...]],
    *,
    json_fields: bool,
) -> Outcome:
    """The outcome of one record; ``json_fields`` if its fields are JSON strings
    (whose source edits a reader finds again in the repaired line)."""
    documents = [decoding] if decoding else []
    clean: list[str] = []
    for name, result in results.items():
        if result.changes or result.findings:
            found = sources.get(name, ())
            documents.append(
                Document(task.path, result, number, name, found, json_field=json_fields)
            )
        else:
            clean.append(name)
    output = bom + raw_bytes(fixed) + end if decoding or fixed != text else None
    return Outcome(number, output, tuple(documents), tuple(clean))


# --- CSV ----------------------------------------------------------------------


def parse_row(text: str, dialect: Dialect) -> list[str] | None:
    """The one row of a record's text (None for a blank line)."""
    rows = list(csv.reader(text.splitlines(keepends=True), **dialect.reader_options()))
    if len(rows) > 1:
        raise csv.Error("a record holds more than one row")
    return rows[0] if rows else None


def cell_offsets(text: str, dialect: Dialect) -> list[tuple[list[int], bool]]:
    """For each cell of a record: where each of its characters is written (and,
    last, where it ends), and whether it is quoted. Raises csv.Error if the raw
    text is not the plain form this splices (text after a closing quote, say)."""
    body = text.rstrip("\r\n")
    delimiter, quote = dialect.delimiter, dialect.quotechar
    cells: list[tuple[list[int], bool]] = []
    index = 0
    while True:
        offsets: list[int] = []
        quoted = body.startswith(quote, index)
        if quoted:
            index += 1
            while True:
                if index >= len(body):
                    raise csv.Error("unterminated quote")
                if body[index] == quote:
                    if body.startswith(quote, index + 1):
                        offsets.append(index)
                        index += 2
                        continue
                    break
                offsets.append(index)
                index += 1
            offsets.append(index)
            index += 1
            if index < len(body) and body[index] != delimiter:
                raise csv.Error("text after a closing quote")
        else:
            while index < len(body) and body[index] != delimiter:
                if body[index] == quote:
                    raise csv.Error("a quote inside an unquoted cell")
                offsets.append(index)
                index += 1
            offsets.append(index)
        cells.append((offsets, quoted))
        if index >= len(body):
            return cells
        index += 1


def csv_raw(value: str, quoted: bool, dialect: Dialect) -> str:
    """``value`` as written inside a cell; csv.Error if an unquoted cell would need quotes."""
    if quoted:
        return value.replace(dialect.quotechar, dialect.quotechar * 2)
    if any(c in value for c in (dialect.delimiter, dialect.quotechar, "\r", "\n")):
        raise csv.Error("the repair would need quotes")
    return value


def edit_cells(
    text: str, results: Mapping[int, Result], dialect: Dialect
) -> tuple[str, dict[int, tuple[SourceEdit, ...]]]:
    """``text`` with each changed cell's repairs spliced in where they are written."""
    cells = cell_offsets(text, dialect)
    planned: list[tuple[int, int, int, str]] = []
    for column, result in results.items():
        offsets, quoted = cells[column]
        for change in result.changes:
            raw = csv_raw(change.replacement, quoted, dialect)
            planned.append((offsets[change.start], offsets[change.end], column, raw))
    planned.sort()
    pieces: list[str] = []
    edits: dict[int, list[SourceEdit]] = {column: [] for column in results}
    position = shift = 0
    for start, end, column, raw in planned:
        pieces += [text[position:start], raw]
        edits[column].append(
            SourceEdit(start, end, start + shift, start + shift + len(raw), text[start:end], raw)
        )
        shift += len(raw) - (end - start)
        position = end
    pieces.append(text[position:])
    fixed = "".join(pieces)
    row = parse_row(fixed, dialect)
    if row is None or any(row[c] != r.text for c, r in results.items() if r.changes):
        raise csv.Error("the spliced row does not read back as repaired")
    return fixed, {column: tuple(found) for column, found in edits.items()}


def _csv_record(
    task: Task, number: int, data: bytes, config: Config, encodings: RecordEncodings
) -> Outcome:
    bom, data = _split_bom(number, data)
    try:
        text, decoding = _decode_record(task, number, data, config, encodings)
    except DecodeError as error:
        return Outcome(number, error=f"{task.path}:{number}: {error}")
    try:
        row = parse_row(text, task.dialect)
    except csv.Error as error:
        return Outcome(number, error=f"{task.path}:{number}: not valid CSV: {error}")
    if row is None:
        output = bom + raw_bytes(text) if decoding else None
        return Outcome(number, output, (decoding,) if decoding else ())
    by_column = {
        index: _repair(row[index], config) for _, index in task.columns if index < len(row)
    }
    names = {index: name for name, index in task.columns}
    try:
        fixed, edits = edit_cells(text, by_column, task.dialect)
    except (csv.Error, IndexError):
        fixed, edits = text, {}
        by_column = {
            index: Result(text=r.original, findings=r.findings, original=r.original)
            for index, r in by_column.items()
        }
    results = {names[index]: result for index, result in by_column.items()}
    sources = {names[index]: found for index, found in edits.items()}
    return _record_outcome(
        task, number, bom, text, fixed, b"", decoding, results, sources, json_fields=False
    )


def check_columns(header: Sequence[str], wanted: Sequence[str]) -> tuple[tuple[str, int], ...]:
    """Each wanted column name with its index in the header; KeyError names a missing one."""
    found = []
    for name in wanted:
        if name not in header:
            raise KeyError(name)
        found.append((name, list(header).index(name)))
    return tuple(found)
