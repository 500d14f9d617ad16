"""The README's examples hold as written.

Its Python session runs as a doctest (``--doctest-glob=README.md``); this
module checks the rest: each ``before:``/``after:`` pair and each
``X`` → ``Y`` example of the table of what it repairs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import mojibake_fix

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
_PAIR = re.compile(r"^before: (.*)\nafter:  (.*)$", re.MULTILINE)
_ARROW = re.compile(r"`([^`]+)` → `([^`]+)`")
_ESCAPE = re.compile(r"\\x([0-9a-f]{2})|\\u([0-9a-f]{4})")


def _unescaped(text: str) -> str:
    """``\\x93`` and ``\\ud83d`` as the characters they name, as the README writes them."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _table_examples() -> list[tuple[str, str, str]]:
    section = README.split("## What it repairs", 1)[1].split("\n## ", 1)[0]
    examples: list[tuple[str, str, str]] = []
    for row in section.splitlines():
        if not row.startswith("| `"):
            continue
        detector_cell, examples_cell = row.split(" | ")[:2]
        enable = ("html-entities",) if "opt-in" in detector_cell else ()
        for broken, fixed in _ARROW.findall(examples_cell):
            examples.append((_unescaped(broken), _unescaped(fixed), ",".join(enable)))
    return examples


PAIRS = _PAIR.findall(README)
EXAMPLES = _table_examples()


def test_the_readme_has_examples() -> None:
    assert len(PAIRS) == 2
    assert len(EXAMPLES) >= 15


@pytest.mark.parametrize(("before", "after"), PAIRS)
def test_before_and_after(before: str, after: str) -> None:
    result = mojibake_fix.fix(before)
    assert result.text == after
    assert result.revert() == before


@pytest.mark.parametrize(("broken", "fixed", "enable"), EXAMPLES)
def test_what_it_repairs(broken: str, fixed: str, enable: str) -> None:
    result = mojibake_fix.fix(broken, enable=[e for e in enable.split(",") if e])
    assert result.text == fixed
    assert result.revert() == broken
