"""The JSON Lines report, brief by default and full on request: its size per
change, what each form holds, the schema of both, and exact reverts from both."""

from __future__ import annotations

import io
import json
import os
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mojibake_fix
from mojibake_fix import fix
from mojibake_fix.report import (
    Document,
    edit_line,
    read_report,
    revert_file_text,
    schema,
    write_report,
)

from .test_cli import BROKEN, script

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "corpus" / "cases.jsonl"
SAMPLE = ROOT / "corpus" / "sample.txt"
PER_FAMILY = 20
POSITIONS = {"index", "end", "fixed_end", "byte_start", "byte_end", "line", "column"}
POSITIONS |= {"fixed_byte_start", "fixed_byte_end", "fixed_line", "fixed_column"}
WHERE = {"path", "record", "field"}


def run_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line run in ``folder``, so that paths are as short as a user's."""
    env = {**os.environ, "PYTHONPATH": str(Path(mojibake_fix.__file__).parents[1])}
    return subprocess.run(
        [*script(), *args], capture_output=True, text=True, encoding="utf-8", cwd=folder, env=env
    )


def lines_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


def families_file(folder: Path) -> Path:
    """A JSON Lines file of corpus cases, the first few of every family."""
    if not CASES.exists():
        pytest.skip("corpus/cases.jsonl is not there")
    by_family: dict[str, list[str]] = defaultdict(list)
    for line in CASES.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        family = by_family[case["id"].split("/")[0]]
        if len(family) < PER_FAMILY:
            family.append(json.dumps({"id": case["id"], "text": case["input"]}, ensure_ascii=False))
    assert len(by_family) >= 10
    path = folder / "families.jsonl"
    path.write_text("".join(line + "\n" for lines in by_family.values() for line in lines))
    return path


def fixed_with_report(folder: Path, source: Path, *extra: str) -> tuple[Path, Path]:
    """``fix SOURCE -o fixed --report report.jsonl`` (report-full.jsonl for the full form)."""
    form = "-full" if "full" in extra else ""
    fixed, report = folder / f"fixed{form}{source.suffix}", folder / f"report{form}.jsonl"
    args = ["fix", source.name, "-q", "-o", fixed.name, "--report", report.name, *extra]
    done = run_in(folder, *args)
    assert done.returncode == 0, done.stderr
    return fixed, report


def bytes_per_change(report: Path) -> float:
    changes = sum(1 for line in lines_of(report) if line["type"] == "change")
    assert changes > 0
    return report.stat().st_size / changes


def reverted(folder: Path, fixed: Path, report: Path) -> bytes:
    done = run_in(folder, "revert", fixed.name, "--report", report.name, "-o", "restored")
    assert done.returncode == 0, done.stderr
    return (folder / "restored").read_bytes()


@dataclass(frozen=True, slots=True)
class FamiliesRun:
    """One ``fix`` of the corpus families file, reported in both forms."""

    folder: Path
    source: Path
    brief: Path
    fixed_full: Path
    full: Path


@pytest.fixture(scope="module")
def families_run(tmp_path_factory: pytest.TempPathFactory) -> FamiliesRun:
    """The families file repaired once with each form of report: a run over
    every family is the one that tells sizes and schema, and takes seconds."""
    folder = tmp_path_factory.mktemp("families")
    source = families_file(folder)
    _, brief = fixed_with_report(folder, source, "--field", "text")
    fixed_full, full = fixed_with_report(
        folder, source, "--field", "text", "--report-detail", "full"
    )
    return FamiliesRun(folder, source, brief, fixed_full, full)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    source = tmp_path / "sample.txt"
    source.write_bytes(SAMPLE.read_bytes())
    return source


# --- size --------------------------------------------------------------------


def change_line_bytes(report: Path) -> float:
    sizes = [len(line.encode()) + 1 for line in report.read_text().split("\n")]
    changes = [
        size
        for size, line in zip(sizes, lines_of(report), strict=False)
        if line["type"] == "change"
    ]
    return sum(changes) / len(changes)


