"""Repair text in Dask: dataframes with ``map_partitions``, bags with ``map``.

Both add each record's report: the lines of the JSON Lines report that
``mojibake-fix fix --field`` writes for it (``""`` when there was nothing to
say). Join them with :func:`mojibake_fix.batch.join_report` for a report
that ``mojibake-fix revert`` reads.

>>> import dask.bag as db
>>> bag = db.from_sequence([{"id": 1, "meta": {"title": "cafÃ©"}}], npartitions=1)
>>> [record] = fix_bag(bag, ["meta.title"], record_field="id").compute()
>>> record["meta"], record["mojibake_report"].count("\\n")
({'title': 'café'}, 2)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..batch import FieldTypeError, FixOptions, get_field, record_report, set_field
from ..engine import DEFAULT_MIN_CONFIDENCE
from ..model import Result
from ._rows import REPORT_COLUMN, RowFixer, options_of, record_number

__all__ = ["FixPartition", "FixRecord", "fix_bag", "fix_dataframe"]


@dataclass(frozen=True, slots=True)
class FixPartition:
    """The function ``map_partitions`` runs on each pandas partition."""

    fixer: RowFixer

    def __call__(self, partition: Any) -> Any:
        from .pandas import fix_frame_with

        return fix_frame_with(self.fixer, partition)


def fix_dataframe(
    frame: Any,
    columns: Sequence[str],
    *,
    report_column: str = REPORT_COLUMN,
    path: str = "",
    record_column: str | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
) -> Any:
    """A lazy ``dask.dataframe`` with ``columns`` repaired and ``report_column``
    added (``record_column``: each row's 1-based line in ``path``)."""
    fixer = RowFixer.of(
        columns,
        report_column=report_column,
        path=path,
        record_column=record_column,
        min_confidence=min_confidence,
        enable=enable,
        disable=disable,
    )
    function = FixPartition(fixer)
    return frame.map_partitions(function, meta=function(frame._meta))


@dataclass(frozen=True, slots=True)
class FixRecord:
    """The function ``bag.map`` runs on each record (a dict): the record with
    ``fields`` repaired (dotted paths reach into nested objects) and its report
    under ``report_key``."""

    fields: tuple[str, ...]
    report_key: str = REPORT_COLUMN
    path: str = ""
    record_field: str | None = None
    options: FixOptions = field(default_factory=FixOptions)

    def __call__(self, record: Mapping[str, Any]) -> dict[str, Any]:
        fixed = dict(record)
        results: dict[str, Result] = {}
        for name in self.fields:
            value = get_field(record, name)
            if value is None:
                continue
            if not isinstance(value, str):
                raise FieldTypeError(f"field {name!r} is not a string ({type(value).__name__})")
            result = self.options.fix(value)
            results[name] = result
            if result.changes:
                set_field(fixed, name, result.text)
        number = record_number(record.get(self.record_field)) if self.record_field else None
        fixed[self.report_key] = record_report(results, path=self.path, record=number)
        return fixed


def fix_bag(
    bag: Any,
    fields: Sequence[str],
    *,
    report_key: str = REPORT_COLUMN,
    path: str = "",
    record_field: str | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
) -> Any:
    """``bag.map(FixRecord(...))``: a lazy bag of repaired records with their reports."""
    options = options_of(min_confidence, enable, disable)
    return bag.map(FixRecord(tuple(dict.fromkeys(fields)), report_key, path, record_field, options))
