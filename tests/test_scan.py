"""The first look at every text, and the shortcut for texts one code page explains.

The scan may only let a text through when the detectors would find nothing
to apply in it; the whole-text reading may only take a text when its repair
is the one judging every run would make (or better: the expected text).
"""

from __future__ import annotations

import dataclasses
import json
import pickle
from pathlib import Path
from typing import Any

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)
import pytest

import mojibake_fix
from mojibake_fix import engine, layers
from mojibake_fix.calibration import calibrated_change
from mojibake_fix.codepages import CODEC_NAMES, code_page
from mojibake_fix.detectors import select
from mojibake_fix.detectors.utf8_scan import is_suspect
from mojibake_fix.engine import _repair, plan_for
from mojibake_fix.model import Change, DeferredChanges, changes_by_runs
from mojibake_fix.scan import Scan

from .conftest import ROOT, TRICKY_CLEAN, clean_paragraphs, load_script

CASES = ROOT / "corpus" / "cases.jsonl"
NEGATIVES = ROOT / "corpus" / "negatives.txt"
OPT_IN = {d.id for d in mojibake_fix.detectors.DETECTORS if not d.enabled_by_default}


def corpus_cases() -> list[dict[str, str]]:
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines()]
    return [case for case in cases if "input_form" not in case]


def negatives() -> list[str]:
    return NEGATIVES.read_text(encoding="utf-8").splitlines()


def misread(text: str, codec: str) -> str | None:
    try:
        return text.encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        return None


def test_scan_lets_through_nothing_the_detectors_would_apply() -> None:
    plan = plan_for()
    texts = [case["input"] for case in corpus_cases()] + negatives() + TRICKY_CLEAN
    let_through = [text for text in texts if plan.scan.looks_clean(text) and not text.isascii()]
    assert len(let_through) > 900  # the negatives, mostly
    for text in let_through:
        assert _repair(text, plan, mojibake_fix.DEFAULT_MIN_CONFIDENCE).changes == (), text


def test_every_mojibake_case_of_a_default_family_wakes_the_detectors() -> None:
    plan = plan_for()
    broken = [
        case
        for case in corpus_cases()
        if case["input"] != case["expected"] and case["family"] not in OPT_IN
    ]
    assert len(broken) > 2000
    missed = [case["input"] for case in broken if plan.scan.looks_clean(case["input"])]
    # A case can be left alone only if the engine could not repair it anyway.
    for text in missed:
        assert _repair(text, plan, mojibake_fix.DEFAULT_MIN_CONFIDENCE).text == text


def test_clean_prose_in_every_language_seldom_wakes_the_detectors() -> None:
    plan = plan_for()
    texts = [text for _, text in clean_paragraphs()]
    woken = [text for text in texts if not plan.scan.looks_clean(text)]
    assert len(woken) / len(texts) < 0.01, woken


def _brute_force_woken(scan: Scan, text: str) -> set[int]:
    """The detectors whose checks fire anywhere in ``text``, position by position."""
    fired: set[int] = set()
    for index in range(len(text)):
        for check, owners in zip(scan.checks, scan.check_owners, strict=True):
            anchor, confirm = check
            if anchor.match(text, index) and (confirm is None or confirm(text, index)):
                fired |= owners
    for trigger, owners in zip(scan.triggers, scan.trigger_owners, strict=True):
        pattern, confirm = trigger
        if any(confirm is None or confirm(text, m.start()) for m in pattern.finditer(text)):
            fired |= owners
    return fired


def test_woken_names_every_detector_a_check_wakes_anywhere() -> None:
    plan = plan_for()
    texts = [case["input"] for case in corpus_cases()][::4] + TRICKY_CLEAN
    texts += ["cafÃ©", "Ã la carte", "«НОВЫЙ ЭТАП В КАРЬЕРЕ»", "ÐÃÐaa\ufffdÐ Ã Ðabb"]
    for text in texts:
        assert set(plan.scan.woken(text)) == _brute_force_woken(plan.scan, text), text


def test_a_detector_that_is_not_woken_finds_nothing_to_apply() -> None:
    """The first pass runs only the detectors the scan wakes: the others
    must have nothing right to apply, and nothing at all in clean text. (A
    UTF-8 page run alone may read a pair that tells nothing, ``Ä³`` as ``ĳ``,
    in legacy Ukrainian that another detector woke for: no part of the text
    the author wrote.)"""
    plan = plan_for()
    minimum = mojibake_fix.DEFAULT_MIN_CONFIDENCE
    expected = {case["input"]: case["expected"] for case in corpus_cases()}
    texts = list(expected) + negatives() + TRICKY_CLEAN
    texts += [text for _, text in clean_paragraphs()]
    looked_at = 0
    for text in texts:
        if plan.scan.looks_clean(text):
            continue
        woken = plan.scan.woken(text)
        for position, detector in enumerate(plan.detectors):
            if position in woken:
                continue
            looked_at += 1
            applied = [f for f in detector.find(text) if f.confidence >= minimum]
            written = expected.get(text, text)
            right = [f for f in applied if f.replacement and f.replacement in written]
            assert not right, (detector.id, text)
            assert text in expected or not applied, (detector.id, text)
    assert looked_at > 8_000


