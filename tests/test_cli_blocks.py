"""JSON Lines cut into blocks of whole lines for the workers: line numbers,
errors, skipped records and the bytes written stay what they were line by line."""

from __future__ import annotations

import io
import json
from pathlib import Path

from mojibake_fix.cli.commands import json_blocks
from mojibake_fix.cli.inputs import Source, open_source
from mojibake_fix.cli.records import Config, Task, process

from .test_cli import run

CONFIG = Config(0.6, (), ())


def source_of(data: bytes) -> Source:
    stream = io.BufferedReader(io.BytesIO(data))
    return Source("in.jsonl", stream, None, (stream,))


def lines(count: int, bad: int | None = None, dirty_every: int = 7) -> bytes:
    out = []
    for number in range(1, count + 1):
        text = "cafÃ© crÃ¨me" if number % dirty_every == 0 else "plain words"
        line = json.dumps({"id": number, "text": text}, ensure_ascii=False)
        out.append("{oops" if number == bad else line)
    return ("\n".join(out) + "\n").encode("utf-8")


def test_blocks_end_at_line_ends_and_count_lines() -> None:
    data = b"a\nbb\n\nccc\nno end"
    blocks = list(source_of(data).blocks(3))
    assert b"".join(blocks) == data
    assert all(block.endswith(b"\n") for block in blocks[:-1])
    tasks = list(json_blocks(source_of(data), ("text",), size=3))
    assert [task.items[0][0] for task in tasks] == [1, 3, 5]  # a\nbb\n, \nccc\n, no end
    numbers = [number for task in tasks for number, _ in task.records()]
    assert numbers == [1, 2, 3, 4, 5]


def test_a_line_is_split_at_newline_only() -> None:
    task = Task(
        "in.jsonl", "jsonl", ((1, b'{"text": "a\\u2028b\xe2\x80\xa8\r"}\r\n{}\n'),), ("text",)
    )
    assert [data for _, data in task.records()] == [
        b'{"text": "a\\u2028b\xe2\x80\xa8\r"}\r\n',
        b"{}\n",
    ]


def test_process_a_block_writes_every_line_and_counts() -> None:
    data = lines(40)
    done = process(Task("in.jsonl", "jsonl", ((1, data),), ("text",)), CONFIG)
    assert done.records == 40 and done.changed and done.changes >= 5
    assert done.output is not None
    assert done.output.decode("utf-8").count("café crème") == 5
    assert done.outcomes  # documents asked for by default
    quiet = process(
        Task("in.jsonl", "jsonl", ((1, data),), ("text",)), Config(0.6, (), (), documents=False)
    )
    assert quiet.output == done.output and quiet.outcomes == () and quiet.diffs == ()


def test_an_error_names_its_line_in_a_later_block() -> None:
    data = lines(50, bad=37)
    tasks = list(json_blocks(source_of(data), ("text",), size=200))
    errors = [e for task in tasks for e in process(task, CONFIG).errors]
    assert errors == [
        "in.jsonl:37: not valid JSON: Expecting property name enclosed in double quotes at column 2"
    ]
    skipping = Config(0.6, (), (), skip_errors=True)
    dones = [process(task, skipping) for task in tasks]
    written = b"".join(
        d.output if d.output is not None else t.data for d, t in zip(dones, tasks, strict=True)
    )
    assert written.split(b"\n")[36] == b"{oops"
    assert sum(d.records for d in dones) == 50


def test_clean_block_sends_nothing_back() -> None:
    data = lines(10, dirty_every=1000)
    done = process(Task("in.jsonl", "jsonl", ((1, data),), ("text",)), CONFIG)
    assert done.output is None and not done.changed and done.records == 10


def test_jobs_2_over_many_blocks_matches_jobs_1(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(lines(3000, dirty_every=50) * 4)  # > 256 KB: several blocks
    outputs = []
    for jobs in ("1", "2"):
        out, report = tmp_path / f"out{jobs}.jsonl", tmp_path / f"r{jobs}.jsonl"
        done = run(
            "fix", str(source), "--field", "text", "--jobs", jobs, "-o", str(out),
            "--report", str(report),
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        outputs.append((out.read_bytes(), report.read_text(encoding="utf-8")))
    assert outputs[0] == outputs[1]
    assert outputs[0][0].count("café crème".encode()) == 12000 // 50


def test_skip_errors_in_a_large_file_passes_the_line_through(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    data = lines(6000, bad=5000)
    source.write_bytes(data)
    done = run("fix", str(source), "--field", "text", "--jobs", "2", "--skip-errors")
    assert done.returncode == 0
    assert "in.jsonl:5000: not valid JSON" in done.stderr
    assert done.stdout.splitlines()[4999] == "{oops"
    assert len(done.stdout.splitlines()) == 6000
    failed = run("fix", str(source), "--field", "text", "--jobs", "2")
    assert failed.returncode == 2 and "in.jsonl:5000: not valid JSON" in failed.stderr


def test_open_source_blocks_of_gzip(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress(lines(500)))
    source = open_source(str(path))
    try:
        assert b"".join(source.blocks(1000)) == lines(500)
    finally:
        source.close()
