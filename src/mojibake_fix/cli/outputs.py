"""Where output goes, so that a failed run leaves every file as it was.

Everything is written to temporary files first: beside the file it replaces
(same folder, so the final rename is atomic; for a symbolic link, beside the
file it points to, so the link stays), or a spooled buffer for standard output
and for what is not a regular file (a device, a FIFO, ``/dev/stdout``), which
is opened and written through, never renamed over. Only when every input has
been read and repaired does :meth:`Outputs.commit` fsync every temporary file,
check that no input changed since it was read, and then rename them all;
:meth:`Outputs.discard` removes them. A file that cannot be written is an
:class:`OutputError`: one line naming it.

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

import contextlib
import difflib
import gzip
import io
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from ..decode import raw_text
from ..report.escape import visible
from .inputs import STDIN, FileIdentity, zstandard_module
from .signals import held

SPOOL_BYTES = 8 << 20
COPY_BYTES = 1 << 20


class OutputError(Exception):
    """An output that cannot be written: reported as one line naming it, exit 2."""


def cannot_write(target: str, error: OSError) -> OutputError:
    return OutputError(f"{target}: cannot write: {error.strerror or error}")


class _TargetFile(io.FileIO):
    """A temporary file whose write errors name the file it stands for."""

    def __init__(self, handle: int, target: str) -> None:
        super().__init__(handle, "wb")
        self.target = target

    def write(self, data: Any) -> int:
        try:
            return super().write(data)
        except OSError as error:
            raise cannot_write(self.target, error) from None


def _compressed(file: IO[bytes], compression: str | None) -> tuple[Any, IO[bytes]]:
    """The compressor to close before ``file``, and the stream to write to."""
    if compression == "gzip":
        compressor: Any = gzip.GzipFile(fileobj=file, mode="wb", filename="", mtime=0)
        return compressor, compressor
    if compression == "zstd":
        writer = zstandard_module().ZstdCompressor().stream_writer(file, closefd=False)
        return writer, writer
    return None, file


def _staged(target: str, folder: str) -> tuple[str, IO[bytes]]:
    """A new temporary file in ``folder`` for ``target``: its path and stream."""
    try:
        handle, path = tempfile.mkstemp(dir=folder, prefix=f".{Path(target).name}.", suffix=".tmp")
    except OSError as error:
        raise cannot_write(target, error) from None
    return path, io.BufferedWriter(_TargetFile(handle, target))


def _close(target: str, file: IO[bytes], *, sync: bool) -> None:
    if file.closed:
        return
    try:
        file.flush()
        if sync:
            os.fsync(file.fileno())
    except OSError as error:
        raise cannot_write(target, error) from None
    finally:
        with contextlib.suppress(OSError):
            file.close()


STANDARD_STREAMS = ("/dev/stdin", "/dev/stdout", "/dev/stderr")


def writes_through(target: str) -> bool:
    """Whether ``target`` is written by opening it rather than replaced by a rename:
    anything but a regular file (a device, a FIFO, a socket), and the names of
    open descriptors (``/dev/stdout``, ``/dev/fd/3``, ``/proc/self/fd/1``), which
    may stand for a regular file the caller opened."""
    path = os.path.abspath(target)
    if path in STANDARD_STREAMS or path.startswith(("/dev/fd/", "/proc/")):
        return True
    try:
        return not stat.S_ISREG(os.stat(target).st_mode)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise cannot_write(target, error) from None


class Pending:
    """One file being written: a temporary file beside the file ``target`` names
    (through any symbolic link), compressed as asked, renamed over it on commit.
    With a backup suffix, the bytes of the input as read go to a second
    temporary file, renamed to ``target + backup`` just before."""

    def __init__(
        self,
        target: str,
        compression: str | None,
        backup: str | None = None,
        *,
        new_mode: int = 0o644,
    ) -> None:
        self.target = target
        self.final = os.path.realpath(target)
        if os.path.isdir(self.final):
            raise OutputError(f"{target}: is a directory")
        self.new_mode = new_mode
        self.expected: FileIdentity | None = None
        self.temporary, self.file = _staged(target, os.path.dirname(self.final))
        self.backup = f"{target}{backup}" if backup else None
        self.backup_temporary: str | None = None
        self.backup_file: IO[bytes] | None = None
        if self.backup is not None:
            try:
                self.backup_temporary, self.backup_file = _staged(
                    self.backup, os.path.dirname(os.path.abspath(self.backup))
                )
            except OutputError:
                self.discard()
                raise
        self.compressor: Any = None
        self.stream: IO[bytes] = self.file
        self.keep = True
        self.compress(compression)

    def compress(self, compression: str | None) -> None:
        """Write compressed from now on (before anything is written)."""
        self.compressor, self.stream = _compressed(self.file, compression)

    def finish(self) -> None:
        """Close the streams and fsync the temporary files (before any rename)."""
        if self.compressor is not None and not self.file.closed:
            try:
                self.compressor.close()
            except OSError as error:
                raise cannot_write(self.target, error) from None
        _close(self.target, self.file, sync=self.keep)
        if self.backup_file is not None and self.backup is not None:
            _close(self.backup, self.backup_file, sync=self.keep)

    def check(self) -> None:
        """Refuse to replace a file that changed since it was read, or to keep a
        backup that does not hold all of it."""
        if not self.keep or self.expected is None:
            return
        try:
            now = FileIdentity.of(os.stat(self.final))
        except OSError:
            now = None
        if now != self.expected:
            raise OutputError(f"{self.target}: changed since it was read; left as it is")
        backup = self.backup_temporary
        if backup is not None and os.stat(backup).st_size != self.expected.size:
            raise OutputError(f"{self.target}: not read whole; left as it is")

    def commit(self) -> None:
        """Put the backup, then the new file, in place (after :meth:`check`)."""
        if not self.keep:
            self.discard()
            return
        try:
            try:
                replaced = os.stat(self.final)
            except FileNotFoundError:
                replaced = None
            mode = self.new_mode if replaced is None else replaced.st_mode & 0o7777
            for staged in (self.temporary, self.backup_temporary):
                if staged is not None:
                    _take_over(staged, mode, replaced)
            if self.backup_temporary is not None and self.backup is not None:
                os.replace(self.backup_temporary, self.backup)
                self.backup_temporary = None
            os.replace(self.temporary, self.final)
        except OSError as error:
            raise cannot_write(self.target, error) from None

    def discard(self) -> None:
        for file in (self.file, self.backup_file):
            if file is not None and not file.closed:
                with contextlib.suppress(OSError, OutputError):
                    file.close()
        for path in (self.temporary, self.backup_temporary):
            if path is not None:
                Path(path).unlink(missing_ok=True)


def _take_over(staged: str, mode: int, replaced: os.stat_result | None) -> None:
    """Give a staged file the mode, and where allowed the owner, of the file it replaces."""
    if replaced is not None and (replaced.st_uid, replaced.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(PermissionError):
            os.chown(staged, replaced.st_uid, replaced.st_gid)
    os.chmod(staged, mode)


class Through:
    """An output that is not a regular file (a device, a FIFO, ``/dev/stdout``):
    spooled, then opened and written on commit, never renamed over."""

    def __init__(self, target: str, compression: str | None) -> None:
        self.target = target
        self.file: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
        self.compressor, self.stream = _compressed(self.file, compression)
        self.keep = True

    def finish(self) -> None:
        if self.compressor is not None:
            self.compressor.close()
            self.compressor = None

    def check(self) -> None:
        """Nothing to compare: the target is not a file that was read."""

    def commit(self) -> None:
        self.finish()
        self.file.seek(0)
        try:
            handle = os.open(self.target, os.O_WRONLY | os.O_APPEND | os.O_NOCTTY)
            with open(handle, "wb", closefd=True) as sink:
                shutil.copyfileobj(self.file, sink, COPY_BYTES)
        except OSError as error:
            raise cannot_write(self.target, error) from None
        finally:
            self.file.close()

    def discard(self) -> None:
        self.file.close()


Output = Pending | Through


def current_umask() -> int:
    """The process's umask (read by setting it, then setting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class Outputs:
    """Every output of a run, written only when all of it succeeded."""

    def __init__(self) -> None:
        self.pending: list[Output] = []
        self.stdout: IO[bytes] | None = None
        self.new_mode = 0o666 & ~current_umask()

    def file(
        self, target: str, compression: str | None = None, backup: str | None = None
    ) -> Output:
        """A new output to ``target``: written through if it is not a regular file."""
        if backup is None and writes_through(target):
            through = Through(target, compression)
            self.pending.append(through)
            return through
        return self._staged(target, compression, backup)

    def rewrite(self, target: str, backup: str | None = None) -> Pending:
        """A new version of the input ``target`` (a regular file, or a link to one)."""
        return self._staged(target, None, backup)

    def _staged(self, target: str, compression: str | None, backup: str | None) -> Pending:
        with held():  # its temporary files must be known here before a signal can stop the run
            pending = Pending(target, compression, backup, new_mode=self.new_mode)
            self.pending.append(pending)
        return pending

    def standard_output(self) -> IO[bytes]:
        """A buffer for standard output, in memory up to 8 MB and then on disk."""
        if self.stdout is None:
            self.stdout = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
        return self.stdout

    def commit(self) -> None:
        """fsync every file and check that no input changed, then write the
        outputs that are not files, rename every file, and copy standard output.
        A failure before the first rename leaves every file as it was."""
        try:
            for output in self.pending:
                output.finish()
            for output in self.pending:
                output.check()
            with held():  # a signal now would leave some files renamed, some not
                for output in sorted(self.pending, key=lambda o: isinstance(o, Pending)):
                    output.commit()
        except BaseException:
            self.discard()
            raise
        self.pending = []
        if self.stdout is not None:
            self.stdout.seek(0)
            try:
                sys.stdout.flush()
                shutil.copyfileobj(self.stdout, sys.stdout.buffer)
                sys.stdout.buffer.flush()
            except BrokenPipeError:
                raise
            except OSError as error:
                raise cannot_write("standard output", error) from None
            finally:
                self.stdout.close()
                self.stdout = None

    def discard(self) -> None:
        for output in self.pending:
            output.discard()
        self.pending = []
        if self.stdout is not None:
            self.stdout.close()
            self.stdout = None


