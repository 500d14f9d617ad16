"""UTF-8 read through each of the other code pages, one or two layers deep,
alone or beside Windows-1252 mojibake, built from the clean corpus."""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)
import pytest

import mojibake_fix
from mojibake_fix.codepages import CODEC_NAMES, code_page

from .conftest import clean_paragraphs

# The languages each code page was made for.
LANGUAGES = {
    "cp1250": ("pl", "cs", "sk", "hu", "ro", "hr", "sl"),
    "cp1251": ("ru", "uk", "bg", "sr"),
    "macroman": ("fr", "de", "es", "it", "pt", "sv", "da"),
    "cp1253": ("el",),
    "cp1254": ("tr",),
    "cp1257": ("lt", "lv", "et"),
    "iso-8859-2": ("pl", "cs", "sk", "hu", "sl", "hr"),
    "cp437": ("en", "de", "fr", "es"),
    "cp850": ("de", "fr", "es", "pt", "it"),
    "koi8-r": ("ru",),
    "iso-8859-15": ("fr", "de", "fi", "et", "nl"),
    # DOS Cyrillic: Russian consoles showed UTF-8 in every script through it.
    "cp866": ("ru", "uk", "bg", "hi"),
}


def misread(text: str, page: str, layers: int = 1) -> str | None:
    """``text`` as UTF-8 read through ``page``, or None where a byte has no character."""
    for _ in range(layers):
        try:
            text = text.encode("utf-8").decode(CODEC_NAMES[page])
        except UnicodeDecodeError:
            return None
    return text


def cases() -> list[tuple[str, str, str]]:
    built: list[tuple[str, str, str]] = []
    for page, languages in LANGUAGES.items():
        paragraphs = [text for lang, text in clean_paragraphs() if lang in languages]
        paragraphs = [text for text in paragraphs if not text.isascii()]
        for index, text in enumerate(paragraphs[:8]):
            broken = misread(text, page, layers=2 if index % 4 == 3 else 1)
            if broken is not None and broken != text:
                built.append((f"{page}/{index}", broken, text))
        # Beside Windows-1252 mojibake in one text: two sources joined. Not
        # for ISO-8859-15, which reads most bytes as Windows-1252 does: a text
        # mixing the two is ambiguous wherever they differ.
        first, second = paragraphs[0], paragraphs[1]
        broken_first = misread(first, page)
        if broken_first is not None and page != "iso-8859-15":
            broken = broken_first + "\n" + second.encode("utf-8").decode("sloppy-windows-1252")
            built.append((f"{page}/mixed", broken, first + "\n" + second))
    return built


def test_every_code_page_has_cases() -> None:
    built = cases()
    assert {name.split("/")[0] for name, _, _ in built} == set(LANGUAGES)
    assert sum(name.endswith("/mixed") for name, _, _ in built) == len(LANGUAGES) - 1


@pytest.mark.parametrize("name, broken, expected", cases())
def test_repaired_exactly(name: str, broken: str, expected: str) -> None:
    result = mojibake_fix.fix(broken)
    assert result.text == expected
    assert result.revert() == broken


@pytest.mark.parametrize(
    "clean",
    [
        "Её рёв, ВСЁ ЁЖ, всё её",  # Cyrillic that forms UTF-8 in Windows-1251 / KOI8-R
        "Ελληνικά ¨κείμενα¨ και ΆΈΉ",  # Greek in its own code page
        "Zażółć gęślą jaźń, ŚĆIĄGA",  # Polish
        "√2 ≈ 1.41, ∞ ≤ ∑, ¬p ∧ q",  # MacRoman's maths
        "┌──┐ │ok│ └──┘ ░▒▓",  # box drawing (cp437)
        "İstanbul’da ılık bir gün, ĞÜŞÇÖ",  # Turkish
        "Šiaulių universitetas, Rīga, Tallinn õhtu",  # Baltic
    ],
)
def test_clean_text_in_the_code_pages_scripts_is_untouched(clean: str) -> None:
    result = mojibake_fix.fix(clean)
    assert result.text == clean and result.changes == ()


