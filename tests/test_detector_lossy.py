"""The lossy-UTF-8 detector: the seed article, each family of loss, clean text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mojibake_fix
from mojibake_fix.context.candidates import STRIPPED_C1, UNDEFINED_CP1252, parse_site
from mojibake_fix.context.damaged import damage, lookup
from mojibake_fix.detectors.lossy_utf8 import find

from .conftest import clean_paragraphs

SEED = Path(__file__).parents[2] / "shared" / "seeds" / "000_e8dea9f15121a680.txt"

_C1 = re.compile("[\x80-\x9f]")
_UNDEFINED = re.compile("[\x81\x8d\x8f\x90\x9d]")


def c1_stripped(text: str) -> str:
    """UTF-8 read as Latin-1, then every C1 control deleted."""
    return _C1.sub("", text.encode("utf-8").decode("latin-1"))


def undefined_lost(text: str, mark: str = "") -> str:
    """UTF-8 read as Windows-1252; its undefined bytes dropped or replaced by ``mark``."""
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    return _UNDEFINED.sub(mark, text.encode("utf-8").decode("sloppy-windows-1252"))


def cut(text: str, keep_bytes: int) -> str:
    """The first ``keep_bytes`` bytes of ``text``'s UTF-8, read as Windows-1252."""
    import ftfy.bad_codecs  # noqa: F401

    return text.encode("utf-8")[:keep_bytes].decode("sloppy-windows-1252")


def confident(text: str) -> list[mojibake_fix.Finding]:
    return [f for f in find(text) if f.confidence >= mojibake_fix.DEFAULT_MIN_CONFIDENCE]


def test_seed_article_is_restored_exactly_and_reverts_byte_for_byte() -> None:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED} (shared/ must sit beside the clone)")
    seed = SEED.read_text(encoding="utf-8")
    expected = seed
    for damaged, written in [
        ("South China, âthe secretary-general", "South China, ”the secretary-general"),
        ("values ââand interests", "values \u200b\u200band interests"),
        ("Biden âwill affirm", "Biden “will affirm"),
        ("-sharing, âshe said", "-sharing, ”she said"),
        ("defense. âBecause of", "defense. “Because of"),
        ("spending,â Austin said", "spending,” Austin said"),
    ]:
        assert expected.count(damaged) == 1
        expected = expected.replace(damaged, written)
    assert expected.count("â") == 0

    result = mojibake_fix.fix(seed)

    assert result.text == expected
    assert len(result.changes) == 7
    assert {c.detector for c in result.changes} == {"lossy-utf8"}
    assert result.revert().encode("utf-8") == seed.encode("utf-8")
    assert mojibake_fix.revert(result.text, result.changes) == seed


@pytest.mark.parametrize(
    "clean",
    [
        "“We will not back down,” the mayor said on Tuesday – and the council agreed.",
        "It’s the city’s oldest bridge, and it isn’t closing.",
        "L’école a été fermée après l’incendie.",
        "Águeda dijo: «El tren llegó tarde».",
        "Ísland vann leikinn í gær.",
        "Die Straße bleibt gesperrt, sagte der Bürgermeister.",
    ],
)
def test_c1_controls_stripped(clean: str) -> None:
    damaged = c1_stripped(clean)
    assert damaged != clean
    assert mojibake_fix.fix(damaged).text == clean


def test_polish_letters_from_their_lone_lead() -> None:
    result = mojibake_fix.fix("Premier WÅadysÅaw Sikorski przemawiaÅ w Londynie.")
    assert "Władysław" in result.text


@pytest.mark.parametrize(
    "clean",
    [
        "Новый мост откроют в апреле, сообщила администрация.",
        "Ísland vann leikinn í gær.",
        "Águeda dijo: «El tren llegó tarde».",
        "Η Ελλάδα κέρδισε τον αγώνα χθες.",
    ],
)
@pytest.mark.parametrize("mark", ["", "?", "\ufffd"])
def test_undefined_bytes_dropped_or_replaced(clean: str, mark: str) -> None:
    damaged = undefined_lost(clean, mark)
    assert damaged != clean
    assert mojibake_fix.fix(damaged).text == clean


def test_russian_letter_behind_replacement_character() -> None:
    findings = confident("Ð\ufffdовый мост")
    assert [(f.start, f.end, f.replacement) for f in findings] == [(0, 6, "Новый")]


def test_no_break_space_made_a_space() -> None:
    damaged = "Рим".encode().decode("cp1252").replace("\xa0", " ")
    assert mojibake_fix.fix(damaged + " и Париж").text == "Рим и Париж"


@pytest.mark.parametrize(
    ("clean", "keep_bytes"),
    [
        ("Zażółć gęślą jaźń", len("Zażółć gęślą jaź".encode()) + 1),
        ("Привет, мир", len("Привет, ми".encode()) + 1),
    ],
)
def test_character_cut_at_the_end_of_the_field(clean: str, keep_bytes: int) -> None:
    damaged = cut(clean, keep_bytes)
    head = clean.encode()[:keep_bytes].decode("utf-8", "ignore")
    assert mojibake_fix.fix(damaged).text == head


def test_candidates_agree_with_the_surviving_bytes() -> None:
    site = parse_site("W\u00c5adys", 1, STRIPPED_C1)
    assert site is not None
    assert {r.text for r in site.readings} >= {"ł", "Ł", "ś", "ń", "ő"}
    assert all(0x140 <= ord(r.text) <= 0x15F for r in site.readings)
    marked = parse_site("\u00c3?", 0, UNDEFINED_CP1252)
    assert marked is not None
    assert {r.text for r in marked.readings if r.end == 2} == {"Á", "Í", "Ï", "Ð", "Ý"}
    assert parse_site("Ã©", 0, STRIPPED_C1) is None  # complete: not lossy


def test_unsure_repair_is_reported_with_alternatives_and_left_alone() -> None:
    # A one-letter Russian word behind U+FFFD: "с" and "я" are both words.
    text = "Ð¾Ð½ Ñ\ufffd Ð½ÐµÐ¹"
    findings = list(find(text))
    assert findings and findings[0].alternatives
    unsure = [f for f in findings if f.confidence < mojibake_fix.DEFAULT_MIN_CONFIDENCE]
    assert unsure and unsure[0].replacement is not None
    fixed = mojibake_fix.fix(text)
    assert "Ñ\ufffd" in fixed.text
    assert any(f.detector == "lossy-utf8" for f in fixed.findings)
    lowered = mojibake_fix.fix(text, min_confidence=0.0)
    assert lowered.text != text


@pytest.mark.parametrize(
    ("clean", "model"),
    [
        ("दिल्ली नगर निगम ने नई इलेक्ट्रिक बसें चलाईं।", "undefined"),
        ("Новый мост откроют в апреле.", "marked"),
        ("Рим и Париж стали партнёрами.", "nbsp"),
        ("الحكومة أعلنت عن خطة جديدة للتعليم.", "c1"),
        ("Η κυβέρνηση ανακοίνωσε νέα μέτρα για τους αγρότες.", "undefined"),
    ],
)
def test_whole_words_from_the_damaged_word_dictionary(clean: str, model: str) -> None:
    damaged = damage(clean, model)
    assert damaged != clean
    assert mojibake_fix.fix(damaged).text == clean


@pytest.mark.parametrize(
    ("word", "lang", "model"),
    [
        ("Привет", "ru", "c1"),  # every letter but и and в lost a byte
        ("τους", "el", "c1"),  # the final sigma, which casefolded lists lose
        ("Србија", "sr", "c1"),  # Serbian Cyrillic, transliterated from the Latin list
        ("VYHRÁLA", "cs", "c1"),  # upper-case forms are indexed too
        ("Новый", "ru", "marked"),
    ],
)
def test_damaged_word_is_found_in_its_language(word: str, lang: str, model: str) -> None:
    assert lookup(damage(word, model), lang, model)[0][0] == word


@pytest.mark.parametrize(
    "clean",
    [
        "Экскурсии на катерах раскуплены заранее.",
        "Вечером мы гуляли по набережным.",
        "Це було двадцятиріччя нашої школи.",
    ],
)
def test_rarer_words_are_found_where_no_common_word_fits(clean: str) -> None:
    # катерах, раскуплены, набережным, двадцятиріччя: none of the 30,000
    # commonest words of its language, all far more often written than
    # any word they collide with.
    assert mojibake_fix.fix(c1_stripped(clean)).text == clean


