"""Generate corpus/cases.jsonl: mojibake test cases built from clean text.

Reads every ``corpus/clean/<lang>.txt`` (one paragraph per line, own writing),
``corpus/clean/cldr.txt`` (``<locale>\\t<text>``, built from babel's CLDR data by
``make_cldr.py``) and ``corpus/negatives.txt`` (``<lang>\\t<text>``, hand-written
clean strings that look suspicious), breaks the clean text in the ways scraped text
gets broken, and writes one JSON object per line with the keys
``id, input, expected, family, language, source, note``.

The output is deterministic: every random choice comes from a ``random.Random``
seeded with a fixed string, and all inputs are read in sorted order.

Usage::

    python corpus/generate.py            # writes corpus/cases.jsonl, prints counts

Only the standard library is needed, plus ftfy for its ``sloppy-windows-125x``
codecs (``import ftfy.bad_codecs``).
"""

from __future__ import annotations

import html.entities
import itertools
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-125x codecs)

HERE = Path(__file__).resolve().parent
CLEAN_DIR = HERE / "clean"
NEGATIVES = HERE / "negatives.txt"
OUTPUT = HERE / "cases.jsonl"

SLOPPY_1252 = "sloppy-windows-1252"
LATIN_1 = "latin-1"

# Bytes that Windows-1252 leaves undefined; ftfy's sloppy codec maps them to U+0081 etc.
UNDEFINED_1252 = "\x81\x8d\x8f\x90\x9d"
C1_RE = re.compile("[\x80-\x9f]")
ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")

# Characters that Windows-1252 encodes in 0x80-0x9F (curly quotes, dashes, €, ™ ...).
CP1252_C1_CHARS = frozenset(
    bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in b"\x81\x8d\x8f\x90\x9d"
)

DETECT_ONLY = frozenset({"negative", "replacement-char"})


@dataclass(frozen=True, slots=True)
class Codec:
    """A wrong decoding: the family id, the Python codec and a readable name."""

    family: str
    codec: str
    name: str
    langs: frozenset[str]


CODEC_FAMILIES: tuple[Codec, ...] = (
    Codec(
        "utf8-as-macroman",
        "mac_roman",
        "MacRoman",
        frozenset({"en", "fr", "de", "es", "pt", "it", "nl", "da", "sv", "is"}),
    ),
    Codec(
        "utf8-as-cp1250",
        "sloppy-windows-1250",
        "windows-1250",
        frozenset({"pl", "cs", "sk", "hu", "ro", "hr", "sl"}),
    ),
    Codec(
        "utf8-as-cp1251", "sloppy-windows-1251", "windows-1251", frozenset({"ru", "uk", "bg", "sr"})
    ),
    Codec("utf8-as-cp1253", "sloppy-windows-1253", "windows-1253", frozenset({"el"})),
    Codec("utf8-as-cp1254", "sloppy-windows-1254", "windows-1254", frozenset({"tr"})),
    Codec("utf8-as-cp1257", "sloppy-windows-1257", "windows-1257", frozenset({"lt", "lv", "et"})),
    Codec("utf8-as-cp437", "cp437", "cp437", frozenset({"en", "fr", "de", "es", "it", "nl"})),
    Codec(
        "utf8-as-cp850",
        "cp850",
        "cp850",
        frozenset({"fr", "de", "es", "pt", "it", "nl", "da", "sv"}),
    ),
    Codec(
        "utf8-as-iso-8859-2",
        "iso-8859-2",
        "ISO-8859-2",
        frozenset({"pl", "cs", "sk", "hu", "hr", "sl", "ro"}),
    ),
    Codec(
        "utf8-as-iso-8859-15",
        "iso-8859-15",
        "ISO-8859-15",
        frozenset({"fr", "de", "es", "pt", "it", "nl", "fi", "et"}),
    ),
    Codec("utf8-as-koi8-r", "koi8-r", "KOI8-R", frozenset({"ru"})),
)
TWO_LAYER_FAMILIES = frozenset(
    {"utf8-as-macroman", "utf8-as-cp1250", "utf8-as-cp1251", "utf8-as-cp437", "utf8-as-koi8-r"}
)
MIN_PER_CODEC = 48

# The codec a second sentence is broken with in `mixed` cases, by language.
SECOND_CODEC: dict[str, tuple[str, str]] = {
    **{lang: ("sloppy-windows-1251", "windows-1251") for lang in ("ru", "uk", "bg", "sr")},
    **{
        lang: ("sloppy-windows-1250", "windows-1250")
        for lang in ("pl", "cs", "sk", "hu", "ro", "hr", "sl")
    },
    **{lang: ("sloppy-windows-1257", "windows-1257") for lang in ("lt", "lv", "et")},
    "el": ("sloppy-windows-1253", "windows-1253"),
    "tr": ("sloppy-windows-1254", "windows-1254"),
}
DEFAULT_SECOND = ("mac_roman", "MacRoman")

