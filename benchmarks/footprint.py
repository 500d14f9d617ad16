"""Cold start and memory of mojibake_fix.fix: what a fresh worker pays.

    .venv/bin/python benchmarks/footprint.py [--languages 30] [--megabytes 50] [--only PART]

Three parts, each in fresh child processes, so nothing loaded by one counts for another:

- ``cold``: per language, for a clean text, a text as UTF-8 read as Windows-1252 and one
  that lost Windows-1252's undefined bytes (the longest of each, from the calibration
  set's external pages, ``calibration_set.py``, and corpus/cases.jsonl), the import and the
  first call in a new process, then the same call again (warm);
- ``rss``: one process repairs a text of every family in --languages languages (the
  languages with the most cases first): its resident memory before, after, and at peak;
- ``record``: one record of --megabytes MB of UTF-8 (the paragraphs of corpus/clean/,
  one a line, one in 50 read as Windows-1252), repaired and its changes read: the peak
  resident memory above that of the process holding the text and the word lists its
  languages need (loaded by repairing its first 2,000 paragraphs alone), per input byte.

Not a test: timings and sizes depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import calibration_set

from mojibake_fix.evaluation import Case, read_cases

ROOT = Path(__file__).resolve().parents[1]
COLD_FAMILIES = ("negative", "utf8-as-cp1252", "lossy-undefined-dropped")
COLD_LIMIT_MS = 150
RSS_LIMIT_MB = 250
BYTES_PER_BYTE_LIMIT = 10

# Run in a child: the import, the first call and a warm call, in milliseconds.
_COLD = """
import sys, time
text = sys.stdin.read()
start = time.perf_counter()
import mojibake_fix
imported = time.perf_counter()
mojibake_fix.fix(text)
first = time.perf_counter()
mojibake_fix.fix(text)
warm = time.perf_counter()
print((imported - start) * 1e3, (first - imported) * 1e3, (warm - first) * 1e3)
"""

# Run in a child: resident memory (current and peak, MB) around repairing every text.
_RSS = """
import json, resource, sys
def current():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20
texts = json.load(sys.stdin)
import mojibake_fix
before = current()
for text in texts:
    mojibake_fix.fix(text).changes
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(before, current(), peak)
"""

# Run in a child: peak resident memory (MB) once the record is built, and after its repair.
_RECORD = """
import random, resource, sys
from pathlib import Path
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
import mojibake_fix
mojibake_fix.fix("caf\\u00c3\\u00a9 \\u00e2\\u20ac\\u0153x\\u00e2\\u20ac\\u009d")  # tables load
paragraphs = [
    line
    for path in sorted(Path(sys.argv[1]).glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if len(line) > 40
]
rng, pieces, size = random.Random(1), [], 0
while size < int(sys.argv[2]):
    piece = rng.choice(paragraphs)
    if len(pieces) % 50 == 0:
        piece = piece.encode("utf-8").decode("cp1252", errors="replace")
    pieces.append(piece)
    size += len(piece.encode("utf-8")) + 1
for piece in pieces[:2000]:  # the word lists its languages need load here
    mojibake_fix.fix(piece)
text = "\\n".join(pieces)
del pieces
size = len(text.encode("utf-8"))
holding = peak()
result = mojibake_fix.fix(text)
changes = len(result.changes)
print(size, len(text), holding, peak(), changes)
"""


def child(code: str, *args: str, stdin: str = "") -> list[float]:
    completed = subprocess.run(
        [sys.executable, "-c", code, *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
        errors="surrogatepass",
    )
    return [float(value) for value in completed.stdout.split()]


def cases_by_language() -> dict[str, dict[str, list[Case]]]:
    found: dict[str, dict[str, list[Case]]] = defaultdict(lambda: defaultdict(list))
    readers = (calibration_set.chardet_pages, calibration_set.charset_normalizer_samples)
    external = calibration_set.cases(4, readers=readers)
    for case in (*external, *read_cases(ROOT / "corpus" / "cases.jsonl")):
        if "\ud800" <= max(case.input) <= "\udfff" or case.language == "und":
            continue  # a lone surrogate cannot go through a pipe
        found[case.language][case.family].append(case)
    return found


def largest(cases: dict[str, dict[str, list[Case]]], count: int) -> list[str]:
    """The ``count`` languages with the most cases."""
    sizes = {lang: sum(map(len, families.values())) for lang, families in cases.items()}
    return sorted(sizes, key=lambda lang: (-sizes[lang], lang))[:count]


def cold(cases: dict[str, dict[str, list[Case]]], languages: list[str]) -> None:
    print("| language | text | chars | import ms | first call ms | warm call ms |")
    print("|---|---|---:|---:|---:|---:|")
    worst = 0.0
    for lang in sorted(languages):
        for family in COLD_FAMILIES:
            found = cases[lang].get(family)
            if not found:
                continue
            text = max(found, key=lambda case: len(case.input)).input
            imported, first, warm = child(_COLD, stdin=text)
            worst = max(worst, first)
            print(
                f"| {lang} | {family} | {len(text)} | {imported:.0f} | {first:.0f} | {warm:.1f} |"
            )
    verdict = "met" if worst <= COLD_LIMIT_MS else "not met"
    print(f"\nslowest first call: {worst:.0f} ms (target <= {COLD_LIMIT_MS} ms: {verdict})\n")


def rss(cases: dict[str, dict[str, list[Case]]], languages: list[str]) -> None:
    texts = [family_cases[0].input for lang in languages for family_cases in cases[lang].values()]
    before, after, peak = child(_RSS, stdin=json.dumps(texts))
    verdict = "met" if peak <= RSS_LIMIT_MB else "not met"
    print(
        f"{len(texts)} texts in {len(languages)} languages: RSS {before:.0f} MB after the import, "
        f"{after:.0f} MB after, peak {peak:.0f} MB (target <= {RSS_LIMIT_MB} MB: {verdict})\n"
    )


def record(megabytes: int) -> None:
    size, chars, holding, peak, changes = child(
        _RECORD, str(ROOT / "corpus" / "clean"), str(megabytes * 10**6)
    )
    per_byte = (peak - holding) * 2**20 / size
    verdict = "met" if per_byte <= BYTES_PER_BYTE_LIMIT else "not met"
    print(
        f"one record of {size / 1e6:.1f} MB ({chars / 1e6:.1f} M characters, {changes:.0f} "
        f"changes): peak RSS {holding:.0f} MB holding it, {peak:.0f} MB after its repair: "
        f"{per_byte:.1f} bytes per input byte (target <= {BYTES_PER_BYTE_LIMIT}: {verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--languages", type=int, default=30)
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--only", choices=("cold", "rss", "record"))
    args = parser.parse_args()
    if args.only in (None, "cold", "rss"):
        cases = cases_by_language()
        languages = largest(cases, args.languages)
        if args.only in (None, "cold"):
            cold(cases, languages)
        if args.only in (None, "rss"):
            rss(cases, languages)
    if args.only in (None, "record"):
        record(args.megabytes)


if __name__ == "__main__":
    main()
