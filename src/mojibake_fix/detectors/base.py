"""What a detector is: an id, a trigger, and a function from text to findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Finding


@dataclass(frozen=True, slots=True)
class Detector:
    """One family of damage.

    ``trigger`` returns a regular expression (source text) that matches
    somewhere in every text the detector could find anything in; the engine
    combines all triggers into the one scan that lets clean text through
    untouched. ``priority`` breaks ties between equally confident findings:
    lower wins. ``needs_non_ascii`` says that pure ASCII text can never
    trigger it, which lets the scan skip such text outright. ``prefilter``,
    when given, is a cheaper pattern that matches wherever ``trigger`` does
    (and more): the scan tries it first and the trigger only from its first
    match on.
    """

    id: str
    summary: str
    find: Callable[[str], Iterable[Finding]]
    trigger: Callable[[], str]
    enabled_by_default: bool = True
    priority: int = 50
    needs_non_ascii: bool = True
    prefilter: Callable[[], str] | None = None
