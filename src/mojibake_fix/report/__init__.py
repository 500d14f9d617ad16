"""Reports: every change with its offsets, in text, JSON, JSON Lines or HTML, and back.

:func:`write_report` renders documents in a registered format; :func:`read_report`
turns a JSON or JSON Lines report back into changes that
:func:`mojibake_fix.revert` applies. The layout is versioned (``VERSION``) and
described by ``schema.json`` in this package and docs/report-format.md.

>>> import io
>>> from mojibake_fix import fix, revert
>>> result = fix("Ã‰tÃ© 2024")
>>> stream = io.StringIO()
>>> write_report([Document("a.txt", result)], stream, "json")
>>> [document] = read_report(stream.getvalue())
>>> revert(result.text, document.changes)
'Ã‰tÃ© 2024'
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from functools import cache
from importlib.resources import files
from typing import Any, TextIO

from .digest import Digest, FileDigest
from .escape import escape, unescape
from .formats import (
    DETAILS,
    ReportDetail,
    ReportFormat,
    UnknownFormat,
    WriteOptions,
    format_for,
    named,
    registry,
)
from .json_source import SourceEdit, SourceError, edit_line
from .reader import LoadedReport, ReportDocument, ReportError, load_report, read_report
from .records import SCHEMA, VERSION, Document, summarize
from .restore import RevertError, revert_file_text

__all__ = [
    "DETAILS",
    "SCHEMA",
    "VERSION",
    "Digest",
    "Document",
    "FileDigest",
    "LoadedReport",
    "ReportDetail",
    "ReportDocument",
    "ReportError",
    "ReportFormat",
    "RevertError",
    "SourceEdit",
    "SourceError",
    "UnknownFormat",
    "WriteOptions",
    "edit_line",
    "escape",
    "format_for",
    "load_report",
    "named",
    "read_report",
    "registry",
    "revert_file_text",
    "schema",
    "summarize",
    "unescape",
    "use_color",
    "write_report",
]


def use_color(stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return not environ.get("NO_COLOR") and stream.isatty()


def write_report(
    documents: Iterable[Document | FileDigest],
    stream: TextIO,
    format_name: str,
    *,
    color: bool = False,
    detail: ReportDetail = "brief",
) -> None:
    """Write ``documents`` to ``stream`` in the format called ``format_name``; the
    files' digests go only to a format that reads back (the others never see them).
    ``detail`` says how much a JSON Lines line tells (:class:`WriteOptions`)."""
    chosen = named(format_name)
    if not chosen.readable:
        documents = (d for d in documents if isinstance(d, Document))
    chosen.write(documents, stream, WriteOptions(color=color, detail=detail))  # type: ignore[arg-type]


@cache
def _schema_text() -> str:
    return files(__package__).joinpath("schema.json").read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    """The JSON Schema of the JSON report and of each JSON Lines report line."""
    loaded: dict[str, Any] = json.loads(_schema_text())
    return loaded
