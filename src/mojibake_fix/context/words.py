"""Word plausibility: which language a text is in, and how real a word is.

Frequencies come from ``wordfreq``'s lists (read only when a damaged letter has
to be judged), and for Thai, which wordfreq does not list, from the Thai
National Corpus counts that PyThaiNLP ships, filed in buckets as wordfreq
files its words. A text's language is the candidate whose small list knows its
words best, so choosing it costs a few look-ups per word.

The lists are held compactly (:class:`FrequencyTable`): a dict of a large list
costs about 100 bytes a word, 1.2 GB for the 34 languages the detectors judge,
which is more than a worker should hold; 8 bytes a word is 70 MB. A small list
is the top of the same language's large list (every word at least once per
million words), so a language's "best" table is its small table followed by
the large list's rarer words, and the small words are held once.

>>> guess_language("The quick brown fox jumps over the lazy dog, and the cat", "Latin")
'en'
>>> zipf("Władysław", "pl") > 3 > zipf("Wladyslawx", "pl")
True
>>> frequencies("en", "small").get("the") == frequencies("en").get("the") > 0.01
True
"""

from __future__ import annotations

import binascii
import functools
import gzip
import itertools
import math
import operator
import re
import unicodedata
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from ..cache import pythainlp_data_in_cache
from ..charclass import is_letter, script_of
from .stored import array_text, stored, tables_folder, text_array

# Languages wordfreq knows, by the script they are written in.
LANGUAGES_BY_SCRIPT: dict[str, tuple[str, ...]] = {
    "Latin": (
        "en", "fr", "de", "es", "pt", "it", "nl", "pl", "cs", "sk", "sl", "sh", "hu",
        "ro", "tr", "sv", "da", "nb", "fi", "lt", "lv", "is", "ca", "vi", "id",
    ),
    "Cyrillic": ("ru", "uk", "bg", "mk"),
    "Greek": ("el",),
    "Arabic": ("ar", "fa", "ur"),
    "Hebrew": ("he",),
    "Devanagari": ("hi",),
    "Bengali": ("bn",),
    "Tamil": ("ta",),
}  # fmt: skip

_WORD = re.compile(r"[^\W\d_]{2,}")
# What a word whose letters a language does not write costs its guess, in
# Zipf: about a common word's worth.
_UNWRITTEN_WORD = 3.0
_SAMPLE_WORDS = 60
# Words with an apostrophe among a language's commonest that make it a
# language written with apostrophes.
_APOSTROPHE_SAMPLE = 30000
_APOSTROPHE_WORDS = 20
# The share of the words an ending follows an apostrophe in that are words
# alone, for it to be a clitic any word takes; and how common "alone" is.
_OPEN_SHARE = 0.75
_LISTED_ALONE = 3.0

# A table entry is a word's hash (its top 54 bits) over its bucket (10 bits):
# wordfreq files a word in bucket ``i`` when it is seen 10 ** (-i / 100) of the
# time, and its lists stop at bucket 799. The small lists are buckets 0-599.
_BUCKET_BITS = 10
_BUCKET = (1 << _BUCKET_BITS) - 1
_MASK = (1 << 64) - 1
_HASH = _MASK & ~_BUCKET
_SMALL_BUCKETS = 600
# The same floats wordfreq computes (``cB_to_freq``), and their Zipf values.
BUCKET_FREQUENCY = tuple(10 ** (-index / 100) for index in range(_BUCKET + 1))
_ZIPF = tuple(math.log10(frequency) + 9.0 for frequency in BUCKET_FREQUENCY)


def word_hash(word: str) -> int:
    """A 64-bit hash of ``word`` that every process computes alike, so that a
    table built once can be kept (:mod:`.stored`): CRC-32 and CRC-16 (two
    polynomials) of its UTF-8 bytes, over their length.

    >>> word_hash("kp") != word_hash("火") and word_hash("火") == word_hash("火")
    True
    """
    data = word.encode("utf-8", "surrogatepass")
    return (zlib.crc32(data) << 32 | binascii.crc_hqx(data, 0) << 16 | len(data)) & _MASK


