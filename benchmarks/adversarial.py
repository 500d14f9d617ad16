"""Time of mojibake_fix.fix on adversarial inputs, at n, 2n and 4n: is it linear?

    .venv/bin/python benchmarks/adversarial.py [--n 250] [--budget 10] [--rounds 3] [--only NAME]

One document sent to a pipeline worker must never stall it, whatever it holds: long runs of
one mojibake sequence, lone leads, C1 controls, combining marks, six layers of UTF-8 read
as Windows-1252, a long clean line with one mojibake at its end, and the html-entities
detector's URL test on runs of ``?``. Each input is built at n, 2n and 4n (times the input's
own scale, so that a fast input is timed on enough text) and timed in a child process (best
of --rounds calls of ``mojibake_fix.fix``, after a warm-up call that loads the lazy tables);
a child that exceeds --budget seconds is stopped and the larger sizes are skipped. Printed per
input: characters, seconds, MB/s (of UTF-8, at the largest size timed), the growth exponent
log2(t(4n) / t(2n)), whether it is linear (exponent <= 1.3) and whether it runs at <= 1 s
per MB. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINEAR_EXPONENT = 1.3
SECONDS_PER_MB = 1.0


@dataclass(frozen=True, slots=True)
class AdversarialInput:
    """One input family: how to build it at size n, and the detectors it enables."""

    name: str
    build: Callable[[int], str]
    enable: tuple[str, ...] = ()
    scale: int = 1  # n is multiplied by this: a long clean line grows in kilobytes
    # The size of the warm-up call: the clean line's languages load their word lists once.
    warm_up: int = 8


def _clean_line(size: int) -> str:
    """Clean multilingual prose on one line, ``size`` characters long."""
    prose = " ".join(
        line
        for path in sorted((ROOT / "corpus" / "clean").glob("*.txt"))
        if path.stem != "cldr"
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
    return (prose * (size // len(prose) + 1))[:size]


def _layers(n: int, count: int = 6) -> str:
    """UTF-8 read as Windows-1252 ``count`` times over, from n characters of French."""
    import ftfy  # noqa: F401  (registers the sloppy-windows-1252 codec)

    text = ("café crème à la carte " * (n // 22 + 1))[:n]
    for _ in range(count):
        text = text.encode("utf-8").decode("sloppy-windows-1252")
    return text


def _lossy_shift_jis(n: int) -> str:
    """Japanese saved as Shift_JIS, read as Windows-1252 with the bytes it
    leaves undefined deleted, n characters of it on one line: a lost byte
    to put back every few characters."""
    text = ("東京都議会は火曜日、路線バスを増便する補正予算案を可決した。" * (n // 30 + 1))[:n]
    lost = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
    return bytes(b for b in text.encode("shift_jis") if b not in lost).decode("cp1252")


INPUTS: tuple[AdversarialInput, ...] = (
    AdversarialInput("'Ã a'*n", lambda n: "Ã a" * n),
    # Leads alone before a space, where the space was no no-break space
    # (``D1 A0`` is no letter text uses), each a word to look up in the
    # lists of every language of the script.
    AdversarialInput("'Ñ a'*n", lambda n: "Ñ a" * n),
    AdversarialInput("'Ã'*n", lambda n: "Ã" * n),
    AdversarialInput("'â€'*n", lambda n: "â€" * n),
    AdversarialInput("'ÐŸÑ'*n", lambda n: "ÐŸÑ" * n),
    AdversarialInput("'Ð'*n", lambda n: "Ð" * n),
    AdversarialInput("'ã¯'*n", lambda n: "ã¯" * n),
    AdversarialInput("'âwill '*n", lambda n: "âwill " * n),
    AdversarialInput("'Ã\\u0301'*n", lambda n: "Ã\u0301" * n),
    # Leads before U+FFFD in one word, and in many, for the pages that
    # leave bytes undefined to put back.
    AdversarialInput("'РџР\\ufffd'*n", lambda n: "РџР\ufffd" * n),
    AdversarialInput("'Ă\\ufffdĂ©'*n", lambda n: "Ă\ufffdĂ©" * n),
    AdversarialInput("'ΞΊΟ\\ufffdΞ± '*n", lambda n: "ΞΊΟ\ufffdΞ± " * n),
    AdversarialInput("'РРІ'*n", lambda n: "РРІ" * n),
    AdversarialInput("'ΞΊΟΞ± '*n", lambda n: "ΞΊΟΞ± " * n),
    # Greek capitals that lost a byte each, four to a word: more ways to put
    # them back than are weighed whole.
    AdversarialInput(
        "'Ξ\\ufffdΞ•Ξ\\ufffdΞ\\ufffdΞ™Ξ\\ufffdΞ— '*n",
        lambda n: "Ξ\ufffdΞ•Ξ\ufffdΞ\ufffdΞ™Ξ\ufffdΞ— " * n,
    ),
    # A line each, a byte dropped and one lost that no dropped byte explains.
    AdversarialInput("'РРІР°РЅ ѕ\\n'*n", lambda n: "РРІР°РЅ ѕ\n" * n),
    AdversarialInput("'\\x93'*n", lambda n: "\x93" * n, scale=40),
    AdversarialInput("'a\\x85'*n", lambda n: "a\x85" * n, scale=40),
    # Mac OS Roman words read as Latin-1, every word's page to decide.
    AdversarialInput("'caf\\x8e cr\\x8fme '*n", lambda n: "caf\x8e cr\x8fme " * n, scale=4),
    AdversarialInput("6 layers of n*40 chars", _layers, scale=40),
    # Korean dates in EUC-KR read as Latin-1: pairs parted by numbers, each
    # a wake of the East Asian reader.
    AdversarialInput("'2024³â 1¿ù 5ÀÏ '*n", lambda n: "2024³â 1¿ù 5ÀÏ " * n),
    # A page of KOI8-R read as Latin-1, read whole by one legacy page.
    AdversarialInput(
        "'íïóë÷á, 9 ÑÎ× - òéá îÏ×ÏÓÔÉ. '*n",
        lambda n: "íïóë÷á, 9 ÑÎ× - òéá îÏ×ÏÓÔÉ. " * n,
    ),
    AdversarialInput("Shift_JIS that lost bytes, n*4 chars", _lossy_shift_jis, scale=4),
    # UTF-16 read as Latin-1, a unit at a time; the UTF-8 signature shown
    # through Windows-1252, heading every line and in a row.
    AdversarialInput("'a\\x00é\\x00 \\x00'*n", lambda n: "a\x00é\x00 \x00" * n, scale=4),
    AdversarialInput("'ï»¿a\\n'*n", lambda n: "ï»¿a\n" * n, scale=4),
    AdversarialInput("'ï»¿'*n", lambda n: "ï»¿" * n, scale=4),
    AdversarialInput(
        "clean line (n*600 chars) + 'cafÃ©'",
        lambda n: _clean_line(n) + " cafÃ©",
        scale=600,
        warm_up=80_000,
    ),
    AdversarialInput(
        "clean line (n*10k chars) + 'cafÃ©'",
        lambda n: _clean_line(n) + " cafÃ©",
        scale=10_000,
        warm_up=80_000,
    ),
    AdversarialInput(
        "'&eacute; ' + '?'*n*100",
        lambda n: "&eacute; " + "?" * n,
        enable=("html-entities",),
        scale=100,
    ),
    AdversarialInput(
        "'&eacute; a?b=c '*n*10",
        lambda n: "&eacute; a?b=c " * n,
        enable=("html-entities",),
        scale=10,
    ),
    AdversarialInput(
        "'&eacute; ' + 'a'*n*100",
        lambda n: "&eacute; " + "a" * n,
        enable=("html-entities",),
        scale=100,
    ),
)


def _measure_one(name: str, n: int, rounds: int) -> None:
    """In the child: print the size in characters, in UTF-8 bytes, and the best time."""
    import mojibake_fix

    [spec] = [spec for spec in INPUTS if spec.name == name]
    text = spec.build(n * spec.scale)
    mojibake_fix.fix(spec.build(spec.warm_up), enable=list(spec.enable))  # lazy tables load
    best = math.inf
    for _ in range(rounds):
        started = time.perf_counter()
        mojibake_fix.fix(text, enable=list(spec.enable))
        best = min(best, time.perf_counter() - started)
    print(len(text), len(text.encode("utf-8")), best)


@dataclass(frozen=True, slots=True)
class Timing:
    """One input at one size: characters, UTF-8 bytes, best seconds (None: over budget)."""

    n: int
    chars: int
    size_bytes: int
    seconds: float | None


def _time_in_child(name: str, n: int, rounds: int, budget: float) -> Timing:
    command = [sys.executable, __file__, "--child", name, "--n", str(n), "--rounds", str(rounds)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=budget, check=True)
    except subprocess.TimeoutExpired:
        return Timing(n, 0, 0, None)
    chars, size_bytes, seconds = done.stdout.split()
    return Timing(n, int(chars), int(size_bytes), float(seconds))


def _row(name: str, timings: list[Timing]) -> str:
    cells = [
        f"{t.chars:,} ch: {t.seconds:.3f} s" if t.seconds is not None else "over budget"
        for t in timings
    ]
    cells += [""] * (3 - len(cells))
    measured = [t for t in timings if t.seconds is not None]
    largest = measured[-1] if measured else None
    rate = ""
    fast_enough = "no"
    if largest is not None and largest.seconds is not None:
        per_mb = largest.seconds / (largest.size_bytes / 1e6)
        rate = f"{largest.size_bytes / 1e6 / max(largest.seconds, 1e-9):.3g}"
        fast_enough = "yes" if per_mb <= SECONDS_PER_MB and len(measured) == 3 else "no"
    exponent, linear = "", "no"
    if len(measured) == 3 and measured[1].seconds and measured[2].seconds:
        growth = math.log2(measured[2].seconds / measured[1].seconds)
        exponent = f"{growth:.2f}"
        linear = "yes" if growth <= LINEAR_EXPONENT else "no"
    return (
        f"| {name} | " + " | ".join(cells) + f" | {rate} | {exponent} | {linear} | {fast_enough} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=250, help="smallest size (default 250)")
    parser.add_argument("--budget", type=float, default=10.0, help="seconds per input and size")
    parser.add_argument("--rounds", type=int, default=3, help="calls per size; the best counts")
    parser.add_argument("--only", action="append", help="run only inputs whose name has this")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        _measure_one(args.child, args.n, args.rounds)
        return
    print("| input | n | 2n | 4n | MB/s, largest | exponent | linear | ≤ 1 s/MB |")
    print("|---|---|---|---|---:|---:|---|---|")
    for spec in INPUTS:
        if args.only and not any(word in spec.name for word in args.only):
            continue
        timings: list[Timing] = []
        for n in (args.n, 2 * args.n, 4 * args.n):
            timing = _time_in_child(spec.name, n, args.rounds, args.budget)
            timings.append(timing)
            if timing.seconds is None:
                break
        print(_row(spec.name, timings), flush=True)


if __name__ == "__main__":
    main()
