"""Throughput of mojibake_fix.fix beside ftfy and plsfix, in one run, on the same documents.

    .venv/bin/python benchmarks/speed.py [--rounds N] [--per-family N] [--per-document N]

Three sources of documents:

- ``external``: text nobody here wrote, chardet 5.2.0's test pages decoded and
  charset-normalizer's samples (about 40 encodings, 30 languages), cut into paragraphs of
  at most 600 characters and broken by ``corpus/generate.py``'s family functions, exactly as
  the calibration set makes them (``calibration_set.py``);
- ``pages``: those pages whole and clean, one call a page;
- ``corpus``: the project's own cases, ``corpus/cases.jsonl``.

One call per document. The family ``negative`` is the clean text: timed whole and also
shown per language; a family of more than --per-family documents is sampled evenly. Each
family is timed with every tool in turn, round after round (the tools interleaved, so a
busy machine slows all of them alike); a document's time is its best of the rounds, the
first of which also warms up lazy tables and word lists. Printed: per source and family,
our Mchar/s, our slowest document and how many times faster than each tool we are (below
1: slower); the same per language for the clean text; and the slowest documents of at most
2,000 characters. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import ftfy

sys.path.insert(0, str(Path(__file__).resolve().parent))

import calibration_set

import mojibake_fix
from mojibake_fix.evaluation import enabled_for, read_cases
from mojibake_fix.external import chardet_pages, charset_normalizer_samples

ROOT = Path(__file__).resolve().parents[1]
OURS = "mojibake_fix.fix"
CLEAN = "negative"
SLOWEST_SHOWN = 15
LONGEST_TIMED = 2000  # characters: the slowest documents are reported up to this length

Repair = Callable[[str], object]


@dataclass(frozen=True, slots=True)
class Document:
    """One call's input, with where it came from."""

    source: str
    family: str
    language: str
    case_id: str
    text: str
    enable: tuple[str, ...]


def documents(per_document: int) -> list[Document]:
    external = calibration_set.cases(
        per_document,
        readers=(calibration_set.chardet_pages, calibration_set.charset_normalizer_samples),
    )
    corpus = read_cases(ROOT / "corpus" / "cases.jsonl")
    pages = [
        Document(
            "pages", CLEAN, page.language.lower() or "?", f"{page.set_name}/{number}", page.text, ()
        )
        for number, page in enumerate((*chardet_pages(), *charset_normalizer_samples()))
    ]
    return pages + [
        Document(source, case.family, case.language, case.id, case.input, enabled_for(case))
        for source, cases in (("external", external), ("corpus", corpus))
        for case in cases
    ]


