"""Dask: dataframes and bags on a real local cluster give what the command line gives."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

import pytest

from mojibake_fix.integrations.dask import fix_bag, fix_dataframe

from .test_batch import CliRun, assert_same_as_cli, cli_run

distributed = pytest.importorskip("distributed")
dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")

__all__ = ["cli_run"]  # the shared fixture, imported for pytest to find


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


def plain(row: dict[str, Any]) -> dict[str, Any]:
    out = {key: (value.item() if hasattr(value, "item") else value) for key, value in row.items()}
    if isinstance(out["text"], float) and math.isnan(out["text"]):
        out["text"] = None
    return out


def test_dataframe_map_partitions_matches_the_cli(client: Any, cli_run: CliRun) -> None:
    frame = dd.read_json(str(cli_run.source), lines=True, blocksize=2**14, dtype=False)
    assert frame.npartitions > 1
    fixed = fix_dataframe(frame, ["text"], path=str(cli_run.source), record_column="id")
    result = client.compute(fixed).result()
    rows = [plain(row) for row in result.to_dict(orient="records")]
    assert_same_as_cli(rows, cli_run)


def test_bag_map_matches_the_cli(client: Any, cli_run: CliRun) -> None:
    bag = db.read_text(str(cli_run.source), blocksize=2**14).map(json.loads)
    assert bag.npartitions > 1
    fixed = fix_bag(bag, ["text"], path=str(cli_run.source), record_field="id")
    rows = client.compute(fixed).result()
    assert_same_as_cli(rows, cli_run)


def test_bag_repairs_nested_fields_and_keeps_the_rest(client: Any) -> None:
    records = [{"id": n, "meta": {"title": "NaÃ¯ve", "n": n}, "body": "Ã©"} for n in range(1, 9)]
    bag = db.from_sequence(records, npartitions=2)
    out = client.compute(fix_bag(bag, ["meta.title"], report_key="r")).result()
    assert [r["meta"] for r in out] == [{"title": "Naïve", "n": n} for n in range(1, 9)]
    assert {r["body"] for r in out} == {"Ã©"}
    kinds = [[json.loads(line)["type"] for line in r["r"].splitlines()] for r in out]
    assert all(found.count("change") == 1 for found in kinds)