# Legacy 8-bit code pages: text saved in `codec`, opened as Windows-1252 / Latin-1.
LEGACY: dict[str, tuple[tuple[str, str], ...]] = {
    "ru": (("cp1251", "windows-1251"), ("koi8-r", "KOI8-R")),
    "uk": (("cp1251", "windows-1251"),),
    "bg": (("cp1251", "windows-1251"),),
    "sr": (("cp1251", "windows-1251"),),
    "pl": (("cp1250", "windows-1250"),),
    "cs": (("cp1250", "windows-1250"),),
    "hu": (("cp1250", "windows-1250"),),
    "sk": (("cp1250", "windows-1250"),),
    "el": (("cp1253", "windows-1253"),),
    "tr": (("cp1254", "windows-1254"),),
    "he": (("cp1255", "windows-1255"),),
}

# Pairs of languages joined into one text for cross-language `mixed` cases.
MIXED_PAIRS: tuple[tuple[str, str], ...] = (
    ("fr", "ru"),
    ("de", "el"),
    ("pl", "uk"),
    ("es", "bg"),
    ("cs", "ru"),
    ("tr", "de"),
    ("en", "zh"),
    ("it", "ja"),
    ("pt", "ko"),
    ("hu", "sr"),
    ("sv", "he"),
    ("nl", "ar"),
    ("fi", "lt"),
    ("da", "tr"),
    ("ro", "ru"),
    ("vi", "fr"),
)

# Sentence ends: punctuation, optional closing quotes, then space (or CJK full stop).
SENTENCE_END_RE = re.compile(r"[.!?…。！？।؟]+[»”“\"’」）)]*\s*")
CJK_STOPS = frozenset("。！？")


@dataclass(frozen=True, slots=True)
class Text:
    """One clean paragraph or line and where it came from."""

    lang: str
    text: str
    source: str


@dataclass(slots=True)
class Corpus:
    """Collects cases, numbers them per family and language, and drops duplicates."""

    cases: list[dict[str, str]] = field(default_factory=list)
    counters: Counter[tuple[str, str]] = field(default_factory=Counter)
    seen: set[tuple[str, str]] = field(default_factory=set)

    def add(
        self,
        family: str,
        src: Text,
        text_in: str,
        expected: str,
        note: str,
        input_form: str | None = None,
    ) -> None:
        """Add one case unless it is a duplicate or an unchanged mojibake case.

        ``input_form`` names a transformation a reader must apply to the
        loaded ``input`` ("surrogate-pairs": JSON cannot keep two adjacent
        surrogates apart, so each astral character stands for its pair).
        """
        if family in DETECT_ONLY:
            if text_in != expected:
                raise ValueError(f"{family} case must have input == expected")
        elif text_in == expected:
            return
        key = (family, text_in)
        if key in self.seen:
            return
        self.seen.add(key)
        number = self.counters[(family, src.lang)]
        self.counters[(family, src.lang)] += 1
        self.cases.append(
            {
                "id": f"{family}/{src.lang}/{number:04d}",
                "input": text_in,
                "expected": expected,
                "family": family,
                "language": src.lang,
                "source": src.source,
                "note": note,
                **({"input_form": input_form} if input_form else {}),
            }
        )


# --------------------------------------------------------------------------- reading


def read_paragraphs() -> dict[str, list[Text]]:
    """Own-writing paragraphs by language, from clean/<lang>.txt."""
    out: dict[str, list[Text]] = {}
    for path in sorted(CLEAN_DIR.glob("*.txt")):
        if path.stem == "cldr":
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        out[path.stem] = [Text(path.stem, line, "own-writing") for line in lines if line]
    return out


def read_tabbed(path: Path, source: Callable[[str], str]) -> list[Text]:
    """Lines of ``<locale>\\t<text>``; the language is the locale's base language."""
    out: list[Text] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line:
            continue
        locale, text = line.split("\t", 1)
        out.append(Text(locale.split("_")[0], text, source(locale)))
    return out


# --------------------------------------------------------------------------- helpers


def redecode(text: str, codec: str, layers: int = 1) -> str | None:
    """Encode as UTF-8 and decode with `codec`, `layers` times; None if undecodable."""
    try:
        for _ in range(layers):
            text = text.encode("utf-8").decode(codec)
    except UnicodeError:
        return None
    return text


def is_ascii(text: str) -> bool:
    return text.isascii()


def split_sentences(text: str, lang: str) -> list[str]:
    """Split into pieces whose concatenation is `text` (sentences, with trailing space)."""
    cuts: list[int] = []
    if lang == "th":  # Thai separates sentences with spaces
        cuts = [m.end() for m in re.finditer(r"(?<!ๆ) +(?!ๆ)", text)]
    else:
        for m in SENTENCE_END_RE.finditer(text):
            ends_with_space = m.group()[-1].isspace()
            if m.end() < len(text) and (ends_with_space or CJK_STOPS & set(m.group())):
                cuts.append(m.end())
    if not cuts:
        middle = len(text) // 2
        spaces = [i + 1 for i, ch in enumerate(text) if ch in " ，、,"]
        if spaces:
            cuts = [min(spaces, key=lambda i: abs(i - middle))]
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds) if a < b]


def to_surrogates(text: str) -> str:
    """Replace each astral character by its UTF-16 surrogate pair (two code points)."""

    def pair(m: re.Match[str]) -> str:
        code = ord(m.group()) - 0x10000
        return chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF))

    return ASTRAL_RE.sub(pair, text)


