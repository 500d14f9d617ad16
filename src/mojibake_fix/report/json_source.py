"""Repair string fields of a JSON Lines record in place, byte for byte.

Re-serialising a record (``json.dumps``) changes its bytes: spacing, key
order, which characters are escaped. Instead each change is spliced into the
raw line where its characters are written, so everything else stays as it was,
and the raw text before and after is kept (:class:`SourceEdit`) so the line
can be rebuilt exactly.

>>> from mojibake_fix import fix
>>> line = '{"id": 7,  "text": "caf\\\\u00c3\\\\u00a9 \\\\/ ok"}'
>>> fixed, edits = edit_line(line, {"text": fix(json.loads(line)["text"])})
>>> fixed
'{"id": 7,  "text": "café \\\\/ ok"}'
>>> [edit] = edits["text"]
>>> edit.start, edit.end, edit.fixed_start, edit.fixed_end
(23, 35, 23, 24)
>>> print(edit.original, edit.replacement)
\\u00c3\\u00a9 é
>>> restore_line(fixed, [edit for found in edits.values() for edit in found]) == line
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Change, Result
from .escape import without_surrogates

_DECODER = json.JSONDecoder()
_WHITESPACE = re.compile(r"[ \t\n\r]*")


class SourceError(ValueError):
    """A raw line that does not hold what a report says it holds."""


@dataclass(frozen=True, slots=True)
class SourceEdit:
    """One change as written in the raw line: code point offsets into the input
    line (``start``, ``end``) and the output line, and the raw JSON text of each."""

    start: int
    end: int
    fixed_start: int
    fixed_end: int
    original: str
    replacement: str

    @classmethod
    def of(cls, change: Change) -> SourceEdit:
        """A change that is its own raw edit (a record's decoding from another
        encoding: its text is the line's)."""
        return cls(
            change.start,
            change.end,
            change.fixed_start,
            change.fixed_end,
            change.original,
            change.replacement,
        )


def object_members(line: str, index: int = 0) -> Iterator[tuple[str, int, int, Any]]:
    """Key, value start, value end and value of each member of the JSON object
    that begins at ``index`` in ``line`` (after any white space)."""
    index = _WHITESPACE.match(line, index).end()  # type: ignore[union-attr]
    if not line.startswith("{", index):
        raise SourceError("not a JSON object")
    index = _WHITESPACE.match(line, index + 1).end()  # type: ignore[union-attr]
    if line.startswith("}", index):
        return
    while True:
        key, index = _DECODER.raw_decode(line, index)
        index = _WHITESPACE.match(line, index).end()  # type: ignore[union-attr]
        if not line.startswith(":", index):
            raise SourceError("expected ':' after a key")
        start = _WHITESPACE.match(line, index + 1).end()  # type: ignore[union-attr]
        value, end = _DECODER.raw_decode(line, start)
        yield key, start, end, value
        index = _WHITESPACE.match(line, end).end()  # type: ignore[union-attr]
        if line.startswith("}", index):
            return
        if not line.startswith(",", index):
            raise SourceError("expected ',' or '}'")
        index = _WHITESPACE.match(line, index + 1).end()  # type: ignore[union-attr]


def string_token_spans(line: str) -> dict[str, tuple[int, int]]:
    """The span (quotes included) of each top-level string value of a JSON object line.

    A key given twice keeps its last span, as ``json.loads`` keeps its last value.
    """
    spans: dict[str, tuple[int, int]] = {}
    for key, start, end, value in object_members(line):
        if isinstance(value, str):
            spans[key] = (start, end)
        else:
            spans.pop(key, None)
    return spans


# A piece of a JSON string token: a run of plain characters (one code point
# each), an escaped surrogate pair (one code point, as a JSON parser joins it),
# another \\u escape or a two-character escape.
_TOKEN_PIECE = re.compile(
    r'[^"\\]+'
    r"|\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}"
    r"|\\u[0-9a-fA-F]{4}"
    r"|\\.",
    re.DOTALL,
)


def raw_offsets(line: str, token_start: int, offsets: Iterable[int]) -> dict[int, int]:
    """Where in ``line`` each of ``offsets`` (code point offsets into the value of
    the string token at ``token_start``) is written; the value's length maps to
    its closing quote. An offset beyond the value is left out.

    Runs of plain characters are stepped over whole, and only the offsets asked
    for are kept: a field of 50 MB with a few changes costs a few entries, not
    one per code point.

    >>> line = '{"s": "a\\\\u00e9b"}'
    >>> raw_offsets(line, 6, [0, 1, 2, 3, 9])
    {0: 7, 1: 8, 2: 14, 3: 15}
    """
    wanted = sorted(set(offsets))
    found: dict[int, int] = {}
    if not wanted:
        return found
    next_wanted = 0
    point, index = 0, token_start + 1
    while True:
        piece = _TOKEN_PIECE.match(line, index)
        plain = piece is not None and line[index] != "\\"
        width = piece.end() - index if piece is not None and plain else 1
        # Code points point .. point + width - 1 are written from index on (one
        # character each for plain text; one escape otherwise).
        while next_wanted < len(wanted) and wanted[next_wanted] < point + width:
            found[wanted[next_wanted]] = index + (wanted[next_wanted] - point if plain else 0)
            next_wanted += 1
        if piece is None or next_wanted == len(wanted):
            return found  # the closing quote, or nothing more asked for
        point, index = point + width, piece.end()


def json_string_body(text: str) -> str:
    """``text`` as it is written between the quotes of a JSON string."""
    return without_surrogates(json.dumps(text, ensure_ascii=False)[1:-1])


def edit_line(
    line: str, results: Mapping[str, Result]
) -> tuple[str, dict[str, tuple[SourceEdit, ...]]]:
    """``line`` with the changes of each field's result spliced into its raw string.

    Raises :class:`SourceError` when the edited line would not parse back to
    the repaired values (a lone escaped surrogate meeting a replacement, say).
    """
    spans = string_token_spans(line)
    starts: dict[str, int] = {}
    for name, result in results.items():
        if result.changes:
            if name not in spans:
                raise SourceError(f"field {name!r} is not a string of this line")
            starts[name] = spans[name][0]
    return splice_fields(line, results, starts, lambda record, name: record.get(name))


def splice_fields(
    line: str,
    results: Mapping[str, Result],
    starts: Mapping[str, int],
    value_of: Callable[[Any, str], Any],
) -> tuple[str, dict[str, tuple[SourceEdit, ...]]]:
    """Splice each field's changes into its string token, which begins at
    ``starts[name]`` in the raw line; check with ``value_of(record, name)``
    that the edited line parses back to the repaired values."""
    planned: list[tuple[int, int, str, Change]] = []
    for name, start in starts.items():
        changes = results[name].changes
        offsets = raw_offsets(line, start, (i for c in changes for i in (c.start, c.end)))
        planned.extend((offsets[c.start], offsets[c.end], name, c) for c in changes)
    planned.sort(key=lambda item: item[0])
    pieces: list[str] = []
    edits: dict[str, list[SourceEdit]] = {name: [] for name in results}
    position = shift = 0
    for start, end, name, change in planned:
        replacement = json_string_body(change.replacement)
        pieces += [line[position:start], replacement]
        fixed_start = start + shift
        edits[name].append(
            SourceEdit(
                start,
                end,
                fixed_start,
                fixed_start + len(replacement),
                line[start:end],
                replacement,
            )
        )
        shift += len(replacement) - (end - start)
        position = end
    pieces.append(line[position:])
    fixed = "".join(pieces)
    if planned:
        record = json.loads(fixed)
        for name, result in results.items():
            if result.changes and value_of(record, name) != result.text:
                raise SourceError(f"field {name!r} cannot be edited in place")
    return fixed, {name: tuple(found) for name, found in edits.items()}


def restore_line(line: str, edits: Iterable[SourceEdit]) -> str:
    """Undo ``edits`` in the repaired raw ``line``; :class:`SourceError` if they do not fit."""
    pieces: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: e.fixed_start):
        end = edit.fixed_start + len(edit.replacement)
        if edit.fixed_start < position or line[edit.fixed_start : end] != edit.replacement:
            raise SourceError(
                f"column {edit.fixed_start + 1}: expected {edit.replacement!r},"
                f" found {line[edit.fixed_start : end]!r}"
            )
        pieces.append(line[position : edit.fixed_start])
        pieces.append(edit.original)
        position = end
    pieces.append(line[position:])
    return "".join(pieces)


