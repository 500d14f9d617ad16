"""Outer layers are peeled before anything beneath them is judged."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mojibake_fix
from mojibake_fix.codepages import code_page, stretch_pattern
from mojibake_fix.layers import OUTER_PAGES, peel_layer


def latin_1_layer(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


@pytest.mark.parametrize(
    ("clean", "inner"),
    [
        # The inner layer is Windows-1252, the outer Latin-1: no one page reads both.
        ("Čeština", "ÄŒeÅ¡tina"),
        ("Straße – 5 €", "StraÃŸe â€“ 5 â‚¬"),
        ("Привет", "ÐŸÑ€Ð¸Ð²ÐµÑ‚"),
    ],
)
def test_a_latin_1_layer_over_windows_1252_mojibake_is_peeled_first(clean: str, inner: str) -> None:
    text = latin_1_layer(inner)
    result = mojibake_fix.fix(text)
    assert result.text == clean
    assert result.revert() == text


@pytest.mark.parametrize(
    "clean",
    [
        "V ňom totiž už platili daňové licencie, ktoré sa vlani zaviedli.",
        "Tuto škodu ve stádiu pokusu kriminalisté následně předběžně vyčíslili.",
    ],
)
def test_a_text_one_page_reads_whole_through_its_layers_is_not_peeled(clean: str) -> None:
    """Two layers of Windows-1250: a stretch of the text between letters
    Windows-1252 cannot show (``Ä‚Â©`` of ``ovÄ‚Â©``) would decode as an
    outer layer of that page by chance; the page that reads the whole text
    reads it all."""
    text = clean
    for _ in range(2):
        text = text.encode("utf-8").decode("sloppy-windows-1250")
    result = mojibake_fix.fix(text)
    assert result.text == clean
    assert {change.detector for change in result.changes} == {"utf8-as-cp1250"}
    assert result.revert() == text


@pytest.mark.parametrize("unrelated", ["日本語の文章です。", "Русский текст.", "Plain English."])
def test_an_unrelated_line_beside_a_layer_changes_nothing(unrelated: str) -> None:
    layered = latin_1_layer("ÄŒeÅ¡tina")
    for text in (f"{unrelated}\n{layered}", f"{layered}\n{unrelated}"):
        assert mojibake_fix.fix(text).text == text.replace(layered, "Čeština")


@pytest.mark.parametrize(
    "text",
    [
        "cafÃ© crÃ¨me",  # the last layer: the detectors weigh it against other pages
        "Offering 5×£35 pin ups",  # clean: nothing about it looks broken
        "Bäume fÃŒr",  # ISO-8859-15's ü as Windows-1252 would read it: not peeled
        "",
    ],
)
def test_no_layer_to_peel(text: str) -> None:
    assert peel_layer(text) is None


def test_a_stretch_cut_by_a_character_of_the_page_beneath_is_not_peeled() -> None:
    # Latin-1 has no ƒ: alone it would read the Â© of ``nÃƒÂ©`` as ©.
    text = "Iggy Pop (nÃƒÂ© Jim Osterberg)"
    assert peel_layer(text, ("latin-1",)) is None
    peeled = peel_layer(text)
    assert peeled is not None and peeled.text == "Iggy Pop (nÃ© Jim Osterberg)"
    assert mojibake_fix.fix(text).text == "Iggy Pop (né Jim Osterberg)"


@pytest.mark.parametrize(
    "text", ["Offering 5×£35 pin ups", "higher values (“+” and “×” curves)", "∆°", "x ×£ y"]
)
def test_symbols_that_would_become_a_lone_letter_stay(text: str) -> None:
    assert mojibake_fix.fix(text).text == text


def test_symbols_become_a_letter_where_the_page_explains_the_rest() -> None:
    clean = "Kraftig blæst, × 3 og ø"
    text = clean.encode("utf-8").decode("mac-roman")
    assert mojibake_fix.fix(text).text == clean


@pytest.mark.parametrize(
    "clean", ["SELKÄ\xa0EDELLÄ\xa0MAAHAN via @YouTube", "Offering 5×£35 pin ups", "NICIODATĂ\xa0"]
)
def test_a_latin_1_layer_over_clean_text_comes_off_and_no_more(clean: str) -> None:
    # Its C1 controls make the Latin-1 layer certain; beneath it the text
    # looks as people write, and is not read on (``Ä\xa0`` is no ``Ġ``).
    text = latin_1_layer(clean)
    assert mojibake_fix.fix(text).text == clean


def test_part_of_a_text_over_clean_text_is_left_to_the_detectors() -> None:
    # Beside a line in another script the stretch is no whole text: the
    # detectors weigh it against every page.
    text = "日本語\n" + latin_1_layer("Offering 5×£35")
    assert peel_layer(text) is None


def _stretches_by_the_plain_pattern(text: str, name: str) -> list[tuple[int, int]]:
    shown = "".join(re.escape(ch) for ch in code_page(name).byte_of)
    plain = re.compile(f"[\x00-\x7f{shown}]*[{shown}][\x00-\x7f{shown}]*")
    return [match.span() for match in plain.finditer(text)]


@given(st.text(alphabet="a ;Ã©\x81\x9dЖ€\u0301", max_size=30), st.sampled_from(OUTER_PAGES))
def test_stretches_are_the_runs_the_page_shows_that_hold_one_not_ascii(
    text: str, name: str
) -> None:
    found = [match.span() for match in stretch_pattern(name).finditer(text)]
    assert found == _stretches_by_the_plain_pattern(text, name)


def _best_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        peel_layer(text)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize(
    "build", [lambda n: "a?b=c " * (n // 6) + "Ж", lambda n: "Ж" + "x" * n + "Ж"]
)
def test_work_grows_linearly_with_a_run_the_page_ends(build: Callable[[int], str]) -> None:
    # A ratio, not a time: 4 times the text takes about 4 times as long; reading
    # the run again from each of its characters would take 16 times.
    small, large = _best_seconds(build(20_000)), _best_seconds(build(80_000))
    assert large / max(small, 1e-6) < 9
