"""Repair many texts or records at once, in order, for data pipelines.

Pipelines that clean web text call a fixer once per document inside Ray, Dask
or Slurm jobs. :func:`fix_many` and :func:`fix_records` are the loops they
need: lazy, in input order, with the same options as :func:`mojibake_fix.fix`.
:func:`record_report` renders one record's results as the lines the command
line's JSON Lines report (``fix --field NAME --report r.jsonl``) has for it,
so a distributed run can carry its report in a column and still be read back
by ``mojibake-fix revert`` and :func:`mojibake_fix.report.read_report`.

>>> [r.text for r in fix_many(["cafÃ©", "plain", "â€œquotedâ€\\x9d"])]
['café', 'plain', '“quoted”']
>>> record = {"id": 7, "meta": {"title": "NaÃ¯ve"}, "text": "ok"}
>>> [(fixed, results)] = fix_records([record], ["text", "meta.title"])
>>> fixed
{'id': 7, 'meta': {'title': 'Naïve'}, 'text': 'ok'}
>>> record["meta"]["title"], sorted(results), results["meta.title"].changed
('NaÃ¯ve', ['meta.title', 'text'], True)
>>> import json
>>> lines = record_report(results, path="in.jsonl", record=7).splitlines()
>>> [json.loads(line)["type"] for line in lines]
['change', 'document']
"""

from __future__ import annotations

import io
import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

from .engine import DEFAULT_MIN_CONFIDENCE, fix
from .model import Result
from .report.formats import WriteOptions, jsonl_format
from .report.formats.json_format import dumps, header
from .report.records import Document

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = [
    "FieldTypeError",
    "FixOptions",
    "fix_many",
    "fix_records",
    "get_field",
    "join_report",
    "record_report",
    "set_field",
]


class FieldTypeError(TypeError):
    """A field named for repair holds something other than a string (or nothing)."""


@dataclass(frozen=True, slots=True)
class FixOptions:
    """The options of :func:`mojibake_fix.fix`, kept together so a worker can be
    sent them once (they pickle)."""

    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()

    def fix(self, text: str) -> Result:
        return fix(
            text, min_confidence=self.min_confidence, enable=self.enable, disable=self.disable
        )


def _fix_chunk(texts: list[str], options: FixOptions) -> list[Result]:
    return [options.fix(text) for text in texts]


def fix_many(
    texts: Iterable[str],
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
    jobs: int = 1,
    chunk_size: int = 64,
) -> Iterator[Result]:
    """One :class:`~mojibake_fix.Result` per text, in input order, computed lazily.

    ``jobs`` > 1 repairs chunks of ``chunk_size`` texts in that many worker
    processes, keeping only a few chunks in flight so an endless iterable
    streams; ``jobs`` = 0 uses every CPU.
    """
    options = FixOptions(min_confidence, tuple(enable), tuple(disable))
    workers = (os.cpu_count() or 1) if jobs == 0 else jobs
    if workers <= 1:
        for text in texts:
            yield options.fix(text)
        return
    from concurrent.futures import ProcessPoolExecutor

    source = iter(texts)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[list[Result]]] = deque()
        while True:
            while len(pending) < 2 * workers:
                chunk = list(islice(source, max(1, chunk_size)))
                if not chunk:
                    break
                pending.append(pool.submit(_fix_chunk, chunk, options))
            if not pending:
                return
            yield from pending.popleft().result()


def _path_of(record: Mapping[str, Any], name: str) -> list[str]:
    """The keys leading to field ``name``: the name itself when the record has
    such a key, else its dot-separated parts (``meta.title``)."""
    return [name] if name in record else name.split(".")


def get_field(record: Mapping[str, Any], name: str) -> Any:
    """The value of field ``name`` (a dotted path reaches into nested objects),
    or ``None`` when it is missing.

    >>> get_field({"meta": {"title": "x"}}, "meta.title"), get_field({"a": 1}, "a.b")
    ('x', None)
    """
    value: Any = record
    for key in _path_of(record, name):
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def set_field(record: dict[str, Any], name: str, value: Any) -> None:
    """Set field ``name`` of ``record``, copying (never mutating) the nested
    objects on the way, so the caller's input stays as it was."""
    keys = _path_of(record, name)
    target = record
    for key in keys[:-1]:
        inner = target.get(key)
        copied = dict(inner) if isinstance(inner, Mapping) else {}
        target[key] = copied
        target = copied
    target[keys[-1]] = value


def fix_records(
    records: Iterable[Mapping[str, Any]],
    fields: Sequence[str] | str,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
) -> Iterator[tuple[dict[str, Any], dict[str, Result]]]:
    """``(new_record, results)`` per record, in order: the record with each of
    ``fields`` repaired (dotted paths reach into nested objects) and the
    :class:`~mojibake_fix.Result` of each field that held a string.

    A missing or ``null`` field is skipped, as ``fix --field`` skips it; any
    other non-string value raises :class:`FieldTypeError`, as the command
    line refuses it. Input records are never modified.
    """
    options = FixOptions(min_confidence, tuple(enable), tuple(disable))
    names = list(dict.fromkeys([fields] if isinstance(fields, str) else fields))
    for number, record in enumerate(records, start=1):
        fixed = dict(record)
        results: dict[str, Result] = {}
        for name in names:
            value = get_field(record, name)
            if value is None:
                continue
            if not isinstance(value, str):
                raise FieldTypeError(
                    f"record {number}: field {name!r} is not a string ({type(value).__name__})"
                )
            result = options.fix(value)
            results[name] = result
            if result.changes:
                set_field(fixed, name, result.text)
        yield fixed, results


def record_report(
    results: Mapping[str, Result], *, path: str = "", record: int | None = None
) -> str:
    """The lines the JSON Lines report of ``fix --field`` has for one record
    (``change``, ``finding`` and ``document`` lines, each ending in a newline),
    or ``""`` when no field had anything to report.

    ``record`` is the record's 1-based line in ``path``; without it the lines
    name only the path, and a reader cannot tell records apart. The lines are
    the brief ones of the command line's default report, and differ from them
    only where they describe the raw JSON line, which a parsed record no
    longer has: change lines carry no ``source`` (the command line gives one
    where the line writes the original with other escapes than ``json.dumps``).
    """
    documents = [
        Document(path, result, record=record, field=name)
        for name, result in results.items()
        if result.changes or result.findings
    ]
    if not documents:
        return ""
    stream = io.StringIO()
    jsonl_format.write(documents, stream, WriteOptions())
    lines = stream.getvalue().split("\n")
    # Drop the report header (first line) and the run summary (last line).
    return "".join(line + "\n" for line in lines[1:-2])


def join_report(chunks: Iterable[str]) -> str:
    """A JSON Lines report from per-record reports (:func:`record_report`,
    or a report column), readable by ``mojibake-fix revert`` and
    :func:`mojibake_fix.report.read_report`. It has no run summary line."""
    return dumps({"type": "report", **header()}) + "\n" + "".join(chunks)
