"""Damaged-word dictionaries: a language's words as a lossy decode leaves them.

When most bytes of a word are lost (Cyrillic ``ÐÑÐ¸Ð²ÐµÑ`` is ``Привет`` after
the C1 controls were deleted), guessing letter by letter is hopeless, but the
damage is a function: apply it to every word of the language's word list and
the damaged token is looked up directly. The most frequent word with that
damaged form wins; its share of the matches' frequency is the confidence.

A damage *model* is what happened to the UTF-8 bytes after they were read as
Latin-1 or Windows-1252: ``c1`` (bytes 80-9F deleted), ``undefined`` (the five
bytes Windows-1252 leaves undefined deleted), ``marked`` (those five turned
into ``?`` or U+FFFD) and ``nbsp`` (the no-break space byte A0 made a space).
An index only holds the words the damage changes. It is a sorted array of the
damaged forms' hashes, each with the place of its word in the word list; a
look-up checks each word it finds by damaging it again, so it is exact, and it
costs 8 bytes a form instead of the ~500 of a dict of lists (14 languages and 4
models: 10 MB, not 600 MB). A ``marked`` form is looked up in the
``undefined`` index without its marks: the words those bytes were deleted
from are the words they were marked in, so no index of its own is kept.

>>> damage("Привет", "c1")
'ÐÑÐ¸Ð²ÐµÑ'
>>> [word for word, _ in lookup("ÐÑÐ¸Ð²ÐµÑ", "ru", "c1")][:1]
['Привет']
>>> token_key("Ð\\ufffdовый", "marked") == damage("Новый", "marked")
True
"""

from __future__ import annotations

import codecs
import functools
import itertools
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from ..charclass import C1_CONTROL
from .stored import array_text, stored, tables_folder, text_array
from .words import BUCKET_FREQUENCY, top_buckets, word_hash

MODELS = ("c1", "undefined", "marked", "nbsp")
MARKER = "\ufffd"
_UNDEFINED = re.compile("[\x81\x8d\x8f\x90\x9d]")
_WORDS = 30000
# A token no common word explains may be a rarer one (the inflected
# ``разводят``): words down to once in ten million (Zipf 2, bucket 700) of the
# language's best list (wordfreq's large one where it has one), looked up
# only then. A row of one letter, or a letter thrice in a row, is the laughter
# or keyboard run such lists also hold (``אאאא``, ``АААААА``), not a word.
_RAREST_BUCKET = 700
_RUN_OF_ONE_LETTER = re.compile(r"(.)\1\1")

# Languages with a word list, by script; ``sr`` is Serbian in Cyrillic,
# transliterated from wordfreq's Serbo-Croatian list (which is in Latin).
DICTIONARY_LANGUAGES: dict[str, tuple[str, ...]] = {
    "Cyrillic": ("ru", "uk", "bg", "sr", "mk"),
    "Greek": ("el",),
    "Hebrew": ("he",),
    "Arabic": ("ar", "fa", "ur"),
    "Devanagari": ("hi",),
    "Bengali": ("bn",),
    "Tamil": ("ta",),
    "Hangul": ("ko",),
}

_SERBIAN_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}
_SERBIAN_LETTERS = dict(
    zip("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж", strict=True)
)


def _serbian_cyrillic(word: str) -> str | None:
    """``word`` of Serbo-Croatian in Serbian Cyrillic, or ``None`` for a foreign spelling."""
    out: list[str] = []
    index = 0
    while index < len(word):
        pair = word[index : index + 2]
        if pair in _SERBIAN_DIGRAPHS:
            out.append(_SERBIAN_DIGRAPHS[pair])
            index += 2
            continue
        letter = _SERBIAN_LETTERS.get(word[index])
        if letter is None:
            return None
        out.append(letter)
        index += 1
    return "".join(out)