def _file_key(path: str) -> tuple[Any, ...] | None:
    """What tells one file from another: device and inode when it exists, else the
    path with links resolved; None for a character device (``/dev/null``), which
    takes any number of writers."""
    try:
        status = os.stat(path)
    except OSError:
        return ("path", os.path.realpath(path))
    if stat.S_ISCHR(status.st_mode):
        return None
    return (status.st_dev, status.st_ino)


def refuse_overlaps(written: Sequence[str], read: Sequence[str] = ()) -> None:
    """An output named twice, or one that is also an input being read, would
    lose one of them: refused before anything is read."""
    seen: dict[tuple[Any, ...], str] = {}
    for target in written:
        key = _file_key(target)
        if key is None:
            continue
        if key in seen:
            raise OutputError(f"{target}: named twice as an output (also as {seen[key]})")
        seen[key] = target
    for path in read:
        key = None if path == STDIN else _file_key(path)
        if key is not None and key in seen:
            raise OutputError(f"{seen[key]}: is also an input; write the output elsewhere")


def _lines(data: bytes) -> list[str]:
    """The lines of ``data``, ending at "\\n" only, each with its invisible
    characters escaped (a '-' line must not look like its '+' line)."""
    lines = raw_text(data).split("\n")
    shown = [_shown(line) + "\n" for line in lines[:-1]]
    return [*shown, _shown(lines[-1])] if lines[-1] else shown


