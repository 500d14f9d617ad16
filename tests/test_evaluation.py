"""The evaluation command: its edit distance, its counting, and the CLI around it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mojibake_fix.evaluation import (
    CorpusError,
    clip_to_difference,
    edit_distance,
    evaluate,
    read_cases,
)


def reference_distance(a: str, b: str) -> int:
    """The textbook O(n·m) dynamic programme, to check the fast one against."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("", "", 0),
        ("", "abc", 3),
        ("abc", "", 3),
        ("kitten", "sitting", 3),
        ("flaw", "lawn", 2),
        ("intention", "execution", 5),
        ("cafÃ©", "café", 2),
        ("â€œquoteâ€\x9d", "“quote”", 6),
        ("Ïðèâåò", "Привет", 6),
        ("ab", "ba", 2),
        ("😀x", "x😀", 2),
    ],
)
def test_edit_distance_known_values(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance
    assert edit_distance(b, a) == distance


# A small alphabet makes shared characters (and hence the tricky DP paths) likely.
small_text = st.text(alphabet="abcÃé€\x9d😀", max_size=12)


@given(small_text, small_text)
def test_edit_distance_matches_reference(a: str, b: str) -> None:
    assert edit_distance(a, b) == reference_distance(a, b)


@given(st.text(max_size=80), st.text(max_size=80))
def test_edit_distance_symmetric_and_zero_iff_equal(a: str, b: str) -> None:
    assert edit_distance(a, b) == edit_distance(b, a)
    assert (edit_distance(a, b) == 0) == (a == b)
    assert abs(len(a) - len(b)) <= edit_distance(a, b) <= max(len(a), len(b))


@given(small_text, small_text, small_text)
def test_edit_distance_triangle_inequality(a: str, b: str, c: str) -> None:
    assert edit_distance(a, c) <= edit_distance(a, b) + edit_distance(b, c)


@given(st.text(alphabet="abcd", min_size=65, max_size=200), st.integers(0, 64))
def test_edit_distance_beyond_one_machine_word(text: str, cut: int) -> None:
    changed = text[:cut] + "x" + text[cut + 1 :][::-1]
    assert edit_distance(text, changed) == reference_distance(text, changed)


TINY_CORPUS = [
    {
        "id": "fixed",
        "input": "Le cafÃ© est ouvert.",
        "expected": "Le café est ouvert.",
        "family": "utf8-as-cp1252",
        "language": "fr",
        "source": "test",
        "note": "",
    },
    {
        # Not mojibake of anything we repair: the expected text is out of reach.
        "id": "missed",
        "input": "The cafe is open.",
        "expected": "The café is open.",
        "family": "utf8-as-cp1252",
        "language": "en",
        "source": "test",
        "note": "accent lost, not mojibake",
    },
    {
        "id": "clean",
        "input": "Привет, мир! Ελληνικά και 日本語。",
        "expected": "Привет, мир! Ελληνικά και 日本語。",
        "family": "negative",
        "language": "mul",
        "source": "test",
        "note": "",
    },
]


def write_corpus(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text(
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records),
        encoding="utf-8",
    )
    return path


def test_counts_per_family(tmp_path: Path) -> None:
    cases = read_cases(write_corpus(tmp_path / "cases.jsonl", TINY_CORPUS))
    report = evaluate(cases, tools=[("identity", lambda text: text)])
    rows = {row.family: row for row in report.rows}
    assert list(rows) == ["utf8-as-cp1252", "negative", "total (mojibake)", "total"]

    mojibake = rows["utf8-as-cp1252"]
    assert (mojibake.cases, mojibake.exact, mojibake.unchanged) == (2, 1, 1)
    assert mojibake.expected_chars == len("Le café est ouvert.") + len("The café is open.")
    assert mojibake.edits_before == 2 + 1
    assert mojibake.edits_after == 1
    assert mojibake.cer_after() == pytest.approx(1 / mojibake.expected_chars)
    (identity,) = mojibake.others
    assert (identity.name, identity.exact, identity.edits_after) == ("identity", 0, 3)

    negative = rows["negative"]
    assert (negative.cases, negative.exact, negative.unchanged) == (1, 1, 1)
    assert negative.edits_before == negative.edits_after == 0

    assert rows["total"].cases == 3
    assert rows["total"].exact == 2
    assert rows["total (mojibake)"].cases == 2
    assert report.negatives_changed == 0
    assert report.revert_failures == 0
    assert report.errors == 0


def test_a_changed_negative_is_counted(tmp_path: Path) -> None:
    negative = {**TINY_CORPUS[0], "id": "neg", "family": "negative"}
    negative["expected"] = negative["input"]
    report = evaluate(read_cases(write_corpus(tmp_path / "c.jsonl", [negative])))
    (row, _total) = report.rows
    assert (row.family, row.cases, row.unchanged, row.exact) == ("negative", 1, 0, 0)
    assert report.negatives_changed == 1


def test_read_cases_splits_records_at_newlines_only(tmp_path: Path) -> None:
    texts = ["a\x85b", "c\u2028d\u2029e", "f\x1cg\x1dh\x1ei\x0bj\x0ck\rl"]
    records = [{"input": t, "expected": t, "family": "negative"} for t in texts]
    cases = read_cases(write_corpus(tmp_path / "c.jsonl", records))
    assert [case.input for case in cases] == texts
    assert [case.id for case in cases] == ["line-1", "line-2", "line-3"]


def test_read_cases_rejects_bad_lines(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"input": "a", "expected": "a"}\n{not json\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"bad\.jsonl:2"):
        read_cases(bad)
    missing = tmp_path / "missing.jsonl"
    missing.write_text('{"input": "a"}\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="expected"):
        read_cases(missing)
    with pytest.raises(CorpusError, match="no such file"):
        read_cases(tmp_path / "absent.jsonl")


def test_clip_to_difference_keeps_the_differing_span() -> None:
    before = "x" * 100 + "Ã©" + "y" * 100
    after = "x" * 100 + "é" + "y" * 100
    clipped = clip_to_difference([before, after], context=3)
    assert clipped == ["…xxxÃ©yyy…", "…xxxéyyy…"]
    assert clip_to_difference(["same", "same"], context=3) == ["same", "same"]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mojibake_fix", "eval", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_cli_prints_the_table(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "cases.jsonl", TINY_CORPUS)
    done = run_cli(str(corpus), "--strict", "--failures", "5")
    assert done.returncode == 0, done.stderr
    header = done.stdout.splitlines()[0]
    assert header.startswith("| family | cases | exact (ours) | exact (ftfy) |")
    assert "CER before" in header
    assert "unchanged %" in header
    assert "| negative | 1 | 100.0% |" in done.stdout
    assert "id missed" in done.stdout
    assert "id fixed" not in done.stdout


def test_cli_json_and_family_filter(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "cases.jsonl", TINY_CORPUS)
    done = run_cli(str(corpus), "--format", "json", "--family", "negative", "--compare", "none")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [row["family"] for row in report["families"]] == ["negative", "total"]
    assert report["families"][0]["unchanged"] == 1
    assert report["tools"] == {}


def test_cli_strict_fails_on_a_changed_negative(tmp_path: Path) -> None:
    negative = {**TINY_CORPUS[0], "family": "negative"}
    negative["expected"] = negative["input"]
    corpus = write_corpus(tmp_path / "cases.jsonl", [negative])
    assert run_cli(str(corpus), "--compare", "none").returncode == 0
    assert run_cli(str(corpus), "--compare", "none", "--strict").returncode == 1


def test_cli_bad_corpus_is_exit_2(tmp_path: Path) -> None:
    done = run_cli(str(tmp_path / "absent.jsonl"))
    assert done.returncode == 2
    assert done.stderr.startswith("mojibake-fix: error:")
    assert "Traceback" not in done.stderr
