"""What a run says: a closing summary, a progress bar with a total, a diff whose
invisible characters show, clear errors for what is not text, whole JSON error
sentences, and an HTML report that shows controls instead of writing them."""

from __future__ import annotations

import io
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

import mojibake_fix
from mojibake_fix import report
from mojibake_fix.cli import main

from .test_cli import BROKEN, run, script, write


def test_fix_and_check_close_with_a_summary_line(tmp_path: Path) -> None:
    first = write(tmp_path / "a.txt", BROKEN)
    second = write(tmp_path / "b.txt", "clean\n")
    done = run("fix", str(first), str(second))
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(
        r"mojibake-fix: repaired 2 files \(1 changed\), 2 records, 4 changes in \d+\.\d\d s\n",
        done.stderr,
    )
    done = run("check", str(first))
    assert done.returncode == 1
    assert done.stderr.startswith("mojibake-fix: checked 1 file (1 to change), 1 record, 4 changes")
    assert run("check", "--quiet", str(first)).stderr == ""


def test_the_progress_bar_has_a_total_when_the_size_is_known(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path / "in.jsonl", '{"text": "cafÃ©"}\n' * 50)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    out = tmp_path / "out.jsonl"
    assert main(["fix", str(source), "--field", "text", "-o", str(out)]) == 0
    assert source.stat().st_size == 1000
    assert "| 0.00/1.00k [" in capsys.readouterr().err  # read so far / the total


def test_diff_shows_invisible_characters_escaped(tmp_path: Path) -> None:
    source = write(tmp_path / "in.txt", "x\u00a0y\u200b caf\u00c3\u00a9\n")
    done = run("fix", "--diff", "-q", str(source))
    assert done.returncode == 0, done.stderr
    assert "-x\\u00a0y\\u200b cafÃ©\n" in done.stdout
    assert "+x\\u00a0y\\u200b café\n" in done.stdout


def _on_a_terminal(*args: str, env: dict[str, str]) -> str:
    """What the CLI writes to standard output when that is a terminal (a pty)."""
    main_end, terminal = pty.openpty()
    try:
        done = subprocess.run(
            [*script(), *args], stdout=terminal, stderr=subprocess.PIPE, env=env, timeout=120
        )
        assert done.returncode == 0, done.stderr
        os.close(terminal)
        terminal = -1
        chunks = []
        while True:
            try:
                chunk = os.read(main_end, 65536)
            except OSError:  # the terminal closed: all is read
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    finally:
        os.close(main_end)
        if terminal >= 0:
            os.close(terminal)


@pytest.mark.parametrize("no_color", [False, True])
def test_diff_is_coloured_on_a_terminal_unless_no_color(tmp_path: Path, no_color: bool) -> None:
    source = write(tmp_path / "in.txt", "a caf\u00c3\u00a9\n")
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    if no_color:
        env["NO_COLOR"] = "1"
    shown = _on_a_terminal("fix", "--diff", "-q", str(source), env=env)
    coloured = (
        "\x1b[31m-a caf\u00c3\u00a9\x1b[0m\n" in shown and "\x1b[32m+a caf\u00e9\x1b[0m" in shown
    )
    assert coloured != no_color
    assert "-a caf\u00c3\u00a9" in shown and "+a caf\u00e9" in shown
    # Not a terminal: never coloured.
    assert "\x1b[" not in run("fix", "--diff", "-q", str(source)).stdout


@pytest.mark.parametrize("value", [None, 3, ["text"]])
def test_fix_of_what_is_not_text_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="expected str"):
        mojibake_fix.fix(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected str"):
        mojibake_fix.detect(value)  # type: ignore[arg-type]


def test_fix_of_bytes_points_to_fix_bytes() -> None:
    with pytest.raises(TypeError, match="fix_bytes"):
        mojibake_fix.fix(b"caf\xc3\x83\xc2\xa9")  # type: ignore[arg-type]


def test_a_json_error_is_a_whole_sentence(tmp_path: Path) -> None:
    source = write(tmp_path / "in.jsonl", '{"text": "ok"}\n{"text": "unterminated\n')
    done = run("fix", str(source), "--field", "text")
    assert done.returncode == 2
    assert done.stderr.strip().endswith(
        "in.jsonl:2: not valid JSON: Unterminated string starting at column 10"
    )


def test_the_html_report_shows_controls_as_escapes() -> None:
    result = mojibake_fix.fix("nul\x00 esc\x1b[31m bell\x07 cafÃ©")
    stream = io.StringIO()
    report.write_report([report.Document("a.txt", result)], stream, "html")
    page = stream.getvalue()
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", page)
    assert "nul\\u0000 esc\\u001b[31m bell\\u0007" in page
