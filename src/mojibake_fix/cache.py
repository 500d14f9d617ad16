"""The one folder outside the package that mojibake_fix writes to.

``$MOJIBAKE_FIX_CACHE``, or ``~/.cache/mojibake_fix`` when that variable is not
set. The library keeps there the word tables it builds once per machine
(:mod:`.context.stored`); PyThaiNLP, which it reads Thai word counts from,
makes a data folder of its own when it is imported, and that folder goes here
rather than into the home folder.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

# PyThaiNLP's data folder, by the variable it reads first and the one it
# still accepts.
_PYTHAINLP_VARIABLES = ("PYTHAINLP_DATA", "PYTHAINLP_DATA_DIR")


def cache_folder() -> Path:
    """``$MOJIBAKE_FIX_CACHE``, or ``~/.cache/mojibake_fix``."""
    base = os.environ.get("MOJIBAKE_FIX_CACHE")
    return Path(base) if base else Path.home() / ".cache" / "mojibake_fix"


@contextlib.contextmanager
def pythainlp_data_in_cache() -> Iterator[None]:
    """While PyThaiNLP is imported inside this block, its data folder (which
    it makes at import, ``~/pythainlp-data`` by default) is
    ``cache_folder() / "pythainlp-data"``: the variable is set for the block
    only, and not at all when the user has set either of PyThaiNLP's own."""
    try:
        folder = cache_folder() / "pythainlp-data"
    except (RuntimeError, KeyError):  # no home folder to put a cache in
        folder = None
    if folder is None or any(name in os.environ for name in _PYTHAINLP_VARIABLES):
        yield
        return
    os.environ[_PYTHAINLP_VARIABLES[0]] = str(folder)
    try:
        yield
    finally:
        os.environ.pop(_PYTHAINLP_VARIABLES[0], None)
