"""Tables built once per machine and kept in the cache folder.

A word list, its frequency table or a damaged-word index takes a tenth of a
second to half a second to build from wordfreq's files, and the first text of a
language that lost bytes needs a dozen of them: every new process (a CLI run, a
pipeline worker) paid that again. Each table is kept as its arrays in
``cache_folder()/tables/<key>/``, the key naming this file format, a digest of
the code that builds the tables, the versions of wordfreq and PyThaiNLP and the
machine's byte order, so a table is never read by code that would build it
otherwise. A table that cannot be read (none
yet, cut short, another format) is built; one that cannot be written is only
used. Files are written whole under another name and renamed, so processes
building the same table at once never see half of one.

>>> import tempfile
>>> from array import array
>>> with tempfile.TemporaryDirectory() as folder:
...     built = stored(Path(folder), "example", lambda: [array("H", [1, 2, 3])])
...     read = stored(Path(folder), "example", lambda: [])
>>> read == built == [array("H", [1, 2, 3])]
True
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import struct
import sys
from array import array
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from ..cache import cache_folder

_FORMAT = 1
_MAGIC = b"mojibake-fix tables\n"
# Per array: its type code, its item size and its length in items.
_HEADER = struct.Struct("<ccQ")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]")


# The code the tables are built by: this folder, and what it reads characters with.
_BUILDERS = ("context/*.py", "charclass.py", "codepages.py")


@functools.cache
def _versions() -> str:
    """The part of the folder's name that changes whenever the tables would."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for pattern in _BUILDERS:
        for path in sorted(package.glob(pattern)):
            digest.update(path.read_bytes())
    for name in ("wordfreq", "pythainlp"):
        with contextlib.suppress(PackageNotFoundError):
            digest.update(version(name).encode())
    return f"v{_FORMAT}-{digest.hexdigest()[:16]}-{sys.byteorder}"


def tables_folder() -> Path | None:
    """Where the tables of this version are kept; ``None`` where no cache
    folder can be named (no home folder) or the code cannot be read."""
    try:
        return cache_folder() / "tables" / _versions()
    except (OSError, RuntimeError, KeyError):
        return None


def stored(
    folder: Path | None,
    name: str,
    build: Callable[[], Sequence[array[Any]]],
    fits: Callable[[list[array[Any]]], bool] = lambda arrays: True,
) -> list[array[Any]]:
    """The arrays of the table ``name`` kept in ``folder``, or those ``build``
    makes, kept there for the next process; kept arrays that do not ``fit``
    together (their lengths, say) are built again. With no ``folder``,
    they are built and not kept."""
    if folder is None:
        return list(build())
    path = folder / _SAFE_NAME.sub("_", name)
    arrays = _read(path)
    if arrays is None or not fits(arrays):
        arrays = list(build())
        _write(path, arrays)
    return arrays


def text_array(text: str) -> array[int]:
    """``text`` as an array of its UTF-8 bytes, to be kept with the rest."""
    return array("B", text.encode("utf-8", "surrogatepass"))


def array_text(data: array[int]) -> str:
    """The text :func:`text_array` kept."""
    return data.tobytes().decode("utf-8", "surrogatepass")


def _read(path: Path) -> list[array[Any]] | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(_MAGIC):
        return None
    arrays: list[array[Any]] = []
    position = len(_MAGIC)
    while position < len(data):
        if position + _HEADER.size > len(data):
            return None
        code, size, length = _HEADER.unpack_from(data, position)
        position += _HEADER.size
        try:
            table = array(code.decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            return None
        end = position + length * table.itemsize
        if table.itemsize != size[0] or end > len(data):
            return None
        table.frombytes(data[position:end])
        arrays.append(table)
        position = end
    return arrays


def _write(path: Path, arrays: Sequence[array[Any]]) -> None:
    parts = [_MAGIC]
    for table in arrays:
        header = _HEADER.pack(table.typecode.encode("ascii"), bytes([table.itemsize]), len(table))
        parts += [header, table.tobytes()]
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(b"".join(parts))
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
