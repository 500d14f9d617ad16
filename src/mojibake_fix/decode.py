"""Bytes to text, recorded as changes so the original bytes come back exactly.

Undecoded bytes are first read as UTF-8 with every invalid byte kept as a lone
surrogate (``surrogateescape``): that *raw text* stands for the bytes one to one.
Decoding is then a set of changes from the raw text to the real text, so a
report of it can be reverted to the raw text, whose ``surrogateescape``
encoding gives the bytes back.

The order: a byte order mark names the encoding; else valid UTF-8 is UTF-8;
else, when some lines hold UTF-8 and others not, the lines of UTF-8 are UTF-8
and the others are read in the one encoding guessed from them; else one
encoding is guessed for the whole input (:mod:`mojibake_fix.encodings`:
chardet's candidates and the East Asian encodings, judged by how plausible
their text is).

>>> decoded = decode("café\\n".encode() + "crème\\n".encode("cp1252"))
>>> decoded.text, decoded.encoding
('café\\ncrème\\n', 'utf-8+windows-1252')
>>> [(c.original, c.replacement) for c in decoded.changes]
[('\\udce8', 'è')]
>>> data = "caf\\xc3\\xa9 cr\\xe8me".encode("latin-1")
>>> result = fix_bytes(data)
>>> result.text, result.encoding
('café crème', 'windows-1252')
>>> result.revert().encode("utf-8", "surrogateescape") == data
True"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .codepages import utf8_of
from .encodings import decode_cp1252, guess_encoding, is_ascii_compatible
from .engine import DEFAULT_MIN_CONFIDENCE, compose, fix
from .model import Change, Finding, Result
from .plausibility import plausibility

DECODER = "decode"
UTF8_SIG = codecs.BOM_UTF8
# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NON_ASCII_RUN = re.compile(rb"[\x80-\xff]+")
# Valid UTF-8 that may be text in another encoding: UTF-16 and UTF-32 without a
# byte order mark hold NUL bytes, ISO-2022 escape characters.
_NOT_IN_UTF8_TEXT = (b"\x00", b"\x1b")


class DecodeError(ValueError):
    """Bytes that the encoding asked for cannot decode; ``line`` is 1-based."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True, slots=True)
class Decoded:
    """``raw``: the bytes as UTF-8 with invalid bytes as lone surrogates; ``text``:
    the decoded text; ``changes`` lead from ``raw`` to ``text``. ``bom``: the
    bytes began with a UTF-8 byte order mark, which neither text holds."""

    raw: str
    text: str
    changes: tuple[Change, ...]
    encoding: str
    bom: bool = False


def raw_text(data: bytes) -> str:
    """The bytes as UTF-8, invalid bytes kept as lone surrogates: one to one."""
    return data.decode("utf-8", "surrogateescape")


