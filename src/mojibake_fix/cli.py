"""The ``mojibake-fix`` command line.

Exit status: 0 when nothing needed repair (or the repair was written), 1 when
``check`` found something to repair, 2 for bad input, with a one-line message
on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TextIO

from . import __version__
from .detectors import detector_ids
from .engine import DEFAULT_MIN_CONFIDENCE, fix
from .evaluation import add_eval_arguments, command_eval
from .model import Change, Result, changes_from_dict, revert


class InputError(Exception):
    """Bad input: reported as one line naming the file (and line), exit 2."""


@dataclass(frozen=True, slots=True)
class Options:
    min_confidence: float
    enable: tuple[str, ...]
    disable: tuple[str, ...]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"mojibake-fix: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mojibake-fix", description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--version", action="version", version=f"mojibake-fix {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def with_detection_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "paths", nargs="*", metavar="PATH", help="files to read; '-' or none: stdin"
        )
        sub.add_argument(
            "--field",
            action="append",
            default=[],
            metavar="NAME",
            help="input is JSON Lines: repair this string field (repeatable)",
        )
        sub.add_argument(
            "--min-confidence",
            type=float,
            default=DEFAULT_MIN_CONFIDENCE,
            help=f"apply repairs at least this confident (default {DEFAULT_MIN_CONFIDENCE})",
        )
        sub.add_argument(
            "--enable",
            action="append",
            default=[],
            metavar="ID",
            choices=detector_ids(),
            help="turn on a detector that is off by default",
        )
        sub.add_argument(
            "--disable",
            action="append",
            default=[],
            metavar="ID",
            choices=detector_ids(),
            help="turn off a detector",
        )
        sub.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes")

    fix_cmd = commands.add_parser("fix", help="repair text; the repaired text goes to stdout")
    with_detection_options(fix_cmd)
    fix_cmd.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")
    fix_cmd.add_argument("--in-place", action="store_true", help="rewrite each file atomically")
    fix_cmd.add_argument(
        "--report", metavar="PATH", help="write the changes with their offsets ('-': stderr)"
    )
    fix_cmd.add_argument(
        "--report-format",
        choices=("json", "jsonl", "txt"),
        help="format of --report (default: from its suffix)",
    )

    check_cmd = commands.add_parser("check", help="exit 1 if anything would change")
    with_detection_options(check_cmd)

    revert_cmd = commands.add_parser("revert", help="undo the changes a report records")
    revert_cmd.add_argument("path", metavar="PATH")
    revert_cmd.add_argument("--report", required=True, metavar="REPORT")
    revert_cmd.add_argument("-o", "--output", metavar="PATH")

    eval_cmd = commands.add_parser("eval", help="measure repairs on a labelled corpus")
    add_eval_arguments(eval_cmd)
    return parser


@dataclass(frozen=True, slots=True)
class Document:
    """One unit of repair: a whole file, or one field of one JSON Lines record."""

    path: str
    line: int | None
    field: str | None
    result: Result


def read_text(path: str) -> str:
    """The text of ``path`` ('-' for stdin), decoded as UTF-8."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file (NUL byte)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}: not valid UTF-8") from None


def repair_file(path: str, fields: Sequence[str], options: Options) -> tuple[str, list[Document]]:
    """The repaired text of one input and what was done to it."""
    text = read_text(path)

    def repair(value: str) -> Result:
        return fix(
            value,
            min_confidence=options.min_confidence,
            enable=options.enable,
            disable=options.disable,
        )

    if not fields:
        result = repair(text)
        return result.text, [Document(path, None, None, result)]
    documents: list[Document] = []
    lines: list[str] = []
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        body = line.rstrip("\r\n")
        if not body.strip():
            lines.append(line)
            continue
        try:
            record = json.loads(body)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{number}: not valid JSON: {error.msg}") from None
        if not isinstance(record, dict):
            raise InputError(f"{path}:{number}: not a JSON object")
        changed = False
        for name in fields:
            value = record.get(name)
            if value is None:
                continue
            if not isinstance(value, str):
                raise InputError(f"{path}:{number}: field {name!r} is not a string")
            result = repair(value)
            documents.append(Document(path, number, name, result))
            if result.changes:
                record[name] = result.text
                changed = True
        out = json.dumps(record, ensure_ascii=False) if changed else body
        lines.append(out + line[len(body) :])
    return "".join(lines), documents


