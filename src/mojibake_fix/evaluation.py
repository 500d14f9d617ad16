"""Measure repairs on a labelled corpus, next to ftfy, family by family.

A corpus is JSON Lines, one case a line: ``input`` (the text as found),
``expected`` (what it should become), ``family`` (the kind of damage; the
family ``negative`` holds clean text that must come back untouched), and
``id``, ``language``, ``source``, ``note`` for people. Each case is repaired
with :func:`mojibake_fix.fix` (the public API only, so the numbers are what a
user gets), checked to revert exactly, and compared by character error rate:
Levenshtein distance to ``expected`` divided by its length.

Mojibake damages short spans, so the distance first trims the common prefix
and suffix and then runs a bit-parallel algorithm over what is left:

>>> edit_distance("The cafÃ© is open", "The café is open")
2
>>> edit_distance("kitten", "sitting")
3
>>> family = summarize("demo", [evaluate_case(Case("1", "cafÃ©", "café", "demo"))])
>>> family.cases, family.exact, family.edits_before, family.edits_after
(1, 1, 2, 0)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from . import DEFAULT_MIN_CONFIDENCE, __version__, fix, revert
from .detectors import DETECTORS

DEFAULT_CORPUS = "corpus/cases.jsonl"
NEGATIVE_FAMILY = "negative"
CONTEXT = 30  # characters shown either side of a difference in --failures
SHOWN_INPUT = 240  # longest input shown in --failures

Repairer = Callable[[str], str]


class CorpusError(Exception):
    """A corpus that cannot be read: one line naming the file (and line)."""


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled example of the corpus."""

    id: str
    input: str
    expected: str
    family: str
    language: str = ""
    source: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What each tool made of one case."""

    case: Case
    got: str
    changed: bool
    reverted: bool
    error: str | None
    others: tuple[tuple[str, str], ...] = ()

    @property
    def exact(self) -> bool:
        return self.got == self.case.expected

    @property
    def unchanged(self) -> bool:
        return self.got == self.case.input and not self.changed


@dataclass(frozen=True, slots=True)
class OtherTool:
    """Exact repairs and remaining edits of a tool we compare against."""

    name: str
    exact: int
    edits_after: int


@dataclass(frozen=True, slots=True)
class FamilyStats:
    """The counts of one family (or of a total over several)."""

    family: str
    cases: int
    expected_chars: int
    exact: int
    unchanged: int
    edits_before: int
    edits_after: int
    revert_failures: int
    errors: int
    others: tuple[OtherTool, ...] = ()

    def cer_before(self) -> float:
        return _ratio(self.edits_before, self.expected_chars)

    def cer_after(self) -> float:
        return _ratio(self.edits_after, self.expected_chars)

    def to_dict(self) -> dict[str, Any]:
        return {
            "family": self.family,
            "cases": self.cases,
            "expected_chars": self.expected_chars,
            "exact": self.exact,
            "exact_rate": _ratio(self.exact, self.cases),
            "unchanged": self.unchanged,
            "unchanged_rate": _ratio(self.unchanged, self.cases),
            "cer_before": self.cer_before(),
            "cer_after": self.cer_after(),
            "revert_failures": self.revert_failures,
            "errors": self.errors,
            "others": {
                other.name: {
                    "exact": other.exact,
                    "exact_rate": _ratio(other.exact, self.cases),
                    "cer_after": _ratio(other.edits_after, self.expected_chars),
                }
                for other in self.others
            },
        }


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


# --- edit distance ---------------------------------------------------------


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insert, delete, substitute: each costs 1).

    After trimming the shared prefix and suffix, Hyyrö's bit-parallel form of
    Myers' algorithm keeps one DP column in two integers, so the work is one
    handful of big-integer operations per character of the longer string.
    """
    if a == b:
        return 0
    prefix = 0
    limit = min(len(a), len(b))
    while prefix < limit and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    limit -= prefix
    while suffix < limit and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    a = a[prefix : len(a) - suffix]
    b = b[prefix : len(b) - suffix]
    if len(a) > len(b):
        a, b = b, a
    if not a:
        return len(b)
    masks: dict[str, int] = {}
    for position, char in enumerate(a):
        masks[char] = masks.get(char, 0) | (1 << position)
    full = (1 << len(a)) - 1
    last = 1 << (len(a) - 1)
    plus, minus, distance = full, 0, len(a)
    for char in b:
        equal = masks.get(char, 0)
        vertical = equal | minus
        horizontal = (((equal & plus) + plus) ^ plus) | equal
        h_plus = minus | (~(horizontal | plus) & full)
        h_minus = plus & horizontal
        if h_plus & last:
            distance += 1
        elif h_minus & last:
            distance -= 1
        h_plus = ((h_plus << 1) | 1) & full
        h_minus = (h_minus << 1) & full
        plus = h_minus | (~(vertical | h_plus) & full)
        minus = h_plus & vertical
    return distance