def ordinal(n: int) -> str:
    return f"sentence {n + 1}"


def has_c1_byte(text: str) -> bool:
    """True if some character's UTF-8 encoding contains a byte 0x80-0x9F."""
    return any(0x80 <= b <= 0x9F for b in text.encode("utf-8"))


# --------------------------------------------------------------------------- families


def gen_cp1252(corpus: Corpus, paras: dict[str, list[Text]], cldr: list[Text]) -> None:
    for items in paras.values():
        for i, src in enumerate(items):
            if is_ascii(src.text):
                continue
            if i % 3 == 0:
                broken = redecode(src.text, SLOPPY_1252)
                note = "windows-1252 (ftfy sloppy: undefined bytes kept as U+0081 etc.)"
            elif i % 6 == 1:
                broken = redecode(src.text, LATIN_1)
                note = "latin-1, C1 controls kept"
            else:
                continue
            assert broken is not None
            corpus.add("utf8-as-cp1252", src, broken, src.text, note)
    for i, src in enumerate(cldr):
        if i % 9 == 0 and not is_ascii(src.text):
            broken = redecode(src.text, SLOPPY_1252)
            assert broken is not None
            corpus.add("utf8-as-cp1252", src, broken, src.text, "windows-1252, CLDR line")


def gen_layered(corpus: Corpus, paras: dict[str, list[Text]]) -> None:
    for items in paras.values():
        for i, src in enumerate(items):
            if is_ascii(src.text):
                continue
            layers = 2 if i % 4 == 1 else 3 if i % 6 == 2 else 0
            if layers:
                broken = redecode(src.text, SLOPPY_1252, layers)
                assert broken is not None
                corpus.add(
                    "utf8-as-cp1252-layered",
                    src,
                    broken,
                    src.text,
                    f"{layers} layers of windows-1252",
                )


def gen_partial(corpus: Corpus, paras: dict[str, list[Text]], rng: random.Random) -> None:
    for lang, items in paras.items():
        for i, src in enumerate(items):
            if i % 6 not in (3, 4):
                continue
            pieces = split_sentences(src.text, lang)
            candidates = [k for k, p in enumerate(pieces) if not is_ascii(p)]
            if len(candidates) < 2:
                continue
            count = rng.randint(1, len(candidates) - 1)
            chosen = sorted(rng.sample(candidates, count))
            broken = "".join(
                redecode(p, SLOPPY_1252) or p if k in chosen else p for k, p in enumerate(pieces)
            )
            note = ", ".join(ordinal(k) for k in chosen) + " only, windows-1252"
            corpus.add("utf8-as-cp1252-partial", src, broken, src.text, note)
        # A mojibake title line followed by a clean body.
        for i in range(0, len(items) - 1, 4):
            title = split_sentences(items[i].text, lang)[0].strip()
            body = items[i + 1].text
            if is_ascii(title) or is_ascii(body):
                continue
            broken_title = redecode(title, SLOPPY_1252)
            assert broken_title is not None
            corpus.add(
                "utf8-as-cp1252-partial",
                items[i],
                f"{broken_title}\n{body}",
                f"{title}\n{body}",
                "mojibake title line, clean body",
            )


def gen_codecs(corpus: Corpus, paras: dict[str, list[Text]], rng: random.Random) -> None:
    all_items = [t for lang in sorted(paras) for t in paras[lang]]
    for spec in CODEC_FAMILIES:
        made = 0
        primary = [t for t in all_items if t.lang in spec.langs]
        others = [t for t in all_items if t.lang not in spec.langs]
        rng.shuffle(others)
        for src in primary + others:
            if made >= MIN_PER_CODEC and src.lang not in spec.langs:
                break
            if is_ascii(src.text):
                continue
            broken = redecode(src.text, spec.codec)
            if broken is None:
                continue
            before = len(corpus.cases)
            corpus.add(spec.family, src, broken, src.text, f"UTF-8 read as {spec.name}")
            made += len(corpus.cases) - before
        if spec.family in TWO_LAYER_FAMILIES:
            for src in primary[1::5]:
                broken = redecode(src.text, spec.codec, 2)
                if broken is not None and not is_ascii(src.text):
                    corpus.add(
                        spec.family, src, broken, src.text, f"2 layers, UTF-8 read as {spec.name}"
                    )


