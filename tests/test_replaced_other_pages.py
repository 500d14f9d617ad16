"""UTF-8 decoded by a strict decoder of a Windows page other than 1252,
which wrote U+FFFD for each byte the page leaves undefined (or ``?``, where
the text was then saved in the page, or nothing, where it dropped them): the byte is put
back where the bytes or the words around tell which it was, left as it came
where they do not, and clean text that holds U+FFFD never changes."""

from __future__ import annotations

import difflib
import itertools

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)
import pytest

import mojibake_fix

from .conftest import clean_paragraphs

# Each page, the languages whose UTF-8 it shows, and the least share of
# their paragraphs that must come back exactly (Greek leaves fifteen bytes
# undefined: a capital that lost one is often two words, and a paragraph
# holds a dozen such bytes).
PAGES = {
    "windows-1250": (("cs", "sk", "pl", "hu", "hr", "sl"), 0.8),
    "windows-1251": (("ru", "uk", "bg", "sr"), 0.8),
    "windows-1253": (("el",), 0.15),
    "windows-1254": (("tr",), 0.8),
}
# Of the bytes lost, the least share put back, and the most of those wrong.
PUT_BACK = 0.6
WRONG = 0.02


def replaced(text: str, page: str) -> str:
    return text.encode("utf-8").decode(page, errors="replace")


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("Привет, Иван! Изменения в Италии.", "windows-1251"),
        ("Ђердапска клисура једна је од најлепших целина.", "windows-1251"),
        ("Europa, Asia, África, América Central y Oceanía", "windows-1250"),
        ("Ágnes és Ádám az Állami Áruházban vásároltak.", "windows-1250"),
        ("Čeština: Ďábel a Řehoř, Ľudovít a jeho kůň.", "windows-1250"),
        ("Η Ελλάδα είναι μια όμορφη χώρα για διακοπές.", "windows-1253"),
        ("Spēcīgs vējš naktī nogāza kokus visā Kurzemē.", "windows-1257"),
        ("Şişli ve Şile arasında otobüs seferleri başladı.", "windows-1254"),
    ],
)
@pytest.mark.parametrize("mark", ["\ufffd", "?"])
def test_bytes_put_back(text: str, page: str, mark: str) -> None:
    """U+FFFD, or the ``?`` a legacy page saved for it."""
    broken = replaced(text, page).replace("\ufffd", mark)
    assert mark in broken
    result = mojibake_fix.fix(broken)
    assert result.text == text
    assert result.revert() == broken


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("Привет, Иван! Изменения в Италии.", "windows-1251"),
        ("Ђердапска клисура једна је од најлепших целина.", "windows-1251"),
        ("Europa, Asia, África, América Central y Oceanía", "windows-1250"),
        ("Čeština: Ďábel a Řehoř, Ľudovít a jeho kůň.", "windows-1250"),
        ("Η Ελλάδα είναι μια όμορφη χώρα για διακοπές.", "windows-1253"),
    ],
)
def test_dropped_bytes_put_back(text: str, page: str) -> None:
    """A decoder that dropped the bytes it could not read left each lead
    one byte short: where Windows-1252 and Latin-1 cannot show the text,
    the page's bytes put back explain every loss."""
    broken = text.encode("utf-8").decode(page, errors="ignore")
    assert broken != replaced(text, page)
    result = mojibake_fix.fix(broken)
    assert result.text == text
    assert result.revert() == broken


