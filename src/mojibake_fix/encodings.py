"""Which encoding bytes that are not UTF-8 were written in.

chardet 7 proposes candidates (``detect_all``); every multi-byte East Asian
encoding and Windows-1252 are always candidates too, since chardet leaves
them out of its list for short text. Each candidate that decodes the bytes
is judged by :func:`~mojibake_fix.plausibility.plausibility` of its text, plus
a prior for the encoding (Windows-1252 is common, EBCDIC and the Mac code
pages rare) and chardet's own confidence. Candidates that decode to the same
text are one, under the name with the best prior: a narrower standard
(GB2312, Shift_JIS, EUC-KR) before the superset that extends it.

Large inputs are judged on a sample: chardet reads their first
:data:`SAMPLE_BYTES`, candidates that fail to decode those are out, and the
text of the first :data:`JUDGED_BYTES` is scored.

>>> guess_encoding("Prix spécial : 12 € — très intéressant".encode("cp1252"))
'cp1252'
>>> guess_encoding("東京都の天気は晴れです".encode("euc_jp"))
'euc_jp'
"""

from __future__ import annotations

import codecs
import functools
from dataclasses import dataclass

from .plausibility import plausibility

SAMPLE_BYTES = 65536
# The text a candidate's plausibility is judged on: the decoding of this many bytes.
JUDGED_BYTES = 16384
CHARDET_CANDIDATES = 12
# chardet's confidence counts for this much plausibility per byte that is not ASCII.
CHARDET_WEIGHT = 1.0
WINDOWS_1252 = "windows-1252"
# Always candidates: chardet does not list these for a line or two of text.
EAST_ASIAN = (
    "shift_jis", "cp932", "euc_jp", "iso2022_jp",
    "gb2312", "gbk", "gb18030", "big5",
    "euc_kr", "cp949", "johab", "iso2022_kr",
)  # fmt: skip
# Priors, in the score's units (bytes of plausible text).
_PRIORS = {
    "cp1252": 2.0,
    # The narrower standard before its superset, when both read the bytes.
    "gb2312": 0.6, "gbk": 0.3, "shift_jis": 0.3, "euc_kr": 0.3, "big5": 0.3,
    # Korean's other standards, seldom met.
    "johab": -2.0, "iso2022_kr": -2.0,
}  # fmt: skip
# A superset reads what its narrower standard reads: the narrower one is as
# likely as chardet finds the superset.
_NARROWER = {
    "gb18030": ("gbk", "gb2312"),
    "gbk": ("gb2312",),
    "cp932": ("shift_jis",),
    "cp949": ("euc_kr",),
}
_NON_ASCII = bytes(range(0x80, 0x100))
_RARE = -2.0
_EBCDIC = -6.0
# The codecs the web and old files are written in (and the Windows and
# Unicode families); any other ASCII-compatible code page (DOS, Mac, the rarer
# ISO-8859 parts) is rare.
_WIDELY_USED = frozenset({
    "iso8859-1", "iso8859-2", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8",
    "iso8859-9", "iso8859-15", "koi8-r", "koi8-u", "cp866", "tis-620", "cp874", "ascii",
    *EAST_ASIAN, "big5hkscs",
})  # fmt: skip
_WIDELY_USED_FAMILIES = ("cp125", "utf-")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One encoding's reading of the sample, and its score."""

    encoding: str
    text: str
    score: float


@functools.cache
def codec_name(encoding: str) -> str:
    """The name Python files a codec under (``Windows-1252`` → ``cp1252``)."""
    return codecs.lookup(encoding).name


@functools.cache
def is_ascii_compatible(encoding: str) -> bool:
    """Whether ASCII bytes mean ASCII in ``encoding``, escape sequences too
    (not so in EBCDIC, UTF-16 or ISO-2022)."""
    ascii_bytes = bytes(range(128)) + b"\x1b$B\x1b(B"
    try:
        return ascii_bytes.decode(encoding) == ascii_bytes.decode("ascii")
    except UnicodeDecodeError:
        return False


