"""The text report: one line per change, ``path:line:col: detector 'before' → 'after'
(confidence) reason``, the way compilers and linters point at a place.

>>> import io
>>> from mojibake_fix import fix
>>> from ..records import Document
>>> stream = io.StringIO()
>>> write([Document("a.txt", fix("x\\ncafÃ©"))], stream, WriteOptions())
>>> print(stream.getvalue().split(" (")[0])
a.txt:2:4: utf8-as-cp1252 'Ã©' → 'é'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from ..escape import quoted
from ..records import Document, change_records
from . import ReportFormat, WriteOptions

_RESET = "\x1b[0m"
_BOLD, _CYAN, _RED, _GREEN, _DIM = "\x1b[1m", "\x1b[36m", "\x1b[31m", "\x1b[32m", "\x1b[2m"


def lines(documents: Iterable[Document], *, color: bool = False) -> Iterator[str]:
    """The report's lines, without line ends."""

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    for document in documents:
        for record in change_records(document):
            where = f"{document.path}:{record['line']}:{record['column']}"
            if document.field is not None:
                where += f" [{document.field}]"
            yield (
                f"{paint(_BOLD, where)}: {paint(_CYAN, record['detector'])}"
                f" {paint(_RED, quoted(record['original']))}"
                f" → {paint(_GREEN, quoted(record['replacement']))}"
                f" ({record['confidence']:.2f}) {paint(_DIM, record['reason'])}"
            )


def write(documents: Iterable[Document], stream: TextIO, options: WriteOptions) -> None:
    for line in lines(documents, color=options.color):
        stream.write(line + "\n")


FORMAT = ReportFormat(
    name="text",
    suffixes=("txt", "text"),
    write=write,
    summary="one line per change: path:line:col: detector 'before' → 'after' (confidence) reason",
)
