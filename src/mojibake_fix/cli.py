"""The ``mojibake-fix`` command line.

Exit status: 0 when nothing needed repair (or the repair was written), 1 when
``check`` found something to repair, 2 for bad input, with a one-line message
on stderr.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn, TextIO

from . import __version__, report
from .detectors import detector_ids
from .engine import DEFAULT_MIN_CONFIDENCE, fix
from .evaluation import add_eval_arguments, command_eval
from .model import Result
from .report import Document, SourceError, edit_line
from .report.formats.text_format import lines as text_lines


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
        "--report",
        metavar="PATH",
        help="write the changes with their offsets ('-': stderr);"
        " format from the suffix: .txt, .json, .jsonl, .html",
    )
    formats = report.registry()
    fix_cmd.add_argument(
        "--report-format",
        choices=sorted({name for f in formats.values() for name in (f.name, *f.suffixes)}),
        help="format of --report (default: from its suffix; text for '-')",
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


BOM = "\ufeff"


def read_source(path: str) -> tuple[str, bool]:
    """The text of ``path`` ('-' for stdin) decoded as UTF-8, and whether it began
    with a byte order mark (which the text leaves out and the output keeps)."""
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
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}: not valid UTF-8") from None
    if text.startswith(BOM):
        return text[1:], True
    return text, False


def read_text(path: str) -> str:
    """The text of ``path`` ('-' for stdin), decoded as UTF-8, without a byte order mark."""
    return read_source(path)[0]


def repair_file(path: str, fields: Sequence[str], options: Options) -> tuple[str, list[Document]]:
    """The repaired text of one input (its byte order mark kept) and what was done to it."""
    text, bom = read_source(path)

    def repair(value: str) -> Result:
        return fix(
            value,
            min_confidence=options.min_confidence,
            enable=options.enable,
            disable=options.disable,
        )

    prefix = BOM if bom else ""
    if not fields:
        result = repair(text)
        return prefix + result.text, [Document(path, result, bom=bom)]
    documents: list[Document] = []
    lines: list[str] = []
    names = list(dict.fromkeys(fields))
    # Only "\n" ends a record: str.splitlines would also split at U+2028 or
    # U+0085, which JSON allows raw inside strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            lines.append(line)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{number}: not valid JSON: {error.msg}") from None
        if not isinstance(record, dict):
            raise InputError(f"{path}:{number}: not a JSON object")
        results: dict[str, Result] = {}
        for name in names:
            value = record.get(name)
            if value is None:
                continue
            if not isinstance(value, str):
                raise InputError(f"{path}:{number}: field {name!r} is not a string")
            results[name] = repair(value)
        try:
            fixed, sources = edit_line(line, results)
        except SourceError:
            # Cannot be spliced in place (an escaped lone surrogate meeting a
            # repair): leave the record as it was and say only what was found.
            fixed, sources = line, {}
            results = {
                name: Result(text=r.original, findings=r.findings, original=r.original)
                for name, r in results.items()
            }
        lines.append(fixed)
        for name, result in results.items():
            documents.append(Document(path, result, number, name, sources.get(name, ()), bom))
    return prefix + "\n".join(lines), documents


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


def report_format_for(path: str, report_format: str | None) -> str:
    """The name of the format to write ``path`` in: --report-format, else its suffix
    ('-', standard error, is text by default)."""
    try:
        if report_format:
            return report.named(report_format).name
        if path == "-":
            return "text"
        return report.format_for(path).name
    except report.UnknownFormat as error:
        raise InputError(f"{path}: {error}") from None


def write_report(path: str, documents: Sequence[Document], report_format: str | None) -> None:
    """Write the report to ``path``; '-' means standard error, as text by default."""
    name = report_format_for(path, report_format)
    if path == "-":
        report.write_report(documents, sys.stderr, name, color=report.use_color(sys.stderr))
        sys.stderr.flush()
        return
    body = io.StringIO()
    report.write_report(documents, body, name)
    write_atomically(path, body.getvalue())


def read_report(path: str) -> tuple[report.ReportDocument, ...]:
    """The documents of a JSON or JSON Lines report."""
    try:
        return report.read_report(read_text(path))
    except report.ReportError as error:
        raise InputError(f"{path}: {error}") from None


def command_fix(args: argparse.Namespace, out: TextIO) -> int:
    paths = args.paths or ["-"]
    options = Options(args.min_confidence, tuple(args.enable), tuple(args.disable))
    if args.output and len(paths) != 1:
        raise InputError("--output takes exactly one input")
    if args.in_place and "-" in paths:
        raise InputError("--in-place needs files, not stdin")
    if args.report:
        report_format_for(args.report, args.report_format)  # a bad format fails before any work
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
    lines = list(text_lines(documents))
    for line in lines:
        out.write(line + "\n")
    return 1 if lines else 0


def command_revert(args: argparse.Namespace, out: TextIO) -> int:
    text, bom = read_source(args.path)
    documents = read_report(args.report)
    wanted = [d for d in documents if d.path == args.path]
    if not wanted and len({d.path for d in documents}) == 1:
        wanted = list(documents)  # a report of one input, applied to a copy of it
    try:
        restored = report.revert_file_text(text, wanted)
    except report.RevertError as error:
        raise InputError(f"{args.path}: {error}") from None
    if bom:
        restored = BOM + restored
    if args.output:
        write_atomically(args.output, restored)
    else:
        out.write(restored)
    return 0


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
