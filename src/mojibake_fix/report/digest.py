"""How long a file is and what it holds, so that a report is applied only to the
file it was written for.

A report of ``fix`` records, for each file, the length and SHA-256 of its bytes
as read and as written (after decompression; a byte order mark counts).
``revert`` checks the file it is given against the latter, and what it rebuilds
against the former, before writing anything.

>>> digest = Digest()
>>> digest.update(b"caf"); digest.update(b"\\xc3\\xa9")
>>> digest.length, digest.hexdigest()[:12]
(5, '850f7dc43910')
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any


class Digest:
    """The length and SHA-256 of bytes as they go by."""

    def __init__(self) -> None:
        self.length = 0
        self._hash = hashlib.sha256()

    def update(self, data: bytes) -> None:
        self.length += len(data)
        self._hash.update(data)

    def hexdigest(self) -> str:
        return self._hash.hexdigest()

    def matches(self, length: int, sha256: str) -> bool:
        return self.length == length and self.hexdigest() == sha256


@dataclass(frozen=True, slots=True)
class FileDigest:
    """One file of a run: its bytes as read (``length``, ``sha256``) and as
    written (``fixed_length``, ``fixed_sha256``)."""

    path: str
    length: int
    sha256: str
    fixed_length: int
    fixed_sha256: str

    @classmethod
    def of(cls, path: str, read: Digest, written: Digest) -> FileDigest:
        return cls(path, read.length, read.hexdigest(), written.length, written.hexdigest())

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "length": self.length,
            "sha256": self.sha256,
            "fixed_length": self.fixed_length,
            "fixed_sha256": self.fixed_sha256,
        }

    @classmethod
    def from_dict(cls, record: Any) -> FileDigest:
        return cls(
            str(record["path"]),
            int(record["length"]),
            str(record["sha256"]),
            int(record["fixed_length"]),
            str(record["fixed_sha256"]),
        )
