"""East Asian legacy text read as an 8-bit page, made of text nobody here wrote.

    .venv/bin/python benchmarks/cjk_legacy_set.py OUT.jsonl [--per-document N]
    .venv/bin/python -m mojibake_fix eval OUT.jsonl --compare none
    .venv/bin/python benchmarks/cjk_legacy_set.py --calibration

With ``--calibration`` it prints ``cjk-legacy``'s lines of
``src/mojibake_fix/calibration.tsv``: its changes on the fitting half of these
cases (split by source document as the calibration set splits), judged and
fitted as ``scripts/make_calibration.py`` judges and fits, and how right its
calibrated confidences are on the held-out half. The calibration set itself
holds no East Asian legacy text, so the detector's map comes from here.

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


def calibration_lines(per_document: int = PER_DOCUMENT) -> list[str]:
    """The detector's lines of calibration.tsv, fitted on the fitting half;
    prints its reliability on the held-out half."""
    import calibration as bench

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import make_calibration

    from mojibake_fix.calibration import read_table
    from mojibake_fix.detectors.cjk_legacy import DETECTOR_ID
    from mojibake_fix.evaluation import Case

    made = [
        Case(c["id"], c["input"], c["expected"], c["family"], c["language"], c["source"])
        for c in cases(per_document)
    ]
    judged = [j for j in bench.judged_set(made) if j.detector == DETECTOR_ID]
    fitting = [j for j in judged if j.split == calibration_set.FIT]
    # Blocks whose mean scores round alike are one point, the later one's.
    points = {
        f"{b.score:.4f}": f"{DETECTOR_ID}\t{b.score:.4f}\t{b.probability:.4f}\t{b.weight:.0f}"
        for b in make_calibration.fit(fitting)
    }
    lines = list(points.values())
    curve = read_table(lines)[DETECTOR_ID]
    held_out = [j for j in judged if j.split == calibration_set.HELD_OUT]
    pairs = [(curve(j.raw), j.right) for j in held_out]
    print(
        f"# fitted on {len(fitting)} changes; held out: {len(held_out)} changes,"
        f" {sum(j.right for j in held_out)} right,"
        f" ECE {bench.expected_calibration_error(pairs):.3f}",
        file=sys.stderr,
    )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, nargs="?", help="the cases as JSON Lines")
    parser.add_argument("--per-document", type=int, default=PER_DOCUMENT)
    parser.add_argument(
        "--calibration", action="store_true", help="print the detector's calibration lines"
    )
    args = parser.parse_args(argv)
    if args.calibration:
        print("\n".join(calibration_lines(args.per_document)))
        return 0
    if args.output is None:
        parser.error("give an output file or --calibration")
    generate = calibration_set.load_generator()
    made = cases(args.per_document)
    with args.output.open("w", encoding="utf-8", newline="\n") as handle:
        for case in made:
            handle.write(generate.dump(case) + "\n")
    generate.print_counts(made)
    return 0


if __name__ == "__main__":
    sys.exit(main())
