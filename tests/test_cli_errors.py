"""Bad input through the console script: one line naming file and line, exit 2,
nothing written; or, with --skip-errors, reported, counted and passed through."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from .test_cli import BROKEN, FIXED, run, script, write


def run_bytes(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*script(), *args], capture_output=True)


GOOD_LINE = '{"text": "cafÃ©"}'
CASES = {
    "bad JSON": (
        '{"text": "cafÃ©"}\n{oops\n'.encode(),
        ["--field", "text"],
        "in.jsonl:2: not valid JSON",
    ),
    "not a string": (
        b'{"text": ["x"]}\n',
        ["--field", "text"],
        "in.jsonl:1: field 'text' is not a string",
    ),
    "not an object": (b"[1, 2]\n", ["--field", "text"], "in.jsonl:1: not a JSON object"),
    "undecodable": (
        b'{"text": "ok"}\n{"text": "caf\xe9"}\n',
        ["--field", "text", "--encoding", "utf-8"],
        "in.jsonl:2: not valid UTF-8",
    ),
    "binary": (b"\x00\x01\x02binary", [], "in.jsonl: binary file"),
}


def one_error_line(done_stderr: str, message: str) -> None:
    lines = done_stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in done_stderr


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_one_line_exit_2_and_nothing_written(tmp_path: Path, name: str) -> None:
    data, args, message = CASES[name]
    source = tmp_path / "in.jsonl"
    source.write_bytes(data)
    for extra in ([], ["--in-place"], ["-o", str(tmp_path / "out.jsonl")]):
        done = run("fix", str(source), *args, *extra)
        assert done.returncode == 2 and done.stdout == ""
        one_error_line(done.stderr, message)
        assert source.read_bytes() == data
        assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


@pytest.mark.parametrize("name", ["bad JSON", "not a string", "not an object", "undecodable"])
def test_skip_errors_counts_and_passes_records_through(tmp_path: Path, name: str) -> None:
    data, args, message = CASES[name]
    source = tmp_path / "in.jsonl"
    source.write_bytes(data + GOOD_LINE.encode() + b"\n")
    done = run_bytes("fix", str(source), *args, "--skip-errors")
    stderr = done.stderr.decode()
    assert done.returncode == 0, stderr
    assert message in stderr and "1 bad input(s) skipped" in stderr
    out = done.stdout
    expected_bad = data.replace(b'"caf\xc3\x83\xc2\xa9"', b'"caf\xc3\xa9"')
    assert out == expected_bad + '{"text": "café"}\n'.encode()


def test_skip_errors_counts_several_and_skips_files(tmp_path: Path) -> None:
    source = write(tmp_path / "in.jsonl", '{oops\n{"text": 3}\n' + GOOD_LINE + "\n")
    binary = tmp_path / "bin.jsonl"
    binary.write_bytes(b"\x00\x00\x00")
    missing = tmp_path / "missing.jsonl"
    done = run(
        "fix",
        str(source),
        str(binary),
        str(missing),
        "--field",
        "text",
        "--skip-errors",
        "--in-place",
    )
    assert done.returncode == 0, done.stderr
    assert "4 bad input(s) skipped" in done.stderr
    assert "missing.jsonl: no such file" in done.stderr and "bin.jsonl: binary file" in done.stderr
    assert source.read_text(encoding="utf-8") == '{oops\n{"text": 3}\n{"text": "café"}\n'
    assert binary.read_bytes() == b"\x00\x00\x00"


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    done = run("fix", str(tmp_path / "missing.txt"))
    assert done.returncode == 2
    one_error_line(done.stderr, "missing.txt: no such file")
    done = run("fix", str(tmp_path / "nothing"), "--skip-errors")
    assert done.returncode == 0 and "no such file" in done.stderr
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return  # root reads every file
    locked = write(tmp_path / "locked.txt", BROKEN)
    locked.chmod(0)
    done = run("fix", str(locked))
    assert done.returncode == 2
    one_error_line(done.stderr, "locked.txt: cannot read")


def test_a_failure_midway_leaves_every_input_as_it_was(tmp_path: Path) -> None:
    first = write(tmp_path / "a.jsonl", GOOD_LINE + "\n")
    second = write(tmp_path / "b.jsonl", GOOD_LINE + "\n{oops\n")
    report = tmp_path / "r.json"
    for jobs in ("1", "2"):
        done = run(
            "fix",
            "--in-place",
            "--field",
            "text",
            "--jobs",
            jobs,
            "--report",
            str(report),
            str(first),
            str(second),
        )
        assert done.returncode == 2
        one_error_line(done.stderr, "b.jsonl:2: not valid JSON")
        assert first.read_text(encoding="utf-8") == GOOD_LINE + "\n"
        assert second.read_text(encoding="utf-8") == GOOD_LINE + "\n{oops\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "b.jsonl"]


def test_plain_text_failure_midway_with_in_place(tmp_path: Path) -> None:
    first = write(tmp_path / "a.txt", BROKEN)
    second = tmp_path / "b.txt"
    second.write_bytes(b"\x00binary")
    done = run("fix", "--in-place", str(first), str(second))
    assert done.returncode == 2
    assert first.read_text(encoding="utf-8") == BROKEN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
    done = run("fix", "--in-place", "--skip-errors", str(first), str(second))
    assert done.returncode == 0
    assert first.read_text(encoding="utf-8") == FIXED and second.read_bytes() == b"\x00binary"


def test_option_errors_exit_2(tmp_path: Path) -> None:
    a, b = write(tmp_path / "a.txt", BROKEN), write(tmp_path / "b.txt", BROKEN)
    for args in (
        ["fix", str(a), str(b), "-o", str(tmp_path / "o.txt")],
        ["fix", "--in-place", "-"],
        ["fix", str(a), "--backup", ".bak"],
        ["fix", str(a), "--jobs", "0"],
        ["fix", str(a), "--field", "t", "--column", "c"],
    ):
        done = run(*args)
        assert done.returncode == 2, args
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
