"""Count, by family, the corpus cases whose repair changes when an unrelated
clean line (Japanese, Russian or English, in another language and script)
is put before or after them.

    python scripts/context_independence.py [corpus/cases.jsonl] [--show N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from mojibake_fix.evaluation import read_cases
from mojibake_fix.surroundings import UNREPAIRED_FAMILIES, framed, unrelated_line

ROOT = Path(__file__).resolve().parents[1]
FRAMING_LANGUAGES = ("en", "ja", "ru")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", default=str(ROOT / "corpus" / "cases.jsonl"))
    parser.add_argument("--show", type=int, default=0, help="cases to show a family")
    args = parser.parse_args()
    lines = {
        lang: (ROOT / "corpus" / "clean" / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        for lang in FRAMING_LANGUAGES
    }
    started = time.perf_counter()
    counts: dict[str, list[int]] = {}
    shown: dict[str, int] = {}
    for case in read_cases(args.corpus):
        if case.family in UNREPAIRED_FAMILIES:
            continue
        line = unrelated_line(case, lines)
        if line is None:
            continue
        framing = framed(case, line)
        tally = counts.setdefault(case.family, [0, 0, 0])
        tally[0] += 1
        tally[1] += framing.differs_before
        tally[2] += framing.differs_after
        if framing.differs and shown.get(case.family, 0) < args.show:
            shown[case.family] = shown.get(case.family, 0) + 1
            print(f"{case.id}: alone {framing.alone[:120]!r}")
            if framing.differs_before:
                print(f"  before: {framing.before[len(line) + 1 :][:120]!r}")
            if framing.differs_after:
                print(f"  after:  {framing.after[:120]!r}")
    print("| family | cases | differ with a line before | differ with a line after |")
    print("|---|---:|---:|---:|")
    for family in sorted(counts):
        total, before, after = counts[family]
        print(f"| {family} | {total} | {before} | {after} |")
    total = [sum(column) for column in zip(*counts.values(), strict=True)]
    print(f"| total | {total[0]} | {total[1]} | {total[2]} |")
    print(f"{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