@pytest.mark.parametrize(
    "damaged",
    [
        "Het café is weer open! ☕ðŸ° Iedereen is welkom.",  # 🍰 that lost its ``8D``
        "Notre équipe a gagné ! ðŸ†🎉 Bravo à tous.",  # 🏆 that lost its ``8F``
    ],
)
def test_no_page_reads_the_rest_of_an_emoji_it_cannot_start(damaged: str) -> None:
    # ``Ÿ°`` and ``Ÿ†`` are ``D9 A1`` and ``D9 A0`` in Mac Roman (``١``,
    # ``٠``), but they follow ``ð``, an emoji's lead that Mac Roman has no
    # character for: they are the rest of that emoji, whatever reads it.
    fixed = mojibake_fix.fix(damaged).text
    assert not any("\u0600" <= ch <= "\u06ff" for ch in fixed)


@pytest.mark.parametrize("text", ["Le prix Ã©tait bas", "Ã©cole", "la Ã©cole\nÃ©tait"])
def test_no_page_puts_a_combining_mark_at_the_start_of_a_word(text: str) -> None:
    """Mac Roman reads ``Ã©`` as U+0329, a mark below: at the start of a word
    nothing carries it, so that reading is no finding at all."""
    findings = mojibake_fix.detect(text)
    assert findings
    assert all(f.replacement == "é" for f in findings)


def test_a_combining_mark_after_a_letter_is_still_read() -> None:
    """The same bytes after a letter are a mark on it (``a`` + U+0329), a
    reading that stays among the findings."""
    findings = mojibake_fix.detect("augmentÃ© cette")
    assert any(f.replacement == "\u0329" for f in findings)


def _lowercased_two_layers(clean: str) -> str:
    """``clean`` read as Windows-1252 twice, then lowercased, as a search
    index or a URL slug keeps it: ``Ã`` (C3) becomes ``ã`` (E3), a lead of
    another length, and every outer sequence is cut."""
    text = clean
    for _ in range(2):
        text = text.encode("utf-8").decode("sloppy-windows-1252")
    return text.lower()


@pytest.mark.parametrize(
    "clean",
    [
        "It’s “quoted” — here…",
        "naïve café façade",
        "Größe und Maß",
        "Ça coûte 5 € — très cher",
    ],
)
def test_runs_amid_a_lowercased_garble_stay(clean: str) -> None:
    """Between sequences cut short, the inner layer's runs still decode
    (``â€™`` after ``ã¢``); repaired alone, they make the garble worse."""
    garble = _lowercased_two_layers(clean)
    changes = mojibake_fix.fix(garble).changes
    assert not [c for c in changes if c.detector.startswith("utf8-as-")]


def test_runs_beside_sequences_that_lost_bytes_are_still_read() -> None:
    """A text that lost its C1 bytes cuts sequences short too, but the runs
    beside them decode to letters of the same script: they are read."""
    clean = "राष्ट्रीय पुस्तकालय ने परीक्षा के दिनों में समय बढ़ा दिया है।"
    damaged = "".join(
        ch for ch in clean.encode("utf-8").decode("latin-1") if not "\x80" <= ch <= "\x9f"
    )
    fixed = mojibake_fix.fix(damaged).text
    assert "समय बढ़ा दिया" in fixed


@pytest.mark.parametrize(
    ("clean", "codec"),
    [
        ("Xem clip hài, phim hài mới hay nhất", "sloppy-windows-1250"),
        ("Phim hài mới: nhất định phải xem", "iso-8859-2"),
        ("Tôi là người Việt, và tôi yêu Hà Nội", "sloppy-windows-1254"),
        # ``Š`` is C5 A0; the page's ``ÄÆ`` (``į``) is one whole sequence in
        # Windows-1257, where Latin-1 would see a lead cut short before another.
        ("Šiaip įdomu, kaip įsivaizduoji. Visų pirma.", "sloppy-windows-1257"),
        ("Šiandien į mokyklą ėjo Šarūnas", "sloppy-windows-1257"),
    ],
)
def test_a_lost_no_break_space_is_restored_in_latin_code_pages(clean: str, codec: str) -> None:
    # ``à`` is C3 A0: its no-break space became a plain space on the way.
    broken = clean.encode("utf-8").decode(codec).replace("\xa0", " ")
    assert broken != clean
    result = mojibake_fix.fix(broken)
    assert result.text == clean
    assert result.revert() == broken