@pytest.mark.parametrize("name", sorted(CODEC_NAMES))
def test_utf8_read_in_any_code_page_is_suspect(name: str) -> None:
    misreadings = [
        broken
        for _, text in clean_paragraphs()
        if (broken := misread(text, CODEC_NAMES[name])) is not None and broken != text
    ]
    assert len(misreadings) > 100
    assert all(is_suspect(text) for text in misreadings if len(text) > 40)


@pytest.mark.parametrize(
    "text",
    [
        "Всё в порядке: Её рёв, лёд, ВСЁ ВПЕРЁД.",  # ё after a lead in KOI8-R and Windows-1251
        "Від Києва до Львова — далеко. Діти й Ігор.",  # Ві, Ді in Windows-1251
        "l’été, d’où, c’è, «Élise», “À bientôt”",  # MacRoman leads before letters
        "SZKÓŁ FANÚŠIKOVIA ΝΙΑΣ ΕΛΛΆΔΑ",  # capitals of every script
        "«НОВЫЙ ЭТАП В КАРЬЕРЕ». ІМ У КАР’ЄРІ",  # Е» and Р’ are pairs in Windows-1251
        "КонецЦикла; ЭтотОбъект.ТекущаяДата",  # camel case: cp866's цЦи is a hanzi
        "stráž, též, již, váš a náš dom",  # áž and éš before a space: no-break space lost
        *TRICKY_CLEAN,
    ],
)
def test_clean_pairs_that_are_sequences_by_chance_are_not_suspect(text: str) -> None:
    assert not is_suspect(text)


def _whole_and_judged(text: str) -> tuple[mojibake_fix.Result, mojibake_fix.Result]:
    plan = plan_for()
    judged = dataclasses.replace(plan, whole_readers=())
    minimum = mojibake_fix.DEFAULT_MIN_CONFIDENCE
    return _repair(text, plan, minimum), _repair(text, judged, minimum)


def _same_bytes(run: str, detector: str, other: str) -> bool:
    pages = [code_page(name.removeprefix("utf8-as-")) for name in (detector, other)]
    return pages[0].encode(run) == pages[1].encode(run) is not None


def whole_reading_pairs() -> list[tuple[str, str]]:
    """(input, expected): the corpus's UTF-8 cases, and every paragraph read
    as UTF-8 in every code page, one and two layers deep."""
    pairs = [
        (case["input"], case["expected"])
        for case in corpus_cases()
        if case["family"].startswith("utf8-as") or case["family"] == "mixed"
    ]
    paragraphs = [text for _, text in clean_paragraphs()][::3]
    for codec in CODEC_NAMES.values():
        for text in paragraphs:
            once = misread(text, codec)
            if once is not None and once != text:
                pairs.append((once, text))
                twice = misread(once, codec)
                if twice is not None and codec in ("sloppy-windows-1252", "mac-roman"):
                    pairs.append((twice, text))
    return pairs


@pytest.mark.parametrize(
    "text, written",
    [
        ("MOЕ»E, JEЕ» i TEЕ».", "MOŻE, JEŻ i TEŻ."),  # Polish capitals in Windows-1251
        ("РќРћР’Р«Р™ Р­РўРђРџ", "НОВЫЙ ЭТАП"),
        ("КонецЦикла; уБУуВУуБлуБбуБп", "КонецЦикла; こんにちは"),  # cp866: a run of them
        ("Слово ф╕нцЦЗ", "Слово 中文"),
    ],
)
def test_pairs_with_their_neighbours_fitting_are_still_suspect(text: str, written: str) -> None:
    assert is_suspect(text)
    assert mojibake_fix.fix(text).text == written


def test_whole_text_reading_repairs_as_judging_every_run_would() -> None:
    pairs = whole_reading_pairs()
    assert len(pairs) > 2500
    taken = 0
    for text, expected in pairs:
        whole, judged = _whole_and_judged(text)
        if whole.text == judged.text:
            spans = [(c.start, c.end, c.replacement) for c in whole.changes]
            assert spans == [(c.start, c.end, c.replacement) for c in judged.changes]
            for read, chosen in zip(whole.changes, judged.changes, strict=True):
                # Stretches are read by the first page in priority order; the
                # judge may name another that reads the run from the same bytes.
                assert read.detector == chosen.detector or _same_bytes(
                    read.original, read.detector, chosen.detector
                )
        else:
            # Where they differ the reading of the whole text is the right one.
            assert whole.text == expected, text
        taken += isinstance(whole.changes, DeferredChanges)
        assert whole.revert() == text
    assert taken > len(pairs) // 2