def test_a_default_report_takes_at_most_250_bytes_per_change(
    tmp_path: Path, sample: Path, families_run: FamiliesRun
) -> None:
    """The whole report (header, document, finding, file and summary lines
    included) takes at most 250 bytes a change on average; the full report of
    the same run is more than twice as large."""
    _, brief = fixed_with_report(tmp_path, sample)
    _, full = fixed_with_report(tmp_path, sample, "--report-detail", "full")
    for brief_report, full_report in ((brief, full), (families_run.brief, families_run.full)):
        brief_size = bytes_per_change(brief_report)
        assert change_line_bytes(brief_report) <= brief_size <= 250
        assert bytes_per_change(full_report) > 2 * brief_size


# --- what each form holds ----------------------------------------------------


def test_the_full_form_holds_the_positions_and_the_brief_form_does_not(
    tmp_path: Path, sample: Path
) -> None:
    _, brief = fixed_with_report(tmp_path, sample)
    brief_changes = [line for line in lines_of(brief) if line["type"] == "change"]
    _, full = fixed_with_report(tmp_path, sample, "--report-detail", "full")
    full_changes = [line for line in lines_of(full) if line["type"] == "change"]
    assert len(brief_changes) == len(full_changes) > 10
    text = sample.read_text(encoding="utf-8")
    data = sample.read_bytes()
    for brief_line, full_line in zip(brief_changes, full_changes, strict=True):
        assert not (POSITIONS | WHERE) & brief_line.keys()
        assert full_line.keys() >= POSITIONS | WHERE
        assert {k: full_line[k] for k in brief_line} == brief_line
        original = full_line["original"]
        assert data[full_line["byte_start"] : full_line["byte_end"]] == original.encode()
        line = text.split("\n")[full_line["line"] - 1]
        assert line[full_line["column"] - 1 :].startswith(original.split("\n")[0])
        assert full_line["path"] == "sample.txt"
    assert read_report(brief.read_text()) == read_report(full.read_text())


def test_brief_lines_are_compact_and_name_their_document(tmp_path: Path, sample: Path) -> None:
    _, brief = fixed_with_report(tmp_path, sample)
    text = brief.read_text(encoding="utf-8")
    assert '": ' not in text.replace('\\"', "") and '", "' not in text
    [document] = [line for line in lines_of(brief) if line["type"] == "document"]
    assert document["id"] == "sample.txt" and document["path"] == "sample.txt"
    assert {line["document"] for line in lines_of(brief) if line["type"] == "change"} == {
        "sample.txt"
    }


def test_check_and_detect_list_in_either_form(tmp_path: Path, sample: Path) -> None:
    for command in ("check", "detect"):
        shown = {"byte_start", "byte_end", "line", "column"} | WHERE
        for detail, wanted in (("brief", set()), ("full", shown)):
            args = [command, sample.name, "--output-format", "jsonl", "--output-detail", detail]
            done = run_in(tmp_path, *args)
            lines = [json.loads(line) for line in done.stdout.split("\n") if line]
            listed = [line for line in lines if line["type"] in ("change", "finding")]
            assert listed, command
            for line in listed:
                assert wanted <= line.keys() and (wanted or not shown & line.keys())


# --- the schema ----------------------------------------------------------------