def gen_mixed(corpus: Corpus, paras: dict[str, list[Text]], rng: random.Random) -> None:
    for lang, items in paras.items():
        second, second_name = SECOND_CODEC.get(lang, DEFAULT_SECOND)
        for i, src in enumerate(items):
            if i % 6 not in (0, 5):
                continue
            pieces = split_sentences(src.text, lang)
            if sum(not is_ascii(p) for p in pieces) < 2:
                continue
            modes = [(SLOPPY_1252, "windows-1252"), (second, second_name), ("", "clean")]
            rng.shuffle(modes)
            out: list[str] = []
            notes: list[str] = []
            j = 0
            for k, piece in enumerate(pieces):
                if is_ascii(piece):
                    out.append(piece)
                    continue
                codec, name = modes[j % len(modes)]
                j += 1
                out.append(redecode(piece, codec) or piece if codec else piece)
                notes.append(f"s{k + 1} {name}")
            broken = "".join(out)
            if sum(1 for n in notes if not n.endswith("clean")) == 0:
                continue
            corpus.add("mixed", src, broken, src.text, "; ".join(notes))
    for n, (first, other) in enumerate(MIXED_PAIRS):
        if not (paras.get(first) and paras.get(other)):
            continue
        a = paras[first][n % len(paras[first])]
        b = paras[other][(n + 3) % len(paras[other])]
        codec, name = SECOND_CODEC.get(other, (SLOPPY_1252, "windows-1252"))
        if other in ("zh", "ja", "ko", "ar", "he", "fr", "de"):
            codec, name = "", "clean"
        broken_a = redecode(a.text, SLOPPY_1252)
        broken_b = redecode(b.text, codec) if codec else b.text
        assert broken_a is not None and broken_b is not None
        corpus.add(
            "mixed",
            a,
            f"{broken_a}\n{broken_b}",
            f"{a.text}\n{b.text}",
            f"{first} windows-1252 + {other} {name}",
        )


def gen_c1_controls(corpus: Corpus, paras: dict[str, list[Text]]) -> None:
    for items in paras.values():
        for src in items:
            if not CP1252_C1_CHARS & set(src.text):
                continue
            try:
                raw = src.text.encode("cp1252")
            except UnicodeEncodeError:
                continue
            corpus.add(
                "c1-controls",
                src,
                raw.decode(LATIN_1),
                src.text,
                "windows-1252 bytes read as latin-1",
            )


def in_native_pages(
    pool: Iterable[Text], pages: dict[str, tuple[tuple[str, str], ...]]
) -> Iterator[tuple[Text, str, bytes]]:
    """Each text of `pool` saved in each page `pages` gives its language (the
    page's name and the bytes), where the page can hold it."""
    for src in pool:
        for native, native_name in pages.get(src.lang, ()):
            try:
                yield src, native_name, src.text.encode(native)
            except UnicodeEncodeError:
                continue


def gen_legacy(corpus: Corpus, paras: dict[str, list[Text]], cldr: list[Text]) -> None:
    pool = [t for lang in sorted(paras) for t in paras[lang]] + cldr
    for count, (src, native_name, raw) in enumerate(in_native_pages(pool, LEGACY), start=1):
        reader, reader_name = (
            (LATIN_1, "latin-1") if count % 4 == 0 else (SLOPPY_1252, "windows-1252")
        )
        corpus.add(
            "legacy-codepage",
            src,
            raw.decode(reader),
            src.text,
            f"{native_name} text read as {reader_name}",
        )


def entity_for(ch: str, style: str) -> str:
    """One HTML entity for `ch`: named if possible, else decimal or hex."""
    name = html.entities.codepoint2name.get(ord(ch)) if len(ch) == 1 else None
    if style == "named" and name:
        return f"&{name};"
    if style == "hex":
        return f"&#x{ord(ch):X};"
    return f"&#{ord(ch)};"


def gen_html(corpus: Corpus, paras: dict[str, list[Text]], rng: random.Random) -> None:
    specials = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
    for items in paras.values():
        for i, src in enumerate(items):
            if i % 3 != 1:
                continue
            style = ("named", "decimal", "hex", "named")[i % 4]
            double = i % 2 == 1 and rng.random() < 0.5
            out: list[str] = []
            for ch in src.text:
                if ch in specials:
                    out.append(specials[ch])
                elif not ch.isascii() and rng.random() < 0.6:
                    ent = entity_for(ch, style)
                    out.append(ent.replace("&", "&amp;", 1) if double else ent)
                else:
                    out.append(ch)
            note = f"{style} entities" + (", double-escaped (&amp;...;)" if double else "")
            corpus.add("html-entities", src, "".join(out), src.text, note)


def gen_surrogates(corpus: Corpus, paras: dict[str, list[Text]]) -> None:
    for items in paras.values():
        for i, src in enumerate(items):
            if not ASTRAL_RE.search(src.text):
                continue
            corpus.add(
                "surrogates",
                src,
                to_surrogates(src.text),
                src.text,
                "astral characters as UTF-16 surrogate pairs",
                input_form="surrogate-pairs",
            )
            if i % 2 == 0:
                cesu = to_surrogates(src.text).encode("utf-8", "surrogatepass")
                corpus.add(
                    "surrogates",
                    src,
                    cesu.decode(SLOPPY_1252),
                    src.text,
                    "CESU-8 (UTF-8-encoded surrogates) read as windows-1252",
                )