def test_no_space_is_read_as_a_no_break_space_where_the_text_kept_them() -> None:
    # ``Π`` is ``CE A0``: C1 stripping kept its no-break space, so ``Î `` (``Η``
    # short of its ``97``) and a space is no ``Π``, in a later pass either,
    # once ``Î\xa0`` is decoded.
    clean = "Η εταιρεία ανακοίνωσε νέα δρομολόγια για την Πάτρα."
    assert "Πεταιρεία" not in mojibake_fix.fix(c1_stripped(clean)).text


def marked_and_spaced(clean: str) -> str:
    """``clean`` as UTF-8 read as Windows-1252, its undefined bytes replaced
    by U+FFFD and its no-break spaces turned into spaces."""
    undefined = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    shown = (
        "\ufffd" if byte in undefined else bytes([byte]).decode("cp1252")
        for byte in clean.encode("utf-8")
    )
    return "".join(shown).replace("\xa0", " ")


@pytest.mark.parametrize(
    "clean", ["Русский язык", "Россия", "Πιστεύω", "Πόρτα", "אנחנו", "שאני אוהב"]
)
def test_a_word_with_both_a_marked_byte_and_a_spaced_no_break_space(clean: str) -> None:
    # ``Р`` is ``D0 A0`` and ``с`` ``D1 81``: ``Ð ÑƒÑ�Ñ�ÐºÐ¸Ð¹`` holds both, a
    # lead before a space that is its no-break space (which tells nothing
    # of how the text lost bytes) and a marker for an undefined byte.
    broken = marked_and_spaced(clean)
    assert broken.count(" ") > clean.count(" ") and "\ufffd" in broken
    assert mojibake_fix.fix(broken).text == clean


def test_damaged_cyrillic_word_is_one_finding() -> None:
    text = damage("Привет", "c1") + ", " + damage("как дела", "c1")
    words = [f for f in confident(text) if f.replacement == "Привет"]
    assert [(f.start, f.end) for f in words] == [(0, len(damage("Привет", "c1")))]


def test_undamaged_words_have_no_key() -> None:
    assert lookup(damage("мама", "undefined"), "ru", "undefined") == []
    assert lookup("Åse", "sv", "c1") == []


def test_language_quotes_when_none_survive() -> None:
    damaged = c1_stripped("Trener je utakmicu nazvao „najvažnijom u karijeri”.")
    assert "„najvažnijom" in mojibake_fix.fix(damaged).text


CLEAN = [
    "L'âge d'or du château, la pâte et le théâtre : Jérôme a bâti sa fenêtre.",
    "Le gâteau coûte âprement cher à Châteauroux.",
    "SÃO PAULO — A IRMÃ DE JOÃO VIAJOU PARA O MARANHÃO.",
    "A irmã do João mora em São Paulo; não há pão.",
    "Åse och Åke åkte till Åre. Å är ett ord på svenska.",
    "Ved Å i Lofoten bor Åse Ødegård.",
    "ÐAÐ VAR GAMAN. Það var gaman í Reykjavík, sagði Guðrún.",
    "Tiếng Việt có các chữ ẫ, ầ, ấ và cân, sân, tân.",
    "Smântână și pâine în România: când vii până la noi?",
    # ``tac`` and ``muri`` are words, but Romanian writes no apostrophes inside words.
    "Pe masă erau tacâmuri de argint, iar copiii râdeau și mâncau.",
    "İstanbul'da ılık bir gün; Iğdır ve Şırnak.",
    "Привет, как дела? Всё хорошо, спасибо.",
    "Η Ελλάδα είναι όμορφη χώρα.",
    "中文文本，日本語のテキスト、한국어 텍스트.",
    "ภาษาไทยเป็นภาษาที่สวยงาม",
    "العربية لغة جميلة. עברית היא שפה יפה.",
    "Emoji 🎉🚀 and math: 3 × 4 = 12, 10 ÷ 2 = 5, x² ≤ ∞.",
    "Ñandú y señor Muñoz en España.",
    "Ärger über Öl: Die Männer aßen Äpfel.",
    "The café in Zürich serves crème brûlée.",
    "Ça y est, Été, Île, Œuvre, Ëlle.",
    "Ölçü, Ömer, Ürün, Ağaç.",
    "Jiří Dvořák, Łódź, Gdańsk, Kraków.",
    "ÂGE, CHÂTEAU, ÎLE, HÔTEL",
    "Gruß aus Köln und shtunë",
    "PÅ LÅNG KVÄLL I RÅDHUSPLADSEN, JÄÄKIEKON MM-KISAT.",
    "Влада Србије је усвојила нови закон; Ђорђе и Љиљана су дошли.",
    "Ο Νίκος είπε ότι η Ελλάδα θα κερδίσει. ΤΟ ΠΡΩΙ ΗΤΑΝ ΚΡΥΟ.",
    "नई दिल्ली में आज बारिश हुई। स्कूल बंद रहे।",
    "Українська мова: ґанок, їжак, єнот. ВСЁ И РЁВ.",
    "שלום לכולם. مرحبا بالجميع. Tiếng Việt: người, được.",
]


@pytest.mark.parametrize("clean", CLEAN)
def test_clean_text_is_left_alone(clean: str) -> None:
    assert confident(clean) == []
    assert mojibake_fix.fix(clean).text == clean


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("âÃÅÄÐÑ×Ù€œ¢¦©? \ufffd\u0085aé.,“”\ud800\x00ðŸ"), max_size=30)
)
def test_never_raises_and_spans_are_sound(text: str) -> None:
    for finding in find(text):
        assert 0 <= finding.start < finding.end <= len(text)
        assert 0.0 <= finding.confidence <= 1.0
    result = mojibake_fix.fix(text)
    assert result.revert() == text


# Leads and continuation bytes of Chinese, Japanese, Korean and Thai, with
# their letters and marks.
_RUN_ON_PIECES = "ãåæçè¸¯€œ¹àìíê中の東京ก한 。、「」\xa0?\ufffdÃÐ"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_RUN_ON_PIECES), max_size=30))
def test_run_on_scripts_never_raise_and_revert(text: str) -> None:
    for finding in find(text):
        assert 0 <= finding.start < finding.end <= len(text)
    assert mojibake_fix.fix(text).revert() == text


@pytest.mark.parametrize(
    "clean",
    ["The café is open é", "O que é", "SÃO PAULO, IRMÃ", "Je suis allé à", "multi\r\nline é"],
)
def test_a_letter_ending_a_clean_text_is_kept(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


@pytest.mark.parametrize(
    "cut, expected",
    [
        (
            "Knedlíky podávejte teplé a dochucené smetanou a podÃ",
            "Knedlíky podávejte teplé a dochucené smetanou a pod",
        ),
        (
            "Утром пекарня продаёт свежий хлеб на Нова гоÐ",
            "Утром пекарня продаёт свежий хлеб на Нова го",
        ),
        ("A repaired cafÃ© ends the line cafÃ", "A repaired café ends the line caf"),
    ],
)
def test_a_character_cut_at_the_end_is_dropped(cut: str, expected: str) -> None:
    result = mojibake_fix.fix(cut)
    assert result.text == expected
    assert result.revert() == cut


def nbsp_spaced(text: str) -> str:
    """UTF-8 read as lenient Windows-1252 (undefined bytes kept as C1
    controls), then every no-break space made a plain space."""
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    return text.encode("utf-8").decode("sloppy-windows-1252").replace("\xa0", " ")


@pytest.mark.parametrize(
    ("clean", "cut"),
    [
        ("Wir wollen, dass Kinder sicher zur Schule fahren können", "fahren k"),  # Ã after k
        ("Um presente, e o ministério", "o minist"),  # Ã after a small letter
        ("Biologists call this a “bloom”", "call this a "),  # a lone â
        ("Das Würstchen ist eine Kunst für sich…", "für sich"),  # â after a word
        ("Gradonačelnik je rekao da će dom biti gotov", "da "),  # a lone Ä (č)
        ("Најбоља је, кажу, тек сада", "тек "),  # Ñ closing Cyrillic
        ("הבנקים מציעים משכנתאות", "מציעים "),  # × closing Hebrew
        ("소비자들은 장바구니 부담이 크다고 입을", "크다고 "),  # ì closing Korean
        ("हम सब एक साथ खाना खाते हैं", "हम सब एक "),  # à: Devanagari's first byte
        ("What a game! 🎉", "What a game! "),  # ð: an emoji's first byte
        # Ã alone, which Portuguese writes, after Hungarian words the lists
        # mostly lack: its ``á``, ``í`` start with ``C3`` too.
        ("A lecsóhoz hagymát, paprikát és paradicsomot párolunk zsíron Ízlés", "zsíron "),
        # Portuguese writes ``Ã`` but starts no word with it (``Ó`` was cut).
        ("O pão de queijo é uma delícia, e o café da manhã também Ótimo", "também "),
    ],
)
def test_a_lead_cut_at_the_end_is_dropped(clean: str, cut: str) -> None:
    start = clean.index(cut) + len(cut)
    lead = clean[start].encode("utf-8")[:1].decode("cp1252")
    text = clean[:start] + lead
    assert mojibake_fix.fix(text).text == clean[:start]


@pytest.mark.parametrize(
    "clean",
    [
        "Click the button to dismiss the dialog. Close ×",
        "Det er ikke lett å si hva man skal gjøre, men vi prøver å",
        "Croeso i Gymru. Gwlad yr Iâ",
        "Visitamos Islândia, Turquia e Vietnã",
        "Il a dit «voilà»",
        "On se voit au café…",
        "He wrote the number 3 ×",
        "Meine Tante sagte: Ä",
        "Мы говорим по-русски. Это наш дом",
        "Hún sagði að",
    ],
)
def test_an_ending_that_is_written_so_is_kept(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "Václav Baláž",  # ``áž`` is E1 9E, the start of a Khmer letter
        "Tomáš Baláž",
        "Rozhodol rozhodca Ondráš",  # ``áš``: E1 9A, Ogham or runes
        "Lietuvių kalba: ačiū ir lėš",
    ],
)
def test_letters_that_could_start_only_a_letter_of_an_unwritten_script_are_kept(
    clean: str,
) -> None:
    assert mojibake_fix.fix(clean).text == clean