@pytest.mark.parametrize(
    "clean",
    [
        "В Москве и О России",
        "Ε Ο Σ: Η Αθήνα",
        "СЕ НЕ Е ОК",
        "Привет, В Москве всё ок",
        "The letter Г is the fourth, О the sixteenth",
        "Vitamin Е is good",
    ],
)
def test_cyrillic_and_greek_capitals_before_a_space_stay(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "La région se trouve à l’ouest de l’Ukraine",
        "faites attention à bien vous renseigner sur le médicament",
    ],
)
@pytest.mark.parametrize("space", [" ", ""])
def test_a_lost_no_break_space_between_latin_words_in_a_cyrillic_page(
    clean: str, space: str
) -> None:
    # French read as Windows-1251: ``à`` (C3 A0) shows as ``Г``, its no-break
    # space turned into a space or dropped.
    broken = clean.encode("utf-8").decode("cp1251").replace("\xa0", space)
    result = mojibake_fix.fix(broken)
    assert result.text == clean
    assert result.revert() == broken


@pytest.mark.parametrize("text", ["ItÃ?Â¢â?¬â?¢s classic.", "price Â¢âpprox"])
def test_a_hanzi_no_language_writes_is_no_evidence_alone(text: str) -> None:
    # Mac Roman reads ``Â¢â`` as E5 A2 89, ``墉``: a real hanzi that no
    # Chinese, Japanese or Korean word writes, between Latin letters.
    assert "墉" not in mojibake_fix.fix(text).text


@pytest.mark.parametrize("clean", ["中文网站的新闻", "日本語のテキスト", "墉城的历史"])
def test_east_asian_text_read_as_mac_roman_is_still_repaired(clean: str) -> None:
    broken = clean.encode("utf-8").decode("mac_roman")
    result = mojibake_fix.fix(broken)
    assert result.text == clean
    assert result.revert() == broken


@pytest.mark.parametrize(
    "clean",
    [
        # Windows-1250 decodes these bytes too, to ``vÊdett``-like capitals
        # inside words or to ``integrålni``, which no list knows: the text is
        # ISO-8859-2's, whole, not a mix of both pages' runs.
        "Nem elidegeníteni kell a betegeket, hanem integrálni a társadalomba.",
        "A régi városháza előtt álló szobrot tavasszal újítják fel.",
        "Kávé és sütemény várja a vendégeket a tér déli oldalán.",
    ],
)
def test_hungarian_read_as_iso_8859_2_is_read_whole_in_that_page(clean: str) -> None:
    broken = clean.encode("utf-8").decode("iso-8859-2")
    result = mojibake_fix.fix(broken)
    assert result.text == clean
    assert {change.detector for change in result.changes} == {"utf8-as-iso-8859-2"}


@pytest.mark.parametrize(
    "clean",
    [
        "A hozzászólásoknál kisebb hibajavítások: a hozzászóló",
        "Sátoraljaújhely, Hódmezővásárhely",
    ],
)
def test_a_whole_reading_whose_letters_no_language_writes_together_loses(clean: str) -> None:
    """ISO-8859-2 reads ``hozzászólás``; Windows-1250 reads the same text as
    ``hozzåszólås``, letters no language writes together: the text is the
    first page's whole, no judging of runs needed."""
    from mojibake_fix.detectors.utf8_misread import read_whole

    broken = clean.encode("utf-8").decode("iso-8859-2")
    reading = read_whole(broken, "iso-8859-2", "utf8-as-iso-8859-2")
    assert reading is not None and reading.text == clean
    assert mojibake_fix.fix(broken).text == clean


@pytest.mark.parametrize(
    ("clean", "codec", "twin"),
    [
        # ISO-8859-2 shows ``î`` (C3 AE) as ``ĂŽ``, which Windows-1250 reads as ``Î``.
        ("Când aţi fost la mine în birou eraţi foarte umil.", "iso-8859-2", "cp1250"),
        ("Toată lumea credea că o să pierd, dar s-au înselat.", "iso-8859-2", "cp1250"),
        # ISO-8859-15 shows ``ä`` as ``Ã€``, ``è`` as ``Ãš``, ``ü`` as ``ÃŒ``;
        # Windows-1252 reads them ``À``, ``Ú``, ``Ì``.
        ("Nächstes Thema", "iso-8859-15", "cp1252"),
        ("La cartella di output (%s) non è una cartella", "iso-8859-15", "cp1252"),
        ("Täisindeks ühel lehel", "iso-8859-15", "cp1252"),
    ],
)
def test_a_twin_page_that_reads_the_text_likelier_reads_it(
    clean: str, codec: str, twin: str
) -> None:
    """Two pages that show most characters alike read the same text whole,
    differently: the reading with fewer capitals inside or opening a word
    mid-sentence, and more listed words where they differ, is the text."""
    broken = clean.encode("utf-8").decode(codec)
    assert broken.encode(f"sloppy-windows-{twin[2:]}").decode("utf-8") != clean  # read, but wrong
    result = mojibake_fix.fix(broken)
    assert result.text == clean
    assert {change.detector for change in result.changes} == {f"utf8-as-{codec}"}


