"""Which punctuation mark fits a position: quotes, apostrophes, dashes, spaces.

A lost punctuation mark is judged by what is around it: before a word it
opens a quotation, after a word or a comma it closes one, inside a word it is
an apostrophe, between spaces it is a dash. The quotes already open in the
paragraph decide between opening and closing where position alone cannot
(``, ”she said`` after an opened quotation), and the marks the text uses
intact elsewhere (``„…“`` or ``“…”``, ``–`` or ``—``) set its style.

>>> style = Style.of("He said “yes” – then left.")
>>> state = QuoteState()
>>> ctx = Context(left=" ", right="w", state=state, style=style)
>>> best = max("“”’–", key=lambda ch: punctuation_score(ch, ctx))
>>> best
'“'
>>> state.update("“")
>>> max("“”’–", key=lambda ch: punctuation_score(ch, Context(" ", "w", state, style)))
'”'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

OPENING_BRACKETS = "([{«‹¿¡"
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
SPACES = "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\xa0"
DOUBLE_QUOTES = "“”„‟"
SINGLE_QUOTES = "‘’‚‛"
DASHES = "–—"
# A bullet stands before its item, apart from words; the signs of trademarks
# come right after the name they mark (``Acme™ sells``).
BULLETS = "•‣◦⁃"
SIGNS_AFTER_NAMES = "™®℠"
CURRENCY_SIGNS = "€£¥₽₹₩₺₴₫"
# The variation selector that asks for an emoji's picture (``❤️`` is ``❤`` and it).
EMOJI_PRESENTATION = "\ufe0f"

# How often each mark turns up in text, as a log-odds bonus; marks not listed
# (arrows, letterlike symbols, rare spaces, ...) get RARE.
_PRIOR: dict[str, float] = {
    "’": 1.0,
    "”": 0.8,
    "“": 0.8,
    "–": 0.5,
    "—": 0.5,
    "‘": 0.3,
    "„": 0.0,
    "…": 1.0,
    "•": 0.5,
    "€": 0.5,
    "™": 0.0,
    "\xa0": 0.0,
    "\u200b": -1.5,
    "\u2009": -1.5,
    "\u202f": -1.0,
    "‚": -1.0,
    "‐": -1.5,
    "‑": -1.5,
    "№": -1.0,
    # Marks of Chinese and Japanese text.
    "、": 1.0,
    "。": 1.0,
    "「": 0.5,
    "」": 0.5,
    "『": 0.0,
    "』": 0.0,
    "（": 0.0,
    "）": 0.0,
    "・": 0.0,
    "！": 0.0,
    "？": 0.0,
    "：": 0.0,
}
# A closing bracket where its bracket is open and nothing later closes it.
_CALLED_FOR = 2.0
# Brackets and the marks that close them.
PAIRED_MARKS = dict(zip("「『【（〈《〔([{", "」』】）〉》〕)]}", strict=True))
CLOSING_MARKS = {closing: opening for opening, closing in PAIRED_MARKS.items()}
RARE = -4.0
# An emoji and the variation selector asking for its picture, side by side.
_EMOJI_FIT = 2.0
_MARKS_WITH_ROLES = frozenset(DOUBLE_QUOTES + SINGLE_QUOTES + DASHES + INVISIBLE + SPACES)
# A run of zero-width spaces after a space, the artefact machine translation
# leaves ("values \u200b\u200band").
ZERO_WIDTH_RUN_BONUS = 9.0
# Two visible marks side by side (“‘, ”“) are rare.
ADJACENT_MARKS_PENALTY = -4.0


def is_rare_mark(ch: str) -> bool:
    """Whether ``ch`` scores :data:`RARE` wherever it stands (no role, no prior),
    so its position need not be looked at."""
    return (
        ch not in _PRIOR
        and ch not in _MARKS_WITH_ROLES
        and ch != EMOJI_PRESENTATION
        and not is_emoji(ch)
    )


def is_plain_emoji(ch: str) -> bool:
    """Whether ``ch`` is an emoji with no role and no prior of its own: it
    scores :data:`RARE` wherever it stands, as a rare mark does, but right
    before the variation selector that asks for its picture or in a text
    that writes it."""
    return (
        ch not in _PRIOR
        and ch not in _MARKS_WITH_ROLES
        and ch not in BULLETS
        and ch not in SIGNS_AFTER_NAMES
        and ch not in CURRENCY_SIGNS
        and is_emoji(ch)
    )


@functools.lru_cache(maxsize=4096)
def is_emoji(ch: str) -> bool:
    """Whether ``ch`` is an emoji (Unicode's Emoji property), ASCII's ``#``,
    ``*`` and digits aside."""
    import regex

    return not ch.isascii() and regex.match(r"\p{Emoji}", ch) is not None


def char_class(ch: str) -> str:
    """The class of a neighbour: space, letter, digit, open, close or other."""
    if not ch or ch.isspace():
        return "space"
    if ch.isalpha():
        return "letter"
    if ch.isdigit():
        return "digit"
    if ch in OPENING_BRACKETS or ch in "“‘„‚":
        return "open"
    if ch in ".,;:!?)]}»›”’\"'":
        return "close"
    return "other"


# The double quotation marks of languages that do not use “…” (CLDR).
LANGUAGE_QUOTES: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("bg", "cs", "de", "et", "is", "lt", "sk", "sl", "sr", "mk"), ("„", "“")),
    # ``sh`` is Serbo-Croatian in Latin letters, most of it Croatian.
    **dict.fromkeys(("hu", "pl", "ro", "sh"), ("„", "”")),
    **dict.fromkeys(("fi", "sv"), ("”", "”")),
}


# The marks a text's style is read from (:meth:`Style.of`): a text without
# any shows the style of its language alone.
STYLE_MARKS = "“”„‘’‚–—…•€™\u200b"


@dataclass(frozen=True, slots=True)
class Style:
    """The quotation and dash conventions a text shows intact: what
    :data:`STYLE_MARKS` it holds, and how often its double quotes."""

    opening: str = "“"
    closing: str = "”"
    dash: str = "–"
    present: frozenset[str] = frozenset()

    @classmethod
    def of(cls, text: str, lang: str | None = None) -> Style:
        """The style ``text`` shows; where it shows no double quotes intact,
        the one its language ``lang`` uses."""
        present = frozenset(ch for ch in STYLE_MARKS if ch in text)
        low = text.count("„")
        opening, closing = "“", "”"
        if not (low or "“" in present or "”" in present) and lang in LANGUAGE_QUOTES:
            opening, closing = LANGUAGE_QUOTES[lang]
        elif low and low >= text.count("“") - low:
            opening = "„"
            closing = "“" if text.count("“") >= text.count("”") else "”"
            own = LANGUAGE_QUOTES.get(lang or "", ("„", "“"))
            if "“" not in present and "”" not in present and own[0] == "„":
                closing = own[1]  # nothing closes yet: as the language closes
        dash = "—" if text.count("—") > text.count("–") else "–"
        return cls(opening=opening, closing=closing, dash=dash, present=present)


@dataclass(slots=True)
class QuoteState:
    """The quotations open at a point of a paragraph."""

    double_open: bool = False
    single_open: bool = False
    style: Style = field(default_factory=Style)
    brackets: str = ""  # the brackets open, innermost last

    def update(self, text: str) -> None:
        for ch in text:
            if ch in PAIRED_MARKS:
                self.brackets += ch
            elif ch in CLOSING_MARKS and self.brackets[-1:] == CLOSING_MARKS[ch]:
                self.brackets = self.brackets[:-1]
            if ch == "\n":
                self.double_open = self.single_open = False
                self.brackets = ""
            elif ch == self.style.opening == self.style.closing:
                self.double_open = not self.double_open
            elif ch == self.style.opening or (ch == "“" and not self.double_open):
                self.double_open = True
            elif ch in "”“" and self.double_open:
                self.double_open = False
            elif ch == "‘":
                self.single_open = True
            elif ch == "’" and self.single_open:
                self.single_open = False


@dataclass(frozen=True, slots=True)
class Context:
    """The characters on either side of a site (``""`` at the ends), the
    quotations open before it, and the text's style."""

    left: str
    right: str
    state: QuoteState
    style: Style


def _role(ch: str, style: Style) -> str:
    if ch == style.opening or (ch == "“" and style.opening != "„"):
        return "open-double"
    if ch == style.closing or ch == "”":
        return "close-double"
    if ch in "‘‚":
        return "open-single"
    if ch in "’‛":
        return "apostrophe"
    if ch in DASHES:
        return "dash"
    if ch in BULLETS:
        return "bullet"
    if ch in SIGNS_AFTER_NAMES:
        return "sign"
    if ch in INVISIBLE:
        return "invisible"
    if ch in SPACES:
        return "space"
    return "other"


def _position(left: str, right: str) -> str:
    lc, rc = char_class(left), char_class(right)
    before_word = rc in ("letter", "digit", "open", "other")
    after_word = lc in ("letter", "digit", "other")
    if lc in ("space", "open"):
        return "opening" if before_word else "isolated"
    if lc in ("letter", "digit") and rc in ("letter", "digit"):
        return "digits" if lc == rc == "digit" else "inner"
    if after_word or lc == "close":
        return "closing" if rc in ("space", "close") else "after-punct"
    return "isolated"


def punctuation_score(ch: str, ctx: Context) -> float:
    """How well the mark ``ch`` fits between ``ctx.left`` and ``ctx.right``."""
    role = _role(ch, ctx.style)
    opened = ctx.state.double_open
    if role == "open-double" and ch == ctx.style.closing and (opened or ctx.right in " .,;:!?"):
        role = "close-double"  # one mark both opens and closes (”…” in Finnish)
    position = _position(ctx.left, ctx.right)
    fit = _FIT.get((position, role), -1.0)
    if role in ("open-double", "open-single") and char_class(ctx.left) in ("letter", "digit"):
        fit = -1.0  # a quotation opens before a word, never right after one (``pass“-sore``)
    elif role == "open-double" and position in ("opening", "after-punct") and opened:
        fit = 0.5
    if role == "close-double":
        if position in ("opening", "after-punct"):
            fit = 2.5 if opened else -1.0
        elif position == "closing":
            fit = 3.0 if opened else (1.5 if char_class(ctx.left) == "close" else 1.0)
    if role == "apostrophe" and position == "closing":
        # Closing a single quotation, or (less likely inside a double one) a
        # plural possessive.
        fit = 2.5 if ctx.state.single_open else (0.8 if opened else 1.5)
    if role == "open-single" and position == "opening" and opened:
        fit = 1.5
    if role == "dash" and ch != ctx.style.dash:
        fit -= 0.3 if ch in ctx.style.present else 1.5
    if role == "other":
        fit = 0.0
        if ch in CURRENCY_SIGNS and {"digit", "space"} & {
            char_class(ctx.left),
            char_class(ctx.right),
        }:
            fit = 1.5  # beside its number: ``12 €``, ``€12``
        if ch == EMOJI_PRESENTATION:
            # Only after an emoji whose picture it asks for (``✈️``).
            return _EMOJI_FIT if is_emoji(ctx.left[-1:]) else RARE
        if ctx.right == EMOJI_PRESENTATION and is_emoji(ch):
            return _EMOJI_FIT
    if role == "close-double" and ch != ctx.style.closing:
        fit -= 2.0  # ” where the style closes with “
    if role == "open-double" and ch != ctx.style.opening:
        fit -= 2.0  # “ where the style opens with ” (Finnish, Swedish)
    prior = _PRIOR.get(ch, RARE)
    if ch in (ctx.style.opening, ctx.style.closing):
        prior = max(prior, _PRIOR["“"])  # the language's own quotes are as common
    present = 1.0 if ch in ctx.style.present else 0.0
    return fit + prior + present


_FIT: dict[tuple[str, str], float] = {
    ("opening", "open-double"): 3.0,
    ("opening", "open-single"): 1.0,
    ("opening", "apostrophe"): 0.0,
    ("opening", "dash"): 0.5,
    ("opening", "invisible"): 0.0,
    ("inner", "apostrophe"): 4.0,
    ("inner", "dash"): 0.0,
    ("inner", "invisible"): 0.0,
    ("digits", "dash"): 3.0,
    ("digits", "apostrophe"): 0.5,
    ("digits", "space"): 1.0,
    ("closing", "apostrophe"): 1.5,
    ("closing", "dash"): 0.3,
    ("closing", "invisible"): 0.0,
    ("isolated", "dash"): 3.0,
    ("isolated", "invisible"): 0.0,
    ("isolated", "bullet"): 1.5,
    ("opening", "bullet"): 0.5,
    ("closing", "sign"): 1.5,
    ("after-punct", "sign"): 0.5,
    ("after-punct", "open-double"): 2.5,
    ("after-punct", "apostrophe"): 0.5,
    ("after-punct", "dash"): 0.5,
}


def pairing_score(ch: str, state: QuoteState, after: str) -> float:
    """What the paragraph says of a bracket ``ch`` read where ``state`` holds
    and ``after`` follows: an opening one must be closed later and a closing
    one close the bracket open (:data:`RARE` where not); a closing one is
    called for where nothing later closes that bracket (``「…」``). 0 for
    any other mark.

    >>> state = QuoteState()
    >>> state.update("「明日は雨")
    >>> pairing_score("」", state, "と言った。") > pairing_score("」", state, "」と")
    True
    >>> pairing_score("」", QuoteState(), "と言った。") == RARE  # nothing to close
    True
    >>> pairing_score("「", state, "明日") == RARE  # never closed
    True
    """
    paragraph_after = after.split("\n", 1)[0]
    if ch in PAIRED_MARKS:
        return 0.0 if PAIRED_MARKS[ch] in paragraph_after else RARE
    opening = CLOSING_MARKS.get(ch)
    if opening is None:
        return 0.0
    if state.brackets[-1:] != opening:
        return RARE
    return 0.0 if ch in paragraph_after.split(opening, 1)[0] else _CALLED_FOR


def closed_later(ch: str, state: QuoteState, style: Style, after: str) -> bool:
    """Whether ``ch``, read as closing the double quotation open in
    ``state``, would leave the closing mark the text shows next (in
    ``after``, before any opening one) with nothing to close: the quotation
    closes there (``“No fâ nuie”``: ``fâ`` is no ``f”``).

    >>> state = QuoteState()
    >>> state.update("“No f")
    >>> closed_later("”", state, Style(), " nuie” intal"), closed_later("”", state, Style(), " e")
    (True, False)
    """
    if not state.double_open or _role(ch, style) != "close-double":
        return False
    mark = _DOUBLE_MARK.search(after.split("\n", 1)[0])
    return mark is not None and _role(mark.group(), style) == "close-double"


_DOUBLE_MARK = re.compile("[“”„]")


def never_closed(ch: str, state: QuoteState, style: Style, text: str, start: int, end: int) -> bool:
    """Whether ``ch``, read as opening a double quotation where none is
    open, would find nothing from ``start`` to ``end`` of ``text`` on its
    line that could close it: no double mark, straight or angled, and no
    ``â`` ending a word that may be one that lost its bytes (``tu âs
    avonde`` is no ``tu “s``).

    >>> never_closed("“", QuoteState(), Style(), "tu “s avonde permès", 4, 400)
    True
    >>> never_closed("“", QuoteState(), Style(), "Biden “will affirm” it", 7, 400)
    False
    """
    if state.double_open or _role(ch, style) != "open-double":
        return False
    line_end = text.find("\n", start, end)
    return _CLOSER.search(text, start, end if line_end < 0 else line_end) is None


# What may close a double quotation: a mark, or the lead of one that lost
# bytes where a word ends (``rivât`` holds none).
_CLOSER = re.compile('[“”„"«»\ufffd]|\u00e2(?![^\\W\\d_])')


def run_score(marks: str, left: str, right: str, state: QuoteState, style: Style) -> float:
    """The score of several adjacent lost marks read as ``marks``: each mark is
    judged against its visible neighbours (zero-width ones are skipped)."""
    visible = [ch for ch in marks if ch not in INVISIBLE]
    # Emoji stand side by side, and a variation selector shows nothing.
    crowded = [ch for ch in visible if ch != EMOJI_PRESENTATION and not is_emoji(ch)]
    total = 0.0
    local = QuoteState(state.double_open, state.single_open, state.style)
    for index, ch in enumerate(marks):
        before = next((c for c in reversed(marks[:index]) if c not in INVISIBLE), left)
        after = next((c for c in marks[index + 1 :] if c not in INVISIBLE), right)
        total += punctuation_score(ch, Context(before, after, local, style))
        local.update(ch)
    if len(marks) > 1 and not visible and marks[0] == "\u200b" and char_class(left) == "space":
        total += ZERO_WIDTH_RUN_BONUS
    total += ADJACENT_MARKS_PENALTY * max(0, len(crowded) - 1)
    return total