def test_whole_text_reading_leaves_clean_text_and_partly_broken_text_to_judging() -> None:
    plan = plan_for()
    for text in [*TRICKY_CLEAN, "cafÃ© crème", "Ã© is how é looks when misread"]:
        for reader in plan.whole_readers:
            assert reader.read_whole is not None
            assert reader.read_whole(text) is None, (reader.id, text)


def test_deferred_changes_behave_as_the_tuple_they_stand_for() -> None:
    original, fixed = "cafÃ© crÃ¨me", "café crème"
    built = changes_by_runs(original, fixed, "utf8-as-cp1252", 0.99, "UTF-8 read as cp1252")
    deferred = DeferredChanges(lambda: built)
    assert deferred == built and built == deferred and hash(deferred) == hash(built)
    assert len(deferred) == 2 and deferred[0].original == "Ã©" and deferred[-1:] == built[-1:]
    assert list(deferred) == list(built) and repr(deferred) == repr(built)
    assert pickle.loads(pickle.dumps(deferred)) == built
    result = mojibake_fix.fix(original)
    reported = tuple(calibrated_change(change) for change in built)
    assert result.changes == reported and result.revert() == original
    assert pickle.loads(pickle.dumps(result)) == result


@pytest.mark.parametrize(
    "text", ["cafÃ© crÃ¨me", "cafÃƒÂ© crÃƒÂ¨me", "cafÃ© crÃ¨me".encode().decode("latin-1")]
)
def test_changes_are_worked_out_only_when_looked_at(text: str) -> None:
    # Whole readings and peeled layers leave their changes to be built by
    # whoever asks for them: the engine itself must not ask.
    built: list[int] = []
    real = changes_by_runs

    def counted(*args: Any, **kwargs: Any) -> tuple[Change, ...]:
        built.append(1)
        return real(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "changes_by_runs", counted)
        patch.setattr(layers, "changes_by_runs", counted)
        result = mojibake_fix.fix(text)
        assert result.text == "café crème"
        assert not built
        assert result.revert() == text
        assert built


def test_lead_letter_lists_are_what_their_script_makes() -> None:
    script = load_script("make_written_leads")
    assert Path(script.TARGET).read_text(encoding="utf-8").split() == script.written_leads()
    listed = Path(script.ONE_LETTER_TARGET).read_text(encoding="utf-8").split()
    assert listed == script.one_letter_words()
    neighbours = Path(script.NEIGHBOURS_TARGET).read_text(encoding="utf-8").splitlines()
    assert neighbours == script.lead_neighbours()


@pytest.mark.parametrize(
    "text",
    [
        "Le château et la pâte: l’âge d’or du théâtre.",
        "Zastupitelstvo schválilo příští rozpočet. Náš tým vyhrál.",
        "Mâine, românii sărbătoresc în câmpie.",
        "Se servesc cu mămăligă și smântână… și brânză",  # rarer words, written with ă
        "«È una svolta per la città», ha detto.",  # Ȁ-ȟ are no words alone; Lao after à
        "—Ya está», dijo. «Lo habló”.",
        # ``ü`` (FC) is no byte of UTF-8: the word is written as it stands.
        "Kostantiniyyetü'l-Mahrusâtü'l-Mahmiyye gibi başlıklar",
    ],
)
def test_leads_that_are_letters_of_common_words_do_not_wake_the_lossy_detector(
    text: str,
) -> None:
    lossy = plan_for(disable=frozenset(d.id for d in select() if d.id != "lossy-utf8"))
    assert lossy.scan.looks_clean(text)
    assert mojibake_fix.fix(text).text == text


def test_clean_text_gets_the_result_the_dataclass_would_build() -> None:
    for text in ["plain ASCII", "Всё в порядке", ""]:
        result = mojibake_fix.fix(text)
        assert result == mojibake_fix.Result(text=text, original=text)
        assert (result.text, result.original) == (text, text)
        assert (result.changes, result.findings) == ((), ())
        assert result.encoding is None and not result.changed
        assert pickle.loads(pickle.dumps(result)) == result
        with pytest.raises(dataclasses.FrozenInstanceError):
            result.text = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "clean"),
    [("proÄŤ", "proč"), ("statiÄŤna metoda", "statična metoda"), ("Ăşj", "új")],
)
def test_a_lead_whole_with_a_byte_of_another_page_wakes_no_lossy_look(
    text: str, clean: str
) -> None:
    # ``Ť`` is no character of Latin-1 or Windows-1252: ``ÄŤ`` is Windows-1250's
    # whole ``č``, no lead that lost its byte.
    lossy = plan_for(disable=frozenset(d.id for d in select() if d.id != "lossy-utf8"))
    assert lossy.scan.looks_clean(text)
    assert mojibake_fix.fix(text).text == clean
