"""The JSON Lines report: one record per change, streamable.

Every line is an object with a ``type``: first ``report`` (schema, version,
tool), then for each listed document its ``change`` and ``finding`` lines and a
``document`` line with its summary, a ``file`` line at the end of each file
(its length and SHA-256 as read and as written), and last the run ``summary``. Every change
line carries its file, JSON Lines record and field, so lines can be filtered
and read on their own.

>>> import io, json
>>> from mojibake_fix import fix
>>> from ..records import Document
>>> stream = io.StringIO()
>>> write([Document("in.jsonl", fix("cafÃ©"), record=3, field="text")], stream, WriteOptions())
>>> [json.loads(line)["type"] for line in stream.getvalue().split("\\n") if line]
['report', 'change', 'document', 'summary']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from ..digest import FileDigest
from ..records import (
    Document,
    Tally,
    change_records,
    document_header,
    document_summary,
    finding_records,
)
from . import ReportFormat, WriteOptions
from .json_format import dumps, header


def write(
    documents: Iterable[Document | FileDigest], stream: TextIO, options: WriteOptions
) -> None:
    tally = Tally()
    stream.write(dumps({"type": "report", **header()}) + "\n")
    for document in documents:
        if isinstance(document, FileDigest):
            stream.write(dumps({"type": "file", **document.to_dict()}) + "\n")
            continue
        tally.add(document)
        if not document.listed:
            continue
        where = {
            "document": document.id,
            "path": document.path,
            "record": document.record,
            "field": document.field,
        }
        for record in change_records(document):
            stream.write(dumps({"type": "change", **where, **record}) + "\n")
        for record in finding_records(document):
            stream.write(dumps({"type": "finding", **where, **record}) + "\n")
        line = {"type": "document", **document_header(document)}
        line["summary"] = document_summary(document)
        stream.write(dumps(line) + "\n")
    stream.write(dumps({"type": "summary", **tally.to_dict()}) + "\n")


FORMAT = ReportFormat(
    name="jsonl",
    suffixes=("jsonl", "ndjson"),
    write=write,  # takes FileDigest items too: it is readable
    summary="JSON Lines: one record per change (and finding, document, summary), streamable",
    readable=True,
)
