"""Ray Data: FixBatch on a real local Ray instance gives what the command line gives."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import pytest

from mojibake_fix.integrations.ray import FixBatch, fix_dataset

from .test_batch import CliRun, assert_same_as_cli, cli_run

ray = pytest.importorskip("ray")

__all__ = ["cli_run"]  # the shared fixture, imported for pytest to find


@pytest.fixture(scope="module")
def local_ray() -> Iterator[Any]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        ray.data.DataContext.get_current().enable_progress_bars = False
        yield ray
    finally:
        ray.shutdown()


def plain(row: dict[str, Any]) -> dict[str, Any]:
    """A row with NumPy scalars and NaN for a missing text made plain Python."""
    out = {key: (value.item() if hasattr(value, "item") else value) for key, value in row.items()}
    if isinstance(out["text"], float) and math.isnan(out["text"]):
        out["text"] = None
    return out


@pytest.mark.parametrize("batch_format", ["pyarrow", "pandas"])
def test_map_batches_matches_the_cli_record_for_record(
    local_ray: Any, cli_run: CliRun, batch_format: str
) -> None:
    dataset = local_ray.data.read_json(str(cli_run.source), override_num_blocks=2)
    fixed = dataset.map_batches(
        FixBatch(columns=["text"], path=str(cli_run.source), record_column="id"),
        batch_format=batch_format,
        batch_size=64,
    )
    rows = [plain(row) for row in fixed.take_all()]
    assert_same_as_cli(rows, cli_run)


def test_fix_dataset_in_an_actor_pool_with_numpy_batches(local_ray: Any) -> None:
    dataset = local_ray.data.from_items(
        [{"id": n, "text": "cafÃ©" if n % 2 else "plain", "other": "Ã©"} for n in range(1, 41)]
    )
    fixed = dataset.map_batches(
        FixBatch,
        fn_constructor_kwargs={"columns": ["text"], "report_column": "r"},
        concurrency=2,
        batch_size=8,
    )
    rows = sorted((plain(row) for row in fixed.take_all()), key=lambda row: row["id"])
    assert [row["text"] for row in rows] == ["café" if n % 2 else "plain" for n in range(1, 41)]
    assert {row["other"] for row in rows} == {"Ã©"}
    assert [bool(row["r"]) for row in rows] == [bool(n % 2) for n in range(1, 41)]
    again = fix_dataset(dataset, ["text", "other"], batch_format="pandas").take_all()
    assert {plain(row)["other"] for row in again} == {"é"}
