"""datatrove: MojibakeFixFormatter in place of FTFYFormatter in a real local pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mojibake_fix import fix, revert
from mojibake_fix.model import changes_from_dict

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # type: ignore[import-untyped,unused-ignore]
from datatrove.pipeline.readers import JsonlReader  # type: ignore[import-untyped,unused-ignore]
from datatrove.pipeline.writers import JsonlWriter  # type: ignore[import-untyped,unused-ignore]

from mojibake_fix.integrations.datatrove import MojibakeFixFormatter

TEXTS = [
    "The cafÃ© is â€œopenâ€\x9d",
    "A clean line with “quotes” and an émigré.",
    "Ð\x9fÑ€Ð¸Ð²ÐµÑ‚, Ð¼Ð¸Ñ€",
    "Ελληνικά, 中文, ไทย, İstanbul — all clean.",
]


def test_formatter_replaces_ftfy_in_a_local_pipeline(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    lines = [json.dumps({"id": str(n), "text": t}) for n, t in enumerate(TEXTS)]
    (source / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(source)),
            MojibakeFixFormatter(report_key="mojibake_fix"),
            JsonlWriter(str(tmp_path / "out"), compression=None),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    [written] = sorted((tmp_path / "out").glob("*.jsonl"))
    docs = {d["id"]: d for d in map(json.loads, written.read_text(encoding="utf-8").splitlines())}
    assert [docs[str(n)]["text"] for n in range(len(TEXTS))] == [fix(t).text for t in TEXTS]
    for n, text in enumerate(TEXTS):
        metadata = docs[str(n)]["metadata"]
        if fix(text).changed:
            report = metadata["mojibake_fix"]
            assert revert(docs[str(n)]["text"], changes_from_dict(report)) == text
        else:
            assert "mojibake_fix" not in metadata


def test_formatter_leaves_metadata_alone_without_a_report_key() -> None:
    from datatrove.data import Document  # type: ignore[import-untyped,unused-ignore]

    formatter = MojibakeFixFormatter(disable=["utf8-as-cp1252"])
    [doc] = formatter.run(iter([Document(text="cafÃ©", id="1")]))
    assert doc.metadata == {}
    assert doc.text == fix("cafÃ©", disable=["utf8-as-cp1252"]).text
    assert formatter.format("\ud800 NUL\x00") == "\ud800 NUL\x00"
