"""A repair does not depend on unrelated text around it: each corpus case,
framed by a clean line in another language and script, is repaired as it is
alone, and the clean line is left as it was.

The whole corpus takes minutes (scripts/context_independence.py runs it and
counts the cases that differ, by family); the suite checks a deterministic
sample: the cases whose id hashes to 0 modulo :data:`SAMPLE_EVERY`. The lossy
cases are also checked beside a line in the same script and another language.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from mojibake_fix import fix
from mojibake_fix.evaluation import Case, read_cases
from mojibake_fix.surroundings import UNREPAIRED_FAMILIES, framed, scripts_of, unrelated_line

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_EVERY = 40
FRAMING_LANGUAGES = ("en", "ja", "ru")


def _lines() -> dict[str, list[str]]:
    return {
        lang: (ROOT / "corpus" / "clean" / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        for lang in FRAMING_LANGUAGES
    }


def _sample() -> list[tuple[Case, str]]:
    lines = _lines()
    sample = []
    for case in read_cases(ROOT / "corpus" / "cases.jsonl"):
        if case.family in UNREPAIRED_FAMILIES:
            continue
        if zlib.crc32(case.id.encode("utf-8")) % SAMPLE_EVERY:
            continue
        line = unrelated_line(case, lines)
        if line is not None:
            sample.append((case, line))
    return sample


SAMPLE = _sample()


def test_the_sample_covers_every_repair_family_checked() -> None:
    families = {case.family for case, _ in SAMPLE}
    assert {"lossy-c1-stripped", "lossy-truncated", "lossy-undefined-dropped"} <= families
    assert len(SAMPLE) >= 40


@pytest.mark.parametrize(("case", "line"), SAMPLE, ids=[case.id for case, _ in SAMPLE])
def test_a_repair_is_the_same_with_an_unrelated_line_before_and_after(
    case: Case, line: str
) -> None:
    assert not scripts_of(line) & scripts_of(case.expected)
    framing = framed(case, line)
    assert framing.before == line + "\n" + framing.alone
    assert framing.after == framing.alone + "\n" + line


def _same_script_sample() -> list[tuple[Case, str]]:
    """Latin-script cases of the lossy families, one in :data:`SAMPLE_EVERY` / 4,
    each with an English line (a German one for English cases): the
    same script, another language."""
    lines = _lines()
    lines["de"] = (ROOT / "corpus" / "clean" / "de.txt").read_text(encoding="utf-8").splitlines()
    sample = []
    for case in read_cases(ROOT / "corpus" / "cases.jsonl"):
        if not case.family.startswith("lossy-") or scripts_of(case.expected) != {"Latin"}:
            continue
        key = zlib.crc32(case.id.encode("utf-8"))
        if key % (SAMPLE_EVERY // 4):
            continue
        pool = lines["de" if case.language == "en" else "en"]
        sample.append((case, pool[key % len(pool)]))
    return sample


SAME_SCRIPT = _same_script_sample()


@pytest.mark.parametrize(("case", "line"), SAME_SCRIPT, ids=[case.id for case, _ in SAME_SCRIPT])
def test_a_lossy_repair_is_the_same_beside_a_line_in_another_language(
    case: Case, line: str
) -> None:
    alone = fix(case.input).text
    assert fix(line + "\n" + case.input).text == line + "\n" + alone
    assert fix(case.input + "\n" + line).text == alone + "\n" + line


def test_a_line_cut_short_is_repaired_as_a_field_cut_short() -> None:
    """A cut character at the end of a line is dropped as at the end of the
    text, whatever line follows."""
    cut = "Construit en 1890, le pont relie les deux rives. Il est trÃ"
    framing = framed(Case("cut", cut, "", "lossy-truncated", "fr"), "Привет, мир.")
    assert framing.alone.endswith("Il est tr")
    assert not framing.differs


def test_a_code_page_repair_is_the_same_with_a_japanese_line_before() -> None:
    """The runs of a line are weighed by what the page explains in the lines
    that may be one document with it, not by a line of another script."""
    cases = read_cases(ROOT / "corpus" / "cases.jsonl")
    case = next(case for case in cases if case.id == "lossy-c1-stripped/fr/0002")
    line = unrelated_line(case, _lines())
    assert line is not None and scripts_of(line) == {"Han"}
    assert not framed(case, line).differs


@pytest.mark.parametrize(
    "case_id",
    [
        "utf8-as-cp1250/cs/0008",
        "utf8-as-cp1257/lt/0011",
        "utf8-as-iso-8859-15/de/0003",
        "utf8-as-koi8-r/fr/0000",
    ],
)
def test_a_line_one_code_page_explains_is_read_whole_beside_another_script(case_id: str) -> None:
    """A line that reads whole in one code page is repaired in one piece when
    a line that page cannot show (Russian beside Windows-1250, Japanese beside
    the others) or that it explains only by accident (Russian beside KOI8-R,
    where ``сё`` reads as UTF-8) stands beside it, and each change is undone
    exactly."""
    case = next(case for case in read_cases(ROOT / "corpus" / "cases.jsonl") if case.id == case_id)
    line = unrelated_line(case, _lines())
    assert line is not None
    assert not framed(case, line).differs
    for text in (line + "\n" + case.input, case.input + "\n" + line):
        result = fix(text)
        assert result.revert() == text
        assert len({change.detector for change in result.changes}) == 1
