"""East Asian legacy text read as an 8-bit page: repaired where the reading
is plausible text of its language, reported with alternatives where bytes
were lost, and never woken into a change by clean text of any script."""

from __future__ import annotations

import contextlib
import itertools
import re

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)
import pytest

import mojibake_fix
from mojibake_fix import external
from mojibake_fix.context.words import top_words
from mojibake_fix.detectors.base import first_confirmed, wake_pattern
from mojibake_fix.detectors.cjk_legacy import (
    DETECTOR_ID,
    LOST_BYTES,
    find_cjk_legacy,
    trigger,
    wake,
)

SENTENCES = {
    "ja": (
        "日本語のテキスト",
        "昨日は友達と一緒に駅前の喫茶店でコーヒーを飲みました。",
        "このページは古い文字コードで保存されています。",
    ),
    "zh": (
        "中文论坛的帖子",
        "我们明天下午在图书馆见面，讨论一下这个项目的计划。",
    ),
    "zh-Hant": ("這是一篇用繁體中文寫的文章，內容關於台灣的歷史。",),
    "ko": (
        "한국어 파일 이름.txt",
        "오늘 저녁에는 가족과 함께 식당에서 밥을 먹었습니다.",
        "이 문서는 오래된 인코딩으로 저장되어 있습니다.",
    ),
}
ENCODINGS = {
    "ja": ("shift_jis", "cp932", "euc_jp"),
    "zh": ("gb2312", "gbk", "big5"),
    "zh-Hant": ("big5",),
    "ko": ("euc_kr", "cp949"),
}
PAGES = ("sloppy-windows-1252", "latin-1", "cp850", "cp437")


def _cases() -> list[tuple[str, str, str]]:
    cases = []
    for language, sentences in SENTENCES.items():
        for sentence, encoding, page in itertools.product(sentences, ENCODINGS[language], PAGES):
            try:
                raw = sentence.encode(encoding)
            except UnicodeEncodeError:
                continue  # simplified hanzi Big5 has not, traditional GB2312 has not
            cases.append((sentence, encoding, raw.decode(page)))
    return cases


@pytest.mark.parametrize(("sentence", "encoding", "broken"), _cases())
def test_text_read_as_an_8bit_page_is_repaired(sentence: str, encoding: str, broken: str) -> None:
    result = mojibake_fix.fix(broken)
    assert result.text == sentence
    assert {change.detector for change in result.changes} == {DETECTOR_ID}
    assert result.revert() == broken


def test_the_example_of_an_archived_page_title() -> None:
    assert mojibake_fix.fix("Title: “ú–{Œê‚ÌƒeƒLƒXƒg").text == "Title: 日本語のテキスト"


def test_the_reason_names_the_encoding_and_the_page() -> None:
    [change] = mojibake_fix.fix("“ú–{Œê‚ÌƒeƒLƒXƒg").changes
    assert change.reason == "Shift_JIS text read as Windows-1252"


@pytest.mark.parametrize(
    "sentence",
    ["いい DVD+-R メディアはどれ?", "財政面から見るとそのままでしょうか。それでいいと思います"],
)
def test_a_character_written_twice_is_no_drawing(sentence: str) -> None:
    # ``い`` is A4 A4 in EUC-JP: ``いい`` shows as ``¤¤¤¤``, one character four
    # times, as box drawing shows; only drawing characters repeated are left out.
    broken = sentence.encode("euc_jp").decode("latin-1")
    assert "¤¤¤¤" in broken
    result = mojibake_fix.fix(broken)
    assert result.text == sentence
    assert result.revert() == broken


@pytest.mark.parametrize(
    ("text", "wakes"),
    [
        ("Najvyšší súd Slovenskej republiky", False),  # a common Slovak word
        ("Příští týden", False),
        ("“ú–{Œê‚ÌƒeƒLƒXƒg", True),
        ("アニメーション".encode("shift_jis").decode("cp850"), True),  # letters, no word
        ("中文".encode("gbk").decode("latin-1"), True),
    ],
)
def test_the_wake_passes_over_common_words_of_latin_letters(text: str, wakes: bool) -> None:
    [only] = wake()
    assert (first_confirmed(wake_pattern(only), only.confirm, text) is not None) == wakes


def _lossy(sentence: str) -> str:
    shown = sentence.encode("shift_jis").decode("sloppy-windows-1252")
    return shown.translate({byte: None for byte in LOST_BYTES})


