"""The console script, driven in a subprocess as a user would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BROKEN = "The cafÃ© is â€œopenâ€\x9d\nA clean line.\nÐŸÑ€Ð¸Ð²ÐµÑ‚\n"
FIXED = "The café is “open”\nA clean line.\nПривет\n"


def script() -> list[str]:
    found = shutil.which("mojibake-fix", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "mojibake_fix"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*script(), *args], input=stdin, capture_output=True, text=True, encoding="utf-8"
    )


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def test_fix_reads_stdin_and_writes_stdout() -> None:
    done = run("fix", stdin=BROKEN)
    assert done.returncode == 0, done.stderr
    assert done.stdout == FIXED


def test_python_dash_m_is_the_same_command(tmp_path: Path) -> None:
    source = write(tmp_path / "in.txt", BROKEN)
    done = subprocess.run(
        [sys.executable, "-m", "mojibake_fix", "fix", str(source)],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 0 and done.stdout == FIXED


def test_fix_to_output_with_report_then_revert_gives_the_original_bytes(tmp_path: Path) -> None:
    source = write(tmp_path / "in.txt", BROKEN)
    output, report = tmp_path / "out.txt", tmp_path / "report.json"
    done = run("fix", str(source), "-o", str(output), "--report", str(report))
    assert done.returncode == 0, done.stderr
    assert output.read_text(encoding="utf-8") == FIXED
    saved = json.loads(report.read_text(encoding="utf-8"))
    changes = saved["documents"][0]["changes"]
    assert [c["replacement"] for c in changes] == ["é", "“", "”", "Привет"]
    restored = tmp_path / "restored.txt"
    done = run("revert", str(output), "--report", str(report), "-o", str(restored))
    assert done.returncode == 0, done.stderr
    assert restored.read_bytes() == source.read_bytes()


def test_text_report_names_path_line_and_column(tmp_path: Path) -> None:
    source = write(tmp_path / "in.txt", BROKEN)
    done = run("fix", str(source), "--report", "-")
    assert done.stdout == FIXED
    lines = done.stderr.splitlines()
    assert lines[0] == f"{source}:1:8: utf8-as-cp1252 'Ã©' → 'é' ({lines[0].split('(')[1]}"
    assert lines[-1].startswith(f"{source}:3:1: ")


def test_in_place_rewrites_only_changed_files(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.txt", BROKEN)
    clean = write(tmp_path / "clean.txt", FIXED)
    before = clean.stat().st_mtime_ns
    done = run("fix", "--in-place", str(broken), str(clean))
    assert done.returncode == 0 and done.stdout == ""
    assert broken.read_text(encoding="utf-8") == FIXED
    assert clean.stat().st_mtime_ns == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.txt", "clean.txt"]


def test_json_lines_field(tmp_path: Path) -> None:
    lines = [
        {"id": 1, "text": "cafÃ©", "other": "cafÃ©"},
        {"id": 2, "text": "clean"},
    ]
    source = write(tmp_path / "in.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    done = run("fix", str(source), "--field", "text")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert records[0] == {"id": 1, "text": "café", "other": "cafÃ©"}
    assert records[1] == {"id": 2, "text": "clean"}


def test_check_exit_codes(tmp_path: Path) -> None:
    assert run("check", str(write(tmp_path / "a.txt", BROKEN))).returncode == 1
    assert run("check", str(write(tmp_path / "b.txt", FIXED))).returncode == 0


@pytest.mark.parametrize(
    "args, content, message",
    [
        (["fix", "{dir}/missing.txt"], None, "missing.txt: no such file"),
        (["fix", "{dir}/bad.jsonl", "--field", "text"], '{"text": "ok"}\n{oops\n', "bad.jsonl:2:"),
        (["fix", "{dir}/bad.jsonl", "--field", "text"], '{"text": 3}\n', "bad.jsonl:1:"),
        (["fix", "{dir}/bad.jsonl"], "\x00\x01binary", "binary"),
        (["fix", "--no-such-option"], None, "unrecognized arguments"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, args: list[str], content: str | None, message: str
) -> None:
    if content is not None:
        write(tmp_path / "bad.jsonl", content)
    done = run(*[arg.format(dir=tmp_path) for arg in args])
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert message in done.stderr
    assert "Traceback" not in done.stderr
