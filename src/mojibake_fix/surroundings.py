"""Whether a repair depends on unrelated text around it.

Scraped documents join lines from many sources: a repair that changes when a
clean line in another language is put before or after the damaged one judged
by evidence it should not have seen. This module frames each case of a corpus
with such a line and compares the repair of the whole with the repair of the
case alone.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .charclass import script_group, script_of
from .engine import fix
from .evaluation import Case, enabled_for

# Families whose inputs are repaired; the others are left as they are.
UNREPAIRED_FAMILIES = frozenset({"negative", "replacement-char"})


@dataclass(frozen=True, slots=True)
class Framing:
    """How one case fared with an unrelated clean line before and after it."""

    case: Case
    line: str
    alone: str
    before: str
    after: str

    @property
    def differs_before(self) -> bool:
        return self.before != self.line + "\n" + self.alone

    @property
    def differs_after(self) -> bool:
        return self.after != self.alone + "\n" + self.line

    @property
    def differs(self) -> bool:
        return self.differs_before or self.differs_after


def scripts_of(text: str) -> frozenset[str]:
    """The scripts of the letters of ``text``, those written together counted as one."""
    return frozenset(
        script_group(script) for script in (script_of(ch) for ch in text if ch.isalpha())
    )


def unrelated_line(case: Case, lines: Mapping[str, Sequence[str]]) -> str | None:
    """A clean line, from ``lines`` (by language), in another language and
    in other scripts than ``case``: chosen by the case's id, so that every run
    picks the same one."""
    own = scripts_of(case.expected)
    eligible = [
        lang
        for lang in sorted(lines)
        if lang != case.language and lines[lang] and not scripts_of(lines[lang][0]) & own
    ]
    if not eligible:
        return None
    key = zlib.crc32(case.id.encode("utf-8"))
    chosen = lines[eligible[key % len(eligible)]]
    return chosen[(key // len(eligible)) % len(chosen)]


def framed(case: Case, line: str) -> Framing:
    """The repair of ``case`` alone, after ``line`` and before it."""
    enable = enabled_for(case)
    return Framing(
        case=case,
        line=line,
        alone=fix(case.input, enable=enable).text,
        before=fix(line + "\n" + case.input, enable=enable).text,
        after=fix(case.input + "\n" + line, enable=enable).text,
    )