def gen_replacement(corpus: Corpus, paras: dict[str, list[Text]], rng: random.Random) -> None:
    for items in paras.values():
        for i, src in enumerate(items):
            if is_ascii(src.text) or i % 4 != 3:
                continue
            variant = (i // 4) % 3
            damaged: str | None = None
            note = ""
            if variant == 0:
                for codec in ("cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257"):
                    try:
                        raw = src.text.encode(codec)
                    except UnicodeEncodeError:
                        continue
                    damaged = raw.decode("utf-8", "replace")
                    note = f"{codec} bytes decoded as UTF-8 with errors='replace'"
                    break
            if damaged is None and variant != 2:
                raw = bytearray(src.text.encode("utf-8"))
                spots = [k for k, b in enumerate(raw) if b >= 0xC0]
                for k in sorted(rng.sample(spots, min(3, len(spots))), reverse=True):
                    del raw[k]
                damaged = raw.decode("utf-8", "replace")
                note = "UTF-8 lead bytes lost, decoded with errors='replace'"
            if damaged is None:
                chars = [k for k, ch in enumerate(src.text) if not ch.isascii()]
                hit = set(rng.sample(chars, max(1, len(chars) // 4)))
                damaged = "".join("\ufffd" if k in hit else ch for k, ch in enumerate(src.text))
                note = "some characters replaced by U+FFFD"
            corpus.add("replacement-char", src, damaged, damaged, note)


def gen_lossy(corpus: Corpus, paras: dict[str, list[Text]]) -> None:
    undefined_re = re.compile(f"[{UNDEFINED_1252}]")
    for items in paras.values():
        nbsp_made = 0
        for i, src in enumerate(items):
            if is_ascii(src.text):
                continue
            if i % 3 == 2 and has_c1_byte(src.text):
                latin = redecode(src.text, LATIN_1) or ""
                corpus.add(
                    "lossy-c1-stripped",
                    src,
                    C1_RE.sub("", latin),
                    src.text,
                    "latin-1 mojibake with C1 controls (U+0080-U+009F) removed",
                )
            sloppy = redecode(src.text, SLOPPY_1252) or ""
            if undefined_re.search(sloppy):
                if i % 3 == 0:
                    corpus.add(
                        "lossy-undefined-dropped",
                        src,
                        undefined_re.sub("", sloppy),
                        src.text,
                        "windows-1252 mojibake, undefined bytes dropped",
                    )
                elif i % 3 == 1:
                    mark, label = ("\ufffd", "U+FFFD") if i % 2 else ("?", "'?'")
                    corpus.add(
                        "lossy-replacement",
                        src,
                        undefined_re.sub(mark, sloppy),
                        src.text,
                        f"windows-1252 mojibake, undefined bytes -> {label}",
                    )
            if "\xa0" in sloppy and nbsp_made < 5:
                nbsp_made += 1
                corpus.add(
                    "lossy-nbsp",
                    src,
                    sloppy.replace("\xa0", " "),
                    src.text,
                    "windows-1252 mojibake, U+00A0 turned into a space",
                )


def _cut(ch: str, cut: int) -> bytes:
    """The first ``cut`` bytes of ``ch`` (one at least short of all of them)."""
    raw = ch.encode("utf-8")
    return raw[: min(cut, len(raw) - 1)]


def _looks_stripped(ch: str, cut: int) -> bool:
    """Whether cutting ``ch`` there leaves all of it but a last byte A0: what
    strip() leaves of a field ending in ``ch`` (A0 is a no-break space to
    Windows-1252), which a repair restores rather than drops."""
    return ch.encode("utf-8")[len(_cut(ch, cut)) :] == b"\xa0"


def gen_truncated(corpus: Corpus, paras: dict[str, list[Text]], rng: random.Random) -> None:
    for items in paras.values():
        for i, src in enumerate(items):
            if i % 3 != 0:
                continue
            multi = [
                k for k, ch in enumerate(src.text) if not ch.isascii() and k >= len(src.text) // 3
            ]
            if not multi:
                continue
            k = rng.choice(multi)
            cut = rng.randint(1, len(src.text[k].encode("utf-8")) - 1)
            if _looks_stripped(src.text[k], cut):
                # Not a cut one can tell: cut the next character instead.
                later = [j for j in multi if j > k and not _looks_stripped(src.text[j], cut)]
                if not later:
                    continue
                k = later[0]
            head = src.text[:k]
            dangling = _cut(src.text[k], cut).decode(SLOPPY_1252)
            if i % 2 == 0:
                broken = (redecode(head, SLOPPY_1252) or "") + dangling
                note = "truncated mid-character; whole field read as windows-1252"
            else:
                broken = head + dangling
                note = "truncated mid-character; only the dangling lead byte(s) mis-decoded"
            corpus.add("lossy-truncated", src, broken, head, note)


# East Asian legacy encodings by language (codec, name), and the 8-bit pages
# their bytes are shown through, taken in turn.
CJK_LEGACY: dict[str, tuple[tuple[str, str], ...]] = {
    "ja": (("shift_jis", "Shift_JIS"), ("cp932", "CP932"), ("euc_jp", "EUC-JP")),
    "zh": (("gb2312", "GB2312"), ("gbk", "GBK"), ("big5", "Big5")),
    "ko": (("euc_kr", "EUC-KR"), ("cp949", "CP949")),
}
CJK_READERS: tuple[tuple[str, str], ...] = (
    (SLOPPY_1252, "windows-1252"),
    (SLOPPY_1252, "windows-1252"),
    (LATIN_1, "latin-1"),
    ("cp850", "cp850"),
    ("cp437", "cp437"),
)


def gen_cjk_legacy(corpus: Corpus, paras: dict[str, list[Text]], cldr: list[Text]) -> None:
    """Japanese, Chinese and Korean text saved in a legacy multi-byte encoding
    and opened in an 8-bit page; and, from those opened as Windows-1252, the
    text that lost the bytes Windows-1252 leaves undefined (kept as C1
    controls, then deleted)."""
    undefined_re = re.compile(f"[{UNDEFINED_1252}]")
    pool = [t for lang in sorted(paras) for t in paras[lang]] + cldr
    for count, (src, native_name, raw) in enumerate(in_native_pages(pool, CJK_LEGACY)):
        reader, reader_name = CJK_READERS[count % len(CJK_READERS)]
        broken = raw.decode(reader)
        note = f"{native_name} text read as {reader_name}"
        corpus.add("cjk-legacy-as-8bit", src, broken, src.text, note)
        sloppy = raw.decode(SLOPPY_1252)
        if undefined_re.search(sloppy):
            corpus.add(
                "cjk-legacy-as-8bit-lossy",
                src,
                undefined_re.sub("", sloppy),
                src.text,
                f"{native_name} text read as windows-1252, undefined bytes dropped",
            )


# --------------------------------------------------------------------------- more readers

# UTF-8 shown by DOS consoles in Cyrillic code page 866, whatever its script.
CP866_LANGS = frozenset({"ru", "uk", "bg", "sr", "mk", "kk", "hi"})
# Text written in Windows-1251.
CP1251_LANGS = frozenset({"ru", "uk", "bg", "sr", "mk"})
# Text written in Latin-1 / Windows-1252 that has letters beyond ASCII.
WESTERN_LANGS = frozenset({"fr", "de", "es", "pt", "it", "nl", "sv", "da", "nb", "fi", "is", "ca"})
# Short strings of these, read as ISO-8859-2.
SHORT_WESTERN_LANGS = frozenset({"de", "fr", "es", "pt", "it", "nl", "sv", "da", "nb", "fi"})
SHORT_PER_LANG = 12
LIST_SEPARATOR_RE = re.compile(r",\s+|\s+(?:y|e|et|und|en|och|og|ja|o|ou|oder|of|eller|tai)\s+")
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def read_again(text: str, *codecs: str) -> str | None:
    """``text`` as UTF-8 read with each of ``codecs`` in turn, each reading
    saved as UTF-8 before the next; None if a byte has no character."""
    try:
        for codec in codecs:
            text = text.encode("utf-8").decode(codec)
    except UnicodeError:
        return None
    return text


def in_langs(paras: dict[str, list[Text]], cldr: list[Text], langs: frozenset[str]) -> list[Text]:
    """The paragraphs and CLDR lines of ``langs`` that hold a non-ASCII character."""
    pool = [t for lang in sorted(paras) if lang in langs for t in paras[lang]]
    pool += [t for t in cldr if t.lang in langs]
    return [t for t in pool if not is_ascii(t.text)]


def gen_cp866(corpus: Corpus, paras: dict[str, list[Text]], cldr: list[Text]) -> None:
    for src in in_langs(paras, cldr, CP866_LANGS):
        broken = read_again(src.text, "cp866")
        if broken is not None:
            corpus.add("utf8-as-cp866", src, broken, src.text, "UTF-8 read as cp866")


def gen_legacy_as_other_pages(
    corpus: Corpus, paras: dict[str, list[Text]], cldr: list[Text]
) -> None:
    """Legacy text opened with a page of another region: Windows-1251 text
    as Windows-1257, Latin-1 / Windows-1252 text as Windows-1253 or, every
    other text, ISO-8859-7."""
    for src in in_langs(paras, cldr, CP1251_LANGS):
        try:
            raw = src.text.encode("cp1251")
        except UnicodeEncodeError:
            continue
        corpus.add(
            "legacy-cp1251-as-cp1257",
            src,
            raw.decode("sloppy-windows-1257"),
            src.text,
            "windows-1251 text read as windows-1257",
        )
    for count, src in enumerate(in_langs(paras, cldr, WESTERN_LANGS)):
        try:
            raw = src.text.encode("cp1252")
        except UnicodeEncodeError:
            continue
        reader, name = (
            ("iso-8859-7", "ISO-8859-7")
            if count % 2
            else (
                "sloppy-windows-1253",
                "windows-1253",
            )
        )
        try:
            broken = raw.decode(reader)
        except UnicodeDecodeError:
            broken, name = raw.decode("sloppy-windows-1253"), "windows-1253"
        corpus.add("legacy-latin-1-as-greek", src, broken, src.text, f"latin-1 text read as {name}")


def gen_layered_across_pages(
    corpus: Corpus, paras: dict[str, list[Text]], cldr: list[Text]
) -> None:
    """Mojibake read once more with another page: Windows-1252 mojibake of
    Western text read as Windows-1251, Windows-1251 mojibake of Cyrillic
    text read as Windows-1252."""
    readings = (
        (WESTERN_LANGS, (SLOPPY_1252, "sloppy-windows-1251"), "windows-1252, then windows-1251"),
        (CP1251_LANGS, ("sloppy-windows-1251", SLOPPY_1252), "windows-1251, then windows-1252"),
    )
    for langs, codecs, name in readings:
        for src in in_langs(paras, cldr, langs):
            broken = read_again(src.text, *codecs)
            if broken is not None:
                corpus.add(
                    "utf8-layered-across-pages", src, broken, src.text, f"UTF-8 read as {name}"
                )


def short_pieces(paras: dict[str, list[Text]], cldr: list[Text]) -> list[Text]:
    """Short Western strings with a letter beyond ASCII: the items of CLDR's
    lists (``März``, ``Österreich``) and words of the paragraphs, at most
    ``SHORT_PER_LANG`` words a language."""
    pieces: list[Text] = []
    for src in cldr:
        if src.lang in SHORT_WESTERN_LANGS:
            items = LIST_SEPARATOR_RE.split(src.text)
            pieces += [Text(src.lang, item, src.source) for item in items if not is_ascii(item)]
    for lang in sorted(paras):
        if lang not in SHORT_WESTERN_LANGS:
            continue
        words = [
            word for src in paras[lang] for word in WORD_RE.findall(src.text) if not is_ascii(word)
        ]
        for word in list(dict.fromkeys(words))[:SHORT_PER_LANG]:
            pieces.append(Text(lang, word, "own-writing"))
    return pieces


def gen_short_iso_8859_2(corpus: Corpus, paras: dict[str, list[Text]], cldr: list[Text]) -> None:
    for src in short_pieces(paras, cldr):
        broken = read_again(src.text, "iso-8859-2")
        if broken is not None:
            corpus.add(
                "utf8-as-iso-8859-2-short",
                src,
                broken,
                src.text,
                "short text, UTF-8 read as ISO-8859-2",
            )


# The Windows pages beyond 1252 that leave bytes undefined, with the
# languages whose UTF-8 they show.
REPLACING_PAGES = tuple(
    spec
    for spec in CODEC_FAMILIES
    if spec.codec.startswith("sloppy-") and spec.name != "windows-1252"
)


def gen_replaced_other_pages(corpus: Corpus, paras: dict[str, list[Text]]) -> None:
    """UTF-8 decoded with a Windows page other than 1252 by a strict
    decoder, which writes U+FFFD for each byte the page leaves undefined
    (Windows-1251's 98 of ``И``, Windows-1250's 81 of ``Á``); every other
    text then saved in the page, which writes ``?`` for U+FFFD. The same
    texts decoded by one that dropped those bytes (``errors="ignore"``)."""
    for spec in REPLACING_PAGES:
        for lang in sorted(spec.langs & paras.keys()):
            for index, src in enumerate(paras[lang]):
                broken = src.text.encode("utf-8").decode(spec.name, errors="replace")
                if "\ufffd" not in broken:
                    continue
                mark = "?" if index % 2 else "\ufffd"
                corpus.add(
                    "lossy-replacement-other-pages",
                    src,
                    broken.replace("\ufffd", mark),
                    src.text,
                    f"UTF-8 decoded as {spec.name}, undefined bytes -> {mark!r}",
                )
                corpus.add(
                    "lossy-dropped-other-pages",
                    src,
                    broken.replace("\ufffd", ""),
                    src.text,
                    f"UTF-8 decoded as {spec.name}, undefined bytes dropped",
                )


# Files with a UTF-8 signature read through each page, per page.
BOM_FILES_PER_PAGE = 4


def gen_utf8_bom(corpus: Corpus, paras: dict[str, list[Text]]) -> None:
    """A file saved as UTF-8 with its signature (byte order mark) read
    through a page of its language's region, mark and all: the mark at the
    head is dropped (as ``utf-8-sig`` drops it), and so is the second one of
    two such files joined, at the head of its line."""
    western = frozenset({"en", "fr", "de", "es", "pt", "it", "nl"})
    pages = (Codec("utf8-as-cp1252", "sloppy-windows-1252", "windows-1252", western),)
    for spec in pages + CODEC_FAMILIES:
        found = [
            src
            for lang in sorted(spec.langs & paras.keys())
            for src in paras[lang]
            if not is_ascii(src.text)
        ][: BOM_FILES_PER_PAGE + 1]
        for src in found[:BOM_FILES_PER_PAGE]:
            broken = redecode("\ufeff" + src.text, spec.codec)
            if broken is not None:
                corpus.add("utf8-bom-as-8bit", src, broken, src.text, f"read as {spec.name}")
        if len(found) > 1:
            joined = found[0].text + "\n" + found[-1].text
            broken = redecode("\ufeff" + found[0].text + "\n\ufeff" + found[-1].text, spec.codec)
            if broken is not None:
                note = f"two files joined, read as {spec.name}"
                corpus.add("utf8-bom-as-8bit", found[0], broken, joined, note)


# Files saved as UTF-16 read as an 8-bit page, per language.
UTF16_FILES_PER_LANGUAGE = 2


def gen_utf16(corpus: Corpus, paras: dict[str, list[Text]]) -> None:
    """A file saved as UTF-16 read as Latin-1 or Windows-1252: with its byte
    order mark, little-endian (as Windows writes it), or big-endian without;
    the mark dropped as a UTF-16 decoder drops it. A file is two of a
    language's paragraphs, a line each."""
    readings = (
        ("utf-16", "latin-1", "UTF-16 (little-endian, with its mark) read as Latin-1"),
        ("utf-16", "cp1252", "UTF-16 (with its mark) read as windows-1252"),
        ("utf-16-be", "latin-1", "UTF-16BE read as Latin-1"),
    )
    for number, lang in enumerate(sorted(paras)):
        found = paras[lang][: 2 * UTF16_FILES_PER_LANGUAGE]
        for index, (src, other) in enumerate(zip(found[::2], found[1::2], strict=False)):
            text = src.text + "\n" + other.text + "\n"
            saved, read, note = readings[(number + index) % len(readings)]
            try:
                broken = text.encode(saved).decode(read)
            except UnicodeDecodeError:  # a byte Windows-1252 leaves undefined
                saved, read, note = readings[0]
                broken = text.encode(saved).decode(read)
            corpus.add("utf16-as-8bit", src, broken, text, note)


def gen_more_readers(corpus: Corpus, paras: dict[str, list[Text]], cldr: list[Text]) -> None:
    """The families of DOS Cyrillic, of legacy text shown through another
    region's page, of layers across pages, of short Western text in
    ISO-8859-2, of other Windows pages' undefined bytes replaced, of the
    UTF-8 signature read through a page and of UTF-16 read as an 8-bit page."""
    gen_cp866(corpus, paras, cldr)
    gen_legacy_as_other_pages(corpus, paras, cldr)
    gen_layered_across_pages(corpus, paras, cldr)
    gen_short_iso_8859_2(corpus, paras, cldr)
    gen_replaced_other_pages(corpus, paras)
    gen_utf8_bom(corpus, paras)
    gen_utf16(corpus, paras)


def gen_negative(corpus: Corpus, groups: Iterable[Text]) -> None:
    for src in groups:
        corpus.add("negative", src, src.text, src.text, "clean text")


# --------------------------------------------------------------------------- output


JSON_ESCAPE_RE = re.compile("[\x80-\x9f\u2028\u2029\ud800-\udfff]")


def dump(case: dict[str, str]) -> str:
    """json.dumps(ensure_ascii=False), but C1 controls, U+2028/9 and surrogates escaped.

    Escaping keeps each case on one physical line for every line splitter and lets lone
    surrogates be written to a UTF-8 file; json.loads gives back the same strings.
    """
    line = json.dumps(case, ensure_ascii=False)
    return JSON_ESCAPE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", line)


def check(cases: list[dict[str, str]]) -> None:
    for case in cases:
        if case["family"] in DETECT_ONLY:
            assert case["input"] == case["expected"], case["id"]
        else:
            assert case["input"] != case["expected"], case["id"]
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "duplicate ids"


def print_counts(cases: list[dict[str, str]]) -> None:
    by_family = Counter(c["family"] for c in cases)
    by_lang = Counter(c["language"] for c in cases)
    mojibake_langs = {c["language"] for c in cases if c["family"] not in DETECT_ONLY}
    print(f"total cases: {len(cases)}")
    print(f"languages: {len(by_lang)} ({len(mojibake_langs)} in mojibake families)\n")
    print("| family | cases |\n|---|---:|")
    for fam, n in sorted(by_family.items()):
        print(f"| {fam} | {n} |")
    print("\n| language | cases |\n|---|---:|")
    for lang, n in sorted(by_lang.items()):
        print(f"| {lang} | {n} |")


def main() -> int:
    paras = read_paragraphs()
    cldr = read_tabbed(CLEAN_DIR / "cldr.txt", lambda loc: f"cldr:{loc}")
    negatives = read_tabbed(NEGATIVES, lambda _loc: "hand-written negative")
    corpus = Corpus()

    def rng(name: str) -> random.Random:
        return random.Random(f"mojibake_fix-corpus/{name}")

    gen_cp1252(corpus, paras, cldr)
    gen_layered(corpus, paras)
    gen_partial(corpus, paras, rng("partial"))
    gen_codecs(corpus, paras, rng("codecs"))
    gen_mixed(corpus, paras, rng("mixed"))
    gen_c1_controls(corpus, paras)
    gen_legacy(corpus, paras, cldr)
    gen_html(corpus, paras, rng("html"))
    gen_surrogates(corpus, paras)
    gen_replacement(corpus, paras, rng("replacement"))
    gen_lossy(corpus, paras)
    gen_truncated(corpus, paras, rng("truncated"))
    gen_cjk_legacy(corpus, paras, cldr)
    gen_more_readers(corpus, paras, cldr)
    all_paras = [t for lang in sorted(paras) for t in paras[lang]]
    gen_negative(corpus, [*all_paras, *cldr, *negatives])

    check(corpus.cases)
    with OUTPUT.open("w", encoding="utf-8", newline="\n") as f:
        for case in corpus.cases:
            f.write(dump(case) + "\n")
    print_counts(corpus.cases)
    return 0


if __name__ == "__main__":
    sys.exit(main())