# --- reading ---------------------------------------------------------------


def as_surrogate_pairs(text: str) -> str:
    """Each astral character as its UTF-16 surrogate pair, two code points.

    JSON cannot keep two adjacent surrogates apart (a parser joins them), so
    a corpus stores such input whole and marks it ``"input_form":
    "surrogate-pairs"``.

    >>> as_surrogate_pairs("a\\U0001f600") == "a\\ud83d\\ude00"
    True
    """
    return "".join(
        ch
        if ord(ch) < 0x10000
        else chr(0xD800 + ((ord(ch) - 0x10000) >> 10)) + chr(0xDC00 + ((ord(ch) - 0x10000) & 0x3FF))
        for ch in text
    )


def read_cases(path: str | Path) -> list[Case]:
    """The cases of a JSON Lines corpus; ``CorpusError`` names a bad line."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CorpusError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CorpusError(f"{path}: is a directory") from None
    except UnicodeDecodeError:
        raise CorpusError(f"{path}: not valid UTF-8") from None
    except OSError as error:
        raise CorpusError(f"{path}: cannot read: {error.strerror}") from None
    cases: list[Case] = []
    # Only "\n" ends a record: str.splitlines would also split at U+0085 or
    # U+2028, which JSON allows raw inside strings and mojibake is full of.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise CorpusError(f"{path}:{number}: not valid JSON: {error.msg}") from None
        if not isinstance(record, dict):
            raise CorpusError(f"{path}:{number}: not a JSON object")
        for name in ("input", "expected"):
            if not isinstance(record.get(name), str):
                raise CorpusError(f"{path}:{number}: field {name!r} missing or not a string")
        form = record.get("input_form")
        if form not in (None, "surrogate-pairs"):
            raise CorpusError(f"{path}:{number}: unknown input_form {form!r}")
        cases.append(
            Case(
                id=str(record.get("id", f"line-{number}")),
                input=as_surrogate_pairs(record["input"]) if form else record["input"],
                expected=record["expected"],
                family=str(record.get("family") or "unspecified"),
                language=str(record.get("language") or ""),
                source=str(record.get("source") or ""),
                note=str(record.get("note") or ""),
            )
        )
    return cases


# --- measuring -------------------------------------------------------------


def available_tools() -> dict[str, Repairer]:
    """The other repairers that can be imported here, by name."""
    tools: dict[str, Repairer] = {}
    try:
        import ftfy

        tools["ftfy"] = ftfy.fix_encoding
    except ImportError:  # pragma: no cover - ftfy is a dependency
        pass
    try:
        import plsfix

        tools["plsfix"] = plsfix.fix_text
    except ImportError:
        pass
    return tools


_OPT_IN_DETECTORS = frozenset(d.id for d in DETECTORS if not d.enabled_by_default)


def enabled_for(case: Case) -> tuple[str, ...]:
    """The detectors, off by default, that repair ``case``'s family: a user
    who has that kind of text turns them on."""
    return (case.family,) if case.family in _OPT_IN_DETECTORS else ()


def evaluate_case(
    case: Case,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    tools: Sequence[tuple[str, Repairer]] = (),
) -> Outcome:
    """Repair one case with ours and with each tool; check that it reverts.

    A family named after a detector that is off by default (``html-entities``)
    is repaired with that detector turned on, as a user who has that kind of
    text would.
    """
    error: str | None = None
    enable = enabled_for(case)
    try:
        result = fix(case.input, min_confidence=min_confidence, enable=enable)
        got, changed = result.text, bool(result.changes)
        reverted = result.revert() == case.input and revert(got, result.changes) == case.input
    except Exception as exc:  # fix must never raise; count it rather than stop
        error = f"{type(exc).__name__}: {exc}"
        got, changed, reverted = case.input, False, False
    others: list[tuple[str, str]] = []
    for name, repair in tools:
        try:
            others.append((name, repair(case.input)))
        except Exception:  # another tool's crash leaves the text as it was
            others.append((name, case.input))
    return Outcome(case, got, changed, reverted, error, tuple(others))


def summarize(family: str, outcomes: Sequence[Outcome]) -> FamilyStats:
    """Add up the outcomes of one family (or of any group of cases)."""
    names = [name for name, _ in outcomes[0].others] if outcomes else []
    other_exact = dict.fromkeys(names, 0)
    other_edits = dict.fromkeys(names, 0)
    for outcome in outcomes:
        for name, text in outcome.others:
            other_exact[name] += text == outcome.case.expected
            other_edits[name] += edit_distance(text, outcome.case.expected)
    return FamilyStats(
        family=family,
        cases=len(outcomes),
        expected_chars=sum(len(o.case.expected) for o in outcomes),
        exact=sum(o.exact for o in outcomes),
        unchanged=sum(o.unchanged for o in outcomes),
        edits_before=sum(edit_distance(o.case.input, o.case.expected) for o in outcomes),
        edits_after=sum(edit_distance(o.got, o.case.expected) for o in outcomes),
        revert_failures=sum(not o.reverted for o in outcomes),
        errors=sum(o.error is not None for o in outcomes),
        others=tuple(OtherTool(n, other_exact[n], other_edits[n]) for n in names),
    )


def by_family(outcomes: Iterable[Outcome]) -> dict[str, list[Outcome]]:
    """Outcomes grouped by family, families sorted by name, negatives last."""
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault(outcome.case.family, []).append(outcome)
    order = sorted(groups, key=lambda name: (name == NEGATIVE_FAMILY, name))
    return {name: groups[name] for name in order}


def totals(groups: dict[str, list[Outcome]]) -> list[FamilyStats]:
    """The total over every case, and over the mojibake (non-negative) cases."""
    every = [o for family in groups.values() for o in family]
    positives = [o for name, family in groups.items() if name != NEGATIVE_FAMILY for o in family]
    rows = []
    if positives and len(positives) != len(every):
        rows.append(summarize("total (mojibake)", positives))
    rows.append(summarize("total", every))
    return rows


# --- rendering -------------------------------------------------------------


def _percent(value: float) -> str:
    return f"{100 * value:.1f}%"


def _cer(value: float) -> str:
    return f"{100 * value:.2f}%"


def markdown_table(rows: Sequence[FamilyStats]) -> Iterator[str]:
    """The per-family table, one Markdown line at a time."""
    names = [other.name for other in rows[0].others] if rows else []
    header = ["family", "cases", "exact (ours)"]
    header += [f"exact ({name})" for name in names]
    header += ["CER before", "CER after (ours)"]
    header += [f"CER after ({name})" for name in names]
    header += ["unchanged %", "revert failures"]
    yield "| " + " | ".join(header) + " |"
    yield "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"
    for row in rows:
        is_total = row.family.startswith("total")
        family = f"**{row.family}**" if is_total else row.family
        cells = [family, str(row.cases), _percent(_ratio(row.exact, row.cases))]
        cells += [_percent(_ratio(other.exact, row.cases)) for other in row.others]
        cells += [_cer(row.cer_before()), _cer(row.cer_after())]
        cells += [_cer(_ratio(other.edits_after, row.expected_chars)) for other in row.others]
        cells.append(
            _percent(_ratio(row.unchanged, row.cases)) if row.family == NEGATIVE_FAMILY else "—"
        )
        cells.append(str(row.revert_failures))
        yield "| " + " | ".join(cells) + " |"


def _show(text: str) -> str:
    """Quoted, with invisible characters escaped so a reader can see them."""
    shown = "".join(
        ch
        if ch.isprintable() and ch not in "\u00a0\u00ad"
        else f"\\u{ord(ch):04x}"
        if ord(ch) > 0xFF
        else f"\\x{ord(ch):02x}"
        for ch in text
    )
    return f"'{shown}'"


def _common_prefix(texts: Sequence[str]) -> int:
    shortest = min(len(t) for t in texts)
    length = 0
    while length < shortest and all(t[length] == texts[0][length] for t in texts):
        length += 1
    return length


def clip_to_difference(texts: Sequence[str], context: int = CONTEXT) -> list[str]:
    """Each text cut down to where they differ, with ``context`` characters around.

    >>> clip_to_difference(["one two Ã© three four", "one two é three four"], 4)
    ['…two Ã© thr…', '…two é thr…']
    """
    if all(text == texts[0] for text in texts):
        return list(texts)
    prefix = _common_prefix(texts)
    rest = [t[prefix:][::-1] for t in texts]
    suffix = _common_prefix(rest)
    start = max(0, prefix - context)
    clipped = []
    for text in texts:
        end = len(text) - max(0, suffix - context)
        head = "…" if start > 0 else ""
        tail = "…" if end < len(text) else ""
        clipped.append(head + text[start:end] + tail)
    return clipped


def failures(outcomes: Sequence[Outcome]) -> list[Outcome]:
    """Cases we got wrong: a negative that changed, a repair that missed, a bad revert."""
    return [
        o
        for o in outcomes
        if not o.reverted
        or o.error is not None
        or (not o.unchanged if o.case.family == NEGATIVE_FAMILY else not o.exact)
    ]


def failure_lines(family: str, outcomes: Sequence[Outcome], limit: int) -> Iterator[str]:
    failed = failures(outcomes)
    if not failed:
        return
    yield ""
    yield f"### {family}: {len(failed)} failing, first {min(limit, len(failed))}"
    for outcome in failed[:limit]:
        case = outcome.case
        # Expected and got are cut to where they disagree (the failure itself);
        # the input to where it differs from expected, at most SHOWN_INPUT long.
        shown_expected, shown_got = clip_to_difference([case.expected, outcome.got])
        shown_input = clip_to_difference([case.input, case.expected])[0]
        if len(shown_input) > SHOWN_INPUT:
            shown_input = shown_input[:SHOWN_INPUT] + "…"
        about = "; ".join(part for part in (case.language, case.note or case.source) if part)
        yield ""
        yield f"- id {case.id}" + (f" ({about})" if about else "")
        yield f"  - input:    {_show(shown_input)}"
        yield f"  - expected: {_show(shown_expected)}"
        yield f"  - got:      {_show(shown_got)}"
        if not outcome.reverted:
            yield "  - **revert did not give the input back**"
        if outcome.error:
            yield f"  - **error:** {outcome.error}"


# --- the command -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one evaluation run measured."""

    corpus: str
    min_confidence: float
    tools: tuple[str, ...]
    families: dict[str, list[Outcome]]
    rows: tuple[FamilyStats, ...]

    @property
    def negatives_changed(self) -> int:
        return sum(not o.unchanged for o in self.families.get(NEGATIVE_FAMILY, []))

    @property
    def revert_failures(self) -> int:
        return sum(not o.reverted for family in self.families.values() for o in family)

    @property
    def errors(self) -> int:
        return sum(o.error is not None for family in self.families.values() for o in family)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "mojibake-fix/evaluation",
            "version": 1,
            "mojibake_fix": __version__,
            "corpus": self.corpus,
            "min_confidence": self.min_confidence,
            "tools": {name: _tool_version(name) for name in self.tools},
            "families": [row.to_dict() for row in self.rows],
            "negatives_changed": self.negatives_changed,
            "revert_failures": self.revert_failures,
            "errors": self.errors,
        }