@dataclass(frozen=True, slots=True, eq=False)
class FrequencyTable:
    """A word list as a sorted array of 64-bit entries, hash over bucket.

    Looking a word up is a binary search for its :func:`word_hash`. Words of
    one list that share a 54-bit hash prefix are kept in ``exact``. A word of
    no list matches a listed word's prefix about once in 10**9 look-ups."""

    entries: array[int]
    exact: dict[str, float]
    rarer: FrequencyTable | None = None

    def _bucket(self, word: str, hashed: int | None = None) -> int:
        """The bucket of ``word`` (whose :func:`word_hash` is ``hashed``, when
        the caller has it), or -1."""
        key = (word_hash(word) if hashed is None else hashed) & _HASH
        table: FrequencyTable | None = self
        while table is not None:
            if table.exact and word in table.exact:
                return -2
            entries = table.entries
            index = bisect_left(entries, key)
            if index < len(entries) and entries[index] & _HASH == key:
                return entries[index] & _BUCKET
            table = table.rarer
        return -1

    def _exact(self, word: str) -> float:
        table: FrequencyTable | None = self
        while table is not None:
            if word in table.exact:
                return table.exact[word]
            table = table.rarer
        raise KeyError(word)  # pragma: no cover - only called for a word found

    @overload
    def get(self, word: str) -> float | None: ...
    @overload
    def get(self, word: str, default: float) -> float: ...

    def get(self, word: str, default: float | None = None) -> float | None:
        """The frequency of ``word`` (per word of text), as ``dict.get``."""
        found = self._listed(word, None)
        return default if found is None else found

    def frequency(self, word: str, hashed: int) -> float:
        """:meth:`get` with 0.0 for an unlisted word, whose :func:`word_hash`
        the caller has: a word asked of many lists is hashed once."""
        found = self._listed(word, hashed)
        return 0.0 if found is None else found

    def _listed(self, word: str, hashed: int | None) -> float | None:
        """The frequency of ``word``, ``None`` where no list holds it
        (``hashed``: as for ``_bucket``)."""
        bucket = self._bucket(word, hashed)
        if bucket >= 0:
            return BUCKET_FREQUENCY[bucket]
        return self._exact(word) if bucket == -2 else None

    def zipf(self, word: str, hashed: int | None = None) -> float:
        """``log10(frequency) + 9``, 0 for an unknown word (``hashed``: as for ``_bucket``)."""
        bucket = self._bucket(word, hashed)
        if bucket >= 0:
            return _ZIPF[bucket]
        return math.log10(self._exact(word)) + 9.0 if bucket == -2 else 0.0

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._bucket(word) != -1

    def __len__(self) -> int:
        rarer = len(self.rarer) if self.rarer is not None else 0
        return len(self.entries) + len(self.exact) + rarer


def _list_path(lang: str, wordlist: str) -> str:
    """The file of ``lang``'s ``wordlist``, matched as wordfreq matches it."""
    import wordfreq

    available: dict[str, str] = wordfreq.available_languages(wordlist)
    if lang not in available:
        import langcodes

        lang = str(langcodes.closest_match(lang, list(available), max_distance=60)[0])
        if lang == "und":
            raise LookupError(f"no wordlist {wordlist!r} for language {lang!r}")
    return available[lang]


# Languages whose words come from a corpus of their own, not from wordfreq.
CORPUS_LANGUAGES = frozenset({"th"})