def is_word_char(ch: str) -> bool:
    """A letter, or a mark that is part of one (Devanagari vowel signs, virama)."""
    return ch.isalpha() or unicodedata.category(ch)[0] == "M"


# A word list whose words write at most this many letters keeps each in one
# byte; its decoding table starts with code points 0-10, so that the newline
# ending each word is byte 10, as in UTF-8, which the other lists are kept in.
_ONE_BYTE_LETTERS = 256 - 11
_FIRST_CODE_POINTS = "".join(map(chr, range(11)))


@dataclass(frozen=True, slots=True, eq=False)
class WordList:
    """Words, commonest first, each ended by a newline, in one string of bytes:
    one byte a letter where ``letters`` is the decoding table (byte ``i``
    shows ``letters[i]``), UTF-8 where it is empty. A word is named by the
    offset of its first byte. Words come in runs of one wordfreq bucket:
    ``runs`` holds where each run starts, ``buckets`` its bucket. A str of
    the words would take two bytes a letter in most lists, and the offsets
    of its words four bytes a word more."""

    text: bytes
    letters: str
    runs: array[int]
    buckets: array[int]

    def __len__(self) -> int:
        return self.text.count(b"\n")

    def word(self, offset: int) -> str:
        """The word at ``offset``."""
        return self._decoded(self.text[offset : self.text.index(b"\n", offset)])

    def frequency(self, offset: int) -> float:
        """The frequency of the word at ``offset``."""
        return BUCKET_FREQUENCY[self.buckets[bisect_right(self.runs, offset) - 1]]

    def places(self) -> Iterator[tuple[int, str]]:
        """Each word with its offset, commonest first."""
        offset = 0
        for piece in self.text.split(b"\n")[:-1]:
            yield offset, self._decoded(piece)
            offset += len(piece) + 1

    def __iter__(self) -> Iterator[tuple[str, float]]:
        for offset, word in self.places():
            yield word, self.frequency(offset)

    def _decoded(self, piece: bytes) -> str:
        if self.letters:
            return codecs.charmap_decode(piece, "strict", self.letters)[0]
        return piece.decode("utf-8")


@functools.cache
def word_list(lang: str, rarer: bool = False) -> WordList:
    """The commonest words of ``lang`` (letters only) with their frequencies;
    with ``rarer``, the words after them, down to Zipf 2. Built once per
    machine (:func:`stored`)."""
    text, letters, runs, buckets = stored(
        tables_folder(),
        f"words-{lang}-{'rarer' if rarer else 'common'}",
        lambda: _word_list_arrays(_built_word_list(lang, rarer)),
        _word_list_fits,
    )
    return WordList(text.tobytes(), array_text(letters), runs, buckets)


def _word_list_fits(kept: list[array[int]]) -> bool:
    """Whether kept arrays are a word list's: its words ended by newlines, a
    decoding table of 256 letters at most and a bucket for each run."""
    if len(kept) != 4:
        return False
    text, letters, runs, buckets = kept
    ended = not text or text[-1] == ord("\n")
    return ended and len(array_text(letters)) <= 256 and len(runs) == len(buckets)


def _word_list_arrays(words: WordList) -> list[array[int]]:
    return [array("B", words.text), text_array(words.letters), words.runs, words.buckets]


def _built_word_list(lang: str, rarer: bool) -> WordList:
    source = "sh" if lang == "sr" else lang
    listed = top_buckets(source, _WORDS)
    if rarer:
        common = {word for word, _ in listed}
        listed = [
            (word, bucket)
            for word, bucket in top_buckets(source, None, wordlist="best", rarest=_RAREST_BUCKET)
            if word not in common and len(set(word)) > 1 and not _RUN_OF_ONE_LETTER.search(word)
        ]
    words: list[tuple[str, int]] = []
    for word, bucket in listed:
        if not all(is_word_char(ch) for ch in word):
            continue
        if lang == "el" and word.endswith("σ"):
            word = word[:-1] + "ς"  # casefolded lists lose the final sigma
        if lang == "sr":
            cyrillic = _serbian_cyrillic(word)
            if cyrillic is None:
                continue
            word = cyrillic
        words.append((word, bucket))
    return _packed_word_list(words)


