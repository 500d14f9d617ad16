"""Inputs and outputs through the console script: folders, stdin, encodings,
compression, JSON Lines fields, CSV columns, --in-place, --backup, --jobs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import zstandard

from .test_cli import BROKEN, FIXED, run, write


def fix_and_revert(tmp_path: Path, source: Path, *args: str, out: str) -> bytes:
    fixed, report = tmp_path / out, tmp_path / "report.json"
    done = run("fix", str(source), "-o", str(fixed), "--report", str(report), *args)
    assert done.returncode == 0, done.stderr
    restored = tmp_path / f"restored{source.suffix}"
    done = run("revert", str(fixed), "--report", str(report), "-o", str(restored))
    assert done.returncode == 0, done.stderr
    return restored.read_bytes()


def test_folders_are_walked_with_include_and_exclude(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "cafÃ©\n")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "deeper.txt", "Ã©tÃ©\n")
    write(tmp_path / "sub" / "skip.txt", "Ã©\n")
    write(tmp_path / "notes.md", "naÃ¯ve\n")
    write(tmp_path / "data.bin", "\x00\x01")
    done = run("fix", str(tmp_path), "--exclude", "skip.txt")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "café\nnaïve\nété\n"  # sorted: a.txt, notes.md, sub/deeper.txt
    done = run("fix", str(tmp_path), "--include", "sub/*.txt")
    assert done.stdout == "été\né\n"


def test_stdin_dash(tmp_path: Path) -> None:
    assert run("fix", "-", stdin=BROKEN).stdout == FIXED


def test_lines_mixing_utf8_and_windows_1252_revert_to_their_bytes(tmp_path: Path) -> None:
    data = "caf\u00c3\u00a9 ok\n".encode() + "crème brûlée\n".encode("cp1252") + "“q”\n".encode()
    source = tmp_path / "mixed.txt"
    source.write_bytes(data)
    assert fix_and_revert(tmp_path, source, out="fixed.txt") == data
    assert (tmp_path / "fixed.txt").read_text(encoding="utf-8") == "café ok\ncrème brûlée\n“q”\n"
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    detectors = {c["detector"] for c in report["documents"][0]["changes"]}
    assert "decode" in detectors


def test_legacy_code_page_is_detected_and_encoding_can_be_forced(tmp_path: Path) -> None:
    text = "Привет, как дела? Всё хорошо, спасибо.\n"
    source = tmp_path / "ru.txt"
    source.write_bytes(text.encode("cp1251"))
    assert fix_and_revert(tmp_path, source, out="fixed.txt") == text.encode("cp1251")
    assert (tmp_path / "fixed.txt").read_text(encoding="utf-8") == text
    forced = run("fix", str(source), "--encoding", "koi8-r")
    assert forced.returncode == 0 and forced.stdout != text


def test_utf16_with_bom(tmp_path: Path) -> None:
    source = tmp_path / "u16.txt"
    source.write_bytes("crème cafÃ©\n".encode("utf-16"))
    assert run("fix", str(source)).stdout == "crème café\n"


@pytest.mark.parametrize("suffix", [".gz", ".zst"])
def test_compressed_round_trip(tmp_path: Path, suffix: str) -> None:
    data = ('{"text": "cafÃ©"}\n{"text": "clean"}\n').encode()
    packed = gzip.compress(data) if suffix == ".gz" else zstandard.ZstdCompressor().compress(data)
    source = tmp_path / f"in.jsonl{suffix}"
    source.write_bytes(packed)
    # Read transparently to stdout.
    assert run("fix", str(source), "--field", "text").stdout.startswith('{"text": "café"}')
    # Written compressed to -o by its suffix, and reverted (compressed too) to the bytes.
    restored = fix_and_revert(tmp_path, source, "--field", "text", out=f"fixed.jsonl{suffix}")
    unpack = (
        gzip.decompress
        if suffix == ".gz"
        else zstandard.ZstdDecompressor().decompressobj().decompress
    )
    assert unpack(restored) == data
    # In place keeps the compression.
    done = run("fix", "--in-place", str(source), "--field", "text")
    assert done.returncode == 0, done.stderr
    assert source.read_bytes()[:2] == packed[:2]
    unpack = (
        gzip.decompress
        if suffix == ".gz"
        else zstandard.ZstdDecompressor().decompressobj().decompress
    )
    assert unpack(source.read_bytes()) == data.replace("cafÃ©".encode(), "café".encode())


def test_nested_json_field_and_revert(tmp_path: Path) -> None:
    lines = [
        '{"id": 1, "meta": {"title": "cafÃ©", "n": 2}, "text": "Ã©tÃ©"}',
        '{"id": 2, "meta": {"title": 3}}',
        '{"id": 3, "meta": "not an object", "text": "ok"}',
        '{"id": 4, "meta.title": "flat cafÃ©"}',
    ]
    source = write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
    done = run("fix", str(source), "--field", "meta.title", "--field", "text", "--skip-errors")
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert out[0] == {"id": 1, "meta": {"title": "café", "n": 2}, "text": "été"}
    assert out[3] == {"id": 4, "meta.title": "flat café"}
    assert "in.jsonl:2: field 'meta.title' is not a string" in done.stderr
    good = write(tmp_path / "good.jsonl", "\n".join([lines[0], lines[2], lines[3]]) + "\n")
    restored = fix_and_revert(
        tmp_path, good, "--field", "meta.title", "--field", "text", out="f.jsonl"
    )
    assert restored == good.read_bytes()


def test_json_lines_with_a_windows_1252_line(tmp_path: Path) -> None:
    data = '{"t": "cafÃ©"}\n'.encode() + '{"t": "crème"}\n'.encode("cp1252")
    source = tmp_path / "in.jsonl"
    source.write_bytes(data)
    assert fix_and_revert(tmp_path, source, "--field", "t", out="fixed.jsonl") == data
    fixed = (tmp_path / "fixed.jsonl").read_text(encoding="utf-8")
    assert fixed == '{"t": "café"}\n{"t": "crème"}\n'


def test_json_lines_in_shift_jis_decode_and_revert(tmp_path: Path) -> None:
    texts = ["東京都の天気は晴れです。", "気温は二十度、風は弱いでしょう。", "明日は雨が降ります。"]
    data = b"".join(
        json.dumps({"t": t}, ensure_ascii=False).encode("shift_jis") + b"\n" for t in texts
    )
    source = tmp_path / "ja.jsonl"
    source.write_bytes(data)
    assert fix_and_revert(tmp_path, source, "--field", "t", out="fixed.jsonl") == data
    fixed = (tmp_path / "fixed.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["t"] for line in fixed] == texts


CSV_TEXT = (
    "id,text,note\r\n"
    '1,"cafÃ© ""quoted""",kept Ã©\r\n'
    "2,clean,   spaced  \r\n"
    '3,"two\r\nlines Ã©tÃ©",x\r\n'
    '4,naÃ¯ve,"unchanged ""q"""\r\n'
)


