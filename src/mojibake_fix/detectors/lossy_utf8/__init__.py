"""UTF-8 mojibake that lost some of its bytes: ``Biden âwill`` for ``Biden “will``.

What it catches: a UTF-8 lead byte, read as Latin-1 or Windows-1252, without
all the continuation bytes it announces, because a later step deleted the C1
controls, dropped (or turned into ``?`` or U+FFFD) the bytes Windows-1252 leaves
undefined, turned a no-break space into a space, or cut the text in the middle
of a character. The lead survives in every script: ``â`` for punctuation,
``Ã`` ``Ä`` ``Å`` ``È`` for Latin letters (``WÅadysÅaw``), ``Î`` ``Ï`` for Greek,
``Ð`` ``Ñ`` for Cyrillic.

How it repairs: every character whose bytes agree with what survived is a
candidate (:mod:`mojibake_fix.context.candidates`). Punctuation is ranked by
its position and the quotations open in the paragraph
(:mod:`~mojibake_fix.context.quotes`); letters by the word they make in the
text's language, from word-frequency lists (:mod:`~mojibake_fix.context.words`).
Leaving the text alone is always a candidate too, favoured where the lead is a
letter of the language and its word is real (``âge``, ``SÃO``, ``Åse``). The
confidence is the share of the best candidate (for two rivals, the logistic of
their margin); below the threshold the finding is only reported.

>>> from mojibake_fix import fix
>>> fix("She told me âthe bridge is closedâ and left.").text
'She told me “the bridge is closed” and left.'
>>> fix("NATO isnât just a military alliance â itâs political.").text
'NATO isn’t just a military alliance – it’s political.'
>>> fix("Premier WÅadysÅaw Sikorski przemawiał w Londynie.").text
'Premier Władysław Sikorski przemawiał w Londynie.'
>>> fix("L'âge d'or du château. SÃO PAULO, Åse.").text
"L'âge d'or du château. SÃO PAULO, Åse."
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from ...charclass import script_group
from ...context.candidates import LONE_PUNCTUATION_LEAD, STRIPPED_C1, Site
from ...context.emoji_names import named_emoji_by_strictness
from ...context.quotes import STYLE_MARKS, QuoteState, Style
from ...context.words import sample_words
from ...lines import LONGEST_LINE, line_around, lines_within, window_around, with_margin
from ...model import Finding
from ..base import Detector
from .damage import Damage, shows_damage
from .dictionary import dictionary_findings
from .judge import DETECTOR_ID, Judge, finding_of, judge_group
from .sequences import demojibake, main_script, script_and_language
from .sites import groups, plain_letter, sites_of
from .wakes import (
    LONE_EMOJI_LEAD,
    continuation_class,
    in_a_written_word,
    lead_sites,
    trigger,
    trigger_re,
    wake,
)

__all__ = [
    "DETECTOR_ID",
    "LOSSY_UTF8",
    "demojibake",
    "find",
    "find_repaired",
    "lead_sites",
    "trigger",
    "wake",
]


def find(text: str) -> Iterator[Finding]:
    """Findings for every damaged site of ``text``, each judged by its own
    line (:func:`_by_line`)."""
    return _by_line(text, lambda number, line: Damage.of(line))


def find_repaired(text: str, original: str) -> Iterator[Finding]:
    """Findings in ``text``, which earlier repairs made of ``original``: the
    damage is what ``original`` shows (the Windows-1252 characters that told
    which bytes were lost are gone once decoded), line by line. Repairs keep
    line breaks, so the lines of both pair up."""
    originals = original.split("\n")
    if len(originals) != text.count("\n") + 1:
        return find(text)
    return _by_line(text, lambda number, line: Damage.of(originals[number]))


def _by_line(text: str, damage_of: Callable[[int, str], Damage]) -> Iterator[Finding]:
    """The findings of each damaged line of ``text``, judged by what that
    line shows (``damage_of`` its number and text): a document joins lines
    from many sources, and what one shows says nothing of how another was
    damaged. Only the punctuation style is read more widely, from the lines
    around it of its source (:func:`_passage`): one article's lines write
    their quotation marks alike, while a line in another script or language
    comes from elsewhere."""
    sources: dict[int, _Source | None] = {}
    damages: dict[int, Damage] = {}
    number, counted = 0, 0
    for start, end, core in _damaged_lines(text):
        number += text.count("\n", counted, start)
        counted = start
        part = text[start:end]
        if core is None:
            damage = damage_of(number, part)
            style: Callable[[], str | None] = functools.partial(
                _style_source, text, start, end, sources
            )
            yield from _shifted(_find(part, damage, style), start)
            continue
        # A window of a long line: the damage is the whole line's, read
        # once; the style, the window's own; and the findings, those of its
        # core, each judged with the text on both sides.
        if number not in damages:
            damages[number] = damage_of(number, text[slice(*line_around(text, start))])
        found = _shifted(_find(part, damages[number], lambda: None), start)
        yield from (finding for finding in found if core[0] <= finding.start < core[1])


def _style_source(
    text: str, start: int, end: int, sources: dict[int, _Source | None]
) -> str | None:
    """The passage the punctuation style of the line from ``start`` to
    ``end`` is read from (:func:`_passage`), ``None`` for the line alone,
    as where no line within reach holds a mark the style is read from."""
    reach = max(0, start - _PASSAGE_REACH), end + _PASSAGE_REACH
    if not (_STYLE_MARK.search(text, reach[0], start) or _STYLE_MARK.search(text, end, reach[1])):
        return None
    left, right = _passage(text, start, end, sources)
    return text[left:right] if (left, right) != (start, end) else None


def _damaged_lines(text: str) -> Iterator[tuple[int, int, tuple[int, int] | None]]:
    """The start and end of every line of ``text`` the trigger fires in,
    with ``None``; a line longer than :data:`~mojibake_fix.lines.LONGEST_LINE`
    is judged in windows around its sites instead (:func:`~mojibake_fix.lines.window_around`),
    each given with its core: the windows' cores tile the line, and each reaches
    :data:`~mojibake_fix.lines.MARGIN` beyond its core on either side, so that no site is
    judged at the edge of what is read, where the next pass would read it
    again with the other side's repairs and judge it anew."""
    trigger = trigger_re()
    position = 0
    while (match := trigger.search(text, position)) is not None:
        start, end = line_around(text, match.start())
        if end - start <= LONGEST_LINE:
            yield start, end, None
            position = end + 1
            if end == len(text):
                return
            continue
        # Never back into the core before: its sites are judged.
        core = window_around(text, max(start, position), end, match.start())
        yield *with_margin(text, start, end, core), core
        position = core[1]
        if core[1] == len(text):
            return


