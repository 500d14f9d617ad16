"""Clean text written elsewhere comes out unchanged, each text judged on its
own as a user would pass it to ``fix``: the translation catalogs of Sphinx,
pycountry, Django, Wagtail and Plone (short UI strings and names in some 110
languages), every name CLDR gives in each of its locales alone, the sample
pages of charset-normalizer and chardet whole and line by line, and the
commonest words of every language wordfreq has, alone, capitalised and in
capitals, and short phrases of them.

Every text of every set is checked (about 820,000 distinct ones, under a
minute on one core): none is sampled but the phrases, drawn the same each
run. The few that still change are listed below with the reason; the list
can only shrink, since a listed text that comes out unchanged fails too.
A set's own mojibake (Plone's Afrikaans catalog holds some) must be repaired.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pytest

import mojibake_fix
from mojibake_fix import external
from mojibake_fix.external import CleanText


def charset_normalizer_texts() -> Iterator[CleanText]:
    yield from external.charset_normalizer_samples()
    yield from external.charset_normalizer_samples(lines=True)


def chardet_texts() -> Iterator[CleanText]:
    yield from external.chardet_pages()
    yield from external.chardet_pages(lines=True)


SETS: dict[str, Callable[[], Iterable[CleanText]]] = {
    "sphinx": external.sphinx_messages,
    "pycountry": external.pycountry_messages,
    "django-wagtail": external.web_framework_messages,
    "plone": external.plone_messages,
    "cldr": external.cldr_names,
    "charset-normalizer": charset_normalizer_texts,
    "chardet": chardet_texts,
    "wordfreq": external.wordfreq_words,
    "wordfreq-phrases": external.wordfreq_phrases,
}

# The least each set holds, in texts and languages: a reader that breaks
# (a moved folder, a new layout) must not pass for clean text.
BREADTH = {
    "sphinx": (15_000, 50),
    "pycountry": (300_000, 100),
    "django-wagtail": (140_000, 110),
    "plone": (90_000, 60),
    "cldr": (900_000, 1000),
    "charset-normalizer": (400, 10),
    "chardet": (70_000, 10),
    "wordfreq": (200_000, 40),
    "wordfreq-phrases": (40_000, 40),
}

# Friulian writes ``â`` as a letter (``tu âs``: you have; ``zontâ``: to
# add), and no word list knows Friulian: read with Italian's or Catalan's,
# which know its short words, a lone ``â`` inside a word is taken for an
# apostrophe that lost two bytes, or one opening a word for a quotation mark
# where another closing a word could close it.
_FRIULIAN = "Friulian writes â as a letter, a language no word list knows"
KNOWN_FALSE_POSITIVES: dict[tuple[str, str], str] = {
    ("plone", text): _FRIULIAN
    for text in (
        "No tu âs il permès di tornâ a nomenâ",
        "Tu âs di selezionâ ce modificâ.",
        "Selezione la modalitât di control di cuâi gjenârs di contignûts si puedin"
        " zontâ ta cheste cartele.",
        "Informazions sul copyright dal element, ven a stâi sul gjenar di permès"
        " \nconcuardâts dal autôr.",
    )
}

# Texts of a set that hold mojibake of their own, with their repair: the
# Afrikaans and Norwegian catalogs of Plone hold UTF-8 read as Windows-1252.
MOJIBAKE_IN_THE_SET: dict[tuple[str, str], str] = {
    ("plone", damaged): damaged.replace("Ãª", "ê").replace("Ã¸", "ø")
    for damaged in (
        "Die mees op datum weergawe van die lÃªer kon nie voor die terugstelling gestoor"
        " word nie, aangesien die lÃªer te groot is.",
        "Hersiening is vir hierdie lÃªer afgeskakel, synde dit te groot is",
        "Kliek hier om die lÃªer te bekom",
        "LÃªertipe",
        "(Geen lÃªer is al opgelaai nie)",
        "UtfÃ¸rt av",
        "LÃ¸",
        "SÃ¸",
    )
}


def texts_of(name: str) -> list[str]:
    try:
        texts = list(SETS[name]())
    except external.ExternalUnavailable as error:
        pytest.skip(str(error))
    low, languages = BREADTH[name]
    assert len(texts) >= low
    assert len({text.language for text in texts}) >= languages
    return list(dict.fromkeys(text.text for text in texts))


@pytest.mark.parametrize("name", SETS)
def test_external_clean_text_is_unchanged(name: str) -> None:
    changed: dict[str, list[tuple[str, str, str]]] = {}
    for text in texts_of(name):
        result = mojibake_fix.fix(text)
        if (name, text) in MOJIBAKE_IN_THE_SET:
            assert result.text == MOJIBAKE_IN_THE_SET[name, text]
        elif result.changes:
            assert result.revert() == text
            changed[text] = [(c.original, c.replacement, c.detector) for c in result.changes]
    known = {text for set_name, text in KNOWN_FALSE_POSITIVES if set_name == name}
    assert {text: changed[text] for text in changed.keys() - known} == {}
    assert sorted(known - changed.keys()) == [], "unchanged now: take them off the list"