@functools.cache
def _corpus_buckets(lang: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """The words of a corpus language in wordfreq's buckets, commonest first."""
    with pythainlp_data_in_cache():
        from pythainlp.corpus import tnc

    counts = {
        word: count
        for word, count in tnc.word_freqs()
        if word and count > 0 and all(script_of(ch) == "Thai" for ch in word)
    }
    total = sum(counts.values())
    filed: dict[int, list[str]] = {}
    # PyThaiNLP reads its corpus into a set: sort ties by the word, so every
    # process files and sums the words in one order.
    for word, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        bucket = min(_BUCKET - 1, round(-100 * math.log10(count / total)))
        filed.setdefault(bucket, []).append(word)
    return tuple((bucket, tuple(words)) for bucket, words in sorted(filed.items()))


def _language_buckets(lang: str, wordlist: str, start: int = 0) -> Iterator[tuple[int, list[str]]]:
    """The buckets of ``lang``'s ``wordlist`` from ``start`` on."""
    if lang in CORPUS_LANGUAGES:
        for index, words in _corpus_buckets(lang):
            if index >= start:
                yield index, list(words)
        return
    yield from _buckets(_list_path(lang, wordlist), start)


def _buckets(path: str, start: int = 0) -> Iterator[tuple[int, list[str]]]:
    """The buckets of a wordfreq list file from ``start`` on, read one at a time
    (the words of buckets before ``start`` are skipped, not built)."""
    import msgpack  # type: ignore[import-untyped]  # wordfreq's own dependency

    with gzip.open(path, "rb") as stream:
        unpacker: Any = msgpack.Unpacker(stream, raw=False)
        total: int = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB":
            raise ValueError(f"{path}: not a wordfreq list")
        for index in range(total - 1):
            if index < start:
                for _ in range(unpacker.read_array_header()):
                    unpacker.skip()
                continue
            yield index, unpacker.unpack()


def _table(lang: str, wordlist: str, start: int = 0) -> FrequencyTable:
    """The table of the list's words from bucket ``start`` on, built once per
    machine (:func:`stored`): its entries, and the words that share a hash
    prefix as one string with their frequencies."""
    return _stored_table(
        f"frequencies-{lang}-{wordlist}-{start}",
        lambda: _language_buckets(lang, wordlist, start),
    )


def unmarked(word: str) -> str:
    """``word`` in small letters without its marks: how a word written in
    capitals may show it (Greek capitals drop their accents).

    >>> unmarked("Οικονομία"), unmarked("ÉCOLE")
    ('οικονομια', 'ecole')
    """
    return "".join(
        ch for ch in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(ch)
    )


@functools.cache
def _unmarked_table(lang: str) -> FrequencyTable:
    """``lang``'s small list keyed by :func:`unmarked`, each key as common as
    the commonest word it stands for."""

    def buckets() -> Iterator[tuple[int, list[str]]]:
        seen: set[str] = set()
        for index, words in _language_buckets(lang, "small"):
            keys = [key for key in dict.fromkeys(map(unmarked, words)) if key not in seen]
            seen.update(keys)
            yield index, keys

    return _stored_table(f"unmarked-{lang}", buckets)


def unmarked_zipf(word: str, lang: str) -> float:
    """How common ``lang``'s commonest word is that ``word`` writes without
    its marks, in any case (``ΟΙΚΟΝΟΜΙΑ`` is ``οικονομία``, Zipf 5).

    >>> unmarked_zipf("ΟΙΚΟΝΟΜΙΑ", "el") > 4.0 > zipf("ΟΙΚΟΝΟΜΙΑ", "el")
    True
    """
    return _unmarked_table(lang).zipf(unmarked(word))


def _stored_table(
    name: str, buckets: Callable[[], Iterable[tuple[int, list[str]]]]
) -> FrequencyTable:
    """The table of the words of ``buckets``, built once per machine."""
    entries, exact_words, exact_frequencies = stored(
        tables_folder(),
        name,
        lambda: _table_arrays(_built_table(buckets)),
        lambda kept: len(kept) == 3 and _exact_fits(kept[1], kept[2]),
    )
    words = array_text(exact_words).split("\n")
    exact = dict(zip(words, exact_frequencies, strict=False)) if exact_frequencies else {}
    return FrequencyTable(entries, exact)


def _exact_fits(words: array[int], frequencies: array[Any]) -> bool:
    count = array_text(words).count("\n") + 1 if words else 0
    return count == len(frequencies)


def _table_arrays(table: FrequencyTable) -> list[array[Any]]:
    return [table.entries, text_array("\n".join(table.exact)), array("d", table.exact.values())]


def _built_table(buckets: Callable[[], Iterable[tuple[int, list[str]]]]) -> FrequencyTable:
    """The table of the words of ``buckets`` (read twice where words share a
    hash prefix). Entries are sorted in 256 parts by their top byte, so
    building never holds more than the array and a 256th of it as Python
    integers."""
    parts = [array("Q") for _ in range(256)]
    for index, words in buckets():
        for hashed in map(word_hash, words):
            entry = (hashed & _HASH) | index
            parts[entry >> 56].append(entry)
    entries = array("Q")
    for number, part in enumerate(parts):
        entries.extend(sorted(part))
        parts[number] = array("Q")
    prefixes = array("Q", map(operator.rshift, entries, itertools.repeat(_BUCKET_BITS)))
    repeated = map(operator.eq, prefixes, itertools.islice(prefixes, 1, None))
    shared = {prefix << _BUCKET_BITS for prefix in itertools.compress(prefixes, repeated)}
    del prefixes
    if not shared:
        return FrequencyTable(entries, {})
    exact = {
        word: BUCKET_FREQUENCY[index]
        for index, words in buckets()
        for word in words
        if word_hash(word) & _HASH in shared
    }
    kept = array("Q", (entry for entry in entries if entry & _HASH not in shared))
    return FrequencyTable(kept, exact)


@functools.cache
def frequencies(lang: str, wordlist: str = "best") -> FrequencyTable:
    """The word-frequency table of ``lang`` (word -> frequency per word)."""
    if wordlist == "small":
        return _table(lang, wordlist)
    small = frequencies(lang, "small")
    if lang in CORPUS_LANGUAGES or _list_path(lang, wordlist) == _list_path(lang, "small"):
        return small
    rarer = _table(lang, wordlist, _SMALL_BUCKETS)
    return FrequencyTable(small.entries, small.exact, rarer)


def top_words(lang: str, count: int, *, numbers: bool = True) -> list[tuple[str, float]]:
    """The ``count`` commonest words of ``lang``'s small list, commonest first
    (wordfreq's order), with their frequencies; read afresh, not kept. Without
    ``numbers``, words with a digit sequence are left out, as wordfreq's
    ``top_n_list`` leaves them."""
    return [(word, BUCKET_FREQUENCY[index]) for word, index in top_buckets(lang, count, numbers)]


def top_buckets(
    lang: str,
    count: int | None,
    numbers: bool = True,
    wordlist: str = "small",
    rarest: int = _BUCKET,
) -> list[tuple[str, int]]:
    """:func:`top_words` with each word's bucket (its frequency is
    ``BUCKET_FREQUENCY[bucket]``), from ``wordlist``: ``count`` words (all
    for ``None``) no rarer than bucket ``rarest``."""
    from wordfreq.numbers import has_digit_sequence

    found: list[tuple[str, int]] = []
    for index, words in _language_buckets(lang, wordlist):
        if index > rarest:
            break
        kept = words if numbers else [word for word in words if not has_digit_sequence(word)]
        if count is not None:
            kept = kept[: count - len(found)]
        found.extend((word, index) for word in kept)
        if count is not None and len(found) >= count:
            break
    return found


def word_frequency(word: str, lang: str, wordlist: str = "best", minimum: float = 0.0) -> float:
    """``wordfreq.word_frequency`` over these tables: the same value (tokens,
    digits and rounding as wordfreq has them), without the copy of each list
    that wordfreq keeps for good in every process that asks it."""
    from wordfreq.tokens import lossy_tokenize

    return frequency_of_tokens(lossy_tokenize(word, lang), lang, wordlist, minimum)


def frequency_of_tokens(
    tokens: Sequence[str], lang: str, wordlist: str = "best", minimum: float = 0.0
) -> float:
    """:func:`word_frequency` of a text wordfreq reads as ``tokens``
    (``wordfreq.tokens.lossy_tokenize``), for a caller that reads them too."""
    from wordfreq import INFERRED_SPACE_FACTOR
    from wordfreq.language_info import get_language_info
    from wordfreq.numbers import digit_freq, smash_numbers

    if not tokens:
        return minimum
    table = frequencies(lang, wordlist)
    one_over_result = 0.0
    for token in tokens:
        smashed: str = smash_numbers(token)
        frequency = table.get(smashed)
        if frequency is None:
            return minimum
        if smashed != token:
            frequency *= digit_freq(token)
        one_over_result += 1.0 / frequency
    result = 1.0 / one_over_result
    if get_language_info(lang)["tokenizer"] == "jieba":
        result *= INFERRED_SPACE_FACTOR ** -(len(tokens) - 1)
    unrounded = max(result, minimum)
    if unrounded == 0.0:
        return 0.0
    return round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)