def test_csv_column_unchanged_rows_byte_identical_and_revert(tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", CSV_TEXT)
    assert (
        fix_and_revert(tmp_path, source, "--column", "text", out="fixed.csv") == CSV_TEXT.encode()
    )
    fixed = (tmp_path / "fixed.csv").read_bytes().decode("utf-8")
    assert fixed == (
        "id,text,note\r\n"
        '1,"café ""quoted""",kept Ã©\r\n'
        "2,clean,   spaced  \r\n"
        '3,"two\r\nlines été",x\r\n'
        '4,naïve,"unchanged ""q"""\r\n'
    )


def test_tsv_and_missing_column(tmp_path: Path) -> None:
    source = write(tmp_path / "in.tsv", "a\tb\nx,y\tcafÃ©\n")
    assert run("fix", str(source), "--column", "b").stdout == "a\tb\nx,y\tcafé\n"
    done = run("fix", str(source), "--column", "nope")
    assert done.returncode == 2 and "in.tsv:1: no column named 'nope'" in done.stderr


def test_in_place_with_backup(tmp_path: Path) -> None:
    broken = write(tmp_path / "b.txt", BROKEN)
    done = run("fix", "--in-place", "--backup", ".orig", str(broken))
    assert done.returncode == 0, done.stderr
    assert broken.read_text(encoding="utf-8") == FIXED
    assert (tmp_path / "b.txt.orig").read_text(encoding="utf-8") == BROKEN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.txt", "b.txt.orig"]


def test_jobs_2_gives_the_same_output_and_report_as_jobs_1(tmp_path: Path) -> None:
    samples = ["cafÃ© crème", "plain", "â€œquotedâ€\x9d", "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "naÃ¯ve Ã©tÃ©"]
    lines = [json.dumps({"n": i, "text": samples[i % 5] * (1 + i % 3)}) for i in range(3000)]
    source = write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
    outputs = []
    for jobs in ("1", "2"):
        report = tmp_path / f"r{jobs}.jsonl"
        done = run("fix", str(source), "--field", "text", "--jobs", jobs, "--report", str(report))
        assert done.returncode == 0, done.stderr
        outputs.append((done.stdout, report.read_text(encoding="utf-8")))
    assert outputs[0] == outputs[1]
    assert outputs[0][0].count("café") == 600 * 2


def test_jobs_2_over_many_text_files(tmp_path: Path) -> None:
    for i in range(12):
        write(tmp_path / f"f{i:02}.txt", f"{i} cafÃ©\n")
    one = run("fix", str(tmp_path), "--jobs", "1")
    two = run("fix", str(tmp_path), "--jobs", "2")
    assert one.stdout == two.stdout == "".join(f"{i} café\n" for i in range(12))
