"""Throughput of mojibake_fix.fix beside ftfy and plsfix, in one run, on the same documents.

    .venv/bin/python benchmarks/speed.py [--rounds N]

Documents are the paragraphs of corpus/clean/*.txt (one call per document of 100-2000
characters): (a) clean multilingual prose, (b) the same text as UTF-8 read as Windows-1252,
(c) plain ASCII English, (d) text (b) that lost Windows-1252's undefined bytes, (e) the
text read as Latin-1 that lost every C1 control; the same calls reading every change (a
text repaired in one step builds its changes only when they are read); and the batch API,
fix_many, over the same list. Best of N rounds, after one warm-up round; Mchar/s and
documents/s, and our ratio to each peer. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import ftfy

import mojibake_fix

ROOT = Path(__file__).resolve().parents[1]


def documents() -> dict[str, list[str]]:
    clean = [
        line
        for path in sorted((ROOT / "corpus" / "clean").glob("*.txt"))
        if path.stem != "cldr"
        for line in path.read_text(encoding="utf-8").splitlines()
        if 100 <= len(line) <= 2000
    ]
    dirty = [text.encode("utf-8").decode("sloppy-windows-1252") for text in clean]
    # Bytes lost on the way: Windows-1252's undefined bytes dropped, or every
    # C1 control stripped after a Latin-1 decode.
    undefined_dropped = [re.sub("[\x81\x8d\x8f\x90\x9d]", "", text) for text in dirty]
    c1_stripped = [
        re.sub("[\x80-\x9f]", "", text.encode("utf-8").decode("latin-1")) for text in clean
    ]
    ascii_english = [line for line in clean if line.isascii()]
    ascii_english += [
        line.encode("ascii", "ignore").decode() for line in clean if not line.isascii()
    ]
    return {
        "clean": clean,
        "dirty": dirty,
        "ascii": ascii_english,
        "lossy, undefined bytes dropped": undefined_dropped,
        "lossy, C1 stripped": c1_stripped,
    }


def best_time(repair: Callable[[str], object], docs: Sequence[str], rounds: int) -> float:
    for text in docs:  # warm-up: lazy tables and word lists load here
        repair(text)
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for text in docs:
            repair(text)
        best = min(best, time.perf_counter() - start)
    return best


def batch_time(docs: Sequence[str], rounds: int) -> float:
    """The batch API over the whole list at once, in this process."""
    for _ in mojibake_fix.fix_many(docs):
        pass
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in mojibake_fix.fix_many(docs):
            pass
        best = min(best, time.perf_counter() - start)
    return best


def fix_and_read_changes(text: str) -> object:
    """A call that also reads every change: a text repaired in one step
    builds its changes only when they are read, and a report reads them."""
    return tuple(mojibake_fix.fix(text).changes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    tools: dict[str, Callable[[str], object]] = {
        "mojibake_fix.fix": mojibake_fix.fix,
        "mojibake_fix.fix, changes read": fix_and_read_changes,
        "ftfy.fix_text": ftfy.fix_text,
        "ftfy.fix_encoding": ftfy.fix_encoding,
    }
    try:
        import plsfix

        tools["plsfix.fix_text"] = plsfix.fix_text
    except ImportError:
        pass
    print("| text | tool | docs | Mchar/s | docs/s | ours, × its speed |")
    print("|---|---|---:|---:|---:|---:|")
    for kind, docs in documents().items():
        chars = sum(map(len, docs))
        seconds = {name: best_time(tool, docs, args.rounds) for name, tool in tools.items()}
        seconds["mojibake_fix.fix_many (batch)"] = batch_time(docs, args.rounds)
        ours = seconds["mojibake_fix.fix"]
        for name, taken in seconds.items():
            print(
                f"| {kind} | {name} | {len(docs)} | {chars / taken / 1e6:.2f} "
                f"| {len(docs) / taken:.0f} | {taken / ours:.2f} |"
            )


if __name__ == "__main__":
    main()
