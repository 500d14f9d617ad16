"""Writing never harms a file: devices and FIFOs are written through, links kept,
modes kept, outputs never named twice, a file changed since it was read left as
it is, every write error one line, and a stopped run leaves nothing behind."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mojibake_fix.cli import main, outputs

from .test_cli import BROKEN, FIXED, run, script, write

# /dev/full, /proc/PID/task/*/children, FIFOs and POSIX signals.
pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="Linux devices and /proc")


def leftovers(*folders: Path) -> list[str]:
    """Temporary files of a run left in ``folders``."""
    return [p.name for folder in folders for p in folder.iterdir() if p.name.endswith(".tmp")]


def one_error_line(stderr: str, *wanted: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("mojibake-fix: error: "), stderr
    assert all(part in lines[0] for part in wanted), stderr


def test_output_to_dev_null_writes_through_it(tmp_path: Path) -> None:
    source = write(tmp_path / "in.txt", BROKEN)
    done = run(
        "fix", str(source), "-o", "/dev/null", "--report", "/dev/null", "--report-format", "json"
    )
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_to_dev_stdout_writes_through_it(tmp_path: Path) -> None:
    source = write(tmp_path / "in.txt", BROKEN)
    done = run("fix", str(source), "-o", "/dev/stdout")
    assert done.returncode == 0, done.stderr
    assert done.stdout == FIXED


def test_output_to_a_full_device_is_one_line_and_exit_2(tmp_path: Path) -> None:
    source = write(tmp_path / "in.txt", BROKEN)
    done = run("fix", str(source), "-o", "/dev/full")
    assert done.returncode == 2
    one_error_line(done.stderr, "/dev/full", "No space left on device")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_output_to_a_fifo_writes_through_it(tmp_path: Path) -> None:
    source = write(tmp_path / "in.txt", BROKEN)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    done = run("fix", str(source), "-o", str(fifo))
    reader.join(timeout=30)
    assert done.returncode == 0, done.stderr
    assert received == [FIXED.encode()]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_in_place_repairs_the_target_of_a_link_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    target = write(tmp_path / "data" / "page.txt", BROKEN)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    done = run("fix", "--in-place", "--backup", ".orig", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text(encoding="utf-8") == FIXED
    assert (tmp_path / "link.txt.orig").read_text(encoding="utf-8") == BROKEN
    assert leftovers(tmp_path, tmp_path / "data") == []


def test_in_place_refuses_fifos_and_devices(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for path in (str(fifo), "/dev/stdin", "/dev/null"):
        done = subprocess.run(
            [*script(), "fix", "--in-place", path],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2
        one_error_line(done.stderr, path, "not a regular file")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_folder_walk_skips_fifos(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "cafÃ©\n")
    os.mkfifo(tmp_path / "b.txt")
    done = subprocess.run(
        [*script(), "fix", str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "café\n"


def test_new_files_honour_the_umask_and_in_place_keeps_the_mode(tmp_path: Path) -> None:
    source = write(tmp_path / "in.txt", BROKEN)
    source.chmod(0o604)
    command = [*script(), "fix", str(source), "-o", str(tmp_path / "out.txt")]
    done = subprocess.run(command, capture_output=True, preexec_fn=lambda: os.umask(0o027))
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(os.stat(tmp_path / "out.txt").st_mode) == 0o640
    assert run("fix", "--in-place", str(source)).returncode == 0
    assert stat.S_IMODE(os.stat(source).st_mode) == 0o604


@pytest.mark.parametrize(
    "extra",
    [
        ("-o", "{out}", "--report", "{out}"),
        ("-o", "{source}"),
        ("--report", "{source}"),
        ("--in-place", "--report", "{source}"),
    ],
)
def test_an_output_named_twice_or_over_an_input_is_refused(
    tmp_path: Path, extra: tuple[str, ...]
) -> None:
    source = write(tmp_path / "in.txt", BROKEN)
    names = {"out": str(tmp_path / "out.json"), "source": str(source)}
    done = run("fix", str(source), *(part.format(**names) for part in extra))
    assert done.returncode == 2
    one_error_line(done.stderr)
    assert source.read_text(encoding="utf-8") == BROKEN
    assert not (tmp_path / "out.json").exists()


def run_in_process(*args: str) -> int:
    return main(list(args))


@pytest.fixture
def before_commit(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Callable[[], Any]], None]]:
    """Runs a function between the reading of the inputs and the renaming."""

    def install(action: Callable[[], Any]) -> None:
        original = outputs.Outputs.commit

        def commit(self: outputs.Outputs) -> None:
            action()
            original(self)

        monkeypatch.setattr(outputs.Outputs, "commit", commit)

    yield install


def test_a_file_changed_between_read_and_write_is_left_as_it_is(
    tmp_path: Path, before_commit: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path / "in.txt", BROKEN)
    before_commit(lambda: source.write_text("written meanwhile, and longer\n"))
    assert run_in_process("fix", "--in-place", "--backup", ".orig", str(source)) == 2
    one_error_line(capsys.readouterr().err, str(source), "changed since it was read")
    assert source.read_text() == "written meanwhile, and longer\n"
    assert not (tmp_path / "in.txt.orig").exists()
    assert leftovers(tmp_path) == []


def test_two_runs_at_once_keep_the_bytes_read_in_the_backup(
    tmp_path: Path, before_commit: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path / "in.txt", BROKEN)
    backup = tmp_path / "in.txt.orig"
    inner: list[int] = []

    def other_run() -> None:
        if not inner:
            inner.append(-1)
            inner[0] = run_in_process("fix", "--in-place", "--backup", ".orig", str(source))

    before_commit(other_run)
    assert run_in_process("fix", "--in-place", "--backup", ".orig", str(source)) == 2
    assert inner == [0]
    assert source.read_text(encoding="utf-8") == FIXED
    assert backup.read_text(encoding="utf-8") == BROKEN
    assert leftovers(tmp_path) == []


def test_a_write_error_replaces_nothing_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write(tmp_path / "a.txt", BROKEN)
    second = write(tmp_path / "b.txt", BROKEN)
    original = outputs._TargetFile.write

    def write_unless_b(self: Any, data: Any) -> int:
        if self.target == str(second):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return original(self, data)

    monkeypatch.setattr(outputs._TargetFile, "write", write_unless_b)
    assert run_in_process("fix", "--in-place", "--backup", ".orig", str(first), str(second)) == 2
    one_error_line(capsys.readouterr().err, str(second), "No space left on device")
    assert first.read_text(encoding="utf-8") == BROKEN
    assert second.read_text(encoding="utf-8") == BROKEN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_a_backup_that_cannot_be_written_replaces_nothing(tmp_path: Path) -> None:
    first = write(tmp_path / "a.txt", BROKEN)
    second = write(tmp_path / "b.txt", BROKEN)
    done = run("fix", "--in-place", "--backup", "/no/such/folder", str(first), str(second))
    assert done.returncode == 2
    one_error_line(done.stderr, "cannot write")
    assert first.read_text(encoding="utf-8") == BROKEN
    assert second.read_text(encoding="utf-8") == BROKEN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(c) for c in (task / "children").read_text().split())
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def start_a_long_run(tmp_path: Path, jobs: int) -> tuple[subprocess.Popen[bytes], Path]:
    source = tmp_path / "in.jsonl"
    line = {"text": "Le cafÃ© de la gare est â€œouvertâ€\x9d ce matin"}
    source.write_text((json.dumps(line, ensure_ascii=False) + "\n") * 40_000, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    command = [*script(), "fix", str(source), "--field", "text", "--jobs", str(jobs)]
    command += ["-o", str(out / "fixed.jsonl"), "--report", str(out / "report.json")]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE), out


def test_sigterm_stops_the_workers_and_removes_temporary_files(tmp_path: Path) -> None:
    process, out = start_a_long_run(tmp_path, jobs=2)
    workers: set[int] = set()
    while process.poll() is None and len(workers) < 2:
        workers = children(process.pid)
    assert len(workers) >= 2, "the run ended before its workers started"
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143, stderr.decode()
    assert not [pid for pid in workers if alive(pid)]
    assert list(out.iterdir()) == []


def test_sighup_removes_temporary_files(tmp_path: Path) -> None:
    process, out = start_a_long_run(tmp_path, jobs=1)
    while process.poll() is None and not leftovers(out):
        pass
    assert leftovers(out), "the run ended before it wrote anything"
    process.send_signal(signal.SIGHUP)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 129, stderr.decode()
    assert list(out.iterdir()) == []


def test_a_skipped_missing_input_leaves_no_file_and_no_backup(tmp_path: Path) -> None:
    present = write(tmp_path / "a.txt", BROKEN)
    missing = tmp_path / "missing.txt"
    done = run(
        "fix", "--in-place", "--backup", ".orig", "--skip-errors", str(present), str(missing)
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "a.txt.orig"]
    assert present.read_text(encoding="utf-8") == FIXED


def test_standard_output_on_a_full_device_is_one_line(tmp_path: Path) -> None:
    source = write(tmp_path / "in.txt", BROKEN)
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [*script(), "fix", str(source)], stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert done.returncode == 2
    one_error_line(done.stderr, "standard output: cannot write: No space left on device")