def zipf_frequency(word: str, lang: str, wordlist: str = "best", minimum: float = 0.0) -> float:
    """``wordfreq.zipf_frequency`` over these tables (see :func:`word_frequency`)."""
    frequency = word_frequency(word, lang, wordlist, 10**minimum / 1e9)
    return round(math.log(frequency, 10) + 9, 2)


def zipf_of_tokens(tokens: Sequence[str], lang: str, wordlist: str = "best") -> float:
    """:func:`zipf_frequency` of a text wordfreq reads as ``tokens``."""
    frequency = frequency_of_tokens(tokens, lang, wordlist, 1 / 1e9)
    return round(math.log(frequency, 10) + 9, 2)


@functools.cache
def alphabet(lang: str) -> frozenset[str]:
    """The letters the commonest words of ``lang`` use (lower case), with
    the vowel signs and other marks of scripts that write them (``ी``, ``्``).
    Built once per machine (:func:`stored`)."""
    [letters] = stored(
        tables_folder(),
        f"alphabet-{lang}",
        lambda: [text_array("".join(sorted(_built_alphabet(lang))))],
    )
    return frozenset(array_text(letters))


@functools.lru_cache(maxsize=1 << 14)
def spelled_with_alphabet(letters: str, lang: str) -> bool:
    """Whether ``lang`` writes every letter of ``letters``, case aside.

    >>> spelled_with_alphabet("Țară", "ro"), spelled_with_alphabet("țară", "vi")
    (True, False)
    """
    return set(letters.casefold()) <= alphabet(lang)


