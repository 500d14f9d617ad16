"""Reports through the command line: every format, and revert giving back the bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mojibake_fix import fix
from mojibake_fix.report import SourceError, edit_line, read_report
from mojibake_fix.report.json_source import raw_offsets, restore_line, string_token_spans

from .test_cli import BROKEN, run

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "corpus" / "cases.jsonl"


def fix_and_revert(tmp_path: Path, source: Path, *fix_args: str, report: str) -> bytes:
    fixed, report_path = tmp_path / f"fixed{source.suffix}", tmp_path / report
    done = run("fix", str(source), "-o", str(fixed), "--report", str(report_path), *fix_args)
    assert done.returncode == 0, done.stderr
    restored = tmp_path / "restored"
    done = run("revert", str(fixed), "--report", str(report_path), "-o", str(restored))
    assert done.returncode == 0, done.stderr
    return restored.read_bytes()


@pytest.mark.parametrize("report", ["r.json", "r.jsonl"])
def test_plain_file_with_bom_and_crlf_reverts_to_its_bytes(tmp_path: Path, report: str) -> None:
    data = ("\ufeff" + BROKEN.replace("\n", "\r\n") + "tail\u2028â€œx").encode()
    source = tmp_path / "in.txt"
    source.write_bytes(data)
    assert fix_and_revert(tmp_path, source, report=report) == data
    assert (tmp_path / "fixed.txt").read_bytes().startswith(b"\xef\xbb\xbf")


def corpus_lines(count: int) -> list[str]:
    if not CASES.exists():
        pytest.skip("corpus/cases.jsonl is not there")
    lines = CASES.read_text(encoding="utf-8").split("\n")
    step = max(1, len(lines) // count)
    return [line for line in lines[::step] if line.strip()]


@pytest.mark.parametrize("report", ["r.json", "r.jsonl"])
def test_json_lines_with_field_revert_to_their_bytes(tmp_path: Path, report: str) -> None:
    lines = corpus_lines(300)
    # The same records written other ways too: ASCII escapes, other spacing, CRLF.
    for line in lines[:60]:
        record = json.loads(line)
        lines.append(json.dumps(record, ensure_ascii=True, separators=(",", ":")))
        lines.append(json.dumps(record, ensure_ascii=False, indent=None) + "\r")
    lines.append(
        '{"input": "raw\u2028separator cafÃ© \u0085 â€œqâ€\\u009d", "n": [1, {"input": 2}]}'
    )
    lines.append('{"input": "caf\\u00c3\\u00a9 \\ud83d\\ude00 \\/ \\"Ã©\\"", "input": "cafÃ©"}')
    lines.append("")
    lines.append('  {"other": "cafÃ©"}  ')
    data = "\n".join(lines).encode()
    source = tmp_path / "in.jsonl"
    source.write_bytes(data)
    assert fix_and_revert(tmp_path, source, "--field", "input", report=report) == data
    fixed = (tmp_path / "fixed.jsonl").read_text(encoding="utf-8").split("\n")
    assert len(fixed) == len(lines)
    changed = [a != b for a, b in zip(lines, fixed, strict=True)]
    assert sum(changed) > 100
    # Unrepaired fields and records keep their bytes.
    assert fixed[-1] == lines[-1]
    assert json.loads(fixed[-4])["n"] == [1, {"input": 2}]
    assert json.loads(fixed[-3])["input"] == "café"


def test_field_change_locations_point_into_the_raw_line(tmp_path: Path) -> None:
    line = '{"id": 1, "text": "caf\\u00c3\\u00a9 and cafÃ©"}'
    source = tmp_path / "in.jsonl"
    source.write_text(line + "\n", encoding="utf-8")
    report = tmp_path / "r.json"
    done = run("fix", str(source), "--field", "text", "--report", str(report))
    assert done.returncode == 0, done.stderr
    [document] = json.loads(report.read_text(encoding="utf-8"))["documents"]
    first, second = document["changes"]
    assert (document["record"], document["field"]) == (1, "text")
    assert first["line"] == 1 and line[first["column"] - 1 :].startswith("\\u00c3\\u00a9")
    assert second["source"]["original"] == "Ã©"
    assert line[second["column"] - 1 :] == 'Ã©"}'
    fixed = done.stdout.split("\n")[0]
    assert fixed == '{"id": 1, "text": "café and café"}'


def test_revert_refuses_a_report_for_other_text(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text(BROKEN, encoding="utf-8")
    report = tmp_path / "r.json"
    assert run("fix", str(source), "--report", str(report)).returncode == 0
    other = tmp_path / "other.txt"
    other.write_text("nothing like it\n", encoding="utf-8")
    done = run("revert", str(other), "--report", str(report))
    assert done.returncode == 2 and "does not match" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "name, expected",
    [
        ("r.txt", "utf8-as-cp1252 'Ã©' → 'é'"),
        ("r.html", "<!DOCTYPE html>"),
        ("r.json", '"version": 2'),
    ],
)
def test_report_format_from_suffix(tmp_path: Path, name: str, expected: str) -> None:
    source = tmp_path / "in.txt"
    source.write_text(BROKEN, encoding="utf-8")
    done = run("fix", str(source), "--report", str(tmp_path / name))
    assert done.returncode == 0, done.stderr
    assert expected in (tmp_path / name).read_text(encoding="utf-8")


def test_report_format_option_overrides_the_suffix(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text(BROKEN, encoding="utf-8")
    report = tmp_path / "report.out"
    done = run("fix", str(source), "--report", str(report), "--report-format", "jsonl")
    assert done.returncode == 0, done.stderr
    assert len(read_report(report.read_text(encoding="utf-8"))[0].changes) == 4


def test_unknown_report_suffix_is_an_error_before_any_output(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text(BROKEN, encoding="utf-8")
    done = run("fix", str(source), "--report", str(tmp_path / "r.xml"))
    assert done.returncode == 2 and done.stdout == ""
    assert "unknown report format" in done.stderr


def test_stderr_report_has_no_colour_when_not_a_terminal() -> None:
    done = run("fix", "--report", "-", stdin=BROKEN)
    assert done.returncode == 0 and "\x1b[" not in done.stderr
    assert len(done.stderr.splitlines()) == 4


# --- editing a raw JSON line in place ------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)
BROKEN_TEXTS = st.sampled_from(["cafÃ©", "â€œhiâ€\x9d", "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "clean", "a\u2028b Ã©"])


@given(
    st.dictionaries(st.text(max_size=4), JSON_VALUES, max_size=3),
    BROKEN_TEXTS,
    BROKEN_TEXTS,
    st.booleans(),
    st.sampled_from([(", ", ": "), (",", ":"), (" , ", " :  ")]),
)
def test_edit_line_changes_only_the_field_and_restores_exactly(
    others: dict[str, object],
    text: str,
    other_text: str,
    ascii_only: bool,
    separators: tuple[str, str],
) -> None:
    record = {**others, "text": text, "more": other_text}
    line = json.dumps(record, ensure_ascii=ascii_only, separators=separators)
    results = {"text": fix(text), "more": fix(other_text)}
    fixed, edits = edit_line(line, results)
    parsed = json.loads(fixed)
    assert parsed == {**record, "text": results["text"].text, "more": results["more"].text}
    assert restore_line(fixed, [e for found in edits.values() for e in found]) == line
    for name, found in edits.items():
        assert len(found) == len(results[name].changes)
        for edit in found:
            assert line[edit.start : edit.end] == edit.original
            assert fixed[edit.fixed_start : edit.fixed_end] == edit.replacement


def test_string_token_spans_and_offsets() -> None:
    line = ' { "a" : [1, {"x": "y"}], "s": "p\\u00e9\\ud83d\\ude00\\"q", "a": "last" } '
    spans = string_token_spans(line)
    start, end = spans["s"]
    assert json.loads(line[start:end]) == 'pé😀"q'
    offsets = raw_offsets(line, start, range(10))
    assert sorted(offsets) == list(range(len('pé😀"q') + 1))
    assert line[offsets[2] : offsets[3]] == "\\ud83d\\ude00"
    assert line[offsets[3] : offsets[4]] == '\\"'
    assert line[offsets[5]] == '"'  # the closing quote
    assert json.loads(line[spans["a"][0] : spans["a"][1]]) == "last"


@pytest.mark.parametrize("line", ["[1, 2]", '{"a" 1}', '{"a": 1 "b": 2}'])
def test_string_token_spans_rejects_what_is_not_an_object(line: str) -> None:
    with pytest.raises(SourceError):
        string_token_spans(line)


def test_restore_line_refuses_edits_that_do_not_fit() -> None:
    line = '{"t": "cafÃ©"}'
    fixed, edits = edit_line(line, {"t": fix("cafÃ©")})
    with pytest.raises(SourceError):
        restore_line(fixed.replace("é", "e"), edits["t"])
