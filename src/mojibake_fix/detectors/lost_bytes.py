"""Bytes put back where a decoder of a code page lost them.

A program that decodes UTF-8 with a Windows page's own decoder writes U+FFFD
for each byte the page leaves undefined (:attr:`~..codepages.CodePage.undefined`:
Windows-1251 leaves only ``98``, the second byte of ``И``); saved again in the
page, the text shows ``?`` for it; with ``errors="ignore"`` the byte is gone
and its lead stands alone. The reading of the page around its lost bytes
(:func:`~.utf8_misread.read_around_losses`) asks here which byte each lead
lost: the word around decides, with its language's list, alphabet and
spelling; where nothing decides, the bytes stay as they came.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
import unicodedata
from collections.abc import Callable

from ..charclass import is_common, is_letter
from ..codepages import CodePage, code_page, utf8_of
from ..context.candidates import sequence_length

# A stand-in byte for U+FFFD, which no code page shows: a control that
# text does not hold.
MARKER_BYTE = "\x1a"
MARKER_ORD = ord(MARKER_BYTE)
# What a byte that is no part of a whole sequence decodes to: the stand-in,
# or the surrogate that ``surrogateescape`` makes of it.
LOST_BYTE = re.compile("[\x1a\udc80-\udcff]")
LOST_MARK = "\x00"  # where a line, decoded, lost a byte
# The pages through which UTF-8 that lost bytes shows its leads alone, whose
# lost bytes :mod:`.lossy_utf8` weighs.
WESTERN_PAGES = ("cp1252", "latin-1")
# A marker a decoder or a save in a legacy page wrote for a byte, right
# after a character of a sequence it belonged to.
MARKED = re.compile("[^\x00-\x7f][\ufffd?]")


@functools.lru_cache(maxsize=4)
def shown_in_the_west(text: str) -> bool:
    """Whether Windows-1252 or Latin-1 shows ``text``: then a lead alone in
    it is theirs (asked by every other page of the same text)."""
    return any(code_page(western).encode(text) is not None for western in WESTERN_PAGES)


# A word whose lost bytes could be put back in more ways than this is read
# only with the letters its language likeliest spells at each place, in at
# most :data:`_BEAM_READINGS` ways: all its readings would be too many to weigh.
_MOST_READINGS = 256
_BEAM_READINGS = 32
_LONGEST_WORD = 48  # bytes on either side of a lost byte looked at
# How much commoner (in Zipf) the word a byte put back makes must be than
# what any other byte would make.
_WORD_MARGIN = 1.0
# How much likelier (natural log) the spelling of an unlisted word must be.
_SPELLING_MARGIN = 3.0
_WORD_BYTE = re.compile(rb"[0-9A-Za-z\x80-\xff]")
_WORD = re.compile(f"[\\w{LOST_MARK}]+")


def put_back_lost(
    raw: bytes, lost: list[int], page: CodePage, dropped: bool = False
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """The characters that bytes put back for the markers in ``raw`` make
    (offsets in ``raw`` are the text's), each run of lost bytes apart; with
    ``dropped``, also a byte put back after a sequence one byte short (a
    decoder that dropped what it could not read). A byte put back can only
    be one ``page``'s decoder leaves undefined, and only make a letter of
    the text's language: the word around decides which, as the only one
    left, or the one its language lists :data:`_WORD_MARGIN` commoner than
    any other (Windows-1251 leaves one byte undefined: ``Р�`` is ``И``).
    Second, the runs where bytes put back would make letters but nothing
    decides which: explained, and left as they came.

    >>> page = code_page("cp1250")
    >>> text = "Ă\ufffdfrica y AmĂ©rica"
    >>> raw = page.encode(text.replace("\ufffd", MARKER_BYTE))
    >>> put_back_lost(raw, [0, 1], page)
    ([(0, 2, 'Á')], [])
    >>> put_back_lost(code_page("cp1251").encode("РРІР°РЅ"), [0], code_page("cp1251"), dropped=True)
    ([(0, 1, 'И')], [])
    """
    undefined = bytes(byte for byte in page.undefined if byte < 0xC0)
    if not undefined:
        return [], []
    # Windows-1252's lost bytes have readers of their own, who weigh more
    # than spelling where no word is listed (:mod:`.lossy_utf8`).
    spelled_out = page.name not in WESTERN_PAGES
    runs: list[tuple[int, int]] = []
    for index in lost:
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    found: list[tuple[int, int, str]] = []
    undecided: list[tuple[int, int]] = []
    line_start, line_end = -1, -1
    words: list[str] = []
    languages: dict[str, str | None] = {}
    line_dropped = False
    put_in: set[tuple[int, int]] = set()  # the lines where a dropped byte was put back
    at = 0
    while at < len(runs):
        # The runs of one word are read together.
        left, right = _word_around(raw, runs[at][0], runs[at][1])
        last = at
        while last + 1 < len(runs) and runs[last + 1][0] < right:
            last += 1
            right = max(right, _word_around(raw, runs[last][0], runs[last][1])[1])
        in_word = runs[at : last + 1]
        at = last + 1
        if left >= line_end:
            # The language is the line's: a line of another is no evidence.
            line_start = raw.rfind(b"\n", 0, left) + 1
            line_end = raw.find(b"\n", right)
            line_end = len(raw) if line_end < 0 else line_end
            words, languages = _line_words(raw[line_start:line_end]), {}
            # Where Windows-1252 or Latin-1 shows the line, a lead alone is theirs.
            line = raw[line_start:line_end].decode(page.codec)
            line_dropped = dropped and not shown_in_the_west(line)
        if right - left > _LONGEST_WORD * 4:
            continue  # no word: its readings would be too long to weigh
        slots = [_slots(raw, start, end, line_dropped) for start, end in in_word]
        if any(slot is None for slot in slots):
            continue  # a run no byte put back explains
        lang = _language(raw[left:right], words, languages)
        readings, pruned = _readings_of(
            raw, left, right, in_word, [s or [] for s in slots], undefined, lang
        )
        chosen = _chosen_word(readings, words, languages, spelled_out, pruned)
        if not readings and len(in_word) == 1 and len(slots[0] or ()) == 1:
            [slot] = slots[0] or []
            mark = _chosen_mark(raw, in_word[0], slot, undefined, line_start, line_end)
            if mark is not None:
                found.append((*in_word[0], mark))
                if slot[1]:  # a dropped byte put in
                    put_in.add((line_start, line_end))
                continue
        if chosen is None and readings:
            undecided.extend(in_word)
        if chosen is not None:
            found.extend(
                (start, end, made)
                for (start, end), made in zip(in_word, readings[chosen], strict=True)
            )
            if any(inserted for run_slots in slots for _, inserted in run_slots or ()):
                put_in.add((line_start, line_end))
    # Dropped bytes are a line's reading only where they explain its every loss.
    read = sorted([(a, b) for a, b, _ in found] + undecided)
    unread = sorted(line for line in put_in if _held(read, line) < _held_offsets(lost, line))
    if unread:
        starts = [line_start for line_start, _ in unread]
        found = [piece for piece in found if not _inside(piece[0], unread, starts)]
    return found, undecided


def _held_offsets(offsets: list[int], line: tuple[int, int]) -> int:
    """How many of the sorted ``offsets`` lie in ``line``."""
    return bisect.bisect_left(offsets, line[1]) - bisect.bisect_left(offsets, line[0])


def _held(runs: list[tuple[int, int]], line: tuple[int, int]) -> int:
    """How many bytes the sorted ``runs`` that start in ``line`` hold."""
    first = bisect.bisect_left(runs, (line[0], -1))
    last = bisect.bisect_left(runs, (line[1], -1))
    return sum(end - start for start, end in runs[first:last])


def _inside(offset: int, lines: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``offset`` lies in one of the sorted ``lines`` (``starts``: theirs)."""
    at = bisect.bisect_right(starts, offset) - 1
    return at >= 0 and offset < lines[at][1]


# Where a byte goes back: the offset of a marker it stands for, or, where it
# was dropped, of the byte it goes before.
_Slot = tuple[int, bool]


def _slots(raw: bytes, start: int, end: int, dropped: bool) -> list[_Slot] | None:
    """Where bytes go back in the run of lost bytes ``raw[start:end]`` to
    make it whole sequences: each marker, and with ``dropped`` the end of a
    sequence one byte short (``True``: a byte put in); ``None`` where that
    does not make it whole."""
    slots: list[_Slot] = []
    index = start
    while index < end:
        length = sequence_length(raw[index])
        if not length:
            return None
        have = 1
        while have < length and index + have < end and CONTINUES.match(raw, index + have):
            have += 1
        slots.extend((at, False) for at in range(index + 1, index + have) if raw[at] == MARKER_ORD)
        if have == length - 1 and dropped and index + have < len(raw):
            # At the end of the text a sequence was cut short, not robbed.
            slots.append((index + have, True))
        elif have != length:
            return None
        index += have
    return slots


# A byte that continues a sequence, or the stand-in for one that was lost.
CONTINUES = re.compile(b"[\x80-\xbf\x1a]")


def _filled(
    raw: bytes, left: int, right: int, slots: list[_Slot], filling: tuple[int, ...]
) -> bytes:
    """``raw[left:right]`` with the bytes of ``filling`` put back at ``slots``
    (those between ``left`` and ``right``)."""
    out = bytearray()
    position = left
    for (at, put_in), byte in zip(slots, filling, strict=True):
        if left <= at <= right and (at < right or put_in):
            out += raw[position:at]
            out.append(byte)
            position = at if put_in else at + 1
    out += raw[position:right]
    return bytes(out)


def _line_words(line: bytes) -> list[str]:
    """The words of ``line`` that lost no byte, which tell its language;
    else what is left of the others."""
    marked = LOST_BYTE.sub(LOST_MARK, line.decode("utf-8", "surrogateescape"))
    whole = _WORD.findall(marked)
    return [word for word in whole if LOST_MARK not in word] or [
        part for word in whole for part in word.split(LOST_MARK) if part
    ]


def _word_around(raw: bytes, start: int, end: int) -> tuple[int, int]:
    """Where the word of ``raw[start:end]`` starts and ends."""
    left = start
    while left > max(0, start - _LONGEST_WORD) and _WORD_BYTE.match(raw, left - 1):
        left -= 1
    right = end
    while right < min(len(raw), end + _LONGEST_WORD) and _WORD_BYTE.match(raw, right):
        right += 1
    return left, right


def _language(word: bytes, words: list[str], languages: dict[str, str | None]) -> str | None:
    """The language of the line that writes the script of ``word``'s whole
    letters (:func:`_script_language`)."""
    from ..plausibility import word_script

    letters = "".join(ch for ch in word.decode("utf-8", "ignore") if ch.isalpha())
    return _script_language(word_script(letters), words, languages)


def _script_language(script: str, words: list[str], languages: dict[str, str | None]) -> str | None:
    """The language of the line's ``words`` written in ``script``
    (``languages`` keeps the one found for each script); none for East Asian
    words, which no list spells, or words of no one script."""
    from ..plausibility import EAST_ASIAN, language_of

    if not script or script == EAST_ASIAN:
        return None
    if script not in languages:
        languages[script] = language_of(words, script)
    return languages[script]


def _readings_of(
    raw: bytes,
    left: int,
    right: int,
    runs: list[tuple[int, int]],
    slots_of_runs: list[list[_Slot]],
    undefined: bytes,
    lang: str | None = None,
) -> tuple[dict[str, tuple[str, ...]], bool]:
    """The words ``raw[left:right]`` makes with a byte of ``undefined`` put
    back at each slot of ``runs``, each with what its runs then decode to;
    where the slots could be filled in more than :data:`_MOST_READINGS` ways,
    only with the letters ``lang`` likeliest spells there
    (:func:`_likeliest_options`), none without a language. Second, whether
    some ways were left out so."""
    slots = [slot for run_slots in slots_of_runs for slot in run_slots]
    options = [_letters_made(raw, at, put_in, undefined) for at, put_in in slots]
    if not slots:
        return {}, False
    pruned = math.prod(map(len, options)) > _MOST_READINGS
    if pruned:
        if lang is None:
            return {}, True
        options = _likeliest_options(raw, left, right, slots, options, lang)
    readings: dict[str, tuple[str, ...]] = {}
    # Where each run's slots start among all of them.
    firsts = list(itertools.accumulate(map(len, slots_of_runs), initial=0))
    for filling in itertools.product(*options):
        word = utf8_of(_filled(raw, left, right, slots, filling))
        made = tuple(
            utf8_of(_filled(raw, start, end, run_slots, filling[first : first + len(run_slots)]))
            or ""
            for (start, end), run_slots, first in zip(runs, slots_of_runs, firsts[:-1], strict=True)
        )
        if word is not None and all(made) and all(map(is_letter, "".join(made))):
            # Marks that end a word are no part of it (``μέρα…``).
            readings[_EDGE_MARKS.sub("", word)] = made
    return readings, pruned


_EDGE_MARKS = re.compile(r"^[^\w]+|[^\w]+$")


def _likeliest_options(
    raw: bytes, left: int, right: int, slots: list[_Slot], options: list[bytes], lang: str
) -> list[bytes]:
    """For each slot, the bytes whose letters ``lang`` likeliest spells
    there, the others at their likeliest, as many a slot as keep the
    readings within :data:`_BEAM_READINGS` (``Ξ?αλΟ?τεΟ?η``: a capital of
    thirteen and two small letters of six, ``Κ``, ``ύ`` and ``ρ`` among the
    three kept): a beam over the word, each slot ranked twice."""
    from ..plausibility import spelling

    kept = max(1, int(_BEAM_READINGS ** (1 / len(slots))))
    while kept > 1 and kept ** len(slots) > _BEAM_READINGS:
        kept -= 1  # the root rounds up now and then

    def spelled(filling: list[int]) -> float:
        word = utf8_of(_filled(raw, left, right, slots, tuple(filling)))
        return -math.inf if word is None else spelling(word, lang)

    best = [choices[0] for choices in options]
    ranked: list[list[int]] = [list(choices) for choices in options]
    for _ in range(2):
        for index, choices in enumerate(options):
            ranked[index] = sorted(
                choices,
                key=lambda byte: -spelled([*best[:index], byte, *best[index + 1 :]]),
            )
            best[index] = ranked[index][0]
    return [bytes(choices[:kept]) for choices in ranked]


# How much better (in :func:`~..context.quotes.punctuation_score`'s units)
# the mark put back must fit its place than any other the byte could make.
_MARK_MARGIN = 1.0


def _chosen_mark(
    raw: bytes,
    run: tuple[int, int],
    slot: _Slot,
    undefined: bytes,
    line_start: int,
    line_end: int,
) -> str | None:
    """The punctuation mark a run that lost one byte of it makes, where its
    place in the line and the line's quotation marks choose one by
    :data:`_MARK_MARGIN` (``TUKSā€�.`` in Windows-1257: ``“``, which closes
    the ``„`` the line opened; ``‘``, ``‚`` and a dash fit there less).

    >>> shown = "„VAKARU".encode()
    >>> raw = shown + b"\\xe2\\x80" + MARKER_BYTE.encode() + b"."
    >>> run, slot = (len(shown), len(shown) + 3), (len(shown) + 2, False)
    >>> _chosen_mark(raw, run, slot, code_page("cp1257").undefined, 0, len(raw))
    '“'
    """
    from ..context.quotes import Context, QuoteState, Style, pairing_score, punctuation_score

    start, end = run
    marks: list[str] = []
    for byte in undefined:
        made = utf8_of(_filled(raw, start, end, [slot], (byte,)))
        if made is not None and len(made) == 1 and unicodedata.category(made)[0] in "PS":
            marks.append(made)
    if not marks:
        return None
    before = raw[line_start:start].decode("utf-8", "replace")
    after = raw[end:line_end].decode("utf-8", "replace")
    style = Style.of(before + after)
    state = QuoteState(style=style)
    state.update(before)
    context = Context(before[-1:], after[:1], state, style)
    scored = sorted(
        (
            (punctuation_score(mark, context) + pairing_score(mark, state, after), mark)
            for mark in marks
        ),
        reverse=True,
    )
    scored.append((-math.inf, ""))
    (best, mark), (second, _) = scored[0], scored[1]
    return mark if best - second >= _MARK_MARGIN else None


def _letters_made(raw: bytes, at: int, put_in: bool, undefined: bytes) -> bytes:
    """The bytes of ``undefined`` that, put back at ``at`` (for the marker
    there, or ``put_in`` before the byte there), make the sequence they end
    or continue a common letter; all of them where that sequence holds
    another marker or no lead before it tells its length."""
    for lead in range(at - 1, max(-1, at - 4), -1):
        length = sequence_length(raw[lead])
        if length:
            break
    else:
        return undefined
    sequence = bytearray(raw[lead:at] + b"\x00" + raw[at + (not put_in) : lead + length - put_in])
    if lead + length <= at - put_in or MARKER_ORD in sequence or len(sequence) < length:
        return undefined
    made = bytearray()
    for byte in undefined:
        sequence[at - lead] = byte
        ch = utf8_of(bytes(sequence))
        if ch is not None and is_letter(ch) and is_common(ch):
            made.append(byte)
    return bytes(made)


def _chosen_word(
    readings: dict[str, tuple[str, ...]],
    words: list[str],
    languages: dict[str, str | None],
    spelled_out: bool,
    pruned: bool = False,
) -> str | None:
    """Of the words bytes put back could make, the one to read: the only one,
    the only one whose letters the language of its script writes, or one it lists
    :data:`_WORD_MARGIN` commoner than every other; with ``spelled_out``,
    where none is listed, the one the language's spelling makes likelier by
    :data:`_SPELLING_MARGIN`. Of readings ``pruned`` to the likeliest spelled
    (:func:`_likeliest_options`), only a listed word is read: the others left
    out might have been any. ``languages`` keeps the language found for
    each script."""
    from ..context.words import alphabet
    from ..plausibility import spelling, word_script

    if len(readings) == 1 and not pruned:
        return next(iter(readings))  # what the bytes spell (Windows-1251: ``Р�`` is ``И``)
    script = next((word_script(w) for w in readings if word_script(w)), "")
    # East Asian words are no list's words: the readers of lost bytes
    # weigh their characters.
    lang = _script_language(script, words, languages)
    if lang is None:
        return None
    letters = alphabet(lang)
    written = [
        word
        for word, made in readings.items()
        if all(ch in letters for ch in "".join(made).casefold() if ch.isalpha())
    ]
    written, listed = _in_capitals(written, lang)
    if pruned:
        ranked = sorted(((listed(w), w) for w in written), reverse=True)
        ranked.append((0.0, ""))  # a word left out, unlisted
        (best, word), (second, _) = ranked[0], ranked[1]
        return word if best > 0.0 and best - second >= _WORD_MARGIN else None
    if len(written) == 1:
        return written[0]
    ranked = sorted(((listed(w), w) for w in written), reverse=True)
    if len(ranked) < 2:
        return None
    (best, word), (second, _) = ranked[0], ranked[1]
    if best > 0.0 or not spelled_out:
        return word if best > 0.0 and best - second >= _WORD_MARGIN else None
    # No reading is a listed word (a rarer word, a name): how the language
    # spells its words tells, by a wide margin only.
    spelled = sorted(((spelling(w, lang) * (len(w) + 1), w) for w in written), reverse=True)
    (best, word), (second, _) = spelled[0], spelled[1]
    return word if best - second >= _SPELLING_MARGIN else None


def _in_capitals(words: list[str], lang: str) -> tuple[list[str], Callable[[str], float]]:
    """``words`` where readings in capitals that differ only by marks are
    one, read without the marks they need not show (``ΚΟΣΜΟΣ``, not
    ``ΚΌΣΜΟΣ``: Greek capitals drop their accents), each as common as the
    commonest it stands for (``κόσμος``); and where the list holds none of
    them as written, a reading in bare capitals as common as the word the
    list holds with marks (``ΗΜΙΤΕΛΙΚΑ``: ``ημιτελικά``). A reading that
    shows marks is only the word it writes (``SPARALIŻOWAŃY`` is no
    ``sparaliżowany``)."""
    from ..context.words import unmarked, unmarked_zipf, zipf

    frequency = {word: zipf(word, lang) for word in words if not word.isupper()}
    groups: dict[str, list[str]] = {}
    for word in words:
        if word.isupper():
            groups.setdefault(unmarked(word), []).append(word)
    plainest = [
        min(members, key=lambda word: (len(unicodedata.normalize("NFD", word)), word))
        for members in groups.values()
    ]
    for word, members in zip(plainest, groups.values(), strict=True):
        frequency[word] = max(zipf(member, lang) for member in members)
    if not any(frequency.values()):
        for word in plainest:
            if unmarked(word) == word.casefold():
                frequency[word] = unmarked_zipf(word, lang)
    return list(frequency), frequency.__getitem__
