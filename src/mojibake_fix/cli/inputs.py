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
import stat
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


@dataclass(frozen=True, slots=True)
class FileIdentity:
    """A regular file as it was opened: any later write or replacement changes one of these."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, status: os.stat_result) -> FileIdentity:
        return cls(status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


class _CopiedFile(io.FileIO):
    """A file whose bytes, as they are read, are also written to ``copy``: the
    backup of an input rewritten in place is what was read, not a second read."""

    def __init__(self, path: str, copy: IO[bytes]) -> None:
        super().__init__(path, "rb")
        self.copy = copy

    def readinto(self, buffer: Any) -> int | None:
        count = super().readinto(buffer)
        if count:
            self.copy.write(memoryview(buffer)[:count])
        return count

    def readall(self) -> bytes:
        data = super().readall()
        self.copy.write(data)
        return data


@dataclass
class Source:
    """An open input: its decompressed byte stream, how it was compressed, and
    (for a regular file) what it was when opened."""

    path: str
    stream: IO[bytes]
    compression: str | None
    closers: tuple[IO[Any], ...]
    identity: FileIdentity | None = None

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


def _open_raw(path: str, copy: IO[bytes] | None) -> IO[bytes]:
    if path == STDIN:
        return sys.stdin.buffer
    if copy is not None:
        return io.BufferedReader(_CopiedFile(path, copy))
    return open(path, "rb")


def open_source(path: str, copy: IO[bytes] | None = None) -> Source:
    """Open ``path`` ('-' for stdin), decompressing gzip and zstd by their magic
    number; every byte read from the file is also written to ``copy``, if given."""
    try:
        raw = _open_raw(path, copy)
        status = os.fstat(raw.fileno())
    except OSError as error:
        raise _cannot_read(path, error) from None
    identity = FileIdentity.of(status) if stat.S_ISREG(status.st_mode) else None
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
    return Source(path, stream, compression, (stream, *closers), identity)


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


def is_regular_file(path: str) -> bool:
    """A regular file, or a symbolic link to one (not a FIFO, socket or device)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def expand_paths(
    paths: Sequence[str], include: Sequence[str], exclude: Sequence[str], kind: str
) -> list[str]:
    """Files named, and files under folders named (recursively, in sorted order,
    hidden ones skipped) that match ``include`` and not ``exclude``. In folders
    only regular files are read (symbolic links to them too): a FIFO would block
    the walk, a device never ends. Links to folders are not followed."""
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
                if (
                    _matches(relative, wanted)
                    and not _matches(relative, exclude)
                    and is_regular_file(full)
                ):
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