@functools.lru_cache(maxsize=1 << 12)
def listed_as_written(word: str, script: str, at_least: float = 3.0) -> bool:
    """Whether a language of ``script`` whose letters spell ``word`` lists it
    at Zipf ``at_least`` or more: a word as some language writes it, its
    lists loaded only for the languages that could.

    >>> listed_as_written("Najvyšší", "Latin"), listed_as_written("ýòî", "Latin")
    (True, False)
    """
    return any(
        zipf(word, lang) >= at_least
        for lang in LANGUAGES_BY_SCRIPT.get(script, ())
        if spelled_with_alphabet(word, lang)
    )


def _built_alphabet(lang: str) -> frozenset[str]:
    return frozenset(
        ch for word, _ in top_words(lang, 3000, numbers=False) for ch in word if is_letter(ch)
    )


def kept_mapping(name: str, width: int, build: Callable[[], dict[str, float]]) -> dict[str, float]:
    """A mapping of strings of ``width`` characters to numbers, built once
    per machine (:func:`stored`): its keys as one string, its values as an array."""

    def arrays() -> list[array[Any]]:
        built = build()
        return [text_array("".join(built)), array("d", built.values())]

    def fits(kept: list[array[Any]]) -> bool:
        return len(kept) == 2 and len(array_text(kept[0])) == width * len(kept[1])

    keys, values = stored(tables_folder(), name, arrays, fits)
    joined = array_text(keys)
    starts = range(0, len(joined), width)
    return dict(zip((joined[i : i + width] for i in starts), values, strict=True))


# Languages whose lists leave out the vowel marks their texts may write
# (Arabic harakat, Hebrew niqqud), as wordfreq's tokenizer does.
_WRITTEN_WITHOUT_MARKS = frozenset({"ar", "fa", "ur", "he"})


# Languages with a dotted and a dotless i: ``İ`` is the capital of ``i``, ``I`` of ``ı``.
_DOTTED_I_LANGUAGES = frozenset({"tr", "az"})


def _casefold(word: str, lang: str) -> str:
    if lang in _DOTTED_I_LANGUAGES:
        word = word.replace("I", "ı").replace("İ", "i")
    return word.casefold()


def _key(word: str, lang: str = "") -> str:
    return listed_letters(_casefold(unicodedata.normalize("NFC", word), lang), lang).replace(
        "\u2019", "'"
    )


def leaves_out_marks(lang: str) -> bool:
    """Whether ``lang``'s lists spell words without the marks its texts may
    write (Arabic harakat, Hebrew niqqud)."""
    return lang in _WRITTEN_WITHOUT_MARKS


def listed_letters(text: str, lang: str) -> str:
    """``text`` without the marks ``lang``'s lists leave out (``يُسمَّى`` is
    listed as ``يسمى``): the letters the lists spell words with.

    >>> listed_letters("يُسمَّى", "ar"), listed_letters("naïve", "fr")
    ('يسمى', 'naïve')
    """
    if not leaves_out_marks(lang):
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def zipf(word: str, lang: str) -> float:
    """The Zipf frequency of ``word`` in ``lang`` (0 for an unknown word).

    >>> zipf("يُعد", "ar") == zipf("يعد", "ar") > 0  # the damma is left out
    True
    >>> zipf("DİREKTÖR", "tr") == zipf("direktör", "tr") > 0  # Turkish capitals
    True

    A letter that casefolding makes another (``ß`` ``ss``, ``ſ`` ``s``) is
    no word of its own: its key is another word's.

    >>> zipf("ß", "de"), zipf("ſ", "en")
    (0.0, 0.0)
    """
    if len(word) == 1:
        letter = unicodedata.normalize("NFC", word)
        if letter.casefold() != letter.lower():
            return 0.0
    return frequencies(lang).zipf(_key(word, lang))