@pytest.mark.parametrize(
    ("text", "page"),
    [
        # ``ό`` is CF 8C: its lead before a space is no ``CF A0`` (``Ϡ``).
        ("Πάνω από το αναμενόμενο η μείωση ανεργίας", "windows-1253"),
        ("Περιοδικό για την αναπηρία", "windows-1253"),
        # ``ј`` is D1 98: ``D1 A0`` is ``Ѡ``, no letter text uses.
        ("Бака је сваке јесени правила ајвар у дворишту.", "windows-1251"),
    ],
)
def test_a_lead_before_a_space_that_made_no_letter_with_it(text: str, page: str) -> None:
    """A lead whose byte was dropped right before a space: the space was a
    space, since the lead and a no-break space make no character text uses."""
    broken = text.encode("utf-8").decode(page, errors="ignore")
    assert any(ch > "\x7f" and after == " " for ch, after in itertools.pairwise(broken))
    assert mojibake_fix.fix(broken).text == text


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("Мы победили в игре. И вместо того чтобы радоваться, мы ушли домой.", "windows-1251"),
        ('"ГАЗПРОМ" ПРЕКРАТИЛ ПОСТАВКИ ГАЗА НА УКРАИНУ', "windows-1251"),
        ("Сайтът е готин, поздравления! И разбира се Честита нова година!", "windows-1251"),
        # ``ň`` is C5 88, one of five letters Windows-1250's dropped bytes make after C5.
        ("Starý otec každú jeseň pálil slivovicu v malej drevenej pálenici.", "windows-1250"),
    ],
)
def test_a_lead_before_a_space_the_words_say_lost_its_dropped_byte(text: str, page: str) -> None:
    """``Р `` is ``И`` (``D0 98``, Windows-1251's one undefined byte) before a
    space, or ``Р`` (``D0 A0``) whose no-break space became one: ``И вместо``
    are words, ``Рвместо`` none; ``ПОСТАВКИ`` is a word, ``ПОСТАВКРГАЗА`` none."""
    broken = text.encode("utf-8").decode(page, errors="ignore")
    assert any(ch > "\x7f" and after == " " for ch, after in itertools.pairwise(broken))
    result = mojibake_fix.fix(broken)
    assert result.text == text
    assert result.revert() == broken


def test_a_capital_made_of_a_space_is_not_vouched_for_by_the_page() -> None:
    """``daĹ z`` may be ``daŠz`` (``C5 A0``, the space a no-break space) or
    ``daň z`` (``C5 88``, dropped): the capital after a small letter is a guess
    that the page explaining the rest of the text does not make surer."""
    text = "Musíte zaplatiť daň z príjmu."
    broken = text.encode("utf-8").decode("windows-1250", errors="ignore")
    repaired = mojibake_fix.fix(broken).text
    assert "Š" not in repaired
    assert repaired.startswith("Musíte zaplatiť ") and repaired.endswith(" z príjmu.")


def test_a_symbol_that_lost_a_byte_before_a_space_leaves_the_rest_read() -> None:
    """``β�½`` is ``⚽`` (``E2 9A BD``) that lost its ``9A``: its bytes are
    all there but the marked one, so the space after it is a space, and the
    letters around are read; the symbol, which no word decides, stays."""
    text = "Το γκολ ⚽ μπήκε στο τελευταίο λεπτό της χθεσινής βραδιάς."
    broken = replaced(text, "windows-1253")
    assert "β\ufffd½ " in broken
    assert mojibake_fix.fix(broken).text == text.replace("⚽", "β\ufffd½")


def test_a_lead_before_a_space_that_may_be_its_no_break_space_stays() -> None:
    """``Ξ `` may be ``Π`` (``CE A0``) whose second byte became a space, or
    ``Ο`` (``CE 9F``, undefined in Windows-1253) before one: the readers of
    lost bytes judge it with the words around; the rest of the text is read
    around it."""
    text = "Ο μουσακάς είναι ίσως το πιο γνωστό ελληνικό φαγητό."
    broken = text.encode().decode("windows-1253", errors="ignore")
    assert broken.startswith("Ξ ")
    repaired = mojibake_fix.fix(broken).text
    assert not repaired.startswith("Ο")
    assert repaired.endswith(text[1:])


def test_a_question_mark_after_a_dropped_byte_is_its_own() -> None:
    """Where a decoder dropped bytes (``vÄ ``: ``ă`` lost its ``83``), a
    ``?`` after another lead is the text's own, not the mark a decoder that
    marked would have written: ``dumneavoastrÄ?`` keeps it."""
    text = (
        "Când aţi fost la mine în birou eraţi foarte umil. "
        "Unde vă credeţi, la biroul dumneavoastră? Biroul este ţara!"
    )
    broken = text.encode().decode("windows-1250", errors="ignore")
    assert "vÄ " in broken and "rÄ?" in broken
    assert mojibake_fix.fix(broken).text == text


