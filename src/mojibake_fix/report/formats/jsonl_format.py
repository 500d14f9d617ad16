"""The JSON Lines report: one record per change, streamable.

Every line is an object with a ``type``: first ``report`` (schema, version,
tool), then for each listed document its ``change`` and ``finding`` lines and a
``document`` line naming it (its id, path, record and field), a ``file`` line
at the end of each file (its length and SHA-256 as read and as written), and
last the run ``summary``.

By default (``WriteOptions(detail="brief")``) lines are compact and a change line
holds only what identifies and reverts the change: its ``document`` id, its
``start`` and ``fixed_start``, texts, detector, confidence and reason (a reader
derives ``index`` from the order of the lines, and ``end`` and ``fixed_end``
from the texts' lengths). A reader groups change lines by ``document`` and
finds the path, record and field on the ``document`` line. ``detail="full"``
adds to every change and finding line its index, ends, byte offsets, lines and
columns, escaped texts, and path, record and field, so lines can be filtered
and read on their own, and to the ``document`` line its lengths (code points
and bytes) and its summary (the run ``summary`` has the counts per file).

>>> import io, json
>>> from mojibake_fix import fix
>>> from ..records import Document
>>> stream = io.StringIO()
>>> write([Document("in.jsonl", fix("cafÃ©"), record=3, field="text")], stream, WriteOptions())
>>> [json.loads(line)["type"] for line in stream.getvalue().split("\\n") if line]
['report', 'change', 'document', 'summary']
>>> print(stream.getvalue().split("\\n")[1].replace(',"detector', ',\\n "detector'))
{"type":"change","document":"in.jsonl:3:text","start":3,"original":"Ã©","replacement":"é",
 "detector":"utf8-as-cp1252","confidence":0.9984,"reason":"UTF-8 read as cp1252"}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from ..digest import FileDigest
from ..records import (
    Document,
    Tally,
    brief_change_records,
    brief_document_header,
    brief_finding_records,
    change_records,
    document_header,
    document_summary,
    finding_records,
)
from . import ReportFormat, WriteOptions
from .json_format import dumps, header


def _lines(document: Document, full: bool) -> Iterable[dict[str, Any]]:
    """The change and finding lines of one document, in the form asked for."""
    if not full:
        where: dict[str, Any] = {"document": document.id}
        for record in brief_change_records(document):
            yield {"type": "change", **where, **record}
        for record in brief_finding_records(document):
            yield {"type": "finding", **where, **record}
        return
    where = {
        "document": document.id,
        "path": document.path,
        "record": document.record,
        "field": document.field,
    }
    for record in change_records(document):
        yield {"type": "change", **where, **record}
    for record in finding_records(document):
        yield {"type": "finding", **where, **record}


def write(
    documents: Iterable[Document | FileDigest], stream: TextIO, options: WriteOptions
) -> None:
    full = options.detail == "full"

    def put(value: dict[str, Any]) -> None:
        stream.write(dumps(value, compact=not full) + "\n")

    tally = Tally()
    put({"type": "report", **header()})
    for document in documents:
        if isinstance(document, FileDigest):
            put({"type": "file", **document.to_dict()})
            continue
        tally.add(document)
        if not document.listed:
            continue
        for line in _lines(document, full):
            put(line)
        if full:
            put(
                {
                    "type": "document",
                    **document_header(document),
                    "summary": document_summary(document),
                }
            )
        else:
            put({"type": "document", **brief_document_header(document)})
    put({"type": "summary", **tally.to_dict()})


FORMAT = ReportFormat(
    name="jsonl",
    suffixes=("jsonl", "ndjson"),
    write=write,  # takes FileDigest items too: it is readable
    summary="JSON Lines: one record per change (and finding, document, summary), streamable",
    readable=True,
)