def string_token_start(line: str, path: str) -> int | None:
    """Where the string token at the field ``path`` starts in the raw object line
    (the last of a repeated key, as ``json.loads`` keeps): the key itself if the
    object has it, else the dotted path through nested objects (``meta.title``);
    ``None`` when there is no string there.

    >>> string_token_start('{"a": 1, "meta": {"title": "x"}}', "meta.title")
    27
    """
    top = {key: (start, value) for key, start, _, value in object_members(line)}
    if path in top:
        start, value = top[path]
        return start if isinstance(value, str) else None
    index = 0
    for part in path.split("."):
        found = {key: (start, value) for key, start, _, value in object_members(line, index)}
        if part not in found:
            return None
        index, _ = found[part]
    return index if line.startswith('"', index) else None


def edits_for_changes(
    line: str,
    field: str,
    changes: Sequence[Change],
    raw_originals: Sequence[str | None] = (),
) -> tuple[SourceEdit, ...]:
    """Source edits for changes a report gave without them: the repaired raw text is
    read from ``line`` where the field's value holds it, and the original is the
    raw text ``raw_originals`` gives for the change, else written the way
    ``json.dumps`` would (which is how a brief report leaves it out)."""
    token_start = string_token_start(line, field)
    if token_start is None:
        raise SourceError(f"field {field!r} is not a string of this line")
    offsets = raw_offsets(
        line, token_start, (i for c in changes for i in (c.fixed_start, c.fixed_end))
    )
    found: list[SourceEdit] = []
    for number, change in enumerate(changes):
        if not (0 <= change.fixed_start <= change.fixed_end and change.fixed_end in offsets):
            raise SourceError(
                f"change at {change.fixed_start}:{change.fixed_end} is outside the field"
            )
        start, end = offsets[change.fixed_start], offsets[change.fixed_end]
        raw = raw_originals[number] if number < len(raw_originals) else None
        original = json_string_body(change.original) if raw is None else raw
        found.append(
            SourceEdit(start, start + len(original), start, end, original, line[start:end])
        )
    return tuple(found)


def json_problem(error: json.JSONDecodeError) -> str:
    """What is wrong and where, as a whole sentence: ``error.msg`` alone may stop
    mid-sentence ("Unterminated string starting at").

    >>> try:
    ...     json.loads('{"a": "b')
    ... except json.JSONDecodeError as error:
    ...     print(json_problem(error))
    Unterminated string starting at column 7
    """
    where = (
        f"column {error.colno}"
        if error.lineno == 1
        else f"line {error.lineno} column {error.colno}"
    )
    return f"{error.msg} {where}" if error.msg.endswith(" at") else f"{error.msg} at {where}"
