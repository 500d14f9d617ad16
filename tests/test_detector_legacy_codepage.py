"""The legacy-code-page detector: Windows-125x and KOI8 text read as Windows-1252."""

from __future__ import annotations

import re
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mojibake_fix
from mojibake_fix.detectors import DETECTORS
from mojibake_fix.detectors.legacy_codepage import LEGACY_CODEPAGE, find_legacy, trigger
from mojibake_fix.engine import fix_with, plan_for

from .conftest import load_script

ONLY_THIS = (LEGACY_CODEPAGE,)

SENTENCES: dict[str, list[str]] = {
    "cp1251": [
        "Привет, мир! Как у тебя дела сегодня?",
        "Вчера вечером в городе прошёл сильный дождь.",
        "Правительство объявило о новых мерах поддержки семей.",
        "Мы долго гуляли по старому парку у реки.",
        "Україна та Польща підписали нову угоду про співпрацю.",
        "Сьогодні в Києві тепло і сонячно.",
        "Българското правителство одобри новия бюджет за следващата година.",
        "Београд је главни град Србије и највећи град у земљи.",
    ],
    "koi8-r": [
        "Привет, как дела?",
        "Москва является столицей России.",
        "Завтра будет холодно и пойдёт снег.",
        "Библиотека работает до восьми часов вечера.",
        "Он прочитал эту книгу за два дня.",
    ],
    "cp1250": [
        "Wczoraj wieczorem poszliśmy z żoną na spacer nad rzekę.",
        "Łódź jest trzecim co do wielkości miastem w Polsce.",
        "Wczoraj byłem w sklepie i kupiłem chleb.",
        "Przyjaciele spotkali się w małej kawiarni na rynku.",
        "Včera večer jsme šli do divadla a pak na večeři.",
        "Zítra bude v Praze teplo a slunečno, řekl meteorolog.",
        "Jutro će biti sunčano i toplo u cijeloj zemlji.",
        "A kormány szerint a gazdaság jövőre gyorsabban fog nőni, mint az idén.",
        "Tegnap délután erős szél fújt, és több fa kidőlt a főváros utcáin.",
    ],
    "cp1253": [
        "Καλημέρα κόσμε, τι κάνεις;",
        "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία.",
        "Αύριο θα βρέξει στην Αθήνα.",
        "Το καλοκαίρι πηγαίνουμε πάντα στη θάλασσα.",
        "Ο δήμαρχος μίλησε στους δημοσιογράφους χθες το βράδυ.",
    ],
    "cp1254": [
        "Türkiye'nin en büyük şehri İstanbul, boğazın iki yakasına yayılır.",
        "Bugün hava çok güzel, dışarı çıkıp yürüyüş yapalım.",
        "Öğrenciler sınavdan sonra bahçede buluştu.",
        "Geçen yıl ağaçların çoğu kışın kurudu.",
        "Şirket yeni ürününü gelecek ay tanıtacağını açıkladı.",
    ],
    "cp1255": [
        "שלום עולם, מה שלומך היום?",
        "הממשלה אישרה את התקציב החדש.",
        "מחר יהיה חם מאוד בתל אביב.",
        "הילדים שיחקו בגן עד הערב.",
        "הספר החדש שלו יצא לאור בשבוע שעבר.",
    ],
    "cp1257": [
        "Lietuvos žmonės šiandien švenčia valstybės dieną.",
        "Lietuvos Respublikos Seimas priėmė įstatymą dėl žemės ūkio paramos.",
        "Šiandien Vilniuje vyks didelis koncertas, į kurį atvyks tūkstančiai žiūrovų.",
        "Rīgā šodien ir silts un saulains laiks.",
        "Latvijas valdība apstiprināja jauno budžetu nākamajam gadam.",
    ],
}

CASES = [(page, sentence) for page, sentences in SENTENCES.items() for sentence in sentences]


def misread(text: str, page: str) -> str:
    """``text`` saved in ``page`` and opened as Windows-1252."""
    return text.encode(page).decode("sloppy-windows-1252")


@pytest.mark.parametrize(("page", "sentence"), CASES)
def test_repairs_legacy_text(page: str, sentence: str) -> None:
    broken = misread(sentence, page)
    assert broken != sentence
    result = fix_with(broken, ONLY_THIS, 0.6)
    assert result.text == sentence
    assert result.revert() == broken
    assert all(change.detector == "legacy-codepage" for change in result.changes)


