"""The commands: fix, check, detect, revert, explain.

``fix``, ``check`` and ``detect`` share one pipeline: files are read as a
stream of tasks (a whole text file, a block of JSON Lines, a chunk of CSV
records), mapped in order over worker processes, which return each task's bytes
to write; those go to temporary outputs and the records' documents into the
report; nothing replaces a file until every input has been read and repaired.
"""

from __future__ import annotations

import argparse
import csv
import functools
import io
import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import IO, Any, TextIO

from .. import report
from ..decode import UTF8_SIG, raw_bytes, raw_text
from ..engine import detect, fix
from ..model import Result, revert
from ..report import Digest, Document, FileDigest, LoadedReport, ReportDocument, SourceEdit
from ..report.formats.text_format import lines as text_lines
from ..report.json_source import edits_for_changes
from ..report.records import finding_records
from .inputs import (
    STDIN,
    FileIdentity,
    InputError,
    Source,
    compression_for_name,
    expand_paths,
    is_regular_file,
    kind_for_name,
    open_source,
    sniff_dialect,
)
from .outputs import DiffWriter, Output, Outputs, Pending, refuse_overlaps
from .parallel import ordered_map
from .records import (
    Config,
    Done,
    Task,
    check_columns,
    is_binary,
    lookup,
    parse_row,
    process,
    restore_line,
)

CHUNK_BYTES = 1 << 18
CHUNK_RECORDS = 2000
SNIFF_BYTES = 1 << 16
_CLEAN = Result(text="")


@dataclass(frozen=True, slots=True)
class Marker:
    """A step of the stream that is not work: a file begins or ends, raw bytes
    pass through (a CSV header), or a file was skipped for an error."""

    what: str
    path: str
    compression: str | None = None
    data: bytes = b""
    error: str = ""
    identity: FileIdentity | None = None


def _is_task(item: Task | Marker) -> bool:
    return isinstance(item, Task)


def input_kind(path: str, args: argparse.Namespace) -> str:
    """'jsonl' with --field, 'csv' or 'tsv' with --column (tab from the suffix), else 'text'."""
    if getattr(args, "column", None):
        return "tsv" if kind_for_name(path) == "tsv" else "csv"
    if getattr(args, "field", None):
        return "jsonl"
    return "text"


def config_of(
    args: argparse.Namespace, *, detect_only: bool = False, documents: bool = True
) -> Config:
    """The workers' part of the options; ``documents``: whether the run needs each
    record's documents (a report or a listing), which otherwise stay in the worker."""
    return Config(
        args.min_confidence,
        tuple(args.enable),
        tuple(args.disable),
        args.encoding,
        detect_only,
        documents=documents,
        diff=bool(getattr(args, "diff", False)),
        skip_errors=bool(args.skip_errors),
    )


# --- reading tasks --------------------------------------------------------------------


def _chunks(
    path: str, kind: str, items: Iterator[tuple[int, bytes]], **extra: Any
) -> Iterator[Task]:
    batch: list[tuple[int, bytes]] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(item[1])
        if size >= CHUNK_BYTES or len(batch) >= CHUNK_RECORDS:
            yield Task(path, kind, tuple(batch), **extra)
            batch, size = [], 0
    if batch:
        yield Task(path, kind, tuple(batch), **extra)


def _numbered(lines: Iterator[bytes]) -> Iterator[tuple[int, bytes]]:
    return enumerate(lines, start=1)


def _first_checked(source: Source, lines: Iterator[bytes]) -> Iterator[bytes]:
    """The lines, after checking that the start of the file is not binary."""
    head: list[bytes] = []
    size = 0
    for line in lines:
        head.append(line)
        size += len(line)
        if size >= SNIFF_BYTES:
            break
    if is_binary(b"".join(head)):
        raise InputError(f"{source.path}: binary file (NUL byte)")
    return chain(head, lines)


def _csv_records(
    lines: Iterator[bytes], dialect_options: dict[str, Any]
) -> Iterator[tuple[int, bytes]]:
    """Records as the csv module groups physical lines (quoted newlines included),
    each with the line it starts on and its exact bytes."""
    taken: list[bytes] = []
    number = 1

    def texts() -> Iterator[str]:
        for line in lines:
            taken.append(line)
            yield raw_text(line)

    reader = csv.reader(texts(), **dialect_options)
    try:
        for _ in reader:
            data = b"".join(taken)
            yield number, data
            number += data.count(b"\n")
            taken.clear()
    except csv.Error as error:
        raise InputError(f"line {reader.line_num}: not valid CSV: {error}") from None
    if taken:
        yield number, b"".join(taken)


