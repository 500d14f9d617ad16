"""East Asian legacy text read as an 8-bit page, made of text nobody here wrote.

    .venv/bin/python benchmarks/cjk_legacy_set.py OUT.jsonl [--per-document N]
    .venv/bin/python -m mojibake_fix eval OUT.jsonl --compare none

chardet's test pages in the East Asian encodings (Shift_JIS, CP932, EUC-JP,
GB2312, Big5, EUC-KR, CP949 folders) are real Japanese, Chinese and Korean
web pages; :mod:`calibration_set` leaves them out, since its families are
made of text written in UTF-8 and single-byte pages. Each page is decoded with
the encoding its folder names and cut into paragraphs as the calibration set
cuts pages; ``corpus/generate.py``'s ``gen_cjk_legacy`` breaks each piece the
corpus's way (``cjk-legacy-as-8bit`` and ``cjk-legacy-as-8bit-lossy``), and
every piece is also a ``negative`` case that must come back unchanged.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import calibration_set

from mojibake_fix.external import unpacked

# chardet's folders of East Asian pages in an encoding Python reads.
FOLDERS = ("SHIFT_JIS", "CP932", "EUC-JP", "GB2312", "Big5", "EUC-KR", "CP949")
PER_DOCUMENT = 6


def east_asian_pages(per_document: int) -> Iterator[tuple[str, str, list[str]]]:
    """(document, language, pieces) for chardet's East Asian pages."""
    tests = unpacked("chardet") / "tests"
    for folder in FOLDERS:
        for path in sorted((tests / folder).iterdir()):
            try:
                text = path.read_bytes().decode(folder.lower().replace("-", "_"))
            except UnicodeDecodeError:
                continue
            markup = path.suffix in (".html", ".htm", ".xml")
            pieces = [
                piece
                for piece in calibration_set.paragraphs(text, markup)
                if calibration_set.usable(piece)
                and calibration_set.script_language(piece) in ("ja", "zh", "ko")
            ]
            if pieces:
                # Each piece's language is its script's (a Korean page quotes kana).
                yield (
                    f"chardet:{folder}/{path.name}",
                    "",
                    calibration_set.spread(pieces, per_document),
                )


def cases(per_document: int = PER_DOCUMENT) -> list[dict[str, Any]]:
    """The families of the pieces, then each piece as a ``negative`` case."""
    generate = calibration_set.load_generator()
    paras = dict(
        sorted(calibration_set.clean_texts(per_document, readers=(east_asian_pages,)).items())
    )
    corpus = generate.Corpus()
    generate.gen_cjk_legacy(corpus, paras, [])
    generate.gen_negative(corpus, [t for lang in sorted(paras) for t in paras[lang]])
    return list(corpus.cases)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="the cases as JSON Lines")
    parser.add_argument("--per-document", type=int, default=PER_DOCUMENT)
    args = parser.parse_args(argv)
    generate = calibration_set.load_generator()
    made = cases(args.per_document)
    with args.output.open("w", encoding="utf-8", newline="\n") as handle:
        for case in made:
            handle.write(generate.dump(case) + "\n")
    generate.print_counts(made)
    return 0


if __name__ == "__main__":
    sys.exit(main())
