"""The utf16-as-8bit detector: UTF-16 read as Latin-1 or Windows-1252 is
read again as UTF-16, in either byte order, its byte order mark dropped."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mojibake_fix

from .conftest import clean_samples

DETECTOR = "utf16-as-8bit"


@pytest.mark.parametrize(
    "clean",
    [
        "Hello world, this is a test.\n",
        "Le café est à côté de la gare.\n",
        "Привет, мир! Как дела?\n",
        "Ελληνικά γράμματα για όλους.\n",
        "שלום עולם, מה שלומך?\n",
        "مرحبا بالعالم، كيف حالك؟\n",
        "दिल्ली नगर निगम ने मंगलवार को शहर में।\n",
        "태풍의 영향으로 남부 지방에 많은 비가 내려\n",
        "東京都は、来年度の予算案を発表しました。\n二行目です。\n",
        "สภากรุงเทพมหานครมีมติ\nฝนตกหนัก\n",
        "Smile 😀 and wave 👋\n",
    ],
)
@pytest.mark.parametrize(
    ("saved", "read"),
    [("utf-16", "latin-1"), ("utf-16-le", "latin-1"), ("utf-16-be", "latin-1")],
)
def test_a_utf16_file_read_as_an_8_bit_page(clean: str, saved: str, read: str) -> None:
    text = clean.encode(saved).decode(read)
    result = mojibake_fix.fix(text)
    assert result.text == clean
    assert {c.detector for c in result.changes} == {DETECTOR}
    assert result.revert() == text


def test_read_as_windows_1252() -> None:
    clean = "Größe: 5 €, “quoted”\n"
    text = clean.encode("utf-16").decode("cp1252")
    assert mojibake_fix.fix(text).text == clean


def test_a_utf16_piece_inside_8_bit_text() -> None:
    # Only the piece is read, not the ASCII around it (``Na`` would be ``慎``).
    text = "Name:  " + "Zoë Müller".encode("utf-16-le").decode("latin-1") + ". Done"
    assert mojibake_fix.fix(text).text == "Name:  Zoë Müller. Done"


@pytest.mark.parametrize(
    "text",
    [
        "a\x00b",  # one NUL
        "\x00\x00\x00\x00",  # NULs only
        "abc\x00\x00\x00def",  # NULs side by side
        "col1\x00col2\x00\x00col3",  # separators, not high bytes
        "ÿþ",  # a mark alone
        "plain text with no NUL at all",
    ],
)
def test_nuls_that_are_no_utf16_are_left_alone(text: str) -> None:
    assert not any(c.detector == DETECTOR for c in mojibake_fix.fix(text).changes)


def test_clean_samples_wake_nothing() -> None:
    for sample in clean_samples():
        assert not any(f.detector == DETECTOR for f in mojibake_fix.detect(sample))


@given(st.text(alphabet=st.sampled_from("\x00ab é\nÿþ\x04П"), max_size=40))
def test_never_raises_and_reverts(text: str) -> None:
    result = mojibake_fix.fix(text)
    assert result.revert() == text
