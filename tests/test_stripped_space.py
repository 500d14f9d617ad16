"""A field whose last character ends in byte A0 loses that byte to strip():
Windows-1252 shows A0 as a no-break space (``voilà`` is ``voilÃ\\xa0``). The
repair restores the character rather than dropping what is left of it."""

from __future__ import annotations

import pytest

import mojibake_fix


def stripped_field(text: str) -> str:
    """``text`` as UTF-8 read as Windows-1252, then stripped of whitespace."""
    return text.encode("utf-8").decode("sloppy-windows-1252").strip()


@pytest.mark.parametrize(
    "text",
    [
        "Et voilà",  # à: C3 A0
        "Nous avons trouvé la solution, et voilà",
        "Ho visitato il centro della città",
        "Сегодня в Москве открылся новый ЦЕНТР",  # Р: D0 A0
        "आज हमने नया पाठ",  # ठ: E0 A4 A0
        "voilà",  # one word: any language of its script may list it
    ],
)
def test_a_character_whose_last_byte_was_stripped_is_restored(text: str) -> None:
    field = stripped_field(text)
    assert not field.endswith("\xa0")
    result = mojibake_fix.fix(field)
    assert result.text == text
    assert result.revert() == field
    assert all(change.original != change.replacement for change in result.changes)


@pytest.mark.parametrize(
    ("cut", "repaired"),
    [
        ("Il est trÃ", "Il est tr"),  # très cut after its first byte: no word trà
        (
            "Доступ к сайту закрыт по решению суда. Ð¡ÐµÐ³Ð¾Ð´Ð½Ñ",
            "Доступ к сайту закрыт по решению суда. Сегодн",
        ),
    ],
)
def test_a_character_cut_short_is_still_dropped(cut: str, repaired: str) -> None:
    assert mojibake_fix.fix(cut).text == repaired


@pytest.mark.parametrize("text", ["Et voilà", "Ho visitato la città", "НОВЫЙ ЦЕНТР", "पाठ"])
def test_clean_text_ending_in_such_a_character_is_unchanged(text: str) -> None:
    result = mojibake_fix.fix(text)
    assert result.text == text
    assert not result.changes