@pytest.mark.parametrize(
    ("clean", "broken"),
    [
        ("La niña dijo que su madre ya está", "niña"),
        ("Toto je krásny deň a je tu aj nová", "krásny"),
        ("Le café est prêt, il est vraiment très bon, voilà", "café"),
    ],
)
def test_a_last_letter_that_could_start_none_of_its_language_s_letters_is_kept(
    clean: str, broken: str
) -> None:
    # One word of the text is mojibake (a text partly broken); its last letter
    # is a lead: ``á`` E1, of Georgian, Myanmar or Vietnamese letters, ``à``
    # E0, of Indic ones. The words show a language that writes none of them.
    shown = clean.replace(broken, broken.encode("utf-8").decode("sloppy-windows-1252"), 1)
    assert mojibake_fix.fix(shown).text == clean


@pytest.mark.parametrize("last", ["ñ", "ò", "ó", "ô"])
def test_a_lead_of_no_character_in_use_closes_a_text_as_written(last: str) -> None:
    # F1 to F4 start only characters of planes 4 to 16, none in use as text
    # (unassigned, private, tags): no cut leaves them, even after mojibake
    # (Hungarian ``Eladó``).
    assert mojibake_fix.fix(f"HirdetÃ©s tipus: Elad{last}").text == f"Hirdetés tipus: Elad{last}"


@pytest.mark.parametrize("clean", ["esÉ", "stdÇ", "Сайн Ò"])
def test_a_lead_only_letters_no_listed_language_writes_begin_closes_a_text_as_written(
    clean: str,
) -> None:
    # ``É`` would begin an IPA letter (``ɀ``-``ɿ``), ``Ç`` one of ``ǀ``-``ǿ``,
    # ``Ò`` a letter of Cyrillic's extension: no cut leaves them.
    assert mojibake_fix.fix(clean).text == clean


def test_a_rarer_letter_the_text_writes_whole_may_be_cut_at_its_end() -> None:
    # Azerbaijani writes ``ə`` (C9 99) throughout: a text cut after the lead of
    # its last one loses it, though no language of the lists writes ``ə``.
    text = "Azərbaycan dili türk dillərinin oğuz qrupuna daxildir və ə"
    shown = text.encode("utf-8").decode("sloppy-windows-1252")
    assert mojibake_fix.fix(shown[:-1]).text == text[:-1]


def test_a_cut_letter_of_the_script_the_text_writes_is_still_dropped() -> None:
    # ``Ñ`` closing Cyrillic, and Vietnamese ``ệ`` cut to ``E1 BB``: the
    # scripts the text is written in.
    assert mojibake_fix.fix("Мы говорим о тебÑ").text == "Мы говорим о теб"
    assert mojibake_fix.fix("Thư viện và công nghiá»").text == "Thư viện và công nghi"


@pytest.mark.parametrize(
    "clean",
    [
        "Nous avons visité le châ",  # château and its kin begin so
        "Xin chào, tôi là người Việt. Hội đồng nhâ",  # nhân
        "Am gustat smântâ",  # â, a letter of Romanian, after no word
        "Ils l’ont appelé „à",  # a small letter opening a word
        "C’est l’â",
        "NÁŠ TÍM MÁ NOVÉHO TRÉ",  # a capital in an all-caps word; ``ÁŠ`` is no mojibake
        "Hún sagði að ð",  # a letter of Icelandic
    ],
)
def test_clean_text_cut_at_a_character_boundary_is_left_alone(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "Biologists call this a “camouflage mismatch.”",
        "Der Trainer nannte es „den schönsten Abend meiner Karriere“",
    ],
)
def test_a_closing_mark_that_lost_both_bytes_ends_a_text_of_lost_bytes(clean: str) -> None:
    # With C1 controls stripped, ``”`` closing the text is a lone ``â``, as a
    # character cut after its first byte would be; the quotation it closes,
    # itself a lone ``â``, tells which.
    assert mojibake_fix.fix(c1_stripped(clean)).text == clean
    # Cut short, in a text that lost nothing else, it is dropped.
    cut = "Biologists call this a mismatch â"
    assert mojibake_fix.fix(cut).text == "Biologists call this a mismatch "


def test_a_text_mojibake_throughout_loses_its_cut_letter() -> None:
    # ``thế`` cut after its lead: ``á`` could be a letter, but this text
    # shows every other letter above ASCII as a whole sequence.
    text = "Bàn thắng ở th".encode().decode("cp1252") + "á"
    assert mojibake_fix.fix(text).text == "Bàn thắng ở th"
    assert mojibake_fix.fix("Bàn thắng ở thá").text == "Bàn thắng ở thá"


@pytest.mark.parametrize(
    "clean",
    ["Lễ hội diễn ra vào cuối tuần và thu hút hàng nghìn người", "Chuyến tàu Thống Nhất"],
)
def test_a_no_break_space_inside_a_small_word(clean: str) -> None:
    # ``vÃ o`` is ``vào``: a capital after a small letter is no word as written.
    assert mojibake_fix.fix(nbsp_spaced(clean)).text == clean


def test_kept_c1_controls_mean_no_byte_was_dropped() -> None:
    clean = "הממשלה מתכננת להרחיב את תוכנית ״דירה בהנחה״ השנה"
    assert mojibake_fix.fix(nbsp_spaced(clean)).text == clean


def test_a_question_mark_inside_a_word_is_a_marker() -> None:
    site = parse_site("\u00d1?\u00d0\u00bb", 0, UNDEFINED_CP1252)
    assert site is not None and {r.end for r in site.readings} == {2}
    clean = "Инфлацията е спаднала. Най-много са поскъпнали услугите."
    assert mojibake_fix.fix(undefined_lost(clean, "?")).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "도로가 침수되었습니다. 이어질 것으로 보입니다.",  # 도 is EB 8F 84: ``ë?„``
        "일부를 옮겼고, 큰 피해는 없었습니다.",
        "駅の構内は帰省客で混雑しました。",  # の is E3 81 AE: ``ã?®``
        "南方小城的外婆每年都会包粽子。",
    ],
)
@pytest.mark.parametrize("mark", ["?", "\ufffd"])
def test_a_marker_in_the_middle_of_a_sequence(clean: str, mark: str) -> None:
    # A lead, the marker of its lost second byte, then its last byte.
    damaged = undefined_lost(clean, mark)
    assert mark in damaged
    assert mojibake_fix.fix(damaged).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "“I will come,” he said. “Tomorrow, after the rain.”",
        "„Het blijft een droom,” zegt een oud-deelnemer.",
    ],
)
def test_a_question_mark_after_a_lost_byte_is_its_marker_where_the_text_drops_none(
    clean: str,
) -> None:
    # ``”`` is ``E2 80 9D``: ``â€?`` once ``9D`` became ``?``. Read as ``”`` and
    # a question mark, the byte would have been dropped right before a real
    # one; in a text that shows no dropped byte, the marker is likelier.
    assert mojibake_fix.fix(undefined_lost(clean, "?")).text == clean


