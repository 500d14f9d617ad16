"""SIGTERM and SIGHUP stop a run the way Ctrl-C does: the exception unwinds the
run, which stops its workers and removes its temporary files, and the command
exits 128 + the signal's number (143, 129), as a shell reports a killed process.

>>> with stopping_on_signals():
...     signal.raise_signal(signal.SIGTERM)
Traceback (most recent call last):
...
mojibake_fix.cli.signals.Stopped: signal 15
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

# SIGHUP and signal masks are POSIX only.
STOPPING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
_MASKS = hasattr(signal, "pthread_sigmask")


class Stopped(BaseException):
    """The run was asked to stop by a signal (a BaseException, like KeyboardInterrupt,
    so that no ``except Exception`` keeps it from unwinding)."""

    def __init__(self, number: int) -> None:
        super().__init__(f"signal {number}")
        self.number = number


def _stop(number: int, frame: FrameType | None) -> None:
    for stopping in STOPPING:  # a second signal must not cut the clean-up short
        signal.signal(stopping, signal.SIG_IGN)
    raise Stopped(number)


@contextmanager
def stopping_on_signals() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise :class:`Stopped` (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.signal(number, _stop) for number in STOPPING}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextmanager
def held() -> Iterator[None]:
    """SIGTERM and SIGHUP wait until the end of the block. Around a fork: a
    handler run in the fork's callbacks would have its exception ignored."""
    if not _MASKS:
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def default_signals() -> None:
    """In a worker: die on SIGTERM and SIGHUP, as the main process expects
    (a worker forked inside :func:`held` starts with them blocked)."""
    for number in STOPPING:
        signal.signal(number, signal.SIG_DFL)
    if _MASKS:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING)