@pytest.mark.parametrize("mode", ["replace", "ignore"])
def test_a_word_with_many_ways_to_put_bytes_back_is_read(mode: str) -> None:
    """``Καλύτερη`` lost three bytes in Windows-1253 (of ``Κ``, ``ύ`` and
    ``ρ``): some five hundred ways to put them back, of which the letters
    Greek likeliest spells at each place are weighed."""
    text = "Καλύτερη χρονιά το 2006 για την Ευρώπη"
    broken = text.encode().decode("windows-1253", errors=mode)
    assert mojibake_fix.fix(broken).text == text


@pytest.mark.parametrize("mode", ["replace", "ignore"])
def test_a_name_with_a_capital_after_a_small_letter_keeps_the_text_read(mode: str) -> None:
    """``АиФ`` puts a capital after a small letter, as names do; its bytes
    are all there and no other page makes UTF-8 of them, so the text is read
    around its lost byte (``И`` of ``Интернет``) as a whole reading would be."""
    text = 'Интернет-версия издания "АиФ Здоровье"'
    broken = text.encode().decode("windows-1251", errors=mode)
    assert broken.startswith("Р\ufffd" if mode == "replace" else "РР")
    assert mojibake_fix.fix(broken).text == text


@pytest.mark.parametrize("mode", ["replace", "ignore"])
def test_capitals_are_read_without_the_accents_they_need_not_show(mode: str) -> None:
    """Greek capitals drop their accents: ``ΗΜΙΤΕΛΙΚΑ`` is ``ημιτελικά``,
    which the lists hold only small and accented, and of ``ΤΟΥ`` and ``ΤΌΥ``
    the reading is the one without."""
    text = "ΣΤΑ ΗΜΙΤΕΛΙΚΑ ΤΟΥ ΕΥΡΩΜΠΑΣΚΕΤ"
    broken = text.encode().decode("windows-1253", errors=mode)
    assert mojibake_fix.fix(broken).text == text


def test_a_reading_that_shows_marks_is_the_word_it_writes() -> None:
    """``Ł`` is ``C5 81``, which Windows-1250 leaves undefined; ``Ń`` would be
    ``C5 83``: ``SPARALIŻOWAŃY`` is no ``sparaliżowany``, whose letters it
    shows with other marks."""
    text = "ŚNIEŻYCE SPARALIŻOWAŁY RUCH NA POŁUDNIU KRAJU."
    broken = text.encode().decode("windows-1250", errors="replace")
    assert mojibake_fix.fix(broken).text == text


@pytest.mark.parametrize(
    "text",
    [
        "„ŠIANDIEN VAKARU“.",
        "Treener ütles: „See oli raske samm“, ja lahkus.",
        "PAR “KARJERAS” SĀKUMU",
    ],
)
@pytest.mark.parametrize("mode", ["replace", "ignore"])
def test_a_quotation_mark_that_lost_a_byte_is_put_back(text: str, mode: str) -> None:
    """``“`` is ``E2 80 9C``, and Windows-1257 leaves ``9C`` undefined: the
    mark put back is the one its place and the line's quotation marks call
    for, ``“`` closing the Baltic ``„``, or opening before a word."""
    broken = text.encode().decode("windows-1257", errors=mode)
    assert "ā€" in broken
    assert mojibake_fix.fix(broken).text == text


def test_a_byte_put_back_that_makes_the_letter_its_lead_shows_changes_nothing() -> None:
    """Windows-1253 shows ``CE`` as ``Ξ``, and ``CE 9E`` is ``Ξ``: where the
    byte put back makes the letter the lead already shows, no change says
    otherwise (every change changes something)."""
    text = "Ξέρατε ότι η Ελλάδα έχει περισσότερα από 6.000 νησιά;"
    broken = text.encode().decode("windows-1253", errors="ignore")
    result = mojibake_fix.fix(broken)
    assert result.text.startswith("Ξέρατε ότι")
    assert all(change.original != change.replacement for change in result.changes)


