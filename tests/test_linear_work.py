"""The work of a call grows linearly with its text, whatever the text holds.

The adversarial inputs of ``benchmarks/adversarial.py`` are repaired at two sizes and
the work is counted, not timed: the number of Python function calls (cProfile's count,
the same on every machine). At twice the size the calls per character stay as they
were; a per-site rescan of the whole text or a search that grows with the run doubles
them.
"""

from __future__ import annotations

import cProfile
import importlib.util
import pstats
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import mojibake_fix

ROOT = Path(__file__).resolve().parents[1]
# The calls per character of the larger text over those of the smaller: 1 for
# linear work (less, for what a call does once whatever its size), 2 for
# quadratic work at twice the size.
MOST_GROWTH = 1.1
# Characters of the smaller text: longer than the reach of any window (a word
# reaches 96 characters), so that a scan past the window shows.
SMALLER = 400


def _adversarial() -> ModuleType:
    path = ROOT / "benchmarks" / "adversarial.py"
    spec = importlib.util.spec_from_file_location("adversarial", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


ADVERSARIAL = _adversarial()
INPUTS = [spec for spec in ADVERSARIAL.INPUTS if "10k" not in spec.name]


def _calls(text: str, enable: tuple[str, ...]) -> int:
    profile = cProfile.Profile()
    profile.enable()
    mojibake_fix.fix(text, enable=enable)
    profile.disable()
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


def _smallest_n(build: Callable[[int], str], characters: int) -> int:
    """The smallest n at which ``build`` gives at least ``characters``."""
    low, high = 0, 1
    while len(build(high)) < characters:
        low, high = high, 2 * high
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if len(build(middle)) < characters else (low, middle)
    return high


@pytest.mark.parametrize("spec", INPUTS, ids=[spec.name for spec in INPUTS])
def test_twice_the_text_is_twice_the_work(spec: Any) -> None:
    n = _smallest_n(spec.build, SMALLER)
    smaller, larger = spec.build(n), spec.build(2 * n)
    for text in (smaller, larger):
        mojibake_fix.fix(text, enable=spec.enable)  # loads the lazy tables once
    calls = _calls(larger, spec.enable) / _calls(smaller, spec.enable)
    growth = calls / (len(larger) / len(smaller))
    assert growth <= MOST_GROWTH, f"{len(larger)} characters: {growth:.2f}x the calls per character"
