"""Single-byte code pages as character-to-byte tables.

UTF-8 mojibake is UTF-8 bytes shown through a single-byte code page. To undo
it we need, for each code page, the byte each character came from. ftfy's
"sloppy" codecs (``ftfy.bad_codecs``) decode every byte, passing undefined ones
through as the C1 control of the same number, which is what browsers and
many Windows programs do; we build our tables from them.

>>> cp1252 = code_page("cp1252")
>>> cp1252.encode("Ã©")
b'\\xc3\\xa9'
>>> cp1252.encode("Ã\x89") is None  # a C1 control: Latin-1 read it, not Windows-1252
True
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Python's codec name (the sloppy variant where the plain one leaves bytes
# undefined) for each code page we know, in the order we prefer them when two
# readings give the same text.
CODEC_NAMES: dict[str, str] = {
    "cp1252": "sloppy-windows-1252",
    "latin-1": "latin-1",
    "iso-8859-15": "iso-8859-15",
    "macroman": "mac-roman",
    "cp1250": "sloppy-windows-1250",
    "cp1251": "sloppy-windows-1251",
    "cp1253": "sloppy-windows-1253",
    "cp1254": "sloppy-windows-1254",
    "cp1257": "sloppy-windows-1257",
    "iso-8859-2": "iso-8859-2",
    "cp437": "cp437",
    "cp850": "cp850",
    "koi8-r": "koi8-r",
    "cp866": "cp866",
}


@dataclass(frozen=True, slots=True)
class CodePage:
    """One code page's high half as a character-to-byte table."""

    name: str
    codec: str
    byte_of: dict[str, int]
    # The bytes the page's own (strict) decoder does not read: a program
    # that decoded with it wrote U+FFFD for each, and only these can have
    # been lost so.
    undefined: bytes = b""

    def characters(self, low: int, high: int) -> str:
        """The characters that bytes ``low`` to ``high`` (inclusive) stand for."""
        return "".join(ch for ch, b in self.byte_of.items() if low <= b <= high)

    def encode(self, text: str) -> bytes | None:
        """The bytes ``text`` came from, or ``None`` if it could not have."""
        if _unshown(self.name).search(text):
            # The codec would refuse it too, at the cost of an exception:
            # most texts are asked of every page, and most pages fail.
            return None
        if "\ufffd" in text or "\x1a" in text:
            # The sloppy codecs write U+FFFD as the SUB control, and refuse SUB.
            return self._encode_each(text)
        try:
            return text.encode(self.codec)
        except UnicodeEncodeError:
            return None

    def _encode_each(self, text: str) -> bytes | None:
        out = bytearray()
        for ch in text:
            code = ord(ch)
            byte = code if code < 0x80 else self.byte_of.get(ch)
            if byte is None:
                return None
            out.append(byte)
        return bytes(out)


@functools.cache
def _unshown(name: str) -> re.Pattern[str]:
    """A character page ``name`` cannot show: neither ASCII nor one of its
    high half. The codecs refuse exactly these (each page's encoder is the
    inverse of its decoder)."""
    shown = "".join(re.escape(ch) for ch in code_page(name).byte_of)
    return re.compile(f"[^\x00-\x7f{shown}]")


@functools.cache
def code_page(name: str) -> CodePage:
    """The table for ``name`` (a key of :data:`CODEC_NAMES`)."""
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)

    codec = CODEC_NAMES[name]
    byte_of: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        char = bytes([byte]).decode(codec, errors="replace")
        if char != "\ufffd":
            byte_of[char] = byte
    strict = codec.removeprefix("sloppy-")
    undefined = bytes(
        byte
        for byte in range(0x80, 0x100)
        if bytes([byte]).decode(strict, errors="replace") == "\ufffd"
    )
    return CodePage(name=name, codec=codec, byte_of=byte_of, undefined=undefined)


@functools.cache
def stretch_pattern(name: str) -> re.Pattern[str]:
    """A stretch of characters page ``name`` shows (ASCII among them),
    holding one that is not ASCII: all of a text one reading of the page can
    explain, between characters it cannot show.

    It starts only where such a run starts: tried from every character of a
    long ASCII run that a character the page cannot show ends, the run would be
    read again from each, quadratic time in it.

    >>> [m.group() for m in stretch_pattern("cp1252").finditer("×”×© שלום cafÃ© ש")]
    ['×”×© ', ' cafÃ© ']
    """
    shown = "".join(re.escape(ch) for ch in code_page(name).byte_of)
    return re.compile(f"(?<![\x00-\x7f{shown}])[\x00-\x7f]*[{shown}][\x00-\x7f{shown}]*")


def cut_from_more(text: str, start: int, end: int) -> bool:
    """Whether the stretch ``start:end`` of ``text`` touches, with no ASCII
    between, a character its page cannot show: a sequence may run on into
    it (``Â©`` of ``nÃƒÂ©`` in Latin-1, which has no ``ƒ``), so the stretch
    is no whole reading of its own."""
    return (start > 0 and not text[start].isascii()) or (
        end < len(text) and not text[end - 1].isascii()
    )


@functools.cache
def _as_latin_1() -> dict[int, str]:
    """Each Windows-1252 character outside Latin-1 (``€``, ``Š``) as the
    Latin-1 character of its byte, so that a Latin-1 encoding gives the
    bytes of a Windows-1252 reading."""
    return {
        ord(ch): chr(byte) for ch, byte in code_page("cp1252").byte_of.items() if ord(ch) > 0xFF
    }


def western_bytes(text: str, errors: str = "strict") -> bytes | None:
    """The bytes ``text`` came from if Windows-1252 or Latin-1 read them (the
    bytes Windows-1252 leaves undefined shown as their C1 controls); ``None``
    where it holds a character neither shows and ``errors`` is strict.

    >>> western_bytes("â€™\x81"), western_bytes("Ж")
    (b'\xe2\x80\x99\x81', None)
    """
    try:
        return text.translate(_as_latin_1()).encode("latin-1", errors)
    except UnicodeEncodeError:
        return None


@functools.cache
def western_characters() -> str:
    """Every character Windows-1252 or Latin-1 shows for a byte, as the body
    of a regular expression's character class."""
    beyond = "".join(re.escape(chr(ch)) for ch in sorted(_as_latin_1()))
    return f"\\x00-\\xff{beyond}"


# U+FEFF: at the head of a file, the signature (byte order mark) of its
# Unicode encoding, which the decoder drops; elsewhere a character text holds.
BYTE_ORDER_MARK = "\ufeff"


def utf8_of(raw: bytes) -> str | None:
    """``raw`` decoded as UTF-8, or ``None`` where it is none."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