@pytest.mark.parametrize(("page", "sentence"), CASES)
def test_trigger_matches_every_repaired_text(page: str, sentence: str) -> None:
    assert re.search(trigger(), misread(sentence, page))


def test_whole_pipeline_repairs_cyrillic() -> None:
    assert mojibake_fix.fix("Ïðèâåò, ìèð").text == "Привет, мир"
    assert mojibake_fix.fix("ðÒÉ×ÅÔ, ÍÉÒ").text == "Привет, мир"


def test_a_text_read_whole_in_one_page_is_that_reading_alone() -> None:
    # KOI8-R's ``Б`` is Latin-1's ``â``: the reading of the whole text says
    # so, where the readers of lost UTF-8 bytes saw a quotation mark cut short.
    text = "æÏÒÕÍÙ Template Toolkit : âÉÂÌÉÏÔÅËÉ ÄÌÑ ÒÁÂÏÔÙ Ó ÛÁÂÌÏÎÁÍÉ × Perl"
    result = mojibake_fix.fix(text)
    assert result.text == "Форумы Template Toolkit : Библиотеки для работы с шаблонами в Perl"
    assert {change.detector for change in result.changes} == {"legacy-codepage"}
    # One change per run of characters beyond ASCII, as a reading of a whole text makes.
    assert [change.original for change in result.changes][:3] == ["æÏÒÕÍÙ", "âÉÂÌÉÏÔÅËÉ", "ÄÌÑ"]
    assert result.revert() == text


def test_only_the_broken_span_changes() -> None:
    text = "The title was «Ïðåñòóïëåíèå è íàêàçàíèå», a novel by Dostoevsky."
    result = fix_with(text, ONLY_THIS, 0.6)
    assert result.text == "The title was «Преступление и наказание», a novel by Dostoevsky."
    (change,) = result.changes
    assert change.original == "Ïðåñòóïëåíèå è íàêàçàíèå"


def test_finding_names_code_page_and_language() -> None:
    (finding,) = find_legacy(misread("Москва является столицей России.", "koi8-r"))
    assert "KOI8" in finding.reason
    assert "(ru)" in finding.reason
    assert finding.confidence >= 0.6
    assert finding.alternatives[0].text == finding.replacement


def test_one_word_of_two_letters_is_not_enough() -> None:
    findings = list(find_legacy("îò"))
    assert findings and all(f.confidence < 0.6 for f in findings)


@pytest.mark.parametrize(
    "broken, expected",
    [("Íåóñïîðèì Êðàë", "Неуспорим Крал"), ("Ïðàâèëà çà ïóáëèêèâàíå?", "Правила за публикиване?")],
)
def test_a_short_title_no_western_language_writes_is_read(broken: str, expected: str) -> None:
    """Titles of a page of chardet's Bulgarian set: few words, but no
    Western reading comes near the Windows-1251 one."""
    result = mojibake_fix.fix(broken)
    assert result.text == expected
    assert result.revert() == broken


@pytest.mark.parametrize(
    "broken, expected", [("àú", "את"), ("ùì", "של"), ("íà", "на"), ("äëÿ", "для")]
)
def test_one_of_the_commonest_words_alone_is_read(broken: str, expected: str) -> None:
    """wordfreq's commonest words, one a text, in Windows-1255 and -1251 read
    as Windows-1252: one word, but one that chance seldom makes."""
    assert mojibake_fix.fix(broken).text == expected


def test_two_pages_that_read_a_short_word_as_well_share_the_confidence() -> None:
    """``îä`` is Macedonian ``од`` and Hebrew ``מה``, both among their
    languages' commonest words: reported with both, not applied."""
    result = mojibake_fix.fix("îä")
    assert result.changes == ()
    [finding] = result.findings
    assert {"од", "מה"} <= {candidate.text for candidate in finding.alternatives}


@pytest.mark.parametrize(
    "broken, expected",
    [
        (
            "Ôîðóìû Template Toolkit : Ðàáîòà ñ Template Toolkit",
            "Форумы Template Toolkit : Работа с Template Toolkit",
        ),
        ("çàìåíà òî÷êè â _templates è ò. ï.", "замена точки в _templates и т. п."),
    ],
)
def test_english_words_among_the_misread_ones_count_for_both_readings(
    broken: str, expected: str
) -> None:
    """Names of chardet's Russian pages: an English name reads the same as
    the text stands and in its repair, and does not hold the repair back."""
    assert mojibake_fix.fix(broken).text == expected