def counted_apart(left: str, right: str, lang: str) -> bool:
    """Whether the lists count ``left’right`` as two words: wordfreq's
    tokenizer splits one or two Latin letters off before a vowel (``d'un``,
    ``qu'il``, ``c'è``), so such an elision is never listed whole.

    >>> counted_apart("d", "un", "fr"), counted_apart("aujourd", "hui", "fr")
    (True, False)
    """
    from wordfreq.tokens import tokenize

    if lang not in LANGUAGES_BY_SCRIPT["Latin"]:
        return False  # elision is a habit of Latin letters (and others need MeCab)
    pieces = [_key(left, lang), _key(right, lang)]
    return tokenize(f"{pieces[0]}'{pieces[1]}", lang) == pieces


@functools.cache
def writes_apostrophes(lang: str) -> bool:
    """Whether ``lang`` writes words with an apostrophe inside (English
    ``it's``, Italian ``dell'anno``, Turkish ``türkiye'de``): its common
    words hold a few dozen beyond the English ones every list borrows.

    >>> writes_apostrophes("tr"), writes_apostrophes("ro")
    (True, False)
    """
    own = _apostrophe_words(lang)
    if lang != "en":
        own -= _apostrophe_words("en")
    return len(own) >= _APOSTROPHE_WORDS


@functools.cache
def apostrophe_endings(lang: str) -> frozenset[str]:
    """The single letters that end ``lang``'s own common words after an
    apostrophe as a clitic any word takes: the words it follows there are
    words of the language on their own (English ``America's``, Turkish
    ``İstanbul'a``), not pieces of a closed set whose elisions the lists
    hold whole (``isn't``, ``didn't``: ``torn’t`` is no word).

    >>> sorted(apostrophe_endings("en")), sorted(apostrophe_endings("it"))
    (['d', 'm', 's'], ['e', 'è'])
    """
    own = _apostrophe_words(lang)
    if lang != "en":
        own -= _apostrophe_words("en")
    stems: dict[str, list[str]] = {}
    for word in own:
        stem, _, ending = word.rpartition("'")
        if len(ending) == 1:
            stems.setdefault(ending, []).append(stem)
    return frozenset(
        ending
        for ending, before in stems.items()
        if sum(zipf(stem, lang) >= _LISTED_ALONE for stem in before) >= _OPEN_SHARE * len(before)
    )


@functools.cache
def apostrophe_junctions(lang: str) -> frozenset[tuple[str, str]]:
    """The letters an apostrophe stands between in ``lang``'s common words:
    the last before it and the first after it (English ``n’t`` of ``don't``,
    ``t’s`` of ``it's``, not ``t’t``). An elision joins its pieces as the
    language's words do.

    >>> ("n", "t") in apostrophe_junctions("en"), ("t", "t") in apostrophe_junctions("en")
    (True, False)
    """
    return frozenset(
        (left[-1], right[0])
        for left, _, right in (word.rpartition("'") for word in _apostrophe_words(lang))
        if left and right
    )


@functools.cache
def _apostrophe_words(lang: str) -> frozenset[str]:
    """The common words of ``lang`` with an apostrophe inside (English's are
    asked for every other language: read once)."""
    return frozenset(word for word, _ in top_words(lang, _APOSTROPHE_SAMPLE) if "'" in word)


def _hashed_keys(words: Iterable[str], lang: str) -> list[tuple[str, int]]:
    """The list keys of ``words`` in ``lang`` with their :func:`word_hash`:
    the same for every language that casefolds and leaves out marks alike."""
    return [(key, word_hash(key)) for key in (_key(word, lang) for word in words)]


def _zipf_total(keys: Iterable[tuple[str, int]], lang: str) -> float:
    table = frequencies(lang, "small")
    return sum(table.zipf(key, hashed) for key, hashed in keys)


def sample_words(text: str) -> list[str]:
    """Distinct plain words of ``text`` (by their casefolded form), the first ones found."""
    seen: dict[str, str] = {}
    for match in _WORD.finditer(text):
        seen.setdefault(match.group().casefold(), match.group())
        if len(seen) >= _SAMPLE_WORDS:
            break
    return list(seen.values())