def _packed_word_list(words: list[tuple[str, int]]) -> WordList:
    """``words`` (each with its bucket, commonest first) as a :class:`WordList`."""
    alphabet = {ch for word, _ in words for ch in word}
    letters = ""
    if len(alphabet) <= _ONE_BYTE_LETTERS:
        letters = _FIRST_CODE_POINTS + "".join(sorted(alphabet - set(_FIRST_CODE_POINTS)))
        encoding = codecs.charmap_build(letters)
    pieces: list[bytes] = []
    runs, buckets = array("I"), array("H")
    offset = 0
    for word, bucket in words:
        if not buckets or buckets[-1] != bucket:
            runs.append(offset)
            buckets.append(bucket)
        if letters:
            pieces.append(codecs.charmap_encode(word + "\n", "strict", encoding)[0])
        else:
            pieces.append((word + "\n").encode("utf-8"))
        offset += len(pieces[-1])
    return WordList(b"".join(pieces), letters, runs, buckets)


def damage(text: str, model: str) -> str:
    """``text`` as UTF-8 read as Latin-1/Windows-1252 and then damaged by
    ``model`` (``plain`` and ``c1-kept``: not damaged, for comparison)."""
    raw = text.encode("utf-8", "surrogatepass")
    if model == "c1":
        return C1_CONTROL.sub("", raw.decode("latin-1"))
    if model == "c1-kept":
        return raw.decode("latin-1")
    shown: str = codecs.charmap_decode(raw, "strict", _shown_bytes())[0]
    if model == "undefined":
        return _UNDEFINED.sub("", shown)
    if model == "marked":
        return _UNDEFINED.sub(MARKER, shown)
    if model == "nbsp":
        return shown.replace("\xa0", " ")
    return shown


@functools.cache
def _cp1252_table() -> dict[int, str]:
    """Latin-1 characters 80-9F to what Windows-1252 shows for those bytes."""
    table: dict[int, str] = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return table


@functools.cache
def _shown_bytes() -> str:
    """What each byte shows as Latin-1 text through the Windows-1252 table above
    (a decoding table: one C call damages a whole word list)."""
    table = _cp1252_table()
    return "".join(table.get(byte, chr(byte)) for byte in range(256))


@functools.cache
def byte_chars() -> frozenset[str]:
    """Characters that show one byte 80-FF in Latin-1 or Windows-1252."""
    return frozenset(chr(byte) for byte in range(0x80, 0x100)) | frozenset(_cp1252_table().values())


def token_key(token: str, model: str) -> str | None:
    """The key of a text token in a ``model`` index: characters that show a
    byte stay, characters another repair already decoded are damaged again
    and ``?`` or U+FFFD are the marker; ``None`` when a C1 control the
    model would have removed is still there, or a decoded character whose
    bytes the model would have damaged (Hebrew ``ו`` is ``D7 95``: decoded,
    its ``95`` was not stripped).

    >>> token_key("ובסמט×ות", "c1") is None
    True
    """
    shown = byte_chars()
    undamaged = "c1-kept" if model == "c1" else "plain"
    out: list[str] = []
    for ch in token:
        if ch in "?\ufffd":
            out.append(MARKER)
        elif "\x80" <= ch <= "\x9f":
            # A control still there is a byte that every model would have
            # removed or shown as a Windows-1252 character: none applies.
            return None
        elif ch < "\x80" or ch in shown:
            out.append(ch)
        else:
            damaged = damage(ch, model)
            if damaged != damage(ch, undamaged):
                return None
            out.append(damaged)
    return "".join(out)


