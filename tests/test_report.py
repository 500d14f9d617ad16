"""The report module: offsets three ways, the formats, and reading a report back."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mojibake_fix import Candidate, Finding, Result, fix, revert
from mojibake_fix.evaluation import Case, read_cases
from mojibake_fix.model import Change
from mojibake_fix.report import (
    Document,
    ReportError,
    escape,
    format_for,
    named,
    read_report,
    registry,
    schema,
    summarize,
    unescape,
    use_color,
    write_report,
)
from mojibake_fix.report.formats import html_format
from mojibake_fix.report.positions import locate

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "corpus" / "cases.jsonl"


def rendered(documents: list[Document], name: str) -> str:
    stream = io.StringIO()
    write_report(documents, stream, name)
    return stream.getvalue()


def as_bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


@pytest.fixture(scope="module")
def corpus() -> list[tuple[Case, Document]]:
    if not CASES.exists():
        pytest.skip("corpus/cases.jsonl is not there")
    return [(case, Document(case.id, fix(case.input))) for case in read_cases(CASES)]


# --- the corpus, whole ---------------------------------------------------------


@pytest.mark.parametrize("name", ["json", "jsonl"])
def test_every_corpus_case_reverts_to_its_bytes_through_a_report(
    corpus: list[tuple[Case, Document]], name: str
) -> None:
    text = rendered([document for _, document in corpus], name)
    text.encode("utf-8")  # a report is always writable, lone surrogates included
    back = read_report(text)
    assert [d.path for d in back] == [case.id for case, _ in corpus]
    assert sum(bool(d.changes) for d in back) > len(corpus) // 2
    for (case, document), read in zip(corpus, back, strict=True):
        assert read.changes == tuple(
            replace(c, confidence=round(c.confidence, 4)) for c in document.result.changes
        ), case.id
        assert as_bytes(revert(document.result.text, read.changes)) == as_bytes(case.input)


def test_every_corpus_change_points_at_its_text(corpus: list[tuple[Case, Document]]) -> None:
    checked = 0
    for case, document in corpus:
        text, fixed = case.input, document.result.text
        data, fixed_data = as_bytes(text), as_bytes(fixed)
        lines = text.split("\n")
        for record in json.loads(rendered([document], "json"))["documents"][0]["changes"]:
            before = unescape(record["original_escaped"])
            after = unescape(record["replacement_escaped"])
            assert text[record["start"] : record["end"]] == before
            assert fixed[record["fixed_start"] : record["fixed_end"]] == after
            assert data[record["byte_start"] : record["byte_end"]] == as_bytes(before)
            assert fixed_data[record["fixed_byte_start"] : record["fixed_byte_end"]] == as_bytes(
                after
            )
            line = lines[record["line"] - 1]
            column = record["column"] - 1
            assert line[column : column + len(before)] == before.split("\n")[0]
            checked += 1
    assert checked > 1000


def test_corpus_reports_follow_the_schema(corpus: list[tuple[Case, Document]]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    sample = [d for _, d in corpus if d.result.changes or d.result.findings][::10]
    validator = jsonschema.Draft202012Validator(schema())
    validator.validate(json.loads(rendered(sample, "json")))
    definitions = schema()
    line_validator = jsonschema.Draft202012Validator(
        {"$defs": definitions["$defs"], "$ref": "#/$defs/jsonl_line"}
    )
    kinds = set()
    for line in rendered(sample, "jsonl").split("\n")[:-1]:
        item = json.loads(line)
        line_validator.validate(item)
        kinds.add(item["type"])
    assert kinds == {"report", "change", "finding", "document", "summary"}


# --- offsets -------------------------------------------------------------------

TEXTS = st.text(alphabet=st.sampled_from("ab\n\r é€😀\u2028\x9d") | st.characters(), max_size=40)


@given(TEXTS, st.lists(st.integers(0, 40), max_size=8))
def test_locate_agrees_with_counting_from_the_start(text: str, offsets: list[int]) -> None:
    offsets = [o for o in offsets if o <= len(text)] + [0, len(text)]
    spots = locate(text, offsets)
    for offset in offsets:
        head = text[:offset]
        spot = spots[offset]
        assert spot.byte == len(as_bytes(head))
        assert spot.line == head.count("\n") + 1
        assert spot.column == len(head.split("\n")[-1]) + 1


def test_locate_rejects_an_offset_past_the_end() -> None:
    with pytest.raises(ValueError):
        locate("abc", [4])


# --- escaping ------------------------------------------------------------------


@given(st.text(alphabet=st.characters(), max_size=30))
def test_escape_round_trips_and_hides_nothing(text: str) -> None:
    shown = escape(text)
    assert unescape(shown) == text
    assert shown.isprintable()


@pytest.mark.parametrize(
    "text, shown",
    [
        ("â€\x9d", "â€\\x9d"),
        ("a\u200bb", "a\\u200bb"),
        ("no\u00a0break", "no\\xa0break"),
        ("soft\u00adhyphen", "soft\\xadhyphen"),
        ("back\\slash", "back\\\\slash"),
        ("\ud83d", "\\ud83d"),
        ("tab\t", "tab\\x09"),
    ],
)
def test_escape_shows_invisible_characters(text: str, shown: str) -> None:
    assert escape(text) == shown


# --- the text format -----------------------------------------------------------

SAMPLE = "Le cafÃ© ouvre.\nIl dit â€œouiâ€\x9d.\n"


def test_text_format_one_line_per_change() -> None:
    lines = rendered([Document("fr.txt", fix(SAMPLE))], "text").splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("fr.txt:1:7: utf8-as-cp1252 'Ã©' → 'é' (")
    assert lines[2].startswith("fr.txt:2:14: utf8-as-cp1252 'â€\\x9d' → '”' (")


def test_text_format_names_the_record_and_field() -> None:
    document = Document("in.jsonl", fix("cafÃ©"), record=4, field="text")
    assert rendered([document], "text").startswith("in.jsonl:4:4 [text]: utf8-as-cp1252")


def test_colour_only_when_asked() -> None:
    plain = rendered([Document("a", fix(SAMPLE))], "text")
    stream = io.StringIO()
    write_report([Document("a", fix(SAMPLE))], stream, "text", color=True)
    assert "\x1b[" not in plain and "\x1b[" in stream.getvalue()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "stream, environ, expected",
    [
        (Terminal(), {}, True),
        (Terminal(), {"NO_COLOR": "1"}, False),
        (Terminal(), {"NO_COLOR": ""}, True),
        (io.StringIO(), {}, False),
    ],
)
def test_use_color_follows_the_terminal_and_no_color(
    stream: io.StringIO, environ: dict[str, str], expected: bool
) -> None:
    assert use_color(stream, environ) is expected


# --- summaries, findings, the registry -----------------------------------------


def test_run_summary_counts_documents_detectors_and_files() -> None:
    documents = [
        Document("a.txt", fix(SAMPLE)),
        Document("b.jsonl", fix("clean"), record=1, field="text"),
        Document("b.jsonl", fix("cafÃ©"), record=2, field="text"),
    ]
    summary = summarize(documents)
    assert summary["documents"] == 3 and summary["changed"] == 2 and summary["changes"] == 4
    assert summary["by_detector"] == {"utf8-as-cp1252": 4}
    assert summary["by_file"]["b.jsonl"] == {
        "documents": 2,
        "changed": 1,
        "changes": 1,
        "findings": 0,
    }
    report = json.loads(rendered(documents, "json"))
    assert report["summary"] == summary
    # a clean record is counted but not listed
    assert [d["id"] for d in report["documents"]] == ["a.txt", "b.jsonl:2:text"]


def test_findings_not_applied_keep_their_alternatives() -> None:
    finding = Finding(2, 4, "demo", 0.4, "unsure", "é", (Candidate("é", 0.4), Candidate("è", 0.3)))
    result = Result(text="x\nÃ© y", findings=(finding,), original="x\nÃ© y")
    [record] = json.loads(rendered([Document("d", result)], "json"))["documents"][0]["findings"]
    assert record["line"] == 2 and record["column"] == 1 and record["byte_start"] == 2
    assert [a["text"] for a in record["alternatives"]] == ["é", "è"]
    assert json.loads(rendered([Document("d", result)], "jsonl").split("\n")[1])["type"] == (
        "finding"
    )


def test_registry_by_name_and_suffix() -> None:
    assert set(registry()) == {"text", "json", "jsonl", "html"}
    assert format_for("r.html").name == "html" and named("txt").name == "text"
    assert registry()["json"].readable and not registry()["html"].readable
    with pytest.raises(ValueError, match="unknown report format"):
        format_for("r.xml")


# --- reading back --------------------------------------------------------------


def test_reader_takes_a_saved_result() -> None:
    result = fix(SAMPLE)
    [document] = read_report(json.dumps(result.to_dict()))
    assert revert(result.text, document.changes) == SAMPLE


def test_reader_keeps_lone_surrogates_apart() -> None:
    text = "pair \ud83d\ude00 and more"
    # The original is two code points, a surrogate pair: JSON alone would join it.
    change = Change(5, 7, 5, 6, "\ud83d\ude00", "X", "demo", 0.9, "two code points")
    result = Result(text="pair X and more", changes=(change,), original=text)
    for name in ("json", "jsonl"):
        [document] = read_report(rendered([Document("s", result)], name))
        assert document.changes == (change,)
        assert revert(result.text, document.changes) == text


@pytest.mark.parametrize(
    "text, message",
    [
        ("not json", "not a mojibake-fix report"),
        ('{"schema": "mojibake-fix/report", "version": 3, "documents": []}', "version 3"),
        ('{"schema": "other", "version": 1}', "schema"),
        ("[1, 2]", "not a JSON object"),
        ('{"type": "report", "version": 1}\n{oops', "line 2"),
    ],
)
def test_reader_rejects_what_is_not_a_report(text: str, message: str) -> None:
    with pytest.raises(ReportError, match=message):
        read_report(text)


def test_json_lines_report_splits_at_newlines_only() -> None:
    text = "x\u2028y\x85z"
    change = Change(1, 4, 1, 2, "\u2028y\x85", "-", "demo", 0.9, "line separators inside")
    result = Result(text="x-z", changes=(change,), original=text)
    report = rendered([Document("a", result)], "jsonl")
    assert "\u2028" in report  # kept raw inside a JSON string
    [document] = read_report(report)
    assert revert(result.text, document.changes) == text


# --- HTML, statically (the browser test drives it for real) --------------------


def page(documents: list[Document]) -> str:
    return rendered(documents, "html")


def test_html_is_self_contained() -> None:
    html = page([Document("a.txt", fix(SAMPLE))])
    for forbidden in ("http://", "https://", "src=", "url(", "@import", "<link"):
        assert forbidden not in html
    assert "Content-Security-Policy" in html


def test_html_collapses_long_unchanged_stretches() -> None:
    text = "clean words " * 100_000 + "cafÃ©" + " more" * 100_000
    html = page([Document("big.txt", fix(text))])
    assert len(html) < 20_000
    assert html.count('<mark class="chg"') == 1
    before = text.index("Ã©") - html_format.CONTEXT
    after = len(text) - (text.index("Ã©") + 2 + html_format.CONTEXT)
    assert f"{before:,} characters unchanged" in html
    assert f"{after:,} characters unchanged" in html


def test_html_pages_many_changes() -> None:
    text = "cafÃ© " * (html_format.PAGE_CHANGES * 3)
    html = page([Document("many.txt", fix(text))])
    assert html.count('<mark class="chg"') == html_format.PAGE_CHANGES * 3
    assert 'data-pages="3"' in html
    assert html.count('data-page="3"') == 1


def test_html_escapes_markup_in_the_text() -> None:
    html = page([Document("<b>.txt", fix("<script>alert(1)</script> cafÃ©"))])
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


def test_html_draws_at_most_max_changes_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_format, "MAX_CHANGES", 7)
    html = page([Document("many.txt", fix("cafÃ© " * 20))])
    assert html.count('<mark class="chg"') == 7
    assert "Only the first 7 of 20 changes and findings are drawn" in html
