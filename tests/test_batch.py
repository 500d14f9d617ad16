"""The batch API: fix_many and fix_records, and per-record reports matching the CLI's.

The helpers at the top build a JSON Lines file from the corpus and run the
command line on it; the Ray and Dask tests compare their output with it.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterable
from itertools import count, islice
from pathlib import Path
from typing import Any

import pytest

import mojibake_fix
from mojibake_fix import fix, fix_many, fix_records, revert
from mojibake_fix.batch import FieldTypeError, join_report, record_report
from mojibake_fix.report import read_report

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "corpus" / "cases.jsonl"

# Keys of a change line that locate the change in the raw JSON line, which a
# parsed record (a Ray or Dask row) no longer has.
RAW_LINE_KEYS = ("source", "column", "fixed_column")


def _storable(text: str) -> bool:
    """Text Arrow and pandas can hold: no lone surrogates (they are not UTF-8)."""
    return not any(unicodedata.category(ch) == "Cs" for ch in text)


def corpus_records(step: int = 12, longest: int = 600) -> list[dict[str, Any]]:
    """Every ``step``-th corpus input of at most ``longest`` characters as a record
    (``id`` is its line in the file), with a record without text every 50 lines."""
    records: list[dict[str, Any]] = []
    for number, line in enumerate(CASES.read_text(encoding="utf-8").splitlines()):
        case = json.loads(line)
        text = case["input"]
        if number % step or len(text) > longest or not _storable(text):
            continue
        records.append({"id": 0, "family": case["family"], "text": text})
    for index in range(0, len(records), 50):
        records.insert(index, {"id": 0, "family": "none", "text": None})
    for line_number, record in enumerate(records, start=1):
        record["id"] = line_number
    return records


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    path.write_bytes(body.encode("utf-8"))
    return path


def cli() -> list[str]:
    found = shutil.which("mojibake-fix", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "mojibake_fix"]


def run_cli(source: Path, report: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The records and report lines of ``mojibake-fix fix SOURCE --field text``."""
    done = subprocess.run(
        [*cli(), "fix", str(source), "--field", "text", "--report", str(report)],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.split("\n") if line.strip()]
    return records, report_lines(report.read_text(encoding="utf-8"))


class CliRun:
    """A corpus JSON Lines file, its records, and what the command line made of it."""

    def __init__(self, directory: Path, records: list[dict[str, Any]]) -> None:
        self.records = records
        self.source = write_jsonl(directory / "in.jsonl", records)
        self.fixed, self.report = run_cli(self.source, directory / "r.jsonl")


@functools.cache
def _cli_run_in(base: Path) -> CliRun:
    directory = base / "cli-run"
    directory.mkdir()
    return CliRun(directory, corpus_records())


@pytest.fixture(scope="session")
def cli_run(tmp_path_factory: pytest.TempPathFactory) -> CliRun:
    """A few hundred corpus records repaired by ``mojibake-fix fix --field text``,
    made once per session for the batch, Ray and Dask tests (each module that
    imports this fixture gets its own copy of it, hence the cache)."""
    return _cli_run_in(tmp_path_factory.getbasetemp())


def report_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.split("\n") if line.strip()]


