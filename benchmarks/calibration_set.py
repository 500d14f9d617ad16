"""The calibration set: text nobody in this project wrote, broken the corpus's ways.

Clean text comes from the field's test material (:mod:`mojibake_fix.external`):
chardet 5.2.0's test pages decoded with the encoding their folder names (UTF-8
and single-byte pages; a page that does not decode strictly is skipped),
charset-normalizer's UTF-8 samples, Sphinx's translated messages (``msgstr``
of every ``.po`` catalog, read with babel) and wordfreq's commonest words, one
word a text. Pages are cut into paragraphs (markup stripped); a piece is kept
only when it has a non-ASCII character (ASCII text never reaches a detector),
no control or replacement character, and ftfy leaves it alone (a real page can
hold real mojibake, which would count as clean).

The damage is made by ``corpus/generate.py``'s own family functions, so the
calibration set has the families of the project's corpus, and every clean
piece is also a case of the family ``negative``. Everything is deterministic:
files are read in sorted order and each document gives at most
``per_document`` pieces, spread evenly over it.

Cases are split by source document, never within one: a document's hash
decides whether all its cases fit the calibration or measure it.
"""

from __future__ import annotations

import functools
import hashlib
import html
import importlib.util
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import ftfy
import wordfreq
from babel.messages.pofile import read_po

from mojibake_fix.evaluation import Case, as_surrogate_pairs
from mojibake_fix.external import unpacked

ROOT = Path(__file__).resolve().parents[1]
FIT, HELD_OUT = "fit", "held-out"
PER_DOCUMENT = 12
WORDS_PER_LANGUAGE = 150
LONGEST = 600  # characters: longer paragraphs are cut at sentence ends

# Languages by the English name chardet's folders and charset-normalizer's
# files carry; folders without one get the language of the piece's script.
_LANGUAGES = {
    "arabic": "ar",
    "bulgarian": "bg",
    "chinese": "zh",
    "croatian": "hr",
    "czech": "cs",
    "english": "en",
    "french": "fr",
    "greek": "el",
    "hebrew": "he",
    "hungarian": "hu",
    "korean": "ko",
    "polish": "pl",
    "romanian": "ro",
    "russian": "ru",
    "slovak": "sk",
    "slovene": "sl",
    "spanish": "es",
    "turkish": "tr",
}
_SCRIPTS = (
    ("ru", re.compile("[\u0400-\u04ff]")),
    ("el", re.compile("[\u0370-\u03ff]")),
    ("he", re.compile("[\u0590-\u05ff]")),
    ("ar", re.compile("[\u0600-\u06ff]")),
    ("th", re.compile("[\u0e00-\u0e7f]")),
    ("ja", re.compile("[\u3040-\u30ff]")),
    ("ko", re.compile("[\uac00-\ud7af]")),
    ("zh", re.compile("[\u4e00-\u9fff]")),
)
# chardet's folders of single-byte pages without a language in their name.
_FOLDER_LANGUAGES = {"IBM855": "ru", "IBM866": "ru", "KOI8-R": "ru", "MacCyrillic": "ru"}
_WORDFREQ_LANGUAGES = (
    *("ar", "cs", "de", "el", "es", "fr", "he", "hu", "it", "ja"),
    *("ko", "pl", "pt", "ro", "ru", "sv", "tr", "uk", "vi", "zh"),
)
_MULTIBYTE = re.compile(r"big5|cp9|euc|gb|iso-2022|johab|shift|utf-(16|32)", re.IGNORECASE)
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]")
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_BLANK_LINE = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"\s+")