def test_a_question_mark_after_a_lost_letter_stays_a_question_mark() -> None:
    # ``č`` is ``C4 8D``: ``proÄ?`` is ``proč?`` with ``8D`` dropped, or
    # ``proč`` with ``8D`` made ``?``. A question after a word is common:
    # nothing is changed that could lose it.
    damaged = undefined_lost("A proč?")
    assert mojibake_fix.fix(damaged).text.endswith("?")


@pytest.mark.parametrize(
    "clean",
    [
        "Tu veux un café?» dit-il.",
        "«Sì?» rispose.",
        "¿Qué?? No lo sé.",
        "Déjà?? Vraiment?",
        "Thế à?? Không!",
        "Ist das schön?» fragte sie.",
        "Él dijo «qué?» y se fue.",
    ],
)
def test_a_question_mark_after_a_letter_in_clean_text_stays(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


def clean_texts_cut_after_a_latin_1_letter() -> list[str]:
    """Clean paragraphs cut right after each of their Latin-1 letters, as a
    field cut at a character boundary ends: whole and by their last 30
    characters. Each ends in a letter that is also a lead byte."""
    texts: dict[str, None] = {}
    for _, paragraph in clean_paragraphs():
        for match in re.finditer("[\u00c0-\u00ff]", paragraph):
            texts[paragraph[: match.end()]] = None
            texts[paragraph[max(0, match.start() - 30) : match.end()]] = None
    return list(texts)


def test_clean_text_cut_at_a_character_boundary_keeps_its_last_letter() -> None:
    texts = clean_texts_cut_after_a_latin_1_letter()
    assert len(texts) > 2000
    harmed = [text for text in texts if mojibake_fix.fix(text).text != text]
    assert harmed == []


@pytest.mark.parametrize("text", ["Vi bor på Ø", "Section Ð", "Room Ñ", "Il est à", "Dvě Å"])
def test_a_letter_standing_alone_at_the_end_of_clean_text_is_kept(text: str) -> None:
    assert mojibake_fix.fix(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        # Icelandic ``á`` (on) after a slash: ``af`` alone is likelier
        # Danish, which writes no ``ð``; Icelandic, which does, lists ``á``.
        "Hliðarstika af/á",
        "Síðustu fréttir af/á",
    ],
)
def test_a_language_that_does_not_write_the_text_s_letters_is_not_its_language(
    text: str,
) -> None:
    assert mojibake_fix.fix(text).text == text


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        # Latin-1 letters whole beside quotation marks that lost bytes: a
        # page in a legacy code page with marks pasted in as UTF-8.
        (
            "Le président a dit âjamais plus sans toiâ, et il est parti.",
            "Le président a dit “jamais plus sans toi”, et il est parti.",
        ),
        (
            "Er sagte âniemals wiederâ und ging nach München.",
            "Er sagte „niemals wieder“ und ging nach München.",
        ),
    ],
)
def test_marks_that_lost_bytes_beside_letters_that_came_whole(damaged: str, repaired: str) -> None:
    assert mojibake_fix.fix(damaged).text == repaired


@pytest.mark.parametrize(
    ("damaged", "written"),
    [
        # Portuguese and French write ``â``, but not in these words: the
        # words without it are known, so a mark was lost.
        (
            "Cientistas alertam que a floresta está próxima de um âponto de não retornoâ.",
            "Cientistas alertam que a floresta está próxima de um “ponto de não retorno”.",
        ),
        ("Il a dit : âjamais plus sans toiâ, et il est parti.", None),
    ],
)
def test_a_lone_a_circumflex_at_a_word_edge_is_a_lost_mark_when_the_word_is_known_without_it(
    damaged: str, written: str | None
) -> None:
    repaired = mojibake_fix.fix(damaged).text
    if written is not None:
        assert repaired == written
    assert "â" not in repaired


@pytest.mark.parametrize(
    "clean",
    [
        "O âmbito da lei e a âncora do navio; o ânimo voltou.",
        "L’âge de l’âme, un âne et l’âtre.",
        "Tôi đã ăn cơm. Âm nhạc và ân tình.",
    ],
)
def test_words_spelled_with_a_circumflex_at_their_edge_stay(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "Tanska ruvnâ",  # Inari Sami: Finnish ``Tanska`` is one word of a language
        "US Dawlâ",  # English ``US``
        "de zenâ",  # Walloon: Spanish ``de`` and ``zen``
        "âldingelsk",  # Frisian, alone
        "Ãtartida",  # Nheengatu: ``ß`` would open the sentence small
    ],
)
def test_one_known_word_shows_no_language_a_lone_lead_is_judged_in(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        # Translations of GNOME's catalogs in languages no word list knows.
        "Methu â gosod %s",  # Welsh: ``â`` (with) a word of its own
        "Yr un peth â --no-wintab",  # taken for English by two short words: not sure
        "Peidio â gwirio am fodolaeth index.theme",
        "Colôr dai colegaments no visitâts",  # Friulian, taken for Italian
        "Il titul dal profîl colôr di doprâ",
        "Aplicazion che si pues piturâ",
        "No si è rivâts a assegnâ la memorie",  # ``riv`` and ``ts``: no elision
        "I lavôrs segnâts sono stâts stampâts ben?",
        # ``â`` closing the text after a word a neighbour's list knows, in a
        # text that shows no damage and too few known words to be sure of
        # its language: a letter as likely as a cut mark.
        "Non di destinazion di monitorâ",
        "Selezione cuai gjenars di file mostrâ",
        "pronte par stampâ",
        # A quotation opens before a word, not after ``pass`` (the text's
        # own ``“%s”`` notwithstanding).
        "Impussibil indicâ lis opzions par passâ-sore par ogni scritori pe clâf localizade"
        " “%s” tal scheme “%s” (file par passâ parsore “%s”) e --strict al è stât specificât",
        # The quotation closes after ``nuie``, as the text shows: ``fâ`` is no ``f”``.
        "Liste di gjenars x-content/* stabilîts a “No fâ nuie”",
        # After letters no list knows as a word: ``analiz’`` is no possessive.
        "Impussibil analizâ la puarte ‘%.*s’ tal URI",
        # A catalog's mnemonic: one lead alone, of a script nothing else
        # shows, in a text that shows no mojibake (no Arabic ``و``).
        "Ù_r",
        # English ``’t`` follows a few listed words (``isn’t``), not ``torn``.
        "Il gjenitôr dal atuâl acessibil come tornât di atk_object_get_parent()",
        # Sango writes its plural prefix before a capital; the text writes
        # whole letters with the same accent, and ``ä``, which Vietnamese
        # (guessed for ``ê`` and ``na``) does not.
        "Sên-Vensäan na âGrenadîni",
        "dirâm tî âEmirâti tî Arâbo Ôko",
    ],
)
def test_a_lone_lead_in_text_of_a_language_the_lists_lack_stays(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        # The pieces are words, but the language puts no apostrophe between
        # their letters (``t’t``, ``s’s``): Friulian taken for Catalan, Italian.
        "la unitât no implemente la azion stop",
        "Visâsi dal stât di BlocNum",
    ],
)
def test_no_elision_between_letters_the_language_never_joins_so(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        # Friulian ``tu âs`` (you have), taken for Catalan or Italian: ``“s``
        # would open a quotation that nothing in the line could close.
        "No tu âs avonde permès",
        "Se tu âs dismenteade la password, ${click_here}.",
        "Par mandâ coments tu âs di fâtu ricognossi",
    ],
)
def test_an_opening_quotation_nothing_in_its_line_could_close_stays(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        (
            "He told us âthe bridge is closedâ and left.",
            "He told us “the bridge is closed” and left.",
        ),
        # A quotation opening a paragraph may run on past it.
        (
            "Prvni radek.\nâTito mladíci nakupovali v centru Prahy v těch obchodech.",
            "Prvni radek.\n„Tito mladíci nakupovali v centru Prahy v těch obchodech.",
        ),
    ],
)
def test_an_opening_quotation_closed_later_or_opening_its_line_is_read(
    damaged: str, repaired: str
) -> None:
    assert mojibake_fix.fix(damaged).text == repaired


@pytest.mark.parametrize("clean", ["’", "Привет, мир", "It’s “quoted” — here…"])
def test_a_lowercased_garble_of_signs_shows_no_script_to_read_its_sites_in(clean: str) -> None:
    """Two layers of mojibake, lowercased (``ã¢â‚¬â„¢`` for ``’``), look like
    kana that lost a byte (``ã¢``: ``ぢ``), but the text's whole sequences
    decode to signs that outnumber those letters: no script is shown."""
    garble = clean
    for _ in range(2):  # Windows-1252's undefined bytes dropped, as a decoder may
        garble = garble.encode("utf-8").decode("cp1252", errors="ignore")
    fixed = mojibake_fix.fix(garble.lower()).text
    assert not any("\u3040" <= ch <= "\u30ff" for ch in fixed)