@pytest.mark.parametrize("detail", ["brief", "full"])
def test_real_reports_of_both_forms_follow_the_schema(
    families_run: FamiliesRun, detail: str
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    report = families_run.brief if detail == "brief" else families_run.full
    definitions = schema()
    validator = jsonschema.Draft202012Validator(
        {"$defs": definitions["$defs"], "$ref": "#/$defs/jsonl_line"}
    )
    brief = jsonschema.Draft202012Validator(
        {"$defs": definitions["$defs"], "$ref": "#/$defs/brief_change"}
    )
    kinds = set()
    for line in lines_of(report):
        validator.validate(line)
        kinds.add(line["type"])
        if line["type"] == "change":
            assert brief.is_valid(line) or detail == "full"
            assert ("byte_start" in line) == (detail == "full")
    assert kinds == {"report", "change", "finding", "document", "file", "summary"}


def test_the_schema_refuses_a_brief_change_line_without_its_texts() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    definitions = schema()
    validator = jsonschema.Draft202012Validator(
        {"$defs": definitions["$defs"], "$ref": "#/$defs/jsonl_line"}
    )
    line = {"type": "change", "document": "a.txt", "start": 0, "fixed_start": 0}
    line |= {"original": "Ã©", "detector": "d", "confidence": 1.0, "reason": "r"}
    assert not validator.is_valid(line)
    assert validator.is_valid({**line, "replacement": "é"})


# --- reverting from a brief report -----------------------------------------------


def test_a_plain_file_with_a_lone_surrogate_and_an_invisible_character_reverts(
    tmp_path: Path,
) -> None:
    # Surrogates written as UTF-8 (CESU-8), a zero-width space inside a repair.
    data = b"smile " + "\ud83d\ude00".encode("utf-8", "surrogatepass")
    data += " caf\u00c3\u00a9\u200b ok\n".encode() + BROKEN.encode()
    source = tmp_path / "in.txt"
    source.write_bytes(data)
    fixed, report = fixed_with_report(tmp_path, source)
    changes = [line for line in lines_of(report) if line["type"] == "change"]
    assert any("original_escaped" in line for line in changes)
    assert any("\u200b" in line["original"] for line in changes)
    assert reverted(tmp_path, fixed, report) == data


def test_json_lines_fields_revert_from_a_brief_report(tmp_path: Path) -> None:
    records = [
        '{"id": 1, "text": "caf\u00c3\u00a9 and \u00e2\u20ac\u0153q\u00e2\u20ac\x9d"}',
        '{"id": 2, "text": "caf\\u00c3\\u00a9 \\ud83d\\ude00 \\/ ok", "n": 2}',
        '{"id":3,"text":"lone \\ud83d x \\u200b caf\u00c3\u00a9\u200b","text":"caf\u00c3\u00a9"}',
        '{"id": 4, "meta": {"title": "Na\u00c3\u00afve \u00e2\u20ac\u201c ok"}, "text": "clean"}',
        '{"id": 5, "text": "smile \xed\xa0\xbd\xed\xb8\x80 caf\u00c3\u00a9"}',
    ]
    data = b"".join(
        (line.encode("latin-1") if i == 4 else line.encode("utf-8")) + b"\n"
        for i, line in enumerate(records)
    )
    source = tmp_path / "in.jsonl"
    source.write_bytes(data)
    fixed, report = fixed_with_report(tmp_path, source, "--field", "text", "--field", "meta.title")
    lines = lines_of(report)
    changes = [line for line in lines if line["type"] == "change"]
    assert len(changes) >= 6
    assert any("\x9d" in line["original"] for line in changes)  # invisible
    assert any("original_escaped" in line for line in changes)  # lone surrogates
    # Only an original written otherwise than json.dumps writes it keeps its raw text.
    raw = [line["source"] for line in changes if "source" in line]
    assert raw and all(set(s) == {"original"} for s in raw)
    assert {"original": "\\u00c3\\u00a9"} in raw
    assert fixed.read_bytes() != data
    assert reverted(tmp_path, fixed, report) == data
    # The library reads the same documents back from the brief report.
    documents = read_report(report.read_text(encoding="utf-8"))
    assert {(d.record, d.field) for d in documents if d.changes} >= {(1, "text"), (4, "meta.title")}


def test_a_brief_report_of_another_file_is_refused(tmp_path: Path, sample: Path) -> None:
    fixed, report = fixed_with_report(tmp_path, sample)
    other = tmp_path / "other.txt"
    other.write_bytes(fixed.read_bytes().replace(b"e", b"E", 1))
    done = run_in(tmp_path, "revert", other.name, "--report", report.name, "-o", "out.txt")
    assert done.returncode == 2 and "does not match the report" in done.stderr
    assert not (tmp_path / "out.txt").exists()


def test_a_brief_report_cut_before_its_document_line_is_refused(
    tmp_path: Path, sample: Path
) -> None:
    _, report = fixed_with_report(tmp_path, sample)
    kept = [line for line in report.read_text().split("\n") if '"type":"document"' not in line]
    with pytest.raises(ValueError, match="no document line"):
        read_report("\n".join(kept))


@pytest.mark.parametrize("form", ["full", "version 1"])
def test_reports_in_the_earlier_forms_still_revert_json_lines_fields(
    tmp_path: Path, families_run: FamiliesRun, form: str
) -> None:
    """The full form is the line every report had before; a version 1 report is
    the same without ``file`` lines (so without the digests)."""
    source = tmp_path / families_run.source.name
    source.write_bytes(families_run.source.read_bytes())
    fixed = tmp_path / families_run.fixed_full.name
    fixed.write_bytes(families_run.fixed_full.read_bytes())
    report = tmp_path / families_run.full.name
    report.write_bytes(families_run.full.read_bytes())
    if form == "version 1":
        kept = []
        for line in lines_of(report):
            if line["type"] == "report":
                line["version"] = 1
            if line["type"] != "file":
                kept.append(json.dumps(line, ensure_ascii=False))
        report.write_text("\n".join(kept) + "\n", encoding="utf-8")
    assert reverted(tmp_path, fixed, report) == source.read_bytes()


def test_full_change_lines_are_the_json_reports_change_records(
    tmp_path: Path, sample: Path
) -> None:
    _, full = fixed_with_report(tmp_path, sample, "--report-detail", "full")
    done = run_in(tmp_path, "fix", sample.name, "-q", "-o", "out.txt", "--report", "r.json")
    assert done.returncode == 0, done.stderr
    [document] = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["documents"]
    where = {"document": document["id"]} | {k: document[k] for k in WHERE}
    changes = [line for line in lines_of(full) if line["type"] == "change"]
    assert changes == [{"type": "change", **where, **c} for c in document["changes"]]


PIECES = st.sampled_from(
    ["cafÃ©", "â€œhiâ€\x9d", "ÐŸÑ€Ð¸Ð²ÐµÑ‚", " ", "\\", '"', "\n", "\x1b", "\u2028", "/", "\u200b"]
)


@given(
    st.lists(PIECES, max_size=6).map("".join),
    st.lists(PIECES, max_size=6).map("".join),
    st.booleans(),
    st.sampled_from([(", ", ": "), (",", ":")]),
    st.booleans(),
)
def test_a_brief_report_rebuilds_any_json_line_exactly(
    text: str,
    other: str,
    ascii_only: bool,
    separators: tuple[str, str],
    slashes: bool,
) -> None:
    """Whatever escapes the line uses (ASCII only, ``\\/``), the brief report's
    change lines, read back, rebuild the raw line byte for byte."""
    line = json.dumps(
        {"n": 1, "text": text, "other": other}, ensure_ascii=ascii_only, separators=separators
    )
    if slashes:
        line = line.replace("/", "\\/")
    results = {"text": fix(json.loads(line)["text"]), "other": fix(json.loads(line)["other"])}
    fixed, edits = edit_line(line, results)
    documents = [
        Document("a.jsonl", result, 1, name, edits[name], json_field=True)
        for name, result in results.items()
        if result.changes
    ]
    stream = io.StringIO()
    write_report(documents, stream, "jsonl")
    assert revert_file_text(fixed, read_report(stream.getvalue())) == line
