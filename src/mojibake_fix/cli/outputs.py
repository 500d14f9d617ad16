"""Where output goes, so that a failed run leaves every file as it was.

Everything is written to temporary files first: beside the target (same folder,
so the final rename is atomic), or a spooled buffer for standard output. Only
when every input has been read and repaired does :meth:`Outputs.commit` fsync
and rename them all; :meth:`Outputs.discard` removes them.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> outputs = Outputs()
>>> pending = outputs.file(str(folder / "out.txt"))
>>> _ = pending.stream.write(b"done")
>>> sorted(p.name for p in folder.iterdir()) != ["out.txt"]
True
>>> outputs.commit()
>>> sorted(p.name for p in folder.iterdir()), (folder / "out.txt").read_bytes()
(['out.txt'], b'done')
"""

from __future__ import annotations

import difflib
import gzip
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from ..decode import raw_text
from .inputs import zstandard_module

SPOOL_BYTES = 8 << 20


class Pending:
    """One output being written: a temporary file beside ``target``, compressed
    as asked, renamed over ``target`` on commit (``backup`` keeps the old one)."""

    def __init__(self, target: str, compression: str | None, backup: str | None) -> None:
        self.target = target
        self.backup = backup
        where = Path(target)
        handle, self.temporary = tempfile.mkstemp(
            dir=where.parent, prefix=f".{where.name}.", suffix=".tmp"
        )
        self.file: IO[bytes] = os.fdopen(handle, "wb")
        self.compressor: Any = None
        self.stream: IO[bytes] = self.file
        if compression == "gzip":
            self.compressor = gzip.GzipFile(fileobj=self.file, mode="wb", filename="", mtime=0)
            self.stream = self.compressor
        elif compression == "zstd":
            writer: Any = (
                zstandard_module().ZstdCompressor().stream_writer(self.file, closefd=False)
            )
            self.compressor = writer
            self.stream = writer
        self.keep = True

    def finish(self) -> None:
        """Close the stream and fsync the temporary file (before any rename)."""
        if self.file.closed:
            return
        if self.compressor is not None:
            self.compressor.close()
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()

    def commit(self) -> None:
        self.finish()
        if not self.keep:
            self.discard()
            return
        target = Path(self.target)
        if target.exists():
            os.chmod(self.temporary, target.stat().st_mode & 0o7777)
            if self.backup:
                shutil.copy2(target, f"{self.target}{self.backup}")
        os.replace(self.temporary, target)

    def discard(self) -> None:
        if not self.file.closed:
            self.file.close()
        Path(self.temporary).unlink(missing_ok=True)


class Outputs:
    """Every output of a run, written only when all of it succeeded."""

    def __init__(self) -> None:
        self.pending: list[Pending] = []
        self.stdout: IO[bytes] | None = None

    def file(
        self, target: str, compression: str | None = None, backup: str | None = None
    ) -> Pending:
        pending = Pending(target, compression, backup)
        self.pending.append(pending)
        return pending

    def standard_output(self) -> IO[bytes]:
        """A buffer for standard output, in memory up to 8 MB and then on disk."""
        if self.stdout is None:
            self.stdout = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
        return self.stdout

    def commit(self) -> None:
        """fsync every file, then rename them all; then copy standard output."""
        for pending in self.pending:
            pending.finish()
        for pending in self.pending:
            pending.commit()
        self.pending = []
        if self.stdout is not None:
            self.stdout.seek(0)
            sys.stdout.flush()
            shutil.copyfileobj(self.stdout, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            self.stdout.close()
            self.stdout = None

    def discard(self) -> None:
        for pending in self.pending:
            pending.discard()
        self.pending = []
        if self.stdout is not None:
            self.stdout.close()
            self.stdout = None


def _lines(data: bytes) -> list[str]:
    return raw_text(data).splitlines(keepends=True)


def _ended(lines: Iterable[str]) -> Iterable[str]:
    for line in lines:
        yield line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"


class DiffWriter:
    """A unified diff of one file, written as its changed records come."""

    def __init__(self, stream: IO[bytes], path: str) -> None:
        self.stream = stream
        self.path = path
        self.started = False

    def whole(self, before: bytes, after: bytes) -> None:
        """The diff of a whole text file (difflib, three lines of context)."""
        diff = difflib.unified_diff(
            _lines(before), _lines(after), f"a/{self.path}", f"b/{self.path}"
        )
        self._write("".join(_fix_newlines(diff)))

    def record(self, number: int, before: bytes, after: bytes) -> None:
        """One changed record as its own hunk, without context (records stream)."""
        old, new = _lines(before), _lines(after)
        hunk = f"@@ -{number},{len(old)} +{number},{len(new)} @@\n"
        body = "".join(f"-{line}" for line in _ended(old)) + "".join(
            f"+{line}" for line in _ended(new)
        )
        if not self.started:
            hunk = f"--- a/{self.path}\n+++ b/{self.path}\n" + hunk
            self.started = True
        self._write(hunk + body)

    def _write(self, text: str) -> None:
        self.stream.write(text.encode("utf-8", "surrogateescape"))


def _fix_newlines(diff: Iterable[str]) -> Iterable[str]:
    for line in diff:
        if line.startswith(("-", "+", " ")) and not line.startswith(("---", "+++")):
            yield from _ended([line])
        else:
            yield line
