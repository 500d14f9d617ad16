"""Bytes decode to the text their authors wrote at least as often as with
chardet or charset-normalizer alone, on text written elsewhere: chardet's
test pages and charset-normalizer's samples (external.encoded_texts), whole
files and single lines, counted in the same run. Files are taken one in two
(in their sorted order) to keep the test quick; benchmarks/decoding.py counts
them all.

Then focused cases: short Western text stays Windows-1252, capitals are not
read as EBCDIC, each East Asian encoding decodes, and the decoding reverts to
the very bytes.
"""

from __future__ import annotations

import itertools

import pytest

from mojibake_fix import external, fix_bytes
from mojibake_fix.decode import decode, raw_bytes
from mojibake_fix.decoding_accuracy import DECODERS, by_family, tally
from mojibake_fix.external import EncodedText

pytest.importorskip("charset_normalizer")


def _samples(lines: bool) -> list[EncodedText]:
    try:
        samples = list(external.encoded_texts(lines=lines))
    except external.ExternalUnavailable as error:
        pytest.skip(str(error))
    return samples if lines else samples[::2]


@pytest.mark.parametrize("lines", [False, True], ids=["files", "lines"])
def test_decoding_is_right_at_least_as_often_as_either_detector(lines: bool) -> None:
    samples = _samples(lines)
    assert len(samples) >= (200 if not lines else 300)
    total = by_family(tally(samples, DECODERS))[-1]
    ours = total.right["ours"]
    assert ours >= total.right["chardet"], total
    assert ours >= total.right["charset-normalizer"], total


@pytest.mark.parametrize(
    "text",
    [
        "Prix spécial : 12 € — très intéressant",
        "Ça coûte 5 € ; où est la gare ?",
        "Größe: 5 µm, Gewicht: 3 kg",
    ],
)
def test_short_western_text_stays_windows_1252(text: str) -> None:
    result = fix_bytes(text.encode("cp1252"))
    assert (result.text, result.encoding) == (text, "windows-1252")


@pytest.mark.parametrize(
    "headline",
    [
        "NIÑOS Y MAYORES: LA CAMPAÑA DE INVIERNO EMPIEZA EN ESPAÑA",
        "EL GOBIERNO APRUEBA LA REFORMA DE LA EDUCACIÓN PÚBLICA",
    ],
)
def test_a_spanish_headline_in_capitals_is_not_ebcdic(headline: str) -> None:
    decoded = decode(headline.encode("cp1252"))
    assert decoded.text == headline
    assert decoded.encoding == "windows-1252"


def _first_file_per_encoding() -> list[EncodedText]:
    east_asian = {"shift_jis", "cp932", "euc_jp", "iso2022_jp", "gb2312", "big5"}
    east_asian |= {"euc_kr", "cp949", "johab", "iso2022_kr"}
    try:
        samples = [s for s in external.encoded_texts() if s.encoding in east_asian]
    except external.ExternalUnavailable as error:
        pytest.skip(str(error))
    return [next(group) for _, group in itertools.groupby(samples, lambda s: s.encoding)]


def test_one_file_of_each_east_asian_encoding_decodes_right() -> None:
    samples = _first_file_per_encoding()
    assert len(samples) >= 10
    wrong = [s.name for s in samples if decode(s.data).text != s.text]
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("東京都の天気は晴れ、気温は二十度です。", "shift_jis"),
        ("東京都の天気は晴れ、気温は二十度です。", "euc_jp"),
        ("今天北京的天气很好，我们去公园散步吧。", "gb2312"),
        ("今天台北的天氣很好，我們去公園散步吧。", "big5"),
        ("오늘 서울의 날씨는 맑고 기온은 이십 도입니다.", "euc_kr"),
    ],
)
def test_a_line_of_east_asian_text_decodes_right(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)).text == text


@pytest.mark.parametrize(
    "data",
    [
        "Prix spécial : 12 € — très intéressant\n".encode("cp1252"),
        "東京都の天気は晴れです。\r\n気温は二十度。\n".encode("shift_jis"),
        "오늘 서울의 날씨는 맑습니다.\n".encode("euc_kr"),
        "Съешь же ещё этих мягких французских булок.\n".encode("koi8-r"),
        "naïve ".encode() + "crème brûlée\n".encode("cp1252"),
        "Grüße aus Köln".encode("utf-16-le"),
    ],
    ids=["cp1252", "shift_jis", "euc_kr", "koi8-r", "utf-8+cp1252", "utf-16-le"],
)
def test_the_decoding_reverts_to_the_original_bytes(data: bytes) -> None:
    result = fix_bytes(data)
    assert any(change.detector == "decode" for change in result.changes)
    assert raw_bytes(result.revert()) == data