@pytest.mark.parametrize("sentence", ["テレビ番組「第１」", "新しいゲーム「アルファ２」"])
def test_a_lost_lead_after_a_character_whose_second_byte_is_ascii(sentence: str) -> None:
    # ``１`` is 82 50 (``‚P``): the ``v`` after it is what is left of ``」``
    # (81 76), a sign alone after a character as after any other.
    broken = _lossy(sentence)
    assert broken.endswith("v")
    result = mojibake_fix.fix(broken)
    assert result.text == sentence
    assert result.revert() == broken


@pytest.mark.parametrize(
    "sentence",
    ["これはMicrosoft、ネット経由の製品です。", "最新版はFlash、リンクをクリックしてください。"],
)
def test_a_capital_closing_a_small_latin_word_is_what_a_lost_lead_left(sentence: str) -> None:
    # ``、`` is 81 41: what is left, ``A``, closes ``Microsoft`` as no word ends.
    broken = _lossy(sentence)
    assert "tA" in broken or "hA" in broken
    assert mojibake_fix.fix(broken).text == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "アフィリエイトの「Motion Link」がキャンペーンを始めました。",
        "週末はイギリスのブライトン(Brighton）",
        "カメラの「Digital Camera」を買いました。",
    ],
)
def test_a_letter_too_many_at_the_edge_of_a_known_word_is_what_a_lost_lead_left(
    sentence: str,
) -> None:
    # ``「`` is 81 75 and ``」`` 81 76: ``uMotion`` and ``Linkv`` are no
    # words, ``Motion`` and ``Link`` are.
    broken = _lossy(sentence)
    assert mojibake_fix.fix(broken).text == sentence


def test_lost_bytes_are_put_back_between_kana() -> None:
    sentence = "フランス、ドイツ、アイスランド、トルコ、ベトナム"
    broken = _lossy(sentence)
    assert broken != sentence.encode("shift_jis").decode("sloppy-windows-1252")
    result = mojibake_fix.fix(broken)
    assert result.text == sentence
    assert "lost byte(s) put back" in result.changes[0].reason


def test_a_byte_put_back_that_its_neighbours_do_not_choose_is_applied_least_surely() -> None:
    """The rest of the sentence is repaired; the character of that byte,
    which neither its pairs nor the words around it choose, is applied alone
    at the threshold with the characters it could be (here wrongly: ``国``
    for ``書``, ``証明`` and ``書`` being two words of the list, as
    ``証明`` and ``国``)."""
    sentence = "身分証明書があれば、窓口で手続きできます。"
    broken = _lossy(sentence)
    findings = list(find_cjk_legacy(broken))
    sites = [f for f in findings if f.confidence == pytest.approx(0.6)]
    assert any("があれば、窓口で手続きできます。" in (f.replacement or "") for f in findings)
    assert sites
    for finding in sites:
        assert finding.end - finding.start == 1
        assert len(finding.alternatives) > 1
        assert finding.alternatives[0].text == finding.replacement
    assert "書" in {a.text for f in sites for a in f.alternatives}
    result = mojibake_fix.fix(broken)
    assert [c.start for c in result.changes] == [f.start for f in findings]
    assert result.revert() == broken


@pytest.mark.parametrize(
    "sentence",
    [
        # ``増`` (91 9D) lost its second byte, ``国`` (8D 91) would have lost
        # its first: ``増便`` is a word of the list, ``国便`` none.
        "東京都議会は火曜日、多摩地域の路線バスを増便するための補正予算案を可決しました。",
        "最後にご飯と卵を入れて雑炊にすれば、家族みんなが笑顔になります。",
        "日本一高い山として知られる標高三七七六メートルの富士山",
    ],
)
def test_the_words_around_a_byte_put_back_choose_its_character(sentence: str) -> None:
    _assert_repaired_exactly(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # ``・`` (81 45) between katakana words: a punctuation mark stands
        # apart, and is no hanzi that forms no word (``職``, 90 45).
        "新しいＮＴＴ・ドコモの携帯電話",
        "ジョン・レノンの曲を聴いた。",
        # ``々`` (81 58) repeats the hanzi before it: a letter of Han words.
        "毎日が楽々通勤です。",
        "様々な意見がある。",
        "佐々木さんに会った。",
    ],
)
def test_marks_of_the_first_row_put_back(sentence: str) -> None:
    _assert_repaired_exactly(sentence)


def _assert_repaired_exactly(sentence: str) -> None:
    """``sentence``, saved as Shift_JIS and read as Windows-1252 with the
    undefined bytes deleted, is repaired to itself, and the repair reverts."""
    broken = _lossy(sentence)
    result = mojibake_fix.fix(broken)
    assert result.text == sentence
    assert result.revert() == broken


