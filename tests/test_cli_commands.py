"""fix, check, detect, explain through the console script: exit codes, diffs, listings."""

from __future__ import annotations

import json
from pathlib import Path

from .test_cli import BROKEN, FIXED, run, write


def test_check_exit_codes_and_listing(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.txt", BROKEN)
    clean = write(tmp_path / "clean.txt", FIXED)
    done = run("check", str(broken))
    assert done.returncode == 1
    assert done.stdout.startswith(f"{broken}:1:8: utf8-as-cp1252 'Ã©' → 'é'")
    done = run("check", str(clean))
    assert (done.returncode, done.stdout) == (0, "")
    assert run("check", str(tmp_path / "missing.txt")).returncode == 2


def test_check_output_format_json_lists_changes(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.txt", BROKEN)
    done = run("check", str(broken), "--output-format", "json")
    assert done.returncode == 1
    assert json.loads(done.stdout)["summary"]["changes"] == 4


def test_fix_diff_prints_a_unified_diff_and_writes_nothing(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.txt", BROKEN)
    for writing in ("--in-place", "-o"):
        target = [str(tmp_path / "out.txt")] if writing == "-o" else []
        refused = run("fix", "--diff", writing, *target, str(broken))
        assert refused.returncode == 2 and "--diff" in refused.stderr
    assert not (tmp_path / "out.txt").exists()
    done = run("fix", "--diff", str(broken))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"--- a/{broken}\n+++ b/{broken}\n@@ -1,3 +1,3 @@\n")
    assert "-The cafÃ© is" in done.stdout and "+The café is “open”\n" in done.stdout
    assert broken.read_text(encoding="utf-8") == BROKEN


def test_check_diff_of_json_lines_has_a_hunk_per_changed_record(tmp_path: Path) -> None:
    lines = ['{"t": "clean"}', '{"t": "cafÃ©"}', '{"t": "ok"}', '{"t": "Ã©tÃ©"}']
    source = write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
    done = run("check", "--diff", "--field", "t", str(source))
    assert done.returncode == 1
    hunks = [line for line in done.stdout.splitlines() if line.startswith("@@")]
    assert hunks == ["@@ -2,1 +2,1 @@", "@@ -4,1 +4,1 @@"]
    assert '+{"t": "été"}' in done.stdout


def test_detect_lists_findings_without_changing_the_file(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.txt", BROKEN)
    done = run("detect", str(broken))
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    assert first.startswith(f"{broken}:1:8: ") and '"Ã©" → "é"' in first
    assert broken.read_text(encoding="utf-8") == BROKEN
    done = run("detect", str(broken), "--output-format", "jsonl")
    kinds = [json.loads(line)["type"] for line in done.stdout.splitlines()]
    assert "finding" in kinds and "change" not in kinds


def test_explain_shows_offsets_detectors_and_ranked_candidates() -> None:
    done = run("explain", "The cafÃ© is")
    assert done.returncode == 0, done.stderr
    assert 'output: "The café is"' in done.stdout
    assert '7:9 "Ã©" → "é"  utf8-as-cp1252  confidence' in done.stdout
    assert "(applied)" in done.stdout


def test_explain_json_and_stdin() -> None:
    done = run("explain", "--json", stdin="cafÃ©")
    body = json.loads(done.stdout)
    assert body["output"] == "café"
    assert body["findings"][0]["start"] == 3 and body["findings"][0]["applied"] is True
    assert all("alternatives" in f for f in body["findings"])
    clean = json.loads(run("explain", "--json", "plain text").stdout)
    assert clean["findings"] == [] and clean["output"] == "plain text"


def test_quiet_means_nothing_on_stderr(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.txt", BROKEN)
    for args in (["fix", "-q", str(broken)], ["check", "-q", str(broken)]):
        done = run(*args)
        assert done.stderr == ""
    assert run("check", "-q", str(broken)).stdout == ""
