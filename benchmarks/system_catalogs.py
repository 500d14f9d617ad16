"""Short translated strings nobody here wrote: the system's own message catalogs.

    .venv/bin/python benchmarks/system_catalogs.py [--folder /usr/share/locale] [--show 20]

Every compiled catalog (``*.mo``) under the folder that is UTF-8 is read (by
:func:`mojibake_fix.external.compiled_translations`); each distinct translation
that holds a character beyond ASCII is passed to :func:`mojibake_fix.fix` on
its own, as a user cleaning strings one by one would. On a Debian machine this
is some million strings in some 170 languages, many of which no word list
knows (Friulian, Welsh, Breton, Occitan): the hard case for a tool that must
leave clean text alone. Only the texts the scan wakes are repaired at all; the
report counts, per language, the texts changed, and shows some (a catalog may
hold real mojibake too).
"""

from __future__ import annotations

import argparse
import struct
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import mojibake_fix
from mojibake_fix.engine import plan_for
from mojibake_fix.external import compiled_translations


def translations(folder: Path) -> Iterator[tuple[str, str]]:
    """(language, translation) of every little-endian UTF-8 catalog under
    ``folder``, plural forms apart."""
    for path in sorted(folder.glob("*/LC_MESSAGES/*.mo")):
        try:
            found = list(compiled_translations(path.read_bytes()))
        except (OSError, UnicodeDecodeError, struct.error):
            continue  # another byte order or encoding, or no catalog
        for translation in found:
            for form in translation.split("\0"):
                if not form.isascii():
                    yield path.parts[-3], form


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=Path("/usr/share/locale"))
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    language_of: dict[str, str] = {}
    for language, text in translations(args.folder):
        language_of.setdefault(text, language)
    scan = plan_for().scan
    woken = [text for text in language_of if not scan.looks_clean(text)]
    changed = [(text, mojibake_fix.fix(text)) for text in woken]
    changed = [(text, result) for text, result in changed if result.changes]
    languages = len(set(language_of.values()))
    print(f"{len(language_of):,} distinct translations in {languages} languages")
    print(f"{len(woken):,} wake a detector, {len(changed):,} changed")
    by_language = Counter(language_of[text] for text, _ in changed)
    print("changed by language:", ", ".join(f"{lang} {n}" for lang, n in by_language.most_common()))
    for text, result in changed[: args.show]:
        edits = ", ".join(f"{c.original!r} → {c.replacement!r}" for c in result.changes[:3])
        print(f"  {language_of[text]:5} {text[:70]!r}: {edits}")


if __name__ == "__main__":
    main()