def test_a_stretch_does_not_vouch_for_a_space_read_as_a_capitals_byte() -> None:
    """``vējÅ naktī`` (``š`` dropped its byte before a space) reads in
    Windows-1257 as ``vējŠnaktī`` if the space was a no-break space: a
    capital inside a small word, which the page's reading of the rest of the
    line does not vouch for; judged alone, the run is no mojibake."""
    text = "Stiprs vējš naktī nogāza kokus visā Kurzemē."
    broken = text.encode().decode("windows-1257", errors="ignore")
    start = broken.index("Å ")
    assert not any(
        finding.detector == "utf8-as-cp1257" and finding.start == start
        for finding in mojibake_fix.detect(broken)
    )


def test_a_lead_cut_short_at_the_end_gets_no_byte() -> None:
    """At the end of a text a sequence was cut short, not robbed: Windows-1251
    leaves only 98 undefined, but ``С`` at the end is no ``ј``."""
    broken = "Привет, мир".encode().decode("windows-1251")[:-1]
    assert broken.endswith("С")
    repaired = mojibake_fix.fix(broken).text
    assert repaired.startswith("Привет, ")
    assert not repaired.endswith("ј")


def test_western_leads_alone_are_not_another_pages_dropped_bytes() -> None:
    """Latin-1 shows ``keresÅbe`` (``ő`` lost its C1 ``91``): Windows-1254
    would read ``Å`` and a byte it drops as ``Ő``, but the leads alone are
    the Western pages' to judge."""
    broken = "ha beÃ\xadrod a keresÅbe, hogy bugyit loptam, akkor is..."
    assert mojibake_fix.fix(broken).text == (
        "ha beírod a keresőbe, hogy bugyit loptam, akkor is..."
    )


@pytest.mark.parametrize("page", sorted(PAGES))
def test_most_paragraphs_come_back(page: str) -> None:
    languages, least = PAGES[page]
    broken = [
        (text, replaced(text, page))
        for lang, text in clean_paragraphs()
        if lang in languages and "\ufffd" in replaced(text, page)
    ]
    assert len(broken) >= 5
    exact = lost = left = wrong = 0
    for text, damaged in broken:
        repaired = mojibake_fix.fix(damaged).text
        exact += repaired == text
        lost += damaged.count("\ufffd")
        left += repaired.count("\ufffd")
        matcher = difflib.SequenceMatcher(None, repaired, text, autojunk=False)
        wrong += sum(
            op != "equal" and "\ufffd" not in repaired[i1:i2]
            for op, i1, i2, _, _ in matcher.get_opcodes()
        )
    assert exact >= least * len(broken), f"{exact} of {len(broken)} exact"
    assert lost - left >= PUT_BACK * lost, f"{lost - left} of {lost} put back"
    assert wrong <= WRONG * (lost - left), f"{wrong} wrong"


def test_an_undecided_byte_stays() -> None:
    """``Ä�`` after ``C4`` is ``ā``, ``ă``, ``Ĉ``, ``Đ`` or ``Ę`` in
    Windows-1250: in a word no list holds, nothing tells which."""
    broken = replaced("Zxqă vrbnă, ale Škoda je česká značka.", "windows-1250")
    result = mojibake_fix.fix(broken)
    assert result.text.startswith("Zxq")
    assert "Škoda je česká značka" in result.text
    assert result.revert() == broken


@pytest.mark.parametrize(
    "text",
    [
        "Привет \ufffd мир, это обычный текст.",
        "Η χώρα \ufffd είναι όμορφη.",
        "Škoda \ufffd auto, česká značka.",
        "Zażółć gęślą jaźń \ufffd tekst.",
        "日本語の\ufffdテキストです。",
        "שלום \ufffd עולם",
        "Café \ufffd crème brûlée",
        "Türkçe metin \ufffd şehir",
        "\ufffd\ufffd\ufffd",
        "Р\ufffd",
        "Это Р? Нет, это Я? Что?",
        "Ποιος; Εσύ? Ναι?",
        "Škoda? Ano? Č? Ř?",
    ],
)
def test_clean_text_with_replacement_characters_stays(text: str) -> None:
    assert mojibake_fix.fix(text).text == text
