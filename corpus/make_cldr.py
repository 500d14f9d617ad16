"""Build corpus/clean/cldr.txt from the CLDR data shipped with babel.

Each output line is ``<locale>\t<text>``: a list of territory, month, weekday,
currency or language names, joined with the locale's own list pattern.
Run with a Python that has babel installed: ``python corpus/make_cldr.py``.
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale
from babel.lists import format_list

_LOCALE_IDS = """
    en fr de es pt pt_BR it nl pl cs sk hu ro hr sl tr vi is da sv fi lt lv et
    ru uk bg sr el he ar zh zh_Hant ja ko th hi ca eu gl cy ga mt sq mk be ka hy
    fa ur bn ta kk az ms id sw af nb eo
"""
LOCALES: tuple[str, ...] = tuple(_LOCALE_IDS.split())
TERRITORY_SETS: tuple[tuple[str, ...], ...] = (
    ("FR", "DE", "IS", "TR", "VN"),
    ("BR", "CZ", "GR", "RU", "JP"),
    ("ES", "HU", "IL", "EG", "KR"),
)
CURRENCIES: tuple[str, ...] = ("EUR", "GBP", "JPY", "CZK", "TRY", "RUB")
LANGUAGES: tuple[str, ...] = ("fr", "de", "el", "ru", "zh", "ar", "pt")


def lines_for(code: str) -> list[str]:
    """Return the CLDR-derived sentences for one locale."""
    loc = Locale.parse(code)
    texts: list[str] = []
    for codes in TERRITORY_SETS:
        names = [loc.territories[c] for c in codes if c in loc.territories]
        texts.append(format_list(names, locale=loc))
    texts.append(format_list(list(loc.months["format"]["wide"].values()), locale=loc))
    texts.append(format_list(list(loc.days["format"]["wide"].values()), locale=loc))
    currencies = [loc.currencies[c] for c in CURRENCIES if c in loc.currencies]
    texts.append(format_list(currencies, locale=loc))
    languages = [loc.languages[c] for c in LANGUAGES if c in loc.languages]
    texts.append(format_list(languages, locale=loc, style="or"))
    return [f"{code}\t{' '.join(t.split())}" for t in texts if t.strip()]


def main() -> None:
    out = Path(__file__).resolve().parent / "clean" / "cldr.txt"
    lines = [line for code in LOCALES for line in lines_for(code)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} lines for {len(LOCALES)} locales to {out}")


if __name__ == "__main__":
    main()