CLEAN = [
    "Ça été très élevé, naïve façade, déjà vu à côté du château.",
    "Þórður og Guðrún fóru á ströndina í gær með börnunum sínum.",
    "ÉCOLE NATIONALE SUPÉRIEURE DES BEAUX-ARTS",
    "Åse Øye bor i Tromsø og går på skøyter hver vinter.",
    "Tiếng Việt là ngôn ngữ chính thức của Việt Nam, tôi yêu nó.",
    "İstanbul'da ışık, ağaç ve çiçek; Iğdır ile Şırnak.",
    "L'haÿ-les-Roses et Louÿs, crème brûlée, cœur, sœur, œuvre.",
    "Größenänderung der Straßenbahn über Müllers Brücke.",
    "¿Dónde está el niño? ¡Qué año tan extraño! Nº 5, 1ª planta.",
    "São Paulo e as ações das instituições põem o país à prova.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "Zażółć gęślą jaźń w Łodzi.",
    "Árvíztűrő tükörfúrógép és őszi szüret.",
    "Eesti jõululauale kõrvale pakutakse pohlamoosi ja õunu.",
    "Të gjithë në Shqipëri flasin shqip dhe një gjuhë tjetër.",
    "Привет, мир! Как дела?",
    "Καλημέρα κόσμε, τι κάνεις;",
    "שלום עולם, מה שלומך?",
    "مرحبا بالعالم، كيف حالك؟",
    "東京は日本の首都です。北京是中国的首都。",
    "สวัสดีครับ ยินดีต้อนรับ",
    "Emoji 😀🎉👍🏽 and math ∑ ∫ √ ≤ ≥ ± × ÷ ½ ¼ ¾ m² km³ 5µm 90°.",
    "Ângela e João foram a SÃO PAULO com a IRMÃ; Âme is a perfume.",
    "Footnote¹ and reference² with price 10 € and © ® ™ §3 ¶2.",
    "Lietuva, Latvija ir Eesti: žmonės, cilvēki, inimesed.",
    "Türkçe: güzel, büyük, çocuk, öğretmen, üzüm.",
    "Faroese: Tórshavn er høvuðsstaðurin í Føroyum.",
    "Català: l'església, col·lecció, països, què, així.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_gets_no_confident_finding(text: str) -> None:
    assert all(f.confidence < 0.6 for f in find_legacy(text))
    assert fix_with(text, ONLY_THIS, 0.6).text == text


@pytest.mark.parametrize("text", CLEAN)
def test_whole_pipeline_leaves_clean_text(text: str) -> None:
    assert mojibake_fix.fix(text).text == text


@pytest.mark.parametrize("text", ["cafÃ©", "Ã©tÃ© Ã  la plage", "Ã‰COLE Ã©lÃ¨ve", "naÃ¯ve"])
def test_utf8_mojibake_is_left_to_the_utf8_detectors(text: str) -> None:
    assert all(f.confidence < 0.6 for f in find_legacy(text))


def test_registered() -> None:
    assert LEGACY_CODEPAGE in DETECTORS
    assert LEGACY_CODEPAGE.id == "legacy-codepage"


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(min_codepoint=0x20, max_codepoint=0x17F),
            st.characters(),
            st.sampled_from(["\x00", "\ud800", "\udfff", "\n", " ", "\x9d"]),
        )
    )
)
def test_never_raises(text: str) -> None:
    for finding in find_legacy(text):
        assert 0 <= finding.start < finding.end <= len(text)
        assert 0.0 <= finding.confidence <= 1.0


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(CASES), st.text(alphabet=" .,;:!?0123456789", max_size=5))
def test_findings_map_back_to_the_input(case: tuple[str, str], padding: str) -> None:
    page, sentence = case
    broken = padding + misread(sentence, page) + padding
    for finding in find_legacy(broken):
        assert finding.replacement is not None
        assert len(finding.replacement) == finding.end - finding.start


def test_legacy_alphabets_are_what_their_script_makes() -> None:
    script = load_script("make_legacy_alphabets")
    assert Path(script.TARGET).read_text(encoding="utf-8").splitlines() == script.alphabets()


