"""Write src/mojibake_fix/context/legacy_alphabets.txt: the letters beyond ASCII
that each language of a Latin-script legacy code page writes.

A letter pair that Hungarian read as Windows-1252 is full of (``õt`` for ``őt``)
is also plain Estonian (``tõttu``), a language wordfreq lacks. The legacy
detector counts such a pair only in a line whose letters a language the pair
tells of writes: Hungarian has ``ő`` but no ``ä``. These are the letters of
each language's commonest words, as the detector's own ``_alphabet`` finds them.

    .venv/bin/python scripts/make_legacy_alphabets.py
"""

from __future__ import annotations

from pathlib import Path

from mojibake_fix.detectors.legacy_codepage import LEGACY_PAGES, _alphabet

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "mojibake_fix" / "context" / "legacy_alphabets.txt"


def alphabets() -> list[str]:
    """One line per language: its code, a space, its letters beyond ASCII."""
    languages = sorted(
        {language for page in LEGACY_PAGES if page.script == "Latin" for language in page.languages}
    )
    return [
        f"{language} {''.join(sorted(ch for ch in _alphabet(language) if not ch.isascii()))}"
        for language in languages
    ]


def main() -> None:
    lines = alphabets()
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} languages -> {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
