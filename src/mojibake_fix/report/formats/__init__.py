"""Report formats, registered by name like flake8's formatters.

Each format is a :class:`ReportFormat`: a name, the file suffixes that choose
it, and a function writing documents to a text stream. Packages can add their
own through the ``mojibake_fix.report_formats`` entry point group, each entry
naming a :class:`ReportFormat`.

>>> sorted(registry())
['html', 'json', 'jsonl', 'text']
>>> format_for("report.JSONL").name, format_for("out.txt").name
('jsonl', 'text')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, TextIO

from ..records import Document

ENTRY_POINT_GROUP = "mojibake_fix.report_formats"


ReportDetail = Literal["brief", "full"]
DETAILS: tuple[ReportDetail, ...] = ("brief", "full")


@dataclass(frozen=True, slots=True)
class WriteOptions:
    """How to write: ``color`` adds ANSI colours (the text format only);
    ``detail`` is how much each JSON Lines line says: ``"brief"``, what
    identifies and reverts a change, or ``"full"``, also its byte offsets,
    lines and columns, escaped texts, and its file, record and field (the
    other formats always say everything)."""

    color: bool = False
    detail: ReportDetail = "brief"


Writer = Callable[[Iterable[Document], TextIO, WriteOptions], None]


@dataclass(frozen=True, slots=True)
class ReportFormat:
    """A named way to write a report; ``readable`` if :mod:`..reader` reads it back.
    Only a format that is ``readable`` is given each file's :class:`FileDigest`
    among its documents (after the file's documents)."""

    name: str
    suffixes: tuple[str, ...]
    write: Writer
    summary: str
    readable: bool = False


class UnknownFormat(ValueError):
    """No registered format has this name or suffix."""


@cache
def registry() -> Mapping[str, ReportFormat]:
    """Every format by name: the built-in ones, then those of installed plugins."""
    from . import html_format, json_format, jsonl_format, text_format

    found = {
        f.name: f
        for f in (text_format.FORMAT, json_format.FORMAT, jsonl_format.FORMAT, html_format.FORMAT)
    }
    from importlib.metadata import entry_points  # slow to import: only when asked

    for entry in entry_points(group=ENTRY_POINT_GROUP):
        plugin = entry.load()
        if isinstance(plugin, ReportFormat):
            found.setdefault(plugin.name, plugin)
    return found


def named(name: str) -> ReportFormat:
    """The format called ``name`` (or one of its suffixes, "txt" for "text")."""
    formats = registry()
    if name in formats:
        return formats[name]
    for candidate in formats.values():
        if name.lower() in candidate.suffixes:
            return candidate
    known = ", ".join(sorted(formats))
    raise UnknownFormat(f"unknown report format {name!r} (known: {known})")


def format_for(path: str) -> ReportFormat:
    """The format a report path's suffix asks for."""
    suffix = Path(path).suffix.lstrip(".").lower()
    if not suffix:
        raise UnknownFormat(f"{path}: no suffix to choose a report format (use --report-format)")
    return named(suffix)
