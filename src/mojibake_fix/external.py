"""Text nobody in this project wrote, to measure on: the field's test suites
and real pages, fetched from their source distributions on first use.

Accuracy, false positives and speed measured on text we wrote ourselves say
little about text written elsewhere. Each set here comes from a released
source distribution on the package index (``pip download --no-binary``),
unpacked once into a cache folder: ``$MOJIBAKE_FIX_CACHE/external``, or
``~/.cache/mojibake_fix/external`` when that variable is not set. Nothing in
the library imports this module; the tests, the evaluator and the benchmarks
do.

>>> SOURCES["ftfy"].requirement
'ftfy==6.3.1'
"""

from __future__ import annotations

import codecs
import contextlib
import io
import random
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import wordfreq
from babel.messages.pofile import read_po

from .cache import cache_folder
from .charclass import C1_CONTROL


@dataclass(frozen=True, slots=True)
class Source:
    """A source distribution on the package index that holds test material."""

    name: str
    version: str

    @property
    def requirement(self) -> str:
        return f"{self.name}=={self.version}"


SOURCES: dict[str, Source] = {
    source.name: source
    for source in (
        Source("ftfy", "6.3.1"),
        Source("chardet", "5.2.0"),
        Source("charset-normalizer", "3.5.3"),
        Source("sphinx", "9.0.4"),
        Source("pycountry", "26.2.16"),
        Source("django", "5.1.4"),
        Source("wagtail", "8.0.1"),
        Source("plone.app.locales", "7.0.4"),
    )
}


class ExternalUnavailable(RuntimeError):
    """A source distribution could not be fetched (no network, no pip)."""


def cache_root() -> Path:
    """Where fetched material is kept: ``$MOJIBAKE_FIX_CACHE/external``."""
    return cache_folder() / "external"


def unpacked(name: str) -> Path:
    """The unpacked source distribution of ``SOURCES[name]``, fetched and
    unpacked on first use; the folder its archive holds at its top."""
    source = SOURCES[name]
    target = cache_root() / f"{source.name}-{source.version}"
    if target.is_dir():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        archive = _download(source, Path(scratch))
        with tarfile.open(archive) as tar:
            if hasattr(tarfile, "data_filter"):
                tar.extractall(scratch, filter="data")
            else:  # Python releases before the extraction filters
                tar.extractall(scratch)
        tops = [p for p in Path(scratch).iterdir() if p.is_dir()]
        if len(tops) != 1:
            raise ExternalUnavailable(f"{source.requirement}: unexpected archive layout")
        try:
            tops[0].rename(target)
        except OSError:
            if not target.is_dir():  # another process got there first otherwise
                raise
            shutil.rmtree(tops[0], ignore_errors=True)
    return target


def _download(source: Source, folder: Path) -> Path:
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--quiet",
        "--no-deps",
        "--no-binary",
        ":all:",
        "-d",
        str(folder),
        source.requirement,
    ]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    archives = sorted(folder.glob("*.tar.gz"))
    if completed.returncode or not archives:
        last = (completed.stderr.strip().splitlines() or ["no archive"])[-1]
        raise ExternalUnavailable(f"{source.requirement}: {last}")
    return archives[0]


# Clean text written elsewhere: what ``fix`` must leave exactly as it is.


@dataclass(frozen=True, slots=True)
class CleanText:
    """One text as its authors wrote it, from one external set, with its
    language as the set names it ("" where the set does not)."""

    set_name: str
    language: str
    text: str


def sphinx_messages() -> Iterator[CleanText]:
    """Every non-empty translation (plural forms too) of Sphinx's catalogs:
    the short UI strings a documentation site is full of."""
    return catalog_messages("sphinx", unpacked("sphinx") / "sphinx" / "locale")


def web_framework_messages() -> Iterator[CleanText]:
    """The translations of two web frameworks' catalogs, Django's (some
    hundred languages, Kabyle to Udmurt) and Wagtail's, its admin's."""
    yield from catalog_messages("django", unpacked("django") / "django")
    yield from catalog_messages("wagtail", unpacked("wagtail") / "wagtail")


def plone_messages() -> Iterator[CleanText]:
    """The translations of Plone's catalogs, Friulian among them: a language
    no word list knows that writes ``â`` as a letter (``tu âs``, ``zontâ``)."""
    return catalog_messages("plone", unpacked("plone.app.locales") / "src")