def test_the_words_do_not_choose_against_the_pairs() -> None:
    """``国務省`` is one word of the list and ``総務省`` two (``総務``,
    ``省``): the words would choose ``国``, but ``総務`` is a pair the walk
    weighs, and the character stays the one the pair chose."""
    sentence = "総務省の発表によると、十月の消費者物価指数は上昇しました。"
    broken = _lossy(sentence)
    assert broken != sentence.encode("shift_jis").decode("sloppy-windows-1252")
    assert mojibake_fix.fix(broken).text == sentence


def test_a_byte_put_back_beside_an_ascii_letter_is_only_reported() -> None:
    """``TV`` between kanji may be two second bytes whose leads were lost;
    the neighbours do not choose their characters, and a Latin word is as
    likely: reported, not applied."""
    sentence = "今朝は気合いで7時起き。箱根駅伝をTV観戦するのだ。"
    broken = _lossy(sentence)
    reported = [f for f in find_cjk_legacy(broken) if f.confidence < 0.6]
    assert {broken[f.start : f.end] for f in reported} >= {"T", "V"}
    assert mojibake_fix.fix(broken).text == sentence


@pytest.mark.parametrize(
    ("text", "encoding", "page"),
    [
        ("2024년 1월 5일", "euc-kr", "latin-1"),
        ("1월, 2월, 3월, 4월, 5월", "euc-kr", "latin-1"),
        ("2024年1月5日", "gbk", "sloppy-windows-1252"),
        ("2024年1月5日", "shift_jis", "sloppy-windows-1252"),
        ("第3章 5節", "shift_jis", "sloppy-windows-1252"),
    ],
)
def test_characters_parted_by_numbers_wake(text: str, encoding: str, page: str) -> None:
    # A date or a list of months writes one character after each number: no
    # three of the page's characters stand in a row, two pairs stand apart.
    broken = text.encode(encoding).decode(page)
    assert re.search(trigger(), broken)
    assert mojibake_fix.fix(broken).text == text


WESTERN = (
    "Größe 42, Füße 3 Öl",
    "ações 2 ções, 10 çõ",
    "Æble 3 Øl, Ærø 2 Åå",
    "Þórður og Åse Øye, naïve ÉCOLE",
    "Größe ÄÖÜ äöü ßß ÉÈÊ",
    "À ÉTÉ ÉLEVÉ, ÇA VA? Où êtes-vous allés, Mêlée",
    "SÃO PAULO, IRMÃ, João, Ângela, ação, coração",
    "Ærø, Østerbro, Åbenrå, blåbærsyltetøj",
    "¿Qué pasó? ¡Ñandú! Añoranza, pingüino",
    "Hæstiréttur Íslands úrskurðaði í gær",
    "¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿",
    "┌──────┬──────┐ ░▒▓█▓▒░ ═══╬═══",
    "他说：“……”然后走了。",
    "東京都の天気は晴れです。",
    "서울의 날씨는 맑습니다.",
)


@pytest.mark.parametrize("text", WESTERN)
def test_clean_text_is_not_read_as_east_asian(text: str) -> None:
    assert list(find_cjk_legacy(text)) == []
    assert mojibake_fix.fix(text).text == text


LEGACY = (
    ("Привет, мир! Как дела? Всё хорошо, спасибо.", "cp1251"),
    ("Привет, мир! Как дела? Всё хорошо, спасибо.", "koi8-r"),
    ("Καλημέρα σας, τι κάνετε σήμερα;", "cp1253"),
    ("Zażółć gęślą jaźń, powiedział.", "cp1250"),
    ("שלום עולם, מה שלומך היום?", "cp1255"),
)


@pytest.mark.parametrize(("text", "encoding"), LEGACY)
def test_legacy_single_byte_text_is_not_read_as_east_asian(text: str, encoding: str) -> None:
    broken = text.encode(encoding).decode("sloppy-windows-1252")
    assert list(find_cjk_legacy(broken)) == []


@pytest.mark.parametrize("text", ["café crème brûlée", "naïve façade", "日本語のテキスト"])
def test_utf8_read_as_windows_1252_stays_with_the_utf8_detectors(text: str) -> None:
    broken = text.encode("utf-8").decode("sloppy-windows-1252")
    assert list(find_cjk_legacy(broken)) == []
    result = mojibake_fix.fix(broken)
    assert result.text == text
    assert DETECTOR_ID not in {change.detector for change in result.changes}


