"""The ``mojibake-fix`` command line.

Exit status: 0 when nothing needed repair (or the repair was written), 1 when
``check`` found something to repair, 2 for bad input, with a one-line message
on stderr.

>>> build_parser().parse_args(["fix", "a.jsonl", "--field", "meta.title", "--jobs", "2"]).jobs
2
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO

from .. import __version__, report
from ..detectors import detector_ids
from ..engine import DEFAULT_MIN_CONFIDENCE
from ..evaluation import add_eval_arguments, command_eval
from .commands import (
    command_check,
    command_detect,
    command_explain,
    command_fix,
    command_revert,
)
from .inputs import InputError
from .outputs import OutputError
from .signals import Stopped, stopping_on_signals

__all__ = ["InputError", "build_parser", "main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"mojibake-fix: error: {message}\n")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _detector_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--min-confidence",
        type=float,
        default=DEFAULT_MIN_CONFIDENCE,
        help="apply repairs whose detector scores at least this; the confidence reported "
        f"is calibrated (default {DEFAULT_MIN_CONFIDENCE})",
    )
    sub.add_argument(
        "--enable",
        action="append",
        default=[],
        metavar="ID",
        choices=detector_ids(),
        help="turn on a detector that is off by default (repeatable)",
    )
    sub.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="ID",
        choices=detector_ids(),
        help="turn off a detector (repeatable)",
    )


def _input_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders to read; '-' or none: stdin"
    )
    sub.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="NAME",
        help="input is JSON Lines: repair this string field; dotted paths reach into"
        " nested objects (repeatable)",
    )
    sub.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="NAME",
        help="input is CSV (TSV for .tsv): repair this column, named in the header (repeatable)",
    )
    sub.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="in folders, read files matching this (repeatable; default *.txt *.text *.md,"
        " *.jsonl *.ndjson *.json with --field, *.csv *.tsv with --column; .gz/.zst too)",
    )
    sub.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="skip files matching this"
    )
    sub.add_argument(
        "--encoding",
        metavar="NAME",
        help="decode input with this codec instead of detecting it (BOM, UTF-8, chardet)",
    )
    sub.add_argument(
        "--skip-errors",
        action="store_true",
        help="report bad files and records on stderr, count them, pass them through unchanged",
    )
    sub.add_argument("--jobs", type=_positive, default=1, metavar="N", help="worker processes")
    sub.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no listing")
    _detector_options(sub)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mojibake-fix", description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--version", action="version", version=f"mojibake-fix {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    formats = report.registry()
    format_names = sorted({name for f in formats.values() for name in (f.name, *f.suffixes)})

    fix_cmd = commands.add_parser("fix", help="repair text; the repaired text goes to stdout")
    _input_options(fix_cmd)
    fix_cmd.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")
    fix_cmd.add_argument("--in-place", action="store_true", help="rewrite each file atomically")
    fix_cmd.add_argument(
        "--backup", metavar="SUFFIX", help="with --in-place, keep the original as PATH+SUFFIX"
    )
    fix_cmd.add_argument(
        "--diff", action="store_true", help="print a unified diff instead of writing anything"
    )
    fix_cmd.add_argument(
        "--report",
        metavar="PATH",
        help="write the changes with their offsets ('-': stderr);"
        " format from the suffix: .txt, .json, .jsonl, .html",
    )
    fix_cmd.add_argument(
        "--report-format",
        choices=format_names,
        help="format of --report (default: from its suffix; text for '-')",
    )
    fix_cmd.add_argument(
        "--report-detail",
        choices=report.DETAILS,
        default="brief",
        help="JSON Lines report: 'brief' (default) gives what identifies and reverts each"
        " change; 'full' adds byte offsets, lines and columns, escaped texts and the"
        " file, record and field on every line (other formats always say everything)",
    )

    check_cmd = commands.add_parser(
        "check", help="list what would change; exit 1 if anything would, 0 if not"
    )
    _input_options(check_cmd)
    check_cmd.add_argument("--diff", action="store_true", help="print a unified diff instead")
    check_cmd.add_argument(
        "--output-format", choices=format_names, default="text", help="how to list the changes"
    )
    check_cmd.add_argument(
        "--output-detail",
        choices=report.DETAILS,
        default="brief",
        help="with --output-format jsonl: 'full' adds positions and escaped texts to each line",
    )

    detect_cmd = commands.add_parser(
        "detect", help="list every finding (applied or not, overlapping too), change nothing"
    )
    _input_options(detect_cmd)
    detect_cmd.add_argument(
        "--output-format", choices=format_names, default="text", help="how to list the findings"
    )
    detect_cmd.add_argument(
        "--output-detail",
        choices=report.DETAILS,
        default="brief",
        help="with --output-format jsonl: 'full' adds positions and escaped texts to each line",
    )

    explain_cmd = commands.add_parser(
        "explain", help="the findings and ranked candidates for one string"
    )
    explain_cmd.add_argument("text", nargs="?", metavar="TEXT", help="the text; '-' or none: stdin")
    explain_cmd.add_argument("--json", action="store_true", help="print JSON")
    _detector_options(explain_cmd)

    revert_cmd = commands.add_parser("revert", help="undo the changes a report records")
    revert_cmd.add_argument("path", metavar="PATH")
    revert_cmd.add_argument("--report", required=True, metavar="REPORT")
    revert_cmd.add_argument("-o", "--output", metavar="PATH")
    revert_cmd.add_argument(
        "--format",
        choices=["jsonl", "csv", "tsv"],
        help="what the records of PATH are (default: from its suffix, else jsonl)",
    )

    eval_cmd = commands.add_parser("eval", help="measure repairs on a labelled corpus")
    add_eval_arguments(eval_cmd)
    return parser


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "fix": command_fix,
    "check": command_check,
    "detect": command_detect,
    "explain": command_explain,
    "revert": command_revert,
    "eval": command_eval,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(encoding="utf-8", errors="surrogateescape", newline="")  # type: ignore[union-attr]
    try:
        with stopping_on_signals():
            return COMMANDS[args.command](args, sys.stdout)
    except (InputError, OutputError) as error:
        print(f"mojibake-fix: error: {error}", file=sys.stderr)
        return 2
    except Stopped as stop:
        return 128 + stop.number
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 141


if __name__ == "__main__":
    raise SystemExit(main())
