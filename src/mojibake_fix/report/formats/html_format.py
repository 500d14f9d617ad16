"""The HTML report: one self-contained page, usable on a 100 MB input.

The page makes no network request (inline CSS and script, system fonts, and a
Content-Security-Policy that forbids anything else). It shows a run summary, a
table of detectors with a filter, and each document's changes highlighted in
windows of context: the unchanged stretches between them are collapsed to a
count, so the page grows with the number of changes, not with the input. The
changes are paged (``PAGE_CHANGES`` a page) and at most ``MAX_CHANGES`` are
drawn; the JSON report has them all.

>>> import io
>>> from mojibake_fix import fix
>>> from ..records import Document
>>> stream = io.StringIO()
>>> write([Document("a.txt", fix("x" * 500 + " cafÃ© " + "y" * 500))], stream, WriteOptions())
>>> page = stream.getvalue()
>>> page.count('<mark class="chg"'), "500 characters unchanged" in page, "http:" in page
(1, False, False)
>>> "464 characters unchanged" in page, "461 characters unchanged" in page
(True, True)
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from importlib.resources import files
from typing import Any, TextIO

from ... import __version__
from ..escape import escape, visible, without_surrogates
from ..records import Document, Tally, change_records, finding_records
from . import ReportFormat, WriteOptions

CONTEXT = 40  # code points of context shown either side of a change
PAGE_CHANGES = 200  # changes drawn on one page
MAX_CHANGES = 20_000  # changes drawn at most; the machine formats hold every one


def _h(text: str) -> str:
    """Text for the page: controls (NUL, ESC…) and other invisible characters as
    visible escapes, then HTML-escaped."""
    return html.escape(visible(without_surrogates(text)), quote=True)


def _shown(text: str) -> str:
    return _h(escape(text))


def _mark(record: dict[str, Any], kind: str) -> str:
    """One highlighted change (or unapplied finding), its details in data attributes."""
    before, after = record["original"], record.get("replacement")
    where = f"line {record['line']}, column {record['column']}"
    offsets = (
        f"code points {record['start']}–{record['end']},"
        f" bytes {record['byte_start']}–{record['byte_end']}"
    )
    if kind == "chg":
        offsets += (
            f"; output: code points {record['fixed_start']}–{record['fixed_end']},"
            f" bytes {record['fixed_byte_start']}–{record['fixed_byte_end']}"
        )
    title = (
        f"{record['detector']} ({record['confidence']:.2f}): '{escape(before)}' → "
        + (f"'{escape(after)}'" if after is not None else "(not repaired)")
        + f" — {record['reason']}"
    )
    alternatives = ", ".join(
        f"'{escape(a['text'])}' ({a['score']:.2f})" for a in record.get("alternatives", ())
    )
    if kind == "chg":
        body = f"<del>{_shown(before)}</del><ins>{_shown(after or '')}</ins>"
    else:
        body = f"<span>{_shown(before)}</span>"
    return (
        f'<mark class="{kind}" tabindex="0" data-detector="{_h(record["detector"])}"'
        f' data-confidence="{record["confidence"]:.2f}" data-reason="{_h(record["reason"])}"'
        f' data-before="{_shown(before)}" data-after="{_shown(after) if after is not None else ""}"'
        f' data-where="{_h(where)}" data-offsets="{_h(offsets)}"'
        f' data-alternatives="{_h(alternatives)}" title="{_h(title)}">{body}</mark>'
    )


def _gap(count: int) -> str:
    return f'<span class="gap">⋯ {count:,} characters unchanged ⋯</span>'


def _windows(text: str, items: Sequence[tuple[int, int, str]]) -> str:
    """``text`` around ``items`` (start, end, markup), the rest collapsed to counts."""
    pieces: list[str] = []
    position = 0
    for start, end, markup in items:
        if start < position:
            continue  # an unapplied finding overlapping one already shown
        left = max(position, start - CONTEXT)
        if left > position:
            if pieces:
                pieces.append(_h(text[position : min(position + CONTEXT, left)]))
                position = min(position + CONTEXT, left)
            if left > position:
                pieces.append(_gap(left - position))
        pieces.append(_h(text[left:start]))
        pieces.append(markup)
        position = end
    tail = min(len(text), position + CONTEXT)
    pieces.append(_h(text[position:tail]))
    if tail < len(text):
        pieces.append(_gap(len(text) - tail))
    return "".join(pieces)


def _chunks(
    document: Document, budget: int
) -> Iterator[tuple[list[tuple[int, int, str]], set[str], int]]:
    """The marks of ``document`` in chunks of at most ``PAGE_CHANGES`` changes."""
    items = [
        (r["start"], r["end"], _mark(r, "chg"), r["detector"]) for r in change_records(document)
    ]
    items += [
        (r["start"], r["end"], _mark(r, "finding"), r["detector"])
        for r in finding_records(document)
    ]
    items.sort(key=lambda item: (item[0], item[1]))
    items = items[:budget]
    for first in range(0, max(len(items), 1), PAGE_CHANGES):
        chunk = items[first : first + PAGE_CHANGES]
        yield [(s, e, m) for s, e, m, _ in chunk], {d for *_, d in chunk}, first


def _sections(documents: Iterable[Document], tally: Tally) -> Iterator[str]:
    page, on_page, drawn = 1, 0, 0
    for document in documents:
        tally.add(document)
        if not document.listed:
            continue
        result = document.result
        if drawn >= MAX_CHANGES:
            continue
        count = len(result.changes) + len(result.findings)
        for items, detectors, first in _chunks(document, MAX_CHANGES - drawn):
            if on_page and on_page + len(items) > PAGE_CHANGES:
                page, on_page = page + 1, 0
            on_page += len(items)
            drawn += len(items)
            title = document.path
            if document.record is not None:
                title += f":{document.record} [{document.field}]"
            part = (
                f" (marks {first + 1}–{first + len(items)} of {count})"
                if count > PAGE_CHANGES
                else ""
            )
            summary = f"{len(result.changes)} changes, {len(result.findings)} findings not applied"
            yield (
                f'<section class="doc" data-page="{page}"'
                f' data-detectors="{_h(" ".join(sorted(detectors)))}">'
                f'<h2>{_h(title)}{_h(part)}</h2><p class="meta">{summary}</p>'
                f'<pre class="text">{_windows(result.original, items)}</pre></section>\n'
            )


def _table(rows: Iterable[str], head: str, table_id: str) -> str:
    body = "".join(rows)
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def write(documents: Iterable[Document], stream: TextIO, options: WriteOptions) -> None:
    tally = Tally()
    sections = list(_sections(documents, tally))
    summary = tally.to_dict()
    pages = max((int(s.split('data-page="', 1)[1].split('"', 1)[0]) for s in sections), default=1)
    run_rows = [
        f'<tr><th>{label}</th><td data-key="{key}">{summary[key]:,}</td></tr>'
        for key, label in (
            ("documents", "documents read"),
            ("changed", "documents changed"),
            ("changes", "changes"),
            ("findings", "findings not applied"),
        )
    ]
    detector_rows = [
        f'<tr data-detector="{_h(name)}"><td><input type="checkbox" checked'
        f' data-filter="{_h(name)}" id="filter-{_h(name)}"></td>'
        f'<td><label for="filter-{_h(name)}">{_h(name)}</label></td><td>{count:,}</td></tr>'
        for name, count in summary["by_detector"].items()
    ]
    file_rows = [
        f"<tr><td>{_h(path)}</td><td>{c['documents']:,}</td><td>{c['changed']:,}</td>"
        f"<td>{c['changes']:,}</td></tr>"
        for path, c in summary["by_file"].items()
    ]
    drawn = sum(s.count('<mark class="chg"') + s.count('<mark class="finding"') for s in sections)
    total = summary["changes"] + summary["findings"]
    note = (
        f'<p class="note">Only the first {drawn:,} of {total:,} changes and findings are drawn;'
        " the JSON report has them all.</p>"
        if drawn < total
        else ""
    )
    stream.write(
        _PAGE.format(
            version=_h(__version__),
            run=_table(run_rows, "<th>run</th><th></th>", "run-summary"),
            detectors=_table(
                detector_rows, "<th>show</th><th>detector</th><th>changes</th>", "detectors"
            ),
            files=_table(
                file_rows,
                "<th>file</th><th>documents</th><th>changed</th><th>changes</th>",
                "files",
            ),
            note=note,
            pages=pages,
            sections="".join(sections) or '<p class="none">Nothing was changed.</p>',
            style=_asset("report.css"),
            script=_asset("report.js"),
        )
    )


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
 content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mojibake-fix report</title>
<style>
{style}</style></head>
<body>
<h1>mojibake-fix report</h1>
<p class="meta">mojibake-fix {version}. Click a change for its details;
untick a detector to hide its changes.</p>
<div class="tables">{run}{detectors}{files}</div>
{note}
<nav class="pager"><button id="previous" type="button">‹ previous</button>
<span id="page-label">page 1 of {pages}</span>
<button id="next" type="button">next ›</button></nav>
<main id="documents" data-pages="{pages}">
{sections}</main>
<aside id="details" hidden><dl>
<dt>detector</dt><dd id="d-detector"></dd><dt>confidence</dt><dd id="d-confidence"></dd>
<dt>before → after</dt><dd id="d-change"></dd><dt>where</dt><dd id="d-where"></dd>
<dt>offsets</dt><dd id="d-offsets"></dd><dt>reason</dt><dd id="d-reason"></dd>
<dt>alternatives</dt><dd id="d-alternatives"></dd></dl>
<button id="close-details" type="button">close</button></aside>
<script>
{script}</script>
</body></html>
"""


@cache
def _asset(name: str) -> str:
    """An inlined stylesheet or script shipped beside this module."""
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


FORMAT = ReportFormat(
    name="html",
    suffixes=("html", "htm"),
    write=write,
    summary="one self-contained HTML page: changes in context, summary, detector filter",
)