def test_a_lone_lead_after_a_word_the_lists_hold_as_noise_stays() -> None:
    """Spanish lists ``instal`` (Zipf 1.6): no word, and Friulian ``instalâ``
    in a text of Spanish-looking short words keeps its letter."""
    text = "Chest driver al supuarte hardware adizionâl che in câs si pues instalâ te stampadore."
    assert "instalâ te" in mojibake_fix.fix(text).text


@pytest.mark.parametrize(
    "clean",
    [
        "אלוהים נמצא בפרטים הקטנים",
        "שלום עולם",
        "На CPAN опубликована версия 0.01 модуля",
        "Изходната директория (%s) не е директория",
        "Πόλο: Ντέρμπι Εθνικού - Ολυμπιακού",
    ],
)
def test_a_last_letter_that_lost_its_byte_as_others_did_is_read(clean: str) -> None:
    """Windows-1252's undefined bytes dropped: the text lost them before its
    end too, so the lead closing it lost its own the same way where that
    makes a word (``ם`` is ``D7 9D``), rather than being cut."""
    damaged = clean.encode("utf-8").decode("cp1252", errors="ignore")
    assert mojibake_fix.fix(damaged).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "Babaannem her bayram baklava açardı. Şerbetini de kendisi kaynatırdı.",
        "MİLLİ TAKIM AVRUPA ŞAMPİYONASI’NDA ÇEYREK FİNALE YÜKSELDİ.",
        "Iğdır’da hafta sonu sıcaklık 40 dereceyi aştı. Ğ harfi ile başlayan kelime yoktur.",
    ],
)
def test_bytes_windows_1254_leaves_undefined_are_lost_in_turkish(clean: str) -> None:
    """Windows-1254 shows the text as Windows-1252 does but drops ``9E``,
    the last byte of ``Ş`` and ``Ğ``: where the text spells letters only
    Windows-1254 has (``ı``), those bytes may be lost too."""
    damaged = clean.encode("utf-8").decode("cp1254", errors="ignore")
    assert mojibake_fix.fix(damaged).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        # ``Î`` between Greek capitals: ``Ν`` (``CE 9D``) lost its ``9D``.
        "Η ΝΑΥΤΕΜΠΟΡΙΚΗ : ΑΠΟΨΕΙΣ",
        # ``×`` inside a Hebrew word: ``א`` (``D7 90``) lost its ``90``, and
        # no point (``D7 81``) in a text that writes none.
        "זה בפורמאט RSS חדש",
        "יהפך לאנורקסי",
    ],
)
def test_a_lead_glued_inside_a_word_of_another_script_is_a_byte(clean: str) -> None:
    """A letter of another script glued to the text's letters, or a sign
    inside a word of them, in a text of mojibake, is no part of a word."""
    damaged = clean.encode("utf-8").decode("cp1252", errors="ignore")
    assert mojibake_fix.fix(damaged).text == clean


def test_an_elision_between_letters_the_language_joins_so() -> None:
    assert mojibake_fix.fix("NATO isnât just one.").text == "NATO isn’t just one."


@pytest.mark.parametrize(
    ("damaged", "written"),
    [
        ("SlovenÄ\ufffdina", "Slovenčina"),  # alone: Slovak, though no word shows it
        ("Åu", "Åu"),  # a letter and one more: in some list of every language
    ],
)
def test_a_latin_word_no_language_of_the_text_shows_is_looked_up_in_all(
    damaged: str, written: str
) -> None:
    assert mojibake_fix.fix(damaged).text == written


def test_a_word_of_the_language_shown_still_loses_the_mark_cut_after_it() -> None:
    text = "Tein aamiaisen ja kahvia on valmis"
    assert mojibake_fix.fix(text + "â").text == text


@pytest.mark.parametrize(
    "headline",
    [
        "FAST JEDER VIERTE BAUM IST SCHWER GESCHÄDIGT. FÖRSTER FORDERN MEHR GELD FÜR DEN UMBAU.",
        "MII DE SUPORTERI AU SĂRBĂTORIT ÎN PIAȚA UNIVERSITĂȚII PÂNĂ DIMINEAȚA.",
    ],
)
def test_all_caps_headlines_that_lost_every_second_byte_are_judged(headline: str) -> None:
    """Every accented capital of Latin-1 loses its second byte, so no whole
    sequence is left; ``ãd`` and ``Äi`` are in no word of any language."""
    assert mojibake_fix.fix(c1_stripped(headline)).text == headline


@pytest.mark.parametrize(
    "clean",
    [
        "O BRASIL DISSE NÃO. SÃO PAULO, IRMÃ E MÃE.",
        "DANMARK VINDER EM-GULD I HÅNDBOLD PÅ SØNDAG.",
        "ÍSLENSKA LANDSLIÐIÐ TRYGGÐI SÉR SÆTI Á STÓRMÓTI.",
        "DIE LÄNDER SOLLEN BIS ÄPFEL LIEFERN. ÅSE UND ØYSTEIN.",
    ],
)
def test_all_caps_letters_between_neighbours_a_language_writes_stay(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


@pytest.mark.parametrize(
    ("damaged", "written"),
    [
        ("LA TROISIÃME FOIS DâUN COUP DE THÃÂTRE", "LA TROISIÈME FOIS D’UN COUP DE THÉÂTRE"),
        ("UMA âNOITE INESQUECÃVELâ.", "UMA “NOITE INESQUECÍVEL”."),
    ],
)
def test_a_small_lone_a_circumflex_among_capitals_is_a_lost_mark(
    damaged: str, written: str
) -> None:
    """A word in capitals writes ``Â``: a small ``â`` touching it lost its bytes,
    even in French and Portuguese, which write ``â``."""
    assert mojibake_fix.fix(damaged).text == written


# Sentences of languages written without spaces between words (and Korean,
# whose word list holds stems and particles), each with letters whose UTF-8
# holds one of Windows-1252's undefined bytes.
RUN_ON_SENTENCES = [
    "图书馆周末开放到晚上九点，读者可以免费借阅新书。",
    "明天上午十点，市政府将召开新闻发布会。",
    "駅前の図書館は土曜日も午後八時まで開いています。",
    "この店のラーメンはとてもおいしいと評判です。",
    "富士山は二〇一三年に世界文化遺産に登録されました。",
    "「明日は雨が降るでしょう」と気象庁は発表しました。",
    "도서관은 주말에도 저녁 아홉 시까지 문을 엽니다.",
    "내일 오전 열 시에 시청에서 기자회견이 열립니다.",
    "ห้องสมุดเปิดให้บริการทุกวันจนถึงสองทุ่ม",
    "ร้านอาหารแห่งนี้มีก๋วยเตี๋ยวที่อร่อยมาก",
    "พรุ่งนี้จะมีการประชุมที่ศาลากลางจังหวัด",
    "ราคาบ้านในกรุงเทพฯ สูงขึ้นทุกปี หลายคนจึงเลือกเช่าแทนการซื้อบ้านหลังแรก",
    # ``à¸`` and a space: ``ก`` lost its byte before the space, not ``ภ`` (E0 B8 A0).
    "ชื่อนี้ยาวที่สุดในโลก ชื่อนี้มีความยาวถึงร้อยตัวอักษร",
    # ``十`` lost both its continuation bytes: numerals run together.
    "毎年国内外から二十万人以上の登山者が山頂を目指します。",
    # ``そ`` and ``十`` both lost both continuation bytes: two lone leads in a row.
    "事業費はおよそ十二億円と見込まれています。",
    # Near sites judged together, with the letters around decoded past ``—``.
    "渡月橋の周辺は朝早くから人が集まりました。",
    "长城是由城墙、关隘和烽火台组成的防御体系。",
    # Kana that lost a byte, read as the only kana they can be (``ã®`` is
    # ``の``), tell Japanese from Chinese where the characters shown whole
    # are mostly Han; and ``」`` closes a ``「`` opened inside the same run.
    "地元の人は「平日の早朝がおすすめ」と話していました。",
    "主催者は「理科の楽しさを知ってほしい」と話しました。",
    "私たちは毎朝「おはよう」と言います。",
    # ``彼`` is whole (``å½¼``) beside ``ã¯``, which lost a byte: no word.
    "彼は「明日は雨です」と言った。",
    # Four characters in a row that lost a byte each, judged as one run
    # whether the bytes were dropped or marked (``é€?æ¸?æ?¢å¤?``).
    "列车运行逐渐恢复正常。",
]


@pytest.mark.parametrize("clean", RUN_ON_SENTENCES)
@pytest.mark.parametrize("mark", ["", "?", "\ufffd"])
def test_run_on_scripts_get_their_letters_back_from_the_letters_around(
    clean: str, mark: str
) -> None:
    damaged = undefined_lost(clean, mark)
    assert damaged != clean  # bytes were lost
    assert mojibake_fix.fix(damaged).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "東京のcafé、とても人気です。",
        "ポケモンはPokémon、英語でも同じ。",
        "在Zürich和Genève之间有火车。",
        "我喜欢crème brûlée。",
        "김치와 crème brûlée를 먹었다.",
        "パリのcaféでコーヒーを飲んだ",
        "メニュー：café au lait、thé、crêpe",
        "「é」という文字",
        "北京à上海",
    ],
)
def test_latin_letters_beside_run_on_scripts_stay(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "Biologists call this a “camouflage mismatch.”",
        "Hội đồng nói: “Chúng tôi muốn giảm ô nhiễm không khí,” phó chủ tịch nói.",
    ],
)
def test_a_closing_quote_that_lost_its_last_byte(clean: str) -> None:
    damaged = undefined_lost(clean)
    assert damaged.endswith("â€") or "â€ " in damaged
    assert mojibake_fix.fix(damaged).text == clean


