"""Repair named columns of a batch row by row, with each row's report.

The shared core of the pandas, pyarrow, Ray and Dask adapters, free of any of
those libraries: columns come in as plain sequences with ``None`` for a
missing value, and go out with the repaired values and one report per row
(the lines ``fix --field`` writes for that record, ``""`` when it had nothing
to say).

>>> fixer = RowFixer(("title", "text"), path="in.jsonl")
>>> fixed, reports = fixer.fix_columns({"title": ["cafÃ©", None], "text": ["ok", "ok"]})
>>> fixed["title"], fixed["text"], reports[1]
(['café', None], ['ok', 'ok'], '')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..batch import FieldTypeError, FixOptions, record_report
from ..engine import DEFAULT_MIN_CONFIDENCE
from ..model import Result

REPORT_COLUMN = "mojibake_report"


def options_of(
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
) -> FixOptions:
    return FixOptions(min_confidence, tuple(enable), tuple(disable))


def record_number(value: object) -> int | None:
    """A record number from a column value: a positive integer, else ``None``."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return None
    return number if number >= 1 else None


@dataclass(frozen=True, slots=True)
class RowFixer:
    """What to repair in a batch: ``columns`` (repaired in this order, as
    ``--field`` names), where the report goes, and what path and record
    numbers the report names (``record_column`` holds each row's 1-based
    line in ``path``, when the data has it)."""

    columns: tuple[str, ...]
    report_column: str = REPORT_COLUMN
    path: str = ""
    record_column: str | None = None
    options: FixOptions = field(default_factory=FixOptions)

    @classmethod
    def of(
        cls,
        columns: Sequence[str],
        *,
        report_column: str = REPORT_COLUMN,
        path: str = "",
        record_column: str | None = None,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
        enable: Iterable[str] = (),
        disable: Iterable[str] = (),
    ) -> RowFixer:
        """The fixer the adapters' keyword arguments describe (each column once)."""
        return cls(
            tuple(dict.fromkeys(columns)),
            report_column,
            path,
            record_column,
            options_of(min_confidence, enable, disable),
        )

    def fix_value(self, column: str, value: object) -> Result | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise FieldTypeError(f"column {column!r} holds a {type(value).__name__}, not a string")
        return self.options.fix(value)

    def fix_columns(
        self,
        values: Mapping[str, Sequence[str | None]],
        records: Sequence[object] | None = None,
    ) -> tuple[dict[str, list[str | None]], list[str]]:
        """The repaired values of each column, and each row's report."""
        rows = len(next(iter(values.values()))) if values else 0
        fixed: dict[str, list[str | None]] = {name: list(values[name]) for name in values}
        reports: list[str] = []
        for row in range(rows):
            results: dict[str, Result] = {}
            for name in values:
                result = self.fix_value(name, values[name][row])
                if result is not None:
                    results[name] = result
                    fixed[name][row] = result.text
            record = record_number(records[row]) if records is not None else None
            reports.append(record_report(results, path=self.path, record=record))
        return fixed, reports
