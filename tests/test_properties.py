"""Properties that hold for every string: no exception, exact revert,
consistent offsets, idempotence."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

import mojibake_fix
from mojibake_fix import Result

# Every code point, surrogates and controls included, weighted towards the
# characters mojibake is made of so that repairs actually happen.
ANY_CHAR = st.characters(codec=None, categories=None)
MOJIBAKE_CHAR = st.sampled_from(
    "ÃÂâ€œ\x9d™©®°±²³´µ¶·¸¹º»¼½¾¿ÐÑРСЂЃ‚ѓ„…†‡ÅÄÎ×ØÙ╨╤├┼─ \xa0\x80\x93\x94\ufffd"
    "\ud83d\ude00\ud800&;#é"
)
TEXT = st.text(st.one_of(ANY_CHAR, MOJIBAKE_CHAR), max_size=60)


def mojibake_of(text: str) -> str:
    return text.encode("utf-8", "surrogatepass").decode("cp1252", "replace")


def check_result(text: str, result: Result) -> None:
    assert result.revert() == text
    assert mojibake_fix.revert(result.text, result.changes) == text
    previous_end = -1
    for change in result.changes:
        assert change.start >= previous_end
        previous_end = change.end
        assert text[change.start : change.end] == change.original
        assert result.text[change.fixed_start : change.fixed_end] == change.replacement
        assert 0.0 <= change.confidence <= 1.0
        assert change.detector and change.reason


@settings(max_examples=400, deadline=None)
@given(TEXT)
@example("")
@example("\ud800")
@example("\x00\x85\x9d")
@example("cafÃƒÂ©")
@example("e\u0301\u0301")
def test_fix_is_total_exact_and_idempotent(text: str) -> None:
    result = mojibake_fix.fix(text)
    check_result(text, result)
    assert mojibake_fix.fix(result.text).text == result.text


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=40))
@example("÷ë")  # one layer read whole, and one more the UTF-8 detectors see after it
@example("Ì\x800Â")  # reads whole in ISO-8859-15 once its cut end is dropped
def test_mojibake_of_any_text_reverts_exactly(text: str) -> None:
    broken = mojibake_of(text)
    result = mojibake_fix.fix(broken)
    check_result(broken, result)
    assert mojibake_fix.fix(result.text).text == result.text


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_detect_is_total(text: str) -> None:
    for finding in mojibake_fix.detect(text):
        assert 0 <= finding.start <= finding.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_saved_report_reverts(text: str) -> None:
    result = mojibake_fix.fix(text)
    changes = mojibake_fix.changes_from_dict(result.to_dict())
    assert mojibake_fix.revert(result.text, changes) == text
    assert mojibake_fix.apply(text, changes) == result.text


# Words in several scripts, and the ways scraped text damages them.
WORDS = (
    "café",
    "voilà",
    "São",
    "Paulo",
    "SÃO",
    "château",
    "naïve",
    "Władysław",
    "Šta",
    "Привет",
    "Ελλάδα",
    "日本語",
    "नमस्ते",
    "“quoted”",
    "it’s",
    "–",
    "…",
    "🎉",
    "ß",
    "the",
    "and",
    "42",
)
C1 = "".join(map(chr, range(0x80, 0xA0)))


def _as_cp1252(word: str) -> str:
    return word.encode("utf-8").decode("sloppy-windows-1252")


DAMAGE = (
    lambda word: word,
    _as_cp1252,
    lambda word: _as_cp1252(_as_cp1252(word)),
    lambda word: word.encode("utf-8").decode("latin-1"),
    lambda word: word.encode("utf-8").decode("latin-1").translate(dict.fromkeys(map(ord, C1))),
    lambda word: _as_cp1252(word).translate(dict.fromkeys(map(ord, "\x81\x8d\x8f\x90\x9d"))),
    lambda word: _as_cp1252(word).replace("\xa0", " "),
    lambda word: _as_cp1252(word).rstrip("\xa0").rstrip(),
    lambda word: word.encode("utf-8")[:-1].decode("sloppy-windows-1252"),
)
FRAGMENT = st.tuples(st.sampled_from(WORDS), st.sampled_from(DAMAGE)).map(lambda p: p[1](p[0]))
FRAGMENTS = st.lists(
    st.tuples(FRAGMENT, st.sampled_from((" ", " ", ", ", "\n", "\xa0"))), max_size=8
).map(lambda parts: "".join(fragment + sep for fragment, sep in parts).strip(" "))


@settings(max_examples=300, deadline=None)
@given(FRAGMENTS)
@example("SÃo Paulo")  # C3 83 with its C1 byte stripped reads as the Ã it shows
@example("ÐŸÑ€Ð¸Ð²ÐµÑ‚\xa0â€,")  # read around its lost bytes, then every page looks last
@example("ÎÎ\xad\x81Î± â€")  # read around its lost bytes once the cut end is dropped
def test_every_change_changes_something_and_fixing_again_changes_nothing(text: str) -> None:
    result = mojibake_fix.fix(text)
    check_result(text, result)
    assert all(change.original != change.replacement for change in result.changes)
    assert not list(mojibake_fix.fix(result.text).changes)
