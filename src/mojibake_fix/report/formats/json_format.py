"""The JSON report: one document holding every listed document, then the run summary.

It is written as documents come, so a long run does not keep all its records.

>>> import io, json
>>> from mojibake_fix import fix
>>> from ..records import Document
>>> stream = io.StringIO()
>>> write([Document("a.txt", fix("cafÃ©"))], stream, WriteOptions())
>>> report = json.loads(stream.getvalue())
>>> change = report["documents"][0]["changes"][0]
>>> report["version"], change["byte_start"], change["byte_end"], report["summary"]["changed"]
(2, 3, 7, 1)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from ... import __version__
from ..digest import FileDigest
from ..escape import without_surrogates
from ..records import SCHEMA, VERSION, Document, Tally, document_record
from . import ReportFormat, WriteOptions


def dumps(value: Any, *, indent: int | None = None, compact: bool = False) -> str:
    """JSON with non-ASCII text kept as it is, except lone surrogates, escaped;
    ``compact`` leaves out the spaces after separators."""
    separators = (",", ":") if compact else None
    return without_surrogates(
        json.dumps(value, ensure_ascii=False, indent=indent, separators=separators)
    )


def header() -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "tool": {"name": "mojibake-fix", "version": __version__},
    }


def write(
    documents: Iterable[Document | FileDigest], stream: TextIO, options: WriteOptions
) -> None:
    tally = Tally()
    files: list[FileDigest] = []
    stream.write(dumps(header(), indent=2)[:-2] + ',\n  "documents": [')
    separator = "\n"
    for document in documents:
        if isinstance(document, FileDigest):
            files.append(document)
            continue
        tally.add(document)
        if not document.listed:
            continue
        body = dumps(document_record(document), indent=2).replace("\n", "\n    ")
        stream.write(f"{separator}    {body}")
        separator = ",\n"
    closing = "\n  ]" if separator != "\n" else "]"
    if files:
        listed = dumps([f.to_dict() for f in files], indent=2).replace("\n", "\n  ")
        closing += f',\n  "files": {listed}'
    summary = dumps(tally.to_dict(), indent=2).replace("\n", "\n  ")
    stream.write(f'{closing},\n  "summary": {summary}\n}}\n')


FORMAT = ReportFormat(
    name="json",
    suffixes=("json",),
    write=write,  # takes FileDigest items too: it is readable
    summary="one JSON document: every document with its changes, then the run summary",
    readable=True,
)
