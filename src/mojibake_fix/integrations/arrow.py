"""Repair pyarrow string arrays and tables, keeping a report of every row.

Reports are JSON text in Arrow: their shape (which detectors, how many
findings) varies from row to row, which a struct type cannot hold.

>>> import json
>>> import pyarrow as pa
>>> fixed, reports = fix_arrow(pa.array(["cafÃ©", None, "ok"]))
>>> fixed.to_pylist(), json.loads(reports[0].as_py())["changes"][0]["replacement"]
(['café', None, 'ok'], 'é')
>>> reports[1].as_py(), json.loads(reports[2].as_py())["changed"]
(None, False)
>>> table = fix_table(pa.table({"text": ["NaÃ¯ve", "ok"]}), ["text"])
>>> table.column("text").to_pylist(), table.column_names
(['Naïve', 'ok'], ['text', 'mojibake_report'])
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

from ..engine import DEFAULT_MIN_CONFIDENCE
from ._rows import REPORT_COLUMN, RowFixer, options_of

__all__ = ["fix_arrow", "fix_table"]


def fix_arrow(
    array: Any,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
) -> tuple[pa.Array, pa.Array]:
    """The repaired ``array`` (an Array or ChunkedArray; same type, nulls kept)
    and a string array holding each row's ``Result.to_dict()`` as JSON (null
    where the value was null)."""
    fixer = RowFixer(("text",), options=options_of(min_confidence, enable, disable))
    texts: list[str | None] = []
    reports: list[str | None] = []
    for value in array.to_pylist():
        result = fixer.fix_value("array", value)
        texts.append(None if result is None else result.text)
        reports.append(None if result is None else json.dumps(result.to_dict(), ensure_ascii=False))
    return pa.array(texts, type=array.type), pa.array(reports, type=pa.string())


def fix_table(
    table: pa.Table,
    columns: Sequence[str],
    *,
    report_column: str = REPORT_COLUMN,
    path: str = "",
    record_column: str | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
) -> pa.Table:
    """``table`` with ``columns`` repaired and ``report_column`` added: each row's
    lines of the ``fix --field`` JSON Lines report."""
    fixer = RowFixer.of(
        columns,
        report_column=report_column,
        path=path,
        record_column=record_column,
        min_confidence=min_confidence,
        enable=enable,
        disable=disable,
    )
    return fix_table_with(fixer, table)


def fix_table_with(fixer: RowFixer, table: pa.Table) -> pa.Table:
    """:func:`fix_table` with its settings in ``fixer``."""
    present = [name for name in fixer.columns if name in table.column_names]
    values = {name: table.column(name).to_pylist() for name in present}
    records = (
        table.column(fixer.record_column).to_pylist()
        if fixer.record_column in table.column_names
        else None
    )
    if not present:
        values = {"": [None] * table.num_rows}
    fixed, reports = fixer.fix_columns(values, records)
    for name in present:
        index = table.column_names.index(name)
        column_type = table.schema.field(name).type
        table = table.set_column(index, name, pa.array(fixed[name], type=column_type))
    report = pa.array(reports, type=pa.string())
    if fixer.report_column in table.column_names:
        index = table.column_names.index(fixer.report_column)
        return table.set_column(index, fixer.report_column, report)
    return table.append_column(fixer.report_column, report)