def test_bytes_dangling_at_the_end_of_a_text_that_lost_bytes_elsewhere_lost_theirs_too() -> None:
    clean = "ธนาคารออกสินเชื่อสำหรับผู้ซื้อบ้านหลังแรก"
    damaged = undefined_lost(clean)
    assert damaged.endswith("à¸")
    assert mojibake_fix.fix(damaged).text == clean


@pytest.mark.parametrize(
    "clean",
    ["Tôi đã đợi hai giờ, rồi mới về nhà.", "Xe buýt chạy đến 21 giờ trong mùa hè."],
)
def test_vietnamese_letters_whose_last_byte_was_lost_after_a_written_word(clean: str) -> None:
    # ``giờ`` loses 9D and shows ``giá»``: ``giá`` is a word, the ``»`` says it is not this one.
    damaged = undefined_lost(clean)
    assert "giá»" in damaged
    assert mojibake_fix.fix(damaged).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "EL SELECCIONADOR HABLÓ DE «UNA NOCHE HISTÓRICA».",
        "LA GRÈVE PARALYSE L’AÉROPORT DE NANTES : PRÈS D’UN VOL SUR DEUX ANNULÉ.",
        "Le litre coûte 1,90 € à Paris.",
        "Bilet kainuoja 12 €.",
    ],
)
def test_capitals_and_currency_that_lost_their_c1_bytes(clean: str) -> None:
    # ``HABLÃ DE``: after a capital, ``Ã`` and a space are no small ``à``;
    # ``LâAÃROPORT``: the word is judged without its lost mark; ``1,90 â¬``: a
    # currency sign beside its number.
    damaged = c1_stripped(clean)
    assert damaged != clean
    assert mojibake_fix.fix(damaged).text == clean


def test_a_capital_lead_inside_a_small_word_is_a_byte() -> None:
    clean = "Halušky sa posypú opečenou slaninou a podávajú sa so žinčicou."
    assert mojibake_fix.fix(undefined_lost(clean)).text == clean


def test_a_page_that_explains_nearly_all_of_a_text_vouches_for_its_weak_runs() -> None:
    # ``Î¹Î¿`` after the lone ``Ï`` of ``ρ`` is weak alone; CP850 would read
    # ``Î¿`` as a Hebrew letter.
    clean = "Οι φοιτητές διαβάζουν στη βιβλιοθήκη. Το νικητήριο γκολ μπήκε αργά."
    assert mojibake_fix.fix(undefined_lost(clean)).text == clean


def test_an_unknown_inflected_word_is_judged_by_its_known_stem() -> None:
    clean = "Knjižnica je produljila radno vrijeme, a učenici dolaze u čitaonicu svaki dan."
    assert mojibake_fix.fix(c1_stripped(clean)).text == clean


def test_a_lead_the_language_does_not_write_is_a_lost_byte_in_a_text_of_mojibake() -> None:
    # ``Älanarina`` is no word the lists know: the lead, which Croatian does not
    # write, weighs against ``č`` no more than any other reading (``Ä`` stays
    # a letter in clean text: see the tests of letters between neighbours).
    clean = "Knjižnica je obnovljena, a članarina za studente je besplatna."
    assert mojibake_fix.fix(c1_stripped(clean)).text == clean


def test_a_one_letter_word_the_language_does_not_write_is_no_reading() -> None:
    # ``Ã `` could be ``à`` with a lost no-break space, and wordfreq's Icelandic
    # list holds ``à`` as noise; Icelandic writes ``Í``, ``Á``, ``Ý`` there.
    damaged = undefined_lost("Aðgangur er ókeypis. Í lestrarsölum er einnig þráðlaust net.")
    readings = [finding.replacement for finding in find(damaged)]
    assert "à" not in readings and readings