def sampled(docs: list[Document], count: int) -> list[Document]:
    """At most ``count`` of ``docs``, evenly spaced, in order."""
    if len(docs) <= count:
        return docs
    return [docs[i * len(docs) // count] for i in range(count)]


def peers() -> dict[str, Repair]:
    tools: dict[str, Repair] = {
        "ftfy.fix_text": ftfy.fix_text,
        "ftfy.fix_encoding": ftfy.fix_encoding,
    }
    try:
        import plsfix

        tools["plsfix.fix_text"] = plsfix.fix_text
    except ImportError:
        pass
    return tools


def ours_for(doc: Document) -> Repair:
    return (
        functools.partial(mojibake_fix.fix, enable=doc.enable) if doc.enable else mojibake_fix.fix
    )


def time_each(repairs: Sequence[Repair], texts: Sequence[str]) -> list[float]:
    """Seconds per text, one call each; a tool that raises counts the time it took."""
    taken: list[float] = []
    for repair, text in zip(repairs, texts, strict=True):
        start = time.perf_counter()
        with contextlib.suppress(Exception):  # plsfix cannot encode lone surrogates
            repair(text)
        taken.append(time.perf_counter() - start)
    return taken


@dataclass(frozen=True, slots=True)
class Timed:
    """Each tool's best time per document of one group, over the rounds."""

    docs: list[Document]
    seconds: dict[str, list[float]]

    def total(self, tool: str, indices: Sequence[int] | None = None) -> float:
        times = self.seconds[tool]
        return sum(times[i] for i in indices) if indices is not None else sum(times)


def timed(docs: list[Document], tools: dict[str, Repair], rounds: int) -> Timed:
    texts = [doc.text for doc in docs]
    calls = {
        name: [ours_for(doc) for doc in docs] if name == OURS else [tool] * len(docs)
        for name, tool in tools.items()
    }
    best = {name: [float("inf")] * len(docs) for name in tools}
    for _ in range(rounds):  # the first round also warms up
        for name, repairs in calls.items():
            for i, seconds in enumerate(time_each(repairs, texts)):
                best[name][i] = min(best[name][i], seconds)
    return Timed(docs, best)


def ratio_cells(timing: Timed, names: Sequence[str], indices: Sequence[int] | None = None) -> str:
    ours = timing.total(OURS, indices)
    return " | ".join(f"{timing.total(name, indices) / ours:.2f}" for name in names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--per-family", type=int, default=200)
    parser.add_argument("--per-document", type=int, default=4)
    args = parser.parse_args()
    tools: dict[str, Repair] = {OURS: mojibake_fix.fix, **peers()}
    names = [name for name in tools if name != OURS]
    groups: dict[tuple[str, str], list[Document]] = defaultdict(list)
    for doc in documents(args.per_document):
        groups[doc.source, doc.family].append(doc)

    header = "| source | family | docs | chars | ours Mchar/s | ours slowest, ms (document) |"
    times_faster = " | ".join(f"× {name}" for name in names)
    print(f"{header} {times_faster} |")
    print("|---|---|---:|---:|---:|---:|" + "---:|" * len(names))
    timings: dict[tuple[str, str], Timed] = {}
    for key in sorted(groups):
        count = len(groups[key]) if key[1] == CLEAN else args.per_family
        timing = timings[key] = timed(sampled(groups[key], count), tools, args.rounds)
        chars = sum(len(doc.text) for doc in timing.docs)
        ours = timing.total(OURS)
        worst = max(range(len(timing.docs)), key=timing.seconds[OURS].__getitem__)
        print(
            f"| {key[0]} | {key[1]} | {len(timing.docs)} | {chars} | {chars / ours / 1e6:.2f} "
            f"| {timing.seconds[OURS][worst] * 1e3:.1f} ({timing.docs[worst].case_id}) "
            f"| {ratio_cells(timing, names)} |",
            flush=True,
        )

    print(f"\n| clean text, language | docs | chars | ours Mchar/s | {times_faster} |")
    print("|---|---:|---:|---:|" + "---:|" * len(names))
    for source in ("pages", "external", "corpus"):
        timing = timings[source, CLEAN]
        by_language: dict[str, list[int]] = defaultdict(list)
        for i, doc in enumerate(timing.docs):
            by_language[doc.language].append(i)
        for language, indices in sorted(by_language.items()):
            chars = sum(len(timing.docs[i].text) for i in indices)
            mchars = chars / timing.total(OURS, indices) / 1e6
            print(
                f"| {source} {language} | {len(indices)} | {chars} | {mchars:.2f} "
                f"| {ratio_cells(timing, names, indices)} |"
            )

    print(f"\n| slowest documents of <= {LONGEST_TIMED} characters | chars | ours ms |")
    print("|---|---:|---:|")
    slowest = sorted(
        (
            (seconds, doc)
            for timing in timings.values()
            for doc, seconds in zip(timing.docs, timing.seconds[OURS], strict=True)
            if len(doc.text) <= LONGEST_TIMED
        ),
        key=lambda pair: -pair[0],
    )
    for seconds, doc in slowest[:SLOWEST_SHOWN]:
        print(f"| {doc.source} {doc.case_id} | {len(doc.text)} | {seconds * 1e3:.1f} |")


if __name__ == "__main__":
    main()