CopyFor = Callable[[str], "IO[bytes] | None"]


def _no_copy(path: str) -> None:
    return None


def _file_tasks(
    path: str, kind: str, args: argparse.Namespace, copy_for: CopyFor
) -> Iterator[Task | Marker]:
    source = open_source(path, copy_for(path))
    try:
        yield Marker("begin", path, source.compression, identity=source.identity)
        if kind == "text":
            yield Task(path, "text", ((0, source.read_all()),))
        elif kind == "jsonl":
            yield from json_blocks(source, tuple(args.field))
        else:
            yield from _csv_tasks(source, kind, args)
        yield Marker("end", path)
    finally:
        source.close()


def json_blocks(source: Source, fields: tuple[str, ...], size: int = CHUNK_BYTES) -> Iterator[Task]:
    """Blocks of whole lines, each with the number of its first line: the
    workers split, parse and repair them."""
    number = 1
    for block in source.blocks(size):
        if number == 1 and is_binary(block):
            raise InputError(f"{source.path}: binary file (NUL byte)")
        yield Task(source.path, "jsonl", ((number, block),), fields=fields)
        number += block.count(b"\n")


def _csv_tasks(source: Source, kind: str, args: argparse.Namespace) -> Iterator[Task | Marker]:
    path = source.path
    lines = _first_checked(source, source.lines())
    head: list[bytes] = []
    for line in lines:
        head.append(line)
        if sum(map(len, head)) >= SNIFF_BYTES:
            break
    sample = raw_text(b"".join(head)).removeprefix("\ufeff")
    dialect = sniff_dialect(sample, kind)
    records = _csv_records(chain(head, lines), dialect.reader_options())
    try:
        first = next(records, None)
        if first is None:
            return
        header = parse_row(raw_text(first[1]).removeprefix("\ufeff"), dialect) or []
        columns = check_columns(header, args.column)
        yield Marker("raw", path, data=first[1])
        yield from _chunks(path, "csv", records, columns=columns, dialect=dialect)
    except KeyError as missing:
        raise InputError(f"{path}:1: no column named {missing.args[0]!r} in the header") from None
    except (InputError, csv.Error) as error:
        message = str(error)
        raise InputError(message if message.startswith(path) else f"{path}:{message}") from None


def read_tasks(
    paths: Sequence[str], args: argparse.Namespace, copy_for: CopyFor = _no_copy
) -> Iterator[Task | Marker]:
    """Every task of every input; with --skip-errors a file that cannot be read
    is marked skipped instead of stopping the run. ``copy_for(path)`` is where
    the bytes of ``path`` are copied as they are read (a backup), if anywhere."""
    for path in paths:
        kind = input_kind(path, args)
        try:
            yield from _file_tasks(path, kind, args, copy_for)
        except InputError as error:
            if not args.skip_errors:
                raise
            yield Marker("skip", path, error=str(error))


# --- running --------------------------------------------------------------------------


@dataclass
class Counts:
    files: int = 0
    changed_files: int = 0
    records: int = 0
    changes: int = 0
    findings: int = 0
    skipped: int = 0


@dataclass
class FileRun:
    path: str
    sink: IO[bytes] | None
    pending: Pending | None
    diff: DiffWriter | None
    changed: bool = False
    written: bool = False
    read_digest: Digest | None = None
    written_digest: Digest | None = None

    def digested(self, read: bytes, written: bytes) -> None:
        if self.read_digest is not None and self.written_digest is not None:
            self.read_digest.update(read)
            self.written_digest.update(written)

    def digest(self) -> FileDigest | None:
        if self.read_digest is None or self.written_digest is None:
            return None
        return FileDigest.of(self.path, self.read_digest, self.written_digest)


