"""Find text decoded with the wrong encoding, repair it, and record every change.

>>> import mojibake_fix
>>> result = mojibake_fix.fix("The cafÃ© is â€œopenâ€\\x9d")
>>> result.text
'The café is “open”'
>>> [(c.start, c.end, c.original, c.replacement) for c in result.changes]
[(7, 9, 'Ã©', 'é'), (13, 16, 'â€œ', '“'), (20, 23, 'â€\\x9d', '”')]
>>> result.revert() == "The cafÃ© is â€œopenâ€\\x9d"
True
"""

from ._version import __version__
from .batch import fix_many, fix_records
from .decode import fix_bytes
from .engine import DEFAULT_MIN_CONFIDENCE, detect, fix
from .model import Candidate, Change, Finding, Result, apply, changes_from_dict, revert

__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
    "Candidate",
    "Change",
    "Finding",
    "Result",
    "__version__",
    "apply",
    "changes_from_dict",
    "detect",
    "fix",
    "fix_bytes",
    "fix_many",
    "fix_records",
    "revert",
]