def raw_bytes(text: str) -> bytes:
    """The inverse of :func:`raw_text`; lone surrogates outside its escape range
    (which no bytes give) are written as ``surrogatepass`` would."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return b"".join(
            c.encode(
                "utf-8",
                "surrogatepass"
                if 0xD800 <= ord(c) < 0xDC80 or 0xDD00 <= ord(c) < 0xE000
                else "surrogateescape",
            )
            for c in text
        )


def _decode_with(data: bytes, encoding: str) -> str:
    if codecs.lookup(encoding).name == "cp1252":
        return decode_cp1252(data)
    return data.decode(encoding)


def _codec_name(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return {"cp1252": "windows-1252"}.get(name, name)


def decoding_changes(
    data: bytes, encoding: str, reason: str, *, start: int = 0, fixed_start: int = 0
) -> tuple[str, tuple[Change, ...]]:
    """``data`` decoded with ``encoding`` and the changes from its raw text, one per
    run of non-ASCII bytes (or one for all of it where runs do not decode alone)."""
    whole = _decode_with(data, encoding)
    raw = raw_text(data)
    if whole == raw:
        return whole, ()
    changes: list[Change] = []
    pieces: list[tuple[str, str]] = []
    position = 0
    try:
        for match in _NON_ASCII_RUN.finditer(data):
            ascii_part = raw_text(data[position : match.start()])
            pieces.append((ascii_part, _decode_with(data[position : match.start()], encoding)))
            run = match.group()
            pieces.append((raw_text(run), _decode_with(run, encoding)))
            position = match.end()
        tail = data[position:]
        pieces.append((raw_text(tail), _decode_with(tail, encoding)))
    except UnicodeDecodeError:
        pieces = []
    if not pieces or "".join(d for _, d in pieces) != whole:
        pieces = [(raw, whole)]
    in_at, out_at = start, fixed_start
    for before, after in pieces:
        if before != after:
            changes.append(
                Change(
                    in_at,
                    in_at + len(before),
                    out_at,
                    out_at + len(after),
                    before,
                    after,
                    DECODER,
                    1.0,
                    reason,
                )
            )
        in_at += len(before)
        out_at += len(after)
    return whole, tuple(changes)


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) if data else []


def _is_utf8(line: bytes) -> bool:
    return utf8_of(line) is not None


# How many bytes of records that are not UTF-8 their encoding is guessed from.
RECORD_SAMPLE = 4096


class RecordEncodings:
    """The encoding of one input's records that are not UTF-8, which is mostly
    one: guessed from the first of them (until they hold :data:`RECORD_SAMPLE`
    bytes), then kept for every record it decodes, so that a file of legacy
    records is not guessed record by record."""

    __slots__ = ("_kept", "_seen")

    def __init__(self) -> None:
        self._seen: list[bytes] = []
        self._kept: str | None = None

    def encoding_for(self, data: bytes) -> str:
        """The encoding to read ``data`` (a record that is not UTF-8) in."""
        if self._kept is not None:
            if _decodes(data, self._kept):
                return self._kept
            return guess_encoding(data, ascii_compatible=True)
        self._seen.append(data)
        guess = guess_encoding(b"\n".join(self._seen), ascii_compatible=True)
        if not _decodes(data, guess):
            guess = guess_encoding(data, ascii_compatible=True)
        if sum(map(len, self._seen)) >= RECORD_SAMPLE:
            self._kept = guess
        return guess


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        _decode_with(data, encoding)
    except UnicodeDecodeError:
        return False
    return True


def decode_line(
    data: bytes,
    number: int,
    encoding: str | None = None,
    *,
    start: int = 0,
    records: RecordEncodings | None = None,
) -> tuple[str, tuple[Change, ...], str]:
    """One line (or record): UTF-8, else the encoding :func:`guess_encoding` finds
    among those where ASCII is ASCII (``records`` keeps it for the records of one
    input), or ``encoding`` when given.

    Returns the text, the changes from the raw text (offsets from ``start``), and
    the encoding used. :class:`DecodeError` only when ``encoding`` is forced.
    """
    if encoding is None:
        if _is_utf8(data):
            return data.decode("utf-8"), (), "utf-8"
        if records is not None:
            encoding = records.encoding_for(data)
        else:
            encoding = guess_encoding(data, ascii_compatible=True)
    elif codecs.lookup(encoding).name == "utf-8":
        try:
            return data.decode("utf-8"), (), "utf-8"
        except UnicodeDecodeError as error:
            raise DecodeError(f"not valid UTF-8 (byte 0x{data[error.start]:02x})", number) from None
    try:
        reason = f"line {number} is not valid UTF-8: read as {_codec_name(encoding)}"
        text, changes = decoding_changes(data, encoding, reason, start=start, fixed_start=start)
    except UnicodeDecodeError as error:
        raise DecodeError(f"not valid {encoding}: {error.reason}", number) from None
    return text, changes, _codec_name(encoding)


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode a whole input; see the module docstring for the order of choices.

    Never fails unless ``encoding`` is forced and cannot decode ``data``
    (:class:`DecodeError`); a forced UTF-8 still allows a byte order mark.
    """
    bom = data.startswith(UTF8_SIG)
    if bom:
        data = data[len(UTF8_SIG) :]
    elif encoding is None:
        for mark, name in BOMS:
            if data.startswith(mark):
                try:
                    return _whole(data, name, f"byte order mark: {name}")
                except UnicodeDecodeError:
                    break
    if encoding is not None:
        try:
            if codecs.lookup(encoding).name == "utf-8":
                text = data.decode("utf-8")
                return Decoded(text, text, (), "utf-8", bom)
            return _whole(data, encoding, f"read as {_codec_name(encoding)} (--encoding)", bom)
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise DecodeError(f"not valid {encoding}: {error.reason}", line) from None
    utf8_text = utf8_of(data)
    if utf8_text is not None and not any(byte in data for byte in _NOT_IN_UTF8_TEXT):
        return Decoded(utf8_text, utf8_text, (), "utf-8", bom)
    name = _codec_name(guess_encoding(data, also=("utf-8",)))
    if utf8_text is not None and (name == "utf-8" or _decode_with(data, name) == utf8_text):
        return Decoded(utf8_text, utf8_text, (), "utf-8", bom)
    lines = _lines(data)
    utf8 = b"".join(line for line in lines if not line.isascii() and _is_utf8(line))
    if utf8 and _reads_better_as_utf8(utf8, name):
        if utf8_text is not None:
            return Decoded(utf8_text, utf8_text, (), "utf-8", bom)
        return _by_line(lines, bom)
    return _whole(data, name, f"not UTF-8: read as {name} (detected)", bom)


