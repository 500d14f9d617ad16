"""Emoji named by the words of a text: inflections match, look-alikes do not."""

from __future__ import annotations

import pytest

from mojibake_fix.context.emoji_names import named_emoji, named_emoji_by_strictness


@pytest.mark.parametrize(
    ("text", "lang", "emoji"),
    [
        ("Команда выиграла первенство по волейболу!", "ru", "🏐"),  # an inflected word
        ("Takımımız basketbolda şampiyon oldu.", "tr", "🏀"),
        ("我们学校的篮球队获得了冠军", "zh", "🏀"),  # a run of a text without spaces
        ("Our team won the basketball final.", "de", "🏀"),  # English names count too
        ("Pociąg z Warszawy był opóźniony o godzinę.", "pl", "🚆"),  # CLDR's Polish name
        ("Trenul de noapte a avut o întârziere.", "ro", "🚆"),  # an article ending the word
        ("Влакът от Варна закъсня.", "bg", "🚆"),
        ("Rong Tartust Tallinna hilines.", "fi", "🚆"),  # Estonian, which no list knows
        # Words written joined to the one after them: ``ל`` ``ה``, ``ל`` ``ال``.
        ("הרכבת מבאר שבע התעכבה כמעט שעתיים.", "he", "🚆"),
        ("فاز فريقنا ببطولة المنطقة لكرة السلة!", "ar", "🏀"),
        ("تأخر القطار المتجه إلى أسوان.", "ar", "🚆"),
        # Where nothing else is named, a long name word that ends otherwise.
        ("Отборът ни спечели финала по баскетбол снощи.", "bg", "🏀"),
    ],
)
def test_an_emoji_is_named_by_the_words_of_the_text(text: str, lang: str, emoji: str) -> None:
    assert emoji in named_emoji(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "emoji"),
    [
        ("The signal failed at the junction.", "en", "🛑"),  # ``sign`` is not in ``signal``
        ("What a game that was!", "en", "🏏"),  # half of ``cricket game``
        ("He came with his friends.", "en", "😂"),  # ``face with tears of joy``: ``with``
        ("Tänään on kaunis päivä.", "fi", "🕐"),  # ``o`` of ``one o’clock``
        ("Lasciare in frigo per almeno sei ore.", "it", "🕕"),  # everyday words: ``ore sei``
        ("Tren iki saat gecikti.", "tr", "🕑"),  # ``saat iki``; ``tren`` names 🚆
        ("Vlak je kasnio gotovo dva sata.", "sh", "🕑"),  # ``sata``, hours, is everyday
        ("Der Trainer lobte die Mannschaft.", "de", "🚆"),  # English ``train`` in German
        # Serbian ``локомотива`` names 🚂, but the Russian text names 🚆 itself.
        ("Поезд задержался из-за поломки локомотива.", "ru", "🚂"),
    ],
)
def test_an_emoji_is_not_named_by_a_word_that_only_looks_like_its_name(
    text: str, lang: str, emoji: str
) -> None:
    assert emoji not in named_emoji(text, lang)


def test_looser_readings_of_names_come_after_the_strict_one() -> None:
    text = "Наш тим освојио је првенство у одбојци! Играчице су дочекане аплаузом."
    readings = named_emoji_by_strictness(text, "mk", few=True)
    assert "👏" in readings[0] and "🏐" not in readings[0]  # ``аплауз`` in ``аплаузом``
    # ``одбојку`` beside ``одбојци``: five letters alike, among a few emoji only.
    assert all("🏐" not in named for named in named_emoji_by_strictness(text, "mk"))
    assert any("🏐" in named for named in readings[1:])
    assert named_emoji(text, "mk") == readings[0]


@pytest.mark.parametrize(
    ("text", "lang", "emoji"),
    [
        ("Nová knihovna nabízí čítárnu a kavárnu.", "cs", "☕"),  # ``kavárna``
        ("הקבוצה זכתה באליפות המחוז בכדורסל!", "he", "🏀"),  # ``כדורסל``
    ],
)
def test_among_a_few_emoji_the_words_one_is_looked_up_by_name_it(
    text: str, lang: str, emoji: str
) -> None:
    readings = named_emoji_by_strictness(text, lang, few=True)
    assert emoji not in named_emoji(text, lang)
    assert emoji in readings[-1]
