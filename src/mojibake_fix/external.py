"""Text nobody in this project wrote, to measure on: the field's test suites
and real pages, fetched from their source distributions on first use.

Accuracy, false positives and speed measured on text we wrote ourselves say
little about text written elsewhere. Each set here comes from a released
source distribution on the package index (``pip download --no-binary``),
unpacked once into a cache folder: ``$MOJIBAKE_FIX_CACHE/external``, or
``~/.cache/mojibake_fix/external`` when that variable is not set. Nothing in
the library imports this module; the tests, the evaluator and the benchmarks
do.

>>> SOURCES["ftfy"].requirement
'ftfy==6.3.1'
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Source:
    """A source distribution on the package index that holds test material."""

    name: str
    version: str

    @property
    def requirement(self) -> str:
        return f"{self.name}=={self.version}"


SOURCES: dict[str, Source] = {
    source.name: source
    for source in (
        Source("ftfy", "6.3.1"),
        Source("chardet", "5.2.0"),
        Source("charset-normalizer", "3.5.3"),
        Source("sphinx", "9.0.4"),
        Source("pycountry", "26.2.16"),
    )
}


class ExternalUnavailable(RuntimeError):
    """A source distribution could not be fetched (no network, no pip)."""


def cache_root() -> Path:
    """Where fetched material is kept: ``$MOJIBAKE_FIX_CACHE/external``."""
    base = os.environ.get("MOJIBAKE_FIX_CACHE")
    root = Path(base) if base else Path.home() / ".cache" / "mojibake_fix"
    return root / "external"


def unpacked(name: str) -> Path:
    """The unpacked source distribution of ``SOURCES[name]``, fetched and
    unpacked on first use; the folder its archive holds at its top."""
    source = SOURCES[name]
    target = cache_root() / f"{source.name}-{source.version}"
    if target.is_dir():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        archive = _download(source, Path(scratch))
        with tarfile.open(archive) as tar:
            if hasattr(tarfile, "data_filter"):
                tar.extractall(scratch, filter="data")
            else:  # Python releases before the extraction filters
                tar.extractall(scratch)
        tops = [p for p in Path(scratch).iterdir() if p.is_dir()]
        if len(tops) != 1:
            raise ExternalUnavailable(f"{source.requirement}: unexpected archive layout")
        try:
            tops[0].rename(target)
        except OSError:
            if not target.is_dir():  # another process got there first otherwise
                raise
            shutil.rmtree(tops[0], ignore_errors=True)
    return target


def _download(source: Source, folder: Path) -> Path:
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--quiet",
        "--no-deps",
        "--no-binary",
        ":all:",
        "-d",
        str(folder),
        source.requirement,
    ]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    archives = sorted(folder.glob("*.tar.gz"))
    if completed.returncode or not archives:
        last = (completed.stderr.strip().splitlines() or ["no archive"])[-1]
        raise ExternalUnavailable(f"{source.requirement}: {last}")
    return archives[0]
