"""How often bytes decode to the text their authors wrote: ours beside chardet
and charset-normalizer alone, on bytes in a known encoding.

A decoding is right when its text equals the text the true encoding gives, so
equivalent encodings (GB2312 and GB18030, Shift_JIS and CP932, ISO-8859-1 and
Windows-1252 on text they write alike) count as right. The test of decoding
and ``benchmarks/decoding.py`` both count with :func:`tally`; the library
never imports this module.

>>> from mojibake_fix.external import EncodedText
>>> sample = EncodedText("demo", "fr", "cp1252", "très".encode("cp1252"), "très")
>>> tally([sample], {"ours": our_text})[0].right
{'ours': 1}
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .decode import decode
from .external import EncodedText

Decoder = Callable[[bytes], "str | None"]

# Families of encodings, as the table groups them; a codec of none is "other".
FAMILIES: dict[str, tuple[str, ...]] = {
    "Unicode": ("utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-16-le", "utf-32",
                "utf-32-be", "utf-32-le", "ascii"),
    "Japanese": ("shift_jis", "cp932", "euc_jp", "iso2022_jp"),
    "Chinese": ("gb2312", "gbk", "gb18030", "big5", "big5hkscs"),
    "Korean": ("euc_kr", "cp949", "johab", "iso2022_kr"),
    "Cyrillic": ("cp1251", "iso8859-5", "koi8-r", "cp855", "cp866", "mac-cyrillic"),
    "Central European": ("cp1250", "iso8859-2"),
    "Western": ("cp1252", "iso8859-1", "mac-roman"),
    "Greek": ("cp1253", "iso8859-7"),
    "Hebrew": ("cp1255", "iso8859-8"),
    "Arabic": ("cp1256", "iso8859-6"),
    "Turkish": ("cp1254", "iso8859-9"),
    "Thai": ("tis-620", "cp874"),
}  # fmt: skip
_FAMILY_OF = {
    codecs.lookup(name).name: family for family, names in FAMILIES.items() for name in names
}


def family_of(encoding: str) -> str:
    """The family of a codec name (``"euc_jp"`` → ``"Japanese"``)."""
    return _FAMILY_OF.get(codecs.lookup(encoding).name, "other")


def canonical_encoding(encoding: str) -> str:
    """One name for each codec (``utf_8_sig`` and ``utf-8-sig`` are one)."""
    return codecs.lookup(encoding).name


@dataclass(slots=True)
class Row:
    """The count of samples of one encoding (or family) each decoder got right."""

    label: str
    samples: int = 0
    right: dict[str, int] = field(default_factory=dict)


def our_text(data: bytes) -> str:
    """mojibake_fix's decoding of ``data``."""
    return decode(data).text


def chardet_text(data: bytes) -> str | None:
    """``data`` decoded with chardet's best guess (None when it has none or
    the guess does not decode)."""
    import chardet

    name = chardet.detect(data).get("encoding")
    return _strictly(data, name) if name else None


def charset_normalizer_text(data: bytes) -> str | None:
    """``data`` decoded with charset-normalizer's best match."""
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    return _strictly(data, "utf_8_sig" if best.bom and best.encoding == "utf_8" else best.encoding)


def _strictly(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


DECODERS: dict[str, Decoder] = {
    "ours": our_text,
    "chardet": chardet_text,
    "charset-normalizer": charset_normalizer_text,
}


def tally(samples: Iterable[EncodedText], decoders: Mapping[str, Decoder] = DECODERS) -> list[Row]:
    """One row per encoding, in order of first appearance: how many samples
    each decoder turned into their text."""
    rows: dict[str, Row] = {}
    for sample in samples:
        label = canonical_encoding(sample.encoding)
        row = rows.setdefault(label, Row(label, right=dict.fromkeys(decoders, 0)))
        row.samples += 1
        for name, decoder in decoders.items():
            row.right[name] += decoder(sample.data) == sample.text
    return list(rows.values())


def by_family(rows: Sequence[Row]) -> list[Row]:
    """The rows summed by family of encodings, then a total row."""
    families: dict[str, Row] = {}
    total = Row("total")
    for row in rows:
        for merged in (families.setdefault(family_of(row.label), Row(family_of(row.label))), total):
            merged.samples += row.samples
            for name, count in row.right.items():
                merged.right[name] = merged.right.get(name, 0) + count
    return [*sorted(families.values(), key=lambda row: row.label), total]
