"""A datatrove formatter that can take the place of its ``FTFYFormatter``.

It repairs each document's text, like ``FTFYFormatter``, but touches only the
spans it judges broken (no control-character removal, no HTML unescaping by
default), and can keep each document's changes in its metadata, so the repair
can be audited or undone later::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    LocalPipelineExecutor(
        pipeline=[
            JsonlReader("crawl/"),
            MojibakeFixFormatter(report_key="mojibake_fix"),  # was FTFYFormatter()
            JsonlWriter("clean/"),
        ],
        tasks=8,
    ).run()

>>> from datatrove.data import Document
>>> formatter = MojibakeFixFormatter(report_key="mojibake_fix")
>>> formatter.format("cafÃ©")
'café'
>>> [doc] = formatter.run(iter([Document(text="NaÃ¯ve", id="1")]))
>>> doc.text, doc.metadata["mojibake_fix"]["changes"][0]["original"]
('Naïve', 'Ã¯')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from datatrove.pipeline.formatters.base import (  # type: ignore[import-untyped,unused-ignore]
    BaseFormatter,
)
from datatrove.utils.typeshelper import (  # type: ignore[import-untyped,unused-ignore]
    StatHints,
)

from ..engine import DEFAULT_MIN_CONFIDENCE
from ..model import Result
from ._rows import options_of

__all__ = ["MojibakeFixFormatter"]


class MojibakeFixFormatter(BaseFormatter):  # type: ignore[misc,unused-ignore]
    """Repair mojibake in each document's text; with ``report_key``, keep the
    document's ``Result.to_dict()`` in ``metadata[report_key]`` when it changed."""

    name = "🔧 mojibake-fix"

    def __init__(
        self,
        *,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
        enable: Iterable[str] = (),
        disable: Iterable[str] = (),
        report_key: str | None = None,
    ) -> None:
        super().__init__()
        self.options = options_of(min_confidence, enable, disable)
        self.report_key = report_key

    def repair(self, text: str) -> Result:
        return self.options.fix(text)

    def format(self, text: str) -> str:
        return self.repair(text).text

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Any:
        for document in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                result = self.repair(document.text)
                document.text = result.text
            if result.changes:
                self.stat_update("changed")
                self.stat_update("changes", value=len(result.changes))
                if self.report_key is not None:
                    document.metadata[self.report_key] = result.to_dict()
            yield document