@functools.cache
def load_generator() -> ModuleType:
    """``corpus/generate.py``, whose damage functions make the families."""
    name = "corpus_generate"
    spec = importlib.util.spec_from_file_location(name, ROOT / "corpus" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def script_language(text: str) -> str:
    """The language a script stands for here, ``und`` for Latin and the rest."""
    for language, pattern in _SCRIPTS:
        if pattern.search(text):
            return language
    return "und"


def paragraphs(text: str, markup: bool) -> Iterator[str]:
    """The paragraphs of a page: for markup, every line left once tags are
    gone; for plain text, blocks between blank lines with their lines joined."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if markup:
        text = _SCRIPT_OR_STYLE.sub("\n", text)
        for _ in range(2):  # RSS escapes the HTML it carries
            text = html.unescape(_TAG.sub("\n", text))
        blocks: Iterable[str] = text.split("\n")
    else:
        blocks = _BLANK_LINE.split(text)
    for block in blocks:
        paragraph = _SPACES.sub(" ", block).strip()
        yield from _cut(paragraph)


def _cut(paragraph: str) -> Iterator[str]:
    """``paragraph`` in pieces of at most ``LONGEST`` characters, at sentence
    ends where it has them (a longer sentence is left out)."""
    if len(paragraph) <= LONGEST:
        yield paragraph
        return
    piece = ""
    for sentence in re.split(r"(?<=[.!?。])\s+", paragraph):
        if len(piece) + len(sentence) + 1 > LONGEST:
            if piece:
                yield piece
            piece = ""
        if len(sentence) <= LONGEST:
            piece = f"{piece} {sentence}" if piece else sentence
    if piece:
        yield piece


def usable(piece: str) -> bool:
    """Clean text a detector would look at."""
    return (
        len(piece) >= 2
        and not piece.isascii()
        and _UNWANTED.search(piece) is None
        and ftfy.fix_encoding(piece) == piece
    )


def spread(items: list[str], count: int) -> list[str]:
    """At most ``count`` of ``items``, evenly spaced, in order."""
    if len(items) <= count:
        return items
    return [items[i * len(items) // count] for i in range(count)]


def chardet_pages(per_document: int) -> Iterator[tuple[str, str, list[str]]]:
    """(document, language, pieces) for chardet's UTF-8 and single-byte pages."""
    tests = unpacked("chardet") / "tests"
    for folder in sorted(p for p in tests.iterdir() if p.is_dir()):
        encoding, _, name = folder.name.rpartition("-")
        if name not in _LANGUAGES:
            encoding, name = folder.name, ""
        if _MULTIBYTE.search(encoding):
            continue
        for path in sorted(folder.iterdir()):
            try:
                text = path.read_bytes().decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
            markup = path.suffix in (".html", ".htm", ".xml")
            pieces = [p for p in paragraphs(text, markup) if usable(p)]
            language = _LANGUAGES.get(name) or _FOLDER_LANGUAGES.get(encoding, "")
            yield f"chardet:{folder.name}/{path.name}", language, spread(pieces, per_document)


def charset_normalizer_samples(per_document: int) -> Iterator[tuple[str, str, list[str]]]:
    """(document, language, pieces) for charset-normalizer's UTF-8 samples."""
    for path in sorted((unpacked("charset-normalizer") / "data").glob("sample-*.txt")):
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
        name = path.name.removeprefix("sample-").split(".")[0].split("-")[0]
        pieces = [p for p in paragraphs(text, markup=False) if usable(p)]
        yield (
            f"charset-normalizer:{path.name}",
            _LANGUAGES.get(name, ""),
            spread(pieces, per_document),
        )


def sphinx_messages(per_document: int) -> Iterator[tuple[str, str, list[str]]]:
    """(document, language, translated messages) for each Sphinx catalog."""
    for path in sorted((unpacked("sphinx") / "sphinx" / "locale").glob("*/LC_MESSAGES/*.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle)
        strings: list[str] = []
        for message in catalog:
            found: Any = message.string  # a tuple for messages with plural forms
            strings.extend(s for s in (found if isinstance(found, tuple) else (found,)) if s)
        pieces = [p for p in (_SPACES.sub(" ", s).strip() for s in strings) if usable(p)]
        language = path.parts[-3].split("_")[0].split("@")[0]
        yield f"sphinx:{path.parts[-3]}", language, spread(pieces, per_document)


def wordfreq_words(per_document: int) -> Iterator[tuple[str, str, list[str]]]:
    """(document, language, words): the commonest non-ASCII words of a language,
    one document per ``per_document`` of them."""
    for language in _WORDFREQ_LANGUAGES:
        words = [w for w in wordfreq.top_n_list(language, WORDS_PER_LANGUAGE) if usable(w)]
        for start in range(0, len(words), per_document):
            yield f"wordfreq:{language}/{start}", language, words[start : start + per_document]


Reader = Callable[[int], Iterator[tuple[str, str, list[str]]]]
READERS: tuple[Reader, ...] = (
    chardet_pages,
    charset_normalizer_samples,
    sphinx_messages,
    wordfreq_words,
)


def clean_texts(
    per_document: int = PER_DOCUMENT, readers: Sequence[Reader] = READERS
) -> dict[str, list[Any]]:
    """The clean pieces by language, as ``generate.Text`` values."""
    generate = load_generator()
    by_language: dict[str, list[Any]] = {}
    seen: set[str] = set()
    for source in readers:
        for document, language, pieces in source(per_document):
            for piece in pieces:
                if piece in seen:
                    continue
                seen.add(piece)
                lang = language or script_language(piece)
                by_language.setdefault(lang, []).append(generate.Text(lang, piece, document))
    return by_language


def cases(per_document: int = PER_DOCUMENT, readers: Sequence[Reader] = READERS) -> list[Case]:
    """Every case of the calibration set: the corpus's families made of the
    clean pieces, then each piece unchanged as a ``negative`` case."""
    generate = load_generator()
    paras = dict(sorted(clean_texts(per_document, readers).items()))
    corpus = generate.Corpus()

    def rng(name: str) -> Any:
        return generate.random.Random(f"mojibake_fix-calibration/{name}")

    generate.gen_cp1252(corpus, paras, [])
    generate.gen_layered(corpus, paras)
    generate.gen_partial(corpus, paras, rng("partial"))
    generate.gen_codecs(corpus, paras, rng("codecs"))
    generate.gen_mixed(corpus, paras, rng("mixed"))
    generate.gen_c1_controls(corpus, paras)
    generate.gen_legacy(corpus, paras, [])
    generate.gen_surrogates(corpus, paras)
    generate.gen_replacement(corpus, paras, rng("replacement"))
    generate.gen_lossy(corpus, paras)
    generate.gen_truncated(corpus, paras, rng("truncated"))
    generate.gen_negative(corpus, [t for lang in sorted(paras) for t in paras[lang]])
    return _as_cases(corpus.cases)


def _as_cases(records: Iterable[dict[str, str]]) -> list[Case]:
    """The generator's records as cases (an input written as surrogate pairs
    read back as such)."""
    return [
        Case(
            id=record["id"],
            input=as_surrogate_pairs(record["input"])
            if record.get("input_form")
            else record["input"],
            expected=record["expected"],
            family=record["family"],
            language=record["language"],
            source=record["source"],
            note=record["note"],
        )
        for record in records
    ]


def reader_cases(
    per_document: int = PER_DOCUMENT, readers: Sequence[Reader] = READERS
) -> list[Case]:
    """The families of the readings of DOS Cyrillic, of legacy text shown
    through another region's page, of layers across pages and of short
    Western text in ISO-8859-2 (``corpus/generate.py``'s ``gen_more_readers``),
    made of the same clean pieces. Kept apart from :func:`cases`, which the
    calibration table was fitted on."""
    generate = load_generator()
    paras = dict(sorted(clean_texts(per_document, readers).items()))
    corpus = generate.Corpus()
    generate.gen_more_readers(corpus, paras, [])
    return _as_cases(corpus.cases)


def split_of(case: Case) -> str:
    """``FIT`` or ``HELD_OUT``, by a hash of the case's source document."""
    digest = hashlib.sha256(case.source.encode("utf-8")).digest()
    return FIT if digest[0] % 2 == 0 else HELD_OUT