@pytest.mark.parametrize(
    "language", ["fr", "de", "es", "pt", "it", "nl", "sv", "da", "nb", "is", "fi", "ca"]
)
def test_common_western_words_are_not_read_as_east_asian(language: str) -> None:
    words = [word for word, _ in top_words(language, 3000) if not word.isascii()]
    assert len(words) > 20
    forms = {form for word in words for form in (word, word.capitalize(), word.upper())}
    assert [form for form in sorted(forms) if list(find_cjk_legacy(form))] == []


def _east_asian(ch: str) -> bool:
    return "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7a3"


EAST_ASIAN_CODECS = frozenset(
    {"shift_jis", "cp932", "euc_jp", "gb2312", "gbk", "big5", "euc_kr", "cp949"}
)


def test_lines_of_real_east_asian_pages_read_as_windows_1252_are_repaired() -> None:
    """chardet's and charset-normalizer's East Asian pages: the first line of
    each, its own bytes shown as Windows-1252."""
    try:
        texts = [t for t in external.encoded_texts(lines=True) if t.encoding in EAST_ASIAN_CODECS]
    except external.ExternalUnavailable as error:
        pytest.skip(str(error))
    assert len(texts) >= 100
    repaired = [
        mojibake_fix.fix(t.data.decode("sloppy-windows-1252")).text == t.text for t in texts
    ]
    assert sum(repaired) / len(repaired) >= 0.8


def _east_asian_lines() -> list[external.EncodedText]:
    try:
        return [t for t in external.encoded_texts(lines=True) if t.encoding in EAST_ASIAN_CODECS]
    except external.ExternalUnavailable as error:
        pytest.skip(str(error))


def _without_lost_bytes(shown: str) -> str:
    return shown.translate({byte: None for byte in LOST_BYTES})


def test_traditional_chinese_saved_as_gbk_is_read_as_traditional_chinese() -> None:
    """chardet's and charset-normalizer's Big5 lines, saved as GBK (which
    writes traditional hanzi too) and read as Windows-1252: judged by the
    characters of simplified text alone, most were left as they stood."""
    texts = []
    for line in _east_asian_lines():
        if line.encoding == "big5":
            with contextlib.suppress(UnicodeEncodeError):
                texts.append((line.text, line.text.encode("gbk").decode("sloppy-windows-1252")))
    assert len(texts) >= 20
    repaired = [mojibake_fix.fix(broken).text == text for text, broken in texts]
    assert sum(repaired) / len(repaired) >= 0.6


def test_real_lines_that_lost_bytes_are_repaired_by_their_neighbours() -> None:
    """chardet's and charset-normalizer's Shift_JIS lines, and their Big5
    lines saved as GBK, read as Windows-1252 with the undefined bytes deleted:
    which byte goes back at each gap is chosen by the characters around it
    (the pairs of wordfreq's words), not by each character alone."""
    texts = []
    for line in _east_asian_lines():
        codec = {"shift_jis": "shift_jis", "cp932": "cp932", "big5": "gbk"}.get(line.encoding)
        if codec is None:
            continue
        with contextlib.suppress(UnicodeEncodeError):
            shown = line.text.encode(codec).decode("sloppy-windows-1252")
            if _without_lost_bytes(shown) != shown:
                texts.append((line.text, _without_lost_bytes(shown)))
    assert len(texts) >= 30
    repaired = [mojibake_fix.fix(broken).text == text for text, broken in texts]
    assert sum(repaired) / len(repaired) >= 0.2


def test_a_byte_its_neighbours_do_not_choose_is_reported_with_the_other_choice() -> None:
    """On real lines that lost bytes, a reading that put back a byte whose
    character its neighbours choose no more clearly than another the byte
    could make is reported, not applied, with the reading that put the other
    one back: the same text but for that character."""
    undecided = []
    for line in _east_asian_lines():
        if line.encoding in ("shift_jis", "cp932"):
            broken = _without_lost_bytes(line.data.decode("sloppy-windows-1252"))
            undecided += [
                finding
                for finding in find_cjk_legacy(broken)
                if "lost byte" in finding.reason and finding.confidence < 0.6
            ]
    assert undecided
    for finding in undecided:
        assert finding.replacement is not None
        assert any(
            len(other.text) == len(finding.replacement)
            and sum(a != b for a, b in zip(other.text, finding.replacement, strict=True)) == 1
            for other in finding.alternatives[1:]
        )
