"""Write src/mojibake_fix/context/emoji_annotations.tsv.xz: what each emoji
is called, and the words people look it up by, in every language the lossy
detector reads, from Unicode's CLDR annotations.

An emoji that lost its bytes is read as the one its text speaks of (see
``mojibake_fix.context.emoji_names``), so the names must be in the text's
own language: a Polish report of a late train says ``pociąg``, never
``train``. CLDR names every emoji in over a hundred languages; this keeps
those of single code points (what one lost lead byte can be) in the
languages below, one line each:

    language  TAB  emoji  TAB  short name  TAB  keywords (words, space-separated)

The annotations come from the npm package the Unicode consortium publishes
(``cldr-annotations-full``, Unicode License v3, see
src/mojibake_fix/context/emoji_annotations.LICENSE):

    npm pack cldr-annotations-full@48.2.0
    tar xzf cldr-annotations-full-48.2.0.tgz
    .venv/bin/python scripts/make_emoji_annotations.py package/annotations
"""

from __future__ import annotations

import json
import lzma
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "mojibake_fix" / "context" / "emoji_annotations.tsv.xz"
# The languages the detector can tell a text is in (wordfreq's, under
# CLDR's codes), and languages wordfreq lists under another code.
LANGUAGES = (
    "ar", "bg", "bn", "bs", "ca", "cs", "da", "de", "el", "en", "es", "et", "fa",
    "fi", "fr", "he", "hi", "hr", "hu", "id", "is", "it", "ja", "ko", "lt", "lv",
    "mk", "ms", "nl", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sr-Latn",
    "sv", "ta", "th", "tr", "uk", "ur", "vi", "zh",
)  # fmt: skip
_EMOJI = regex.compile(r"\p{Extended_Pictographic}")
_WORD = regex.compile(r"[^\W\d_]+")
# Below this, a character's UTF-8 is two bytes: a lost one leaves no emoji lead.
_FIRST_THREE_BYTE = 0x800


def annotation_lines(annotations: Path, lang: str) -> list[str]:
    entries = json.loads((annotations / lang / "annotations.json").read_text("utf-8"))
    lines = []
    for key, entry in sorted(entries["annotations"]["annotations"].items()):
        char = key.replace("\ufe0f", "")
        if len(char) != 1 or ord(char) < _FIRST_THREE_BYTE or not _EMOJI.match(char):
            continue
        if "tts" not in entry:
            continue
        name = entry["tts"][0]
        name_words = {word.casefold() for word in _WORD.findall(name)}
        keywords: dict[str, None] = {}
        for phrase in entry.get("default", ()):
            for word in _WORD.findall(phrase):
                if word.casefold() not in name_words:
                    keywords[word.casefold()] = None
        lines.append(f"{lang}\t{char}\t{name}\t{' '.join(keywords)}")
    return lines


def main(annotations: Path) -> None:
    lines = [line for lang in LANGUAGES for line in annotation_lines(annotations, lang)]
    TARGET.write_bytes(lzma.compress(("\n".join(lines) + "\n").encode("utf-8"), preset=9))
    print(f"{TARGET.relative_to(ROOT)}: {len(lines)} names in {len(LANGUAGES)} languages")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