def write_atomically(path: str, text: str) -> None:
    """Write ``text`` to ``path`` so that it is either complete or untouched."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o7777)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def format_text_report(documents: Sequence[Document]) -> Iterator[str]:
    """One line per change: ``path:line:col: detector 'before' → 'after' (conf) reason``."""
    for document in documents:
        for change in document.result.changes:
            line, column = _line_column(document.result.original, change.start)
            if document.line is not None:
                line = document.line
            where = f"{document.path}:{line}:{column}"
            if document.field:
                where += f" [{document.field}]"
            yield (
                f"{where}: {change.detector} {_show(change.original)} → {_show(change.replacement)}"
                f" ({change.confidence:.2f}) {change.reason}"
            )


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _show(text: str) -> str:
    """Quoted, with invisible characters escaped so a reader can see them."""
    shown = "".join(
        ch
        if ch.isprintable() and ch not in "\u00a0\u00ad"
        else f"\\u{ord(ch):04x}"
        if ord(ch) > 0xFF
        else f"\\x{ord(ch):02x}"
        for ch in text
    )
    return f"'{shown}'"


def _report_record(document: Document) -> dict[str, Any]:
    record: dict[str, Any] = {"path": document.path}
    if document.line is not None:
        record["line"] = document.line
    if document.field is not None:
        record["field"] = document.field
    record.update(document.result.to_dict())
    return record


def write_report(path: str, documents: Sequence[Document], report_format: str | None) -> None:
    """Write the report to ``path``; '-' means standard error, as text by default."""
    if path == "-":
        kind = report_format or "txt"
    else:
        kind = report_format or Path(path).suffix.lstrip(".").lower()
    if kind == "json":
        body = (
            json.dumps(
                {
                    "schema": "mojibake-fix/report",
                    "version": 1,
                    "documents": [_report_record(d) for d in documents],
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    elif kind == "jsonl":
        body = "".join(json.dumps(_report_record(d), ensure_ascii=False) + "\n" for d in documents)
    elif kind in ("txt", "text"):
        body = "".join(line + "\n" for line in format_text_report(documents))
    else:
        raise InputError(f"{path}: unknown report format {kind!r} (use .json, .jsonl or .txt)")
    if path == "-":
        sys.stderr.write(body)
    else:
        write_atomically(path, body)


def read_report(path: str) -> list[dict[str, Any]]:
    """The per-document records of a JSON or JSON Lines report."""
    text = read_text(path)
    try:
        if text.lstrip().startswith("{") and '"documents"' in text[:200]:
            report = json.loads(text)
            return list(report["documents"])
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise InputError(f"{path}: not a mojibake-fix report ({error})") from None


def command_fix(args: argparse.Namespace, out: TextIO) -> int:
    paths = args.paths or ["-"]
    options = Options(args.min_confidence, tuple(args.enable), tuple(args.disable))
    if args.output and len(paths) != 1:
        raise InputError("--output takes exactly one input")
    if args.in_place and "-" in paths:
        raise InputError("--in-place needs files, not stdin")
    outputs: list[tuple[str, str]] = []
    documents: list[Document] = []
    for path in paths:
        text, docs = repair_file(path, args.field, options)
        outputs.append((path, text))
        documents.extend(docs)
    # Nothing is written until every input has been read and repaired.
    if args.report and args.report != "-":
        write_report(args.report, documents, args.report_format)
    for path, text in outputs:
        if args.in_place:
            if any(d.result.changes for d in documents if d.path == path):
                write_atomically(path, text)
        elif args.output:
            write_atomically(args.output, text)
        else:
            out.write(text)
    if args.report == "-":
        out.flush()
        write_report("-", documents, args.report_format)
    return 0


def command_check(args: argparse.Namespace, out: TextIO) -> int:
    options = Options(args.min_confidence, tuple(args.enable), tuple(args.disable))
    documents: list[Document] = []
    for path in args.paths or ["-"]:
        documents.extend(repair_file(path, args.field, options)[1])
    lines = list(format_text_report(documents))
    for line in lines:
        out.write(line + "\n")
    return 1 if lines else 0


def command_revert(args: argparse.Namespace, out: TextIO) -> int:
    text = read_text(args.path)
    records = read_report(args.report)
    wanted = [r for r in records if r.get("path") in (args.path, "-") or len(records) == 1]
    if any("line" in record for record in wanted):
        restored = _revert_records(text, wanted, args.path)
    else:
        changes: list[Change] = []
        for record in wanted:
            changes.extend(changes_from_dict(record))
        try:
            restored = revert(text, changes)
        except ValueError as error:
            raise InputError(f"{args.path}: {error}") from None
    if args.output:
        write_atomically(args.output, restored)
    else:
        out.write(restored)
    return 0


def _revert_records(text: str, records: Sequence[dict[str, Any]], path: str) -> str:
    """Undo the per-field changes of a JSON Lines report, line by line."""
    by_line: dict[int, list[dict[str, Any]]] = {}
    for record in records:
        by_line.setdefault(int(record["line"]), []).append(record)
    lines = text.splitlines(keepends=True)
    for number, line_records in by_line.items():
        if not 1 <= number <= len(lines) or not any(r.get("changes") for r in line_records):
            continue
        line = lines[number - 1]
        body = line.rstrip("\r\n")
        record = json.loads(body)
        for item in line_records:
            try:
                record[item["field"]] = revert(record[item["field"]], changes_from_dict(item))
            except (ValueError, KeyError) as error:
                raise InputError(f"{path}:{number}: {error}") from None
        lines[number - 1] = json.dumps(record, ensure_ascii=False) + line[len(body) :]
    return "".join(lines)


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "fix": command_fix,
    "check": command_check,
    "revert": command_revert,
    "eval": command_eval,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(encoding="utf-8", newline="")  # type: ignore[union-attr]
    try:
        return COMMANDS[args.command](args, sys.stdout)
    except InputError as error:
        print(f"mojibake-fix: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