@pytest.mark.parametrize(
    "clean",
    [
        "TÜRKİYE İLK MAÇINDA GÜÇLÜ BİR RAKİBE KARŞI ÖNEMLİ BİR GALİBİYET ALDI.",
        "Ankara’dan İzmir’e giden tren, arıza nedeniyle iki saat gecikti.",
    ],
)
def test_turkish_words_are_looked_up_with_their_dotted_and_dotless_i(clean: str) -> None:
    # ``İ`` is the capital of ``i`` in Turkish: ``ÖNEMLİ`` is ``önemli``,
    # not Python's ``önemli̇``.
    assert mojibake_fix.fix(c1_stripped(clean)).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "Valmentaja kutsui ottelua ”uransa hienoimmaksi illaksi” lehdistötilaisuudessa.",
        "Förbundskaptenen kallade det ”karriärens största kväll” efter matchen.",
        "Izbornik je utakmicu nazvao „najvažnijom u karijeri” nakon pobjede.",
        "Trener nazwał mecz „najważniejszym w karierze” po zwycięstwie.",
    ],
)
def test_lost_quotes_take_the_language_s_own_marks(clean: str) -> None:
    # Finnish and Swedish open and close with ``”``; Croatian and Polish
    # close ``„`` with ``”``.
    assert mojibake_fix.fix(c1_stripped(clean)).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "Det var ikke noget at tale om, men vi ventede til…",
        "Il a mangé d’un œuf et d’un pain, puis il est parti.",
        "Qu’il vienne demain, s’il veut, et qu’on en parle.",
        "Oggi c’è il sole a Roma e domani c’è il mare.",
        # Welsh, which no list knows, writes ``â``; not before ``¦``, though.
        "Croeso i Gymru, gwlad yr Iâ a bryniau gwyrdd…",
        "Mae tywydd braf yn y gogledd heddiw, ond bydd glaw yfory…",
    ],
)
def test_marks_inside_and_after_words_that_lost_their_middle_byte(clean: str) -> None:
    # ``tilâ¦`` at the end is ``…`` that lost its middle byte: no cut
    # character starts with E2 A6. ``dâun``: wordfreq lists ``d`` and ``un``
    # apart, so the elision ``d’un`` is judged by its pieces.
    assert mojibake_fix.fix(c1_stripped(clean)).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "Vasara bija silta. Tā ir mana mīļākā atmiņa no bērnības.",
        "Registrace stojí 80 Kč ročně a vstup je zdarma.",
    ],
)
def test_a_capital_and_a_lost_letter_is_a_capitalised_word_in_small_text(clean: str) -> None:
    # ``TÄ`` in running text is ``Tā``, not ``TĀ``; ``KÄ`` is ``Kč``.
    assert mojibake_fix.fix(c1_stripped(clean)).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "Il bâille et lâche un mot, puis mâche son pain.",
        "Tôi thích màu nâu và cây lâu năm.",
        "Mâine mergem la mâncare cu prietenii.",
        "Kâğıt hâlâ burada, dâhil olan her şey.",
        "Ele é africâner e mora em Pretória.",
        "Wenn Ä·Ü ein Zeichen ist, bleibt es.",
        # A name alone tells no language: its pieces around ``â`` being
        # English words (``it``, ``nia``) make no elision.
        "Itânia",
        "Jesuânia",
        "Sâo",
        # Nor does an elision the lists hold as rarely as ``’s`` after any
        # stem (English ``abc's``, ``macy's``: Zipf 3), in a text whose
        # language no two words show: Friulian and Arpitan names.
        "Abcâs",
        "Payis-Bâs",
        "Macyâs",
    ],
)
def test_a_circumflex_inside_written_words_stays(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


@pytest.mark.parametrize(
    ("damaged", "clean"),
    [
        ("Itâs", "It’s"),
        ("Americaâs", "America’s"),
        ("donât", "don’t"),
        ("I went to Macyâs today.", "I went to Macy’s today."),
    ],
)
def test_an_apostrophe_in_a_word_alone_is_read_where_the_word_is_listed(
    damaged: str, clean: str
) -> None:
    assert mojibake_fix.fix(damaged).text == clean


def test_later_passes_judge_the_damage_the_text_showed_before_repairs() -> None:
    # Once the first pass decodes every whole sequence, no Windows-1252
    # character is left to tell that only the undefined bytes were lost: the
    # lone ``×`` of ``ם`` (``D7 9D``) is still judged among those five.
    clean = "התלמידים הגיעו לספרייה כדי ללמוד למבחנים."
    assert mojibake_fix.fix(undefined_lost(clean)).text == clean


def test_a_symbol_between_mojibake_of_letters_is_a_lost_letter() -> None:
    # ``˜×`` ends ``ט``: decoded, the lone ``×`` stands between letters, not
    # apart from words as the multiplication sign does (``3×4``).
    clean = (
        "בעכו העתיקה מתקיים בכל סתיו פסטיבל תיאטרון אלטרנטיבי. ההצגות מועלות באולמות"
        " צלבניים ובסמטאות העיר. הכרטיסים נמכרים במהירות, ולכן כדאי להזמין מראש."
    )
    assert mojibake_fix.fix(undefined_lost(clean)).text == clean
    assert mojibake_fix.fix("ΤΟ ΕΜΒΑΔΟΝ ΕΙΝΑΙ 3×4 = 12.").text == "ΤΟ ΕΜΒΑΔΟΝ ΕΙΝΑΙ 3×4 = 12."


def test_a_word_that_lost_more_letters_than_it_shows_is_left_and_reported() -> None:
    # All-caps Serbian with C1 stripped: ``НАЈВАЖНИЈОМ`` is eleven lone ``Ð``
    # that no list knows; a reading letter by letter would be a guess.
    damaged = c1_stripped("СЕЛЕКТОР ЈЕ УТАКМИЦУ НАЗВАО „НАЈВАЖНИЈОМ У КАРИЈЕРИ“.")
    word = damaged.split("â")[1].split()[0]
    assert len(word) == 11 and set(word) == {"Ð"}
    assert word in mojibake_fix.fix(damaged).text


def test_a_whole_text_of_windows_1252_outranks_iso_8859_15_on_its_weak_runs() -> None:
    # ``Ãš`` is ``Ú`` in Windows-1252 and ``è`` in ISO-8859-15; the stretches
    # Windows-1252 reads for sure count for it, so the capital word keeps its
    # capital.
    clean = (
        "SLOVENSKÍ HOKEJISTI ZDOLALI FÍNSKO A POSTUPUJÚ DO SEMIFINÁLE. V ULICIACH KOŠÍC A "
        "ŽILINY OSLAVOVALI TISÍCE FANÚŠIKOV. TRÉNER HOVORIL O „NAJKRAJŠOM VEČERI KARIÉRY“."
    )
    assert "POSTUPUJÚ" in mojibake_fix.fix(undefined_lost(clean)).text


@pytest.mark.parametrize(
    "clean",
    [
        "I love it ❤️ so much.",
        "Tea ☕️ time, ⚽️ at noon and ☀️ all day!",
        "Flugið ✈️ fór frá Keflavík í morgun.",
        "Το πλοίο ⛴️🌊 έφυγε νωρίς.",
        "Best day ever ❤️",
        "Sol y playa todo el día ☀️",
    ],
)
def test_an_emoji_and_its_variation_selector_that_lost_undefined_bytes(clean: str) -> None:
    # ``❤️`` is ``E2 9D A4 EF B8 8F``: Windows-1252 leaves ``9D`` and ``8F``
    # undefined, and the web shows ``â¤ï¸``. The selector asks for the picture
    # of the emoji before it, which is how both are read, also where it
    # closes the text and ``ï¸`` could be a character cut short.
    damaged = undefined_lost(clean)
    assert "ï¸" in damaged
    assert mojibake_fix.fix(damaged).text == clean


@pytest.mark.parametrize("clean", ["Le côté ï de naïve¸ reste.", "Tiếng Việt: ï, ¸ và ❤ riêng."])
def test_a_variation_selector_is_no_reading_away_from_an_emoji(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "Ele disse: “A casa é nossa, vamos dormir”, e saiu.",
        "Dedi ki “Bu iş bizi yakınlaştıracak,” ve gitti.",
        "Ankara’dan Iğdır’a, oradan da Iğdır’dan Van’a gittik.",
    ],
)
def test_a_lost_mark_in_a_language_that_writes_a_circumflex(clean: str) -> None:
    # Portuguese and Turkish write ``â``, but not before a capital (``âA``),
    # nor touching no letter (``,â ``), nor after a whole word before a
    # suffix (``Iğdırâda`` is ``Iğdır’da``).
    assert mojibake_fix.fix(c1_stripped(clean)).text == clean


@pytest.mark.parametrize(
    ("damaged", "clean"),
    [
        ("Il a dit âBonjourâ à la fenêtre", "Il a dit “Bonjour” à la fenêtre"),
        ("La forêt âNoireâ est belle", "La forêt “Noire” est belle"),
    ],
)
def test_a_lost_quote_before_a_capital_beside_whole_circumflexes(damaged: str, clean: str) -> None:
    # Only the quotation marks lost their bytes; the text's language is
    # known and writes ``ê`` whole, but no ``â`` before a capital.
    assert mojibake_fix.fix(damaged).text == clean


@pytest.mark.parametrize("clean", ["Il a bâti un château â côté.", "pages 10 â 20 of the âge"])
def test_a_lone_circumflex_in_text_without_mojibake_stays(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


def test_a_lost_closing_quote_and_a_lost_dash_a_space_apart_are_judged_apart() -> None:
    # ``knakâ â``: the space may be a no-break space of the first mark, but
    # read as a space it parts a closing quote from a dash.
    clean = "A polgármester szerint „ez a park a városlakóknak” – mondta tegnap."
    assert mojibake_fix.fix(c1_stripped(clean)).text == clean


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Powiedział „tak" + c1_stripped("”") + " i wyszedł.", "Powiedział „tak” i wyszedł."),
        ("Sie sagte „ja" + c1_stripped("“") + " und ging.", "Sie sagte „ja“ und ging."),
    ],
)
def test_an_intact_low_opening_quote_closes_as_its_language_does(text: str, expected: str) -> None:
    assert mojibake_fix.fix(text).text == expected


@pytest.mark.parametrize(
    ("clean", "damaged_by"),
    [
        ("The train from Malmö was late again. 🚆 Services resume on Friday.", c1_stripped),
        ("El tren de Madrid llegó con dos horas de retraso. 🚆 Pidieron disculpas.", c1_stripped),
        (
            "Le train pour Lyon avait une heure de retard. 🚆 Les voyageurs ont attendu.",
            undefined_lost,
        ),
        ("O trem para o Porto atrasou duas horas. 🚆 A CP pediu desculpa.", undefined_lost),
        ("我们学校的篮球队获得了冠军！🏀 校长很高兴。", undefined_lost),
        (
            "Our team won the regional basketball final! 🎉🏀 The players were cheered.",
            undefined_lost,
        ),
        ("Наша команда выиграла первенство по волейболу! 🎉🏐 Игроков встретили.", undefined_lost),
        ("Il treno per Roma è partito con un’ora di ritardo. 🚆 Ci scusiamo.", undefined_lost),
        ("Pociąg do Poznania był opóźniony o godzinę. 🚆 Przewoźnik przeprasza.", c1_stripped),
        # Only quotation marks, which lost two bytes each, show the damage.
        ("The train was “late” again. 🚆 Services resume on Friday.", c1_stripped),
        # Closing the text, where dangling bytes could be a character cut short.
        ("Our team won the basketball final in Malmö 🏀", c1_stripped),
        ("Финал по волейболу выиграли мы 🏐", undefined_lost),
    ],
)
def test_an_emoji_that_lost_its_bytes_is_the_one_the_text_speaks_of(
    clean: str, damaged_by: Callable[[str], str]
) -> None:
    # ``🚆`` is ``F0 9F 9A 86``: with C1 controls stripped only ``ð`` is
    # left, over a thousand emoji agree with it; ``🏀`` (``F0 9F 8F 80``) and
    # ``🍀`` (``F0 9F 8D 80``) each lose an undefined byte to the same
    # ``ðŸ€``. The one the text names, in its language or English, is read.
    damaged = damaged_by(clean)
    assert "ð" in damaged
    assert mojibake_fix.fix(damaged).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        # ``аплаузом`` names 👏, which is no candidate of ``ðŸ``; ``одбојци``
        # names 🏐 only read more loosely (``одбојку``).
        "Наш тим освојио је првенство у одбојци! 🎉🏐 Играчице су дочекане аплаузом.",
        # Estonian reads as another language; its own names are asked last,
        # whole words (``tuli``, fire: 🔥) before inflected ones (``võrkpall``).
        "Meie meeskond võitis võrkpallis! 🎉🏐 Otsustav punkt tuli viimasel hetkel.",
    ],
)
@pytest.mark.parametrize("mark", ["", "?", "\ufffd"])
def test_an_emoji_is_named_by_the_strictest_reading_that_names_one_it_can_be(
    clean: str, mark: str
) -> None:
    assert mojibake_fix.fix(undefined_lost(clean, mark)).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "What a game! 🎉 We played until dark in the café.",  # no word names an emoji
        "Nous avons gagné ! 🍀 Quelle chance, écrit-elle.",  # nor 🍀 here
        "Мы выиграли! 🐀 Такого ещё не было.",
        "The train was late again. 🚆 Services resume on Friday.",  # no other mojibake
    ],
)
def test_an_emoji_the_text_does_not_name_is_left_as_it_came(clean: str) -> None:
    # Without whole sequences of mojibake elsewhere a lone ``ð`` may be the
    # letter eth: an emoji is read only where the text shows damage too.
    damaged = c1_stripped(clean)
    assert mojibake_fix.fix(damaged).text.count("ð") == damaged.count("ð")


