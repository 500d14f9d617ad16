"""Nothing is written outside the cache folder the user sets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mojibake_fix.cache import cache_folder, pythainlp_data_in_cache

_THAI_WORDS = """
import os
from mojibake_fix.context.words import frequencies
assert "ภาษา" in frequencies("th")
print(os.environ.get("PYTHAINLP_DATA", ""))
"""


def _run(home: Path, cache: Path, **extra: str) -> str:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("PYTHAINLP_")
    }
    environment.update(HOME=str(home), MOJIBAKE_FIX_CACHE=str(cache), **extra)
    completed = subprocess.run(
        [sys.executable, "-c", _THAI_WORDS],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout.strip()


def test_thai_word_counts_write_nothing_to_the_home_folder(tmp_path: Path) -> None:
    home, cache = tmp_path / "home", tmp_path / "cache"
    home.mkdir()
    leftover = _run(home, cache)
    assert list(home.iterdir()) == []
    assert sorted(path.name for path in cache.iterdir()) == ["pythainlp-data", "tables"]
    assert leftover == ""  # the variable was set for the import only


def test_a_pythainlp_folder_the_user_chose_is_kept(tmp_path: Path) -> None:
    home, cache, chosen = tmp_path / "home", tmp_path / "cache", tmp_path / "chosen"
    home.mkdir()
    assert _run(home, cache, PYTHAINLP_DATA=str(chosen)) == str(chosen)
    assert chosen.is_dir()
    assert not (cache / "pythainlp-data").exists()
    # The cache folder holds the word tables the run built, and nothing else.
    assert [path.name for path in cache.iterdir()] == ["tables"]


def test_the_cache_folder_is_the_one_the_user_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOJIBAKE_FIX_CACHE", str(tmp_path))
    monkeypatch.delenv("PYTHAINLP_DATA", raising=False)
    monkeypatch.delenv("PYTHAINLP_DATA_DIR", raising=False)
    assert cache_folder() == tmp_path
    with pythainlp_data_in_cache():
        assert os.environ["PYTHAINLP_DATA"] == str(tmp_path / "pythainlp-data")
    assert "PYTHAINLP_DATA" not in os.environ
