"""pandas and pyarrow: columns repaired in place of their type, a report per row."""

from __future__ import annotations

import json

import pytest

from mojibake_fix import fix, revert
from mojibake_fix.batch import FieldTypeError
from mojibake_fix.model import changes_from_dict
from mojibake_fix.report import read_report

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

from mojibake_fix.batch import join_report  # noqa: E402
from mojibake_fix.integrations.arrow import fix_arrow, fix_table  # noqa: E402
from mojibake_fix.integrations.pandas import fix_frame, fix_series  # noqa: E402

TEXTS = ["cafÃ©", "plain", "â€œquotedâ€\x9d", "Ελληνικά", "\ud800 lone", ""]


@pytest.mark.parametrize("dtype", [object, "string"])
def test_fix_series_keeps_index_dtype_and_missing_values(dtype: object) -> None:
    series = pd.Series([*TEXTS[:4], None], index=list("abcde"), dtype=dtype, name="body")
    frame = fix_series(series)
    assert list(frame.columns) == ["body", "report"]
    assert list(frame.index) == list("abcde")
    assert frame["body"].dtype == series.dtype
    assert frame["body"].tolist()[:4] == [fix(t).text for t in TEXTS[:4]]
    assert pd.isna(frame["body"]["e"]) and frame["report"]["e"] is None
    for text, report in zip(TEXTS[:4], frame["report"][:4], strict=True):
        assert report == fix(text).to_dict()
        assert revert(fix(text).text, changes_from_dict(report)) == text


def test_fix_frame_adds_each_rows_cli_report_lines() -> None:
    frame = pd.DataFrame({"id": [1, 2, 3], "a": ["cafÃ©", "ok", None], "b": ["x", "NaÃ¯ve", "y"]})
    fixed = fix_frame(frame, ["a", "b"], path="in.jsonl", record_column="id")
    assert fixed["a"].tolist()[:2] == ["café", "ok"] and fixed["b"].tolist()[1] == "Naïve"
    assert frame["a"][0] == "cafÃ©"  # the input is left as it was
    documents = read_report(join_report(fixed["mojibake_report"]))
    assert [(d.path, d.record, d.field) for d in documents] == [
        ("in.jsonl", 1, "a"),
        ("in.jsonl", 2, "b"),
    ]


def test_fix_frame_refuses_a_column_that_is_not_text() -> None:
    with pytest.raises(FieldTypeError, match="'n'"):
        fix_frame(pd.DataFrame({"n": [1, 2]}), ["n"])


def test_fix_arrow_keeps_type_and_nulls_and_reports_json() -> None:
    texts = [t for t in TEXTS if "\ud800" not in t]
    for kind in (pa.string(), pa.large_string()):
        array = pa.array([*texts, None], type=kind)
        fixed, reports = fix_arrow(array)
        assert fixed.type == kind and reports.type == pa.string()
        assert fixed.to_pylist() == [*(fix(t).text for t in texts), None]
        assert [json.loads(r) for r in reports.to_pylist()[:-1]] == [
            fix(t).to_dict() for t in texts
        ]
        assert reports[len(texts)].as_py() is None
    chunked = pa.chunked_array([["cafÃ©"], ["ok"]])
    assert fix_arrow(chunked)[0].to_pylist() == ["café", "ok"]


def test_fix_table_repairs_named_columns_only() -> None:
    table = pa.table({"id": [1, 2], "text": ["cafÃ©", None], "other": ["Ã©", "Ã©"]})
    fixed = fix_table(table, ["text"], record_column="id", path="t.jsonl")
    assert fixed.column_names == ["id", "text", "other", "mojibake_report"]
    assert fixed.column("text").to_pylist() == ["café", None]
    assert fixed.column("other").to_pylist() == ["Ã©", "Ã©"]
    assert fixed.column("mojibake_report")[1].as_py() == ""
