"""How often bytes decode to the text their authors wrote: mojibake_fix beside
chardet 7 and charset-normalizer alone.

    .venv/bin/python benchmarks/decoding.py [--by encoding|family] [--markdown]

On every chardet 5.2.0 test page and every charset-normalizer sample with a
known encoding (mojibake_fix.external.encoded_texts), whole files and single
lines (each file's first line of 40 to 300 characters that is not all ASCII,
encoded alone). A decoding is right when its text equals the text the true
encoding gives. Counts per encoding, or per family of encodings, and in total.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from mojibake_fix import external
from mojibake_fix.decoding_accuracy import DECODERS, Row, by_family, tally


def table(title: str, rows: Sequence[Row], markdown: bool) -> str:
    names = list(DECODERS)
    if markdown:
        lines = [
            f"| {title} | samples | " + " | ".join(names) + " |",
            "|---|--:|" + "--:|" * len(names),
        ]
        for row in rows:
            counts = " | ".join(str(row.right[name]) for name in names)
            label = f"**{row.label}**" if row.label == "total" else row.label
            lines.append(f"| {label} | {row.samples} | {counts} |")
        return "\n".join(lines)
    lines = [f"{title:<18} {'samples':>7} " + " ".join(f"{name:>18}" for name in names)]
    for row in rows:
        counts = " ".join(f"{row.right[name]:>18}" for name in names)
        lines.append(f"{row.label:<18} {row.samples:>7} {counts}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--by", choices=("encoding", "family"), default="encoding")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    args = parser.parse_args(argv)
    for lines in (False, True):
        rows = tally(external.encoded_texts(lines=lines))
        total = by_family(rows)
        shown = [*sorted(rows, key=lambda row: row.label), total[-1]]
        if args.by == "family":
            shown = total
        print(table("lines" if lines else "files", shown, args.markdown))
        print()


if __name__ == "__main__":
    main()