def _shown(line: str) -> str:
    if line.endswith("\r"):  # the end of a CRLF line, not a character to show
        return visible(line[:-1]) + "\r"
    return visible(line)


def _ended(lines: Iterable[str]) -> Iterable[str]:
    for line in lines:
        yield line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"


# ANSI colours of a diff's lines on a terminal, by how they start: as git shows them.
_DIFF_COLOURS = (
    ("---", "\x1b[1m"),
    ("+++", "\x1b[1m"),
    ("@@", "\x1b[36m"),
    ("-", "\x1b[31m"),
    ("+", "\x1b[32m"),
)
_RESET = "\x1b[0m"


def coloured_diff(text: str) -> str:
    """``text``, a unified diff, with its removed lines red, added lines green,
    hunk headers cyan and file headers bold.

    >>> coloured_diff("@@ -1 +1 @@\\n-caf\\u00c3\\u00a9\\n+caf\\u00e9\\n") == (
    ...     "\\x1b[36m@@ -1 +1 @@\\x1b[0m\\n\\x1b[31m-caf\\u00c3\\u00a9\\x1b[0m\\n"
    ...     "\\x1b[32m+caf\\u00e9\\x1b[0m\\n")
    True
    """
    lines = []
    for line in text.split("\n"):  # lines end at \n only, as the diff's do
        colour = next((c for start, c in _DIFF_COLOURS if line.startswith(start)), None)
        lines.append(line if colour is None else colour + line + _RESET)
    return "\n".join(lines)


class DiffWriter:
    """A unified diff of one file, written as its changed records come;
    ``colour`` for a terminal (:func:`coloured_diff`)."""

    def __init__(self, stream: IO[bytes], path: str, colour: bool = False) -> None:
        self.stream = stream
        self.path = path
        self.colour = colour
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
        if self.colour:
            text = coloured_diff(text)
        self.stream.write(text.encode("utf-8", "surrogateescape"))


def _fix_newlines(diff: Iterable[str]) -> Iterable[str]:
    for line in diff:
        if line.startswith(("-", "+", " ")) and not line.startswith(("---", "+++")):
            yield from _ended([line])
        else:
            yield line
