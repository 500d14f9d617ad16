"""revert writes nothing unless the report is of this file and its changes fit:
lengths and SHA-256 recorded by fix, offsets that agree, JSON that is not a
trap; and a Result's dict survives JSON exactly."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mojibake_fix import changes_from_dict, fix, revert

from .test_cli import BROKEN, run, write


def fixed_with_report(tmp_path: Path, name: str = "in.txt") -> tuple[Path, Path]:
    source = write(tmp_path / name, BROKEN)
    fixed, report = tmp_path / f"fixed-{name}", tmp_path / f"{name}.report.json"
    done = run("fix", str(source), "-o", str(fixed), "--report", str(report))
    assert done.returncode == 0, done.stderr
    return fixed, report


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One fixed file and its report, shared: each test edits a copy of the report."""
    return fixed_with_report(tmp_path_factory.mktemp("made"))


@pytest.fixture
def fixed_and_report(made: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    fixed, report = made
    copy = tmp_path / report.name
    copy.write_bytes(report.read_bytes())
    return fixed, copy


def refused(done: Any, *wanted: str) -> None:
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("mojibake-fix: error: "), done.stderr
    assert all(part in lines[0] for part in wanted), done.stderr


def edited(report: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    saved = json.loads(report.read_text(encoding="utf-8"))
    change(saved)
    report.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    return report


def test_the_report_records_each_file_length_and_sha256(tmp_path: Path) -> None:
    fixed, report = fixed_with_report(tmp_path)
    saved = json.loads(report.read_text(encoding="utf-8"))
    [entry] = saved["files"]
    assert saved["version"] == 2
    assert entry["length"] == len(BROKEN.encode()) and entry["fixed_length"] == fixed.stat().st_size
    restored = tmp_path / "restored.txt"
    assert run("revert", str(fixed), "--report", str(report), "-o", str(restored)).returncode == 0
    assert restored.read_bytes() == BROKEN.encode()


def test_a_report_of_other_files_is_refused(tmp_path: Path) -> None:
    first = write(tmp_path / "a.txt", BROKEN)
    second = write(tmp_path / "b.txt", "Ã©tÃ©\n")
    report = tmp_path / "r.jsonl"
    done = run("fix", str(first), str(second), "--report", str(report))
    assert done.returncode == 0, done.stderr
    third = write(tmp_path / "c.txt", BROKEN)
    out = tmp_path / "out.txt"
    refused(run("revert", str(third), "--report", str(report), "-o", str(out)), "nothing")
    assert not out.exists()


def test_a_report_of_one_file_applied_to_another_is_refused(
    tmp_path: Path, made: tuple[Path, Path]
) -> None:
    _, report = made
    other = write(tmp_path / "other.txt", "The café is “open”\nA clean line.\nПривет!\n")
    out = tmp_path / "out.txt"
    refused(run("revert", str(other), "--report", str(report), "-o", str(out)), "does not match")
    assert not out.exists()


def _same_length_original(saved: dict[str, Any]) -> None:
    change = saved["documents"][0]["changes"][0]
    change["original"] = change["original_escaped"] = change["original"][::-1]


def _longer_original(saved: dict[str, Any]) -> None:
    change = saved["documents"][0]["changes"][0]
    change["original"] = change["original_escaped"] = change["original"] + "x"


def _inserted(saved: dict[str, Any]) -> None:
    changes = saved["documents"][0]["changes"]
    changes.insert(1, dict(changes[1]))


def _deleted(saved: dict[str, Any]) -> None:
    del saved["documents"][0]["changes"][1]


@pytest.mark.parametrize(
    "change",
    [_same_length_original, _longer_original, _inserted, _deleted],
    ids=lambda f: f.__name__,
)
def test_an_edited_report_is_refused_and_nothing_written(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], fixed_and_report: tuple[Path, Path]
) -> None:
    fixed, report = fixed_and_report
    out = tmp_path / "out.txt"
    refused(run("revert", str(fixed), "--report", str(edited(report, change)), "-o", str(out)))
    assert not out.exists()


def _version_1(saved: dict[str, Any]) -> None:
    saved["version"] = 1
    del saved["files"]


def test_a_version_1_report_is_still_read_and_its_offsets_checked(
    tmp_path: Path, fixed_and_report: tuple[Path, Path]
) -> None:
    fixed, report = fixed_and_report
    edited(report, _version_1)
    done = run("revert", str(fixed), "--report", str(report))
    assert done.returncode == 0, done.stderr
    assert done.stdout == BROKEN
    out = tmp_path / "out.txt"
    refused(run("revert", str(fixed), "--report", str(edited(report, _deleted)), "-o", str(out)))
    assert not out.exists()


def test_a_json_lines_file_that_changed_since_its_report_is_refused(tmp_path: Path) -> None:
    lines = [{"id": n, "text": "cafÃ©" if n % 2 else "clean"} for n in range(6)]
    source = write(tmp_path / "in.jsonl", "".join(json.dumps(r) + "\n" for r in lines))
    fixed, report = tmp_path / "fixed.jsonl", tmp_path / "r.jsonl"
    done = run("fix", str(source), "--field", "text", "-o", str(fixed), "--report", str(report))
    assert done.returncode == 0, done.stderr
    assert '"type":"file"' in report.read_text(encoding="utf-8")
    restored = tmp_path / "restored.jsonl"
    assert run("revert", str(fixed), "--report", str(report), "-o", str(restored)).returncode == 0
    assert restored.read_bytes() == source.read_bytes()
    with fixed.open("a", encoding="utf-8") as more:
        more.write('{"id": 6, "text": "added later"}\n')
    out = tmp_path / "out.jsonl"
    refused(run("revert", str(fixed), "--report", str(report), "-o", str(out)), "does not match")
    assert not out.exists()


def test_a_deeply_nested_report_is_one_line(tmp_path: Path, made: tuple[Path, Path]) -> None:
    fixed, _ = made
    report = write(tmp_path / "deep.json", "[" * 100_000 + "]" * 100_000)
    refused(run("revert", str(fixed), "--report", str(report)), "nested too deeply")


def test_a_deeply_nested_json_lines_record_is_one_line(tmp_path: Path) -> None:
    source = write(tmp_path / "in.jsonl", '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    refused(run("fix", str(source), "--field", "text"), "in.jsonl:1", "nested too deeply")


@pytest.mark.parametrize(
    "text",
    ["x\ud83d\ude00 cafÃ©", "Ã\ud83d\ude00", "cafÃ© \ud800 lone", "\udce9tÃ© \U0001f600"],
)
def test_the_dict_round_trip_through_json_is_exact(text: str) -> None:
    result = fix(text)
    assert result.changes
    saved = json.loads(json.dumps(result.to_dict()))
    assert revert(result.text, changes_from_dict(saved)) == text


def test_a_dict_whose_surrogate_pair_json_joined_is_refused() -> None:
    result = fix("x\ud83d\ude00 cafÃ©")
    saved = json.loads(json.dumps(result.to_dict()))
    for change in saved["changes"]:
        change.pop("original_escaped", None)
    with pytest.raises(ValueError, match="surrogate pair"):
        changes_from_dict(saved)