def _reads_better_as_utf8(data: bytes, encoding: str) -> bool:
    """Whether lines that are valid UTF-8 are more plausible so than in ``encoding``
    (a line of a legacy code page may be valid UTF-8 by chance)."""
    try:
        legacy = _decode_with(data, encoding)
    except UnicodeDecodeError:
        return True
    return plausibility(data.decode("utf-8"), "utf-8") > plausibility(legacy, encoding)


def _whole(data: bytes, encoding: str, reason: str, bom: bool = False) -> Decoded:
    name = _codec_name(encoding)
    parts: list[tuple[str, tuple[Change, ...]]] = []
    at = fixed = 0
    # Line by line where lines end at a newline byte and carry no state
    # (ASCII-compatible encodings; not UTF-16, not ISO-2022).
    line_parts = _lines(data) if is_ascii_compatible(name) else [data]
    for line in line_parts:
        if len(line_parts) > 1 and line.isascii():
            parts.append((line.decode("ascii"), ()))
        else:
            parts.append(decoding_changes(line, name, reason, start=at, fixed_start=fixed))
        text = parts[-1][0]
        at += len(raw_text(line))
        fixed += len(text)
    text = "".join(t for t, _ in parts)
    raw = raw_text(data)
    return Decoded(raw, text, tuple(c for _, cs in parts for c in cs), name, bom)


def _by_line(lines: Sequence[bytes], bom: bool) -> Decoded:
    """Lines of UTF-8 as UTF-8, the others in the one encoding guessed from them all."""
    legacy_lines = {number for number, line in enumerate(lines, 1) if not _is_utf8(line)}
    legacy = guess_encoding(
        b"".join(lines[number - 1] for number in sorted(legacy_lines)), ascii_compatible=True
    )
    texts: list[str] = []
    changes: list[Change] = []
    at = fixed = 0
    for number, line in enumerate(lines, start=1):
        text, found, _ = decode_line(line, number, legacy if number in legacy_lines else None)
        changes.extend(_shift(found, at, fixed))
        texts.append(text)
        at += len(raw_text(line))
        fixed += len(text)
    raw = raw_text(b"".join(lines))
    return Decoded(raw, "".join(texts), tuple(changes), f"utf-8+{_codec_name(legacy)}", bom)


def _shift(changes: Iterable[Change], at: int, fixed: int) -> Iterable[Change]:
    for c in changes:
        yield Change(
            c.start + at,
            c.end + at,
            c.fixed_start + fixed,
            c.fixed_end + fixed,
            c.original,
            c.replacement,
            c.detector,
            c.confidence,
            c.reason,
        )


def map_findings(findings: Sequence[Finding], changes: Sequence[Change]) -> tuple[Finding, ...]:
    """Findings on the decoded text moved onto the raw text; a finding inside a
    decoded span covers that whole span."""
    if not changes:
        return tuple(findings)

    def back(offset: int, *, end: bool) -> int:
        shift = 0
        for change in changes:
            if offset <= change.fixed_start:
                break
            if offset < change.fixed_end:
                return change.end if end else change.start
            shift = change.end - change.fixed_end
        return offset + shift

    return tuple(
        Finding(
            back(f.start, end=False),
            max(back(f.start, end=False), back(f.end, end=True)),
            f.detector,
            f.confidence,
            f.reason,
            f.replacement,
            f.alternatives,
        )
        for f in findings
    )


def combine(decoded: Decoded, repaired: Result) -> Result:
    """One result from the raw text to the repaired text: decoding and repair composed."""
    if not decoded.changes:
        return Result(
            text=repaired.text,
            changes=repaired.changes,
            findings=repaired.findings,
            original=decoded.raw,
            encoding=decoded.encoding,
        )
    changes = compose(decoded.changes, repaired.changes) if repaired.changes else decoded.changes
    return Result(
        text=repaired.text,
        changes=changes,
        findings=map_findings(repaired.findings, decoded.changes),
        original=decoded.raw,
        encoding=decoded.encoding,
    )


def fix_bytes(
    data: bytes,
    *,
    encoding: str | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
) -> Result:
    """Decode ``data`` (see :func:`decode`) and repair it.

    ``result.encoding`` names the decoding: a codec name, ``utf-8-sig`` for UTF-8
    after a byte order mark, or ``utf-8+windows-1252`` for lines of both. The
    changes include the decoding, on the raw text (``result.original``): its
    ``surrogateescape`` UTF-8 encoding, after the byte order mark if there was
    one, is ``data`` again.
    """
    decoded = decode(data, encoding)
    repaired = fix(decoded.text, min_confidence=min_confidence, enable=enable, disable=disable)
    result = combine(decoded, repaired)
    if decoded.bom and decoded.encoding == "utf-8":
        return Result(result.text, result.changes, result.findings, result.original, "utf-8-sig")
    return result
