"""The utf8-byte-order-mark detector: the UTF-8 signature read through a
code page is dropped at the head of a text and is U+FEFF elsewhere."""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mojibake_fix
from mojibake_fix.codepages import CODEC_NAMES
from mojibake_fix.detectors.byte_order_marks import shown_marks

from .conftest import clean_samples

DETECTOR = "utf8-byte-order-mark"
SIGNATURE = b"\xef\xbb\xbf"


def read_as(data: bytes, name: str) -> str:
    return data.decode(CODEC_NAMES[name])


@pytest.mark.parametrize("page", list(CODEC_NAMES))
def test_the_mark_at_the_head_of_an_ascii_text_is_dropped(page: str) -> None:
    text = read_as(SIGNATURE + b"Name,Age\n", page)
    result = mojibake_fix.fix(text)
    assert result.text == "Name,Age\n"
    assert [c.detector for c in result.changes] == [DETECTOR]
    assert result.revert() == text


@pytest.mark.parametrize(
    ("clean", "page"),
    [
        ("Привет, мир! Как дела?", "cp1251"),
        ("Привет, мир! Как дела?", "koi8-r"),
        ("Привет, мир! Как дела?", "cp866"),
        ("Le café est à côté de la gare.", "cp1252"),
        ("Le café est à côté de la gare.", "macroman"),
        ("Zażółć gęślą jaźń, powiedział.", "cp1250"),
        ("Ελληνικά γράμματα για όλους.", "cp1253"),
        ("Größe und Straße im Süden.", "cp437"),
        ("日本語のテキストです。", "cp1252"),
    ],
)
def test_a_file_with_the_mark_read_through_the_wrong_page(clean: str, page: str) -> None:
    # The whole file, mark and text, read through one page: both repaired.
    text = read_as(clean.encode("utf-8-sig"), page)
    result = mojibake_fix.fix(text)
    assert result.text == clean
    assert result.revert() == text


@pytest.mark.parametrize("page", ["cp1252", "cp1251", "cp437"])
def test_the_mark_at_the_head_of_a_later_line_is_dropped(page: str) -> None:
    # Files joined together: each line is read as if it came alone.
    text = "first line\n" + read_as(SIGNATURE, page) + "second line"
    result = mojibake_fix.fix(text)
    assert result.text == "first line\nsecond line"
    assert result.revert() == text


@pytest.mark.parametrize("page", ["cp1252", "cp1251", "cp437"])
def test_the_mark_inside_a_line_is_the_character_the_text_held(page: str) -> None:
    # A CSV field that kept its file's signature: utf-8-sig keeps U+FEFF there.
    text = '"source";"' + read_as(SIGNATURE, page) + 'REF-2";"POLISH"'
    result = mojibake_fix.fix(text)
    assert result.text == '"source";"\ufeffREF-2";"POLISH"'
    assert mojibake_fix.fix(result.text).text == result.text


def test_the_mark_read_more_than_once() -> None:
    once = read_as(SIGNATURE, "cp1252")
    twice = once.encode("utf-8").decode(CODEC_NAMES["cp1252"])
    assert mojibake_fix.fix(twice + "Name").text == "Name"
    # Marks heading the text one after the other: each heads it in turn.
    damaged = once + twice + "caf" + "é".encode().decode("cp1252")
    assert mojibake_fix.fix(damaged).text == "café"


def test_every_page_shows_the_mark_at_least_once() -> None:
    pages = {mark.page for mark in shown_marks() if mark.layers == 1}
    # Pages that show the three bytes alike are named once, by the first.
    shown = {read_as(SIGNATURE, name) for name in CODEC_NAMES}
    assert len(pages) == len(shown)


@pytest.mark.parametrize(
    "clean",
    [
        "¿Qué? «Sí» — naïve, Noël, Citroën, ï»",
        "п» ї — «Україна» і «Київ»",
        "Ô ª ø: Øresund, ªº, Ôn",
        "∩ ╗ ┐ ┌─┐ │ │ └─┘ ╔═╗",
        "ď ť ż — ďalší, ťažký, żółw",
        "ο» Ώρα — «Ώρα» ο",
    ],
)
def test_the_characters_of_a_mark_apart_are_left_alone(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


def test_clean_samples_hold_no_mark() -> None:
    for sample in clean_samples():
        assert not any(f.detector == DETECTOR for f in mojibake_fix.detect(sample))


@given(st.text(alphabet=st.sampled_from("ï»¿п»їÃ¯Â ab\n"), max_size=30))
def test_never_raises_and_reverts(text: str) -> None:
    result = mojibake_fix.fix(text)
    assert result.revert() == text
    assert mojibake_fix.fix(result.text).text == result.text


@pytest.mark.parametrize("count", [5, 3000])
def test_marks_in_a_row_are_bounded_work(count: int) -> None:
    # Each heads the text once the one before it is gone: only a few are
    # read so, however many there are.
    text = read_as(SIGNATURE, "cp1252") * count + "end"
    result = mojibake_fix.fix(text)
    assert result.revert() == text
    assert result.text.endswith("end")
    assert mojibake_fix.fix(result.text).text == result.text