def _forms(word: str, rarer: bool = False) -> tuple[str, ...]:
    """``word`` in small letters, capitalised and, for a common word, in
    capitals (a rare word in capitals is rarer still)."""
    forms = {word: None, word[:1].upper() + word[1:]: None}
    if not rarer:
        forms[word.upper()] = None
    return tuple(forms)


# An index entry: the damaged form's hash (top 38 bits) over the form's place
# (26 bits): its word's offset in the word list times 3, plus its index in _forms.
_PLACE = (1 << 26) - 1
_HASH = ((1 << 64) - 1) & ~_PLACE
_FORMS = 3
_BATCH = 2000  # words damaged at once


@functools.cache
def damaged_index(lang: str, model: str, rarer: bool = False) -> array[int]:
    """The sorted entries of the words (lower case, capitalised, upper case)
    of ``lang`` that ``model`` changes: their damaged form's hash over their
    place; for one form, commonest first. ``rarer`` indexes the rarer words.
    Built once per machine (:func:`stored`)."""
    [entries] = stored(
        tables_folder(),
        f"damaged-{lang}-{model}-{'rarer' if rarer else 'common'}",
        lambda: [_built_index(lang, model, rarer)],
    )
    return entries


def _built_index(lang: str, model: str, rarer: bool) -> array[int]:
    words = word_list(lang, rarer)
    if len(words.text) * _FORMS > _PLACE:  # pragma: no cover - wordfreq's lists are far shorter
        raise ValueError(f"the word list of {lang!r} is too long to index")
    plain_model = "plain" if model != "c1" else "c1-kept"
    entries = array("Q")
    places = words.places()
    while batch := list(itertools.islice(places, _BATCH)):
        numbered: list[int] = []
        forms: list[str] = []
        for offset, word in batch:
            for which, form in enumerate(_forms(word, rarer)):
                numbered.append(offset * _FORMS + which)
                forms.append(form)
        # The damage works byte by byte and leaves a newline alone: damaging
        # many forms at once and splitting is damaging each.
        joined = "\n".join(forms)
        damaged = damage(joined, model).split("\n")
        plain = damage(joined, plain_model).split("\n")
        entries.extend(
            (word_hash(key) & _HASH) | place
            for place, key, undamaged in zip(numbered, damaged, plain, strict=True)
            if key != undamaged
        )
    return array("Q", sorted(entries))


def lookup(key: str, lang: str, model: str, rarer: bool = False) -> list[tuple[str, float]]:
    """The words of ``lang`` whose ``model``-damaged form is ``key``, commonest
    first; with ``rarer``, the rarer words' where no common word has it.

    >>> lookup(damage("разводят", "c1"), "ru", "c1")
    []
    >>> lookup(damage("разводят", "c1"), "ru", "c1", rarer=True)[0][0]
    'разводят'
    """
    found = _lookup(key, lang, model)
    if not found and rarer:
        found = _lookup(key, lang, model, rarer=True)
    return list(found)


@functools.lru_cache(maxsize=1 << 12)
def _lookup(key: str, lang: str, model: str, rarer: bool = False) -> tuple[tuple[str, float], ...]:
    # A key that C1 stripping gives hundreds of words (``×××``) is looked up
    # for every language voted on and again for the one chosen.
    indexed = key.replace(MARKER, "") if model == "marked" else key
    entries = damaged_index(lang, "undefined" if model == "marked" else model, rarer)
    words = word_list(lang, rarer)
    wanted = word_hash(indexed) & _HASH
    found: list[tuple[str, float]] = []
    index = bisect_left(entries, wanted)
    while index < len(entries) and entries[index] & _HASH == wanted:
        offset, which = divmod(entries[index] & _PLACE, _FORMS)
        form = _forms(words.word(offset), rarer)[which]
        # Not another form sharing the hash prefix, nor one marked elsewhere.
        if damage(form, model) == key:
            found.append((form, words.frequency(offset)))
        index += 1
    return tuple(found)
