"""Texts pieced together from parts that different code pages misread (a
title in one page, a quotation in another, a clean sentence between):
each sentence, or each run of words one page could have made, is read as
if it had come alone, and nothing is read so where a word beside such a
part may be damaged in another way."""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)
import pytest

import mojibake_fix
from mojibake_fix.engine import DEFAULT_MIN_CONFIDENCE, _read_whole, plan_for

_DETECTOR_OF = {
    "sloppy-windows-1250": "utf8-as-cp1250",
    "sloppy-windows-1251": "utf8-as-cp1251",
    "sloppy-windows-1252": "utf8-as-cp1252",
    "sloppy-windows-1253": "utf8-as-cp1253",
    "mac-roman": "utf8-as-macroman",
}


def _misread(text: str, codec: str | None) -> str:
    return text if codec is None else text.encode("utf-8").decode(codec)


@pytest.mark.parametrize(
    "pieces",
    [
        # Sentences, each misread its own way or written.
        [
            ("Informatikus munkatársat keresünk.", "mac-roman"),
            ("A Pestszentimrei Közösségi Házba várjuk.", "sloppy-windows-1252"),
        ],
        [
            ("Le conseil a adopté un plan.", None),
            ("Les écoles ouvriront à l’été.", "mac-roman"),
            ("Le maire l’a annoncé mardi.", "sloppy-windows-1252"),
        ],
        [
            ("Форумы Template Toolkit:", "sloppy-windows-1251"),
            ("библиотеки для работы с шаблонами.", "sloppy-windows-1252"),
        ],
        # The page changes within a sentence.
        [
            ("Ο τύπος πίσω απ’ τον πάγκο", "sloppy-windows-1253"),
            ("του μπαρ πηγαίνει προς τα κει.", "sloppy-windows-1252"),
        ],
        [
            ("Az eurózóna pénzügyminiszterei", "sloppy-windows-1252"),
            ("hétfő délutáni tanácskozásukon.", "sloppy-windows-1250"),
        ],
        # Judged run by run, ``Ĺˇ`` and ``Ă˘`` were read in the wrong page.
        [
            ("Mára csak egy", "sloppy-windows-1250"),
            ("olykor feltűnő ablak maradt belőle.", "sloppy-windows-1252"),
        ],
        [
            ("Ljudje na vsa tri vprašanja odgovorijo pritrdilno.", "sloppy-windows-1250"),
            ("Se dela veseliš?", "sloppy-windows-1252"),
        ],
    ],
)
def test_each_part_is_read_with_its_own_page(pieces: list[tuple[str, str | None]]) -> None:
    text = " ".join(_misread(piece, codec) for piece, codec in pieces)
    expected = " ".join(piece for piece, _ in pieces)
    # Read part by part, as whole texts are, without judging each run.
    reading, _ = _read_whole(text, plan_for(), DEFAULT_MIN_CONFIDENCE)
    assert reading is not None and reading.text == expected
    result = mojibake_fix.fix(text)
    assert result.text == expected
    assert result.revert() == text
    assert {change.detector for change in result.changes} == {
        _DETECTOR_OF[codec] for _, codec in pieces if codec is not None
    }


def test_a_word_that_lost_a_byte_beside_a_part_is_judged_with_the_whole_text() -> None:
    """``čitaonicu`` lost the byte 0x8D of ``č``: alone it is written Latin,
    but beside Windows-1252 mojibake it is another of that page's words."""
    written = (
        "Gradska knjižnica u Osijeku otvorila je novu čitaonicu. Čitatelji mogu posuditi knjige."
    )
    text = _misread(written, "sloppy-windows-1252").replace("\x8d", "")
    assert mojibake_fix.fix(text).text == written


@pytest.mark.parametrize(
    "text",
    [
        "Ελλάδα. Россия. ישראל. Ísland. Türkiye. Polska.",
        "Ο τύπος πίσω απ’ τον πάγκο του μπαρ. Ο Ιωάννης είπε «ναι».",
        "Café crème. Přiliš žluťoučký kůň. Съешь же ещё этих булок.",
    ],
)
def test_clean_texts_of_many_scripts_are_left_alone(text: str) -> None:
    assert mojibake_fix.fix(text).text == text