def guess_language(text: str, script: str, overlooked: str | None = None) -> str | None:
    """The language of ``script`` whose word list knows ``text``'s words
    best, each word whose letters beyond ASCII it does not write counting
    against it (Icelandic ``Hliðarstika af`` is not Danish, whose list knows
    ``af`` better), where ``overlooked`` is given: its letters (the
    damage's) count for none.

    >>> guess_language("Hliðarstika af", "Latin"), guess_language("Hliðarstika af", "Latin", "")
    ('da', 'is')
    """
    languages = LANGUAGES_BY_SCRIPT.get(script, ())
    words = sample_words(text)
    if not languages or not words:
        return languages[0] if languages else None
    ignored = frozenset((overlooked or "").casefold())
    letters = [
        frozenset(ch for ch in word.casefold() if ch > "\x7f" and ch not in ignored)
        for word in (words if overlooked is not None else ())
    ]
    best, best_score = languages[0], -math.inf
    keys_by_spelling: dict[tuple[bool, bool], list[tuple[str, int]]] = {}
    for lang in languages:
        spelling = (lang in _DOTTED_I_LANGUAGES, leaves_out_marks(lang))
        keys = keys_by_spelling.get(spelling)
        if keys is None:
            keys = keys_by_spelling[spelling] = _hashed_keys(words, lang)
        # The alphabet is read only where letters are weighed against it.
        unwritten = sum(not word_letters <= alphabet(lang) for word_letters in letters)
        score = _zipf_total(keys, lang) - _UNWRITTEN_WORD * unwritten
        if score > best_score:
            best, best_score = lang, score
    return best


_BOUNDARY = " "


@functools.cache
def bigrams(lang: str) -> dict[tuple[str, str], float]:
    """Log-probabilities of one letter following another in ``lang``'s words
    (a space marks the ends of a word), weighted by word frequency. Built
    once per machine (:func:`stored`)."""
    kept = kept_mapping(
        f"bigrams-{lang}", 2, lambda: {a + b: p for (a, b), p in _built_bigrams(lang).items()}
    )
    return {(pair[0], pair[1]): p for pair, p in kept.items()}


def _built_bigrams(lang: str) -> dict[tuple[str, str], float]:
    counts: dict[tuple[str, str], float] = {}
    totals: dict[str, float] = {}
    for padded, weight in _weighted_words(lang):
        for first, second in itertools.pairwise(padded):
            counts[(first, second)] = counts.get((first, second), 0.0) + weight
            totals[first] = totals.get(first, 0.0) + weight
    return {pair: math.log(count / totals[pair[0]]) for pair, count in counts.items()}


# A run of letters as one number: their code points, 21 bits each.
_CODE_POINT_BITS = 21


def _packed(letters: str) -> int:
    packed = 0
    for ch in letters:
        packed = packed << _CODE_POINT_BITS | ord(ch)
    return packed


@dataclass(frozen=True, slots=True, eq=False)
class LetterTable:
    """Numbers for runs of a few letters (as many in each run), as two arrays:
    each run's letters packed into one number (sorted), and the numbers in
    their order. 16 bytes a run; a dict of strings takes a hundred."""

    runs: array[int]
    values: array[float]

    def get(self, letters: str, default: float = 0.0) -> float:
        """The number of the run ``letters``, ``default`` where none is kept."""
        packed = _packed(letters)
        index = bisect_left(self.runs, packed)
        if index < len(self.runs) and self.runs[index] == packed:
            return self.values[index]
        return default

    def continued(self, letters: str) -> bool:
        """Whether a run kept is ``letters`` and one letter more."""
        start = _packed(letters) << _CODE_POINT_BITS
        index = bisect_left(self.runs, start)
        return index < len(self.runs) and self.runs[index] >> _CODE_POINT_BITS == (
            start >> _CODE_POINT_BITS
        )


def kept_letter_table(name: str, build: Callable[[], dict[str, float]]) -> LetterTable:
    """A :class:`LetterTable` of the runs ``build`` maps to numbers, built
    once per machine (:func:`stored`)."""
    runs, values = stored(
        tables_folder(),
        name,
        lambda: letter_table_arrays(build()),
        lambda kept: len(kept) == 2 and len(kept[0]) == len(kept[1]),
    )
    return LetterTable(runs, values)


def letter_table_arrays(built: dict[str, float]) -> list[array[Any]]:
    """The arrays of a :class:`LetterTable` of ``built``."""
    ordered = sorted((_packed(letters), value) for letters, value in built.items())
    return [array("Q", (packed for packed, _ in ordered)), array("d", (v for _, v in ordered))]