@pytest.mark.parametrize(
    "text",
    [
        # Estonian ``õ`` before a consonant, in a line with ``ä``, which Hungarian
        # (``ő`` in Windows-1250 is ``õ`` in Windows-1252) does not write, and
        # no known Hungarian word either.
        "Vanaema küpsetas igal pühapäeval rabarberikooki ja keetis musta sõstra moosi.",
        "Meie meeskond võitis maakonna meistrivõistlused ja pääses edasi.",
        "Pour préparer une bonne pâte à crêpes, mélangez la farine et les œufs.",  # ``êp``
        # Hungarian letters only, but no page makes a known word of ``tõttu``.
        "Rong Tartust Tallinna hilines rikke tõttu peaaegu kaks tundi.",
    ],
)
def test_telltale_pairs_in_a_line_no_legacy_language_writes_do_not_wake(text: str) -> None:
    plan = plan_for(disable=frozenset(d.id for d in DETECTORS if d.id != LEGACY_CODEPAGE.id))
    assert plan.scan.looks_clean(text)
    assert list(find_legacy(text)) == []
    assert mojibake_fix.fix(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "Az első időszakban a főváros több kerületében is erős szél fújt.",  # only ő and ű tell
        "Fransızca, Almanca, Yunanca, Rusça, Çince, Arapça veya Portekizce",
    ],
)
def test_telltale_pairs_in_a_line_a_legacy_language_writes_still_wake(text: str) -> None:
    page = "cp1250" if "ő" in text else "cp1254"
    broken = misread(text, page)
    assert re.search(trigger(), broken)
    assert mojibake_fix.fix(broken).text == text


@pytest.mark.parametrize(
    "text",
    [
        "Najvyšší objem dane z príjmov",  # Slovak: ``šší``
        "Hvað þýðir þetta orð?",  # Icelandic: ``þýð``
        "Küçük bir ev",  # Turkish: ``üçü``
    ],
)
def test_three_high_letters_in_a_listed_word_do_not_wake(text: str) -> None:
    plan = plan_for(disable=frozenset(d.id for d in DETECTORS if d.id != LEGACY_CODEPAGE.id))
    assert plan.scan.looks_clean(text)
    assert mojibake_fix.fix(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "Több mint száz éééé",
        "pedig jóóóó lett volna",
        "¡Sííí! ¡Qué bien!",
        "Noooo, c'est trop bien àààà demain",
    ],
)
def test_a_word_drawn_out_does_not_wake(text: str) -> None:
    # One letter three times and more is emphasis, no page's reading of a word.
    plan = plan_for(disable=frozenset(d.id for d in DETECTORS if d.id != LEGACY_CODEPAGE.id))
    assert plan.scan.looks_clean(text)
    assert mojibake_fix.fix(text).text == text


def test_three_high_letters_in_no_listed_word_still_wake() -> None:
    plan = plan_for(disable=frozenset(d.id for d in DETECTORS if d.id != LEGACY_CODEPAGE.id))
    broken = misread("это текст", "cp1251")  # ``ýòî òåêñò``
    assert not plan.scan.looks_clean(broken)
    assert mojibake_fix.fix(broken).text == "это текст"


def test_one_letter_repeated_is_no_known_word() -> None:
    # Hebrew whose second bytes were stripped shows rows of ``×``, which KOI8
    # reads as ``ввв``: web word lists hold such strings, they prove nothing.
    from mojibake_fix.detectors.legacy_codepage import _frequency

    assert _frequency("ввв", "uk") == _frequency("вв", "ru") == 0.0
    assert _frequency("в", "ru") > 0.0 and _frequency("вода", "ru") > 0.0


def test_a_latin_1_letter_among_hangul_is_no_legacy_text() -> None:
    # What a lossy UTF-8 repair leaves of Korean (``ë`` glued to ``–``) is no
    # Hebrew ``כ`` read as Windows-1252.
    text = (
        "할머니는 설날마다 ë–¡êµ\xadì\ufffd„ ë\ufffd“여 주셨습니다. 가래떡ì\ufffd„ 얇게 "
        "ì\ufffd°고, 사골 국물에 달걀 지단과 ê¹€ì\ufffd„ 올리면 완성ì\ufffd´었습니다. 지금ë\ufffd„ "
        "ë–¡êµ\xadì\ufffd„ 먹ì\ufffd„ 때마다 할머니 생각ì\ufffd´ 납니다. 올해 설날에는 "
        "ì²˜ì\ufffdŒìœ¼롽 제가 직접 ë–¡êµ\xadì\ufffd„ ë\ufffd“여 가족들에게 대접했습니다."
    )
    assert list(find_legacy(text)) == []


def test_legacy_text_beside_correct_text_of_its_script_is_still_read() -> None:
    # Cyrillic is what Windows-1251 writes: letters of it around the suspect
    # words do not make them leftovers of other mojibake.
    text = "Сегодня в Москве прошёл большой городской праздник, сказал он: Ïðèâåò âñåì!"
    assert mojibake_fix.fix(text).text.endswith("Привет всем!")