@pytest.mark.parametrize(
    "clean",
    [
        "Við spiluðum basketball í gær og fórum með train til Reykjavíkur. Blóð ð og Ð.",
        "Eg fór við train til Havnar, ð er ein bókstavur í føroyskum.",
        "The letter ð (eth) is no train; nor is Ð, its capital.",
        "Ég sá lestina (train) og blóð ð ð.",
        "In câine and the train, Romanian and Icelandic (ð) sound nothing alike.",
    ],
)
def test_an_eth_among_emoji_names_in_clean_text_stays(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "كيف حالك اليوم يا صديقي العزيز",  # ``ف`` (D9 81) before a space
        "يقع المنزل في الطرف الشرقي من المدينة القديمة",
    ],
)
def test_a_letter_that_lost_its_byte_before_a_space_is_no_arabic_zero(clean: str) -> None:
    # ``Ù`` and a space would be ``٠`` (D9 A0) had a no-break space become a
    # space; between letters it is ``ف`` that lost its undefined ``81``.
    assert mojibake_fix.fix(undefined_lost(clean)).text == clean


@pytest.mark.parametrize(
    "clean",
    ["وصل ٢٠٠ شخص في عام ٢٠١٠ إلى المدينة", "الرقم ٠ والرقم ١٠ و٠٥", "عام ١٩٩٠"],
)
def test_arabic_zeros_whose_no_break_space_became_a_space_come_back(clean: str) -> None:
    assert mojibake_fix.fix(nbsp_spaced(clean)).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "الذي يُصرِّف البرامج المكتوبة بلغة برمجة الى لغة الالة",
        "وتُعرَف المدينة بأسواقها القديمة ومساجدها الجميلة",
        "يُعد هذا الكتاب مرجعاً مهماً للطلاب في الجامعة",
    ],
)
def test_lost_arabic_vowel_marks_are_not_read_as_letters(clean: str) -> None:
    # The damma and kasra (``D9 8F``, ``D9 90``) lose their undefined bytes;
    # ``Ù`` alone is then ``ف`` (``D9 81``) or one of the marks, which the
    # word lists leave out: which mark, they cannot tell, and no letter the
    # text lacks may stand in for one.
    result = mojibake_fix.fix(undefined_lost(clean))
    letters = Counter(ch for ch in result.text if "\u0621" <= ch <= "\u064a")
    assert letters <= Counter(ch for ch in clean if "\u0621" <= ch <= "\u064a")
    for finding in result.findings:
        scores = {candidate.text: candidate.score for candidate in finding.alternatives}
        if "\u064f" in scores:
            assert scores["\u064f"] == scores["\u0650"]  # damma or kasra: a tie


@pytest.mark.parametrize("clean", ["そして彼は帰った。", "それは良い考えだと思います。"])
def test_a_lead_that_lost_both_bytes_at_the_start_of_a_text_is_judged(clean: str) -> None:
    # ``そ`` is ``E3 81 9D``: both its continuation bytes are undefined in
    # Windows-1252, and the text starts with ``ã`` alone.
    damaged = undefined_lost(clean)
    assert damaged.startswith("ãã")
    assert mojibake_fix.fix(damaged).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "Akkadysk, Aragoneesk, âldingelsk, Sûd-Altaïsk",  # Frisian: â beside û, ï
        "Afegãniretãma, Ãtigua asuí Babuda, Ãgura",  # Nheengatu: Ã beside ã
        "Namibia, Uđđâ-Kaledonia, Taažâ, Nepal",  # Inari Sámi: đ, no byte of UTF-8
    ],
)
def test_a_lead_like_the_letters_a_clean_text_writes_is_one_of_them(clean: str) -> None:
    # Languages the lists do not know: what tells is the text's own letters.
    assert mojibake_fix.fix(clean).text == clean


@pytest.mark.parametrize("unit", ["Ã a", "Ã\u0301", "Ð"])
def test_the_words_of_a_long_run_of_sites_are_read_in_bounded_windows(
    unit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each site reads its word within a bounded reach, so the characters
    # read grow with the text, not with its square (counted, never timed).
    from mojibake_fix.detectors.lossy_utf8 import dictionary

    reads = 0
    is_token_char = dictionary._is_token_char

    def counted(text: str, index: int) -> bool:
        nonlocal reads
        reads += 1
        return is_token_char(text, index)

    monkeypatch.setattr(dictionary, "_is_token_char", counted)
    counts = []
    for n in (150, 600):
        reads = 0
        mojibake_fix.fix(unit * n)
        counts.append(reads)
    assert counts[1] <= 6 * counts[0]


def _items_of_external_text(count: int) -> list[str]:
    """Short UI strings of Sphinx's catalogs whose UTF-8 holds no byte that
    stripping C1 controls removes: only the marks put beside them are damaged."""
    from mojibake_fix import external

    items: list[str] = []
    for message in external.sphinx_messages():
        text = message.text.strip()
        first = text.split(" ", 1)[0]
        if not (8 <= len(text) <= 60 and " " in text and first.isalpha() and "\n" not in text):
            continue
        if any(0x80 <= byte <= 0x9F for byte in text.encode("utf-8")) or text in items:
            continue
        items.append(text)
        if len(items) == count:
            break
    return items


def _stripped_of_c1(text: str) -> str:
    """``text`` read as Latin-1 from its UTF-8, with the C1 controls deleted."""
    return re.sub("[\x80-\x9f]", "", text.encode("utf-8").decode("latin-1"))


def test_a_damaged_bullet_or_trademark_is_read_by_its_place() -> None:
    """``â¢`` is ``•`` or ``™`` once C1 controls are stripped: a bullet
    before a list item, a trademark sign right after a name."""
    items = _items_of_external_text(60)
    assert len(items) == 60
    lists = ["\n".join(f"• {item}" for item in items[i : i + 3]) for i in range(0, 60, 3)]
    marked = [item.replace(" ", "™ ", 1) for item in items]
    for texts in (lists, marked):
        right = sum(mojibake_fix.fix(_stripped_of_c1(text)).text == text for text in texts)
        assert right >= 0.9 * len(texts), (right, len(texts))


@pytest.mark.parametrize(
    "clean",
    [
        # Lines of chardet's Russian test pages: a short word that kept its
        # bytes (``в``) among words that lost some.
        "Template Toolkit - шаблоны в perl",
        "Inline::TT - включение шаблонов в скрипт",
    ],
)
def test_a_whole_short_word_among_words_that_lost_bytes_is_read_with_them(clean: str) -> None:
    # The leads left alone beside the page's whole sequences are the same
    # damage: they neither count for the page nor against it.
    assert mojibake_fix.fix(c1_stripped(clean)).text == clean


def test_leads_beside_a_run_do_not_make_clean_latin_text_mojibake() -> None:
    clean = "Señor Ñandú vive en España; NIÑO Ñ, Århus Ø, È Ä Ü."
    assert mojibake_fix.fix(clean).text == clean