@functools.cache
def trigrams(lang: str) -> LetterTable:
    """Probabilities of a letter after the two before it in ``lang``'s words,
    by the three (a space marks the ends of a word). Built once per machine
    (:func:`stored`)."""
    return kept_letter_table(f"trigrams-{lang}", lambda: _flat_trigrams(lang))


def _flat_trigrams(lang: str) -> dict[str, float]:
    return {
        pair + ch: p
        for pair, following in _built_trigrams(lang).items()
        for ch, p in following.items()
    }


def _built_trigrams(lang: str) -> dict[str, dict[str, float]]:
    counts: dict[str, dict[str, float]] = {}
    for padded, weight in _weighted_words(lang):
        for index in range(len(padded) - 2):
            following = counts.setdefault(padded[index : index + 2], {})
            ch = padded[index + 2]
            following[ch] = following.get(ch, 0.0) + weight
    for following in counts.values():
        total = sum(following.values())
        for ch in following:
            following[ch] /= total
    return counts


_ELONGATED = re.compile(r"(.)\1\1")


def _weighted_words(lang: str) -> Iterator[tuple[str, float]]:
    """``lang``'s commonest words between boundaries, each weighted by the
    square root of its frequency: common words count, rare ones still do.
    Cries drawn out (``аааа``, ``nooo``) spell nothing."""
    table = frequencies(lang, "small")
    for word, _ in top_words(lang, 30000, numbers=False):
        if not _ELONGATED.search(word):
            yield _BOUNDARY + word + _BOUNDARY, table.get(word, 0.0) ** 0.5


UNSEEN_BIGRAM = -12.0
# How much a letter's two predecessors count against its one, where the
# lists show those two together.
_TRIGRAM_WEIGHT = 0.8


def _letter_key(ch: str, lang: str) -> str:
    # wordfreq's lists are casefolded (``ß`` is ``ss``): compare first letters.
    # Vowel signs and viramas (``ी``, ``्``) are letters of their words here.
    return _casefold(ch, lang)[0] if ch and is_letter(ch[0]) else _BOUNDARY


def letter_score(before: str, ch: str, lang: str) -> float:
    """log P(``ch`` | the two letters ``before`` it) in ``lang``, mixed with
    the letter pair: ``айр?н`` is ``айрян`` (``рян``), not ``айрсн``, though
    ``ря`` and ``рс`` are both common. A space or no letter stands for a word
    boundary; at the start of a word only the letter pair counts.

    >>> letter_score("ря", "н", "bg") > letter_score("рс", "н", "bg")
    True
    """
    return _letter_score(before[-2:], ch, lang)


@functools.lru_cache(maxsize=1 << 16)
def _letter_score(before: str, ch: str, lang: str) -> float:
    """:func:`letter_score` of the two letters before, kept: a beam over
    the sites of a word asks of the same pairs again and again."""
    second = _letter_key(ch, lang)
    last = _letter_key(before[-1:], lang)
    first = _letter_key(before[-2:-1], lang)
    pair = bigrams(lang).get((last, second), UNSEEN_BIGRAM)
    if _BOUNDARY in (first, last):
        # Where a word starts, names and rare words abound (``Iğdır``).
        return pair
    table = trigrams(lang)
    if not table.continued(first + last):
        return pair
    mixed = _TRIGRAM_WEIGHT * table.get(first + last + second) + (1 - _TRIGRAM_WEIGHT) * math.exp(
        pair
    )
    return math.log(mixed)


def is_listed(word: str, lang: str) -> bool:
    """Whether ``lang``'s small list holds ``word``, spelled as the lists spell
    words (casefolded, without the marks they leave out).

    >>> is_listed("TRÈS", "fr"), is_listed("trŤs", "fr")
    (True, False)
    """
    return _key(word, lang) in frequencies(lang, "small")


def known_words(text: str, lang: str, damaged: Collection[str] = ()) -> tuple[int, int]:
    """How many of ``text``'s words ``lang``'s small list knows, of how many
    hold none of the ``damaged`` characters (a word that lost bytes tells
    nothing: ``illaksiâ``). A word of letters ``lang`` does not write is no
    word of it (Friulian ``Colôr`` in a text taken for Italian).

    >>> known_words("Colôr dai colegaments no visitâts", "it", "â")
    (2, 4)
    """
    words = [word for word in sample_words(text) if not any(ch in damaged for ch in word)]
    table = frequencies(lang, "small")
    return sum(_key(word, lang) in table for word in words), len(words)