class Run:
    """One pass of fix, check or detect over its inputs."""

    def __init__(
        self, args: argparse.Namespace, outputs: Outputs, *, write_text: bool, digests: bool = False
    ) -> None:
        self.args = args
        self.outputs = outputs
        self.write_text = write_text
        self.digests = digests
        self.counts = Counts()
        self.single: Output | None = None
        self.staged: dict[str, Pending] = {}
        self.progress: Any = None
        self.started = time.monotonic()

    def _in_place(self, path: str) -> Pending:
        pending = self.staged.pop(path, None)
        return self.outputs.rewrite(path, self.args.backup) if pending is None else pending

    def copy_for(self, path: str) -> IO[bytes] | None:
        """With --in-place --backup, the staged backup of ``path``, filled as it is read."""
        if not (self.write_text and getattr(self.args, "in_place", False) and self.args.backup):
            return None
        pending = self._in_place(path)
        self.staged[path] = pending
        return pending.backup_file

    def sink_for(self, marker: Marker) -> tuple[IO[bytes] | None, Pending | None]:
        args = self.args
        path, compression = marker.path, marker.compression
        if not self.write_text:
            return None, None
        if getattr(args, "in_place", False):
            pending = self._in_place(path)
            pending.compress(compression)
            pending.expected = marker.identity
            return pending.stream, pending
        if getattr(args, "output", None):
            if self.single is None:
                self.single = self.outputs.file(args.output, compression_for_name(args.output))
            return self.single.stream, None
        return self.outputs.standard_output(), None

    def warn(self, message: str) -> None:
        self.counts.skipped += 1
        self._print(f"mojibake-fix: skipped: {message}")

    def _print(self, line: str) -> None:
        if self.progress is not None:
            self.progress.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    def documents(self, paths: Sequence[str], config: Config) -> Iterator[Document | FileDigest]:
        """Run every input, writing outputs as records come; yields the report's
        documents (clean fields as empty placeholders, counted but not listed),
        and, when the run keeps them, each file's digest after its documents."""
        args = self.args
        work = functools.partial(process, config=config)
        current: FileRun | None = None
        stream = ordered_map(
            work, read_tasks(paths, args, self.copy_for), jobs=max(1, args.jobs), is_task=_is_task
        )
        try:
            for item, done in stream:
                if isinstance(item, Marker):
                    if item.what == "end" and current is not None:
                        digest = current.digest()
                        if digest is not None:
                            yield digest
                    current = self._marker(item, current)
                    continue
                assert current is not None and done is not None
                yield from self._outcomes(item, done, current)
        finally:
            stream.close()

    def _marker(self, marker: Marker, current: FileRun | None) -> FileRun | None:
        if marker.what == "begin":
            sink, pending = self.sink_for(marker)
            diff = None
            if getattr(self.args, "diff", False):
                colour = report.use_color(sys.stdout)
                diff = DiffWriter(self.outputs.standard_output(), marker.path, colour)
            self.counts.files += 1
            if self.digests:
                return FileRun(
                    marker.path, sink, pending, diff, read_digest=Digest(), written_digest=Digest()
                )
            return FileRun(marker.path, sink, pending, diff)
        if marker.what == "raw":
            self._advance(len(marker.data))
            if current is not None:
                current.digested(marker.data, marker.data)
                if current.sink is not None:
                    current.sink.write(marker.data)
            return current
        if marker.what == "skip":
            self.warn(marker.error)
            staged = self.staged.pop(marker.path, None)
            if staged is not None:  # a backup begun for a file that could not be read
                staged.keep = False
            if current is not None and current.path == marker.path:
                self._passthrough(current)
            return None
        if current is not None:  # "end"
            self.counts.changed_files += current.changed
            if current.pending is not None and not current.changed:
                current.pending.keep = False
        return None

    def _passthrough(self, current: FileRun) -> None:
        """A skipped file stays as it was: not rewritten in place, and copied as it
        was read to standard output or -o when none of it was written yet."""
        if current.pending is not None:
            current.pending.keep = False
            return
        if current.sink is None or current.written:
            return
        try:
            source = open_source(current.path)
        except InputError:
            return
        try:
            current.sink.write(source.read_all())
        except InputError:
            pass
        finally:
            source.close()

    def _outcomes(self, task: Task, done: Done, current: FileRun) -> Iterator[Document]:
        counts = self.counts
        counts.records += done.records
        for error in done.errors:
            if not self.args.skip_errors:
                raise InputError(error)
            self.warn(error)
        data = task.data
        output = data if done.output is None else done.output
        current.digested(data, output)
        if current.sink is not None:
            current.sink.write(output)
            current.written = True
        current.changed = current.changed or done.changed
        if current.diff is not None:
            for number, data, output in done.diffs:
                if task.kind == "text":
                    current.diff.whole(data, output)
                else:
                    current.diff.record(number, data, output)
        counts.changes += done.changes
        counts.findings += done.findings
        for outcome in done.outcomes:
            yield from outcome.documents
            for name in outcome.clean:
                yield Document(task.path, _CLEAN, outcome.number, name)
        self._advance(len(data))

    def _advance(self, size: int) -> None:
        if self.progress is not None:
            self.progress.update(size)
            self.progress.set_postfix(
                records=self.counts.records, changes=self.counts.changes, refresh=False
            )

    def start_progress(self, paths: Sequence[str]) -> None:
        """A bar of the bytes read, on a terminal; with a total and an ETA when the
        inputs' sizes tell it (regular files, not compressed)."""
        if self.args.quiet or not sys.stderr.isatty():
            return
        from tqdm import tqdm  # type: ignore[import-untyped]

        self.progress = tqdm(
            total=input_bytes(paths),
            unit="B",
            unit_scale=True,
            file=sys.stderr,
            dynamic_ncols=True,
            leave=False,
        )

    def summary(self, verb: str, changed: str) -> str:
        """The closing line: files, records, changes, seconds."""
        counts = self.counts
        return (
            f"mojibake-fix: {verb} {_many(counts.files, 'file')}"
            f" ({counts.changed_files:,} {changed}),"
            f" {_many(counts.records, 'record')}, {_many(counts.changes, 'change')}"
            f" in {time.monotonic() - self.started:.2f} s"
        )

    def finish(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress = None
        if self.counts.skipped:
            print(
                f"mojibake-fix: {self.counts.skipped} bad input(s) skipped and passed through"
                " unchanged",
                file=sys.stderr,
            )


def report_format_for(path: str, report_format: str | None) -> str:
    """--report-format, else the suffix of ``path`` ('-', standard error, is text)."""
    try:
        if report_format:
            return report.named(report_format).name
        if path == "-":
            return "text"
        return report.format_for(path).name
    except report.UnknownFormat as error:
        message = str(error)
        raise InputError(message if message.startswith(path) else f"{path}: {message}") from None


def _many(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def input_bytes(paths: Sequence[str]) -> int | None:
    """The bytes the inputs hold, when that is what will be read: None for stdin,
    a compressed file (by its suffix) or anything that is not a regular file."""
    total = 0
    for path in paths:
        if path == STDIN or compression_for_name(path) or not is_regular_file(path):
            return None
        total += os.stat(path).st_size
    return total


def _exhaust(documents: Iterator[Document | FileDigest]) -> None:
    for _ in documents:
        pass


def _paths(args: argparse.Namespace) -> list[str]:
    kind = "jsonl" if args.field else ("csv" if getattr(args, "column", None) else "text")
    paths = expand_paths(args.paths, args.include, args.exclude, kind)
    if args.field and getattr(args, "column", None):
        raise InputError("--field (JSON Lines) and --column (CSV) do not go together")
    return paths


def _run(
    args: argparse.Namespace,
    run: Run,
    paths: Sequence[str],
    config: Config,
    consume: Any,
    summary: tuple[str, str] | None = None,
) -> None:
    """Run, write every output or none, then say what was done (unless --quiet)."""
    run.start_progress(paths)
    try:
        consume(run.documents(paths, config))
        run.outputs.commit()
    except BaseException:
        run.outputs.discard()
        raise
    finally:
        run.finish()
    if summary is not None and not args.quiet:
        print(run.summary(*summary), file=sys.stderr)


def _check_fix_outputs(args: argparse.Namespace, paths: Sequence[str]) -> None:
    """Refuse what would write the wrong thing, before anything is read."""
    if args.output and len(paths) != 1:
        raise InputError("--output takes exactly one input")
    if args.in_place and STDIN in paths:
        raise InputError("--in-place needs files, not stdin")
    if args.output and args.in_place:
        raise InputError("--output and --in-place do not go together")
    if args.backup and not args.in_place:
        raise InputError("--backup goes with --in-place")
    if args.diff and (args.output or args.in_place):
        raise InputError("--diff prints the diff only; it does not go with --output or --in-place")
    written = [p for p in (args.output, args.report) if p and p != "-"]
    if args.in_place:
        for path in paths:
            if os.path.lexists(path) and not is_regular_file(path):
                raise InputError(f"{path}: not a regular file; --in-place rewrites only files")
        backups = [f"{path}{args.backup}" for path in paths] if args.backup else []
        refuse_overlaps([*paths, *backups, *written])
    else:
        refuse_overlaps(written, paths)


def command_fix(args: argparse.Namespace, out: TextIO) -> int:
    paths = _paths(args)
    _check_fix_outputs(args, paths)
    report_name = report_format_for(args.report, args.report_format) if args.report else None
    outputs = Outputs()
    run = Run(args, outputs, write_text=not args.diff, digests=bool(args.report))
    config = config_of(args, documents=bool(args.report))

    def consume(documents: Iterator[Document | FileDigest]) -> None:
        if not args.report:
            _exhaust(documents)
        elif args.report == "-":
            assert report_name is not None
            color = report.use_color(sys.stderr)
            report.write_report(
                documents, sys.stderr, report_name, color=color, detail=args.report_detail
            )
        else:
            assert report_name is not None
            pending = outputs.file(args.report)
            text = io.TextIOWrapper(pending.stream, encoding="utf-8", newline="")
            report.write_report(documents, text, report_name, detail=args.report_detail)
            text.flush()
            text.detach()

    summary = ("checked", "to change") if args.diff else ("repaired", "changed")
    _run(args, run, paths, config, consume, None if args.report == "-" else summary)
    return 0


def _listing(
    args: argparse.Namespace, run: Run, items: Iterator[Document | FileDigest], findings: bool
) -> None:
    """What check and detect print: the changes (or findings), or a report format."""
    documents = (item for item in items if isinstance(item, Document))
    stream = io.TextIOWrapper(
        run.outputs.standard_output(), encoding="utf-8", errors="surrogateescape", newline=""
    )
    try:
        if args.diff or args.quiet:
            _exhaust(documents)
        elif args.output_format != "text":
            chosen = report.named(args.output_format).name
            report.write_report(documents, stream, chosen, detail=args.output_detail)
        elif findings:
            for document in documents:
                for line in finding_lines(document):
                    stream.write(line + "\n")
        else:
            for line in text_lines(documents):
                stream.write(line + "\n")
    finally:
        stream.flush()
        stream.detach()


def command_check(args: argparse.Namespace, out: TextIO) -> int:
    paths = _paths(args)
    run = Run(args, Outputs(), write_text=False)
    config = config_of(args, documents=not (args.diff or args.quiet))
    listing = functools.partial(_listing, args, run, findings=False)
    _run(args, run, paths, config, listing, ("checked", "to change"))
    return 1 if run.counts.changes else 0


def command_detect(args: argparse.Namespace, out: TextIO) -> int:
    args.diff = False
    paths = _paths(args)
    run = Run(args, Outputs(), write_text=False)
    config = config_of(args, detect_only=True, documents=not args.quiet)
    _run(args, run, paths, config, lambda d: _listing(args, run, d, True))
    return 0


def finding_lines(document: Document) -> Iterator[str]:
    """``path:line:col: detector 'before' → 'after' (confidence) reason [alternatives]``."""
    for record in finding_records(document):
        where = f"{document.path}:{record['line']}:{record['column']}"
        if document.field is not None:
            where += f" [{document.field}]"
        replacement = record["replacement"]
        shown = json.dumps(replacement, ensure_ascii=False) if replacement is not None else "-"
        alternatives = ", ".join(
            f"{json.dumps(a['text'], ensure_ascii=False)} {a['score']:.2f}"
            for a in record["alternatives"]
        )
        line = (
            f"{where}: {record['detector']} {json.dumps(record['original'], ensure_ascii=False)}"
            f" → {shown} ({record['confidence']:.2f}) {record['reason']}"
        )
        yield line + (f" [alternatives: {alternatives}]" if alternatives else "")


# --- explain ------------------------------------------------------------------


def command_explain(args: argparse.Namespace, out: TextIO) -> int:
    text = args.text if args.text not in (None, "-") else sys.stdin.read()
    options = {"enable": tuple(args.enable), "disable": tuple(args.disable)}
    result = fix(text, min_confidence=args.min_confidence, **options)
    findings = detect(text, **options)
    applied = {(c.start, c.end, c.detector) for c in result.changes}
    if args.json:
        body = {
            "input": text,
            "output": result.text,
            "changes": [c.to_dict() for c in result.changes],
            "findings": [
                {**f.to_dict(text), "applied": (f.start, f.end, f.detector) in applied}
                for f in findings
            ],
        }
        out.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
        return 0
    out.write(f"input:  {json.dumps(text, ensure_ascii=False)}\n")
    out.write(f"output: {json.dumps(result.text, ensure_ascii=False)}\n")
    if not findings:
        out.write("no findings: nothing looks like mojibake\n")
    for f in findings:
        state = "applied" if (f.start, f.end, f.detector) in applied else "not applied"
        replacement = (
            "-" if f.replacement is None else json.dumps(f.replacement, ensure_ascii=False)
        )
        out.write(
            f"{f.start}:{f.end} {json.dumps(text[f.start : f.end], ensure_ascii=False)} → "
            f"{replacement}  {f.detector}  confidence {f.confidence:.2f}  ({state})\n"
            f"    {f.reason}\n"
        )
        for rank, candidate in enumerate(f.alternatives, start=1):
            out.write(
                f"    {rank}. {json.dumps(candidate.text, ensure_ascii=False)}"
                f"  score {candidate.score:.2f}\n"
            )
    for change in result.changes:
        if not any(
            (f.start, f.end, f.detector) == (change.start, change.end, change.detector)
            for f in findings
        ):
            out.write(
                f"{change.start}:{change.end} {json.dumps(change.original, ensure_ascii=False)}"
                f" → {json.dumps(change.replacement, ensure_ascii=False)}  {change.detector}"
                f"  confidence {change.confidence:.2f}  (applied, over several layers)\n"
                f"    {change.reason}\n"
            )
    return 0


# --- revert -------------------------------------------------------------------


def read_report(path: str) -> LoadedReport:
    source = open_source(path)
    try:
        text = raw_text(source.read_all())
    finally:
        source.close()
    try:
        return report.load_report(text)
    except report.ReportError as error:
        raise InputError(f"{path}: {error}") from None


def _report_of(loaded: LoadedReport, path: str) -> tuple[list[ReportDocument], FileDigest | None]:
    """What the report says about ``path``: its documents and digest. A report of
    one file may be applied to a copy of it under another name (the digest, when
    the report has one, tells whether it is one)."""
    named = {d.path for d in loaded.documents} | {f.path for f in loaded.files}
    if path not in named:
        if len(named) != 1:
            others = f"it names {len(named)} other files" if named else "it records no file"
            raise InputError(f"{path}: the report has nothing about this file ({others})")
        (path,) = named
    digests = [f for f in loaded.files if f.path == path]
    return [d for d in loaded.documents if d.path == path], (digests[-1] if digests else None)


def _check_read(path: str, digest: FileDigest | None, read: Digest) -> None:
    if digest is not None and not read.matches(digest.fixed_length, digest.fixed_sha256):
        raise InputError(
            f"{path}: does not match the report ({read.length} bytes, SHA-256"
            f" {read.hexdigest()[:12]}…; the report was written for {digest.fixed_length}"
            f" bytes, SHA-256 {digest.fixed_sha256[:12]}…); nothing written"
        )


def _check_written(path: str, digest: FileDigest | None, written: Digest) -> None:
    if digest is not None and not written.matches(digest.length, digest.sha256):
        raise InputError(
            f"{path}: undoing the report's changes does not give back the bytes it recorded"
            " (its changes were edited, added or removed); nothing written"
        )


def _revert_record(
    text: str, documents: Sequence[ReportDocument], kind: str, header: Sequence[str], dialect: Any
) -> str:
    """A repaired record's text back to its raw text: field edits, then decoding."""
    fields = [d for d in documents if d.field is not None and d.changes]
    decodings = [d for d in documents if d.field is None and d.changes]
    edits: list[SourceEdit] = []
    for document in fields:
        if document.sources:
            edits.extend(document.sources)
        elif kind == "jsonl":  # a brief report: found again in the repaired line
            name = str(document.field)
            edits.extend(edits_for_changes(text, name, document.changes, document.raw_originals))
        else:
            raise ValueError(f"field {document.field!r}: the report has no source edits")
    middle = restore_line(text, edits) if fields else text
    if fields:
        repaired = _values(text, kind, header, dialect)
        restored = _values(middle, kind, header, dialect)
        for document in fields:
            name = str(document.field)
            if restored(name) != revert(str(repaired(name)), document.changes):
                raise ValueError(f"field {name!r} does not match the report")
    return restore_line(middle, [s for d in decodings for s in d.sources]) if decodings else middle


def _values(text: str, kind: str, header: Sequence[str], dialect: Any) -> Any:
    if kind == "jsonl":
        record = json.loads(text)
        return lambda name: lookup(record, name)
    row = parse_row(text, dialect) or []
    return lambda name: row[list(header).index(name)] if name in header else None


def revert_records(
    source: Source,
    documents: Sequence[ReportDocument],
    kind: str,
    write: Callable[[bytes], object],
    read: Digest,
) -> None:
    """Stream the repaired file, undoing the report's records where they are;
    every byte read goes through ``read``."""
    by_record: dict[int, list[ReportDocument]] = {}
    for document in documents:
        if document.record is None:
            raise InputError(f"{source.path}: the report mixes whole files and records")
        by_record.setdefault(document.record, []).append(document)
    dialect = None
    header: list[str] = []
    if kind == "jsonl":
        records: Iterator[tuple[int, bytes]] = _numbered(source.lines())
    else:
        lines = source.lines()
        head = [line for _, line in zip(range(200), lines, strict=False)]
        dialect = sniff_dialect(raw_text(b"".join(head)).removeprefix("\ufeff"), kind)
        records = _csv_records(chain(head, lines), dialect.reader_options())
    for number, data in records:
        read.update(data)
        if dialect is not None and number == 1:
            header = parse_row(raw_text(data).removeprefix("\ufeff"), dialect) or []
        found = by_record.pop(number, None)
        if not found:
            write(data)
            continue
        bom = UTF8_SIG if number == 1 and data.startswith(UTF8_SIG) else b""
        body = data[len(bom) :]
        end = b"\n" if kind == "jsonl" and body.endswith(b"\n") else b""
        text = raw_text(body[: len(body) - len(end)])
        try:
            restored = _revert_record(text, found, kind, header, dialect)
        except (ValueError, json.JSONDecodeError, csv.Error) as error:
            raise InputError(f"{source.path}:{number}: {error}") from None
        except RecursionError:
            raise InputError(f"{source.path}:{number}: JSON nested too deeply") from None
        write(bom + raw_bytes(restored) + end)
    if by_record:
        raise InputError(f"{source.path}: no line {min(by_record)} to revert")


def command_revert(args: argparse.Namespace, out: TextIO) -> int:
    """Undo a report's changes; nothing is written unless the file is the one the
    report was written for and what comes back is what the report recorded."""
    if args.output:
        refuse_overlaps([args.output], [args.path, args.report])
    wanted, digest = _report_of(read_report(args.report), args.path)
    read, written = Digest(), Digest()
    outputs = Outputs()
    source = open_source(args.path)
    try:
        if args.output:
            sink = outputs.file(args.output, compression_for_name(args.output)).stream
        else:
            sink = outputs.standard_output()

        def write(data: bytes) -> None:
            written.update(data)
            sink.write(data)

        if any(d.record is not None for d in wanted):
            kind = args.format or kind_for_name(args.path) or "jsonl"
            revert_records(source, wanted, "tsv" if kind == "tsv" else kind, write, read)
            _check_read(args.path, digest, read)
        else:
            data = source.read_all()
            read.update(data)
            _check_read(args.path, digest, read)
            bom = data.startswith(UTF8_SIG)
            text = raw_text(data[len(UTF8_SIG) :] if bom else data)
            try:
                restored = report.revert_file_text(text, wanted)
            except report.RevertError as error:
                raise InputError(f"{args.path}: {error}") from None
            write((UTF8_SIG if bom else b"") + raw_bytes(restored))
        _check_written(args.path, digest, written)
        outputs.commit()
    except BaseException:
        outputs.discard()
        raise
    finally:
        source.close()
    return 0