def prior(encoding: str) -> float:
    """How much more likely ``encoding`` is than another, before any byte is seen."""
    name = codec_name(encoding)
    if name in _PRIORS:
        return _PRIORS[name]
    if name in _WIDELY_USED or name.startswith(_WIDELY_USED_FAMILIES):
        return 0.0
    return _RARE if is_ascii_compatible(name) else _EBCDIC


def sample(data: bytes, size: int = SAMPLE_BYTES) -> bytes:
    """The first ``size`` bytes of ``data``, ending at a line end where one is
    near (all of ``data`` when it is no longer)."""
    if len(data) <= size:
        return data
    head = data[:size]
    end = head.rfind(b"\n", size * 3 // 4)
    return head[: end + 1] if end >= 0 else head


# The five bytes Windows-1252 leaves undefined, kept as the C1 controls Latin-1 gives.
_CP1252_UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")
_CP1252_HOLES = {0xDC00 + ord(b): ord(b) for b in _CP1252_UNDEFINED}


def decode_cp1252(data: bytes) -> str:
    """Windows-1252, its five undefined bytes read as Latin-1 does (never fails)."""
    if not any(byte in data for byte in _CP1252_UNDEFINED):
        return data.decode("cp1252")
    return data.decode("cp1252", "surrogateescape").translate(_CP1252_HOLES)


def _decoded(data: bytes, encoding: str, final: bool) -> str | None:
    if encoding == "cp1252":
        return decode_cp1252(data)
    try:
        return codecs.getincrementaldecoder(encoding)().decode(data, final)
    except (UnicodeDecodeError, LookupError):
        return None


def _proposals(data: bytes, also: tuple[str, ...]) -> dict[str, float]:
    """Codec names and chardet's confidence in each (0 for those it did not
    propose): its first candidates, the narrower standards of those, and
    Windows-1252, every East Asian encoding and ``also``."""
    import chardet  # loaded only for bytes that are not UTF-8

    confidence: dict[str, float] = {}
    for guess in chardet.detect_all(data, ignore_threshold=True)[:CHARDET_CANDIDATES]:
        try:
            codec = codec_name(guess["encoding"] or "")
        except LookupError:
            continue
        for name in (codec, *_NARROWER.get(codec, ())):
            confidence[name] = max(confidence.get(name, 0.0), float(guess["confidence"]))
    for name in (WINDOWS_1252, *EAST_ASIAN, *also):
        confidence.setdefault(codec_name(name), 0.0)
    return confidence


def candidates(
    data: bytes, *, ascii_compatible: bool = False, also: tuple[str, ...] = ()
) -> list[Candidate]:
    """The encodings that read ``data`` (judged on its :func:`sample`), best
    first; with ``ascii_compatible``, only those where ASCII is ASCII;
    ``also`` names more encodings to try."""
    head = sample(data)
    judged = sample(head, JUDGED_BYTES)
    weight = CHARDET_WEIGHT * max(1, len(judged) - len(judged.translate(None, _NON_ASCII)))
    by_text: dict[str, Candidate] = {}
    for codec, confidence in _proposals(head, also).items():
        if ascii_compatible and not is_ascii_compatible(codec):
            continue
        text = _decoded(head, codec, head is data)
        if text is not None and judged is not head:
            text = _decoded(judged, codec, False)
        if text is None:
            continue
        score = weight * confidence + prior(codec)
        known = by_text.get(text)
        if known is None or score > known.score:
            by_text[text] = Candidate(codec, text, score)
    judged_candidates = (
        Candidate(c.encoding, c.text, c.score + plausibility(c.text, c.encoding))
        for c in by_text.values()
    )
    return sorted(judged_candidates, key=lambda c: -c.score)


def guess_encoding(
    data: bytes, *, ascii_compatible: bool = False, also: tuple[str, ...] = ()
) -> str:
    """The codec name of the best candidate that decodes all of ``data``
    (Windows-1252 when none does)."""
    for candidate in candidates(data, ascii_compatible=ascii_compatible, also=also):
        if _decoded(data, candidate.encoding, True) is not None:
            return candidate.encoding
    return codec_name(WINDOWS_1252)