@pytest.mark.parametrize(
    "clean",
    ["Last-Translator: Balázs Úr, 2020", "Ahogy Balázs Úr mondta, ez így van."],
)
def test_a_twin_reading_with_signs_inside_words_does_not_win(clean: str) -> None:
    # ISO-8859-2 reads Windows-1250's ``BalĂˇzs Ăšr`` as ``Bal÷zs ùr``: no ``Úr``
    # opening a word after a small one, but a sign inside ``Bal÷zs``.
    broken = clean.encode("utf-8").decode("cp1250")
    assert mojibake_fix.fix(broken).text == clean


@pytest.mark.parametrize(
    "clean", ["makró", "attribútum", "utwórz plik makefile", "2006.01.12 : Kandó Konferencia 2006"]
)
@pytest.mark.parametrize("codec", ["cp1250", "iso-8859-2"])
def test_a_word_no_alphabet_spells_that_one_reading_makes_spelled_is_read(
    clean: str, codec: str
) -> None:
    # ``makrĂł``: Romanian writes ``Ă``, Polish ``ł``, no language both; both
    # pages read ``makró``, which Hungarian's letters spell, though no word
    # list holds it.
    broken = clean.encode("utf-8").decode(codec)
    assert mojibake_fix.fix(broken).text == clean


@pytest.mark.parametrize("clean", ["Türkei", "måndag", "Sütő"])
def test_a_word_two_pages_spell_differently_is_no_evidence_for_either(clean: str) -> None:
    # ISO-8859-2's ``TĂźrkei`` is Windows-1250's ``Tßrkei``, German letters
    # too: the alphabets cannot choose, and Windows-1250 must not win by them.
    broken = clean.encode("utf-8").decode("iso-8859-2")
    assert mojibake_fix.fix(broken).text in {clean, broken}


@pytest.mark.parametrize("clean", ["Segédprogramok", "Jogvédelem BBC 2004", "hændelsesnavn"])
def test_a_reading_with_a_capital_inside_a_word_spells_nothing(clean: str) -> None:
    # Windows-1250 reads ISO-8859-2's ``SegĂŠdprogramok`` as ``SegÊdprogramok``:
    # letters French writes, but a capital after a small letter is no word's.
    broken = clean.encode("utf-8").decode("iso-8859-2")
    assert mojibake_fix.fix(broken).text == clean


@pytest.mark.parametrize("codec", ["mac_roman", "cp1251", "koi8_r"])
def test_a_whole_reading_that_shows_only_sequences_of_no_character_in_use_stands(
    codec: str,
) -> None:
    # A KOI8-R page drew ``«»`` as ``╚┘``: ``и┘`` is a telling pair of KOI8-R,
    # whose reading there, ``Ʌ``, no text uses; the whole reading stands.
    from mojibake_fix.detectors.utf8_misread import read_whole

    clean = "Выставка ╚Морские пути┘От Сидона до Хуэлвы. Взаимосвязи народов╩"
    broken = clean.encode("utf-8").decode("sloppy-windows-1251" if codec == "cp1251" else codec)
    name = {"mac_roman": "macroman", "koi8_r": "koi8-r"}.get(codec, codec)
    reading = read_whole(broken, name, f"utf8-as-{name}")
    assert reading is not None and reading.text == clean
    assert mojibake_fix.fix(broken).text == clean


@pytest.mark.parametrize("name", list(CODEC_NAMES))
def test_a_page_refuses_exactly_what_its_codec_cannot_encode(name: str) -> None:
    # CodePage.encode answers None before asking the codec: the two must agree.
    page = code_page(name)
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000 or code in (0x1A, 0xFFFD):
            continue
        ch = chr(code)
        try:
            ch.encode(page.codec)
        except UnicodeEncodeError:
            assert page.encode(ch) is None, ch
        else:
            assert page.encode(ch) is not None, ch
