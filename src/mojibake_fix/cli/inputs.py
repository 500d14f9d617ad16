"""Where input comes from: files, folders walked with globs, stdin; gzip and zstd
read transparently; CSV dialects.

Compression is told by the first bytes, not the name, so a renamed file still
reads (and is written back compressed the same way with ``--in-place``).

>>> compression_of(b"\\x1f\\x8b\\x08"), compression_of(b"\\x28\\xb5\\x2f\\xfd")
('gzip', 'zstd')
>>> compression_of(b"ab") is None
True
>>> compression_for_name("out.jsonl.zst"), kind_for_name("data.TSV.gz")
('zstd', 'tsv')
"""

from __future__ import annotations

import csv
import fnmatch
import gzip
import io
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

STDIN = "-"
GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
COMPRESSED_SUFFIXES = {".gz": "gzip", ".zst": "zstd"}
DEFAULT_INCLUDE = {
    "text": ("*.txt", "*.text", "*.md"),
    "jsonl": ("*.jsonl", "*.ndjson", "*.json"),
    "csv": ("*.csv", "*.tsv"),
}


class InputError(Exception):
    """Bad input: reported as one line naming the file (and line), exit 2."""


def compression_of(head: bytes) -> str | None:
    """'gzip' or 'zstd' from the magic number at the start, else None."""
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(ZSTD_MAGIC):
        return "zstd"
    return None


def compression_for_name(path: str) -> str | None:
    """'gzip' or 'zstd' from a path's last suffix (to write), else None."""
    return COMPRESSED_SUFFIXES.get(Path(path).suffix.lower())


def kind_for_name(path: str) -> str | None:
    """'csv', 'tsv' or 'jsonl' from the suffix under any compression suffix."""
    name = Path(path.lower())
    if name.suffix in COMPRESSED_SUFFIXES:
        name = name.with_suffix("")
    return {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}.get(name.suffix)


def zstandard_module() -> Any:
    """The ``zstandard`` package (a dependency), with a clear error if it is missing."""
    try:
        import zstandard
    except ImportError:  # pragma: no cover - it is a declared dependency
        raise InputError("reading or writing .zst needs the 'zstandard' package") from None
    return zstandard


def _cannot_read(path: str, error: OSError) -> InputError:
    if isinstance(error, FileNotFoundError):
        return InputError(f"{path}: no such file")
    if isinstance(error, IsADirectoryError):
        return InputError(f"{path}: is a directory")
    return InputError(f"{path}: cannot read: {error.strerror or error}")


@dataclass
class Source:
    """An open input: its decompressed byte stream and how it was compressed."""

    path: str
    stream: IO[bytes]
    compression: str | None
    closers: tuple[IO[Any], ...]

    def close(self) -> None:
        for closer in self.closers:
            closer.close()

    def read_all(self) -> bytes:
        try:
            return self.stream.read()
        except (OSError, EOFError, ValueError) as error:
            raise InputError(f"{self.path}: cannot read: {error}") from None

    def lines(self) -> Iterator[bytes]:
        """Lines ending at b'\\n' only (JSON allows U+2028 and U+0085 raw in strings)."""
        try:
            yield from self.stream
        except (OSError, EOFError, ValueError) as error:
            raise InputError(f"{self.path}: cannot read: {error}") from None

    def blocks(self, size: int) -> Iterator[bytes]:
        """Blocks of whole lines, about ``size`` bytes each: the reader never looks
        at a line, so cutting a large file costs next to nothing."""
        try:
            while True:
                block = self.stream.read(size)
                if not block:
                    return
                if not block.endswith(b"\n"):
                    block += self.stream.readline()
                yield block
        except (OSError, EOFError, ValueError) as error:
            raise InputError(f"{self.path}: cannot read: {error}") from None


def open_source(path: str) -> Source:
    """Open ``path`` ('-' for stdin), decompressing gzip and zstd by their magic number."""
    try:
        raw: IO[bytes] = sys.stdin.buffer if path == STDIN else open(path, "rb")  # noqa: SIM115
    except OSError as error:
        raise _cannot_read(path, error) from None
    buffered: Any = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)
    try:
        head = buffered.peek(4)[:4]
    except OSError as error:
        raise _cannot_read(path, error) from None
    compression = compression_of(head)
    closers: tuple[IO[Any], ...] = () if path == STDIN else (raw,)
    if compression == "gzip":
        stream: IO[bytes] = io.BufferedReader(gzip.GzipFile(fileobj=buffered, mode="rb"))
    elif compression == "zstd":
        reader = zstandard_module().ZstdDecompressor().stream_reader(buffered)
        stream = io.BufferedReader(reader)
    else:
        stream = buffered
    return Source(path, stream, compression, (stream, *closers))


def _matches(relative: str, patterns: Sequence[str]) -> bool:
    name = relative.rsplit("/", 1)[-1]
    stripped = name
    for suffix in COMPRESSED_SUFFIXES:
        if stripped.lower().endswith(suffix):
            stripped = stripped[: -len(suffix)]
    return any(
        fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) or fnmatch.fnmatch(stripped, p)
        for p in patterns
    )


def expand_paths(
    paths: Sequence[str], include: Sequence[str], exclude: Sequence[str], kind: str
) -> list[str]:
    """Files named, and files under folders named (recursively, in sorted order,
    hidden ones skipped) that match ``include`` and not ``exclude``."""
    wanted = list(include) or list(DEFAULT_INCLUDE["csv" if kind == "tsv" else kind])
    found: list[str] = []
    for path in paths or [STDIN]:
        if path == STDIN or not os.path.isdir(path):
            if not (exclude and _matches(path.replace(os.sep, "/"), exclude)):
                found.append(path)
            continue
        for folder, folders, files in os.walk(path):
            folders[:] = sorted(f for f in folders if not f.startswith("."))
            for name in sorted(files):
                if name.startswith("."):
                    continue
                full = os.path.join(folder, name)
                relative = os.path.relpath(full, path).replace(os.sep, "/")
                if _matches(relative, wanted) and not _matches(relative, exclude):
                    found.append(full)
    return found


@dataclass(frozen=True, slots=True)
class Dialect:
    """The parts of a CSV dialect that reading and splicing use (picklable)."""

    delimiter: str = ","
    quotechar: str = '"'

    def reader_options(self) -> dict[str, Any]:
        return {
            "delimiter": self.delimiter,
            "quotechar": self.quotechar,
            "doublequote": True,
            "escapechar": None,
            "skipinitialspace": False,
            "strict": False,
        }


def sniff_dialect(sample: str, kind: str) -> Dialect:
    """Tab for .tsv; else the delimiter and quote character csv.Sniffer sees, or
    the comma and double quote."""
    if kind == "tsv":
        return Dialect("\t", '"')
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return Dialect()
    return Dialect(sniffed.delimiter, sniffed.quotechar or '"')