# How far, in characters, a passage reaches on either side of its line.
_PASSAGE_REACH = 8000
# A mark the punctuation style is read from: lines without one cannot change it.
_STYLE_MARK = re.compile(f"[{STYLE_MARKS}]")


def _passage(
    text: str, start: int, end: int, sources: dict[int, _Source | None]
) -> tuple[int, int]:
    """The line from ``start`` to ``end`` with the lines around it of its
    source (:func:`_line_source`; lines with no letters go with any),
    :data:`_PASSAGE_REACH` characters at most on either side; ``sources``
    keeps each line's source by its start."""
    if start == 0 and end == len(text):
        return start, end  # the text is one line
    source = _line_source(text, start, end, sources)
    if source is None:
        return start, end
    return lines_within(
        text,
        start,
        end,
        _PASSAGE_REACH,
        lambda left, right: _same_source(source, _line_source(text, left, right, sources)),
    )


# A line's script (kana and Han counted as one) and its language, where it
# has words enough to tell.
_Source = tuple[str, str | None]
# Distinct words a line needs for its language to be told.
_WORDS_TO_TELL = 5


def _line_source(
    text: str, start: int, end: int, sources: dict[int, _Source | None]
) -> _Source | None:
    """The script most letters of the line from ``start`` to ``end`` are
    in, once decoded, and its language where it has words enough to tell;
    ``None`` for a line without letters."""
    if start not in sources:
        line = text[start:end]
        script = main_script(line)
        if script is None:
            sources[start] = None
        else:
            told = len(sample_words(demojibake(line))) >= _WORDS_TO_TELL
            lang = script_and_language(line)[1] if told else None
            sources[start] = (script_group(script), lang)
    return sources[start]


def _same_source(line: _Source, other: _Source | None) -> bool:
    """Whether ``other`` may come from the same source as ``line``: no
    letters, or the same script and, where both tell it, the same language."""
    if other is None:
        return True
    return line == other or (line[0] == other[0] and None in (line[1], other[1]))


