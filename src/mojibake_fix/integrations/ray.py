"""Repair text columns of a Ray Dataset with ``map_batches``.

:class:`FixBatch` takes a batch in any of Ray's formats (``"pandas"``,
``"pyarrow"``, or the default dict of NumPy arrays), repairs the named
columns and adds a report column: each row's lines of the JSON Lines report
that ``mojibake-fix fix --field`` writes (``""`` when there was nothing to
say). Pass an instance to run it as a task, or the class with
``fn_constructor_kwargs`` and ``concurrency`` to run it in an actor pool::

    ds = ray.data.read_json("s3://bucket/crawl/")
    ds = ds.map_batches(FixBatch(columns=["text"]), batch_format="pyarrow")
    # or: ds.map_batches(FixBatch, fn_constructor_kwargs={"columns": ["text"]},
    #                    concurrency=8, batch_format="pyarrow")

The class needs no Ray to run, which is what the example below shows:

>>> import pyarrow as pa
>>> fix = FixBatch(columns=["text"], path="in.jsonl", record_column="id")
>>> batch = fix(pa.table({"id": [1, 2], "text": ["cafÃ©", "ok"]}))
>>> batch.column("text").to_pylist(), batch.column("mojibake_report")[1].as_py()
(['café', 'ok'], '')
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..engine import DEFAULT_MIN_CONFIDENCE
from ._rows import REPORT_COLUMN, RowFixer

__all__ = ["FixBatch", "fix_dataset"]


class FixBatch:
    """Repair ``columns`` of a Ray Data batch and add ``report_column``.

    ``path`` and ``record_column`` (a column with each row's 1-based line in
    that file) make the report name records as the command line does.
    """

    def __init__(
        self,
        columns: Sequence[str],
        *,
        report_column: str = REPORT_COLUMN,
        path: str = "",
        record_column: str | None = None,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
        enable: Iterable[str] = (),
        disable: Iterable[str] = (),
    ) -> None:
        self.fixer = RowFixer.of(
            columns,
            report_column=report_column,
            path=path,
            record_column=record_column,
            min_confidence=min_confidence,
            enable=enable,
            disable=disable,
        )

    def __call__(self, batch: Any) -> Any:
        if isinstance(batch, Mapping):
            return self._fix_numpy(batch)
        arrow = sys.modules.get("pyarrow")
        if arrow is not None and isinstance(batch, arrow.Table):
            from .arrow import fix_table_with

            return fix_table_with(self.fixer, batch)
        from .pandas import fix_frame_with

        return fix_frame_with(self.fixer, batch)

    def _fix_numpy(self, batch: Mapping[str, Any]) -> dict[str, Any]:
        import numpy as np

        present = [name for name in self.fixer.columns if name in batch]
        rows = len(next(iter(batch.values()))) if batch else 0
        values = {name: [_text_or_none(v) for v in batch[name]] for name in present}
        record_column = self.fixer.record_column
        records = list(batch[record_column]) if record_column and record_column in batch else None
        fixed, reports = self.fixer.fix_columns(values or {"": [None] * rows}, records)
        out = dict(batch)
        for name in present:
            out[name] = np.array(fixed[name], dtype=object)
        out[self.fixer.report_column] = np.array(reports, dtype=object)
        return out


def _text_or_none(value: Any) -> Any:
    """NumPy batches hold missing strings as None or NaN: both become None."""
    return None if value is None or (isinstance(value, float) and value != value) else value


def fix_dataset(
    dataset: Any,
    columns: Sequence[str],
    *,
    batch_format: str = "pyarrow",
    batch_size: int | None = 256,
    **options: Any,
) -> Any:
    """``dataset.map_batches(FixBatch(columns, **options), ...)``: a lazy Dataset
    with ``columns`` repaired and the report column added."""
    return dataset.map_batches(
        FixBatch(columns, **options), batch_format=batch_format, batch_size=batch_size
    )