def _tool_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


def evaluate(
    cases: Sequence[Case],
    *,
    corpus: str = "",
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    tools: Sequence[tuple[str, Repairer]] = (),
) -> Report:
    """Run every case and add up the results per family."""
    outcomes = [evaluate_case(c, min_confidence=min_confidence, tools=tools) for c in cases]
    families = by_family(outcomes)
    rows = [summarize(name, group) for name, group in families.items()]
    rows += totals(families) if families else []
    return Report(corpus, min_confidence, tuple(n for n, _ in tools), families, tuple(rows))


def add_eval_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``mojibake-fix eval``."""
    parser.add_argument(
        "corpus",
        nargs="?",
        default=DEFAULT_CORPUS,
        metavar="CORPUS",
        help=f"JSON Lines corpus (default {DEFAULT_CORPUS})",
    )
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown")
    parser.add_argument(
        "--family",
        action="append",
        default=[],
        metavar="F",
        help="only cases of this family (repeatable)",
    )
    parser.add_argument(
        "--failures", type=int, default=0, metavar="N", help="show up to N failing cases a family"
    )
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=DEFAULT_MIN_CONFIDENCE,
        help=f"passed to fix (default {DEFAULT_MIN_CONFIDENCE})",
    )
    parser.add_argument(
        "--compare",
        action="append",
        choices=("ftfy", "plsfix", "none"),
        metavar="TOOL",
        help="tools to compare with: ftfy, plsfix, none (default: every importable one)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 if any negative changed, any revert failed or fix raised",
    )


def command_eval(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``mojibake-fix eval``: 0, or 1 under --strict when something broke, 2 for bad input."""
    try:
        cases = read_cases(args.corpus)
    except CorpusError as error:
        print(f"mojibake-fix: error: {error}", file=sys.stderr)
        return 2
    if args.family:
        cases = [case for case in cases if case.family in set(args.family)]
    importable = available_tools()
    wanted = args.compare if args.compare is not None else list(importable)
    tools = [(name, importable[name]) for name in wanted if name in importable]
    report = evaluate(
        cases, corpus=str(args.corpus), min_confidence=args.min_confidence, tools=tools
    )
    if args.format == "json":
        body = report.to_dict()
        if args.failures > 0:
            body["failures"] = {
                family: [_failure_record(o) for o in failures(group)[: args.failures]]
                for family, group in report.families.items()
            }
        out.write(json.dumps(body, indent=2) + "\n")
    else:
        for line in _markdown_lines(report, args.failures):
            out.write(line + "\n")
    broken = report.negatives_changed or report.revert_failures or report.errors
    return 1 if args.strict and broken else 0


def _markdown_lines(report: Report, failure_limit: int) -> Iterator[str]:
    yield from markdown_table(report.rows)
    yield ""
    cases = sum(len(group) for group in report.families.values())
    versions = ", ".join(f"{name} {_tool_version(name)}" for name in report.tools)
    yield (
        f"{cases} cases from {report.corpus}; mojibake_fix {__version__}"
        + (f", {versions}" if versions else "")
        + f"; min_confidence {report.min_confidence}."
    )
    yield (
        f"Negatives changed: {report.negatives_changed}. "
        f"Revert failures: {report.revert_failures}. Errors: {report.errors}."
    )
    if failure_limit > 0:
        for family, group in report.families.items():
            yield from failure_lines(family, group, failure_limit)


def _failure_record(outcome: Outcome) -> dict[str, Any]:
    return {
        "id": outcome.case.id,
        "input": outcome.case.input,
        "expected": outcome.case.expected,
        "got": outcome.got,
        "reverted": outcome.reverted,
        "error": outcome.error,
    }