def comparable(lines: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The per-record lines of a JSON Lines report, without the keys that locate
    a change in the raw line, in record order."""
    kept = [
        {k: v for k, v in line.items() if line["type"] == "document" or k not in RAW_LINE_KEYS}
        for line in lines
        if line["type"] in ("change", "finding", "document")
    ]
    # Change and finding lines name their document; document lines are it.
    return sorted(kept, key=lambda line: str(line.get("document", line.get("id"))))


def assert_same_as_cli(
    rows: Iterable[dict[str, Any]], run: CliRun, report_key: str = "mojibake_report"
) -> None:
    """Rows (in any order) hold the CLI's repaired records and, joined, its report."""
    inputs, cli_records, cli_report = run.records, run.fixed, run.report
    ordered = sorted(rows, key=lambda row: int(row["id"]))
    assert [row["id"] for row in ordered] == [r["id"] for r in cli_records]
    for row, expected in zip(ordered, cli_records, strict=True):
        assert row["text"] == expected["text"], expected["id"]
        assert row["family"] == expected["family"]
    joined = join_report(row[report_key] for row in ordered)
    assert comparable(report_lines(joined)) == comparable(cli_report)
    # The joined report is a report: it reverts every repaired record.
    documents = {d.record: d for d in read_report(joined)}
    changed = 0
    for row, given in zip(ordered, inputs, strict=True):
        document = documents.get(int(row["id"]))
        if document is not None and document.changes:
            changed += 1
            assert revert(row["text"], document.changes) == given["text"]
    assert changed >= 5


# fix_many


def test_fix_many_gives_one_result_per_text_in_order() -> None:
    texts = ["cafÃ©", "", "plain", "â€œquotedâ€\x9d", "Ð\x9fÑ€Ð¸Ð²ÐµÑ‚", "\ud800 lone"]
    results = list(fix_many(texts))
    assert [r.text for r in results] == [fix(t).text for t in texts]
    assert [r.revert() for r in results] == texts


def test_fix_many_is_lazy_over_an_endless_iterable() -> None:
    endless = (f"caf{'Ã©' * (n % 3)} {n}" for n in count())
    first = list(islice(fix_many(endless), 5))
    assert [r.text for r in first] == [f"caf{'é' * (n % 3)} {n}" for n in range(5)]


def test_fix_many_in_worker_processes_keeps_order_and_results() -> None:
    texts = [f"{n}: cafÃ© â€œ{n}â€\x9d" if n % 3 else f"clean {n}" for n in range(40)]
    serial = list(fix_many(texts))
    parallel = list(fix_many(iter(texts), jobs=2, chunk_size=3))
    assert parallel == serial
    assert sum(r.changed for r in parallel) > 20


def test_fix_many_passes_options_through() -> None:
    text = "caf&eacute; cafÃ©"
    [default] = fix_many([text])
    [enabled] = fix_many([text], enable=["html-entities"])
    [strict] = fix_many([text], min_confidence=1.01)
    assert default == fix(text)
    assert enabled == fix(text, enable=["html-entities"])
    assert strict.text == text and not strict.changes


# fix_records


def test_fix_records_repairs_dotted_fields_without_touching_the_input() -> None:
    records: list[dict[str, Any]] = [
        {"id": 1, "text": "cafÃ©", "meta": {"title": "NaÃ¯ve", "n": 3}},
        {"id": 2, "text": "clean", "meta": {}},
        {"id": 3, "text": None},
    ]
    snapshot = json.dumps(records)
    out = list(fix_records(records, ["text", "meta.title"]))
    assert json.dumps(records) == snapshot
    assert [fixed for fixed, _ in out] == [
        {"id": 1, "text": "café", "meta": {"title": "Naïve", "n": 3}},
        {"id": 2, "text": "clean", "meta": {}},
        {"id": 3, "text": None},
    ]
    assert [sorted(results) for _, results in out] == [["meta.title", "text"], ["text"], []]
    assert out[0][1]["meta.title"].revert() == "NaÃ¯ve"


def test_fix_records_takes_a_key_with_a_dot_literally_when_present() -> None:
    [(fixed, results)] = fix_records([{"a.b": "cafÃ©", "a": {"b": "cafÃ©"}}], "a.b")
    assert fixed == {"a.b": "café", "a": {"b": "cafÃ©"}}
    assert list(results) == ["a.b"]


def test_fix_records_refuses_a_field_that_is_not_a_string() -> None:
    records = fix_records([{"text": "ok"}, {"text": 3}], ["text"])
    next(records)
    with pytest.raises(FieldTypeError, match=r"record 2: field 'text' is not a string \(int\)"):
        next(records)


def test_record_report_is_empty_for_a_clean_record() -> None:
    assert record_report({"text": fix("clean")}, path="a.jsonl", record=1) == ""


def test_record_reports_equal_the_cli_report_line_for_line(cli_run: CliRun) -> None:
    rows = []
    for fixed, results in fix_records(cli_run.records, ["text"]):
        path = str(cli_run.source)
        fixed["mojibake_report"] = record_report(results, path=path, record=fixed["id"])
        rows.append(fixed)
    assert_same_as_cli(rows, cli_run)


def test_comparison_only_leaves_out_where_a_change_sits_in_the_raw_line(tmp_path: Path) -> None:
    """The CLI's brief report differs from the batch one only in ``source``, given
    where the raw line writes the original otherwise than ``json.dumps`` does
    (escaped here), and that key really differs."""
    escaped = tmp_path / "in.jsonl"
    escaped.write_text(json.dumps({"id": 1, "text": "caf\u00c3\u00a9"}) + "\n", encoding="utf-8")
    _, cli_report = run_cli(escaped, tmp_path / "r.jsonl")
    [(_, results)] = fix_records([{"id": 1, "text": "caf\u00c3\u00a9"}], ["text"])
    batch = report_lines(record_report(results, path=str(escaped), record=1))
    [cli_change] = [line for line in cli_report if line["type"] == "change"]
    [batch_change] = [line for line in batch if line["type"] == "change"]
    differing = {
        k
        for k in cli_change.keys() | batch_change.keys()
        if cli_change.get(k) != batch_change.get(k)
    }
    assert differing == {"source"}
    assert cli_change["source"] == {"original": "\\u00c3\\u00a9"}


# the core stays light


def test_importing_the_package_loads_no_pipeline_library() -> None:
    heavy = ["pandas", "pyarrow", "ray", "dask", "distributed", "datatrove", "numpy"]
    code = (
        "import sys, mojibake_fix, mojibake_fix.batch;"
        f"print([m for m in {heavy!r} if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    assert "fix_many" in mojibake_fix.__all__ and "fix_records" in mojibake_fix.__all__
