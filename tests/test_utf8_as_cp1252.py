"""UTF-8 read as Windows-1252 or Latin-1, one to three layers deep, whole or
in part, built from the clean corpus, is repaired exactly."""

from __future__ import annotations

import re

import ftfy
import ftfy.bad_codecs  # registers sloppy-windows-1252
import pytest

import mojibake_fix

from .conftest import clean_paragraphs, every_locale_names


def as_cp1252(text: str, layers: int = 1) -> str:
    for _ in range(layers):
        text = text.encode("utf-8").decode("sloppy-windows-1252")
    return text


def as_latin1(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def break_one_sentence(text: str) -> str:
    """Only the second sentence (or the second half) is mojibake."""
    sentences = re.split(r"(?<=[.!?。])\s*", text, maxsplit=2)
    if len(sentences) >= 3:
        first, second = sentences[0], sentences[1]
        rest = text[len(first) :]
        head, tail = (
            rest[: rest.index(second) + len(second)],
            rest[rest.index(second) + len(second) :],
        )
        return first + as_cp1252(head) + tail
    middle = len(text) // 2
    return text[:middle] + as_cp1252(text[middle:])


def cases() -> list[tuple[str, str, str]]:
    """(kind, broken, expected) for the paragraphs with non-ASCII text."""
    built: list[tuple[str, str, str]] = []
    for index, (language, text) in enumerate(clean_paragraphs()):
        if text.isascii():
            continue
        kind = ("cp1252", "latin-1", "2 layers", "3 layers", "partial")[index % 5]
        broken = {
            "cp1252": lambda t: as_cp1252(t),
            "latin-1": as_latin1,
            "2 layers": lambda t: as_cp1252(t, 2),
            "3 layers": lambda t: as_cp1252(t, 3),
            "partial": break_one_sentence,
        }[kind](text)
        if broken != text:
            built.append((f"{language}/{index}/{kind}", broken, text))
    return built


def test_there_are_enough_cases_of_every_kind() -> None:
    built = cases()
    assert len(built) >= 100
    for kind in ("cp1252", "latin-1", "2 layers", "3 layers", "partial"):
        assert sum(name.endswith(kind) for name, _, _ in built) >= 15


@pytest.mark.parametrize("name, broken, expected", cases())
def test_repaired_exactly(name: str, broken: str, expected: str) -> None:
    result = mojibake_fix.fix(broken)
    assert result.text == expected
    assert result.revert() == broken


def test_only_the_broken_spans_change() -> None:
    clean = "Das Café liegt an der Straße."
    broken = clean + " " + as_cp1252("Привет, мир — «как дела?»")
    result = mojibake_fix.fix(broken)
    assert result.text == clean + " Привет, мир — «как дела?»"
    assert all(change.start > len(clean) for change in result.changes)


@pytest.mark.parametrize(
    "broken, expected",
    [
        ("cafÃ©", "café"),
        ("â€œquotedâ€\x9d", "“quoted”"),
        ("Ã la carte", "à la carte"),
        ("voilÃ  tout", "voilà tout"),
        ("Ã s vezes", "às vezes"),
        ("caf\u00c3\u0083\u00c2\u00a9", "café"),
        ("The \u00e2\u0080\u0099s", "The ’s"),
        ("ðŸ˜€ emoji", "😀 emoji"),
    ],
)
def test_classic_examples(broken: str, expected: str) -> None:
    assert mojibake_fix.fix(broken).text == expected


@pytest.mark.parametrize(
    "broken",
    [
        "AÃ°gangur er Ã³keypis fyrir alla. Ã lestrarsÃ¶lum er einnig Ã¾rÃ¡Ã°laust net.",
        "Ã Akureyri var opnuÃ° nÃ½ sundlaug meÃ° rennibrautum og heitum pottum.",
    ],
)
def test_a_capital_before_one_space_is_no_a_grave_in_a_language_without_it(broken: str) -> None:
    # ``Ã`` and one space: ``à`` whose no-break space became a space (the
    # whitespace then collapsed), or ``Í``/``Á`` that lost an undefined byte.
    # Icelandic has no word ``à``; both ``í`` and ``á`` are words of it, so
    # the site is reported, not guessed.
    result = mojibake_fix.fix(broken)
    assert "à" not in result.text
    assert any(finding.start == broken.index("Ã ") for finding in result.findings)


@pytest.mark.parametrize(
    "clean",
    [
        "SÃO PAULO e IRMÃ",
        "João Ângela Âmbar âge château",
        "DÉ… CAFÉ™ ÉTÉ©",
        "Её рёв, ВСЁ ЁЖ",
        "3×4 = 12, 2×10⁵ µg ±0.5 °C",
        "Þórður Ægisson — Åse Øye",
        "İstanbul’da ılık bir gün",
        "Ελληνικά ¨κείμενα¨",
        "Tiếng Việt có dấu",
        "naïve façade résumé ©2021 ® ™",
        "(╯°□°)╯︵ ┻━┻",
    ],
)
def test_negatives(clean: str) -> None:
    result = mojibake_fix.fix(clean)
    assert result.text == clean and result.changes == ()


@pytest.mark.parametrize("language", ["zh", "ja", "ko"])
def test_cjk_whose_no_break_space_bytes_became_spaces_is_repaired(language: str) -> None:
    """A character of three bytes with A0 among them (``校`` is E6 A0 A1) shows
    ``æ ¡`` once the no-break space became a space: inside a run of other
    sequences, it is repaired like the rest."""
    pairs = [
        (as_cp1252(text).replace("\xa0", " "), text)
        for lang, text in clean_paragraphs()
        if lang == language
        and "\xa0" in as_cp1252(text)
        and text.isprintable()
        and all(ord(ch) < 0x10000 for ch in text)
    ]
    assert len(pairs) >= 5
    for broken, text in pairs:
        assert mojibake_fix.fix(broken).text == text


@pytest.mark.parametrize(
    "clean",
    [
        "Il habite près « du port » et dit : « c’est très « beau » ».",
        "È «vero», disse. Perché «no»?",
        "Qué «bien», dijo él « sí ».",
        "Noël « Père » Noël ‚ç ‚",
        "«ç ‚» et «è «» ë ¡ ì ¿",
    ],
)
def test_cjk_leads_before_a_space_in_clean_text_stay(clean: str) -> None:
    assert mojibake_fix.fix(clean).text == clean


@pytest.mark.parametrize(
    "clean",
    [
        "Azərbaycan Respublikasının paytaxtı Bakı şəhəridir və əhalisi iki milyondan çoxdur.",
        "Me din de Kwame na mefiri Kumasi; ɛnnɛ yɛ da pa, na mepɛ sɛ mekɔ fie.",  # Twi
        "Eʋegbe nye gbe si wodona le Ghana kple Togo, eye wònye ame geɖewo ƒe gbe.",  # Ewe
        "Ina son karanta littattafai da yamma, amma yau ɗan'uwana ya zo ƙauyenmu.",  # Hausa
        "ଓଡ଼ିଆ ଭାରତର ଏକ ପ୍ରମୁଖ ଭାଷା ଏବଂ ଓଡ଼ିଶାର ସରକାରୀ ଭାଷା ଅଟେ।",  # Odia
        "བོད་ཀྱི་སྐད་ཡིག་ནི་བོད་མིའི་སྐད་ཡིག་ཡིན།",  # Tibetan
        "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ, ᐃᓄᒃᑎᑐᑦ ᐅᖃᐅᓯᖅ, ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵏⴰⵡⴰⵢⵜ",  # Cherokee, Inuktitut, Amazigh
        "ᱥᱟᱱᱛᱟᱲᱤ ᱯᱟᱹᱨᱥᱤ",  # Santali
        "Yoruba: Èdè S̩amoro, Ìlú Èkó",  # S and U+0329, a vertical line below
    ],
)
def test_letters_of_living_orthographies_beyond_latin_1_and_their_scripts(clean: str) -> None:
    # ``ə`` (``É™``), ``ɛ``, ``ɔ``, ``ɗ``, ``ƙ``, ``ƒ``, and the Odia, Tibetan,
    # Cherokee, Canadian syllabic, Tifinagh and Ol Chiki scripts, are letters
    # modern text writes: repaired as ftfy repairs them, left alone when clean.
    assert mojibake_fix.fix(as_cp1252(clean)).text == clean
    assert mojibake_fix.fix(clean).text == clean


def test_names_in_every_cldr_locale_are_repaired_at_least_as_often_as_ftfy_does() -> None:
    # Territory and language names in the language of each of CLDR's some 200
    # locales, ten to a line, read as Windows-1252: scripts and orthographies
    # well beyond the corpus's 35 languages.
    lines = [text for _, text in every_locale_names() if as_cp1252(text) != text]
    assert len(lines) >= 2000
    ours = sum(mojibake_fix.fix(as_cp1252(text)).text == text for text in lines)
    theirs = sum(ftfy.fix_text(as_cp1252(text)) == text for text in lines)
    assert ours >= theirs


@pytest.mark.parametrize(
    ("clean", "lose"),
    [
        # Windows-1252's undefined bytes dropped, or each made U+FFFD.
        ("Съседите се прибраха късно и всички бяха уморени.", ""),
        ("Η εθνική ομάδα προκρίθηκε στα ημιτελικά της διοργάνωσης.", "\ufffd"),
        ("Он сказал, что «всё будет готово» к пятнице.", "\ufffd"),
    ],
)
def test_text_that_lost_bytes_is_read_around_them(clean: str, lose: str) -> None:
    """Every whole sequence is read in the page that explains the text; a
    lead that lost a byte is put back only where U+FFFD marks the byte and
    its word decides it (``Ï�`` of a listed Greek word), else left to the
    readers of lost bytes, which judge it in the text as it came."""
    from mojibake_fix.detectors.utf8_misread import read_around_losses

    shown = clean.encode("utf-8").decode("sloppy-windows-1252")
    broken = re.sub("[\x81\x8d\x8f\x90\x9d]", lose, shown)
    assert broken != shown
    findings = read_around_losses(broken, "cp1252", "utf8-as-cp1252")
    assert findings
    undefined = ("\x81", "\x8d", "\x8f", "\x90", "\x9d")
    for f in findings:
        assert f.replacement in {
            broken[f.start : f.end].replace("\ufffd", byte).encode("sloppy-windows-1252").decode()
            for byte in undefined
        }
    # A lead before a space or the end lost a byte no marker shows.
    lost = [i for i, ch in enumerate(broken) if ch in "ÐÑÎÏ" and broken[i + 1 : i + 2] in ("", " ")]
    assert not any(f.start <= i < f.end for f in findings for i in lost)
    assert mojibake_fix.fix(broken).text == clean


@pytest.mark.parametrize(
    "text",
    [
        "Le son Ã  la mode",  # a lead before a space: its no-break space, perhaps
        "café crème, naïve",  # clean: no whole sequence
        "Ã© Ã¨",  # whole, nothing lost: read whole, not around
    ],
)
def test_no_reading_around_losses_where_it_cannot_be_sure(text: str) -> None:
    from mojibake_fix.detectors.utf8_misread import read_around_losses

    assert read_around_losses(text, "cp1252", "utf8-as-cp1252") == ()


def _broken(text: str) -> str:
    return text.encode("utf-8").decode("sloppy-windows-1252")


@pytest.mark.parametrize(
    "written, misread",
    [
        ("שלום לכולם.", "העברית היא שפה שמית."),
        ("Привет всем.", "Это сообщение было прочитано не той кодовой страницей."),
        ("Καλημέρα σας.", "Αυτό το μήνυμα διαβάστηκε λάθος."),
        ("مرحبا بكم.", "هذه الرسالة قرئت بترميز خاطئ."),
    ],
)
def test_sentences_misread_beside_written_ones_are_read_one_by_one(
    written: str, misread: str
) -> None:
    """A sentence Windows-1252 misread, beside one written in a script no
    misreading of UTF-8 in that page makes, is read as if it had come alone;
    the changes are its runs and undo exactly."""
    from mojibake_fix.detectors.utf8_misread import read_stretches

    for text, expected in [
        (f"{written} {_broken(misread)}", f"{written} {misread}"),
        (f"{_broken(misread)} {written}", f"{misread} {written}"),
    ]:
        assert read_stretches(text, "cp1252", "utf8-as-cp1252")
        result = mojibake_fix.fix(text)
        assert result.text == expected
        assert all(change.detector == "utf8-as-cp1252" for change in result.changes)
        assert result.revert() == text


@pytest.mark.parametrize(
    "text, name",
    [
        # Left beside the Windows-1250 reading of ``Â«``: ``Ã``, Latin, which
        # another page's misreading writes.
        ("LA SELECCIÃN GANA. EL SELECCIONADOR HABLÃ DE Â«UNA NOCHE HISTÃRICAÂ».", "cp1250"),
        # Left beside ``Ä‘``: a Vietnamese word that lost a byte to ``?``.
        ("Ä‘iá»?u", "cp1257"),
        # Beside Hebrew, a control: bytes were lost there.
        ("שלום Ã© \x81", "cp1252"),
        # The whole text: read_whole's to judge.
        ("Ã© Ã¨", "cp1252"),
        # People write these; nothing to read.
        ("שלום 5×£35 שלום", "cp1252"),
        ("Привет, café crème", "cp1252"),
    ],
)
def test_no_stretch_is_read_where_what_is_left_may_be_misread_too(text: str, name: str) -> None:
    from mojibake_fix.detectors.utf8_misread import read_stretches

    assert read_stretches(text, name, f"utf8-as-{name}") == ()
