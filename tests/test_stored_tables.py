"""Tables built once per machine: kept whole, read back the same, rebuilt when unreadable."""

from __future__ import annotations

import os
import subprocess
import sys
from array import array
from pathlib import Path

import pytest

from mojibake_fix.context import damaged, words
from mojibake_fix.context.stored import stored


def _counting(calls: list[int]) -> list[array[int]]:
    calls.append(1)
    return [array("Q", [3, 1, 2]), array("B", "é\n火".encode())]


def test_a_table_is_built_once_and_read_back_the_same(tmp_path: Path) -> None:
    calls: list[int] = []
    first = stored(tmp_path, "t", lambda: _counting(calls))
    second = stored(tmp_path, "t", lambda: _counting(calls))
    assert first == second == _counting([])
    assert [a.typecode for a in second] == ["Q", "B"]
    assert calls == [1]
    assert [path.name for path in tmp_path.iterdir()] == ["t"]  # no temporary file left


def test_a_table_that_cannot_be_read_is_built_again(tmp_path: Path) -> None:
    calls: list[int] = []
    stored(tmp_path, "t", lambda: _counting(calls))
    whole = (tmp_path / "t").read_bytes()
    for broken in (whole[:-3], b"something else", whole[:25] + b"\xff" + whole[26:]):
        (tmp_path / "t").write_bytes(broken)
        assert stored(tmp_path, "t", lambda: _counting(calls)) == _counting([])
    assert len(calls) == 4


def test_a_table_that_cannot_be_written_is_still_given(tmp_path: Path) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    calls: list[int] = []
    assert stored(blocked, "t", lambda: _counting(calls)) == _counting([])
    assert stored(blocked, "t", lambda: _counting(calls)) == _counting([])
    assert len(calls) == 2


def test_kept_tables_equal_the_ones_built_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another process builds and keeps them; this one reads them and compares.
    env = {**os.environ, "MOJIBAKE_FIX_CACHE": str(tmp_path)}
    script = (
        "from mojibake_fix.context import damaged, words\n"
        "damaged.damaged_index('is', 'c1'); words.frequencies('is', 'small')\n"
        "words.bigrams('is'); words.trigrams('is'); words.alphabet('is')\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True)
    kept = sorted(path.name for path in tmp_path.glob("tables/*/*"))
    assert kept == [
        "alphabet-is",
        "bigrams-is",
        "damaged-is-c1-common",
        "frequencies-is-small-0",
        "trigrams-is",
        "words-is-common",
    ]
    folder = next(tmp_path.glob("tables/*"))
    built_words = damaged._built_word_list("is", False)
    [text, letters, runs, buckets] = stored(folder, "words-is-common", lambda: [])
    assert (text.tobytes(), letters.tobytes().decode()) == (built_words.text, built_words.letters)
    assert (runs, buckets) == (built_words.runs, built_words.buckets)
    [index] = stored(folder, "damaged-is-c1-common", lambda: [])
    assert index == damaged._built_index("is", "c1", False)
    [entries, _, _] = stored(folder, "frequencies-is-small-0", lambda: [])
    assert entries == words._built_table(lambda: words._language_buckets("is", "small")).entries
    # Read back through the functions themselves (not their per-process caches).
    monkeypatch.setenv("MOJIBAKE_FIX_CACHE", str(tmp_path))
    assert words.bigrams.__wrapped__("is") == words._built_bigrams("is")
    kept_trigrams = words.trigrams.__wrapped__("is")
    built_trigrams = words.letter_table_arrays(words._flat_trigrams("is"))
    assert [kept_trigrams.runs, kept_trigrams.values] == built_trigrams
    assert words.alphabet.__wrapped__("is") == words._built_alphabet("is")
    assert not list(tmp_path.glob("tables/*/.*"))  # no temporary file left


def test_without_a_home_folder_tables_are_built_and_repairs_go_on() -> None:
    # No HOME and no cache folder set: Path.home() may fail; repairing must not.
    env = {
        key: value for key, value in os.environ.items() if key not in ("HOME", "MOJIBAKE_FIX_CACHE")
    }
    script = (
        "import pathlib, mojibake_fix\n"
        "def no_home(): raise RuntimeError('Could not determine home directory')\n"
        "pathlib.Path.home = staticmethod(no_home)\n"
        "print(mojibake_fix.fix('Ð Ð°Ð·Ð²Ð¾Ð´Ñ Ñ Ð² Ð¼Ð¾Ñ ÐºÐ²Ðµ').text)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert completed.stdout.startswith("Развод")
