"""Repair pandas text columns, keeping a report of every row.

>>> import pandas as pd
>>> frame = fix_series(pd.Series(["cafÃ©", "plain", None], name="text"))
>>> frame["text"].tolist()[:2], frame["report"][0]["changes"][0]["original"]
(['café', 'plain'], 'Ã©')
>>> frame["report"][1]["changed"], frame["report"][2]
(False, None)
>>> table = pd.DataFrame({"id": [1, 2], "text": ["NaÃ¯ve", "ok"]})
>>> fixed = fix_frame(table, ["text"], path="in.jsonl", record_column="id")
>>> fixed["text"].tolist(), fixed["mojibake_report"][1]
(['Naïve', 'ok'], '')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd  # type: ignore[import-untyped,unused-ignore]

from ..engine import DEFAULT_MIN_CONFIDENCE
from ._rows import REPORT_COLUMN, RowFixer, options_of

__all__ = ["fix_frame", "fix_series"]


def _values(series: pd.Series) -> list[str | None]:
    """The column as a list, with every kind of missing value (NaN, NA, None) as None."""
    missing = series.isna().tolist()
    return [None if gone else value for value, gone in zip(series.tolist(), missing, strict=True)]


def fix_series(
    series: pd.Series,
    *,
    report_column: str = "report",
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
) -> pd.DataFrame:
    """A frame on the series' index: the repaired text (under the series' name, or
    ``text``) and ``report_column`` holding each row's ``Result.to_dict()``
    (``None`` where the value was missing)."""
    fixer = RowFixer(("text",), options=options_of(min_confidence, enable, disable))
    texts: list[str | None] = []
    reports: list[object] = []
    for value in _values(series):
        result = fixer.fix_value(str(series.name), value)
        texts.append(None if result is None else result.text)
        reports.append(None if result is None else result.to_dict())
    name = series.name if series.name is not None else "text"
    return pd.DataFrame(
        {
            name: _replaced(series, texts),
            report_column: pd.Series(reports, index=series.index, dtype=object),
        },
        index=series.index,
    )


def _replaced(series: pd.Series, texts: Sequence[str | None]) -> pd.Series:
    """``series`` with the values that changed replaced, so its dtype and its
    missing values stay as they were."""
    out = series.copy()
    old = series.tolist()
    pairs = enumerate(zip(old, texts, strict=True))
    positions = [i for i, (a, b) in pairs if b is not None and a != b]
    if positions:
        out.iloc[positions] = [texts[i] for i in positions]
    return out


def fix_frame(
    frame: pd.DataFrame,
    columns: Sequence[str],
    *,
    report_column: str = REPORT_COLUMN,
    path: str = "",
    record_column: str | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
) -> pd.DataFrame:
    """A copy of ``frame`` with ``columns`` repaired and ``report_column`` added:
    each row's lines of the ``fix --field`` JSON Lines report (see
    :func:`mojibake_fix.batch.record_report`)."""
    fixer = RowFixer.of(
        columns,
        report_column=report_column,
        path=path,
        record_column=record_column,
        min_confidence=min_confidence,
        enable=enable,
        disable=disable,
    )
    return fix_frame_with(fixer, frame)


def fix_frame_with(fixer: RowFixer, frame: pd.DataFrame) -> pd.DataFrame:
    """:func:`fix_frame` with its settings in ``fixer``."""
    present = [name for name in fixer.columns if name in frame.columns]
    values = {name: _values(frame[name]) for name in present}
    records = frame[fixer.record_column].tolist() if fixer.record_column in frame else None
    if not present:
        values = {"": [None] * len(frame)}
    fixed, reports = fixer.fix_columns(values, records)
    out = frame.copy()
    for name in present:
        out[name] = _replaced(frame[name], fixed[name])
    out[fixer.report_column] = pd.Series(reports, index=frame.index, dtype=object)
    return out