def _shifted(findings: Iterator[Finding], offset: int) -> Iterator[Finding]:
    for finding in findings:
        yield replace(finding, start=finding.start + offset, end=finding.end + offset)


def _find(
    text: str, damage: Damage, style_from: Callable[[], str | None] = lambda: None
) -> Iterator[Finding]:
    """The findings of ``text`` (one line), damaged as ``damage`` says; the
    punctuation style is read from what ``style_from`` gives, where it gives
    something (asked only for a line with sites to judge: reading the lines
    around costs a language guess each)."""
    if not trigger_re().search(text):
        return
    named = (
        _named_emoji(text, damage)
        if _LOST_EMOJI.search(text) and shows_damage(text, damage)
        else ()
    )
    # A lead inside a common word spelled with it (``château``) is a letter.
    sites = [
        site
        for site in sites_of(text, damage, {char for names in named for char in names})
        if site.readings[0].text == "" or not in_a_written_word(text, site.start)
    ]
    if sites and all(plain_letter(text, site) for site in sites) and demojibake(text) == text:
        # Nothing else in the text is mojibake and every lead letter sits in
        # a word of letters (``Åse``, ``LÄNDER``, ``PÅ``): written so, not
        # damaged; only a lone ``â`` still needs its context judged.
        sites = [site for site in sites if text[site.start] == LONE_PUNCTUATION_LEAD]
    if not sites:
        return
    judge = Judge(text, lost_elsewhere=any(site.readings[0].text for site in sites), sites=sites)
    passage = style_from()
    judge.style = Style.of(text if passage is None else passage, judge.lang)
    judge.named = named
    judge.replaced = damage.replaced
    judge.came_as_mojibake = damage.mojibake
    words = dictionary_findings(text, sites, judge, damage)
    yield from words
    covered = [(f.start, f.end) for f in words]
    sites = [s for s in sites if not any(a <= s.start < b for a, b in covered)]
    state = judge.quotes = QuoteState(style=judge.style)
    position = 0
    for kind, whole in groups(text, sites):
        chained = kind == "letter" and judge.chain is not None
        for group in _adjacent_runs(whole) if chained else [whole]:
            state.update(demojibake(text[position : group[0].start]))
            if kind == "cut":
                combos = judge.cut_options(group[0], state)
            elif kind == "mark":
                combos = judge.mark_options(group, state)
            else:
                combos = judge.letter_options(group)
            judged = judge_group(text, combos, group)
            for item in judged:
                finding = finding_of(text, item)
                if finding is not None:
                    yield finding
            best = max(combos, key=lambda combo: combo[1])[0]
            state.update("".join(option.text for option in best))
            position = max(group[-1].end, best[-1].end)


# An emoji lead that lost some of its three continuation bytes.
_LOST_EMOJI = re.compile(
    f"{LONE_EMOJI_LEAD}|\xf0{continuation_class()}{{1,2}}(?!{continuation_class()})"
)


def _named_emoji(text: str, damage: Damage) -> tuple[dict[str, float], ...]:
    """The emoji the words of ``text`` speak of, in its language or English,
    strictest reading first: read more loosely too where undefined bytes
    were lost (25 emoji at most agree with a site), not where C1 controls
    were stripped (a thousand agree with a lone ``ð``)."""
    plain = demojibake(text)
    few = damage.lost != STRIPPED_C1
    return named_emoji_by_strictness(plain, script_and_language(plain)[1], few)


# Sites with at most this many characters between them are judged together.
_NEAR = 6


def _adjacent_runs(sites: list[Site]) -> Iterator[list[Site]]:
    """Sites in runs of near ones, judged together: each sees the others'
    readings in the words around it (``烽火å°ç»„æˆ``: ``台`` makes sense
    with ``成`` after ``组``); sites farther apart are judged apart."""
    run = [sites[0]]
    for site in sites[1:]:
        if site.start > run[-1].end + _NEAR:
            yield run
            run = []
        run.append(site)
    yield run


LOSSY_UTF8 = Detector(
    id=DETECTOR_ID,
    summary="UTF-8 mojibake whose continuation bytes were partly lost",
    find=find,
    find_repaired=find_repaired,
    trigger=trigger,
    wake=wake,
    priority=30,
)
