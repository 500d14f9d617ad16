"""An ordered map over worker processes that never runs far ahead of its reader.

``multiprocessing.Pool.imap`` reads its whole input as fast as it can, which
for a large file means holding all of it; here at most ``window`` tasks are in
flight, and results come back in input order. Items that are not tasks
(markers) pass straight through, in their place. The first task runs in this
process, and workers are forked where the platform allows it, so that what the
first task loads (word lists, damaged-word indexes) is inherited, not loaded
again by each worker. When the reader stops early (an error, SIGTERM, Ctrl-C)
the workers are terminated at once, not left to finish what is in flight.

>>> list(ordered_map(abs, iter([-1, "end", -2]), jobs=1, is_task=lambda x: isinstance(x, int)))
[(-1, 1), ('end', None), (-2, 2)]
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from .signals import default_signals, held

Item = TypeVar("Item")
Value = TypeVar("Value")


def ordered_map(
    function: Callable[[Any], Value],
    items: Iterator[Item],
    *,
    jobs: int,
    is_task: Callable[[Item], bool],
    window_per_job: int = 4,
) -> Generator[tuple[Item, Value | None], None, None]:
    """``(item, function(item))`` for each item in order; ``None`` for markers."""
    if jobs <= 1:
        for item in items:
            yield item, function(item) if is_task(item) else None
        return
    # The first task runs here, before the workers start: what it loads lazily
    # (word lists, compiled tables) is then shared with forked workers instead of
    # being loaded again by each.
    for item in items:
        yield item, function(item) if is_task(item) else None
        if is_task(item):
            break
    window = jobs * window_per_job
    executor = ProcessPoolExecutor(
        max_workers=jobs, mp_context=_context(), initializer=default_signals
    )
    in_flight: deque[tuple[Item, Future[Value] | None]] = deque()
    try:
        for item in items:
            with held():  # submit may fork a worker
                future = executor.submit(function, item) if is_task(item) else None
            in_flight.append((item, future))
            while len(in_flight) > window or (in_flight and _ready(in_flight[0][1])):
                yield _take(in_flight)  # type: ignore[arg-type]
        while in_flight:
            yield _take(in_flight)  # type: ignore[arg-type]
    except BaseException:
        # An error, a signal or a reader that stopped early: the workers are
        # stopped now rather than left to finish what is in flight.
        _stop_workers(executor)
        raise
    executor.shutdown()


def _stop_workers(executor: ProcessPoolExecutor) -> None:
    # The executor has no public way to stop a running worker: its processes are taken
    # from it, and terminated once it no longer hands them work.
    workers = list((executor._processes or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.join()


def _context() -> multiprocessing.context.BaseContext | None:
    """fork on Linux (the default before Python 3.14), else the platform's default."""
    return multiprocessing.get_context("fork") if sys.platform == "linux" else None


def _ready(future: Future[Any] | None) -> bool:
    return future is None or future.done()


def _take(in_flight: deque[tuple[Item, Future[Value] | None]]) -> tuple[Item, Value | None]:
    item, future = in_flight.popleft()
    if future is None:
        return item, None
    return item, future.result()
