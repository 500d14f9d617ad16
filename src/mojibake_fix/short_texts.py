"""Answers kept for short texts.

A title, or a run with the characters around it, is asked the same question
by every code page that reads it (the twin pages, the part read again after
its line): what is worked out of a text of at most :data:`SHORT` characters
is kept in a bounded cache; a longer text is worked out each time it is
asked, so nothing long is held.

>>> @kept_for_short(maxsize=16)
... def length(text: str) -> int:
...     return len(text)
>>> length("Grüße"), length("x" * 100)
(5, 100)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

SHORT = 64

_P = ParamSpec("_P")
_R = TypeVar("_R")


def kept_for_short(
    maxsize: int,
) -> Callable[[Callable[Concatenate[str, _P], _R]], Callable[Concatenate[str, _P], _R]]:
    """A function of a text (and hashable arguments) whose answers for short
    texts are kept, at most ``maxsize`` of them."""

    def decorate(
        function: Callable[Concatenate[str, _P], _R],
    ) -> Callable[Concatenate[str, _P], _R]:
        kept = functools.lru_cache(maxsize=maxsize)(function)

        @functools.wraps(function)
        def answer(text: str, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
            if len(text) <= SHORT:
                # The arguments are hashable, as the functions kept so take.
                return kept(text, *args, **kwargs)  # type: ignore[arg-type]
            return function(text, *args, **kwargs)

        return answer

    return decorate