def catalog_messages(set_name: str, folder: Path) -> Iterator[CleanText]:
    """Every non-empty translation (plural forms too) of the gettext
    catalogs (``<language>/LC_MESSAGES/*.po``) under ``folder``, but those
    of test folders. A catalog whose header Babel cannot read is passed
    over (Plone's templates keep ``YEAR-MO-DA``): the sets' breadth checks
    see a reader that passes over too much."""
    for path in sorted(folder.rglob("*.po")):
        if path.parent.name != "LC_MESSAGES" or "tests" in path.parts:
            continue
        # Babel prints a warning for each entry it mends (a plural form too many).
        try:
            with path.open("rb") as po, contextlib.redirect_stdout(io.StringIO()):
                catalog = read_po(po)
        except ValueError:
            continue
        for message in catalog:
            if not message.id:  # the header
                continue
            string = message.string or ""
            for form in (string,) if isinstance(string, str) else string:
                if form:
                    yield CleanText(set_name, path.parts[-3], form)


def pycountry_messages() -> Iterator[CleanText]:
    """Every translation in pycountry's catalogs (names of countries, their
    subdivisions, languages, currencies and scripts). Its source distribution
    ships them compiled (``.mo``), so they are read from those."""
    locales = unpacked("pycountry") / "src" / "pycountry" / "locales"
    for path in sorted(locales.glob("*/LC_MESSAGES/*.mo")):
        for translation in compiled_translations(path.read_bytes()):
            for form in translation.split("\0"):  # plural forms
                if form:
                    yield CleanText("pycountry", path.parts[-3], form)


def compiled_translations(mo: bytes) -> Iterator[str]:
    """The translations of a little-endian UTF-8 ``.mo`` file but its header
    (the GNU gettext format; babel's reader rejects some of pycountry's
    header dates)."""
    count, originals, translations = struct.unpack_from("<3I", mo, 8)
    for index in range(count):
        id_length, _ = struct.unpack_from("<2I", mo, originals + 8 * index)
        length, offset = struct.unpack_from("<2I", mo, translations + 8 * index)
        if id_length:  # the header's message id is empty
            yield mo[offset : offset + length].decode("utf-8")


# charset-normalizer's own test of its detection names each sample's encoding
# and language: ("sample-arabic-1.txt", "cp1256", "Arabic").
_LABELLED_SAMPLE = re.compile(r'\("(sample-[\w.-]+)",\s*"(\w+)",\s*"(\w+)"\)')


def charset_normalizer_samples(lines: bool = False) -> Iterator[CleanText]:
    """charset-normalizer's ``data/`` samples, each decoded with the encoding
    its authors' detection test expects of it: one text a file, or with
    ``lines`` one a non-blank line. A file that does not decode strictly in
    that encoding is skipped; every sample is labelled, and each decodes."""
    for path, encoding, language in _labelled_samples():
        text = _decoded(path.read_bytes(), encoding)
        if text is not None:
            yield from _texts("charset-normalizer", language, text, lines)


def _labelled_samples() -> Iterator[tuple[Path, str, str]]:
    """charset-normalizer's samples with their codec and language."""
    root = unpacked("charset-normalizer")
    labels = (root / "tests" / "test_full_detection.py").read_text(encoding="utf-8")
    for name, encoding, language in sorted(_LABELLED_SAMPLE.findall(labels)):
        if encoding == "utf_8":
            encoding = "utf_8_sig"  # one sample starts with a byte order mark
        yield root / "data" / name, encoding, language


def _chardet_files() -> Iterator[tuple[Path, str, str]]:
    """chardet's test pages with the codec and language their folder names."""
    for folder in sorted(p for p in (unpacked("chardet") / "tests").iterdir() if p.is_dir()):
        encoding, language = _codec_and_language(folder.name)
        if encoding is not None:
            for path in sorted(folder.iterdir()):
                yield path, encoding, language


def chardet_pages(lines: bool = False) -> Iterator[CleanText]:
    """chardet's test pages, ``tests/<encoding>[-<language>]/``, decoded with
    the encoding their folder names: one text a file, or with ``lines`` one a
    non-blank line. Skipped: folders whose encoding Python has no codec for
    (EUC-TW), and files that do not decode strictly or that decode to C1
    controls (Windows-1252 bytes in a folder named ISO-8859-1: not the text
    its authors wrote)."""
    for path, encoding, language in _chardet_files():
        text = _decoded(path.read_bytes(), encoding)
        if text is not None:
            yield from _texts("chardet", language, text, lines)


def _codec_and_language(folder: str) -> tuple[str | None, str]:
    """``windows-1250-czech`` → (``cp1250``, ``czech``); ``utf-8-sig`` → (``utf-8-sig``, "")."""
    for name, language in ((folder, ""), tuple(folder.rsplit("-", 1))):
        try:
            return codecs.lookup(name).name, language
        except LookupError:
            continue
    return None, ""


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if C1_CONTROL.search(text) else text


def _texts(set_name: str, language: str, text: str, lines: bool) -> Iterator[CleanText]:
    if not lines:
        yield CleanText(set_name, language, text)
        return
    for line in text.splitlines():
        if line.strip():
            yield CleanText(set_name, language, line)


# Bytes in a known encoding: what a decoder must turn into their authors' text.


@dataclass(frozen=True, slots=True)
class EncodedText:
    """Bytes written in ``encoding`` (a Python codec name) and the text they
    hold, from one external set; ``name`` says where they come from."""

    set_name: str
    name: str
    encoding: str
    data: bytes
    text: str


ENCODED_LINE_LENGTHS = range(40, 301)


def encoded_texts(lines: bool = False) -> Iterator[EncodedText]:
    """chardet's test pages and charset-normalizer's samples as their bytes,
    with the text their encoding gives (files skipped as :func:`chardet_pages`
    skips them). With ``lines``, a file gives its first line of 40 to 300
    characters that is not all ASCII, encoded alone."""
    sources = (("chardet", _chardet_files()), ("charset-normalizer", _labelled_samples()))
    for set_name, files in sources:
        for path, encoding, _ in files:
            data = path.read_bytes()
            text = _decoded(data, encoding)
            if text is None:
                continue
            name = f"{path.parent.name}/{path.name}"
            if not lines:
                yield EncodedText(set_name, name, encoding, data, text)
                continue
            line = next(
                (
                    line
                    for line in text.splitlines()
                    if len(line) in ENCODED_LINE_LENGTHS and not line.isascii()
                ),
                None,
            )
            if line is not None:
                yield EncodedText(set_name, name, encoding, line.encode(encoding), line)


def wordfreq_phrases(per_language: int = 1000, top: int = 20_000) -> Iterator[CleanText]:
    """Short phrases of every language wordfreq has: two or three of its
    ``top`` commonest words drawn at random (the same each run), some
    capitalised or in capitals, some ending in a stop, a comma or a question
    mark. Words side by side are what a judge of short strings sees most:
    a word's neighbour tells its language, or seems to.

    >>> [text.text for text in wordfreq_phrases(2)][2:4]
    ['харчи стандарта,', 'Богородица блести.']
    """
    for language in sorted(wordfreq.available_languages()):
        draw = random.Random(language)
        words = [word for word in wordfreq.top_n_list(language, top) if not word.isdigit()]
        for _ in range(per_language):
            phrase = [draw.choice(words) for _ in range(draw.choice((2, 2, 3)))]
            form = draw.random()
            if form < 0.1:
                phrase = [word.upper() for word in phrase]
            elif form < 0.4:
                phrase[0] = phrase[0].capitalize()
            yield CleanText("wordfreq", language, " ".join(phrase) + draw.choice(_PHRASE_ENDS))


_PHRASE_ENDS = ("", "", ".", ",", "?")


def cldr_names() -> Iterator[CleanText]:
    """Every name CLDR gives in the language of each of its locales (Babel's
    data), each a text of its own: territories, languages, scripts,
    currencies, variants, months and days. Short names in some 700 locales,
    many in languages wordfreq lacks (Sango ``âEmirâti``, Frisian ``Sûd``).

    >>> next(text for text in cldr_names() if text.language == "fr_CA" and "É" in text.text).text
    'Émirats arabes unis'
    """
    from babel import Locale, UnknownLocaleError
    from babel.localedata import locale_identifiers

    for code in sorted(locale_identifiers()):
        try:
            locale = Locale.parse(code)
        except (UnknownLocaleError, ValueError):
            continue
        names = [
            *locale.territories.values(),
            *locale.languages.values(),
            *locale.scripts.values(),
            *locale.currencies.values(),
            *locale.variants.values(),
        ]
        for calendar in (locale.months, locale.days):
            for context in calendar.values():
                for width in context.values():
                    names += width.values()
        for name in dict.fromkeys(names):
            if isinstance(name, str) and name.strip():
                yield CleanText("cldr", code, name)


def wordfreq_words(top: int = 2000) -> Iterator[CleanText]:
    """The ``top`` commonest words of every language wordfreq has, each as a
    text of its own, then capitalised, then in capitals (where that differs)."""
    for language in sorted(wordfreq.available_languages()):
        for word in wordfreq.top_n_list(language, top):
            for form in dict.fromkeys((word, word.capitalize(), word.upper())):
                yield CleanText("wordfreq", language, form)
